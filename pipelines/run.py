"""Run the whole pipeline in-process: every office, then the publish.

Used by the CLI (``make demo``, ``sertifikasi run``), the end-to-end tests and
the national benchmark, so all of them exercise the same jobs the Dagster UI runs.

Offices are independent until linkage: with ``workers > 1`` their ``ingest_office``
runs go to a pool of worker processes (each builds the Definitions once and runs
one office partition at a time, largest landing folder first); the publish runs
once they are all done. With ``skip_unchanged`` an office whose staged outputs
were made from the same files (sha256, from the staged files report), the same
registry entry, the same ingest code and on the same day is not ingested again:
its staged rows are what an ingest would write anyway.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import dagster as dg
import pandas as pd

from pipelines.definitions import build_definitions
from pipelines.jobs import INGEST_OFFICE_JOB, PUBLISH_JOB
from pipelines.resources import OfficeRegistry, StagingStore
from pipelines.settings import Settings
from sources.readers import sha256_of
from sources.registry import Office, load_registry
from warehouse.publish import make_engine, read_table

# Warnings (rejected files) still print; step-by-step debug lines stay in the instance.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
# What an office ingest leaves in staging (assets/offices.py); all must exist to skip it.
OFFICE_STAGES = ("raw", "files", "standardized", "quarantine", "flags", "submission_log")
MANIFEST = "run_manifest.json"
# The code an office ingest runs: a change in any of it re-ingests every office.
_REPO = Path(__file__).resolve().parents[1]
INGEST_CODE = ("sources", "standardize", "expectations", "reference", "assets/offices.py")


@dataclass
class RunReport:
    """What one end-to-end run produced."""

    headline: pd.DataFrame
    submission_log: pd.DataFrame
    quarantine: pd.DataFrame
    persons: pd.DataFrame  # dim_person: one row per linked person
    # Seconds: "ingest_wall", "publish_wall", per step ("office_submissions", ...: summed
    # over offices), "ingest_run_overhead" (run wall minus its steps, summed over offices).
    timings: dict[str, float] = field(default_factory=dict)
    offices_ingested: list[str] = field(default_factory=list)
    offices_skipped: list[str] = field(default_factory=list)


def _step_seconds(instance: dg.DagsterInstance, run_id: str) -> dict[str, float]:
    """Seconds per step of one run (Dagster's own step start/end events)."""
    return {
        stat.step_key: (stat.end_time or 0.0) - (stat.start_time or 0.0)
        for stat in instance.get_run_step_stats(run_id)
    }


# ------------------------------------------------------------------ skipping unchanged offices
def ingest_code_version(root: Path = _REPO) -> str:
    """sha256 over the source of everything an office ingest runs (readers, standardizer, rules)."""
    digest = hashlib.sha256()
    for name in INGEST_CODE:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".csv", ".yaml")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def office_context(office: Office, code_version: str, today: date) -> str:
    """What besides its files decides an office's staged outputs: its registry entry, the code, the day."""
    return hashlib.sha256(f"{office!r}|{code_version}|{today.isoformat()}".encode()).hexdigest()


def office_unchanged(office: Office, registry: OfficeRegistry, staging: StagingStore, manifest: dict, context: str) -> bool:
    """True when the office's staged outputs were made from exactly its current landing files.

    The staged files report (``files`` stage) holds each file's name and sha256 as the
    last ingest read it; the run manifest holds the context (registry entry, ingest
    code, day) that ingest ran under. Any difference, or a missing stage, re-ingests.
    """
    if manifest.get(office.id) != context:
        return False
    if not all(staging.path(stage, office.id).exists() for stage in OFFICE_STAGES):
        return False
    staged = staging.read("files", office.id)
    before = sorted(zip(staged["source_file"].astype(str), staged["source_sha256"].astype(str)))
    now = sorted((path.name, sha256_of(path)) for path in registry.landing_files(office))
    return before == now


def _manifest_path(settings: Settings) -> Path:
    return Path(settings.data_dir) / "staging" / MANIFEST


def _read_manifest(settings: Settings) -> dict:
    path = _manifest_path(settings)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def _write_manifest(settings: Settings, manifest: dict) -> None:
    path = _manifest_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(manifest, indent=0, sort_keys=True), encoding="utf-8")
    partial.replace(path)


# ------------------------------------------------------------------ ingest workers
_WORKER: dict = {}


def _worker_init(settings: Settings, person_key_secret: str, use_dagster_home: bool) -> None:
    """Once per worker process: Definitions, the ingest job and an instance."""
    defs = build_definitions(settings, person_key_secret=person_key_secret)
    _WORKER["job"] = defs.resolve_job_def(INGEST_OFFICE_JOB)
    # With DAGSTER_HOME every worker records its runs in that instance (as the daemon's
    # run workers do); otherwise each has its own ephemeral one.
    _WORKER["instance"] = dg.DagsterInstance.get() if use_dagster_home else dg.DagsterInstance.ephemeral()


def _ingest_one(office_id: str) -> dict:
    """One ``ingest_office`` run in this worker; its wall time and seconds per step."""
    job, instance = _WORKER["job"], _WORKER["instance"]
    started = time.perf_counter()
    result = job.execute_in_process(partition_key=office_id, instance=instance, run_config=QUIET)
    wall = time.perf_counter() - started
    return {"office_id": office_id, "wall_s": wall, "steps": _step_seconds(instance, result.run_id),
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _pool_context():
    # forkserver: workers are forked from a clean server process that imported this
    # module (dagster, pandas, the assets) once, so each starts in milliseconds; plain
    # fork of this process is unsafe once it has run anything (DuckDB, Arrow and GX
    # threads: a test that ran a publish before a parallel run segfaulted in its workers).
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pipelines.run"])
        return context
    return multiprocessing.get_context("spawn")


def _landing_bytes(registry: OfficeRegistry, office: Office) -> int:
    return sum(path.stat().st_size for path in registry.landing_files(office))


def ingest_offices(
    settings: Settings,
    person_key_secret: str,
    office_ids: list[str],
    instance: dg.DagsterInstance,
    workers: int = 1,
    on_done=None,
) -> list[dict]:
    """Run ``ingest_office`` for each office, sequentially or on ``workers`` processes.

    Returns one dict per office (``office_id``, ``wall_s``, ``steps``), in completion
    order. ``on_done(office_id)`` is called in this process as each office finishes.
    The first failing office's error is raised once the offices already running are done.
    """
    if not office_ids:
        return []
    if workers <= 1 or len(office_ids) == 1:
        _WORKER.clear()
        defs = build_definitions(settings, person_key_secret=person_key_secret)
        _WORKER.update(job=defs.resolve_job_def(INGEST_OFFICE_JOB), instance=instance)
        done = []
        try:
            for office_id in office_ids:
                done.append(_ingest_one(office_id))
                if on_done:
                    on_done(office_id)
        finally:
            _WORKER.clear()
        return done
    registry = OfficeRegistry(registry_path=str(settings.registry_path), landing_root=str(settings.landing_root))
    offices = registry.offices()
    # Largest landing folders first, so one big office does not start last and run alone.
    ordered = sorted(office_ids, key=lambda office_id: -_landing_bytes(registry, offices[office_id]))
    # Workers record into DAGSTER_HOME only when the caller's own instance is that one: a
    # caller with an ephemeral instance (tests, benchmarks) must not need the folder to exist.
    use_home = bool(os.environ.get("DAGSTER_HOME")) and not instance.is_ephemeral
    done = []
    with ProcessPoolExecutor(
        max_workers=min(workers, len(ordered)),
        mp_context=_pool_context(),
        initializer=_worker_init,
        initargs=(settings, person_key_secret, use_home),
    ) as pool:
        futures = {pool.submit(_ingest_one, office_id): office_id for office_id in ordered}
        error = None
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except Exception as exc:  # noqa: BLE001 - re-raised below, after the others finish
                if error is None:
                    error = exc
                    for other in futures:
                        other.cancel()
                continue
            done.append(outcome)
            if on_done:
                on_done(outcome["office_id"])
        if error is not None:
            raise error
    return done


def run_everything(
    settings: Settings,
    person_key_secret: str,
    publish_date: date | None = None,
    instance: dg.DagsterInstance | None = None,
    workers: int = 1,
    skip_unchanged: bool = False,
) -> RunReport:
    """Ingest every registry office, publish, and read back the published tables.

    ``workers``: ingest offices on that many processes (1: in this process, one after
    the other). ``skip_unchanged``: do not re-ingest offices whose staged outputs were
    made from the same files, registry entry, code and day (see module docstring).
    The headline is the same either way: the publish reads every office's staged rows.
    """
    instance = instance or dg.DagsterInstance.ephemeral()
    registry = OfficeRegistry(registry_path=str(settings.registry_path), landing_root=str(settings.landing_root))
    staging = StagingStore(data_dir=str(settings.data_dir))
    offices = load_registry(settings.registry_path)
    today = date.today()
    code_version = ingest_code_version()
    contexts = {office_id: office_context(office, code_version, today) for office_id, office in offices.items()}
    manifest = _read_manifest(settings)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    if skip_unchanged:
        skipped = [oid for oid, office in offices.items() if office_unchanged(office, registry, staging, manifest, contexts[oid])]
    else:
        skipped = []
    to_ingest = [office_id for office_id in offices if office_id not in set(skipped)]
    timings["change_detection"] = time.perf_counter() - started
    # An office being re-ingested is out of the manifest until it succeeds again.
    manifest = {office_id: context for office_id, context in manifest.items() if office_id in offices and office_id not in to_ingest}
    _write_manifest(settings, manifest)
    written = {"last": time.perf_counter()}

    def record(office_id: str) -> None:
        manifest[office_id] = contexts[office_id]
        if time.perf_counter() - written["last"] > 5:  # a crash loses at most a few seconds of skips
            _write_manifest(settings, manifest)
            written["last"] = time.perf_counter()

    started = time.perf_counter()
    try:
        outcomes = ingest_offices(settings, person_key_secret, to_ingest, instance, workers=workers, on_done=record)
    finally:
        _write_manifest(settings, manifest)
    timings["ingest_wall"] = time.perf_counter() - started
    for outcome in outcomes:
        for step, seconds in outcome["steps"].items():
            timings[step] = timings.get(step, 0.0) + seconds
        timings["ingest_run_overhead"] = timings.get("ingest_run_overhead", 0.0) + outcome["wall_s"] - sum(outcome["steps"].values())
        timings["ingest_runs_wall_sum"] = timings.get("ingest_runs_wall_sum", 0.0) + outcome["wall_s"]
    if workers > 1 and len(outcomes) > 1:
        # peak RSS of the largest ingest worker process (MiB); this process's own is the caller's to read
        timings["ingest_worker_peak_mib"] = max(outcome["peak_mib"] for outcome in outcomes)

    defs = build_definitions(settings, person_key_secret=person_key_secret)
    run_config = {
        **QUIET,
        "ops": {"publish_candidate": {"config": {"publish_date": publish_date.isoformat() if publish_date else None}}},
    }
    started = time.perf_counter()
    result = defs.resolve_job_def(PUBLISH_JOB).execute_in_process(run_config=run_config, instance=instance)
    timings["publish_wall"] = time.perf_counter() - started
    for step, seconds in _step_seconds(instance, result.run_id).items():
        timings[step] = timings.get(step, 0.0) + seconds
    engine = make_engine(settings.warehouse_url)
    try:
        return RunReport(
            headline=read_table(engine, "certified_workers_by_region_level"),
            submission_log=read_table(engine, "submission_log"),
            quarantine=read_table(engine, "quarantine"),
            persons=read_table(engine, "dim_person"),
            timings=timings,
            offices_ingested=[outcome["office_id"] for outcome in outcomes],
            offices_skipped=skipped,
        )
    finally:
        engine.dispose()
