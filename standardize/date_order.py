"""Which way round does a file write its numeric dates: day first or month first?

Indonesian offices write ``12/03/1985`` day first, but a sheet exported from a
system set to US locale, or typed by a clerk who copies such a sheet, writes
``03/12/1985`` month first. Read the wrong way, every birth date with a day up
to 12 becomes another date (linkage then sees another person) and certificate
expiry dates move by months (the active count changes). Each file's order is
read from the file itself, per file because one office's files come from
different systems; the registry's ``date_order`` (``auto`` by default, or the
office's habit ``dmy`` / ``mdy``) decides only files whose dates say too little:

* a number above 12 in the first place can only be a day (``25/03/1985``), in
  the second place only a day too (``03/25/1985``);
* a time of day with AM / PM after the date (``3/12/1985 12:00:00 AM``) is how
  Excel and .NET write a date in US locale, month first;
* a birth date next to a valid NIK: the NIK encodes day and month of birth
  (``PP RR DD ddmmyy SSSS``, women's day + 40; DOMAIN "The person: NIK"), so a
  date whose two numbers differ says which is which.

Either order needs clear evidence (at least :data:`MIN_EVIDENCE` votes and
:data:`MIN_SHARE` of them); anything less takes the office's habit, day first
(the national habit) unless the registry says otherwise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DATE_COLUMNS = ("tanggal_lahir", "tempat_tanggal_lahir", "tanggal_terbit", "masa_berlaku")
BIRTH_COLUMNS = ("tanggal_lahir", "tempat_tanggal_lahir")
MIN_EVIDENCE = 3
MIN_SHARE = 0.8

# Two numbers of one or two digits and a year, separated alike: 03/12/1985, 3-12-85, 03.12.1985.
_NUMERIC_DATE = r"(?<!\d)(\d{1,2})([/\-.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)"
_US_TIME = r"(?<!\d)\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp]\.?[Mm]\b"


def _pairs(cells: pd.Series) -> pd.DataFrame:
    """First and second number of each numeric date in ``cells`` (NaN where none)."""
    found = cells.astype("string").str.extract(_NUMERIC_DATE)
    return pd.DataFrame({"first": pd.to_numeric(found[0], errors="coerce"),
                         "second": pd.to_numeric(found[2], errors="coerce")}, index=cells.index)


def date_order_votes(raw: pd.DataFrame) -> pd.DataFrame:
    """Per row, evidence for day first (``dmy``) and month first (``mdy``), counted over its date cells."""
    dmy = np.zeros(len(raw), dtype=np.int64)
    mdy = np.zeros(len(raw), dtype=np.int64)
    digits = raw["nik"].astype("string").str.replace(r"\D", "", regex=True) if "nik" in raw else None
    nik_ok = digits.str.len().eq(16).fillna(False).to_numpy(dtype=bool) if digits is not None else None
    nik_day = pd.to_numeric(digits.str[6:8], errors="coerce").to_numpy() % 40 if digits is not None else None
    nik_month = pd.to_numeric(digits.str[8:10], errors="coerce").to_numpy() if digits is not None else None
    for column in DATE_COLUMNS:
        if column not in raw:
            continue
        pairs = _pairs(raw[column])
        first, second = pairs["first"].to_numpy(dtype=float), pairs["second"].to_numpy(dtype=float)
        present = ~np.isnan(first) & ~np.isnan(second)
        dmy += (present & (first > 12) & (first <= 31) & (second <= 12)).astype(np.int64)
        mdy += (present & (second > 12) & (second <= 31) & (first <= 12)).astype(np.int64)
        us_time = raw[column].astype("string").str.contains(_US_TIME, regex=True).fillna(False).to_numpy(dtype=bool)
        mdy += (present & us_time & (first <= 12) & (second <= 12)).astype(np.int64)
        if column in BIRTH_COLUMNS and nik_ok is not None:
            ambiguous = present & (first <= 12) & (second <= 12) & (first != second) & nik_ok
            dmy += (ambiguous & (first == nik_day) & (second == nik_month)).astype(np.int64)
            mdy += (ambiguous & (first == nik_month) & (second == nik_day)).astype(np.int64)
    return pd.DataFrame({"dmy": dmy, "mdy": mdy}, index=raw.index)


def infer_date_orders(raw: pd.DataFrame, usual: str = "dmy") -> pd.Series:
    """``"dmy"`` or ``"mdy"`` per row of ``raw`` (reader rows), decided per file (``source_sha256``).

    ``usual`` is the office's habit (the registry's ``date_order``, ``dmy`` when
    ``auto``): it stands for files whose own dates say too little, and gives way to
    clear evidence in a file (one office's files come from different systems: a
    month-first export next to a registration list typed day first).
    """
    usual = "mdy" if usual == "mdy" else "dmy"
    if raw.empty:
        return pd.Series([], index=raw.index, dtype="str")
    votes = date_order_votes(raw)
    per_file = votes.groupby(raw["source_sha256"].to_numpy()).sum()
    total = per_file["dmy"] + per_file["mdy"]
    month_first = (per_file["mdy"] >= MIN_EVIDENCE) & (per_file["mdy"] >= MIN_SHARE * total)
    day_first = (per_file["dmy"] >= MIN_EVIDENCE) & (per_file["dmy"] >= MIN_SHARE * total)
    order = pd.Series(np.where(month_first, "mdy", np.where(day_first, "dmy", usual)), index=per_file.index)
    return pd.Series(raw["source_sha256"].map(order).to_numpy(), index=raw.index, dtype="str")
