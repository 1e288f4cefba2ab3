"""NIK cells with a remark written after the number, as clerks annotate them.

Probe of 2026-12-07: the cells marked "before" were nik_invalid (the person's NIK lost for linkage
and for the region of the KTP) although the cell holds one whole NIK and a remark.
"""

from __future__ import annotations

import pytest

from standardize.nik import nik_parts, parse_nik_array

NIK = "6408011203850001"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # before: (None, "invalid", None)
        ("6408011203850001 (KTP Kutim)", (NIK, "valid", None)),
        ("6408011203850001 (lama)", (NIK, "valid", None)),
        ("6408011203850001 - KTP Samarinda", (NIK, "valid", None)),
        ("6408 0112 0385 0001 (sesuai KTP)", (NIK, "valid", None)),
        ("6408011203850001;", (NIK, "valid", None)),
        ("'6408011203850001 ket: KTP luar daerah", (NIK, "valid", None)),
        # a wrong length keeps its status after the remark is dropped (before: invalid)
        ("640801120385001 (lama)", (None, "wrong_length", "640801120385001")),
        # unchanged: two numbers, digits in the remark, a doubt, a mask, words before the number
        ("6408011203850001 / 6408011203850002", (None, "invalid", None)),
        ("6408011203850001 (KK 12)", (None, "invalid", None)),
        ("6408011203850001 (KK)", (None, "invalid", None)),  # the family card's number, not the NIK
        ("6408011203850001 NPWP", (None, "invalid", None)),
        ("6408011203850001 ?", (None, "invalid", NIK)),
        ("6408xxxxxxxx0001", (None, "invalid", "6408")),
        ("KTP Kutim 6408011203850001", (None, "invalid", None)),
        ("6408011203850001", (NIK, "valid", None)),
    ],
)
def test_nik_with_a_remark(cell, expected):
    assert nik_parts(cell) == expected


def test_array_path_agrees():
    cells = ["6408011203850001 (KTP Kutim)", "6408011203850001;", "6408011203850001 / 6408011203850002", NIK]
    nik, status, partial = parse_nik_array(cells)
    got = [(None if n != n else n, s, None if p != p else p) for n, s, p in zip(nik, status, partial)]
    assert got == [nik_parts(cell) for cell in cells]
