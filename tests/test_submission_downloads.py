"""A portal's paged export downloaded again (expectations.submission._mark_superseded_downloads):
the later download's pages supersede every page of the earlier one when together they restate
most of its participations, wherever the pages were cut. Blind world 4's probe: Kalimantan Barat's
export downloaded on 2 March (3 pages of 8) and 15 June (3 pages of 9, one participant deleted
from the portal): March pages 1-2 were superseded as re-sends, page 3 restated too little of any
one June page and kept the deleted participant (j8 14 vs 13, persons 28 vs 27)."""

from __future__ import annotations

import pytest

from expectations.submission import check_submissions, page_family
from test_submission_resends import KUTIM, world


def person(i: int, jenjang: str = "7", hasil: str = "Kompeten") -> dict:
    return {"nama": f"Peserta Nomor {i:02d}", "nik": f"6408010101{85 + i % 10:02d}{i:04d}", "jabatan_kerja": "Ahli Muda",
            "jenjang": jenjang, "tahun": "2025", "hasil": hasil}


def pages(stamp: str, people: list[dict], size: int, day: int) -> list[tuple[str, list[dict], int]]:
    return [(f"export_peserta_{stamp}_p{n}.json", people[k:k + size], day)
            for n, k in enumerate(range(0, len(people), size), 1)]


MARCH = [person(i) for i in range(24)]
JUNE = [p for i, p in enumerate(MARCH) if i != 17] + [person(i) for i in range(24, 28)]
OTHERS = [person(i) for i in range(40, 64)]

SCENARIOS = [
    ("later download, cut elsewhere, a row deleted", pages("2025-03-02", MARCH, 8, 0) + pages("2025-06-15", JUNE, 9, 100),
     {f"export_peserta_2025-06-15_p{n}.json" for n in (1, 2, 3)}),
    ("later download of other people", pages("2025-03-02", MARCH, 8, 0) + pages("2025-06-15", OTHERS, 8, 100),
     {f"export_peserta_2025-03-02_p{n}.json" for n in (1, 2, 3)} | {f"export_peserta_2025-06-15_p{n}.json" for n in (1, 2, 3)}),
    ("one download", pages("2025-06-15", JUNE, 9, 0), {f"export_peserta_2025-06-15_p{n}.json" for n in (1, 2, 3)}),
]


@pytest.mark.parametrize("label,files,counting", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_the_later_download_counts(label, files, counting):
    for order in (files, files[::-1]):
        checked = check_submissions(*world(list(order)), KUTIM)
        assert set(checked.loc[checked["status"] == "accepted", "source_file"]) == counting
        assert set(checked.loc[checked["status"] == "rejected", "rule"]) <= {"superseded_by_revision"}


@pytest.mark.parametrize(("name", "family"), [
    ("export_peserta_2025-03-02_p1.json", "export_peserta_2025-03-02"),
    ("api_peserta_page_3 (1).json", "api_peserta"),
    ("Rekap Halaman 3.xlsx", "rekap"),
    ("2025/Tahap II/peserta_tahap_2.csv", None),
])
def test_page_family(name, family):
    assert page_family(name) == family
