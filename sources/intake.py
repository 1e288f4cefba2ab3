"""Read everything one office sent: every file in its landing folder.

One bad file never holds back the others: each file is read on its own, in a
child process with a memory cap (``sources/readers/isolated.py``), and either
contributes rows or is recorded as rejected with its reason.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

import pandas as pd

from sources import headers
from sources.filenames import printable_name
from sources.landing import ignored_name, submission_name
from sources.readers.isolated import read_isolated, shutdown_workers
from sources.registry import Office

# After an office of this many rows the reading child is stopped: it would hold that office's
# heap idle through the rest of the run (a 99,000-row file: 160 MiB of the run's peak), and a
# fresh one costs a fraction of a second, once per large office only.
RECYCLE_READER_AFTER_ROWS = 20_000

# A zip of the office's spreadsheets ("Data Peserta MTU 2025.zip", an e-mail's attachments
# packed together) is opened and each spreadsheet in it read as a file of its own, named
# "<zip>/<path inside>": rejecting the archive would lose lists that arrived in no other form,
# and a list that also arrived loose is then an identical copy, counted once
# (expectations/submission.py). A zip inside the zip is opened too, one level down
# (MAX_ARCHIVE_DEPTH): a clerk zips a folder that already holds the zip a colleague sent
# ("Kiriman WA.zip" holding "Data MTU/Data Peserta.zip"); deeper nesting is no delivery habit.
# Every member, at any level, is cut at the file limit as it is inflated, one at a time, and
# MAX_ARCHIVE_MEMBERS bounds the members read from one delivery in all, so nesting costs no
# more than one flat zip could.
# Every format the readers know by content: besides workbooks and CSV, an old PC's or old
# system's exports arrive zipped too (WhatsApp, e-mail): Excel's "Unicode Text" and "Formatted
# Text" (.txt, .prn), Excel 2003 XML (.xml), a web page saved as Excel (.htm, .html), a FoxPro
# table (.dbf).
ARCHIVE_MEMBER_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".json",
                                     ".txt", ".prn", ".xml", ".htm", ".html", ".dbf"})
MAX_ARCHIVE_MEMBERS = 200
MAX_ARCHIVE_DEPTH = 2
_MIB = 1 << 20

FILE_REPORT_COLUMNS = (
    "office_id", "source_file", "source_sha256", "format", "received_at", "status", "reason", "rows_read", "sheets"
)


@dataclass
class OfficeIntake:
    """The raw rows of all an office's readable files, and one report per file."""

    rows: pd.DataFrame
    files: pd.DataFrame

    @property
    def rejected_files(self) -> pd.DataFrame:
        """Files that could not be used at all."""
        return self.files[self.files["status"] == "rejected"]


def empty_raw_rows() -> pd.DataFrame:
    """A raw-rows frame with every column and no rows."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in headers.PROVENANCE_COLUMNS + headers.RAW_COLUMNS + headers.FORM_COLUMNS})


def read_office_files(office: Office, paths: list[Path], folder: Path | None = None) -> OfficeIntake:
    """Read ``paths`` (an office's landing files) into raw rows plus a file report each.

    ``folder``: the office's landing folder; a file in a sub-folder of it is named by its
    path inside it (``"2024/peserta.xlsx"``), so two files of one name stay two files.
    """
    frames = []
    reports = []
    for path in paths:
        name = submission_name(folder, path) if folder is not None else printable_name(path.name)
        # When the file arrived in the landing folder (its modification time).
        received = datetime.fromtimestamp(path.lstat().st_mtime, tz=timezone.utc)
        with tempfile.TemporaryDirectory(prefix="archive-") as scratch:
            submissions = _archive_submissions(path, name, office, Path(scratch), 1, [MAX_ARCHIVE_MEMBERS])
        for submission in submissions:
            reports.append(
                {
                    "office_id": office.id,
                    "source_file": submission.source_file,
                    "source_sha256": submission.source_sha256,
                    "format": submission.format,
                    "received_at": received,
                    "status": "rejected" if submission.error else "accepted",
                    "reason": submission.error,
                    "rows_read": 0 if submission.error else len(submission.rows),
                    "sheets": json.dumps([asdict(sheet) for sheet in submission.sheets], ensure_ascii=False),
                }
            )
            if not submission.error and len(submission.rows):
                frames.append(submission.rows)
    if sum(len(frame) for frame in frames) >= RECYCLE_READER_AFTER_ROWS:
        shutdown_workers()
    rows = pd.concat(frames, ignore_index=True) if frames else empty_raw_rows()
    # Readers keep every value as text; the row number is a number downstream.
    rows["source_row"] = rows["source_row"].astype("int64")
    files = pd.DataFrame(reports, columns=list(FILE_REPORT_COLUMNS))
    files["rows_read"] = files["rows_read"].astype("int64")
    files["received_at"] = pd.to_datetime(files["received_at"], utc=True)
    return OfficeIntake(rows=rows, files=files)


def _archive_submissions(path: Path, name: str, office: Office, scratch: Path, depth: int,
                         budget: list[int]) -> list:
    """The submissions of one landing file: its members' when it is a zip of lists (a zip in it
    opened in turn, to MAX_ARCHIVE_DEPTH), else the file itself. ``budget``: how many more
    members this delivery may still have read, shared by every level."""
    members = archive_members(path, office, nested=depth < MAX_ARCHIVE_DEPTH)
    submissions = []
    for number, inside in enumerate(members):
        if budget[0] <= 0:
            break
        budget[0] -= 1
        # One member on disk at a time (per level): a zip of many large lists never sits in memory whole.
        extracted = scratch / f"{depth}-{number}{PurePosixPath(inside).suffix.lower()}"
        if not _extract(path, inside, extracted, office):
            continue
        member_name = f"{name}/{printable_name(inside)}"
        if PurePosixPath(inside).suffix.lower() == ".zip":
            submissions.extend(_archive_submissions(extracted, member_name, office, scratch, depth + 1, budget))
        else:
            submissions.append(read_isolated(extracted, office, member_name))
        extracted.unlink()
    return submissions or [read_isolated(path, office, name)]


# What a damaged, encrypted (RuntimeError) or unsupported-compression (NotImplementedError)
# zip raises when listed or read: the zip, or the member, is then not opened.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, NotImplementedError, OSError, EOFError,
               ValueError)


def archive_members(path: Path, office: Office, nested: bool = False) -> list[str]:
    """The paths of the data files (ARCHIVE_MEMBER_SUFFIXES) inside a plain zip archive, and,
    when ``nested``, of the zips in it.

    Empty for anything else, which is then read (or rejected) as the file it is: not a zip,
    an xlsx, ods or docx (a zip with the package's own parts), a damaged or encrypted zip,
    a zip with no data file in it. Operating-system entries (``__MACOSX/``, ``Thumbs.db``,
    ``~$`` lock files) are passed over.
    """
    if path.is_symlink() or not path.is_file():
        return []
    with open(path, "rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            return []
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except _ZIP_ERRORS:
        return []
    if {entry.filename for entry in entries} & {"[Content_Types].xml", "mimetype", "xl/workbook.xml"}:
        return []  # an Office or OpenDocument file: the readers' business
    return [
        entry.filename for entry in entries
        if not entry.is_dir()
        and (PurePosixPath(entry.filename).suffix.lower() in ARCHIVE_MEMBER_SUFFIXES
             or nested and PurePosixPath(entry.filename).suffix.lower() == ".zip")
        and not any(ignored_name(part) for part in PurePosixPath(entry.filename).parts)
    ][:MAX_ARCHIVE_MEMBERS]


def _extract(path: Path, inside: str, target: Path, office: Office) -> bool:
    """Write one member of the zip at ``path`` to ``target``, cut at the office's file limit plus
    one byte (the reader then rejects it for its size, and a member that inflates beyond what
    it declares is never inflated in full). False when the member cannot be read (encrypted,
    damaged)."""
    limit = int(office.limits.max_file_mib * _MIB)
    try:
        with zipfile.ZipFile(path) as archive, archive.open(inside) as member, open(target, "wb") as out:
            remaining = limit + 1
            while remaining > 0:
                chunk = member.read(min(remaining, 1 << 20))
                if not chunk:
                    break
                out.write(chunk)
                remaining -= len(chunk)
        return True
    except _ZIP_ERRORS:
        return False
