"""What linkage compares, derived once from the standardized participation rows.

Every stage of :mod:`linkage.link` works on the same compact frame (one row per
input row, positional id ``rid``) so that the joins never touch the wide
standardized frame. The frame is computed in DuckDB: pandas' ``strftime`` and
``str.split`` cost about 20 s per million rows here, DuckDB well under one.

The NIK carries the birth date and sex (``PP RR DD ddmmyy SSSS``, women add 40 to
the day; DOMAIN "The person: NIK"). The century is not in the NIK, so a row's
birth date is compared with it as ``ddmmyy`` text, which needs no century guess.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from linkage.names import fold_names, learn_word_variants

# Provenance that identifies a row across runs: the file's bytes (sha256), not its
# name, so a re-submitted or renamed file keeps its rows' identity.
ROW_IDENTITY = ("source_sha256", "source_sheet", "source_row")
PROVENANCE = ("office_id", "source_file", "source_sha256", "source_sheet", "source_row")

# nik_status values whose digits still say something about the true NIK.
DIGIT_STATUSES = ("excel_truncated", "scientific_notation", "wrong_length", "invalid")

REQUIRED_COLUMNS = (
    *PROVENANCE,
    "nik",
    "nik_status",
    "nik_partial",
    "nama_kunci",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "nomor_sertifikat",
)

FEATURE_SQL = """
with base as (
    select
        rid,
        coalesce(nullif(trim(cast(nik_status as varchar)), ''), 'missing') as nik_status,
        case when nik_status = 'valid' and length(nik) = 16 then cast(nik as varchar) end as nik,
        nullif(trim(cast(nik_partial as varchar)), '') as nik_partial,
        nullif(trim(cast(nama_kunci as varchar)), '') as name,
        cast(tanggal_lahir as date) as birth_date,
        case when jenis_kelamin in ('L', 'P') then cast(jenis_kelamin as varchar) end as sex,
        -- standardization already collapsed whitespace and title-cased the place
        nullif(lower(trim(cast(tempat_lahir as varchar))), '') as place,
        -- one number however its separators were typed ("SKK 3205 2025 00203", "SKK-3205-2025-00203")
        nullif(regexp_replace(upper(cast(nomor_sertifikat as varchar)), '[^0-9A-Z]', '', 'g'), '') as cert
    from rows_in
), decoded as (
    select *,
        try_cast(substr(nik, 7, 2) as integer) as nik_day,
        -- the NIK digits that still state the birth date and sex: a valid NIK's, or the 15 Excel
        -- kept of one typed as a number (only the serial's last digit is lost)
        coalesce(nik, case when nik_status = 'excel_truncated' and length(nik_partial) >= 12
                           then nik_partial end) as dated
    from base
), dated as (
    select *, try_cast(substr(dated, 7, 2) as integer) as dated_day from decoded
)
select
    rid, nik_status, nik,
    case when nik is not null then nik
         when nik_status in ('excel_truncated', 'scientific_notation', 'wrong_length', 'invalid') then nik_partial
    end as digits,
    name,
    strftime(birth_date, '%Y-%m-%d') as birth,
    strftime(birth_date, '%d%m%y') as ddmmyy,
    sex, place, cert,
    case when nik is not null then lpad(cast(nik_day % 40 as varchar), 2, '0') || substr(nik, 9, 4) end as nik_ddmmyy,
    case when nik is not null then (case when nik_day > 40 then 'P' else 'L' end) end as nik_sex,
    -- the birth date the NIK (or its Excel-cut digits) encodes; the century is the one that makes
    -- the person at least 15 years old this year (workers are 17 to 70)
    strftime(try_strptime(
        lpad(cast(dated_day % 40 as varchar), 2, '0') || substr(dated, 9, 2)
        || (case when 2000 + try_cast(substr(dated, 11, 2) as integer) <= year(current_date) - 15 then '20' else '19' end)
        || substr(dated, 11, 2),
        '%d%m%Y'), '%Y-%m-%d') as nik_birth,
    case when dated_day between 1 and 71 then (case when dated_day > 40 then 'P' else 'L' end) end as dated_sex
from dated
"""


def check_columns(rows: pd.DataFrame) -> None:
    """Raise when standardized columns linkage needs are missing."""
    missing = [c for c in REQUIRED_COLUMNS if c not in rows.columns]
    if missing:
        raise ValueError(f"rows lack columns linkage needs: {missing}")


def _arrow_input(rows: pd.DataFrame) -> pa.Table:
    """The columns FEATURE_SQL reads, as Arrow (zero-copy for pandas' Arrow-backed strings)."""
    columns = [c for c in REQUIRED_COLUMNS if c not in PROVENANCE]
    frame = rows[columns].reset_index(drop=True)
    if not pd.api.types.is_datetime64_any_dtype(frame["tanggal_lahir"]):
        frame = frame.assign(tanggal_lahir=pd.to_datetime(frame["tanggal_lahir"], errors="coerce"))
    for column in columns:
        if column != "tanggal_lahir" and not pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].astype("str")
    table = pa.Table.from_pandas(frame, preserve_index=False)
    return table.append_column("rid", pa.array(np.arange(len(frame), dtype=np.int64)))


def build_features(rows: pd.DataFrame, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """The compact comparison frame, aligned positionally with ``rows``.

    Columns: ``rid`` (0..n-1), ``nik`` (valid only), ``nik_status``, ``digits``
    (a valid NIK, or the digits a damaged one still shows), ``name``
    (:func:`linkage.names.linkage_name_key` of nama_kunci, then the spelling
    variants :func:`linkage.names.learn_word_variants` finds in these rows),
    ``birth`` (ISO text; from the NIK when the row has none, ``birth_from_nik``),
    ``ddmmyy`` (the row's own birth date), ``sex`` (from the NIK when the row has
    none, ``sex_from_nik``; :func:`forget_nik_facts` undoes both for rows whose NIK
    turns out to be someone else's),
    ``place`` (lower-case birth place), ``cert`` (registration number), ``src`` (the file
    the row was read from, numbered),
    ``nik_ddmmyy``/``nik_sex`` (decoded from a valid NIK) and ``nik_birth_ok``/
    ``nik_sex_ok``: does the row agree with its own NIK (NA when it cannot tell).
    """
    check_columns(rows)
    own = con is None
    con = con or duckdb.connect()
    try:
        con.execute("set enable_progress_bar = false")
        con.register("rows_in", _arrow_input(rows))
        frame = con.sql(FEATURE_SQL).arrow().read_all().to_pandas(types_mapper=_types)
        con.unregister("rows_in")
    finally:
        if own:
            con.close()
    frame["rid"] = frame["rid"].astype(np.int64)
    # the file a row was read from (by its bytes), as a number: one list of one program
    frame["src"] = pd.factorize(rows["source_sha256"].to_numpy(dtype=object))[0].astype(np.int64)
    frame["name"] = fold_names(frame["name"])
    birth_ok = (frame["ddmmyy"] == frame["nik_ddmmyy"]).astype("boolean")
    frame["nik_birth_ok"] = birth_ok.where(frame["ddmmyy"].notna() & frame["nik_ddmmyy"].notna())
    sex_ok = (frame["sex"] == frame["nik_sex"]).astype("boolean")
    frame["nik_sex_ok"] = sex_ok.where(frame["sex"].notna() & frame["nik_sex"].notna())
    # A row with a valid NIK but no birth date or sex (an attendance list, a province
    # recap) still has them: the NIK encodes both. Filled after the agreement flags,
    # which compare what the row itself says.
    frame["birth_from_nik"] = frame["birth"].isna() & frame["nik_birth"].notna()
    # An Excel-cut NIK (15 digits kept) states them too: the lost digit is the serial's last.
    frame["sex_from_nik"] = frame["sex"].isna() & frame["dated_sex"].notna()
    frame["birth"] = frame["birth"].fillna(frame["nik_birth"])
    frame["sex"] = frame["sex"].fillna(frame["dated_sex"])
    frame = frame.drop(columns=["nik_birth", "dated_sex"])
    agrees = (frame["nik_birth_ok"].fillna(False) & frame["nik_sex_ok"].fillna(True)).to_numpy(dtype=bool)
    variants = learn_word_variants(frame["name"], frame["nik"], agrees)
    if variants:
        frame["name"] = fold_names(frame["name"], variants)
    return frame


def forget_nik_facts(frame: pd.DataFrame, rows: np.ndarray) -> None:
    """Undo the NIK's birth date and sex on ``rows`` (a boolean mask): their NIK is someone else's."""
    for column in ("birth", "sex"):
        taken = rows & frame[f"{column}_from_nik"].to_numpy(dtype=bool)
        if taken.any():
            frame.loc[taken, column] = None


def _types(arrow_type: pa.DataType):
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return pd.StringDtype("pyarrow", na_value=np.nan)
    return None
