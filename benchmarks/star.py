"""Where the publish candidate's star build goes: seconds and peak RSS per function.

Runs :func:`warehouse.star.build_star` once over the linked rows a kept world staged
(``python -m benchmarks.national --sizes N --runs full:2 --keep``), each builder wrapped
to record its wall seconds and the largest resident set seen while it ran (sampled from
``/proc/self/statm`` every few milliseconds, so a peak shorter than that can be missed).
``--save DIR`` writes every table as a pickle (dtypes kept exactly); ``--compare DIR`` checks every table
against such a save with ``pandas.testing.assert_frame_equal`` (before/after a change).

    .venv/bin/python -m benchmarks.star bench-data/national/world-100000 --save /tmp/before
    .venv/bin/python -m benchmarks.star bench-data/national/world-100000 --compare /tmp/before
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import os
import pstats
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd

# The builders of warehouse.star (and what they call from warehouse.headline) measured one by one.
MEASURED = (
    "_prepare", "credited_with_recap_partners", "certificate_keys", "_re_reports_keyed_to_local",
    "build_fact_certification", "build_dim_person", "headline_table", "build_yearly",
    "build_by_province", "build_by_region_kualifikasi", "build_target_progress", "_sorted", "_hash_many",
)
PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


class Sampler:
    """Peak RSS per active measured call, sampled in a thread."""

    def __init__(self, every: float = 0.005):
        self.active: dict[int, float] = {}
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = _rss_mib()
            for token, peak in list(self.active.items()):
                if rss > peak:
                    self.active[token] = rss
            time.sleep(self.every)

    def __enter__(self) -> "Sampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _wrap(module, name: str, sampler: Sampler, totals: dict[str, list[float]]) -> None:
    original = getattr(module, name)

    @functools.wraps(original)
    def measured(*args, **kwargs):
        token = object()
        sampler.active[id(token)] = _rss_mib()
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            peak = max(sampler.active.pop(id(token)), _rss_mib())
            entry = totals.setdefault(name, [0.0, 0.0, 0, 0.0])
            entry[0] += seconds
            entry[1] = max(entry[1], peak)
            entry[2] += 1
            entry[3] += cpu

    setattr(module, name, measured)


def load(world: Path, data: str, registry: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """The staged linked rows and the registry of a kept national world (or of ``registry``)."""
    from sources.registry import load_registry

    linked = pd.read_parquet(world / data / "staging" / "linked" / "_all.parquet")
    return linked, load_registry(registry or world / "offices.yaml")


def copied(linked: pd.DataFrame, copies: int) -> pd.DataFrame:
    """``linked`` repeated ``copies`` times, every copy after the first other persons, certificates and files.

    Copy ``i`` appends ``~i`` to the person key and the source file, and puts capital letters
    before the registration number (glued to a number's leading letters, so its year reads the
    same; separators alone would make it one spelling of the original), so no two copies share
    a person, a certificate or a fact_participation row: a build over ``copies`` times the rows
    of the same offices, not the same rows counted twice.
    """
    if copies <= 1:
        return linked
    parts = [linked]
    for i in range(1, copies):
        part = linked.copy()
        for column in ("person_key", "source_file"):
            if column in part.columns:
                part[column] = part[column].astype("str") + f"~{i}"
        if "nomor_sertifikat" in part.columns:
            letters = "Q" + "".join(chr(ord("A") + int(d)) for d in str(i))
            part["nomor_sertifikat"] = letters + part["nomor_sertifikat"].astype("str")
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def copies_dir(world: Path, data: str, copies: int) -> Path:
    """A data folder whose staging is ``data``'s, but for linked rows copied ``copies`` times (made once).

    Made in a child process, so the copying's own memory is not in the measured process's peak."""
    target = world / f"{data}-copies-{copies}"
    if (target / "staging" / "linked" / "_all.parquet").exists():
        return target
    subprocess.run([sys.executable, "-m", "benchmarks.star", str(world), "--data", data,
                    "--write-copies", str(copies)], check=True)
    return target


def write_copies(world: Path, data: str, copies: int) -> None:
    """Write :func:`copies_dir`: every staged file hard-linked to ``data``'s (the store refuses paths
    leading outside its folder, symlinks included), linked/_all.parquet copied."""
    source, target = world / data / "staging", world / f"{data}-copies-{copies}" / "staging"
    for stage in source.iterdir():
        if not stage.is_dir() or stage.name == "candidate":
            continue
        (target / stage.name).mkdir(parents=True, exist_ok=True)
        for part in stage.iterdir():
            if part.is_file() and part.name != "_all.parquet" and not (target / stage.name / part.name).exists():
                os.link(part, target / stage.name / part.name)
    linked = copied(pd.read_parquet(source / "linked" / "_all.parquet"), copies)
    partial = target / "linked" / "_all.parquet.tmp"
    linked.to_parquet(partial, index=False)
    partial.replace(target / "linked" / "_all.parquet")


def _build(args, data: str, offices: dict, star) -> tuple[dict[str, pd.DataFrame], int]:
    """The measured call: the whole candidate asset body, or build_star alone; and the rows it read."""
    from benchmarks.national import PUBLISH_DATE, SECRET

    if args.candidate:
        from assets.published import stage_candidate
        from pipelines.resources import OfficeRegistry, StagingStore

        registry = OfficeRegistry(registry_path=str(args.registry or args.world / "offices.yaml"),
                                  landing_root=str(args.world / "landing"))
        candidate = stage_candidate(registry, StagingStore(data_dir=str(args.world / data)), SECRET, PUBLISH_DATE)
        return candidate.frames, candidate.linked_rows
    linked = pd.read_parquet(args.world / data / "staging" / "linked" / "_all.parquet")
    return star.build_star(linked, offices, PUBLISH_DATE, SECRET), len(linked)


def _compare(frames: dict[str, pd.DataFrame], saved: Path) -> None:
    differ = []
    for name, frame in frames.items():
        before = pd.read_pickle(saved / f"{name}.pkl")
        try:
            pd.testing.assert_frame_equal(frame, before, check_exact=True)
        except AssertionError as error:
            differ.append(name)
            print(f"{name}: {len(before):,} -> {len(frame):,} rows; {str(error).splitlines()[0]}")
    if differ:
        raise SystemExit(f"{len(differ)} of {len(frames)} tables differ from {saved}: {differ}")
    print(f"all {len(frames)} tables equal to {saved}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("world", type=Path, help="a kept world, e.g. bench-data/national/world-100000")
    parser.add_argument("--data", default="data-2", help="its data folder (data-<workers>)")
    parser.add_argument("--registry", type=Path, help="the registry, when not the world's offices.yaml")
    parser.add_argument("--save", type=Path, help="write every table here (pickles)")
    parser.add_argument("--compare", type=Path, help="assert every table equals the tables saved here")
    parser.add_argument("--copies", type=int, default=1,
                        help="build over this many copies of the linked rows, each other persons (see copied)")
    parser.add_argument("--write-copies", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--candidate", action="store_true",
                        help="run the publish_candidate asset's body (stage_candidate: read, build, fence, stage)")
    parser.add_argument("--profile", type=int, default=0, help="also cProfile the build and print this many lines")
    args = parser.parse_args(argv)
    if args.write_copies:
        return write_copies(args.world, args.data, args.write_copies)

    from sources.registry import load_registry
    from warehouse import star

    data = copies_dir(args.world, args.data, args.copies).name if args.copies > 1 else args.data
    offices = load_registry(args.registry or args.world / "offices.yaml")
    base = _rss_mib()
    totals: dict[str, list[float]] = {}  # name -> [wall s, peak RSS MiB, calls, CPU s]
    load_start = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    with Sampler() as sampler:
        for name in MEASURED:
            _wrap(star, name, sampler, totals)
        if not args.candidate:
            # a wrapper's argument tuple would hold the linked rows build_star frees once sorted
            _wrap(star, "build_star", sampler, totals)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        frames, rows = _build(args, data, offices, star)
        if profiler:
            profiler.disable()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{rows:,} linked rows ({data}), {len(offices)} offices; RSS before {base:,.0f} MiB; "
          f"load average {load_start:.2f} / {os.getloadavg()[0]:.2f}")
    print(f"{'stage_candidate' if args.candidate else 'build_star'} with its reads: wall {wall:.2f} s, CPU {cpu:.2f} s")
    # CPU seconds (this process, all its threads) move less than wall seconds with other jobs' load
    print(f"{'function':<32} {'calls':>5} {'wall s':>8} {'CPU s':>8} {'peak RSS MiB':>13}")
    for name, (seconds, peak, calls, cpu) in sorted(totals.items(), key=lambda item: -item[1][3]):
        print(f"{name:<32} {calls:>5} {seconds:>8.2f} {cpu:>8.2f} {peak:>13,.0f}")
    print(f"ru_maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for name, frame in frames.items():
            frame.to_pickle(args.save / f"{name}.pkl")
    if args.compare:
        _compare(frames, args.compare)


if __name__ == "__main__":
    main()
