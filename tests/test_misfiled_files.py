"""Another office's file in the wrong folder counts at that office, unless it holds the file itself.

DOMAIN.md, "What else arrives in a landing folder": another office's file dropped in the
wrong folder, its title row naming the other region. Until now it was rejected
(``file_from_other_office``) and, when its owner never sent its own copy, its certified
workers counted nowhere. Now, when the title or the file name names a registry office,
the file is accepted where it landed (``counted_at_other_office``) and its rows count at
that office; the owner's own copy or version of it, if any, wins at publish.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import dagster as dg
import pytest
import xlsxwriter
import yaml

from assets.offices import stage_submissions, standardize_staged
from assets.published import COPIES, link_staged_offices
from pipelines.resources import OfficeRegistry, StagingStore
from pipelines.run import run_everything
from pipelines.settings import Settings, default_warehouse_url

PROV, SAMARINDA, KUTIM = "prov-kaltim", "kota-samarinda", "kab-kutai-timur"
OFFICES = [
    {"id": PROV, "name": "Dinas PUPR-Pera Provinsi Kalimantan Timur", "level": "province", "region_code": "64"},
    {"id": SAMARINDA, "name": "Dinas PUPR Kota Samarinda", "level": "city", "region_code": "64.72"},
    {"id": KUTIM, "name": "Dinas PUPR Kabupaten Kutai Timur", "level": "regency", "region_code": "64.08"},
]
TODAY = date(2026, 6, 30)

# Samarinda's operators: NIKs of Samarinda (64.72), jenjang 2-4, all Kompeten but the last.
SAMARINDA_ROWS = [
    ("ANDI PRATAMA", "6472011203880001", "Operator Excavator", 3, "K"),
    ("BUDI HARTONO", "6472022509790002", "Tukang Besi Beton", 2, "K"),
    ("CAHYO NUGROHO", "6472030101900003", "Mandor Pekerjaan Jalan", 4, "K"),
    ("DEDI KURNIAWAN", "6472041407850004", "Operator Crane", 3, "K"),
    ("EKO SAPUTRA", "6472050808920005", "Tukang Batu", 2, "BK"),
]
# The province's own experts, mostly Kutai Kartanegara and Samarinda KTPs.
EXPERT_ROWS = [
    ("Ir. FAJAR SIDIK", "6402010505790003", "Ahli Teknik Jalan", 7, "K"),
    ("GITA PERMATA, S.T.", "6472014203850002", "Ahli Teknik Jembatan", 8, "K"),
    ("HENDRA GUNAWAN", "6408030606810004", "Ahli Teknik Jalan", 7, "K"),
]


def _workbook(title: str, rows: list[tuple]) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Peserta")
    sheet.write("A1", title)
    sheet.write("A2", "TAHUN ANGGARAN 2025")
    sheet.write_row("A4", ["No", "Nama Peserta", "NIK", "Jabatan Kerja", "Jenjang", "Hasil Uji"])
    for number, (name, nik, jabatan, jenjang, hasil) in enumerate(rows, start=1):
        sheet.write_row(3 + number, 0, [number, name, nik, jabatan, jenjang, hasil])
    book.close()
    return buffer.getvalue()


SAMARINDA_LIST = _workbook("DAFTAR PESERTA UJI KOMPETENSI DINAS PUPR KOTA SAMARINDA", SAMARINDA_ROWS)
EARLIER_SAMARINDA_LIST = _workbook("DAFTAR PESERTA UJI KOMPETENSI DINAS PUPR KOTA SAMARINDA", SAMARINDA_ROWS[:4])
EXPERT_LIST = _workbook("HASIL SERTIFIKASI TENAGA AHLI PROVINSI KALIMANTAN TIMUR", EXPERT_ROWS)
# The province's expert program held in Kutai Timur: its title names the regency, its NIKs are
# Kutai Timur's, but experts (7-9) are the province's to certify: the province's own list.
EXPERTS_IN_KUTIM = _workbook("DAFTAR PESERTA SERTIFIKASI TENAGA AHLI KABUPATEN KUTAI TIMUR", [
    (f"PESERTA AHLI {n}", f"640801010190{n:04d}", "Ahli Muda Teknik Jalan", 7, "K") for n in range(1, 6)])
# The province's expert list under its letterhead, and a Kutai Timur operators' list whose clerk
# wrote the province's office above it (a training the province funded): the levels decide.
PROVINCE_LETTERHEAD_EXPERTS = _workbook("DINAS PEKERJAAN UMUM DAN PERUMAHAN RAKYAT PROVINSI KALIMANTAN TIMUR", EXPERT_ROWS)
PROVINCE_LETTERHEAD_OPERATORS = _workbook("DINAS PUPR PROVINSI KALIMANTAN TIMUR", [
    (f"OPERATOR {n}", f"640801010190{n:04d}", "Operator Excavator", 3, "K") for n in range(1, 5)])
PROVINCE_LETTERHEAD_OPERATORS_5 = _workbook("DINAS PUPR PROVINSI KALIMANTAN TIMUR", [
    (f"OPERATOR {n}", f"640801010190{n:04d}", "Operator Excavator", 3, "K") for n in range(1, 6)])
# The province's program for fresh graduates (jenjang 4-6) under its letterhead, its participants
# from across the province (Kukar, Samarinda, Balikpapan, Berau, one Kutai Timur): the province's.
PROVINCE_LETTERHEAD_GRADUATES = _workbook("DINAS PUPR PROVINSI KALIMANTAN TIMUR", [
    (f"LULUSAN {n}", f"{code}01010199{n:04d}", "Pelaksana Lapangan Pekerjaan Gedung", 4, "K")
    for n, code in enumerate(["6402", "6472", "6471", "6403", "6402", "6472", "6408"], start=1)])
# Kabupaten Lahat (16.04) has no office in this registry: nobody to credit.
LAHAT_LIST = _workbook("DAFTAR PESERTA UJI KOMPETENSI DINAS PUPR KABUPATEN LAHAT", [
    (name, "1604" + nik[4:], jabatan, jenjang, hasil) for name, nik, jabatan, jenjang, hasil in SAMARINDA_ROWS])


def _landing(root: Path, files: dict[str, dict[str, bytes]]) -> OfficeRegistry:
    (root / "offices.yaml").write_text(yaml.safe_dump({"offices": OFFICES}, sort_keys=False), encoding="utf-8")
    for office in OFFICES:
        folder = root / "landing" / office["id"]
        folder.mkdir(parents=True)
        for name, data in files.get(office["id"], {}).items():
            (folder / name).write_bytes(data)
    return OfficeRegistry(registry_path=str(root / "offices.yaml"), landing_root=str(root / "landing"))


def _ingest_and_link(registry: OfficeRegistry, staging: StagingStore):
    for office_id in registry.offices():
        office = registry.office(office_id)
        stage_submissions(office, registry, staging)
        standardize_staged(office, staging, TODAY)
    return link_staged_offices(registry, staging, "test-secret")


MISFILED = "Peserta Uji Kompetensi 2025.xlsx"
CASES = [
    # (case, files per office, linked rows per office, left to the owner as (office, file, owner))
    ("the owner never sent it: its rows count at the owner",
     {PROV: {"Ahli 2025.xlsx": EXPERT_LIST, MISFILED: SAMARINDA_LIST}},
     {PROV: 3, SAMARINDA: 5}, []),
    ("the owner holds the same bytes: its own file counts, once",
     {PROV: {"Ahli 2025.xlsx": EXPERT_LIST, MISFILED: SAMARINDA_LIST}, SAMARINDA: {"Daftar Peserta.xlsx": SAMARINDA_LIST}},
     {PROV: 3, SAMARINDA: 5}, [(PROV, MISFILED, SAMARINDA)]),
    ("the owner holds another version of it under the same name: the owner's counts",
     {PROV: {"Ahli 2025.xlsx": EXPERT_LIST, MISFILED: EARLIER_SAMARINDA_LIST},
      SAMARINDA: {"Peserta Uji Kompetensi 2025_revisi.xlsx": SAMARINDA_LIST}},
     {PROV: 3, SAMARINDA: 5}, [(PROV, MISFILED, SAMARINDA)]),
    ("two folders hold it, the owner none: counted once at the owner",
     {PROV: {"Ahli 2025.xlsx": EXPERT_LIST, MISFILED: SAMARINDA_LIST}, KUTIM: {MISFILED: SAMARINDA_LIST}},
     {PROV: 3, SAMARINDA: 5}, [(PROV, MISFILED, SAMARINDA)]),
    ("experts of a province program named after a regency: the province's",
     {PROV: {"Ahli 2025.xlsx": EXPERT_LIST, "Ahli Kutim 2025.xlsx": EXPERTS_IN_KUTIM}},
     {PROV: 8}, []),
    ("the province's expert list in a regency's folder only: it counts at the province",
     {KUTIM: {"Ahli 2025.xlsx": PROVINCE_LETTERHEAD_EXPERTS}},
     {PROV: 3}, []),
    ("operators under the province's letterhead in a regency's folder: the regency's",
     {KUTIM: {"Operator 2025.xlsx": PROVINCE_LETTERHEAD_OPERATORS}},
     {KUTIM: 4}, []),
    ("operators under the province's letterhead, five of them Kutai Timur's: the regency's",
     {KUTIM: {"Operator 2025.xlsx": PROVINCE_LETTERHEAD_OPERATORS_5}},
     {KUTIM: 5}, []),
    ("the province's graduates from across the province in a regency's folder: the province's",
     {KUTIM: {"Lulusan 2025.xlsx": PROVINCE_LETTERHEAD_GRADUATES}},
     {PROV: 7}, []),
    ("a region without an office in the registry: held back, counted nowhere",
     {PROV: {"Ahli 2025.xlsx": EXPERT_LIST}, SAMARINDA: {MISFILED: LAHAT_LIST}},
     {PROV: 3}, []),
]


@pytest.mark.parametrize("case, files, linked_rows, left", CASES, ids=[case[0] for case in CASES])
def test_a_misfiled_file_counts_once_at_its_owner(tmp_path, case, files, linked_rows, left):
    registry = _landing(tmp_path, files)
    staging = StagingStore(data_dir=str(tmp_path / "data"))
    linked = _ingest_and_link(registry, staging)
    assert linked.rows["office_id"].value_counts().to_dict() == linked_rows
    copies = staging.read("linked", COPIES)
    assert sorted(zip(copies["office_id"], copies["source_file"], copies["owner_office_id"])) == left


def test_the_landing_office_log_says_where_the_file_counts(tmp_path):
    registry = _landing(tmp_path, {PROV: {"Ahli 2025.xlsx": EXPERT_LIST, MISFILED: SAMARINDA_LIST},
                                   SAMARINDA: {"Rekap Lahat.xlsx": LAHAT_LIST}})
    staging = StagingStore(data_dir=str(tmp_path / "data"))
    for office_id in registry.offices():
        stage_submissions(registry.office(office_id), registry, staging)
        standardize_staged(registry.office(office_id), staging, TODAY)
    log = staging.read("submission_log", PROV).set_index("source_file")
    entry = log.loc[MISFILED]
    assert (entry["status"], entry["rule"], entry["credited_office_id"]) == ("accepted", "counted_at_other_office", SAMARINDA)
    assert (entry["rows_read"], entry["rows_accepted"], entry["rows_quarantined"]) == (5, 5, 0)
    assert "Dinas PUPR Kota Samarinda (kota-samarinda)" in entry["reason"]
    # the office where it landed is told where the file counts
    from assets.offices import write_office_feedback
    from openpyxl import load_workbook

    written, _ = write_office_feedback(registry.office(PROV), staging)
    (report,) = [path for path in written if load_workbook(path).active["B2"].value == MISFILED]
    text = " ".join(str(cell) for row in load_workbook(report).active.iter_rows(values_only=True) for cell in row if cell)
    assert "diterima" in text and "Berkas ini dihitung pada Dinas PUPR Kota Samarinda (kota-samarinda)" in text
    # a region the registry has no office for: rejected as before, every row quarantined
    lahat = staging.read("submission_log", SAMARINDA).set_index("source_file").loc["Rekap Lahat.xlsx"]
    assert (lahat["status"], lahat["rule"], lahat["rows_quarantined"]) == ("rejected", "file_from_other_office", 5)


def test_the_headline_credits_a_misfiled_list_to_its_owner(tmp_path):
    registry = _landing(tmp_path, {PROV: {"Ahli 2025.xlsx": EXPERT_LIST, MISFILED: SAMARINDA_LIST}})
    settings = Settings(data_dir=tmp_path / "data", landing_root=Path(registry.landing_root),
                        registry_path=Path(registry.registry_path),
                        warehouse_url=default_warehouse_url(tmp_path / "data"))
    report = run_everything(settings, "test-secret", publish_date=TODAY, as_of=TODAY,
                            instance=dg.DagsterInstance.ephemeral())
    certified = {(row.region_code, int(row.jenjang)): int(row.certified_persons)
                 for row in report.headline.itertuples() if row.certified_persons}
    # Samarinda: 2 at jenjang 3, 1 at 2, 1 at 4 (the BK row certifies nobody); the province: 2 at 7, 1 at 8
    assert certified == {("64.72", 2): 1, ("64.72", 3): 2, ("64.72", 4): 1, ("64", 7): 2, ("64", 8): 1}


# ------------------------------------------------------------------ whose file, in a province's folder

def _province():
    from sources.registry import Office

    return Office(id=PROV, name="Dinas PUPR-Pera Provinsi Kalimantan Timur", level="province", region_code="64",
                  landing=PROV)


def _niks(code: str, count: int) -> list[str]:
    return [f"{code.replace('.', '')}01010190{i:04d}" for i in range(1, count + 1)]


PROVINCE_FOLDER = [
    # (titles, file name, NIKs, region the file is another office's, or None: the province's own)
    ("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KOTA SAMARINDA | DAFTAR PESERTA UJI KOMPETENSI 2025", "peserta.xlsx",
     _niks("64.02", 6), "64.72"),  # the issuer says whose, whatever KTPs its workers hold
    ("PEMERINTAH KABUPATEN KUTAI TIMUR | DINAS PUPR | MOBILE TRAINING UNIT 2024", "mtu.xlsx", [], "64.08"),
    ("DINAS PUPR KOTA SAMARINDA PROVINSI KALIMANTAN TIMUR", "x.xlsx", [], "64.72"),
    ("DAFTAR PESERTA SERTIFIKASI KABUPATEN KUTAI TIMUR TAHUN 2025", "x.xlsx", _niks("64.08", 5) + _niks("64.72", 3),
     "64.08"),  # one regency named, most NIKs from it, no office of the province speaking
    ("", "Peserta MTU Kabupaten Kutai Timur 2025.xlsx", _niks("64.08", 6), "64.08"),
    # the province's own
    ("DINAS PUPR-PERA PROVINSI KALIMANTAN TIMUR | PELATIHAN DAN SERTIFIKASI DI KABUPATEN KUTAI TIMUR", "x.xlsx",
     _niks("64.08", 6), None),  # a province program held in a regency
    ("DAFTAR PESERTA SERTIFIKASI KABUPATEN KUTAI TIMUR TAHUN 2025", "x.xlsx", _niks("64.72", 6), None),
    ("DAFTAR PESERTA SERTIFIKASI KABUPATEN KUTAI TIMUR TAHUN 2025", "x.xlsx", _niks("64.08", 3), None),  # too few NIKs
    ("REKAP KABUPATEN KUTAI TIMUR | REKAP KOTA SAMARINDA", "rekap.xlsx", _niks("64.08", 6), None),  # two regencies
    ("HASIL SERTIFIKASI TENAGA AHLI TAHAP I", "ahli.xlsx", _niks("64.72", 6), None),  # NIKs alone say nothing
]


@pytest.mark.parametrize("titles, name, niks, other", PROVINCE_FOLDER)
def test_a_regency_file_in_its_province_folder(titles, name, niks, other):
    import pandas as pd

    from expectations.origin import other_office_verdict

    verdict = other_office_verdict(titles, pd.Series(niks, dtype=object), _province(), name)
    assert verdict.other_region == other
    assert verdict.within_province == (other is not None)
