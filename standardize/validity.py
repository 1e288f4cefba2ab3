"""How long a certificate is valid: one place for the rule both counting and checks use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# An SKK is valid five years from issue (UU 2/2017 regime; DOMAIN.md).
SKK_VALID_YEARS = 5
# Certificates of the pre-2021 scheme (SKA/SKT) all expired on 31 December 2022.
OLD_SCHEME_START = pd.Timestamp("2021-01-01")
OLD_SCHEME_EXPIRY = pd.Timestamp("2022-12-31")


def expected_expiry(tanggal_terbit: pd.Series) -> pd.Series:
    """The expiry a certificate issued on each date should carry (NaT where the issue date is unknown)."""
    # Same day and month five years on, built from components: adding a
    # DateOffset(years=5) is applied row by row and costs seconds per million rows.
    # 29 February rolls to 28 February when the target year is not a leap year.
    terbit = tanggal_terbit.astype("datetime64[ms]")
    parts = pd.DataFrame({"year": terbit.dt.year + SKK_VALID_YEARS, "month": terbit.dt.month, "day": terbit.dt.day})
    leap_day = (parts["month"] == 2) & (parts["day"] == 29)
    parts.loc[leap_day, "day"] = 28
    five_years = pd.to_datetime(parts, errors="coerce").astype("datetime64[ms]")
    return five_years.where(~(terbit < OLD_SCHEME_START), OLD_SCHEME_EXPIRY)


# --------------------------------------------------------------------------- issue year from the number

# Shapes of registration numbers whose year of issue can be read (the number is
# upper case without whitespace by the time it gets here, standardize.fields):
#
# * separated numbers with one 4-digit year segment: LSP / SIJK-style dotted
#   numbers ("41011.3112.4.0012345.2022"), hyphenated ones
#   ("SKK-6408-2023-000123"), letter-style numbers ending in month and year
#   ("012/LSP-GATENSI/XII/2023"); a year glued to letters counts as its own
#   segment ("SKK2023-00123");
# * a 2-digit year only as the last segment right after a Roman month, the
#   Indonesian letter-numbering habit ("012/LSP-X/VII/23");
# * a bare 21- or 22-digit run: the layout printed on BNSP-licensed LSP certificates
#   (KBLI 5 digits, KBJI 4, level 1, serial 7 or 8, year of issue 4), written with
#   spaces that standardization removed. Numbering is set by BNSP's "Pedoman
#   Penerbitan Sertifikat Kompetensi" (Peraturan BNSP 03/BNSP.302/X/2013,
#   5.5 Kodifikasi/Penomoran; only its contents page was found with `search`).
#   The 8-digit serial is what an LSP's SKK application writes when its committee
#   decides Kompeten (github.com/Abqoriyyan/lsp_bpsdm, application/controllers/Komite.php:
#   kbli, kbji, jenjang, sprintf("%08s", serial), date('Y'), spaces between); the
#   7-digit one is from certificates seen. The level digit must be 1-9, which a
#   digit run of another kind rarely meets together with a plausible year in its
#   last four digits.
#
# Anything else gives no year: two different year-like segments, a year inside
# a longer digit run ("2023001234"), 2-digit segments elsewhere (old SKA/SKT
# numbers carry a 2-digit province code, "1.2.201.3.165.07.1234567", which a
# year reading would turn into 2007), a number of fewer than three letter or
# digit runs ("KT-2015" may as well be serial 2015).
EARLIEST_ISSUE_YEAR = 2000
# A maximal run of exactly four digits (letters around it are fine: "SKK2023").
_FOUR_DIGITS = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
# The last segment two digits, the one before it a Roman month (a letter run of exactly that).
_ROMAN_MONTH_YY = re.compile(r"(?<![A-Z])(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[^A-Z0-9]*([0-9]{2})[^A-Z0-9]*$")
# Letter runs and digit runs: a number needs three to have a shape ("KT-2015" is a
# prefix and a serial as likely as a prefix and a year).
_TOKEN = re.compile(r"[A-Z]+|[0-9]+")
_BNSP_DIGITS = re.compile(r"[0-9]{21,22}")


def issue_year_from_number(nomor: object, latest_year: int) -> int | None:
    """The year of issue a registration number states, or None when its shape does not say.

    ``latest_year`` bounds a plausible year (the publish year): only years from
    2000 to ``latest_year`` are read. See the shapes above; a number whose
    year segments disagree gives None, never a guess.
    """
    if not isinstance(nomor, str):
        return None
    text = nomor.strip().upper()
    if _BNSP_DIGITS.fullmatch(text):
        year = int(text[-4:])
        # Digit 10 is the KKNI level (1-9): a run without one is not this shape.
        return year if text[9] != "0" and EARLIEST_ISSUE_YEAR <= year <= latest_year else None
    if len(_TOKEN.findall(text)) < 3:
        return None
    years = {int(run) for run in _FOUR_DIGITS.findall(text)}
    years = {year for year in years if EARLIEST_ISSUE_YEAR <= year <= latest_year}
    month_year = _ROMAN_MONTH_YY.search(text)
    if month_year and 2000 + int(month_year.group(1)) <= latest_year:
        years.add(2000 + int(month_year.group(1)))
    return years.pop() if len(years) == 1 else None


def issue_years(nomor: pd.Series, latest_year: int) -> pd.Series:
    """:func:`issue_year_from_number` for each value (Int64, NA where no year), each distinct value read once.

    Numbers of printable ASCII (nearly all) are read over Arrow arrays (:func:`_ascii_issue_years`),
    the rest one by one: a million distinct numbers were 13 s of Python calls."""
    if nomor.dropna().empty:
        return pd.Series(pd.NA, index=nomor.index, dtype="Int64")
    codes, uniques = pd.factorize(nomor, use_na_sentinel=True)
    values = np.asarray(uniques.to_numpy(dtype=object), dtype=object)
    years = np.full(len(values), -1, dtype=np.int64)  # -1: no year
    text = np.array([isinstance(v, str) for v in values], dtype=bool)
    ascii_text = np.zeros(len(values), dtype=bool)
    if text.any():
        ascii_text[text] = pc.match_substring_regex(pa.array(values[text], type=pa.string()),
                                                    "^[\\x20-\\x7e]*$").to_numpy(zero_copy_only=False)
    if ascii_text.any():
        years[ascii_text] = _ascii_issue_years(pa.array(values[ascii_text], type=pa.string()), latest_year)
    rest = np.flatnonzero(~ascii_text)
    years[rest] = [-1 if y is None else y for y in (issue_year_from_number(v, latest_year) for v in values[rest])]
    picked = np.append(years, -1)[np.where(codes >= 0, codes, len(values))]
    return pd.Series(pd.arrays.IntegerArray(picked, picked < 0), index=nomor.index, name=nomor.name)


# _ROMAN_MONTH_YY in RE2 (no lookbehind): the letter before the Roman month consumed instead.
_ROMAN_MONTH_YY_RE2 = r"(?:^|[^A-Z])(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[^A-Z0-9]*(?P<yy>[0-9]{2})[^A-Z0-9]*$"


def _ascii_issue_years(text: pa.Array, latest_year: int) -> np.ndarray:
    """:func:`issue_year_from_number` of numbers of printable ASCII (stripping is then of spaces
    only, upper-casing one letter for one), over Arrow arrays: the same shapes, rule by rule.
    -1 where the number states no year."""
    n = len(text)
    upper = pc.ascii_upper(pc.utf8_trim(text, " "))
    bnsp = pc.match_substring_regex(upper, "^[0-9]{21,22}$").to_numpy(zero_copy_only=False)
    tokens = pc.count_substring_regex(upper, "[A-Z]+|[0-9]+").to_numpy(zero_copy_only=False)
    # maximal digit runs of exactly four digits, read as years in range
    runs = pc.split_pattern_regex(upper, "[^0-9]+")
    owner = pc.list_parent_indices(runs).to_numpy(zero_copy_only=False)
    flat = pc.list_flatten(runs)
    four = (pc.utf8_length(flat).to_numpy(zero_copy_only=False) == 4)
    owner = owner[four]
    year = pc.cast(pc.filter(flat, pa.array(four)), pa.int64()).to_numpy(zero_copy_only=False)
    fits = (year >= EARLIEST_ISSUE_YEAR) & (year <= latest_year)
    owner, year = owner[fits], year[fits]
    lowest = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    highest = np.full(n, -1, dtype=np.int64)
    np.minimum.at(lowest, owner, year)
    np.maximum.at(highest, owner, year)
    stated = highest >= 0
    yy = pc.struct_field(pc.extract_regex(upper, _ROMAN_MONTH_YY_RE2), "yy")
    roman = pc.cast(yy, pa.int64()).to_numpy(zero_copy_only=False)  # NaN where no Roman month
    with np.errstate(invalid="ignore"):
        month_year = np.where(np.isnan(roman), -1, 2000 + np.nan_to_num(roman)).astype(np.int64)
    month_year = np.where(month_year <= latest_year, month_year, -1)
    one = np.where(stated, (lowest == highest) & ((month_year < 0) | (month_year == lowest)), month_year >= 0)
    found = np.where(stated, lowest, month_year)
    out = np.where(one & (tokens >= 3), found, -1)
    # the registry's 21-22 digit numbers: the year ends them, digit 10 (the KKNI level) not 0
    if bnsp.any():
        digits = pc.filter(upper, pa.array(bnsp))
        y = pc.cast(pc.utf8_slice_codeunits(digits, -4), pa.int64()).to_numpy(zero_copy_only=False)
        level = pc.utf8_slice_codeunits(digits, 9, 10).to_numpy(zero_copy_only=False)
        out[bnsp] = np.where((level != "0") & (y >= EARLIEST_ISSUE_YEAR) & (y <= latest_year), y, -1)
    return out


# --------------------------------------------------------------------------- the validity decision

ACTIVE, EXPIRED, UNKNOWN = "active", "expired", "unknown"
# A stated expiry written without its day (staging's masa_berlaku_precision; null: the day is stated).
# masa_berlaku then holds the first day of that month or year.
PRECISION_MONTH, PRECISION_YEAR = "month", "year"
# What an expiry rests on, strongest evidence first (fact_certification.expires_on_basis).
EXPIRY_BASES = ("masa_berlaku", "tanggal_terbit", "nomor_sertifikat_year", "tahun")


def _year_end(years: pd.Series, offset: int) -> pd.Series:
    """31 December of ``years + offset`` (NaT where the year is missing)."""
    shifted = years.astype("Int64") + offset
    text = shifted.astype("str").where(shifted.notna()) + "-12-31"
    return pd.to_datetime(text, errors="coerce").astype("datetime64[ms]")


def certificate_validity(
    masa_berlaku: pd.Series,
    tanggal_terbit: pd.Series,
    nomor_sertifikat: pd.Series,
    tahun: pd.Series,
    publish_date: date,
    number_year: pd.Series | None = None,
    masa_berlaku_precision: pd.Series | None = None,
) -> pd.DataFrame:
    """Whether each certificate is valid on ``publish_date``, on what evidence: the one rule.

    Returns, aligned with the inputs, ``expires_on`` (datetime64), ``expires_on_basis``
    (one of :data:`EXPIRY_BASES`, NA when nothing is known) and ``status``
    (``active``, ``expired`` or ``unknown``). Evidence, first that is known:

    1. ``masa_berlaku``, the stated expiry; where ``masa_berlaku_precision`` says the office
       wrote only its month or year (:data:`PRECISION_MONTH`, :data:`PRECISION_YEAR`),
       ``masa_berlaku`` is that month's or year's first day and the certificate expires some
       day of it: active up to the first day, ``unknown`` during the rest, expired after;
    2. ``tanggal_terbit``: the expiry it implies (:func:`expected_expiry`);
    3. the year of issue the registration number states
       (:func:`issue_year_from_number`): before 2021 the old scheme's
       31 December 2022; else the certificate expires some day of year + 5, so
       ``expires_on`` is 1 January of year + 5 (the earliest it can), it is
       active up to that day, expired after 31 December of year + 5 and
       ``unknown`` in between (``number_year``: these years when the caller
       already parsed them with :func:`issue_years`, which costs microseconds a number);
    4. ``tahun``, the program year: the certificate follows the assessment, so it
       is active to the end of program year + 4, ``unknown`` during program year + 5
       (it expires some day of that year), expired after; a program before 2021
       issued the old scheme's certificates, expired 31 December 2022. (A
       December assessment whose certificate is dated January is still active
       early in year + 6: counted expired, a small undercount.)
    5. nothing: ``unknown`` (never counted expired for lack of a date).
    """
    evidence = _expiry_evidence(masa_berlaku, tanggal_terbit, nomor_sertifikat, tahun, publish_date, number_year,
                                masa_berlaku_precision)
    expires_on, basis = _first_known_expiry(evidence)
    status = _status_on(pd.Timestamp(publish_date), expires_on, _latest_expiry(expires_on, basis, evidence))
    index = masa_berlaku.index
    return pd.DataFrame(
        {
            "expires_on": expires_on,
            "expires_on_basis": pd.Series(basis, index=index, dtype="str"),
            "status": pd.Series(status, index=index, dtype="str"),
        },
        index=index,
    )


@dataclass
class _ExpiryEvidence:
    """Each kind of evidence's expiry per certificate (NaT where that evidence is missing), on the inputs' index."""

    stated: pd.Series  # masa_berlaku
    stated_latest: pd.Series  # ... the last day of its month or year when it was written without its day
    implied: pd.Series  # from tanggal_terbit
    number_earliest: pd.Series  # from the number's year of issue: the first day it can expire
    number_latest: pd.Series  # ... and the last
    by_tahun: pd.Series  # from the program year: the last day it is surely active
    tahun_latest: pd.Series  # ... and the last day it can expire


def _expiry_evidence(
    masa_berlaku: pd.Series,
    tanggal_terbit: pd.Series,
    nomor_sertifikat: pd.Series,
    tahun: pd.Series,
    publish_date: date,
    number_year: pd.Series | None,
    masa_berlaku_precision: pd.Series | None = None,
) -> _ExpiryEvidence:
    """What each kind of evidence says about the expiry, so the decision can take the strongest known."""
    stated = pd.to_datetime(masa_berlaku).astype("datetime64[ms]")
    stated_latest = stated_window_end(stated, masa_berlaku_precision)
    implied = expected_expiry(pd.to_datetime(tanggal_terbit)).astype("datetime64[ms]")
    if number_year is None:
        number_year = issue_years(nomor_sertifikat, publish_date.year)
    number_earliest, number_latest = _number_year_window(
        pd.Series(number_year, index=nomor_sertifikat.index).astype("Int64")
    )
    by_tahun, tahun_latest = _program_year_window(
        pd.Series(tahun, index=nomor_sertifikat.index).astype("Float64").round().astype("Int64")
    )
    # Every candidate on the inputs' index, so fillna aligns row by row.
    index = masa_berlaku.index
    return _ExpiryEvidence(
        *(
            pd.Series(s.to_numpy(), index=index, dtype="datetime64[ms]")
            for s in (stated, stated_latest, implied, number_earliest, number_latest, by_tahun, tahun_latest)
        )
    )


def stated_window_end(masa_berlaku: pd.Series, precision: pd.Series | None) -> pd.Series:
    """The last day a stated expiry can be: the stated day, or the end of the month or year written without it.

    ``precision`` is staging's ``masa_berlaku_precision`` (:data:`PRECISION_MONTH`,
    :data:`PRECISION_YEAR`, null for a day; None when no row has one).
    """
    stated = pd.Series(masa_berlaku).astype("datetime64[ms]")
    if precision is None:
        return stated
    precision = pd.Series(precision, index=stated.index).astype("str")
    month = precision.eq(PRECISION_MONTH).fillna(False).to_numpy(dtype=bool)
    year = precision.eq(PRECISION_YEAR).fillna(False).to_numpy(dtype=bool)
    if not (month.any() or year.any()):
        return stated
    latest = stated.copy()
    latest[month] = (stated[month] + pd.offsets.MonthEnd(0)).astype("datetime64[ms]")
    latest[year] = _year_end(stated[year].dt.year.astype("Int64"), 0)
    return latest


def _number_year_window(number_year: pd.Series) -> tuple[pd.Series, pd.Series]:
    """First and last day a certificate issued in ``number_year`` can expire (the old scheme's one date before 2021)."""
    old_scheme = (number_year < OLD_SCHEME_START.year).fillna(False).to_numpy(dtype=bool)
    earliest = _year_end(number_year, SKK_VALID_YEARS - 1) + pd.Timedelta(days=1)
    latest = _year_end(number_year, SKK_VALID_YEARS)
    earliest[old_scheme] = OLD_SCHEME_EXPIRY
    latest[old_scheme] = OLD_SCHEME_EXPIRY
    return earliest, latest


def _program_year_window(program_year: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Last day a certificate of a program in ``program_year`` is surely active, and the last it can expire."""
    surely_active = _year_end(program_year, SKK_VALID_YEARS - 1)
    latest = _year_end(program_year, SKK_VALID_YEARS)
    old_program = (program_year < OLD_SCHEME_START.year).fillna(False).to_numpy(dtype=bool)
    surely_active[old_program] = OLD_SCHEME_EXPIRY
    latest[old_program] = OLD_SCHEME_EXPIRY
    return surely_active, latest


def _first_known_expiry(evidence: _ExpiryEvidence) -> tuple[pd.Series, np.ndarray]:
    """The expiry the strongest known evidence gives, and which evidence that is (:data:`EXPIRY_BASES`)."""
    expires_on = evidence.stated.fillna(evidence.implied).fillna(evidence.number_earliest).fillna(evidence.by_tahun)
    strongest_first = [evidence.stated, evidence.implied, evidence.number_earliest, evidence.by_tahun]
    basis = np.select(
        [candidate.notna() for candidate in strongest_first],
        list(EXPIRY_BASES),
        default=None,
    )
    return expires_on, basis


def _latest_expiry(expires_on: pd.Series, basis: np.ndarray, evidence: _ExpiryEvidence) -> pd.Series:
    """The latest day the certificate can expire, so a year's uncertainty reads as unknown, not expired.

    The same day except for a stated month or year written without its day, and for a
    year (from the number or the program), whose expiry falls some day of a later year.
    """
    latest = expires_on.where(basis != "masa_berlaku", evidence.stated_latest)
    latest = latest.where(basis != "nomor_sertifikat_year", evidence.number_latest)
    return latest.where(basis != "tahun", evidence.tahun_latest)


def _status_on(on: pd.Timestamp, expires_on: pd.Series, latest: pd.Series) -> np.ndarray:
    """Active up to the expiry, expired after the latest it can be, unknown in between or without any date."""
    status = np.where(expires_on >= on, ACTIVE, np.where(latest < on, EXPIRED, UNKNOWN))
    return np.where(expires_on.isna(), UNKNOWN, status)
