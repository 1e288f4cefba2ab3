"""Find each person once across programs and offices: :func:`link_persons`.

Stages, strongest evidence first (each only looks at what the previous left):

1. **exact NIK** (:mod:`linkage.nik_stage`): rows with the same valid NIK are one
   person, unless the row contradicts its NIK (copied from the row above);
2. **NIK repair** with evidence: Excel-truncated, one mistyped digit, two swapped
   digits, a dropped or doubled digit, scientific notation, missing NIK;
3. **probabilistic** (Fellegi-Sunter with Splink on DuckDB,
   :mod:`linkage.probabilistic`) for the rows still without a person: their
   candidates are blocked on birth date, name, NIK prefix and certificate
   number, and scored on name, birth date, sex, birth place, NIK digits and
   certificate number, with m probabilities learnt from the NIK clusters of
   stage 1 (which are labelled pairs for free);
4. **guarded clustering** (:mod:`linkage.clustering`): a link is refused when its
   two sides hold different valid NIKs, different birth dates or different sex,
   so no third record chains two persons together;
5. **stable keys** (:mod:`linkage.keys`).

Every accepted link is kept with its method and evidence (:attr:`LinkResult.links`),
and :func:`explain` answers "why are these two rows one person?".
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from linkage.clustering import Facts, GuardedUnionFind
from linkage.features import PROVENANCE, ROW_IDENTITY, build_features, forget_nik_facts
from linkage.names import personal_name_key, register_name_model
from linkage.nik_hints import credible, with_own_date
from linkage.keys import ASSIGNMENT_COLUMNS, assign_keys
from linkage.nik_stage import (
    assessment_candidates,
    EDGE_COLUMNS,
    ExactPass,
    certificate_candidates,
    choose_repairs,
    exact_pass,
    register_frequencies,
    repair_candidates,
    typo_edges,
    typo_merges,
)
from linkage.timing import timed

LINK_COLUMNS = (
    *(f"{c}_l" for c in PROVENANCE),
    *(f"{c}_r" for c in PROVENANCE),
    "person_key",
    "method",
    "kind",
    "evidence",
    "match_weight",
    "match_probability",
    "agreed_fields",
)

# Fields compared for the agreed_fields column of links: (label, feature column).
_AGREE_FIELDS = (
    ("nik", "nik"),
    ("nama_kunci", "name"),
    ("tanggal_lahir", "birth"),
    ("jenis_kelamin", "sex"),
    ("tempat_lahir", "place"),
    ("nomor_sertifikat", "cert"),
)


@dataclass
class LinkResult:
    """What :func:`link_persons` found.

    ``rows``: the input rows (same order and index) plus ``person_key`` and
    ``link_basis`` (``nik``: the row's own valid NIK; ``nik_repair:<kind>``;
    ``probabilistic``; ``unlinked``: no trusted NIK and nothing linked it).

    ``links``: one row per accepted link between two rows, identified by their
    provenance (``*_l`` / ``*_r``), with ``method`` (``exact_nik``, ``nik_repair``,
    ``probabilistic``), ``kind`` (the repair or ``exact_nik``), ``evidence`` text,
    ``match_weight`` / ``match_probability`` (probabilistic links) and
    ``agreed_fields``. Exact-NIK groups are linked as a star from their first row.

    ``assignments``: row identity -> person_key (pass it as ``previous`` next time).
    ``merges``: person keys retired into another this run, with the reason.
    ``splits``: previous persons whose rows now belong to several persons.
    ``refused``: probabilistic links above threshold that the clustering guard
    refused, with the reason (two valid NIKs, two birth dates, two sexes,
    ambiguous candidates).
    ``timings``: seconds per stage.
    """

    rows: pd.DataFrame
    links: pd.DataFrame
    assignments: pd.DataFrame
    merges: pd.DataFrame
    splits: pd.DataFrame
    refused: pd.DataFrame
    timings: dict[str, float] = field(default_factory=dict)


def _agreed_fields(feats: pd.DataFrame, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Comma-joined names of the fields equal (and present) on both rows of each link."""
    code = np.zeros(len(left), dtype=np.int64)
    for bit, (_, column) in enumerate(_AGREE_FIELDS):
        code |= _equal_present(feats[column], left, right).astype(np.int64) << bit
    table = np.array(
        [",".join(label for bit, (label, _) in enumerate(_AGREE_FIELDS) if c >> bit & 1)
         for c in range(1 << len(_AGREE_FIELDS))],
        dtype=object,
    )
    return table[code]


def _equal_present(column: pd.Series, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Per link, the column's values at ``left`` and ``right`` are both present and equal.

    Text columns are compared in Arrow (taken, then ``equal``): an object copy of a
    million-row column per field cost a second at half a million rows.
    """
    if pd.api.types.is_string_dtype(column.dtype) and not pd.api.types.is_object_dtype(column.dtype):
        values = pa.array(column)
        equal = pc.equal(values.take(pa.array(left, pa.int64())), values.take(pa.array(right, pa.int64())))
        return equal.fill_null(False).to_numpy(zero_copy_only=False).astype(bool)
    values = column.to_numpy(dtype=object)
    a, b = values[left], values[right]
    equal = pd.notna(a) & pd.notna(b)
    equal[equal] = a[equal] == b[equal]
    return equal


def _register(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    con.register(name, pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False))


def _identity_of(group: np.ndarray, group_cid: np.ndarray) -> np.ndarray:
    """Per row, its NIK group's identity (-1 without a group); also when no row has a valid NIK."""
    out = np.full(len(group), -1, dtype=np.int64)
    has = group >= 0
    out[has] = group_cid[group[has]]
    return out


def link_persons(
    rows: pd.DataFrame,
    secret: str,
    previous: pd.DataFrame | None = None,
    *,
    probabilistic: bool = True,
    threshold: float | None = None,
    office_provinces: dict[str, str] | None = None,
) -> LinkResult:
    """Link standardized participation rows into persons with stable pseudonymous keys.

    ``rows``: standardized participation rows (docs/data-model.md section 2) of all
    offices. ``secret``: the person-key secret (HMAC). ``previous``: the
    ``assignments`` of the last run, so known persons keep their keys.
    ``probabilistic=False`` stops after NIK repair (faster, lower recall).
    ``threshold``: match probability a probabilistic link needs (default
    :data:`linkage.probabilistic.MATCH_THRESHOLD`).
    ``office_provinces``: office id -> province code; a row without NIK and birth date then joins
    a person only by an assessment of its own office's province (:func:`assessment_candidates`).
    """
    if not secret:
        raise ValueError("person key secret is empty: set PERSON_KEY_SECRET")
    timings: dict[str, float] = {}
    with timed(timings, "total"):
        result = _link_stages(rows, secret, previous, probabilistic, threshold, timings, office_provinces)
    result.timings = timings
    return result


def _link_stages(rows: pd.DataFrame, secret: str, previous: pd.DataFrame | None, probabilistic: bool,
                 threshold: float | None, timings: dict[str, float],
                 office_provinces: dict[str, str] | None = None) -> LinkResult:
    """The stages of :func:`link_persons` in order, each timed into ``timings`` under its name."""
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    try:
        with timed(timings, "features"):
            feats = build_features(rows, con)
        with timed(timings, "exact_nik"):
            ex = _exact_nik(feats)
        with timed(timings, "nik_typo_merge"):
            persons, typo_links = _merge_typo_niks(con, feats, ex)
        links = [ex.edges, typo_links]
        with timed(timings, "nik_repair"):
            repairs, ambiguous = _repair_niks(con, feats, ex, persons)
            links.append(persons.merge(repairs))
        with timed(timings, "same_certificate"):
            # The same registration number reported twice is one person.
            links.append(persons.merge(certificate_candidates(feats, persons.components())))
        refused = pd.DataFrame(columns=["rid_l", "rid_r", "match_probability", "reason"])
        if probabilistic:
            from linkage.probabilistic import link_residual  # Splink is imported only when used

            with timed(timings, "probabilistic"):
                fs_links, refused, fs_timings = link_residual(
                    con, feats, persons.identity, persons.unplaced(), persons.uf, persons.node,
                    threshold=threshold, ambiguous=ambiguous,
                )
                links.append(fs_links)
                timings.update(fs_timings)
        with timed(timings, "same_assessment"):
            # Rows with no NIK and no birth date: the assessment they re-report, once every other
            # stage has placed what it can (the candidate person must be unique among all of them).
            links.append(persons.merge(assessment_candidates(feats, rows, persons.components(), office_provinces)))
        with timed(timings, "keys"):
            component = persons.components()
            accepted = _concat_links(links)
            # DuckDB's tables (features, Splink's candidates) are no longer needed: free them
            # before the keys and the output frames, the peak of a million-row run.
            con.close()
            result = _finish(rows, feats, ex, component, accepted, refused, secret, previous)
        return result
    finally:
        con.close()


def _exact_nik(feats: pd.DataFrame) -> ExactPass:
    """Stage 1: rows with the same valid NIK are one person; copies detached.

    Adds ``grp`` and ``detached`` to ``feats`` and forgets what a detached row's
    NIK says (it is someone else's), for the stages after.
    """
    ex = exact_pass(feats)
    feats["grp"] = ex.group
    feats["detached"] = ex.detached
    forget_nik_facts(feats, ex.detached)
    return ex


def _merge_typo_niks(con: duckdb.DuckDBPyConnection, feats: pd.DataFrame,
                     ex: ExactPass) -> tuple[_Persons, pd.DataFrame]:
    """Stage 2a: valid NIKs one edit apart (a typo that still looks valid) are one NIK identity.

    Returns the persons so far, whose guard knows each identity's and each other
    row's facts, and the typo links.
    """
    _register(con, "feats", feats[["rid", "grp", "nik", "name", "birth", "birth_from_nik", "sex", "place", "cert", "src"]])
    register_frequencies(con)
    register_name_model(con)
    merges = typo_merges(con)
    n_groups = len(ex.group_nik)
    group_cid = _typo_identities(merges, n_groups)  # NIK identity: the group's root after typo merges
    residual = np.flatnonzero(ex.group < 0)
    node = ex.group.copy()
    node[residual] = n_groups + np.arange(len(residual))
    row_cid = _identity_of(ex.group, group_cid)
    blocked = _identity_of(ex.blocked_group, group_cid)[residual]
    facts = _NodeFacts(n_groups, feats, ex.group >= 0, row_cid, residual, blocked)
    uf = GuardedUnionFind(n_groups + len(residual), facts_of=facts.facts_of)
    for g1, g2 in zip(merges["g1"].tolist(), merges["g2"].tolist()):
        uf.union(g1, g2, guarded=False)  # the sets of _typo_identities, before any guarded merge
    persons = _Persons(uf=uf, node=node, residual=residual, identity=row_cid, blocked=blocked, n_groups=n_groups)
    return persons, typo_edges(merges)


def _typo_identities(merges: pd.DataFrame, n_groups: int) -> np.ndarray:
    """Per NIK group, the smallest group that :func:`typo_merges` joins it with (itself when none).

    The smallest, as in :class:`GuardedUnionFind`, whose roots these are once the
    merges are made; computed over the few groups the merges touch, not all of them.
    """
    identity = np.arange(n_groups, dtype=np.int64)
    ends = merges[["g1", "g2"]].to_numpy(dtype=np.int64).ravel()
    touched, local = np.unique(ends, return_inverse=True)  # sorted: local order is group order
    sets = GuardedUnionFind(len(touched))
    for a, b in local.reshape(-1, 2).tolist():
        sets.union(a, b, guarded=False)
    identity[touched] = touched[sets.labels()]
    return identity


def _repair_niks(con: duckdb.DuckDBPyConnection, feats: pd.DataFrame, ex: ExactPass,
                 persons: _Persons) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stage 2b: rows without a trusted NIK repaired against the valid NIKs.

    Returns the repair links to merge and the rows with several candidate persons.
    """
    attached = ex.group >= 0
    v = feats.loc[attached, ["rid", "nik", "name", "birth", "sex", "place"]].copy()
    v["cid"] = persons.identity[attached]
    r = feats.loc[persons.residual, ["rid", "nik_status", "digits", "name", "birth", "sex", "place", "detached"]].copy()
    for frame in (v, r):
        # per distinct name: a million rows hold far fewer names
        codes, names = pd.factorize(frame["name"])
        personal = np.array([personal_name_key(n) for n in names] + [None], dtype=object)
        frame["personal"] = personal[codes]
    r["blocked_cid"] = pd.array(np.where(persons.blocked >= 0, persons.blocked, -1), dtype="Int64")
    _register(con, "v", v)
    _register(con, "r", r)
    return choose_repairs(repair_candidates(con))


def _concat_links(links: list[pd.DataFrame]) -> pd.DataFrame:
    """The accepted links of every stage in one frame (stage order)."""
    if any(len(e) for e in links):
        return pd.concat([e for e in links if len(e)], ignore_index=True)
    return pd.DataFrame(columns=EDGE_COLUMNS)


@dataclass
class _Persons:
    """The persons found so far: a guarded union-find over NIK identities and the rows without one.

    Nodes ``0 .. n_groups - 1`` are the NIK groups of stage 1; residual row ``k``
    (no trusted NIK) is node ``n_groups + k``.
    """

    uf: GuardedUnionFind
    node: np.ndarray  # per row: its union-find node
    residual: np.ndarray  # the rows without a trusted NIK
    identity: np.ndarray  # per row: its NIK identity (group root after the typo merges), -1 without
    blocked: np.ndarray  # per residual row: the identity it must never join (its copied NIK's), -1 without
    n_groups: int = 0  # NIK groups are nodes 0 .. n_groups - 1, residual rows the nodes after

    def components(self) -> np.ndarray:
        """Per row, the label of its person."""
        return self.uf.labels()[self.node]

    def merge(self, links: pd.DataFrame) -> pd.DataFrame:
        """The links (``rid_l``, ``rid_r``) the guard accepts, merged in order."""
        node = self.node
        accepted = [self.uf.union(int(node[a]), int(node[b])) for a, b in zip(links["rid_l"], links["rid_r"])]
        return links[np.array(accepted, dtype=bool)]

    def unplaced(self) -> np.ndarray:
        """The residual rows no repair or certificate tied to a NIK identity: every row of a person
        made of residual rows only.

        A registration number reported twice without a valid NIK ("JAJA SUJANA" with no NIK in
        the regency's list, a 15-digit NIK in the province's recap) joins two residual rows into
        one person that still has no identity. Each of its rows brings its own evidence (only one
        of them a birth date, say), so each is compared; taking only the row the union-find made
        the root (the smaller row number) made the result hang on the order of the rows."""
        labels = self.uf.labels()
        return self.residual[labels[self.node[self.residual]] >= self.n_groups]


class _NodeFacts:
    """What each union-find node knows about its person, for the guard (:meth:`facts_of`, asked lazily).

    A NIK identity knows the birth dates and sexes of all its rows; a residual row
    its own, and the identity it must not join.
    """

    def __init__(self, n_groups: int, feats: pd.DataFrame, attached: np.ndarray, row_cid: np.ndarray,
                 residual: np.ndarray, blocked: np.ndarray):
        self.n_groups = n_groups
        birth = feats["birth"].to_numpy(dtype=object)
        sex = feats["sex"].to_numpy(dtype=object)
        self.births = _FactsIndex(row_cid[attached], birth[attached])
        self.sexes = _FactsIndex(row_cid[attached], sex[attached])
        self.residual_birth = birth[residual]
        self.residual_sex = sex[residual]
        self.residual_blocked = blocked
        nik = feats["nik"].to_numpy(dtype=object)
        self.niks = _FactsIndex(row_cid[attached], nik[attached])
        # A residual row's damaged NIK, when its digits can be the row's own (nik_hints.credible);
        # a detached row's NIK is valid, someone else's, and no hint.
        status = feats["nik_status"].to_numpy(dtype=object)[residual]
        digits = feats["digits"].to_numpy(dtype=object)[residual]
        ddmmyy = feats["ddmmyy"].to_numpy(dtype=object)[residual]
        # A slip in the date digits the row's own birth date corrects is undone (with_own_date).
        self.residual_hint = [
            with_own_date(d, s, b if isinstance(b, str) else None)
            if credible(d, s, b if isinstance(b, str) else None) else None
            for d, s, b in zip(digits, status, ddmmyy)
        ]

    def facts_of(self, n: int) -> Facts:
        """The facts of node ``n``; for an identity, those of every row the typo merges gave it."""
        if n < self.n_groups:
            return Facts(identities={n}, births=set(self.births.get(n)), sexes=set(self.sexes.get(n)),
                         niks=set(self.niks.get(n)))
        k = n - self.n_groups
        facts = Facts()
        if isinstance(self.residual_birth[k], str):
            facts.births.add(self.residual_birth[k])
        if isinstance(self.residual_sex[k], str):
            facts.sexes.add(self.residual_sex[k])
        if self.residual_blocked[k] >= 0:
            facts.blocked.add(int(self.residual_blocked[k]))
        if self.residual_hint[k] is not None:
            facts.hints.add(self.residual_hint[k])
        return facts


def _link_path(left, right, starts, is_goal) -> list[int] | None:
    """Indexes of the links on a shortest path from any of ``starts`` to a node ``is_goal`` accepts.

    ``left`` / ``right``: the two ends of each link. None when no path exists.
    """
    adjacency: dict = {}
    for i, (a, b) in enumerate(zip(left, right)):
        adjacency.setdefault(a, []).append((b, i))
        adjacency.setdefault(b, []).append((a, i))
    seen: dict = dict.fromkeys(starts)
    queue = deque(seen)
    while queue:
        current = queue.popleft()
        if is_goal(current):
            path = []
            while seen[current] is not None:
                current, i = seen[current]
                path.append(i)
            return path[::-1]
        for nxt, i in adjacency.get(current, ()):
            if nxt not in seen:
                seen[nxt] = (current, i)
                queue.append(nxt)
    return None


class _Taker:
    """``taker[positions]``: the values of a column at row positions, without materialising the column."""

    def __init__(self, column: pd.Series):
        self.column = column.reset_index(drop=True)

    def __getitem__(self, positions: np.ndarray):
        return self.column.take(np.asarray(positions, dtype=np.int64)).array


class _FactsIndex:
    """Distinct non-null values per integer key, looked up lazily (sorted arrays + searchsorted)."""

    def __init__(self, keys: np.ndarray, values: np.ndarray):
        frame = pd.DataFrame({"k": keys, "v": values}).dropna().drop_duplicates().sort_values("k", kind="stable")
        self.keys = frame["k"].to_numpy(dtype=np.int64)
        self.values = frame["v"].to_numpy(dtype=object)

    def get(self, key: int) -> tuple:
        lo = np.searchsorted(self.keys, key, side="left")
        hi = np.searchsorted(self.keys, key, side="right")
        return tuple(self.values[lo:hi])


def _finish(rows, feats, ex, component, links, refused, secret, previous) -> LinkResult:
    """Stage 5 and the result: a key per person, what placed each row, links and refusals by provenance."""
    reasons = _MergeReasons(links, component, _previous_keys(rows, previous))
    person_key, key_since, merges, splits, generation = assign_keys(
        rows, component, _anchor_niks(ex, component), secret, previous, reasons.explain
    )
    basis = _link_basis(ex, links)
    out_rows = rows.copy(deep=False)  # copy-on-write: the caller's frame is never changed
    out_rows["person_key"] = person_key
    out_rows["link_basis"] = basis

    assignments = rows[list(PROVENANCE)].reset_index(drop=True)
    assignments["person_key"] = person_key
    assignments["link_basis"] = basis
    assignments["key_since"] = key_since
    assignments["generation"] = generation
    assignments = assignments[list(ASSIGNMENT_COLUMNS)]

    # Series.take keeps Arrow-backed strings as they are; to_numpy() would build a
    # million Python strings per column only to pick the links' rows.
    provenance = {c: _Taker(rows[c]) for c in PROVENANCE}
    return LinkResult(rows=out_rows, links=_link_frame(links, feats, provenance, person_key),
                      assignments=assignments, merges=merges, splits=splits,
                      refused=_refused_frame(refused, provenance))


def _anchor_niks(ex: ExactPass, component: np.ndarray) -> pd.Series:
    """Anchor NIK of each person (by label): the valid NIK most of its rows carry (ties: smallest)."""
    trusted = ex.group >= 0
    nik_rows = pd.DataFrame({"component": component[trusted], "nik": ex.group_nik[ex.group[trusted]]})
    counts = nik_rows.groupby(["component", "nik"]).size().rename("n").reset_index()
    counts = counts.sort_values(["component", "n", "nik"], ascending=[True, False, True])
    return counts.drop_duplicates("component").set_index("component")["nik"]


def _link_basis(ex: ExactPass, links: pd.DataFrame) -> np.ndarray:
    """Per row, what placed it: its own valid NIK, else the first link that attached it, else ``unlinked``."""
    trusted = ex.group >= 0
    basis = np.where(trusted, "nik", "unlinked").astype(object)
    if len(links):
        attach = links[(links["method"] != "exact_nik").to_numpy(dtype=bool)]
        # Each link's left end, then its right end, in link order: a row's first appearance
        # there is the link that attached it (np.unique's index is the first occurrence).
        ends = np.column_stack([attach["rid_l"].to_numpy(dtype=np.int64),
                                attach["rid_r"].to_numpy(dtype=np.int64)]).ravel()
        at = np.flatnonzero(~trusted[ends])
        placed, first = np.unique(ends[at], return_index=True)
        link = at[first] // 2
        methods = attach["method"].to_numpy(dtype=object)[link]
        kinds = attach["kind"].to_numpy(dtype=object)[link]
        basis[placed] = [method if method in ("probabilistic", "same_certificate") else f"nik_repair:{kind}"
                         for method, kind in zip(methods, kinds)]
    return basis


def _link_ends(links: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Row positions of the two ends of each link."""
    if not len(links):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return links["rid_l"].to_numpy(dtype=np.int64), links["rid_r"].to_numpy(dtype=np.int64)


def _previous_keys(rows: pd.DataFrame, previous: pd.DataFrame | None) -> np.ndarray | None:
    """Per row, the person key the last run gave it (missing for a new row); None without a last run."""
    if previous is None or not len(previous):
        return None
    ident = rows[list(ROW_IDENTITY)].reset_index(drop=True).astype({"source_sheet": "str"})
    prev = previous[list(ROW_IDENTITY) + ["person_key"]].astype({"source_sheet": "str"})
    prev = prev.drop_duplicates(list(ROW_IDENTITY))
    ident["source_row"] = pd.to_numeric(ident["source_row"]).astype(np.int64)
    prev["source_row"] = pd.to_numeric(prev["source_row"]).astype(np.int64)
    return ident.merge(prev, on=list(ROW_IDENTITY), how="left")["person_key"].to_numpy(dtype=object)


class _MergeReasons:
    """Why two persons known to the last run are one now: :meth:`explain`, for :func:`assign_keys`."""

    def __init__(self, links: pd.DataFrame, component: np.ndarray, previous_key: np.ndarray | None):
        self.links = links
        self.component = component
        self.previous_key = previous_key  # per row, from :func:`_previous_keys`
        self.left, self.right = _link_ends(links)

    def explain(self, comp: int, retired: str, kept: str) -> str:
        """The links on the shortest path from a row of the retired person to a row of the kept one.

        What this run saw that the last one did not (often a new row in between).
        """
        prev_key = self.previous_key
        if prev_key is None or not len(self.links):
            return "linked in this run"
        left, right = self.left, self.right
        inside = np.flatnonzero(self.component[left] == comp)
        ends = np.column_stack([left[inside], right[inside]]).ravel().tolist()  # the order the links list them
        starts = [r for r in dict.fromkeys(ends) if prev_key[r] == retired]
        path = _link_path(left[inside].tolist(), right[inside].tolist(), starts, lambda r: prev_key[r] == kept)
        if path is None:
            return "linked in this run"
        path = inside[path]
        methods, evidence = self.links["method"].to_numpy(), self.links["evidence"].to_numpy()
        return " | then ".join(f"{methods[i]}: {evidence[i]}" for i in path)


def _with_provenance(frame: pd.DataFrame, provenance: dict[str, _Taker], left: np.ndarray,
                     right: np.ndarray) -> None:
    """Add the provenance columns of the left rows (``*_l``), then of the right rows (``*_r``)."""
    for c in PROVENANCE:
        frame[f"{c}_l"] = provenance[c][left]
    for c in PROVENANCE:
        frame[f"{c}_r"] = provenance[c][right]


def _link_frame(links: pd.DataFrame, feats: pd.DataFrame, provenance: dict[str, _Taker],
                person_key: np.ndarray) -> pd.DataFrame:
    """:attr:`LinkResult.links`: the accepted links by provenance, with person, evidence and agreed fields."""
    left, right = _link_ends(links)
    frame = pd.DataFrame(index=pd.RangeIndex(len(links)))
    _with_provenance(frame, provenance, left, right)
    frame["person_key"] = person_key[left] if len(links) else []
    for c in ("method", "kind", "evidence", "match_weight", "match_probability"):
        frame[c] = links[c].to_numpy() if len(links) else []
    frame["agreed_fields"] = _agreed_fields(feats, left, right) if len(links) else []
    frame["match_weight"] = pd.to_numeric(frame["match_weight"])
    frame["match_probability"] = pd.to_numeric(frame["match_probability"])
    return frame


def _refused_frame(refused: pd.DataFrame, provenance: dict[str, _Taker]) -> pd.DataFrame:
    """:attr:`LinkResult.refused`: the refused links by provenance, with probability and reason."""
    frame = pd.DataFrame(index=pd.RangeIndex(len(refused)))
    if len(refused):
        _with_provenance(frame, provenance, refused["rid_l"].to_numpy(dtype=np.int64),
                         refused["rid_r"].to_numpy(dtype=np.int64))
        frame["match_probability"] = refused["match_probability"].to_numpy()
        frame["reason"] = refused["reason"].to_numpy()
    return frame


def explain(result: LinkResult, row_a: dict, row_b: dict) -> pd.DataFrame:
    """Why are these two rows one person? The chain of links between them (:func:`explain_links`)."""
    return explain_links(result.rows, result.links, row_a, row_b)


def explain_links(rows: pd.DataFrame, links: pd.DataFrame, row_a: dict, row_b: dict) -> pd.DataFrame:
    """The links on the shortest path from ``row_a`` to ``row_b`` (empty when they are different persons).

    ``rows``: the linked rows (provenance columns); ``links``: :attr:`LinkResult.links`
    (or the staged ``links.parquet``). ``row_a`` / ``row_b``: provenance of each row
    (``source_sha256`` or ``source_file``, ``source_sheet``, ``source_row``;
    ``office_id`` optional). ``ValueError`` when a description does not match exactly one row.
    """

    def ident(prefix: str) -> pd.Series:
        return (links[f"source_sha256{prefix}"].astype(str) + "|" + links[f"source_sheet{prefix}"].astype(str)
                + "|" + links[f"source_row{prefix}"].astype(str))

    def resolve(row: dict) -> str:
        mask = pd.Series(True, index=rows.index)
        for column in ("office_id", "source_file", "source_sha256", "source_sheet", "source_row"):
            if column in row:
                mask &= rows[column].astype(str) == str(row[column])
        hits = rows[mask]
        if len(hits) != 1:
            raise ValueError(f"{row} matches {len(hits)} rows")
        hit = hits.iloc[0]
        return f"{hit['source_sha256']}|{hit['source_sheet']}|{hit['source_row']}"

    start, goal = resolve(row_a), resolve(row_b)
    path = _link_path(ident("_l").to_numpy(), ident("_r").to_numpy(), [start], lambda node: node == goal)
    if path is None:
        return links.iloc[0:0]
    return links.iloc[path].reset_index(drop=True)
