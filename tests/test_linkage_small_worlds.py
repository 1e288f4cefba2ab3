"""The Fellegi-Sunter model trained on a handful of labels (linkage.probabilistic, small worlds).

A world of a few offices gives the model a few labelled pairs (rows sharing a valid NIK) and a few
hundred random pairs. Each trained probability is drawn toward its prior (LEVEL_PRIORS) as if the
prior had been seen MIN_LABELLED_PAIRS (m) or U_PRIOR_PAIRS (u) times: p = (k + s * p0) / (n + s).
The expected values below are that formula worked by hand on each world's pairs.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from linkage.probabilistic import (
    BAND_THRESHOLD, LEVEL_PRIORS, MIN_LABELLED_PAIRS, U_PRIOR_PAIRS, _predict_pairs, _register_records,
    train_model)

S, U = MIN_LABELLED_PAIRS, U_PRIOR_PAIRS
NAMES = ["budi santoso", "agus salim", "dewi lestari", "rudi hartono", "siti aminah", "joko widodo"]


def _world(persons: int, rows_each: int = 2, extra: list[tuple] = ()) -> tuple[pd.DataFrame, np.ndarray]:
    """``persons`` labelled persons, ``rows_each`` identical rows each (own name, birth date, NIK),
    plus ``extra`` unlabelled rows (name, birth). Different persons share no name word or birth date."""
    rows, cid = [], []
    for p in range(persons):
        name = NAMES[p] if p < len(NAMES) else f"orang{p:03d} keluarga{p:03d}"
        birth = f"{1970 + p % 30}-{1 + p % 12:02d}-{1 + p % 28:02d}"
        for _ in range(rows_each):
            rows.append((name, birth, "L", None, f"640801{birth[8:10]}{birth[5:7]}{birth[2:4]}{p:04d}", None))
            cid.append(p)
    for name, birth in extra:
        rows.append((name, birth, "L", None, None, None))
        cid.append(-1)
    feats = pd.DataFrame(rows, columns=["name", "birth", "sex", "place", "digits", "cert"])
    feats.insert(0, "rid", np.arange(len(feats)))
    feats["detached"] = False
    return feats, np.array(cid, dtype=np.int64)


def _trained(feats: pd.DataFrame, cid: np.ndarray):
    con = duckdb.connect()
    _register_records(con, feats, cid, np.flatnonzero(cid < 0))
    return con, train_model(con, "lk_records", cid)


def _level(linker, comparison: str, label: str):
    for c in linker._settings_obj.comparisons:
        if c.output_column_name == comparison:
            for level in c._comparison_levels_excluding_null:
                if (label == "else" and level._is_else_level) or level.label_for_charts == label:
                    return level
    raise KeyError((comparison, label))


def _m0(comparison: str, label: str) -> float:
    return LEVEL_PRIORS[comparison][label][0]


def _u0(comparison: str, label: str) -> float:
    return LEVEL_PRIORS[comparison][label][1]


# (persons, comparison, level, labelled pairs n, of them at the level k). Every labelled pair here
# agrees exactly on name, birth date and sex, so the other levels were never seen (k = 0): a level
# six pairs never showed is no veto, and one they always showed is no certainty.
M_CASES = [
    (3, "name", "Exact match on name", 3, 3),
    (3, "name", "abbreviated or a word left out", 3, 0),
    (3, "name", "Damerau-Levenshtein <= 1", 3, 0),
    (3, "birth", "Exact match on birth", 3, 3),
    (3, "birth", "Damerau-Levenshtein <= 1", 3, 0),
    (6, "name", "abbreviated or a word left out", 6, 0),
    (6, "sex", "else", 6, 0),
]


@pytest.mark.parametrize("persons, comparison, label, n, k", M_CASES)
def test_m_from_few_labels_is_drawn_to_the_prior(persons, comparison, label, n, k):
    _, linker = _trained(*_world(persons))
    expected = (k + S * _m0(comparison, label)) / (n + S)
    assert _level(linker, comparison, label).m_probability == pytest.approx(expected, rel=1e-9)


def test_m_from_many_labels_is_the_worlds_own():
    # 400 labelled pairs: the prior weighs an eighth; an always-seen level stays near 1
    _, linker = _trained(*_world(400))
    assert _level(linker, "name", "Exact match on name").m_probability == pytest.approx(
        (400 + S * 0.75) / (400 + S), rel=1e-9)
    assert _level(linker, "name", "abbreviated or a word left out").m_probability == pytest.approx(
        S * 0.2 / (400 + S), rel=1e-9)


def test_u_from_a_small_world_is_drawn_to_the_prior():
    # 6 persons x 2 rows: all 66 pairs sampled; the 6 of one person share their birth date, the
    # other 60 do not (k = 6 of n = 66, a u of 0.09 if read as it comes)
    _, linker = _trained(*_world(6))
    expected = (6 + U * _u0("birth", "Exact match on birth")) / (66 + U)
    assert _level(linker, "birth", "Exact match on birth").u_probability == pytest.approx(expected, rel=1e-9)


def test_an_abbreviated_name_born_the_same_day_is_in_the_band_of_a_small_world():
    # A NIK-less row "Budi S." born the day of labelled "Budi Santoso": before, 3 labelled pairs
    # never showed the abbreviated level, its m kept Splink's default 0.01 and the pair scored low.
    feats, cid = _world(3, extra=[("budi s", "1970-01-01")])
    con, linker = _trained(feats, cid)
    pairs = _predict_pairs(con, linker, 0.0)
    abbreviated = pairs[(pairs["unique_id_l"] == 6) | (pairs["unique_id_r"] == 6)]
    assert abbreviated["match_probability"].max() >= BAND_THRESHOLD
