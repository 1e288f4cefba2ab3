"""Dates as offices write them, and the combined "Tempat, Tanggal Lahir" cell.

Accepted forms (:func:`parse_date`):

- ISO from the readers' date cells: "1985-03-12", "1985-03-12 00:00:00", "1985-03-12T00:00:00";
- numeric day/month/year with "/", "-", "." or " ": "12/03/1985", "12-3-85", "12.03.1985";
  with ``date_order="mdy"`` the first two numbers swap; if the chosen order is
  impossible and the other one is not, the other one is used ("25/12/1985" in an
  mdy office is still 25 December);
- eight digits "12031985" (ddmmyyyy) or "19850312" (yyyymmdd);
- month names, Indonesian and English, full or abbreviated, any case:
  "12 Maret 1985", "12-Mar-1985", "12 MARET 85", "5 Agt 1990", "Maret 12, 1985";
- Excel serial day numbers 10000..80000 ("31118", "31118.0"), epoch 1899-12-30
  (the epoch that makes Excel's fictitious 1900-02-29 harmless for dates after
  March 1900).

Two-digit years are 20yy when that is not after ``reference_year``, else 19yy.
Four-digit years outside 1900..2100 are treated as typos (None).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from standardize.fields import clean_place

_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = 10000, 80000
_YEAR_MIN, _YEAR_MAX = 1900, 2100

MONTHS: dict[str, int] = {
    # Indonesian, full and abbreviated (Agu/Agt/Ags and Nop are all in use)
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agust": 8,
    "agus": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nopember": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    # English where it differs
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "aug": 8,
    "october": 10,
    "oct": 10,
    "december": 12,
    "dec": 12,
}

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_TIME_TAIL = re.compile(r"\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4}|\d{2})$")
_SERIAL = re.compile(r"^(\d{4,5})(?:\.\d+)?$")
_EIGHT = re.compile(r"^\d{8}$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-./,]*([^\W\d_]+)\.?[\s\-./,]*(\d{4}|\d{2})$")
_MONTH_DAY_YEAR = re.compile(r"^([^\W\d_]+)\.?[\s\-./]*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4}|\d{2})$", re.IGNORECASE)


def _year(text: str, reference_year: int) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if 2000 + value <= reference_year else 1900 + value
    return value


def _make(year: int, month: int, day: int) -> date | None:
    if not _YEAR_MIN <= year <= _YEAR_MAX:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(raw: str | None, date_order: str = "dmy", reference_year: int = 2026) -> date | None:
    """Parse one date cell; ``None`` when it is blank or cannot be read.

    ``date_order`` ("dmy" or "mdy") only matters for all-numeric forms; see the
    module docstring for the accepted forms.

    >>> parse_date("12 Maret 85")
    datetime.date(1985, 3, 12)
    >>> parse_date("03/12/1985", date_order="mdy")
    datetime.date(1985, 3, 12)
    """
    if raw is None:
        return None
    text = raw.strip()
    if not text:
        return None

    iso = _ISO.match(text)
    if iso:
        return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))

    serial = _SERIAL.match(text)
    if serial:
        days = int(serial.group(1))
        if _SERIAL_MIN <= days <= _SERIAL_MAX:
            return _EXCEL_EPOCH + timedelta(days=days)
        return None

    text = _TIME_TAIL.sub("", text)

    numeric = _NUMERIC.match(text)
    if numeric:
        first, second = int(numeric.group(1)), int(numeric.group(2))
        year = _year(numeric.group(3), reference_year)
        day, month = (second, first) if date_order == "mdy" else (first, second)
        return _make(year, month, day) or _make(year, day, month)

    if _EIGHT.match(text):
        if text[:2] in ("19", "20"):
            as_ymd = _make(int(text[:4]), int(text[4:6]), int(text[6:]))
            if as_ymd is not None:
                return as_ymd
        return _make(int(text[4:]), int(text[2:4]), int(text[:2]))

    named = _DAY_MONTH_YEAR.match(text)
    if named:
        month = MONTHS.get(named.group(2).lower())
        if month is None:
            return None
        return _make(_year(named.group(3), reference_year), month, int(named.group(1)))

    named = _MONTH_DAY_YEAR.match(text)
    if named:
        month = MONTHS.get(named.group(1).lower())
        if month is None:
            return None
        return _make(_year(named.group(3), reference_year), month, int(named.group(2)))
    return None


# Where the date part of a birth cell starts: the first digit, or a month name
# directly followed by a day number ("Maret 12, 1985").
_FIRST_DIGIT = re.compile(r"\d")
_SEPARATORS = " \t,;/\\-.:"


def split_birth(raw: str | None) -> tuple[str | None, str | None]:
    """Split a "Tempat, Tanggal Lahir" cell into its raw place and raw date parts.

    The date part starts at the first digit; a month name just before it
    ("Sangatta, Maret 12, 1985") belongs to the date. Separators around the
    split (",", "/", "-", spaces) are dropped. Blank parts are ``None``.

    >>> split_birth("SANGATTA,12/03/1985")
    ('SANGATTA', '12/03/1985')
    """
    if raw is None:
        return None, None
    text = " ".join(raw.split())
    match = _FIRST_DIGIT.search(text)
    if match is None:
        return (text.strip(_SEPARATORS) or None), None
    place, when = text[: match.start()], text[match.start() :]
    words = place.rstrip(_SEPARATORS).split(" ")
    if words[-1].rstrip(".").lower() in MONTHS:
        # "Maret 12, 1985" puts the month first; it belongs to the date.
        when = f"{words[-1]} {when}"
        place = " ".join(words[:-1])
    return (place.strip(_SEPARATORS) or None), (when.strip(_SEPARATORS) or None)


def parse_birth(
    raw: str | None, date_order: str = "dmy", reference_year: int = 2026
) -> tuple[str | None, date | None]:
    """Place (title case) and date from a combined "Tempat, Tanggal Lahir" cell.

    "Sangatta, 12-03-1985", "SANGATTA,12/03/1985", "Sangatta / 12 Maret 1985",
    "Sangatta 12 Maret 1985", "Kutai Timur, 1985-03-12", "Tanah Grogot, 5 Agt 1990".
    Either side is ``None`` when absent or, for the date, unreadable.

    >>> parse_birth("SANGATTA,12/03/1985")
    ('Sangatta', datetime.date(1985, 3, 12))
    """
    place, when = split_birth(raw)
    return clean_place(place), parse_date(when, date_order, reference_year)
