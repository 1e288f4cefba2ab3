"""The submission checks' work grows with the rows, not with the pairs of files times their rows.

An office's files are compared pairwise (cumulative masters, re-sends): each file's participations
are taken apart once, and a pair of files whose people barely overlap is dismissed on the sets of
NIKs and names, without a row-by-row comparison. Counted, not timed.
"""

from __future__ import annotations

import pandas as pd
import pytest

from expectations import submission
from sources.readers import FRAME_COLUMNS
from sources.registry import load_registry

OFFICE = load_registry()["kab-kutai-timur"]
GIVEN = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indah", "Joko"]
FAMILY = ["Saputra", "Santoso", "Hidayat", "Rahman", "Aminah", "Wijaya", "Lestari", "Nugroho", "Pratama", "Siregar"]


def _people(first: int, count: int, year: str) -> list[dict]:
    return [{"nama": f"{GIVEN[i % 10]} {FAMILY[i // 10 % 10]} {i}", "nik": f"640801120385{i:04d}",
             "jenjang": "3", "jabatan_kerja": "Tukang Batu", "hasil": "Kompeten", "tahun": year}
            for i in range(first, first + count)]


def _office(lists: dict[str, list[dict]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    parts, reports = [], []
    for k, (name, people) in enumerate(lists.items()):
        rows = pd.DataFrame({column: [None] * len(people) for column in FRAME_COLUMNS}, dtype=object)
        for column in people[0]:
            rows[column] = [person[column] for person in people]
        rows["source_file"], rows["source_sha256"] = name, f"sha-{k}"
        parts.append(rows)
        reports.append({"source_file": name, "source_sha256": f"sha-{k}", "status": "accepted", "reason": None,
                        "rows_read": len(rows), "received_at": pd.Timestamp("2025-06-01", tz="UTC"), "sheets": ""})
    return pd.DataFrame(reports), pd.concat(parts, ignore_index=True)


def _counted(monkeypatch, files, rows) -> tuple[pd.DataFrame, dict[str, int]]:
    calls = {"keys": 0, "rows compared": 0}
    keys, restates = submission._participation_keys, submission._Restated.restates

    def counting_keys(frame):
        calls["keys"] += 1
        return keys(frame)

    def counting_restates(self, *key):
        calls["rows compared"] += 1
        return restates(self, *key)

    monkeypatch.setattr(submission, "_participation_keys", counting_keys)
    monkeypatch.setattr(submission._Restated, "restates", counting_restates)
    return submission.submission_frame(files, rows, OFFICE), calls


def test_master_compared_only_with_the_files_it_may_hold(monkeypatch):
    # Two kecamatan lists and the master restating both; the two lists share no one.
    a, b = _people(0, 40, "2024"), _people(40, 60, "2025")
    files, rows = _office({"kec_a_2024.xlsx": a, "kec_b_2025.xlsx": b, "REKAP 2021-2025.xlsx": a + b})
    frame, calls = _counted(monkeypatch, files, rows)
    assert frame["superseded_by"].tolist() == [
        "REKAP 2021-2025.xlsx (a later master of the same office: it restates 100% of this file's participations)",
    ] * 2 + [None]
    # Each file taken apart once (before: twice, by the masters and by the re-sends); the rows of
    # a and b compared with the master's, for the verdict and for its message (40 + 60, twice);
    # a against b, sharing no NIK or name, not at all.
    assert calls == {"keys": 3, "rows compared": 200}


@pytest.mark.parametrize("lists", [6, 12])
def test_unrelated_lists_are_not_compared_row_by_row(monkeypatch, lists):
    # Each batch's own list, other people in each: no file restates another.
    files, rows = _office({f"hasil_uji_batch_{k}.xlsx": _people(100 * k, 30 + k, "2025") for k in range(lists)})
    frame, calls = _counted(monkeypatch, files, rows)
    assert frame["superseded_by"].isna().all()
    assert calls == {"keys": lists, "rows compared": 0}
