"""The shipped production instance config loads in this Dagster version, with its run limits."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import yaml

DEPLOY = Path(__file__).resolve().parents[1] / "deploy" / "dagster.yaml"


def test_shipped_run_queue_limits_load(tmp_path, monkeypatch):
    config = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))
    # storage needs the production PostgreSQL's credentials; the limits are what is checked here
    (tmp_path / "dagster.yaml").write_text(yaml.safe_dump({"concurrency": config["concurrency"]}), encoding="utf-8")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    with dg.DagsterInstance.get() as instance:
        queue = instance.get_concurrency_config().run_queue_config
        assert queue.max_concurrent_runs == 4
        assert {(limit["key"], limit.get("value"), limit["limit"]) for limit in queue.tag_concurrency_limits} == {
            ("trigger", "nightly", 3), ("dagster/backfill", None, 3)}
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1
    assert "run_coordinator" not in config  # beside concurrency.runs it fails the instance load
