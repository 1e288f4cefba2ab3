"""Rows and sheets hidden in Excel, and sheets copied inside a workbook.

Rules (sources/readers/excel.py _sheet_layout, sources/readers/copies.py): rows a filter hides
or a collapsed outline group hides are the list's rows and are read (a view of the moment;
on a sheet with a filter Excel's SUBTOTAL counts every hidden row as filtered out); rows hidden
by hand on a sheet without a filter are rows the office took out of its list and are not read;
a hidden sheet listing mostly the visible sheets' people is an old copy and is not read; a
sheet equal cell for cell to another is read once.

Probe of 2026-12-07 (6 workbooks of 8 persons): before that day's change hidden rows were read,
and a hidden copy, a hidden old version (2 mistyped NIKs, 1 withdrawn person) and a visible
"Peserta (2)" each counted every row twice (16-17 rows for 8 persons); after, every workbook
gives its 8 (6 with 2 rows hidden by hand) rows once."""

from __future__ import annotations

import openpyxl
import pytest

from sources.readers import read_submission
from sources.registry import Office

OFFICE = Office(id="kota-samarinda", name="Dinas PUPR Kota Samarinda", level="city", region_code="64.72")
TITLE = "DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA SAMARINDA TAHUN 2025"
HEADER = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]
PEOPLE = [("Budi Santoso", "6472011203850001", "Tukang Batu", 2, "K"),
          ("Agus Salim", "6472011504880002", "Tukang Kayu", 2, "BK"),
          ("Joko Susilo", "6472012007900003", "Tukang Besi Beton", 3, "K"),
          ("Slamet Riyadi", "6472010101800004", "Mandor", 4, "K"),
          ("Rudi Hartono", "6472010202810005", "Mandor", 4, "K")]


def _fill(sheet, people, nik=True):
    sheet.append([TITLE])
    sheet.append([])
    sheet.append(HEADER)
    for k, (name, number, *rest) in enumerate(people):
        sheet.append([k + 1, name, number if nik else None, *rest])


def _read(tmp_path, book):
    path = tmp_path / "peserta.xlsx"
    book.save(path)
    submission = read_submission(path, OFFICE)
    assert submission.error is None, submission.error
    return submission


@pytest.mark.parametrize(
    ("how", "names"),
    [
        # hidden by hand on a sheet without a filter: taken out of the list
        ("hand", ["Budi Santoso", "Joko Susilo", "Rudi Hartono"]),
        # filtered out under an active filter: the list's rows all the same
        ("filter", [p[0] for p in PEOPLE]),
        # filter buttons on, no criteria: they hide nothing, the rows were hidden by hand
        ("buttons", ["Budi Santoso", "Joko Susilo", "Rudi Hartono"]),
        # under a collapsed outline group: a view too
        ("outline", [p[0] for p in PEOPLE]),
    ],
)
def test_hidden_rows(tmp_path, how, names):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Peserta"
    _fill(sheet, PEOPLE)
    for row in (5, 7):  # Agus Salim, Slamet Riyadi
        sheet.row_dimensions[row].hidden = True
        if how == "outline":
            sheet.row_dimensions[row].outlineLevel = 1
    if how in ("filter", "buttons"):
        sheet.auto_filter.ref = "A3:F8"
    if how == "filter":
        sheet.auto_filter.add_filter_column(5, ["K"])  # only the Kompeten rows shown
    submission = _read(tmp_path, book)
    assert list(submission.rows["nama"]) == names
    report = submission.sheets[0]
    by_hand = how in ("hand", "buttons")
    assert report.skipped.get("hidden", 0) == (2 if by_hand else 0)
    assert ("taken out of the list" in report.note) == by_hand


def test_a_hidden_row_above_the_header_is_no_matter(tmp_path):
    book = openpyxl.Workbook()
    _fill(book.active, PEOPLE)
    book.active.row_dimensions[2].hidden = True
    assert len(_read(tmp_path, book).rows) == 5


def _two_sheets(first_people, second_people, hidden=True, second_nik=True, name="Peserta lama"):
    book = openpyxl.Workbook()
    book.active.title = "Peserta"
    _fill(book.active, first_people)
    other = book.create_sheet(name)
    _fill(other, second_people, nik=second_nik)
    if hidden:
        other.sheet_state = "hidden"
    return book


OLD = [list(p) for p in PEOPLE] + [["Yusuf Kalla", "6472010909900009", "Tukang Batu", 2, "K"]]
OLD[0][1] = "6472011203850010"  # mistyped in the old version, corrected in the visible sheet


@pytest.mark.parametrize(
    ("book", "sheets"),
    [
        # a hidden copy of the visible sheet: once
        (lambda: _two_sheets(PEOPLE, PEOPLE, name="Peserta (2)"), {"Peserta": 5}),
        # a hidden old version (a mistyped NIK, a withdrawn person): the visible sheet is the list
        (lambda: _two_sheets(PEOPLE, OLD), {"Peserta": 5}),
        # a visible copy made with "Move or Copy": once, the first
        (lambda: _two_sheets(PEOPLE, PEOPLE, hidden=False, name="Peserta (2)"), {"Peserta": 5}),
        # a hidden sheet of other people (an earlier batch put away): read
        (lambda: _two_sheets(PEOPLE[:3], PEOPLE[3:], name="Tahap I"), {"Peserta": 3, "Tahap I": 2}),
        # the data with NIKs hidden behind a visible list without them: the NIKs are kept (and the
        # list without them repeats them: recap repeats, sources/readers/recap.py)
        (lambda: _two_sheets([(p[0], None, *p[2:]) for p in PEOPLE], PEOPLE, name="data"), {"data": 5}),
        # the same people's earlier assessment put away: at another jenjang, or in a sheet of another year
        (lambda: _two_sheets(PEOPLE, [(*p[:3], p[3] - 1, p[4]) for p in PEOPLE], name="Jenjang lalu"),
         {"Peserta": 5, "Jenjang lalu": 5}),
        (lambda: _two_sheets(PEOPLE, PEOPLE, name="Peserta 2024"), {"Peserta": 5, "Peserta 2024": 5}),
        # a visible sheet listing some of another's rows again is no copy (linkage ties them by NIK)
        (lambda: _two_sheets(PEOPLE, PEOPLE[:2], hidden=False, name="Kompeten"), {"Peserta": 5, "Kompeten": 2}),
    ],
    ids=["hidden-copy", "hidden-old-version", "visible-copy", "hidden-other-people", "hidden-data-behind-recap",
         "hidden-other-jenjang", "hidden-other-year", "visible-part"],
)
def test_sheets_copied_inside_a_workbook(tmp_path, book, sheets):
    submission = _read(tmp_path, book())
    assert submission.rows.groupby("source_sheet", sort=False).size().to_dict() == sheets
    copies = {report.sheet: report.skipped["sheet copy"] for report in submission.sheets
              if "sheet copy" in report.skipped}
    assert copies == ({"Peserta (2)": 5} if "Peserta (2)" in book().sheetnames
                      else {"Peserta lama": 6} if "Peserta lama" in book().sheetnames else {})


# --- OpenDocument (.ods) -------------------------------------------------------------------------
# LibreOffice Calc writes table:visibility="collapse" on a row hidden by hand (Format > Rows >
# Hide) or folded under an outline group (then inside <table:table-row-group>), "filter" on a row
# a filter hides (OpenDocument 1.2 part 1, 19.749 table:visibility: visible | collapse | filter).
# Read as an xlsx's: rows hidden by hand taken out, the filter's and the outline's read.
def _ods_cell(value) -> str:
    if value is None:
        return "<table:table-cell/>"
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def _ods_rows(how: str) -> str:
    rows = [f"<table:table-row>{_ods_cell(TITLE)}</table:table-row>", "<table:table-row/>",
            "<table:table-row>" + "".join(_ods_cell(h) for h in HEADER) + "</table:table-row>"]
    for k, (name, number, *rest) in enumerate(PEOPLE):
        cells = "".join(_ods_cell(v) for v in (k + 1, name, number, *rest))
        if name in ("Agus Salim", "Slamet Riyadi"):
            visibility = "filter" if how == "filter" else "collapse"
            row = f'<table:table-row table:visibility="{visibility}">{cells}</table:table-row>'
            rows.append(f"<table:table-row-group>{row}</table:table-row-group>" if how == "outline" else row)
        else:
            rows.append(f"<table:table-row>{cells}</table:table-row>")
    # the sheet's blank rest, written once, hidden with it
    rows.append('<table:table-row table:number-rows-repeated="1048560" table:visibility="collapse">'
                '<table:table-cell table:number-columns-repeated="6"/></table:table-row>')
    return "".join(rows)


@pytest.mark.parametrize(
    ("how", "names"),
    [
        ("hand", ["Budi Santoso", "Joko Susilo", "Rudi Hartono"]),
        ("filter", [p[0] for p in PEOPLE]),
        ("outline", [p[0] for p in PEOPLE]),
    ],
)
def test_hidden_rows_of_an_ods(tmp_path, how, names):
    from tests.test_readers_excel import _ods

    path = tmp_path / "peserta.ods"
    path.write_bytes(_ods(_ods_rows(how)))
    submission = read_submission(path, OFFICE)
    assert submission.error is None, submission.error
    assert list(submission.rows["nama"]) == names
    report = submission.sheets[0]
    assert report.skipped.get("hidden", 0) == (2 if how == "hand" else 0)
    assert ("taken out of the list" in report.note) == (how == "hand")
