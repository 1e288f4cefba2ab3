"""Birth dates as linkage compares them (ISO text, "1985-03-12")."""

from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein


def birth_far(birth: str, others: list[str]) -> bool:
    """True when ``birth`` is no typo of any of ``others``: more than one edit, and not day and month swapped.

    Dates compare as ISO text ("1985-03-12"): a wrong digit or two swapped digits is
    one edit; a day/month swap ("1985-12-03") is the other common slip.
    """
    for other in others:
        if DamerauLevenshtein.distance(birth, other) <= 1:
            return False
        if birth[:4] == other[:4] and birth[5:7] == other[8:10] and birth[8:10] == other[5:7]:
            return False
    return True
