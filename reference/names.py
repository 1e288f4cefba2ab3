"""Region names as clerks write them, read back to Kemendagri codes: the one place for it.

Title rows, file names and a recap's "Kab/Kota" column name a region in many spellings:
"KAB. KUTIM", "Kabupaten Kutai Timur", "KUTAI TIMUR", "Kota Bau-Bau", "Kep. Selayar",
"Pemkab Maros". :func:`normalise` writes every spelling out the same way (kind words in
full, established short forms expanded, punctuation to spaces); :func:`named_regions`
finds the regions a free text names; :func:`region_code` reads a cell that is a region
name and nothing else. Names and codes: ``reference/regions.csv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reference import regions

_PREFIXES = (
    (re.compile(r"\bkab(?:upaten)?\b\.?", re.I), " kabupaten "),
    (re.compile(r"\bprov(?:insi)?\b\.?", re.I), " provinsi "),
    (re.compile(r"\bpemkab\b", re.I), " kabupaten "),
    (re.compile(r"\bpemkot\b", re.I), " kota "),
    (re.compile(r"\b(?:kodya|kotamadya)\b", re.I), " kota "),
    # "Kab. Kep. Selayar", "Kep. Seribu", "KEP. MERANTI": Kepulauan shortened. (A "Kep." that means
    # Keputusan names no region either way: no region's name is "Kepulauan" + an office word.)
    (re.compile(r"\bkep\b\.?", re.I), " kepulauan "),
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
# The short names clerks and local news write for regions whose official name is long
# ("DINAS PUPR KAB. KUTIM", "PPU", "Pemprov Kaltim"): a title in the short form names the
# region as surely as the long one. Only established forms that are no everyday word
# (not "Mitra" for Minahasa Tenggara, nor "Mura", both Musi Rawas and Murung Raya).
_SHORT_NAMES = {
    # provinces
    "kaltim": "kalimantan timur", "kalsel": "kalimantan selatan", "kalteng": "kalimantan tengah",
    "kalbar": "kalimantan barat", "kaltara": "kalimantan utara", "sulsel": "sulawesi selatan",
    "sulteng": "sulawesi tengah", "sultra": "sulawesi tenggara", "sulut": "sulawesi utara", "sulbar": "sulawesi barat",
    "sumsel": "sumatera selatan", "sumut": "sumatera utara", "sumbar": "sumatera barat", "jatim": "jawa timur",
    "jateng": "jawa tengah", "jabar": "jawa barat", "ntb": "nusa tenggara barat", "ntt": "nusa tenggara timur",
    "babel": "kepulauan bangka belitung", "kepri": "kepulauan riau", "malut": "maluku utara",
    "diy": "daerah istimewa yogyakarta", "dki": "daerah khusus ibukota",
    # regencies
    "kutim": "kutai timur", "kukar": "kutai kartanegara", "kubar": "kutai barat", "ppu": "penajam paser utara",
    "mahulu": "mahakam ulu", "ktt": "tana tidung", "pangkep": "pangkajene dan kepulauan",
    "sidrap": "sidenreng rappang", "lutim": "luwu timur", "lutra": "luwu utara", "torut": "toraja utara",
    "tator": "tana toraja", "hss": "hulu sungai selatan", "hst": "hulu sungai tengah", "hsu": "hulu sungai utara",
    "tanbu": "tanah bumbu", "batola": "barito kuala", "kotim": "kotawaringin timur", "kobar": "kotawaringin barat",
    "oki": "ogan komering ilir", "muba": "musi banyuasin", "pali": "penukal abab lematang ilir",
    "muratara": "musi rawas utara", "tanjabbar": "tanjung jabung barat", "tanjabtim": "tanjung jabung timur",
    "taput": "tapanuli utara", "tapteng": "tapanuli tengah", "tapsel": "tapanuli selatan",
    "madina": "mandailing natal", "sergai": "serdang bedagai", "halut": "halmahera utara",
    "halbar": "halmahera barat", "haltim": "halmahera timur", "halsel": "halmahera selatan",
    "halteng": "halmahera tengah", "lamsel": "lampung selatan", "lamteng": "lampung tengah",
    "lamtim": "lampung timur", "lampura": "lampung utara", "lambar": "lampung barat", "minut": "minahasa utara",
    "minsel": "minahasa selatan", "bolmong": "bolaang mongondow", "tts": "timor tengah selatan",
    "ttu": "timor tengah utara", "labusel": "labuhanbatu selatan", "labura": "labuhanbatu utara",
    # Sulawesi Tenggara: "Konawe Selatan (Konsel)" (halosultra.com), "Konawe Kepulauan (Konkep)"
    # (sultrago.com), "singkatan = KOLUT" (Kolaka Utara's infobox), "Kolaka Timur (Koltim)"
    # (tribunnews.com 2025/08/10), "Buton Tengah (Buteng) dan Buton Selatan (Busel)" (kompasiana.com),
    # "Muna Barat atau disingkat Mubar" (Kabupaten Muna Barat's wiki article)
    "konsel": "konawe selatan", "konkep": "konawe kepulauan", "kolut": "kolaka utara", "koltim": "kolaka timur",
    "buteng": "buton tengah", "busel": "buton selatan", "mubar": "muna barat",
    # Aceh: "Kabupaten Aceh Barat Daya (Abdya)" (analisaaceh.com, HUT ke-23 Abdya, 10/4/2025).
    "abdya": "aceh barat daya",
    # "Aceh Tenggara (Agara) lahir pada tanggal 4 Juni tahun 1974" (kompasiana.com/wirawyp 2022),
    # "Kabupaten Aceh Tenggara (Agara)" (rbtv.disway.id 2024); "Wakil Ketua II DPRK Atam", "Kab. Atam"
    # in a report on Kabupaten Aceh Tamiang (lintasatjeh.com 2016/02). Not "Abes" for Aceh Besar: no use found.
    "agara": "aceh tenggara", "atam": "aceh tamiang",
    # Riau: "singkatan = Kuansing" (id.wikipedia infobox of Kabupaten Kuantan Singingi; riaupos.co
    # "Kabupaten Kuantan Singingi (Kuansing)"), "Kabupaten Indragiri Hulu atau sering disingkat Inhu"
    # (Indragiri Hulu's wiki article, site inhukab.go.id), "Inhil, sebutan singkatnya" (indoplaces.com
    # on Kabupaten Indragiri Hilir; its CKAN portal is data.inhilkab.go.id).
    "kuansing": "kuantan singingi", "inhu": "indragiri hulu", "inhil": "indragiri hilir",
    # Sumatera Selatan: "Kabupaten Ogan Komering Ulu atau sering disingkat OKU" (its wiki article);
    # its split-offs are written "Kabupaten OKU Timur", "Kabupaten OKU Selatan" (alamatkodepos.com),
    # which the expansion reads as "ogan komering ulu timur" / "... selatan", their Kemendagri names.
    "oku": "ogan komering ulu",
    # DKI Jakarta: "West Jakarta (Jakarta Barat) ..., abbreviated as Jakbar" (en.wikipedia West_Jakarta).
    "jakbar": "jakarta barat",
    # Sulawesi Utara: "Boltim (sebutan singkat bagi Kabupaten Bolaang Mongondow Timur)" (indoplaces.com);
    # Bolaang Mongondow Utara's own site is bolmutkab.go.id (en.wikipedia infobox), as Bolmong's is
    # bolmongkab.go.id.
    "boltim": "bolaang mongondow timur", "bolmut": "bolaang mongondow utara",
    # Nusa Tenggara Timur: "Bupati dan Wakil Bupati Manggarai Barat (Mabar)" (satukanegeri.com 2021);
    # Sumba Barat Daya's own site is sbdkab.go.id; "Kabupaten TTU, TTS" (buliran.com, plate codes).
    "mabar": "manggarai barat", "sbd": "sumba barat daya",
    # Maluku: "West Seram Regency (SBB)" (geokepo.id, Seram Bagian Barat).
    "sbb": "seram bagian barat",
    # Nusa Tenggara Barat: "Pemerintah Kabupaten Lombok Timur (Lotim)" (okenews.net 2025-09-15), "Pemkab
    # Lombok Barat (Lobar)" (lombokatraktif.blogspot.com 2014/07), "Kabupaten Lombok Utara (KLU)" (its
    # id.wikipedia article), "Kabupaten Sumbawa Barat (KSB)" (ppid.sumbawabaratkab.go.id). Not "Loteng"
    # for Lombok Tengah (opsintb.com writes it): loteng is the upper floor of a house.
    "lotim": "lombok timur", "lobar": "lombok barat", "klu": "lombok utara", "ksb": "sumbawa barat",
    # Sumatera Utara: "Kabupaten Humbang Hasundutan (Humbahas)" (hetanews.com 2018-12-14), "Kabupaten
    # Padang Lawas Utara (Paluta)" (harianSIB.com 2026-02-12). Not its "Palas" for Padang Lawas: Palas
    # is also a kecamatan of Lampung Selatan.
    "humbahas": "humbang hasundutan", "paluta": "padang lawas utara",
}
# Left out on purpose (tests/test_region_names.py keeps them out): forms that are everyday words or
# honorifics ("Benteng" for Bengkulu Tengah is a fort, "BU" is how one addresses a woman, "KH" is
# Kyai Haji before a name, "Tuba" for Tulang Bawang is a plant and an instrument, "Mitra" for
# Minahasa Tenggara means partner), forms shared by two regions ("Mura": Musi Rawas and Murung Raya),
# and forms no source was found for yet (Rohul, Rohil, OKUT, OKUS, Tubaba, Jaktim, KBB, Matim,
# Bolsel, SBT, MTB, Malra, Malteng, Abes). "KKR" for Kubu Raya (kuburayaforindonesia
# .blogspot.com 2012) is also the churches' Kebaktian Kebangunan Rohani. Spellings that are the name itself written
# without its inner space ("Muaraenim", "Labuhan Batu", "Kota Baru", "Bau-Bau") need no entry:
# :func:`_spaced` and :func:`region_code` read a name with or without its spaces.
_SHORT_NAME = re.compile(r"(?<= )(" + "|".join(sorted(_SHORT_NAMES, key=len, reverse=True)) + r")(?= )")


def normalise(text: str) -> str:
    """Lower case, "KAB." -> "kabupaten", "PROV." -> "provinsi", short names written out
    ("KUTIM" -> "kutai timur"), punctuation to single spaces."""
    text = text.casefold()
    for pattern, replacement in _PREFIXES:
        text = pattern.sub(replacement, text)
    text = " " + _NON_WORD.sub(" ", text).strip() + " "
    return _SHORT_NAME.sub(lambda match: _SHORT_NAMES[match.group(1)], text)


def _core(name: str) -> str:
    # Jakarta's cities and Kepulauan Seribu are "Kota Administrasi Jakarta Barat", "Kabupaten
    # Administrasi Kepulauan Seribu" in the reference; clerks write "Kota Jakarta Barat".
    return normalise(re.sub(r"^(kabupaten|kota)\s+(administrasi\s+)?", "", name, flags=re.I)).strip()


@lru_cache(maxsize=1)
def region_patterns() -> list[tuple[re.Pattern, frozenset[str]]]:
    """(pattern, region codes it names), longest names first so "kutai timur" beats "kutai".

    Regencies and cities need their word ("kabupaten", "kota") in front: many bare
    names are everyday words in a title ("Tukang Batu" is not Kota Batu). Multi-word
    names may stand bare ("KUTAI TIMUR"). Provinces match bare or after "provinsi".
    """
    by_phrase: dict[str, set[str]] = {}
    for code, region in regions().items():
        if region.type == "province":
            core = normalise(region.name).strip()
            by_phrase.setdefault(f"provinsi {core}", set()).add(code)
            by_phrase.setdefault(core, set()).add(code)
            continue
        core = _core(region.name)
        word = "kabupaten" if region.type == "regency" else "kota"
        by_phrase.setdefault(f"{word} {core}", set()).add(code)
        if " " in core:
            by_phrase.setdefault(core, set()).add(code)
    phrases = sorted(by_phrase, key=len, reverse=True)
    return [(re.compile(rf" {_spaced(p)} "), frozenset(by_phrase[p])) for p in phrases]


_KIND_WORDS = frozenset({"kabupaten", "kota", "provinsi"})


def _spaced(phrase: str) -> str:
    """A region phrase as a pattern whose name may be written with or without its inner spaces.

    Names compounded of two words are written both ways, and the reference keeps one: a city
    writes itself "Kota Baubau" where Kemendagri's list has "Kota Bau Bau" (and others
    "Bau-Bau"), "Pangkalpinang" / "Pangkal Pinang", "Tanjungpinang" / "Tanjung Pinang",
    "Palangka Raya" / "Palangkaraya", "Banjar Baru" / "Banjarbaru", "Pare-Pare" / "Parepare".
    So between any two letters of the name a space may stand or not (a hyphen is a space
    after :func:`normalise`); the kind word ("kabupaten", "kota", "provinsi") stays a word of
    its own, and the name still ends at a word boundary.
    """
    words = phrase.split(" ")
    kind = [words.pop(0)] if len(words) > 1 and words[0] in _KIND_WORDS else []
    letters = "".join(words)
    name = " ?".join(re.escape(ch) for ch in letters)
    return " ".join([*kind, name]) if kind else name


def named_regions(text: str) -> set[str]:
    """Kemendagri codes of every province, regency or city a title text names.

    A longer name consumes its words, so "Kabupaten Kutai Timur" names 64.08 and not
    also the province "Kalimantan Timur"'s neighbours; a bare province name that is also
    a bare city name (Jambi, Bengkulu, Gorontalo) names only the province.
    """
    work = normalise(text)
    found: set[str] = set()
    for pattern, codes in region_patterns():
        if pattern.search(work):
            found |= codes
            work = pattern.sub("  ", work)
    return found


@lru_cache(maxsize=1)
def _bare_word_patterns() -> list[tuple[re.Pattern, frozenset[str]]]:
    """One-word regency and city names standing bare ("LAHAT", "SAMARINDA").

    Too many of them are everyday words ("Batu", "Malang", "Serang") to count alone;
    :func:`other_office_verdict` uses them only where the NIKs agree, or to recognise
    the office's own name.
    """
    by_word: dict[str, set[str]] = {}
    for code, region in regions().items():
        if region.type != "province":
            core = _core(region.name)
            if " " not in core:
                by_word.setdefault(core, set()).add(code)
    return [(re.compile(rf" {re.escape(w)} "), frozenset(codes)) for w, codes in by_word.items()]


def loosely_named_regions(text: str) -> set[str]:
    """Codes of regencies and cities a title names by a bare one-word name (after the full names are taken out)."""
    work = normalise(text)
    for pattern, _ in region_patterns():
        work = pattern.sub("  ", work)
    return {code for pattern, codes in _bare_word_patterns() if pattern.search(work) for code in codes}




@lru_cache(maxsize=1)
def _cell_index() -> dict[tuple[str, str], frozenset[str]]:
    """(kind word or "", name without spaces) -> codes: every way a cell may name a region alone."""
    index: dict[tuple[str, str], set[str]] = {}
    for code, region in regions().items():
        if region.type == "province":
            kind, core = "provinsi", normalise(region.name).strip()
        else:
            kind, core = ("kabupaten" if region.type == "regency" else "kota"), _core(region.name)
        key = core.replace(" ", "")
        index.setdefault((kind, key), set()).add(code)
        index.setdefault(("", key), set()).add(code)
    return {key: frozenset(codes) for key, codes in index.items()}


def region_code(text: str, province: str | None = None) -> str | None:
    """The Kemendagri code of the region a cell names as a whole ("Kab/Kota" column, a JSON's
    ``kabupaten`` field), or None when it names none or more than one.

    "Kab. Kutim", "KUTIM", "Kab Kutai Timur", "Kutai Timur" are all 64.08; "KOTA BAUBAU" and
    "Kota Bau-Bau" are 74.72 (a name is matched without its inner spaces); "Kab. Kep. Selayar",
    "Kepulauan Selayar" 73.01. A kind word decides between a regency and a city of one name
    ("Kota Bekasi" 32.75, "Kab. Bekasi" 32.16); without one such a name ("Bekasi", "Jayapura")
    is not guessed, nor a bare name shared by a province and its capital ("Gorontalo").
    ``province``: a two-digit code the region must lie in (a province's recap names its own
    regencies), which settles a bare name another province also has.
    """
    work = normalise(text).strip()
    kind, _, rest = work.partition(" ")
    if kind not in _KIND_WORDS or not rest:
        kind, rest = "", work
    rest = re.sub(r"^administrasi ", "", rest)
    codes = _cell_index().get((kind, rest.replace(" ", "")), frozenset())
    if province is not None:
        codes = frozenset(code for code in codes if code[:2] == province)
    return next(iter(codes)) if len(codes) == 1 else None
