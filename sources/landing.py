"""What is in an office's landing folder, by content.

The arrival sensor compares snapshots: a file is new or changed when its sha256
differs from the last snapshot. Size and modification time only decide whether
a file must be re-hashed, so a tick stays cheap on large folders.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Dot-files (the pull state, partial downloads) and Excel lock files are not submissions.
IGNORED_PREFIXES = (".", "~$")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def snapshot(folder: Path, previous: dict[str, list] | None = None) -> dict[str, list]:
    """``{file name: [size, mtime_ns, sha256]}`` for the submissions in ``folder``.

    Entries of ``previous`` whose size and mtime are unchanged are reused without
    re-reading the file.
    """
    previous = previous or {}
    current: dict[str, list] = {}
    if not folder.is_dir():
        return current
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(IGNORED_PREFIXES):
            continue
        stat = path.stat()
        known = previous.get(path.name)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            current[path.name] = known
        else:
            current[path.name] = [stat.st_size, stat.st_mtime_ns, _sha256(path)]
    return current


def digest_of(files) -> str:
    """One hash for a folder's content from its ``(file name, sha256)`` pairs."""
    text = "\n".join(f"{name}\t{sha}" for name, sha in sorted(files))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_digest(state: dict[str, list]) -> str:
    """One hash for the folder's content (a :func:`snapshot`): file names and their sha256, not their times."""
    return digest_of((name, entry[2]) for name, entry in state.items())
