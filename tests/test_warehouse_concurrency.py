"""Analysts querying PostgreSQL while publishes run see one whole version, never a mix."""

from __future__ import annotations

import threading
from datetime import date

import pandas as pd
import pytest

from sources.registry import load_registry
from warehouse.__main__ import main as warehouse_cli
from warehouse.publish import make_engine, publish_tables
from warehouse.star import build_star

# Each version differs in every table it replaces: values and row counts.
VERSIONS = {1: 300, 2: 700}


def _frames(version: int) -> dict[str, pd.DataFrame]:
    n = VERSIONS[version]
    headline = pd.DataFrame(
        {
            "province_code": "64", "region_code": [f"64.{i % 99 + 1:02d}" for i in range(n)], "region_name": "R",
            "jenjang": [i // 99 + 1 for i in range(n)], "kualifikasi": "Operator",
            "certified_persons": version, "active_persons": version, "active_unknown_persons": 0,
        }
    )
    quarantine = pd.DataFrame(
        {
            "office_id": "kab-kutai-timur", "source_file": "a.xlsx", "source_sha256": "ab" * 32, "source_sheet": "",
            "source_row": range(n), "column_name": "", "value": None, "rule": f"rule_v{version}", "reason": "r", "raw": None,
        }
    )
    return {"certified_workers_by_region_level": headline, "quarantine": quarantine, "dim_office": OFFICE_TABLE}


# The provincial policy on quarantine finds a row's province through dim_office.
OFFICE_TABLE = build_star(
    pd.DataFrame({"office_id": ["kab-kutai-timur"], "person_key": ["p"], "source_row": [1]}),
    load_registry(), date(2026, 1, 1), "secret",
)["dim_office"]


# One analyst query over both tables. It names them in the opposite order to the
# publish's lock order, the worst case for lock ordering.
READER_SQL = """
SELECT (SELECT count(*) FROM quarantine), (SELECT min(rule) FROM quarantine), (SELECT max(rule) FROM quarantine),
       (SELECT count(*) FROM certified_workers_by_region_level),
       (SELECT min(certified_persons) FROM certified_workers_by_region_level),
       (SELECT max(certified_persons) FROM certified_workers_by_region_level)
"""


def _expected(version: int) -> tuple:
    n = VERSIONS[version]
    return (n, f"rule_v{version}", f"rule_v{version}", n, version, version)


PUBLISHES = 6  # alternating versions 2, 1, 2, ...
READERS = 3
# Queries each reader completes inside every publish (all tables staged, swap not begun)
# and again after its commit. Two completed queries: at least one started in that phase.
QUERIES_PER_PHASE = 2
# Only a reader stuck for good (a deadlock, a dead connection) waits this long.
STUCK_S = 120


@pytest.mark.parametrize("role", [None, "analyst_prov_64"])
def test_concurrent_readers_see_the_previous_or_the_new_version_whole(postgres_url, role):
    """Three readers query both tables in a loop while publishes alternate two versions.

    Every publish waits, once every table is staged and before it swaps them in, until
    each reader has queried; after its commit, the next publish waits until each has
    queried again. So the readers run during every publish, across every swap and
    after every commit, and see both versions, however loaded the machine is.

    With ``role``, the warehouse is secured (``python -m warehouse roles``) and the
    readers are a provincial analyst: every publish then also rewrites grants and
    row-level security policies (which read dim_office) while they query.
    """
    engine = make_engine(postgres_url)
    publish_tables(engine, _frames(1), date(2026, 1, 1))
    if role:
        assert warehouse_cli(["roles", "--url", postgres_url, "--province", "64"]) == 0
    seen: list[tuple] = []
    errors: list[BaseException] = []
    queries = [0] * READERS
    changed = threading.Condition()
    stop = threading.Event()

    def read(index: int) -> None:
        try:
            with engine.connect() as connection:
                connection.execution_options(isolation_level="AUTOCOMMIT")
                if role:
                    connection.exec_driver_sql(f'SET ROLE "{role}"')
                while not stop.is_set():
                    row = tuple(connection.exec_driver_sql(READER_SQL).one())
                    with changed:
                        seen.append(row)
                        queries[index] += 1
                        changed.notify_all()
        except BaseException as error:  # reported by the main thread
            with changed:
                errors.append(error)
                changed.notify_all()

    def every_reader_queries() -> None:
        with changed:
            wanted = [count + QUERIES_PER_PHASE for count in queries]
            done = changed.wait_for(lambda: errors or all(q >= w for q, w in zip(queries, wanted)), timeout=STUCK_S)
        assert done, f"a reader made no progress: {queries} of {wanted}"

    last_table = list(_frames(1))[-1]

    def inside_the_publish(event: str, table: str | None) -> None:
        if (event, table) == ("loaded", last_table):
            every_reader_queries()

    readers = [threading.Thread(target=read, args=(index,)) for index in range(READERS)]
    for reader in readers:
        reader.start()
    try:
        for publish in range(PUBLISHES):
            publish_tables(engine, _frames(2 if publish % 2 == 0 else 1), date(2026, 1, 1), progress=inside_the_publish)
            every_reader_queries()
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=STUCK_S)
        engine.dispose()
    assert not errors, errors
    observed = set(seen)
    # Only whole versions, and both of them.
    assert observed == {_expected(1), _expected(2)}, observed - {_expected(1), _expected(2)}


def test_a_repeatable_read_transaction_across_a_publish_sees_a_replaced_table_empty(postgres_url):
    """The documented limit (docs/warehouse.md, "Publishing"): replacing a table is not MVCC-safe.

    A REPEATABLE READ snapshot taken before the publish committed does not see the
    rows of the new table (written after it) and no longer finds the old one.
    """
    engine = make_engine(postgres_url)
    try:
        publish_tables(engine, _frames(1), date(2026, 1, 1))
        with engine.connect() as reader:
            reader.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            assert reader.exec_driver_sql("SELECT count(*) FROM publish_log").scalar_one() == 3  # snapshot taken
            publish_tables(engine, _frames(2), date(2026, 1, 2))
            assert reader.exec_driver_sql("SELECT count(*) FROM quarantine").scalar_one() == 0
            reader.rollback()
            # A new transaction (or autocommit) reads the new version.
            assert reader.exec_driver_sql("SELECT count(*) FROM quarantine").scalar_one() == VERSIONS[2]
            reader.rollback()
    finally:
        engine.dispose()
