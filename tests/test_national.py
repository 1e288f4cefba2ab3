"""National scale (issue 11): the 552-office registry, parallel office ingests, skipping unchanged offices.

The world is a small one over the 8 demo offices plus 4 generic ones
(``benchmarks.national.write_registry(limit=12)``). The pipeline runs use six of its
offices (:data:`RUN_OFFICES`): the same code paths as the 552-office benchmark, and
each of the four runs costs what its offices cost, so six prove what twelve did.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import yaml

from benchmarks.national import generate, national_registry, office_rows, write_registry
from pipelines.run import run_everything
from pipelines.settings import Settings
from sources.registry import load_registry

PUBLISH = date(2026, 6, 30)
SECRET = "test-secret"
# Enough for what the runs prove: more offices than workers, a province and its regency
# (persons cross offices), kota-palembang's CSVs (one is withdrawn below), an office whose
# landing holds unreadable and foreign files, and generic offices, the smallest among them.
RUN_OFFICES = ("kab-kutai-timur", "prov-kaltim", "kota-palembang", "kab-muara-enim", "prov-aceh", "kab-aceh-timur")


def _settings(landing: Path, registry: Path, data_dir: Path) -> Settings:
    return Settings(registry_path=registry, landing_root=landing, data_dir=data_dir,
                    warehouse_url=f"duckdb:///{data_dir / 'warehouse.duckdb'}")


def _headline(report) -> pd.DataFrame:
    frame = report.headline
    return frame.sort_values(list(frame.columns[:3])).reset_index(drop=True)


def _log(report) -> pd.DataFrame:
    columns = ["office_id", "source_file", "status", "rows_read", "rows_accepted", "rows_quarantined", "rows_flagged"]
    return report.submission_log[columns].sort_values(["office_id", "source_file"]).reset_index(drop=True)


def test_registry_has_every_office_of_the_reference_and_loads(tmp_path):
    entries = national_registry()
    assert len(entries) == 552
    assert sum(entry["level"] == "province" for entry in entries) == 38
    offices = load_registry(write_registry(tmp_path / "offices.yaml"))
    assert len(offices) == 552
    # the demo offices keep their ids (and so their demo profiles)
    assert {"kab-kutai-timur", "prov-kaltim", "kota-palembang"} <= set(offices)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("national")
    registry = write_registry(root / "offices.yaml", limit=12)
    landing = root / "landing"
    # 600 rows: the six run offices hold 29-184 rows each (1,415 at 1,500 rows, 24% more CPU per full
    # run); the runs compare run modes, which the number of rows per office does not change.
    generate(landing, registry, rows=600, seed=7)
    return landing, registry, root


def test_skewed_world_has_big_and_small_offices(world):
    landing, registry, _ = world
    sizes = sorted(office_rows(landing).values())
    assert len(sizes) == 12
    assert sizes[-1] > 5 * sizes[0]


@pytest.fixture(scope="module")
def run_world(world):
    """:data:`RUN_OFFICES` of the world: their registry entries and landing folders only."""
    landing, registry, root = world
    entries = yaml.safe_load(registry.read_text(encoding="utf-8"))["offices"]
    kept = [entry for entry in entries if entry["id"] in RUN_OFFICES]
    assert sorted(entry["id"] for entry in kept) == sorted(RUN_OFFICES)
    subset = root / "runs"
    subset_registry = subset / "offices.yaml"
    subset_registry.parent.mkdir()
    subset_registry.write_text(yaml.safe_dump({"offices": kept}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for office_id in RUN_OFFICES:
        shutil.copytree(landing / office_id, subset / "landing" / office_id)
    return subset / "landing", subset_registry, subset


def test_parallel_and_incremental_runs_publish_the_same_headline(run_world):
    """A parallel full refresh, a run with nothing changed, then one office's file gone: the
    incremental run (that office ingested alone, the other five kept from the parallel
    ingest) publishes what a sequential full refresh of the same landing publishes."""
    landing, registry, root = run_world
    parallel = run_everything(_settings(landing, registry, root / "par"), SECRET, publish_date=PUBLISH, workers=2)
    assert len(parallel.offices_ingested) == 6

    # Nothing changed: every office is skipped, the publish gives the same headline.
    again = run_everything(_settings(landing, registry, root / "par"), SECRET, publish_date=PUBLISH, workers=2,
                           skip_unchanged=True)
    assert again.offices_ingested == [] and len(again.offices_skipped) == 6
    pd.testing.assert_frame_equal(_headline(again), _headline(parallel))

    # One office loses a file: only it is ingested again, and the result equals a sequential full refresh.
    office_id = "kota-palembang"
    victim = sorted((landing / office_id).glob("*.csv"))[-1]
    shutil.move(victim, root / victim.name)
    try:
        incremental = run_everything(_settings(landing, registry, root / "par"), SECRET, publish_date=PUBLISH,
                                     workers=2, skip_unchanged=True)
        sequential = run_everything(_settings(landing, registry, root / "seq"), SECRET, publish_date=PUBLISH, workers=1)
    finally:
        shutil.move(root / victim.name, victim)
    assert incremental.offices_ingested == [office_id] and len(incremental.offices_skipped) == 5
    assert len(sequential.offices_ingested) == 6
    pd.testing.assert_frame_equal(_headline(incremental), _headline(sequential))
    pd.testing.assert_frame_equal(_log(incremental), _log(sequential))
    assert len(incremental.persons) == len(sequential.persons)
    assert not _headline(sequential).equals(_headline(parallel))  # the file mattered
