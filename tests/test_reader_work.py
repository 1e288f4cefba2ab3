"""The readers' work grows with the rows, not with the rows squared: counted, not timed.

A workbook of one sheet per kecamatan and a REKAP sheet listing everyone again is
how offices keep their lists (``sources/readers/recap.py``); the national benchmark's
largest offices send 100 such sheets of 2,000 rows in a file, most participants named
Muhammad or Siti. Each row must be compared only with the rows it may repeat (the same
NIK, or a name that agrees), not with every row of the same first name.
"""

from __future__ import annotations

import pytest

from sources import headers
from sources.readers import recap
from sources.readers.table import SheetReport, TableRows

# Ten first-letter-distinct middle words and ten last words: 100 names "Muhammad <m> <l>" whose
# words' first letters differ, so each name agrees with exactly one other sheet's row.
MIDDLE = ["Adi", "Budi", "Cahya", "Dedi", "Eko", "Fajar", "Gilang", "Hadi", "Imam", "Joko"]
LAST = ["Ahmad", "Bayu", "Candra", "Dimas", "Erwin", "Fikri", "Guntur", "Hendra", "Irfan", "Jaya"]


def _sheet(name: str, people: list[tuple[str, str | None]], hasil: str) -> TableRows:
    columns = {headers.NAMA: [p[0] for p in people], headers.NIK: [p[1] for p in people],
               headers.HASIL: [hasil] * len(people)}
    return TableRows(columns, list(range(6, 6 + len(people))), SheetReport(name, 5, {}, len(people), {}))


def _workbook(short_names: bool) -> list[TableRows]:
    people = [(f"Muhammad {m} {l}", f"64080112038{i:05d}") for i, (m, l) in
              enumerate((m, l) for m in MIDDLE for l in LAST)]
    kecamatan_a, kecamatan_b = people[:50], people[50:]
    # The REKAP: the same people without NIK, the last name cut to its initial where ``short_names``.
    rekap = [(f"{n.rsplit(' ', 1)[0]} {n.rsplit(' ', 1)[1][0]}." if short_names else n, None) for n, _ in people]
    return [_sheet("Kec A", kecamatan_a, "Kompeten"), _sheet("Kec B", kecamatan_b, "Kompeten"),
            _sheet("REKAP", rekap, "K")]


@pytest.mark.parametrize(("short_names", "comparisons"), [(False, 200), (True, 200)])
def test_recap_rows_compared_only_with_rows_they_may_repeat(monkeypatch, short_names, comparisons):
    calls = []
    original = recap._Row.repeats
    monkeypatch.setattr(recap._Row, "repeats", lambda self, other: calls.append(1) or original(self, other))
    tables = _workbook(short_names)
    recap.drop_recap_repeats(tables)
    # Each REKAP row meets its one original twice (once for the shares, once for the marks); the
    # NIK rows meet no one (no other sheet states their NIK). Before: every row of the 150
    # others named Muhammad, 25,100 comparisons.
    assert len(calls) == comparisons
    assert [len(t.source_rows) for t in tables] == [50, 50, 0]
    assert tables[2].report.skipped == {recap.SKIP_REASON: 100}
    assert [t.report.skipped for t in tables[:2]] == [{}, {}]
