"""Exports: the headline xlsx holds exactly the headline rows; the chart is written as PNG and HTML."""

from __future__ import annotations

import struct
from pathlib import Path

import openpyxl

from test_warehouse_demo import PUBLISH, demo_frames
from warehouse.__main__ import main as warehouse_cli
from warehouse.exports import CHART_STEM, HEADLINE_XLSX, export_all
from warehouse.publish import make_engine, publish_tables

# The demo star's headline (tests/test_warehouse_demo.py), by region code then jenjang.
HEADLINE_ROWS = [
    ("16", "16.71", "Kota Palembang", 4, "Teknisi/Analis", 1, 1, 0),
    ("63", "63", "Kalimantan Selatan", 7, "Ahli", 1, 1, 0),
    ("63", "63", "Kalimantan Selatan", 8, "Ahli", 1, 0, 1),  # KS-77: no date, no year
    ("64", "64", "Kalimantan Timur", 7, "Ahli", 1, 1, 0),
    ("64", "64", "Kalimantan Timur", 8, "Ahli", 1, 1, 0),
    ("64", "64.08", "Kabupaten Kutai Timur", 2, "Operator", 1, 0, 0),
    ("64", "64.08", "Kabupaten Kutai Timur", 3, "Operator", 2, 2, 0),
    ("64", "64.08", "Kabupaten Kutai Timur", 5, "Teknisi/Analis", 1, 1, 0),
    ("64", "64.72", "Kota Samarinda", 3, "Operator", 2, 1, 0),
]
HEADER = ("province_code", "region_code", "region_name", "jenjang", "kualifikasi", "certified_persons", "active_persons",
          "active_unknown_persons")


def _sheet_rows(path: Path, sheet: str) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])  # IHDR width, height


def _check_exports(paths: list[Path], out: Path) -> None:
    assert paths == [out / HEADLINE_XLSX, out / f"{CHART_STEM}.png", out / f"{CHART_STEM}.html"]
    rows = _sheet_rows(out / HEADLINE_XLSX, "certified_workers")
    assert rows[0] == HEADER
    # Codes stay text ("64.08", not the number 64.08); counts are numbers.
    assert rows[1:] == HEADLINE_ROWS
    notes = _sheet_rows(out / HEADLINE_XLSX, "columns")
    assert [row[0] for row in notes[1:]] == [*HEADER, "publish_date"]
    assert notes[-1][1] == "active = valid on 2026-06-30"

    width, height = _png_size(out / f"{CHART_STEM}.png")
    assert width > 1000 and height > 300

    page = (out / f"{CHART_STEM}.html").read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page and "http://" not in page.split("<svg", 1)[0]
    assert "(publish date 2026-06-30)" in page
    # The numbers under the chart: every region x kualifikasi cell, and every target row.
    assert "<td>64.08</td><td>Kabupaten Kutai Timur</td><td>Operator</td><td>3</td><td>2</td><td>0</td>" in page
    assert "<td>16.71</td><td>Kota Palembang</td><td>Teknisi/Analis</td><td>1</td><td>1</td><td>0</td>" in page
    # Kalimantan Selatan's experts: pB valid, pE of unknown validity.
    assert "<td>63</td><td>Kalimantan Selatan</td><td>Ahli</td><td>2</td><td>1</td><td>1</td>" in page
    assert page.count("<td>Dinas PUPR") == 7  # the seven target_progress rows
    assert "<td>on_track</td>" in page and "<td>67%</td>" in page  # Kutai Timur: (4 - 3) / 1.5


def test_export_all_from_the_built_frames(tmp_path):
    out = tmp_path / "exports"
    _check_exports(export_all(demo_frames(), out, PUBLISH), out)


def test_export_command_reads_the_published_warehouse(tmp_path, capsys):
    url = f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    engine = make_engine(url)
    try:
        publish_tables(engine, demo_frames(), PUBLISH)
    finally:
        engine.dispose()
    out = tmp_path / "from-warehouse"
    assert warehouse_cli(["export", "--url", url, "--out", str(out)]) == 0
    printed = [Path(line) for line in capsys.readouterr().out.split()]
    _check_exports(printed, out)
