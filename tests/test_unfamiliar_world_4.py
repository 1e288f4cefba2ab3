"""A fourth hand-made world: certificates issued 2018-2026, counted certified AND active by hand.

Six offices of four provinces no other world uses (Aceh 11, Sumatera Barat 13, Bali 51,
Kalimantan Barat 61), 48 persons, 6 files, judged on PUBLISH (30 June 2026): an SKK is valid
5 years from issue, old SKA/SKT certificates all expired on 31 December 2022.
- Kabupaten Aceh Besar (11.06): a holder list whose dates are written as a letter writes them,
  with the weekday ("Senin, 20 Mei 2024"), a "Berlaku s.d." column filled on some rows, one issue
  date that is only a year ("2021"), two only month and year ("Mei 2022"), one certificate known only by its number; a person
  re-certified after his SKT expired, one after his SKK expired (January 2026);
- the Aceh province (11): a recap with a program year per row and expiries as dd.mm.yyyy,
  re-reporting two Aceh Besar certificates (one by number, one without), beside its experts
  (one SKA holder re-certified in 2023) and a tukang whose 2018 SKT in Aceh Besar's list had
  expired, certified anew in the province's 2025 program (no number yet): not a re-report;
- Kota Padang (13.71): a CSV whose dates left Excel as serial numbers ("44635"), two typed over
  as the civil service writes an effective date, "TMT 05-08-2021" (terhitung mulai tanggal), two
  expiries given as a year only ("s.d. 2027");
- Kabupaten Badung (51.03): one sheet per budget year ("TA 2019", "TA 2021", ...), no dates at
  all: the sheet's year is the only hint of issue;
- the Bali province (51): a ';' CSV with the registry's "Tanggal Penetapan" as dd-Mmm-yyyy in
  Indonesian abbreviations ("08-Agt-2022"), re-reporting two Badung certificates;
- Kota Pontianak (61.71): real date cells, "Masa Berlaku" written as the period's length
  ("5 Tahun"), not a date.
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
    {"id": "prov-aceh", "name": "Dinas PUPR Aceh", "level": "province", "region_code": "11"},
    {"id": "kab-aceh-besar", "name": "Dinas PUPR Kabupaten Aceh Besar", "level": "regency", "region_code": "11.06"},
    {"id": "kota-padang", "name": "Dinas PUPR Kota Padang", "level": "city", "region_code": "13.71"},
    {"id": "prov-bali", "name": "Dinas PUPR Provinsi Bali", "level": "province", "region_code": "51"},
    {"id": "kab-badung", "name": "Dinas PUPR Kabupaten Badung", "level": "regency", "region_code": "51.03"},
    {"id": "kota-pontianak", "name": "Dinas PUPR Kota Pontianak", "level": "city", "region_code": "61.71"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    "a1": ("Teuku Rizal", "1106", "01", "1981-04-12", "L", 1),
    "a2": ("Cut Nyak Fitri", "1106", "02", "1990-07-08", "P", 2),
    "a3": ("Muhammad Iqbal", "1106", "03", "1986-01-19", "L", 3),
    "a4": ("Zulfikar", "1106", "04", "1975-05-05", "L", 1),
    "a5": ("Mukhlis", "1106", "05", "1983-11-23", "L", 2),
    "a6": ("Safrizal", "1106", "01", "1988-03-03", "L", 4),
    "a7": ("Nurul Akmal", "1106", "06", "1993-09-14", "P", 1),
    "a8": ("Fauzan Azima", "1106", "02", "1991-02-27", "L", 3),
    "a9": ("Rahmat Hidayat", "1106", "07", "1984-12-01", "L", 2),
    "a10": ("Zainal Abidin", "1106", "03", "1979-06-16", "L", 5),
    "a11": ("Dani Ramadhan", "1106", "08", "1994-02-09", "L", 1),
    "a12": ("Siti Rahmah", "1106", "09", "1996-05-21", "P", 2),
    "a13": ("Ridwan", "1106", "02", "1970-01-30", "L", 6),
    "e1": ("Teuku Ahmad Fadhil", "1171", "01", "1980-08-08", "L", 1),
    "e2": ("Saiful Bahri", "1171", "03", "1966-02-10", "L", 2),
    "e3": ("Rina Maulida", "1106", "04", "1992-10-30", "P", 3),
    "e4": ("Hendra Saputra", "1171", "02", "1962-04-04", "L", 1),
    "p1": ("Afrizal", "1371", "01", "1982-01-11", "L", 1),
    "p2": ("Yulia Fitri", "1371", "02", "1991-03-21", "P", 2),
    "p3": ("Hendri Saputra", "1371", "03", "1995-05-15", "L", 1),
    "p4": ("Rahmad Ilahi", "1371", "04", "1989-09-09", "L", 3),
    "p5": ("Dedi Irawan", "1371", "05", "1978-12-12", "L", 2),
    "p6": ("Syafrial", "1371", "01", "1974-07-07", "L", 5),
    "p7": ("Ilham Putra", "1371", "06", "1990-02-02", "L", 1),
    "p8": ("Rini Marlina", "1371", "02", "1994-04-24", "P", 4),
    "p9": ("Andika Pratama", "1371", "03", "1997-06-06", "L", 2),
    "p10": ("Fitra Yanti", "1371", "04", "1993-08-17", "P", 1),
    "p11": ("Zulkifli", "1371", "05", "1980-10-20", "L", 3),
    "p12": ("Nofriadi", "1371", "06", "1985-04-04", "L", 2),
    "p13": ("Desi Ratnasari", "1371", "01", "1992-11-29", "P", 6),
    "b1": ("I Wayan Sudarsana", "5103", "01", "1980-03-15", "L", 1),
    "b2": ("Ni Made Ayu Lestari", "5103", "02", "1992-06-18", "P", 2),
    "b3": ("I Ketut Arsana", "5103", "03", "1985-10-02", "L", 1),
    "b4": ("I Nyoman Sutama", "5103", "04", "1977-01-25", "L", 3),
    "b5": ("I Gede Putra Wijaya", "5103", "01", "1989-08-08", "L", 2),
    "b6": ("Komang Adi Saputra", "5103", "05", "1996-11-11", "L", 1),
    "b7": ("Ni Luh Sri Wahyuni", "5103", "02", "1983-05-05", "P", 4),
    "b8": ("I Made Wirawan", "5103", "06", "1991-12-30", "L", 1),
    "x1": ("I Made Suarjana", "5171", "01", "1968-09-09", "L", 1),
    "x2": ("Ni Putu Eka Pratiwi", "5171", "02", "1993-03-13", "P", 2),
    "x3": ("I Wayan Gede Sudiarta", "5102", "03", "1979-07-17", "L", 1),
    "k1": ("Hendra Wijaya", "6171", "01", "1984-02-14", "L", 1),
    "k2": ("Abang Syarif", "6171", "02", "1972-10-10", "L", 2),
    "k3": ("Utin Rahayu", "6171", "03", "1990-06-26", "P", 1),
    "k4": ("Gusti Ramadhan", "6171", "04", "1987-09-01", "L", 3),
    "k5": ("Yohanes Sinaga", "6171", "05", "1983-03-30", "L", 1),
    "k6": ("Lim Ah Kiong", "6171", "01", "1992-12-12", "L", 2),
    "k7": ("Rudi Tanjaya", "6171", "02", "1986-08-19", "L", 4),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex

_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
_HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_BLN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]


def surat(iso: str | None) -> str | None:
    """A date as a letter writes it: 'Senin, 20 Mei 2024'."""
    if not iso:
        return None
    d = date.fromisoformat(iso)
    return f"{_HARI[d.weekday()]}, {d.day} {_BULAN[d.month - 1]} {d.year}"


def serial(iso: str | None) -> str:
    """Excel's serial day number, as a CSV keeps a date cell formatted General."""
    return str((date.fromisoformat(iso) - date(1899, 12, 30)).days) if iso else ""


# --- Kabupaten Aceh Besar: a holder list, letter-style dates ----------------------------------

# (person, name, jabatan, jenjang, number, issued, berlaku s.d., result)
_ACEH_BESAR = [
    ("a1", "TEUKU RIZAL", "Tukang Batu", "2", "1.2.201.3.111.06.0000123", "2019-04-15", "2022-04-14", "K"),
    ("a1", "TEUKU RIZAL", "Tukang Batu", "2", "SKK-1106-2024-000101", "2024-05-20", None, "K"),
    ("a2", "CUT NYAK FITRI, A.Md", "Juru Ukur", "4", "SKK-1106-2021-000031", "2021-03-10", "2026-03-09", "K"),
    ("a3", "MUHAMMAD IQBAL", "Operator Excavator", "3", "SKK-1106-2021-000045", "2021-09-01", "2026-08-31", "K"),
    ("a4", "ZULFIKAR", "Tukang Kayu", "2", "1.2.204.2.111.06.0000088", "2018-07-02", None, "K"),
    ("a5", "MUKHLIS", "Operator Crane", "3", "SKK-1106-2022-000012", "2022-02-14", None, "K"),
    ("a5", "MUKHLIS", "Mandor Pekerjaan Jalan", "4", "SKK-1106-2025-000207", "2025-06-02", None, "K"),
    ("a6", "SAFRIZAL", "Tukang Besi Beton", "2", "SKK-1106-2021-000002", "2021-01-05", None, "K"),
    ("a6", "SAFRIZAL", "Tukang Besi Beton", "2", "SKK-1106-2026-000019", "2026-02-10", None, "K"),
    ("a7", "NURUL AKMAL, S.T.", "Pelaksana Lapangan Pekerjaan Gedung", "5", "SKK-1106-2021-000077", None,
     "2026-07-15", "K"),
    ("a8", "FAUZAN AZIMA", "Operator Bulldozer", "3", "SKK.3.1106.2023.00088", None, None, "K"),
    ("a9", "RAHMAT HIDAYAT", "Tukang Batu", "2", None, "2021", None, "K"),
    ("a10", "ZAINAL ABIDIN", "Operator Excavator", "3", None, None, None, "BK"),
    ("a11", "DANI RAMADHAN", "Operator Crane", "3", None, "2022", None, "K"),
    ("a12", "SITI RAHMAH", "Juru Ukur", "4", None, "Mei 2022", None, "K"),
    ("a13", "RIDWAN", "Tukang Kayu", "2", None, "Jan 2019", None, "K"),
]


def _aceh_besar_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data SKK"
    ws.append(["DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN ACEH BESAR TAHUN 2018 - 2026"])
    ws.append([])
    ws.append(["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "NO. SERTIFIKAT", "TANGGAL TERBIT",
               "BERLAKU S.D.", "HASIL"])
    for i, (p, name, jab, lvl, number, issued, until, result) in enumerate(_ACEH_BESAR, 1):
        issued_cell = issued if issued and not issued[:1].isdigit() or issued and len(issued) == 4 else surat(issued)
        ws.append([i, name, N(p), jab, lvl, number, issued_cell, surat(until), result])
    wb.save(path)


# --- the Aceh province: a recap with a year per row ---------------------------------------------

def _dots(iso: str | None) -> str | None:
    if not iso:
        return None
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y}"


# (person, name, jabatan, jenjang, number, tahun, masa berlaku)
_ACEH = [
    ("e1", "Ir. TEUKU AHMAD FADHIL, M.T.", "Ahli Muda Teknik Jalan", "7", None, "2022", "2027-05-13"),
    ("e2", "Dr. Ir. SAIFUL BAHRI, M.Eng", "Ahli Madya Teknik Jembatan", "8", None, "2020", None),
    ("e2", "Dr. Ir. SAIFUL BAHRI, M.Eng", "Ahli Madya Teknik Jembatan", "8", None, "2023", "2028-11-01"),
    ("e3", "RINA MAULIDA, S.T.", "Arsitek Muda", "Ahli Muda", None, "2021", None),
    ("e4", "Prof. HENDRA SAPUTRA", "Ahli Utama Manajemen Konstruksi", "9", None, "2024", None),
    # re-reports of Aceh Besar's certificates
    ("a3", "MUHAMMAD IQBAL", "Operator Excavator", "3", "SKK-1106-2021-000045", "2021", "2026-08-31"),
    ("a5", "MUKHLIS", "Mandor Pekerjaan Jalan", "4", None, "2025", None),
    # not a re-report: the province certified Zulfikar anew in its 2025 program (his SKT of 2018
    # in Aceh Besar's list long expired); the number had not arrived
    ("a4", "ZULFIKAR", "Tukang Kayu", "2", None, "2025", "2030-03-01"),
]


def _aceh_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append(["REKAPITULASI SERTIFIKASI TENAGA KERJA KONSTRUKSI PROVINSI ACEH"])
    ws.append(["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "NOMOR SERTIFIKAT", "TAHUN", "MASA BERLAKU",
               "KETERANGAN"])
    for i, (p, name, jab, lvl, number, tahun, until) in enumerate(_ACEH, 1):
        ws.append([i, name, N(p), jab, lvl, number, tahun, _dots(until), "Kompeten"])
    wb.save(path)


# --- Kota Padang: a CSV with Excel serial dates -------------------------------------------------

# (person, jabatan, jenjang, result, number, issued, berlaku s.d.)
_PADANG = [
    ("p1", "Tukang Batu", "2", "Kompeten", "SKK-1371-2022-0101", "2022-03-15", None),
    ("p2", "Juru Ukur", "4", "Kompeten", "SKK-1371-2021-0034", "2021-05-20", None),
    ("p3", "Operator Excavator", "3", "Kompeten", "SKK-1371-2025-0311", "2025-08-01", None),
    ("p4", "Operator Excavator", "3", "Belum Kompeten", None, None, None),
    ("p5", "Tukang Kayu", "2", "Kompeten", None, None, "2027-10-10"),
    ("p6", "Mandor Pekerjaan Gedung", "4", "Kompeten", "dalam proses", None, None),
    ("p7", "Operator Crane", "3", "Kompeten", "SKK-1371-2023-0044", "2023-02-01", None),
    ("p7", "Pelaksana Lapangan Pekerjaan Jalan", "5", "Kompeten", "SKK-1371-2025-0350", "2025-09-09", None),
    ("p8", "Tukang Besi Beton", "2", "Kompeten", "SKK-1371-2024-0200", "2024-01-10", None),
    ("p9", "Teknisi Laboratorium Beton", "5", "Belum Kompeten", None, None, None),
    # the clerk typed the civil service's "TMT" (terhitung mulai tanggal) before the date
    ("p10", "Juru Ukur", "4", "Kompeten", "SKK-1371-2021-0071", "TMT 05-08-2021", None),
    ("p11", "Tukang Batu", "2", "Kompeten", None, "TMT 01-02-2021", None),
    # only the expiry's year
    ("p12", "Tukang Kayu", "2", "Kompeten", None, None, "s.d. 2027"),
    ("p13", "Mandor Pekerjaan Jalan", "4", "Kompeten", None, None, "2026"),
]


def _padang_csv() -> bytes:
    lines = ["No,Nama Peserta,NIK,Tgl Lahir,Jabatan Kerja,Jenjang,Hasil Uji,No. Registrasi,Tgl Terbit,Berlaku s.d."]
    for i, (p, jab, lvl, result, number, issued, until) in enumerate(_PADANG, 1):
        lines.append(",".join([str(i), PERSONS[p][0].upper(), N(p), serial(born(p)), jab, lvl, result,
                               number or "", issued if issued and issued.startswith("TMT") else serial(issued),
                               until if until and not until[:1].isdigit() or until and len(until) == 4
                               else serial(until)]))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# --- Kabupaten Badung: a sheet per budget year --------------------------------------------------

# sheet -> (person, jabatan, jenjang, result)
_BADUNG = {
    "TA 2019": [("b1", "Tukang Batu", "2", "K"), ("b4", "Tukang Kayu", "2", "K"),
                ("b7", "Tukang Besi Beton", "2", "K")],
    "TA 2021": [("b2", "Juru Ukur", "4", "K"), ("b5", "Operator Crane", "3", "K")],
    "TA 2023": [("b1", "Tukang Batu", "2", "K"), ("b3", "Operator Excavator", "3", "K"),
                ("b8", "Operator Bulldozer", "3", "K")],
    "TA 2025": [("b4", "Tukang Kayu", "2", "K"), ("b5", "Mandor Pekerjaan Gedung", "4", "K"),
                ("b6", "Tukang Batu", "2", "BK")],
}


def _badung_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in _BADUNG.items():
        ws = wb.create_sheet(sheet)
        ws.append(["PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KABUPATEN BADUNG"])
        ws.append(["NO", "NAMA", "NIK", "L/P", "JABATAN KERJA", "JENJANG", "HASIL"])
        for i, (p, jab, lvl, result) in enumerate(rows, 1):
            ws.append([i, PERSONS[p][0], N(p), sex(p), jab, f"Jenjang {lvl}", result])
    wb.save(path)


# --- the Bali province: the registry's 'Tanggal Penetapan', Indonesian month abbreviations -----

def _abbr(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}-{_BLN[int(m) - 1]}-{y}"


# (person, jabatan, jenjang, issued)
_BALI = [
    ("x1", "Ahli Madya Teknik Bangunan Gedung", "8", "2019-10-10"),
    ("x1", "Ahli Madya Teknik Bangunan Gedung", "8", "2024-01-15"),
    ("x2", "Ahli Muda Teknik Jalan", "7", "2022-08-08"),
    ("x3", "Ahli Muda Teknik Sumber Daya Air", "7", "2021-04-01"),
    # re-reports of Badung's certificates (the province's recap has their program year as date)
    ("b3", "Operator Excavator", "3", "2023-11-20"),
    ("b1", "Tukang Batu", "2", "2023-11-20"),
]


def _bali_csv() -> bytes:
    lines = ["No;Nama;NIK;Jabatan Kerja;Jenjang;Status;Tanggal Penetapan"]
    for i, (p, jab, lvl, issued) in enumerate(_BALI, 1):
        lines.append(";".join([str(i), PERSONS[p][0], N(p), jab, lvl, "Kompeten", _abbr(issued)]))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


# --- Kota Pontianak: date cells, 'Masa Berlaku' as a length -------------------------------------

# (person, jabatan, jenjang, result, issued)
_PONTIANAK = [
    ("k1", "Operator Excavator", "3", "Kompeten", "2021-02-01"),
    ("k1", "Operator Excavator", "3", "Kompeten", "2026-03-03"),
    ("k2", "Tukang Batu", "2", "Kompeten", "2020-11-11"),
    ("k3", "Juru Ukur", "4", "Kompeten", "2023-06-06"),
    ("k4", "Tukang Kayu", "2", "Kompeten", "2021-12-20"),
    ("k5", "Operator Crane", "3", "Kompeten", "2022-07-07"),
    ("k5", "Mandor Pekerjaan Gedung", "4", "Kompeten", "2024-07-08"),
    ("k6", "Tukang Besi Beton", "2", "Belum Kompeten", None),
    ("k7", "Tukang Batu", "2", "Kompeten", "2025-05-05"),
]


def _pontianak_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["DAFTAR TENAGA KERJA KONSTRUKSI KOTA PONTIANAK"])
    ws.append(["No", "Nama Lengkap", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "Tgl Terbit", "Masa Berlaku"])
    for i, (p, jab, lvl, result, issued) in enumerate(_PONTIANAK, 1):
        ws.append([i, PERSONS[p][0], N(p), jab, lvl, result,
                   datetime.fromisoformat(issued) if issued else None, "5 Tahun" if issued else None])
        if issued:
            ws.cell(ws.max_row, 7).number_format = "dd/mm/yyyy"
    wb.save(path)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    _aceh_besar_xlsx(landing / "kab-aceh-besar" / "Data TKK Bersertifikat Aceh Besar.xlsx")
    _aceh_xlsx(landing / "prov-aceh" / "Rekap Sertifikasi Aceh 2020-2025.xlsx")
    (landing / "kota-padang" / "Hasil UK Padang.csv").write_bytes(_padang_csv())
    _badung_xlsx(landing / "kab-badung" / "Sertifikasi TKK Badung.xlsx")
    (landing / "prov-bali" / "rekap_skk_bali.csv").write_bytes(_bali_csv())
    _pontianak_xlsx(landing / "kota-pontianak" / "TKK Pontianak.xlsx")
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026): (certified, active, unknown) per cell.
# 11     Aceh province: 7 Fadhil (to 13.05.2027, active), Rina (program year 2021: expires some day
#        of 2026, unknown); 8 Saiful (SKA of 2020 expired; re-certified 2023, active); 9 Hendra (2024).
#        Iqbal and Mukhlis are re-reports of Aceh Besar's certificates; 2 Zulfikar, certified anew
#        in 2025 (to 01.03.2030), is not.
# 11.06  Aceh Besar: 2 Teuku Rizal (SKT expired, SKK 2024 active), Zulfikar (SKT 2018, expired),
#        Safrizal (SKK of Jan 2021 expired Jan 2026, new one Feb 2026: active), Rahmat (issued "2021":
#        unknown); 3 Iqbal (to 31 Aug 2026), Mukhlis (2022), Fauzan (number's year 2023), Dani
#        (issued "2022": valid through 2026): all active;
#        4 Cut Nyak Fitri (to 9 Mar 2026, expired), Mukhlis (2025, active); 5 Nurul (to 15 Jul 2026).
#        Issued written as month and year: 2 Ridwan ("Jan 2019": old scheme, expired); 4 Siti Rahmah
#        ("Mei 2022": to May 2027, active).
#        Zainal BK.
# 13.71  Padang: 2 Afrizal (2022), Dedi (to Oct 2027), Rini (2024): active; 3 Hendri (2025), Ilham
#        (2023): active; 4 Yulia (May 2021: expired May 2026), Syafrial (number in process, no date:
#        unknown); 5 Ilham (2025). Rahmad, Andika BK. Typed over with "TMT": 2 Zulkifli (TMT 1 Feb
#        2021: expired 31 Jan 2026); 4 Fitra (TMT 5 Aug 2021: active to 4 Aug 2026).
#        Only the expiry's year: 2 Nofriadi ("s.d. 2027": active); 4 Desi ("2026": expires some day
#        of this year, unknown).
# 51     Bali province: 7 Ni Putu (2022, active), Wayan Gede (Apr 2021, expired); 8 Suarjana (SKA
#        2019 expired, re-certified 2024). Ketut and Wayan Sudarsana re-report Badung.
# 51.03  Badung (the sheet's budget year only): 2 Wayan Sudarsana (2019 expired, 2023 active),
#        Nyoman (2019 and 2025: active), Ni Luh (2019 only: expired); 3 Ketut (2023), Made Wirawan
#        (2023): active, Gede (2021: unknown); 4 Ni Made (2021: unknown), Gede (2025: active).
#        Komang BK.
# 61.71  Pontianak: 2 Abang Syarif (SKT 2020, expired), Gusti (Dec 2021: to Dec 2026, active), Rudi
#        (2025); 3 Hendra (Feb 2021 expired, re-certified Mar 2026), Yohanes (2022); 4 Utin (2023),
#        Yohanes (2024). Lim BK.
TRUTH = {
    ("11", 2): (1, 1, 0),
    ("11", 7): (2, 1, 1), ("11", 8): (1, 1, 0), ("11", 9): (1, 1, 0),
    ("11.06", 2): (5, 2, 1), ("11.06", 3): (4, 4, 0), ("11.06", 4): (3, 2, 0), ("11.06", 5): (1, 1, 0),
    ("13.71", 2): (5, 4, 0), ("13.71", 3): (2, 2, 0), ("13.71", 4): (4, 1, 2), ("13.71", 5): (1, 1, 0),
    ("51", 7): (2, 1, 0), ("51", 8): (1, 1, 0),
    ("51.03", 2): (3, 2, 0), ("51.03", 3): (3, 2, 1), ("51.03", 4): (2, 1, 1),
    ("61.71", 2): (3, 2, 0), ("61.71", 3): (2, 2, 0), ("61.71", 4): (2, 2, 0),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(_world(tmp_path_factory.mktemp("world4")), PUBLISH)


def test_every_office_ingests(report):
    assert report.offices_failed == {}


# The Aceh province's 2025 certificate of Zulfikar (Masa Berlaku 01.03.2030) beside Aceh Besar's
# SKT of 2018 (expired 31 Dec 2022) is a second certificate, not a re-report: 11/2 counts him
# (rule 3 reads the validity each row states, warehouse.headline._expiries_differ).


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


# --- the rules this world needed, one table each ----------------------------------------------

@pytest.mark.parametrize(("text", "year"), [
    # a period after "TAHUN" names no one program year (Aceh Besar's holder list of 2018-2026)
    ("DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN ACEH BESAR TAHUN 2018 - 2026", None),
    ("REKAP SKK TA 2021 s.d. 2025", None),
    ("Tahun 2019 sampai dengan 2024", None),
    ("TAHUN 2021 s/d 2025", None),
    ("Tahun 2020\u20132025", None),
    # a year and something else after a dash is still the year
    ("PESERTA UJI KOMPETENSI TAHUN 2025 - TAHAP II", "2025"),
    ("TAHUN 2024 | PESERTA ANGKATAN 2023", "2024"),
])
def test_a_stated_period_is_no_program_year(text, year):
    from sources.readers.table import standalone_year
    assert standalone_year(text) == year


@pytest.mark.parametrize(("cell", "tahun", "flags"), [
    # an issue date written as its year alone is the certification year, not an unreadable date
    ("2021", 2021, ""),
    ("2022.0", 2022, ""),
    ("Th. 2023", 2023, ""),
    # or its month and year: the year (the day, which decides the last month, is unknown)
    ("Mei 2022", 2022, ""),
    ("Agt. 2021", 2021, ""),
    ("03/2021", 2021, ""),
    ("2021-03", 2021, ""),
    ("Tahap 2021", None, "tanggal_terbit_unreadable"),
    ("12 Maret 2021", 2021, ""),
    # a year after the reference year is no issue year; a month alone is no date
    ("2031", None, "tanggal_terbit_unreadable"),
    ("belum terbit", None, ""),  # pending, not wrong
    ("Maret", None, "tanggal_terbit_unreadable"),
])
def test_an_issue_year_alone_gives_the_year(cell, tahun, flags):
    import pandas as pd

    from sources.headers import RAW_COLUMNS
    from standardize.record import standardize_submission
    row = {c: None for c in RAW_COLUMNS} | {"nama": "RAHMAT HIDAYAT", "nik": N("a9"), "jabatan_kerja": "Tukang Batu",
                                             "jenjang": "2", "hasil": "K", "tanggal_terbit": cell}
    raw = pd.DataFrame([{"office_id": "kab-aceh-besar", "source_file": "x.xlsx", "source_sha256": "0" * 64,
                         "source_sheet": "Data SKK", "source_row": 4, **row}])
    out = standardize_submission(raw, date_order="dmy", reference_date=PUBLISH).rows
    assert (None if pd.isna(out["tahun"][0]) else int(out["tahun"][0])) == tahun
    assert pd.isna(out["tanggal_terbit"][0]) == (not cell.startswith("12"))
    assert out["flags"][0] == flags


@pytest.mark.parametrize(("cell", "day"), [
    # TMT, terhitung mulai tanggal: the civil service's effective date, typed before an issue date
    ("TMT 05-08-2021", date(2021, 8, 5)),
    ("TMT. 5 Agustus 2021", date(2021, 8, 5)),
    ("tmt: 05/08/2021", date(2021, 8, 5)),
    ("Terhitung Mulai Tanggal 5 Agustus 2021", date(2021, 8, 5)),
    ("berlaku mulai 05-08-2021", date(2021, 8, 5)),
    ("Mulai berlaku tgl. 05-08-2021", date(2021, 8, 5)),
    ("sejak 05/08/2021", date(2021, 8, 5)),
    # a word alone is no date
    ("TMT", None),
    ("mulai", None),
])
def test_an_effective_date_after_tmt(cell, day):
    from standardize.dates import parse_date
    assert parse_date(cell) == day


def test_a_tmt_period_gives_issue_and_expiry():
    from standardize.dates import parse_date_span
    assert parse_date_span("TMT 05-08-2021 s.d. 04-08-2026") == (date(2021, 8, 5), date(2026, 8, 4))


@pytest.mark.parametrize(("cell", "tahun"), [
    # an expiry written as its year alone: the SKK was issued five years before
    ("s.d. 2027", 2022),
    ("2027", 2022),
    ("Berlaku s/d 2026", 2021),
    ("sampai tahun 2030", 2025),
    # a length or a full date says nothing of the kind here
    ("5 Tahun", None),
    ("s.d. 12-05-2027", None),
])
def test_an_expiry_year_alone_gives_the_issue_year(cell, tahun):
    import pandas as pd

    from sources.headers import RAW_COLUMNS
    from standardize.record import standardize_submission
    row = {c: None for c in RAW_COLUMNS} | {"nama": "NOFRIADI", "nik": N("p12"), "jabatan_kerja": "Tukang Kayu",
                                             "jenjang": "2", "hasil": "Kompeten", "masa_berlaku": cell}
    raw = pd.DataFrame([{"office_id": "kota-padang", "source_file": "x.csv", "source_sha256": "0" * 64,
                         "source_sheet": "", "source_row": 2, **row}])
    out = standardize_submission(raw, date_order="dmy", reference_date=PUBLISH).rows
    assert (None if pd.isna(out["tahun"][0]) else int(out["tahun"][0])) == tahun
    assert out["flags"][0] == ""
