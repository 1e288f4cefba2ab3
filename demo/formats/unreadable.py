"""Files no reader can use: a corrupt workbook, an empty CSV, a meeting invitation (Muara Enim's folder)."""

from __future__ import annotations

from demo.formats.base import OfficeContext, WriterReport
from demo.xlsx import XlsxBook


def write_unreadable_files(ctx: OfficeContext, out: WriterReport) -> None:
    """Muara Enim's unreadable files: a corrupt workbook, an empty CSV, a meeting invitation."""
    rng = ctx.rng
    good = XlsxBook(ctx.dir / "_tmp.xlsx")
    sheet = good.sheet("Data")
    sheet.row(1, ["No", "Nama", "NIK"])
    good.close()
    data = (ctx.dir / "_tmp.xlsx").read_bytes()
    (ctx.dir / "_tmp.xlsx").unlink()
    corrupt = data[: len(data) // 3] + rng.bytes(512)  # truncated zip with trailing garbage
    (ctx.dir / "REKAP_PESERTA_SKK_2022_revisi.xlsx").write_bytes(corrupt)
    out.files.append(("REKAP_PESERTA_SKK_2022_revisi.xlsx", "rejected", "corrupt workbook: truncated zip"))
    (ctx.dir / "peserta_susulan.csv").write_bytes(b"")
    out.files.append(("peserta_susulan.csv", "rejected", "empty file (0 bytes)"))
    book = XlsxBook(ctx.dir / "undangan_rapat.xlsx", creator=ctx.office.name)
    sheet = book.sheet("Undangan", [5, 40, 40, 24, 30])
    sheet.row(1, ["UNDANGAN RAPAT KOORDINASI JASA KONSTRUKSI"], bold=True)
    sheet.row(3, ["No", "Instansi", "Perihal", "Hari/Waktu", "Lokasi"], bold=True)
    rows = [
        ("Dinas PUPR Kabupaten Lahat", "Rapat koordinasi pembinaan jasa konstruksi", "Senin, 09.00 WIB", "Aula Dinas PUPR"),
        ("Balai Jasa Konstruksi Wilayah II Palembang", "Sosialisasi sertifikasi kompetensi kerja", "Selasa, 09.00 WIB", "Ruang Rapat Bidang Bina Konstruksi"),
        ("LPJK Provinsi Sumatera Selatan", "Evaluasi uji kompetensi", "Rabu, 13.00 WIB", "Aula Dinas PUPR"),
    ]
    for r, values in enumerate(rows, start=4):
        sheet.row(r, [r - 3, *values])
    book.close()
    out.files.append(("undangan_rapat.xlsx", "rejected", "no participant columns (no nama / NIK header): a meeting invitation"))
