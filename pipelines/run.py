"""Run the whole pipeline in-process: every office, then the publish.

Used by the CLI (``make demo``, ``sertifikasi run``) and the end-to-end tests, so
both exercise the same jobs the Dagster UI runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import dagster as dg
import pandas as pd

from pipelines.definitions import build_definitions
from pipelines.jobs import INGEST_OFFICE_JOB, PUBLISH_JOB
from pipelines.settings import Settings
from sources.registry import load_registry
from warehouse.publish import make_engine, read_table


@dataclass
class RunReport:
    """What one end-to-end run produced."""

    headline: pd.DataFrame
    submission_log: pd.DataFrame
    quarantine: pd.DataFrame
    persons: pd.DataFrame  # dim_person: one row per linked person


def run_everything(
    settings: Settings,
    person_key_secret: str,
    publish_date: date | None = None,
    instance: dg.DagsterInstance | None = None,
) -> RunReport:
    """Ingest every registry office, publish, and read back the published tables."""
    defs = build_definitions(settings, person_key_secret=person_key_secret)
    instance = instance or dg.DagsterInstance.ephemeral()
    # Warnings (rejected files) still print; step-by-step debug lines stay in the instance.
    quiet = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    ingest = defs.resolve_job_def(INGEST_OFFICE_JOB)
    for office_id in load_registry(settings.registry_path):
        ingest.execute_in_process(partition_key=office_id, instance=instance, run_config=quiet)
    run_config = {
        **quiet,
        "ops": {"publish_candidate": {"config": {"publish_date": publish_date.isoformat() if publish_date else None}}},
    }
    defs.resolve_job_def(PUBLISH_JOB).execute_in_process(run_config=run_config, instance=instance)
    engine = make_engine(settings.warehouse_url)
    try:
        return RunReport(
            headline=read_table(engine, "certified_workers_by_region_level"),
            submission_log=read_table(engine, "submission_log"),
            quarantine=read_table(engine, "quarantine"),
            persons=read_table(engine, "dim_person"),
        )
    finally:
        engine.dispose()
