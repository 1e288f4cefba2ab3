"""A province recap repeats a regency's row: the same NIK and the same registration number, the name
written another way (found by the harder demo world, seed 42: "H. KURNIAWAN" in Kutai Timur's MTU list,
where the clerk shortened Hendra to "H.", which reads as the haji honorific, and "Hendra K." in the
province's Rekap Kabupaten, without birth date).

One certificate has one holder: rows that share a valid NIK and a full registration number are one person
whatever their names, while a NIK copied from the row above (another number, another name) stays apart.
"""

from __future__ import annotations

import pytest

from test_linkage import Row, link_beside_background, persons_sharing_a_key, persons_with_two_keys

KT, SMD, PROV = "kab-kutai-timur", "kota-samarinda", "prov-kaltim"
NUMBER = "SKK-6408-2025-000369"

WORLD = [
    # --- honorific_initial: "H." is Hendra's initial, read as the haji honorific: the names share no word
    Row("honorific_initial", "hendra", "kt_mtu_2025.xlsx", "H. KURNIAWAN", "6408032304910007", "Sangatta",
        "23-04-1991", "L", jenjang="5", jabatan="Teknisi Laboratorium Beton", sertifikat=NUMBER, office=KT),
    Row("honorific_initial", "hendra", "prov_2025.xlsx", "Hendra K.", "6408032304910007", None, None, "L",
        jenjang="5", jabatan="Teknisi Laboratorium Beton", sertifikat=NUMBER, office=PROV),
    # --- typo_and_initial: a letter typed wrong in the given name, the surname shortened in the recap
    Row("typo_and_initial", "rudi", "smd_2024.csv", "Rddi Fauzi", "6472130104810016", "Samarinda", "01-04-1981",
        "L", jenjang="3", jabatan="Operator Excavator", sertifikat="SKK-6472-2024-000118", office=SMD),
    Row("typo_and_initial", "rudi", "prov_2024.xlsx", "Rudi F.", "6472130104810016", None, None, "L",
        jenjang="3", jabatan="Operator Excavator", sertifikat="SKK-6472-2024-000118", office=PROV),
    # --- copied_nik: the NIK copied from the row above onto another person's row, with another number
    Row("copied_nik", "bambang", "kt_2025.xlsx", "Bambang Sutrisno", "6408071402650003", "Sangatta", "14-02-1965",
        "L", sertifikat="SKK-6408-2025-000201", office=KT),
    Row("copied_nik", "agus", "prov_2025b.xlsx", "Agus Salim", "6408071402650003", None, None, "L",
        sertifikat="SKK-6408-2025-000202", office=PROV),
]

CASES = {
    # case: (persons linkage may split, persons sharing a key)
    "honorific_initial": ([], []),
    "typo_and_initial": ([], []),
    "copied_nik": ([], []),
}


@pytest.fixture(scope="module")
def linked():
    return link_beside_background(WORLD, seed=17)


@pytest.mark.parametrize("case", sorted(CASES))
def test_recap_rows_of_one_certificate(linked, case):
    rows = linked[linked["case"] == case]
    split, shared = CASES[case]
    assert sorted(persons_with_two_keys(rows)) == split
    assert persons_sharing_a_key(rows) == shared
