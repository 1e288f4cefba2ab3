"""dBase / FoxPro tables (.DBF): what an office's old desktop application keeps its data in.

Regional offices' older systems were written in FoxPro or Clipper and export, or simply are,
.DBF tables. The layout (dBase III and its FoxPro / Visual FoxPro descendants):

- a 32-byte header: version byte, date of last update (YY-1900, MM, DD), record count (uint32
  LE), header length and record length (uint16 LE), the language driver at byte 29;
- 32-byte field descriptors (name: 11 bytes NUL-padded; type: one letter; length; decimals),
  ended by 0x0D (Visual FoxPro then keeps a 263-byte backlink inside the header length);
- fixed-length records from the header length on, each led by a deletion flag: ' ' live, '*'
  deleted (FoxPro's DELETE only marks a record; it stays in the file until a PACK) -- a deleted
  record is not data, and is skipped;
- character fields space-padded, numbers right-aligned text, dates 'YYYYMMDD', logicals T/F/Y/N/?.

The field names are the header row and every record a row, so the table reader treats a DBF
like any sheet: ``source_row`` is the record's number + 1 (the field names are row 1).
"""

from __future__ import annotations

import struct

from sources.readers.table import SheetReport, SubmissionRejected, TableRows, read_sheet, render_text
from sources.registry import Office

# Version bytes of dBase III/IV/5, FoxBASE, FoxPro and Visual FoxPro tables.
_VERSIONS = frozenset({0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0xCB, 0xF5, 0xFB})
_FIELD_TYPES = frozenset(b"CNFDLMGPBIYTOV@+0WQ")
# Language driver byte -> code page (dBase / FoxPro tables of code-page marks); unmarked: DOS US.
_CODE_PAGES = {0x01: "cp437", 0x02: "cp850", 0x03: "cp1252", 0x57: "cp1252", 0x58: "cp1252", 0x59: "cp1252",
               0x64: "cp852", 0x65: "cp866", 0x7D: "cp1255", 0x7E: "cp1256", 0xC8: "cp1250", 0xC9: "cp1251"}


def _fields(data: bytes) -> list[tuple[str, str, int]] | None:
    """(name, type, length) of each field descriptor, or None when the bytes are no DBF header."""
    if len(data) < 65 or data[0] not in _VERSIONS:
        return None
    _, _yy, mm, dd, count, header_length, record_length = struct.unpack_from("<BBBBIHH", data)
    if not (1 <= mm <= 12 and 1 <= dd <= 31) or not 65 <= header_length <= len(data) or record_length < 2:
        return None
    fields, at = [], 32
    while at + 32 <= header_length and data[at] != 0x0D:
        raw = data[at:at + 32]
        name = raw[:11].split(b"\x00", 1)[0].decode("ascii", errors="replace").strip()
        kind, length = raw[11], raw[16]
        if not name or kind not in _FIELD_TYPES or length == 0:
            return None
        fields.append((name, chr(kind), length))
        at += 32
    if not fields or at >= len(data) or data[at] != 0x0D or 1 + sum(n for _, _, n in fields) != record_length:
        return None
    if header_length + count * record_length > len(data) + 1:  # the 0x1A end mark may be missing
        return None
    return fields


def is_dbf(data: bytes) -> bool:
    """Whether the bytes are a dBase / FoxPro table: a consistent header, descriptors and record length."""
    return _fields(data) is not None


def _value(raw: bytes, kind: str, encoding: str) -> str | None:
    text = raw.decode(encoding, errors="replace").strip().strip("\x00")
    if not text:
        return None
    if kind == "D" and len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"  # ISO: no day/month order to guess
    if kind == "L":
        return {"T": "true", "Y": "true", "F": "false", "N": "false"}.get(text.upper())
    return text


def dbf_rows(data: bytes) -> tuple[list[list[str | None]], list[int]]:
    """The field names, then each live record's values (deleted ones skipped), and each row's number."""
    fields = _fields(data)
    if fields is None:
        raise SubmissionRejected("not a readable dBase/FoxPro table: the header does not match its records")
    _, _, _, _, count, header_length, record_length = struct.unpack_from("<BBBBIHH", data)
    encoding = _CODE_PAGES.get(data[29], "cp437")
    rows: list[list[str | None]] = [[name for name, _, _ in fields]]
    numbers = [1]
    for index in range(count):
        start = header_length + index * record_length
        record = data[start:start + record_length]
        if len(record) < record_length or record[:1] == b"\x1a":
            break
        if record[:1] == b"*":
            continue
        values, at = [], 1
        for _, kind, length in fields:
            values.append(_value(record[at:at + length], kind, encoding))
            at += length
        rows.append(values)
        numbers.append(index + 2)
    return rows, numbers


def read_dbf(data: bytes, office: Office) -> list[TableRows | SheetReport]:
    """Read a dBase / FoxPro table as one sheet whose header row is its field names."""
    rows, numbers = dbf_rows(data)
    return read_sheet("", rows, render_text, numbers.__getitem__, office.reader.column_mapping or None)
