"""Portal JSON that groups participants: a batch record with its list of participants, and lists
filed under their level or batch label.

Before: the batch's own "tanggal" (its date) was read as every participant's birth date
(nik_tanggal_lahir_mismatch on each row, and linkage detaches a NIK whose every row contradicts
its date); lists under "jenjang_3" / "jenjang_2" were rejected as "more than one list of records".
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from sources import headers
from sources.readers import fill_jenjang
from sources.readers.json_reader import labelled_lists, read_json
from sources.registry import Office
from standardize.record import standardize_submission

OFFICE = Office(id="kab-muaro-jambi", name="Dinas PUPR Kabupaten Muaro Jambi", level="regency", region_code="15.05")


def _rows(document: object):
    tables = read_json(json.dumps(document).encode(), OFFICE)
    frames = []
    for table in tables:
        fill_jenjang(table, "api.json")
        n = len(table.source_rows)
        frame = {c: table.columns.get(c, [None] * n) for c in headers.RAW_COLUMNS}
        frame.update({"office_id": [OFFICE.id] * n, "source_file": ["api.json"] * n, "source_sha256": ["x"] * n,
                      "source_sheet": [table.report.sheet] * n, "source_row": [str(r) for r in table.source_rows]})
        frames.append(pd.DataFrame(frame, dtype=object))
    return standardize_submission(pd.concat(frames, ignore_index=True)).rows


def test_a_batch_date_is_not_the_participants_birth_date():
    document = {"status": "ok", "data": [
        {"kegiatan": "Sertifikasi Operator Tahap I", "jenjang": "3", "tanggal": "2025-10-01",
         "peserta": [{"nama": "SUPRIYADI", "nik": "1505011505830001", "jabatan_kerja": "Operator Excavator",
                      "hasil": "Kompeten"},
                     {"nama": "HERI SUSANTO", "nik": "1505021402880001", "jabatan_kerja": "Operator Crane",
                      "hasil": "Belum Kompeten"}]},
        # one participant: the list of one is read as the object it holds
        {"kegiatan": "Sertifikasi Operator Tahap II", "jenjang": "2", "tanggal": "2025-11-01",
         "peserta": [{"nama": "SUGIANTO", "nik": "1505040906860003", "tgl_lahir": "1986-06-09",
                      "jabatan_kerja": "Tukang Batu", "hasil": "Kompeten"}]}]}
    rows = _rows(document).sort_values("nama")
    assert rows["jenjang"].astype(int).tolist() == [3, 2, 3]
    assert rows["flags"].tolist() == ["", "", ""]
    assert [None if pd.isna(d) else str(d.date()) for d in rows["tanggal_lahir"]] == [None, "1986-06-09", None]


def test_a_person_with_a_list_of_certificates_keeps_their_birth_date():
    document = [{"nama": "BUDI", "nik": "1505011505830001", "tanggal_lahir": "1983-05-15",
                 "sertifikat": [{"jabatan_kerja": "Operator Excavator", "jenjang": "3", "hasil": "K"},
                                {"jabatan_kerja": "Operator Crane", "jenjang": "2", "hasil": "K"}]}]
    rows = _rows(document)
    assert [str(d.date()) for d in rows["tanggal_lahir"]] == ["1983-05-15", "1983-05-15"]


@pytest.mark.parametrize(
    ("document", "labels"),
    [
        ({"jenjang_3": [{"nama": "A"}], "jenjang_2": [{"nama": "B"}]}, ["jenjang_3", "jenjang_2"]),
        ({"data": {"Tahap I": [{"nama": "A"}], "Tahap II": [{"nama": "B"}]}, "meta": {"total": 2}},
         ["Tahap I", "Tahap II"]),
        ({"2024": [{"nama": "A"}], "2025": [{"nama": "B"}]}, ["2024", "2025"]),
        # other lists beside them: which holds the participants is not said
        ({"peserta": [{"nama": "A"}], "asesor": [{"nama": "B"}]}, None),
        ({"jenjang_3": [{"nama": "A"}], "asesor": [{"nama": "B"}]}, None),
        ({"jenjang_3": [{"nama": "A"}]}, None),
    ],
)
def test_labelled_lists(document, labels):
    found = labelled_lists(document)
    assert (None if found is None else [label for label, _ in found]) == labels


def test_lists_filed_under_their_level():
    document = {"jenjang_3": [{"nama": "A SATU", "nik": "6303011104820003", "jabatan": "Operator Excavator",
                               "hasil": "K"}],
                "jenjang_2": [{"nama": "B DUA", "nik": "6303056501930002", "jabatan": "Tukang Batu", "hasil": "K"}]}
    rows = _rows(document)
    assert list(zip(rows["source_sheet"], rows["jenjang"].astype(int))) == [("jenjang_3", 3), ("jenjang_2", 2)]
