"""The linkage benchmark's own pieces: FEBRL recipe, noise, replication, scoring and tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("splink")

from benchmarks import febrl  # noqa: E402
from benchmarks import linkage as bench  # noqa: E402


def _febrl_frame(rows: list[tuple]) -> pd.DataFrame:
    columns = ["unique_id", "given_name", "surname", "date_of_birth", "soc_sec_id", "suburb", "postcode"]
    frame = pd.DataFrame(rows, columns=columns)
    for column in febrl.COLUMNS:
        if column not in frame:
            frame[column] = None
    frame["source_dataset"] = "x"
    return frame


def test_id_repair_needs_evidence():
    frame = _febrl_frame([
        ("a1", "mia", "lee", "19800101", "1234567", "x", "1000"),
        ("a2", "mai", "lee", "19800101", "1234576", "y", "2000"),   # transposed id, same birth date: repaired
        ("b1", "tom", "ray", "19700505", "7654321", "p", "3000"),
        ("b2", "ann", "kim", "19600606", "7654329", "q", "4000"),   # one digit off, nothing else agrees
        ("c1", "joe", "doe", "19500101", "5555555", "r", "5000"),
        ("c2", "joe", "doe", "19500101", "5555555", "r", "5000"),   # exact id
    ])
    labels, merges = febrl._id_groups(frame)
    assert labels[0] == labels[1]
    assert labels[2] != labels[3]
    assert labels[4] == labels[5]
    assert list(merges["evidence"]) == ["date_of_birth,surname"]


def test_guard_refuses_two_ids_and_two_birth_dates():
    assert febrl.guard_conflict({"1111111"}, {"9999999"}, {"19800101"}, {"19700707"}) is not None
    assert febrl.guard_conflict({"1111111"}, {"1111112"}, {"19800101"}, {"19700707"}) is None  # ids close
    assert febrl.guard_conflict({"1111111"}, {"9999999"}, {"19800101"}, {"19800102"}) is None  # dobs close
    assert febrl.guard_conflict(set(), {"9999999"}, {"19800101"}, {"19700707"}) is None
    assert febrl.guard_conflict(set(), set(), set(), set(), {"a"}, {"a", "b"}) is not None


def test_guarded_clusters_only_trusts_values_seen_twice():
    frame = _febrl_frame([
        ("p1", "x", "y", "19800101", "1111111", None, None),
        ("p2", "x", "y", "19800101", "1111111", None, None),
        ("q1", "x", "y", "19700707", "9999999", None, None),
        ("q2", "x", "y", "19700707", "9999999", None, None),
        ("r1", "x", "y", "19600606", "5555555", None, None),   # seen once: may be the typo
    ])
    labels = np.array([0, 0, 1, 1, -1])
    pairs = pd.DataFrame({
        "unique_id_l": ["p1", "q1"], "unique_id_r": ["q2", "r1"],
        "match_weight": [20.0, 10.0], "match_probability": [0.99, 0.98],
    })
    clusters, refused = febrl.guarded_clusters(frame, labels, pairs, link=False)
    assert clusters[0] != clusters[2]          # two confirmed ids and two confirmed birth dates
    assert clusters[2] == clusters[4]          # a single record's id is not confirmed
    assert list(refused["reason"]) == ["two ids and two birth dates"]


def test_id_m_sums_to_one():
    frame = _febrl_frame([
        ("a", "x", "y", "19800101", "1234567", None, None),
        ("b", "x", "y", "19800101", "1234568", None, None),
        ("c", "x", "y", "19800101", "1234567", None, None),
    ])
    m = febrl.id_m_from_name_and_birth(frame)
    assert sum(m.values()) == pytest.approx(1.0)
    assert m["exact"] > m["two"]


def _std_rows() -> pd.DataFrame:
    return pd.DataFrame({
        "office_id": ["o"] * 4,
        "source_file": ["f.xlsx"] * 4,
        "source_sha256": ["abc"] * 4,
        "source_sheet": ["S"] * 4,
        "source_row": [1, 2, 3, 4],
        "nik": pd.Series(["6408015203850001", "6408011203850002", None, "6408015203850001"], dtype="str"),
        "nik_status": pd.Series(["valid", "valid", "missing", "valid"], dtype="str"),
        "nik_partial": pd.Series([None, None, None, None], dtype="str"),
        "nama_kunci": pd.Series(["siti aminah", "budi santoso", "agus", "siti aminah"], dtype="str"),
        "tanggal_lahir": pd.to_datetime(["1985-03-12", "1985-03-12", None, "1985-03-12"]),
        "jenis_kelamin": pd.Series(["P", "L", "L", "P"], dtype="str"),
        "tempat_lahir": pd.Series(["Sangatta"] * 4, dtype="str"),
        "nomor_sertifikat": pd.Series(["SKK-1", None, None, "SKK-1"], dtype="str"),
    })


def test_add_noise_reparses_niks_and_keeps_provenance():
    rows = _std_rows()
    noisy = bench.add_noise(rows, nik_share=1.0, name_share=1.0, seed=3)
    assert len(noisy) == len(rows)
    assert noisy[["source_file", "source_row"]].equals(rows[["source_file", "source_row"]])
    assert (noisy["nama_kunci"] != rows["nama_kunci"]).sum() == 4
    assert (noisy["nama_kunci"].str[0] == rows["nama_kunci"].str[0]).all()
    changed = noisy["nik"].ne(rows["nik"]) | noisy["nik_status"].ne(rows["nik_status"])
    assert changed[[0, 1, 3]].all()
    assert set(noisy["nik_status"]) <= {"valid", "missing", "invalid", "excel_truncated", "scientific_notation",
                                       "wrong_length"}
    # a valid status always comes with a 16-digit NIK
    valid = noisy["nik_status"] == "valid"
    assert noisy.loc[valid, "nik"].str.len().eq(16).all()


def test_shift_nik_moves_region_and_birth_date():
    values = pd.Series(["6408015203850001", "640801520385001", "64", "6499015203850001", None], dtype="str")
    out = bench.shift_nik(values, 3, 1)
    prefixes = bench._regency_prefixes()
    region = prefixes[(prefixes.index("6408") + 3 * bench.REGION_STRIDE) % len(prefixes)]
    assert out[0] == region + "015303850001"      # another regency, a woman born 13-03-85 (+40)
    assert out[1] == region + "01530385001"       # the known 15 digits shift the same way
    assert out[2] == "64"
    assert out[3] == "6499015303850001"           # no regency 64.99: a typo, left as it is
    assert out[4] is None


def test_replicate_makes_new_persons():
    rows = _std_rows()
    labels = pd.Series(["p1", "p2", "p3", "p1"])
    big, truth = bench.replicate(rows, labels, 10)
    assert len(big) == len(truth) == 10
    assert truth[0] == truth[3] and truth[4] != truth[0]
    assert big["nik"].iloc[4] != big["nik"].iloc[0]
    assert big["nomor_sertifikat"].iloc[4] == "SKK-1/1"
    assert big[["source_sha256", "source_row"]].drop_duplicates().shape[0] == 10


def test_score_and_tables_format():
    score = bench.score_labels(["a", "a", "b", "c"], ["x", "x", "y", "y"])
    assert score["precision"] == 1.0 and score["recall"] == 0.5
    quality = [{"data": "demo clean", "rows": 4, "engine": "ours", "seconds": 1.0, **score,
                "cells": 2, "cells_exact": 1, "abs_gap": 1, "net_gap": -1, "max_cell_gap": 1, "abs_gap_share": 0.5}]
    assert "| demo clean | 4 | ours |" in bench._fmt_quality(quality)
    speed = [{"engine": "ours", "rows": 10, "seconds": 2.0, "rows_per_s": 5.0, "peak_mib": 100.0,
              "input_mib": 50.0, "f1": 1.0}, {"engine": "splink_plain", "rows": 10, "failed": "timed out"}]
    text = bench._fmt_speed(speed)
    assert "| 10 | ours | 2.0 | 5 | 100 | 50 | 1.0000 |" in text and "failed: timed out" in text


def test_rename_copy_keeps_missing_and_spelling():
    names = pd.Series(["siti aminah", None, "siti amnah", "supriyadi s"], dtype="str")
    out = bench.rename_copy(names, 1)
    assert out[0] == "siti aminah bi" and out[1] is None and out[2] == "siti amnah bi"
    # a word of its own: the initial stays an initial
    assert out[3] == "supriyadi s bi"
    assert bench.rename_copy(names, 0)[0] == "siti aminah ba"
    assert bench.rename_copy(names, 2)[0] != out[0]


def test_verdicts_name_targets():
    quality = [
        {"data": "FEBRL3 (dedupe)", "engine": "febrl_ours", "f1": 0.9995},
        {"data": "FEBRL3 (dedupe)", "engine": "febrl_tutorial", "f1": 0.99},
        {"data": "FEBRL4 (link A-B)", "engine": "febrl_ours", "f1": 0.999},
    ]
    lines = bench.quality_verdicts(quality)
    assert "target 0.999 met" in lines[0] and "ours not below" in lines[0]
    assert "NOT met" in lines[1]
    speed = [{"engine": "ours", "rows": 1_000_000, "seconds": 130.0, "peak_mib": 3000.0}]
    assert "NOT met" in bench.speed_verdicts(speed)[0] and "MiB: met" in bench.speed_verdicts(speed)[0]


def test_cells_table_lists_wrong_cells_only_for_the_engine():
    results = [
        {"data": "demo heavy", "rows": 20000, "engine": "ours", "off_cells": [("64.08", 3, 10, 9, 8, 8)]},
        {"data": "demo heavy", "rows": 20000, "engine": "splink_plain", "off_cells": [("64.72", 2, 1, 2, 1, 2)]},
    ]
    text = bench._fmt_cells(results)
    assert "| demo heavy | 20,000 | 64.08 | 3 | 10 / 9 | 8 / 8 |" in text and "64.72" not in text
    assert "equals the truth" in bench._fmt_cells([{"data": "demo clean", "engine": "ours", "off_cells": []}])
