"""An eleventh hand-made world: lists that went through print, Word and PDF conversion, counted by hand.

Six offices of two provinces no other world uses (Lampung 18, Kalimantan Utara 65), 48 persons, 14
files, judged on PUBLISH (30 June 2026). Many offices have no spreadsheet of their own to send: the
list was typed in Word, or printed, signed and scanned or saved as PDF, and what lands is that PDF
turned back into a workbook by an online converter, or the Word table pasted into Excel:
- Kabupaten Lampung Tengah (18.02): its 2024 list printed over three pages and converted into one
  sheet: the kop (letterhead) and title, the header and its column-number row repeated at the top
  of every page, a "Jumlah" subtotal under each page's rows and a "Halaman 2 dari 3" footer; one
  long name and one long jabatan wrapped onto a row of their own with the other cells blank (a
  converter cannot tell a cell's second line from a row); a worker who had not handed in his KTP,
  "KETUT WIDANA *)" with "-" for a NIK and the footnote "*) belum menyerahkan KTP" under the
  list; the Kepala Dinas' signature with his NIP (18 digits) closing the last page. Its 2025 list
  converted page by page, one worksheet per printed page ("Page 1", "Page 2"), the second without
  the header, its NO restarting at 1, one NIK written in groups of four;
- Kota Metro (18.72): 2023 from a converter that kept the printed header "NAMA / NIK" with the
  name and the NIK stacked in one cell ("SUPARDI\\n1872011203830001") and "Tempat, Tgl Lahir" on
  two lines ("Metro,\\n12-03-1983"); 2025 from one that made an empty column between every real
  one (a borderless table) and split a NIK written in groups ("1872 0107 | 0786 0005") over the
  NIK's column and the empty one beside it;
- the Lampung province (18): a decree annex ("LAMPIRAN KEPUTUSAN KEPALA DINAS ... TENTANG
  PENETAPAN PESERTA ..."), its NOMOR / TANGGAL / TENTANG preamble, "Lanjutan Lampiran ..." and the
  header again at the top of its second page, and the decree's closing: "Ditetapkan di", "pada
  tanggal", "KEPALA DINAS ...", the name, rank and "NIP. 19680515 199403 1 006";
- Kabupaten Bulungan (65.01): a Word table pasted into Excel: the title merged across, "No." as
  Word's "1.", a participant with two certificates written as two paragraphs ("• Operator
  Excavator" / "• Mandor Pekerjaan Tanah") that Excel spread over two rows with No, name, NIK
  and birth merged down over both, bullets (•, and Symbol font's U+F0B7), non-breaking spaces in
  names, NIKs and "Belum Kompeten", curly apostrophes ("MA’RUF", "NUR’AINI"), a line break
  inside "Tempat/Tgl. Lahir"; and an ordinary 2021 list (its SKKs of 2021 half expired);
- Kota Tarakan (65.71): a 2025 list converted from PDF into one sheet: kop, title, header
  "TEMPAT,\\nTGL LAHIR", NO restarting on the second page under "Lanjutan" and the header again,
  a jabatan wrapped onto the next row, "Jumlah" per page, "Halaman 1 dari 2", a worker without a
  KTP ("DAENG MAPPASESSU *)", no NIK) and the footnote, the signature with a NIP in the name column;
- the Kalimantan Utara province (65): an ordinary recap of its experts, re-reporting a Bulungan
  and a Tarakan certificate (same NIK, jenjang and jabatan, no number), a Bulungan worker
  certified as an expert, an SKA of 2020 and an SKK whose number says 2021 and nothing else.
Added in later rounds: tabula's CSV of Metro's 2024 PDF in stream mode (every two-line cell cut
into two rows, the NIK of "NAMA / NIK" on the row below the name); Tarakan's 2023 holders' list
whose second page the converter put one column to the right (NIKs made numbers); the province's
2024 decree of those declared competent (no result column) with NIKs' last group wrapped onto a
row; Bulungan's 2025 list printed from its web application in Chrome (date, title, address and
"1/2" in the margins of every page); Lampung Tengah's 2023 list typed in Word with optional
hyphens (U+00AD) in "Kom-peten" and non-breaking hyphens (U+2011) in NIKs.
Persons in two offices: Agus Setiawan (Lampung Tengah, Metro), Heri Kiswanto (Lampung Tengah,
the province), Samsul Bahri (Bulungan, Tarakan), Lukas Ajang (Bulungan, the province).

Research (search tool): a PDF has no table, a converter rebuilds one from the text's positions:
each PDF page typically becomes a worksheet or a section of one, tables spanning pages are
rebuilt per page, not joined, and headers, footers and footnotes are best effort
(utilityapps.site/tools/pdf-to-excel; Able2Extract's help, investintech.com/help_a2e_pro/html/
ExcelConversionOptions.htm: "headers and footers of the document are causing misalignments");
a cell of two lines becomes two rows, the second with only that column filled
(pdf2excel.com/blog/excel-edge-cases "Multi-line cells"; tabula issues #625, #933 and
tabula-java #109: "In Stream mode ... unable to distinguish multi-line cells from separate rows";
tabula-extractor #57: "one row with a lot of blanks and HODGES in the name cell"); a borderless
table's columns "may merge or split unpredictably" (utilityapps), cells cut wherever the gap
between two words is wide (epitometool.com/tools/pdf-to-excel: a new cell past a gap of ~8 pt).
A Word table's vertically merged cells (w:vMerge, ooxml.info L.1.5.9) arrive in Excel as merged
cells. The NIP is 18 digits, birth date, CPNS appointment year and month, sex digit, serial,
written "19680411 199303 1 009" (Perka BKN 22/2007; kompasiana.com "Cara menulis NIP yang benar",
tekno.tempo.co 1511377): never a participant's NIK. Tabula's output file is "tabula-<pdf name>.csv"
and stream mode cannot tell a cell's second line from a row (tabula issues above); Chrome prints the
date and title at the top and the address and page count at the bottom of every page by default.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "kab-lampung-tengah", "name": "Dinas PUPR Kabupaten Lampung Tengah", "level": "regency",
     "region_code": "18.02"},
    {"id": "kota-metro", "name": "Dinas PUPR Kota Metro", "level": "city", "region_code": "18.72"},
    {"id": "prov-lampung", "name": "Dinas PUPR Provinsi Lampung", "level": "province", "region_code": "18"},
    {"id": "kab-bulungan", "name": "Dinas PUPR Kabupaten Bulungan", "level": "regency", "region_code": "65.01"},
    {"id": "kota-tarakan", "name": "Dinas PUPR Kota Tarakan", "level": "city", "region_code": "65.71"},
    {"id": "prov-kaltara", "name": "Dinas PUPR Provinsi Kalimantan Utara", "level": "province",
     "region_code": "65"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    "lt1": ("Sugeng Riyadi", "1802", "01", "1982-04-11", "L", 1),
    "lt2": ("Wayan Sudarsana", "1802", "02", "1979-09-23", "L", 2),
    "lt3": ("Siti Khotijah", "1802", "03", "1990-01-15", "P", 1),
    "lt4": ("Made Suarjana", "1802", "04", "1985-06-30", "L", 3),
    "lt5": ("Agus Setiawan", "1802", "05", "1988-12-05", "L", 4),
    "lt6": ("Bambang Irawan", "1802", "01", "1976-03-08", "L", 5),
    "lt7": ("Nyoman Artawan", "1802", "06", "1992-07-19", "L", 1),
    "lt8": ("Rini Astuti", "1802", "02", "1994-10-02", "P", 6),
    "lt9": ("Muhammad Ridho Pangestu Wicaksono", "1802", "03", "1996-05-25", "L", 7),
    "lt10": ("Heri Kiswanto", "1802", "04", "1981-11-14", "L", 8),
    "lt11": ("Joko Purnomo", "1802", "05", "1974-02-20", "L", 9),
    "lt12": ("Ketut Widana", "1802", "06", "1987-08-08", "L", 10),
    "lt13": ("Supriyadi", "1802", "02", "1983-01-25", "L", 12),
    "km1": ("Supardi", "1872", "01", "1983-03-12", "L", 1),
    "km2": ("Dwi Lestari", "1872", "02", "1991-05-09", "P", 2),
    "km3": ("Andi Saputra", "1872", "03", "1989-10-30", "L", 3),
    "km4": ("Yulianto", "1872", "04", "1980-01-01", "L", 4),
    "km5": ("Teguh Prasetyo", "1872", "01", "1986-07-07", "L", 5),
    "km6": ("Fitri Handayani", "1872", "02", "1993-12-21", "P", 6),
    "km7": ("Rudy Hartono Simatupang", "1871", "05", "1978-04-04", "L", 7),
    "km8": ("Bayu Aji Nugroho", "1872", "05", "1997-02-17", "L", 9),
    "pl1": ("Hendra Kusuma", "1871", "01", "1975-06-16", "L", 1),
    "pl2": ("Ratna Sari Dewi", "1871", "02", "1984-02-28", "P", 2),
    "pl3": ("Ahmad Fauzi", "1802", "01", "1990-09-09", "L", 11),
    "pl4": ("Yohanes Tarigan", "1872", "03", "1982-11-30", "L", 8),
    "pl5": ("Sri Wahyuningsih", "1871", "03", "1987-04-21", "P", 12),
    "bl1": ("Ma'ruf Hidayat", "6501", "01", "1984-05-05", "L", 1),
    "bl2": ("Nur'aini", "6501", "02", "1992-08-17", "P", 2),
    "bl3": ("Yakobus Lahang", "6501", "03", "1980-10-10", "L", 3),
    "bl4": ("Petrus Ding", "6501", "04", "1977-12-12", "L", 4),
    "bl5": ("Irawati", "6501", "01", "1995-03-03", "P", 5),
    "bl6": ("Samsul Bahri", "6501", "02", "1983-06-06", "L", 6),
    "bl7": ("Lukas Ajang", "6501", "03", "1989-01-20", "L", 7),
    "bl8": ("Hasanuddin", "6501", "05", "1979-07-27", "L", 8),
    "bl9": ("Yohanis Bilung", "6501", "04", "1991-08-30", "L", 9),
    "tk1": ("Abdul Rahman Tahir", "6571", "01", "1981-02-14", "L", 1),
    "tk2": ("Sitti Nurhaliza", "6571", "02", "1990-04-24", "P", 2),
    "tk3": ("Frans Kalalo", "6571", "03", "1976-09-01", "L", 3),
    "tk4": ("Ramli", "6571", "04", "1987-11-11", "L", 4),
    "tk5": ("Wahyudi", "6571", "01", "1993-05-15", "L", 5),
    "tk6": ("Erni Kusumawati", "6571", "02", "1985-08-18", "P", 6),
    "tk7": ("Daeng Mappasessu", "7371", "03", "1984-01-09", "L", 7),
    "tk8": ("Nurhayati", "6571", "02", "1979-10-05", "P", 8),
    "tk9": ("Andreas Lerebulan", "6571", "03", "1990-12-24", "L", 9),
    "pk1": ("Markus Lenjau", "6501", "04", "1972-05-19", "L", 9),
    "pk2": ("Dewi Anggraeni", "6571", "03", "1986-09-26", "P", 10),
    "pk3": ("Gunawan Wibisono", "6571", "04", "1969-03-31", "L", 11),
    "pk4": ("Yosua Padan", "6502", "01", "1988-06-13", "L", 1),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex
NBSP = "\u00a0"


def dmy(iso: str | None, sep: str = "-") -> str:
    """'2023-05-10' -> '10-05-2023'."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}{sep}{m}{sep}{y}"


def grouped(nik: str) -> str:
    """A NIK written in groups of four, as typed from the KTP: '1802 0111 0482 0001'."""
    return " ".join(nik[i:i + 4] for i in range(0, 16, 4))


def _sheet(ws, rows: list[list], merges: tuple[str, ...] = ()) -> None:
    for row in rows:
        ws.append([None if v == "" else v for v in row])
    for merge in merges:
        ws.merge_cells(merge)


# --- Kabupaten Lampung Tengah: a printed list converted back, one sheet, and page by page -------

_LT_KOP = [["PEMERINTAH KABUPATEN LAMPUNG TENGAH"],
           ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"],
           ["Jl. Raya Gunung Sugih No. 1, Gunung Sugih"]]
_LT_HEADER = ["NO", "NAMA", "NIK", "TEMPAT, TGL LAHIR", "JABATAN KERJA", "JENJANG", "HASIL", "KET"]

# page -> rows: (person, name as written, NIK as written, jabatan, jenjang, hasil, ket,
#                wrapped: (name's second line, ttl's second line, jabatan's second line) or None)
_LT_2024 = [
    [("lt1", None, None, "Tukang Batu", 2, "Kompeten", "", None),
     ("lt2", None, None, "Operator Excavator", 3, "Kompeten", "", None),
     ("lt3", None, None, "Juru Ukur", 4, "Kompeten", "", None),
     ("lt4", None, None, "Tukang Kayu", 2, "Belum Kompeten", "", None)],
    [("lt5", None, None, "Operator Bulldozer", 3, "Kompeten", "", None),
     ("lt9", "MUHAMMAD RIDHO PANGESTU", None, "Pelaksana Lapangan Pekerjaan", 5, "Kompeten", "",
      ("WICAKSONO", None, "Gedung")),
     ("lt6", None, None, "Mandor Pekerjaan Jalan", 4, "Kompeten", "", None),
     ("lt12", "KETUT WIDANA *)", "-", "Tukang Besi Beton", 2, "Kompeten", "*)", None)],
    [("lt7", None, None, "Operator Crane", 3, "Belum Kompeten", "", None),
     ("lt8", None, None, "Juru Ukur", 4, "Kompeten", "", None)],
]


def _lampung_tengah_2024() -> openpyxl.Workbook:
    """One sheet as an online converter makes it of a three-page printout."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows: list[list] = [*_LT_KOP, [""],
                        ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI"],
                        ["KABUPATEN LAMPUNG TENGAH TAHUN 2024"], [""]]
    no = 0
    pages = len(_LT_2024)
    for page, people in enumerate(_LT_2024, 1):
        rows += [_LT_HEADER, [str(i) for i in range(1, 9)]]
        for p, name, nik, jab, lvl, hasil, ket, wrapped in people:
            no += 1
            ttl = f"Gunung Sugih, {dmy(born(p))}"
            if wrapped:
                ttl = "Gunung Sugih,"
            rows.append([no, name or PERSONS[p][0].upper(), nik or N(p), ttl, jab, lvl, hasil, ket])
            if wrapped:
                rows.append(["", wrapped[0], "", dmy(born(p)), wrapped[2], "", "", ""])
        kompeten = sum(1 for r in people if r[5] == "Kompeten")
        rows.append(["", "Jumlah", "", "", f"{len(people)} orang", "", f"{kompeten} K", ""])
        if page == pages:
            rows += [[""], ["", "*) belum menyerahkan KTP"], [""],
                     ["", "", "", "", "Gunung Sugih, 20 Desember 2024"],
                     ["", "", "", "", "KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"],
                     ["", "", "", "", "KABUPATEN LAMPUNG TENGAH"], [""], [""],
                     ["", "", "", "", "Ir. SUHARTONO, M.T."],
                     ["", "", "", "", "NIP. 19690315 199503 1 004"]]
        rows.append(["", "", "", "", f"Halaman {page} dari {pages}"])
    _sheet(ws, rows)
    return wb


# 2025: (person, NIK as written, jabatan, jenjang, hasil, number, issued)
_LT_2025 = [
    [("lt4", None, "Tukang Kayu", 2, "Kompeten", "SKK-1802-2025-00101", "2025-05-14"),
     ("lt12", None, "Operator Excavator", 3, "Kompeten", "SKK-1802-2025-00102", "2025-05-14"),
     ("lt10", None, "Pelaksana Lapangan Pekerjaan Jalan", 6, "Kompeten", "SKK-1802-2025-00103", "2025-05-14")],
    [("lt11", None, "Tukang Batu", 2, "Kompeten", "dalam proses", None),
     ("lt7", None, "Operator Crane", 3, "Kompeten", "SKK-1802-2025-00105", "2025-05-14"),
     ("lt1", "grouped", "Mandor Pekerjaan Gedung", 4, "Kompeten", "SKK-1802-2025-00106", "2025-05-14")],
]


def _lampung_tengah_2025() -> openpyxl.Workbook:
    """A converter's workbook with one sheet per printed page; the second page has no header and
    its NO starts again at 1 (the printing program numbered each page)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    pages = len(_LT_2025)
    for page, people in enumerate(_LT_2025, 1):
        ws = wb.create_sheet(f"Page {page}")
        rows: list[list] = []
        if page == 1:
            rows += [["DAFTAR HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI"],
                     ["KABUPATEN LAMPUNG TENGAH TAHUN 2025"], [""],
                     ["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL", "NO. SERTIFIKAT", "TGL TERBIT"]]
        for i, (p, nik, jab, lvl, hasil, number, issued) in enumerate(people, 1):
            written = grouped(N(p)) if nik == "grouped" else N(p)
            rows.append([i, PERSONS[p][0].upper(), written, jab, lvl, hasil, number, dmy(issued)])
        if page == pages:
            rows += [[""], ["", "", "", "", "Gunung Sugih, 30 Mei 2025"],
                     ["", "", "", "", "Kepala Bidang Bina Konstruksi"], [""],
                     ["", "", "", "", "RUSDI EFENDI, S.T."], ["", "", "", "", "NIP. 19780101 200501 1 002"]]
        rows.append(["", "", "", f"Halaman {page} dari {pages}"])
        _sheet(ws, rows)
    return wb


SHY, NB_HYPHEN = "\u00ad", "\u2011"
# (person, name as written, NIK as written, jabatan as written, jenjang, hasil as written)
_LT_2023 = [
    ("lt6", None, None, f"Ope{SHY}rator Exca{SHY}vator", 3, f"Kom{SHY}peten"),
    ("lt13", f"SUPRI{SHY}YADI", "nb_hyphen", "Tukang Batu", 2, f"Kom{SHY}peten"),
    ("lt8", None, None, "Tukang Kayu", 2, f"Belum Kom{SHY}peten"),
    ("lt2", None, "nb_hyphen", "Juru Ukur", 4, "Kompeten"),
]


def _lampung_tengah_2023_word() -> openpyxl.Workbook:
    """The 2023 list typed in Word and pasted into Excel: in its narrow columns the clerk put
    optional hyphens (Ctrl+-, U+00AD, invisible unless the word breaks there: "Kom-peten") and kept
    NIKs from breaking with non-breaking hyphens (Ctrl+Shift+-, U+2011). Excel shows neither mark."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows: list[list] = [["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN LAMPUNG TENGAH TAHUN 2023"],
                        [""], ["No.", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]]
    for i, (p, name, nik, jab, lvl, hasil) in enumerate(_LT_2023, 1):
        written = NB_HYPHEN.join(grouped(N(p)).split(" ")) if nik == "nb_hyphen" else N(p)
        rows.append([f"{i}.", name or PERSONS[p][0].upper(), written, jab, lvl, hasil])
    _sheet(ws, rows, ("A1:F1",))
    return wb


# --- Kota Metro: name and NIK stacked in one cell; a borderless table with spacer columns -------

# (person, jabatan, jenjang, hasil, number, issued, NIK written in groups)
_METRO_2023 = [
    ("km1", "Tukang Batu", 2, "Kompeten", "SKK-1872-2023-00011", "2023-07-20", False),
    ("km2", "Juru Ukur", 4, "Kompeten", "SKK-1872-2023-00012", "2023-07-20", False),
    ("km3", "Operator Excavator", 3, "Kompeten", "SKK-1872-2023-00013", "2023-07-20", True),
    ("km4", "Tukang Kayu", 2, "Belum Kompeten", "", None, False),
    ("lt5", "Mandor Pekerjaan Gedung", 4, "Kompeten", "SKK-1872-2023-00015", "2023-07-20", False),
    ("km7", "Pelaksana Lapangan Pekerjaan Gedung", 5, "Kompeten", "SKT-1872-2019-00007", "2019-03-10", False),
]
_BIRTH_PLACE = {"1802": "Gunung Sugih", "1872": "Metro", "1871": "Bandar Lampung", "6501": "Tanjung Selor",
                "6571": "Tarakan", "7371": "Makassar", "6502": "Malinau"}


def _metro_2023() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Table 1"
    rows: list[list] = [["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI"],
                        ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KOTA METRO TAHUN 2023"], [""],
                        ["NO", "NAMA / NIK", "TEMPAT, TGL LAHIR", "JABATAN KERJA", "JENJANG", "HASIL",
                         "NO. SERTIFIKAT", "TGL TERBIT"]]
    for i, (p, jab, lvl, hasil, number, issued, spaced) in enumerate(_METRO_2023, 1):
        nik = grouped(N(p)) if spaced else N(p)
        region = PERSONS[p][1]
        rows.append([i, f"{PERSONS[p][0].upper()}\n{nik}", f"{_BIRTH_PLACE[region]},\n{dmy(born(p))}", jab, lvl,
                     hasil, number, dmy(issued)])
    rows += [[""], ["", "", "", "", "Metro, 25 Juli 2023"], ["", "", "", "", "Kepala Dinas PUPR Kota Metro"],
             [""], ["", "", "", "", "Drs. HARYANTO"], ["", "", "", "", "NIP. 19670707 199203 1 008"]]
    _sheet(ws, rows)
    return wb


# (person, jabatan, jenjang, hasil, masa berlaku)
_METRO_2025 = [
    ("km5", "Operator Crane", 3, "Kompeten", "2030-02-11"),
    ("km6", "Tukang Besi Beton", 2, "Kompeten", "2030-02-11"),
    ("km4", "Tukang Kayu", 2, "Kompeten", "2030-02-11"),
    ("km1", "Operator Excavator", 3, "Belum Kompeten", None),
]


def _metro_2025() -> openpyxl.Workbook:
    """A borderless table converted: an empty column between every real one, and the NIKs typed
    in groups cut at the widest gap into the NIK's column and the empty one beside it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Table 1"

    def spaced(cells: list) -> list:
        out: list = []
        for cell in cells:
            out += [cell, ""]
        return out[:-1]

    rows: list[list] = [["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KOTA METRO TAHUN 2025"], [""],
                        spaced(["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL", "MASA BERLAKU"])]
    for i, (p, jab, lvl, hasil, until) in enumerate(_METRO_2025, 1):
        g = grouped(N(p)).split(" ")
        row = spaced([i, PERSONS[p][0].upper(), f"{g[0]} {g[1]}", jab, lvl, hasil, dmy(until)])
        row[5] = f"{g[2]} {g[3]}"  # the NIK's second half, in the spacer right of the NIK column
        rows.append(row)
    _sheet(ws, rows)
    return wb


# (person, jabatan, jenjang, hasil)
_METRO_2024 = [
    ("km2", "Operator Excavator", 3, "Kompeten"),
    ("km8", "Tukang Batu", 2, "Kompeten"),
    ("km6", "Juru Ukur", 4, "Belum Kompeten"),
    ("lt3", "Pelaksana Lapangan Pekerjaan Gedung", 5, "Kompeten"),
]


def _metro_2024_tabula() -> bytes:
    """Tabula's CSV of the 2024 PDF, read in stream mode (no ruling lines): every cell of two lines
    is cut into two rows, the header's too: 'NAMA /' over 'NIK' and the NIK on the row below the
    name, 'Metro,' over the birth date."""
    def line(cells):
        return ",".join(f'"{c}"' if ("," in c or " " in c) else c for c in cells)

    out = ["DAFTAR PESERTA UJI KOMPETENSI KOTA METRO TAHUN 2024,,,,,",
           line(["NO", "NAMA /", "TEMPAT, TGL", "JABATAN KERJA", "JENJANG", "HASIL"]),
           line(["", "NIK", "LAHIR", "", "", ""])]
    for i, (p, jab, lvl, hasil) in enumerate(_METRO_2024, 1):
        out.append(line([str(i), PERSONS[p][0].upper(), f"{_BIRTH_PLACE[PERSONS[p][1]]},", jab, str(lvl), hasil]))
        out.append(line(["", N(p), dmy(born(p)), "", "", ""]))
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


# --- the Lampung province: a decree annex ---------------------------------------------------------

# (person, name as written, jabatan, jenjang, hasil)
_LAMPUNG_SK = [
    [("pl1", "Ir. HENDRA KUSUMA, M.T.", "Ahli Madya Manajemen Konstruksi", 8, "Kompeten"),
     ("pl2", "RATNA SARI DEWI, S.T.", "Ahli Muda Teknik Bangunan Gedung", 7, "Kompeten"),
     ("pl3", "AHMAD FAUZI, S.T.", "Ahli Muda Teknik Jalan", 7, "Belum Kompeten")],
    [("lt10", "HERI KISWANTO, S.T.", "Ahli Muda Teknik Jalan", 7, "Kompeten"),
     ("pl4", "YOHANES TARIGAN, S.T., M.T.", "Ahli Utama Manajemen Konstruksi", 9, "Kompeten")],
]


def _lampung_sk() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Lampiran"
    header = ["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL ASESMEN", "KETERANGAN"]
    rows: list[list] = [["", "", "", "LAMPIRAN KEPUTUSAN KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"],
                        ["", "", "", "PROVINSI LAMPUNG"],
                        ["", "", "", "NOMOR", ": 600/123/V.03/2025"],
                        ["", "", "", "TANGGAL", ": 12 Agustus 2025"],
                        ["", "", "", "TENTANG", ": PENETAPAN PESERTA PELATIHAN DAN SERTIFIKASI TENAGA AHLI "
                                                "KONSTRUKSI TAHUN ANGGARAN 2025"], [""],
                        ["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA AHLI KONSTRUKSI PROVINSI LAMPUNG"], [""]]
    no = 0
    for page, people in enumerate(_LAMPUNG_SK, 1):
        if page > 1:
            rows += [["", "", "", "Lanjutan Lampiran Keputusan Kepala Dinas PUPR Provinsi Lampung"],
                     ["", "", "", "Nomor : 600/123/V.03/2025"], [""]]
        rows.append(header)
        for p, name, jab, lvl, hasil in people:
            no += 1
            rows.append([no, name, N(p), jab, lvl, hasil, ""])
        if page < len(_LAMPUNG_SK):
            rows.append([""])
    rows += [[""], ["", "", "", "", "Ditetapkan di", ": Bandar Lampung"],
             ["", "", "", "", "pada tanggal", ": 12 Agustus 2025"], [""],
             ["", "", "", "", "KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"],
             ["", "", "", "", "PROVINSI LAMPUNG,"], [""], [""],
             ["", "", "", "", "Ir. H. MULYADI IRSAN, M.T."],
             ["", "", "", "", "Pembina Utama Muda (IV/c)"],
             ["", "", "", "", "NIP. 19680515 199403 1 006"]]
    _sheet(ws, rows)
    return wb


# (person, name as written, jabatan, jenjang, NIK wrapped onto the next row)
_LAMPUNG_SK_2024 = [
    ("pl3", "AHMAD FAUZI, S.T.", "Ahli Muda Teknik Bangunan Gedung", 7, True),
    ("pl5", "SRI WAHYUNINGSIH, S.T.", "Ahli Muda Manajemen Konstruksi", 7, False),
    ("pl1", "Ir. HENDRA KUSUMA, M.T.", "Ahli Muda Manajemen Konstruksi", 7, True),
]


def _lampung_sk_2024() -> openpyxl.Workbook:
    """A decree annex naming only those declared competent (the result is the decree's title, there
    is no result column), its NIKs typed in groups in a narrow column: the last group wrapped onto a
    line of its own, which the converter made a row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Table 1"
    rows: list[list] = [["", "", "LAMPIRAN KEPUTUSAN KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"],
                        ["", "", "PROVINSI LAMPUNG NOMOR : 600/88/V.03/2024"],
                        ["", "", "TENTANG"],
                        ["", "", "PENETAPAN PESERTA UJI KOMPETENSI TENAGA AHLI KONSTRUKSI YANG DINYATAKAN KOMPETEN "
                                 "TAHUN 2024"], [""],
                        ["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG"]]
    for i, (p, name, jab, lvl, wrapped) in enumerate(_LAMPUNG_SK_2024, 1):
        groups = grouped(N(p))
        rows.append([i, name, groups[:14] if wrapped else groups, jab, lvl])
        if wrapped:
            rows.append(["", "", groups[15:], "", ""])
    rows += [[""], ["", "", "", "Ditetapkan di : Bandar Lampung"], ["", "", "", "pada tanggal : 2 Desember 2024"],
             ["", "", "", "KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"], [""],
             ["", "", "", "Ir. H. MULYADI IRSAN, M.T."], ["", "", "", "NIP. 19680515 199403 1 006"]]
    _sheet(ws, rows)
    return wb


# --- Kabupaten Bulungan: a Word table pasted into Excel; an ordinary 2021 list ---------------------

# (person, name as written, NIK as written, certificates: [(jabatan as written, jenjang, hasil)])
_BULUNGAN_2024 = [
    ("bl1", "MA’RUF HIDAYAT", None, [("• Tukang Batu", "2", "Kompeten")]),
    ("bl2", "NUR’AINI", None, [("• Juru Ukur", "4", "Kompeten")]),
    ("bl3", "YAKOBUS LAHANG", None, [("• Operator Excavator", "3", "Kompeten"),
                                      ("• Mandor Pekerjaan Tanah", "4", "Kompeten")]),
    ("bl4", "PETRUS DING", None, [("\uf0b7 Tukang Kayu", "2", f"Belum{NBSP}Kompeten")]),
    ("bl5", "IRAWATI", "nbsp", [("\uf0b7 Juru Ukur", "4", "Kompeten")]),
    ("bl6", f"SAMSUL{NBSP}BAHRI", None, [("• Operator Crane", "3", "Kompeten")]),
    ("bl8", "HASANUDDIN ", "trailing", [("• Pelaksana Lapangan Pekerjaan Jalan", "5", "Kompeten")]),
]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"]


def _long_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {_MONTHS[int(m) - 1]} {y}"


def _bulungan_word_paste() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows: list[list] = [["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI"],
                        ["KABUPATEN BULUNGAN TAHUN 2024"], [""],
                        ["No.", "Nama Lengkap", "NIK", "Tempat/Tgl. Lahir", "Jabatan Kerja", "Jenjang", "Hasil"]]
    merges = ["A1:G1", "A2:G2"]
    for i, (p, name, nik, certs) in enumerate(_BULUNGAN_2024, 1):
        written = N(p)
        if nik == "nbsp":
            written = NBSP.join(grouped(N(p)).split(" "))
        elif nik == "trailing":
            written = N(p) + NBSP
        top = len(rows) + 1
        place = _BIRTH_PLACE[PERSONS[p][1]]
        for k, (jab, lvl, hasil) in enumerate(certs):
            if k == 0:
                rows.append([f"{i}.", name, written, f"{place},\n{_long_date(born(p))}", jab, lvl, hasil])
            else:
                rows.append(["", "", "", "", jab, lvl, hasil])
        if len(certs) > 1:
            bottom = top + len(certs) - 1
            merges += [f"{col}{top}:{col}{bottom}" for col in "ABCD"]
    rows += [[""], ["*) Data sesuai Berita Acara Uji Kompetensi LSP"], [""],
             ["", "", "", "", "Tanjung Selor, 10 Desember 2024"],
             ["", "", "", "", "Kepala Dinas PUPR Kabupaten Bulungan"], [""],
             ["", "", "", "", "H. SYAHRUL, S.T."], ["", "", "", "", "NIP. 19700101 199803 1 010"]]
    _sheet(ws, rows, tuple(merges))
    return wb


# (person, name as written, jabatan, jenjang, hasil, number, issued)
_BULUNGAN_2021 = [
    ("bl1", "Ma'ruf Hidayat", "Tukang Batu", 2, "Kompeten", "SKK-6501-2021-00033", "2021-01-05"),
    ("bl7", "Lukas Ajang", "Tukang Besi Beton", 2, "Kompeten", "SKK-6501-2021-00034", "2021-03-15"),
    ("bl4", "Petrus Ding", "Tukang Kayu", 2, "Kompeten", "SKK-6501-2021-00035", "2021-09-20"),
]


def _bulungan_2021() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2021"
    rows: list[list] = [["REKAP SERTIFIKASI TENAGA KERJA KONSTRUKSI KABUPATEN BULUNGAN TAHUN 2021"], [""],
                        ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat", "Tgl Terbit"]]
    for i, (p, name, jab, lvl, hasil, number, issued) in enumerate(_BULUNGAN_2021, 1):
        rows.append([i, name, N(p), jab, lvl, hasil, number, datetime.fromisoformat(issued)])
    _sheet(ws, rows)
    for row in ws.iter_rows(min_row=4, min_col=8, max_col=8):
        for cell in row:
            cell.number_format = "DD/MM/YYYY"
    return wb


# page -> (person, jabatan, jenjang, hasil)
_BULUNGAN_2025 = [
    [("bl5", "Pelaksana Lapangan Pekerjaan Gedung", 5, "Kompeten"),
     ("bl9", "Tukang Batu", 2, "Kompeten")],
    [("bl6", "Mandor Pekerjaan Tanah", 4, "Kompeten"),
     ("bl8", "Tukang Kayu", 2, "Belum Kompeten")],
]


def _bulungan_2025_browser_print() -> openpyxl.Workbook:
    """The web application's list printed to PDF from Chrome, whose default header and footer put
    the date and time and the page's title at the top of every page, its address and "1/2" at the
    bottom, then converted back; the table's header printed again on the second page."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Page 1"
    header = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]
    rows: list[list] = []
    pages = len(_BULUNGAN_2025)
    no = 0
    for page, people in enumerate(_BULUNGAN_2025, 1):
        rows.append(["07/10/25 10.22", "", "", "SIMPK Bulungan - Cetak Daftar Peserta"])
        if page == 1:
            rows += [["DAFTAR PESERTA UJI KOMPETENSI KABUPATEN BULUNGAN TAHUN 2025"], [""]]
        rows.append(header)
        for p, jab, lvl, hasil in people:
            no += 1
            rows.append([no, PERSONS[p][0].upper(), N(p), jab, lvl, hasil])
        rows.append(["https://simpk.bulungankab.go.id/peserta/cetak?tahun=2025", "", "", "", "", f"{page}/{pages}"])
    _sheet(ws, rows)
    return wb


# --- Kota Tarakan: a two-page PDF converted into one sheet -----------------------------------------

# page -> (person, name as written, NIK as written, jabatan, jabatan's second line, jenjang, hasil)
_TARAKAN_2025 = [
    [("tk1", None, None, "Tukang Batu", None, 2, "Kompeten"),
     ("tk2", None, None, "Juru Ukur", None, 4, "Kompeten"),
     ("tk3", None, None, "Operator Excavator", None, 3, "Belum Kompeten"),
     ("tk4", None, None, "Operator Crane", None, 3, "Kompeten")],
    [("tk5", None, "grouped", "Tukang Besi Beton", None, 2, "Kompeten"),
     ("tk6", None, None, "Pelaksana Lapangan", "Pekerjaan Gedung", 5, "Kompeten"),
     ("bl6", None, None, "Mandor Pekerjaan Gedung", None, 4, "Kompeten"),
     ("tk7", "DAENG MAPPASESSU *)", "", "Operator Excavator", None, 3, "Kompeten")],
]


def _tarakan_2025() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    header = ["NO", "NAMA", "NIK", "TEMPAT,\nTGL LAHIR", "JABATAN KERJA", "JENJANG", "HASIL"]
    rows: list[list] = [["PEMERINTAH KOTA TARAKAN"], ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"], [""],
                        ["DAFTAR PESERTA SERTIFIKASI KOMPETENSI KERJA KONSTRUKSI TAHUN 2025"], [""]]
    pages = len(_TARAKAN_2025)
    for page, people in enumerate(_TARAKAN_2025, 1):
        if page > 1:
            rows.append(["Lanjutan"])
        rows.append(header)
        for i, (p, name, nik, jab, jab2, lvl, hasil) in enumerate(people, 1):
            written = grouped(N(p)) if nik == "grouped" else ("" if nik == "" else N(p))
            place = _BIRTH_PLACE[PERSONS[p][1]]
            rows.append([i, name or PERSONS[p][0].upper(), written, f"{place},\n{dmy(born(p))}", jab, lvl, hasil])
            if jab2:
                rows.append(["", "", "", "", jab2, "", ""])
        kompeten = sum(1 for r in people if r[6] == "Kompeten")
        rows.append(["", "Jumlah Kompeten", "", "", "", "", kompeten])
        if page == pages:
            rows += [["*) belum menyerahkan KTP"], [""],
                     ["", "", "", "", "Tarakan, 15 Oktober 2025"],
                     ["", "KEPALA DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KOTA TARAKAN"], [""],
                     ["", "Ir. ANDI PATIWIRI"], ["", "NIP. 19720808 199903 1 005"]]
        rows.append(["", "", "", f"Halaman {page} dari {pages}"])
    _sheet(ws, rows)
    return wb


# page -> (person, jabatan, jenjang, hasil, number, issued)
_TARAKAN_2023 = [
    [("tk3", "Operator Excavator", 3, "Kompeten", "SKK-6571-2023-00021", "2023-09-04"),
     ("tk8", "Tukang Kayu", 2, "Kompeten", "SKK-6571-2023-00022", "2023-09-04")],
    [("tk5", "Operator Crane", 3, "Kompeten", "SKK-6571-2023-00023", "2023-09-04"),
     ("tk9", "Juru Ukur", 4, "Kompeten", "SKK-6571-2021-00024", "2021-02-01")],
]


def _tarakan_2023() -> openpyxl.Workbook:
    """A holders' list converted into one sheet by a converter that finds the columns page by page:
    the second page's table lands one column to the right of the first's; the NIKs made numbers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    header = ["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL", "NO. SERTIFIKAT", "TGL TERBIT"]
    rows: list[list] = [["DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KOTA TARAKAN TAHUN 2023"], [""]]
    for page, people in enumerate(_TARAKAN_2023, 1):
        pad = [""] * (page - 1)
        rows.append(pad + header)
        for i, (p, jab, lvl, hasil, number, issued) in enumerate(people, 1):
            rows.append(pad + [i, PERSONS[p][0].upper(), int(N(p)), jab, lvl, hasil, number, dmy(issued)])
        rows.append(pad + ["", "", "", f"Halaman {page} dari {len(_TARAKAN_2023)}"])
    _sheet(ws, rows)
    return wb


# --- the Kalimantan Utara province: an ordinary recap ---------------------------------------------

# (person, name as written, jabatan, jenjang, hasil, number, issued)
_KALTARA_2025 = [
    ("pk1", "Ir. MARKUS LENJAU, M.T.", "Ahli Madya Teknik Jembatan", 8, "Kompeten", "SKK-65-2025-0801",
     "2025-08-01"),
    ("pk2", "DEWI ANGGRAENI, S.T.", "Ahli Muda Teknik Bangunan Gedung", 7, "Kompeten", "SKA-65-2020-0702",
     "2020-11-02"),
    ("bl7", "LUKAS AJANG, S.T.", "Ahli Muda Teknik Jalan", 7, "Kompeten", "", None),
    ("bl3", "YAKOBUS LAHANG", "Operator Excavator", 3, "Kompeten", "", None),
    ("tk1", "ABDUL RAHMAN TAHIR", "Tukang Batu", 2, "Kompeten", "", None),
    ("pk3", "Ir. GUNAWAN WIBISONO", "Ahli Utama Manajemen Konstruksi", 9, "Belum Kompeten", "", None),
    ("pk4", "YOSUA PADAN, S.T.", "Ahli Muda Teknik Sumber Daya Air", 7, "Kompeten", "SKK-65-2021-0715", None),
]


def _kaltara_2025() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    rows: list[list] = [["REKAPITULASI PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI"],
                        ["PROVINSI KALIMANTAN UTARA TAHUN 2025"], [""],
                        ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat", "Tgl Terbit"]]
    for i, (p, name, jab, lvl, hasil, number, issued) in enumerate(_KALTARA_2025, 1):
        rows.append([i, name, N(p), jab, lvl, hasil, number, dmy(issued, "/")])
    _sheet(ws, rows)
    return wb


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    files = {
        "kab-lampung-tengah/Daftar Peserta Uji Kompetensi 2024 (converted).xlsx": _lampung_tengah_2024(),
        "kab-lampung-tengah/HASIL UJI KOMPETENSI 2025.xlsx": _lampung_tengah_2025(),
        "kab-lampung-tengah/Daftar Peserta 2023 (dari Word).xlsx": _lampung_tengah_2023_word(),
        "kota-metro/Peserta Uji Kompetensi Kota Metro 2023.xlsx": _metro_2023(),
        "kota-metro/Hasil UK 2025-converted.xlsx": _metro_2025(),
        "prov-lampung/Lampiran SK Penetapan Peserta Tenaga Ahli 2025.xlsx": _lampung_sk(),
        "kab-bulungan/Daftar Peserta Uji Kompetensi Bulungan 2024.xlsx": _bulungan_word_paste(),
        "kab-bulungan/Rekap SKK Bulungan 2021.xlsx": _bulungan_2021(),
        "kab-bulungan/Cetak Peserta SIMPK 2025.xlsx": _bulungan_2025_browser_print(),
        "prov-lampung/Lampiran SK Peserta Kompeten 2024.xlsx": _lampung_sk_2024(),
        "kota-tarakan/Daftar Peserta SKK Tarakan 2025.xlsx": _tarakan_2025(),
        "kota-tarakan/Data TKK Bersertifikat 2023.xlsx": _tarakan_2023(),
        "prov-kaltara/Rekap Sertifikasi Kaltara 2025.xlsx": _kaltara_2025(),
    }
    for name, wb in files.items():
        wb.save(landing / name)
    (landing / "kota-metro" / "tabula-Peserta UK Metro 2024.csv").write_bytes(_metro_2024_tabula())
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026), before the pipeline ran: (certified, active, unknown).
# 18.02  Lampung Tengah. 2024 (program year from the title: active to end 2028): 2 Sugeng, Ketut
#        (no NIK, "*)"); 3 Wayan, Agus; 4 Siti, Bambang, Rini; 5 Ridho (name and jabatan wrapped
#        onto the next row). Made and Nyoman BK. 2025 (issued May 2025): 2 Made (BK in 2024), Joko
#        ("dalam proses", program year 2025 from page 1's title: the pages are one list); 3 Ketut
#        (now with his NIK: the same person as 2024's), Nyoman; 4 Sugeng (NIK in groups); 6 Heri.
#        Every one active. 2023, typed in Word (optional hyphens in "Kom-peten", "Ope-rator Exca-
#        vator", "SUPRI-YADI"; NIKs with non-breaking hyphens), program year 2023, active to end
#        2027: 2 Supriyadi; 3 Bambang; 4 Wayan. Rini BK at 2.
# 18.72  Metro. 2023 (issued 20 Jul 2023): 2 Supardi; 3 Andi; 4 Dwi, Agus (Lampung Tengah's); 5 Rudy
#        (SKT of 10 Mar 2019, old scheme: expired 31 Dec 2022). Yulianto BK. 2025 (valid to Feb
#        2030): 2 Yulianto, Fitri; 3 Teguh. Supardi BK at 3. Tabula's CSV of 2024 (program year 2024,
#        name and NIK on two rows each): 2 Bayu; 3 Dwi (4 in 2023); 5 Siti (Lampung Tengah's). Fitri
#        BK at 4.
# 18     Lampung province (decree of Aug 2025, program year 2025): 7 Ratna, Heri (Lampung Tengah's
#        technician now an expert); 8 Hendra; 9 Yohanes. Ahmad Fauzi BK. Active. The 2024 decree of
#        those declared competent (no result column; NIKs' last group wrapped onto a row): 7 Ahmad
#        (another jabatan), Sri, Hendra (Ahli Muda before his Madya): active, program year 2024.
# 65.01  Bulungan. 2024 Word paste (program year 2024): 2 Ma'ruf; 3 Yakobus, Samsul; 4 Nur'aini,
#        Yakobus (his second paragraph), Irawati; 5 Hasanuddin. Petrus BK. 2021: 2 Ma'ruf (5 Jan
#        2021, expired, but 2024's is active), Lukas (15 Mar 2021: expired 14 Mar 2026), Petrus
#        (20 Sep 2021: active to Sep 2026). The 2025 list printed from the web application in Chrome
#        (program year 2025): 2 Yohanis; 4 Samsul; 5 Irawati. Hasanuddin BK at 2.
# 65.71  Tarakan 2025 (program year): 2 Abdul, Wahyudi; 3 Ramli, Daeng (no NIK, "*)"); 4 Sitti,
#        Samsul (Bulungan's); 5 Erni (jabatan wrapped). Frans BK. Active. The 2023 holders' list
#        (second page one column to the right, NIKs as numbers): 2 Nurhayati, 3 Frans, Wahyudi (Sep
#        2023): active; 4 Andreas (1 Feb 2021: expired 31 Jan 2026).
# 65     Kaltara province: 7 Dewi (SKA issued Nov 2020: old scheme, expired), Lukas (no number or
#        date, program year 2025: active), Yosua (number says 2021, no date: expires some day of
#        2026, unknown); 8 Markus (Aug 2025). Gunawan BK. Yakobus (Operator Excavator 3) and Abdul
#        (Tukang Batu 2) re-report Bulungan's and Tarakan's: not the province's.
TRUTH = {
    ("18.02", 2): (5, 5, 0), ("18.02", 3): (5, 5, 0), ("18.02", 4): (5, 5, 0), ("18.02", 5): (1, 1, 0),
    ("18.02", 6): (1, 1, 0),
    ("18.72", 2): (4, 4, 0), ("18.72", 3): (3, 3, 0), ("18.72", 4): (2, 2, 0), ("18.72", 5): (2, 1, 0),
    ("18", 7): (5, 5, 0), ("18", 8): (1, 1, 0), ("18", 9): (1, 1, 0),
    ("65.01", 2): (4, 3, 0), ("65.01", 3): (2, 2, 0), ("65.01", 4): (4, 4, 0), ("65.01", 5): (2, 2, 0),
    ("65.71", 2): (3, 3, 0), ("65.71", 3): (4, 4, 0), ("65.71", 4): (3, 2, 0), ("65.71", 5): (1, 1, 0),
    ("65", 7): (3, 1, 1), ("65", 8): (1, 1, 0),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(_world(tmp_path_factory.mktemp("world11")), PUBLISH)


def test_every_office_ingests(report):
    assert report.offices_failed == {}


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_persons_are_the_hand_count(report):
    # 48 persons: no Kepala Dinas from a signature block, no wrapped line or page furniture as a
    # person; Ketut (no NIK in 2024) is 2025's Ketut
    assert len(report.persons) == len(PERSONS)


# Participant rows per file, counted by hand: one per person and certificate, whatever lines,
# pages and furniture the conversion made of them (Bulungan 2024: Yakobus' two paragraphs are two).
ROWS = {
    "Daftar Peserta Uji Kompetensi 2024 (converted).xlsx": 10, "HASIL UJI KOMPETENSI 2025.xlsx": 6,
    "Peserta Uji Kompetensi Kota Metro 2023.xlsx": 6, "Hasil UK 2025-converted.xlsx": 4,
    "tabula-Peserta UK Metro 2024.csv": 4, "Lampiran SK Penetapan Peserta Tenaga Ahli 2025.xlsx": 5,
    "Daftar Peserta Uji Kompetensi Bulungan 2024.xlsx": 8, "Rekap SKK Bulungan 2021.xlsx": 3,
    "Daftar Peserta SKK Tarakan 2025.xlsx": 8, "Data TKK Bersertifikat 2023.xlsx": 4,
    "Rekap Sertifikasi Kaltara 2025.xlsx": 7, "Lampiran SK Peserta Kompeten 2024.xlsx": 3,
    "Cetak Peserta SIMPK 2025.xlsx": 4, "Daftar Peserta 2023 (dari Word).xlsx": 4,
}


def test_every_file_gives_its_participant_rows(report):
    log = report.submission_log
    assert dict(zip(log["source_file"], log["rows_read"].astype(int))) == ROWS


def test_no_row_is_quarantined(report):
    # every participant row is readable; page furniture, wrapped lines and signatures are no rows
    assert sorted(zip(report.quarantine.source_file, report.quarantine.source_row.astype(str),
                      report.quarantine.rule)) == []


def test_no_nip_is_read_as_a_nik(report):
    # a NIP's leading digits are a birth date as 19YYMMDD: as a NIK it would be a KTP of province 19
    # (Bangka Belitung), where no person of this world was registered
    assert "19" not in set(report.persons["home_province_code"].dropna())
