"""Identical copies, revisions and copies of revisions: exactly one file of each content counts.

Each scenario lists the files an office sent (name, content) and the one(s) that must
count; every arrival order gives the same answer, and the kept file's rows are all
accepted while every other file's rows are all quarantined under its rule.
"""

from __future__ import annotations

import hashlib
import itertools

import pandas as pd
import pytest

from expectations.submission import check_submissions, parse_file_name, quarantine_rejected_files, revision_base
from sources.headers import RAW_COLUMNS
from sources.registry import load_registry

KUTIM = load_registry()["kab-kutai-timur"]

# Content ids: the same letter is the same bytes; "A~" is the rows of A in other bytes
# (a re-saved copy, rows in another order); other letters are different participants.
PEOPLE = {
    "A": [("Siti Aminah", "6408015203850012"), ("Budi Santoso", "6408010101800001"), ("Rahmat Hidayat", "6408020202820003")],
    "B": [("Siti Aminah", "6408015203850012"), ("Budi Santoso", "6408010101800001"), ("Rahmat Hidayat", "6408020202820004")],
    "C": [("Siti Aminah", "6408015203850012"), ("Budi Santoso", "6408010101800001"), ("Rahmat Hidayat", "6408020202820005"),
          ("Dewi Lestari", "6408035505900002")],
    "D": [("Joko Widodo", "6408040404750001"), ("Ani Yudhoyono", "6408045505800002")],
}


def world(files: list[tuple[str, str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(files report, raw rows) for (name, content id) pairs, in the given arrival order."""
    reports, rows = [], []
    for name, content in files:
        people = PEOPLE[content.rstrip("~")]
        if content.endswith("~"):
            people = list(reversed(people))
        sha = hashlib.sha256(content.encode()).hexdigest()
        reports.append({"office_id": KUTIM.id, "source_file": name, "source_sha256": sha, "format": "xlsx",
                        "status": "accepted", "reason": None, "rows_read": len(people), "sheets": "[]"})
        for number, (nama, nik) in enumerate(people, start=5):
            row = dict.fromkeys(RAW_COLUMNS)
            row.update(nama=nama, nik=nik, jenjang="3")
            rows.append({"office_id": KUTIM.id, "source_file": name, "source_sha256": sha, "source_sheet": "Peserta",
                         "source_row": number, **row})
    return pd.DataFrame(reports), pd.DataFrame(rows)


COPY_NAMES = ["X (1).xlsx", "X (2).xlsx", "X(1).xlsx", "X - Copy.xlsx", "X - Salin.xlsx", "X (conflicted copy).xlsx", "X - Copy (2).xlsx", "Copy of X.xlsx", "X copy.xlsx",
              "X - Salinan.xlsx", "X_salinan.xlsx", "Salinan X.xlsx", "X (salinan).xlsx", "Salinan dari X.xlsx"]
REVISION_NAMES = ["X_revisi.xlsx", "X_rev2.xlsx", "X_perbaikan.xlsx", "X_koreksi.xlsx", "X_final.xlsx", "X_baru.xlsx",
                  "X v2.xlsx", "X (1).xlsx", "X_terbaru.xlsx", "X_fix.xlsx", "X revisi ke-2.xlsx", "X (revisi).xlsx",
                  "X fiks.xlsx", "X_edit.xlsx", "X (diperbaiki).xlsx", "X fixed.xlsx"]

SCENARIOS = [
    # every copy name, byte-identical and row-identical: the plain name counts
    *[(f"byte copy {c}", [("X.xlsx", "A"), (c, "A")], {"X.xlsx"}) for c in COPY_NAMES],
    *[(f"row copy {c}", [("X.xlsx", "A"), (c, "A~")], {"X.xlsx"}) for c in COPY_NAMES],
    # every revision name with different content replaces the original
    *[(f"revision {r}", [("X.xlsx", "A"), (r, "B")], {r}) for r in REVISION_NAMES],
    # a revision name with the same content is only a copy: the plain name counts
    ("revision name, same bytes", [("X.xlsx", "A"), ("X_revisi.xlsx", "A")], {"X.xlsx"}),
    # copy of the original plus a revision: only the revision
    ("copy and revision", [("X.xlsx", "A"), ("X (1).xlsx", "A"), ("X_revisi.xlsx", "B")], {"X_revisi.xlsx"}),
    # copy of the revision: the revision once
    ("copy of the revision", [("X.xlsx", "A"), ("X_revisi.xlsx", "B"), ("X_revisi (1).xlsx", "B"),
                              ("X_revisi - Copy.xlsx", "B~")], {"X_revisi.xlsx"}),
    # two corrections: the later one
    ("rev1 then rev2", [("X.xlsx", "A"), ("X_rev1.xlsx", "B"), ("X_rev2.xlsx", "C")], {"X_rev2.xlsx"}),
    ("revisi then final", [("X.xlsx", "A"), ("X_revisi.xlsx", "B"), ("X_final.xlsx", "C")], {"X_final.xlsx"}),
    # "(1)" identical, "(2)" different: the second download is the correction
    ("(1) copy, (2) revision", [("X.xlsx", "A"), ("X (1).xlsx", "A"), ("X (2).xlsx", "B")], {"X (2).xlsx"}),
    # only copy names arrived: one of them counts, the bare "(N)" before "- Copy"
    ("copies without original", [("X - Copy.xlsx", "A"), ("X (1).xlsx", "A"), ("Salinan X.xlsx", "A")], {"X (1).xlsx"}),
    # "(1)" with other people altogether: another attachment with the same generic name, both count
    ("(1) of another list", [("X.xlsx", "A"), ("X (1).xlsx", "D")], {"X.xlsx", "X (1).xlsx"}),
    # a "_revisi" is a correction whatever it holds
    ("revisi of another list", [("X.xlsx", "A"), ("X_revisi.xlsx", "D")], {"X_revisi.xlsx"}),
    # a "- Copy" with its own content is not a correction of anything: both count
    ("edited copy", [("X.xlsx", "A"), ("X - Copy.xlsx", "B")], {"X.xlsx", "X - Copy.xlsx"}),
    # unrelated files: all count; identical rows under unrelated names still count once
    ("unrelated", [("X.xlsx", "A"), ("Y.xlsx", "D")], {"X.xlsx", "Y.xlsx"}),
    ("same rows, unrelated names", [("b.xlsx", "A~"), ("a.xlsx", "A")], {"a.xlsx"}),
    # same stem, other extension, other content, no revision marker: nothing replaces anything
    ("xlsx and csv", [("X.xlsx", "A"), ("X.csv", "D")], {"X.xlsx", "X.csv"}),
]


def arrival_orders(files):
    """Every order for up to three files, otherwise as listed, reversed and rotated."""
    if len(files) <= 3:
        return list(itertools.permutations(files))
    return [files, files[::-1], files[1:] + files[:1], files[2:] + files[:2]]


@pytest.mark.parametrize("scenario, files, counting", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_exactly_one_file_of_each_content_counts(scenario, files, counting):
    outcomes = set()
    for order in arrival_orders(files):
        report, raw = world(list(order))
        checked = check_submissions(report, raw, KUTIM)
        accepted = set(checked.loc[checked["status"] == "accepted", "source_file"])
        outcomes.add(frozenset(accepted))
        usable, quarantined = quarantine_rejected_files(raw, checked)
        per_file = usable.groupby("source_file").size().to_dict()
        # the kept file's rows are all accepted; every other file's rows all quarantined under its rule
        assert per_file == {name: len(PEOPLE[c.rstrip("~")]) for name, c in order if name in accepted}
        assert len(usable) + len(quarantined) == len(raw)
        for entry in checked[checked["status"] == "rejected"].itertuples():
            mine = quarantined[quarantined["source_file"] == entry.source_file]
            assert len(mine) == entry.rows_read and set(mine["rule"]) == {entry.rule}
            assert entry.reason.startswith(f"office kab-kutai-timur, file {entry.source_file}: ")
    assert outcomes == {frozenset(counting)}


def test_reasons_name_the_file_that_counts():
    report, raw = world([("X (1).xlsx", "A"), ("X.xlsx", "A"), ("X - Copy.xlsx", "A~"), ("X_lama.xlsx", "D")])
    checked = check_submissions(report, raw, KUTIM).set_index("source_file")
    assert checked.loc["X (1).xlsx", "rule"] == "duplicate_submission"
    assert checked.loc["X (1).xlsx", "reason"].endswith(": X.xlsx (byte-identical)")
    assert checked.loc["X - Copy.xlsx", "reason"].endswith(": X.xlsx (row-identical)")
    report, raw = world([("X.xlsx", "A"), ("X (1).xlsx", "A"), ("X_revisi.xlsx", "B")])
    checked = check_submissions(report, raw, KUTIM).set_index("source_file")
    assert checked.loc["X.xlsx", "reason"].endswith(": X_revisi.xlsx")
    assert checked.loc["X (1).xlsx", "reason"].endswith(": X.xlsx (byte-identical)")


@pytest.mark.parametrize(
    "name, base, copies, numbered, revisions",
    [
        ("DAFTAR PESERTA MTU 2024.xlsx", "daftar peserta mtu 2024", 0, (), ()),
        ("DAFTAR PESERTA MTU 2024 (1).xlsx", "daftar peserta mtu 2024", 0, (1,), ()),
        ("DAFTAR PESERTA MTU 2024 - Copy (2).xlsx", "daftar peserta mtu 2024", 1, (), ()),
        ("Copy of Rekap_SKK_2023.csv", "rekap_skk_2023", 1, (), ()),
        ("Salinan dari Rekap.xlsx", "rekap", 1, (), ()),
        ("rekap_salinan.xlsx", "rekap", 1, (), ()),
        ("Rekap (salinan).xlsx", "rekap", 1, (), ()),
        ("Rekap - Salin.xlsx", "rekap", 1, (), ()),
        ("Rekap (Budi's conflicted copy 2024-05-01).xlsx", "rekap", 1, (), ()),
        ("Rekap(1).xlsx", "rekap", 0, (1,), ()),
        ("Rekap - Copy - Copy.xlsx", "rekap", 2, (), ()),
        ("Rekap_final_fix.xlsx", "rekap", 0, (), ((2, 1), (1, 1))),
        ("Rekap terbaru.xlsx", "rekap", 0, (), ((1, 1),)),
        # what a clerk types after saving a corrected copy: "fiks" (slang for fix), "edit", "diperbaiki", "revised"
        ("Rekap FINAL FIKS.xlsx", "rekap", 0, (), ((2, 1), (1, 1))),
        ("Rekap_edit.xlsx", "rekap", 0, (), ((1, 1),)),
        ("Rekap edited 2.xlsx", "rekap", 0, (), ((1, 2),)),
        ("Rekap (diperbaiki).xlsx", "rekap", 0, (), ((1, 1),)),
        ("Rekap revised.xlsx", "rekap", 0, (), ((1, 1),)),
        ("Data Kredit.xlsx", "data kredit", 0, (), ()),
        ("Rekap (Peserta Sangatta).xlsx", "rekap (peserta sangatta)", 0, (), ()),
        ("Rekap 2024_revisi - Copy (2).xlsx", "rekap 2024", 1, (), ((1, 1),)),
        ("PESERTA_2024_REVISI (1).xlsx", "peserta_2024", 0, (1,), ((1, 1),)),
        ("rekap-2022-rev2.csv", "rekap-2022", 0, (), ((1, 2),)),
        ("rekap rev.3.xlsx", "rekap", 0, (), ((1, 3),)),
        ("rekap_final_revisi.xlsx", "rekap", 0, (), ((2, 1), (1, 1))),
        ("rekap v2.json", "rekap", 0, (), ((1, 2),)),
        # not markers: a word that merely ends like one, a batch number, a lone marker word
        ("Recopy.xlsx", "recopy", 0, (), ()),
        ("Data Prev.xlsx", "data prev", 0, (), ()),
        ("Tahap 2.xlsx", "tahap 2", 0, (), ()),
        ("revisi.xlsx", "revisi", 0, (), ()),
        ("(1).xlsx", "(1)", 0, (), ()),
        # the correction word written in front
        ("Perbaikan Hasil Uji Angkatan VII.xlsx", "hasil uji angkatan vii", 0, (), ((1, 1),)),
        ("REVISI_Daftar Peserta MTU.xlsx", "daftar peserta mtu", 0, (), ((1, 1),)),
        ("Rev 2 - Rekap.xlsx", "rekap", 0, (), ((1, 2),)),
        ("(Revisi) Data Peserta.xlsx", "data peserta", 0, (), ((1, 1),)),
        ("FINAL Data Peserta_revisi.xlsx", "data peserta", 0, (), ((2, 1), (1, 1))),
        # ... or inside, before the year or batch the name ends with
        ("Daftar Peserta MTU Revisi 2025.xlsx", "daftar peserta mtu 2025", 0, (), ((1, 1),)),
        ("DATA_PESERTA_REVISI_TAHAP_II.xlsx", "data_peserta_tahap_ii", 0, (), ((1, 1),)),
        ("Rekap revisi ke 2 angkatan 3.xlsx", "rekap angkatan 3", 0, (), ((1, 2),)),
        ("Peserta Tukang Baru 2025.xlsx", "peserta tukang baru 2025", 0, (), ()),
        # ... but not a longer word that starts like one
        ("Revisian data.xlsx", "revisian data", 0, (), ()),
        ("Finalisasi Data Peserta.xlsx", "finalisasi data peserta", 0, (), ()),
    ],
)
def test_file_name_markers(name, base, copies, numbered, revisions):
    parsed = parse_file_name(name)
    assert (parsed.base, parsed.copies, parsed.numbered, parsed.revisions) == (base, copies, numbered, revisions)


def test_revision_base_keeps_its_meaning():
    assert revision_base("REKAP 2022_revisi.xlsx") == "rekap 2022"
    assert revision_base("rekap 2022 (1).xlsx") == "rekap 2022"
    assert revision_base("rekap 2022 - Copy.xlsx") is None
    assert revision_base("rekap 2022.xlsx") is None


def results_world(files: list[tuple[str, list[tuple[str, str]]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(files report, raw rows) for (name, [(NIK, hasil)]) pairs."""
    reports, rows = [], []
    for name, people in files:
        sha = hashlib.sha256(repr((name, people)).encode()).hexdigest()
        reports.append({"office_id": KUTIM.id, "source_file": name, "source_sha256": sha, "format": "xlsx",
                        "status": "accepted", "reason": None, "rows_read": len(people), "sheets": "[]"})
        for number, (nik, hasil) in enumerate(people, start=5):
            row = dict.fromkeys(RAW_COLUMNS)
            row.update(nama=f"Peserta {nik[-4:]}", nik=nik, jenjang="4", hasil=hasil or None)
            rows.append({"office_id": KUTIM.id, "source_file": name, "source_sha256": sha, "source_sheet": "Hasil",
                         "source_row": number, **row})
    return pd.DataFrame(reports), pd.DataFrame(rows)


NIKS = [f"64080101858{n:05d}" for n in range(1, 8)]
EMPTY = [(nik, "") for nik in NIKS[:6]]  # before the assessment
FIRST = [(nik, "K" if i < 3 else "BK") for i, nik in enumerate(NIKS[:6])]
LATER = [(nik, "K" if i < 5 else "BK") for i, nik in enumerate(NIKS[:6])] + [(NIKS[6], "K")]  # re-assessed, one added
REASSESSED = [(nik, "K" if i < 5 else "BK") for i, nik in enumerate(NIKS[:6])]  # BK -> K only
OTHERS = [(f"64080202849{n:05d}", "K") for n in range(1, 5)]  # last year's people
OTHERS_LATER = OTHERS + [("6408020284900099", "K")]


@pytest.mark.parametrize(
    "files, counting",
    [
        # "_final" and "_revisi" are both corrections of X: the one whose assessment got further counts
        ([("X.xlsx", EMPTY), ("X_final.xlsx", FIRST), ("X_revisi.xlsx", LATER)], "X_revisi.xlsx"),
        ([("X.xlsx", EMPTY), ("X_final.xlsx", LATER), ("X_revisi.xlsx", FIRST)], "X_final.xlsx"),
        ([("X_final.xlsx", FIRST), ("X_revisi.xlsx", REASSESSED)], "X_revisi.xlsx"),
        ([("X_baru.xlsx", LATER), ("X_perbaikan.xlsx", FIRST)], "X_baru.xlsx"),
        ([("X_baru.xlsx", FIRST), ("X_perbaikan.xlsx", LATER)], "X_perbaikan.xlsx"),
        ([("X.xlsx", FIRST), ("X_rev2.xlsx", FIRST[:5]), ("X_final.xlsx", LATER)], "X_final.xlsx"),
        # the names state the order: content does not overrule it
        ([("X.xlsx", EMPTY), ("X_rev1.xlsx", LATER), ("X_rev2.xlsx", FIRST)], "X_rev2.xlsx"),
        ([("X_final.xlsx", LATER), ("X_final_fix.xlsx", FIRST)], "X_final_fix.xlsx"),
        ([("X_revisi.xlsx", LATER), ("X_revisi_final.xlsx", FIRST)], "X_revisi_final.xlsx"),
        # same content counts on both sides: the name order as before ("final" last)
        ([("X_revisi.xlsx", FIRST), ("X_final.xlsx", [(nik, "K" if 0 < i < 4 else "BK") for i, nik in enumerate(NIKS[:6])])],
         "X_final.xlsx"),
        # the correction word in front of the name
        ([("Hasil Uji Angkatan VII.xlsx", FIRST), ("Perbaikan Hasil Uji Angkatan VII.xlsx", LATER)],
         "Perbaikan Hasil Uji Angkatan VII.xlsx"),
        ([("Daftar Peserta MTU.xlsx", FIRST), ("REVISI_Daftar Peserta MTU.xlsx", REASSESSED)],
         "REVISI_Daftar Peserta MTU.xlsx"),
        ([("Daftar Peserta MTU 2025.xlsx", FIRST), ("Daftar Peserta MTU Revisi 2025.xlsx", LATER)],
         "Daftar Peserta MTU Revisi 2025.xlsx"),
        # a correction filed in a sub-folder of its own replaces the list it corrects
        ([("2025/Hasil Uji.xlsx", FIRST), ("revisi/Hasil Uji (revisi).xlsx", LATER)], "revisi/Hasil Uji (revisi).xlsx"),
        # one year's folder holds last year's list of the same name, other people: not a first version
        ([("2024/Daftar Peserta.xlsx", OTHERS), ("2025/Daftar Peserta.xlsx", FIRST),
          ("2025/Daftar Peserta_revisi.xlsx", LATER)], {"2024/Daftar Peserta.xlsx", "2025/Daftar Peserta_revisi.xlsx"}),
        ([("2024/Daftar Peserta.xlsx", OTHERS), ("2024/Daftar Peserta_revisi.xlsx", OTHERS_LATER),
          ("2025/Daftar Peserta.xlsx", FIRST), ("2025/Daftar Peserta_revisi.xlsx", LATER)],
         {"2024/Daftar Peserta_revisi.xlsx", "2025/Daftar Peserta_revisi.xlsx"}),
    ],
)
def test_the_latest_correction_counts(files, counting):
    counting = {counting} if isinstance(counting, str) else counting
    for order in arrival_orders(files):
        report, raw = results_world(list(order))
        checked = check_submissions(report, raw, KUTIM)
        assert set(checked.loc[checked["status"] == "accepted", "source_file"]) == counting
        assert set(checked.loc[checked["status"] == "rejected", "rule"]) == {"superseded_by_revision"}
