"""Write the published tables to the warehouse (DuckDB by default, PostgreSQL in production).

All tables of one publish are replaced in a single transaction, so a reader sees
either the previous publish or this one, never a mix, and a failure half-way
leaves the previous version whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from warehouse import schema


def default_warehouse_url(data_dir: Path | str) -> str:
    """The embedded default: a DuckDB file in the project's data directory."""
    return f"duckdb:///{Path(data_dir).resolve() / 'warehouse.duckdb'}"


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``; creates the folder of a DuckDB file when needed."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "duckdb" and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return sa.create_engine(url)


def _records(frame: pd.DataFrame, table: sa.Table) -> list[dict]:
    if frame.empty:
        return []
    columns = [column.name for column in table.columns]
    missing = set(columns) - set(frame.columns)
    if missing:
        raise ValueError(f"{table.name}: frame lacks columns {sorted(missing)}")
    subset = frame[columns].astype(object)
    return subset.where(subset.notna(), None).to_dict("records")


@dataclass(frozen=True)
class PublishReport:
    """Row counts written per table."""

    row_counts: dict[str, int]


def publish_tables(engine: sa.Engine, frames: dict[str, pd.DataFrame], publish_date: date) -> PublishReport:
    """Replace the named tables with ``frames`` in one transaction and log the publish."""
    tables = {name: schema.metadata.tables[name] for name in frames}
    published_at = datetime.now(timezone.utc)
    counts: dict[str, int] = {}
    with engine.begin() as connection:
        schema.metadata.create_all(connection, checkfirst=True)
        for name, table in tables.items():
            connection.execute(table.delete())
            records = _records(frames[name], table)
            if records:
                connection.execute(table.insert(), records)
            counts[name] = len(records)
            connection.execute(
                schema.publish_log.insert(),
                {"published_at": published_at, "publish_date": publish_date, "table_name": name, "row_count": len(records)},
            )
    return PublishReport(row_counts=counts)


def read_table(engine: sa.Engine, name: str) -> pd.DataFrame:
    """Read a published table into a DataFrame (for the CLI and tests)."""
    table = schema.metadata.tables[name]
    with engine.connect() as connection:
        result = connection.execute(sa.select(table))
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
