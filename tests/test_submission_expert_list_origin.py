"""The province's expert list in a regency's folder, its NIKs mostly from another regency of the province.

Found by the harder demo world (1,500 rows, seed 11): the province's 2026 expert list, kept also in Kutai
Timur's folder, had 5 valid NIKs, 3 of them issued in Balikpapan (no registry office), and Kutai Timur's
other files are 88% Kutai Timur NIKs: the NIK-only "unlike the office's other files" test rejected it as
Balikpapan's, so the publish never saw it as the copy of the province's file it is. Experts (jenjang 7-9)
are certified by a province: their KTP regencies say where the workers live, not whose list it is.
A list of skilled workers (1-6) with the same NIKs stays another regency's.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from expectations.submission import check_submissions
from sources.headers import RAW_COLUMNS
from sources.registry import load_registry

OFFICES = load_registry()


def _file(office_id: str, name: str, spread: dict[str, int], jenjang: str, sha: str):
    sheets = json.dumps([{"sheet": "Data", "header_row": 3, "columns": {}, "rows": 0, "skipped": {}, "note": "",
                          "title": "", "tahun_from": ""}])
    rows = []
    for code, count in spread.items():
        for n in range(count):
            row = dict.fromkeys(RAW_COLUMNS)
            row.update(nama=f"Peserta {code} {n}", nik=f"{code.replace('.', '')}01{n + 1:02d}0385{n + 1:04d}",
                       jenjang=jenjang)
            rows.append({"office_id": office_id, "source_file": name, "source_sha256": sha, "source_sheet": "Data",
                         "source_row": 4 + len(rows), **row})
    files = pd.DataFrame([{"office_id": office_id, "source_file": name, "source_sha256": sha, "format": "xlsx",
                           "status": "accepted", "reason": None, "rows_read": len(rows), "sheets": sheets}])
    return files, pd.DataFrame(rows)


CASES = [
    # (jenjang of the odd file, its NIK spread, rule expected for it)
    ("experts, 3 of 5 from Balikpapan", "8", {"64.71": 3, "64.72": 1, "64.02": 1}, None),
    ("experts, all from Balikpapan", "7", {"64.71": 6}, None),
    ("skilled workers, 3 of 5 from Balikpapan", "3", {"64.71": 3, "64.72": 1, "64.02": 1}, "file_from_other_office"),
]


@pytest.mark.parametrize("case, jenjang, spread, rule", CASES, ids=[c[0] for c in CASES])
def test_expert_list_in_a_regency_folder(case, jenjang, spread, rule):
    own = _file("kab-kutai-timur", "DAFTAR_PESERTA_MTU_2025.xlsx", {"64.08": 30, "64.72": 2}, "3", "a" * 64)
    odd = _file("kab-kutai-timur", "Sertifikasi Tenaga Ahli 2026.xlsx", spread, jenjang, "b" * 64)
    files = pd.concat([own[0], odd[0]], ignore_index=True)
    raw = pd.concat([own[1], odd[1]], ignore_index=True)
    checked = check_submissions(files, raw, OFFICES["kab-kutai-timur"])
    assert dict(zip(checked["source_file"], checked["rule"])) == {
        "DAFTAR_PESERTA_MTU_2025.xlsx": None, "Sertifikasi Tenaga Ahli 2026.xlsx": rule}
