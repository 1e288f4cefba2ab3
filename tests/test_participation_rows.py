"""Attendance (daftar hadir) and registration (daftar peserta) lists: kept as participation, never certified.

End to end on an office's two workbooks: the attendance list made before the
assessment (name, NIK, jabatan, a signature column, no level and no result) and
the assessment recap. Every row is accounted for, the attendance rows are kept
with the ``participation_only`` flag, they link to the same person as the
recap, and only the recap's Kompeten rows reach the headline.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from expectations.catalogue import rule
from linkage.link import link_persons
from sources.readers import read_submission
from sources.registry import load_registry
from standardize.record import FLAG_PARTICIPATION_ONLY, FLAGS, standardize_submission
from warehouse.star import build_star

OFFICES = load_registry()
KUTIM = OFFICES["kab-kutai-timur"]
REFERENCE = date(2026, 6, 1)
PUBLISH = date(2026, 6, 30)
SECRET = "test-secret"

NIK_ANDI = "6408011203900003"  # Kutai Timur, man born 12-03-1990
NIK_SITI = "6408015304920004"  # woman born 13-04-1992
NIK_RUDI = "6408010101880005"  # man born 01-01-1988


def workbook(path: Path, title: str, header: list, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Bengalon"
    sheet.append([title])
    sheet.append(["KECAMATAN BENGALON TAHUN 2025"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    sheet.append([])
    sheet.append([None, "Mengetahui,"])
    sheet.append([None, "Kepala Dinas PUPR Kabupaten Kutai Timur"])
    book.save(path)
    return path


@pytest.fixture(scope="module")
def standardized(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("kutim")
    attendance = workbook(
        folder / "DAFTAR_HADIR_MTU_BENGALON_2025.xlsx",
        "DAFTAR HADIR PESERTA PELATIHAN DAN SERTIFIKASI MOBILE TRAINING UNIT",
        ["No", "Nama", "NIK", "Jabatan", "Keterangan", "Tanda Tangan"],
        [
            [1, "ANDI", NIK_ANDI, "Tukang Besi Beton", "Hadir", "1. ......"],
            [2, "SITI AMINAH", NIK_SITI, "Operator Excavator", None, "2. ......"],
            [3, "RUDI", NIK_RUDI, "Mandor", "Izin", "3. ......"],
        ],
    )
    recap = workbook(
        folder / "HASIL_UJI_MTU_BENGALON_2025.xlsx",
        "REKAP HASIL UJI KOMPETENSI MOBILE TRAINING UNIT",
        ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Registrasi"],
        [
            [1, "ANDI", NIK_ANDI, "Tukang Besi Beton", 3, "K", "SKK-6408-001"],
            [2, "SITI AMINAH", NIK_SITI, "Operator Excavator", 2, "BK", None],
            [3, "RUDI", NIK_RUDI, "Mandor", None, "K", None],  # Kompeten without a level: quarantined
        ],
    )
    out: dict[str, object] = {"rows": [], "quarantine": [], "read": 0}
    for path in (attendance, recap):
        submission = read_submission(path, KUTIM)
        assert submission.error is None
        result = standardize_submission(submission.rows, reference_date=REFERENCE)
        assert len(result.rows) + len(result.quarantine) == len(submission.rows)
        out["read"] += len(submission.rows)
        out["rows"].append(result.rows)
        out["quarantine"].append(result.quarantine)
    out["rows"] = pd.concat(out["rows"], ignore_index=True)
    out["quarantine"] = pd.concat(out["quarantine"], ignore_index=True)
    return out


def test_every_row_accounted_for(standardized):
    rows, quarantine = standardized["rows"], standardized["quarantine"]
    assert standardized["read"] == 6
    assert len(rows) == 5 and len(quarantine) == 1
    assert quarantine[["source_file", "source_row", "rule", "column"]].values.tolist() == [
        ["HASIL_UJI_MTU_BENGALON_2025.xlsx", "7", "jenjang_missing", "jenjang"]
    ]


def test_attendance_rows_are_participation_only(standardized):
    rows = standardized["rows"]
    attendance = rows[rows["source_file"] == "DAFTAR_HADIR_MTU_BENGALON_2025.xlsx"]
    assert attendance[["nama", "nik", "jabatan_kerja", "flags"]].values.tolist() == [
        ["Andi", NIK_ANDI, "Tukang Besi Beton", FLAG_PARTICIPATION_ONLY],
        ["Siti Aminah", NIK_SITI, "Operator Excavator", FLAG_PARTICIPATION_ONLY],
        ["Rudi", NIK_RUDI, "Mandor", FLAG_PARTICIPATION_ONLY],
    ]
    assert attendance[["jenjang", "kualifikasi", "hasil", "nomor_sertifikat"]].isna().all().all()
    recap = rows[rows["source_file"] == "HASIL_UJI_MTU_BENGALON_2025.xlsx"]
    assert recap[["nama", "jenjang", "hasil", "flags"]].values.tolist() == [
        ["Andi", 3, "Kompeten", ""],
        ["Siti Aminah", 2, "Belum Kompeten", ""],
    ]


def test_flag_is_a_catalogued_rule():
    assert FLAG_PARTICIPATION_ONLY in FLAGS
    catalogued = rule(FLAG_PARTICIPATION_ONLY)
    assert (catalogued.stage, catalogued.consequence) == ("row", "flag")


def test_downstream_links_and_counts_only_certified(standardized):
    linked = link_persons(standardized["rows"], SECRET, probabilistic=False).rows
    keys = linked.groupby("nama")["person_key"].nunique()
    assert keys.to_dict() == {"Andi": 1, "Rudi": 1, "Siti Aminah": 1}  # attendance and recap: one person each
    tables = build_star(linked.assign(person_key_basis=linked["link_basis"]), OFFICES, PUBLISH, SECRET)
    fact = tables["fact_participation"]
    assert len(fact) == 5
    attendance = fact[fact["flags"] == FLAG_PARTICIPATION_ONLY]
    assert len(attendance) == 3
    assert attendance[["jenjang", "kualifikasi", "hasil", "certificate_key"]].isna().all().all()
    headline = tables["certified_workers_by_region_level"]
    assert headline[["region_code", "jenjang", "certified_persons"]].values.tolist() == [["64.08", 3, 1]]
    persons = tables["dim_person"].set_index("person_key")["participation_rows"]
    assert sorted(persons.tolist()) == [1, 2, 2]  # Rudi's recap row is in quarantine


def test_row_suite_raises_nothing_false_on_participation_rows(standardized):
    """Null jenjang, kualifikasi and hasil trip no row rule (kualifikasi, authority, Kompeten without number)."""
    from expectations.validate import validate_rows

    rows = standardized["rows"]
    attendance = rows[rows["flags"] == FLAG_PARTICIPATION_ONLY].reset_index(drop=True)
    flagged = validate_rows(attendance, KUTIM, PUBLISH).flagged
    assert flagged.empty, flagged[["source_row", "rule"]]
