"""Small helpers shared by the world model and the office writers: random streams, object columns, dates.

Dates are numpy ``datetime64[D]`` arrays; their text forms are the ones the offices
write (12-03-1985, 03/12/1985, "12 Maret 1985", ISO), plus Excel serial day numbers.
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

from demo import names as V

_EXCEL_EPOCH = np.datetime64("1899-12-30", "D")


def _rng(seed: int, *keys: object) -> np.random.Generator:
    """An independent stream per (seed, step, office): one office's size never shifts another's draws."""
    words = [int(seed) & 0xFFFFFFFF]
    for key in keys:
        words.append(zlib.crc32(str(key).encode("utf-8")))
    return np.random.default_rng(words)


def _obj(values, index=None) -> pd.Series:
    """An object column: pandas 3 would infer ``str`` and turn None into NaN."""
    return pd.Series(np.asarray(values, dtype=object), index=index, dtype=object)


def _choice(rng: np.random.Generator, weights: dict, size: int) -> np.ndarray:
    keys = np.array(list(weights.keys()))
    probs = np.array(list(weights.values()), dtype=float)
    return keys[rng.choice(len(keys), size=size, p=probs / probs.sum())]


def _ymd(days: np.ndarray) -> tuple[list[int], list[int], list[int]]:
    """Year, month, day lists of a datetime64[D] array (NaT rows give garbage; mask them)."""
    d = days.astype("datetime64[D]")
    months = d.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (d - months.astype("datetime64[D]")).astype(np.int64) + 1
    return year.tolist(), month.tolist(), day.tolist()


def _add_years(days: np.ndarray, years: int) -> np.ndarray:
    """Same day and month ``years`` later; 29 February becomes 28 February."""
    days = np.asarray(days, dtype="datetime64[D]")
    month = days.astype("datetime64[M]")
    offset = days - month.astype("datetime64[D]")
    target = month + 12 * years
    length = (target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")
    return target.astype("datetime64[D]") + np.minimum(offset, length - 1)


def _dmy(days, sep="-", two_digit_year=False, order="dmy") -> list[str | None]:
    """Dates as text: 12-03-1985, 12-03-85, 03/12/1985 (mdy); None for NaT."""
    days = np.asarray(days, dtype="datetime64[D]")
    nat = np.isnat(days)
    y, m, d = _ymd(np.where(nat, np.datetime64("2000-01-01"), days))
    out = []
    for yy, mm, dd, missing in zip(y, m, d, nat.tolist()):
        if missing:
            out.append(None)
            continue
        year = f"{yy % 100:02d}" if two_digit_year else f"{yy:04d}"
        out.append(f"{mm:02d}{sep}{dd:02d}{sep}{year}" if order == "mdy" else f"{dd:02d}{sep}{mm:02d}{sep}{year}")
    return out


def _bulan(days, abbreviate=False) -> list[str]:
    """Dates with Indonesian month names: "12 Maret 1985" ("12 Mar 1985")."""
    y, m, d = _ymd(np.asarray(days, dtype="datetime64[D]"))
    names = [name[:3] if abbreviate else name for name in V.BULAN]
    if abbreviate:
        names[7] = "Agt"
    return [f"{dd} {names[mm - 1]} {yy}" for yy, mm, dd in zip(y, m, d)]


_BULAN_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def _iso(days) -> list[str | None]:
    text = np.datetime_as_string(np.asarray(days, dtype="datetime64[D]"), unit="D").tolist()
    return [None if t == "NaT" else t for t in text]


def _serial(days) -> np.ndarray:
    """Excel serial day numbers (1900 system)."""
    return (np.asarray(days, dtype="datetime64[D]") - _EXCEL_EPOCH).astype(np.int64)

