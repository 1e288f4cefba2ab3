"""HTML tables that web systems hand out as "Excel" exports.

Many office web applications answer "Export Excel" with an HTML page holding a
``<table>`` and an ``application/vnd.ms-excel`` content type, saved as ``.xls``;
Excel opens it with a warning, and offices send it on as it is. Each table of
the page is read like a sheet (``"tabel 1"``, ``"tabel 2"``, ...): its rows
through the same header detection and row rules as a spreadsheet, a merged cell
(``colspan`` / ``rowspan``) having its text in its first cell only, as Excel's
merged cells do. ``source_row`` is the 1-based row number within the table.

Parsed with the standard library's tokenizer: no network, no scripts, and
character references are the only entities it expands.
"""

from __future__ import annotations

from html.parser import HTMLParser

from sources.readers.csv_reader import decode
from sources.readers.table import SheetReport, TableRows, read_sheet, render_text
from sources.registry import Office

_CELL_TAGS = ("td", "th")
# No sheet is wider than this (the default limits.max_columns): a colspan of thousands on
# every cell of a hostile page must not build rows of millions of cells.
_MAX_WIDTH = 2_000


class _Tables(HTMLParser):
    """Every ``<table>`` of a page as rows of cell texts (a nested table is a table of its own)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str | None]]] = []
        self.merges: list[list[tuple[tuple[int, int], tuple[int, int]]]] = []  # per table, as in Excel
        self._open: list[_Table] = []  # the tables being read, innermost last

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._open.append(_Table())
        elif self._open and tag == "tr":
            self._open[-1].start_row()
        elif self._open and tag in _CELL_TAGS:
            named = dict(attrs)
            self._open[-1].start_cell(_span(named.get("colspan")), _span(named.get("rowspan")))
        elif self._open and tag == "br":
            self._open[-1].text(" ")

    def handle_endtag(self, tag):
        if not self._open:
            return
        if tag in _CELL_TAGS:
            self._open[-1].end_cell()
        elif tag == "tr":
            self._open[-1].end_row()
        elif tag == "table":
            self._done(self._open.pop())

    def handle_data(self, data):
        if self._open:
            self._open[-1].text(data)

    def close(self):
        super().close()
        while self._open:  # a page cut short: what was read of its tables still counts
            self._done(self._open.pop())

    def _done(self, table: _Table) -> None:
        self.tables.append(table.finish())
        self.merges.append(table.merges)


class _Table:
    """One table being read: its rows, the open row and cell, and the cells spanning down."""

    def __init__(self) -> None:
        self.rows: list[list[str | None]] = []
        self.row: list[str | None] | None = None
        self.cell: tuple[list[str], int, int] | None = None  # text parts, colspan, rowspan
        self.above: dict[int, int] = {}  # column -> rows still covered by a cell above
        self.pending: dict[int, int] = {}  # the same, set by cells of the open row
        self.merges: list[tuple[tuple[int, int], tuple[int, int]]] = []  # cells spanning rows

    def start_row(self) -> None:
        self.end_row()
        self.row = []

    def start_cell(self, colspan: int, rowspan: int) -> None:
        self.end_cell()
        if self.row is None:
            self.row = []
        self.cell = ([], colspan, rowspan)

    def text(self, data: str) -> None:
        if self.cell is not None:
            self.cell[0].append(data)

    def end_cell(self) -> None:
        if self.cell is None:
            return
        parts, colspan, rowspan = self.cell
        self.cell = None
        # Whitespace inside a cell (line breaks of <br>, indentation of the markup) is one space.
        text = " ".join("".join(parts).split()) or None
        first = None
        for offset in range(min(colspan, max(1, _MAX_WIDTH - len(self.row)))):
            self._skip_covered()
            if rowspan > 1:
                self.pending[len(self.row)] = rowspan - 1
            first = len(self.row) if first is None else first
            self.row.append(text if offset == 0 else None)
        if rowspan > 1 and first is not None:
            self.merges.append(((len(self.rows), first), (len(self.rows) + rowspan - 1, len(self.row) - 1)))

    def end_row(self) -> None:
        self.end_cell()
        if self.row is None:
            return
        self._skip_covered(to_end=True)
        self.rows.append(self.row)
        self.row = None
        self.above = {column: left - 1 for column, left in self.above.items() if left > 1}
        self.above.update(self.pending)
        self.pending = {}

    def finish(self) -> list[list[str | None]]:
        self.end_row()
        return self.rows

    def _skip_covered(self, to_end: bool = False) -> None:
        # Columns a cell above still covers are empty in this row, as under a merged Excel cell.
        while self.above.get(len(self.row), 0) > 0 or (to_end and any(c >= len(self.row) for c in self.above)):
            self.row.append(None)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def page_tables(text: str) -> list[list[list[str | None]]]:
    """The page's tables, each as rows of cell texts (None for an empty or merged-over cell)."""
    return [rows for rows, _ in _page_tables_and_merges(text)]


def _page_tables_and_merges(text: str):
    parser = _Tables()
    parser.feed(text)
    parser.close()
    return [(rows, merges) for rows, merges in zip(parser.tables, parser.merges) if rows]


def read_html(data: bytes, office: Office) -> list[TableRows | SheetReport]:
    """Read every table of an HTML page as a sheet."""
    text, encoding = decode(data, office.reader.encoding)
    tables = _page_tables_and_merges(text)
    if not tables:
        return [SheetReport("", None, {}, 0, {}, note=f"an HTML page without a table (read as {encoding})")]
    overrides = office.reader.column_mapping or None
    return [table for number, (rows, merges) in enumerate(tables, start=1)
            for table in read_sheet(f"tabel {number}", rows, render_text, lambda i: i + 1, overrides, merged=merges)]
