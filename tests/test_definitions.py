"""The code location loads, and exposes what the UI needs."""

from __future__ import annotations

import dagster as dg

from pipelines.definitions import build_definitions
from pipelines.settings import Settings
from sources.registry import load_registry


def test_definitions_load_with_one_partition_per_office(tmp_path):
    settings = Settings.from_env({"SERTIFIKASI_DATA_DIR": str(tmp_path)})
    defs = build_definitions(settings, person_key_secret="test")
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert keys == {
        "office_submissions",
        "standardized_participations",
        "office_quarantine",
        "office_submission_log",
        "office_flags",
        "office_feedback_reports",
        "linked_participations",
        "publish_candidate",
        *(f"warehouse/{table}" for table in (
            "dim_region", "dim_office", "dim_person", "fact_participation", "fact_certification",
            "certified_workers_by_region_level", "certified_workers_by_region_level_yearly",
            "certified_workers_by_province", "certified_workers_by_region_kualifikasi", "target_progress",
            "person_links", "quarantine", "submission_log", "reporting_completeness",
        )),
    }
    for key in graph.get_all_asset_keys():
        assert graph.get(key).description, f"{key.to_user_string()} has no description for the UI"
    checks = {f"{key.asset_key.to_user_string()}:{key.name}" for key in graph.asset_check_keys}
    assert checks == {
        "office_submissions:submission_suite",
        "office_submissions:office_freshness",
        "standardized_participations:row_suite",
        "publish_candidate:published_tables_valid",
        "publish_candidate:row_accounting",
    }
    ingest = defs.resolve_job_def("ingest_office")
    assert ingest.partitions_def.get_partition_keys() == list(load_registry())
    assert defs.resolve_job_def("publish") is not None


def test_settings_from_environment(tmp_path):
    settings = Settings.from_env(
        {"SERTIFIKASI_DATA_DIR": str(tmp_path), "WAREHOUSE_URL": "postgresql+psycopg://u@h/db"}
    )
    assert settings.landing_root == tmp_path / "landing"
    assert settings.warehouse_url == "postgresql+psycopg://u@h/db"
    default = Settings.from_env({"SERTIFIKASI_DATA_DIR": str(tmp_path)})
    assert default.warehouse_url == f"duckdb:///{tmp_path / 'warehouse.duckdb'}"


def test_module_level_defs_import(monkeypatch, tmp_path):
    monkeypatch.setenv("SERTIFIKASI_DATA_DIR", str(tmp_path))
    import importlib

    import pipelines.definitions as module

    module = importlib.reload(module)
    assert isinstance(module.defs, dg.Definitions)


def test_a_warehouse_url_from_the_environment_stays_an_env_var(tmp_path, monkeypatch):
    """A production URL may carry a password: the UI's resource config must show the variable, not the URL."""
    url = "postgresql+psycopg://analyst:s3cret@db.example/warehouse"
    monkeypatch.setenv("WAREHOUSE_URL", url)
    defs = build_definitions(Settings.from_env({"SERTIFIKASI_DATA_DIR": str(tmp_path), "WAREHOUSE_URL": url}),
                             person_key_secret="test")
    warehouse = defs.resources["warehouse"]
    assert isinstance(warehouse.url, dg.EnvVar) and warehouse.url == "WAREHOUSE_URL"
    assert warehouse.process_config_and_initialize().url == url
    # the embedded default (no variable set) is a plain path, nothing to hide
    monkeypatch.delenv("WAREHOUSE_URL")
    local = build_definitions(Settings.from_env({"SERTIFIKASI_DATA_DIR": str(tmp_path)}), person_key_secret="test")
    assert local.resources["warehouse"].url == f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
