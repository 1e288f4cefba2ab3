"""Describe the machine a benchmark ran on (for docs/benchmarks.md)."""

from __future__ import annotations

import os
import platform
from datetime import date


def describe() -> str:
    """One line: date, CPU model, cores, memory, Python."""
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            kib = int(handle.readline().split()[1])
            memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{date.today().isoformat()}, {cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"
