"""Hostile and odd files never take the run down (issue 13).

Every case is generated at small scale (builders in benchmarks/hostile.py) (the zip bomb is ~0.6 MiB on disk).
Reader-level cases assert the exact reason; one end-to-end run puts all of them
in one office beside a good office and asserts: each bad file is in
``submission_log`` with its reason, the good rows of both offices are in the
warehouse, and the run's peak memory stays under 1 GiB.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from benchmarks.hostile import (
    KUTIM,
    SAMARINDA,
    dimension_bomb,
    entity_bomb,
    participants_csv,
    participants_xlsx,
    zip_bomb,
)
from pipelines.cli import main
from sources.readers import read_submission
from sources.readers.isolated import read_isolated
from sources.registry import IntakeLimits, load_registry

REPO = Path(__file__).resolve().parents[1]


def office(**limits):
    kutim = load_registry()["kab-kutai-timur"]
    return replace(kutim, limits=replace(IntakeLimits(), **limits)) if limits else kutim


@pytest.mark.parametrize(
    "name, data, limits, reason",
    [
        ("dimensi.xlsx", dimension_bomb(), {},
         "worksheet 'xl/worksheets/sheet1.xml' declares the range A1:XFD1048576 (17,179,869,184 cells), over the intake "
         "limit of 10,000,000 cells (limits.max_sheet_cells)"),
        ("entitas.xlsx", entity_bomb(), {},
         "xlsx member 'xl/worksheets/sheet1.xml' declares XML entities (<!DOCTYPE>), which spreadsheet programs never write"),
        ("bom.xlsx", zip_bomb(64), {"max_member_mib": 32},
         "xlsx member 'xl/worksheets/sheet1.xml' inflates to 64.0 MiB, over the intake limit of 32 MiB (limits.max_member_mib)"),
        ("bom_rasio.xlsx", zip_bomb(64), {"max_compression_ratio": 50},
         "xlsx member 'xl/worksheets/sheet1.xml' inflates 1,0"),
        ("satu_baris.csv", b"Nama,NIK," + b"x" * 300_000 + b"\n", {},
         "line 1 is longer than the intake limit of 256 KiB (limits.max_line_kib)"),
        ("besar.csv", participants_csv(SAMARINDA) * 6000, {"max_file_mib": 0.5},
         "file of 1.2 MiB is over the intake limit of 0.5 MiB (limits.max_file_mib in the registry)"),
        ("banyak.csv", participants_csv(SAMARINDA * 400), {"max_rows": 1000},
         "1,201 lines, over the intake limit of 1,000 rows (limits.max_rows)"),
        ("dalam.json", b"[" * 100_000 + b"]" * 100_000, {},
         "json nested too deeply to read (more than about 1,000 levels)"),
        ("dalam_sedikit.json", json.dumps({"data": [{"a": [[[[[[[[[[1]]]]]]]]]]}]}).encode(), {"max_json_depth": 8},
         "JSON nested more than 8 levels deep (limits.max_json_depth)"),
        ("banyak.json", json.dumps([{"nama": "Budi", "nik": "6472010101800001"}] * 50).encode(), {"max_rows": 10},
         "50 records (top level), over the intake limit of 10 rows (limits.max_rows)"),
    ],
)
def test_files_over_an_intake_limit_are_rejected_before_parsing(tmp_path, name, data, limits, reason):
    path = tmp_path / name
    path.write_bytes(data)
    submission = read_submission(path, office(**limits))
    assert submission.error is not None and reason in submission.error, submission.error
    assert submission.error.startswith(f"office kab-kutai-timur, file {name}: ")
    assert len(submission.rows) == 0 and len(submission.source_sha256) == 64


def test_a_native_reader_abort_rejects_only_that_file(tmp_path):
    """With the declared-range limit lifted, the xlsx reader aborts on the allocation: the
    child process dies, the file is rejected, and the next file is read by a new child."""
    bomb, good = tmp_path / "dimensi.xlsx", tmp_path / "peserta.xlsx"
    bomb.write_bytes(dimension_bomb())
    participants_xlsx(good, SAMARINDA)
    lifted = office(max_sheet_cells=10**12, max_rows=10**9, max_columns=10**6)
    crashed = read_isolated(bomb, lifted)
    assert crashed.error.startswith("office kab-kutai-timur, file dimensi.xlsx: the reader was killed by SIGABRT")
    assert "memory cap 1,536 MiB, limits.memory_mib" in crashed.error
    after = read_isolated(good, lifted)
    assert after.error is None and after.rows["nama"].tolist() == [name for name, _ in SAMARINDA]


def test_utf16_text_without_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes(participants_csv(SAMARINDA).decode().replace(",", "\t").encode("utf-16-le"))
    submission = read_submission(path, office())
    assert submission.error is None
    assert submission.rows["nama"].tolist() == ["Budi Santoso", "Siti Aminah", "Agus Salim"]


def test_symbolic_links_are_rejected_never_followed(tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_bytes(participants_csv(SAMARINDA))
    folder = tmp_path / "landing"
    folder.mkdir()
    (folder / "link.csv").symlink_to(outside)
    (folder / "zero.csv").symlink_to("/dev/zero")
    for name in ("link.csv", "zero.csv"):
        submission = read_submission(folder / name, office())
        assert submission.error == (
            f"office kab-kutai-timur, file {name}: a symbolic link, not a file; "
            "the pipeline reads only regular files in the landing folder"
        )


# ------------------------------------------------------------------ one run, every case beside good offices
ODD_NAMES = {
    # name on disk (bytes) -> printable form kept as provenance
    b"peserta_\xff\xfe_2024.csv": "peserta_\\xff\\xfe_2024.csv",
    "peserta\u202egpj.exe.csv".encode(): "peserta\\u202egpj.exe.csv",
    b"peserta\nbaris baru.csv": "peserta\\x0abaris baru.csv",
    ("P" * 240 + ".csv").encode(): "P" * 240 + ".csv",
    "=HYPERLINK(\"x\") peserta \U0001F477.csv".encode(): "=HYPERLINK(\"x\") peserta \U0001F477.csv",
}
BAD_FILES = {
    "dimensi.xlsx": ("file_unreadable", "declares the range A1:XFD1048576"),
    "bom.xlsx": ("file_unreadable", "inflates to 608.0 MiB, over the intake limit of 512 MiB"),
    "entitas.xlsx": ("file_unreadable", "declares XML entities"),
    "dalam.json": ("file_unreadable", "nested too deeply to read"),
    "satu_baris.csv": ("file_unreadable", "line 1 is longer than the intake limit"),
    "tautan.csv": ("file_unreadable", "a symbolic link, not a file"),
}


def _hostile_world(root: Path) -> dict[str, str]:
    landing = root / "landing"
    good, bad = landing / "kab-kutai-timur", landing / "kota-samarinda"
    good.mkdir(parents=True)
    bad.mkdir(parents=True)
    participants_xlsx(good / "peserta.xlsx", KUTIM)
    (bad / "dimensi.xlsx").write_bytes(dimension_bomb())
    (bad / "bom.xlsx").write_bytes(zip_bomb(608))
    (bad / "entitas.xlsx").write_bytes(entity_bomb())
    (bad / "dalam.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    (bad / "satu_baris.csv").write_bytes(b"Nama,NIK," + b"x" * 300_000 + b"\n")
    outside = root / "outside.csv"
    outside.write_bytes(participants_csv([("Orang Luar", "6472010101800099")]))
    (bad / "tautan.csv").symlink_to(outside)
    (bad / ".~lock.peserta.xlsx#").write_bytes(b"lock")
    for number, raw_name in enumerate(ODD_NAMES):
        # one participant per odd name, so each file is distinct content and counts
        person = SAMARINDA[number % len(SAMARINDA)]
        data = participants_csv([(f"{person[0]} {chr(65 + number)}", person[1][:-2] + f"{number + 10:02d}")])
        with open(os.path.join(os.fsencode(bad), raw_name), "wb") as handle:
            handle.write(data)
    registry = root / "offices.yaml"
    registry.write_text(
        "offices:\n"
        "  - {id: kab-kutai-timur, name: Dinas PUPR Kabupaten Kutai Timur, level: regency, region_code: '64.08'}\n"
        "  - {id: kota-samarinda, name: Dinas PUPR Kota Samarinda, level: city, region_code: '64.72'}\n",
        encoding="utf-8",
    )
    return {
        "SERTIFIKASI_REGISTRY": str(registry),
        "SERTIFIKASI_LANDING": str(landing),
        "SERTIFIKASI_DATA_DIR": str(root / "data"),
        "PERSON_KEY_SECRET": "hostile-test-not-a-secret",
    }


def test_hostile_files_beside_good_offices_publish_the_good_rows(tmp_path, monkeypatch, capsys):
    world = _hostile_world(tmp_path)
    env = {**os.environ, **world, "RUST_BACKTRACE": "0"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    run = subprocess.run(
        [sys.executable, "-m", "pipelines", "run", "--workers", "1", "--publish-date", "2026-06-30"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    with duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True) as warehouse:
        log = {
            file: (status, rule, reason)
            for file, status, rule, reason in warehouse.execute(
                "select source_file, status, rule, reason from submission_log where office_id = 'kota-samarinda'"
            ).fetchall()
        }
        persons = dict(warehouse.execute(
            "select office_id, sum(certified_persons) from certified_workers_by_region_level group by office_id"
        ).fetchall()) if _has_office_column(warehouse) else None
        total = warehouse.execute("select count(*) from dim_person").fetchone()[0]
    for name, (rule, reason) in BAD_FILES.items():
        status, logged_rule, logged_reason = log[name]
        assert (status, logged_rule) == ("rejected", rule), (name, log[name])
        assert reason in logged_reason, (name, logged_reason)
    for printable in ODD_NAMES.values():
        assert log[printable][0] == "accepted", (printable, log[printable])
    assert ".~lock.peserta.xlsx#" not in log
    # two Kutai Timur workers and one per odd-named Samarinda file; nobody from the linked file outside
    assert total == len(KUTIM) + len(ODD_NAMES)
    assert persons is None or persons == {"kab-kutai-timur": 2, "kota-samarinda": len(ODD_NAMES)}
    assert peak_mib < 1024, f"peak RSS of the run {peak_mib:.0f} MiB (before: {before / 1024:.0f} MiB)"
    # every feedback report has a short derived name whatever the office's file was called
    reports = list((tmp_path / "data" / "feedback" / "kota-samarinda").glob("*.xlsx"))
    assert reports and all(len(p.name.encode()) < 100 and p.name.isprintable() for p in reports)
    # odd names are recognised as unchanged: a second run skips both offices. The command's own
    # code in this process: what is asserted is the change detection, not the isolation of a run.
    for name, value in world.items():
        monkeypatch.setenv(name, value)
    code = main(["run", "--workers", "1", "--only-changed", "--publish-date", "2026-06-30"])
    out = capsys.readouterr().out
    assert code == 0 and "offices ingested: 0, 2 unchanged offices skipped" in out, out[-2000:]


def _has_office_column(warehouse) -> bool:
    columns = [row[0] for row in warehouse.execute("describe certified_workers_by_region_level").fetchall()]
    return "office_id" in columns


def test_isolation_works_from_a_script_without_a_main_guard(tmp_path):
    """The reading child is its own interpreter: it never re-runs the caller's script (as a
    multiprocessing worker would, once per worker, for a script without ``__main__`` guard)."""
    participants_xlsx(tmp_path / "peserta.xlsx", SAMARINDA)
    script = tmp_path / "probe.py"
    script.write_text(
        "from sources.readers.isolated import read_isolated\n"
        "from sources.registry import load_registry\n"
        f"submission = read_isolated({str(tmp_path / 'peserta.xlsx')!r}, load_registry()['kab-kutai-timur'])\n"
        "print(submission.error, len(submission.rows))\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.stdout.splitlines() == ["None 3"], run.stderr[-2000:]
