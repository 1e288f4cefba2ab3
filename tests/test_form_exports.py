"""Online-form exports (Google Forms, Microsoft Forms): their account columns and test submissions.

Microsoft Forms' xlsx opens with "ID", "Start time", "Completion time", "Email", "Name" (the
respondent's account: blank for an anonymous form), then one column per question; a form's owner
tries it with "tes" or "coba" before sharing it (tests/test_unfamiliar_world_14.py).
"""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd
import pytest

from sources import headers
from sources.headers import FORM_COLUMNS, PROVENANCE_COLUMNS, RAW_COLUMNS, WAKTU_RESPONS
from sources.readers.forms import jabatan_choices
from standardize.fields import is_test_entry
from standardize.record import standardize_submission
from standardize.responses import parse_response_time, response_date_order


@pytest.mark.parametrize("cell, expected", [
    ("tes", True), ("TEST", True), ("Coba-coba", True), ("coba2", True), ("uji coba", True),
    ("Test 123", True), ("percobaan", True), (" coba ", True),
    # names, not tests
    ("Testi Handayani", False), ("Tesa", False), ("Cobain", False), ("Contohi", False), (None, False),
    ("123", False),
])
def test_a_test_submission_is_its_name_alone(cell, expected):
    assert is_test_entry(cell) is expected


@pytest.mark.parametrize("header, weak", [
    ("Name", True), ("name", True), ("Nama", False), ("Nama Lengkap (tanpa gelar)", False), ("Nama Lengkap", False),
])
def test_a_bare_english_name_column_is_weak(header, weak):
    assert headers.is_weak_header(header) is weak


def _raw(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame([{c: None for c in RAW_COLUMNS + FORM_COLUMNS} | r for r in rows])
    for i, c in enumerate(PROVENANCE_COLUMNS):
        frame[c] = "x" if c != "source_row" else range(2, len(rows) + 2)
    return frame


@pytest.mark.parametrize("nama, nik, quarantined", [
    ("tes", "123", True),  # a test with a NIK that is none
    ("coba", "coba", True),
    ("COBA", None, True),
    ("tes", "2171021204910001", False),  # a valid NIK is someone's
    ("Andi Saputra", "123", False),  # a real name with a damaged NIK stays
])
def test_a_form_test_submission_is_no_identity(nama, nik, quarantined):
    raw = _raw([{"nama": nama, "nik": nik, "jabatan_kerja": "Operator Excavator", "jenjang": "3"}])
    result = standardize_submission(raw, reference_date=pd.Timestamp("2026-06-30").date())
    assert (list(result.quarantine.rule) == ["no_identity"]) is quarantined
    assert len(result.rows) == (0 if quarantined else 1)


# --- the response time: how Google Forms, Google Sheets and Microsoft Forms write it -------------

@pytest.mark.parametrize("cell, order, expected", [
    # a workbook's date cell as the reader renders it; at midnight sharp the time is dropped
    ("2025-03-12 09:15:42", "dmy", datetime(2025, 3, 12, 9, 15, 42)),
    ("2025-03-12", "dmy", datetime(2025, 3, 12)),
    # Google Sheets' CSV in the id-ID locale, also with the Indonesian time separator
    ("12/08/2025 14:03:11", "dmy", datetime(2025, 8, 12, 14, 3, 11)),
    ("12/03/2025 9:15:42", "dmy", datetime(2025, 3, 12, 9, 15, 42)),
    ("12/03/2025 9.15.42", "dmy", datetime(2025, 3, 12, 9, 15, 42)),
    # en-US: month first, 12-hour clock
    ("3/12/2025 9:15:42", "mdy", datetime(2025, 3, 12, 9, 15, 42)),
    ("3/12/2025 9:15:42 PM", "mdy", datetime(2025, 3, 12, 21, 15, 42)),
    # Google Forms' own CSV download
    ("2025/08/12 2:03:11 PM GMT+7", "dmy", datetime(2025, 8, 12, 14, 3, 11)),
    ("2025/08/12 12:10:44 PM GMT+9", "dmy", datetime(2025, 8, 12, 12, 10, 44)),
    ("2025/08/12 12:05:00 AM GMT+8", "dmy", datetime(2025, 8, 12, 0, 5)),
    # web exports: ISO with an offset, kept as the wall-clock time written
    ("2025-08-12T14:03:11+07:00", "dmy", datetime(2025, 8, 12, 14, 3, 11)),
    ("2025-08-12T07:03:11.250Z", "dmy", datetime(2025, 8, 12, 7, 3, 11)),
    ("12 Agustus 2025 14.03.11", "dmy", datetime(2025, 8, 12, 14, 3, 11)),
    ("12-08-2025 14:03", "dmy", datetime(2025, 8, 12, 14, 3)),
    # an Excel serial from a cell that lost its date format: 45881.5 is 12 August 2025, noon
    ("45881.5", "dmy", datetime(2025, 8, 12, 12)),
    # no date: a schedule's time, a blank, words
    ("08:00", "dmy", None), ("", "dmy", None), (None, "dmy", None), ("belum", "dmy", None),
    ("12/03/2025 25:61", "dmy", None),
])
def test_a_response_time_as_forms_write_it(cell, order, expected):
    assert parse_response_time(cell, order) == expected


@pytest.mark.parametrize("cells, usual, expected", [
    (["12/03/2025 9:15:42", "13/03/2025 11:02:55"], "mdy", "dmy"),  # a day above 12 first
    (["3/12/2025 9:15:42", "3/13/2025 11:02:55"], "dmy", "mdy"),  # a day above 12 second
    (["3/4/2025 9:15:42 AM", "3/4/2025 1:15:42 PM"], "dmy", "mdy"),  # a 12-hour clock: the US habit
    (["3/4/2025 9:15:42", "3/5/2025 10:00:00"], "dmy", "dmy"),  # nothing says: the file's order
    (["3/4/2025 9:15:42", "3/5/2025 10:00:00"], "mdy", "mdy"),
    (["2025/08/12 2:03:11 PM GMT+7"], "dmy", "dmy"),  # year first: no day or month question
    ([None, "2025-03-12 09:15:42"], "dmy", "dmy"),
])
def test_a_sheets_response_times_order_day_and_month(cells, usual, expected):
    assert response_date_order(cells, usual) == expected


@pytest.mark.parametrize("header, canonical", [
    ("Timestamp", WAKTU_RESPONS), ("Cap waktu", WAKTU_RESPONS), ("Stempel waktu", WAKTU_RESPONS),
    ("Start time", WAKTU_RESPONS), ("Completion time", WAKTU_RESPONS), ("Waktu mulai", WAKTU_RESPONS),
    ("Waktu penyelesaian", WAKTU_RESPONS),
    # blank on responses never edited: not the submission time
    ("Last modified time", None), ("Waktu modifikasi terakhir", None),
    ("Email Address", None), ("Alamat email", None), ("ID", None),
])
def test_a_forms_response_time_column(header, canonical):
    assert headers.canonical_column(header) == canonical


@pytest.mark.parametrize("header, form, weak", [
    ("Start time", False, True), ("Waktu mulai", False, True), ("Completion time", False, False),
    # Microsoft Forms in Indonesian: the account's "Nama" beside the response time
    ("Nama", True, True), ("Nama", False, False), ("Nama Lengkap", True, False),
])
def test_a_forms_account_and_start_time_are_weak(header, form, weak):
    assert headers.is_weak_header(header, form=form) is weak


# --- a checkbox answer of several jabatan -------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("Tukang Besi Beton, Tukang Batu", ["Tukang Besi Beton", "Tukang Batu"]),  # Google Forms
    ("Tukang Besi Beton;Tukang Batu;", ["Tukang Besi Beton", "Tukang Batu"]),  # Microsoft Forms
    ("Operator Excavator, Operator Bulldozer, Operator Crane",
     ["Operator Excavator", "Operator Bulldozer", "Operator Crane"]),
    ("Ahli Muda Teknik Jalan; Ahli Muda Teknik Jembatan", ["Ahli Muda Teknik Jalan", "Ahli Muda Teknik Jembatan"]),
    ("Juru Ukur, Juru Ukur", None),  # one jabatan twice
    # one jabatan each, a comma inside
    ("Pelaksana Lapangan Pekerjaan Jalan, Jembatan dan Drainase", None),
    ("Operator Alat Berat (Excavator, Bulldozer)", None),
    ("Operator Excavator, Bulldozer", None),
    ("Tukang Besi Beton;", None), ("Tukang Batu", None), ("", None), (None, None),
])
def test_a_checkbox_answer_names_each_jabatan_ticked(cell, expected):
    assert jabatan_choices(cell) == expected


def _form_csv(tmp_path, header: str, lines: list[str], name: str = "Tanggapan.csv"):
    from sources.readers import read_submission
    from sources.registry import Office

    path = tmp_path / name
    path.write_text("\r\n".join([header, *lines]) + "\r\n", encoding="utf-8")
    office = Office(id="kota-batam", name="Dinas PUPR Kota Batam", level="city", region_code="21.71")
    return read_submission(path, office).rows


@pytest.mark.parametrize("header, expected", [
    # a form: each jabatan ticked is a row; the numbers go one to each when there is one for each
    ('"Cap waktu","Nama Lengkap","NIK","Jabatan Kerja","Jenjang","No. Sertifikat"',
     [("", "Operator Excavator", "SKK-1"), ("[Jabatan 2]", "Operator Bulldozer", "SKK-2")]),
    # an ordinary list: the cell stays as written
    ('"No","Nama Lengkap","NIK","Jabatan Kerja","Jenjang","No. Sertifikat"',
     [("", "Operator Excavator, Operator Bulldozer", "SKK-1, SKK-2")]),
])
def test_a_checkbox_answer_is_one_row_per_jabatan_only_in_a_form(tmp_path, header, expected):
    rows = _form_csv(tmp_path, header, ['"12/03/2025 9:15:42","Andi Saputra","2171021204910001",'
                                        '"Operator Excavator, Operator Bulldozer","3","SKK-1, SKK-2"'])
    assert [(s, j, n) for s, j, n in zip(rows.source_sheet, rows.jabatan_kerja, rows.nomor_sertifikat)] == expected
    assert set(rows.source_row) == {"2"}


# --- the latest response of a person for a jabatan counts ---------------------------------------

_NIK_A, _NIK_B = "2171021204910001", "2171050309880002"


@pytest.mark.parametrize("responses, kept, replaced", [
    # (time, nik, name, birth, jabatan, jenjang): a corrected jenjang, the later kept
    ([("12/03/2025 10:03:27", _NIK_A, "Rahmat", None, "Tukang Besi Beton", "2"),
      ("12/03/2025 10:41:05", _NIK_A, "Rahmat", None, "Tukang Besi Beton", "3")], [3], {2: 3}),
    # the later written first: time decides, not the row
    ([("14/03/2025 8:05:13", _NIK_A, "Rahmat", None, "Tukang Kayu", "2"),
      ("12/03/2025 9:15:42", _NIK_A, "Rahmat", None, "Tukang Kayu", "2")], [2], {3: 2}),
    # sent at the same moment: the one further down
    ([("12/03/2025 9:15:42", _NIK_A, "Rahmat", None, "Tukang Kayu", "2"),
      ("12/03/2025 9:15:42", _NIK_A, "Rahmat", None, "Tukang Kayu", "2")], [3], {2: 3}),
    # another jabatan: another assessment
    ([("12/03/2025 9:15:42", _NIK_A, "Rahmat", None, "Tukang Kayu", "2"),
      ("12/03/2025 9:20:00", _NIK_A, "Rahmat", None, "Tukang Batu", "2")], [2, 3], {}),
    # another person
    ([("12/03/2025 9:15:42", _NIK_A, "Rahmat", None, "Tukang Kayu", "2"),
      ("12/03/2025 9:20:00", _NIK_B, "Rahmat", None, "Tukang Kayu", "2")], [2, 3], {}),
    # no NIK: name and birth date tell the person
    ([("12/03/2025 9:15:42", "-", "Siti Aminah", "20-02-1994", "Juru Ukur", "4"),
      ("12/03/2025 9:20:00", "-", "SITI AMINAH", "20/02/1994", "Juru Ukur", "4")], [3], {2: 3}),
    # no NIK, no birth date: nothing tells them one person
    ([("12/03/2025 9:15:42", "-", "Siti Aminah", None, "Juru Ukur", "4"),
      ("12/03/2025 9:20:00", "-", "Siti Aminah", None, "Juru Ukur", "4")], [2, 3], {}),
    # a retake in a later batch, and the next jenjang a year on (a form or portal export kept for years):
    # other assessments, not corrections
    ([("12/03/2025 9:15:42", _NIK_A, "Rahmat", None, "Tukang Kayu", "2"),
      ("02/06/2025 8:00:00", _NIK_A, "Rahmat", None, "Tukang Kayu", "2")], [2, 3], {}),
    ([("12/03/2024 9:15:42", _NIK_A, "Rahmat", None, "Tukang Kayu", "2"),
      ("20/03/2025 8:00:00", _NIK_A, "Rahmat", None, "Tukang Kayu", "3")], [2, 3], {}),
    # quick corrections chain to the last; a response months later stands on its own
    ([("12/03/2025 9:15:42", _NIK_A, "Rahmat", None, "Tukang Kayu", "2"),
      ("13/03/2025 9:00:00", _NIK_A, "Rahmat", None, "Tukang Kayu", "3"),
      ("20/03/2025 9:00:00", _NIK_A, "Rahmat", None, "Tukang Kayu", "3"),
      ("20/09/2025 9:00:00", _NIK_A, "Rahmat", None, "Tukang Kayu", "4")], [4, 5], {2: 4, 3: 4}),
    # an ordinary list (no response time): two rows may be two assessments
    ([(None, _NIK_A, "Rahmat", None, "Tukang Kayu", "2"),
      (None, _NIK_A, "Rahmat", None, "Tukang Kayu", "2")], [2, 3], {}),
])
def test_a_later_response_replaces_the_earlier(responses, kept, replaced):
    raw = _raw([{"waktu_respons": t, "nik": nik, "nama": nama, "tanggal_lahir": lahir, "jabatan_kerja": jab,
                 "jenjang": lvl, "hasil": "Kompeten"} for t, nik, nama, lahir, jab, lvl in responses])
    result = standardize_submission(raw, reference_date=pd.Timestamp("2026-06-30").date())
    assert sorted(result.rows.source_row) == kept
    q = result.quarantine
    assert set(q.rule) <= {"form_response_replaced"}
    assert {row: int(re.search(r"baris (\d+)", reason).group(1)) for row, reason in zip(q.source_row, q.reason)} == replaced
