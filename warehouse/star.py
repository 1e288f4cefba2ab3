"""Build the analyst-facing star schema from linked participation rows.

:func:`build_star` turns the linked rows (standardized columns + ``person_key``)
into one DataFrame per warehouse table (:data:`warehouse.schema.STAR_TABLES`),
each sorted by its table's ``order_by`` so the same inputs always give the same
frames. The counting rules live in :mod:`warehouse.headline` and are reused,
not copied: which rows count as certified and where they are credited
(:func:`~warehouse.headline.credited_certifications`), whether a certificate is valid (:func:`~warehouse.headline.certificate_validity`,
the one rule of :func:`standardize.validity.certificate_validity`), how persons
are counted as active, unknown or expired (:func:`~warehouse.headline.count_persons`)
and the headline table
itself (:func:`~warehouse.headline.headline_table`).
``docs/warehouse.md`` documents every table and rule.

Nothing here writes raw NIKs or names: persons are ``person_key``; where a join
to source systems is needed, ``dim_person.nik_hash`` is a keyed HMAC of the NIK.
Registration numbers are not carried either (the national registry's public
search turns a number into a name): certificates are ``certificate_key``, a
keyed hash. Text an office wrote (file and sheet names, ``jabatan_kerja``,
``program``) is kept as written here and fenced (:mod:`warehouse.fence`) by
the ``publish_candidate`` asset, which has every participant's name words.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reference import FORMER_CODES, regions
from sources.registry import GrowthTarget, Office, PerYearTarget, Target
from linkage.keys import KeyHasher
from standardize.levels import kualifikasi_for
from standardize.validity import ACTIVE, EXPIRY_BASES, UNKNOWN, issue_years
from warehouse import schema
from warehouse.headline import (
    certificate_validity,
    count_persons,
    credited_with_recap_partners,
    headline_table,
    normalized_jabatan,
    with_validity,
)

KOMPETEN = "Kompeten"
# person_key_basis (linkage.link's link_basis), strongest first: a row's own valid
# NIK; a repaired NIK (nik_repair:<kind>); a registration number reported twice;
# a Fellegi-Sunter link; nothing linked the row. Unknown values rank last.
KEY_BASIS_STRENGTH = ("nik", "nik_repair", "same_certificate", "probabilistic", "unlinked")
# NIK statuses whose partial digits keep the leading (region, birth date) digits intact.
TRUSTED_PARTIAL = ("excel_truncated", "scientific_notation")
EXPIRY_BASIS_RANK = {basis: rank for rank, basis in enumerate(EXPIRY_BASES)}

_OPTIONAL_TEXT = (
    "source_sha256", "nik", "nik_status", "nik_partial", "jenis_kelamin", "jabatan_kerja", "kualifikasi",
    "hasil", "nomor_sertifikat", "program", "person_key_basis", "masa_berlaku_precision",
)
# Columns of the linked rows the counting rules and certificates do not read.
_NOT_COUNTED = ("nama", "gelar", "tempat_lahir", "program", "flags", "person_key_basis")
_OPTIONAL_DATES = ("tanggal_lahir", "tanggal_terbit", "masa_berlaku")
_OPTIONAL_INTS = ("jenjang", "tahun")


def keyed_hash(secret: str, message: str) -> str:
    """HMAC-SHA256 of ``message`` keyed with ``secret``, as 64 hex digits."""
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def nik_hash(secret: str, nik: str) -> str:
    """``dim_person.nik_hash``: HMAC-SHA256(key=secret, message=the 16-digit NIK), hex.

    A source system holding the same secret computes it from its own NIKs to join.
    """
    return keyed_hash(secret, nik)


def _hash_many(secret: str, messages: pd.Series, prefix: str = "", length: int | None = None) -> pd.Series:
    """:func:`keyed_hash` of each value (``prefix`` + its first ``length`` digits), each distinct value once."""
    digest = KeyHasher(secret.encode("utf-8")).hexdigest
    codes, uniques = pd.factorize(messages, use_na_sentinel=True)
    # one list comprehension over the distinct values: a million keys, no call per value but the hash
    hashed = np.array([prefix + digest(value)[:length] for value in uniques.to_numpy(dtype=object)] + [None], dtype=object)
    return pd.Series(hashed[codes], index=messages.index, dtype="str")


def map_distinct(values: pd.Series, function) -> pd.Series:
    """``function`` of each value, called once per distinct value; nulls stay null (object dtype).

    ``Series.map`` over Arrow-backed text walks every row in Python; a million rows
    of a few hundred distinct office ids or years need only those few calls.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    # code -1 (a null) picks the trailing None. The distinct values go out as one object
    # array: iterating an Arrow-backed index yields them one by one (0.4 s per million).
    mapped = np.array([function(value) for value in uniques.to_numpy(dtype=object)] + [None], dtype=object)
    return pd.Series(mapped[codes], index=values.index, dtype=object)


# --------------------------------------------------------------------------- input


def _prepare(linked: pd.DataFrame, publish_date: date) -> pd.DataFrame:
    """Linked rows with every column the builders read, typed, on a fresh index."""
    for column in ("office_id", "person_key"):
        if column not in linked.columns:
            raise ValueError(f"linked rows lack the column {column!r}")
    # Copy-on-write: the caller's frame is never changed, and columns not assigned here are not copied.
    rows = linked.reset_index(drop=True)
    for column in _OPTIONAL_TEXT:
        if column not in rows.columns:
            rows[column] = pd.Series(pd.NA, index=rows.index, dtype="str")
    for column in _OPTIONAL_DATES:
        rows[column] = pd.to_datetime(rows[column]) if column in rows.columns else pd.Series(pd.NaT, index=rows.index, dtype="datetime64[ms]")
        if getattr(rows[column].dt, "tz", None) is not None:
            rows[column] = rows[column].dt.tz_localize(None)
    for column in _OPTIONAL_INTS:
        rows[column] = rows[column].astype("Int64") if column in rows.columns else pd.Series(pd.NA, index=rows.index, dtype="Int64")
    for column in ("source_file", "source_sheet"):
        rows[column] = rows[column].fillna("").astype("str") if column in rows.columns else ""
    rows["source_row"] = rows["source_row"].astype("Int64") if "source_row" in rows.columns else pd.Series(np.arange(1, len(rows) + 1), dtype="Int64")
    rows["flags"] = rows["flags"].fillna("").astype("str") if "flags" in rows.columns else ""
    if rows["person_key"].isna().any():
        raise ValueError("linked rows without a person_key")
    derived = _kualifikasi(rows["jenjang"])
    rows["kualifikasi"] = derived.where(derived.notna(), rows["kualifikasi"]).astype("str")
    rows["nomor_sertifikat"] = one_spelling_per_number(rows["nomor_sertifikat"])
    # The year a row's certification counts in: issue date, else the year of issue
    # its registration number states, else program year.
    # Parsed once here; every validity decision downstream reads this column.
    rows["_number_year"] = issue_years(rows["nomor_sertifikat"], publish_date.year)
    rows["_year"] = rows["tanggal_terbit"].dt.year.astype("Int64").fillna(rows["_number_year"]).fillna(rows["tahun"])
    return rows


def one_spelling_per_number(numbers: pd.Series) -> pd.Series:
    """Each registration number in one spelling: numbers that differ only in their separators
    ("SKK 3205 2025 00203" typed with spaces, which standardization closes up, beside
    "SKK-3205-2025-00203" in the regency's list) all take the smallest spelling of their group,
    so every rule comparing numbers (re-reports, certificates) sees one certificate. The
    smallest keeps separators where one spelling has them (punctuation sorts before digits and
    letters), which reading the year needs; a number spelled one way only is left as it is."""
    codes, spellings = pd.factorize(numbers)
    if len(spellings) < 2:
        return numbers
    text = pd.Series(spellings.astype("str"), dtype="str")
    key = text.str.replace(r"[^0-9A-Z]", "", regex=True)
    several = key.duplicated(keep=False).to_numpy(dtype=bool)
    if not several.any():
        return numbers
    # only the few numbers written more than one way are regrouped
    smallest = text[several].groupby(key[several].to_numpy()).transform("min")
    text[several] = smallest.to_numpy()
    chosen = np.append(text.to_numpy(dtype=object), None)[np.where(codes >= 0, codes, len(text))]
    return pd.Series(chosen, index=numbers.index, dtype="str")


def _sorted(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """``frame`` with the table's columns, in its ``order_by`` order, on a 0..n-1 index."""
    definition = schema.metadata.tables[table]
    columns = [column.name for column in definition.columns]
    order = list(definition.info["order_by"])
    return frame[columns].sort_values(order, kind="stable", na_position="first").reset_index(drop=True)


def _kualifikasi(jenjang: pd.Series) -> pd.Series:
    return map_distinct(jenjang, lambda j: kualifikasi_for(int(j))).astype("str")


def _office_frame(offices: dict[str, Office]) -> pd.DataFrame:
    reference = regions()
    return pd.DataFrame(
        [
            {
                "office_id": o.id,
                "office_name": o.name,
                "level": o.level,
                "region_code": o.region_code,
                "region_name": reference[o.region_code].name,
                "province_code": o.province_code,
                "province_name": reference[o.region_code].province_name,
                "freshness_days": o.freshness_days,
            }
            for o in offices.values()
        ],
        columns=[c.name for c in schema.dim_office.columns],
    ).astype({"freshness_days": "Int64"})


# --------------------------------------------------------------------------- dimensions


def build_dim_region() -> pd.DataFrame:
    """All 38 provinces and 514 regencies/cities."""
    frame = pd.DataFrame(
        [
            {
                "region_code": r.code,
                "region_name": r.name,
                "region_type": r.type,
                "province_code": r.province_code,
                "province_name": r.province_name,
            }
            for r in regions().values()
        ]
    )
    return _sorted(frame, "dim_region")


def _mode_codes(person: np.ndarray, values: pd.Series, persons: int) -> tuple[np.ndarray, pd.Index]:
    """Per person (``person``: each row's person number, :func:`_person_codes`), the position in
    the sorted distinct values of the person's most frequent non-null value, ties to the smallest
    value, -1 for a person without any; and those distinct values.

    Integer pairs counted with numpy: a value_counts over (person key, value) text pairs sorted a
    million Arrow strings per column."""
    value, uniques = pd.factorize(values, sort=True)
    present = value >= 0
    width = max(len(uniques), 1)
    pairs, counts = np.unique(person[present] * width + value[present], return_counts=True)
    owner, value = pairs // width, pairs % width
    order = np.lexsort((value, -counts, owner))
    owner, value = owner[order], value[order]
    first = np.ones(len(owner), dtype=bool)
    first[1:] = owner[1:] != owner[:-1]
    out = np.full(persons, -1, dtype=np.int64)
    out[owner[first]] = value[first]
    return out, uniques


def _taken(codes: np.ndarray, uniques: pd.Index) -> np.ndarray:
    """The distinct values at ``codes`` (-1: None), as an object array."""
    return np.array([*uniques.to_numpy(dtype=object), None], dtype=object)[codes]


def _decode_nik(values: pd.Series, reference_year: int) -> pd.DataFrame:
    """Sex and birth year from (possibly partial) NIK digit strings; None when the date is impossible.

    :func:`standardize.nik.nik_birth_date_and_sex` done over numpy arrays of the distinct values:
    ``ddmmyy`` in digits 7-12, women's day + 40, the century that makes the person at least 15."""
    codes, uniques = pd.factorize(values)
    text = pa.array(uniques, type=pa.string(), from_pandas=True)
    # NIK digits are ASCII after standardize.nik
    readable = pc.match_substring_regex(text, r"^[0-9]{12}").to_numpy(zero_copy_only=False).astype(bool)
    ddmmyy = pc.if_else(pa.array(readable), pc.utf8_slice_codeunits(text, 6, 12), "000000")
    number = pc.cast(ddmmyy, pa.int64()).to_numpy(zero_copy_only=False).astype(np.int64)
    day, month, yy = number // 10000, number // 100 % 100, number % 100
    woman = day > 40
    day = np.where(woman, day - 40, day)
    year = np.where(2000 + yy <= reference_year - 15, 2000 + yy, 1900 + yy)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_days = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    last = month_days[np.clip(month, 0, 12)] + ((month == 2) & leap)
    possible = readable & (month >= 1) & (month <= 12) & (day >= 1) & (day <= last)
    sex = np.where(woman, "P", "L").astype(object)
    sex[~possible] = None
    born = year.astype(object)
    born[~possible] = None
    pick = np.where(codes >= 0, codes, len(uniques))
    return pd.DataFrame({"sex": np.append(sex, None)[pick], "birth_year": np.append(born, None)[pick]}, index=values.index)


def _person_codes(rows: pd.DataFrame) -> tuple[np.ndarray, pd.Index]:
    """Each row's person as a number (its place among the sorted person keys), and those keys."""
    codes, keys = pd.factorize(rows["person_key"], sort=True)
    return codes.astype(np.int64, copy=False), keys


def _strongest_key_basis(rows: pd.DataFrame, person: np.ndarray, n: int) -> np.ndarray:
    """Each person's strongest key basis among their rows (:data:`KEY_BASIS_STRENGTH`), ties to the first basis."""
    rank = {basis: i for i, basis in enumerate(KEY_BASIS_STRENGTH)}
    basis, bases = pd.factorize(rows["person_key_basis"], sort=True)
    strength = np.array([rank.get(b.split(":")[0], len(rank)) for b in bases.to_numpy(dtype=object)], dtype=np.int64)
    have = basis >= 0
    owner, basis = person[have], basis[have]
    order = np.lexsort((basis, strength[basis], owner))
    owner, basis = owner[order], basis[order]
    first = np.ones(len(owner), dtype=bool)
    first[1:] = owner[1:] != owner[:-1]
    strongest = np.full(n, -1, dtype=np.int64)
    strongest[owner[first]] = basis[first]
    return _taken(strongest, bases)


def _home_nik(rows: pd.DataFrame, person: np.ndarray, n: int, index: pd.Index) -> tuple[pd.Series, pd.Series]:
    """Each person's own NIK (most frequent valid one) and trusted leading digits of a damaged one.

    A valid NIK linkage set aside as someone else's (copied from the row above: the row's
    basis is then not 'nik') is not the person's: it would give them the other person's
    nik_hash and KTP region (linkage's own anchor NIK leaves it out the same way). A row whose
    basis is not known keeps its NIK.
    """
    basis_of_row = rows["person_key_basis"]
    own = (basis_of_row.isna() | (basis_of_row == "nik").fillna(False)).to_numpy(dtype=bool)
    own_nik = rows["nik"].where(own)
    nik = pd.Series(_taken(*_mode_codes(person, own_nik, n)), index=index, dtype="str")
    trusted = (rows["nik_status"].isin(TRUSTED_PARTIAL) & (rows["nik_partial"].str.len() >= 4)).to_numpy(dtype=bool)
    partial = pd.Series(_taken(*_mode_codes(person[trusted], rows["nik_partial"][trusted], n)),
                        index=index, dtype="str")
    return nik, partial


def _sex_and_birth_year(rows: pd.DataFrame, person: np.ndarray, n: int, digits: pd.Series,
                        publish_date: date) -> tuple[pd.Series, pd.Series]:
    """Each person's sex and birth year: from the NIK's digits, else the most frequent in their rows' columns.

    The NIK has two year digits: the birth-date column settles the century when it agrees.
    """
    from_nik = _decode_nik(digits, publish_date.year)
    column_sex = pd.Series(_taken(*_mode_codes(person, rows["jenis_kelamin"], n)), index=digits.index, dtype=object)
    born = rows["tanggal_lahir"].dt.year.astype("Int64")
    column_year = pd.array(_taken(*_mode_codes(person, born, n)), dtype="Int64")
    column_year = pd.Series(column_year, index=digits.index)
    sex = from_nik["sex"].fillna(column_sex)
    nik_year = from_nik["birth_year"].astype("Int64")
    same_yy = (nik_year % 100 == column_year % 100).fillna(False)
    return sex, nik_year.where(~same_yy, column_year).fillna(column_year).astype("Int64")


def build_dim_person(rows: pd.DataFrame, secret: str, publish_date: date, certificates: pd.DataFrame,
                     person_codes: tuple[np.ndarray, pd.Index] | None = None) -> pd.DataFrame:
    """One row per person_key: sex, birth year, KTP region, nik_hash; no NIK, no name.

    Every per-person figure is computed over person numbers (:func:`_person_codes`, passed
    as ``person_codes`` when the caller has them), not by grouping the key text."""
    person, keys = person_codes if person_codes is not None else _person_codes(rows)
    n = len(keys)
    persons = pd.DataFrame(index=pd.Index(keys, name="person_key"))
    persons["participation_rows"] = np.bincount(person, minlength=n).astype(np.int64)
    tahun = rows["tahun"].groupby(person, sort=True)
    persons["first_tahun"] = tahun.min().array
    persons["last_tahun"] = tahun.max().array

    persons["person_key_basis"] = _strongest_key_basis(rows, person, n)

    nik, partial = _home_nik(rows, person, n, persons.index)
    digits = nik.fillna(partial)
    persons["home_region_basis"] = np.where(nik.notna(), "nik", np.where(partial.notna(), "nik_partial", None))
    # where the KTP was issued, under the code that place has now: a Mimika KTP of 2015 starts 9109, and
    # Mimika has been 94.04 (Papua Tengah) since the 2022 Papua split (reference.FORMER_CODES)
    persons["home_regency_code"] = (digits.str[:2] + "." + digits.str[2:4]).replace(FORMER_CODES)
    persons["home_province_code"] = persons["home_regency_code"].str[:2]
    persons["nik_hash"] = _hash_many(secret, nik)

    persons["sex"], persons["birth_year"] = _sex_and_birth_year(rows, person, n, digits, publish_date)

    held = _positions(certificates["person_key"], keys)
    persons["certificates"] = np.bincount(held[held >= 0], minlength=n).astype(np.int64)
    frame = persons.reset_index()
    for column in ("sex", "home_regency_code", "home_province_code", "home_region_basis", "person_key_basis", "nik_hash"):
        frame[column] = frame[column].astype("str")
    for column in ("first_tahun", "last_tahun"):
        frame[column] = frame[column].astype("Int64")
    return _sorted(frame, "dim_person")


# --------------------------------------------------------------------------- certificates


def certificate_keys(kompeten: pd.DataFrame, credited: pd.DataFrame, secret: str) -> pd.Series:
    """The certificate each Kompeten row belongs to (keyed hash), aligned with ``kompeten``.

    * a registration number identifies the certificate;
    * a row without a number belongs to a numbered certificate of the same person,
      jabatan kerja and jenjang whose year is the row's year or the next (the number
      arrives weeks after the assessment); when several match, the earliest;
    * the other rows without a number form one certificate per
      (person, jabatan kerja, jenjang).

    Jabatan kerja are compared as the counting rules compare them
    (:func:`warehouse.headline.normalized_jabatan`: case, punctuation, abbreviations), and
    a certificate without a number is keyed by that normalized text.
    """
    # Jabatan kerja as the counting rules compare it (case, punctuation, a clerk's abbreviation:
    # "Mdr. Pekerjaan Jalan" is "Mandor Pekerjaan Jalan"), read over both frames' spellings.
    spelled = pd.concat([kompeten["jabatan_kerja"], credited["jabatan_kerja"]], ignore_index=True)
    normal = pd.Series(normalized_jabatan(spelled), dtype="str")
    kompeten = kompeten.assign(_jabatan=normal.iloc[:len(kompeten)].to_numpy())
    credited = credited.assign(_jabatan=normal.iloc[len(kompeten):].to_numpy())
    triple = ["person_key", "_jabatan", "jenjang"]
    material = pd.Series(pd.NA, index=kompeten.index, dtype="str")
    numbered = kompeten["nomor_sertifikat"].notna()
    material[numbered] = "no|" + kompeten.loc[numbered, "nomor_sertifikat"]

    loose = kompeten[~numbered]
    if len(loose):
        with_number = credited[credited["nomor_sertifikat"].notna()]
        # only the persons of rows without a number can match (the merge below is on the person)
        with_number = with_number[_is_in(with_number["person_key"], loose["person_key"])]
        certs = (
            with_number.groupby(triple + ["nomor_sertifikat"], dropna=False)["_year"].min().rename("cert_year").reset_index()
        )
        candidates = loose[triple + ["_year"]].reset_index(names="_row").merge(certs, on=triple, how="inner")
        gap = candidates["cert_year"] - candidates["_year"]
        fits = candidates["cert_year"].isna() | candidates["_year"].isna() | gap.isin([0, 1]).fillna(False)
        chosen = (
            candidates[fits.to_numpy(dtype=bool)]
            .sort_values(["_row", "cert_year", "nomor_sertifikat"], na_position="last", kind="stable")
            .drop_duplicates("_row")
            .set_index("_row")["nomor_sertifikat"]
        )
        material[chosen.index] = "no|" + chosen
        rest = loose.index.difference(chosen.index)
        own = loose.loc[rest]
        material[rest] = (
            "pj|" + own["person_key"].astype("str") + "|" + own["_jabatan"].fillna("").astype("str")
            + "|" + own["jenjang"].astype("str").fillna("")
        )
    return _hash_many(secret, material, prefix="c", length=24)


def recap_rows_joined(rows: pd.DataFrame, partners: pd.Series) -> pd.Series:
    """The person of each province re-report that linkage left a person of its own row, when the
    counting rules found the regency/city certificate it repeats: that certificate's holder
    (row index -> the partner row's ``person_key``).

    A recap row without NIK or birth date, its name shortened ("AGUS S.", "DEDE K."), is
    ``unlinked``: nothing tied it to anyone. Rule 3 (:func:`warehouse.headline.recap_partners`,
    ``recap_file_partners``) has already judged it the same certificate as a regency/city row
    and nothing on the two rows says two persons; a certificate has one holder, so the row is
    that holder's and is no extra person in ``dim_person``. A row linkage did key (a valid NIK,
    a repair, a shared number, a probabilistic link) keeps its person: linkage weighed more
    evidence than rule 3 does."""
    if partners is None or partners.empty or "person_key_basis" not in rows.columns:
        return pd.Series(dtype="str")
    alone = (rows.loc[partners.index, "person_key_basis"] == "unlinked").to_numpy(dtype=bool)
    own = partners[alone]
    return pd.Series(rows.loc[own.to_numpy(), "person_key"].to_numpy(), index=own.index, dtype="str")


def _re_reports_keyed_to_local(kompeten: pd.DataFrame, credited: pd.DataFrame, offices: dict[str, Office],
                               partners: pd.Series | None = None) -> pd.Series:
    """``kompeten``'s certificate keys, each province re-report's pointing at a certificate of
    ``fact_certification``. One known by its number shares the regency's key already; one known
    by its person (a recap without numbers, an occupation written differently) takes the key of
    that person's certificate at the jenjang from an office of the province, first in key order;
    one known by the certificate it repeats (``partners``, :func:`warehouse.headline.recap_partners`)
    takes that certificate's key."""
    keys = kompeten["certificate_key"]
    stray = kompeten.index.difference(credited.index)
    stray = stray[~_is_in(keys[stray], credited["certificate_key"])]
    if stray.empty:
        return keys
    match = ["person_key", "jenjang", "_province"]
    local = credited.assign(_province=credited["region_code"].str[:2]).sort_values("certificate_key", kind="stable")
    local = local.drop_duplicates(match)[match + ["certificate_key"]]
    province_of = {office.id: office.region_code[:2] for office in offices.values()}
    wanted = kompeten.loc[stray, ["person_key", "jenjang", "office_id"]]
    wanted = wanted.assign(_province=wanted["office_id"].map(province_of)).reset_index(names="_row")
    found = wanted.merge(local, on=match, how="inner").set_index("_row")["certificate_key"]
    keys = keys.copy()
    keys[found.index] = found
    if partners is not None and len(partners):
        rest = stray.difference(found.index).intersection(partners.index)
        keys[rest] = credited.loc[partners[rest].to_numpy(), "certificate_key"].to_numpy()
    return keys


def _positions(values: pd.Series, among: pd.Index) -> np.ndarray:
    """Each value's position in ``among`` (distinct values), -1 where absent: pyarrow's hash lookup."""
    found = pc.index_in(pa.array(values, type=pa.string(), from_pandas=True),
                        value_set=pa.array(among, type=pa.string(), from_pandas=True))
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _is_in(values: pd.Series, among: pd.Series) -> np.ndarray:
    """Whether each value is one of ``among`` (a null is in it when ``among`` holds one).

    pyarrow's hash lookup: pandas' isin on Arrow text builds a Python scalar per value."""
    found = pc.is_in(pa.array(values, type=pa.string(), from_pandas=True),
                     value_set=pa.array(among.unique(), type=pa.string(), from_pandas=True), skip_nulls=False)
    return found.to_numpy(zero_copy_only=False).astype(bool)


def _codes(values, descending: bool = False) -> np.ndarray:
    """Integer codes that order like ``values`` (descending when asked), nulls after every value."""
    codes, uniques = pd.factorize(values, sort=True)
    codes = codes.astype(np.int64, copy=False)
    if descending:
        codes = np.where(codes >= 0, len(uniques) - 1 - codes, codes)
    return np.where(codes >= 0, codes, len(uniques))


def _year_basis(rows: pd.DataFrame) -> np.ndarray:
    """Per row, the rank of the evidence its ``_year`` rests on (rule 7): 0 the issue date, 1 the year
    its number states, 2 the program year, 3 none. A certificate's year is read from its strongest
    kind of evidence, as its validity is: a 2021 list's "dalam proses" row does not pull back the
    year of a certificate whose issue date, reported the next year, is 2022."""
    basis = np.full(len(rows), 3, dtype=np.int64)
    for rank, column in ((2, "tahun"), (1, "_number_year"), (0, "tanggal_terbit")):
        basis[rows[column].notna().to_numpy(dtype=bool)] = rank
    return basis


def _first_per_group(group: np.ndarray, *keys: np.ndarray) -> np.ndarray:
    """Per group number (0..n-1, every one present), the position of its first row when the rows are
    ordered by ``keys`` (most significant first) and then by position: a stable sort's first row."""
    order = np.lexsort((np.arange(len(group)), *reversed(keys), group))
    ordered = group[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    return order[first]


def _office_ids(kompeten: pd.DataFrame, keys: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    """Per certificate of ``keys``, the offices that reported it (sorted, joined with ";"), and its rows.

    A Python join per group would cost seconds at a million certificates.
    """
    certificate, certificates = pd.factorize(kompeten["certificate_key"], sort=True)
    office, office_ids = pd.factorize(kompeten["office_id"], sort=True)
    width = max(len(office_ids), 1)
    pairs = np.unique(certificate.astype(np.int64) * width + office)
    owner, office = pairs // width, pairs % width
    starts = np.searchsorted(owner, np.arange(len(certificates) + 1))
    # each certificate's offices as one Arrow list, joined in C
    lists = pa.ListArray.from_arrays(pa.array(starts, type=pa.int32()),
                                     pa.array(office_ids, type=pa.string()).take(pa.array(office)))
    joined = pc.binary_join(lists, ";").to_numpy(zero_copy_only=False)
    at = _positions(pd.Series(keys), certificates)
    return joined[at], np.bincount(certificate, minlength=len(certificates))[at]


def build_fact_certification(
    kompeten: pd.DataFrame, credited: pd.DataFrame, offices: dict[str, Office], publish_date: date
) -> pd.DataFrame:
    """One row per distinct certificate; ``kompeten``/``credited`` carry ``certificate_key``.

    Per-certificate figures are computed over certificate numbers (factorized keys) with numpy,
    not by sorting and grouping the key text."""
    columns = [c.name for c in schema.fact_certification.columns]
    if credited.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    level = {o.id: o.level for o in offices.values()}
    rows = credited
    validity = certificate_validity(rows, publish_date)
    active = validity["status"].eq(ACTIVE).to_numpy(dtype=bool)
    unknown = validity["status"].eq(UNKNOWN).to_numpy(dtype=bool)
    province_office = map_distinct(rows["office_id"], level.get).eq("province").to_numpy(dtype=bool)
    certificate, keys = pd.factorize(rows["certificate_key"], sort=True)
    certificate = certificate.astype(np.int64, copy=False)
    n = len(keys)

    # The row that speaks for the certificate: regency/city over province, then the earliest.
    primary = _first_per_group(certificate, province_office.astype(np.int64), _codes(rows["_year"]),
                               _codes(rows["office_id"]), _codes(rows["source_file"]),
                               _codes(rows["source_sheet"]), _codes(rows["source_row"]))
    cert = pd.DataFrame(index=pd.Index(keys, name="certificate_key"))
    for column in ("person_key", "jabatan_kerja", "jenjang", "office_id", "region_code"):
        cert[column] = rows[column].array.take(primary)
    cert["has_number"] = np.bincount(certificate, weights=rows["nomor_sertifikat"].notna().to_numpy(dtype=bool),
                                     minlength=n) > 0
    cert["tanggal_terbit"] = rows["tanggal_terbit"].groupby(certificate, sort=True).min().array
    cert["masa_berlaku"] = rows["masa_berlaku"].groupby(certificate, sort=True).max().array
    # As the headline counts a person: active if any row is, else unknown (null) if any
    # row's validity is unknown, else expired.
    any_active = pd.Series(np.bincount(certificate, weights=active, minlength=n) > 0, index=cert.index)
    any_unknown = pd.Series(np.bincount(certificate, weights=unknown, minlength=n) > 0, index=cert.index)
    cert["active"] = any_active.astype("boolean").mask(~any_active & any_unknown)
    cert["certification_year"] = rows["_year"].array.take(
        _first_per_group(certificate, _year_basis(rows), _codes(rows["_year"])))
    rank = map_distinct(validity["expires_on_basis"], EXPIRY_BASIS_RANK.get)
    latest = _first_per_group(certificate, _codes(validity["expires_on"], descending=True), _codes(rank.astype("Int64")))
    cert["expires_on"] = validity["expires_on"].array.take(latest)
    cert["expires_on_basis"] = validity["expires_on_basis"].array.take(latest)
    # Every office that reported it, province re-reports included; every row behind it.
    cert["office_ids"], cert["reports"] = _office_ids(kompeten, keys)

    frame = cert.reset_index()
    frame["province_code"] = frame["region_code"].str[:2]
    frame["kualifikasi"] = _kualifikasi(frame["jenjang"])
    frame["jenjang"] = frame["jenjang"].astype("Int64")
    frame["certification_year"] = frame["certification_year"].astype("Int64")
    frame["reports"] = frame["reports"].astype("int64")
    frame["office_ids"] = frame["office_ids"].astype("str")
    frame["expires_on_basis"] = frame["expires_on_basis"].astype("str")
    frame["active"] = frame["active"].astype("boolean")
    for column in ("tanggal_terbit", "masa_berlaku", "expires_on"):
        frame[column] = frame[column].astype("datetime64[ms]")
    return _sorted(frame, "fact_certification")


# --------------------------------------------------------------------------- aggregates


def build_by_province(credited: pd.DataFrame, publish_date: date) -> pd.DataFrame:
    """Distinct persons per province and jenjang: two regencies of one province count once."""
    certified = credited[credited["jenjang"].notna()].assign(province_code=lambda f: f["region_code"].str[:2])
    table = count_persons(certified, ["province_code", "jenjang"], publish_date)
    reference = regions()
    table["province_name"] = table["province_code"].map(lambda code: reference[code].name).astype("str")
    table["jenjang"] = table["jenjang"].astype("int64")
    table["kualifikasi"] = _kualifikasi(table["jenjang"])
    return _sorted(table, "certified_workers_by_province")


def build_by_region_kualifikasi(credited: pd.DataFrame, publish_date: date) -> pd.DataFrame:
    """Distinct persons per credited region and kualifikasi."""
    certified = credited[credited["jenjang"].notna()].assign(kualifikasi=lambda f: _kualifikasi(f["jenjang"]))
    table = count_persons(certified, ["region_code", "kualifikasi"], publish_date)
    reference = regions()
    table["province_code"] = table["region_code"].str[:2]
    table["region_name"] = table["region_code"].map(lambda code: reference[code].name).astype("str")
    return _sorted(table, "certified_workers_by_region_kualifikasi")


def build_yearly(credited: pd.DataFrame, certification: pd.DataFrame) -> pd.DataFrame:
    """Certificates, persons and first-time persons per credited region, certification year and jenjang.

    A certificate's year is its ``fact_certification.certification_year``;
    certificates without any year are left out here (they count in the headline).
    """
    counted = credited[credited["jenjang"].notna()]
    # persons and certificates as numbers: distinct counts over integers, not key text
    at = _positions(counted["certificate_key"], pd.Index(certification["certificate_key"]))
    years = certification["certification_year"].astype("Int64").array
    rows = pd.DataFrame({
        "region_code": counted["region_code"].array,
        "jenjang": counted["jenjang"].array,
        "person": pd.factorize(counted["person_key"])[0],
        "certificate": pd.factorize(counted["certificate_key"])[0],
        "certification_year": years.take(at, allow_fill=True),
    })
    rows = rows[rows["certification_year"].notna()]
    keys = ["region_code", "certification_year", "jenjang"]
    table = rows.groupby(keys, sort=True).agg(
        certificates=("certificate", "nunique"), certified_persons=("person", "nunique")
    )
    first = rows.groupby(["region_code", "jenjang", "person"])["certification_year"].min().rename("certification_year").reset_index()
    new = first.groupby(keys).size().rename("new_persons")
    table = table.join(new, how="left").fillna({"new_persons": 0}).reset_index()
    reference = regions()
    table["province_code"] = table["region_code"].str[:2]
    table["region_name"] = table["region_code"].map(lambda code: reference[code].name).astype("str")
    table["jenjang"] = table["jenjang"].astype("int64")
    table["certification_year"] = table["certification_year"].astype("int64")
    table["kualifikasi"] = _kualifikasi(table["jenjang"])
    for column in ("certificates", "certified_persons", "new_persons"):
        table[column] = table[column].astype("int64")
    return _sorted(table, "certified_workers_by_region_level_yearly")


# --------------------------------------------------------------------------- targets


def _year_end(year: int) -> date:
    return date(year, 12, 31)


def _elapsed(start: date, end: date, on: date) -> float:
    """Share of the period (start, end] elapsed on ``on``, clipped to 0..1."""
    total = (end - start).days
    return min(max((on - start).days / total, 0.0), 1.0) if total > 0 else 1.0


def _measure(target: Target, office: Office, participation: pd.DataFrame, credited: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The rows a target's metric counts distinct persons in, and the year column to filter on."""
    if target.metric == "certified_persons":
        return credited[credited["office_id"] == office.id], "_year"
    # "participants" (the registry admits no other metric)
    mine = participation[(participation["office_id"] == office.id) & ~participation["re_report"]]
    return mine, "tahun"


def build_target_progress(
    offices: dict[str, Office], participation: pd.DataFrame, credited: pd.DataFrame, publish_date: date
) -> pd.DataFrame:
    """Each registry target against the measured figure on the publish date.

    Metrics (distinct persons, the office's own rows):

    * ``certified_persons``: persons whose certificate is credited to the office;
      per_year counts the persons with a certification year equal to the target year;
      growth compares everything up to the publish date with the end of the baseline
      year (persons without any year count in the baseline);
    * ``participants``: persons in the office's rows with that program year (a
      province's re-reports of its regencies' certificates left out).
    """
    reference = regions()
    records = []
    for office in offices.values():
        for target in office.targets:
            rows, year_column = _measure(target, office, participation, credited)
            base = {
                "office_id": office.id,
                "office_name": office.name,
                "province_code": office.province_code,
                "region_code": office.region_code,
                "region_name": reference[office.region_code].name,
                "metric": target.metric,
                "kind": target.kind,
                "note": target.note,
                "source": target.source,
                "measured_on": publish_date,
            }
            if isinstance(target, PerYearTarget):
                records += [{**base, **measured}
                            for measured in _per_year_progress(target, rows, year_column, publish_date)]
            else:
                records.append({**base, **_growth_progress(target, rows, year_column, publish_date)})
    return _sorted(_target_progress_frame(records), "target_progress")


def _per_year_progress(target: PerYearTarget, rows: pd.DataFrame, year_column: str, publish_date: date) -> list[dict]:
    """One row per target year: the persons of that year against the yearly goal.

    A target without a year applies to every year from the first one seen (or this
    year) up to the publish year, so an office's history shows beside this year's pace.
    """
    if target.year is not None:
        years = [target.year]
    else:
        seen = rows[year_column].dropna()
        first = int(seen.min()) if len(seen) else publish_date.year
        years = list(range(min(first, publish_date.year), publish_date.year + 1))
    goal = float(target.value)
    progress = []
    for year in years:
        measured = int(rows.loc[rows[year_column] == year, "person_key"].nunique())
        expected = _elapsed(date(year - 1, 12, 31), _year_end(year), publish_date)
        if measured >= goal:
            status = "met"
        elif year > publish_date.year:
            status = "not_started"
        elif year < publish_date.year:
            status = "missed"
        else:
            status = "on_track" if measured >= goal * expected else "behind"
        progress.append({"target_year": year, "baseline_year": None, "baseline_value": None,
                         "target_growth": None, "target_value": goal, "measured_value": measured,
                         "progress": measured / goal if goal else None,
                         "expected_progress": expected, "status": status})
    return progress


def _growth_progress(target: GrowthTarget, rows: pd.DataFrame, year_column: str, publish_date: date) -> dict:
    """Growth from the end of the baseline year to the target year, as a share of the growth asked.

    Until the baseline year is over its figure can still move, so the target is
    "baseline_open" rather than judged.
    """
    baseline_year, target_year = target.baseline_year, target.target_year
    growth = float(target.value)
    in_baseline = rows[year_column].isna() | (rows[year_column] <= baseline_year)
    baseline = int(rows.loc[in_baseline.to_numpy(dtype=bool), "person_key"].nunique())
    measured = int(rows["person_key"].nunique())
    goal = baseline * (1 + growth)
    expected = _elapsed(_year_end(baseline_year), _year_end(target_year), publish_date)
    progress = (measured - baseline) / (goal - baseline) if goal > baseline else None
    if publish_date <= _year_end(baseline_year):
        status = "baseline_open"
    elif baseline and measured >= goal:
        status = "met"
    elif publish_date > _year_end(target_year):
        status = "missed"
    else:
        status = "on_track" if progress is not None and progress >= expected else "behind"
    return {"target_year": target_year, "baseline_year": baseline_year, "baseline_value": baseline,
            "target_growth": growth, "target_value": goal, "measured_value": measured,
            "progress": progress, "expected_progress": expected, "status": status}


def _target_progress_frame(records: list[dict]) -> pd.DataFrame:
    """The records in the published column order and types (nullable where a kind has no value)."""
    columns = [c.name for c in schema.target_progress.columns]
    frame = pd.DataFrame(records, columns=columns)
    for column in ("target_year", "baseline_year", "baseline_value", "measured_value"):
        frame[column] = frame[column].astype("Int64")
    for column in ("target_growth", "target_value", "progress", "expected_progress"):
        frame[column] = frame[column].astype("Float64")
    for column in ("note", "source"):
        frame[column] = frame[column].astype("str")
    frame["measured_on"] = pd.to_datetime(frame["measured_on"]).astype("datetime64[ms]")
    return frame


# --------------------------------------------------------------------------- entry point


def _rows_in_fact_order(linked: pd.DataFrame, offices: dict[str, Office], publish_date: date) -> pd.DataFrame:
    """The prepared rows in fact_participation's order, whatever order the input came in; every office registered."""
    rows = _prepare(linked, publish_date)
    unknown = sorted(set(rows["office_id"].dropna().unique()) - set(offices))
    if unknown:
        raise ValueError(f"rows from offices missing in the registry: {unknown}")
    # fact_participation's own order, so that table needs no sort of its own.
    # (sort_values(kind="stable", na_position="first") over integer codes of each column)
    provenance = list(schema.fact_participation.info["order_by"])
    order = [pd.factorize(rows[column], sort=True)[0] for column in (*provenance, "person_key")]
    return rows.take(np.lexsort((np.arange(len(rows)), *reversed(order)))).reset_index(drop=True)


def _keyed_certificates(rows: pd.DataFrame, offices: dict[str, Office], publish_date: date,
                        secret: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """The Kompeten rows with their certificate key, the credited certificates, and which rows re-report one.

    A recap row joined to the person it re-reports takes that person's key, in ``rows``
    too (the only change made to ``rows``). A re-report is keyed to the local certificate.
    """
    # The counting rules and certificates never read names, program text or flags: the
    # Kompeten rows are taken without them (fact_participation keeps them, from rows).
    kompeten = rows.drop(columns=[c for c in _NOT_COUNTED if c in rows.columns])
    kompeten = kompeten[kompeten["hasil"] == KOMPETEN]
    credited, partners = credited_with_recap_partners(kompeten, offices)
    joined = recap_rows_joined(rows, partners)
    if len(joined):
        rows.loc[joined.index, "person_key"] = joined
        kompeten.loc[joined.index, "person_key"] = joined
    # credited holds its own copy of the rows it needs; what the certificate keys still read
    # of the Kompeten rows is a few columns (the rest is freed).
    kompeten = kompeten[["person_key", "jenjang", "jabatan_kerja", "nomor_sertifikat", "_year", "office_id"]]
    kompeten["certificate_key"] = certificate_keys(kompeten, credited, secret)
    credited = with_validity(credited.assign(certificate_key=kompeten.loc[credited.index, "certificate_key"]), publish_date)
    re_report = pd.Series(False, index=rows.index)
    re_report[kompeten.index.difference(credited.index)] = True
    kompeten["certificate_key"] = _re_reports_keyed_to_local(kompeten, credited, offices, partners)
    return kompeten, credited, re_report


def _participation(rows: pd.DataFrame, kompeten: pd.DataFrame, re_report: pd.Series, office_frame: pd.DataFrame,
                   person: pd.DataFrame, person_number: np.ndarray) -> pd.DataFrame:
    """The rows with fact_participation's derived columns added (in place): certificate, re-report, regions.

    ``person_number`` is each row's place in dim_person (:func:`_person_codes`).
    """
    participation = rows
    participation["certificate_key"] = kompeten["certificate_key"].reindex(rows.index).astype("str")
    participation["re_report"] = re_report
    region_of = dict(zip(office_frame["office_id"], office_frame["region_code"]))
    participation["region_code"] = map_distinct(participation["office_id"], region_of.get).astype("str")
    participation["province_code"] = participation["region_code"].str[:2]
    # Every row's person is in dim_person, whose rows are in person-number order.
    for column in ("home_regency_code", "home_province_code"):
        participation[column] = pd.Series(person[column].to_numpy()[person_number], index=participation.index).astype("str")
    return participation


def build_star(
    linked: pd.DataFrame, offices: dict[str, Office], publish_date: date, person_key_secret: str
) -> dict[str, pd.DataFrame]:
    """Every star-schema table (``schema.STAR_TABLES``) from linked participation rows.

    ``linked`` holds the standardized columns plus ``person_key`` (one row per
    accepted input row, all offices). ``person_key_secret`` keys ``nik_hash`` and
    ``certificate_key``. Deterministic: the same rows in any order give the same
    frames. Office-provided text is fenced by the caller (``publish_candidate``). A caller
    that passes its only reference to ``linked`` gets that memory back once the rows are
    sorted (they are copied then), not after the last table.
    """
    if not person_key_secret:
        raise ValueError("person key secret is empty: set PERSON_KEY_SECRET")
    rows = _rows_in_fact_order(linked, offices, publish_date)
    del linked
    kompeten, credited, re_report = _keyed_certificates(rows, offices, publish_date, person_key_secret)
    person_codes = _person_codes(rows)

    certification = build_fact_certification(kompeten, credited, offices, publish_date)
    person = build_dim_person(rows, person_key_secret, publish_date, certification, person_codes)
    office_frame = _office_frame(offices)
    # rows is not read again: its columns become the fact table's
    participation = _participation(rows, kompeten, re_report, office_frame, person, person_codes[0])

    headline = headline_table(credited, publish_date)
    # Already in fact_participation's order_by (the rows' sort above); a stable sort would keep it.
    facts = participation[[column.name for column in schema.fact_participation.columns]].reset_index(drop=True)
    return {
        "dim_region": build_dim_region(),
        "dim_office": _sorted(office_frame, "dim_office"),
        "dim_person": person,
        "fact_participation": facts,
        "fact_certification": certification,
        "certified_workers_by_region_level": _sorted(headline, "certified_workers_by_region_level"),
        "certified_workers_by_region_level_yearly": build_yearly(credited, certification),
        "certified_workers_by_province": build_by_province(credited, publish_date),
        "certified_workers_by_region_kualifikasi": build_by_region_kualifikasi(credited, publish_date),
        "target_progress": build_target_progress(offices, participation, credited, publish_date),
    }
