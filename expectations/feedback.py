"""Feedback reports: one xlsx per submission with something to report, to send back to the office.

Everything a clerk reads is Indonesian: the file's verdict (the reader's English
reason is translated into a sentence and a fix; the English stays in the
engineers' logs and the quarantine table), a summary sheet first with one line
per rule ("273 baris: ..."), then every rejected or flagged row with the
offending cell in its own column. A rule that describes an office-wide habit
(``habit: true`` in rules.yaml) and hits more than half of a file's rows is
reported once for the file instead of once per row, so it does not bury the
real NIK problems. Files with nothing to report get no report.
A report whose content did not change since the last run is left as it is (its
content key is stored in the workbook), so a re-run writes only what changed.

The workbook is streamed (xlsxwriter ``constant_memory``: each row is flushed
as it is written), so a 200,000-row file's report costs little memory. Cells a
spreadsheet would execute are neutralised: an office's own "=HYPERLINK(...)"
must not run on our report.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import xlsxwriter

from expectations.catalogue import RULES_YAML
from expectations.catalogue import rule as catalogue_rule
from expectations.submission import COUNTED_ELSEWHERE
from sources.filenames import derived_file_name
from sources.headers import RAW_COLUMNS
from sources.registry import Office

RAW_COLUMNS_MODULE = "sources.headers"

ROW_KEY = ["source_file", "source_sha256", "source_sheet", "source_row"]
# Cells beginning with these are formulas (or DDE) to Excel, LibreOffice and Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
AKIBAT = {"reject": "tidak dipakai (karantina)", "flag": "ditandai (tetap dihitung)", "info": "informasi (tidak perlu diperbaiki)"}
# Not a problem in the file: a correction replaced it, and the correction's own report says what to fix.
SKIPPED_RULES = {"superseded_by_revision"}
PARTICIPATION_ONLY = "participation_only"
HABIT_SHARE = 0.5  # a habit rule hitting more than this share of a file's rows is one finding for the file
# Findings listed row by row per file: a clerk fixes a pattern, not 99,000 rows one by one, and
# writing 99,000 rows x 12 cells took 20 s of a run. The summary keeps every count.
MAX_LISTED_FINDINGS = 5_000
# A report's content key covers the sources of what it shows besides the data (this module's layout
# and texts, the rule messages, the column labels, the report names): changing one rewrites every report.
LAYOUT_KEY = hashlib.sha256(b"".join(
    hashlib.sha256(path.read_bytes()).digest()
    for path in (Path(__file__), RULES_YAML, Path(sys.modules[RAW_COLUMNS_MODULE].__file__),
                 Path(sys.modules[derived_file_name.__module__].__file__))
)).hexdigest()
# A report listing more rows than this is streamed to disk; a smaller one is built in memory: xlsxwriter's
# temporary files (eleven per workbook) cost more than the whole of a small report.
STREAM_ABOVE_ROWS = 1_000
KEY_PROPERTY = "kode_isi"  # the custom document property holding a report's content key

# Column names the clerk reads, for the canonical columns the rules point at.
LABELS = {
    "nama": "Nama",
    "nik": "NIK",
    "tempat_tanggal_lahir": "Tempat, tanggal lahir",
    "tempat_lahir": "Tempat lahir",
    "tanggal_lahir": "Tanggal lahir",
    "jenis_kelamin": "Jenis kelamin",
    "jabatan_kerja": "Jabatan kerja",
    "jenjang": "Jenjang",
    "kualifikasi": "Kualifikasi",
    "hasil": "Hasil",
    "nomor_sertifikat": "Nomor sertifikat",
    "tanggal_terbit": "Tanggal terbit",
    "masa_berlaku": "Masa berlaku",
    "program": "Program",
    "tahun": "Tahun",
}
# The cells of the office's own row that show what a rule saw (first non-empty wins within a tuple;
# a rule comparing two cells shows both). NIK rules point at the NIK cell even where the
# standardized column was emptied because the NIK could not be kept.
RULE_CELLS: dict[str, tuple[tuple[str, ...], ...]] = {
    "nik_invalid": (("nik",),),
    "nik_missing": (("nik",),),
    "nik_excel_damaged": (("nik",),),
    "nik_birth_date_mismatch": (("nik",), ("tanggal_lahir", "tempat_tanggal_lahir")),
    "nik_sex_mismatch": (("nik",), ("jenis_kelamin",)),
    "no_identity": (("nama",), ("nik",)),
    "jenjang_missing": (("jenjang", "kualifikasi", "jabatan_kerja"),),
    "jenjang_unreadable": (("jenjang", "kualifikasi", "jabatan_kerja"),),
    "kualifikasi_inconsistent": (("jenjang",), ("kualifikasi",)),
    "level_outside_authority": (("jenjang", "kualifikasi", "jabatan_kerja"),),
    "issue_date_in_future": (("tanggal_terbit",),),
    "issue_date_before_program": (("tanggal_terbit",), ("tahun",)),
    "expiry_not_five_years": (("tanggal_terbit",), ("masa_berlaku",)),
    "kompeten_without_certificate": (("hasil",), ("nomor_sertifikat",)),
    "certificate_repeated": (("nomor_sertifikat",),),
}

# The reader's English reasons for an unreadable file, as a sentence and a fix for the clerk.
# First match wins; the rule's own catalogue message is the fallback.
FILE_REASONS: tuple[tuple[re.Pattern, str, str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), pesan, perbaikan)
    for pattern, pesan, perbaikan in (
        (r"empty file \(0 bytes\)", "Berkas kosong: ukurannya 0, tidak ada isinya",
         "Kirim ulang berkas yang berisi daftar peserta; periksa apakah berkas sudah tersimpan sebelum dikirim"),
        (r"zip archive that is not an Excel workbook", "Berkas ini arsip ZIP, bukan buku kerja Excel",
         "Keluarkan (ekstrak) berkas Excel dari arsip ZIP lalu kirim berkas Excel-nya"),
        (r"corrupt or truncated|bad zip|damaged zip member|corrupt (xlsx|xls|ods) file",
         "Berkas Excel rusak atau terpotong (kemungkinan pengiriman atau unduhan terputus)",
         "Buka berkas di komputer Anda; bila terbuka normal, simpan ulang sebagai .xlsx dan kirim ulang, "
         "bila tidak, kirim dari salinan aslinya"),
        (r"cannot read the (xlsx|xls|ods) workbook", "Buku kerja Excel tidak dapat dibuka",
         "Simpan ulang berkas sebagai .xlsx (Excel Workbook) lalu kirim ulang"),
        (r"unknown format", "Jenis berkas tidak dikenali (bukan Excel .xlsx/.xls, CSV, atau JSON)",
         "Simpan daftar peserta sebagai Excel (.xlsx) atau CSV lalu kirim ulang"),
        (r"no header row with a name or NIK column in the first (\d+) rows",
         "Tidak ada baris judul kolom dengan kolom Nama atau NIK pada {0} baris pertama",
         "Pastikan daftar peserta memiliki satu baris judul kolom (misalnya Nama, NIK, Jenjang, Hasil) tepat di atas data peserta"),
        (r"header found at row (\d+) but no participant rows below it",
         "Baris judul kolom ada di baris {0}, tetapi di bawahnya tidak ada baris peserta",
         "Isi data peserta di bawah baris judul kolom, atau kirim berkas yang sudah terisi"),
        (r"cannot decode as|corrupt UTF-16 text|not UTF-8",
         "Teks berkas tidak dapat dibaca (pengodean huruf tidak sesuai)",
         "Simpan ulang dari Excel dengan pilihan 'CSV UTF-8 (Comma delimited)' lalu kirim ulang"),
        (r"cannot parse as CSV near line (\d+)",
         "Berkas CSV tidak dapat diurai di sekitar baris {0} (tanda kutip atau pemisah kolom tidak berpasangan)",
         "Simpan ulang dari Excel sebagai CSV lalu kirim ulang; jangan menyunting CSV dengan pengolah kata"),
        (r"not valid JSON", "Berkas JSON tidak valid (terpotong atau salah format)",
         "Ekspor ulang data dari aplikasi sumber lalu kirim ulang"),
        (r"more than one list of records",
         "Berkas JSON berisi lebih dari satu daftar sehingga daftar peserta tidak dapat dipastikan",
         "Kirim satu daftar peserta per berkas"),
        (r"list of records .* is empty|fields mapped but no participant records",
         "Berkas JSON tidak berisi data peserta", "Ekspor ulang data setelah daftar peserta terisi"),
        (r"cannot read the file", "Berkas tidak dapat dibuka", "Kirim ulang berkas"),
        (r"empty sheet|no sheets", "Buku kerja tidak berisi lembar yang terisi", "Kirim berkas yang berisi daftar peserta"),
    )
)


def neutralise(value: object) -> object:
    """Make a text cell inert: a leading formula character gets an apostrophe in front."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def file_verdict(rule_code: str | None, reason: str | None) -> tuple[str, str] | None:
    """What the clerk reads about a rejected file: (problem, fix) in Indonesian, or None if the file is fine.

    ``reason`` is the engineers' English; only a reader's reason for an unreadable file
    adds anything the rule's own message lacks (which of corrupt, empty, no header, ...),
    so it is mapped to its Indonesian sentence. Numbers it names (rows scanned, a CSV
    line) are carried over; sheet and file names are not, they are the office's own.
    """
    if not isinstance(rule_code, str) or not rule_code:
        return None
    rule = catalogue_rule(rule_code)
    if rule_code == "file_unreadable" and isinstance(reason, str):
        for pattern, pesan, perbaikan in FILE_REASONS:
            match = pattern.search(reason)
            if match:
                return pesan.format(*match.groups()), perbaikan
    detail = _suite_detail(rule_code, reason) if isinstance(reason, str) else ""
    return rule.pesan + detail, rule.perbaikan


# What a whole-file rule's English reason names that the clerk needs: whose region the
# file seems to be, which earlier file it repeats, the share of home-province NIKs.
_SUITE_DETAILS = {
    "file_from_other_office": (re.compile(r"appears to come from (.+?\([\d.]+\))"), ". Tampaknya berasal dari {0}"),
    # the English "(byte-identical)" / "(row-identical)" after the name stays in the log
    "duplicate_submission": (
        re.compile(r"re-submission of an earlier file: (.+?)(?: \((?:byte|row)-identical\))?$"), " (sama dengan berkas {0})"
    ),
    "foreign_office_data": (re.compile(r"(\d+%) of NIKs from province"), " (hanya {0} NIK dari provinsi dinas Anda)"),
    "copy_of_other_office": (re.compile(r"the same file is (.+?)'s, where its rows count"), ". Berkas ini dihitung pada {0}"),
    "counted_at_other_office": (re.compile(r"not at this one: (.+? \([\w.-]+\))"), ". Berkas ini dihitung pada {0}"),
}


def _suite_detail(rule_code: str, reason: str) -> str:
    pattern, template = _SUITE_DETAILS.get(rule_code, (None, ""))
    match = pattern.search(reason) if pattern else None
    return template.format(*match.groups()) if match else ""


@dataclass
class FileFindings:
    """What one file's report says: the summary lines and the rows listed one by one."""

    lines: pd.DataFrame  # jumlah, temuan, akibat, cakupan (one per rule)
    rows: pd.DataFrame  # the rows listed in the detail sheet (at most MAX_LISTED_FINDINGS)
    rows_total: int = 0  # findings to list before the cap

    @property
    def empty(self) -> bool:
        return self.lines.empty


def _cell_value(frame: pd.DataFrame, rule_code: str, column: str) -> pd.Series:
    """The office's own cell(s) a rule saw, e.g. the NIK as typed, joined as 'NIK: ...; Tanggal lahir: ...'."""
    groups = RULE_CELLS.get(rule_code) or (((column,),) if column in RAW_COLUMNS else ())
    parts = []
    for candidates in groups:
        value = pd.Series([None] * len(frame), index=frame.index, dtype=object)
        label = pd.Series([None] * len(frame), index=frame.index, dtype=object)
        for candidate in candidates:
            if candidate not in frame.columns:
                continue
            cell = frame[candidate].astype(object).where(frame[candidate].notna(), None)
            cell = cell.map(lambda v: None if v is None or str(v).strip() == "" else str(v))
            fill = value.isna() & cell.notna()
            value[fill] = cell[fill]
            label[fill] = LABELS.get(candidate, candidate)
        parts.append((label, value))
    if not parts:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    if len(parts) == 1:
        # one cell: the value alone (an empty cell shows as "(kosong)")
        return parts[0][1].fillna("(kosong)")
    texts = [
        (lab.fillna(LABELS.get(cands[0], cands[0])) + ": " + val.fillna("(kosong)"))
        for (lab, val), cands in zip(parts, groups)
    ]
    joined = texts[0]
    for text in texts[1:]:
        joined = joined + "; " + text
    return joined


def _column_label(rule_code: str, column: object) -> str:
    """The column the clerk should look at: the rule's own, else the cells it compares ("Nama, NIK")."""
    if isinstance(column, str) and column in LABELS:
        return LABELS[column]
    return ", ".join(LABELS.get(candidates[0], candidates[0]) for candidates in RULE_CELLS.get(rule_code, ()))


def problem_rows(raw: pd.DataFrame, quarantine: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """All rejected and flagged rows of row rules, with the rule, its messages and the office's own cells.

    Rows quarantined because their whole file was rejected are left out: the file's
    verdict says it once.
    """
    columns = ROW_KEY + ["rule", "column", "akibat", "masalah", "perbaikan", "kolom", "nilai", *RAW_COLUMNS]
    parts = [frame[ROW_KEY + ["rule", "column"]] for frame in (quarantine, flags) if len(frame)]
    if not parts:
        return pd.DataFrame(columns=columns)
    problems = pd.concat(parts, ignore_index=True)
    stages = {code: catalogue_rule(code) for code in problems["rule"].unique()}
    problems = problems[problems["rule"].map(lambda code: stages[code].stage == "row")]
    if problems.empty:
        return pd.DataFrame(columns=columns)
    original = raw[ROW_KEY + list(RAW_COLUMNS)]
    merged = problems.merge(original, on=ROW_KEY, how="left")
    merged["akibat"] = merged["rule"].map(lambda code: AKIBAT.get(stages[code].consequence, stages[code].consequence))
    merged["masalah"] = merged["rule"].map(lambda code: stages[code].pesan)
    merged["perbaikan"] = merged["rule"].map(lambda code: stages[code].perbaikan)
    merged["kolom"] = [_column_label(code, column) for code, column in zip(merged["rule"], merged["column"])]
    merged["nilai"] = ""
    for code, index in merged.groupby("rule").groups.items():
        part = merged.loc[index]
        merged.loc[index, "nilai"] = _cell_value(part, code, str(part["column"].iloc[0])).to_numpy()
    merged["_row"] = pd.to_numeric(merged["source_row"], errors="coerce")
    merged = merged.sort_values(["source_file", "source_sheet", "_row", "rule"], kind="stable")
    return merged.drop(columns="_row").reset_index(drop=True)[columns]


def file_findings(entry, problems: pd.DataFrame, participation_rows: int) -> FileFindings:
    """The summary lines of one file and the rows its detail sheet lists."""
    lines = []
    rows_used = int(entry.rows_accepted)
    listed = problems
    if len(problems):
        counts = problems.groupby("rule", sort=False).size()
        habits = []
        for code, n in counts.items():
            rule = catalogue_rule(code)
            habit = rule.habit and rows_used > 0 and n > HABIT_SHARE * rows_used
            if habit:
                habits.append(code)
                temuan = (f"Kebiasaan pada berkas ini ({int(n)} dari {rows_used} baris): {rule.pesan}. {rule.perbaikan}. "
                          "Baris-barisnya tidak dirinci satu per satu")
                cakupan = "seluruh berkas"
            else:
                temuan = f"{int(n)} baris: {rule.pesan}. {rule.perbaikan}"
                cakupan = "per baris (lihat lembar Baris bermasalah)"
            order = 0 if rule.consequence == "reject" else 1
            lines.append({"_order": order, "jumlah": int(n), "temuan": temuan,
                          "akibat": AKIBAT.get(rule.consequence, rule.consequence), "cakupan": cakupan})
        listed = problems[~problems["rule"].isin(habits)]
    if participation_rows:
        rule = catalogue_rule(PARTICIPATION_ONLY)
        lines.append({"_order": 2, "jumlah": int(participation_rows),
                      "temuan": f"{participation_rows} baris: {rule.pesan}. {rule.perbaikan}",
                      "akibat": AKIBAT["info"], "cakupan": "informasi"})
    frame = pd.DataFrame(lines, columns=["_order", "jumlah", "temuan", "akibat", "cakupan"])
    frame = frame.sort_values(["_order", "jumlah"], ascending=[True, False], kind="stable").drop(columns="_order")
    return FileFindings(lines=frame.reset_index(drop=True), rows=listed.head(MAX_LISTED_FINDINGS).reset_index(drop=True),
                        rows_total=len(listed))


def _participation_counts(standardized: pd.DataFrame | None) -> dict[tuple[str, str], int]:
    """Per (file, sha): rows accepted as participants only (attendance or registration lists)."""
    if standardized is None or standardized.empty or "flags" not in standardized.columns:
        return {}
    flags = standardized["flags"].astype("string").fillna("")
    hit = standardized[flags.str.split(";").map(lambda parts: PARTICIPATION_ONLY in parts)]
    return {key: int(n) for key, n in hit.groupby(["source_file", "source_sha256"]).size().items()}


class Reports(list):
    """The paths of an office's current reports; ``rewritten`` of them were written by this run,
    the others were unchanged and left as they were."""

    rewritten: int = 0


def write_feedback_reports(
    folder: Path,
    office: Office,
    raw: pd.DataFrame,
    quarantine: pd.DataFrame,
    flags: pd.DataFrame,
    log: pd.DataFrame,
    standardized: pd.DataFrame | None = None,
) -> Reports:
    """Write one report per file with something to report; returns the paths of the current reports.

    Something to report: the file was rejected (except when a correction replaced it),
    or rows of it were quarantined, flagged, or accepted as participants only. A report
    whose content is unchanged is not rewritten; reports of files gone or now clean are removed.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    problems = problem_rows(raw, quarantine, flags)
    by_file = {key: part for key, part in problems.groupby(["source_file", "source_sha256"], sort=False)}
    participation = _participation_counts(standardized)
    reports = Reports()
    for entry in log.itertuples(index=False):
        # A file is its name and its bytes: an identical copy shares the sha with the file that counts.
        key = (entry.source_file, entry.source_sha256)
        rule_code = getattr(entry, "rule", None)
        if entry.status == "rejected" and rule_code in SKIPPED_RULES:
            continue
        # A file counted at the office it belongs to is accepted, but its office should hear of it.
        told = entry.status == "rejected" or rule_code == COUNTED_ELSEWHERE
        verdict = file_verdict(rule_code, entry.reason) if told else None
        findings = file_findings(entry, by_file.get(key, problems.iloc[0:0]), participation.get(key, 0))
        if verdict is None and findings.empty:
            continue
        # A short derived name: the office's own may be 255 bytes, hold newlines or bidi overrides.
        path = folder / derived_file_name(entry.source_file, entry.source_sha256, "umpan_balik", ".xlsx")
        content = _report_content(office, entry, verdict, findings)
        if _stored_key(path) != content.key:
            _write_one(path, content)
            reports.rewritten += 1
        reports.append(path)
    _remove_stale(folder, {path.name for path in reports})
    return reports


def _remove_stale(folder: Path, current: set[str]) -> None:
    """Remove everything in the folder but the current reports: reports describe the current files only."""
    for item in folder.iterdir():
        if item.name in current:
            continue
        if item.is_dir() and not item.is_symlink():
            shutil.rmtree(item)
        else:
            item.unlink(missing_ok=True)


def _stored_key(path: Path) -> str | None:
    """The content key a report was written with, or None (no report, or not one this writer can read)."""
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("docProps/custom.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    match = re.search(rf'name="{KEY_PROPERTY}"><vt:lpwstr>([0-9a-f]{{64}})</vt:lpwstr>', xml)
    return match.group(1) if match else None


ROWS_FIELDS = ["source_sheet", "source_row", "masalah", "kolom", "nilai", "perbaikan", "akibat", *RAW_COLUMNS]
ROWS_HEADERS = ["Lembar", "Baris", "Masalah", "Kolom", "Nilai di berkas", "Perbaikan", "Akibat",
                *(LABELS.get(c, c) for c in RAW_COLUMNS)]


@dataclass(frozen=True)
class _ReportContent:
    """Everything one report shows, ready to write, and the key of that content."""

    summary: list[tuple[str, object]]  # (label, value) lines
    lines: list[tuple[int, str, str, str]]  # jumlah, temuan, akibat, cakupan
    no_lines_text: str  # what the summary says when there are no lines
    cells: list[list[object]]  # the rows sheet, column by column: None (empty), int or neutralised text
    widths: list[int]  # the rows sheet's column widths
    key: str


def _report_content(office: Office, entry, verdict: tuple[str, str] | None, findings: FileFindings) -> _ReportContent:
    """One report's content: the summary, the rule lines and the rows sheet's cells, with their key."""
    summary = _summary_lines(office, entry, verdict, findings)
    lines = [(int(n), str(t), str(a), str(c)) for n, t, a, c in
             findings.lines[["jumlah", "temuan", "akibat", "cakupan"]].itertuples(index=False, name=None)]
    no_lines_text = ("Baris berkas ini tidak diperiksa satu per satu karena seluruh berkas ditolak"
                     if verdict is not None else "Tidak ada temuan pada baris berkas ini")
    cells, widths = _rows_sheet_cells(findings.rows)
    digest = hashlib.sha256(LAYOUT_KEY.encode())
    digest.update(repr((summary, lines, no_lines_text, cells, widths)).encode("utf-8", "surrogatepass"))
    return _ReportContent(summary, lines, no_lines_text, cells, widths, digest.hexdigest())


def _rows_sheet_cells(data: pd.DataFrame) -> tuple[list[list[object]], list[int]]:
    """The rows sheet's cells column by column, and each column's width from its title and first 500 values.

    A row number that is all digits is a number; every other value is text made inert
    (:func:`neutralise`); a missing value is an empty cell.
    """
    # one conversion for the whole sheet: per-column pandas calls cost more than a small report;
    # a copy, since a frame of one object block hands out a read-only view (copy-on-write)
    block = data[ROWS_FIELDS].to_numpy(dtype=object, copy=True)
    block[pd.isna(block)] = None
    columns = block.T.tolist() if len(block) else [[] for _ in ROWS_FIELDS]
    cells, widths = [], []
    for field, title, values in zip(ROWS_FIELDS, ROWS_HEADERS, columns):
        texts = [None if v is None else str(v) for v in values]
        cap = 70 if field in ("masalah", "perbaikan") else 40
        widths.append(_width([title, *texts[:500]], cap=cap))
        if field == "source_row":
            cells.append([None if t is None else int(t) if t.isdigit() else neutralise(t) for t in texts])
        else:
            cells.append([None if t is None else neutralise(t) for t in texts])
    return cells, widths


def _width(values, floor: int = 8, cap: int = 60) -> int:
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    return max(floor, min(cap, longest + 2))


def _angka(n: int) -> str:
    """A count as Indonesians write it: 99.000."""
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True)
class _ReportFormats:
    """The cell formats of one report workbook (xlsxwriter formats belong to their workbook)."""

    header: object  # a table's column titles: bold on light blue, bordered
    label: object  # the summary's labels: bold
    wrap: object  # the summary's long texts: wrapped, top-aligned


def _write_one(path: Path, content: _ReportContent) -> None:
    """Write one file's report: the summary sheet first, then the rows sheet, with its content key."""
    # constant_memory streams rows to disk as they are written (rows must go in order, sheet by sheet),
    # through a temporary file per part; a small report is assembled in memory instead, without them.
    streamed = len(content.cells[0]) > STREAM_ABOVE_ROWS
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": streamed, "in_memory": not streamed,
                                              "strings_to_formulas": False, "strings_to_urls": False})
    workbook.set_custom_property(KEY_PROPERTY, content.key)
    formats = _ReportFormats(
        header=workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
        label=workbook.add_format({"bold": True}),
        wrap=workbook.add_format({"text_wrap": True, "valign": "top"}),
    )
    summary = workbook.add_worksheet("Ringkasan")
    row = _write_summary_lines(summary, formats, content.summary)
    _write_findings_table(summary, formats, row + 1, content)
    _write_rows_sheet(workbook.add_worksheet("Baris bermasalah"), formats, content)
    workbook.close()

def _summary_lines(office: Office, entry, verdict: tuple[str, str] | None, findings: FileFindings) -> list[tuple[str, object]]:
    """The summary's (label, value) lines: whose file, its verdict, its row counts, its SHA-256."""
    flagged_rows = findings.rows.drop_duplicates(["source_sheet", "source_row"]) if len(findings.rows) else findings.rows
    lines: list[tuple[str, object]] = [
        ("Dinas", office.name),
        ("Berkas", entry.source_file),
        ("Status berkas", "DITOLAK: tidak ada baris yang dihitung" if entry.status == "rejected" else "diterima"),
    ]
    if verdict is not None:
        lines += [("Masalah berkas", verdict[0]), ("Perbaikan yang diharapkan", verdict[1])]
        if getattr(entry, "rule", None) == "file_from_other_office":
            lines.append(("Catatan", "Baris berkas ini TIDAK dihitung untuk dinas Anda; periksa folder kiriman Anda"))
        elif getattr(entry, "rule", None) == COUNTED_ELSEWHERE:
            lines.append(("Catatan", "Baris berkas ini dihitung untuk dinas pemiliknya, tidak untuk dinas Anda; "
                                     "periksa folder kiriman Anda"))
    lines += [
        ("Baris dibaca dari berkas", int(entry.rows_read)),
        ("Baris dipakai", int(entry.rows_accepted)),
        ("Baris tidak dipakai (karantina)", int(entry.rows_quarantined)),
        ("Baris dirinci di lembar Baris bermasalah", int(len(flagged_rows))),
    ]
    if findings.rows_total > len(findings.rows):
        lines.append(("Catatan rincian", f"hanya {_angka(len(findings.rows))} temuan pertama dari {_angka(findings.rows_total)} "
                      "yang dirinci; jumlah tiap temuan ada di tabel di bawah. Perbaiki polanya lalu kirim ulang berkas"))
    lines += [
        ("Kode berkas (SHA-256)", entry.source_sha256),
    ]
    return lines


def _write_summary_lines(summary, formats: _ReportFormats, lines: list[tuple[str, object]]) -> int:
    """Set the summary sheet's columns and write its label/value lines; returns the first row after them."""
    summary.set_column(0, 0, 40)
    summary.set_column(1, 1, 100, formats.wrap)
    summary.set_column(2, 3, 28)
    row = 0
    for label, value in lines:
        summary.write_string(row, 0, label, formats.label)
        if isinstance(value, str):
            summary.write_string(row, 1, neutralise(value))
        else:
            summary.write_number(row, 1, value)
        row += 1
    return row


def _write_findings_table(summary, formats: _ReportFormats, row: int, content: _ReportContent) -> None:
    """Write the one-line-per-rule table at ``row``, or say why there is none."""
    for column, title in enumerate(("Jumlah baris", "Temuan dan perbaikan", "Akibat", "Cakupan")):
        summary.write_string(row, column, title, formats.header)
    for jumlah, temuan, akibat, cakupan in content.lines:
        row += 1
        summary.write_number(row, 0, jumlah)
        summary.write_string(row, 1, temuan)
        summary.write_string(row, 2, akibat)
        summary.write_string(row, 3, cakupan)
    if not content.lines:
        summary.write_string(row + 1, 1, content.no_lines_text)


def _write_rows_sheet(sheet, formats: _ReportFormats, content: _ReportContent) -> None:
    """Write the listed rows, one per finding, under a frozen, filterable header sized to the contents."""
    for column, width in enumerate(content.widths):
        sheet.set_column(column, column, width)
    rows = len(content.cells[0])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(rows, 1), len(ROWS_HEADERS) - 1)
    for column, title in enumerate(ROWS_HEADERS):
        sheet.write_string(0, column, title, formats.header)
    write_number, write_string = sheet.write_number, sheet.write_string
    for row, values in enumerate(zip(*content.cells), start=1):
        for column, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, int):
                write_number(row, column, value)
            else:
                write_string(row, column, value)
