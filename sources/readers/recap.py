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
    __slots__ = ("words", "nik", "hasil", "fields")

    def __init__(self, table: TableRows, index: int):
        def value(column: str) -> str | None:
            values = table.columns.get(column)
            return values[index] if values is not None else None

        self.words = _name_words(value(headers.NAMA))
        nik = _digits(value(headers.NIK))
        self.nik = nik if len(nik) >= 10 else ""
        self.hasil = _result(value(headers.HASIL))
        self.fields = tuple(_plain(value(column)) for column in _FIELDS)

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


def drop_recap_repeats(tables: list[TableRows]) -> None:
    """Skip the rows of a recap sheet that repeat participants of the workbook's other sheets.

    ``tables``: one workbook's sheets (changed in place). The sheet with the largest share of
    repeats goes first, so of two sheets that repeat each other (the same list on "Hari 1" and
    "Hari 2") one keeps its rows.
    """
    live = [table for table in tables if table.source_rows]
    if len(live) < 2:
        return
    rows = {id(table): [_Row(table, i) for i in range(len(table.source_rows))] for table in live}
    kept = {id(table): [True] * len(table.source_rows) for table in live}

    def repeated(table: TableRows) -> list[bool]:
        # Index the other sheets' kept rows by their first written-out name word and NIK.
        by_word: dict[str, list[_Row]] = defaultdict(list)
        by_nik: dict[str, list[_Row]] = defaultdict(list)
        for other in live:
            if other is table:
                continue
            for row, keep in zip(rows[id(other)], kept[id(other)]):
                if keep:
                    by_word[row.words[0] if row.words else ""].append(row)
                    if row.nik:
                        by_nik[row.nik].append(row)
        marks = []
        for row in rows[id(table)]:
            candidates = by_nik.get(row.nik, []) if row.nik else []
            candidates = candidates + (by_word.get(row.words[0], []) if row.words else [])
            marks.append(any(row.repeats(candidate) for candidate in candidates))
        return marks

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
        kept[id(table)] = [not (mark and not row.nik) for mark, row in zip(marks, rows[id(table)])]
        _keep_only(table, kept[id(table)])
        rows[id(table)] = [row for row, keep in zip(rows[id(table)], kept[id(table)]) if keep]
        kept[id(table)] = [True] * len(rows[id(table)])


def _keep_only(table: TableRows, keep: list[bool]) -> None:
    dropped = keep.count(False)
    if not dropped:
        return
    table.source_rows = [row for row, flag in zip(table.source_rows, keep) if flag]
    for column, values in table.columns.items():
        table.columns[column] = [value for value, flag in zip(values, keep) if flag]
    table.report.rows = len(table.source_rows)
    table.report.skipped[SKIP_REASON] = table.report.skipped.get(SKIP_REASON, 0) + dropped
