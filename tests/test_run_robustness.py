"""Issue 13, "the run must never be taken down": one run per data directory, one office's
failure does not stop the others, offices without a landing folder are named.

The runs use one small demo world (3 of the registry's offices, about 300 rows) and the real
``sertifikasi run`` code: ``run_everything`` in-process, ``pipelines.cli.main``, and
two ``python -m pipelines run`` processes started together.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest
import yaml

import assets.offices
import pipelines.run
from assets.published import no_rows_message, office_list
from benchmarks.national import write_registry
from demo.generate import generate_world
from pipelines.cli import EXIT_LOCKED, EXIT_OFFICES_FAILED, EXIT_PUBLISH_FAILED, main
from pipelines.resources import OfficeRegistry, StagingStore
from pipelines.run import RunLocked, _write_manifest, run_everything, run_lock, run_lock_path
from pipelines.settings import Settings
from sources.registry import DEFAULT_REGISTRY, RegistryError, load_registry
from warehouse.publish import make_engine, read_table

REPO = Path(__file__).resolve().parents[1]
PUBLISH = date(2026, 6, 30)
SECRET = "test-secret"
FAILING = "kota-palembang"
# A regency, the failing city and a province: every kind of office, and three ingests per run.
OFFICES = ["kab-kutai-timur", "prov-kaltim", "kota-palembang"]  # in registry order
# A registry office that has sent nothing yet: no landing folder.
SILENT = {"id": "kab-berau", "name": "Dinas PUPR Kabupaten Berau", "level": "regency", "region_code": "64.03"}
LOG_COLUMNS = ["office_id", "source_file", "status", "rows_read", "rows_accepted", "rows_quarantined", "rows_flagged"]
STARTED = r"\d{4}-\d\d-\d\d \d\d:\d\d UTC"


def _settings(landing: Path, data_dir: Path, registry: Path = DEFAULT_REGISTRY) -> Settings:
    return Settings(registry_path=Path(registry), landing_root=landing, data_dir=data_dir,
                    warehouse_url=f"duckdb:///{data_dir / 'warehouse.duckdb'}")


def _headline(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns[:3])).reset_index(drop=True)


def _log(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[LOG_COLUMNS].sort_values(["office_id", "source_file"]).reset_index(drop=True)


def _published(settings: Settings, table: str) -> pd.DataFrame:
    engine = make_engine(settings.warehouse_url)
    try:
        return read_table(engine, table)
    finally:
        engine.dispose()


def _locked_line(pid: int, data_dir: Path) -> str:
    return (rf"sertifikasi: another sertifikasi run \(pid {pid}, started {STARTED}\) is using data directory "
            rf"{re.escape(str(data_dir))}; wait for it to finish")


@pytest.fixture(autouse=True)
def _cli_environment(monkeypatch):
    # The CLI reads these; the tests' runs use ephemeral Dagster instances and their own folders.
    for name in ("DAGSTER_HOME", "WAREHOUSE_URL", "SERTIFIKASI_DATA_DIR", "SERTIFIKASI_LANDING", "SERTIFIKASI_REGISTRY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PERSON_KEY_SECRET", SECRET)


def _registry_of(world: Path) -> Path:
    """The registry of the world's offices (written beside its landing folder)."""
    return world.parent / "offices.yaml"


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    """A small demo landing zone: a folder for each of :data:`OFFICES`, and their registry."""
    landing = tmp_path_factory.mktemp("robust") / "landing"
    entries = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["offices"]
    _registry_of(landing).write_text(
        yaml.safe_dump({"offices": [entry for entry in entries if entry["id"] in OFFICES]}), encoding="utf-8")
    generate_world(landing, rows=300, seed=11, nik_damage=False, registry_path=_registry_of(landing))
    return landing


@pytest.fixture(scope="module")
def baseline(world, tmp_path_factory):
    """One clean sequential run over the world: its settings and report."""
    settings = _settings(world, tmp_path_factory.mktemp("baseline") / "data", _registry_of(world))
    report = run_everything(settings, SECRET, publish_date=PUBLISH)
    assert report.offices_failed == {} and report.offices_ingested == OFFICES
    return settings, report


# ------------------------------------------------------------------ one run per data directory
def test_a_second_run_on_a_locked_data_directory_stops_at_once(tmp_path):
    data = tmp_path / "data"
    with run_lock(data) as path:
        assert path == data / ".sertifikasi-run.lock"
        holder = path.read_text(encoding="utf-8")
        assert re.fullmatch(rf"pid {os.getpid()}, started {STARTED}\n", holder)
        with pytest.raises(RunLocked) as locked:
            run_everything(_settings(tmp_path / "landing", data), SECRET)
    assert str(locked.value) == (f"another sertifikasi run ({holder.strip()}) is using data directory {data}; "
                                 "wait for it to finish")
    # it stopped before touching anything: no staging, no warehouse
    assert sorted(p.name for p in data.iterdir()) == [".sertifikasi-run.lock"]
    # released with the block: the next run locks it
    with run_lock(data):
        pass


def test_the_lock_is_released_when_the_run_fails(tmp_path):
    data = tmp_path / "data"
    settings = replace(_settings(tmp_path / "landing", data), registry_path=tmp_path / "missing.yaml")
    with pytest.raises(RegistryError, match="office registry not found"):
        run_everything(settings, SECRET)
    with run_lock(data):
        pass


def test_a_lock_taken_by_another_process_before_it_wrote_its_line(tmp_path):
    """The holder locks first and writes its pid after: the message then names no pid."""
    data = tmp_path / "data"
    data.mkdir()
    with open(run_lock_path(data), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(RunLocked) as locked:
            with run_lock(data):
                pass
    assert str(locked.value) == f"another sertifikasi run is using data directory {data}; wait for it to finish"


def test_cli_run_on_a_locked_data_directory_exits_75_without_a_traceback(tmp_path, capsys):
    data = tmp_path / "data"
    with run_lock(data):
        code = main(["run", "--data-dir", str(data), "--landing", str(tmp_path / "landing"), "--workers", "1"])
    err = capsys.readouterr().err
    assert code == EXIT_LOCKED == 75
    assert re.fullmatch(_locked_line(os.getpid(), data) + "\n", err), err


def test_cli_run_with_a_dagster_home_that_does_not_exist_says_so(tmp_path, monkeypatch):
    # A fresh clone under `make`: the Makefile exports DAGSTER_HOME before anything created it.
    home = tmp_path / "dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with pytest.raises(SystemExit) as stopped:
        main(["run", "--data-dir", str(tmp_path / "data"), "--landing", str(tmp_path / "landing"), "--workers", "1"])
    assert str(stopped.value) == (
        f"sertifikasi: DAGSTER_HOME={home} is not a directory; create it (make demo does) "
        "or unset DAGSTER_HOME to run on a throwaway instance"
    )


def test_two_runs_started_together_one_publishes_the_other_stops(world, baseline, tmp_path):
    """Two real ``sertifikasi run`` processes on one data directory: exactly one runs."""
    data = tmp_path / "data"
    argv = [sys.executable, "-m", "pipelines", "run", "--data-dir", str(data), "--landing", str(world),
            "--registry", str(_registry_of(world)),
            "--workers", "1", "--publish-date", PUBLISH.isoformat()]
    runs = []
    for n in range(2):
        with open(tmp_path / f"run{n}.out", "w") as out, open(tmp_path / f"run{n}.err", "w") as err:
            runs.append(subprocess.Popen(argv, cwd=REPO, env=os.environ.copy(), stdout=out, stderr=err))
    codes = [run.wait(timeout=900) for run in runs]
    assert sorted(codes) == [0, EXIT_LOCKED], codes
    winner, loser = (0, 1) if codes[0] == 0 else (1, 0)
    err = (tmp_path / f"run{loser}.err").read_text()
    assert "Traceback" not in err
    assert re.fullmatch(_locked_line(runs[winner].pid, data), err.strip().splitlines()[-1]), err
    assert (tmp_path / f"run{loser}.out").read_text() == ""
    assert "total certified persons" in (tmp_path / f"run{winner}.out").read_text()
    # the warehouse is whole and readable: the headline of a clean run, every office in the log
    settings, report = baseline
    published = _settings(world, data, _registry_of(world))
    pd.testing.assert_frame_equal(_headline(_published(published, "certified_workers_by_region_level")),
                                  _headline(report.headline))
    assert sorted(_published(published, "submission_log")["office_id"].unique()) == sorted(OFFICES)


def test_manifest_is_written_under_a_name_of_its_own(tmp_path):
    """A half-written manifest of another writer under the old fixed name does not stop this one."""
    settings = _settings(tmp_path / "landing", tmp_path / "data")
    staging = tmp_path / "data" / "staging"
    (staging / "run_manifest.tmp").mkdir(parents=True)  # the old fixed temporary name, in use
    _write_manifest(settings, {"kab-kutai-timur": "abc"})
    _write_manifest(settings, {"kab-kutai-timur": "def"})
    assert json.loads((staging / "run_manifest.json").read_text()) == {"kab-kutai-timur": "def"}
    assert sorted(p.name for p in staging.iterdir()) == ["run_manifest.json", "run_manifest.tmp"]


# ------------------------------------------------------------------ one office's failure
def test_a_failing_office_does_not_stop_the_others(world, baseline, tmp_path, monkeypatch):
    base_settings, base_report = baseline
    data = tmp_path / "data"
    shutil.copytree(base_settings.data_dir, data)  # the earlier run's staged rows and manifest
    settings = _settings(world, data, _registry_of(world))
    read_office_files = assets.offices.read_office_files

    def disk_full_for_one_office(office, files, folder=None):
        if office.id == FAILING:
            raise OSError(28, "No space left on device")
        return read_office_files(office, files, folder)

    monkeypatch.setattr(assets.offices, "read_office_files", disk_full_for_one_office)
    report = run_everything(settings, SECRET, publish_date=PUBLISH)
    others = [office_id for office_id in OFFICES if office_id != FAILING]
    assert report.offices_failed == {FAILING: "step office_submissions: OSError: [Errno 28] No space left on device"}
    assert report.offices_ingested == others
    # every office is published: the others freshly ingested, the failed one from its earlier staged rows
    pd.testing.assert_frame_equal(_log(report.submission_log), _log(base_report.submission_log))
    pd.testing.assert_frame_equal(_headline(report.headline), _headline(base_report.headline))
    # the failed office is out of the run manifest, so the next run ingests it again
    manifest = json.loads((data / "staging" / "run_manifest.json").read_text())
    assert sorted(manifest) == sorted(others)
    monkeypatch.undo()
    again = run_everything(settings, SECRET, publish_date=PUBLISH, skip_unchanged=True)
    assert again.offices_ingested == [FAILING] and sorted(again.offices_skipped) == sorted(others)
    assert again.offices_failed == {}


def _worker_killed_on_failing_office(office_id: str) -> dict:
    """An office ingest that takes its worker process down, as the out-of-memory killer
    would, for FAILING; the real ingest for the others (module level: workers import it)."""
    if office_id == FAILING:
        os.kill(os.getpid(), 9)
    return pipelines.run._ingest_one(office_id)


def test_a_worker_that_dies_fails_only_its_office(world, tmp_path):
    """The dead worker breaks the pool; the offices queued behind it are ingested on a new one."""
    settings = _settings(world, tmp_path / "data", _registry_of(world))
    outcomes = pipelines.run._ingest_on_pool(settings, SECRET, OFFICES, dg.DagsterInstance.ephemeral(), workers=2,
                                             on_done=None, run_config=pipelines.run.QUIET,
                                             ingest_one=_worker_killed_on_failing_office)
    errors = {outcome["office_id"]: outcome["error"] for outcome in outcomes}
    assert sorted(errors) == sorted(OFFICES)
    assert {office_id: error for office_id, error in errors.items() if error} == {
        FAILING: "worker: BrokenProcessPool: A process in the process pool was terminated abruptly while the future "
                 "was running or pending."}
    staging = StagingStore(data_dir=str(settings.data_dir))
    assert [office_id for office_id in OFFICES if staging.path("standardized", office_id).exists()] == [
        office_id for office_id in OFFICES if office_id != FAILING]


def test_cli_lists_failed_offices_and_offices_without_landing_folder(world, baseline, tmp_path, capsys):
    """Parallel workers, a real write failure for one office, one office that sent nothing yet."""
    registry = tmp_path / "offices.yaml"
    entries = yaml.safe_load(_registry_of(world).read_text(encoding="utf-8"))["offices"]
    registry.write_text(yaml.safe_dump({"offices": [*entries, SILENT]}), encoding="utf-8")
    data = tmp_path / "data"
    # Where the office's raw rows go is taken by a folder: its staged write fails in the worker.
    (data / "staging" / "raw" / f"{FAILING}.parquet").mkdir(parents=True)
    code = main(["run", "--data-dir", str(data), "--landing", str(world), "--registry", str(registry),
                 "--workers", "2", "--publish-date", PUBLISH.isoformat()])
    out = capsys.readouterr().out
    assert code == EXIT_OFFICES_FAILED == 3
    tail = out[out.index("\nwarehouse: "):].splitlines()
    assert tail[3] == "warning: no landing folder (nothing received yet) for 1 registry office(s): kab-berau"
    assert tail[5] == ("FAILED: 1 office ingest(s) failed; the publish used their earlier staged rows, if any, "
                       "and the next run ingests them again:")
    assert tail[6].startswith(f"  {FAILING}: step office_submissions: IsADirectoryError: [Errno 21] Is a directory: ")
    assert len(tail) == 7
    # the other offices are published as in a clean run; the failed one was never staged
    settings, report = baseline
    log = _log(_published(_settings(world, data, registry), "submission_log"))
    expected = _log(report.submission_log)
    pd.testing.assert_frame_equal(log, expected[expected["office_id"] != FAILING].reset_index(drop=True))


# ------------------------------------------------------------------ offices without a landing folder
def test_the_run_summary_warns_of_landing_entries_no_office_reads(tmp_path):
    """A published run whose landing root also holds folders the registry does not name: exit 0, but
    the summary lists them with their file counts, so the rows in them are not lost unnoticed."""
    import io
    from types import SimpleNamespace

    from pipelines.cli import _print_office_problems

    report = SimpleNamespace(offices_without_landing=[], offices_failed={},
                             landing_unclaimed=[("Kab Berau/", 3), ("peserta.xlsx", 1)])
    out = io.StringIO()
    assert _print_office_problems(report, out) == 0
    assert out.getvalue() == (
        "\nwarning: 2 landing entries outside every registry office's folder, read by no ingest: Kab Berau/ (3 files), "
        "peserta.xlsx (1 file); add the office to the registry (or set its `landing:` folder) or move the files into "
        "the office's folder\n")


def test_office_list_is_short_for_hundreds_of_offices():
    assert office_list(["a", "b", "c"]) == "a, b, c"
    assert office_list([f"o{n}" for n in range(25)]) == "o0, o1, o2, o3, o4, o5, o6, o7, o8, o9 and 15 more"


def test_no_rows_message_names_offices_never_ingested_and_without_landing_folder(tmp_path):
    landing = tmp_path / "landing"
    for office_id in ("kab-kutai-timur", "prov-kaltim", "kota-palembang"):
        (landing / office_id).mkdir(parents=True)
    staging = StagingStore(data_dir=str(tmp_path / "data"))
    for office_id in ("kab-kutai-timur", "kab-muara-enim"):
        staging.write("standardized", office_id, pd.DataFrame())
    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(landing))
    assert no_rows_message(registry, staging) == (
        "no standardized rows in any of the 8 registry offices; "
        "6 never ingested: prov-kaltim, kab-muaro-jambi, prov-kalsel, kota-palembang, kota-samarinda, "
        "kab-kutai-kartanegara; "
        f"5 without a landing folder under {landing}: kab-muaro-jambi, prov-kalsel, kota-samarinda, "
        "kab-kutai-kartanegara, kab-muara-enim. "
        "Put an office's files in its landing folder and materialize standardized_participations for it first"
    )


def test_a_run_with_no_landing_folders_says_which_offices_have_none(tmp_path, capsys):
    """Files under folders named by region, not by office id: no office reads them, and the error says where they are."""
    registry = write_registry(tmp_path / "offices.yaml", limit=12)
    ids = list(load_registry(registry))
    landing = tmp_path / "landing"
    for relative in ("64.08 Kutai Timur/peserta_2025.xlsx", "64.08 Kutai Timur/2024/peserta.csv", "rekap.xlsx"):
        (landing / relative).parent.mkdir(parents=True, exist_ok=True)
        (landing / relative).write_bytes(b"x")
    code = main(["run", "--data-dir", str(tmp_path / "data"), "--landing", str(landing), "--registry", str(registry),
                 "--workers", "1", "--publish-date", PUBLISH.isoformat()])
    err = capsys.readouterr().err
    assert code == EXIT_PUBLISH_FAILED == 1
    assert err.strip().splitlines()[-1] == (
        "sertifikasi: publish failed at step linked_participations: RuntimeError: no standardized rows in any of "
        f"the 12 registry offices; 12 without a landing folder under {landing}: {', '.join(ids[:10])} and 2 more; "
        "2 landing entries outside every registry office's folder, read by no ingest: 64.08 Kutai Timur/ (2 files), "
        "rekap.xlsx (1 file). "
        "Put an office's files in its landing folder and materialize standardized_participations for it first"
    )
