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
from pipelines.jobs import build_jobs
from pipelines.schedules import nightly_full_refresh, pull_schedule
from pipelines.sensors import office_landing_sensor, publish_automation_sensor
from pipelines.resources import OfficeRegistry, PersonKeys, StagingStore, Warehouse
from pipelines.settings import Settings
from sources.registry import load_registry


def _secret_or_value(name: str, value: str) -> str | dg.EnvVar:
    """``dg.EnvVar(name)`` when ``value`` came from that environment variable, so the UI's resource
    config shows the variable's name, never a URL that may carry a password; else ``value``."""
    return dg.EnvVar(name) if os.environ.get(name) == value else value


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
