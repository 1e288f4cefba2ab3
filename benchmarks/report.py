"""Keep docs/benchmarks.md as named sections that each benchmark rewrites."""

from __future__ import annotations

import re
from pathlib import Path

HEADER = "# Benchmarks\n\nWritten by `make bench`; each section is replaced by the benchmark that owns it.\n"


def replace_section(path: Path, title: str, body: str) -> None:
    """Replace (or append) the section ``## title`` of ``path`` with ``body``."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    section = f"## {title}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")
