"""Issue 13 end to end: a landing world full of side doors, and no NIK or name in any analyst table.

Two offices. Palembang sends a CSV named after a participant and his NIK, with a NIK
in jabatan_kerja and in the program, and a row quarantined for its level whose
jabatan holds a NIK; and a "spreadsheet" that is a binary file starting with a
NIK (the reader's reason shows its first bytes as hex), named after the
quarantined participant. Kutai Timur sends a JSON export keyed by NIK (rejected:
the reason quotes the keys) and a clean CSV.
"""

from __future__ import annotations

import json
import re
from datetime import date

import dagster as dg
import pandas as pd
import pytest

from pipelines.run import run_everything
from pipelines.settings import Settings
from warehouse.access import analyst_tables, readable_columns
from warehouse.publish import make_engine, read_table

PUBLISH = date(2026, 6, 30)
REGISTRY = """offices:
  - id: kota-palembang
    name: Dinas PUPR Kota Palembang
    level: city
    region_code: "16.71"
  - id: kab-kutai-timur
    name: Dinas PUPR Kabupaten Kutai Timur
    level: regency
    region_code: "64.08"
"""
NAMED_CSV = "Sertifikat_AHMAD RIZKI_1603012003880007.csv"
BINARY = "scan_KTP_BUDI SANTOSO.xls"
PALEMBANG_CSV = (
    "DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN 2024\n"
    "\n"
    "No,Nama,NIK,Tanggal Lahir,Jabatan Kerja,Jenjang,Hasil,Program\n"
    "1,AHMAD RIZKI,1603012003880007,20-03-1988,Ahli Muda Teknik Jalan,7,Kompeten,Pelatihan Ahli 2024\n"
    "2,AHMAD RIZKI,1603012003880007,20-03-1988,Pelaksana Lapangan,4,Kompeten,Pelatihan Teknisi 2024\n"
    "3,SITI AMINAH,1603016504900002,25-04-1990,Mandor 1603016504900002,3,Kompeten,Pelatihan 1603 0112 0190 0001\n"
    "4,BUDI SANTOSO,1603011201900001,12-01-1990,Staf 1603011201900001,,Kompeten,Pelatihan 2024\n"
)
# A lookup of names by NIK: no records, so the file is rejected and its reason lists the keys.
KEYED_BY_NIK = {"6408011201900001": "RAHMAT HIDAYAT", "6408015203850002": "DEWI LESTARI"}
KUTAI_CSV = "Nama,NIK,Jabatan Kerja,Jenjang,Hasil\nRAHMAT HIDAYAT,6408011201900001,Tukang Besi,2,Kompeten\n"
NAME_WORDS = ("AHMAD", "RIZKI", "SITI", "AMINAH", "BUDI", "SANTOSO", "RAHMAT", "HIDAYAT", "DEWI", "LESTARI")
SIXTEEN_DIGITS = re.compile(r"\d{16}")
NAME_WORD = re.compile(r"(?<![^\W\d_])(?:" + "|".join(NAME_WORDS) + r")(?![^\W\d_])", re.IGNORECASE)


def _world(root):
    (root / "offices.yaml").write_text(REGISTRY)
    palembang = root / "landing" / "kota-palembang"
    kutai = root / "landing" / "kab-kutai-timur"
    palembang.mkdir(parents=True)
    kutai.mkdir(parents=True)
    (palembang / NAMED_CSV).write_text(PALEMBANG_CSV)
    (palembang / BINARY).write_bytes(b"1603011201900001\x00\x00 not a spreadsheet")
    (kutai / "peserta_api.json").write_text(json.dumps(KEYED_BY_NIK))
    (kutai / "peserta_2024.csv").write_text(KUTAI_CSV)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("fence_world")
    _world(root)
    data = root / "data"
    settings = Settings(registry_path=root / "offices.yaml", landing_root=root / "landing", data_dir=data,
                        warehouse_url=f"duckdb:///{data / 'warehouse.duckdb'}")
    run_everything(settings, "test-secret", publish_date=PUBLISH, instance=dg.DagsterInstance.ephemeral())
    engine = make_engine(settings.warehouse_url)
    yield {name: read_table(engine, name) for name in ["person_links", *(t.name for t in analyst_tables())]}
    engine.dispose()


def test_no_analyst_readable_cell_holds_a_nik_or_a_name(warehouse):
    leaks = []
    for table in analyst_tables():
        frame = warehouse[table.name]
        assert len(frame) or table.name in ("target_progress",), f"{table.name} is empty: the world tests nothing"
        for column in readable_columns(table):
            for value in frame[column].dropna().astype(str).unique():
                if SIXTEEN_DIGITS.search(value) or NAME_WORD.search(value):
                    leaks.append((table.name, column, value))
    assert leaks == []


def test_submission_log_reasons_and_file_names_are_fenced(warehouse):
    log = warehouse["submission_log"].sort_values(["office_id", "source_file"])
    log = log.astype(object).where(log.notna(), None)
    assert log[["office_id", "source_file", "status", "reason"]].values.tolist() == [
        ["kab-kutai-timur", "peserta_2024.csv", "accepted", None],
        ["kab-kutai-timur", "peserta_api.json", "rejected",
         "office kab-kutai-timur, file peserta_api.json: no list of records found: expected a top-level list or a "
         "list under data / records / items / result / results / rows (or result.records); the object has keys "
         "'[NIK]', '[NIK]'"],
        ["kota-palembang", "Sertifikat_[nama]_[NIK].csv", "accepted", None],
        ["kota-palembang", "scan_KTP_[nama].xls", "rejected",
         "office kota-palembang, file scan_KTP_[nama].xls: unknown format: binary data starting [bytes], "
         "not an xlsx, xls, csv or json file"],
    ]


def test_free_text_and_provenance_are_fenced_in_the_facts(warehouse):
    facts = warehouse["fact_participation"]
    palembang = facts[facts["office_id"] == "kota-palembang"]
    assert sorted(palembang[["source_file", "source_row", "jabatan_kerja", "program"]].values.tolist()) == [
        ["Sertifikat_[nama]_[NIK].csv", 4, "Ahli Muda Teknik Jalan", "Pelatihan Ahli 2024"],
        ["Sertifikat_[nama]_[NIK].csv", 5, "Pelaksana Lapangan", "Pelatihan Teknisi 2024"],
        ["Sertifikat_[nama]_[NIK].csv", 6, "Mandor [NIK]", "Pelatihan [NIK]"],
    ]
    assert "Mandor [NIK]" in set(warehouse["fact_certification"]["jabatan_kerja"])
    quarantine = warehouse["quarantine"]
    assert quarantine[["source_file", "source_row", "rule"]].values.tolist() == [
        ["Sertifikat_[nama]_[NIK].csv", 7, "jenjang_missing"]
    ]


def test_engineer_only_columns_keep_the_raw_values(warehouse):
    raw = json.loads(warehouse["quarantine"]["raw"].iloc[0])
    assert (raw["nama"], raw["nik"], raw["jabatan_kerja"]) == ("BUDI SANTOSO", "1603011201900001", "Staf 1603011201900001")
    links = warehouse["person_links"]
    assert set(links["source_file_l"]) | set(links["source_file_r"]) == {NAMED_CSV}
