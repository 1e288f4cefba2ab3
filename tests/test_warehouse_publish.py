"""Publishing writes the same tables on DuckDB and PostgreSQL, all-or-nothing."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from warehouse.publish import make_engine, publish_tables, read_table


def headline(counts: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province_code": ["64"] * len(counts),
            "region_code": ["64.08"] * len(counts),
            "region_name": ["Kabupaten Kutai Timur"] * len(counts),
            "jenjang": list(range(1, len(counts) + 1)),
            "kualifikasi": ["Operator"] * len(counts),
            "certified_persons": counts,
            "active_persons": counts,
            "active_unknown_persons": [0] * len(counts),
        }
    )


QUARANTINE = pd.DataFrame(
    {
        "office_id": ["kab-kutai-timur"],
        "source_file": ["mtu 2025.xlsx"],
        "source_sha256": ["ab" * 32],
        "source_sheet": ["Bengalon"],
        "source_row": [17],
        "column_name": [""],
        "value": [None],
        "rule": ["no_identity"],
        "reason": ["Nama dan NIK kosong / name and NIK both empty"],
        "raw": ['{"jenjang": "3"}'],
    }
)


def test_publish_replaces_tables_and_is_idempotent(warehouse_url):
    engine = make_engine(warehouse_url)
    try:
        publish_tables(engine, {"certified_workers_by_region_level": headline([5, 7, 9])}, date(2026, 1, 1))
        first = publish_tables(
            engine,
            {"certified_workers_by_region_level": headline([4, 2]), "quarantine": QUARANTINE},
            date(2026, 1, 1),
        )
        again = publish_tables(
            engine,
            {"certified_workers_by_region_level": headline([4, 2]), "quarantine": QUARANTINE},
            date(2026, 1, 1),
        )
        assert first.row_counts == again.row_counts == {"certified_workers_by_region_level": 2, "quarantine": 1}
        table = read_table(engine, "certified_workers_by_region_level").sort_values("jenjang")
        assert table["certified_persons"].tolist() == [4, 2]
        assert read_table(engine, "quarantine").to_dict("records") == QUARANTINE.to_dict("records")
    finally:
        engine.dispose()


def test_failed_publish_leaves_the_previous_version_whole(warehouse_url):
    engine = make_engine(warehouse_url)
    try:
        publish_tables(
            engine,
            {"certified_workers_by_region_level": headline([5, 7]), "quarantine": QUARANTINE},
            date(2026, 1, 1),
        )
        broken = QUARANTINE.assign(rule=[None])  # rule is NOT NULL: the second table fails mid-publish
        with pytest.raises(sa.exc.DBAPIError):
            publish_tables(
                engine,
                {"certified_workers_by_region_level": headline([1]), "quarantine": broken},
                date(2026, 2, 1),
            )
        assert read_table(engine, "certified_workers_by_region_level")["certified_persons"].tolist() == [5, 7]
        assert len(read_table(engine, "quarantine")) == 1
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- bulk load, star tables, kills

import os
import pickle
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from warehouse import schema
from warehouse.publish import dump_table
from warehouse.star import build_star
from sources.registry import load_registry

REPO = Path(__file__).resolve().parents[1]


def _values(series: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in series]


def test_bulk_load_keeps_types_empty_strings_and_nulls(warehouse_url):
    quarantine = pd.DataFrame(
        {
            "office_id": ["kota-palembang", "kota-palembang", "kab-kutai-timur"],
            "source_file": ["peserta; 2025.csv", "peserta; 2025.csv", 'mtu "2025".xlsx'],
            "source_sha256": ["cd" * 32, "cd" * 32, "ab" * 32],
            "source_sheet": ["", "", "Sangatta\nUtara"],
            "source_row": ["3", "4", "12"],  # text in, integer out
            "column_name": ["", "nik", "jenjang"],
            "value": [None, "", "Jenjang ?"],
            "rule": ["no_identity", "nik_missing", "jenjang_unreadable"],
            "reason": ["r", "r", "r"],
            "raw": ['{"a": null}', None, '{"jenjang": "Jenjang ?"}'],
        }
    )
    log = pd.DataFrame(
        {
            "office_id": ["kota-palembang"],
            "source_file": ["peserta; 2025.csv"],
            "source_sha256": ["cd" * 32],
            "format": ["csv"],
            "received_at": [pd.Timestamp("2026-01-02 03:04:05.123456", tz="UTC")],
            "status": ["accepted"],
            "rule": [None],
            "reason": [None],
            "rows_read": [10],
            "rows_accepted": [8],
            "rows_quarantined": [2],
            "rows_flagged": [1],
            "sheets": ["{}"],
        }
    )
    engine = make_engine(warehouse_url)
    try:
        report = publish_tables(engine, {"quarantine": quarantine, "submission_log": log}, date(2026, 1, 1))
        assert report.row_counts == {"quarantine": 3, "submission_log": 1}
        back = read_table(engine, "quarantine")
        assert back["source_row"].tolist() == [12, 3, 4]  # sorted by office, file, sheet, row
        assert back["source_sheet"].tolist() == ["Sangatta\nUtara", "", ""]
        assert _values(back["value"]) == ["Jenjang ?", None, ""]
        assert _values(back["raw"]) == ['{"jenjang": "Jenjang ?"}', '{"a": null}', None]
        assert back["source_file"].tolist()[0] == 'mtu "2025".xlsx'
        row = read_table(engine, "submission_log").iloc[0]
        assert pd.Timestamp(row["received_at"]) == pd.Timestamp("2026-01-02 03:04:05.123456", tz="UTC")
        assert pd.isna(row["rule"]) and row["rows_flagged"] == 1
        log_rows = read_table(engine, "publish_log")
        assert sorted(log_rows["table_name"]) == ["quarantine", "submission_log"]
        assert set(log_rows["publish_date"]) == {date(2026, 1, 1)}
    finally:
        engine.dispose()


def test_a_frame_missing_columns_changes_nothing(warehouse_url):
    engine = make_engine(warehouse_url)
    try:
        publish_tables(engine, {"certified_workers_by_region_level": headline([5])}, date(2026, 1, 1))
        with pytest.raises(ValueError, match="lacks columns"):
            publish_tables(engine, {"certified_workers_by_region_level": headline([1]).drop(columns="active_persons")},
                           date(2026, 1, 2))
        assert read_table(engine, "certified_workers_by_region_level")["certified_persons"].tolist() == [5]
    finally:
        engine.dispose()


def _star_rows() -> pd.DataFrame:
    """A few hundred linked rows over every office (no pipeline run needed)."""
    offices = load_registry()
    records = []
    for i in range(400):
        office = list(offices)[i % len(offices)]
        person = i % 170
        records.append(
            {
                "office_id": office, "source_file": f"{office}.xlsx", "source_sha256": "ef" * 32, "source_sheet": "",
                "source_row": i + 2, "nik": f"64080110038{person:05d}", "nik_status": "valid", "nik_partial": None,
                "tanggal_lahir": pd.Timestamp("1985-03-10"), "jenis_kelamin": "L",
                "jabatan_kerja": ["Tukang Batu", "Mandor", "Ahli Muda Teknik Jalan"][i % 3], "jenjang": [2, 5, 7][i % 3],
                "hasil": ["Kompeten", "Kompeten", "Belum Kompeten", None][i % 4],
                "nomor_sertifikat": f"SKK-{i % 97}" if i % 5 else None,
                "tanggal_terbit": pd.Timestamp(f"{2020 + i % 6}-03-01") if i % 2 else pd.NaT, "masa_berlaku": pd.NaT,
                "program": "MTU", "tahun": 2020 + i % 7, "flags": "", "person_key": f"p{person:04d}", "person_key_basis": "nik",
            }
        )
    frame = pd.DataFrame(records)
    frame["jenjang"] = frame["jenjang"].astype("Int64")
    frame["tahun"] = frame["tahun"].astype("Int64")
    return frame


def test_star_tables_round_trip_and_publish_twice_gives_identical_dumps(warehouse_url):
    frames = build_star(_star_rows(), load_registry(), date(2026, 6, 30), "test-secret")
    again = build_star(_star_rows().sample(frac=1, random_state=1), load_registry(), date(2026, 6, 30), "test-secret")
    engine = make_engine(warehouse_url)
    try:
        publish_tables(engine, frames, date(2026, 6, 30))
        first = {name: dump_table(engine, name) for name in frames}
        ordered = {name: read_table(engine, name) for name in frames}
        publish_tables(engine, again, date(2026, 6, 30))
        second = {name: dump_table(engine, name) for name in frames}
        assert first == second
        for name, frame in frames.items():
            back = ordered[name]
            assert len(back) == len(frame) > 0, name
            assert list(back.columns) == list(frame.columns), name
            pd.testing.assert_frame_equal(read_table(engine, name), back, obj=name)
        assert len(read_table(engine, "publish_log")) == 2 * len(frames)
    finally:
        engine.dispose()


def _copy_in_progress(url: str, pid: int) -> tuple | None:
    """The COPY the PostgreSQL backend ``pid`` is running: (command, type, statement), or None."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                sa.text(
                    "SELECT p.command, p.type, a.query FROM pg_stat_progress_copy p"
                    " JOIN pg_stat_activity a USING (pid) WHERE p.pid = :pid"
                ),
                {"pid": pid},
            ).one_or_none()
    finally:
        engine.dispose()


KILLED_PUBLISHER = textwrap.dedent(
    """
    import pickle, sys, time
    from datetime import date
    import numpy as np, pandas as pd, pyarrow as pa
    from warehouse import publish

    url, frames_path, rows, moment = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with open(frames_path, "rb") as handle:
        frames = pickle.load(handle)
    n = np.arange(rows)
    # Last: when it loads, every star table was staged.
    frames["quarantine"] = pd.DataFrame({
        "office_id": "kab-kutai-timur", "source_file": "mtu 2025.xlsx", "source_sha256": "ab" * 32,
        "source_sheet": "Bengalon", "source_row": n, "column_name": "nik", "value": pd.Series(n).astype(str),
        "rule": "nik_invalid", "reason": "NIK tidak valid / invalid NIK " * 3,
        "raw": '{"nama": "X", "nik": "6408", "jenjang": "3", "hasil": "Kompeten", "program": "MTU 2025"}',
    })

    def killed_here(line):
        print(line, flush=True)
        time.sleep(600)  # the test kills the process once it reads the line

    def progress(event, table):
        print(event, table, flush=True)
        if moment == "staged" and event == "loaded":
            killed_here("held")  # one table staged aside, nothing swapped
        if moment == "swap" and event == "swapped":
            killed_here("held")  # every table dropped and replaced, not committed

    # "load": the bulk load of quarantine is held once its first 1,000 rows went to the database.
    publish._COPY_CHUNK_ROWS = 1000

    def held_stage(self, table, data, stage={"duckdb": publish._DuckDB.stage, "pg": publish._PostgreSQL.stage}):
        self.held = moment == "load" and table.name == "quarantine"
        if isinstance(self, publish._DuckDB):
            if self.held:  # DuckDB reads the rows from an Arrow stream inside its INSERT ... SELECT
                self.raw = HeldRegister(self.raw)
            return stage["duckdb"](self, table, data)
        return stage["pg"](self, table, data)

    def held_chunks(self, data, chunks=publish._PostgreSQL._csv_chunks):  # PostgreSQL: COPY FROM STDIN
        for number, chunk in enumerate(chunks(self, data)):
            if self.held and number == 1:
                print("backend", self.raw.info.backend_pid, flush=True)
                killed_here("inside quarantine")
            yield chunk

    class HeldRegister:
        def __init__(self, raw):
            self.raw = raw

        def __getattr__(self, name):
            return getattr(self.raw, name)

        def register(self, view, data):
            batches = data.to_batches(max_chunksize=1000)

            def stream():
                yield batches[0]
                killed_here("inside quarantine")
                yield from batches[1:]

            return self.raw.register(view, pa.RecordBatchReader.from_batches(data.schema, stream()))

    publish._DuckDB.stage = publish._PostgreSQL.stage = held_stage
    publish._PostgreSQL._csv_chunks = held_chunks

    engine = publish.make_engine(url)
    publish.publish_tables(engine, frames, date(2026, 2, 1), progress=progress)
    print("done", flush=True)
    """
)


@pytest.mark.parametrize(
    "moment, held_after",
    [
        pytest.param("staged", "loaded dim_region", id="staged"),  # the first table staged aside, nothing swapped
        pytest.param("load", "load quarantine", id="load"),  # inside the bulk load of the last table, all star tables staged
        pytest.param("swap", "swapped None", id="swap"),  # every table dropped and replaced, not committed
    ],
)
def test_killed_publish_leaves_the_previous_version_whole(warehouse_url, moment, held_after, tmp_path):
    previous = build_star(_star_rows(), load_registry(), date(2026, 1, 1), "test-secret")
    previous["quarantine"] = QUARANTINE
    engine = make_engine(warehouse_url)
    try:
        publish_tables(engine, previous, date(2026, 1, 1))
        # Every warehouse table, the ones this publish does not name and the log included.
        before = {name: dump_table(engine, name) for name in schema.metadata.tables}
    finally:
        engine.dispose()  # DuckDB: one writing process; the publisher below is it

    # The killed publish replaces every star table with different contents.
    replacement = build_star(_star_rows().head(200), load_registry(), date(2026, 2, 1), "test-secret")
    frames_path = tmp_path / "frames.pkl"
    frames_path.write_bytes(pickle.dumps(replacement))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_PUBLISHER, warehouse_url, str(frames_path), "20000", moment],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    # The publisher announces every step and holds where it is to be killed: the kill waits
    # for that line, not for a guessed moment. It ends on its own if it never gets there.
    held = "inside quarantine" if moment == "load" else "held"
    seen = []
    copying = None
    try:
        for line in iter(process.stdout.readline, ""):
            seen.append(line.strip())
            if seen[-1] == held:
                break
        if held in seen and moment == "load" and warehouse_url.startswith("postgresql"):
            backend = int(seen[-2].removeprefix("backend "))
            copying = _copy_in_progress(warehouse_url, backend)
    finally:
        process.kill()  # SIGKILL
        process.wait(timeout=60)
        stderr = process.stderr.read()
        process.stdout.close()
        process.stderr.close()
    steps = [line for line in seen if not line.startswith("backend ")]
    assert steps[-2:] == [held_after, held], (seen, stderr[-2000:])
    assert process.returncode == -signal.SIGKILL
    assert "committed None" not in seen and "done" not in seen
    if moment == "load":
        # Every star table was staged before the kill, quarantine was not: the kill undid real work.
        assert [line for line in seen if line.startswith("loaded ")] == [f"loaded {name}" for name in replacement]
        if warehouse_url.startswith("postgresql"):  # killed in the middle of the COPY into the staged quarantine
            assert copying is not None and copying[:2] == ("COPY FROM", "PIPE"), copying
            assert '."quarantine" (' in copying[2], copying

    engine = make_engine(warehouse_url)
    try:
        after = {name: dump_table(engine, name) for name in before}
        assert [name for name in before if after[name] != before[name]] == []
        assert read_table(engine, "quarantine").to_dict("records") == QUARANTINE.to_dict("records")
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                leftovers = connection.execute(
                    sa.text("SELECT count(*) FROM pg_namespace WHERE nspname LIKE :pattern"), {"pattern": "\\_publish\\_%"}
                ).scalar_one()
            assert leftovers == 0
        else:
            with engine.connect() as connection:
                tables = connection.exec_driver_sql("SELECT table_name FROM information_schema.tables").scalars().all()
            assert sorted(tables) == sorted(schema.metadata.tables)  # no <table>__publish left behind
        # And the next publish goes through.
        publish_tables(engine, {"certified_workers_by_region_level": headline([3])}, date(2026, 3, 1))
        assert read_table(engine, "certified_workers_by_region_level")["certified_persons"].tolist() == [3]
    finally:
        engine.dispose()
