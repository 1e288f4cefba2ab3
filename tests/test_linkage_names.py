"""The name model of linkage (linkage/names.py): how clerks write one person's name."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from linkage.names import learn_word_variants, linkage_name_key, names_agree
from standardize.names import nama_kunci, parse_name


def key(written: str) -> str:
    """A name cell as linkage compares it: parsed, nama_kunci, linkage folds."""
    return linkage_name_key(nama_kunci(parse_name(written).nama))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Djoko Susilo", "Joko Susilo"),  # dj / j
        ("Jusuf Kalla", "Yusuf Kalla"),  # old j / y
        ("Tjahjo Kumolo", "Cahyo Kumolo"),  # tj / c and j / y
        ("Soeparman", "Suparman"),  # oe / u
        ("Achmad Fauzi", "Ahmad Fauzi"),
        ("Khairul Anam", "Chairul Anam"),  # kh / ch
        ("Syaiful Bahri", "Saiful Bahri"),
        ("Ramadhan Putra", "Ramadan Putra"),
        ("Fathur Rohman", "Fatur Rohman"),
        ("Stephanus Wijaya", "Stefanus Wijaya"),
        ("Taufiq Hidayat", "Taufik Hidayat"),
        ("Rizky Pratama", "Rizki Pratama"),
        ("Hendry Gunawan", "Hendri Gunawan"),
        ("Njoman Sudana", "Nyoman Sudana"),
        ("Hakim,S.T.", "HAKIM"),  # a degree glued with a comma
        ("H.Ahmad Yani", "Ahmad Yani"),
        ("Siti\u00a0 Aminah", "SITI AMINAH"),  # a non-breaking and a double space
    ],
)
def test_spellings_of_one_name_share_the_linkage_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize(
    ("a", "b", "strict", "loose"),
    [
        # initials and shortened words
        ("Supriyadi S.", "Supriyadi Santoso", True, True),
        ("SUPRIYADI S", "Supriyadi Santoso Wibowo", True, True),
        ("Abdul R. Hakim", "Abdul Rahman Hakim", True, True),
        ("A. Rahman Hakim", "Abdul Rahman Hakim", True, True),
        ("Abd. Rahman", "Abdul Rahman", True, True),
        # a longer shortening cut inside the word, between two consonants no Indonesian word ends in:
        # "Agust." for Agustinus, "Frans" for Fransiskus (Frans Seda: Fransiskus Xaverius Seda)
        ("Agust. Gebze", "Agustinus Gebze", True, True),
        ("AGUST. MAHUZE", "Agustinus Mahuze", True, True),
        ("Frans Parera", "Fransiskus Parera", True, True),
        ("Christ. Ndolu", "Christofel Ndolu", True, True),
        # ... a prefix that ends as a word does is a name of its own
        ("Wahyu Santoso", "Wahyudi Santoso", False, False),
        ("Hendra Gunawan", "Hendrawan Gunawan", False, False),
        ("M. Fajar", "Muhammad Fajar", True, True),
        ("Eka M.", "Eka Maharani", True, True),  # a later M. is any name
        ("Eka M.", "Eka Muhammad", True, True),
        # each side shortens the word the other writes out: only loose
        ("S. Lubis", "Sugeng L.", False, True),
        ("Nur F.", "N. FAUZI", False, True),
        ("Muhammad S.", "M. Sulaiman", False, True),  # each side shortens one word
        # an initial of a word whose old spelling the key folds
        ("K. Syahputra", "Khairul Syahputra", True, True),
        ("T. Kumolo", "Tjahjo Kumolo", True, True),
        ("Joko D.", "Joko Djatmiko", True, True),
        ("Bonifasius K. Lamanepa", "Bonifasius Kornelius Lamanepa", True, True),
        # a word left out, words written together, a typo in one word
        ("Sri Handayani", "Sri Handayani Pertiwi", True, True),
        ("I Wayan Sudarta", "Wayan Sudarta", True, True),
        ("Nur Hayati", "Nurhayati", True, True),
        ("Dewi Kartikasari", "Dewi Kartikasar", True, True),
        ("Mustofa Kamal", "Mustafa Kamal", True, True),
        # a lone given name says something only on a shared valid NIK (loose)
        ("Budi", "Budi Santoso", False, True),
        ("Kurniawan", "Kurniawan", True, True),
        # two letters off in a long word: only loose
        ("Hermansyah Putra", "Hermasya Putra", False, True),
        # different persons: another word at the same place, initials only, other given names
        ("Agus Santoso", "Budi Santoso", False, False),
        ("Siti Aminah", "Siti Aisyah", False, False),
        ("Ahmad Fauzi", "Muhammad Fauzi", False, False),
        ("Sri Wahyuni", "Sri Wahyuningsih", False, False),
        ("S. B.", "Supriyadi Budi", False, True),  # initials only: on a shared NIK, enough
        ("Budi S.", "Agus Santoso", False, False),
        ("Siti H.", "Sri Hidayati", False, False),
        ("Eko Prasetyo", "Eko Prasetyo Adi Nugroho Wibowo Santoso", True, True),
        # the same words in another order: a clerk writing the surname first ("Setiadi, Wahyu")
        ("Joko Widodo", "Widodo Joko", True, True),
        ("Saragih Budi Hartanto", "Budi Hartanto Saragih", True, True),
        ("Hartanto Budi", "Budi Hartanto Saragih", True, True),
        # ... but only words written out as they are: an initial or a typo is not read out of order
        ("Widodo J.", "Joko Widodo", False, False),
        ("Hidayat Rahmad", "Rahmat Hidayat", False, False),
        # two different initials at one place: two different words, though written together the
        # names are one letter apart (were one person: 'budisantosoa' / 'budisantosod')
        ("Budi Santoso A.", "Budi Santoso D.", False, False),
        ("M. Rizki", "A. Rizki", False, False),
        # the father's name after bin / binti, written by one clerk only: the person's own name
        # agrees however short (were two persons: a lone "Ahmad" against three words)
        ("Ahmad bin Yusuf", "AHMAD", True, True),
        ("Ismail Bin Hasan", "Ismail", True, True),
        ("Siti Rahmah binti Abdullah", "Hj. Siti Rahmah", True, True),
        ("Achmad bin Jusuf", "Ahmad Bin Yusuf", True, True),
        ("Ahmad bin Yusuf", "Ahmad Yusuf", True, True),
        # ... but two fathers, two own names, or a lone word for a longer own name do not
        ("Ahmad bin Yusuf", "Ahmad bin Ali", False, False),
        ("Ahmad bin Yusuf", "Umar bin Yusuf", False, False),
        ("Ahmad bin Yusuf", "Umar", False, False),
        ("Ahmad bin Yusuf", "Ahmad Fauzi", False, False),
        ("Ahmad Fauzi bin Yusuf", "Ahmad", False, True),
    ],
)
def test_names_agree(a, b, strict, loose):
    assert names_agree(key(a), key(b)) is strict
    assert names_agree(key(b), key(a)) is strict
    assert names_agree(key(a), key(b), loose=True) is loose


@pytest.mark.parametrize(
    ("a", "b", "related"),
    [
        ("Fauzi", "Hadi F.", True),  # a surname alone against a given name and an initial
        ("Hidayat", "Hamdani H.", True),
        ("Siti Aminah", "Siti Aisyah", True),  # the same given name
        ("Bambang Sutrisno", "Agus Salim", False),
        ("Dewi Lestari", "Siti Aminah", False),
    ],
)
def test_names_related(a, b, related):
    from linkage.names import names_related

    assert names_related(key(a), key(b)) is related


@pytest.mark.parametrize("missing", [None, "", np.nan])
def test_missing_names_never_agree(missing):
    assert names_agree(missing, "budi santoso") is False
    assert names_agree(missing, missing) is False


def test_word_variants_are_learnt_from_persons_with_one_nik():
    """Two persons each written "Mustofa" and "Mustapa" (Sundanese p for f) under their own NIK: a habit.

    One-letter variants ("Mustafa") need no learning: names_agree takes them as typos.
    """
    names = pd.Series(["mustofa kamal", "mustapa kamal", "ali mustofa", "ali mustapa", "mustofa hadi",
                       # a single person with two spellings is a slip, not a habit
                       "sutrisno andi", "sutrasna andi",
                       # rows that contradict their NIK teach nothing
                       "agus wibowo", "agus santoso", "rudi wibowo", "rudi santoso"])
    niks = pd.Series(["1", "1", "2", "2", "3", "4", "4", "5", "5", "6", "6"])
    agrees = np.array([True] * 7 + [False] * 4)
    variants = learn_word_variants(names, niks, agrees)
    # "mustofa" is the commoner spelling (3 rows against 2) and becomes the canonical one.
    assert variants == {"mustapa": "mustofa"}


def test_no_variants_without_shared_niks():
    names = pd.Series(["budi santoso", "agus santoso"])
    assert learn_word_variants(names, pd.Series([None, None]), np.array([True, True])) == {}


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("Yulianto Hakim", "Muhammad Hakim", True),  # brothers, or a NIK copied between them
        ("Agus Santoso", "Budi Santoso", True),
        ("Abdul Rahman Hakim", "Rahman Hakim", False),  # a given name left out: the names agree
        ("M. Hakim", "Muhammad Hakim", False),  # an initial
        ("Achmad Hakim", "Ahmad Hakim", False),  # one name in two spellings
        ("Hakim", "Yulianto Hakim", False),  # one word says nothing about the given name
        ("M. Rizki", "Wahyu Rizki", True),  # the initial M cannot stand for Wahyu
        ("W. Rizki", "Wahyu Rizki", False),
        ("M. Rizki", "A. Rizki", False),  # two initials: too little to tell
        ("K. Hakim", "Khairul Hakim", False),  # old spelling: K. for Khairul (folded to hairul)
        ("Agust. Mahuze", "Agustinus Mahuze", False),  # shortened inside the word: one given name
    ],
)
def test_given_names_differ(a, b, differ):
    from linkage.names import given_names_differ

    assert given_names_differ(key(a), key(b)) is differ
