"""standardize.validity.issue_years over Arrow arrays reads each shape as issue_year_from_number does."""

from __future__ import annotations

import pandas as pd
import pytest

from standardize.validity import issue_year_from_number, issue_years

# (number, year it states on a publish in 2026)
NUMBERS = [
    ("SKK-3205-2025-00203", 2025),
    (" skk-3205-2025-00203 ", 2025),  # spaces and case
    ("KT-2015", None),  # two runs: 2015 may as well be a serial
    ("1.2.201.3.165.07.1234567", None),  # old SKA: no four-digit run, no Roman month
    ("123/SKK/XII/23", 2023),  # Roman month and two-digit year
    ("123/SKK/XII/2023", 2023),
    ("123/SKK/XII/30", None),  # 2030 is after the publish year
    ("AXII/23", None),  # a letter run, not a Roman month; two runs
    ("NO 1 IV 22", 2022),
    ("SKK-2020-2021-0001", None),  # two years disagree
    ("SKK-2019-XII-19", 2019),  # the four-digit year and the Roman month's agree
    ("SKK-2019-XII-20", None),
    ("123456789012345678901", None),  # 21 digits, digit 10 is 0: not the registry's shape
    ("123456789112345672024", 2024),
    ("1234567891123456720240", None),  # 22 digits whose last four (0240) are no year
    ("Ä-2021-x-1", 2021),  # not ASCII: read one by one
    ("SKK\t2021\t001", 2021),  # a tab: read one by one
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("number", "year"), NUMBERS)
def test_issue_years_reads_each_shape(number, year):
    found = issue_years(pd.Series(["SKK-1101-2020-00001", number], dtype="str"), 2026)
    assert found.iloc[0] == 2020
    assert (None if pd.isna(found.iloc[1]) else int(found.iloc[1])) == year
    assert issue_year_from_number(number, 2026) == year


def test_issue_years_keeps_index_name_and_nulls():
    numbers = pd.Series(["SKK-3205-2025-00203", None, "SKK-3205-2025-00203"], index=[7, 3, 5], name="nomor_sertifikat",
                        dtype="str")
    found = issue_years(numbers, 2026)
    assert (found.index.tolist(), found.name, str(found.dtype)) == ([7, 3, 5], "nomor_sertifikat", "Int64")
    assert found.tolist() == [2025, pd.NA, 2025]
