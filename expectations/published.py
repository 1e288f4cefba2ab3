"""Checks on what is about to be published: blocking, because wrong totals are worse than late ones."""

from __future__ import annotations

import pandas as pd

from expectations.validate import RuleOutcome, load_suite, run_suite
from reference import regions


def check_headline(headline: pd.DataFrame, certified_rows: pd.DataFrame) -> list[RuleOutcome]:
    """Region codes known, counts present and sane, persons never above rows (per cell).

    ``certified_rows`` has one row per credited certified participation row with
    ``region_code`` and ``jenjang`` (see :func:`warehouse.headline.credited_certifications`).
    """
    rows_per_cell = certified_rows.groupby(["region_code", "jenjang"]).size().rename("certified_rows").reset_index()
    rows_per_cell["jenjang"] = rows_per_cell["jenjang"].astype("int64")
    frame = headline.merge(rows_per_cell, on=["region_code", "jenjang"], how="left")
    frame["certified_rows"] = frame["certified_rows"].fillna(0).astype("int64")
    return run_suite(frame, load_suite("published", {"region_codes": sorted(regions())}))


def check_row_accounting(submission_log: pd.DataFrame) -> list[RuleOutcome]:
    """Every row read from every file is accepted or quarantined: the sums match exactly."""
    frame = submission_log.copy()
    frame["rows_unaccounted"] = frame["rows_read"] - frame["rows_accepted"] - frame["rows_quarantined"]
    return run_suite(frame, load_suite("submission_log"))
