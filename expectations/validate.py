"""Run the Great Expectations suites and turn their results into per-rule outcomes.

Each row rule is a vectorised pandas expression (:func:`row_rule_columns`) that
the row suite states as one expectation over its ``ok_<rule>`` column: GX's own
pair, date and uniqueness expectations on pandas took over a minute per million
rows, a boolean column takes milliseconds. GX is imported lazily: importing it
costs ~5 s, which code-location loads and sensor ticks must not pay.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from expectations.catalogue import rule as catalogue_rule
from reference import regions
from sources.registry import Office
from standardize.levels import KUALIFIKASI
from standardize.validity import expected_expiry

SUITES_DIR = Path(__file__).with_name("suites")
PROVENANCE = ["office_id", "source_file", "source_sha256", "source_sheet", "source_row"]

# Which KKNI levels an office may certify (DOMAIN.md, seed 004): regencies and
# cities the skilled workers 1-6, provinces the experts 7-9.
AUTHORITY = {"regency": (1, 6), "city": (1, 6), "province": (7, 9)}


@dataclass
class RuleOutcome:
    """The result of one rule over one batch: which rows failed it."""

    rule: str
    column: str
    success: bool
    checked: int
    failing: np.ndarray = field(repr=False)  # positions (iloc) of failing rows

    @property
    def failing_count(self) -> int:
        """How many rows failed."""
        return int(len(self.failing))


def load_suite(name: str, params: dict[str, object] | None = None) -> dict:
    """A suite spec from ``expectations/suites/<name>.json`` with ``${param}`` filled in."""
    text = (SUITES_DIR / f"{name}.json").read_text(encoding="utf-8")
    if params:
        # Substitute quoted placeholders so numbers become JSON numbers.
        for key, value in params.items():
            text = text.replace(f'"${{{key}}}"', json.dumps(value))
    leftover = string.Template.pattern.search(text)
    if leftover and leftover.group("braced"):
        raise ValueError(f"suite {name}: parameter {leftover.group('braced')!r} not supplied")
    return json.loads(text)


@lru_cache(maxsize=1)
def _batch_definition():
    import great_expectations as gx  # lazy: see module docstring

    context = gx.get_context(mode="ephemeral")
    try:
        context.variables.progress_bars = {"globally": False}
    except Exception:  # older layouts of the config: progress bars only cost noise
        pass
    source = context.data_sources.add_pandas("frames")
    asset = source.add_dataframe_asset("frame")
    return asset.add_batch_definition_whole_dataframe("whole")


def run_suite(frame: pd.DataFrame, spec: dict) -> list[RuleOutcome]:
    """Validate ``frame`` against a suite spec; one outcome per expectation (by its meta.rule)."""
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=spec["name"], expectations=spec["expectations"], meta=spec.get("meta"))
    positional = frame.reset_index(drop=True)
    batch = _batch_definition().get_batch(batch_parameters={"dataframe": positional})
    result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    outcomes = []
    for item in result.results:
        meta = item.expectation_config.meta or {}
        indexes = item.result.get("unexpected_index_list") or []
        failing = np.array(sorted({i if isinstance(i, (int, np.integer)) else i.get("index") for i in indexes}), dtype=np.int64)
        if item.exception_info and item.exception_info.get("raised_exception"):
            raise RuntimeError(f"rule {meta.get('rule')}: {item.exception_info.get('exception_message')}")
        outcomes.append(
            RuleOutcome(
                rule=meta["rule"],
                column=meta.get("column", ""),
                success=bool(item.success),
                checked=int(item.result.get("element_count") or len(frame)),
                failing=failing,
            )
        )
    return outcomes


def row_rule_columns(rows: pd.DataFrame, office: Office, today: date) -> pd.DataFrame:
    """One boolean ``ok_<rule>`` column per row rule (True: the row passes or the rule does not apply).

    Vectorised pandas over the canonical columns; the suite states one
    expectation per column. A rule that needs two values applies only when both
    are known: a missing date is its own, separate finding.
    """
    frame = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    rows = rows.reset_index(drop=True)
    status = rows["nik_status"]
    nik = rows["nik"].astype("string")
    regency = nik.str[:2] + "." + nik.str[2:4]
    known_regencies = [code for code, region in regions().items() if region.type != "province"]
    frame["ok_nik_invalid"] = ~status.isin(["invalid", "wrong_length"]) & (nik.isna() | regency.isin(known_regencies)).fillna(True)
    frame["ok_nik_missing"] = status != "missing"
    frame["ok_nik_excel_damaged"] = ~status.isin(["excel_truncated", "scientific_notation"])
    # Standardization already compared the NIK's ddmmyy and day+40 with the sheet's
    # columns (standardize/record.py); the checks report it, they do not redo it.
    flags = rows["flags"].astype("string").fillna("")
    frame["ok_nik_birth_date_mismatch"] = ~flags.str.contains("nik_tanggal_lahir_mismatch", regex=False)
    frame["ok_nik_sex_mismatch"] = ~flags.str.contains("nik_jenis_kelamin_mismatch", regex=False)
    jenjang = rows["jenjang"].astype("Int64")
    expected_kualifikasi = jenjang.map(KUALIFIKASI, na_action="ignore").astype("string")
    frame["ok_kualifikasi_inconsistent"] = (rows["kualifikasi"].astype("string") == expected_kualifikasi).fillna(True)
    low, high = AUTHORITY[office.level]
    frame["ok_level_outside_authority"] = jenjang.between(low, high).fillna(True)
    terbit = rows["tanggal_terbit"].astype("datetime64[ms]")
    frame["ok_issue_date_in_future"] = ~(terbit > pd.Timestamp(today))
    tahun = rows["tahun"].astype("Int64")
    frame["ok_issue_date_before_program"] = (terbit.dt.year.astype("Int64") >= tahun).fillna(True)
    berlaku = rows["masa_berlaku"].astype("datetime64[ms]")
    frame["ok_expiry_not_five_years"] = ~(berlaku.notna() & terbit.notna() & (berlaku != expected_expiry(terbit)))
    nomor = rows["nomor_sertifikat"].astype("string")
    frame["ok_kompeten_without_certificate"] = ~((rows["hasil"] == "Kompeten") & nomor.isna())
    repeated = pd.DataFrame({"file": rows["source_sha256"], "nomor": nomor}).duplicated(keep=False) & nomor.notna()
    frame["ok_certificate_repeated"] = ~repeated
    return frame.astype(bool)


@dataclass
class RowValidation:
    """Row-rule outcomes for one office, plus the long list of flagged rows."""

    outcomes: list[RuleOutcome]
    flagged: pd.DataFrame  # provenance, rule, column, value, reason


def validate_rows(rows: pd.DataFrame, office: Office, today: date) -> RowValidation:
    """Run the row suite on an office's standardized rows."""
    spec = load_suite("row")
    if rows.empty:
        return RowValidation(outcomes=[], flagged=pd.DataFrame(columns=PROVENANCE + ["rule", "column", "value", "reason"]))
    frame = rows.reset_index(drop=True)
    outcomes = run_suite(row_rule_columns(frame, office, today), spec)
    parts = []
    for outcome in outcomes:
        if not outcome.failing_count:
            continue
        failing = frame.iloc[outcome.failing]
        value_column = outcome.column if outcome.column in failing.columns else None
        part = failing[PROVENANCE].copy()
        part["rule"] = outcome.rule
        part["column"] = outcome.column
        part["value"] = failing[value_column].astype("string") if value_column else None
        part["reason"] = catalogue_rule(outcome.rule).reason
        parts.append(part)
    flagged = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=PROVENANCE + ["rule", "column", "value", "reason"])
    )
    return RowValidation(outcomes=outcomes, flagged=flagged)
