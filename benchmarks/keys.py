"""Stable person keys: a re-run must cost what a fresh run costs (issue 11).

Times :func:`linkage.keys.assign_keys` alone on synthetic rows (provenance,
cluster labels and anchor NIKs; no linkage), each case in a fresh process that
reports its own seconds and peak RSS:

* ``fresh``: no previous assignments, every person minted;
* ``rerun``: the same rows again with the fresh run's assignments as
  ``previous`` (cluster labels permuted: they mean nothing from run to run);
* ``changed``: a later run where a file was withdrawn, a new file arrived (rows
  of known and of new persons), some earlier persons merged and some split.

``python -m benchmarks.keys --sizes 100000,1000000``. To measure another
version of the module (before/after), pass ``--keys-module`` a file, e.g.
``git show <rev>:linkage/keys.py > /tmp/keys_old.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

SECRET = "benchmark-only-not-a-secret"
SEED = 11
ROWS_PER_FILE = 400
ROWS_PER_PERSON = 1.6
NIK_SHARE = 0.85
CASES = ("fresh", "rerun", "changed")


def _keys_module(path: str | None):
    if not path:
        import linkage.keys as module

        return module
    spec = importlib.util.spec_from_file_location("keys_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(first: int, count: int, rows: int) -> pd.DataFrame:
    """``rows`` provenance rows spread over files ``first``.. (``ROWS_PER_FILE`` rows each)."""
    position = np.arange(rows)
    file_no = first + position // ROWS_PER_FILE
    names = np.array([f"DAFTAR_PESERTA_{i}.xlsx" for i in range(first, first + count)], dtype=object)
    shas = np.array([hashlib.sha256(f"file-{i}".encode()).hexdigest() for i in range(first, first + count)],
                    dtype=object)
    return pd.DataFrame({
        "office_id": np.array([f"office-{i % 60}" for i in range(first, first + count)], dtype=object)[file_no - first],
        "source_file": names[file_no - first],
        "source_sha256": shas[file_no - first],
        "source_sheet": np.where(file_no % 3 == 0, "Rekap", "Sheet1").astype(object),
        "source_row": (position % ROWS_PER_FILE + 2).astype(np.int64),
    })


def _anchor(labels: np.ndarray, rng: np.random.Generator) -> pd.Series:
    has = labels[rng.random(len(labels)) < NIK_SHARE]
    digits = rng.integers(10**15, 10**16 - 1, len(has), dtype=np.int64)
    return pd.Series(digits.astype(str).astype(object), index=has)


def _relabel(person: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Cluster labels 0..k-1 for the persons, in an order unrelated to the last run's."""
    _, inverse = np.unique(person, return_inverse=True)
    return rng.permutation(inverse.max() + 1)[inverse].astype(np.int64)


def build(rows: int, out: Path, keys_module: str | None = None, seed: int = SEED) -> None:
    """Write the three cases' inputs (rows, labels, anchors, previous) under ``out``."""
    keys = _keys_module(keys_module)
    rng = np.random.default_rng(seed)
    files = -(-rows // ROWS_PER_FILE)
    frame = _files(0, files, rows)
    person = rng.integers(0, int(rows / ROWS_PER_PERSON), rows)
    component = _relabel(person, rng)
    anchor = _anchor(np.unique(component), rng)

    person_key, key_since, _, _, generation = keys.assign_keys(frame, component, anchor, SECRET, None, _reason)
    previous = frame.copy()
    previous["person_key"] = person_key
    previous["link_basis"] = np.where(np.isin(component, anchor.index.to_numpy()), "nik", "unlinked").astype(object)
    previous["key_since"] = key_since
    previous["generation"] = generation

    # rerun: the same rows; labels permuted, anchors follow their persons.
    rerun = _relabel(person, rng)
    by_person = pd.Series(component, index=person).groupby(level=0).first()
    rerun_by_person = pd.Series(rerun, index=person).groupby(level=0).first()
    rerun_anchor = pd.Series(anchor.reindex(by_person.to_numpy()).to_numpy(), index=rerun_by_person.to_numpy()).dropna()

    # changed: one file in 50 withdrawn, a new file per 100 files (half known persons, half new),
    # 0.5% of persons merged pairwise, 0.5% of rows split off as a person of their own.
    keep = (np.arange(rows) // ROWS_PER_FILE) % 50 != 7
    added = max(1, files // 100) * ROWS_PER_FILE
    new_rows = _files(files, max(1, files // 100), added)
    known = rng.random(added) < 0.5
    new_person = np.where(known, rng.choice(person[keep], added), person.max() + 1 + np.arange(added) // 2)
    changed_person = np.concatenate([person[keep], new_person])
    persons = np.unique(changed_person)
    pairs = rng.choice(persons, (max(1, len(persons) // 400), 2), replace=False)
    changed_person = pd.Series(changed_person).replace(dict(zip(pairs[:, 1], pairs[:, 0]))).to_numpy()
    split = rng.random(len(changed_person)) < 0.005
    changed_person = np.where(split, changed_person.max() + 1 + np.arange(len(changed_person)), changed_person)
    changed_frame = pd.concat([frame[keep], new_rows], ignore_index=True)
    changed = _relabel(changed_person, rng)
    changed_anchor = _anchor(np.unique(changed), rng)

    out.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(out / "rows.parquet")
    changed_frame.to_parquet(out / "changed_rows.parquet")
    previous.to_parquet(out / "previous.parquet")
    for name, labels, anchors in (("fresh", component, anchor), ("rerun", rerun, rerun_anchor),
                                  ("changed", changed, changed_anchor)):
        np.save(out / f"{name}_component.npy", labels)
        anchors.rename("nik").to_frame().to_parquet(out / f"{name}_anchor.parquet")


def _reason(component: int, retired: str, kept: str) -> str:
    return "linked in this run"


def one(case: str, data: Path, keys_module: str | None) -> dict:
    """In this (fresh) process: read the case's inputs, assign keys, report time and peak RSS."""
    keys = _keys_module(keys_module)
    rows = pd.read_parquet(data / ("changed_rows.parquet" if case == "changed" else "rows.parquet"))
    component = np.load(data / f"{case}_component.npy")
    anchor = pd.read_parquet(data / f"{case}_anchor.parquet")["nik"]
    previous = None if case == "fresh" else pd.read_parquet(data / "previous.parquet")
    input_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    person_key, key_since, merges, splits, generation = keys.assign_keys(
        rows, component, anchor, SECRET, previous, _reason)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    earlier = set() if previous is None else set(previous["person_key"].astype(str).tolist())
    kept = sum(k in earlier for k in person_key.tolist())
    return {"case": case, "rows": len(rows), "seconds": round(seconds, 3), "peak_mib": round(peak_mib),
            "input_mib": round(input_mib), "persons": len(set(person_key)), "rows_with_earlier_key": kept,
            "merges": len(merges), "splits": len(splits), "generation": generation}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000", help="comma-separated row counts")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--keys-module", help="file of the keys module to measure (default: linkage.keys)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one, Path(args.data), args.keys_module)))
        return 0
    results = []
    for size in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix="bench-keys-") as tmp:
            build(size, Path(tmp), args.keys_module)
            for case in args.cases.split(","):
                command = [sys.executable, "-m", "benchmarks.keys", "--one", case, "--data", tmp]
                if args.keys_module:
                    command += ["--keys-module", args.keys_module]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                results.append(result)
                print(json.dumps(result), file=sys.stderr)
    print("| rows | case | seconds | peak RSS MiB (inputs loaded) | persons | merges | splits |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['rows']:,} | {r['case']} | {r['seconds']:.2f} | {r['peak_mib']:,} ({r['input_mib']:,}) "
              f"| {r['persons']:,} | {r['merges']:,} | {r['splits']:,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
