"""The fence (issue 13): office text on its way to an analyst table loses NIKs, byte dumps and names."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import sqlalchemy as sa

from warehouse import fence, schema
from warehouse.access import analyst_tables
from warehouse.fence import for_analysts, json_for_analysts, name_words

NAMES = name_words(["Ahmad Rizki", "Siti Aminah", "Ma'ruf Amin", "I Made Wirawan", "Agustus Sitorus",
                    "Wira Utama", "Andi Rahmán", "Budi Santoso, S.T."])

CASES = [
    # file names as offices name them
    ("Sertifikat_AHMAD RIZKI_1603012003880007.csv", "Sertifikat_[nama]_[NIK].csv"),
    ("Sertifikat_AHMAD_RIZKI_1603012003880007.xlsx", "Sertifikat_[nama]_[NIK].xlsx"),
    ("sertifikat ahmad rizki.pdf.xlsx", "sertifikat [nama].pdf.xlsx"),
    ("1603012003880007_Siti Aminah (1).xlsx", "[NIK]_[nama] (1).xlsx"),
    ("MA’RUF AMIN - Copy.csv", "[nama] - Copy.csv"),
    ("Data Peserta Budi Santoso ST.xlsx", "Data Peserta [nama] ST.xlsx"),
    ("ANDI RAHMAN.csv", "[nama].csv"),
    ("I Made Wirawan.xlsx", "I [nama].xlsx"),
    ("DAFTAR_PESERTA_MTU_2024.xlsx", "DAFTAR_PESERTA_MTU_2024.xlsx"),
    ("Rekap Agustus 2024 Tahap 2.xlsx", "Rekap Agustus 2024 Tahap 2.xlsx"),
    ("Dinas PUPR Kab. Kutai Timur - Pelatihan 2025.xlsx", "Dinas PUPR Kab. Kutai Timur - Pelatihan 2025.xlsx"),
    ("Sitirahayu_Aminahwati.csv", "Sitirahayu_Aminahwati.csv"),
    # NIKs as clerks and Excel write them
    ("1603011201900001", "[NIK]"),
    ("NIK 1603 0112 0190 0001", "NIK [NIK]"),
    ("16.03.01.120190.0001", "[NIK]"),
    ("1603-0112-0190-0001.csv", "[NIK].csv"),
    ("NIK:1603011201900001;", "NIK:[NIK];"),
    ("1.60301E+15", "[NIK]"),
    ("1,60301E+15", "[NIK]"),
    ("6.47102e+015 (Excel)", "[NIK] (Excel)"),
    ("160301120190001", "[NIK]"),  # 15 digits: Excel dropped the last
    ("16030112019000011", "[NIK]"),  # 17 digits
    ("No. 011603011201900001", "No. [NIK]"),  # row number glued to the NIK
    ("16030112019000", "16030112019000"),  # 14 digits: not NIK-shaped
    ("Hubungi 0812-3456-7890", "Hubungi 0812-3456-7890"),
    ("Lahir 12.03.1985, terbit 2024-05-06", "Lahir 12.03.1985, terbit 2024-05-06"),
    ("SKK 1.2.3 tahun 2024", "SKK 1.2.3 tahun 2024"),
    # free text
    ("Ahli Muda Teknik Jalan 1603011201900001", "Ahli Muda Teknik Jalan [NIK]"),
    ("Ahli Utama Teknik Jalan", "Ahli Utama Teknik Jalan"),
    ("Pelaksana Lapangan (Ahmad Rizki)", "Pelaksana Lapangan ([nama])"),
    ("Mandor", "Mandor"),
    # reader reasons quoting a file
    (
        "office kab-x, file halaman.json: no list of records found: expected a top-level list or a list under "
        "data / records; the object has keys '1603011201900001', '1603011201900002'",
        "office kab-x, file halaman.json: no list of records found: expected a top-level list or a list under "
        "data / records; the object has keys '[NIK]', '[NIK]'",
    ),
    (
        "unknown format: binary data starting d0 cf 11 e0 a1 b1 1a e1, not an xlsx, xls, csv or json file",
        "unknown format: binary data starting [bytes], not an xlsx, xls, csv or json file",
    ),
    (
        "unknown format: binary data starting 31 36 30 33 30 31 31 32, not an xlsx, xls, csv or json file",
        "unknown format: binary data starting [bytes], not an xlsx, xls, csv or json file",
    ),
    ("bytes 00:00:00:00:00:00:00:00:ff", "bytes [bytes]"),
    ("seven pairs d0 cf 11 e0 a1 b1 1a stay", "seven pairs d0 cf 11 e0 a1 b1 1a stay"),
    (
        "office kab-x, file Sertifikat_AHMAD RIZKI_1603012003880007 (1).csv: duplicate_submission: "
        "Sertifikat_AHMAD RIZKI_1603012003880007.csv (byte-identical)",
        "office kab-x, file Sertifikat_[nama]_[NIK] (1).csv: duplicate_submission: "
        "Sertifikat_[nama]_[NIK].csv (byte-identical)",
    ),
    ("", ""),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_for_analysts(text, expected):
    assert for_analysts(text, NAMES) == expected


@pytest.mark.parametrize("text, expected", CASES)
def test_fencing_fenced_text_changes_nothing(text, expected):
    assert for_analysts(expected, NAMES) == expected


def test_without_names_only_the_patterns_go():
    assert for_analysts("Sertifikat_AHMAD RIZKI_1603012003880007.csv") == "Sertifikat_AHMAD RIZKI_[NIK].csv"


def test_name_words_fold_case_accents_apostrophes_and_skip_short_and_stop_words():
    assert name_words(["Ma’rúf AMIN", "I Made", "Hj. Siti", "Agustus Utama", None, "Nama Data"]) == {
        "maruf", "amin", "made", "siti",
    }


def test_json_keys_and_string_values_are_fenced_and_stay_json():
    sheets = json.dumps(
        [{"sheet": "AHMAD RIZKI", "header_row": 4, "columns": {"nik": "NIK 1603011201900001"}, "rows": 3,
          "skipped": {"blank": 1}, "note": "", "title": "SERTIFIKAT ATAS NAMA AHMAD RIZKI", "tahun_from": ""}],
        ensure_ascii=False,
    )
    fenced = json_for_analysts(sheets, NAMES)
    assert json.loads(fenced) == [
        {"sheet": "[nama]", "header_row": 4, "columns": {"nik": "NIK [NIK]"}, "rows": 3, "skipped": {"blank": 1},
         "note": "", "title": "SERTIFIKAT ATAS NAMA [nama]", "tahun_from": ""}
    ]
    clean = json.dumps([{"sheet": "Kaubun", "rows": 3}])
    assert json_for_analysts(clean, NAMES) is clean
    assert json_for_analysts("not json 1603011201900001", NAMES) == "not json [NIK]"


def test_fence_series_per_distinct_value_keeps_missing_and_dtype():
    series = pd.Series(["Mandor", None, "Mandor 1603011201900001", "Mandor 1603011201900001"], dtype="str")
    fenced = fence.fence_series(series, NAMES)
    assert fenced.tolist()[0] == "Mandor" and pd.isna(fenced.iloc[1])
    assert fenced.tolist()[2:] == ["Mandor [NIK]", "Mandor [NIK]"]
    assert fenced.dtype == series.dtype
    clean = pd.Series(["Mandor", None], dtype="str")
    assert fence.fence_series(clean, NAMES) is clean


def _text_columns(table: sa.Table) -> set[str]:
    return {c.name for c in table.columns if isinstance(c.type, (sa.String, sa.Text))}


# Text columns of analyst tables that hold no office text: codes the pipeline writes,
# registry or reference text, keyed hashes. A new text column must be listed here
# or in its table's office_text / office_json (schema.py): a decision, not a default.
NOT_OFFICE_TEXT = {
    "dim_region": {"region_code", "region_name", "region_type", "province_code", "province_name"},
    "dim_office": {"office_id", "office_name", "level", "region_code", "region_name", "province_code", "province_name"},
    "dim_person": {"person_key", "person_key_basis", "nik_hash", "sex", "home_regency_code", "home_province_code",
                   "home_region_basis"},
    "fact_participation": {"person_key", "office_id", "province_code", "region_code", "hasil", "kualifikasi",
                           "certificate_key", "home_regency_code", "home_province_code", "flags", "source_sha256"},
    "fact_certification": {"certificate_key", "person_key", "kualifikasi", "expires_on_basis", "office_id",
                           "province_code", "region_code", "office_ids"},
    "certified_workers_by_region_level": {"province_code", "region_code", "region_name", "kualifikasi"},
    "certified_workers_by_region_level_yearly": {"province_code", "region_code", "region_name", "kualifikasi"},
    "certified_workers_by_province": {"province_code", "province_name", "kualifikasi"},
    "certified_workers_by_region_kualifikasi": {"province_code", "region_code", "region_name", "kualifikasi"},
    # note and source are the registry's targets (sources/offices.yaml), written by engineers
    "target_progress": {"office_id", "office_name", "province_code", "region_code", "region_name", "metric", "kind",
                        "note", "status", "source"},
    "submission_log": {"office_id", "source_sha256", "format", "status", "rule"},
    "quarantine": {"office_id", "source_sha256", "column_name", "rule"},
    "reporting_completeness": {"office_id", "office_name", "level", "region_code", "status"},
    "publish_log": {"table_name"},
}


def test_every_analyst_text_column_is_fenced_or_declared_free_of_office_text():
    for table in analyst_tables():
        fenced = set(table.info["office_text"]) | set(table.info["office_json"])
        personal = set(table.info["personal_columns"])
        assert not fenced & personal, table.name
        assert fenced <= _text_columns(table), table.name
        assert _text_columns(table) - fenced - personal == NOT_OFFICE_TEXT[table.name], table.name


def test_fenced_columns_by_table():
    fenced = {t.name: (t.info["office_text"], t.info["office_json"]) for t in analyst_tables()
              if t.info["office_text"] or t.info["office_json"]}
    assert fenced == {
        "fact_participation": (("program", "jabatan_kerja", "source_file", "source_sheet"), ()),
        "fact_certification": (("jabatan_kerja",), ()),
        "submission_log": (("source_file", "reason"), ("sheets",)),
        "quarantine": (("source_file", "source_sheet", "reason"), ()),
    }


def test_fence_tables_leaves_engineer_only_columns_and_tables_raw():
    raw_file = "Sertifikat_AHMAD RIZKI_1603012003880007.csv"
    frames = {
        "quarantine": pd.DataFrame({"source_file": [raw_file], "source_sheet": [""], "reason": ["x 1603011201900001"],
                                    "value": ["1603011201900001"], "raw": ['{"nama": "AHMAD RIZKI"}']}),
        "person_links": pd.DataFrame({"source_file_l": [raw_file]}),
        "dim_region": pd.DataFrame({"region_name": ["Kabupaten Kutai Timur"]}),
    }
    out = fence.fence_tables(frames, NAMES)
    assert out["quarantine"].to_dict("records") == [
        {"source_file": "Sertifikat_[nama]_[NIK].csv", "source_sheet": "", "reason": "x [NIK]",
         "value": "1603011201900001", "raw": '{"nama": "AHMAD RIZKI"}'}
    ]
    assert out["person_links"] is frames["person_links"] and out["dim_region"] is frames["dim_region"]
    assert frames["quarantine"]["source_file"].iloc[0] == raw_file  # the input frame is not changed


def test_names_from_linked_and_quarantined_rows():
    linked = pd.DataFrame({"nama": ["Ahmad Rizki", "Noot Hidayati", None], "nama_kunci": ["ahmad rizki", "not hidayati", None],
                           "tempat_lahir": ["Bontang", "Samarinda", None]})
    # the linkage key's respelling ("not") is no name anyone wrote
    assert fence.participant_names(linked) == {"ahmad", "rizki", "noot", "hidayati"}
    quarantine = pd.DataFrame({"raw": ['{"nama": "SITI AMINAH", "nik": "1"}', "not json", None, '{"nama": null}']})
    assert fence.quarantined_names(quarantine) == {"siti", "aminah"}
    assert fence.quarantined_names(None) == frozenset()


def test_every_published_table_is_in_the_schema():
    # fence_tables looks every frame's table up in the schema
    assert set(NOT_OFFICE_TEXT) == {t.name for t in analyst_tables()}
    assert {t.name for t in schema.metadata.sorted_tables} - set(NOT_OFFICE_TEXT) == {"person_links"}
