"""The cheap SQL filters of the NIK typo merge say what the expensive ones said.

:func:`linkage.nik_stage.one_edit_same_length` stands for ``damerau_levenshtein = 1``
on two valid NIKs, and the typo merge's rounded-float test checks the last digit
before its 128-bit arithmetic: both must accept and refuse exactly the same pairs.
"""

import duckdb
import pytest

from linkage.nik_stage import one_edit_same_length, rounded_16, rounded_either

NIK = "6471034107900005"

EDIT_CASES = [
    # (other NIK, what the slip is, one edit apart)
    (NIK, "identical", False),
    ("6471034107900006", "last digit mistyped", True),
    ("7471034107900005", "first digit mistyped", True),
    ("6471034170900005", "adjacent digits swapped (month 07 -> 70)", True),
    ("4671034107900005", "first two digits swapped", True),
    ("6471034107900050", "last two digits swapped", True),
    ("6471034107900500", "two digits apart swapped", False),
    ("6471034107900017", "two digits mistyped", False),
    ("6471034107900115", "two adjacent digits mistyped, not a swap", False),
    ("4710341079000056", "a digit dropped and one appended (shifted)", False),
    ("6471034107009005", "two adjacent pairs swapped", False),
    ("5647103410790000", "a digit inserted at the front, last dropped", False),
]


@pytest.mark.parametrize("other, slip, expected", EDIT_CASES, ids=[c[1] for c in EDIT_CASES])
def test_one_edit_same_length_is_damerau_levenshtein_one(other, slip, expected):
    con = duckdb.connect()
    cheap, exact = con.execute(
        f"select {one_edit_same_length('$1', '$2')}, damerau_levenshtein($1, $2) = 1", [NIK, other]
    ).fetchall()[0]
    assert exact == expected
    assert cheap == expected
    # both ways round
    assert con.execute(f"select {one_edit_same_length('$2', '$1')}", [NIK, other]).fetchall()[0][0] == expected


ROUNDED_CASES = [
    # (nik_l, nik_r, one is the other as a float rounded to 15 significant digits and copied back)
    ("6472030109790028", "6472030109790030", True),
    ("6472030109790030", "6472030109790028", True),
    ("6472030109790024", "6472030109790020", True),
    ("6472030109799996", "6472030109800000", True),  # the carry reaches further
    ("6472030109790028", "6472030109790020", False),  # cut, not rounded
    ("6472030109790028", "6472030109790031", False),
    ("6472030109790025", "6472030109790035", False),
]


@pytest.mark.parametrize("nik_l, nik_r, expected", ROUNDED_CASES)
def test_rounded_pair_guard_keeps_the_arithmetic_answer(nik_l, nik_r, expected):
    con = duckdb.connect()
    plain = f"({rounded_16('$1')} = $2 or {rounded_16('$2')} = $1)"
    guarded = rounded_either("$1", "$2")
    got_plain, got_guarded = con.execute(f"select {plain}, {guarded}", [nik_l, nik_r]).fetchall()[0]
    assert got_plain == expected
    assert got_guarded == expected
