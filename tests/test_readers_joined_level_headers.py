"""Headers that name the jabatan kerja and its level in one cell, the registry's TKK / asesmen words and
other header spellings that named nothing.

"Jabatan Kerja / Jenjang" over "Operator Excavator / 3" mapped to no column: the rows lost their
occupation and level and were quarantined as jenjang_missing. "Nama TKK" (tenaga kerja
konstruksi) and "Status Asesmen" mapped to nothing: a list without a name column and a
result column was a participation list.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sources import headers
from sources.readers import read_submission
from sources.registry import Office
from standardize.record import standardize_submission

OFFICE = Office(id="kota-jambi", name="Dinas PUPR Kota Jambi", level="city", region_code="15.71")


@pytest.mark.parametrize(
    ("header", "column", "level_too"),
    [
        ("Jabatan Kerja / Jenjang", "jabatan_kerja", True),
        ("Jabatan/Level", "jabatan_kerja", True),
        ("Jabatan Kerja dan Jenjang", "jabatan_kerja", True),
        ("Skema / Level", "jabatan_kerja", True),
        ("Jabatan Kerja & Kualifikasi", "jabatan_kerja", True),
        ("Jabatan Kerja", "jabatan_kerja", False),
        ("Jabatan Kerja (Jenjang)", "jabatan_kerja", False),  # a note, not a second column
        ("Nama / NIK", "nama", False),
        ("Nama TKK", "nama", None),
        ("NIK TKK", "nik", None),
        ("Status Asesmen", "hasil", None),
        ("Status Hasil Uji", "hasil", None),
        # more of the assessment's words after a header, its shortenings, a level named twice
        ("Nama Peserta Uji", "nama", None),
        ("Nama Peserta Uji Kompetensi", "nama", None),
        ("NIK Peserta Uji", "nik", None),
        ("Nm. Peserta", "nama", None),
        ("Kelamin L/P", "jenis_kelamin", None),
        ("Kualifikasi/Level", "jenjang", None),
        ("Level Kompetensi", "jenjang", None),
        ("Hasil UK", "hasil", None),
        ("No Sertifikat Kompetensi Kerja", "nomor_sertifikat", None),
        ("Tanggal Penerbitan", "tanggal_terbit", None),
        # still nothing: the assessment's date and place, a unit of competence
        ("Tanggal Uji Kompetensi", None, None),
        ("Tempat Uji", None, None),
        ("Unit Kompetensi", None, None),
    ],
)
def test_headers(header, column, level_too):
    assert headers.canonical_column(header) == column
    if level_too is not None:
        assert headers.jabatan_with_level(header) is level_too


def test_level_read_from_a_joined_jabatan_cell(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No", "Nama TKK", "NIK", "Jabatan Kerja / Jenjang", "Status Asesmen"])
    ws.append([1, "ANDIKA PUTRA", "1571011010940001", "Tukang Besi Beton / 2", "Kompeten"])
    ws.append([2, "YULIA SAFITRI", "1571024202960002", "Juru Ukur - Jenjang 4", "Kompeten"])
    ws.append([3, "RAHMAT HIDAYAT", "1571040909890003", "Ahli Muda Teknik Jalan", "Belum Kompeten"])
    path = tmp_path / "rekap.xlsx"
    wb.save(path)
    result = standardize_submission(read_submission(path, OFFICE).rows)
    assert result.quarantine.empty
    rows = result.rows
    assert rows["nama"].tolist() == ["Andika Putra", "Yulia Safitri", "Rahmat Hidayat"]
    assert rows["jenjang"].astype(int).tolist() == [2, 4, 7]
    assert rows["hasil"].tolist() == ["Kompeten", "Kompeten", "Belum Kompeten"]
