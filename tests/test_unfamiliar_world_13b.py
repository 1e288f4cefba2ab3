"""World 13b: a province recap WITHOUT NIKs re-reporting its regencies' certificates in the words and
numbers its clerks wrote (world 13's recap rows all carried the person's NIK).

Sulawesi Barat (76), which no other world uses: the province office and two regency offices
(Kabupaten Mamuju 76.02, Kabupaten Polewali Mandar 76.04). 9 persons, 3 files, judged on PUBLISH
(30 June 2026). The province's "Rekap" has no NIK, no birth date and no sex column and shortens
names ("Andi Baso M."), so linkage cannot tie its rows to their persons: each is credited to the
regency only when the row states the regency's certificate (docs/warehouse.md, counting rules 3 and
6; warehouse.headline.recap_partners), although the clerk wrote

- the number shortened or re-formatted: the serial alone ("00121" for "SKK-7602-2024-00121"), a
  letter number ("No. 00122/SKK/2024"), dots without the letters ("7602.2024.00123"), a serial
  Excel kept as a number (11 for "00011", its leading zeros gone: world 13's 107 had three digits);
- the jabatan kerja in another form: a qualifier word left out ("Operator Grader" for Operator
  Motor Grader, "Tukang Besi" for Tukang Besi Beton, "Operator Loader" for Operator Wheel Loader)
  or a letter dropped ("Mandor Pekerjan Tanah").

A serial alone names no person: serials restart per issuer and year (BNSP, Pedoman Penerbitan
Sertifikat Kompetensi, "Kodifikasi/Penomoran"; see tests/test_unfamiliar_world_13.py), so
Mamuju's Andi and Polewali Mandar's Abdul Rahman are both "00121"; and two recap rows carry
another person's serial under a name that does not agree (Muhammad Aras with Muhammad Asri's
"00124", Syamsul Rijal with Syamsul Bahri's "00122"): the province's own.
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
    {"id": "prov-sulbar", "name": "Dinas PUPR Provinsi Sulawesi Barat", "level": "province", "region_code": "76"},
    {"id": "kab-mamuju", "name": "Dinas PUPR Kabupaten Mamuju", "level": "regency", "region_code": "76.02"},
    {"id": "kab-polewali-mandar", "name": "Dinas PUPR Kabupaten Polewali Mandar", "level": "regency",
     "region_code": "76.04"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Mamuju's 2024 list
    "a1": ("Andi Baso Mappaturung", "7602", "01", "1986-02-11", "L", 1),
    "a2": ("Syamsul Bahri", "7602", "02", "1990-10-05", "L", 2),
    "a3": ("Hasnah Daeng Caya", "7602", "01", "1992-03-27", "P", 3),
    "a4": ("Muhammad Arsyad", "7602", "03", "1988-08-08", "L", 4),
    "a5": ("Muhammad Asri", "7602", "04", "1991-12-01", "L", 5),
    # Polewali Mandar's 2024 list
    "b1": ("Abdul Rahman Tahir", "7604", "01", "1985-06-19", "L", 1),
    "b2": ("Ramli Patta", "7604", "02", "1982-01-23", "L", 2),
    # only in the province's recap
    "r7": ("Muhammad Aras", "7602", "05", "1993-04-04", "L", 6),
    "r8": ("Syamsul Rijal", "7602", "02", "1994-07-07", "L", 7),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex


# (person, jabatan, jenjang, number, issued)
_MAMUJU_2024 = [
    ("a1", "Operator Motor Grader", 3, "SKK-7602-2024-00121", "2024-07-15"),
    ("a2", "Tukang Besi Beton", 2, "SKK-7602-2024-00122", "2024-07-15"),
    ("a3", "Juru Ukur", 4, "SKK-7602-2024-00123", "2024-07-15"),
    ("a4", "Operator Excavator", 3, "SKK-7602-2024-00011", "2024-07-15"),
    ("a5", "Operator Excavator", 3, "SKK-7602-2024-00124", "2024-07-15"),
]
_POLMAN_2024 = [
    # the same serial as Mamuju's Andi: serials restart per issuer and year
    ("b1", "Operator Wheel Loader", 3, "SKK-7604-2024-00121", "2024-09-02"),
    ("b2", "Mandor Pekerjaan Tanah", 4, "SKK-7604-2024-00125", "2024-09-02"),
]


def _office_xlsx(titles: list[str], rows: list[tuple]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    values = [[i, PERSONS[p][0].upper(), N(p), _d(born(p)), sex(p), jab, lvl, "Kompeten", number, _d(issued)]
              for i, (p, jab, lvl, number, issued) in enumerate(rows, 1)]
    _titled_sheet(ws, titles, ["No", "Nama", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                               "No. Sertifikat", "Tgl Terbit"], values)
    return _save(wb)


# The recap: (name as written, Kab as written, jabatan as written, jenjang, number as written, tahun).
# An int is a cell Excel holds as a number, its leading zeros gone.
_RECAP = [
    ("Andi Baso M.", "Mamuju", "Operator Grader", 3, "00121", 2024),  # a1
    ("Syamsul Bahri", "Mamuju", "Tukang Besi", 2, "No. 00122/SKK/2024", 2024),  # a2
    ("Hasnah Daeng Caya", "Mamuju", "Juru Ukur", 4, "7602.2024.00123", 2024),  # a3
    ("Muhammad Arsyad", "Mamuju", "Operator Excavator", 3, 11, 2024),  # a4
    ("Abdul Rahman T.", "Polewali Mandar", "Operator Loader", 3, "00121", 2024),  # b1
    ("Ramli Patta", "Polewali Mandar", "Mandor Pekerjan Tanah", 4, "00125", 2024),  # b2
    # another person under Muhammad Asri's serial: the province's own
    ("Muhammad Aras", "Mamuju", "Operator Excavator", 3, "00124", 2024),
    # another person under Syamsul Bahri's serial and jabatan: the province's own
    ("Syamsul Rijal", "Mamuju", "Tukang Besi", 2, "00122", 2024),
]


def _recap_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    rows = [[i, name.upper(), where, jab, lvl, "Kompeten", number, tahun]
            for i, (name, where, jab, lvl, number, tahun) in enumerate(_RECAP, 1)]
    _titled_sheet(ws, ["REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN",
                       "DINAS PUPR PROVINSI SULAWESI BARAT TAHUN 2024"],
                  ["No", "Nama", "Kabupaten", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat", "Tahun"], rows)
    return _save(wb)


RECAP_FILE = "Rekap TKK Bersertifikat Kabupaten 2024.xlsx"


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    (landing / "kab-mamuju" / "Peserta Uji Kompetensi 2024.xlsx").write_bytes(_office_xlsx(
        ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KABUPATEN MAMUJU TAHUN 2024"],
        _MAMUJU_2024))
    (landing / "kab-polewali-mandar" / "Hasil Uji Kompetensi 2024.xlsx").write_bytes(_office_xlsx(
        ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KABUPATEN POLEWALI MANDAR TAHUN 2024"],
        _POLMAN_2024))
    (landing / "prov-sulbar" / RECAP_FILE).write_bytes(_recap_xlsx())
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026) from docs/warehouse.md's rules: (certified, active,
# unknown) per cell. Every regency certificate was issued in 2024: active (five years).
# 76.02  Mamuju: 2 Syamsul Bahri; 3 Andi, Arsyad, Asri; 4 Hasnah. The recap's Andi ("00121",
#        Operator Grader), Syamsul ("No. 00122/SKK/2024", Tukang Besi), Hasnah (dots) and Arsyad
#        (Excel's 11 for 00011, same name, jenjang, jabatan and year) are re-reports.
# 76.04  Polewali Mandar: 3 Abdul Rahman; 4 Ramli. The recap's "Abdul Rahman T." ("00121",
#        Operator Loader) and Ramli ("00125", Pekerjan) are re-reports.
# 76     the province: 2 Syamsul Rijal; 3 Muhammad Aras (another person's serial, a name that does
#        not agree). Recap year 2024: active to the end of 2028.
TRUTH = {
    ("76.02", 2): (1, 1, 0), ("76.02", 3): (3, 3, 0), ("76.02", 4): (1, 1, 0),
    ("76.04", 3): (1, 1, 0), ("76.04", 4): (1, 1, 0),
    ("76", 2): (1, 1, 0), ("76", 3): (1, 1, 0),
}

# Sulawesi Barat as a whole: 2 Syamsul Bahri, Syamsul Rijal; 3 Andi, Arsyad, Asri, Abdul Rahman,
# Aras; 4 Hasnah, Ramli.
PROVINCE_TRUTH = {2: (2, 2, 0), 3: (5, 5, 0), 4: (2, 2, 0)}

# The recap's re-reports: its first six rows.
TRUE_RE_REPORTS = {RECAP_FILE: 6}

# One certificate per regency row; the province's two own.
TRUE_CERTIFICATES = {"76.02": 5, "76.04": 2, "76": 2}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world13b")), PUBLISH,
        by_province="SELECT jenjang, certified_persons, active_persons, active_unknown_persons "
                    "FROM certified_workers_by_province WHERE province_code = '76'",
        participation="SELECT person_key, office_id, source_file, source_row, hasil, re_report, certificate_key "
                      "FROM fact_participation",
        certificates="SELECT region_code, COUNT(*) AS n FROM fact_certification "
                     "GROUP BY region_code")


def test_the_world_is_as_counted():
    assert len(PERSONS) == 9
    assert sum(v[0] for v in PROVINCE_TRUTH.values()) == 9
    assert len(_RECAP) == 8


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


def test_the_recaps_re_reports_are_the_hand_count(report):
    f = report.participation
    assert f[f.re_report].groupby("source_file").size().to_dict() == TRUE_RE_REPORTS


def test_certificates_are_the_hand_count(report):
    got = {r.region_code: int(r.n) for r in report.certificates.itertuples()}
    assert got == TRUE_CERTIFICATES
