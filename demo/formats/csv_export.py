"""CSV exports: Kota Palembang (';', Windows-1252, 2-digit years) and Kota Samarinda (English-locale Excel)."""

from __future__ import annotations

import csv

from demo.common import _dmy
from demo.formats.base import row_values, OfficeContext, files_of, WriterReport


def write_csv_export(df, ctx: OfficeContext, out: WriterReport, *, palembang: bool) -> None:
    c = row_values(df, ctx, out)
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    program = df["program"].tolist()
    if palembang:
        header = ["Nama Peserta", "NIK", "TTL", "JK", "Jabatan Kerja", "Level", "Hasil", "Nomor Sertifikat",
                  "Tgl Terbit", "Berlaku s.d.", "Tahun", "Kegiatan"]
        born = _dmy(c["birth"], sep="-", two_digit_year=True)
        terbit_text = _dmy(issue, sep="-", two_digit_year=True)
        berlaku_text = _dmy(expiry, sep="-", two_digit_year=True)
        encoding, delimiter, newline = "cp1252", ";", "\r\n"
        why = "CSV export: ';' delimiter, Windows-1252, 2-digit years"
    else:
        header = ["No", "Nama", "NIK", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang",
                  "Hasil", "Nomor Sertifikat", "Tanggal Terbit", "Masa Berlaku", "Tahun"]
        born = _dmy(c["birth"], sep="/", order="mdy")
        terbit_text = _dmy(issue, sep="/", order="mdy")
        berlaku_text = _dmy(expiry, sep="/", order="mdy")
        encoding, delimiter, newline = "utf-8-sig", ",", "\r\n"
        why = "CSV export from an English-locale Excel: month-first dates"
    for group, pos in files_of(df):
        path = ctx.dir / group
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter, lineterminator=newline)
            writer.writerow(header)
            line = 2
            k = 0
            for no, i in enumerate(pos.tolist(), start=1):
                h = c["hasil"][i]
                nomor = terbit = berlaku = ""
                if h == 1:
                    k += 1
                    if c["pending"][i]:
                        nomor = "dalam proses" if palembang else "Dalam Proses"
                    else:
                        nomor, terbit, berlaku = c["nomor"][i], terbit_text[i], berlaku_text[i]
                        out.written_nomor[i] = nomor
                        out.written_terbit[i] = issue[i]
                        out.written_berlaku[i] = expiry[i]
                jen = "Jenjang ?" if c["unreadable"][i] else str(c["jen"][i])
                sex = "P" if c["female"][i] else "L"
                nik = c["nik"][i] or ""
                if palembang:
                    ttl = f"{c['place'][i]}, {born[i]}"
                    row = [c["nama"][i], nik, ttl, sex, c["jabatan"][i], jen,
                           "Kompeten" if h == 1 else "Belum Kompeten", nomor, terbit, berlaku, c["year"][i], program[i]]
                else:
                    row = [no, c["nama"][i], nik, c["place"][i], born[i], sex, c["jabatan"][i], jen,
                           "KOMPETEN" if h == 1 else "BELUM KOMPETEN", nomor, terbit, berlaku, c["year"][i]]
                writer.writerow(row)
                out.source_file[i], out.source_sheet[i], out.source_row[i] = group, "", line
                line += 1
            if palembang:
                writer.writerow(["JUMLAH", "", "", "", "", "", f"{k} Kompeten", "", "", "", "", ""])
                out.junk.append((group, "", line, "total"))
        out.files.append((group, "ok", why))
        ctx.tick(len(pos))
