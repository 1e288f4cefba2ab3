"""Excel workbooks (xlsx, xlsm, xls) through python-calamine.

Every sheet is read (or only the registry's ``reader.sheet`` names). Rows are
taken with ``skip_empty_area=False`` so that list index ``i`` is Excel row
``i + 1`` and column index ``j`` is column ``j + 1`` even when the data starts
at B5. A sheet without a recognisable header is skipped with a note; the file
is rejected only when no sheet yields a participant row.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
import zipfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import replace

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from sources.readers.table import (
    DEEP_SCAN_ROWS,
    EXACT_DOUBLE_LIMIT,
    Header,
    continues,
    render_float,
    HeaderNotFound,
    SheetReport,
    SubmissionRejected,
    TableRows,
    extract_tables,
    fill_merged_data,
    find_header,
    leading_text,
)
from sources.headers import canonical_column
from sources.readers.csv_reader import sniff_delimiter
from sources.registry import Office

_ONE_SECOND = dt.timedelta(seconds=1)
_HALF_SECOND = dt.timedelta(microseconds=500_000)


def render_cell(value: object) -> str | None:
    """Turn one calamine cell into text, following docs/data-model.md section 1.

    Strings are stripped (empty -> None); integral numbers below 1e15 lose their
    ``.0``; numbers of 1e15 and above (a NIK typed as a number, already cut to 15
    significant digits by Excel) become ``f"{v:.14e}"`` so standardization can
    flag them, unless a program wrote all 16 digits (:func:`render_float`); dates
    become ISO text, with the time only when it is not midnight; booleans become
    ``TRUE`` / ``FALSE``.
    """
    kind = type(value)
    if kind is str:
        text = value.strip()
        return text or None
    if kind is float:
        return render_float(value)
    if kind is int:
        # xls hands integral numbers back as int; they were doubles in the file all the same.
        return render_float(float(value)) if abs(value) >= 1e15 else str(value)
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is dt.datetime:
        # Excel stores times as fractions of a day; calamine's conversion leaves
        # millisecond noise (23:59:59.999 for midnight), so round to the second.
        rounded = value + _HALF_SECOND
        rounded -= dt.timedelta(microseconds=rounded.microsecond)
        if rounded.time() == dt.time(0):
            return rounded.date().isoformat()
        return rounded.isoformat(sep=" ")
    if kind is dt.date:
        return value.isoformat()
    if kind is dt.time:
        return value.replace(microsecond=0).isoformat()
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def render_column(values: list) -> list[str | None]:
    """:func:`render_cell` over a column; text cells, the bulk of any sheet, skip the call.

    A column of 16-digit numbers most of which end in a digit other than 0 was written
    by a program, not typed into Excel (which keeps 15 significant digits): its numbers
    ending in 0 are exact too, and all keep their 16 digits (:func:`_program_written`).
    """
    render = render_cell
    date = dt.date
    rendered = [
        (v.strip() or None)
        if (kind := type(v)) is str
        else (str(int(v)) if -1e15 < v < 1e15 and v.is_integer() else render(v))
        if kind is float
        else v.isoformat()
        if kind is date
        else render(v)
        for v in values
    ]
    return _program_written(values, rendered)


def _exact_number(value: object) -> bool:
    return type(value) in (float, int) and 1e15 <= value < EXACT_DOUBLE_LIMIT and float(value).is_integer()


def _program_written(values: list, rendered: list[str | None]) -> list[str | None]:
    """``rendered`` with every 16-digit number in full when most of them end in a digit other
    than 0 (Excel-typed ones all end in 0; a program writes the digits it has)."""
    numbers = [int(value) for value in values if _exact_number(value)]
    if not numbers or 2 * sum(1 for number in numbers if number % 10) < len(numbers):
        return rendered
    return [str(int(value)) if _exact_number(value) else text for value, text in zip(values, rendered)]


def _describe_open_error(data: bytes, fmt: str, error: Exception) -> str:
    """A reason a person can act on, for a workbook calamine could not open."""
    if fmt in ("xlsx", "ods"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
                broken = archive.testzip()
        except zipfile.BadZipFile as zip_error:
            return f"corrupt or truncated {fmt} file (bad zip: {zip_error})"
        except Exception as zip_error:  # zlib errors on a damaged member
            return f"corrupt {fmt} file ({zip_error})"
        if broken is not None:
            return f"corrupt {fmt} file (damaged zip member {broken})"
        if fmt == "xlsx" and "xl/workbook.xml" not in names:
            return (
                "zip archive that is not an Excel workbook (no xl/workbook.xml; contains "
                + ", ".join(names[:5])
                + (", ..." if len(names) > 5 else "")
                + ")"
            )
        return f"cannot read the {fmt} workbook ({error})"
    if "EncryptedPackage".encode("utf-16-le") in data:  # an encrypted xlsx travels in an OLE2 container
        return "password-protected workbook; ask the office for an unprotected copy"
    return f"corrupt or truncated xls file ({error})"


def _pick_sheets(workbook: CalamineWorkbook, wanted: Sequence[str]) -> tuple[list[str], str]:
    """The sheets to read and, when the registry's sheets are not all there, a note saying so.

    A registry sheet matches exactly, then ignoring case and stray spaces, then as whole
    words inside a longer name ("Peserta" in "Peserta 2025", "DATA PESERTA"): offices
    retype and date sheet names from year to year. When none of them is in the file,
    every sheet is read rather than the file rejected: the file is not in the layout
    the registry knows, and a sheet without a participant header is skipped anyway.
    """
    names = [meta.name for meta in workbook.sheets_metadata if meta.typ != SheetTypeEnum.ChartSheet]
    if not wanted:
        return names, ""
    picked: list[str] = []
    missing = []
    for name in wanted:
        key = name.strip().casefold()
        exact = [n for n in names if n == name] or [n for n in names if n.strip().casefold() == key]
        within = [n for n in names if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", n.casefold())]
        found = exact[:1] or within
        picked += [n for n in found if n not in picked]
        if not found:
            missing.append(name)
    if not picked:
        return names, (f"sheet {', '.join(repr(m) for m in missing)} named in the registry not found; "
                       "every sheet read")
    return picked, ""


def read_excel(data: bytes, office: Office, fmt: str) -> list[TableRows | SheetReport]:
    """Read a workbook's bytes: one TableRows per sheet with a header, a SheetReport for the others.

    Raises :class:`SubmissionRejected` when the workbook cannot be opened. Sheets
    named in the registry that are absent do not reject it (see :func:`_pick_sheets`).
    """
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own errors and sometimes plain ones
        raise SubmissionRejected(_describe_open_error(data, fmt, error)) from None

    options = office.reader
    overrides = options.column_mapping or None
    hidden = {meta.name for meta in workbook.sheets_metadata if meta.visible != SheetVisibleEnum.Visible}
    # calamine gives no merged cells for OpenDocument: read them from content.xml.
    ods_merges = _ods_merges(data) if fmt == "ods" else {}
    layout = _sheet_layout(data) if fmt == "xlsx" else _ods_layout(data) if fmt == "ods" else {}
    results: list[TableRows | SheetReport] = []
    with workbook:
        names, note = _pick_sheets(workbook, options.sheet)
        # The last sheet's name, header and title rows, for a sheet continuing its list.
        previous: tuple[str, Header, str] | None = None
        for name in names:
            columns, rows_hidden = layout.get(name, ((), ()))
            tables, header = _read_sheet(workbook, name, options.header_row, overrides, name in hidden,
                                         ods_merges.get(name), previous, columns, rows_hidden)
            for table in tables:
                (table.report if isinstance(table, TableRows) else table).hidden = name in hidden
            results += tables
            if header is not None:
                continued = previous is not None and header is previous[1]
                previous = (previous[0], header, previous[2]) if continued else (name, header, tables[0].report.title)
    for result in results if note else ():
        report = result.report if isinstance(result, TableRows) else result
        report.note = "; ".join(filter(None, [note, report.note]))
    return results


def _read_sheet(
    workbook, name, header_row, overrides, hidden, merges=None, previous: tuple[str, Header, str] | None = None,
    hidden_columns=(), hidden_rows=(),
) -> tuple[list[TableRows | SheetReport], Header | None]:
    """The sheet's tables (one, or several side by side) or a report saying why none was read,
    and the header they were read under (None when none).

    ``merges``: the sheet's merged cells when calamine cannot give them (OpenDocument).
    ``previous``: an earlier sheet's name, header and title: a sheet without a header of its own
    whose rows carry NIKs where that header has them continues its list (a long list split over
    sheets "Hal 1", "Hal 2" with the header printed once) and is read under it, its title too.
    ``hidden_columns``: 0-based columns hidden in the sheet (see :func:`_visible_first`).
    ``hidden_rows``: 0-based rows hidden by hand (not by a filter or a collapsed outline, see
    :func:`_sheet_layout`): below the header they are rows the office took out of its list, and
    are not read (``skipped["hidden"]``).
    """
    prefix = "hidden sheet; " if hidden else ""
    try:
        sheet = workbook.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False)
        merged = sheet.merged_cell_ranges or merges
        empty = sheet.start is None
        del sheet  # calamine's own copy of the cells: free it before rendering ours
    except Exception as error:
        return [SheetReport(name, None, {}, 0, {}, note=f"{prefix}cannot read the sheet ({error})")], None
    if not rows or empty:
        return [SheetReport(name, None, {}, 0, {}, note=f"{prefix}empty sheet")], None

    scan_to = max(DEEP_SCAN_ROWS + 1, (header_row or 0) + 1)
    head = [[render_cell(cell) for cell in row] for row in rows[:scan_to]]
    if hidden_columns:
        _visible_first(head, hidden_columns, overrides)
    continued = ""
    as_written = rows
    rows, head, header, reason = _header_or_split_lines(rows, head, overrides, header_row, scan_to)
    split = "each line written whole in column A (a CSV opened under another list separator): split" if (
        rows is not as_written) else ""
    if header is None:
        if previous is None or not continues(head, previous[1]):
            # the top rows still say whose file it is, even when no header is recognised
            report = SheetReport(name, None, {}, 0, {}, note=f"{prefix}{reason}", title=leading_text(head, lambda v: v))
            return [report], None
        # Data from the first row: a header "above" the sheet, on no row of it.
        header = replace(previous[1], first_row=0, last_row=-1, notes=[], blocks=())
        continued = f"no header: its rows continue the list of sheet {previous[0]!r} and are read under its header"

    fill_merged_data(rows, merged, header.last_row + 1)
    taken_out = _blank_hidden_rows(rows, hidden_rows, header.last_row + 1)
    tables = extract_tables(
        rows, header, render_cell, _excel_row, sheet=name, overrides=overrides, render_column=render_column
    )
    if taken_out:
        report = tables[0].report
        # The rows blanked out were counted blank by the row rules; they are hidden rows.
        blank = report.skipped.get("blank", 0)
        if blank > taken_out:
            report.skipped["blank"] = blank - taken_out
        else:
            report.skipped.pop("blank", None)
        report.skipped["hidden"] = taken_out
        report.note = "; ".join(filter(None, [report.note, f"{taken_out} rows hidden in Excel (by hand, not by a "
                                              "filter): taken out of the list by the office, not read"]))
    for table in tables:
        if split:
            table.report.note = "; ".join(filter(None, [split, table.report.note]))
        if continued:
            table.report.header_row = None
            table.report.title = previous[2]
            table.report.note = "; ".join(filter(None, [continued, table.report.note]))
        if hidden:
            table.report.note = prefix + table.report.note if table.report.note else "hidden sheet"
    return tables, (header if not continued else previous[1])


def _header_or_split_lines(rows, head, overrides, header_row, scan_to):
    """The sheet's header, or failing one, the header of its lines split (:func:`lines_in_one_column`):
    (rows, head, header, None), or (rows, head, None, the reason no header was found)."""
    at = header_row - 1 if header_row else None
    try:
        return rows, head, find_header(head, overrides, at, scan_rows=DEEP_SCAN_ROWS), None
    except HeaderNotFound as error:
        reason = str(error)
    split = lines_in_one_column(rows)
    if split is None:
        return rows, head, None, reason
    split_head = [[render_cell(cell) for cell in row] for row in split[:scan_to]]
    try:
        return split, split_head, find_header(split_head, overrides, at, scan_rows=DEEP_SCAN_ROWS), None
    except HeaderNotFound:
        return rows, head, None, reason


def lines_in_one_column(rows: Sequence[Sequence[object]]) -> list[list[object]] | None:
    """A CSV opened in Excel under another list separator and saved as a workbook: each line
    whole in the first column ("No;Nama;NIK;..."). The lines split as the CSV reader splits
    them (its delimiter sniffing and quoting), or None when the sheet is not such a sheet:
    every row holding anything holds it in column A alone, and the delimiter splits most of
    those lines into the same number of fields, three or more."""
    lines = []
    for row in rows:
        cells = [c for c in row if c is not None and c != ""]
        if not cells:
            lines.append(None)
            continue
        if len(cells) > 1 or not isinstance(row[0], str) or row[0] == "":
            return None
        lines.append(row[0])
    texts = [t for t in lines if t is not None]
    if len(texts) < 2:
        return None
    delimiter = sniff_delimiter("\n".join(texts))
    widths = [len(next(csv.reader([t], delimiter=delimiter), [])) for t in texts]
    modal = max(set(widths), key=widths.count)
    if modal < 3 or widths.count(modal) * 2 < len(widths):
        return None
    return [[] if t is None else list(next(csv.reader([t], delimiter=delimiter), [])) for t in lines]


def _blank_hidden_rows(rows: list[list], hidden_rows, first_data_row: int) -> int:
    """Blank, in place, the rows hidden by hand below the header; how many of them held something."""
    taken_out = 0
    for i in sorted(hidden_rows):
        if first_data_row <= i < len(rows):
            row = rows[i]
            if any(cell is not None and cell != "" for cell in row):
                taken_out += 1
            rows[i] = [None] * len(row)
    return taken_out


def _visible_first(head: list[list[str | None]], hidden: set[int], overrides) -> None:
    """Blank, in place, the header cells of hidden columns that a visible cell of the same row
    also names: a column hidden beside its replacement ("NIK" hidden, "NIK" visible with the
    corrected numbers) is an old copy, and the visible one is what the office shows."""
    for row in head:
        texts = {j: row[j] for j in hidden if j < len(row) and row[j]}
        if not texts:
            continue
        visible = {canonical_column(text, overrides) for j, text in enumerate(row) if text and j not in hidden}
        for j, text in texts.items():
            if canonical_column(text, overrides) in visible - {None}:
                row[j] = None


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')


_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_CHUNK = 1 << 20


def _sheet_layout(data: bytes) -> dict[str, tuple[set[int], set[int]]]:
    """Per sheet name of an xlsx, its 0-based hidden columns and the 0-based rows hidden by hand
    (calamine says neither).

    Excel hides rows three ways. A filter hides the rows it filters out: they are still the
    list's rows, the view of the moment (Excel's SUBTOTAL leaves them out of any sum, but a sheet
    sent with a filter left on is the whole list), and on a sheet with a filter every hidden row
    counts as filtered, as SUBTOTAL counts them. A filter is on when it has criteria
    (``filterMode``, a ``<filterColumn>``) or the sheet holds a table; filter buttons without
    criteria hide nothing. A collapsed outline group hides the rows under
    its summary row: a view too. A row hidden by hand on a sheet without a filter is a row the
    office took out of its list without deleting it (a participant withdrawn, a duplicate);
    those are the rows returned. Columns come from each worksheet's <cols>, rows from its
    <row> tags, streamed; any trouble gives {} (everything is then read as visible).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = ET.fromstring(archive.read("xl/workbook.xml"))
            rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
            targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
            layout: dict[str, tuple[set[int], set[int]]] = {}
            for sheet in book.iter(f"{_MAIN}sheet"):
                target = targets.get(sheet.get(_RELATIONSHIP), "")
                member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                columns, rows = _member_layout(archive, member)
                if columns or rows:
                    layout[sheet.get("name", "")] = (columns, rows)
            return layout
    except Exception:  # a workbook calamine read but this cannot: read every row and column as visible
        return {}


def _member_layout(archive: zipfile.ZipFile, member: str) -> tuple[set[int], set[int]]:
    """One worksheet's hidden columns and rows hidden by hand (see :func:`_sheet_layout`)."""
    columns: set[int] = set()
    hidden: set[int] = set()
    filtered = False
    head_done = False
    carry = b""
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            text = carry + chunk
            # The head (<cols> and the rest before <sheetData) is kept whole, up to 1 MiB: a sheet
            # without <sheetData that far in is read as having no hidden columns.
            if not head_done and (b"<sheetData" in text or not chunk or len(text) > _CHUNK):
                before = text.split(b"<sheetData", 1)[0]
                for match in _COL.finditer(before):
                    attributes = dict(_ATTRIBUTE.findall(match.group(1)))
                    if attributes.get(b"hidden") in (b"1", b"true"):
                        first, last = int(attributes.get(b"min", 0)), int(attributes.get(b"max", 0))
                        columns.update(range(first - 1, min(last, first + 100)))
                # <sheetPr filterMode="1">: a filter hides rows of this sheet
                filtered = b'filterMode="1"' in before or b'filterMode="true"' in before
                head_done = True
            if head_done:
                cut = text.rfind(b"<") if chunk else len(text)
                if cut < 0:
                    cut = len(text)
                # Only the tags around a hidden="..." are parsed: most rows are visible.
                at = text.find(b"hidden=", 0, cut)
                while at >= 0:
                    match = _ROW.match(text, text.rfind(b"<", 0, at))
                    if match is not None and match.end() > at:
                        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
                        if attributes.get(b"hidden") in (b"1", b"true") and b"r" in attributes \
                                and int(attributes.get(b"outlineLevel", 0) or 0) == 0:
                            hidden.add(int(attributes[b"r"]) - 1)
                    at = text.find(b"hidden=", at + 7, cut)
                # A filter hides rows only with criteria (<filterColumn>); filter buttons alone
                # (an <autoFilter> without them) hide nothing, so rows hidden there were hidden by hand.
                filtered = filtered or b"filterColumn" in text or b"<tableParts" in text
                carry = text[cut:]
            else:
                carry = text  # the columns come before <sheetData: keep the head whole
            if not chunk:
                break
    return columns, (set() if filtered else hidden)


# The tags of an OpenDocument sheet that place a cell: tables, rows, cells (text inside is skipped).
_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>")
_ODS_ATTRIBUTE = re.compile(rb'table:([a-z-]+)="([^"]*)"')


def _ods_merges(data: bytes) -> dict[str, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Merged cells reaching down over several rows in each sheet of an OpenDocument spreadsheet,
    as calamine gives them for xlsx: ((first row, first column), (last row, last column)), 0-based.

    A merged cell carries table:number-rows-spanned (and number-columns-spanned); rows and cells
    written once for a run carry number-rows-repeated / number-columns-repeated. Only the tags
    are scanned, up to the last merge: a 50,000-row sheet with a merge at the top costs next to
    nothing. Merges within one row do not matter to the reader (fill_merged_data) and are left
    out. The entity guard (limits.check_zip) has run.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return {}
    last = content.rfind(b"number-rows-spanned")
    if last < 0:
        return {}
    merges: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    sheet = None
    row = column = 0
    repeat_row = 1
    try:
        for match in _ODS_TAG.finditer(content, 0, content.find(b">", last) + 1):
            closing, tag, attributes = match.groups()
            if closing:
                if tag == b"table-row":
                    row += repeat_row
                elif tag == b"table":
                    sheet = None
                continue
            # Most cells carry no repeat or span: their attributes are parsed only when they do.
            found = dict(_ODS_ATTRIBUTE.findall(attributes)) if b"ed=" in attributes or tag == b"table" else {}
            if tag == b"table":
                sheet, row = html.unescape(found.get(b"name", b"").decode("utf-8", "replace")), 0
            elif tag == b"table-row":
                column, repeat_row = 0, int(found.get(b"number-rows-repeated", b"1"))
                if attributes.endswith(b"/"):
                    row += repeat_row
            elif sheet is not None:
                if found:
                    spanned = int(found.get(b"number-rows-spanned", b"1"))
                    if spanned > 1:
                        width = int(found.get(b"number-columns-spanned", b"1"))
                        merges.setdefault(sheet, []).append(((row, column), (row + spanned - 1, column + width - 1)))
                    column += int(found.get(b"number-columns-repeated", b"1"))
                else:
                    column += 1
    except ValueError:  # a repeat or span that is no number: merges read so far
        return merges
    return merges


# An OpenDocument sheet's rows, columns and groups of rows (outline groups), for what each hides.
_ODS_LAYOUT_TAG = re.compile(
    rb"<(/?)table:(table-row-group|table-row|table-column|table)(?=[\s/>])([^>]*)>")
# A run of identical rows or columns written once may be a million long (LibreOffice writes the
# sheet's blank rest so): more than this many hidden ones of a run hold nothing worth blanking.
_ODS_HIDDEN_RUN = 10_000


def _ods_layout(data: bytes) -> dict[str, tuple[set[int], set[int]]]:
    """Per sheet name of an OpenDocument spreadsheet, its 0-based hidden columns and the 0-based
    rows hidden by hand, as :func:`_sheet_layout` gives them for an xlsx (calamine says neither).

    LibreOffice writes ``table:visibility="filter"`` on a row a filter hides and ``"collapse"`` on a
    row hidden by hand or under a collapsed outline group (the row then sits inside a
    ``<table:table-row-group>``). As for an xlsx: rows a filter hides, and rows of a collapsed
    group, are a view of the list and are read; on a sheet where a filter hides rows every hidden
    row counts as filtered; a row hidden by hand elsewhere was taken out of the list. A column
    with ``visibility="collapse"`` is hidden. Only the tags are scanned; any trouble gives {}.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return {}
    if b"visibility=" not in content:
        return {}
    layout: dict[str, tuple[set[int], set[int]]] = {}
    sheet = None
    row = column = groups = 0
    columns: set[int] = set()
    hidden: set[int] = set()
    filtered = False
    try:
        for match in _ODS_LAYOUT_TAG.finditer(content):
            closing, tag, attributes = match.groups()
            if tag == b"table":
                if closing and sheet is not None:
                    if columns or (hidden and not filtered):
                        layout[sheet] = (columns, set() if filtered else hidden)
                    sheet = None
                elif not closing:
                    found = dict(_ODS_ATTRIBUTE.findall(attributes))
                    sheet = html.unescape(found.get(b"name", b"").decode("utf-8", "replace"))
                    row = column = groups = 0
                    columns, hidden, filtered = set(), set(), False
                continue
            if tag == b"table-row-group":
                groups += -1 if closing else (0 if attributes.endswith(b"/") else 1)
                continue
            if closing or sheet is None:
                continue
            found = dict(_ODS_ATTRIBUTE.findall(attributes)) if b"ed=" in attributes or b"visibility=" in attributes \
                else {}
            visibility = found.get(b"visibility", b"visible")
            if tag == b"table-column":
                repeat = int(found.get(b"number-columns-repeated", b"1"))
                if visibility != b"visible":
                    columns.update(range(column, column + min(repeat, _ODS_HIDDEN_RUN)))
                column += repeat
            else:
                repeat = int(found.get(b"number-rows-repeated", b"1"))
                if visibility == b"filter":
                    filtered = True
                elif visibility == b"collapse" and groups == 0:
                    hidden.update(range(row, row + min(repeat, _ODS_HIDDEN_RUN)))
                row += repeat
    except ValueError:  # a repeat that is no number: read everything as visible
        return {}
    return layout


def _excel_row(index: int) -> int:
    return index + 1
