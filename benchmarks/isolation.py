"""What parsing each file in a child process costs, on a kept national world.

Two full national runs (isolation on, then off) on a shared 2-core machine differ
by more than the thing measured: the load of other jobs moves between them. Here
every landing file is read twice, once through the capped child
(``read_isolated``) and once in this process (``read_submission``), in
alternating order file by file, so drift in the machine's load falls on both
sides alike. The sum over files is the ingest time isolation adds to a full
refresh run on one worker.

    python -m benchmarks.national --sizes 50000 --runs full:2 --keep --no-doc
    python -m benchmarks.isolation bench-data/national/world-50000
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path

from sources.landing import list_submissions
from sources.readers import read_submission
from sources.readers.isolated import read_isolated
from sources.registry import load_registry


def measure(world: Path, limit: int | None = None) -> dict:
    """Seconds per file with and without the child, over every file of ``world``."""
    offices = load_registry(world / "offices.yaml")
    isolated: list[float] = []
    in_process: list[float] = []
    rows = 0
    for office in offices.values():
        isolated_office = dataclasses.replace(office, limits=dataclasses.replace(office.limits, isolate=True))
        paths, _ignored = list_submissions(world / "landing" / (office.landing or office.id))
        for path in paths:
            if limit is not None and len(isolated) >= limit:
                break
            # Alternate which side goes first: the second read finds the file in the page cache.
            order = (True, False) if len(isolated) % 2 == 0 else (False, True)
            for isolate in order:
                started = time.perf_counter()
                submission = read_isolated(path, isolated_office) if isolate else read_submission(path, office)
                (isolated if isolate else in_process).append(time.perf_counter() - started)
            rows += len(submission.rows)
    files = len(isolated)
    extra = [a - b for a, b in zip(isolated, in_process)]
    return {
        "files": files,
        "rows": rows,
        "isolated_s": round(sum(isolated), 2),
        "in_process_s": round(sum(in_process), 2),
        "added_s": round(sum(extra), 2),
        "added_ms_per_file_median": round(statistics.median(extra) * 1000, 2),
        "added_ms_per_file_p90": round(sorted(extra)[int(0.9 * (files - 1))] * 1000, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("world", type=Path, help="a world kept by benchmarks.national --keep")
    parser.add_argument("--limit", type=int, help="only this many files")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.world, args.limit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
