"""Stable person keys (linkage.keys.assign_keys): exact outcomes, scenario by scenario.

Each case gives this run's rows (``sha:row``, sheet ``S``) with their cluster
labels and anchor NIKs, the last run's assignments, and the exact keys,
key_since, merges, splits and merge_reason calls expected. Earlier keys are
written literally (``pA``...); minted ones as their hash material.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from linkage.keys import MERGE_COLUMNS, SPLIT_COLUMNS, assign_keys, keyed_hash

SECRET = "keys-test-secret"
NIK_X = "6408011507800001"
NIK_Y = "6472034406920002"


def mint(material: str) -> str:
    return keyed_hash(SECRET.encode(), material)


def rows_of(idents: list[str]) -> pd.DataFrame:
    sha = [i.split(":")[0] for i in idents]
    return pd.DataFrame({
        "office_id": "kab-kutai-timur",
        "source_file": [f"{s}.xlsx" for s in sha],
        "source_sha256": sha,
        "source_sheet": "S",
        "source_row": [int(i.split(":")[1]) for i in idents],
    })


def previous_of(known: dict[str, tuple], generation: int = 1) -> pd.DataFrame:
    """``{ident: (person_key, link_basis, key_since)}`` as the last run's assignments."""
    frame = rows_of(list(known))
    frame["person_key"] = [k for k, _, _ in known.values()]
    frame["link_basis"] = [b for _, b, _ in known.values()]
    frame["key_since"] = [s for _, _, s in known.values()]
    frame["generation"] = generation
    return frame


def run(idents, labels, anchors=None, previous=None):
    calls = []

    def reason(component, retired, kept):
        calls.append((component, retired, kept))
        return f"link in {component}"

    person_key, key_since, merges, splits, generation = assign_keys(
        rows_of(idents), np.array(labels, dtype=np.int64), pd.Series(anchors or {}, dtype=object),
        SECRET, previous, reason)
    assert list(merges.columns) == list(MERGE_COLUMNS) and list(splits.columns) == list(SPLIT_COLUMNS)
    assert person_key.dtype == object and key_since.dtype == np.int64
    return {
        "keys": person_key.tolist(),
        "since": key_since.tolist(),
        "merges": [tuple(r) for r in merges.itertuples(index=False)],
        "splits": [tuple(r) for r in splits.itertuples(index=False)],
        "generation": generation,
        "calls": calls,
    }


A = ("pA", "unlinked", 1)  # shorthand for the commonest earlier assignment

CASES = {
    "fresh: NIK persons keyed by NIK, the others by their first row": dict(
        rows=["a:1", "a:2", "b:2", "a:3", "b:1"], labels=[7, 7, 3, 3, 9], anchors={7: NIK_X},
        previous=None,
        keys=[f"nik|{NIK_X}", f"nik|{NIK_X}", "row|a|S|3", "row|a|S|3", "row|b|S|1"],
        since=[1, 1, 1, 1, 1], generation=1),
    "empty previous is a fresh run": dict(
        rows=["a:1"], labels=[0], anchors={0: NIK_X}, previous={}, keys=[f"nik|{NIK_X}"], since=[1],
        generation=1),
    "re-run over the same rows, labels renumbered: every key and key_since kept": dict(
        rows=["a:1", "a:2", "b:1"], labels=[5, 5, 2], anchors={5: NIK_Y, 2: NIK_X},
        previous={"a:1": ("pA", "nik", 1), "a:2": ("pA", "nik", 1), "b:1": ("pB", "unlinked", 2)},
        previous_generation=3,
        keys=["pA", "pA", "pB"], since=[1, 1, 2], generation=4),
    "a new row joins a known person, a new person is minted": dict(
        rows=["a:1", "c:1", "c:2"], labels=[0, 0, 1], anchors={0: NIK_X, 1: NIK_Y},
        previous={"a:1": ("pA", "nik", 1)},
        keys=["pA", "pA", f"nik|{NIK_Y}"], since=[1, 1, 2], generation=2),
    "withdrawn rows: the persons left keep their keys, nothing is a split": dict(
        rows=["a:1"], labels=[4],
        previous={"a:1": A, "a:2": A, "b:1": ("pB", "nik", 1)},
        keys=["pA"], since=[1], generation=2),
    "restored rows: known persons keep their keys, the rest are minted": dict(
        rows=["a:1", "a:2", "b:1"], labels=[0, 0, 1],
        previous={"a:1": A},
        keys=["pA", "pA", "row|b|S|1"], since=[1, 1, 2], generation=2),
    "an earlier release's key survives though the cluster now has a NIK": dict(
        rows=["a:1", "a:2"], labels=[0, 0], anchors={0: NIK_X},
        previous={"a:1": ("p_minted_by_an_earlier_release", "unlinked", 1)},
        keys=["p_minted_by_an_earlier_release"] * 2, since=[1, 1], generation=2),
    "merge: the oldest key is kept, the other retired with its rows and reason": dict(
        rows=["a:1", "b:1", "b:2"], labels=[3, 3, 3],
        previous={"a:1": ("pA", "nik", 2), "b:1": ("pB", "unlinked", 1), "b:2": ("pB", "unlinked", 1)},
        previous_generation=2,
        keys=["pB"] * 3, since=[1, 1, 1], generation=3,
        merges=[("pA", "pB", 3, 1, "link in 3")], calls=[(3, "pA", "pB")]),
    "merge, equally old: the person known by a valid NIK wins over more rows": dict(
        rows=["a:1", "a:2", "b:1"], labels=[0, 0, 0],
        previous={"a:1": A, "a:2": A, "b:1": ("pB", "nik", 1)},
        keys=["pB"] * 3, since=[1, 1, 1], generation=2,
        merges=[("pA", "pB", 2, 2, "link in 0")], calls=[(0, "pA", "pB")]),
    "merge, equally old and known: most rows win": dict(
        rows=["a:1", "b:1", "b:2"], labels=[0, 0, 0],
        previous={"a:1": A, "b:1": ("pB", "unlinked", 1), "b:2": ("pB", "unlinked", 1)},
        keys=["pB"] * 3, since=[1, 1, 1], generation=2,
        merges=[("pA", "pB", 2, 1, "link in 0")], calls=[(0, "pA", "pB")]),
    "merge, all equal: the smallest key wins": dict(
        rows=["b:1", "a:1"], labels=[0, 0],
        previous={"b:1": ("pB", "unlinked", 1), "a:1": A},
        keys=["pA"] * 2, since=[1, 1], generation=2,
        merges=[("pB", "pA", 2, 1, "link in 0")], calls=[(0, "pB", "pA")]),
    "merges in two clusters: by label, then by rank within a cluster": dict(
        rows=["d:1", "c:1", "b:1", "a:1", "e:1", "e:2"], labels=[9, 9, 9, 4, 4, 4],
        previous={"d:1": ("pD", "unlinked", 1), "c:1": ("pC", "nik", 1), "b:1": ("pB", "unlinked", 2),
                  "a:1": A, "e:1": ("pE", "unlinked", 1), "e:2": ("pE", "unlinked", 1)},
        previous_generation=2,
        keys=["pC"] * 3 + ["pE"] * 3, since=[1, 1, 1, 1, 1, 1], generation=3,
        merges=[("pA", "pE", 3, 1, "link in 4"), ("pD", "pC", 3, 1, "link in 9"),
                ("pB", "pC", 3, 1, "link in 9")],
        calls=[(4, "pA", "pE"), (9, "pD", "pC"), (9, "pB", "pC")]),
    "split: the cluster with most rows keeps the key, the other is minted and listed": dict(
        rows=["a:1", "a:2", "a:3"], labels=[5, 6, 5],
        previous={"a:1": A, "a:2": A, "a:3": A},
        keys=["pA", "row|a|S|2", "pA"], since=[1, 2, 1], generation=2,
        splits=[("pA", "row|a|S|2", 2, 1)]),
    "split, equal halves: the lowest label keeps the key": dict(
        rows=["a:1", "a:2"], labels=[8, 3], anchors={8: NIK_X},
        previous={"a:1": A, "a:2": A},
        keys=[f"nik|{NIK_X}", "pA"], since=[2, 1], generation=2,
        splits=[("pA", f"nik|{NIK_X}", 2, 1)]),
    "split into another known person's cluster: listed with that person's key, no merge": dict(
        rows=["a:1", "a:2", "a:3", "b:1", "b:2"], labels=[1, 1, 2, 2, 2],
        previous={"a:1": A, "a:2": A, "a:3": A, "b:1": ("pB", "unlinked", 1), "b:2": ("pB", "unlinked", 1)},
        keys=["pA", "pA", "pB", "pB", "pB"], since=[1, 1, 1, 1, 1], generation=2,
        splits=[("pA", "pB", 2, 1)]),
    "splits listed by key, most rows first, then label": dict(
        rows=["b:1", "b:2", "b:3", "b:4", "a:1", "a:2", "a:3", "a:4"], labels=[0, 0, 3, 2, 1, 1, 4, 4],
        previous={"b:1": ("pB", "unlinked", 1), "b:2": ("pB", "unlinked", 1), "b:3": ("pB", "unlinked", 1),
                  "b:4": ("pB", "unlinked", 1), "a:1": A, "a:2": A, "a:3": A, "a:4": A},
        keys=["pB", "pB", "row|b|S|3", "row|b|S|4", "pA", "pA", "row|a|S|3", "row|a|S|3"],
        since=[1, 1, 2, 2, 1, 1, 2, 2], generation=2,
        splits=[("pA", "row|a|S|3", 2, 2), ("pB", "row|b|S|4", 2, 1), ("pB", "row|b|S|3", 2, 1)]),
    "a merge and a split at once: each recorded": dict(
        rows=["a:1", "a:2", "a:3", "b:1"], labels=[0, 1, 1, 1],
        previous={"a:1": A, "a:2": A, "a:3": A, "b:1": ("pB", "nik", 2)},
        keys=["row|a|S|1", "pA", "pA", "pA"], since=[2, 1, 1, 1], generation=2,
        merges=[("pB", "pA", 2, 1, "link in 1")], calls=[(1, "pB", "pA")],
        splits=[("pA", "row|a|S|1", 2, 1)]),
    "a new person minting an earlier key gets a suffix": dict(
        rows=["a:1", "b:1"], labels=[0, 1], anchors={0: NIK_X, 1: NIK_X},
        previous={"a:1": (mint(f"nik|{NIK_X}"), "nik", 1)},
        keys=[f"nik|{NIK_X}", f"nik|{NIK_X}|2"], since=[1, 2], generation=2),
    "two new persons minting one key: suffixes in label order, past taken ones": dict(
        rows=["c:1", "b:1", "a:1", "d:1"], labels=[6, 5, 0, 7], anchors={5: NIK_Y, 6: NIK_Y, 7: NIK_Y},
        previous={"a:1": (mint(f"nik|{NIK_Y}|2"), "unlinked", 1)},
        keys=[f"nik|{NIK_Y}|3", f"nik|{NIK_Y}", f"nik|{NIK_Y}|2", f"nik|{NIK_Y}|4"],
        since=[2, 2, 1, 2], generation=2),
    "duplicate rows in previous: the first assignment counts": dict(
        rows=["a:1", "a:2"], labels=[0, 0],
        previous=[("a:1", "pB", "unlinked", 1), ("a:1", "pA", "nik", 1), ("a:2", "pB", "unlinked", 1)],
        keys=["pB", "pB"], since=[1, 1], generation=2),
    "previous without link_basis: equally old keys decided by rows": dict(
        rows=["a:1", "b:1", "b:2"], labels=[0, 0, 0],
        previous={"a:1": ("pA", "nik", 1), "b:1": ("pB", "nik", 1), "b:2": ("pB", "nik", 1)},
        drop_basis=True,
        keys=["pB"] * 3, since=[1, 1, 1], generation=2,
        merges=[("pA", "pB", 2, 1, "link in 0")], calls=[(0, "pA", "pB")]),
}


def _key(value: str) -> str:
    """Expected keys: earlier ones as written, minted ones from their material."""
    return value if value.startswith("p") else mint(value)


@pytest.mark.parametrize("case", list(CASES))
def test_keys_scenario(case):
    spec = CASES[case]
    previous = spec["previous"]
    if isinstance(previous, list):  # rows in order, duplicates allowed
        frame = rows_of([i for i, *_ in previous])
        frame["person_key"] = [k for _, k, _, _ in previous]
        frame["link_basis"] = [b for _, _, b, _ in previous]
        frame["key_since"] = [s for *_, s in previous]
        frame["generation"] = 1
        previous = frame
    elif previous is not None:
        previous = previous_of(previous, spec.get("previous_generation", 1))
        if spec.get("drop_basis"):
            previous = previous.drop(columns=["link_basis"])
    got = run(spec["rows"], spec["labels"], spec.get("anchors"), previous)
    assert got["keys"] == [_key(k) for k in spec["keys"]]
    assert got["since"] == spec["since"]
    assert got["generation"] == spec["generation"]
    assert got["merges"] == [(r, _key(i), g, n, why) for r, i, g, n, why in spec.get("merges", [])]
    assert got["splits"] == [(k, _key(new), g, n) for k, new, g, n in spec.get("splits", [])]
    assert got["calls"] == spec.get("calls", [])


def test_previous_read_back_as_arrow_strings():
    """Assignments come back from parquet with Arrow-backed strings: same outcome."""
    previous = previous_of({"a:1": A, "b:1": ("pB", "nik", 1)})
    arrow = previous.convert_dtypes(dtype_backend="pyarrow")
    assert run(["a:1", "b:1"], [0, 0], previous=arrow) == run(["a:1", "b:1"], [0, 0], previous=previous)


def test_empty_secret_refused():
    with pytest.raises(ValueError, match="secret"):
        assign_keys(rows_of(["a:1"]), np.array([0]), pd.Series(dtype=object), "", None, lambda *a: "")


def test_rerun_at_scale_keeps_every_key():
    """Thousands of persons: a re-run over the same rows (labels renumbered) keeps every key and
    key_since and calls merge_reason for nothing; a merged pair and a split row are the only changes."""
    rng = np.random.default_rng(11)
    n = 20_000
    idents = [f"f{i // 400}:{i % 400 + 2}" for i in range(n)]
    person = rng.integers(0, n // 2, n)
    anchors = {p: f"64{p:014d}" for p in np.unique(person)[::3].tolist()}
    first = run(idents, person, anchors)
    previous = rows_of(idents)
    previous["person_key"] = first["keys"]
    previous["link_basis"] = ["nik" if p in anchors else "unlinked" for p in person.tolist()]
    previous["key_since"] = first["since"]
    previous["generation"] = 1
    relabel = rng.permutation(person.max() + 1)
    again = run(idents, relabel[person], {relabel[p]: nik for p, nik in anchors.items()}, previous)
    assert again["keys"] == first["keys"] and again["since"] == [1] * n
    assert again["merges"] == again["splits"] == again["calls"] == []

    # Rows 0 and 1 of different persons become one; row 2 leaves its person (who has more rows).
    changed = person.copy()
    multi = np.flatnonzero(pd.Series(person).duplicated(keep=False).to_numpy())
    a = 0
    b = next(i for i in range(1, n) if person[i] != person[a])
    c = next(int(i) for i in multi if person[i] not in (person[a], person[b]))
    changed[person == person[b]] = person[a]
    changed[c] = person.max() + 1
    result = run(idents, changed, {}, previous)
    ka, kb = first["keys"][a], first["keys"][b]
    assert {result["keys"][a]} == {result["keys"][i] for i in np.flatnonzero(person == person[b])}
    assert len(result["merges"]) == 1 and {result["merges"][0][0], result["merges"][0][1]} == {ka, kb}
    assert result["splits"] == [(first["keys"][c], result["keys"][c], 2, 1)]
    unchanged = [i for i in range(n) if i != c and person[i] not in (person[a], person[b])]
    assert [result["keys"][i] for i in unchanged] == [first["keys"][i] for i in unchanged]
