"""Small per-column parsers: sex, assessment result, certificate number, year, texts.

Each parser maps one raw cell (``str`` or ``None``) to its canonical value or
``None``. Two helpers let callers tell an empty cell from one that could not be
read: :func:`is_blank` (nothing written: "", "-", "n/a", ...) and
:func:`is_pending` (a placeholder for a result or certificate that has not come
yet: "dalam proses", "belum terbit", ...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz.distance import OSA

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\ufeff]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")

# Cells that say "nothing here", compared lower-cased with whitespace collapsed.
_BLANK_WORDS = frozenset(
    {"", "n/a", "na", "n.a.", "n.a", "null", "none", "nan", "nil", "tidak ada", "tdk ada", "belum ada", "kosong",
     "(kosong)", "?", "\u2026", "..."}
    # Excel's error values, left by a formula (a VLOOKUP that found nothing): no value written
    | {"#n/a", "#ref!", "#value!", "#div/0!", "#name?", "#null!", "#num!", "#spill!", "#calc!", "#getting_data"}
    # the NULL marker of a database's text dump: MySQL's SELECT ... INTO OUTFILE, PostgreSQL's COPY
    | {"\\n"}
)
_ONLY_DASHES = re.compile(r"^[\-\u2013\u2014_.\s]*$")
# MySQL's zero date and datetime ("0000-00-00", "0000-00-00 00:00:00"): the column's "no date".
_ZERO_DATE = re.compile(r"^\s*0000-00-00(?:[ T]00:00:00(?:\.0+)?)?\s*$")

# Placeholders for something that will come later, compared after _key().
_PENDING = frozenset(
    {
        "dalam proses",
        "proses",
        "on process",
        "diproses",
        "sedang diproses",
        "belum terbit",
        "belum keluar",
        "menunggu",
        "menunggu terbit",
        "belum",
    }
)


def as_arrow_text(values: Any) -> pa.Array:
    """Cells as one Arrow string array: from a list, numpy/pandas array or Series, or Arrow (chunked) array.

    None and NaN become null; stray non-text cells (numbers) become their ``str``.
    """
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        return values if values.type == pa.string() else pc.cast(values, pa.string())
    try:
        array = pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        array = pa.array([None if pd.isna(v) else str(v) for v in values], type=pa.string())
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _collapse(raw: str) -> str:
    return _SPACES.sub(" ", raw).strip()


def _key(raw: str) -> str:
    """Lower case, every run of non-alphanumerics to one space: "Laki-Laki" -> "laki laki"."""
    return _NOT_ALNUM.sub(" ", raw.lower()).strip()


def is_blank(raw: str | None) -> bool:
    """True when the cell holds nothing: None, whitespace, dashes, "n/a", "tidak ada", ..."""
    if raw is None:
        return True
    if raw[:1].isdigit():  # fast path: dates, numbers, NIKs; the only placeholder starting with a digit:
        # MySQL's zero date, which a web system's export writes where no date was entered
        return raw[:1] == "0" and _ZERO_DATE.match(raw) is not None
    text = _collapse(raw).lower()
    return text in _BLANK_WORDS or bool(_ONLY_DASHES.match(text)) or _ZERO_DATE.match(text) is not None


# What a form's owner types to try the form before sharing it ("tes", "coba", "uji coba"): in
# Indonesian the trial is "coba"/"percobaan", the test "tes"/"test"; also keyboard runs ("asdf").
_TEST_ENTRIES = frozenset(
    {"tes", "test", "testing", "tes tes", "test test", "tes 123", "test 123", "tes123", "test123", "coba",
     "coba coba", "coba2", "cobacoba", "uji coba", "ujicoba", "percobaan", "dummy", "contoh", "asdf", "qwerty",
     "xxx", "abc"}
)


def is_test_entry(raw: str | None) -> bool:
    """True when a name cell is a form's test submission: "tes", "Coba-coba", "TEST 123", "uji coba"."""
    if raw is None or raw[:1].isdigit():
        return False
    return re.sub(r"[\s\-_.,!]+", " ", raw).strip().lower() in _TEST_ENTRIES


def is_pending(raw: str | None) -> bool:
    """True when the cell is a "not yet" placeholder: "dalam proses", "belum terbit", "menunggu"."""
    return raw is not None and not raw[:1].isdigit() and _key(raw) in _PENDING


# --- jenis kelamin ----------------------------------------------------------

# Indonesian L/P and English M/F share no letter with the other sex: "P" is
# Perempuan (female) and "M" male, never the reverse, so both alphabets live in
# one table. Pria (man) and Perempuan both start with P: only the whole word
# "pria" is male. Web exports write the ISO 5218 code in their gender column:
# 1 male, 2 female (0 unknown and 9 not applicable are no sex). The parser only
# ever sees the jenis kelamin column, so a lone digit there is that code.
_SEX: dict[str, str] = {
    **dict.fromkeys(
        ("l", "lk", "laki", "laki laki", "lakilaki", "laki2", "lelaki", "pria", "m", "male", "man", "men", "1"), "L"
    ),
    **dict.fromkeys(("p", "pr", "perempuan", "wanita", "w", "f", "female", "woman", "women", "2"), "P"),
}


# Which convention a sex cell belongs to. Most sheets write L / P (Laki-laki /
# Perempuan), some P / W (Pria / Wanita): there "P" is the man. A lone "P" is read
# as Perempuan unless its sheet writes W or Pria and never L or Perempuan
# (standardize.record decides per sheet).
_LP_CONVENTION = frozenset({"l", "lk", "laki", "laki laki", "lakilaki", "laki2", "lelaki", "perempuan", "pr"})
_PW_CONVENTION = frozenset({"w", "wanita", "pria"})


def sex_convention(raw: str | None) -> str | None:
    """"lp" for a cell of the L/P convention (L, Laki-laki, Perempuan), "pw" for P/W (W, Wanita, Pria), else None.

    A bare "P" belongs to neither: it is what the convention decides.
    """
    if raw is None:
        return None
    key = _key(raw)
    if key in _LP_CONVENTION:
        return "lp"
    if key in _PW_CONVENTION:
        return "pw"
    return None


def is_bare_p(raw: str | None) -> bool:
    """True for a sex cell that is the letter P alone ("P", "p", " P. "): Perempuan or Pria by convention."""
    return raw is not None and _key(raw) == "p"


# Clerks' shortenings and slips of the two words ("Prmp", "Perem", "Perempuam", "Wnt").
_SEX_ABBREVIATIONS: dict[str, str] = {
    **dict.fromkeys(("lk2", "lki", "lak", "laki laki l"), "L"),
    **dict.fromkeys(("prp", "prmp", "prm", "pere", "perem", "perempua", "perempuam", "perempun", "wnt", "wan"), "P"),
}
_SEX_PIECES = re.compile(r"[()\[\]/,;|]")


def parse_jenis_kelamin(raw: str | None) -> str | None:
    """"L" or "P" from L / LK / Laki-laki / Pria / M / Male / 1 and P / PR / Perempuan / Wanita / W / F / Female / 2.

    Any case and punctuation: "MALE", "Laki-Laki", "female"; common shortenings
    ("Prmp", "Wnt"). A cell of two spellings ("Laki-Laki (L)", "Perempuan/Female")
    is the sex they agree on; "L/P" or "M/F" (the header's options) is none. Beside
    a word, a bare "P" gives way to it ("P (Pria)").
    """
    if raw is None:
        return None
    key = _key(raw)
    sex = _SEX.get(key) or _SEX_ABBREVIATIONS.get(key)
    if sex is not None or not _SEX_PIECES.search(raw):
        return sex
    pieces = [_key(piece) for piece in _SEX_PIECES.split(raw)]
    pieces = [piece for piece in pieces if piece]
    words = [piece for piece in pieces if len(piece) > 1]
    if not words:
        # Letters only ("L/P", "M/F", "P/W"): the header's options copied, not a sex.
        return None
    # A single letter beside words is read with them, except a bare P (Perempuan or Pria).
    readings = {_SEX.get(piece) or _SEX_ABBREVIATIONS.get(piece) for piece in pieces if piece != "p"}
    if None in readings or len(readings) != 1:
        return None
    return readings.pop()


# --- hasil ------------------------------------------------------------------

KOMPETEN = "Kompeten"
BELUM_KOMPETEN = "Belum Kompeten"

_HASIL: dict[str, str] = {
    **dict.fromkeys(
        (
            "k",
            "kompeten",
            "kompeten k",
            "k kompeten",
            "lulus",
            "terbit",
            "sertifikat terbit",
            "sudah terbit",
            # English exports (web systems, LSP portals): "competent", "COMPETENT", "passed"
            "competent",
            "pass",
            "passed",
            # a boolean pass flag ("is_competent": true, "Lulus": Ya), as readers render it
            "true",
            "ya",
            "yes",
            # an assessor's recommendation column ("Rekomendasi"): recommended for the certificate
            "direkomendasikan",
            "dapat direkomendasikan",
            "direkomendasikan kompeten",
            "recommended",
            "lolos",
            "certified",
            "qualified",
        ),
        KOMPETEN,
    ),
    **dict.fromkeys(
        (
            "bk",
            "belum kompeten",
            "belum kompeten bk",
            "bk belum kompeten",
            "tidak kompeten",
            "tk",
            "tidak lulus",
            "tl",
            "belum lulus",
            # English: "not yet competent", "NOT_COMPETENT", "Not Yet Competent (NYC)"
            "not yet competent",
            "not competent",
            "not yet competent nyc",
            "b k",
            "gagal",
            "tidak direkomendasikan",
            "belum direkomendasikan",
            "tidak dapat direkomendasikan",
            "belum dapat direkomendasikan",
            "not recommended",
            "nyc",
            "incompetent",
            "fail",
            "failed",
            "not passed",
            "false",
            "tidak",
            "no",
            "tidak lolos",
            "belum lolos",
            "not certified",
            "not qualified",
        ),
        BELUM_KOMPETEN,
    ),
}

# Codes that are a result only as the whole cell of a result column: a boolean pass
# flag rendered as text ("passed": 1, Lulus: Y / N) and Competent / Not Competent
# (C / NC), and Lulus / Tidak Lulus as L / TL (TL is read everywhere; L, the other half of the
# pair, only as a whole cell). A lone letter or digit inside a remark is no result.
_HASIL_CODES: dict[str, str] = {
    **dict.fromkeys(("1", "y", "c", "l"), KOMPETEN),
    **dict.fromkeys(("0", "n", "nc"), BELUM_KOMPETEN),
}

# Clerks' abbreviations, word by word: "Tdk Lulus", "Blm Kompeten", "Komp.", "TDK HADIR".
_HASIL_ABBREVIATIONS = {"tdk": "tidak", "tak": "tidak", "blm": "belum", "blum": "belum", "komp": "kompeten"}
# Words around a result that do not change it: "Dinyatakan Kompeten", "Lulus Uji (Kompetensi)",
# the column's own label typed into the cell ("Rekomendasi: Kompeten", "Hasil Uji: BK").
_HASIL_LEAD = re.compile(
    r"^(?:(?:hasil(?: uji| asesmen)?|rekomendasi(?: asesor)?|rek|direkomendasikan|status|keterangan|ket) )?"
    r"(?:(?:telah |sudah |sdh )?dinyatakan |telah |sudah |sdh )?"
)
# A certificate issued is a Kompeten result (an SKK is issued only after one):
# "Sertifikat sudah terbit", "SKK Terbit", "Terbit SKK", "Sudah diterbitkan".
_HASIL_ISSUED = re.compile(
    r"^(?:(?:sertifikat|sert|skk)(?: skk)? )?(?:sudah |telah )?(?:terbit|diterbitkan)(?: (?:sertifikat|skk))?$"
)
# "Kompeten" typed with one letter wrong, missing, extra or two swapped ("Kompten",
# "Kompetent", "Kopeten"); only this word, which carries the result in most cells.
_KOMPETEN = "kompeten"


def _near_kompeten(word: str) -> bool:
    """True when ``word`` is "kompeten" with one typo (optimal string alignment distance 1)."""
    if word == _KOMPETEN or abs(len(word) - len(_KOMPETEN)) > 1 or len(word) < 7 or word[:2] != "ko":
        return False
    # Optimal string alignment: one insertion, deletion, substitution or adjacent swap.
    return OSA.distance(word, _KOMPETEN) == 1


def _hasil_word(word: str) -> str:
    """One word of a result cell with clerks' abbreviations expanded and "Kompeten" typos mended."""
    word = _HASIL_ABBREVIATIONS.get(word, word)
    return _KOMPETEN if _near_kompeten(word) else word


# After the result: what was passed ("Lulus Ujikom", "Lulus Uji Sertifikasi", but not
# "Lulus Bimtek": a training certifies nobody), the batch or the year ("Kompeten Tahap II",
# "Lulus 2025").
_HASIL_TAIL = re.compile(
    r"(?: (?:uji|ujian|asesmen|ujikom|ukom|ujk|sertifikasi|kompetensi)(?: (?:kompetensi|sertifikasi))?)?"
    r"(?: (?:tahap|angkatan|batch|gelombang) (?:[ivx]+|\d{1,2}))?(?: (?:tahun |ta )?20\d\d)?$"
)
# One cell holds several pieces: two spellings side by side ("Lulus/Kompeten"), a
# bracketed note ("Lulus (K)", "Belum kompeten (mengulang)") or a remark after a comma,
# semicolon or spaced dash ("Kompeten, sertifikat dalam proses", "Kompeten - SKK Terbit").
# A hyphen inside a word ("Not-Yet-Competent") does not split.
_HASIL_PIECES = re.compile(r"[()\[\]{}/,;]|\s[-\u2013\u2014]+|[-\u2013\u2014]+\s|[\u2013\u2014]")

# Known "no result" values: the person was not assessed (yet). They are null
# without being unreadable. Absence contradicts a result written beside it
# ("Hadir/Kompeten" is no result); waiting does not ("Kompeten (pending)": the
# certificate is).
_HASIL_ABSENT = frozenset(
    {
        "tidak hadir",
        "absen",
        "mengundurkan diri",
        "tidak ikut",
        "tidak ikut uji",
        "belum uji",
        "belum diuji",
        # attendance remarks in a Keterangan column of a daftar hadir: presence, not a result
        "hadir",
        "izin",
        "ijin",
        "sakit",
        "alpa",
        "alpha",
        # English exports
        "absent",
        "not assessed",
        "not yet assessed",
        "withdrawn",
        # dropped out before or at the assessment
        "tidak datang",
        "tidak mengikuti uji",
        "belum mengikuti uji",
        "belum diasesmen",
        "batal",
        "dibatalkan",
        "mundur",
        "undur diri",
        "meninggal",
        "meninggal dunia",
        # Memenuhi Syarat (MS) / Tidak Memenuhi Syarat (TMS) is the pre-assessment check of
        # the applicant's documents (pra-asesmen: "Asesor menilai kelengkapan berkas dan
        # menentukan apakah peserta memenuhi syarat", https://sertifikasi.or.id/blogs/uji-kompetensi-skk-konstruksi),
        # not the competence result: TMS was not assessed, MS waits for the assessment.
        "tidak memenuhi syarat",
        "belum memenuhi syarat",
        "tms",
        # the same check written without "syarat" (in a Keterangan or verification column)
        "tidak memenuhi",
        "belum memenuhi",
        "bms",
        # absent on the day of the assessment
        "tidak hadir saat uji",
        "tidak hadir pada saat uji",
        "tidak hadir waktu uji",
        "tidak hadir saat asesmen",
        "tidak hadir pada saat asesmen",
        "tidak hadir uji",
        # dropped before a result: disqualified, or out at the document check ("Gugur Administrasi");
        # "Gugur" alone may be a failed assessment as well, so it stays unread
        "gugur administrasi",
        "diskualifikasi",
        "didiskualifikasi",
        "tidak lulus administrasi",
        "tidak lolos administrasi",
        "tidak lulus verifikasi",
        "tidak lolos verifikasi",
    }
)
_HASIL_WAITING = (
    frozenset(
        {
            "pending",
            "in progress",
            "in process",
            "waiting",
            "registered",
            "memenuhi syarat",
            "ms",
            "memenuhi",
            # a make-up or repeat assessment still to come: no result yet ("BK (susulan)" keeps its BK)
            "susulan",
            "ikut susulan",
            "uji susulan",
            "ujian susulan",
            "asesmen susulan",
            "uji ulang",
            "ujian ulang",
            "asesmen ulang",
            "mengulang",
            "remedial",
            "re asesmen",
            "reasesmen",
            "menunggu hasil",
            "menunggu jadwal",
            "menunggu jadwal uji",
            # a reserve: sits only in a no-show's place, so alone no result, and beside a result
            # ("Cadangan - Kompeten", "Kompeten; cadangan") the reserve who sat and got it
            "cadangan",
            "peserta cadangan",
            # the assessment put off: "Ditunda", "Uji Ditunda", "Dijadwalkan Ulang"
            "tunda",
            "ditunda",
            "uji ditunda",
            "asesmen ditunda",
            "dijadwalkan ulang",
            "jadwal ulang",
        }
    )
    | _PENDING
)
_HASIL_NOT_ASSESSED = _HASIL_ABSENT | _HASIL_WAITING

_ABSENT = "absent"
_WAITING = "waiting"
_UNDECIDED = "undecided"


def _hasil_reading(piece: str) -> str | None:
    """One piece of a result cell: KOMPETEN, BELUM_KOMPETEN, _ABSENT, _WAITING or None (anything else).

    Abbreviations are expanded and framing words dropped first, so "Tdk Lulus",
    "Dinyatakan Kompeten" and "Lulus Uji" read as "tidak lulus", "kompeten", "lulus".
    A negative form is its own entry, so it is never read as the positive word inside it.
    """
    key = " ".join(_hasil_word(word) for word in _key(piece).split())
    if key == "l":
        # L of the pair L / TL, as a piece of its own: "L (Lulus)"; "L/TL" is the form's two options
        return KOMPETEN
    if key == "belum":
        # "Kompeten/Belum": the two options of a form, neither struck out. Alone,
        # "Belum" (not yet) says nothing more than that no result is known.
        return _UNDECIDED
    for candidate in (key, _HASIL_LEAD.sub("", key)):
        for form in (candidate, _HASIL_TAIL.sub("", candidate)):
            if form in _HASIL:
                return _HASIL[form]
            if form in _HASIL_ABSENT:
                return _ABSENT
            if form in _HASIL_WAITING:
                return _WAITING
            if _HASIL_ISSUED.match(form):
                return KOMPETEN
    return None


def _hasil_readings(raw: str) -> set[str]:
    """The readings of the pieces of a result cell (see _HASIL_PIECES), unknown pieces left out."""
    readings = {_hasil_reading(piece) for piece in _HASIL_PIECES.split(raw)}
    readings.discard(None)
    return readings


_LONE_L = re.compile(r"(?<![^\W\d_])[lL](?![^\W\d_])")


def parse_hasil(raw: str | None) -> str | None:
    """"Kompeten", "Belum Kompeten", or None (blank, pending, not assessed or unknown).

    K / Kompeten / Lulus / Terbit / "Sertifikat Terbit" / "Kompeten (K)" and English
    competent / passed are Kompeten; BK / Belum Kompeten / Tidak Kompeten / Tidak
    Lulus / TL and English "not yet competent" / "NOT_COMPETENT" / NYC / failed are
    Belum Kompeten.
    As the whole cell of a result column, 1 / Y / C are Kompeten and 0 / N / NC
    Belum Kompeten.
    A training without assessment certifies nobody, so "tidak hadir" is not a result.

    Abbreviations ("Tdk Lulus", "Blm Kompeten", "Komp.") and framing words
    ("Dinyatakan Kompeten", "Lulus Uji") are read through. A cell of several pieces
    ("Lulus/Kompeten", "Lulus (K)", "Kompeten, sertifikat dalam proses", "Belum
    Kompeten / Remedial") is the one result its pieces give; pieces that are no
    result are remarks, but two different results, or a result beside an absence
    ("Hadir/Kompeten"), are no result.
    """
    if raw is None or is_blank(raw):  # a blank word first: "\\N" is a dump's NULL, not the N of Y / N
        return None
    key = _key(raw)
    if key in _HASIL:
        return _HASIL[key]
    if key in _HASIL_CODES:
        return _HASIL_CODES[key]
    readings = _hasil_readings(raw)
    if readings == {_UNDECIDED}:
        return None
    if _LONE_L.search(raw) and any(_hasil_reading(piece) is None for piece in _HASIL_PIECES.split(raw) if piece.strip()):
        return None  # an L beside a piece no result explains ("L/P") is not the L of L / TL
    readings.discard(_WAITING)
    return readings.pop() if len(readings) == 1 and not readings & {_ABSENT, _UNDECIDED} else None


def hasil_not_assessed(raw: str | None) -> bool:
    """True for cells that say the assessment has no result: pending or not assessed.

    Read like :func:`parse_hasil`: "TDK HADIR", "Tidak Hadir (Sakit)" are not assessed;
    a cell that also writes a result ("Hadir/Kompeten") is not.
    """
    if raw is None:
        return False
    key = _key(raw)
    if key in _PENDING or key in _HASIL_NOT_ASSESSED:
        return True
    if key in _HASIL or key in _HASIL_CODES:
        return False
    readings = _hasil_readings(raw)
    return bool(readings) and readings <= {_ABSENT, _WAITING}


# --- nomor sertifikat ---------------------------------------------------------

# "terbit" alone says a certificate exists but not its number.
_CERTIFICATE_ISSUED = frozenset({"terbit", "sudah terbit", "telah terbit", "sertifikat terbit", "issued"})
_CERTIFICATE_PLACEHOLDERS = _PENDING | _CERTIFICATE_ISSUED | {"0", "tidak ada", "belum ada"}


_NUMBER_PENDING = re.compile(r"^(?:nomor|no) (?:menyusul|belum ada|dalam proses)$|^menunggu nomor$|^menyusul$")
# A date or a year in a certificate cell is when, not which: "Terbit 2025", "TERBIT (12-05-2025)",
# "SKK 2025" name no certificate (as a number, every such row would share one certificate).
_WHEN = re.compile(
    r"(?<![0-9])(?:[0-9]{1,2}[-/. ][0-9]{1,2}[-/. ](?:19|20)?[0-9]{2}|[0-9]{1,2} [a-z]+ (?:19|20)[0-9]{2}|(?:19|20)[0-9]{2})(?![0-9])",
    re.IGNORECASE,
)


# Cells whose only digits are one date or year, for Arrow's RE2 (no look-behind): they
# leave the bulk path of parse_nomor_sertifikat_array.
_ONLY_WHEN = (
    r"^[^0-9]*(?:(?:19|20)[0-9]{2}|[0-9]{1,2}[-/. ][0-9]{1,2}[-/. ](?:19|20)?[0-9]{2}"
    r"|[0-9]{1,2} [A-Za-z]+ (?:19|20)[0-9]{2})[^0-9]*$"
)
# Words left after the date: "Sudah terbit tahun 2025", "Terbit tgl. 12-05-2025".
_WHEN_WORDS = re.compile(r"(?: (?:tahun|thn|ta|tgl|tanggal|pada|on|in))+$")


def _without_when(raw: str) -> str:
    return _WHEN.sub(" ", raw) if any(ch.isdigit() for ch in raw) else raw


def certificate_issued_without_number(raw: str | None) -> bool:
    """True for a certificate cell that says the certificate was issued, without its number.

    "TERBIT", "Sertifikat sudah terbit", "SKK Terbit", "Terbit (nomor menyusul)";
    a cell with a digit is a number, never this.
    """
    if raw is None:
        return False
    raw = _without_when(raw)
    if any(ch.isdigit() for ch in raw):
        return False
    if _key(raw) in _CERTIFICATE_ISSUED:
        return True
    pieces = [_WHEN_WORDS.sub("", _key(piece)) for piece in _HASIL_PIECES.split(raw)]
    pieces = [piece for piece in pieces if piece]
    return (
        bool(pieces)
        and _HASIL_ISSUED.match(pieces[0]) is not None
        and all(_NUMBER_PENDING.match(piece) or piece in _PENDING for piece in pieces[1:])
    )


def parse_nomor_sertifikat(raw: str | None) -> str | None:
    """Certificate registration number in upper case without whitespace; placeholders are None.

    A registration number always holds digits (LPJK and BNSP numbers are mostly
    digits), so a cell without any is a remark ("Proses cetak", "Belum ada nomor",
    "Tidak Terbit"), not a number: read as one it would make a Kompeten of a row
    without a result and one certificate of everyone with the same remark.
    """
    if raw is None or is_blank(raw) or _key(raw) in _CERTIFICATE_PLACEHOLDERS:
        return None
    value = _number_noise(_SPACES.sub("", raw.translate(_DASHES)).upper())
    if not any(ch.isdigit() for ch in value) or set(value) <= {"0"}:
        return None
    if _WHEN.search(raw) and not any(ch.isdigit() for ch in _without_when(raw)):
        return None
    return value


# Python's \s on ASCII text, for Arrow's RE2 (whose \s lacks \x1c-\x1f).
_ASCII_SPACES = r"[\t\n\v\f\r \x1c-\x1f]+"

# What a clerk adds around one registration number, so that the same certificate in two files
# still compares equal: Excel's text marker (a leading apostrophe a CSV or a copy keeps), quotes,
# a label ("No. SKK-...", "Nomor: ..."), and word processors' dashes for the hyphen.
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2212": "-"})
# On the upper-case text without whitespace (RE2 syntax: used by the Arrow path too).
_NUMBER_NOISE = "^['\"`\u2018\u2019]+|['\"`\u2018\u2019]+$|^(?:NOMOR|NO)[.:]+"


def _number_noise(value: str) -> str:
    return re.sub(_NUMBER_NOISE, "", re.sub(_NUMBER_NOISE, "", value))


def parse_nomor_sertifikat_array(values: Sequence[str | None] | pa.Array) -> pd.api.extensions.ExtensionArray:
    """:func:`parse_nomor_sertifikat` over many distinct values, as a pandas ``"str"`` array.

    Certificate numbers are nearly all distinct, so the common case (ASCII with a
    digit, which no placeholder has except "0") is done with Arrow; the rest one
    by one. Same results as the scalar function (tested).
    """
    n = len(values)
    text = as_arrow_text(values)
    bulk = pc.fill_null(
        pc.and_(
            pc.and_(pc.string_is_ascii(text), pc.match_substring_regex(text, "[0-9]")),
            pc.invert(pc.match_substring_regex(text, _ONLY_WHEN)),
        ),
        False,
    ).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(bulk)
    others = np.flatnonzero(~bulk)
    cleaned = pc.utf8_upper(pc.replace_substring_regex(text.take(pa.array(rows)), _ASCII_SPACES, ""))
    for _ in range(2):  # a label after a quote: "'No. 123"
        cleaned = pc.replace_substring_regex(cleaned, _NUMBER_NOISE, "")
    cleaned = pc.if_else(pc.match_substring_regex(cleaned, "^0+$"), pa.nulls(len(rows), pa.string()), cleaned)
    one_by_one = pa.array(
        [parse_nomor_sertifikat(value) for value in text.take(pa.array(others)).to_pylist()], type=pa.string()
    )
    order = np.empty(n, dtype=np.int64)
    order[rows] = np.arange(len(rows))
    order[others] = len(rows) + np.arange(len(others))
    return pd.array(pa.concat_arrays([cleaned, one_by_one]).take(pa.array(order)), dtype="str")


# --- tahun --------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(20\d{2}|2100)(?:\.0+)?(?!\d)")


# A year the spreadsheet formatted as a number with a thousands separator: "2.025", "2,025".
_GROUPED_YEAR = re.compile(r"^\s*(2)[.,](0\d{2}|100)\s*$")


def parse_tahun(raw: str | None) -> int | None:
    """The first year 2000..2100 in the cell: "2025", "2025.0", "TA 2025", "Tahap II 2025", "2.025"."""
    if raw is None:
        return None
    grouped = _GROUPED_YEAR.match(raw)
    if grouped:
        return int(grouped.group(1) + grouped.group(2))
    match = _YEAR.search(raw)
    return int(match.group(1)) if match else None


# --- free text ------------------------------------------------------------------


# A list's bullet in front of a cell's text: a Word table pasted into Excel keeps the bullet of a
# bulleted paragraph as a character ("• Operator Excavator"), Symbol and Wingdings bullets as
# private-use code points (U+F0B7, U+F0A7, U+F0D8, U+F076, U+F0FC); a typed "- " or "* " list too.
# The bullet is layout, the text after it the value.
_LIST_BULLET = re.compile(
    r"^[\s\u00a0]*(?:[\u2022\u2023\u2043\u2219\u00b7\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25ba\u25b8"
    r"\u27a2\u27a4\u2713\u2714\uf0a7\uf0a8\uf0b7\uf0d8\uf076\uf0fc]|[-\u2013*](?=\s+[^\W\d_]))[\s\u00a0]*"
)


def clean_text(raw: str | None) -> str | None:
    """Whitespace collapsed, a list's bullet in front dropped; blank cells ("", "-", "n/a") are None.

    >>> clean_text("\u2022 Operator  Excavator")
    'Operator Excavator'
    """
    if raw is None or is_blank(raw):
        return None
    text = _collapse(_LIST_BULLET.sub("", raw, count=1))
    return text or None


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})
# Acronyms in jabatan kerja names that stay upper case even in an all-caps cell.
_ACRONYMS = frozenset(
    {
        "k3",
        "k3l",
        "k3k",
        "smk3",
        "smkk",
        "hse",
        "qa",
        "qc",
        "bim",
        "mep",
        "amp",
        "skk",
        "ska",
        "skt",
        "spam",
        "ipal",
        "pltu",
        "plta",
        "gis",
        "ac",
        "cctv",
        "lpjk",
    }
)
# Function words written lower case inside a title ("Teknisi Jalan dan Jembatan").
_LOWER_WORDS = frozenset({"dan", "di", "dari", "ke", "untuk", "pada", "dengan", "atau", "yang"})


# Clerks' shortenings of the first word of a jabatan kerja ("Tk. Batu", "Tkg Besi Beton",
# "Opr. Excavator"): the certificate's name writes the word out. Only the first word:
# inside a title "Tk." is tingkat ("Ahli Tk. Muda").
_JABATAN_HEAD = re.compile(r"^(?:(tk|tkg)|(opr|op))\.?\s+(?=[^\W\d_])", re.IGNORECASE)
# Spellings of one machine: Indonesian ekskavator / buldoser and English excavator /
# bulldozer name the same jabatan kerja (DOMAIN writes Operator Excavator, Operator Bulldozer).
_JABATAN_WORDS: dict[str, str] = {
    **dict.fromkeys(("ekskavator", "exkavator", "eksavator", "excavator", "escavator", "exavator"), "Excavator"),
    **dict.fromkeys(("buldoser", "bulldoser", "buldozer", "bulldozer"), "Bulldozer"),
}
_JABATAN_LAB = re.compile(r"\bLab\b\.?", re.IGNORECASE)
# The level written after the name ("Operator Excavator (Jenjang 3)", "Tukang Batu - KKNI 2"):
# standardize.levels reads it; the jabatan is the name without it.
_JABATAN_LEVEL_TAIL = re.compile(
    r"\s*[-\u2013,/]?\s*[(\[]?\s*(?:jenjang|jenj|kkni|level|lvl)\b[\s._\-:#]*(?:ke[\s\-]*)?"
    r"(?:\d+|[ivx]+)\b\s*[)\]]?\s*$",
    re.IGNORECASE,
)


def _written_out_jabatan(text: str) -> str:
    head = _JABATAN_HEAD.match(text)
    if head:
        text = ("Tukang " if head.group(1) else "Operator ") + text[head.end() :]
    text = _JABATAN_LAB.sub("Laboratorium", text)
    text = _JABATAN_LEVEL_TAIL.sub("", text) or text
    return _WORD.sub(lambda m: _JABATAN_WORDS.get(m.group(0).lower(), m.group(0)), text)


_CHOICE_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")


def clean_jabatan(raw: str | None) -> str | None:
    """Jabatan kerja: whitespace collapsed, title case, acronyms (K3, SMK3, K3L, QC...) upper case.

    In a mixed-case cell a word already written in capitals is kept as the office
    wrote it (it is an acronym); in an all-caps cell only known acronyms, Roman
    numerals and words with digits stay upper case. Function words ("dan", "di")
    are lower case except at the start. A shortened first word is written out
    ("Tk. Batu" -> "Tukang Batu", "Opr. Excavator" -> "Operator Excavator"), "Lab."
    is Laboratorium, ekskavator / buldoser are Excavator / Bulldozer, and a level
    written after the name ("(Jenjang 3)") is dropped, so one jabatan is one name.

    >>> clean_jabatan("AHLI K3 KONSTRUKSI")
    'Ahli K3 Konstruksi'
    """
    text = clean_text(raw)
    if text is None:
        return None
    if "_" in text and _CHOICE_NAME.fullmatch(text):
        # a form's choice name (KoboToolbox, ODK: "operator_excavator" for the label "Operator Excavator")
        text = text.replace("_", " ")
    mixed_case = text != text.upper()
    text = _written_out_jabatan(text)
    first = True

    def fix(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group(0)
        lower = word.lower()
        is_first, first = first, False
        if lower in _ACRONYMS or lower in _ROMAN or any(ch.isdigit() for ch in word):
            return word.upper()
        if mixed_case and len(word) > 1 and word.isupper():
            return word
        if lower in _LOWER_WORDS and not is_first:
            return lower
        return word.capitalize()

    return _WORD.sub(fix, text)


def clean_place(raw: str | None) -> str | None:
    """Place name: whitespace collapsed, title case ("KUTAI TIMUR" -> "Kutai Timur"); blank is None."""
    text = clean_text(raw)
    if text is None:
        return None
    return _WORD.sub(lambda m: m.group(0).capitalize(), text)
