"""Stages 1 and 2 of person linkage: the exact NIK pass and NIK repair with evidence.

Stage 1, exact NIK. Rows with the same structurally valid NIK are one person,
except rows that disagree with the NIK or with its other rows:

* a NIK copied from the row above (DOMAIN) is valid, real and someone else's: the
  row's birth date or sex contradicts what the NIK encodes, and its name is not
  the owners' name (or its birth date is no typo of theirs);
* a mistyped NIK can land on another real person's NIK (same district and birth
  date, neighbouring serial): both rows agree with the NIK, but the names are
  incompatible; the majority name keeps the NIK;
* a NIK on a single row whose birth date is no typo of the date the NIK encodes
  is a copy too, of a person who sent no row of their own; so are the NIK of
  several rows none of which agrees with it (a family card number, KK, typed by a
  father and his son, or by one worker in two files: its date is the card's).

Such rows are *detached*: linked like rows without NIK, never to the person whose
NIK they carry.

Stage 2, NIK repair. Damaged NIKs are resolved against the valid NIKs of stage 1,
and only with evidence from the other columns (names compare as linkage name
keys; "compatible" is :func:`linkage.names.names_agree`: equal, a typo, a word
left out or shortened to its initial):

* ``excel_truncated``: the 15 known digits are the first 15 of a valid NIK (or
  the NIK rounded to 15 digits, as a program printing a float shows it); names
  compatible; birth date and sex do not disagree;
  A 16-digit NIK ending in 0 whose first 15 digits are a valid NIK's (or are its
  rounding: 0046 shown as 0050) is Excel's truncation copied back as text (status
  ``invalid`` when the serial became 0000);
* ``typo`` / ``transposed``: status ``invalid``, or a valid-looking NIK on a single
  row, one digit off or two adjacent digits swapped (Damerau-Levenshtein 1) from a
  valid NIK with the same name key and birth date. When the difference is outside
  the date digits and both region codes exist, a namesake born the same day has
  exactly that kind of NIK, so the name must also be rare enough (and the same,
  its words in any order);
* ``wrong_length``: 15 or 17 digits, one digit dropped or doubled (Levenshtein 1);
* ``scientific_notation``: the digits an export showed start the NIK; name key,
  birth date and place equal, and the combination is rare; or, when ten digits or
  more survive (region, district, birth day and month), names that agree and a
  birth date that does not disagree;
* ``missing`` NIK and detached copies: name key, birth date and birth place equal
  those of exactly one person with a valid NIK, and the combination is rare
  enough that a namesake is unlikely (expected namesakes below
  :data:`RARE_EXPECTED`; commoner names go to the probabilistic stage, which
  weighs name frequency);
* ``same_certificate``: two rows with the same registration number (a province
  re-reporting a regency's certificate) with compatible names.
* ``same_assessment`` (method ``same_certificate``): a row with no NIK digits and no birth
  date joins the one person reporting the same jabatan, jenjang and issue date (or year)
  under an agreeing name (:func:`assessment_candidates`).

A repair needs a *unique* candidate: twins share all but the serial digits of the
NIK, the birth date and the surname, so a truncated NIK of a twin has two
candidates; the exact name decides, and when it cannot, nothing is linked.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
from rapidfuzz.distance import DamerauLevenshtein

from linkage.dates import birth_far, ddmmyy_date, one_day_apart
from linkage.names import names_agree, names_related
from reference import FORMER_CODES, regions
from standardize.validity import issue_years

# Expected number of other persons sharing the evidence by chance, above which a
# deterministic repair is not trusted (the probabilistic stage, with name
# frequencies, decides instead). With 1M rows and the commonest names ("Muhammad
# Rizki"), name + birth date + place is shared by chance about 3% of the time.
RARE_EXPECTED = 0.005

# First four NIK digits of every regency and city (Kemendagri codes, reference/regions.csv), and the
# former codes of those that moved province after NIKs were issued (a Mimika NIK of 2015 starts 9109).
REGENCY_CODES = frozenset([*(code.replace(".", "") for code, r in regions().items() if r.type != "province"),
                           *(code.replace(".", "") for code in FORMER_CODES)])

# Leading NIK digits (of a scientific-notation export) that pin region, district and
# birth day and month.
LONG_PREFIX = 10

# Letters and digits of a registration number written out in full; a recap's serial ("0317",
# "No. 00101") is shorter, and serials restart per issuer and year (docs/warehouse.md rule 3).
FULL_NUMBER_CHARS = 10

EDGE_COLUMNS = ["rid_l", "rid_r", "method", "kind", "evidence", "match_weight", "match_probability"]


def name_compatible(a, b) -> bool:
    """Could ``a`` and ``b`` (linkage name keys) be one person's name as two clerks wrote it?

    :func:`linkage.names.names_agree`: equal, a typo, a word left out, a word
    shortened to its initial ("Supriyadi S." / "Supriyadi Santoso"). "Agus
    Santoso" and "Budi Santoso" (twins) are not; "Ahmad Fauzi" and "Muhammad
    Fauzi" are not.
    """
    return names_agree(a, b)


def _ddmmyy_far(own, encoded) -> bool:
    """A row's ``ddmmyy`` is no typo of the one its NIK encodes: more than one edit, not day and month
    swapped, not the day before or after (:func:`linkage.dates.birth_far`)."""
    if not isinstance(own, str) or not isinstance(encoded, str):
        return False
    if DamerauLevenshtein.distance(own, encoded, score_cutoff=1) <= 1:
        return False
    if own[:2] == encoded[2:4] and own[2:4] == encoded[:2] and own[4:] == encoded[4:]:
        return False
    return not one_day_apart(ddmmyy_date(own), ddmmyy_date(encoded))


@dataclass
class ExactPass:
    """Outcome of stage 1."""

    group: np.ndarray  # per row: NIK group id, -1 when the row has no (trusted) valid NIK
    group_nik: np.ndarray  # NIK of each group
    detached: np.ndarray  # per row: valid NIK set aside as someone else's
    blocked_group: np.ndarray  # per row: the group a detached row must never join, else -1
    edges: pd.DataFrame  # exact_nik links


def name_close(a, b) -> bool:
    """Looser than :func:`name_compatible`, for rows that share a valid NIK and do not contradict it.

    A different person would need the same 16 digits, so only a clearly different
    name counts as another person ("Siti Aminah" / "Siti Aisyah"); a lone given
    name, an abbreviation or two letters off in a long word do not
    (:func:`linkage.names.names_agree` with ``loose``).
    """
    return names_agree(a, b, loose=True)


def _name_clusters(members: np.ndarray, names: np.ndarray, compatible=name_compatible) -> list[list[int]]:
    """Members grouped by compatible names (single linkage; groups are small)."""
    clusters: list[list[int]] = []
    for i in members.tolist():
        home = [c for c in clusters if any(compatible(names[i], names[j]) for j in c)]
        if not home:
            clusters.append([i])
            continue
        merged = [i]
        for c in home:
            merged.extend(c)
            clusters.remove(c)
        clusters.append(merged)
    return clusters


def exact_pass(feats: pd.DataFrame) -> ExactPass:
    """Group rows by valid NIK and detach rows that carry someone else's NIK.

    In a group, the *owners* are the rows whose birth date and sex agree with what
    the NIK encodes (failing that, the rows that do not contradict it); when the
    owners' names have nothing in common, the name with most rows keeps the NIK.
    Any other row is detached only on evidence that someone else holds the NIK:
    it agrees with the NIK's birth date and sex but its name shares no word with
    any owner's (:func:`linkage.names.names_related`); it lacks a birth date or
    sex and its name is clearly different (:func:`name_close`: an abbreviation, a
    lone given name or an old spelling is no evidence); or it contradicts the
    NIK's birth date or sex and its name is not compatible, or its birth date is
    no typo of the owners'. A group without owners (every row contradicts the NIK
    further than a slip) is detached whole (:func:`_ownerless_copies`).
    """
    valid = feats["nik"].notna().to_numpy()
    group = np.full(len(feats), -1, dtype=np.int64)
    codes, uniques = pd.factorize(feats.loc[valid, "nik"], sort=False)
    group[valid] = codes
    group_nik = np.asarray(uniques, dtype=object)
    sizes = np.bincount(group[valid], minlength=len(group_nik))
    agreement = _nik_agreement(feats)

    detached = np.zeros(len(feats), dtype=bool)
    suspect = _suspect_groups(feats, group, valid, sizes, agreement)
    if len(suspect):
        names = feats["name"].to_numpy(dtype=object)
        births = feats["birth"].to_numpy(dtype=object)
        certs = _full_numbers(feats)
        for members in _members_by_group(group, suspect):
            detached[_others_in_group(members, names, births, agreement, certs)] = True
    detached |= _single_row_copies(feats, group, valid, sizes, agreement)

    blocked = np.full(len(feats), -1, dtype=np.int64)
    blocked[detached] = group[detached]
    group[detached] = -1
    edges = _exact_edges(group)
    return ExactPass(group=group, group_nik=group_nik, detached=detached, blocked_group=blocked, edges=edges)


@dataclass
class _NikAgreement:
    """Per row, how its birth date and sex compare with what its valid NIK encodes."""

    agrees: np.ndarray  # birth date agrees, sex does not contradict
    inconsistent: np.ndarray  # birth date or sex contradicts
    birth_contradicts: np.ndarray
    slip: np.ndarray  # the birth date contradicts by a slip only (one edit, day and month swapped), sex does not


def _nik_agreement(feats: pd.DataFrame) -> _NikAgreement:
    """:class:`_NikAgreement` from the ``nik_birth_ok`` / ``nik_sex_ok`` features (null: nothing to compare)."""
    birth_ok = feats["nik_birth_ok"]
    sex_ok = feats["nik_sex_ok"]
    birth_contradicts = (birth_ok == False).fillna(False).to_numpy(dtype=bool)  # noqa: E712
    slip = birth_contradicts & (sex_ok != False).fillna(True).to_numpy(dtype=bool)  # noqa: E712
    if slip.any():
        at = np.flatnonzero(slip)
        own = feats["ddmmyy"].to_numpy(dtype=object)[at]
        encoded = feats["nik_ddmmyy"].to_numpy(dtype=object)[at]
        slip[at] = [not _ddmmyy_far(a, b) for a, b in zip(own, encoded)]
    return _NikAgreement(
        agrees=(birth_ok.fillna(False) & (sex_ok != False).fillna(True)).to_numpy(dtype=bool),  # noqa: E712
        inconsistent=((birth_ok == False) | (sex_ok == False)).fillna(False).to_numpy(dtype=bool),  # noqa: E712
        birth_contradicts=birth_contradicts,
        slip=slip,
    )


def _suspect_groups(feats: pd.DataFrame, group: np.ndarray, valid: np.ndarray, sizes: np.ndarray,
                    agreement: _NikAgreement) -> np.ndarray:
    """NIK groups of two rows or more that may hold someone else's row (ascending).

    Only groups with a row contradicting the NIK, or with two different names, need a look; a row
    without a name (a blank cell, a portal field no header names) is no second name.
    """
    frame = pd.DataFrame({"g": group[valid], "name": feats.loc[valid, "name"].to_numpy(dtype=object)})
    names_per_group = frame.groupby("g")["name"].nunique(dropna=True).reindex(range(len(sizes)), fill_value=1)
    suspect = set(np.unique(group[agreement.inconsistent & valid]).tolist())
    suspect |= set(np.flatnonzero(names_per_group.to_numpy() > 1).tolist())
    return np.array(sorted(g for g in suspect if sizes[g] >= 2), dtype=np.int64)


def _members_by_group(group: np.ndarray, wanted: np.ndarray) -> list[np.ndarray]:
    """The rows of each group in ``wanted`` (ascending rows), groups in ascending order."""
    rows = np.flatnonzero(np.isin(group, wanted))
    order = rows[np.argsort(group[rows], kind="stable")]
    bounds = np.flatnonzero(np.diff(group[order])) + 1
    return np.split(order, bounds)


def _nik_owners(members: np.ndarray, names: np.ndarray, agreement: _NikAgreement) -> list[int]:
    """The rows of one NIK group that hold its NIK (see :func:`exact_pass`).

    Failing rows that agree or do not contradict, the rows whose date is one slip
    off the NIK's. None when every row contradicts it further: no evidence which row
    holds it.
    """
    owners = members[agreement.agrees[members]]
    compatible = names_related
    if not len(owners):
        owners = members[~agreement.inconsistent[members]]
        compatible = name_close
    if not len(owners):
        # A NIK mistyped in its date digits (or a date one slip off) beside the row below
        # that copied it: the row whose date is a slip of the NIK's holds it.
        owners = members[agreement.slip[members]]
    if not len(owners):
        return []
    # A row without a name says nothing about whose name the NIK goes with: the named rows decide,
    # and the nameless owners hold the NIK beside them.
    nameless = [i for i in owners.tolist() if not _has_name(names[i])]
    named = np.array([i for i in owners.tolist() if _has_name(names[i])], dtype=np.int64)
    if not len(named):
        return nameless
    clusters = _name_clusters(named, names, compatible)
    if len(clusters) > 1:
        # The NIK belongs to the name most rows give (ties: the earliest row).
        clusters.sort(key=lambda c: (-len(c), min(c)))
    return clusters[0] + nameless


def _has_name(name) -> bool:
    return isinstance(name, str) and bool(name)


def _full_numbers(feats: pd.DataFrame) -> np.ndarray:
    """Per row its registration number when written out in full (:data:`FULL_NUMBER_CHARS`), else None."""
    certs = feats["cert"].to_numpy(dtype=object) if "cert" in feats else np.full(len(feats), None, dtype=object)
    return np.array([c if isinstance(c, str) and len(c) >= FULL_NUMBER_CHARS else None for c in certs], dtype=object)


def _others_in_group(members: np.ndarray, names: np.ndarray, births: np.ndarray,
                     agreement: _NikAgreement, certs: np.ndarray | None = None) -> list[int]:
    """Rows of one NIK group that carry someone else's NIK (see :func:`exact_pass`).

    A row with an owner's full registration number is the owner's whatever its name: one certificate
    has one holder, and a recap that copies a regency's row copies its NIK and number together, where
    a NIK copied from the row above comes with the other person's own number (or none).
    """
    owner_set = _nik_owners(members, names, agreement)
    if not owner_set:
        return _ownerless_copies(members)
    owner_certs = {certs[i] for i in owner_set if certs[i] is not None} if certs is not None else set()
    owner_names = [names[i] for i in owner_set]
    owner_births = [births[i] for i in owner_set if isinstance(births[i], str)]
    agrees, inconsistent = agreement.agrees, agreement.inconsistent
    others = []
    for i in members.tolist():
        if i in owner_set or (owner_certs and certs[i] in owner_certs):
            continue
        # A date one slip off the NIK's is a clerk's typo, not a NIK copied from another
        # person (whose date is rarely that close): only a clearly different name counts then.
        strict = inconsistent[i] and not agreement.slip[i]
        same_name = names_related if agrees[i] else name_compatible if strict else name_close
        # a row without a name is someone else's only by its birth date (below), never by its name
        named_owners = [o for o in owner_names if _has_name(o)]
        if _has_name(names[i]) and named_owners and not any(same_name(names[i], o) for o in named_owners):
            others.append(i)
        elif inconsistent[i] and isinstance(births[i], str) and owner_births and birth_far(births[i], owner_births):
            others.append(i)
    return others


def _ownerless_copies(members: np.ndarray) -> list[int]:
    """Rows of a NIK group that no row owns: every row contradicts the date (or sex) it encodes further
    than a slip. All of them are detached, as :func:`_single_row_copies` detaches such a NIK on one row.

    A family card (KK) number typed in the NIK column (its date is the card's issue
    date), by one worker or by a father and his son in one sheet, or a NIK copied down
    a sheet from a row that is not in the data: the number is nobody's in evidence.
    Kept as an identity it merged the father and the son, and kept each of them away
    from their own NIK in another file (the guard refuses two valid NIKs). Detached,
    each row is placed by its name, birth date and place like a row without NIK, so
    the rows of one person (the same KK number twice) still come together there, and
    two persons never do through the number.
    """
    return members.tolist()


def _single_row_copies(feats: pd.DataFrame, group: np.ndarray, valid: np.ndarray, sizes: np.ndarray,
                       agreement: _NikAgreement) -> np.ndarray:
    """Rows whose NIK no other row carries and whose birth date is no typo of the one it encodes.

    A NIK copied from the row above (DOMAIN). Left attached, it would be an identity of
    its own and the guard would keep the row away from its real person.
    """
    copies = np.zeros(len(feats), dtype=bool)
    # 0 for rows without a valid NIK (there may be no group at all)
    row_group_size = np.zeros(len(feats), dtype=np.int64)
    row_group_size[valid] = sizes[group[valid]]
    single = np.flatnonzero((row_group_size == 1) & agreement.birth_contradicts)
    if len(single):
        own = feats["ddmmyy"].to_numpy(dtype=object)
        encoded = feats["nik_ddmmyy"].to_numpy(dtype=object)
        far = np.array([_ddmmyy_far(own[i], encoded[i]) for i in single], dtype=bool)
        copies[single[far]] = True
    return copies


def _exact_edges(group: np.ndarray) -> pd.DataFrame:
    """A star per NIK group: its first row linked to each other row (k-1 links for k rows)."""
    rows = np.flatnonzero(group >= 0)
    order = rows[np.lexsort((rows, group[rows]))]
    g = group[order]
    first = np.r_[True, g[1:] != g[:-1]] if len(g) else np.zeros(0, dtype=bool)
    anchor = order[first][np.cumsum(first) - 1]
    keep = ~first
    frame = pd.DataFrame({"rid_l": anchor[keep], "rid_r": order[keep]})
    frame["method"] = "exact_nik"
    frame["kind"] = "exact_nik"
    frame["evidence"] = "same valid NIK"
    frame["match_weight"] = np.nan
    frame["match_probability"] = np.nan
    return frame


# --------------------------------------------------------------------------------
# Stage 2: NIK repair
# --------------------------------------------------------------------------------
def _edit_description(damaged: str, nik: str) -> tuple[str, str]:
    """(kind, words) for a one-edit difference between a damaged and a valid NIK; digits by position only."""
    if len(damaged) == len(nik):
        diff = [i for i in range(len(nik)) if damaged[i] != nik[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return "transposed", f"NIK digits {diff[0] + 1} and {diff[1] + 1} swapped"
        if len(diff) == 1:
            return "typo", f"NIK digit {diff[0] + 1} differs"
        return "typo", "NIK one edit away"
    if len(damaged) < len(nik):
        return "wrong_length", f"NIK has {len(damaged)} digits: one digit of a valid NIK dropped"
    return "wrong_length", f"NIK has {len(damaged)} digits: one digit of a valid NIK doubled"


# The fewest persons a run's rows stand for when the shares of names, birth dates and places
# are counted. A run of a few dozen rows (one office, a test) would otherwise make every name
# and birth date look common (a name seen twice in 54 rows is "4% of people") and refuse
# every repair; the offices' real population is thousands of workers.
MIN_POPULATION = 5000


# A row's person for the shares: its valid NIK's group, else the row itself. A person
# reported in four files is one person with that name, not four: counted over rows, the
# name of anyone who attends many programs looked common, and their own NIK-less row was
# refused the repair that rests on the name being rare.
_PERSON = "coalesce(case when grp >= 0 then grp end, -1 - rid)"


def register_frequencies(con: duckdb.DuckDBPyConnection) -> None:
    """Tables ``name_freq``, ``birth_freq``, ``place_freq``: share of persons with each value (from
    ``feats``; a row without a valid NIK is a person of its own), counted over at least
    :data:`MIN_POPULATION` persons; table ``population`` holds that number of persons."""
    con.execute(f"create or replace temp table population as select count(distinct {_PERSON}) as n from feats")
    for column in ("name", "birth", "place"):
        con.execute(
            f"""create or replace temp table {column}_freq as
                select {column} as value,
                       count(distinct {_PERSON}) / greatest((select n from population), {MIN_POPULATION}) as f
                from feats where {column} is not null group by {column}"""
        )


# A one-edit difference between two 16-digit NIKs leaves one of these windows equal.
_TYPO_WINDOWS = (
    "substr(a.nik, 1, 8) = substr(b.nik, 1, 8)",
    "substr(a.nik, 9, 8) = substr(b.nik, 9, 8)",
    # a swap of digits 8 and 9 touches both halves: the middle window covers it
    "substr(a.nik, 1, 6) || substr(a.nik, 11, 6) = substr(b.nik, 1, 6) || substr(b.nik, 11, 6)",
)


def _typo_pairs_sql() -> str:
    """SQL: pairs of NIK groups (rows of table ``v``) sharing a window and a name or birth date or certificate.

    Same name key, or names that agree as two clerks' spellings ("Supriyadi S." /
    "Supriyadi Santoso") on the same birth date or the same registration number (a
    province recap without birth dates): those joins key on what the pair must share.
    A row without a birth date also pairs with a dated row whose birth date its NIK encodes
    (an attendance list's right NIK beside the results row's mistyped one).
    """
    agree = "names_agree(a.name, b.name)"
    # Each key: (what the join matches on, the name test asked of the pairs it matches, rank).
    # A row without a birth date of its own pairs with every row of its window: the four ways such
    # a pair is a typo are one key, so the window's pairs are listed once, not four times.
    # (1) A province recap still has the date its NIK encodes: with agreeing names (not the same
    # name, which the name key finds), that is the key when a date digit is not the one damaged.
    same_digits = "substr(a.nik, 7, 6) = substr(b.nik, 7, 6)"
    # (2, 3) An attendance list or a list of issued SKK has no birth date; its NIK may be the right
    # one, encoding the birth date the results row states while that row's own NIK was mistyped
    # inside the date digits: the undated NIK's date is the key then.
    encodes = (f"(a.birth is null and b.birth is not null and {_encodes('a.nik', 'b.birth')}) "
               f"or (b.birth is null and a.birth is not null and {_encodes('b.nik', 'a.birth')})")
    # (4) A recap whose clerk swapped two adjacent digits of the NIK: no key above holds when the
    # swap is inside the date digits, and a swap is a slip, not a namesake's NIK.
    swap = "hamming(a.nik, b.nik) = 2"
    undated = ("(a.birth is null or b.birth is null)",
               f"case when a.name = b.name then {encodes} or {swap} "
               f"when {same_digits} or {encodes} or {swap} then {agree} else false end", 1)
    # The same birth date and one NIK that no longer encodes it (one edit inside its date digits):
    # a slip for sure, so the names need only be close, as on one NIK; a person of one name
    # with a letter typed another way ("Sugianto" / "Sugiando") agrees with nothing strictly.
    same_birth = ("a.birth = b.birth and a.name <> b.name",
                  f"case when names_agree(a.name, b.name) then true "
                  f"when substr(a.nik, 7, 6) <> substr(b.nik, 7, 6) "
                  f"and ({_encodes('a.nik', 'a.birth')} or {_encodes('b.nik', 'b.birth')}) "
                  f"then names_close(a.name, b.name) else false end", 0)
    # one clerk wrote the date month first: the same date with day and month swapped
    swapped = (f"a.birth = {_swapped('b.birth')}", agree, 1)
    # One full registration number (ten letters and digits or more, not a recap's serial) has one
    # holder, as one NIK has: like rows sharing a NIK, the names need only be close. A person of
    # one name only (DOMAIN) with a letter typed another way ("Yulyani" / "Yuliani") agrees with
    # nothing strictly, and the recap repeating the number is where such a pair shows.
    same_number = ("a.cert = b.cert and a.name <> b.name",
                   f"case when names_agree(a.name, b.name) then true "
                   f"when length(a.cert) >= {FULL_NUMBER_CHARS} then names_close(a.name, b.name) else false end", 0)
    # the same words in another order are the same name ("Fitri Fauzi" / "Fauzi Fitri"), and so are they
    # with a title before them left out ("Mas Agus Salim" / "Agus Salim": linkage.names.names_equal_but_titles)
    same_words = ("case when list_sort(string_split(a.name, ' ')) = list_sort(string_split(b.name, ' ')) "
                  "then true else names_equal_but_titles(a.name, b.name) end")
    return "\nunion\n".join(
        f"""select a.grp as g1, b.grp as g2, a.rid as rid_l, b.rid as rid_r, a.nik as nik_l, b.nik as nik_r,
                   a.name, {same_words} as same_name, a.birth as birth_l, b.birth as birth_r,
                   a.sex as sex_l, b.sex as sex_r, a.cert as cert_l, b.cert as cert_r, {rank} as via_date
            from v a join v b on {join} and a.grp < b.grp and {window}
                 and case when {_nik_near()} then {test} else false end"""
        for window in _TYPO_WINDOWS
        # the link a merge is shown by: a pair sharing name, birth date or number before one
        # that shares only the NIK's date
        for join, test, rank in (("a.name = b.name", "true", 0), same_birth, same_number, undated, swapped)
    )


# What :data:`_TYPO_MERGES_SQL` keeps of any pair (:func:`_nik_near`): NIKs one edit apart (two positions differ at
# most: ``hamming``, the same 16 digits) or one the other rounded. A key's name rule is asked
# only behind it (a CASE: DuckDB may order a conjunction either way): one district's persons
# born one day share a window and differ in several serial digits, and the name rule, a Python
# call per pair, was asked of every one of them (288,000 same-birth pairs in one window of the
# 630k world), though the merge drops them whatever the names say.
def _nik_near() -> str:
    """SQL: NIKs ``a.nik`` and ``b.nik`` near enough for :data:`_TYPO_MERGES_SQL` to keep their pair."""
    return f"(hamming(a.nik, b.nik) <= 2 or {rounded_either('a.nik', 'b.nik')})"


def _swapped(birth: str) -> str:
    """SQL: the ISO date ``birth`` with day and month swapped (no valid date for days above 12)."""
    return f"(substr({birth}, 1, 5) || substr({birth}, 9, 2) || '-' || substr({birth}, 6, 2))"


_TYPO_MERGES_SQL = """
    with v as (
        -- the row's own birth date: the one its NIK encodes is what is in question here
        select grp, any_value(nik) as nik, name, birth, sex, cert, min(rid) as rid
        from (select grp, nik, name, case when birth_from_nik then null else birth end as birth, sex, cert, rid
              from feats) own
        where grp >= 0 and name is not null
        group by grp, name, birth, sex, cert
    ), sizes as (
        select grp, count(*) as size from feats where grp >= 0 group by grp
    ), group_files as (
        -- each group's lists as one short list: a pair's test is then a join on the two groups,
        -- where a join of files to files grows with the square of an office's list (190,000
        -- rows in one file spilled 70 GB)
        select grp, list(distinct src) as srcs from feats where grp >= 0 group by grp
    ), neighbourhood as (
        -- persons who could be a namesake at one edit: same province and same date-and-sex digits
        select substr(nik, 1, 2) || substr(nik, 7, 6) as hood, count(distinct nik) as niks
        from feats where grp >= 0 group by hood
    ), pairs as ({pairs})
    select p.g1, p.g2, p.rid_l, p.rid_r, p.nik_l, p.nik_r
    from pairs p
    join sizes s1 on s1.grp = p.g1 join sizes s2 on s2.grp = p.g2
    join name_freq nf on nf.value = p.name
    join group_files f1 on f1.grp = p.g1 join group_files f2 on f2.grp = p.g2
    left join neighbourhood h on h.hood = substr(p.nik_l, 1, 2) || substr(p.nik_l, 7, 6)
    where ({one_edit} or {rounded_pair})
      and (p.birth_l = p.birth_r or p.birth_l = {swapped_r}
           or ((p.birth_l is null or p.birth_r is null)
               and (substr(p.nik_l, 7, 6) = substr(p.nik_r, 7, 6) or p.cert_l = p.cert_r))
           -- the undated row's NIK encodes the birth date the dated row states (the dated row's
           -- own NIK, one edit off inside the date digits, does not): see undated_encodes
           or (p.birth_l is null and {encodes_l_r}) or (p.birth_r is null and {encodes_r_l})
           -- two adjacent digits swapped beside a row without birth date (see undated_swap)
           or ((p.birth_l is null or p.birth_r is null) and {one_edit} and hamming(p.nik_l, p.nik_r) = 2))
      and coalesce(p.sex_l = p.sex_r, true)
      and (least(s1.size, s2.size) = 1
           -- a typo copied into every year's file of an office's reused roster recurs too; inside
           -- the date digits it is still certain when the other NIK encodes the birth date both
           -- rows state (a namesake's NIK would encode it as well)
           or (substr(p.nik_l, 7, 6) <> substr(p.nik_r, 7, 6) and p.birth_l = p.birth_r
               and ({encodes_l} or {encodes_r})))
      -- an edit inside the date digits contradicts the shared birth date, and one into a
      -- region code that does not exist cannot be a real NIK: a typo for sure; elsewhere
      -- it is what a namesake's NIK looks like (twins: serials one apart), so the name
      -- must be the same and rare among the other persons of the neighbourhood (the
      -- pair itself is one of its NIKs); two spellings that merely agree ("Dodi S." /
      -- "Dedi Rudi Syahputra") are what twins' names look like too
      and (substr(p.nik_l, 7, 6) <> substr(p.nik_r, 7, 6)
           or p.cert_l = p.cert_r
           -- Excel's truncation copied back as text (the 16th digit shows as 0): the damage
           -- NIK repair accepts on agreeing names alone when it arrives as 15 digits
           or (left(p.nik_l, 15) = left(p.nik_r, 15) and (right(p.nik_l, 1) = '0' or right(p.nik_r, 1) = '0'))
           -- the same, by a program that rounded to 15 significant digits (0046 -> 0050)
           or {rounded_pair}
           or ((substr(p.nik_l, 1, 4) in (select code from regencies))
               <> (substr(p.nik_r, 1, 4) in (select code from regencies)))
           -- two adjacent digits swapped: a twin's or namesake's serial differs by a substitution
           -- (registered one after the other: 0011 / 0012), and a swap that lands on another
           -- real NIK of the same birth date, sex and an agreeing name is far rarer than the slip
           or hamming(p.nik_l, p.nik_r) = 2
           or (p.same_name and greatest(coalesce(h.niks, 1) - 1, 1) * nf.f < {rare_expected}
               -- but not what namesakes look like even with a rare name: serials one apart in one
               -- district (Dukcapil numbers the persons of one district, birth date and sex in
               -- turn: twins, or two namesakes registered one after the other), or both NIKs in
               -- one list (a participant is written once per certificate: the same name and birth
               -- date twice in one program's list is as often two persons of one batch)
               -- (unless the two are one NIK through a float64: above 2**53, every Papua NIK,
               -- a double holds even numbers only and an odd serial is printed one off)
               and not (substr(p.nik_l, 1, 12) = substr(p.nik_r, 1, 12)
                        and abs(cast(substr(p.nik_l, 13, 4) as integer)
                                - cast(substr(p.nik_r, 13, 4) as integer)) = 1
                        and cast(p.nik_l as double) <> cast(p.nik_r as double))
               and not list_has_any(f1.srcs, f2.srcs)))
    qualify row_number() over (partition by p.g1, p.g2 order by p.via_date, p.rid_l, p.rid_r) = 1
    order by p.g1, p.g2
"""


def typo_merges(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Pairs of valid-NIK groups one edit apart with agreeing names, the same birth date and sex.

    Reads the registered table ``feats`` (with ``grp``). One side must be a single
    row: a typo is made once, while two namesakes registered in one district on
    one day both recur. Except a typo in the date digits beside a NIK that encodes
    the birth date both rows give: an office reusing its roster copies the typo
    into every year's file, and no namesake's NIK encodes another birth date. An edit outside the date digits (7-12) is what such
    namesakes look like, so there the name must be rare: expected namesakes among
    the NIKs of the province with the same date digits below :data:`RARE_EXPECTED`
    (or both rows report the same certificate).
    A region code (digits 1-4) that is no regency (reference/regions.csv) on
    exactly one side is a typo for sure, like an edit inside the date digits:
    Dukcapil issues no NIK there, so no namesake can hold it.
    A sheet without birth dates (a province's recap) still has the date in the
    NIK: a missing birth date is accepted when the edit is outside the date digits
    or both rows report the same certificate; such a pair is found by its names
    agreeing and its NIKs encoding the same date. A birth date with day and month
    swapped is the same date (an office writing month first).
    Two adjacent digits swapped is a slip, not a namesake (whose serial differs
    by a substitution), wherever it is.
    Returns ``g1, g2, rid_l, rid_r, nik_l, nik_r``.
    """
    _register_regencies(con)
    rounded_pair = rounded_either("p.nik_l", "p.nik_r")
    return con.sql(_TYPO_MERGES_SQL.format(pairs=_typo_pairs_sql(), rare_expected=RARE_EXPECTED,
                                           swapped_r=_swapped("p.birth_r"), rounded_pair=rounded_pair,
                                           one_edit=one_edit_same_length("p.nik_l", "p.nik_r"),
                                           encodes_l=_encodes("p.nik_l", "p.birth_l"),
                                           encodes_l_r=_encodes("p.nik_l", "p.birth_r"),
                                           encodes_r_l=_encodes("p.nik_r", "p.birth_l"),
                                           encodes_r=_encodes("p.nik_r", "p.birth_r"))).df()


def one_edit_same_length(a: str, b: str) -> str:
    """SQL: two strings of the same length (valid NIKs: 16 digits) exactly one Damerau-Levenshtein edit apart.

    At the same length one edit is one substitution or two adjacent characters swapped,
    so at most two positions differ: ``hamming`` (a tenth of ``damerau_levenshtein``'s
    cost) settles the pairs one position apart and rules out the many further apart, and
    ``damerau_levenshtein`` is asked only about the pairs two positions apart. On the
    national 100k world x4 (1.36M NIK pairs sharing a window and a name) the typo merge
    went from 32 s to 9 s.
    """
    return f"(hamming({a}, {b}) = 1 or (hamming({a}, {b}) = 2 and damerau_levenshtein({a}, {b}) = 1))"


def _encodes(nik: str, birth: str) -> str:
    """SQL: the NIK's date digits (women's day less 40) are the ISO date ``birth``."""
    return (f"(lpad(cast(try_cast(substr({nik}, 7, 2) as integer) % 40 as varchar), 2, '0') || substr({nik}, 9, 4)"
            f" = substr({birth}, 9, 2) || substr({birth}, 6, 2) || substr({birth}, 3, 2))")


def rounded_15(nik: str) -> str:
    """SQL: the first 15 significant digits of the 16-digit ``nik`` rounded, as a float printed with
    15 significant digits shows them ("6472030109790028" -> "647203010979003").

    Excel cuts a typed number to 15 digits (the first 15 of the NIK), but a program that
    turns the NIK into a float and prints it ('%.14E', a spreadsheet library writing a
    number format) rounds the 16th into the 15th: half of such NIKs then differ from the
    true one in the 15th digit, and a carry can reach further.
    """
    return f"cast((cast({nik} as hugeint) + 5) // 10 as varchar)"


def rounded_16(nik: str) -> str:
    """SQL: :func:`rounded_15` back as 16 digits, the 16th 0 (a rounded float copied back as text)."""
    return f"({rounded_15(nik)} || '0')"


def rounded_either(a: str, b: str) -> str:
    """SQL: one of the 16-digit NIKs ``a`` and ``b`` is the other rounded (:func:`rounded_16`).

    :func:`rounded_16` ends in 0, so the other's last digit rules out nine pairs in ten
    before the 128-bit arithmetic, which is then asked about the rest only.
    """
    return (f"((right({b}, 1) = '0' and {rounded_16(a)} = {b})"
            f" or (right({a}, 1) = '0' and {rounded_16(b)} = {a}))")


def _float_rounded(a: str, b: str) -> bool:
    """One of two 16-digit NIKs is the other rounded to 15 significant digits (:func:`rounded_15`), not
    cut, and differs from it in more than the 16th digit."""
    return a[:15] != b[:15] and any(str((int(x) + 5) // 10) + "0" == y for x, y in ((a, b), (b, a)))


def _register_regencies(con: duckdb.DuckDBPyConnection) -> None:
    """Table ``regencies(code)``: the 4-digit region codes a NIK can start with."""
    con.execute("create or replace temp table regencies as select unnest($1::varchar[]) as code",
                [sorted(REGENCY_CODES)])


def typo_edges(merges: pd.DataFrame) -> pd.DataFrame:
    """Links (with evidence) for :func:`typo_merges`."""
    rows = []
    for rec in merges.itertuples(index=False):
        kind, words = _edit_description(rec.nik_l, rec.nik_r)
        if _float_rounded(rec.nik_l, rec.nik_r):
            kind, words = "excel_truncated", "a NIK rounded to 15 significant digits (the 16th shows as 0)"
        unknown = [n for n in (rec.nik_l, rec.nik_r) if n[:4] not in REGENCY_CODES]
        if len(unknown) == 1:
            words += f" ({unknown[0][:2]}.{unknown[0][2:4]} is no regency or city)"
        rows.append((rec.rid_l, rec.rid_r, "nik_repair", kind,
                     f"{words} between two valid NIKs, one of them on a single row; names agree, same "
                     "birth date and sex"))
    frame = pd.DataFrame(rows, columns=["rid_l", "rid_r", "method", "kind", "evidence"])
    frame["match_weight"] = np.nan
    frame["match_probability"] = np.nan
    return frame


_REPAIR_SQL = """
with cand as (
    -- Excel kept 15 significant digits: they are the first 15 of the true NIK.
    select r.rid, v.rid as vrid, 'excel_truncated' as kind
    from r join v on r.nik_status = 'excel_truncated' and length(r.digits) = 15 and substr(v.nik, 1, 15) = r.digits
    union all
    -- ... or, printed by a program, rounded: the 16th digit carried into the 15th (rounded_15)
    select r.rid, v.rid, 'excel_truncated'
    from r join v on r.nik_status = 'excel_truncated' and length(r.digits) = 15
         and {rounded_v} = r.digits and substr(v.nik, 1, 15) <> r.digits
    {one_edit}
    {wrong_length}
    union all
    -- An export showed a few leading digits: they must start the NIK; name and birth date decide.
    select r.rid, v.rid, 'scientific_notation'
    from r join v on r.nik_status = 'scientific_notation' and r.name = v.name and r.birth = v.birth
         and starts_with(v.nik, r.digits)
    union all
    -- Ten digits or more are region, district, day and month of birth: evidence of their
    -- own for a row without birth date (an attendance list), with agreeing names.
    select r.rid, v.rid, 'scientific_notation'
    from r join v on r.nik_status = 'scientific_notation' and length(r.digits) >= 10
         and left(v.nik, 10) = left(r.digits, 10) and starts_with(v.nik, r.digits)
    union all
    -- No usable NIK (missing, or a detached copy): name and birth date decide.
    select r.rid, v.rid, case when r.detached then 'copied' else 'missing' end
    from r join v on (r.nik_status = 'missing' or r.detached) and r.name = v.name and r.birth = v.birth
    union all
    -- ... the same words in another order ("Saragih Budi" / "Budi Saragih"): names_agree below
    select r.rid, v.rid, case when r.detached then 'copied' else 'missing' end
    from r join v on (r.nik_status = 'missing' or r.detached) and r.birth = v.birth and r.name <> v.name
         and list_sort(string_split(r.name, ' ')) = list_sort(string_split(v.name, ' '))
    union all
    -- ... the same personal name, Balinese titles left out ("Putu Ariani" / "Ni Luh Putu Ariani"); titles of
    -- another birth order or caste make names_agree below refuse
    select r.rid, v.rid, case when r.detached then 'copied' else 'missing' end
    from r join v on (r.nik_status = 'missing' or r.detached) and r.birth = v.birth and r.name <> v.name
         and r.personal = v.personal
)
select distinct c.rid, c.vrid, c.kind, v.cid,
       -- the same words in another order are the same name: a twin's or namesake's NIK
       -- written with the words as they are must not outrank it
       list_sort(string_split(r.name, ' ')) = list_sort(string_split(v.name, ' ')) as name_exact,
       r.personal = v.personal as personal_equal,
       r.birth = v.birth as birth_equal,
       r.place = v.place as place_equal,
       r.sex = v.sex as sex_equal,
       r.digits, v.nik,
       -- expected namesakes: rows sharing name, birth date and place by chance
       (select n from population) * coalesce(nf.f, 1) * coalesce(bf.f, 1) * coalesce(pf.f, 1) as expected
from cand c join r on r.rid = c.rid join v on v.rid = c.vrid
left join name_freq nf on nf.value = r.name
left join birth_freq bf on bf.value = r.birth
left join place_freq pf on pf.value = r.place
-- (a CASE asks the Python name rule last, of the pairs every other test keeps: DuckDB may order
-- a conjunction either way, and a NIK window narrowed by the birth date holds many pairs whose
-- digits are further than one edit apart)
where case when (c.kind <> 'one_edit' or damerau_levenshtein(r.digits, v.nik) = 1)
  and (c.kind <> 'wrong_length' or levenshtein(r.digits, v.nik) = 1)
  and coalesce(r.sex = v.sex, true)
  and (coalesce(r.birth = v.birth, true)
       -- digits that still encode the same birth date as the valid NIK (Excel's 15, a slip
       -- outside the date): a row's date one typo or a day/month swap away from the other
       -- row's is a clerk's slip, not another person
       or (c.kind in ('excel_truncated', 'one_edit') and substr(r.digits, 7, 6) = substr(v.nik, 7, 6)
           and r.birth[1:4] = v.birth[1:4]
           and (damerau_levenshtein(r.birth, v.birth) <= 1
                or (r.birth[6:7] = v.birth[9:10] and r.birth[9:10] = v.birth[6:7]))))
  and (c.kind not in ('missing', 'copied', 'scientific_notation') or coalesce(r.place = v.place, true))
  and v.cid <> coalesce(r.blocked_cid, -1)
  then names_agree(r.name, v.name) else false end
"""


def _window_union(kind: str, status: str, length_check: str, windows: list[tuple[str, str]]) -> str:
    parts = []
    # Narrowed by the name, the birth date, or the first word of the name (an
    # abbreviated name on a row without birth date: "Muhammad S." / "Muhammad Sulaiman").
    for narrow in ("r.name = v.name", "r.birth = v.birth", "split_part(r.name, ' ', 1) = split_part(v.name, ' ', 1)"):
        for left, right in windows:
            parts.append(
                f"union all select r.rid, v.rid, '{kind}' from r join v on r.nik_status = '{status}' "
                f"and {length_check} and {narrow} and {left} = {right}"
            )
    return "\n    ".join(parts)


def repair_candidates(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Candidate (residual row, valid-NIK row) pairs that pass the evidence rules.

    Reads registered tables ``r`` (residual rows), ``v`` (rows with a trusted valid
    NIK and their cluster ``cid``), ``feats`` and the frequency tables.
    """
    one_edit = _window_union(
        "one_edit", "invalid", "length(r.digits) = 16",
        [("substr(r.digits, 1, 8)", "substr(v.nik, 1, 8)"),
         ("substr(r.digits, 9, 8)", "substr(v.nik, 9, 8)"),
         ("substr(r.digits, 1, 6) || substr(r.digits, 11, 6)", "substr(v.nik, 1, 6) || substr(v.nik, 11, 6)")],
    )
    # A dropped or doubled digit keeps everything before it, and everything after it
    # counted from the end: one of the two 7-digit ends is intact.
    wrong_length = _window_union(
        "wrong_length", "wrong_length", "length(r.digits) in (15, 17)",
        [("substr(r.digits, 1, 7)", "substr(v.nik, 1, 7)"), ("right(r.digits, 7)", "right(v.nik, 7)")],
    )
    sql = _REPAIR_SQL.format(one_edit=one_edit, wrong_length=wrong_length, rounded_v=rounded_15("v.nik"))
    candidates = con.sql(sql).df()
    return _with_rivals(con, candidates)


# Another person (a NIK identity) whose name agrees with the row's (names_agree: one of them
# abbreviated, a word left out, old spelling; not a one-letter slip), born the same day, with a birth place and sex that do
# not disagree: a namesake the name-and-birth repairs cannot tell from their candidate.
_RIVALS_SQL = """
select distinct c.rid, c.cid
from cand c join r on r.rid = c.rid
join v on v.birth = r.birth
     -- (a CASE asks the Python name rule last: see _REPAIR_SQL)
     and case when v.cid <> c.cid
     and coalesce(v.place = r.place, true) and coalesce(v.sex = r.sex, true)
     and v.cid <> coalesce(r.blocked_cid, -1)
     -- a name one letter from the row's, as many words, is a twin's or a sibling's (Hendra / Hendri
     -- Gunawan), not the row's person written otherwise: the row's own spelling names its candidate
     and not (len(string_split(r.name, ' ')) = len(string_split(v.name, ' ')) and levenshtein(r.name, v.name) = 1)
     then names_agree(r.name, v.name) else false end
"""


def _with_rivals(con: duckdb.DuckDBPyConnection, candidates: pd.DataFrame) -> pd.DataFrame:
    """``candidates`` with ``rival``: for the repairs resting on name, birth date and place (missing NIK,
    copied NIK), another person fits the row as well (:data:`_RIVALS_SQL`).

    The repair matches the name key exactly ("Muhammad J." to the "Mhd. J." of one NIK), but a
    namesake's NIK rows may write the name in full ("Muhammad Jumadi") or shortened
    ("Zulkarnain D."), and two men born the same day in one regency with agreeing names are
    what such a row cannot tell apart: which one it is stays open (the probabilistic stage
    weighs it; two close candidates are left alone there too).
    """
    candidates = candidates.assign(rival=False)
    needs = candidates["kind"].isin(("missing", "copied")).to_numpy(dtype=bool)
    if not needs.any():
        return candidates
    con.register("cand", candidates.loc[needs, ["rid", "cid"]].drop_duplicates().reset_index(drop=True))
    try:
        rivals = con.sql(_RIVALS_SQL).df()
    finally:
        con.unregister("cand")
    if len(rivals):
        hit = pd.MultiIndex.from_frame(candidates[["rid", "cid"]]).isin(pd.MultiIndex.from_frame(rivals[["rid", "cid"]]))
        candidates["rival"] = hit & needs
    return candidates


_KIND_EVIDENCE = {
    "excel_truncated": "Excel kept 15 of the 16 NIK digits; they equal the first 15 of a valid NIK",
    "scientific_notation": "the export showed only the leading NIK digits; they start a valid NIK",
    "missing": "no NIK; name key, birth date and birth place equal those of exactly one person with a valid NIK",
    "copied": "the row's NIK belongs to another person (its name, birth date or sex contradict it); "
              "name key, birth date and birth place equal those of exactly one person with a valid NIK",
}
# Repairs whose only evidence besides a weak NIK hint is name + birth date + place.
_NEEDS_RARITY = ("missing", "copied", "scientific_notation")


def choose_repairs(candidates: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keep rows with a unique candidate person; returns (accepted links, ambiguous rows).

    Candidates with the exact name key win over one-letter variants, so a twin's
    damaged NIK goes to the twin whose name it carries. Repairs resting on name,
    birth date and place alone also need a rare combination. Ambiguous rows are
    returned for the record and left to the probabilistic stage.
    """
    empty = pd.DataFrame(columns=EDGE_COLUMNS)
    if candidates.empty:
        return empty, pd.DataFrame(columns=["rid", "candidates"])
    c = candidates.copy()
    c["name_exact"] = c["name_exact"].fillna(False).astype(bool)
    best_tier = c.groupby("rid")["name_exact"].transform("max")
    c = c[c["name_exact"] == best_tier]
    n_persons = c.groupby("rid")["cid"].transform("nunique")
    if "rival" in c:
        # another person fits a name-and-birth repair as well (_with_rivals): as ambiguous as two candidates
        n_persons = n_persons + c.groupby("rid")["rival"].transform("max").fillna(False).astype(int)
    ambiguous = n_persons[n_persons > 1].groupby(c.loc[n_persons > 1, "rid"]).max().rename("candidates").reset_index()
    c = c[n_persons == 1]
    # A shown NIK prefix of ten digits or more (region, district, birth day and month)
    # is itself rare: the unique candidate with an agreeing name is enough.
    long_prefix = (c["kind"] == "scientific_notation") & (c["digits"].str.len() >= LONG_PREFIX).fillna(False)
    common = c["kind"].isin(_NEEDS_RARITY) & (c["expected"] >= RARE_EXPECTED) & ~long_prefix
    c = c[~common]
    for column in ("birth_equal", "place_equal", "sex_equal"):
        c[column] = c[column].fillna(False).astype(bool)
    c = c.sort_values(["rid", "birth_equal", "place_equal", "sex_equal", "vrid"],
                      ascending=[True, False, False, False, True])
    c = c.drop_duplicates("rid")
    rows = []
    for rec in c.itertuples(index=False):
        kind = rec.kind
        if kind in ("one_edit", "wrong_length"):
            kind, head = _edit_description(rec.digits, rec.nik)
            if kind == "typo" and rec.digits[:15] == rec.nik[:15] and rec.digits[15] == "0":
                # a NIK typed into Excel as a number and copied back as text: serial 0000
                # made it invalid, and the lost 16th digit is what tells the repair
                kind, head = "excel_truncated", _KIND_EVIDENCE["excel_truncated"] + " (the 16th shows as 0)"
        else:
            head = _KIND_EVIDENCE[kind]
        agreed = ["name key" if rec.name_exact else "personal name, Balinese titles left out"
                  if getattr(rec, "personal_equal", False) is True else "name key one letter apart"]
        if rec.birth_equal:
            agreed.append("birth date")
        if rec.sex_equal:
            agreed.append("sex")
        if rec.place_equal:
            agreed.append("birth place")
        tail = f"; expected namesakes {rec.expected:.4f}" if kind in _NEEDS_RARITY else ""
        rows.append((rec.vrid, rec.rid, "nik_repair", kind,
                     f"{head}; agree: {', '.join(agreed)}; unique candidate{tail}"))
    edges = pd.DataFrame(rows, columns=["rid_l", "rid_r", "method", "kind", "evidence"])
    edges["match_weight"] = np.nan
    edges["match_probability"] = np.nan
    return edges, ambiguous


def certificate_candidates(feats: pd.DataFrame, component: np.ndarray) -> pd.DataFrame:
    """Rows of different persons (so far) that report the same registration number.

    A registration number belongs to one certificate and so to one person; a
    province re-reporting its regencies' certificates ("Rekap Kabupaten", often
    without birth dates and with the NIK damaged differently) is linked this way.
    Evidence still required: compatible names, sex and birth date do not
    disagree. A full number (:data:`FULL_NUMBER_CHARS` or more) is one holder's as a NIK is,
    so the names need only be close (:func:`name_close`: a title and an initial, "Gusti F." /
    "GUSTI FIRDAUS", or the given name alone); a recap's serial needs compatible names.
    Returns star links (first row of the number to each other row); the
    caller merges them through the clustering guard (two different valid NIKs
    still stay apart).
    """
    cert = feats["cert"]
    has = cert.notna().to_numpy()
    frame = pd.DataFrame({"rid": np.flatnonzero(has), "cert": cert[has].to_numpy(), "comp": component[has]})
    spread = frame.groupby("cert")["comp"].transform("nunique")
    frame = frame[spread > 1].sort_values(["cert", "rid"])
    names = feats["name"].to_numpy(dtype=object)
    births = feats["birth"].to_numpy(dtype=object)
    sexes = feats["sex"].to_numpy(dtype=object)
    rows = []
    for _, members in frame.groupby("cert", sort=False)["rid"]:
        members = members.to_numpy()
        first = members[0]
        for other in members[1:]:
            a, b = names[first], names[other]
            full = len(str(cert[first])) >= FULL_NUMBER_CHARS
            if not (name_close(a, b) if full else name_compatible(a, b)):
                continue
            if isinstance(sexes[first], str) and isinstance(sexes[other], str) and sexes[first] != sexes[other]:
                continue
            if isinstance(births[first], str) and isinstance(births[other], str) and births[first] != births[other]:
                continue
            rows.append((first, other, "same_certificate", "same_certificate",
                         "same registration number reported twice; "
                         + ("same name key" if a == b else "compatible name keys")
                         + "; sex and birth date do not disagree"))
    edges = pd.DataFrame(rows, columns=["rid_l", "rid_r", "method", "kind", "evidence"])
    edges["match_weight"] = np.nan
    edges["match_probability"] = np.nan
    return edges


def _assessment_key(rows: pd.DataFrame) -> pd.DataFrame | None:
    """Per row, the assessment it reports: jabatan (case-folded), jenjang, issue date and year (the
    date's, else the row's ``tahun``, else the year its registration number states); None when
    ``rows`` lack the columns."""
    if "jabatan_kerja" not in rows.columns or "jenjang" not in rows.columns:
        return None
    jabatan = rows["jabatan_kerja"].astype("string").str.strip().str.casefold()
    issued = (pd.to_datetime(rows["tanggal_terbit"], errors="coerce") if "tanggal_terbit" in rows.columns
              else pd.Series(pd.NaT, index=rows.index))
    year = issued.dt.year.astype("Float64")
    if "tahun" in rows.columns:
        year = year.fillna(pd.to_numeric(rows["tahun"], errors="coerce").astype("Float64"))
    if "nomor_sertifikat" in rows.columns:
        # A portal row with only "SKK-1271-2021-059620" still says its year; read up to the latest
        # year the rows state, so a serial such as 2045 is not taken for a year.
        latest = year.max()
        if pd.notna(latest) and year.isna().any():
            year = year.fillna(issue_years(rows["nomor_sertifikat"], int(latest)).astype("Float64"))
    number = (rows["nomor_sertifikat"].astype("string").str.replace(r"\D", "", regex=True).replace("", pd.NA)
              if "nomor_sertifikat" in rows.columns else pd.Series(pd.NA, index=rows.index, dtype="string"))
    return pd.DataFrame({
        "jabatan": jabatan.to_numpy(dtype=object),
        "jenjang": pd.to_numeric(rows["jenjang"], errors="coerce").astype("Float64").to_numpy(dtype=object),
        "issued": issued.dt.strftime("%Y-%m-%d").to_numpy(dtype=object),
        "year": year.to_numpy(dtype=object),
        "number": number.to_numpy(dtype=object),
    })


def _numbers_differ(a: object, b: object) -> bool:
    """Two registration numbers' digits that cannot be one certificate's: both written, and neither
    the other's tail (a recap may keep only the serial: '000777' of 'SKK-6408-2025-000777')."""
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    return not (a.endswith(b) or b.endswith(a))


def _office_provinces(rows: pd.DataFrame, office_provinces: dict[str, str] | None) -> np.ndarray:
    """Per row, its office's province code ("?" for an office the mapping lacks), or "" for every row
    without a mapping. A recap re-reports its own province's regencies: a row of one province is
    not an assessment another province's office ran (Surakarta's "TUKIMAN" is not Sleman's)."""
    if not office_provinces or "office_id" not in rows.columns:
        return np.full(len(rows), "", dtype=object)
    return rows["office_id"].map(office_provinces).fillna("?").to_numpy(dtype=object)


def _list_codes(rows: pd.DataFrame) -> np.ndarray | None:
    """Per row, a code of the list it is on (file and sheet); None without provenance."""
    file_column = next((c for c in ("source_sha256", "source_file") if c in rows.columns), None)
    if file_column is None:
        return None
    sheet = rows["source_sheet"].astype("string").fillna("") if "source_sheet" in rows.columns else ""
    return pd.factorize(rows[file_column].astype("string").fillna("") + "\x1f" + sheet)[0]


def _known_names(names: np.ndarray, component: np.ndarray, pairs: pd.DataFrame) -> dict[int, set]:
    """The names each candidate person of ``pairs`` is written under, over all its rows."""
    wanted = np.isin(component, pairs["comp_c"].unique()) & pd.notna(names)
    known: dict[int, set] = {}
    for comp, name in zip(component[wanted], names[wanted]):
        if name:
            known.setdefault(int(comp), set()).add(name)
    return known


def _assessment_fits(rid: int, group: pd.DataFrame, names: np.ndarray, sexes: np.ndarray,
                     lists: np.ndarray | None, known: dict[int, set]) -> list[tuple[int, int]]:
    """(row, person) of ``group`` (the rows reporting bare row ``rid``'s assessment) whose person is
    known under a name that agrees (``known``: person -> the names of its rows; the row reporting
    the assessment may be the clerk's "DIN S." of a person another row writes "DIAN SETIAWAN")
    and whose sex does not disagree, leaving out a person the bare row's own list already names at
    that assessment under another name: a list states each person's assessment once, so its other
    row is another person (a recap's "WIDODO H." of one regency beside "WIDODO HIDAYAT S." of
    another). Under the same name it is the row typed twice ("Taufik", then "Taufik A.Md.")."""
    listed = set()
    if lists is not None:
        listed = {comp for c, comp in zip(group["rid_c"], group["comp_c"])
                  if c != rid and lists[c] == lists[rid] and names[c] != names[rid]}
    return [(c, comp) for c, comp in zip(group["rid_c"], group["comp_c"])
            if comp not in listed and any(names_agree(names[rid], name) for name in known.get(comp, (names[c],)))
            and not (isinstance(sexes[rid], str) and isinstance(sexes[c], str) and sexes[rid] != sexes[c])]


def _assessment_links(pairs: pd.DataFrame, names: np.ndarray, sexes: np.ndarray,
                      lists: np.ndarray | None, known: dict[int, set]) -> list[tuple]:
    """Per bare row of ``pairs`` with one fitting person (:func:`_assessment_fits`), the link from
    that person's first fitting row; none for two bare rows of one list fitting one person's one
    assessment (two of his certificates one under the other in a recap both join him)."""
    rows_out, claims = [], {}
    for rid, group in pairs.groupby("rid", sort=True):
        fits = _assessment_fits(rid, group, names, sexes, lists, known)
        if not fits or len({comp for _, comp in fits}) != 1:
            continue
        first = min(c for c, _ in fits)
        assessment = tuple(group[column].iloc[0] for column in ("jabatan", "jenjang", "year", "issued"))
        claims.setdefault((lists[rid] if lists is not None else rid, fits[0][1], assessment), []).append(rid)
        rows_out.append((int(first), int(rid), "same_certificate", "same_assessment",
                         "no NIK and no birth date; the same jabatan, jenjang and issue "
                         + ("date" if isinstance(group["issued"].iloc[0], str) else "year")
                         + "; agreeing names; sex does not disagree; unique candidate person"))
    # Two bare rows of one list fitting one person's assessment: a list states it once, so one of
    # them is someone else (a recap's namesakes of two regencies), and nothing says which; even under
    # one name ("I KOMANG SUDARMA S." of Badung and of Gianyar, told apart only by a KAB/KOTA column).
    shared = {rid for rids in claims.values() if len(rids) > 1 for rid in rids}
    return [r for r in rows_out if r[1] not in shared]


def assessment_candidates(feats: pd.DataFrame, rows: pd.DataFrame, component: np.ndarray,
                          office_provinces: dict[str, str] | None = None) -> pd.DataFrame:
    """Links for rows with no NIK digits and no birth date (a province re-reporting a regency's
    certificate as 'Muhammad F. S.', 'Ratjhmat K.', 'Eko', without number) to the one person
    who reports the same assessment under an agreeing name (and no other registration number),
    in the row's own province when ``office_provinces`` (office id -> province code) is given.

    Such a row has nothing the other stages can weigh: no NIK, no birth date to block on, often
    no registration number. What it does report is the assessment: jabatan, jenjang and the issue
    date (or its year). It joins a person when, among all rows reporting that assessment (the same
    jabatan and jenjang and year, and the same date when both rows give one) with a name that
    agrees with its own (:func:`linkage.names.names_agree`, strictly: a lone given name must be
    the whole name) and a sex that does not disagree, every row is that one person's. Two
    persons fitting (namesakes certified the same day, 'Budi S.' for Budi Santoso or Budi
    Setiawan) link nothing. Star links (the person's first fitting row to the bare row), merged
    by the caller through the clustering guard.
    """
    key = _assessment_key(rows)
    empty = pd.DataFrame(columns=EDGE_COLUMNS)
    if key is None:
        return empty
    names = feats["name"].to_numpy(dtype=object)
    sexes = feats["sex"].to_numpy(dtype=object)
    has_name = pd.notna(names) & (pd.Series(names).astype("string").str.len().fillna(0).to_numpy() > 0)
    complete = has_name & key["jabatan"].notna().to_numpy() & key["jenjang"].notna().to_numpy() \
        & key["year"].notna().to_numpy()
    bare = complete & feats["digits"].isna().to_numpy() & feats["birth"].isna().to_numpy()
    if not bare.any():
        return empty
    # The name's first letter narrows the pairs: an agreeing name keeps its first word's initial.
    frame = key.assign(rid=np.arange(len(key)), comp=component,
                       initial=[n[0] if isinstance(n, str) and n else None for n in names],
                       province=_office_provinces(rows, office_provinces))
    left = frame[bare]
    right = frame[complete]
    pairs = left.merge(right, on=["jabatan", "jenjang", "year", "initial", "province"], suffixes=("", "_c"))
    pairs = pairs[pairs["comp"] != pairs["comp_c"]]
    dated = pairs["issued"].notna() & pairs["issued_c"].notna()
    pairs = pairs[~dated | (pairs["issued"] == pairs["issued_c"])]
    # Another registration number is another certificate, whatever the names: namesakes certified
    # in one year at one jabatan and jenjang ('Agus Salim' of Kutai Timur's 000777 and the
    # province's 000031) are what such a row cannot otherwise tell apart.
    if len(pairs):
        differ = [_numbers_differ(a, b) for a, b in zip(pairs["number"], pairs["number_c"])]
        pairs = pairs[~np.array(differ, dtype=bool)]
    edges = pd.DataFrame(_assessment_links(pairs, names, sexes, _list_codes(rows), _known_names(names, component, pairs)),
                         columns=["rid_l", "rid_r", "method", "kind", "evidence"])
    edges["match_weight"] = np.nan
    edges["match_probability"] = np.nan
    return edges
