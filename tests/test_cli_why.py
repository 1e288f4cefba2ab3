"""``sertifikasi why``: row references and the explanation printed from the staged links."""

from __future__ import annotations

import pandas as pd
import pytest

from pipelines.cli import main, parse_row_ref
from pipelines.resources import StagingStore


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kab-kutai-timur/DAFTAR_PESERTA_MTU_2024.xlsx#Kaubun:10",
         {"office_id": "kab-kutai-timur", "source_file": "DAFTAR_PESERTA_MTU_2024.xlsx", "source_sheet": "Kaubun", "source_row": 10}),
        ("prov-kaltim/REKAP 2024.xlsx#Rekap Kabupaten:52",
         {"office_id": "prov-kaltim", "source_file": "REKAP 2024.xlsx", "source_sheet": "Rekap Kabupaten", "source_row": 52}),
        ("kota-palembang/sertifikasi_operator_2022.csv:75",
         {"office_id": "kota-palembang", "source_file": "sertifikasi_operator_2022.csv", "source_row": 75}),
        ("kab-muaro-jambi/export:2024/page-1.json:3",  # a colon in the file name: the row is after the last one
         {"office_id": "kab-muaro-jambi", "source_file": "export:2024/page-1.json", "source_row": 3}),
    ],
)
def test_row_references(text, expected):
    assert parse_row_ref(text) == expected


@pytest.mark.parametrize("text", ["no-slash.xlsx:3", "office/file.xlsx", "office/file.xlsx:row"])
def test_unreadable_row_reference_says_the_form(text):
    with pytest.raises(SystemExit, match="office/file\\[#sheet\\]:row"):
        parse_row_ref(text)


def _row(office, file, sheet, row, key):
    return {"office_id": office, "source_file": file, "source_sha256": file * 2, "source_sheet": sheet,
            "source_row": row, "person_key": key}


def test_why_prints_the_chain_and_says_when_rows_are_different_persons(tmp_path, capsys):
    staging = StagingStore(data_dir=str(tmp_path))
    rows = pd.DataFrame([
        _row("kab-kutai-timur", "a.xlsx", "S", 10, "p1"),
        _row("prov-kaltim", "b.xlsx", "Rekap", 52, "p1"),
        _row("prov-kaltim", "b.xlsx", "Rekap", 53, "p1"),
        _row("kota-palembang", "c.csv", "", 7, "p2"),
    ])
    staging.write("linked", "_all", rows)

    def link(a, b, method, kind, evidence):
        out = {f"{c}_l": rows.iloc[a][c] for c in ("office_id", "source_file", "source_sha256", "source_sheet", "source_row")}
        out |= {f"{c}_r": rows.iloc[b][c] for c in ("office_id", "source_file", "source_sha256", "source_sheet", "source_row")}
        return {**out, "person_key": "p1", "method": method, "kind": kind, "evidence": evidence,
                "match_weight": None, "match_probability": None, "agreed_fields": ""}

    staging.write("linked", "links", pd.DataFrame([
        link(0, 1, "nik_repair", "excel_truncated", "last digits zeroed by Excel; agree: nama_kunci, tanggal_lahir"),
        link(1, 2, "exact_nik", "exact_nik", "same valid NIK"),
    ]))
    argv = ["why", "--data-dir", str(tmp_path)]

    assert main([*argv, "kab-kutai-timur/a.xlsx#S:10", "prov-kaltim/b.xlsx#Rekap:53"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "one person (p1), through 2 link(s):",
        "  kab-kutai-timur/a.xlsx:10 -- prov-kaltim/b.xlsx:52",
        "    nik_repair (excel_truncated): last digits zeroed by Excel; agree: nama_kunci, tanggal_lahir",
        "  prov-kaltim/b.xlsx:52 -- prov-kaltim/b.xlsx:53",
        "    exact_nik (exact_nik): same valid NIK",
    ]

    assert main([*argv, "kab-kutai-timur/a.xlsx#S:10", "kota-palembang/c.csv:7"]) == 1
    assert capsys.readouterr().out.strip() == "different persons: no chain of links joins these rows"

    assert main([*argv, "kab-kutai-timur/a.xlsx#S:99", "kota-palembang/c.csv:7"]) == 2
