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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from standardize.fields import as_arrow_text, is_blank


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
    "haji": "H.",  # written out, as in "HAJI AHMAD"
    "hajjah": "Hj.",
    "hajah": "Hj.",
    # North Maluku's Haji: "Hi. Muhammad Kasuba"; "Faoniah Hi Djaohar", the wife of Maluku Utara's governor
    # A. G. Kasuba (en.wikipedia.org/wiki/Abdul_Ghani_Kasuba), has it inside, for her father
    "hi": "H.",
    "ir": "Ir.",  # Insinyur
    "drs": "Drs.",
    "dra": "Dra.",
    "dr": "Dr.",
    "prof": "Prof.",
    "kh": "K.H.",
    "drg": "drg.",  # dentist
    "kyai": "Kyai",  # a religious scholar (Java): a form of address like K.H., no part of the name
    "kiai": "Kyai",
    "ust": "Ust.",  # Ustadz, a religious teacher
    "ustadz": "Ust.",
    "ustad": "Ust.",
    # forms of address in invitation and attendance lists ("Sdr. Budi", "Bpk. Ahmad", "Ny. Siti"):
    # not part of the name; kept with the gelar so nothing written is lost
    "sdr": "Sdr.",
    "sdri": "Sdri.",
    "bpk": "Bpk.",
    "bapak": "Bapak",
    "ibu": "Ibu",
    "tn": "Tn.",
    "ny": "Ny.",
    "nn": "Nn.",
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
    "skep": "S.Kep.",
    "ns": "Ns.",
    "ss": "S.S.",
    "spwk": "S.PWK.",
    "bsc": "B.Sc.",
    "beng": "B.Eng.",
    # Islamic-studies, accounting, psychology, arts and other sarjana written without a comma
    # as often as with one ("SITI AMINAH S.Pd.I"); without the comma only table entries are gelar
    "spdi": "S.Pd.I.",
    "sak": "S.Ak.",
    "sab": "S.AB.",
    "spsi": "S.Psi.",
    "ssn": "S.Sn.",
    "shi": "S.H.I.",
    "sei": "S.E.I.",
    "sthi": "S.Th.I.",
    "ssy": "S.Sy.",
    "sikom": "S.I.Kom.",
    "sds": "S.Ds.",
    "shum": "S.Hum.",
    "sfarm": "S.Farm.",
    "sgz": "S.Gz.",
    "spi": "S.Pi.",
    "ssit": "S.Si.T.",
    "lc": "Lc.",  # Licence, from Middle-Eastern universities
    "aseaneng": "ASEAN Eng.",  # the ASEAN Engineer register, after IPM; see _ASEAN_ENG
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
    "mkes": "M.Kes.",
    "mpdi": "M.Pd.I.",
    "mhum": "M.Hum.",
    "mpsi": "M.Psi.",
    "mak": "M.Ak.",
    "mtp": "M.TP.",
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
_APOSTROPHE_VARIANTS = ("`", "\u2019", "\u2018", "\u00b4")
_APOSTROPHES = str.maketrans(dict.fromkeys(_APOSTROPHE_VARIANTS, "'"))
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_BLANK_NAMES = frozenset({"", "-", "--", "---", ".", "n/a", "null", "none", "nan", "tidak ada"})
_BLANK_NAME_MAX_LENGTH = 12  # at least as long as any _BLANK_NAMES entry, with some stray inner spaces

# Per-token work is cached: a million distinct names are made of far fewer
# distinct words. The cap only guards memory on pathological input.
_CACHE_LIMIT = 500_000


class _Token(NamedTuple):
    title: str  # the word in title case
    prefix: str | None  # canonical honorific when the word is one
    suffix: str | None  # canonical degree when the word is one
    gelar: str | None  # either of the two


_TOKEN_CACHE: dict[str, tuple[_Token, ...]] = {}


def _title(text: str) -> str:
    """Title-case every word (letters with inner apostrophes): "MA'RUF" -> "Ma'ruf"."""
    if text.isalpha():
        return text.capitalize()
    return _WORD.sub(lambda m: m.group(0).capitalize(), text)


# Degrees that are also words of names ("Sak", "Sei", "Shi", "Mak"): gelar before the comma
# only when written with a dot.
_DOTTED_ONLY = frozenset({"sak", "sab", "sei", "shi", "mak", "spi", "shum", "sds", "ssn", "lc"})


def _make_token(text: str) -> _Token:
    key = _gelar_key(text)
    if key in _DOTTED_ONLY and "." not in text:
        return _Token(_title(text), None, None, None)
    prefix = _PREFIX_GELAR.get(key)
    suffix = _SUFFIX_GELAR.get(key)
    return _Token(_title(text), prefix, suffix, suffix or prefix)


def _split_glued(token: str) -> list[str]:
    if "." not in token or _gelar_key(token) in _ALL_GELAR:
        return [token]
    return _regrouped_degrees([part for part in _GLUED_DOT.split(token) if part])


def _regrouped_degrees(parts: list[str]) -> list[str]:
    """Pieces of a word split at its glued dots, the degrees at its end put back together:
    "AMINAH.S.Pd" -> "AMINAH.", "S.Pd" (not "S.", "Pd"), "SANTOSO.S.T.M.T" -> "SANTOSO.", "S.T.", "M.T"."""
    end = len(parts)
    tail: list[str] = []
    while end > 0:
        for start in range(max(0, end - 4), end):  # the longest degree first
            if _gelar_key("".join(parts[start:end])) in _SUFFIX_GELAR:
                tail.insert(0, "".join(parts[start:end]))
                end = start
                break
        else:
            break
    return parts[:end] + tail


# A degree written with a space after each dot ("S. T.", "A. Md.", "S. Pd"): its pieces are short,
# every one but the last dotted.
_SHORT_PIECE = re.compile(r"^[^\W\d_]{1,3}\.?$")
_LONGEST_SPACED_DEGREE = 4  # "S. Si. T." and "A. Md. T." are three pieces
_SPACED_GATE = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,3}\.\s+[^\W\d_]{1,3}(?![^\W\d_])")


def _joined_spaced_degrees(words: list[str], name_words_needed: int) -> list[str]:
    """``words`` with the degrees at their end that are written with spaces inside joined
    ("BUDI SANTOSO S. T." -> ..., "S.T."), when ``name_words_needed`` full words stay before them.

    Two short dotted words after a name are also a clerk's two initials ("Budi S. T."), so before
    the comma a spaced degree needs two full name words before it; after the comma it needs none.
    """
    if len(words) < 2 or not _SPACED_GATE.search(" ".join(words[-2 * _LONGEST_SPACED_DEGREE :])):
        return words
    end = len(words)
    tail: list[str] = []
    joined = False
    while end > 0:
        if _gelar_key(words[end - 1]) in _SUFFIX_GELAR:
            # a degree written whole after the spaced one: "S. T. MT"
            tail.insert(0, words[end - 1])
            end -= 1
            continue
        for size in range(min(_LONGEST_SPACED_DEGREE, end), 1, -1):
            group = words[end - size : end]
            if not all(_SHORT_PIECE.match(w) for w in group) or not all(w.endswith(".") for w in group[:-1]):
                continue
            if _gelar_key("".join(group)) not in _SUFFIX_GELAR:
                continue
            if sum(1 for w in words[: end - size] if not _SHORT_PIECE.match(w)) < name_words_needed:
                continue
            tail.insert(0, "".join(group))
            end -= size
            joined = True
            break
        else:
            break
    return words[:end] + tail if joined else words


# A degree not in the tables, glued with dots, at the end of a name of two full words or more
# ("BUDI SANTOSO S.Tr.Ars", "SITI AMINAH M.Tr.Kom"): a sarjana, magister, ahli madya, doctor's or
# bachelor's letter, then two or three pieces of which one at least is a syllable. Two glued
# initials ("Budi Santoso A.S.") and an initial glued to a short name ("Budi Santoso M.Nur") are no
# degree; the common one-dot degrees are in the table.
_UNKNOWN_DEGREE = re.compile(r"^[SMADBsmadb]\.(?=(?:[^\W\d_]\.)*[^\W\d_]{2})[^\W\d_]{1,4}(?:\.[^\W\d_]{1,4}){1,2}\.?$")
_FULL_WORD = re.compile(r"^[^\W\d_]{2,}(?:['\-][^\W\d_]+)*$")


# A degree set off from the name by other marks than a comma: "BUDI SANTOSO; ST", "BUDI SANTOSO (ST)",
# "BUDI SANTOSO - ST", "BUDI SANTOSO / S.T." are read as "BUDI SANTOSO, ST".
_ASEAN_ENG = re.compile(r"\bASEAN\s*\.?\s*Eng\b\.?", re.IGNORECASE)
_BRACKETED_TAIL = re.compile(r"^(.*?\S)\s*\(([^()]*)\)\s*$")
_SEPARATED_TAIL = re.compile(r"^(.*?\S)\s*(?:/|\s[-\u2013\u2014])\s*([^/\-\u2013\u2014]+)$")
_SET_OFF = re.compile(r"[;(/\-\u2013\u2014]|asean", re.IGNORECASE)


def _only_degrees(text: str) -> bool:
    words = _joined_spaced_degrees(text.replace(",", " ").split(), 0)
    return bool(words) and all(
        _gelar_key(w) in _SUFFIX_GELAR or (_DEGREE_SHAPE.match(w) is not None and len(w) > 2) for w in words
    )


def _degrees_set_off(raw: str) -> str:
    """``raw`` with a degree set off by ";", brackets, "/" or " - " set off by a comma instead."""
    if not _SET_OFF.search(raw):
        return raw
    raw = _ASEAN_ENG.sub("ASEAN.Eng.", raw.replace(";", ","))
    for shape in (_BRACKETED_TAIL, _SEPARATED_TAIL):
        match = shape.match(raw)
        if match is not None and _only_degrees(match.group(2)):
            return f"{match.group(1)}, {match.group(2)}"
    return raw


_LONGEST_ABBREVIATION = 4


def _without_trailing_dot(token: _Token) -> _Token:
    """The name's last word without the dot a clerk put between it and the degrees
    ("BUDI SANTOSO. ST", "BUDI SANTOSO., ST") or at the end ("Budi Santoso."). An initial
    ("Budi S."), an honorific and a word shortened to three or four letters ("Abd.", "Supr.",
    "Moch.") keep theirs: clerks shorten to those lengths, so only a longer word's dot is no
    abbreviation's."""
    letters = token.title.rstrip(".")
    if (
        letters == token.title
        or len(letters) < _LONGEST_ABBREVIATION + 1
        or not letters.isalpha()
        or letters.lower() in _WORD_FOLDS
        or token.gelar is not None
    ):
        return token
    return _Token(letters, None, None, None)


def _token_pieces(token: str) -> tuple[_Token, ...]:
    pieces = _TOKEN_CACHE.get(token)
    if pieces is None:
        if len(_TOKEN_CACHE) >= _CACHE_LIMIT:
            _TOKEN_CACHE.clear()
        pieces = tuple(_make_token(part) for part in _split_glued(token))
        _TOKEN_CACHE[token] = pieces
    return pieces


# What clerks paste into a name cell besides the name: the NIK or KTP number, with or
# without its label and brackets ("Ahmad (6408011203850001)", "Ahmad / NIK: 6408..."),
# a row number before it ("1. Ahmad"), marks around it ('"Ahmad"', "*Ahmad", "- Ahmad").
# No name holds a digit, so none of this is name.
_PASTED_NUMBER = re.compile(
    r"[\s,;/|(\[-]*(?:\b(?:no\.?\s*)?(?:nik|e?-?ktp|kk)\b\s*[:.=#-]?\s*)?"
    r"\d[\d\s.\-]{4,}\d(?:\s*[eE]\+?\d+)?[\s)\]]*",
    re.IGNORECASE,
)
_ROW_NUMBER = re.compile(r"^\s*\d{1,4}\s*[.)]\s+(?=[^\W\d_])")
_NOISE_MARKS = " \t*\"#\u201c\u201d'`\u2018\u2019_-\u2013\u2014/|"
# Quick test for cells the cleaning may change (most names have none of these); literal
# characters, not \u escapes, since Arrow's RE2 runs it too.
_MAYBE_NOISY = re.compile(r"[\d*\"#“”]|^\s*['`‘’_\-–—/|]|['`‘’_\-–—/|]\s*$")


def strip_pasted(raw: str) -> str:
    """A name cell without what was pasted into it: a NIK or KTP number (with its label),
    a leading row number, quotes, asterisks and dashes around the name.

    >>> strip_pasted('"AHMAD FAUZI (NIK: 6408011203850001)"')
    'AHMAD FAUZI'
    """
    if not _MAYBE_NOISY.search(raw):
        return raw
    text = _PASTED_NUMBER.sub(" ", _ROW_NUMBER.sub("", raw))
    text = text.strip(_NOISE_MARKS)
    text = text.replace("*", " ").replace('"', " ").replace("\u201c", " ").replace("\u201d", " ")
    return " ".join(text.split()).strip(_NOISE_MARKS + ",;(")


def name_parts(raw: str | None) -> tuple[str | None, str | None]:
    """:func:`parse_name` as a plain ``(nama, gelar)`` tuple, for callers that run it a million times."""
    if raw is None:
        return None, None
    if len(raw) <= _BLANK_NAME_MAX_LENGTH and is_blank(raw):
        # also Excel's error values ("#N/A", "#REF!") and "(kosong)", before their marks are stripped
        return None, None
    raw = strip_pasted(raw)
    for variant in _APOSTROPHE_VARIANTS:
        if variant in raw:
            raw = raw.translate(_APOSTROPHES)
            break
    stripped = raw.strip()
    if len(stripped) <= _BLANK_NAME_MAX_LENGTH and " ".join(stripped.split()).lower() in _BLANK_NAMES:
        return None, None
    head, _, tail = _degrees_set_off(raw).partition(",")
    head_words = _joined_spaced_degrees(head.split(), 2)
    unknown_degrees: list[str] = []
    while _UNKNOWN_DEGREE.match(head_words[-1] if head_words else "") and _gelar_key(head_words[-1]) not in _ALL_GELAR:
        if sum(1 for w in head_words[:-1] if _FULL_WORD.match(w)) < 2:
            break
        word = head_words.pop()
        unknown_degrees.insert(0, word if word.endswith(".") else word + ".")
    tokens: list[_Token] = []
    for word in head_words:
        tokens.extend(_token_pieces(word))

    prefixes: list[str] = []
    while len(tokens) > 1 and tokens[0].prefix is not None:
        # "H" / "H." is an honorific only before more name that is not itself a degree.
        if all(t.gelar is not None for t in tokens[1:]):
            break
        prefixes.append(tokens[0].prefix)
        tokens = tokens[1:]

    suffixes: list[str] = []
    while len(tokens) > 1 and tokens[-1].suffix is not None:
        suffixes.insert(0, tokens[-1].suffix)
        tokens = tokens[:-1]
    suffixes.extend(unknown_degrees)

    if tail:
        for word in _joined_spaced_degrees(tail.replace(",", " ").split(), 0):
            canonical = _tail_gelar(word)
            if canonical is not None:
                suffixes.append(canonical)
            else:
                tokens.extend(_token_pieces(word))

    if tokens:
        tokens[-1] = _without_trailing_dot(tokens[-1])
    gelar = ", ".join(prefixes + suffixes) or None
    nama = " ".join(t.title for t in tokens) or None
    return nama, gelar


def _tail_gelar(word: str) -> str | None:
    """The canonical gelar of a word after the comma, None when it is no gelar.

    Unknown but degree-shaped words ("S.Psi", "M.Kes.") are kept as written; two known degrees
    glued together ("ST.MT", "S.T.M.T") are both written canonically.
    """
    canonical = _ALL_GELAR.get(_gelar_key(word))
    if canonical is not None:
        return canonical
    if _gelar_key(word) in _SHORTENED_NAME_WORDS or not (_DEGREE_SHAPE.match(word) and len(word) > 2):
        return None
    pieces = _regrouped_degrees([part for part in _GLUED_DOT.split(word) if part])
    if len(pieces) > 1 and all(_gelar_key(piece) in _SUFFIX_GELAR for piece in pieces):
        return ", ".join(_SUFFIX_GELAR[_gelar_key(piece)] for piece in pieces)
    return word if word.endswith(".") else word + "."


def parse_name(raw: str | None) -> NameResult:
    """Split a raw name cell into the name and its gelar (honorifics and degrees).

    - whitespace collapsed, words title-cased, apostrophes kept ("MA'RUF" -> "Ma'ruf");
    - leading honorifics (H., Hj., Ir., Drs., Dra., Dr., Prof., K.H.) are gelar;
      "H." only when more name follows, so a lone initial stays;
    - trailing degrees from the table (with or without dots: "ST", "S.T.") are
      gelar; after the first comma, every token in the table or shaped like a
      dotted abbreviation is gelar and any other word goes back to the name;
    - a dot glued to the next word splits it ("M.SAIFUL" -> "M. Saiful") unless
      the whole token is a gelar ("S.Kom");
    - gelar are written canonically and joined ", " in their original order.

    >>> parse_name("H. AHMAD YANI, ST, MT")
    NameResult(nama='Ahmad Yani', gelar='H., S.T., M.T.')
    """
    return NameResult(*name_parts(raw))


# --- many names at once ----------------------------------------------------------

# Cells of printable ASCII (no backtick, which name_parts rewrites to an
# apostrophe) and ASCII whitespace take the vectorised path: Arrow splits them
# on exactly the whitespace str.split() uses. Everything else, and short cells
# that might be blanks ("-", "none"), go through name_parts one by one.
_VECTOR_NAME = r"^[ -_a-~\t\n\v\f\r]+$"
_MAYBE_SET_OFF = r"[;(/]|\s-|(?i:asean)"


class _WordInfo(NamedTuple):
    single: bool  # the word is one token (no glued dot to split at)
    title: str
    prefix: bool
    suffix: bool
    gelar: str | None  # canonical gelar when the word is one, in the name part
    tail_gelar: str | None  # canonical gelar when the word is one, after the comma
    kunci: str  # nama_kunci of the word
    dotted_end: bool  # as the name's last word it loses its dot (_without_trailing_dot)
    short: bool  # may be a piece of a degree written with spaces ("S." "T.")


def _word_info(word: str) -> _WordInfo:
    pieces = _token_pieces(word)
    token = pieces[0]
    return _WordInfo(
        len(pieces) == 1,
        token.title,
        token.prefix is not None,
        token.suffix is not None,
        token.gelar,
        _tail_gelar(word),
        _kunci_word(token.title),
        len(pieces) == 1 and _without_trailing_dot(token) is not token,
        _SHORT_PIECE.match(word) is not None,
    )


# Bits of _word_kind.
_PREFIX, _SUFFIX, _GELAR, _TAIL_GELAR, _COMMA, _GLUED = 1, 2, 4, 8, 16, 32
_DOTTED_END, _SHORT, _SHORT_DOT = 64, 128, 256
_SPECIAL = _PREFIX | _SUFFIX | _GELAR | _TAIL_GELAR | _COMMA | _GLUED | _DOTTED_END | _SHORT_DOT


def _word_kind(word: str, info: _WordInfo) -> int:
    return (
        (_PREFIX if info.prefix else 0)
        | (_SUFFIX if info.suffix else 0)
        | (_GELAR if info.gelar is not None else 0)
        | (_TAIL_GELAR if info.tail_gelar is not None else 0)
        | (_COMMA if word == "," else 0)
        | (_GLUED if not info.single else 0)
        | (_DOTTED_END if info.dotted_end else 0)
        | (_SHORT if info.short else 0)
        | (_SHORT_DOT if info.short and word.endswith(".") else 0)
    )


def _group_cumsum(flags: np.ndarray, starts: np.ndarray, parent: np.ndarray) -> np.ndarray:
    """Inclusive running count of ``flags`` within each name (words grouped by ``parent``)."""
    running = np.cumsum(flags, dtype=np.int64)
    before_group = np.concatenate(([0], running))[starts]
    return running - before_group[parent]


def _group_sum(flags: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.add.reduceat(flags.astype(np.int64), starts)


def _join_groups(
    per_distinct: pa.Array, word_codes: np.ndarray, group: np.ndarray, keep: np.ndarray, groups: int, separator: str
) -> pa.Array:
    """Per group, the kept words (``per_distinct`` taken at ``word_codes``) joined; null when none is kept."""
    counts = np.bincount(group[keep], minlength=groups)
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
    words = per_distinct.take(pa.array(word_codes[keep]))
    joined = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), words), separator)
    return pc.if_else(pa.array(counts == 0), pa.nulls(groups, pa.string()), joined)


def parse_name_array(values: Sequence[str | None] | pa.Array) -> tuple[pd.api.extensions.ExtensionArray, ...]:
    """:func:`parse_name` and :func:`nama_kunci` over many distinct names at once.

    Returns three pandas ``"str"`` arrays aligned with ``values``: nama, gelar,
    nama_kunci (missing is NaN). Results equal the scalar functions' (tested).

    A million distinct names hold far fewer distinct words. Arrow splits the
    names into words, each distinct word is classified once (title case, gelar
    tables, matching key), and numpy finds, per word position, the leading
    honorific run, the trailing degree run and the part after the first comma,
    exactly as :func:`name_parts` walks them.
    """
    text = as_arrow_text(values)
    noisy = np.flatnonzero(
        pc.fill_null(pc.match_substring_regex(text, _MAYBE_NOISY.pattern), False).to_numpy(zero_copy_only=False)
    )
    if len(noisy):
        # Few cells hold a pasted number or marks: clean those in Python, then as any other.
        cleaned = text.to_pylist()
        for position in noisy:
            cell = cleaned[position]
            if not (len(cell) <= _BLANK_NAME_MAX_LENGTH and is_blank(cell)):
                cleaned[position] = strip_pasted(cell)
        text = pa.array(cleaned, type=pa.string())
    vector = _vectorisable(text)
    rows = np.flatnonzero(vector)
    results: list[pa.Array] = [pa.array([], pa.string())] * 3
    if len(rows):
        words = _split_words(text.take(pa.array(rows)))
        roles = _word_roles(words, len(rows))
        # Their vectorised results are left unused: name_parts splits the glued word.
        vector[rows[roles.glued_names]] = False
        results = _joined_columns(words, roles, len(rows))

    # The rest one by one; then one Arrow take puts every value back in input order.
    others = np.flatnonzero(~vector)
    scalar = _names_one_by_one(text.take(pa.array(others)))
    kept_vector = np.flatnonzero(vector[rows]) if len(rows) else np.array([], dtype=np.intp)
    order = np.empty(len(values), dtype=np.int64)
    order[rows[kept_vector]] = kept_vector
    order[others] = len(rows) + np.arange(len(others))
    return tuple(
        pd.array(
            pa.concat_arrays([result, pa.array(column, type=pa.string())]).take(pa.array(order)), dtype="str"
        )
        for result, column in zip(results, scalar)
    )


def _vectorisable(text: pa.Array) -> np.ndarray:
    """Which cells the vectorised path may take (see ``_VECTOR_NAME``); the others go through name_parts."""
    return pc.fill_null(
        pc.and_(
            pc.and_(
                pc.match_substring_regex(text, _VECTOR_NAME),
                # a degree set off by other marks than a comma (_degrees_set_off)
                pc.invert(pc.match_substring_regex(text, _MAYBE_SET_OFF)),
            ),
            # Longer than any blank placeholder, so never blank, and never only whitespace.
            pc.greater(pc.utf8_length(pc.ascii_trim_whitespace(text)), _BLANK_NAME_MAX_LENGTH),
        ),
        False,
    ).to_numpy(zero_copy_only=False)


@dataclass
class _Words:
    """The words of some names, each distinct word classified once."""

    infos: list[_WordInfo]  # per distinct word
    codes: np.ndarray  # per word position: its distinct word
    kind: np.ndarray  # per word position: its _word_kind bits
    counts: np.ndarray  # per name: how many words it has
    name: np.ndarray  # per word position: the name it belongs to


def _split_words(cells: pa.Array) -> _Words:
    """Split names into words with Arrow and classify every distinct word once, for the run analysis."""
    # The comma becomes a word of its own: it separates the name from the degrees after it.
    cells = pc.replace_substring(cells, ",", " , ")
    split = pc.ascii_split_whitespace(pc.ascii_trim_whitespace(cells))
    counts = pc.list_value_length(split).to_numpy().astype(np.int64)
    encoded = pc.dictionary_encode(pc.list_flatten(split))
    word_codes = encoded.indices.to_numpy()
    distinct_words = encoded.dictionary.to_pylist()
    infos = [_word_info(word) for word in distinct_words]
    # One small bit set per distinct word, spread to every word position.
    kinds = np.array([_word_kind(word, info) for word, info in zip(distinct_words, infos)], dtype=np.uint16)
    return _Words(infos, word_codes, kinds[word_codes], counts, np.repeat(np.arange(len(counts)), counts))


@dataclass
class _WordRoles:
    """Where each word position goes: into the name, into the gelar; and which names need name_parts after all."""

    in_name: np.ndarray
    in_gelar: np.ndarray
    tail: np.ndarray  # after the first comma
    glued_names: np.ndarray  # names (positions among those analysed) holding a word to split at a glued dot


def _word_roles(words: _Words, names: int) -> _WordRoles:
    """Name or gelar for every word position of the names the vectorised path takes."""
    # Only names with an honorific, a degree, a comma or a glued dot need the run
    # analysis below; in all others every word is a name word.
    roles = _WordRoles(
        in_name=np.ones(len(words.kind), dtype=bool),
        in_gelar=np.zeros(len(words.kind), dtype=bool),
        tail=np.zeros(len(words.kind), dtype=bool),
        glued_names=np.array([], dtype=np.intp),
    )
    special_name = np.zeros(names, dtype=bool)
    special_name[words.name[(words.kind & _SPECIAL) != 0]] = True
    special_names = np.flatnonzero(special_name)
    if len(special_names):
        positions = np.flatnonzero(special_name[words.name])
        sub = _special_roles(words.kind[positions], words.counts[special_names])
        roles.in_name[positions] = sub.in_name
        roles.in_gelar[positions] = sub.in_gelar
        roles.tail[positions] = sub.tail
        roles.glued_names = special_names[sub.glued_names]
    return roles


def _has(kind: np.ndarray, bit: int) -> np.ndarray:
    """Per word position: its _word_kind has ``bit``."""
    return (kind & bit) != 0


def _special_roles(kind: np.ndarray, counts: np.ndarray) -> _WordRoles:
    """The run analysis of :func:`name_parts` on names that hold a gelar candidate, a comma or a glued dot.

    ``kind`` covers those names' word positions only, ``counts`` their words per name.
    """
    name = np.repeat(np.arange(len(counts)), counts)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    comma = _has(kind, _COMMA)
    head = _group_cumsum(comma, starts, name) == 0
    tail = ~head & ~comma
    tail_is_gelar = _has(kind, _TAIL_GELAR)
    prefix_taken = _leading_honorifics(kind, head, starts, name)
    suffix_taken = _trailing_degrees(kind, head, starts, name, _group_sum(prefix_taken, starts))
    # A word with a glued dot ("M.SAIFUL", "H.ABDUL") splits into several tokens, which
    # shifts every position: leave such names to name_parts. (After the comma a
    # degree-shaped word is taken whole, unsplit.)
    split_word = _has(kind, _GLUED) & ~(tail & tail_is_gelar) & ~comma
    in_name = (head & ~prefix_taken & ~suffix_taken) | (tail & ~tail_is_gelar)
    # Also left to name_parts: a name whose last word loses its dot, and one holding two short
    # words in a row that may be a degree written with spaces ("S. T.").
    position = np.arange(len(kind))
    last_in_name = np.maximum.reduceat(np.where(in_name, position, -1), starts)
    has_name = last_in_name >= 0
    dotted_end = np.zeros(len(counts), dtype=bool)
    dotted_end[has_name] = _has(kind[last_in_name[has_name]], _DOTTED_END)
    spaced = _has(kind[:-1], _SHORT_DOT) & _has(kind[1:], _SHORT) & (name[:-1] == name[1:])
    scalar_names = np.union1d(np.flatnonzero(dotted_end), name[:-1][spaced])
    return _WordRoles(
        in_name=in_name,
        in_gelar=prefix_taken | suffix_taken | (tail & tail_is_gelar),
        tail=tail,
        glued_names=np.union1d(np.unique(name[split_word]), scalar_names).astype(np.intp),
    )


def _leading_honorifics(kind: np.ndarray, head: np.ndarray, starts: np.ndarray, name: np.ndarray) -> np.ndarray:
    """Leading honorifics: an unbroken run of prefix words, each with real name words after it."""
    is_name_word = ~_has(kind, _GELAR) & head
    non_prefix_so_far = _group_cumsum(~_has(kind, _PREFIX), starts, name)
    name_words_after = _group_sum(is_name_word, starts)[name] - _group_cumsum(is_name_word, starts, name)
    return head & (non_prefix_so_far == 0) & (name_words_after > 0)


def _trailing_degrees(
    kind: np.ndarray, head: np.ndarray, starts: np.ndarray, name: np.ndarray, name_start: np.ndarray
) -> np.ndarray:
    """Trailing degrees of the name part: an unbroken run of suffix words, one word left before it.

    ``name_start`` is, per name, the position of its first word after the leading honorifics.
    """
    non_suffix = ~_has(kind, _SUFFIX) & head
    non_suffix_from_here = _group_sum(non_suffix, starts)[name] - _group_cumsum(non_suffix, starts, name) + non_suffix
    position = np.arange(len(name)) - starts[name]
    return head & (non_suffix_from_here == 0) & (position > name_start[name])


def _joined_columns(words: _Words, roles: _WordRoles, names: int) -> list[pa.Array]:
    """nama, gelar and nama_kunci of each name: its words of each role joined, spelled as classified."""
    titles = pa.array([i.title for i in words.infos], type=pa.string())
    # Head and tail spell a gelar the same except for degree-shaped words only accepted
    # after the comma; give those distinct codes past the end of the word table.
    canonical = pa.array([i.gelar for i in words.infos] + [i.tail_gelar for i in words.infos], type=pa.string())
    gelar_codes = words.codes + np.where(roles.tail, len(words.infos), 0)
    keys = [i.kunci for i in words.infos]
    has_key = np.array([bool(k) for k in keys], dtype=bool)[words.codes]
    return [
        _join_groups(titles, words.codes, words.name, roles.in_name, names, " "),
        _join_groups(canonical, gelar_codes, words.name, roles.in_gelar, names, ", "),
        _join_groups(pa.array(keys, type=pa.string()), words.codes, words.name, roles.in_name & has_key, names, " "),
    ]


def _names_one_by_one(cells: pa.Array) -> list[list[str | None]]:
    """nama, gelar and nama_kunci of the cells the vectorised path cannot take, through the scalar functions."""
    scalar: list[list[str | None]] = [[], [], []]
    for raw in cells.to_pylist():
        nama, gelar = name_parts(raw)
        scalar[0].append(nama)
        scalar[1].append(gelar)
        scalar[2].append(nama_kunci(nama))
    return scalar


# --- matching key -----------------------------------------------------------

# Word-level folds for nama_kunci, applied after lower-casing, ASCII folding,
# the old-spelling digraphs (oe->u, dj->j, tj->c) and collapsing doubled letters,
# so keys are written in that folded form ("mohamad", not "mohammad").
_WORD_FOLDS: dict[str, str] = {
    # Muhammad and its abbreviations
    **dict.fromkeys(
        (
            # not a lone "m": "M. Fajar" may be Mulyadi Fajar, "Eka M." is Eka Maharani;
            # linkage reads a lone M. as an initial
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

# Balinese titles and birth-order names as clerks write them (sources in linkage/names.py, which
# compares them): clerk's form -> the word it stands for, in nama_kunci's spelling ("Tjokorda" is "cokorda").
BALINESE_TITLE_WORDS: dict[str, str] = {
    **dict.fromkeys(("wayan", "wyn"), "wayan"),
    **dict.fromkeys(("putu", "pt"), "putu"),
    **dict.fromkeys(("gede", "gde", "gd"), "gede"),
    "luh": "luh",
    **dict.fromkeys(("made", "md"), "made"),
    **dict.fromkeys(("kadek", "kade", "kd", "kdk"), "kadek"),
    **dict.fromkeys(("nengah", "ngh"), "nengah"),
    **dict.fromkeys(("nyoman", "nym"), "nyoman"),
    **dict.fromkeys(("komang", "kmg"), "komang"),
    **dict.fromkeys(("ketut", "kt", "ktt"), "ketut"),
    "ida": "ida", "bagus": "bagus", "ayu": "ayu", "anak": "anak", "istri": "istri",
    **dict.fromkeys(("agung", "ag"), "agung"),
    **dict.fromkeys(("gusti", "gst"), "gusti"),
    **dict.fromkeys(("ngurah", "ngr"), "ngurah"),
    **dict.fromkeys(("cokorda", "cokorde", "cok"), "cokorda"),
    **dict.fromkeys(("dewa", "dw"), "dewa"),
    **dict.fromkeys(("desak", "dsk"), "desak"),
    "sagung": "sagung",
}
# Noble, customary and religious titles of the other regions before a personal name, as clerks write them
# (clerk's form -> the word it stands for, in nama_kunci's spelling). Each is shared by many unrelated
# people, is shortened or left out from one list to the next, and tells nothing the personal name does
# not; linkage/names.py weighs them like the Balinese titles:
# - Bugis-Makassar: "Andi" (nobility, from the father; "A." is left an initial: it is as often Abdul or
#   Ahmad), "Daeng" / "Dg." before the daeng name, which follows the given name (id.wikipedia.org/wiki/
#   Gelar_kebangsawanan_di_Sulawesi_Selatan; makassar.tribunnews.com 2024-04-19 writes "Dg Mappuji").
# - Buton and Muna: "La" (men) and "Wa" (women) before every personal name, "La Ode" / "Wa Ode" for the
#   nobility (kompasiana.com "La Ode dan Wa Ode", sejarahwuna.wordpress.com 2012-12-28); written together
#   ("LaOde", "Waode") or as initials ("L.O.", "La O.") in linkage/names.py.
# - Java: "Raden" ("R." in Central and East Java, "Rd." in West Java), "Raden Roro" ("Rr."), "Mas"
#   (id.wikipedia.org/wiki/Gelar_kebangsawanan_Jawa; "Roro" on wiki-indonesia.club). "R." stays an initial.
# - Aceh and the Malay coast: "Teuku" (men) and "Cut" (women) of the uleebalang families; "Teungku",
#   "Tengku", shortened "Tgk." or "Tg.", a religious title in Aceh and a royal one in Riau (paragram.id,
#   "beda Teuku dan Tengku"; the Indonesian Wikipedia: "Teungku (juga disingkat Tgk.)"); "Encik".
# - Minangkabau: "Sutan" ("St.") before a man's name.
REGIONAL_TITLE_WORDS: dict[str, str] = {
    "andi": "andi",
    **dict.fromkeys(("daeng", "dg"), "daeng"),
    "la": "la", "wa": "wa", "ode": "ode",
    **dict.fromkeys(("raden", "rd"), "raden"),
    "roro": "roro", "rara": "roro", "mas": "mas",
    "teuku": "teuku", "cut": "cut", "nyak": "nyak",  # "Cut Nyak Meutia"
    **dict.fromkeys(("teungku", "tengku", "tgk", "tg"), "tengku"),
    "encik": "encik",
    **dict.fromkeys(("sutan", "st"), "sutan"),
}
# Every title word of every region, one table: linkage reads no other.
TITLE_WORDS: dict[str, str] = {**BALINESE_TITLE_WORDS, **REGIONAL_TITLE_WORDS}
# A title whose clerk's form doubles a letter nama_kunci collapses: "Rr." would be the initial "r".
_DOUBLED_TITLE_FORMS = {"rr": "raden roro"}

# Name words shortened, never degrees: after a comma ("SUDARMA, I Md.", "Rahman, Abd.", "Hakim, Moh.")
# they stay in the name, though shaped like "Apt." or "Ak.".
_SHORTENED_NAME_WORDS = frozenset(
    {word for word in _WORD_FOLDS if len(word) <= 4}
    | {word for word, full in BALINESE_TITLE_WORDS.items() if word != full}
    | {"tjok", "aa", "ib"}  # and the glued initials of Anak Agung, Ida Bagus ("A.A.", "I.B.")
)

_DOUBLED = re.compile(r"([a-z])\1+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"))


def _fold_word(word: str) -> str:
    if word in _DOUBLED_TITLE_FORMS:
        return _DOUBLED_TITLE_FORMS[word]
    for old, new in _OLD_SPELLING:
        if old in word:
            word = word.replace(old, new)
    word = _DOUBLED.sub(r"\1", word)
    return _WORD_FOLDS.get(word, word)


_KUNCI_CACHE: dict[str, str] = {}


def _kunci_word(word: str) -> str:
    """Key of one whitespace-separated word; may hold several words ("siti-aisyah") or none ("-")."""
    if word.isascii() and word.isalpha():
        return _fold_word(word.lower())
    text = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("'", "")
    return " ".join(_fold_word(part) for part in _NON_ALNUM.split(text) if part)


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
    4. per word, the table ``_WORD_FOLDS``: Moh./Muh./Mhd./Mohammad/Muhamad/
       Mochammad/Moch. -> "muhammad"; Achmad/Akhmad -> "ahmad"; Syaiful -> "saiful";
       Noor -> "nur"; Rizky/Rizqi/Rizqy -> "rizki"; Syamsul -> "samsul"; Abd -> "abdul".

    A lone "M." stays "m": it is usually Muhammad at the start of a name, but may be
    any name ("Eka M." is Eka Maharani); linkage (:mod:`linkage.names`) reads it as an initial.

    >>> nama_kunci("Moch. Syaiful Noor")
    'muhammad saiful nur'
    """
    if not nama:
        return None
    parts: list[str] = []
    for word in nama.split():
        folded = _KUNCI_CACHE.get(word)
        if folded is None:
            if len(_KUNCI_CACHE) >= _CACHE_LIMIT:
                _KUNCI_CACHE.clear()
            folded = _kunci_word(word)
            _KUNCI_CACHE[word] = folded
        if folded:
            parts.append(folded)
    return " ".join(parts) or None
