"""What a damaged NIK still says against a candidate person: :func:`hint_contradicts`.

A row whose NIK arrived damaged (Excel's 15 digits or its float copied back as text
with a 0 at the end, a digit dropped or doubled, a typo making it invalid, an
export's scientific notation) has no NIK of its own, and is linked on its name,
birth date and place. Its digits were left to the probabilistic stage, where
"nothing like the candidate's NIK" weighs as little as a NIK copied from the row
above (about -3 bits). But most of the time they are the person's own NIK, damaged
once: a namesake born the same day in the same regency (the commonest false merge
of such a row) has another district code, which no single damage explains.

The digits are trusted only when they can be the row's own: their date digits
(DDMMYY, women's day plus 40) are the row's birth date, or the row has no birth
date or the digits carry no date (scientific notation keeps five or six); a slip in
the date digits is allowed. A NIK
copied from another person's row and then damaged names that person, not this one.
"""

from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein

# nik_status values whose digits are a damaged form of a NIK (standardize.nik).
HINT_STATUSES = ("excel_truncated", "scientific_notation", "wrong_length", "invalid")


def _rounded_prefix(nik: str, keep: int) -> str:
    """The first ``keep`` digits of ``nik`` after rounding it at digit ``keep + 1`` (a float shown short)."""
    if keep >= len(nik):
        return nik
    return str((int(nik[: keep + 1]) + 5) // 10).zfill(keep)


def explained_by(digits: str, status: str, nik: str) -> bool:
    """Can one damage of the kind ``status`` have turned ``nik`` into ``digits``?

    ``excel_truncated``: the first 15 digits, cut or rounded; ``invalid`` (16 digits):
    one typo (a digit or two neighbours swapped), or Excel's 15 with a 0 appended;
    shorter (a masked NIK's leading digits): a prefix; ``wrong_length``: one digit
    dropped or doubled; ``scientific_notation``: the sure leading digits, cut or
    rounded (a carry). Any other status: always (no claim). Two damages on one NIK
    (a typo, then Excel's cut) are not assumed: the deterministic repairs do not
    assume them either, and a namesake's NIK is exactly that far.
    """
    corrected = status.endswith(DATE_CORRECTED)
    status = status.removesuffix(DATE_CORRECTED)
    if status == "excel_truncated":
        return digits == nik[:15] or digits == _rounded_prefix(nik, 15)
    if status == "invalid":
        if len(digits) < 16:
            return nik.startswith(digits)
        if DamerauLevenshtein.distance(digits, nik, score_cutoff=0 if corrected else 1) <= (0 if corrected else 1):
            return True
        return digits.endswith("0") and digits[:15] in (nik[:15], _rounded_prefix(nik, 15))
    if status == "wrong_length":
        return DamerauLevenshtein.distance(digits, nik, score_cutoff=1) <= 1
    if status == "scientific_notation":
        return nik.startswith(digits) or _rounded_prefix(nik, len(digits)) == digits
    return True


def credible(digits: str, status: str, ddmmyy: str | None) -> bool:
    """May the damaged ``digits`` be taken as the row's own NIK? (see the module docstring)

    ``ddmmyy``: the row's own birth date (None when it has none).
    """
    if status not in HINT_STATUSES or not isinstance(digits, str) or len(digits) < 4:
        return False
    if not isinstance(ddmmyy, str) or len(digits) < 12:
        return True
    women = str(int(ddmmyy[:2]) + 40) + ddmmyy[2:]
    # a digit dropped or doubled before the date moves it by one place; a slip in the date
    # digits (one typo, two neighbours swapped) is still the row's own NIK
    starts = (5, 6, 7) if status == "wrong_length" else (6,)
    return any(DamerauLevenshtein.distance(digits[s:s + 6], own, score_cutoff=1) <= 1
               for s in starts for own in (ddmmyy, women))


# statuses whose digits keep the date at its place (7-12); a dropped or doubled digit may shift it
_DATE_IN_PLACE = ("excel_truncated", "invalid", "scientific_notation")


# Status suffix of digits whose date slip the row's own birth date corrected: no further typo is
# assumed of them (two damages on one NIK are a namesake's distance).
DATE_CORRECTED = "+date"


def with_own_date(digits: str, status: str, ddmmyy: str | None) -> tuple[str, str]:
    """``(digits, status)`` with a slip in the date digits (one typo, two neighbours swapped) corrected
    to the row's own birth date (women's day plus 40, as the NIK writes it); the status then carries
    :data:`DATE_CORRECTED`.

    A NIK retyped with two date digits swapped and then cut by Excel ("6472024207808000" for
    6472024207880001, the row stating 02-07-1988) is two damages, which :func:`explained_by` never
    assumes; the row's own birth date undoes the first. The district and the serial, what a namesake's
    NIK changes, are left as they are.
    """
    if status not in _DATE_IN_PLACE or not isinstance(ddmmyy, str) or len(digits) < 12:
        return digits, status
    slot = digits[6:12]
    forms = (ddmmyy, str(int(ddmmyy[:2]) + 40) + ddmmyy[2:])
    if slot in forms:
        return digits, status
    slips = [form for form in forms if DamerauLevenshtein.distance(slot, form, score_cutoff=1) <= 1]
    # one slip away from the man's and the woman's form alike ("x20788"): which one is not said
    if len(slips) != 1:
        return digits, status
    return digits[:6] + slips[0] + digits[12:], status + DATE_CORRECTED


def hint_contradicts(digits: str, status: str, nik: str) -> bool:
    """The damaged ``digits`` cannot be ``nik`` (:func:`explained_by`) and they differ from it before
    the serial: another region, district or birth date (or sex), not just the last four digits.

    A serial two typos away is a heavier slip as likely as another person; a district
    code or a date is what a namesake's NIK changes.
    """
    if explained_by(digits, status, nik):
        return False
    # a dropped or doubled digit shifts what follows it: only the region and district stay in place
    shown = digits[:6] if status == "wrong_length" else digits[:12]
    return not nik.startswith(shown)
