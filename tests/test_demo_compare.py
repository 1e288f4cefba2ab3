"""The demo's person-by-person comparison: swaps that cancel in a headline cell still show."""

from __future__ import annotations

import pandas as pd
import pytest

from demo.compare import person_level


def _rows(pairs: list[tuple[str, str | None]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Linked rows (row i carries person key pairs[i][0]) and truth rows (pairs[i][1]; None: not written)."""
    provenance = [{"office_id": "kab-kutai-timur", "source_file": "peserta.xlsx", "source_sheet": "Hasil",
                   "source_row": row} for row in range(len(pairs))]
    linked = pd.DataFrame([{**p, "person_key": key} for p, (key, _) in zip(provenance, pairs)])
    truth = pd.DataFrame([{**p, "person_id": person} for p, (_, person) in zip(provenance, pairs) if person])
    return linked, truth


CASES = [
    # (name, (person key, truth person) per row, expected figures)
    ("exact", [("k1", "A"), ("k1", "A"), ("k2", "B")],
     dict(truth_persons=2, person_keys=2, split_persons=0, extra_keys=0, merged_keys=0, persons_lost=0)),
    # one person split in two and two others merged: 3 persons, 3 keys, a headline count would be exact
    ("swap that cancels", [("k1", "A"), ("k2", "A"), ("k3", "B"), ("k3", "C")],
     dict(truth_persons=3, person_keys=3, split_persons=1, extra_keys=1, merged_keys=1, persons_lost=1)),
    ("three keys for one", [("k1", "A"), ("k2", "A"), ("k3", "A")],
     dict(truth_persons=1, person_keys=3, split_persons=1, extra_keys=2, merged_keys=0, persons_lost=0)),
]


@pytest.mark.parametrize("name, pairs, expected", CASES, ids=[case[0] for case in CASES])
def test_person_level_counts_splits_and_merges(name, pairs, expected):
    linked, truth = _rows(pairs)
    got = person_level(linked, truth)
    assert {key: got[key] for key in expected} == expected
    assert got["rows"] == len(pairs) and got["rows_without_truth"] == 0


def test_pairs_and_rows_the_generator_did_not_write():
    linked, truth = _rows([("k1", "A"), ("k1", "A"), ("k2", "A"), ("k9", None)])
    got = person_level(linked, truth)
    # truth pairs of A: 3; the clustering keeps 1 of them and makes no false one
    assert (got["precision"], got["recall"]) == (1.0, pytest.approx(1 / 3))
    assert (got["rows"], got["rows_without_truth"]) == (3, 1)
