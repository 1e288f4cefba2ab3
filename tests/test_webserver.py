"""The code location served by the real webserver from workspace.yaml, inspected over GraphQL."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

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


@pytest.fixture(scope="module")
def webserver(tmp_path_factory):
    home = tmp_path_factory.mktemp("dagster_home")
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    data = tmp_path_factory.mktemp("data")
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "SERTIFIKASI_DATA_DIR": str(data), "PERSON_KEY_SECRET": "test"}
    webserver_bin = Path(sys.executable).with_name("dagster-webserver")
    process = subprocess.Popen(
        [str(webserver_bin), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"webserver exited: {process.stderr.read().decode()[-2000:]}")
            try:
                if requests.get(f"{url}/server_info", timeout=2).ok:
                    break
            except requests.ConnectionError:
                time.sleep(1)
        else:
            pytest.fail("webserver did not answer within 120 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _graphql(url: str) -> dict:
    # The code server may still be loading right after start-up: retry until the location answers.
    deadline = time.monotonic() + 120
    while True:
        data = requests.post(f"{url}/graphql", json={"query": QUERY}, timeout=30).json()["data"]
        if data["assetNodes"] or time.monotonic() > deadline:
            return data
        time.sleep(2)


def test_every_asset_check_sensor_and_schedule_is_served(webserver):
    data = _graphql(webserver)
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
