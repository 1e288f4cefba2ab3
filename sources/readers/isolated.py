"""Parse each office file in a child process with a memory cap and a time limit.

Intake limits (``sources/readers/limits.py``) catch what a file declares. What it
does not declare, a reader still meets: a zip member whose directory lies about
its size, a native reader that aborts the whole process when an allocation
fails (no ``except`` catches an abort). So the file is parsed in a child process
whose heap is capped (``RLIMIT_DATA`` above what the child holds after its
imports): the allocation fails inside the child, which raises ``MemoryError`` or
dies, and only that file is rejected. The office's other files and every other
office go on.

The child is a plain ``python -m sources.readers.isolated`` process, not a
multiprocessing worker: it never re-imports the caller's main script (a script
without an ``if __name__ == "__main__"`` guard would run again in every worker)
and inherits nothing of the caller's threads or locks. It lives for many files
(a file costs a round trip of pickles, not an interpreter start); one that died
or overran its time is replaced for the next file. Protocol on its stdin/stdout:
an 8-byte length, then a pickle, each way.
"""

from __future__ import annotations

import atexit
import os
import pickle
import resource
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from sources.filenames import printable_name
from sources.readers import Submission, empty_rows, read_submission, sha256_of
from sources.registry import Office

_MIB = 1 << 20
_REPO = Path(__file__).resolve().parents[2]


class _ChildGone(Exception):
    """The reading child ended (crash, kill) before answering."""


def _heap_bytes() -> int:
    """This process's data segment (VmData): heap and private anonymous mappings."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmData:"):
                return int(line.split()[1]) * 1024
    return 0


def _cap_memory(memory_mib: int) -> None:
    """Cap this process's heap at what its imports took plus ``memory_mib``."""
    limit = _heap_bytes() + memory_mib * _MIB
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


# ------------------------------------------------------------------ the child
def _serve(memory_mib: int) -> None:
    """Child main loop: read (path, office) requests, answer each with a Submission."""
    requests, answers = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print in a reader must not corrupt the answers
    _cap_memory(memory_mib)
    while True:
        header = requests.read(8)
        if len(header) < 8:
            return
        path, office, name = pickle.loads(requests.read(int.from_bytes(header, "big")))
        try:
            answer: object = read_submission(path, office, name)
        except MemoryError:
            answer = "ran out of memory"
        payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        answers.write(len(payload).to_bytes(8, "big") + payload)
        answers.flush()


# ------------------------------------------------------------------ the caller's side
class _Child:
    """One reading child process and its pipes."""

    def __init__(self, memory_mib: int) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_REPO), os.environ.get("PYTHONPATH")]))}
        env.pop("RUST_BACKTRACE", None)  # an aborting native reader prints a backtrace when set
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sources.readers.isolated", str(memory_mib)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=_REPO,
        )

    def ask(self, path: Path, office: Office, name: str | None, seconds: float) -> object:
        payload = pickle.dumps((path, office, name), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.process.stdin.write(len(payload).to_bytes(8, "big") + payload)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise _ChildGone from None
        ready, _, _ = select.select([self.process.stdout], [], [], seconds)
        if not ready:
            raise TimeoutError
        header = self.process.stdout.read(8)
        if len(header) < 8:
            raise _ChildGone
        size = int.from_bytes(header, "big")
        body = self.process.stdout.read(size)
        if len(body) < size:
            raise _ChildGone
        return pickle.loads(body)

    def resident_mib(self) -> float | None:
        """The child's resident memory (VmRSS) in MiB; None when it is gone or unreadable."""
        try:
            with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def end(self) -> str:
        """Stop the child; how it ended, for a rejection reason."""
        if self.process.poll() is None:
            self.process.kill()
        code = self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        return f"was killed by {signal.Signals(-code).name}" if code < 0 else f"stopped (exit code {code})"


# One child per memory cap in use: offices rarely change the default.
_CHILDREN: dict[int, _Child] = {}


@atexit.register
def shutdown_workers() -> None:
    """Stop every reading child (also at interpreter exit)."""
    while _CHILDREN:
        _CHILDREN.popitem()[1].end()


# A child after its imports holds about 140 MiB; one that read large files holds their high-water mark.
KEEP_IDLE_CHILD_MIB = 256


def shutdown_large_workers(keep_mib: float = KEEP_IDLE_CHILD_MIB) -> None:
    """Stop the reading children holding ``keep_mib`` or more (or whose memory cannot be read).

    A child that read only small files is kept for the next run in this process (tests, the
    national benchmark, an interactive session): starting one costs 1.0-1.3 CPU-s of imports,
    keeping it costs its resident memory, which is that of its imports."""
    for memory_mib, child in list(_CHILDREN.items()):
        resident = child.resident_mib() if child.process.poll() is None else None
        if resident is None or resident >= keep_mib:
            del _CHILDREN[memory_mib]
            child.end()


def _rejected(path: Path, office: Office, name: str | None, reason: str) -> Submission:
    name = name or printable_name(path.name)
    try:
        sha = sha256_of(path)
    except OSError:
        sha = ""
    error = f"office {office.id}, file {name}: {reason}"
    return Submission(office.id, name, sha, path.suffix.lower().lstrip(".") or "unknown", empty_rows(), [], error)


def read_isolated(path: Path, office: Office, name: str | None = None) -> Submission:
    """:func:`~sources.readers.read_submission` in a capped child process (or in this one
    when the office's ``limits.isolate`` is off). Never raises for a bad file."""
    limits = office.limits
    if not limits.isolate:
        return read_submission(path, office, name)
    path = Path(path)
    for attempt in (1, 2):
        child = _CHILDREN.get(limits.memory_mib)
        if child is None or child.process.poll() is not None:
            child = _CHILDREN[limits.memory_mib] = _Child(limits.memory_mib)
        started = time.monotonic()
        try:
            answer = child.ask(path, office, name, limits.seconds)
        except TimeoutError:
            del _CHILDREN[limits.memory_mib]
            child.end()
            return _rejected(path, office, name, f"reading took longer than the intake limit of {limits.seconds} s "
                                                 "(limits.seconds); stopped")
        except _ChildGone:
            del _CHILDREN[limits.memory_mib]
            ended = child.end()
            # A child that died before this file was even sent (killed from outside): one fresh try.
            if attempt == 1 and time.monotonic() - started < 0.05 and "SIG" not in ended:
                continue
            return _rejected(path, office, name, f"the reader {ended} while reading this file (memory cap "
                                                 f"{limits.memory_mib:,} MiB, limits.memory_mib): the file is far larger "
                                                 "inside than it looks, or damaged")
        if isinstance(answer, str):  # MemoryError inside the child
            return _rejected(path, office, name, f"the reader {answer} (memory cap {limits.memory_mib:,} MiB, "
                                                 "limits.memory_mib): the file is far larger inside than it looks")
        return answer
    raise AssertionError("unreachable")


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
