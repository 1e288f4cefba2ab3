"""A bare row (no NIK, no birth date) is not the person its own list already names at the same assessment.

linkage.nik_stage.assessment_candidates joins a bare recap row to the one person reporting the same
jabatan, jenjang and year under an agreeing name. A list states each person's assessment once: when
the bare row's own list (file and sheet) has another row of that person at that assessment, the bare
row is someone else (blind world 3: the Jawa Tengah 2025 recap's "WIDODO H." of Kabupaten Boyolali,
beside "WIDODO HIDAYAT S." of Kota Semarang with his NIK, was joined to the Semarang man). Nor do
two bare rows of one list that fit one person join him: one of them is someone else.
"""

from __future__ import annotations

from datetime import date

import pytest

from linkage.link import link_persons
from test_linkage import SECRET, Row, background, make_nik, standardize

WIDODO = make_nik("6408", "03", date(1981, 5, 30), "L", 225)
PROVINCE = "prov-kaltim"
REGENCY_ROW = Row("w", "widodo", "kutim_2025.xlsx", "Widodo Hidayat Sutrisno", WIDODO, "Sangatta", "1981-05-30", "L",
                  jabatan="Operator Excavator")
BARE = Row("w", "other", "rekap_2025.xlsx", "WIDODO H.", None, None, None, "L", jabatan="Operator Excavator",
           office=PROVINCE)


def _nik_row(file: str) -> Row:
    return Row("w", "widodo", file, "WIDODO HIDAYAT S.", WIDODO, None, None, "L", jabatan="Operator Excavator",
               office=PROVINCE)


PROVINCES = {"kab-kutai-timur": "64", "prov-kaltim": "64", "prov-kalsel": "63"}
CASES = [
    # (case, rows besides the regency row and the bare row, bare row joins Widodo)
    ("nothing else in the recap", [], True),
    ("the recap names Widodo on another row", [_nik_row("rekap_2025.xlsx")], False),
    ("another province file names him", [_nik_row("ahli_2025.xlsx")], True),
    # two bare rows of one recap fit him: one is someone else, and nothing says which
    # another province's recap: its regencies' workers, not Kutai Timur's
    ("another province's recap", [], False),
    ("two bare rows of the recap fit him", [Row("w", "other2", "rekap_2025.xlsx", "WIDODO H.", None, None, None, "L",
                                                jabatan="Operator Excavator", office=PROVINCE)], False),
]


@pytest.mark.parametrize(("case", "rows", "joined"), CASES, ids=[c[0] for c in CASES])
def test_a_bare_row_is_not_the_person_its_own_list_names_at_that_assessment(case, rows, joined):
    bare_row = BARE if case != "another province's recap" else Row(
        "w", "other", "rekap_2025.xlsx", "WIDODO H.", None, None, None, "L", jabatan="Operator Excavator",
        office="prov-kalsel")
    linked = link_persons(standardize(background(40, seed=5) + [REGENCY_ROW] + rows + [bare_row]), SECRET,
                          office_provinces=PROVINCES).rows
    widodo = linked.loc[(linked["case"] == "w") & (linked["nama"] == "Widodo Hidayat Sutrisno"), "person_key"].iloc[0]
    bare = linked.loc[(linked["case"] == "w") & linked["source_file"].str.startswith("rekap_")
                      & linked["nik"].isna(), "person_key"]
    assert [key == widodo for key in bare] == [joined] * len(bare)
