"""Where the pipeline reads and writes, from the environment.

One place for the deployment's knobs; Definitions, the CLI and the tests all go
through :class:`Settings`, so a path is never hard-coded twice.

| variable | default | meaning |
|---|---|---|
| ``SERTIFIKASI_REGISTRY`` | ``sources/offices.yaml`` | the office registry |
| ``SERTIFIKASI_LANDING`` | ``data/landing`` | landing root; each office's files arrive in ``<landing>/<office_id>/`` |
| ``SERTIFIKASI_DATA_DIR`` | ``data`` | intermediate (staging) data and the default DuckDB warehouse |
| ``WAREHOUSE_URL`` | ``duckdb:///<data>/warehouse.duckdb`` | any SQLAlchemy URL, e.g. ``postgresql+psycopg://user@host/db`` |
| ``PERSON_KEY_SECRET`` | (none; ``make demo`` sets a demo value) | secret for pseudonymous person keys |
| ``SERTIFIKASI_EXECUTOR`` | ``multiprocess`` | how a run's steps execute: ``multiprocess`` (one machine), ``in_process``, or ``celery`` (steps on Celery workers, see docs/operations.md) |
| ``CELERY_BROKER_URL`` | dagster-celery's default, ``pyamqp://guest@localhost//`` | the broker the ``celery`` executor and its workers share |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sources.registry import DEFAULT_REGISTRY
from warehouse.publish import default_warehouse_url


@dataclass(frozen=True)
class Settings:
    """Paths and URLs one deployment of the pipeline uses."""

    registry_path: Path
    landing_root: Path
    data_dir: Path
    warehouse_url: str
    executor: str = "multiprocess"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Read the settings from environment variables (see module docstring)."""
        env = os.environ if environ is None else environ
        data_dir = Path(env.get("SERTIFIKASI_DATA_DIR") or "data").resolve()
        return cls(
            registry_path=Path(env.get("SERTIFIKASI_REGISTRY") or DEFAULT_REGISTRY).resolve(),
            landing_root=Path(env.get("SERTIFIKASI_LANDING") or data_dir / "landing").resolve(),
            data_dir=data_dir,
            warehouse_url=env.get("WAREHOUSE_URL") or default_warehouse_url(data_dir),
            executor=env.get("SERTIFIKASI_EXECUTOR") or "multiprocess",
        )
