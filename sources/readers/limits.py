"""Intake limits checked before a parser runs: what a file may cost, from its size and zip directory.

A few kilobytes can declare a sheet of 17 billion cells or inflate to gigabytes;
the native xlsx reader trusts such declarations and aborts the process when the
allocation fails, which no exception handler can catch. So the declarations are
read first, cheaply (the zip directory, the first bytes of each worksheet), and a
file over an office's :class:`~sources.registry.IntakeLimits` is rejected with
the limit named, like any other bad file. What declarations cannot reveal is
bounded by the child process the file is parsed in (``sources/readers/isolated.py``).
"""

from __future__ import annotations

import io
import re
import zipfile

import numpy as np

from sources.readers.table import SubmissionRejected
from sources.registry import IntakeLimits

MIB = 1 << 20
# Below this uncompressed size a high ratio is harmless (an empty styled sheet compresses 500x).
_RATIO_FLOOR = 8 * MIB
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?\"")
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml$")


def _mib(n: float) -> str:
    return f"{n / MIB:,.1f} MiB" if n >= MIB else f"{n:,.0f} bytes"


def check_file_size(size: int, limits: IntakeLimits) -> None:
    """Reject a file larger than ``max_file_mib`` before any byte of it is read."""
    if size > limits.max_file_mib * MIB:
        raise SubmissionRejected(
            f"file of {_mib(size)} is over the intake limit of {limits.max_file_mib:g} MiB "
            "(limits.max_file_mib in the registry); ask the office to split it, or raise the limit for this office"
        )


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def declared_range(head: bytes) -> tuple[str, int, int] | None:
    """The ``<dimension ref>`` of a worksheet's first bytes with the rows and columns it spans, or None."""
    match = _DIMENSION.search(head)
    if not match or not match.group(3):
        return None  # a single cell ("A1") or no dimension: nothing declared to fear
    first_col, first_row, last_col, last_row = match.groups()
    columns = _column_number(last_col) - _column_number(first_col or b"A") + 1
    rows = int(last_row) - int(first_row or b"1") + 1
    ref = match.group(0).split(b'"')[1].decode("ascii")
    return ref, max(rows, 1), max(columns, 1)


def check_zip(data: bytes, fmt: str, limits: IntakeLimits) -> None:
    """Reject an xlsx/ods whose zip directory or sheet dimensions are over the limits.

    Reads only the central directory and the first 4 KiB of each worksheet; a zip
    that cannot be opened is left to the reader, which explains what is broken.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return
    with archive:
        for member in archive.infolist():
            size, packed = member.file_size, max(member.compress_size, 1)
            if size > limits.max_member_mib * MIB:
                raise SubmissionRejected(
                    f"{fmt} member {member.filename!r} inflates to {_mib(size)}, over the intake limit of "
                    f"{limits.max_member_mib:g} MiB (limits.max_member_mib): a zip bomb or a sheet far larger than any participant list"
                )
            if size > _RATIO_FLOOR and size / packed > limits.max_compression_ratio:
                raise SubmissionRejected(
                    f"{fmt} member {member.filename!r} inflates {size / packed:,.0f}x ({_mib(packed)} to {_mib(size)}), "
                    f"over the intake limit of {limits.max_compression_ratio:g}x (limits.max_compression_ratio): a zip bomb?"
                )
            if member.filename.endswith((".xml", ".rels")):
                head = _head(archive, member)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    # Excel, LibreOffice and every exporter seen write no DTD; entities are how
                    # "billion laughs" and external-file reads are built.
                    raise SubmissionRejected(
                        f"{fmt} member {member.filename!r} declares XML entities (<!DOCTYPE>), which spreadsheet "
                        "programs never write: rejected as unsafe; ask the office to save the workbook again from Excel"
                    )
                if fmt == "xlsx" and _WORKSHEET.match(member.filename):
                    _check_dimension(member, head, limits)


def _head(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(member) as stream:
            return stream.read(4096)
    except Exception:  # noqa: BLE001 - a damaged member is the reader's to explain
        return b""


def _check_dimension(member: zipfile.ZipInfo, head: bytes, limits: IntakeLimits) -> None:
    declared = declared_range(head)
    if declared is None:
        return
    ref, rows, columns = declared
    over = [
        (f"{rows * columns:,} cells", f"{limits.max_sheet_cells:,} cells", "max_sheet_cells")
        if rows * columns > limits.max_sheet_cells else None,
        (f"{rows:,} rows", f"{limits.max_rows:,} rows", "max_rows") if rows > limits.max_rows else None,
        (f"{columns:,} columns", f"{limits.max_columns:,} columns", "max_columns") if columns > limits.max_columns else None,
    ]
    for what, limit, name in filter(None, over):
        raise SubmissionRejected(
            f"worksheet {member.filename!r} declares the range {ref} ({what}), over the intake limit of "
            f"{limit} (limits.{name}); ask the office to copy the data into a new workbook"
        )


def check_text(data: bytes, limits: IntakeLimits) -> None:
    """Reject a CSV with a line longer than ``max_line_kib`` or more lines than ``max_rows``.

    Line lengths come from the positions of the newline bytes (numpy, no copy of the
    text), so a 32 MiB file is checked in milliseconds.
    """
    longest = limits.max_line_kib * 1024
    # UTF-16 doubles the bytes of a line; the limit is on characters, roughly.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        longest *= 2
    if len(data) > longest:
        ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
        bounds = np.concatenate(([-1], ends, [len(data)]))
        lengths = np.diff(bounds) - 1
        over = np.flatnonzero(lengths > longest)
        if len(over):
            raise SubmissionRejected(
                f"line {int(over[0]) + 1:,} is longer than the intake limit of {limits.max_line_kib:,} KiB "
                "(limits.max_line_kib): not a participant list, or line breaks lost in transfer"
            )
    lines = data.count(b"\n")
    if lines > limits.max_rows:
        raise SubmissionRejected(
            f"{lines:,} lines, over the intake limit of {limits.max_rows:,} rows (limits.max_rows); "
            "ask the office to split the file, or raise the limit for this office"
        )


def check_json_depth(document: object, limits: IntakeLimits) -> None:
    """Reject a JSON document nested deeper than ``max_json_depth`` (walked without recursion)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limits.max_json_depth:
            raise SubmissionRejected(
                f"JSON nested more than {limits.max_json_depth} levels deep (limits.max_json_depth): "
                "not a participant export"
            )
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values() if isinstance(child, (dict, list)))
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value if isinstance(child, (dict, list)))
