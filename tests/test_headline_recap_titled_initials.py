"""A province recap that shortens a titled name to its titles and initials ("I KETUT S.").

Balinese names are a title run (gender word, caste and birth-order words: "I Gusti Ngurah
Putu") and one or two personal words; a recap clerk who shortens the last word leaves no
personal word written out, so linkage's strict name rule (a personal word written out on both
sides) never agrees. In a recap's cell (province, jenjang, jabatan kerja, year) the row still
states the regency's certificate when exactly one regency/city row of the cell carries the same
titles and a personal name those initials start, and no other recap row of the cell fits it
(found by blind world 3: 8 Bali recap rows counted a second time at the province).
"""

from __future__ import annotations

import pandas as pd
import pytest

from standardize.names import nama_kunci, parse_name
from warehouse.headline import recap_partners


def _key(name: str) -> str:
    return nama_kunci(parse_name(name).nama)


def _frame(regency: list[tuple[str, str]], recap: list[tuple[str, str]]) -> pd.DataFrame:
    """Regency rows first, then recap rows: (name, sex) each, all Operator Excavator, jenjang 3, 2025."""
    rows = [("kab-gianyar", "51.04", "regency", n, s) for n, s in regency]
    rows += [("prov-bali", "51", "province", n, s) for n, s in recap]
    n = len(rows)
    return pd.DataFrame({
        "office_id": [r[0] for r in rows], "region_code": [r[1] for r in rows],
        "office_level": [r[2] for r in rows], "jenjang": [3] * n, "jabatan_kerja": ["Operator Excavator"] * n,
        "tahun": [2025] * n, "nama_kunci": [_key(r[3]) for r in rows], "nomor_sertifikat": [None] * n,
        "nik": [None] * n, "tanggal_lahir": [pd.NaT] * n, "jenis_kelamin": [r[4] for r in rows],
        "tanggal_terbit": [pd.NaT] * n, "masa_berlaku": [pd.NaT] * n,
        "source_file": [("rekap.xlsx" if r[2] == "province" else "gianyar.xlsx") for r in rows],
        "person_key": [r[3] for r in rows],  # one name, one person
    })


CASES = [
    # (case, regency rows, recap rows, expected {recap position: regency position})
    ("birth order, personal name an initial", [("I Ketut Suardika", "L")], [("I KETUT S.", "L")], {1: 0}),
    ("abbreviated birth order", [("I Kt. Suarjana", "L")], [("I KETUT S.", "L")], {1: 0}),
    ("caste titles abbreviated", [("I Gst. Ngr. Putu Adnyana, S.Kom.", "L")],
     [("I GUSTI NGURAH PUTU A.", "L")], {1: 0}),
    ("woman", [("Ni Made Ariani", "P")], [("NI MADE A.", "P")], {1: 0}),
    ("two personal words, both initials", [("I Gede Wirawan Astawa", "L")], [("I GEDE W. A.", "L")], {1: 0}),
    # nothing tells which of two regency rows the recap repeats
    ("two regency rows fit", [("I Ketut Suardika", "L"), ("I Ketut Sudarma", "L")], [("I KETUT S.", "L")], {}),
    # two recap rows for one regency row: one is another person's certificate (counted at the province)
    ("two recap rows fit: the first repeats it", [("I Ketut Suardika", "L")], [("I KETUT S.", "L"), ("KETUT S.", "L")],
     {1: 0}),
    # the gender word is the recap's only word of the sex: "Ni" is a woman
    ("gender word tells the sex", [("I Ketut Arsana", "L"), ("Ni Ketut Ariani", "P")], [("NI KETUT A.", None)], {2: 1}),
    # one person certified by two regencies, the recap listing both: one regency row each
    ("one person at two regencies", [("I Nengah Arsana", "L"), ("I Nengah Arsana", "L")],
     [("I NENGAH A.", None), ("I NENGAH A.", None)], {2: 0, 3: 1}),
    ("another birth order", [("I Wayan Suardika", "L")], [("I KETUT S.", "L")], {}),
    ("another caste", [("I Gusti Ngurah Suardika", "L")], [("I KETUT S.", "L")], {}),
    ("another initial", [("I Ketut Suardika", "L")], [("I KETUT W.", "L")], {}),
    ("another sex", [("I Ketut Suardika", "L")], [("NI KETUT S.", "P")], {}),
    # no titles: a lone initial says too little ("S." beside a written word is the usual rule)
    ("untitled initials", [("Suardika Putra", "L")], [("S. P.", "L")], {}),
]


@pytest.mark.parametrize(("case", "regency", "recap", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_recap_row_of_titles_and_initials_repeats_the_one_regency_row_it_fits(case, regency, recap, expected):
    certified = _frame(regency, recap)
    partners = recap_partners(certified, (certified["office_level"] == "province").to_numpy())
    assert partners.to_dict() == expected
