"""Attendance lists (Daftar Hadir) and registration lists (Daftar Peserta): participants, not certifications."""

from __future__ import annotations

from demo import names as V
from demo.common import _bulan, _dmy
from demo.formats.base import OfficeContext, WriterReport, row_values, signature_block, title_rows, workbook_sheets
from demo.xlsx import XlsxBook


def write_attendance_lists(df, ctx: OfficeContext, out: WriterReport) -> None:
    """Attendance lists (Daftar Hadir) and registration lists (Daftar Peserta) as files of their own."""
    c = row_values(df, ctx, out)
    registration = ctx.spec.fmt in ("kukar", "samarinda")

    def open_list(group: str) -> XlsxBook:
        book = XlsxBook(ctx.dir / group, creator=ctx.office.name)
        kind = "registration list (Daftar Peserta)" if registration else "attendance list (Daftar Hadir)"
        out.files.append((group, "attendance", f"{kind}: made before the assessment, no jenjang, no result"))
        return book

    for book, group, sheet_name, pos in workbook_sheets(df, open_list):
        attendance_sheet(book, group, sheet_name or ("Pendaftar" if registration else "Daftar Hadir"), pos, df, c,
                          ctx, out, registration)


def attendance_sheet(book, group: str, name: str, pos, df, c: dict, ctx: OfficeContext, out: WriterReport, registration: bool) -> None:
    """One attendance or registration sheet: made before the assessment, so no jenjang and no
    result; a signature column numbered the way paper lists are (odd numbers left, even right)."""
    rng = ctx.rng
    program = df["program"].iat[pos[0]]
    if registration:
        header = ["No", "Nama Lengkap", "NIK", "Tempat/Tgl Lahir", "Jabatan Kerja yang Diajukan", "No. HP", "TTD"]
        widths = [5, 32, 22, 30, 36, 16, 14]
    else:
        header = ["No", "Nama", "NIK", "Jabatan Kerja", "Tanda Tangan", None]
        widths = [5, 32, 22, 36, 12, 12]
    born = _dmy(c["birth"][pos], sep="-")
    phone = rng.integers(10**9, 10**10, size=len(pos)).tolist()
    sheet = book.sheet(name, widths)
    titles = ["DAFTAR PESERTA" if registration else "DAFTAR HADIR PESERTA", program.upper(), ctx.office.name.upper()]
    r = title_rows(sheet, titles, len(header), 1, group, name, out)
    if not registration:
        sheet.row(r, [f"Hari/Tanggal: {_bulan(df['assess'].to_numpy()[pos[:1]] - 3)[0]}"])
        out.junk.append((group, name, r, "title"))
        r += 1
    r += 1
    sheet.row(r, header, bold=True)
    if not registration:
        sheet.merge(r, 4, r, 5)
    r += 1
    for no, (k, i) in enumerate(enumerate(pos.tolist()), start=1):
        if registration:
            values = [no, c["nama"][i], c["nik"][i], f"{c['place'][i]}, {born[k]}", c["jabatan"][i],
                      f"08{phone[k]}", None]
        else:
            ttd = [None, None]
            ttd[(no - 1) % 2] = f"{no}."
            values = [no, c["nama"][i], c["nik"][i], c["jabatan"][i], *ttd]
        sheet.row(r, values)
        out.source_file[i], out.source_sheet[i], out.source_row[i] = group, name, r
        r += 1
    r += 1
    place = ctx.office.region_name
    for prefix in ("Kabupaten ", "Kota ", "Provinsi "):
        place = place.replace(prefix, "")
    when = f"{int(rng.integers(1, 28))} {V.BULAN[int(rng.integers(0, 12))]} {c['year'][pos[0]]}"
    _, rows = signature_block(sheet, r, 3, ctx.office, place, when)
    out.junk.extend((group, name, s_, "signature") for s_ in rows)
    ctx.tick(len(pos))
