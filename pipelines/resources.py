"""Dagster resources: configuration (paths, URLs, secrets) handed to assets.

Resources hold no business logic: they open the registry, the landing zone, the
staging area and the warehouse that the plain-Python stages work on.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import dagster as dg
import pandas as pd
import sqlalchemy as sa

from sources.filenames import contained
from sources.landing import digest_of, list_submissions
from sources.registry import Office, load_registry
from warehouse.publish import make_engine

# Parsed registries by (path, mtime, size). Every office step asks for its office, and
# parsing and validating a 552-office YAML costs about 0.5 s: three steps per office run
# made that 552 x 1.5 s per full refresh. An edit of the file (new mtime or size) reloads it.
_REGISTRY_CACHE: dict[tuple[str, int, int], dict[str, Office]] = {}


def cached_registry(path: str | Path) -> dict[str, Office]:
    """``load_registry(path)``, parsed once per version of the file in this process."""
    resolved = Path(path).resolve()
    try:
        stat = resolved.stat()
    except FileNotFoundError:
        return load_registry(resolved)  # its own clear error
    key = (str(resolved), stat.st_mtime_ns, stat.st_size)
    offices = _REGISTRY_CACHE.get(key)
    if offices is None:
        offices = load_registry(resolved)
        _REGISTRY_CACHE.clear()
        _REGISTRY_CACHE[key] = offices
    return dict(offices)


class OfficeRegistry(dg.ConfigurableResource):
    """The office registry file and the landing root where offices' files arrive."""

    registry_path: str
    landing_root: str

    def offices(self) -> dict[str, Office]:
        """All offices, validated against the region reference data (parsed once per file version)."""
        return cached_registry(self.registry_path)

    def office(self, office_id: str) -> Office:
        """One office; a clear error when the partition key is not in the registry."""
        offices = self.offices()
        if office_id not in offices:
            raise KeyError(f"office {office_id!r} is not in the registry {self.registry_path}")
        return offices[office_id]

    def landing_files(self, office: Office) -> list[Path]:
        """The office's files, in name order; hidden and temporary files are ignored."""
        return list_submissions(office.landing_dir(Path(self.landing_root)))[0]

    def ignored_files(self, office: Office) -> list[str]:
        """Names (printable) in the office's folder that are not submissions: dot-files, Excel lock files."""
        return list_submissions(office.landing_dir(Path(self.landing_root)))[1]


class StagingStore(dg.ConfigurableResource):
    """Intermediate data between stages: one parquet file per stage and office.

    Persisting per office is what lets a re-run of one office skip reading the
    others: downstream stages read every office's latest file from here.
    """

    data_dir: str

    def path(self, stage: str, office_id: str) -> Path:
        """Where ``stage`` keeps ``office_id``'s rows (never outside the staging folder)."""
        return contained(Path(self.data_dir) / "staging", stage, f"{office_id}.parquet")

    def write(self, stage: str, office_id: str, frame: pd.DataFrame) -> Path:
        """Replace the office's rows of ``stage`` atomically (write aside, then rename).

        The aside name is unique per writer, so two runs writing the same office never
        rename each other's half-written file.
        """
        target = self.path(stage, office_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            frame.to_parquet(partial, index=False)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        return target

    def read(self, stage: str, office_id: str) -> pd.DataFrame:
        """The office's rows of ``stage``; FileNotFoundError names the missing stage."""
        target = self.path(stage, office_id)
        if not target.exists():
            raise FileNotFoundError(f"no {stage} data for office {office_id}: materialize that partition first ({target})")
        return pd.read_parquet(target)

    def feedback_dir(self, office_id: str) -> Path:
        """Where the office's feedback reports are written (never outside the feedback folder)."""
        return contained(Path(self.data_dir) / "feedback", office_id)

    def read_all(self, stage: str, office_ids: list[str]) -> pd.DataFrame:
        """Concatenate ``stage`` for the offices that have it (offices never run are skipped), in office order.

        The frame concatenating each office's :meth:`read` gives, converted to pandas once per
        distinct file schema (a few) instead of once per office: 552 offices' small files cost
        half their reading time in per-file conversion."""
        paths = [self.path(stage, office_id) for office_id in office_ids]
        return concat_parquet([path for path in paths if path.exists()])


def concat_parquet(paths: list[Path]) -> pd.DataFrame:
    """``pd.concat([pd.read_parquet(p) for p in paths], ignore_index=True)`` (files without columns
    left out, an empty frame for none): consecutive tables of one schema are joined in Arrow and
    converted together, so the rows stay in file order and most files skip a conversion of their own."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pandas.io._util import arrow_table_to_pandas  # read_parquet's own conversion (dtypes, time zones)

    tables = [table for table in (pq.read_table(path) for path in paths) if table.num_columns]
    if not tables:
        return pd.DataFrame()
    runs: list[list[pa.Table]] = []
    last = None
    for table in tables:
        # column types and the pandas metadata of the columns, not of the index (each file's row count)
        meta = json.loads((table.schema.metadata or {}).get(b"pandas", b"{}"))
        key = (table.schema.remove_metadata(), json.dumps(meta.get("columns")))
        if runs and key == last:
            runs[-1].append(table)
        else:
            runs.append([table])
        last = key
    parts = [arrow_table_to_pandas(pa.concat_tables([t.replace_schema_metadata(_without_index(t.schema)) for t in run]))
             for run in runs]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def _without_index(schema) -> dict:
    """The schema's metadata with the pandas index left out: the joined tables take a fresh range index."""
    metadata = dict(schema.metadata or {})
    if b"pandas" in metadata:
        pandas_meta = json.loads(metadata[b"pandas"])
        pandas_meta["index_columns"] = []
        pandas_meta["columns"] = [c for c in pandas_meta.get("columns", []) if c.get("field_name") in schema.names]
        metadata[b"pandas"] = json.dumps(pandas_meta).encode()
    return metadata


class Warehouse(dg.ConfigurableResource):
    """The analysts' warehouse: any SQLAlchemy URL (DuckDB file by default, PostgreSQL in production)."""

    url: str
    # Where each publish writes the analysts' xlsx and chart (<data>/exports by default).
    exports_dir: str

    def engine(self) -> sa.Engine:
        """A new engine for the warehouse URL."""
        return make_engine(self.url)


class PersonKeys(dg.ConfigurableResource):
    """Secret for the keyed hash behind pseudonymous person keys (``PERSON_KEY_SECRET``)."""

    secret: str


# ------------------------------------------------------------------ what each office's last ingest read
# Kept in the instance, written by the office_submissions asset and read by the landing
# sensor; here, not in the sensor module, so assets import nothing of pipelines but this.
# The folder content the office's last ingest read, whoever started it (this sensor,
# `make demo`, `sertifikasi run`, a backfill): content already ingested starts no run.
INGESTED_KEY = "sertifikasi/ingested_digest/{office_id}"


def record_ingested(instance: dg.DagsterInstance, office_id: str, files) -> None:
    """Remember the folder content (``(file name, sha256)`` pairs) an ingest of ``office_id`` read."""
    instance.run_storage.set_cursor_values({INGESTED_KEY.format(office_id=office_id): digest_of(files)})


def ingested_digests(instance: dg.DagsterInstance, office_ids: list[str]) -> dict[str, str]:
    """Per office, the folder content digest its last ingest read (see :func:`record_ingested`)."""
    keys = {INGESTED_KEY.format(office_id=office_id): office_id for office_id in office_ids}
    stored = instance.run_storage.get_cursor_values(set(keys))
    return {keys[key]: value for key, value in stored.items() if value}
