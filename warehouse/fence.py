"""The fence: office-provided text on its way to an analyst table loses NIKs, byte dumps and names.

Analyst tables carry pseudonymous person keys, never a NIK or a name, but some of
their text columns hold what an office wrote: file and sheet names
(``Sertifikat_AHMAD RIZKI_1603012003880007.csv``), reader reasons that quote a
file's content (a JSON export keyed by NIK, the first bytes of a binary file as
hex), free-text columns (``jabatan_kerja``, ``program``). Every such column is
listed in its table's ``info["office_text"]`` / ``info["office_json"]``
(:mod:`warehouse.schema`) and passes through :func:`for_analysts` in
:func:`warehouse.publish.publish_tables`, the one way into the warehouse.
Engineer-only columns and tables (``quarantine.value``, ``quarantine.raw``,
``person_links``) keep the raw text.

:func:`for_analysts` replaces

* long hex dumps (8+ byte pairs separated by spaces, colons or dashes) by ``[bytes]``;
* NIK-shaped numbers by ``[NIK]``: runs of 15 digits or more (a 16-digit NIK,
  one Excel cut short, one glued to a row number), also with the single spaces,
  dots or dashes clerks and Excel put between digit groups
  (``1603 0112 0190 0001``, ``16.03.01.120190.0001``), and Excel's scientific
  form of such a number (``1.60301E+15``, ``1,60301E+15``);
* the words of participant names (``names``, from :func:`name_words`) by
  ``[nama]``, whole words, case- and accent-insensitive, one ``[nama]`` for a
  run of name words.

The names are the words (3 letters or more) of the participants' names, less
:data:`STOP_WORDS`: the ``publish_candidate`` asset takes them from the linked
rows (:func:`participant_names`) and the quarantined rows
(:func:`quarantined_names`) and fences the candidate tables before they are
staged and checked; :func:`warehouse.publish.publish_tables` fences again
(NIKs, hex dumps, quarantined names) for any other caller.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from warehouse import schema

NIK = "[NIK]"
BYTES = "[bytes]"
NAME = "[nama]"
MIN_NAME_LENGTH = 3
# The linked rows' name column: the name as the office wrote it (title case, gelar split
# off), the spelling its file names use too. Not nama_kunci: the linkage key respells old
# forms ("Noot" -> "not"), words nobody wrote that then vanish from every reason.
NAME_COLUMNS = ("nama",)

# Words never removed as names. Kept small on purpose: a word listed here stays in the
# text even where it is someone's name, so each one must say nothing about a person.
STOP_WORDS = frozenset(
    {
        # the fence's own placeholders, so fencing fenced text changes nothing
        "nik", "nama", "bytes",
        # words of file and sheet names that say what a file is, not whose
        "sertifikat", "sertifikasi", "pelatihan", "peserta", "daftar", "data", "rekap", "tahap",
        "kab", "kabupaten", "kota", "prov", "provinsi", "dinas", "pupr",
        # month names in file names ("Rekap Agustus 2024"); Agustus, April and Juni are also
        # given names, but a month next to a removed name identifies nobody
        "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
        "oktober", "november", "desember",
        # KKNI titles inside every jabatan_kerja ("Ahli Utama Teknik Jalan"); Utama and Madya
        # are also name words, and removing them would break the analysts' jabatan groups
        "ahli", "muda", "madya", "utama",
    }
)

_HEX_DUMP = re.compile(r"(?<![0-9A-Za-z])[0-9A-Fa-f]{2}(?:[ :\-][0-9A-Fa-f]{2}){7,}(?![0-9A-Za-z])")
# Excel's display of a 15-17 digit number: mantissa, decimal point or comma, exponent 14-16.
_SCIENTIFIC = re.compile(r"(?<![0-9A-Za-z.,])[0-9](?:[.,][0-9]+)?\s?[eE]\s?\+?\s?0?1[4-6](?![0-9])")
# 15 digits or more, one optional separator (space, no-break space, dot, dash) between any
# two. Not only 15-17: a run of 18 would otherwise pass whole, NIK and all.
_DIGIT_RUN = re.compile(r"(?<![0-9])[0-9](?:[ \u00a0.\-]?[0-9]){14,}(?![0-9])")
# A word: letters, with inner apostrophes (Ma'ruf, Ma’ruf).
_WORD = re.compile(r"[^\W\d_]+(?:['’`][^\W\d_]+)*")
_NAME_RUN = re.compile(re.escape(NAME) + r"(?:[\s_.\-]*" + re.escape(NAME) + r")+")
_APOSTROPHES = str.maketrans("", "", "'’`")


# Cached: a publish folds the same few ten thousand words over and over.
@functools.lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """A word as names are compared: accents and apostrophes dropped, case folded (``Ma’rúf`` -> ``maruf``)."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_words(values: Iterable[object]) -> frozenset[str]:
    """The folded words (3 letters or more, stop words left out) of the names in ``values``."""
    # One regex pass over all the text, then each distinct word folded once.
    tokens = set(_WORD.findall("\n".join(v for v in values if isinstance(v, str))))
    words = {fold(token) for token in tokens}
    return frozenset(w for w in words if len(w) >= MIN_NAME_LENGTH and w not in STOP_WORDS)


def _distinct_text(series: pd.Series) -> list[str]:
    return [v for v in pd.unique(series.dropna().to_numpy()) if isinstance(v, str)]


def participant_names(rows: pd.DataFrame) -> frozenset[str]:
    """Name words of the participants in standardized or linked rows (:data:`NAME_COLUMNS`)."""
    words: set[str] = set()
    for column in NAME_COLUMNS:
        if column in rows.columns:
            words |= name_words(_distinct_text(rows[column]))
    return frozenset(words)


def quarantined_names(quarantine: pd.DataFrame | None) -> frozenset[str]:
    """Name words of quarantined rows: the ``nama`` of each raw row (``quarantine.raw``, JSON).

    A rejected file's rows are only here, and its file name may carry their names.
    """
    if quarantine is None or "raw" not in quarantine.columns or quarantine.empty:
        return frozenset()
    names = []
    for raw in _distinct_text(quarantine["raw"]):
        try:
            record = json.loads(raw)
        except ValueError:
            continue
        if isinstance(record, dict):
            names.append(record.get("nama"))
    return name_words(names)


def _names_out(text: str, names: frozenset[str]) -> str:
    replaced = _WORD.sub(lambda m: NAME if fold(m.group()) in names else m.group(), text)
    return _NAME_RUN.sub(NAME, replaced) if replaced != text else text


def for_analysts(text: str, names: frozenset[str] = frozenset()) -> str:
    """``text`` without NIK-shaped numbers, hex dumps and the name words in ``names``.

    ``names`` are folded words (:func:`name_words`). Fencing fenced text changes nothing.

    >>> for_analysts("Sertifikat_AHMAD RIZKI_1603012003880007.csv", frozenset({"ahmad", "rizki"}))
    'Sertifikat_[nama]_[NIK].csv'
    """
    # Hex first: eight byte pairs of ASCII digits would also read as a NIK.
    text = _HEX_DUMP.sub(BYTES, text)
    text = _SCIENTIFIC.sub(NIK, text)
    text = _DIGIT_RUN.sub(NIK, text)
    return _names_out(text, names) if names else text


def _fence_json_value(value, names: frozenset[str]):
    if isinstance(value, str):
        return for_analysts(value, names)
    if isinstance(value, list):
        return [_fence_json_value(v, names) for v in value]
    if isinstance(value, dict):
        return {for_analysts(k, names): _fence_json_value(v, names) for k, v in value.items()}
    return value


def json_for_analysts(text: str, names: frozenset[str] = frozenset()) -> str:
    """JSON ``text`` with every key and string value through :func:`for_analysts`.

    A name word equal to a key keeps the document JSON (a placeholder holds no quote);
    text that is not JSON is fenced as text.
    """
    try:
        document = json.loads(text)
    except ValueError:
        return for_analysts(text, names)
    fenced = _fence_json_value(document, names)
    return text if fenced == document else json.dumps(fenced, ensure_ascii=False)


def fence_series(series: pd.Series, names: frozenset[str] = frozenset(), *, as_json: bool = False) -> pd.Series:
    """:func:`for_analysts` (or :func:`json_for_analysts`) of every value, computed once per distinct value."""
    fence = json_for_analysts if as_json else for_analysts
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    fenced = [fence(v, names) if isinstance(v, str) else v for v in uniques]
    if all(a is b or a == b for a, b in zip(fenced, uniques)):
        return series
    values = np.asarray(fenced, dtype=object)[np.where(codes < 0, 0, codes)]
    out = pd.Series(values, index=series.index, dtype=object).where(codes >= 0, None)
    return out.astype(series.dtype) if pd.api.types.is_string_dtype(series.dtype) else out


def fence_tables(frames: Mapping[str, pd.DataFrame], names: frozenset[str] = frozenset()) -> dict[str, pd.DataFrame]:
    """``frames`` with each analyst table's ``office_text`` and ``office_json`` columns fenced.

    Tables no analyst reads (``analyst: False``) and columns not listed are left as
    they are; a frame with nothing to change is returned itself.
    """
    out = {}
    for name, frame in frames.items():
        table = schema.metadata.tables[name]
        out[name] = frame
        if not table.info.get("analyst", True):
            continue
        for columns, as_json in ((table.info.get("office_text", ()), False), (table.info.get("office_json", ()), True)):
            for column in columns:
                if column not in frame.columns:
                    continue
                original = frame[column]
                fenced = fence_series(original, names, as_json=as_json)
                if fenced is not original:
                    if out[name] is frame:
                        out[name] = frame.copy(deep=False)  # copy-on-write: the columns set below only
                    out[name][column] = fenced
    return out
