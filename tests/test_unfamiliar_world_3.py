"""A third hand-made world, in habits neither the demo nor worlds 1-2 write, run end to end.

Eight offices of four provinces the other worlds never use (Jawa Timur 35, Sulawesi Selatan 73,
Nusa Tenggara Timur 53, Papua 91), 96 persons, 25 files:
- Kota Surabaya (35.78): a Google Forms registration exported from Google Sheets as CSV
  ("... (Respons) - Respons Formulir 1.csv"): "Stempel waktu", questions as headers ("Nama
  Lengkap (sesuai KTP)", "NIK (16 digit)", "Jenjang KKNI yang diajukan" answered "Jenjang 4
  (Teknisi/Analis)"), e-mail, WhatsApp number, a Drive link to the KTP scan, one person who sent
  the form twice, a NIK in groups of four, one Sheets turned into "3.57810E+15", and the result
  column the clerk added ("Hasil Asesmen"); Tahap II from an English-locale sheet (month-first
  dates, a NIK with an apostrophe, one with a trailing space); Tahap III converted from PDF with
  NAMA and NIK each merged over two columns, a value in either;
- Kabupaten Sidoarjo (35.15): a PDF converted to Excel (a spurious empty column, birth place and
  date split under one header, the header repeated on page 2, "Halaman 1 dari 2", a long name
  wrapped onto a row of its own) plus the LSP's "TIM ASESOR" sheet of assessors with MET numbers;
  a Tabula CSV whose header words wrap onto a second row; Tahap III converted one sheet per page,
  the header on the first only, a signature under the last page's rows;
- the province (35): an LSP portal's list in English (BOM, "Full Name", "ID Number", Male/Female,
  Competent / Not Yet Competent, "20-Nov-2025"), a re-report of a Surabaya certificate, and a
  person certified by Surabaya (4), Sidoarjo (5) and the province (7); an expert list grouped
  by section rows "A. AHLI MUDA (JENJANG 7)" with no level column; another portal's CSV ("Holder
  Name", "NIK/Passport", "Certification Scheme", "Assessment Decision", "Date of Issue");
- Kota Makassar (73.71): a holder list forwarded over WhatsApp ("DOC-20251104-WA0012.xlsx", again
  as "dokumen (3).xlsx"), name and NIK in one cell (one on two lines), old SKT certificates
  (expired 31 Dec 2022) beside SKK; a web export with NIKs as ="..." and NULL as \\N;
- Kabupaten Gowa (73.06): a recap per kecamatan (counts only) before the list, a NIK copied down
  onto the next person's row, a "SUSULAN" sheet with "NIK / NAMA" in one cell; Excel's "Unicode
  Text" (UTF-16, tabs) renamed .csv; a first and a retest result column on one row
  ("HASIL UJI I", "HASIL UJI II (REMEDIAL)");
- the Sulsel province (73): a recap re-reporting two Makassar certificates (one with its NIK
  truncated and its level miscopied) beside its own experts;
- Kota Kupang (53.71): a ';' CSV opening with "sep=;", saved from a sheet whose name, NIK and
  birth cells were merged down a person's certificates; a Google Sheets API values JSON; an xlsx
  whose result column is named by the assessment's date ("Hasil Uji 14/10/2025");
- Kabupaten Jayapura (91.03): JSON with NIKs as JSON numbers (every Papua NIK is above 2**53) and
  one null; an xlsx with numeric NIK cells; a pandas to_csv with NIKs as doubles ("...0004.0");
  a JavaScript app's JSON whose NIKs are doubles printed whole (one serial off).

The headline below is counted by hand from the person tables in this file (see TRUTH).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook
from tests.hand_worlds import run_hand_world

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-jatim", "name": "Dinas PU Bina Marga Provinsi Jawa Timur", "level": "province", "region_code": "35"},
    {"id": "kota-surabaya", "name": "Dinas Sumber Daya Air dan Bina Marga Kota Surabaya", "level": "city",
     "region_code": "35.78"},
    {"id": "kab-sidoarjo", "name": "Dinas PU Bina Marga dan SDA Kabupaten Sidoarjo", "level": "regency",
     "region_code": "35.15"},
    {"id": "kota-makassar", "name": "Dinas PUPR Kota Makassar", "level": "city", "region_code": "73.71"},
    {"id": "kab-gowa", "name": "Dinas PUPR Kabupaten Gowa", "level": "regency", "region_code": "73.06"},
    {"id": "kab-jayapura", "name": "Dinas PUPR Kabupaten Jayapura", "level": "regency", "region_code": "91.03"},
    {"id": "kota-kupang", "name": "Dinas PUPR Kota Kupang", "level": "city", "region_code": "53.71"},
    {"id": "prov-sulsel", "name": "Dinas PUTR Provinsi Sulawesi Selatan", "level": "province", "region_code": "73"},
]


# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Kota Surabaya 35.78
    "s1": ("Mochamad Rizal", "3578", "05", "1986-02-17", "L", 3),
    "s2": ("Dwi Ayu Lestari", "3578", "01", "1992-08-21", "P", 2),
    "s3": ("Slamet Riyadi", "3578", "07", "1979-04-05", "L", 1),
    "s4": ("Eko Budi Santoso", "3578", "02", "1983-10-10", "L", 4),
    "s5": ("Nur Laili", "3578", "03", "1995-01-30", "P", 1),
    "s6": ("Agung Prasetyo", "3578", "04", "1990-06-12", "L", 2),
    "s7": ("Wahyu Hidayatullah", "3578", "06", "1988-12-03", "L", 5),
    "s8": ("Retno Wulandari", "3578", "08", "1993-03-09", "P", 1),
    "s9": ("Imam Syafi'i", "3578", "09", "1975-07-27", "L", 2),
    "s10": ("Fajar Setiawan", "3578", "02", "1998-11-11", "L", 7),
    "s11": ("Hendro Wibowo", "3578", "10", "1981-05-05", "L", 1),
    "s12": ("Siti Nurjanah", "3578", "11", "1987-09-19", "P", 3),
    "s13": ("Bayu Aji", "3578", "04", "1990-02-05", "L", 6),
    "s14": ("Lina Marlina", "3578", "02", "1988-11-03", "P", 2),
    "s15": ("Hari Purnomo", "3578", "07", "1979-12-25", "L", 3),
    "s16": ("Yudi Hartono", "3578", "05", "1985-03-14", "L", 4),
    "s17": ("Rina Susanti", "3578", "08", "1990-10-01", "P", 2),
    "s18": ("Bambang Sugiarto", "3578", "10", "1976-07-04", "L", 5),
    # Kabupaten Sidoarjo 35.15
    "d2": ("Sugeng Hariyanto", "3515", "01", "1980-01-14", "L", 2),
    "d3": ("Mochamad Syaiful Arif Rachmanto", "3515", "04", "1984-08-08", "L", 1),
    "d4": ("Sri Utami", "3515", "02", "1991-04-24", "P", 3),
    "d5": ("Bagus Wicaksono", "3515", "06", "1996-10-02", "L", 1),
    "d6": ("Didik Purnomo", "3515", "03", "1977-12-12", "L", 2),
    "d7": ("Ahmad Zainuri", "3515", "05", "1989-02-02", "L", 4),
    "d8": ("Lilik Suryani", "3515", "07", "1985-06-16", "P", 1),
    "d9": ("Rudi Hermawan", "3515", "08", "1982-03-03", "L", 2),
    "d10": ("Ahmad Fauzi", "3515", "01", "1990-07-07", "L", 6),
    "d11": ("Wahyudi", "3515", "02", "1986-05-15", "L", 1),
    "d12": ("Endang Sulistyowati", "3515", "03", "1983-09-09", "P", 4),
    "d13": ("Muhammad Nur Cholis", "3515", "05", "1991-01-01", "L", 2),
    "d14": ("Purwanto", "3515", "06", "1981-02-19", "L", 3),
    "d15": ("Siti Fatimah", "3515", "02", "1987-11-22", "P", 5),
    "d16": ("Agus Widodo", "3515", "07", "1992-05-03", "L", 1),
    "d17": ("Nanang Kosim", "3515", "08", "1978-08-30", "L", 2),
    # experts and a fresh graduate of the province's programs (KTPs across Jawa Timur)
    "p2": ("Bambang Hermanto", "3573", "02", "1970-09-09", "L", 1),
    "p3": ("Yuliana Kusuma", "3578", "12", "1985-05-25", "P", 2),
    "p4": ("Hadi Susilo", "3515", "09", "1965-11-01", "L", 1),
    "p5": ("Teguh Santoso", "3573", "04", "1990-02-20", "L", 3),
    "p6": ("Anisa Rahmawati", "3578", "03", "1997-07-15", "P", 4),
    "p7": ("Ratna Sari", "3573", "01", "1982-04-30", "P", 2),
    "p8": ("Gunawan Wibisono", "3515", "08", "1972-08-17", "L", 1),
    "p9": ("Sutrisno", "3578", "06", "1963-03-21", "L", 5),
    "p10": ("Heru Cahyono", "3573", "03", "1988-10-05", "L", 2),
    "p11": ("Dedi Kusnadi", "3515", "02", "1980-12-08", "L", 3),
    "p12": ("Wulan Sari", "3573", "05", "1976-04-16", "P", 1),
    "p13": ("Joko Susilo", "3578", "09", "1984-09-27", "L", 4),
    # Kota Kupang 53.71
    "u1": ("Yosef Lake", "5371", "01", "1984-03-12", "L", 1),
    "u2": ("Maria Goreti Bria", "5371", "03", "1991-06-08", "P", 2),
    "u3": ("Frans Seran", "5371", "02", "1987-01-25", "L", 1),
    "u4": ("Agustinus Nahak", "5371", "04", "1979-09-14", "L", 3),
    "u5": ("Yohana Liu", "5371", "05", "1995-11-30", "P", 1),
    "u6": ("Simon Ndun", "5371", "06", "1989-07-07", "L", 2),
    "u7": ("Kristoforus Bere", "5371", "02", "1985-12-04", "L", 3),
    "u8": ("Imelda Fanggidae", "5371", "01", "1993-02-27", "P", 1),
    "u9": ("Paulus Lado", "5371", "03", "1982-05-20", "L", 4),
    "u10": ("Ferderika Ndoen", "5371", "04", "1996-08-09", "P", 2),
    # Kota Makassar 73.71
    "k1": ("Andi Muhammad Arsyad", "7371", "01", "1975-03-12", "L", 1),
    "k2": ("Syamsuddin", "7371", "04", "1980-06-06", "L", 2),
    "k3": ("Nurhayati", "7371", "02", "1988-08-18", "P", 1),
    "k4": ("Muhammad Ikhsan", "7371", "05", "1992-01-21", "L", 3),
    "k5": ("Haerul Anwar", "7371", "03", "1985-10-30", "L", 1),
    "k6": ("Rosmini", "7371", "06", "1990-12-25", "P", 2),
    "k8": ("Jumriani", "7371", "07", "1994-05-05", "P", 1),
    "k9": ("Irwan", "7371", "02", "1978-09-09", "L", 4),
    "k10": ("Rahmawati Said", "7371", "03", "1989-05-09", "P", 2),
    "k11": ("Andi Fadli", "7371", "06", "1993-10-12", "L", 1),
    # experts of the Sulawesi Selatan province's program
    "q1": ("Andi Mappanyukki", "7371", "03", "1972-01-30", "L", 2),
    "q2": ("Sitti Aminah", "7306", "05", "1979-06-11", "P", 3),
    # Kabupaten Gowa 73.06
    "g1": ("Andi Baso Amir", "7306", "01", "1987-04-04", "L", 2),
    "g2": ("Syahrul Gunawan", "7306", "03", "1986-02-11", "L", 1),
    "g3": ("Hasniah", "7306", "02", "1990-07-07", "P", 3),
    "g4": ("Muhammad Yusuf", "7306", "05", "1979-10-10", "L", 1),
    "g5": ("Rahmat", "7306", "04", "1983-11-23", "L", 2),
    "g6": ("Sitti Rabiah", "7306", "01", "1995-03-03", "P", 5),
    "g7": ("Ilham Jaya", "7306", "06", "1991-09-29", "L", 1),
    "g8": ("Kamaruddin", "7306", "03", "1976-06-16", "L", 4),
    "g9": ("Nurdin", "7306", "02", "1984-04-14", "L", 2),
    "g10": ("Andi Tenri Ajeng", "7306", "01", "1990-01-19", "P", 4),
    "g11": ("Basri", "7306", "07", "1981-08-01", "L", 1),
    "g12": ("Syamsul Alam", "7306", "04", "1988-03-15", "L", 3),
    "g13": ("Rosdiana", "7306", "02", "1992-07-21", "P", 1),
    "g14": ("Hamzah", "7306", "02", "1977-05-28", "L", 3),
    "g15": ("Muhammad Arif", "7306", "03", "1989-12-12", "L", 2),
    "g16": ("Darmawati", "7306", "06", "1994-04-30", "P", 1),
    "g17": ("Sukri", "7306", "05", "1983-02-08", "L", 2),
    # Kabupaten Jayapura 91.03 (odd serials: a float64 cannot hold them)
    "y1": ("Yohanes Wenda", "9103", "01", "1985-05-05", "L", 1),
    "y2": ("Maria Kogoya", "9103", "02", "1990-03-12", "P", 3),
    "y3": ("Yulianus Yikwa", "9103", "01", "1988-08-08", "L", 5),
    "y4": ("Fransina Ohee", "9103", "04", "1992-02-02", "P", 1),
    "y5": ("Marthen Sawaki", "9103", "03", "1980-10-10", "L", 7),
    "y6": ("Petrus Kambu", "9103", "05", "1987-07-17", "L", 3),
    "y7": ("Daniel Ondi", "9103", "02", "1983-01-13", "L", 1),
    "y8": ("Ester Yoku", "9171", "01", "1996-06-26", "P", 9),
    "y9": ("Yakob Puraro", "9103", "06", "1975-12-20", "L", 3),
    "y10": ("Natalia Wonda", "9103", "03", "1993-04-18", "P", 1),
    "y11": ("Obaja Kogoya", "9103", "04", "1986-09-02", "L", 5),
}


BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex


def dmy(person: str, sep: str = "/") -> str:
    year, month, day = born(person).split("-")
    return f"{day}{sep}{month}{sep}{year}"


_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


def ttl(place: str, person: str) -> str:
    year, month, day = born(person).split("-")
    return f"{place}, {int(day)} {_BULAN[int(month) - 1]} {year}"


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value


# --- Kota Surabaya: Google Forms responses as CSV ----------------------------------------------

_JENJANG_OPTION = {2: "Jenjang 2 (Operator)", 3: "Jenjang 3 (Operator)", 4: "Jenjang 4 (Teknisi/Analis)",
                   5: "Jenjang 5 (Teknisi/Analis)"}

# (timestamp, person, name as typed, nik as answered, jabatan, jenjang, result the clerk added)
_SURABAYA = [
    ("03/03/2025 8:02:11", "s3", "Slamet Riyadi", N("s3"), "Tukang Batu", 2, "K"),
    ("03/03/2025 8:15:40", "s4", "EKO BUDI SANTOSO", N("s4"), "Tukang Besi Beton", 2, "K"),
    ("03/03/2025 9:41:03", "s1", "Mochamad Rizal, S.T.", " ".join(N("s1")[i:i + 4] for i in range(0, 16, 4)),
     "Pelaksana Lapangan Pekerjaan Gedung", 4, "K"),
    ("03/03/2025 10:05:52", "s2", "Dwi Ayu Lestari", N("s2"), "Juru Ukur", 4, "K"),
    ("03/03/2025 13:27:18", "s5", "nur laili", N("s5"), "Teknisi Laboratorium Beton", 5, "BK"),
    ("04/03/2025 7:55:09", "s6", "Agung Prasetyo", N("s6"), "Mandor Pekerjaan Gedung", 4, "K"),
    ("04/03/2025 11:12:30", "s4", "Eko Budi Santoso", N("s4"), "Tukang Besi Beton", 2, "K"),
    ("04/03/2025 19:48:01", "s7", "Wahyu Hidayatullah", N("s7"), "Operator Excavator", 3, "K"),
    ("05/03/2025 6:30:44", "s8", "Retno Wulandari, S.T.", N("s8"), "Pelaksana Lapangan Pekerjaan Jalan", 5, "K"),
    ("05/03/2025 9:09:09", "s9", "IMAM SYAFI'I", N("s9"), "Tukang Kayu", 2, "K"),
    ("06/03/2025 21:16:27", "s10", "Fajar Setiawan", N("s10"), "Juru Gambar Bangunan Gedung", 4, ""),
    ("07/03/2025 10:00:00", "s11", "Hendro Wibowo", "3.57810E+15", "Operator Crane", 3, "K"),
    ("07/03/2025 14:22:35", "s12", "Siti Nurjanah", N("s12"), "Tukang Besi Beton", 2, "K"),
]


def _surabaya_csv() -> bytes:
    head = ["Stempel waktu", "Alamat email", "Nama Lengkap (sesuai KTP)", "NIK (16 digit)", "Tempat Lahir",
            "Tanggal Lahir", "Jenis Kelamin", "Nomor HP (WhatsApp aktif)", "Jabatan Kerja yang diajukan",
            "Jenjang KKNI yang diajukan", "Upload scan KTP", "Saya menyatakan data di atas benar", "Hasil Asesmen"]
    lines = [",".join(_csv_cell(h) for h in head)]
    for i, (stamp, person, name, nik_cell, jabatan, level, result) in enumerate(_SURABAYA):
        email = name.lower().replace(" ", ".").replace(",", "").replace("'", "") + "@gmail.com"
        row = [stamp, email, name, nik_cell, "Surabaya", dmy(person),
               "Laki-laki" if sex(person) == "L" else "Perempuan", f"0812{3000000 + 7919 * i:07d}", jabatan,
               _JENJANG_OPTION[level], f"https://drive.google.com/open?id=1xKtp{i:03d}AbCdEf", "Ya", result]
        lines.append(",".join(_csv_cell(v) for v in row))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# --- Kabupaten Sidoarjo: a PDF converted to Excel ------------------------------------------------

# (person, name as written, jabatan, jenjang, result); None: a page break
_SIDOARJO = [
    ("s1", "MOCH. RIZAL", "Pengawas Lapangan Pekerjaan Gedung", "5", "KOMPETEN"),
    ("d2", "SUGENG HARIYANTO", "Operator Excavator", "3", "KOMPETEN"),
    ("d3", "MOCHAMAD SYAIFUL ARIF", "Tukang Besi Beton", "2", "KOMPETEN"),
    ("d4", "SRI UTAMI", "Juru Ukur", "4", "KOMPETEN"),
    ("d5", "BAGUS WICAKSONO", "Operator Bulldozer", "3", "BELUM KOMPETEN"),
    ("d6", "DIDIK PURNOMO", "Mandor Pekerjaan Jalan", "4", "KOMPETEN"),
    None,
    ("d7", "AHMAD ZAINURI", "Tukang Kayu", "2", "KOMPETEN"),
    ("d8", "LILIK SURYANI", "Pelaksana Lapangan Pekerjaan Jalan", "5", "KOMPETEN"),
    ("d9", "RUDI HERMAWAN", "Operator Crane", "3", "KOMPETEN"),
    ("d10", "AHMAD FAUZI", "Tukang Batu", "2", "KOMPETEN"),
]
_SIDOARJO_HEAD = ["NO", None, "NAMA", "NIK", "TEMPAT, TANGGAL LAHIR", None, "JABATAN KERJA", "JENJANG", "HASIL"]


def _sidoarjo_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Table 1"
    ws.append(["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI"])
    ws.append(["DINAS PU BINA MARGA DAN SUMBER DAYA AIR KABUPATEN SIDOARJO TAHUN 2025"])
    ws.append(_SIDOARJO_HEAD)
    ws.merge_cells(start_row=3, start_column=5, end_row=3, end_column=6)
    number, page = 0, 1
    for entry in _SIDOARJO:
        if entry is None:
            ws.append([None, None, None, None, None, None, None, None, f"Halaman {page} dari 2"])
            page += 1
            ws.append(_SIDOARJO_HEAD)
            ws.merge_cells(start_row=ws.max_row, start_column=5, end_row=ws.max_row, end_column=6)
            continue
        person, name, jabatan, level, result = entry
        number += 1
        ws.append([f"{number}.", None, name, N(person), "Sidoarjo,", dmy(person, "-"), jabatan, level, result])
        if person == "d3":  # the converter wrapped the long name onto a row of its own
            ws.append([None, None, "RACHMANTO", None, None, None, None, None, None])
    ws.append([None, None, None, None, None, None, None, None, f"Halaman {page} dari 2"])
    ws.append([])
    ws.append([None, None, None, None, None, None, "Sidoarjo, 28 November 2025"])
    ws.append([None, None, None, None, None, None, "Kepala Dinas PU Bina Marga dan SDA"])
    wb.save(path)


# --- the province: an LSP portal's list in English -----------------------------------------------

# (person, full name, occupation, qualification, level, result, certificate number, issued, expiry)
_JATIM = [
    ("s1", "MOCHAMMAD RIZAL, S.T.", "Ahli Muda Teknik Bangunan Gedung", "Expert", "7", "Competent",
     "SKK.35.2025.07.00412", "20-Nov-2025", "19-Nov-2030"),
    ("p2", "Ir. BAMBANG HERMANTO, M.T.", "Ahli Madya Teknik Jalan", "Expert", "8", "Competent",
     "SKK.35.2025.08.00413", "20-Nov-2025", "19-Nov-2030"),
    ("p2", "Ir. BAMBANG HERMANTO, M.T.", "Ahli Madya Teknik Jembatan", "Expert", "8", "Competent",
     "SKK.35.2025.08.00414", "20-Nov-2025", "19-Nov-2030"),
    ("p3", "YULIANA KUSUMA, S.T.", "Ahli Muda Teknik Jalan", "Expert", "7", "Competent",
     "SKK.35.2025.07.00415", "20-Nov-2025", "19-Nov-2030"),
    ("p4", "Prof. Dr. Ir. HADI SUSILO, M.Sc.", "Ahli Utama Manajemen Konstruksi", "Expert", "9", "Competent",
     "SKK.35.2025.09.00416", "21-Nov-2025", "20-Nov-2030"),
    ("p5", "TEGUH SANTOSO, S.T.", "Ahli Muda K3 Konstruksi", "Expert", "7", "Not Yet Competent", "", "", ""),
    ("p6", "ANISA RAHMAWATI, S.T.", "Pelaksana Lapangan Pekerjaan Gedung", "Technician/Analyst", "5", "Competent",
     "SKK.35.2025.05.00417", "21-Nov-2025", "20-Nov-2030"),
    # a Surabaya certificate the province's portal also lists
    ("s2", "DWI AYU LESTARI", "Juru Ukur", "Technician/Analyst", "4", "Competent",
     "SKK.3578.2025.04.00188", "02-Apr-2025", "01-Apr-2030"),
]


def _jatim_csv() -> bytes:
    head = ["No", "Full Name", "ID Number", "Gender", "Date of Birth", "Occupation", "Qualification", "Level",
            "Assessment Result", "Certificate Number", "Issue Date", "Expiry Date", "Certification Body"]
    lines = [",".join(head)]
    for i, (person, name, job, qual, level, result, number, issued, expiry) in enumerate(_JATIM, 1):
        row = [str(i), name, N(person), "Male" if sex(person) == "L" else "Female", born(person), job, qual, level,
               result, number, issued, expiry, "LSP Gatensi Karya Konstruksi"]
        lines.append(",".join(_csv_cell(v) for v in row))
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


# --- Kota Makassar: a list of certificate holders forwarded over WhatsApp ------------------------

# (person, "name / NIK" cell, jabatan, jenjang, scheme, number, issued, valid until)
_MAKASSAR = [
    ("k1", f"ANDI MUH. ARSYAD / {N('k1')}", "Pelaksana Bangunan Gedung", "5", "SKT",
     "1.5.201.3.073.71.0012345", "14/08/2018", "31/12/2022"),
    ("k1", f"ANDI MUH. ARSYAD / {N('k1')}", "Pengawas Lapangan Pekerjaan Gedung", "6", "SKK",
     "SKK-7371-2024-000231", "11/06/2024", "10/06/2029"),
    ("k2", f"SYAMSUDDIN / {N('k2')}", "Tukang Batu", "2", "SKT", "1.2.102.2.073.71.0034567", "02/05/2017",
     "31/12/2022"),
    ("k3", f"NURHAYATI, S.T. / {N('k3')}", "Juru Ukur", "4", "SKK", "SKK-7371-2023-000117", "20/09/2023",
     "19/09/2028"),
    ("k4", f"MUHAMMAD IKHSAN / {N('k4')}", "Operator Excavator", "3", "SKK", "SKK-7371-2025-000305", "15/07/2025",
     "14/07/2030"),
    ("k5", f"HAERUL ANWAR\n{N('k5')}", "Tukang Besi Beton", "2", "SKK", "SKK-7371-2024-000244", "11/06/2024",
     "10/06/2029"),
    ("k6", f"ROSMINI, A.Md / {N('k6')}", "Teknisi Laboratorium Beton", "5", "SKK", "SKK-7371-2025-000311",
     "15/07/2025", "14/07/2030"),
    ("g1", f"ANDI BASO AMIR / {N('g1')}", "Operator Crane", "3", "SKK", "SKK-7371-2025-000312", "15/07/2025",
     "14/07/2030"),
    ("k8", f"JUMRIANI / {N('k8')}", "Juru Gambar", "4", "SKT", "1.4.103.2.073.71.0045678", "30/10/2019",
     "31/12/2022"),
    ("k9", f"IRWAN / {N('k9')}", "Mandor Pekerjaan Gedung", "4", "SKK", "SKK-7371-2024-000250", "11/06/2024",
     "10/06/2029"),
]


def _makassar_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KOTA MAKASSAR"])
    ws.append(["Update: Oktober 2025"])
    ws.append([])
    ws.append(["NO", "NAMA / NIK", "JABATAN KERJA", "JENJANG", "JENIS SERTIFIKAT", "NOMOR SERTIFIKAT",
               "TGL TERBIT", "BERLAKU S/D"])
    for i, row in enumerate(_MAKASSAR, 1):
        ws.append([i, *row[1:]])
    wb.save(path)


# --- Kabupaten Gowa: a recap per kecamatan, then the list ----------------------------------------

# (person, name, kecamatan, jabatan, jenjang, result)
_GOWA = [
    ("g1", "ANDI BASO AMIR", "Somba Opu", "Operator Crane", "3", "K"),
    ("g2", "SYAHRUL GUNAWAN", "Somba Opu", "Tukang Batu", "2", "K"),
    ("g3", "HASNIAH, S.T.", "Pallangga", "Juru Ukur", "4", "K"),
    ("g4", "MUHAMMAD YUSUF DG. TATA", "Somba Opu", "Mandor Pekerjaan Jalan", "4", "BK"),
    ("g5", "RAHMAT DG. SIKKI", "Pallangga", "Operator Excavator", "3", "K"),
    ("g6", "SITTI RABIAH", "Bontomarannu", "Tukang Besi Beton", "2", "K"),
    ("g7", "ILHAM JAYA", "Somba Opu", "Operator Bulldozer", "3", "K"),
    ("g8", "KAMARUDDIN", "Bontomarannu", "Tukang Batu", "2", "BK"),
    ("g9", "NURDIN", "Pallangga", "Tukang Kayu", "2", "K"),
    # the clerk copied Nurdin's NIK down onto Hamzah's row
    ("g14", "HAMZAH", "Pallangga", "Tukang Kayu", "2", "K"),
]


def _gowa_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "REKAP PER KECAMATAN"
    ws.append(["REKAPITULASI PESERTA UJI KOMPETENSI PER KECAMATAN"])
    ws.append(["DINAS PUPR KABUPATEN GOWA TAHUN 2025"])
    ws.append([])
    ws.append(["NO", "KECAMATAN", "JUMLAH PESERTA", "KOMPETEN", "BELUM KOMPETEN"])
    ws.append([1, "Somba Opu", 4, 3, 1])
    ws.append([2, "Pallangga", 4, 4, 0])
    ws.append([3, "Bontomarannu", 2, 1, 1])
    ws.append([None, "JUMLAH", 10, 8, 2])
    ws = wb.create_sheet("DAFTAR PESERTA")
    ws.append(["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN GOWA TAHUN 2025"])
    ws.append([])
    ws.append(["NO", "NAMA PESERTA", "NIK", "TEMPAT/TGL LAHIR", "KECAMATAN", "JABATAN KERJA", "JENJANG",
               "HASIL UJI"])
    for i, (person, name, kecamatan, jabatan, level, result) in enumerate(_GOWA, 1):
        nik_cell = N("g9") if person == "g14" else N(person)
        ws.append([i, name, nik_cell, ttl("Sungguminasa", person), kecamatan, jabatan, level, result])
    _gowa_susulan(wb)
    wb.save(path)


# --- Kabupaten Jayapura: JSON with numeric NIKs, and an xlsx ---------------------------------------

# (person, name, jabatan, jenjang, result)
_JAYAPURA_JSON = [
    ("y1", "YOHANES WENDA", "Operator Excavator", 3, "Kompeten"),
    ("y2", "MARIA KOGOYA", "Juru Ukur", 4, "Kompeten"),
    ("y3", "YULIANUS YIKWA", "Tukang Kayu", 2, "Kompeten"),
    ("y4", "FRANSINA OHEE", "Tukang Batu", 2, "Kompeten"),
    ("y5", "MARTHEN SAWAKI", "Mandor Pekerjaan Gedung", 4, "Belum Kompeten"),
    ("y6", "PETRUS KAMBU", "Tukang Besi Beton", 2, "Kompeten"),
]


def _jayapura_json() -> str:
    records = []
    for person, name, jabatan, level, result in _JAYAPURA_JSON:
        records.append({"id": len(records) + 101, "nama": name,
                        "nik": None if person == "y6" else int(N(person)),
                        "tgl_lahir": born(person), "jk": sex(person), "jabatan_kerja": jabatan, "jenjang": level,
                        "hasil": result, "tahun": 2025})
    # json.dumps writes the ints exactly: the file holds all 16 digits
    return json.dumps({"status": "ok", "total": len(records), "data": records}, indent=2)


# (person, name, jabatan, jenjang, keterangan)
_JAYAPURA_XLSX = [
    ("y1", "YOHANES WENDA", "Operator Excavator", 3, "Lulus"),
    ("y7", "DANIEL ONDI", "Operator Crane", 3, "Lulus"),
    ("y8", "ESTER YOKU, S.T.", "Pelaksana Lapangan Pekerjaan Jalan", 5, "Lulus"),
    ("y9", "YAKOB PURARO", "Operator Bulldozer", 3, "Lulus"),
    ("y6", "PETRUS KAMBU", "Tukang Besi Beton", 2, "Lulus"),
]


def _jayapura_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hasil UK"
    ws.append(["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN JAYAPURA 2025"])
    ws.append(["No", "Nama", "NIK", "Tgl Lahir", "Jabatan Kerja", "Jenjang", "Keterangan"])
    for i, (person, name, jabatan, level, result) in enumerate(_JAYAPURA_XLSX, 1):
        year, month, day = born(person).split("-")
        # the NIK typed by a script as a number: openpyxl keeps every digit of an int
        nik_cell = "-" if person == "y6" else int(N(person))  # Petrus has no NIK on file here either
        ws.append([i, name, nik_cell, date(int(year), int(month), int(day)), jabatan, level, result])
    wb.save(path)


# --- second files: Surabaya's Tahap II from an English-locale sheet, Sidoarjo's Tabula CSV,
# the province's expert list in sections, Kupang's CSV saved from merged cells -------------------

# (timestamp, person, name, nik, jabatan, jenjang, result)
_SURABAYA_II = [
    ("8/4/2025 10:15:02", "s13", "BAYU AJI", N("s13"), "Tukang Batu", "2", "Kompeten"),
    ("8/4/2025 10:47:40", "s14", "Lina Marlina", "'" + N("s14"), "Juru Ukur", "4", "Kompeten"),
    ("8/5/2025 7:02:13", "s15", "Hari Purnomo", N("s15") + " ", "Operator Excavator", "3", "Kompeten"),
    ("8/5/2025 21:30:59", "s6", "Agung Prasetyo, S.T.", N("s6"), "Pelaksana Lapangan Pekerjaan Gedung", "5",
     "Kompeten"),
]


def _us_date(person: str) -> str:
    """The birth date as a Sheet in the English (United States) locale writes a form's date answer."""
    year, month, day = born(person).split("-")
    return f"{int(month)}/{int(day)}/{year}"


def _surabaya_ii_csv() -> bytes:
    lines = ["Timestamp,Email Address,Nama Lengkap,NIK,Tanggal Lahir,Jenis Kelamin,Jabatan Kerja,Jenjang,"
             "Hasil Uji (diisi panitia)"]
    for stamp, person, name, nik_cell, jabatan, level, result in _SURABAYA_II:
        email = name.split(",")[0].lower().replace(" ", "") + "@yahoo.co.id"
        lines.append(",".join(_csv_cell(v) for v in [stamp, email, name, nik_cell, _us_date(person),
                                                      "Laki-laki" if sex(person) == "L" else "Perempuan", jabatan,
                                                      level, result]))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# (person, name, jabatan, jenjang, result)
_SIDOARJO_II = [
    ("d11", "WAHYUDI", "Tukang Besi Beton", "2", "KOMPETEN"),
    ("d12", "ENDANG SULISTYOWATI", "Pelaksana Lapangan Pekerjaan Jalan", "5", "KOMPETEN"),
    ("d13", "MUHAMMAD NUR CHOLIS", "Operator Excavator", "3", "BELUM KOMPETEN"),
]


def _sidoarjo_tabula_csv() -> bytes:
    """Tabula's CSV of a PDF table: every cell quoted, the header's wrapped words on two rows."""
    rows = [["DAFTAR PESERTA UJI KOMPETENSI TAHAP II", "", "", "", "", "", ""],
            ["NO", "NAMA", "NIK", "TEMPAT, TANGGAL", "JABATAN", "JENJANG", "HASIL"],
            ["", "PESERTA", "", "LAHIR", "KERJA", "", "UJI"]]
    for i, (person, name, jabatan, level, result) in enumerate(_SIDOARJO_II, 1):
        rows.append([str(i), name, N(person), f"Sidoarjo, {dmy(person, '-')}", jabatan, level, result])
    rows.append(["", "", "", "", "", "", "Halaman 1 dari 1"])
    return ("\r\n".join(",".join('"' + v + '"' for v in row) for row in rows) + "\r\n").encode("utf-8")


# section title -> (person, name, jabatan, number)
_JATIM_SECTIONS = {
    "A. AHLI MUDA (JENJANG 7)": [
        ("p7", "RATNA SARI, S.T.", "Ahli K3 Konstruksi", "SKK.35.2025.07.00501"),
        ("p10", "HERU CAHYONO, S.T.", "Ahli Teknik Sumber Daya Air", "SKK.35.2025.07.00502"),
    ],
    "B. AHLI MADYA (JENJANG 8)": [
        ("p8", "Ir. GUNAWAN WIBISONO", "Ahli Geoteknik", "SKK.35.2025.08.00503"),
        ("p2", "Ir. BAMBANG HERMANTO, M.T.", "Ahli Teknik Jalan", "SKK.35.2025.08.00413"),
    ],
    "C. AHLI UTAMA (JENJANG 9)": [
        ("p9", "Dr. Ir. SUTRISNO, M.T.", "Ahli Manajemen Proyek", "SKK.35.2025.09.00504"),
    ],
}


def _jatim_sections_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tenaga Ahli"
    ws.append(["DAFTAR TENAGA AHLI KONSTRUKSI BERSERTIFIKAT"])
    ws.append(["FASILITASI SERTIFIKASI DINAS PU BINA MARGA PROVINSI JAWA TIMUR TAHUN 2025"])
    ws.append([])
    ws.append(["NO", "NAMA", "NIK", "JABATAN KERJA", "NOMOR SERTIFIKAT", "KETERANGAN"])
    for section, rows in _JATIM_SECTIONS.items():
        ws.append([section])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
        for i, (person, name, jabatan, number) in enumerate(rows, 1):
            ws.append([i, name, N(person), jabatan, number, "Kompeten"])
    wb.save(path)


# (person or None for a merged cell's continuation, jabatan, jenjang, result)
_KUPANG = [
    ("u1", "Tukang Batu", "2", "K"),
    (None, "Mandor Pekerjaan Gedung", "4", "K"),
    ("u2", "Juru Ukur", "4", "K"),
    ("u3", "Operator Excavator", "3", "K"),
    (None, "Operator Bulldozer", "3", "K"),
    ("u4", "Tukang Kayu", "2", "BK"),
    (None, "Tukang Batu", "2", "K"),
    ("u5", "Pelaksana Lapangan Pekerjaan Gedung", "5", "K"),
    ("u6", "Tukang Besi Beton", "2", "K"),
]


def _kupang_csv() -> bytes:
    """A sheet whose name, NIK and birth cells were merged down a person's certificates, saved as
    CSV: the merged value stays on the first row only."""
    lines = ["sep=;", "REKAP HASIL UJI KOMPETENSI TKK KOTA KUPANG TAHUN 2025;;;;;;", ";;;;;;",
             "NO;NAMA;NIK;TTL;JABATAN KERJA;JENJANG;HASIL"]
    number = 0
    for person, jabatan, level, result in _KUPANG:
        if person is None:
            lines.append(f";;;;{jabatan};{level};{result}")
            continue
        number += 1
        lines.append(";".join([str(number), PERSONS[person][0].upper(), N(person), ttl("Kupang", person), jabatan,
                               level, result]))
    return ("\r\n".join(lines) + "\r\n").encode("windows-1252")


# --- third files: Jayapura's CSV written by pandas, Gowa's late additions, Kupang's Sheets API JSON --

# (person or None, name, jabatan, jenjang, hasil): a NIK column with a gap became float64 in pandas
_JAYAPURA_PANDAS = [
    ("y2", "MARIA KOGOYA", "Juru Ukur", 4, "Kompeten"),
    ("y10", "NATALIA WONDA", "Tukang Batu", 2, "Kompeten"),
    ("y11", "OBAJA KOGOYA", "Operator Excavator", 3, "Kompeten"),
    ("y7", "DANIEL ONDI", "Mandor Pekerjaan Gedung", 4, "Kompeten"),
]


def _jayapura_pandas_csv() -> bytes:
    """DataFrame.to_csv of a frame whose NIK column held a NaN: an unnamed index column, each NIK the
    repr of the nearest double ('9103025203900004.0' for ...0003), the missing one empty."""
    lines = [",nama,nik,tanggal_lahir,jabatan_kerja,jenjang,hasil"]
    for i, (person, name, jabatan, level, result) in enumerate(_JAYAPURA_PANDAS):
        nik_cell = "" if person == "y11" else repr(float(N(person)))
        lines.append(",".join([str(i), name, nik_cell, born(person), jabatan, str(level), result]))
    return ("\n".join(lines) + "\n").encode("utf-8")


# late additions ("SUSULAN") with the NIK before the name in one cell
_GOWA_SUSULAN = [
    ("g10", "ANDI TENRI AJENG, S.T.", "Juru Ukur", "4", "K"),
    ("g11", "BASRI", "Tukang Batu", "2", "K"),
]


def _gowa_susulan(wb) -> None:
    ws = wb.create_sheet("SUSULAN")
    ws.append(["PESERTA SUSULAN"])
    ws.append(["NO", "NIK / NAMA", "JABATAN KERJA", "JENJANG", "HASIL UJI"])
    for i, (person, name, jabatan, level, result) in enumerate(_GOWA_SUSULAN, 1):
        ws.append([i, f"{N(person)} / {name}", jabatan, level, result])


def _kupang_sheets_api() -> str:
    """The Google Sheets API's values.get response: rows as lists, the header first, a row's
    trailing empty cells left out."""
    values = [["Timestamp", "Nama Lengkap", "NIK", "Tanggal Lahir", "Jabatan Kerja", "Jenjang", "Hasil Uji",
               "Catatan"],
              ["15/09/2025 10:01:22", "Kristoforus Bere", N("u7"), dmy("u7"), "Operator Excavator", "3", "K"],
              ["15/09/2025 10:20:05", "Imelda Fanggidae", N("u8"), dmy("u8"), "Juru Ukur", "4", "K", "berkas lengkap"],
              ["16/09/2025 8:45:51", "Maria Goreti Bria", N("u2"), dmy("u2"), "Pelaksana Lapangan Pekerjaan Gedung",
               "5", "BK"],
              ["16/09/2025 9:12:37", "Yohanes Tse", "", "", "Tukang Batu", "2"]]
    return json.dumps({"range": "'Form Responses 1'!A1:H5", "majorDimension": "ROWS", "values": values}, indent=2)


# --- fourth files: Makassar's web export with ="..." cells, Gowa's Unicode text, Sidoarjo's assessors --

def _makassar_web_csv() -> bytes:
    """A web application's 'Export CSV': every NIK written as a formula ="..." so that Excel keeps it
    text, NULL as \\N, ';' between fields."""
    rows = [("k10", "RAHMAWATI SAID", "Operator Excavator", "3", "Kompeten", "\\N"),
            ("k3", "NURHAYATI, S.T.", "Juru Ukur", "4", "Kompeten", "SKK-7371-2023-000117"),
            ("k11", "ANDI FADLI, S.T.", "Pelaksana Lapangan Pekerjaan Jalan", "5", "Kompeten", "\\N")]
    lines = ['"id";"nama_lengkap";"nik";"tgl_lahir";"jabatan_kerja";"jenjang";"status_uji";"no_sertifikat"']
    for i, (person, name, jabatan, level, result, number) in enumerate(rows, 1):
        lines.append(";".join([str(400 + i), f'"{name}"', f'="{N(person)}"', born(person), f'"{jabatan}"', level,
                               f'"{result}"', number if number == "\\N" else f'"{number}"']))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _gowa_unicode_text() -> bytes:
    """Excel's 'Unicode Text' save: UTF-16 with a byte-order mark, tab between fields, renamed .csv."""
    rows = [["NO", "NAMA", "NIK", "TGL LAHIR", "JABATAN KERJA", "JENJANG", "HASIL"],
            ["1", "SYAMSUL ALAM", N("g12"), dmy("g12"), "Operator Excavator", "3", "Kompeten"],
            ["2", "ROSDIANA", N("g13"), dmy("g13"), "Tukang Batu", "2", "Belum Kompeten"],
            ["3", "RAHMAT DG. SIKKI", N("g5"), dmy("g5"), "Mandor Pekerjaan Jalan", "4", "Kompeten"]]
    return ("\r\n".join("\t".join(row) for row in rows) + "\r\n").encode("utf-16")


def _sidoarjo_assessors(path: Path) -> None:
    """The converted file again, with a sheet of the assessment's assessors added by the LSP."""
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("TIM ASESOR")
    ws.append(["TIM ASESOR KOMPETENSI LSP GATENSI KARYA KONSTRUKSI"])
    ws.append(["NO", "NAMA", "NO. REGISTRASI", "JABATAN KERJA", "JENJANG"])
    ws.append([1, "Ir. SUPARNO, M.T.", "MET.000.004512 2019", "Pelaksana Lapangan Pekerjaan Jalan", "6"])
    ws.append([2, "DARMAWAN, S.T.", "MET.000.007789 2020", "Operator Excavator", "3"])
    ws.append([3, "Ir. ENDAH PURWATI", "MET.000.001203 2018", "Juru Ukur", "4"])
    wb.save(path)


# --- fifth file: another LSP portal's holders in English, other words for every column ----------

# (person, holder name, scheme, level, decision, number, issued, expiry)
_LSP_PORTAL = [
    ("p11", "DEDI KUSNADI, S.T.", "Ahli Muda Teknik Jalan", "7", "Competent", "SKK.35.2025.07.00620", "2025-12-01",
     "2030-11-30"),
    ("p12", "Ir. WULAN SARI, M.T.", "Ahli Madya Manajemen Konstruksi", "8", "Competent", "SKK.35.2025.08.00621",
     "2025-12-01", "2030-11-30"),
    ("p3", "YULIANA KUSUMA, S.T., M.T.", "Ahli Madya Teknik Jalan", "8", "Competent", "SKK.35.2025.08.00622",
     "2025-12-02", "2030-12-01"),
    ("p13", "JOKO SUSILO, S.T.", "Ahli Muda Teknik Bangunan Gedung", "7", "Not Yet Competent", "", "", ""),
]


def _lsp_portal_csv() -> bytes:
    lines = ["Certificate No.,Holder Name,NIK/Passport,Gender,Date of Birth,Certification Scheme,KKNI Level,"
             "Assessment Decision,Date of Issue,Date of Expiry"]
    for person, name, scheme, level, decision, number, issued, expiry in _LSP_PORTAL:
        lines.append(",".join(_csv_cell(v) for v in [number, name, N(person), "M" if sex(person) == "L" else "F",
                                                      born(person), scheme, level, decision, issued, expiry]))
    return ("\n".join(lines) + "\n").encode("utf-8")


# --- sixth file: a PDF converted page by page, one sheet per page -----------------------------------

_SIDOARJO_III = {
    "Table 1": [("d14", "PURWANTO", "Operator Excavator", "3", "K"),
                ("d15", "SITI FATIMAH", "Juru Ukur", "4", "K")],
    "Table 2": [("d16", "AGUS WIDODO", "Tukang Batu", "2", "K"),
                ("d17", "NANANG KOSIM", "Operator Crane", "3", "K")],
}


def _sidoarjo_per_page_xlsx(path: Path) -> None:
    """An online PDF converter's workbook: one sheet per page, the header only on the first page's."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    number = 0
    for sheet, rows in _SIDOARJO_III.items():
        ws = wb.create_sheet(sheet)
        if sheet == "Table 1":
            ws.append(["DAFTAR PESERTA UJI KOMPETENSI TAHAP III KABUPATEN SIDOARJO 2025"])
            ws.append(["NO", "NAMA", "NIK", "TGL LAHIR", "JABATAN KERJA", "JENJANG", "HASIL"])
        for person, name, jabatan, level, result in rows:
            number += 1
            ws.append([number, name, N(person), dmy(person, "-"), jabatan, level, result])
        if sheet == "Table 2":
            ws.append([])
            ws.append([None, None, None, None, "Sidoarjo, 12 Desember 2025"])
            ws.append([None, None, None, None, "Kepala Bidang Bina Konstruksi"])
    wb.save(path)


# --- seventh file: the Sulsel province's recap, re-reporting Makassar's certificates ---------------

def _sulsel_xlsx(path: Path) -> None:
    """The province's recap of certificates in its cities and of its own experts. Arsyad's SKK is
    Makassar's (same number), his NIK typed as a number (last digit lost) and his level miscopied."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap 2025"
    ws.append(["REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT PROVINSI SULAWESI SELATAN 2025"])
    ws.append(["No", "Nama", "NIK", "Kab/Kota", "Jabatan Kerja", "Jenjang", "No. Sertifikat", "Keterangan"])
    ws.append([1, "ANDI M. ARSYAD", float(N("k1")[:15] + "0"), "Kota Makassar", "Pengawas Lapangan Pekerjaan Gedung",
               "5", "SKK-7371-2024-000231", "Kompeten"])
    ws.append([2, "MUHAMMAD IKHSAN", N("k4"), "Kota Makassar", "Operator Excavator", "3", "SKK-7371-2025-000305",
               "Kompeten"])
    ws.append([3, "Ir. ANDI MAPPANYUKKI, M.T.", N("q1"), "Provinsi", "Ahli Madya Teknik Jalan", "8",
               "SKK-73-2025-000801", "Kompeten"])
    ws.append([4, "Hj. SITTI AMINAH, S.T.", N("q2"), "Provinsi", "Ahli Muda Teknik Bangunan Gedung", "7",
               "SKK-73-2025-000702", "Kompeten"])
    wb.save(path)


# --- eighth file: a JavaScript web app's JSON, its NIKs rounded to doubles by JSON.stringify -------

def _jayapura_js_json() -> str:
    """A browser app's export: NIKs held as JavaScript numbers, so each is the nearest double,
    written without a fraction (...0003 -> ...0004): a valid-looking NIK one serial off."""
    rows = [("y2", "Maria Kogoya", "Juru Ukur", "4"), ("y9", "Yakob Puraro", "Operator Bulldozer", "3"),
            ("y7", "Daniel Ondi", "Operator Crane", "3")]
    records = [{"namaLengkap": name, "nik": f"{float(N(person)):.0f}", "tanggalLahir": born(person) + "T00:00:00.000Z",
                "jabatanKerja": jabatan, "jenjang": level, "hasilUji": "KOMPETEN"}
               for person, name, jabatan, level in rows]
    return json.dumps(records)


# --- ninth file: a PDF converter's headers merged over two columns, values in either ------------

def _surabaya_pdf_xlsx(path: Path) -> None:
    """Tahap III converted from PDF: NAMA and NIK each merged over two columns, the converter
    putting a row's value in the left or the right one of the pair as the text's position fell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["HASIL UJI KOMPETENSI TAHAP III KOTA SURABAYA 2025"])
    ws.append(["NO", "NAMA", None, "NIK", None, "JABATAN KERJA", "JENJANG", "HASIL"])
    ws.merge_cells("B2:C2")
    ws.merge_cells("D2:E2")
    ws.append([1, None, "YUDI HARTONO", None, N("s16"), "Operator Excavator", "3", "K"])
    ws.append([2, "RINA SUSANTI", None, N("s17"), None, "Juru Ukur", "4", "K"])
    ws.append([3, None, "BAMBANG SUGIARTO", N("s18"), None, "Tukang Batu", "2", "K"])
    wb.save(path)


# --- tenth file: Kupang's Tahap II, the result column named by the assessment's date -------------

def _kupang_tahap_ii_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tahap II"
    ws.append(["PESERTA UJI KOMPETENSI TAHAP II KOTA KUPANG"])
    ws.append(["No", "Nama Lengkap", "NIK", "Jabatan Kerja yang akan disertifikasi", "Jenjang",
               "Hasil Uji 14/10/2025"])
    ws.append([1, "PAULUS LADO", N("u9"), "Operator Excavator", "3", "K"])
    ws.append([2, "FERDERIKA NDOEN", N("u10"), "Juru Ukur", "4", "K"])
    wb.save(path)


# --- eleventh file: Gowa's remedial: a first and a second result column on one row ---------------

def _gowa_remedial_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["HASIL UJI KOMPETENSI DAN UJI ULANG (REMEDIAL) KABUPATEN GOWA 2025"])
    ws.append(["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL UJI I", "HASIL UJI II (REMEDIAL)"])
    ws.append([1, "MUHAMMAD ARIF", N("g15"), "Operator Excavator", "3", "BK", "K"])
    ws.append([2, "DARMAWATI", N("g16"), "Juru Ukur", "4", "K", None])
    ws.append([3, "SUKRI", N("g17"), "Tukang Batu", "2", "BK", "BK"])
    wb.save(path)


# --- the world ---------------------------------------------------------------------------------

def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    (landing / "kota-surabaya" / "Pendaftaran Uji Kompetensi SKK 2025 (Respons) - Respons Formulir 1.csv").write_bytes(
        _surabaya_csv())
    _sidoarjo_xlsx(landing / "kab-sidoarjo" / "Daftar Peserta UK 2025 (converted).xlsx")
    _sidoarjo_assessors(landing / "kab-sidoarjo" / "Daftar Peserta UK 2025 (converted).xlsx")
    (landing / "kota-makassar" / "export_data_tkk_20251120.csv").write_bytes(_makassar_web_csv())
    (landing / "prov-jatim" / "lsp-portal-certificate-holders-Q4-2025.csv").write_bytes(_lsp_portal_csv())
    _sidoarjo_per_page_xlsx(landing / "kab-sidoarjo" / "Daftar Peserta UK Tahap III_converted.xlsx")
    _sulsel_xlsx(landing / "prov-sulsel" / "Rekap Sertifikasi Sulsel 2025.xlsx")
    (landing / "kab-jayapura" / "peserta-uk-2025.json").write_text(_jayapura_js_json(), encoding="utf-8")
    _surabaya_pdf_xlsx(landing / "kota-surabaya" / "Hasil UK Tahap III (pdf).xlsx")
    _kupang_tahap_ii_xlsx(landing / "kota-kupang" / "Peserta UK Tahap II Kupang.xlsx")
    _gowa_remedial_xlsx(landing / "kab-gowa" / "Hasil UK dan Remedial Gowa 2025.xlsx")
    (landing / "kab-gowa" / "data peserta tambahan.csv").write_bytes(_gowa_unicode_text())
    (landing / "prov-jatim" / "certificate_holders_export_2025-11-30.csv").write_bytes(_jatim_csv())
    _makassar_xlsx(landing / "kota-makassar" / "DOC-20251104-WA0012.xlsx")
    (landing / "kota-makassar" / "dokumen (3).xlsx").write_bytes(
        (landing / "kota-makassar" / "DOC-20251104-WA0012.xlsx").read_bytes())
    _gowa_xlsx(landing / "kab-gowa" / "REKAP UK GOWA 2025.xlsx")
    (landing / "kab-jayapura" / "export_peserta_skk.json").write_text(_jayapura_json(), encoding="utf-8")
    _jayapura_xlsx(landing / "kab-jayapura" / "Hasil UK Jayapura 2025.xlsx")
    (landing / "kota-surabaya" / "Form Uji Kompetensi Tahap II (Responses) - Form Responses 1.csv").write_bytes(
        _surabaya_ii_csv())
    (landing / "kab-sidoarjo" / "tabula-Daftar Peserta UK Tahap II.csv").write_bytes(_sidoarjo_tabula_csv())
    _jatim_sections_xlsx(landing / "prov-jatim" / "Daftar Tenaga Ahli Bersertifikat 2025.xlsx")
    (landing / "kota-kupang" / "REKAP UK KUPANG 2025.csv").write_bytes(_kupang_csv())
    (landing / "kab-jayapura" / "rekap_sertifikasi_2025.csv").write_bytes(_jayapura_pandas_csv())
    (landing / "kota-kupang" / "sheets_values_form_responses.json").write_text(_kupang_sheets_api(), encoding="utf-8")
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand from the tables above (distinct persons with a Kompeten result at a level):
# 35     province: 5 Anisa; 7 Rizal (also 4 in Surabaya, 5 in Sidoarjo), Yuliana, and from the list in
#        sections (the level only in the section's title) Ratna, Heru; 8 Bambang (two certificates
#        in the portal, one of them again in the sections), Gunawan; 9 Hadi, Sutrisno. Teguh Not Yet
#        Competent; Dwi Ayu's 4 is Surabaya's certificate. Another portal ("Holder Name",
#        "NIK/Passport", "Certification Scheme", "Assessment Decision"): 7 Dedi; 8 Wulan, Yuliana
#        (her second level). Joko Not Yet Competent.
# 35.15  Sidoarjo: 2 Syaiful Arif (name wrapped: the second row is no person), Zainuri, Fauzi,
#        Wahyudi (Tabula); 3 Sugeng, Rudi; 4 Sri, Didik; 5 Rizal, Lilik, Endang (Tabula). Bagus and
#        Nur Cholis BK. Page headers and footers are no one, nor the LSP's assessors (sheet TIM ASESOR).
#        Tahap III, one sheet per PDF page (the header on the first only): 2 Agus; 3 Purwanto, Nanang;
#        4 Siti Fatimah.
# 35.78  Surabaya: 2 Slamet, Eko (sent the form twice), Imam, Siti, Bayu (Tahap II); 3 Wahyu, Hendro
#        (NIK lost to "3.57810E+15"), Hari (Tahap II); 4 Rizal, Dwi Ayu, Agung, Lina (Tahap II);
#        5 Retno, Agung (Tahap II, another level). Nur Laili BK, Fajar not assessed yet. Tahap II's
#        birth dates are month first (an English-locale sheet). Tahap III from a PDF (NAMA and NIK
#        each merged over two columns, a value in either): 2 Bambang S.; 3 Yudi; 4 Rina.
# 53.71  Kupang (CSV of merged cells: a continuation row is the person above): 2 Yosef, Agustinus
#        (BK as Tukang Kayu, K as Tukang Batu on his continuation row), Simon; 3 Frans (two
#        certificates), Kristoforus (Sheets API); 4 Yosef (continuation), Maria, Imelda (Sheets API);
#        5 Yohana (Maria BK there). Yohanes Tse registered, not assessed. The CSV opens with "sep=;".
#        Tahap II ("Hasil Uji 14/10/2025", "Jabatan Kerja yang akan disertifikasi"): 3 Paulus;
#        4 Ferderika.
# 73     Sulsel province: 7 Sitti Aminah; 8 Andi Mappanyukki. Arsyad (Makassar's SKK number, his level
#        miscopied as 5, his NIK truncated) and Ikhsan are re-reports of Makassar's certificates.
# 73.06  Gowa: 2 Syahrul, Sitti, Nurdin, Hamzah (on Nurdin's NIK, copied down: his own birth date); 3 Andi Baso, Rahmat, Ilham; 4 Hasniah. Yusuf, Kamaruddin
#        BK. The recap per kecamatan names nobody. SUSULAN ("NIK / NAMA" in one cell): 2 Basri;
#        4 Andi Tenri. Unicode text (UTF-16, tabs): 3 Syamsul; 4 Rahmat (his second level).
#        Rosdiana BK. The remedial file ("HASIL UJI I", "HASIL UJI II (REMEDIAL)"): 3 Arif (BK, then K
#        on the retest); 4 Darmawati. Sukri BK twice.
# 73.71  Makassar (a holder list: every row certified; the WhatsApp copy adds nothing): 2 Syamsuddin
#        (SKT, expired), Haerul; 3 Ikhsan, Andi Baso (also in Gowa); 4 Nurhayati, Jumriani (SKT),
#        Irwan; 5 Arsyad (SKT), Rosmini; 6 Arsyad (SKK). The web export (NIKs as ="..."): 3 Rahmawati;
#        4 Nurhayati again; 5 Andi Fadli.
# 91.03  Jayapura: 2 Yulianus, Fransina, Petrus (no NIK, in both files), Natalia (pandas CSV); 3 Yohanes (in both
#        files), Daniel, Yakob, Obaja (pandas CSV, no NIK); 4 Maria (again in the pandas CSV, her
#        NIK ...0003 printed as the double ...0004.0), Daniel (pandas CSV, another level); 5 Ester.
#        Marthen BK. The JS app's JSON repeats Maria, Yakob and Daniel at the same levels, each NIK
#        one serial off (...0003 as ...0004, ...0001 as ...0000): still the same persons.
TRUTH = {
    ("35", 5): 1, ("35", 7): 5, ("35", 8): 4, ("35", 9): 2,
    ("35.15", 2): 5, ("35.15", 3): 4, ("35.15", 4): 3, ("35.15", 5): 3,
    ("35.78", 2): 6, ("35.78", 3): 4, ("35.78", 4): 5, ("35.78", 5): 2,
    ("53.71", 2): 3, ("53.71", 3): 3, ("53.71", 4): 4, ("53.71", 5): 1,
    ("73", 7): 1, ("73", 8): 1,
    ("73.06", 2): 5, ("73.06", 3): 5, ("73.06", 4): 4,
    ("73.71", 2): 2, ("73.71", 3): 3, ("73.71", 4): 3, ("73.71", 5): 3, ("73.71", 6): 1,
    ("91.03", 2): 4, ("91.03", 3): 4, ("91.03", 4): 2, ("91.03", 5): 1,
}
# the SKT certificates expired on 31 Dec 2022: Makassar's persons with no active certificate there
EXPIRED = {("73.71", 2): 1, ("73.71", 4): 1, ("73.71", 5): 1}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(_world(tmp_path_factory.mktemp("world3")), PUBLISH)


def test_every_office_ingests(report):
    assert report.offices_failed == {}


def test_the_headline_is_the_hand_count(report):
    published = {(r.region_code, int(r.jenjang)): int(r.certified_persons) for r in report.headline.itertuples()}
    assert published == TRUTH


def test_old_skt_certificates_count_expired(report):
    expired = {(r.region_code, int(r.jenjang)): int(r.certified_persons - r.active_persons - r.active_unknown_persons)
               for r in report.headline.itertuples() if r.region_code == "73.71"}
    assert {k: v for k, v in expired.items() if v} == EXPIRED


# --- the rules this world needed, one table each ----------------------------------------------

@pytest.mark.parametrize(("header", "column"), [
    # a form's question: the field with a clause saying it is the applicant's choice, or an imperative
    ("Jenjang KKNI yang diajukan", "jenjang"),
    ("Jenjang yang Anda ajukan", "jenjang"),
    ("Level yang dipilih", "jenjang"),
    ("Pilih Jenjang", "jenjang"),
    ("Jabatan Kerja yang akan diuji", "jabatan_kerja"),
    ("Jabatan Kerja yang akan Anda ikuti", "jabatan_kerja"),
    ("Skema yang diambil", "jabatan_kerja"),
    ("Masukkan NIK Anda", "nik"),
    ("Jabatan Kerja yang akan disertifikasi", "jabatan_kerja"),
    # the assessment's year or date after the field
    ("Hasil Uji 2025", "hasil"),
    ("Hasil Uji 12/11/2025", "hasil"),
    ("No. Sertifikat 2024", "nomor_sertifikat"),
    ("Tahun 2025", None),
    ("Jumlah 2025", None),
    ("Tuliskan Nama Lengkap (sesuai KTP)", "nama"),
    # a clause of something else, or an imperative with no field, names nothing
    ("Nama yang dapat dihubungi", None),
    ("Pilih Jadwal Asesmen", None),
    ("Pilih", None),
    # the form's submission time: a column of its own since form resubmissions are read
    # (standardize.responses), not a participant's field
    ("Stempel waktu", "waktu_respons"),
    ("Nomor HP (WhatsApp aktif)", None),
])
def test_form_question_headers(header, column):
    from sources.headers import canonical_column
    assert canonical_column(header) == column


@pytest.mark.parametrize(("text", "carried"), [
    # a qualification's group row stating its one level: the rows below take that jenjang
    ("A. AHLI MUDA (JENJANG 7)", ("jenjang", "JENJANG 7")),
    ("B. AHLI MADYA - JENJANG 8", ("jenjang", "JENJANG 8")),
    ("OPERATOR (JENJANG 3)", ("jenjang", "JENJANG 3")),
    ("Teknisi / Analis [KKNI 5]", ("jenjang", "KKNI 5")),
    ("AHLI MUDA (Jenjang 7):", ("jenjang", "Jenjang 7")),
    # a range names no one level: the qualification alone, as without a note
    ("OPERATOR (JENJANG 1-3)", ("kualifikasi", "OPERATOR")),
    ("II. AHLI MUDA", ("kualifikasi", "AHLI MUDA")),
    ("Operator:", ("kualifikasi", "Operator")),
])
def test_qualification_sections_with_their_level(text, carried):
    from sources.readers.table import _section
    assert _section([text]) == carried


@pytest.mark.parametrize(("title", "sheet", "staff"), [
    ("TIM ASESOR KOMPETENSI LSP GATENSI KARYA KONSTRUKSI", "TIM ASESOR", True),
    ("", "Asesor", True),
    ("SUSUNAN PANITIA PELAKSANA UJI KOMPETENSI 2025", "Sheet2", True),
    ("DAFTAR INSTRUKTUR DAN NARASUMBER BIMTEK", "", True),
    # a participants' list that names its assessor, or a sheet per assessor of participants
    ("DAFTAR PESERTA UJI KOMPETENSI | ASESOR: Ir. SUPARNO", "Sheet1", False),
    ("", "Asesi Asesor Budi", False),
    ("HASIL UJI KOMPETENSI", "Penguji 1", False),
    ("DAFTAR HADIR", "Sheet1", False),
])
def test_staff_lists(title, sheet, staff):
    from sources.readers import staff_list
    assert staff_list(title, sheet) is staff


def test_a_staff_list_without_niks_is_dropped_and_one_with_niks_kept():
    from sources.readers import drop_staff_lists
    from sources.readers.table import SheetReport, TableRows

    def table(sheet, niks):
        return TableRows({"nama": ["Ir. SUPARNO", "DARMAWAN"], "nik": niks,
                          "nomor_sertifikat": ["MET.000.004512 2019", "MET.000.007789 2020"]},
                         [3, 4], SheetReport(sheet, 2, {}, 2, {}, title="TIM ASESOR"))

    assessors, by_assessor = table("TIM ASESOR", [None, None]), table("Asesor Budi", [N("d2"), N("d9")])
    drop_staff_lists([assessors, by_assessor])
    assert (assessors.source_rows, assessors.columns["nama"], assessors.report.skipped) == ([], [], {"staff_list": 2})
    assert by_assessor.source_rows == [3, 4]


@pytest.mark.parametrize(("header", "column"), [
    # an LSP portal's certificate list in English
    ("Holder Name", "nama"),
    ("Certificate Holder", "nama"),
    ("Candidate Name", "nama"),
    ("NIK/Passport", "nik"),
    ("NIK / Paspor", "nik"),
    ("Certification Scheme", "jabatan_kerja"),
    ("Occupation Title", "jabatan_kerja"),
    ("Assessment Decision", "hasil"),
    ("Status of Competence", "hasil"),
    ("Date of Issue", "tanggal_terbit"),
    ("Date of Expiry", "masa_berlaku"),
    # a database's own id is no certificate number
    ("Certificate ID", None),
])
def test_english_portal_headers(header, column):
    from sources.headers import canonical_column
    assert canonical_column(header) == column


def test_a_bare_decision_is_a_weak_result_header():
    from sources.headers import is_weak_header
    assert is_weak_header("Decision") and not is_weak_header("Assessment Decision")


_SIGNATURE = [[None, None, None, None, "Sidoarjo, 12 Desember 2025"],
              [None, None, None, None, "Kepala Bidang Bina Konstruksi"],
              [None, None, None, None, "NIP. 19700512 199803 1 006"]]


@pytest.mark.parametrize(("rows", "continued"), [
    # the last page of a list converted one sheet per page: two rows, then the signature block
    ([["3", "AGUS WIDODO", N("d16"), "03-05-1992"], ["4", "NANANG KOSIM", N("d17"), "30-08-1978"]] + _SIGNATURE,
     True),
    ([["3", "AGUS WIDODO", N("d16"), "03-05-1992"]] + _SIGNATURE, True),
    # a signature block alone, or a sheet of notes, continues nothing
    (_SIGNATURE, False),
    ([["Catatan:"], ["peserta membawa KTP asli"], ["jadwal menyusul"], ["3", "AGUS WIDODO", N("d16")]], False),
])
def test_a_page_sheet_under_the_first_sheets_header(rows, continued):
    from sources.readers.table import Header, continues
    header = Header(1, 1, {"nama": 1, "nik": 2, "tanggal_lahir": 3}, {})
    assert continues(rows, header) is continued


@pytest.mark.parametrize(("header", "column"), [
    ("HASIL UJI II (REMEDIAL)", "hasil"),
    ("Hasil Uji Ulang", "hasil"),
    ("Hasil Asesmen Ulang", "hasil"),
    ("Jenjang Ulang", None),
])
def test_retest_result_headers(header, column):
    from sources.headers import canonical_column
    assert canonical_column(header) == column


@pytest.mark.parametrize(("second_header", "results"), [
    # a retest: its result, where written, is the row's
    ("HASIL UJI II (REMEDIAL)", ["Kompeten", "K", "BK"]),
    ("Hasil Uji Ulang", ["Kompeten", "K", "BK"]),
    # a plain second result column is no retest: one column is read for the sheet, as before
    ("Keterangan", ["BK", "K", "BK"]),
])
def test_a_retest_column_decides_row_by_row(tmp_path, second_header, results):
    from sources.readers import read_submission
    from sources.registry import Office
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL UJI I", second_header])
    ws.append([1, "MUHAMMAD ARIF", N("g15"), "Operator Excavator", "3", "BK", "Kompeten"])
    ws.append([2, "DARMAWATI", N("g16"), "Juru Ukur", "4", "K", None])
    ws.append([3, "SUKRI", N("g17"), "Tukang Batu", "2", "BK", "BK"])
    wb.save(tmp_path / "remedial.xlsx")
    office = Office(id="kab-gowa", name="Dinas PUPR Kabupaten Gowa", level="regency", region_code="73.06")
    submission = read_submission(tmp_path / "remedial.xlsx", office)
    assert submission.error is None
    assert list(submission.rows["hasil"]) == results
