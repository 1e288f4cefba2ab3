"""Where an office's sheet writes the assessment result: hand-made workbooks through the reader and
standardization, the certified persons per jenjang counted by hand.

Probe of 2026-12-07 (header resolution of the result column). Each sheet was published wrong
before that day's change: tick columns with no span above them or with sub-columns that name a
result themselves were not read as ticks, of two weak columns the first won whatever it held, and a
sub-column under the assessor's or a training's span was read as the participant's own.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import openpyxl
import pytest

from sources.readers import read_submission
from sources.registry import Office
from standardize.record import standardize_submission

OFFICE = Office(id="kota-samarinda", name="Dinas PUPR Kota Samarinda", level="city", region_code="64.72")
TITLE = "DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA SAMARINDA TAHUN 2025"


def _certified(tmp_path, header_rows, body, merges=()):
    """{jenjang: certified rows} of one sheet, and its rows' nama as standardized."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.append([])
    for row in [*header_rows, *body]:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    path = tmp_path / "peserta_2025.xlsx"
    book.save(path)
    submission = read_submission(path, OFFICE)
    assert submission.error is None
    rows = standardize_submission(submission.rows, reference_date=date(2026, 6, 30)).rows
    kompeten = rows[rows["hasil"] == "Kompeten"]
    return dict(Counter(int(j) for j in kompeten["jenjang"])), submission


PERSONS = [
    ("Budi Santoso", "6472011203850001", "Tukang Batu", 2),
    ("Agus Salim", "6472011504880002", "Tukang Kayu", 2),
    ("Joko Susilo", "6472012007900003", "Tukang Besi Beton", 3),
    ("Slamet Riyadi", "6472010101800004", "Mandor", 4),
    ("Rudi Hartono", "6472010202810005", "Mandor", 4),
    ("Dedi Kurniawan", "6472010303820006", "Pelaksana Lapangan Pekerjaan Gedung", 5),
]


def _rows(cells):
    return [[k + 1, *PERSONS[k], *extra] for k, extra in enumerate(cells)]


ONE_ROW = ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang"]


@pytest.mark.parametrize(
    ("header_rows", "cells", "merges", "truth"),
    [
        # 1. tick columns with no span above them; a weak remarks column beside (before: {} from KETERANGAN)
        ([[*ONE_ROW, "KOMPETEN", "BELUM KOMPETEN", "KETERANGAN"]],
         [["✓", None, "KTP Samarinda"], [None, "√", "Fresh Graduate"], ["v", None, "-"], [None, "V", "mengulang"],
          [None, "x", None], ["1", None, "Karyawan"]], (), {2: 1, 3: 1, 5: 1}),
        ([[*ONE_ROW, "Keterangan", "K", "BK"]],
         [["KTP Samarinda", "√", None], ["Fresh Graduate", None, "√"], [None, "1", None]], (), {2: 1, 3: 1}),
        # 2. ticks under the result's span, in sub-columns that name a result themselves (before: {})
        ([[*ONE_ROW, "HASIL UJI", None], [None] * 5 + ["LULUS", "TIDAK LULUS"]],
         [["√", None], [None, "√"], ["√", None]], ("F3:G3",), {2: 1, 3: 1}),
        ([[*ONE_ROW, "HASIL UJI", None], [None] * 5 + ["COMPETENT", "NOT YET COMPETENT"]],
         [["v", None], ["v", None], [None, "v"]], ("F3:G3",), {2: 2}),
        ([[*ONE_ROW, "KEPUTUSAN UJI", None], [None] * 5 + ["YA", "TIDAK"]],
         [["√", None], [None, "√"], ["√", None], ["√", None]], ("F3:G3",), {2: 1, 3: 1, 4: 1}),
        # one header naming both values merged over two columns (before: {}, the ticks read as text)
        ([[*ONE_ROW, "KOMPETEN / BELUM KOMPETEN", None, "KETERANGAN"]],
         [["√", None, "KTP Samarinda"], [None, "√", None], ["√", None, None], ["√", None, None]], ("F3:G3",),
         {2: 1, 3: 1, 4: 1}),
        # a document check ticked beside the result is no result
        ([[*ONE_ROW, "PERSYARATAN", None, "HASIL"], [None] * 5 + ["MEMENUHI", "TIDAK MEMENUHI", None]],
         [["√", None, "BK"], ["√", None, "K"]], ("F3:G3",), {2: 1}),
        # 3. two weak result columns: the one holding results (before: {} from STATUS)
        ([[*ONE_ROW, "STATUS", "KETERANGAN"]],
         [["Karyawan", "K"], ["Fresh Graduate", "BK"], ["Fresh Graduate", "K"]], (), {2: 1, 3: 1}),
        ([[*ONE_ROW, "KET", "STATUS"]],
         [["KTP luar", "Kompeten"], [None, "Kompeten"], [None, "Belum Kompeten"]], (), {2: 2}),
        # 4. no result column; the assessor's and a training's numbers are no SKK numbers (before: {2: 2})
        ([[*ONE_ROW, "ASESOR", None, "PELATIHAN", None],
          [None] * 5 + ["NAMA", "NO. REG", "NO. SERTIFIKAT", "TANGGAL"]],
         [["Ir. Hasan", "MET.000.001234 2019", "PLT-2025-001", "2025-03-01"],
          ["Ir. Hasan", "MET.000.001234 2019", "PLT-2025-002", "2025-03-01"]], ("F3:G3", "H3:I3"), {}),
        # ... while the participant's own certificate under its span still certifies
        ([[*ONE_ROW, "SERTIFIKAT", None], [None] * 5 + ["NOMOR", "TGL. TERBIT"]],
         [["1.2.3.4.2025", "2025-03-01"], [None, None]], ("F3:G3",), {2: 1}),
    ],
)
def test_certified_persons_per_jenjang(tmp_path, header_rows, cells, merges, truth):
    certified, _ = _certified(tmp_path, header_rows, _rows(cells), merges)
    assert certified == truth


def test_the_assessors_name_is_not_the_participants(tmp_path):
    header = [[*ONE_ROW, "ASESOR", None], [None] * 5 + ["NAMA", "NO. REG"]]
    _, submission = _certified(tmp_path, header, _rows([["Ir. Hasan", "MET.000.001234 2019"]]), ("F3:G3",))
    assert list(submission.rows["nama"]) == ["Budi Santoso"]
    assert submission.rows["nomor_sertifikat"].isna().all()
