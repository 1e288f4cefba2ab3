"""A second hand-made world in forms the demo generator never writes, run end to end.

Six offices of two provinces (Kalimantan Selatan 63, Jambi 15), 69 persons, each office
with its own habits:
- Kabupaten Banjar (63.03): an xlsx recap under a four-row letterhead, a two-row merged
  header (DATA PESERTA over Nama / NIK / ...), a column-number row, NIKs typed as numbers
  (last digit lost), with a leading apostrophe or in groups of four, levels written as
  "Operator / III" or "Tukang - Jenjang 2", a signature block; then a corrected re-send
  (``_revisi``): one result, one level and one added participant; a make-up assessment with
  the level ticked under "JENJANG" over "1 | 2 | 3";
- Kota Banjarmasin (63.71): a ';' CSV in Windows-1252 with a title above the header,
  "Banjarmasin, 05 Agustus 1988" in one cell, LULUS / TIDAK LULUS, "Level III", a NIK as an
  Indonesian-locale Excel wrote it ("6,37101E+15"), one row twice, a total row, and the same
  file again as a browser's copy "(1)"; then Tahap II as the list of those declared Kompeten
  (no result column) with a "Tidak Lulus" sheet, one person again with two NIK digits swapped;
- Kabupaten Tanah Laut (63.01): legacy .xls (BIFF) of a heavy-equipment BIMTEK: an
  attendance list (Daftar Hadir, no level or result) and results in one sheet per
  Angkatan (headers hyphenated over two lines, "JEN-\\nJANG"; results in L / TL), levels
  "Jenjang 2 (Dua)", one person assessed in both batches (BK then K, his NIK a float in the
  second);
- the province (63): a Laravel-paginated portal JSON (``data.data``) in two pages, nested
  ``jabatan_kerja`` and ``sertifikat`` objects, WITA timestamps, experts (Ahli Muda/Madya/
  Utama) and fresh graduates, plus re-reports of two regency/city certificates; and a
  fresh-graduate JSON of batch records each with its list of participants;
- Kabupaten Muaro Jambi (15.05): an .ods written by LibreOffice (text cells), one sheet per
  level ("Jenjang II", "Jenjang III") and no level column;
- Kota Jambi (15.71): an xlsx with one sheet per Tahap, "Nama TKK", "Status Asesmen", the level
  inside a "Jabatan Kerja / Jenjang" cell ("Tukang Batu / II"), a person also certified in
  Muaro Jambi (once at the same jenjang, once as "DJOKO" at another), and Muaro Jambi's own
  list (a level column) misfiled in Kota Jambi's folder.

The headline below is counted by hand from the person tables in this file (see TRUTH).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
import xlwt
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook
from tests.hand_worlds import run_hand_world
from sources.registry import DEFAULT_REGISTRY

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-kalsel", "name": "Dinas PUPR Provinsi Kalimantan Selatan", "level": "province", "region_code": "63"},
    {"id": "kab-banjar", "name": "Dinas PUPR Kabupaten Banjar", "level": "regency", "region_code": "63.03"},
    {"id": "kota-banjarmasin", "name": "Dinas PUPR Kota Banjarmasin", "level": "city", "region_code": "63.71"},
    {"id": "kab-tanah-laut", "name": "Dinas PUPR Kabupaten Tanah Laut", "level": "regency", "region_code": "63.01"},
    {"id": "kab-muaro-jambi", "name": "Dinas PUPR Kabupaten Muaro Jambi", "level": "regency", "region_code": "15.05"},
    {"id": "kota-jambi", "name": "Dinas PUPR Kota Jambi", "level": "city", "region_code": "15.71"},
]


# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Kabupaten Banjar 63.03
    "b1": ("Ahmad Rizani", "6303", "01", "1982-04-11", "L", 3),
    "b2": ("Muhammad Fauzan", "6303", "02", "1990-07-03", "L", 1),
    "b3": ("Siti Aisyah", "6303", "05", "1993-01-25", "P", 2),
    "b4": ("Rahmadi", "6303", "04", "1979-11-30", "L", 7),
    "b5": ("Syaiful Anwar", "6303", "01", "1985-06-14", "L", 4),
    "b6": ("Noor Hidayat", "6303", "06", "1988-02-09", "L", 1),
    "b7": ("Yusran", "6303", "03", "1975-12-01", "L", 2),
    "b8": ("Abdul Rahman", "6303", "02", "1991-09-19", "L", 5),
    "b9": ("Hairul Saleh", "6303", "07", "1984-03-08", "L", 1),
    "b10": ("Fitriani", "6303", "01", "1996-05-17", "P", 6),
    "b11": ("Gusti Ramli", "6303", "08", "1980-08-22", "L", 2),
    "b12": ("Rusdiansyah", "6303", "04", "1987-10-05", "L", 3),
    "b13": ("Akhmad Jailani", "6303", "09", "1983-01-15", "L", 1),
    "b14": ("Mahyuni", "6303", "02", "1992-12-12", "P", 4),
    # Kota Banjarmasin 63.71
    "m1": ("Bambang Sutrisno", "6371", "03", "1970-03-03", "L", 2),
    "m2": ("Ma'ruf Hidayatullah", "6371", "01", "1986-04-21", "L", 5),
    "m3": ("Dewi Kartika Sari", "6371", "04", "1994-08-08", "P", 1),
    "m4": ("Rizky Pratama", "6371", "02", "1997-02-28", "L", 3),
    "m5": ("Herlina", "6371", "05", "1989-06-30", "P", 2),
    "m6": ("Iwan Setiawan", "6371", "03", "1981-09-09", "L", 6),
    "m7": ("Taufik Rahman", "6371", "01", "1990-11-11", "L", 1),
    "m8": ("Zainal Arifin", "6371", "02", "1978-05-05", "L", 4),
    "m9": ("Nurul Huda", "6371", "04", "1984-07-07", "L", 2),
    "m10": ("Agus Salim", "6371", "05", "1986-01-20", "L", 1),
    "m11": ("Sri Wahyuni", "6371", "01", "1991-03-15", "P", 3),
    "m12": ("Muhammad Ridwan", "6371", "03", "1988-12-24", "L", 2),
    "m13": ("Yusuf Hamdani", "6371", "02", "1983-07-19", "L", 8),
    "m14": ("Rahmawati", "6371", "01", "1995-12-01", "P", 5),
    "m15": ("Doni Saputra", "6371", "04", "1992-06-06", "L", 3),
    # Kabupaten Tanah Laut 63.01
    "t1": ("Jumadi", "6301", "01", "1980-02-02", "L", 1),
    "t2": ("Samsul Bahri", "6301", "03", "1977-07-17", "L", 2),
    "t3": ("Suriansyah", "6301", "02", "1985-10-10", "L", 1),
    "t4": ("Arbani", "6301", "05", "1990-04-04", "L", 3),
    "t5": ("Ahmad Yani", "6301", "04", "1982-09-29", "L", 2),
    "t6": ("Junaidi", "6301", "06", "1987-08-18", "L", 1),
    "t7": ("Mursidi", "6301", "01", "1975-03-23", "L", 4),
    "t8": ("Salman", "6301", "07", "1993-05-31", "L", 2),
    "t9": ("Hasanudin", "6301", "02", "1989-01-01", "L", 5),
    "t10": ("Rudi Hartono", "6301", "03", "1984-11-14", "L", 1),
    # experts and fresh graduates of the province's programs (KTPs across Kalsel)
    "k1": ("Hendra Gunawan", "6372", "02", "1968-06-06", "L", 1),
    "k2": ("Rina Marlina", "6371", "02", "1990-09-12", "P", 7),
    "k3": ("Yudi Firmansyah", "6372", "01", "1992-03-19", "L", 4),
    "k4": ("Wahyu Hidayat", "6309", "03", "1980-12-03", "L", 2),
    "k5": ("Novi Andriani", "6372", "03", "1995-10-27", "P", 1),
    "k6": ("Fajar Nugroho", "6303", "05", "1998-01-08", "L", 9),
    "k7": ("Ahmad Syarifuddin", "6371", "04", "1976-07-14", "L", 5),
    "k8": ("Lia Kurniawati", "6310", "01", "1993-04-02", "P", 2),
    "k9": ("Eko Prasetyo", "6372", "04", "1987-08-25", "L", 3),
    "k10": ("Andi Saputra", "6306", "02", "1991-12-30", "L", 1),
    "k11": ("Muhammad Iqbal", "6372", "01", "1999-05-05", "L", 6),
    "k12": ("Nadia Putri", "6371", "05", "2000-02-14", "P", 4),
    # Kabupaten Muaro Jambi 15.05
    "j1": ("Supriyadi", "1505", "01", "1983-05-15", "L", 1),
    "j2": ("Bambang Irawan", "1505", "03", "1979-10-21", "L", 2),
    "j3": ("Heri Susanto", "1505", "02", "1988-02-14", "L", 1),
    "j4": ("Sugianto", "1505", "04", "1986-06-09", "L", 3),
    "j5": ("Ridho Ilahi", "1505", "05", "1995-03-27", "L", 1),
    "j6": ("Joko Santoso", "1505", "01", "1981-08-08", "L", 4),
    "j7": ("Tri Wahyudi", "1505", "06", "1990-09-30", "L", 2),
    "j8": ("Marlina", "1505", "02", "1992-11-04", "P", 1),
    "j9": ("Suparman", "1505", "07", "1977-01-19", "L", 1),
    "j10": ("Dedi Kurniawan", "1505", "03", "1985-07-23", "L", 5),
    # Kota Jambi 15.71
    "c1": ("Andika Putra", "1571", "01", "1994-10-10", "L", 1),
    "c2": ("Yulia Safitri", "1571", "02", "1996-02-02", "P", 2),
    "c3": ("Hendri", "1571", "03", "1982-06-16", "L", 1),
    "c4": ("Rahmat Hidayat", "1571", "04", "1989-09-09", "L", 3),
    "c5": ("Fransiskus Simanjuntak", "1571", "05", "1980-04-14", "L", 1),
    "c6": ("Nurhasanah", "1571", "06", "1987-12-20", "P", 2),
    "c7": ("Ilham Akbar", "1571", "02", "1993-07-01", "L", 4),
    "c8": ("Budi Hartono", "1571", "07", "1978-03-13", "L", 1),
}


BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex


def excel_number(person: str) -> float:
    """The NIK as Excel keeps a 16-digit number typed into a cell: 15 significant digits."""
    return float(N(person)[:15] + "0")


_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


def ttl(place: str, person: str) -> str:
    year, month, day = born(person).split("-")
    return f"{place}, {day} {_BULAN[int(month) - 1]} {year}"


# --- Kabupaten Banjar: xlsx recap, then its _revisi --------------------------------------------

# (person, name as written, nik cell, jabatan kerja, level cell, result cell)
def _banjar_rows(revised: bool) -> list[tuple]:
    rows = [
        ("b1", "H. AHMAD RIZANI, S.T.", "'" + N("b1"), "Pelaksana Lapangan Pekerjaan Jalan", "Teknisi / IV", "K"),
        ("b2", "M. FAUZAN", excel_number("b2"), "Operator Excavator", "Operator / III", "K"),
        ("b3", "SITI AISYAH", N("b3"), "Juru Ukur", "Teknisi / 4", "K" if revised else "BK"),
        ("b4", "RAHMADI", excel_number("b4"), "Operator Excavator", "Operator / 3", "K"),
        ("b5", "SYAIFUL ANWAR", " ".join(N("b5")[i:i + 4] for i in range(0, 16, 4)), "Tukang Besi Beton",
         "Tukang - Jenjang 2", "K"),
        ("b6", "NOOR HIDAYAT", N("b6"), "Tukang Batu", "2", "Kompeten"),
        ("b7", "YUSRAN", excel_number("b7"), "Mandor Pekerjaan Jalan", "Jenjang 4", "K"),
        ("b8", "ABDUL RAHMAN", N("b8"), "Tukang Kayu", "Jenjang II", "BK"),
        ("b9", "HAIRUL SALEH", N("b9"), "Operator Motor Grader", "III", "K"),
        ("b10", "FITRIANI, A.Md.T.", N("b10"), "Teknisi Laboratorium Beton", "Teknisi / V", "Kompeten"),
        ("b11", "GUSTI RAMLI", N("b11"), "Operator Crane", "Operator / III", "Tidak Hadir"),
        ("b12", "RUSDIANSYAH", N("b12"), "Tukang Besi Beton", "Jenjang 2", "K"),
        ("b13", "AKHMAD JAILANI", N("b13"), "Operator Bulldozer", "Operator / III" if revised else "Operator / II", "K"),
    ]
    if revised:
        rows.append(("b14", "MAHYUNI, S.T.", N("b14"), "Juru Gambar Bangunan Gedung", "Teknisi / 4", "K"))
    return rows


def _banjar_xlsx(path: Path, revised: bool) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws["A1"] = "PEMERINTAH KABUPATEN BANJAR"
    ws["A2"] = "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"
    ws["A3"] = "REKAPITULASI HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN ANGGARAN 2025"
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
    ws.append([])
    ws.append([])
    # row 6-7: two-row header
    ws.cell(6, 1, "NO")
    ws.cell(6, 2, "DATA PESERTA")
    ws.cell(7, 2, "NAMA LENGKAP")
    ws.cell(7, 3, "NIK")
    ws.cell(7, 4, "TEMPAT / TGL. LAHIR")
    ws.cell(7, 5, "L/P")
    ws.cell(6, 6, "JABATAN KERJA")
    ws.cell(6, 7, "KUALIFIKASI / JENJANG")
    ws.cell(6, 8, "HASIL ASESMEN")
    ws.cell(6, 9, "KET.")
    ws.merge_cells("A6:A7")
    ws.merge_cells("B6:E6")
    for col in "FGHI":
        ws.merge_cells(f"{col}6:{col}7")
    for j in range(1, 10):
        ws.cell(8, j, j)
    r = 9
    for number, (person, name, nik_cell, jabatan, level, result) in enumerate(_banjar_rows(revised), 1):
        year, month, day = born(person).split("-")
        values = [number, name, nik_cell, f"Martapura, {day}-{month}-{year}", sex(person), jabatan, level, result,
                  "Asesmen 14-16 Okt 2025"]
        for j, value in enumerate(values, 1):
            ws.cell(r, j, value)
        r += 1
    ws.cell(r + 1, 7, "Martapura, 20 Oktober 2025")
    ws.cell(r + 2, 7, "KEPALA DINAS PUPR KABUPATEN BANJAR")
    ws.cell(r + 6, 7, "Ir. H. GUSTI MUHAMMAD YUSUF, M.T.")
    ws.cell(r + 7, 7, "NIP. 19700512 199803 1 006")
    wb.save(path)


def _banjar_susulan_xlsx(path: Path) -> None:
    """A make-up assessment weeks later: two of the recap's operators certified in another jabatan at the same level,
    one written out in full with his whole NIK, one with no NIK at all."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Susulan"
    ws.append(["UJI KOMPETENSI SUSULAN OPERATOR ALAT BERAT - DINAS PUPR KABUPATEN BANJAR 2025"])
    ws.append([])
    # the level ticked under one sub-column per level
    ws.append(["No", "Nama Lengkap", "NIK", "Tempat/Tgl Lahir", "Jabatan Kerja", "Jenjang", None, None, "Hasil"])
    ws.append([None, None, None, None, None, "1", "2", "3", None])
    for span in ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:H3", "I3:I4"):
        ws.merge_cells(span)
    ws.append([1, "MUHAMMAD FAUZAN", N("b2"), "Martapura, 03-07-1990", "Operator Backhoe Loader", None, None, "\u221a",
               "Kompeten"])
    ws.append([2, "HAIRUL SALEH", "-", "Martapura, 08-03-1984", "Operator Dump Truck", None, None, "\u221a", "Kompeten"])
    wb.save(path)


# --- Kota Banjarmasin: ';' CSV in Windows-1252 -------------------------------------------------

# (person, name, nik cell, gender cell, jabatan, level, result, certificate number)
_BANJARMASIN = [
    ("m1", "Ir. BAMBANG SUTRISNO", N("m1"), "LAKI-LAKI", "Pengawas Lapangan Pekerjaan Gedung", "Level 6", "LULUS",
     "SKK-6371-2025-000101"),
    ("m2", "MA\u2019RUF HIDAYATULLAH", N("m2"), "LAKI-LAKI", "Teknisi Instalasi Listrik", "Level 3", "LULUS", ""),
    ("m3", "DEWI KARTIKA SARI, S.T.", N("m3"), "PEREMPUAN", "Pelaksana Lapangan Pekerjaan Gedung", "Level V", "LULUS",
     "SKK-6371-2025-000103"),
    ("m4", "RIZKY PRATAMA", N("m4"), "LAKI-LAKI", "Operator Excavator", "Level III", "TIDAK LULUS", ""),
    ("m5", "HERLINA", N("m5"), "PEREMPUAN", "Juru Ukur", "Level 4", "LULUS", ""),
    ("m6", "IWAN SETIAWAN", "6,37103E+15", "LAKI-LAKI", "Mandor Pekerjaan Gedung", "Level 4", "LULUS", ""),
    ("m7", "TAUFIK RAHMAN", N("m7"), "LAKI-LAKI", "Tukang Besi Beton", "Level 2", "LULUS", ""),
    ("m8", "ZAINAL ARIFIN", N("m8"), "LAKI-LAKI", "Tukang Batu", "Level II", "LULUS", ""),
    ("m9", "NURUL HUDA", N("m9"), "LAKI-LAKI", "Operator Crane", "Level 3", "TIDAK LULUS", ""),
    ("m10", "AGUS SALIM", N("m10"), "LAKI-LAKI", "Tukang Kayu", "Level 1", "LULUS", ""),
    ("m11", "SRI WAHYUNI, A.Md", N("m11"), "PEREMPUAN", "Teknisi Laboratorium Beton", "Level 5", "LULUS", ""),
    ("m12", "MUHAMMAD RIDWAN", N("m12"), "LAKI-LAKI", "Operator Excavator", "Level 3", "LULUS", ""),
    ("m12", "MUHAMMAD RIDWAN", N("m12"), "LAKI-LAKI", "Operator Excavator", "Level 3", "LULUS", ""),
]


def _banjarmasin_csv() -> bytes:
    lines = ["DAFTAR PESERTA SERTIFIKASI KOMPETENSI KERJA KONSTRUKSI;;;;;;;;",
             "DINAS PUPR KOTA BANJARMASIN - TAHUN 2025;;;;;;;;",
             ";;;;;;;;",
             "NO;NAMA PESERTA;NO. KTP;TEMPAT, TGL LAHIR;JENIS KELAMIN;JABATAN KERJA;LEVEL KKNI;STATUS KELULUSAN;NO. SERTIFIKAT"]
    for number, (person, name, nik_cell, gender, jabatan, level, result, cert) in enumerate(_BANJARMASIN, 1):
        lines.append(";".join([str(number), name, nik_cell, ttl("Banjarmasin", person), gender, jabatan, level, result,
                               cert]))
    lines.append(";JUMLAH LULUS;;;;;;10;")
    return ("\r\n".join(lines) + "\r\n").encode("windows-1252")


def _transposed(nik_text: str) -> str:
    """The NIK with the two digits of its serial's middle swapped, a typing slip."""
    return nik_text[:13] + nik_text[14] + nik_text[13] + nik_text[15]


def _banjarmasin_kompeten_xlsx(path: Path) -> None:
    """Tahap II as the office publishes it: the names of those who passed, and a sheet of those who did not."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tahap II"
    ws.append(["DAFTAR NAMA PESERTA YANG DINYATAKAN KOMPETEN"])
    ws.append(["SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA BANJARMASIN TAHAP II TAHUN 2025"])
    ws.append([])
    ws.append(["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG"])
    ws.append([1, "YUSUF HAMDANI", N("m13"), "Tukang Las Konstruksi", "2"])
    ws.append([2, "RAHMAWATI", N("m14"), "Juru Ukur", "4"])
    # Herlina again, another jabatan at the same level, her NIK with two digits swapped
    ws.append([3, "HERLINA, S.T.", _transposed(N("m5")), "Pengawas Lapangan Pekerjaan Gedung", "4"])
    ws = wb.create_sheet("Tidak Lulus")
    ws.append(["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG"])
    ws.append([1, "DONI SAPUTRA", N("m15"), "Operator Excavator", "3"])
    wb.save(path)


# --- Kabupaten Tanah Laut: legacy .xls ----------------------------------------------------------

_ATTENDANCE = ["t1", "t2", "t3", "t4", "t5", "b4", "t6", "t7", "t8", "t9", "t10"]
# sheet -> (person, name, nik cell, jabatan, level, result)
_TANAH_LAUT = {
    "Angkatan I": [
        ("t1", "JUMADI", N("t1"), "Operator Excavator", "Jenjang 3 (Tiga)", "Kompeten"),
        ("t2", "SAMSUL BAHRI", excel_number("t2"), "Operator Excavator", "Jenjang 3 (Tiga)", "Kompeten"),
        ("t3", "SURIANSYAH", N("t3"), "Operator Bulldozer", "Jenjang 2 (Dua)", "Belum Kompeten"),
        ("t4", "ARBANI", N("t4"), "Operator Bulldozer", "Jenjang 2 (Dua)", "Kompeten"),
        ("t5", "AHMAD YANI", N("t5"), "Operator Wheel Loader", "Jenjang 2 (Dua)", "K"),
        ("b4", "RAHMADI", excel_number("b4"), "Operator Bulldozer", "II", "K"),
        ("t9", "HASANUDIN", N("t9"), "Operator Excavator", "Jenjang 3 (Tiga)", "Belum Kompeten"),
    ],
    "Angkatan II": [
        ("t6", "JUNAIDI", N("t6"), "Operator Motor Grader", "Jenjang 3 (Tiga)", "L"),
        ("t7", "MURSIDI", N("t7"), "Operator Crane", "Jenjang 3 (Tiga)", "Tidak Hadir"),
        ("t8", "SALMAN", N("t8"), "Operator Excavator", "Jenjang 2 (Dua)", "L"),
        ("t9", "HASANUDDIN", excel_number("t9"), "Operator Excavator", "Jenjang 3 (Tiga)", "L"),
        ("t10", "RUDI HARTONO", N("t10"), "Operator Vibro Roller", "Jenjang 2 (Dua)", "L"),
    ],
}


def _tanah_laut_attendance(path: Path) -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Daftar Hadir")
    sheet.write(0, 0, "DAFTAR HADIR PESERTA")
    sheet.write(1, 0, "BIMBINGAN TEKNIS OPERATOR ALAT BERAT KABUPATEN TANAH LAUT")
    sheet.write(2, 0, "Hari/Tanggal : Senin, 8 September 2025")
    for j, head in enumerate(["No", "Nama", "NIK", "Alamat", "No. HP", "Tanda Tangan"]):
        sheet.write(4, j, head)
    for i, person in enumerate(_ATTENDANCE, 1):
        name = PERSONS[person][0].upper()
        for j, value in enumerate([i, name, N(person), "Pelaihari", "0812xxxx", str(i)]):
            sheet.write(4 + i, j, value)
    book.save(str(path))


def _tanah_laut_results(path: Path) -> None:
    book = xlwt.Workbook()
    for title, rows in _TANAH_LAUT.items():
        sheet = book.add_sheet(title)
        sheet.write(0, 0, f"HASIL UJI KOMPETENSI OPERATOR ALAT BERAT - {title.upper()} - TAHUN 2025")
        # the second batch's clerk wrote Lulus / Tidak Lulus as L / TL
        # and the first's wrapped its narrow columns' headers with a hyphen
        result = "HASIL (L/TL)" if title == "Angkatan II" else "KETE-\nRANGAN"
        level = "JENJANG" if title == "Angkatan II" else "JEN-\nJANG"
        heads = ["NO", "NAMA", "NIK", "TEMPAT LAHIR", "TANGGAL LAHIR", "JABATAN KERJA", level, result]
        for j, head in enumerate(heads):
            sheet.write(2, j, head)
        for i, (person, name, nik_cell, jabatan, level, result) in enumerate(rows, 1):
            year, month, day = born(person).split("-")
            for j, value in enumerate([i, name, nik_cell, "Pelaihari", f"{day}-{month}-{year}", jabatan, level, result]):
                sheet.write(2 + i, j, value)
    book.save(str(path))


# --- the province: a Laravel-paginated portal JSON -----------------------------------------------

def _expert(person, name, jabatan, code, jenjang, kualifikasi, status, number=None, issued=None):
    return {
        "id": None, "nama_lengkap": name, "nik": N(person),
        "jenis_kelamin": "Laki-laki" if sex(person) == "L" else "Perempuan",
        "tanggal_lahir": f"{born(person)}T00:00:00+08:00",
        "jabatan_kerja": {"kode": code, "nama": jabatan},
        "jenjang": jenjang, "kualifikasi": kualifikasi, "status_uji": status,
        "sertifikat": {"nomor": number, "tanggal_terbit": issued} if number else None,
        "kegiatan": "Pelatihan dan Sertifikasi Tenaga Ahli Konstruksi 2025",
        "created_at": "2025-11-03T09:12:44+08:00",
    }


_PROVINCE_PAGES = [
    [
        _expert("k1", "Dr. Ir. HENDRA GUNAWAN, M.T.", "Ahli Madya Teknik Jembatan", "SI042", "8", "Ahli", "KOMPETEN",
                "SKK-63-2025-0801", "2025-11-20T10:00:00+08:00"),
        _expert("k2", "RINA MARLINA, S.T.", "Ahli Muda Teknik Bangunan Gedung", "SI011", "7", "Ahli", "KOMPETEN"),
        _expert("k3", "YUDI FIRMANSYAH, S.T.", "Ahli Muda Teknik Jalan", "SI041", None, "Ahli Muda", "KOMPETEN"),
        _expert("k4", "WAHYU HIDAYAT, S.T., M.Eng.", "Ahli Madya Teknik Jalan", "SI041", "8", "Ahli", "KOMPETEN",
                "SKK-63-2025-0804", "2025-11-20T10:00:00+08:00"),
        _expert("k4", "WAHYU HIDAYAT, S.T., M.Eng.", "Ahli Muda K3 Konstruksi", "SI091", "7", "Ahli", "KOMPETEN"),
        _expert("k5", "NOVI ANDRIANI, S.T.", "Pelaksana Lapangan Pekerjaan Gedung", "SI014", "5", "Teknisi/Analis",
                "KOMPETEN"),
        _expert("k6", "FAJAR NUGROHO, S.T.", "Quantity Surveyor Madya", "SI071", "5", "Teknisi/Analis", "KOMPETEN"),
    ],
    [
        _expert("k7", "Ir. AHMAD SYARIFUDDIN, M.T.", "Ahli Utama Manajemen Konstruksi", "MK001", "9", "Ahli",
                "KOMPETEN"),
        _expert("k8", "LIA KURNIAWATI, S.T.", "Ahli Muda Teknik Bangunan Gedung", "SI011", "7", "Ahli",
                "BELUM KOMPETEN"),
        _expert("k9", "EKO PRASETYO, S.T.", "Ahli Muda Teknik Sumber Daya Air", "SI051", "7", "Ahli", "KOMPETEN"),
        _expert("k10", "ANDI SAPUTRA, S.T.", "Ahli Muda Teknik Jalan", "SI041", "7", "Ahli", "TIDAK HADIR"),
        _expert("m3", "DEWI KARTIKA SARI, S.T.", "Ahli Muda Teknik Bangunan Gedung", "SI011", "7", "Ahli", "KOMPETEN"),
        # re-reports of regency/city certificates in the province's recap
        _expert("b1", "H. ACHMAD RIZANI, ST", "Pelaksana Lapangan Pekerjaan Jalan", "SI024", "4", "Teknisi/Analis",
                "KOMPETEN"),
        _expert("m1", "Ir. BAMBANG SUTRISNO", "Pengawas Lapangan Pekerjaan Gedung", "SI015", "6", "Teknisi/Analis",
                "KOMPETEN", "SKK-6371-2025-000101", "2025-10-01T08:00:00+08:00"),
        # Banjar's Yusran, his NIK as a spreadsheet's float and no birth date
        {**_expert("b7", "YUSRAN", "Mandor Pekerjaan Jalan", "SI021", "4", "Teknisi/Analis", "KOMPETEN"),
         "nik": f"{excel_number('b7'):.5E}", "tanggal_lahir": None},
    ],
]


def _fresh_graduates() -> str:
    """The province's fresh-graduate program, one record per batch with its participants."""
    def participant(person, name, jabatan):
        return {"nama": name, "nik": N(person), "jenis_kelamin": "L" if sex(person) == "L" else "P",
                "jabatan_kerja": jabatan, "status": "Kompeten"}
    return json.dumps({"success": True, "data": [
        {"kegiatan": "Sertifikasi Fresh Graduate Tahap I", "tanggal": "2025-08-12", "jenjang": "5",
         "lokasi": "Banjarbaru",
         "peserta": [participant("k11", "MUHAMMAD IQBAL, S.T.", "Pelaksana Lapangan Pekerjaan Gedung"),
                     participant("k12", "NADIA PUTRI, S.T.", "Pelaksana Lapangan Pekerjaan Jalan")]},
        {"kegiatan": "Sertifikasi Fresh Graduate Tahap II", "tanggal": "2025-09-23", "jenjang": "5",
         "lokasi": "Banjarbaru",
         "peserta": [participant("k11", "M. IQBAL, ST", "Pengawas Lapangan Pekerjaan Gedung")]},
    ]}, indent=1)


def _province_page(page: int) -> str:
    records = _PROVINCE_PAGES[page - 1]
    return json.dumps({
        "status": 200, "message": "Data berhasil diambil",
        "data": {"current_page": page, "data": records, "first_page_url": "/api/peserta?page=1",
                 "from": 1 + 7 * (page - 1), "last_page": 2, "per_page": 8, "to": 7 * (page - 1) + len(records),
                 "total": 15, "next_page_url": "/api/peserta?page=2" if page == 1 else None},
    }, ensure_ascii=False, indent=2)


# --- Kabupaten Muaro Jambi: .ods ----------------------------------------------------------------

# (person, name, jabatan, level, result)
_MUARO_JAMBI = [
    ("j1", "SUPRIYADI", "Operator Excavator", "Jenjang III", "K"),
    ("j2", "BAMBANG IRAWAN", "Operator Excavator", "Jenjang III", "K"),
    ("j3", "HERI SUSANTO", "Operator Bulldozer", "Jenjang II", "BK"),
    ("j4", "SUGIANTO", "Operator Bulldozer", "Jenjang II", "K"),
    ("j5", "RIDHO ILAHI", "Operator Crane", "jenjang 3", "K"),
    ("j6", "JOKO SANTOSO", "Operator Excavator", "Jenjang III", "K"),
    ("j7", "TRI WAHYUDI", "Operator Wheel Loader", "Jenjang II", "K"),
    ("j8", "MARLINA", "Operator Mesin Gilas", "jenjang 2", "K"),
    ("j9", "SUPARMAN", "Operator Motor Grader", "3", "K"),
    ("j10", "DEDI KURNIAWAN", "Operator Excavator", "Jenjang II", "BK"),
]
_MUARO_JAMBI_TITLE = ["HASIL UJI KOMPETENSI OPERATOR ALAT BERAT",
                      "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN MUARO JAMBI", "DESEMBER 2025"]
_MUARO_JAMBI_HEAD = ["No", "Nama", "NIK", "Tempat, Tanggal Lahir", "Jabatan Kerja", "Jenjang", "Hasil"]


def _muaro_jambi_table() -> list[list]:
    table = [[t] for t in _MUARO_JAMBI_TITLE] + [[], _MUARO_JAMBI_HEAD]
    for i, (person, name, jabatan, level, result) in enumerate(_MUARO_JAMBI, 1):
        table.append([str(i), name, N(person), ttl("Sengeti", person), jabatan, level, result])
    return table


def _muaro_jambi_per_level() -> dict[str, list[list]]:
    """The office's own file: one sheet per level, the level named only by the sheet."""
    sheets = {}
    for sheet, written in (("Jenjang II", ("Jenjang II", "jenjang 2")), ("Jenjang III", ("Jenjang III", "jenjang 3", "3"))):
        table = [[t] for t in _MUARO_JAMBI_TITLE] + [[], [h for h in _MUARO_JAMBI_HEAD if h != "Jenjang"]]
        mine = [row for row in _MUARO_JAMBI if row[3] in written]
        for i, (person, name, jabatan, level, result) in enumerate(mine, 1):
            table.append([str(i), name, N(person), ttl("Sengeti", person), jabatan, result])
        sheets[sheet] = table
    return sheets


def _ods(sheets: dict[str, list[list]]) -> bytes:
    tables = []
    for sheet, table in sheets.items():
        rows = []
        for row in table:
            cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'
                            for v in row)
            rows.append(f"<table:table-row>{cells or '<table:table-cell/>'}</table:table-row>")
        tables.append(f'<table:table table:name="{escape(sheet)}">' + "".join(rows) + "</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>" + "".join(tables)
        + "</office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --- Kota Jambi: xlsx, one sheet per Tahap --------------------------------------------------------

# sheet -> (person, name, nik cell, jabatan kerja / jenjang, kualifikasi, result)
_KOTA_JAMBI = {
    "Tahap I": [
        ("c1", "ANDIKA PUTRA", N("c1"), "Tukang Besi Beton / 2", "Operator", "Kompeten"),
        ("c2", "YULIA SAFITRI", N("c2"), "Juru Ukur / 4", "Teknisi", "Kompeten"),
        ("c3", "HENDRI", N("c3"), "Tukang Batu / II", "Operator", "Kompeten"),
        ("c4", "RAHMAT HIDAYAT", N("c4"), "Mandor Pekerjaan Jalan / 4", "Teknisi", "Belum Kompeten"),
        ("j6", "DJOKO SANTOSO", N("j6"), "Operator Crane / 2", "Operator", "Kompeten"),
    ],
    "Tahap II": [
        ("c5", "FRANSISKUS SIMANJUNTAK", N("c5"), "Pelaksana Lapangan Pekerjaan Jalan / 6", "Teknisi/Analis",
         "Kompeten"),
        ("c6", "NURHASANAH", N("c6"), "Teknisi Laboratorium Beton / Jenjang 5", "Teknisi", "Kompeten"),
        ("c7", "ILHAM AKBAR", N("c7"), "Operator Excavator / 3", "Operator", "Kompeten"),
        ("c8", "BUDI HARTONO", N("c8"), "Tukang Kayu / 2", "Operator", "-"),
        ("j1", "SUPRIYADI", N("j1"), "Operator Excavator / 3", "Operator", "Kompeten"),
    ],
}


def _kota_jambi_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in _KOTA_JAMBI.items():
        ws = wb.create_sheet(title)
        ws["A1"] = "REKAP PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA JAMBI TAHUN 2025"
        ws["A2"] = title.upper()
        ws.merge_cells("A1:H1")
        ws.append([])
        ws.append(["No", "Nama TKK", "No. KTP/NIK", "L/P", "Tgl Lahir", "Jabatan Kerja / Jenjang", "Kualifikasi",
                   "Status Asesmen"])
        for i, (person, name, nik_cell, jabatan, level, result) in enumerate(rows, 1):
            year, month, day = born(person).split("-")
            ws.append([i, name, nik_cell, sex(person), date(int(year), int(month), int(day)), jabatan, level, result])
    wb.save(path)


def _misfiled_muaro_jambi_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hasil UK"
    for row in _muaro_jambi_table():
        ws.append(row)
    wb.save(path)


# --- the world ---------------------------------------------------------------------------------

def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    _banjar_xlsx(landing / "kab-banjar" / "REKAP HASIL UJI KOMPETENSI 2025.xlsx", revised=False)
    _banjar_xlsx(landing / "kab-banjar" / "REKAP HASIL UJI KOMPETENSI 2025_revisi.xlsx", revised=True)
    _banjar_susulan_xlsx(landing / "kab-banjar" / "Uji Susulan Operator 2025.xlsx")
    csv = _banjarmasin_csv()
    (landing / "kota-banjarmasin" / "peserta_sertifikasi_skk_2025.csv").write_bytes(csv)
    (landing / "kota-banjarmasin" / "peserta_sertifikasi_skk_2025 (1).csv").write_bytes(csv)
    _banjarmasin_kompeten_xlsx(landing / "kota-banjarmasin" / "Peserta Kompeten Tahap II 2025.xlsx")
    _tanah_laut_attendance(landing / "kab-tanah-laut" / "Daftar Hadir BIMTEK Operator Alat Berat 2025.xls")
    _tanah_laut_results(landing / "kab-tanah-laut" / "Hasil Uji Kompetensi Operator 2025.xls")
    for page in (1, 2):
        (landing / "prov-kalsel" / f"api_peserta_sertifikasi_page{page}.json").write_text(
            _province_page(page), encoding="utf-8")
    (landing / "prov-kalsel" / "fresh_graduate_2025.json").write_text(_fresh_graduates(), encoding="utf-8")
    (landing / "kab-muaro-jambi" / "Hasil UK Operator Alat Berat Des 2025.ods").write_bytes(_ods(_muaro_jambi_per_level()))
    _kota_jambi_xlsx(landing / "kota-jambi" / "Rekap Sertifikasi 2025.xlsx")
    _misfiled_muaro_jambi_xlsx(landing / "kota-jambi" / "Hasil UK Kab Muaro Jambi Des 2025.xlsx")
    entries = {e["id"]: e for e in yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["offices"]}
    chosen = []
    for office in OFFICES:
        entry = dict(office)
        entry["freshness_days"] = 365
        if office["id"] in entries:  # keep a registry office's own habits, but not its targets
            entry.update({k: v for k, v in entries[office["id"]].items() if k not in ("targets",)})
        chosen.append(entry)
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": chosen}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand from the tables above (distinct persons with a Kompeten result at a level):
# 63     province: 5 Novi, Fajar (Quantity Surveyor *Madya* is level 5, written 5), Iqbal (two
#        certificates at 5, in two batches), Nadia; 7 Rina, Yudi
#        ("Ahli Muda" only as kualifikasi), Wahyu, Eko, Dewi; 8 Hendra, Wahyu; 9 Ahmad S.
#        Lia (Belum Kompeten) and Andi (Tidak Hadir) are not certified; Rizani (4), Bambang
#        (6) and Yusran (4, NIK "6.30303E+15") are re-reports of Banjar's and Banjarmasin's
#        certificates and count there only.
# 63.01  Tanah Laut: 2 Arbani, Ahmad Yani, Rahmadi (a Banjar KTP), Salman, Rudi; 3 Jumadi,
#        Samsul, Junaidi, Hasanudin (BK in Angkatan I, K in II: once). Suriansyah BK, Mursidi
#        absent; the attendance list certifies nobody.
# 63.03  Banjar, from the _revisi: 2 Syaiful, Noor, Rusdiansyah; 3 Fauzan, Rahmadi, Hairul,
#        Jailani (III in the revision); 4 Rizani, Siti (K in the revision), Yusran, Mahyuni
#        (added); 5 Fitriani. Abdul Rahman BK, Gusti absent. The make-up assessment certifies
#        Fauzan (his full name and NIK this time) and Hairul (no NIK) again at 3: still 4.
# 63.71  Banjarmasin: 1 Agus; 2 Taufik, Zainal; 3 Ma'ruf, Ridwan (twice in the file); 4
#        Herlina, Iwan (NIK lost to "6,37103E+15"); 5 Dewi, Sri; 6 Bambang. Rizky, Nurul BK.
#        The "(1)" copy adds nothing. Tahap II, a list of those declared Kompeten (no result
#        column): 2 Yusuf; 4 Rahmawati, Herlina again (NIK digits swapped: still one person);
#        its sheet "Tidak Lulus": Doni, not certified.
# 15.05  Muaro Jambi: 2 Sugianto, Tri, Marlina; 3 Supriyadi, Bambang I., Ridho, Joko, Suparman.
#        Its list misfiled in Kota Jambi's folder counts here once, not in 15.71.
# 15.71  Kota Jambi: 2 Andika, Hendri, Djoko (Joko of Muaro Jambi, another jabatan and level);
#        3 Ilham, Supriyadi (also certified in Muaro Jambi: a person counts in each region);
#        4 Yulia; 5 Nurhasanah; 6 Fransiskus. Rahmat BK, Budi not assessed.
TRUTH = {
    ("15.05", 2): 3, ("15.05", 3): 5,
    ("15.71", 2): 3, ("15.71", 3): 2, ("15.71", 4): 1, ("15.71", 5): 1, ("15.71", 6): 1,
    ("63", 5): 4, ("63", 7): 5, ("63", 8): 2, ("63", 9): 1,
    ("63.01", 2): 5, ("63.01", 3): 4,
    ("63.03", 2): 3, ("63.03", 3): 4, ("63.03", 4): 4, ("63.03", 5): 1,
    ("63.71", 1): 1, ("63.71", 2): 3, ("63.71", 3): 2, ("63.71", 4): 3, ("63.71", 5): 2, ("63.71", 6): 1,
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(_world(tmp_path_factory.mktemp("world2")), PUBLISH)


def test_every_office_ingests(report):
    assert report.offices_failed == {}


def test_the_headline_is_the_hand_count(report):
    headline = report.headline
    published = {(r.region_code, int(r.jenjang)): int(r.certified_persons) for r in headline.itertuples()}
    assert published == TRUTH


def test_copies_revisions_and_the_misfiled_list_are_set_aside(report):
    status = report.submission_log.set_index("source_file")["status"].to_dict()
    assert {name for name, s in status.items() if s == "rejected"} == {
        "REKAP HASIL UJI KOMPETENSI 2025.xlsx",  # replaced by its _revisi
        "peserta_sertifikasi_skk_2025 (1).csv",  # a browser's copy
        "Hasil UK Kab Muaro Jambi Des 2025.xlsx",  # Muaro Jambi's list in Kota Jambi's folder
    }
    assert len(status) == 14
    # and no row of an accepted file is quarantined: every level, result and name was read
    # (Muaro Jambi's list names its office and Muaro Jambi holds it too: accepted where it landed as
    # Muaro Jambi's, then left to Muaro Jambi's own copy at publish)
    assert set(report.quarantine["rule"]) == {"superseded_by_revision", "duplicate_submission", "copy_of_other_office"}


# Yusran's province row carries his NIK as "6.30303E+15" and no birth date; Banjar's rows carry it
# as a number Excel cut to 15 digits. Linkage keeps the two apart, but the counting rules see the
# province row as a re-report of Banjar's certificate, and a re-report linkage left alone is the
# holder of the certificate it repeats (warehouse.star.recap_rows_joined): one person.
def test_persons_are_the_hand_count(report):
    assert len(report.persons) == len(PERSONS)
