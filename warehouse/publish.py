"""Write the published tables to the warehouse (DuckDB by default, PostgreSQL in production).

One publish replaces the named tables all at once:

1. every analyst table's office-provided text passes the fence (:mod:`warehouse.fence`:
   no NIK, byte dump or participant name), then every frame is checked against its
   table definition and turned into an Arrow table, sorted by the table's
   ``order_by`` (same inputs, same physical order);
2. in **one transaction** each table is built aside and bulk-loaded natively:
   PostgreSQL ``COPY ... FROM STDIN`` (CSV written by Arrow) into a per-publish
   staging schema; DuckDB ``INSERT ... SELECT`` from the registered Arrow table
   into ``<name>__publish``;
3. still in that transaction, the live tables are locked (PostgreSQL: all at
   once or none, see ``_PostgreSQL._lock``), dropped and the new ones moved
   in (PostgreSQL ``ALTER TABLE ... SET SCHEMA``, DuckDB ``RENAME``), the
   publish is logged in ``publish_log`` and, on PostgreSQL, the analyst grants
   and row-level security policies are put back on the new tables
   (:mod:`warehouse.access`);
4. commit.

A reader therefore sees the previous publish or this one, never a mix; a
failure or a killed process at any point leaves the previous version whole (the
transaction never commits, the staging schema vanishes with it); the same
inputs give identical table contents.
"""

from __future__ import annotations

import io
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import sqlalchemy as sa
from sqlalchemy.schema import CreateTable, SetColumnComment, SetTableComment

from warehouse import access, fence, schema

# A callback told what the publish is doing: ("load", table), ("loaded", table),
# ("swapped", None) just before the commit, ("committed", None).
Progress = Callable[[str, str | None], None]

_STAGE_SUFFIX = "__publish"
_COPY_CHUNK_ROWS = 200_000
# Serialises publishes into one PostgreSQL database (pg_advisory_xact_lock key).
_PUBLISH_LOCK = zlib.crc32(b"warehouse.publish")
# How long the swap retries its table locks without queueing (see _PostgreSQL._lock).
_LOCK_NOWAIT_SECONDS = 60.0
_LOCK_NOT_AVAILABLE = "55P03"  # SQLSTATE lock_not_available


def default_warehouse_url(data_dir: Path | str) -> str:
    """The embedded default: a DuckDB file in the project's data directory."""
    return f"duckdb:///{Path(data_dir).resolve() / 'warehouse.duckdb'}"


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``; creates the folder of a DuckDB file when needed."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "duckdb" and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return sa.create_engine(url)


@dataclass(frozen=True)
class PublishReport:
    """Row counts written per table."""

    row_counts: dict[str, int]


# --------------------------------------------------------------------------- frames -> Arrow


def _text(series: pd.Series) -> pa.Array:
    try:
        return pa.array(series, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if _missing(v) else str(v) for v in series], type=pa.string())


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _arrow_column(series: pd.Series, column: sa.Column) -> pa.Array:
    """One frame column as an Arrow array of the column's SQL type."""
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return pa.array(series.astype("boolean"), type=pa.bool_(), from_pandas=True)
    if isinstance(kind, sa.Integer):
        numbers = series if pd.api.types.is_numeric_dtype(series) else pd.to_numeric(series)
        return pa.array(numbers.astype("Int64"), type=pa.int64(), from_pandas=True)
    if isinstance(kind, sa.Float):
        return pa.array(pd.to_numeric(series).astype("Float64"), type=pa.float64(), from_pandas=True)
    if isinstance(kind, sa.DateTime):
        stamps = pd.to_datetime(series, utc=bool(kind.timezone))
        return pa.array(stamps, from_pandas=True).cast(pa.timestamp("us", tz="UTC" if kind.timezone else None))
    if isinstance(kind, sa.Date):
        days = pd.to_datetime(series)
        if getattr(days.dt, "tz", None) is not None:
            days = days.dt.tz_localize(None)
        return pa.array(days.dt.floor("D"), from_pandas=True).cast(pa.date32())
    return _text(series)


def frame_to_arrow(frame: pd.DataFrame, table: sa.Table) -> pa.Table:
    """``frame`` as an Arrow table with exactly ``table``'s columns and types, in its ``order_by`` order."""
    columns = [column.name for column in table.columns]
    missing = set(columns) - set(frame.columns)
    if missing:
        raise ValueError(f"{table.name}: frame lacks columns {sorted(missing)}")
    subset = frame[columns]
    order = [name for name in table.info.get("order_by", ()) if name in columns]
    if order and len(subset) > 1:
        subset = subset.sort_values(order, kind="stable", na_position="first")
    arrays = [_arrow_column(subset[column.name].reset_index(drop=True), column) for column in table.columns]
    return pa.Table.from_arrays(arrays, names=columns)


# --------------------------------------------------------------------------- backends


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _comments(connection: sa.Connection, table: sa.Table) -> None:
    if not connection.dialect.supports_comments:
        return
    if table.comment:
        connection.execute(SetTableComment(table))
    for column in table.columns:
        if column.comment:
            connection.execute(SetColumnComment(column))


def _dbapi_error(statement: str, error: Exception, base: type[Exception]) -> sa.exc.DBAPIError:
    return sa.exc.DBAPIError.instance(statement, None, error, base)


class _DuckDB:
    """Build ``<name>__publish`` in the same transaction, then drop and rename."""

    def __init__(self, connection: sa.Connection):
        self.connection = connection
        self.raw = connection.connection.dbapi_connection

    def lock(self) -> None:
        """DuckDB admits one writing process; nothing to do."""

    def stage(self, table: sa.Table, data: pa.Table) -> str:
        staged_name = table.name + _STAGE_SUFFIX
        self.connection.exec_driver_sql(f"DROP TABLE IF EXISTS {_quote(staged_name)}")
        staged = table.to_metadata(sa.MetaData(), name=staged_name)
        self.connection.execute(CreateTable(staged))
        _comments(self.connection, staged)
        if data.num_rows:
            view = f"_publish_arrow_{uuid.uuid4().hex[:12]}"
            columns = ", ".join(_quote(c.name) for c in table.columns)
            self.raw.register(view, data)
            try:
                self.connection.exec_driver_sql(
                    f"INSERT INTO {_quote(staged_name)} ({columns}) SELECT {columns} FROM {_quote(view)}"
                )
            finally:
                try:
                    self.raw.unregister(view)
                except Exception:  # the transaction is aborted: the view goes with the rollback
                    pass
        return staged_name

    def swap(self, staged: dict[str, str]) -> None:
        for name, staged_name in staged.items():
            self.connection.exec_driver_sql(f"DROP TABLE IF EXISTS {_quote(name)}")
            self.connection.exec_driver_sql(f"ALTER TABLE {_quote(staged_name)} RENAME TO {_quote(name)}")

    def finish(self) -> None:
        """No roles on DuckDB."""


class _PostgreSQL:
    """Build in a per-publish staging schema with COPY, then move the tables in."""

    def __init__(self, connection: sa.Connection):
        self.connection = connection
        self.raw = connection.connection.dbapi_connection
        self.target = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
        self.stage_schema = f"_publish_{uuid.uuid4().hex[:12]}"
        self.secured = False

    def lock(self) -> None:
        # One publish at a time per database; waits for a running one to commit.
        self.connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PUBLISH_LOCK})")
        self.connection.exec_driver_sql(f"CREATE SCHEMA {_quote(self.stage_schema)}")

    def _csv_chunks(self, data: pa.Table) -> Iterator[bytes]:
        options = pa_csv.WriteOptions(include_header=False, quoting_style="needed")
        for start in range(0, data.num_rows, _COPY_CHUNK_ROWS):
            sink = io.BytesIO()
            pa_csv.write_csv(data.slice(start, _COPY_CHUNK_ROWS), sink, options)
            yield sink.getvalue()

    def stage(self, table: sa.Table, data: pa.Table) -> str:
        staged = table.to_metadata(sa.MetaData(), schema=self.stage_schema)
        self.connection.execute(CreateTable(staged))
        _comments(self.connection, staged)
        if data.num_rows:
            import psycopg

            columns = ", ".join(_quote(c.name) for c in table.columns)
            # Strings are always quoted by Arrow's "needed" style, so "" is an empty
            # string and an unquoted empty field is NULL, as COPY's CSV format reads them.
            statement = f"COPY {_quote(self.stage_schema)}.{_quote(table.name)} ({columns}) FROM STDIN (FORMAT csv)"
            try:
                with self.raw.cursor() as cursor, cursor.copy(statement) as copy:
                    for chunk in self._csv_chunks(data):
                        copy.write(chunk)
            except psycopg.Error as error:
                raise _dbapi_error(statement, error, psycopg.Error) from error
        return table.name

    def _lock(self, names: list[str]) -> None:
        """ACCESS EXCLUSIVE on every table in ``names``, never waiting while holding some of them.

        A plain ``LOCK TABLE a, b`` takes ``a``, then waits for ``b``; an analyst query
        naming ``b`` before ``a`` holds ``b`` and waits for ``a``: a deadlock, whose
        victim may be the publish. So all locks are tried at once with ``NOWAIT`` in a
        savepoint (a failure releases the ones taken) and retried after a short pause:
        readers keep reading the previous version meanwhile. After
        ``_LOCK_NOWAIT_SECONDS`` of failures (a long query or an open transaction
        holds a table) it queues for the locks like any client.
        """
        qualified = ", ".join(f"{_quote(self.target)}.{_quote(name)}" for name in names)
        statement = f"LOCK TABLE {qualified} IN ACCESS EXCLUSIVE MODE"
        deadline = time.monotonic() + _LOCK_NOWAIT_SECONDS
        pause = 0.002
        while time.monotonic() < deadline:
            try:
                with self.connection.begin_nested():
                    self.connection.exec_driver_sql(statement + " NOWAIT")
                return
            except sa.exc.OperationalError as error:
                if getattr(error.orig, "sqlstate", None) != _LOCK_NOT_AVAILABLE:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)
        self.connection.exec_driver_sql(statement)

    def swap(self, staged: dict[str, str]) -> None:
        target = _quote(self.target)
        self.secured = access.is_secured(self.connection, self.target)
        existing = set(
            self.connection.execute(
                sa.text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": self.target}
            ).scalars()
        )
        # Secured, the grants and policies of every warehouse table are rewritten below
        # (each statement an exclusive lock): lock them all up front, in one go.
        locked = sorted(existing & set(schema.metadata.tables)) if self.secured else list(staged)
        self._lock(locked)
        if self.secured:
            # Our policies reference other tables (dim_office, fact_participation) and
            # would block their DROP; they are re-created below, in this transaction.
            access.drop_policies(self.connection, self.target)
        for name in staged:
            # No CASCADE: a foreign view on a warehouse table makes the publish fail
            # (previous version kept) instead of silently disappearing.
            self.connection.exec_driver_sql(f"DROP TABLE {target}.{_quote(name)}")
            self.connection.exec_driver_sql(f"ALTER TABLE {_quote(self.stage_schema)}.{_quote(name)} SET SCHEMA {target}")

    def finish(self) -> None:
        self.connection.exec_driver_sql(f"DROP SCHEMA {_quote(self.stage_schema)}")
        if self.secured:
            access.apply_access(self.connection, self.target)


def _backend(connection: sa.Connection):
    name = connection.dialect.name
    if name == "duckdb":
        return _DuckDB(connection)
    if name == "postgresql":
        return _PostgreSQL(connection)
    raise ValueError(f"unsupported warehouse backend {name!r} (DuckDB or PostgreSQL)")


# --------------------------------------------------------------------------- publish


def publish_tables(
    engine: sa.Engine,
    frames: dict[str, pd.DataFrame],
    publish_date: date,
    *,
    progress: Progress | None = None,
    names: frozenset[str] = frozenset(),
    published_at: datetime | None = None,
) -> PublishReport:
    """Replace the named tables with ``frames`` in one transaction and log the publish.

    Every analyst table's ``office_text`` / ``office_json`` columns pass
    :func:`warehouse.fence.fence_tables` first, with the name words in ``names``
    and those of the quarantined rows (the publish job's candidate arrives fenced
    with every participant's name already; fencing twice changes nothing).
    Tables not named keep their contents (they are created empty when missing).
    Raises ``ValueError`` for a frame that lacks columns and ``sqlalchemy.exc.DBAPIError``
    when the database refuses the data (e.g. a null in a NOT NULL column); either
    way the previous version stays. ``published_at`` stamps the publish log (default: now).
    """
    notify = progress or (lambda event, table: None)
    unknown = sorted(set(frames) - set(schema.metadata.tables))
    if unknown:
        raise KeyError(f"no warehouse table named {unknown}")
    tables = {name: schema.metadata.tables[name] for name in frames}
    names = names | fence.quarantined_names(frames.get("quarantine"))
    frames = fence.fence_tables(frames, names)
    data = {name: frame_to_arrow(frames[name], table) for name, table in tables.items()}
    published_at = published_at or datetime.now(timezone.utc)
    with engine.begin() as connection:
        backend = _backend(connection)
        backend.lock()
        schema.metadata.create_all(connection, checkfirst=True)
        staged: dict[str, str] = {}
        for name, table in tables.items():
            notify("load", name)
            staged[name] = backend.stage(table, data[name])
            notify("loaded", name)
        backend.swap(staged)
        if tables:
            connection.execute(
                schema.publish_log.insert(),
                [
                    {"published_at": published_at, "publish_date": publish_date, "table_name": name, "row_count": data[name].num_rows}
                    for name in tables
                ],
            )
        backend.finish()
        notify("swapped", None)
    notify("committed", None)
    return PublishReport(row_counts={name: data[name].num_rows for name in tables})


def read_table(engine: sa.Engine, name: str) -> pd.DataFrame:
    """Read a published table into a DataFrame (for the CLI and tests), in the table's order."""
    table = schema.metadata.tables[name]
    order = [table.c[column] for column in table.info.get("order_by", ())]
    with engine.connect() as connection:
        result = connection.execute(sa.select(table).order_by(*order))
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def dump_table(engine: sa.Engine, name: str) -> bytes:
    """A byte dump of a table ordered by every column: equal dumps, equal contents."""
    table = schema.metadata.tables[name]
    with engine.connect() as connection:
        rows = connection.execute(sa.select(table).order_by(*table.columns)).fetchall()
    return "\n".join(repr(tuple(row)) for row in rows).encode("utf-8")
