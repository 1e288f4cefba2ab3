"""What is in an office's landing folder, by content.

The arrival sensor compares snapshots: a file is new or changed when its sha256
differs from the last snapshot. Size and modification time only decide whether
a file must be re-hashed, so a tick stays cheap on large folders.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sources.filenames import printable_name

# Dot-files (the pull state, partial downloads) and Excel lock files are not submissions.
IGNORED_PREFIXES = (".", "~$")
# Files an operating system leaves in any folder a clerk opened or synced: Windows' folder
# settings and thumbnail caches, macOS's folder metadata and resource forks (a zip made on a
# Mac carries "__MACOSX/"), Word's temporary saves ("~WRL0001.tmp"). Not submissions, and no
# reason to turn an office's file check red. Compared case-blind.
IGNORED_NAMES = frozenset({"desktop.ini", "thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "icon\r", "__macosx"})
_IGNORED_NAME_PREFIXES = ("~wrl", "~wrd", "~wra")


def ignored_name(name: str) -> bool:
    """True for a landing entry that is no submission: a dot-file, a lock file, an OS file."""
    folded = name.casefold()
    return name.startswith(IGNORED_PREFIXES) or folded in IGNORED_NAMES or folded.startswith(_IGNORED_NAME_PREFIXES)


def file_sha256(path: Path) -> str:
    """Hex sha256 of a landing entry: a regular file's bytes, read in chunks; a symbolic
    link's target text, never what it points to (``/dev/zero`` would never end)."""
    digest = hashlib.sha256()
    if os.path.islink(path):
        digest.update(b"symlink:" + os.fsencode(os.readlink(path)))
        return digest.hexdigest()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# An office may sort its folder into sub-folders (by year, by program): their files are
# submissions too, named by their path inside the office's folder ("2024/peserta.xlsx").
# Deeper than this is no office's filing (and no loop can run away).
MAX_FOLDER_DEPTH = 3


def list_submissions(folder: Path) -> tuple[list[Path], list[str]]:
    """The office's submissions in ``folder`` and its sub-folders (path order), and the names
    it ignored (:func:`submission_name` form).

    Submissions are regular files and symbolic links (listed so the reader rejects
    them with a reason; they are never followed, nor is a linked folder). Dot-files,
    dot-folders, Excel lock files (``~$``) and operating-system files (``desktop.ini``,
    ``Thumbs.db``, ``__MACOSX``: :func:`ignored_name`) are ignored and named, in printable
    form, so a run can log them. Pipes and devices are not submissions.
    """
    if not folder.is_dir():
        return [], []
    files: list[Path] = []
    ignored: list[str] = []
    _walk(folder, folder, 0, files, ignored)
    return sorted(files), sorted(ignored)


def _walk(top: Path, folder: Path, depth: int, files: list[Path], ignored: list[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if ignored_name(entry.name) and (entry.is_symlink() or entry.is_file(follow_symlinks=False)
                                             or entry.is_dir(follow_symlinks=False)):
                ignored.append(submission_name(top, Path(entry.path)))
            elif entry.is_symlink() or entry.is_file(follow_symlinks=False):
                files.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False) and depth < MAX_FOLDER_DEPTH:
                _walk(top, Path(entry.path), depth + 1, files, ignored)


def submission_name(folder: Path, path: Path) -> str:
    """A submission's name as kept in provenance: its path inside the office's folder
    (``"peserta.xlsx"``, ``"2024/peserta.xlsx"``), printable."""
    return printable_name(Path(path).relative_to(folder).as_posix())


def snapshot(folder: Path, previous: dict[str, list] | None = None) -> dict[str, list]:
    """``{printable file name: [size, mtime_ns, sha256]}`` for the submissions in ``folder``.

    Entries of ``previous`` whose size and mtime are unchanged are reused without
    re-reading the file.
    """
    previous = previous or {}
    current: dict[str, list] = {}
    for path in list_submissions(folder)[0]:
        name = submission_name(folder, path)
        stat = path.lstat()
        known = previous.get(name)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            current[name] = known
        else:
            current[name] = [stat.st_size, stat.st_mtime_ns, file_sha256(path)]
    return current


def digest_of(files) -> str:
    """One hash for a folder's content from its ``(file name, sha256)`` pairs."""
    text = "\n".join(f"{name}\t{sha}" for name, sha in sorted(files))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_digest(state: dict[str, list]) -> str:
    """One hash for the folder's content (a :func:`snapshot`): file names and their sha256, not their times."""
    return digest_of((name, entry[2]) for name, entry in state.items())


def unclaimed_entries(landing_root: Path, office_folders) -> list[tuple[str, int]]:
    """What lies under the landing root outside every office's folder: ``[(name, files)]``.

    ``office_folders``: each registry office's landing folder, relative to the root
    (``"kab-kutai-timur"``, or nested ``"kaltim/kutim"``). A folder an office does not own
    (an office missing from the registry, a folder named differently from its ``landing``)
    and a file left at the root are read by no ingest: their rows would end in neither the
    warehouse nor quarantine, so a run names them. Only entries holding at least one
    submission are listed (names in printable form, a folder with a trailing ``/``).
    """
    root = Path(landing_root)
    owned = {Path(folder).parts for folder in office_folders}
    unclaimed: list[tuple[str, int]] = []
    if root.is_dir():
        _unclaimed_under(root, root, (), owned, unclaimed)
    return sorted(unclaimed)


def _unclaimed_under(root: Path, folder: Path, parts: tuple, owned: set, unclaimed: list) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if ignored_name(entry.name):
                continue
            here = (*parts, entry.name)
            name = submission_name(root, Path(entry.path))
            if entry.is_dir(follow_symlinks=False):
                if here in owned:
                    continue
                if any(office[:len(here)] == here for office in owned):  # holds an office's folder
                    _unclaimed_under(root, Path(entry.path), here, owned, unclaimed)
                    continue
                files = len(list_submissions(Path(entry.path))[0])
                if files:
                    unclaimed.append((f"{name}/", files))
            elif entry.is_symlink() or entry.is_file(follow_symlinks=False):
                unclaimed.append((name, 1))
