"""A tenth hand-made world: time. One office's programs over eight years, and what "active" means.

Six offices of three provinces no other world uses (Kalimantan Utara 65, Kepulauan Bangka
Belitung 19, Lampung 18), 49 persons, 20 files, judged on PUBLISH (30 June 2026). Every cell's
active and validity-unknown count is decided by the dates, years and numbers the offices wrote:
- Kabupaten Bulungan (65.01): one list per year 2019-2026, each with its own habits. 2019 and
  2020 are lists of the old SKT scheme (numbers without a year, "Tgl. Terbit" as "12 Agt 2019",
  a stated "Masa Berlaku" of 2023); 2021 has Tahap I and Tahap III sheets, no date and "dalam
  proses" where the number will be (a worker BK in Tahap I and K in Tahap III); 2022 lists the
  numbers that arrived for 2021 (no "Tanggal Terbit", "Berlaku s.d." as dd/mm/yyyy text: the day
  before, the day of and the day after the publish date) and its own program; 2023 writes the full
  certificate number the LSP prints (KBLI, KBJI, jenjang, serial, year, spaces between) and the
  expiry in words ("14 Maret 2028"); 2024 is a ';' CSV whose "Berlaku s.d." says "5 tahun"; 2025
  has real date cells and no issue date; 2026's numbers are "TERBIT" or "dalam proses". Inside: a
  renewal of the same jabatan after the old SKT (one person, active), a worker moving up from
  jenjang 2 (SKT 2019, expired) to 3 (SKK 2023, active), a renewal after five years of an SKK
  that expired in March 2026;
- the Kalimantan Utara province (65): its expert program exported by a web system as JSON, dates
  as ISO timestamps at local midnight with the WITA offset ("2026-06-30T00:00:00+08:00", which is
  still 29 June in UTC), and its 2023 recap whose date cells hold bare Excel serial numbers (44971);
- Kota Tarakan (65.71): participant lists with results and nothing else: the program year is all
  that is known (2020: old scheme, expired; 2021: expires some day of 2026, unknown; 2022: active),
  the 2021 year only in the file name; and the 2021 program's certificates with their validity as
  the clerk typed it: a range in one cell ("02-07-2021 s/d 01-07-2026"), Excel's dd-mmm-yy as text
  ("01-Jul-26"), a two-digit year ("30/06/26"), a month and year only ("Juli 2026");
- Kabupaten Belitung (19.02): an SKT list of 2019 and an SKK list of 2023 (one worker renewed);
- the Kepulauan Bangka Belitung province (19): its 2019 expert program (old SKA numbers, issue
  dates) and its 2024 recap, which lists its own 2019 SKAs again (one number with dashes instead
  of dots) and Belitung's certificates by number, under the title year 2024 and no date: the
  recap's year is not when those certificates were issued;
- Kabupaten Pringsewu (18.10): a holder list with no year anywhere, whose "Masa Berlaku" says
  "s/d 2028", "s.d. 2026", "5 tahun", "5 (lima) tahun" or a date in words.

What the time mess is modelled on (``search`` tool):
- an LSP's certification application (PHP, code corpus) sets ``tanggal_masa_berlaku`` to the
  date of ``tanggal_ditetapkan`` + 5 years and prints the full certificate number as KBLI, KBJI,
  jenjang, an 8-digit serial and the year with spaces between; its LPJK registration number reads
  "Menunggu Approve BNSP" until it arrives (github.com/alindrapu/skk-balai,
  resources/views/certificate/sertifikat.blade.php: "Sertifikat ini berlaku untuk 5 (lima)
  tahun", "No.Reg.", "Ditetapkan di Jakarta, {tanggal_ditetapkan}"); so a certificate issued on
  1 July 2021 is valid through 1 July 2026;
- SKA and SKT became SKK; the old certificates' validity was extended by the PUPR minister's
  circulars 03/SE/M/2022 and 05/SE/M/2022 (alphacentralconsultant.co.id, "SKT Sertifikat Keahlian
  Terampil"; lsphiptasi.co.id "Gambaran umum SKK"); DOMAIN.md: they all expired on 31 December
  2022; an SKK is valid 5 years from its issue (steemcn.xyz, "Kebijakan terbaru syarat uji
  kompetensi SKK konstruksi": "masa berlaku 5 tahun yang terhitung sejak tanggal diterbitkannya");
- web exports give ISO timestamps with the WITA offset (DOMAIN.md, "ISO timestamps with the
  WITA/WIB offset"); Kalimantan Utara is on WITA (UTC+8).

The headline is counted by hand (TRUTH) from docs/warehouse.md's rules, and so are the persons.
"""

from __future__ import annotations

import json
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
    {"id": "kab-bulungan", "name": "Dinas PUPR Kabupaten Bulungan", "level": "regency", "region_code": "65.01"},
    {"id": "prov-kaltara", "name": "Dinas PUPR Perkim Provinsi Kalimantan Utara", "level": "province",
     "region_code": "65"},
    {"id": "kota-tarakan", "name": "Dinas PUPR Kota Tarakan", "level": "city", "region_code": "65.71"},
    {"id": "kab-belitung", "name": "Dinas PUPR Kabupaten Belitung", "level": "regency", "region_code": "19.02"},
    {"id": "prov-babel", "name": "Dinas PUPR Provinsi Kepulauan Bangka Belitung", "level": "province",
     "region_code": "19"},
    {"id": "kab-pringsewu", "name": "Dinas PUPR Kabupaten Pringsewu", "level": "regency", "region_code": "18.10"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    "bl1": ("Abdul Rahman", "6501", "01", "1982-04-11", "L", 1),
    "bl2": ("Yohanis Lahang", "6501", "02", "1975-09-03", "L", 1),
    "bl3": ("Markus Ajang", "6501", "03", "1986-12-20", "L", 2),
    "bl4": ("Syamsul Bahri", "6501", "04", "1979-02-27", "L", 1),
    "bl5": ("Hendrikus Liah", "6501", "05", "1970-07-15", "L", 3),
    "bl6": ("Ilham Saputra", "6501", "01", "1993-05-08", "L", 4),
    "bl7": ("Rusdiansyah", "6501", "06", "1988-10-30", "L", 1),
    "bl9": ("Fransiskus Ding", "6501", "07", "1991-01-19", "L", 2),
    "bl10": ("Nurhayati", "6501", "02", "1990-06-25", "P", 5),
    "bl11": ("Agustinus Usat", "6501", "03", "1984-08-08", "L", 6),
    "bl12": ("Petrus Bilung", "6501", "04", "1977-03-14", "L", 7),
    "bl13": ("Muhammad Rizal", "6501", "05", "1995-11-02", "L", 8),
    "bl14": ("Samsudin", "6501", "06", "1972-04-04", "L", 9),
    "bl15": ("Andi Firmansyah", "6501", "07", "1997-09-17", "L", 10),
    "bl16": ("Yosef Ngau", "6501", "01", "1989-12-01", "L", 11),
    "bl17": ("Dedi Kurniawan", "6501", "02", "1994-02-22", "L", 12),
    "bl18": ("Stefanus Lawing", "6501", "03", "1998-07-07", "L", 13),
    "bl19": ("Hasanuddin", "6501", "04", "1968-05-30", "L", 14),
    "e1": ("Ir. Bambang Setiawan", "6571", "01", "1978-03-03", "L", 1),
    "e2": ("Rini Anggraeni", "6571", "02", "1985-10-10", "P", 2),
    "e3": ("Dody Prasetya", "6501", "08", "1983-06-16", "L", 3),
    "e4": ("Fitri Handayani", "6571", "03", "1992-01-28", "P", 4),
    "e5": ("Arief Wicaksono", "6571", "04", "1990-08-19", "L", 5),
    "e6": ("Henry Simatupang", "6504", "01", "1976-11-11", "L", 1),
    "e7": ("Lukas Apui", "6502", "02", "1987-05-05", "L", 2),
    "e8": ("Nining Rahayu", "6571", "01", "1981-04-21", "P", 6),
    "e9": ("Rahmat Hidayat", "6571", "02", "1991-07-09", "L", 7),
    "e10": ("Sutrisno", "6571", "03", "1962-09-26", "L", 8),
    "t1": ("Rudy Hartono", "6571", "01", "1980-01-15", "L", 21),
    "t2": ("Yusuf Kalla", "6571", "02", "1983-03-23", "L", 22),
    "t3": ("Darmawan", "6571", "03", "1987-11-30", "L", 23),
    "t4": ("Jemmy Tandiono", "6571", "04", "1985-06-14", "L", 24),
    "t5": ("Wahyudi", "6571", "01", "1992-02-02", "L", 25),
    "t6": ("Hamdan", "6571", "02", "1986-04-09", "L", 26),
    "t7": ("Ronald Tumbel", "6571", "03", "1979-12-12", "L", 27),
    "t8": ("Sitti Aminah", "6571", "04", "1993-08-30", "P", 28),
    "t9": ("Kasmir", "6571", "01", "1975-05-25", "L", 29),
    "b1": ("Suhardi", "1902", "01", "1979-08-17", "L", 1),
    "b2": ("Akhmad Fauzan", "1902", "02", "1974-12-05", "L", 2),
    "b3": ("Rosita", "1902", "03", "1990-03-13", "P", 3),
    "p1": ("Ir. Hendra Wijaya", "1971", "01", "1969-10-01", "L", 1),
    "p2": ("Maya Sari", "1971", "02", "1988-04-18", "P", 2),
    "p3": ("Yudha Pratama", "1901", "03", "1984-07-27", "L", 3),
    "w1": ("Sugeng Riyadi", "1810", "01", "1981-05-12", "L", 1),
    "w2": ("Ketut Suarna", "1810", "02", "1977-09-09", "L", 2),
    "w3": ("Sri Wahyuni", "1810", "03", "1989-12-24", "P", 3),
    "w4": ("Bambang Irawan", "1810", "04", "1973-03-31", "L", 4),
    "w5": ("Joko Susilo", "1810", "05", "1985-10-20", "L", 5),
    "w6": ("Nyoman Sudarta", "1810", "06", "1980-06-06", "L", 6),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex

_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
_BLN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
_PLACES = {"6501": "Tanjung Selor", "6502": "Malinau", "6504": "Tana Tidung", "6571": "Tarakan",
           "1902": "Tanjung Pandan", "1901": "Sungailiat", "1971": "Pangkal Pinang", "1810": "Pringsewu"}


def dmy(iso: str, sep: str = "-") -> str:
    """'2023-05-10' -> '10-05-2023'."""
    y, m, d = iso.split("-")
    return f"{d}{sep}{m}{sep}{y}"


def words(iso: str, months=_BULAN) -> str:
    """'2028-03-14' -> '14 Maret 2028'."""
    y, m, d = iso.split("-")
    return f"{int(d)} {months[int(m) - 1]} {y}"


def ttl(p: str) -> str:
    """'Tanjung Selor, 11-04-1982'."""
    return f"{_PLACES[PERSONS[p][1]]}, {dmy(born(p))}"


def name(p: str) -> str:
    return PERSONS[p][0].upper()


def serial(iso: str) -> int:
    """The Excel serial day number of a date (1900 system)."""
    return (date.fromisoformat(iso) - date(1899, 12, 30)).days


def _sheet(wb, title, top, header, rows):
    ws = wb.create_sheet(title)
    for line in top:
        ws.append(line)
    ws.append(header)
    for r in rows:
        ws.append(r)
    return ws


def _book() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb


# --- Kabupaten Bulungan: one list per year ------------------------------------------------------

def _bulungan_2019(path: Path) -> None:
    """The old scheme: SKT numbers without a year, issue dates with short month names."""
    rows = [
        ("bl1", "Operator Excavator", 3, "K", "2.2.301.3.065.01.1012345", "2019-08-12"),
        ("bl2", "Tukang Batu", 2, "K", "2.1.101.2.065.01.1012346", "2019-08-12"),
        ("bl3", "Tukang Besi Beton", 2, "K", "2.1.104.2.065.01.1012347", "2019-08-12"),
    ]
    wb = _book()
    _sheet(wb, "SKT 2019",
           [["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI KETERAMPILAN (SKT) TENAGA KERJA KONSTRUKSI"],
            ["KABUPATEN BULUNGAN TAHUN ANGGARAN 2019"], []],
           ["NO", "NAMA", "NO. KTP", "TTL", "JABATAN (SKT)", "JENJANG", "HASIL", "NO. SKT", "TGL. TERBIT"],
           [[i, name(p), N(p), ttl(p), jab, lvl, res, num, words(iss, _BLN)]
            for i, (p, jab, lvl, res, num, iss) in enumerate(rows, 1)])
    wb.save(path)


def _bulungan_2020(path: Path) -> None:
    """The last SKT year: a stated three-year masa berlaku, one number with no date at all."""
    rows = [
        ("bl4", "Operator Bulldozer", "3", "KOMPETEN", "2.2.302.3.065.01.1013001", "13-10-2023"),
        ("bl5", "Tukang Kayu", "2", "KOMPETEN", "2.1.102.2.065.01.1013002", ""),
    ]
    wb = _book()
    _sheet(wb, "Rekap",
           [["REKAP SERTIFIKASI SKT KABUPATEN BULUNGAN TAHUN 2020"]],
           ["No", "Nama Lengkap", "NIK", "Jabatan Kerja", "Jenjang", "Hasil Uji", "Nomor SKT", "Masa Berlaku"],
           [[i, name(p), N(p), jab, lvl, res, num, until] for i, (p, jab, lvl, res, num, until) in enumerate(rows, 1)])
    wb.save(path)


# 2021: (person, jabatan, jenjang, result, certificate cell) per Tahap
_BULUNGAN_2021 = {
    "Tahap I": [
        ("bl6", "Operator Crane", "3", "BK", ""),
        ("bl7", "Pelaksana Lapangan Pekerjaan Gedung", "4", "K", "dalam proses"),
        ("bl10", "Tukang Plester", "2", "K", "dalam proses"),
        ("bl11", "Operator Motor Grader", "3", "K", "dalam proses"),
        ("bl19", "Tukang Kayu", "2", "K", "dalam proses"),
    ],
    "Tahap III": [
        ("bl6", "Operator Crane", "3", "K", "dalam proses"),
        ("bl9", "Tukang Batu", "2", "K", "dalam proses"),
    ],
}


def _bulungan_2021(path: Path) -> None:
    wb = _book()
    for tahap, rows in _BULUNGAN_2021.items():
        _sheet(wb, tahap,
               [[f"HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI {tahap.upper()} KABUPATEN BULUNGAN TAHUN 2021"]],
               ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "Sertifikat"],
               [[i, name(p), N(p), jab, lvl, res, cert] for i, (p, jab, lvl, res, cert) in enumerate(rows, 1)])
    wb.save(path)


# 2022: the numbers that arrived for 2021, then the 2022 program. (person, jabatan, jenjang,
# result, number, berlaku s.d.)
_BULUNGAN_2022 = [
    ("bl6", "Operator Crane", "3", "K", "SKK-6501-2021-00031", "2026-11-20"),
    ("bl7", "Pelaksana Lapangan Pekerjaan Gedung", "4", "K", "SKK-6501-2021-00012", "2026-06-29"),
    ("bl10", "Tukang Plester", "2", "K", "SKK-6501-2021-00013", "2026-06-30"),
    ("bl11", "Operator Motor Grader", "3", "K", "SKK-6501-2021-00014", "2026-07-01"),
    ("bl19", "Tukang Kayu", "2", "K", "SKK-6501-2021-00019", "2026-03-10"),
    ("bl12", "Tukang Kayu", "2", "K", "SKK-6501-2022-00077", "2027-09-14"),
    ("bl13", "Operator Excavator", "3", "BK", "", ""),
]


def _bulungan_2022(path: Path) -> None:
    wb = _book()
    _sheet(wb, "Data SKK",
           [["DATA SERTIFIKAT KOMPETENSI KERJA (SKK) KABUPATEN BULUNGAN TAHUN 2022"], []],
           ["NO", "NAMA PESERTA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL", "NO. REGISTRASI", "BERLAKU S.D."],
           [[i, name(p), N(p), jab, lvl, res, num, dmy(until, "/") if until else ""]
            for i, (p, jab, lvl, res, num, until) in enumerate(_BULUNGAN_2022, 1)])
    wb.save(path)


def _bulungan_2023(path: Path) -> None:
    """The LSP's full certificate number (KBLI KBJI jenjang serial year), real issue-date cells,
    the expiry in words."""
    rows = [
        ("bl3", "Kepala Tukang Besi Beton", "3", "Kompeten", "43900 7114 3 00002315 2023", "2023-03-14"),
        ("bl13", "Operator Excavator", "3", "Kompeten", "43900 8342 3 00002316 2023", "2023-03-14"),
        ("bl14", "Mandor Tukang Batu", "4", "Kompeten", "43900 7112 4 00002317 2023", "2023-03-14"),
    ]
    wb = _book()
    ws = _sheet(wb, "Hasil Uji 2023",
                [["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN BULUNGAN TAHUN 2023"]],
                ["No", "Nama", "NIK", "Tempat, Tanggal Lahir", "Jabatan Kerja", "Jenjang", "Hasil",
                 "Nomor Sertifikat", "Tanggal Terbit", "Masa Berlaku"],
                [[i, name(p), N(p), ttl(p), jab, lvl, res, num, datetime.fromisoformat(iss),
                  words(f"{int(iss[:4]) + 5}{iss[4:]}")]
                 for i, (p, jab, lvl, res, num, iss) in enumerate(rows, 1)])
    for r in range(3, 3 + len(rows)):
        ws.cell(r, 9).number_format = "dd/mm/yyyy"
    wb.save(path)


def _bulungan_2024_csv() -> bytes:
    """A ';' CSV in Windows-1252: issue dates dd-mm-yyyy, 'Berlaku s.d.' says '5 tahun'."""
    rows = [
        ("bl1", "Operator Excavator", "3", "K", "SKK-6501-2024-00112", "2024-05-14"),
        ("bl15", "Tukang Pasang Keramik", "2", "K", "SKK-6501-2024-00113", "2024-05-14"),
    ]
    lines = ["No;Nama;NIK;Jabatan Kerja;Jenjang;Hasil;No. SKK;Tgl Terbit;Berlaku s.d."]
    lines += [f"{i};{name(p)};'{N(p)};{jab};{lvl};{res};{num};{dmy(iss)};5 tahun"
              for i, (p, jab, lvl, res, num, iss) in enumerate(rows, 1)]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _bulungan_2025(path: Path) -> None:
    """No issue date; the expiry as a real date cell; the number as the LSP's registration number."""
    wb = _book()
    ws = _sheet(wb, "2025",
                [["DAFTAR PESERTA SERTIFIKASI TKK KABUPATEN BULUNGAN TAHUN 2025"]],
                ["NO", "NAMA", "NIK", "L/P", "JABATAN KERJA", "JENJANG", "KETERANGAN", "NO. SERTIFIKAT",
                 "MASA BERLAKU"],
                [[1, name("bl16"), N("bl16"), "L", "Operator Crane", 3, "KOMPETEN", "SKK-6501-2025-00201",
                  datetime(2030, 8, 1)],
                 [2, name("bl18"), N("bl18"), "L", "Tukang Batu", 2, "BELUM KOMPETEN", "", None]])
    ws.cell(3, 9).number_format = "dd mmmm yyyy"
    wb.save(path)


def _bulungan_2026(path: Path) -> None:
    """The 2026 program, assessed in May: numbers not yet written."""
    wb = _book()
    _sheet(wb, "Peserta",
           [["PESERTA PELATIHAN DAN UJI KOMPETENSI TKK KABUPATEN BULUNGAN TAHUN 2026"]],
           ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "Status Sertifikat"],
           [[1, name("bl17"), N("bl17"), "Tukang Besi Beton", "2", "K", "TERBIT"],
            [2, name("bl19"), N("bl19"), "Tukang Kayu", "2", "K", "dalam proses"]])
    wb.save(path)


# --- the Kalimantan Utara province: JSON with WITA timestamps, a recap with Excel serials -------------

def _kaltara_json() -> bytes:
    """The expert program's web export: ISO timestamps at local (WITA, +08:00) midnight."""
    def rec(i, p, jab, lvl, result, number, issued, expires):
        return {"id": i, "full_name": PERSONS[p][0], "id_number": N(p), "gender": "male" if sex(p) == "L" else "female",
                "birth_date": born(p), "jabatan_kerja": jab, "jenjang": lvl, "assessment_result": result,
                "certificate": {"number": number, "issued_at": issued, "expires_at": expires}}
    data = [
        rec(1, "e1", "Ahli Muda Teknik Jalan", 7, "competent", "SKK-65-2021-07-0101",
            "2021-07-01T00:00:00+08:00", None),
        rec(2, "e2", "Ahli Madya Teknik Jembatan", 8, "competent", "SKK-65-2021-08-0102",
            "2021-06-30T00:00:00+08:00", "2026-06-30T00:00:00+08:00"),
        rec(3, "e3", "Ahli Muda Teknik Bangunan Gedung", 7, "competent", "SKK-65-2021-07-0103",
            "2021-06-29T00:00:00+08:00", "2026-06-29T23:59:59+08:00"),
        rec(4, "e4", "Ahli Muda K3 Konstruksi", 7, "competent", "SKK-65-2025-07-0401",
            "2025-03-12T09:30:00+08:00", "2030-03-12T09:30:00+08:00"),
        rec(5, "e5", "Ahli Muda Teknik Jalan", 7, "not yet competent", None, None, None),
        rec(6, "e6", "Ahli Madya Sumber Daya Air", 8, "competent", "SKK-65-2021-08-0106",
            "2021-06-30T10:00:00+08:00", None),
    ]
    return json.dumps({"status": "success", "data": data}, indent=1).encode("utf-8")


def _kaltara_serials(path: Path) -> None:
    """The 2023 recap: Tgl Terbit and Masa Berlaku pasted as values into General cells: bare serials."""
    rows = [
        ("e7", "Ahli Muda Teknik Jalan", 7, "2023-02-14", "2028-02-14"),
        ("e8", "Ahli Madya Teknik Bangunan Gedung", 8, "2021-06-29", "2026-06-29"),
        ("e9", "Ahli Muda Teknik Sumber Daya Air", 7, None, "2026-07-01"),
        ("e10", "Ahli Utama Teknik Jembatan", 9, "2020-11-02", None),
    ]
    wb = _book()
    _sheet(wb, "Rekap Ahli",
           [["REKAP TENAGA AHLI BERSERTIFIKAT PROVINSI KALIMANTAN UTARA TAHUN 2023"]],
           ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "Tgl Terbit", "Masa Berlaku"],
           [[i, name(p), N(p), jab, lvl, "Kompeten", serial(iss) if iss else None, serial(exp) if exp else None]
            for i, (p, jab, lvl, iss, exp) in enumerate(rows, 1)])
    wb.save(path)


# --- Kota Tarakan: results only, the program year all that is known -------------------------------

_TARAKAN = {
    2020: [("t1", "Tukang Batu", "2", "Kompeten")],
    2021: [("t2", "Tukang Batu", "2", "Kompeten"), ("t4", "Operator Excavator", "3", "Kompeten"),
           ("t5", "Operator Excavator", "3", "Belum Kompeten")],
    2022: [("t3", "Tukang Batu", "2", "Kompeten")],
}


# The certificates of the 2021 program, as the city's clerk typed their validity: a range in one
# cell, Excel's dd-mmm-yy shown as text, a two-digit year, a month and year only.
_TARAKAN_SKK_2021 = [
    ("t6", "Tukang Batu", "2", "02-07-2021 s/d 01-07-2026"),
    ("t7", "Operator Excavator", "3", "01-Jul-26"),
    ("t8", "Tukang Kayu", "2", "30/06/26"),
    ("t9", "Operator Crane", "3", "Juli 2026"),
]


def _tarakan_skk_2021(path: Path) -> None:
    wb = _book()
    _sheet(wb, "SKK 2021", [["DATA SKK TERBIT HASIL UJI KOMPETENSI TAHUN 2021 KOTA TARAKAN"]],
           ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "Masa Berlaku"],
           [[i, name(p), N(p), jab, lvl, "Kompeten", until] for i, (p, jab, lvl, until) in enumerate(_TARAKAN_SKK_2021, 1)])
    wb.save(path)


def _tarakan(path: Path, year: int) -> None:
    wb = _book()
    top = [] if year == 2021 else [[f"DAFTAR PESERTA UJI KOMPETENSI KOTA TARAKAN TAHUN ANGGARAN {year}"]]
    _sheet(wb, "Peserta", top, ["No", "Nama Peserta", "NIK", "Jabatan", "Jenjang", "Hasil"],
           [[i, name(p), N(p), jab, lvl, res] for i, (p, jab, lvl, res) in enumerate(_TARAKAN[year], 1)])
    wb.save(path)


# --- Kabupaten Belitung and the Bangka Belitung province -------------------------------------------

def _belitung(path: Path, year: int) -> None:
    rows = {
        2019: [("b1", "Operator Excavator", "3", "K", "2.2.301.3.019.02.1020001", "2019-09-10"),
               ("b2", "Mandor Tukang Batu", "4", "K", "2.3.112.4.019.02.1020002", "2019-09-10")],
        2023: [("b3", "Tukang Kayu", "2", "K", "SKK-1902-2023-00045", "2023-08-02"),
               ("b1", "Operator Excavator", "3", "K", "SKK-1902-2023-00046", "2023-08-02")],
    }[year]
    wb = _book()
    ws = _sheet(wb, str(year), [[f"REKAP SERTIFIKASI TENAGA KERJA KONSTRUKSI KABUPATEN BELITUNG TAHUN {year}"]],
                ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat", "Tgl Terbit"],
                [[i, name(p), N(p), jab, lvl, res, num, datetime.fromisoformat(iss)]
                 for i, (p, jab, lvl, res, num, iss) in enumerate(rows, 1)])
    for r in range(3, 3 + len(rows)):
        ws.cell(r, 8).number_format = "dd/mm/yyyy"
    wb.save(path)


def _babel_2019(path: Path) -> None:
    rows = [("p1", "Ahli Muda Teknik Jalan", "7", "1.2.211.2.131.19.1003456", "05-11-2019"),
            ("p3", "Ahli Muda Teknik Bangunan Gedung", "7", "1.2.201.2.131.19.1003457", "05-11-2019")]
    wb = _book()
    _sheet(wb, "Peserta", [["PESERTA SERTIFIKASI TENAGA AHLI (SKA) PROVINSI KEPULAUAN BANGKA BELITUNG TAHUN 2019"]],
           ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. SKA", "Tgl Terbit"],
           [[i, name(p), N(p), jab, lvl, "Kompeten", num, iss] for i, (p, jab, lvl, num, iss) in enumerate(rows, 1)])
    wb.save(path)


_BABEL_2024 = [
    ("p1", "Ahli Muda Teknik Jalan", "7", "Kompeten", "1.2.211.2.131.19.1003456"),
    ("p3", "Ahli Muda Teknik Bangunan Gedung", "7", "Kompeten", "1-2-201-2-131-19-1003457"),
    ("b2", "Mandor Tukang Batu", "4", "Kompeten", "2.3.112.4.019.02.1020002"),
    ("b3", "Tukang Kayu", "2", "Kompeten", "SKK-1902-2023-00045"),
    ("p2", "Ahli Madya Teknik Jalan", "8", "Kompeten", ""),
]


def _babel_2024(path: Path) -> None:
    wb = _book()
    _sheet(wb, "Rekap 2024",
           [["REKAP TENAGA KERJA KONSTRUKSI BERSERTIFIKAT PROVINSI KEPULAUAN BANGKA BELITUNG TAHUN 2024"]],
           ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Keterangan", "No. Sertifikat"],
           [[i, name(p), N(p), jab, lvl, res, num] for i, (p, jab, lvl, res, num) in enumerate(_BABEL_2024, 1)])
    wb.save(path)


# --- Kabupaten Pringsewu: a holder list with no year anywhere --------------------------------------

_PRINGSEWU = [
    ("w1", "Operator Excavator", "3", "", "", "s/d 2028"),
    ("w2", "Tukang Besi Beton", "2", "", "17/10/2022", "5 tahun"),
    ("w3", "Tukang Batu", "2", "", "", "5 (lima) tahun"),
    ("w4", "Mandor Pekerjaan Jalan", "4", "", "", "s.d. 2026"),
    ("w5", "Operator Crane", "3", "", "", "Berlaku s/d 05 Januari 2026"),
    ("w6", "Tukang Kayu", "2", "SKK-1810-2021-00007", "", "5 tahun"),
]


def _pringsewu(path: Path) -> None:
    wb = _book()
    _sheet(wb, "Pemegang SKK", [["DATA PEMEGANG SERTIFIKAT KOMPETENSI KERJA KABUPATEN PRINGSEWU"]],
           ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat", "Tgl Terbit", "Masa Berlaku"],
           [[i, name(p), N(p), jab, lvl, "K", num, iss, until]
            for i, (p, jab, lvl, num, iss, until) in enumerate(_PRINGSEWU, 1)])
    wb.save(path)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    bl = landing / "kab-bulungan"
    _bulungan_2019(bl / "Daftar Peserta SKT 2019.xlsx")
    _bulungan_2020(bl / "Rekap SKT Bulungan 2020.xlsx")
    _bulungan_2021(bl / "Hasil Uji Kompetensi 2021.xlsx")
    _bulungan_2022(bl / "Data SKK Bulungan 2022.xlsx")
    _bulungan_2023(bl / "Hasil UK TKK 2023.xlsx")
    (bl / "Peserta SKK 2024.csv").write_bytes(_bulungan_2024_csv())
    _bulungan_2025(bl / "Data Sertifikasi 2025.xlsx")
    _bulungan_2026(bl / "Peserta Sertifikasi 2026.xlsx")
    kt = landing / "prov-kaltara"
    (kt / "export_sertifikasi_ahli.json").write_bytes(_kaltara_json())
    _kaltara_serials(kt / "Rekap Tenaga Ahli Kaltara 2023.xlsx")
    tr = landing / "kota-tarakan"
    _tarakan(tr / "Daftar Peserta UK Tarakan 2020.xlsx", 2020)
    _tarakan(tr / "Peserta UK 2021.xlsx", 2021)
    _tarakan(tr / "Daftar Peserta UK Tarakan 2022.xlsx", 2022)
    _tarakan_skk_2021(tr / "Data SKK Terbit Tarakan 2021.xlsx")
    _belitung(landing / "kab-belitung" / "Rekap SKT Belitung 2019.xlsx", 2019)
    _belitung(landing / "kab-belitung" / "Data SKK Belitung 2023.xlsx", 2023)
    _babel_2019(landing / "prov-babel" / "Peserta Sertifikasi Tenaga Ahli Babel 2019.xlsx")
    _babel_2024(landing / "prov-babel" / "Rekap TKK Bersertifikat Prov Babel 2024.xlsx")
    _pringsewu(landing / "kab-pringsewu" / "Data Pemegang SKK Pringsewu.xlsx")
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026) from docs/warehouse.md: (certified, active, unknown).
# 65.01  Bulungan. 2: Yohanis, Markus (SKT 2019: old scheme, expired 31 Dec 2022), Hendrikus (SKT
#        2020, no date: program year before 2021, expired), Fransiskus (Tahap III 2021, number never
#        arrived: program year 2021, expires some day of 2026: unknown), Nurhayati (2021, number
#        and "Berlaku s.d. 30/06/2026" in 2022: the day itself, active), Petrus (2022, to Sep 2027),
#        Andi (issued 14 May 2024, "5 tahun"), Dedi (2026, "TERBIT"), Hasanuddin (SKK 2021 expired
#        10 Mar 2026, renewed in the 2026 program: active): 9, active 5, unknown 1.
#        3: Abdul Rahman (SKT 2019 expired, SKK May 2024: one person, active), Markus (moved up:
#        SKK 14 Mar 2023), Syamsul (SKT 2020 "Masa Berlaku 13-10-2023": expired), Ilham (BK in
#        Tahap I, K in Tahap III; number in 2022, to 20 Nov 2026), Agustinus (to 01/07/2026: the
#        day after, active), Rizal (BK 2022, K 2023), Yosef (2025, to 1 Aug 2030): 7, active 6.
#        4: Rusdiansyah (2021, "Berlaku s.d. 29/06/2026": the day before, expired), Samsudin (2023):
#        2, active 1.
# 65     Kaltara's experts. 7: Bambang (issued 1 Jul 2021 WITA: to 1 Jul 2026, active), Dody (to
#        29 Jun 2026 23:59 WITA: expired), Fitri (2025), Lukas (serial 44971 = 14 Feb 2023), Rahmat
#        (serial 46204 = 1 Jul 2026): 5, active 4 (Arief BK). 8: Rini (to 30 Jun 2026 00:00 WITA:
#        the day itself, active), Henry (issued 30 Jun 2021, no expiry: five years to 30 Jun
#        2026, active), Nining (serial 46202 = 29 Jun 2026: expired): 3, active 2.
#        9: Sutrisno (serial 44137 = 2 Nov 2020, old scheme): 1, expired.
# 65.71  Tarakan. 2: Rudy (2020: expired), Yusuf (2021: unknown), Darmawan (2022: active), Hamdan
#        ("02-07-2021 s/d 01-07-2026": valid to 1 Jul 2026, active), Sitti ("30/06/26": the day
#        itself, active): 5, 3, 1.
#        3: Jemmy (2021: unknown), Ronald ("01-Jul-26": active), Kasmir ("Juli 2026": expires some
#        day of July 2026, after the publish date: active): 3, 2, 1 (Wahyudi BK).
# 19.02  Belitung. 2 Rosita (2023); 3 Suhardi (SKT 2019 expired, SKK 2023 active); 4 Akhmad Fauzan
#        (SKT Sep 2019: expired; the province's 2024 recap re-reports it by number, no date: the
#        recap's year is not its issue year).
# 19     Babel. 7: Hendra, Yudha (SKA Nov 2019, re-listed in the 2024 recap, Yudha's number with
#        dashes): 2, both expired. 8: Maya (2024 recap, no number: program year 2024): active.
# 18.10  Pringsewu (no year anywhere). 2: Ketut (issued 17/10/2022, "5 tahun": active), Sri
#        ("5 (lima) tahun", nothing else: unknown), Nyoman (number of 2021, "5 tahun": unknown):
#        3, 1, 2. 3: Sugeng ("s/d 2028": active), Joko (to 5 Jan 2026: expired): 2, 1, 0.
#        4: Bambang ("s.d. 2026": expires some day of 2026, unknown): 1, 0, 1.
TRUTH = {
    ("65.01", 2): (9, 5, 1), ("65.01", 3): (7, 6, 0), ("65.01", 4): (2, 1, 0),
    ("65", 7): (5, 4, 0), ("65", 8): (3, 2, 0), ("65", 9): (1, 0, 0),
    ("65.71", 2): (5, 3, 1), ("65.71", 3): (3, 2, 1),
    ("19.02", 2): (1, 1, 0), ("19.02", 3): (1, 1, 0), ("19.02", 4): (1, 0, 0),
    ("19", 7): (2, 0, 0), ("19", 8): (1, 1, 0),
    ("18.10", 2): (3, 1, 2), ("18.10", 3): (2, 1, 0), ("18.10", 4): (1, 0, 1),
}

# Every person of PERSONS has a row in an accepted file.
TRUE_PERSONS = 49


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(_world(tmp_path_factory.mktemp("world10")), PUBLISH)


def test_the_world_is_as_counted():
    assert len(PERSONS) == TRUE_PERSONS
    assert sum(c for c, _, _ in TRUTH.values()) == 47  # 46 certified persons (Arief, Wahyudi, Stefanus BK only), Markus in two cells


def test_every_office_ingests(report):
    assert report.offices_failed == {}


def test_every_file_is_accepted(report):
    log = report.submission_log
    assert sorted(log[log["status"] == "rejected"]["source_file"]) == []


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS
