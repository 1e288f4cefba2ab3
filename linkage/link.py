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

import time
from collections import deque
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from linkage.clustering import Facts, GuardedUnionFind
from linkage.features import PROVENANCE, ROW_IDENTITY, build_features, forget_nik_facts
from linkage.names import register_name_model
from linkage.keys import ASSIGNMENT_COLUMNS, assign_keys
from linkage.nik_stage import (
    certificate_candidates,
    choose_repairs,
    exact_pass,
    register_frequencies,
    repair_candidates,
    typo_edges,
    typo_merges,
)

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
        values = feats[column].to_numpy(dtype=object)
        a, b = values[left], values[right]
        equal = pd.notna(a) & pd.notna(b)
        equal[equal] = a[equal] == b[equal]
        code |= equal.astype(np.int64) << bit
    table = np.array(
        [",".join(label for bit, (label, _) in enumerate(_AGREE_FIELDS) if c >> bit & 1)
         for c in range(1 << len(_AGREE_FIELDS))],
        dtype=object,
    )
    return table[code]


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
) -> LinkResult:
    """Link standardized participation rows into persons with stable pseudonymous keys.

    ``rows``: standardized participation rows (docs/data-model.md section 2) of all
    offices. ``secret``: the person-key secret (HMAC). ``previous``: the
    ``assignments`` of the last run, so known persons keep their keys.
    ``probabilistic=False`` stops after NIK repair (faster, lower recall).
    ``threshold``: match probability a probabilistic link needs (default
    :data:`linkage.probabilistic.MATCH_THRESHOLD`).
    """
    if not secret:
        raise ValueError("person key secret is empty: set PERSON_KEY_SECRET")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    try:
        feats = build_features(rows, con)
        timings["features"] = time.perf_counter() - started

        # Stage 1: exact NIK, copies detached.
        t = time.perf_counter()
        ex = exact_pass(feats)
        n_groups = len(ex.group_nik)
        residual = np.flatnonzero(ex.group < 0)
        node = ex.group.copy()
        node[residual] = n_groups + np.arange(len(residual))
        feats["grp"] = ex.group
        feats["detached"] = ex.detached
        forget_nik_facts(feats, ex.detached)
        timings["exact_nik"] = time.perf_counter() - t

        # Stage 2a: valid NIKs one edit apart (a typo that still looks valid).
        t = time.perf_counter()
        _register(con, "feats", feats[["rid", "grp", "nik", "name", "birth", "birth_from_nik", "sex", "place", "cert"]])
        register_frequencies(con)
        register_name_model(con)
        merges_2a = typo_merges(con)
        uf = GuardedUnionFind(n_groups + len(residual))
        for g1, g2 in zip(merges_2a["g1"].tolist(), merges_2a["g2"].tolist()):
            uf.union(g1, g2, guarded=False)
        group_cid = uf.labels()[:n_groups]  # NIK identity: the group's root after typo merges
        row_cid = _identity_of(ex.group, group_cid)

        # What each identity / residual row knows about its person, for the guards.
        attached = ex.group >= 0
        births = _FactsIndex(row_cid[attached], feats["birth"].to_numpy(dtype=object)[attached])
        sexes = _FactsIndex(row_cid[attached], feats["sex"].to_numpy(dtype=object)[attached])
        r_birth = feats["birth"].to_numpy(dtype=object)[residual]
        r_sex = feats["sex"].to_numpy(dtype=object)[residual]
        blocked_cid = _identity_of(ex.blocked_group, group_cid)
        r_blocked = blocked_cid[residual]

        def facts_of(n: int) -> Facts:
            if n < n_groups:
                return Facts(identities={n}, births=set(births.get(n)), sexes=set(sexes.get(n)))
            k = n - n_groups
            facts = Facts()
            if isinstance(r_birth[k], str):
                facts.births.add(r_birth[k])
            if isinstance(r_sex[k], str):
                facts.sexes.add(r_sex[k])
            if r_blocked[k] >= 0:
                facts.blocked.add(int(r_blocked[k]))
            return facts

        uf.facts_of = facts_of
        edges = [ex.edges, typo_edges(merges_2a)]
        timings["nik_typo_merge"] = time.perf_counter() - t

        # Stage 2b: residual rows repaired against the valid NIKs.
        t = time.perf_counter()
        v = feats.loc[attached, ["rid", "nik", "name", "birth", "sex", "place"]].copy()
        v["cid"] = row_cid[attached]
        r = feats.loc[residual, ["rid", "nik_status", "digits", "name", "birth", "sex", "place", "detached"]].copy()
        r["blocked_cid"] = pd.array(np.where(r_blocked >= 0, r_blocked, -1), dtype="Int64")
        _register(con, "v", v)
        _register(con, "r", r)
        repairs, ambiguous = choose_repairs(repair_candidates(con))
        accepted = []
        for rec in repairs.itertuples(index=False):
            if uf.union(int(node[rec.rid_l]), int(node[rec.rid_r])):
                accepted.append(True)
            else:
                accepted.append(False)
        if len(repairs):
            edges.append(repairs[np.array(accepted, dtype=bool)])
        timings["nik_repair"] = time.perf_counter() - t

        # Stage 2c: the same registration number reported twice is one person.
        t = time.perf_counter()
        cert_edges = certificate_candidates(feats, uf.labels()[node])
        if len(cert_edges):
            keep = [uf.union(int(node[a]), int(node[b])) for a, b in zip(cert_edges["rid_l"], cert_edges["rid_r"])]
            edges.append(cert_edges[np.array(keep, dtype=bool)])
        timings["same_certificate"] = time.perf_counter() - t

        # Stage 3: probabilistic linkage of what is left.
        refused = pd.DataFrame(columns=["rid_l", "rid_r", "match_probability", "reason"])
        if probabilistic:
            from linkage.probabilistic import link_residual

            t = time.perf_counter()
            labels = uf.labels()
            unresolved = np.array([labels[node[i]] == node[i] for i in residual], dtype=bool)
            fs_edges, refused, fs_timings = link_residual(
                con, feats, row_cid, residual[unresolved], uf, node, threshold=threshold, ambiguous=ambiguous
            )
            edges.append(fs_edges)
            timings.update(fs_timings)
            timings["probabilistic"] = time.perf_counter() - t

        # Persons and keys.
        t = time.perf_counter()
        component = uf.labels()[node]
        links = pd.concat([e for e in edges if len(e)], ignore_index=True) if any(len(e) for e in edges) else \
            pd.DataFrame(columns=["rid_l", "rid_r", "method", "kind", "evidence", "match_weight", "match_probability"])
        # DuckDB's tables (features, Splink's candidates) are no longer needed: free them
        # before the keys and the output frames, the peak of a million-row run.
        con.close()
        result = _finish(rows, feats, ex, component, links, refused, secret, previous)
        timings["keys"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - started
        result.timings = timings
        return result
    finally:
        con.close()


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
    n = len(rows)
    # Anchor NIK of each person: the valid NIK most of its rows carry (ties: smallest).
    trusted = ex.group >= 0
    nik_rows = pd.DataFrame({"component": component[trusted], "nik": ex.group_nik[ex.group[trusted]]})
    counts = nik_rows.groupby(["component", "nik"]).size().rename("n").reset_index()
    counts = counts.sort_values(["component", "n", "nik"], ascending=[True, False, True])
    anchor = counts.drop_duplicates("component").set_index("component")["nik"]

    basis = np.where(trusted, "nik", "unlinked").astype(object)
    if len(links):
        attach = links[links["method"] != "exact_nik"]
        for method, kind, rl, rr in zip(attach["method"], attach["kind"], attach["rid_l"], attach["rid_r"]):
            for rid in (rl, rr):
                if not trusted[rid] and basis[rid] == "unlinked":
                    basis[rid] = method if method in ("probabilistic", "same_certificate") else f"nik_repair:{kind}"

    left = links["rid_l"].to_numpy(dtype=np.int64) if len(links) else np.zeros(0, dtype=np.int64)
    right = links["rid_r"].to_numpy(dtype=np.int64) if len(links) else np.zeros(0, dtype=np.int64)
    pkey_holder: dict = {}

    def merge_reason(comp: int, retired: str, kept: str) -> str:
        # The links on the shortest path from a row of the retired person to a row of the
        # kept one: what this run saw that the last one did not (often a new row in between).
        prev_key = pkey_holder.get("prev")
        if prev_key is None or not len(links):
            return "linked in this run"
        inside = np.flatnonzero(component[left] == comp)
        ends = np.column_stack([left[inside], right[inside]]).ravel().tolist()  # the order the links list them
        starts = [r for r in dict.fromkeys(ends) if prev_key[r] == retired]
        path = _link_path(left[inside].tolist(), right[inside].tolist(), starts, lambda r: prev_key[r] == kept)
        if path is None:
            return "linked in this run"
        path = inside[path]
        methods, evidence = links["method"].to_numpy(), links["evidence"].to_numpy()
        return " | then ".join(f"{methods[i]}: {evidence[i]}" for i in path)

    if previous is not None and len(previous):
        ident = rows[list(ROW_IDENTITY)].reset_index(drop=True).astype({"source_sheet": "str"})
        prev = previous[list(ROW_IDENTITY) + ["person_key"]].astype({"source_sheet": "str"}).drop_duplicates(list(ROW_IDENTITY))
        ident["source_row"] = pd.to_numeric(ident["source_row"]).astype(np.int64)
        prev["source_row"] = pd.to_numeric(prev["source_row"]).astype(np.int64)
        pkey_holder["prev"] = ident.merge(prev, on=list(ROW_IDENTITY), how="left")["person_key"].to_numpy(dtype=object)

    person_key, key_since, merges, splits, generation = assign_keys(
        rows, component, anchor, secret, previous, merge_reason
    )

    out_rows = rows.copy(deep=False)  # copy-on-write: the caller's frame is never changed
    out_rows["person_key"] = person_key
    out_rows["link_basis"] = basis

    assignments = rows[list(PROVENANCE)].reset_index(drop=True)
    assignments["person_key"] = person_key
    assignments["link_basis"] = basis
    assignments["key_since"] = key_since
    assignments["generation"] = generation
    assignments = assignments[list(ASSIGNMENT_COLUMNS)]

    link_frame = pd.DataFrame(index=pd.RangeIndex(len(links)))
    # Series.take keeps Arrow-backed strings as they are; to_numpy() would build a
    # million Python strings per column only to pick the links' rows.
    prov = {c: _Taker(rows[c]) for c in PROVENANCE}
    for c in PROVENANCE:
        link_frame[f"{c}_l"] = prov[c][left]
    for c in PROVENANCE:
        link_frame[f"{c}_r"] = prov[c][right]
    link_frame["person_key"] = person_key[left] if len(links) else []
    for c in ("method", "kind", "evidence", "match_weight", "match_probability"):
        link_frame[c] = links[c].to_numpy() if len(links) else []
    link_frame["agreed_fields"] = _agreed_fields(feats, left, right) if len(links) else []
    link_frame["match_weight"] = pd.to_numeric(link_frame["match_weight"])
    link_frame["match_probability"] = pd.to_numeric(link_frame["match_probability"])

    refused_frame = pd.DataFrame(index=pd.RangeIndex(len(refused)))
    if len(refused):
        rl = refused["rid_l"].to_numpy(dtype=np.int64)
        rr = refused["rid_r"].to_numpy(dtype=np.int64)
        for c in PROVENANCE:
            refused_frame[f"{c}_l"] = prov[c][rl]
        for c in PROVENANCE:
            refused_frame[f"{c}_r"] = prov[c][rr]
        refused_frame["match_probability"] = refused["match_probability"].to_numpy()
        refused_frame["reason"] = refused["reason"].to_numpy()
    return LinkResult(rows=out_rows, links=link_frame, assignments=assignments, merges=merges, splits=splits,
                      refused=refused_frame)


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
