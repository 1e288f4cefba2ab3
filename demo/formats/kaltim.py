"""Provinsi Kalimantan Timur: one workbook a year, a sheet per Tahap with a two-row header, plus "Rekap Kabupaten"."""

from __future__ import annotations

import numpy as np

from demo import names as V
from demo.common import _bulan, _rng, _serial
from demo.formats.base import OfficeContext, WriterReport, occasional, row_values, sheets_of
from demo.xlsx import XDate, XlsxBook


REMARKS_SHARE = 0.4  # Tahap sheets with a "Keterangan" (remarks) column before "Hasil Uji"
AHLI_TINGKAT = {7: "Ahli Tk. Muda", 8: "Ahli Tk. Madya", 9: "Ahli Tk. Utama"}
# KTP regency/city named in a remark, by the NIK's first four digits
_KTP_REMARK = {"6472": "KTP Samarinda", "6471": "KTP Balikpapan", "6474": "KTP Bontang", "6402": "KTP Kukar",
               "6408": "KTP Kutim"}


def _kualifikasi_text(j: int, s: float) -> str:
    """The Kualifikasi cell: the Ahli title for jenjang 7-9 (~25% "Ahli Tk. Muda"), else "Jenjang 5" or
    "KKNI 5", ~30% of them glued ("Jenjang5", "KKNI5")."""
    if j >= 7:
        return AHLI_TINGKAT[j] if s < 0.25 else V.AHLI_TITLE[j]
    if s < 0.35:
        return f"Jenjang {j}"
    if s < 0.5:
        return f"Jenjang{j}"
    return f"KKNI {j}" if s < 0.85 else f"KKNI{j}"


def _remark(i: int, c: dict, cells: dict) -> str | None:
    """The Keterangan cell: "Fresh Graduate" for some young experts, the KTP's regency/city, "-" or nothing."""
    s = cells["rstyle"][i]
    if c["jen"][i] == 7 and s < 0.5:
        return "Fresh Graduate"
    if s < 0.75:
        return _KTP_REMARK.get(cells["nik_prefix"][i], "-")
    return "-" if s < 0.9 else None


def write_kaltim(df, ctx: OfficeContext, out: WriterReport) -> None:
    """A workbook a year: a sheet per Tahap (two-row merged header, a total), then "Rekap Kabupaten"."""
    c = row_values(df, ctx, out)
    cells = _tahap_cells(df, c, ctx.rng)
    src_office = df["src_office"].tolist()
    region_of = _recap_region_names(ctx, sorted(set(o for o in src_office if o)))
    book = None
    current = None
    tahap = [(g, name) for g, name, _ in sheets_of(df) if name != "Rekap Kabupaten"]
    with_remarks = occasional(ctx, "keterangan", tahap, REMARKS_SHARE)
    for group, sheet_name, pos in sheets_of(df):
        if group != current:
            if book is not None:
                book.close()
            book = XlsxBook(ctx.dir / group, creator="Dinas PUPR-Pera Provinsi Kalimantan Timur")
            current = group
            out.files.append((group, "ok", "province workbook: Tahap sheets with a two-row header, plus Rekap Kabupaten"))
        year = c["year"][pos[0]]
        if sheet_name == "Rekap Kabupaten":
            _write_rekap_kabupaten(book, df, c, pos, ctx, out, group, year, region_of)
            continue
        remarks = (group, sheet_name) in with_remarks
        widths = [5, 32, 20, 16, 13, 12, 36, 13, 15, 24, 14, 14, 7]
        sheet = book.sheet(sheet_name, widths[:8] + [18] + widths[8:] if remarks else widths)
        _tahap_titles(sheet, group, sheet_name, year, out, remarks)
        r = 6
        for no, i in enumerate(pos.tolist(), start=1):
            values = _tahap_row(no, i, c, cells, out)
            if remarks:  # Keterangan (remarks) before the real result column, Hasil Uji
                values = values[:8] + [_remark(i, c, cells)] + values[8:]
            sheet.row(r, values)
            out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
            r += 1
        sheet.row(r, ["JUMLAH PESERTA", None, len(pos)], bold=True)
        sheet.merge(r, 0, r, 1)
        out.junk.append((group, sheet_name, r, "total"))
        ctx.tick(len(pos))
    if book is not None:
        book.close()


# The "Kabupaten/Kota" cell of the recap as the regencies' reports wrote it (DOMAIN: a regency recap with a
# KAB/KOTA column): the official name, "Kab." / "Kota" shortened, the bare name in capitals, the local short
# form ("KUTIM"). Drawn per regency: the province's clerk pasted each regency's block as it came.
_SHORT_FORMS = {"Kutai Timur": "KUTIM", "Kutai Kartanegara": "Kukar", "Kutai Barat": "Kubar",
                "Penajam Paser Utara": "PPU"}


def _recap_region_names(ctx: OfficeContext, offices: list[str]) -> dict[str, str]:
    """Each regency's name as the recap writes it (see ``_SHORT_FORMS``)."""
    rng = _rng(ctx.seed, "recap-region-names", ctx.office.id)
    names = {}
    for office_id in offices:
        full = ctx.world.offices[office_id].region_name  # "Kabupaten Kutai Timur"
        kind, _, bare = full.partition(" ")
        forms = [full, f"{'Kab.' if kind == 'Kabupaten' else kind} {bare}", bare.upper(),
                 f"{'KAB.' if kind == 'Kabupaten' else kind.upper()} {bare.upper()}"]
        if bare in _SHORT_FORMS:
            forms.append(_SHORT_FORMS[bare])
        names[office_id] = forms[int(rng.integers(0, len(forms)))]
    return names


def _tahap_cells(df, c: dict, rng) -> dict:
    """Per-row values of the Tahap sheets: birth and certificate dates as Excel serials, style draws."""
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    safe_issue = np.where(np.isnat(issue), np.datetime64("2000-01-01"), issue)
    safe_expiry = np.where(np.isnat(expiry), np.datetime64("2000-01-01"), expiry)
    return {
        "serial_birth": _serial(c["birth"]).tolist(),
        "bulan": _bulan(c["birth"]),
        "issue": issue,
        "expiry": expiry,
        "issue_serial": np.where(np.isnat(issue), -1, _serial(safe_issue)).tolist(),
        "expiry_serial": np.where(np.isnat(expiry), -1, _serial(safe_expiry)).tolist(),
        "bstyle": rng.random(len(df)).tolist(),
        "kstyle": rng.random(len(df)).tolist(),
        "rstyle": rng.random(len(df)).tolist(),
        "nik_prefix": [(t or "")[:4] for t in df["true_nik"].tolist()],
    }


def _tahap_titles(sheet, group: str, sheet_name: str, year: int, out: WriterReport, remarks: bool = False) -> None:
    """Two merged title rows, then the two-row header (Tempat, Tanggal Lahir and Sertifikat span columns);
    with ``remarks`` a Keterangan column before Hasil Uji."""
    x = 1 if remarks else 0
    sheet.row(1, ["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI KUALIFIKASI AHLI DAN FRESH GRADUATE"], bold=True)
    sheet.merge(1, 0, 1, 12 + x)
    sheet.row(2, [f"{sheet_name.upper()} TAHUN {year} - DINAS PUPR-PERA PROVINSI KALIMANTAN TIMUR"], bold=True)
    sheet.merge(2, 0, 2, 12 + x)
    out.junk.extend([(group, sheet_name, 1, "title"), (group, sheet_name, 2, "title")])
    parent = ["No", "Nama Peserta", "NIK", "Tempat, Tanggal Lahir", None, "Jenis Kelamin", "Jabatan Kerja",
              "Kualifikasi"] + (["Keterangan"] if remarks else []) + ["Hasil Uji", "Sertifikat", None, None, "Tahun"]
    child = [None, None, None, "Tempat", "Tanggal", None, None, None] + [None] * x + \
        [None, "Nomor", "Tanggal Terbit", "Masa Berlaku", None]
    sheet.row(4, parent, bold=True)
    sheet.row(5, child, bold=True)
    for col in (0, 1, 2, 5, 6, 7, 8 + x, 12 + x) + ((8,) if remarks else ()):
        sheet.merge(4, col, 5, col)
    sheet.merge(4, 3, 4, 4)
    sheet.merge(4, 9 + x, 4, 11 + x)


def _tahap_row(no: int, i: int, c: dict, cells: dict, out: WriterReport) -> list:
    """One participant: the birth date as a date, a bare serial or "12 Maret 1985"; the certificate when issued."""
    s = cells["bstyle"][i]
    if s < 0.4:
        born = XDate(cells["serial_birth"][i])
    elif s < 0.7:
        born = cells["serial_birth"][i]  # an Excel serial number in a General cell
    else:
        born = cells["bulan"][i]
    h = c["hasil"][i]
    nomor = terbit = berlaku = None
    if h == 1:
        if c["pending"][i]:
            nomor = "dalam proses"
        else:
            nomor = c["nomor"][i]
            terbit, berlaku = XDate(cells["issue_serial"][i]), XDate(cells["expiry_serial"][i])
            out.written_nomor[i] = nomor
            out.written_terbit[i] = cells["issue"][i]
            out.written_berlaku[i] = cells["expiry"][i]
    kual = "Jenjang ?" if c["unreadable"][i] else _kualifikasi_text(c["jen"][i], cells["kstyle"][i])
    return [no, c["nama"][i], c["nik"][i], c["place"][i], born,
            "Perempuan" if c["female"][i] else "Laki-laki", c["jabatan"][i], kual,
            "Kompeten" if h == 1 else "Belum Kompeten", nomor, terbit, berlaku, c["year"][i]]


def _write_rekap_kabupaten(book, df, c, pos, ctx, out, group, year, region_of) -> None:
    """Sheet "Rekap Kabupaten": certificates issued through the regencies, same registration numbers."""
    sheet = book.sheet("Rekap Kabupaten", [5, 28, 32, 20, 12, 36, 13, 15, 24, 14, 14, 7])
    sheet.row(1, [f"REKAPITULASI SERTIFIKAT TENAGA KERJA KONSTRUKSI KABUPATEN/KOTA SE-KALIMANTAN TIMUR TAHUN {year}"], bold=True)
    sheet.merge(1, 0, 1, 11)
    out.junk.append((group, "Rekap Kabupaten", 1, "title"))
    header = ["No", "Kabupaten/Kota", "Nama Peserta", "NIK", "Jenis Kelamin", "Jabatan Kerja", "Kualifikasi",
              "Hasil Uji", "No. Registrasi", "Tanggal Terbit", "Masa Berlaku", "Tahun"]
    sheet.row(3, header, bold=True)
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    src_office = df["src_office"].tolist()
    kstyle = ctx.rng.random(len(pos)).tolist()
    r = 4
    for no, i in enumerate(pos.tolist(), start=1):
        out.written_nomor[i] = c["nomor"][i]
        out.written_terbit[i] = issue[i]
        out.written_berlaku[i] = expiry[i]
        sheet.row(r, [no, region_of[src_office[i]], c["nama"][i], c["nik"][i],
                      "Perempuan" if c["female"][i] else "Laki-laki", c["jabatan"][i],
                      _kualifikasi_text(c["jen"][i], kstyle[no - 1]), "Kompeten", c["nomor"][i],
                      XDate(int(_serial(issue[i:i + 1])[0])), XDate(int(_serial(expiry[i:i + 1])[0])), c["year"][i]])
        out.source_file[i], out.source_sheet[i], out.source_row[i] = group, "Rekap Kabupaten", r
        r += 1
    ctx.tick(len(pos))
