"""A snapshot of every asset spec, as dagster-open-platform's test_defs.py keeps one.

Key, group, deps, partitions, checks, automation condition, kinds and owners of
each asset, from the code location built on a two-office test registry (so adding
an office to the shipped registry changes no snapshot). A change to the asset
graph shows here as a diff to review; when it is on purpose, regenerate with

    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -q tests/test_asset_specs.py

and commit tests/snapshots/asset_specs.json with the change.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import dagster as dg

from pipelines.definitions import build_definitions
from pipelines.settings import Settings

SNAPSHOT = Path(__file__).with_name("snapshots") / "asset_specs.json"
REGISTRY = """\
offices:
  - {id: kab-muara-enim, name: Dinas PUPR Kabupaten Muara Enim, level: regency, region_code: "16.03", freshness_days: 90}
  - {id: kota-palembang, name: Dinas PUPR Kota Palembang, level: city, region_code: "16.71"}
"""
REGENERATE = "UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -q tests/test_asset_specs.py"


def _partitions(partitions_def: dg.PartitionsDefinition | None) -> dict | None:
    if partitions_def is None:
        return None
    return {"type": type(partitions_def).__name__, "keys": list(partitions_def.get_partition_keys())}


def _condition(condition: dg.AutomationCondition | None) -> str | None:
    return None if condition is None else (condition.get_label() or type(condition).__name__)


def asset_spec_snapshot(defs: dg.Definitions) -> dict[str, dict]:
    """Per asset key, what the graph promises about it, in plain JSON values (sorted, so the file diffs well)."""
    graph = defs.resolve_asset_graph()
    checks: dict[str, list[dict]] = {}
    for assets_def in graph.assets_defs:
        for check in assets_def.check_specs:
            checks.setdefault(check.asset_key.to_user_string(), []).append(
                {"name": check.name, "blocking": check.blocking, "partitions": _partitions(check.partitions_def)}
            )
    snapshot = {}
    for spec in defs.resolve_all_asset_specs():
        key = spec.key.to_user_string()
        snapshot[key] = {
            "group": spec.group_name,
            "deps": sorted(dep.asset_key.to_user_string() for dep in spec.deps),
            "partitions": _partitions(spec.partitions_def),
            "checks": sorted(checks.get(key, []), key=lambda check: check["name"]),
            "automation_condition": _condition(spec.automation_condition),
            "kinds": sorted(spec.kinds),
            "owners": sorted(spec.owners),
        }
    return dict(sorted(snapshot.items()))


def _defs(tmp_path: Path) -> dg.Definitions:
    (tmp_path / "offices.yaml").write_text(REGISTRY, encoding="utf-8")
    settings = Settings.from_env({"SERTIFIKASI_DATA_DIR": str(tmp_path / "data"), "SERTIFIKASI_REGISTRY": str(tmp_path / "offices.yaml")})
    return build_definitions(settings, person_key_secret="test")


def test_asset_specs_match_the_snapshot(tmp_path):
    current = json.dumps(asset_spec_snapshot(_defs(tmp_path)), indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
    assert SNAPSHOT.exists(), f"no snapshot yet: write it with {REGENERATE}"
    stored = SNAPSHOT.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(stored.splitlines(True), current.splitlines(True), str(SNAPSHOT), "current"))
    assert not diff, f"the asset specs changed. Review the diff; if the change is on purpose, regenerate with {REGENERATE}\n{diff}"


def test_the_snapshot_covers_every_asset_and_check(tmp_path):
    """The snapshot is not a stale subset: every key and check of the code location is in it."""
    defs = _defs(tmp_path)
    graph = defs.resolve_asset_graph()
    stored = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert set(stored) == {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {f"{key}:{check['name']}" for key, spec in stored.items() for check in spec["checks"]} == {
        f"{key.asset_key.to_user_string()}:{key.name}" for key in graph.asset_check_keys
    }
