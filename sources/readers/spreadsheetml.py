"""Excel 2003 XML spreadsheets (SpreadsheetML), which older PHP web systems export as .xls.

``<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`` holds
``<Worksheet ss:Name>`` / ``<Table>`` / ``<Row>`` / ``<Cell>`` / ``<Data>``. Each worksheet
is read like a sheet of a workbook: its rows through the same header detection and
row rules. A cell may skip ahead (``ss:Index``, 1-based) and span columns
(``ss:MergeAcross``: empty beyond its first cell, as a merged Excel cell);
a row may skip ahead too. ``source_row`` is the row's 1-based number in its sheet.

A file declaring a DOCTYPE or entities is refused before parsing, like such an xlsx
member: spreadsheets never need them, and entity expansion is the classic XML bomb.
"""

from __future__ import annotations

import bisect
import codecs
import re

import xml.etree.ElementTree as ElementTree

from sources.formats import utf16_encoding
from sources.readers.csv_reader import decode
from sources.readers.table import SheetReport, SubmissionRejected, TableRows, read_sheet, render_text
from sources.registry import Office

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
# Excel's own width, far beyond any participant list: a bad ss:Index or ss:MergeAcross
# must not make rows of millions of cells.
_MAX_COLUMN = 16_384


def _index(element, current: int) -> int:
    value = element.get(f"{_SS}Index")
    if value is None:
        return current
    try:
        index = int(value) - 1
    except ValueError:
        return current
    return index if current <= index < _MAX_COLUMN else current


def _cell_text(cell) -> str | None:
    data = cell.find(f"{_SS}Data")
    if data is None:
        return None
    # Rich text (<Data><B>..</B></Data>) keeps its words.
    return " ".join("".join(data.itertext()).split()) or None


def _span(cell, attribute: str) -> int:
    try:
        return max(0, int(cell.get(f"{_SS}{attribute}", "0")))
    except ValueError:
        return 0


def _sheet_rows(table) -> tuple[list[list[str | None]], list[int], list[tuple[tuple[int, int], tuple[int, int]]]]:
    """The table's rows as cell texts, each row's 1-based number in the sheet, and the cells
    merged down (``ss:MergeDown``) as (first row, column), (last row, last column) by list position."""
    rows: list[list[str | None]] = []
    numbers: list[int] = []
    merges: list[tuple[tuple[int, int], tuple[int, int]]] = []
    spans: list[tuple[int, int, int, int]] = []  # list row, last sheet row (0-based), first and last column
    position = 0
    for row in table.iter(f"{_SS}Row"):
        position = _index(row, position)
        cells: list[str | None] = []
        for cell in row.iter(f"{_SS}Cell"):
            column = _index(cell, len(cells))
            if column >= _MAX_COLUMN:
                break
            cells.extend([None] * (column - len(cells)))
            cells.append(_cell_text(cell))
            across, down = _span(cell, "MergeAcross"), _span(cell, "MergeDown")
            cells.extend([None] * min(across, _MAX_COLUMN - len(cells)))
            if down:
                spans.append((len(rows), position + down, column, min(column + across, _MAX_COLUMN - 1)))
        rows.append(cells)
        numbers.append(position + 1)
        position += 1
    # A merge covers sheet rows; rows an ss:Index jumped over are not in the list.
    for first, last_position, column, last_column in spans:
        last = bisect.bisect_right(numbers, last_position + 1) - 1
        merges.append(((first, column), (last, last_column)))
    return rows, numbers, merges


_DECLARED = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")


def _declared_codec(data: bytes) -> tuple[str | None, str | None]:
    """The encoding the XML declaration names, and Python's codec for it (None if unknown)."""
    match = _DECLARED.match(data[:512])
    if not match:
        return None, None
    declared = match.group(1).decode("ascii")
    try:
        return declared, codecs.lookup(declared).name
    except LookupError:
        return declared, None


def decode_xml(data: bytes) -> tuple[str, str]:
    """The spreadsheet's text and a note when its declaration named another encoding than
    the one its bytes are in ("" when they agree).

    PHP exporters write the declaration from a template, whatever the bytes are: "UTF-8"
    over Windows-1252 names (an XML parser stops at the first "é"), "ISO-8859-1" or
    "windows-1252" over UTF-8 (every "é" becomes "Ã©"), "UTF-16" over UTF-8. The bytes
    decide: UTF-16 when they are, else UTF-8 when they decode as it (Windows-1252 names
    almost never do), else the declared single-byte encoding, ISO-8859-1 read as
    Windows-1252 as browsers do (its 0x80-0x9F are curly quotes and dashes there), else
    Windows-1252 for the bytes UTF-8 cannot decode.
    """
    utf16 = utf16_encoding(data)
    if utf16:
        try:
            return data.decode(utf16).removeprefix("\ufeff"), ""
        except UnicodeDecodeError as error:
            raise SubmissionRejected(f"corrupt UTF-16 text ({error.reason} at offset {error.start})") from None
    declared, codec = _declared_codec(data)
    if codec in ("latin-1", "iso8859-1"):
        codec = "cp1252"
    try:
        text, used = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, used = None, ""
        if codec and not codec.startswith(("utf", "ascii")):
            try:
                text, used = data.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                pass
        if text is None:
            text, used = decode(data)
    declared_as = (codec or declared or "utf-8").lower()
    agrees = data.isascii() or used == declared_as or (used == "utf-8" and declared_as in ("utf-8", "ascii")) or (
        used.startswith("cp1252") and declared_as == "cp1252")
    note = "" if agrees else f"declared {declared or 'no encoding (UTF-8)'}, read as {used}"
    return text, note


def read_spreadsheetml(data: bytes, office: Office) -> list[TableRows | SheetReport]:
    """Read every worksheet of an Excel 2003 XML spreadsheet as a sheet.

    The bytes are decoded here (:func:`decode_xml`) and parsed as text, so the declaration's
    encoding, often wrong, is not the parser's to trust.
    """
    text, note = decode_xml(data)
    # Judged on the decoded text: in UTF-16 bytes the guard would find nothing.
    if "<!DOCTYPE" in text[:4096] or "<!ENTITY" in text:
        raise SubmissionRejected("Excel 2003 XML spreadsheet that declares XML entities (<!DOCTYPE>), "
                                 "which spreadsheets never need; ask the office to save it as .xlsx")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise SubmissionRejected(f"corrupt Excel 2003 XML spreadsheet ({error})") from None
    overrides = office.reader.column_mapping or None
    results: list[TableRows | SheetReport] = []
    for number, worksheet in enumerate(root.iter(f"{_SS}Worksheet"), start=1):
        sheet = worksheet.get(f"{_SS}Name") or f"Sheet{number}"
        table = worksheet.find(f"{_SS}Table")
        rows, numbers, merges = _sheet_rows(table) if table is not None else ([], [], [])
        results += read_sheet(sheet, rows, render_text, numbers.__getitem__, overrides, merged=merges)
    if not results:
        raise SubmissionRejected("Excel 2003 XML spreadsheet without a worksheet")
    if note:
        for result in results:
            report = result.report if isinstance(result, TableRows) else result
            report.note = "; ".join(filter(None, [note, report.note]))
    return results
