"""dBase / FoxPro tables (sources.readers.dbf_reader): an old desktop application's .DBF (world 9, Kota Gorontalo).

Layout as dBase III and FoxPro write it: 32-byte header, 32-byte field descriptors ended by
0x0D, fixed-length records each led by a deletion flag (' ' or '*'), 0x1A at the end.
"""

from __future__ import annotations

import struct
from dataclasses import replace

import pytest

from sources.formats import detect_format
from sources.readers import read_submission
from sources.readers.dbf_reader import dbf_rows, is_dbf
from sources.registry import Office, ReaderOptions

FIELDS = [("NAMA", "C", 20), ("NIK", "C", 16), ("JENJANG", "N", 2), ("HASIL", "C", 10), ("TGL_TERBIT", "D", 8),
          ("AKTIF", "L", 1)]


def dbf(records: list[tuple[bool, list[str]]], driver: int = 0x57, encoding: str = "cp1252", version: int = 0x03,
        fields=FIELDS, end_mark: bool = True) -> bytes:
    """A table: records as (deleted, values already padded to their widths)."""
    record_length = 1 + sum(n for _, _, n in fields)
    header_length = 32 + 32 * len(fields) + 1
    out = bytearray(struct.pack("<BBBBIHH", version, 99, 7, 1, len(records), header_length, record_length))
    out += bytes(17) + bytes([driver]) + bytes(2)
    for name, kind, n in fields:
        out += name.encode().ljust(11, b"\0") + kind.encode() + bytes(4) + bytes([n, 0]) + bytes(14)
    out += b"\r"
    for deleted, values in records:
        out += (b"*" if deleted else b" ") + "".join(values).encode(encoding)
    return bytes(out) + (b"\x1a" if end_mark else b"")


def rec(nama, nik, jenjang, hasil, tgl, aktif=" ", deleted=False):
    return deleted, [nama.ljust(20), nik.ljust(16), jenjang.rjust(2), hasil.ljust(10), tgl.ljust(8), aktif]


TABLE = dbf([rec("RAMLAH HASAN", "7571034803890009", "2", "KOMPETEN", "20230315", "T"),
             rec("YUNUS DAUD", "7571041111770002", "6", "KOMPETEN", "20230315", deleted=True),
             rec("SOFYAN HIOLA", "7571050209790011", "4", "KOMPETEN", "20210110", "F")])


@pytest.mark.parametrize(("data", "rows", "numbers"), [
    # the field names are row 1; the deleted record (record 2) is skipped; dates ISO, logicals spelt out
    (TABLE, [["NAMA", "NIK", "JENJANG", "HASIL", "TGL_TERBIT", "AKTIF"],
             ["RAMLAH HASAN", "7571034803890009", "2", "KOMPETEN", "2023-03-15", "true"],
             ["SOFYAN HIOLA", "7571050209790011", "4", "KOMPETEN", "2021-01-10", "false"]], [1, 2, 4]),
    # the language driver names the code page: DOS (0x01, cp437) and Windows ANSI (0x57)
    (dbf([rec("DÉDI", "1", "3", "K", "")], driver=0x01, encoding="cp437"),
     [[n for n, _, _ in FIELDS], ["DÉDI", "1", "3", "K", None, None]], [1, 2]),
    (dbf([rec("DÉDI", "1", "3", "K", "")], driver=0x57, encoding="cp1252"),
     [[n for n, _, _ in FIELDS], ["DÉDI", "1", "3", "K", None, None]], [1, 2]),
    # FoxPro 2 with memo (0xF5), no end mark
    (dbf([rec("A", "1", "3", "K", "20240101")], version=0xF5, end_mark=False),
     [[n for n, _, _ in FIELDS], ["A", "1", "3", "K", "2024-01-01", None]], [1, 2]),
])
def test_dbf_rows(data, rows, numbers):
    assert dbf_rows(data) == (rows, numbers)


@pytest.mark.parametrize(("data", "expected"), [
    (TABLE, True),
    (TABLE[:100], False),  # cut short: the records the header promises are missing
    (b"\x03" + b"No;Nama;NIK\r\n1;Ani;7571\r\n" * 4, False),  # text that happens to start with 0x03
    (TABLE[:8] + b"\xff\xff" + TABLE[10:], False),  # a header length the descriptors do not fill
    (bytes(200), False),
])
def test_is_dbf(data, expected):
    assert is_dbf(data) is expected


def test_detected_whatever_the_name():
    assert detect_format(TABLE, "TKK2023.DBF") == "dbf"
    assert detect_format(TABLE, "data.xls") == "dbf"


def test_a_dbf_is_read(tmp_path):
    path = tmp_path / "TKK2023.DBF"
    path.write_bytes(TABLE)
    office = Office(id="kota-gorontalo", name="Dinas PUPR Kota Gorontalo", level="city", region_code="75.71",
                    landing="kota-gorontalo", reader=replace(ReaderOptions()))
    sub = read_submission(path, office)
    assert sub.error is None and sub.format == "dbf"
    assert sub.rows[["nama", "jenjang", "hasil", "tanggal_terbit", "source_row"]].values.tolist() == [
        ["RAMLAH HASAN", "2", "KOMPETEN", "2023-03-15", "2"], ["SOFYAN HIOLA", "4", "KOMPETEN", "2021-01-10", "4"]]
