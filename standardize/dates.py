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
  March 1900);
- timestamps of web exports (:func:`local_date_of_timestamp`): ISO 8601 with an
  offset or ``Z`` ("2024-03-12T00:00:00+08:00", "2024-03-11T16:00:00.000Z",
  "2024-03-12 00:00:00+07", "2024-03-12 08:00 WITA"), Unix epoch seconds or
  milliseconds ("1710172800000") and .NET's "/Date(1710172800000)/". The result
  is the calendar date in Indonesia, never the UTC date.

Two-digit years are 20yy when that is not after ``reference_year``, else 19yy.
Four-digit years outside 1900..2100 are treated as typos (None).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from rapidfuzz.distance import OSA

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
# A time of day after the date, as a clerk or a web panel writes it: "10:00", "pukul 09.00",
# "jam 8.30", after a comma or not.
_TIME_TAIL = re.compile(r"\s*,?\s+(?:(?:pukul|pkl|jam)\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
                        r"(?:\s*[AaPp]\.?[Mm]\.?)?$", re.IGNORECASE)
# An Indonesian zone's name closing a date with no time, or a time with no zone offset
# ("01.03.2025 WITA", "3 Maret 2025 WIT"): the calendar date written is the date in that zone.
_LOCAL_ZONE_TAIL = re.compile(r"\s*,?\s*\b(?:wib|wita|wit)\.?$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4}|\d{2})$")
_SERIAL = re.compile(r"^(\d{4,5})(?:\.\d+)?$")
_EIGHT = re.compile(r"^\d{8}$")
# "12 Agustus 1985", "12-Agt-85", "12th August 1985", "12 Agustus '85".
_DAY_MONTH_YEAR = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-./,]*([^\W\d_]+)\.?[\s\-./,]*'?(\d{4}|\d{2})$", re.IGNORECASE
)
# "Maret 12, 1985", "August 12th 1985". Day and year apart, so "Agustus 1985" (a month
# and year, no day) is not read as 19 August 85.
_MONTH_DAY_YEAR = re.compile(
    r"^([^\W\d_]+)\.?[\s\-./]*(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)'?(\d{4}|\d{2})$", re.IGNORECASE
)
# Marks around a date typed as text: Excel's apostrophe, quotes, a full stop at the end.
_DATE_NOISE = "'`\"\u2018\u2019\u201c\u201d"


# ISO 8601 date-time with a zone: "Z", "+08:00", "+0800", "+08", "UTC", or the
# Indonesian zone names WIB / WITA / WIT.
_ISO_ZONED = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT|WIB|WITA|WIT)$",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"^(-?\d{9,13})(?:\.0+)?$")
_DOTNET = re.compile(r"^/?Date\((-?\d+)(?:[+-]\d{4})?\)/?$", re.IGNORECASE)
# Indonesia's three zones: WIB UTC+7, WITA UTC+8, WIT UTC+9.
_INDONESIAN_OFFSETS_HOURS = (7, 8, 9)
_UTC_NAMES = ("Z", "UTC", "GMT")


def local_date_of_instant(moment: datetime) -> date:
    """The calendar date in Indonesia of an instant (an aware datetime).

    Indonesia spans UTC+7 to UTC+9 and the office's zone is not in the data, so:
    before 15:00 UTC it is the same day in all three zones and from 17:00 UTC the
    next day in all three. In between, exactly 15:00 and 16:00 UTC are local
    midnight in WIT and WITA (a system that stored a date as local midnight in
    UTC: "2024-03-11T16:00:00Z" is 12 March in Samarinda); other times take WIB,
    the zone of most offices.
    """
    utc = moment.astimezone(timezone.utc)
    day = utc.date()
    on_the_hour = utc.minute == 0 and utc.second == 0 and utc.microsecond == 0
    if utc.hour >= 17 or (on_the_hour and utc.hour in (15, 16)):
        return day + timedelta(days=1)
    return day


def local_date_of_timestamp(text: str) -> date | None:
    """The Indonesian calendar date of a zoned timestamp, epoch number or .NET date; None if it is none.

    A timestamp with an Indonesian offset (+07:00, +08:00, +09:00) or zone name
    is already local: its date is taken as written ("2024-03-12T00:00:00+08:00"
    is 12 March; converting to UTC would give 11 March). Any other offset, ``Z``
    and epoch numbers are instants: see :func:`local_date_of_instant`.

    >>> local_date_of_timestamp("2024-03-12T00:00:00+08:00")
    datetime.date(2024, 3, 12)
    >>> local_date_of_timestamp("2024-03-11T16:00:00Z")
    datetime.date(2024, 3, 12)
    """
    zoned = _ISO_ZONED.match(text)
    if zoned:
        year, month, day = int(zoned.group(1)), int(zoned.group(2)), int(zoned.group(3))
        written = _make(year, month, day)
        zone = zoned.group(7).upper()
        if written is None or zone in ("WIB", "WITA", "WIT"):
            return written
        if zone in _UTC_NAMES:
            offset = timedelta(0)
        else:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            if offset in [timedelta(hours=h) for h in _INDONESIAN_OFFSETS_HOURS]:
                return written
        hour, minute, second = (int(zoned.group(i) or 0) for i in (4, 5, 6))
        if hour > 23 or minute > 59 or second > 59 or abs(offset) > timedelta(hours=14):
            return None
        moment = datetime(year, month, day, hour, minute, second, tzinfo=timezone(offset))
        return _bounded(local_date_of_instant(moment))
    epoch = _EPOCH.match(text)
    milliseconds = None
    if epoch:
        # Up to 10 digits: seconds ("1710172800"); 11 to 13: milliseconds ("1710172800000").
        number = int(epoch.group(1))
        milliseconds = number * 1000 if len(epoch.group(1).lstrip("-")) <= 10 else number
    dotnet = _DOTNET.match(text)
    if dotnet:
        milliseconds = int(dotnet.group(1))
    return None if milliseconds is None else _from_epoch_ms(milliseconds)


def _from_epoch_ms(milliseconds: int) -> date | None:
    try:
        moment = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=milliseconds)
    except OverflowError:
        return None
    return _bounded(local_date_of_instant(moment))


def _bounded(day: date) -> date | None:
    return day if _YEAR_MIN <= day.year <= _YEAR_MAX else None


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


# A weekday before a written date, as Indonesian letters and SKs date things:
# "Selasa, 12 Mei 2025", "Jum'at 3 Januari 2025" (and English "Tuesday, ...").
_WEEKDAY = re.compile(
    r"^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s+(?=\d)",
    re.IGNORECASE,
)


# Words before a date in certificate cells: "s.d. 12-05-2030", "Berlaku s/d 12 Mei 2030", "TMT 12-05-2025",
# "sampai dengan ...", "Tgl. 12-05-2025"; and a remark in brackets after it ("(5 thn)").
_DATE_LEAD = re.compile(
    # TMT, "Terhitung Mulai Tanggal": the civil service's word for the day something takes effect
    # ("TMT 10-03-2021", "berlaku mulai 10 Maret 2021", "sejak tgl. 10/03/2021")
    r"^(?:(?:tmt|terhitung\s+mulai(?:\s+tanggal|\s+tgl)?|(?:berlaku\s+)?(?:mulai|sejak)(?:\s+berlaku)?"
    r"(?:\s+tgl|\s+tanggal)?)\b\.?\s*[:.]?\s*(?=\d)|"
    r"(?:sudah\s+|telah\s+)?(?:terbit|diterbitkan|ditetapkan|exp(?:ired|iry)?|kadaluarsa|kedaluwarsa)\b\.?\s*"
    r"(?:pada\s+|tgl\b\.?\s*|tanggal\s+)?[:.]?\s*(?=\d)|"
    r"(?:(?:masa\s+)?berlaku\s*)?(?:s\s*[./]?\s*d\b\.?|sampai(?:\s+dengan)?|hingga|until|tgl\b\.?|tanggal)?\s*[:.]?\s*(?=\S))",
    re.IGNORECASE,
)
# A letter O typed for a zero inside a numeric date ("12-O6-2025", "O1/03/1985").
_LETTER_O_DATE = re.compile(r"^[\dOo]{1,2}[-/. ][\dOo]{1,2}[-/. ][\dOo]{2,4}$")
_DATE_REMARK = re.compile(r"\s*\([^()]*\)$")
# Between the two dates of a period: "12-05-2025 s/d 12-05-2030", "12/05/2025 - 12/05/2030".
_DATE_RANGE = re.compile(
    r"\s+(?:s\s*[./]?\s*d\b\.?|sd\b\.?|sampai(?:\s+dengan)?|hingga|to|until)\s+|\s+[-\u2013\u2014]\s+|\s*[\u2013\u2014]\s*",
    re.IGNORECASE,
)


def parse_date_span(
    raw: str | None, date_order: str = "dmy", reference_year: int = 2026
) -> tuple[date | None, date | None]:
    """First and last date of a cell: the one date twice, or both ends of a period.

    A certificate's "Masa Berlaku" is often written as its period, "12-05-2025 s/d
    12-05-2030": the issue date is its start, the expiry its end. A cell that is
    not exactly two readable dates around a range word is read as one date.

    >>> parse_date_span("12-05-2025 s/d 11-05-2030")
    (datetime.date(2025, 5, 12), datetime.date(2030, 5, 11))
    """
    if raw is None:
        return None, None
    parts = _DATE_RANGE.split(raw.strip())
    if len(parts) == 2:
        first, last = (parse_date(part, date_order, reference_year) for part in parts)
        if first is not None and last is not None:
            return first, last
    single = parse_date(raw, date_order, reference_year)
    return single, single


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
    text = raw.strip().strip(_DATE_NOISE)
    if text[:1].isalpha():
        text = _DATE_LEAD.sub("", text)
    if text[-1:] == ")":
        text = _DATE_REMARK.sub("", text)
    elif text[-1:] == "]":
        text = _JAVA_ZONE_ID.sub("", text)
    text = _WEEKDAY.sub("", text.rstrip(".,;").strip())
    if not text:
        return None
    if ("O" in text or "o" in text) and _LETTER_O_DATE.match(text):
        text = text.replace("O", "0").replace("o", "0")

    iso = _ISO.match(text)
    if iso:
        return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if len(text) >= 14 and text[-1:].isalnum():
        zoned = _ZONED_WRITTEN.match(text)
        if zoned:
            return _zoned_written_date(zoned, date_order, reference_year)
    if len(text) >= 9:
        # A web export's timestamp or epoch number (the short forms below are never 9+ plain digits).
        stamped = local_date_of_timestamp(text)
        if stamped is not None:
            return stamped

    serial = _SERIAL.match(text)
    if serial:
        return _excel_serial_date(int(serial.group(1)))
    bare = _TIME_TAIL.sub("", _LOCAL_ZONE_TAIL.sub("", text))
    iso = _ISO.match(bare) if bare != text else None
    if iso:  # "2025-03-01 pukul 10.00", "2025-03-01 WITA"
        return _make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    return _written_date(bare, date_order, reference_year)


# The zone id Java's ZonedDateTime.toString() writes after the offset ("1985-03-12T00:00+07:00[Asia/Jakarta]",
# what a Java back end's CSV or JSON shows when it prints the value instead of formatting it): the offset says it all.
_JAVA_ZONE_ID = re.compile(r"(?<=\d:\d\d|:\d\dZ)\[(?:[A-Za-z_]+(?:/[A-Za-z_+\-]+){0,2}|UTC|GMT)\]$")


# A date written out with a time of day and its zone, as programs print one: JavaScript's
# Date.toString() ("Mon Feb 14 2022 00:00:00 GMT+0700 (Western Indonesia Time)", what an Apps
# Script joining getValues() writes), toUTCString() and HTTP dates ("Mon, 14 Feb 2022 17:00:00
# GMT"), a web panel's "15-06-2023 09:00 WITA" or "10 Mei 2023 pukul 09.00 WIB".
_ZONED_WRITTEN = re.compile(
    r"^(?:(?:sun|mon|tue|wed|thu|fri|sat|senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)[a-z]*\.?,?\s+)?"
    r"(?P<date>\S.*?\d)\s*,?\s+(?:(?:pukul|pkl|jam)\.?\s*)?"
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2})(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?\s*"
    r"(?P<zone>(?:gmt|utc)\s*(?:[+-]\d{2}:?\d{2})?|[+-]\d{2}:?\d{2}|z|wib|wita|wit)$",
    re.IGNORECASE,
)


def _zoned_written_date(zoned: re.Match[str], date_order: str, reference_year: int) -> date | None:
    """The Indonesian calendar date of a written date-time with a zone (:data:`_ZONED_WRITTEN`).

    Written in an Indonesian zone (WIB, WITA, WIT, +07:00 to +09:00) the date is the one written;
    in UTC or another zone it is an instant, dated as :func:`local_date_of_instant` dates one
    ("Tue, 09 May 2023 17:00:00 GMT" is 10 May in every Indonesian zone).
    """
    part = zoned.group("date")
    iso = _ISO.match(part)
    written = (_make(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))) if iso
               else _written_date(part, date_order, reference_year))
    if written is None:
        return None
    zone = zoned.group("zone").upper().replace(" ", "")
    digits = zone.removeprefix("GMT").removeprefix("UTC")
    if zone in ("WIB", "WITA", "WIT"):
        return written
    offset = timedelta(0)
    if digits and digits != "Z":
        sign = -1 if digits[0] == "-" else 1
        digits = digits[1:].replace(":", "")
        offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    if offset in [timedelta(hours=h) for h in _INDONESIAN_OFFSETS_HOURS]:
        return written
    hour, minute, second = int(zoned.group("h")), int(zoned.group("m")), int(zoned.group("s") or 0)
    ampm = (zoned.group("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59 or abs(offset) > timedelta(hours=14):
        return None
    moment = datetime(written.year, written.month, written.day, hour, minute, second, tzinfo=timezone(offset))
    return _bounded(local_date_of_instant(moment))


def _excel_serial_date(days: int) -> date | None:
    """The date of an Excel serial day number; a number outside the plausible range is no date at all."""
    if _SERIAL_MIN <= days <= _SERIAL_MAX:
        return _EXCEL_EPOCH + timedelta(days=days)
    return None


def _written_date(text: str, date_order: str, reference_year: int) -> date | None:
    """A date typed by hand (time of day already cut off): numeric, eight digits or with a month name.

    The first form whose shape matches decides: a cell shaped like one form and
    unreadable as it is not tried as another.
    """
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric_date(numeric, date_order, reference_year)
    if _EIGHT.match(text):
        return _eight_digit_date(text)
    named = _DAY_MONTH_YEAR.match(text)
    if named:
        return _named_month_date(named.group(1), named.group(2), named.group(3), reference_year)
    named = _MONTH_DAY_YEAR.match(text)
    if named:
        return _named_month_date(named.group(2), named.group(1), named.group(3), reference_year)
    return None


def _numeric_date(numeric: re.Match[str], date_order: str, reference_year: int) -> date | None:
    """Day, month and year as numbers, in the file's order; the other order when the file's is impossible."""
    first, second = int(numeric.group(1)), int(numeric.group(2))
    year = _year(numeric.group(3), reference_year)
    day, month = (second, first) if date_order == "mdy" else (first, second)
    return _make(year, month, day) or _make(year, day, month)


def _eight_digit_date(text: str) -> date | None:
    """Eight digits: yyyymmdd ("19850312") when it starts like a year and reads as a date, else ddmmyyyy."""
    if text[:2] in ("19", "20"):
        as_ymd = _make(int(text[:4]), int(text[4:6]), int(text[6:]))
        if as_ymd is not None:
            return as_ymd
    return _make(int(text[4:]), int(text[2:4]), int(text[:2]))


# Full month names, Indonesian and English, for reading misspelt ones.
_FULL_MONTHS: dict[str, int] = {name: number for name, number in MONTHS.items() if len(name) >= 5} | {
    "maret": 3,
    "april": 4,
    "juni": 6,
    "juli": 7,
    "june": 6,
    "july": 7,
    "march": 3,
}
# Abbreviations by consonants, as clerks shorten Maret and Agustus.
_CONSONANT_MONTHS: dict[str, int] = {"mrt": 3, "agst": 8, "ags": 8, "sptr": 9, "spt": 9, "okt": 10, "nov": 11, "dsb": 12}
_MONTH_CACHE: dict[str, int | None] = {}


def month_number(word: str) -> int | None:
    """The month a month name means, also misspelt; None when it is no month or could be two.

    Exact names and abbreviations first (:data:`MONTHS`, "Mrt", "Agst"); then, for
    words of four letters or more, a beginning of one month's full name ("Januar",
    "Febru", "Septembe") or a full name with one typo ("Agusuts", "Novemver",
    "Desmber"), two from eight letters ("Spetember"). A word as near to two months
    ("Jumi": Juni or Juli) is none.
    """
    lower = word.lower()
    if lower in MONTHS:
        return MONTHS[lower]
    if lower in _MONTH_CACHE:
        return _MONTH_CACHE[lower]
    found: set[int] = set()
    if len(lower) >= 4 and lower.isalpha():
        found = {n for name, n in _FULL_MONTHS.items() if name.startswith(lower)}
        if not found:
            allowed = 2 if len(lower) >= 8 else 1
            found = {n for name, n in _FULL_MONTHS.items() if abs(len(name) - len(lower)) <= allowed
                     and OSA.distance(lower, name) <= allowed}
    month = _CONSONANT_MONTHS.get(lower) or (found.pop() if len(found) == 1 else None)
    if len(_MONTH_CACHE) < 10_000:
        _MONTH_CACHE[lower] = month
    return month


def _named_month_date(day: str, month_name: str, year: str, reference_year: int) -> date | None:
    """A date whose month is written as a word; an unknown word makes it unreadable."""
    month = month_number(month_name)
    if month is None:
        return None
    return _make(_year(year, reference_year), month, int(day))


# Where the date part of a birth cell starts: the first digit, or a month name
# directly followed by a day number ("Maret 12, 1985").
_FIRST_DIGIT = re.compile(r"\d")
_SEPARATORS = " \t,;/\\-.:()"
# The label of the date left at the end of the place: "Sangatta, Tgl 12-03-1985".
_PLACE_TAIL = re.compile(r"[\s,;/]*\b(?:tgl\.?|tanggal|lahir|tgl\.?\s*lahir|tanggal\s+lahir)$", re.IGNORECASE)
_DATE_THEN_PLACE = re.compile(r"^([^,;]*\d[^,;]*)[,;]\s*([^\W\d_][^\d]*)$")
# The same with the place after a slash, a dash or a space ("12 Maret 1985 / Sangatta",
# "12-03-1985 Sangatta"): the date ends at its last digit, the place has none. Zone names
# after a time are no place.
# The place may stand in brackets after the date: "12-03-1985 (Semarang)", "12 Maret 1985 [Kendal]".
_DATE_THEN_WORDS = re.compile(r"^(.*\d)[\s/\\|\-]*?[\s/\\|\-(\[]\s*([^\W\d_][^\d()\[\]]*?)\s*[)\]]?$")
_NO_PLACE = frozenset({"wib", "wita", "wit", "utc", "gmt", "z", "am", "pm"})
# The age clerks write after the birth date: "(38 th)", "/ 40 thn", "Usia 40", "umur: 38 tahun".
_AGE_TAIL = re.compile(
    r"[\s,;/(\-]*(?:(?:usia|umur)\s*[:.]?\s*\d{1,2}(?:\s*(?:th|thn|tahun|thun)\.?)?"
    r"|\d{1,2}\s*(?:th|thn|tahun|thun)\.?)\s*\)?\s*$",
    re.IGNORECASE,
)


# A weekday before the date, left at the end of the place ("Sangatta, Senin 12 Maret 1985"): no
# part of the place (parse_date drops it before a date alone, _WEEKDAY).
_WEEKDAY_TAIL = re.compile(r"(?:^|[\s,;/]+)(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)$", re.IGNORECASE)


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
    text = _AGE_TAIL.sub("", text) or text
    match = _FIRST_DIGIT.search(text)
    if match is None:
        return (text.strip(_SEPARATORS) or None), None
    if match.start() == 0:
        # The date first, the place after it: "12-03-1985, Samarinda", "12 Maret 1985 / Sangatta".
        date_first = _DATE_THEN_PLACE.match(text) or _DATE_THEN_WORDS.match(text)
        if date_first and date_first.group(2).strip(_SEPARATORS).lower() not in _NO_PLACE:
            return date_first.group(2).strip(_SEPARATORS) or None, date_first.group(1).strip(_SEPARATORS) or None
    place, when = text[: match.start()], text[match.start() :]
    words = place.rstrip(_SEPARATORS).split(" ")
    if words[-1].rstrip(".").lower() in MONTHS:
        # "Maret 12, 1985" puts the month first; it belongs to the date.
        when = f"{words[-1]} {when}"
        place = " ".join(words[:-1])
    place = _PLACE_TAIL.sub("", _WEEKDAY_TAIL.sub("", place.strip(_SEPARATORS)))
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
