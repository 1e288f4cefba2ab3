"""Frame-level standardization: reader rows in, participation rows and quarantine out.

:func:`standardize_submission` is the entry point the pipeline calls once per
submission (one file's rows). Every input row ends up exactly once, either in
``rows`` (docs/data-model.md section 2) or in ``quarantine`` (section 3).

Speed: an office file can hold hundreds of thousands of rows and a full reload
about a million. So each raw column is factorized once (:class:`_Distinct`),
every scalar parser runs once per *distinct* value (or distinct combination of
values), and results are spread back to rows with numpy / Arrow ``take``. Flags
are assembled as bit masks and turned into text once per distinct combination.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sources.headers import (
    HASIL,
    JABATAN_KERJA,
    JENIS_KELAMIN,
    JENJANG,
    KUALIFIKASI,
    MASA_BERLAKU,
    NAMA,
    NIK,
    NOMOR_SERTIFIKAT,
    PROGRAM,
    PROVENANCE_COLUMNS,
    RAW_COLUMNS,
    TAHUN,
    TANGGAL_LAHIR,
    TANGGAL_TERBIT,
    TEMPAT_LAHIR,
    TEMPAT_TANGGAL_LAHIR,
    FORM_COLUMNS,
    WAKTU_RESPONS,
)
from standardize import nik as nik_module
from standardize.date_order import infer_date_orders
from standardize.dates import month_number, parse_date, parse_date_span, split_birth
from standardize.fields import (
    as_arrow_text,
    certificate_issued_without_number,
    clean_jabatan,
    clean_place,
    clean_text,
    hasil_not_assessed,
    is_bare_p,
    is_blank,
    is_pending,
    is_test_entry,
    parse_hasil,
    parse_jenis_kelamin,
    parse_nomor_sertifikat_array,
    parse_tahun,
    sex_convention,
)
from standardize.levels import MISSING as JENJANG_MISSING
from standardize.levels import OK as JENJANG_OK
from standardize.levels import (JenjangResult, jenjang_problem, jenjang_status, kualifikasi_for, level_in_result,
                                without_level_label)
from standardize.names import parse_name_array
from standardize.responses import replaced_responses, response_sheet, response_times
from standardize.validity import PRECISION_MONTH, PRECISION_YEAR

# docs/data-model.md section 2, in order.
OUTPUT_COLUMNS: tuple[str, ...] = (
    "nik",
    "nik_status",
    "nik_partial",
    "nama",
    "gelar",
    "nama_kunci",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "jabatan_kerja",
    "jenjang",
    "kualifikasi",
    "hasil",
    "nomor_sertifikat",
    "tanggal_terbit",
    "masa_berlaku",
    "masa_berlaku_precision",
    "program",
    "tahun",
    "waktu_respons",
    "flags",
)
DATE_COLUMNS: tuple[str, ...] = ("tanggal_lahir", "tanggal_terbit", "masa_berlaku", "waktu_respons")
INT_COLUMNS: tuple[str, ...] = ("jenjang", "tahun")
TEXT_COLUMNS: tuple[str, ...] = tuple(c for c in OUTPUT_COLUMNS if c not in DATE_COLUMNS + INT_COLUMNS)
QUARANTINE_COLUMNS: tuple[str, ...] = ("column", "value", "rule", "reason", "raw")

FLAG_PARTICIPATION_ONLY = "participation_only"
FLAG_HASIL_FROM_CERTIFICATE = "hasil_from_certificate"

# Every flag code standardization can set, for checks downstream.
FLAGS: tuple[str, ...] = tuple(
    sorted(
        (
            "nik_missing",
            "nik_excel_truncated",
            "nik_scientific_notation",
            "nik_wrong_length",
            "nik_invalid",
            # A valid NIK whose embedded birth date (ddmmyy) or sex (day + 40) disagrees
            # with the sheet's tanggal_lahir / jenis_kelamin: one of them is wrong
            # (often a NIK copied from the row above).
            "nik_tanggal_lahir_mismatch",
            "nik_jenis_kelamin_mismatch",
            "tanggal_lahir_unreadable",
            "jenis_kelamin_unreadable",
            "hasil_unreadable",
            # No result written, but a certificate recorded (its number, issue or expiry
            # date): an SKK is issued only after a Kompeten assessment, so the row is
            # Kompeten (a list of certificate holders has no result column at all).
            FLAG_HASIL_FROM_CERTIFICATE,
            "tanggal_terbit_unreadable",
            "masa_berlaku_unreadable",
            "tahun_unreadable",
            # No level anywhere, no assessment result and no certificate: an attendance
            # (daftar hadir) or registration (daftar peserta) row. Kept for participant
            # counts and linkage; never counted as certified (it has no Kompeten).
            FLAG_PARTICIPATION_ONLY,
        )
    )
)

RULE_NO_IDENTITY = "no_identity"
RULE_JENJANG_MISSING = "jenjang_missing"
RULE_JENJANG_UNREADABLE = "jenjang_unreadable"
RULE_RESPONSE_REPLACED = "form_response_replaced"
RULES: tuple[str, ...] = (RULE_NO_IDENTITY, RULE_JENJANG_MISSING, RULE_JENJANG_UNREADABLE, RULE_RESPONSE_REPLACED)
REASONS: dict[str, str] = {
    RULE_NO_IDENTITY: "Nama dan NIK kosong / name and NIK both empty",
    RULE_JENJANG_MISSING: (
        "Jenjang tidak ditemukan di kolom jenjang, kualifikasi, maupun jabatan kerja"
        " / no level in the jenjang, kualifikasi or jabatan kerja columns"
    ),
    RULE_JENJANG_UNREADABLE: "Jenjang tidak dapat dibaca / level value present but not understood",
    RULE_RESPONSE_REPLACED: (
        "Jawaban formulir diganti oleh jawaban orang yang sama untuk jabatan kerja yang sama yang dikirim kemudian"
        " / form response replaced by the same person's later response for the same jabatan kerja (a correction)"
    ),
}

_DATE_DTYPE = "datetime64[ms]"
_NAT = np.datetime64("NaT", "ms")


@dataclass
class StandardizeResult:
    """Standardized participation rows and the rows quarantined instead."""

    rows: pd.DataFrame
    quarantine: pd.DataFrame


# --- distinct values and spreading results back to rows --------------------------


# Marks a cell holds that no one sees: Word's optional hyphen (U+00AD, Ctrl+-, shown only where a
# word breaks at a line's end), zero-width (non-)joiners and the word joiner, and the direction
# marks and embeddings of bidirectional text. A Word table pasted into Excel keeps them, and a
# result "Kom\u00adpeten" or a name "SUPRI\u00adYADI" is what the clerk typed without them.
_INVISIBLE = "[\u00ad\u200c\u200d\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069]"


def as_seen(text: pa.Array) -> pa.Array:
    """Cell texts as a person sees them: :data:`_INVISIBLE` marks removed, and Word's non-breaking
    hyphen (U+2011, Ctrl+Shift+-, which keeps "6408-0112-0385-0001" on one line) a hyphen."""
    text = pc.replace_substring_regex(text, pattern=_INVISIBLE, replacement="")
    return pc.replace_substring(text, pattern="\u2011", replacement="-")


class _Distinct:
    """One raw column factorized: per-row ``codes`` into its distinct values.

    ``text`` (Arrow) and ``values`` (Python, built on first use) hold the
    distinct values, as a person sees them (:func:`as_seen`), followed by ``None``;
    a missing cell's code points at that last ``None``. An absent column is all missing.
    """

    def __init__(self, frame: pd.DataFrame, column: str):
        if column in frame.columns:
            encoded = pc.dictionary_encode(as_arrow_text(frame[column]))
            distinct = encoded.dictionary
            codes = encoded.indices.fill_null(len(distinct)).to_numpy(zero_copy_only=False).astype(np.intp)
        else:
            distinct = pa.array([], type=pa.string())
            codes = np.zeros(len(frame), dtype=np.intp)
        self.codes: np.ndarray = codes
        self.text: pa.Array = pa.concat_arrays([as_seen(pc.cast(distinct, pa.string())), pa.nulls(1, pa.string())])
        self._values: list[str | None] | None = None

    @property
    def values(self) -> list[str | None]:
        if self._values is None:
            self._values = self.text.to_pylist()
        return self._values

    def map(self, func: Callable[[str | None], Any]) -> list[Any]:
        """``func`` applied once per distinct value (``None`` included, last)."""
        return [func(value) for value in self.values]


def _combine(*code_arrays: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the distinct combinations of several code arrays, and one row per combination.

    Returns ``(codes, first_row)``: ``codes[i]`` numbers row i's combination,
    ``first_row[k]`` is the first row holding combination k.
    """
    combined = np.zeros(len(code_arrays[0]), dtype=np.int64)
    for codes in code_arrays:
        shifted = codes.astype(np.int64)
        base = int(shifted.max(initial=0)) + 1
        if (int(combined.max(initial=0)) + 1) * base >= 2**62:
            # Re-number first so the product of cardinalities cannot overflow.
            combined = pd.factorize(combined)[0].astype(np.int64)
        combined = combined * base + shifted
    # factorize numbers combinations in order of first appearance, so a row is the
    # first of its combination exactly where the code exceeds every code before it.
    codes = pd.factorize(combined)[0]
    seen = np.maximum.accumulate(codes)
    first_row = np.flatnonzero(codes > np.concatenate(([-1], seen[:-1])))
    return codes, first_row


def _bools(per_distinct: Sequence[Any], codes: np.ndarray) -> np.ndarray:
    return np.array([bool(v) for v in per_distinct], dtype=bool)[codes]


_UNIX_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_MS_PER_DAY = 86_400_000


def _dates(per_distinct: Sequence[date | None], codes: np.ndarray) -> np.ndarray:
    # Day ordinals are cheap to collect in Python; numpy turns them into datetime64[ms].
    days = np.array([-1 if d is None else d.toordinal() - _UNIX_EPOCH_ORDINAL for d in per_distinct], dtype=np.int64)
    missing = np.array([d is None for d in per_distinct], dtype=bool)
    values = (days * _MS_PER_DAY).view(_DATE_DTYPE)
    values[missing] = _NAT
    return values[codes]


def _datetimes(per_distinct: Sequence[Any], codes: np.ndarray) -> np.ndarray:
    values = np.array([_NAT if v is None else np.datetime64(v, "ms") for v in per_distinct], dtype=_DATE_DTYPE)
    return values[codes]


def _ints(per_distinct: Sequence[int | None], codes: np.ndarray) -> pd.arrays.IntegerArray:
    mask = np.array([v is None for v in per_distinct], dtype=bool)
    data = np.array([0 if v is None else v for v in per_distinct], dtype=np.int64)
    return pd.arrays.IntegerArray(data[codes], mask[codes])


def _texts(per_distinct: Any, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Per-row ``"str"`` array from per-distinct texts (a list or an array already of dtype ``"str"``)."""
    if not isinstance(per_distinct, pd.api.extensions.ExtensionArray):
        per_distinct = pd.array(list(per_distinct), dtype="str")
    # Arrow's take avoids building a million Python-object rows.
    return per_distinct.take(codes)


# --- per-value wrappers that also tell "unreadable" --------------------------------


# A validity written as its length: "5 Tahun", "5 (lima) tahun", "Lima Tahun", "5 thn", "5 years".
_DURATION = re.compile(
    r"^\s*(?:berlaku\s+)?(?:selama\s+)?(?:\d{1,2}|lima|sepuluh)\s*(?:\(\s*[a-z]+\s*\)\s*)?"
    r"(?:tahun|thn|th|years?|yrs?)\.?\s*$",
    re.IGNORECASE,
)


def _dated(
    date_order: str, reference_year: int, end: int | None = None
) -> Callable[[str | None], tuple[date | None, bool, bool]]:
    """Parser returning ``(date, given, unreadable)`` for one date cell.

    ``end`` 0 or 1 reads a period ("12-05-2025 s/d 12-05-2030") as its start or its
    end: an issue date is a validity period's start, an expiry its end.
    """

    def parse(raw: str | None) -> tuple[date | None, bool, bool]:
        if is_blank(raw) or is_pending(raw):
            return None, False, False
        if end == 1 and _DURATION.match(raw):
            # "5 Tahun" in a Masa Berlaku column: how long, not until when (every SKK is valid five
            # years, so the issue date says the rest); not a date the office got wrong
            return None, False, False
        if end is None:
            parsed = parse_date(raw, date_order, reference_year)
        else:
            parsed = parse_date_span(raw, date_order, reference_year)[end]
        return parsed, True, parsed is None

    return parse


def _memo(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``func`` with a per-run dict cache (the key is the one argument)."""
    cache: dict[Any, Any] = {}

    def cached(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            result = cache[value] = func(value)
            return result

    return cached


def _birth_cell(date_order: str, reference_year: int) -> Callable[[str | None], tuple[str | None, date | None, bool]]:
    """Parser returning ``(place, date, date_unreadable)`` for a combined "Tempat, Tanggal Lahir" cell.

    Distinct cells are nearly one per person (place x birth date), but their
    places and dates repeat: each part is parsed once per run.
    """
    place_of = _memo(clean_place)
    date_of = _memo(lambda when: parse_date(when, date_order, reference_year))

    def parse(raw: str | None) -> tuple[str | None, date | None, bool]:
        place, when = split_birth(raw)
        if is_blank(when):
            return place_of(place), None, False
        parsed = date_of(when)
        return place_of(place), parsed, parsed is None

    return parse


def _unreadable(parse: Callable[[str | None], Any], allowed_empty: Callable[[str | None], bool] = is_blank):
    """Wrap ``parse`` into ``raw -> (value, unreadable)``: unreadable when not allowed empty and unparsed."""

    def wrapped(raw: str | None) -> tuple[Any, bool]:
        value = parse(raw)
        return value, value is None and not allowed_empty(raw)

    return wrapped


def _hasil_empty(raw: str | None) -> bool:
    if is_blank(raw) or hasil_not_assessed(raw):
        return True
    if level_in_result(raw) is None:
        return False
    rest = without_level_label(raw)  # "Tidak Hadir Jenjang 3", a lone "Jenjang 3": no result either
    return is_blank(rest) or hasil_not_assessed(rest)


# --- NIK checks against the sheet -----------------------------------------------------


def _nik_ddmmyy(niks: pd.api.extensions.ExtensionArray, valid: np.ndarray) -> tuple[np.ndarray, ...]:
    """Day (women's +40 removed), month, two-digit year and female flag of each valid NIK; -1 elsewhere."""
    n = len(niks)
    day = np.full(n, -1, dtype=np.int16)
    month = np.full(n, -1, dtype=np.int16)
    yy = np.full(n, -1, dtype=np.int16)
    female = np.zeros(n, dtype=bool)
    rows = np.flatnonzero(valid)
    if len(rows):
        text = pa.array(np.asarray(niks[rows], dtype=object), type=pa.string())
        digits = nik_module.digit_matrix(text)
        raw_day = digits[:, 6] * 10 + digits[:, 7]
        female[rows] = raw_day > 40
        day[rows] = np.where(raw_day > 40, raw_day - 40, raw_day)
        month[rows] = digits[:, 8] * 10 + digits[:, 9]
        yy[rows] = digits[:, 10] * 10 + digits[:, 11]
    return day, month, yy, female


def _nik_mismatches(
    nik_values: pd.api.extensions.ExtensionArray,
    nik_valid: np.ndarray,
    nik_codes: np.ndarray,
    tanggal_lahir: np.ndarray,
    jenis_kelamin: Sequence[str | None],
    sex_codes: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Rows whose valid NIK encodes another birth date or sex than the sheet's columns say.

    Compared on day, month and two-digit year, so the century guess of
    :func:`standardize.nik.nik_birth_date_and_sex` cannot raise a false alarm.
    """
    day, month, yy, female = (a[nik_codes] for a in _nik_ddmmyy(nik_values, nik_valid))
    has_nik = day >= 0
    born = pd.DatetimeIndex(tanggal_lahir)
    has_date = ~np.isnat(tanggal_lahir)
    date_mismatch = (
        has_nik
        & has_date
        & (
            (born.day.to_numpy(dtype=np.int16, na_value=-1) != day)
            | (born.month.to_numpy(dtype=np.int16, na_value=-1) != month)
            | ((born.year.to_numpy(dtype=np.int16, na_value=-1) % 100) != yy)
        )
    )
    said_female = np.array([v == "P" for v in jenis_kelamin], dtype=bool)[sex_codes]
    said_male = np.array([v == "L" for v in jenis_kelamin], dtype=bool)[sex_codes]
    sex_mismatch = has_nik & ((said_female & ~female) | (said_male & female))
    return date_mismatch, sex_mismatch


# --- frames -------------------------------------------------------------------------


def _flags(masks: dict[str, np.ndarray], n: int) -> tuple[list[str], np.ndarray]:
    """``;``-joined sorted flag codes: the distinct texts and each row's code into them."""
    codes = sorted(masks)
    bits = np.zeros(n, dtype=np.int64)
    for position, code in enumerate(codes):
        bits |= masks[code].astype(np.int64) << position
    distinct, inverse = np.unique(bits, return_inverse=True)
    texts = [";".join(code for position, code in enumerate(codes) if value >> position & 1) for value in distinct]
    return texts, inverse.reshape(-1)


def _sheet_all(raw: pd.DataFrame, mask: np.ndarray) -> np.ndarray:
    """Per row: ``mask`` holds for every row of the row's sheet (file sha256 and sheet name)."""
    if not len(mask):
        return mask
    keys = [raw[c].astype("string").fillna("") for c in ("source_sha256", "source_sheet") if c in raw.columns]
    if not keys:
        return np.full(len(mask), bool(mask.all()))
    sheet = pd.factorize(keys[0] + "\x00" + keys[1] if len(keys) == 2 else keys[0])[0]
    failing = np.bincount(sheet, weights=~mask, minlength=sheet.max() + 1)
    return failing[sheet] == 0


def _pria_wanita_sheets(raw: pd.DataFrame, sex_col: _Distinct, sexes: list[tuple[str | None, bool]]) -> np.ndarray:
    """Per-row codes into ``sexes`` with a bare "P" read as Pria (L) on sheets of the P/W convention.

    A sheet that writes W / Wanita / Pria and never L / Laki-laki / Perempuan uses
    P for Pria. ``sexes`` gets one more entry, ``("L", False)``, for those rows.
    """
    codes = sex_col.codes
    convention = sex_col.map(sex_convention)
    pw = _bools([c == "pw" for c in convention], codes)
    if not pw.any():
        return codes
    lp = _bools([c == "lp" for c in convention], codes)
    bare_p = _bools(sex_col.map(is_bare_p), codes)
    pria = bare_p & ~_sheet_all(raw, ~pw) & _sheet_all(raw, ~lp)
    if not pria.any():
        return codes
    sexes.append(("L", False))
    codes = codes.copy()
    codes[pria] = len(sexes) - 1
    return codes


def _provenance(raw: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """Provenance columns of the rows at ``positions``, dtypes as the reader gave them."""
    frame = pd.DataFrame(index=pd.RangeIndex(len(positions)))
    for column in PROVENANCE_COLUMNS:
        if column in raw.columns:
            frame[column] = raw[column].iloc[positions].reset_index(drop=True)
        else:
            frame[column] = pd.Series(None, index=frame.index, dtype="str")
    return frame


def _raw_json(columns: dict[str, _Distinct], positions: np.ndarray) -> pa.Array:
    """``json.dumps(raw canonical values, ensure_ascii=False)`` of the rows at ``positions``.

    Each distinct cell value is encoded once and the cells are joined with Arrow;
    the text is the same as ``json.dumps`` of the row's dict.
    """
    if not len(positions):
        return pa.array([], type=pa.string())
    cells = []
    for name in RAW_COLUMNS:
        distinct = columns[name]
        used, row_positions = np.unique(distinct.codes[positions], return_inverse=True)
        key = json.dumps(name) + ": "
        used_values = distinct.text.take(pa.array(used)).to_pylist()
        encoded = [key + json.dumps(value, ensure_ascii=False) for value in used_values]
        cells.append(pa.array(encoded, type=pa.string()).take(pa.array(row_positions.reshape(-1))))
    body = pc.binary_join_element_wise(*cells, ", ")
    return pc.binary_join_element_wise(pa.scalar("{"), body, pa.scalar("}"), "")


def _quarantine_frame(
    raw: pd.DataFrame,
    columns: dict[str, _Distinct],
    positions: np.ndarray,
    faulty_columns: list[str],
    values: list[str | None],
    rules: list[str],
    reasons: list[str] | None = None,
) -> pd.DataFrame:
    frame = _provenance(raw, positions)
    frame["column"] = pd.Series(faulty_columns, index=frame.index, dtype="str")
    frame["value"] = pd.Series(values, index=frame.index, dtype="str")
    frame["rule"] = pd.Series(rules, index=frame.index, dtype="str")
    if reasons is None:
        reasons = [REASONS[rule] for rule in rules]
    frame["reason"] = pd.Series(reasons, index=frame.index, dtype="str")
    frame["raw"] = pd.Series(pd.array(_raw_json(columns, positions), dtype="str"), index=frame.index)
    return frame


def _standardize_by_date_order(raw: pd.DataFrame, orders: pd.Series, reference_date: date | None) -> StandardizeResult:
    """:func:`standardize_submission` of day-first and month-first files apart, rows back in input order."""
    parts = [_standardize_in_order(raw[(orders == order).to_numpy()], order, reference_date) for order in ("dmy", "mdy")]
    # Each file sits wholly in one part: order the files as they came, rows within a file stay as they are.
    file_rank = pd.Series(np.arange(len(raw)), index=raw.index).groupby(raw["source_sha256"].to_numpy()).min()

    def merged(frames: list[pd.DataFrame]) -> pd.DataFrame:
        frame = pd.concat(frames, ignore_index=True)
        rank = frame["source_sha256"].map(file_rank).to_numpy()
        return frame.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)

    return StandardizeResult(rows=merged([p.rows for p in parts]), quarantine=merged([p.quarantine for p in parts]))


def standardize_submission(
    raw: pd.DataFrame, date_order: str = "auto", reference_date: date | None = None
) -> StandardizeResult:
    """Standardize one submission's reader rows (docs/data-model.md sections 1 -> 2 and 3).

    ``raw`` has the provenance columns and the canonical raw columns of
    ``sources.headers.RAW_COLUMNS`` (text or missing; an absent column counts as
    all missing). ``date_order`` is the office's ("dmy" or "mdy"), for numeric
    dates: each file's own dates decide where they are clear, the office's order
    (``"auto"``: day first) where they are not (:mod:`standardize.date_order`).
    ``reference_date`` (default: today) fixes the century of two-digit
    years; pass it to make a replayed run give the same result.

    Output dtypes of ``rows``:

    - provenance columns: as given, rows in input order;
    - text columns (nik, nik_status, nik_partial, nama, gelar, nama_kunci,
      tempat_lahir, jenis_kelamin, jabatan_kerja, kualifikasi, hasil,
      nomor_sertifikat, program, flags): pandas' default string dtype ``"str"``,
      missing is NaN (test with ``pd.isna``, not ``is None``). It is what pandas 3
      reads back from parquet, so the frame round-trips unchanged;
    - tanggal_lahir, tanggal_terbit, masa_berlaku, waktu_respons: ``datetime64[ms]``,
      NaT when missing (parquet has no seconds unit; milliseconds round-trip unchanged);
    - jenjang, tahun: ``Int64``.

    ``flags`` is never missing: ``""`` when the row is clean (see :data:`FLAGS`).
    Use ``rows["flags"]``: ``rows.flags`` is pandas' own ``DataFrame.flags``.

    A row goes to ``quarantine`` instead of ``rows`` under the first rule that
    applies: ``no_identity`` (nama and NIK both empty or placeholders),
    ``jenjang_missing`` (no level in jenjang, kualifikasi or jabatan kerja, and the
    row records an assessment or a certificate: see below), ``jenjang_unreadable``
    (a level value present but not understood; ``column`` and ``value`` name that
    cell). Quarantine text columns are ``"str"`` too. Of a form sheet's responses
    (rows with a submission time) of one person for one jabatan kerja, the latest is kept and
    the earlier ones go to quarantine as ``form_response_replaced``, naming the row that
    replaced them (:mod:`standardize.responses`).

    A row with no level anywhere that records neither an assessment result
    (Kompeten / Belum Kompeten) nor a certificate (number, issue or expiry date)
    is a participation row: an attendance or registration list made before the
    assessment. It is kept with null jenjang, kualifikasi and hasil and the flag
    ``participation_only``: it counts as a participant and is evidence for
    linkage, never as certified. Rows with a level get the same flag when no row
    of their sheet records a result or a certificate (the level came from the
    jabatan kerja of an attendance list). A result or a certificate without a level stays
    ``jenjang_missing``: a Kompeten needs its level to be counted, and keeping
    Belum Kompeten rows while quarantining Kompeten ones would skew pass rates.
    """
    orders = infer_date_orders(raw, usual=date_order)
    if (orders == "mdy").any() and (orders == "dmy").any():
        return _standardize_by_date_order(raw, orders, reference_date)
    order = "mdy" if len(orders) and (orders == "mdy").all() else "dmy"
    return _standardize_in_order(raw, order, reference_date)


def _standardize_in_order(raw: pd.DataFrame, date_order: str, reference_date: date | None) -> StandardizeResult:
    """:func:`standardize_submission` with one date order (``dmy`` or ``mdy``) for every file."""
    parsed = _parse_columns(raw, date_order, (reference_date or date.today()).year)
    masks = _flag_masks(raw, parsed)
    no_identity, rejected = _rejected_rows(parsed, masks)
    quarantine = _quarantine(raw, parsed, no_identity, np.flatnonzero(rejected))
    kept = np.flatnonzero(~rejected)
    rows = _kept_rows(raw, parsed, masks, kept)
    return _latest_responses(raw, parsed, StandardizeResult(rows=rows, quarantine=quarantine), kept)


def _latest_responses(raw: pd.DataFrame, parsed: _Parsed, result: StandardizeResult, kept: np.ndarray) -> StandardizeResult:
    """``result`` with the form responses a later response of the same person replaces moved from
    its rows to its quarantine (:mod:`standardize.responses`), quarantine rows in input order."""
    replaced, reasons = replaced_responses(result.rows, response_sheet)
    if not len(replaced):
        return result
    positions = kept[replaced]
    sent = parsed.column[WAKTU_RESPONS]
    values = [sent.values[code] for code in sent.codes[positions]]
    moved = _quarantine_frame(raw, parsed.column, positions, [WAKTU_RESPONS] * len(positions), values,
                              [RULE_RESPONSE_REPLACED] * len(positions), reasons)
    rejected = np.flatnonzero(~np.isin(np.arange(len(raw)), kept))
    order = np.argsort(np.concatenate([rejected, positions]), kind="stable")
    quarantine = pd.concat([result.quarantine, moved], ignore_index=True).iloc[order].reset_index(drop=True)
    rows = result.rows.drop(index=result.rows.index[replaced]).reset_index(drop=True)
    return StandardizeResult(rows=rows, quarantine=quarantine)


@dataclass
class _Parsed:
    """Every raw column parsed once per distinct value (or combination of values), and each row's code into the results.

    Results are lists or arrays over distinct values; the codes of a result
    without its own ``*_codes`` field are its raw column's (``column[...].codes``).
    A few results are already per row: ``tanggal_lahir``, ``tanggal_terbit``, ``tahun``.
    """

    column: dict[str, _Distinct]
    nik_column: _Distinct  # the NIK cells, with a NIK pasted into the name where the NIK cell is blank
    nik_values: pd.api.extensions.ExtensionArray
    nik_status_values: pd.api.extensions.ExtensionArray
    nik_partial_values: pd.api.extensions.ExtensionArray
    nama_values: pd.api.extensions.ExtensionArray
    gelar_values: pd.api.extensions.ExtensionArray
    kunci_values: pd.api.extensions.ExtensionArray
    births: list[tuple[str | None, date | None, bool]]  # (place, date, date unreadable)
    birth_codes: np.ndarray
    tanggal_lahir: np.ndarray
    sexes: list[tuple[str | None, bool]]  # (jenis kelamin, unreadable)
    sex_codes: np.ndarray
    hasils: list[tuple[str | None, bool]]  # (hasil, unreadable)
    terbits: list[tuple[date | None, bool, bool]]  # (date, given, unreadable)
    tanggal_terbit: np.ndarray
    berlakus: list[tuple[date | None, bool, bool]]  # (date, given, unreadable)
    berlaku_precisions: list[str | None]  # month / year: a window's first day in berlakus
    levels: list[JenjangResult]
    level_codes: np.ndarray
    tahuns: list[tuple[int | None, bool]]  # (tahun column's year, unreadable)
    tahun: pd.arrays.IntegerArray
    nomor_values: pd.api.extensions.ExtensionArray
    waktu_respons: np.ndarray  # per row: a form response's submission time (standardize.responses)


def _issue_dates(terbit: _Distinct, date_order: str, reference_year: int) -> tuple[list, list]:
    """Per distinct issue-date cell: the year when only a year is written, and (date, given, unreadable).

    A bare year is read (as the year of issue, for the program year), not an unreadable date.
    """
    issue_years = terbit.map(lambda raw: issue_year_only(raw, reference_year))
    read_terbit = _dated(date_order, reference_year, end=0)
    terbits = [
        (None, True, False) if year is not None else read_terbit(raw)
        for raw, year in zip(terbit.values, issue_years)
    ]
    return issue_years, terbits


def _expiry_dates(berlaku: _Distinct, date_order: str, reference_year: int) -> tuple[list, list]:
    """Per distinct validity cell: its stated window (first day, precision) if any, and (date, given, unreadable).

    An expiry lies up to five years ahead, so a two-digit year "30" is 2030, not
    1930: its century pivot is ten years later than for birth and issue dates.
    """
    windows = berlaku.map(lambda raw: expiry_window(raw, reference_year + 10))
    read_berlaku = _dated(date_order, reference_year + 10, end=1)
    berlakus = [
        (window[0], True, False) if window is not None else read_berlaku(raw)
        for raw, window in zip(berlaku.values, windows)
    ]
    return windows, berlakus


def _parse_columns(raw: pd.DataFrame, date_order: str, reference_year: int) -> _Parsed:
    """Run every scalar parser once per distinct value, so a million-row reload parses each value once."""
    column = {name: _Distinct(raw, name) for name in RAW_COLUMNS + FORM_COLUMNS}
    nik_column = _nik_cells(raw, column)
    nik_values, nik_status_values, nik_partial_values = nik_module.parse_nik_array(nik_column.text)
    nama_values, gelar_values, kunci_values = parse_name_array(column[NAMA].text)
    births, birth_codes = _births(column, date_order, reference_year)
    sexes = column[JENIS_KELAMIN].map(_unreadable(parse_jenis_kelamin))
    sex_codes = _pria_wanita_sheets(raw, column[JENIS_KELAMIN], sexes)
    issue_years, terbits = _issue_dates(column[TANGGAL_TERBIT], date_order, reference_year)
    tanggal_terbit = _dates([t[0] for t in terbits], column[TANGGAL_TERBIT].codes)
    windows, berlakus = _expiry_dates(column[MASA_BERLAKU], date_order, reference_year)
    # Only a stated year stands for a program year where the row has none (rule 7's certification
    # year, an SKK being valid five years); the validity itself is the stated window's.
    expiry_years = [window[0].year if window is not None and window[1] == PRECISION_YEAR else None for window in windows]
    levels, level_codes = _levels(column)
    tahuns = column[TAHUN].map(_unreadable(parse_tahun))
    return _Parsed(
        column=column,
        nik_column=nik_column,
        nik_values=nik_values,
        nik_status_values=nik_status_values,
        nik_partial_values=nik_partial_values,
        nama_values=nama_values,
        gelar_values=gelar_values,
        kunci_values=kunci_values,
        births=births,
        birth_codes=birth_codes,
        tanggal_lahir=_dates([b[1] for b in births], birth_codes),
        sexes=sexes,
        sex_codes=sex_codes,
        hasils=column[HASIL].map(_unreadable(_hasil_around_level, _hasil_empty)),
        terbits=terbits,
        tanggal_terbit=tanggal_terbit,
        berlakus=berlakus,
        berlaku_precisions=[None if window is None else window[1] for window in windows],
        levels=levels,
        level_codes=level_codes,
        tahuns=tahuns,
        tahun=_tahun(
            column,
            tahuns,
            tanggal_terbit,
            _ints(issue_years, column[TANGGAL_TERBIT].codes)
            # an SKK expires five years after issue: "s.d. 2027" was issued in 2022
            .fillna(_ints([None if y is None else y - 5 for y in expiry_years], column[MASA_BERLAKU].codes)),
        ),
        nomor_values=parse_nomor_sertifikat_array(column[NOMOR_SERTIFIKAT].text),
        waktu_respons=_datetimes(response_times(column[WAKTU_RESPONS].values, date_order, reference_year),
                                 column[WAKTU_RESPONS].codes),
    )


def _nik_cells(raw: pd.DataFrame, column: dict[str, _Distinct]) -> _Distinct:
    """The NIK column, where its cell is blank taking the NIK a clerk pasted into the name cell.

    "AHMAD FAUZI (6408011203850001)" under Nama and nothing under NIK: the number is
    the person's NIK (names hold no digits; standardize.names drops it from the name).
    The raw NIK cell is kept as it was for the quarantine's raw record.
    """
    nik_col, name_col = column[NIK], column[NAMA]
    # Arrow finds the few names holding a long run of digits; only those are searched.
    digits = pc.fill_null(pc.match_substring_regex(name_col.text, r"\d(?:[\s.\-]?\d){14}"), False)
    digits = digits.to_numpy(zero_copy_only=False)
    if not digits.any():
        return nik_col
    values = name_col.values
    pasted = [nik_module.nik_in_text(values[i]) if digits[i] else None for i in range(len(values))]
    if not any(pasted):
        return nik_col
    blank = _bools([is_blank(value) for value in nik_col.values], nik_col.codes)
    from_name = np.array([value is not None for value in pasted], dtype=bool)[name_col.codes] & blank
    if not from_name.any():
        return nik_col
    cells = np.array(nik_col.values, dtype=object)[nik_col.codes]
    cells[from_name] = np.array(pasted, dtype=object)[name_col.codes[from_name]]
    return _Distinct(pd.DataFrame({NIK: cells}), NIK)


def _births(
    column: dict[str, _Distinct], date_order: str, reference_year: int
) -> tuple[list[tuple[str | None, date | None, bool]], np.ndarray]:
    """Birth place, date and date-unreadable once per distinct (tempat, tanggal, tempat_tanggal) combination.

    A row's split columns when it has them, else its combined cell. Returns the
    per-combination results and each row's code into them.
    """
    place_results = column[TEMPAT_LAHIR].map(clean_place)
    born_results = column[TANGGAL_LAHIR].map(_dated(date_order, reference_year))
    ttl_results = column[TEMPAT_TANGGAL_LAHIR].map(_birth_cell(date_order, reference_year))
    birth_codes, birth_rows = _combine(
        column[TEMPAT_LAHIR].codes, column[TANGGAL_LAHIR].codes, column[TEMPAT_TANGGAL_LAHIR].codes
    )
    births: list[tuple[str | None, date | None, bool]] = []
    for row in birth_rows:
        place = place_results[column[TEMPAT_LAHIR].codes[row]]
        born, born_given, born_unreadable = born_results[column[TANGGAL_LAHIR].codes[row]]
        ttl_place, ttl_born, ttl_unreadable = ttl_results[column[TEMPAT_TANGGAL_LAHIR].codes[row]]
        if born_given:
            births.append((place or ttl_place, born, born_unreadable))
        else:
            births.append((place or ttl_place, ttl_born, ttl_unreadable))
    return births, birth_codes


def _levels(column: dict[str, _Distinct]) -> tuple[list[JenjangResult], np.ndarray]:
    """Jenjang once per distinct (jenjang, kualifikasi, jabatan kerja, hasil) combination, and each row's code into them.

    The result cell is read for a level only where no level is written anywhere else: a
    clerk who keeps "Kompeten - Jenjang 3" in one column writes the level nowhere else."""
    jenjang_col, kualifikasi_col, jabatan_col = column[JENJANG], column[KUALIFIKASI], column[JABATAN_KERJA]
    hasil_col = column[HASIL]
    level_codes, level_rows = _combine(jenjang_col.codes, kualifikasi_col.codes, jabatan_col.codes, hasil_col.codes)
    levels = []
    for row in level_rows:
        level = jenjang_status(
            jenjang_col.values[jenjang_col.codes[row]],
            kualifikasi_col.values[kualifikasi_col.codes[row]],
            jabatan_col.values[jabatan_col.codes[row]],
        )
        if level.status == JENJANG_MISSING:
            result = hasil_col.values[hasil_col.codes[row]]
            stated = level_in_result(result)
            if stated is not None:
                level = JenjangResult(stated, JENJANG_OK, "hasil", result)
        levels.append(level)
    return levels, level_codes


def _hasil_around_level(raw: str | None) -> str | None:
    """The result of a cell that may also state the level tested ("Lulus Jenjang 3" -> Kompeten)."""
    hasil = parse_hasil(raw)
    if hasil is None and raw is not None and level_in_result(raw) is not None:
        hasil = parse_hasil(without_level_label(raw))
    return hasil


def _tahun(
    column: dict[str, _Distinct],
    tahuns: list[tuple[int | None, bool]],
    tanggal_terbit: np.ndarray,
    issue_years: pd.arrays.IntegerArray,
) -> pd.arrays.IntegerArray:
    """Year per row: the tahun column, else a year in the program name, else the issue date's year,
    else the year an issue-date cell states alone ("2021"), else five years before the year an
    expiry cell states alone ("s.d. 2027")."""
    program_col = column[PROGRAM]
    return (
        _ints([t[0] for t in tahuns], column[TAHUN].codes)
        .fillna(_ints(program_col.map(parse_tahun), program_col.codes))
        .fillna(pd.array(pd.DatetimeIndex(tanggal_terbit).year, dtype="Int64"))
        .fillna(issue_years)
    )


# An issue-date cell holding only its year: "2021", "2021.0" (a number cell), "Th. 2021", "Tahun 2021";
# or its month and year: "Maret 2021", "Agt. 2021", "Mar-2021", "03/2021", "2021-03".
_ISSUE_YEAR_ONLY = re.compile(r"^\s*(?:(?:tahun|thn|th)\.?\s*)?(20\d{2})(?:\.0+)?\s*$", re.IGNORECASE)
_ISSUE_MONTH_YEAR = re.compile(
    r"^\s*(?:([^\W\d_]{3,10})\.?|(0?[1-9]|1[0-2]))\s*[-/. ]\s*(20\d{2})\s*$|^\s*(20\d{2})\s*[-/]\s*(0?[1-9]|1[0-2])\s*$"
)


# A Masa Berlaku cell's words before its month or year: "s.d.", "s/d", "Berlaku s/d", "sampai dengan".
_EXPIRY_LEAD = r"^\s*(?:(?:masa\s+)?berlaku\s*)?(?:s\s*[./]?\s*d\b\.?|sampai(?:\s+dengan)?|hingga|until)?\s*"
# An expiry cell holding only its year: "2027", "s.d. 2027", "Berlaku s/d 2027", "sampai tahun 2027".
_EXPIRY_YEAR_ONLY = re.compile(_EXPIRY_LEAD + r"(?:(?:tahun|thn|th)\.?\s*)?(20\d{2})(?:\.0+)?\s*$", re.IGNORECASE)
# ... or its month and year: "Juli 2026", "Jul 2026", "Agt. 2027", "Juli-2026", "07/2026", "07-2026", "2026-07".
# The year has four digits: "Jul-26" may as well be 26 July.
_EXPIRY_MONTH_YEAR = re.compile(
    _EXPIRY_LEAD + r"(?:(?:bulan|bln)\.?\s*)?(?:([^\W\d_]{3,10})\.?|(0?[1-9]|1[0-2]))\s*[-/. ]\s*(20\d{2})\s*$"
    r"|^\s*(20\d{2})\s*[-/]\s*(0?[1-9]|1[0-2])\s*$",
    re.IGNORECASE,
)


def expiry_window(raw: str | None, latest_year: int) -> tuple[date, str] | None:
    """The month or year a Masa Berlaku cell states without its day, as ``(first day, precision)``, or None.

    "Juli 2026" is ``(2026-07-01, "month")``, "s.d. 2027" ``(2027-01-01, "year")``. The certificate
    expires some day of that month or year: validity (:func:`standardize.validity.certificate_validity`)
    counts it active up to the first day, unknown during the rest, expired after. Years from 2005 to
    ``latest_year`` only (an expiry lies up to five years after the reference year).

    >>> expiry_window("s.d. 2027", 2036), expiry_window("Juli 2026", 2036)
    ((datetime.date(2027, 1, 1), 'year'), (datetime.date(2026, 7, 1), 'month'))
    >>> expiry_window("5 Tahun", 2036), expiry_window("01-07-2026", 2036)
    (None, None)
    """
    if raw is None:
        return None
    match = _EXPIRY_YEAR_ONLY.match(raw)
    if match is not None:
        year = int(match.group(1))
        return (date(year, 1, 1), PRECISION_YEAR) if 2005 <= year <= latest_year else None
    match = _EXPIRY_MONTH_YEAR.match(raw)
    if match is None:
        return None
    if match.group(4):
        year, month = int(match.group(4)), int(match.group(5))
    else:
        year = int(match.group(3))
        month = month_number(match.group(1)) if match.group(1) else int(match.group(2))
    if month is None or not 2005 <= year <= latest_year:
        return None
    return date(year, month, 1), PRECISION_MONTH


def issue_year_only(raw: str | None, latest_year: int) -> int | None:
    """The year of issue a Tanggal Terbit cell states without its day (and month), or None.

    Offices copying from certificates they have not seen write only the year ("2021"). The
    certificate was issued some day of that year, so it is the certification year and expires
    some day of year + 5: exactly what the program-year rule of validity assumes (active through
    year + 4, unknown during year + 5). Years after ``latest_year`` (the reference year) are no
    issue year.

    >>> issue_year_only("2021", 2026), issue_year_only("Th. 2022", 2026), issue_year_only("Maret 2023", 2026)
    (2021, 2022, 2023)
    >>> issue_year_only("12-03-2021", 2026), issue_year_only("Tahap 2021", 2026)
    (None, None)
    """
    if raw is None:
        return None
    match = _ISSUE_YEAR_ONLY.match(raw)
    if match is not None:
        year = int(match.group(1))
    else:
        # the month is read only to tell a month from a word; validity is judged on the year,
        # as for a bare year (the day, which decides the last month, is not known)
        dated = _ISSUE_MONTH_YEAR.match(raw)
        if dated is None or (dated.group(1) and month_number(dated.group(1)) is None):
            return None
        year = int(dated.group(3) or dated.group(4))
    return year if 2000 <= year <= latest_year else None


def _flag_masks(raw: pd.DataFrame, parsed: _Parsed) -> dict[str, np.ndarray]:
    """Per flag code of :data:`FLAGS`, the rows it applies to."""
    column = parsed.column
    nik_codes = parsed.nik_column.codes
    masks = {
        f"nik_{status}": (parsed.nik_status_values == status)[nik_codes]
        for status in nik_module.STATUSES
        if status != nik_module.VALID
    }
    date_mismatch, sex_mismatch = _nik_mismatches(
        parsed.nik_values,
        parsed.nik_status_values == nik_module.VALID,
        nik_codes,
        parsed.tanggal_lahir,
        [s[0] for s in parsed.sexes],
        parsed.sex_codes,
    )
    masks.update(
        {
            "nik_tanggal_lahir_mismatch": date_mismatch,
            "nik_jenis_kelamin_mismatch": sex_mismatch,
            "tanggal_lahir_unreadable": _bools([b[2] for b in parsed.births], parsed.birth_codes),
            "jenis_kelamin_unreadable": _bools([s[1] for s in parsed.sexes], parsed.sex_codes),
            "hasil_unreadable": _bools([h[1] for h in parsed.hasils], column[HASIL].codes),
            "tanggal_terbit_unreadable": _bools([t[2] for t in parsed.terbits], column[TANGGAL_TERBIT].codes),
            "masa_berlaku_unreadable": _bools([b[2] for b in parsed.berlakus], column[MASA_BERLAKU].codes),
            "tahun_unreadable": _bools([t[1] for t in parsed.tahuns], column[TAHUN].codes),
        }
    )
    masks[FLAG_PARTICIPATION_ONLY] = _participation_only(raw, parsed)
    masks[FLAG_HASIL_FROM_CERTIFICATE] = _certificate_without_result(parsed)
    return masks


def _certificate_recorded(parsed: _Parsed, readable: bool = True) -> np.ndarray:
    """Rows that record a certificate: its number ("TERBIT": issued, number to follow), or an
    issue or expiry date; ``readable=False`` counts a date written but not understood too."""
    column = parsed.column

    def dated(parsed_date: tuple[date | None, bool, bool]) -> bool:  # (date, given, unreadable)
        return parsed_date[0] is not None if readable else parsed_date[1]

    return (
        np.asarray(pd.notna(parsed.nomor_values))[column[NOMOR_SERTIFIKAT].codes]
        | _issued_without_number(parsed)
        | _bools([dated(t) for t in parsed.terbits], column[TANGGAL_TERBIT].codes)
        | _bools([dated(b) for b in parsed.berlakus], column[MASA_BERLAKU].codes)
    )


def _issued_without_number(parsed: _Parsed) -> np.ndarray:
    """Rows whose certificate cell says it was issued, the number to follow ("TERBIT")."""
    column = parsed.column[NOMOR_SERTIFIKAT]
    return _bools([certificate_issued_without_number(value) for value in column.values], column.codes)


def _certificate_without_result(parsed: _Parsed) -> np.ndarray:
    """Rows whose result cell is blank (or absent) but that record a certificate: Kompeten."""
    column = parsed.column
    blank = _bools([is_blank(value) for value in column[HASIL].values], column[HASIL].codes)
    return blank & _certificate_recorded(parsed)


def _participation_only(raw: pd.DataFrame, parsed: _Parsed) -> np.ndarray:
    """Rows of an attendance or registration list: kept for participant counts, never counted as certified."""
    column = parsed.column
    # Participation rows: no level written anywhere, and nothing that records an
    # assessment (a readable result) or a certificate (number, issue or expiry date).
    assessed = _bools([h[0] is not None for h in parsed.hasils], column[HASIL].codes)
    assessed_or_certified = assessed | _certificate_recorded(parsed, readable=False)
    level_missing = _bools([level.status == JENJANG_MISSING for level in parsed.levels], parsed.level_codes)
    # A row without a level is kept only as participation. A row with a level (often
    # read from the jabatan kerja, "Ahli Muda Teknik Jalan") is flagged too when its
    # whole sheet records no result and no certificate: the sheet is an attendance or
    # registration list. A recap's own not-yet-assessed rows are not flagged.
    unrecorded = ~assessed_or_certified
    return unrecorded & (level_missing | _sheet_all(raw, unrecorded))


def _rejected_rows(parsed: _Parsed, masks: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Rows failing the first quarantine rule (no identity) and rows failing any rule.

    A row without a level that is a participation row is kept, not quarantined.
    """
    name_empty = np.asarray(pd.isna(parsed.nama_values) & pd.isna(parsed.gelar_values))[parsed.column[NAMA].codes]
    no_identity = masks[f"nik_{nik_module.MISSING}"] & name_empty
    # A form's test submission ("tes", "coba") is a name placeholder: it names nobody, and with a
    # NIK that is none either ("123", "coba") the row is no participant. A valid NIK is someone's,
    # whatever the name says.
    nik_valid = (parsed.nik_status_values == nik_module.VALID)[parsed.nik_column.codes]
    no_identity |= _bools([is_test_entry(v) for v in parsed.column[NAMA].values], parsed.column[NAMA].codes) & ~nik_valid
    level_bad = _bools([level.status != JENJANG_OK for level in parsed.levels], parsed.level_codes)
    return no_identity, no_identity | (level_bad & ~masks[FLAG_PARTICIPATION_ONLY])


def _quarantine(raw: pd.DataFrame, parsed: _Parsed, no_identity: np.ndarray, positions: np.ndarray) -> pd.DataFrame:
    """Quarantine rows for the rejected ``positions``: the first failing rule per row, with the cell at fault."""
    q_columns: list[str] = []
    q_values: list[str | None] = []
    q_rules: list[str] = []
    q_reasons: list[str] = []
    for position in positions:
        if no_identity[position]:
            q_columns.append("")
            q_values.append(None)
            q_rules.append(RULE_NO_IDENTITY)
            q_reasons.append(REASONS[RULE_NO_IDENTITY])
        else:
            level = parsed.levels[parsed.level_codes[position]]
            rule = RULE_JENJANG_MISSING if level.status == JENJANG_MISSING else RULE_JENJANG_UNREADABLE
            q_columns.append(level.column)
            q_values.append(level.value)
            q_rules.append(rule)
            q_reasons.append(_level_reason(rule, level))
    return _quarantine_frame(raw, parsed.column, positions, q_columns, q_values, q_rules, q_reasons)


def _level_reason(rule: str, level: JenjangResult) -> str:
    """The catalogue's reason, with what the level cell lacks added to each language: "Ahli" alone
    names the kualifikasi (jenjang 7-9), "Madya" alone the grade without Ahli."""
    problem = jenjang_problem(level)
    if problem is None:
        return REASONS[rule]
    pesan, gloss = REASONS[rule].split(" / ", 1)
    return f"{pesan}: {problem[0]} / {gloss}: {problem[1]}"


def _hasil(parsed: _Parsed, masks: dict[str, np.ndarray], kept: np.ndarray):
    """The ``kept`` rows' results, Kompeten where only a certificate says so."""
    written = _texts([h[0] for h in parsed.hasils], parsed.column[HASIL].codes[kept])
    inferred = masks[FLAG_HASIL_FROM_CERTIFICATE][kept]
    return pd.Series(written, dtype="str").mask(inferred, "Kompeten").array


def _kept_rows(raw: pd.DataFrame, parsed: _Parsed, masks: dict[str, np.ndarray], kept: np.ndarray) -> pd.DataFrame:
    """Participation rows of the ``kept`` positions: the per-distinct results spread to them."""
    column = parsed.column
    flag_texts, flag_codes = _flags(masks, len(raw))
    rows = _provenance(raw, kept)
    nik_codes = parsed.nik_column.codes[kept]
    name_codes = column[NAMA].codes[kept]
    levels, level_codes = parsed.levels, parsed.level_codes[kept]
    out: dict[str, Any] = {
        "nik": _texts(parsed.nik_values, nik_codes),
        "nik_status": _texts(parsed.nik_status_values, nik_codes),
        "nik_partial": _texts(parsed.nik_partial_values, nik_codes),
        "nama": _texts(parsed.nama_values, name_codes),
        "gelar": _texts(parsed.gelar_values, name_codes),
        "nama_kunci": _texts(parsed.kunci_values, name_codes),
        "tempat_lahir": _texts([b[0] for b in parsed.births], parsed.birth_codes[kept]),
        "tanggal_lahir": parsed.tanggal_lahir[kept],
        "jenis_kelamin": _texts([s[0] for s in parsed.sexes], parsed.sex_codes[kept]),
        "jabatan_kerja": _texts(column[JABATAN_KERJA].map(clean_jabatan), column[JABATAN_KERJA].codes[kept]),
        "jenjang": _ints([level.jenjang for level in levels], level_codes),
        "kualifikasi": _texts([kualifikasi_for(level.jenjang) for level in levels], level_codes),
        "hasil": _hasil(parsed, masks, kept),
        "nomor_sertifikat": _texts(parsed.nomor_values, column[NOMOR_SERTIFIKAT].codes[kept]),
        "tanggal_terbit": parsed.tanggal_terbit[kept],
        "masa_berlaku": _dates([b[0] for b in parsed.berlakus], column[MASA_BERLAKU].codes[kept]),
        "masa_berlaku_precision": _texts(parsed.berlaku_precisions, column[MASA_BERLAKU].codes[kept]),
        "program": _texts(column[PROGRAM].map(clean_text), column[PROGRAM].codes[kept]),
        "tahun": parsed.tahun[kept],
        "waktu_respons": parsed.waktu_respons[kept],
        "flags": _texts(flag_texts, flag_codes[kept]),
    }
    for name in OUTPUT_COLUMNS:
        rows[name] = pd.Series(out[name], index=rows.index)
    return rows
