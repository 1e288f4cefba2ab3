"""The same file accepted in two offices' folders counts once, at the office it belongs to."""

from __future__ import annotations

import pandas as pd
import pytest

from expectations.copies import (RULE, log_with_copies, misfiled_copies, quarantine_of_copies,
                                 without_copies)
from sources.registry import load_registry

OFFICES = load_registry()
PROV, KUKAR, KUTIM, SAMARINDA = "prov-kaltim", "kab-kutai-kartanegara", "kab-kutai-timur", "kota-samarinda"
# NIK prefixes: Kutai Kartanegara 64.02, Kutai Timur 64.08, Samarinda 64.72 (the province 64).
NIK = {KUKAR: "640201", KUTIM: "640801", SAMARINDA: "647201"}


def _file(office_id: str, name: str, sha: str, jenjang: list[int | None], nik_from: str | None) -> pd.DataFrame:
    return pd.DataFrame({
        "office_id": office_id, "source_file": name, "source_sha256": sha, "source_sheet": "Hasil",
        "source_row": range(2, 2 + len(jenjang)), "jenjang": pd.array(jenjang, dtype="Int64"),
        "nik": [f"{NIK[nik_from]}0101800{i:03d}" if nik_from else None for i in range(len(jenjang))],
        "nama": [f"PESERTA {i}" for i in range(len(jenjang))], "hasil": "Kompeten",
    })


EXPERTS = [7, 8, 8, 9]
SKILLED = [3, 3, 4, 2]
CASES = [
    # (case, files as (office, name, sha, jenjang, NIKs from), rejected copies as (office, file, owner))
    ("province expert list copied to a regency: the province's by authority",
     [(PROV, "ahli.xlsx", "a", EXPERTS, KUKAR), (KUKAR, "ahli.xlsx", "a", EXPERTS, KUKAR)],
     [(KUKAR, "ahli.xlsx", PROV)]),
    ("regency list copied to its province: the regency's by authority",
     [(PROV, "tukang.xlsx", "b", SKILLED, SAMARINDA), (SAMARINDA, "tukang.xlsx", "b", SKILLED, SAMARINDA)],
     [(PROV, "tukang.xlsx", SAMARINDA)]),
    ("attendance list without levels in a regency and its province: the regency's by its NIKs",
     [(PROV, "hadir.xlsx", "c", [None] * 3, SAMARINDA), (SAMARINDA, "daftar hadir.xlsx", "c", [None] * 3, SAMARINDA)],
     [(PROV, "hadir.xlsx", SAMARINDA)]),
    ("one regency's list in its neighbour's folder: by its NIKs",
     [(KUTIM, "mtu.xlsx", "d", SKILLED, KUTIM), (SAMARINDA, "mtu (1).xlsx", "d", SKILLED, KUTIM)],
     [(SAMARINDA, "mtu (1).xlsx", KUTIM)]),
    ("two regencies, NIKs of neither: the owner cannot be told, both stay",
     [(KUTIM, "mtu.xlsx", "e", SKILLED, KUKAR), (SAMARINDA, "mtu.xlsx", "e", SKILLED, KUKAR)],
     []),
    ("two regencies, no NIKs: both stay",
     [(KUTIM, "mtu.xlsx", "f", SKILLED, None), (SAMARINDA, "mtu.xlsx", "f", SKILLED, None)],
     []),
    ("different content under one name: nothing is a copy",
     [(KUTIM, "mtu.xlsx", "g", SKILLED, KUTIM), (SAMARINDA, "mtu.xlsx", "h", SKILLED, SAMARINDA)],
     []),
]


@pytest.mark.parametrize("case, files, rejected", CASES, ids=[case[0] for case in CASES])
def test_the_owner_keeps_the_file_and_its_copies_are_rejected(case, files, rejected):
    rows = pd.concat([_file(*spec) for spec in files], ignore_index=True)
    copies = misfiled_copies(rows, OFFICES)
    assert sorted(zip(copies["office_id"], copies["source_file"], copies["owner_office_id"])) == sorted(rejected)
    kept = without_copies(rows, copies)
    assert len(kept) == len(rows) - int(copies["rows"].sum())
    assert not set(zip(kept["office_id"], kept["source_file"])) & {(o, f) for o, f, _ in rejected}


def test_rejected_copies_are_logged_and_every_row_quarantined():
    rows = pd.concat([_file(PROV, "ahli.xlsx", "a", EXPERTS, KUKAR), _file(KUKAR, "ahli.xlsx", "a", EXPERTS, KUKAR),
                      _file(KUKAR, "tukang.xlsx", "z", SKILLED, KUKAR)], ignore_index=True)
    log = pd.DataFrame({
        "office_id": [PROV, KUKAR, KUKAR], "source_file": ["ahli.xlsx", "ahli.xlsx", "tukang.xlsx"],
        "status": "accepted", "rule": None, "reason": None, "rows_read": [5, 5, 4],
        "rows_accepted": [4, 4, 4], "rows_quarantined": [1, 1, 0], "rows_flagged": [2, 2, 0],
    })
    copies = misfiled_copies(rows, OFFICES)
    logged = log_with_copies(log, copies, OFFICES).set_index(["office_id", "source_file"])
    assert logged.loc[(KUKAR, "ahli.xlsx"), ["status", "rule", "rows_accepted", "rows_quarantined", "rows_flagged"]].tolist() \
        == ["rejected", RULE, 0, 5, 0]
    assert f"{OFFICES[PROV].name} (prov-kaltim)'s" in logged.loc[(KUKAR, "ahli.xlsx"), "reason"]
    assert logged.loc[(PROV, "ahli.xlsx"), "status"] == logged.loc[(KUKAR, "tukang.xlsx"), "status"] == "accepted"
    quarantine = quarantine_of_copies(rows, copies, OFFICES)
    assert len(quarantine) == 4 and set(quarantine["rule"]) == {RULE}
    assert quarantine["source_row"].tolist() == [2, 3, 4, 5]
    # the row accounting of the log still holds: read = accepted + quarantined
    assert (logged["rows_read"] == logged["rows_accepted"] + logged["rows_quarantined"]).all()
