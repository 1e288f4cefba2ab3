"""The same file in two offices' folders: it counts once, at the office it belongs to.

Offices forward each other's lists, and a clerk who keeps a copy in their own folder
submits it a second time: a province's expert list in a regency's folder, one regency's
list in its neighbour's. Each office's submission checks see only their own folder, so
both copies are accepted; the persons are linked into one (same NIKs), but their
certificates are credited at both offices, which moves them from the owner's region to
the copier's or counts them in both.

A copy is the same bytes (sha256), or the same rows in other bytes: a clerk who opens
the forwarded workbook and saves it again changes the bytes, not the people, levels,
results and numbers (the multiset of those fields over the file's accepted rows; at
least :data:`MIN_CONTENT_ROWS` rows, so that two offices' one-person lists naming the
same certificate are not taken for a copy).

Run at publish, over every office's accepted rows, this decides per content accepted
at two or more offices which office owns the file, by evidence in the rows:

1. authority: the share of its rows with a jenjang that the office may certify
   (regencies and cities 1-6, provinces 7-9; DOMAIN.md);
2. home NIKs: the share of its rows whose NIK was issued in the office's region
   (its regency's four digits, a province's two).

The office ahead on (1), then on (2), owns the file; its other copies are rejected
under ``copy_of_other_office`` with every row quarantined. When the evidence ties
(two regencies, NIKs from neither), no owner can be told and every copy stays.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pandas as pd

from expectations.catalogue import rule as catalogue_rule
from expectations.submission import page_family, parse_file_name
from expectations.validate import AUTHORITY
from sources.registry import Office

RULE = "copy_of_other_office"
# The fields that make two files' rows the same: the person, the certificate, the result.
CONTENT_FIELDS = ["nik", "nama", "tanggal_lahir", "jabatan_kerja", "jenjang", "hasil", "nomor_sertifikat",
                  "tanggal_terbit"]
MIN_CONTENT_ROWS = 3
COPY_COLUMNS = ["office_id", "source_file", "source_sha256", "owner_office_id", "rows"]
RAW_FIELDS = ["nama", "nik", "jabatan_kerja", "jenjang", "hasil"]


def _evidence(rows: pd.DataFrame, office: Office, competitors: list[Office]) -> tuple[float, float]:
    """(authority share, home-NIK share) of one copy's rows at ``office``.

    A NIK is home to the competing office whose region code it matches most closely:
    a Samarinda NIK (64.72) is Samarinda's against the province of Kalimantan Timur
    (64), though it lies in the province too."""
    jenjang = pd.to_numeric(rows["jenjang"], errors="coerce").dropna()
    low, high = AUTHORITY[office.level]
    authority = float(jenjang.between(low, high).mean()) if len(jenjang) else 0.0
    nik = rows["nik"].dropna().astype(str)
    if not len(nik):
        return authority, 0.0
    prefixes = {o.id: o.region_code.replace(".", "") for o in competitors}
    best = pd.Series("", index=nik.index)
    for office_id, prefix in sorted(prefixes.items(), key=lambda item: len(item[1])):
        best = best.mask(nik.str.startswith(prefix), office_id)  # longer prefixes come later and win
    return authority, float((best == office.id).mean())


def _content_of_files(rows: pd.DataFrame) -> pd.Series:
    """Per row, the content key of its file: the file's sha256, or for a file of at least
    :data:`MIN_CONTENT_ROWS` accepted rows a hash of the multiset of its rows' content fields
    (row order, sheet and row numbers left out), so a re-saved copy has its original's key."""
    fields = [field for field in CONTENT_FIELDS if field in rows]
    row_hash = pd.util.hash_pandas_object(rows[fields].astype("string").fillna("\x00"), index=False).to_numpy()
    files = rows.groupby(["office_id", "source_file"], sort=False).indices
    key = rows["source_sha256"].astype(str).to_numpy(dtype=object).copy()
    for positions in files.values():
        if len(positions) >= MIN_CONTENT_ROWS:
            digest = hashlib.sha256(np.sort(row_hash[positions]).tobytes()).hexdigest()
            key[positions] = "rows:" + digest
    return pd.Series(key, index=rows.index)


def misfiled_copies(rows: pd.DataFrame, offices: dict[str, Office]) -> pd.DataFrame:
    """The copies to reject: one row per (office, file) whose content another office owns.

    ``rows``: every office's accepted standardized rows (with ``office_id``,
    ``source_file``, ``source_sha256``, ``jenjang``, ``nik``). Columns of the result:
    :data:`COPY_COLUMNS`; ``rows`` is how many accepted rows the copy holds.
    """
    if rows.empty:
        return pd.DataFrame(columns=COPY_COLUMNS)
    rows = rows.assign(_content=_content_of_files(rows))
    holders = rows.groupby("_content", sort=False)["office_id"].nunique()
    shared = holders.index[holders > 1]
    if not len(shared):
        return pd.DataFrame(columns=COPY_COLUMNS)
    copies = []
    for _, content in rows[rows["_content"].isin(shared)].groupby("_content", sort=True):
        sha = content["source_sha256"].iloc[0]
        files = content.groupby(["office_id", "source_file"], sort=True)
        competitors = [offices[office_id] for office_id in content["office_id"].unique() if office_id in offices]
        scored = [(_evidence(part, offices[office_id], competitors), office_id, source_file, len(part))
                  for (office_id, source_file), part in files if office_id in offices]
        best = max(score for score, *_ in scored)
        owners = {office_id for score, office_id, *_ in scored if score == best}
        if len(owners) != 1:
            continue  # the evidence cannot tell the owner: every copy stays
        (owner,) = owners
        copies += [(office_id, source_file, sha, owner, count)
                   for _, office_id, source_file, count in scored if office_id != owner]
    return pd.DataFrame(copies, columns=COPY_COLUMNS)


CREDITED = "credited_office_id"  # staged by an ingest on the rows of another registry office's file


def left_to_owners(rows: pd.DataFrame, offices: dict[str, Office]) -> pd.DataFrame:
    """The misfiled files not to credit: one row per (office, file) in :data:`COPY_COLUMNS`.

    An ingest accepts a file that names another registry office in its titles or name
    (``counted_at_other_office``, rows carrying :data:`CREDITED`). The owner may hold it
    already: the same content (bytes or rows), or a file of the same name family (an
    earlier or later export of its own list, "Rekap 2025.xlsx" / "Rekap 2025_final.xlsx").
    Then the owner's own file counts and the misfiled one is left to it, like a copy. Of two
    misfiled copies of one content bound for the same owner, one is credited (the first
    landing office by id)."""
    if rows.empty or CREDITED not in rows or not rows[CREDITED].notna().any():
        return pd.DataFrame(columns=COPY_COLUMNS)
    rows = rows.assign(_content=_content_of_files(rows))
    credited = rows[CREDITED].notna()
    own = rows[~credited]
    owner_contents = set(zip(own["office_id"], own["_content"]))
    owner_families = {(office_id, parse_file_name(name).base)
                      for office_id, name in own[["office_id", "source_file"]].drop_duplicates().itertuples(index=False)}
    left, credited_contents = [], set()
    forwarded = rows[credited].groupby(["office_id", "source_file"], sort=True)
    for (office_id, source_file), part in forwarded:
        owner, content = part[CREDITED].iloc[0], part["_content"].iloc[0]
        if (owner not in offices or (owner, content) in owner_contents or (owner, content) in credited_contents
                or (owner, parse_file_name(source_file).base) in owner_families):
            left.append((office_id, source_file, part["source_sha256"].iloc[0], owner, len(part)))
        else:
            credited_contents.add((owner, content))
    return pd.DataFrame(left, columns=COPY_COLUMNS)


PAGE_REASON = ("a page of {owner_name}'s paged export (its other pages, {family}*, are in that office's folder) "
               "whose rows are all jenjang {low}-{high}, which a {level} office does not certify")


def pages_of_the_province(rows: pd.DataFrame, offices: dict[str, Office]) -> pd.DataFrame:
    """Pages of a province office's paged export that landed in one of its regencies' or cities' folders.

    A clerk downloads a portal's export page by page and files a page in the wrong folder. In a
    JSON page nothing names the office (no title row), and the NIKs are the province's whichever
    regency the folder is. Two pieces of evidence together say whose page it is: the province
    office holds the other pages of the same export (same name, another page number) while the
    landing office holds none, and every row with a level is an expert's (jenjang 7-9), which
    regencies and cities do not certify (DOMAIN.md, seed 004). Then the page counts at the
    province. One row per page in :data:`COPY_COLUMNS` (``owner_office_id``: the province office).
    """
    if rows.empty:
        return pd.DataFrame(columns=COPY_COLUMNS)
    own = rows if CREDITED not in rows else rows[rows[CREDITED].isna()]
    files = own[["office_id", "source_file"]].drop_duplicates()
    families = {(o, f): page_family(f) for o, f in files.itertuples(index=False)}
    held = {(o, fam) for (o, _), fam in families.items() if fam}
    provinces = {o.province_code: o.id for o in offices.values() if o.level == "province"}
    low, high = AUTHORITY["province"]
    pages = []
    for (office_id, source_file), part in own.groupby(["office_id", "source_file"], sort=True):
        office, family = offices.get(office_id), families.get((office_id, source_file))
        province = provinces.get(office.province_code) if office is not None else None
        if family is None or province is None or office.level == "province" or (province, family) not in held:
            continue
        if sum(1 for (o, f), fam in families.items() if o == office_id and fam == family) > 1:
            continue  # the office's own export under the same name: its pages are its own
        levels = pd.to_numeric(part["jenjang"], errors="coerce").dropna()
        if len(levels) and levels.between(low, high).all():
            pages.append((office_id, source_file, part["source_sha256"].iloc[0], province, len(part)))
    return pd.DataFrame(pages, columns=COPY_COLUMNS)


def with_pages_credited(rows: pd.DataFrame, pages: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with each page of :func:`pages_of_the_province` credited (:data:`CREDITED`) to its owner."""
    if pages.empty:
        return rows
    owner = pd.Series(dict(zip(zip(pages["office_id"], pages["source_file"]), pages["owner_office_id"])))
    keys = _keys(rows)
    found = owner.reindex(keys).to_numpy()
    credited = rows[CREDITED] if CREDITED in rows else pd.Series(None, index=rows.index, dtype=object)
    return rows.assign(**{CREDITED: credited.where(credited.notna(), pd.Series(found, index=rows.index))})


def log_with_pages(log: pd.DataFrame, pages: pd.DataFrame, offices: dict[str, Office]) -> pd.DataFrame:
    """The submission log with each credited page's entry saying where its rows count."""
    if pages is None or pages.empty:
        return log
    log = log.copy()
    keys = _keys(log)
    for page in pages.itertuples(index=False):
        owner, office = offices.get(page.owner_office_id), offices.get(page.office_id)
        low, high = AUTHORITY["province"]
        why = PAGE_REASON.format(owner_name=owner.name if owner else page.owner_office_id,
                                 family=page_family(page.source_file), low=low, high=high,
                                 level=office.level if office else "regency")
        at = np.flatnonzero(keys.isin(pd.MultiIndex.from_tuples([(page.office_id, page.source_file)])))
        for position in at:
            log.iloc[position, log.columns.get_loc("rule")] = "counted_at_other_office"
            log.iloc[position, log.columns.get_loc("reason")] = (
                f"office {page.office_id}, file {page.source_file}: "
                f"{catalogue_rule('counted_at_other_office').reason}: {page.owner_office_id} ({why})")
    return log


def credited_to_owners(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with each misfiled file's rows moved to the office it belongs to (``office_id``
    becomes :data:`CREDITED`), the column dropped: the warehouse credits rows by office."""
    if CREDITED not in rows:
        return rows
    owner = rows[CREDITED]
    moved = rows.assign(office_id=owner.where(owner.notna(), rows["office_id"]))
    return moved.drop(columns=[CREDITED])


def _keys(frame: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[["office_id", "source_file"]].astype(str))


def without_copies(rows: pd.DataFrame, copies: pd.DataFrame) -> pd.DataFrame:
    """``rows`` without the rows of the rejected copies."""
    if copies.empty:
        return rows
    return rows[~_keys(rows).isin(_keys(copies))]


def _reason(copy, offices: dict[str, Office]) -> str:
    owner = offices.get(copy.owner_office_id)
    owner_text = f"{owner.name} ({copy.owner_office_id})" if owner else copy.owner_office_id
    return (f"office {copy.office_id}, file {copy.source_file}: {catalogue_rule(RULE).reason}; "
            f"the same file is {owner_text}'s, where its rows count")


def log_with_copies(log: pd.DataFrame, copies: pd.DataFrame, offices: dict[str, Office]) -> pd.DataFrame:
    """The submission log with each rejected copy's entry turned into a rejection: its
    accepted rows now quarantined, its reason naming the owner."""
    if copies.empty:
        return log
    log = log.copy()
    keys = _keys(log)
    for copy in copies.itertuples(index=False):
        at = np.flatnonzero(keys.isin(pd.MultiIndex.from_tuples([(copy.office_id, copy.source_file)])))
        for position in at:
            accepted = int(log.iat[position, log.columns.get_loc("rows_accepted")])
            log.iloc[position, log.columns.get_loc("status")] = "rejected"
            log.iloc[position, log.columns.get_loc("rule")] = RULE
            log.iloc[position, log.columns.get_loc("reason")] = _reason(copy, offices)
            log.iloc[position, log.columns.get_loc("rows_quarantined")] += accepted
            log.iloc[position, log.columns.get_loc("rows_accepted")] = 0
            log.iloc[position, log.columns.get_loc("rows_flagged")] = 0
    return log


def quarantine_of_copies(rows: pd.DataFrame, copies: pd.DataFrame, offices: dict[str, Office]) -> pd.DataFrame:
    """Quarantine rows (the staged quarantine's columns) for every row of the rejected copies."""
    columns = ["office_id", "source_file", "source_sha256", "source_sheet", "source_row", "column", "value",
               "rule", "reason", "raw"]
    if copies.empty:
        return pd.DataFrame(columns=columns)
    held = rows[_keys(rows).isin(_keys(copies))]
    reasons = {(c.office_id, c.source_file): _reason(c, offices) for c in copies.itertuples(index=False)}
    fields = [field for field in RAW_FIELDS if field in held]
    raw = [json.dumps({k: (None if pd.isna(v) else str(v)) for k, v in zip(fields, values)}, ensure_ascii=False)
           for values in held[fields].itertuples(index=False)]
    return pd.DataFrame({
        "office_id": held["office_id"].astype(str).to_numpy(),
        "source_file": held["source_file"].astype(str).to_numpy(),
        "source_sha256": held["source_sha256"].astype(str).to_numpy(),
        "source_sheet": held["source_sheet"].to_numpy(),
        "source_row": held["source_row"].astype("int64").to_numpy(),
        "column": "",
        "value": None,
        "rule": RULE,
        "reason": [reasons[(o, f)] for o, f in zip(held["office_id"].astype(str), held["source_file"].astype(str))],
        "raw": raw,
    })
