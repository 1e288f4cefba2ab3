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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("world", type=Path, help="a kept world, e.g. bench-data/national/world-100000")
    parser.add_argument("--data", default="data-2", help="its data folder (data-<workers>)")
    parser.add_argument("--registry", type=Path, help="the registry, when not the world's offices.yaml")
    parser.add_argument("--save", type=Path, help="write every table here (pickles)")
    parser.add_argument("--compare", type=Path, help="assert every table equals the tables saved here")
    parser.add_argument("--profile", type=int, default=0, help="also cProfile the build and print this many lines")
    args = parser.parse_args(argv)

    from benchmarks.national import PUBLISH_DATE, SECRET
    from warehouse import star

    linked, offices = load(args.world, args.data, args.registry)
    base = _rss_mib()
    totals: dict[str, list[float]] = {}  # name -> [wall s, peak RSS MiB, calls, CPU s]
    load_start = os.getloadavg()[0]
    with Sampler() as sampler:
        for name in MEASURED:
            _wrap(star, name, sampler, totals)
        _wrap(star, "build_star", sampler, totals)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        frames = star.build_star(linked, offices, PUBLISH_DATE, SECRET)
        if profiler:
            profiler.disable()
    print(f"{len(linked):,} linked rows, {len(offices)} offices; RSS after reading them {base:,.0f} MiB; "
          f"load average {load_start:.2f} / {os.getloadavg()[0]:.2f}")
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
        differ = []
        for name, frame in frames.items():
            before = pd.read_pickle(args.compare / f"{name}.pkl")
            try:
                pd.testing.assert_frame_equal(frame, before, check_exact=True)
            except AssertionError as error:
                differ.append(name)
                print(f"{name}: {len(before):,} -> {len(frame):,} rows; {str(error).splitlines()[0]}")
        if differ:
            raise SystemExit(f"{len(differ)} of {len(frames)} tables differ from {args.compare}: {differ}")
        print(f"all {len(frames)} tables equal to {args.compare}")


if __name__ == "__main__":
    main()
