"""Run the Great Expectations suites and turn their results into per-rule outcomes.

The row suite (``suites/row.json``) declares its rules over the standardized
columns themselves wherever GX 1.x states them natively and fast on pandas: NIK
status sets and the NIK's regency prefix (a regex), the mismatch flags, the
office's authority and today as bounds, "Kompeten needs a number" as a
conditional expectation (``row_condition``), repeated certificate numbers as
compound uniqueness. The three rules that compare two columns (kualifikasi
against the jenjang's band, the issue year against the program year, the expiry
five years after issue) stay vectorised pandas (:func:`pandas_rule_columns`),
checked over one column naming the rules each row fails: GX has no expectation
for the date arithmetic, and its pair or per-band conditional expectations cost
far more (docs/benchmarks.md, "Row suite"). GX is imported lazily: importing it
costs ~2-5 s, which code-location loads and sensor ticks must not pay; its
context is built once per process.

A suite run costs GX about 12 ms of bookkeeping per expectation whatever the
rows (docs/benchmarks.md, "GX suite runs"), so rules of one column share one
expectation where GX states them together (``meta.rules``: the NIK statuses, the
mismatch flags, the two-column rules), each failing row going to the rule whose
values or regex it holds.
"""

from __future__ import annotations

import copy
import json
import os
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from expectations.catalogue import rule as catalogue_rule
from expectations.catalogue import rules as catalogue_rules
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
    for expectation in spec["expectations"]:
        _check_rules_meta(expectation, name)
    return spec


def _check_rules_meta(expectation: dict, suite: str) -> None:
    """An expectation stating several rules (``meta.rules``) must split its values or regexes
    among them exactly: a failing row that no rule claimed would go unreported."""
    rules = (expectation.get("meta") or {}).get("rules")
    if rules is None:
        return
    kwargs = expectation["kwargs"]
    if "value_set" in kwargs:
        stated, split = sorted(kwargs["value_set"]), sorted(v for r in rules for v in r["values"])
    else:
        stated, split = sorted(kwargs["regex_list"]), sorted(r["regex"] for r in rules)
    if stated != split:
        raise ValueError(f"suite {suite}: {expectation['type']} on {kwargs['column']}: meta.rules split {split}, not {stated}")


@lru_cache(maxsize=1)
def _context():
    """The process's one GX context (ephemeral: nothing on disk), progress bars off."""
    import great_expectations as gx  # lazy: see module docstring

    context = gx.get_context(mode="ephemeral")
    try:
        context.variables.progress_bars = {"globally": False}
    except Exception:  # older layouts of the config: progress bars only cost noise
        pass
    _build_configurations_once()
    return context


@lru_cache(maxsize=1)
def _batch_definition():
    source = _context().data_sources.add_pandas("frames")
    asset = source.add_dataframe_asset("frame")
    return asset.add_batch_definition_whole_dataframe("whole")


# id(expectation) -> (expectation, its configuration), for the length of one validation
_CONFIGURATIONS: ContextVar[dict | None] = ContextVar("gx_configurations", default=None)
_gx_configuration = None  # GX's own getter of Expectation.configuration, once installed


def _configuration(expectation):
    """``Expectation.configuration``: GX's own, built once per expectation object within a validation."""
    kept = _CONFIGURATIONS.get()
    if kept is None:
        return _gx_configuration(expectation)
    hit = kept.get(id(expectation))
    if hit is None or hit[0] is not expectation:
        hit = kept[id(expectation)] = (expectation, _gx_configuration(expectation))
    return hit[1]


def _build_configurations_once() -> None:
    """Inside :func:`validate_suite`, an expectation's ``configuration`` is built once, not per read.

    GX 1.x builds ``Expectation.configuration`` anew (pydantic ``.dict()`` of every field, the
    regency regex and value sets included) each time it reads one kwarg of it: about 130 times
    per expectation and validation, a third of a suite run on the small frames of an office
    (docs/benchmarks.md, "Test suite"). The expectation objects GX makes during a validation are
    not changed after they are made, so each one's configuration is kept for that validation
    only (the objects are held meanwhile, so no id is reused); outside :func:`validate_suite`,
    e.g. rendering Data Docs, GX's own getter runs unchanged. Installed once per process, with
    the context; tests/test_gx_cost.py compares the results with GX's own.
    """
    global _gx_configuration
    from great_expectations.expectations.expectation import Expectation  # lazy: see module docstring

    installed = Expectation.__dict__["configuration"]
    if installed.fget is _configuration:
        return
    _gx_configuration = installed.fget
    Expectation.configuration = property(_configuration, doc=installed.__doc__)


# canonical spec -> the GX suite built from it; a few suites and office levels per process
_SUITES: dict[str, object] = {}


def gx_suite(spec: dict):
    """The ``gx.ExpectationSuite`` of a suite spec, built once per process and spec (the row suite
    differs by the office's authority levels and the day, so a run builds one per level and day)."""
    import great_expectations as gx  # lazy: see module docstring

    key = json.dumps([spec["name"], spec["expectations"], spec.get("meta")], sort_keys=True, default=repr)
    suite = _SUITES.get(key)
    if suite is None:
        if len(_SUITES) >= 64:  # a long-lived process judging many days: drop the old ones
            _SUITES.clear()
        # copies: GX writes its version into the meta it is given, which a spec may share
        suite = _SUITES[key] = gx.ExpectationSuite(name=spec["name"], expectations=copy.deepcopy(spec["expectations"]),
                                                   meta=copy.deepcopy(spec.get("meta")))
    return suite


def validate_suite(frame: pd.DataFrame, spec: dict, *, page: bool = False, screen: bool = False):
    """Validate ``frame`` (positions as index) against a suite spec; GX's validation result.

    Every failing row's position comes back (``COMPLETE``). ``page``: the result is rendered as
    a Data Docs page, which also shows GX's query for each expectation's failing rows; without
    a page that query is left out, one metric fewer per expectation (about 10% of a suite run).
    ``screen``: only whether each expectation passed (``BOOLEAN_ONLY``, about 60% of a run).
    """
    # GX's own validator of a batch definition, as Batch.validate and ValidationDefinition.run use it:
    # Batch.validate would load the batch twice (once for the Batch, once in its validator), and
    # each load fingerprints the whole frame (about 2.8 ms per 1,000 rows, 40% of a 100k-row
    # row-suite run); ValidationDefinition.run would also store every result in the context
    from great_expectations.validator.v1_validator import Validator  # lazy: see module docstring

    suite = gx_suite(spec)
    result_format: dict[str, object] = {"result_format": "BOOLEAN_ONLY" if screen else "COMPLETE"}
    if not page and not screen:
        result_format["return_unexpected_index_query"] = False
    validator = Validator(batch_definition=_batch_definition(), result_format=result_format,
                          batch_parameters={"dataframe": frame.reset_index(drop=True)})
    token = _CONFIGURATIONS.set({})
    try:
        return validator.validate_expectation_suite(suite)
    finally:
        _CONFIGURATIONS.reset(token)


def _failing_positions(item) -> np.ndarray:
    indexes = item.result.get("unexpected_index_list") or []
    return np.array(sorted({i if isinstance(i, (int, np.integer)) else i.get("index") for i in indexes}), dtype=np.int64)


def _by_rule(item, failing: np.ndarray, frame: pd.DataFrame) -> list[tuple[dict, np.ndarray]]:
    """Each rule of an expectation with its failing positions; an expectation stating several
    rules of one column (``meta.rules``) gives each the failing rows holding its values or regex."""
    meta = item.expectation_config.meta or {}
    if "rules" not in meta:
        return [(meta, failing)]
    values = frame[item.expectation_config.kwargs["column"]].iloc[failing]
    split = []
    for rule in meta["rules"]:
        # the same tests GX applies on pandas (isin; astype(str).str.contains)
        mine = values.isin(rule["values"]) if "values" in rule else values.astype(str).str.contains(rule["regex"])
        split.append((rule, failing[mine.to_numpy(dtype=bool)]))
    if len(np.unique(np.concatenate([positions for _, positions in split]))) != len(failing):
        raise RuntimeError(f"{item.expectation_config.type}: failing rows no rule of meta.rules claims")
    return split


def outcomes_of(result, frame: pd.DataFrame) -> list[RuleOutcome]:
    """One outcome per rule of each expectation of a GX validation result (by its meta.rule and
    meta.column, or each of its meta.rules); ``frame`` is the frame GX validated."""
    return [outcome for item in result.results for outcome in _item_outcomes(item, frame)]


def _item_outcomes(item, frame: pd.DataFrame) -> list[RuleOutcome]:
    meta = item.expectation_config.meta or {}
    if item.exception_info and item.exception_info.get("raised_exception"):
        rule = meta.get("rule") or [r["rule"] for r in meta.get("rules", [])]
        raise RuntimeError(f"rule {rule}: {item.exception_info.get('exception_message')}")
    checked = int(item.result.get("element_count") or len(frame))
    return [
        RuleOutcome(
            rule=rule["rule"],
            column=rule.get("column", ""),
            # a rule stated alone passes as its expectation does; one of several, when none of its rows failed
            success=bool(item.success) if "rules" not in meta else not len(failing),
            checked=checked,
            failing=failing,
        )
        for rule, failing in _by_rule(item, _failing_positions(item), frame.reset_index(drop=True))
    ]


def run_suite(frame: pd.DataFrame, spec: dict) -> list[RuleOutcome]:
    """Validate ``frame`` against a suite spec; one outcome per rule of each expectation."""
    checked = _suite_frame(frame, spec)
    return outcomes_of(validate_suite(checked, spec), checked)


def _suite_frame(frame: pd.DataFrame, spec: dict) -> pd.DataFrame:
    # only what the suite reads: GX fingerprints the whole frame per run, and a row_condition's
    # DataFrame.query builds a resolver for every column, once per metric
    return frame.reset_index(drop=True)[suite_columns(spec)]


def run_suite_screened(frame: pd.DataFrame, spec: dict) -> list[RuleOutcome]:
    """:func:`run_suite` for a suite most frames pass entirely (the submission suite: most
    offices send no file to reject); the same outcomes, in the suite's order.

    GX first says only which expectations fail (``screen``), then validates those alone again
    for their failing rows: a frame that passes costs one screening run (about 60% of a full
    run), one that fails about a full run. A passing expectation's ``checked`` is the frame's
    row count (a screening run counts nothing).
    """
    frame = _suite_frame(frame, spec)
    screened = validate_suite(frame, spec, screen=True)
    results = _in_suite_order(screened.results, spec)
    failed = [expectation for expectation, item in zip(spec["expectations"], results) if not item.success]
    failing = iter(_in_suite_order(validate_suite(frame, {**spec, "expectations": failed}).results, {"expectations": failed})
                   if failed else [])
    return [outcome for item in results for outcome in _item_outcomes(item if item.success else next(failing), frame)]


def _in_suite_order(results: list, spec: dict) -> list:
    """GX's expectation results in the order of the spec's expectations (matched by type and meta)."""
    left = list(results)
    ordered = []
    for expectation in spec["expectations"]:
        match = next((item for item in left if item.expectation_config.type == expectation["type"]
                      and (item.expectation_config.meta or {}) == (expectation.get("meta") or {})), None)
        if match is None:
            raise RuntimeError(f"suite {spec.get('name')}: no result for {expectation['type']} {expectation.get('meta')}")
        left.remove(match)
        ordered.append(match)
    return ordered


def per_rule(outcomes: list[RuleOutcome]) -> list[RuleOutcome]:
    """One outcome per rule, in the catalogue's order (``rules.yaml``): a row fails a rule that
    several expectations state when it fails any of them."""
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
    # expectations are grouped by column, not by rule: the order reports and examples list rules in is the catalogue's
    order = {code: position for position, code in enumerate(catalogue_rules())}
    return sorted(merged.values(), key=lambda outcome: order[outcome.rule])


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


TWO_COLUMN_RULES = "two_column_rules_failed"


def two_column_rules_failed(rows: pd.DataFrame) -> pd.Series:
    """Per row, the codes of the rules of :func:`pandas_rule_columns` it fails, ``;``-joined ("" when none).

    The row suite checks them as one column with one regex per rule (one GX expectation
    instead of one per ``ok_<rule>`` column: GX's bookkeeping costs per expectation), and the
    Data Docs page shows each failing row under the codes of its rules.
    """
    ok = pandas_rule_columns(rows)
    failed = pd.Series("", index=ok.index, dtype=object)
    for column in ok.columns:
        failed = failed + np.where(ok[column].to_numpy(), "", column.removeprefix("ok_") + ";")
    return failed.str.rstrip(";").rename(TWO_COLUMN_RULES)


def gx_frame(rows: pd.DataFrame, spec: dict) -> pd.DataFrame:
    """The columns the row suite reads, in dtypes GX 1.x compares vectorised on pandas.

    GX's ``expect_column_values_to_be_between`` is vectorised only for numpy int/float
    and nanosecond datetimes; on ``Int64`` or ``datetime64[ms]`` it compares value by
    value in Python (about 0.25 s per 100k dates). jenjang (1-9) is exact as float64
    and a date in nanosecond range exact as ``datetime64[ns]``; a date outside that
    range (before 1677, after 2262) keeps its unit and GX's slow path, same answer.
    """
    frame = rows.reset_index(drop=True)
    checked = pd.concat([frame, two_column_rules_failed(frame)], axis=1)[suite_columns(spec)]
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
    checked = gx_frame(frame, spec)
    result = validate_suite(checked, spec, page=True)
    outcomes = per_rule(outcomes_of(result, checked))
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
