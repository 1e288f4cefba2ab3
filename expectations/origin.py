"""Whose file is it? Evidence that a file in one office's folder belongs to another office.

Two independent measures per file, both against ``reference/regions.csv``:

* the regions its title rows name ("DAFTAR PESERTA ... KOTA SAMARINDA TAHUN 2024"),
  read with the usual spellings: "KAB." / "KAB" / "KABUPATEN", "KOTA", "PROV." /
  "PROVINSI", any case and punctuation;
* where its NIKs were issued: the regency code (``PP.RR``) of every valid-shaped NIK.

A NIK names the region of first registration, not where the person lives now, so a
regency office legitimately has a minority of NIKs from elsewhere ("some workers lack
a Kutim KTP") and a province office has NIKs from all its regencies. The verdict in
:func:`other_office_verdict` therefore asks for a clear picture, never a single hint.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from reference import FORMER_CODES, regions
from reference.names import loosely_named_regions, named_regions, normalise, region_patterns
from sources.registry import Office

# A regency office's own NIK share below this, with a title naming another region,
# means the file is not theirs. Kutai Timur's own files run at 85-95 %.
MAX_OWN_SHARE_WITH_TITLE = 0.5
# Without a title or file name naming a region, NIKs alone seldom say whose a file is. A
# NIK names where its KTP was first issued, not where the worker works: a regency beside a
# city certifies mostly the city's KTP holders (Maros beside Makassar: 60 % and more),
# Kutai Timur's mobile unit certifies workers "without a Kutim KTP", and a regency split
# off recently (Mahakam Ulu from Kutai Barat, 2013) keeps its parent's NIKs. Another
# office's file, though, is 85-95 % its own region's NIKs, and a CSV or JSON export has no
# title row to name it. So NIKs alone reject a file only when under 20 % are the office's
# and at least 80 % come from one other regency: the neighbour-city majority of a genuine
# regency file (a Maros file with 62 % Makassar NIKs was rejected at the former 60 %) passes.
MAX_OWN_SHARE_NIK_ONLY = 0.2
MIN_OTHER_SHARE_NIK_ONLY = 0.8
# Below this many valid-shaped NIKs the shares say nothing.
MIN_NIKS = 5
# Unlike the office's other files: a file mostly (60 %+) from one other regency that the
# office's other files hardly draw from (under 20 %), while they are mostly (60 %+) the
# office's own and this file is not (under 50 %). Measured against the office's own habit,
# so a regency whose every file is 60 % its neighbour city's KTPs keeps them all.
MIN_OTHER_SHARE_UNUSUAL = 0.6
MAX_OWN_SHARE_UNUSUAL = 0.5
MIN_USUAL_OWN_SHARE = 0.6
MAX_USUAL_TOP_SHARE = 0.2

@dataclass(frozen=True)
class NikRegions:
    """Where a file's valid-shaped NIKs were issued."""

    count: int  # valid-shaped NIKs (16 digits with a regency code in the reference)
    own_share: float  # share from the office's own region (province offices: the province)
    top_other: str | None  # the single most frequent other regency code
    top_other_share: float


def nik_region_codes(niks: pd.Series) -> pd.Series:
    """The regency code (``PP.RR``) of every valid-shaped NIK (16 digits, a code in the reference)."""
    # A NIK column read as numbers, or a script's export of one, ends in ".0" ("1271090808730001.0"):
    # the decimal tail is no digit of the NIK.
    digits = niks.dropna().astype("string").str.replace(r"[.,]0+$", "", regex=True).str.replace(r"\D", "", regex=True)
    digits = digits[digits.str.len() == 16]
    # a code the regency had before its province split is where it is now ("91.09": Mimika, 94.04)
    codes = (digits.str[:2] + "." + digits.str[2:4]).replace(FORMER_CODES)
    return codes[codes.isin(set(regions()))]


def nik_regions(niks: pd.Series, office: Office, codes: pd.Series | None = None) -> NikRegions:
    """Share of a file's valid-shaped NIKs issued in the office's region, and the main other regency.

    ``codes``: the NIKs' regency codes when already computed (:func:`nik_region_codes`)."""
    codes = nik_region_codes(niks) if codes is None else codes
    if codes.empty:
        return NikRegions(0, 1.0, None, 0.0)
    if office.level == "province":
        own = codes.str[:2] == office.province_code
    else:
        own = codes == office.region_code
    others = Counter(codes[~own])
    top, top_n = others.most_common(1)[0] if others else (None, 0)
    return NikRegions(len(codes), float(own.mean()), top, top_n / len(codes))


def _is_own(code: str, office: Office) -> bool:
    if office.level == "province":
        return code[:2] == office.province_code
    return code == office.region_code


def _neutral(code: str, office: Office) -> bool:
    # A regency office's titles often name its province ("DINAS PUPR ... PROVINSI
    # KALIMANTAN TIMUR"): that says nothing about which regency the file is from.
    return office.level != "province" and code == office.province_code


def region_label(code: str) -> str:
    """'Kota Samarinda (64.72)'."""
    region = regions().get(code)
    return f"{region.name} ({code})" if region else code


@dataclass(frozen=True)
class Verdict:
    """Why a file looks like another office's, or None fields when it does not."""

    other_region: str | None  # Kemendagri code of the region it appears to come from
    evidence: str  # what was measured, for the reason and the feedback
    # True when a title row or the file name names that region: the file says whose it is.
    # A verdict on NIKs alone says where its workers' KTPs were issued, never who certified them.
    named: bool = False
    # A regency or city of the office's own province (the office is that province): the file
    # is another office's only where the registry has that office to count it at.
    within_province: bool = False
    # The province's letterhead in a regency's folder whose NIKs (MIN_NIKS or more) are mostly
    # from elsewhere than that regency: not the regency's own workers under a funder's letterhead.
    not_the_regencys_people: bool = False


# Words that name the office a title row speaks for: "DINAS PUPR KAB. KUTIM", "PEMERINTAH KOTA
# SAMARINDA", "PEMKAB MAROS". A region named after them is the file's issuer, not a place
# its workers come from.
_ISSUER = re.compile(r"\b(?:dinas|dpupr|dpu|pupr|pemerintah|pemkab|pemkot|bupati|wali\s*kota)\b", re.I)


# A title row that is only a region designation ("PROVINSI KALIMANTAN TIMUR", "KAB. KUTAI TIMUR",
# "KOTA SAMARINDA"): on a letterhead (kop surat) the office's name wraps onto it.
_DESIGNATION = re.compile(r"^ (provinsi|kabupaten|kota) ")


def _issuer_rows(titles: str) -> list[str]:
    """The title rows, an issuing row that names no region joined with the next row when that row
    begins with a region designation: "DINAS PEKERJAAN UMUM, PENATAAN RUANG DAN PERUMAHAN RAKYAT" /
    "PROVINSI KALIMANTAN TIMUR" is one office name printed on two rows."""
    rows = titles.split("|")
    joined: list[str] = []
    for position, row in enumerate(rows):
        following = rows[position + 1] if position + 1 < len(rows) else ""
        if (_ISSUER.search(row) and not named_regions(row) and _DESIGNATION.match(normalise(following))
                and named_regions(following)):
            row = f"{row} {following}"
        joined.append(row)
    return joined


def issuing_regions(titles: str) -> set[str]:
    """Regencies and cities a title row names as the office it comes from (after "Dinas",
    "Pemerintah", "Pemkab" ... in the same row, or on the next row the office's name wraps onto)."""
    found: set[str] = set()
    for row in _issuer_rows(titles):
        match = _ISSUER.search(row)
        if match:
            rest = row[match.start():]
            found |= {code for code in named_regions(rest) if "." in code}
    return found


def _first_region(text: str) -> str | None:
    """The region ``text`` names first (full names, the longest at each place), if it is one region."""
    work = normalise(text)
    found: list[tuple[int, frozenset[str]]] = []
    for pattern, codes in region_patterns():
        found += [(match.start(), codes) for match in pattern.finditer(work)]
        work = pattern.sub(lambda match: " " * len(match.group(0)), work)  # positions stay put
    if not found:
        return None
    codes = min(found, key=lambda item: item[0])[1]
    return next(iter(codes)) if len(codes) == 1 else None


def issuer_of(titles: str) -> str | None:
    """The region of the office the titles speak for: in the first title row with an issuing
    word ("Dinas", "Pemerintah", "Pemkab" ...), the region named first after it. "DINAS PUPR KOTA
    SAMARINDA PROVINSI KALIMANTAN TIMUR" is Samarinda's; "DINAS PUPR PROVINSI KALIMANTAN TIMUR,
    PELATIHAN DI KABUPATEN KUTAI TIMUR" the province's. An office name wrapped onto the next
    row (:func:`_issuer_rows`) is read as one row."""
    for row in _issuer_rows(titles):
        match = _ISSUER.search(row)
        if match:
            first = _first_region(row[match.start():])
            if first:
                return first
    return None


def _province_verdict(titles: str, named: set[str], niks: pd.Series, office: Office, nik_text: str) -> Verdict | None:
    """A file in a province office's folder that one of its regencies or cities sent.

    A province's own titles name its regencies freely (a program held in Kutai Timur, a
    recap sheet per regency), so one region named is not enough: the titles must speak for
    the regency's office ("DINAS PUPR KABUPATEN KUTAI TIMUR"), or name that one regency with
    no office of the province speaking and at least half of at least five NIKs issued there.
    """
    issuer = issuer_of(titles) if titles else None
    if issuer is not None and "." in issuer and issuer[:2] == office.province_code:
        return Verdict(issuer, f"title rows speak for {region_label(issuer)}, not the province; {nik_text}",
                       named=True, within_province=True)
    regencies = {code for code in named if "." in code and code[:2] == office.province_code}
    if issuer is not None or len(regencies) != 1:
        return None
    (code,) = regencies
    codes = nik_region_codes(niks)
    share = float((codes == code).mean()) if len(codes) >= MIN_NIKS else 0.0
    if share < 0.5:
        return None
    return Verdict(code, f"titles or file name name {region_label(code)} and {share:.0%} of {len(codes)} valid NIKs "
                         "were issued there", named=True, within_province=True)


def _file_name_words(file_name: str) -> str:
    """A file's path inside the office's folder without its extension, as words
    ("2025/Peserta_Kota_Makassar.xlsx" -> "2025 Peserta Kota Makassar")."""
    if not file_name:
        return ""
    stem, dot, extension = file_name.rpartition(".")
    text = stem if dot and extension.isalnum() and len(extension) <= 5 else file_name
    return re.sub(r"[_/\\]+", " ", text)


def other_office_verdict(titles: str, niks: pd.Series, office: Office, file_name: str = "",
                         usual: Counter | None = None) -> Verdict:
    """Does this file come from another office? Title rows and NIK origin together.

    Rejects (returns ``other_region``) when

    * a title row names another region and none of the office's own (its province
      alone is neutral for a regency office), and the NIKs do not say otherwise
      (fewer than ``MIN_NIKS`` valid-shaped NIKs, or under half from the office's region); or
    * no title names the office's region and the NIKs alone are overwhelming: under 20 %
      from the office's regency and 80 % or more from one other regency (regency and city
      offices only; a province office's NIK share is the ``foreign_office_data`` rule); or
    * no title names the office's region and the file's NIKs are unlike those of the
      office's other files (``usual``, their NIKs counted per regency): 60 %+ from one other regency
      that those files hardly draw from, under half the office's own (:func:`_unlike_usual`).
      A title-less CSV export of another office, copied into the folder, is found so.

    ``file_name`` (its path inside the office's folder) is read as one more title row: an
    office names its files after itself ("Peserta MTU Kutim 2025.xlsx") more often than it
    writes a title row, and another office's file keeps its name in the wrong folder.
    """
    measured = nik_regions(niks, office)
    # A bare one-word name counts for the office's own region, or where most NIKs point to it too.
    backed = measured.top_other if measured.count >= MIN_NIKS and measured.top_other_share >= 0.5 else None

    def regions_in(text: str) -> set[str]:
        if not text:
            return set()
        return named_regions(text) | {code for code in loosely_named_regions(text) if _is_own(code, office) or code == backed}

    in_titles, in_name = regions_in(titles), regions_in(_file_name_words(file_name))
    named = in_titles | in_name
    own_named = any(_is_own(code, office) for code in named)
    other_named = sorted(code for code in named if not _is_own(code, office) and not _neutral(code, office))
    where_named = "title rows name" if any(code in in_titles for code in other_named) else "the file name names"
    where = "the province" if office.level == "province" else region_label(office.region_code)
    nik_text = (
        f"{measured.count} valid NIKs, {measured.own_share:.0%} from {where}"
        + (f", {measured.top_other_share:.0%} from {region_label(measured.top_other)}" if measured.top_other else "")
        if measured.count
        else "no valid NIKs to compare"
    )
    if other_named and not own_named:
        few = measured.count < MIN_NIKS
        # A title row naming another regency's office as the issuer says whose file it is,
        # whatever KTPs its workers hold (Kutai Timur certifies many Samarinda KTP holders);
        # a region named otherwise ("DAFTAR PESERTA KOTA SAMARINDA", a reused template)
        # yields to NIKs that are mostly the office's own.
        issued = bool(issuing_regions(titles) & set(other_named)) if titles else False
        if few or issued or measured.own_share < MAX_OWN_SHARE_WITH_TITLE:
            # The named region the NIKs agree with, else the most specific one named.
            pick = next((c for c in other_named if measured.top_other and measured.top_other.startswith(c)), None)
            pick = pick or max(other_named, key=lambda c: (len(c), c))
            shown = ", ".join(region_label(c) for c in other_named)
            return Verdict(pick, f"{where_named} {shown}, not {region_label(office.region_code)}; {nik_text}", named=True)
    if office.level == "province":
        within = _province_verdict(titles, named, niks, office, nik_text)
        if within is not None:
            return within
    elif titles and not own_named and issuer_of(titles) == office.province_code:
        # The province's own list in one of its regencies' folders: its titles speak for the province
        # office ("DINAS PUPR-PERA PROVINSI KALIMANTAN TIMUR"), not merely name the province.
        elsewhere = measured.count >= MIN_NIKS and measured.own_share < MAX_OWN_SHARE_WITH_TITLE
        return Verdict(office.province_code, f"title rows speak for {region_label(office.province_code)}; {nik_text}",
                       named=True, within_province=True, not_the_regencys_people=elsewhere)
    if (
        office.level != "province"
        and not own_named
        and measured.count >= MIN_NIKS
        and measured.own_share < MAX_OWN_SHARE_NIK_ONLY
        and measured.top_other_share >= MIN_OTHER_SHARE_NIK_ONLY
    ):
        return Verdict(measured.top_other, nik_text)
    if office.level != "province" and not own_named and usual is not None:
        unlike = _unlike_usual(measured, usual, office)
        if unlike:
            return Verdict(measured.top_other, f"{nik_text}; {unlike}")
    return Verdict(None, nik_text)


def _unlike_usual(measured: NikRegions, usual: Counter, office: Office) -> str | None:
    """Why a file's NIKs are not the office's usual ones (``usual``: how many NIKs of the office's
    other files were issued in each regency), or None. See :data:`MIN_OTHER_SHARE_UNUSUAL`."""
    total = sum(usual.values())
    if measured.count < MIN_NIKS or total < MIN_NIKS or measured.top_other is None:
        return None
    usual_own = usual[office.region_code] / total
    usual_top = usual[measured.top_other] / total
    if (measured.top_other_share >= MIN_OTHER_SHARE_UNUSUAL and measured.own_share < MAX_OWN_SHARE_UNUSUAL
            and usual_own >= MIN_USUAL_OWN_SHARE and usual_top < MAX_USUAL_TOP_SHARE):
        return (f"the office's other files: {total} valid NIKs, {usual_own:.0%} from "
                f"{region_label(office.region_code)}, {usual_top:.0%} from {region_label(measured.top_other)}")
    return None
