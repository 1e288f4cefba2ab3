"""The work the feedback writer does, counted (workbooks written), not timed.

Issue 11: writing feedback workbooks cost 0.2 s per office even when nothing had changed.
A report is written only for a file with something to report, and only when its content
changed since the last run (the content key is stored in the workbook); reports of files
that are gone or now clean are removed.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

import expectations.feedback as feedback
from sources.headers import RAW_COLUMNS
from sources.registry import Office

OFFICE = Office(id="kota-batam", name="Dinas PUPR Kota Batam", level="city", region_code="21.71")
FILES = ("a.csv", "b.csv", "c.csv")


def _frames(flagged: dict[str, list[int]]) -> dict[str, pd.DataFrame]:
    """Three accepted files of 4 rows each; ``flagged``: file -> rows flagged nik_invalid."""
    raw = pd.DataFrame([{**{c: None for c in RAW_COLUMNS}, "source_file": f, "source_sha256": f"sha-{f}",
                         "source_sheet": "", "source_row": str(r), "nama": f"Orang {r}", "nik": f"12{r}"}
                        for f in FILES for r in range(2, 6)])
    flags = pd.DataFrame([{"source_file": f, "source_sha256": f"sha-{f}", "source_sheet": "", "source_row": str(r),
                           "rule": "nik_invalid", "column": "nik"} for f, rows in flagged.items() for r in rows],
                         columns=feedback.ROW_KEY + ["rule", "column"])
    log = pd.DataFrame([{"source_file": f, "source_sha256": f"sha-{f}", "status": "accepted", "rule": None,
                         "reason": None, "rows_read": 4, "rows_accepted": 4, "rows_quarantined": 0} for f in FILES])
    return {"raw": raw, "quarantine": flags.iloc[0:0], "flags": flags, "log": log}


@pytest.fixture
def writes(monkeypatch):
    """The paths of every workbook written."""
    written = []
    original = feedback._write_one

    def counted(path, content):
        written.append(path.name.rsplit("_", 1)[0])
        original(path, content)

    monkeypatch.setattr(feedback, "_write_one", counted)
    return written


@pytest.mark.parametrize("first, second, written_first, written_second, reports_after", [
    # nothing to fix, twice: no workbook at all
    ({}, {}, [], [], []),
    # the same findings again: nothing rewritten, the reports stay
    ({"a.csv": [2], "b.csv": [3, 4]}, {"a.csv": [2], "b.csv": [3, 4]},
     ["umpan_balik_a", "umpan_balik_b"], [], ["umpan_balik_a", "umpan_balik_b"]),
    # one file's findings changed: only its report is rewritten
    ({"a.csv": [2], "b.csv": [3]}, {"a.csv": [2], "b.csv": [3, 5]},
     ["umpan_balik_a", "umpan_balik_b"], ["umpan_balik_b"], ["umpan_balik_a", "umpan_balik_b"]),
    # a file now clean: its report is removed, the other left as it was
    ({"a.csv": [2], "c.csv": [4]}, {"c.csv": [4]}, ["umpan_balik_a", "umpan_balik_c"], [], ["umpan_balik_c"]),
])
def test_reports_are_written_only_when_their_content_changes(tmp_path, writes, first, second, written_first,
                                                            written_second, reports_after):
    folder = tmp_path / "feedback" / OFFICE.id
    reports = feedback.write_feedback_reports(folder, OFFICE, **_frames(first))
    assert (sorted(writes), reports.rewritten) == (written_first, len(written_first))
    writes.clear()
    reports = feedback.write_feedback_reports(folder, OFFICE, **_frames(second))
    assert (sorted(writes), reports.rewritten) == (written_second, len(written_second))
    assert sorted(p.name.rsplit("_", 1)[0] for p in reports) == reports_after
    assert sorted(p.name.rsplit("_", 1)[0] for p in folder.iterdir()) == reports_after


def test_twelve_offices_with_nothing_to_fix_write_no_workbook(tmp_path, writes):
    for n in range(12):
        feedback.write_feedback_reports(tmp_path / str(n), OFFICE, **_frames({}))
    assert writes == []


def test_a_report_edited_or_broken_since_is_rewritten_and_strays_removed(tmp_path, writes):
    folder = tmp_path / "feedback"
    [report] = feedback.write_feedback_reports(folder, OFFICE, **_frames({"a.csv": [2, 3]}))
    report.write_bytes(b"PK\x03\x04 not a workbook any more")
    (folder / "old_report.xlsx").write_bytes(b"")
    (folder / "sub").mkdir()
    writes.clear()
    again = feedback.write_feedback_reports(folder, OFFICE, **_frames({"a.csv": [2, 3]}))
    assert (again, again.rewritten, len(writes)) == ([report], 1, 1)
    assert sorted(p.name for p in folder.iterdir()) == [report.name]
    # the rows sheet lists exactly the rows reported: header plus one per finding
    rows = list(openpyxl.load_workbook(report, read_only=True)["Baris bermasalah"].iter_rows(values_only=True))
    assert [(r[0], r[1], r[4]) for r in rows[1:]] == [("", 2, "122"), ("", 3, "123")]


@pytest.mark.parametrize("rows, streamed", [(1, False), (feedback.STREAM_ABOVE_ROWS, False),
                                            (feedback.STREAM_ABOVE_ROWS + 1, True)])
def test_large_reports_are_streamed_small_ones_built_in_memory(tmp_path, monkeypatch, rows, streamed):
    """A small report avoids xlsxwriter's temporary files; a large one keeps memory flat."""
    seen = []
    real = feedback.xlsxwriter.Workbook

    def workbook(path, options):
        seen.append((options["constant_memory"], options["in_memory"]))
        return real(path, options)

    monkeypatch.setattr(feedback.xlsxwriter, "Workbook", workbook)
    frames = _frames({})
    many = pd.DataFrame([{**{c: None for c in RAW_COLUMNS}, "source_file": "a.csv", "source_sha256": "sha-a.csv",
                          "source_sheet": "", "source_row": str(r), "nik": "1"} for r in range(2, rows + 2)])
    frames["raw"] = pd.concat([frames["raw"][frames["raw"]["source_file"] != "a.csv"], many], ignore_index=True)
    frames["flags"] = many[feedback.ROW_KEY].assign(rule="nik_invalid", column="nik")
    frames["log"].loc[0, ["rows_read", "rows_accepted"]] = rows * 2  # under half: listed row by row
    feedback.write_feedback_reports(tmp_path, OFFICE, **frames)
    assert seen == [(streamed, not streamed)]


@pytest.mark.parametrize("change, recomputed, rewritten", [
    (None, 0, 0),  # the same staged outputs: nothing recomputed
    ("flags", 1, 1),  # a new finding: recomputed, its report rewritten
    ("log_only", 1, 0),  # staged bytes changed, the reports' content not: recomputed, nothing rewritten
    ("report_deleted", 1, 1),  # a report gone from the folder: recomputed, written again
    ("stray_file", 1, 0),  # something else in the folder: recomputed, the stray removed
])
def test_an_office_with_unchanged_staged_outputs_is_not_recomputed(tmp_path, monkeypatch, change, recomputed,
                                                                   rewritten):
    import assets.offices as offices
    from pipelines.resources import StagingStore

    staging = StagingStore(data_dir=str(tmp_path))
    frames = _frames({"a.csv": [2], "b.csv": [3]})

    def stage(frames):
        for name, frame in (("raw", frames["raw"]), ("quarantine", frames["quarantine"]), ("flags", frames["flags"]),
                            ("submission_log", frames["log"]), ("standardized", frames["raw"].iloc[0:0])):
            staging.write(name, OFFICE.id, frame)

    stage(frames)
    first, _ = offices.write_office_feedback(OFFICE, staging)
    assert first.rewritten == 2
    folder = staging.feedback_dir(OFFICE.id)
    if change == "flags":
        stage(_frames({"a.csv": [2], "b.csv": [3, 4]}))
    elif change == "log_only":
        frames["log"]["reason"] = "a note in the engineers' log nobody's report shows"
        stage(frames)
    elif change == "report_deleted":
        first[0].unlink()
    elif change == "stray_file":
        (folder / "catatan.txt").write_text("x")
    calls = []
    real = offices.write_feedback_reports
    monkeypatch.setattr(offices, "write_feedback_reports", lambda *a, **k: calls.append(1) or real(*a, **k))
    again, log = offices.write_office_feedback(OFFICE, staging)
    assert (len(calls), getattr(again, "rewritten", 0), len(log)) == (recomputed, rewritten, 3)
    assert sorted(again) == sorted(first)
    assert sorted(folder.iterdir()) == sorted(first)


def test_the_rows_sheet_of_a_file_with_no_problem_rows():
    # A file reported for the file alone (misfiled, a copy) has no problem rows: a frame of no rows
    # whose object columns pandas hands out as a read-only array (ValueError before).
    data = pd.DataFrame(columns=feedback.ROWS_FIELDS, dtype=object)
    cells, widths = feedback._rows_sheet_cells(data)
    assert cells == [[] for _ in feedback.ROWS_FIELDS]
    assert len(widths) == len(feedback.ROWS_FIELDS)
