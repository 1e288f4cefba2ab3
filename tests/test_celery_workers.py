"""Office ingests on two Celery workers: a backfill of every office partition, then the publish.

Starts what it needs itself: two ``celery -A dagster_celery.app worker`` processes on the
RabbitMQ broker every machine of this project runs (127.0.0.1:5672, guest/guest), a
Dagster instance in a temporary DAGSTER_HOME, and a small demo world of two offices of one
province (a regency and the province: persons cross offices). Both partitions run at once,
so both workers take steps; the headline must equal the in-process run's on a copy of the
same world. Without a broker it skips (fails when CI=true).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest
import yaml

from demo.generate import generate_world
from pipelines.run import run_everything
from pipelines.settings import Settings
from sources.registry import DEFAULT_REGISTRY, load_registry
from warehouse.publish import make_engine, read_table

REPO = Path(__file__).resolve().parents[1]
BROKER_HOST, BROKER_PORT = "127.0.0.1", 5672
BROKER = f"pyamqp://guest:guest@{BROKER_HOST}:{BROKER_PORT}//"
WORKERS = ("sertifikasi-w1", "sertifikasi-w2")
SECRET = "celery-test-secret"
# A guard against hanging only: the workers normally answer within seconds.
WORKER_START_GUARD_S = 180
# Two partitions at once, each a run of several steps, keep both workers busy; every further
# office is another run process and another round of steps, which the assertion does not need.
OFFICES = ("kab-kutai-timur", "prov-kaltim")


def _broker_or_skip() -> None:
    try:
        socket.create_connection((BROKER_HOST, BROKER_PORT), timeout=2).close()
    except OSError as exc:
        reason = f"no RabbitMQ broker at {BROKER_HOST}:{BROKER_PORT} ({exc})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the Celery test needs the broker in CI (CI=true): {reason}")
        pytest.skip(f"{reason}; start RabbitMQ to run office ingests on Celery workers")


def _registry(root: Path) -> Path:
    """The default registry's entries of :data:`OFFICES` only."""
    entries = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["offices"]
    path = root / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": [entry for entry in entries if entry["id"] in OFFICES]},
                                   allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _environment(root: Path) -> dict[str, str]:
    home = root / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return {
        "SERTIFIKASI_REGISTRY": str(_registry(root)),
        "SERTIFIKASI_DATA_DIR": str(root / "data"),
        "SERTIFIKASI_EXECUTOR": "celery",
        "CELERY_BROKER_URL": BROKER,
        "PERSON_KEY_SECRET": SECRET,
        "DAGSTER_HOME": str(home),
    }


def _worker_config(root: Path) -> Path:
    """The module dagster_celery.app reads its settings from: the broker, and one task at a
    time per worker, acknowledged when done, so a busy worker takes no second step."""
    folder = root / "celery_config"
    folder.mkdir()
    (folder / "dagster_celery_config.py").write_text(
        f"broker_url = {BROKER!r}\nresult_backend = 'rpc://'\ntask_acks_late = True\nworker_prefetch_multiplier = 1\n",
        encoding="utf-8",
    )
    return folder


def _wait_for_workers(app) -> None:
    deadline = time.monotonic() + WORKER_START_GUARD_S
    answered: set[str] = set()
    while time.monotonic() < deadline:
        answered = {name.split("@")[0] for reply in app.control.ping(timeout=1.0) for name in reply}
        if set(WORKERS) <= answered:
            return
    pytest.fail(f"the Celery workers {WORKERS} did not answer a ping within {WORKER_START_GUARD_S} s (answered: {sorted(answered)})")


@pytest.fixture
def celery_world(tmp_path, monkeypatch):
    """Environment, world and two running workers; the workers are stopped afterwards."""
    _broker_or_skip()
    from celery import Celery

    env = _environment(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = Settings.from_env()
    generate_world(settings.landing_root, rows=300, seed=5, registry_path=settings.registry_path)
    worker_env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(_worker_config(tmp_path)), str(REPO)])}
    celery = [sys.executable, "-m", "celery", "-A", "dagster_celery.app"]
    # Steps left on the queue by an earlier, interrupted run would belong to another instance.
    subprocess.run([*celery, "purge", "-f", "-Q", "dagster"], env=worker_env, cwd=REPO, capture_output=True, check=False)
    logs = [open(tmp_path / f"{name}.log", "wb") for name in WORKERS]
    workers = [
        subprocess.Popen([*celery, "worker", "-Q", "dagster", "-n", f"{name}@%h", "--pool", "solo", "--loglevel", "WARNING"],
                         env=worker_env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        for name, log in zip(WORKERS, logs)
    ]
    app = Celery(broker=BROKER)
    try:
        _wait_for_workers(app)
        yield settings
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
        for log in logs:
            log.close()
        app.close()


# One run per process: the rpc:// result backend hands a step's result to the process that
# sent it, and two runs in threads of one process took each other's replies (both hung).
RUN_ONE = """
import sys
import dagster as dg
from pipelines import definitions
job = getattr(definitions, sys.argv[1])
tags = {"dagster/partition": sys.argv[2]} if len(sys.argv) > 2 else {}
with dg.execute_job(dg.reconstructable(job), instance=dg.DagsterInstance.get(), tags=tags) as result:
    print(result.run_id)
    sys.exit(0 if result.success else 1)
"""
RUN_GUARD_S = 600  # against hanging only


def _start_run(job: str, *partition: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUN_ONE, job, *partition], cwd=REPO, env=dict(os.environ),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish_run(process: subprocess.Popen, what: str) -> str:
    """The run id of a finished run; fails with the run's output when it did not succeed."""
    try:
        out, err = process.communicate(timeout=RUN_GUARD_S)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"{what} did not finish within {RUN_GUARD_S} s")
    assert process.returncode == 0, f"{what} failed:\n{out[-2000:]}\n{err[-4000:]}"
    return out.strip().splitlines()[-1]


def _celery_workers_of(instance: dg.DagsterInstance, run_id: str) -> list[str]:
    """The worker that executed each step of a run, from the run's engine events."""
    names = []
    for record in instance.all_logs(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT):
        data = record.dagster_event.engine_event_data
        worker = data.metadata.get("Celery worker") if data and data.metadata else None
        if worker is not None:
            names.append(str(worker.value).split("@")[0])
    return names


def _headline(settings: Settings) -> pd.DataFrame:
    engine = make_engine(settings.warehouse_url)
    try:
        frame = read_table(engine, "certified_workers_by_region_level")
    finally:
        engine.dispose()
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_backfill_of_every_office_on_two_workers_publishes_the_in_process_headline(celery_world, tmp_path):
    settings = celery_world
    offices = sorted(load_registry(settings.registry_path))
    assert offices == sorted(OFFICES)
    reference_root = tmp_path / "reference"
    shutil.copytree(settings.landing_root, reference_root / "landing")
    instance = dg.DagsterInstance.get()

    run_ids = []
    for pair in (offices[i:i + 2] for i in range(0, len(offices), 2)):  # two partitions at a time, as a backfill with a limit of 2
        started = [(office, _start_run("ingest_office_job", office)) for office in pair]
        run_ids += [_finish_run(process, f"ingest_office for {office}") for office, process in started]
    publish_run = _finish_run(_start_run("publish_job"), "publish")

    steps_by_worker: dict[str, int] = {}
    for run_id in run_ids:
        for name in _celery_workers_of(instance, run_id):
            steps_by_worker[name] = steps_by_worker.get(name, 0) + 1
    assert set(steps_by_worker) == set(WORKERS), steps_by_worker
    assert set(_celery_workers_of(instance, publish_run)) <= set(WORKERS)

    reference = Settings.from_env({"SERTIFIKASI_DATA_DIR": str(reference_root / "data"),
                                   "SERTIFIKASI_LANDING": str(reference_root / "landing"),
                                   "SERTIFIKASI_REGISTRY": str(settings.registry_path)})
    run_everything(reference, SECRET, instance=dg.DagsterInstance.ephemeral())
    pd.testing.assert_frame_equal(_headline(settings), _headline(reference))
