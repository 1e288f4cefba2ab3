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
        inner = self._inner.copy()
        inner.update(text.encode("utf-8"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return "p" + outer.hexdigest()[:20]


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


def _earlier_keys(rows: pd.DataFrame, component: np.ndarray, previous: pd.DataFrame, generation: int,
                  merge_reason: callable):
    """Rules 2 and 3 with group operations over whole arrays (no loop over clusters).

    Returns the labels that keep an earlier key (ascending) with that key and its
    key_since; the merges (records, by label, kept key first); the pending splits
    (earlier key, label, rows moved; by key, most rows first, then label); and the
    earlier keys (distinct), which no new person may wear.
    """
    since_all = pd.to_numeric(previous["key_since"]).astype(np.int64).to_numpy()
    # Earlier keys as codes in first-seen order (a hash, no sort): the keys themselves are
    # compared only where a rule needs their order, among the few merged or split persons.
    # A row without a key (NaN; never written by this module) counts as not known.
    code_all, keys = pd.factorize(previous["person_key"].astype(str))
    nik = np.zeros(len(keys), dtype=bool)
    if "link_basis" in previous.columns:
        basis_nik = (previous["link_basis"].astype(str) == "nik").to_numpy(dtype=bool, na_value=False)
        nik[code_all[basis_nik & (code_all >= 0)]] = True
    row_id, prev_id = _row_ids(rows, previous)
    keep = ~pd.Series(prev_id).duplicated().to_numpy() & (code_all >= 0)  # first assignment of a row
    code = code_all[keep]
    per_key = pd.Series(since_all[keep]).groupby(code).min()
    since = np.zeros(len(keys), dtype=np.int64)
    since[per_key.index.to_numpy()] = per_key.to_numpy()
    worn = np.zeros(len(keys), dtype=bool)
    worn[code] = True
    earlier = keys[worn]

    # The earlier key of each row of this run that the last run assigned.
    at = pd.Index(prev_id[keep]).get_indexer(row_id)
    found = at >= 0
    none = np.zeros(0, dtype=np.int64)
    if not found.any():
        return none, np.zeros(0, dtype=object), none, [], [], earlier
    known = pd.DataFrame({"code": code[at[found]],
                          "component": np.asarray(component, dtype=np.int64)[found]})

    # Rows of each earlier key per cluster, grouped by key, most rows first, then label.
    counts = known.groupby(["code", "component"], sort=False).size()
    c_code = counts.index.get_level_values("code").to_numpy(dtype=np.int64)
    c_comp = counts.index.get_level_values("component").to_numpy(dtype=np.int64)
    c_n = counts.to_numpy(dtype=np.int64)
    order = np.lexsort((c_comp, -c_n, c_code))
    c_code, c_comp, c_n = c_code[order], c_comp[order], c_n[order]
    # Home of each earlier key: the cluster with most of its rows (ties: lowest label).
    first = np.ones(len(c_code), dtype=bool)
    first[1:] = c_code[1:] != c_code[:-1]
    h_code, h_comp, h_n = c_code[first], c_comp[first], c_n[first]
    h_since = since[h_code]

    # Which key a cluster keeps: the oldest; among equally old ones the person known by a
    # valid NIK (its key is the one a from-scratch run would mint), then the one with most
    # rows, so the retired key is the weaker guess; last, the smallest key.
    shared = pd.Series(h_comp).duplicated(keep=False).to_numpy()  # clusters home to several keys
    key_rank = np.zeros(len(h_code), dtype=np.int64)
    key_rank[shared] = _ranks(keys[h_code[shared]])
    rank = np.lexsort((key_rank, -h_n, ~nik[h_code], h_since, h_comp))
    h_code, h_comp, h_n, h_since = h_code[rank], h_comp[rank], h_n[rank], h_since[rank]
    lead = np.ones(len(h_code), dtype=bool)
    lead[1:] = h_comp[1:] != h_comp[:-1]
    labels, kept_code, kept_since = h_comp[lead], h_code[lead], h_since[lead]
    kept_keys = keys[kept_code].to_numpy(dtype=object)

    merges = []
    retired = np.flatnonzero(~lead)
    if len(retired):
        # The retired keys of a cluster follow its kept key in ``rank`` order.
        into = h_code[np.maximum.accumulate(np.where(lead, np.arange(len(lead)), 0))]
        for i in retired.tolist():
            retired_key, kept_key, comp = str(keys[h_code[i]]), str(keys[into[i]]), int(h_comp[i])
            merges.append((retired_key, kept_key, generation, int(h_n[i]),
                           merge_reason(comp, retired_key, kept_key)))

    # Splits: an earlier key's rows in clusters other than its home; by key, most rows, label.
    home = c_comp[np.maximum.accumulate(np.where(first, np.arange(len(first)), 0))]
    away = np.flatnonzero(c_comp != home)
    split_keys = keys[c_code[away]].to_numpy(dtype=object)
    by = np.lexsort((c_comp[away], -c_n[away], _ranks(split_keys)))
    splits = list(zip(split_keys[by].tolist(), c_comp[away][by].tolist(), c_n[away][by].tolist()))
    return labels, kept_keys, kept_since, merges, splits, earlier


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
    minted = np.zeros(0, dtype=object)
    if len(new):
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

    # Per row: its component's key (earlier ones first, then the minted ones), by position.
    all_labels = np.concatenate([known_labels, new])
    all_keys = np.concatenate([known_keys, minted])
    all_since = np.concatenate([known_since, np.full(len(new), generation, dtype=np.int64)])
    order = np.argsort(all_labels, kind="stable")
    at = order[np.searchsorted(all_labels[order], component)]
    person_key = all_keys[at]
    key_since = all_since[at]
    if split_pending:
        split_keys = all_keys[order[np.searchsorted(all_labels[order], [comp for _, comp, _ in split_pending])]]
        splits = [(person, new_key, generation, n)
                  for (person, _, n), new_key in zip(split_pending, split_keys.tolist())]
    else:
        splits = []
    return (
        person_key,
        key_since,
        pd.DataFrame(merges, columns=list(MERGE_COLUMNS)),
        pd.DataFrame(splits, columns=list(SPLIT_COLUMNS)),
        generation,
    )
