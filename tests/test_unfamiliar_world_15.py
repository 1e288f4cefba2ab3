"""A fifteenth hand-made world: offices that send their whole master workbook again every year.

Sumatera Utara (12) and Sumatera Selatan (16), which no other world uses: the province offices and
three regency/city offices (Kota Medan 12.71, Kabupaten Deli Serdang 12.07, Kota Palembang 16.71).
24 persons, 10 files, judged on PUBLISH (30 June 2026).

Many offices keep ONE master spreadsheet of every participant since the program began and send the
whole file again each year or batch, under a new name that is no revision mark: "REKAP SERTIFIKASI
TKK 2021-2024.xlsx" then "... 2021-2025.xlsx"; "Data TKK Bersertifikat (update Juni 2025).xlsx"
then "(update Des 2025)"; "... 2022-2023", "2022-2024", "2022-2025". Each later file holds the earlier
one's rows (re-sorted, re-numbered, a column added, a sheet per year instead of one sheet) plus the
new ones, and the clerk corrects earlier rows in it: a result Kompeten turned Belum Kompeten (an
entry error), a NIK fixed, a name spelling fixed, a certificate number filled in, a row deleted
because the person never took the assessment.

Counting rules (docs/warehouse.md, docs/data-model.md, docs/operations.md "Re-process an office")
read for cumulative masters:
- the rules say a corrected file sent with a revision suffix supersedes the original, "whose rows
  then count once", and a row-identical re-send counts once. They are silent on a later master
  under a new name. It is the same situation: the later master is the office's current statement of
  every participation the earlier one listed, corrections included. So the earlier generation is
  superseded whole (quarantined with a reason naming the later file, as a revision's original is):
  the same participation reported in two generations is one participation, and where the later
  master corrects a cell (a result, a NIK, a number) or deletes a row, the later statement wins.
  Merging row by row instead would keep a Kompeten the office withdrew and a person it deleted.
- an ordinary list beside the master (a batch not yet in it, another program) counts on its own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params
from tests.hand_worlds import as_datetime as _d, xlsx_bytes as _save, landing_world, titled_sheet

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-sumut", "name": "Dinas PUPR Provinsi Sumatera Utara", "level": "province", "region_code": "12"},
    {"id": "kota-medan", "name": "Dinas PUPR Kota Medan", "level": "city", "region_code": "12.71"},
    {"id": "kab-deli-serdang", "name": "Dinas PUPR Kabupaten Deli Serdang", "level": "regency",
     "region_code": "12.07"},
    {"id": "prov-sumsel", "name": "Dinas PUPR Provinsi Sumatera Selatan", "level": "province", "region_code": "16"},
    {"id": "kota-palembang", "name": "Dinas PUPR Kota Palembang", "level": "city", "region_code": "16.71"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Kota Medan's master
    "md1": ("Budi Santoso", "1271", "02", "1985-04-12", "L", 1),
    "md2": ("Sri Wahyuni", "1271", "05", "1988-09-03", "P", 2),
    "md3": ("Ahmad Fauzi", "1271", "01", "1990-02-20", "L", 3),
    "md4": ("Rudi Hartono", "1271", "03", "1986-11-30", "L", 4),
    "md5": ("Dewi Lestari", "1271", "04", "1992-07-07", "P", 5),
    "md6": ("Joko Prasetyo", "1271", "06", "1991-01-15", "L", 6),  # deleted by the later master
    "md7": ("Hendra Siregar", "1271", "02", "1989-06-18", "L", 7),
    "md8": ("Lina Marpaung", "1271", "07", "1995-10-25", "P", 8),
    "md9": ("Paulus Simanjuntak", "1207", "04", "1984-03-09", "L", 9),
    "md10": ("Togar Nainggolan", "1271", "08", "1993-12-01", "L", 10),
    # Kabupaten Deli Serdang's master
    "ds1": ("Rina Sitompul", "1207", "02", "1994-05-05", "P", 1),
    "ds2": ("Agus Salim", "1207", "03", "1983-08-14", "L", 2),
    "ds4": ("Maria Tambunan", "1207", "01", "1996-12-21", "P", 4),
    "ds5": ("Yusuf Harahap", "1207", "05", "1987-02-28", "L", 5),
    "ds6": ("Fitri Lubis", "1207", "06", "1997-09-09", "P", 6),
    "ds7": ("Bambang Hutagalung", "1207", "02", "1982-03-03", "L", 7),
    "ds8": ("Rahmat Daulay", "1207", "04", "1990-12-24", "L", 8),  # deleted by the later master
    # the Sumut province's experts
    "pv1": ("Irwan Ginting", "1271", "09", "1980-05-05", "L", 11),
    "pv2": ("Nurhasanah", "1275", "01", "1983-08-14", "P", 1),
    # Kota Palembang's master
    "pl1": ("Ahmad Rivai", "1671", "02", "1984-01-10", "L", 1),
    "pl2": ("Siti Rahmawati", "1671", "03", "1991-04-04", "P", 2),
    "pl3": ("Darmawan", "1671", "01", "1986-08-17", "L", 3),
    "pl4": ("Eko Saputra", "1671", "05", "1992-12-12", "L", 4),
    "pl6": ("Sukri Hamzah", "1671", "04", "1988-06-25", "L", 6),  # deleted by the third master
    "pl7": ("Wulan Sari", "1671", "06", "1997-02-14", "P", 7),
    "pl8": ("Yanto", "1671", "07", "1993-10-10", "L", 8),
    # the Sumsel province's experts
    "ps1": ("Ratna Dewi", "1671", "08", "1985-07-07", "P", 9),
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex
DELETED = {"md6", "ds8", "pl6"}


def _typo(nik: str) -> str:
    """A NIK with its last-but-one digit mistyped."""
    return nik[:-2] + str((int(nik[-2]) + 3) % 10) + nik[-1]


def _titled_sheet(ws, titles: list[str], header: list[str], rows: list[list]) -> None:
    titled_sheet(ws, titles, header, rows, merge_titles=False)


# A master row: (person, jabatan, jenjang, tahun, hasil, number, issued, overrides). ``overrides`` may
# give the row's own "nik" or "nama" as the clerk wrote it in that generation.
Row = tuple

# --- Kota Medan: REKAP 2021-2024, then REKAP 2021-2025 (re-sorted by name, KETERANGAN added) ---------

_MEDAN_1 = [
    ("md1", "Tukang Batu", 2, 2021, "Kompeten", "SKK-1271-2021-00011", None, {}),
    ("md2", "Mandor Pekerjaan Jalan", 4, 2022, "Kompeten", "SKK-1271-2022-00021", None, {}),
    ("md3", "Operator Excavator", 3, 2023, "Kompeten", "", None, {}),  # an entry error, corrected later
    ("md4", "Tukang Besi Beton", 2, 2024, "Kompeten", "SKK-1271-2024-00041", None, {"nik": _typo(N("md4"))}),
    ("md5", "Juru Ukur", 3, 2024, "Kompeten", "", None, {}),
    ("md6", "Operator Bulldozer", 3, 2024, "Kompeten", "", None, {}),  # never took the assessment
]
_MEDAN_2 = [
    ("md1", "Tukang Batu", 2, 2021, "Kompeten", "SKK-1271-2021-00011", None, {}),
    ("md2", "Mandor Pekerjaan Jalan", 4, 2022, "Kompeten", "SKK-1271-2022-00021", None, {}),
    ("md3", "Operator Excavator", 3, 2023, "Belum Kompeten", "", None, {}),
    ("md4", "Tukang Besi Beton", 2, 2024, "Kompeten", "SKK-1271-2024-00041", None, {}),
    ("md5", "Juru Ukur", 3, 2024, "Kompeten", "SKK-1271-2024-00052", None, {}),
    ("md7", "Operator Excavator", 3, 2025, "Kompeten", "SKK-1271-2025-00071", None, {}),
    ("md8", "Tukang Kayu", 2, 2025, "Belum Kompeten", "", None, {}),
    ("md9", "Pelaksana Lapangan Pekerjaan Gedung", 6, 2025, "Kompeten", "SKK-1271-2025-00073", None, {}),
]
# Medan's ordinary list of its 2026 first batch, not yet in the master.
_MEDAN_BATCH = [
    ("md10", "Tukang Las", 2, 2026, "Kompeten", "SKK-1271-2026-00101", "2026-05-10", {}),
    ("ds1", "Operator Forklift", 3, 2026, "Kompeten", "SKK-1271-2026-00102", "2026-05-10", {}),
]

# --- Kabupaten Deli Serdang: one sheet (update Juni 2025), then a sheet per year (update Des 2025) --

_DELI_1 = [
    ("ds1", "Tukang Batu", 2, 2024, "Kompeten", "SKK-1207-2024-00011", "2024-06-10", {}),
    ("ds2", "Mandor Tukang Batu", 3, 2024, "Kompeten", "SKK-1207-2024-00012", "2024-06-10", {"nama": "Agus Salimm"}),
    ("md9", "Operator Crawler Crane", 3, 2025, "Kompeten", "SKK-1207-2025-00031", "2025-05-20", {}),
    ("ds4", "Tukang Kayu", 2, 2025, "Kompeten", "", None, {}),
    ("ds5", "Tukang Plester", 2, 2025, "Kompeten", "", None, {}),  # an entry error, corrected later
    ("ds8", "Tukang Cat", 2, 2025, "Kompeten", "", None, {}),  # never took the assessment
]
_DELI_2 = [
    ("ds1", "Tukang Batu", 2, 2024, "Kompeten", "SKK-1207-2024-00011", "2024-06-10", {}),
    ("ds2", "Mandor Tukang Batu", 3, 2024, "Kompeten", "SKK-1207-2024-00012", "2024-06-10", {}),
    ("md9", "Operator Crawler Crane", 3, 2025, "Kompeten", "SKK-1207-2025-00031", "2025-05-20", {}),
    ("ds4", "Tukang Kayu", 2, 2025, "Kompeten", "SKK-1207-2025-00032", "2025-05-20", {}),
    ("ds5", "Tukang Plester", 2, 2025, "Belum Kompeten", "", None, {}),
    ("ds6", "Tukang Cat", 2, 2025, "Kompeten", "SKK-1207-2025-00061", "2025-11-15", {}),
    ("ds7", "Operator Motor Grader", 3, 2025, "Kompeten", "SKK-1207-2025-00062", "2025-11-15", {}),
]

# --- the Sumut province's experts (an ordinary list) --------------------------------------------

_SUMUT = [
    ("pv1", "Ahli Muda Teknik Jalan", 7, 2025, "Kompeten", "SKK-1200-2025-00701", "2025-08-01", {}),
    ("md2", "Ahli Muda Teknik Bangunan Gedung", 7, 2025, "Kompeten", "SKK-1200-2025-00702", "2025-08-01", {}),
    ("pv2", "Ahli Madya Manajemen Konstruksi", 8, 2025, "Belum Kompeten", "", None, {}),
]

# --- Kota Palembang: three generations, 2022-2023, 2022-2024, 2022-2025 ----------------------------

_PLG_1 = [
    ("pl1", "Tukang Batu", 2, 2022, "Kompeten", "SKK-1671-2022-00011", None, {}),
    ("pl2", "Mandor Pekerjaan Jalan", 4, 2023, "Kompeten", "SKK-1671-2023-00021", None, {"nik": _typo(N("pl2"))}),
    ("pl3", "Operator Excavator", 3, 2023, "Kompeten", "", None, {}),
]
_PLG_2 = [
    ("pl1", "Tukang Batu", 2, 2022, "Kompeten", "SKK-1671-2022-00011", None, {}),
    ("pl2", "Mandor Pekerjaan Jalan", 4, 2023, "Kompeten", "SKK-1671-2023-00021", None, {}),
    ("pl3", "Operator Excavator", 3, 2023, "Kompeten", "", None, {}),
    ("pl4", "Tukang Besi Beton", 2, 2024, "Kompeten", "", None, {}),
    ("md7", "Operator Bulldozer", 3, 2024, "Kompeten", "SKK-1671-2024-00042", None, {}),
    ("pl6", "Tukang Kayu", 2, 2024, "Kompeten", "", None, {}),  # never took the assessment
]
_PLG_3 = [
    ("pl1", "Tukang Batu", 2, 2022, "Kompeten", "SKK-1671-2022-00011", None, {}),
    ("pl2", "Mandor Pekerjaan Jalan", 4, 2023, "Kompeten", "SKK-1671-2023-00021", None, {}),
    ("pl3", "Operator Excavator", 3, 2023, "Belum Kompeten", "", None, {}),  # the late-found entry error
    ("pl4", "Tukang Besi Beton", 2, 2024, "Kompeten", "SKK-1671-2024-00041", None, {}),
    ("md7", "Operator Bulldozer", 3, 2024, "Kompeten", "SKK-1671-2024-00042", None, {}),
    ("pl7", "Tukang Kayu", 2, 2025, "Kompeten", "SKK-1671-2025-00051", None, {}),
    ("pl8", "Tukang Las", 2, 2025, "Belum Kompeten", "", None, {}),
]

# --- the Sumsel province's experts (an ordinary list) --------------------------------------------

_SUMSEL = [
    ("ps1", "Ahli Muda Teknik Jalan", 7, 2025, "Kompeten", "SKK-1600-2025-00701", "2025-09-01", {}),
    ("pl1", "Ahli Muda Teknik Bangunan Gedung", 7, 2025, "Kompeten", "SKK-1600-2025-00702", "2025-09-01", {}),
]


def _cells_of(i: int, row: Row, *, keterangan: bool, tahun: bool = True, issued: bool = True) -> list:
    p, jab, lvl, year, hasil, number, when, over = row
    values = [i, over.get("nama", PERSONS[p][0]).upper(), over.get("nik", N(p)), _d(born(p)), sex(p), jab, lvl]
    if tahun:
        values.append(year)
    values += [hasil, number or None]
    if issued:
        values.append(_d(when))
    if keterangan:
        values.append("diperbaiki" if over or hasil == "Belum Kompeten" else None)
    return values


def _header(*, keterangan: bool, tahun: bool = True, issued: bool = True) -> list[str]:
    header = ["NO", "NAMA", "NIK", "TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG"]
    if tahun:
        header.append("TAHUN")
    header += ["HASIL", "NO. SERTIFIKAT"]
    if issued:
        header.append("TGL TERBIT")
    if keterangan:
        header.append("KETERANGAN")
    return header


def _master_xlsx(titles: list[str], rows: list[Row], *, keterangan: bool = False, by_name: bool = False) -> bytes:
    """One sheet of every participant since the program began; a later generation re-sorted by
    name and re-numbered."""
    if by_name:
        rows = sorted(rows, key=lambda r: r[7].get("nama", PERSONS[r[0]][0]))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "REKAP"
    _titled_sheet(ws, titles, _header(keterangan=keterangan),
                  [_cells_of(i, r, keterangan=keterangan) for i, r in enumerate(rows, 1)])
    return _save(wb)


def _sheet_per_year_xlsx(titles: list[str], rows: list[Row]) -> bytes:
    """The master split into a sheet per year (the year is the sheet's name, not a column)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for year in sorted({r[3] for r in rows}):
        ws = wb.create_sheet(str(year))
        mine = [r for r in rows if r[3] == year]
        _titled_sheet(ws, [*titles, f"TAHUN {year}"], _header(keterangan=False, tahun=False),
                      [_cells_of(i, r, keterangan=False, tahun=False) for i, r in enumerate(mine, 1)])
    return _save(wb)


MEDAN_1 = "REKAP SERTIFIKASI TKK 2021-2024.xlsx"
MEDAN_2 = "REKAP SERTIFIKASI TKK 2021-2025.xlsx"
MEDAN_BATCH = "Peserta Uji Kompetensi Tahap I 2026.xlsx"
DELI_1 = "Data TKK Bersertifikat (update Juni 2025).xlsx"
DELI_2 = "Data TKK Bersertifikat (update Des 2025).xlsx"
SUMUT = "Sertifikasi Tenaga Ahli Provinsi 2025.xlsx"
PLG_1 = "Rekap Sertifikasi Kota Palembang 2022-2023.xlsx"
PLG_2 = "Rekap Sertifikasi Kota Palembang 2022-2024.xlsx"
PLG_3 = "Rekap Sertifikasi Kota Palembang 2022-2025.xlsx"
SUMSEL = "Peserta Uji Kompetensi Tenaga Ahli 2025.xlsx"

_MEDAN_T = ["REKAPITULASI PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KOTA MEDAN"]
_DELI_T = ["DATA TENAGA KERJA KONSTRUKSI BERSERTIFIKAT", "DINAS PUPR KABUPATEN DELI SERDANG"]
_PLG_T = ["REKAP PESERTA SERTIFIKASI TKK", "DINAS PUPR KOTA PALEMBANG"]

FILES = {  # (office, file name) -> (rows, bytes)
    ("kota-medan", MEDAN_1): (_MEDAN_1, lambda: _master_xlsx(_MEDAN_T, _MEDAN_1)),
    ("kota-medan", MEDAN_2): (_MEDAN_2, lambda: _master_xlsx(_MEDAN_T, _MEDAN_2, keterangan=True, by_name=True)),
    ("kota-medan", MEDAN_BATCH): (_MEDAN_BATCH, lambda: _master_xlsx(
        ["PESERTA UJI KOMPETENSI TAHAP I TAHUN 2026", "DINAS PUPR KOTA MEDAN"], _MEDAN_BATCH)),
    ("kab-deli-serdang", DELI_1): (_DELI_1, lambda: _master_xlsx(_DELI_T, _DELI_1)),
    ("kab-deli-serdang", DELI_2): (_DELI_2, lambda: _sheet_per_year_xlsx(_DELI_T, _DELI_2)),
    ("prov-sumut", SUMUT): (_SUMUT, lambda: _master_xlsx(
        ["SERTIFIKASI TENAGA AHLI KONSTRUKSI", "DINAS PUPR PROVINSI SUMATERA UTARA TAHUN 2025"], _SUMUT)),
    ("kota-palembang", PLG_1): (_PLG_1, lambda: _master_xlsx(_PLG_T, _PLG_1)),
    ("kota-palembang", PLG_2): (_PLG_2, lambda: _master_xlsx(_PLG_T, _PLG_2, by_name=True)),
    ("kota-palembang", PLG_3): (_PLG_3, lambda: _master_xlsx(_PLG_T, _PLG_3, keterangan=True)),
    ("prov-sumsel", SUMSEL): (_SUMSEL, lambda: _master_xlsx(
        ["PESERTA UJI KOMPETENSI TENAGA AHLI", "DINAS PUPR PROVINSI SUMATERA SELATAN TAHUN 2025"], _SUMSEL)),
}


def _world(root: Path) -> Settings:
    return landing_world(root, OFFICES, FILES)


# Counted by hand at PUBLISH (30 June 2026) from docs/warehouse.md's rules: (certified, active, unknown).
# Only the latest master of each office counts (REKAP 2021-2025, update Des 2025, 2022-2025).
# 12.71  Medan: 2 Budi (number of 2021: expires some day of 2026, unknown), Rudi (2024, his NIK
#        as fixed), Togar (the 2026 batch, issued 2026-05-10); 3 Dewi (2024, number filled in),
#        Hendra (2025), Rina (the 2026 batch). Ahmad Fauzi's Kompeten was an entry error (Belum
#        Kompeten in the later master), Joko deleted, Lina Belum Kompeten. 4 Sri (number of 2022:
#        active to 1 Jan 2027). 6 Paulus (2025).
# 12.07  Deli Serdang (issue dates): 2 Rina (2024-06-10), Maria (number and date filled in),
#        Fitri (2025-11-15); 3 Agus (the name as fixed), Paulus (Crawler Crane 2025), Bambang.
#        Yusuf corrected to Belum Kompeten; Rahmat deleted.
# 12     Sumut's experts: 7 Irwan, Sri. Nurhasanah Belum Kompeten.
# 16.71  Palembang: 2 Ahmad Rivai (number of 2022: active to 1 Jan 2027), Eko (2024), Wulan (2025);
#        3 Hendra (Medan's, Bulldozer 2024). Darmawan corrected to Belum Kompeten in the third
#        master, Sukri deleted, Yanto Belum Kompeten. 4 Siti (2023, her NIK as fixed).
# 16     Sumsel's experts: 7 Ratna, Ahmad Rivai.
TRUTH = {
    ("12.71", 2): (3, 2, 1), ("12.71", 3): (3, 3, 0), ("12.71", 4): (1, 1, 0), ("12.71", 6): (1, 1, 0),
    ("12.07", 2): (3, 3, 0), ("12.07", 3): (3, 3, 0),
    ("12", 7): (2, 2, 0),
    ("16.71", 2): (3, 3, 0), ("16.71", 3): (1, 1, 0), ("16.71", 4): (1, 1, 0),
    ("16", 7): (2, 2, 0),
}

# Everyone but the three the later masters deleted (Belum Kompeten participants are persons too).
TRUE_PERSONS = len(PERSONS) - len(DELETED)

# Every row accounted for: the latest generations and the ordinary lists are participations; every
# row of an earlier generation is quarantined, naming the master that supersedes it.
TRUE_PARTICIPATIONS = {MEDAN_2: 8, MEDAN_BATCH: 2, DELI_2: 7, SUMUT: 3, PLG_3: 7, SUMSEL: 2}
TRUE_SUPERSEDED = {MEDAN_1: MEDAN_2, DELI_1: DELI_2, PLG_1: PLG_3, PLG_2: PLG_3}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world15")), PUBLISH,
        participation="SELECT person_key, office_id, source_file, source_row, hasil, jenjang, jabatan_kerja, tahun "
                      "FROM fact_participation")


def test_the_world_is_as_counted():
    assert len(FILES) == 10
    superseded_rows = sum(len(FILES[next(k for k in FILES if k[1] == name)][0]) for name in TRUE_SUPERSEDED)
    assert sum(TRUE_PARTICIPATIONS.values()) + superseded_rows == sum(len(rows) for rows, _ in FILES.values())


def test_every_office_ingests(report):
    assert report.offices_failed == {}


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS


def test_participations_are_the_hand_count(report):
    assert report.participation.groupby("source_file").size().to_dict() == TRUE_PARTICIPATIONS


def test_earlier_generations_are_quarantined_naming_the_later_master(report):
    q = report.quarantine
    names = [name for _, name in FILES]
    # which other file of the world each quarantined file's reasons name
    named = {file: sorted({other for reason in q.loc[q.source_file == file, "reason"] for other in names
                           if other != file and other in str(reason)})
             for file in sorted(set(q.source_file))}
    assert named == {file: [later] for file, later in sorted(TRUE_SUPERSEDED.items())}
    rows = q.groupby("source_file").size().to_dict()
    assert rows == {file: len(FILES[next(k for k in FILES if k[1] == file)][0]) for file in TRUE_SUPERSEDED}
