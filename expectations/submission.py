"""Whole-file checks: is each file an office sent usable at all?

One row per file (the reader's report plus a few measures of its rows) is
validated against ``suites/submission.json``. A failing file is rejected on its
own; its rows go to quarantine under the file's rule, so nothing is lost and
the office's other files still publish.
"""

from __future__ import annotations

from collections import Counter

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import NamedTuple

import numpy as np
import pandas as pd

from expectations.catalogue import rule as catalogue_rule
from expectations.origin import Verdict, nik_region_codes, other_office_verdict, region_label
from expectations.validate import load_suite, run_suite_screened
from reference import FORMER_CODES
from sources.headers import RAW_COLUMNS
from sources.registry import Office
from standardize.dates import MONTHS
from standardize.fields import parse_hasil
from standardize.levels import parse_jenjang

# Rejections that need nothing from the office: a copy or a replaced first version is
# already counted once, from the file that stays. The submission check stays green for
# them (they are listed in its metadata); every other rejected file turns it red.
SETTLED_RULES = frozenset({"duplicate_submission", "superseded_by_revision", "counted_at_other_office"})

# Another registry office's file, named so by its title rows or its file name: its rows count
# at that office (expectations/copies.py settles it at publish against the owner's own files).
COUNTED_ELSEWHERE = "counted_at_other_office"

# NIKs from another province reject a file only when under 20 % are from the office's
# province and at least 80 % from one other province: another office's file is 85-95 % its
# own region's. Migrant workers keep their home KTP (Kaltim's regencies certify many
# Sulawesi Selatan KTP holders; Kutai Timur, "workers without a Kutim KTP"): a Kutai Timur
# file with two thirds Sulawesi Selatan NIKs, rejected under the former majority bar (50 %
# own, 60 % one other), is the office's own. See also expectations/origin.py.
MIN_HOME_SHARE = 0.2
MIN_OTHER_PROVINCE_SHARE = 0.8
# A file named only "X (1)" replaces "X" when at least this share of X's people are in it.
MIN_REVISION_OVERLAP = 0.5
# Below this many NIKs the share says nothing.
MIN_NIKS_FOR_SHARE = 5
# A cumulative master ("REKAP 2021-2024" then "REKAP 2021-2025") sent again under a new name:
# the later file holds at least this share of the earlier one's participations (the clerk deletes
# a row now and then: a person who never took the assessment) and more participations besides.
MIN_MASTER_COVERAGE = 0.75
# Fewer participations than this say nothing about which file continues which.
MIN_MASTER_ROWS = 3
# A batch sent again, corrected, under any name ("X (1)", "X - Copy" edited, "X update 12-08-2025", a
# new name): each of two results lists restates at least this share of the other's participations
# (the clerk corrects a few cells and deletes a row now and then) ...
MIN_RESEND_SHARE = 0.75
# ... and at least this share at the very same jenjang: a correction fixes a level here and there,
# while the same people assessed at their next level move all of them.
MIN_RESEND_SAME_LEVEL = 0.5
# Modification times this far apart say which file was saved later; closer ones are one copy
# operation's (a generator, an unzip, a sync), which say nothing.
MIN_SAVED_APART = pd.Timedelta(hours=1)


# --- file names: copies and revisions -----------------------------------------------------------

# What a browser, a sync client or a file manager appends when the same file lands twice:
# "X (1)", "X - Copy", "X - Copy (2)", "Copy of X", "X copy", "X - Salinan", "X - Salin"
# (Indonesian Windows), "X_salinan", "Salinan X", "X (salinan)", "X (conflicted copy 2024-05-01)"
# (Dropbox, Nextcloud). "(N)" alone is ambiguous: a second download of a corrected
# attachment is also "X (1)", so it is a copy only when the content is the same.
_COPY_WORD = r"(?:copy|salinan|salin|kopi|kopian)"
_NUMBERED = re.compile(r"\s*\(\s*(\d{1,3})\s*\)$")
_COPY_SUFFIXES = (
    re.compile(rf"[\s_]*[-\u2013]\s*{_COPY_WORD}(?:\s*\(\s*\d{{1,3}}\s*\))?$", re.I),  # X - Copy (2)
    re.compile(rf"\s*\([^()]*(?<![a-z]){_COPY_WORD}(?![a-z])[^()]*\)$", re.I),  # X (salinan), X (conflicted copy ...)
    re.compile(rf"[\s_.\-]+{_COPY_WORD}(?:[\s_]*\d{{1,3}})?$", re.I),  # X copy, X_salinan, X copy 2
)
_COPY_PREFIXES = (
    re.compile(rf"^{_COPY_WORD}(?:\s*\(\s*\d{{1,3}}\s*\))?\s+(?:of|dari)\s+", re.I),  # Copy of X, Salinan dari X
    re.compile(r"^(?:copy|salinan|kopian)(?:\s*\(\s*\d{1,3}\s*\))?[\s_\-]+", re.I),  # Salinan X, Copy_X
)
# Corrections meant to replace the file they name: "_revisi", "rev2", "rev.2", "revisi ke-2",
# "_perbaikan", "_koreksi", "_perubahan", "_update", "_terbaru", "_fix", "_final", "_baru",
# "v2", "(revisi)". The word must not be the tail of another word ("prev", "aktif") and "v"
# needs its number. "final" ranks above the others: it is the last word on a file.
# "fiks" is how Indonesian chat and office slang spells "fix" ("FINAL FIKS"); "edit", "diperbaiki"
# (corrected) and English "fixed", "revised" are what a clerk types after saving a corrected copy.
_REVISION_WORDS = {"revisi": 1, "rev": 1, "revised": 1, "perbaikan": 1, "diperbaiki": 1, "koreksi": 1, "perubahan": 1,
                   "update": 1, "updated": 1, "terbaru": 1, "baru": 1, "fix": 1, "fiks": 1, "fixed": 1, "edit": 1,
                   "edited": 1, "v": 1, "final": 2}
# Spellings of one word: "X_rev1" and "X_revisi 2" are steps of one numbering.
_SAME_WORD = {"rev": "revisi", "revised": "revisi", "v": "revisi", "updated": "update", "fiks": "fix", "fixed": "fix",
              "edited": "edit", "diperbaiki": "perbaikan"}
# ... also written in front: "Revisi Daftar Peserta", "Perbaikan_Hasil Uji", "REV 2 - Rekap", "FINAL Data Peserta".
_REVISION_INSIDE = re.compile(
    r"(?<=[^\s_\-.(])[\s_\-.]+\(?(revisi|perbaikan|koreksi|final)\)?(?![a-z])(?:[\s_\-.]*ke[\s\-]*(\d{1,2})(?!\d))?"
    r"(?=[\s_\-.]+[^\s_\-.])",
    re.I,
)
_REVISION_PREFIX = re.compile(
    r"^\(?\s*(revisi|rev|perbaikan|koreksi|final)(?![a-z])\.?[\s_\-]*(?:ke[\s\-]*)?(\d{1,3})?\s*\)?[\s_\-.]+",
    re.I,
)
_REVISION = re.compile(
    r"[\s_\-.]*\(?\s*(?<![a-z])(revisi|revised|rev|perbaikan|diperbaiki|koreksi|perubahan|updated|update|terbaru|baru"
    r"|fixed|fix|fiks|edited|edit|final)"
    r"\.?[\s_\-]*(?:ke[\s\-]*)?(\d{1,3})?\s*\)?$"
    r"|[\s_\-.]*(?<![a-z])(v)\.?\s*(\d{1,3})$",
    re.I,
)


@dataclass(frozen=True)
class FileName:
    """A file name taken apart: its base stem and the copy and revision markers around it."""

    name: str
    base: str  # lower-case stem without any marker: the family a file belongs to
    copies: int  # copy markers ("- Copy", "Salinan", ...) other than a bare "(N)"
    numbered: tuple[int, ...]  # bare "(N)" markers, innermost first
    revisions: tuple[tuple[int, int], ...]  # (word rank, number) of revision markers, innermost first
    words: tuple[str, ...] = ()  # the revision markers' words ("revisi", "final"), innermost first

    @property
    def markers(self) -> int:
        """How far the name is from plain: every marker counts one."""
        return self.copies + len(self.numbered) + len(self.revisions)


def parse_file_name(file_name: str) -> FileName:
    """Strip copy, "(N)" and revision markers off a file name's stem, outermost first.

    ``"Rekap 2024_revisi - Copy (2).xlsx"`` -> base ``"rekap 2024"``, one copy marker,
    one revision marker. A stem that would become empty keeps its last marker
    (``"revisi.xlsx"`` is a plain name).
    """
    stem = PurePath(file_name).stem.strip()
    copies = 0
    numbered: list[int] = []
    revisions: list[tuple[int, int]] = []
    words: list[str] = []
    changed = True
    while changed:
        changed = False
        for pattern in (*_COPY_SUFFIXES, *_COPY_PREFIXES):
            rest = pattern.sub("", stem, count=1).strip(" _-.")
            if rest != stem and rest:
                stem, copies, changed = rest, copies + 1, True
                break
        if changed:
            continue
        match = _NUMBERED.search(stem)
        if match and stem[: match.start()].strip(" _-."):
            numbered.insert(0, int(match.group(1)))
            stem, changed = stem[: match.start()].strip(" _-."), True
            continue
        match = _REVISION.search(stem)
        if match and stem[: match.start()].strip(" _-."):
            word = (match.group(1) or match.group(3)).lower()
            number = int(match.group(2) or match.group(4) or 1)
            revisions.insert(0, (_REVISION_WORDS[word], number))
            words.insert(0, _SAME_WORD.get(word, word))
            stem, changed = stem[: match.start()].strip(" _-."), True
            continue
        match = _REVISION_PREFIX.match(stem)
        if match and stem[match.end():].strip(" _-."):
            word = match.group(1).lower()
            revisions.insert(0, (_REVISION_WORDS[word], int(match.group(2) or 1)))
            words.insert(0, _SAME_WORD.get(word, word))
            stem, changed = stem[match.end():].strip(" _-."), True
    # ... or inside, before a year or a batch the name ends with: "Daftar Peserta MTU Revisi 2025"
    # corrects "Daftar Peserta MTU 2025". Only words that mean nothing else there.
    match = _REVISION_INSIDE.search(stem)
    if match:
        word = match.group(1).lower()
        revisions.insert(0, (_REVISION_WORDS[word], int(match.group(2) or 1)))
        words.insert(0, _SAME_WORD.get(word, word))
        stem = (stem[: match.start()] + stem[match.end():]).strip(" _-.")  # the separator after it stays
    return FileName(file_name, stem.casefold(), copies, tuple(numbered), tuple(revisions), tuple(words))


def revision_base(file_name: str) -> str | None:
    """The file a corrected file replaces, as a comparable stem, or None if it is not a revision.

    A bare "(N)" counts here: it is a revision whenever its content differs from the original.
    """
    parsed = parse_file_name(file_name)
    return parsed.base if parsed.revisions or parsed.numbered else None


def _row_fingerprint(rows: pd.DataFrame) -> str:
    """Order-independent hash of a file's canonical values (provenance excluded)."""
    canonical = rows[list(RAW_COLUMNS)].astype("string").fillna("\x00")
    # A 64-bit hash per row, sorted: the multiset of rows without a Python loop
    # (building one string per row cost seconds per 100k rows).
    per_row = np.sort(pd.util.hash_pandas_object(canonical, index=False).to_numpy())
    return hashlib.sha256(per_row.tobytes()).hexdigest()


def _province_shares(rows: pd.DataFrame, province_code: str) -> tuple[float, float]:
    """Share of the file's NIKs from the office's province, and from the commonest other province
    (1.0 and 0.0 when too few NIKs to say)."""
    digits = rows["nik"].astype("string").str.replace(r"\D", "", regex=True)
    digits = digits[digits.str.len() >= 2]
    if len(digits) < MIN_NIKS_FOR_SHARE:
        return 1.0, 0.0
    # a regency that moved province (the 2022 Papua split) keeps its former code on its NIKs
    provinces = (digits.str[:2] + "." + digits.str[2:4]).replace(FORMER_CODES).str[:2]
    others = provinces[provinces != province_code].value_counts()
    top_other = float(others.iloc[0]) / len(provinces) if len(others) else 0.0
    return float((provinces == province_code).mean()), top_other


def _titles(sheets_json: object) -> str:
    """The title-row text of every sheet of a file (the readers' ``SheetReport.title``)."""
    if not isinstance(sheets_json, str) or not sheets_json:
        return ""
    try:
        sheets = json.loads(sheets_json)
    except ValueError:
        return ""
    sheets = [sheet for sheet in sheets if isinstance(sheet, dict)]
    # The title rows of sheets with a header are the file's titles; the top rows of a
    # header-less sheet (a pivot, instructions) speak only when no sheet had a header.
    with_header = [sheet for sheet in sheets if sheet.get("header_row") is not None]
    return " | ".join(sheet["title"] for sheet in (with_header or sheets) if sheet.get("title"))


def _keeper_order(parsed: FileName) -> tuple:
    # The plainest name first: a file of its own before a member of a zip the intake opened
    # ("Data.zip/X.xlsx"), fewest copy/revision markers, then name order (case-blind, then
    # exact so two names differing only in case still have an order).
    in_archive = ".zip/" in parsed.name.casefold()
    return (in_archive, parsed.markers, parsed.copies, parsed.name.casefold(), parsed.name)


def _revision_order(parsed: FileName) -> tuple:
    # The latest correction last: more revision steps, then "final" over "revisi", then the
    # higher number ("rev2" after "rev1", "(2)" after "(1)"), then name order.
    return (len(parsed.revisions) + len(parsed.numbered), parsed.revisions, parsed.numbered,
            parsed.name.casefold(), parsed.name)


@dataclass
class _SubmissionFiles:
    """The per-file frame being filled in, with the lookups every step of ``submission_frame`` shares."""

    frame: pd.DataFrame  # one row per file, by position; the steps fill in its measures
    sheets: pd.Series  # each file's sheet reports (JSON), by position
    by_file: dict[tuple[str, str], pd.DataFrame]  # rows of each (file name, sha)
    parsed: dict[int, FileName]  # each file's name taken apart, by position
    live: list[int]  # readable files with rows: the only ones with content to compare
    keys: dict[int, list[tuple]] = field(default_factory=dict)  # participations, by position, once each

    def rows_of(self, position: int) -> pd.DataFrame | None:
        """The rows read from the file at ``position`` (None if it had none)."""
        return self.by_file.get(_file_key(self.frame, position))

    def participations(self, position: int) -> list[tuple]:
        """:func:`_participation_keys` of the file at ``position``, computed once per check."""
        if position not in self.keys:
            self.keys[position] = _participation_keys(self.rows_of(position))
        return self.keys[position]


def submission_frame(files: pd.DataFrame, rows: pd.DataFrame, office: Office,
                     owners: dict[str, Office] | None = None) -> pd.DataFrame:
    """One row per file with the measures the submission suite checks.

    ``duplicate_of``: among files with the same bytes or the same rows (in any order),
    exactly one counts, the plainest name (not a copy name, then name order), whatever
    the arrival order; the others name it. ``superseded_by``: among the remaining
    files of one family (same stem once copy and revision markers are stripped), the
    latest correction counts and replaces the others; a bare "(N)" is a revision only
    here, where its content differs. A file with a copy name ("- Copy", "Salinan")
    whose content is its own is not taken for a correction of anything.
    ``other_region``: the region a file from another office appears to come from.
    """
    submitted = _submission_files(files, rows)
    # Whose file is it: measured first, so another office's file can neither count as the
    # original of a copy nor replace one of this office's files as a "revision".
    _mark_origin_of_unused_files(submitted, office)
    foreign = _mark_origin_of_live_files(submitted, office, owners or {})
    keepers = _mark_duplicates(submitted, _identical_content_groups(submitted))
    _mark_superseded(submitted, _revision_families(submitted, keepers, foreign))
    _mark_superseded_resends(submitted, keepers, foreign)
    _mark_superseded_masters(submitted, keepers, foreign)
    _mark_superseded_downloads(submitted, keepers, foreign)
    return submitted.frame


def _submission_files(files: pd.DataFrame, rows: pd.DataFrame) -> _SubmissionFiles:
    """The frame with every measure at its "nothing found" value, and the lookups the steps share."""
    frame = files[["source_file", "source_sha256", "status", "reason", "rows_read"]].copy().reset_index(drop=True)
    frame["readable"] = frame["status"] != "rejected"
    # An unreadable file has no rows by definition: only its own rule should fire.
    frame["rows_if_readable"] = frame["rows_read"].astype("Float64").where(frame["readable"])
    frame["duplicate_of"] = pd.Series([None] * len(frame), dtype=object)
    frame["superseded_by"] = pd.Series([None] * len(frame), dtype=object)
    frame["home_province_share"] = 1.0
    frame["other_province_share"] = 0.0
    frame["other_region"] = pd.Series([None] * len(frame), dtype=object)
    frame["origin_evidence"] = ""
    frame["origin_named"] = False
    frame["received_at"] = (pd.to_datetime(files["received_at"], utc=True).reset_index(drop=True)
                            if "received_at" in files else pd.Series([pd.NaT] * len(frame), dtype="datetime64[ns, UTC]"))
    sheets = files["sheets"].reset_index(drop=True) if "sheets" in files else pd.Series([""] * len(frame))
    # Rows of one file: the name and the bytes together, since byte-identical copies share the sha.
    by_file = {key: part for key, part in rows.groupby(["source_file", "source_sha256"], sort=False)} if len(rows) else {}
    parsed = {position: parse_file_name(name) for position, name in frame["source_file"].items()}
    live = [p for p in frame.index if frame.at[p, "readable"] and frame.at[p, "rows_read"] > 0]
    return _SubmissionFiles(frame, sheets, by_file, parsed, live)


def _mark_origin_of_unused_files(submitted: _SubmissionFiles, office: Office) -> None:
    """Name the region of an unusable file whose top rows say it is another office's.

    A file no reader could use may still say whose it is in its top rows: another
    office's file read with this office's reader settings (its own column names).
    """
    frame = submitted.frame
    for position in frame.index.difference(submitted.live):
        titles = _titles(submitted.sheets.iloc[position])
        if titles:
            verdict = other_office_verdict(titles, pd.Series([], dtype=object), office,
                                           frame.at[position, "source_file"])
            if verdict.other_region is not None:
                frame.at[position, "other_region"] = verdict.other_region
                frame.at[position, "origin_evidence"] = verdict.evidence


def _mark_origin_of_live_files(submitted: _SubmissionFiles, office: Office, owners: dict[str, Office]) -> set[int]:
    """Measure whose each file with rows is (titles, NIK provinces); returns the other offices' files.

    A file is foreign when its titles or NIKs name another region, or when too few of its
    NIKs are from the office's own province and most of the rest from one other province.
    """
    frame = submitted.frame
    foreign: set[int] = set()
    # Where the NIKs of each file were issued, and of all files: a file is compared with the others.
    counts: dict[int, Counter] = {}
    for position in submitted.live:
        part = submitted.rows_of(position)
        counts[position] = Counter(nik_region_codes(part["nik"])) if part is not None and len(part) else Counter()
    every = sum(counts.values(), Counter())
    for position in submitted.live:
        part = submitted.rows_of(position)
        niks = part["nik"] if part is not None else pd.Series([], dtype=object)
        usual = every - counts[position]
        if part is not None and len(part):
            home, other = _province_shares(part, office.province_code)
            frame.at[position, "home_province_share"] = home
            frame.at[position, "other_province_share"] = other
        verdict = other_office_verdict(_titles(submitted.sheets.iloc[position]), niks, office,
                                       frame.at[position, "source_file"], usual=usual)
        frame.at[position, "origin_evidence"] = verdict.evidence
        if verdict.within_province and (verdict.other_region not in owners
                                        or _stays_in_province(verdict, part, office)):
            pass
        elif (verdict.other_region is not None and not verdict.named and office.level != "province"
              and verdict.other_region[:2] == office.province_code and _mostly_experts(part)):
            # NIKs alone point at another regency of the province, but the list is of experts (7-9), whom
            # only the province certifies: their KTPs say where they live, not whose list it is (a copy of
            # the province's list is then told at publish, expectations/copies.py)
            pass
        elif verdict.other_region is not None:
            frame.at[position, "other_region"] = verdict.other_region
            frame.at[position, "origin_named"] = verdict.named
            foreign.add(position)
        elif (frame.at[position, "home_province_share"] < MIN_HOME_SHARE
              and frame.at[position, "other_province_share"] >= MIN_OTHER_PROVINCE_SHARE):
            foreign.add(position)
    return foreign


def _stays_in_province(verdict: Verdict, rows: pd.DataFrame | None, office: Office) -> bool:
    """Does a file of another office of the same province stay where it landed?

    Within one province the levels decide with the titles: experts (7-9) are the province's to
    certify, skilled workers (1-6) its regencies'. A regency's list in the province's folder that
    is mostly experts (a province program held there) stays at the province. The province's list
    in a regency's folder that is not mostly experts stays at the regency (its own workers, under
    the letterhead of the province that funded the training), unless its NIKs say they are not
    the regency's people: the province also runs programs for fresh graduates at 4-6 (DOMAIN.md,
    "Who runs what"), whose participants come from across the province.
    """
    if office.level == "province":
        return _mostly_experts(rows)
    return not _mostly_experts(rows) and not verdict.not_the_regencys_people


def _mostly_experts(rows: pd.DataFrame | None) -> bool:
    """More than half of the rows stating a level are at an expert level (7-9): a province's own list."""
    if rows is None or rows.empty or "jenjang" not in rows:
        return False
    cells = [rows[column] if column in rows else pd.Series([None] * len(rows), index=rows.index)
             for column in ("jenjang", "kualifikasi", "jabatan_kerja")]
    levels = [parse_jenjang(*(None if pd.isna(value) else str(value) for value in triple)) for triple in zip(*cells)]
    stated = [level for level in levels if level]
    return bool(stated) and sum(level >= 7 for level in stated) * 2 > len(stated)


def _identical_content_groups(submitted: _SubmissionFiles) -> list[list[int]]:
    """Files with rows grouped by identical content: same bytes, or the same multiset of rows.

    Either key joins two files, so a byte copy of a file whose rows repeat a third file's
    ends up in one group with both (union-find over the keys).
    """
    frame = submitted.frame
    content: dict[int, str] = {}
    for position in submitted.live:
        part = submitted.rows_of(position)
        content[position] = "rows:" + _row_fingerprint(part) if part is not None and len(part) else ""
    parents: dict[int, int] = {p: p for p in submitted.live}
    first_by_key: dict[str, int] = {}
    for position in submitted.live:
        for key in ("sha:" + str(frame.at[position, "source_sha256"]), content[position]):
            if key in ("sha:", "sha:None", ""):
                continue
            if key in first_by_key:
                parents[_group_root(parents, position)] = _group_root(parents, first_by_key[key])
            else:
                first_by_key[key] = position
    members: dict[int, list[int]] = {}
    for position in submitted.live:
        members.setdefault(_group_root(parents, position), []).append(position)
    return list(members.values())


def _group_root(parents: dict[int, int], position: int) -> int:
    """The file that stands for ``position``'s content group (union-find, halving the path as it goes)."""
    while parents[position] != position:
        parents[position] = parents[parents[position]]
        position = parents[position]
    return position


def _mark_duplicates(submitted: _SubmissionFiles, groups: list[list[int]]) -> list[int]:
    """Within each group of identical content the plainest name counts; the others name it.

    Returns the files that count (one per group), the only candidates for a revision.
    """
    frame = submitted.frame
    keepers = []
    for group in groups:
        group.sort(key=lambda p: _keeper_order(submitted.parsed[p]))
        keeper = group[0]
        keepers.append(keeper)
        for position in group[1:]:
            same_bytes = frame.at[position, "source_sha256"] == frame.at[keeper, "source_sha256"]
            frame.at[position, "duplicate_of"] = (
                f"{frame.at[keeper, 'source_file']} ({'byte' if same_bytes else 'row'}-identical)"
            )
    return keepers


def _revision_families(submitted: _SubmissionFiles, keepers: list[int], foreign: set[int]) -> list[list[int]]:
    """The office's own counting files by family (same stem without markers).

    A file with a copy name is a family of its own: its content differs from the file it
    copies, so it is not a correction of it.
    """
    families: dict[str, list[int]] = {}
    for position in keepers:
        if position in foreign:
            continue
        name = submitted.parsed[position]
        family = name.base if name.copies == 0 else "\x00" + name.name.casefold()
        families.setdefault(family, []).append(position)
    return list(families.values())


def _content_order(rows: pd.DataFrame | None) -> tuple[int, int, int]:
    """How far a file's assessment has got: rows with a result, rows, Kompeten rows.

    A correction fills in results, adds the people left out and turns a re-assessed
    Belum Kompeten into Kompeten; it seldom takes anything away.
    """
    if rows is None or rows.empty:
        return (0, 0, 0)
    results = rows["hasil"].map(parse_hasil)
    return (int(results.notna().sum()), len(rows), int((results == "Kompeten").sum()))


def _names_order_them(first: FileName, second: FileName) -> bool:
    """True when two revision names say which came later: one is more steps from the plain
    name ("X_final_fix" after "X_final") or they are the same steps numbered apart ("rev1",
    "rev2"; "(1)", "(2)"). "X_final" beside "X_revisi", or "X_baru" beside "X_perbaikan",
    say nothing: each is a correction of X, in an order only their content tells."""
    if len(first.revisions) + len(first.numbered) != len(second.revisions) + len(second.numbered):
        return True
    return first.words == second.words and len(first.numbered) == len(second.numbered)


def _mark_superseded(submitted: _SubmissionFiles, families: list[list[int]]) -> None:
    """Corrections: one file per family counts, the latest revision; it replaces the others.

    The latest is the one the names put last; where the last names are corrections of the
    same step in words that state no order ("_final" and "_revisi"), the one whose content
    has got furthest (:func:`_content_order`), then the name order. A file in another
    sub-folder than the correction is replaced only when the correction keeps most of its
    people: "2024/Daftar Peserta.xlsx" is last year's list, not a first version of
    "2025/Daftar Peserta_revisi.xlsx", while "revisi/X (revisi).xlsx" corrects "2025/X.xlsx".
    What a correction does not replace forms a family of its own, with its own correction.
    """
    pending = [family for family in families if len(family) >= 2]
    while pending:
        family = pending.pop()
        rest = _supersede_by_latest(submitted, family)
        if rest is not None and len(rest) >= 2:
            pending.append(rest)


def _supersede_by_latest(submitted: _SubmissionFiles, family: list[int]) -> list[int] | None:
    """Mark the files the family's latest correction replaces; return the files it does not
    replace (None when the family has no correction)."""
    frame, parsed = submitted.frame, submitted.parsed
    family.sort(key=lambda p: _revision_order(parsed[p]))
    last = parsed[family[-1]]
    unordered = [p for p in family if p == family[-1] or not _names_order_them(parsed[p], last)]
    if len(unordered) > 1 and (last.revisions or last.numbered):
        family.sort(key=lambda p: (p in unordered, _content_order(submitted.rows_of(p)) if p in unordered else (),
                                   _revision_order(parsed[p])))
    winner = family[-1]
    if not (parsed[winner].revisions or parsed[winner].numbered):
        return None  # plain names only ("rekap.xlsx" and "rekap.csv"): nothing says which replaces which
    winner_folder = PurePath(parsed[winner].name).parent
    winner_keys = None
    rest = []
    for position in family[:-1]:
        # Only a bare "(N)" says it is a correction, and a browser also writes "(1)" for an
        # unrelated attachment with the same generic name ("DAFTAR PESERTA.xlsx" from two
        # e-mails); a file of the same name in another folder may be another year's list. In
        # both cases a correction keeps most of the people it corrects.
        if not parsed[winner].revisions or PurePath(parsed[position].name).parent != winner_folder:
            if winner_keys is None:
                winner_keys = _identity_keys(submitted.rows_of(winner))
            mine = _identity_keys(submitted.rows_of(position))
            if mine and len(mine & winner_keys) < MIN_REVISION_OVERLAP * len(mine):
                rest.append(position)
                continue
        frame.at[position, "superseded_by"] = frame.at[winner, "source_file"]
    return rest


def _participation_keys(rows: pd.DataFrame | None) -> list[tuple[str | None, str | None, int | None, str | None]]:
    """Each row as (NIK digits or None, folded name or None, jenjang, stated year or None), or [] when
    the file is no list of results: a registration or training list (under half its rows state a
    result) is not an earlier generation of the results list that follows it."""
    if rows is None or rows.empty:
        return []
    # one parse per distinct cell: a 100,000-row list states a handful of results
    stated = rows["hasil"].dropna().map(str).value_counts()
    if sum(int(n) for value, n in stated.items() if parse_hasil(value) is not None) * 2 < len(rows):
        return []
    digits = rows["nik"].astype("string").str.replace(r"\D", "", regex=True)
    niks = _cells(digits.where(digits.str.len() >= 10))
    names = _cells(rows["nama"].astype("string").str.casefold().str.replace(r"[^\w\s]", "", regex=True)
                   .str.split().str.join(" ").replace("", pd.NA))
    years = _cells(rows["tahun"].astype("string").str.extract(r"((?:19|20)\d\d)", expand=False))
    cells = [_cells(rows[column]) if column in rows else [None] * len(rows)
             for column in ("jenjang", "kualifikasi", "jabatan_kerja")]
    levels: dict[tuple, int | None] = {}
    for triple in set(zip(*cells)):
        levels[triple] = parse_jenjang(*(None if value is None else str(value) for value in triple))
    return list(zip(niks, names, [levels[triple] for triple in zip(*cells)], years))


def _cells(column: pd.Series) -> list:
    """A column's values as a list, None where missing (NA, NaN, None)."""
    return column.astype(object).where(column.notna(), None).tolist()


def _niks_may_be_one(first: str | None, second: str | None) -> bool:
    """Two NIK cells that may be one person's: either is missing, or they differ in at most two
    digits (a NIK the clerk fixed); otherwise the same name is two persons."""
    if first is None or second is None:
        return True
    return len(first) == len(second) and sum(a != b for a, b in zip(first, second)) <= 2


class _Restated:
    """One file's participations indexed for :func:`_held_share`: the years stated per (NIK,
    jenjang), and the NIKs stated per (name, jenjang) and year. It answers for every earlier file
    a row at a time by lookups, not by walking the same-name rows; the index is built on the
    first question (most pairs of an office's files end at :meth:`may_hold`)."""

    def __init__(self, keys: list[tuple]) -> None:
        self.keys = keys
        self.niks = {key[0] for key in keys} - {None}
        self.names = {key[1] for key in keys} - {None}
        self._by_nik: dict[tuple, set] | None = None
        self._by_name: dict[tuple, dict[str | None, set]] = {}

    def _index(self) -> dict[tuple, set]:
        if self._by_nik is None:
            self._by_nik = {}
            for nik, name, level, year in self.keys:
                if nik is not None:
                    self._by_nik.setdefault((nik, level), set()).add(year)
                if name is not None:
                    self._by_name.setdefault((name, level), {}).setdefault(year, set()).add(nik)
        return self._by_nik

    def restates(self, nik: str | None, name: str | None, level: int | None, year: str | None) -> bool:
        """Whether the file restates one participation: the same person (by NIK, or by name where
        the NIKs may be one person's) at the same jenjang, in the same year where both state one."""
        by_nik = self._index()
        if nik is not None:
            years = by_nik.get((nik, level))
            if years is not None and (year is None or year in years or None in years):
                return True
        by_year = self._by_name.get((name, level)) if name is not None else None
        if not by_year:
            return False
        groups = by_year.values() if year is None else (by_year.get(year, ()), by_year.get(None, ()))
        return any(nik is None or None in niks or any(_niks_may_be_one(nik, other) for other in niks)
                   for niks in groups if niks)

    def held(self, earlier: list[tuple]) -> int:
        """How many of ``earlier``'s participations this file restates."""
        return sum(1 for key in earlier if self.restates(*key))

    def may_hold(self, earlier: list[tuple]) -> int:
        """An upper bound of :meth:`held`: the participations whose NIK or name the file states."""
        return sum(1 for nik, name, _, _ in earlier if nik in self.niks or name in self.names)


def _held_share(earlier: list[tuple], later: list[tuple] | _Restated) -> float:
    """Share of ``earlier``'s participations that ``later`` restates: the same person (by NIK, or by
    name where the NIK was fixed or is missing) at the same jenjang, in the same year where both
    state one."""
    if not earlier:
        return 0.0
    index = later if isinstance(later, _Restated) else _Restated(later)
    return index.held(earlier) / len(earlier)


def _mark_superseded_masters(submitted: _SubmissionFiles, keepers: list[int], foreign: set[int]) -> None:
    """Earlier generations of a cumulative master: superseded by the latest file that continues them.

    Offices keep one workbook of every participant since the program began and send it whole
    again each year under a new name ("REKAP 2021-2024", then "REKAP 2021-2025"; "(update Juni
    2025)", then "(update Des 2025)"), re-sorted, a column or a sheet per year added, and with
    earlier rows corrected (a result, a NIK, a name, a number filled in, a row deleted). The
    later file is the office's current statement of every participation the earlier one listed,
    as a revision is (docs/operations.md): a file whose participations a larger file of the same
    office restates (at least ``MIN_MASTER_COVERAGE`` of them) is superseded whole, naming the last
    file of its chain. Counting both would count each participation twice and keep a Kompeten or
    a person the office withdrew.
    """
    frame = submitted.frame
    candidates = [p for p in keepers if p not in foreign and frame.at[p, "superseded_by"] is None]
    keys = {p: submitted.participations(p) for p in candidates}
    candidates = [p for p in candidates if len(keys[p]) >= MIN_MASTER_ROWS]
    index = {p: _Restated(keys[p]) for p in candidates}
    successor: dict[int, int] = {}
    for earlier in candidates:
        # A file naming under the coverage's share of the earlier one's people holds too few of
        # them whatever their levels and years: most pairs of an office's files end there.
        larger = [p for p in candidates if len(keys[p]) > len(keys[earlier])
                  and index[p].may_hold(keys[earlier]) / len(keys[earlier]) >= MIN_MASTER_COVERAGE]
        holding = [(len(keys[p]), p) for p in larger if _held_share(keys[earlier], index[p]) >= MIN_MASTER_COVERAGE]
        if holding:
            successor[earlier] = min(holding)[1]  # the next generation: the smallest file holding it
    for earlier, later in successor.items():
        while later in successor:  # strictly larger at each step, so the chain ends
            later = successor[later]
        frame.at[earlier, "superseded_by"] = (
            f"{frame.at[later, 'source_file']} (a later master of the same office: it restates "
            f"{_held_share(keys[earlier], index[later]):.0%} of this file's participations)"
        )


# --- a batch sent again under another name -----------------------------------------------------

class _Statement(NamedTuple):
    """One row of a results list as the office states it: who, at which level and jabatan, when.
    (A tuple: a 100,000-row list makes as many.)"""

    nik: str | None  # NIK digits (10 or more)
    nama: str | None  # folded name
    jenjang: int | None
    jabatan: str | None  # folded jabatan kerja
    tahun: str | None  # the program year the row states
    issued: str | None  # the year of the issue date it states


def _statements(rows: pd.DataFrame | None, keys: list[tuple] | None = None) -> list[_Statement]:
    """Each row of a results list as a :class:`_Statement`, or [] when the file is no results list
    (an attendance or registration list of the same batch is other evidence, never a re-send).
    ``keys``: the rows' :func:`_participation_keys`, when already computed."""
    keys = _participation_keys(rows) if keys is None else keys
    if not keys:
        return []
    jabatan = (rows["jabatan_kerja"].astype("string").str.casefold().str.replace(r"[^\w\s]", " ", regex=True)
               .str.split().str.join(" ").replace("", pd.NA))
    issued = rows["tanggal_terbit"].astype("string").str.extract(r"(?<!\d)((?:19|20)\d\d)(?!\d)", expand=False)
    return [_Statement(nik, nama, level, job, year, when)
            for (nik, nama, level, year), job, when in zip(keys, _cells(jabatan), _cells(issued))]


def _niks_may_be_one_or_completed(first: str | None, second: str | None) -> bool:
    """Two NIK cells that may be one person's: either is missing, or at most two digits differ,
    one dropped or added included (a NIK the clerk completed or fixed)."""
    if first is None or second is None or first == second:
        return True
    if len(first) == len(second):
        return _niks_may_be_one(first, second)
    if abs(len(first) - len(second)) != 1:
        return False
    shorter, longer = sorted((first, second), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _same_assessment(earlier: _Statement, later: _Statement, same_level: bool) -> bool:
    """Whether ``later`` restates ``earlier``: the same year where both state one, and the same
    jenjang (``same_level``) or, where a level was corrected, the same jabatan."""
    for mine, theirs in ((earlier.tahun, later.tahun), (earlier.issued, later.issued)):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    if earlier.jenjang == later.jenjang:
        return True
    return not same_level and earlier.jabatan is not None and earlier.jabatan == later.jabatan


def _restated_shares(earlier: list[_Statement], later: list[_Statement]) -> tuple[float, float]:
    """Shares of ``earlier``'s rows that ``later`` restates: at the same jenjang or jabatan, and at
    the same jenjang. The same person is the same NIK, or the same name under NIKs that may be one."""
    if not earlier:
        return 0.0, 0.0
    by_identity: dict[tuple[str, str], list[_Statement]] = {}
    for row in later:
        for identity in (("nik", row.nik), ("nama", row.nama)):
            if identity[1] is not None:
                by_identity.setdefault(identity, []).append(row)
    loose = strict = 0
    for row in earlier:
        found = by_identity.get(("nik", row.nik), []) if row.nik is not None else []
        found = found + [c for c in by_identity.get(("nama", row.nama), []) if _niks_may_be_one_or_completed(row.nik, c.nik)]
        loose += any(_same_assessment(row, c, same_level=False) for c in found)
        strict += any(_same_assessment(row, c, same_level=True) for c in found)
    return loose / len(earlier), strict / len(earlier)


def _one_batch(first: list[_Statement], second: list[_Statement]) -> float | None:
    """The smaller of the two restated shares when two results lists are one batch's (each restates
    most of the other, most at the very same jenjang), else None."""
    if min(len(first), len(second)) < MIN_MASTER_ROWS:
        return None
    shares = [_restated_shares(a, b) for a, b in ((first, second), (second, first))]
    if all(loose >= MIN_RESEND_SHARE and strict >= MIN_RESEND_SAME_LEVEL for loose, strict in shares):
        return min(loose for loose, _ in shares)
    return None


_NAME_DATES = (
    (re.compile(r"(?<!\d)(\d{1,2})[\s._-](\d{1,2})[\s._-]((?:19|20)\d\d)(?!\d)"), (3, 2, 1)),  # 12-08-2025
    (re.compile(r"(?<!\d)((?:19|20)\d\d)[\s._-](\d{1,2})[\s._-](\d{1,2})(?!\d)"), (1, 2, 3)),  # 2025-08-12
    (re.compile(r"(?<!\d)(\d{2})(\d{2})((?:19|20)\d\d)(?!\d)"), (3, 2, 1)),  # 12082025
    (re.compile(r"(?<!\d)((?:19|20)\d\d)(\d{2})(\d{2})(?!\d)"), (1, 2, 3)),  # 20250812
)
_NAME_MONTH = re.compile(r"(?<![\w])(?:(\d{1,2})[\s._-]*)?([a-z]{3,9})\.?[\s._-]*((?:19|20)\d\d)(?!\d)", re.I)


def _date_in_name(file_name: str) -> tuple[int, int, int] | None:
    """The latest date a file name states, as (year, month, day; 0 for a month alone), or None.

    Clerks date a version in its name ("update 12-08-2025", "20250812", "(update Des 2025)"); a
    year alone is the program's, not the version's.
    """
    stem = PurePath(file_name).stem
    found = []
    for pattern, (y, m, d) in _NAME_DATES:
        for match in pattern.finditer(stem):
            year, month, day = (int(match.group(i)) for i in (y, m, d))
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append((year, month, day))
    for match in _NAME_MONTH.finditer(stem):
        month = MONTHS.get(match.group(2).casefold())
        if month:
            found.append((int(match.group(3)), month, int(match.group(1) or 0)))
    return max(found) if found else None


def _words_of(stem: str) -> list[str]:
    return re.sub(r"[\s_\-.]+", " ", stem.casefold()).split()


def _revision_folder(file_name: str) -> bool:
    """Whether a sub-folder of the file's path is named as corrections ("revisi", "Perbaikan Data",
    "kirim ulang 2")."""
    return any(word in _REVISION_WORDS and word != "v" or word in ("ulang", "susulan")
               for folder in PurePath(file_name).parent.parts for word in re.findall(r"[a-z]+", folder.casefold()))


def _later_by_name(first: FileName, second: FileName) -> tuple[int, str] | None:
    """Which of two names is the later version (0 or 1) and why, or None when they do not say.

    A date each name states; a copy or revision marker one of two names of one family has more of;
    a name that is the other one with words added after or before it ("X" then "X edit", "X update
    12-08-2025", "12082025 X") or a number glued to it ("data_mahasiswa2"), as a "Save As" leaves it.
    """
    dates = [_date_in_name(first.name), _date_in_name(second.name)]
    if None not in dates and dates[0] != dates[1]:
        return int(dates[1] > dates[0]), "the date in its name"
    if first.base == second.base and first.markers != second.markers:
        return int(second.markers > first.markers), "its copy or revision markers"
    # "perbaikan/Hasil UK.xlsx" beside "Hasil UK.xlsx": the folder a clerk filed the correction in
    filed = [_revision_folder(first.name), _revision_folder(second.name)]
    if filed[0] != filed[1]:
        return int(filed[1]), "the folder it was filed in"
    words = [_words_of(first.base), _words_of(second.base)]
    for i in (0, 1):
        mine, other = words[i], words[1 - i]
        if len(mine) > len(other) and (mine[: len(other)] == other or mine[len(mine) - len(other):] == other):
            return i, "its name, the other's with words added"
        # "data_mahasiswa" then "data_mahasiswa2": a number glued to the last word
        if (len(mine) == len(other) and other and mine[:-1] == other[:-1] and mine[-1].startswith(other[-1])
                and mine[-1][len(other[-1]):].isdigit()):
            return i, "its name, the other's with a number added"
    return None


def _later_of(submitted: _SubmissionFiles, first: int, second: int) -> tuple[int, str] | None:
    """Which of two files of one batch the office sent later (a position) and on what evidence: the
    names, then the modification times; for lists of one size, the one with more complete NIKs,
    then the one that filled in certificate numbers, then name order. None for lists of two sizes the names and times do not order: a larger list
    restating a smaller one is the cumulative master's case (:func:`_mark_superseded_masters`)."""
    by_name = _later_by_name(submitted.parsed[first], submitted.parsed[second])
    if by_name is not None:
        return (first, second)[by_name[0]], by_name[1]
    frame = submitted.frame
    saved = frame.at[first, "received_at"], frame.at[second, "received_at"]
    if not pd.isna(saved[0]) and not pd.isna(saved[1]) and abs(saved[1] - saved[0]) >= MIN_SAVED_APART:
        return (first, second)[int(saved[1] > saved[0])], "its modification time"
    rows = submitted.rows_of(first), submitted.rows_of(second)
    sizes = [0 if r is None else len(r) for r in rows]
    if sizes[0] != sizes[1]:
        return None
    whole = [0 if r is None else int((r["nik"].astype("string").str.replace(r"\D", "", regex=True).str.len() == 16).sum())
             for r in rows]
    if whole[0] != whole[1]:
        return (first, second)[int(whole[1] > whole[0])], "its more complete NIKs"
    # numbers arrive weeks after the assessment: the list that states more of them, for the same
    # person and the same result, was written later
    filled = [_numbers_filled(rows[1], rows[0]), _numbers_filled(rows[0], rows[1])]
    if filled[0] != filled[1]:
        return (first, second)[int(filled[1] > filled[0])], "the certificate numbers it filled in"
    return max((first, second), key=lambda p: (frame.at[p, "source_file"].casefold(), frame.at[p, "source_file"])), \
        "name order"


def _stated_columns(rows: pd.DataFrame | None) -> frozenset[str]:
    """The canonical columns a file states anything in."""
    if rows is None or rows.empty:
        return frozenset()
    cells = rows[list(RAW_COLUMNS)].astype("string").apply(lambda column: column.str.strip())
    return frozenset(column for column in RAW_COLUMNS if (cells[column].fillna("") != "").any())


def _numbers_filled(earlier: pd.DataFrame | None, later: pd.DataFrame | None) -> int:
    """How many persons ``later`` gives a certificate number ``earlier`` lacks, under the same result."""
    def stated(rows: pd.DataFrame | None) -> dict[str, tuple[str | None, bool]]:
        if rows is None or rows.empty:
            return {}
        digits = rows["nik"].astype("string").str.replace(r"\D", "", regex=True)
        names = rows["nama"].astype("string").str.casefold().str.split().str.join(" ")
        keys = ("nik:" + digits).where(digits.str.len() >= 10, "nama:" + names)
        numbered = rows["nomor_sertifikat"].astype("string").str.contains(r"\d{3}", regex=True).fillna(False)
        results = rows["hasil"].map(lambda value: None if pd.isna(value) else parse_hasil(str(value)))
        return {k: (r, bool(n)) for k, r, n in zip(keys, results, numbered) if not pd.isna(k)}

    before, after = stated(earlier), stated(later)
    return sum(1 for key, (result, numbered) in after.items()
               if numbered and result is not None and before.get(key, (None, True)) == (result, False))


def _mark_superseded_resends(submitted: _SubmissionFiles, keepers: list[int], foreign: set[int]) -> None:
    """A batch's results list sent again, corrected, under a name that is no revision of it: the
    later file supersedes the earlier whole.

    Two results lists of the office are one batch's when each restates most of the other's
    participations (:func:`_one_batch`): the same people, in the same year, mostly at the same
    jenjang. The later one (:func:`_later_of`) is the office's current statement of that batch, as a
    revision is: counting both would count each participation twice and keep a Kompeten, a level,
    a NIK or a person the office corrected or withdrew. Other batches, the same people at their next
    jenjang or in another year, and attendance lists stay lists of their own.
    """
    frame = submitted.frame
    candidates = [p for p in keepers if p not in foreign and frame.at[p, "superseded_by"] is None]
    statements = {p: _statements(submitted.rows_of(p), submitted.participations(p)) for p in candidates}
    candidates = sorted((p for p in candidates if len(statements[p]) >= MIN_MASTER_ROWS),
                        key=lambda p: (frame.at[p, "source_file"], frame.at[p, "source_sha256"]))
    known = {p: ({r.nik for r in statements[p]} - {None}, {r.nama for r in statements[p]} - {None}) for p in candidates}
    columns = {p: _stated_columns(submitted.rows_of(p)) for p in candidates}

    def may_be_one_batch(first: int, second: int) -> bool:
        # One document's versions: a re-send keeps the clerk's columns, filling or dropping some; a
        # portal's export of the batch beside the office's own list states other columns each, and
        # is other evidence (issue dates, birth dates) that must stay. Then a set lookup per row:
        # most pairs of an office's files share few people.
        if not (columns[first] <= columns[second] or columns[second] <= columns[first]):
            return False
        return all(sum(r.nik in known[b][0] or r.nama in known[b][1] for r in statements[a])
                   >= MIN_RESEND_SHARE * len(statements[a]) for a, b in ((first, second), (second, first)))

    pending = list(candidates)
    while pending:
        position = pending.pop(0)
        batch = [p for p in pending
                 if may_be_one_batch(position, p) and _one_batch(statements[position], statements[p]) is not None]
        if not batch:
            continue
        latest, evidence, ordered = position, {}, [position]
        for other in batch:
            later = _later_of(submitted, latest, other)
            if later is not None:
                latest, evidence[later[0]] = later
                ordered.append(other)
        for other in ordered:
            share = _one_batch(statements[other], statements[latest]) if other != latest else None
            if share is None:
                continue
            frame.at[other, "superseded_by"] = (
                f"{frame.at[latest, 'source_file']} (a re-send of the same batch, later by {evidence[latest]}; "
                f"each file restates {share:.0%} or more of the other's participations)"
            )
            if other in pending:
                pending.remove(other)
        if latest in pending:
            pending.remove(latest)


# --- a paged export downloaded again -------------------------------------------------------------

# A page of a paged export: the export's name, then "page 3", "hal2", "halaman-3", "p1", "pg_04".
_PAGE = re.compile(r"^(?P<export>.*?)[ _.\-]+(?:page|halaman|hal|pg|p)[ _.\-]*\d{1,4}$", re.IGNORECASE)


def page_family(file_name: str) -> str | None:
    """The paged export a file is one page of: its name without copy markers and page number
    (``"api_peserta_page_3 (1).json"`` -> ``"api_peserta"``), or None for a name numbering no page."""
    match = _PAGE.match(parse_file_name(PurePath(file_name).name).base)
    export = match.group("export").strip(" _.-").casefold() if match else ""
    return export or None


def _undated(export: str) -> str:
    """An export's name without the dates that tell its downloads apart."""
    for pattern, _ in _NAME_DATES:
        export = pattern.sub(" ", export)
    export = _NAME_MONTH.sub(lambda m: " " if MONTHS.get(m.group(2).casefold()) else m.group(0), export)
    return " ".join(_words_of(export))


def _mark_superseded_downloads(submitted: _SubmissionFiles, keepers: list[int], foreign: set[int]) -> None:
    """An earlier download of a paged export, superseded page by page by the later download.

    A portal's export downloaded page by page in March and again in June ("export_2025-03-02_p1.json"
    ... and "export_2025-06-15_p1.json" ...): the later download is the portal's current state of the
    same list, with rows deleted and corrected since, and its pages cut at other places. Page against
    page the earlier pages may restate too little of any one later page to be taken for a re-send
    (:func:`_mark_superseded_resends`), so the downloads are compared whole: when the later one's
    pages together restate ``MIN_MASTER_COVERAGE`` of the earlier one's participations, every page of
    the earlier download is superseded, and a row the portal dropped no longer counts.
    """
    frame = submitted.frame
    downloads: dict[str, dict[tuple, list[int]]] = {}
    for position in keepers:
        export = page_family(frame.at[position, "source_file"])
        stamp = _date_in_name(export) if export else None
        if stamp is not None and position not in foreign:
            downloads.setdefault(_undated(export), {}).setdefault(stamp, []).append(position)
    for dated in downloads.values():
        if len(dated) < 2:
            continue
        latest = max(dated)
        later = [key for p in dated[latest] for key in submitted.participations(p)]
        for stamp, pages in dated.items():
            earlier = [key for p in pages for key in submitted.participations(p)]
            share = _held_share(earlier, later) if stamp != latest and len(earlier) >= MIN_MASTER_ROWS else 0.0
            if share < MIN_MASTER_COVERAGE:
                continue
            for position in pages:
                if frame.at[position, "superseded_by"] is None:
                    frame.at[position, "superseded_by"] = (
                        f"the later download of the same export ({len(dated[latest])} pages: "
                        f"{', '.join(frame.at[p, 'source_file'] for p in dated[latest])}; it restates "
                        f"{share:.0%} of this download's participations)")


def _file_key(frame: pd.DataFrame, position: int) -> tuple[str, str]:
    return frame.at[position, "source_file"], frame.at[position, "source_sha256"]


def _identity_keys(rows: pd.DataFrame | None) -> set[str]:
    """Who a file lists: each row's NIK digits (10 or more), else its name folded to lower case."""
    if rows is None or rows.empty:
        return set()
    digits = rows["nik"].astype("string").str.replace(r"\D", "", regex=True)
    names = rows["nama"].astype("string").str.casefold().str.split().str.join(" ")
    keys = ("nik:" + digits).where(digits.str.len() >= 10, "nama:" + names)
    return set(keys.dropna())


def check_submissions(files: pd.DataFrame, rows: pd.DataFrame, office: Office,
                      owners: dict[str, Office] | None = None) -> pd.DataFrame:
    """File reports with the verdict of the submission suite.

    Returns ``files`` plus ``rule`` (first failing rule or None), ``credited_office_id``
    and an updated ``status``/``reason`` for files the suite rejects.

    ``owners``: the registry's offices by region code. A readable file whose title rows or
    name say it is another registry office's is not lost: it stays accepted here under
    ``counted_at_other_office`` with ``credited_office_id`` naming that office, and its rows
    count there (:func:`forward_to_owners`).
    """
    checked = files.reset_index(drop=True).copy()
    checked["rule"] = pd.Series([None] * len(checked), dtype=object)
    checked["credited_office_id"] = pd.Series([None] * len(checked), dtype=object)
    if checked.empty:
        return checked
    frame = submission_frame(checked, rows, office, owners)
    # most offices' files all pass: GX screens first, and gives failing positions only where something failed
    outcomes = run_suite_screened(frame, load_suite("submission", {"min_home_share": MIN_HOME_SHARE,
                                                                   "min_other_share": MIN_OTHER_PROVINCE_SHARE}))
    for outcome in outcomes:
        for position in outcome.failing:
            if checked.at[position, "rule"] is not None:
                continue
            checked.at[position, "rule"] = outcome.rule
            if outcome.rule == "file_from_other_office" and not frame.at[position, "readable"]:
                # say whose it looks like, and keep what the reader found
                checked.at[position, "reason"] = (
                    f"{checked.at[position, 'reason']}; {catalogue_rule(outcome.rule).reason}: appears to come from "
                    f"{region_label(frame.at[position, 'other_region'])} ({frame.at[position, 'origin_evidence']})"
                )
                continue
            if outcome.rule == "file_unreadable":
                continue  # the reader's own reason names sheet and columns; keep it
            detail = {
                "no_data_rows": "",
                "duplicate_submission": f": {frame.at[position, 'duplicate_of']}",
                "superseded_by_revision": f": {frame.at[position, 'superseded_by']}",
                "foreign_office_data": (f": {frame.at[position, 'home_province_share']:.0%} of NIKs from province "
                                        f"{office.province_code}, {frame.at[position, 'other_province_share']:.0%} "
                                        "from one other province"),
                "file_from_other_office": (
                    f": appears to come from {region_label(frame.at[position, 'other_region'])}"
                    f" ({frame.at[position, 'origin_evidence']})"
                ),
            }[outcome.rule]
            checked.at[position, "status"] = "rejected"
            checked.at[position, "reason"] = (
                f"office {office.id}, file {checked.at[position, 'source_file']}: "
                f"{catalogue_rule(outcome.rule).reason}{detail}"
            )
    forward_to_owners(checked, frame, office, owners or {})
    return checked


def forward_to_owners(checked: pd.DataFrame, frame: pd.DataFrame, office: Office, owners: dict[str, Office]) -> None:
    """Turn each rejected ``file_from_other_office`` whose title or name names a registry
    office's region into an accepted file credited to that office (in place).

    A misfiled list is that office's certified workers: rejecting it lost them unless the
    owner also sent the file. Only a named region forwards: NIKs alone say where the workers'
    KTPs were issued, not who certified them. One file per content is forwarded (a second
    byte copy in the same folder stays rejected).
    """
    forwarded: set[str] = set()
    for position in checked.index[checked["rule"] == "file_from_other_office"]:
        owner = owners.get(frame.at[position, "other_region"] or "")
        sha = checked.at[position, "source_sha256"]
        if (owner is None or owner.id == office.id or not frame.at[position, "readable"]
                or not frame.at[position, "origin_named"] or sha in forwarded):
            continue
        forwarded.add(sha)
        checked.at[position, "status"] = "accepted"
        checked.at[position, "rule"] = COUNTED_ELSEWHERE
        checked.at[position, "credited_office_id"] = owner.id
        checked.at[position, "reason"] = (
            f"office {office.id}, file {checked.at[position, 'source_file']}: {catalogue_rule(COUNTED_ELSEWHERE).reason}"
            f": {owner.name} ({owner.id}) ({frame.at[position, 'origin_evidence']})"
        )


def owners_by_region(offices: dict[str, Office]) -> dict[str, Office]:
    """The registry's offices by region code, for :func:`check_submissions`; a region two
    offices share names no single owner and is left out."""
    by_region: dict[str, list[Office]] = {}
    for office in offices.values():
        by_region.setdefault(office.region_code, []).append(office)
    return {code: found[0] for code, found in by_region.items() if len(found) == 1}


def quarantine_rejected_files(raw: pd.DataFrame, files: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split raw rows into (rows of usable files, quarantine rows of files the suite rejected).

    Every row of a rejected file goes to quarantine under the file's rule, so the
    row accounting still holds and the office sees which rows were not used.
    """
    rejected = files[(files["status"] == "rejected") & files["rule"].notna()]
    if rejected.empty or raw.empty:
        return raw, pd.DataFrame(columns=[*raw.columns[:5], "column", "value", "rule", "reason", "raw"])
    # A file is its name and its bytes together: a byte-identical copy shares the sha with
    # the file that counts, and keying by the sha alone quarantined both.
    key = ["source_file", "source_sha256"]
    verdict = rejected.drop_duplicates(key).set_index(key)[["rule", "reason"]]
    located = pd.MultiIndex.from_frame(raw[key].astype(object))
    hit = located.isin(verdict.index)
    taken = raw[hit]
    provenance = ["office_id", "source_file", "source_sha256", "source_sheet", "source_row"]
    quarantine = taken[provenance].copy()
    quarantine["column"] = ""
    quarantine["value"] = None
    matched = verdict.reindex(located[hit])
    quarantine["rule"] = matched["rule"].to_numpy()
    quarantine["reason"] = matched["reason"].to_numpy()
    canonical = taken[list(RAW_COLUMNS)].astype(object)
    quarantine["raw"] = [
        json.dumps(dict(zip(RAW_COLUMNS, values)), ensure_ascii=False, default=str)
        for values in canonical.where(canonical.notna(), None).itertuples(index=False, name=None)
    ]
    return raw[~hit], quarantine.reset_index(drop=True)
