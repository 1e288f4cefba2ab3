"""Feedback reports: one xlsx per submission, to send back to the office.

Each report lists every rejected or flagged row of one file with its original
values, the problem and the fix expected (in Indonesian, the offices'
language), plus a summary sheet. Cells a spreadsheet would execute are
neutralised: an office's own "=HYPERLINK(...)" must not run on our report.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import xlsxwriter

from expectations.catalogue import rule as catalogue_rule
from sources.headers import RAW_COLUMNS
from sources.registry import Office

ROW_KEY = ["source_file", "source_sha256", "source_sheet", "source_row"]
# Cells beginning with these are formulas (or DDE) to Excel, LibreOffice and Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
AKIBAT = {"reject": "ditolak (karantina)", "flag": "ditandai (tetap dihitung)"}
SKIPPED_RULES = {"superseded_by_revision"}  # not a problem in the rows: a correction replaced them


def neutralise(value: object) -> object:
    """Make a text cell inert: a leading formula character gets an apostrophe in front."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _safe_name(file_name: str) -> str:
    return re.sub(r"[^\w.\- ]+", "_", Path(file_name).stem).strip() or "berkas"


def problem_rows(raw: pd.DataFrame, quarantine: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """All rejected and flagged rows with rule, consequence, message, fix and the original values."""
    parts = []
    for frame in (quarantine, flags):
        if len(frame):
            parts.append(frame[ROW_KEY + ["rule", "column", "value"]])
    if not parts:
        return pd.DataFrame(columns=ROW_KEY + ["rule", "akibat", "masalah", "perbaikan", "column", "value", *RAW_COLUMNS])
    problems = pd.concat(parts, ignore_index=True)
    problems = problems[~problems["rule"].isin(SKIPPED_RULES)]
    rules = {code: catalogue_rule(code) for code in problems["rule"].unique()}
    problems["akibat"] = problems["rule"].map(lambda code: AKIBAT.get(rules[code].consequence, rules[code].consequence))
    problems["masalah"] = problems["rule"].map(lambda code: rules[code].pesan)
    problems["perbaikan"] = problems["rule"].map(lambda code: rules[code].perbaikan)
    original = raw[ROW_KEY + list(RAW_COLUMNS)]
    merged = problems.merge(original, on=ROW_KEY, how="left")
    return merged.sort_values(["source_file", "source_sheet", "source_row", "rule"]).reset_index(drop=True)


def write_feedback_reports(
    folder: Path, office: Office, raw: pd.DataFrame, quarantine: pd.DataFrame, flags: pd.DataFrame, log: pd.DataFrame
) -> list[Path]:
    """Write one report per file in the submission log; returns the paths written."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)  # reports describe the current files only
    folder.mkdir(parents=True)
    problems = problem_rows(raw, quarantine, flags)
    written = []
    for entry in log.itertuples(index=False):
        # A file is its name and its bytes: an identical copy shares the sha with the file that counts.
        mine = problems[(problems["source_file"] == entry.source_file) & (problems["source_sha256"] == entry.source_sha256)]
        path = folder / f"umpan_balik_{_safe_name(entry.source_file)}_{entry.source_sha256[:8]}.xlsx"
        _write_one(path, office, entry, mine)
        written.append(path)
    return written


def _file_rule_lines(entry) -> list[tuple[str, str]]:
    """What the office should do about a file the submission suite rejected, in its own words.

    A file that looks like another office's ("file_from_other_office") says so in
    plain words: the office may not read the reason's evidence, but must know the
    file was not counted and should go to its owner.
    """
    code = getattr(entry, "rule", None)
    if entry.status != "rejected" or not isinstance(code, str) or not code:
        return []
    rule = catalogue_rule(code)
    lines = [("Aturan berkas", code), ("Masalah berkas", rule.pesan), ("Perbaikan yang diharapkan", rule.perbaikan)]
    if code == "file_from_other_office":
        lines.append(("Catatan", "Baris berkas ini TIDAK dihitung untuk dinas Anda; periksa folder kiriman Anda"))
    return lines


def _write_one(path: Path, office: Office, entry, problems: pd.DataFrame) -> None:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    bold = workbook.add_format({"bold": True})
    summary = workbook.add_worksheet("Ringkasan")
    flagged_rows = problems[problems["akibat"] == AKIBAT["flag"]].drop_duplicates(["source_sheet", "source_row"])
    lines = [
        ("Dinas", office.name),
        ("Berkas", entry.source_file),
        ("SHA-256", entry.source_sha256),
        ("Status berkas", "ditolak" if entry.status == "rejected" else "diterima"),
        ("Alasan penolakan berkas", entry.reason if entry.status == "rejected" else ""),
        *_file_rule_lines(entry),
        ("Baris diterima dari berkas", int(entry.rows_read)),
        ("Baris dipakai", int(entry.rows_accepted)),
        ("Baris ditandai (tetap dihitung)", int(len(flagged_rows))),
        ("Baris ditolak (karantina)", int(entry.rows_quarantined)),
    ]
    for row, (label, value) in enumerate(lines):
        summary.write_string(row, 0, label, bold)
        if isinstance(value, str):
            summary.write_string(row, 1, neutralise(value))
        else:
            summary.write_number(row, 1, value)
    start = len(lines) + 1
    for column, title in enumerate(("Aturan", "Akibat", "Jumlah baris", "Masalah", "Perbaikan")):
        summary.write_string(start, column, title, bold)
    counts = problems.groupby(["rule", "akibat", "masalah", "perbaikan"]).size().reset_index(name="n")
    for offset, item in enumerate(counts.itertuples(index=False), start=1):
        summary.write_string(start + offset, 0, item.rule)
        summary.write_string(start + offset, 1, item.akibat)
        summary.write_number(start + offset, 2, int(item.n))
        summary.write_string(start + offset, 3, item.masalah)
        summary.write_string(start + offset, 4, item.perbaikan)
    summary.set_column(0, 0, 32)
    summary.set_column(1, 4, 40)

    sheet = workbook.add_worksheet("Baris bermasalah")
    headers = ["Sheet", "Baris", "Aturan", "Akibat", "Masalah", "Perbaikan", "Kolom", "Nilai", *RAW_COLUMNS]
    for column, title in enumerate(headers):
        sheet.write_string(0, column, title, bold)
    fields = ["source_sheet", "source_row", "rule", "akibat", "masalah", "perbaikan", "column", "value", *RAW_COLUMNS]
    for row, values in enumerate(problems[fields].itertuples(index=False, name=None), start=1):
        for column, value in enumerate(values):
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if column == 1:
                sheet.write_number(row, column, int(value))
            else:
                sheet.write_string(row, column, neutralise(str(value)))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(problems), 1), len(headers) - 1)
    workbook.close()
