"""Sheets of a workbook that copy another sheet of it: read once.

Clerks keep copies inside the workbook. Excel's "Move or Copy > Create a copy" makes
"Peserta (2)"; an old version is kept in a sheet hidden out of the way ("Peserta lama",
"Sheet1 (2)") while the visible sheet is corrected. Read as they are, every person of the copy
counts twice, and the old version's mistyped NIKs and withdrawn participants count as people of
their own. Two rules, on content, not on sheet names:

* a hidden sheet is an old copy when at least :data:`MIN_COPY_SHARE` of its rows are people of
  the visible sheets saying what those say: the same NIK, or the same name as a visible row (one
  with a NIK when the hidden row has one: a visible recap without NIKs copies nothing), and no
  other jenjang, jabatan kerja, result or year. It is not read; what the office shows is the
  list. A hidden sheet of other people (an earlier batch put away), or of the same people's
  other assessment (last year's list, another level), is read.
* a sheet whose rows are, cell for cell, the rows of another sheet (visible or not) adds
  nothing and is not read ("Peserta (2)"). Of two equal sheets the first is read.

Either is reported on the sheet (``skipped["sheet copy"]``, a note naming the sheet it copies).
"""

from __future__ import annotations

from collections import Counter

from sources import headers
from sources.readers.recap import _digits, _name_words, _plain, _result
from sources.readers.table import TableRows, standalone_year

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
    # The year a sheet's name or title states is its rows' tahun (readers.fill_tahun): sheets of
    # two years are two years' lists, however alike.
    years = {sheet: _year(group[0]) for sheet, group in by_sheet.items()}
    for sheet in reversed(list(by_sheet)):
        original = next((other for other, cells in rows.items()
                         if other != sheet and cells and rows[sheet] == cells
                         and not (years[sheet] and years[other] and years[sheet] != years[other])), None)
        if original is not None:
            for table in by_sheet[sheet]:
                _drop(table, f"its rows are those of sheet {original!r}, cell for cell: a copy, not read")
            rows[sheet] = set()


# What a copy says as the visible row does: a hidden row of the same person at another level, in
# another occupation, with another result or in another year is another assessment (last year's
# list put away), not a copy. Compared where both rows write it.
_SAME = (headers.JENJANG, headers.JABATAN_KERJA, headers.HASIL, headers.TAHUN)


def _said(table: TableRows, k: int) -> tuple[str, ...]:
    out = []
    for column in _SAME:
        values = table.columns.get(column)
        value = values[k] if values is not None else None
        out.append(_result(value) if column == headers.HASIL else _plain(value))
    return tuple(out)


def _agree(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    return all(not a or not b or a == b for a, b in zip(mine, theirs))


def _year(table: TableRows) -> str | None:
    return standalone_year(table.report.sheet) or standalone_year(table.report.title)


def _hidden_copy_of(table: TableRows, visible: list[TableRows]) -> str | None:
    """The visible sheet most of whose people the hidden ``table`` lists, saying what it says, or None.

    A sheet naming another year than the visible one ("Peserta 2024" hidden behind "Peserta 2025")
    is that year's list, never a copy."""
    year = _year(table)
    niks: dict[str, list[tuple[str, tuple]]] = {}
    names: dict[tuple[str, ...], list[tuple[str, tuple]]] = {}
    names_with_nik: dict[tuple[str, ...], list[tuple[str, tuple]]] = {}
    for other in visible:
        other_year = _year(other)
        if year and other_year and year != other_year:
            continue
        sheet = _base(other.report.sheet)
        for k in range(len(other.source_rows)):
            nik, name, said = _nik(other, k), _name(other, k), _said(other, k)
            if nik:
                niks.setdefault(nik, []).append((sheet, said))
            if name:
                names.setdefault(name, []).append((sheet, said))
                if nik:
                    names_with_nik.setdefault(name, []).append((sheet, said))
    found: Counter = Counter()
    n = len(table.source_rows)
    for k in range(n):
        nik, name, said = _nik(table, k), _name(table, k), _said(table, k)
        candidates = niks.get(nik, []) if nik else []
        if name:
            candidates = candidates + (names_with_nik if nik else names).get(name, [])
        sheet = next((sheet for sheet, theirs in candidates if _agree(said, theirs)), None)
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
