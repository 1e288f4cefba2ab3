"""Warehouse commands.

``python -m warehouse roles [--url URL] [--province 64 ...]``
    On PostgreSQL: create the read-only ``analyst`` role, the provincial roles
    ``analyst_prov_<PP>`` (all 38 provinces by default) and their group
    ``analyst_provincial``; grant them read access to the URL's schema (its
    ``search_path``) with row-level security per province. Idempotent; every
    later publish keeps the grants and policies. See docs/warehouse.md, "Access".

``python -m warehouse export [--url URL] --out FOLDER``
    Read the published tables and write the headline xlsx and the chart (PNG, HTML).

``--url`` defaults to ``WAREHOUSE_URL``, else the DuckDB file under ``SERTIFIKASI_DATA_DIR``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from warehouse.publish import default_warehouse_url, make_engine, read_table


def _default_url() -> str:
    return os.environ.get("WAREHOUSE_URL") or default_warehouse_url(os.environ.get("SERTIFIKASI_DATA_DIR") or "data")


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m warehouse``."""
    parser = argparse.ArgumentParser(prog="python -m warehouse", description="Warehouse commands (docs/warehouse.md).")
    commands = parser.add_subparsers(dest="command", required=True)
    roles = commands.add_parser("roles", help="create the analyst roles and secure the warehouse schema (PostgreSQL)")
    roles.add_argument("--url", default=None, help="SQLAlchemy URL of the warehouse (default: WAREHOUSE_URL)")
    roles.add_argument("--province", action="append", default=None, metavar="PP",
                       help="only these provinces' roles (repeatable; default: all 38)")
    export = commands.add_parser("export", help="write the headline xlsx and the chart from the published tables")
    export.add_argument("--url", default=None)
    export.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    engine = make_engine(args.url or _default_url())
    try:
        if args.command == "roles":
            from warehouse.access import secure_warehouse

            if engine.dialect.name != "postgresql":
                print("roles need PostgreSQL: the DuckDB file has no roles (use WAREHOUSE_URL=postgresql+psycopg://...)",
                      file=sys.stderr)
                return 2
            names = secure_warehouse(engine, args.province)
            print(f"secured the warehouse schema for {len(names)} roles: {', '.join(names[:4])}{', ...' if len(names) > 4 else ''}")
            print("grant one to a login user, e.g.: CREATE ROLE budi LOGIN PASSWORD '...'; GRANT analyst_prov_64 TO budi;")
            return 0
        from warehouse.exports import export_all
        from warehouse.schema import publish_log

        frames = {
            name: read_table(engine, name)
            for name in ("certified_workers_by_region_level", "certified_workers_by_region_kualifikasi", "target_progress")
        }
        log = read_table(engine, publish_log.name)
        publish_date = log["publish_date"].max() if len(log) else None
        for path in export_all(frames, args.out, publish_date):
            print(path)
        return 0
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
