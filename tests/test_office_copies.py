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


def _file(office_id: str, name: str, sha: str, jenjang: list[int | None], nik_from: str | None,
          reorder: bool = False) -> pd.DataFrame:
    """One file's accepted rows; ``reorder``: the same rows in another order at other row numbers
    (the file opened and saved again, rows sorted by name)."""
    frame = _rows(office_id, name, sha, jenjang, nik_from)
    if reorder:
        frame = frame.iloc[::-1].assign(source_sheet="Sheet1", source_row=range(7, 7 + len(frame)))
    return frame.reset_index(drop=True)


def _rows(office_id: str, name: str, sha: str, jenjang: list[int | None], nik_from: str | None) -> pd.DataFrame:
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
    # the province's list opened and saved again in a city's folder: other bytes, the same rows
    ("re-saved copy of the province's expert list",
     [(PROV, "ahli.xlsx", "a", EXPERTS, KUKAR), (SAMARINDA, "Tenaga Ahli 2026.xlsx", "a2", EXPERTS, KUKAR, True)],
     [(SAMARINDA, "Tenaga Ahli 2026.xlsx", PROV)]),
    # two rows alike at two offices in other bytes: two offices may well name one certificate
    ("two rows alike are no copy",
     [(PROV, "ahli.xlsx", "a", [7, 8], KUKAR), (SAMARINDA, "ahli.xlsx", "a2", [7, 8], KUKAR, True)],
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


# ------------------------------------------------------------------ at publish, over staged offices

def _expert_list() -> bytes:
    """The province's expert results: four Kompeten experts with Kaltim NIKs."""
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Tahap I")
    sheet.write("A1", "HASIL SERTIFIKASI TENAGA AHLI TAHAP I TAHUN 2025")
    sheet.write_row("A3", ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"])
    experts = [("AGUS SALIM", "6402010505790003", 7), ("SITI AMINAH", "6472014203850002", 8),
               ("RAHMAT HIDAYAT", "6408030606810004", 8), ("DEWI LESTARI", "6402035505900002", 9)]
    for number, (name, nik, jenjang) in enumerate(experts, start=1):
        sheet.write_row(2 + number, 0, [number, name, nik, "Ahli Teknik Jalan", jenjang, "Kompeten"])
    book.close()
    return buffer.getvalue()


def test_a_copy_is_left_to_its_owner_and_its_office_is_told(tmp_path):
    from datetime import date

    from assets.offices import stage_submissions, standardize_staged, write_office_feedback
    from assets.published import COPIES, link_staged_offices
    from pipelines.resources import OfficeRegistry, StagingStore
    from sources.registry import DEFAULT_REGISTRY

    import yaml

    entries = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["offices"]
    (tmp_path / "offices.yaml").write_text(yaml.safe_dump(
        {"offices": [e for e in entries if e["id"] in (PROV, KUKAR)]}, sort_keys=False), encoding="utf-8")
    data = _expert_list()
    for office_id in (PROV, KUKAR):
        folder = tmp_path / "landing" / office_id
        folder.mkdir(parents=True)
        (folder / "Hasil Sertifikasi Ahli 2025.xlsx").write_bytes(data)
    registry = OfficeRegistry(registry_path=str(tmp_path / "offices.yaml"), landing_root=str(tmp_path / "landing"))
    staging = StagingStore(data_dir=str(tmp_path / "data"))
    for office_id in (PROV, KUKAR):
        office = registry.office(office_id)
        stage_submissions(office, registry, staging)
        standardize_staged(office, staging, date(2026, 6, 30))
        write_office_feedback(office, staging)
    # each office's own ingest accepted the list (Kutai Kartanegara's report only flags the expert levels)
    assert "Berkas yang sama" not in _report_text(staging.feedback_dir(KUKAR))

    linked = link_staged_offices(registry, staging, "test-secret")
    assert set(linked.rows["office_id"]) == {PROV} and len(linked.rows) == 4
    copies = staging.read("linked", COPIES)
    assert copies[["office_id", "owner_office_id", "rows"]].values.tolist() == [[KUKAR, PROV, 4]]
    text = _report_text(staging.feedback_dir(KUKAR))
    assert "Berkas yang sama juga dikirim oleh dinas lain" in text
    assert f"dihitung pada {OFFICES[PROV].name} (prov-kaltim)" in text


def _report_text(folder) -> str:
    """Every cell of every sheet of the one feedback report in ``folder``."""
    from openpyxl import load_workbook

    (report,) = folder.glob("*.xlsx")
    book = load_workbook(report)
    return " ".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                    for cell in row if cell is not None)
