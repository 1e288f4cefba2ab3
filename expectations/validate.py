"""Run the Great Expectations suites and turn their results into per-rule outcomes.

Row rules that GX cannot express directly on the canonical columns (NIK-encoded
birth date, authority by office level, expiry = issue + 5 years, ...) get a
vectorised helper column first (:func:`row_check_frame`); the suite then states
the rule declaratively over that column. GX is imported lazily: importing it
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
from standardize.nik import nik_birth_date_and_sex
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


def _decoded_nik(nik: pd.Series, reference_year: int) -> tuple[pd.Series, pd.Series]:
    unique = nik.dropna().unique()
    decoded = {value: nik_birth_date_and_sex(value, reference_year) for value in unique}
    birth = nik.map(lambda v: decoded[v][0] if isinstance(v, str) else None)
    sex = nik.map(lambda v: decoded[v][1] if isinstance(v, str) else None)
    return pd.to_datetime(birth).astype("datetime64[ms]"), sex


def row_check_frame(rows: pd.DataFrame, today: date) -> pd.DataFrame:
    """The canonical rows plus the helper columns the row suite states its rules over."""
    frame = rows.reset_index(drop=True).copy()
    known_regencies = {code for code, region in regions().items() if region.type != "province"}
    nik = frame["nik"]
    regency = nik.str[:2] + "." + nik.str[2:4]
    frame["nik_wellformed"] = ~frame["nik_status"].isin(["invalid", "wrong_length"]) & ~(
        nik.notna() & ~regency.isin(known_regencies)
    )
    frame["nik_tanggal_lahir"], frame["nik_jenis_kelamin"] = _decoded_nik(nik, today.year)
    frame["jenjang_kualifikasi"] = frame["jenjang"].astype("string") + " " + frame["kualifikasi"].astype("string")
    terbit = frame["tanggal_terbit"]
    frame["days_issued_after_today"] = (terbit - pd.Timestamp(today)).dt.days
    frame["tahun_terbit"] = terbit.dt.year.astype("Int64")
    frame["masa_berlaku_expected"] = expected_expiry(terbit)
    frame["nomor_sertifikat_if_kompeten"] = frame["nomor_sertifikat"].where(frame["hasil"] == "Kompeten", "-")
    nomor = frame["nomor_sertifikat"].astype("string")
    frame["certificate_in_submission"] = (frame["source_sha256"].astype("string") + "|" + nomor).where(nomor.notna())
    return frame


@dataclass
class RowValidation:
    """Row-rule outcomes for one office, plus the long list of flagged rows."""

    outcomes: list[RuleOutcome]
    flagged: pd.DataFrame  # provenance, rule, column, value, reason


def validate_rows(rows: pd.DataFrame, office: Office, today: date) -> RowValidation:
    """Run the row suite on an office's standardized rows."""
    low, high = AUTHORITY[office.level]
    spec = load_suite("row", {"authority_min": low, "authority_max": high})
    if rows.empty:
        return RowValidation(outcomes=[], flagged=pd.DataFrame(columns=PROVENANCE + ["rule", "column", "value", "reason"]))
    frame = row_check_frame(rows, today)
    outcomes = run_suite(frame, spec)
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
