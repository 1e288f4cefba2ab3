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

import ctypes
import fcntl
import gc
import hashlib
import json
import multiprocessing
import os
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import dagster as dg
import pandas as pd
import pyarrow as pa

from assets.offices import FILES, FLAGS, QUARANTINE, RAW, STANDARDIZED, SUBMISSION_LOG
from assets.published import office_list
from pipelines.definitions import build_definitions
from pipelines.jobs import INGEST_OFFICE_JOB, PUBLISH_JOB
from pipelines.resources import OfficeRegistry, StagingStore
from pipelines.settings import Settings
from sources.landing import submission_name, unclaimed_entries
from sources.readers import sha256_of
from sources.readers.isolated import shutdown_large_workers
from sources.registry import Office, load_registry
from warehouse.publish import make_engine, read_table

# Warnings (rejected files) still print; step-by-step debug lines stay in the instance.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
# The ingest steps that judge files and rows against a date (assets/offices.py IngestConfig).
AS_OF_STEPS = ("office_submissions", "standardize_office")


def ingest_run_config(as_of: date | None = None) -> dict:
    """Run config of one ``ingest_office`` run: quiet logs and, when given, the date its
    files and rows are judged at (two-digit years, freshness); else the run's today."""
    if as_of is None:
        return QUIET
    return {**QUIET, "ops": {step: {"config": {"as_of": as_of.isoformat()}} for step in AS_OF_STEPS}}
# What an office ingest leaves in staging; all must exist to skip it.
OFFICE_STAGES = (RAW, FILES, STANDARDIZED, QUARANTINE, FLAGS, SUBMISSION_LOG)
MANIFEST = "run_manifest.json"
# The code an office ingest runs: a change in any of it re-ingests every office.
_REPO = Path(__file__).resolve().parents[1]
INGEST_CODE = ("sources", "standardize", "expectations", "reference", "assets/offices.py")
# One run at a time per data directory: they would write the same staged files and warehouse.
LOCK_FILE = ".sertifikasi-run.lock"
# An office's failure as the run summary shows it: one line, at most this long.
FAILURE_CHARS = 300


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
    # office id -> "step <key>: <ExceptionType>: <message>" for each office whose ingest failed;
    # the publish went on with the others (and with the failed offices' earlier staged rows).
    offices_failed: dict[str, str] = field(default_factory=dict)
    # Registry offices without a landing folder: a warning, they may not have sent anything yet.
    offices_without_landing: list[str] = field(default_factory=list)
    # Landing entries outside every office's folder, with their file counts: read by no ingest.
    landing_unclaimed: list[tuple[str, int]] = field(default_factory=list)


class RunLocked(RuntimeError):
    """Another run holds the data directory's run lock (see :func:`run_lock`)."""


class PublishFailed(RuntimeError):
    """The publish job failed; the message names the step and its error."""


# ------------------------------------------------------------------ one run per data directory
def run_lock_path(data_dir: Path) -> Path:
    """The file whose ``flock`` marks a run in progress on ``data_dir``."""
    return Path(data_dir) / LOCK_FILE


@contextmanager
def run_lock(data_dir: Path):
    """Hold ``data_dir``'s run lock for the block; :class:`RunLocked` at once if another run holds it.

    An exclusive, non-blocking ``flock``: the kernel releases it when the file is closed or
    the process dies, so a killed run leaves no stale lock behind and the file itself is
    never removed (removing it would let two runs lock two different files). The holder
    writes its pid and start time into it for the second run's message.
    """
    path = run_lock_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(os.open(path, os.O_RDWR | os.O_CREAT, 0o644), "r+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLocked(_locked_message(handle.read().strip(), Path(data_dir))) from None
        handle.truncate()
        started = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        handle.write(f"pid {os.getpid()}, started {started}\n")
        handle.flush()
        yield path


def _locked_message(holder: str, data_dir: Path) -> str:
    # The holder may not have written its line yet (it locks first, then writes).
    who = f" ({holder})" if holder else ""
    return f"another sertifikasi run{who} is using data directory {data_dir}; wait for it to finish"


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


def office_context(office: Office, code_version: str, today: date, served: str = "") -> str:
    """What besides its files decides an office's staged outputs: its registry entry, the code, the day,
    and ``served`` (the regions the registry has offices for: whether another office's file in
    this folder counts at its owner or is held back depends on it)."""
    return hashlib.sha256(f"{office!r}|{code_version}|{today.isoformat()}|{served}".encode()).hexdigest()


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
    folder = office.landing_dir(Path(registry.landing_root))
    now = sorted((submission_name(folder, path), sha256_of(path)) for path in registry.landing_files(office))
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
    # A name of its own beside the target, so no other writer truncates or renames our half-written file.
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(manifest, indent=0, sort_keys=True))
        os.chmod(partial, 0o644)  # mkstemp's 0600 would hide the manifest from another user's run
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------ ingest workers
_WORKER: dict = {}


def _worker_init(settings: Settings, person_key_secret: str, use_dagster_home: bool, run_config: dict = QUIET,
                 started_dir: str | None = None) -> None:
    """Once per worker process: Definitions, the ingest job, its run config and an instance.

    ``started_dir``: where the worker marks the office it is ingesting (an empty file named
    by the office id, removed when the run ends), so that when the process dies the pool
    knows which office it died on.
    """
    defs = build_definitions(settings, person_key_secret=person_key_secret)
    _WORKER["job"] = defs.resolve_job_def(INGEST_OFFICE_JOB)
    _WORKER["run_config"] = run_config
    _WORKER["started_dir"] = started_dir
    # With DAGSTER_HOME every worker records its runs in that instance (as the daemon's
    # run workers do); otherwise each has its own ephemeral one.
    _WORKER["instance"] = dg.DagsterInstance.get() if use_dagster_home else dg.DagsterInstance.ephemeral()


def _ingest_one(office_id: str) -> dict:
    """One ``ingest_office`` run in this worker: wall time, seconds per step, and ``error``.

    ``error`` is None when the run succeeded, else ``"step <key>: <Type>: <message>"``.
    The run is told not to raise, so one office's failure is reported, not raised: the
    caller goes on with the other offices.
    """
    job, instance = _WORKER["job"], _WORKER["instance"]
    started = time.perf_counter()
    try:
        result = job.execute_in_process(
            partition_key=office_id, instance=instance, run_config=_WORKER.get("run_config", QUIET), raise_on_error=False
        )
    except Exception as exc:  # noqa: BLE001 - a failure before any step ran (e.g. the run could not start)
        return _outcome(office_id, started, {}, error=_short(f"{type(exc).__name__}: {exc}"))
    error = None if result.success else run_failure(result)
    return _outcome(office_id, started, _step_seconds(instance, result.run_id), error=error)


def _ingest_marked(ingest_one, office_id: str) -> dict:
    """``ingest_one(office_id)`` in a pool worker, the office marked as started meanwhile
    (see :func:`_worker_init`): if the worker dies, the marker stays."""
    marker = Path(_WORKER["started_dir"]) / office_id
    marker.touch()
    outcome = ingest_one(office_id)
    marker.unlink(missing_ok=True)
    return outcome


def _outcome(office_id: str, started: float, steps: dict[str, float], error: str | None) -> dict:
    return {"office_id": office_id, "wall_s": time.perf_counter() - started, "steps": steps, "error": error,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_failure(result: dg.ExecuteInProcessResult, limit: int | None = FAILURE_CHARS) -> str:
    """Why a run failed, on one line: ``"step <key>: <Type>: <message>"`` of its first failed step."""
    for event in result.get_step_failure_events():
        return _short(f"step {event.step_key}: {error_text(event.step_failure_data.error)}", limit)
    failures = [event.message for event in result.all_events if event.is_run_failure]
    return _short(failures[0] if failures and failures[0] else "run failed", limit)


def error_text(error) -> str:
    """``"<Type>: <message>"`` of the innermost cause of a Dagster ``SerializableErrorInfo``.

    A step's error is Dagster's wrapper ("Error occurred while executing op ..."); the
    office's own exception is its cause. Dagster's own errors name their module, which
    says nothing to the reader: only the class name is kept.
    """
    while error.cause is not None:
        error = error.cause
    head, sep, rest = (error.message.strip() or error.cls_name).partition(": ")
    if sep and "." in head and " " not in head:
        head = head.rsplit(".", 1)[1]
    return f"{head}{sep}{rest}"


def _short(text: str, limit: int | None = FAILURE_CHARS) -> str:
    """One line of at most ``limit`` characters (None: any length): the summary lists one line per office."""
    line = " ".join(text.split())
    return line if limit is None or len(line) <= limit else line[: limit - 1] + "…"


def _pool_context():
    # forkserver: workers are forked from a clean server process that imported this
    # module (dagster, pandas, the assets) once, so each starts in milliseconds; plain
    # fork of this process is unsafe once it has run anything (DuckDB, Arrow and GX
    # threads: a test that ran a publish before a parallel run segfaulted in its workers).
    # Great Expectations too: the assets import it lazily (code-location loads must not
    # pay its 2-3 s), but every ingest validates, and imported once in the server no
    # worker pays it again (importing it starts no thread, so forking after it is safe).
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pipelines.run", "great_expectations"])
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
    as_of: date | None = None,
) -> list[dict]:
    """Run ``ingest_office`` for each office, sequentially or on ``workers`` processes
    (judged as of ``as_of``, default the run's today).

    Returns one dict per office (``office_id``, ``wall_s``, ``steps``, ``error``), in
    completion order. Every office is attempted: a failing office gets its ``error``
    (None for the others) and the rest go on. ``on_done(office_id)`` is called in this
    process as each office succeeds.
    """
    if not office_ids:
        return []
    if workers <= 1 or len(office_ids) == 1:
        return _ingest_sequentially(settings, person_key_secret, office_ids, instance, on_done, ingest_run_config(as_of))
    return _ingest_on_pool(settings, person_key_secret, office_ids, instance, workers, on_done, ingest_run_config(as_of))


def _ingest_sequentially(settings, person_key_secret, office_ids, instance, on_done, run_config) -> list[dict]:
    _WORKER.clear()
    defs = build_definitions(settings, person_key_secret=person_key_secret)
    _WORKER.update(job=defs.resolve_job_def(INGEST_OFFICE_JOB), instance=instance, run_config=run_config)
    done = []
    try:
        for office_id in office_ids:
            done.append(_ingest_one(office_id))
            if on_done and done[-1]["error"] is None:
                on_done(office_id)
    finally:
        _WORKER.clear()
    return done


def _ingest_on_pool(settings, person_key_secret, office_ids, instance, workers, on_done, run_config,
                    ingest_one=_ingest_one) -> list[dict]:
    """The offices on a pool of ``workers`` processes; one that kills its worker fails alone.

    A worker that dies (the kernel's out-of-memory killer, a crash in native code) breaks
    the whole pool: every office not finished fails with it. So the pool is started again
    for those offices, the ones the dead worker(s) had started each on a worker of its own
    first: an office that kills that worker too is failed, the others are retried.
    """
    registry = OfficeRegistry(registry_path=str(settings.registry_path), landing_root=str(settings.landing_root))
    offices = registry.offices()
    # Largest landing folders first, so one big office does not start last and run alone.
    ordered = sorted(office_ids, key=lambda office_id: -_landing_bytes(registry, offices[office_id]))
    # Workers record into DAGSTER_HOME only when the caller's own instance is that one: a
    # caller with an ephemeral instance (tests, benchmarks) must not need the folder to exist.
    use_home = bool(os.environ.get("DAGSTER_HOME")) and not instance.is_ephemeral
    done: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="sertifikasi-ingest-") as started_dir:
        initargs = (settings, person_key_secret, use_home, run_config, started_dir)
        queued, suspects = ordered, []
        while queued or suspects:
            batch = [suspects.pop(0)] if suspects else queued
            queued = queued if batch is not queued else []
            finished, lost = _pool_round(batch, min(workers, len(batch)), initargs, ingest_one)
            for outcome in finished:
                done.append(outcome)
                if on_done and outcome["error"] is None:
                    on_done(outcome["office_id"])
            if not lost:
                continue
            in_flight = [office_id for office_id in lost if (Path(started_dir) / office_id).exists()]
            for office_id in in_flight:
                (Path(started_dir) / office_id).unlink()
            if len(batch) == 1 or not in_flight:
                # Alone on its worker, or no office started at all (the pool could not start): fail them.
                done.extend(_worker_died(office_id, reason) for office_id, reason in lost.items())
                continue
            suspects += in_flight
            queued = [office_id for office_id in lost if office_id not in in_flight] + queued
    return done


def _pool_round(office_ids: list[str], workers: int, initargs: tuple, ingest_one) -> tuple[list[dict], dict[str, str]]:
    """One pool over ``office_ids``: the outcomes of the offices that ran, and the offices a
    dead or unstartable worker took down with it (office id -> the pool's error)."""
    finished, lost = [], {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(), initializer=_worker_init,
                             initargs=initargs) as pool:
        futures = {pool.submit(_ingest_marked, ingest_one, office_id): office_id for office_id in office_ids}
        for future in as_completed(futures):
            try:
                finished.append(future.result())
            except Exception as exc:  # noqa: BLE001 - the worker itself failed (died, or could not start)
                lost[futures[future]] = f"{type(exc).__name__}: {exc}"
    return finished, lost


def _worker_died(office_id: str, reason: str) -> dict:
    outcome = _outcome(office_id, time.perf_counter(), {}, _short(f"worker: {reason}"))
    outcome["peak_mib"] = 0.0
    return outcome


def run_everything(
    settings: Settings,
    person_key_secret: str,
    publish_date: date | None = None,
    instance: dg.DagsterInstance | None = None,
    workers: int = 1,
    skip_unchanged: bool = False,
    as_of: date | None = None,
) -> RunReport:
    """Ingest every registry office, publish, and read back the published tables.

    ``workers``: ingest offices on that many processes (1: in this process, one after
    the other). ``skip_unchanged``: do not re-ingest offices whose staged outputs were
    made from the same files, registry entry, code and day (see module docstring).
    The headline is the same either way: the publish reads every office's staged rows.
    ``as_of``: the date the offices' files and rows are judged at (two-digit years, NIK
    birth century, freshness); default today. Tests and re-runs of a past day pin it.

    The whole run holds the data directory's run lock: a second run on the same data
    directory raises :class:`RunLocked` at once. An office whose ingest fails does not stop
    the others: it is listed in ``offices_failed``, left out of the run manifest (so the
    next run ingests it again), and the publish reads its earlier staged rows, if any.
    A failed publish raises :class:`PublishFailed`.
    """
    with run_lock(settings.data_dir):
        return _run_locked(settings, person_key_secret, publish_date, instance or dg.DagsterInstance.ephemeral(),
                           workers, skip_unchanged, as_of)


def _run_locked(settings, person_key_secret, publish_date, instance, workers, skip_unchanged, as_of) -> RunReport:
    offices = load_registry(settings.registry_path)
    timings: dict[str, float] = {}
    outcomes, skipped = _ingest_phase(settings, person_key_secret, offices, instance, workers, skip_unchanged, timings, as_of)
    failed = {outcome["office_id"]: outcome["error"] for outcome in outcomes if outcome["error"]}
    release_ingest_memory()
    _publish(settings, person_key_secret, publish_date, instance, failed, timings)
    engine = make_engine(settings.warehouse_url)
    try:
        return RunReport(
            headline=read_table(engine, "certified_workers_by_region_level"),
            submission_log=read_table(engine, "submission_log"),
            quarantine=read_table(engine, "quarantine"),
            persons=read_table(engine, "dim_person"),
            timings=timings,
            offices_ingested=[outcome["office_id"] for outcome in outcomes if not outcome["error"]],
            offices_skipped=skipped,
            offices_failed=failed,
            offices_without_landing=offices_without_landing(offices, settings.landing_root),
            landing_unclaimed=landing_unclaimed(offices, settings.landing_root),
        )
    finally:
        engine.dispose()


def release_ingest_memory() -> None:
    """Give back what the ingest phase held before the publish builds the star.

    The file-reading child (sources/readers/isolated.py) would otherwise sit idle at its
    high-water mark through the publish, and glibc and Arrow keep freed pages of the
    ingest's frames: on one 99,000-row file the two made the run's peak
    (docs/reliability.md). A child holding no more than its imports is kept for the
    next run in this process (:func:`~sources.readers.isolated.shutdown_large_workers`).
    """
    shutdown_large_workers()
    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to trim
        pass


def offices_without_landing(offices: dict[str, Office], landing_root: Path) -> list[str]:
    """Registry offices whose landing folder does not exist (yet), in registry order."""
    return [office_id for office_id, office in offices.items() if not office.landing_dir(Path(landing_root)).is_dir()]


def landing_unclaimed(offices: dict[str, Office], landing_root: Path) -> list[tuple[str, int]]:
    """Entries of the landing root no registry office's folder holds, with their file counts."""
    return unclaimed_entries(Path(landing_root), [office.landing for office in offices.values()])


def _ingest_phase(settings, person_key_secret, offices, instance, workers, skip_unchanged, timings, as_of) -> tuple[list[dict], list[str]]:
    """Ingest the offices to ingest, keeping the run manifest; the outcomes and the offices skipped."""
    registry = OfficeRegistry(registry_path=str(settings.registry_path), landing_root=str(settings.landing_root))
    staging = StagingStore(data_dir=str(settings.data_dir))
    code_version = ingest_code_version()
    today = as_of or date.today()
    served = ",".join(sorted(f"{office.region_code}={office_id}" for office_id, office in offices.items()))
    contexts = {office_id: office_context(office, code_version, today, served) for office_id, office in offices.items()}
    manifest = _read_manifest(settings)
    started = time.perf_counter()
    if skip_unchanged:
        skipped = [oid for oid, office in offices.items() if office_unchanged(office, registry, staging, manifest, contexts[oid])]
    else:
        skipped = []
    to_ingest = [office_id for office_id in offices if office_id not in set(skipped)]
    timings["change_detection"] = time.perf_counter() - started
    # An office being re-ingested is out of the manifest until it succeeds again; one that
    # fails stays out, so the next run ingests it again.
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
        outcomes = ingest_offices(settings, person_key_secret, to_ingest, instance, workers=workers, on_done=record, as_of=as_of)
    finally:
        _write_manifest(settings, manifest)
    timings["ingest_wall"] = time.perf_counter() - started
    _add_ingest_timings(timings, outcomes, workers)
    return outcomes, skipped


def _add_ingest_timings(timings: dict[str, float], outcomes: list[dict], workers: int) -> None:
    for outcome in outcomes:
        for step, seconds in outcome["steps"].items():
            timings[step] = timings.get(step, 0.0) + seconds
        timings["ingest_run_overhead"] = timings.get("ingest_run_overhead", 0.0) + outcome["wall_s"] - sum(outcome["steps"].values())
        timings["ingest_runs_wall_sum"] = timings.get("ingest_runs_wall_sum", 0.0) + outcome["wall_s"]
    if workers > 1 and len(outcomes) > 1:
        # peak RSS of the largest ingest worker process (MiB); this process's own is the caller's to read
        timings["ingest_worker_peak_mib"] = max(outcome["peak_mib"] for outcome in outcomes)


def _publish(settings, person_key_secret, publish_date, instance, failed: dict[str, str], timings) -> None:
    """Run the publish job over every office's staged rows; :class:`PublishFailed` when it fails."""
    defs = build_definitions(settings, person_key_secret=person_key_secret)
    run_config = {
        **QUIET,
        "ops": {"publish_candidate": {"config": {"publish_date": publish_date.isoformat() if publish_date else None}}},
    }
    started = time.perf_counter()
    result = defs.resolve_job_def(PUBLISH_JOB).execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
    timings["publish_wall"] = time.perf_counter() - started
    for step, seconds in _step_seconds(instance, result.run_id).items():
        timings[step] = timings.get(step, 0.0) + seconds
    if not result.success:
        # Not cut short: the publish's own message (e.g. which offices have no rows) is the whole point.
        message = f"publish failed at {run_failure(result, limit=None)}"
        if failed:
            message += f" (office ingests that failed before it: {office_list(sorted(failed))})"
        raise PublishFailed(message)
