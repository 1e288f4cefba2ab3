"""Kabupaten Muaro Jambi: a legacy .xls (BIFF8, through xlwt); long lists continue on further sheets."""

from __future__ import annotations

from demo import names as V
from demo.common import _dmy
from demo.formats.base import row_values, OfficeContext, files_of, WriterReport


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


def write_muaro_jambi(df, ctx: OfficeContext, out: WriterReport) -> None:
    import xlwt

    c = row_values(df, ctx, out)
    rng = ctx.rng
    born = _dmy(c["birth"], sep="/")
    jstyle = rng.random(len(df)).tolist()
    header = ["No", "Nama", "No. KTP", "Tempat Lahir", "Tgl Lahir", "JK", "Jabatan", "Jenjang", "Keterangan", "Tahun"]
    bold = xlwt.easyxf("font: bold on; align: horiz center")
    for group, pos in files_of(df):
        book = xlwt.Workbook(encoding="utf-8")
        _cache_xlwt_styles(book)
        out.files.append((group, "ok", "legacy .xls (BIFF8); long lists continue on further sheets"))
        chunks = [pos[i:i + ctx.xls_max_rows] for i in range(0, len(pos), ctx.xls_max_rows)]
        for part, chunk in enumerate(chunks, start=1):
            sheet_name = "Peserta" if part == 1 else f"Peserta ({part})"
            ws = book.add_sheet(sheet_name)
            for col, width in enumerate([5, 30, 22, 16, 12, 5, 28, 9, 16, 7]):
                ws.col(col).width = width * 256
            titles = ["DAFTAR PESERTA BIMTEK PEMBEKALAN DAN UJI SERTIFIKASI TENAGA KERJA OPERATOR ALAT BERAT",
                      "DINAS PUPR KABUPATEN MUARO JAMBI", "SENGETI, DESEMBER 2025"]
            for r0, title in enumerate(titles):
                ws.write_merge(r0, r0, 0, len(header) - 1, title, bold)
                out.junk.append((group, sheet_name, r0 + 1, "title"))
            r0 = len(titles) + 1
            for col, text in enumerate(header):
                ws.write(r0, col, text, bold)
            r0 += 1
            for col in range(len(header)):
                ws.write(r0, col, col + 1)
            out.junk.append((group, sheet_name, r0 + 1, "numbering"))
            r0 += 1
            for no, i in enumerate(chunk.tolist(), start=1):
                j = c["jen"][i]
                if c["unreadable"][i]:
                    jen = "KKNI ?"
                else:
                    jen = V.ROMAN[j] if jstyle[i] < 0.6 else f"KKNI {j}"
                values = [no, c["nama"][i], c["nik"][i], c["place"][i], born[i] if c["real"][i] else None,
                          ("PR" if c["female"][i] else "LK") if c["real"][i] else None, c["jabatan"][i], jen,
                          "Kompeten" if c["hasil"][i] == 1 else "Belum Kompeten", c["year"][i]]
                for col, value in enumerate(values):
                    if value is None or value == "" or (isinstance(value, float) and value != value):
                        continue
                    ws.write(r0, col, value)
                out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r0 + 1
                r0 += 1
            if part == len(chunks):
                r0 += 1
                ws.write(r0, 0, "JUMLAH", bold)
                ws.write(r0, 2, len(pos))
                out.junk.append((group, sheet_name, r0 + 1, "total"))
                r0 += 2
                name, nip = V.SIGNATORIES[ctx.office.id] if ctx.office.id in V.SIGNATORIES else ("Ir. Bambang Sutrisno, M.T.", "19700101 199503 1 001")
                for text in ("Sengeti, 19 Desember 2025", "Mengetahui,", f"Kepala {ctx.office.name}", None, None,
                             f"({name})", f"NIP. {nip}"):
                    if text:
                        ws.write(r0, 6, text)
                        out.junk.append((group, sheet_name, r0 + 1, "signature"))
                    r0 += 1
            ctx.tick(len(chunk))
        book.save(str(ctx.dir / group))
