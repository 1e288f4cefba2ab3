"""A list kept per level states the level once, in its title, sheet name or file name, not per row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sources.readers import read_submission, stated_jenjang
from sources.registry import Office
from standardize.record import standardize_submission

OFFICE = Office(id="kab-banjar", name="Dinas PUPR Kabupaten Banjar", level="regency", region_code="63.03")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DAFTAR PESERTA | SERTIFIKASI OPERATOR JENJANG 3 (TIGA) TAHUN 2025", "Jenjang 3"),
        ("Jenjang 2", "Jenjang 2"),
        ("Hasil UK Level III", "Jenjang 3"),
        ("jenjang_3_2025", "Jenjang 3"),
        ("KKNI Level 6", "Jenjang 6"),
        ("Jenjang-2", "Jenjang 2"),
        ("PELATIHAN DAN SERTIFIKASI TENAGA AHLI MUDA", "Jenjang 7"),
        ("Jenjang 7 - Ahli Muda", "Jenjang 7"),
        # several levels, none of them the sheet's
        ("JENJANG 1 s.d. 6", None),
        ("Level 4, 5 dan 6", None),
        ("KKNI 3/4", None),
        ("Ahli Muda dan Ahli Madya", None),
        ("Jenjang 3 | Jenjang 4", None),
        # no labelled level
        ("TAHAP II", None),
        ("Sheet1", None),
        ("LEVEL KABUPATEN", None),
        ("Rekap per Jenjang", None),
        ("Jenjang 12", None),
        ("Quantity Surveyor Madya", None),
    ],
)
def test_stated_jenjang(text, expected):
    assert stated_jenjang(text) == expected


def _sheet(ws, title: str | None, rows: list[list]) -> None:
    if title:
        ws.append([title])
        ws.append([])
    for row in rows:
        ws.append(row)


def test_rows_take_the_level_of_their_sheet_title_or_file(tmp_path: Path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    head = ["No", "Nama", "NIK", "Jabatan Kerja", "Hasil"]
    _sheet(wb.create_sheet("Jenjang 2"), None, [head, [1, "ARBANI", "6301054404900003", "Operator Bulldozer", "K"]])
    _sheet(wb.create_sheet("Sheet2"), "PESERTA UJI KOMPETENSI OPERATOR JENJANG 3 (TIGA)",
           [head, [1, "JUMADI", "6301010202800001", "Operator Excavator", "K"]])
    # a sheet with its own level column keeps it; a sheet naming none takes the file's
    _sheet(wb.create_sheet("Jenjang 1"), None,
           [[*head, "Jenjang"], [1, "SALMAN", "6301073105930002", "Operator Excavator", "K", "2"]])
    _sheet(wb.create_sheet("Susulan"), None, [head, [1, "RUDI", "6301031411840001", "Operator Vibro Roller", "K"]])
    path = tmp_path / "Hasil UK Operator Level II.xlsx"
    wb.save(path)
    submission = read_submission(path, OFFICE)
    assert submission.error is None
    rows = standardize_submission(submission.rows).rows
    assert dict(zip(rows["nama"], rows["jenjang"].astype(int))) == {"Arbani": 2, "Jumadi": 3, "Salman": 2, "Rudi": 2}


def test_a_range_in_the_title_gives_no_level(tmp_path: Path):
    wb = openpyxl.Workbook()
    _sheet(wb.active, "SERTIFIKASI TENAGA TERAMPIL JENJANG 1 S.D. 3",
           [["No", "Nama", "NIK", "Jabatan Kerja", "Hasil"], [1, "ARBANI", "6301054404900003", "Operator Bulldozer", "K"]])
    path = tmp_path / "hasil.xlsx"
    wb.save(path)
    result = standardize_submission(read_submission(path, OFFICE).rows)
    assert result.rows.empty
    assert result.quarantine["rule"].tolist() == ["jenjang_missing"]
