"""Arrival sensor and schedules, with Dagster's test utilities."""

from __future__ import annotations

import os
from datetime import datetime

import dagster as dg

from pipelines.resources import OfficeRegistry
from pipelines.schedules import nightly_full_refresh
from pipelines.sensors import office_landing_sensor
from sources.registry import DEFAULT_REGISTRY, load_registry


def tick(registry: OfficeRegistry, cursor: str | None):
    context = dg.build_sensor_context(cursor=cursor, resources={"registry": registry})
    result = office_landing_sensor(context)
    return [(r.partition_key, r.run_key) for r in result.run_requests or []], result.cursor


def test_new_unchanged_modified_removed_files(tmp_path):
    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path))
    requests, cursor = tick(registry, None)
    assert requests == []

    folder = tmp_path / "kab-kutai-timur"
    folder.mkdir()
    (folder / "mtu_2025.xlsx").write_bytes(b"PK\x03\x04 first")
    (folder / ".pull-state.json").write_text("{}")  # not a submission
    requests, cursor = tick(registry, cursor)
    assert [office for office, _ in requests] == ["kab-kutai-timur"]
    first_key = requests[0][1]

    requests, cursor = tick(registry, cursor)
    assert requests == []

    # Touched but identical content: no run.
    os.utime(folder / "mtu_2025.xlsx", ns=(1, 1))
    requests, cursor = tick(registry, cursor)
    assert requests == []

    (folder / "mtu_2025.xlsx").write_bytes(b"PK\x03\x04 second version")
    requests, cursor = tick(registry, cursor)
    assert [office for office, _ in requests] == ["kab-kutai-timur"]
    assert requests[0][1] != first_key

    (tmp_path / "kota-palembang").mkdir()
    (tmp_path / "kota-palembang" / "operator.csv").write_text("Nama;NIK\n")
    (folder / "mtu_2025.xlsx").unlink()
    requests, cursor = tick(registry, cursor)
    assert sorted(office for office, _ in requests) == ["kab-kutai-timur", "kota-palembang"]


def test_restart_with_saved_cursor_does_not_retrigger(tmp_path):
    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path))
    (tmp_path / "prov-kaltim").mkdir()
    (tmp_path / "prov-kaltim" / "tahap1.xlsx").write_bytes(b"PK\x03\x04")
    requests, cursor = tick(registry, None)
    assert len(requests) == 1
    assert tick(registry, cursor)[0] == []


def test_nightly_schedule_requests_every_office():
    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root="/nonexistent")
    context = dg.build_schedule_context(scheduled_execution_time=datetime(2026, 11, 23, 1, 0))
    requests = nightly_full_refresh(context, registry=registry)
    assert [r.partition_key for r in requests] == list(load_registry())
    assert requests[0].run_key == "nightly:2026-11-23:kab-kutai-timur"
