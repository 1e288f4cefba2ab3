"""Regional naming conventions in linkage's name model (linkage/names.py): Balinese titles and
birth-order names, a Batak woman's "Br.", glued initials of a second given name (NTT)."""

from __future__ import annotations

import pytest

from linkage.names import given_names_differ, linkage_name_key, names_agree, names_related, title_run
from standardize.names import nama_kunci, parse_name


def key(written: str) -> str:
    """A name cell as linkage compares it: parsed, nama_kunci, linkage folds."""
    return linkage_name_key(nama_kunci(parse_name(written).nama))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the gender word left out, birth-order names shortened to consonants
        ("I Wyn. Sudarma", "I Wayan Sudarma"),
        ("Wayan Sudarma", "I Wayan Sudarma"),
        ("I Md. Sudarma", "I Made Sudarma"),
        ("I Kt. Arta", "I Ketut Arta"),
        ("I Nym. Suartika", "Nyoman Suartika"),
        ("Ni Kdk. Sri Wahyuni", "Ni Kadek Sri Wahyuni"),
        ("Ni Luh Pt. Ariani", "NI LUH PUTU ARIANI"),
        ("I Gd Yudha Permana", "I Gede Yudha Permana"),
        ("IGEDE SETIAWAN ADI PUTRA", "I Gede Setiawan Adi Putra"),  # the gender word glued on
        ("Niluh Ayu Purnama", "Ni Luh Ayu Purnama"),
        ("A.A. Gde Raka", "Anak Agung Gede Raka"),  # spaced initials of the caste title, Gde for Gede
        ("IB Putu Manuaba", "Ida Bagus Putu Manuaba"),  # glued initials
        ("I.B. Putu Manuaba", "Ida Bagus Putu Manuaba"),
        ("Ir. I GST. NGR. JELANTIK, S.T.", "I Gusti Ngurah Jelantik"),
        ("Tjok. Gde Agung Suryawan", "Cokorda Gede Agung Suryawan"),  # old spelling tj
        ("Dw. Ayu Kd. Sriasih", "Dewa Ayu Kade Sriasih"),  # Kade: a spelling of Kadek
        # family name first, as a form of family name and given names writes it
        ("SUDARMA, I MD.", "I Made Sudarma"),
        ("Jelantik, I Gst. Ngr.", "I Gusti Ngurah Jelantik"),
        ("Praganingrum, Tjokorda Istri", "Cokorda Istri Praganingrum"),
        ("SUDARMA, I WAYAN", "Wayan Sudarma"),
        # a Batak woman's Br. (boru) before her marga
        ("Rosmawati Br. Sitorus", "Rosmawati Sitorus"),
        ("ROSMAWATI BORU SITORUS", "Rosmawati Sitorus"),
    ],
)
def test_one_balinese_or_batak_name_has_one_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Ayu, Agung, Bagus, Dewa, Ida are given names outside Bali: alone they are no title
        ("Ayu Lestari", "Lestari"),
        ("Agung Nugroho", "Nugroho"),
        ("Ida Farida", "Farida"),
        ("I Sudarma", "Sudarma"),  # a lone I: an initial as far as anyone can tell
        ("Made", "Md"),  # a one-word name keeps its word
        ("Br. Sitorus", "Sitorus"),  # Br first: no marga follows a boru there
        ("Iwan Setiawan", "Wan Setiawan"),  # a name that starts with I, no title glued on
        ("Idewa Putra", "Dewa Putra"),
        ("Agus Gede", "Gede Agus"),  # one title word last: no name written backwards
    ],
)
def test_words_that_are_titles_only_in_a_balinese_name_stay(a, b):
    assert key(a) != key(b)


@pytest.mark.parametrize(
    ("words", "titles", "personal"),
    [
        ("i wayan sudarma", ["wayan"], ["sudarma"]),
        ("ni luh putu ariani", ["luh", "putu"], ["ariani"]),
        ("ib putu manuaba", ["ida", "bagus", "putu"], ["manuaba"]),
        ("a a gde raka", ["anak", "agung", "gede"], ["raka"]),
        ("i gst ngr jelantik", ["gusti", "ngurah"], ["jelantik"]),
        ("ida ayu made sukmawati", ["ida", "ayu", "made"], ["sukmawati"]),
        ("i made agung", ["made"], ["agung"]),  # the last word is the person's
        ("ida farida", [], ["ida", "farida"]),
        ("agung laksono", [], ["agung", "laksono"]),
        ("i sudarma", [], ["i", "sudarma"]),
        ("wayan", [], ["wayan"]),
    ],
)
def test_title_run(words, titles, personal):
    assert title_run(words.split(" ")) == (titles, personal)


@pytest.mark.parametrize(
    ("a", "b", "strict", "loose"),
    [
        # the personal name alone, the titles left out: one name, however short
        ("Ariani", "Ni Made Ariani", True, True),
        ("Sudarma", "I Wayan Sudarma", True, True),
        ("Gede Wirawan", "I Gede Wirawan", True, True),
        ("I Made Sudarma Yasa", "Made Sudarma", True, True),  # a personal word left out
        ("Wayan Sudarma", "I Wayan Sudarma Putra", True, True),
        # another birth order or caste: another person, whatever the personal name
        ("I Wayan Sudarma", "I Made Sudarma", False, False),
        ("I Putu Sudarma", "I Wayan Sudarma", False, False),
        ("Ni Luh Ariani", "Ni Made Ariani", False, False),
        ("Gede Wirawan", "I Putu Eka Wirawan", False, False),
        ("Ida Bagus Putu Manuaba", "I Gusti Putu Manuaba", False, False),
        # a birth-order name shared is no written-out word of the person's name
        ("I Made S.", "I Made Sudarma", False, True),  # on one valid NIK, an initial is enough
        ("I Made Sudarma", "I Made Suarta", False, True),  # loosely, two slips in a long word
        # glued initials of a second given name (NTT: a baptismal name and a saint's)
        ("Yohanes DB. Nahak", "Yohanes Don Bosco Nahak", True, True),
        ("Yohanes D.B. Nahak", "Yohanes Don Bosco Nahak", True, True),
        ("Yohanes DB. Nahak", "Yohanes Dominikus Nahak", False, False),
        ("Yohanes BD Nahak", "Yohanes Don Bosco Nahak", False, False),
        # what the model read before these conventions, pinned beside them: a Chinese-Indonesian name in
        # Western order or hyphenated, an Arabic name with and without the father's, "Al-" glued or not
        ("Tan Kok Liang", "Kok Liang Tan", True, True),
        ("TAN KOK-LIANG", "Tan Kok Liang", True, True),
        ("Tan Kok Liang", "Tan Kok Hwa", False, False),
        ("Salim bin Abdullah Baabud", "Salim Baabud", True, True),
        ("Abdullah Al-Katiri", "Abdullah Alkatiri", True, True),
    ],
)
def test_regional_names_agree(a, b, strict, loose):
    assert names_agree(key(a), key(b)) is strict
    assert names_agree(key(b), key(a)) is strict
    assert names_agree(key(a), key(b), loose=True) is loose


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("I Made Sudarma", "I Made Suarta", True),  # the given name is Sudarma, not Made
        ("I Wayan Sudarma", "I Made Sudarma", True),  # brothers
        ("I Wyn. Sudarma", "Wayan Sudarma", False),
        ("Sudarma", "I Wayan Sudarma", False),
        ("Dw. Ayu Kd. Sriasih", "Dewa Ayu Kade Sriasih", False),
    ],
)
def test_given_names_differ_past_the_titles(a, b, differ):
    assert given_names_differ(key(a), key(b)) is differ



@pytest.mark.parametrize(
    ("a", "b", "related"),
    [
        ("I Wayan Sudarma", "I Wayan Budiasa", False),  # only the birth-order name in common
        ("Ida Bagus Putu Manuaba", "Ida Bagus Made Oka", False),
        ("Wayan Sudarma", "I Made Sudarma", True),  # the personal name in common
        ("Ni Made Ariani", "Ariani Dewi", True),
    ],
)
def test_names_related_past_the_titles(a, b, related):
    assert names_related(key(a), key(b)) is related


def test_a_row_without_nik_joins_the_balinese_person_of_its_personal_name():
    """NIK repair of a row without NIK: "Putu Ariani" (Ni Luh left out) born the day Ni Luh Putu Ariani
    and Ni Made Ariani were both born joins Ni Luh Putu Ariani, whose titles it keeps part of; "Ariani"
    alone fits both and stays apart (before: both rows stayed apart, keys "putu ariani" / "luh putu ariani").
    """
    from datetime import date

    from linkage.link import link_persons
    from tests.test_linkage import Row, background, make_nik, standardize

    born = date(1992, 11, 2)
    rows = background(20, seed=5) + [
        Row("bali", "luh", "gianyar_2024.xlsx", "NI LUH PUTU ARIANI", make_nik("5104", "03", born, "P", 4), None,
            "1992-11-02", "P", office="kota-samarinda"),
        Row("bali", "made", "gianyar_2024.xlsx", "NI MADE ARIANI", make_nik("5104", "03", born, "P", 5), None,
            "1992-11-02", "P", office="kota-samarinda"),
        Row("bali", "luh", "gianyar_2025.xlsx", "Putu Ariani", "-", None, "1992-11-02", "P", office="kota-samarinda"),
        Row("bali", "either", "gianyar_2025.xlsx", "Ariani", "-", None, "1992-11-02", "P", office="kota-samarinda"),
    ]
    linked = link_persons(standardize(rows), "s").rows
    bali = linked[linked["case"] == "bali"]
    keys = bali.groupby("person")["person_key"].agg(lambda k: sorted(set(k)))
    assert keys.map(len).to_dict() == {"either": 1, "luh": 1, "made": 1}
    assert len({keys["either"][0], keys["luh"][0], keys["made"][0]}) == 3
    putu = bali[bali["nama"] == "Putu Ariani"].iloc[0]
    assert putu["link_basis"] == "nik_repair:missing"
