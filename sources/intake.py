"""Read everything one office sent: every file in its landing folder.

One bad file never holds back the others: each file is read on its own, in a
child process with a memory cap (``sources/readers/isolated.py``), and either
contributes rows or is recorded as rejected with its reason.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from sources import headers
from sources.landing import submission_name
from sources.readers.isolated import read_isolated, shutdown_workers
from sources.registry import Office

# After an office of this many rows the reading child is stopped: it would hold that office's
# heap idle through the rest of the run (a 99,000-row file: 160 MiB of the run's peak), and a
# fresh one costs a fraction of a second, once per large office only.
RECYCLE_READER_AFTER_ROWS = 20_000

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
    return pd.DataFrame({column: pd.Series(dtype=object) for column in headers.PROVENANCE_COLUMNS + headers.RAW_COLUMNS})


def read_office_files(office: Office, paths: list[Path], folder: Path | None = None) -> OfficeIntake:
    """Read ``paths`` (an office's landing files) into raw rows plus a file report each.

    ``folder``: the office's landing folder; a file in a sub-folder of it is named by its
    path inside it (``"2024/peserta.xlsx"``), so two files of one name stay two files.
    """
    frames = []
    reports = []
    for path in paths:
        submission = read_isolated(path, office, submission_name(folder, path) if folder is not None else None)
        reports.append(
            {
                "office_id": office.id,
                "source_file": submission.source_file,
                "source_sha256": submission.source_sha256,
                "format": submission.format,
                # When the file arrived in the landing folder (its modification time).
                "received_at": datetime.fromtimestamp(path.lstat().st_mtime, tz=timezone.utc),
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
