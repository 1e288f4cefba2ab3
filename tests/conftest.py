"""Shared fixtures: warehouse engines for DuckDB and the local PostgreSQL."""

from __future__ import annotations

import gc
import os
import uuid

import pytest
import sqlalchemy as sa

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

# `make test` exports DAGSTER_HOME (the Makefile sets it for every target) and an
# engineer's shell may carry the pipeline's own settings. Tests build their own
# folders and ephemeral instances; CLI subprocesses inherit os.environ, so these
# are cleared once for the whole session rather than test by test.
for _name in ("DAGSTER_HOME", "WAREHOUSE_URL", "SERTIFIKASI_DATA_DIR", "SERTIFIKASI_LANDING", "SERTIFIKASI_REGISTRY"):
    os.environ.pop(_name, None)


def _postgres_unavailable(reason: str) -> None:
    # In CI PostgreSQL is part of the contract: a missing server is a failure, not a skip.
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required in CI (CI=true) but {reason}")
    pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} ({reason}); start it or set TEST_POSTGRES_URL")


@pytest.fixture
def postgres_url():
    """A SQLAlchemy URL into a fresh schema of the local PostgreSQL, dropped afterwards."""
    admin = sa.create_engine(POSTGRES_URL)
    try:
        with admin.connect():
            pass
    except sa.exc.OperationalError as error:
        admin.dispose()
        _postgres_unavailable(str(error).splitlines()[0])
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.engine.make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["duckdb", "postgresql"])
def warehouse_url(request, tmp_path):
    """Each warehouse backend the publish code must behave the same on."""
    if request.param == "duckdb":
        return f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    return request.getfixturevalue("postgres_url")


# `make test` spreads test files over processes in collection order (--dist loadfile with
# --no-loadscope-reorder: xdist would otherwise put the files with most tests first, and the
# end-to-end files, few tests each, would start last and run alone at the end). These files
# start first, longest first (seconds per file in a full run's --durations on 2 workers,
# 2026-12-07); the rest keep their order. A file missing here only costs time, never a result:
# a long one collected late (world 8's three worlds, about 60 s) can run alone at the end.
LONGEST_FIRST = (
    "test_pipeline_e2e.py",
    "test_run_robustness.py",
    "test_unfamiliar_world_8.py",
    "test_celery_workers.py",
    "test_national.py",
    "test_webserver.py",
    "test_linkage.py",
    "test_hostile_files.py",
    "test_published_checksum.py",
    "test_blind_world.py",
    "test_linkage_small_worlds.py",
    "test_reports_browser.py",
    "test_assets_single.py",
    "test_warehouse_publish.py",
    "test_unfamiliar_world_9.py",
    "test_unfamiliar_world_12.py",
    "test_submission_copies.py",
    "test_linkage_office_mess.py",
    "test_expectations.py",
)


def pytest_collection_modifyitems(items):
    """Put the longest test files first (see LONGEST_FIRST); a stable sort keeps each file's order."""
    rank = {name: position for position, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="module", autouse=True)
def _young_heap():
    """At each test file's start: collect the garbage, then freeze what survives.

    A pytest process keeps every module it imported (pandas, Dagster, Great Expectations,
    Splink: some 400,000 tracked objects) and Python's full collections walk all of them,
    both the automatic ones and the one ``pipelines.run.release_ingest_memory`` makes per
    run: 0.3-0.4 s each on this machine. Frozen objects are skipped by every later
    collection (``gc.freeze``); garbage is collected first, so nothing that is already
    garbage is frozen. Measured on three hand-made worlds (files 6, 7, 9), two runs each:
    34.4 and 38.8 CPU-s before, 28.8 and 31.0 after (load 6.6-8.5).
    """
    gc.collect()
    gc.freeze()
    yield
