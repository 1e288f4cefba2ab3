"""How two clerks write one person's name: the name model every linkage stage uses.

Linkage compares ``nama_kunci`` (standardize/names.py: lower case, honorifics and
degrees removed, Muhammad's abbreviations, ``oe``/``dj``/``tj`` and doubled
letters folded), made coarser here in two ways:

* :func:`linkage_name_key` folds what the key still keeps apart but Indonesian
  writing does not: the rest of the pre-1972 spelling (``j``/``y`` as in
  Jusuf/Yusuf, ``ch``/``kh``/``h`` as in Chairul/Khairul/Hairul, ``sy``/``s``),
  transliteration (``th``/``t``, ``dh``/``d``, ``ph``/``f``, ``q``/``k``), a final
  ``y``/``i`` (Rizky/Rizki, Hendry/Hendri) and one-letter slips inside Muhammad.
  The key only serves comparison; nobody reads it.
* Balinese names open with titles a quarter of the island shares (I/Ni, Ida Bagus, Anak
  Agung, Gusti Ngurah; the birth-order names Wayan, Made, Nyoman, Ketut...): the key writes
  them in full ("I Wyn." and "Wayan" are "wayan"), :func:`names_agree` lets the personal name
  decide and reads titles of another birth order or caste as another person (:func:`title_run`).
  A Batak woman's "Br." before her marga is left out. The other regions' titles (Bugis Andi and Daeng,
  Buton La Ode / Wa Ode and La / Wa, Javanese Raden, Rr., Mas, Acehnese Teuku, Cut, Teungku, Malay Tengku,
  Minang Sutan) are read the same way, from one table (standardize/names.py ``TITLE_WORDS``).
* Baptismal names of Eastern Indonesia are copied in their Latin or Dutch spelling by one clerk and
  Indonesianised by the next (Franciscus / Fransiskus, Christofel / Kristofel, Jacobus / Yakobus,
  Johanis / Yohanis / Yohanes, "Ma." for Maria): :func:`_latin_spelling` and a small table fold them.
* :func:`names_agree` decides whether two keys can be one person's name as two
  clerks wrote it (DOMAIN "The person: NIK", names): a word shortened to its
  initial or to a prefix ("Supriyadi S.", "Abdul R. Hakim", "Abd. Rahman"), a
  word left out, words written together ("Nur Hayati" / "Nurhayati"), a typo in
  a word. What it refuses: two different words at the same place ("Agus
  Santoso" / "Budi Santoso", twins), a name made only of initials.

:func:`learn_word_variants` adds what no rule foresaw, from the data itself:
within one valid NIK whose rows agree with the birth date and sex it encodes,
the spellings clerks use for one word ("Mustofa" / "Mustafa", "Nofri" /
"Novri") are seen side by side; a pair seen for several different persons is a
spelling variant, folded like the rules' ones.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz.distance import DamerauLevenshtein

from standardize.names import TITLE_WORDS

# nama_kunci folds the ways clerks *abbreviate or spell* Muhammad (standardize/names.py),
# not a one-letter slip inside it: "Muhammaa" reaches linkage as "muhama" and would
# make "M. Ismail" and "Muhammaa Ismail" two names. Muhammad opens about one name in
# six in Indonesia, so such slips are common; the folded key is "muhamad" (doubled
# letters collapsed), hence the comparison with it.
_MUHAMMAD = "muhammad"
_MUHAMMAD_FOLDED = ("muhamad", "mohamad")

# Letter groups one sound is written with, old spelling and new, Arabic and Dutch
# transliteration. Applied in order, per word, after nama_kunci's folds (which
# already turned dj into j, tj into c, oe into u, sj into sy).
_SOUND_FOLDS = (
    ("kh", "h"),  # Khairul / Hairul; old "ch" reaches here as "kh" below
    ("ch", "h"),  # Chairul / Choirul (old spelling of kh)
    ("sy", "s"),  # Syaiful / Saiful, Syamsul / Samsul
    ("th", "t"),  # Fathur / Fatur, Thomas / Tomas
    ("dh", "d"),  # Ramadhan / Ramadan, Dhani / Dani
    ("ph", "f"),  # Stephanus / Stefanus
    ("q", "k"),  # Rizqi / Rizki, Taufiq / Taufik
    ("j", "y"),  # Jusuf / Yusuf (old j is today's y; old dj, today's j, was folded to j first)
)


# --- baptismal names of Eastern Indonesia -------------------------------------------------
# Christians of NTT, Maluku, Papua and Minahasa bear the Latin or Dutch baptismal names of their missions,
# and one clerk copies the Latin spelling while the next writes it as Indonesian sounds it: "Fransiskus
# Vinsensius ... Ignasius" (santosantagereja.blogspot.com 2013, Ignatius of Laconi) where the Latin has
# Franciscus, Vincentius, Ignatius (mirifica.net "St. Ignatius"); "Stefanus ... Filipus, Prokhorus,
# Nikanor, Nikolaus" (myavitalia.com 2021) for Stephanus, Philippus, Prochorus, Nicanor, Nicolaus; Christofel
# and Kristofel, Jacobus and Yakobus, Cornelis and Kornelis. The rules: a Latin "c" is "k" before a, o, u and
# consonants and "s" before e, i, y; "chr" is "kr" (Christofel), not the Arabic "kh" the sound folds read in
# "ch" (Chairul); "ck" is "k", "x" is "ks"; in a Latin word "ch" is "k" (Zacharias / Zakarias), a final
# "-tius" is "-sius" (Ignatius), a "v" is "f" in a man's name (Stevanus / Stefanus) and "aug" is "ag" (Augustinus /
# Agustinus), an initial "x" is "s" (Xaverius / Saverius). Indonesian writes "c" for the sound of "Cahya"
# and keeps "v" in Novri, so the rules that would change such words read only Latin-shaped words
# (:func:`_latin_shaped`: Franciscus, Cornelis, Lucas, Catharina, Veronica); "chr", "ck", the "ch" of Michael,
# a "c" before a consonant and "x" are never Indonesian and fold anywhere.
_LATIN_ENDINGS = ("us", "is", "as")
_LATIN_WOMEN_ENDINGS = ("ia", "ina", "ica", "inta", "ska", "sca")
# never Indonesian, wherever they stand: Christ-, Dutch "ck", the Greek "ch" of Michael
_LATIN_ANYWHERE = (("chr", "kr"), ("ck", "k"), ("chael", "kael"))
_LATIN_C_BEFORE_CONSONANT = re.compile(r"c(?=[^aeiouyh]|$)")
_LATIN_SOFT_C = re.compile(r"c(?=[eiy])")
_SY_AS_VOWEL = re.compile(r"sy(?=[^aeiou]|$)")
# Indonesianised forms no letter rule gives (table entries, each seen written for the Latin one): "Yohanis"
# for Johannes, as a Bible translation of the region writes it ("Petrus nol Yohanis") and Papuan and Timorese
# men are named ("Yohanis Kocu", "Yohanis Rumbiak", "Yohanis Ngili"); "Pilipus" for Philipus, the Sundanese
# Bible's (Acts 8:27) and Manggarai school rolls' spelling ("Pilipus Hibur"); "Yosep" for Yosef.
_BAPTISMAL_FORMS = {"yohanis": "yohanes", "pilipus": "filipus", "yosep": "yosef"}
# "Ma." before a second name is the Catholic registers' abbreviation of Maria ("Ma. Goreti", as Spanish and
# Philippine civil registries write "Ma. del Carmen": onomaverse.com/first-names/ma); alone it is no name.
_MARIA_SHORT = "ma"


def _latin_shaped(word: str) -> bool:
    """A word the Latin letter rules may change: a man's baptismal name ("-us", "-is", "-as"), a word with
    a Greek "th" or "ph" (Catharina), or a woman's ending in "-ia", "-ina", "-ica", "-inta", "-ska" or "-sca" with a
    "c" inside it (Lucia, Veronica, Yacinta, Franciska), where Indonesian "Cinta" and "Citra" have theirs first."""
    if len(word) < 5:
        return False
    if word.endswith(_LATIN_ENDINGS) or "th" in word or "ph" in word:
        return True
    return word.endswith(_LATIN_WOMEN_ENDINGS) and "c" in word[1:]


def _latin_spelling(word: str) -> str:
    """A baptismal name's Latin or Dutch letters as Indonesian writes them (see above):
    "franciscus" -> "fransiskus", "christofel" -> "kristofel", "vincentius" -> "finsensius"."""
    if len(word) == 1 or not any(ch in "aeiouy" for ch in word):
        # an initial: "C." stands for Cahyo as for Cornelis, "X." for Xaverius; a word without a vowel
        # is initials glued together ("FX." for Fransiskus Xaverius), each letter an initial
        return word
    for old, new in _LATIN_ANYWHERE:
        if old in word:
            word = word.replace(old, new)
    if word[0] == "x":
        word = "s" + word[1:]  # Xaverius is said, and written, Saverius
    if "x" in word:
        word = word.replace("x", "ks")
    if "c" in word:
        word = _LATIN_C_BEFORE_CONSONANT.sub("k", word)
    if "sy" in word:
        # "y" as a vowel (Sylvester, Sylvia), not the "sy" of Syaiful the sound folds make "s"
        word = _SY_AS_VOWEL.sub("si", word)
    if word.startswith("aug"):
        word = "ag" + word[3:]
    if not _latin_shaped(word):
        return word
    if word.endswith("tius"):
        word = word[:-4] + "sius"
    if "c" in word:
        # a Greek "ch" is "k" too (Zacharias / Zakarias), not the Arabic "kh" of Chairul
        word = _LATIN_SOFT_C.sub("s", word.replace("ch", "k")).replace("c", "k")
    # only where the other spelling is Latin-shaped too: a man's ending stays, a woman's "c" is gone in
    # "Veronika" (Veronica / Veronika, not "Feronika")
    return word.replace("v", "f") if word.endswith(_LATIN_ENDINGS) else word


def _fold_word(word: str) -> str:
    if word == _MUHAMMAD:
        return word
    if len(word) >= 5 and word[0] == "m" and any(
        DamerauLevenshtein.distance(word, form, score_cutoff=1) <= 1 for form in _MUHAMMAD_FOLDED
    ):
        return _MUHAMMAD
    word = _latin_spelling(word)
    for old, new in _SOUND_FOLDS:
        if old in word:
            word = word.replace(old, new)
    if len(word) > 2 and word.endswith("y"):
        word = word[:-1] + "i"  # Rizky / Rizki, Hendry / Hendri
    # a fold can leave a doubled letter ("sy" + "s"): nama_kunci collapsed them before
    out = [word[0]] if word else []
    for ch in word[1:]:
        if ch != out[-1]:
            out.append(ch)
    word = "".join(out)
    return _BAPTISMAL_FORMS.get(word, word)


@lru_cache(maxsize=200_000)
def _fold_word_cached(word: str) -> str:
    return _fold_word(word)


# --- titles before a Balinese personal name ---------------------------------------------
# A Balinese name is a gender word (I, Ni), perhaps a caste title (Ida Bagus, Ida Ayu, Anak Agung,
# I Gusti Ngurah, Cokorda, Dewa, Desak), a birth-order name (Wayan, Putu, Gede, Luh: first born;
# Made, Kadek, Nengah: second; Nyoman, Komang: third; Ketut: fourth), then the personal name
# (en.wikipedia.org/wiki/Balinese_name; kamusbahasabali.blogspot.com/2013/10/nama-orang-bali.html).
# Each birth-order name is shared by about a quarter of the island, so these words say little about
# who a person is, and clerks shorten them: to consonants ("I Md. Anom S. Wijaya", Jurnal BETA
# Universitas Udayana 2017; "I GD YUDHA PERMANA", "KT ALIT ...", FEB Udayana 2015), to glued
# initials ("IB Putu Manuaba", the kamus above; "A.A."), or leave the gender word out.
# The other regions' titles are read the same way: Andi, Daeng, La / Wa (Ode), Raden, Roro, Mas, Teuku,
# Cut, Tengku, Encik, Sutan (standardize/names.py, REGIONAL_TITLE_WORDS, with sources).
# Clerk's form -> the word it stands for (standardize/names.py, which keeps these forms in the name).
_TITLE_WORDS = TITLE_WORDS
# Glued or spaced initials of a two-word title, at the start of a name ("IB", "I.B.", "A.A."; Buton's "L.O.",
# "La O.", "LaOde"). A glued "AA" reaches linkage as "a" (nama_kunci collapses doubled letters) and stays an
# initial, as a lone "A." (Andi, Abdul or Ahmad), "R." (Raden or Rudi) and "T." (Teuku or Taufik) do.
_TITLE_INITIALS = {
    ("ib",): ("ida", "bagus"), ("i", "b"): ("ida", "bagus"), ("a", "a"): ("anak", "agung"),
    **{(form,): (gender, "ode") for gender in ("la", "wa") for form in (gender + "ode", gender + "od")},
    **{(first, "o"): (gender, "ode") for gender in ("la", "wa") for first in (gender, gender[0])},
}
# Words that are titles only beside another: Ayu, Agung, Bagus, Dewa, Ida are also given names elsewhere
# ("Ayu Lestari", "Agung Nugroho", "Ida Farida"), as are Mas and Roro ("Roro Fitria"), and Nyak is Aceh's
# word of address that follows Cut ("Cut Nyak Meutia"). A run of title words
# is one when it holds a birth-order, caste or noble word of its own, or one of these pairs.
_AMBIGUOUS_TITLES = frozenset({"ayu", "agung", "bagus", "dewa", "ida", "anak", "istri", "mas", "roro", "nyak"})
# Titles that are also everyday given names: "Andi" is a Bugis noble's title and, across Indonesia, a given
# name ("Andi Wijaya"). Before initials only ("ANDI W.") it is read as the given name it may be, so the
# name keeps its one written-out word, as "Budi W." does.
_GIVEN_NAME_TITLES = frozenset({"andi"})
# Titles of address or religion (Daeng, Teungku / Tengku, Encik): a clerk writes them for one person or
# leaves them out, so they are no other person's mark, whatever the other list wrote. Nor beside Teuku, the
# uleebalang nobility's title, which clerks outside Aceh confuse with Teungku (detik.com/sumut d-6106155).
_ADDRESS_TITLES = frozenset({"daeng", "tengku", "encik"})
# Titles written inside the name, after the given name ("Muhammad Said Daeng Sila"): their clerk's forms are
# written in full wherever they stand ("Muh. Said Dg. Sila").
_INNER_TITLES = {form: full for form, full in _TITLE_WORDS.items() if full == "daeng"}
_TITLE_PAIRS = (("ida", "bagus"), ("ida", "ayu"), ("anak", "agung"))
_GENDER_WORDS = frozenset({"i", "ni"})


def _is_title_run(titles: list[str]) -> bool:
    if any(t not in _AMBIGUOUS_TITLES for t in titles):
        return True
    return any(pair == tuple(titles[i:i + 2]) for pair in _TITLE_PAIRS for i in range(len(titles) - 1))


def title_run(words: list[str]) -> tuple[list[str], list[str]]:
    """(titles, personal name) of a linkage key's words: the leading titles (Balinese caste and birth-order
    words, the other regions' noble and customary titles), each in its full form (a gender word I or Ni before them left out), and the words after them.

    No titles (and the words as they are) when the leading words are no such run, or when nothing
    would be left of the name: the last word is always the person's.

    >>> title_run(["i", "md", "sudarma"])
    (['made'], ['sudarma'])
    >>> title_run(["ib", "putu", "manuaba"])
    (['ida', 'bagus', 'putu'], ['manuaba'])
    """
    titles: list[str] = []
    start = 0
    for initials, full in _TITLE_INITIALS.items():
        if tuple(words[:len(initials)]) == initials and len(words) > len(initials):
            titles, start = list(full), len(initials)
            break
    end = start
    while end < len(words) - 1:
        word = words[end]
        if word in _TITLE_WORDS:
            titles.append(_TITLE_WORDS[word])
        elif end == 0 and _glued_gender(word):
            titles.append(_glued_gender(word))
        elif word not in _GENDER_WORDS or end > 0:
            break
        end += 1
    if not titles or not _is_title_run(titles):
        return [], words
    if set(titles) <= _GIVEN_NAME_TITLES and all(len(w) == 1 for w in words[end:]):
        return [], words
    return titles, words[end:]


def _glued_gender(word: str) -> str | None:
    """The title a gender word is glued to ("IGEDE SETIAWAN", "Niluh"), written out, or None."""
    for gender in ("ni", "i"):
        rest = word[len(gender):]
        if word.startswith(gender) and _TITLE_WORDS.get(rest) == rest and rest not in _AMBIGUOUS_TITLES:
            return rest
    return None


def _titles_conflict(a: list[str], b: list[str]) -> bool:
    """Two title runs that cannot be one person's: neither holds all the other's words ("Wayan" /
    "Made": another birth order, so another person; "Ida Bagus" / "Gusti": another caste; "Andi" / "La
    Ode"). Titles of address (:data:`_ADDRESS_TITLES`) do not count."""
    sa, sb = set(a) - _ADDRESS_TITLES, set(b) - _ADDRESS_TITLES
    return not (sa <= sb or sb <= sa)


def _with_canonical_titles(words: list[str]) -> list[str]:
    """A key's words with a leading Balinese title run in full and its gender word left out (the sex
    column says it): "I Wyn. Sudarma" and "Wayan Sudarma" are one key. A run written last, as a form of
    family name and given names writes it ("SUDARMA, I MD.", "Praganingrum, Tjokorda Istri"), is put first."""
    titles, personal = title_run(words)
    if not titles:
        titles, personal = title_run(_trailing_titles_first(words))
    return [*titles, *personal] if titles else words


def _trailing_titles_first(words: list[str]) -> list[str]:
    """``words`` with a trailing title run of two words or more, or opening with I or Ni, moved to the
    front; ``words`` when there is none. A lone title word last stays: "Agus Gede" is no Balinese name
    written backwards, and "Sudarma Made" needs no turning (names_agree reads reordered words)."""
    if len(words) < 3 or words[-1] not in _TITLE_WORDS:
        return words
    for k in range(1, len(words) - 1):
        tail = words[k:]
        turned = [*tail, *words[:k]]
        titles, personal = title_run(turned)
        if titles and personal == words[:k] and (tail[0] in _GENDER_WORDS or len(tail) >= 2):
            return turned
    return words


@lru_cache(maxsize=500_000)
def personal_name_key(name: str | None) -> str | None:
    """The words of a linkage key's personal name in alphabetical order: the Balinese titles left out
    (:func:`title_run`), as NIK repair compares a row without NIK with the persons born that day
    ("Putu Ariani" / "Ni Luh Putu Ariani" are "ariani"; "Budi Santoso" stays "budi santoso")."""
    if not isinstance(name, str) or not name:
        return None
    return " ".join(sorted(title_run(name.split(" "))[1]))


# "Br." / "Boru" (daughter of) before a Batak woman's marga ("Rosmawati Br. Sitorus"): clerks leave it
# out as often as not, and it tells nothing the marga does not.
_BORU = frozenset({"br", "boru"})


def linkage_name_key(key: str | None) -> str | None:
    """The name linkage compares: ``nama_kunci`` with sound-alike spellings folded.

    >>> linkage_name_key("muhama ismail")
    'muhammad ismail'
    >>> linkage_name_key("jusuf hairul")
    'yusuf hairul'
    """
    if not isinstance(key, str):
        return key
    # A lone "m" stays: "M. Fajar" is usually Muhammad Fajar but may be Mulyadi
    # Fajar, and "Eka M." is Eka Maharani. names_agree reads it as an initial.
    words = [_fold_word_cached(word) for word in key.split(" ") if word]
    words = [w for i, w in enumerate(words) if w not in _BORU or i == 0 or i == len(words) - 1]
    words = [_INNER_TITLES.get(w, w) for w in words]
    words = ["maria" if w == _MARIA_SHORT and i < len(words) - 1 else w for i, w in enumerate(words)]
    return " ".join(_with_canonical_titles(words))


def fold_names(names: pd.Series, variants: dict[str, str] | None = None) -> pd.Series:
    """:func:`linkage_name_key` per distinct name, then ``variants`` (word -> canonical word)."""
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    if not len(uniques):
        return names
    folded = [linkage_name_key(u) for u in uniques]
    if variants:
        folded = [" ".join(variants.get(w, w) for w in name.split(" ")) if name else name for name in folded]
    folded = np.array(folded, dtype=object)
    if (folded == np.asarray(uniques, dtype=object)).all():
        return names
    out = np.where(codes >= 0, folded[np.maximum(codes, 0)], None)
    return pd.Series(out, index=names.index, dtype=names.dtype)


# --- do two names agree? ----------------------------------------------------------

_FULL, _SHORT = 2, 1  # a word written out on both sides; a word shortened on one side


# The folds above change a word's first letter, but not a clerk's initial of it: "K."
# for Khairul (now "hairul"), "T." for Tjahjo ("cahyo"), "D." for Djoko ("yoko"), "O."
# for Oetomo ("utomo"), "P." for Philipus ("filipus"). Folded first letter -> the
# initials that may stand for it.
# The baptismal names' Latin letters fold too (_latin_spelling): "C." for Cornelis ("kornelis"), "X." for
# Xaverius ("saferius"), "V." for Vincentius ("finsensius").
_INITIALS_OF = {"h": "hkc", "c": "ct", "y": "yd", "u": "uo", "f": "fpv", "k": "kc", "s": "sx"}


# Two consonants an Indonesian word may end in: "ng" (Bambang), "ny" only as a sound. Any other pair at the
# end ("Agust", "Frans", "Christ") is where a clerk cut a longer word, never a name's own ending.
_WORD_FINAL_PAIRS = frozenset({"ng", "ny"})


def _cut_inside_a_word(word: str) -> bool:
    """``word`` ends in two consonants no Indonesian word ends in: a longer word shortened."""
    return (len(word) >= 2 and not any(ch in "aeiouy" for ch in word[-2:])
            and word[-2:] not in _WORD_FINAL_PAIRS)


def _word_match(x: str, y: str, loose: bool) -> int:
    """How word ``x`` and word ``y`` can be one word: _FULL, _SHORT or 0 (they cannot)."""
    if x == y:
        return _FULL if len(x) > 1 else _SHORT
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) == 1:
        return _SHORT if short in _INITIALS_OF.get(long[0], long[0]) else 0
    if 3 <= len(short) <= 4 and long.startswith(short) and len(long) - len(short) >= 2:
        # "Abd." for Abdul, "Supr." for Supriyadi: shortened, not misspelt. Longer
        # prefixes are names of their own ("Wahyuni" / "Wahyuningsih").
        return _SHORT
    if len(short) >= 5 and long.startswith(short) and len(long) - len(short) >= 2 and _cut_inside_a_word(short):
        # ... unless cut where no word ends: "Agust." for Agustinus, "Frans" for Fransiskus
        return _SHORT
    # A slip inside a word: short given names one letter apart are often two names
    # (Budi / Rudi, Dedi / Dodi, Adi / Ali), so strictly a word needs five letters.
    if len(short) >= (4 if loose else 5):
        edits = DamerauLevenshtein.distance(x, y, score_cutoff=2)
        if edits <= 1 or (loose and edits <= 2 and len(short) >= 6):
            return _FULL
    return 0


def _glued_initials(word: str, following: list[str]) -> bool:
    """``word`` is the initials of the next two or three written-out words of ``following``, glued
    together as clerks write a second given name ("DB" for Don Bosco, "MR" for Muhammad Rizki). A word
    of two vowels or more is a name of its own ("Ade", "Adi", "Eko"), not initials."""
    n = len(word)
    # each letter the initial of a written-out word, or that initial written alone ("FX." / "Fransiskus X."),
    # an initial standing for what it stands for alone ("X." for Saverius, :data:`_INITIALS_OF`)
    return 2 <= n <= 3 and sum(ch in "aeiou" for ch in word) <= 1 and len(following) >= n and any(
        len(w) > 1 for w in following[:n]) and all(
        letter in _INITIALS_OF.get(w[0], w[0]) and (len(w) > 1 or w == letter) for w, letter in zip(following, word))


def _align(short: list[str], long: list[str], loose: bool) -> tuple[int, int] | None:
    """Match every word of ``short``, in order, to a distinct word of ``long``.

    Returns (words matched in full, words matched at all) for the best alignment,
    or None when some word of ``short`` has no partner. Names have a handful of
    words, so a memoised search over positions is instant.
    """

    @lru_cache(maxsize=None)
    def best(i: int, j: int) -> tuple[int, int] | None:
        if i == len(short):
            return (0, 0)
        result = None
        for k in range(j, len(long) - (len(short) - i) + 1):
            kind, used = _word_match(short[i], long[k], loose), 1
            if not kind and _glued_initials(short[i], long[k:]):
                # "Yohanes DB Nahak" for Yohanes Don Bosco Nahak: one written word for several
                kind, used = _SHORT, len(short[i])
            if not kind:
                continue
            rest = best(i + 1, k + used)
            if rest is None:
                continue
            candidate = (rest[0] + (kind == _FULL), rest[1] + 1)
            if result is None or candidate > result:
                result = candidate
        return result

    return best(0, 0)


# "bin" (son of) and "binti" (daughter of), with their short forms, open the father's name in
# Malay and Acehnese names ("Ahmad bin Yusuf", "Siti Rahmah binti Abdullah"); clerks often
# write only the person's own name. "b." is left out: it is as often an initial.
_PATRONYMIC = frozenset({"bin", "binti", "bt", "bte", "binte"})


def _own_name(words: list[str]) -> list[str]:
    """The words before "bin"/"binti" (the list itself when there is no patronymic or nothing before it)."""
    for i, word in enumerate(words[1:], start=1):
        if word in _PATRONYMIC and i < len(words) - 1:
            return words[:i]
    return words


@lru_cache(maxsize=500_000)
def names_agree(a: str | None, b: str | None, loose: bool = False) -> bool:
    """Can linkage keys ``a`` and ``b`` be one person's name as two clerks wrote it?

    Equal, or written together ("nur hayati" / "nurhayati"); otherwise every
    word of the name with fewer words must be found, in order, in the other, each
    written out, one typo off (words of five letters or more: "Budi" / "Rudi" are
    two names), or shortened to its initial or a prefix of three or four letters,
    and at least one word written out on both sides. Words the shorter name lacks are words a clerk left out.
    A name with its father's ("Ahmad bin Yusuf") agrees with the person's own name
    alone ("Ahmad"), however short; two fathers' names must agree like any words.

    The shorter name needs two words unless ``loose``: a lone "Budi" against
    "Budi Santoso" says nothing by itself. ``loose`` is for rows that share a
    valid NIK *and* agree with the birth date and sex it encodes: a different
    person would need the same 16 digits, so only a clearly different name counts
    against it, a lone word may stand for the whole name, and words of six
    letters or more two edits apart still agree.

    >>> names_agree("supriyadi s", "supriyadi santoso")
    True
    >>> names_agree("agus santoso", "budi santoso")
    False
    >>> names_agree("budi santoso a", "budi santoso d")
    False
    """
    if not isinstance(a, str) or not isinstance(b, str) or not a or not b:
        return False
    if a == b:
        return True
    wa, wb = a.split(" "), b.split(" ")
    titled = _titled_names_agree(wa, wb, loose)
    if titled is not None:
        return titled
    if _words_agree(wa, wb, loose):
        return True
    own_a, own_b = _own_name(wa), _own_name(wb)
    if (own_a is wa) == (own_b is wb):
        return False
    # One side names the father ("Ahmad bin Yusuf"), the other only the person ("Ahmad"):
    # the person's own name, however short, is the whole name the other clerk wrote. Strictly
    # judged, so a lone "Ahmad" does not stand for "Ahmad Fauzi bin Yusuf".
    return own_a == own_b or _words_agree(own_a, own_b, False)


def _titled_names_agree(wa: list[str], wb: list[str], loose: bool) -> bool | None:
    """:func:`names_agree` of two names one of which opens with titles (:func:`title_run`);
    None when neither does.

    The personal names decide, the titles only when they cannot be one person's ("Wayan" / "Made").
    The same personal name agrees however short ("Ariani" / "Ni Made Ariani": the clerk left out what
    a quarter of the island shares); otherwise, strictly, a word of the personal names must be written
    out on both sides, so "I Made S." is not "I Made Sudarma" on the strength of "Made" (``loose``, on
    one valid NIK, it is, as "S. B." is "Supriyadi Budi").
    """
    ta, pa = title_run(wa)
    tb, pb = title_run(wb)
    if not ta and not tb:
        return None
    if ta and tb and _titles_conflict(ta, tb):
        return False
    if not (ta and tb):
        return _title_left_out(pa if ta else pb, wa if ta else wb, wb if ta else wa, loose)
    if (pa == pb and any(len(w) > 1 for w in pa)) or _words_agree(pa, pb, loose):
        return True
    if loose:
        # one valid NIK on both rows: an initial of the personal name is enough, as for any name
        return _words_agree(wa, wb, loose)
    shared = any(_word_match(x, y, loose) == _FULL for x in pa for y in pb)
    return shared and _words_agree(wa, wb, loose)


def _title_left_out(personal: list[str], titled: list[str], other: list[str], loose: bool) -> bool:
    """:func:`names_agree` of a titled name (its personal name ``personal``) and a name ``other`` without
    titles: the clerk left the titles out ("Ali" / "La Ali", "Rahmat Hidayat" / "Andi Rahmat Hidayat"), or
    shortened them to an initial ("A. Rahman" / "Andi Rahman"). A word of ``other`` where the title stands
    is another given name ("Abdul Rahman" / "Andi Rahman", "Taufik Rizal" / "Teuku Rizal"), even on one NIK."""
    if len(other) <= len(personal) and any(len(w) > 1 for w in other) and _words_agree(personal, other, loose):
        return True
    return _words_agree(titled, other, loose)


def _words_agree(wa: list[str], wb: list[str], loose: bool) -> bool:
    """:func:`names_agree` of two names split into words, before the patronymic rule."""
    if wa == wb:
        return True
    # Two different initials in the same place ("Budi Santoso A." / "Budi Santoso D.") stand for two
    # different words: no typo of one name, though the names written together are one letter apart.
    if len(wa) == len(wb) and any(len(x) == 1 and len(y) == 1 and x != y for x, y in zip(wa, wb)):
        return False
    # Words written together or apart ("Nur Hayati" / "Nurhayati", "Abdul Rahman" / "Abdurrahman"):
    # the words differ in number. With as many words on both sides, a slip is inside a word and
    # the word rules below judge it: "Yudi Katili" / "Yuda Katili" and "Budi Santoso" / "Rudi
    # Santoso" are one letter apart written together, but two given names (twins, brothers).
    # Loosely (one valid NIK on both rows), a slip in a short word is still a slip ("Nun Akbar").
    joined_a, joined_b = "".join(wa), "".join(wb)
    if (len(joined_a) >= 6 and (len(wa) != len(wb) or loose) and (len(wa) > 1 or len(wb) > 1)
            and DamerauLevenshtein.distance(joined_a, joined_b, score_cutoff=1) <= 1):
        return True
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < 2 and not loose:
        return False
    found = _align(short, long, loose)
    if found is None and len(short) == len(long):
        found = _align(long, short, loose)
    if found is None:
        return len(short) >= 2 and _same_words_reordered(short, long)
    # Strictly, one word must be written out on both sides; loosely, two words each
    # written out on one side and shortened on the other do too ("S. Lubis" / "Sugeng L.").
    return found[0] >= 1 or (loose and len(short) >= 2)


def _same_words_reordered(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` written out (two letters or more) and found as it is in ``long``, in any order.

    Clerks reorder names: a surname written first ("SARAGIH BUDI HARTANTO", "Setiadi,
    Wahyu" from a form of surname and given name), given names swapped. The words
    themselves must be equal: order is the only liberty taken, so an initial or a typo
    in a reordered name is not read.
    """
    if any(len(word) < 2 for word in short):
        return False
    remaining = list(long)
    for word in short:
        if word not in remaining:
            return False
        remaining.remove(word)
    return True


@lru_cache(maxsize=500_000)
def names_related(a: str | None, b: str | None) -> bool:
    """Do two names share any word, written out, mistyped or shortened, in any place?

    The weakest name evidence, for rows whose birth date and sex both agree with
    the one valid NIK they share: only names with nothing in common ("Fauzi" /
    "Hadi F." share the F; "Bambang Sutrisno" / "Agus Salim" share nothing)
    say that someone else holds the NIK. A nickname made of a word's last letters
    ("Yanto" / "Suryanto") is a word in common.
    """
    if not isinstance(a, str) or not isinstance(b, str) or not a or not b:
        return False
    if names_agree(a, b, loose=True):
        return True
    # a Balinese title in common ("I Wayan ..." / "I Wayan ...") is shared by a quarter of the island
    personal_a, personal_b = title_run(a.split(" "))[1], title_run(b.split(" "))[1]
    return any(_word_match(x, y, loose=True) or _nickname_of(x, y) for x in personal_a for y in personal_b)


# The fewest letters of a nickname read as the end of a longer name ("Yanto" of Suryanto).
_NICKNAME_MIN = 4


def _nickname_of(x: str, y: str) -> bool:
    """One word is the other's last syllables, the Javanese way of calling someone ("Yanto" / "Anto" for
    Suryanto, "Yono" for Mulyono, "Narti" for Sunarti): four letters or more, two fewer or more."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= _NICKNAME_MIN and len(long) - len(short) >= 2 and long.endswith(short)


# Every title word as a linkage key may hold it: the clerk's forms and the full ones it writes them in.
_ANY_TITLE = frozenset(_TITLE_WORDS) | frozenset(_TITLE_WORDS.values()) | _GENDER_WORDS


def _without_leading_titles(words: list[str]) -> list[str]:
    """``words`` without the title words before the name, as long as two words or more are left: before a
    lone word a title may be a given name ("Ida Farida", "Andi Saputra" beside a man named Saputra)."""
    start = 0
    while start < len(words) - 2 and words[start] in _ANY_TITLE:
        start += 1
    return words[start:]


@lru_cache(maxsize=500_000)
def names_equal_but_titles(a: str | None, b: str | None) -> bool:
    """Two different linkage keys whose words are the same once the titles before the name are left out
    ("mas agus salim" / "agus salim", "raden joko susilo" / "joko susilo"): the same name as a clerk who
    leaves a title out writes it. Titles count here even where they are also given names (Mas, Roro, Ida:
    :data:`_AMBIGUOUS_TITLES`), since two words or more must be left, the same words on both sides.
    For a NIK one digit off, which joins only the same name (linkage/nik_stage.py ``typo_merges``): twins
    and namesakes registered one after the other differ in a given name, not in a title, which a father
    hands to all his children."""
    if not isinstance(a, str) or not isinstance(b, str) or a == b:
        return False
    left, right = _without_leading_titles(a.split(" ")), _without_leading_titles(b.split(" "))
    return len(left) >= 2 and sorted(left) == sorted(right)


def register_name_model(con) -> None:
    """SQL functions ``names_agree(a, b)``, ``names_close(a, b)`` (``names_agree`` with ``loose``),
    ``names_related(a, b)`` and ``names_equal_but_titles(a, b)`` on DuckDB connection ``con``, so SQL
    and Python judge names alike."""
    import duckdb

    for name, function in (("names_agree", lambda a, b: names_agree(a, b)),
                           ("names_close", lambda a, b: names_agree(a, b, loose=True)),
                           ("names_related", names_related),
                           ("names_equal_but_titles", names_equal_but_titles)):
        try:
            con.create_function(name, function, ["VARCHAR", "VARCHAR"], "BOOLEAN", side_effects=False)
        except (duckdb.CatalogException, duckdb.NotImplementedException):
            pass  # already registered on this connection


def given_names_differ(a: str | None, b: str | None) -> bool:
    """Two names of two words or more whose given names (first words) cannot be one word.

    "Yulianto Hakim" / "Muhammad Hakim": brothers, or a NIK copied between them, not
    one person, however well the rest agrees. An initial is a given name too when the
    other side writes one out that it cannot stand for: "M. Rizki" / "Wahyu Rizki".
    Names that agree for another reason ("Abdul Rahman Hakim" / "Rahman Hakim", a
    given name left out) do not count, nor two initials. Two one-word names differ when
    they are not one word (a slip in five letters or more) nor one the other's nickname.
    """
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    wa, wb = a.split(" "), b.split(" ")
    ta, pa = title_run(wa)
    tb, pb = title_run(wb)
    if ta and tb and _titles_conflict(ta, tb):
        return True  # "I Wayan Sudarma" / "I Made Sudarma": another birth order, brothers
    if ta and tb:
        # the given name is the personal name's first word, not the title a quarter of Bali shares
        wa, wb, a, b = pa, pb, " ".join(pa), " ".join(pb)
    elif (ta or tb) and names_agree(a, b):
        return False  # the title left out ("Sudarma" / "I Wayan Sudarma"); else its place holds a given name
    if len(wa) == 1 and len(wb) == 1 and min(len(a), len(b)) >= 3:
        # Two one-word names (many Indonesians have no other, DOMAIN): the name is the given name.
        # "Hasan" / "Husein" are twins, however well the NIK's first 15 digits, the birth date and
        # place agree; a slip in a long name ("Suparman" / "Suparmin") or a nickname ("Yanto" /
        # "Suryanto") is no other person.
        return not _word_match(a, b, loose=False) and not _nickname_of(a, b)
    if len(wa) < 2 or len(wb) < 2 or not wa[0] or not wb[0] or max(len(wa[0]), len(wb[0])) < 2:
        return False
    return not _word_match(wa[0], wb[0], loose=False) and not names_agree(a, b)


# --- variants learnt from the data --------------------------------------------------

# A word pair must be seen for this many different persons (NIKs) to count as a
# spelling variant: one person's two spellings may be a typo, several persons'
# are a habit.
MIN_PERSONS_FOR_VARIANT = 2


def _word_counts(names: pd.Series, words: set[str]) -> Counter:
    """How often each of ``words`` occurs in ``names`` (every row, every position).

    Split per distinct name and weighted by its rows: a million rows hold far fewer
    names, and only the few learnt words are wanted.
    """
    counts: Counter = Counter()
    distinct = names.value_counts(dropna=True)
    for name, n in zip(distinct.index.tolist(), distinct.to_numpy(dtype=np.int64).tolist()):
        for w in name.split(" "):
            if w in words:
                counts[w] += n
    return counts


def learn_word_variants(names: pd.Series, niks: pd.Series, agrees: np.ndarray) -> dict[str, str]:
    """Spelling variants of words, learnt from rows that share a valid NIK and agree with it.

    ``names``: linkage keys; ``niks``: valid NIK or missing; ``agrees``: the row's
    birth date and sex agree with what its NIK encodes. For every NIK, each pair of
    its distinct names with the same number of words that differ in exactly one
    word (both at least three letters, same first letter) contributes that word
    pair. Pairs seen for :data:`MIN_PERSONS_FOR_VARIANT` NIKs or more become
    variants; each group of variants folds to its most frequent word.
    """
    mask = agrees & niks.notna().to_numpy() & names.notna().to_numpy()
    frame = pd.DataFrame({"nik": niks[mask].to_numpy(), "name": names[mask].to_numpy()}).drop_duplicates()
    multi = frame[frame.groupby("nik")["name"].transform("size") > 1]
    if multi.empty:
        return {}
    pair_persons: Counter = Counter()
    for _, group in multi.groupby("nik", sort=False)["name"]:
        spelled = group.tolist()
        seen = set()
        for i in range(len(spelled)):
            wi = spelled[i].split(" ")
            for j in range(i + 1, len(spelled)):
                wj = spelled[j].split(" ")
                if len(wi) != len(wj):
                    continue
                diff = [(x, y) for x, y in zip(wi, wj) if x != y]
                if len(diff) != 1:
                    continue
                x, y = diff[0]
                if min(len(x), len(y)) < 3 or x[0] != y[0] or _word_match(x, y, loose=False):
                    continue  # an initial, a typo or a prefix: names_agree knows those already
                seen.add((x, y) if x < y else (y, x))
        pair_persons.update(seen)
    learnt = [pair for pair, persons in pair_persons.items() if persons >= MIN_PERSONS_FOR_VARIANT]
    if not learnt:
        return {}
    counts = _word_counts(names, {w for pair in learnt for w in pair})
    parent: dict[str, str] = {}

    def root(w: str) -> str:
        while parent.get(w, w) != w:
            w = parent[w]
        return w

    for x, y in learnt:
        rx, ry = root(x), root(y)
        if rx != ry:
            keep, drop = sorted((rx, ry), key=lambda w: (-counts.get(w, 0), w))
            parent[drop] = keep
    return {w: root(w) for w in parent if root(w) != w}
