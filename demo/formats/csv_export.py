"""CSV exports: Kota Palembang (';', Windows-1252, 2-digit years) and Kota Samarinda (English-locale Excel)."""

from __future__ import annotations

import csv
import json

import numpy as np

from demo.common import _dmy, _iso
from demo.formats.base import (DITTO_MARKS, OfficeContext, WriterReport, continuation_rows, files_of, occasional,
                               row_values)


SHEETS_API_SHARE = 0.2  # Samarinda's files downloaded through the Google Sheets API (values JSON) instead
NUL_PADDED_SHARE = 0.15  # Palembang's clerk files whose copy was padded with NUL bytes up to whole 4 KiB blocks
UNICODE_TEXT_SHARE = 0.2  # Samarinda's files saved as Excel's "Unicode Text": .txt, UTF-16 LE with BOM, tabs
PANDAS_SHARE = 0.15  # Palembang's files pulled from the city's open-data portal: pandas DataFrame.to_json()
PORTAL_SHARE = 0.25  # Palembang's files that are the portal's export (',', UTF-8 with BOM, ="NIK") instead
PORTAL_HEADER = ["No", "NIK", "Nama", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Jabatan Kerja", "Jenjang",
                 "Hasil", "Nomor Sertifikat", "Tanggal Terbit", "Masa Berlaku", "Kegiatan", "Tahun"]


def write_csv_export(df, ctx: OfficeContext, out: WriterReport, *, palembang: bool) -> None:
    """One CSV per year: Palembang's (';', Windows-1252, 2-digit years, a JUMLAH line) or Samarinda's
    (an English-locale Excel export: ',', UTF-8 with BOM, month-first dates)."""
    c = row_values(df, ctx, out)
    ditto = [DITTO_MARKS[k] for k in ctx.rng.integers(0, len(DITTO_MARKS), size=len(df)).tolist()]
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    dialect = _palembang(c, issue, expiry) if palembang else _samarinda(c, issue, expiry)
    cells = {**dialect, "issue": issue, "expiry": expiry, "program": df["program"].tolist()}
    portal = occasional(ctx, "portal", df["group"].tolist(), PORTAL_SHARE) if palembang else set()
    # not a first version, nor another's folder, nor a file whose earlier export lies in another's folder
    # (that copy is named after the file)
    earlier = {g.split("/", 1)[1] for g in df["group"].tolist() if g.startswith("_misplaced/")}
    own = df.loc[df["special"].isin([0, 1, 2]) & ~df["group"].isin(earlier), "group"].tolist()
    sheets_api = set() if palembang else occasional(ctx, "sheets-api", own, SHEETS_API_SHARE)
    padded = occasional(ctx, "nul-padding", [g for g in own if g not in portal], NUL_PADDED_SHARE) if palembang \
        else set()
    # (not a revision: its first version would then be of another format)
    by_pandas = occasional(ctx, "pandas-columns", [g for g in own if g not in portal | padded
                                                   and not g.rsplit(".", 1)[0].endswith("_rev")], PANDAS_SHARE) \
        if palembang else set()
    unicode_text = set() if palembang else occasional(
        ctx, "unicode-text", [g for g in own if g not in sheets_api and "_revisi" not in g], UNICODE_TEXT_SHARE)
    for group, pos in files_of(df):
        path = ctx.dir / group
        if group in portal:
            _write_portal_export(path, group, pos, c, cells, out)
            ctx.tick(len(pos))
            continue
        if group in by_pandas:
            _write_pandas_columns(group, pos, c, cells, ctx, out)
            ctx.tick(len(pos))
            continue
        if group in sheets_api:
            _write_sheets_values(group, pos, c, cells, dialect, ctx, out)
            ctx.tick(len(pos))
            continue
        name, encoding, delimiter, why = group, dialect["encoding"], dialect["delimiter"], dialect["why"]
        if group in unicode_text:  # Excel's "Save as: Unicode Text"
            name, encoding, delimiter = group.rsplit(".", 1)[0] + ".txt", "utf-16", "\t"
            why = "Excel 'Unicode Text': UTF-16 LE with BOM, tab-separated, .txt"
            path = ctx.dir / name
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(dialect["header"])
            line = 2
            k = 0
            continued = continuation_rows(df, pos).tolist()
            for (no, i), cont in zip(enumerate(pos.tolist(), start=1), continued):
                if c["hasil"][i] == 1:
                    k += 1
                values = _csv_row(no, i, c, cells, palembang, out)
                if cont and palembang:  # the next certificate of the person above: name, NIK, TTL, JK ditto
                    mark = ditto[i]
                    values = [mark or "" if col < 4 else v for col, v in enumerate(values)]
                    out.written_nik[i], out.written_nama[i], out.continued[i] = mark, mark, True
                writer.writerow(values)
                out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", line
                line += 1
            if palembang:
                writer.writerow(["JUMLAH", "", "", "", "", "", f"{k} Kompeten", "", "", "", "", ""])
                out.junk.append((group, "", line, "total"))
                line += 1
        if group in padded:
            _pad_with_nuls(path)
            out.junk.append((group, "", line, "nul_padding"))
            out.files.append((group, "ok", dialect["why"] + "; padded with NUL bytes after the last line"))
            ctx.tick(len(pos))
            continue
        out.files.append((name, "ok", why))
        ctx.tick(len(pos))


def _pad_with_nuls(path) -> None:
    """NUL bytes after the last line up to the next whole 4 KiB block and one more: a file copied off a flash
    drive or a download that was preallocated keeps the allocation's zeros."""
    size = path.stat().st_size
    with path.open("ab") as handle:
        handle.write(b"\x00" * (4096 - size % 4096 + 4096))


def _palembang(c: dict, issue, expiry) -> dict:
    """Kota Palembang's export: ';' delimiter, Windows-1252, dd-mm-yy dates, TTL in one column."""
    return {
        "header": ["Nama Peserta", "NIK", "TTL", "JK", "Jabatan Kerja", "Level", "Hasil", "Nomor Sertifikat",
                   "Tgl Terbit", "Berlaku s.d.", "Tahun", "Kegiatan"],
        "born": _dmy(c["birth"], sep="-", two_digit_year=True),
        "terbit": _dmy(issue, sep="-", two_digit_year=True),
        "berlaku": _dmy(expiry, sep="-", two_digit_year=True),
        "encoding": "cp1252",
        "delimiter": ";",
        "why": "CSV export: ';' delimiter, Windows-1252, 2-digit years",
    }


def _samarinda(c: dict, issue, expiry) -> dict:
    """Kota Samarinda's export from an English-locale Excel: mm/dd/yyyy dates."""
    return {
        "header": ["No", "Nama", "NIK", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang",
                   "Hasil", "Nomor Sertifikat", "Tanggal Terbit", "Masa Berlaku", "Tahun"],
        "born": _dmy(c["birth"], sep="/", order="mdy"),
        "terbit": _dmy(issue, sep="/", order="mdy"),
        "berlaku": _dmy(expiry, sep="/", order="mdy"),
        "encoding": "utf-8-sig",
        "delimiter": ",",
        "why": "CSV export from an English-locale Excel: month-first dates",
    }


def _csv_row(no: int, i: int, c: dict, cells: dict, palembang: bool, out: WriterReport) -> list:
    """One participant's line; the number and its dates when issued ("dalam proses" while pending)."""
    h = c["hasil"][i]
    nomor = terbit = berlaku = ""
    if h == 1:
        if c["pending"][i]:
            nomor = "dalam proses" if palembang else "Dalam Proses"
        else:
            nomor, terbit, berlaku = c["nomor"][i], cells["terbit"][i], cells["berlaku"][i]
            out.written_nomor[i] = nomor
            out.written_terbit[i] = cells["issue"][i]
            out.written_berlaku[i] = cells["expiry"][i]
    jen = "Jenjang ?" if c["unreadable"][i] else str(c["jen"][i])
    sex = "P" if c["female"][i] else "L"
    nik = c["nik"][i] or ""
    if palembang:
        ttl = f"{c['place'][i]}, {cells['born'][i]}"
        return [c["nama"][i], nik, ttl, sex, c["jabatan"][i], jen,
                "Kompeten" if h == 1 else "Belum Kompeten", nomor, terbit, berlaku, c["year"][i], cells["program"][i]]
    return [no, c["nama"][i], nik, c["place"][i], cells["born"][i], sex, c["jabatan"][i], jen,
            "KOMPETEN" if h == 1 else "BELUM KOMPETEN", nomor, terbit, berlaku, c["year"][i]]


def _portal_nik(nik: str | None) -> str | None:
    """The NIK as the portal exports it: digits inside Excel's text formula ="1671015203850012" (so that Excel
    keeps them as text); a dash, words or a number in scientific form as they are."""
    nik = (nik or "").lstrip("'")
    if not nik:
        return None
    return f'="{nik}"' if nik.isdigit() else nik


def _csv_field(value) -> str:
    """One field of the portal's CSV: the text formula raw, as Excel writes it; other text quoted when it must be."""
    text = "" if value is None else str(value)
    if text.startswith('="') and text.endswith('"'):
        return text
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _write_portal_export(path, group: str, pos, c: dict, cells: dict, out: WriterReport) -> None:
    """Palembang's file downloaded from the certification portal instead of typed by its clerks:
    ',' delimiter, UTF-8 with BOM, ISO dates, the NIK as ="..." (recorded as the cell's text)."""
    born, terbit, berlaku = _iso(c["birth"]), _iso(cells["issue"]), _iso(cells["expiry"])
    lines = [",".join(PORTAL_HEADER)]
    for line, (no, i) in enumerate(enumerate(pos.tolist(), start=1), start=2):
        h = c["hasil"][i]
        nomor = tgl = exp = None
        if h == 1:
            if c["pending"][i]:
                nomor = "dalam proses"
            else:
                nomor, tgl, exp = c["nomor"][i], terbit[i], berlaku[i]
                out.written_nomor[i] = nomor
                out.written_terbit[i] = cells["issue"][i]
                out.written_berlaku[i] = cells["expiry"][i]
        nik = _portal_nik(c["nik"][i])
        out.written_nik[i] = nik
        values = [no, nik, c["nama"][i], ("P" if c["female"][i] else "L") if c["real"][i] else None, c["place"][i],
                  born[i] if c["real"][i] else None, c["jabatan"][i],
                  "Jenjang ?" if c["unreadable"][i] else c["jen"][i], "Kompeten" if h == 1 else "Belum Kompeten",
                  nomor, tgl, exp, cells["program"][i], c["year"][i]]
        lines.append(",".join(_csv_field(v) for v in values))
        out.source_file[i], out.source_sheet[i], out.source_row[i] = group, "", line
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    out.files.append((group, "ok", "the portal's CSV export: ',' delimiter, UTF-8 with BOM, NIK as =\"...\""))


def _column_letter(n: int) -> str:
    """1 -> A, 13 -> M, 27 -> AA."""
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_NOTES = ("data diperbarui", "cek ulang KTP", "pindahan dari Kukar", "sudah konfirmasi", "no HP tidak aktif",
          "berkas lengkap", "mengundurkan diri dari pekerjaan", "susulan")


def _write_sheets_values(group: str, pos, c: dict, cells: dict, dialect: dict, ctx, out: WriterReport) -> None:
    """Samarinda's list kept in a Google Sheet and downloaded through the Sheets API (``values.get``):
    ``{"range": "'Sheet'!A1:M<n>", "majorDimension": "ROWS", "values": [[header], [row], ...]}``, every
    cell its formatted text, empty trailing cells of a row left out, an empty cell inside a row "".
    ``source_row`` is the row in the sheet (the range starts at A1: the header is row 1)."""
    stem = group.rsplit(".", 1)[0]
    name = f"{stem}.json"
    tab = "Peserta " + str(c["year"][pos[0]])
    header = list(dialect["header"]) + ["Catatan"]  # the sheet's notes column, mostly empty
    values = [header]
    notes = ctx.rng.random(len(pos)).tolist()
    for (no, i), note in zip(enumerate(pos.tolist(), start=1), notes):
        row = ["" if v is None else str(v) for v in _csv_row(no, i, c, cells, False, out)]
        row.append(_NOTES[int(note * 100)] if note < len(_NOTES) / 100 else "")
        while row and row[-1] == "":
            row.pop()
        values.append(row)
        # the sheet the range names, and the row in it, as a reader of the export reports them
        out.source_file[i], out.source_sheet[i], out.source_row[i] = name, tab, no + 1
        if c["nik"][i] is None or c["nik"][i] == "":
            out.written_nik[i] = None
    width = len(header)
    document = {"range": f"'{tab}'!A1:{_column_letter(width)}{len(values)}", "majorDimension": "ROWS",
                "values": values}
    (ctx.dir / name).write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    out.files.append((name, "ok", "Google Sheets API values JSON: a header row then rows of formatted text, "
                                  "trailing empty cells left out"))


def _write_pandas_columns(group: str, pos, c: dict, cells: dict, ctx, out: WriterReport) -> None:
    """Palembang's list as the city's open-data portal serves it: a pandas ``DataFrame.to_json()`` with the
    default ``orient="columns"``: ``{"nik": {"0": "1671...", "1": ...}, "nama": {...}, ...}``, one object
    per column keyed by the row's index label; dates as epoch milliseconds (pandas' default
    ``date_format="epoch"`` before pandas 4), missing values null, jenjang and tahun numbers. The NIK
    column is text (the portal keeps identifiers as strings). ``source_row`` is the index label + 1."""
    import pandas as pd

    name = group.rsplit(".", 1)[0] + ".json"
    idx = pos.tolist()
    hasil = ["Kompeten" if c["hasil"][i] == 1 else "Belum Kompeten" for i in idx]
    nomor, terbit, berlaku = [], [], []
    for i in idx:
        issued = c["hasil"][i] == 1 and not c["pending"][i]
        nomor.append(c["nomor"][i] if issued else ("dalam proses" if c["hasil"][i] == 1 else None))
        terbit.append(cells["issue"][i] if issued else np.datetime64("NaT"))
        berlaku.append(cells["expiry"][i] if issued else np.datetime64("NaT"))
        if issued:
            out.written_nomor[i] = c["nomor"][i]
            out.written_terbit[i] = cells["issue"][i]
            out.written_berlaku[i] = cells["expiry"][i]
    frame = pd.DataFrame({
        "nik": pd.Series([(c["nik"][i] or "").lstrip("'") or None for i in idx], dtype=object),
        "nama": pd.Series([c["nama"][i] for i in idx], dtype=object),
        "jenis_kelamin": pd.Series([("P" if c["female"][i] else "L") if c["real"][i] else None for i in idx],
                                   dtype=object),
        "tempat_lahir": pd.Series([c["place"][i] for i in idx], dtype=object),
        "tanggal_lahir": pd.to_datetime(pd.Series([c["birth"][i] if c["real"][i] else np.datetime64("NaT")
                                                   for i in idx], dtype="datetime64[s]")),
        "jabatan_kerja": pd.Series([c["jabatan"][i] for i in idx], dtype=object),
        "jenjang": pd.Series(["Jenjang ?" if c["unreadable"][i] else c["jen"][i] for i in idx], dtype=object),
        "hasil": pd.Series(hasil, dtype=object),
        "nomor_sertifikat": pd.Series(nomor, dtype=object),
        "tanggal_terbit": pd.Series(np.array(terbit, dtype="datetime64[D]").astype("datetime64[s]")),
        "masa_berlaku": pd.Series(np.array(berlaku, dtype="datetime64[D]").astype("datetime64[s]")),
        "kegiatan": pd.Series([cells["program"][i] for i in idx], dtype=object),
        "tahun": pd.Series([c["year"][i] for i in idx], dtype="int64"),
    })
    for k, i in enumerate(idx):
        out.written_nik[i] = frame["nik"].iat[k]
        out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", k + 1
    for column in ("tanggal_lahir", "tanggal_terbit", "masa_berlaku"):  # epoch milliseconds, as pandas < 4 wrote
        stamps = frame[column]
        millis = stamps.to_numpy(dtype="datetime64[ms]").astype(np.int64)
        frame[column] = pd.array([None if gap else int(v) for v, gap in zip(millis.tolist(), stamps.isna().tolist())],
                                 dtype="Int64")
    text = frame.to_json(orient="columns", force_ascii=False)
    (ctx.dir / name).write_text(text + "\n", encoding="utf-8")
    out.files.append((name, "ok", "pandas DataFrame.to_json() (orient columns): a column per key, rows by index "
                                  "label, dates in epoch milliseconds"))
