"""Two participant tables side by side in one sheet (Tahap I at left, Tahap II at right), and a
person's second certificate in a column group of its own, in every text format: both read, and
every row keeps an address (source_sheet, source_row) no other row has, and the batch named
above each table ("TAHAP I" over the left, "TAHAP II" over the right) is its rows' program.

Probe of 2026-12-07: the CSV and HTML pages below read all 8 persons but gave 3 pairs of rows
one address ("", 3) for Budi at left and Dedi at right: the right table was stacked under the
left one under the sheet's own name. Workbooks named the right table "Peserta [H:M]" already.
No format gave the rows their batch: the sheet's title ("TAHAP I TAHAP II") was shared."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sources.readers import read_submission
from sources.registry import Office

OFFICE = Office(id="kota-samarinda", name="Dinas PUPR Kota Samarinda", level="city", region_code="64.72")
HEADER = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]
LEFT = [["1", "Budi Santoso", "6472011203850001", "Tukang Batu", "2", "K"],
        ["2", "Agus Salim", "6472011504880002", "Tukang Kayu", "2", "BK"],
        ["3", "Joko Susilo", "6472012007900003", "Tukang Besi Beton", "3", "K"]]
RIGHT = [["1", "Dedi Kurniawan", "6472010303820006", "Mandor", "4", "K"],
         ["2", "Siti Aminah", "6472015505870007", "Juru Ukur", "3", "K"]]
GRID = [["TAHAP I", *[""] * 6, "TAHAP II"], HEADER + [""] + HEADER,
        *[LEFT[k] + [""] + (RIGHT[k] if k < len(RIGHT) else [""] * 6) for k in range(len(LEFT))]]


def _csv(grid):
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(grid)
    return out.getvalue()


def _html(grid):
    cells = lambda row, tag: "".join(f"<{tag}>{cell}</{tag}>" for cell in row)  # noqa: E731
    return ("<html><body><table>" + "".join(f"<tr>{cells(row, 'th' if i < 2 else 'td')}</tr>"
                                            for i, row in enumerate(grid)) + "</table></body></html>")


@pytest.mark.parametrize(
    "name, text, sheets",
    [
        ("peserta.csv", _csv(GRID), ["", "", "", "[H:M]", "[H:M]"]),
        ("peserta.html", _html(GRID), ["tabel 1"] * 3 + ["tabel 1 [H:M]"] * 2),
        ("peserta.json", json.dumps({"values": GRID}), ["", "", "", "[H:M]", "[H:M]"]),
    ],
    ids=["csv", "html", "json-values"],
)
def test_tables_side_by_side_keep_addresses_of_their_own(tmp_path, name, text, sheets):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    submission = read_submission(path, OFFICE)
    assert submission.error is None, submission.error
    rows = submission.rows
    assert list(rows["nama"]) == [row[1] for row in LEFT + RIGHT]
    assert list(rows["source_sheet"]) == sheets
    addresses = list(zip(rows["source_sheet"], rows["source_row"]))
    assert len(set(addresses)) == len(addresses) == 5
    # each table's own title names its batch
    assert list(rows["program"]) == ["TAHAP I"] * 3 + ["TAHAP II"] * 2


def test_a_batch_named_above_one_table_only(tmp_path):
    grid = [["DAFTAR PESERTA UJI KOMPETENSI TAHAP I - IV TAHUN 2025"], HEADER + ["", "TAHAP II"],
            LEFT[0] + [""] + HEADER, *[LEFT[k] + [""] + RIGHT[k - 1] for k in (1, 2)]]
    path = tmp_path / "peserta.csv"
    path.write_text(_csv(grid), encoding="utf-8")
    rows = read_submission(path, OFFICE).rows
    assert list(zip(rows["nama"], rows["program"])) == [(row[1], None) for row in LEFT] + [
        (row[1], "TAHAP II") for row in RIGHT]


def test_a_second_certificate_group_in_a_csv_keeps_addresses_of_its_own(tmp_path):
    grid = [["No", "Nama", "NIK", "Sertifikat I", "", "Sertifikat II", ""],
            ["", "", "", "Jabatan Kerja", "Jenjang", "Jabatan Kerja", "Jenjang"],
            ["1", "Budi Santoso", "6472011203850001", "Tukang Batu", "2", "Mandor", "4"],
            ["2", "Agus Salim", "6472011504880002", "Tukang Kayu", "2", "", ""]]
    path = tmp_path / "sertifikat.csv"
    path.write_text(_csv(grid), encoding="utf-8")
    rows = read_submission(path, OFFICE).rows
    assert list(zip(rows["source_sheet"], rows["source_row"], rows["jenjang"])) == [
        ("", "3", "2"), ("", "4", "2"), ("[Sertifikat II]", "3", "4")]
