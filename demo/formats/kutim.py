"""Kabupaten Kutai Timur: the Mobile Training Unit workbook, one sheet per kecamatan."""

from __future__ import annotations

from demo import names as V
from demo.common import _BULAN_SHORT, _ymd
from demo.formats.attendance import attendance_sheet
from demo.formats.base import (OfficeContext, WriterReport, continuation_rows, row_values, signature_block, title_rows,
                               workbook_sheets)
from demo.xlsx import XlsxBook


_HEADER = ["No", "Nama Lengkap", "NIK", "Tempat, Tanggal Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
           "No. Registrasi", "Tahun"]
_WIDTHS = [5, 32, 22, 30, 5, 34, 11, 7, 24, 7]


def write_kutim(df, ctx: OfficeContext, out: WriterReport) -> None:
    """The MTU workbook of a year: a sheet per kecamatan (titles, header, K/BK total, signature),
    the kecamatan's attendance list as a "DH" sheet of the same workbook."""
    c = row_values(df, ctx, out)
    rng = ctx.rng
    y, m, d = _ymd(c["birth"])
    draws = {
        "birth_ymd": (y, m, d),
        "style": rng.random(len(df)).tolist(),
        "blank": (rng.random(len(df)) < 0.012).tolist(),
        "jstyle": rng.random(len(df)).tolist(),
    }

    def open_workbook(group: str) -> XlsxBook:
        out.files.append((group, "ok", "MTU participant workbook, one sheet per kecamatan"))
        return XlsxBook(ctx.dir / group)

    for book, group, sheet_name, pos in workbook_sheets(df, open_workbook):
        if df["special"].iat[pos[0]] == 6:  # the kecamatan's attendance list, a sheet of the same workbook
            attendance_sheet(book, group, sheet_name, pos, df, c, ctx, out, registration=False)
            continue
        draws["continued"] = continuation_rows(df, pos).tolist()
        _kecamatan_sheet(book.sheet(sheet_name, _WIDTHS), group, sheet_name, pos, c, draws, ctx, out)
        ctx.tick(len(pos))


def _kecamatan_sheet(sheet, group: str, sheet_name: str, pos, c: dict, draws: dict, ctx: OfficeContext,
                     out: WriterReport) -> None:
    """One kecamatan's results: titles, header (sometimes a numbering row), rows, total, signature."""
    rng = ctx.rng
    year = c["year"][pos[0]]
    titles = ["DAFTAR PESERTA MOBILE TRAINING UNIT (MTU)", f"DINAS PUPR KABUPATEN KUTAI TIMUR TAHUN {year}"]
    # Where the kecamatan is named: a title above the header, a section row inside the table
    # (clerks who merged several kecamatan into one layout), or only the sheet name.
    placement = rng.random()
    if placement < 0.45:
        titles.append(f"KECAMATAN {sheet_name.upper()}")
    # Some clerks split the list by batch with a section row ("Angkatan II") above each part.
    batches = len(pos) >= 6 and rng.random() < 0.3
    r = title_rows(sheet, titles, len(_HEADER), 1, group, sheet_name, out)
    r += 1  # blank line under the titles
    sheet.row(r, _HEADER, bold=True)
    r += 1
    if rng.random() < 0.5:
        sheet.row(r, list(range(1, len(_HEADER) + 1)))
        out.junk.append((group, sheet_name, r, "numbering"))
        r += 1
    if 0.45 <= placement < 0.75:
        r = _section_row(sheet, r, f"KECAMATAN {sheet_name.upper()}", group, sheet_name, out)
    y, m, d = draws["birth_ymd"]
    k = kb = 0
    half = len(pos) // 2
    shown = 0  # the number column: a person's second certificate has none of its own
    last = -1  # the row the previous participant went to
    for (no, i), cont in zip(enumerate(pos.tolist(), start=1), draws["continued"]):
        if batches and no in (1, half + 1):
            r = _section_row(sheet, r, "Angkatan I" if no == 1 else "Angkatan II", group, sheet_name, out)
        if draws["blank"][i] and not cont:
            out.junk.append((group, sheet_name, r, "blank"))
            r += 1
        # the person's next certificate right below the first: No, name, NIK, TTL and L/P merged over both rows
        merged = cont and r == last + 1
        shown += 0 if merged else 1
        ttl = _ttl(c["place"][i], d[i], m[i], y[i], draws["style"][i]) if c["real"][i] else None
        sex = ("P" if c["female"][i] else "L") if c["real"][i] else None
        h = c["hasil"][i]
        nomor = None
        if h == 1:
            k += 1
            if c["pending"][i]:
                nomor = "dalam proses"
            elif c["real"][i]:
                nomor = c["nomor"][i]
                out.written_nomor[i] = nomor
        else:
            kb += 1
        identity = [shown, c["nama"][i], c["nik"][i], ttl, sex]
        if merged:
            identity = [None] * 5
            for col in range(5):
                sheet.merge(r - 1, col, r, col)
            out.written_nik[i], out.written_nama[i], out.continued[i] = None, None, True
        sheet.row(r, identity + [c["jabatan"][i], _jenjang(c, i, draws["jstyle"][i]), "K" if h == 1 else "BK", nomor,
                                 c["year"][i]])
        out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
        last = r
        r += 1
    r += 1
    sheet.row(r, ["JUMLAH", None, None, None, None, None, None, f"K: {k} / BK: {kb}"], bold=True)
    sheet.merge(r, 0, r, 6)
    out.junk.append((group, sheet_name, r, "total"))
    r += 2
    _, rows = signature_block(sheet, r, 7, ctx.office, "Sangatta", f"{20 + int(rng.integers(0, 9))} Desember {year}")
    out.junk.extend((group, sheet_name, s, "signature") for s in rows)


def _section_row(sheet, r: int, text: str, group: str, sheet_name: str, out: WriterReport) -> int:
    """A section row inside the table: the text in the name column, nothing else; the next row."""
    sheet.row(r, [None, text], bold=True)
    out.junk.append((group, sheet_name, r, "section"))
    return r + 1


def _ttl(place: str, d: int, m: int, y: int, s: float) -> str:
    """Tempat, tanggal lahir in one cell, the way different clerks type it."""
    if s < 0.72:
        return f"{place}, {d:02d}-{m:02d}-{y}"
    if s < 0.84:
        return f"{place}, {d} {V.BULAN[m - 1]} {y}"
    if s < 0.89:
        return f"{place}, {d:02d}.{m:02d}.{y}"
    if s < 0.93:
        return f"{place}, {d:02d}/{m:02d}/{y}"
    if s < 0.96:
        return f"{place.upper()} / {d} {_BULAN_SHORT[m - 1]} {y}"
    return f"{place},{d:02d}-{m:02d}-{y}"


def _jenjang(c: dict, i: int, s: float) -> str:
    """The jenjang cell: mostly "Jenjang 5", sometimes roman, a bare digit or "KKNI 5"."""
    j = c["jen"][i]
    if c["unreadable"][i]:
        return "Jenjang ?"
    if s < 0.9:
        return f"Jenjang {j}"
    if s < 0.92:
        return f"Jenjang {V.ROMAN[j]}"
    if s < 0.95:
        return str(j)
    return f"KKNI {j}"
