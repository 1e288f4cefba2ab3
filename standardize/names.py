"""Person names: case, honorifics and academic degrees, and a matching key.

Office sheets write names in upper or mixed case, with honorifics before the
name (H., Hj., Ir., Drs., Dr., Prof.) and degrees after it, with or without a
comma and with or without dots ("AHMAD YANI ST MT", "Ahmad Yani, S.T., M.T.").
:func:`parse_name` splits those off into ``gelar`` with one canonical spelling
each, so that "ST" and "S.T." are one degree and the name itself compares.

:func:`nama_kunci` builds the key record linkage compares: lower-case ASCII,
punctuation removed, old spellings and common variants folded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class NameResult:
    """Outcome of :func:`parse_name`: the name in title case and the gelar split off."""

    nama: str | None
    gelar: str | None


def _gelar_key(token: str) -> str:
    """Spelling-independent lookup key of a gelar token: "S.Kom." -> "skom"."""
    return token.replace(".", "").lower()


# Honorifics written before the name. Keyed by _gelar_key.
_PREFIX_GELAR: dict[str, str] = {
    "h": "H.",  # Haji; only when more name follows, see parse_name
    "hj": "Hj.",  # Hajjah
    "ir": "Ir.",  # Insinyur
    "drs": "Drs.",
    "dra": "Dra.",
    "dr": "Dr.",
    "prof": "Prof.",
    "kh": "K.H.",
}

# Degrees and professional titles written after the name. Keyed by _gelar_key;
# the value is the spelling used in Indonesian academic convention.
_SUFFIX_GELAR: dict[str, str] = {
    # diploma
    "amd": "A.Md.",
    "amdt": "A.Md.T.",
    "amdkom": "A.Md.Kom.",
    "amdkep": "A.Md.Kep.",
    # sarjana (bachelor)
    "st": "S.T.",
    "strt": "S.Tr.T.",
    "sst": "S.S.T.",
    "skom": "S.Kom.",
    "spd": "S.Pd.",
    "se": "S.E.",
    "sh": "S.H.",
    "ssi": "S.Si.",
    "ssos": "S.Sos.",
    "sars": "S.Ars.",
    "sap": "S.AP.",
    "sip": "S.IP.",
    "sp": "S.P.",
    "stp": "S.TP.",
    "shut": "S.Hut.",
    "spt": "S.Pt.",
    "sag": "S.Ag.",
    "skm": "S.K.M.",
    "sked": "S.Ked.",
    "ss": "S.S.",
    "spwk": "S.PWK.",
    "bsc": "B.Sc.",
    "beng": "B.Eng.",
    # magister (master)
    "mt": "M.T.",
    "mm": "M.M.",
    "msi": "M.Si.",
    "meng": "M.Eng.",
    "mkom": "M.Kom.",
    "mpd": "M.Pd.",
    "mh": "M.H.",
    "me": "M.E.",
    "mars": "M.Ars.",
    "map": "M.AP.",
    "msc": "M.Sc.",
    "mba": "M.B.A.",
    "mtr": "M.Tr.",
    # doctorate
    "phd": "Ph.D.",
    # Insinyur Profesional (Pratama / Madya / Utama), common among construction experts
    "ipp": "IPP",
    "ipm": "IPM",
    "ipu": "IPU",
}

_ALL_GELAR: dict[str, str] = {**_SUFFIX_GELAR, **_PREFIX_GELAR}

# An unknown token after the comma that still looks like a degree: dotted
# abbreviations such as "S.Kep." or "M.Kes".
_DEGREE_SHAPE = re.compile(r"^(?:[A-Za-z]{1,4}\.)+[A-Za-z]{0,4}\.?$")
# "M.SAIFUL", "H.ABDUL": a dot glued to the next word.
_GLUED_DOT = re.compile(r"(?<=\.)(?=[^\W\d_])")
_APOSTROPHES = str.maketrans({"`": "'", "\u2019": "'", "\u2018": "'", "\u00b4": "'"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_BLANK_NAMES = frozenset({"", "-", "--", "n/a", "null", "none", "nan", "tidak ada"})


def _title(text: str) -> str:
    """Title-case every word (letters with inner apostrophes): "MA'RUF" -> "Ma'ruf"."""
    return _WORD.sub(lambda m: m.group(0).capitalize(), text)


def _split_glued(token: str) -> list[str]:
    if "." not in token or _gelar_key(token) in _ALL_GELAR:
        return [token]
    return [part for part in _GLUED_DOT.split(token) if part]


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for token in text.split():
        out.extend(_split_glued(token))
    return out


def parse_name(raw: str | None) -> NameResult:
    """Split a raw name cell into the name and its gelar (honorifics and degrees).

    - whitespace collapsed, words title-cased, apostrophes kept ("MA'RUF" -> "Ma'ruf");
    - leading honorifics (H., Hj., Ir., Drs., Dra., Dr., Prof., K.H.) are gelar;
      "H." only when more name follows, so a lone initial stays;
    - trailing degrees from the table (with or without dots: "ST", "S.T.") are
      gelar; after the first comma, every token in the table or shaped like a
      dotted abbreviation is gelar and any other word goes back to the name;
    - gelar are written canonically and joined ", " in their original order.

    >>> parse_name("H. AHMAD YANI, ST, MT")
    NameResult(nama='Ahmad Yani', gelar='H., S.T., M.T.')
    """
    if raw is None:
        return NameResult(None, None)
    text = " ".join(raw.translate(_APOSTROPHES).split())
    if text.lower() in _BLANK_NAMES:
        return NameResult(None, None)

    head, _, tail = text.partition(",")
    tokens = _tokens(head)

    prefixes: list[str] = []
    while len(tokens) > 1:
        canonical = _PREFIX_GELAR.get(_gelar_key(tokens[0]))
        if canonical is None:
            break
        # "H" / "H." is an honorific only before more name that is not itself a degree.
        rest = tokens[1:]
        if not any(_gelar_key(t) not in _ALL_GELAR for t in rest):
            break
        prefixes.append(canonical)
        tokens = rest

    suffixes: list[str] = []
    while len(tokens) > 1:
        canonical = _SUFFIX_GELAR.get(_gelar_key(tokens[-1]))
        if canonical is None:
            break
        suffixes.insert(0, canonical)
        tokens = tokens[:-1]

    if tail:
        for token in _tokens(tail.replace(",", " ")):
            canonical = _ALL_GELAR.get(_gelar_key(token))
            if canonical is not None:
                suffixes.append(canonical)
            elif _DEGREE_SHAPE.match(token) and len(token) > 2:
                suffixes.append(token if token.endswith(".") else token + ".")
            else:
                tokens.append(token)

    gelar = ", ".join(prefixes + suffixes) or None
    nama = _title(" ".join(tokens)) if tokens else None
    return NameResult(nama or None, gelar)


# --- matching key -----------------------------------------------------------

# Word-level folds for nama_kunci, applied after lower-casing, ASCII folding,
# the old-spelling digraphs (oe->u, dj->j, tj->c) and collapsing doubled letters,
# so keys are written in that folded form ("mohamad", not "mohammad").
_WORD_FOLDS: dict[str, str] = {
    # Muhammad and its abbreviations
    **dict.fromkeys(
        (
            "m",
            "mo",
            "moh",
            "muh",
            "mhd",
            "mhmd",
            "muhd",
            "mohd",
            "moch",
            "much",
            "mochamad",
            "muchamad",
            "mohamad",
            "mohamed",
            "muhamad",
            "mukhamad",
            "muhamat",
        ),
        "muhammad",
    ),
    **dict.fromkeys(("achmad", "akhmad", "ahmat", "achmat"), "ahmad"),
    **dict.fromkeys(("syaiful",), "saiful"),  # "Saifull" needs no entry: it collapses to "saiful"
    **dict.fromkeys(("nor",), "nur"),  # "Noor" and "Nurr" reach here as "nor" and "nur"
    **dict.fromkeys(("rizky", "rizqi", "rizqy", "riski", "risky"), "rizki"),
    **dict.fromkeys(("syamsul",), "samsul"),
    **dict.fromkeys(("syamsudin",), "samsudin"),
    **dict.fromkeys(("abd",), "abdul"),
    **dict.fromkeys(("selamet",), "slamet"),
}

_DOUBLED = re.compile(r"([a-z])\1+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"))


def _fold_word(word: str) -> str:
    for old, new in _OLD_SPELLING:
        if old in word:
            word = word.replace(old, new)
    word = _DOUBLED.sub(r"\1", word)
    return _WORD_FOLDS.get(word, word)


def nama_kunci(nama: str | None) -> str | None:
    """Matching key of a (parsed) name for record linkage.

    Steps, in order:

    1. lower case, accents folded to ASCII, apostrophes dropped ("Ma'ruf" -> "maruf"),
       any other punctuation becomes a word break ("Siti-Aisyah" -> "siti aisyah");
    2. per word, the pre-1972 spellings ``oe``->``u``, ``dj``->``j``, ``tj``->``c``,
       ``sj``->``sy`` ("Soekarno" -> "sukarno", "Djoko" -> "joko", "Sjamsul" -> "samsul");
    3. per word, doubled letters collapsed ("Abdullah" -> "abdulah", "Hassan" -> "hasan",
       "Saifull" -> "saiful"): doubling is the commonest spelling variation and
       collapsing it costs almost no distinctness;
    4. per word, the table ``_WORD_FOLDS``: M./Moh./Muh./Mhd./Mohammad/Muhamad/
       Mochammad/Moch. -> "muhammad"; Achmad/Akhmad -> "ahmad"; Syaiful -> "saiful";
       Noor -> "nur"; Rizky/Rizqi/Rizqy -> "rizki"; Syamsul -> "samsul"; Abd -> "abdul".

    >>> nama_kunci("Moch. Syaiful Noor")
    'muhammad saiful nur'
    """
    if not nama:
        return None
    text = unicodedata.normalize("NFKD", nama).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("'", "")
    words = [_fold_word(word) for word in _NON_ALNUM.split(text) if word]
    return " ".join(words) or None
