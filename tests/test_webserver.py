"""The code location served by the real webserver from workspace.yaml, inspected over GraphQL."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from demo.truth import truth_dir
from pipelines.cli import main
from pipelines.definitions import build_definitions
from pipelines.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

QUERY = """
{
  assetNodes { assetKey { path } assetChecksOrError { ... on AssetChecks { checks { name } } } }
  repositoriesOrError { ... on RepositoryConnection { nodes { name sensors { name } schedules { name } } } }
}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _home_and_data(tmp_path_factory) -> dict:
    home = tmp_path_factory.mktemp("dagster_home")
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    data = tmp_path_factory.mktemp("data")
    return {**os.environ, "DAGSTER_HOME": str(home), "SERTIFIKASI_DATA_DIR": str(data), "PERSON_KEY_SECRET": "test"}


# At 800 rows every kind of red partition is present (at 300 Kutai Kartanegara has no file to fix).
DEMO_ROWS = 800


@pytest.fixture(scope="module")
def demo_webserver(tmp_path_factory):
    """`make demo`'s sequence (a small world, offices one after the other, recorded in the
    DAGSTER_HOME instance), then the webserver over the same instance; one webserver serves
    every test of this module. The demo runs in this process (``pipelines.cli.main``, the
    command's own code): a subprocess would only add an interpreter start and its imports."""
    env = _home_and_data(tmp_path_factory)
    with pytest.MonkeyPatch.context() as patch:
        for name in ("DAGSTER_HOME", "SERTIFIKASI_DATA_DIR", "PERSON_KEY_SECRET"):
            patch.setenv(name, env[name])
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(["demo", "--rows", str(DEMO_ROWS), "--workers", "1"])
    assert code == 0, f"the demo exited {code}"
    for url in _serve(env):
        yield url, Path(env["SERTIFIKASI_DATA_DIR"])


# Only a guard against hanging: each wait below ends as soon as its condition holds, and
# the outcome of a test never depends on how long the webserver took.
STARTUP_GUARD_SECONDS = 300


def wait_until(probe, what: str, guard_seconds: float = STARTUP_GUARD_SECONDS):
    """Poll ``probe`` until it returns something truthy and return that; fail naming ``what`` only when
    ``guard_seconds`` pass without it (a hung server), never because it was slow."""
    deadline = time.monotonic() + guard_seconds
    while True:
        answer = probe()
        if answer:
            return answer
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: no answer after {guard_seconds} s (hung?)")
        time.sleep(0.5)  # between polls only, to leave the cores to the server


def _serve(env: dict):
    port = _free_port()
    webserver_bin = Path(sys.executable).with_name("dagster-webserver")
    process = subprocess.Popen(
        [str(webserver_bin), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"

    def answering() -> bool:
        if process.poll() is not None:
            pytest.fail(f"webserver exited: {process.stderr.read().decode()[-2000:]}")
        try:
            return requests.get(f"{url}/server_info", timeout=10).ok
        except requests.ConnectionError:
            return False

    try:
        wait_until(answering, "webserver /server_info")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _graphql(url: str, query: str = QUERY) -> dict:
    """The query's data once the code location has loaded (the code server may still be starting)."""

    def loaded() -> dict | None:
        data = requests.post(f"{url}/graphql", json={"query": query}, timeout=60).json()["data"]
        return data if data["assetNodes"] else None

    return wait_until(loaded, "code location's asset nodes over GraphQL")


CHECK_STATUS = """
{
  assetNodes {
    assetKey { path }
    assetChecksOrError { ... on AssetChecks { checks { name
      partitionStatuses { ... on AssetCheckDefaultPartitionStatuses { succeededPartitions failedPartitions } }
    } } }
  }
}
"""


def test_office_checks_per_partition_after_the_demo(demo_webserver):
    """Each office partition shows its own submission_suite result, all at once: red exactly for the
    offices whose ingest left a file for them to fix or withdraw (unreadable; another office's that
    the pipeline could not count at a registry office), green for the others."""
    import pandas as pd

    from expectations.submission import SETTLED_RULES

    url, data_dir = demo_webserver
    nodes = _graphql(url, CHECK_STATUS)["assetNodes"]
    (statuses,) = [
        check["partitionStatuses"]
        for node in nodes if node["assetKey"]["path"] == ["office_submissions"]
        for check in node["assetChecksOrError"]["checks"] if check["name"] == "submission_suite"
    ]
    files = pd.read_csv(truth_dir(data_dir / "landing") / "files.csv", dtype=str, keep_default_na=False)
    offices = set(files["office_id"])
    logs = pd.concat([pd.read_parquet(path) for path in (data_dir / "staging" / "submission_log").glob("*.parquet")])
    red = set(logs.loc[(logs["status"] == "rejected") & ~logs["rule"].isin(SETTLED_RULES), "office_id"])
    # The generator's truth agrees: an unreadable file always needs its office; another office's
    # file does unless it names a registry office, which then counts it (counted_at_other_office).
    assert set(files.loc[files["expected_status"] == "rejected", "office_id"]) <= red
    held = files[files["expected_status"] == "held"]
    counted = logs[logs["rule"] == "counted_at_other_office"]
    assert set(held["office_id"]) - set(counted["office_id"]) <= red
    assert "kab-muara-enim" in red and offices - red  # both kinds present, or the test says nothing
    assert set(statuses["failedPartitions"]) == red
    assert set(statuses["succeededPartitions"]) == offices - red


def test_every_asset_check_sensor_and_schedule_is_served(demo_webserver):
    data = _graphql(demo_webserver[0])
    assets = {"/".join(node["assetKey"]["path"]) for node in data["assetNodes"]}
    # Everything the code location defines (tests/test_definitions.py pins that list) is served.
    defined = build_definitions(Settings.from_env({"SERTIFIKASI_DATA_DIR": "/nonexistent"}), person_key_secret="t")
    assert assets == {key.to_user_string() for key in defined.resolve_asset_graph().get_all_asset_keys()}
    assert "warehouse/fact_participation" in assets
    checks = {
        f"{'/'.join(node['assetKey']['path'])}:{check['name']}"
        for node in data["assetNodes"]
        for check in (node["assetChecksOrError"].get("checks") or [])
    }
    assert checks == {
        "office_submissions:submission_suite", "office_submissions:office_freshness",
        "standardized_participations:row_suite",
        "publish_candidate:published_tables_valid", "publish_candidate:row_accounting",
    }
    repositories = data["repositoriesOrError"]["nodes"]
    sensors = {s["name"] for repo in repositories for s in repo["sensors"]}
    schedules = {s["name"] for repo in repositories for s in repo["schedules"]}
    assert sensors == {"office_landing_sensor", "publish_automation"}
    assert schedules == {"nightly_full_refresh", "pull_offices_hourly"}
