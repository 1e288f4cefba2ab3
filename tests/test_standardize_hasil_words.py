"""Result cells of assessments that ended without a result, as clerks write them.

Probe of 2026-12-07: "Gugur Administrasi", "Diskualifikasi", "Tidak Lulus Administrasi" (out at the document
check) and "Ditunda" (the assessment put off) were hasil_unreadable before: no result, but flagged as
a cell not understood. Now they are read as not assessed; none is a result. A column that passed
the document check ("Lulus Administrasi") stays unread, so that it does not compete with the result
column beside it (sources.readers.table.results_read counts not-assessed cells as results).
"""

from __future__ import annotations

import pytest

from standardize.fields import hasil_not_assessed, parse_hasil


@pytest.mark.parametrize(
    ("cell", "hasil", "not_assessed"),
    [
        # were (None, False): unreadable
        ("GUGUR ADMINISTRASI", None, True),
        ("Diskualifikasi", None, True),
        ("Didiskualifikasi", None, True),
        ("Tidak Lulus Administrasi", None, True),
        ("Tdk Lolos Verifikasi", None, True),
        ("Ditunda", None, True),
        ("Uji Ditunda", None, True),
        ("Dijadwalkan Ulang", None, True),
        # unchanged
        ("Lulus Administrasi", None, False),
        ("Gugur", None, False),  # failed or dropped: unknown which
        ("Lulus", "Kompeten", False),
        ("Tidak Lulus", "Belum Kompeten", False),
        ("BK / Ditunda", "Belum Kompeten", False),
        ("Diskualifikasi / BK", None, False),  # an absence beside a result is no result
        ("Tidak Hadir", None, True),
        ("Mengundurkan Diri", None, True),
    ],
)
def test_results_without_an_assessment(cell, hasil, not_assessed):
    assert (parse_hasil(cell), hasil_not_assessed(cell)) == (hasil, not_assessed)


@pytest.mark.parametrize(
    ("cell", "hasil", "not_assessed"),
    [
        # a reserve who sat in a no-show's place: the result beside the word is theirs (was None)
        ("Cadangan - Kompeten", "Kompeten", False),
        ("Kompeten; cadangan", "Kompeten", False),
        ("Cadangan / BK", "Belum Kompeten", False),
        # a reserve alone did not sit, or not yet
        ("Cadangan", None, True),
        ("PESERTA CADANGAN", None, True),
        ("Cadangan, tidak mengikuti uji", None, True),
        ("Cadangan - Tidak Hadir", None, True),
    ],
)
def test_a_reserve(cell, hasil, not_assessed):
    assert parse_hasil(cell) == hasil
    assert hasil_not_assessed(cell) == not_assessed
