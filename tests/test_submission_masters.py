"""Cumulative masters sent again under a new name: a later file that restates an earlier file's
participations (and adds more) supersedes it whole; lists that are no earlier generation stay.

Each scenario lists an office's files as rows (name, NIK serial, jenjang, year, result) and the
files that must count; every arrival order gives the same answer.
"""

from __future__ import annotations

import hashlib
import itertools

import pandas as pd
import pytest

from expectations.submission import check_submissions
from sources.headers import RAW_COLUMNS
from sources.registry import load_registry

KUTIM = load_registry()["kab-kutai-timur"]
NAMES = ["Siti Aminah", "Budi Santoso", "Rahmat Hidayat", "Dewi Lestari", "Joko Prasetyo", "Agus Salim",
         "Rina Sitompul", "Yusuf Harahap", "Maria Tambunan", "Fitri Lubis"]


def person(i: int, jenjang: str = "3", year: str = "2024", hasil: str | None = "Kompeten", **over) -> dict:
    """Participant ``i`` as a row of raw cells."""
    return {"nama": NAMES[i], "nik": f"640801010180{i:04d}", "jenjang": jenjang, "tahun": year, "hasil": hasil, **over}


FIRST = [person(i) for i in range(6)]
SCENARIOS = [
    # the later master restates all and adds two: it alone counts
    ("adds rows", {"REKAP 2021-2024.xlsx": FIRST, "REKAP 2021-2025.xlsx": FIRST + [person(6), person(7)]},
     {"REKAP 2021-2025.xlsx"}),
    # ... with a row deleted, a result corrected, a NIK and a name fixed (the old file had them wrong)
    ("corrected and one deleted",
     {"A.xlsx": [person(0, nik="6408010101800090"), person(1, nama="Budi Santosa"), *FIRST[2:]],
      "B.xlsx": [person(0), person(1), person(2, hasil="Belum Kompeten"), *FIRST[3:5], person(6), person(7)]},
     {"B.xlsx"}),
    # three generations: both earlier ones name the last
    ("three generations", {"G1.xlsx": FIRST[:3], "G2.xlsx": FIRST[:5], "G3.xlsx": FIRST + [person(6)]},
     {"G3.xlsx"}),
    # two batches of other people: both count
    ("other people", {"Tahap I.xlsx": FIRST[:3], "Tahap II.xlsx": [person(i) for i in range(3, 9)]},
     {"Tahap I.xlsx", "Tahap II.xlsx"}),
    # the same people at another jenjang (their next level, a year later): another participation each
    ("next jenjang", {"2024.xlsx": FIRST[:4], "2025.xlsx": [person(i, "4", "2025") for i in range(6)]},
     {"2024.xlsx", "2025.xlsx"}),
    # the same people and jenjang in another stated year (re-assessed after Belum Kompeten)
    ("another year", {"2024.xlsx": [person(i, hasil="Belum Kompeten") for i in range(4)],
                      "2025.xlsx": [person(i, year="2025") for i in range(6)]},
     {"2024.xlsx", "2025.xlsx"}),
    # a registration list (no results) before the results list: a list of its own, not a generation
    ("registrations", {"Pendaftaran.xlsx": [person(i, hasil=None) for i in range(4)],
                       "Hasil.xlsx": [person(i) for i in range(6)]},
     {"Pendaftaran.xlsx", "Hasil.xlsx"}),
    # the same names under NIKs far apart are other persons (two lists of namesakes, "Peserta 1")
    ("namesakes", {"A.xlsx": [person(i, nik=f"640802020284{i:04d}") for i in range(4)], "B.xlsx": FIRST},
     {"A.xlsx", "B.xlsx"}),
    # under three participations say nothing
    ("too small", {"A.xlsx": FIRST[:2], "B.xlsx": FIRST[:4]}, {"A.xlsx", "B.xlsx"}),
    # only half restated: another list that shares some people
    ("half", {"A.xlsx": FIRST[:4], "B.xlsx": [*FIRST[:2], person(6), person(7), person(8)]}, {"A.xlsx", "B.xlsx"}),
]


def world(files: list[tuple[str, list[dict]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(files report, raw rows) for (name, rows) pairs, in the given arrival order."""
    reports, rows = [], []
    for name, people in files:
        sha = hashlib.sha256((name + repr(people)).encode()).hexdigest()
        reports.append({"office_id": KUTIM.id, "source_file": name, "source_sha256": sha, "format": "xlsx",
                        "status": "accepted", "reason": None, "rows_read": len(people), "sheets": "[]"})
        for number, cells in enumerate(people, start=5):
            row = dict.fromkeys(RAW_COLUMNS)
            row.update(cells)
            rows.append({"office_id": KUTIM.id, "source_file": name, "source_sha256": sha, "source_sheet": "Peserta",
                         "source_row": number, **row})
    return pd.DataFrame(reports), pd.DataFrame(rows)


@pytest.mark.parametrize("label,files,counting", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_the_latest_master_counts_whatever_the_arrival_order(label, files, counting):
    for order in itertools.permutations(files.items()):
        checked = check_submissions(*world(list(order)), KUTIM)
        kept = set(checked.loc[checked["status"] == "accepted", "source_file"])
        assert kept == counting, [n for n, _ in order]
        superseded = checked[checked["status"] == "rejected"]
        assert set(superseded["rule"]) <= {"superseded_by_revision"}
        last = max(files, key=lambda name: len(files[name])) if len(counting) == 1 else None
        # every superseded generation names the last file of its chain
        assert all(f": {last} (a later master" in reason for reason in superseded["reason"])
