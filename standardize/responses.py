"""Online-form responses: when each was sent, and which response of a person replaces another.

A sheet of Google Forms or Microsoft Forms responses carries each response's submission time
(``sources.headers.WAKTU_RESPONS``: "Timestamp", "Cap waktu", "Completion time"). A respondent
who submits again for the same jabatan kerja corrects the first response (a jenjang chosen wrong,
a phone number): Forms itself keeps one response per respondent when editing is allowed (the
Forms API's ``lastSubmittedTime``), and a form without it gets a second row. So among a form
sheet's responses of one person (NIK, else name and birth date) for one jabatan, sent within
``CORRECTION_WINDOW`` of the next, the latest counts and the earlier ones go to quarantine, naming
the row that replaced them; responses further apart are separate assessments. Rows without a
submission time (an ordinary list, where two rows of one person may be two assessments) are
never compared.

How the submission time is written (docs/data-model.md, section 1):

- a workbook's date cell, read as ISO ("2025-03-12 09:15:42"; a response at midnight sharp
  loses its time: "2025-03-12");
- Google Sheets' CSV download in the owner's locale: id-ID "12/03/2025 9:15:42" (time also
  "9.15.42"), en-US "3/12/2025 9:15:42" or "3/12/2025 9:15:42 AM";
- Google Forms' own CSV download: "2025/08/12 2:03:11 PM GMT+7";
- a web export: ISO with its offset ("2025-08-12T14:03:11+07:00", "...Z");
- Indonesian month names ("12 Agustus 2025 14.03.11"), or an Excel serial ("45728.3859")
  from a cell that lost its date format.

The wall-clock time is kept as written (one form's responses share one zone). Day and month in a
numeric date are ordered by the sheet's own times (a day above 12 on either side, or a 12-hour
clock, which is the US habit), else by the file's date order.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import numpy as np
import pandas as pd

from standardize.dates import parse_date

# The time at the end of the cell, after the date: "9:15:42", "14.03.11", "2:03:11 PM GMT+7",
# "T14:03:11.250+07:00"; a zone name or offset may follow.
_TIME = re.compile(
    r"(?:[T\s,]+|(?<=\d)T)(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(?:([AaPp])\.?[Mm]\.?)?"
    r"\s*(?:Z|UTC|GMT|WIB|WITA|WIT)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?\s*$"
)
# Day and month written as numbers, day or month first (not year first): "12/03/2025".
_DAY_OR_MONTH_FIRST = re.compile(r"^\s*(\d{1,2})[/\-.](\d{1,2})[/\-.]\d{2,4}\b")
_TWELVE_HOUR = re.compile(r"\d\s*[AaPp]\.?[Mm]\b")
_EXCEL_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_EXCEL_EPOCH = datetime(1899, 12, 30)
# A further jabatan ticked in one checkbox answer is read into a sheet of its own, "<sheet> [Jabatan 2]"
# (sources.readers.forms): the label here, where responses of one sheet are compared across both.
CHOICE_LABEL = "Jabatan {}"
_CHOICE_SHEET = re.compile(r" \[Jabatan \d+\]$")


# How long after a response its respondent still sends a correction rather than a new answer: a
# response weeks or years later in the same sheet is another assessment (a retake after Belum
# Kompeten in the next batch, the next jenjang, a portal export whose "timestamp" spans years),
# and both count.
CORRECTION_WINDOW = pd.Timedelta(days=14)


def response_sheet(sheet: str) -> str:
    """The responses sheet a further jabatan's table was read from ("Form Responses 1 [Jabatan 2]"
    is "Form Responses 1")."""
    return _CHOICE_SHEET.sub("", sheet)


def parse_response_time(raw: str | None, date_order: str = "dmy", reference_year: int = 2026) -> datetime | None:
    """The moment a form response was sent, as written (module docstring); None when the cell
    holds no date (a bare time "08:00" is a schedule, not a submission).

    >>> parse_response_time("2025/08/12 2:03:11 PM GMT+7")
    datetime.datetime(2025, 8, 12, 14, 3, 11)
    >>> parse_response_time("12/03/2025 9.15.42")
    datetime.datetime(2025, 3, 12, 9, 15, 42)
    """
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if _EXCEL_SERIAL.match(text):
        return _EXCEL_EPOCH + timedelta(days=float(text))
    clock = _TIME.search(text)
    day_text = text[: clock.start()] if clock else text
    day = parse_date(day_text, date_order, reference_year) if day_text.strip() else None
    if day is None:
        return None
    if clock is None:
        return datetime.combine(day, time())
    hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
    if clock.group(4):
        hour = hour % 12 + (12 if clock.group(4) in "Pp" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return datetime.combine(day, time(hour, minute, second))


def response_date_order(cells: list[str | None], usual: str = "dmy") -> str:
    """``"dmy"`` or ``"mdy"`` for a sheet's submission times: what its own numeric dates show (a
    first number above 12 is a day, a second one is; a 12-hour clock is the US habit), else
    ``usual`` (the file's order)."""
    day_first = month_first = 0
    for cell in cells:
        found = _DAY_OR_MONTH_FIRST.match(cell or "")
        if not found:
            continue
        first, second = int(found.group(1)), int(found.group(2))
        day_first += first > 12 >= second
        month_first += second > 12 >= first or (first <= 12 and second <= 12 and bool(_TWELVE_HOUR.search(cell)))
    if month_first and not day_first:
        return "mdy"
    if day_first and not month_first:
        return "dmy"
    return usual


def response_times(cells: list[str | None], usual: str = "dmy", reference_year: int = 2026) -> list[datetime | None]:
    """:func:`parse_response_time` of each cell, day and month ordered as
    :func:`response_date_order` reads the cells together."""
    order = response_date_order(cells, usual)
    return [parse_response_time(cell, order, reference_year) for cell in cells]


def _identity(rows: pd.DataFrame) -> pd.Series:
    """Who a row is, as far as one sheet tells: the valid NIK, else name and birth date; missing
    when neither (such rows are never taken for one another)."""
    nik = "nik:" + rows["nik"].astype("string")
    born = rows["tanggal_lahir"].dt.strftime("%Y-%m-%d").astype("string")
    return nik.fillna("nama:" + rows["nama_kunci"].astype("string") + "|" + born)


def replaced_responses(rows: pd.DataFrame, sheet_of) -> tuple[np.ndarray, list[str]]:
    """Positions in ``rows`` (standardized rows with ``waktu_respons``) of the form responses a
    later one replaces, and for each the reason naming the replacing row (module docstring).

    ``sheet_of`` turns a sheet name into the responses sheet it belongs to (a further jabatan
    ticked in a checkbox answer is read into a sheet of its own). Of two responses sent at the
    same moment, the one further down replaces the other.
    """
    sent = rows["waktu_respons"]
    if sent.notna().sum() < 2:  # an ordinary list: nothing to compare, and no keys to build
        return np.array([], dtype=np.intp), []
    identity = _identity(rows)
    usable = sent.notna() & identity.notna()
    frame = pd.DataFrame({
        "file": rows["source_sha256"].astype("object"),
        "sheet": rows["source_sheet"].astype("object").fillna("").map(sheet_of),
        "who": identity,
        "jabatan": rows["jabatan_kerja"].astype("object").fillna("").str.casefold().str.split().str.join(" "),
        "sent": sent,
        "at": np.arange(len(rows)),
    })[usable.to_numpy()]
    frame = frame.sort_values(["file", "sheet", "who", "jabatan", "sent", "at"], kind="stable")
    group = ["file", "sheet", "who", "jabatan"]
    # Each response is replaced by the next one of its group when that one follows soon enough to be
    # its correction; a chain of quick corrections ends at its last response.
    following = frame.groupby(group, sort=False)[["at", "sent"]].shift(-1)
    corrected = following["at"].notna() & (following["sent"] - frame["sent"] <= CORRECTION_WINDOW)
    successor = following["at"].where(corrected)
    last = {}
    for at, nxt in zip(frame["at"][::-1], successor[::-1]):  # reversed: a successor's own successor is known
        last[at] = at if pd.isna(nxt) else last[int(nxt)]
    earlier = frame[corrected.to_numpy()]
    reasons = [_reason(rows.iloc[last[at]]) for at in earlier["at"]]
    order = np.argsort(earlier["at"].to_numpy(), kind="stable")
    return earlier["at"].to_numpy()[order].astype(np.intp), [reasons[i] for i in order]


def _reason(winner: pd.Series) -> str:
    where = f"baris {winner['source_row']}"
    there = f"row {winner['source_row']}"
    if winner["source_sheet"]:
        where, there = f"{where} sheet {winner['source_sheet']!r}", f"{there} of sheet {winner['source_sheet']!r}"
    sent = pd.Timestamp(winner["waktu_respons"]).strftime("%Y-%m-%d %H:%M:%S")
    return (f"Jawaban formulir ini diganti oleh jawaban orang yang sama untuk jabatan kerja yang sama yang "
            f"dikirim kemudian ({where}, {sent}) / form response replaced by the same person's later response "
            f"for the same jabatan kerja ({there}, sent {sent})")
