"""One GX expectation stating several rules of one column (``meta.rules`` in ``suites/row.json``):
each rule still fails exactly its own rows, and the Data Docs page still shows every failing row.

The NIK statuses are one ``expect_column_values_to_not_be_in_set``, the NIK mismatch flags one
``expect_column_values_to_not_match_regex_list`` and the three two-column rules another over the
codes each row fails (GX's bookkeeping costs per expectation and validation); before, each rule was
its own expectation. A row failing two rules of one expectation must be reported under both.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from expectations.catalogue import rules
from expectations.validate import validate_rows, write_data_docs
from sources.registry import load_registry
from tests.test_expectations import clean_row, frame

OFFICES = load_registry()
TODAY = date(2026, 6, 30)

# position: changes to a clean Kutai Timur row (each with a certificate number of its own)
ROWS = {
    1: {"nik": None, "nik_status": "invalid", "nik_partial": "6408015203851234"},
    2: {"nik": None, "nik_status": "missing"},
    3: {"nik": None, "nik_status": "excel_truncated", "nik_partial": "640801520385001"},
    4: {"nik": None, "nik_status": "wrong_length", "nik_partial": "64080152038500"},
    5: {"nik": None, "nik_status": "scientific_notation", "nik_partial": "6.40801E+15"},
    6: {"nik": "6499015203850012"},  # a status of valid, a regency that does not exist
    7: {"tanggal_lahir": pd.Timestamp("1985-03-21"), "flags": "nik_tanggal_lahir_mismatch"},
    8: {"jenis_kelamin": "L", "flags": "nik_jenis_kelamin_mismatch"},
    9: {"tanggal_lahir": pd.Timestamp("1985-03-21"), "jenis_kelamin": "L",
        "flags": "nik_jenis_kelamin_mismatch;nik_tanggal_lahir_mismatch"},
    10: {"jenjang": 5, "kualifikasi": "Operator", "masa_berlaku": pd.Timestamp("2028-04-10")},
    11: {"tahun": 2026},
}
EXPECTED = {
    "nik_invalid": [1, 4, 6],
    "nik_missing": [2],
    "nik_excel_damaged": [3, 5],
    "nik_birth_date_mismatch": [7, 9],
    "nik_sex_mismatch": [8, 9],
    "kualifikasi_inconsistent": [10],
    "issue_date_before_program": [11],
    "expiry_not_five_years": [10],
}


def _rows() -> pd.DataFrame:
    rows = [clean_row(source_row=10 + position, nomor_sertifikat=f"SKK-6408-2025-{position:06d}") for position in range(13)]
    for position, changes in ROWS.items():
        rows[position].update(changes)
    return frame(*rows)


def test_each_rule_of_a_shared_expectation_fails_exactly_its_rows():
    result = validate_rows(_rows(), OFFICES["kab-kutai-timur"], TODAY)
    failing = {o.rule: o.failing.tolist() for o in result.outcomes if o.failing_count}
    assert failing == EXPECTED
    assert {o.rule for o in result.outcomes if not o.success} == set(EXPECTED)
    assert [o.rule for o in result.outcomes] == [code for code in rules() if rules()[code].stage == "row"
                                                  and rules()[code].consequence == "flag"
                                                  and not rules()[code].informational]  # the catalogue's order, as before
    flagged = result.flagged.groupby("rule", sort=False)["source_row"].apply(list).to_dict()
    assert flagged == {rule: [10 + p for p in positions] for rule, positions in EXPECTED.items()}
    columns = dict(zip(result.flagged["rule"], result.flagged["column"]))
    assert columns["nik_birth_date_mismatch"] == "tanggal_lahir" and columns["nik_sex_mismatch"] == "jenis_kelamin"


def test_data_docs_page_shows_every_failing_row_of_a_shared_expectation(tmp_path):
    validation = validate_rows(_rows(), OFFICES["kab-kutai-timur"], TODAY)
    html = write_data_docs(validation, tmp_path).read_text(encoding="utf-8")
    for value in ("invalid", "missing", "excel_truncated", "wrong_length", "scientific_notation",
                  "nik_tanggal_lahir_mismatch", "nik_jenis_kelamin_mismatch;nik_tanggal_lahir_mismatch"):
        assert value in html
    assert "df.filter(items=[1, 2, 3, 4, 5], axis=0)" in html  # the NIK statuses' failing rows
    assert "df.filter(items=[7, 8, 9], axis=0)" in html  # the mismatch flags' failing rows
    assert "kualifikasi_inconsistent;expiry_not_five_years" in html and "df.filter(items=[10, 11], axis=0)" in html


def test_a_rules_split_that_leaves_values_unclaimed_fails_at_load(tmp_path, monkeypatch):
    import json

    import expectations.validate as validate

    spec = json.loads((validate.SUITES_DIR / "row.json").read_text(encoding="utf-8"))
    shared = next(e for e in spec["expectations"] if "rules" in (e.get("meta") or {}))
    shared["kwargs"]["value_set"] = [*shared["kwargs"]["value_set"], "unheard_of"]
    (tmp_path / "row.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setattr(validate, "SUITES_DIR", tmp_path)
    with pytest.raises(ValueError, match="meta.rules"):
        validate.row_suite(OFFICES["kab-kutai-timur"], TODAY)
