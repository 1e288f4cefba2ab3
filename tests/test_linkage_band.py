"""Probabilistic links just under the match threshold (linkage.probabilistic.BAND_THRESHOLD).

Between BAND_THRESHOLD and MATCH_THRESHOLD a link is taken only when the name (equal, one typo
off, or shortened: "Dewi W." / "Dewi Wahyuni") and the same birth date carry it; a NIK one edit
apart, a word in common, or a birth date one typo off (a namesake born a digit apart) are not
enough there.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from linkage.link import link_persons
from linkage.probabilistic import BAND_THRESHOLD, MATCH_THRESHOLD, _accepted_scores
from test_linkage import SECRET, Row, make_nik, standardize

NAME = {5: "Exact match on name", 4: "Damerau-Levenshtein <= 1", 3: "abbreviated or a word left out",
        2: "Jaro-Winkler >= 0.92", 1: "a word in common", 0: "All other comparisons", -1: "null"}
BIRTH = {2: "Exact match on birth", 1: "Damerau-Levenshtein <= 1", 0: "All other comparisons", -1: "null"}
LABELS = {"name": NAME, "birth": BIRTH}


@pytest.mark.parametrize(
    ("probability", "name", "birth", "accepted"),
    [
        (0.995, 1, -1, True),  # at the threshold anything the model scores goes
        (0.97, 3, 2, True),  # "Dewi W." / "Dewi Wahyuni", same birth date
        (0.96, 5, 2, True),  # a one-word name ("Suparno"), same birth date
        (0.95, 4, 2, True),  # a typo in a word, same birth date
        (0.97, 5, 1, False),  # a common name born a digit apart: a namesake as often as not
        (0.97, 5, -1, False),  # no birth date on one side
        (0.97, 1, 2, False),  # only a word in common
        (0.97, 2, 2, False),  # Jaro-Winkler alone
        (BAND_THRESHOLD - 0.001, 3, 2, False),  # under the band
    ],
)
def test_band_takes_name_and_birth_date_only(probability, name, birth, accepted):
    pairs = pd.DataFrame({"match_probability": [probability], "gamma_name": [name], "gamma_birth": [birth]})
    assert bool(_accepted_scores(pairs, MATCH_THRESHOLD, LABELS)[0]) is accepted


def test_explicit_lower_threshold_takes_everything_above_it():
    pairs = pd.DataFrame({"match_probability": [0.91, 0.5], "gamma_name": [1, 1], "gamma_birth": [-1, -1]})
    assert _accepted_scores(pairs, 0.9, LABELS).tolist() == [True, False]


GIVEN_M = ["Muhammad", "Ahmad", "Agus", "Budi", "Joko", "Eko", "Andi", "Rudi", "Hendra", "Dedi", "Yusuf", "Rizki",
           "Suparno", "Slamet", "Bambang", "Sugeng", "Wahyu", "Heru", "Abdul", "Dwi"]
GIVEN_F = ["Siti", "Sri", "Dewi", "Nur", "Rina", "Fitri", "Ani", "Yuni"]
REST = ["Rizki", "Salim", "Santoso", "Saputra", "Hidayat", "Setiawan", "Pratama", "Wibowo", "Susilo", "Aminah",
        "Rahman", "Hakim", "Kurniawan", "Nugroho", "Lestari", "Handayani", "Wahyuni", "Fauzi", "Ramadhan", "Syahputra"]
OFFICES = {"kab-kutai-timur": "6408", "kota-samarinda": "6472", "kab-kutai-kartanegara": "6402", "prov-kaltim": None}


def _as_written(name: str, rng: random.Random) -> str:
    """How a clerk writes the name: a word shortened, Muhammad abbreviated, a title or degree, capitals."""
    words = name.split()
    r = rng.random()
    if r < 0.15 and len(words) >= 2:
        return f"{words[0]} {words[-1][0]}."
    if r < 0.25 and words[0] == "Muhammad":
        return rng.choice(["M.", "Moh.", "Muh.", "Mochammad"]) + " " + " ".join(words[1:])
    if r < 0.32:
        return rng.choice(["H. ", "Ir. ", "Drs. "]) + name
    if r < 0.40:
        return name + rng.choice([", S.T.", ",S.T.", " S.T"])
    if r < 0.50:
        return name.upper()
    return name


def world(seed: int = 1, persons: int = 500) -> list[Row]:
    """Common names, each person in 1-4 programs of four offices; the NIK on 55% of rows, missing on
    25%, Excel-truncated, transposed or in scientific notation on the rest; birth date, place and
    sex sometimes missing, the birth date sometimes mistyped."""
    rng = random.Random(seed)
    rows = []
    for i in range(persons):
        sex = "P" if rng.random() < 0.2 else "L"
        name = " ".join([rng.choice(GIVEN_F if sex == "P" else GIVEN_M)] + rng.sample(REST, rng.choice([0, 1, 1, 1, 2])))
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(40 * 365))
        home = rng.choice(list(OFFICES)[:3])
        nik = make_nik(OFFICES[home], f"{rng.randrange(1, 19):02d}", birth, sex, rng.randrange(1, 40))
        place = rng.choice(["Sangatta", "Samarinda", "Tenggarong", "Balikpapan", "Bontang", "Makassar"])
        for j in range(rng.choice([1, 2, 2, 3, 4])):
            office = rng.choice(list(OFFICES))
            r = rng.random()
            written = (nik if r < 0.55 else None if r < 0.8 else nik[:15] if r < 0.88
                       else nik[:13] + nik[14] + nik[13] + nik[15] if r < 0.94 else f"{int(nik[:6]) / 1e5:.5f}E+15")
            born = birth + timedelta(days=rng.choice([1, -1, 10, 30])) if rng.random() < 0.05 else birth
            rows.append(Row("world", f"p{i}", f"{office}_{j % 2}.xlsx", _as_written(name, rng), written,
                            None if rng.random() < 0.2 else place,
                            None if rng.random() < 0.08 else born.strftime("%d-%m-%Y"),
                            None if rng.random() < 0.1 else sex, office=office))
    return rows


def test_band_links_abbreviated_names_without_merging_namesakes():
    """500 persons, 1,300 rows: 71 persons split over several keys with the band closed, 58 open; none merged."""
    rows = link_persons(standardize(world()), SECRET).rows
    split = int((rows.groupby("person")["person_key"].nunique() > 1).sum())
    merged = int((rows.groupby("person_key")["person"].nunique() > 1).sum())
    assert merged == 0
    assert split <= 60
