"""Kabupaten Muaro Jambi: a legacy .xls (BIFF8, through xlwt); long lists continue on further sheets."""

from __future__ import annotations

from demo import names as V
from demo.common import _dmy
from demo.formats.base import OfficeContext, WriterReport, files_of, row_values


def _cache_xlwt_styles(book) -> None:
    """xlwt hashes a cell's style on every write; remember the index per style object (3x faster)."""
    original = book.add_style
    cache: dict[int, int] = {}

    def add_style(style):
        key = id(style)
        if key not in cache:
            cache[key] = original(style)
        return cache[key]

    book.add_style = add_style


_HEADER = ["No", "Nama", "No. KTP", "Tempat Lahir", "Tgl Lahir", "JK", "Jabatan", "Jenjang", "Keterangan", "Tahun"]
_WIDTHS = [5, 30, 22, 16, 12, 5, 28, 9, 16, 7]
_TITLES = ["DAFTAR PESERTA BIMTEK PEMBEKALAN DAN UJI SERTIFIKASI TENAGA KERJA OPERATOR ALAT BERAT",
           "DINAS PUPR KABUPATEN MUARO JAMBI", "SENGETI, DESEMBER 2025"]


def write_muaro_jambi(df, ctx: OfficeContext, out: WriterReport) -> None:
    """The BIMTEK list as a legacy .xls: titles, header, a numbering row, data, total and signature on the last sheet.

    A sheet holds at most ``ctx.xls_max_rows`` data rows; longer lists go on "Peserta (2)", ...
    """
    import xlwt  # only this office writes .xls

    c = row_values(df, ctx, out)
    born = _dmy(c["birth"], sep="/")
    jstyle = ctx.rng.random(len(df)).tolist()
    bold = xlwt.easyxf("font: bold on; align: horiz center")
    for group, pos in files_of(df):
        book = xlwt.Workbook(encoding="utf-8")
        _cache_xlwt_styles(book)
        out.files.append((group, "ok", "legacy .xls (BIFF8); long lists continue on further sheets"))
        chunks = [pos[i:i + ctx.xls_max_rows] for i in range(0, len(pos), ctx.xls_max_rows)]
        for part, chunk in enumerate(chunks, start=1):
            sheet_name = "Peserta" if part == 1 else f"Peserta ({part})"
            ws = book.add_sheet(sheet_name)
            r0 = _sheet_head(ws, group, sheet_name, bold, out)
            for no, i in enumerate(chunk.tolist(), start=1):
                _write_cells(ws, r0, _peserta_row(no, i, c, born, jstyle[i]))
                out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r0 + 1
                r0 += 1
            if part == len(chunks):
                _total_and_signature(ws, r0, group, sheet_name, len(pos), bold, ctx, out)
            ctx.tick(len(chunk))
        book.save(str(ctx.dir / group))


def _sheet_head(ws, group: str, sheet_name: str, bold, out: WriterReport) -> int:
    """Column widths, merged titles, header and numbering row; returns the first data row (0-based)."""
    for col, width in enumerate(_WIDTHS):
        ws.col(col).width = width * 256
    for r0, title in enumerate(_TITLES):
        ws.write_merge(r0, r0, 0, len(_HEADER) - 1, title, bold)
        out.junk.append((group, sheet_name, r0 + 1, "title"))
    r0 = len(_TITLES) + 1
    for col, text in enumerate(_HEADER):
        ws.write(r0, col, text, bold)
    r0 += 1
    for col in range(len(_HEADER)):
        ws.write(r0, col, col + 1)
    out.junk.append((group, sheet_name, r0 + 1, "numbering"))
    return r0 + 1


def _peserta_row(no: int, i: int, c: dict, born: list, jstyle: float) -> list:
    """One participant: jenjang in roman numerals, "KKNI 2" or glued to its label ("KKNI2", "Lv.2"),
    sex as LK/PR, the result in Keterangan."""
    j = c["jen"][i]
    if c["unreadable"][i]:
        jen = "KKNI ?"
    elif jstyle < 0.5:
        jen = V.ROMAN[j]
    elif jstyle < 0.75:
        jen = f"KKNI {j}"
    else:
        jen = f"KKNI{j}" if jstyle < 0.88 else f"Lv.{j}"
    return [no, c["nama"][i], c["nik"][i], c["place"][i], born[i] if c["real"][i] else None,
            ("PR" if c["female"][i] else "LK") if c["real"][i] else None, c["jabatan"][i], jen,
            "Kompeten" if c["hasil"][i] == 1 else "Belum Kompeten", c["year"][i]]


def _write_cells(ws, r0: int, values: list) -> None:
    """A row's cells, empty ones left unwritten (as in a real .xls: no blank records)."""
    for col, value in enumerate(values):
        if value is None or value == "" or (isinstance(value, float) and value != value):
            continue
        ws.write(r0, col, value)


def _total_and_signature(ws, r0: int, group: str, sheet_name: str, total: int, bold, ctx: OfficeContext,
                         out: WriterReport) -> None:
    """Under the last sheet's data: JUMLAH, then the head of office's signature block."""
    r0 += 1
    ws.write(r0, 0, "JUMLAH", bold)
    ws.write(r0, 2, total)
    out.junk.append((group, sheet_name, r0 + 1, "total"))
    r0 += 2
    name, nip = V.SIGNATORIES[ctx.office.id] if ctx.office.id in V.SIGNATORIES else ("Ir. Bambang Sutrisno, M.T.", "19700101 199503 1 001")
    for text in ("Sengeti, 19 Desember 2025", "Mengetahui,", f"Kepala {ctx.office.name}", None, None,
                 f"({name})", f"NIP. {nip}"):
        if text:
            ws.write(r0, 6, text)
            out.junk.append((group, sheet_name, r0 + 1, "signature"))
        r0 += 1
