"""A province expert programme's sheet of level cells clerks write, through standardize_submission.

Probe of 2026-12-07 (Dinas PUPR-Pera Kaltim, experts and technicians): which rows count at which
jenjang, and for the rows that cannot count, whether the quarantine reason names what the cell
lacks. Truth by hand from ../shared/DOMAIN.md: only "Ahli Muda / Madya / Utama" are 7 / 8 / 9 (the
phrase may be split over the occupation's name), "Ahli", "Teknisi/Analis" and "Operator" alone span
three levels each, Muda / Madya / Utama in a technician title are no level.
Rows marked "before" were read differently before that day's change.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.headers import RAW_COLUMNS
from standardize.levels import jenjang_problem, jenjang_status
from standardize.record import standardize_submission

# (kualifikasi, jenjang, jabatan_kerja) -> expected jenjang, or the quarantine reason's English part
ROWS = [
    # the grade after an expert occupation's name (before: quarantined jenjang_unreadable)
    (("Ahli", None, "Ahli Teknik Jembatan Madya"), 8),
    (("Ahli", None, "Ahli K3 Konstruksi (Muda)"), 7),
    ((None, None, "Ahli Teknik Jalan - Utama"), 9),  # before: jenjang_missing
    (("Ahli", None, "Ahli Teknik Bangunan Gedung Tingkat Madya"), 8),
    # unchanged: the phrase in the jabatan, or split over kualifikasi and jenjang
    (("Ahli", None, "Ahli Madya Teknik Jalan"), 8),
    (("Ahli", "Madya", "Ahli Teknik Jalan"), 8),
    ((None, "Jenjang III", "Operator Crane"), 3),
    ((None, "tiga", "Tukang Besi Beton"), 3),
    ((None, "KKNI Level 6", "Pelaksana Lapangan Pekerjaan Gedung"), 6),
    ((None, "Lv.4", "Juru Ukur"), 4),
    ((None, "5", "Quantity Surveyor Madya"), 5),  # the number wins over the technician title's grade
    # cannot count: the reason names what is missing (before: only "level value present but not understood")
    (("Ahli", None, "Ahli Teknik Jalan"),
     "level value present but not understood: 'Ahli' names the kualifikasi Ahli (7-9) but not the jenjang:"
     " write Muda 7, Madya 8 or Utama 9"),
    ((None, "Operator", "Operator Excavator"),
     "level value present but not understood: 'Operator' names the kualifikasi Operator (1-3) but not the jenjang:"
     " write the jenjang 1-9"),
    ((None, "Teknisi / Analis", "Quantity Surveyor Madya"),
     "level value present but not understood: 'Teknisi / Analis' names the kualifikasi Teknisi/Analis (4-6) but not"
     " the jenjang: write the jenjang 1-9"),
    ((None, "Madya", "Quantity Surveyor"),
     "level value present but not understood: 'Madya' without the word Ahli (Ahli Muda 7, Ahli Madya 8, Ahli Utama"
     " 9); technician titles use it too"),
    ((None, "Kelas II", "Tukang Batu"),
     "level value present but not understood: 'Kelas II' is a class of the old SKA/SKT scheme, no KKNI jenjang"),
    ((None, "Ahli Muda/Madya", "Ahli Teknik Jalan"),
     "level value present but not understood: 'Ahli Muda/Madya' names two grades"),
    ((None, "10", "Mandor"),
     "level value present but not understood: '10': a number outside jenjang 1-9, or two different numbers"),
]


def _frame():
    records = []
    for offset, ((kualifikasi, jenjang, jabatan), _) in enumerate(ROWS):
        raw = dict(nama=f"PESERTA {offset + 1}", nik=f"'64720{offset % 9 + 1}1203850{offset + 1:03d}",
                   tempat_tanggal_lahir="Samarinda, 12-03-1985", jenis_kelamin="L", kualifikasi=kualifikasi,
                   jenjang=jenjang, jabatan_kerja=jabatan, hasil="K")
        provenance = {"office_id": "prov-kaltim", "source_file": "peserta_ahli.xlsx", "source_sha256": "ef" * 32,
                      "source_sheet": "Tahap I", "source_row": 6 + offset}
        records.append({**provenance, **{column: raw.get(column) for column in RAW_COLUMNS}})
    return pd.DataFrame(records)


@pytest.fixture(scope="module")
def result():
    return standardize_submission(_frame(), date_order="dmy", reference_date=date(2026, 6, 30))


def test_counted_rows_and_their_jenjang(result):
    counted = {int(row.source_row): int(row.jenjang) for row in result.rows.itertuples()}
    assert counted == {6 + i: expected for i, (_, expected) in enumerate(ROWS) if isinstance(expected, int)}


def test_quarantine_reason_names_what_the_cell_lacks(result):
    reasons = {int(row.source_row): row.reason for row in result.quarantine.itertuples()}
    expected = {6 + i: english for i, (_, english) in enumerate(ROWS) if isinstance(english, str)}
    assert sorted(reasons) == sorted(expected)
    # "<Indonesian> / <English>", each naming the cell; the English part as written above
    assert all(reasons[row].startswith("Jenjang tidak dapat dibaca: '") for row in reasons)
    assert all(reasons[row].endswith(" / " + expected[row]) for row in reasons)
    assert set(result.quarantine["rule"]) == {"jenjang_unreadable"}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # an expert occupation ending with its one grade (before: None)
        ((None, None, "Ahli Teknik Jembatan Madya"), 8),
        ((None, None, "AHLI K3 KONSTRUKSI MUDA"), 7),
        ((None, None, "Ahli Teknik Jalan (Utama)"), 9),
        ((None, "Ahli", "Ahli Teknik Jalan, Madya"), 8),
        ((None, None, "Ahli Teknik Jalan Tk. Muda"), 7),
        # no level: the grade not at the end, two grades, a technician's title, Ahli not leading
        ((None, None, "Ahli Teknik Jalan Madya Bidang Jembatan"), None),
        ((None, None, "Ahli Teknik Jalan Muda/Madya"), None),
        ((None, None, "Quantity Surveyor Madya"), None),
        ((None, None, "Pelaksana Pemeliharaan Jalan Muda"), None),
        ((None, "Teknisi", "Juru Gambar Arsitektur (Muda)"), None),
    ],
)
def test_grade_after_an_expert_occupation(cells, expected):
    assert jenjang_status(*cells).jenjang == expected


@pytest.mark.parametrize(
    ("cell", "english"),
    [
        ("Tenaga Ahli", "'Tenaga Ahli' names the kualifikasi Ahli (7-9) but not the jenjang: write Muda 7, Madya 8 or Utama 9"),
        ("TEKNISI/ANALIS", "'TEKNISI/ANALIS' names the kualifikasi Teknisi/Analis (4-6) but not the jenjang: write the"
                           " jenjang 1-9"),
        ("Terampil", "'Terampil' names the kualifikasi Operator / Teknisi (1-6) but not the jenjang: write the jenjang"
                     " 1-9"),
        ("Utama", "'Utama' without the word Ahli (Ahli Muda 7, Ahli Madya 8, Ahli Utama 9); technician titles use it"
                  " too"),
        ("4-6", "'4-6': a number outside jenjang 1-9, or two different numbers"),
        ("Jenjang ?", "'Jenjang ?' is no jenjang 1-9, Roman numeral or Ahli Muda/Madya/Utama"),
    ],
)
def test_problem_of_a_level_cell(cell, english):
    assert jenjang_problem(jenjang_status(cell))[1] == english


def test_no_problem_when_read_or_empty():
    assert jenjang_problem(jenjang_status("3")) is None
    assert jenjang_problem(jenjang_status(None)) is None


def test_a_long_cell_is_quoted_by_its_start():
    cell = "Operator Excavator Jenjang 3 sampai dengan Jenjang 12 menurut daftar yang panjang sekali"
    english = jenjang_problem(jenjang_status(None, None, cell))[1]
    assert english == "'Operator Excavator Jenjang 3 sampai dengan Jenjang 12 men...': a number outside jenjang 1-9, or two different numbers"
