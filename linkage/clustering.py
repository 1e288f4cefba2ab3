"""Union-find over rows with guards against chaining different persons together.

Links are pairwise, persons are not: if A-B and B-C are accepted, A and C become
one person even when nothing says they are. Two different persons get chained
through a third record that resembles both (a row without NIK named "Muhammad
Rizki" next to two Muhammad Rizkis with different birth dates). The guard: every
component remembers what must be unique within one person (its valid-NIK
identity, its birth dates, its sex) and an edge whose two sides disagree on one of
them is refused, however strong it looks on its own. Birth dates disagree when
no date of one side is a typo (one edit, or day and month swapped) of the other's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from linkage.dates import birth_far
from linkage.nik_hints import DATE_CORRECTED, hint_contradicts, with_own_date


@dataclass
class Facts:
    """What one component knows about its person; all sets, usually of size 0 or 1."""

    identities: set[int] = field(default_factory=set)  # valid-NIK clusters (after NIK repair)
    births: set[str] = field(default_factory=set)
    sexes: set[str] = field(default_factory=set)
    blocked: set[int] = field(default_factory=set)  # identities this component must not join (copied NIKs)
    niks: set[str] = field(default_factory=set)  # the valid NIKs of its identities
    hints: set[tuple[str, str]] = field(default_factory=set)  # (digits, nik_status) of its damaged NIKs

    def contradicted_by(self, other: Facts) -> bool:
        """A damaged NIK of this component names another district or birth date than every valid NIK
        of ``other`` (:func:`linkage.nik_hints.hint_contradicts`), also read with a date slip its own
        birth dates correct: a valid-shaped NIK retyped with two date digits swapped is that
        person's NIK, which a cut copy of the true one still names."""
        if not other.niks:
            return False
        niks = set(other.niks)
        for nik in other.niks:
            for birth in other.births:
                digits, status = with_own_date(nik, "invalid", f"{birth[8:10]}{birth[5:7]}{birth[2:4]}")
                if status.endswith(DATE_CORRECTED):
                    niks.add(digits)
        return any(all(hint_contradicts(digits, status, nik) for nik in niks) for digits, status in self.hints)


class GuardedUnionFind:
    """Disjoint sets over ``n`` nodes; merges can be refused when facts conflict.

    ``conflict_on`` names the facts that must not disagree inside one person:
    ``"identity"`` (two different valid NIKs), ``"birth"`` and ``"sex"``.
    ``facts_of(node)`` tells what a single node knows; it is asked lazily, the
    first time a guarded merge touches the node, so a million NIK clusters that
    never meet a guarded link cost nothing.
    """

    def __init__(self, n: int, facts_of: Callable[[int], Facts] | None = None,
                 conflict_on: Iterable[str] = ("identity", "birth", "sex")):
        self.parent = list(range(n))
        self.facts: dict[int, Facts] = {}
        self.facts_of = facts_of or (lambda node: Facts())
        self.conflict_on = frozenset(conflict_on)

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def _root_facts(self, root: int) -> Facts:
        facts = self.facts.get(root)
        if facts is None:
            facts = self.facts[root] = self.facts_of(root)
        return facts

    def conflict(self, a: int, b: int) -> str | None:
        """Why the persons of ``a`` and ``b`` must stay apart, or None."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        fa, fb = self._root_facts(ra), self._root_facts(rb)
        if "identity" in self.conflict_on:
            if fa.identities and fb.identities and fa.identities != fb.identities:
                return "different valid NIKs"
            if (fa.identities & fb.blocked) or (fb.identities & fa.blocked):
                return "copied NIK of the other person"
            if fa.contradicted_by(fb) or fb.contradicted_by(fa):
                # A namesake born the same day, whose NIK arrived damaged: its digits are his
                # own district's, which no single damage turns into the candidate's.
                return "damaged NIK names another district or birth date"
        if "birth" in self.conflict_on and fa.births and fb.births and not (fa.births & fb.births) and all(
            birth_far(birth, list(fb.births)) for birth in fa.births
        ):
            # A birth date one typo or a day/month swap away is a clerk's slip (or an
            # office writing month first), not another person: the link's own weight decides.
            return "different birth dates"
        if "sex" in self.conflict_on and fa.sexes and fb.sexes and not (fa.sexes & fb.sexes):
            return "different sex"
        return None

    def union(self, a: int, b: int, guarded: bool = True) -> bool:
        """Merge the components of ``a`` and ``b``; False when refused (or already one).

        Unguarded merges (exact NIK repairs, done before any guarded one) only
        join the trees: the facts of the merged root are then asked of
        ``facts_of`` for the root, which must describe the whole merged set.
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if guarded and self.conflict(ra, rb) is not None:
            return False
        if ra > rb:  # the smaller root wins: deterministic whatever the edge order
            ra, rb = rb, ra
        self.parent[rb] = ra
        fb = self.facts.pop(rb, None)
        if fb is not None or ra in self.facts:
            fa = self._root_facts(ra)
            fb = fb if fb is not None else self.facts_of(rb)
            fa.identities |= fb.identities
            fa.births |= fb.births
            fa.sexes |= fb.sexes
            fa.blocked |= fb.blocked
            fa.niks |= fb.niks
            fa.hints |= fb.hints
        return True

    def labels(self) -> np.ndarray:
        """The root of every node (pointer jumping in numpy: a million finds in Python take a second)."""
        parent = np.asarray(self.parent, dtype=np.int64)
        while True:
            grand = parent[parent]
            if np.array_equal(grand, parent):
                return parent
            parent = grand
