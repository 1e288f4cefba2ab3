"""Scoring linkage against ground truth: pairwise precision, recall, F1.

Pairwise means: every unordered pair of rows is a match or not; a linkage's
predicted pairs are the pairs inside its clusters (so transitive closure is
scored, not only the links it drew), the true pairs those inside the true
persons. Counted from cluster sizes, never by listing pairs, so a million rows
score in a second.

Also here: :func:`standardized_demo_rows`, the standardized rows of a generated
demo world without Dagster (readers + standardization, as the office assets do),
and :func:`demo_truth_labels`, the truth ``person_id`` aligned with them. Tests
and ``benchmarks/linkage.py`` use both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

TRUTH_KEY = ["office_id", "source_file", "source_sheet", "source_row"]


@dataclass(frozen=True)
class PairScore:
    """Pairwise confusion counts and rates."""

    true_positive: int
    predicted_pairs: int
    true_pairs: int

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_positive(self) -> int:
        return self.predicted_pairs - self.true_positive

    @property
    def false_negative(self) -> int:
        return self.true_pairs - self.true_positive


def _pairs(counts: np.ndarray) -> int:
    counts = counts.astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())


def pairwise_score(predicted, truth) -> PairScore:
    """Score cluster labels ``predicted`` against ``truth`` (aligned, same length).

    Rows whose truth label is missing are left out of both sides.
    """
    frame = pd.DataFrame({"p": np.asarray(predicted, dtype=object), "t": np.asarray(truth, dtype=object)})
    frame = frame[frame["t"].notna()]
    p_codes = pd.factorize(frame["p"])[0]
    t_codes = pd.factorize(frame["t"])[0]
    both = p_codes.astype(np.int64) * (t_codes.max() + 1 if len(t_codes) else 1) + t_codes
    tp = _pairs(np.unique(both, return_counts=True)[1])
    return PairScore(
        true_positive=tp,
        predicted_pairs=_pairs(np.bincount(p_codes)) if len(p_codes) else 0,
        true_pairs=_pairs(np.bincount(t_codes)) if len(t_codes) else 0,
    )


def pair_set_score(predicted_pairs: set[tuple], true_pairs: set[tuple]) -> PairScore:
    """Score explicit pair sets (pairs as sorted tuples)."""
    return PairScore(len(predicted_pairs & true_pairs), len(predicted_pairs), len(true_pairs))


def standardized_demo_rows(landing_root: Path) -> pd.DataFrame:
    """Standardized participation rows of every registry office's landing folder.

    The same readers, whole-file checks and standardization as the office assets,
    without Dagster: rows of files the submission suite rejects (a copy, a replaced
    version, another office's file) and quarantined rows are left out, as they are
    from the linked stage.
    """
    from expectations.submission import check_submissions, quarantine_rejected_files
    from sources.intake import read_office_files
    from sources.landing import list_submissions
    from sources.registry import load_registry
    from standardize.record import standardize_submission

    frames = []
    for office in load_registry().values():
        # the same listing as the office assets: lock files and dot-files are not submissions
        paths = list_submissions(office.landing_dir(Path(landing_root)))[0]
        if not paths:
            continue
        intake = read_office_files(office, paths)
        files = check_submissions(intake.files, intake.rows, office)
        usable, _ = quarantine_rejected_files(intake.rows, files)
        result = standardize_submission(usable, date_order=office.reader.date_order)
        if len(result.rows):
            frames.append(result.rows)
    return pd.concat(frames, ignore_index=True)


def demo_truth_labels(rows: pd.DataFrame, truth_rows: pd.DataFrame) -> pd.Series:
    """The truth ``person_id`` of each standardized row (aligned with ``rows``)."""
    key = truth_rows[TRUTH_KEY + ["person_id"]].copy()
    key["source_sheet"] = key["source_sheet"].astype(str)
    left = rows[TRUTH_KEY].copy().reset_index(drop=True)
    left["source_sheet"] = left["source_sheet"].astype(str)
    merged = left.merge(key, on=TRUTH_KEY, how="left", validate="many_to_one")
    return merged["person_id"]
