"""Birth dates as linkage compares them (ISO text, "1985-03-12")."""

from __future__ import annotations

from datetime import date, timedelta

from rapidfuzz.distance import DamerauLevenshtein

_ONE_DAY = timedelta(days=1)


def birth_far(birth: str, others: list[str]) -> bool:
    """True when ``birth`` is no typo of any of ``others``: more than one edit, not day and month swapped,
    not the day before or after.

    Dates compare as ISO text ("1985-03-12"): a wrong digit or two swapped digits is
    one edit; a day/month swap ("1985-12-03") is the other common slip. A day off
    (9 / 10 August, 31 May / 1 June) is a timestamp read in another time zone
    (a web export's "1973-08-10T00:00:00+08:00" taken as UTC is the 9th) or a clerk's
    count: two edits in text, one day in time.
    """
    for other in others:
        if DamerauLevenshtein.distance(birth, other) <= 1:
            return False
        if birth[:4] == other[:4] and birth[5:7] == other[8:10] and birth[8:10] == other[5:7]:
            return False
        if one_day_apart(_iso(birth), _iso(other)):
            return False
    return True


def one_day_apart(a: date | None, b: date | None) -> bool:
    """``a`` and ``b`` are consecutive days (False when either is unknown)."""
    return a is not None and b is not None and abs(a - b) == _ONE_DAY


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except (TypeError, ValueError):
        return None


def ddmmyy_date(text: str) -> date | None:
    """A NIK's ``ddmmyy`` (day already without the women's 40) as a date; the century is fixed (2000s),
    which keeps the distance between two such dates, the only use. None when no such day."""
    try:
        return date(2000 + int(text[4:6]), int(text[2:4]), int(text[:2]))
    except (TypeError, ValueError):
        return None
