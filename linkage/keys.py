"""Stable pseudonymous person keys across runs.

A person key is a keyed hash (HMAC-SHA256 with the pipeline's secret), never the
NIK: analysts join on it, nobody without the secret can recompute it from a NIK
(a plain hash of 16 digits with known structure is reversible by enumeration).

Stability. Linkage runs over all rows every time, so cluster numbers mean
nothing from one run to the next; keys must not follow them. Rules:

1. a new person gets a key from what identifies it: ``nik|<anchor NIK>`` (the
   valid NIK most of its rows carry, so a re-run from scratch gives the same key
   and the key equals the one the first published warehouse gave it), else
   ``row|<sha256>|<sheet>|<row>`` of its first row;
2. with ``previous`` assignments (row identity -> key, from the last run), a
   cluster keeps the key its rows had: when its rows had several keys (two known
   persons turned out to be one), it keeps the earliest minted one (ties: the one
   known by a valid NIK, then the one with most rows) and the
   others are *retired into it*, a row in ``merges`` with the link that joined
   them; nothing is renumbered silently;
3. when a previous person's rows end up in several clusters (a split), the
   cluster holding most of them keeps the key; the others get new keys and the
   event is listed in ``splits``.

Row identity is the file's sha256 plus sheet and row: re-submitting the same
file (under any name) maps to the same rows.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

import numpy as np
import pandas as pd

from linkage.features import PROVENANCE, ROW_IDENTITY

ASSIGNMENT_COLUMNS = (*PROVENANCE, "person_key", "link_basis", "key_since", "generation")
MERGE_COLUMNS = ("retired_key", "into_key", "generation", "rows_moved", "reason")
SPLIT_COLUMNS = ("person_key", "new_key", "generation", "rows_moved")


def keyed_hash(secret: bytes, text: str) -> str:
    """``p`` + 20 hex digits of HMAC-SHA256(secret, text): the person key format."""
    return "p" + hmac.new(secret, text.encode("utf-8"), hashlib.sha256).hexdigest()[:20]


class KeyHasher:
    """:func:`keyed_hash` for many texts: the HMAC pads are hashed once (RFC 2104), not per key.

    Same values as :func:`keyed_hash` (tested); about twice as fast as
    ``hmac.digest`` per call, which is seconds for a million persons.
    """

    def __init__(self, secret: bytes):
        if len(secret) > hashlib.sha256().block_size:
            secret = hashlib.sha256(secret).digest()
        padded = secret.ljust(hashlib.sha256().block_size, b"\0")
        self._inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
        self._outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def __call__(self, text: str) -> str:
        return "p" + self.hexdigest(text)[:20]

    def hexdigest(self, text: str) -> str:
        """HMAC-SHA256(secret, text) as 64 hex digits."""
        inner = self._inner.copy()
        inner.update(text.encode("utf-8"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def _identity_frame(rows: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame({column: rows[column].to_numpy() for column in ROW_IDENTITY})
    frame["source_sheet"] = frame["source_sheet"].astype("str").fillna("")
    frame["source_sha256"] = frame["source_sha256"].astype("str")
    frame["source_row"] = pd.to_numeric(frame["source_row"]).astype(np.int64)
    return frame


def mint_materials(rows: pd.DataFrame, component: np.ndarray, anchor_nik: pd.Series, wanted: np.ndarray) -> np.ndarray:
    """Hash material for the components ``wanted``: the anchor NIK, else the first row's identity."""
    material = anchor_nik.reindex(wanted)
    out = np.where(material.notna(), "nik|" + material.astype("str"), None).astype(object)
    lacking = wanted[material.isna().to_numpy()]
    if len(lacking):
        positions = np.flatnonzero(np.isin(component, lacking))
        ident = _identity_frame(rows.iloc[positions])
        ident["component"] = component[positions]
        ident = ident.sort_values(["component", "source_sha256", "source_sheet", "source_row"], kind="stable")
        first = ident.drop_duplicates("component").set_index("component")
        text = ("row|" + first["source_sha256"] + "|" + first["source_sheet"] + "|"
                + first["source_row"].astype(str))
        out[material.isna().to_numpy()] = text.reindex(lacking).to_numpy(dtype=object)
    return out


def _row_ids(rows: pd.DataFrame, previous: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """One integer per row identity (sha256, sheet, row), equal in both frames when the identities are."""
    both = pd.DataFrame({
        c: pd.concat([rows[c].astype("str"), previous[c].astype("str")], ignore_index=True)
        for c in ("source_sha256", "source_sheet")
    })
    both["source_sheet"] = both["source_sheet"].fillna("")
    row = pd.to_numeric(pd.concat([rows["source_row"], previous["source_row"]], ignore_index=True))
    ids = np.zeros(len(both), dtype=np.int64)
    for values in (both["source_sha256"], both["source_sheet"], row.astype(np.int64)):
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        ids = pd.factorize(ids * len(uniques) + codes)[0].astype(np.int64)  # dense again: no overflow
    return ids[: len(rows)], ids[len(rows):]


def _ranks(keys: np.ndarray) -> np.ndarray:
    """Position of each key in sorted order (equal keys, equal rank): for the few keys compared."""
    return pd.factorize(np.asarray(keys, dtype=object), sort=True)[0]


def _starts(values: np.ndarray) -> np.ndarray:
    """True where a run of equal values begins (``values`` grouped)."""
    first = np.ones(len(values), dtype=bool)
    first[1:] = values[1:] != values[:-1]
    return first


def _run_start(starts: np.ndarray) -> np.ndarray:
    """Per position, the position where its run begins (``starts`` from :func:`_starts`)."""
    return np.maximum.accumulate(np.where(starts, np.arange(len(starts)), 0))


@dataclass
class _EarlierKeys:
    """The last run's person keys as codes in first-seen order (a hash, no sort).

    The keys themselves are compared only where a rule needs their order, among
    the few merged or split persons.
    """

    keys: pd.Index  # the key of each code
    since: np.ndarray  # per code: its key_since (earliest over its rows)
    by_nik: np.ndarray  # per code: a row of it was linked by its own valid NIK
    row_ids: np.ndarray  # identity of each row the last run assigned (its first assignment)
    row_codes: np.ndarray  # the key code of that row
    worn: pd.Index  # the distinct keys rows wore, which no new person may wear


def _read_earlier_keys(previous: pd.DataFrame, prev_id: np.ndarray) -> _EarlierKeys:
    """The keys of ``previous`` (``prev_id``: its row identities, from :func:`_row_ids`)."""
    since_all = pd.to_numeric(previous["key_since"]).astype(np.int64).to_numpy()
    # A row without a key (NaN; never written by this module) counts as not known.
    code_all, keys = pd.factorize(previous["person_key"].astype(str))
    by_nik = np.zeros(len(keys), dtype=bool)
    if "link_basis" in previous.columns:
        basis_nik = (previous["link_basis"].astype(str) == "nik").to_numpy(dtype=bool, na_value=False)
        by_nik[code_all[basis_nik & (code_all >= 0)]] = True
    keep = ~pd.Series(prev_id).duplicated().to_numpy() & (code_all >= 0)  # first assignment of a row
    code = code_all[keep]
    per_key = pd.Series(since_all[keep]).groupby(code).min()
    since = np.zeros(len(keys), dtype=np.int64)
    since[per_key.index.to_numpy()] = per_key.to_numpy()
    worn = np.zeros(len(keys), dtype=bool)
    worn[code] = True
    return _EarlierKeys(keys=keys, since=since, by_nik=by_nik, row_ids=prev_id[keep], row_codes=code,
                        worn=keys[worn])


@dataclass
class _KeyClusters:
    """Rows of an earlier key in a cluster of this run: one entry per (key code, cluster label)."""

    code: np.ndarray
    component: np.ndarray
    rows: np.ndarray

    def take(self, index: np.ndarray) -> _KeyClusters:
        return _KeyClusters(self.code[index], self.component[index], self.rows[index])


def _key_clusters(codes: np.ndarray, components: np.ndarray) -> _KeyClusters:
    """Rows of each earlier key per cluster, grouped by key, most rows first, then label."""
    known = pd.DataFrame({"code": codes, "component": components})
    counts = known.groupby(["code", "component"], sort=False).size()
    found = _KeyClusters(
        code=counts.index.get_level_values("code").to_numpy(dtype=np.int64),
        component=counts.index.get_level_values("component").to_numpy(dtype=np.int64),
        rows=counts.to_numpy(dtype=np.int64),
    )
    return found.take(np.lexsort((found.component, -found.rows, found.code)))


def _rank_keys_per_cluster(homes: _KeyClusters, earlier: _EarlierKeys) -> _KeyClusters:
    """The keys at home in each cluster (by label), the one the cluster keeps first.

    The oldest; among equally old ones the person known by a valid NIK (its key is
    the one a from-scratch run would mint), then the one with most rows, so the
    retired key is the weaker guess; last, the smallest key.
    """
    shared = pd.Series(homes.component).duplicated(keep=False).to_numpy()  # clusters home to several keys
    key_rank = np.zeros(len(homes.code), dtype=np.int64)
    key_rank[shared] = _ranks(earlier.keys[homes.code[shared]])
    since = earlier.since[homes.code]
    return homes.take(np.lexsort((key_rank, -homes.rows, ~earlier.by_nik[homes.code], since, homes.component)))


def _merge_records(ranked: _KeyClusters, kept: np.ndarray, keys: pd.Index, generation: int,
                   merge_reason: callable) -> list[tuple]:
    """A merge per key retired into the key its cluster keeps (``kept``: True on the kept ones)."""
    merges = []
    retired = np.flatnonzero(~kept)
    if len(retired):
        # The retired keys of a cluster follow its kept key in ``ranked`` order.
        into = ranked.code[_run_start(kept)]
        for i in retired.tolist():
            retired_key, kept_key, comp = str(keys[ranked.code[i]]), str(keys[into[i]]), int(ranked.component[i])
            merges.append((retired_key, kept_key, generation, int(ranked.rows[i]),
                           merge_reason(comp, retired_key, kept_key)))
    return merges


def _pending_splits(clusters: _KeyClusters, home: np.ndarray, keys: pd.Index) -> list[tuple]:
    """An earlier key's rows in clusters other than its home: (key, label, rows), by key, most rows, label.

    ``home``: True on each key's home entry of ``clusters`` (:func:`_key_clusters` order).
    """
    home_of = clusters.component[_run_start(home)]
    away = clusters.take(np.flatnonzero(clusters.component != home_of))
    split_keys = keys[away.code].to_numpy(dtype=object)
    by = np.lexsort((away.component, -away.rows, _ranks(split_keys)))
    return list(zip(split_keys[by].tolist(), away.component[by].tolist(), away.rows[by].tolist()))


def _earlier_keys(rows: pd.DataFrame, component: np.ndarray, previous: pd.DataFrame, generation: int,
                  merge_reason: callable):
    """Rules 2 and 3 with group operations over whole arrays (no loop over clusters).

    Returns the labels that keep an earlier key (ascending) with that key and its
    key_since; the merges (records, by label, kept key first); the pending splits
    (earlier key, label, rows moved; by key, most rows first, then label); and the
    earlier keys (distinct), which no new person may wear.
    """
    row_id, prev_id = _row_ids(rows, previous)
    earlier = _read_earlier_keys(previous, prev_id)
    # The earlier key of each row of this run that the last run assigned.
    at = pd.Index(earlier.row_ids).get_indexer(row_id)
    found = at >= 0
    none = np.zeros(0, dtype=np.int64)
    if not found.any():
        return none, np.zeros(0, dtype=object), none, [], [], earlier.worn
    clusters = _key_clusters(earlier.row_codes[at[found]], np.asarray(component, dtype=np.int64)[found])
    # Home of each earlier key: the cluster with most of its rows (ties: lowest label).
    home = _starts(clusters.code)
    ranked = _rank_keys_per_cluster(clusters.take(home), earlier)
    kept = _starts(ranked.component)
    labels, kept_code = ranked.component[kept], ranked.code[kept]
    merges = _merge_records(ranked, kept, earlier.keys, generation, merge_reason)
    splits = _pending_splits(clusters, home, earlier.keys)
    return (labels, earlier.keys[kept_code].to_numpy(dtype=object), earlier.since[kept_code], merges, splits,
            earlier.worn)


def _mint_keys(rows: pd.DataFrame, component: np.ndarray, anchor_nik: pd.Series, new: np.ndarray, key: bytes,
               earlier: pd.Index) -> np.ndarray:
    """Rule 1: a new key for each component label in ``new``, none of them one of ``earlier``."""
    if not len(new):
        return np.zeros(0, dtype=object)
    material = mint_materials(rows, component, anchor_nik, new)
    hasher = KeyHasher(key)
    minted = np.array([hasher(text) for text in material], dtype=object)
    # A key already worn by another person is never reused: the few clashes (an earlier
    # key, or two new persons minting the same text) get a suffix, in label order.
    clash = pd.Series(minted, dtype=object).duplicated().to_numpy()
    if len(earlier):
        clash = clash | (earlier.get_indexer(minted) >= 0)
    if clash.any():
        taken = set(earlier.tolist()) | set(minted[~clash].tolist())
        for i in np.flatnonzero(clash).tolist():
            suffix = 2
            candidate = keyed_hash(key, f"{material[i]}|{suffix}")
            while candidate in taken:
                suffix += 1
                candidate = keyed_hash(key, f"{material[i]}|{suffix}")
            taken.add(candidate)
            minted[i] = candidate
    return minted


def _positions(labels: np.ndarray, wanted) -> np.ndarray:
    """Position in ``labels`` (distinct) of each of ``wanted``, all of which are there."""
    order = np.argsort(labels, kind="stable")
    return order[np.searchsorted(labels[order], wanted)]


def assign_keys(
    rows: pd.DataFrame,
    component: np.ndarray,
    anchor_nik: pd.Series,
    secret: str,
    previous: pd.DataFrame | None,
    merge_reason: callable,
) -> tuple[np.ndarray, pd.DataFrame, pd.DataFrame, pd.DataFrame, int]:
    """Person key per row, plus key_since per row, merges, splits and this run's generation.

    ``component``: cluster label per row. ``anchor_nik``: NIK per component label
    (index) for clusters that hold one. ``merge_reason(component, retired_key,
    kept_key)`` explains a merge (the link that joined the two known persons); it is
    called once per retired key, in label order.
    """
    if not secret:
        raise ValueError("person key secret is empty: set PERSON_KEY_SECRET")
    key = secret.encode("utf-8")
    generation = 1
    known_labels = np.zeros(0, dtype=np.int64)
    known_keys = np.zeros(0, dtype=object)
    known_since = np.zeros(0, dtype=np.int64)
    merges: list[tuple] = []
    split_pending: list[tuple] = []
    earlier = pd.Index([], dtype=object)
    if previous is not None and len(previous):
        generation = int(pd.to_numeric(previous["generation"]).max()) + 1
        known_labels, known_keys, known_since, merges, split_pending, earlier = _earlier_keys(
            rows, component, previous, generation, merge_reason)

    labels = np.unique(component)
    new = labels[~np.isin(labels, known_labels)]
    minted = _mint_keys(rows, component, anchor_nik, new, key, earlier)

    # Per row: its component's key (earlier ones first, then the minted ones), by position.
    all_labels = np.concatenate([known_labels, new])
    all_keys = np.concatenate([known_keys, minted])
    all_since = np.concatenate([known_since, np.full(len(new), generation, dtype=np.int64)])
    at = _positions(all_labels, component)
    splits = []
    if split_pending:
        new_keys = all_keys[_positions(all_labels, [comp for _, comp, _ in split_pending])].tolist()
        splits = [(person, new_key, generation, n) for (person, _, n), new_key in zip(split_pending, new_keys)]
    return (
        all_keys[at],
        all_since[at],
        pd.DataFrame(merges, columns=list(MERGE_COLUMNS)),
        pd.DataFrame(splits, columns=list(SPLIT_COLUMNS)),
        generation,
    )
