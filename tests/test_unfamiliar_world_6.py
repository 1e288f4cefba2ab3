"""A sixth hand-made world: regency and city clerks' own Excel workbooks, counted by hand.

Eight offices of four provinces no other world uses (Jawa Tengah 33, Nusa Tenggara Barat 52,
Sulawesi Utara 71, Riau 14), 90 persons, 10 files, judged on PUBLISH (30 June 2026). Each file is
what a clerk in a small Dinas PUPR builds by hand in Excel (or LibreOffice), not an export:
- Kabupaten Banyumas (33.02): one sheet per kecamatan ("Kec. Sokaraja", ...) behind a "REKAP"
  sheet of counts and a hidden "Ref" sheet the levels are looked up from; jabatan kerja, jenjang
  and tanggal uji merged vertically over each block of rows; the jenjang a VLOOKUP formula and the
  numbering "=A8+1", both with the values Excel cached; a column-number row "(1) (2) ..." under
  the header; NIKs typed as numbers (Excel kept 15 significant digits: the last one is 0) on two
  sheets; "Sub Total Kec. ..." rows; "Tidak Hadir" / "Mengundurkan Diri" in KETERANGAN; a second
  table "PESERTA CADANGAN" (reserves who did not sit) below the first;
- Kota Semarang (33.74): a legacy .xls (xlwt), one sheet per angkatan, the first protected; the
  year only in each sheet's title; KUALIFIKASI beside JENJANG, levels in words ("Jenjang II",
  "KKNI Jenjang 3 (Tiga)", "Tiga", "Level 4") merged over blocks; LULUS / TIDAK LULUS; NIKs with
  spaces or dots, or typed as numbers (15 digits kept); birth place and date in one cell written
  six ways;
- the Jawa Tengah province (33): a recap, columns in an odd order (NIK before the name), a
  section and a "Sub Total" row per regency/city, re-reporting Banyumas and Semarang
  certificates (Banyumas' with the NIK Banyumas lost, one jabatan abbreviated, one machine spelt as
  Indonesian does, "Operator Ekskavator", one with a gloss, "Juru Ukur (Surveyor)") beside its own
  experts under a section row "PROGRAM PROVINSI (TENAGA AHLI)";
- Kota Mataram (52.71): one sheet per jabatan kerja (named in the sheet's title row only), the
  jenjang merged over the whole body, the result ticked under "K | BK" with whatever tick the
  keyboard gave (check mark, square root, "v", "V"), remarks in KETERANGAN; and its 2025 list,
  one sheet whose groups are headed by a row with the occupation where the names go and the level
  where the levels go ("| TUKANG KAYU | | | 2 |"), the participants below numbered, L / TL;
- Kabupaten Lombok Barat (52.01): a LibreOffice .ods announcement with two tables in one sheet,
  "A. PESERTA KOMPETEN" and "B. PESERTA BELUM KOMPETEN": the result is the section, there is no
  result column;
- Kabupaten Minahasa (71.02): no result column: KETERANGAN holds the result on some rows
  ("Kompeten", "K - SKK dalam proses", a reserve's "Cadangan - Kompeten") and remarks on others
  ("Tidak Hadir", "Cadangan", "Mengundurkan Diri"); a digit row "1 2 3 ..." under the header; levels "KKNI Jenjang 3 (Tiga)",
  "Jenjang III", "Tiga", "Level 2", "IV"; a participant assessed for two jabatan on two rows,
  No, name, NIK, sex and birth merged over both;
- Kota Pekanbaru (14.71): a holder list with issue and expiry dates (old SKT of 2019 and 2020,
  SKKs of 2021 expiring either side of PUBLISH, one the day before) and a 2025 assessment file
  with a sheet per angkatan re-certifying two holders whose SKK had expired, two results written
  in KETERANGAN where HASIL was left blank (the make-up day's);
- Kota Dumai (14.72): a "daftar nominatif" grouped under section rows that alone name the
  jabatan and jenjang ("I. OPERATOR EXCAVATOR - JENJANG 3", "II. TUKANG BATU (Level 2)"), a
  "Jumlah ..." row under each, KOMPETEN merged over a block where all passed.
Persons in two offices: Supriyanto (Banyumas 2025 and Semarang 2021), Lalu Supardi (Lombok Barat
2022 and Mataram 2023), Zulhendri (Pekanbaru 2023 and Dumai 2024).

Research (search tool, pages/docs corpora): the stored pages hold no Indonesian office's own
participant sheet, only the programmes' rules around them: Pusbin KPK's "Petunjuk Operasional
Pelaksanaan Pelatihan Konstruksi ... dengan Mobile Training Unit" (2014,
id.scribd.com/doc/265506928) runs training and assessment kecamatan by kecamatan (hence a sheet
per kecamatan and per angkatan); the PUPR programme of 2023 (polhukam.id, "46.790 orang ikuti
program pembinaan tenaga kerja konstruksi") lists Jateng and NTB in Balai Wilayah IV; LPJK's
circulars 002 and 003/SE/LPJK-N/III/2020 (id.scribd.com/document/698458556, 479172482) separate
Ahli (province) from Terampil. How Excel keeps merged cells (only the top-left cell holds the value,
the others are empty MergedCells) is openpyxl's documentation (openpyxl.readthedocs.io,
openpyxl.worksheet.merge) and a gist on reading them (gist.github.com/tchen/01d1d61a...). The
layouts themselves (title block, "(1) (2) ..." row, Sub Total / JUMLAH rows, cadangan tables,
LULUS/TIDAK LULUS, ticks) are the everyday habits DOMAIN.md describes, written as a clerk would.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
import xlwt
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "kab-banyumas", "name": "Dinas PUPR Kabupaten Banyumas", "level": "regency", "region_code": "33.02"},
    {"id": "kota-semarang", "name": "Dinas PU Kota Semarang", "level": "city", "region_code": "33.74"},
    {"id": "prov-jateng", "name": "Dinas PUSDATARU Provinsi Jawa Tengah", "level": "province", "region_code": "33"},
    {"id": "kota-mataram", "name": "Dinas PUPR Kota Mataram", "level": "city", "region_code": "52.71"},
    {"id": "kab-lombok-barat", "name": "Dinas PUPR Kabupaten Lombok Barat", "level": "regency",
     "region_code": "52.01"},
    {"id": "kab-minahasa", "name": "Dinas PUPR Kabupaten Minahasa", "level": "regency", "region_code": "71.02"},
    {"id": "kota-pekanbaru", "name": "Dinas PUPR Kota Pekanbaru", "level": "city", "region_code": "14.71"},
    {"id": "kota-dumai", "name": "Dinas PUPR Kota Dumai", "level": "city", "region_code": "14.72"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Banyumas
    "bm1": ("Sugeng Riyadi", "3302", "11", "1980-03-12", "L", 3),
    "bm2": ("Warsono", "3302", "11", "1975-07-21", "L", 7),
    "bm3": ("Sri Mulyani", "3302", "11", "1988-10-05", "P", 2),
    "bm4": ("Tohari", "3302", "11", "1969-01-30", "L", 4),
    "bm5": ("Agus Prasetyo", "3302", "11", "1990-05-17", "L", 6),
    "bm6": ("Slamet Riyanto", "3302", "11", "1984-08-08", "L", 9),
    "bm7": ("Eko Susanto", "3302", "11", "1987-12-24", "L", 5),
    "bm8": ("Muhamad Rofiq", "3302", "05", "1992-02-14", "L", 3),
    "bm9": ("Darsim", "3302", "05", "1972-06-06", "L", 8),
    "bm10": ("Kusnadi", "3302", "05", "1979-09-19", "L", 2),
    "bm11": ("Heru Setiawan", "3302", "05", "1986-04-27", "L", 7),
    "bm12": ("Rokhim", "3302", "05", "1983-11-03", "L", 4),
    "bm13": ("Wahyudi", "3302", "05", "1991-03-29", "L", 6),
    "bm14": ("Samsudin", "3302", "05", "1977-10-10", "L", 1),
    "bm15": ("Dwi Hartanto", "3302", "24", "1989-07-07", "L", 2),
    "bm16": ("Nur Kholis", "3302", "24", "1985-01-15", "L", 5),
    "bm17": ("Tri Wahyuningsih", "3302", "24", "1993-06-22", "P", 3),
    "bm18": ("Bagus Wicaksono", "3302", "24", "1995-09-09", "L", 1),
    "bm19": ("Andri Kurniawan", "3302", "24", "1994-12-01", "L", 4),
    # Supriyanto: Banyumas 2025 and Semarang 2021
    "x1": ("Supriyanto", "3374", "03", "1978-02-18", "L", 2),
    # Semarang
    "sm2": ("Bambang Hermanto", "3374", "01", "1981-05-11", "L", 3),
    "sm3": ("Siti Aminah", "3374", "02", "1986-09-25", "P", 1),
    "sm4": ("Joko Santoso", "3374", "05", "1979-03-03", "L", 4),
    "sm5": ("Arif Rahman Hakim", "3374", "06", "1991-11-16", "L", 2),
    "sm6": ("Hendra Gunawan", "3374", "01", "1988-08-30", "L", 5),
    "sm7": ("Yulianto", "3374", "07", "1983-07-12", "L", 1),
    "sm8": ("Rina Widyastuti", "3374", "04", "1990-04-04", "P", 3),
    "sm9": ("Danang Prakoso", "3374", "08", "1992-10-20", "L", 2),
    "sm10": ("Fajar Nugroho", "3374", "10", "1987-01-08", "L", 6),
    # the province's experts
    "jt1": ("Budi Santoso", "3374", "12", "1976-06-14", "L", 2),
    "jt2": ("Anita Puspitasari", "3372", "03", "1994-02-02", "P", 1),
    "jt3": ("Haryanto", "3310", "04", "1965-12-12", "L", 3),
    "jt4": ("Wahyu Hidayat", "3302", "19", "1996-08-17", "L", 2),
    # Mataram
    "mt1": ("Lalu Muhammad Zaini", "5271", "01", "1982-01-25", "L", 1),
    "mt2": ("Baiq Nurhasanah", "5271", "02", "1990-03-14", "P", 2),
    "mt3": ("I Ketut Sudiarta", "5271", "03", "1985-09-05", "L", 1),
    "mt4": ("Muhammad Saiful", "5271", "04", "1993-06-18", "L", 3),
    "mt5": ("Ahmad Junaidi", "5271", "05", "1980-10-31", "L", 2),
    "mt6": ("Lalu Arif Rahman", "5271", "06", "1989-02-09", "L", 1),
    "mt7": ("Sahnan", "5271", "01", "1977-07-07", "L", 4),
    "mt8": ("Zulkarnain", "5271", "02", "1984-12-19", "L", 5),
    "mt9": ("I Made Suartana", "5271", "03", "1979-04-23", "L", 2),
    "mt10": ("Haerul Anwar", "5271", "04", "1991-08-11", "L", 1),
    "mt11": ("Baiq Rohani", "5271", "05", "1994-01-06", "P", 3),
    "mt12": ("Lalu Hendra Saputra", "5271", "06", "1988-05-30", "L", 2),
    "mt13": ("Syamsul Hadi", "5271", "01", "1983-09-12", "L", 6),
    "mt14": ("Muhammad Rizal", "5271", "02", "1996-02-20", "L", 4),
    # Lalu Supardi: Lombok Barat 2022 and Mataram 2023
    "lb1": ("Lalu Supardi", "5201", "07", "1981-11-11", "L", 3),
    "lb2": ("Baiq Sri Wahyuni", "5201", "02", "1992-05-05", "P", 1),
    "lb3": ("Mustakim", "5201", "03", "1974-03-17", "L", 2),
    "lb4": ("Suparman", "5201", "04", "1986-06-26", "L", 4),
    "lb5": ("Hamdi", "5201", "05", "1990-09-14", "L", 1),
    "lb6": ("Rahmat Hidayatullah", "5201", "06", "1983-01-01", "L", 5),
    "lb7": ("Saparudin", "5201", "07", "1988-02-28", "L", 2),
    "lb8": ("Muhammad Amin", "5201", "08", "1995-04-16", "L", 3),
    # Minahasa
    "mn1": ("Jefry Runtuwene", "7102", "01", "1984-03-15", "L", 1),
    "mn2": ("Steven Mandagi", "7102", "02", "1989-07-27", "L", 2),
    "mn3": ("Meivy Lumintang", "7102", "03", "1993-10-09", "P", 1),
    "mn4": ("Ronald Warouw", "7102", "04", "1980-05-05", "L", 3),
    "mn5": ("Freddy Sumampouw", "7102", "05", "1976-12-22", "L", 1),
    "mn6": ("Novita Kalalo", "7102", "06", "1991-02-13", "P", 2),
    "mn7": ("Hendrik Pangemanan", "7102", "07", "1985-08-18", "L", 4),
    "mn8": ("Roy Tumewu", "7102", "08", "1982-06-01", "L", 1),
    "mn9": ("Yopie Kaunang", "7102", "09", "1987-04-20", "L", 2),
    "mn10": ("Max Senduk", "7102", "10", "1979-09-30", "L", 3),
    "mn11": ("Denny Rumengan", "7102", "02", "1984-01-29", "L", 5),
    "mn12": ("Olivia Wenas", "7102", "04", "1995-06-07", "P", 2),
    # Pekanbaru
    "pk1": ("Rahmat Hidayat", "1471", "01", "1983-04-04", "L", 2),
    "pk2": ("Sri Wahyuni", "1471", "02", "1989-11-27", "P", 1),
    "pk3": ("Dedi Kurniawan", "1471", "03", "1986-02-19", "L", 3),
    "pk4": ("Zulhendri", "1471", "04", "1981-08-08", "L", 1),
    "pk5": ("Erizal", "1471", "05", "1975-05-25", "L", 2),
    "pk6": ("Nurhayati", "1471", "06", "1992-07-03", "P", 4),
    "pk7": ("Amrizal", "1471", "07", "1978-10-14", "L", 1),
    "pk8": ("Feri Saputra", "1471", "08", "1996-01-21", "L", 2),
    "pk9": ("Yusrizal", "1471", "01", "1990-06-12", "L", 5),
    "pk10": ("Andi Susanto", "1471", "02", "1987-03-09", "L", 3),
    "pk11": ("Riko Pratama", "1471", "03", "1998-12-05", "L", 1),
    "pk12": ("Haris Munandar", "1471", "04", "1993-09-23", "L", 2),
    "pk13": ("Desri Yanti", "1471", "05", "1995-08-15", "P", 3),
    "pk14": ("Syafruddin", "1471", "06", "1970-02-02", "L", 1),
    "pk15": ("Yulia Rahmi", "1471", "07", "1997-07-19", "P", 2),
    # Dumai (and Zulhendri of Pekanbaru)
    "dm1": ("Syahrial", "1472", "01", "1982-05-13", "L", 1),
    "dm2": ("Muhammad Ridwan", "1472", "02", "1987-09-02", "L", 2),
    "dm3": ("Abdul Halim", "1472", "03", "1979-11-21", "L", 1),
    "dm4": ("Junaidi", "1472", "04", "1991-04-08", "L", 3),
    "dm5": ("Rosmawati", "1472", "05", "1993-12-30", "P", 1),
    "dm6": ("Irwan Syahputra", "1472", "01", "1988-06-17", "L", 4),
    "dm7": ("Suherman", "1472", "02", "1974-03-26", "L", 2),
    "dm8": ("Budiman", "1472", "03", "1985-10-11", "L", 5),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex

_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


def upper(p: str) -> str:
    """The name as clerks type it."""
    return PERSONS[p][0].upper()


def excel_number(nik: str) -> int:
    """A NIK typed into Excel as a number: 15 significant digits survive, the 16th becomes 0."""
    return int(nik[:15] + "0")


def ttl(place: str, iso: str, style: int = 0) -> str:
    """Birth place and date in one cell, as clerks write it (six styles)."""
    d = date.fromisoformat(iso)
    return [
        f"{place}, {d:%d-%m-%Y}",
        f"{place} / {d.day} {_BULAN[d.month - 1]} {d.year}",
        f"{place.upper()} {d:%d/%m/%Y}",
        f"{place}, {d.day} {_BULAN[d.month - 1][:3]} {d.year}",
        f"{place},{d.day}-{d.month}-{d.year}",
        f"{place} {d:%d} - {d:%m} - {d:%Y}",
    ][style]


def _cache_formulas(path: Path, cached: dict[str, dict[str, object]]) -> None:
    """Give formula cells the values Excel caches on save (openpyxl saves formulas without them)."""
    wb = openpyxl.load_workbook(path)
    sheet_xml = {ws.title: f"xl/worksheets/sheet{i}.xml" for i, ws in enumerate(wb.worksheets, 1)}
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for title, cells in cached.items():
        xml = parts[sheet_xml[title]].decode("utf-8")
        for coord, value in cells.items():
            kind, text = (' t="str"', escape(value)) if isinstance(value, str) else ("", str(value))
            xml, n = re.subn(rf'<c r="{coord}"([^>]*)><f>(.*?)</f><v ?/></c>',
                             lambda m, k=kind, t=text: f'<c r="{coord}"{m.group(1)}{k}><f>{m.group(2)}</f><v>{t}</v></c>',
                             xml)
            assert n == 1, (title, coord)
        parts[sheet_xml[title]] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


# --- Kabupaten Banyumas: a sheet per kecamatan, merged blocks, formulas, a REKAP ------------------

_LEVEL_OF = {"Tukang Batu": 2, "Tukang Kayu": 2, "Operator Excavator": 3, "Juru Ukur": 3,
             "Mandor Pekerjaan Jalan": 4, "Pelaksana Lapangan Pekerjaan Gedung": 5}

# sheet -> (NIK typed as a number?, blocks: (jabatan, tanggal uji, [(person, hasil, keterangan)]),
#           reserves below the first table: [(person, jabatan, keterangan)])
_BANYUMAS = {
    "Kec. Sokaraja": (True, [
        ("Tukang Batu", "2025-05-14", [("bm1", "K", None), ("bm2", "K", None), ("bm3", "BK", None),
                                       ("bm4", "K", None)]),
        ("Operator Excavator", "2025-05-15", [("bm5", "K", None), ("bm6", None, "Tidak Hadir"),
                                              ("bm7", "K", "Sertifikat dalam proses")]),
    ], []),
    "Kec. Ajibarang": (True, [
        ("Tukang Kayu", "2025-07-02", [("bm8", "K", None), ("bm9", "K", None), ("bm10", "BK", "Uji ulang")]),
        ("Mandor Pekerjaan Jalan", "2025-07-03", [("bm11", "K", None), ("bm12", "K", None)]),
    ], [("bm13", "Tukang Kayu", "Cadangan, tidak mengikuti uji"), ("bm14", "Tukang Kayu", "Cadangan")]),
    "Kec. Purwokerto Utara": (False, [
        ("Pelaksana Lapangan Pekerjaan Gedung", "2025-09-10", [("bm15", "K", None), ("bm16", "K", None),
                                                               ("bm17", "K", None)]),
        ("Juru Ukur", "2025-09-11", [("bm18", "K", None), ("bm19", None, "Mengundurkan Diri"),
                                     ("x1", "K", None)]),
    ], []),
}

_HEADER = ["NO", "NAMA PESERTA", "NIK", "TEMPAT, TGL LAHIR", "JABATAN KERJA", "JENJANG", "TANGGAL UJI",
           "HASIL UJI", "KETERANGAN"]


def _banyumas_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    rekap = wb.active
    rekap.title = "REKAP"
    rekap.append(["REKAPITULASI PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN BANYUMAS TA 2025"])
    rekap.append([])
    rekap.append(["NO", "KECAMATAN", "JUMLAH PESERTA", "KOMPETEN", "BELUM KOMPETEN", "TIDAK HADIR / MUNDUR"])
    cached: dict[str, dict[str, object]] = {}
    totals = [0, 0, 0, 0]
    for i, (sheet, (as_number, blocks, reserves)) in enumerate(_BANYUMAS.items(), 1):
        ws = wb.create_sheet(sheet)
        kec = sheet.removeprefix("Kec. ").upper()
        ws.append(["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI"])
        ws.append(["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN BANYUMAS"])
        ws.append(["TAHUN ANGGARAN 2025"])
        ws.append([f"KECAMATAN : {kec}"])
        ws.append([])
        ws.append(_HEADER)
        ws.append([f"({k})" for k in range(1, len(_HEADER) + 1)])
        cells = cached.setdefault(sheet, {})
        row = 8
        no = 0
        counts = [0, 0, 0, 0]
        for jabatan, tgl, people in blocks:
            top = row
            for p, hasil, ket in people:
                no += 1
                nik = excel_number(N(p)) if as_number else N(p)
                ws.cell(row, 1, 1 if no == 1 else f"=A{row - 1}+1")
                if no > 1:
                    cells[f"A{row}"] = no
                ws.cell(row, 2, upper(p))
                ws.cell(row, 3, nik)
                if as_number:
                    ws.cell(row, 3).number_format = "0"
                ws.cell(row, 4, ttl("Banyumas", born(p)))
                ws.cell(row, 8, hasil)
                ws.cell(row, 9, ket)
                counts[0] += 1
                counts[1 if hasil == "K" else 2 if hasil == "BK" else 3] += 1
                row += 1
            ws.cell(top, 5, jabatan)
            ws.cell(top, 6, f"=VLOOKUP(E{top},Ref!$A$2:$B$7,2,FALSE)")
            cells[f"F{top}"] = _LEVEL_OF[jabatan]
            ws.cell(top, 7, datetime.fromisoformat(tgl)).number_format = "dd/mm/yyyy"
            for col in "EFG":
                ws.merge_cells(f"{col}{top}:{col}{row - 1}")
        ws.cell(row, 2, f"Sub Total Kec. {sheet.removeprefix('Kec. ')}")
        ws.cell(row, 8, f'=COUNTIF(H8:H{row - 1},"K")')
        cells[f"H{row}"] = counts[1]
        if reserves:
            row += 2
            ws.cell(row, 1, "PESERTA CADANGAN")
            row += 1
            for c, h in enumerate(["NO", "NAMA PESERTA", "NIK", "TEMPAT, TGL LAHIR", "JABATAN KERJA",
                                   "KETERANGAN"], 1):
                ws.cell(row, c, h)
            for k, (p, jabatan, ket) in enumerate(reserves, 1):
                row += 1
                for c, v in enumerate([k, upper(p), N(p), ttl("Banyumas", born(p)), jabatan, ket], 1):
                    ws.cell(row, c, v)
        rekap.append([i, kec.title(), *counts])
        totals = [a + b for a, b in zip(totals, counts)]
    rekap.append([None, "JUMLAH", *totals])
    ref = wb.create_sheet("Ref")
    ref.append(["JABATAN KERJA", "JENJANG", "KUALIFIKASI"])
    for jabatan, level in _LEVEL_OF.items():
        ref.append([jabatan, level, "Operator" if level <= 3 else "Teknisi"])
    ref.sheet_state = "hidden"
    wb.save(path)
    _cache_formulas(path, cached)


# --- Kota Semarang: a legacy .xls, a sheet per angkatan, levels in words ------------------------

# sheet -> (year in the title, blocks: (kualifikasi, jabatan, level as written,
#           [(person, hasil, NIK as written, ttl place and style)]))
_SEMARANG = {
    "Angkatan I": ("2021", [
        ("Operator", "Tukang Batu", "Jenjang II", [
            ("x1", "LULUS", "spaced", ("Semarang", 0)), ("sm2", "LULUS", "dotted", ("Kendal", 1)),
            ("sm3", "TIDAK LULUS", "plain", ("Semarang", 2))]),
        ("Operator", "Operator Excavator", "KKNI Jenjang 3 (Tiga)", [
            ("sm4", "LULUS", "plain", ("Demak", 3)), ("sm5", "LULUS", "spaced", ("Semarang", 4))]),
    ]),
    "Angkatan II": ("2024", [
        ("Operator", "Juru Ukur", "Tiga", [
            ("sm6", "LULUS", "dotted", ("Semarang", 5)), ("sm7", "LULUS", "plain", ("Ungaran", 0)),
            ("sm2", "LULUS", "plain", ("Kendal", 2))]),
        ("Teknisi", "Teknisi Laboratorium Beton", "Level 4", [
            ("sm8", "LULUS", "spaced", ("Semarang", 1)), ("sm9", "TIDAK LULUS", "plain", ("Salatiga", 3)),
            ("sm10", "LULUS", "dotted", ("Semarang", 4))]),
    ]),
}


def _written_nik(nik: str, how: str) -> str:
    if how == "spaced":
        return f"{nik[:4]} {nik[4:6]} {nik[6:12]} {nik[12:]}"
    if how == "dotted":
        return f"{nik[:4]}.{nik[4:6]}.{nik[6:12]}.{nik[12:]}"
    return nik


def _semarang_xls(path: Path) -> None:
    book = xlwt.Workbook()
    bold = xlwt.easyxf("font: bold on; align: horiz centre, vert centre")
    middle = xlwt.easyxf("align: vert centre")
    for sheet, (year, blocks) in _SEMARANG.items():
        ws = book.add_sheet(sheet)
        if sheet == "Angkatan I":
            ws.protect = True
            ws.password = "pupr2021"
        ws.write(0, 0, f"PESERTA PELATIHAN DAN UJI KOMPETENSI TENAGA KERJA KONSTRUKSI {sheet.upper()}")
        ws.write(1, 0, f"DINAS PEKERJAAN UMUM KOTA SEMARANG TAHUN {year}")
        for c, h in enumerate(["NO", "NAMA", "NO. KTP", "TEMPAT / TGL. LAHIR", "KUALIFIKASI", "JABATAN KERJA",
                               "JENJANG", "HASIL"]):
            ws.write(3, c, h, bold)
        r = 4
        no = 0
        for kualifikasi, jabatan, level, people in blocks:
            top = r
            for p, hasil, how, (place, style) in people:
                no += 1
                ws.write(r, 0, no)
                ws.write(r, 1, upper(p))
                # a plain NIK was typed as a number: Excel kept 15 significant digits
                ws.write(r, 2, float(excel_number(N(p))) if how == "plain" else _written_nik(N(p), how))
                ws.write(r, 3, ttl(place, born(p), style))
                ws.write(r, 7, hasil)
                r += 1
            ws.write_merge(top, r - 1, 4, 4, kualifikasi, middle)
            ws.write_merge(top, r - 1, 5, 5, jabatan, middle)
            ws.write_merge(top, r - 1, 6, 6, level, middle)
        ws.write(r + 1, 5, "Semarang, 20 Desember " + year)
        ws.write(r + 2, 5, "Kepala Bidang Bina Konstruksi")
    book.save(str(path))


# --- the Jawa Tengah province: a recap by regency/city, NIK first ------------------------------

# section -> [(person, name as written, NIK as written, kualifikasi, jabatan, level, tahun, ket)]
_JATENG = {
    "KABUPATEN BANYUMAS": [
        ("bm11", "HERU SETIAWAN, S.T.", "full", "Teknisi", "Mandor Pekerjaan Jalan", "Level 4", 2025, "K"),
        ("bm15", "DWI HARTANTO, A.Md", "full", "Teknisi", "Pelaksana Lapangan Pekerjaan Gedung", "Level 5", 2025, "K"),
        ("bm16", "NUR KHOLIS", "full", "Teknisi", "Pel. Lap. Pek. Gedung", "Level 5", 2025, "K"),
        # the province's clerk spells the machine as Indonesian does
        ("bm5", "AGUS PRASETYO", "full", "Operator", "Operator Ekskavator", "Level 3", 2025, "K"),
    ],
    "KOTA SEMARANG": [
        ("sm6", "HENDRA GUNAWAN", "full", "Operator", "Juru Ukur (Surveyor)", "Level 3", 2024, "K"),
        ("sm8", "RINA WIDYASTUTI", "full", "Teknisi", "Teknisi Laboratorium Beton", "Level 4", 2024, "K"),
    ],
    "PROGRAM PROVINSI (TENAGA AHLI)": [
        ("jt1", "Ir. BUDI SANTOSO, M.T.", "full", "Ahli", "Ahli Muda Teknik Jalan", "Jenjang 7", 2025, "K"),
        ("jt2", "ANITA PUSPITASARI, S.T.", "full", "Ahli", "Ahli Muda Teknik Bangunan Gedung", "Jenjang 7", 2025,
         "K"),
        ("jt3", "Dr. Ir. HARYANTO, M.T.", "full", "Ahli", "Ahli Madya Teknik Jembatan", "Jenjang 8", 2021, "K"),
        ("jt4", "WAHYU HIDAYAT, S.T.", "full", "Ahli", "Ahli Muda Teknik Sumber Daya Air", "Jenjang 7", 2025,
         "BK"),
    ],
}


def _jateng_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap 2021-2025"
    ws.append(["REKAPITULASI PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI"])
    ws.append(["DINAS PEKERJAAN UMUM SUMBER DAYA AIR DAN PENATAAN RUANG PROVINSI JAWA TENGAH"])
    ws.append([])
    ws.append(["NO", "NIK", "NAMA", "KUALIFIKASI", "JABATAN KERJA", "JENJANG", "TAHUN", "KET."])
    no = 0
    for section, rows in _JATENG.items():
        ws.append([None, None, section])
        for p, name, _, kual, jabatan, level, tahun, ket in rows:
            no += 1
            ws.append([no, N(p), name, kual, jabatan, level, tahun, ket])
        ws.append([None, None, f"Sub Total {section.title()}", None, None, None, None, len(rows)])
    ws.append([None, None, "JUMLAH", None, None, None, None, no])
    wb.save(path)


# --- Kota Mataram: a sheet per jabatan, ticks under K | BK --------------------------------------

# sheet -> (jabatan in the title, jenjang as written, [(person, tick under K, tick under BK, keterangan)])
_MATARAM = {
    "Tukang Batu": ("TUKANG BATU", "2", [
        ("mt1", "\u2713", None, None), ("mt2", "\u2713", None, None), ("mt3", None, "\u221a", None),
        ("mt4", None, None, "Tidak Hadir"), ("mt5", "v", None, None)]),
    "Operator Excavator": ("OPERATOR EXCAVATOR", "III", [
        ("mt6", "\u221a", None, None), ("mt7", "V", None, "SKK sudah terbit"),
        ("mt8", None, None, "Mengundurkan Diri")]),
    "Mandor": ("MANDOR PEKERJAAN GEDUNG", "Jenjang 4", [
        ("mt9", "\u2713", None, None), ("mt10", None, "\u2713", None), ("lb1", "\u2713", None, "Peserta Lobar")]),
}


def _mataram_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, (jabatan, level, people) in _MATARAM.items():
        ws = wb.create_sheet(sheet)
        ws.append(["DAFTAR HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KOTA MATARAM TAHUN 2023"])
        ws.append([f"JABATAN KERJA : {jabatan}"])
        ws.append([])
        ws.append(["NO", "NAMA", "NIK", "L/P", "TEMPAT, TGL LAHIR", "JENJANG", "HASIL", None, "KETERANGAN"])
        ws.append([None, None, None, None, None, None, "K", "BK", None])
        for col in "ABCDEFI":
            ws.merge_cells(f"{col}4:{col}5")
        ws.merge_cells("G4:H4")
        top = 6
        for i, (p, k, bk, ket) in enumerate(people, 1):
            ws.append([i, upper(p), N(p), sex(p), ttl("Mataram", born(p), 3), None, k, bk, ket])
        ws.cell(top, 6, level)
        ws.merge_cells(f"F{top}:F{top + len(people) - 1}")
    wb.save(path)


# 2025: one sheet, each group headed by a row with its occupation where the names go and its level
# where the levels go; the participants below numbered, their level cells left blank.
# group heading (occupation, jenjang as written) -> [(person, hasil, keterangan)]
_MATARAM_2025 = [
    (("TUKANG KAYU", "2"), [("mt11", "L", None), ("mt12", "L", None)]),
    (("OPERATOR BULLDOZER", "III"), [("mt13", "L", None), ("mt14", "TL", None), ("mt5", "L", "Peserta 2023")]),
]


def _mataram_2025_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta UK 2025"
    ws.append(["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KOTA MATARAM TAHUN 2025"])
    ws.append([])
    ws.append(["NO", "NAMA", "NIK", "L/P", "JENJANG", "HASIL (L/TL)", "KETERANGAN"])
    no = 0
    for (jabatan, level), people in _MATARAM_2025:
        ws.append([None, jabatan, None, None, level, None, None])
        for p, hasil, ket in people:
            no += 1
            ws.append([no, upper(p), N(p), sex(p), None, hasil, ket])
    wb.save(path)


# --- Kabupaten Lombok Barat: an .ods announcement in two tables ---------------------------------

_LOBAR_KOMPETEN = [  # (jabatan, jenjang, [(person, keterangan)])
    ("Tukang Kayu", 2, [("lb1", None), ("lb2", None), ("lb3", None)]),
    ("Operator Backhoe Loader", 3, [("lb4", None), ("lb5", "SKK menyusul")]),
    ("Mandor Pekerjaan Jalan", 4, [("lb6", None)]),
]
_LOBAR_BELUM = [
    ("Tukang Kayu", 2, [("lb7", "Dapat mengikuti uji ulang")]),
    ("Operator Backhoe Loader", 3, [("lb8", None)]),
]


def _ods_cell(value=None, rows_spanned: int = 1) -> str:
    span = f' table:number-rows-spanned="{rows_spanned}" table:number-columns-spanned="1"' if rows_spanned > 1 else ""
    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}"{span}>'
                f"<text:p>{value}</text:p></table:table-cell>")
    return f'<table:table-cell office:value-type="string"{span}><text:p>{escape(value)}</text:p></table:table-cell>'


def _lombok_barat_ods(path: Path) -> None:
    rows: list[str] = []

    def row(cells: list[str]) -> None:
        rows.append("<table:table-row>" + ("".join(cells) or "<table:table-cell/>") + "</table:table-row>")

    header = ["NO", "NAMA", "NIK", "TEMPAT, TANGGAL LAHIR", "JABATAN KERJA", "JENJANG", "KETERANGAN"]
    row([_ods_cell("PENGUMUMAN HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI")])
    row([_ods_cell("DINAS PUPR KABUPATEN LOMBOK BARAT TAHUN ANGGARAN 2022")])
    row([])
    for title, blocks in [("A. PESERTA KOMPETEN", _LOBAR_KOMPETEN), ("B. PESERTA BELUM KOMPETEN", _LOBAR_BELUM)]:
        row([_ods_cell(title)])
        row([_ods_cell(h) for h in header])
        no = 0
        for jabatan, level, people in blocks:
            for k, (p, ket) in enumerate(people):
                no += 1
                first = k == 0
                merged = [_ods_cell(jabatan, len(people)), _ods_cell(level, len(people))] if first else \
                    ["<table:covered-table-cell/>", "<table:covered-table-cell/>"]
                row([_ods_cell(no), _ods_cell(upper(p)), _ods_cell(N(p)), _ods_cell(ttl("Gerung", born(p), 0)),
                     *merged, _ods_cell(ket)])
        row([])
    row([_ods_cell(None), _ods_cell(None), _ods_cell(None), _ods_cell(None), _ods_cell("Gerung, 15 November 2022")])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Hasil UK">'
        '<table:table-column table:number-columns-repeated="7"/>'
        + "".join(rows)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


# --- Kabupaten Minahasa: the result in KETERANGAN, or a remark -----------------------------------

# (person, jabatan, jenjang as written, keterangan)
_MINAHASA = [
    ("mn1", "Operator Excavator", "KKNI Jenjang 3 (Tiga)", "Kompeten"),
    ("mn2", "Operator Excavator", "Jenjang III", "K"),
    ("mn3", "Juru Ukur", "Tiga", "Kompeten"),
    ("mn4", "Tukang Batu", "Level 2", "Tidak Hadir"),
    # the reserve who sat in Ronald's place
    ("mn12", "Tukang Batu", "Level 2", "Cadangan - Kompeten"),
    ("mn5", "Tukang Batu", "Level 2", "Kompeten"),
    ("mn6", "Tukang Batu", "Jenjang 2 (Dua)", "Belum Kompeten"),
    ("mn7", "Tukang Batu", "Level 2", "Mengundurkan Diri"),
    ("mn8", "Mandor Pekerjaan Jalan", "Jenjang 4 (Empat)", "Kompeten"),
    ("mn9", "Mandor Pekerjaan Jalan", "IV", "Cadangan"),
    ("mn10", "Tukang Besi Beton", "Level 2", "K - SKK dalam proses"),
    # one participant assessed for two jabatan: No, name, NIK, sex and birth merged over his two rows
    ("mn11", "Operator Excavator", "Jenjang III", "Kompeten"),
    ("mn11", "Mandor Pekerjaan Jalan", "Jenjang IV", "Kompeten"),
]


def _minahasa_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    ws.append(["DATA PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI"])
    ws.append(["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN MINAHASA TAHUN 2022"])
    ws.append([])
    header = ["No", "Nama Lengkap", "NIK", "Jenis Kelamin", "Tempat/Tgl Lahir", "Jabatan Kerja", "Jenjang",
              "Keterangan"]
    ws.append(header)
    ws.append(list(range(1, len(header) + 1)))
    i = 0
    previous = None
    for p, jabatan, level, ket in _MINAHASA:
        if p == previous:
            ws.append([None, None, None, None, None, jabatan, level, ket])
            for col in "ABCDE":
                ws.merge_cells(f"{col}{ws.max_row - 1}:{col}{ws.max_row}")
            continue
        i += 1
        previous = p
        nik = N(p)
        ws.append([i, PERSONS[p][0], f"{nik[:4]}.{nik[4:6]}.{nik[6:12]}.{nik[12:]}",
                   "Laki-laki" if sex(p) == "L" else "Perempuan", ttl("Tondano", born(p), 1), jabatan, level, ket])
    ws.append([])
    ws.append([None, None, None, None, None, "Tondano, 30 November 2022"])
    ws.append([None, None, None, None, None, "Kepala Dinas PUPR Kab. Minahasa"])
    wb.save(path)


# --- Kota Pekanbaru: a holder list with dates, and the 2025 assessments -------------------------

# (person, jabatan, jenjang, number, issued, berlaku s.d.)
_PEKANBARU_HOLDERS = [
    ("pk1", "Tukang Batu", 2, "1.2.201.2.147.71.0012345", "2019-08-12", None),
    ("pk1", "Tukang Batu", 2, "SKK-1471-2024-000311", "2024-03-04", "2029-03-03"),
    ("pk2", "Juru Ukur", 4, "SKK-1471-2021-000052", "2021-05-17", "2026-05-16"),
    ("pk3", "Operator Excavator", 3, "SKK-1471-2021-000118", "2021-09-20", "2026-09-19"),
    ("pk4", "Operator Crane", 3, "SKK-1471-2023-000027", "2023-02-14", "2028-02-13"),
    ("pk5", "Mandor Pekerjaan Gedung", 4, "SKK-1471-2022-000201", "2022-11-01", "2027-10-31"),
    ("pk7", "Tukang Besi Beton", 2, "SKK-1471-2021-000077", "2021-06-30", "2026-06-29"),
    ("pk14", "Tukang Kayu", 2, "1.2.204.2.147.71.0009876", "2020-02-10", None),
]


def _pekanbaru_holders_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKK"
    ws.append(["DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KOTA PEKANBARU"])
    ws.append([])
    ws.append(["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "SERTIFIKAT", None, None, "HASIL"])
    ws.append([None, None, None, None, None, "NOMOR", "TGL TERBIT", "BERLAKU S.D.", None])
    for col in "ABCDEI":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("F3:H3")
    for i, (p, jabatan, level, number, issued, until) in enumerate(_PEKANBARU_HOLDERS, 1):
        ws.append([i, upper(p), N(p), jabatan, level, number, datetime.fromisoformat(issued),
                   datetime.fromisoformat(until) if until else None, "K"])
        for col in (7, 8):
            ws.cell(ws.max_row, col).number_format = "dd/mm/yyyy"
    ws.append([None, "JUMLAH", None, None, None, None, None, None, len(_PEKANBARU_HOLDERS)])
    wb.save(path)


# sheet -> [(person, jabatan, jenjang, hasil, keterangan)]
_PEKANBARU_2025 = {
    "Angkatan I": ("2025-04-22", [
        ("pk8", "Operator Excavator", 3, "K", None), ("pk9", "Operator Excavator", 3, "BK", None),
        ("pk2", "Juru Ukur", 4, "K", "Sertifikasi ulang"), ("pk10", "Tukang Batu", 2, "K", None)]),
    "Angkatan II": ("2025-08-19", [
        ("pk11", "Tukang Batu", 2, "K", None), ("pk12", "Tukang Batu", 2, None, "Tidak Hadir"),
        ("pk7", "Tukang Besi Beton", 2, "K", None),
        # assessed on the make-up day: the clerk left HASIL blank and wrote the result in KETERANGAN
        ("pk13", "Pelaksana Lapangan Pekerjaan Jalan", 5, None, "Kompeten (uji susulan 02-09-2025)"),
        ("pk6", "Pelaksana Lapangan Pekerjaan Jalan", 5, "BK", None),
        ("pk15", "Tukang Batu", 2, None, "Lulus")]),
}


def _pekanbaru_2025_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, (tgl, people) in _PEKANBARU_2025.items():
        ws = wb.create_sheet(sheet)
        ws.append([f"PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KOTA PEKANBARU TAHUN 2025 {sheet.upper()}"])
        ws.append([])
        ws.append(["NO", "NAMA", "NIK", "TEMPAT/TGL LAHIR", "JABATAN KERJA", "JENJANG", "TGL UJI", "HASIL",
                   "KETERANGAN"])
        for i, (p, jabatan, level, hasil, ket) in enumerate(people, 1):
            ws.append([i, upper(p), N(p), ttl("Pekanbaru", born(p), 0), jabatan, level, None, hasil, ket])
        ws.cell(4, 7, datetime.fromisoformat(tgl)).number_format = "dd/mm/yyyy"
        ws.merge_cells(f"G4:G{3 + len(people)}")
    wb.save(path)


# --- Kota Dumai: a nominative list grouped under section rows naming jabatan and jenjang ---------

# section row -> (result merged over the block or None, [(person, hasil, keterangan)])
_DUMAI = {
    "I. OPERATOR EXCAVATOR - JENJANG 3": ("KOMPETEN", [("dm1", None, None), ("dm2", None, None),
                                                       ("dm3", None, None)]),
    "II. TUKANG BATU (Level 2)": (None, [("dm4", "Kompeten", None), ("dm5", "Belum Kompeten", None),
                                         ("dm6", "Kompeten", None)]),
    "III. MANDOR PEKERJAAN JALAN / KKNI Jenjang 4": (None, [("dm7", "Kompeten", None), ("pk4", "Kompeten", None),
                                                           ("dm8", None, "Tidak Hadir")]),
}


def _dumai_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nominatif"
    ws.append(["DAFTAR NOMINATIF PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI"])
    ws.append(["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KOTA DUMAI TAHUN 2024"])
    ws.append([])
    ws.append(["NO", "NAMA", "NIK", "TEMPAT / TANGGAL LAHIR", "PENDIDIKAN", "HASIL ASESMEN", "KETERANGAN"])
    no = 0
    for section, (merged_result, people) in _DUMAI.items():
        ws.append([section])
        ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
        top = ws.max_row + 1
        for p, hasil, ket in people:
            no += 1
            ws.append([no, upper(p), N(p), ttl("Dumai", born(p), 2), "SMA/SMK", hasil, ket])
        if merged_result:
            ws.cell(top, 6, merged_result)
            ws.merge_cells(f"F{top}:F{ws.max_row}")
        ws.append([None, f"Jumlah {section.split('. ', 1)[1].split(' -')[0].split(' (')[0].split(' /')[0].title()}",
                   None, None, None, len(people)])
    wb.save(path)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    _banyumas_xlsx(landing / "kab-banyumas" / "Peserta Uji Kompetensi TKK Kab. Banyumas TA 2025.xlsx")
    _semarang_xls(landing / "kota-semarang" / "Peserta Pelatihan & Uji Kompetensi Kota Semarang.xls")
    _jateng_xlsx(landing / "prov-jateng" / "Rekapitulasi Sertifikasi TKK Jateng.xlsx")
    _mataram_xlsx(landing / "kota-mataram" / "Hasil Uji Kompetensi Kota Mataram 2023.xlsx")
    _mataram_2025_xlsx(landing / "kota-mataram" / "Peserta UK Mataram 2025.xlsx")
    _lombok_barat_ods(landing / "kab-lombok-barat" / "Pengumuman Hasil UK Lobar 2022.ods")
    _minahasa_xlsx(landing / "kab-minahasa" / "Data Peserta Sertifikasi Minahasa 2022.xlsx")
    _pekanbaru_holders_xlsx(landing / "kota-pekanbaru" / "TKK Bersertifikat Pekanbaru.xlsx")
    _pekanbaru_2025_xlsx(landing / "kota-pekanbaru" / "Peserta Uji Kompetensi Pekanbaru 2025.xlsx")
    _dumai_xlsx(landing / "kota-dumai" / "Daftar Nominatif Sertifikasi TKK Dumai 2024.xlsx")
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026): (certified, active, unknown) per cell.
# 33.02  Banyumas, TA 2025 (all active): 2 Sugeng, Warsono, Tohari (Sokaraja), Rofiq, Darsim
#        (Ajibarang); 3 Agus, Eko (Sokaraja), Bagus, Supriyanto (Purwokerto Utara); 4 Heru, Rokhim;
#        5 Dwi, Nur Kholis, Tri. Sri Mulyani and Kusnadi BK; Slamet (Tidak Hadir) and Andri
#        (Mengundurkan Diri) have no result; Wahyudi and Samsudin are reserves (PESERTA CADANGAN).
#        The REKAP and the hidden Ref sheet hold no person.
# 33.74  Semarang: Angkatan I of 2021 (program year 2021: each certificate expires some day of 2026,
#        unknown): 2 Supriyanto, Bambang; 3 Joko, Arif. Angkatan II of 2024 (active): 3 Hendra,
#        Yulianto, Bambang; 4 Rina, Fajar. Siti and Danang TIDAK LULUS.
#        2: (2, 0, 2); 3: (5, 3, 2) (Bambang active by his 2024 certificate at 3 only); 4: (2, 2, 0).
# 33     Jawa Tengah province: Heru, Dwi, Nur Kholis, Agus ("Operator Ekskavator") re-report Banyumas
#        (same NIK, jenjang, jabatan, year), Hendra ("Juru Ukur (Surveyor)") and Rina re-report
#        Semarang: counted there only. Its own: 7 Budi, Anita (2025,
#        active); 8 Haryanto (2021: unknown). Wahyu BK.
# 52.71  Mataram 2023 (active through 2027): 2 Zaini, Baiq Nurhasanah, Ahmad (ticks), Ketut ticked
#        BK, Saiful Tidak Hadir; 3 Arif, Sahnan (Zulkarnain withdrew); 4 Suartana, Lalu Supardi
#        (Haerul ticked BK). 2025 (active), the level only in each group's heading row: 2 Baiq
#        Rohani, Lalu Hendra (L); 3 Syamsul, Ahmad (L; Rizal TL): 2: (5, 5, 0); 3: (4, 4, 0).
# 52.01  Lombok Barat 2022 (active through 2026), the section is the result: 2 Lalu Supardi, Baiq
#        Sri, Mustakim; 3 Suparman, Hamdi; 4 Rahmat. Saparudin and Muhammad Amin belum kompeten.
# 71.02  Minahasa 2022 (active through 2026): 2 Freddy, Max ("K - SKK dalam proses"), Olivia (the
#        reserve who sat in Ronald's place, "Cadangan - Kompeten"); 3 Jefry,
#        Steven, Meivy, Denny; 4 Roy, Denny (his second row: name and NIK merged over both).
#        Ronald (Tidak Hadir), Hendrik (Mengundurkan Diri), Yopie (Cadangan) have no result;
#        Novita BK.
# 14.71  Pekanbaru: 2 Rahmat (SKT 2019 expired, SKK 2024 active), Amrizal (SKK to 29 Jun 2026
#        expired the day before PUBLISH; re-certified 2025: active), Syafruddin (SKT 2020: expired),
#        Andi, Riko, Yulia ("Lulus" in KETERANGAN, HASIL blank) (2025): (6, 5, 0); 3 Dedi (to 19 Sep 2026), Zulhendri (2023), Feri (2025): all
#        active; 4 Sri Wahyuni (to 16 May 2026 expired; re-certified 2025: active), Erizal (2022):
#        (2, 2, 0); 5 Desri (2025, the make-up day's "Kompeten (uji susulan ...)" in KETERANGAN).
#        Nurhayati, Yusrizal BK; Haris Tidak Hadir.
# 14.72  Dumai 2024 (active), jabatan and jenjang only in the section rows: 3 Syahrial, Ridwan,
#        Abdul Halim (KOMPETEN merged over the block); 2 Junaidi, Irwan (Rosmawati BK); 4 Suherman,
#        Zulhendri of Pekanbaru (Budiman Tidak Hadir).
TRUTH = {
    ("33.02", 2): (5, 5, 0), ("33.02", 3): (4, 4, 0), ("33.02", 4): (2, 2, 0), ("33.02", 5): (3, 3, 0),
    ("33.74", 2): (2, 0, 2), ("33.74", 3): (5, 3, 2), ("33.74", 4): (2, 2, 0),
    ("33", 7): (2, 2, 0), ("33", 8): (1, 0, 1),
    ("52.71", 2): (5, 5, 0), ("52.71", 3): (4, 4, 0), ("52.71", 4): (2, 2, 0),
    ("52.01", 2): (3, 3, 0), ("52.01", 3): (2, 2, 0), ("52.01", 4): (1, 1, 0),
    ("71.02", 2): (3, 3, 0), ("71.02", 3): (4, 4, 0), ("71.02", 4): (2, 2, 0),
    ("14.71", 2): (6, 5, 0), ("14.71", 3): (3, 3, 0), ("14.71", 4): (2, 2, 0), ("14.71", 5): (1, 1, 0),
    ("14.72", 2): (2, 2, 0), ("14.72", 3): (3, 3, 0), ("14.72", 4): (2, 2, 0),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(_world(tmp_path_factory.mktemp("world6")), PUBLISH)


def test_every_office_ingests(report):
    assert report.offices_failed == {}


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_every_row_is_read(report):
    """No row of these files is quarantined: every level, result and name is readable (the reserves
    of Banyumas' second table, under a header of other columns, included)."""
    assert report.quarantine.empty, report.quarantine[["source_sheet", "source_row", "rule"]].to_string()


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == len(PERSONS)


# --- the rules this world needed, one table each: tests/test_readers_table.py --------------------
# test_a_section_row_naming_occupation_and_level_gives_both_to_the_rows_below (Dumai),
# test_a_result_heading_above_the_header_is_the_first_groups (Lombok Barat),
# test_a_group_heading_above_the_header (Mataram's sheet per jabatan),
# test_a_second_table_below_sharing_some_columns_is_read_under_its_own_header (Banyumas' reserves),
# test_a_program_section_row_is_no_participant (the Jateng province's own section),
# test_a_result_written_beside_a_blank_result_column and
# test_a_column_whose_results_disagree_is_no_result_beside (Pekanbaru's make-up day),
# test_a_group_heading_in_the_tables_own_columns (Mataram 2025);
# tests/test_standardize_hasil_words.py::test_a_reserve (Minahasa's "Cadangan - Kompeten"),
# tests/test_standardize_dates.py::test_birth_date_before_its_place.
