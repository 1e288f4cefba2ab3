"""Two shapes of portal JSON blind world 4 found unread: Odoo's many2one values (``[id, "display
name"]`` under a ``*_id`` field, as ``read`` / ``search_read`` answer them) and a file that is
one participant's record (an object, not a list of them)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from sources.readers import read_submission
from sources.registry import Office, ReaderOptions
from standardize.record import standardize_submission

OFFICE = Office(id="kota-banda-aceh", name="Dinas PUPR Kota Banda Aceh", level="city", region_code="11.71",
                landing="kota-banda-aceh", reader=replace(ReaderOptions()))
COLUMNS = ("source_sheet", "source_row", "nama", "nik", "jenjang", "kualifikasi", "jabatan_kerja", "hasil")
AGUS = {"id": 7, "name": "AGUS SALIM", "nik": "1171021203850001"}
RINA = {"id": 8, "name": "RINA MARLINA", "nik": "1171024507920002"}


def read(tmp_path, document, name="ekspor.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return read_submission(path, OFFICE)


def rows(submission) -> list[tuple]:
    assert submission.error is None, submission.error
    frame = submission.rows.reindex(columns=list(COLUMNS))
    return [tuple(None if value != value else value for value in row) for row in frame.itertuples(index=False)]


@pytest.mark.parametrize(("document", "expected"), [
    # search_read of a certification model: the level, qualification and jabatan are many2one
    ([{**AGUS, "jenjang_id": [3, "Jenjang 3"], "kualifikasi_id": [12, "Teknisi/Analis"],
       "jabatan_kerja_id": [41, "Pelaksana Lapangan Pekerjaan Gedung"], "hasil": "Kompeten"}],
     [("", "1", "AGUS SALIM", "1171021203850001", "Jenjang 3", "Teknisi/Analis",
       "Pelaksana Lapangan Pekerjaan Gedung", "Kompeten")]),
    # the JSON-RPC answer around it; an empty many2one is false, not null
    ({"jsonrpc": "2.0", "id": 1, "result": [
        {**AGUS, "jenjang_id": [7, "Jenjang 7"], "kualifikasi_id": [14, "Ahli"], "hasil": "Kompeten"},
        {**RINA, "jenjang_id": False, "kualifikasi_id": [13, "Teknisi/Analis"], "hasil": "Belum Kompeten"}]},
     [("", "1", "AGUS SALIM", "1171021203850001", "Jenjang 7", "Ahli", None, "Kompeten"),
      ("", "2", "RINA MARLINA", "1171024507920002", None, "Teknisi/Analis", None, "Belum Kompeten")]),
    # a plain id is a key into another table, not a level: unread
    ([{**AGUS, "jenjang_id": 3, "hasil": "Kompeten"}],
     [("", "1", "AGUS SALIM", "1171021203850001", None, None, None, "Kompeten")]),
    # the record's own jenjang field wins over the reference's name
    ([{**AGUS, "jenjang": 4, "jenjang_id": [3, "Jenjang 3"], "hasil": "Kompeten"}],
     [("", "1", "AGUS SALIM", "1171021203850001", "4", None, None, "Kompeten")]),
    # a person read with their certificates (one2many read nested): many2one inside each object
    ([{**AGUS, "sertifikat_ids": [{"jenjang_id": [2, "Jenjang 2"], "hasil": "Kompeten"},
                                  {"jenjang_id": [3, "Jenjang 3"], "hasil": "Kompeten"}]}],
     [("sertifikat_ids[1]", "1", "AGUS SALIM", "1171021203850001", "Jenjang 2", None, None, "Kompeten"),
      ("sertifikat_ids[2]", "1", "AGUS SALIM", "1171021203850001", "Jenjang 3", None, None, "Kompeten")]),
], ids=["search-read", "json-rpc-false", "plain-id", "own-field-wins", "nested"])
def test_odoo_many2one_is_read_by_its_display_name(tmp_path, document, expected):
    assert rows(read(tmp_path, document)) == expected


@pytest.mark.parametrize(("document", "expected"), [
    # a detail endpoint's answer, or a clerk's "export this participant"
    ({"nama": "AGUS SALIM", "nik": "1171021203850001", "jenjang": 3, "hasil": "Kompeten"},
     [("", "1", "AGUS SALIM", "1171021203850001", "3", None, None, "Kompeten")]),
    # one resource under data (a Laravel API resource's show)
    ({"data": {"nama": "AGUS SALIM", "nik": "1171021203850001", "jenjang": "Jenjang 5"}, "message": "ok"},
     [("", "1", "AGUS SALIM", "1171021203850001", "Jenjang 5", None, None, None)]),
    # one person with their certificates: a row for each
    ({"nama": "AGUS SALIM", "nik": "1171021203850001",
      "sertifikat": [{"jenjang": 3, "hasil": "Kompeten"}, {"jenjang": 4, "hasil": "Belum Kompeten"}]},
     [("sertifikat[1]", "1", "AGUS SALIM", "1171021203850001", "3", None, None, "Kompeten"),
      ("sertifikat[2]", "1", "AGUS SALIM", "1171021203850001", "4", None, None, "Belum Kompeten")]),
    # Odoo's read of one record, a many2one in it
    ({**AGUS, "jenjang_id": [6, "Jenjang 6"], "kualifikasi_id": [12, "Teknisi/Analis"]},
     [("", "1", "AGUS SALIM", "1171021203850001", "Jenjang 6", "Teknisi/Analis", None, None)]),
    # an event named beside its participants is no participant: the list is read, as before
    ({"nama": "Uji Kompetensi Operator 2025", "peserta": [
        {"nama": "AGUS SALIM", "nik": "1171021203850001"}, {"nama": "RINA MARLINA", "nik": "1171024507920002"}]},
     [("", "1", "AGUS SALIM", "1171021203850001", None, None, None, None),
      ("", "2", "RINA MARLINA", "1171024507920002", None, None, None, None)]),
], ids=["flat", "under-data", "with-certificates", "odoo-read", "event-beside-list"])
def test_a_file_of_one_record_is_one_participant(tmp_path, document, expected):
    assert rows(read(tmp_path, document)) == expected


@pytest.mark.parametrize(("document", "error"), [
    # no name or NIK field: not a participant, still rejected
    ({"status": "ok", "message": "no data"}, "no list of records found"),
    # a tally keyed by year is no record
    ({"2024": {"jumlah": 3}, "2025": {"jumlah": 5}}, "no list of records found"),
], ids=["message", "tally"])
def test_objects_that_are_no_participant_stay_rejected(tmp_path, document, error):
    submission = read(tmp_path, document)
    assert submission.error.startswith(f"office kota-banda-aceh, file ekspor.json: {error}")


@pytest.mark.parametrize(("document", "column", "value"), [
    ([{**AGUS, "jenjang_id": [99, "Lainnya"], "hasil": "Kompeten"}], "jenjang", "Lainnya"),
    ({"nama": "AGUS SALIM", "nik": "1171021203850001", "jenjang": "Lainnya", "hasil": "Kompeten"}, "jenjang", "Lainnya"),
], ids=["many2one", "one-record"])
def test_a_level_that_cannot_be_read_is_quarantined_where_it_stands(tmp_path, document, column, value):
    quarantine = standardize_submission(read(tmp_path, document).rows).quarantine
    assert quarantine[["office_id", "source_file", "source_row", "column", "value", "rule"]].values.tolist() == [
        ["kota-banda-aceh", "ekspor.json", "1", column, value, "jenjang_unreadable"]]
