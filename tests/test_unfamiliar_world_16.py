"""A sixteenth hand-made world: corrected re-sends that carry no revision suffix.

Papua Barat (92), which no other world uses: the province office and two regency offices
(Kabupaten Manokwari 92.02, Kabupaten Fakfak 92.03). 17 persons, 10 files, judged on PUBLISH
(30 June 2026).

A clerk who corrects a list sends it again the way ordinary office software names a second version
(an Indonesian blog on naming versions: "data_mahasiswa2", "data_mahasiswa_baru", "..._palingbaru",
or a date: "Laporan Keuangan 130823"; inspirationalbox.wordpress.com): a date or "update" after the
old name, Windows' "- Copy" of the file edited, or a new name altogether, saved days later. The
re-send has the same people (or one fewer: a row deleted) with a few cells corrected: a result
Kompeten turned Belum Kompeten, a jenjang 3 turned 4, a NIK or a name fixed.

Counting rules (docs/warehouse.md, docs/operations.md "Re-process an office") read for such re-sends:
the rules say a corrected file supersedes the original, "whose rows then count once", and the later
statement wins (a cumulative master's corrections: a result, a NIK, a deleted row). A re-send of the
same batch under any name is that correction: one batch's participations are counted once, from the
later file; a withdrawn Kompeten or a deleted person is gone.

What must not supersede anything here: two batches of one program with other people (Manokwari's
Tahap I and Tahap II), an attendance list of the same batch as a results list (Tahap II's daftar
hadir: participations of their own, no results), the same persons assessed at the next jenjang a
year later (Fakfak 2024 and 2025, one of them re-assessed at the same jenjang after Belum Kompeten),
and the province's recap re-reporting Manokwari's certificates (counted once, under the regency).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import openpyxl
import pytest

from pipelines.settings import Settings
from tests.hand_worlds import PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params
from tests.hand_worlds import as_datetime as _d, xlsx_bytes as _save, landing_world, titled_sheet

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "prov-papua-barat", "name": "Dinas PUPR Provinsi Papua Barat", "level": "province", "region_code": "92"},
    {"id": "kab-manokwari", "name": "Dinas PUPR Kabupaten Manokwari", "level": "regency", "region_code": "92.02"},
    {"id": "kab-fakfak", "name": "Dinas PUPR Kabupaten Fakfak", "level": "regency", "region_code": "92.03"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Manokwari, Tahap I
    "m1": ("Yohanes Mandacan", "9202", "01", "1986-03-14", "L", 1),
    "m2": ("Markus Rumbekwan", "9202", "02", "1990-07-21", "L", 2),
    "m3": ("Daniel Wanma", "9202", "03", "1984-11-02", "L", 3),  # jenjang 3 corrected to 4
    "m4": ("Ester Mansawan", "9202", "01", "1993-05-09", "P", 4),  # Kompeten corrected to Belum Kompeten
    "m5": ("Agus Sarwom", "9202", "04", "1988-01-30", "L", 5),  # NIK fixed
    # Manokwari, Tahap II
    "m6": ("Yakob Ullo", "9202", "05", "1991-09-17", "L", 6),
    "m7": ("Ruben Iba", "9202", "02", "1987-04-04", "L", 7),
    "m8": ("Sem Kareth", "9202", "03", "1995-12-25", "L", 8),
    "m9": ("Maria Kambuaya", "9202", "06", "1994-02-11", "P", 9),
    # Fakfak
    "f1": ("Abdullah Hindom", "9203", "01", "1985-06-06", "L", 1),
    "f2": ("Ismail Patiran", "9203", "02", "1989-08-19", "L", 2),
    "f3": ("Yohanis Kabes", "9203", "03", "1992-10-10", "L", 3),  # name fixed ("Yohanes Kabes" before)
    "f4": ("Salim Rumagesan", "9203", "01", "1990-03-03", "L", 4),
    # the province's experts
    "p1": ("Frans Wospakrik", "9202", "01", "1979-02-02", "L", 11),
    "p2": ("Lince Mandowen", "9271", "02", "1982-07-15", "P", 12),
    "p3": ("Hendrik Saiba", "9203", "02", "1976-12-01", "L", 13),  # NIK fixed (a digit dropped before)
    "p4": ("Petrus Indey", "9202", "03", "1981-05-27", "L", 14),  # Kompeten corrected to Belum Kompeten
}
BOOK = PersonBook(PERSONS)
N, born, sex = BOOK.nik, BOOK.born, BOOK.sex
# Fakfak's Tahap list of 2024 had a fifth row its re-send deleted: a person who never took the
# assessment, listed Kompeten. Not a person of the world: only the superseded file names him.
DELETED = ("Ahmad Iha", "9203", "04", "1987-07-07", "L", 5)


def _typo(nik: str) -> str:
    """A NIK with its last-but-one digit mistyped."""
    return nik[:-2] + str((int(nik[-2]) + 3) % 10) + nik[-1]


# A row: (person, jabatan, jenjang, hasil, number, issued, overrides); ``overrides`` may give the
# row's "nik" or "nama" as the clerk wrote it in that file.
_K, _BK = "Kompeten", "Belum Kompeten"

# --- Kabupaten Manokwari ------------------------------------------------------------------------

_MK_T1 = [
    ("m1", "Tukang Batu", 2, _K, "SKK-9202-2025-00011", "2025-07-15", {}),
    ("m2", "Tukang Kayu", 2, _K, "SKK-9202-2025-00012", "2025-07-15", {}),
    ("m3", "Mandor Pekerjaan Jalan", 3, _K, "SKK-9202-2025-00013", "2025-07-15", {}),
    ("m4", "Juru Ukur", 3, _K, "SKK-9202-2025-00014", "2025-07-15", {}),
    ("m5", "Tukang Besi Beton", 2, _K, "SKK-9202-2025-00015", "2025-07-15", {"nik": _typo(N("m5"))}),
]
# The same list re-sent a month later, corrected: Daniel's jenjang, Ester's result, Agus's NIK.
_MK_T1_FIXED = [
    _MK_T1[0], _MK_T1[1],
    ("m3", "Mandor Pekerjaan Jalan", 4, _K, "SKK-9202-2025-00013", "2025-07-15", {}),
    ("m4", "Juru Ukur", 3, _BK, "", None, {}),
    ("m5", "Tukang Besi Beton", 2, _K, "SKK-9202-2025-00015", "2025-07-15", {}),
]
_MK_T2 = [
    ("m6", "Tukang Batu", 2, _K, "SKK-9202-2025-00031", "2025-10-20", {}),
    ("m7", "Tukang Kayu", 2, _K, "SKK-9202-2025-00032", "2025-10-20", {}),
    ("m8", "Operator Excavator", 3, _K, "SKK-9202-2025-00033", "2025-10-20", {}),
    ("m9", "Tukang Las", 2, _BK, "", None, {}),
]

# --- Kabupaten Fakfak ---------------------------------------------------------------------------

_FF_2024 = [
    ("f1", "Tukang Batu", 2, _K, "SKK-9203-2024-00021", "2024-08-10", {}),
    ("f2", "Tukang Kayu", 2, _K, "SKK-9203-2024-00022", "2024-08-10", {}),
    ("f3", "Tukang Besi Beton", 2, _K, "SKK-9203-2024-00023", "2024-08-10", {"nama": "Yohanes Kabes"}),
    ("f4", "Operator Excavator", 3, _BK, "", None, {}),
    ("f5", "Tukang Cat", 2, _K, "SKK-9203-2024-00025", "2024-08-10", {}),
]
# Windows' "- Copy" of the list, edited: the name fixed, the fifth row deleted.
_FF_2024_FIXED = [
    _FF_2024[0], _FF_2024[1],
    ("f3", "Tukang Besi Beton", 2, _K, "SKK-9203-2024-00023", "2024-08-10", {}),
    _FF_2024[3],
]
# The next year: the same four at the next jenjang (Salim re-assessed at jenjang 3 after Belum Kompeten).
_FF_2025 = [
    ("f1", "Tukang Batu", 3, _K, "SKK-9203-2025-00041", "2025-08-12", {}),
    ("f2", "Tukang Kayu", 3, _K, "SKK-9203-2025-00042", "2025-08-12", {}),
    ("f3", "Tukang Besi Beton", 3, _K, "SKK-9203-2025-00043", "2025-08-12", {}),
    ("f4", "Operator Excavator", 3, _K, "SKK-9203-2025-00044", "2025-08-12", {}),
]

# --- the province -------------------------------------------------------------------------------

_PV_1 = [
    ("p1", "Ahli Muda Teknik Jalan", 7, _K, "SKK-9200-2025-00701", "2025-09-01", {}),
    ("p2", "Ahli Muda Teknik Bangunan Gedung", 7, _K, "SKK-9200-2025-00702", "2025-09-01", {}),
    ("p3", "Ahli Madya Manajemen Konstruksi", 8, _K, "SKK-9200-2025-00703", "2025-09-01",
     {"nik": N("p3")[:9] + N("p3")[10:]}),
    ("p4", "Ahli Muda Teknik Jembatan", 7, _K, "SKK-9200-2025-00704", "2025-09-01", {}),
]
# Saved under a new name a week later: p3's NIK completed, p4 withdrawn (Belum Kompeten).
_PV_2 = [
    _PV_1[0], _PV_1[1],
    ("p3", "Ahli Madya Manajemen Konstruksi", 8, _K, "SKK-9200-2025-00703", "2025-09-01", {}),
    ("p4", "Ahli Muda Teknik Jembatan", 7, _BK, "", None, {}),
]
# The province's recap of the regencies' certified workers: Manokwari's Tahap II, re-reported.
_PV_RECAP = [r[:6] + ({"kab": "Manokwari"},) for r in _MK_T2 if r[3] == _K]


def _cells_of(i: int, row: tuple, person_names: dict, *, tahun: int | None) -> list:
    p, jab, lvl, hasil, number, when, over = row
    name = over.get("nama", person_names[p][0]).upper()
    nik_cell = over.get("nik", N(p) if p in PERSONS else _deleted_nik())
    values = [i, name, nik_cell, _d(person_names[p][3]), person_names[p][4], jab, lvl]
    if tahun is not None:
        values.append(tahun)
    return values + [hasil, number or None, _d(when)]


def _deleted_nik() -> str:
    from tests.hand_worlds import nik

    _, region, district, birth, s, serial = DELETED
    return nik(region, district, birth, s, serial)


_NAMES = {**PERSONS, "f5": DELETED}


def _results_xlsx(titles: list[str], rows: list[tuple], *, tahun: int | None = None, recap: bool = False) -> bytes:
    """A results list: title rows, a header, one row per participant."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "HASIL"
    header = ["NO", "NAMA", "NIK", "TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG"]
    header += ["TAHUN"] if tahun is not None else []
    header += ["HASIL", "NO. SERTIFIKAT", "TGL TERBIT"]
    body = [_cells_of(i, r, _NAMES, tahun=tahun) for i, r in enumerate(rows, 1)]
    if recap:
        header.insert(1, "KAB/KOTA")
        body = [[b[0], r[6]["kab"], *b[1:]] for b, r in zip(body, rows)]
    titled_sheet(ws, titles, header, body, merge_titles=False)
    return _save(wb)


def _attendance_xlsx(titles: list[str], rows: list[tuple]) -> bytes:
    """A daftar hadir: who came, signed; no level written, no result."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DAFTAR HADIR"
    body = [[i, PERSONS[r[0]][0].upper(), N(r[0]), r[1], "ttd"] for i, r in enumerate(rows, 1)]
    titled_sheet(ws, titles, ["NO", "NAMA", "NIK", "JABATAN KERJA", "TANDA TANGAN"], body, merge_titles=False)
    return _save(wb)


MK_T1 = "Hasil Uji Kompetensi Tahap I 2025.xlsx"
MK_T1_FIXED = "Hasil Uji Kompetensi Tahap I 2025 update 12-08-2025.xlsx"
MK_T2 = "Hasil Uji Kompetensi Tahap II 2025.xlsx"
MK_HADIR = "Daftar Hadir Uji Kompetensi Tahap II 2025.xlsx"
FF_2024 = "Data Peserta Sertifikasi TKK 2024.xlsx"
FF_2024_FIXED = "Data Peserta Sertifikasi TKK 2024 - Copy.xlsx"
FF_2025 = "Data Peserta Sertifikasi TKK 2025.xlsx"
PV_1 = "Peserta Sertifikasi Tenaga Ahli 2025.xlsx"
PV_2 = "Daftar Tenaga Ahli Kompeten PUPR Papua Barat.xlsx"
PV_RECAP = "Rekap TKK Bersertifikat Kabupaten Kota 2025.xlsx"

_MK_T = ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN MANOKWARI"]
_FF_T = ["DINAS PUPR KABUPATEN FAKFAK"]
_PV_T = ["DINAS PUPR PROVINSI PAPUA BARAT"]

FILES = {  # (office, file name) -> (rows, bytes, days after 1 Aug 2025 the file was saved)
    ("kab-manokwari", MK_T1): (_MK_T1, lambda: _results_xlsx(
        ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHAP I TAHUN 2025", *_MK_T], _MK_T1), 0),
    ("kab-manokwari", MK_T1_FIXED): (_MK_T1_FIXED, lambda: _results_xlsx(
        ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHAP I TAHUN 2025", *_MK_T], _MK_T1_FIXED), 11),
    ("kab-manokwari", MK_T2): (_MK_T2, lambda: _results_xlsx(
        ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHAP II TAHUN 2025", *_MK_T], _MK_T2), 90),
    ("kab-manokwari", MK_HADIR): (_MK_T2, lambda: _attendance_xlsx(
        ["DAFTAR HADIR UJI KOMPETENSI TAHAP II TAHUN 2025", *_MK_T], _MK_T2), 80),
    ("kab-fakfak", FF_2024): (_FF_2024, lambda: _results_xlsx(
        ["DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", *_FF_T], _FF_2024, tahun=2024), 0),
    ("kab-fakfak", FF_2024_FIXED): (_FF_2024_FIXED, lambda: _results_xlsx(
        ["DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", *_FF_T], _FF_2024_FIXED, tahun=2024), 3),
    ("kab-fakfak", FF_2025): (_FF_2025, lambda: _results_xlsx(
        ["DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", *_FF_T], _FF_2025, tahun=2025), 20),
    ("prov-papua-barat", PV_1): (_PV_1, lambda: _results_xlsx(
        ["PESERTA SERTIFIKASI TENAGA AHLI KONSTRUKSI TAHUN 2025", *_PV_T], _PV_1), 40),
    ("prov-papua-barat", PV_2): (_PV_2, lambda: _results_xlsx(
        ["DAFTAR TENAGA AHLI KONSTRUKSI TAHUN 2025", *_PV_T], _PV_2), 47),
    ("prov-papua-barat", PV_RECAP): (_PV_RECAP, lambda: _results_xlsx(
        ["REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN/KOTA TAHUN 2025", *_PV_T],
        _PV_RECAP, recap=True), 120),
}


def _world(root: Path) -> Settings:
    saved = datetime(2025, 8, 1, 9, 0, tzinfo=timezone.utc).timestamp()
    # the day the clerk saved each file: a re-send is days after its first version
    saved_at = {key: saved + days * 86400 for key, (_, _, days) in FILES.items()}
    return landing_world(root, OFFICES, FILES, freshness_days=3650, saved_at=saved_at)


# Counted by hand at PUBLISH (30 June 2026) from docs/warehouse.md's rules: (certified, active, unknown).
# Only the later file of each re-sent batch counts (MK_T1_FIXED, FF_2024_FIXED, PV_2); every
# certificate has an issue date of 2024 or 2025, so active to 2029 or 2030.
# 92.02  Manokwari: 2 Yohanes, Markus, Agus (his NIK as fixed), Yakob, Ruben (Tahap II); Maria
#        Belum Kompeten. 3 Sem (Tahap II); Ester's Kompeten withdrawn (Belum Kompeten in the
#        re-send). 4 Daniel (jenjang as corrected). The province's recap of Yakob, Ruben and Sem
#        re-reports their certificates (same numbers): counted here once, not at 92.
# 92.03  Fakfak: 2 Abdullah, Ismail, Yohanis (2024; the deleted fifth row is gone); 3 the same
#        three and Salim (2025; Salim Belum Kompeten at 3 in 2024, Kompeten at 3 in 2025).
# 92     the province: 7 Frans, Lince (Petrus withdrawn); 8 Hendrik (his NIK as completed).
TRUTH = {
    ("92.02", 2): (5, 5, 0), ("92.02", 3): (1, 1, 0), ("92.02", 4): (1, 1, 0),
    ("92.03", 2): (3, 3, 0), ("92.03", 3): (4, 4, 0),
    ("92", 7): (2, 2, 0), ("92", 8): (1, 1, 0),
}

# Every person of PERSONS (Belum Kompeten and attendance-only participants are persons too); the
# deleted fifth Fakfak row is no one's.
TRUE_PERSONS = 17

# Every row accounted for: the later file of each batch, the other batches, the attendance list and
# the recap are participations; every row of a first version is quarantined naming its re-send.
TRUE_PARTICIPATIONS = {MK_T1_FIXED: 5, MK_T2: 4, MK_HADIR: 4, FF_2024_FIXED: 4, FF_2025: 4, PV_2: 4, PV_RECAP: 3}
TRUE_SUPERSEDED = {MK_T1: MK_T1_FIXED, FF_2024: FF_2024_FIXED, PV_1: PV_2}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world16")), PUBLISH,
        participation="SELECT person_key, office_id, source_file, source_row, hasil, jenjang FROM fact_participation",
        log="SELECT * FROM submission_log")


def test_the_world_is_as_counted():
    assert len(FILES) == 10
    rows = {name: len(r) for (_, name), (r, _, _) in FILES.items()}
    assert sum(TRUE_PARTICIPATIONS.values()) + sum(rows[n] for n in TRUE_SUPERSEDED) == sum(rows.values())
    assert len({p for (_, name), (r, _, _) in FILES.items() if name not in TRUE_SUPERSEDED for p, *_ in r}) == TRUE_PERSONS


def test_every_office_ingests(report):
    assert report.offices_failed == {}


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS


def test_participations_are_the_hand_count(report):
    assert report.participation.groupby("source_file").size().to_dict() == TRUE_PARTICIPATIONS


def test_first_versions_are_quarantined_naming_their_re_send(report):
    q = report.quarantine
    names = [name for _, name in FILES]
    named = {file: sorted({other for reason in q.loc[q.source_file == file, "reason"] for other in names
                           if other != file and other in str(reason)})
             for file in sorted(set(q.source_file))}
    assert named == {file: [later] for file, later in sorted(TRUE_SUPERSEDED.items())}


def test_the_submission_log_gives_each_decision(report):
    log = report.log.set_index("source_file")
    for first, later in TRUE_SUPERSEDED.items():
        assert log.loc[first, "rule"] == "superseded_by_revision"
        assert later in log.loc[first, "reason"]
    assert set(log.index[log["rule"].isna() | (log["rule"] != "superseded_by_revision")]) == set(TRUE_PARTICIPATIONS)
