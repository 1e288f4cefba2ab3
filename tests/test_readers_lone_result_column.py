"""A result column headed by one value alone ("KOMPETEN" ticked for those who passed, with no
"BELUM KOMPETEN" beside it): a yes/no column for that value.

Probe of 2026-12-07 (6 workbooks, 36 rows): before that day's change no row of them had a result
(the "KOMPETEN" header mapped to no column, ticks under "LULUS" read as no result), so nobody
was certified; after, 36 of 36 rows as counted by hand."""

from __future__ import annotations

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


@pytest.mark.parametrize(
    ("header", "cells", "hasil"),
    [
        # every usual tick, a cross among them, a 1: the value (a cell that reads so on its own is kept as written)
        ("KOMPETEN", ["v", "V", "√", "✓", "x", "1"], [K] * 5 + ["1"]),
        # blanks and a dash say nothing; "Tidak" / 0 is the other value
        ("Kompeten", ["✔", "", "-", "Tidak", "0", "Ya"], [K, None, None, "Tidak", "0", "Ya"]),
        ("LULUS", ["v", "", "1", "0"], [K, None, "1", "0"]),
        ("K", ["√", "", "√", "√"], [K, None, K, K]),
        ("BELUM KOMPETEN", ["", "v", "", "x"], [None, BK, None, BK]),
        ("Tidak Lulus", ["√", "Tidak", "", "1"], [BK, K, None, BK]),
        # results written out and remarks are kept for standardization to read
        ("Kompeten", ["BK", "Kompeten", "KTP luar", "v"], ["BK", "Kompeten", "KTP luar", K]),
    ],
)
def test_a_column_of_one_value_is_read_as_yes_or_no(header, cells, hasil):
    body = "\n".join(f"{i + 1} | Peserta {i + 1} | 64720115038800{i + 10} | 3 | {cell}" for i, cell in enumerate(cells))
    rows = rows_of(f"No | Nama | NIK | Jenjang | {header}\n{body}")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == hasil
    assert table.source_rows == list(range(2, len(cells) + 2))


@pytest.mark.parametrize(
    ("header", "cells", "kept"),
    [
        # a result column named outright keeps the result; the lone column is its alternative
        ("Hasil | Kompeten", ["Kompeten | v", "Belum Kompeten | "], [K, "Belum Kompeten"]),
        # a plain remarks column gives way to ticks under "KOMPETEN"
        ("Keterangan | KOMPETEN", ["KTP Samarinda | v", "Fresh Graduate | "], [K, None]),
        # under a training's span a "LULUS" tick is the training's, not the assessment's
        ("PELATIHAN | HASIL", ["v | BK", "v | K"], ["BK", "K"]),
    ],
)
def test_a_lone_column_beside_other_result_columns(header, cells, kept):
    parent = "PELATIHAN" in header
    head = "No | Nama | NIK | Jenjang | " + header + ("\n | | | | LULUS | " if parent else "")
    body = "\n".join(f"{i + 1} | Peserta {i + 1} | 64720115038800{i + 10} | 3 | {cell}" for i, cell in enumerate(cells))
    rows = rows_of(f"{head}\n{body}")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == kept


def test_a_value_alone_under_the_result_header_is_no_second_header_row():
    """"Hasil" over a row holding only "Kompeten" is a participant row, not a header over "Kompeten"."""
    rows = rows_of("No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil\n | | | | | Kompeten")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == [2] and table.columns["hasil"] == ["Kompeten"]


OFFICE = Office(id="kota-samarinda", name="Dinas PUPR Kota Samarinda", level="city", region_code="64.72")
PERSONS = [("Budi Santoso", "6472011203850001", "Tukang Batu", 2), ("Agus Salim", "6472011504880002", "Tukang Kayu", 2),
           ("Joko Susilo", "6472012007900003", "Tukang Besi Beton", 3), ("Slamet Riyadi", "6472010101800004", "Mandor", 4),
           ("Rudi Hartono", "6472010202810005", "Mandor", 4)]


@pytest.mark.parametrize(
    ("header", "cells", "certified"),
    [
        (["KOMPETEN"], [["v"], ["√"], ["x"], ["✓"], ["1"]], {2: 2, 3: 1, 4: 2}),
        (["KOMPETEN", "KETERANGAN"], [["v", None], [None, "tidak hadir"], ["√", "KTP luar"], [None, None], ["1", None]],
         {2: 1, 3: 1, 4: 1}),
        (["BELUM KOMPETEN"], [[None], ["v"], [None], [None], [None]], {}),
    ],
)
def test_certified_persons_per_jenjang_from_a_lone_tick_column(tmp_path, header, cells, certified):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA SAMARINDA TAHUN 2025"])
    sheet.append(["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", *header])
    for k, extra in enumerate(cells):
        sheet.append([k + 1, *PERSONS[k], *extra])
    book.save(tmp_path / "peserta.xlsx")
    submission = read_submission(tmp_path / "peserta.xlsx", OFFICE)
    rows = standardize_submission(submission.rows, reference_date=date(2026, 6, 30)).rows
    assert dict(Counter(int(j) for j in rows[rows["hasil"] == K]["jenjang"])) == certified
    assert (rows["hasil"] == "Belum Kompeten").sum() == (1 if header == ["BELUM KOMPETEN"] else 0)


@pytest.mark.parametrize(
    ("field", "cells", "hasil"),
    [
        ("kompeten", [True, False, None], [K, BK, None]),
        ("kompeten", ["v", None, "√"], [K, None, K]),
        ("belum_kompeten", [0, 1, 0], [K, BK, K]),
        # a key of a letter or two is no result
        ("k", [True, False, True], [None, None, None]),
    ],
)
def test_a_json_field_named_by_one_value(tmp_path, field, cells, hasil):
    import json

    records = [{"nama": name, "nik": nik, "jenjang": str(jenjang), field: cell}
               for (name, nik, _, jenjang), cell in zip(PERSONS, cells)]
    (tmp_path / "ekspor.json").write_text(json.dumps(records))
    rows = read_submission(tmp_path / "ekspor.json", OFFICE).rows
    got = standardize_submission(rows, reference_date=date(2026, 6, 30)).rows["hasil"]
    assert [None if value != value else value for value in got] == hasil


# A web system names its pass flag with the programmer's "is" (a CodeIgniter CSV's "is_kompeten"
# 1/0, an ASP.NET service's "IsKompeten" true/false, a JavaScript app's "isLulus").
@pytest.mark.parametrize(
    ("field", "cells", "hasil"),
    [
        ("is_kompeten", ["1", "0", None], [K, BK, None]),
        ("IsKompeten", [True, False, True], [K, BK, K]),
        ("isLulus", [1, 0, 1], [K, BK, K]),
        ("is_belum_kompeten", [False, True, None], [K, BK, None]),
        # flags of the record, not of the assessment, and a bare letter, are no result
        ("is_active", [1, 1, 0], [None, None, None]),
        ("is_k", [True, False, True], [None, None, None]),
    ],
)
def test_a_json_field_named_is_and_one_value(tmp_path, field, cells, hasil):
    import json

    records = [{"nama": name, "nik": nik, "jenjang": str(jenjang), field: cell}
               for (name, nik, _, jenjang), cell in zip(PERSONS, cells)]
    (tmp_path / "ekspor.json").write_text(json.dumps(records))
    rows = read_submission(tmp_path / "ekspor.json", OFFICE).rows
    got = standardize_submission(rows, reference_date=date(2026, 6, 30)).rows["hasil"]
    assert [None if value != value else value for value in got] == hasil


@pytest.mark.parametrize(
    ("header", "cells", "hasil"),
    [
        ("is_kompeten", ["1", "0", "null", "1"], [K, BK, None, K]),
        ("IS_LULUS", ["1", "0", "", "0"], [K, BK, None, BK]),
        ("is_deleted", ["0", "0", "1", "0"], [None, None, None, None]),
    ],
)
def test_a_csv_column_named_is_and_one_value(tmp_path, header, cells, hasil):
    lines = [f'"no","nama_lengkap","nik","jenjang","{header}"']
    lines += [f'"{i}","PESERTA {i}","36040102038600{i + 10}","3","{cell}"' for i, cell in enumerate(cells, 1)]
    (tmp_path / "peserta.csv").write_bytes("\ufeff".encode() + "\n".join(lines).encode())
    rows = read_submission(tmp_path / "peserta.csv", OFFICE).rows
    got = standardize_submission(rows, reference_date=date(2026, 6, 30)).rows["hasil"]
    assert [None if value != value else value for value in got] == hasil


@pytest.mark.parametrize(
    ("field", "cells", "hasil"),
    [
        ("statusKompeten", [True, False, None], [K, BK, None]),
        ("status_kompeten", [1, 0, None], [K, BK, None]),
        ("hasil_kompetensi", ["K", "BK", None], [K, BK, None]),
        ("Keputusan Kompetensi", ["Kompeten", "Belum Kompeten", ""], [K, BK, None]),
        ("Kompeten/Tidak", ["Kompeten", "Tidak", None], [K, BK, None]),
    ],
)
def test_a_field_named_for_the_competence(tmp_path, field, cells, hasil):
    import json

    records = [{"nama": name, "nik": nik, "jenjang": str(jenjang), field: cell}
               for (name, nik, _, jenjang), cell in zip(PERSONS, cells)]
    (tmp_path / "ekspor.json").write_text(json.dumps(records))
    rows = read_submission(tmp_path / "ekspor.json", OFFICE).rows
    got = standardize_submission(rows, reference_date=date(2026, 6, 30)).rows["hasil"]
    assert [None if value != value else value for value in got] == hasil
