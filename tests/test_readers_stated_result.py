"""Lists of one result: the title or the sheet name says it, no column does.

Offices publish the names of those who passed ("DAFTAR NAMA PESERTA YANG DINYATAKAN KOMPETEN") or
keep the passed and the failed on sheets of their own ("Lulus", "Tidak Lulus"). Before, with no
result column, every row was a participation row (participation_only): nobody on such a list
was certified.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sources.readers import read_submission, stated_hasil
from sources.registry import Office
from standardize.record import standardize_submission

OFFICE = Office(id="kab-banjar", name="Dinas PUPR Kabupaten Banjar", level="regency", region_code="63.03")


@pytest.mark.parametrize(
    ("title", "hasil"),
    [
        ("DAFTAR NAMA PESERTA YANG DINYATAKAN KOMPETEN | UJI KOMPETENSI TAHUN 2025", "Kompeten"),
        ("NAMA-NAMA PESERTA YANG LULUS UJI KOMPETENSI", "Kompeten"),
        ("PESERTA YANG TELAH DINYATAKAN LULUS", "Kompeten"),
        ("Peserta Belum Kompeten", "Belum Kompeten"),
        ("DAFTAR PESERTA YANG DINYATAKAN TIDAK LULUS", "Belum Kompeten"),
        # no result stated as the list's subject
        ("DAFTAR PESERTA UJI KOMPETENSI", None),
        ("HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", None),
        ("PESERTA KOMPETEN DAN BELUM KOMPETEN", None),
        ("MEWUJUDKAN TENAGA KERJA KONSTRUKSI YANG KOMPETEN", None),
        # passing a selection, the documents or a training is no assessment
        ("PESERTA YANG LULUS SELEKSI ADMINISTRASI", None),
        ("PESERTA YANG LULUS PELATIHAN", None),
        ("PELATIHAN LULUSAN SMK", None),
    ],
)
def test_stated_in_a_title(title, hasil):
    assert stated_hasil(title) == hasil


@pytest.mark.parametrize(
    ("sheet", "hasil"),
    [("Lulus", "Kompeten"), ("Tidak Lulus", "Belum Kompeten"), ("Kompeten 2025", "Kompeten"),
     ("Peserta Belum Kompeten", "Belum Kompeten"), ("Sheet1", None), ("Lulusan SMK", None), ("Rekap Lulus", None)],
)
def test_stated_by_a_sheet_name(sheet, hasil):
    assert stated_hasil(sheet, whole=True) == hasil


def test_lists_of_one_result(tmp_path: Path):
    head = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lulus"
    ws.append(head)
    ws.append([1, "BUDI", "6303011104820003", "Operator Excavator", "3"])
    ws = wb.create_sheet("Tidak Lulus")
    ws.append(head)
    ws.append([1, "ANI", "6303056501930002", "Juru Ukur", "4"])
    ws = wb.create_sheet("Sheet3")
    ws.append(["DAFTAR NAMA PESERTA YANG DINYATAKAN KOMPETEN"])
    ws.append([])
    ws.append(head)
    ws.append([1, "CICI", "6303056501930012", "Tukang Batu", "2"])
    # a sheet with its own result column keeps it
    ws = wb.create_sheet("Kompeten")
    ws.append([*head, "Hasil"])
    ws.append([1, "DODI", "6303010101800001", "Tukang Kayu", "2", "BK"])
    path = tmp_path / "hasil uji 2025.xlsx"
    wb.save(path)
    rows = standardize_submission(read_submission(path, OFFICE).rows).rows
    assert dict(zip(rows["nama"], rows["hasil"])) == {
        "Budi": "Kompeten", "Ani": "Belum Kompeten", "Cici": "Kompeten", "Dodi": "Belum Kompeten"}
    assert not rows["flags"].str.contains("participation_only").any()
