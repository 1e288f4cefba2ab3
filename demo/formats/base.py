"""What every office writer shares: the report a writer gives back, its inputs, per-row values.

A writer gets one office's rows (a DataFrame in row order), a :class:`OfficeContext` and a
:class:`WriterReport`; it writes the office's files and records, for every data row, the
file/sheet/row it went to and what the file states (NIK, name, number, dates).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from demo import names as V
from demo.common import _rng
from demo.noise import nik_cells, render_names
from demo.occupations import jabatan_titles
from demo.persons import _World
from demo.specs import OfficeSpec
from demo.xlsx import XError
from sources.registry import Office


TYPO_RATE_LOW, TYPO_RATE_HIGH = 0.005, 0.03  # range of an office's share of names with a one-letter typo


@dataclass
class WriterReport:
    """What a writer reports back."""

    source_file: np.ndarray
    source_sheet: np.ndarray
    source_row: np.ndarray
    written_terbit: np.ndarray  # dates as the file states them (NaT when not shown)
    written_berlaku: np.ndarray
    written_nomor: np.ndarray
    written_nik: np.ndarray  # the NIK cell as text, as docs/data-model.md tells readers to render it
    written_nama: np.ndarray  # the name as the file writes it
    continued: np.ndarray  # written as the next certificate of the person above: name and NIK blank or ditto
    files: list[tuple[str, str, str]] = field(default_factory=list)  # (file, status, why)
    junk: list[tuple[str, str, int, str]] = field(default_factory=list)  # (file, sheet, row, kind)


# the per-row fields of a WriterReport, in the order the writers fill them
ROW_FIELDS = ("source_file", "source_sheet", "source_row", "written_terbit", "written_berlaku", "written_nomor",
              "written_nik", "written_nama", "continued")


def empty_report(n: int) -> WriterReport:
    """A report for ``n`` rows, nothing placed yet."""
    return WriterReport(
        source_file=np.full(n, "", dtype=object),
        source_sheet=np.full(n, "", dtype=object),
        source_row=np.zeros(n, dtype=np.int64),
        written_terbit=np.full(n, np.datetime64("NaT"), dtype="datetime64[D]"),
        written_berlaku=np.full(n, np.datetime64("NaT"), dtype="datetime64[D]"),
        written_nomor=np.full(n, None, dtype=object),
        written_nik=np.full(n, None, dtype=object),
        written_nama=np.full(n, None, dtype=object),
        continued=np.zeros(n, dtype=bool),
    )


class OfficeContext:
    """Shared inputs for the writers."""

    def __init__(self, world: _World, office: Office, spec: OfficeSpec, seed: int, out_dir: Path, progress,
                 xls_max_rows: int):
        self.world = world
        self.office = office
        self.spec = spec
        self.seed = seed
        self.dir = out_dir
        self.progress = progress
        self.xls_max_rows = xls_max_rows  # data rows per legacy .xls sheet (demo.generate.XLS_MAX_DATA_ROWS)
        self.rng = _rng(seed, "write", office.id)
        # each office's clerks slip at their own rate: 0.5-3% of names with a one-letter typo
        self.typo_rate = TYPO_RATE_LOW + (TYPO_RATE_HIGH - TYPO_RATE_LOW) * float(_rng(seed, "typo-rate", office.id).random())

    def tick(self, k: int) -> None:
        """``k`` more rows written (the progress bar, when there is one)."""
        if self.progress is not None:
            self.progress.update(k)


def nik_as_text(value) -> str | None:
    """A NIK cell as a reader renders it: numbers >= 1e15 in 15-digit scientific form."""
    if value is None or isinstance(value, XError):  # an error cell has no text: readers see it blank
        return None
    if isinstance(value, float):
        return None if value != value else f"{value:.14e}"
    return value.strip() or None


def row_values(df: pd.DataFrame, ctx: OfficeContext, out: WriterReport) -> dict[str, list]:
    """Per-row values most writers need, rendered once (records the NIK text in ``out``)."""
    cat = ctx.world.cat
    pid = df["pid"].to_numpy()
    safe = np.where(pid >= 0, pid, 0)
    real = pid >= 0
    places = np.array(ctx.world.place_names, dtype=object)[cat["place"][safe]]
    birth = cat["birth"][safe]
    nik = nik_cells(df, ctx.spec.fmt, ctx.rng)
    out.written_nik[:] = [nik_as_text(v) for v in nik]
    nama = render_names(df, ctx.world, ctx.spec.upper, ctx.rng, ctx.spec.abbrev, typo=ctx.typo_rate,
                        typo_rng=_rng(ctx.seed, "typo-kind", ctx.office.id))
    out.written_nama[:] = nama
    return {
        "real": real.tolist(),
        "nama": nama,
        "nik": nik,
        "place": [p if r else None for p, r in zip(places.tolist(), real.tolist())],
        "birth": birth,
        "female": cat["female"][safe].tolist(),
        "jabatan": jabatan_titles(df["fam"].to_numpy(), df["jen"].to_numpy()).tolist(),
        "jen": df["jen"].tolist(),
        "hasil": df["hasil"].tolist(),
        "pending": df["pending"].tolist(),
        "nomor": df["certificate_id"].tolist(),
        "unreadable": (df["special"].to_numpy() == 2).tolist(),
        "year": df["year"].tolist(),
    }


# how a clerk marks the next certificate of the person above (DOMAIN: rows continuing the person above):
# the identity cells left blank, or a ditto mark (s.d.a = "sama dengan atas", the same as above)
DITTO_MARKS = (None, None, None, None, '"', '"', "s.d.a", "s.d.a.", "idem", "sda", "-idem-")


def continuation_rows(df: pd.DataFrame, pos: np.ndarray) -> np.ndarray:
    """Of a sheet's rows ``pos`` (in row order): those that are a second certificate right below the same
    person's first, written as a continuation row."""
    cont = df["cont_of"].to_numpy()[pos] >= 0 if "cont_of" in df else np.zeros(len(pos), dtype=bool)
    pid = df["pid"].to_numpy()[pos]
    above = np.r_[-2, pid[:-1]]
    return cont & (pid >= 0) & (pid == above)


def sheets_of(df: pd.DataFrame):
    """(group, sheet, positions) in row order."""
    keys = list(zip(df["group"].tolist(), df["sheet"].tolist()))
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            yield keys[start][0], keys[start][1], np.arange(start, i)
            start = i


def workbook_sheets(df: pd.DataFrame, open_book):
    """(workbook, group, sheet, positions) in row order, one workbook open at a time.

    Rows come grouped by file: a group's workbook is closed when the next group
    starts, so a large world holds one workbook's cells in memory, not every file's.
    ``open_book(group)`` makes the group's workbook.
    """
    book, current = None, None
    for group, sheet_name, pos in sheets_of(df):
        if book is None or group != current:
            if book is not None:
                book.close()
            book, current = open_book(group), group
        yield book, group, sheet_name, pos
    if book is not None:
        book.close()


def title_rows(sheet, titles: list[str], width: int, first: int, group: str, sheet_name: str, out: WriterReport) -> int:
    """Bold title rows merged across the table's ``width`` from row ``first``, recorded as junk; the next free row."""
    r = first
    for title in titles:
        sheet.row(r, [title], bold=True)
        sheet.merge(r, 0, r, width - 1)
        out.junk.append((group, sheet_name, r, "title"))
        r += 1
    return r


def files_of(df: pd.DataFrame):
    """(group, positions) in row order."""
    groups = df["group"].tolist()
    start = 0
    for i in range(1, len(groups) + 1):
        if i == len(groups) or groups[i] != groups[start]:
            yield groups[start], np.arange(start, i)
            start = i


def signature_block(sheet, r: int, col: int, office: Office, place: str, when: str) -> tuple[int, list[int]]:
    """Signature block ("Mengetahui, / Kepala Dinas ... / (name) / NIP. ...") from row r; returns next row and rows."""
    name, nip = V.SIGNATORIES.get(office.id, ("Ir. Bambang Sutrisno, M.T.", "19700101 199503 1 001"))
    lines = [f"{place}, {when}", "Mengetahui,", f"Kepala {office.name}", None, None, f"({name})", f"NIP. {nip}"]
    rows = []
    for text in lines:
        if text is not None:
            sheet.row(r, [None] * col + [text])
            rows.append(r)
        r += 1
    return r, rows


def occasional(ctx: OfficeContext, form: str, keys, share: float) -> set:
    """The ``share`` of ``keys`` (files, sheets) an office writes in an occasional form, drawn from the seed.

    At least one key gets the form, and never every key when there are two or more (the form is a
    habit of some files, not the office's only one). Keys are sorted first, so the choice does not
    depend on the row order.
    """
    keys = sorted(set(keys))
    if not keys:
        return set()
    k = min(max(int(round(share * len(keys))), 1), max(len(keys) - 1, 1))
    pick = _rng(ctx.seed, "occasional", form, ctx.office.id).choice(len(keys), size=k, replace=False)
    return {keys[i] for i in sorted(pick.tolist())}
