"""HTML tables that web systems hand out as "Excel" exports (sources/readers/html_reader.py)."""

from __future__ import annotations

import pytest

from sources.readers import read_submission
from sources.readers.html_reader import page_tables
from sources.registry import load_registry

OFFICE = load_registry()["kab-kutai-timur"]

# What an "Export Excel" button of a web application answers: Excel's HTML namespace and
# number-format styles, a title table, then the data with a two-row merged header.
EXPORT = """<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style>td { mso-number-format:"\\@"; }</style></head><body>
<table><tr><td colspan=5><b>DAFTAR PESERTA SERTIFIKASI KABUPATEN KUTAI TIMUR TAHUN 2024</b></td></tr></table>
<table border=1>
<tr><th rowspan=2>No</th><th rowspan=2>Nama</th><th rowspan=2>NIK</th><th colspan=2>Sertifikat</th></tr>
<tr><th>Nomor</th><th>Tanggal</th></tr>
<tr><td>1</td><td>Budi&nbsp;Santoso</td><td>6408015203850012</td><td>SKK-1</td><td>12-05-2023</td></tr>
<tr><td>2</td><td>Siti<br>Aminah</td><td>6408015203850013</td><td>SKK-2</td><td>01-06-2024</td></tr>
</table></body></html>"""


def test_a_web_export_saved_as_xls_is_read(tmp_path):
    path = tmp_path / "export_peserta.xls"
    path.write_text(EXPORT, encoding="utf-8")
    submission = read_submission(path, OFFICE)
    assert submission.error is None and submission.format == "html"
    columns = ["source_sheet", "source_row", "nama", "nik", "nomor_sertifikat", "tanggal_terbit"]
    assert submission.rows[columns].values.tolist() == [
        ["tabel 2", "3", "Budi Santoso", "6408015203850012", "SKK-1", "12-05-2023"],
        ["tabel 2", "4", "Siti Aminah", "6408015203850013", "SKK-2", "01-06-2024"],
    ]
    title, data = submission.sheets
    assert title.title == "DAFTAR PESERTA SERTIFIKASI KABUPATEN KUTAI TIMUR TAHUN 2024"
    assert data.columns == {"nama": "Nama", "nik": "NIK", "nomor_sertifikat": "Sertifikat / Nomor",
                            "tanggal_terbit": "Sertifikat / Tanggal"}


@pytest.mark.parametrize(
    ("html", "tables"),
    [
        pytest.param("<table><tr><td>a</td><td> b  c </td></tr></table>", [[["a", "b c"]]], id="plain"),
        pytest.param("<table><tr><td colspan=3>t</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>",
                     [[["t", None, None], ["1", "2", "3"]]], id="colspan"),
        pytest.param("<table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
                     [[["a", "b"], [None, "c"]]], id="rowspan"),
        pytest.param("<table><tr><td>a<table><tr><td>x</td></tr></table></td><td>b</td></tr></table>",
                     [[["x"]], [["a", "b"]]], id="nested"),
        pytest.param("<table><tr><td>a</td><td>&amp;&#65;&lt;</td>", [[["a", "&A<"]]], id="cut-short"),
        pytest.param("<p>no table</p>", [], id="none"),
    ],
)
def test_page_tables(html, tables):
    assert page_tables(html) == tables


def test_a_name_spanning_its_certificate_rows_belongs_to_each(tmp_path):
    """rowspan over a person's two certificate rows; a colspan title row stays a title."""
    page = """<table>
<tr><td colspan=4>DAFTAR PESERTA</td></tr>
<tr><th>Nama</th><th>NIK</th><th>Jabatan Kerja</th><th>Jenjang</th></tr>
<tr><td rowspan=2>Budi Santoso</td><td rowspan="2">6408011203850012</td><td>Tukang Besi</td><td>3</td></tr>
<tr><td>Mandor</td><td>6</td></tr>
<tr><td>Siti Aminah</td><td>6408015203850013</td><td>Juru Ukur</td><td>4</td></tr>
</table>"""
    path = tmp_path / "export.xls"
    path.write_text(page, encoding="utf-8")
    rows = read_submission(path, OFFICE).rows
    assert rows[["source_row", "nama", "nik", "jabatan_kerja", "jenjang"]].values.tolist() == [
        ["3", "Budi Santoso", "6408011203850012", "Tukang Besi", "3"],
        ["4", "Budi Santoso", "6408011203850012", "Mandor", "6"],
        ["5", "Siti Aminah", "6408015203850013", "Juru Ukur", "4"],
    ]
