"""The fifth blind judge's world (tests/blind_generator_5.py): eastern Indonesia after the 2022
Papua split, and West Java / Jakarta.

The generator and its truth (tests/snapshots/blind_world_5_truth.json) were written from DOMAIN.md,
the seeds, the README and docs/warehouse.md before any pipeline code was read: Papua NIKs above
2**53 through float columns (pandas CSV, a portal's JSON numbers, LibreOffice .ods, Excel's 15
digits), Merauke / Mimika / Kota Sorong whose region code changed in 2022 while their old files and
NIKs keep the old one, Christian, clan, Sundanese, Chinese-Indonesian and Batak names as clerks
write them, Google Sheets CSV with a BOM, sheets per distrik / kecamatan, title columns, province
recaps, a revision, a misfiled file, a byte copy, an attendance list. Measured against the truth
the generator counted from its own model.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from pipelines.settings import Settings
from tests.blind_generator_5 import SEED, build
from tests.hand_worlds import (column, headline_cells, persons_of_keys,
                               row_address, rows_by_address, rows_lost, run_hand_world)

PUBLISH = date(2026, 6, 30)
SNAPSHOT = Path(__file__).parent / "snapshots" / "blind_world_5_truth.json"
# One seed by default; ``BLIND5_SEEDS=5505,7,11`` runs more (measured clean: 7, 11, 13, 17, 23, 31; KNOWN below).
SEEDS = [int(s) for s in os.environ.get("BLIND5_SEEDS", str(SEED)).split(",")]
# Measured mismatches, strict: (seed, test) -> reason.
_ROTE = ("seed 19: Kota Kupang's 2025 Google Sheets CSV has no title and 6 of its 7 NIKs from Rote Ndao (53.14), so "
         "it reads as Rote Ndao's list (file_from_other_office) and its 7 rows are quarantined; a city's migrants "
         "keeping their island KTPs and another regency's list look alike on NIKs alone")
_FR_X = ("'Fr. X.' is this generator's shortening of Fransiskus Xaverius (a regency row with the NIK, a province "
         "recap or the next year's list without it): public lists write FX. or F.X. ('FX. Eko Agus Riyanto'), and "
         "'Fr.' is the title Frater, so no rule reads a two-letter 'Fr' as Fransiskus; the person is split in two")
KNOWN: dict[tuple[int, str], str] = {
    (29, "test_persons_and_certificates_equal_the_truth"): _FR_X,
    (29, "test_one_key_per_person"): _FR_X,
    (37, "test_persons_and_certificates_equal_the_truth"): _FR_X,
    (37, "test_one_key_per_person"): _FR_X,
    (19, "test_headline_cells_equal_the_truth"): _ROTE,
    (19, "test_persons_and_certificates_equal_the_truth"): _ROTE,
    (19, "test_rows_of_counted_files_are_accepted_once"): _ROTE,
}


@pytest.fixture(autouse=True)
def _known(request):
    if "run" in getattr(request, "fixturenames", ()) and hasattr(request.node, "callspec"):
        reason = KNOWN.get((request.node.callspec.params["run"], request.node.originalname))
        if reason:
            request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))


@pytest.fixture(scope="module", params=SEEDS, ids=lambda s: f"seed{s}")
def run(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"blind5_{request.param}")
    truth = build(root, seed=request.param)
    settings = Settings(registry_path=root / "offices.yaml", landing_root=root / "landing", data_dir=root / "data",
                        warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")
    report = run_hand_world(
        settings, PUBLISH,
        blind_facts="select office_id, source_file, source_sheet, source_row, person_key, hasil, jenjang "
                    "from fact_participation",
        blind_log="select office_id, source_file, status, rule from submission_log",
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
    assert (report.offices_failed, report.landing_unclaimed) == ({}, [])


def test_headline_cells_equal_the_truth(run):
    truth, report, *_ = run
    got = {f"{k[0]}|{k[1]}": v for k, v in column(headline_cells(report), 0).items() if v}
    wrong = {k: (got.get(k), truth["headline"].get(k)) for k in sorted(set(got) | set(truth["headline"]))
             if got.get(k) != truth["headline"].get(k)}
    assert wrong == {}


def test_persons_and_certificates_equal_the_truth(run):
    truth, *_, (persons, certificates) = run
    assert (persons, certificates) == (truth["persons"], truth["certificates"])


def test_every_row_is_accounted_for(run):
    """Each participant row written: in fact_participation, in quarantine, or its file rejected."""
    truth, _, facts, quarantine, log, _ = run
    assert rows_lost(truth["rows"], facts, quarantine, log) == []


def test_rows_of_counted_files_are_accepted_once(run):
    """A result row of a file that counts is in fact_participation, and no row of a file that must
    not count (a byte copy, a first version replaced by its revision) is."""
    truth, _, facts, *_ = run
    accepted = rows_by_address(facts)
    counting = {f["name"] for f in truth["files"] if f["counts_at"]}
    missing = [(t["file"], t["sheet"], t["row"]) for t in truth["rows"]
               if t["counts"] and t["kind"] == "list" and row_address(t["file"], t["sheet"], t["row"]) not in accepted]
    extra = sorted({r.source_file for r in facts.itertuples() if r.source_file not in counting})
    assert (missing, extra) == ([], [])


def test_no_key_holds_two_persons(run):
    truth, _, facts, *_ = run
    persons_of, _ = persons_of_keys(truth["rows"], facts)
    assert {k: sorted(v) for k, v in persons_of.items() if len(v) > 1} == {}


def test_one_key_per_person(run):
    truth, _, facts, *_ = run
    _, keys_of = persons_of_keys(truth["rows"], facts)
    assert {p: len(v) for p, v in keys_of.items() if len(v) > 1} == {}
