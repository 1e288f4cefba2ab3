"""Compare a published headline table with the demo world's ground truth."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from demo.truth import expected_headline, truth_dir
from linkage.evaluation import pairwise_score
from sources.registry import load_registry

KEY = ["region_code", "jenjang"]
PROVENANCE = ["office_id", "source_file", "source_sheet", "source_row"]


def headline_gap(published: pd.DataFrame, expected: pd.DataFrame) -> pd.DataFrame:
    """Per (region, jenjang): published and true counts side by side, with the differences."""
    merged = published[KEY + ["certified_persons", "active_persons"]].merge(
        expected[KEY + ["certified_persons", "active_persons"]], on=KEY, how="outer", suffixes=("", "_truth")
    )
    for column in ("certified_persons", "active_persons", "certified_persons_truth", "active_persons_truth"):
        merged[column] = merged[column].fillna(0).astype("int64")
    merged["certified_gap"] = merged["certified_persons"] - merged["certified_persons_truth"]
    merged["active_gap"] = merged["active_persons"] - merged["active_persons_truth"]
    return merged.sort_values(KEY).reset_index(drop=True)


def active_bounds(published: pd.DataFrame, expected: pd.DataFrame) -> pd.DataFrame:
    """:func:`headline_gap` plus the published ``active_unknown_persons`` and ``active_within_bounds``.

    A published "unknown" (no date, or a year whose expiry year is under way) may be
    either, and the truth knows the real date: the true active count of a cell must lie
    between the published ``active_persons`` and ``active_persons + active_unknown_persons``
    (a published table without the column has no unknowns: the bounds collapse to equality).
    """
    gap = headline_gap(published, expected)
    if "active_unknown_persons" in published:
        gap = gap.merge(published[KEY + ["active_unknown_persons"]], on=KEY, how="left")
        gap["active_unknown_persons"] = gap["active_unknown_persons"].fillna(0).astype("int64")
    else:
        gap["active_unknown_persons"] = 0
    gap["active_within_bounds"] = (gap["active_persons_truth"] >= gap["active_persons"]) & (
        gap["active_persons_truth"] <= gap["active_persons"] + gap["active_unknown_persons"])
    return gap


def person_level(linked: pd.DataFrame, truth_rows: pd.DataFrame) -> dict[str, int | float]:
    """How the pipeline's persons compare with the generator's, row by row.

    A headline cell can be exact while two of its persons are swapped, one split in
    two and another merged with a namesake: the counts cancel. This joins each linked
    row to the truth row it was read from (by provenance) and counts, over those rows,
    the truth persons whose rows got more than one person key (``split_persons``, and
    ``extra_keys`` they add), the person keys holding rows of more than one truth person
    (``merged_keys``, and ``persons_lost`` in them), and the pairwise precision and
    recall of the clustering. ``rows_without_truth``: linked rows the generator did
    not write as a participant row (none, when the readers read only what is there).
    """
    truth = truth_rows[PROVENANCE + ["person_id"]].drop_duplicates(PROVENANCE)
    rows = linked[PROVENANCE + ["person_key"]].merge(truth, on=PROVENANCE, how="left", validate="many_to_one")
    known = rows[rows["person_id"].notna()]
    keys_per_person = known.groupby("person_id")["person_key"].nunique()
    persons_per_key = known.groupby("person_key")["person_id"].nunique()
    score = pairwise_score(known["person_key"], known["person_id"])
    return {
        "rows": len(known),
        "rows_without_truth": int(rows["person_id"].isna().sum()),
        "truth_persons": int(len(keys_per_person)),
        "person_keys": int(len(persons_per_key)),
        "split_persons": int((keys_per_person > 1).sum()),
        "extra_keys": int((keys_per_person - 1).sum()),
        "merged_keys": int((persons_per_key > 1).sum()),
        "persons_lost": int((persons_per_key - 1).sum()),
        "precision": score.precision,
        "recall": score.recall,
    }


def compare_with_truth(published: pd.DataFrame, landing_root: Path, registry_path: Path, publish_date: date,
                       linked: pd.DataFrame | None = None) -> str:
    """A short report of how far the published table is from the generator's truth; with the
    run's ``linked`` rows (staging ``linked/_all``), also person by person (:func:`person_level`)."""
    truth_rows = pd.read_parquet(truth_dir(landing_root) / "rows.parquet")
    expected = expected_headline(truth_rows, load_registry(registry_path), publish_date)
    gap = headline_gap(published, expected)
    exact = int((gap["certified_gap"] == 0).sum())
    true_total = int(gap["certified_persons_truth"].sum())
    published_total = int(gap["certified_persons"].sum())
    lines = [
        "ground truth (demo generator):",
        f"  cells exact: {exact} of {len(gap)}; certified persons summed over cells: "
        f"published {published_total}, truth {true_total}, gap {published_total - true_total:+d} "
        f"({(published_total - true_total) / max(true_total, 1):+.2%})",
    ]
    active_exact = int((gap["active_gap"] == 0).sum())
    stated = headline_gap(published, expected_headline(truth_rows, load_registry(registry_path), publish_date,
                                                       dates="stated"))
    lines.append(
        f"  active persons: cells exact {active_exact} of {len(gap)} against the real certificate dates, "
        f"{int((stated['active_gap'] == 0).sum())} of {len(stated)} against the dates the files state"
    )
    if "active_unknown_persons" in published:
        bounds = active_bounds(published, expected)
        lines.append(
            f"  true active persons within published [active, active + unknown]: "
            f"{int(bounds['active_within_bounds'].sum())} of {len(bounds)} cells; "
            f"unknown published: {int(bounds['active_unknown_persons'].sum())}"
        )
    if linked is not None:
        persons = person_level(linked, truth_rows)
        lines.append(
            f"  persons, row by row: {persons['truth_persons']} in the truth, {persons['person_keys']} person keys "
            f"over their {persons['rows']} linked rows; split {persons['split_persons']} "
            f"(+{persons['extra_keys']} keys), merged {persons['merged_keys']} keys "
            f"(-{persons['persons_lost']} persons); pairs precision {persons['precision']:.4f}, "
            f"recall {persons['recall']:.4f}; linked rows the generator did not write: {persons['rows_without_truth']}"
        )
    off = gap[gap["certified_gap"] != 0]
    if len(off):
        lines.append("  cells that differ (persons linkage split or merged wrongly):")
        for row in off.itertuples():
            lines.append(
                f"    {row.region_code} jenjang {row.jenjang}: published {row.certified_persons}, "
                f"truth {row.certified_persons_truth} ({row.certified_gap:+d})"
            )
    return "\n".join(lines)
