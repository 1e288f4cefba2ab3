"""The clustering guard (linkage/clustering.py): which merges are refused and why."""

from __future__ import annotations

import pytest

from linkage.clustering import Facts, GuardedUnionFind


@pytest.mark.parametrize(
    ("left", "right", "reason"),
    [
        (Facts(births={"1985-03-12"}), Facts(births={"1985-03-12"}), None),
        # a clerk's slip: one digit, two swapped digits, day and month swapped (an mdy office)
        (Facts(births={"1985-03-12"}), Facts(births={"1985-03-13"}), None),
        (Facts(births={"1985-03-12"}), Facts(births={"1958-03-12"}), None),
        (Facts(births={"1985-03-12"}), Facts(births={"1985-12-03"}), None),
        # another person's birth date
        (Facts(births={"1985-03-12"}), Facts(births={"1990-07-01"}), "different birth dates"),
        (Facts(births={"1985-03-12"}), Facts(births={"1985-04-21"}), "different birth dates"),
        # one date of either side close enough is enough
        (Facts(births={"1985-03-12", "1990-07-01"}), Facts(births={"1990-07-10"}), None),
        (Facts(identities={1}), Facts(identities={2}), "different valid NIKs"),
        (Facts(identities={1}), Facts(blocked={1}), "copied NIK of the other person"),
        (Facts(sexes={"L"}), Facts(sexes={"P"}), "different sex"),
        (Facts(), Facts(births={"1985-03-12"}, sexes={"P"}), None),
    ],
)
def test_guard(left, right, reason):
    facts = {0: left, 1: right}
    uf = GuardedUnionFind(2, facts_of=lambda node: Facts(set(facts[node].identities), set(facts[node].births),
                                                          set(facts[node].sexes), set(facts[node].blocked)))
    assert uf.conflict(0, 1) == reason
    assert uf.union(0, 1) is (reason is None)


def test_merged_facts_guard_later_merges():
    """After A-B merged, C must agree with what A and B know together (no chaining)."""
    facts = [Facts(identities={7}, births={"1980-01-01"}), Facts(births={"1980-01-01"}), Facts(identities={8})]
    uf = GuardedUnionFind(3, facts_of=lambda node: Facts(set(facts[node].identities), set(facts[node].births)))
    assert uf.union(0, 1)
    assert uf.conflict(1, 2) == "different valid NIKs"
