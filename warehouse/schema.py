"""Warehouse tables as explicit SQLAlchemy Core definitions.

Explicit definitions (not reflection, not ``DataFrame.to_sql``) because
duckdb-engine cannot reflect tables under SQLAlchemy 2.1, and because the column
types are part of the analysts' contract: they must not depend on what pandas
inferred from one particular run.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Integer, MetaData, SmallInteger, String, Table, Text

metadata = MetaData()

certified_workers_by_region_level = Table(
    "certified_workers_by_region_level",
    metadata,
    Column("province_code", String(2), nullable=False, comment="Kemendagri province code, e.g. 64"),
    Column("region_code", String(5), nullable=False, comment="credited region: 64.08 for a regency/city office, 64 for a province office"),
    Column("region_name", Text, nullable=False),
    Column("jenjang", SmallInteger, nullable=False, comment="KKNI level 1-9"),
    Column("kualifikasi", Text, nullable=False, comment="Operator (1-3), Teknisi/Analis (4-6), Ahli (7-9)"),
    Column("certified_persons", Integer, nullable=False, comment="distinct persons assessed Kompeten"),
    Column("active_persons", Integer, nullable=False, comment="of those, holding a certificate valid on the publish date"),
)

submission_log = Table(
    "submission_log",
    metadata,
    Column("office_id", Text, nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("format", Text),
    Column("received_at", DateTime(timezone=True), comment="when the file arrived in the landing folder"),
    Column("status", Text, nullable=False, comment="accepted | rejected"),
    Column("rule", Text, comment="the submission rule a rejected file failed (expectations/rules.yaml)"),
    Column("reason", Text, comment="why a rejected file was rejected"),
    Column("rows_read", Integer, nullable=False),
    Column("rows_accepted", Integer, nullable=False),
    Column("rows_quarantined", Integer, nullable=False),
    Column("rows_flagged", Integer, nullable=False, comment="accepted rows with at least one flag"),
    Column("sheets", Text, comment="per-sheet header row, mapped columns and skipped rows, as JSON"),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("office_id", Text, nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("source_sheet", Text, nullable=False),
    Column("source_row", Integer, nullable=False),
    Column("column_name", Text, nullable=False, comment="canonical column at fault; empty for the whole row"),
    Column("value", Text, comment="offending raw value (personal data: engineers only)"),
    Column("rule", Text, nullable=False),
    Column("reason", Text, nullable=False, comment="Indonesian message / English gloss"),
    Column("raw", Text, comment="the whole raw row as JSON (personal data: engineers only)"),
)

reporting_completeness = Table(
    "reporting_completeness",
    metadata,
    Column("office_id", Text, nullable=False),
    Column("office_name", Text, nullable=False),
    Column("level", Text, nullable=False),
    Column("region_code", String(5), nullable=False),
    Column("files", Integer, nullable=False, comment="files in the landing folder (accepted or rejected)"),
    Column("files_rejected", Integer, nullable=False),
    Column("last_received_at", DateTime(timezone=True), comment="newest file's arrival"),
    Column("days_since_last", Integer, comment="days from the newest file to the publish date"),
    Column("freshness_days", Integer, comment="allowed silence from the registry"),
    Column("status", Text, nullable=False, comment="reported | stale | never"),
)

publish_log = Table(
    "publish_log",
    metadata,
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("publish_date", Date, nullable=False, comment="the date certificates are judged active on"),
    Column("table_name", Text, nullable=False),
    Column("row_count", Integer, nullable=False),
)
