"""Title rows above the header: captured per sheet, and the program year read from them.

A sheet without a year column gets the year its title rows state, else its sheet
name, else the file name: only a year 2000-2035 that stands alone counts.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import xlsxwriter

from sources.intake import read_office_files
from sources.readers import read_submission
from sources.readers.table import standalone_year
from sources.registry import Office, ReaderOptions

KUTIM = Office(id="kab-kutai-timur", name="Dinas PUPR Kabupaten Kutai Timur", level="regency",
               region_code="64.08", landing="kab-kutai-timur", reader=ReaderOptions())


@pytest.mark.parametrize(
    "text, year",
    [
        ("DAFTAR PESERTA PELATIHAN KOTA SAMARINDA TAHUN 2024", "2024"),
        ("REKAP PESERTA SKK TA. 2023", "2023"),
        ("Kegiatan Tahun Anggaran 2025", "2025"),
        ("T.A 2022", "2022"),
        ("TAHUN: 2021", "2021"),
        ("DATA_PESERTA_TA2023", "2023"),
        ("TAHUN 2024 | PESERTA ANGKATAN 2023", "2024"),  # the stated year wins over a bare one
        ("Peserta 2024", "2024"),
        ("REKAP_2022", "2022"),
        ("MTU | Sangatta, 15 Desember 2025", None),  # the signing date of a letter
        ("periode 2023-2024", None),  # a range: which year?
        ("tanggal 12-03-2024", None),  # a date
        ("Batch 2019 dan 2020", None),  # two years, neither stated
        ("SKK 20240315", None),  # part of a longer number
        ("NIP 197001012005011001", None),
        ("Tahun 1999", None),
        ("Tahun 2036", None),
        ("Sheet1", None),
        ("", None),
    ],
)
def test_standalone_year(text, year):
    assert standalone_year(text) == year


def workbook(path, sheet_name, title_rows, header, rows):
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet(sheet_name)
    for r, line in enumerate(title_rows):
        sheet.write(r, 0, line)
    start = len(title_rows) + (1 if title_rows else 0)  # a blank row between title and header
    sheet.write_row(start, 0, header)
    for offset, row in enumerate(rows, start=1):
        sheet.write_row(start + offset, 0, row)
    book.close()


PEOPLE = [["Budi Santoso", "6408010101800001", "3"], ["Siti Aminah", "6408015203850012", "4"]]


@pytest.mark.parametrize(
    "file, sheet, titles, header, tahun, source, title",
    [
        # the title states the year
        ("peserta.xlsx", "Sheet1", ["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI", "DINAS PUPR KAB. KUTAI TIMUR TA. 2023"],
         ["Nama", "NIK", "Jenjang"], ["2023", "2023"], "title",
         "DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI | DINAS PUPR KAB. KUTAI TIMUR TA. 2023"),
        # the title beats the sheet name and the file name
        ("rekap_2021.xlsx", "2022", ["Tahun Anggaran 2025"], ["Nama", "NIK", "Jenjang"], ["2025", "2025"], "title",
         "Tahun Anggaran 2025"),
        # no year in the title: the sheet name
        ("peserta.xlsx", "Peserta 2024", ["DAFTAR PESERTA MTU"], ["Nama", "NIK", "Jenjang"], ["2024", "2024"], "sheet",
         "DAFTAR PESERTA MTU"),
        # nothing above the header, a plain sheet name: the file name
        ("DAFTAR_PESERTA_MTU_2022.xlsx", "Sheet1", [], ["Nama", "NIK", "Jenjang"], ["2022", "2022"], "file", ""),
        # a year column keeps its own values, empty cells included
        ("peserta_2022.xlsx", "2023", ["TAHUN 2024"], ["Nama", "NIK", "Jenjang", "Tahun"], ["2021", None], "",
         "TAHUN 2024"),
        # no year anywhere
        ("peserta.xlsx", "Sheet1", ["DAFTAR PESERTA"], ["Nama", "NIK", "Jenjang"], [None, None], "", "DAFTAR PESERTA"),
    ],
)
def test_tahun_from_title_sheet_or_file(tmp_path, file, sheet, titles, header, tahun, source, title):
    rows = [PEOPLE[0] + ["2021"], PEOPLE[1]] if "Tahun" in header else PEOPLE
    workbook(tmp_path / file, sheet, titles, header, rows)
    submission = read_submission(tmp_path / file, KUTIM)
    assert submission.error is None
    assert submission.rows["tahun"].tolist() == tahun
    assert (submission.sheets[0].tahun_from, submission.sheets[0].title) == (source, title)


def test_csv_title_rows_and_year(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "DAFTAR PESERTA SERTIFIKASI;;\nDINAS PUPR KOTA SAMARINDA - TAHUN 2024;;\n;;\nNama;NIK;Jenjang\n"
        "Budi;6472010101800001;3\n",
        encoding="utf-8",
    )
    submission = read_submission(path, KUTIM)
    assert submission.rows["tahun"].tolist() == ["2024"]
    assert submission.sheets[0].title == "DAFTAR PESERTA SERTIFIKASI | DINAS PUPR KOTA SAMARINDA - TAHUN 2024"


def test_title_is_kept_in_the_files_report(tmp_path):
    workbook(tmp_path / "a.xlsx", "Peserta", ["DAFTAR PESERTA KOTA SAMARINDA TAHUN 2024"], ["Nama", "NIK", "Jenjang"], PEOPLE)
    intake = read_office_files(replace(KUTIM), [tmp_path / "a.xlsx"])
    sheets = json.loads(intake.files.loc[0, "sheets"])
    assert [(s["sheet"], s["title"], s["tahun_from"]) for s in sheets] == [
        ("Peserta", "DAFTAR PESERTA KOTA SAMARINDA TAHUN 2024", "title")
    ]
