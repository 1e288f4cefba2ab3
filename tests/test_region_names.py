"""reference/names.py: a region named the way clerks name it, read back to its Kemendagri code.

Expected codes are those of reference/regions.csv (Kemendagri), looked up by hand.
"""

from __future__ import annotations

import re

import pytest

from reference import regions
from reference.names import _SHORT_NAMES, named_regions, normalise, region_code

# (cell as written, province the recap is of or None, code or None)
CELLS = [
    # Kalimantan Timur: the short form, with and without the kind word, any case
    ("Kab. Kutim", None, "64.08"),
    ("KUTIM", None, "64.08"),
    ("Kutai Timur", None, "64.08"),
    ("Kab Kutai Timur", None, "64.08"),
    ("KABUPATEN KUTAI TIMUR", "64", "64.08"),
    # Sulawesi Tenggara and Selatan: a compound name with or without its space, Kepulauan shortened
    ("KOTA BAUBAU", None, "74.72"),
    ("Kota Bau-Bau", None, "74.72"),
    ("Kab. Kep. Selayar", None, "73.01"),
    ("Kep. Selayar", None, "73.01"),
    ("Kepulauan Selayar", None, "73.01"),
    ("Kab. Pangkep", None, "73.10"),
    ("Koltim", "74", "74.11"),
    ("KONAWE", "74", "74.02"),
    # a kind word decides between the regency and the city of one name; a bare name is not guessed
    ("Kota Bekasi", None, "32.75"),
    ("Kab. Bekasi", None, "32.16"),
    ("Bekasi", None, None),
    ("Bekasi", "32", None),
    ("Kota Jayapura", None, "91.71"),
    ("Kabupaten Jayapura", None, "91.03"),
    ("Jayapura", "91", None),
    ("Kota Bogor", None, "32.71"),
    ("Kab Bogor", None, "32.01"),
    ("KOTA MALANG", None, "35.73"),
    ("Kab. Malang", None, "35.07"),
    ("Malang", None, None),
    ("Kota Kupang", None, "53.71"),
    ("Kab. Kupang", None, "53.01"),
    ("Kota Sorong", None, "96.71"),
    ("Kabupaten Sorong", None, "96.01"),
    ("Kota Solok", None, "13.72"),
    ("Kab. Solok", None, "13.02"),
    ("Kota Tegal", None, "33.76"),
    ("Kab. Pekalongan", None, "33.26"),
    ("Kota Madiun", None, "35.77"),
    ("Kab. Kediri", None, "35.06"),
    ("Kota Blitar", None, "35.72"),
    ("Kab. Probolinggo", None, "35.13"),
    ("Kota Pasuruan", None, "35.75"),
    ("Kab. Mojokerto", None, "35.16"),
    ("Kota Magelang", None, "33.71"),
    ("Kab. Serang", None, "36.04"),
    ("Kota Tangerang", None, "36.71"),
    ("Kab. Cirebon", None, "32.09"),
    ("KOTA BANDUNG", None, "32.73"),
    ("Kota Tasikmalaya", None, "32.78"),
    ("Kab. Sukabumi", None, "32.02"),
    ("Sukabumi", "32", None),
    # a bare name shared by a province and its capital names neither
    ("Gorontalo", None, None),
    ("Kota Gorontalo", None, "75.71"),
    # other provinces' short forms and spellings
    ("Abdya", None, "11.12"),
    ("Kab. Kuansing", None, "14.09"),
    ("INHIL", "14", "14.04"),
    ("Kab. Inhu", None, "14.02"),
    ("OKU Timur", None, "16.08"),
    ("Kab. OKU Selatan", None, "16.09"),
    ("Muaraenim", None, "16.03"),
    ("Labuhan Batu", None, "12.10"),
    ("Kotabaru", None, "63.02"),
    ("Tanjabbar", None, "15.06"),
    ("Kab. TTS", None, "53.02"),
    ("Kab. Mabar", None, "53.15"),
    ("SBD", "53", "53.18"),
    ("Sumba Barat Daya", None, "53.18"),
    ("Boltim", None, "71.10"),
    ("Kab. Bolmut", None, "71.08"),
    ("Kab. SBB", None, "81.06"),
    ("Jakbar", None, "31.73"),
    ("Kota Jakarta Barat", None, "31.73"),
    ("Kota Administrasi Jakarta Barat", None, "31.73"),
    ("Kep. Seribu", None, "31.01"),
    ("Kaltim", None, "64"),
    ("Provinsi Sulawesi Tenggara", None, "74"),
    # not a region
    ("Kota Baru", None, None),
    ("Batu Bara Baru", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("cell", "province", "code"), CELLS)
def test_region_code(cell, province, code):
    assert region_code(cell, province) == code


def test_region_code_province_filter_excludes_other_provinces():
    # Konawe lies in 74; a recap of Sulawesi Selatan (73) cannot mean it.
    assert region_code("Konawe", "73") is None


# Everyday Indonesian words, honorifics and forms of address a title or a cell also holds: a short
# form equal to one would turn a word into a region.
EVERYDAY = frozenset({
    "batu", "baru", "benteng", "bu", "ibu", "pak", "kh", "hj", "mitra", "tuba", "raya", "jaya", "kota",
    "pulau", "tengah", "timur", "barat", "utara", "selatan", "daya", "hulu", "hilir", "muda", "madya",
    "utama", "ahli", "dinas", "data", "rekap", "peserta", "tahun", "bina", "mura", "kab", "prov",
})


@pytest.mark.parametrize("short", sorted(_SHORT_NAMES))
def test_short_form_is_no_everyday_word(short):
    assert short not in EVERYDAY


@pytest.mark.parametrize("short", sorted(_SHORT_NAMES))
def test_short_form_names_one_region(short):
    # Alone it names exactly one region ("dki" is a prefix of Jakarta's name, read with it).
    text = short if short != "dki" else "dki jakarta"
    assert region_code(text) is not None


def _name_words() -> set[str]:
    return {word for region in regions().values() for word in re.findall(r"[a-z]+", region.name.casefold())}


@pytest.mark.parametrize("short", sorted(_SHORT_NAMES))
def test_short_form_is_no_word_of_a_region_name(short):
    # Else normalise() would rewrite the official name itself ("Kabupaten X <short>").
    assert short not in _name_words()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("DINAS PUPR KAB. INHIL", {"14.04"}),
        ("PESERTA MTU KUANSING 2025", {"14.09"}),
        ("PEMERINTAH KOTA ADMINISTRASI JAKARTA BARAT", {"31.73"}),
        ("DAFTAR PESERTA KAB. KEP. SELAYAR", {"73.01"}),
        ("SK KEP. KADIS PUPR KOTA SAMARINDA", {"64.72"}),  # "Kep." as Keputusan names nothing more
    ],
)
def test_named_regions_reads_the_new_forms(text, codes):
    assert named_regions(text) == codes


def test_normalise_kotamadya():
    assert normalise("KOTAMADYA SAMARINDA") == " kota samarinda "
