"""Rows that carry a valid NIK but no name: a portal export whose name field no header names
(a SharePoint list's ``Title``), a clerk's blank name cell. Blind world 4 found such a row
taking the NIK from the named rows of the same person, who were then set aside as someone
else's (4 persons split, Kota Medan). A nameless row is no evidence about whose name a NIK
goes with; it is someone else's only by its birth date, as a named row is.

Each case is a small hand-counted world beside 300 ordinary persons; the truth is each row's ``person``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from test_linkage import Row, link_beside_background, persons_sharing_a_key, persons_with_two_keys

MD = "kota-medan"

WORLD = [
    # the nameless row comes first: the named row of 2023 must not be set aside
    Row("nameless_first", "hotnida", "a_sharepoint_2025.json", None, "1271044201940043", None, "1994-01-02", "P",
        office=MD),
    Row("nameless_first", "hotnida", "b_uk_2023.txt", "Hotnida Pardede", "1271044201940043", "Medan", "02/01/1994",
        "P", jenjang="2", office=MD),
    # two nameless rows beside one named row
    Row("nameless_many", "sahat", "a_sharepoint_2025.json", None, "1271050504900044", None, "1990-04-05", "L",
        office=MD),
    Row("nameless_many", "sahat", "a_sharepoint_2026.json", None, "1271050504900044", None, "1990-04-05", "L",
        office=MD),
    Row("nameless_many", "sahat", "b_uk_2023.txt", "Sahat Siregar", "1271050504900044", "Medan", "05/04/1990", "L",
        jenjang="2", office=MD),
    # a nameless row without a birth date either
    Row("nameless_undated", "poltak", "a_sharepoint_2025.json", None, "1271110801730045", None, None, None,
        office=MD),
    Row("nameless_undated", "poltak", "b_uk_2023.txt", "Poltak Ginting", "1271110801730045", "Medan", "08/01/1973",
        "L", jenjang="2", office=MD),
    # a NIK copied from the row above onto another person (born elsewhere, another day), and a
    # nameless row agreeing with the NIK: the nameless row is the owner's, the copy stays apart
    Row("copy_beside_nameless", "bonar", "a_sharepoint_2025.json", None, "1271052006770046", None, "1977-06-20",
        "L", office=MD),
    Row("copy_beside_nameless", "bonar", "b_uk_2023.txt", "Bonar Sitompul", "1271052006770046", "Medan",
        "20/06/1977", "L", jenjang="2", office=MD),
    Row("copy_beside_nameless", "edison", "b_uk_2023.txt", "Edison Lubis", "1271052006770046", "Medan",
        "11/09/1984", "L", jenjang="2", office=MD),
    # a nameless row whose birth date is far from the NIK's and its named owner's: someone else's
    Row("nameless_far", "romauli", "b_uk_2023.txt", "Romauli Sinaga", "1271055203880047", "Medan", "12/03/1988",
        "P", jenjang="2", office=MD),
    Row("nameless_far", "other", "a_sharepoint_2025.json", None, "1271055203880047", None, "1969-11-30", "P",
        office=MD),
]

CASES = sorted({r.case for r in WORLD})


@pytest.fixture(scope="module")
def linked() -> pd.DataFrame:
    return link_beside_background(WORLD, seed=7)


@pytest.mark.parametrize("case", CASES)
def test_no_two_persons_share_a_key(linked, case):
    rows = linked[linked["case"] == case]
    assert persons_sharing_a_key(rows) == []


@pytest.mark.parametrize("case", CASES)
def test_each_person_has_one_key(linked, case):
    rows = linked[linked["case"] == case]
    assert persons_with_two_keys(rows) == []
