"""Kabupaten Kutai Timur: the Mobile Training Unit workbook, one sheet per kecamatan."""

from __future__ import annotations

from demo import names as V
from demo.common import _BULAN_SHORT, _ymd
from demo.formats.attendance import attendance_sheet
from demo.formats.base import row_values, OfficeContext, WriterReport, sheets_of, signature_block
from demo.xlsx import XlsxBook


def write_kutim(df, ctx: OfficeContext, out: WriterReport) -> None:
    c = row_values(df, ctx, out)
    rng = ctx.rng
    header = ["No", "Nama Lengkap", "NIK", "Tempat, Tanggal Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
              "No. Registrasi", "Tahun"]
    widths = [5, 32, 22, 30, 5, 34, 11, 7, 24, 7]
    y, m, d = _ymd(c["birth"])
    style = rng.random(len(df)).tolist()
    blank = (rng.random(len(df)) < 0.012).tolist()
    jstyle = rng.random(len(df)).tolist()
    books: dict[str, XlsxBook] = {}
    for group, sheet_name, pos in sheets_of(df):
        book = books.get(group)
        if book is None:
            for other in books.values():
                other.close()
            books.clear()
            book = books[group] = XlsxBook(ctx.dir / group)
            out.files.append((group, "ok", "MTU participant workbook, one sheet per kecamatan"))
        if df["special"].iat[pos[0]] == 6:  # the kecamatan's attendance list, a sheet of the same workbook
            attendance_sheet(book, group, sheet_name, pos, df, c, ctx, out, registration=False)
            continue
        sheet = book.sheet(sheet_name, widths)
        year = c["year"][pos[0]]
        titles = ["DAFTAR PESERTA MOBILE TRAINING UNIT (MTU)", f"DINAS PUPR KABUPATEN KUTAI TIMUR TAHUN {year}"]
        if rng.random() < 0.6:
            titles.append(f"KECAMATAN {sheet_name.upper()}")
        r = 1
        for title in titles:
            sheet.row(r, [title], bold=True)
            sheet.merge(r, 0, r, len(header) - 1)
            out.junk.append((group, sheet_name, r, "title"))
            r += 1
        r += 1  # blank line under the titles
        sheet.row(r, header, bold=True)
        r += 1
        if rng.random() < 0.5:
            sheet.row(r, list(range(1, len(header) + 1)))
            out.junk.append((group, sheet_name, r, "numbering"))
            r += 1
        k = kb = 0
        for no, i in enumerate(pos.tolist(), start=1):
            if blank[i]:
                out.junk.append((group, sheet_name, r, "blank"))
                r += 1
            if c["real"][i]:
                s = style[i]
                if s < 0.72:
                    ttl = f"{c['place'][i]}, {d[i]:02d}-{m[i]:02d}-{y[i]}"
                elif s < 0.84:
                    ttl = f"{c['place'][i]}, {d[i]} {V.BULAN[m[i] - 1]} {y[i]}"
                elif s < 0.89:
                    ttl = f"{c['place'][i]}, {d[i]:02d}.{m[i]:02d}.{y[i]}"
                elif s < 0.93:
                    ttl = f"{c['place'][i]}, {d[i]:02d}/{m[i]:02d}/{y[i]}"
                elif s < 0.96:
                    ttl = f"{c['place'][i].upper()} / {d[i]} {_BULAN_SHORT[m[i] - 1]} {y[i]}"
                else:
                    ttl = f"{c['place'][i]},{d[i]:02d}-{m[i]:02d}-{y[i]}"
                sex = "P" if c["female"][i] else "L"
            else:
                ttl = sex = None
            j = c["jen"][i]
            if c["unreadable"][i]:
                jen = "Jenjang ?"
            elif jstyle[i] < 0.9:
                jen = f"Jenjang {j}"
            elif jstyle[i] < 0.92:
                jen = f"Jenjang {V.ROMAN[j]}"
            elif jstyle[i] < 0.95:
                jen = str(j)
            else:
                jen = f"KKNI {j}"
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
            sheet.row(r, [no, c["nama"][i], c["nik"][i], ttl, sex, c["jabatan"][i], jen, "K" if h == 1 else "BK",
                          nomor, c["year"][i]])
            out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
            r += 1
        r += 1
        sheet.row(r, ["JUMLAH", None, None, None, None, None, None, f"K: {k} / BK: {kb}"], bold=True)
        sheet.merge(r, 0, r, 6)
        out.junk.append((group, sheet_name, r, "total"))
        r += 2
        _, rows = signature_block(sheet, r, 7, ctx.office, "Sangatta", f"{20 + int(rng.integers(0, 9))} Desember {year}")
        out.junk.extend((group, sheet_name, s, "signature") for s in rows)
        ctx.tick(len(pos))
    for book in books.values():
        book.close()
