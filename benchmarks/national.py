"""National benchmark: all 552 offices (38 provinces, 514 regencies and cities) through ``sertifikasi run``.

A registry of every office is written from ``reference/regions.csv`` (the 8
demo offices keep their registry entries, the others get ``prov-*``, ``kab-*``,
``kota-*`` ids). The demo generator gives every office without a demo profile
the same share of rows (``GENERIC_SKILLED`` / ``GENERIC_EXPERT``, share 0.06):
no skew. Here those shares are redrawn from a Zipf law (s=1) over a seeded
shuffle of the offices, so a few offices are big and most are small, as in the
country; the total share of the generic offices is unchanged.

Per world size, each in its own subprocess (peak RSS is its own):
- the floor: a bare calamine / CSV / json read of the same landing files;
- a full refresh through :func:`pipelines.run.run_everything` with 1 worker and
  with ``--workers`` processes (the headline must be identical);
- an incremental run: one new file dropped at one office, then
  ``run_everything(skip_unchanged=True)``: that office is ingested, the others skipped, then the publish.

Writes the "National" section of docs/benchmarks.md. ``--sizes 2000`` is small
enough for a test (``tests/test_national.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import unicodedata
from datetime import date
from pathlib import Path

import numpy as np
import yaml

from demo.truth import truth_dir

BENCH_DIR = Path("bench-data/national")
DOC = Path("docs/benchmarks.md")
PUBLISH_DATE = date(2026, 6, 30)
SECRET = "national-benchmark-not-a-secret"
SKEW_SEED = 11


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def national_registry(limit: int | None = None) -> list[dict]:
    """One registry entry per region of reference/regions.csv (552); the demo offices keep theirs.

    ``limit``: only that many offices (the demo offices first, then regions in code order), for tests.
    """
    from reference import regions
    from sources.registry import DEFAULT_REGISTRY

    known = {str(spec["region_code"]): spec for spec in yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))["offices"]}
    entries, ids = [], set()
    for code, region in regions().items():
        if code in known:
            entry = dict(known[code])
        else:
            name = region.name
            if region.type == "province":
                office_id, office_name = f"prov-{_slug(name)}", f"Dinas PUPR Provinsi {name}"
            else:
                bare = re.sub(r"^(Kabupaten|Kota)\s+", "", name)
                office_id = f"{'kota' if region.type == 'city' else 'kab'}-{_slug(bare)}"
                office_name = f"Dinas PUPR {name}"
            entry = {"id": office_id, "name": office_name, "level": region.type, "region_code": code}
        if entry["id"] in ids:
            entry["id"] = f"{entry['id']}-{code.replace('.', '-')}"
        ids.add(entry["id"])
        entries.append(entry)
    if limit is not None:
        demo = [entry for entry in entries if str(entry["region_code"]) in known]
        others = [entry for entry in entries if str(entry["region_code"]) not in known]
        keep = {id(entry) for entry in (demo + others)[:limit]}
        entries = [entry for entry in entries if id(entry) in keep]
    return entries


def write_registry(path: Path, limit: int | None = None, isolate: bool = True) -> Path:
    """Write the 552-office registry YAML (or its first ``limit`` offices) to ``path``.

    ``isolate=False``: every office parses its files in the run's own process (to
    measure what the per-file child process costs).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # The Zipf skew makes the largest offices far larger than any real one (a file of
    # 100,000+ rows at 2M): intake limits raised so the benchmark measures throughput.
    limits = {"max_rows": 2_000_000, "max_file_mib": 512, "isolate": isolate}
    entries = [{**entry, "limits": {**entry.get("limits", {}), **limits}} for entry in national_registry(limit)]
    path.write_text(yaml.safe_dump({"offices": entries}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@contextlib.contextmanager
def skewed_generic_offices(seed: int = SKEW_SEED):
    """While active, the demo generator gives generic offices Zipf-skewed shares (same total)."""
    import demo.generate as gen

    original = gen._specs_for

    def skewed(offices):
        specs, generic = original(offices)
        if generic:
            rng = np.random.default_rng(seed)
            ranks = rng.permutation(len(generic)) + 1
            weights = 1.0 / ranks
            total = sum(specs[office_id].share for office_id in generic)
            for office_id, weight in zip(generic, weights / weights.sum()):
                specs[office_id] = dataclasses.replace(specs[office_id], share=float(total * weight))
        return specs, generic

    gen._specs_for = skewed
    try:
        yield
    finally:
        gen._specs_for = original


def generate(landing: Path, registry: Path, rows: int, seed: int, skew: bool = True):
    """A demo world of ``rows`` over the registry's offices (wiped first)."""
    from demo.generate import generate_world, wipe_landing

    wipe_landing(landing, registry)
    with skewed_generic_offices() if skew else contextlib.nullcontext():
        return generate_world(landing, rows=rows, seed=seed, registry_path=registry, progress=False)


def office_rows(landing: Path) -> dict[str, int]:
    """Rows per office in the world's ground truth."""
    import pandas as pd

    truth = pd.read_parquet(truth_dir(landing) / "rows.parquet", columns=["office_id"])
    return truth["office_id"].value_counts().to_dict()


def floor_read(landing: Path, registry: Path) -> dict:
    """A bare calamine / CSV / json read of every landing file the pipeline reads."""
    from benchmarks.ingest import _floor_read
    from pipelines.resources import OfficeRegistry

    reg = OfficeRegistry(registry_path=str(registry), landing_root=str(landing))
    started = time.perf_counter()
    files = rows = 0
    for office in reg.offices().values():
        for path in reg.landing_files(office):
            files += 1
            try:
                rows += _floor_read(path, office)
            except Exception:  # noqa: BLE001 - the floor skips files no bare reader opens
                pass
    return {"floor_s": time.perf_counter() - started, "files": files, "floor_rows": rows}


def _settings(landing: Path, registry: Path, data_dir: Path):
    from pipelines.settings import Settings

    return Settings(registry_path=registry.resolve(), landing_root=landing.resolve(), data_dir=data_dir.resolve(),
                    warehouse_url=f"duckdb:///{data_dir.resolve()}/warehouse.duckdb")


def _load() -> float:
    return os.getloadavg()[0]


def run_mode(mode: str, landing: Path, registry: Path, data_dir: Path, workers: int) -> dict:
    """One measured run in this process: ``full`` (fresh staging) or ``incremental`` (after a full)."""
    from pipelines.run import run_everything

    if mode == "full" and data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    load_start = _load()
    started = time.perf_counter()
    report = run_everything(_settings(landing, registry, data_dir), SECRET, publish_date=PUBLISH_DATE,
                            workers=workers, skip_unchanged=(mode == "incremental"))
    wall = time.perf_counter() - started
    headline = report.headline.sort_values(list(report.headline.columns[:3])).reset_index(drop=True)
    headline.to_parquet(data_dir / f"headline-{mode}-{workers}.parquet")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode, "workers": workers, "wall_s": wall, "timings": report.timings,
        "offices_ingested": len(report.offices_ingested), "offices_skipped": len(report.offices_skipped),
        "peak_mib": own, "worker_peak_mib": report.timings.get("ingest_worker_peak_mib", 0.0),
        "load_start": load_start, "load_end": _load(),
        "certified": int(report.headline["certified_persons"].sum()),
        "active": int(report.headline["active_persons"].sum()),
        "rows_accepted": int(report.submission_log["rows_accepted"].sum()),
    }


def add_new_file(landing: Path, registry: Path, seed: int, rows: int = 2000) -> tuple[str, str]:
    """Drop one new file at one office: a file of another seed's world for the same office, under a new name."""
    from sources.registry import load_registry

    from demo.generate import SPECS

    offices = load_registry(registry)
    sizes = office_rows(landing)
    # a middling generic regency office: neither one of the big ones nor one of the 6-row ones
    ranked = sorted((n, office_id) for office_id, n in sizes.items()
                    if office_id in offices and office_id not in SPECS and office_id.startswith("kab-"))
    if not ranked:
        raise ValueError("no generic regency office to drop a new file at")
    office_id = ranked[len(ranked) // 2][1]
    scratch = landing.parent / f"{landing.name}-new-file"
    one = scratch / "registry.yaml"
    one.parent.mkdir(parents=True, exist_ok=True)
    spec = next(entry for entry in national_registry() if entry["id"] == office_id)
    one.write_text(yaml.safe_dump({"offices": [spec]}, allow_unicode=True), encoding="utf-8")
    generate(scratch / "landing", one, rows, seed + 1000, skew=False)
    # a plain participant list of that office (not a copy, revision or attendance list)
    plain = [path for path in sorted((scratch / "landing" / office_id).glob(f"peserta_{office_id}_*.xlsx"))
             if re.fullmatch(rf"peserta_{re.escape(office_id)}_\d{{4}}\.xlsx", path.name)]
    source = plain[-1]
    target = landing / office_id / f"peserta_{office_id}_susulan.xlsx"
    shutil.copyfile(source, target)
    return office_id, target.name


def parse_runs(text: str, workers: int) -> list[tuple[str, int]]:
    """``"full:1,full:2,incremental:2"`` -> [(mode, workers)]; ``W`` stands for ``--workers``."""
    runs = []
    for item in text.split(","):
        mode, _, n = item.strip().partition(":")
        if mode not in ("full", "incremental"):
            raise ValueError(f"unknown run {item!r}: full:N or incremental:N")
        runs.append((mode, workers if n in ("", "W") else int(n)))
    return runs


def measure(rows: int, seed: int, workers: int, keep: bool = False, limit: int | None = None,
            bench_dir: Path = BENCH_DIR, runs_spec: str = "full:1,full:W,incremental:W", reuse: bool = False,
            isolate: bool = True) -> dict:
    """Everything for one world size, each measured run in its own subprocess.

    ``reuse``: keep a world already generated under ``bench_dir`` (its new files of an
    earlier incremental run removed) instead of generating it again.
    """
    root = bench_dir / f"world-{rows}" if limit is None else bench_dir / f"world-{rows}-{limit}"
    registry = write_registry(root / "offices.yaml", limit, isolate=isolate)
    landing = root / "landing"
    started = time.perf_counter()
    if reuse and (truth_dir(landing) / "rows.parquet").exists():
        for leftover in landing.glob("*/peserta_*_susulan.xlsx"):
            leftover.unlink()
        generate_s = None
    else:
        generate(landing, registry, rows, seed)
        generate_s = time.perf_counter() - started
    out = {"rows": rows, "generate_s": generate_s, "load_generate_end": _load(), "isolate": isolate}
    sizes = sorted(office_rows(landing).values(), reverse=True)
    out["offices"] = len(registry_ids := [e["id"] for e in yaml.safe_load(registry.read_text())["offices"]])
    out["office_rows"] = {"max": sizes[0], "p90": int(np.percentile(sizes, 90)), "median": int(np.median(sizes)),
                          "min": sizes[-1], "top10_share": sum(sizes[:10]) / sum(sizes), "offices_with_rows": len(sizes)}
    del registry_ids
    out["floor"] = floor_read(landing, registry)
    out["floor"]["load"] = _load()
    runs = []
    for mode, n in parse_runs(runs_spec, workers):
        data_dir = root / f"data-{n}"
        if mode == "incremental":
            out["new_file"] = add_new_file(landing, registry, seed)
        print(f"  {rows:,} rows: {mode} run, {n} worker(s) ...", flush=True)
        proc = subprocess.run(
            [sys.executable, "-m", "benchmarks.national", "--mode", mode, "--workers", str(n),
             "--landing", str(landing), "--registry", str(registry), "--data-dir", str(data_dir)],
            check=True, capture_output=True, text=True,
        )
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    out["runs"] = runs
    import pandas as pd

    fulls = sorted({n for mode, n in parse_runs(runs_spec, workers) if mode == "full"})
    if len(fulls) > 1:
        first, *others = (pd.read_parquet(root / f"data-{n}" / f"headline-full-{n}.parquet") for n in fulls)
        out["parallel_headline_identical"] = all(first.equals(other) for other in others)
    if not keep:
        shutil.rmtree(root, ignore_errors=True)
    return out


# Where an office ingest's time goes: (label, module path fragment, function name); cumulative seconds.
PROFILE_PARTS = (
    ("read files (sources.intake.read_office_files)", "sources/intake.py", "read_office_files"),
    ("submission checks (check_submissions, 1 GX suite run)", "expectations/submission.py", "check_submissions"),
    ("standardize (standardize_submission)", "standardize/record.py", "standardize_submission"),
    ("row rules + row suite (validate_rows)", "expectations/validate.py", "validate_rows"),
    ("  of which GX suite runs, both suites (validate_suite)", "expectations/validate.py", "validate_suite"),
    ("row-suite Data Docs page, failing offices (write_data_docs)", "expectations/validate.py", "write_data_docs"),
    ("feedback xlsx (write_feedback_reports)", "expectations/feedback.py", "write_feedback_reports"),
    ("staging parquet writes (StagingStore.write)", "pipelines/resources.py", "write"),
    ("staging parquet reads (StagingStore.read)", "pipelines/resources.py", "read"),
    ("registry load + validation per step (load_registry)", "sources/registry.py", "load_registry"),
    ("Dagster run, whole (execute_in_process)", "dagster/_core/definitions/job_definition.py", "execute_in_process"),
)


def profile_offices(landing: Path, registry: Path, data_dir: Path, count: int, seed: int = 3) -> dict:
    """cProfile ``count`` office ingest runs (a random sample, after one warm-up run) and split their time."""
    import cProfile
    import pstats

    import dagster as dg

    from pipelines.definitions import build_definitions
    from pipelines.jobs import INGEST_OFFICE_JOB
    from pipelines.run import QUIET
    from sources.registry import load_registry

    offices = list(load_registry(registry))
    sample = [offices[i] for i in np.random.default_rng(seed).choice(len(offices), size=min(count + 1, len(offices)), replace=False)]
    job = build_definitions(_settings(landing, registry, data_dir), person_key_secret=SECRET).resolve_job_def(INGEST_OFFICE_JOB)
    instance = dg.DagsterInstance.ephemeral()
    job.execute_in_process(partition_key=sample[0], instance=instance, run_config=QUIET)  # imports, GX context
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for office_id in sample[1:]:
        job.execute_in_process(partition_key=office_id, instance=instance, run_config=QUIET)
    profiler.disable()
    wall = time.perf_counter() - started
    stats = pstats.Stats(profiler).stats
    parts = {}
    for label, path, name in PROFILE_PARTS:
        seconds = calls = 0
        for (filename, _, function), (_, ncalls, _, cumulative, _) in stats.items():
            if function == name and filename.endswith(path):
                seconds += cumulative
                calls += ncalls
        parts[label] = {"s": seconds, "calls": calls}
    rows = office_rows(landing)
    return {"offices": len(sample) - 1, "wall_s": wall, "load": _load(), "parts": parts,
            "rows": int(sum(rows.get(office_id, 0) for office_id in sample[1:]))}


def profile_table(result: dict) -> str:
    n, wall = result["offices"], result["wall_s"]
    lines = [f"{n} offices ({result['rows']:,} truth rows), {wall:.1f} s under cProfile (load {result['load']:.1f}), "
             f"{wall / n * 1000:.0f} ms per office:", "",
             "| part | s | ms per office | calls per office | share of the runs |", "|---|---:|---:|---:|---:|"]
    for label, part in result["parts"].items():
        lines.append(f"| {label} | {part['s']:.1f} | {part['s'] / n * 1000:.0f} | {part['calls'] / n:.1f} | {part['s'] / wall:.0%} |")
    whole = next(part["s"] for label, part in result["parts"].items() if label.startswith("Dagster run"))
    # top-level parts only: "  of which" rows are inside validate_rows / check_submissions
    parts = sum(part["s"] for label, part in result["parts"].items()
                if not label.startswith(("  ", "Dagster run")))
    rest = whole - parts
    lines.append(f"| Dagster and the rest (the run minus the parts above) | {rest:.1f} | {rest / n * 1000:.0f} | | {rest / wall:.0%} |")
    return "\n".join(lines)


STAGES = ("office_submissions", "standardize_office", "office_feedback_reports", "ingest_run_overhead",
          "linked_participations", "publish_candidate", "publish_warehouse")


def _stage_table(results: list[dict]) -> str:
    head = ("| rows | run | workers | offices ingested | wall (s) | ingest wall (s) | publish wall (s) | "
            + " | ".join(STAGES) + " | peak RSS (MiB) | load avg start / end |")
    lines = [head, "|" + "---:|" * 3 + "---:|" * (4 + len(STAGES)) + "---:|---|"]
    for result in results:
        for run in result["runs"]:
            t = run["timings"]
            rss = f"{run['peak_mib']:,.0f}" + (f" (+ workers ≤ {run['worker_peak_mib']:,.0f} each)" if run["worker_peak_mib"] else "")
            lines.append(
                f"| {result['rows']:,} | {run['mode']} | {run['workers']} | {run['offices_ingested']} | {run['wall_s']:.1f} "
                f"| {t.get('ingest_wall', 0):.1f} | {t.get('publish_wall', 0):.1f} | "
                + " | ".join(f"{t.get(stage, 0):.1f}" for stage in STAGES)
                + f" | {rss} | {run['load_start']:.1f} / {run['load_end']:.1f} |"
            )
    return "\n".join(lines)


def _summary(results: list[dict]) -> str:
    lines = []
    for r in results:
        fl, sz = r["floor"], r["office_rows"]
        parts = [
            f"{r['rows']:,} rows asked, {r['offices']} offices ({sz['offices_with_rows']} with rows; rows per office max "
            f"{sz['max']:,}, p90 {sz['p90']:,}, median {sz['median']:,}, min {sz['min']:,}; top 10 offices "
            f"{sz['top10_share']:.0%} of rows), {fl['files']:,} files, {fl['floor_rows']:,} rows in them: "
            f"floor {fl['floor_s']:.1f} s (load {fl['load']:.1f})"
        ]
        for run in r["runs"]:
            if run["mode"] == "full":
                parts.append(f"full refresh, {run['workers']} worker(s): {run['wall_s']:.1f} s "
                             f"({run['wall_s'] / max(fl['floor_s'], 1e-9):.0f}x the floor), "
                             f"{run['certified']:,} certified persons")
            else:
                parts.append(f"incremental (new file {r['new_file'][1]} at {r['new_file'][0]}; "
                             f"{run['offices_ingested']} office ingested, {run['offices_skipped']} skipped) "
                             f"{run['wall_s']:.1f} s, of which publish {run['timings'].get('publish_wall', 0):.1f} s; "
                             f"{run['certified']:,} certified persons after it")
        if "parallel_headline_identical" in r:
            parts.append(f"headline identical across the full refreshes: {r['parallel_headline_identical']}")
        lines.append("- " + "; ".join(parts) + ".")
    return "\n".join(lines)


def write_section(results: list[dict], workers: int, profile: dict | None = None, notes: str = "") -> str:
    from benchmarks.machine import describe

    body = (
        f"Machine: {describe()}; other agents' jobs share the 2 cores, so every run carries its 1-minute load "
        "average at start and end: compare the columns of one row, and rows of similar load.\n\n"
        "Registry: all 552 offices written from `reference/regions.csv` (`benchmarks.national.write_registry`). "
        "World: `demo.generate.generate_world` over that registry, with the generic offices' equal shares redrawn from "
        "a Zipf law (the generator itself does not skew: every office without a demo profile gets share 0.06). "
        "Full refresh: `pipelines.run.run_everything` (what `sertifikasi run` calls) into a fresh staging folder and "
        "DuckDB warehouse; `workers` > 1 runs the `ingest_office` runs on a process pool. Incremental: after the "
        f"{workers}-worker full refresh, one new xlsx at one office, then `run_everything(skip_unchanged=True)` "
        "(`sertifikasi run --only-changed`): changed offices are ingested, the others skipped on their staged files "
        "report's sha256, then the full publish (linkage of every row, publish of every table). Stage columns "
        "are Dagster step seconds summed over offices (with workers, summed over processes: more than the wall); "
        "`ingest_run_overhead` is each ingest run's wall minus its steps (run start-up, events, resource init), summed. "
        "Peak RSS is the process's `ru_maxrss` (with workers: the parent, plus the largest worker). The floor is a bare "
        "`pd.read_excel(engine='calamine')` / `pd.read_csv` / `json.load` of the same files (`benchmarks.ingest._floor_read`).\n\n"
        + _summary(results) + "\n\n" + _stage_table(results)
    )
    if profile:
        body += ("\n\nWhere an office run's time goes (`python -m benchmarks.national --profile N`: cProfile over N "
                 "office ingest runs of the first world above, cumulative seconds; parts overlap where one calls another, "
                 "and cProfile slows pure-Python code more than C code): " + profile_table(profile))
    if notes:
        body += "\n\n" + notes.strip()
    return body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_NATIONAL_SIZES", "300000,2000000"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_NATIONAL_WORKERS", os.cpu_count() or 2)))
    parser.add_argument("--runs", default=os.environ.get("BENCH_NATIONAL_RUNS", "full:1,full:W,incremental:W"),
                        help="measured runs in order, mode:workers (W = --workers); an incremental run follows "
                             "a full one with the same workers")
    parser.add_argument("--reuse-world", action="store_true", help="reuse a world generated by an earlier --keep run")
    parser.add_argument("--offices", type=int, help="only this many offices (demo offices first): a small world for tests")
    parser.add_argument("--no-isolate", action="store_true", help="parse files in the run's own process "
                        "(limits.isolate: false for every office), to measure the per-file child process")
    parser.add_argument("--keep", action="store_true", help="keep the worlds under bench-data/national")
    parser.add_argument("--no-doc", action="store_true", help="print, do not write docs/benchmarks.md")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--profile-json", type=Path, help="with --from-json: add this --profile result to the section")
    parser.add_argument("--notes", type=Path, help="markdown appended to the section (e.g. figures measured by hand)")
    parser.add_argument("--from-json", type=Path, help="write the section from results saved with --json, run nothing")
    parser.add_argument("--mode", choices=("full", "incremental"), help=argparse.SUPPRESS)
    parser.add_argument("--landing", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--registry", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=int, help="cProfile this many office ingests of the world kept under "
                        "bench-data/national/world-<first size> (run with --keep first) and print where the time goes")
    args = parser.parse_args(argv)
    if args.profile:
        root = BENCH_DIR / f"world-{int(args.sizes.split(',')[0])}"
        result = profile_offices(root / "landing", root / "offices.yaml", root / "data-profile", args.profile)
        if args.json:
            args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
        print(profile_table(result))
        return 0
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.landing, args.registry, args.data_dir, args.workers)))
        return 0
    results = json.loads(args.from_json.read_text(encoding="utf-8")) if args.from_json else []
    for size in () if args.from_json else (int(s) for s in args.sizes.split(",")):
        print(f"national benchmark: {size:,} rows, {args.offices or 552} offices ...", flush=True)
        results.append(measure(size, args.seed, args.workers, keep=args.keep, limit=args.offices,
                               runs_spec=args.runs, reuse=args.reuse_world, isolate=not args.no_isolate))
        print(json.dumps(results[-1], default=str), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    profile = json.loads(args.profile_json.read_text(encoding="utf-8")) if args.profile_json else None
    notes = args.notes.read_text(encoding="utf-8") if args.notes else ""
    body = write_section(results, args.workers, profile, notes)
    if not args.no_doc:
        from benchmarks.report import replace_section

        replace_section(DOC, "National", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
