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
