"""Things real office files hold that the readers did not read, one class per test (the list of
known reading gaps of 2026-12)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import openpyxl
import pytest

from sources.readers import read_submission
from sources.readers.table import extract_rows, find_header, render_text
from sources.registry import Office
from standardize.record import standardize_submission
from tests.test_readers_table import rows_of

K, BK = "Kompeten", "Belum Kompeten"
OFFICE = Office(id="kota-samarinda", name="Dinas PUPR Kota Samarinda", level="city", region_code="64.72")


# --- 1. a result column of ticks ---------------------------------------------------------------
# BNSP's assessment forms have the assessor "tuliskan tanda [check] pada kolom (K)" for Kompeten
# (FR.MAK-02, https://pdfcoffee.com/10-form-frmak-02-pdf-free.html); a clerk who keeps one result
# column ticks it the same way for those who passed and leaves the rest blank or "-". Before: the
# ticks read as no result (parse_hasil knows no "v"), so nobody of such a sheet was certified.
@pytest.mark.parametrize(
    ("header", "cells", "hasil"),
    [
        ("HASIL", ["\u2714", "", "\u2714", "-", "\u2714"], [K, None, K, "-", K]),
        ("Hasil Uji", ["v", "V", "\u221a", "\u2713", ""], [K, K, K, K, None]),
        ("REKOMENDASI", ["\u00fc", "", "\u00fc", "", ""], [K, None, K, None, None]),
        # a cross beside ticks is the other value; a written result keeps its own reading
        ("HASIL", ["\u2713", "x", "\u2713", "", "BK"], [K, BK, K, None, "BK"]),
        # ticks beside written-out "Kompeten" cells are not results: kept as written
        ("HASIL", ["Kompeten", "v", "Belum Kompeten", "Kompeten", ""], ["Kompeten", "v", "Belum Kompeten", "Kompeten", None]),
        # a cross alone says nothing sure (a mark? a fail?): kept as written, read as no result
        ("HASIL", ["x", "", "x", "", ""], ["x", None, "x", None, None]),
        # a plain remarks column of ticks is attendance or documents, no result
        ("KETERANGAN", ["v", "", "v", "v", ""], ["v", None, "v", "v", None]),
    ],
)
def test_a_result_column_of_ticks(header, cells, hasil):
    body = "\n".join(f"{i + 1} | Peserta {i + 1} | 64720115038800{i + 10} | 3 | {cell}" for i, cell in enumerate(cells))
    rows = rows_of(f"No | Nama | NIK | Jenjang | {header}\n{body}")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == hasil


PERSONS = [("Budi Santoso", "6472011203850001", "Tukang Batu", 2), ("Agus Salim", "6472011504880002", "Tukang Kayu", 2),
           ("Joko Susilo", "6472012007900003", "Tukang Besi Beton", 3), ("Slamet Riyadi", "6472010101800004", "Mandor", 4),
           ("Rudi Hartono", "6472010202810005", "Mandor", 4)]


@pytest.mark.parametrize(
    ("ticks", "certified"),
    [
        (["\u2714", None, "\u2714", "-", "\u2714"], {2: 1, 3: 1, 4: 1}),
        ([None, None, None, None, None], {}),
        (["-", "-", "-", "-", "\u221a"], {4: 1}),
    ],
)
def test_certified_persons_from_a_ticked_hasil_column(tmp_path, ticks, certified):
    """End to end: only the ticked rows are certified; a blank or "-" never is."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KOTA SAMARINDA TAHUN 2025"])
    sheet.append(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "HASIL"])
    for k, tick in enumerate(ticks):
        sheet.append([k + 1, *PERSONS[k], tick])
    book.save(tmp_path / "hasil_uji.xlsx")
    rows = standardize_submission(read_submission(tmp_path / "hasil_uji.xlsx", OFFICE).rows,
                                  reference_date=date(2026, 6, 30)).rows
    assert len(rows) == 5
    assert dict(Counter(int(j) for j in rows[rows["hasil"] == K]["jenjang"])) == certified
    assert (rows["hasil"] == BK).sum() == 0


# --- 2. header phrasings -----------------------------------------------------------------------
# Indonesian government systems pair a code with its "uraian", the text the code stands for
# (a SIMPEG staff list: "kode_jabatan" beside "uraian_jabatan", "uraian_pangkat"): an office
# whose list comes out of such a system heads the occupation "URAIAN JABATAN KERJA". And a
# registration form's clause is typed with the passive prefix apart ("yang Di Ujikan").
@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("URAIAN JABATAN KERJA", "jabatan_kerja"),
        ("Uraian Jabatan", "jabatan_kerja"),
        ("Uraian Jabatan Kerja yang Diuji", "jabatan_kerja"),
        ("Jabatan Kerja Yang Di Ujikan", "jabatan_kerja"),
        ("Jabatan Kerja yang Diusulkan", "jabatan_kerja"),
        ("Jenjang yang di ajukan", "jenjang"),
        # a bare "Uraian" or a task description names nothing of ours; a contact stays a contact
        ("Uraian", None),
        ("Uraian Tugas", None),
        ("Nama yang dapat dihubungi", None),
    ],
)
def test_header_phrasings(header, column):
    from sources.headers import canonical_column

    assert canonical_column(header) == column


def test_a_sheet_headed_uraian_jabatan_kerja_keeps_its_occupations():
    rows = rows_of("No | Nama | NIK | Uraian Jabatan Kerja | Jenjang | Hasil\n"
                   "1 | Budi | 6472011203850001 | Tukang Batu | 2 | K\n"
                   "2 | Agus | 6472011504880002 | Mandor | 4 | K")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["jabatan_kerja"] == ["Tukang Batu", "Mandor"]


# --- 3. dates with a zone word, a time or a weekday ----------------------------------------------
# Indonesian web panels and letters write the zone after a date or a time of day ("pukul 09.00
# WITA"; the three zones WIB / WITA / WIT were set by Keppres 41/1987), and SKs and
# invitations put the weekday first ("Senin, 3 Maret 2025"). A date in an Indonesian zone is the
# calendar date written.
@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("01.03.2025 WITA", date(2025, 3, 1)),
        ("3 Maret 2025 WIT", date(2025, 3, 3)),
        ("2025-03-01 WITA", date(2025, 3, 1)),
        ("01-03-2025 pukul 10.00", date(2025, 3, 1)),
        ("2025-03-01 pukul 10.00", date(2025, 3, 1)),
        ("01/03/2025, 10.00", date(2025, 3, 1)),
        ("01/03/2025 jam 10.00 WIB", date(2025, 3, 1)),
        # already read before, kept
        ("2025-03-01 10:00 WIB", date(2025, 3, 1)),
        ("1 Maret 2025 pukul 09.00 WITA", date(2025, 3, 1)),
        ("Senin, 3 Maret 2025", date(2025, 3, 3)),
        # a zone or a time with no date is no date
        ("WITA", None),
        ("12 WIT", None),
        ("pukul 10.00", None),
    ],
)
def test_dates_with_a_zone_word_or_a_time(cell, day):
    from standardize.dates import parse_date

    assert parse_date(cell) == day


@pytest.mark.parametrize(
    ("cell", "place", "day"),
    [
        ("Sangatta, Senin 12 Maret 1985", "Sangatta", date(1985, 3, 12)),
        ("Samarinda, 01.03.1985 WITA", "Samarinda", date(1985, 3, 1)),
        ("Rabu, 12-03-1985", None, date(1985, 3, 12)),
    ],
)
def test_birth_cells_with_a_weekday_or_a_zone(cell, place, day):
    from standardize.dates import parse_birth

    assert parse_birth(cell) == (place, day)


# --- 4. a Python literal saved as .json; legacy DataTables answers ------------------------------
JSON_PERSONS = [("Budi Santoso", "6472011203850001", "Tukang Batu", 2, "K"),
                ("Agus Salim", "6472011504880002", "Tukang Kayu", 2, "BK")]


def _objects() -> list[dict]:
    return [{"nama": n, "nik": k, "jabatan_kerja": j, "jenjang": str(lvl), "hasil": h} for n, k, j, lvl, h in JSON_PERSONS]


def _arrays() -> list[list]:
    return [[str(i + 1), n, k, j, str(lvl), h] for i, (n, k, j, lvl, h) in enumerate(JSON_PERSONS)]


_TITLES = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a script's print(data): single quotes, True/False/None, a trailing comma
        (repr(_objects()), [("Budi Santoso", K), ("Agus Salim", BK)]),
        ("[{'nama': 'Budi Santoso', 'nik': '6472011203850001', 'jenjang': 2, 'kompeten': True, 'no_skk': None},"
         " {'nama': 'Agus Salim', 'nik': 6472011504880002, 'jenjang': 2, 'kompeten': False, 'no_skk': None},]",
         [("Budi Santoso", K), ("Agus Salim", BK)]),
        # a database driver's and pandas' own values in it
        ("{'data': [{'nama': 'Budi Santoso', 'nik': '6472011203850001', 'tgl_lahir': datetime.date(1985, 3, 12), "
         "'jenjang': Decimal('2'), 'hasil': 'K', 'tgl_terbit': Timestamp('2025-03-01 00:00:00'), "
         "'no_sertifikat': nan}]}", [("Budi Santoso", K)]),
        # legacy DataTables: rows as objects, or as arrays under the names it sends beside them
        ('{"sEcho": 1, "iTotalRecords": 2, "iTotalDisplayRecords": 2, "aaData": ' + json.dumps(_objects()) + "}",
         [("Budi Santoso", K), ("Agus Salim", BK)]),
        (json.dumps({"sEcho": 1, "iTotalRecords": 2, "aoColumns": [{"sTitle": t} for t in _TITLES],
                     "aaData": _arrays()}), [("Budi Santoso", K), ("Agus Salim", BK)]),
        (json.dumps({"sEcho": "3", "iTotalRecords": 2, "iTotalDisplayRecords": 2,
                     "sColumns": "no,nama,nik,jabatan_kerja,jenjang,hasil", "aaData": _arrays()}),
         [("Budi Santoso", K), ("Agus Salim", BK)]),
    ],
)
def test_python_literals_and_legacy_datatables_are_read(tmp_path, text, read):
    (tmp_path / "peserta.json").write_text(text)
    submission = read_submission(tmp_path / "peserta.json", OFFICE)
    assert submission.error is None
    rows = standardize_submission(submission.rows, reference_date=date(2026, 6, 30)).rows
    assert list(zip(submission.rows["nama"], rows["hasil"])) == read


def test_a_python_literal_keeps_its_dates():
    from sources.readers.json_reader import python_literal

    assert python_literal("[{'lahir': datetime.date(1985, 3, 12), 'uji': datetime.datetime(2025, 3, 1, 9, 30),"
                          " 'x': 'datetime.date(1, 2, 3)', 'n': nan, 't': (1, 2)}]") == [
        {"lahir": "1985-03-12", "uji": "2025-03-01 09:30", "x": "datetime.date(1, 2, 3)", "n": None, "t": [1, 2]}]
    # code is no literal
    assert python_literal("[__import__('os').system('true')]") is None


@pytest.mark.parametrize(
    "document",
    [
        {"sEcho": 1, "iTotalRecords": 2, "iTotalDisplayRecords": 2, "aaData": _arrays()},
        {"draw": 1, "recordsTotal": 2, "recordsFiltered": 2, "data": _arrays()},
    ],
)
def test_datatables_arrays_without_names_are_refused_with_what_to_send(tmp_path, document):
    """Rows of cells by position: which cell is the NIK is in the web page's script, not in the
    answer, and guessing it from the order is no reading. The file is refused, saying what to send."""
    (tmp_path / "peserta.json").write_text(json.dumps(document))
    submission = read_submission(tmp_path / "peserta.json", OFFICE)
    assert len(submission.rows) == 0
    assert "arrays of cells with no column names" in submission.error
    assert "Excel or CSV export" in submission.error
