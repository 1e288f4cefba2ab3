"""Header detection and row classification over a sheet held as a list of rows.

Excel, CSV and table-shaped JSON all end up here: a list of rows, each a list
of cells. Header detection works on rows already rendered to text; row
classification takes the raw rows plus a ``render`` function so that only the
cells of mapped columns (and the few rows that may be totals or footers) pay
for rendering.

Row indices in this module are 0-based positions in the ``rows`` list; the
readers turn them into the numbers a person sees (Excel row, CSV line).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from sources import headers
from sources.formats import SubmissionRejected
from standardize.fields import hasil_not_assessed, parse_hasil
from standardize.levels import parse_jenjang

SCAN_ROWS = 30  # header must start within this many rows unless the registry says where it is
# Workbooks: a cover letter or a long preamble above the list pushes the header far down
# (nomor, lampiran, perihal, the letter's paragraphs); a header below this is not looked for.
DEEP_SCAN_ROWS = 300

Render = Callable[[object], "str | None"]


class HeaderNotFound(Exception):
    """No usable header in one sheet; the message is the sheet-level reason."""


@dataclass
class SheetReport:
    """What a reader found in one sheet (or in the single table of a CSV/JSON file)."""

    sheet: str  # "" for csv/json
    header_row: int | None  # 1-based row (Excel row / CSV line) of the last header row; None if not found
    columns: dict[str, str]  # canonical column -> header text as found
    rows: int  # participant rows emitted
    skipped: dict[str, int]  # rows skipped, by reason
    note: str = ""
    # Text of the title rows above the header ("DAFTAR PESERTA ... KOTA SAMARINDA TAHUN 2024"),
    # one " | " per row: whose file it is and which year it speaks of.
    title: str = ""
    # Where the raw tahun came from when the sheet has no year column: "title", "sheet", "file"; "" otherwise.
    tahun_from: str = ""
    # A workbook sheet hidden in Excel (see sources.readers.copies).
    hidden: bool = False


@dataclass
class Header:
    """Where the header is and which column holds which canonical column."""

    first_row: int  # index of the first header row (the parent row of a two-row header)
    last_row: int  # index of the last header row; data starts below it
    columns: dict[str, int]  # canonical column -> 0-based column index, in file order
    texts: dict[str, str]  # canonical column -> header text as found
    notes: list[str] = field(default_factory=list)
    # Columns written as a check mark under one sub-column per value ("HASIL UJI" over
    # "K | BK", a tick in one): canonical column -> {value: 0-based column index}.
    marks: dict[str, dict[str, int]] = field(default_factory=dict)
    # Columns named only by a plain "Keterangan" / "Status" (headers.WEAK_VARIANTS).
    weak: frozenset[str] = frozenset()
    # Tables side by side under one header row (Tahap I in A-H, Tahap II in J-Q): the column
    # range [start, end) of each, left to right; empty for one table.
    blocks: tuple[tuple[int, int], ...] = ()
    # A person's further certificates in further groups of columns ("Sertifikat II" over Jabatan
    # Kerja | Jenjang | Hasil, or "Jenjang 2"): (label, canonical column -> 0-based index) of each
    # group after the first, whose columns are in ``columns``.
    groups: tuple[tuple[str, dict[str, int]], ...] = ()
    # The other columns that name the result too ("STATUS" beside "KETERANGAN", "Hasil Uji" beside
    # ticks under "K | BK"), as (column index or tick columns by value, weak, header text): the
    # rows below decide which one holds the results (see :func:`_result_column`).
    alternatives: tuple[tuple[int | dict[str, int], bool, str], ...] = ()


@dataclass
class TableRows:
    """Participant rows of one sheet, column-wise, with their row numbers and report."""

    columns: dict[str, list[str | None]]  # canonical column -> one value per emitted row
    source_rows: list[int]
    report: SheetReport


# --- header detection -------------------------------------------------------------------------

_LETTER = re.compile(r"[^\W\d_]")
_REQUIRED = {column for group in headers.REQUIRED_ANY_OF for column in group}


def _header_like(text: str) -> bool:
    # Header cells are words; participant rows carry numbers, NIKs and dates.
    return bool(_LETTER.search(text)) and len(text) <= 80


def _forward_fill(parent: Sequence[str | None], width: int) -> list[str | None]:
    # A merged parent cell holds its text only in its first cell; blanks to its right
    # belong to the same span.
    filled: list[str | None] = []
    current = None
    for j in range(width):
        cell = parent[j] if j < len(parent) else None
        if cell:
            current = cell
        filled.append(current)
    return filled


@dataclass
class _Resolution:
    columns: dict[str, int]
    texts: dict[str, str]
    mapped_cells: int  # cells that map to some canonical column, duplicates included
    via_child: int  # child cells resolved as "parent child" or child alone
    notes: list[str]
    marks: dict[str, dict[str, int]] = field(default_factory=dict)
    weak: frozenset[str] = frozenset()
    blocks: tuple[tuple[int, int], ...] = ()
    groups: tuple[tuple[str, dict[str, int]], ...] = ()
    alternatives: tuple[tuple[int | dict[str, int], bool, str], ...] = ()

    def header(self, first_row: int, last_row: int) -> Header:
        """The header these columns make, on rows ``first_row`` to ``last_row``."""
        return Header(first_row, last_row, self.columns, self.texts, self.notes, self.marks, self.weak, self.blocks,
                      self.groups, self.alternatives)


# Sub-columns under a header that each stand for one value, marked with a tick ("HASIL UJI" over
# "K | BK", or "KOMPETEN | BELUM KOMPETEN" side by side with no span above them).
MARK_VALUES: dict[str, dict[str, str]] = {
    headers.HASIL: {
        **dict.fromkeys(("k", "kompeten", "lulus", "l", "competent", "kompeten k", "k kompeten", "lulus l", "l lulus",
                         "passed", "pass"), "Kompeten"),
        **dict.fromkeys(("bk", "belum kompeten", "tk", "tidak kompeten", "tidak lulus", "tl", "not yet competent",
                         "bk belum kompeten", "belum kompeten bk", "tidak lulus tl", "tl tidak lulus", "blm kompeten",
                         "tdk kompeten", "tdk lulus", "belum lulus", "not competent", "nyc", "failed", "fail",
                         "gagal"), "Belum Kompeten"),
    },
    # "JENIS KELAMIN" over "L | P", a tick or a 1 under one
    headers.JENIS_KELAMIN: {
        **dict.fromkeys(("l", "lk", "laki laki", "pria", "laki"), "L"),
        **dict.fromkeys(("p", "pr", "perempuan", "wanita"), "P"),
    },
    # "JENJANG" over "1 | 2 | 3" or "I | II | III": the level ticked (only under a span naming the
    # level: bare digits side by side are a column-number row)
    headers.JENJANG: {
        **{str(n): f"Jenjang {n}" for n in range(1, 10)},
        **{roman: f"Jenjang {n}" for n, roman in enumerate(("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"), 1)},
        **{f"{label} {n}": f"Jenjang {n}" for n in range(1, 10) for label in ("jenjang", "level", "kkni")},
    },
}
# Columns read from ticks only under a span that names them.
_MARKS_UNDER_THEIR_SPAN = frozenset({headers.JENJANG})
# Sub-columns that stand for a result only under a span that names the result outright ("KEPUTUSAN
# UJI" over "Ya | Tidak": an LSP decides an assessment "Ya" = kompeten, "Tidak" = belum kompeten,
# https://lsp.unila.ac.id/?p=172; "HASIL" over "Memenuhi | Tidak"). Alone or under another span
# ("PERSYARATAN" over "Memenuhi | Tidak Memenuhi") they are the check of the documents before it.
_MARK_VALUES_UNDER_RESULT: dict[str, str] = {
    **dict.fromkeys(("ya", "y", "memenuhi", "sesuai"), "Kompeten"),
    **dict.fromkeys(("tidak", "tdk", "belum", "blm", "tidak memenuhi", "belum memenuhi", "tidak sesuai"),
                    "Belum Kompeten"),
}
# Spans whose ticks are no assessment result: a document check, a selection, attendance, a training.
_NOT_THE_ASSESSMENT = frozenset({"administrasi", "persyaratan", "syarat", "verifikasi", "berkas", "kelengkapan",
                                 "dokumen", "seleksi", "pra", "kehadiran", "absensi", "hadir", "presensi",
                                 "pelatihan", "bimtek", "diklat", "training", "tes", "test", "tulis", "wawancara",
                                 "praktek", "praktik", "teori", "observasi", "portofolio"})
# Cells that mark nothing in a tick column.
_UNMARKED = frozenset({"", "-", "0", "tidak", "no", "n", "false"})


def _mark_key(text: str) -> str:
    """A sub-column's text as a key of :data:`MARK_VALUES` ("K (Kompeten)" -> "k kompeten").

    A web system names a yes/no field for its value with the programmer's "is" ("is_kompeten",
    "isKompeten", "IsKompeten": 1/0, true/false): the prefix says nothing more, "is_kompeten" is
    the column "KOMPETEN" of a clerk's sheet."""
    key = headers.normalize_header(text)
    return key[3:] if key.startswith("is ") and len(key) > 5 else key


def _mark_groups(parent: Sequence[str | None] | None, filled: list[str | None], child: Sequence[str | None],
                 width: int, overrides) -> dict[int, tuple[str, str]]:
    """Columns that are one value each of a column ticked row by row: 0-based index -> (canonical
    column, value).

    A group is a run of adjacent sub-columns under one span, or of adjacent columns with no span
    above them, each naming one value of the same column and together at least two values:
    "HASIL UJI" over "LULUS | TIDAK LULUS" or "COMPETENT | NOT YET COMPETENT" (though "Lulus" and
    "Competent" name the result on their own), "KOMPETEN | BELUM KOMPETEN" or "L | P" side by side.
    Under a span that names another column, or something other than the assessment
    ("PERSYARATAN", "SELEKSI", "PELATIHAN", "UJI TULIS"), there is no group.
    """
    labels: list[tuple[str | None, str | None]] = []  # (span over it or None, its own text) per column
    for j in range(width):
        c = child[j] if j < len(child) else None
        own_parent = parent[j] if parent is not None and j < len(parent) else None
        if c:
            labels.append((filled[j], c))
        elif own_parent:
            labels.append((None, own_parent))  # merged down over the child row: a column of its own
        else:
            labels.append((None, None))
    found: dict[int, tuple[str, str]] = {}
    j = 0
    while j < width:
        span, text = labels[j]
        if text is None:
            j += 1
            continue
        end = j + 1
        while end < width and labels[end][1] is not None and labels[end][0] == span:
            end += 1
        found.update(_marks_in_run(span, [labels[k][1] for k in range(j, end)], j, overrides))
        j = end
    return found


# A column headed by one value of the result alone, with no column of the other value beside it
# ("KOMPETEN" ticked for those who passed, "LULUS", "BELUM KOMPETEN"): a yes/no column for that
# value. One-letter headers other than "K" / "BK" ("L", "TL") say too little on their own.
_LONE_VALUES = {key: value for key, value in MARK_VALUES[headers.HASIL].items() if key not in ("l", "tl", "tk")}


def _lone_marks(parent, filled: list[str | None], child: Sequence[str | None], width: int,
                ticks: dict[int, tuple[str, str]], overrides) -> dict[int, tuple[str, str]]:
    """Columns that each name one value of the result on their own (:data:`_LONE_VALUES`),
    outside any group of tick columns: 0-based index -> (hasil, value). Under a span naming
    another column or something other than the assessment ("PELATIHAN" over "LULUS"), none."""
    if any(canonical == headers.HASIL for canonical, _ in ticks.values()):
        return {}
    found: dict[int, tuple[str, str]] = {}
    for j in range(width):
        if j in ticks:
            continue
        c = child[j] if j < len(child) else None
        own = c or (parent[j] if parent is not None and j < len(parent) else None)
        value = _LONE_VALUES.get(_mark_key(own)) if own else None
        if value is None:
            continue
        span = filled[j] if c else None
        if span is not None:
            names = headers.canonical_column(span, overrides)
            key = headers.normalize_header(span)
            if names not in (None, headers.HASIL) or (set(key.split()) & _NOT_THE_ASSESSMENT
                                                       and not (names == headers.HASIL and "uji" in key.split())):
                continue
        found[j] = (headers.HASIL, value)
    # Both values in columns apart ("KOMPETEN | KETERANGAN | BELUM KOMPETEN") are one group all the same;
    # two columns of one value are no reading of either.
    values = [value for _, value in found.values()]
    return found if len(values) == len(set(values)) else {}


def _marks_in_run(span: str | None, texts: list[str], start: int, overrides) -> dict[int, tuple[str, str]]:
    """The tick columns of one run of sibling columns (see :func:`_mark_groups`)."""
    names = None
    if span is not None:
        names = headers.canonical_column(span, overrides)
        key = headers.normalize_header(span)
        if set(key.split()) & _NOT_THE_ASSESSMENT and not (names == headers.HASIL and "uji" in key.split()):
            return {}
    found: dict[int, tuple[str, str]] = {}
    for canonical, values in MARK_VALUES.items():
        if names is not None and names != canonical:
            continue
        if canonical in _MARKS_UNDER_THEIR_SPAN and names != canonical:
            continue
        allowed = dict(values)
        if canonical == headers.HASIL and names == canonical and not headers.is_weak_header(span, overrides):
            allowed.update(_MARK_VALUES_UNDER_RESULT)
        run: list[tuple[int, str]] = []
        for k, text in enumerate([*texts, None]):
            value = allowed.get(_mark_key(text)) if text is not None else None
            if value is not None:
                run.append((start + k, value))
                continue
            # A group is the sub-columns in a row that each name a value: at least two values.
            if len({v for _, v in run}) >= 2:
                found.update({at: (canonical, v) for at, v in run if at not in found})
            run = []
    return found


def _resolve(
    parent: Sequence[str | None] | None, child: Sequence[str | None], overrides: Mapping[str, str] | None
) -> _Resolution:
    width = max(len(child), len(parent) if parent is not None else 0)
    filled = _forward_fill(parent, width) if parent is not None else [None] * width
    columns: dict[str, int] = {}
    texts: dict[str, str] = {}
    columns_weak: dict[str, bool] = {}
    columns_by_parent: dict[str, bool] = {}
    marks: dict[str, dict[str, int]] = {}
    mark_texts: dict[str, list[str]] = {}
    notes: list[str] = []
    mapped = via_child = 0
    overrides = dict(overrides) if overrides else None
    # The same texts come back row after row (every row below a header that _another_header asks
    # about): looked up once each where no office mapping applies.
    name_of = _canonical_column if overrides is None else headers.canonical_column
    per_column: list[str | None] = [None] * width
    ticks = _mark_groups(parent, filled, child, width, overrides)
    # A value alone under the result's header ("Hasil" over "Kompeten") is as likely the first
    # participant row holding only a result: it does not make a row a header's second row.
    lone = _lone_marks(parent, filled, child, width, ticks, overrides)
    ticks.update(lone)
    # Every column naming the result, kept or not: (column, "ticks" or tick columns by value, weak, header text).
    results: list[tuple[int | str | dict[str, int], bool, str]] = []
    form = any(cell and name_of(cell, overrides) == headers.WAKTU_RESPONS for cell in child)
    xform = headers.is_xform_header_row(child)
    for j in range(width):
        c = child[j] if j < len(child) else None
        # The filled-in parent text only labels a column that has a child cell of its
        # own; an empty column right of a merged span is not part of it.
        p = filled[j] if c or (parent is not None and j < len(parent) and parent[j]) else None
        canonical = None
        named_by = None  # the header text that named the column
        if j in ticks:
            canonical, named_by = ticks[j][0], c or p
            if c and j not in lone:
                via_child += 1
        elif c:
            if p:
                canonical, named_by = name_of(f"{p} {c}", overrides), f"{p} {c}"
            if canonical is None:
                canonical, named_by = name_of(c, overrides, xform), c
                # A sub-column naming a column on its own under someone else's span ("ASESOR" over
                # "Nama | No. Reg.", "PELATIHAN" over "No. Sertifikat") is not the participant's.
                if p and headers.of_someone_else(p, canonical):
                    notes.append(f"column {j + 1} {p + ' / ' + c!r} is not the participant's {canonical}: not read")
                    canonical = None
                    continue
            if canonical is not None and not (canonical == headers.JENJANG and p and parse_jenjang(c) is not None):
                # A level under "JENJANG" ("III", "2") is a group's level, the first row below the
                # header ("| OPERATOR BULLDOZER | III |"), not a sub-header naming the column again.
                via_child += 1
        if canonical is None and p:
            canonical, named_by = name_of(p, overrides), p
        if canonical is None:
            continue
        mapped += 1
        per_column[j] = canonical
        text = f"{p} / {c}" if p and c else (c or p or "")
        mark = j in ticks
        if mark:
            marks.setdefault(canonical, {})[ticks[j][1]] = j
            mark_texts.setdefault(canonical, []).append(text)
        weak = not mark and headers.is_weak_header(named_by, overrides, form)
        if canonical == headers.HASIL:
            if not mark:
                results.append((j, weak, text))
            elif not any(at == "ticks" for at, _, _ in results):
                results.append(("ticks", False, text))
        # A sub-column named only by the span above it ("Gelar Depan" under "Nama Lengkap"); a
        # tick sub-column ("K" under "Hasil Uji") says which value it holds.
        by_parent = bool(c) and named_by == p and not mark
        if canonical in columns:
            # A plain "Keterangan" or "Status" column often holds remarks ("KTP Samarinda",
            # "Fresh Graduate"): a column that names the result outright wins over it. So does a
            # sub-column whose own text names it ("Nama" between "Gelar Depan" and "Gelar
            # Belakang" under "Nama Lengkap") over a sibling that only sits under the same span.
            if (columns_weak.get(canonical) and not weak) or (columns_by_parent.get(canonical) and not by_parent):
                notes.append(f"column {columns[canonical] + 1} {texts[canonical]!r} also maps to {canonical}; "
                             f"kept column {j + 1} {text!r}, which names it outright")
                columns[canonical], texts[canonical], columns_weak[canonical] = j, text, weak
                columns_by_parent[canonical] = by_parent
                continue
            notes.append(
                f"column {j + 1} {text!r} also maps to {canonical}; "
                f"kept column {columns[canonical] + 1} {texts[canonical]!r}"
            )
            continue
        columns[canonical] = j
        texts[canonical] = text
        columns_weak[canonical] = weak
        columns_by_parent[canonical] = by_parent
    # Tick columns count only where they are the column kept: a result column named outright
    # before them stays the result, and they its alternative.
    all_marks = marks
    marks = {canonical: by_value for canonical, by_value in marks.items() if columns[canonical] in by_value.values()}
    for canonical, by_value in marks.items():
        notes = [n for n in notes if not n.startswith(tuple(f"column {j + 1} " for j in by_value.values()))]
        texts[canonical] = " | ".join(mark_texts[canonical])
    weak = frozenset(canonical for canonical, is_weak in columns_weak.items() if is_weak)
    blocks = _side_by_side(per_column, parent, child)
    groups = () if blocks else _certificate_groups(per_column, filled)
    grouped = {j for _, by_column in groups for j in by_column.values()}
    if groups:
        notes = [n for n in notes if not n.startswith(tuple(f"column {j + 1} " for j in grouped))]
    results += _two_values_in_two_columns(results, parent, child, width)
    kept = columns.get(headers.HASIL)
    alternatives = tuple(
        (all_marks[headers.HASIL], is_weak, " | ".join(mark_texts[headers.HASIL])) if at == "ticks" else (at, is_weak, text)
        for at, is_weak, text in results
        if not _choice_columns(at) & grouped and (at != "ticks" or headers.HASIL not in marks) and at != kept
    ) if len(results) > 1 else ()
    return _Resolution(columns, texts, mapped, via_child, notes, marks, weak, blocks, groups, alternatives)


# A result header that names both values, merged over two columns without sub-headers: "K / BK",
# "KOMPETEN / BELUM KOMPETEN" over a tick in the left or the right one.
_TWO_VALUES = {
    "k bk": ("Kompeten", "Belum Kompeten"),
    "kompeten belum kompeten": ("Kompeten", "Belum Kompeten"),
    "kompeten tidak kompeten": ("Kompeten", "Belum Kompeten"),
    "lulus tidak lulus": ("Kompeten", "Belum Kompeten"),
    "l tl": ("Kompeten", "Belum Kompeten"),
    "competent not yet competent": ("Kompeten", "Belum Kompeten"),
}


def _two_values_in_two_columns(results, parent, child, width: int) -> list:
    """Tick columns a header naming both values may stand for (see :data:`_TWO_VALUES`): the
    column and the one right of it with no header text, as an alternative to reading the column
    alone. Which holds the results, the rows say (:func:`_result_column`): "K" / "BK" written in
    the column are read as they are, ticks in the two columns as ticks."""
    found = []
    for at, weak, text in results:
        if not isinstance(at, int) or weak:
            continue
        own = child[at] if at < len(child) and child[at] else parent[at] if parent is not None and at < len(parent) else None
        values = _TWO_VALUES.get(headers.normalize_header(own))
        if values is None or _header_text(parent, child, at + 1):
            continue
        found.append(({values[0]: at, values[1]: at + 1}, False, f"{text} (ticks in columns {at + 1} and {at + 2})"))
    return found


# Columns of one certificate: a person's further certificates repeat them further right.
_CERTIFICATE_COLUMNS = frozenset({headers.JABATAN_KERJA, headers.JENJANG, headers.KUALIFIKASI, headers.HASIL,
                                  headers.NOMOR_SERTIFIKAT, headers.TANGGAL_TERBIT, headers.MASA_BERLAKU})


def _certificate_groups(per_column: list[str | None], parents: list[str | None]) -> tuple[tuple[str, dict[str, int]], ...]:
    """The groups of certificate columns after the first one ("Sertifikat I | Sertifikat II", or
    "Jenjang 1 ... Jenjang 2"): a group starts where a certificate column repeats, and counts when
    at least two of its columns repeat columns of the first group (a result named twice, "Hasil" and
    "Keterangan", is no group). Labelled with their parent header, else "sertifikat <n>"."""
    groups: list[dict[str, int]] = [{}]
    for j, canonical in enumerate(per_column):
        if canonical not in _CERTIFICATE_COLUMNS:
            continue
        if canonical in groups[-1]:
            groups.append({})
        groups[-1][canonical] = j
    first = groups[0]
    found = []
    for number, group in enumerate(groups[1:], start=2):
        if len(group.keys() & first.keys()) < 2:
            return ()
        at = min(group.values())
        label = parents[at] if at < len(parents) and parents[at] and parents[at] != parents[min(first.values())] \
            else f"sertifikat {number}"
        found.append((label, group))
    return tuple(found)


def _side_by_side(per_column: list[str | None], parent, child) -> tuple[tuple[int, int], ...]:
    """Column ranges of tables set side by side under one header row, or () for one table.

    A second name or NIK column starts another table when the columns from there on repeat at
    least two of the columns of the table to its left (Tahap II beside Tahap I, a district per
    block); a lone second NIK-like column ("NIK" and "No. KTP" in one table) does not. The new
    table takes the unmapped header cells right before it ("No"), back to a blank column.
    """
    starts = [0]
    seen: set[str] = set()
    for j, canonical in enumerate(per_column):
        if canonical is None:
            continue
        if canonical in _REQUIRED and canonical in seen:
            rest = {c for c in per_column[j:] if c is not None}
            if len(rest & seen) >= 2:
                start = j
                while (start - 1 > starts[-1] and per_column[start - 1] is None
                       and _header_text(parent, child, start - 1)):
                    start -= 1
                starts.append(start)
                seen = set()
        seen.add(canonical)
    if len(starts) == 1:
        return ()
    return tuple(zip(starts, [*starts[1:], len(per_column)]))


def _header_text(parent, child, j: int) -> bool:
    """True when column ``j`` has header text in the child row or the parent row."""
    return bool((j < len(child) and child[j]) or (parent is not None and j < len(parent) and parent[j]))


def _qualifies(resolution: _Resolution) -> bool:
    return resolution.mapped_cells >= 2 and bool(_REQUIRED & resolution.columns.keys())


def _child_like(parent: Sequence[str | None], child: Sequence[str | None], overrides) -> _Resolution | None:
    """The pair (parent, child) when ``child`` is the second row of a two-row header, else None.

    Strict on purpose: taking the first participant row for a header row would lose a person.
    """
    cells = [c for c in child if c]
    if cells and _levels_ticked_under_span(parent, child, overrides):
        return _resolve(parent, child, overrides)
    if not cells or not all(_header_like(c) for c in cells):
        return None
    # The header printed twice is not a parent and its children.
    if all(j < len(parent) and parent[j] == c for j, c in enumerate(child) if c):
        return None
    pair = _resolve(parent, child, overrides)
    if pair.via_child and 2 * pair.via_child >= len(cells):
        return pair
    # Sub-headers that map to nothing ("L | P" under "Jenis Kelamin") still make a
    # child row when every one of them sits under a merged parent span.
    if all(j in _merged_spans(parent) for j, c in enumerate(child) if c):
        return pair
    return None


_LEVEL_DIGIT = re.compile(r"[1-9]")


def _levels_ticked_under_span(parent: Sequence[str | None], child: Sequence[str | None], overrides) -> bool:
    """True for a child row of level numbers ("1 | 2 | 3") every one under a merged span naming the level
    ("JENJANG"), two at least: sub-columns ticked per level. A column-number row has numbers under
    every column, not only under the level's span."""
    spans = _merged_spans(parent)
    filled = _forward_fill(parent, len(child))
    digits = 0
    for j, c in enumerate(child):
        if not c:
            continue
        if not (_LEVEL_DIGIT.fullmatch(c.strip()) and j in spans
                and headers.canonical_column(filled[j], overrides) == headers.JENJANG):
            return False
        digits += 1
    return digits >= 2


def _merged_spans(parent: Sequence[str | None]) -> set[int]:
    # Columns of a merged parent cell: the text cell and the blanks right of it, but
    # only when there is at least one such blank (a lone cell is not a span).
    spans: set[int] = set()
    j = 0
    while j < len(parent):
        if parent[j]:
            end = j + 1
            while end < len(parent) and not parent[end]:
                end += 1
            if end > j + 1:
                spans.update(range(j, end))
            j = end
        else:
            j += 1
    return spans


def _parent_above(parent: Sequence[str | None], child: Sequence[str | None], single: _Resolution, overrides):
    """The pair (row above, header row) when the row above is a parent row that adds columns."""
    cells = [c for c in parent if c]
    if not cells or not all(_header_like(c) for c in cells):
        return None
    # One text over the whole header ("HASIL UJI KOMPETENSI" merged across the sheet) is a title,
    # though its words name a column: a group header spans some columns, not all of them.
    filled = [j for j, c in enumerate(child) if c]
    if len(cells) == 1 and len(filled) >= 3 and next(j for j, c in enumerate(parent) if c) <= filled[0]:
        return None
    pair = _resolve(parent, child, overrides)
    # A title row above ("DAFTAR PESERTA ... TAHUN 2025") never adds a canonical column,
    # a real parent row does ("Sertifikat" over "Nomor", or "Jenjang" merged over two rows).
    if not (pair.columns.keys() - single.columns.keys()):
        return None
    return pair


def _deeper(rows, upper: _Resolution, first: int, last: int, overrides) -> Header:
    """The two-row header on rows ``first``-``last``, with a third row below it when that row
    splits merged cells of the second again ("Uji Kompetensi" over "Sertifikat" over "Nomor | Hasil").

    The third row's cells are read with the second row's span above them as parent; every other
    column keeps what the two rows above say. Strict like :func:`_child_like`: every cell of the
    third row is a word under a merged span of the second, and one of them names a column or
    they are tick columns ("K | BK").
    """
    if last + 1 >= len(rows):
        return upper.header(first, last)
    middle, below = rows[last], rows[last + 1]
    cells = {j: c for j, c in enumerate(below) if c}
    spans = _merged_spans(middle)
    if (not cells or not all(_header_like(c) for c in cells.values()) or _column_numbers(list(cells.values()))
            or not all(j in spans for j in cells)):
        return upper.header(first, last)
    # Only the spans over the third row's cells are its parents.
    covered: set[int] = set()
    for j in cells:
        start = j
        while start > 0 and not middle[start]:
            start -= 1
        end = start + 1
        while end < len(middle) and not middle[end]:
            end += 1
        covered.update(range(start, end))
    parent = [text if j in covered else None for j, text in enumerate(middle)]
    lower = _resolve(parent, below, overrides)
    if not lower.via_child and not lower.marks:
        return upper.header(first, last)
    at = {c: j for c, j in upper.columns.items() if j not in cells}
    for c, j in lower.columns.items():
        if j in cells and c not in at:
            at[c] = j
    order = sorted(at, key=at.get)  # file order
    texts = {c: (lower.texts[c] if at[c] in cells else upper.texts[c]) for c in order}
    marks = {c: m for c, m in upper.marks.items() if c in at and not set(m.values()) & cells.keys()}
    marks.update({c: m for c, m in lower.marks.items() if c in at and set(m.values()) <= cells.keys()})
    weak = frozenset(c for c in order if (c in lower.weak if at[c] in cells else c in upper.weak))
    notes = upper.notes + [n for n in lower.notes if n.startswith(tuple(f"column {j + 1} " for j in cells))]
    # Result columns of both rows that were not kept stay alternatives.
    alternatives = [a for a in upper.alternatives if not _choice_columns(a[0]) & cells.keys()]
    alternatives += [a for a in lower.alternatives if _choice_columns(a[0]) <= cells.keys()]
    for side, inside in ((upper, False), (lower, True)):
        j = side.columns.get(headers.HASIL)
        if j is not None and (j in cells) == inside and at.get(headers.HASIL) != j:
            alternatives.append((side.marks.get(headers.HASIL, j), headers.HASIL in side.weak, side.texts[headers.HASIL]))
    merged = _Resolution({c: at[c] for c in order}, texts, upper.mapped_cells, upper.via_child, notes, marks, weak,
                         upper.blocks, alternatives=tuple(alternatives))
    return merged.header(first, last + 1)


def _choice_columns(choice: int | str | dict[str, int]) -> set[int]:
    """The 0-based columns of one result column or of one group of tick columns ("ticks": none here)."""
    return set(choice.values()) if isinstance(choice, dict) else {choice} if isinstance(choice, int) else set()


def find_header(
    rows: Sequence[Sequence[str | None]],
    overrides: Mapping[str, str] | None = None,
    header_row: int | None = None,
    scan_rows: int = SCAN_ROWS,
    row_number: Callable[[int], int] | None = None,
) -> Header:
    """Locate the header in ``rows`` (text cells, None for empty) and map its columns.

    ``header_row`` is the 0-based index of the last header row when the registry
    fixes it; otherwise the first of the first ``scan_rows`` rows where at least
    two cells map to canonical columns, one of them a name or NIK column, is the
    header. A two-row header (merged parent cells over child cells) is
    recognised whether the parent or the child row is the one that qualifies.
    ``row_number`` turns an index into the number a person sees, for messages.
    Raises :class:`HeaderNotFound` with a sheet-level reason.
    """
    if header_row is not None:
        shown = row_number(header_row) if row_number and header_row < len(rows) else header_row + 1
        if header_row >= len(rows):
            raise HeaderNotFound(f"header row {shown} set in the registry is below the last row")
        single = _resolve(None, rows[header_row], overrides)
        best, first = single, header_row
        if header_row > 0:
            pair = _parent_above(rows[header_row - 1], rows[header_row], single, overrides)
            if pair is not None:
                best, first = pair, header_row - 1
        if not _REQUIRED & best.columns.keys():
            found = ", ".join(repr(c) for c in rows[header_row] if c) or "nothing"
            raise HeaderNotFound(
                f"header row {shown} set in the registry has no name or NIK column (found {found})"
            )
        return best.header(first, header_row)

    summary = None
    for i in range(min(scan_rows, len(rows))):
        single = _resolve(None, rows[i], overrides)
        if not _qualifies(single):
            continue
        counted = _count_column(rows[i], single)
        if counted is not None:
            summary = summary or (f"row {row_number(i) if row_number else i + 1} heads a summary (a count under "
                                  f"{counted!r}, no NIK), not a list of participants")
            continue
        if i + 1 < len(rows):
            pair = _child_like(rows[i], rows[i + 1], overrides)
            if pair is not None:
                return _deeper(rows, pair, i, i + 1, overrides)
        if i > 0:
            pair = _parent_above(rows[i - 1], rows[i], single, overrides)
            if pair is not None:
                return _deeper(rows, pair, i - 1, i, overrides)
        return single.header(i, i)
    if summary is not None:
        raise HeaderNotFound(summary)
    # A sheet shorter than the window was looked at whole; the message keeps the usual 30 for it.
    looked = min(scan_rows, max(SCAN_ROWS, len(rows)))
    raise HeaderNotFound(f"no header row with a name or NIK column in the first {looked} rows")


# Headers of a count in a summary or pivot table ("Jumlah", "Count of NIK", "Jumlah dari Nama").
_COUNT_HEADERS = frozenset({"jumlah", "jml", "total", "count", "banyaknya", "frekuensi", "jumlah peserta",
                            "jumlah orang", "jumlah sertifikat", "jumlah tenaga kerja", "grand total",
                            "total keseluruhan", "row labels", "label baris"})
_COUNT_PREFIXES = ("count of ", "sum of ", "jumlah dari ", "hitungan dari ")


def _count_column(row: Sequence[str | None], resolution: _Resolution) -> str | None:
    """The header text of a count column in a header row without a NIK column: a summary sheet
    (names or occupations with how many), whose rows are no participants. None otherwise."""
    if headers.NIK in resolution.columns:
        return None
    mapped = set(resolution.columns.values())
    for j, cell in enumerate(row):
        if cell and j not in mapped:
            key = headers.normalize_header(cell)
            if key in _COUNT_HEADERS or key.startswith(_COUNT_PREFIXES):
                return cell
    return None


# --- row classification -----------------------------------------------------------------------

# Signature blocks: "Mengetahui,", "Kepala Dinas PUPR ...", "NIP. 19700101 ...", "a.n. Kepala Dinas", "Plt. ...".
_FOOTER = re.compile(
    r"\bmengetahui\b|\bmenyetujui\b|\bkepala\s+dinas\b|\bkepala\s+bidang\b|\bkepala\s+balai\b"
    r"|\bditetapkan\s+di\b|\bdibuat\s+oleh\b|\bdisusun\s+oleh\b"
    r"|\bnip\b\s*[.:]|\bnip\s+\d|(?<![a-z])a\.\s?n\.|\bplt\.|\bplh\.",
    re.IGNORECASE,
)
# A note alone on its row under the list: "Keterangan : K = Kompeten", "Catatan:", "Sumber: SIKI
# LPJK", "*) peserta susulan", "ttd".
_NOTE_LINE = re.compile(r"\s*(?:(?:keterangan|ket|catatan|sumber|nb|note)\s*:|\*+\s*\)|ttd\.?\s*$)", re.IGNORECASE)
# A printed page's furniture that a PDF converter keeps among the rows: the page number ("Halaman
# 2 dari 5", "Hal. 2/5", "Page 2 of 5", "- 2 -"), the line heading the next page ("Lanjutan",
# "Lanjutan Lampiran Keputusan ...", "(bersambung)") and a decree annex's reference lines under it
# ("Nomor : 600/123/2025", "Tanggal : 12 Agustus 2025"). None is a participant or ends the list.
_PAGE_LINE = re.compile(
    r"\s*(?:(?:halaman|hal|page|pg)\.?\s*:?\s*\d{1,4}(?:\s*(?:dari|dr\.?|/|of|from)\s*\d{1,4})?"
    r"|-\s*\d{1,4}\s*-|\(?\s*(?:lanjutan|bersambung)\b.*|(?:nomor|tanggal|tentang)\s*:.*)\s*",
    re.IGNORECASE | re.DOTALL,
)
# A browser's print margins, on every page of a web page printed to PDF (Chrome's default header
# and footer): the date and time with the page's title on top, the page's address and "1/3" at
# the bottom. At most two cells: a row of a list has more.
_PRINT_MARGIN = re.compile(
    r"\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+\S.*)?"
    r"|(?:https?://|www\.)\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})\s*",
    re.IGNORECASE | re.DOTALL,
)
_TOTAL = re.compile(r"\s*(?:jumlah|total|sub\s*-?\s*(?:total|jumlah)|grand\s+total)\b", re.IGNORECASE)
# A count as a totals row writes it: "25", "1.250", "25 orang", "25 peserta"; with its unit it
# is never a NIK, whichever column it lands in.
_COUNT = re.compile(r"^\s*\d[\d.,]*\s*(?:orang|org|peserta|pekerja|people|persons?)?\s*$", re.IGNORECASE)
_COUNT_WITH_UNIT = re.compile(r"^\s*\d[\d.,]*\s*(?:orang|org|peserta|pekerja|people|persons?)\s*$", re.IGNORECASE)
_TOTAL_CELL = re.compile(r"(?:^|\x1f)\s*(?:jumlah|total|sub\s*-?\s*(?:total|jumlah)|grand\s+total)\b", re.IGNORECASE)
# The place-and-date line that opens a signature block: "Sangatta, 15 Desember 2025".
_PLACE_DATE = re.compile(
    r"[^\W\d_][\w .'-]{1,40},\s*(?:\d{1,2}\s+)?(?:januari|februari|maret|april|mei|juni|juli|agustus|september"
    r"|oktober|nopember|november|desember)\s+\d{4}",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# A column's number or letter under a printed header: "1", "(2)", "3.", "a", "(b)", and a
# column computed from others with its formula: "9 = 7 x 8", "(5)=(3)+(4)".
_COLUMN_NUMBER = re.compile(r"\(?\s*(\d{1,3}|[a-z])\s*\)?\.?(?:\s*=\s*[\d()\s+x*×/:.-]+)?", re.IGNORECASE)


def _column_numbers(cells: list[str]) -> bool:
    """True for the numbering row under a printed header: "1 | 2 | 3 ...", "(1) | (2) | (3)",
    "a | b | c", each one more than the one before."""
    if len(cells) < 3:
        return False
    numbers = []
    for cell in cells:
        match = _COLUMN_NUMBER.fullmatch(cell)
        if match is None:
            return False
        label = match.group(1)
        numbers.append(int(label) if label.isdigit() else 1000 + ord(label.casefold()))
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


Merges = Sequence[tuple[tuple[int, int], tuple[int, int]]]  # ((first row, first column), (last row, last column))


def fill_merged_data(rows: list[list], merged: Merges | None, first_data_row: int) -> None:
    """Give every cell of a merge reaching down below the header its first cell's value, in place.

    Below the header, a cell merged down a group of rows (a person's name and NIK over the
    rows of their certificates, the batch, the jabatan kerja or the result shared by several
    participants) holds a value for every row a person sees it beside; spreadsheets and
    HTML tables give it only in the first cell. Merges within one row (a "JUMLAH" or a
    section title across No..NIK) are left alone: copying them would turn titles into
    participant rows.
    """
    for (r0, c0), (r1, c1) in merged or ():
        if r1 == r0:
            continue
        if r0 < first_data_row:
            continue  # a header merge reaching into the data is layout, not a value
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = value


def read_sheet(
    sheet: str,
    rows: Sequence[Sequence[object]],
    render: Render,
    row_number: Callable[[int], int],
    overrides: Mapping[str, str] | None = None,
    merged: Merges | None = None,
) -> list[TableRows | SheetReport]:
    """One sheet's tables (one, or several side by side: :func:`extract_tables`) through header
    detection and the row rules, or a report saying why none were read (its top lines kept as
    the title: they still say whose file it is).
    ``merged``: the sheet's merged cells (see :func:`fill_merged_data`)."""
    head = [[render(cell) for cell in row] for row in rows[: DEEP_SCAN_ROWS + 1]]
    try:
        header = find_header(head, overrides, row_number=row_number, scan_rows=DEEP_SCAN_ROWS)
    except HeaderNotFound as reason:
        return [SheetReport(sheet, None, {}, 0, {}, note=str(reason), title=leading_text(head, lambda v: v))]
    if merged:
        rows = [list(row) for row in rows]
        fill_merged_data(rows, merged, header.last_row + 1)
    return list(extract_tables(rows, header, render, row_number, sheet=sheet, overrides=overrides))


def extract_rows(
    rows: Sequence[Sequence[object]],
    header: Header,
    render: Render,
    row_number: Callable[[int], int],
    sheet: str = "",
    overrides: Mapping[str, str] | None = None,
    render_column: Callable[[list], list[str | None]] | None = None,
) -> TableRows:
    """Classify every row below ``header`` and collect the participant rows column-wise.

    ``render`` turns one raw cell into text or None; ``render_column`` (optional,
    for speed) does the same for a whole column; ``row_number`` turns a 0-based
    index into the number a person sees. Skipped rows are counted by reason:
    blank, total, footer (signature block and everything below it),
    column_numbers ("1 | 2 | 3" under the header) and header_repeat (the header
    printed again further down).
    """
    if header.blocks or header.groups:
        # One table for callers that take one: the side-by-side ones below each other.
        tables = extract_tables(rows, header, render, row_number, sheet, overrides, render_column)
        stacked = tables[0]
        for part in tables[1:]:
            stacked = _stacked(stacked, part, part.report.note.split("; ")[0])
        return stacked
    table: TableRows | None = None
    for number in range(1, MAX_TABLES + 1):  # one table after another down the sheet, each under its own header
        part, below = _extract_table(rows, header, render, row_number, sheet, overrides, render_column)
        table = part if table is None else _stacked(table, part)
        if below is None:
            return table
        resolution, at, height = below
        start = header.last_row + 1
        header = resolution.header(start + at, start + at + height - 1)
    # Each table renders the rest of the sheet: a sheet of thousands of headers is hostile, not a report.
    rest = len(rows) - header.first_row
    table.report.skipped["beyond_table_limit"] = rest
    table.report.note = "; ".join(filter(None, [table.report.note, f"more than {MAX_TABLES} tables in the sheet: "
                                                f"the {rest} rows from row {row_number(header.first_row)} on not read"]))
    return table


MAX_TABLES = 100  # tables with their own header read from one sheet


MAX_SIDE_TABLES = 20  # tables side by side read from one sheet
SIDE_OFFSET = 10  # rows below the first table's header where a table to its right may have its own


def extract_tables(
    rows: Sequence[Sequence[object]],
    header: Header,
    render: Render,
    row_number: Callable[[int], int],
    sheet: str = "",
    overrides: Mapping[str, str] | None = None,
    render_column: Callable[[list], list[str | None]] | None = None,
) -> list[TableRows]:
    """:func:`extract_rows` for each table set side by side: under ``header`` (:attr:`Header.blocks`),
    or to the right of it with a header of its own a few rows lower or higher.

    Each is read on its own columns as a sheet of its own would be. The first keeps the sheet's
    name; the others are named for their columns ("Peserta [J:Q]"), so that every participant
    row keeps an address of its own (sheet and row) and no two rows share one.
    """
    parts: list[tuple[int, int | None, Header]] = []
    # Each table copies the sheet's rows: a header of hundreds of name and NIK pairs is hostile.
    for start, end in header.blocks[:MAX_SIDE_TABLES] or [(0, None)]:
        if not header.blocks:
            parts.append((0, None, header))
            continue
        head = [[render(cell) for cell in _part(row, start, end)]
                for row in rows[header.first_row: header.last_row + 1]]
        resolution = _resolve(head[0] if len(head) > 1 else None, head[-1], overrides)
        if _REQUIRED & resolution.columns.keys():
            resolution.blocks = ()
            parts.append((start, end, resolution.header(header.first_row, header.last_row)))
    beyond = len(header.blocks) - MAX_SIDE_TABLES
    while len(parts) < MAX_SIDE_TABLES:
        start, _, last = parts[-1]
        found = _header_to_the_right(rows, last, render, overrides)
        if found is None:
            break
        at, right = found
        parts[-1] = (start, at, last)
        parts.append((at, None, right))
    if len(parts) == 1 and parts[0][:2] == (0, None):
        tables = [extract_rows(rows, replace(header, groups=()), render, row_number, sheet, overrides, render_column)]
        # Each group reads the sheet's rows again: hundreds of groups are hostile, not certificates.
        for label, group in header.groups[:MAX_SIDE_TABLES]:
            tables.append(_group_table(rows, header, label, group, render, row_number, sheet, overrides,
                                       render_column))
        if len(header.groups) > MAX_SIDE_TABLES:
            tables[-1].report.note += (f"; more than {MAX_SIDE_TABLES} further certificates per row: the "
                                       f"{len(header.groups) - MAX_SIDE_TABLES} groups further right not read")
        return tables
    title = title_text(rows[: header.first_row], render)
    tables = []
    for start, end, block in parts:
        # The columns left of the block stay as blanks, so column numbers in notes are the sheet's.
        part_rows = [_part(row, start, end) for row in rows]
        last = column_letters((end if end is not None else max(map(len, rows))) - 1)
        # A CSV's or JSON page's one "sheet" is "": the table beside it is "[H:M]".
        name = sheet if not tables else f"{sheet} [{column_letters(start)}:{last}]".lstrip()
        part = extract_rows(part_rows, block, render, row_number, name, overrides, render_column)
        # The sheet's title rows speak for every table in it, also where they sit above another one.
        part.report.title = title
        _batch_above(part, rows[: block.first_row], start, end, render)
        if tables:
            part.report.note = "; ".join(filter(None, [f"a table beside the one in sheet {sheet!r}, in columns "
                                                       f"{column_letters(start)} to {last}", part.report.note]))
        tables.append(part)
    if beyond > 0:
        tables[-1].report.note = "; ".join(filter(None, [tables[-1].report.note, f"more than {MAX_SIDE_TABLES} "
                                                         f"tables side by side: the {beyond} further right not read"]))
    return tables


def _batch_above(table: TableRows, above, start: int, end: int | None, render: Render) -> None:
    """Give the rows of one of the tables side by side the batch its own title names ("TAHAP I"
    over the left table, "TAHAP II" over the right one), where they have no program of their own:
    the one thing that tells the two tables apart. Only a batch label counts (:func:`_section`)."""
    label = None
    for row in above[-TITLE_ROWS:]:
        for cell in row[start:end]:
            text = render(cell)
            found = _section([text]) if text else None
            if found is not None and found[0] == headers.PROGRAM:
                label = found[1]
    if label is None or not table.source_rows:
        return
    cells = table.columns.setdefault(headers.PROGRAM, [None] * len(table.source_rows))
    table.columns[headers.PROGRAM] = [label if cell is None else cell for cell in cells]


def _group_table(rows, header: Header, label: str, group: dict[str, int], render, row_number, sheet, overrides,
                 render_column) -> TableRows:
    """The rows of one further group of certificate columns: the person's columns with the group's,
    in sheet "<sheet> [<label>]" (each certificate keeps an address of its own); rows whose group
    is empty are left out."""
    columns = {c: j for c, j in header.columns.items() if c not in _CERTIFICATE_COLUMNS}
    columns.update(group)
    texts = {c: header.texts.get(c, label) for c in columns}
    for c, j in group.items():
        pieces = [text for row in rows[header.first_row: header.last_row + 1] if j < len(row)
                  for text in [render(row[j])] if text]
        texts[c] = " / ".join(pieces if label in pieces else [label, *pieces])
    part_header = replace(header, columns=dict(sorted(columns.items(), key=lambda item: item[1])), texts=texts,
                          notes=[], marks={}, weak=frozenset(), blocks=(), groups=(), alternatives=())
    table = extract_rows(rows, part_header, render, row_number, f"{sheet} [{label}]".lstrip(), overrides,
                         render_column)
    wanted = [k for k in range(len(table.source_rows)) if any(table.columns[c][k] is not None for c in group)]
    dropped = len(table.source_rows) - len(wanted)
    if dropped:
        table.columns = {c: [cells[k] for k in wanted] for c, cells in table.columns.items()}
        table.source_rows = [table.source_rows[k] for k in wanted]
        table.report.rows = len(wanted)
        table.report.skipped["no_further_certificate"] = dropped
    table.report.note = "; ".join(filter(None, [f"a further certificate of each person in columns "
                                                f"{', '.join(column_letters(j) for j in sorted(group.values()))}",
                                                table.report.note]))
    return table


def _part(row: Sequence[object], start: int, end: int | None) -> list:
    """``row`` with only the cells of columns ``start`` to ``end`` (exclusive), the ones left of it blank."""
    return [None] * start + list(row[start:end])


def _header_to_the_right(rows, header: Header, render: Render, overrides) -> tuple[int, Header] | None:
    """(first column, header) of a table right of ``header``'s columns whose header is within
    ``SIDE_OFFSET`` rows of it (Tahap II beside Tahap I under a title of two lines), or None."""
    head = [[render(cell) for cell in row] for row in rows[header.first_row: header.last_row + 1]]
    # The header ends at its last mapped column and the filled header cells right after it; a
    # title standing further right on the same row ("TAHAP II") belongs to the table beside.
    cut = 1 + max(header.columns.values())
    while any(cut < len(row) and row[cut] for row in head):
        cut += 1
    region = [[None] * cut + [render(cell) for cell in row[cut:]]
              for row in rows[: header.last_row + 1 + SIDE_OFFSET]]
    if not any(cell for row in region for cell in row[cut:]):
        return None
    try:
        right = find_header(region, overrides, scan_rows=len(region))
    except HeaderNotFound:
        return None
    if right.last_row < header.first_row - SIDE_OFFSET:
        return None
    # Its first header cell, mapped or not ("No"), is where it starts.
    at = min(j for row in region[right.first_row: right.last_row + 1] for j, cell in enumerate(row) if cell)
    return at, right


def column_letters(index: int) -> str:
    """The spreadsheet letters of the 0-based column ``index``: 0 -> "A", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _extract_table(rows, header: Header, render: Render, row_number, sheet, overrides, render_column):
    """:func:`extract_rows` for the one table under ``header``, and where the next one's header is, if any."""
    canonicals = list(header.columns)
    start = header.last_row + 1
    data = rows[start:]
    if render_column is None:
        render_column = lambda column: [render(v) for v in column]  # noqa: E731
    rendered = _render_mapped_columns(data, [header.columns[c] for c in canonicals], render_column)
    sections: list[tuple[int, str | None, str]] = []
    keep, skipped, below = _classify_rows(data, rendered, canonicals, render, overrides, header.columns, sections)
    if len(keep) == len(rendered[0]):
        columns = rendered
    else:
        columns = [[column[i] for i in keep] for column in rendered]
    source_rows = [row_number(start + i) for i in keep]
    report = _sheet_report(rows, header, render, row_number, sheet, skipped, len(source_rows))
    values = dict(zip(canonicals, columns))
    for canonical, by_value in header.marks.items():
        marked = _render_mapped_columns([data[i] for i in keep], list(by_value.values()), render_column)
        values[canonical] = _marked_values(list(by_value), marked)
    weak_result = headers.HASIL in header.weak
    if header.alternatives and headers.HASIL in values and keep:
        weak_result = _result_column(values, header, [data[i] for i in keep], render_column, report)
    if (headers.JABATAN_KERJA in values and headers.JENJANG not in values
            and headers.jabatan_with_level(header.texts.get(headers.JABATAN_KERJA), overrides)):
        # one cell holds the jabatan kerja and its level ("Operator Excavator / 3"): the level is read from it
        values[headers.JENJANG] = list(values[headers.JABATAN_KERJA])
    if headers.NAMA in values and headers.NIK not in values:
        values[headers.NAMA], nik = _niks_in_names(values[headers.NAMA])
        if any(nik):
            values[headers.NIK] = nik
    split = _span_right(rows, header, render)
    if split:
        parts = _render_mapped_columns([data[i] for i in keep], split, render_column)
        values[headers.NIK] = _joined_digits(values[headers.NIK], parts)
    split = _span_right(rows, header, render, headers.NAMA, bounded=MAX_NAME_PIECES)
    if split:
        parts = _render_mapped_columns([data[i] for i in keep], split, render_column)
        values[headers.NAMA] = _joined_names(values[headers.NAMA], parts)
    numbering = _numbering_column(rows, header, render)

    def number_of(i: int) -> str | None:
        return render(data[i][numbering]) if numbering is not None and numbering < len(data[i]) else None

    wrapped = _wrapped_rows(values, keep, number_of) if numbering is not None else []
    if wrapped:
        dropped = set(wrapped)
        values = {c: [v for k, v in enumerate(cells) if k not in dropped] for c, cells in values.items()}
        keep = [i for k, i in enumerate(keep) if k not in dropped]
        source_rows = [n for k, n in enumerate(source_rows) if k not in dropped]
        report.rows = len(source_rows)
        report.skipped["wrapped_text"] = len(wrapped)
    if numbering is not None:
        headings, heading_sections = _group_headings(values, keep, number_of)
        if headings:
            values = {c: [v for k, v in enumerate(cells) if k not in headings] for c, cells in values.items()}
            keep = [i for k, i in enumerate(keep) if k not in headings]
            source_rows = [n for k, n in enumerate(source_rows) if k not in headings]
            report.rows = len(source_rows)
            report.skipped["section"] = report.skipped.get("section", 0) + len(headings)
            sections = sections + heading_sections
    _carry_sections(values, keep, _section_above(rows, header, render) + sections)
    continued = _fill_from_above(values, keep, number_of)
    if continued:
        report.note = "; ".join(filter(None, [report.note, f"{continued} rows without their own name and NIK "
                                              "(blank or ditto) read as the next certificate of the person above"]))
    if not weak_result and headers.HASIL in values and headers.HASIL not in header.marks:
        values[headers.HASIL], ticked = _ticked_results(values[headers.HASIL])
        if ticked:
            report.note = "; ".join(filter(None, [report.note, f"column {header.texts.get(headers.HASIL)!r} marks "
                                                  f"results with ticks: {ticked} ticks read as Kompeten, blanks "
                                                  "as no result"]))
    if weak_result and only_numbers(values[headers.HASIL]):
        # A plain Keterangan or Status column of numbers is a tally or a status code (attendance
        # ticks "1", a record status), never an assessment result.
        values[headers.HASIL] = [None] * len(source_rows)
        report.note = "; ".join(filter(None, [report.note, f"column {header.texts[headers.HASIL]!r} holds only "
                                              "numbers: no assessment result read from it"]))
    return TableRows(values, source_rows, report), below


# Check marks a clerk puts in a result column to say "passed" ("v" is the keyboard's check, "\u00fc"
# is Wingdings' check mark seen as text). A "1", "Ya" or "*" is no check: "1" reads as a result
# already (parse_hasil) and the others say nothing of the assessment on their own.
_CHECKS = frozenset({"v", "\u221a", "\u2713", "\u2714", "\u2611", "\u00fc"})


def _ticked_results(cells: list[str | None]) -> tuple[list[str | None], int]:
    """A result column named outright ("HASIL", "Hasil Uji", "Rekomendasi") where the clerk ticked
    those who passed instead of writing "Kompeten": each tick read as Kompeten, and the number of
    ticks read.

    BNSP's assessment forms ask the assessor to put a check in the K column for Kompeten (FR.MAK-02,
    https://pdfcoffee.com/10-form-frmak-02-pdf-free.html); a clerk who keeps one result column does
    the same in it. Only where no cell of the column writes Kompeten out: a tick beside written
    "Kompeten" cells is something else (a document check, a note). A cross beside ticks is the
    other value (Belum Kompeten); a blank or "-" stays no result, so an unticked row is never
    counted certified (not assessed and not yet competent look the same there).
    """
    keys = [cell.strip().casefold() if cell is not None else "" for cell in cells]
    ticks = sum(key in _CHECKS for key in keys)
    if not ticks or any(parse_hasil(cell) == "Kompeten" for cell, key in zip(cells, keys)
                        if cell is not None and key not in _CHECKS):
        return cells, 0
    out = []
    for cell, key in zip(cells, keys):
        out.append("Kompeten" if key in _CHECKS else "Belum Kompeten" if key in _CROSSES else cell)
    return out, ticks


def results_read(cells: list[str | None], weak: bool) -> int:
    """How many of ``cells`` read as an assessment result, or say there is none ("Tidak Hadir",
    "Susulan"): what a result column holds, to choose between columns that name the result (any
    reader's). Numbers under a weak header are a tally (:func:`only_numbers`)."""
    if weak and only_numbers(cells):
        return 0
    counts: dict[str, int] = {}
    for cell in cells:
        if cell is not None:
            counts[cell] = counts.get(cell, 0) + 1
    return sum(n for cell, n in counts.items() if parse_hasil(cell) is not None or hasil_not_assessed(cell))


def _result_column(values: dict[str, list[str | None]], header: Header, data, render_column, report: SheetReport) -> bool:
    """Read the result from the column, of those naming it, whose cells read as results, in place;
    whether the column read is weak.

    A weak column ("STATUS": Karyawan / Fresh Graduate) gives way to one that holds results
    ("KETERANGAN": K / BK); the column the header chose stays unless another reads more results,
    and a weak one replaces a column named outright only when that one reads none (its results
    not filled in yet). Tick columns count with the values their ticks give.
    """
    kept_weak = headers.HASIL in header.weak
    retests = [(choice, text) for choice, weak, text in header.alternatives
               if isinstance(choice, int) and not weak and _RETEST.search(text)]
    for choice, text in retests:
        # A retest's column ("HASIL UJI II (REMEDIAL)", "Hasil Uji Ulang"): the same certificate assessed
        # again, so where it holds a result that result is the row's, else the first column's stands.
        retest = _render_mapped_columns(data, [choice], render_column)[0]
        values[headers.HASIL] = [again if parse_hasil(again) is not None else first
                                 for first, again in zip(values[headers.HASIL], retest)]
        report.note = "; ".join(filter(None, [report.note, f"a result in {text!r} (a retest) replaces the row's "
                                              f"{header.texts[headers.HASIL]!r}"]))
    retested = {choice for choice, _ in retests}
    kept_read = results_read(values[headers.HASIL], kept_weak)
    best, rank = None, (kept_read > 0 and not kept_weak, kept_read)
    for choice, weak, text in header.alternatives:
        if isinstance(choice, int) and choice in retested:
            continue
        if isinstance(choice, dict):
            marked = _render_mapped_columns(data, list(choice.values()), render_column)
            cells = _marked_values(list(choice), marked)
        else:
            cells = _render_mapped_columns(data, [choice], render_column)[0]
        read = results_read(cells, weak)
        if (read > 0 and not weak, read) > rank:
            best, rank = (cells, weak, text), (read > 0 and not weak, read)
    if best is None:
        _results_beside(values, header, data, render_column, report, header.texts[headers.HASIL], retested)
        return kept_weak
    report.note = "; ".join(filter(None, [report.note, f"column {header.texts[headers.HASIL]!r} reads {kept_read} "
                                          f"results, {best[2]!r} {rank[1]}: the result is read from {best[2]!r}"]))
    kept = values[headers.HASIL]
    report.columns[headers.HASIL] = best[2]
    values[headers.HASIL] = best[0]
    _results_beside(values, header, data, render_column, report, best[2], retested,
                    [(kept, header.texts[headers.HASIL])])
    return best[1]


def _results_beside(values: dict[str, list[str | None]], header: Header, data, render_column, report: SheetReport,
                    chosen: str, retested: set[int], others: list[tuple[list[str | None], str]] | None = None) -> None:
    """Where the result column chosen is blank, the result another column naming it writes on that row.

    A clerk fills HASIL UJI and, for a late or make-up participant, writes the result in KETERANGAN
    instead ("Kompeten (uji susulan)"): that row's result is there. Only a cell that reads as a result
    counts; a remark or an absence beside a blank result says nothing more than the blank.
    """
    columns = list(others or [])
    for choice, _, text in header.alternatives:
        if isinstance(choice, int) and choice not in retested and text != chosen:
            columns.append((_render_mapped_columns(data, [choice], render_column)[0], text))
    cells = values[headers.HASIL]
    taken = 0
    for other, text in columns:
        # A column whose results disagree with the chosen one's on some row says something else
        # ("STATUS": "Lulus tahun 2020", the school; a first attempt's BK beside the final K).
        if any(parse_hasil(mine) != parse_hasil(theirs) for mine, theirs in zip(cells, other)
               if mine is not None and theirs is not None and parse_hasil(mine) and parse_hasil(theirs)):
            continue
        for k, (mine, theirs) in enumerate(zip(cells, other)):
            if mine is None and theirs is not None and parse_hasil(theirs) is not None:
                cells[k] = theirs
                taken += 1
    if taken:
        report.note = "; ".join(filter(None, [report.note, f"{taken} rows without a result in {chosen!r} read the "
                                              "one written beside it"]))


_NIK_LIKE = re.compile(r"'?\s*\d[\d .]{13,20}\d|\d\.\d{5,14}e\+15", re.IGNORECASE)
# A result column of a second attempt at the same assessment: "Uji Ulang", "Remedial", "Re-asesmen".
_RETEST = re.compile(r"(?<![^\W\d_])(?:ulang|remedial|remidi|re-?asesmen|re-?assessment|re-?test|retake|perbaikan)"
                     r"(?![^\W\d_])", re.IGNORECASE)


def continues(head: Sequence[Sequence[str | None]], header: Header) -> bool:
    """True when the rows of a sheet without a header (``head``, rendered) continue a list under
    ``header`` from another sheet: NIKs in its NIK column on most of its first filled rows, at
    least two (or on every one when there is only one), and a name beside each where it has one. Rows
    from a signature block on are not looked at."""
    nik_at, nama_at = header.columns.get(headers.NIK), header.columns.get(headers.NAMA)
    if nik_at is None:
        return False
    filled = []
    for row in head[:SCAN_ROWS]:
        cells = [c for c in row if c]
        if not cells:
            continue
        # The signature block under the last page's rows ("Sidoarjo, 12 Desember 2025", "Kepala
        # Bidang ...") ends the list: it is no row of it, whatever its length.
        if any(_FOOTER.search(c) or _PLACE_DATE.fullmatch(c.strip()) for c in cells):
            break
        filled.append(row)
    matches = 0
    for row in filled:
        nik = row[nik_at] if nik_at < len(row) else None
        name = row[nama_at] if nama_at is not None and nama_at < len(row) else None
        if nik and _NIK_LIKE.fullmatch(nik) and (nama_at is None or (name and _LETTER.search(name))):
            matches += 1
    if not filled:
        return False
    return matches >= min(2, len(filled)) and 2 * matches > len(filled)


MAX_NAME_PIECES = 3  # cells right of "Nama" under its merged header: middle and last names, a degree


def _span_right(
    rows, header: Header, render: Render, column: str = headers.NIK, bounded: int | None = None
) -> list[int]:
    """The columns right of ``column`` under its merged header cell: blank in every header row,
    up to the next header text (a NIK in a box per digit, a name in first and last name cells).
    ``bounded``: at most that many, and only when a header text closes them (a name's merged
    cell is followed by the next column's header; blanks to the end of the header are no span)."""
    at = header.columns.get(column)
    if at is None:
        return []
    head = [[render(cell) for cell in row] for row in rows[header.first_row: header.last_row + 1]]
    width = max((len(row) for row in head), default=0)
    mapped = set(header.columns.values())
    span = []
    for j in range(at + 1, width):
        if j in mapped or any(j < len(row) and row[j] for row in head):
            break
        span.append(j)
    else:
        if bounded is not None:
            return []
    return span[:bounded] if bounded is None or len(span) <= bounded else []


# A piece of a name in a cell of its own: a first, middle or last name, a degree ("S.T."); never
# a one-letter code ("L", "v") or a number.
_NAME_PIECE = re.compile(r"[^\W\d_][^\W\d_.,'’ -]*(?:[.,'’ -]+[^\W\d_]+)*\.?")


def _joined_names(nama: list[str | None], parts: list[list[str | None]]) -> list[str | None]:
    """``nama`` with the name pieces written in the blank-headed cells under the merged "Nama"
    header joined by a space ("Dedi | Kurniawan"); a cell that is no name piece is left out."""
    out = list(nama)
    for k, pieces in enumerate(zip(*parts)):
        extra = [piece for piece in pieces if piece is not None and len(piece) >= 2 and _NAME_PIECE.fullmatch(piece)]
        if extra:
            out[k] = " ".join([out[k], *extra]) if out[k] is not None else " ".join(extra)
    return out


# A NIK written in the name's cell ("Budi Santoso / 6408011203850001", "Budi Santoso\nNIK. 6408
# 0112 0385 0001", "Budi Santoso (6408011203850001)"): 15 to 17 digits, spaces or dots between.
_NIK_IN_NAME = re.compile(r"[\s/,;(\[-]*(?:\b(?:nik|ktp|no\.?\s*ktp)\b\s*[.:]?\s*)?'?(\d(?:[ .]?\d){14,16})[)\]]?\s*",
                          re.IGNORECASE)


def _niks_in_names(nama: list[str | None]) -> tuple[list[str | None], list[str | None]]:
    """The names without the NIK written in their cell, and those NIKs (None where there is none):
    a table whose only identity column holds both ("Nama / NIK")."""
    names, niks = [], []
    for value in nama:
        match = _NIK_IN_NAME.search(value) if value is not None else None
        if match is None:
            names.append(value)
            niks.append(None)
            continue
        rest = (value[: match.start()] + " " + value[match.end():]).strip(" /,;-\n")
        names.append(" ".join(rest.split()) or None)
        niks.append(re.sub(r"[ .]", "", match.group(1)))
    return names, niks


_DIGIT_GROUPS = re.compile(r"(?<=\d)[ .](?=\d)")


def _joined_digits(nik: list[str | None], parts: list[list[str | None]]) -> list[str | None]:
    """``nik`` with each row's digits across the NIK's cells joined, where the row writes the NIK
    in pieces ("6 | 4 | 0 | 8 ..." or "6408 | 0112 | 0385 | 0001", or "6408 0112 | 0385 0001" as a
    converter cuts a NIK typed in groups): every piece digits (in groups), 14-18 in all."""
    out = list(nik)
    for k, pieces in enumerate(zip(nik, *parts)):
        if pieces[0] is not None and len(pieces[0]) >= 14:
            continue  # the whole NIK in its own cell; a number beside it is something else
        # A NIK typed in groups ("6408 0112 0385 0001") is cut by a PDF converter where the gap is
        # widest, so a piece may hold groups itself ("6408 0112 | 0385 0001").
        written = [_DIGIT_GROUPS.sub("", piece) for piece in pieces if piece is not None]
        if len(written) >= 2 and all(piece.isdigit() for piece in written) and 14 <= sum(map(len, written)) <= 18:
            out[k] = "".join(written)
    return out


# Columns that make a row a certificate of its own: a row without them continues the text above.
_CERTIFICATE_DATA = (headers.JENJANG, headers.NOMOR_SERTIFIKAT, headers.KUALIFIKASI)
# A line of a wrapped cell: a name's degree or second name, a date, the rest of an occupation.
_FRAGMENT = re.compile(r"[^:=*()\[\]]{1,40}")
MAX_WRAPPED_LINES = 3  # lines below a participant row joined to it
# A result cut after its first word ("Belum" over "Kompeten"): only then does a result below continue it.
_HALF_RESULT = frozenset({"belum", "blm", "blm.", "tidak", "tdk", "tdk."})


def _completes_nik(first: str, rest: str) -> bool:
    """True when ``rest`` is the end of a NIK whose beginning is ``first``: a NIK typed in groups in a
    narrow column wraps its last group onto a line of its own ("6408 0112 0385" over "0001")."""
    first, rest = _DIGIT_GROUPS.sub("", first), _DIGIT_GROUPS.sub("", rest)
    return first.isdigit() and rest.isdigit() and len(first) < 15 and 15 <= len(first) + len(rest) <= 17


def _wrapped_rows(
    values: dict[str, list[str | None]], keep: list[int], number_of: Callable[[int], str | None]
) -> list[int]:
    """Positions in ``keep`` of rows that continue the cells of the participant row above, after
    joining their text to it, in place: the lines of a wrapped cell put on rows of their own (a PDF
    converted to a sheet: "Samarinda," over "15-03-1970", "Belum" over "Kompeten").

    Such a row has no row number and no NIK of its own, right below a numbered row with a NIK;
    no level, kualifikasi or certificate number; a result only where the one above was cut
    ("Belum"); and a name, if any, other than the one above (the name's second line, "M.T.").
    A row with a level or a result is the next certificate or another participant instead.
    Or it is the second line of a cell holding the name over the NIK ("NAMA / NIK"): the NIK and
    no name, right below a numbered row with a name and no NIK; or the NIK's own last group(s),
    below a NIK too short without them.
    """
    nik = values.get(headers.NIK)
    if nik is None or len(keep) < 2:
        return []
    nama = values.get(headers.NAMA) or [None] * len(keep)
    certificate = [values[c] for c in _CERTIFICATE_DATA if c in values]
    hasil = values.get(headers.HASIL)
    joined: dict[int, int] = {}  # a wrapped row -> the participant row its text joined (also for a third line)
    for k in range(1, len(keep)):
        if keep[k - 1] != keep[k] - 1:
            continue
        above = joined.get(k - 1, k - 1)
        if number_of(keep[k]) is not None or number_of(keep[above]) is None:
            continue
        if nik[k] is None:
            if nik[above] is None:
                continue
        elif nik[above] is None:
            if nama[k] is not None or nama[above] is None:
                continue
        elif not _completes_nik(nik[above], nik[k]):
            continue
        if any(cells[k] is not None for cells in certificate):
            continue
        if hasil is not None and hasil[k] is not None and (hasil[above] or "").strip().casefold() not in _HALF_RESULT:
            continue
        if nama[k] is not None and (nama[k] == nama[above] or is_ditto(nama[k])):
            continue
        # A wrapped line is a short piece of text; a note ("Keterangan : K = Kompeten") is not.
        if any(cells[k] is not None and not _FRAGMENT.fullmatch(cells[k]) for cells in values.values()):
            continue
        if k - above > MAX_WRAPPED_LINES:
            continue
        for cells in values.values():
            if cells[k] is not None:
                cells[above] = cells[k] if cells[above] is None else f"{cells[above]} {cells[k]}"
        joined[k] = above
    return list(joined)


# What a group heading right above a table's header gives its first group: the columns a clerk
# groups participants by. A title's program or year line ("TAHUN ANGGARAN 2025", "Kegiatan: ...")
# is the list's, read from the title as before (fill_tahun), not a group's.
_FIRST_GROUP_COLUMNS = (headers.HASIL, headers.JENJANG, headers.JABATAN_KERJA)


def _section_above(rows, header: Header, render: Render) -> list[tuple[int, str | None, str]]:
    """The first group's section, when its heading stands right above the header instead of below it.

    A sheet of two tables, "A. PESERTA KOMPETEN" then "B. PESERTA BELUM KOMPETEN" each over its own
    header, or a sheet per occupation whose last title line is "JABATAN KERJA : TUKANG BATU", heads
    its first group above the header: the nearest filled row above it, when it is a section row
    (:func:`_section_values`). Given as sections at position -1 (before every row of the table).
    """
    for row in reversed(rows[: header.first_row]):
        cells = [text for text in (render(cell) for cell in row) if text is not None]
        if cells:
            return [(-1, column, value) for column, value in _section_values(cells)
                    if column in _FIRST_GROUP_COLUMNS]
    return []


# What a group heading written across the table's own columns gives the rows below it.
_GROUP_COLUMNS = (headers.JABATAN_KERJA, headers.JENJANG, headers.KUALIFIKASI)


def _group_headings(values: dict[str, list[str | None]], keep: list[int],
                    number_of: Callable[[int], str | None]) -> tuple[set[int], list[tuple[int, str | None, str]]]:
    """Rows that head a group in the table's own columns, and the sections they open.

    A clerk writes a group's occupation where the names go and its level where the levels go
    ("| TUKANG BATU | | 2 |"), then numbers the participants below with the level left blank:
    a row with no number of its own, no NIK, no result, no birth or sex, no certificate, a name
    cell and a level, qualification or occupation of its own, right above a numbered row that
    lacks one of these. Its name cell is the group's occupation (or what a labelled section says:
    "ANGKATAN II"), its other cells the group's. Not a participant.
    """
    n = len(keep)
    nama = values.get(headers.NAMA)
    if nama is None or n < 2:
        return set(), []
    blank = [None] * n
    others = [cells for column, cells in values.items()
              if column not in (headers.NAMA, *_GROUP_COLUMNS)]  # NIK, result, birth, certificate, ...
    headings: set[int] = set()
    sections: list[tuple[int, str | None, str]] = []
    for k in range(n - 1):
        if nama[k] is None or number_of(keep[k]) is not None or number_of(keep[k + 1]) is None:
            continue
        if any(cells[k] is not None for cells in others):
            continue
        own = {column: values[column][k] for column in _GROUP_COLUMNS
               if column in values and values[column][k] is not None}
        if not own or all(values.get(column, blank)[k + 1] is not None for column in own):
            continue
        headings.add(k)
        labelled = _section_values([nama[k]])
        opened = labelled if labelled else [(headers.JABATAN_KERJA, nama[k])]
        sections += [(keep[k], column, value) for column, value in opened if column not in own]
        sections += [(keep[k], column, value) for column, value in own.items()]
    return headings, sections


def _remark(text: str) -> bool:
    """True for a result cell that holds a remark ("SKK menyusul", "Peserta Lobar"): no result, and
    not the absence or the wait a result cell may state instead ("Tidak Hadir", "Uji ulang")."""
    return parse_hasil(text) is None and not hasil_not_assessed(text)


def _carry_sections(values: dict[str, list[str | None]], keep: list[int],
                    sections: list[tuple[int, str | None, str]]) -> None:
    """Give the rows below a section row its value ("Jabatan: Tukang Batu" -> jabatan_kerja) where
    their own cell is empty, up to the next section row naming the same column.

    A section's result ("B. PESERTA BELUM KOMPETEN") also replaces a remark in the result column
    (a Keterangan column read as the result: "SKK menyusul" under "A. PESERTA KOMPETEN" is a
    Kompeten's remark); a row's own result, absence or wait stands."""
    carried = sorted(section for section in sections if section[1] is not None)
    if not carried:
        return
    current: dict[str, str] = {}
    pending = iter(carried)
    section = next(pending, None)
    n = len(keep)
    for k, i in enumerate(keep):
        while section is not None and section[0] < i:
            current[section[1]] = section[2]
            section = next(pending, None)
        for column, value in current.items():
            cells = values.setdefault(column, [None] * n)
            if cells[k] is None or (column == headers.HASIL and _remark(cells[k])):
                cells[k] = value


# What clerks write for "same as above": ditto marks alone ('"', "''", "〃", ",,"), or the
# words idem, s.d.a. (sama dengan atas), dto, ditto, do, in any case and wrapped in any
# punctuation: "-idem-", "( idem )", "S.D.A", "Sda.", "-do-".
_SPACE = r"\s*"
_MARK = "[\"'\u201c\u201d\u2018\u2019\u3003,`\u00b4]"
_PUNCT = r"[^\w]*"
_WORD = r"(?:idem|s\W{0,2}d\W{0,2}a|dto|ditto|do|sama\s+(?:dengan|dgn)\s+atas)"
_DITTO = re.compile(rf"{_SPACE}(?:{_MARK}(?:{_SPACE}{_MARK})*|{_PUNCT}{_WORD}{_PUNCT}){_SPACE}", re.IGNORECASE)
# The usual spellings, for a scan of a whole column at C speed: a regex test of every cell
# cost about 1 s per million cells, a set test 0.05 s.
_DITTO_FORMS = frozenset(
    wrapper.format(case(word))
    for word in ("idem", "sda", "s.d.a", "s.d.a.", "s/d/a", "s-d-a", "s d a", "s. d. a.", "s.d.a", "dto", "dto.",
                 "ditto", "do", "sama dengan atas", "sama dgn atas")
    for case in (str.lower, str.upper, str.title)
    for wrapper in ("{}", "-{}-", "- {} -", "({})", "( {} )", "{}.", "-{}", "--{}--", "-- {} --", "={}=", "= {} =",
                    "'{}'", '"{}"', "\u201c{}\u201d")
) | frozenset({'"', "''", '""', "\u201d", "\u201c", "\u201d\u201d", "\u201c\u201d", "\u3003", "\u3003\u3003", ",,", "'", ",",
               "``", "\u00b4\u00b4", '" "', "\u2019\u2019"})


def is_ditto(cell: str | None) -> bool:
    """Is ``cell`` a "same as above" mark (a ditto mark, "idem", "s.d.a." and their spellings)?"""
    return cell is not None and _DITTO.fullmatch(cell) is not None


def _has_ditto(cells: list[str | None]) -> bool:
    """Does a column hold a "same as above" mark in one of its usual spellings (:data:`_DITTO_FORMS`)?"""
    return not _DITTO_FORMS.isdisjoint(cells)


_OWN_NUMBER = re.compile(r"\d{1,5}\.?")
_NUMBERING_HEADERS = frozenset({"no", "no urut", "nomor urut", "nomor", "nmr", "urut"})


def _numbering_column(rows, header: Header, render: Render) -> int | None:
    """The column of the row numbers ("No", "No. Urut"), which no canonical column takes."""
    mapped = set(header.columns.values())
    for row in rows[header.first_row: header.last_row + 1]:
        for j, cell in enumerate(row):
            if j not in mapped and headers.normalize_header(render(cell)) in _NUMBERING_HEADERS:
                return j
    return None


def _fill_from_above(
    values: dict[str, list[str | None]], keep: list[int], number_of: Callable[[int], str | None]
) -> int:
    """Read "same as above" as the row above's values, in place; the number of rows that continue a person.

    A row right below a participant without a name and NIK of its own (both blank or ditto, or the
    name repeated with the NIK blank) is that person's next certificate when it carries no row
    number of its own (a sub-number "1.a" or "b" is the person's) and no birth date, place or sex
    of its own that differs from the row above: every person column it leaves blank takes the
    value above. Then a ditto mark in any column takes the value above. Rows
    separated by a blank, total or section row never continue each other.
    """
    n = len(keep)
    nama, nik = values.get(headers.NAMA), values.get(headers.NIK)
    continued = 0
    if n > 1 and (nama is not None or nik is not None):
        nama = nama or [None] * n
        nik = nik or [None] * n
        person = [values[c] for c in headers.PERSON_COLUMNS if c in values]
        # Birth and sex cells of the row's own, written and different from the row above, say it
        # is another person whose name and NIK are missing, not the next certificate of this one.
        facts = [values[c] for c in headers.PERSON_COLUMNS - {headers.NAMA, headers.NIK} if c in values]
        # Only a row without a NIK of its own can continue the person above.
        nik_ditto = _has_ditto(nik)
        for k in [k for k in range(1, n) if nik[k] is None or (nik_ditto and is_ditto(nik[k]))]:
            if keep[k - 1] != keep[k] - 1:
                continue
            name, number = nama[k], nik[k]
            if number is not None and not is_ditto(number):
                continue
            if name is not None and not is_ditto(name) and (name != nama[k - 1] or number is not None):
                continue
            if name is None and number is None:
                own = number_of(keep[k])
                # The person's own number written again on their next row is no other participant's.
                if own is not None and _OWN_NUMBER.fullmatch(own) and own != number_of(keep[k - 1]):
                    continue
            if any(cells[k] is not None and not is_ditto(cells[k]) and cells[k] != cells[k - 1] for cells in facts):
                continue
            for cells in person:
                if cells[k] is None or is_ditto(cells[k]):
                    cells[k] = cells[k - 1]
            continued += 1
    for cells in values.values():
        if not _has_ditto(cells):
            continue
        for k in range(1, n):
            if is_ditto(cells[k]) and keep[k - 1] == keep[k] - 1:
                cells[k] = cells[k - 1]
    return continued


def only_numbers(values: list[str | None]) -> bool:
    """True when a column holds something and all of it is whole numbers: under a plain Keterangan
    or Status header, a tally or a status code rather than results (sheets and JSON alike)."""
    written = [value for value in values if value is not None]
    return bool(written) and all(value.strip().isdigit() for value in written)


def _another_header(data, i: int, columns: dict[str, int], render: Render, overrides) -> tuple[_Resolution, int, int] | None:
    """(header, position, rows) when row ``i`` of ``data`` starts a header of other columns than
    ``columns``: the next table of the sheet (Tahap II below Tahap I, its columns in another order)."""
    cells = [render(c) for c in data[i]]
    single = _resolve(None, cells, overrides)
    if not _qualifies(single) or single.columns == columns or _count_column(cells, single) is not None:
        return None
    if i + 1 < len(data):
        pair = _child_like(cells, [render(c) for c in data[i + 1]], overrides)
        if pair is not None:
            return pair, i, 2
    return single, i, 1


def _summary_header(row, render: Render, overrides) -> bool:
    """True for the header of a summary table (a name column and a count, no NIK)."""
    cells = [render(c) for c in row]
    single = _resolve(None, cells, overrides)
    return _qualifies(single) and _count_column(cells, single) is not None


def _stacked(above: TableRows, below: TableRows, note: str | None = None) -> TableRows:
    """One sheet's two tables, one above the other, as one: every column of either, the rows of both."""
    n, m = len(above.source_rows), len(below.source_rows)
    columns = {c: above.columns.get(c, [None] * n) + below.columns.get(c, [None] * m)
               for c in [*above.columns, *(c for c in below.columns if c not in above.columns)]}
    report = above.report
    skipped = dict(report.skipped)
    for reason, count in below.report.skipped.items():
        skipped[reason] = skipped.get(reason, 0) + count
    note = note or f"another table below with its own header at row {below.report.header_row}, read under that header"
    notes = [n for n in (report.note, note, below.report.note) if n and n != "no participant rows below the header"]
    report = replace(report, rows=n + m, skipped=skipped, note="; ".join(notes),
                     columns={**below.report.columns, **report.columns})
    return TableRows(columns, above.source_rows + below.source_rows, report)


# A cross: a mark of its own where it is the row's only one, a "no" beside a tick ("√ | x").
_CROSSES = frozenset({"x", "\u2717", "\u2718", "\u00d7", "\u274c", "\u2612"})


# What a yes/no column of one value holds: a mark or a yes, or a no (then the other value).
_TICKS = frozenset({"v", "\u221a", "\u2713", "\u2714", "\u2611", "\u00fc", "1", "ya", "y", "yes", "ok", "true", "*",
                    "\u25cf", "o"})
_NOS = frozenset({"0", "tidak", "tdk", "no", "n", "false", "belum", "blm", "t"})
_OTHER_VALUE = {"Kompeten": "Belum Kompeten", "Belum Kompeten": "Kompeten"}


def lone_value(header: str | None) -> str | None:
    """The result value a header names alone ("KOMPETEN" -> Kompeten, "Belum Kompeten" -> Belum
    Kompeten), for a yes/no column of it (:func:`lone_values`); None for any other header."""
    return _LONE_VALUES.get(_mark_key(header)) if header else None


def lone_values(value: str, cells: list[str | None]) -> list[str | None]:
    """The cells of a yes/no column of one result ``value`` read as results (:func:`_lone_values`)."""
    return _lone_values(value, cells)


def _lone_values(value: str, cells: list[str | None]) -> list[str | None]:
    """A column headed by one value alone ("KOMPETEN"), row by row: a tick, 1 or "Ya" is that value,
    0 or "Tidak" the other one (the cell kept as written where it reads so on its own: "1" under
    "LULUS"); a result written out ("BK", "Tidak Lulus") and a remark ("KTP luar") are kept for
    standardization to read; blanks and "-" say nothing. A cross is a mark like any tick: "beri tanda
    X" is as usual on Indonesian forms as a check, and a column of one value marks that value's rows
    (as a cross alone under "K | BK" is a mark, :func:`_marked_values`)."""
    keys = [cell.strip().casefold() if cell is not None else None for cell in cells]
    other = _OTHER_VALUE.get(value)
    out = []
    for cell, key in zip(cells, keys):
        if key is None or key in ("", "-"):
            out.append(None)
        elif key in _TICKS or key in _CROSSES:
            out.append(value)
        elif key in _NOS:
            out.append(other)
        else:
            out.append(cell)  # written out ("BK", "Tidak Lulus") or a remark: standardization reads it
            continue
        if out[-1] is not None and parse_hasil(cell) == out[-1]:
            out[-1] = cell  # the cell as written where it says the same ("1" under "LULUS")
    return out


def _marked_values(labels: list[str], marked: list[list[str | None]]) -> list[str | None]:
    """Per row, the value whose sub-column holds the only mark, or the only tick beside crosses;
    None when none or several are marked. One column alone is a yes/no column (:func:`_lone_values`)."""
    if len(labels) == 1:
        return _lone_values(labels[0], marked[0])
    out = []
    for cells in zip(*marked):
        ticked = {label: cell.strip().casefold() for label, cell in zip(labels, cells)
                  if cell is not None and cell.strip().casefold() not in _UNMARKED}
        if len(ticked) > 1:
            ticked = {label: cell for label, cell in ticked.items() if cell not in _CROSSES}
        out.append(next(iter(ticked)) if len(ticked) == 1 else None)
    return out


def _render_mapped_columns(
    data: Sequence[Sequence[object]], indices: list[int], render_column: Callable[[list], list[str | None]]
) -> list[list[str | None]]:
    """The text of each mapped column over ``data``, one list per column in ``indices`` order.

    Rendering a column at a time, and only mapped ones, is what keeps a 100k-row sheet cheap.
    """
    # Only mapped columns are rendered, a column at a time; unmapped cells are looked
    # at only for the few rows that might be totals, footers or numbering.
    last = max(indices)
    if data and min(map(len, data)) > last:
        raw = [[row[j] for row in data] for j in indices]
    else:
        raw = [[row[j] if j < len(row) else None for row in data] for j in indices]
    return [render_column(column) for column in raw]


def _classify_rows(
    data: Sequence[Sequence[object]],
    rendered: list[list[str | None]],
    canonicals: list[str],
    render: Render,
    overrides: Mapping[str, str] | None,
    columns: dict[str, int],
    sections: list[tuple[int, str | None, str]] | None = None,
) -> tuple[list[int], dict[str, int], tuple[_Resolution, int, int] | None]:
    """Positions in ``data`` of the participant rows, the other rows counted by skip reason,
    and where another table's header starts below, if one does (see :func:`_another_header`).

    A footer (a signature block, "Dibuat oleh ...") ends the table: it and every row
    below it count as "footer", unless the header is printed again further down (the
    next page of a printed report, the next batch under the same header): its rows
    are read again from there. A header of other columns ends the table too: the rows
    below it are the next table's. Section rows ("KECAMATAN X", "Jabatan: Tukang Batu")
    are skipped and appended to ``sections`` as (position, column, value) (see :func:`_section`).
    """
    nik_at = canonicals.index(headers.NIK) if headers.NIK in canonicals else None
    nama_at = canonicals.index(headers.NAMA) if headers.NAMA in canonicals else None
    width = len(canonicals)
    keep: list[int] = []
    skipped: dict[str, int] = {}
    in_footer = False
    if sections is None:
        sections = []
    has_digit = _DIGIT.search
    for i, vals in enumerate(zip(*rendered)):
        nik = vals[nik_at] if nik_at is not None else None
        # Rows with a NIK-like value are participants; only the rest can be totals,
        # footers or numbering, so only they pay for looking at every cell.
        nik_like = nik is not None and len(nik) > 5 and has_digit(nik) and not _COUNT_WITH_UNIT.match(nik)
        if in_footer:
            # Below a footer only a header counts: signatures, names and NIPs of officials
            # are no participants.
            reason = _special_row(data[i], vals, nik, nama_at, canonicals, render, overrides) if not nik_like else None
            if reason in ("header_like", "header_repeat"):
                below = _another_header(data, i, columns, render, overrides)
                if below is not None:
                    return keep, skipped, below
            in_footer = reason != "header_repeat"
            skipped["footer" if in_footer else reason] = skipped.get("footer" if in_footer else reason, 0) + 1
            continue
        if not nik_like:
            reason = _special_row(data[i], vals, nik, nama_at, canonicals, render, overrides)
            if reason == "header_like" and _summary_header(data[i], render, overrides):
                # A recap under the list ("Nama | Jumlah"): its rows are counts, not participants.
                reason = "footer"
            if reason == "footer":
                in_footer = True
                skipped["footer"] = skipped.get("footer", 0) + 1
                continue
            if reason in ("header_like", "header_repeat"):
                # A header sharing some of this table's columns where they stand, but not all, is
                # the next table's ("PESERTA CADANGAN" below, its KETERANGAN where this one has
                # JENJANG): read under its own header, as one of other columns is.
                below = _another_header(data, i, columns, render, overrides)
                if below is not None:
                    return keep, skipped, below
            if reason is not None and reason != "header_like":
                if reason == "section":
                    sections.extend((i, *found) for found in
                                    _section_values([t for t in (render(c) for c in data[i]) if t is not None]))
                skipped[reason] = skipped.get(reason, 0) + 1
                continue
        if vals.count(None) == width:
            skipped["blank"] = skipped.get("blank", 0) + 1
            continue
        keep.append(i)
    return keep, skipped, None


def _sheet_report(
    rows: Sequence[Sequence[object]],
    header: Header,
    render: Render,
    row_number: Callable[[int], int],
    sheet: str,
    skipped: dict[str, int],
    emitted: int,
) -> SheetReport:
    """The sheet's report: header notes, the title above the header, and what was kept or skipped."""
    notes = list(header.notes)
    title = title_text(rows[: header.first_row], render)
    if not emitted:
        notes.append("no participant rows below the header")
    return SheetReport(
        sheet=sheet,
        header_row=row_number(header.last_row),
        columns=dict(header.texts),
        rows=emitted,
        skipped=skipped,
        note="; ".join(notes),
        title=title,
    )


TITLE_ROWS = 12  # title rows kept per sheet; a header further down has a cover page above it
TITLE_CHARS = 600


def title_text(rows: Sequence[Sequence[object]], render: Render) -> str:
    """The text of the rows above the header, one ``" | "`` between rows, cells joined by a space.

    Empty rows are left out; at most the last ``TITLE_ROWS`` rows (the ones nearest the
    header) and ``TITLE_CHARS`` characters are kept.
    """
    lines = []
    for row in rows[-TITLE_ROWS:]:
        cells = [text for text in (render(cell) for cell in row) if text]
        if cells:
            lines.append(" ".join(" ".join(cell.split()) for cell in cells))
    return " | ".join(lines)[:TITLE_CHARS]


def leading_text(rows: Sequence[Sequence[object]], render: Render) -> str:
    """Title-like text at the top of a sheet without a recognisable header.

    The rows before the first one with three or more filled cells (a table's header,
    even one no synonym knows), as :func:`title_text` joins them: enough to tell whose
    file an unreadable sheet is ("DAFTAR PESERTA ... KABUPATEN KUTAI KARTANEGARA").
    """
    top = []
    for row in rows[:SCAN_ROWS]:
        if sum(1 for cell in row if render(cell)) >= 3:
            break
        top.append(row)
    return title_text(top, render)


# A program year: 2000-2035 standing alone, not part of a longer number, a date
# ("12-03-2024", "2024/03/12") or a range's neighbour digits.
_YEAR = re.compile(r"(?<![\d])(?<![\d][./-])(20[0-2]\d|203[0-5])(?![\d])(?![./-]\d)")
# "TAHUN 2024", "Tahun Anggaran 2025", "TA. 2023", "T.A 2023", "TA-2023".
_YEAR_AFTER_WORD = re.compile(
    r"(?<![^\W_])(?:tahun(?:\s+anggaran)?|t\.?\s?a)\.?[\s:_\-]*(20[0-2]\d|203[0-5])(?![\d])(?![./-]\d)", re.IGNORECASE
)

# A second year right after one: "TAHUN 2018 - 2026", "TA 2021 s.d. 2025", "Tahun 2019 sampai 2024".
# The list covers a period, so no one of its years is every row's program year.
_YEAR_RANGE_AFTER = re.compile(
    r"\s*(?:[-\u2013\u2014/]|s\.?\s?/?d\.?|sampai(?:\s+dengan)?|hingga|to)\s*(?:tahun\s+)?(?:20[0-2]\d|203[0-5])(?![\d])",
    re.IGNORECASE,
)

_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|mei|jun|jul|agu|agt|ags|sep|okt|nop|nov|des)[a-z]*\.?\s*$", re.IGNORECASE
)


def standalone_year(text: str | None) -> str | None:
    """The program year a title, sheet name or file name states, as text, or None.

    A year after "TAHUN", "Tahun Anggaran" or "TA." wins; otherwise a single distinct
    standalone year (2000-2035). Dates ("Sangatta, 15-12-2025"), several different
    bare years and a stated period ("TAHUN 2018 - 2026") give None: which one is the
    program year is not said.
    """
    if not text:
        return None
    spaced = text.replace("_", " ")
    if any(_YEAR_RANGE_AFTER.match(spaced, match.end()) for match in _YEAR_AFTER_WORD.finditer(spaced)):
        return None
    stated = {match.group(1) for match in _YEAR_AFTER_WORD.finditer(spaced)}
    if len(stated) == 1:
        return stated.pop()
    if stated:
        return None
    # A year right after a month name is the date a letter was signed, not a program year.
    bare = {match.group(1) for match in _YEAR.finditer(spaced) if not _MONTH_BEFORE.search(spaced, 0, match.start())}
    return bare.pop() if len(bare) == 1 else None


# A label that opens a group of rows written as one line inside the table ("KECAMATAN BENGALON",
# "Jabatan: Tukang Batu", "II. Kec. Rantau Pulung", "Jenjang 3 - Operator"): the group's place,
# occupation, level or batch. The column a label's value carries to the rows below, if any.
_SECTION_LABELS: dict[str, str | None] = {
    **dict.fromkeys(("kecamatan", "kec", "kelurahan", "kel", "desa", "distrik", "kabupaten", "kab", "kota",
                     "wilayah", "lokasi", "tempat uji", "tuk", "kelompok", "kelas", "periode", "skema",
                     "bidang", "sub bidang", "subbidang", "klasifikasi", "sub klasifikasi", "subklasifikasi"), None),
    **dict.fromkeys(("jabatan", "jabatan kerja"), headers.JABATAN_KERJA),
    **dict.fromkeys(("jenjang", "jenjang kkni", "level", "kkni"), headers.JENJANG),
    "kualifikasi": headers.KUALIFIKASI,
    **dict.fromkeys(("tahap", "angkatan", "gelombang", "batch", "kegiatan", "paket", "program"), headers.PROGRAM),
    "tahun": headers.TAHUN,
}
_SECTION = re.compile(
    r"(?:(?:[ivxlc]+|[a-z]|\d{1,3})[.)]\s*)?"  # its own ordinal: "II.", "A.", "1)"
    r"(" + "|".join(sorted((re.escape(label).replace(r"\ ", r"\s+") for label in _SECTION_LABELS), key=len,
                           reverse=True)) + r")\.?(?:\s*[:\-]\s*|\s+)(\S.*)",
    re.IGNORECASE,
)
_ORDINAL_PREFIX = r"(?:(?:[ivxlc]+|[a-z]|\d{1,3})[.)]\s*)?"
# A qualification's group may state its level beside it: "A. AHLI MUDA (JENJANG 7)", "Operator - Level 3",
# "TEKNISI / ANALIS [KKNI 5]"; group 2 is the note, read as the group's jenjang when it names one level.
_LEVEL_NOTE = r"(?:\s*[(\[]?\s*[-\u2013,]?\s*((?:jenjang|level|kkni)\b[^()\[\]:]*)[)\]]?\s*:?)?"
_VALUE_SECTIONS = (
    (headers.HASIL, re.compile(
        _ORDINAL_PREFIX + r"(?:(?:daftar\s+)?peserta\s+)?(?:yang\s+)?(?:dinyatakan\s+)?"
        r"((?:belum\s+|tidak\s+)?(?:kompeten|lulus))\s*:?", re.IGNORECASE)),
    (headers.KUALIFIKASI, re.compile(
        _ORDINAL_PREFIX + r"(?:tenaga\s+|jenjang\s+)?(ahli\s+(?:muda|madya|utama)|ahli|teknisi\s*/\s*analis|teknisi"
        r"|analis|operator|terampil)\s*:?" + _LEVEL_NOTE, re.IGNORECASE)),
)
# The group's number or letter beside its label, in the No column: "A", "II", "1.", "(b)".
_ORDINAL = re.compile(r"\(?(?:[ivxlc]+|[a-z]|\d{1,3})[.)]?\)?", re.IGNORECASE)


# A group of rows opened by its occupation and level with no label ("I. OPERATOR EXCAVATOR - JENJANG 3",
# "II. TUKANG BATU (Level 2)", "MANDOR PEKERJAAN JALAN / KKNI Jenjang 4"): the clerk's heading of a
# nominative list grouped by jabatan kerja. The occupation is words only; the level is labelled.
_JABATAN_LEVEL_SECTION = re.compile(
    _ORDINAL_PREFIX + r"([^\W\d_][^\W\d_ .'/&-]*(?:[ .'/&-]+[^\W\d_][^\W\d_.'/&-]*){0,6}?)"
    r"(?:\s*[-\u2013\u2014/,:]\s*[(\[]?|\s*[(\[]|\s+)\s*((?:kkni\s+)?(?:jenjang|level|kkni)\b[^()\[\]]*?)\s*[)\]]?\s*",
    re.IGNORECASE,
)
# Words of a list's title, never of an occupation: "DAFTAR PESERTA UJI KOMPETENSI OPERATOR - JENJANG 3"
# heads a whole list, it opens no group.
_TITLE_WORDS = re.compile(
    r"(?<![^\W\d_])(?:daftar|peserta|uji|ujian|kompetensi|pelatihan|sertifikasi|rekap|rekapitulasi|hasil|data|"
    r"nominatif|tahun|kegiatan|program|bimtek|asesmen|kabupaten|kota|provinsi|dinas|kecamatan)(?![^\W\d_])",
    re.IGNORECASE,
)


def _section(cells: list[str]) -> tuple[str | None, str] | None:
    """(column the label's value carries to the rows below or None, value) for a section row, else None.

    A section row holds one labelled text and at most its ordinal; a participant row has more.
    """
    values = _section_values(cells)
    return values[0] if values else None


def _section_values(cells: list[str]) -> list[tuple[str | None, str]]:
    """Every (column, value) a section row gives the rows below it (see :func:`_section`): one,
    or two for a group headed by its occupation and level ("I. OPERATOR EXCAVATOR - JENJANG 3":
    jabatan kerja and jenjang); empty for a row that is no section."""
    texts = [cell for cell in cells if not _ORDINAL.fullmatch(cell)]
    if len(texts) != 1 or len(cells) > 2:
        return []
    single = _single_section(texts[0].strip())
    if single is not None:
        return [single]
    found = _JABATAN_LEVEL_SECTION.fullmatch(texts[0].strip())
    if (found is None or parse_jenjang(found.group(2)) is None or _TITLE_WORDS.search(found.group(1))
            or found.group(1).strip(" .'/&-").casefold() in _SECTION_LABELS):
        return []
    return [(headers.JABATAN_KERJA, " ".join(found.group(1).split())), (headers.JENJANG, found.group(2).strip())]


def _single_section(text: str) -> tuple[str | None, str] | None:
    """(column, value) of a section row's one text: a labelled value, a result or a qualification."""
    texts = [text]
    match = _SECTION.fullmatch(texts[0].strip())
    if match is None:
        # Rows grouped by their result ("A. PESERTA KOMPETEN", "Yang Dinyatakan Belum Kompeten")
        # or by their qualification ("II. AHLI MUDA", "TENAGA TERAMPIL").
        for column, pattern in _VALUE_SECTIONS:
            found = pattern.fullmatch(texts[0].strip())
            if found is not None:
                if column == headers.KUALIFIKASI and found.group(2) and parse_jenjang(found.group(2)) is not None:
                    # the note's one level is the group's jenjang ("OPERATOR (JENJANG 3)"); a range
                    # ("Jenjang 1-3") leaves the qualification alone
                    return headers.JENJANG, found.group(2).strip()
                return column, " ".join(found.group(1).split())
        return None
    label = " ".join(match.group(1).casefold().split())
    column = _SECTION_LABELS.get(label)
    # A batch is named by its label and number together ("Tahap II"), a level or an occupation by the value.
    value = texts[0].strip()[match.start(1):] if column == headers.PROGRAM else match.group(2).strip()
    return column, value


_canonical_column = functools.lru_cache(maxsize=1 << 16)(headers.canonical_column)


def total_record(nama: str | None, nik: str | None) -> bool:
    """True for a record of totals among participant records: "JUMLAH" / "Total" / "Jumlah Total"
    where the name goes and no NIK, or a count where it goes. Portal exports keep a sheet's total
    row as one more record (CKAN on data.inhilkab.go.id ends a table with {"Kelas Jalan": "Jumlah
    Total", ...})."""
    return nama is not None and _TOTAL.match(nama) is not None and (
        nik is None or _TOTAL.match(nik) is not None or (nik.isdigit() and len(nik) <= 5)
        or _COUNT_WITH_UNIT.match(nik) is not None)


def _special_row(row, vals, nik, nama_at, canonicals, render, overrides) -> str | None:
    """footer / page / total / section / header_repeat / column_numbers / header_like for a row without
    a NIK, else None."""
    cells = [text for text in (render(c) for c in row) if text is not None]
    if not cells:
        return None
    if _PAGE_LINE.fullmatch(" ".join(cells)) or (len(cells) <= 2 and _PRINT_MARGIN.fullmatch(" ".join(cells))):
        return "page"
    texts = [c for c in cells if _LETTER.search(c)]
    if texts:
        joined = "\x1f".join(texts)
        if _FOOTER.search(joined):
            return "footer"
        if len(cells) == 1 and (_PLACE_DATE.fullmatch(cells[0]) or _NOTE_LINE.match(cells[0])):
            return "footer"
        if _TOTAL_CELL.search(joined):
            nama = vals[nama_at] if nama_at is not None else None
            # The count often lands in the name or NIK column ("JUMLAH | | 25", "JUMLAH | 25
            # orang"); a name is never a count and a count is far shorter than a NIK.
            if (nama is None or _TOTAL.match(nama) or _COUNT.match(nama)) and (
                nik is None or _TOTAL.match(nik) or (nik.isdigit() and len(nik) <= 5) or _COUNT_WITH_UNIT.match(nik)
            ):
                return "total"
        # A section's text stands in the name column or in none this table reads (a title merged
        # across the row sits in the No column): a lone value in another column is a row's value.
        if _section(cells) is not None and all(v is None for k, v in enumerate(vals) if k != nama_at):
            return "section"
    if overrides:
        overrides = dict(overrides)
        named = [headers.canonical_column(value, overrides) if value else None for value in vals]
    else:
        # Occupations, levels, results and places repeat down a sheet; names do not.
        named = [_canonical_column(value) if value else None for value in vals]
    repeated = sum(1 for column, canonical in zip(named, canonicals) if column == canonical)
    # A person's name under the name column makes the row a participant's whatever its other
    # cells say: 'KKNI 7' under JENJANG and 'LULUS' under HASIL are a level and a result, though
    # each is also a header word; a header printed again repeats the name column's header too.
    persons_name = nama_at is not None and vals[nama_at] is not None and named[nama_at] is None
    if repeated >= 2 and not persons_name:
        return "header_repeat"
    if _column_numbers(cells):
        return "column_numbers"
    # A header word where this table has a column, naming another: maybe the header of
    # another table below (see _another_header); a participant's cells are no header words.
    if any(column is not None for column in named):
        return "header_like"
    return None


EXACT_DOUBLE_LIMIT = float(2**53)  # every whole number below it is exact as a double


def render_float(value: float) -> str | None:
    """A numeric cell as text (docs/data-model.md section 1).

    15 significant digits in scientific form from 1e15 up: a NIK typed as a number
    lost its 16th digit, and this form lets standardization flag it. Except a whole
    number whose 16th digit is not 0, below 2**53: Excel keeps 15 significant digits,
    so such a number was written by a program (an export, a script), and a double
    holds every whole number below 2**53 exactly: it is the NIK, all 16 digits.
    """
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if 1e15 <= value < EXACT_DOUBLE_LIMIT and value.is_integer() and int(value) % 10:
        return str(int(value))
    if abs(value) >= 1e15:
        return f"{value:.14e}"
    if value.is_integer():
        return str(int(value))
    return str(value)


def render_text(value: object) -> str | None:
    """Render a text cell (CSV): stripped, empty -> None."""
    if value is None:
        return None
    text = value.strip() if type(value) is str else str(value).strip()
    return text or None


def render_text_column(values: list) -> list[str | None]:
    """:func:`render_text` over a column of CSV cells (a missing trailing cell is None)."""
    return [(v.strip() or None) if v is not None else None for v in values]
