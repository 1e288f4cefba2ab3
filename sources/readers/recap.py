"""A recap sheet that lists again the participants of the workbook's other sheets.

Offices that keep one sheet per kecamatan or per batch often add a REKAP sheet listing
everyone once more, typed again: names shortened ("Agus S."), no NIK, no birth date. A
row of it carries nothing linkage can tie to the person's own row, so the person counted
twice. Such a sheet is recognised by its content, not its name: when nearly all of a
sheet's rows repeat a participant of another sheet of the same workbook (the same NIK, or
without one the same name or the name with words cut to initials, and nothing the original
does not say: no other result, jenjang, jabatan kerja, certificate or birth date), its
repeated rows without a NIK are skipped (``skipped["recap repeat"]``) and its other rows
kept. A recap of counts per kecamatan has no participant rows to begin with.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sources import headers
from sources.readers.table import TableRows

# A sheet is a recap when at least this share of its rows repeat other sheets' participants.
MIN_REPEAT_SHARE = 0.8
SKIP_REASON = "recap repeat"

_WORD = re.compile(r"[^\W\d_]+")
# Honorifics in front and degrees behind ("H. Rahmat Hidayat, S.T."), which clerks add or leave
# out between one list and the next. A degree follows a comma or stands last in several
# letters; a single letter at the end is an initial ("Budi H."), kept.
_HONORIFICS = frozenset({"h", "hj", "ir", "drs", "dra", "dr", "kh", "ust", "prof"})
_DEGREES = frozenset({"st", "mt", "se", "sh", "spd", "skom", "amd", "ssi", "sip", "ssos", "mm", "msi", "mba", "ak"})


def _name_words(name: str | None) -> tuple[str, ...]:
    words = _WORD.findall((name or "").split(",")[0].casefold())
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1] in _DEGREES:
        words.pop()
    return tuple(words)


def _names_agree(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Word by word equal, or a word cut to its initial on one side ("agus s" / "agus saputra"),
    with at least one word written out alike on both sides."""
    if len(first) != len(second) or not first:
        return False
    written_out = False
    for one, other in zip(first, second):
        if one == other:
            written_out = written_out or len(one) >= 3
        elif not ((len(one) == 1 and other.startswith(one)) or (len(other) == 1 and one.startswith(other))):
            return False
    return written_out


def _digits(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


def _plain(value: str | None) -> str:
    return " ".join((value or "").casefold().split())


def _result(value: str | None) -> str:
    text = _plain(value)
    if not text:
        return ""
    if re.search(r"belum|tidak|tdk|blm|not|gagal", text) or text.startswith("bk") or text in ("tl", "nyc"):
        return "bk"
    if text.startswith(("k", "lulus", "competent", "c")):
        return "k"
    return text


# What a row may say besides the name: a repeat says nothing its original does not say.
_FIELDS = (headers.JENJANG, headers.KUALIFIKASI, headers.JABATAN_KERJA, headers.NOMOR_SERTIFIKAT,
           headers.TANGGAL_LAHIR, headers.TEMPAT_TANGGAL_LAHIR, headers.TANGGAL_TERBIT)


class _Row:
    __slots__ = ("words", "nik", "hasil", "fields", "name_key", "dropped")

    def __init__(self, words: tuple[str, ...], nik: str, hasil: str, fields: tuple[str, ...]):
        self.words, self.nik, self.hasil, self.fields = words, nik, hasil, fields
        # What any name that agrees with this one (_names_agree) shares with it: the first word
        # as written and every word's first letter (a word cut to its initial keeps it).
        self.name_key = (words[0], *(word[0] for word in words)) if words else None
        self.dropped = False  # skipped as a recap repeat: no longer an original of anything

    def repeats(self, original: _Row) -> bool:
        """True when this row is the same participation as ``original`` and adds nothing to it:
        each of its NIK, result, level, occupation, certificate and birth cells is blank or
        equal to the original's. A training list's row repeats the result list's; not the
        other way round."""
        if self.nik:
            if self.nik != original.nik:
                return False
        elif not _names_agree(self.words, original.words):
            return False
        if self.hasil and self.hasil != original.hasil:
            return False
        return all(not mine or mine == theirs for mine, theirs in zip(self.fields, original.fields))


def _rows_of(table: TableRows) -> list[_Row]:
    """The sheet's rows as :class:`_Row`, a column at a time (a sheet may hold 100,000 rows)."""
    n = len(table.source_rows)

    def column(name: str) -> list[str | None]:
        return table.columns.get(name) or [None] * n

    words = [_name_words(value) for value in column(headers.NAMA)]
    niks = [nik if len(nik) >= 10 else "" for nik in map(_digits, column(headers.NIK))]
    results: dict[str | None, str] = {}
    hasil = [results[value] if value in results else results.setdefault(value, _result(value))
             for value in column(headers.HASIL)]
    fields = zip(*([_plain(value) for value in column(name)] for name in _FIELDS))
    return [_Row(*row) for row in zip(words, niks, hasil, fields)]


def _index(live: list[TableRows], rows: dict[int, list[_Row]]) -> tuple[dict, dict]:
    """Every sheet's rows by NIK and by name key (``_Row.name_key``), each with its sheet's id.

    A row with a NIK repeats only a row of that NIK, a row without one only a row whose name
    agrees, which shares its ``name_key``: the rows of other keys need no comparison.
    """
    by_nik: dict[str, list[tuple[int, _Row]]] = defaultdict(list)
    by_name: dict[tuple[str, ...], list[tuple[int, _Row]]] = defaultdict(list)
    for table in live:
        for row in rows[id(table)]:
            if row.nik:
                by_nik[row.nik].append((id(table), row))
            if row.words:
                by_name[row.name_key].append((id(table), row))
    return by_nik, by_name


def drop_recap_repeats(tables: list[TableRows]) -> None:
    """Skip the rows of a recap sheet that repeat participants of the workbook's other sheets.

    ``tables``: one workbook's sheets (changed in place). The sheet with the largest share of
    repeats goes first, so of two sheets that repeat each other (the same list on "Hari 1" and
    "Hari 2") one keeps its rows.
    """
    live = [table for table in tables if table.source_rows]
    if len(live) < 2:
        return
    rows = {id(table): _rows_of(table) for table in live}
    by_nik, by_name = _index(live, rows)

    def repeated(table: TableRows) -> list[bool]:
        mine = id(table)
        return [any(row.repeats(candidate) for sheet, candidate in
                    (by_nik.get(row.nik, ()) if row.nik else by_name.get(row.name_key, ()))
                    if sheet != mine and not candidate.dropped)
                for row in rows[mine]]

    def share(marks: list[bool]) -> float:
        return sum(marks) / len(marks) if marks else 0.0

    shares = {id(table): share(repeated(table)) for table in live}
    for table in sorted(live, key=lambda t: -shares[id(t)]):
        if shares[id(table)] < MIN_REPEAT_SHARE:
            break
        marks = repeated(table)  # against what the sheets thinned before it still hold
        if share(marks) < MIN_REPEAT_SHARE:
            continue
        # A repeat with a NIK is left to linkage, which ties it to its person by the NIK; only
        # the rows nothing ties (no NIK) are skipped.
        keep = [not (mark and not row.nik) for mark, row in zip(marks, rows[id(table)])]
        _keep_only(table, keep)
        for row, kept in zip(rows[id(table)], keep):
            row.dropped = not kept
        rows[id(table)] = [row for row, kept in zip(rows[id(table)], keep) if kept]


def _keep_only(table: TableRows, keep: list[bool]) -> None:
    dropped = keep.count(False)
    if not dropped:
        return
    table.source_rows = [row for row, flag in zip(table.source_rows, keep) if flag]
    for column, values in table.columns.items():
        table.columns[column] = [value for value, flag in zip(values, keep) if flag]
    table.report.rows = len(table.source_rows)
    table.report.skipped[SKIP_REASON] = table.report.skipped.get(SKIP_REASON, 0) + dropped
