"""Online-form response sheets (Google Forms, Microsoft Forms): a checkbox answer naming several jabatan.

A form's checkbox question keeps every option ticked in one cell: Google Forms joins them with
", " ("Tukang Besi Beton, Tukang Batu"), Microsoft Forms with ";" and one at the end
("Tukang Besi Beton;Tukang Batu;"). A respondent who ticks two jabatan kerja applies for two
assessments, two certificates. :func:`split_jabatan_choices` reads such a row once per jabatan:
the first stays where it is, each further one goes to a table of its own, sheet
"<sheet> [Jabatan 2]", row number unchanged, so every row keeps an address of its own (as a
further certificate group does, :func:`sources.readers.table.extract_tables`).

Only in a sheet of form responses (it has a response-time column, ``headers.WAKTU_RESPONS``)
and only when every part is a jabatan on its own, starting with the role a jabatan kerja's name
starts with (Operator, Tukang, Ahli, ...): "Pelaksana Lapangan Pekerjaan Jalan, Jembatan dan
Drainase" or "Operator Alat Berat (Excavator, Bulldozer)" are one jabatan each.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sources import headers
from sources.readers.table import TableRows
from standardize.responses import CHOICE_LABEL

# The first word of a jabatan kerja's name in the SKK registry's list (SIKI): the role. Others,
# and free answers ("Bulldozer" after "Operator Excavator, "), do not start a jabatan of their own.
ROLE_WORDS = frozenset({
    "operator", "tukang", "mandor", "pelaksana", "juru", "teknisi", "ahli", "arsitek", "pengawas",
    "drafter", "estimator", "surveyor", "quantity", "inspektur", "inspektor", "manajer", "penyelia",
    "perencana", "pengelola", "asisten", "kepala", "petugas", "analis", "pekerja", "perancang", "penguji",
    "supervisor", "desainer", "mekanik",
})
# The separators of several numbers in one cell, when each ticked jabatan got its own.
_NUMBERS_APART = re.compile(r"\s*(?:[;,\n]|\s/\s)\s*")


def _a_jabatan(part: str) -> bool:
    words = part.split()
    balanced = part.count("(") == part.count(")")
    return balanced and len(words) >= 2 and words[0].strip(".").casefold() in ROLE_WORDS


def jabatan_choices(cell: str | None) -> list[str] | None:
    """The jabatan a checkbox answer ticks, in order, or None when the cell names one jabatan.

    >>> jabatan_choices("Tukang Besi Beton, Tukang Batu")
    ['Tukang Besi Beton', 'Tukang Batu']
    >>> jabatan_choices("Pelaksana Lapangan Pekerjaan Jalan, Jembatan dan Drainase") is None
    True
    """
    if not cell:
        return None
    text = cell.strip().rstrip(";").strip()
    separator = ";" if ";" in text else ", " if ", " in text else None
    if separator is None:
        return None
    parts = [part.strip() for part in text.split(separator)]
    unique = list(dict.fromkeys(part for part in parts if part))
    if len(unique) < 2 or not all(_a_jabatan(part) for part in unique):
        return None
    return unique


def _numbers(cell: str | None, count: int) -> list[str | None]:
    """One certificate number per ticked jabatan: the cell's numbers when it holds one for each,
    else the cell with the first (an SKK number is one certificate's; which of them is not said)."""
    pieces = [p for p in _NUMBERS_APART.split(cell or "") if p]
    if len(pieces) == count and all(any(ch.isdigit() for ch in p) for p in pieces):
        return pieces
    return [cell] + [None] * (count - 1)


def _is_form(table: TableRows) -> bool:
    return any(table.columns.get(headers.WAKTU_RESPONS) or [])


def split_jabatan_choices(tables: list[tuple[str, TableRows]]) -> list[tuple[str, TableRows]]:
    """``tables`` with each form row that ticks several jabatan read once per jabatan (module doc):
    the row keeps the first, a table per further choice ("<sheet> [Jabatan 2]") is added after
    its sheet. Tables that are no form responses are returned as they are."""
    out: list[tuple[str, TableRows]] = []
    for sheet, table in tables:
        out.append((sheet, table))
        jabatan = table.columns.get(headers.JABATAN_KERJA)
        if not jabatan or not _is_form(table):
            continue
        # Microsoft Forms ends every checkbox answer with ";", one choice too.
        jabatan[:] = [cell.rstrip().rstrip(";").rstrip() or None if cell else cell for cell in jabatan]
        choices = {k: found for k, cell in enumerate(jabatan) if (found := jabatan_choices(cell))}
        if not choices:
            continue
        further: dict[int, list[tuple[int, str, str | None]]] = {}
        numbers = table.columns.get(headers.NOMOR_SERTIFIKAT)
        for k, found in choices.items():
            per_choice = _numbers(numbers[k] if numbers else None, len(found))
            jabatan[k] = found[0]
            if numbers:
                numbers[k] = per_choice[0]
            for n, (choice, number) in enumerate(zip(found[1:], per_choice[1:]), start=2):
                further.setdefault(n, []).append((k, choice, number))
        table.report.note = "; ".join(filter(None, [table.report.note, f"{len(choices)} form responses tick "
                                                    f"several jabatan kerja: read once per jabatan"]))
        for n, picked in sorted(further.items()):
            out.append(_choice_table(table, sheet, n, picked))
    return out


def _choice_table(table: TableRows, sheet: str, n: int, picked: list[tuple[int, str, str | None]]) -> tuple[str, TableRows]:
    """The ``n``-th jabatan ticked by the rows ``picked`` (row index, jabatan, number): their other
    answers as they are."""
    columns = {c: [values[k] for k, _, _ in picked] for c, values in table.columns.items()}
    columns[headers.JABATAN_KERJA] = [choice for _, choice, _ in picked]
    if headers.NOMOR_SERTIFIKAT in columns:
        columns[headers.NOMOR_SERTIFIKAT] = [number for _, _, number in picked]
    name = f"{sheet} [{CHOICE_LABEL.format(n)}]".lstrip()
    report = replace(table.report, sheet=name, rows=len(picked), skipped={},
                     note=f"jabatan kerja number {n} ticked in the form responses of sheet {sheet!r}")
    return name, TableRows(columns, [table.source_rows[k] for k, _, _ in picked], report)
