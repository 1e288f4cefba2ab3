"""The fourth blind judge's world (tests/blind_generator_4.py): file-level and portal mess.

The generator and its truth (tests/snapshots/blind_world_4_truth.json) were written before
any pipeline code was read: paged portal JSON in four shapes, CSV in every delimiter and
encoding an office's tools write, workbooks with title blocks, merged headers, hidden
dropdown sheets and Rekap sheets, copies, misfiled files, revisions, an empty template and
header-only files. Measured here against the truth the generator counted from its own model:
headline cells (certified persons per region and jenjang), persons, merges and splits of
persons, and that every participant row written is in the warehouse or in quarantine (or
its whole file rejected with a reason).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipelines.settings import Settings
from tests.blind_generator_4 import build
from tests.hand_worlds import (column, headline_cells, persons_of_keys,
                               row_address, rows_by_address, rows_lost, run_hand_world)

PUBLISH = date(2026, 6, 30)
SNAPSHOT = Path(__file__).parent / "snapshots" / "blind_world_4_truth.json"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("blind4")
    truth = build(root)
    settings = Settings(registry_path=root / "offices.yaml", landing_root=root / "landing", data_dir=root / "data",
                        warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")
    report = run_hand_world(
        settings, PUBLISH, blind_facts="select office_id, source_file, source_sheet, source_row, person_key, hasil, jenjang from fact_participation", blind_log="select office_id, source_file, status, rule from submission_log",
        blind_quarantine="select source_file, source_sheet, source_row, rule from quarantine",
        blind_counts="select (select count(*) from dim_person) as persons, "
                     "(select count(*) from fact_certification) as certificates")
    facts, quarantine, log = report.blind_facts, report.blind_quarantine, report.blind_log
    persons, certificates = (int(n) for n in report.blind_counts.iloc[0])
    return truth, report, facts, quarantine, log, (persons, certificates)


def test_generator_matches_its_committed_truth(tmp_path):
    """The truth was committed before the first run; the generator still writes it."""
    assert build(tmp_path) == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_every_office_ingests(run):
    _, report, *_ = run
    assert report.offices_failed == {}


def test_headline_cells_equal_the_truth(run):
    truth, report, *_ = run
    got = {f"{k[0]}|{k[1]}": v for k, v in column(headline_cells(report), 0).items() if v}
    assert got == truth["headline"]


def test_persons_and_certificates_equal_the_truth(run):
    truth, *_, (persons, certificates) = run
    assert (persons, certificates) == (truth["persons"], truth["certificates"])


def test_every_row_is_accounted_for(run):
    """Each participant row written: in fact_participation, in quarantine, or its file rejected."""
    truth, _, facts, quarantine, log, _ = run
    assert rows_lost(truth["rows"], facts, quarantine, log) == []


def test_rows_of_counted_files_are_accepted_once(run):
    """A row of a file that counts is in fact_participation, and no row of a file that must not
    count (copy, replaced first version, Ketapang's file in Pontianak's folder) is."""
    truth, _, facts, *_ = run
    accepted = rows_by_address(facts)
    files_counting = {(f["office"], f["name"]) for f in truth["files"] if f["counts_at"]}
    missing = [(t["file"], t["sheet"], t["row"]) for t in truth["rows"]
               if t["counts"] and row_address(t["file"], t["sheet"], t["row"]) not in accepted]
    extra = sorted({r.source_file for r in facts.itertuples()
                    if not any(name == r.source_file for _o, name in files_counting)})
    assert (missing, extra) == ([], [])


def test_no_key_holds_two_persons(run):
    truth, _, facts, *_ = run
    persons_of, _ = persons_of_keys(truth["rows"], facts)
    assert {k: sorted(v) for k, v in persons_of.items() if len(v) > 1} == {}


def test_one_key_per_person(run):
    truth, _, facts, *_ = run
    _, keys_of = persons_of_keys(truth["rows"], facts)
    assert {p: len(v) for p, v in keys_of.items() if len(v) > 1} == {}
