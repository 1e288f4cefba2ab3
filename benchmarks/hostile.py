"""Hostile and odd office files, generated small: the corpus of tests/test_hostile_files.py
and of the reliability benchmark (benchmarks/reliability.py).

Each builder returns bytes (or writes a file); nothing here is committed as a file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import xlsxwriter

HEADER = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]
SAMARINDA = [("Budi Santoso", "6472010101800001"), ("Siti Aminah", "6472015203850012"), ("Agus Salim", "6472020202820003")]
KUTIM = [("Rahmat Hidayat", "6408020202820003"), ("Dewi Lestari", "6408035505900002")]


def participants_csv(people) -> bytes:
    lines = [",".join(HEADER)] + [f"{n},{name},'{nik},Tukang Batu,2,Kompeten" for n, (name, nik) in enumerate(people, 1)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def participants_xlsx(path: Path, people) -> None:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Peserta")
    sheet.write_row(0, 0, HEADER)
    for n, (name, nik) in enumerate(people, 1):
        sheet.write_row(n, 0, [n, name, nik, "Tukang Batu", "2", "Kompeten"])
    book.close()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def workbook_bytes(sheet_xml: bytes | None = None, sheet_chunks=None) -> bytes:
    """A minimal xlsx whose one worksheet is ``sheet_xml`` (or streamed from ``sheet_chunks``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS), ("xl/workbook.xml", _WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)):
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for chunk in sheet_chunks if sheet_chunks is not None else [sheet_xml]:
                member.write(chunk)
    return buffer.getvalue()


def dimension_bomb() -> bytes:
    """A few hundred bytes declaring a sheet of 17 billion cells (the native reader trusts it)."""
    return workbook_bytes(
        (_SHEET_START + '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is>'
         '</c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>').encode()
    )


def zip_bomb(mib: int = 600) -> bytes:
    """A worksheet that inflates to ``mib`` MiB of blanks from well under 1 MiB."""
    chunk = b" " * (16 << 20)
    return workbook_bytes(sheet_chunks=[_SHEET_START.encode(), *[chunk] * (mib // 16)])


def entity_bomb() -> bytes:
    """The "billion laughs" in a worksheet: entities nesting tenfold, nine levels deep."""
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return workbook_bytes(
        (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
         '<c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>').encode()
    )
