"""The plain participant workbook: Kutai Kartanegara, Muara Enim, and every office without a demo profile."""

from __future__ import annotations

import numpy as np

from demo import names as V
from demo.common import _bulan, _dmy, _serial
from demo.formats.base import row_values, OfficeContext, files_of, WriterReport, signature_block
from demo.xlsx import XDate, XlsxBook


NUMBERS_ONLY_FROM = 2023  # Muara Enim's sheets from this year give only the registration number


def write_standard_xlsx(df, ctx: OfficeContext, out: WriterReport, *, kind: str) -> None:
    """Kutai Kartanegara ("Peserta" + a "Rekap" pivot), Muara Enim, and offices without a spec."""
    c = row_values(df, ctx, out)
    rng = ctx.rng
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    birth_serial = _serial(c["birth"]).tolist()
    safe_issue = np.where(np.isnat(issue), np.datetime64("2000-01-01"), issue)
    safe_expiry = np.where(np.isnat(expiry), np.datetime64("2000-01-01"), expiry)
    issue_serial, expiry_serial = _serial(safe_issue).tolist(), _serial(safe_expiry).tolist()
    dmy_slash = _dmy(c["birth"], sep="/")
    bulan_short = _bulan(c["birth"], abbreviate=True)
    style = rng.random(len(df)).tolist()
    blank = (rng.random(len(df)) < (0.01 if kind == "muara-enim" else 0.0)).tolist()
    office = ctx.office
    if kind == "muara-enim":
        header = ["No", "No. KTP/NIK", "Nama", "L/P", "Tempat, Tanggal Lahir", "Jabatan Kerja", "Jenjang", "Hasil",
                  "Keterangan", "Tahun"]
        widths = [5, 22, 30, 5, 30, 34, 10, 7, 14, 7]
        # from 2023 the office copies the registration number from SIKI: no dates, and the year
        # only in the title row (and inside the number)
        header_numbers = header[:8] + ["No. Registrasi"]
    else:
        header = ["No", "Nama Pekerja" if kind == "kukar" else "Nama", "Nomor Identitas" if kind == "kukar" else "NIK",
                  "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang", "Hasil",
                  "No. Registrasi", "Tgl Terbit", "Masa Berlaku", "Tahun"]
        widths = [5, 30, 22, 16, 13, 13, 34, 8, 16, 24, 12, 12, 7]
    for group, pos in files_of(df):
        book = XlsxBook(ctx.dir / group, creator=office.name)
        why = {"kukar": "sheet Peserta is the list; sheet Rekap is a pivot the registry tells readers to skip",
               "muara-enim": "NIK first; Hasil K/BK and Keterangan TERBIT / dalam proses"}.get(kind, "participant list")
        out.files.append((group, "ok", why))
        sheet_name = df["sheet"].iat[pos[0]]
        sheet = book.sheet(sheet_name, widths)
        year = c["year"][pos[0]]
        numbers_only = kind == "muara-enim" and year >= NUMBERS_ONLY_FROM
        if numbers_only:
            header_now = header_numbers
        else:
            header_now = header
        sheet.row(1, [f"DATA PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN {year}"], bold=True)
        sheet.merge(1, 0, 1, len(header) - 1)
        sheet.row(2, [office.name.upper()], bold=True)
        sheet.merge(2, 0, 2, len(header) - 1)
        out.junk.extend([(group, sheet_name, 1, "title"), (group, sheet_name, 2, "title")])
        sheet.row(4, header_now, bold=True)
        r = 5
        tally: dict[str, list[int]] = {}
        for no, i in enumerate(pos.tolist(), start=1):
            if blank[i]:
                out.junk.append((group, sheet_name, r, "blank"))
                r += 1
            real = c["real"][i]
            h = c["hasil"][i]
            j = c["jen"][i]
            tally.setdefault(c["jabatan"][i], [0, 0])[0 if h == 1 else 1] += 1
            if kind == "muara-enim":
                s = style[i]
                ttl = None
                if real:
                    ttl = f"{c['place'][i]}, {dmy_slash[i]}" if s < 0.8 else f"{c['place'][i]}, {bulan_short[i]}"
                if c["unreadable"][i]:
                    jen = "Jenjang ?"
                else:
                    jen = f"Jenjang {j}" if s < 0.5 else (j if s < 0.8 else V.ROMAN[j])
                ket = None
                if h == 1:
                    ket = "dalam proses" if c["pending"][i] else "TERBIT"
                    if numbers_only and not c["pending"][i] and real:
                        ket = c["nomor"][i]
                        out.written_nomor[i] = ket
                sex = ("Wanita" if c["female"][i] else "Pria") if s > 0.88 else ("P" if c["female"][i] else "L")
                values = [no, c["nik"][i], c["nama"][i], sex if real else None, ttl,
                          c["jabatan"][i], jen, "K" if h == 1 else "BK", ket, c["year"][i]]
                if numbers_only:
                    values = values[:9]
            else:
                nomor = terbit = berlaku = None
                if h == 1:
                    if c["pending"][i]:
                        nomor = "proses"
                    elif real:
                        nomor = c["nomor"][i]
                        terbit, berlaku = XDate(issue_serial[i]), XDate(expiry_serial[i])
                        out.written_nomor[i] = nomor
                        out.written_terbit[i] = issue[i]
                        out.written_berlaku[i] = expiry[i]
                born = XDate(birth_serial[i]) if real else None
                if real and kind == "kukar" and style[i] < 0.12:
                    born = dmy_slash[i].replace("/", "-")  # typed as text in a column formatted as Text
                values = [no, c["nama"][i], c["nik"][i], c["place"][i], born,
                          ("Perempuan" if c["female"][i] else "Laki-laki") if real else None, c["jabatan"][i],
                          "Jenjang ?" if c["unreadable"][i] else j,
                          "Kompeten" if h == 1 else "Belum Kompeten", nomor, terbit, berlaku, c["year"][i]]
            sheet.row(r, values)
            out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
            r += 1
        if kind == "muara-enim":
            r += 1
            sheet.row(r, ["JUMLAH", None, len(pos)], bold=True)
            out.junk.append((group, sheet_name, r, "total"))
            r += 2
            _, rows = signature_block(sheet, r, 5, office, "Muara Enim", f"30 Desember {year}")
            out.junk.extend((group, sheet_name, s, "signature") for s in rows)
        if kind == "kukar":
            pivot = book.sheet("Rekap", [36, 12, 16, 10])
            pivot.row(1, ["Jabatan Kerja", "Kompeten", "Belum Kompeten", "Jumlah"], bold=True)
            rr = 2
            out.junk.append((group, "Rekap", 1, "pivot"))
            for jabatan in sorted(tally):
                a, b = tally[jabatan]
                pivot.row(rr, [jabatan, a, b, a + b])
                out.junk.append((group, "Rekap", rr, "pivot"))
                rr += 1
            out.junk.append((group, "Rekap", rr, "pivot"))
            total_k = sum(v[0] for v in tally.values())
            total_bk = sum(v[1] for v in tally.values())
            pivot.row(rr, ["Grand Total", total_k, total_bk, total_k + total_bk], bold=True)
        book.close()
        ctx.tick(len(pos))
