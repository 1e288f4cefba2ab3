"""The code location: one Definitions object assembled from the per-stage modules.

``dagster dev -w workspace.yaml`` loads ``defs`` from here. Paths and the
warehouse URL come from the environment (see :mod:`pipelines.settings`); the
office partitions come from the registry, so adding an office is a registry
edit followed by a code-location reload.
"""

from __future__ import annotations

import os

import dagster as dg

from assets.offices import build_office_assets
from assets.published import build_published_assets
from pipelines.jobs import INGEST_OFFICE_JOB, PUBLISH_JOB, build_jobs
from pipelines.schedules import nightly_full_refresh, pull_schedule
from pipelines.sensors import office_landing_sensor, publish_automation_sensor
from pipelines.resources import OfficeRegistry, PersonKeys, StagingStore, Warehouse
from pipelines.settings import Settings
from sources.registry import load_registry


def _secret_or_value(name: str, value: str) -> str | dg.EnvVar:
    """``dg.EnvVar(name)`` when ``value`` came from that environment variable, so the UI's resource
    config shows the variable's name, never a URL that may carry a password; else ``value``."""
    return dg.EnvVar(name) if os.environ.get(name) == value else value


EXECUTORS = ("multiprocess", "in_process", "celery")


def build_executor(name: str) -> dg.ExecutorDefinition:
    """The executor every job runs its steps with (``SERTIFIKASI_EXECUTOR``).

    ``celery`` sends each step to a Celery worker (dagster-celery, installed with the
    project); workers run ``celery -A dagster_celery.app worker`` with the same
    environment, and reach the staging store and landing folders by the same paths.
    The broker is ``CELERY_BROKER_URL`` when set, else dagster-celery's default
    (RabbitMQ on localhost). ``sertifikasi run`` executes in process and ignores this.
    """
    if name == "multiprocess":
        return dg.multiprocess_executor
    if name == "in_process":
        return dg.in_process_executor
    if name == "celery":
        from dagster_celery import celery_executor  # imported only where it is used

        if os.environ.get("CELERY_BROKER_URL"):
            return celery_executor.configured({"broker": {"env": "CELERY_BROKER_URL"}})
        return celery_executor
    raise ValueError(f"SERTIFIKASI_EXECUTOR={name!r}: expected one of {', '.join(EXECUTORS)}")


def build_definitions(settings: Settings, person_key_secret: str | dg.EnvVar = dg.EnvVar("PERSON_KEY_SECRET")) -> dg.Definitions:
    """Definitions for one deployment: its registry, landing zone, staging area and warehouse."""
    offices = load_registry(settings.registry_path)
    office_partitions = dg.StaticPartitionsDefinition(list(offices))
    office_assets = build_office_assets(office_partitions)
    published_assets = build_published_assets()
    return dg.Definitions(
        assets=[*office_assets, *published_assets],
        jobs=build_jobs(),
        schedules=[nightly_full_refresh, pull_schedule],
        sensors=[office_landing_sensor, publish_automation_sensor],
        executor=build_executor(settings.executor),
        resources={
            "registry": OfficeRegistry(
                registry_path=str(settings.registry_path), landing_root=str(settings.landing_root)
            ),
            "staging": StagingStore(data_dir=str(settings.data_dir)),
            "warehouse": Warehouse(url=_secret_or_value("WAREHOUSE_URL", settings.warehouse_url), exports_dir=str(settings.data_dir / "exports")),
            "person_keys": PersonKeys(secret=person_key_secret),
        },
    )


defs = build_definitions(Settings.from_env())


def ingest_office_job() -> dg.JobDefinition:
    """The ``ingest_office`` job of the deployment the environment describes.

    For ``dg.reconstructable``: a job run outside the code server (a script, a test)
    names this function, and each Celery worker rebuilds the job from it with its own
    environment.
    """
    return build_definitions(Settings.from_env()).resolve_job_def(INGEST_OFFICE_JOB)


def publish_job() -> dg.JobDefinition:
    """The ``publish`` job of the deployment the environment describes (see :func:`ingest_office_job`)."""
    return build_definitions(Settings.from_env()).resolve_job_def(PUBLISH_JOB)
