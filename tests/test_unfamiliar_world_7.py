"""A seventh hand-made world: one province whose people come back again and again.

Jawa Barat (32), the province office and four regencies/cities, 63 persons, 13 files, judged on
PUBLISH (30 June 2026). The same workers appear across programs, years and offices under the
clerks' variations, and different workers share names:
- Kabupaten Garut (32.05): its Mobile Training Unit list of 2023 (NIKs typed into Excel as
  numbers: 15 significant digits and a 0; one with a leading apostrophe; "Tempat, Tgl Lahir" in
  one cell; "DADANG S." for Dadang Suherman; "ENTIS SUTISNA BIN KARTA" without NIK), its 2025 Tahap I-IV
  workbook (one sheet per Tahap) sent again as ``_revisi`` (one result corrected to BK, one
  corrected to K, one participant added), and a Daftar Hadir of its 2025 BIMTEK (no result; one
  participant found nowhere else, Dadang as "DADANG").
  Inside: two different "Cecep Hidayat" and two different "Ahmad Yani" at jenjang 2 (other NIKs
  and birth dates), a father and son both "Dede Kurniawan" at jenjang 2 (same kecamatan; the son's
  NIK in no file), twins
  "Hendra" and "Hendri Gunawan" (one birth date, NIK serials 0001/0002), "Soedarmo" in 2023 and
  "Sudarmo" in 2025, "M. Rizki Fauzi" with day and month swapped, Yayan Sopyan's row carrying the
  NIK of Iwan Setiawan in the row above, a NIK in groups with spaces, sex left blank, workers
  certified at jenjang 2 in 2023 and at 3 or 4 in 2025 (they count in both cells), KTPs of
  Tasikmalaya (32.06) and Cilacap (33.01, Jawa Tengah);
- the Jawa Barat province (32): its expert program 2025 (Ahli 7-9, "Ir. TJAHJONO WIBISONO, M.T.",
  "Dr. Ir. H. BAMBANG HERMAWAN, M.Sc.", "Hj. EUIS KOMARIAH, S.T., M.T.", a Jakarta KTP, a NIK
  typed as a number) and its yearly recap 2025 (sent again as ``_final`` with one level
  corrected), which re-reports regency/city certificates with and without numbers, under other
  spellings ("AGUS S.", "ABDUL R. HAKIM", "MUHAMMAD RIZKY FAUZI", "JAJA SUJANA" for "DJADJA
  SOEDJANA") and NIKs damaged otherwise than in the regency's file ("3.20510E+15", 17 digits,
  15 digits, two digits transposed, "-", a number cell, Tarsono's copied from Casmadi's row
  above; Garut's young Dede Kurniawan as "DEDE K." without NIK: his father holds the same
  jabatan and level; registration numbers under a label with en dashes, "No. SKK-3205-...", and
  with Excel's text marker, "'SKK-3273-...", and with spaces, "SKK 3205 2025 00203"), lists
  three of its own expert certificates again ("M. FAJAR NUGRAHA,
  S.T.", "JOKO SANTOSO" for "Ir. DJOKO SANTOSO", "CAHYONO WIBISONO" for "Ir. TJAHJONO WIBISONO,
  M.T.") and a fresh graduate of its own program; plus Garut's MTU list misfiled in its folder;
- Kota Bandung (32.73): a ';' CSV of its 2024 BIMTEK operator test (a NIK with dots, one "-",
  day and month swapped, sex blank, a Surabaya KTP, Garut's twin Hendra without NIK), its holder
  list 2020-2025 (real date cells, the same certificates again, a third "Ahmad Yani", an old
  SKT, Nurul Hidayah's row carrying Wahyu Hidayat's NIK from the row above, a technician who is
  the province's Ahli Muda of 2025), and Sumedang's workbook copied into its folder;
- Kabupaten Sumedang (32.11): 2020-2025 in one sheet with a TAHUN column: the same man as
  "DJADJA SOEDJANA" at jenjang 2 in 2022 (NIK a number) and "JAJA SUJANA" at 3 in 2025 (no
  NIK), "NANDANG SUDRAJAD" (one letter) with his birth date a day off, a second "Ujang
  Komarudin" (not Garut's), a Wonogiri (33.12) KTP;
- Kabupaten Cirebon (32.09): two Angkatan sheets: "MOH. TOHA" and "MUHAMMAD TOHA" (the second
  NIK as "3.20912E+15"), "NUR HASANAH" BK then "NOOR HASANAH" K, single names (Casmadi,
  Tarsono, Kartini: her NIK with a digit typed twice, then cut by Excel), a NIK with two digits
  transposed, one missing, Brebes (33.29) and Majalengka (32.10) KTPs.

What the mess is modelled on (the ``search`` tool, pages corpus):
- Excel keeps 15 significant digits and turns the 16th of a number typed into a cell into 0; an
  apostrophe or a Text format keeps the digits (Microsoft KB 269370,
  http://support.microsoft.com/kb/269370/en-us);
- NIK = province, regency, kecamatan, ddmmyy (women +40 on the day), serial from 0001: twins of
  one kecamatan differ only in the serial (Dukcapil Klaten,
  https://dukcapil.klaten.go.id/arti-16-digit-nomor-induk-kependudukan-nik);
- the 1972 spelling reform (EYD) replaced dj, tj, oe by j, c, u, but many Javanese and Sundanese
  names keep the old spelling on their documents (SOEDJARWO / SUJARWO, TJAHJONO / CAHYONO), so one
  person is written both ways (http://hurek.blogspot.com/2012/02/eyd-nama-indonesia.html,
  http://hurek.blogspot.com/2008/08/kisruh-ejaan-nama-orang-indonesia.html);
- academic and religious titles (S.T., M.T., Ir., Dr., H./Hj.) may be written on the KTP and KK,
  abbreviated, and Muhammad is commonly shortened to Muh or M (Permendagri 73/2022 as explained in
  https://beritaranah.com/permendagri-73-2022-cara-legal-cantumkan-gelar-di-nama-ktp-dan-kk and
  https://cewekbanget.grid.id/amp/063285525/wajib-tahu-aturan-baru-penamaan-di-ktp-dan-dokumen-kependudukan-lain?page=2).

The headline is counted by hand (TRUTH) and so is the number of persons.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-jabar", "name": "Dinas Bina Marga dan Penataan Ruang Provinsi Jawa Barat", "level": "province",
     "region_code": "32"},
    {"id": "kab-garut", "name": "Dinas PUPR Kabupaten Garut", "level": "regency", "region_code": "32.05"},
    {"id": "kab-cirebon", "name": "Dinas PUPR Kabupaten Cirebon", "level": "regency", "region_code": "32.09"},
    {"id": "kab-sumedang", "name": "Dinas PUPR Kabupaten Sumedang", "level": "regency", "region_code": "32.11"},
    {"id": "kota-bandung", "name": "Dinas Cipta Karya, Bina Konstruksi dan Tata Ruang Kota Bandung", "level": "city",
     "region_code": "32.73"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Garut
    "g1": ("Asep Saepudin", "3205", "07", "1984-03-12", "L", 1),
    "g2": ("Dadang Suherman", "3205", "11", "1979-08-25", "L", 2),
    "g3": ("Ujang Komarudin", "3205", "03", "1988-01-05", "L", 1),
    "g4": ("Cecep Hidayat", "3205", "14", "1986-06-17", "L", 3),
    "g5": ("Cecep Hidayat", "3205", "20", "1991-11-02", "L", 1),
    "g6": ("H. Endang Suryana", "3205", "07", "1970-04-30", "L", 2),
    "g7": ("Muhammad Rizki Fauzi", "3205", "02", "1996-09-04", "L", 1),
    "g8": ("Yayan Sopyan", "3205", "09", "1990-02-14", "L", 4),
    "g9": ("Iwan Setiawan", "3205", "09", "1987-07-21", "L", 2),
    "g10": ("Soedarmo", "3205", "01", "1966-12-01", "L", 1),
    "g11": ("Dede Kurniawan", "3205", "15", "1968-05-10", "L", 1),  # the father
    "g12": ("Dede Kurniawan", "3205", "15", "1994-10-03", "L", 3),  # the son
    "g13": ("Hendra Gunawan", "3205", "05", "1993-04-22", "L", 1),  # twins
    "g14": ("Hendri Gunawan", "3205", "05", "1993-04-22", "L", 2),
    "g15": ("Nining Suryani", "3205", "12", "1992-03-07", "P", 1),
    "g16": ("Opik Taufik", "3206", "04", "1989-05-19", "L", 1),  # KTP Tasikmalaya
    "g17": ("Slamet Riyadi", "3301", "10", "1982-09-28", "L", 2),  # KTP Cilacap, Jawa Tengah
    "g18": ("Ahmad Yani", "3205", "06", "1985-01-15", "L", 1),
    "g19": ("Ahmad Yani", "3205", "18", "1977-07-07", "L", 2),
    "g20": ("Agus Supriyadi", "3205", "10", "1983-10-10", "L", 5),
    "g21": ("Abdul Rahman Hakim", "3205", "04", "1981-02-03", "L", 3),
    "g22": ("Entis Sutisna", "3205", "16", "1974-08-19", "L", 1),
    "g23": ("Iis Aisyah", "3205", "08", "1995-06-23", "P", 2),
    "g24": ("Ade Supriatna", "3205", "13", "1991-01-09", "L", 1),
    "g25": ("Jajang Nurjaman", "3205", "13", "1999-12-30", "L", 2),  # attended the BIMTEK only
    # the province's experts and fresh graduate
    "e1": ("Ir. Tjahjono Wibisono, M.T.", "3273", "05", "1968-06-11", "L", 1),
    "e2": ("Rina Kusumawati", "3273", "12", "1990-02-20", "P", 2),
    "e3": ("Bambang Hermawan", "3204", "08", "1975-11-30", "L", 1),
    "e4": ("Muhammad Fajar Nugraha", "3277", "02", "1994-08-08", "L", 1),
    "e5": ("Siti Nurhaliza", "3171", "03", "1993-12-12", "P", 1),  # KTP Jakarta Pusat
    "e6": ("Yusuf Maulana", "3273", "07", "1987-04-04", "L", 3),
    "e7": ("Djoko Santoso", "3204", "01", "1963-03-03", "L", 2),
    "e8": ("Euis Komariah", "3204", "10", "1970-07-17", "P", 1),
    "f1": ("Rizal Fahmi", "3277", "03", "2000-05-15", "L", 2),
    # Kota Bandung
    "k1": ("Rudi Hartono", "3273", "14", "1985-05-05", "L", 1),
    "k2": ("Dodi Permana", "3273", "03", "1990-10-21", "L", 2),
    "k3": ("Yudi Prasetyo", "3578", "09", "1988-01-30", "L", 1),  # KTP Surabaya, Jawa Timur
    "k4": ("Taufik Hidayat", "3204", "05", "1992-06-06", "L", 1),  # KTP Kabupaten Bandung
    "k5": ("Wahyu Hidayat", "3273", "08", "1995-03-15", "L", 3),
    "k6": ("Deni Ramdani", "3273", "10", "1983-12-05", "L", 2),
    "k7": ("Irfan Maulana", "3273", "06", "1997-07-01", "L", 1),
    "k8": ("Wawan Kurniawan", "3273", "02", "1975-09-09", "L", 4),
    "k9": ("Teguh Santoso", "3273", "11", "1980-01-20", "L", 5),
    "k10": ("Nurul Hidayah", "3273", "04", "1991-04-14", "P", 1),
    "k11": ("Ahmad Yani", "3273", "09", "1990-01-01", "L", 1),
    # Sumedang
    "s1": ("Djadja Soedjana", "3211", "04", "1962-02-17", "L", 1),
    "s2": ("Nandang Sudrajat", "3211", "02", "1978-04-09", "L", 2),
    "s3": ("Euis Rohaeni", "3211", "09", "1986-11-25", "P", 1),
    "s4": ("Asep Sunandar", "3211", "05", "1982-06-06", "L", 3),
    "s5": ("Cucu Sumarna", "3211", "01", "1979-09-15", "L", 2),
    "s6": ("Ujang Komarudin", "3211", "10", "1975-03-22", "L", 1),
    "s7": ("Rahmat Hidayat", "3211", "03", "1992-12-08", "L", 2),
    "s8": ("Iwan Kurniawan", "3211", "08", "1988-05-30", "L", 1),
    "s9": ("Dian Permana", "3211", "06", "1984-10-10", "L", 1),
    "s10": ("Sugeng Riyanto", "3312", "04", "1976-01-25", "L", 1),  # KTP Wonogiri, Jawa Tengah
    # Cirebon
    "c1": ("Mohammad Toha", "3209", "12", "1980-03-03", "L", 1),
    "c2": ("Kartini", "3209", "05", "1994-04-21", "P", 2),
    "c3": ("Casmadi", "3209", "20", "1972-07-07", "L", 1),
    "c4": ("Tarsono", "3329", "02", "1983-02-28", "L", 1),  # KTP Brebes, Jawa Tengah
    "c5": ("Warsito", "3210", "06", "1987-05-05", "L", 2),  # KTP Majalengka
    "c6": ("Nur Hasanah", "3209", "09", "1990-09-19", "P", 3),
    "c7": ("Saepul Bahri", "3209", "11", "1989-11-11", "L", 1),
    "c8": ("Ahmad Fauzi", "3209", "03", "1993-06-16", "L", 2),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex

_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


# --- how the clerks damage a NIK ---------------------------------------------------------------

def excel_number(p: str) -> int:
    """The NIK typed into a cell formatted General: 15 significant digits, then 0."""
    return int(N(p)[:15] + "0")


def scientific(p: str) -> str:
    """The NIK as a General cell shows it and a copy-paste keeps it: '3.20510E+15'."""
    return f"{int(N(p)[:6]) / 100000:.5f}E+15"


def transposed(p: str, i: int) -> str:
    """Two neighbouring digits swapped at position i."""
    d = N(p)
    return d[:i] + d[i + 1] + d[i] + d[i + 2:]


def dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}-{m}-{y}"


def swapped(iso: str) -> str:
    """Day and month written the other way round."""
    y, m, d = iso.split("-")
    return f"{m}-{d}-{y}"


def ttl(place: str, p: str) -> str:
    return f"{place}, {dmy(born(p))}"


def ttl_words(place: str, p: str) -> str:
    y, m, d = born(p).split("-")
    return f"{place}, {int(d)} {_BULAN[int(m) - 1]} {y}"


# --- Kabupaten Garut: MTU 2023 --------------------------------------------------------------------

# (person, name as written, nik cell, jabatan kerja, jenjang, result)
_GARUT_MTU = [
    ("g1", "ASEP SAEPUDIN", excel_number("g1"), "Tukang Batu", "2", "K"),
    ("g2", "DADANG S.", excel_number("g2"), "Tukang Batu", "2", "K"),
    ("g3", "UJANG KOMARUDIN", "'" + N("g3"), "Tukang Kayu", "2", "K"),
    ("g4", "CECEP HIDAYAT", excel_number("g4"), "Tukang Besi Beton", "2", "K"),
    ("g10", "SOEDARMO", excel_number("g10"), "Tukang Kayu", "2", "K"),
    ("g11", "DEDE KURNIAWAN", excel_number("g11"), "Tukang Batu", "2", "K"),
    ("g13", "HENDRA GUNAWAN", N("g13"), "Operator Excavator", "3", "K"),
    ("g14", "HENDRI GUNAWAN", N("g14"), "Operator Excavator", "3", "BK"),
    ("g18", "AHMAD YANI", excel_number("g18"), "Tukang Batu", "2", "K"),
    ("g15", "NINING SURYANI", excel_number("g15"), "Tukang Cat Bangunan", "2", "K"),
    ("g16", "OPIK TAUFIK", excel_number("g16"), "Tukang Besi Beton", "2", "K"),
    ("g22", "ENTIS SUTISNA BIN KARTA", "", "Tukang Kayu", "2", "K"),
    ("g7", "MUHAMMAD RIZKI FAUZI", N("g7"), "Operator Excavator", "3", "BK"),
]


def _garut_mtu_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "MTU 2023"
    ws.append(["DAFTAR PESERTA UJI KOMPETENSI MOBILE TRAINING UNIT (MTU) KABUPATEN GARUT TAHUN 2023"])
    ws.append([])
    ws.append(["NO", "NAMA", "NIK", "TEMPAT, TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG", "HASIL"])
    for i, (p, name, nik_cell, jab, lvl, result) in enumerate(_GARUT_MTU, 1):
        ws.append([i, name, nik_cell, ttl("Garut", p), sex(p), jab, lvl, result])
    ws.append([])
    ws.append(["", "Garut, 20 November 2023"])
    ws.append(["", "Kepala Bidang Bina Konstruksi"])
    wb.save(path)


# --- Kabupaten Garut: Tahap I-IV 2025, first sent, then _revisi ---------------------------------

# sheet -> (person, name as written, nik cell, birth cell, sex cell, jabatan, jenjang, result, number)
def _garut_tahap(revised: bool) -> dict[str, list[tuple]]:
    return {
        "Tahap I": [
            ("g1", "ASEP SAEPUDIN", N("g1"), dmy(born("g1")), "L", "Kepala Tukang Batu", "3", "K",
             "SKK-3205-2025-00101"),
            ("g2", "DADANG SUHERMAM", N("g2"), dmy(born("g2")), "L", "Tukang Besi Beton", "2", "K", "dalam proses"),
            ("g6", "H. ENDANG SURYANA", N("g6"), dmy(born("g6")), "L", "Mandor Pekerjaan Jalan", "4", "K",
             "SKK-3205-2025-00103"),
            # first sent as K by mistake; the revision says BK
            ("g24", "ADE SUPRIATNA", N("g24"), dmy(born("g24")), "L", "Tukang Batu", "2", "BK" if revised else "K",
             ""),
            ("g20", "AGUS SUPRIYADI", N("g20"), dmy(born("g20")), "L", "Operator Excavator", "3", "K",
             "SKK-3205-2025-00105"),
            ("g17", "SLAMET RIYADI", N("g17"), dmy(born("g17")), "L", "Operator Bulldozer", "3", "K",
             "SKK-3205-2025-00106"),
        ],
        "Tahap II": [
            # first sent as BK; the revision says K
            ("g5", "CECEP HIDAYAT", N("g5"), dmy(born("g5")), "L", "Tukang Besi Beton", "2", "K" if revised else "BK",
             "SKK-3205-2025-00201" if revised else ""),
            ("g7", "M. RIZKI FAUZI", N("g7"), swapped(born("g7")), "L", "Operator Excavator", "3", "K",
             "SKK-3205-2025-00202"),
            ("g21", "ABDUL RAHMAN HAKIM", N("g21"), dmy(born("g21")), "L", "Mandor Pekerjaan Gedung", "4", "K",
             "SKK-3205-2025-00203"),
            ("g23", "IIS AISYAH BINTI MAMAN", N("g23"), dmy(born("g23")), "", "Juru Ukur", "4", "K",
             "SKK-3205-2025-00204"),
            ("g12", "DEDE KURNIAWAN", "-", dmy(born("g12")), "L", "Tukang Batu", "2", "K",
             "SKK-3205-2025-00205"),
        ] + ([
            # added in the revision
            ("g19", "AHMAD YANI", N("g19"), dmy(born("g19")), "L", "Tukang Batu", "2", "K", "SKK-3205-2025-00206"),
        ] if revised else []),
        "Tahap III": [
            ("g9", "IWAN SETIAWAN", N("g9"), dmy(born("g9")), "L", "Operator Crane", "3", "K", "SKK-3205-2025-00301"),
            # the clerk copied the NIK of the row above
            ("g8", "YAYAN SOPYAN", N("g9"), dmy(born("g8")), "L", "Operator Crane", "3", "K", "SKK-3205-2025-00302"),
            ("g3", "UJANG KOMARUDIN", " ".join([N("g3")[:4], N("g3")[4:6], N("g3")[6:12], N("g3")[12:]]),
             dmy(born("g3")), "L", "Kepala Tukang Kayu", "3", "K", "SKK-3205-2025-00303"),
            ("g15", "NINING SURYANI", N("g15"), swapped(born("g15")), "", "Juru Ukur", "4", "K", ""),
            ("g16", "OPIK TAUFIK", N("g16"), dmy(born("g16")), "L", "Operator Excavator", "3", "BK", ""),
        ],
        "Tahap IV": [
            ("g10", "SUDARMO", N("g10"), dmy(born("g10")), "L", "Kepala Tukang Kayu", "3", "K", "SKK-3205-2025-00401"),
            ("g14", "HENDRI GUNAWAN", N("g14"), dmy(born("g14")), "L", "Operator Excavator", "3", "K",
             "SKK-3205-2025-00402"),
            ("g22", "ENTIS SUTISNA", N("g22"), dmy(born("g22")), "L", "Mandor Pekerjaan Gedung", "4", "K", "proses"),
        ],
    }


def _garut_tahap_xlsx(path: Path, revised: bool) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in _garut_tahap(revised).items():
        ws = wb.create_sheet(sheet)
        ws.append([f"DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI KABUPATEN GARUT "
                   f"TAHUN 2025 - {sheet.upper()}"])
        ws.append(["NO", "NAMA LENGKAP", "NIK", "TGL LAHIR", "JK", "JABATAN KERJA", "JENJANG", "HASIL UJI",
                   "NO. SERTIFIKAT"])
        for i, (p, name, nik_cell, birth, sx, jab, lvl, result, number) in enumerate(rows, 1):
            ws.append([i, name, nik_cell, birth, sx, jab, lvl, result, number or None])
    wb.save(path)


# --- Kabupaten Garut: attendance of the 2025 BIMTEK (no result) ------------------------------------

_GARUT_HADIR = [("g8", "YAYAN SOPYAN"), ("g9", "IWAN SETIAWAN"), ("g24", "ADE SUPRIATNA"), ("g1", "ASEP SAEPUDIN"),
                ("g13", "HENDRA GUNAWAN"), ("g25", "JAJANG NURJAMAN"), ("g2", "DADANG")]


def _garut_hadir_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar Hadir"
    ws.append(["DAFTAR HADIR BIMBINGAN TEKNIS TENAGA KERJA KONSTRUKSI KABUPATEN GARUT TAHUN 2025"])
    ws.append(["NO", "NAMA", "NIK", "ALAMAT", "NO. HP", "TANDA TANGAN"])
    for i, (p, name) in enumerate(_GARUT_HADIR, 1):
        ws.append([i, name, N(p), "Garut", "08xx", str(i)])
    wb.save(path)


# --- the Jawa Barat province: expert program 2025 -------------------------------------------------

# (person, name as written, jabatan, jenjang, result, number)
_JABAR_AHLI = [
    ("e1", "Ir. TJAHJONO WIBISONO, M.T.", "Ahli Madya Teknik Jalan", "8", "Kompeten", "SKK-32-2025-7001"),
    ("e2", "RINA KUSUMAWATI, S.T.", "Ahli Muda Teknik Bangunan Gedung", "7", "Kompeten", "SKK-32-2025-7002"),
    ("e3", "Dr. Ir. H. BAMBANG HERMAWAN, M.Sc.", "Ahli Utama Manajemen Konstruksi", "9", "Kompeten",
     "SKK-32-2025-7003"),
    ("e4", "MOH. FAJAR NUGRAHA, S.T.", "Ahli Muda Teknik Jalan", "7", "Kompeten", "SKK-32-2025-7004"),
    ("e5", "SITI NURHALIZA, S.T.", "Ahli Muda Teknik Sumber Daya Air", "7", "Belum Kompeten", None),
    ("e6", "YUSUF MAULANA, S.T.", "Ahli Muda Teknik Jembatan", "7", "Kompeten", "SKK-32-2025-7006"),
    ("e7", "Ir. DJOKO SANTOSO", "Ahli Madya Teknik Bangunan Gedung", "8", "Kompeten", None),
    ("e8", "Hj. EUIS KOMARIAH, S.T., M.T.", "Ahli Madya Teknik Sumber Daya Air", "8", "Kompeten", "SKK-32-2025-7008"),
]


def _jabar_ahli_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    ws.append(["DAFTAR PESERTA SERTIFIKASI TENAGA AHLI KONSTRUKSI PROVINSI JAWA BARAT TAHUN 2025"])
    ws.append([])
    ws.append(["NO", "NAMA", "NIK", "TEMPAT, TANGGAL LAHIR", "JABATAN KERJA", "JENJANG", "HASIL", "NO. SERTIFIKAT"])
    for i, (p, name, jab, lvl, result, number) in enumerate(_JABAR_AHLI, 1):
        # Yusuf's NIK typed as a number (Kota Bandung's holder list has it whole)
        nik_cell = excel_number(p) if p == "e6" else N(p)
        ws.append([i, name, nik_cell, ttl_words("Bandung", p), jab, lvl, result, number])
    wb.save(path)


# --- the Jawa Barat province: the yearly recap 2025 ------------------------------------------------

# (person, name as written, nik cell, asal kab/kota, jabatan, jenjang, number)
_JABAR_REKAP = [
    # re-reports of Garut's Tahap certificates
    # the number typed over with a label and en dashes
    ("g1", "ASEP SAEPUDIN", N("g1"), "Kab. Garut", "Kepala Tukang Batu", "3", "No. SKK\u20133205\u20132025\u201300101"),
    ("g20", "AGUS S.", scientific("g20"), "Kab. Garut", "Operator Excavator", "3", None),
    # the number typed with spaces where Garut's list has hyphens
    ("g21", "ABDUL R. HAKIM", N("g21") + "1", "Kab. Garut", "Mandor Pekerjaan Gedung", "4", "SKK 3205 2025 00203"),
    ("g8", "YAYAN SOPYAN", N("g8"), "Kab. Garut", "Operator Crane", "3", "SKK-3205-2025-00302"),
    ("g7", "MUHAMMAD RIZKY FAUZI", transposed("g7", 8), "Kab. Garut", "Operator Excavator", "3", None),
    ("g6", "ENDANG SURYANA", excel_number("g6"), "Kab. Garut", "Mandor Pekerjaan Jalan", "4", "SKK-3205-2025-00103"),
    ("g22", "ENTIS SUTISNA", N("g22"), "Kab. Garut", "Mandor Pekerjaan Gedung", "4", None),
    ("g19", "AHMAD YANI", N("g19"), "Kab. Garut", "Tukang Batu", "2", None),
    # the son, shortened, no NIK: the father's MTU certificate of 2023 is the same jabatan and level
    ("g12", "DEDE K.", "-", "Kab. Garut", "Tukang Batu", "2", None),
    # of Sumedang's and Cirebon's
    ("s1", "JAJA SUJANA", N("s1")[:9] + N("s1")[10:], "Kab. Sumedang", "Kepala Tukang Kayu", "3",
     "SKK-3211-2025-0031"),
    ("c3", "CASMADI", N("c3"), "Kab. Cirebon", "Operator Excavator", "3", None),
    # the clerk copied the NIK of the row above
    ("c4", "TARSONO", N("c3"), "Kab. Cirebon", "Operator Crane", "3", None),
    # of Kota Bandung's (issued 2024)
    # copied out of a CSV with Excel's text marker
    ("k1", "RUDI HARTONO", N("k1"), "Kota Bandung", "Operator Excavator", "3", "'SKK-3273-2024-0011"),
    # the province's own expert certificates again, and its fresh-graduate program
    ("e4", "M. FAJAR NUGRAHA, S.T.", N("e4"), "Provinsi", "Ahli Muda Teknik Jalan", "7", "SKK-32-2025-7004"),
    ("e7", "JOKO SANTOSO", N("e7"), "Provinsi", "Ahli Madya Teknik Bangunan Gedung", "8", None),
    ("e1", "CAHYONO WIBISONO", " ".join([N("e1")[:6], N("e1")[6:12], N("e1")[12:]]), "Provinsi",
     "Ahli Madya Teknik Jalan", "8", "SKK-32-2025-7001"),
    ("f1", "RIZAL FAHMI", N("f1"), "Kota Cimahi", "Pelaksana Lapangan Pekerjaan Gedung", "5", None),
]


def _jabar_rekap_xlsx(path: Path, final: bool) -> None:
    """The recap first sent with the fresh graduate's level miscopied (4), then corrected as ``_final``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap 2025"
    ws.append(["REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT PROVINSI JAWA BARAT TAHUN 2025"])
    ws.append(["NO", "NAMA", "NIK", "ASAL KAB/KOTA", "JABATAN KERJA", "JENJANG", "NO. SERTIFIKAT", "KETERANGAN"])
    first_sent = _JABAR_REKAP[:-1] + [_JABAR_REKAP[-1][:5] + ("4", None)]
    for i, (p, name, nik_cell, asal, jab, lvl, number) in enumerate(_JABAR_REKAP if final else first_sent, 1):
        ws.append([i, name, nik_cell, asal, jab, lvl, number, "Kompeten"])
    wb.save(path)


# --- Kota Bandung: the 2024 BIMTEK operator test, a ';' CSV ----------------------------------------

# (person, name, nik cell, sex cell, birth cell, jabatan, jenjang, result, number)
_BANDUNG_BIMTEK = [
    ("k1", "Rudi Hartono", N("k1"), "L", dmy(born("k1")), "Operator Excavator", "3", "Kompeten", "SKK-3273-2024-0011"),
    ("k2", "Dodi Permana", ".".join([N("k2")[:4], N("k2")[4:6], N("k2")[6:12], N("k2")[12:]]), "L",
     dmy(born("k2")), "Operator Crane", "3", "Kompeten", "SKK-3273-2024-0012"),
    ("k3", "Yudi Prasetyo", N("k3"), "L", dmy(born("k3")), "Operator Bulldozer", "3", "Kompeten",
     "SKK-3273-2024-0013"),
    ("k4", "Taufik Hidayat", N("k4"), "L", dmy(born("k4")), "Operator Motor Grader", "3", "Belum Kompeten", ""),
    ("k5", "Wahyu Hidayat", N("k5"), "", dmy(born("k5")), "Operator Forklift", "2", "Kompeten", ""),
    ("k6", "Deni Ramdani", N("k6"), "L", swapped(born("k6")), "Operator Crane", "3", "Kompeten",
     "SKK-3273-2024-0016"),
    ("k7", "Irfan Maulana", "-", "L", dmy(born("k7")), "Operator Excavator", "3", "Kompeten", "SKK-3273-2024-0017"),
    # Garut's Hendra Gunawan (the twin certified there in 2023), no NIK this time
    ("g13", "Hendra Gunawan", "-", "L", dmy(born("g13")), "Operator Bulldozer", "3", "Kompeten",
     "SKK-3273-2024-0018"),
]


def _bandung_csv() -> bytes:
    lines = ["No;Nama;NIK;Jenis Kelamin;Tanggal Lahir;Jabatan Kerja;Jenjang;Hasil;No Sertifikat"]
    for i, (p, name, nik_cell, sx, birth, jab, lvl, result, number) in enumerate(_BANDUNG_BIMTEK, 1):
        lines.append(";".join([str(i), name, nik_cell, sx, birth, jab, lvl, result, number]))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


# --- Kota Bandung: its holder list ----------------------------------------------------------------

# (person, name, jabatan, jenjang, number, issued, masa berlaku)
_BANDUNG_HOLDERS = [
    ("k1", "RUDI HARTONO", "Operator Excavator", "3", "SKK-3273-2024-0011", "2024-11-04", "2029-11-03"),
    ("k2", "DODI PERMANA", "Operator Crane", "3", "SKK-3273-2024-0012", "2024-11-04", "2029-11-03"),
    ("k7", "IRFAN MAULANA", "Operator Excavator", "3", "SKK-3273-2024-0017", "2024-11-04", "2029-11-03"),
    ("e6", "YUSUF MAULANA", "Pelaksana Lapangan Pekerjaan Jembatan", "6", "SKK-3273-2021-0101", "2021-03-15",
     "2026-03-14"),
    ("k8", "WAWAN KURNIAWAN", "Mandor Pekerjaan Gedung", "4", "SKK-3273-2022-0050", "2022-08-01", None),
    ("k9", "TEGUH SANTOSO", "Tukang Kayu", "2", "1.2.204.2.132.73.0012345", "2019-05-06", None),
    ("k5", "WAHYU HIDAYAT", "Operator Forklift", "2", "SKK-3273-2024-0015", "2024-11-04", "2029-11-03"),
    # the clerk copied Wahyu's NIK from the row above: Nurul's own is in no file
    ("k10", "NURUL HIDAYAH", "Juru Ukur", "4", "SKK-3273-2021-0077", "2021-09-20", "2026-09-19"),
    ("k11", "AHMAD YANI", "Tukang Batu", "2", "SKK-3273-2023-0003", "2023-02-02", "2028-02-01"),
]


def _bandung_holders_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pemegang SKK"
    ws.append(["DATA PEMEGANG SERTIFIKAT KOMPETENSI KERJA KOTA BANDUNG TAHUN 2020 - 2025"])
    ws.append(["NO", "NAMA", "NO KTP", "JABATAN KERJA", "JENJANG", "NOMOR SERTIFIKAT", "TANGGAL TERBIT",
               "MASA BERLAKU"])
    for i, (p, name, jab, lvl, number, issued, until) in enumerate(_BANDUNG_HOLDERS, 1):
        nik_cell = N(_BANDUNG_HOLDERS[i - 2][0]) if p == "k10" else N(p)
        ws.append([i, name, nik_cell, jab, lvl, number, datetime.fromisoformat(issued),
                   datetime.fromisoformat(until) if until else None])
        ws.cell(ws.max_row, 7).number_format = "dd/mm/yyyy"
        ws.cell(ws.max_row, 8).number_format = "dd/mm/yyyy"
    wb.save(path)


# --- Kabupaten Sumedang: 2020-2025 in one sheet ----------------------------------------------------

# (person, name, nik cell, birth, sex cell, jabatan, jenjang, tahun, result, number)
_SUMEDANG = [
    ("s9", "DIAN PERMANA", N("s9"), born("s9"), "L", "Tukang Batu", "2", 2020, "K", None),
    ("s8", "IWAN KURNIAWAN", N("s8"), born("s8"), "L", "Tukang Besi Beton", "2", 2021, "K", None),
    ("s1", "DJADJA SOEDJANA", excel_number("s1"), born("s1"), "L", "Tukang Kayu", "2", 2022, "K", None),
    ("s2", "NANDANG SUDRAJAT", N("s2"), born("s2"), "L", "Tukang Batu", "2", 2022, "K", None),
    ("s3", "EUIS ROHAENI", N("s3"), born("s3"), "", "Tukang Cat Bangunan", "2", 2023, "K", None),
    ("s5", "CUCU SUMARNA", N("s5"), born("s5"), "L", "Mandor Pekerjaan Jalan", "4", 2023, "K", None),
    ("s10", "SUGENG RIYANTO", N("s10"), born("s10"), "L", "Operator Bulldozer", "3", 2023, "K", None),
    # the same Nandang again, his name one letter off and his birth date a day off
    ("s2", "NANDANG SUDRAJAD", N("s2"), "1978-04-10", "L", "Tukang Batu", "2", 2024, "K", None),
    ("s4", "ASEP SUNANDAR", N("s4"), born("s4"), "L", "Operator Excavator", "3", 2024, "K", None),
    ("s6", "UJANG KOMARUDIN", N("s6"), born("s6"), "L", "Tukang Batu", "2", 2024, "K", None),
    # no NIK this time: the 2022 row's is a number Excel cut, the recap's lost a digit
    ("s1", "JAJA SUJANA", "", born("s1"), "L", "Kepala Tukang Kayu", "3", 2025, "K", "SKK-3211-2025-0031"),
    ("s7", "RAHMAT HIDAYAT", N("s7"), born("s7"), "L", "Operator Crane", "3", 2025, "BK", None),
]


def _sumedang_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data TKK"
    ws.append(["DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN SUMEDANG TAHUN 2020 - 2025"])
    ws.append(["NO", "NAMA", "NIK", "TEMPAT/TGL LAHIR", "JK", "JABATAN KERJA", "JENJANG", "TAHUN", "HASIL",
               "NO. SKK"])
    for i, (p, name, nik_cell, birth, sx, jab, lvl, tahun, result, number) in enumerate(_SUMEDANG, 1):
        ws.append([i, name, nik_cell, f"Sumedang, {dmy(birth)}", sx, jab, lvl, tahun, result, number])
    wb.save(path)


# --- Kabupaten Cirebon: two Angkatan ---------------------------------------------------------------

# sheet -> (person, name, nik cell, sex cell, jabatan, kualifikasi, jenjang, result)
_CIREBON = {
    "Angkatan 1": [
        ("c1", "MOH. TOHA", N("c1"), "Laki-laki", "Tukang Batu", "Operator", "2", "Kompeten"),
        # a digit typed twice (17 digits)
        ("c2", "KARTINI", N("c2")[:8] + N("c2")[7:], "Perempuan", "Tukang Cat Bangunan", "Operator", "2",
         "Kompeten"),
        ("c3", "CASMADI", N("c3"), "Laki-laki", "Operator Excavator", "Operator", "3", "Kompeten"),
        ("c4", "TARSONO", N("c4"), "Laki-laki", "Operator Crane", "Operator", "3", "Kompeten"),
        ("c6", "NUR HASANAH", N("c6"), "Perempuan", "Juru Ukur", "Teknisi", "4", "Belum Kompeten"),
        ("c8", "AHMAD FAUZI", N("c8"), "Laki-laki", "Operator Excavator", "Operator", "3", "Kompeten"),
    ],
    "Angkatan 2": [
        ("c1", "MUHAMMAD TOHA", scientific("c1"), "Laki-laki", "Tukang Besi Beton", "Operator", "2", "Kompeten"),
        ("c5", "WARSITO", N("c5"), "Laki-laki", "Tukang Besi Beton", "Operator", "2", "Kompeten"),
        # Kartini again, her NIK now a number Excel cut: the whole NIK is in neither file
        ("c2", "KARTINI", excel_number("c2"), "Perempuan", "Tukang Plester", "Operator", "2", "Kompeten"),
        ("c6", "NOOR HASANAH", N("c6"), "Perempuan", "Juru Ukur", "Teknisi", "4", "Kompeten"),
        ("c7", "SAEPUL BAHRI", "-", "Laki-laki", "Tukang Batu", "Operator", "2", "Kompeten"),
        ("c8", "AHMAD FAUZI", transposed("c8", 12), "Laki-laki", "Operator Excavator", "Operator", "3", "Kompeten"),
    ],
}


def _cirebon_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in _CIREBON.items():
        ws = wb.create_sheet(sheet)
        ws.append([f"REKAP HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN CIREBON TAHUN 2025 - "
                   f"{sheet.upper()}"])
        ws.append(["NO", "NAMA PESERTA", "NIK", "TEMPAT, TANGGAL LAHIR", "JENIS KELAMIN", "JABATAN KERJA",
                   "KUALIFIKASI", "JENJANG", "KETERANGAN"])
        for i, (p, name, nik_cell, sx, jab, kual, lvl, result) in enumerate(rows, 1):
            ws.append([i, name, nik_cell, ttl("Cirebon", p), sx, jab, kual, lvl, result])
    wb.save(path)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    garut, prov, bandung = landing / "kab-garut", landing / "prov-jabar", landing / "kota-bandung"
    _garut_mtu_xlsx(garut / "Peserta MTU Kab Garut 2023.xlsx")
    _garut_tahap_xlsx(garut / "Sertifikasi TKK Garut 2025.xlsx", revised=False)
    _garut_tahap_xlsx(garut / "Sertifikasi TKK Garut 2025_revisi.xlsx", revised=True)
    _garut_hadir_xlsx(garut / "Daftar Hadir Bimtek Garut 2025.xlsx")
    _jabar_ahli_xlsx(prov / "Peserta Sertifikasi Tenaga Ahli Jabar 2025.xlsx")
    _jabar_rekap_xlsx(prov / "Rekap TKK Bersertifikat Jawa Barat 2025.xlsx", final=False)
    _jabar_rekap_xlsx(prov / "Rekap TKK Bersertifikat Jawa Barat 2025_final.xlsx", final=True)
    # Garut's MTU list misfiled in the province's folder (saved again, so not byte-identical)
    _garut_mtu_xlsx(prov / "MTU Garut 2023.xlsx")
    (bandung / "Hasil Uji BIMTEK Operator Kota Bandung 2024.csv").write_bytes(_bandung_csv())
    _bandung_holders_xlsx(bandung / "Pemegang SKK Kota Bandung.xlsx")
    sumedang = landing / "kab-sumedang" / "Data SKK Sumedang 2020-2025.xlsx"
    _sumedang_xlsx(sumedang)
    # Sumedang's workbook copied into Kota Bandung's folder
    (bandung / "Data SKK Sumedang 2020-2025.xlsx").write_bytes(sumedang.read_bytes())
    _cirebon_xlsx(landing / "kab-cirebon" / "Rekap Hasil UK Kab Cirebon 2025.xlsx")
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026): (certified, active, unknown) per cell.
# 32     the province: 5 Rizal Fahmi (fresh graduate, recap 2025); 7 Rina, Fajar (expert list and
#        recap: one certificate), Yusuf: 2025, active (Siti BK); 8 Tjahjono, Djoko (expert list and
#        recap as "JOKO SANTOSO"), Euis; 9 Bambang: 2025, active. Every other recap row re-reports a
#        regency/city certificate: no 32/2, 32/3 or 32/4.
# 32.05  Garut, MTU 2023 (active through 2027) and Tahap 2025 from the _revisi:
#        2 Asep, Dadang ("DADANG S." 2023, "DADANG SUHERMAM" 2025: one), Ujang, Cecep of 1986 (2023),
#        Cecep of 1991 (Tahap II, K in the revision), Soedarmo, Dede the father (2023), Dede the son
#        (2025), Nining, Opik, Ahmad Yani of 1985 (2023), Ahmad Yani of 1977 (added in the revision),
#        Entis: 13 (Ade BK in the revision);
#        3 Hendra (2023), Asep, Agus, Slamet, Rizki (BK 2023, K 2025), Iwan, Yayan (the row with
#        Iwan's NIK is Yayan's), Ujang, Sudarmo, Hendri (BK 2023, K 2025): 10 (Opik BK);
#        4 Endang, Abdul Rahman Hakim, Iis, Nining, Entis: 5. All active.
# 32.09  Cirebon 2025: 2 Toha (two certificates), Kartini (two, two damaged NIKs), Warsito, Saepul
#        (no NIK): 4;
#        3 Casmadi, Tarsono, Ahmad Fauzi (twice): 3; 4 Nur / Noor Hasanah (BK then K): 1. All active.
# 32.11  Sumedang: 2 Dian (2020, old scheme: expired), Iwan (2021: unknown in 2026), Djadja (2022),
#        Nandang (2022, 2024), Euis (2023), Ujang (2024): 6, active 4, unknown 1;
#        3 Sugeng (2023), Asep (2024), Jaja = Djadja (2025): 3 active; 4 Cucu (2023): active.
#        Rahmat BK. Its copy in Kota Bandung's folder adds nothing.
# 32.73  Kota Bandung: 2 Wahyu (2024), Teguh (SKT 2019: expired), Ahmad Yani (2023): 3, active 2;
#        3 Rudi (three files), Dodi, Yudi, Deni, Irfan (no NIK in the CSV), Hendra of Garut (no NIK;
#        not his twin Hendri, born the same day): 6 active (Taufik BK);
#        4 Wawan (Aug 2022: to Aug 2027), Nurul (to 19 Sep 2026): 2 active; 6 Yusuf (to 14 Mar 2026:
#        expired).
TRUTH = {
    ("32", 5): (1, 1, 0), ("32", 7): (3, 3, 0), ("32", 8): (3, 3, 0), ("32", 9): (1, 1, 0),
    ("32.05", 2): (13, 13, 0), ("32.05", 3): (10, 10, 0), ("32.05", 4): (5, 5, 0),
    ("32.09", 2): (4, 4, 0), ("32.09", 3): (3, 3, 0), ("32.09", 4): (1, 1, 0),
    ("32.11", 2): (6, 4, 1), ("32.11", 3): (3, 3, 0), ("32.11", 4): (1, 1, 0),
    ("32.73", 2): (3, 2, 0), ("32.73", 3): (6, 6, 0), ("32.73", 4): (2, 2, 0), ("32.73", 6): (1, 0, 0),
}

# Every person of PERSONS has a row in an accepted file (Jajang only in the attendance list).
TRUE_PERSONS = 63


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world7")), PUBLISH,
        by_province="SELECT * FROM certified_workers_by_province",
        participation="SELECT person_key, source_file, source_sheet, source_row, region_code, hasil, re_report, "
                      "home_regency_code, home_province_code FROM fact_participation")


def test_every_office_ingests(report):
    assert report.offices_failed == {}


def test_the_world_is_as_counted():
    assert len(PERSONS) == TRUE_PERSONS
    assert len(TRUTH) == 17


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS


def test_copies_revisions_and_the_misfiled_list_are_set_aside(report):
    status = report.submission_log.set_index("source_file")["status"].to_dict()
    rejected = {name for name, s in status.items() if s == "rejected"}
    assert {"Sertifikasi TKK Garut 2025.xlsx", "MTU Garut 2023.xlsx",
            "Rekap TKK Bersertifikat Jawa Barat 2025.xlsx"} <= rejected
    # and the copy of Sumedang's workbook in Kota Bandung's folder (same file name as Sumedang's own)
    log = report.submission_log
    assert set(log[log["status"] == "rejected"]["office_id"]) == {"kab-garut", "prov-jabar", "kota-bandung"}
    assert (log["status"] == "rejected").sum() == 4


# The whole province per jenjang (certified_workers_by_province): a person certified by two offices
# of Jawa Barat at one jenjang would count once, and namesakes of two regencies (Garut's and
# Sumedang's Ujang Komarudin; three Ahmad Yani of Garut and Kota Bandung) twice.
# 2  Garut 13, Cirebon 4, Sumedang 6 (Dian expired, Iwan unknown), Kota Bandung 3 (Teguh expired)
# 3  Garut 10, Cirebon 3, Sumedang 3, Kota Bandung 6 (Hendra also Garut's: once)
# 4  Garut 5, Cirebon 1, Sumedang 1, Kota Bandung 2
# 5  Rizal (province);  6  Yusuf (Kota Bandung, expired);  7, 8, 9 the province's experts
BY_PROVINCE = {
    2: (26, 23, 1), 3: (21, 21, 0), 4: (9, 9, 0), 5: (1, 1, 0), 6: (1, 0, 0), 7: (3, 3, 0), 8: (3, 3, 0),
    9: (1, 1, 0),
}


def test_the_province_table_is_the_hand_count(report):
    table = report.by_province
    assert set(table["province_code"]) == {"32"}
    assert {int(r.jenjang): (int(r.certified_persons), int(r.active_persons), int(r.active_unknown_persons))
            for r in table.itertuples()} == BY_PROVINCE


# Where the persons' KTPs were issued (dim_person.home_province_code, from the NIK or the leading
# digits Excel left): Jawa Tengah for Slamet (Cilacap), Sugeng (Wonogiri), Tarsono (Brebes); Jawa
# Timur for Yudi (Surabaya); DKI Jakarta for Siti; unknown for Saepul, the young Dede Kurniawan
# and Nurul Hidayah (no NIK of their own in any file); Jawa Barat for the other 55, Opik's
# Tasikmalaya and Warsito's Majalengka KTPs included.
HOME_PROVINCES = {"32": 55, "33": 3, "35": 1, "31": 1, None: 3}


def test_home_provinces_are_the_hand_count(report):
    home = report.persons["home_province_code"]
    counts = home.where(home.notna() & (home != "None"), None).value_counts(dropna=False).to_dict()
    assert {(None if pd.isna(k) else k): v for k, v in counts.items()} == HOME_PROVINCES


def _true_person_of_each_row() -> dict[tuple[str, str, int], str]:
    """(file, sheet, Excel row or CSV line) -> the person the row truly is, from the tables above."""
    truth = {}

    def add(file, sheet, first_row, persons):
        truth.update({(file, sheet, first_row + i): p for i, p in enumerate(persons)})

    add("Peserta MTU Kab Garut 2023.xlsx", "MTU 2023", 4, [r[0] for r in _GARUT_MTU])
    for sheet, rows in _garut_tahap(True).items():
        add("Sertifikasi TKK Garut 2025_revisi.xlsx", sheet, 3, [r[0] for r in rows])
    add("Daftar Hadir Bimtek Garut 2025.xlsx", "Daftar Hadir", 3, [r[0] for r in _GARUT_HADIR])
    add("Peserta Sertifikasi Tenaga Ahli Jabar 2025.xlsx", "Peserta", 4, [r[0] for r in _JABAR_AHLI])
    add("Rekap TKK Bersertifikat Jawa Barat 2025_final.xlsx", "Rekap 2025", 3, [r[0] for r in _JABAR_REKAP])
    add("Hasil Uji BIMTEK Operator Kota Bandung 2024.csv", "", 2, [r[0] for r in _BANDUNG_BIMTEK])
    add("Pemegang SKK Kota Bandung.xlsx", "Pemegang SKK", 3, [r[0] for r in _BANDUNG_HOLDERS])
    add("Data SKK Sumedang 2020-2025.xlsx", "Data TKK", 3, [r[0] for r in _SUMEDANG])
    for sheet, rows in _CIREBON.items():
        add("Rekap Hasil UK Kab Cirebon 2025.xlsx", sheet, 3, [r[0] for r in rows])
    return truth


def test_no_person_is_split_or_merged(report):
    truth = _true_person_of_each_row()
    rows = report.participation
    rows = rows.assign(person=[truth.get((f, sh, int(r))) for f, sh, r in
                               zip(rows["source_file"], rows["source_sheet"], rows["source_row"])])
    assert rows["person"].notna().all(), rows[rows["person"].isna()]
    split = rows.groupby("person")["person_key"].nunique()
    merged = rows.groupby("person_key")["person"].nunique()
    assert (sorted(split[split > 1].index), int((merged > 1).sum())) == ([], 0)


# DOMAIN's analyst question, "how many certified there hold a KTP from outside the regency (or the
# province)?", from fact_participation's home columns: per credited region, (certified persons whose
# KTP is from elsewhere, certified persons whose KTP region is unknown).
# 32     the experts and the fresh graduate all hold Jawa Barat KTPs (Siti of Jakarta is BK): (0, 0)
# 32.05  Opik (Tasikmalaya), Slamet (Cilacap); the young Dede Kurniawan unknown: (2, 1)
# 32.09  Tarsono (Brebes), Warsito (Majalengka); Saepul unknown: (2, 1)
# 32.11  Sugeng (Wonogiri): (1, 0)
# 32.73  Yudi (Surabaya), Hendra (Garut); Nurul unknown (her row carries Wahyu's NIK): (2, 1)
FROM_ELSEWHERE = {"32": (0, 0), "32.05": (2, 1), "32.09": (2, 1), "32.11": (1, 0), "32.73": (2, 1)}


def test_certified_from_elsewhere_are_the_hand_count(report):
    rows = report.participation
    rows = rows[(rows["hasil"] == "Kompeten") & ~rows["re_report"].astype(bool)]
    got = {}
    for region, part in rows.groupby("region_code"):
        home = part["home_province_code"] if len(region) == 2 else part["home_regency_code"]
        known = home.notna() & (home != "None")
        persons = part.assign(known=known.to_numpy(), away=(known & (home != region)).to_numpy())
        per_person = persons.groupby("person_key")[["known", "away"]].any()
        got[region] = (int(per_person["away"].sum()), int((~per_person["known"]).sum()))
    assert got == FROM_ELSEWHERE
