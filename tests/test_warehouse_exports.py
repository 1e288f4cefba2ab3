"""Exports: the headline xlsx holds exactly the headline rows; the Indonesian reports are
written for the nation and each province with data (HTML + xlsx), and nothing else.

The input is the hand-made demo star of tests/test_warehouse_demo.py: three provinces with
certified persons (16 Sumatera Selatan, 63 Kalimantan Selatan, 64 Kalimantan Timur) and
seven target_progress rows.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from test_warehouse_demo import PUBLISH, demo_frames
from warehouse.__main__ import main as warehouse_cli
from warehouse.exports import HEADLINE_XLSX, OLD_CHART_STEM, export_all, metadata_key
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
REPORTS = ["laporan_nasional", "laporan_provinsi_16_sumatera_selatan", "laporan_provinsi_63_kalimantan_selatan",
           "laporan_provinsi_64_kalimantan_timur"]
# Per wilayah sheet of the Kalimantan Timur report: code, label, jenis, kualifikasi, certified, valid, unknown, expired.
KALTIM_WILAYAH = [
    ("64", "Dinas PUPR Provinsi Kalimantan Timur: program provinsi sendiri (bukan total provinsi)",
     "Dinas provinsi (program sendiri)", "Ahli", 2, 2, 0, 0),
    ("64.08", "Kabupaten Kutai Timur", "Kabupaten", "Operator", 3, 2, 0, 1),  # pD's 2020 certificate expired
    ("64.08", "Kabupaten Kutai Timur", "Kabupaten", "Teknisi/Analis", 1, 1, 0, 0),
    ("64.72", "Kota Samarinda", "Kota", "Operator", 2, 1, 0, 1),
]


def _sheet_rows(path: Path, sheet: str) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]
    finally:
        book.close()


def _expected_paths(out: Path) -> list[Path]:
    reports = out / "laporan"
    return [out / HEADLINE_XLSX] + [reports / f"{stem}{suffix}" for stem in REPORTS for suffix in (".html", ".xlsx")]


def _check_headline(out: Path) -> None:
    rows = _sheet_rows(out / HEADLINE_XLSX, "certified_workers")
    assert rows[0] == HEADER
    # Codes stay text ("64.08", not the number 64.08); counts are numbers.
    assert rows[1:] == HEADLINE_ROWS
    notes = _sheet_rows(out / HEADLINE_XLSX, "columns")
    assert [row[0] for row in notes[1:]] == [*HEADER, "publish_date"]
    assert notes[-1][1] == "active = valid on 2026-06-30"


def _check_reports(out: Path) -> None:
    reports = out / "laporan"
    kaltim = reports / "laporan_provinsi_64_kalimantan_timur.xlsx"
    assert _sheet_rows(kaltim, "Per wilayah")[1:] == KALTIM_WILAYAH
    target = _sheet_rows(kaltim, "Target")
    # Kutai Timur's +50% from 3 (end of 2025): target 4,5 shown as 5 whole persons, kini 4: half the growth.
    kutim = next(row for row in target if row[0] == "Dinas PUPR Kabupaten Kutai Timur")
    assert kutim[2:9] == ("pertumbuhan", "2029", "2025", 3, 4, 5, 0.5)
    assert kutim[10] == "sesuai jadwal"
    # A province report holds its own province's offices only.
    assert {row[0] for row in target[1:]} == {"Dinas PUPR Kabupaten Kutai Timur", "Dinas PUPR-Pera Provinsi Kalimantan Timur"}
    palembang = _sheet_rows(reports / "laporan_provinsi_16_sumatera_selatan.xlsx", "Target")[1:]
    assert [(row[3], row[6], row[7], row[10]) for row in palembang] == [
        ("2025", 1, 30000, "tidak tercapai"), ("2026", 0, 30000, "tertinggal dari jadwal")]
    assert all(row[11].startswith("TIDAK REALISTIS: perlu 30.000 orang/tahun") for row in palembang)

    national = (reports / "laporan_nasional.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in national and "<svg" in national and "<script" not in national
    for stem in REPORTS[1:]:
        assert f'href="{stem}.html"' in national  # the national page links every province page
    page = (reports / "laporan_provinsi_64_kalimantan_timur.html").read_text(encoding="utf-8")
    assert "Data per 30 Juni 2026." in page
    assert ('<tr><td>64.08</td><td>Kabupaten Kutai Timur</td><td>Kabupaten</td><td>Operator</td>'
            '<td class="angka">3</td><td class="angka">2</td><td class="angka">0</td><td class="angka">1</td></tr>') in page
    assert "awal 3 → kini 4 → target 5; 50% pertumbuhan tercapai" in page
    assert "kini 2 dari target 1.000 (&lt;1%)" in page
    assert "Kota Palembang" not in page and "Kalimantan Selatan" not in page


def test_export_all_writes_the_headline_and_a_report_per_province(tmp_path):
    out = tmp_path / "exports"
    (out / "laporan").mkdir(parents=True)
    # Left by earlier versions: the English chart, and a report of a province that no longer has data.
    for old in (out / f"{OLD_CHART_STEM}.png", out / f"{OLD_CHART_STEM}.html",
                out / "laporan" / "laporan_provinsi_99_hilang.html", out / "laporan" / "laporan_provinsi_99_hilang.xlsx"):
        old.write_bytes(b"old")
    paths = export_all(demo_frames(), out, PUBLISH)
    assert paths == _expected_paths(out)
    assert sorted(p for p in out.rglob("*") if p.is_file()) == sorted(paths)  # the old files are gone, nothing else
    _check_headline(out)
    _check_reports(out)


def test_metadata_keys_name_each_file_once(tmp_path):
    paths = export_all(demo_frames(), tmp_path, PUBLISH)
    assert [metadata_key(p) for p in paths] == [
        "export_xlsx",
        "laporan_nasional_html", "laporan_nasional_xlsx",
        "laporan_provinsi_16_sumatera_selatan_html", "laporan_provinsi_16_sumatera_selatan_xlsx",
        "laporan_provinsi_63_kalimantan_selatan_html", "laporan_provinsi_63_kalimantan_selatan_xlsx",
        "laporan_provinsi_64_kalimantan_timur_html", "laporan_provinsi_64_kalimantan_timur_xlsx",
    ]


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
    assert printed == _expected_paths(out)
    _check_headline(out)
    kaltim = out / "laporan" / "laporan_provinsi_64_kalimantan_timur.xlsx"
    assert _sheet_rows(kaltim, "Per wilayah")[1:] == KALTIM_WILAYAH
