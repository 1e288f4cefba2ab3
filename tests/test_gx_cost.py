"""What Great Expectations costs per pipeline run, counted in work, not seconds (issue 14).

GX 1.x rebuilds ``Expectation.configuration`` (a pydantic ``.dict()`` of every field) each time
it reads one kwarg of an expectation: 1,088 builds in one validation of the 8-expectation row
suite on a messy frame. Inside
``validate_suite`` each expectation object's configuration is built once
(``expectations/validate.py``, ``_build_configurations_once``), and each suite's GX object is built
once per process and spec. These tests count both, for one office and for several, and check
that the results are GX's own to the last field.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pandas as pd
import pytest

import expectations.validate as validate
from expectations.published import check_row_accounting
from expectations.submission import check_submissions
from sources.registry import load_registry
from tests.test_expectations import KUTIM, SAMARINDA_ONLY, files_frame, raw_rows
from tests.test_suite_shared_expectations import _rows as messy_rows

OFFICES = load_registry()
TODAY = date(2026, 6, 30)
REGENCIES = ["kab-kutai-timur", "kab-muaro-jambi", "kab-kutai-kartanegara", "kab-muara-enim"]

# GX 1.24's count: one validation of the 8-expectation row suite makes 15 expectation objects per
# expectation, each now building its configuration once; with GX's own getter it was 1,088 builds
ROW_SUITE_BUILDS = 8 * 15


@pytest.fixture
def counted(monkeypatch):
    """Counts of GX suite objects built, validations run, expectation configurations built and
    frames fingerprinted (GX hashes the whole frame each time it loads a batch)."""
    import great_expectations as gx
    from great_expectations.execution_engine import pandas_execution_engine as engine

    validate._context()  # the configuration getter is installed with the context
    counts: Counter = Counter()
    monkeypatch.setattr(validate, "_SUITES", {})
    suite_class, own_getter, validate_suite = gx.ExpectationSuite, validate._gx_configuration, validate.validate_suite
    fingerprint = engine.hash_pandas_dataframe

    def suite(*args, **kwargs):
        counts["suites"] += 1
        return suite_class(*args, **kwargs)

    def configuration(expectation):
        counts["configurations"] += 1
        return own_getter(expectation)

    def validation(*args, **kwargs):
        counts["validations"] += 1
        return validate_suite(*args, **kwargs)

    def hashed(frame):
        counts["fingerprints"] += 1
        return fingerprint(frame)

    monkeypatch.setattr(gx, "ExpectationSuite", suite)
    monkeypatch.setattr(engine, "hash_pandas_dataframe", hashed)
    monkeypatch.setattr(validate, "_gx_configuration", configuration)
    monkeypatch.setattr(validate, "validate_suite", validation)
    return counts


def _office_rows(office_id: str) -> pd.DataFrame:
    """The messy rows (every row rule failing somewhere) as ``office_id``'s."""
    return messy_rows().assign(office_id=office_id)


@pytest.mark.parametrize("offices", [1, 2, 4])
def test_row_suite_is_built_once_and_each_configuration_once_per_validation(counted, offices):
    """N offices of one level: one suite object, and per office one validation, 120 configurations
    built and one batch load (``Batch.validate`` loaded each frame twice)."""
    for office_id in REGENCIES[:offices]:
        validation = validate.validate_rows(_office_rows(office_id), OFFICES[office_id], TODAY)
        assert {o.rule for o in validation.outcomes if o.failing_count} >= {"nik_invalid", "nik_missing"}
    assert dict(counted) == {"suites": 1, "validations": offices, "configurations": offices * ROW_SUITE_BUILDS,
                             "fingerprints": offices}


def test_one_row_suite_per_authority_and_day(counted):
    """Offices of another level (other KKNI bounds) or another day get a suite of their own."""
    for office_id, today in [("kab-kutai-timur", TODAY), ("kota-samarinda", TODAY), ("prov-kaltim", TODAY),
                             ("kab-muara-enim", TODAY), ("kab-kutai-timur", date(2026, 7, 1))]:
        validate.validate_rows(_office_rows(office_id), OFFICES[office_id], today)
    assert (counted["suites"], counted["validations"]) == (3, 5)


def test_submission_suite_is_built_once_for_every_office(counted):
    """Four offices' files, each office with a duplicate: the screening suite and the suite of
    its failed expectation are each built once; two validations per office, not per file."""
    for office_id in REGENCIES:
        files = files_frame(("a.xlsx", "1", "accepted", 6), ("kirim ulang a.xlsx", "1", "accepted", 6),
                            ("b.xlsx", "5", "accepted", 6))
        rows = pd.concat([raw_rows("1", "a.xlsx", KUTIM), raw_rows("5", "b.xlsx", SAMARINDA_ONLY)])
        checked = check_submissions(files.assign(office_id=office_id), rows.assign(office_id=office_id),
                                    OFFICES["kab-kutai-timur"])
        assert list(checked["rule"]) == [None, "duplicate_submission", "file_from_other_office"]
    assert (counted["suites"], counted["validations"], counted["fingerprints"]) == (2, 8, 8)


def _comparable(result) -> dict:
    """A validation result as JSON, without the time GX loaded the batch."""
    data = result.to_json_dict()
    data["meta"]["batch_markers"].pop("ge_load_time")
    return data


def _gx_own(frame: pd.DataFrame, spec: dict, result_format: dict):
    """The same validation through ``Batch.validate``, with GX's own ``configuration`` getter throughout."""
    batch = validate._batch_definition().get_batch(batch_parameters={"dataframe": frame.reset_index(drop=True)})
    return batch.validate(validate.gx_suite(spec), result_format=result_format)


def _row_case():
    spec = validate.row_suite(OFFICES["kab-kutai-timur"], TODAY)
    return validate.gx_frame(messy_rows(), spec), spec


def _published_case():
    log = pd.DataFrame({"rows_read": [5, 7, 3], "rows_accepted": [5, 4, 3], "rows_quarantined": [0, 2, 1]})
    log["rows_unaccounted"] = log["rows_read"] - log["rows_accepted"] - log["rows_quarantined"]
    return log, validate.load_suite("submission_log")


@pytest.mark.parametrize(
    "case, options, result_format",
    [
        ("row", {"page": True}, {"result_format": "COMPLETE"}),
        ("row", {}, {"result_format": "COMPLETE", "return_unexpected_index_query": False}),
        ("row", {"screen": True}, {"result_format": "BOOLEAN_ONLY"}),
        ("published", {}, {"result_format": "COMPLETE", "return_unexpected_index_query": False}),
    ],
)
def test_results_equal_gx_own(case, options, result_format):
    """Every field of every expectation result (success, counts, failing positions and values,
    the retrieval query, the configuration) and of the result's meta (the batch's fingerprint,
    spec and definition) equals what GX's own getter and ``Batch.validate`` give."""
    frame, spec = {"row": _row_case, "published": _published_case}[case]()
    ours = validate.validate_suite(frame, spec, **options)
    assert not ours.success
    assert _comparable(ours) == _comparable(_gx_own(frame, spec, result_format))


def test_configuration_outside_a_validation_is_gx_own():
    """Outside ``validate_suite`` (Data Docs rendering, anyone's GX code) nothing is kept."""
    validate._context()
    expectation = validate.gx_suite(validate.load_suite("submission_log")).expectations[0]
    assert expectation.configuration is not expectation.configuration
    assert expectation.configuration == validate._gx_configuration(expectation)


def test_row_accounting_unchanged(counted):
    outcomes = check_row_accounting(pd.DataFrame({"source_file": ["a", "b"], "rows_read": [5, 7],
                                                  "rows_accepted": [5, 4], "rows_quarantined": [0, 2]}))
    assert [(o.rule, list(o.failing)) for o in outcomes] == [("row_accounting", [1])]
    assert counted["validations"] == 1
