"""A fourteenth hand-made world: registrations and results collected through online forms.

Kepulauan Riau (21) and Sulawesi Barat (76), which no other world uses: the province offices and
three regency/city offices (Kota Batam 21.71, Kabupaten Bintan 21.01, Kabupaten Mamuju 76.02).
16 persons, 6 files, judged on PUBLISH (30 June 2026).

Offices collect participants with Google Forms or Microsoft Forms and keep the responses sheet,
adding the result columns by hand at the right after the assessment. What such exports look like:

- Google Forms' responses sheet: a submission timestamp first ("Timestamp", "Cap waktu" in the
  Indonesian locale), the respondent's email when the form collects it ("Email Address",
  "Alamat email"), then one column per question headed by the full question text ("Nama Lengkap
  (sesuai KTP)", "NIK (16 digit sesuai KTP)", "Upload KTP" holding a drive link). The Forms API
  documents the same per response: ``createTime``, ``lastSubmittedTime`` ("the most recent time the
  response was submitted"), ``respondentEmail`` (developers.google.com/workspace/forms/api/reference/
  rest/v1/forms.responses; Apps Script ``FormResponse.getTimestamp()``, ``getRespondentEmail()``,
  ``getEditResponseUrl()``). Its CSV download writes the timestamp in the form owner's locale
  ("12/03/2025 9:15:42" for id-ID); a short answer of digits lands in Sheets as a number.
- Microsoft Forms' xlsx: "ID", "Start time", "Completion time", "Email", "Name" (the respondent's
  account: "anonymous" and a blank name when the form is open to anyone), then the questions.
- A checkbox question's answers joined with ", " in one cell; free-typed answers ("Lulus/Kompeten",
  "sudah"); test submissions ("tes", "coba") made while building the form; the same person
  submitting twice.

Counting rules (docs/warehouse.md) read for forms:
- a response without a result (no result column, or the clerk left it blank) is a registration:
  a participant, certified nobody (rule 1);
- a second response of the same person for the same jabatan kerja is a correction of the first
  (Forms itself keeps one response per respondent when editing is allowed: lastSubmittedTime):
  one participation, the later one; the earlier goes to quarantine with its reason, so every row
  is still accounted for;
- a test submission names nobody: quarantine;
- a checkbox answer ticking two jabatan kerja applies for two assessments: two participations, two
  certificates (the second read as sheet "<sheet> [Jabatan 2]", same row number, so it keeps an
  address of its own, as a further certificate group does).
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
from tests.hand_worlds import as_datetime as _d, xlsx_bytes as _save, titled_sheet

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-kepri", "name": "Dinas PUPR Provinsi Kepulauan Riau", "level": "province", "region_code": "21"},
    {"id": "kota-batam", "name": "Dinas PUPR Kota Batam", "level": "city", "region_code": "21.71"},
    {"id": "kab-bintan", "name": "Dinas PUPR Kabupaten Bintan", "level": "regency", "region_code": "21.01"},
    {"id": "prov-sulbar", "name": "Dinas PUPR Provinsi Sulawesi Barat", "level": "province", "region_code": "76"},
    {"id": "kab-mamuju", "name": "Dinas PUPR Kabupaten Mamuju", "level": "regency", "region_code": "76.02"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Kota Batam's Google Form
    "b1": ("Andi Saputra", "2171", "02", "1991-04-12", "L", 1),
    "b2": ("Rahmat Hidayat", "2171", "05", "1988-09-03", "L", 2),
    "b3": ("Siti Aminah", "2171", "01", "1994-02-20", "P", 3),
    "b4": ("Yohanes Sinaga", "2171", "03", "1986-11-30", "L", 4),
    "b5": ("Dedi Kurniawan", "2171", "04", "1990-07-07", "L", 5),
    # Kabupaten Bintan: a Google Form of registrations, then the results list
    "n1": ("Zulkifli Hasan", "2101", "02", "1985-01-15", "L", 1),
    "n2": ("Raja Ismail", "2101", "03", "1992-06-18", "L", 2),
    "n3": ("Nurhayati", "2101", "01", "1995-10-25", "P", 3),
    "n4": ("Fadli Ramadhan", "2101", "04", "1997-03-09", "L", 4),
    # the Kepri province office's own experts (an ordinary list)
    "k1": ("Hendra Gunawan", "2172", "01", "1980-05-05", "L", 1),
    "k2": ("Lestari Wulandari", "2171", "06", "1983-08-14", "P", 7),
    # Sulawesi Barat's Microsoft Form of experts
    "s1": ("Muhammad Arsyad", "7602", "03", "1982-12-01", "L", 1),
    "s2": ("Andi Baso Mappaturung", "7604", "02", "1979-02-28", "L", 2),
    "s3": ("Hasnawati", "7605", "01", "1987-09-09", "P", 3),
    # Kabupaten Mamuju's ordinary list
    "m1": ("Sudirman Latif", "7602", "01", "1990-03-03", "L", 4),
    "m2": ("Ilham Syahrir", "7602", "02", "1993-12-24", "L", 5),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex


def _ttl(place: str, p: str) -> str:
    """'Tempat, Tanggal Lahir' as a respondent types it: 'Batam, 12-04-1991'."""
    y, m, d = born(p).split("-")
    return f"{place}, {d}-{m}-{y}"


def _drive(i: int) -> str:
    return f"https://drive.google.com/open?id=1xKtP{i:03d}aBcDeFgHiJkLmNoPqRsTuV"


# --- Kota Batam: the Google Forms responses sheet, result columns added at the right ---------------

_BATAM_HEADER = ["Timestamp", "Email Address", "Nama Lengkap (sesuai KTP)", "NIK (16 digit sesuai KTP)",
                 "Tempat, Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja yang akan diuji", "Jenjang / Kualifikasi",
                 "Asal Kabupaten/Kota", "No. HP/WA aktif", "Pernah mengikuti pelatihan/sertifikasi sebelumnya?",
                 "Upload KTP", "HASIL", "KET", "NO. SERTIFIKAT"]

# (timestamp, person or a test name, jabatan as answered, jenjang as answered, previous training,
#  HASIL, KET, number). A NIK answered as digits lands in Sheets as a number (an int cell).
_BATAM = [
    ("2025-03-10 08:02:11", "tes", "Operator Excavator", "Jenjang 1", "belum", "", "", ""),
    ("2025-03-12 09:15:42", "b1", "Operator Excavator", "Jenjang 3", "belum", "Kompeten", "", "SKK-2171-2025-00011"),
    # Rahmat chose jenjang 2 first, then submitted again with 3: one registration, the later
    ("2025-03-12 10:03:27", "b2", "Tukang Besi Beton", "Jenjang 2", "sudah", "", "", ""),
    ("2025-03-12 10:41:05", "b2", "Tukang Besi Beton", "Jenjang 3", "sudah", "Kompeten", "", "SKK-2171-2025-00012"),
    ("2025-03-13 14:20:19", "b3", "Juru Ukur", "Jenjang 4", "belum", "Lulus/Kompeten", "sertifikat dalam proses", ""),
    ("2025-03-13 16:55:48", "b4", "Operator Bulldozer", "Jenjang 3", "belum", "Belum Kompeten", "ulang", ""),
    # a checkbox answer: two jabatan in one cell, one result, one number
    ("2025-03-14 07:30:02", "b5", "Operator Excavator, Operator Bulldozer", "Jenjang 3", "sudah", "Kompeten", "",
     "SKK-2171-2025-00015"),
]


def _batam_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form Responses 1"
    ws.append(_BATAM_HEADER)
    for i, (stamp, p, jab, lvl, before, hasil, ket, number) in enumerate(_BATAM, 1):
        if p in PERSONS:
            name, nik, ttl, jk = PERSONS[p][0].upper(), int(N(p)), _ttl("Batam", p), \
                ("Laki-laki" if sex(p) == "L" else "Perempuan")
            mail = f"{PERSONS[p][0].split()[0].lower()}{i}@gmail.com"
        else:
            name, nik, ttl, jk, mail = p, "123", "tes", "Laki-laki", "admin.pupr.batam@gmail.com"
        ws.append([datetime.fromisoformat(stamp), mail, name, nik, ttl, jk, jab, lvl, "Kota Batam",
                   f"0812{i:08d}", before, _drive(i), hasil or None, ket or None, number or None])
        ws.cell(ws.max_row, 1).number_format = "m/d/yyyy h:mm:ss"
    return _save(wb)


# --- Kabupaten Bintan: a Google Form's CSV download (Indonesian locale), registrations only ---------

# (cap waktu, person, jabatan, jenjang, phone)
_BINTAN_FORM = [
    ("12/03/2025 9:15:42", "n1", "Tukang Kayu", "2", "081266001"),
    ("12/03/2025 9:31:07", "n2", "Operator Excavator", "3", "081266002"),
    ("13/03/2025 11:02:55", "n3", "Tukang Batu", "2", "081266003"),
    ("13/03/2025 19:48:30", "n4", "Operator Wheel Loader", "3", "081266004"),
    # Zulkifli again, his phone number corrected: one registration
    ("14/03/2025 8:05:13", "n1", "Tukang Kayu", "2", "081266011"),
    ("14/03/2025 8:06:40", "coba", "Tukang Kayu", "1", "0000"),
]


def _bintan_csv() -> bytes:
    lines = ['"Cap waktu","Alamat email","Nama Lengkap","NIK","Tempat, Tanggal Lahir",'
             '"Jabatan Kerja yang akan diuji","Jenjang / Kualifikasi","Asal Kabupaten/Kota","No. HP/WA aktif"']
    for stamp, p, jab, lvl, phone in _BINTAN_FORM:
        if p in PERSONS:
            cells = [stamp, f"{p}@yahoo.co.id", PERSONS[p][0], N(p), _ttl("Tanjung Uban", p), jab, lvl,
                     "Kabupaten Bintan", phone]
        else:
            cells = [stamp, "coba@gmail.com", p, "coba", "coba", jab, lvl, "coba", phone]
        lines.append(",".join(f'"{c}"' for c in cells))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _titled_sheet(ws, titles: list[str], header: list[str], rows: list[list]) -> None:
    titled_sheet(ws, titles, header, rows, merge_titles=False)


# (person, jabatan, jenjang, hasil, number, issued)
_BINTAN_RESULTS = [
    ("n1", "Tukang Kayu", 2, "Kompeten", "SKK-2101-2025-00031", "2025-04-21"),
    ("n2", "Operator Excavator", 3, "Kompeten", "SKK-2101-2025-00032", "2025-04-21"),
    ("n3", "Tukang Batu", 2, "Belum Kompeten", "", None),
]

# The Kepri province's own experts, 2024.
_KEPRI_2024 = [
    ("k1", "Ahli Muda Teknik Jalan", 7, "Kompeten", "SKK-2100-2024-00701", "2024-10-01"),
    ("k2", "Ahli Madya Teknik Jembatan", 8, "Kompeten", "SKK-2100-2024-00702", "2024-10-01"),
    # Batam's Siti Aminah certified as an expert by the province too
    ("b3", "Ahli Muda Geodesi", 7, "Kompeten", "SKK-2100-2024-00703", "2024-10-01"),
]

# Mamuju 2021 (issued): Pelaksana and a mandor; Arsyad (the Sulbar form's) as Pelaksana.
_MAMUJU_2021 = [
    ("m1", "Mandor Pekerjaan Jalan", 4, "Kompeten", "SKK-7602-2021-00101", "2021-09-01"),
    ("m2", "Pelaksana Lapangan Pekerjaan Jalan", 6, "Kompeten", "SKK-7602-2021-00102", "2021-09-01"),
    ("s1", "Pelaksana Lapangan Pekerjaan Gedung", 6, "Kompeten", "SKK-7602-2021-00103", "2021-03-15"),
]


def _list_xlsx(titles: list[str], rows: list[tuple]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    values = [[i, PERSONS[p][0].upper(), N(p), _d(born(p)), sex(p), jab, lvl, hasil, number or None, _d(issued)]
              for i, (p, jab, lvl, hasil, number, issued) in enumerate(rows, 1)]
    _titled_sheet(ws, titles, ["No", "Nama", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                               "No. Sertifikat", "Tgl Terbit"], values)
    return _save(wb)


# --- Sulawesi Barat: a Microsoft Forms export, results added ---------------------------------------

_SULBAR_HEADER = ["ID", "Start time", "Completion time", "Email", "Name", "Nama Lengkap (tanpa gelar)",
                  "NIK", "Tanggal Lahir", "Jabatan Kerja yang dipilih", "Jenjang", "Asal Kabupaten", "HASIL",
                  "NO. SERTIFIKAT"]

# (person or test name, jabatan, jenjang as answered, hasil, number)
_SULBAR = [
    ("coba", "Ahli Muda Teknik Jalan", "7", "", ""),
    ("s1", "Ahli Muda Teknik Bangunan Gedung", "7 (Ahli Muda)", "Kompeten", "SKK-7600-2025-00011"),
    ("s2", "Ahli Madya Manajemen Konstruksi", "8 (Ahli Madya)", "Lulus", ""),
    ("s3", "Ahli Muda Teknik Sumber Daya Air", "7 (Ahli Muda)", "Belum Kompeten", ""),
]


def _sulbar_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(_SULBAR_HEADER)
    for i, (p, jab, lvl, hasil, number) in enumerate(_SULBAR, 1):
        start = datetime(2025, 5, 6 + i, 9, 12, 30)
        done = datetime(2025, 5, 6 + i, 9, 18, 2)
        if p in PERSONS:
            row = [PERSONS[p][0], N(p), _d(born(p)), jab, lvl, "Mamuju"]
        else:
            row = [p, "0", None, jab, lvl, "coba"]
        ws.append([i, start, done, "anonymous", None, *row, hasil or None, number or None])
        for c in (2, 3, 8):
            ws.cell(ws.max_row, c).number_format = "m/d/yy h:mm:ss"
    return _save(wb)


def _world(root: Path) -> Settings:
    landing = root / "landing"
    for office in OFFICES:
        (landing / office["id"]).mkdir(parents=True)
    (landing / "kota-batam" / "Pendaftaran Uji Kompetensi TKK Kota Batam 2025 (Responses).xlsx").write_bytes(
        _batam_xlsx())
    (landing / "kab-bintan" / "Pendaftaran Uji Kompetensi TKK 2025 (Jawaban) - Formulir Tanggapan 1.csv"
     ).write_bytes(_bintan_csv())
    (landing / "kab-bintan" / "Hasil Uji Kompetensi TKK 2025.xlsx").write_bytes(_list_xlsx(
        ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KABUPATEN BINTAN TAHUN 2025"],
        _BINTAN_RESULTS))
    (landing / "prov-kepri" / "Sertifikasi Tenaga Ahli 2024.xlsx").write_bytes(_list_xlsx(
        ["SERTIFIKASI TENAGA AHLI KONSTRUKSI", "DINAS PUPR PROVINSI KEPULAUAN RIAU TAHUN 2024"], _KEPRI_2024))
    (landing / "prov-sulbar" / "Pendaftaran Sertifikasi Tenaga Ahli Sulbar 2025(1-4).xlsx").write_bytes(
        _sulbar_xlsx())
    (landing / "kab-mamuju" / "Peserta Sertifikasi 2021.xlsx").write_bytes(_list_xlsx(
        ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KABUPATEN MAMUJU TAHUN 2021"],
        _MAMUJU_2021))
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=365) for o in OFFICES]}), encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


# Counted by hand at PUBLISH (30 June 2026) from docs/warehouse.md's rules: (certified, active, unknown).
# 21.71  Batam's form (program year 2025 from its name; no issue dates): 3 Andi (00011), Rahmat
#        (his later response, jenjang 3, 00012; the earlier jenjang-2 response is replaced), Dedi
#        (checkbox Excavator + Bulldozer, one number); 4 Siti ("Lulus/Kompeten", no number yet,
#        program year 2025: active to the end of 2029). Yohanes Belum Kompeten; "tes" nobody.
#        The "sudah"/"belum" answers are no result.
# 21.01  Bintan: the form certifies nobody (registrations); the results list: 2 Zulkifli; 3 Raja
#        (issued 2025). Nurhayati Belum Kompeten; Fadli registered only.
# 21     the province's experts (issued 2024-10-01): 7 Hendra, Siti; 8 Lestari.
# 76     Sulbar's Microsoft Form (2025): 7 Arsyad (00011); 8 Andi Baso ("Lulus", no number, program
#        year 2025: active). Hasnawati Belum Kompeten; "coba" nobody.
# 76.02  Mamuju 2021: 4 Sudirman (issued 2021-09-01: to 2026-09-01, active); 6 Ilham (same),
#        Arsyad (issued 2021-03-15: expired 2026-03-15).
TRUTH = {
    ("21.71", 3): (3, 3, 0), ("21.71", 4): (1, 1, 0),
    ("21.01", 2): (1, 1, 0), ("21.01", 3): (1, 1, 0),
    ("21", 7): (2, 2, 0), ("21", 8): (1, 1, 0),
    ("76", 7): (1, 1, 0), ("76", 8): (1, 1, 0),
    ("76.02", 4): (1, 1, 0), ("76.02", 6): (2, 1, 0),
}

TRUE_PERSONS = 16

# Every row accounted for: accepted (fact_participation) or quarantined.
# Batam: 7 rows, Dedi's checkbox row read once per jabatan (8 rows read): "tes" quarantined,
# Rahmat's first response replaced: 6 participations (corrected from 5, which counted Dedi's two
# assessments as one).
# Bintan form: 6 rows: "coba" quarantined, Zulkifli's first response replaced: 4.
# Sulbar form: 4 rows: "coba" quarantined: 3. Lists: 3 + 3 + 3.
TRUE_PARTICIPATIONS = {
    "Pendaftaran Uji Kompetensi TKK Kota Batam 2025 (Responses).xlsx": 6,
    "Pendaftaran Uji Kompetensi TKK 2025 (Jawaban) - Formulir Tanggapan 1.csv": 4,
    "Hasil Uji Kompetensi TKK 2025.xlsx": 3,
    "Sertifikasi Tenaga Ahli 2024.xlsx": 3,
    "Pendaftaran Sertifikasi Tenaga Ahli Sulbar 2025(1-4).xlsx": 3,
    "Peserta Sertifikasi 2021.xlsx": 3,
}
# (file, row as a person sees it) quarantined: the test submissions and the replaced responses.
TRUE_QUARANTINE = sorted([
    ("Pendaftaran Uji Kompetensi TKK Kota Batam 2025 (Responses).xlsx", 2),
    ("Pendaftaran Uji Kompetensi TKK Kota Batam 2025 (Responses).xlsx", 4),
    ("Pendaftaran Uji Kompetensi TKK 2025 (Jawaban) - Formulir Tanggapan 1.csv", 2),
    ("Pendaftaran Uji Kompetensi TKK 2025 (Jawaban) - Formulir Tanggapan 1.csv", 7),
    ("Pendaftaran Sertifikasi Tenaga Ahli Sulbar 2025(1-4).xlsx", 2),
])


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world14")), PUBLISH,
        participation="SELECT person_key, office_id, source_file, source_row, hasil, jenjang, jabatan_kerja, tahun "
                      "FROM fact_participation",
        certification="SELECT region_code, jabatan_kerja, jenjang FROM fact_certification")


# A checkbox answer's further jabatan: rows read besides the sheet's own.
CHECKBOX_EXTRA_ROWS = 1  # Dedi: Operator Excavator, Operator Bulldozer

# Kota Batam's certificates (21.71), counted by hand: Andi's Operator Excavator (00011), Rahmat's
# Tukang Besi Beton at jenjang 3 (00012; his replaced jenjang-2 response recorded no result), Siti's
# Juru Ukur, Dedi's Operator Excavator (00015) and Operator Bulldozer (the one number is given to the
# first jabatan ticked: an SKK number is one certificate's).
TRUE_BATAM_CERTIFICATES = sorted([("Juru Ukur", 4), ("Operator Bulldozer", 3), ("Operator Excavator", 3),
                                  ("Operator Excavator", 3), ("Tukang Besi Beton", 3)])


def test_the_world_is_as_counted():
    assert len(PERSONS) == TRUE_PERSONS
    assert sum(TRUE_PARTICIPATIONS.values()) + len(TRUE_QUARANTINE) == len(_BATAM) + len(_BINTAN_FORM) + len(
        _SULBAR) + len(_BINTAN_RESULTS) + len(_KEPRI_2024) + len(_MAMUJU_2021) + CHECKBOX_EXTRA_ROWS


def test_every_office_ingests(report):
    assert report.offices_failed == {}


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS


def test_participations_are_the_hand_count(report):
    assert report.participation.groupby("source_file").size().to_dict() == TRUE_PARTICIPATIONS


def test_a_checkbox_answer_of_two_jabatan_is_two_certificates(report):
    batam = report.certification[report.certification.region_code == "21.71"]
    assert sorted(zip(batam.jabatan_kerja, batam.jenjang.astype(int))) == TRUE_BATAM_CERTIFICATES


def test_quarantine_is_the_test_submissions_and_the_replaced_responses(report):
    assert sorted(zip(report.quarantine.source_file, report.quarantine.source_row.astype(int))) == TRUE_QUARANTINE
