"""Seconds per linkage stage (:attr:`linkage.link.LinkResult.timings`, read by benchmarks and publish metadata)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    """Record the seconds the ``with`` block takes as ``timings[stage]``.

    Nothing is recorded when the block raises: a failed run reports no timings.
    """
    started = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - started
