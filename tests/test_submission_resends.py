"""One batch's results list sent again, corrected, under a name that is no revision of it: the later
file supersedes the earlier; lists that are other evidence stay.

Each scenario lists an office's files as (name, rows, day saved) and the files that must count;
every arrival order gives the same answer, and the superseded file's reason names the one that counts.
"""

from __future__ import annotations

import hashlib
import itertools

import pandas as pd
import pytest

from expectations.submission import _date_in_name, check_submissions
from sources.headers import RAW_COLUMNS
from sources.registry import load_registry

KUTIM = load_registry()["kab-kutai-timur"]
NAMES = ["Siti Aminah", "Budi Santoso", "Rahmat Hidayat", "Dewi Lestari", "Joko Prasetyo", "Agus Salim",
         "Rina Sitompul", "Yusuf Harahap", "Maria Tambunan", "Fitri Lubis", "Andi Wijaya", "Sri Wahyuni"]
JABATAN = ["Tukang Batu", "Tukang Kayu", "Operator Excavator", "Juru Ukur", "Tukang Besi Beton", "Tukang Las",
           "Operator Bulldozer", "Tukang Cat", "Mandor Pekerjaan Jalan", "Tukang Plester", "Operator Crane",
           "Tukang Pipa"]


def person(i: int, jenjang: str = "3", year: str | None = "2025", hasil: str | None = "Kompeten", **over) -> dict:
    """Participant ``i`` as a row of raw cells."""
    return {"nama": NAMES[i], "nik": f"640801010185{i:04d}", "jabatan_kerja": JABATAN[i], "jenjang": jenjang,
            "tahun": year, "hasil": hasil, **over}


BATCH = [person(i) for i in range(6)]
K_TO_BK = [*BATCH[:3], person(3, hasil="Belum Kompeten"), *BATCH[4:]]
LEVEL_FIXED = [*BATCH[:2], person(2, jenjang="4"), *BATCH[3:]]
NIK_FIXED = [person(0, nik="6408010101850090"), *BATCH[1:]]  # the earlier file's typo
NAME_FIXED = [person(0, nama="Siti Aminnah"), *BATCH[1:]]
ROW_DELETED = BATCH[:5]
NIK_COMPLETED = [person(0, nik="640801010185000"), *BATCH[1:]]  # a digit dropped in the earlier file

SCENARIOS = [
    # a date or words added after the first name, or a date in both names
    ("update date", [("Hasil UK 2025.xlsx", BATCH, 0), ("Hasil UK 2025 update 12-08-2025.xlsx", K_TO_BK, 0)],
     {"Hasil UK 2025 update 12-08-2025.xlsx"}),
    ("words added", [("Hasil UK 2025.xlsx", LEVEL_FIXED, 0), ("Hasil UK 2025 kirim ulang.xlsx", BATCH, 0)],
     {"Hasil UK 2025 kirim ulang.xlsx"}),
    ("a date in front", [("12082025 Hasil UK 2025.xlsx", K_TO_BK, 0), ("Hasil UK 2025.xlsx", BATCH, 0)],
     {"12082025 Hasil UK 2025.xlsx"}),
    ("a folder of corrections", [("revisi/Hasil UK.xlsx", NAME_FIXED, 0), ("Uji Kompetensi/Hasil UK.xlsx", BATCH, 0)],
     {"revisi/Hasil UK.xlsx"}),
    ("a number added", [("data_peserta.xlsx", NIK_FIXED, 0), ("data_peserta2.xlsx", BATCH, 0)], {"data_peserta2.xlsx"}),
    ("dates in both names", [("Hasil UK 12 Agustus 2025.xlsx", BATCH, 0), ("Hasil UK 5 Agustus 2025.xlsx", NAME_FIXED, 0)],
     {"Hasil UK 12 Agustus 2025.xlsx"}),
    ("month names", [("Data (update Des 2025).xlsx", ROW_DELETED, 0), ("Data (update Juni 2025).xlsx", BATCH, 0)],
     {"Data (update Des 2025).xlsx"}),
    # an edited "- Copy" or "Salinan" of a results list is the later version
    ("edited copy, a row deleted", [("X.xlsx", BATCH, 0), ("X - Copy.xlsx", ROW_DELETED, 0)], {"X - Copy.xlsx"}),
    ("edited salinan", [("Salinan X.xlsx", K_TO_BK, 0), ("X.xlsx", BATCH, 0)], {"Salinan X.xlsx"}),
    # a new name altogether: the modification times say which came later ...
    ("new name, saved later", [("Peserta Tahap I.xlsx", BATCH, 0), ("Rekap Hasil Uji.xlsx", K_TO_BK, 9)],
     {"Rekap Hasil Uji.xlsx"}),
    ("new name, saved earlier", [("Peserta Tahap I.xlsx", BATCH, 9), ("Rekap Hasil Uji.xlsx", K_TO_BK, 0)],
     {"Peserta Tahap I.xlsx"}),
    # ... else the larger list, else the one with the NIKs complete
    ("new name, same day, a NIK completed", [("A.xlsx", BATCH, 0), ("B.xlsx", NIK_COMPLETED, 0)], {"A.xlsx"}),
    ("new name, same day, numbers filled in",
     [("Daftar SKK Terbit.xlsx", [person(i, nomor_sertifikat=f"SKK-6408-2025-{i:05d}") for i in range(6)], 0),
      ("Hasil UK Tahap I.xlsx", [person(i, nomor_sertifikat="dalam proses" if i < 4 else f"SKK-6408-2025-{i:05d}")
                               for i in range(6)], 0)],
     {"Daftar SKK Terbit.xlsx"}),
    # must not supersede: another batch, another year, the next jenjang, an attendance list
    ("other batch", [("Hasil Tahap I.xlsx", BATCH, 0), ("Hasil Tahap II.xlsx", [person(i) for i in range(6, 12)], 5)],
     {"Hasil Tahap I.xlsx", "Hasil Tahap II.xlsx"}),
    ("other batch with two repeaters",
     [("Hasil Tahap I.xlsx", BATCH, 0), ("Hasil Tahap I - Copy.xlsx", [*BATCH[:2], *(person(i) for i in range(6, 10))], 5)],
     {"Hasil Tahap I.xlsx", "Hasil Tahap I - Copy.xlsx"}),
    ("next jenjang next year", [("X.xlsx", BATCH, 0), ("X 2026.xlsx", [person(i, "4", "2026") for i in range(6)], 300)],
     {"X.xlsx", "X 2026.xlsx"}),
    ("next jenjang, no year stated", [("X.xlsx", [person(i, year=None) for i in range(6)], 0),
                                      ("X lanjutan.xlsx", [person(i, "4", None) for i in range(6)], 300)],
     {"X.xlsx", "X lanjutan.xlsx"}),
    ("re-assessed next year", [("X.xlsx", [person(i, hasil="Belum Kompeten") for i in range(6)], 0),
                               ("X - Copy.xlsx", [person(i, year="2026") for i in range(6)], 300)],
     {"X.xlsx", "X - Copy.xlsx"}),
    ("issued another year", [("X.xlsx", [person(i, year=None, tanggal_terbit="2024-05-02") for i in range(6)], 0),
                             ("X - Copy.xlsx", [person(i, year=None, tanggal_terbit="12/06/2025") for i in range(6)], 300)],
     {"X.xlsx", "X - Copy.xlsx"}),
    ("a portal's export of the batch", [("Hasil UK Tahap I.xlsx", [person(i, tempat_tanggal_lahir="Sangatta, 1-1-1985")
                                                                   for i in range(6)], 0),
                                        ("export_sertifikat.json", [person(i, tanggal_terbit="2025-08-01",
                                                                           masa_berlaku="2030-08-01") for i in range(6)], 9)],
     {"Hasil UK Tahap I.xlsx", "export_sertifikat.json"}),
    ("attendance list of the batch", [("Daftar Hadir Tahap I.xlsx", [person(i, hasil=None) for i in range(6)], 0),
                                      ("Hasil Tahap I.xlsx", K_TO_BK, 2)],
     {"Daftar Hadir Tahap I.xlsx", "Hasil Tahap I.xlsx"}),
    ("namesakes under other NIKs", [("A.xlsx", BATCH, 0), ("B.xlsx", [person(i, nik=f"640802020284{i:04d}") for i in range(6)], 5)],
     {"A.xlsx", "B.xlsx"}),
]


def world(files: list[tuple[str, list[dict], int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(files report, raw rows) for (name, rows, day saved) triples, in the given arrival order."""
    reports, rows = [], []
    for name, people, day in files:
        sha = hashlib.sha256((name + repr(people)).encode()).hexdigest()
        reports.append({"office_id": KUTIM.id, "source_file": name, "source_sha256": sha, "format": "xlsx",
                        "received_at": pd.Timestamp("2025-08-01 09:00", tz="UTC") + pd.Timedelta(days=day),
                        "status": "accepted", "reason": None, "rows_read": len(people), "sheets": "[]"})
        for number, cells in enumerate(people, start=5):
            row = dict.fromkeys(RAW_COLUMNS)
            row.update(cells)
            rows.append({"office_id": KUTIM.id, "source_file": name, "source_sha256": sha, "source_sheet": "Hasil",
                         "source_row": number, **row})
    return pd.DataFrame(reports), pd.DataFrame(rows)


@pytest.mark.parametrize("label,files,counting", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_the_later_file_of_a_batch_counts_whatever_the_arrival_order(label, files, counting):
    for order in itertools.permutations(files):
        checked = check_submissions(*world(list(order)), KUTIM)
        kept = set(checked.loc[checked["status"] == "accepted", "source_file"])
        assert kept == counting, [n for n, _, _ in order]
        superseded = checked[checked["status"] == "rejected"]
        assert set(superseded["rule"]) <= {"superseded_by_revision"}
        if len(counting) == 1:
            assert all(f": {next(iter(counting))} (a re-send of the same batch" in r for r in superseded["reason"])


@pytest.mark.parametrize(
    "name, date",
    [
        ("Hasil UK update 12-08-2025.xlsx", (2025, 8, 12)),
        ("Hasil UK 2025-08-12.xlsx", (2025, 8, 12)),
        ("Hasil UK_12.08.2025.xlsx", (2025, 8, 12)),
        ("Hasil UK 12082025.xlsx", (2025, 8, 12)),
        ("Hasil UK 20250812.xlsx", (2025, 8, 12)),
        ("Hasil UK 12 Agustus 2025.xlsx", (2025, 8, 12)),
        ("Data (update Des 2025).xlsx", (2025, 12, 0)),
        ("Data per 5 Jan 2026 dan 12-08-2025.xlsx", (2026, 1, 5)),
        # a program year or a range of years is no version's date
        ("REKAP 2021-2025.xlsx", None),
        ("Hasil UK Tahap II 2025.xlsx", None),
        ("Peserta 2025 (1).xlsx", None),
    ],
)
def test_dates_in_file_names(name, date):
    assert _date_in_name(name) == date
