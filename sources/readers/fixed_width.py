"""Fixed-width text: a report an old program printed to a file, columns aligned with spaces.

DOS-era and mainframe-style systems (and Excel's "Formatted Text (Space delimited) (*.prn)")
write no delimiter at all: each column has a fixed width, and the report draws a ruler of
dashes under the column heading (``NO   NAMA PESERTA ...`` over ``---  ------------ ...``).
The ruler is the only reliable statement of where a column starts, so it is what this module
reads: every line whose characters stay inside the ruler's runs (the gaps between runs are
blank) is cut at the runs' starts; any other line (a title, a page heading, "HAL: 2", a
signature) is kept whole as one cell, so title rows still say whose file it is and which year.
Printed reports start each page with a form feed and repeat the heading: the form feed is
dropped; the repeated heading is an ordinary repeated header row to the table reader.
"""

from __future__ import annotations

import re

from sources.headers import canonical_column

# A ruler: two or more runs of '-' or '=' separated by blanks, and nothing else.
_RULER = re.compile(r"^[ \t]*[-=]{2,}(?:[ \t]+[-=]{2,})+[ \t]*$")
_RUN = re.compile(r"[-=]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def physical_lines(text: str) -> list[str]:
    """The text's lines as the CSV reader counts them (CR LF, CR or LF), form feeds removed."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return [line.replace("\f", "") for line in lines]


def ruler_spans(lines: list[str]) -> list[tuple[int, int]] | None:
    """(start, end) of each dash run of the first ruler line with three or more runs, or None."""
    for line in lines:
        if _RULER.match(line):
            spans = [m.span() for m in _RUN.finditer(line.expandtabs())]
            if len(spans) >= 3:
                return spans
    return None


def _cut(line: str, spans: list[tuple[int, int]]) -> list[str] | None:
    """The line cut at the spans' starts, or None when a character falls in a gap between runs."""
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if line[end:start].strip():
            return None
    if line[: spans[0][0]].strip():
        return None
    starts = [s for s, _ in spans] + [None]
    return [line[a:b].strip() for a, b in zip(starts, starts[1:])]


def fixed_width_rows(text: str) -> list[list[str]] | None:
    """One row of cells per physical line of a ruled fixed-width report, or None when the text has no ruler.

    Ruler lines themselves become empty rows (they are layout, not a row of "-----" values);
    blank lines are empty rows; lines that do not fit the columns are one cell.
    """
    lines = [line.expandtabs() for line in physical_lines(text)]
    spans = ruler_spans(lines)
    if spans is None:
        return None
    rows: list[list[str]] = []
    for line in lines:
        if not line.strip() or _RULER.match(line):
            rows.append([])
            continue
        cells = _cut(line, spans)
        rows.append(cells if cells is not None else [line.strip()])
    return rows


# Candidate header lines tried for a report without a ruler (the header sits near the top).
_ALIGNED_SCAN = 30
# Header cells of a space-padded export are at least two blanks apart ("Jabatan Kerja  Jenjang").
_HEADER_CELL = re.compile(r"\S+(?: \S+)*")


def aligned_rows(text: str):
    """Row sets for a fixed-width file without a ruler (Excel's "Formatted Text (Space delimited)
    (*.prn)": each cell padded to its column's width, text left-aligned, numbers right-aligned).

    Each column starts where its header cell starts: Excel left-aligns a text header, so that is
    the column's first position, and a right-aligned number that fills its column up to the next
    one ("   1AHMAD LIHAWA": No 1, Nama AHMAD LIHAWA) is still cut there. For each line near the
    top with three or more header cells (two or more blanks apart), one of them a name or NIK
    header, taken as the header, its table
    is the block of non-blank lines below it, cut at those starts; every other line is one cell.
    Yields one row set per candidate header line, top first: the caller keeps the first whose
    header it recognises. When those starts would cut a word or a number in two, the headers are
    centred over their columns (a program's print layout, not Excel's): the block is cut at the
    gutters its lines share instead (:func:`_gutter_starts`). Cells one blank apart are not read.
    """
    lines = [line.expandtabs() for line in physical_lines(text)]
    for h in range(min(len(lines), _ALIGNED_SCAN)):
        cells = list(_HEADER_CELL.finditer(lines[h]))
        if len(cells) < 3 or not lines[h + 1:h + 2] or not lines[h + 1].strip():
            continue
        # only a line naming the person's name or NIK column is worth cutting the whole file for
        if not {"nama", "nik"} & {canonical_column(m.group()) for m in cells}:
            continue
        end = h + 1
        while end < len(lines) and lines[end].strip():
            end += 1
        starts = [m.start() for m in cells]
        if _splits_words(lines[h + 1:end], starts):
            starts = _gutter_starts(lines[h:end], cells) or starts
        bounds = [0, *starts[1:], None]
        rows: list[list[str]] = []
        for i, line in enumerate(lines):
            if not line.strip():
                rows.append([])
            elif h <= i < end:
                rows.append([line[a:b].strip() for a, b in zip(bounds, bounds[1:])])
            else:
                rows.append([line.strip()])
        yield rows


def _same_kind(a: str, b: str) -> bool:
    return (a.isalpha() and b.isalpha()) or (a.isdigit() and b.isdigit())


def _splits_words(lines: list[str], starts: list[int]) -> bool:
    """True when a cut at the header's starts falls inside a word or a number of some line.

    Excel's .prn glues a right-aligned number to the next cell ("1AHMAD", "2K"): a cut between
    a digit and a letter is its normal case. A cut between two letters or two digits means the
    headers do not start where their columns do (centred headers).
    """
    return any(0 < start < len(line) and _same_kind(line[start - 1], line[start])
               for line in lines for start in starts)


def _gutter_starts(block: list[str], cells: list[re.Match]) -> list[int] | None:
    """Column starts of a header-and-data block cut at its gutters, or None.

    A gutter is a position blank in every line of the block. When the gutters split the block
    into exactly as many stretches as the header has cells, and each header cell lies inside its
    own stretch, the stretches are the columns: that reads a header centred over its column
    ("   NAMA PESERTA   " over "AHMAD LIHAWA"), whose start is not the column's. Excel's .prn
    can leave no gutter between a right-aligned number and the next cell ("   1AHMAD"): then the
    stretches are fewer than the header cells and the header's starts decide (None here).
    """
    width = max(len(line) for line in block)
    used = [False] * width
    for line in block:
        for i, char in enumerate(line):
            if char != " ":
                used[i] = True
    stretches: list[tuple[int, int]] = []
    for i, filled in enumerate(used):
        if filled and (i == 0 or not used[i - 1]):
            stretches.append((i, i + 1))
        elif filled:
            stretches[-1] = (stretches[-1][0], i + 1)
    if len(stretches) != len(cells):
        return None
    if not all(start <= cell.start() and cell.end() <= end for (start, end), cell in zip(stretches, cells)):
        return None
    return [start for start, _ in stretches]
