"""File readers: one office file in, raw text rows with provenance out.

:func:`read_submission` is the entry point. It recognises the format from the
file's first bytes (the extension only decides between text formats), reads
every sheet or page, and returns a :class:`Submission`. It never raises for a
bad file: the submission's ``error`` says what is wrong, naming the office,
the file and the sheet(s). The readers know nothing about Dagster.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sources import headers
from sources.landing import file_sha256 as sha256_of
from sources.filenames import printable_name
from sources.formats import detect_format, without_nuls
from sources.readers.csv_reader import read_csv
from sources.readers.html_reader import read_html
from sources.readers.spreadsheetml import read_spreadsheetml
from sources.readers.dbf_reader import read_dbf
from sources.readers.limits import MIB, check_file_size, check_text, check_zip
from sources.readers.excel import read_excel
from sources.readers.copies import drop_sheet_copies
from sources.readers.forms import split_jabatan_choices
from sources.readers.recap import drop_recap_repeats
from sources.readers.json_reader import read_json
from sources.readers.table import SheetReport, SubmissionRejected, TableRows, standalone_year
from sources.registry import Office

__all__ = [
    "SheetReport",
    "Submission",
    "SubmissionRejected",
    "detect_format",
    "empty_rows",
    "read_submission",
    "sha256_of",
]

FRAME_COLUMNS: tuple[str, ...] = headers.PROVENANCE_COLUMNS + headers.RAW_COLUMNS + headers.FORM_COLUMNS

_TEXT_FORMATS = ("csv", "json", "html", "spreadsheetml")
_EXTENSION_FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv", ".txt": "csv",
                      ".tsv": "csv", ".json": "json", ".ods": "ods", ".htm": "html", ".html": "html",
                      ".dbf": "dbf"}


@dataclass
class Submission:
    """One file an office sent: its raw rows with provenance, or why it was rejected."""

    office_id: str
    source_file: str  # file name as sent
    source_sha256: str
    format: str  # "xlsx", "xls", "ods", "csv", "json"; the extension's guess when unrecognisable
    rows: pd.DataFrame  # PROVENANCE_COLUMNS + RAW_COLUMNS + FORM_COLUMNS, object dtype, values str or None
    sheets: list[SheetReport]
    error: str | None = None  # set when the whole file is rejected; rows is then empty (with all columns)


def empty_rows() -> pd.DataFrame:
    """A raw-rows frame with every provenance and canonical column and no rows."""
    return pd.DataFrame({column: pd.Series(dtype=object) for column in FRAME_COLUMNS})


def _read(data: bytes, fmt: str, office: Office) -> list[TableRows | SheetReport]:
    if fmt in ("xlsx", "ods"):
        check_zip(data, fmt, office.limits)
    if fmt in ("xlsx", "xls", "ods"):
        return read_excel(data, office, fmt)
    if fmt == "csv":
        check_text(data, office.limits)
        return read_csv(data, office)
    if fmt == "html":
        return read_html(data, office)
    if fmt == "spreadsheetml":
        return read_spreadsheetml(data, office)
    if fmt == "dbf":
        return read_dbf(data, office)
    return read_json(data, office)


def _skipped_text(skipped: dict[str, int]) -> str:
    if not skipped:
        return ""
    return " (skipped: " + ", ".join(f"{n} {reason}" for reason, n in skipped.items()) + ")"


def _nothing_read(reports: list[SheetReport]) -> str:
    """Why a file yielded no participant row, sheet by sheet, grouped by reason."""
    reasons: dict[str, list[str]] = {}
    missing_header = False
    for report in reports:
        if report.header_row is None and not report.columns:
            reason = report.note or "no header row"
            missing_header = missing_header or "name or NIK" in reason
        else:
            if report.header_row is None:  # JSON records: fields, no header row
                reason = f"fields mapped but no participant records{_skipped_text(report.skipped)}"
            else:
                reason = (
                    f"header found at row {report.header_row} but no participant rows below it"
                    f"{_skipped_text(report.skipped)}"
                )
        reasons.setdefault(reason, []).append(report.sheet)
    parts = []
    for reason, sheets in reasons.items():
        named = [s for s in sheets if s]
        if not named:
            parts.append(reason)
        elif len(named) == 1:
            parts.append(f"sheet {named[0]!r}: {reason}")
        else:
            parts.append(f"sheets {', '.join(repr(s) for s in named)}: {reason}")
    message = "; ".join(parts) or "no sheets"
    if missing_header:
        message += f"; looked for {headers.looked_for()}"
    return message


def fill_tahun(table: TableRows, file_name: str) -> None:
    """Give a sheet without a year column the year its title rows, sheet name or file name state.

    Only a year that stands alone counts (see :func:`standalone_year`); the first of
    title, sheet name, file name that states one wins, and ``report.tahun_from`` says
    which. A sheet with a tahun column keeps its own values, empty cells included.
    """
    if headers.TAHUN in table.columns or not table.source_rows:
        return
    for source, text in (("title", table.report.title), ("sheet", table.report.sheet), ("file", Path(file_name).stem)):
        year = standalone_year(text)
        if year is not None:
            table.columns[headers.TAHUN] = [year] * len(table.source_rows)
            table.report.tahun_from = source
            return


# A level labelled in a title, sheet or file name: "OPERATOR JENJANG 3 (TIGA)", "Level III",
# "KKNI 6", "Jenjang-2"; and the expert grades, which are levels (Ahli Muda 7, Madya 8, Utama 9).
_STATED_LEVEL = re.compile(r"(?<![^\W\d_])(?:jenjang|jenj|kkni|level|lvl)[\s._\-:#]*(?:ke[\s\-]*)?(\d{1,2}|[ivx]{1,4})(?![^\W_])",
                           re.IGNORECASE)
# A second level right after the first: a range or a list ("Jenjang 1 s.d. 3", "Level 4, 5 dan 6",
# "KKNI 3/4") names several levels, none of them the sheet's.
_LEVEL_RANGE = re.compile(r"\s*(?:[-/&,+\u2013]|s\.?\s?d\.?|sampai|hingga|dan|atau|to)\s*(?:\d{1,2}|[ivx]{1,4})(?![^\W_])",
                          re.IGNORECASE)
_STATED_AHLI = re.compile(r"(?<![^\W\d_])ahli\s+(muda|madya|utama)(?![^\W\d_])", re.IGNORECASE)
_ROMAN_LEVELS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_AHLI_LEVELS = {"muda": 7, "madya": 8, "utama": 9}


def stated_jenjang(text: str | None) -> str | None:
    """The one KKNI level a title, sheet name or file name states, as raw level text ("Jenjang 3"), or None.

    Offices and LSPs keep one list per level ("DAFTAR PESERTA UJI KOMPETENSI OPERATOR JENJANG 3",
    a sheet "Jenjang 2", "Hasil UK Level III.xlsx") and then write no level on the rows. Only a
    labelled level counts (a bare "3" may be a batch or a page), and only one: a range or list
    ("Jenjang 1 s.d. 6", "Level 4, 5 dan 6"), two different levels or a number outside 1-9 give None.
    """
    if not text:
        return None
    spaced = text.replace("_", " ")
    levels: set[int] = set()
    for match in _STATED_LEVEL.finditer(spaced):
        if _LEVEL_RANGE.match(spaced, match.end()):
            return None
        written = match.group(1).lower()
        level = int(written) if written.isdigit() else _ROMAN_LEVELS.get(written)
        if level is None or not 1 <= level <= 9:
            return None
        levels.add(level)
    levels.update(_AHLI_LEVELS[m.group(1).lower()] for m in _STATED_AHLI.finditer(spaced))
    return f"Jenjang {levels.pop()}" if len(levels) == 1 else None


def fill_jenjang(table: TableRows, file_name: str) -> None:
    """Give a sheet without a level column the one level its title rows, sheet name or file name state.

    As :func:`fill_tahun` does for the year: the first of title, sheet name, file name that states
    a level (:func:`stated_jenjang`) wins. A sheet with a jenjang column keeps its own cells, empty
    ones included; a kualifikasi column does not stop it ("Operator" under a title "JENJANG 3" is
    jenjang 3). Standardization reads the text like any level cell.
    """
    if headers.JENJANG in table.columns or not table.source_rows:
        return
    for text in (table.report.title, table.report.sheet, Path(file_name).stem):
        level = stated_jenjang(text)
        if level is not None:
            table.columns[headers.JENJANG] = [level] * len(table.source_rows)
            return


# A list of one result only: "DAFTAR PESERTA YANG DINYATAKAN KOMPETEN", "NAMA-NAMA PESERTA YANG LULUS
# UJI KOMPETENSI", "Peserta Belum Kompeten", a sheet "Lulus" beside a sheet "Tidak Lulus".
_RESULT_WORDS = r"(belum\s+kompeten|blm\s+kompeten|tidak\s+kompeten|tidak\s+lulus|tdk\s+lulus|belum\s+lulus|kompeten|lulus)"
_STATED_RESULT = re.compile(
    r"(?<![^\W\d_])(?:dinyatakan|peserta(?:\s+yang)?(?:\s+telah|\s+sudah)?)\s+"
    + _RESULT_WORDS + r"(?![^\W\d_])(?:\s+([^\W\d_]+))?",
    re.IGNORECASE,
)
_ANY_RESULT = re.compile(r"(?<![^\W\d_])" + _RESULT_WORDS + r"(?![^\W\d_])", re.IGNORECASE)
_RESULT_SHEET = re.compile(r"^\s*(?:peserta\s+)?" + _RESULT_WORDS + r"(?:\s*[-_ ]?\s*(?:20\d\d))?\s*$", re.IGNORECASE)
# What a list passed, when it is not the assessment: a selection, the documents, a training.
_NOT_THE_ASSESSMENT = frozenset({"seleksi", "administrasi", "verifikasi", "berkas", "pelatihan", "bimtek", "diklat",
                                 "tes", "test", "wawancara", "psikotes", "pra"})


def stated_hasil(text: str | None, whole: bool = False) -> str | None:
    """The one assessment result a title (or, with ``whole``, a sheet name) says its list holds, or None.

    A title must name the list's people by it ("... YANG DINYATAKAN KOMPETEN", "PESERTA LULUS
    UJI KOMPETENSI", "Peserta Belum Kompeten"); a sheet name must be the result alone ("Lulus",
    "Tidak Lulus", "Kompeten 2025"). "Kompetensi" is no result; passing a selection, the documents
    or a training ("YANG LULUS SELEKSI ADMINISTRASI") is no assessment; two results give None.
    """
    if not text:
        return None
    spaced = " ".join(text.replace("_", " ").split())
    if whole:
        match = _RESULT_SHEET.match(spaced)
        words = [match.group(1)] if match else []
    else:
        words = [m.group(1) for m in _STATED_RESULT.finditer(spaced)
                 if (m.group(2) or "").lower() not in _NOT_THE_ASSESSMENT]
        if words:  # every result the title names must be that one ("PESERTA KOMPETEN DAN BELUM KOMPETEN")
            words += [m.group(1) for m in _ANY_RESULT.finditer(spaced)]
    found = {"Belum Kompeten" if w.split()[0].lower() in ("belum", "blm", "tidak", "tdk") else "Kompeten" for w in words}
    return found.pop() if len(found) == 1 else None


def fill_hasil(table: TableRows, file_name: str) -> None:
    """Give a sheet without a result column the one result its title rows or its name state.

    Offices publish the names of those who passed ("DAFTAR PESERTA YANG DINYATAKAN KOMPETEN") or
    keep the passed and the failed on sheets of their own ("Lulus", "Tidak Lulus"), with no result
    column: read as an attendance list, no one on them was certified. The file name is not read (a
    file holds both sheets: "Peserta Lulus dan Tidak Lulus.xlsx").
    """
    if headers.HASIL in table.columns or not table.source_rows:
        return
    stated = stated_hasil(table.report.title) or stated_hasil(table.report.sheet, whole=True)
    if stated is not None:
        table.columns[headers.HASIL] = [stated] * len(table.source_rows)


# A list of the assessment's own people, not its participants: the LSP's assessors ("TIM ASESOR",
# "Daftar Asesor Kompetensi"), the committee ("PANITIA PELAKSANA"), instructors and speakers. Their
# registration numbers ("MET.000.004512 2019", an assessor's) read as certificate numbers would make
# each of them a Kompeten.
_STAFF_LIST = re.compile(r"(?<![^\W\d_])(?:tim\s+)?(?:asesor|assessor|assessors|panitia|instruktur|narasumber|"
                         r"nara\s+sumber|fasilitator|pengajar|penguji|pelatih|trainers?|committee)(?![^\W\d_])",
                         re.IGNORECASE)
_PARTICIPANTS = re.compile(r"(?<![^\W\d_])(?:peserta|asesi|participants?|calon|tenaga\s+kerja|tkk|pekerja|"
                           r"lulusan|kompeten|hasil)(?![^\W\d_])", re.IGNORECASE)


def staff_list(title: str | None, sheet: str | None) -> bool:
    """True when a sheet's title rows or name say it lists the assessment's assessors, committee or
    instructors ("TIM ASESOR", a sheet "Panitia") and neither says participants ("PESERTA", "Asesi",
    "Hasil"): "DAFTAR PESERTA ... ASESOR: Ir. Suparno" is a participant list."""
    texts = [" ".join(t.replace("_", " ").split()) for t in (title, sheet) if t]
    return any(_STAFF_LIST.search(t) for t in texts) and not any(_PARTICIPANTS.search(t) for t in texts)


def drop_staff_lists(tables: list[TableRows]) -> None:
    """Empty the sheets that list the assessment's own people (:func:`staff_list`) and whose rows
    carry no NIK: a grouping of participants by their assessor ("Asesor Budi") keeps its NIKs."""
    for table in tables:
        niks = table.columns.get(headers.NIK) or []
        if not table.source_rows or any(niks) or not staff_list(table.report.title, table.report.sheet):
            continue
        dropped = len(table.source_rows)
        table.source_rows = []
        table.columns = {column: [] for column in table.columns}
        table.report.rows = 0
        table.report.skipped["staff_list"] = table.report.skipped.get("staff_list", 0) + dropped
        table.report.note = "; ".join(filter(None, [table.report.note,
                                                    "a list of assessors, committee or instructors, not participants"]))


def _frame(office: Office, name: str, sha: str, tables: list[tuple[str, TableRows]]) -> pd.DataFrame:
    data: dict[str, list] = {column: [] for column in FRAME_COLUMNS}
    for sheet, table in tables:
        fill_tahun(table, name)
        fill_jenjang(table, name)
        fill_hasil(table, name)
        n = len(table.source_rows)
        data[headers.OFFICE_ID] += [office.id] * n
        data[headers.SOURCE_FILE] += [name] * n
        data[headers.SOURCE_SHA256] += [sha] * n
        data[headers.SOURCE_SHEET] += [sheet] * n
        data[headers.SOURCE_ROW] += map(str, table.source_rows)
        for column in headers.RAW_COLUMNS + headers.FORM_COLUMNS:
            values = table.columns.get(column)
            data[column] += values if values is not None else [None] * n
    return pd.DataFrame(data, columns=list(FRAME_COLUMNS), dtype=object)


def read_submission(path: Path, office: Office, name: str | None = None) -> Submission:
    """Read one file an office sent into raw rows, or reject it with a reason.

    Never raises for a bad file: an empty, corrupt or unrecognisable file, one
    without a header in any sheet, or one with a header but no participant rows
    comes back with ``error`` set ("office <id>, file <name>: <what is wrong>")
    and an empty ``rows`` frame that still has every column.
    """
    path = Path(path)
    # The name kept as provenance (sources.landing.submission_name: its path inside the office's
    # folder); undecodable bytes, newlines, bidi overrides escaped.
    name = name or printable_name(path.name)
    fmt = _EXTENSION_FORMATS.get(path.suffix.lower(), "unknown")
    sha = ""
    sheets: list[SheetReport] = []

    def rejected(reason: str) -> Submission:
        # "office x, file y, sheet 'z': ..." reads as one address when the reason starts with a sheet
        separator = ", " if reason.startswith(("sheet ", "sheets ")) else ": "
        error = f"office {office.id}, file {name}{separator}{reason}"
        return Submission(office.id, name, sha, fmt, empty_rows(), sheets, error)

    if path.is_symlink():
        # Never followed: a link can point at another office's data, /etc or /proc.
        sha = sha256_of(path)
        return rejected("a symbolic link, not a file; the pipeline reads only regular files in the landing folder")
    try:
        check_file_size(path.stat().st_size, office.limits)
        data = path.read_bytes()
    except SubmissionRejected as reason:
        sha = sha256_of(path)
        return rejected(str(reason))
    except OSError as error:
        return rejected(f"cannot read the file ({error.strerror or error})")
    sha = hashlib.sha256(data).hexdigest()
    try:
        fmt = detect_format(data, name)
        if fmt in _TEXT_FORMATS:
            data = without_nuls(data)
        results = _read(data, fmt, office)
        tables = [(r.report.sheet, r) for r in results if isinstance(r, TableRows)]
        drop_sheet_copies([table for _, table in tables])
        drop_recap_repeats([table for _, table in tables])
        drop_staff_lists([table for _, table in tables])
        read = {id(table) for _, table in tables}
        tables = split_jabatan_choices(tables)
        sheets = [r.report if isinstance(r, TableRows) else r for r in results]
        sheets += [table.report for _, table in tables if id(table) not in read]
        if not any(table.source_rows for _, table in tables):
            raise SubmissionRejected(_nothing_read(sheets))
        rows = _frame(office, name, sha, tables)
    except SubmissionRejected as reason:
        return rejected(str(reason))
    except RecursionError:
        return rejected(f"{fmt} nested too deeply to read (more than about 1,000 levels): not a participant export")
    except MemoryError:
        return rejected(f"reading it as {fmt} ran out of memory: far larger inside than any participant list")
    except Exception as error:  # a file shape nobody foresaw must not stop the office's other files
        return rejected(f"unexpected error while reading as {fmt} ({type(error).__name__}: {error})")
    return Submission(office.id, name, sha, fmt, rows, sheets)
