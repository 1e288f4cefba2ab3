"""The plain participant workbook: Kutai Kartanegara, Muara Enim, and every office without a demo profile."""

from __future__ import annotations

import numpy as np

from demo import names as V
from demo.common import _bulan, _dmy, _rng, _serial
from demo.formats.base import (DITTO_MARKS, OfficeContext, WriterReport, continuation_rows, files_of, occasional,
                               row_values, signature_block)
from demo.xlsx import XDate, XlsxBook


NUMBERS_ONLY_FROM = 2023  # Muara Enim's sheets from this year give only the registration number
TICKS_SHARE = 0.3  # Muara Enim's workbooks whose result is ticked under "HASIL UJI" over "K | BK"
TICK = "\u221a"  # the square-root sign clerks type as a tick
PESERTA_YEAR_FROM = 2025  # Kutai Kartanegara's sheet is "Peserta 2025" from this year (the registry pins "Peserta")
PAGED_SHARE = 0.3  # workbooks pasted together from printed pages: the header again at each page, a page line
PAGE_ROWS = (25, 45)  # data rows per page of such a workbook, drawn per workbook
RESULT_REMARKS_SHARE = 0.25  # Kutai Kartanegara's rows whose result cell carries a remark or an abbreviation
# a result with a remark (DOMAIN: Hasil): (issued Kompeten, pending Kompeten, Belum Kompeten) forms
_KOMPETEN_REMARKS = ("Lulus (K)", "KOMPETEN (Sertifikat Terbit)")
_PENDING_REMARK = "Kompeten, sertifikat dalam proses"
_BK_REMARKS = ("Tdk Lulus", "Blm Kompeten")


def write_standard_xlsx(df, ctx: OfficeContext, out: WriterReport, *, kind: str) -> None:
    """Kutai Kartanegara ("Peserta" + a "Rekap" pivot), Muara Enim, and offices without a spec.

    ``kind`` is "kukar", "muara-enim" or "generic": one workbook per file group (a year).
    """
    writer = _StandardWorkbooks(df, ctx, out, kind)
    for group, pos in files_of(df):
        writer.write_file(group, pos)
        ctx.tick(len(pos))


_MUARA_ENIM_HEADER = ["No", "No. KTP/NIK", "Nama", "L/P", "Tempat, Tanggal Lahir", "Jabatan Kerja", "Jenjang", "Hasil",
                      "Keterangan", "Tahun"]
# from 2023 the office copies the registration number from SIKI: no dates, and the year
# only in the title row (and inside the number)
_MUARA_ENIM_NUMBERS_HEADER = _MUARA_ENIM_HEADER[:8] + ["No. Registrasi"]
_WHY = {"kukar": "sheet Peserta is the list; sheet Rekap is a pivot the registry tells readers to skip",
        "muara-enim": "NIK first; Hasil K/BK and Keterangan TERBIT / dalam proses"}


HEADER_DRIFT = 0.35  # per workbook and column: the header in another clerk's words (DOMAIN header variants)
# DOMAIN "Typical header variants": what another clerk of the same office types for the same column
_HEADER_WORDS = {
    "Nama": ("Nama Lengkap", "Nama Peserta"),
    "NIK": ("No. KTP", "No KTP/NIK", "Nomor Induk Kependudukan"),
    "No. KTP/NIK": ("NIK", "No. KTP", "Nomor Induk Kependudukan"),
    "Tempat, Tanggal Lahir": ("Tempat/Tgl Lahir", "TTL"),
    "Tanggal Lahir": ("Tgl Lahir",),
    "Jenis Kelamin": ("JK", "L/P"),
    "L/P": ("JK", "Jenis Kelamin"),
    "Jabatan Kerja": ("Jabatan",),
    "Jenjang": ("Kualifikasi", "Level"),
    "No. Registrasi": ("Nomor Sertifikat", "No. SKK"),
    "Tgl Terbit": ("Tanggal Terbit",),
    "Masa Berlaku": ("Berlaku s.d.",),
}
# Kutai Kartanegara's "Hasil" may become "Hasil Uji" or "Rekomendasi"; Muara Enim's stays (its "Keterangan"
# column is the certificate's state, so "Hasil" is the only result word there)
_RESULT_WORDS = ("Hasil Uji", "Rekomendasi")


def _drifted(header: list[str], kind: str, rng) -> list[str]:
    """``header`` with some columns in other words (:data:`HEADER_DRIFT`); the registry's pinned columns
    (Kutai Kartanegara's "Nama Pekerja", "Nomor Identitas") are never renamed."""
    out = []
    for word in header:
        options = _HEADER_WORDS.get(word, _RESULT_WORDS if word == "Hasil" and kind != "muara-enim" else ())
        if options and rng.random() < HEADER_DRIFT:
            word = options[int(rng.integers(0, len(options)))]
        out.append(word)
    return out


def _standard_header(kind: str) -> tuple[list[str], list[int]]:
    """Column headers and widths: Muara Enim puts the NIK first; Kutai Kartanegara says Nama Pekerja / Nomor Identitas."""
    if kind == "muara-enim":
        return _MUARA_ENIM_HEADER, [5, 22, 30, 5, 30, 34, 10, 7, 14, 7]
    header = ["No", "Nama Pekerja" if kind == "kukar" else "Nama", "Nomor Identitas" if kind == "kukar" else "NIK",
              "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang", "Hasil",
              "No. Registrasi", "Tgl Terbit", "Masa Berlaku", "Tahun"]
    return header, [5, 30, 22, 16, 13, 13, 34, 8, 16, 24, 12, 12, 7]


class _StandardWorkbooks:
    """One office's plain workbooks: per-row values drawn once, then one workbook per file group."""

    def __init__(self, df, ctx: OfficeContext, out: WriterReport, kind: str):
        self.df, self.ctx, self.out, self.kind = df, ctx, out, kind
        self.c = c = row_values(df, ctx, out)
        rng = ctx.rng
        self.issue = issue = df["issue"].to_numpy().astype("datetime64[D]")
        self.expiry = expiry = df["expiry"].to_numpy().astype("datetime64[D]")
        self.birth_serial = _serial(c["birth"]).tolist()
        safe_issue = np.where(np.isnat(issue), np.datetime64("2000-01-01"), issue)
        safe_expiry = np.where(np.isnat(expiry), np.datetime64("2000-01-01"), expiry)
        self.issue_serial, self.expiry_serial = _serial(safe_issue).tolist(), _serial(safe_expiry).tolist()
        self.dmy_slash = _dmy(c["birth"], sep="/")
        self.bulan_short = _bulan(c["birth"], abbreviate=True)
        self.style = rng.random(len(df)).tolist()
        self.blank = (rng.random(len(df)) < (0.01 if kind == "muara-enim" else 0.0)).tolist()
        self.header, self.widths = _standard_header(kind)
        # occasional forms: Muara Enim's ticked results (a share of workbooks), Kutai Kartanegara's
        # results with a remark or an abbreviation (a share of rows)
        self.ticks = occasional(ctx, "ticks", df["group"].tolist(), TICKS_SHARE) if kind == "muara-enim" else set()
        self.remark = (rng.random(len(df)) < (RESULT_REMARKS_SHARE if kind == "kukar" else 0.0)).tolist()
        self.remark_pick = rng.integers(0, 2, size=len(df)).tolist()
        self.ditto = [DITTO_MARKS[k] for k in rng.integers(0, len(DITTO_MARKS), size=len(df)).tolist()]
        # workbooks put together from printed pages (a page each batch or each clerk): the header repeated at
        # the top of every page and "Halaman 2" above it; drawn from their own stream (the others unchanged)
        self.paged = occasional(ctx, "paged", df["group"].tolist(), PAGED_SHARE)
        page_rng = _rng(ctx.seed, "page-rows", ctx.office.id)
        self.page_rows = {g: int(page_rng.integers(PAGE_ROWS[0], PAGE_ROWS[1] + 1)) for g in sorted(self.paged)}

    def write_file(self, group: str, pos) -> None:
        """One workbook: titles, the participant sheet, Muara Enim's total and signature, Kutai Kartanegara's pivot."""
        office, out, kind = self.ctx.office, self.out, self.kind
        book = XlsxBook(self.ctx.dir / group, creator=office.name)
        sheet_name = self.df["sheet"].iat[pos[0]]
        year = self.c["year"][pos[0]]
        if "cert_only" in self.df and self.df["cert_only"].iat[pos[0]]:
            self._certificate_list(book, group, sheet_name, year, pos)  # lists the file itself, once
            book.close()
            return
        out.files.append((group, "ok", _WHY.get(kind, "participant list")))
        if kind == "kukar" and year >= PESERTA_YEAR_FROM:
            sheet_name = f"{sheet_name} {year}"  # "Peserta 2025": the registry pins "Peserta"
        numbers_only = kind == "muara-enim" and year >= NUMBERS_ONLY_FROM
        header = _MUARA_ENIM_NUMBERS_HEADER if numbers_only else self.header
        # each year's header as that year's clerk typed it (a revision keeps its first version's header; its own
        # stream, so the cells' draws stay as they were)
        header = self.file_header = _drifted(header, self.kind, _rng(self.ctx.seed, "header-words", self.ctx.office.id,
                                                                         year))
        ticks = group in self.ticks
        widths = self.widths[:8] + [6] + self.widths[8:] if ticks else self.widths
        sheet = book.sheet(sheet_name, widths)
        width = len(header) + (1 if ticks else 0)
        sheet.row(1, [f"DATA PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN {year}"], bold=True)
        sheet.merge(1, 0, 1, width - 1)
        sheet.row(2, [office.name.upper()], bold=True)
        sheet.merge(2, 0, 2, width - 1)
        out.junk.extend([(group, sheet_name, 1, "title"), (group, sheet_name, 2, "title")])
        if ticks:
            _ticked_header(sheet, header)
        else:
            sheet.row(4, header, bold=True)
        r, tally = self._participants(sheet, group, sheet_name, pos, numbers_only, ticks)
        if kind == "muara-enim":
            r += 1
            sheet.row(r, ["JUMLAH", None, len(pos)], bold=True)
            out.junk.append((group, sheet_name, r, "total"))
            r += 2
            _, rows = signature_block(sheet, r, 5, office, "Muara Enim", f"30 Desember {year}")
            out.junk.extend((group, sheet_name, s, "signature") for s in rows)
        if kind == "kukar":
            _rekap_pivot(book, group, tally, out)
        book.close()

    def _participants(self, sheet, group: str, sheet_name: str, pos, numbers_only: bool, ticks: bool = False):
        """The data rows from row 5 (6 under a two-row header; Muara Enim: the odd blank row); returns the next
        row and K/BK per jabatan."""
        c, out = self.c, self.out
        r = 6 if ticks else 5
        tally: dict[str, list[int]] = {}
        continued = continuation_rows(self.df, pos).tolist()
        no = 0
        per_page = self.page_rows.get(group, 0) if not ticks else 0
        on_page, page = 0, 1
        for i, cont in zip(pos.tolist(), continued):
            if per_page and on_page >= per_page and not cont:
                page += 1
                r = self._page_break(sheet, group, sheet_name, r, page, numbers_only)
                on_page = 0
            on_page += 1
            if self.blank[i] and not cont:
                out.junk.append((group, sheet_name, r, "blank"))
                r += 1
            no += 0 if cont else 1
            tally.setdefault(c["jabatan"][i], [0, 0])[0 if c["hasil"][i] == 1 else 1] += 1
            if self.kind == "muara-enim":
                values = self._muara_enim_row(no, i, numbers_only)
                if ticks:  # the result column becomes K | BK with a tick in one of them
                    h = values[_RESULT_COLUMN]
                    values = values[:_RESULT_COLUMN] + ([TICK, None] if h == "K" else [None, TICK]) \
                        + values[_RESULT_COLUMN + 1:]
            else:
                values = self._listed_row(no, i)
            if cont:
                values = self._continued(values, i)
            sheet.row(r, values)
            out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
            r += 1
        return r, tally

    def _page_break(self, sheet, group: str, sheet_name: str, r: int, page: int, numbers_only: bool) -> int:
        """A blank line, "Halaman <page>" and the header again, as a page pasted under the last one (junk)."""
        header = self.file_header
        self.out.junk.append((group, sheet_name, r, "blank"))
        sheet.row(r + 1, [f"Halaman {page}"])
        self.out.junk.append((group, sheet_name, r + 1, "page"))
        sheet.row(r + 2, header, bold=True)
        self.out.junk.append((group, sheet_name, r + 2, "repeated_header"))
        return r + 3

    def _certificate_list(self, book, group: str, sheet_name: str, year: int, pos) -> None:
        """The year's certificates only (no result column: a number means Kompeten), no dates: the year is in
        the title and inside the number; a second certificate continues the person above."""
        office, out, c = self.ctx.office, self.out, self.c
        sheet_name = f"{sheet_name} Bersertifikat"  # the registry pins "Peserta"
        header = ["No", "Nama Pekerja", "Nomor Identitas", "Jabatan Kerja", "Jenjang", "Nomor Sertifikat"]
        sheet = book.sheet(sheet_name, [5, 30, 22, 34, 8, 24])
        out.files.append((group, "ok", "the year's certificates only: no result column, no dates"))
        titles = [f"DAFTAR PENERIMA SERTIFIKAT KOMPETENSI KERJA (SKK) TAHUN {year}", office.name.upper()]
        for r, title in enumerate(titles, start=1):
            sheet.row(r, [title], bold=True)
            sheet.merge(r, 0, r, len(header) - 1)
            out.junk.append((group, sheet_name, r, "title"))
        sheet.row(4, header, bold=True)
        r, no = 5, 0
        for i, cont in zip(pos.tolist(), continuation_rows(self.df, pos).tolist()):
            no += 0 if cont else 1
            values = [no, c["nama"][i], c["nik"][i], c["jabatan"][i], c["jen"][i], c["nomor"][i]]
            out.written_nomor[i] = c["nomor"][i]
            if cont:
                mark = self.ditto[i]
                values = [None, mark, mark] + values[3:]
                out.written_nik[i], out.written_nama[i], out.continued[i] = mark, mark, True
            sheet.row(r, values)
            out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
            r += 1

    def _continued(self, values: list, i: int) -> list:
        """The row as the next certificate of the person above: no number of its own, the identity cells
        (name, NIK, birth, sex) blank or a ditto mark; recorded as written."""
        mark = self.ditto[i]
        identity = (1, 2, 3, 4) if self.kind == "muara-enim" else (1, 2, 3, 4, 5)
        values = [None if col == 0 else mark if col in identity else v for col, v in enumerate(values)]
        self.out.written_nik[i] = mark
        self.out.written_nama[i] = mark
        self.out.continued[i] = True
        return values

    def _muara_enim_row(self, no: int, i: int, numbers_only: bool) -> list:
        """NIK first, TTL in one cell, Hasil K/BK, Keterangan TERBIT / dalam proses (from 2023: the number)."""
        c, s = self.c, self.style[i]
        real, h, j = c["real"][i], c["hasil"][i], c["jen"][i]
        ttl = None
        if real:
            ttl = f"{c['place'][i]}, {self.dmy_slash[i]}" if s < 0.8 else f"{c['place'][i]}, {self.bulan_short[i]}"
        if c["unreadable"][i]:
            jen = "Jenjang ?"
        else:
            jen = f"Jenjang{j}" if s < 0.1 else f"Jenjang {j}" if s < 0.5 else (j if s < 0.8 else V.ROMAN[j])
        ket = None
        if h == 1:
            ket = "dalam proses" if c["pending"][i] else "TERBIT"
            if numbers_only and not c["pending"][i] and real:
                ket = c["nomor"][i]
                self.out.written_nomor[i] = ket
        sex = ("Wanita" if c["female"][i] else "Pria") if s > 0.88 else ("P" if c["female"][i] else "L")
        values = [no, c["nik"][i], c["nama"][i], sex if real else None, ttl,
                  c["jabatan"][i], jen, "K" if h == 1 else "BK", ket, c["year"][i]]
        return values[:9] if numbers_only else values

    def _listed_row(self, no: int, i: int) -> list:
        """Kutai Kartanegara and generic offices: dates as Excel dates, the number and its dates when issued."""
        c, out = self.c, self.out
        real, h, j = c["real"][i], c["hasil"][i], c["jen"][i]
        nomor = terbit = berlaku = None
        if h == 1:
            if c["pending"][i]:
                nomor = "proses"
            elif real:
                nomor = c["nomor"][i]
                terbit, berlaku = XDate(self.issue_serial[i]), XDate(self.expiry_serial[i])
                out.written_nomor[i] = nomor
                out.written_terbit[i] = self.issue[i]
                out.written_berlaku[i] = self.expiry[i]
        born = XDate(self.birth_serial[i]) if real else None
        if real and self.kind == "kukar" and self.style[i] < 0.12:
            born = self.dmy_slash[i].replace("/", "-")  # typed as text in a column formatted as Text
        hasil = "Kompeten" if h == 1 else "Belum Kompeten"
        if self.remark[i]:  # a remark or an abbreviation in the result cell; its meaning unchanged
            if h == 1 and c["pending"][i]:
                hasil = _PENDING_REMARK
            elif h == 1:
                hasil = _KOMPETEN_REMARKS[self.remark_pick[i]] if nomor else _KOMPETEN_REMARKS[0]
            else:
                hasil = _BK_REMARKS[self.remark_pick[i]]
        return [no, c["nama"][i], c["nik"][i], c["place"][i], born,
                ("Perempuan" if c["female"][i] else "Laki-laki") if real else None, c["jabatan"][i],
                "Jenjang ?" if c["unreadable"][i] else j,
                hasil, nomor, terbit, berlaku, c["year"][i]]


_RESULT_COLUMN = 7  # Muara Enim's "Hasil" (K / BK), in both of its headers


def _ticked_header(sheet, header: list[str]) -> None:
    """Rows 4-5: "HASIL UJI" merged over "K | BK" where "Hasil" was; the other headers merged down both rows."""
    k = _RESULT_COLUMN
    parent = header[:k] + ["HASIL UJI", None] + header[k + 1:]
    child = [None] * k + ["K", "BK"] + [None] * (len(header) - k - 1)
    sheet.row(4, parent, bold=True)
    sheet.row(5, child, bold=True)
    for col in range(len(parent)):
        if col not in (k, k + 1):
            sheet.merge(4, col, 5, col)
    sheet.merge(4, k, 4, k + 1)


def _rekap_pivot(book, group: str, tally: dict[str, list[int]], out: WriterReport) -> None:
    """Kutai Kartanegara's sheet "Rekap": K / BK per jabatan kerja and a grand total (junk for readers)."""
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
