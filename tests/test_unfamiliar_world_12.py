"""A twelfth hand-made world: one whole province, and where each certificate is credited.

Sulawesi Tenggara (74), which no other world uses: the province office, five of its regency/city
offices in the registry (Kolaka 74.01, Konawe 74.02, Muna 74.03, Konawe Selatan 74.05, Kota Kendari
74.71, Kota Baubau 74.72; Muna sends nothing) and regencies that are not in it (Kolaka Timur 74.11,
Buton Utara 74.10, Bombana 74.06). 45 persons, 8 files, judged on PUBLISH (30 June 2026). The
world is about WHICH cell a certified person lands in (docs/warehouse.md, counting rules 2-4):
- the province's recap of the regencies' certificates ("Rekap Kabupaten/Kota" count sheet, then
  a "Rincian" sheet whose "Kab/Kota" column is written as clerks write it: "Kab. Konawe",
  "Kabupaten Konawe", "KONAWE", "Kab Kolaka", "Kota Bau-Bau", and the local short forms "Koltim"
  (Kolaka Timur) and "Butur" (Buton Utara)) re-reporting certificates the regencies also sent:
  by number (also written with spaces), by NIK, jenjang and jabatan (also abbreviated), by an
  Excel-truncated NIK with the number, and a name alone without NIK ("SAHRUN"): all counted under
  the regency (rule 3), whatever the Kab/Kota column says (Amiruddin, certified by Kolaka, is
  listed under his KTP's Kolaka Utara);
- rows only in the recap: from Muna (in the registry, sent nothing) and from Kolaka Timur and
  Buton Utara (not in the registry): the province reported them, they count under 74 (rule 2);
- the province's own expert program (Ahli Muda/Madya/Utama written as the level, jenjang 7-9) and
  fresh-graduate program, participants with KTPs of Sulawesi Selatan, Sulawesi Tengah, Jawa Barat:
  74 (rule 2; a KTP region is not a credited region); a Kolaka technician (jenjang 6 there)
  certified Ahli Muda by the province counts in both cells; a Konawe Juru Ukur 4 certified
  "Juru Gambar Arsitektur" 4 by the province is the province's own certificate (another jabatan);
- a regency program with participants whose KTPs are of other regencies (Kolaka Timur, Muna,
  Kendari) and provinces (Bali, Sulawesi Selatan): the regency's cell;
- the same person certified at jenjang 3 by Konawe (Operator Excavator 2024) and at jenjang 3 by
  Konawe Selatan (Operator Motor Grader 2025): counted once in each region's cell (rule 4, and
  "Known limits"), once in the province table;
- an LPJK/SIKI registry-style export sent by the province (NIK, Nama, Provinsi, Kab/Kota,
  Kualifikasi, Subklasifikasi, Jabatan Kerja, Jenjang, LSP, Nomor Registrasi, Tanggal Ditetapkan,
  Masa Berlaku, Asosiasi; no result column: every row is an issued certificate, DOMAIN.md), its
  numbers written with dots ("SKK.7401.2023.00503"): rows re-reporting Kolaka's and Konawe
  Selatan's certificates (the latter of a worker whose SIKI domicile is Kab. Bulukumba in
  Sulawesi Selatan), the province's own, and Kendari's Juru Ukur whose old SKT (2019, expired) was
  followed by a new SKK of 2024 (another number and validity: the province's own certificate).

Short forms of Sulawesi Tenggara's regencies (search tool): "Konawe Selatan (Konsel)" and
"Kolaka Timur" (halosultra.com/sultra-raya/51630, id.wikipedia.org/wiki/Kabupaten_Kolaka_Timur),
"Konawe Kepulauan (Konkep)" (sultrago.com), "singkatan = KOLUT" for Kolaka Utara
(wiki-indonesia.club Kabupaten_Kolaka_Utara); Baubau is written "Bau-Bau" too (sultrago.com
"BAU-BAU, SULTRAGO.ID"); Kemendagri codes from reference/regions.csv.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params
from tests.hand_worlds import as_datetime as _d, xlsx_bytes as _save, titled_sheet

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-sultra", "name": "Dinas PUPR Provinsi Sulawesi Tenggara", "level": "province",
     "region_code": "74"},
    {"id": "kab-kolaka", "name": "Dinas PUPR Kabupaten Kolaka", "level": "regency", "region_code": "74.01"},
    {"id": "kab-konawe", "name": "Dinas PUPR Kabupaten Konawe", "level": "regency", "region_code": "74.02"},
    {"id": "kab-muna", "name": "Dinas PUPR Kabupaten Muna", "level": "regency", "region_code": "74.03"},
    {"id": "kab-konawe-selatan", "name": "Dinas PUPR Kabupaten Konawe Selatan", "level": "regency",
     "region_code": "74.05"},
    {"id": "kota-kendari", "name": "Dinas PUPR Kota Kendari", "level": "city", "region_code": "74.71"},
    {"id": "kota-baubau", "name": "Dinas PUPR Kota Baubau", "level": "city", "region_code": "74.72"},
    {"id": "kota-makassar", "name": "Dinas PUPR Kota Makassar", "level": "city", "region_code": "73.71"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Konawe's 2024 list
    "kw1": ("Lukman Hakim", "7402", "03", "1988-04-12", "L", 1),
    "kw2": ("Sitti Nurhaliza", "7402", "05", "2001-08-23", "P", 2),
    "kw3": ("Asrul Tamburaka", "7402", "01", "1985-01-30", "L", 3),
    "kw4": ("Made Sudarsana", "5103", "02", "1983-11-02", "L", 4),
    "kw5": ("Yusran Lamba", "7411", "04", "1990-06-17", "L", 1),
    "kw6": ("Haerul", "7371", "06", "1995-03-09", "L", 2),
    "rt": ("Rusdin Tosepu", "7405", "07", "1987-12-05", "L", 1),
    # Konawe Selatan's 2025 list
    "ks2": ("Wa Ode Sarina", "7403", "02", "1992-10-14", "P", 2),
    "ks3": ("Andi Baso", "7302", "01", "1986-07-07", "L", 3),
    "ks4": ("La Ode Muhammad Ikbal", "7471", "03", "1984-02-28", "L", 4),
    "ks5": ("Ketut Arsana", "7405", "05", "1993-05-01", "L", 5),
    "ks6": ("Sumarni", "7405", "02", "1989-09-19", "P", 6),
    # Kolaka's 2023 list
    "kl1": ("Jumadil", "7401", "02", "1982-05-20", "L", 1),
    "kl2": ("Hasrianti", "7401", "03", "1994-12-11", "P", 2),
    "kl3": ("Amiruddin", "7408", "01", "1979-03-03", "L", 3),
    "kl4": ("Samsul Alam", "7401", "04", "1991-07-25", "L", 4),
    "kl5": ("Akbar Pratama", "7401", "01", "1993-10-10", "L", 5),
    "kl6": ("Nasrun", "7401", "05", "1980-08-08", "L", 6),
    # Kota Kendari (2019 SKT and 2025)
    "kd1": ("Irwan Saputra", "7471", "02", "1990-04-04", "L", 1),
    "kd2": ("Nur Aisyah", "7471", "03", "1996-09-09", "P", 2),
    "kd3": ("Gede Wirawan", "5171", "01", "1988-02-14", "L", 3),
    "kd4": ("Muhammad Fajar", "7471", "05", "1992-11-20", "L", 4),
    "kd5": ("Ridwan Saleh", "7471", "04", "1978-06-30", "L", 5),
    "kd6": ("Jufri", "7471", "06", "1997-07-07", "L", 6),
    "kd7": ("Muhammad Nasir", "7471", "01", "1975-01-15", "L", 7),
    # Kota Baubau's 2024 list
    "bb1": ("La Ode Hasrun", "7472", "01", "1985-05-05", "L", 1),
    "bb2": ("Wa Ode Nurmala", "7472", "02", "1990-03-17", "P", 2),
    "bb3": ("Harmin", "7404", "03", "1983-08-29", "L", 3),
    "bb4": ("Sahrun", "7472", "04", "1981-12-12", "L", 4),
    # only in the province's recap: Muna (registry, silent), Kolaka Timur and Buton Utara (not in it)
    "mu1": ("La Ode Safiuddin", "7403", "01", "1986-01-21", "L", 7),
    "mu2": ("Wa Ode Rahmawati", "7403", "04", "1991-04-04", "P", 8),
    "kt1": ("Yusuf Tamalaki", "7411", "02", "1984-09-09", "L", 2),
    "kt2": ("Hasnawati", "7411", "03", "1987-06-06", "P", 3),
    "bu1": ("La Ode Abdul Gani", "7410", "01", "1990-10-01", "L", 1),
    # the province's expert program
    "pv1": ("Muhammad Arsyad Tombili", "7471", "02", "1972-03-15", "L", 9),
    "pv2": ("Sitti Marwah", "7371", "04", "1985-07-21", "P", 10),
    "pv3": ("Ahmad Zainal Arifin", "3273", "05", "1965-12-01", "L", 11),
    "pv4": ("Baharuddin", "7402", "03", "1980-02-02", "L", 12),
    "pv5": ("Sri Wahyuni", "7405", "01", "1989-11-11", "P", 13),
    # the province's fresh graduates
    "fg1": ("Rahmat Hidayat", "7302", "04", "2000-05-05", "L", 14),
    "fg2": ("Nurul Fitriani", "7204", "02", "2001-01-25", "P", 15),
    "fg4": ("Andi Muhammad Yusuf", "7371", "05", "1999-09-30", "L", 16),
    "fg5": ("Wiwin Handayani", "7472", "03", "2000-12-12", "P", 17),
    # only in the SIKI export
    "sk1": ("Hendra Lasaleng", "7406", "02", "1982-04-18", "L", 18),
    "sk2": ("Hamsina", "7471", "06", "1983-05-27", "P", 19),
    # Muna's own list, forwarded by the province into its folder
    "mu3": ("Wa Ode Fitriani", "7403", "02", "1995-02-17", "P", 9),
    "mu5": ("La Ode Kamaluddin", "7403", "05", "1988-08-31", "L", 10),
    # only in the province's workbook of one sheet per regency
    "mu4": ("La Ode Munarfin", "7403", "03", "1989-03-13", "L", 11),
    "kd8": ("Rini Anggraini", "7471", "02", "1994-10-22", "P", 8),
    # the province's experts list, landed in Kolaka's folder
    "pv6": ("Syamsul Bahri", "7401", "02", "1976-06-16", "L", 7),
    "pv7": ("Nurhayati", "7401", "03", "1986-01-09", "P", 8),
    # the province's Mobile Training Unit held in Konawe
    "mt1": ("Muhammad Ardiansyah", "7402", "02", "1994-07-04", "L", 20),
    "mt2": ("Sarifuddin", "7402", "04", "1982-03-26", "L", 21),
    "mt3": ("Asniati", "7402", "01", "1991-05-15", "P", 22),
    "mt4": ("Ismail Lapodi", "7402", "06", "1987-09-01", "L", 23),
    # Konawe Selatan's 2024 list, its title naming the province after the regency
    "ks7": ("Muhammad Rizal", "7405", "03", "1990-12-24", "L", 9),
    "ks8": ("Nining Kurniasih", "7405", "04", "1993-06-02", "P", 10),
    # round 3: only in the province's 2025 recap without NIKs
    "rc1": ("Fadli Rahman", "7471", "04", "1989-02-02", "L", 30),
    "rc2": ("Marlina", "7406", "03", "1992-08-14", "P", 31),
    # Kota Makassar (Sulawesi Selatan), whose certificate the Sultra SIKI export lists too
    "mk1": ("Andi Irfan", "7371", "02", "1990-09-19", "L", 32),
    "mk2": ("Rosmiati", "7371", "03", "1988-04-27", "P", 33),
    # an expert in Kendari's list
    "kd9": ("Yohanes Palimbong", "7318", "01", "1984-12-03", "L", 1),
    # round 4: Baubau's 2025 list in the province's folder, Konawe Selatan's MTU list in Konawe's
    "bb5": ("La Ode Rusli", "7472", "03", "1991-01-11", "L", 5),
    "bb6": ("Wa Ode Hasnia", "7472", "01", "1993-09-27", "P", 6),
    "ks9": ("Muhammad Yamin", "7405", "06", "1986-04-15", "L", 11),
    "ks10": ("Asnawi", "7405", "03", "1990-11-30", "L", 12),
    # round 5: Kendari's 2026 list in the province's folder, Kolaka's joint program with the province
    "kd10": ("Agustina Rante", "7471", "02", "1995-08-08", "P", 10),
    "kd11": ("Hendrik Saranga", "7471", "03", "1989-03-21", "L", 11),
    "kd12": ("Bambang Supriyadi", "7471", "01", "1980-10-05", "L", 12),
    "kl7": ("Rudy Lapae", "7401", "02", "1992-02-19", "L", 7),
    "kl8": ("Sitti Hajar", "7401", "04", "1990-07-13", "P", 8),
    "kl9": ("Ardin", "7401", "05", "1994-04-24", "L", 9),
    # round 7: Kendari's Muhammad Fajar's namesake, in a province list without his NIK (born 1985,
    # KTP Kendari)
    "fj2": ("Muhammad Fajar", "7471", "02", "1985-03-03", "L", 13),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex

_PLACES = {"7401": "Kolaka", "7402": "Unaaha", "7403": "Raha", "7404": "Pasarwajo", "7405": "Andoolo",
           "7406": "Rumbia", "7408": "Lasusua", "7410": "Buranga", "7411": "Tirawuta", "7471": "Kendari",
           "7472": "Baubau", "7371": "Makassar", "7302": "Bulukumba", "7204": "Tolitoli", "7318": "Makale", "5103": "Mangupura",
           "5171": "Denpasar", "3273": "Bandung"}


def dmy(iso: str | None, sep: str = "-") -> str:
    """'2023-05-10' -> '10-05-2023'."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}{sep}{m}{sep}{y}"


def ttl(p: str) -> str:
    """'Unaaha, 12-04-1988': birth place (the KTP's regency seat) and date in one cell."""
    return f"{_PLACES[PERSONS[p][1]]}, {dmy(born(p))}"


def _titled_sheet(ws, titles: list[str], header: list[str], rows: list[list]) -> None:
    titled_sheet(ws, titles, header, rows, as_text=lambda value: value.isdigit() and len(value) >= 15)


# --- regency and city offices ------------------------------------------------------------------

# (person, jabatan, jenjang, hasil, number, issued)
_KONAWE_2024 = [
    ("kw1", "Operator Excavator", 3, "Kompeten", "SKK-7402-2024-00101", "2024-09-10"),
    ("kw2", "Juru Ukur", 4, "Kompeten", "dalam proses", None),
    ("kw3", "Tukang Besi Beton", 2, "Kompeten", "SKK-7402-2024-00103", "2024-09-10"),
    ("kw4", "Operator Bulldozer", 3, "Kompeten", "SKK-7402-2024-00104", "2024-09-10"),
    ("kw5", "Mandor Pekerjaan Jalan", 4, "Kompeten", "SKK-7402-2024-00105", "2024-09-10"),
    ("kw6", "Tukang Batu", 2, "Belum Kompeten", "", None),
    ("rt", "Operator Excavator", 3, "Kompeten", "SKK-7402-2024-00107", "2024-09-10"),
]


def _konawe_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta 2024"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KONAWE_2024, 1)]
    _titled_sheet(ws, ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI",
                       "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN KONAWE TAHUN 2024"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# Konawe Selatan: the participants' home written beside them ("Asal"), KTPs from four regencies
_KONSEL_2025 = [
    ("rt", "Operator Motor Grader", 3, "K", "SKK-7405-2025-00011", "2025-03-20"),
    ("ks2", "Tukang Kayu", 2, "K", "SKK-7405-2025-00012", "2025-03-20"),
    ("ks3", "Operator Crane", 3, "K", "SKK-7405-2025-00013", "2025-03-20"),
    ("ks4", "Pelaksana Lapangan Pekerjaan Gedung", 5, "K", "SKK-7405-2025-00014", "2025-03-20"),
    ("ks5", "Tukang Batu", 2, "BK", "", None),
    ("ks6", "Juru Ukur", 4, "K", "", None),
]
_KONSEL_NAMES = {"ks4": "La Ode Muh. Ikbal", "rt": "RUSDIN TOSEPU"}


def _konsel_csv() -> bytes:
    lines = ["No;Nama Peserta;NIK;Tgl Lahir;JK;Asal Kab/Kota;Jabatan Kerja;Jenjang;Hasil Uji;No. SKK;Tgl Terbit;Tahun"]
    for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KONSEL_2025, 1):
        home = _PLACES[PERSONS[p][1]]
        lines.append(";".join([str(i), _KONSEL_NAMES.get(p, PERSONS[p][0]), N(p), dmy(born(p), "/"), sex(p),
                               home, jab, str(lvl), hasil, number, dmy(issued, "/"), "2025"]))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


_KOLAKA_2023 = [
    ("kl1", "Operator Excavator", 3, "KOMPETEN", "SKK-7401-2023-00501", "2023-06-15"),
    ("kl2", "Tukang Besi Beton", 2, "KOMPETEN", "SKK-7401-2023-00502", "2023-06-15"),
    ("kl3", "Mandor Pekerjaan Gedung", 4, "KOMPETEN", "SKK-7401-2023-00503", "2023-06-15"),
    ("kl4", "Operator Dump Truck", 2, "KOMPETEN", "SKK-7401-2023-00504", "2023-06-15"),
    ("kl5", "Pelaksana Lapangan Pekerjaan Jalan", 6, "KOMPETEN", "SKK-7401-2023-00505", "2023-06-15"),
    ("kl6", "Tukang Kayu", 2, "BELUM KOMPETEN", "", None),
]


def _kolaka_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows = [[i, PERSONS[p][0].upper(), N(p), _PLACES[PERSONS[p][1]], _d(born(p)), jab, f"Jenjang {lvl}", hasil,
             number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KOLAKA_2023, 1)]
    _titled_sheet(ws, ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN KOLAKA TAHUN 2023"],
                  ["NO", "NAMA LENGKAP", "NO. KTP", "TEMPAT LAHIR", "TGL LAHIR", "JABATAN KERJA", "JENJANG",
                   "HASIL", "NOMOR SERTIFIKAT", "TANGGAL TERBIT"], rows)
    return _save(wb)


# (person, jabatan, jenjang, hasil, number, issued, tahun)
_KENDARI = [
    ("kd5", "Juru Ukur", 4, "Kompeten", "1.4.401.4.174.71.0004512", "2019-11-04", 2019),
    ("kd7", "Tukang Batu", 2, "Kompeten", "1.2.202.2.174.71.0004513", "2019-11-04", 2019),
    ("kd1", "Operator Excavator", 3, "Kompeten", "SKK-7471-2025-00021", "2025-02-10", 2025),
    ("kd2", "Tukang Kayu", 2, "Kompeten", "SKK-7471-2025-00022", "2025-02-10", 2025),
    ("kd3", "Operator Crane", 3, "Kompeten", "SKK-7471-2025-00023", "2025-02-10", 2025),
    ("kd4", "Mandor Pekerjaan Tanah", 4, "Kompeten", "dalam proses", None, 2025),
    ("kd6", "Tukang Batu", 2, "Belum Kompeten", "", None, 2025),
    # a city's own expert: the city reported it, the city's cell (rule 2), though experts are
    # mostly the province's business
    ("kd9", "Ahli Muda Teknik Bangunan Gedung", "Ahli Muda", "Kompeten", "SKK-7471-2025-00025", "2025-02-10", 2025),
]


def _kendari_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data TKK"
    rows = [[i, PERSONS[p][0], N(p), ttl(p), sex(p), tahun, jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued, tahun) in enumerate(_KENDARI, 1)]
    _titled_sheet(ws, ["DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT", "DINAS PUPR KOTA KENDARI"],
                  ["No", "Nama", "NIK", "TTL", "L/P", "Tahun", "Jabatan Kerja", "Jenjang", "Hasil Uji",
                   "No. Registrasi", "Tgl Terbit"], rows)
    return _save(wb)


_BAUBAU_2024 = [
    ("bb1", "Operator Excavator", 3, "Kompeten", "SKK-7472-2024-00031", "2024-07-01"),
    ("bb2", "Juru Ukur", 4, "Kompeten", "SKK-7472-2024-00032", "2024-07-01"),
    ("bb3", "Tukang Besi Beton", 2, "Kompeten", "SKK-7472-2024-00033", "2024-07-01"),
    ("bb4", "Operator Bulldozer", 3, "Kompeten", "SKK-7472-2024-00034", "2024-07-01"),
]


def _baubau_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2024"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_BAUBAU_2024, 1)]
    _titled_sheet(ws, ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA BAUBAU TAHUN 2024"],
                  ["No", "Nama", "NIK", "Tempat, Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "Nomor Sertifikat", "Tanggal Terbit"], rows)
    return _save(wb)


# --- the province: recap, own programs, SIKI export ----------------------------------------------

def _excel_truncated(nik: str) -> str:
    """A NIK typed as a number: 15 significant digits, the 16th shown as 0."""
    return nik[:15] + "0"


# (person or None, name as written, NIK as written, Kab/Kota as written, jabatan, jenjang, hasil,
#  number, tahun)
_RECAP = [
    ("kw1", "LUKMAN HAKIM", None, "Kab. Konawe", "Operator Excavator", 3, "Kompeten", "SKK-7402-2024-00101",
     2024),
    ("kw4", "I MADE SUDARSANA", None, "Kabupaten Konawe", "Operator Bulldozer", 3, "Kompeten",
     "SKK 7402 2024 00104", 2024),
    ("rt", "RUSDIN TOSEPU", None, "KONAWE", "Operator Excavator", 3, "Kompeten", "", 2024),
    ("kl1", "JUMADIL", None, "Kab Kolaka", "Operator Excavator", 3, "Kompeten", "SKK-7401-2023-00501", 2023),
    ("kl2", "HASRIANTI", "truncated", "Kolaka", "Tukang Besi Beton", 2, "Kompeten", "SKK-7401-2023-00502", 2023),
    # listed under his KTP's regency (Kolaka Utara), certified by Kolaka
    ("kl3", "AMIRUDDIN", None, "Kab. Kolaka Utara", "Mandor Pek. Gedung", 4, "Kompeten", "", 2023),
    ("bb4", "SAHRUN", "-", "Kota Bau-Bau", "Operator Bulldozer", 3, "Kompeten", "", 2024),
    ("bb2", "WA ODE NURMALA", None, "Kota Baubau", "Juru Ukur", 4, "Kompeten", "SKK-7472-2024-00032", 2024),
    ("mu1", "LA ODE SAFIUDDIN", None, "Kab. Muna", "Operator Excavator", 3, "Kompeten", "SKK-7403-2024-00007",
     2024),
    ("mu2", "WA ODE RAHMAWATI", None, "MUNA", "Tukang Kayu", 2, "Kompeten", "", 2021),
    ("kt1", "YUSUF TAMALAKI", None, "Koltim", "Operator Bulldozer", 3, "Kompeten", "SKK-7411-2024-00015", 2024),
    ("kt2", "HASNAWATI", None, "Kab. Kolaka Timur", "Juru Ukur", 4, "Kompeten", "", 2023),
    ("bu1", "LA ODE ABDUL GANI", None, "Butur", "Tukang Batu", 2, "Belum Kompeten", "", 2024),
]


def _recap_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "Rekap Kabupaten-Kota"
    counts: dict[str, list[int]] = {}
    for _, _, _, where, _, _, hasil, _, _ in _RECAP:
        counts.setdefault(where, [0, 0])[0 if hasil == "Kompeten" else 1] += 1
    rows = [[i, where, k + bk, k, bk] for i, (where, (k, bk)) in enumerate(counts.items(), 1)]
    rows.append(["", "JUMLAH", len(_RECAP), sum(k for k, _ in counts.values()), sum(b for _, b in counts.values())])
    _titled_sheet(summary, ["REKAPITULASI SERTIFIKASI TENAGA KERJA KONSTRUKSI PER KABUPATEN/KOTA",
                            "PROVINSI SULAWESI TENGGARA TAHUN 2023-2024"],
                  ["No", "Kabupaten/Kota", "Jumlah Peserta", "Kompeten", "Belum Kompeten"], rows)
    detail = wb.create_sheet("Rincian")
    rows = []
    for i, (p, name, nik, where, jab, lvl, hasil, number, tahun) in enumerate(_RECAP, 1):
        written = N(p) if nik is None else _excel_truncated(N(p)) if nik == "truncated" else nik
        rows.append([i, name, written, where, jab, lvl, hasil, number, tahun])
    _titled_sheet(detail, ["RINCIAN TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN/KOTA SE-SULAWESI TENGGARA",
                           "DINAS PUPR PROVINSI SULAWESI TENGGARA"],
                  ["No", "Nama", "NIK", "Kab/Kota", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat",
                   "Tahun"], rows)
    return _save(wb)


# (person, name as written, jabatan, jenjang as written, hasil, number, issued)
_EXPERTS = [
    ("pv1", "Ir. MUH. ARSYAD TOMBILI, M.T.", "Ahli Madya Teknik Jembatan", "Ahli Madya", "Kompeten",
     "SKK-7400-2025-00801", "2025-08-20"),
    ("pv2", "SITTI MARWAH, S.T.", "Ahli Muda Teknik Bangunan Gedung", "Ahli Muda", "Kompeten",
     "SKK-7400-2025-00802", "2025-08-20"),
    ("pv3", "Dr. Ir. AHMAD ZAINAL ARIFIN, M.Sc.", "Ahli Utama Manajemen Konstruksi", "Ahli Utama", "Kompeten",
     "SKK-7400-2025-00803", "2025-08-20"),
    ("kl5", "AKBAR PRATAMA, S.T.", "Ahli Muda Teknik Jalan", "Ahli Muda", "Kompeten", "SKK-7400-2025-00804",
     "2025-08-20"),
    ("pv4", "BAHARUDDIN, S.T.", "Ahli Muda Teknik Sumber Daya Air", "Ahli Muda", "Belum Kompeten", "", None),
    ("pv5", "SRI WAHYUNI, S.T.", "Ahli Muda K3 Konstruksi", "Ahli Muda", "Kompeten", "dalam proses", None),
]
_FRESH = [
    ("fg1", "RAHMAT HIDAYAT, S.T.", "Ahli Muda Teknik Jalan", "7", "Kompeten", "SKK-7400-2025-00805",
     "2025-08-20"),
    # the trap of DOMAIN.md: "Madya" in a technician title, the explicit 5 wins
    ("fg2", "NURUL FITRIANI, S.T.", "Quantity Surveyor Madya", "5", "Kompeten", "SKK-7400-2025-00806",
     "2025-08-20"),
    ("kw2", "SITI NURHALIZA, A.Md.", "Juru Gambar Arsitektur", "4", "Kompeten", "SKK-7400-2025-00807",
     "2025-08-20"),
    ("fg4", "ANDI MUH. YUSUF, S.T.", "Pengawas Lapangan Pekerjaan Jalan", "6", "Kompeten",
     "SKK-7400-2025-00808", "2025-08-20"),
    ("fg5", "WIWIN HANDAYANI, S.T.", "Pelaksana Lapangan Pekerjaan Gedung", "5", "Belum Kompeten", "", None),
]


def _province_program_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    header = ["No", "Nama Lengkap", "NIK", "Tempat Lahir", "Tanggal Lahir", "L/P", "Asal Kab/Kota",
              "Jabatan Kerja", "Jenjang", "Hasil", "Nomor Registrasi", "Tgl Terbit"]
    for k, (title, rows) in enumerate([("Tenaga Ahli", _EXPERTS), ("Fresh Graduate", _FRESH)]):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = title
        values = [[i, name, N(p), _PLACES[PERSONS[p][1]], _d(born(p)), sex(p), _PLACES[PERSONS[p][1]], jab, lvl,
                   hasil, number, _d(issued)]
                  for i, (p, name, jab, lvl, hasil, number, issued) in enumerate(rows, 1)]
        _titled_sheet(ws, [f"DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI {title.upper()}",
                           "DINAS PUPR PROVINSI SULAWESI TENGGARA TAHUN 2025"], header, values)
    return _save(wb)


# (person, provinsi, kab/kota, kualifikasi, subklasifikasi, jabatan, jenjang, number, issued, expires, asosiasi)
_SIKI = [
    ("kd5", "SULAWESI TENGGARA", "KOTA KENDARI", "Teknisi/Analis", "Survei dan Pemetaan", "Juru Ukur", 4,
     "SKK.7471.2024.00412", "2024-05-02", "2029-05-01", "ASTTI"),
    ("kl3", "SULAWESI TENGGARA", "KAB. KOLAKA UTARA", "Teknisi/Analis", "Bangunan Gedung",
     "Mandor Pekerjaan Gedung", 4, "SKK.7401.2023.00503", "2023-06-15", "2028-06-14", "ASTTI"),
    ("ks3", "SULAWESI SELATAN", "KAB. BULUKUMBA", "Operator", "Alat Berat", "Operator Crane", 3,
     "SKK.7405.2025.00013", "2025-03-20", "2030-03-19", "APTAKINDO"),
    ("pv1", "SULAWESI TENGGARA", "KOTA KENDARI", "Ahli", "Jembatan", "Ahli Madya Teknik Jembatan", 8,
     "SKK.7400.2025.00801", "2025-08-20", "2030-08-19", "HPJI"),
    ("sk1", "SULAWESI TENGGARA", "KAB. BOMBANA", "Ahli", "Jalan", "Ahli Muda Teknik Jalan", 7,
     "SKK.7406.2023.00071", "2023-03-10", "2028-03-09", "HPJI"),
    ("sk2", "SULAWESI TENGGARA", "KOTA KENDARI", "Teknisi/Analis", "Material", "Teknisi Laboratorium Beton", 5,
     "SKK.7471.2021.00052", "2021-02-01", "2026-01-31", "ASTTI"),
    ("kt1", "SULAWESI TENGGARA", "KAB. KOLAKA TIMUR", "Operator", "Alat Berat", "Operator Bulldozer", 3,
     "SKK.7411.2024.00015", "2024-04-15", "2029-04-14", "APTAKINDO"),
    ("kw1", "SULAWESI TENGGARA", "KAB. KONAWE", "Operator", "Alat Berat", "Operator Excavator", 3,
     "SKK.7402.2024.00101", "2024-09-10", "2029-09-09", "APTAKINDO"),
    # certified by Kota Makassar (another province), now domiciled in Kendari: no re-report (rule 3
    # is about the province's own regencies and cities); counted in 73.71 and in 74
    ("mk1", "SULAWESI TENGGARA", "KOTA KENDARI", "Operator", "Alat Berat", "Operator Excavator", 3,
     "SKK.7371.2024.00055", "2024-08-08", "2029-08-07", "APTAKINDO"),
]


def _siki_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data SKK"
    header = ["No", "NIK", "Nama", "Provinsi", "Kab/Kota", "Kualifikasi", "Subklasifikasi", "Jabatan Kerja",
              "Jenjang", "LSP", "Nomor Registrasi", "Tanggal Ditetapkan", "Masa Berlaku", "Asosiasi"]
    for c, h in enumerate(header, 1):
        ws.cell(1, c, h)
    for i, (p, prov, kab, kual, sub, jab, lvl, number, issued, expires, asosiasi) in enumerate(_SIKI, 1):
        values = [i, N(p), PERSONS[p][0].upper(), prov, kab, kual, sub, jab, lvl, "LSP GATENSI KARYA KONSTRUKSI",
                  number, dmy(issued), dmy(expires), asosiasi]
        for c, v in enumerate(values, 1):
            cell = ws.cell(1 + i, c, v)
            if c == 2:
                cell.number_format = "@"
    return _save(wb)


# --- round 2: files whose title, folder and sheets disagree about who reported them -------------

# Muna's own 2024 list, forwarded by the province into its folder (Muna has no upload of its own):
# the title speaks for Muna's office, skilled workers 1-3, Muna NIKs: Muna's (rule 2)
_MUNA_2024 = [
    ("mu1", "Operator Excavator", 3, "Kompeten", "SKK-7403-2024-00007", "2024-10-01"),
    ("mu3", "Tukang Kayu", 2, "Kompeten", "SKK-7403-2024-00008", "2024-10-01"),
    ("mu5", "Operator Bulldozer", 3, "Belum Kompeten", "", None),
]


def _muna_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_MUNA_2024, 1)]
    _titled_sheet(ws, ["PEMERINTAH KABUPATEN MUNA",
                       "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN MUNA",
                       "DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2024"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# The province's workbook of one sheet per regency/city, each sheet keeping the title of the list
# it was copied from and no word of the province: the province sent it, from its own folder, and
# it names three regions, so it speaks for none of them. (sheet, title region, rows of (person,
# jabatan, jenjang, hasil, number))
_PER_REGION = [
    ("Konawe", "KABUPATEN KONAWE", [
        ("kw3", "Tukang Besi Beton", 2, "Kompeten", "SKK-7402-2024-00103"),
        ("kw5", "Mandor Pekerjaan Jalan", 4, "Kompeten", "SKK-7402-2024-00105"),
    ]),
    ("Muna", "KABUPATEN MUNA", [
        ("mu4", "Tukang Besi Beton", 2, "Kompeten", "SKK-7403-2024-00009"),
    ]),
    ("Kendari", "KOTA KENDARI", [
        ("kd7", "Tukang Batu", 2, "Kompeten", "1.2.202.2.174.71.0004513"),
        ("kd8", "Juru Ukur", 4, "Kompeten", ""),
    ]),
]


def _per_region_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    for k, (sheet, region, entries) in enumerate(_PER_REGION):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = sheet
        rows = [[i, PERSONS[p][0].upper(), N(p), jab, lvl, hasil, number, 2024]
                for i, (p, jab, lvl, hasil, number) in enumerate(entries, 1)]
        _titled_sheet(ws, [f"DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT {region}", "TAHUN 2024"],
                      ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat", "Tahun"], rows)
    return _save(wb)


# The province's experts of 2024 in Kolaka's folder: the title speaks for the province's office,
# experts 8 and 7, Kolaka KTPs: the province's (rule 2; NIKs say where KTPs were issued)
_EXPERTS_2024 = [
    ("pv6", "SYAMSUL BAHRI, S.T., M.T.", "Ahli Madya Teknik Jalan", 8, "SKK-7400-2024-00611", "2024-11-11"),
    ("pv7", "NURHAYATI, S.T.", "Ahli Muda Teknik Bangunan Gedung", 7, "SKK-7400-2024-00612", "2024-11-11"),
]


def _experts_2024_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ahli 2024"
    rows = [[i, name, N(p), ttl(p), jab, lvl, "Kompeten", number, _d(issued)]
            for i, (p, name, jab, lvl, number, issued) in enumerate(_EXPERTS_2024, 1)]
    _titled_sheet(ws, ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG PROVINSI SULAWESI TENGGARA",
                       "DAFTAR TENAGA AHLI KONSTRUKSI BERSERTIFIKAT TAHUN 2024"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "Jabatan Kerja", "Jenjang", "Hasil",
                   "Nomor Registrasi", "Tanggal Terbit"], rows)
    return _save(wb)


# The province's Mobile Training Unit held in Konawe: operators, Konawe KTPs, the title naming the
# province's office as the organiser and Konawe as the place: the province's own program (rule 2)
_MTU_KONAWE = [
    ("mt1", "Operator Excavator", 3, "Kompeten", "SKK-7400-2025-00901", "2025-05-14"),
    ("mt2", "Tukang Batu", 2, "Kompeten", "SKK-7400-2025-00902", "2025-05-14"),
    ("mt3", "Tukang Kayu", 2, "Kompeten", "SKK-7400-2025-00903", "2025-05-14"),
    # Konawe certified him Tukang Besi Beton 2 in 2024: a new jenjang, the province's
    ("kw3", "Operator Excavator", 3, "Kompeten", "SKK-7400-2025-00904", "2025-05-14"),
    ("mt4", "Operator Bulldozer", 3, "Belum Kompeten", "", None),
]


def _mtu_konawe_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "MTU Konawe"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_MTU_KONAWE, 1)]
    _titled_sheet(ws, ["PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI MELALUI MOBILE TRAINING UNIT (MTU)",
                       "DINAS PUPR PROVINSI SULAWESI TENGGARA",
                       "LOKASI: KABUPATEN KONAWE, TAHUN 2025"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# Konawe Selatan's 2024 list, its title naming the province after the regency, as regency
# letterheads do: still Konawe Selatan's
_KONSEL_2024 = [
    ("ks7", "Operator Excavator", 3, "Kompeten", "SKK-7405-2024-00201", "2024-11-05"),
    ("ks8", "Juru Ukur", 4, "Kompeten", "SKK-7405-2024-00202", "2024-11-05"),
]


def _konsel_2024_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KONSEL_2024, 1)]
    _titled_sheet(ws, ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI",
                       "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN KONAWE SELATAN PROVINSI SULAWESI TENGGARA",
                       "TAHUN ANGGARAN 2024"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# --- round 3 --------------------------------------------------------------------------------

# The province's 2025 recap as provinces print them for a report: no NIK column (personal data),
# a group row per regency/city ("KABUPATEN KONAWE SELATAN") above its workers and a "Jumlah" row
# under them. (group, rows of (person, name as written, jabatan, jenjang, number))
_RECAP_2025 = [
    ("KABUPATEN KONAWE SELATAN", [
        ("ks2", "WA ODE SARINA", "Tukang Kayu", 2, "SKK-7405-2025-00012"),
        ("ks3", "ANDI BASO", "Operator Crane", 3, "SKK-7405-2025-00013"),
        ("ks6", "SUMARNI", "Juru Ukur", 4, ""),
    ]),
    ("KOTA KENDARI", [
        ("kd1", "IRWAN SAPUTRA", "Operator Excavator", 3, "SKK-7471-2025-00021"),
        ("kd2", "NUR AISYAH", "Tukang Kayu", 2, "SKK-7471-2025-00022"),
        ("rc1", "FADLI RAHMAN", "Operator Crane", 3, ""),
    ]),
    ("KABUPATEN BOMBANA", [
        ("rc2", "MARLINA", "Tukang Kayu", 2, ""),
    ]),
]


def _recap_2025_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap 2025"
    header = ["No", "Nama", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat", "Tahun"]
    ws.cell(1, 1, "REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN/KOTA")
    ws.cell(2, 1, "DINAS PUPR PROVINSI SULAWESI TENGGARA TAHUN 2025")
    for c, h in enumerate(header, 1):
        ws.cell(4, c, h)
    r = 5
    for group, entries in _RECAP_2025:
        ws.cell(r, 1, group)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(header))
        r += 1
        for i, (p, name, jab, lvl, number) in enumerate(entries, 1):
            for c, v in enumerate([i, name, jab, lvl, "Kompeten", number, 2025], 1):
                ws.cell(r, c, v)
            r += 1
        ws.cell(r, 2, f"Jumlah {group.title()}")
        ws.cell(r, 4, len(entries))
        r += 1
    return _save(wb)


_MAKASSAR_2024 = [
    ("mk1", "Operator Excavator", 3, "Kompeten", "SKK-7371-2024-00055", "2024-08-08"),
    ("mk2", "Tukang Kayu", 2, "Kompeten", "SKK-7371-2024-00056", "2024-08-08"),
]


def _makassar_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_MAKASSAR_2024, 1)]
    _titled_sheet(ws, ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA MAKASSAR TAHUN 2024"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# --- round 4: a regency's or city's file in another office's folder, named as people write it ---

# Baubau's 2025 list, forwarded into the province's folder: its letterhead writes the city as the
# city writes itself, "KOTA BAUBAU" (Kemendagri's list: "Kota Bau Bau"; also "Bau-Bau"): Baubau's
_BAUBAU_2025 = [
    ("bb5", "Operator Excavator", 3, "Kompeten", "SKK-7472-2025-00041", "2025-04-10"),
    ("bb6", "Tukang Kayu", 2, "Kompeten", "SKK-7472-2025-00042", "2025-04-10"),
    # a second jabatan at jenjang 3: still one person in 74.72/3
    ("bb1", "Operator Crane", 3, "Kompeten", "SKK-7472-2025-00043", "2025-04-10"),
]


def _baubau_2025_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_BAUBAU_2025, 1)]
    _titled_sheet(ws, ["PEMERINTAH KOTA BAUBAU", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
                       "DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2025"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# Konawe Selatan's Mobile Training Unit list in its neighbour Konawe's folder, the regency written
# in its short form in the title and the file name ("KAB. KONSEL", "MTU Konsel"): Konawe Selatan's
_KONSEL_MTU_2025 = [
    ("ks9", "Tukang Besi Beton", 2, "Kompeten", "SKK-7405-2025-00051", "2025-06-02"),
    ("ks10", "Operator Excavator", 3, "Kompeten", "SKK-7405-2025-00052", "2025-06-02"),
]


def _konsel_mtu_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "MTU"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KONSEL_MTU_2025, 1)]
    _titled_sheet(ws, ["DAFTAR PESERTA PELATIHAN DAN UJI KOMPETENSI MOBILE TRAINING UNIT",
                       "DINAS PUPR KAB. KONSEL TAHUN 2025"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# --- round 5: titles that name two offices, or a city's expert in the province's folder --------

# Kendari's 2026 list forwarded into the province's folder: the title speaks for the city's office,
# one of its three certified is an Ahli Muda (a city may certify an expert: round 3): Kendari's
_KENDARI_2026 = [
    ("kd10", "Tukang Kayu", 2, "Kompeten", "SKK-7471-2026-00011", "2026-03-16"),
    ("kd11", "Operator Excavator", 3, "Kompeten", "SKK-7471-2026-00012", "2026-03-16"),
    ("kd12", "Ahli Muda Teknik Jalan", "Ahli Muda", "Kompeten", "SKK-7471-2026-00013", "2026-03-16"),
]


def _kendari_2026_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KENDARI_2026, 1)]
    _titled_sheet(ws, ["PEMERINTAH KOTA KENDARI", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
                       "DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2026"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# Kolaka's 2025 program run jointly with the province ("KERJASAMA DINAS PUPR PROVINSI ... DENGAN
# DINAS PUPR KABUPATEN KOLAKA"), in Kolaka's own folder: the title speaks for both offices, so it
# is no other office's file; Kolaka sent it, skilled workers, Kolaka KTPs: Kolaka's (rule 2)
_KOLAKA_2025 = [
    ("kl7", "Operator Excavator", 3, "Kompeten", "SKK-7401-2025-00601", "2025-09-09"),
    ("kl8", "Juru Ukur", 4, "Kompeten", "SKK-7401-2025-00602", "2025-09-09"),
    ("kl9", "Tukang Batu", 2, "Kompeten", "SKK-7401-2025-00603", "2025-09-09"),
]


def _kolaka_joint_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    rows = [[i, PERSONS[p][0].upper(), N(p), ttl(p), sex(p), jab, lvl, hasil, number, _d(issued)]
            for i, (p, jab, lvl, hasil, number, issued) in enumerate(_KOLAKA_2025, 1)]
    _titled_sheet(ws, ["PELATIHAN DAN UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2025",
                       "KERJASAMA DINAS PUPR PROVINSI SULAWESI TENGGARA DENGAN DINAS PUPR KABUPATEN KOLAKA"],
                  ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit"], rows)
    return _save(wb)


# --- round 7: when a province row is the regency's certificate, and when it is not ------------

# The province's 2025 addendum. (person, NIK as written, Kab/Kota, jabatan, jenjang, number,
# issued, masa berlaku, tahun)
_ADDENDUM = [
    # Kolaka's certificate (issued 15 Jun 2023, valid to 14 Jun 2028): the clerk wrote the end of
    # 2028, under a year apart, no number: the same certificate, Kolaka's (rules 3 and 6)
    ("kl4", None, "Kab. Kolaka", "Operator Dump Truck", 2, "", None, "2028-12-31", 2023),
    # Kendari's SKT of 2019 (expired 31 Dec 2022) renewed by a new SKK in 2025, no number: another
    # validity, another certificate, the province's own (rule 3's "new SKK after the SKT expired")
    ("kd7", None, "Kota Kendari", "Tukang Batu", 2, "", "2025-05-05", None, 2025),
    # a namesake of Kendari's Muhammad Fajar (same jabatan, jenjang and year), no NIK, another birth
    # date: two persons (rule 3), the province's own
    ("fj2", "-", "Kota Kendari", "Mandor Pekerjaan Tanah", 4, "", None, None, 2025),
]


def _addendum_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tambahan"
    rows = [[i, PERSONS[p][0].upper(), N(p) if nik is None else nik, _d(born(p)), where, jab, lvl, "Kompeten",
             number, _d(issued), _d(expires), tahun]
            for i, (p, nik, where, jab, lvl, number, issued, expires, tahun) in enumerate(_ADDENDUM, 1)]
    _titled_sheet(ws, ["DATA TAMBAHAN TENAGA KERJA KONSTRUKSI BERSERTIFIKAT",
                       "DINAS PUPR PROVINSI SULAWESI TENGGARA TAHUN 2025"],
                  ["No", "Nama", "NIK", "Tgl Lahir", "Kab/Kota", "Jabatan Kerja", "Jenjang", "Hasil",
                   "No. Sertifikat", "Tgl Terbit", "Masa Berlaku", "Tahun"], rows)
    return _save(wb)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    (landing / "kab-konawe" / "Peserta Uji Kompetensi 2024.xlsx").write_bytes(_konawe_xlsx())
    (landing / "kab-konawe-selatan" / "Hasil Uji TKK Konsel 2025.csv").write_bytes(_konsel_csv())
    (landing / "kab-kolaka" / "Hasil UK Kolaka 2023.xlsx").write_bytes(_kolaka_xlsx())
    (landing / "kota-kendari" / "Data TKK Bersertifikat Kota Kendari.xlsx").write_bytes(_kendari_xlsx())
    (landing / "kota-baubau" / "Peserta Sertifikasi 2024.xlsx").write_bytes(_baubau_xlsx())
    prov = landing / "prov-sultra"
    (prov / "Rekap Sertifikasi Kab-Kota se-Sultra 2023-2024.xlsx").write_bytes(_recap_xlsx())
    (prov / "Pelatihan Sertifikasi Ahli dan Fresh Graduate 2025.xlsx").write_bytes(_province_program_xlsx())
    (prov / "Export SIKI SKK Sultra.xlsx").write_bytes(_siki_xlsx())
    (prov / "DATA TKK KAB MUNA 2024.xlsx").write_bytes(_muna_xlsx())
    (prov / "Rekap per Kab-Kota 2024.xlsx").write_bytes(_per_region_xlsx())
    (prov / "Pelatihan Operator MTU 2025.xlsx").write_bytes(_mtu_konawe_xlsx())
    (landing / "kab-kolaka" / "Daftar Tenaga Ahli 2024.xlsx").write_bytes(_experts_2024_xlsx())
    (landing / "kab-konawe-selatan" / "Daftar Peserta UK TA 2024.xlsx").write_bytes(_konsel_2024_xlsx())
    (prov / "Rekap TKK Bersertifikat Kab-Kota 2025.xlsx").write_bytes(_recap_2025_xlsx())
    (landing / "kota-makassar" / "Peserta Sertifikasi TKK 2024.xlsx").write_bytes(_makassar_xlsx())
    (prov / "Data Peserta UK 2025.xlsx").write_bytes(_baubau_2025_xlsx())
    (landing / "kab-konawe" / "Peserta MTU Konsel 2025.xlsx").write_bytes(_konsel_mtu_xlsx())
    (prov / "Peserta UK 2026.xlsx").write_bytes(_kendari_2026_xlsx())
    (landing / "kab-kolaka" / "Pelatihan Kerjasama 2025.xlsx").write_bytes(_kolaka_joint_xlsx())
    (prov / "Data Tambahan 2025.xlsx").write_bytes(_addendum_xlsx())
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026) from docs/warehouse.md's rules: (certified, active,
# unknown) per cell. Issued 2023-2025 with a date: active (5 years). SKT of 2019: old scheme,
# expired 31 Dec 2022.
# 74.01  Kolaka 2023: 2 Hasrianti, Samsul; 3 Jumadil; 4 Amiruddin (KTP Kolaka Utara, still
#        Kolaka's: the recap's "Kab. Kolaka Utara" and the SIKI row are re-reports); 6 Akbar (his
#        Ahli Muda is the province's, another cell). Nasrun BK. The province's experts list in
#        Kolaka's folder is the province's (its title), not Kolaka's.
# 74.02  Konawe 2024: 2 Asrul; 3 Lukman, Made (KTP Badung, Bali), Rusdin; 4 Sitti Nurhaliza ("dalam
#        proses", program year 2024: active), Yusran (KTP Kolaka Timur). Haerul BK. The recap's
#        Lukman (number), Made (number with spaces), Rusdin (NIK, jenjang, jabatan), SIKI's
#        Lukman (number with dots) and the per-region workbook's Asrul and Yusran are re-reports;
#        the province's MTU held in Konawe is the province's.
# 74.03  Muna (its own list, in the province's folder): 2 Wa Ode Fitriani; 3 La Ode Safiuddin (the
#        recap's row of his number is now a re-report of Muna's). Kamaluddin BK.
# 74.05  Konawe Selatan 2025: 2 Wa Ode Sarina (KTP Muna); 3 Rusdin (again, Motor Grader: counted
#        here too), Andi Baso (KTP Bulukumba; SIKI's row is a re-report); 4 Sumarni (no number,
#        program year 2025); 5 La Ode Ikbal (KTP Kendari). Ketut BK. 2024 (title "... KABUPATEN
#        KONAWE SELATAN PROVINSI SULAWESI TENGGARA"): 3 Rizal; 4 Nining.
# 74.71  Kendari: 2 Nur Aisyah (2025), Nasir (SKT 2019: expired; the per-region workbook's row of
#        his number is a re-report); 3 Irwan, Gede (KTP Denpasar); 4 Fajar ("dalam proses", 2025),
#        Ridwan (SKT 2019: expired here). Jufri BK.
# 74.72  Baubau 2024: 2 Harmin (KTP Buton); 3 La Ode Hasrun, Sahrun (the recap's "SAHRUN" without
#        NIK is his re-report); 4 Wa Ode Nurmala (recap re-report by number).
# 74     the province office: 2 Wa Ode Rahmawati (recap only, Muna, no number, year 2021: expires
#        some day of 2026, unknown), La Ode Munarfin (the per-region workbook's Muna sheet, a number
#        Muna's own list does not hold), Sarifuddin, Asniati (MTU 2025); 3 Yusuf Tamalaki (Kolaka
#        Timur, recap and SIKI), Ardiansyah, Asrul (MTU 2025: his Operator Excavator 3 is a new
#        jenjang); 4 Hasnawati (Kolaka Timur, recap year 2023), Sitti Nurhaliza (fresh graduate,
#        Juru Gambar Arsitektur: another jabatan than Konawe's Juru Ukur), Ridwan (SIKI's new SKK
#        of 2024: another number and validity than Kendari's SKT), Rini (the per-region
#        workbook's Kendari sheet, year 2024); 5 Nurul (Quantity Surveyor Madya, jenjang 5),
#        Hamsina (SIKI, to 31 Jan 2026: expired); 6 Andi Muh. Yusuf; 7 Sitti Marwah, Akbar, Sri
#        Wahyuni ("dalam proses", program year 2025), Rahmat Hidayat, Hendra (SIKI, 2023), Nurhayati
#        (2024, from Kolaka's folder); 8 Arsyad (program and SIKI: one certificate), Syamsul (2024,
#        from Kolaka's folder); 9 Ahmad Zainal. La Ode Abdul Gani (Butur), Baharuddin, Wiwin,
#        Ismail BK.
# Round 3. 74.71: 7 Yohanes (Ahli Muda in the city's own list: the city's). 74: the 2025 recap
#        without NIKs re-reports Wa Ode Sarina, Andi Baso (numbers), Sumarni (name, jenjang,
#        jabatan, year), Irwan, Nur Aisyah (numbers); its own rows: 2 Marlina (Bombana, not in the
#        registry), 3 Fadli (under "KOTA KENDARI", a certificate Kendari did not report); 3 Andi
#        Irfan, certified by Kota Makassar (73.71) and listed by the SIKI export under the same
#        number: no re-report (another province), a person in both cells. 73.71: 2 Rosmiati,
#        3 Andi Irfan.
# Round 4. 74.72: Baubau's 2025 list in the province's folder ("PEMERINTAH KOTA BAUBAU"): 2 Wa Ode
#        Hasnia, 3 La Ode Rusli (La Ode Hasrun's Operator Crane: already in the cell). 74.05:
#        the MTU list of "KAB. KONSEL" in Konawe's folder: 2 Yamin, 3 Asnawi.
# Round 5. 74.71: Kendari's 2026 list in the province's folder (issued 16 Mar 2026): 2 Agustina,
#        3 Hendrik, 7 Bambang (Ahli Muda). 74.01: Kolaka's joint program with the province (Sep
#        2025), in Kolaka's folder: 2 Ardin, 3 Rudy, 4 Sitti Hajar.
# Round 7. The province's 2025 addendum: Samsul's row (masa berlaku 31 Dec 2028, no number, year
#        2023) is Kolaka's certificate; 74 gains 2 Nasir (new SKK of May 2025: the SKT of 2019
#        ended 31 Dec 2022, years apart) and 4 Muhammad Fajar's namesake (no NIK, born 1985, not
#        Kendari's Fajar born 1992).
TRUTH = {
    ("74.01", 2): (3, 3, 0), ("74.01", 3): (2, 2, 0), ("74.01", 4): (2, 2, 0), ("74.01", 6): (1, 1, 0),
    ("74.02", 2): (1, 1, 0), ("74.02", 3): (3, 3, 0), ("74.02", 4): (2, 2, 0),
    ("74.03", 2): (1, 1, 0), ("74.03", 3): (1, 1, 0),
    ("74.05", 2): (2, 2, 0), ("74.05", 3): (4, 4, 0), ("74.05", 4): (2, 2, 0), ("74.05", 5): (1, 1, 0),
    ("74.71", 2): (3, 2, 0), ("74.71", 3): (3, 3, 0), ("74.71", 4): (2, 1, 0), ("74.71", 7): (2, 2, 0),
    ("74.72", 2): (2, 2, 0), ("74.72", 3): (3, 3, 0), ("74.72", 4): (1, 1, 0),
    ("74", 2): (6, 5, 1), ("74", 3): (5, 5, 0), ("74", 4): (5, 5, 0), ("74", 5): (2, 1, 0), ("74", 6): (1, 1, 0),
    ("74", 7): (6, 6, 0), ("74", 8): (2, 2, 0), ("74", 9): (1, 1, 0),
    ("73.71", 2): (1, 1, 0), ("73.71", 3): (1, 1, 0),
}

# Sulawesi Tenggara as a whole (certified_workers_by_province): a person counts once per jenjang
# however many of its offices certified them (Rusdin at 3 in Konawe and Konawe Selatan; Sitti
# Nurhaliza at 4 in Konawe and the province; Ridwan at 4 in Kendari, expired, and the province,
# active). jenjang: (certified, active, unknown)
# 2 Asrul, Wa Ode Sarina, Hasrianti, Samsul, Nur Aisyah, Nasir (expired), Harmin, Wa Ode Rahmawati
#   (unknown), Wa Ode Fitriani, Munarfin, Sarifuddin, Asniati; 3 Lukman, Made, Rusdin, Andi Baso,
#   Jumadil, Irwan, Gede, La Ode Hasrun, Sahrun, Safiuddin, Yusuf Tamalaki, Ardiansyah, Asrul,
#   Rizal; 4 Sitti Nurhaliza, Yusran, Sumarni, Amiruddin, Fajar, Ridwan, Nurmala, Hasnawati, Rini,
#   Nining; 5 Ikbal, Nurul, Hamsina (expired); 6 Akbar, Andi Muh. Yusuf; 7-9 as the province
#   office's cells. Round 3: 2 Marlina; 3 Fadli, Andi Irfan (Makassar's certificate, listed by
#   Sultra's SIKI export); 7 Yohanes (Kendari's). Round 4: 2 Wa Ode Hasnia, Yamin; 3 La Ode
#   Rusli, Asnawi. Round 5: 2 Agustina, Ardin; 3 Hendrik, Rudy; 4 Sitti Hajar; 7 Bambang. Round 7:
#   Nasir active at 2 (the province's new SKK); 4 Muhammad Fajar's namesake.
PROVINCE_TRUTH = {2: (17, 16, 1), 3: (20, 20, 0), 4: (12, 12, 0), 5: (3, 2, 0), 6: (2, 2, 0), 7: (8, 8, 0),
                  8: (2, 2, 0), 9: (1, 1, 0)}

# Every person of PERSONS has a row in an accepted file; the recap's "SAHRUN" is Baubau's Sahrun.
TRUE_PERSONS = 73


# docs/warehouse.md's question "How many participants certified in Kaltim hold a KTP from outside
# the province (or the regency)?", for Sulawesi Tenggara
KTP_SQL = """
SELECT f.office_id,
       COUNT(DISTINCT f.person_key) AS certified_participants,
       COUNT(DISTINCT CASE WHEN f.home_province_code <> '74' THEN f.person_key END) AS ktp_outside_province,
       COUNT(DISTINCT CASE WHEN f.home_regency_code <> f.region_code THEN f.person_key END) AS ktp_outside_regency,
       COUNT(DISTINCT CASE WHEN f.home_province_code IS NULL THEN f.person_key END) AS ktp_unknown
FROM fact_participation f
WHERE f.province_code = '74' AND f.hasil = 'Kompeten'
GROUP BY f.office_id
ORDER BY f.office_id
"""

# Counted by hand: persons with a Kompeten row of the office (re-reports included, a file in
# another office's folder at the office it is credited to), of them KTPs outside Sulawesi
# Tenggara, outside the office's region, and unknown.
# kab-kolaka: Jumadil, Hasrianti, Amiruddin (KTP Kolaka Utara), Samsul, Akbar, Rudy, Sitti Hajar,
#   Ardin; kab-konawe: Lukman, Sitti Nurhaliza, Asrul, Made (Bali), Yusran (Kolaka Timur), Rusdin
#   (Konawe Selatan); kab-muna: Safiuddin, Wa Ode Fitriani; kab-konawe-selatan: Rusdin, Wa Ode
#   Sarina (Muna), Andi Baso (Sulawesi Selatan), Ikbal (Kendari), Sumarni, Rizal, Nining, Yamin,
#   Asnawi; kota-kendari: Ridwan, Nasir, Irwan, Nur Aisyah, Gede (Bali), Fajar, Yohanes (Sulawesi
#   Selatan), Agustina, Hendrik, Bambang; kota-baubau: Hasrun, Nurmala, Harmin (Buton), Sahrun,
#   Rusli, Hasnia; prov-sultra: 42 (the 2023-2024 recap 12, the program 9, SIKI 5 more, the
#   per-region workbook 5, the MTU 3 more, the 2024 experts 2, the 2025 recap 6 more), KTPs outside
#   the province: Made, Sitti Marwah, Ahmad Zainal, Rahmat, Nurul, Andi Muh. Yusuf, Andi Baso,
#   Andi Irfan; unknown: Fadli and Marlina (the NIK-less recap), Fajar's namesake (the addendum's
#   "-", which adds him and Samsul); every known KTP is outside the
#   region "74" (a province's region holds no KTP: docs/warehouse.md says so).
KTP_TRUTH = {
    "kab-kolaka": (8, 0, 1, 0), "kab-konawe": (6, 1, 3, 0), "kab-konawe-selatan": (9, 1, 3, 0),
    "kab-muna": (2, 0, 0, 0), "kota-baubau": (6, 0, 1, 0), "kota-kendari": (10, 2, 2, 0),
    "prov-sultra": (44, 8, 41, 3),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world12")), PUBLISH,
        by_province="SELECT jenjang, certified_persons, active_persons, active_unknown_persons "
                    "FROM certified_workers_by_province WHERE province_code = '74'",
        ktp=KTP_SQL,
        participation="SELECT person_key, office_id, source_file, source_sheet, source_row, region_code, hasil, re_report "
                      "FROM fact_participation")


def test_the_world_is_as_counted():
    assert len(PERSONS) == TRUE_PERSONS
    assert len(TRUTH) == 30


def test_every_office_ingests(report):
    assert report.offices_failed == {}


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_the_province_as_a_whole_is_the_hand_count(report):
    got = {int(r.jenjang): (int(r.certified_persons), int(r.active_persons), int(r.active_unknown_persons))
           for r in report.by_province.itertuples()}
    assert got == PROVINCE_TRUTH


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS


def test_no_row_is_quarantined(report):
    assert sorted(zip(report.quarantine.source_file, report.quarantine.source_row.astype(str),
                      report.quarantine.rule)) == []


def test_the_recaps_re_reports_are_the_hand_count(report):
    # the recap's Lukman, Made, Rusdin, Jumadil, Hasrianti, Amiruddin, Sahrun, Nurmala, Safiuddin;
    # SIKI's Amiruddin, Andi Baso, Lukman; the per-region workbook's Asrul, Yusran, Nasir
    f = report.participation
    got = f[f.re_report].groupby("source_file").size().to_dict()
    assert got == {"Rekap Sertifikasi Kab-Kota se-Sultra 2023-2024.xlsx": 9, "Export SIKI SKK Sultra.xlsx": 3,
                   "Rekap per Kab-Kota 2024.xlsx": 3, "Rekap TKK Bersertifikat Kab-Kota 2025.xlsx": 5,
                   "Data Tambahan 2025.xlsx": 1}


@pytest.mark.parametrize("source_file, office_id", [
    ("DATA TKK KAB MUNA 2024.xlsx", "kab-muna"),
    ("Rekap per Kab-Kota 2024.xlsx", "prov-sultra"),
    ("Pelatihan Operator MTU 2025.xlsx", "prov-sultra"),
    ("Daftar Tenaga Ahli 2024.xlsx", "prov-sultra"),
    ("Daftar Peserta UK TA 2024.xlsx", "kab-konawe-selatan"),
    ("Data Peserta UK 2025.xlsx", "kota-baubau"),
    ("Peserta MTU Konsel 2025.xlsx", "kab-konawe-selatan"),
    ("Peserta UK 2026.xlsx", "kota-kendari"),
    ("Pelatihan Kerjasama 2025.xlsx", "kab-kolaka"),
])
def test_each_file_is_credited_to_the_office_that_reported_it(report, source_file, office_id):
    f = report.participation
    assert set(f[f.source_file == source_file].office_id) == {office_id}


def test_ktp_regions_are_the_hand_count(report):
    got = {r.office_id: (int(r.certified_participants), int(r.ktp_outside_province), int(r.ktp_outside_regency),
                         int(r.ktp_unknown)) for r in report.ktp.itertuples()}
    assert got == KTP_TRUTH
