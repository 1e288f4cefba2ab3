"""World 14b: a Microsoft Forms export in Indonesian and a Google Forms CSV, checkbox answers of two jabatan.

Maluku Utara (82): Kota Ternate (82.71) and Kabupaten Halmahera Barat (82.01). 8 persons, 3 files,
judged on PUBLISH (30 June 2026). The truth below was counted by hand from docs/warehouse.md's
rules before the pipeline first ran on this world.

What the files hold, as the portals write them (tests/test_unfamiliar_world_14.py for the sources):

- Kota Ternate: Microsoft Forms' xlsx in the Indonesian locale: "ID", "Waktu mulai", "Waktu
  penyelesaian", "Email", "Nama" (the respondent's account: here the clerk who filled the form in
  for each participant, so "Nama" is the clerk's name on every row; the question "Nama Lengkap"
  holds the participant's), then the questions; a checkbox question's answers joined with ";" and
  one at the end ("Tukang Besi Beton;Tukang Batu;"), one choice too ("Operator Excavator;"); the
  result columns added at the right by the clerk.
- Kabupaten Halmahera Barat: the CSV Google Forms itself downloads (Responses -> Download),
  timestamps as "2025/08/12 1:02:19 PM GMT+9" (12-hour clock: 1:02 PM is after 12:10 PM, though
  it sorts before it as text), a checkbox answer joined with ", "; registrations only. Then the
  office's results list (an ordinary sheet), where one person is listed twice for the same jabatan:
  Belum Kompeten in the first batch, Kompeten at the retake. No response time: two assessments,
  both kept.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import yaml

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, column as _column, headline_cells as _cells
from tests.hand_worlds import run_hand_world
from tests.hand_worlds import as_datetime as _d, titled_sheet, xlsx_bytes as _save

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "kota-ternate", "name": "Dinas PUPR Kota Ternate", "level": "city", "region_code": "82.71"},
    {"id": "kab-halmahera-barat", "name": "Dinas PUPR Kabupaten Halmahera Barat", "level": "regency",
     "region_code": "82.01"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    "t1": ("Ikbal Djafar", "8271", "01", "1990-02-14", "L", 1),
    "t2": ("Rusdi Hamid", "8271", "02", "1985-07-30", "L", 2),
    "t3": ("Fitriani Umar", "8271", "03", "1996-11-05", "P", 3),
    "t4": ("Samsul Bahri", "8271", "04", "1988-01-21", "L", 4),
    "t5": ("Jufri Abdullah", "8271", "01", "1992-09-09", "L", 5),
    "h1": ("Arifin Tjan", "8201", "02", "1987-04-17", "L", 1),
    "h2": ("Marlina Sahe", "8201", "03", "1994-12-01", "P", 2),
    "h3": ("Yusuf Kadir", "8201", "01", "1983-06-26", "L", 3),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex

TERNATE_FILE = "Pendaftaran Uji Kompetensi TKK Kota Ternate 2025.xlsx"
HALBAR_FORM = "Pendaftaran Sertifikasi TKK Halbar 2025.csv"
HALBAR_RESULTS = "Hasil Uji Kompetensi TKK Halmahera Barat 2025.xlsx"

_TERNATE_HEADER = ["ID", "Waktu mulai", "Waktu penyelesaian", "Email", "Nama", "Nama Lengkap", "NIK",
                   "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja yang dipilih", "Jenjang", "HASIL",
                   "NO. SERTIFIKAT"]
# (completion time, person or a test name, jabatan as answered, jenjang, HASIL, number); row 2 onwards
_TERNATE = [
    ("2025-06-02 09:12:31", "t1", "Tukang Besi Beton;Tukang Batu;", "2", "Kompeten", None),
    # one jabatan whose name holds a comma: not two
    ("2025-06-02 09:40:02", "t2", "Pelaksana Lapangan Pekerjaan Jalan, Jembatan dan Drainase;", "4", "Kompeten",
     "SKK-8271-2025-00003"),
    # Fitriani chose jenjang 2, then sent the form again with 3: the later one counts
    ("2025-06-02 11:58:40", "t3", "Operator Excavator;", "2", None, None),
    ("2025-06-02 13:05:10", "t3", "Operator Excavator;", "3", "Kompeten", "SKK-8271-2025-00005"),
    ("2025-06-03 08:20:00", "t4", "Mandor Pekerjaan Tanah;", "4", "Belum Kompeten", None),
    ("2025-06-03 08:21:15", "tes", "Operator Excavator;", "1", None, None),
    # two jabatan ticked, a number for each
    ("2025-06-03 10:02:44", "t5", "Operator Bulldozer;Operator Motor Grader;", "3", "Kompeten",
     "SKK-8271-2025-00008; SKK-8271-2025-00009"),
]


def _ternate_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(_TERNATE_HEADER)
    for i, (done, p, jab, lvl, hasil, number) in enumerate(_TERNATE, 1):
        finished = datetime.fromisoformat(done)
        started = finished.replace(minute=max(finished.minute - 4, 0))
        if p in PERSONS:
            person = [PERSONS[p][0], N(p), _d(born(p)), "Laki-laki" if sex(p) == "L" else "Perempuan"]
        else:
            person = [p, "0", None, "Laki-laki"]
        ws.append([i, started, finished, "admin.pupr@ternatekota.go.id", "Admin PUPR Ternate", *person, jab, lvl,
                   hasil, number])
        for c in (2, 3):
            ws.cell(ws.max_row, c).number_format = "m/d/yy h:mm:ss"
        ws.cell(ws.max_row, 8).number_format = "dd/mm/yyyy"
    return _save(wb)


# (timestamp as Google Forms' own CSV writes it, person, jabatan as answered, jenjang); line 2 onwards
_HALBAR_FORM = [
    ("2025/08/12 11:58:03 AM GMT+9", "h1", "Tukang Besi Beton, Tukang Batu", "2"),
    ("2025/08/12 12:10:44 PM GMT+9", "h2", "Operator Excavator", "3"),
    # Marlina again, jenjang corrected to 2, after noon: the later response
    ("2025/08/12 1:02:19 PM GMT+9", "h2", "Operator Excavator", "2"),
    ("2025/08/13 9:15:00 AM GMT+9", "h3", "Juru Ukur", "4"),
]


def _halbar_csv() -> bytes:
    lines = ['"Timestamp","Email Address","Nama Lengkap","NIK","Tanggal Lahir",'
             '"Jabatan Kerja (boleh pilih lebih dari satu)","Jenjang"']
    for stamp, p, jab, lvl in _HALBAR_FORM:
        y, m, d = born(p).split("-")
        cells = [stamp, f"{p}@gmail.com", PERSONS[p][0], N(p), f"{d}/{m}/{y}", jab, lvl]
        lines.append(",".join(f'"{c}"' for c in cells))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# (person, jabatan, jenjang, hasil, number, issued): an ordinary list, no response times
_HALBAR_RESULTS = [
    ("h1", "Tukang Besi Beton", 2, "Kompeten", "SKK-8201-2025-00011", "2025-09-01"),
    ("h1", "Tukang Batu", 2, "Belum Kompeten", None, None),
    ("h2", "Operator Excavator", 2, "Belum Kompeten", None, None),
    ("h2", "Operator Excavator", 2, "Kompeten", "SKK-8201-2025-00014", "2025-10-15"),  # the retake
    ("h3", "Juru Ukur", 4, "Kompeten", "SKK-8201-2025-00015", "2025-09-01"),
]


def _halbar_results_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hasil"
    values = [[i, PERSONS[p][0].upper(), N(p), _d(born(p)), sex(p), jab, lvl, hasil, number, _d(issued)]
              for i, (p, jab, lvl, hasil, number, issued) in enumerate(_HALBAR_RESULTS, 1)]
    titled_sheet(ws, ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI",
                      "DINAS PUPR KABUPATEN HALMAHERA BARAT TAHUN 2025"],
                 ["No", "Nama", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat",
                  "Tgl Terbit"], values)
    return _save(wb)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    (landing / "kota-ternate" / TERNATE_FILE).write_bytes(_ternate_xlsx())
    (landing / "kab-halmahera-barat" / HALBAR_FORM).write_bytes(_halbar_csv())
    (landing / "kab-halmahera-barat" / HALBAR_RESULTS).write_bytes(_halbar_results_xlsx())
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026): (certified, active, unknown).
# 82.71  Ternate's form (program year 2025 from its name; numbers of 2025; no issue dates: active):
#        2 Ikbal (Tukang Besi Beton and Tukang Batu, one checkbox answer); 3 Fitriani (her later
#        response), Jufri (Bulldozer and Motor Grader); 4 Rusdi (the Pelaksana whose name holds a
#        comma). Samsul Belum Kompeten; "tes" nobody.
# 82.01  Halmahera Barat: the form certifies nobody (registrations); the results list (issued 2025):
#        2 Arifin (Tukang Besi Beton), Marlina (Operator Excavator at the retake); 4 Yusuf.
TRUTH = {
    ("82.71", 2): (1, 1, 0), ("82.71", 3): (2, 2, 0), ("82.71", 4): (1, 1, 0),
    ("82.01", 2): (2, 2, 0), ("82.01", 4): (1, 1, 0),
}
TRUE_PERSONS = 8

# Certificates per region: (jabatan kerja, jenjang).
TRUE_CERTIFICATES = {
    "82.71": sorted([("Tukang Besi Beton", 2), ("Tukang Batu", 2),
                     ("Pelaksana Lapangan Pekerjaan Jalan, Jembatan dan Drainase", 4), ("Operator Excavator", 3),
                     ("Operator Bulldozer", 3), ("Operator Motor Grader", 3)]),
    "82.01": sorted([("Tukang Besi Beton", 2), ("Operator Excavator", 2), ("Juru Ukur", 4)]),
}

# Rows read: Ternate 7 + 2 further jabatan (Ikbal's, Jufri's) = 9; Halbar's form 4 + 1 (Arifin's) = 5;
# results 5. Quarantined: Ternate row 4 (Fitriani's first response, replaced by row 5), row 7
# ("tes"); Halbar's form line 3 (Marlina's first response, replaced by line 4).
CHECKBOX_EXTRA_ROWS = 3
TRUE_PARTICIPATIONS = {TERNATE_FILE: 7, HALBAR_FORM: 4, HALBAR_RESULTS: 5}
TRUE_QUARANTINE = sorted([(TERNATE_FILE, 4), (TERNATE_FILE, 7), (HALBAR_FORM, 3)])
# The row that replaced each replaced response.
TRUE_REPLACED_BY = {(TERNATE_FILE, 4): "baris 5", (HALBAR_FORM, 3): "baris 4"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world14b")), PUBLISH,
        participation="SELECT source_file, jabatan_kerja FROM fact_participation",
        certification="SELECT region_code, jabatan_kerja, jenjang FROM fact_certification")


def test_the_world_is_as_counted():
    assert len(PERSONS) == TRUE_PERSONS
    assert sum(TRUE_PARTICIPATIONS.values()) + len(TRUE_QUARANTINE) == len(_TERNATE) + len(_HALBAR_FORM) + len(
        _HALBAR_RESULTS) + CHECKBOX_EXTRA_ROWS


def test_every_office_ingests(report):
    assert report.offices_failed == {}


def test_headline_is_the_hand_count(report):
    for i in range(3):
        assert _column(_cells(report), i) == _column(TRUTH, i)


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS


def test_participations_are_the_hand_count(report):
    assert report.participation.groupby("source_file").size().to_dict() == TRUE_PARTICIPATIONS


def test_certificates_are_one_per_jabatan_ticked(report):
    got = {region: sorted(zip(rows.jabatan_kerja, rows.jenjang.astype(int)))
           for region, rows in report.certification.groupby("region_code")}
    assert got == TRUE_CERTIFICATES


def test_quarantine_is_the_test_submission_and_the_replaced_responses(report):
    q = report.quarantine
    assert sorted(zip(q.source_file, q.source_row.astype(int))) == TRUE_QUARANTINE
    replaced = q[q.rule == "form_response_replaced"]
    assert {(f, int(r)): reason for f, r, reason in zip(replaced.source_file, replaced.source_row, replaced.reason)
            if TRUE_REPLACED_BY[(f, int(r))] in reason}.keys() == TRUE_REPLACED_BY.keys()
