"""One sheet of the cells clerks write, through standardize_submission, every output checked by hand.

Probe of 2026-12-07 (cells of names, NIKs, birth, sex, level, result). Rows marked "before" were
read differently before that day's changes to standardize.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.headers import RAW_COLUMNS
from standardize.record import standardize_submission

REFERENCE = date(2026, 6, 30)

# (raw cells, expected (nik, nik_status, tempat_lahir, tanggal_lahir, jenis_kelamin, jenjang, hasil, flags))
CASES = [
    # birth cell with the age after it (before: tanggal_lahir_unreadable)
    (dict(nama="AGUS SALIM", nik="'6408011203850003", tempat_tanggal_lahir="Sangatta, 12-03-1985 (40 th)",
          jenis_kelamin="L", jabatan_kerja="Operator Excavator", jenjang="Jenjang 3 (Tiga)", hasil="KOMPETEN (K)"),
     ("6408011203850003", "valid", "Sangatta", date(1985, 3, 12), "L", 3, "Kompeten", "")),
    # letter O in the NIK, the date before the place (before: NIK invalid, birth unread)
    (dict(nama="BUDI HARTONO", nik="64O8021507900001", tempat_tanggal_lahir="15 Juli 1990 / Sangatta",
          jenis_kelamin="Laki2", jabatan_kerja="Tukang Besi Beton", jenjang="KKNI Level 2", hasil="Lulus"),
     ("6408021507900001", "valid", "Sangatta", date(1990, 7, 15), "L", 2, "Kompeten", "")),
    # a remark in place of the NIK; a make-up assessment to come (before: nik_invalid, hasil_unreadable)
    (dict(nama="RUDI HARTONO", nik="KTP hilang", tempat_tanggal_lahir="Bengalon, 10-05-88",
          jenis_kelamin="LAKI - LAKI", jabatan_kerja="Juru Ukur", jenjang="Lv. 4", hasil="Susulan"),
     (None, "missing", "Bengalon", date(1988, 5, 10), "L", 4, None, "nik_missing")),
    # the expert phrase split over two cells (before: quarantined jenjang_unreadable)
    (dict(nama="RINA WATI, S.T.", nik="6472014509850001", tempat_lahir="Samarinda", tanggal_lahir="05-09-1985",
          jenis_kelamin="Wanita", jabatan_kerja="Ahli Teknik Jembatan", kualifikasi="Ahli", jenjang="Madya",
          hasil="Dapat Direkomendasikan"),
     ("6472014509850001", "valid", "Samarinda", date(1985, 9, 5), "P", 8, "Kompeten", "")),
    # the technician trap: Madya inside a technician title is no level; the number in the jenjang wins
    (dict(nama="DEWI LESTARI", nik="6408.0255.0695.0001", tempat_tanggal_lahir="Sangatta,15/06/95",
          jenis_kelamin="Pr", jabatan_kerja="Quantity Surveyor Madya", jenjang="5", kualifikasi="Teknisi/Analis",
          hasil="BK"),
     ("6408025506950001", "valid", "Sangatta", date(1995, 6, 15), "P", 5, "Belum Kompeten", "")),
    # a scientific-notation NIK; a document check, no result (before: hasil_unreadable)
    (dict(nama="JOKO SUSILO", nik="6,40802E+15", tempat_tanggal_lahir="SANGATTA 20-02-1980",
          jenis_kelamin="Pria", jabatan_kerja="Operator Bulldozer", jenjang="III (tiga)", hasil="Belum Memenuhi"),
     (None, "scientific_notation", "Sangatta", date(1980, 2, 20), "L", 3, None, "nik_scientific_notation")),
]


def _frame(rows):
    records = []
    for offset, row in enumerate(rows):
        provenance = {"office_id": "probe", "source_file": "peserta.xlsx", "source_sha256": "cd" * 32,
                      "source_sheet": "2025", "source_row": 5 + offset}
        records.append({**provenance, **{column: row.get(column) for column in RAW_COLUMNS}})
    return pd.DataFrame(records)


def _plain(value):
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return int(value) if hasattr(value, "item") and not isinstance(value, str) else value


@pytest.fixture(scope="module")
def result():
    return standardize_submission(_frame([raw for raw, _ in CASES]), date_order="dmy", reference_date=REFERENCE)


def test_every_row_kept(result):
    assert len(result.rows) == len(CASES) and len(result.quarantine) == 0


@pytest.mark.parametrize("index", range(len(CASES)))
def test_row_read_as_counted_by_hand(result, index):
    row = result.rows.iloc[index]
    got = tuple(_plain(row[c]) for c in ("nik", "nik_status", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
                                         "jenjang", "hasil", "flags"))
    assert got == CASES[index][1]
