"""The publish candidate's memory: the linked rows are freed once sorted, read in part where a part is enough;
and the cheap-first person tests of the province re-report rule decide each pair as the per-pair rules do."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pandas as pd
import pytest

from assets.published import ALL_OFFICES, LINKED, linked_names_and_rows
from pipelines.resources import StagingStore
from tests.test_warehouse_star import K, NIK_A, NIK_B, OFFICES, PUBLISH, SECRET, linked
from warehouse import headline, star


def test_build_star_frees_the_linked_rows_it_was_handed_once_sorted(monkeypatch):
    refs: list[weakref.ref] = []
    alive_at_counting: list[bool] = []
    keyed = star._keyed_certificates

    def counting(*args, **kwargs):
        gc.collect()
        alive_at_counting.append(refs[0]() is not None)
        return keyed(*args, **kwargs)

    def handed() -> pd.DataFrame:
        rows = linked(("kab-kutai-timur", "a", NIK_A, 3, K, "C1", "2025-02-01", "2030-02-01", 2025, "Tukang Batu"),
                      ("kota-samarinda", "b", NIK_B, 4, K, "C2", "2024-02-01", "2029-02-01", 2024, "Mandor"))
        refs.append(weakref.ref(rows))
        return rows

    monkeypatch.setattr(star, "_keyed_certificates", counting)
    tables = star.build_star(handed(), OFFICES, PUBLISH, SECRET)
    assert alive_at_counting == [False]
    assert len(tables["fact_participation"]) == 2


@pytest.mark.parametrize(
    ("names", "expected_words"),
    [
        (["Ahmad Rizki", "Siti Nur Aisyah", None], {"ahmad", "rizki", "siti", "nur", "aisyah"}),
        (["Dedi", "Dedi Kurniawan", "Bo"], {"dedi", "kurniawan"}),
    ],
)
def test_linked_names_and_rows_read_from_the_name_column_and_the_footer(tmp_path, names, expected_words):
    staging = StagingStore(data_dir=str(tmp_path))
    staging.write(LINKED, ALL_OFFICES, pd.DataFrame({"nama": names, "person_key": [f"p{i}" for i in range(len(names))]}))
    assert linked_names_and_rows(staging) == (frozenset(expected_words), len(names))


def test_linked_names_and_rows_of_no_staged_rows_names_the_stage(tmp_path):
    with pytest.raises(FileNotFoundError, match="no linked data"):
        linked_names_and_rows(StagingStore(data_dir=str(tmp_path)))


# (number of the province row, number of the regency row, restated?, differ?)
NUMBER_PAIRS = [
    ("SKK-8271-2024-00102", "SKK.8271.2024.00102", True, False),  # same digits
    ("SKK-8271-2024-00102", "SKK-8271-2024-00103", True, True),  # one shape, another serial
    ("SKK-8271-2024-00102", "SKK-8271-2023-00102", False, True),
    ("00101", "SKK-8271-2024-00101", True, False),  # the serial alone, shortened by a clerk
    ("No. 00101/SKK/2024", "SKK-8271-2024-00101", True, False),
    ("11", "SKK-8203-2025-00011", True, False),  # a spreadsheet dropped the leading zeros
    ("11", "SKK-8203-2025-00011", False, True),
    ("12", "SKK-8203-2025-00011", True, True),
    ("ABC", "XYZ", True, False),  # no digits on either side: numbers_agree finds the same (empty) digits
    ("ABC", "XYZ", False, True),
    (None, "SKK-8271-2024-00101", True, False),
]


@pytest.mark.parametrize(("mine", "theirs", "restated", "differ"), NUMBER_PAIRS)
def test_numbers_differ_as_the_per_pair_rule_says(mine, theirs, restated, differ):
    rows = pd.DataFrame({"nomor_sertifikat": pd.Series([mine, theirs], dtype="str")})
    p, q = np.array([0]), np.array([1])
    found = headline._numbers_differ(rows, p, q, restated, plainly=True)
    found |= headline._numbers_differ(rows, p[~found], q[~found], restated, plainly=False) if not found[0] else False
    assert bool(found[0]) is differ
    if restated and mine is not None:
        assert (not headline.restated_numbers_agree(mine, theirs)) is differ
