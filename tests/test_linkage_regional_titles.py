"""Noble, customary and religious titles of Sulawesi, Buton and Muna, Java, Aceh, the Malay coast and
Minangkabau in linkage's name model (standardize/names.py REGIONAL_TITLE_WORDS, linkage/names.py): written
out, shortened, glued or left out by the next clerk, and never evidence that two namesakes are one."""

from __future__ import annotations

import pytest

from linkage.names import given_names_differ, linkage_name_key, names_agree, names_equal_but_titles, personal_name_key
from standardize.names import nama_kunci, parse_name


def key(written: str) -> str:
    """A name cell as linkage compares it: parsed, nama_kunci, linkage folds."""
    return linkage_name_key(nama_kunci(parse_name(written).nama))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Buton and Muna: La Ode / Wa Ode written together, as initials, half shortened
        ("LAODE MUHAMMAD SIDIK", "La Ode Muhammad Sidik"),
        ("L.O. Muhammad Sidik", "La Ode Muhammad Sidik"),
        ("La O. Muhammad Sidik", "La Ode Muhammad Sidik"),
        ("Waode Nurhayati", "WA ODE NURHAYATI"),
        ("W.O. Nurhayati", "Wa Ode Nurhayati"),
        # Bugis-Makassar: Dg. for Daeng, inside the name
        ("Muh. Said Dg. Sila", "Muhammad Said Daeng Sila"),
        ("SANGKALA DG TOMPO", "Sangkala Daeng Tompo"),
        # Aceh and the Malay coast: Tgk. and Tg. for Teungku / Tengku
        ("TGK. ZULKIFLI", "Teungku Zulkifli"),
        ("Tengku Ahmad Fauzi", "Tg. Ahmad Fauzi"),
        # Java: Rd. for Raden, Rr. for Raden Roro
        ("Rd. Asep Saepudin", "Raden Asep Saepudin"),
        ("Rr. Siti Aminah", "Raden Roro Siti Aminah"),
        # Minangkabau: St. for Sutan before the name
        ("St. Rajo Ameh", "Sutan Rajo Ameh"),
        # a religious scholar's Kyai is a form of address, like K.H.
        ("Kyai Ahmad Dahlan", "KH. Ahmad Dahlan"),
    ],
)
def test_one_title_written_several_ways_is_one_key(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize(
    ("a", "b", "strict", "loose"),
    [
        # the title left out by the next clerk: the personal name alone, however short
        ("La Ali", "ALI", True, True),
        ("Wa Ode Nurhayati", "Nurhayati", True, True),
        ("Andi Nurhayati", "NURHAYATI", True, True),
        ("Cut Rahmawati", "Rahmawati", True, True),
        ("Cut Nyak Meutia", "Meutia", True, True),
        ("Teuku Rizal", "Rizal", True, True),
        ("Teungku Zulkifli", "ZULKIFLI", True, True),
        ("Encik Ahmad", "Ahmad", True, True),
        ("La Ode Sidik", "Sidik", True, True),
        # the title shortened to an initial that may stand for it (or for a given name)
        ("A. Rahmat Hidayat", "Andi Rahmat Hidayat", True, True),
        ("R. Djoko Susilo", "Raden Joko Susilo", True, True),
        ("T. Muhammad Rizal", "Teuku Muhammad Rizal", True, True),
        # a given name where the title stands: another person, even on one NIK
        ("Abdul Rahman", "Andi Rahman", False, False),
        ("Taufik Rizal", "Teuku Rizal", False, False),
        ("Siti Nurhayati", "Wa Ode Nurhayati", False, False),
        # two titles of two regions: two persons
        ("Andi Amir", "La Ode Amir", False, False),
        # Andi is a given name too: before an initial alone it stays one ("Budi W." / "Budi Wijaya")
        ("ANDI W.", "Andi Wijaya", True, True),
        # what the model read before, pinned: the initial A. is Andi, Abdul or Ahmad
        ("A. Rahman", "Abdul Rahman", True, True),
    ],
)
def test_regional_titles_agree(a, b, strict, loose):
    assert names_agree(key(a), key(b)) is strict
    assert names_agree(key(b), key(a)) is strict
    assert names_agree(key(a), key(b), loose=True) is loose


@pytest.mark.parametrize(
    ("name", "personal"),
    [
        ("La Ode Muhammad Sidik", "muhammad sidik"),
        ("LA ALI", "ali"),
        ("Andi Nurhayati", "nurhayati"),
        ("Teuku Muhammad Rizal", "muhammad rizal"),
        ("Rr. Siti Aminah", "aminah siti"),
        ("Mas Agus Salim", "agus mas salim"),  # Mas alone is no title: a given name elsewhere
        ("ANDI W.", "andi w"),
    ],
)
def test_personal_name_leaves_titles_out(name, personal):
    assert personal_name_key(key(name)) == personal


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("Andi Rahman", "Abdul Rahman", True),
        ("Teuku Rizal", "Taufik Rizal", True),
        ("Andi Saputra", "Budi Saputra", True),
        ("La Ali", "Ali", False),
        ("Andi Rahmat Hidayat", "Rahmat Hidayat", False),
    ],
)
def test_given_name_in_place_of_a_title_differs(a, b, differ):
    assert given_names_differ(key(a), key(b)) is differ


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # a title before two words or more left out: the same name, as far as a NIK typo is concerned
        ("MAS AGUS SALIM", "Agus Salim", True),
        ("Raden Joko Susilo", "JOKO SUSILO", True),
        ("Andi Rahmat Hidayat", "Rahmat Hidayat", True),
        ("Teungku Ahmad Fauzi", "Ahmad Fauzi", True),
        ("Rr. Siti Aminah", "Siti Aminah", True),
        # ... not before a lone word, which the title may be a given name beside ("Ida Farida" / "Farida")
        ("Ida Farida", "Farida", False),
        ("Andi Saputra", "Saputra", False),
        # nor another word in the title's place, nor another name
        ("Abdul Rahmat Hidayat", "Rahmat Hidayat", False),
        ("Mas Agus Salim", "Mas Agus Salam", False),
        ("Agus Salim", "Agus Salim", False),  # equal names are the plain rule's
    ],
)
def test_names_equal_but_titles(a, b, same):
    assert names_equal_but_titles(key(a), key(b)) is same


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Teuku (nobility) and Teungku (a religious title) are two titles, but clerks outside Aceh write one
        # for the other ("Teuku Umar menjadi Tengku Umar", agamsaban.blogspot.com 2016; "sebagian besar
        # masyarakat di luar Aceh masih belum dapat membedakan", detik.com/sumut d-6106155): two keys, whose
        # names agree, so neither title is another person's mark
        ("Teuku Umar", "Teungku Umar"),
        ("TEUKU MUHAMMAD RIZAL", "Tgk. Muhammad Rizal"),
    ],
)
def test_teuku_written_for_teungku_agrees(a, b):
    assert key(a) != key(b)
    assert names_agree(key(a), key(b))
    assert not given_names_differ(key(a), key(b))
