"""Publish benchmark: ``publish_tables`` against ``DataFrame.to_sql`` on DuckDB and PostgreSQL.

The frame is ``fact_participation``-like (its 19 columns and types, realistic
cardinalities). ``publish_tables`` is timed end to end: typing and sorting the
frame into Arrow, the bulk load into a table built aside (PostgreSQL ``COPY``,
DuckDB from the registered Arrow table), the swap and the commit. The
baselines write the same frame with ``to_sql(if_exists="replace")`` into a
table of its own, ``method=None`` (the driver's ``executemany``) and
``method="multi"`` (multi-row ``INSERT``, 1,000 rows a statement): they neither
sort, nor check the schema, nor swap atomically, so they do less work.

A baseline whose projected time at a size exceeds ``--budget`` seconds (from
its rows/s at the previous size) is not run there and is reported as skipped.
Results go to the "Publish" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import numpy as np
import pandas as pd
import sqlalchemy as sa

from benchmarks.machine import describe
from benchmarks.report import replace_section
from warehouse.publish import make_engine, publish_tables

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PUBLISH_DATE = date(2026, 6, 30)
OFFICES = [
    ("kab-kutai-timur", "64", "64.08"), ("prov-kaltim", "64", "64"), ("kab-muaro-jambi", "15", "15.05"),
    ("prov-kalsel", "63", "63"), ("kota-palembang", "16", "16.71"), ("kota-samarinda", "64", "64.72"),
    ("kab-kutai-kartanegara", "64", "64.02"), ("kab-muara-enim", "16", "16.03"),
]
JABATAN = ["Operator Excavator", "Tukang Batu", "Mandor", "Pelaksana Lapangan Pekerjaan Gedung", "Ahli Muda Teknik Jalan"]
JENJANG = [2, 3, 5, 6, 7]
KUALIFIKASI = ["Operator", "Operator", "Teknisi/Analis", "Teknisi/Analis", "Ahli"]
METHODS = ("publish_tables", "to_sql", "to_sql multi")


def participation_frame(rows: int, seed: int = 7) -> pd.DataFrame:
    """``rows`` rows shaped like ``fact_participation`` (about two rows per person)."""
    rng = np.random.default_rng(seed)
    office = rng.integers(0, len(OFFICES), rows)
    level = rng.integers(0, len(JENJANG), rows)
    person = rng.integers(0, max(rows // 2, 1), rows)
    kompeten = rng.random(rows) < 0.8
    hasil = np.where(kompeten, "Kompeten", np.where(rng.random(rows) < 0.5, "Belum Kompeten", None))
    home = np.array(["64.08", "64.72", "63.71", "16.71", "15.05", None], dtype=object)[rng.integers(0, 6, rows)]
    person_keys = pd.Series(person).map(lambda p: f"{p:016x}")
    files = pd.Series(office).map(lambda o: f"{OFFICES[o][0]} peserta 2025.xlsx")
    return pd.DataFrame(
        {
            "person_key": person_keys,
            "office_id": [OFFICES[o][0] for o in office],
            "province_code": [OFFICES[o][1] for o in office],
            "region_code": [OFFICES[o][2] for o in office],
            "program": np.array(["MTU Tahap I", "Pelatihan dan Sertifikasi Tahap II", "BIMTEK Operator"])[rng.integers(0, 3, rows)],
            "tahun": pd.array(rng.integers(2021, 2027, rows), dtype="Int64"),
            "hasil": hasil,
            "jenjang": pd.array(np.array(JENJANG)[level], dtype="Int64"),
            "kualifikasi": np.array(KUALIFIKASI)[level],
            "jabatan_kerja": np.array(JABATAN)[level],
            "certificate_key": np.where(kompeten, "c" + person_keys + "-" + pd.Series(level).astype(str), None),
            "re_report": rng.random(rows) < 0.02,
            "home_regency_code": home,
            "home_province_code": [None if h is None else h[:2] for h in home],
            "flags": np.where(rng.random(rows) < 0.1, "nik_excel_truncated", ""),
            "source_file": files,
            "source_sheet": np.array(["", "Sangatta Utara", "Bengalon"])[rng.integers(0, 3, rows)],
            "source_row": np.arange(rows, dtype=np.int64) + 2,
            "source_sha256": pd.Series(office).map(lambda o: f"{o:02d}" * 32),
        }
    )


@contextmanager
def backend_engine(backend: str, workdir: Path) -> Iterator[sa.Engine]:
    """A fresh DuckDB file, or a fresh schema of the PostgreSQL at ``TEST_POSTGRES_URL`` (dropped afterwards)."""
    if backend == "duckdb":
        engine = make_engine(f"duckdb:///{workdir / f'bench-{uuid.uuid4().hex[:8]}.duckdb'}")
        try:
            yield engine
        finally:
            engine.dispose()
        return
    admin = sa.create_engine(POSTGRES_URL)
    name = f"bench_publish_{uuid.uuid4().hex[:8]}"
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    url = sa.engine.make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={name}"})
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
        admin.dispose()


def _writer(method: str, engine: sa.Engine, frame: pd.DataFrame) -> Callable[[], None]:
    if method == "publish_tables":
        return lambda: publish_tables(engine, {"fact_participation": frame}, PUBLISH_DATE)
    to_sql_method = "multi" if method == "to_sql multi" else None
    return lambda: frame.to_sql("fact_participation_to_sql", engine, if_exists="replace", index=False,
                                method=to_sql_method, chunksize=1000 if to_sql_method else 100_000)


def _count(engine: sa.Engine, method: str) -> int:
    table = "fact_participation" if method == "publish_tables" else "fact_participation_to_sql"
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()


def run(sizes: list[int], backends: list[str], budget: float) -> list[dict]:
    """Time every method on every backend and size; a result per (size, backend, method)."""
    results: list[dict] = []
    speed: dict[tuple[str, str], float] = {}
    with TemporaryDirectory(prefix="bench-publish-") as tmp:
        for size in sizes:
            frame = participation_frame(size)
            for backend in backends:
                for method in METHODS:
                    known = speed.get((backend, method))
                    if known and size / known > budget:
                        results.append({"rows": size, "backend": backend, "method": method, "seconds": None,
                                        "projected": size / known})
                        print(f"  {size:>9,} {backend:<10} {method:<15} skipped (projected {size / known:,.0f} s)", flush=True)
                        continue
                    with backend_engine(backend, Path(tmp)) as engine:
                        if method == "publish_tables":
                            # The first publish creates every warehouse table; time a replace, as in production.
                            publish_tables(engine, {"fact_participation": frame.head(10)}, PUBLISH_DATE)
                        gc.collect()
                        started = time.perf_counter()
                        _writer(method, engine, frame)()
                        seconds = time.perf_counter() - started
                        assert _count(engine, method) == size, (backend, method)
                    speed[(backend, method)] = size / seconds
                    results.append({"rows": size, "backend": backend, "method": method, "seconds": seconds})
                    print(f"  {size:>9,} {backend:<10} {method:<15} {seconds:8.2f} s {size / seconds:12,.0f} rows/s", flush=True)
    return results


def table(results: list[dict]) -> str:
    """The markdown table: one row per size and backend, seconds and rows/s per method."""
    head = "| rows | backend | " + " | ".join(f"{m} (s) | {m} rows/s" for m in METHODS) + " | publish_tables speed-up over the faster to_sql |"
    lines = [head, "|---:|---|" + "---:|---:|" * len(METHODS) + "---:|"]
    keyed = {(r["rows"], r["backend"], r["method"]): r for r in results}
    for rows, backend in dict.fromkeys((r["rows"], r["backend"]) for r in results):
        cells = []
        for method in METHODS:
            r = keyed[(rows, backend, method)]
            if r["seconds"] is None:
                cells.append(f"skipped (~{r['projected']:,.0f} s projected) | ~{rows / r['projected']:,.0f}")
            else:
                cells.append(f"{r['seconds']:.2f} | {rows / r['seconds']:,.0f}")
        ours = keyed[(rows, backend, "publish_tables")]["seconds"]
        fastest = [keyed[(rows, backend, m)]["seconds"] for m in METHODS[1:] if keyed[(rows, backend, m)]["seconds"]]
        ratio = f"{min(fastest) / ours:.1f}x" if fastest and ours else "n/a"
        lines.append(f"| {rows:,} | {backend} | " + " | ".join(cells) + f" | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the "Publish" section of docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--backends", default="duckdb,postgresql")
    parser.add_argument("--budget", type=float, default=600.0,
                        help="skip a baseline whose projected time exceeds this many seconds")
    parser.add_argument("--no-report", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"publish benchmark: {sizes} rows on {args.backends}", flush=True)
    load_before = os.getloadavg()[0]
    results = run(sizes, args.backends.split(","), args.budget)
    load = f"load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    body = (
        f"Machine: {describe()}; {load} (other jobs share the machine: compare columns of one row, not runs). "
        f"PostgreSQL {_postgres_version()} on the same machine (local TCP).\n\n"
        "A `fact_participation`-like frame (19 columns, text, integers, booleans, nulls) written once per cell, "
        "into a fresh DuckDB file or PostgreSQL schema. `publish_tables` is the whole publish, end to end: "
        "type and sort the frame into Arrow, bulk-load it into a table built aside (PostgreSQL `COPY`, DuckDB "
        "from the registered Arrow table), swap it in and log it, in one transaction. The baselines are "
        "`DataFrame.to_sql(if_exists='replace', index=False)` with `method=None` (driver `executemany`, "
        "chunksize 100,000) and `method='multi'` (1,000-row `INSERT ... VALUES` statements): they write an "
        "untyped new table and neither sort, nor check the schema, nor swap atomically. The speed-up is over "
        "the faster baseline that ran. A baseline projected (from its rows/s at the smaller size) to take "
        f"more than {args.budget:,.0f} s is skipped.\n\n"
        + table(results)
    )
    if not args.no_report:
        replace_section(Path("docs/benchmarks.md"), "Publish", body)
    print(table(results))
    return 0


def _postgres_version() -> str:
    try:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.connect() as connection:
            version = connection.exec_driver_sql("SHOW server_version").scalar_one()
        engine.dispose()
        return version.split()[0]
    except sa.exc.OperationalError:
        return "(not reachable)"


if __name__ == "__main__":
    sys.exit(main())
