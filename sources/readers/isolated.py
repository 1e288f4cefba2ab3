"""Parse each office file in a child process with a memory cap and a time limit.

Intake limits (``sources/readers/limits.py``) catch what a file declares. What it
does not declare, a reader still meets: a zip member whose directory lies about
its size, a native reader that aborts the whole process when an allocation
fails (no ``except`` catches an abort). So the file is parsed in a child process
whose heap is capped (``RLIMIT_DATA`` above what the child holds after its
imports): the allocation fails inside the child, which raises ``MemoryError`` or
dies, and only that file is rejected. The office's other files and every other
office go on.

The child is a long-lived worker forked from a clean forkserver that imported
the readers once, so a file costs a task round trip (the rows come back pickled),
not a process start; a child that died is replaced for the next file.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import resource
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sources.filenames import printable_name
from sources.readers import Submission, empty_rows, read_submission, sha256_of
from sources.registry import Office

_MIB = 1 << 20
# One worker per memory cap in use: offices rarely change the default.
_POOLS: dict[int, ProcessPoolExecutor] = {}


def _heap_bytes() -> int:
    """This process's data segment (VmData): heap and private anonymous mappings."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    return 0


def _cap_memory(memory_mib: int) -> None:
    """Worker initializer: cap the heap at what the imports took plus ``memory_mib``."""
    # A native reader that hits the cap prints a Rust backtrace when this is set; the reason says enough.
    os.environ.pop("RUST_BACKTRACE", None)
    limit = _heap_bytes() + memory_mib * _MIB
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def _pool(memory_mib: int) -> ProcessPoolExecutor:
    pool = _POOLS.get(memory_mib)
    if pool is None:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(["sources.readers"])
        pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_cap_memory, initargs=(memory_mib,))
        _POOLS[memory_mib] = pool
    return pool


def _discard(memory_mib: int) -> str:
    """Drop the worker of ``memory_mib`` (killing it if still alive); how it ended, for the reason."""
    pool = _POOLS.pop(memory_mib, None)
    ended = "stopped"
    if pool is None:
        return ended
    for process in list(getattr(pool, "_processes", {}).values()):
        if process.is_alive():
            process.kill()
            process.join(5)
        code = process.exitcode
        if code is not None and code < 0:
            ended = f"was killed by {signal.Signals(-code).name}"
    pool.shutdown(wait=False, cancel_futures=True)
    return ended


@atexit.register
def shutdown_workers() -> None:
    """Stop every reading worker (also at interpreter exit)."""
    for memory_mib in list(_POOLS):
        _discard(memory_mib)


def _rejected(path: Path, office: Office, reason: str) -> Submission:
    name = printable_name(path.name)
    try:
        sha = sha256_of(path)
    except OSError:
        sha = ""
    error = f"office {office.id}, file {name}: {reason}"
    return Submission(office.id, name, sha, path.suffix.lower().lstrip(".") or "unknown", empty_rows(), [], error)


def read_isolated(path: Path, office: Office) -> Submission:
    """:func:`~sources.readers.read_submission` in a capped child process (or in this one
    when the office's ``limits.isolate`` is off). Never raises for a bad file."""
    limits = office.limits
    if not limits.isolate:
        return read_submission(path, office)
    path = Path(path)
    try:
        future = _pool(limits.memory_mib).submit(read_submission, path, office)
    except BrokenProcessPool:  # the worker died between files (killed from outside): a new one
        _discard(limits.memory_mib)
        future = _pool(limits.memory_mib).submit(read_submission, path, office)
    try:
        return future.result(timeout=limits.seconds)
    except FutureTimeout:
        _discard(limits.memory_mib)
        return _rejected(
            path, office, f"reading took longer than the intake limit of {limits.seconds} s (limits.seconds); stopped"
        )
    except BrokenProcessPool:
        ended = _discard(limits.memory_mib)
        return _rejected(
            path, office,
            f"the reader {ended} while reading this file (memory cap {limits.memory_mib:,} MiB, "
            "limits.memory_mib): the file is far larger inside than it looks, or damaged",
        )
