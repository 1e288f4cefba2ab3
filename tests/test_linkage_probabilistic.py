"""The probabilistic stage's cheap edit-distance levels and u sampling (linkage.probabilistic)."""

from __future__ import annotations

import random

import duckdb
import pytest

from linkage.probabilistic import U_MAX_PAIRS, U_MIN_PAIRS, u_sample_pairs, within_edits

PAIRS = [
    ("muhammad fauzi", "muhammad fauzi"),
    ("muhammad fauzi", "muhammad fauzy"),  # substitution
    ("muhammad fauzi", "muhammad fuazi"),  # swap
    ("muhammad fauzi", "muhammad fauz"),  # deletion at the end
    ("muhammad fauzi", "uhammad fauzi"),  # deletion at the start
    ("muhammad fauzi", "muhammad fauziz"),
    ("muhammad fauzi", "muhammad rizki"),
    ("agus santoso", "budi santoso"),
    ("ab", "ba"),
    ("a", "b"),
    ("a", ""),
    ("1985-03-12", "1985-03-21"),  # two digits swapped
    ("1985-03-12", "1985-12-03"),  # day and month swapped: not one edit
    ("6408015203850001", "6408015203850000"),
    ("6408015203850001", "640801520385001"),
    ("6408015203850001", "64080152038500011"),
    ("6408015203850001", "6408105203850001"),
    ("6408015203850001", "6480015203850010"),  # two swaps
]


def _random_pairs(n: int, seed: int = 5) -> list[tuple[str, str]]:
    """Strings and their random one- and two-edit mutants over a small alphabet (many near misses)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        a = "".join(rng.choice("abc01") for _ in range(rng.randrange(1, 12)))
        b = list(a)
        for _ in range(rng.randrange(0, 3)):
            op = rng.randrange(4)
            i = rng.randrange(len(b) + 1)
            if op == 0 and i < len(b):
                b[i] = rng.choice("abc01")
            elif op == 1:
                b.insert(i, rng.choice("abc01"))
            elif op == 2 and i < len(b):
                del b[i]
            elif i + 1 < len(b):
                b[i], b[i + 1] = b[i + 1], b[i]
        out.append((a, "".join(b)))
    return out


def test_one_edit_level_equals_damerau_levenshtein():
    """The guard in front of damerau_levenshtein never changes the answer for one edit."""
    con = duckdb.connect()
    pairs = PAIRS + _random_pairs(3000)
    con.execute("create table p(x_l varchar, x_r varchar)")
    con.executemany("insert into p values (?, ?)", pairs)
    cheap, exact = zip(*con.execute(
        f"select {within_edits('x', 1)}, damerau_levenshtein(x_l, x_r) <= 1 from p").fetchall())
    assert list(cheap) == list(exact)


def test_two_edit_level_misses_only_edits_at_both_ends():
    con = duckdb.connect()
    pairs = PAIRS + _random_pairs(3000)
    con.execute("create table p(x_l varchar, x_r varchar)")
    con.executemany("insert into p values (?, ?)", pairs)
    rows = con.execute(
        f"select x_l, x_r, {within_edits('x', 2)}, damerau_levenshtein(x_l, x_r) <= 2 from p").fetchall()
    assert all(exact for _, _, cheap, exact in rows if cheap)  # never a false "two edits"
    missed = [(a, b) for a, b, cheap, exact in rows if exact and not cheap]
    assert all(a[:4] != b[:4] and a[-4:] != b[-4:] for a, b in missed)
    assert len(missed) < 0.1 * sum(exact for *_, exact in rows)
    assert ("6408015203850001", "6480015203850010") not in missed


@pytest.mark.parametrize(
    ("rows", "pairs"),
    [(0, U_MIN_PAIRS), (4_993, U_MIN_PAIRS), (600_000, 300_000), (1_000_000, U_MAX_PAIRS), (10**8, U_MAX_PAIRS)],
)
def test_u_sample_scales_with_rows_within_bounds(rows, pairs):
    assert u_sample_pairs(rows) == pairs


def test_hyper_common_blocking_keys_are_dropped_not_compared_pairwise():
    """A file of made-up NIKs sharing 12 leading digits made 10,000-row blocks (10^9 pairs,
    18 GiB); a key value shared by more than MAX_BLOCK_ROWS rows is dropped from its rule."""
    import duckdb
    import pyarrow as pa

    from linkage.probabilistic import _RECORDS_SQL, MAX_BLOCK_ROWS

    n = MAX_BLOCK_ROWS + 1
    feats = pa.table({
        "rid": list(range(n + 2)),
        "name": [f"peserta {i}" for i in range(n)] + ["budi santoso", "budi santoso"],
        "birth": [None] * n + ["1980-01-01", "1980-01-01"],
        "sex": ["L"] * (n + 2),
        "place": [None] * (n + 2),
        "digits": [f"647200000000{i:04d}" for i in range(n)] + ["6408010101800001", "6408010101800002"],
        "cert": [None] * (n + 2),
        "detached": [False] * (n + 2),
        "cid": pa.array([None] * (n + 2), type=pa.int64()),
    })
    con = duckdb.connect()
    con.register("feats_all", feats)
    keys = con.execute(f"select unique_id, b_p12, b_birth, b_name_year from ({_RECORDS_SQL}) order by unique_id").fetchall()
    assert {row[1] for row in keys[:n]} == {None}  # 501 rows share 647200000000: dropped from the p12 rule
    assert keys[n][1:] == ("640801010180", "1980-01-01", "budi santoso|1980")
    assert keys[n + 1][1:] == ("640801010180", "1980-01-01", "budi santoso|1980")
