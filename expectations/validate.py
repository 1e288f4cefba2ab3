"""Run the Great Expectations suites and turn their results into per-rule outcomes.

The row suite (``suites/row.json``) declares its rules over the standardized
columns themselves wherever GX 1.x states them natively and fast on pandas: NIK
status sets and the NIK's regency prefix (a regex), the mismatch flags, the
office's authority and today as bounds, "Kompeten needs a number" as a
conditional expectation (``row_condition``), repeated certificate numbers as
compound uniqueness. The three rules that compare two columns (kualifikasi
against the jenjang's band, the issue year against the program year, the expiry
five years after issue) stay vectorised pandas (:func:`pandas_rule_columns`),
checked over an ``ok_<rule>`` column: GX has no expectation for the date
arithmetic, and its pair or per-band conditional expectations cost far more
(docs/benchmarks.md, "Row suite"). GX is imported lazily: importing it costs
~2-5 s, which code-location loads and sensor ticks must not pay; its context is
built once per process.
"""

from __future__ import annotations

import json
import os
import re
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
from standardize.validity import expected_expiry, stated_window_end

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


_PLACEHOLDER = re.compile(r"^\$\{(\w+)\}$")


def _fill(node: object, params: dict[str, object], suite: str) -> object:
    """``node`` with every string that is exactly ``${param}`` replaced by the parameter's value."""
    if isinstance(node, dict):
        return {key: _fill(value, params, suite) for key, value in node.items()}
    if isinstance(node, list):
        return [_fill(value, params, suite) for value in node]
    if isinstance(node, str) and "${" in node:
        placeholder = _PLACEHOLDER.match(node)
        if not placeholder or placeholder.group(1) not in params:
            raise ValueError(f"suite {suite}: parameter {node!r} not supplied")
        return params[placeholder.group(1)]
    return node


def load_suite(name: str, params: dict[str, object] | None = None) -> dict:
    """A suite spec from ``expectations/suites/<name>.json`` with each ``"${param}"`` value filled in.

    A value is put in as the Python object given (a number stays a number, a
    ``pd.Timestamp`` bound stays a timestamp, which GX compares with a datetime column).
    """
    spec = json.loads((SUITES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    spec["expectations"] = _fill(spec["expectations"], params or {}, name)
    return spec


@lru_cache(maxsize=1)
def _context():
    """The process's one GX context (ephemeral: nothing on disk), progress bars off."""
    import great_expectations as gx  # lazy: see module docstring

    context = gx.get_context(mode="ephemeral")
    try:
        context.variables.progress_bars = {"globally": False}
    except Exception:  # older layouts of the config: progress bars only cost noise
        pass
    return context


@lru_cache(maxsize=1)
def _batch_definition():
    source = _context().data_sources.add_pandas("frames")
    asset = source.add_dataframe_asset("frame")
    return asset.add_batch_definition_whole_dataframe("whole")


def validate_suite(frame: pd.DataFrame, spec: dict):
    """Validate ``frame`` (positions as index) against a suite spec; GX's validation result."""
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=spec["name"], expectations=spec["expectations"], meta=spec.get("meta"))
    positional = frame.reset_index(drop=True)
    batch = _batch_definition().get_batch(batch_parameters={"dataframe": positional})
    return batch.validate(suite, result_format={"result_format": "COMPLETE"})


def outcomes_of(result, rows: int) -> list[RuleOutcome]:
    """One outcome per expectation of a GX validation result (by its meta.rule and meta.column)."""
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
                checked=int(item.result.get("element_count") or rows),
                failing=failing,
            )
        )
    return outcomes


def run_suite(frame: pd.DataFrame, spec: dict) -> list[RuleOutcome]:
    """Validate ``frame`` against a suite spec; one outcome per expectation (by its meta.rule)."""
    return outcomes_of(validate_suite(frame, spec), len(frame))


def per_rule(outcomes: list[RuleOutcome]) -> list[RuleOutcome]:
    """One outcome per rule, in the order rules first appear: a row fails a rule that several
    expectations state when it fails any of them."""
    merged: dict[str, RuleOutcome] = {}
    for outcome in outcomes:
        seen = merged.get(outcome.rule)
        if seen is None:
            merged[outcome.rule] = outcome
            continue
        merged[outcome.rule] = RuleOutcome(
            rule=seen.rule,
            column=seen.column,
            success=seen.success and outcome.success,
            checked=max(seen.checked, outcome.checked),
            failing=np.union1d(seen.failing, outcome.failing).astype(np.int64),
        )
    return list(merged.values())


@lru_cache(maxsize=1)
def regency_regex() -> str:
    """A regex a NIK matches when its first four digits are a regency or city of the reference data.

    Grouped by province (``^(?:64(?:01|02|...)|...)``) so the Data Docs show it readably.
    """
    by_province: dict[str, list[str]] = {}
    for code, region in sorted(regions().items()):
        if region.type != "province":
            province, regency = code.split(".")
            by_province.setdefault(province, []).append(regency)
    alternatives = [f"{province}(?:{'|'.join(codes)})" for province, codes in by_province.items()]
    return "^(?:" + "|".join(alternatives) + ")"


def row_suite(office: Office, today: date) -> dict:
    """The row suite for ``office`` as of ``today``: its authority levels and today as bounds."""
    low, high = AUTHORITY[office.level]
    return load_suite(
        "row",
        {"regency_regex": regency_regex(), "authority_min": low, "authority_max": high, "today": pd.Timestamp(today)},
    )


def pandas_rule_columns(rows: pd.DataFrame) -> pd.DataFrame:
    """The ``ok_<rule>`` columns of the rules left to pandas (True: passes or does not apply).

    Each compares two columns: kualifikasi against the jenjang's band (GX's pair
    expectation, or one conditional expectation per band, cost far more: see
    docs/benchmarks.md), the issue year against the program year and the expiry
    against five years after issue (date arithmetic GX has no expectation for).
    A rule that needs two values applies only when both are known: a missing
    value is its own, separate finding.
    """
    frame = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    rows = rows.reset_index(drop=True)
    jenjang = rows["jenjang"].astype("Int64")
    expected_kualifikasi = jenjang.map(KUALIFIKASI, na_action="ignore").astype("string")
    frame["ok_kualifikasi_inconsistent"] = (rows["kualifikasi"].astype("string") == expected_kualifikasi).fillna(True)
    terbit = rows["tanggal_terbit"].astype("datetime64[ms]")
    tahun = rows["tahun"].astype("Int64")
    frame["ok_issue_date_before_program"] = (terbit.dt.year.astype("Int64") >= tahun).fillna(True)
    berlaku = rows["masa_berlaku"].astype("datetime64[ms]")
    # "Juli 2027" agrees with an issue of 12 July 2022: the expected day within the stated month or year
    berlaku_end = stated_window_end(berlaku, rows["masa_berlaku_precision"] if "masa_berlaku_precision" in rows.columns else None)
    expected = expected_expiry(terbit)
    agrees = (expected >= berlaku) & (expected <= berlaku_end)
    frame["ok_expiry_not_five_years"] = ~(berlaku.notna() & terbit.notna() & ~agrees.fillna(False))
    return frame.astype(bool)


def gx_frame(rows: pd.DataFrame, spec: dict) -> pd.DataFrame:
    """The columns the row suite reads, in dtypes GX 1.x compares vectorised on pandas.

    GX's ``expect_column_values_to_be_between`` is vectorised only for numpy int/float
    and nanosecond datetimes; on ``Int64`` or ``datetime64[ms]`` it compares value by
    value in Python (about 0.25 s per 100k dates). jenjang (1-9) is exact as float64
    and a date in nanosecond range exact as ``datetime64[ns]``; a date outside that
    range (before 1677, after 2262) keeps its unit and GX's slow path, same answer.
    """
    frame = rows.reset_index(drop=True)
    checked = pd.concat([frame, pandas_rule_columns(frame)], axis=1)[suite_columns(spec)]
    if "jenjang" in checked.columns:
        checked["jenjang"] = checked["jenjang"].astype("Float64").astype("float64")
    if "tanggal_terbit" in checked.columns:
        try:
            checked["tanggal_terbit"] = checked["tanggal_terbit"].astype("datetime64[ns]")
        except (OverflowError, pd.errors.OutOfBoundsDatetime):
            pass
    return checked


def suite_columns(spec: dict) -> list[str]:
    """Every column a suite's expectations read (their column, column list and row conditions)."""
    found: list[str] = []

    def walk(node: object, key: str | None = None) -> None:
        if isinstance(node, dict):
            if key in ("column", "column_A", "column_B") and isinstance(node.get("name"), str):
                found.append(node["name"])
            for child_key, child in node.items():
                walk(child, child_key)
        elif isinstance(node, list):
            for child in node:
                walk(child, key)
        elif key in ("column", "column_A", "column_B", "column_list") and isinstance(node, str):
            found.append(node)

    for expectation in spec["expectations"]:
        walk(expectation["kwargs"])
    return list(dict.fromkeys(found))


@dataclass
class RowValidation:
    """Row-rule outcomes for one office, plus the long list of flagged rows."""

    outcomes: list[RuleOutcome]
    flagged: pd.DataFrame  # provenance, rule, column, value, reason
    result: object = field(default=None, repr=False)  # GX's validation result, for Data Docs


def _flagged_rows(frame: pd.DataFrame, outcomes: list[RuleOutcome]) -> pd.DataFrame:
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
    if not parts:
        return pd.DataFrame(columns=PROVENANCE + ["rule", "column", "value", "reason"])
    return pd.concat(parts, ignore_index=True)


def validate_rows(rows: pd.DataFrame, office: Office, today: date) -> RowValidation:
    """Run the row suite on an office's standardized rows, as of ``today``."""
    if rows.empty:
        return RowValidation(outcomes=[], flagged=pd.DataFrame(columns=PROVENANCE + ["rule", "column", "value", "reason"]))
    spec = row_suite(office, today)
    frame = rows.reset_index(drop=True)
    result = validate_suite(gx_frame(frame, spec), spec)
    outcomes = per_rule(outcomes_of(result, len(frame)))
    return RowValidation(outcomes=outcomes, flagged=_flagged_rows(frame, outcomes), result=result)


DATA_DOCS_PAGE = "row_suite.html"


@lru_cache(maxsize=1)
def _page_renderer():
    """GX's validation-page renderer and HTML view, built once per process (half a page's cost)."""
    from great_expectations.render.renderer import ValidationResultsPageRenderer  # lazy: see module docstring
    from great_expectations.render.view import DefaultJinjaPageView

    return ValidationResultsPageRenderer(), DefaultJinjaPageView()


def write_data_docs(validation: RowValidation, folder: Path) -> Path | None:
    """Write the row suite's result as a Data Docs validation page, ``folder/row_suite.html``.

    The page is what a GX Data Docs site shows for one validation (the same
    ``ValidationResultsPageRenderer`` and ``DefaultJinjaPageView`` its ``SiteBuilder``
    uses), written directly: a site would need a validation-results store and an
    index rebuilt per office. It holds the failing values of the suite's columns
    (NIKs among them), so it belongs with the engineers' data, never with analysts.
    None (and no page) when there is no result, i.e. no rows.
    """
    if validation.result is None:
        return None
    renderer, view = _page_renderer()
    html = view.render(renderer.render(validation.result))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / DATA_DOCS_PAGE
    partial = folder / f".{DATA_DOCS_PAGE}.{os.getpid()}.tmp"  # one aside name per writer
    partial.write_text(html, encoding="utf-8")
    partial.replace(target)
    return target
