"""Lulus / Tidak Lulus written as L / TL, the pair school and training lists use.

TL was read as Belum Kompeten, and L, its other half, as nothing (hasil_unreadable): every
passed participant of an "Hasil (L/TL)" sheet was lost to the headline. L is read only as the
whole cell, like the other one-letter codes (Y / N, C / NC).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sources.readers import read_submission
from sources.registry import Office
from standardize.fields import parse_hasil
from standardize.record import standardize_submission


@pytest.mark.parametrize(
    ("cell", "hasil"),
    [
        ("L", "Kompeten"),
        ("l", "Kompeten"),
        (" L ", "Kompeten"),
        ("L.", "Kompeten"),
        ("L (Lulus)", "Kompeten"),
        ("TL", "Belum Kompeten"),
        ("T L", None),
        ("L/TL", None),  # the form's two options, neither struck out
        ("Hadir L", None),  # a letter inside a remark is no result
        ("L/P", None),
    ],
)
def test_lulus_codes(cell, hasil):
    assert parse_hasil(cell) == hasil


def test_a_sheet_of_l_and_tl(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil (L/TL)"])
    ws.append([1, "BUDI", "6303011104820003", "Operator Excavator", "3", "L"])
    ws.append([2, "ANI", "6303056501930002", "Juru Ukur", "4", "TL"])
    ws.append([3, "CICI", "6303056501930012", "Juru Ukur", "4", "L"])
    path = tmp_path / "hasil.xlsx"
    wb.save(path)
    office = Office(id="kab-banjar", name="Dinas PUPR Kabupaten Banjar", level="regency", region_code="63.03")
    rows = standardize_submission(read_submission(path, office).rows).rows
    assert rows["hasil"].tolist() == ["Kompeten", "Belum Kompeten", "Kompeten"]
    assert rows["flags"].tolist() == ["", "", ""]
