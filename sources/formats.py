"""What kind of file an office sent, from its first bytes.

One rule for everything that lands: the readers use it on a file, the puller on the
first bytes of a download, so a file is never accepted by one and rejected by the other.
Imports nothing from the rest of the project: the registry's pull models depend on it.
"""

from __future__ import annotations

from pathlib import Path


class SubmissionRejected(Exception):
    """A whole file cannot be used; the message says why (office and file are added by the caller)."""


_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_OTHER_FORMATS = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
)


def utf16_encoding(data: bytes) -> str | None:
    """The UTF-16 codec of text in UTF-16 (with a byte-order mark, or without one), else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return utf16_without_bom(data)


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the text is UTF-16 without a byte-order mark, else None.

    Some exports ("Unicode Text" through a script) drop the BOM: ASCII text then has a
    zero byte in every other position, which UTF-8 would happily decode as NULs.
    """
    sample = data[:1024]
    if len(sample) < 8:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def without_nuls(data: bytes) -> bytes:
    """Text without its NUL bytes: the padding at either end (a download or copy that stopped
    short leaves a preallocated tail of zeros; a damaged disk block reads as zeros) and, in
    8-bit text, stray ones inside. In UTF-16 a zero byte is half of most characters: only
    whole NUL characters at either end go. Binary formats (zip, OLE2) are returned as they are.
    """
    if data.startswith((*_ZIP, _OLE2)):
        return data
    core = data.strip(b"\x00")
    if not core or not utf16_encoding(core):
        return core.replace(b"\x00", b"")
    start, end = 0, len(data)
    while data[start : start + 2] == b"\x00\x00":
        start += 2
    end -= (end - start) % 2
    while end - start >= 2 and data[end - 2 : end] == b"\x00\x00":
        end -= 2
    return data[start:end]


# Stray NULs a text may hold once its padding is gone (a NUL pasted into a cell), per 100 bytes:
# more is binary data of a format without a known signature.
_NULS_IN_TEXT_PER_100 = 1

# How far into an HTML page its first <table> may start (styles and scripts come first).
_HTML_TABLE_WITHIN = 256 * 1024


def detect_format(data: bytes, name: str) -> str:
    """"xlsx", "xls", "ods", "json", "csv", "html" (a page with a table), "spreadsheetml"
    (Excel 2003 XML) or "dbf" (dBase / FoxPro) from the first bytes, the extension second.

    Raises :class:`SubmissionRejected` for an empty file and for anything that is
    none of these (a PDF, an image, a web page without a table, other binary data).
    """
    if not data:
        raise SubmissionRejected("empty file (0 bytes)")
    if data.startswith(_ZIP):
        # An OpenDocument file names its type in the first, uncompressed member.
        return "ods" if b"application/vnd.oasis.opendocument.spreadsheet" in data[:200] else "xlsx"
    if data.startswith(_OLE2):
        return "xls"
    from sources.readers.dbf_reader import is_dbf  # here: the readers import this module

    if is_dbf(data):
        return "dbf"  # a dBase / FoxPro table from an old desktop application (sources/readers/dbf_reader.py)
    for magic, what in _OTHER_FORMATS:
        if data.startswith(magic):
            raise SubmissionRejected(f"unknown format: {what}, not an xlsx, xls, csv or json file")
    original = data
    data = data.strip(b"\x00") if not utf16_encoding(data[:4096]) else data
    if not data:
        raise SubmissionRejected(
            f"only NUL bytes ({len(original):,} bytes of zeros): a download or copy that never completed; "
            "ask the office to send the file again"
        )
    start = data[:4096]
    utf16 = utf16_encoding(start)
    if utf16:
        # UTF-16 text: Excel's "Unicode Text" export (a CSV), or a JSON, HTML or XML export of
        # a system that writes UTF-16 (.NET's Encoding.Unicode): judged on its characters.
        window = data[: 2 * max(_HTML_TABLE_WITHIN, 4096)]
        data = window[: len(window) // 2 * 2].decode(utf16, errors="replace").lstrip("\ufeff \t\r\n").encode("utf-8")
        if data[:1] not in (b"{", b"[", b"<"):
            return "csv"
        start = data[:4096]
    for bom in _TEXT_BOMS:
        start = start.removeprefix(bom)
    start = start.lstrip()
    if start[:1] in (b"{", b"["):
        return "json"
    if start[:1] == b"<":
        lowered = start[:512].lower()
        if b"urn:schemas-microsoft-com:office:spreadsheet" in data[:4096].lower():
            return "spreadsheetml"  # Excel 2003 XML, as older PHP systems export it (sources/readers/spreadsheetml.py)
        if b"<table" in data[:_HTML_TABLE_WITHIN].lower():
            return "html"  # a web system's "Excel" export: an HTML table (sources/readers/html_reader.py)
        if b"<html" in lowered or b"<!doctype html" in lowered:
            what = "an HTML page without a table"
        else:
            what = "an XML or HTML file"
        raise SubmissionRejected(f"unknown format: {what}; ask the office to save it as .xlsx or .csv")
    if start.count(b"\x00") * 100 > len(start) * _NULS_IN_TEXT_PER_100:
        raise SubmissionRejected(
            f"unknown format: binary data starting {original[:8].hex(' ')}, not an xlsx, xls, csv or json file"
        )
    return "json" if Path(name).suffix.lower() == ".json" else "csv"
