"""CLI: ``python -m demo --rows 5000 --seed 42 --out data/landing [--no-nik-damage]``.

Wipes and recreates the registry offices' folders under ``--out`` and the truth beside it
(``<out>.truth``; nothing else is touched), writes a world, prints a short summary.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from demo.generate import generate_world, wipe_landing

PROGRESS_ABOVE = 100_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m demo", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000, help="participant rows to write (default 5000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=Path("data/landing"), help="landing root (default data/landing)")
    parser.add_argument("--registry", type=Path, default=None, help="office registry YAML (default sources/offices.yaml)")
    parser.add_argument("--no-nik-damage", action="store_true", help="write every NIK intact (formatting only)")
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None)
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    args = parser.parse_args(argv)
    if args.rows < 1:
        parser.error("--rows must be positive")
    show = args.progress if args.progress is not None else args.rows > PROGRESS_ABOVE
    started = time.perf_counter()
    wipe_landing(args.out, args.registry)
    summary = generate_world(
        args.out,
        rows=args.rows,
        seed=args.seed,
        nik_damage=not args.no_nik_damage,
        registry_path=args.registry,
        progress=show,
    )
    print(summary.describe())
    if summary.skipped_offices:
        print(f"  offices without a demo profile (generic files): {', '.join(summary.skipped_offices)}")
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
