"""Analyst access on PostgreSQL: read-only roles and per-province row-level security.

Roles (cluster-wide, ``NOLOGIN``: grant them to login users):

``analyst``
    reads every analyst-facing table, all provinces;
``analyst_provincial``
    the group every provincial role belongs to; policies are written for it;
``analyst_prov_<PP>`` (one per province, e.g. ``analyst_prov_64``)
    reads only the rows of province ``PP`` in every table that carries a region
    (row-level security; the province a row belongs to is the table's
    ``info["province_filter"]`` in :mod:`warehouse.schema`). A login user granted
    two provincial roles sees both provinces.

No analyst role can read the personal-data columns of ``quarantine`` (``value``,
``raw``): the grant lists the other columns only. Reference tables
(``dim_region``, ``dim_office``) and ``publish_log`` carry no person data and are
readable in full. All grants are SELECT (and USAGE on the schema): read-only.

Grants and policies live on the tables, and a publish replaces the tables, so
:func:`warehouse.publish.publish_tables` re-applies them in its transaction
whenever the schema was secured once (``python -m warehouse roles``).
"""

from __future__ import annotations

import zlib

import sqlalchemy as sa

from reference import regions
from warehouse import schema

ANALYST = "analyst"
PROVINCIAL = "analyst_provincial"
PROVINCE_ROLE_PREFIX = "analyst_prov_"
POLICY_PREFIX = "wh_"
_ROLES_LOCK = zlib.crc32(b"warehouse.access.roles")

# The provinces the current user may see: the codes of the provincial roles it is a member of.
VISIBLE_PROVINCES = (
    "(SELECT substr(r.rolname, {start}) FROM pg_catalog.pg_roles r "
    "WHERE substr(r.rolname, 1, {length}) = '{prefix}' AND pg_catalog.pg_has_role(r.oid, 'MEMBER'))"
).format(start=len(PROVINCE_ROLE_PREFIX) + 1, length=len(PROVINCE_ROLE_PREFIX), prefix=PROVINCE_ROLE_PREFIX)


def province_role(province_code: str) -> str:
    """The provincial analyst role of a two-digit province code: ``analyst_prov_64``."""
    if len(province_code) != 2 or not province_code.isdigit():
        raise ValueError(f"not a two-digit province code: {province_code!r}")
    return PROVINCE_ROLE_PREFIX + province_code


def all_province_codes() -> list[str]:
    """The 38 province codes of the reference data."""
    return sorted(code for code, region in regions().items() if region.type == "province")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def province_filter(table: sa.Table) -> str | None:
    """The SQL condition a provincial role's rows of ``table`` must meet (None: all rows)."""
    template = table.info.get("province_filter")
    if template is None:
        return None
    if "{province}" not in template:
        template = f"{template} = {{province}}"
    # "x = {province}" becomes "x IN (<visible provinces>)".
    return template.replace("= {province}", "IN " + VISIBLE_PROVINCES)


def analyst_tables() -> list[sa.Table]:
    """Tables any analyst role may read (all but those marked ``analyst: False``)."""
    return [table for table in schema.metadata.sorted_tables if table.info.get("analyst", True)]


def readable_columns(table: sa.Table) -> list[str]:
    """Columns analysts may read: all but the table's ``personal_columns``."""
    hidden = set(table.info.get("personal_columns", ()))
    return [column.name for column in table.columns if column.name not in hidden]


def create_roles(connection: sa.Connection, provinces: list[str] | None = None) -> list[str]:
    """Create the analyst roles that do not exist yet; returns every role name handled."""
    if connection.dialect.name != "postgresql":
        raise ValueError("analyst roles need PostgreSQL (the DuckDB file has no roles)")
    # Roles are cluster-wide: serialise concurrent creators.
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ROLES_LOCK})")
    codes = provinces or all_province_codes()
    wanted = [ANALYST, PROVINCIAL] + [province_role(code) for code in codes]
    existing = set(connection.execute(sa.text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"), {"names": wanted}).scalars())
    for role in wanted:
        if role not in existing:
            connection.exec_driver_sql(f"CREATE ROLE {_quote(role)} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
    for code in codes:
        role = province_role(code)
        member = connection.execute(
            sa.text("SELECT pg_has_role(:role, :group, 'MEMBER')"), {"role": role, "group": PROVINCIAL}
        ).scalar_one()
        if not member:
            connection.exec_driver_sql(f"GRANT {_quote(PROVINCIAL)} TO {_quote(role)}")
    return wanted


def is_secured(connection: sa.Connection, target_schema: str) -> bool:
    """Whether the roles command was run on this schema (the analyst role may use it)."""
    exists = connection.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": ANALYST}).first()
    if not exists:
        return False
    return bool(
        connection.execute(
            sa.text("SELECT has_schema_privilege(:r, :s, 'USAGE')"), {"r": ANALYST, "s": target_schema}
        ).scalar_one()
    )


def drop_policies(connection: sa.Connection, target_schema: str) -> None:
    """Drop the policies this module created on the schema's tables."""
    policies = connection.execute(
        sa.text("SELECT tablename, policyname FROM pg_policies WHERE schemaname = :s AND policyname LIKE :p"),
        {"s": target_schema, "p": POLICY_PREFIX.replace("_", "\\_") + "%"},
    ).fetchall()
    for table_name, policy in policies:
        connection.exec_driver_sql(f"DROP POLICY {_quote(policy)} ON {_quote(target_schema)}.{_quote(table_name)}")


def apply_access(connection: sa.Connection, target_schema: str) -> None:
    """Grant the analyst roles read access to ``target_schema``'s tables, with row-level security.

    Idempotent; run by the roles command and by every publish into a secured schema.
    The tables must exist (``schema.metadata.create_all``).
    """
    readers = f"{_quote(ANALYST)}, {_quote(PROVINCIAL)}"
    target = _quote(target_schema)
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA {target} TO {readers}")
    drop_policies(connection, target_schema)
    for table in schema.metadata.sorted_tables:
        qualified = f"{target}.{_quote(table.name)}"
        connection.exec_driver_sql(f"REVOKE ALL ON {qualified} FROM {readers}")
        if not table.info.get("analyst", True):
            continue
        columns = readable_columns(table)
        if len(columns) == len(table.columns):
            connection.exec_driver_sql(f"GRANT SELECT ON {qualified} TO {readers}")
        else:
            listed = ", ".join(_quote(c) for c in columns)
            connection.exec_driver_sql(f"GRANT SELECT ({listed}) ON {qualified} TO {readers}")
        condition = province_filter(table)
        connection.exec_driver_sql(f"ALTER TABLE {qualified} ENABLE ROW LEVEL SECURITY")
        connection.exec_driver_sql(
            f"CREATE POLICY {POLICY_PREFIX}analyst_all ON {qualified} FOR SELECT TO {_quote(ANALYST)} USING (true)"
        )
        connection.exec_driver_sql(
            f"CREATE POLICY {POLICY_PREFIX}provincial ON {qualified} FOR SELECT TO {_quote(PROVINCIAL)} "
            f"USING ({condition or 'true'})"
        )


def secure_warehouse(engine: sa.Engine, provinces: list[str] | None = None) -> list[str]:
    """Create the roles and secure the engine's schema (the ``roles`` command)."""
    if engine.dialect.name != "postgresql":
        raise ValueError("analyst roles need PostgreSQL (the DuckDB file has no roles)")
    with engine.begin() as connection:
        roles = create_roles(connection, provinces)
        schema.metadata.create_all(connection, checkfirst=True)
        target = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
        apply_access(connection, target)
    return roles
