"""Baptismal names of Eastern Indonesia in linkage's name model (linkage/names.py ``_latin_spelling``,
``_BAPTISMAL_FORMS``): the Latin or Dutch spelling one clerk copies and the Indonesian one the next writes
are one linkage key; Indonesian words that only look alike keep theirs."""

from __future__ import annotations

import pytest

from linkage.names import given_names_differ, linkage_name_key, names_agree
from standardize.names import nama_kunci, parse_name


def key(written: str) -> str:
    """A name cell as linkage compares it: parsed, nama_kunci, linkage folds."""
    return linkage_name_key(nama_kunci(parse_name(written).nama))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a Latin c: k before a, o, u and consonants, s before e, i
        ("Franciscus Xaverius Da Silva", "FRANSISKUS XAVERIUS DA SILVA"),
        ("Jacobus Pattinama", "YAKOBUS PATTINAMA"),
        ("CORNELIS SAHETAPY", "Kornelis Sahetapy"),
        ("Marcus Yikwa", "MARKUS YIKWA"),
        ("Lucas Ndolu", "Lukas Ndolu"),
        ("Benedictus Ngga", "Benediktus Ngga"),
        ("Victor Manafe", "Viktor Manafe"),
        ("Clemens Wowor", "Klemens Wowor"),
        ("Dominicus Bata", "Dominikus Bata"),
        # Christ- (not the Arabic kh of Chairul), Greek ch, Dutch ck
        ("CHRISTOFEL NDOLU", "Kristofel Ndolu"),
        ("Christina Pattinama", "KRISTINA PATTINAMA"),
        ("Zacharias Latuheru", "Zakarias Latuheru"),
        ("Frederick Lumingkewas", "FREDERIK LUMINGKEWAS"),
        ("HENDRICK RUMONDOR", "Hendrik Rumondor"),
        # -tius, v / f, Aug- / Ag-
        ("IGNATIUS LEWERISSA", "Ignasius Lewerissa"),
        ("VINCENTIUS JEHADU", "Vinsensius Jehadu"),
        ("STEVANUS RUMONDOR", "Stefanus Rumondor"),
        ("Stephanus Moat", "Stevanus Moat"),
        ("AUGUSTINUS PARERA", "Agustinus Parera"),
        # Indonesianised forms of the table
        ("JOHANIS BENU", "Yohanes Benu"),
        ("Yohanis Wenda", "YOHANES WENDA"),
        ("PILIPUS MANAFE", "Philipus Manafe"),
        ("Yosep Mitan", "YOSEPH MITAN"),
        # Maria shortened as the Catholic registers shorten it
        ("Ma. Magdalena Nona", "MARIA MAGDALENA NONA"),
        # "sy" with y as a vowel is no Syaiful
        ("Sylvester Wowor", "Silvester Wowor"),
    ],
)
def test_a_baptismal_name_spelled_two_ways_is_one_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize(
    ("written", "expected"),
    # Indonesian words with a c, a v, a final -us / -is / -as or a "ch": the Latin rules leave them alone
    [("Cahyo Nugroho", "cahyo nugroho"), ("Cinta Lestari", "cinta lestari"), ("Cut Rahmawati", "cut rahmawati"),
     ("Cokorda Gede Raka", "cokorda gede raka"), ("Encik Ahmad", "encik ahmad"), ("Novri Yanto", "novri yanto"),
     ("Agus Salim", "agus salim"), ("Bagus Firdaus", "bagus firdaus"), ("Yunus Idris", "yunus idris"),
     ("Anas Ilyas", "anas ilyas"), ("Maman Suryaman", "maman suryaman"), ("Chairul Anwar", "hairul anwar"),
     ("Syaiful Bahri", "saiful bahri")],
)
def test_indonesian_words_keep_their_key(written, expected):
    assert key(written) == expected


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        # an initial still stands for the baptismal name, however it is spelled out
        ("C. Sahetapy", "Cornelis Sahetapy", True),
        ("C. Budiman", "Cahyo Budiman", True),
        ("Franciscus X. Da Silva", "Fransiskus Xaverius Da Silva", True),
        ("V. Jehadu", "Vincentius Jehadu", True),
        ("K. Ndolu", "Christofel Ndolu", True),
        # two baptismal names are two persons, however alike the spelling rules make them
        ("Yohanes Wenda", "Yulianus Wenda", False),
        ("Yulianus Kogoya", "Yuliana Kogoya", False),
        ("Markus Yikwa", "Lukas Yikwa", False),
    ],
)
def test_names_agree_across_spellings(a, b, agree):
    assert names_agree(key(a), key(b)) is agree


def test_father_and_son_of_one_baptismal_name_are_one_name():
    # the name cannot tell them apart (the birth date does): no rule may make them differ
    assert not given_names_differ(key("Hendrik Rumondor"), key("HENDRICK RUMONDOR"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # women's baptismal names: "-ia", "-ina", "-ica", "-ska" with a "c" inside, or a Greek "th"
        ("Franciska Nona", "Fransiska Nona"),
        ("VERONICA WOWOR", "Veronika Wowor"),
        ("Lucia Latuheru", "Lusia Latuheru"),
        ("Cecilia Pattinama", "Sesilia Pattinama"),
        ("Catharina Bria", "KATARINA BRIA"),
        ("Yacinta Moa", "YASINTA MOA"),
        # the Greek ch of Michael, an initial x said as s
        ("Michael Wenda", "Mikael Wenda"),
        ("Saverius Moa", "XAVERIUS MOA"),
    ],
)
def test_a_womans_or_greek_baptismal_name_spelled_two_ways_is_one_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize(
    ("written", "expected"),
    # Indonesian women's names whose "c" comes first or ends no Latin-shaped word keep it
    [("Cinta Lestari", "cinta lestari"), ("Citra Dewi", "citra dewi"), ("Ica Marlina", "ica marlina"),
     ("Suci Rahmawati", "suci rahmawati"), ("Kencana Wulan", "kencana wulan"), ("Fathur Rahman", "fatur rahman")],
)
def test_indonesian_womens_names_keep_their_key(written, expected):
    assert key(written) == expected


@pytest.mark.parametrize(("a", "agree_with"), [("X. Da Silva", "Xaverius Da Silva"), ("X. Moa", "Saverius Moa")])
def test_an_initial_x_stands_for_xaverius(a, agree_with):
    assert names_agree(key(a), key(agree_with))


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        # "FX." is Fransiskus Xaverius glued into initials, as the Catholic registers write it ("FX. Eko
        # Agus Riyanto"; Frans Seda was Fransiskus Xaverius Seda): its X is no Latin x to spell "ks"
        ("FX. Ndiken", "Fransiskus X. Ndiken", True),
        ("FX. Ndiken", "Fransiskus Xaverius Ndiken", True),
        ("F.X. Parera", "Franciscus Xaverius Parera", True),
        ("FX PARERA", "Fransiskus Saverius Parera", True),
        ("Y.D.B. Lewar", "Yohanes Don Bosco Lewar", True),
        # the initials still have to fit the words they stand for
        ("FX. Ndiken", "Fransiskus Yosef Ndiken", False),
        ("FX. Ndiken", "Petrus X. Ndiken", False),
    ],
)
def test_glued_baptismal_initials(a, b, agree):
    assert names_agree(key(a), key(b)) is agree


@pytest.mark.parametrize(("written", "expected"), [("FX. Ndiken", "fx ndiken"), ("Felix Moa", "feliks moa")])
def test_glued_initials_keep_their_letters(written, expected):
    assert key(written) == expected
