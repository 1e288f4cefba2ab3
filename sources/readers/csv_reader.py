"""Delimited text exports (CSV, TSV, ';'-separated from an Indonesian-locale Excel).

Encoding and delimiter come from the registry when the office has them,
otherwise they are sniffed. ``source_row`` is the physical 1-based line where
a record starts: a quoted field may hold line breaks, so record and line
numbers drift apart and are tracked separately.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
import re
from collections import Counter

from sources.readers.table import (
    HeaderNotFound,
    DEEP_SCAN_ROWS,
    SheetReport,
    SubmissionRejected,
    TableRows,
    extract_tables,
    find_header,
    leading_text,
    render_text,
    render_text_column,
)
from sources.formats import utf16_without_bom
from sources.readers.fixed_width import aligned_rows, fixed_width_rows
from sources.registry import Office

DELIMITERS = (";", ",", "\t", "|")
_SNIFF_CHARS = 64 * 1024


def _c1_as_latin1(error: UnicodeDecodeError):
    # Windows maps the five bytes cp1252 leaves undefined (0x81, 0x8D, ...) to the
    # same code points as latin-1; do the same instead of failing the file.
    return "".join(chr(b) for b in error.object[error.start : error.end]), error.end


codecs.register_error("sources.readers.c1_as_latin1", _c1_as_latin1)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode a text file; returns (text, encoding used).

    With ``encoding`` (from the registry) the bytes must decode with it. Otherwise:
    a UTF-16 byte-order mark means UTF-16 (so do zeros in every other byte), then UTF-8 (with or without BOM) if it
    decodes, else windows-1252, the encoding of Indonesian-locale Excel exports.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise SubmissionRejected(f"unknown encoding {encoding!r} set in the registry") from None
        except UnicodeDecodeError as error:
            raise SubmissionRejected(
                f"cannot decode as {encoding} (set in the registry): byte {error.object[error.start]:#04x} "
                f"at offset {error.start}"
            ) from None
        return text.removeprefix("\ufeff"), encoding
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise SubmissionRejected(f"corrupt UTF-16 text ({error.reason} at offset {error.start})") from None
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        if _UTF8_MULTIBYTE.search(data):
            # Written in UTF-8 with a few bytes pasted from a Windows-1252 source (a stray
            # non-breaking space, a curly quote): those bytes as Windows-1252, the rest as
            # UTF-8, so the UTF-8 names ("René", "Ma’ruf") are not garbled to "RenÃ©".
            text = data.decode("utf-8-sig", errors="sources.readers.cp1252_bytes")
            return text, "utf-8 (some bytes windows-1252)"
        return data.decode("cp1252", errors="sources.readers.c1_as_latin1"), "windows-1252"


# A lead byte and its continuation bytes: UTF-8 text, which Windows-1252 text almost never holds.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _cp1252_bytes(error: UnicodeDecodeError):
    """Decode the bytes UTF-8 cannot as Windows-1252 (C1 bytes it lacks as Latin-1)."""
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="sources.readers.c1_as_latin1"), error.end


codecs.register_error("sources.readers.cp1252_bytes", _cp1252_bytes)


def sniff_delimiter(text: str) -> str:
    """The delimiter among ; , tab | that splits the most lines into the same number of fields.

    Counting fields per parsed record (not characters per line) keeps quoted
    commas and decimal commas from outvoting the real delimiter; title rows above
    the header have one field for every candidate and do not matter.
    """
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # a cut record would count wrong
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = Counter(len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter) if r)
        except csv.Error:
            continue
        widths = [(n, width) for width, n in counts.items() if width > 1]
        if not widths:
            continue
        score = max(widths)  # (lines with the modal width, modal width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse(text: str, delimiter: str) -> tuple[list[list[str]], list[int], int]:
    """Records, the 1-based physical line each one starts on, and the number of lines."""
    lines = text.count("\n") + text.count("\r") - text.count("\r\n")
    if text and text[-1] not in "\r\n":
        lines += 1
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        rows = None  # the slow pass below finds the line to report
    if rows is not None and len(rows) == lines:
        # One record per physical line (a blank line is an empty record): no quoted
        # line breaks, so the line numbers need no tracking.
        return rows, list(range(1, lines + 1)), lines

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    starts: list[int] = []
    append_row, append_start = rows.append, starts.append
    previous = 0
    try:
        for record in reader:
            append_start(previous + 1)
            previous = reader.line_num
            append_row(record)
    except csv.Error as error:
        hint = " (an unclosed quote?)" if "field larger" in str(error) else ""
        raise SubmissionRejected(f"cannot parse as CSV near line {previous + 1}: {error}{hint}") from None
    return rows, starts, previous


def _delimiter_name(delimiter: str) -> str:
    return {"\t": "tab", ";": "';'", ",": "','", "|": "'|'"}.get(delimiter, repr(delimiter))


def read_csv(data: bytes, office: Office) -> list[TableRows | SheetReport]:
    """Read one delimited file: a single TableRows, or a SheetReport saying why there is none."""
    options = office.reader
    text, encoding = decode(data, options.encoding)
    read = _read_with(text, encoding, options.delimiter or sniff_delimiter(text), office)
    sniffed = sniff_delimiter(text) if options.delimiter else None
    if sniffed and sniffed != options.delimiter and isinstance(read[0], SheetReport) and read[0].header_row is None:
        # An office's habit is not every file's: a portal export next to the clerk's own
        # sheets. The registry's delimiter found no header; the file's own one may.
        other = _read_with(text, encoding, sniffed, office)
        if isinstance(other[0], TableRows):
            other[0].report.note = "; ".join(filter(None, [
                other[0].report.note,
                f"the registry's delimiter {_delimiter_name(options.delimiter)} found no header, read with {_delimiter_name(sniffed)}"]))
            return other
    if _no_header(read) and not options.delimiter:
        # No delimiter splits a header out: a report printed by an old program, columns fixed
        # in width under a ruler of dashes (sources.readers.fixed_width).
        fixed = _read_with(text, encoding, None, office)
        if not _no_header(fixed):
            return fixed
        # Without a ruler (Excel's .prn): columns where the header's and the data's characters
        # stand, trying each line near the top as the header (sources.readers.fixed_width.aligned_rows).
        for rows in aligned_rows(text):
            aligned = _read_with(text, encoding, None, office, rows)
            if not _no_header(aligned):
                return aligned
    return read


def _no_header(read: list[TableRows | SheetReport]) -> bool:
    return isinstance(read[0], SheetReport) and read[0].header_row is None and not read[0].columns


def _read_with(
    text: str, encoding: str, delimiter: str | None, office: Office, cut: list[list[str]] | None = None
) -> list[TableRows | SheetReport]:
    """Read with ``delimiter``; None reads fixed-width columns, under a ruler of dashes or as ``cut``."""
    options = office.reader
    if delimiter is None:
        cut = cut if cut is not None else fixed_width_rows(text)
        if cut is None:
            return [SheetReport("", None, {}, 0, {}, note=f"no ruler of dashes for fixed-width columns ({encoding})")]
        rows, starts, lines = cut, list(range(1, len(cut) + 1)), len(cut)
        how = f"read as {encoding}, fixed-width columns under the ruler of dashes"
    else:
        rows, starts, lines = parse(text, delimiter)
        how = f"read as {encoding} with delimiter {_delimiter_name(delimiter)}"
    if not rows:
        return [SheetReport("", None, {}, 0, {}, note=f"no text lines ({how})")]

    header_index = None
    if options.header_row is not None:
        if options.header_row > lines:
            note = f"header row {options.header_row} set in the registry is past the last line, {lines} ({how})"
            return [SheetReport("", None, {}, 0, {}, note=note)]
        # The registry gives a line number; the record holding that line is the header.
        header_index = bisect.bisect_right(starts, options.header_row) - 1
    # As in workbooks: a letter or a long preamble exported above the list pushes the header down.
    scan_to = max(DEEP_SCAN_ROWS + 1, (header_index or 0) + 1)
    head = [[render_text(cell) for cell in row] for row in rows[:scan_to]]
    overrides = options.column_mapping or None
    try:
        header = find_header(head, overrides, header_index, scan_rows=DEEP_SCAN_ROWS, row_number=starts.__getitem__)
    except HeaderNotFound as reason:
        # the top lines still say whose file it is, even when no header is recognised
        return [SheetReport("", None, {}, 0, {}, note=f"{reason} ({how})", title=leading_text(head, lambda v: v))]
    # Tables side by side each keep their own address: the second is "sheet" "[H:M]".
    tables = extract_tables(
        rows, header, render_text, starts.__getitem__, sheet="", overrides=overrides, render_column=render_text_column
    )
    for table in tables:
        if table.report.rows == 0:
            table.report.note = "; ".join(filter(None, [table.report.note, how]))
    return list(tables)
