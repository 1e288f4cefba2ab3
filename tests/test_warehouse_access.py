"""Analyst access: no personal columns anywhere, and on PostgreSQL read-only roles with per-province rows."""

from __future__ import annotations

import re
import uuid
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from sources.registry import load_registry
from warehouse import access, schema
from warehouse.__main__ import main as warehouse_cli
from warehouse.completeness import reporting_completeness
from warehouse.publish import make_engine, publish_tables
from warehouse.star import build_star

PUBLISH = date(2026, 6, 30)
# Column names that would carry a NIK, a name or another direct identifier.
PERSONAL = re.compile(r"^(nik|nik_partial|nama|nama_kunci|name|gelar|tempat_lahir|tanggal_lahir|nomor_sertifikat|raw|value)$")
NIKS = {"64": "6408011003850001", "63": "6371055204900002", "15": "1505012012000003", "16": "1671010101800004"}
NIK_LIKE = re.compile(r"(?<![\d.])\d{16}(?!\d)")
OFFICE_OF = {"64": "kab-kutai-timur", "63": "prov-kalsel", "15": "kab-muaro-jambi", "16": "kota-palembang"}


def _rows() -> pd.DataFrame:
    """Persons in four provinces; the Kalsel KTP holder also trained in Kutai Timur."""
    records = []
    for i, (province, nik) in enumerate(NIKS.items()):
        for year in (2024, 2025):
            records.append(
                {
                    "office_id": OFFICE_OF[province], "source_file": f"{province}.xlsx", "source_sha256": "ab" * 32,
                    "source_sheet": "", "source_row": year, "nik": nik, "nik_status": "valid",
                    "nama": f"Rahasia {province}", "nama_kunci": f"rahasia {province}",
                    "jabatan_kerja": "Tukang Batu", "jenjang": 3 if province != "63" else 7, "hasil": "Kompeten",
                    "nomor_sertifikat": f"SKK-{province}-{year}", "tanggal_terbit": pd.Timestamp(f"{year}-02-01"),
                    "tahun": year, "person_key": f"p{province}",
                }
            )
    records.append({**records[2], "office_id": "kab-kutai-timur", "source_file": "kutim.xlsx", "jenjang": 3,
                    "jabatan_kerja": "Mandor", "nomor_sertifikat": "SKK-64-X"})
    frame = pd.DataFrame(records)
    frame["jenjang"] = frame["jenjang"].astype("Int64")
    frame["tahun"] = frame["tahun"].astype("Int64")
    return frame


def _frames() -> dict[str, pd.DataFrame]:
    frames = build_star(_rows(), load_registry(), PUBLISH, "test-secret")
    frames["quarantine"] = pd.DataFrame(
        {
            "office_id": ["kab-kutai-timur", "kota-palembang"], "source_file": ["a.xlsx", "b.csv"],
            "source_sha256": ["ab" * 32, "cd" * 32], "source_sheet": ["S", ""], "source_row": [3, 4],
            "column_name": ["nik", ""], "value": ["6408011003850009", None], "rule": ["nik_invalid", "no_identity"],
            "reason": ["r", "r"], "raw": ['{"nama": "Rahasia Sekali"}', "{}"],
        }
    )
    frames["submission_log"] = pd.DataFrame(
        {
            "office_id": ["kab-kutai-timur", "kota-palembang"], "source_file": ["a.xlsx", "b.csv"],
            "source_sha256": ["ab" * 32, "cd" * 32], "format": ["xlsx", "csv"],
            "received_at": pd.to_datetime(["2026-05-01", "2026-01-01"], utc=True), "status": ["accepted", "rejected"],
            "rule": [None, "file_unreadable"], "reason": [None, "rusak"], "rows_read": [10, 0], "rows_accepted": [9, 0],
            "rows_quarantined": [1, 0], "rows_flagged": [0, 0], "sheets": ["{}", None],
        }
    )
    frames["reporting_completeness"] = reporting_completeness(load_registry(), frames["submission_log"], PUBLISH)
    return frames


def test_no_analyst_table_has_a_nik_or_name_column():
    for table in access.analyst_tables():
        readable = access.readable_columns(table)
        assert not [c for c in readable if PERSONAL.match(c)], table.name
        assert not [c for c in readable if "nik" in c and c != "nik_hash"], table.name
    assert set(access.readable_columns(schema.quarantine)) == {c.name for c in schema.quarantine.columns} - {"value", "raw"}


def test_star_frames_carry_no_nik_or_name_values():
    frames = build_star(_rows(), load_registry(), PUBLISH, "test-secret")
    for name, frame in frames.items():
        text = frame.astype(str).to_string()
        assert not NIK_LIKE.search(text), name
        assert "Rahasia" not in text and "SKK-" not in text, name


@pytest.fixture
def secured(postgres_url):
    """A published, secured PostgreSQL warehouse (via the documented command) and its engine."""
    engine = make_engine(postgres_url)
    publish_tables(engine, _frames(), PUBLISH)
    assert warehouse_cli(["roles", "--url", postgres_url]) == 0
    try:
        yield engine
    finally:
        engine.dispose()


def _as(engine: sa.Engine, role: str, sql: str) -> list:
    with engine.connect() as connection:
        connection.exec_driver_sql(f'SET ROLE "{role}"')
        try:
            return connection.exec_driver_sql(sql).fetchall()
        finally:
            connection.rollback()


def _owner(engine: sa.Engine, sql: str) -> list:
    with engine.connect() as connection:
        return connection.exec_driver_sql(sql).fetchall()


def _province_rows(engine: sa.Engine, role: str | None, table: sa.Table) -> list[str]:
    """Which province each row of ``table`` that ``role`` sees belongs to."""
    expression = {
        "province_code": "t.province_code",
        "office": "(SELECT o.province_code FROM dim_office o WHERE o.office_id = t.office_id)",
        "completeness": "substr(t.region_code, 1, 2)",
    }
    if "province_code" in table.c and table.name != "dim_region" and table.name != "dim_office":
        column = expression["province_code"]
    elif table.name in ("submission_log", "quarantine"):
        column = expression["office"]
    elif table.name == "reporting_completeness":
        column = expression["completeness"]
    else:
        raise AssertionError(table.name)
    sql = f"SELECT {column} FROM {table.name} t"
    rows = _as(engine, role, sql) if role else _owner(engine, sql)
    return [row[0] for row in rows]


REGIONAL = [t for t in schema.metadata.sorted_tables if t.info.get("province_filter") and t.name != "dim_person"]


def test_provincial_role_sees_only_its_province(secured):
    for table in REGIONAL:
        everything = _province_rows(secured, None, table)
        mine = _province_rows(secured, "analyst_prov_64", table)
        assert set(mine) <= {"64"}, table.name
        assert len(mine) == everything.count("64"), table.name
        assert len(mine) > 0 and len(everything) > len(mine), table.name
        assert len(_province_rows(secured, "analyst", table)) == len(everything), table.name
    # Another province's role sees other rows, none of Kaltim's.
    assert set(_province_rows(secured, "analyst_prov_63", schema.fact_certification)) == {"63"}
    assert _as(secured, "analyst_prov_11", "SELECT count(*) FROM fact_participation") == [(0,)]


def test_provincial_role_sees_its_participants_and_its_ktp_holders(secured):
    visible = {row[0] for row in _as(secured, "analyst_prov_64", "SELECT person_key FROM dim_person")}
    # p64 holds a Kaltim KTP; p63 (Kalsel KTP) trained in Kutai Timur; p15 and p16 have nothing to do with Kaltim.
    assert visible == {"p64", "p63"}
    outside = _as(secured, "analyst_prov_64",
                  "SELECT DISTINCT home_province_code FROM fact_participation WHERE home_province_code <> '64'")
    assert outside == [("63",)]
    assert len(_as(secured, "analyst", "SELECT person_key FROM dim_person")) == 4


def test_reference_tables_are_whole_for_everyone(secured):
    assert _as(secured, "analyst_prov_64", "SELECT count(*) FROM dim_region") == [(552,)]
    assert _as(secured, "analyst_prov_64", "SELECT count(*) FROM dim_office") == [(8,)]


def test_no_analyst_role_reads_quarantine_personal_data(secured):
    for role in ("analyst", "analyst_prov_64"):
        for column in ("value", "raw", "*"):
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                _as(secured, role, f"SELECT {column} FROM quarantine")
    assert _as(secured, "analyst_prov_64", "SELECT office_id, rule FROM quarantine") == [("kab-kutai-timur", "nik_invalid")]
    assert len(_as(secured, "analyst", "SELECT office_id, rule FROM quarantine")) == 2


def test_no_analyst_role_reads_person_links(secured):
    """Provenance plus a person key re-identifies a person for whoever holds the files: engineers only."""
    for role in ("analyst", "analyst_prov_64"):
        for sql in ("SELECT * FROM person_links", "SELECT method, count(*) FROM person_links GROUP BY method"):
            with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
                _as(secured, role, sql)
    with secured.connect() as connection:  # the engineers' own login still reads it
        assert connection.exec_driver_sql("SELECT count(*) FROM person_links").scalar_one() == 0


def test_analyst_roles_are_read_only(secured):
    for sql in (
        "DELETE FROM fact_participation",
        "INSERT INTO dim_office (office_id, office_name, level, region_code, region_name, province_code, province_name) "
        "VALUES ('x', 'x', 'city', '64.72', 'x', '64', 'x')",
        "UPDATE certified_workers_by_region_level SET certified_persons = 0",
        "CREATE TABLE mine (a int)",
        "DROP TABLE dim_region",
    ):
        for role in ("analyst", "analyst_prov_64"):
            with pytest.raises(sa.exc.ProgrammingError):
                _as(secured, role, sql)


def test_access_survives_a_republish_and_a_login_with_two_provinces(secured):
    publish_tables(secured, _frames(), PUBLISH)
    assert set(_province_rows(secured, "analyst_prov_64", schema.fact_certification)) == {"64"}
    with pytest.raises(sa.exc.ProgrammingError, match="permission denied"):
        _as(secured, "analyst_prov_64", "SELECT raw FROM quarantine")
    login = f"t_login_{uuid.uuid4().hex[:8]}"
    with secured.begin() as connection:
        connection.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
        connection.exec_driver_sql(f'GRANT analyst_prov_64, analyst_prov_63 TO "{login}"')
    try:
        assert set(_province_rows(secured, login, schema.fact_certification)) == {"63", "64"}
    finally:
        with secured.begin() as connection:
            connection.exec_driver_sql(f'DROP ROLE "{login}"')


def test_every_analyst_table_holds_no_nik_or_name_values(secured):
    for table in access.analyst_tables():
        columns = ", ".join(f'"{c}"' for c in access.readable_columns(table))
        text = repr(_as(secured, "analyst", f"SELECT {columns} FROM {table.name}"))
        assert not NIK_LIKE.search(text), table.name
        assert "Rahasia" not in text, table.name


def test_roles_command_refuses_duckdb(tmp_path, capsys):
    assert warehouse_cli(["roles", "--url", f"duckdb:///{tmp_path / 'w.duckdb'}"]) == 2
    assert "PostgreSQL" in capsys.readouterr().err


def test_roles_command_runs_as_documented(postgres_url):
    """`WAREHOUSE_URL=... python -m warehouse roles` (docs/warehouse.md, "Access"), as a real process."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    engine = make_engine(postgres_url)
    try:
        publish_tables(engine, _frames(), PUBLISH)
        repo = Path(__file__).resolve().parents[1]
        done = subprocess.run(
            [sys.executable, "-m", "warehouse", "roles", "--province", "64", "--province", "63"],
            cwd=repo, env={**os.environ, "WAREHOUSE_URL": postgres_url}, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("secured the warehouse schema for 4 roles: analyst, analyst_provincial, "
                                      "analyst_prov_64, analyst_prov_63")
        assert set(_province_rows(engine, "analyst_prov_63", schema.fact_participation)) == {"63"}
        assert len(_as(engine, "analyst", "SELECT office_id FROM quarantine")) == 2
    finally:
        engine.dispose()
