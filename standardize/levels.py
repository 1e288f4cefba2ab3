"""KKNI jenjang (1-9) and kualifikasi (Operator / Teknisi/Analis / Ahli).

Offices write the level as "3", "3.0", "Jenjang 3", "KKNI 3", "KKNI Level 7",
the number glued to its label ("Jenjang3", "Lv.3", "LEVEL_6"), Roman "III", or
only a title ("Ahli Muda", "Ahli Tk. Muda"), in the jenjang column, the
kualifikasi column, or only inside the jabatan kerja name.

Precedence (../shared/DOMAIN.md: "an explicit number wins over any word"):

1. an explicit number in the jenjang column (digits, a Roman numeral I..IX or
   a number word, "tujuh" / "seven", as a whole word);
2. an explicit number in the kualifikasi column;
3. the phrases "Ahli Muda" / "Ahli Madya" / "Ahli Utama" (7 / 8 / 9), also with
   tingkat between the words ("Ahli Tk. Muda", "Ahli Tingkat Madya"), in English
   "Junior / Middle / Senior Expert", in the jenjang or kualifikasi column;
4. inside the jabatan kerja: a level labelled there ("Operator Excavator Jenjang 3",
   "Tukang Besi Beton (KKNI 2)"), else the same phrases ("Ahli Muda Teknik Jalan" -> 7);
5. kualifikasi "Ahli" alone and an architect's expert title ("Arsitek Muda" -> 7);
6. an architect's expert title with no level cell written at all.

Between 3 and 4: the phrase split over two cells, the grade alone in one level column
("Madya") and "Ahli" alone in the other, or leading the jabatan kerja ("Ahli Teknik
Jembatan"). A cell naming two grades ("Ahli Muda/Madya") is unreadable.

A class of the old SKT scheme ("Kelas III", "Kelas A") is no jenjang: Kelas I was
its highest class, so its number says nothing of the KKNI level.

Trap: Muda / Madya / Utama alone, or inside technician titles ("Quantity
Surveyor Madya", "Pelaksana Pemeliharaan Jalan Muda"), are not expert levels;
"Operator", "Teknisi" or "Ahli" alone span three levels each. Numbers in the
jabatan kerja are never levels unless labelled ("Ahli K3 Konstruksi" is not jenjang 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from standardize.fields import is_blank

KUALIFIKASI: dict[int, str] = {
    1: "Operator",
    2: "Operator",
    3: "Operator",
    4: "Teknisi/Analis",
    5: "Teknisi/Analis",
    6: "Teknisi/Analis",
    7: "Ahli",
    8: "Ahli",
    9: "Ahli",
}

OK = "ok"
MISSING = "missing"
UNREADABLE = "unreadable"

_ROMAN: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
# A level written out, in formal letters and SK lists ("Jenjang Tujuh", "6 (enam)"), or in
# an English export ("Level Three"); a whole word only, like the Roman numerals.
_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
_WRITTEN_NUMBERS = {**_ROMAN, **_WORDS}
# A whole number, "3.0" allowed, not part of a word ("K3") or a decimal ("3.5").
_NUMBER = re.compile(r"(?<![\w.,])(\d+)(?:[.,]0+)?(?![\w]|[.,]\d)")
# A number glued to its label: "Jenjang3", "KKNI3", "Lv.3", "J3", "Jenjang.3", "LEVEL_6",
# "kkni_level_7". Only these labels: "K3" or "SMK3" stay no level.
_LABELLED_NUMBER = re.compile(
    r"(?<![a-z0-9])(?:jenjang|jenj|jnj|kkni|level|lvl|lev|lv|tingkat|tkt|tk|j)[\s._\-:#]*"
    r"(\d+)(?:[.,]0+)?(?![a-z0-9]|[.,]\d)"
)
_LETTERS = re.compile(r"[a-z]+")
# The old scheme's classes (SKT Kelas III / II / I, and A / B / C in some lists) are no
# KKNI jenjang: Kelas I was the highest SKT class, so "Kelas I" read as jenjang 1 is
# upside down. A cell naming a class has no level to read.
_KELAS = re.compile(r"\bkelas\b")
# A level labelled inside the jabatan kerja name: "Operator Excavator Jenjang 3",
# "Tukang Besi Beton (KKNI 2)", "Juru Ukur - Level III". Only these labels, never
# "Tk" (Tukang) and never a bare number ("Ahli K3 Konstruksi").
_JABATAN_LEVEL = re.compile(
    r"\b(?:jenjang|jenj|kkni|level|lvl)[\s._\-:#]*(?:ke[\s\-]*)?(\d+|[ivx]+)\b(?![.,]\d)"
    r"(?:\s*(?:[/&,\-\u2013]|s\.?d\.?|sampai|to)\s*(\d+|[ivx]+)\b)?"
)
# "Ahli Muda" (also "Ahli Tk. Muda", and SKA Muda: the old scheme's expert certificate,
# Sertifikat Keahlian, of the same three grades), English "Junior Expert" either way round.
_AHLI = re.compile(
    r"\b(?:ahli|ska)[\s\-_]*(?:(?:tingkat|tkt|tk)\b[\s.\-_]*)?(muda|madya|utama)\b"
    r"|\b(junior|young|middle|mid|intermediate|senior|principal|chief|main)[\s\-_]*experts?\b"
    r"|\bexperts?[\s\-_:(]*(junior|young|middle|mid|intermediate|senior|principal|chief|main)\b"
)
# English exports translate the three expert titles: Junior / Middle / Senior Expert,
# or word for word Young / Main Expert (Ahli Muda 7, Madya 8, Utama 9; e.g.
# https://skk-konstruksi.id/perbedaan-ahli-utama-madya-dan-muda-skk/). As with
# Muda / Madya / Utama, the word alone is no level: "Senior Technician" is not 9.
_AHLI_LEVEL = {
    "muda": 7,
    "madya": 8,
    "utama": 9,
    "junior": 7,
    "young": 7,
    "middle": 8,
    "mid": 8,
    "intermediate": 8,
    "senior": 9,
    "principal": 9,
    "chief": 9,
    "main": 9,
}

# Returned by _explicit_number when a cell holds a number that is no level
# (0, 10, 2025) or two different numbers ("4-6").
_BAD = -1


@dataclass(frozen=True)
class JenjangResult:
    """Outcome of :func:`jenjang_status`.

    ``status`` is "ok" (``jenjang`` set), "missing" (no level written anywhere) or
    "unreadable" (a level value is present but not understood). ``column`` and
    ``value`` name the raw cell the level came from or, when not ok, the cell at
    fault ("jenjang" and its value when nothing was written).
    """

    jenjang: int | None
    status: str
    column: str
    value: str | None


def kualifikasi_for(jenjang: int | None) -> str | None:
    """Kualifikasi of a jenjang: 1-3 Operator, 4-6 Teknisi/Analis, 7-9 Ahli; None otherwise."""
    if jenjang is None:
        return None
    return KUALIFIKASI.get(jenjang)


# Numbers in a level cell that are no level: the batch or year of the program written
# beside it ("Jenjang 7 Tahap II", "Jenjang 5 Tahun 2025", "Jenjang 3, 2025").
_NOT_LEVEL_NUMBERS = re.compile(
    r"\b(?:tahap|angkatan|batch|gelombang|tahun|ta)\b\.?\s*[:.\-]?\s*(?:\d+|[ivx]+)\b|(?<![\d.,])(?:19|20)\d\d(?![\d]|[.,]\d)"
)


def _explicit_number(text: str) -> int | None:
    """The level number written in a cell, None when there is none, _BAD when it is no level."""
    lower = _NOT_LEVEL_NUMBERS.sub(" ", text.lower())
    found = {int(n) for n in _NUMBER.findall(lower)}
    found.update(int(n) for n in _LABELLED_NUMBER.findall(lower))
    found.update(_WRITTEN_NUMBERS[w] for w in _LETTERS.findall(lower) if w in _WRITTEN_NUMBERS)
    if not found:
        # Only a batch or a year ("Tahap II", "Ahli Muda 2025"): no level number; the
        # words may still name one, else the cell is unreadable.
        return None
    if len(found) == 1:
        (number,) = found
        if 1 <= number <= 9:
            return number
    return _BAD


def _ahli_phrase(text: str) -> int | None:
    """7 / 8 / 9 for the expert grade a cell names, None when none, _BAD when it names two
    ("Ahli Muda/Madya": the form's options, or a level the clerk could not decide)."""
    found = {_AHLI_LEVEL[m.group(1) or m.group(2) or m.group(3)] for m in _AHLI.finditer(text.lower())}
    if not found:
        return None
    return found.pop() if len(found) == 1 else _BAD


def _jabatan_level(text: str) -> int | None:
    """A level labelled inside a jabatan kerja ("... Jenjang 3"), None when none, _BAD when it is no level."""
    found = {_explicit_number(m.group(0)) for m in _JABATAN_LEVEL.finditer(text.lower())}
    if not found:
        return None
    return found.pop() if len(found) == 1 else _BAD


def level_in_result(raw: str | None) -> int | None:
    """A level labelled inside a result cell ("Kompeten - Jenjang 3", "Lulus Level 4"): some clerks
    keep the result and the level tested in one column. None without exactly one such label."""
    if is_blank(raw):
        return None
    level = _jabatan_level(raw)
    return None if level == _BAD else level


def without_level_label(raw: str) -> str:
    """A cell without its labelled levels ("Lulus Jenjang 3" -> "Lulus"), for the words around them."""
    return _JABATAN_LEVEL.sub(" ", raw.lower()).strip(" -,/()")


# The kualifikasi Ahli written alone (7-9 without saying which) ...
_AHLI_ALONE = re.compile(r"^\s*(?:tenaga\s+)?(?:ahli|expert)\s*$")
# ... and the architects' expert titles, which say Arsitek where others say Ahli: Arsitek
# Muda / Madya / Utama are jenjang 7 / 8 / 9
# (https://www.jasaskkkonstruksi.com/p/sub-bidang-klasifikasi-skk-arsitektur.html).
# With the row's kualifikasi Ahli, or with no level cell written, the grade is the level; beside
# another kualifikasi ("Teknisi") it is not read. Other titles with a grade word are left alone:
# "Quantity Surveyor Madya" is jenjang 5, "Juru Gambar Arsitektur (Muda)" jenjang 4.
_ARSITEK_GRADE = re.compile(r"^\s*arsitek(?:\s+lanskap)?\s+(muda|madya|utama)\b")


def _grade_in_expert_title(jabatan: str) -> int | None:
    """7 / 8 / 9 for "Arsitek Muda / Madya / Utama", None for any other jabatan kerja."""
    match = _ARSITEK_GRADE.match(jabatan.lower())
    return _AHLI_LEVEL[match.group(1)] if match else None


# The grade alone in one level column, "Ahli" in the other or leading the jabatan kerja: the
# phrase Ahli Muda / Madya / Utama split over two cells, as lists laid out like SIKI's
# (kualifikasi "Ahli", jenjang "Madya") write it. SKK expert occupations are named
# "Ahli Teknik Jalan", "Ahli K3 Konstruksi" and take the grade beside the name.
_GRADE_ALONE = re.compile(
    r"^\s*(?:(?:tingkat|tkt|tk)\b[\s.\-_]*)?"
    r"(muda|madya|utama|junior|young|middle|mid|intermediate|senior|principal|chief|main)\s*$"
)
_GRADE_WORD = re.compile(r"\b(muda|madya|utama)\b")
_AHLI_LEADS = re.compile(r"^\s*(?:tenaga\s+)?(?:ahli|expert)\b")


def _grade_beside_ahli(
    jenjang_raw: str | None, kualifikasi_raw: str | None, jabatan_raw: str | None
) -> JenjangResult | None:
    """7 / 8 / 9 when one level column holds the grade alone ("Madya") and the other
    column is "Ahli" alone or the jabatan kerja starts with "Ahli"; None otherwise.

    Muda / Madya / Utama alone stay no level (technician titles use them too), so the
    word Ahli must be written in the row, in its own cell.
    """
    for column, grade_raw, other_raw in (
        ("jenjang", jenjang_raw, kualifikasi_raw),
        ("kualifikasi", kualifikasi_raw, jenjang_raw),
    ):
        if is_blank(grade_raw):
            continue
        grade = _GRADE_ALONE.match(grade_raw.lower())
        if grade is None:
            continue
        if (not is_blank(other_raw) and _AHLI_ALONE.match(other_raw.lower())) or (
            is_blank(other_raw) and not is_blank(jabatan_raw) and _AHLI_LEADS.match(jabatan_raw.lower())
        ):
            return JenjangResult(_AHLI_LEVEL[grade.group(1)], OK, column, grade_raw)
    return None


def _grade_ending_expert_title(jabatan: str) -> int | None:
    """7 / 8 / 9 for an expert occupation with its grade written after it ("Ahli Teknik Jembatan
    Madya", "Ahli K3 Konstruksi (Muda)", "Ahli Teknik Jalan - Utama"), None otherwise.

    The SKK name puts the grade after "Ahli" ("Ahli Madya Teknik Jembatan"); lists that keep the
    occupation's name whole put it at the end. Only an occupation that starts with "Ahli" (the
    phrase's own word, as _grade_beside_ahli asks) and ends with its one grade word: "Quantity
    Surveyor Madya" (jenjang 5) starts otherwise and stays no level."""
    lower = jabatan.lower()
    if not _AHLI_LEADS.match(lower):
        return None
    grades = set(_GRADE_WORD.findall(lower))
    if len(grades) != 1:
        return None
    (grade,) = grades
    return _AHLI_LEVEL[grade] if _TRAILING_GRADE.search(lower) else None


_TRAILING_GRADE = re.compile(r"[\s(\-\u2013,/]\s*(?:(?:tingkat|tkt|tk)\b[\s.]*)?(?:muda|madya|utama)\s*\)?\s*$")


def _cell_number(text: str) -> int | None:
    """The level number of a jenjang or kualifikasi cell (see _explicit_number); _BAD also
    for a class of the old scheme ("Kelas II")."""
    number = _explicit_number(text)
    if number is not None and _KELAS.search(text.lower()):
        return _BAD
    return number


def jenjang_status(
    jenjang_raw: str | None, kualifikasi_raw: str | None = None, jabatan_raw: str | None = None
) -> JenjangResult:
    """Jenjang from the three raw cells, with why it is missing when it is.

    See the module docstring for the precedence. An explicit number that is no
    level (0, 10, two different numbers) makes the row unreadable rather than
    falling back to words: the office did write a number, and it is wrong.

    >>> jenjang_status("Jenjang III").jenjang
    3
    >>> jenjang_status(None, "Teknisi", "Quantity Surveyor Madya").status
    'unreadable'
    """
    jenjang_given = not is_blank(jenjang_raw)
    kualifikasi_given = not is_blank(kualifikasi_raw)
    level_cells = (
        (jenjang_given, "jenjang", jenjang_raw),
        (kualifikasi_given, "kualifikasi", kualifikasi_raw),
    )
    # In order of precedence; the first step that decides wins (a result is always truthy).
    result = (
        _number_in_level_cells(level_cells)
        or _ahli_phrase_in_level_cells(level_cells)
        or _grade_beside_ahli(jenjang_raw, kualifikasi_raw, jabatan_raw)
        or _level_in_jabatan(jabatan_raw)
        or _grade_for_lone_ahli(level_cells, jabatan_raw)
        or _architect_title_alone(level_cells, jabatan_raw)
    )
    if result is not None:
        return result

    if jenjang_given:
        return JenjangResult(None, UNREADABLE, "jenjang", jenjang_raw)
    if kualifikasi_given:
        return JenjangResult(None, UNREADABLE, "kualifikasi", kualifikasi_raw)
    return JenjangResult(None, MISSING, "jenjang", jenjang_raw)


_LevelCells = tuple[tuple[bool, str, "str | None"], ...]


def _number_in_level_cells(level_cells: _LevelCells) -> JenjangResult | None:
    """The level written as a number in the jenjang, then the kualifikasi cell; a number that is no level is unreadable."""
    for given, column, raw in level_cells:
        if given:
            number = _cell_number(raw)
            if number == _BAD:
                return JenjangResult(None, UNREADABLE, column, raw)
            if number is not None:
                return JenjangResult(number, OK, column, raw)
    return None


def _ahli_phrase_in_level_cells(level_cells: _LevelCells) -> JenjangResult | None:
    """The level written as an expert grade ("Ahli Madya") in a level cell; two grades in one cell are unreadable.

    A class of the old scheme ("Kelas II") is no level, so such a cell is skipped.
    """
    for given, column, raw in level_cells:
        if given and not _KELAS.search(raw.lower()):
            level = _ahli_phrase(raw)
            if level is not None and len(set(_GRADE_WORD.findall(raw.lower()))) > 1:
                level = _BAD  # "Ahli Muda/Madya": two grades in one level cell
            if level == _BAD:
                return JenjangResult(None, UNREADABLE, column, raw)
            if level is not None:
                return JenjangResult(level, OK, column, raw)
    return None


def _level_in_jabatan(jabatan_raw: str | None) -> JenjangResult | None:
    """The level the jabatan kerja names: a labelled number, an expert grade, or a grade ending the expert title."""
    if is_blank(jabatan_raw):
        return None
    # As in the level columns, a number wins over the words.
    labelled = _jabatan_level(jabatan_raw)
    if labelled == _BAD:
        return JenjangResult(None, UNREADABLE, "jabatan_kerja", jabatan_raw)
    level = labelled if labelled is not None else _ahli_phrase(jabatan_raw)
    if level is None:
        level = _grade_ending_expert_title(jabatan_raw)
    if level == _BAD:
        return JenjangResult(None, UNREADABLE, "jabatan_kerja", jabatan_raw)
    if level is not None:
        return JenjangResult(level, OK, "jabatan_kerja", jabatan_raw)
    return None


def _architect_title_alone(level_cells: _LevelCells, jabatan_raw: str | None) -> JenjangResult | None:
    """With no level cell written, "Arsitek Muda / Madya / Utama" as the jabatan kerja is 7 / 8 / 9.

    The SKK names the architects' expert grades so (see :data:`_ARSITEK_GRADE`; DOMAIN.md lists
    "Arsitek Muda" beside "Ahli Muda Teknik Jalan"), and no technician title starts with "Arsitek":
    the architecture technicians are "Juru Gambar Arsitektur". Reading nothing would quarantine
    the row and lose an expert's certificate. A level cell written otherwise ("Teknisi") decides.
    """
    if is_blank(jabatan_raw) or any(given for given, _column, _raw in level_cells):
        return None
    level = _grade_in_expert_title(jabatan_raw)
    return JenjangResult(level, OK, "jabatan_kerja", jabatan_raw) if level is not None else None


def _grade_for_lone_ahli(level_cells: _LevelCells, jabatan_raw: str | None) -> JenjangResult | None:
    """A level cell saying only "Ahli" takes the grade inside the jabatan's expert title."""
    if is_blank(jabatan_raw):
        return None
    for given, _column, raw in level_cells:
        if given and _AHLI_ALONE.match(raw.lower()):
            level = _grade_in_expert_title(jabatan_raw)
            if level is not None:
                return JenjangResult(level, OK, "jabatan_kerja", jabatan_raw)
    return None


def parse_jenjang(
    jenjang_raw: str | None, kualifikasi_raw: str | None = None, jabatan_raw: str | None = None
) -> int | None:
    """KKNI jenjang 1-9 from the jenjang, kualifikasi and jabatan kerja cells, or None.

    >>> parse_jenjang("KKNI Level 7")
    7
    >>> parse_jenjang(None, None, "Ahli Muda Teknik Jalan")
    7
    >>> parse_jenjang(None, None, "Pelaksana Pemeliharaan Jalan Muda") is None
    True
    """
    return jenjang_status(jenjang_raw, kualifikasi_raw, jabatan_raw).jenjang


# Words that name only the kualifikasi, each spanning three jenjang (or six: the old SKT's
# "Terampil" covered operators and technicians), in a level column written alone.
_KUALIFIKASI_ONLY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:tenaga\s+)?(?:ahli|expert|experts)$"), "Ahli (7-9)"),
    (re.compile(r"^(?:tenaga\s+)?(?:teknisi|analis|teknisi\s*/?\s*analis|analis\s*/?\s*teknisi|technician|analyst)$"),
     "Teknisi/Analis (4-6)"),
    (re.compile(r"^(?:tenaga\s+)?(?:operator|operators)$"), "Operator (1-3)"),
    (re.compile(r"^(?:tenaga\s+)?(?:terampil|skilled|tukang)$"), "Operator / Teknisi (1-6)"),
)
_CELL_NOISE = re.compile(r"[^a-z/ ]+")
_QUOTED_LENGTH = 60  # a long cell (a jabatan kerja, a remark) is quoted by its start


def jenjang_problem(result: JenjangResult) -> tuple[str, str] | None:
    """What is missing from the cell a level could not be read from, in Indonesian and English,
    for the quarantine reason; None when the level was read or nothing was written.

    >>> jenjang_problem(jenjang_status("Ahli"))[1]
    "'Ahli' names the kualifikasi Ahli (7-9) but not the jenjang: write Muda 7, Madya 8 or Utama 9"
    """
    if result.status != UNREADABLE or result.value is None:
        return None
    value = " ".join(result.value.split())
    lower = " ".join(_CELL_NOISE.sub(" ", value.lower()).split())
    if len(value) > _QUOTED_LENGTH:
        value = value[: _QUOTED_LENGTH - 3] + "..."
    for pattern, span in _KUALIFIKASI_ONLY:
        if pattern.match(lower):
            if span.startswith("Ahli"):
                tail_id, tail_en = "tulis Muda 7, Madya 8 atau Utama 9", "write Muda 7, Madya 8 or Utama 9"
            else:
                tail_id, tail_en = "tulis jenjang 1-9", "write the jenjang 1-9"
            return (f"'{value}' hanya kualifikasi {span}, tanpa jenjang: {tail_id}",
                    f"'{value}' names the kualifikasi {span} but not the jenjang: {tail_en}")
    if _GRADE_ALONE.match(lower):
        return (f"'{value}' tanpa kata Ahli (Ahli Muda 7, Ahli Madya 8, Ahli Utama 9)",
                f"'{value}' without the word Ahli (Ahli Muda 7, Ahli Madya 8, Ahli Utama 9); technician titles use it too")
    if _KELAS.search(value.lower()):
        return (f"'{value}' kelas SKA/SKT lama, bukan jenjang KKNI",
                f"'{value}' is a class of the old SKA/SKT scheme, no KKNI jenjang")
    if len(set(_GRADE_WORD.findall(value.lower()))) > 1:
        return (f"'{value}' menyebut dua jenjang", f"'{value}' names two grades")
    if _explicit_number(value) == _BAD:
        return (f"'{value}': angka bukan jenjang 1-9 atau dua angka berbeda",
                f"'{value}': a number outside jenjang 1-9, or two different numbers")
    return (f"'{value}' bukan jenjang 1-9, angka Romawi, atau Ahli Muda/Madya/Utama",
            f"'{value}' is no jenjang 1-9, Roman numeral or Ahli Muda/Madya/Utama")
