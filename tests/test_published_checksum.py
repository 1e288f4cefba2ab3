"""Every published table of a pinned demo world, compared with a committed checksum file.

A refactor must leave the numbers alone: the same landing files, secret, publish date
and judging date give the same warehouse, table by table and row by row. The world is
pinned in full (generator seed, file arrival times, ``as_of``), so only a change in what
the pipeline computes moves a checksum. When a change is meant to move the numbers,
regenerate on purpose and say why in the commit:

    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -q tests/test_published_checksum.py
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date, datetime, timezone
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest
import sqlalchemy as sa

from demo.generate import generate_world
from pipelines.run import run_everything
from pipelines.settings import Settings
from warehouse.publish import make_engine
from warehouse.schema import metadata

SNAPSHOT = Path(__file__).with_name("snapshots") / "published_tables.json"
REGENERATE = "UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -q tests/test_published_checksum.py"
PUBLISH = date(2026, 6, 30)
# Every landing file arrived at this moment: received_at is the file's modification time.
ARRIVED = datetime(2026, 6, 15, 9, 0, tzinfo=timezone.utc)
# The one column that is the publish's own wall-clock moment, not a computed value.
CLOCK_COLUMNS = {"publish_log": ["published_at"]}


def _canonical(frame: pd.DataFrame) -> str:
    """The table as sorted CSV text: floats to 9 significant digits, every value as text."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_float_dtype(frame[column]):
            frame[column] = frame[column].map(lambda v: "" if pd.isna(v) else f"{v:.9g}")
        else:
            frame[column] = frame[column].map(lambda v: "" if v is None or (not isinstance(v, (list, dict)) and pd.isna(v)) else str(v))
    frame = frame.sort_values(list(frame.columns), kind="mergesort").reset_index(drop=True)
    return frame.to_csv(index=False, lineterminator="\n")


def published_checksums(settings: Settings) -> dict[str, dict[str, object]]:
    """Rows and sha256 of each table in the warehouse the schema declares."""
    engine = make_engine(settings.warehouse_url)
    sums: dict[str, dict[str, object]] = {}
    try:
        with engine.connect() as connection:
            for table in sorted(metadata.tables):
                frame = pd.read_sql(sa.text(f'SELECT * FROM "{table}"'), connection)
                frame = frame.drop(columns=CLOCK_COLUMNS.get(table, []))
                sums[table] = {"rows": len(frame), "sha256": hashlib.sha256(_canonical(frame).encode()).hexdigest()}
    finally:
        engine.dispose()
    return sums


@pytest.fixture(scope="module")
def checksums(tmp_path_factory) -> dict[str, dict[str, object]]:
    root = tmp_path_factory.mktemp("checksum")
    settings = Settings.from_env({"SERTIFIKASI_DATA_DIR": str(root / "data")})
    generate_world(settings.landing_root, rows=300, seed=11, nik_damage=True)
    stamp = ARRIVED.timestamp()
    for path in settings.landing_root.rglob("*"):
        if path.is_file():
            os.utime(path, (stamp, stamp))
    run_everything(settings, "checksum-secret", publish_date=PUBLISH, as_of=PUBLISH,
                   instance=dg.DagsterInstance.ephemeral(), workers=1)
    return published_checksums(settings)


def test_every_published_table_matches_the_committed_checksums(checksums):
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(json.dumps(checksums, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    changed = {
        table: {"committed": committed.get(table), "now": checksums.get(table)}
        for table in sorted(set(committed) | set(checksums))
        if committed.get(table) != checksums.get(table)
    }
    assert not changed, f"published tables changed: {json.dumps(changed, indent=1)}; if meant, regenerate: {REGENERATE}"


def test_the_checksum_sees_a_one_cell_change():
    frame = pd.DataFrame({"region_code": ["64.08", "64.72"], "certified_persons": [12, 7]})
    changed = frame.assign(certified_persons=[12, 8])
    reordered = frame.iloc[::-1]
    assert _canonical(frame) == _canonical(reordered)
    assert _canonical(frame) != _canonical(changed)
