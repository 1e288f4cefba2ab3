"""The level ticked under one sub-column per level: "JENJANG" over "1 | 2 | 3" (or "I | II | III"),
as results are under "K | BK". Before, digits under the span were no header row at all and the
ticks were read as level cells ("√": jenjang_unreadable) or not at all (jenjang_missing).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sources.readers import read_submission
from sources.registry import Office
from standardize.record import standardize_submission

OFFICE = Office(id="kab-tanah-laut", name="Dinas PUPR Kabupaten Tanah Laut", level="regency", region_code="63.01")
PEOPLE = [("BUDI", "6301011104820003", "Operator Excavator", 3), ("ANI", "6301056501930002", "Tukang Batu", 2),
          ("CICI", "6301056501930012", "Tukang Kayu", 1)]


def _ticked(path: Path, labels: list[str], tick: str, numbering: bool = False) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", None, None, "Hasil"])
    ws.append([None, None, None, None, *labels, None])
    for span in ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1", "H1:H2"):
        ws.merge_cells(span)
    if numbering:
        ws.append([1, 2, 3, 4, 5, 6, 7, 8])
    for i, (name, nik, jabatan, level) in enumerate(PEOPLE, 1):
        ticks = [tick if level == n else None for n in (1, 2, 3)]
        ws.append([i, name, nik, jabatan, *ticks, "K"])
    wb.save(path)


@pytest.mark.parametrize(
    ("labels", "tick", "numbering"),
    [
        (["1", "2", "3"], "v", False),
        (["1", "2", "3"], "\u221a", True),  # with a column-number row below
        (["I", "II", "III"], "x", False),
        (["Jenjang 1", "Jenjang 2", "Jenjang 3"], "1", False),
    ],
)
def test_levels_ticked_under_their_span(tmp_path: Path, labels, tick, numbering):
    path = tmp_path / "hasil.xlsx"
    _ticked(path, labels, tick, numbering)
    rows = standardize_submission(read_submission(path, OFFICE).rows).rows
    assert rows["jenjang"].astype(int).tolist() == [3, 2, 1]


def test_a_column_number_row_is_no_level_ticks(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"])
    ws.append([1, 2, 3, 4, 5, 6])
    ws.append([1, "BUDI", "6301011104820003", "Operator Excavator", "3", "K"])
    path = tmp_path / "hasil.xlsx"
    wb.save(path)
    rows = standardize_submission(read_submission(path, OFFICE).rows).rows
    assert rows["jenjang"].astype(int).tolist() == [3]
