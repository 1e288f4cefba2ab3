"""Reliability benchmark: each hostile or odd file beside a good office, through the real ``sertifikasi run``.

Per case a fresh world: Kabupaten Kutai Timur sends a good list of
``--good-rows`` participants; Kota Samarinda sends one good small file and the
case's file(s). The run is ``python -m pipelines run --workers 1`` in a
subprocess; the peak is the largest summed RSS of its whole process tree
(reading workers included), sampled every 20 ms. A case passes when the run
exits 0, both offices' good rows are published, and the case's files end as
expected in ``submission_log``.

Writes the measured table into docs/reliability.md (between the markers).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from benchmarks.hostile import (
    KUTIM,
    SAMARINDA,
    dimension_bomb,
    entity_bomb,
    participants_csv,
    participants_xlsx,
    zip_bomb,
)

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "reliability.md"
BEGIN, END = "<!-- reliability:begin -->", "<!-- reliability:end -->"
MIB = 1 << 20
GOOD = "peserta_baik.csv"
PAGE = os.sysconf("SC_PAGE_SIZE")


def _sparse_csv(path: Path, size: int) -> None:
    """A file of ``size`` bytes that starts like a participant CSV (the rest is a hole: cheap to make)."""
    with open(path, "wb") as handle:
        handle.write(participants_csv(SAMARINDA))
        handle.truncate(size)


def _rows_csv(path: Path, size: int, rows: int | None = None) -> None:
    """A real participant CSV of about ``size`` bytes, or of ``rows`` rows (many distinct people)."""
    with open(path, "wb") as handle:
        handle.write(b"No,Nama,NIK,Jabatan Kerja,Jenjang,Hasil\r\n")
        n, written = 0, 0
        while (written < size) if rows is None else (n < rows):
            line = f"{n},Peserta {n},'6472{n % 10**12:012d},Tukang Batu,2,Kompeten\r\n".encode()
            handle.write(line)
            written += len(line)
            n += 1


def _write(folder: Path, name: str | bytes, data: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "wb") as handle:
        handle.write(data)


def _link(target: str):
    def make(folder: Path) -> None:
        os.symlink(target, folder / "tautan.csv")
    return make


@dataclass
class Case:
    """One hostile or odd input, how it is handled, and what the submission log must say."""

    name: str
    mechanism: str
    make: object  # callable(folder: Path) -> None, writes the case's files into Kota Samarinda's folder
    expect: dict[str, str] = field(default_factory=dict)  # printable file name -> "accepted" or a text of the reason
    limits: dict | None = None  # Kota Samarinda's registry limits for this case


CASES = [
    Case("baseline: good files only", "(reference for the rows below)", lambda f: None, {GOOD: "accepted"}),
    Case("xlsx declaring A1:XFD1048576 (a few KB)", "limits.max_sheet_cells (declared range read from the zip)",
         lambda f: _write(f, "dimensi.xlsx", dimension_bomb()), {"dimensi.xlsx": "declares the range A1:XFD1048576"}),
    Case("the same, with the range limits lifted", "child process: the xlsx reader aborts in the child, the file is rejected",
         lambda f: _write(f, "dimensi.xlsx", dimension_bomb()), {"dimensi.xlsx": "the reader was killed by SIGABRT"},
         limits={"max_sheet_cells": 10**12, "max_rows": 10**9, "max_columns": 10**6}),
    Case("xlsx zip bomb (1 MiB inflating to 1 GiB)", "limits.max_member_mib (zip directory)",
         lambda f: _write(f, "bom.xlsx", zip_bomb(1024)), {"bom.xlsx": "inflates to 1,024.0 MiB"}),
    Case("xlsx with XML entity expansion (billion laughs)", "<!DOCTYPE> refused before parsing",
         lambda f: _write(f, "entitas.xlsx", entity_bomb()), {"entitas.xlsx": "declares XML entities"}),
    Case("1 GB CSV", "limits.max_file_mib (size before reading)",
         lambda f: _sparse_csv(f / "besar.csv", 1000 * MIB), {"besar.csv": "over the intake limit of 32 MiB"}),
    Case("500 MB JSON export", "limits.max_file_mib",
         lambda f: _sparse_csv(f / "ekspor.json", 500 * MIB), {"ekspor.json": "over the intake limit of 32 MiB"}),
    Case("100 MB CSV of real rows", "limits.max_file_mib",
         lambda f: _rows_csv(f / "seratus.csv", 100 * MIB), {"seratus.csv": "over the intake limit of 32 MiB"}),
    Case("the largest accepted file: a CSV of 99,000 rows", "read whole (within every default limit)",
         lambda f: _rows_csv(f / "besar_sah.csv", 0, rows=99_000), {"besar_sah.csv": "accepted"}),
    Case("30 MB single-line CSV (under the size limit)", "limits.max_line_kib (newline positions, no parse)",
         lambda f: _write(f, "satu_baris.csv", b"Nama,NIK," + b"x" * (30 * MIB)), {"satu_baris.csv": "line 1 is longer"}),
    Case("JSON nested 100,000 levels", "RecursionError turned into a reason; limits.max_json_depth below that",
         lambda f: _write(f, "dalam.json", b"[" * 100_000 + b"]" * 100_000), {"dalam.json": "nested too deeply"}),
    Case("CSV with 10,000 columns", "header search over the first rows",
         lambda f: _write(f, "lebar.csv", (",".join(f"k{i}" for i in range(10_000)) + "\n").encode() * 20),
         {"lebar.csv": "no header row"}),
    Case("HTML page saved as .xls", "format sniffed from the bytes",
         lambda f: _write(f, "laporan.xls", b"<html><body><table><tr><td>Nama</td></tr></table></body></html>"),
         {"laporan.xls": "an HTML page"}),
    Case("UTF-16 CSV without a byte-order mark", "zeros in every other byte: decoded as UTF-16",
         lambda f: _write(f, "unicode.csv", participants_csv([("Budi Utomo", "6472010101800077")]).decode().encode("utf-16-le")),
         {"unicode.csv": "accepted"}),
    Case("file name with undecodable bytes", "printable name kept as provenance (\\xNN escapes)",
         lambda f: _write(f, b"peserta_\xff\xfe.csv", participants_csv([("Budi Utomo", "6472010101800077")])),
         {"peserta_\\xff\\xfe.csv": "accepted"}),
    Case("file name of 250 bytes", "feedback report gets a short derived name",
         lambda f: _write(f, "P" * 246 + ".csv", participants_csv([("Budi Utomo", "6472010101800077")])),
         {"P" * 246 + ".csv": "accepted"}),
    Case("names with a right-to-left override, a newline, a leading '='", "escaped in every place shown; xlsx cells as text",
         lambda f: [_write(f, name, participants_csv([(f"Budi {chr(65 + i)}", f"64720101018000{i + 70}")]))
                    for i, name in enumerate(["peserta\u202egpj.exe.csv", "peserta\nbaru.csv", "=1+1 peserta.csv"])],
         {"peserta\\u202egpj.exe.csv": "accepted", "peserta\\x0abaru.csv": "accepted", "=1+1 peserta.csv": "accepted"}),
    Case("symlink to a CSV outside the landing folder", "symlinks rejected, never followed",
         lambda f: (_sparse_csv(f.parent / "luar.csv", 10_000), _link(str(f.parent / "luar.csv"))(f)),
         {"tautan.csv": "a symbolic link"}),
    Case("symlink to /proc/self/environ", "symlinks rejected, never followed (nothing of the target is read)",
         _link("/proc/self/environ"), {"tautan.csv": "a symbolic link"}),
    Case("symlink to /dev/zero", "symlinks rejected; the landing sensor hashes the link, not the target",
         _link("/dev/zero"), {"tautan.csv": "a symbolic link"}),
    Case("dot-file and Excel lock file", "ignored, one log line each", lambda f: (
        _write(f, ".tersembunyi.csv", participants_csv(SAMARINDA)), _write(f, "~$peserta.xlsx", b"lock")), {}),
]


def _world(root: Path, case: Case, good_rows: int) -> dict[str, str]:
    landing = root / "landing"
    good, bad = landing / "kab-kutai-timur", landing / "kota-samarinda"
    good.mkdir(parents=True)
    bad.mkdir(parents=True)
    people = [(f"Pekerja {n:05d}", f"640801{(n % 28) + 1:02d}{(n // 28) % 12 + 1:02d}8{n % 10}{n:04d}") for n in range(good_rows)]
    participants_xlsx(good / "peserta.xlsx", KUTIM + people)
    (bad / GOOD).write_bytes(participants_csv(SAMARINDA))
    case.make(bad)
    limits = f", limits: {json.dumps(case.limits)}" if case.limits else ""
    registry = root / "offices.yaml"
    registry.write_text(
        "offices:\n"
        "  - {id: kab-kutai-timur, name: Dinas PUPR Kabupaten Kutai Timur, level: regency, region_code: '64.08'}\n"
        f"  - {{id: kota-samarinda, name: Dinas PUPR Kota Samarinda, level: city, region_code: '64.72'{limits}}}\n",
        encoding="utf-8",
    )
    return {"SERTIFIKASI_REGISTRY": str(registry), "SERTIFIKASI_LANDING": str(landing),
            "SERTIFIKASI_DATA_DIR": str(root / "data"), "PERSON_KEY_SECRET": "reliability-not-a-secret",
            "RUST_BACKTRACE": "0"}


def _tree_rss(root_pid: int) -> int:
    """Summed resident bytes of ``root_pid`` and all its descendants, from /proc."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * PAGE
    family, total = {root_pid}, 0
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                changed = True
    return sum(rss.get(pid, 0) for pid in family)


def run_case(case: Case, good_rows: int) -> dict:
    """One run of ``case`` beside a good office: wall seconds, peak MiB of the process tree, outcome."""
    with tempfile.TemporaryDirectory(prefix="reliability-") as folder:
        root = Path(folder)
        env = {**os.environ, **_world(root, case, good_rows)}
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "pipelines", "run", "--workers", "1"], cwd=REPO, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        peak = 0
        while child.poll() is None:
            peak = max(peak, _tree_rss(child.pid))
            time.sleep(0.02)
        output = child.stdout.read().decode(errors="replace")
        wall = time.perf_counter() - started
        outcome = {"case": case.name, "mechanism": case.mechanism, "wall_s": wall, "peak_mib": peak / MIB,
                   "exit": child.returncode, "problems": []}
        if child.returncode != 0:
            outcome["problems"].append(f"exit {child.returncode}: {output[-400:]}")
            return outcome
        with duckdb.connect(str(root / "data" / "warehouse.duckdb"), read_only=True) as warehouse:
            log = {file: (status, reason or "") for file, status, reason in
                   warehouse.execute("select source_file, status, reason from submission_log").fetchall()}
            persons = warehouse.execute("select count(*) from dim_person").fetchone()[0]
        if persons < good_rows + len(KUTIM) + len(SAMARINDA):
            outcome["problems"].append(f"only {persons} persons published")
        for name, expected in case.expect.items():
            status, reason = log.get(name, ("missing", ""))
            if (expected == "accepted") != (status == "accepted") or (expected != "accepted" and expected not in reason):
                outcome["problems"].append(f"{name}: {status} {reason[:200]}")
            outcome.setdefault("result", []).append("accepted" if status == "accepted" else f"rejected: {_short(reason)}")
        return outcome


def _short(reason: str) -> str:
    text = reason.split(": ", 1)[-1]
    return text if len(text) < 110 else text[:107] + "..."


def _markdown(outcomes: list[dict], good_rows: int) -> str:
    lines = [
        f"Measured {date.today().isoformat()} on {os.cpu_count()} cores; each run: Kutai Timur with {good_rows + len(KUTIM):,} "
        "good rows, Kota Samarinda with 3 good rows plus the case; `python -m pipelines run --workers 1`; "
        "peak = largest summed RSS of the run's process tree (reading worker included).",
        "",
        "| case | handled by | result in submission_log | wall s | peak MiB | good offices published |",
        "|---|---|---|---:|---:|---|",
    ]
    for o in outcomes:
        result = "; ".join(o.get("result", [])) or "(nothing in the log: ignored files)"
        ok = "yes" if not o["problems"] else "NO: " + "; ".join(o["problems"])[:200]
        lines.append(f"| {o['case']} | {o['mechanism']} | {result.replace('|', '/')} | {o['wall_s']:.1f} | {o['peak_mib']:.0f} | {ok} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run every case (or those whose name contains ``--only``) and write the table into docs/reliability.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--good-rows", type=int, default=2000)
    parser.add_argument("--only", help="run only cases whose name contains this text (no doc update)")
    args = parser.parse_args(argv)
    cases = [c for c in CASES if not args.only or args.only in c.name]
    outcomes = []
    for case in cases:
        outcome = run_case(case, args.good_rows)
        print(f"{outcome['wall_s']:6.1f} s {outcome['peak_mib']:6.0f} MiB  {case.name}  {outcome['problems'] or 'ok'}", flush=True)
        outcomes.append(outcome)
    if not args.only:
        text = DOC.read_text(encoding="utf-8")
        head, rest = text.split(BEGIN, 1)
        DOC.write_text(head + BEGIN + "\n" + _markdown(outcomes, args.good_rows) + "\n" + END + rest.split(END, 1)[1],
                       encoding="utf-8")
    return 0 if all(not o["problems"] for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
