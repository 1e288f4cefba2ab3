"""Linkage alone on a kept national world: per stage, CPU seconds and calls of the Python name rules.

``python -m benchmarks.national --sizes 630000 --offices 12 --runs full:1 --workers 1 --keep --no-doc``
leaves a world and its staging under ``bench-data/national/world-630000``. This module takes the rows
that run handed to :func:`linkage.link.link_persons` (captured once into ``linkage-rows.parquet`` beside
them, by running the publish's own preparation, :func:`assets.published.link_staged_offices`, with
``link_persons`` swapped for a recorder) and links them again from scratch (no previous assignments,
as a full refresh), reporting per stage (``LinkResult.timings`` names):

* wall and CPU seconds (``time.process_time``: every thread of the process, DuckDB's included),
* calls of each SQL name function (``names_agree``, ``names_close``, ``names_related``,
  ``names_equal_but_titles``) that DuckDB made into Python, and the distinct name pairs among them
  (the rules are cached: a repeated pair costs the call, not the rule; keeping the pairs adds to
  the RSS measured),
* the peak RSS of the process.

``python -m benchmarks.linkage_stages bench-data/national/world-630000 [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

SECRET = "national-benchmark-not-a-secret"
ROWS_FILE = "linkage-rows.parquet"


def capture_rows(world: Path, data_dir: Path) -> Path:
    """Write the rows the publish links (after its page and copy crediting) to ``world/linkage-rows.parquet``."""
    import assets.published as published
    from pipelines.resources import OfficeRegistry, StagingStore

    out = world / ROWS_FILE
    captured = {}

    class _Captured(Exception):
        pass

    def recorder(rows, secret, previous=None, **kwargs):
        captured["rows"], captured["provinces"] = rows, kwargs.get("office_provinces")
        raise _Captured

    registry = OfficeRegistry(registry_path=str(world / "offices.yaml"), landing_root=str(world / "landing"))
    staging = StagingStore(data_dir=str(data_dir))
    original = published.link_persons
    published.link_persons = recorder
    try:
        published.link_staged_offices(registry, staging, SECRET)
    except _Captured:
        pass
    finally:
        published.link_persons = original
    captured["rows"].to_parquet(out)
    (world / "linkage-provinces.json").write_text(json.dumps(captured["provinces"]), encoding="utf-8")
    return out


class StageMeter:
    """Counts Python name-rule calls and CPU seconds under the linkage stage running at the time."""

    def __init__(self):
        self.stage = "outside"
        self.calls: Counter = Counter()
        self.pairs: dict[tuple[str, str], set] = {}
        self.cpu: dict[str, float] = {}
        self.rss_after: dict[str, float] = {}

    def wrap(self, name: str, function):
        def counted(a, b):
            self.calls[(self.stage, name)] += 1
            self.pairs.setdefault((self.stage, name), set()).add((a, b))
            return function(a, b)
        return counted

    @contextmanager
    def timed(self, timings: dict[str, float], stage: str):
        outer, self.stage = self.stage, stage
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            timings[stage] = time.perf_counter() - wall
            self.cpu[stage] = time.process_time() - cpu
            self.rss_after[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            self.stage = outer


def instrument(meter: StageMeter) -> None:
    """Route the linkage modules' ``timed`` and SQL name functions through ``meter``."""
    import duckdb

    import linkage.link
    import linkage.names as names
    import linkage.probabilistic

    for module in (linkage.link, linkage.probabilistic):
        module.timed = meter.timed
    original = names.register_name_model

    def register_counted(con) -> None:
        original_create = con.create_function
        wrapped = {"names_agree": meter.wrap("names_agree", lambda a, b: names.names_agree(a, b)),
                   "names_close": meter.wrap("names_close", lambda a, b: names.names_agree(a, b, loose=True)),
                   "names_related": meter.wrap("names_related", names.names_related),
                   "names_equal_but_titles": meter.wrap("names_equal_but_titles", names.names_equal_but_titles)}
        for name, function in wrapped.items():
            try:
                original_create(name, function, ["VARCHAR", "VARCHAR"], "BOOLEAN", side_effects=False)
            except (duckdb.CatalogException, duckdb.NotImplementedException):
                pass
        # anything the model registers besides (pre-filter helpers) as it would
        original(con)

    for module in (linkage.link, linkage.probabilistic):
        module.register_name_model = register_counted


def run(world: Path, data_dir: Path | None = None, keys: Path | None = None) -> dict:
    """Link the captured rows of ``world`` once, instrumented; returns the figures."""
    rows_path = world / ROWS_FILE
    if not rows_path.exists():
        capture_rows(world, data_dir or world / "data-1")
    rows = pd.read_parquet(rows_path)
    provinces = json.loads((world / "linkage-provinces.json").read_text(encoding="utf-8"))
    meter = StageMeter()
    instrument(meter)
    from linkage.link import link_persons

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall, cpu = time.perf_counter(), time.process_time()
    result = link_persons(rows, SECRET, None, office_provinces=provinces)
    if keys:
        result.rows[["person_key", "link_basis"]].to_parquet(keys)
    out = {
        "rows": len(rows), "wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_before_mib": rss_before,
        "timings": result.timings, "cpu": meter.cpu, "rss_after": meter.rss_after,
        "calls": {f"{stage}/{name}": n for (stage, name), n in sorted(meter.calls.items())},
        "distinct_pairs": {f"{stage}/{name}": len(p) for (stage, name), p in sorted(meter.pairs.items())},
        "persons": int(result.rows["person_key"].nunique()),
        "links": len(result.links), "merges": len(result.merges),
        "basis": result.rows["link_basis"].value_counts().to_dict(),
        "code": str(Path(sys.modules[link_persons.__module__].__file__).resolve()),
    }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("world", type=Path, help="a world kept by benchmarks.national --keep")
    parser.add_argument("--data-dir", type=Path, help="its staging (default: <world>/data-1)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keys", type=Path, help="write the person keys per row here (to compare runs)")
    args = parser.parse_args(argv)
    figures = run(args.world, args.data_dir, args.keys)
    text = json.dumps(figures, indent=1, default=str)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
