"""A thirteenth hand-made world: a province's recap re-reporting its regencies' certificates in the
words and numbers its clerks wrote, not the regencies'.

Maluku Utara (82), which no other world uses: the province office and three of its regency/city
offices (Kota Ternate 82.71, Halmahera Utara 82.03, Halmahera Selatan 82.04); Pulau Morotai (82.07)
sends nothing. 17 persons, 6 files, judged on PUBLISH (30 June 2026). Every recap row carries the
person's NIK (linkage ties it to the regency's row); what differs is how the clerk wrote the
certificate (docs/warehouse.md, counting rules 3 and 6):

- the number shortened or re-formatted: the serial alone ("00101" for "SKK-8271-2024-00101"), the
  number without its letters ("8271-2024-00102"), with dots ("SKK.8271.2024.00103"), as a letter
  number ("No. 00104/SKK/2024"), or regency and year without the letters ("8204.2023.00503"). An SKK
  blanko carries two numbers (the LSP's "Nomor Sertifikat" and the LPJK's "No.Reg.": the SKK
  certificate template of LSP Gatensi, github.com/alindrapu/skk-balai,
  resources/views/certificate/sertifikat.blade.php), both of segments ending in a serial that restarts
  per issuer and year (BNSP, Pedoman Penerbitan Sertifikat Kompetensi 03/BNSP.302/X/2013, 5.5
  "Kodifikasi/Penomoran Sertifikat"; the 21-digit layout KBLI, KBJI, level, serial, year of
  docs/warehouse.md). So a serial names a certificate only within its issuer and year: two regencies'
  "00101" are two certificates (Ternate's Rizal and Halmahera Selatan's Ridwan are both "00101" in
  the recap), and a shortened number is read as the regency's only for the same person at the same
  jenjang;
- the jabatan kerja in another spelling: the certificate prints it in Indonesian and in English
  (the same template's "Okupasi" / "Occupation"), and clerks write machines as Indonesian spells
  them ("Operator Ekskavator", "Buldoser", "Kren"), the machine without the role ("Motor Grader"),
  the role without the machine's qualifier ("Operator Loader" for Operator Wheel Loader, "Tukang
  Besi" for Tukang Besi Beton), the English name ("Surveyor" for Juru Ukur), abbreviations ("Op.",
  "Tk.", "Pel. Lap. Pek.") and a letter dropped ("Pekerjan"). SKKNI jabatan names: Operator
  Bulldozer, Operator Wheel Loader (SKKNI 2005, Departemen Pekerjaan Umum: fdokumen.com
  nomor-regristrasi-skkni, id.scribd.com 591457107);
- what stays the province's own: the same person's certificate of another jabatan at the same
  jenjang with another number (Rizal's Operator Bulldozer, Hendrik's Tukang Besi beside his Tukang
  Batu), another jabatan without a number (Jainudin's Mandor Pekerjaan Jalan beside his Mandor
  Pekerjaan Tanah), another person with the same serial (the province's Sukardi,
  "SKK-8200-2025-00101"), and a serial-only row of a regency that reports nothing (Morotai).
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
from tests.hand_worlds import as_datetime as _d, xlsx_bytes as _save, titled_sheet as _titled_sheet

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-malut", "name": "Dinas PUPR Provinsi Maluku Utara", "level": "province", "region_code": "82"},
    {"id": "kota-ternate", "name": "Dinas PUPR Kota Ternate", "level": "city", "region_code": "82.71"},
    {"id": "kab-halmahera-utara", "name": "Dinas PUPR Kabupaten Halmahera Utara", "level": "regency",
     "region_code": "82.03"},
    {"id": "kab-halmahera-selatan", "name": "Dinas PUPR Kabupaten Halmahera Selatan", "level": "regency",
     "region_code": "82.04"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Kota Ternate's 2024 list
    "t1": ("Rizal Tomagola", "8271", "02", "1990-03-14", "L", 1),
    "t2": ("Fahmi Sangaji", "8271", "03", "1987-07-21", "L", 2),
    "t3": ("Safrudin Ali", "8271", "01", "1985-11-02", "L", 3),
    "t4": ("Nurlaila Abdullah", "8271", "04", "1993-05-09", "P", 4),
    "t5": ("Irfan Syamsudin", "8271", "02", "1991-01-30", "L", 5),
    "t6": ("Abdul Gafur", "8271", "05", "1989-09-19", "L", 6),
    # round 2: two certificates at jenjang 3 in Ternate's list
    "t7": ("Wahyu Umar", "8271", "03", "1995-04-18", "L", 8),
    # Halmahera Utara's 2025 list
    "h1": ("Yosias Lolowang", "8203", "01", "1984-04-04", "L", 1),
    "h2": ("Markus Tuwaidan", "8203", "02", "1986-08-17", "L", 2),
    "h3": ("Sefnat Dodo", "8203", "03", "1992-12-12", "L", 3),
    "h4": ("Meilan Tumbol", "8203", "01", "1990-06-25", "P", 4),
    "h5": ("Hendrik Lahabu", "8203", "04", "1988-02-28", "L", 5),
    # Halmahera Selatan's 2023 list
    "s1": ("Mansur Kahar", "8204", "02", "1983-10-10", "L", 1),
    "s2": ("Ridwan Bahta", "8204", "05", "1989-03-03", "L", 2),
    "s3": ("Jainudin Marsaoly", "8204", "01", "1980-07-07", "L", 3),
    # the province's own program
    "pv1": ("Sukardi Hamid", "8271", "06", "1994-09-09", "L", 7),
    # only in the recap: Pulau Morotai (not in the registry)
    "m1": ("Yusuf Gorontalo", "8207", "01", "1991-11-11", "L", 1),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex


# --- the regencies and the city ----------------------------------------------------------------

# (person, jabatan, jenjang, hasil, number, issued)
_TERNATE_2024 = [
    ("t1", "Operator Excavator", 3, "Kompeten", "SKK-8271-2024-00101", "2024-08-12"),
    ("t2", "Operator Bulldozer", 3, "Kompeten", "SKK-8271-2024-00102", "2024-08-12"),
    ("t3", "Tukang Besi Beton", 2, "Kompeten", "SKK-8271-2024-00103", "2024-08-12"),
    ("t4", "Juru Ukur", 4, "Kompeten", "SKK-8271-2024-00104", "2024-08-12"),
    ("t5", "Operator Crane", 3, "Kompeten", "SKK-8271-2024-00105", "2024-08-12"),
    ("t6", "Tukang Kayu", 2, "Belum Kompeten", "", None),
    ("t7", "Operator Excavator", 3, "Kompeten", "SKK-8271-2024-00106", "2024-08-12"),
    ("t7", "Operator Bulldozer", 3, "Kompeten", "SKK-8271-2024-00107", "2024-08-12"),
]
_HALUT_2025 = [
    ("h1", "Operator Motor Grader", 3, "Kompeten", "SKK-8203-2025-00011", "2025-03-03"),
    ("h2", "Operator Wheel Loader", 3, "Kompeten", "SKK-8203-2025-00012", "2025-03-03"),
    ("h3", "Tukang Kayu", 2, "Kompeten", "SKK-8203-2025-00013", "2025-03-03"),
    ("h4", "Pelaksana Lapangan Pekerjaan Gedung", 5, "Kompeten", "SKK-8203-2025-00014", "2025-03-03"),
    ("h5", "Tukang Batu", 2, "Kompeten", "SKK-8203-2025-00015", "2025-03-03"),
]
_HALSEL_2023 = [
    ("s1", "Tukang Besi", 2, "Kompeten", "SKK-8204-2023-00501", "2023-05-22"),
    # the same serial as Ternate's Rizal: serials restart per issuer and year
    ("s2", "Operator Ekskavator", 3, "Kompeten", "SKK-8204-2023-00101", "2023-05-22"),
    ("s3", "Mandor Pekerjaan Tanah", 4, "Kompeten", "SKK-8204-2023-00503", "2023-05-22"),
]


def _office_xlsx(titles: list[str], rows: list[tuple]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    values = [[i, PERSONS[p][0].upper(), N(p), _d(born(p)), sex(p), jab, lvl, hasil, number, _d(issued)]
              for i, (p, jab, lvl, hasil, number, issued) in enumerate(rows, 1)]
    _titled_sheet(ws, titles, ["No", "Nama", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                               "No. Sertifikat", "Tgl Terbit"], values)
    return _save(wb)


# --- the province ------------------------------------------------------------------------------

# The recap of the regencies' certificates: (person, Kab/Kota as written, jabatan as written,
# jenjang, number as written, tahun)
_RECAP = [
    ("t1", "Kota Ternate", "Operator Ekskavator", 3, "00101", 2024),
    ("t2", "Kota Ternate", "Op. Buldoser", 3, "8271-2024-00102", 2024),
    ("t3", "Kota Ternate", "Tk. Besi", 2, "SKK.8271.2024.00103", 2024),
    ("t4", "Kota Ternate", "Surveyor", 4, "No. 00104/SKK/2024", 2024),
    ("t5", "Kota Ternate", "Operator Kren", 3, "00105", 2024),
    ("h1", "Kab. Halmahera Utara", "Motor Grader", 3, "00011", 2025),
    ("h2", "Kab. Halmahera Utara", "Operator Loader", 3, "", 2025),
    ("h3", "Kab. Halmahera Utara", "Tukang Kayu", 2, "SKK-8203-2025-00013", 2025),
    ("h4", "Kab. Halmahera Utara", "Pel. Lap. Pek. Gedung", 5, "00014", 2025),
    ("s1", "Kab. Halmahera Selatan", "Tukang Besi Beton", 2, "00501", 2023),
    ("s2", "Kab. Halmahera Selatan", "Operator Excavator", 3, "00101", 2023),
    ("s3", "Kab. Halmahera Selatan", "Mandor Pekerjan Tanah", 4, "8204.2023.00503", 2023),
    # Morotai reports nothing: the province reported this one
    ("m1", "Kab. Pulau Morotai", "Tukang Kayu", 2, "00021", 2024),
]


def _recap_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    rows = [[i, PERSONS[p][0].upper(), N(p), where, jab, lvl, "Kompeten", number, tahun]
            for i, (p, where, jab, lvl, number, tahun) in enumerate(_RECAP, 1)]
    _titled_sheet(ws, ["REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN/KOTA",
                       "DINAS PUPR PROVINSI MALUKU UTARA TAHUN 2023-2025"],
                  ["No", "Nama", "NIK", "Kab/Kota", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat",
                   "Tahun"], rows)
    return _save(wb)


# The province's own 2025 program: (person, jabatan, jenjang, number, issued)
_PROGRAM_2025 = [
    # another person with Ternate's serial 00101
    ("pv1", "Operator Excavator", 3, "SKK-8200-2025-00101", "2025-09-15"),
    # Rizal's second certificate at jenjang 3: another jabatan, another number
    ("t1", "Operator Bulldozer", 3, "SKK-8200-2025-00902", "2025-09-15"),
    # Hendrik's Tukang Besi beside Halmahera Utara's Tukang Batu: another jabatan and number
    ("h5", "Tukang Besi", 2, "SKK-8200-2025-00903", "2025-09-15"),
    # Jainudin's Mandor Pekerjaan Jalan beside Halmahera Selatan's Mandor Pekerjaan Tanah, no number yet
    ("s3", "Mandor Pekerjaan Jalan", 4, "dalam proses", None),
]


def _program_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta 2025"
    rows = [[i, PERSONS[p][0].upper(), N(p), _d(born(p)), sex(p), jab, lvl, "Kompeten", number, _d(issued), 2025]
            for i, (p, jab, lvl, number, issued) in enumerate(_PROGRAM_2025, 1)]
    _titled_sheet(ws, ["PELATIHAN DAN UJI KOMPETENSI TENAGA KERJA KONSTRUKSI",
                       "DINAS PUPR PROVINSI MALUKU UTARA TAHUN 2025"],
                  ["No", "Nama", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat",
                   "Tgl Terbit", "Tahun"], rows)
    return _save(wb)


# Round 2: the province's 2024 addendum for Ternate, Wahyu's two certificates and a row that mixes
# them. (jabatan as written, number as written: an int is a cell Excel holds as a number, its
# leading zeros gone)
_ADDENDUM = [
    ("Operator Buldoser", 107),  # his Bulldozer's serial, zeros lost: that certificate
    ("Op. Excavator (Alat Berat)", "00106"),  # his Excavator, glossed: that certificate
    # his Excavator's serial under the Bulldozer's jabatan: each certificate contradicts it in one
    # respect (rules 3 and 6): another certificate, the province's own
    ("Operator Bulldozer", "00106"),
]


def _addendum_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tambahan"
    rows = [[i, PERSONS["t7"][0].upper(), N("t7"), "Kota Ternate", jab, 3, "Kompeten", number, 2024]
            for i, (jab, number) in enumerate(_ADDENDUM, 1)]
    _titled_sheet(ws, ["DATA TAMBAHAN TENAGA KERJA KONSTRUKSI BERSERTIFIKAT",
                       "DINAS PUPR PROVINSI MALUKU UTARA TAHUN 2024"],
                  ["No", "Nama", "NIK", "Kab/Kota", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat",
                   "Tahun"], rows)
    return _save(wb)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    (landing / "kota-ternate" / "Peserta Uji Kompetensi 2024.xlsx").write_bytes(_office_xlsx(
        ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KOTA TERNATE TAHUN 2024"],
        _TERNATE_2024))
    (landing / "kab-halmahera-utara" / "Hasil Uji Kompetensi 2025.xlsx").write_bytes(_office_xlsx(
        ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KABUPATEN HALMAHERA UTARA TAHUN 2025"],
        _HALUT_2025))
    (landing / "kab-halmahera-selatan" / "Peserta Sertifikasi 2023.xlsx").write_bytes(_office_xlsx(
        ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KABUPATEN HALMAHERA SELATAN TAHUN 2023"],
        _HALSEL_2023))
    prov = landing / "prov-malut"
    (prov / "Rekap TKK Bersertifikat Kab-Kota 2023-2025.xlsx").write_bytes(_recap_xlsx())
    (prov / "Pelatihan Uji Kompetensi 2025.xlsx").write_bytes(_program_xlsx())
    (prov / "Data Tambahan Ternate 2024.xlsx").write_bytes(_addendum_xlsx())
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026) from docs/warehouse.md's rules: (certified, active,
# unknown) per cell. Every regency certificate has an issue date of 2023-2025: active (5 years).
# 82.71  Ternate 2024: 2 Safrudin; 3 Rizal, Fahmi, Irfan; 4 Nurlaila. Abdul Gafur BK. The recap's
#        five rows are re-reports (serial "00101", "8271-2024-00102", dots, "No. 00104/SKK/2024",
#        "00105"; Ekskavator, Op. Buldoser, Tk. Besi, Surveyor, Kren).
# 82.03  Halmahera Utara 2025: 2 Sefnat, Hendrik; 3 Yosias, Markus; 5 Meilan. The recap's four rows
#        are re-reports ("00011" Motor Grader, Operator Loader without number, the full number,
#        "00014" Pel. Lap. Pek. Gedung).
# 82.04  Halmahera Selatan 2023: 2 Mansur; 3 Ridwan; 4 Jainudin. The recap's three rows are
#        re-reports (Ridwan's "00101" is his own serial, not Rizal's: one person each).
# 82     the province: 2 Hendrik (Tukang Besi, 00903: another jabatan and number), Yusuf (Morotai,
#        serial "00021", recap year 2024: active to the end of 2028); 3 Sukardi (00101 of 2025,
#        another person), Rizal (Operator Bulldozer, 00902); 4 Jainudin (Mandor Pekerjaan Jalan,
#        "dalam proses", program year 2025: active).
# Round 2. 82.71: 3 Wahyu (Excavator 00106 and Bulldozer 00107: one person). The addendum's
#        "107" Buldoser and "00106" Excavator (Alat Berat) are re-reports; its "00106" Bulldozer
#        is the province's: 82 3 Wahyu (recap year 2024, active).
TRUTH = {
    ("82.71", 2): (1, 1, 0), ("82.71", 3): (4, 4, 0), ("82.71", 4): (1, 1, 0),
    ("82.03", 2): (2, 2, 0), ("82.03", 3): (2, 2, 0), ("82.03", 5): (1, 1, 0),
    ("82.04", 2): (1, 1, 0), ("82.04", 3): (1, 1, 0), ("82.04", 4): (1, 1, 0),
    ("82", 2): (2, 2, 0), ("82", 3): (3, 3, 0), ("82", 4): (1, 1, 0),
}

# Maluku Utara as a whole: 2 Safrudin, Sefnat, Hendrik, Mansur, Yusuf; 3 Rizal, Fahmi, Irfan,
# Yosias, Markus, Ridwan, Sukardi; 4 Nurlaila, Jainudin; 5 Meilan. Round 2: 3 Wahyu.
PROVINCE_TRUTH = {2: (5, 5, 0), 3: (8, 8, 0), 4: (2, 2, 0), 5: (1, 1, 0)}

# Every person of PERSONS has a row in an accepted file; each recap row is its NIK's person.
TRUE_PERSONS = 17

# The recap's re-reports: all its rows but Morotai's.
TRUE_RE_REPORTS = {"Rekap TKK Bersertifikat Kab-Kota 2023-2025.xlsx": 12, "Data Tambahan Ternate 2024.xlsx": 2}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world13")), PUBLISH,
        by_province="SELECT jenjang, certified_persons, active_persons, active_unknown_persons "
                    "FROM certified_workers_by_province WHERE province_code = '82'",
        participation="SELECT person_key, office_id, source_file, source_row, hasil, re_report, certificate_key "
                      "FROM fact_participation",
        certificates="SELECT region_code, COUNT(*) AS n FROM fact_certification "
                     "GROUP BY region_code")


def test_the_world_is_as_counted():
    assert len(PERSONS) == TRUE_PERSONS
    assert len(TRUTH) == 12


def test_every_office_ingests(report):
    assert report.offices_failed == {}


def test_no_row_is_quarantined(report):
    assert sorted(zip(report.quarantine.source_file, report.quarantine.source_row.astype(str),
                      report.quarantine.rule)) == []


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_the_province_as_a_whole_is_the_hand_count(report):
    got = {int(r.jenjang): (int(r.certified_persons), int(r.active_persons), int(r.active_unknown_persons))
           for r in report.by_province.itertuples()}
    assert got == PROVINCE_TRUTH


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS


def test_the_recaps_re_reports_are_the_hand_count(report):
    f = report.participation
    assert f[f.re_report].groupby("source_file").size().to_dict() == TRUE_RE_REPORTS


def test_certificates_are_the_hand_count(report):
    # fact_certification: one row per certificate, under the region it is credited to. 82.71: 5;
    # 82.03: 5; 82.04: 3; 82: Sukardi, Rizal's Bulldozer, Hendrik's Tukang Besi, Jainudin's Mandor
    # Pekerjaan Jalan, Yusuf's: 5. A re-report adds none. Round 2: Wahyu's two in 82.71, the
    # addendum's mixed row in 82.
    got = {r.region_code: int(r.n) for r in report.certificates.itertuples()}
    assert got == {"82.71": 7, "82.03": 5, "82.04": 3, "82": 6}
