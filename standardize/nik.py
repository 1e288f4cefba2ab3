"""NIK (Nomor Induk Kependudukan) cleaning and classification.

A NIK has 16 digits ``PP RR DD ddmmyy SSSS``: province, regency/city, district,
birth date (women add 40 to the day), serial from 0001 (see ../shared/DOMAIN.md).

Office spreadsheets damage NIKs in a few recurring ways, and each gets its own
status so linkage can decide how far to trust a row:

==================== ===================================================== ==========================
status               what it means                                         ``partial``
==================== ===================================================== ==========================
valid                16 digits with a known province, a possible month,    None
                     a possible (or +40) day and a non-zero serial
missing              blank or a placeholder ("-", "0", "belum ada", ...)   None
excel_truncated      typed into Excel as a number: only 15 significant     the first 15 digits
                     digits survive (the reader writes ``f"{v:.14e}"``)
scientific_notation  an export showed the number rounded, "6.40801E+15"    the shown digits minus the
                                                                           last (Excel rounds it)
wrong_length         digits only, but not 16 of them                       all the digits
invalid              16 digits that cannot be a NIK, or letters            the digits; for a masked
                                                                           NIK ("640812******0001")
                                                                           its leading digits; or None
==================== ===================================================== ==========================

``parse_nik`` runs once per distinct value (see :mod:`standardize.record`), but
there can be a million distinct NIKs: :func:`parse_nik_array` cleans and checks
the common case (digits, maybe grouped by spaces or hyphens, maybe after an
apostrophe) with Arrow and numpy, and parses only the rest one by one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reference import regions
from standardize.fields import as_arrow_text, is_blank

VALID = "valid"
MISSING = "missing"
EXCEL_TRUNCATED = "excel_truncated"
SCIENTIFIC_NOTATION = "scientific_notation"
WRONG_LENGTH = "wrong_length"
INVALID = "invalid"
STATUSES: tuple[str, ...] = (VALID, MISSING, EXCEL_TRUNCATED, SCIENTIFIC_NOTATION, WRONG_LENGTH, INVALID)

# Excel shows at most 15 significant digits; a mantissa this long means the value
# went through a float, so the 16th digit is lost (it is stored as 0).
_EXCEL_SIGNIFICANT_DIGITS = 15

# Placeholders offices type when they have no NIK; compared after lower-casing
# and collapsing whitespace.
_MISSING_WORDS = frozenset(
    {
        "belum ada",
        "tidak ada",
        "tdk ada",
        "n/a",
        "na",
        "null",
        "none",
        "nan",
        "nil",
        "kosong",
        "belum punya",
        "tidak punya",
        # Excel's error values, left by a formula that found nothing
        "#n/a",
        "#ref!",
        "#value!",
        "#div/0!",
        "#name?",
        "#null!",
        "#num!",
    }
)

# Characters that are noise around or inside a NIK: whitespace (incl. NBSP and
# zero-width space), leading apostrophe/backtick (Excel's "store as text" mark)
# and quotes.
_STRIP_CHARS = " \t\r\n\u00a0\u2007\u202f\u200b\ufeff'`\"\u2018\u2019\u201c\u201d"
_INNER_NOISE = re.compile(r"[\s\u00a0\u2007\u202f\u200b.,\-_]+")
# "6.40801520385001e+15", "6,40801E+15", "6.40801E 15"; comma or dot as decimal separator.
_SCIENTIFIC = re.compile(r"^(\d)(?:[.,](\d*))?\s*e\s*\+?\s*(\d{1,3})$", re.IGNORECASE)
# "6408015203850011.0": a float printed by a CSV/JSON exporter; the ".0" is not a digit.
_FLOAT_TAIL = re.compile(r"^(\d{15,17})\.0+$")
# The same in an Indonesian-locale export: "1671011203850003,00", "1.671.011.203.850.003,00",
# "1,671,011,203,850,000.00": digits (maybe grouped), then the decimal separator and zeros.
_DECIMAL_TAIL = re.compile(r"^(\d[\d.,\s]*\d)([.,])0{1,2}$")
# Digits, maybe grouped by spaces or hyphens, maybe after Excel's text apostrophe:
# nik_parts would only strip and drop the separators, so Arrow can do it in bulk.
_SIMPLE_NIK = r"^[ \t\r\n]*['`]?[0-9]+(?:[ \-]+[0-9]+)*[ \t\r\n]*$"


def _province_codes() -> frozenset[str]:
    return frozenset(code for code, region in regions().items() if region.type == "province")


_PROVINCES = _province_codes()
_PROVINCE_NUMBERS = np.array(sorted(int(code) for code in _PROVINCES), dtype=np.int16)
_VALID_MONTHS = frozenset(f"{m:02d}" for m in range(1, 13))
# Women's NIKs carry day + 40, so 41..71 are as valid as 01..31.
_VALID_DAYS = frozenset(f"{d:02d}" for d in (*range(1, 32), *range(41, 72)))


@dataclass(frozen=True)
class NikResult:
    """Outcome of :func:`parse_nik`: the clean NIK (only when valid), its status and known digits."""

    nik: str | None
    status: str
    partial: str | None


_MISSING_PARTS: tuple[str | None, str, str | None] = (None, MISSING, None)
_ZEROS = "0" * 16


def _classify_digits(digits: str) -> tuple[str | None, str, str | None]:
    if len(digits) != 16:
        return None, WRONG_LENGTH, digits
    if (
        digits[:2] in _PROVINCES
        and digits[8:10] in _VALID_MONTHS
        and digits[6:8] in _VALID_DAYS
        and digits[12:] != "0000"
    ):
        return digits, VALID, None
    if digits == _ZEROS:
        return _MISSING_PARTS
    return None, INVALID, digits


def _classify_scientific(lead: str, fraction: str, exponent: int) -> tuple[str | None, str, str | None]:
    mantissa = lead + fraction
    if len(mantissa) >= _EXCEL_SIGNIFICANT_DIGITS:
        known = mantissa[:_EXCEL_SIGNIFICANT_DIGITS]
        status = EXCEL_TRUNCATED
    else:
        # Excel rounds the last digit it shows, so only the ones before it are sure.
        known = mantissa[:-1]
        status = SCIENTIFIC_NOTATION
    if exponent != 15:
        # Not a 16-digit number at all; the leading digits are still the ones written.
        return None, WRONG_LENGTH, known or None
    return None, status, known or None


# The cell's own label typed before the number: "NIK: 6408...", "No. KTP 6408...", "KTP-6408...".
_LABEL = re.compile(
    r"^(?:no(?:mor)?\.?\s*)?(?:nik|e?-?ktp|nomor induk kependudukan)"
    r"(?:\s*/\s*(?:no(?:mor)?\.?\s*)?(?:nik|e?-?ktp))?\b\s*[:.\-=#]?\s*(?=[0-9])",
    re.IGNORECASE,
)
# ... or after it, maybe in brackets: "6408... (KTP)", "6408... NIK".
_TRAILING_LABEL = re.compile(r"(?<=[0-9)\]])\s*[(\[]?\s*(?:nik|e?-?ktp)\s*[)\]]?$", re.IGNORECASE)
# Brackets or a hash around the number: "(6408...)", "[6408...]", "#6408...".
_ENCLOSING = "()[]#"
# A NIK withheld in part for privacy, as portals and published lists show it:
# "640812******0001", "6408 12xx xxxx 0001", "3174•••••••••123". Only the digits
# before the first mask character are the NIK's own leading digits.
_MASKED = re.compile(r"^([0-9]*)[*xX\u2022\u25cf#?]+[0-9*xX\u2022\u25cf#?]*$")
_MASKED_LENGTH = range(14, 19)  # about a NIK's 16 characters: not a word with an x in it
_MIN_TRUSTED_LEAD = 4  # province and regency, at least


def _unmasked_lead(text: str) -> str | None:
    """The leading digits of a masked NIK (``"640812******0001"`` -> ``"640812"``), else None."""
    masked = _MASKED.match(text)
    if masked is None or len(text) not in _MASKED_LENGTH or len(masked.group(1)) < _MIN_TRUSTED_LEAD:
        return None
    return masked.group(1)


# Digits with a few letters that look like them (O for 0, l and I for 1), the digits the
# majority: "64O8011203850003". Only a NIK-length run, so a word is never read as digits.
_LOOKALIKES_ONLY = re.compile(r"^(?=(?:[^0-9]*[0-9]){8})[0-9oOlI]{15,17}$")
_LOOKALIKE_DIGITS = str.maketrans("oOlI", "0011")


class _AsciiDigits(dict):
    """str.translate table: any Unicode decimal digit to its ASCII digit, other characters kept."""

    def __missing__(self, codepoint: int) -> int:
        value = unicodedata.decimal(chr(codepoint), None)
        self[codepoint] = codepoint if value is None else ord(str(value))
        return self[codepoint]


_ASCII_DIGITS = _AsciiDigits()


def nik_parts(raw: str | None) -> tuple[str | None, str, str | None]:
    """:func:`parse_nik` as a plain ``(nik, status, partial)`` tuple.

    For callers that run it a million times: building a frozen dataclass costs
    more than the parsing itself.
    """
    if raw is None:
        return _MISSING_PARTS
    if not isinstance(raw, str):
        raw = str(raw)
    # Fast path: most cells are already 16 clean ASCII digits.
    if len(raw) == 16 and raw.isdigit() and raw.isascii():
        return _classify_digits(raw)

    text = _written_nik(raw)
    if text is None:
        return _MISSING_PARTS

    scientific = _SCIENTIFIC.match(text)
    if scientific:
        lead, fraction, exponent = scientific.groups()
        return _classify_scientific(lead, fraction or "", int(exponent))

    text, truncated = _without_decimal_tail(text)
    if truncated is not None:
        return truncated
    return _digit_parts(text)


def _written_nik(raw: str) -> str | None:
    """What the clerk wrote as the NIK, without wrappers, labels and quotes; None when nothing was written."""
    if not raw.isascii():
        # Digits of another script (full-width "６４０８...", typed with an East Asian input method or
        # pasted from a PDF) are the same digits; unconverted they matched \d in the remark search
        # but failed isascii, which sent the cell round in circles (RecursionError: the office failed).
        raw = raw.translate(_ASCII_DIGITS)
    text = raw.strip(_STRIP_CHARS)
    if is_blank(text):
        # "-", "n/a", "N.A.", "(kosong)", Excel's "#N/A" / "#REF!": nothing written
        return None
    if text[:1] == "=":
        # Excel's text-formula wrapper in CSV exports: ="6408...", =6408..., "=""6408...""".
        text = text[1:].strip(_STRIP_CHARS)
    text = _LABEL.sub("", text).strip(_STRIP_CHARS)
    text = _TRAILING_LABEL.sub("", text).strip(_STRIP_CHARS)
    if text[:1] in _ENCLOSING or text[-1:] in _ENCLOSING:
        text = text.strip(_ENCLOSING + _STRIP_CHARS)
    if not text:
        return None
    lower = text.lower()
    if lower in _MISSING_WORDS or " ".join(lower.split()) in _MISSING_WORDS:
        return None
    return text


# Every whole number below 2**53 is exact as a float64; above it (every Papua NIK, provinces 91-96) a
# double holds even numbers only, and a NIK printed from one with a decimal tail ("9101071910963008.0",
# pandas' float column) shows the double's last digit, not the NIK's.
_EXACT_DOUBLE = 2**53


def _above_exact_double(digits: str) -> tuple[str | None, str, str | None] | None:
    """The parts of a NIK printed from a float64 above 2**53: its first 15 digits known, as Excel's
    truncation leaves them (the 16th may be one off; one ending in 9 may have carried into the 15th,
    as the JSON reader's floats do). None for any other digits."""
    if len(digits) == 16 and digits.isdigit() and int(digits) >= _EXACT_DOUBLE:
        return (None, EXCEL_TRUNCATED, digits[:_EXCEL_SIGNIFICANT_DIGITS])
    return None


def _without_decimal_tail(text: str) -> tuple[str, tuple[str | None, str, str | None] | None]:
    """The NIK without a spreadsheet's decimal tail, and the parts when the number format shows it was truncated.

    The second item is None unless the NIK went through a spreadsheet number
    (digit grouping and decimals), which keeps only 15 significant digits.
    """
    float_tail = _FLOAT_TAIL.match(text)
    if float_tail:
        return float_tail.group(1), _above_exact_double(float_tail.group(1))
    decimal = _DECIMAL_TAIL.match(text)
    # The decimal separator is not also the grouping one, and what is left is a NIK's length.
    if decimal and decimal.group(2) not in decimal.group(1) and 15 <= sum(c.isdigit() for c in decimal.group(1)) <= 17:
        text = decimal.group(1)
        grouped = _INNER_NOISE.sub("", text)
        if _above_exact_double(grouped):
            return text, _above_exact_double(grouped)
        if len(grouped) == 16 and grouped.isdigit() and grouped.endswith("0") and not text.isdigit():
            # Digit grouping and decimals are a number format: the NIK was a number in a
            # spreadsheet, which keeps 15 significant digits (DOMAIN "The person: NIK").
            return text, (None, EXCEL_TRUNCATED, grouped[:_EXCEL_SIGNIFICANT_DIGITS])
    return text, None


def _digit_parts(text: str) -> tuple[str | None, str, str | None]:
    """The parts of a NIK written as digits among separators: missing, a remark, invalid or classified."""
    digits = _INNER_NOISE.sub("", text)
    if not digits:
        # Only separators: "-", "--", "...".
        return _MISSING_PARTS
    if not any(ch.isdigit() for ch in digits):
        # Words only: a remark in place of the NIK ("KTP hilang", "Belum rekam", "dalam proses").
        return _MISSING_PARTS
    if _LOOKALIKES_ONLY.match(digits):
        # A letter O typed for a zero, l or I for a one, among the digits: the NIK the clerk read.
        digits = digits.translate(_LOOKALIKE_DIGITS)
    if not (digits.isdigit() and digits.isascii()):
        remarked = _nik_beside_remark(text)
        if remarked is not None and remarked != text:
            return nik_parts(remarked)
        return None, INVALID, _unmasked_lead(digits)
    if digits.count("0") == len(digits):
        # "0", "0000000000000000": a placeholder, not a damaged NIK.
        return _MISSING_PARTS
    return _classify_digits(digits)


# A NIK inside other text: 15 to 17 digits, maybe grouped by spaces, dots or hyphens.
_NIK_IN_TEXT = re.compile(r"(?<![\d.,])\d(?:[\s.\-]?\d){14,16}(?![\d]|[.,]\d)")


def nik_in_text(raw: str | None) -> str | None:
    """The one NIK-length number written inside a text cell (a name with its NIK pasted
    after it: "Ahmad Fauzi (6408011203850001)"), or None when there is none or more than one.

    >>> nik_in_text("AHMAD / NIK 6408 0112 0385 0001")
    '6408 0112 0385 0001'
    """
    if raw is None or not any(ch.isdigit() for ch in raw):
        return None
    found = _NIK_IN_TEXT.findall(raw)
    return found[0] if len(found) == 1 else None


# A remark written beside the number in the NIK cell: "6408011203850001 (KTP Kutim)",
# "6408011203850001 - lama", "6408011203850001;". Words and marks only, the number first: a
# second number or digits inside the words leave the cell as it is.
_REMARK_AFTER = re.compile(r"^(\d(?:[\s.\-]?\d){14,16})[\s,;:/()\[\]\-\u2013]*([^\d]*)$")


# A remark naming another document's number: the number is that one's, not the NIK ("6408.../KK").
_OTHER_NUMBER = re.compile(r"\b(?:kk|kartu keluarga|npwp|bpjs|sim|paspor|passport|hp|telp|telepon|wa|no hp)\b",
                           re.IGNORECASE)


def _nik_beside_remark(text: str) -> str | None:
    """The NIK-length number at the start of ``text`` when only words or marks follow it, else None."""
    match = _REMARK_AFTER.match(text)
    if match is None or _OTHER_NUMBER.search(match.group(2)):
        return None
    if match.group(2) and not any(ch.isalpha() for ch in match.group(2)) and match.group(2).strip(" ,;:/()[]-\u2013."):
        return None  # a mark of doubt ("?") or some other sign: the cell is not plainly the NIK
    return match.group(1)


def parse_nik(raw: str | None) -> NikResult:
    """Clean a raw NIK cell and classify it.

    Strips whitespace (incl. NBSP), a leading apostrophe or backtick, surrounding
    quotes, Excel's ``="..."`` text-formula wrapper, and spaces, dots, commas,
    hyphens inside. Scientific forms are
    recognised before the dots are removed.

    >>> parse_nik("'6408 0152 0385 0001")
    NikResult(nik='6408015203850001', status='valid', partial=None)
    >>> parse_nik("6.40801520385001e+15")
    NikResult(nik=None, status='excel_truncated', partial='640801520385001')
    >>> parse_nik("6,40801E+15")
    NikResult(nik=None, status='scientific_notation', partial='64080')
    """
    return NikResult(*nik_parts(raw))


def digit_matrix(digits: pa.Array) -> np.ndarray:
    """An (n, 16) int16 array of digit values from an Arrow string array of 16-digit strings."""
    digits = pc.cast(digits, pa.string())
    offsets = np.frombuffer(digits.buffers()[1], dtype=np.int32)[digits.offset : digits.offset + len(digits) + 1]
    data = np.frombuffer(digits.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    return data.reshape(-1, 16).astype(np.int16) - 48


def _classify_digit_strings(digits: pa.Array) -> tuple[pa.Array, np.ndarray, pa.Array]:
    """:func:`_classify_digits` over an Arrow array of non-empty ASCII digit strings."""
    n = len(digits)
    lengths = pc.utf8_length(digits).to_numpy(zero_copy_only=False)
    # "0", "0000000000000000": a placeholder, not a damaged NIK.
    zeros = pc.match_substring_regex(digits, "^0+$").to_numpy(zero_copy_only=False)
    valid = np.zeros(n, dtype=bool)
    sixteen = np.flatnonzero(lengths == 16)
    if len(sixteen):
        d = digit_matrix(digits.take(pa.array(sixteen)))
        province = d[:, 0] * 10 + d[:, 1]
        day = d[:, 6] * 10 + d[:, 7]
        month = d[:, 8] * 10 + d[:, 9]
        valid[sixteen] = (
            np.isin(province, _PROVINCE_NUMBERS)
            & (month >= 1)
            & (month <= 12)
            & (((day >= 1) & (day <= 31)) | ((day >= 41) & (day <= 71)))
            & (d[:, 12:].sum(axis=1) > 0)
        )
    status = np.where(lengths == 16, INVALID, WRONG_LENGTH).astype(object)
    status[valid] = VALID
    status[zeros] = MISSING
    null = pa.nulls(n, pa.string())
    nik = pc.if_else(pa.array(valid), digits, null)
    partial = pc.if_else(pa.array(~valid & ~zeros), digits, null)
    return nik, status, partial


def parse_nik_array(
    values: Sequence[str | None] | pa.Array,
) -> tuple[pd.api.extensions.ExtensionArray, np.ndarray, pd.api.extensions.ExtensionArray]:
    """:func:`parse_nik` over many distinct values.

    Returns ``nik`` and ``partial`` as pandas ``"str"`` arrays (missing is NaN)
    and ``status`` as a numpy object array, aligned with ``values``.

    Values that are only digits, possibly grouped with spaces or hyphens and led
    by an apostrophe (the bulk), are cleaned with Arrow and checked with numpy;
    the rest go through :func:`nik_parts` one by one. Same results as
    :func:`parse_nik` (tested).
    """
    n = len(values)
    text_array = as_arrow_text(values)
    simple = pc.fill_null(pc.match_substring_regex(text_array, _SIMPLE_NIK), False).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(simple)
    others = np.flatnonzero(~simple)
    status = np.empty(n, dtype=object)
    if len(rows):
        digits = pc.replace_substring_regex(text_array.take(pa.array(rows)), "[^0-9]", "")
        bulk_nik, status[rows], bulk_partial = _classify_digit_strings(digits)
    else:
        bulk_nik = bulk_partial = pa.array([], type=pa.string())
    other_nik: list[str | None] = []
    other_partial: list[str | None] = []
    for i, raw in zip(others, text_array.take(pa.array(others)).to_pylist()):
        one_nik, status[i], one_partial = nik_parts(raw)
        other_nik.append(one_nik)
        other_partial.append(one_partial)
    # One Arrow take puts both parts back in input order.
    order = np.empty(n, dtype=np.int64)
    order[rows] = np.arange(len(rows))
    order[others] = len(rows) + np.arange(len(others))
    order_array = pa.array(order)

    def merged(bulk: pa.Array, other: list[str | None]) -> pd.api.extensions.ExtensionArray:
        combined = pa.concat_arrays([pc.cast(bulk, pa.string()), pa.array(other, type=pa.string())])
        return pd.array(combined.take(order_array), dtype="str")

    return merged(bulk_nik, other_nik), status, merged(bulk_partial, other_partial)


def nik_birth_date_and_sex(nik: str, reference_year: int) -> tuple[date | None, str]:
    """Decode the birth date and sex embedded in a 16-digit NIK.

    Digits 7-12 are ``ddmmyy``; women add 40 to the day ("P"), men do not ("L").
    The century is 2000 when that makes the person at least 15 years old in
    ``reference_year`` (the youngest age for a KTP is 17; 15 leaves room for
    registration-year slack), else 1900. An impossible date gives ``None``; the
    sex is still returned.

    >>> nik_birth_date_and_sex("6408015203850001", 2026)
    (datetime.date(1985, 3, 12), 'P')
    """
    day = int(nik[6:8])
    month = int(nik[8:10])
    yy = int(nik[10:12])
    sex = "L"
    if day > 40:
        sex = "P"
        day -= 40
    year = 2000 + yy if 2000 + yy <= reference_year - 15 else 1900 + yy
    try:
        return date(year, month, day), sex
    except ValueError:
        return None, sex
