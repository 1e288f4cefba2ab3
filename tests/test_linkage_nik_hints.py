"""A damaged NIK whose digits name another district or birth date than the candidate's vetoes the link.

A namesake born the same day in the same regency, whose NIK arrived damaged (Excel's 15 digits
copied back with a 0, a typo that made it invalid, a CSV's scientific notation), was linked to
the namesake with a valid NIK on name, birth date and place: his digits ("else" in the NIK
comparison) weighed about -3 bits. Measured on ``tests/other_generator.py`` worlds with every
hard class (seeds 8 and 9), 6 of the 12 false merges. Each case is a small world beside 300
ordinary persons; the truth is the ``person`` of each row. The must-link cases are the same
damage on the person's own NIK, which one damage explains.
"""

from __future__ import annotations

import pandas as pd
import pytest

from linkage.nik_hints import credible, explained_by, hint_contradicts
from test_linkage import Row, link_beside_background

DS, KT, BKL = "kab-deli-serdang", "kab-kotim", "kota-bengkulu"

WORLD = [
    # --- excel_copy_other_district: two Rusli Harahaps born the same day in Deli Serdang; the second's
    # NIK (district 15) typed as a number and copied back as text: 15 digits and a 0, serial 0000
    Row("excel_copy_other_district", "rusli_a", "ds_2024.ods", "Rusli Harahap", "1207081612910001",
        "Deli Serdang", "16-12-1991", "L", office=DS),
    Row("excel_copy_other_district", "rusli_b", "ds_2024.ods", "Rusli Harahap", "1207151612910000",
        "Deli Serdang", "16-12-1991", "L", office=DS),
    # --- scientific_other_district: a CSV saved from Excel shows the namesake's NIK (district 01) as
    # 6.20201E+15; the valid one is district 15's
    Row("scientific_other_district", "samsul_a", "kotim_2023.csv", "Samsul Bahri", "6202150305670001",
        "Kotawaringin Timur", "03-05-1967", "L", office=KT),
    Row("scientific_other_district", "samsul_b", "kotim_rekap.csv", "Samsul Bahri", "6.20201E+15",
        "Kotawaringin Timur", "03-05-1967", "L", office=KT),
    # --- typo_and_other_district: the namesake's NIK (district 07) with day and month swapped
    # (month 26: invalid) beside the valid NIK of district 06
    Row("typo_and_other_district", "lukman_a", "bkl_2024.xls", "Lukman Hakim", "1771061206880001", "Bengkulu",
        "12-06-1988", "L", office=BKL),
    Row("typo_and_other_district", "lukman_b", "bkl_2024.xls", "Lukman Hakim", "1771071026880001", "Bengkulu",
        "12-06-1988", "L", office=BKL),
    # --- must link: one man's own NIK, damaged once in another list
    Row("excel_copy_own", "darwis", "ds_2023.ods", "Darwis Lubis", "1207081107850002", "Deli Serdang",
        "11-07-1985", "L", office=DS),
    Row("excel_copy_own", "darwis", "ds_2025.ods", "Darwis Lubis", "1207081107850000", "Deli Serdang",
        "11-07-1985", "L", jenjang="4", jabatan="Mandor", office=DS),
    Row("scientific_own", "mahyudi", "kotim_2023.csv", "Mahyudi Rangkuti", "6202154408790003",
        "Kotawaringin Timur", "04-08-1979", "P", office=KT),
    Row("scientific_own", "mahyudi", "kotim_rekap.csv", "Mahyudi Rangkuti", "6.20215E+15",
        "Kotawaringin Timur", "04-08-1979", "P", office=KT),
    Row("date_typo_own", "hendra", "bkl_2023.xls", "Hendra Simanjuntak", "1771052309900001", "Bengkulu",
        "23-09-1990", "L", office=BKL),
    Row("date_typo_own", "hendra", "bkl_2025.xls", "Hendra Simanjuntak", "1771052329900001", "Bengkulu",
        "23-09-1990", "L", jenjang="4", jabatan="Mandor", office=BKL),
]

CASES = sorted({r.case for r in WORLD})


@pytest.fixture(scope="module")
def linked() -> pd.DataFrame:
    return link_beside_background(WORLD, seed=7)


@pytest.mark.parametrize("case", CASES)
def test_persons_are_the_truth(linked, case):
    rows = linked[linked["case"] == case]
    assert rows["person_key"].nunique() == rows["person"].nunique(), rows[["person", "nama", "nik", "person_key"]]
    assert rows.groupby("person")["person_key"].nunique().max() == 1


@pytest.mark.parametrize(
    ("digits", "status", "nik", "explained", "contradicts"),
    [
        ("1207151612910000", "invalid", "1207081612910001", False, True),    # Excel's copy, another district
        ("1207081612910000", "invalid", "1207081612910002", True, False),    # Excel's copy of this NIK
        ("1207121606020000", "invalid", "1207141606020001", False, True),    # Excel's copy after a typo: two damages
        ("1771071026880001", "invalid", "1771061206880001", False, True),    # a swap and another district
        ("1771052329900001", "invalid", "1771052309900001", True, False),    # one typo in the date
        ("1771052309900071", "invalid", "1771052309900017", True, False),    # serial digits swapped
        ("1771052309909911", "invalid", "1771052309900001", False, False),   # the serial only: no claim
        ("62020", "scientific_notation", "6202150305670001", False, True),
        ("62021", "scientific_notation", "6202150305670001", True, False),
        ("62022", "scientific_notation", "6202199305670001", True, False),   # rounded up
        ("640812", "invalid", "6408120101900001", True, False),              # a masked NIK's leading digits
        ("640813", "invalid", "6408120101900001", False, True),
        ("120708161291000", "excel_truncated", "1207081612910001", True, False),
        ("120708161291001", "excel_truncated", "1207081612910005", True, False),  # rounded by a program
        ("120715161291000", "excel_truncated", "1207081612910001", False, True),
        ("12070816129100001", "wrong_length", "1207081612910001", True, False),   # a digit doubled
        ("12071516129100001", "wrong_length", "1207081612910001", False, True),
    ],
)
def test_explained_and_contradicts(digits, status, nik, explained, contradicts):
    assert (explained_by(digits, status, nik), hint_contradicts(digits, status, nik)) == (explained, contradicts)


@pytest.mark.parametrize(
    ("digits", "status", "ddmmyy", "trusted"),
    [
        ("1207151612910000", "invalid", "161291", True),
        ("1771071026880001", "invalid", "120688", True),     # day and month swapped: a slip
        ("1771080707760000", "invalid", "091098", False),    # another person's NIK (copied from above)
        ("1771084707760000", "invalid", "070776", True),     # a woman's: day plus 40
        ("1207151612910000", "invalid", None, True),         # no birth date to hold it against
        ("62020", "scientific_notation", "030567", True),    # no date digits shown
        ("12071161291000", "wrong_length", "161291", True),  # a digit dropped before the date
        ("1207151612910000", "valid", "161291", False),      # not a damaged NIK
    ],
)
def test_credible(digits, status, ddmmyy, trusted):
    assert credible(digits, status, ddmmyy) is trusted
