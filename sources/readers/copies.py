"""Sheets of a workbook that copy another sheet of it: read once.

Clerks keep copies inside the workbook. Excel's "Move or Copy > Create a copy" makes
"Peserta (2)"; an old version is kept in a sheet hidden out of the way ("Peserta lama",
"Sheet1 (2)") while the visible sheet is corrected. Read as they are, every person of the copy
counts twice, and the old version's mistyped NIKs and withdrawn participants count as people of
their own. Two rules, on content, not on sheet names:

* a hidden sheet is an old copy when at least :data:`MIN_COPY_SHARE` of its rows are people of
  the visible sheets: the same NIK, or the same name as a visible row (one with a NIK when the
  hidden row has one: a visible recap without NIKs copies nothing). It is not read; what the
  office shows is the list. A hidden sheet of other people (an earlier batch put away) is read.
* a sheet whose rows are, cell for cell, the rows of another sheet (visible or not) adds
  nothing and is not read ("Peserta (2)"). Of two equal sheets the first is read.

Either is reported on the sheet (``skipped["sheet copy"]``, a note naming the sheet it copies).
"""

from __future__ import annotations

from collections import Counter

from sources import headers
from sources.readers.recap import _digits, _name_words
from sources.readers.table import TableRows

MIN_COPY_SHARE = 0.8
SKIP_REASON = "sheet copy"


def _base(sheet: str) -> str:
    # "Peserta [H:M]" and "Peserta [Sertifikat II]" are tables of the sheet "Peserta".
    return sheet.split(" [", 1)[0]


def _cells(table: TableRows, k: int) -> tuple:
    return tuple((column, values[k]) for column, values in sorted(table.columns.items()) if values[k] is not None)


def _nik(table: TableRows, k: int) -> str:
    values = table.columns.get(headers.NIK)
    digits = _digits(values[k]) if values is not None else ""
    return digits if len(digits) >= 10 else ""


def _name(table: TableRows, k: int) -> tuple[str, ...]:
    values = table.columns.get(headers.NAMA)
    return _name_words(values[k]) if values is not None else ()


def drop_sheet_copies(tables: list[TableRows]) -> None:
    """Empty, in place, the tables of sheets that copy other sheets of the same workbook (see the
    module's rules). ``tables``: one file's tables, in sheet order."""
    live = [table for table in tables if table.source_rows]
    if len(live) < 2:
        return
    by_sheet: dict[str, list[TableRows]] = {}
    for table in live:
        by_sheet.setdefault(_base(table.report.sheet), []).append(table)
    visible = [table for table in live if not table.report.hidden]
    for table in live:
        if table.report.hidden and visible:
            copied = _hidden_copy_of(table, visible)
            if copied is not None:
                _drop(table, f"a hidden sheet whose people are those of sheet {copied!r} (an old copy): not read")
                continue
    # Last sheet first: of two equal sheets the first is read. Equal, not contained: a kecamatan
    # sheet whose rows a REKAP lists again with everyone else's, NIKs and all, is left to linkage,
    # which ties the rows by the NIK (sources.readers.recap).
    rows = {sheet: {_cells(table, k) for table in group for k in range(len(table.source_rows))}
            for sheet, group in by_sheet.items()}
    for sheet in reversed(list(by_sheet)):
        original = next((other for other, cells in rows.items()
                         if other != sheet and cells and rows[sheet] == cells), None)
        if original is not None:
            for table in by_sheet[sheet]:
                _drop(table, f"its rows are those of sheet {original!r}, cell for cell: a copy, not read")
            rows[sheet] = set()


def _hidden_copy_of(table: TableRows, visible: list[TableRows]) -> str | None:
    """The visible sheet most of whose people the hidden ``table`` lists, or None."""
    niks: dict[str, str] = {}
    names: dict[tuple[str, ...], str] = {}
    names_with_nik: dict[tuple[str, ...], str] = {}
    for other in visible:
        sheet = _base(other.report.sheet)
        for k in range(len(other.source_rows)):
            nik, name = _nik(other, k), _name(other, k)
            if nik:
                niks.setdefault(nik, sheet)
            if name:
                names.setdefault(name, sheet)
                if nik:
                    names_with_nik.setdefault(name, sheet)
    found: Counter = Counter()
    n = len(table.source_rows)
    for k in range(n):
        nik, name = _nik(table, k), _name(table, k)
        sheet = niks.get(nik) if nik else None
        if sheet is None and name:
            sheet = (names_with_nik if nik else names).get(name)
        if sheet is not None:
            found[sheet] += 1
    if not found or sum(found.values()) < MIN_COPY_SHARE * n:
        return None
    return found.most_common(1)[0][0]


def _drop(table: TableRows, note: str) -> None:
    dropped = len(table.source_rows)
    table.source_rows = []
    table.columns = {column: [] for column in table.columns}
    table.report.rows = 0
    table.report.skipped[SKIP_REASON] = table.report.skipped.get(SKIP_REASON, 0) + dropped
    table.report.note = "; ".join(filter(None, [note, table.report.note]))
