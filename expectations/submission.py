"""Whole-file checks: is each file an office sent usable at all?

One row per file (the reader's report plus a few measures of its rows) is
validated against ``suites/submission.json``. A failing file is rejected on its
own; its rows go to quarantine under the file's rule, so nothing is lost and
the office's other files still publish.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePath

import numpy as np
import pandas as pd

from expectations.catalogue import rule as catalogue_rule
from expectations.validate import load_suite, run_suite
from sources.headers import RAW_COLUMNS
from sources.registry import Office

# A file counts as the office's own when at least this share of its NIKs (first
# two digits) are from the office's province. Kutai Timur's mobile unit certifies
# workers without a Kutim KTP, so the bar is a majority, not all.
MIN_HOME_SHARE = 0.5
# Below this many NIKs the share says nothing.
MIN_NIKS_FOR_SHARE = 5


# "Rekap 2022_revisi.xlsx", "rekap 2022 (1).xlsx", "rekap-2022-rev2.csv" correct "Rekap 2022.xlsx".
_REVISION_SUFFIX = re.compile(r"[\s_\-]*(?:\(\d+\)|revisi\s*\d*|rev\s*\d*|perbaikan\s*\d*|koreksi\s*\d*|v\d+)$", re.I)


def revision_base(file_name: str) -> str | None:
    """The file a corrected file replaces, as a comparable stem, or None if it is not a revision."""
    stem = PurePath(file_name).stem.strip()
    base = _REVISION_SUFFIX.sub("", stem)
    return base.lower() if base != stem and base else None


def _row_fingerprint(rows: pd.DataFrame) -> str:
    """Order-independent hash of a file's canonical values (provenance excluded)."""
    canonical = rows[list(RAW_COLUMNS)].astype("string").fillna("\x00")
    # A 64-bit hash per row, sorted: the multiset of rows without a Python loop
    # (building one string per row cost seconds per 100k rows).
    per_row = np.sort(pd.util.hash_pandas_object(canonical, index=False).to_numpy())
    return hashlib.sha256(per_row.tobytes()).hexdigest()


def _home_share(rows: pd.DataFrame, province_code: str) -> float:
    digits = rows["nik"].astype("string").str.replace(r"\D", "", regex=True)
    digits = digits[digits.str.len() >= 2]
    if len(digits) < MIN_NIKS_FOR_SHARE:
        return 1.0
    return float((digits.str[:2] == province_code).mean())


def submission_frame(files: pd.DataFrame, rows: pd.DataFrame, office: Office) -> pd.DataFrame:
    """One row per file with the measures the submission suite checks."""
    frame = files[["source_file", "source_sha256", "status", "reason", "rows_read"]].copy().reset_index(drop=True)
    frame["readable"] = frame["status"] != "rejected"
    # An unreadable file has no rows by definition: only its own rule should fire.
    frame["rows_if_readable"] = frame["rows_read"].astype("Float64").where(frame["readable"])
    frame["duplicate_of"] = pd.Series([None] * len(frame), dtype=object)
    frame["home_province_share"] = 1.0
    frame["superseded_by"] = pd.Series([None] * len(frame), dtype=object)
    # A readable corrected file replaces the file it corrects (same stem without the
    # revision suffix); later revisions win over earlier ones by name order.
    stems = {PurePath(name).stem.strip().lower(): position for position, name in frame["source_file"].items()}
    for position in frame.sort_values("source_file").index:
        base = revision_base(frame.at[position, "source_file"])
        if base is None or not frame.at[position, "readable"] or frame.at[position, "rows_read"] == 0:
            continue
        original = stems.get(base)
        if original is not None and original != position:
            frame.at[original, "superseded_by"] = frame.at[position, "source_file"]
    seen_bytes: dict[str, str] = {}
    seen_rows: dict[str, str] = {}
    by_file = {key: part for key, part in rows.groupby("source_sha256", sort=False)} if len(rows) else {}
    # Earlier files (in name order) are the originals; later identical ones are re-submissions.
    for position in frame.sort_values("source_file").index:
        name, sha = frame.at[position, "source_file"], frame.at[position, "source_sha256"]
        if not frame.at[position, "readable"]:
            continue
        if sha in seen_bytes:
            frame.at[position, "duplicate_of"] = f"{seen_bytes[sha]} (byte-identical)"
            continue
        seen_bytes[sha] = name
        part = by_file.get(sha)
        if part is None or part.empty:
            continue
        fingerprint = _row_fingerprint(part)
        if fingerprint in seen_rows:
            frame.at[position, "duplicate_of"] = f"{seen_rows[fingerprint]} (row-identical)"
        else:
            seen_rows[fingerprint] = name
        frame.at[position, "home_province_share"] = _home_share(part, office.province_code)
    return frame


def check_submissions(files: pd.DataFrame, rows: pd.DataFrame, office: Office) -> pd.DataFrame:
    """File reports with the verdict of the submission suite.

    Returns ``files`` plus ``rule`` (first failing rule or None) and an updated
    ``status``/``reason`` for files the suite rejects.
    """
    checked = files.reset_index(drop=True).copy()
    checked["rule"] = pd.Series([None] * len(checked), dtype=object)
    if checked.empty:
        return checked
    frame = submission_frame(checked, rows, office)
    outcomes = run_suite(frame, load_suite("submission", {"min_home_share": MIN_HOME_SHARE}))
    for outcome in outcomes:
        for position in outcome.failing:
            if checked.at[position, "rule"] is not None:
                continue
            checked.at[position, "rule"] = outcome.rule
            if outcome.rule == "file_unreadable":
                continue  # the reader's own reason names sheet and columns; keep it
            detail = {
                "no_data_rows": "",
                "duplicate_submission": f": {frame.at[position, 'duplicate_of']}",
                "superseded_by_revision": f": {frame.at[position, 'superseded_by']}",
                "foreign_office_data": f": {frame.at[position, 'home_province_share']:.0%} of NIKs from province {office.province_code}",
            }[outcome.rule]
            checked.at[position, "status"] = "rejected"
            checked.at[position, "reason"] = (
                f"office {office.id}, file {checked.at[position, 'source_file']}: "
                f"{catalogue_rule(outcome.rule).reason}{detail}"
            )
    return checked


def quarantine_rejected_files(raw: pd.DataFrame, files: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split raw rows into (rows of usable files, quarantine rows of files the suite rejected).

    Every row of a rejected file goes to quarantine under the file's rule, so the
    row accounting still holds and the office sees which rows were not used.
    """
    rejected = files[(files["status"] == "rejected") & files["rule"].notna()]
    if rejected.empty or raw.empty:
        return raw, pd.DataFrame(columns=[*raw.columns[:5], "column", "value", "rule", "reason", "raw"])
    verdict = rejected.set_index("source_sha256")[["rule", "reason"]]
    hit = raw["source_sha256"].isin(verdict.index)
    taken = raw[hit]
    provenance = ["office_id", "source_file", "source_sha256", "source_sheet", "source_row"]
    quarantine = taken[provenance].copy()
    quarantine["column"] = ""
    quarantine["value"] = None
    quarantine["rule"] = taken["source_sha256"].map(verdict["rule"])
    quarantine["reason"] = taken["source_sha256"].map(verdict["reason"])
    canonical = taken[list(RAW_COLUMNS)].astype(object)
    quarantine["raw"] = [
        json.dumps(dict(zip(RAW_COLUMNS, values)), ensure_ascii=False, default=str)
        for values in canonical.where(canonical.notna(), None).itertuples(index=False, name=None)
    ]
    return raw[~hit], quarantine.reset_index(drop=True)
