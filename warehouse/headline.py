"""The headline table: distinct certified workers per region and jenjang.

Counting contract (analysts and later stages rely on it; see docs/warehouse.md):

* a row counts as certified when its assessment result is Kompeten; a missing
  certificate number does not undo that;
* a certificate is credited to the region of the office that reported it: the
  regency/city code ("64.08") for a regency or city office, the two-digit
  province code ("64") for a province office;
* the same certificate (same registration number) reported by a regency/city
  office and again by its province counts once, under the regency/city; so
  does a province row without that number whose person the regency/city
  certified at the same jenjang, or (a recap whose row linkage could not tie to
  its person: no NIK, no birth date, a shortened name) that states the
  regency's certificate: same jenjang, jabatan kerja and year, a name that
  agrees, nothing that says another person (:func:`recap_partners`);
* a person counts once per (region, jenjang) however many rows, files, programs
  or certificates they have there;
* ``active_persons``: persons with at least one certificate in that cell valid on
  the publish date; ``active_unknown_persons``: persons with none known valid and
  at least one whose validity is unknown; every other person of the cell holds
  only expired certificates. So ``certified_persons = active_persons +
  active_unknown_persons + expired persons``, exactly. Validity is decided once,
  by :func:`standardize.validity.certificate_validity`: ``masa_berlaku``, else
  the expiry the issue date implies, else the year of issue the registration
  number states, else the program year (valid to the end of year + 4, unknown in year + 5), else
  unknown; a certificate reported several times on the strongest of its reports' evidence
  (:func:`pooled_per_certificate`).
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reference import regions
from sources.registry import Office
from standardize.levels import kualifikasi_for
from standardize.validity import (
    ACTIVE,
    EXPIRED,
    EXPIRY_BASES,
    UNKNOWN,
    certificate_validity as _certificate_validity,
    expected_expiry,
)

HEADLINE_COLUMNS = (
    "province_code",
    "region_code",
    "region_name",
    "jenjang",
    "kualifikasi",
    "certified_persons",
    "active_persons",
    "active_unknown_persons",
)
# The person counts every aggregate with active persons carries, in this order.
PERSON_COUNTS = ("certified_persons", "active_persons", "active_unknown_persons")


def credited_certifications(participations: pd.DataFrame, offices: dict[str, Office]) -> pd.DataFrame:
    """Certified rows with the region they are credited to, province re-reports removed.

    Returns the Kompeten rows with ``region_code`` and ``office_level`` added.
    """
    return credited_with_recap_partners(participations, offices)[0]


def credited_with_recap_partners(participations: pd.DataFrame,
                                 offices: dict[str, Office]) -> tuple[pd.DataFrame, pd.Series]:
    """:func:`credited_certifications`, and the re-reports found by :func:`recap_partners`
    (province row index -> index of the regency/city row it repeats), whose certificate
    is the regency's although linkage gave the two rows two persons."""
    certified = participations[participations["hasil"] == "Kompeten"]  # copy-on-write: no deep copy
    office_ids = certified["office_id"].astype("category")  # a few hundred offices over a million rows
    certified["region_code"] = office_ids.map({o.id: o.region_code for o in offices.values()}).astype("str")
    certified["office_level"] = office_ids.map({o.id: o.level for o in offices.values()}).astype("str")
    unknown = certified["region_code"].isna()
    if unknown.any():
        missing = sorted(certified.loc[unknown, "office_id"].unique())
        raise ValueError(f"rows from offices missing in the registry: {missing}")

    # A province that re-reports its regencies' certificates must not count them
    # again: drop a province row whose registration number a regency/city office
    # of the same province also reported, or (recaps often carry no number) whose
    # person a regency/city office of the province certified at the same jenjang.
    is_province = (certified["office_level"] == "province").to_numpy()
    numbered = certified["nomor_sertifikat"].notna()
    is_province_row = numbered & is_province
    in_province = certified["nomor_sertifikat"].astype("str") + "|" + certified["region_code"].str[:2]
    local = in_province[numbered & ~is_province_row]
    # pyarrow's is_in: pandas' isin on Arrow text builds a scalar per value of the set.
    reported_locally = pc.is_in(pa.array(in_province, from_pandas=True),
                                value_set=pa.array(local.dropna().unique(), type=pa.string()))
    re_reported = is_province_row & reported_locally.to_numpy(zero_copy_only=False)
    re_reported |= _person_certified_locally(certified, is_province)
    re_reported = np.array(re_reported, dtype=bool)
    partners = recap_partners(certified, is_province & ~re_reported, re_reported)
    re_reported[certified.index.get_indexer(partners.index)] = True
    in_recaps = recap_file_partners(certified, is_province, re_reported, partners.to_numpy())
    if len(in_recaps):
        re_reported[certified.index.get_indexer(in_recaps.index)] = True
        partners = pd.concat([partners, in_recaps])
    return certified[~re_reported], partners


def _person_certified_locally(certified: pd.DataFrame, is_province: np.ndarray) -> np.ndarray:
    """Whether each province row's person holds the same certificate from a regency/city office
    of the province: same person, same jenjang, and neither the certificate numbers, the
    jabatan kerja nor the validity the rows' own dates state differ where both rows state them
    (a different number, occupation or validity is a second certificate, credited to the
    province: :func:`_expiries_differ`)."""
    found = np.zeros(len(certified), dtype=bool)
    if "person_key" not in certified.columns or not is_province.any() or is_province.all():
        return found
    columns = [c for c in ("person_key", "jenjang", "region_code", "nomor_sertifikat", "jabatan_kerja") if c in certified.columns]
    frame = certified[columns].reset_index(drop=True)
    frame["province"] = frame["region_code"].str[:2]
    frame["stated_expiry"] = _stated_expiry(certified).to_numpy()
    if "jabatan_kerja" in frame.columns:
        frame["jabatan_kerja"] = pd.array(_normalized_jabatan(frame["jabatan_kerja"]), dtype="string")
    keys = ["person_key", "jenjang", "province"]
    province_rows = frame[is_province].dropna(subset=keys).reset_index(names="position")
    local_rows = frame[~is_province].dropna(subset=keys)
    pairs = province_rows.merge(local_rows, on=keys, suffixes=("", "_local"))
    if pairs.empty:
        return found
    same = pd.Series(True, index=pairs.index)
    # One person at one jenjang: a recap's clerk may shorten the number ("00101") or write the
    # jabatan another way ("Operator Ekskavator", "Surveyor"); only a number or a jabatan that
    # cannot be the regency's says another certificate (numbers_agree, jabatan_agree).
    for column, agree in (("nomor_sertifikat", restated_numbers_agree), ("jabatan_kerja", jabatan_agree)):
        if column in frame.columns:
            mine, theirs = pairs[column].astype("string"), pairs[f"{column}_local"].astype("string")
            same &= _pairs_agree(mine, theirs, agree)
    same &= ~_expiries_differ(pairs["stated_expiry"], pairs["stated_expiry_local"])
    found[pairs.loc[same, "position"].to_numpy(dtype=np.int64)] = True
    return found


def _pairs_agree(mine: pd.Series, theirs: pd.Series, agree) -> np.ndarray:
    """Per pair, True where either side is missing, both are equal, or ``agree(mine, theirs)``
    (asked once per distinct pair of values that differ)."""
    out = (mine.isna() | theirs.isna() | (mine == theirs)).fillna(True).to_numpy(dtype=bool)
    ask = np.flatnonzero(~out)
    if len(ask):
        a = mine.to_numpy(dtype=object, na_value=None)[ask]
        b = theirs.to_numpy(dtype=object, na_value=None)[ask]
        judged = {pair: agree(*pair) for pair in set(zip(a, b))}
        out[ask] = [judged[pair] for pair in zip(a, b)]
    return out


_DIGIT_RUNS = re.compile(r"[0-9]+")
# A serial shorter than this names nothing: "7" fits a hundred numbers of one regency and year.
MIN_SERIAL_DIGITS = 3


def _is_year(run: str) -> bool:
    return len(run) == 4 and run[:2] in ("19", "20")


def _serial_and_rest(number: str) -> tuple[str | None, list[str]]:
    """A registration number's serial (its last digit run that is no year; the only run of a
    number of one) and its other digit runs (region, issuer, year)."""
    runs = _DIGIT_RUNS.findall(number)
    if len(runs) <= 1:
        return (runs[0] if runs else None), []
    serial = next((i for i in range(len(runs) - 1, -1, -1) if not _is_year(runs[i])), None)
    if serial is None:
        return None, runs
    return runs[serial], runs[:serial] + runs[serial + 1:]


def numbers_agree(a: str, b: str) -> bool:
    """Whether two registration numbers, written for ONE person's certificate at ONE jenjang, can
    be the same certificate: the same digits ("8271-2024-00102" / "SKK.8271.2024.00102"), or one
    a shortened form of the other: its serial is the other's (leading zeros aside, three digits or
    more: "00101", "101" for "SKK-8271-2024-00101") and each of its other digit runs is one of the
    other's ("No. 00101/SKK/2024": the year 2024).

    Serials restart per issuer and year (BNSP's Pedoman Penerbitan Sertifikat Kompetensi,
    "Kodifikasi/Penomoran"; the regency and year segments of an SKK number), so a serial alone
    names nobody's certificate across persons: callers pair rows of one person and jenjang only.
    Two full numbers with another serial or another year are two certificates.
    """
    if not isinstance(a, str) or not isinstance(b, str):
        return True
    if a == b or "".join(_DIGIT_RUNS.findall(a)) == "".join(_DIGIT_RUNS.findall(b)):
        return True
    runs_a, runs_b = _DIGIT_RUNS.findall(a), _DIGIT_RUNS.findall(b)
    if not runs_a or not runs_b:
        return False
    (short, short_runs), (long, long_runs) = sorted(((a, runs_a), (b, runs_b)),
                                                    key=lambda n: (len(n[1]), sum(map(len, n[1]))))
    if len(short_runs) == len(long_runs) >= 2:
        return False  # two numbers of one shape that differ: two certificates
    serial, rest = _serial_and_rest(short)
    if serial is None or len(serial) < MIN_SERIAL_DIGITS or not serial.strip("0"):
        return False
    long_serial, long_rest = _serial_and_rest(long)
    if long_serial is not None and long_rest and int(long_serial) == int(serial):
        left = [int(r) for r in long_rest]
        for run in rest:
            if int(run) not in left:
                return False
            left.remove(int(run))
        return True
    # one run of digits (spaces closed up: "SKK7402202400101"): the serial ends it
    whole = long_serial if long_serial is not None and not long_rest else None
    if whole and len(whole) > len(serial) and whole.endswith(serial):
        head = whole[:-len(serial)]
        return all(run in head for run in rest)
    return False


def restated_numbers_agree(a: str, b: str) -> bool:
    """:func:`numbers_agree`, or one a serial of one or two digits that is the other's serial with
    the leading zeros a spreadsheet drops from a number cell ("11" for "SKK-8203-2025-00011").

    Such a serial names nothing by itself (:data:`MIN_SERIAL_DIGITS`): callers ask it only of two
    rows that already state one certificate without it (one person, or a name that agrees, at one
    jenjang, jabatan kerja and year), where a missing number would not stand in the way either. It
    only keeps a serial equal to the regency's from vetoing the pair; any other short serial still
    says another certificate.
    """
    if numbers_agree(a, b):
        return True
    for short, long in ((a, b), (b, a)):
        if short.strip().isdigit() and len(short.strip()) < MIN_SERIAL_DIGITS and short.strip("0 "):
            long_serial, long_rest = _serial_and_rest(long)
            if (long_serial is not None and long_rest and len(long_serial) >= MIN_SERIAL_DIGITS
                    and long_serial.lstrip("0") == short.strip().lstrip("0")):
                return True
    return False


# The roles a jabatan kerja starts with; a jabatan naming only a machine ("Motor Grader", "Wheel
# Loader") is its operator's.
_MACHINE_WORDS = frozenset({"excavator", "bulldozer", "grader", "loader", "crane", "backhoe", "compactor",
                            "roller", "forklift", "truck", "finisher", "stamper", "vibro", "paver", "dozer"})
# Roles whose jabatan may drop one qualifier word: "Operator Loader" for Operator Wheel Loader,
# "Operator Grader" for Operator Motor Grader, "Tukang Besi" for Tukang Besi Beton. An expert's or
# a supervisor's extra word names another field ("Ahli Muda Teknik Jalan Rel"): never dropped.
_QUALIFIED_ROLES = frozenset({"operator", "tukang"})
# A word shorter than this may be another word one letter off ("batu", "baku").
MIN_TYPO_WORD = 5


def jabatan_agree(a: str, b: str) -> bool:
    """Whether two jabatan kerja (as :func:`normalized_jabatan` writes them), written for ONE
    person's certificate at ONE jenjang, can be one jabatan: equal; a machine without its role
    ("motor grader" / "operator grader"); an operator's or a tukang's jabatan without one qualifier
    word ("operator loader" / "operator wheel loader", "tukang besi" / "tukang besi beton"); or one
    word of five letters or more one typo apart ("pekerjan" / "pekerjaan").

    Two jabatan of one person at one jenjang that are none of these ("Operator Excavator" /
    "Operator Bulldozer", "Mandor Pekerjaan Tanah" / "Mandor Pekerjaan Jalan") are two
    certificates (rule 6).
    """
    from rapidfuzz.distance import DamerauLevenshtein

    if not isinstance(a, str) or not isinstance(b, str) or a == b:
        return True
    x, y = a.split(), b.split()
    if not x or not y:
        return False
    for one, other in ((x, y), (y, x)):
        if one[0] == "operator" and other[0] != "operator" and _MACHINE_WORDS.intersection(other):
            other.insert(0, "operator")
    if x == y:
        return True
    if abs(len(x) - len(y)) == 1 and x[0] == y[0] and x[0] in _QUALIFIED_ROLES:
        short, long = (x, y) if len(x) < len(y) else (y, x)
        if len(short) >= 2:
            rest = iter(long)
            return all(word in rest for word in short)
        return False
    if len(x) == len(y):
        differ = [(p, q) for p, q in zip(x, y) if p != q]
        return (len(differ) == 1 and min(len(differ[0][0]), len(differ[0][1])) >= MIN_TYPO_WORD
                and DamerauLevenshtein.distance(*differ[0], score_cutoff=1) <= 1)
    return False


# Stated validities this far apart are two certificates: one certificate's issue date and its
# expiry the day before five years on, or a recap's date weeks off the issue, stay well within.
DIFFERENT_CERTIFICATE_DAYS = 366


def _stated_expiry(certified: pd.DataFrame) -> pd.Series:
    """Per row, the expiry its own dates state: ``masa_berlaku``, else the one ``tanggal_terbit``
    implies (five years; 31 December 2022 for the old scheme). NaT when neither is written: a
    program year or a recap's year is no date of the certificate."""
    def dates(name: str) -> pd.Series:
        if name not in certified.columns:
            return pd.Series(pd.NaT, index=certified.index, dtype="datetime64[ms]")
        return pd.to_datetime(certified[name], errors="coerce").astype("datetime64[ms]")

    return dates("masa_berlaku").fillna(expected_expiry(dates("tanggal_terbit")))


def _expiries_differ(a: pd.Series, b: pd.Series) -> np.ndarray:
    """Whether two rows' stated expiries (:func:`_stated_expiry`) say two certificates: both
    stated and :data:`DIFFERENT_CERTIFICATE_DAYS` or more apart. A worker whose regency SKT
    expired and whom the province certified anew at the same jenjang holds two certificates."""
    a = pd.to_datetime(pd.Series(np.asarray(a)), errors="coerce")
    b = pd.to_datetime(pd.Series(np.asarray(b)), errors="coerce")
    gap = (a - b).abs().dt.days
    return (gap >= DIFFERENT_CERTIFICATE_DAYS).fillna(False).to_numpy(dtype=bool)


# Columns :func:`recap_partners` compares; without any of them the rule is not applied.
RECAP_COLUMNS = ("jenjang", "jabatan_kerja", "tahun", "nama_kunci", "region_code")
# Candidate pairs of one blocking key (province, jenjang, jabatan kerja, year, name word)
# beyond which the word is too common to block on: a province of a million rows has
# thousands of "Muhammad"s at one occupation and year, and each name has other words.
MAX_RECAP_BLOCK_PAIRS = 50_000
# The same for the first-letter blocks, which only rows without a partner by a word reach.
MAX_RECAP_INITIAL_PAIRS = 2_000


def recap_partners(certified: pd.DataFrame, candidates: np.ndarray,
                   re_reported: np.ndarray | None = None) -> pd.Series:
    """For province rows that repeat a regency/city certificate linkage could not tie to its
    person, the regency/city row they repeat (index -> index of ``certified``).

    A province recap ("Rekap Kabupaten/Kota") often carries neither NIK nor birth date nor
    registration number, and shortens names ("Agus Y."), so its row is a person of its own;
    yet it states the certificate: same province, jenjang, jabatan kerja (an abbreviation such
    as "Mdr. Pekerjaan Jalan" read as the one jabatan it abbreviates) and year (any year when
    either row states none) as a regency/city row, for a name that agrees with that row's (:func:`linkage.names.names_agree`;
    or shares a word when both NIKs are one edit apart). Another person's certificate at
    the same occupation and year is told apart by what the rows say of the person: valid
    or Excel-damaged NIKs more than two edits apart, birth dates that are no typo of each
    other, different sex, or different registration numbers (a clerk's shortened number is
    not one, :func:`restated_numbers_agree`; and a jabatan written another way is compared
    within its role, :func:`jabatan_agree`, once the exact jabatan found nothing). ``candidates``: the province
    rows to look at (a boolean mask aligned with ``certified``). A row repeating several
    regency rows (namesakes, or one person's two numbers) is paired with the first.
    ``re_reported``: the province rows already found repeating a regency/city certificate by
    person or number; a recap lists a certificate once, so the regency/city rows such a row
    repeats partner no other row of its file (:func:`_rows_taken_in_files`).
    """
    empty = pd.Series(dtype=np.int64)
    candidates = np.asarray(candidates, dtype=bool)
    if not candidates.any() or candidates.all() or any(c not in certified.columns for c in RECAP_COLUMNS):
        return empty
    local = ~(certified["office_level"] == "province").to_numpy() if "office_level" in certified.columns else ~candidates
    frame = _recap_cells(certified).dropna(subset=["province", "jenjang", "jabatan", "name"])
    taken = _rows_taken_in_files(certified, re_reported)
    found = _untaken(_recap_rounds(certified, frame, candidates, local, "jabatan"), taken)
    # Then the jabatan as another clerk wrote it ("Operator Grader" for Operator Motor Grader,
    # "Pekerjan"), compared within the role it starts with: jabatan_agree on each pair.
    left = candidates.copy()
    left[found["p"].to_numpy()] = False
    found = pd.concat([found, _untaken(_recap_rounds(certified, frame.dropna(subset=["role"]), left, local, "role"),
                                       taken)])
    found = _once_per_file(certified, found)
    return pd.Series(certified.index[found["q"].to_numpy()], index=certified.index[found["p"].to_numpy()])


def _once_per_file(certified: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """One regency/city row ``q`` per province row ``p`` of ``found``, in row order the first one no
    earlier row of the same province file took: a recap lists a certificate once, so of two of its
    rows that fit one regency row ("I GEDE S." of Gianyar and of Badung) the other is another
    certificate (credited to the province, whichever of the two it is), and two rows fitting one
    person's two regency rows repeat one each."""
    file_column = next((c for c in ("source_sha256", "source_file") if c in certified.columns), None)
    found = found.sort_values(["p", "q"]).drop_duplicates()
    files = pd.factorize(certified[file_column])[0] if file_column else np.arange(len(certified))
    chosen, taken, keep = set(), set(), []
    for p, q in zip(found["p"].to_numpy(), found["q"].to_numpy()):
        keep.append(p not in chosen and (files[p], q) not in taken)
        if keep[-1]:
            chosen.add(p)
            taken.add((files[p], q))
    return found[np.array(keep, dtype=bool)]


def _rows_taken_in_files(certified: pd.DataFrame, re_reported: np.ndarray | None) -> tuple[np.ndarray, pd.DataFrame]:
    """(file code per row, pairs ``file``, ``q``): the regency/city rows (position ``q``) that a
    re-reported province row of ``file`` repeats, same person or same registration number at the
    same jenjang (k such rows take k regency rows, the first). A recap lists one certificate once:
    another of its rows is another person's (a namesake of a regency the registry has no office
    for), however well the names agree."""
    none = pd.DataFrame({"file": np.zeros(0, dtype=np.int64), "q": np.zeros(0, dtype=np.int64)})
    file_column = next((c for c in ("source_sha256", "source_file") if c in certified.columns), None)
    if re_reported is None or file_column is None or not np.asarray(re_reported).any():
        return np.full(len(certified), -1), none
    files = pd.factorize(certified[file_column])[0]
    is_province = (certified["office_level"] == "province").to_numpy()
    found = [none]
    for column in ("person_key", "nomor_sertifikat"):
        if column not in certified.columns:
            continue
        frame = pd.DataFrame({"value": certified[column].astype("string").to_numpy(),
                              "jenjang": certified["jenjang"].to_numpy(), "file": files, "q": np.arange(len(certified))})
        mine = frame[np.asarray(re_reported, dtype=bool) & is_province].dropna(subset=["value", "jenjang"])
        theirs = frame[~is_province].dropna(subset=["value", "jenjang"]).sort_values("q")
        # k rows of a file repeating one person's (or number's) certificate at a jenjang take k of its
        # regency rows, the first: the person may hold it from two regencies, the recap list both
        theirs = theirs.assign(rank=theirs.groupby(["value", "jenjang"]).cumcount())
        counts = mine.groupby(["file", "value", "jenjang"]).size().rename("k").reset_index()
        pairs = counts.merge(theirs[["value", "jenjang", "q", "rank"]], on=["value", "jenjang"])
        found.append(pairs.loc[pairs["rank"] < pairs["k"], ["file", "q"]])
    return files, pd.concat(found).drop_duplicates()


def _untaken(found: pd.DataFrame, taken: tuple[np.ndarray, pd.DataFrame]) -> pd.DataFrame:
    """The pairs (``p``, ``q``) of ``found`` whose regency/city row no other row of ``p``'s file
    already repeats (:func:`_rows_taken_in_files`)."""
    files, pairs = taken
    if pairs.empty or found.empty:
        return found
    keyed = found.assign(file=files[found["p"].to_numpy()])
    hit = keyed.merge(pairs.assign(hit=True), on=["file", "q"], how="left")["hit"].fillna(False).to_numpy(dtype=bool)
    return found[~hit]


def _recap_rounds(certified: pd.DataFrame, frame: pd.DataFrame, candidates: np.ndarray, local: np.ndarray,
                  occupation: str) -> pd.DataFrame:
    """The pairs (``p``, ``q``) :func:`_recap_pass` finds in cells of province, jenjang, the
    ``occupation`` column (``jabatan``, or ``role`` with :func:`jabatan_agree` on each pair) and
    year."""
    dated = frame["tahun"].notna().to_numpy()
    found = [_recap_pass(certified, frame[dated], candidates, local, ["province", "jenjang", occupation, "tahun"])]
    # A recap (or a regency sheet) without the year still states the certificate by occupation
    # and jenjang: a row without a year is compared with the rows of every year, the rest with
    # the rows without one.
    undated = np.zeros(len(certified), dtype=bool)
    undated[frame.loc[~dated, "position"].to_numpy()] = True
    left = candidates.copy()
    left[found[0]["p"].to_numpy()] = False
    cell = ["province", "jenjang", occupation]
    found.append(_recap_pass(certified, frame, left & undated, local, cell))
    found.append(_recap_pass(certified, frame, left & ~undated, local & undated, cell))
    return pd.concat(found)


def _recap_cells(certified: pd.DataFrame) -> pd.DataFrame:
    """What a recap row and its regency/city row are compared on, one row per certified row:
    province, jenjang, jabatan kerja (normalized), year, name key, and ``position`` (row number)."""
    jabatan = _normalized_jabatan(certified["jabatan_kerja"])
    return pd.DataFrame({
        "province": certified["region_code"].astype("str").str[:2].to_numpy(),
        "jenjang": certified["jenjang"].to_numpy(),
        "jabatan": jabatan,
        "role": _jabatan_roles(jabatan),
        "tahun": certified["tahun"].to_numpy(),
        "name": certified["nama_kunci"].astype("string").to_numpy(),
        "position": np.arange(len(certified)),
    })


def _jabatan_roles(jabatan: np.ndarray) -> np.ndarray:
    """Per normalized jabatan, the role it starts with ("operator", "tukang", "mandor"); a jabatan
    naming only a machine ("motor grader") is its operator's. Two jabatan :func:`jabatan_agree` calls
    one share it, save a typo in the role itself."""
    codes, uniques = pd.factorize(pd.Series(jabatan, dtype=object))
    roles = []
    for value in uniques:
        words = value.split()
        machine_only = words and words[0] not in _QUALIFIED_ROLES and _MACHINE_WORDS.intersection(words)
        roles.append("operator" if machine_only else (words[0] if words else None))
    return np.array(roles + [None], dtype=object)[codes]


# A province file whose rows are mostly re-reports (found by the rules above) is a recap of its
# regencies' lists: at least this share of its certified rows, and at least RECAP_FILE_MIN_ROWS.
RECAP_FILE_SHARE = 0.5
RECAP_FILE_MIN_ROWS = 3


def recap_file_partners(certified: pd.DataFrame, is_province: np.ndarray, re_reported: np.ndarray,
                        claimed: np.ndarray | None = None) -> pd.Series:
    """In a province file that is a recap (mostly re-reports already), the regency/city row each of
    its other rows repeats when two clerks kept different words of the name ("Muhammad Ilyas" /
    "Ilyas Saputra"): same cell (province, jenjang, jabatan kerja, year), a word of four letters
    or more written out in both, nothing that says two persons, and one row each way (the only
    regency row of the cell with that word, which no other row of the file claims).

    Outside such a file (a province's own program) a shared word is no evidence: "Agus Salim" and
    "Agus Santoso" are two persons. ``claimed``: index labels of regency/city rows already
    repeated (:func:`recap_partners`). Returns province row index -> regency/city row index.
    """
    empty = pd.Series(dtype=np.int64)
    file_column = next((c for c in ("source_sha256", "source_file") if c in certified.columns), None)
    if file_column is None or any(c not in certified.columns for c in RECAP_COLUMNS):
        return empty
    files = pd.factorize(certified[file_column])[0]  # integer codes: a million rows, a few thousand files
    look = _unmatched_rows_of_recap_files(files, is_province, re_reported)
    if not look.any():
        return empty

    cell = ["province", "jenjang", "jabatan", "tahun"]
    rows = _recap_cells(certified).assign(file=files).dropna(subset=cell + ["name"])
    side = rows["position"].to_numpy()
    mine = rows[look[side]]
    theirs = rows[~is_province[side]].merge(mine[cell].drop_duplicates(), on=cell)
    theirs = theirs[~_taken_local_rows(certified, is_province, re_reported, claimed)[theirs["position"].to_numpy()]]

    pairs = _pairs_by_a_word_only_one_local_row_has(mine, theirs, cell)
    if pairs.empty:
        return empty
    p, q = pairs["position"].to_numpy(), pairs["position_local"].to_numpy()
    keep = ~_persons_differ(certified, p, q)
    pairs = pairs[keep]
    # one partner each way, within the file
    pairs = pairs[pairs.groupby("position")["position_local"].transform("size") == 1]
    pairs = pairs[pairs.groupby(["file", "position_local"])["position"].transform("size") == 1]
    return pd.Series(certified.index[pairs["position_local"].to_numpy()],
                     index=certified.index[pairs["position"].to_numpy()])


def _unmatched_rows_of_recap_files(files: np.ndarray, is_province: np.ndarray, re_reported: np.ndarray) -> np.ndarray:
    """Which rows are a recap file's rows not yet found as re-reports (a mask over the rows).

    A recap file is a province file of at least RECAP_FILE_MIN_ROWS re-reports making at
    least RECAP_FILE_SHARE of its rows; ``files`` are the rows' file codes (-1: none).
    """
    frame = pd.DataFrame({"file": files[is_province], "re": re_reported[is_province]})
    share = frame[frame["file"] >= 0].groupby("file")["re"].agg(["sum", "size"])
    recaps = share.index[(share["sum"] >= RECAP_FILE_MIN_ROWS) & (share["sum"] >= RECAP_FILE_SHARE * share["size"])]
    if not len(recaps):
        return np.zeros(len(files), dtype=bool)
    is_recap = np.zeros(files.max() + 1, dtype=bool)
    is_recap[recaps.to_numpy(dtype=np.int64)] = True
    return is_province & ~re_reported & (files >= 0) & is_recap[np.maximum(files, 0)]


def _taken_local_rows(certified: pd.DataFrame, is_province: np.ndarray, re_reported: np.ndarray,
                      claimed: np.ndarray | None) -> np.ndarray:
    """Which regency/city rows another row already repeats (a mask by position): they partner no one else."""
    taken = np.zeros(len(certified), dtype=bool)
    taken[_partner_positions(certified, is_province, re_reported)] = True
    if claimed is not None and len(claimed):
        taken[certified.index.get_indexer(claimed)] = True
    return taken


def _name_words(part: pd.DataFrame) -> pd.DataFrame:
    """One row per row and distinct word of four letters or more in its name (linkage's name key), a
    Balinese title ("Wayan", "Gusti": a quarter of the island shares each) not counted."""
    from linkage.names import linkage_name_key, title_run

    codes, names = pd.factorize(part["name"])
    keys = pd.Series([title_run(linkage_name_key(n).split(" "))[1] if isinstance(n, str) else []
                      for n in names], dtype=object)
    vocab = pd.DataFrame({"code": np.arange(len(keys)), "word": keys}).explode("word")
    vocab = vocab[vocab["word"].str.len() >= 4]
    return part.assign(code=codes).merge(vocab, on="code").drop(columns="code").drop_duplicates(["position", "word"])


def _pairs_by_a_word_only_one_local_row_has(mine: pd.DataFrame, theirs: pd.DataFrame, cell: list[str]) -> pd.DataFrame:
    """Recap row and regency/city row pairs of a cell sharing a name word no other local row of the cell has.

    Common words ("Muhammad") never pair, so a million-row province makes no large blocks here.
    """
    local_words = _name_words(theirs)
    local_words = local_words[local_words.groupby(cell + ["word"])["position"].transform("size") == 1]
    pairs = _name_words(mine).merge(local_words, on=cell + ["word"], suffixes=("", "_local"))
    return pairs.drop_duplicates(["position", "position_local"])


def _partner_positions(certified: pd.DataFrame, is_province: np.ndarray, re_reported: np.ndarray) -> np.ndarray:
    """Positions of regency/city rows a province re-report already repeats by the same person or
    number: every local row of a person or registration number that has a re-reported province row."""
    local = ~is_province
    hit = np.zeros(len(certified), dtype=bool)
    for column in ("person_key", "nomor_sertifikat"):
        if column in certified.columns:
            values = certified[column]
            repeated = values[re_reported & is_province & values.notna().to_numpy(dtype=bool)].unique()
            hit |= local & values.isin(repeated).to_numpy(dtype=bool)
    return np.flatnonzero(hit)


def _recap_pass(certified: pd.DataFrame, frame: pd.DataFrame, candidates: np.ndarray, local: np.ndarray,
                cell: list[str]) -> pd.DataFrame:
    """Positions ``p`` (province row of ``candidates``) and ``q`` (``local`` row) of the re-reports
    :func:`recap_partners` finds among the rows of ``frame`` that share a ``cell``."""
    from linkage.names import linkage_name_key

    none = pd.DataFrame({"p": np.zeros(0, dtype=np.int64), "q": np.zeros(0, dtype=np.int64)})
    if not candidates.any() or not local.any():
        return none
    # Only the cells (province, jenjang, jabatan kerja, year) that hold a province row to
    # look at: most regency rows of a million are in none of them.
    wanted = frame[candidates[frame["position"].to_numpy()]]
    frame = pd.concat([wanted, frame[local[frame["position"].to_numpy()]].merge(
        wanted[cell].drop_duplicates(), on=cell)], ignore_index=True)
    codes, names = pd.factorize(frame["name"])
    keys = pd.Series([linkage_name_key(n) for n in names], dtype=object)
    frame["key"] = keys.to_numpy()[codes]
    # Blocks on a word written out (three letters or more), which names that agree share
    # unless it is misspelt; for the rows that found no partner so, on the first letter
    # ("Firman K." / "Firmon Kadir"), in smaller blocks. The words of each distinct name
    # first, then the rows of that name.
    vocabulary = pd.DataFrame({"code": np.arange(len(keys)), "word": keys.str.split(" ")}).explode("word")
    vocabulary = vocabulary[vocabulary["word"].str.len() >= 3]
    initials = pd.DataFrame({"code": np.arange(len(keys)), "word": "^" + keys.str[:1]})
    frame["code"] = codes
    found = []
    for blocks, cap in ((vocabulary, MAX_RECAP_BLOCK_PAIRS), (initials, MAX_RECAP_INITIAL_PAIRS)):
        words = frame.merge(blocks, on="code")
        side = words["position"].to_numpy()
        look = candidates[side]
        if found:
            look &= ~np.isin(side, pd.concat(found)["p"].to_numpy())
        found.append(_recap_matches(certified, words[look], words[local[side]], cell + ["word"], cap))
    return pd.concat(found)


def _recap_matches(certified: pd.DataFrame, province_words: pd.DataFrame, local_words: pd.DataFrame,
                   block: list[str], cap: int) -> pd.DataFrame:
    """Positions ``p`` (province row) and ``q`` (regency/city row) of the pairs of one blocking
    that :func:`recap_partners` accepts; blocks of more than ``cap`` pairs are left out."""
    from linkage.names import names_agree, names_related

    none = pd.DataFrame({"p": np.zeros(0, dtype=np.int64), "q": np.zeros(0, dtype=np.int64)})
    sizes = province_words.groupby(block).size().rename("n_p").to_frame().join(
        local_words.groupby(block).size().rename("n_l"), how="inner")
    usable = sizes[sizes["n_p"] * sizes["n_l"] <= cap].index
    if not len(usable):
        return none
    pairs = province_words.set_index(block).loc[lambda f: f.index.isin(usable)].reset_index().merge(
        local_words[block + ["position", "key"] + (["jabatan"] if "jabatan" not in block else [])], on=block,
        suffixes=("", "_local"))
    pairs = pairs.drop_duplicates(["position", "position_local"])
    if "jabatan" not in block and not pairs.empty:
        pairs = pairs[_pairs_agree(pairs["jabatan"].astype("string"), pairs["jabatan_local"].astype("string"),
                                   jabatan_agree)]
    if pairs.empty:
        return none
    p, q = pairs["position"].to_numpy(), pairs["position_local"].to_numpy()
    # every pair kept below has names that agree, at one jenjang, jabatan and year: a shortened
    # number ("00121", "No. 00122/SKK/2024") may be the regency's there, never across names
    keep = ~_persons_differ(certified, p, q, restated=True)
    p, q = p[keep], q[keep]
    key_p, key_q = pairs["key"].to_numpy()[keep], pairs["key_local"].to_numpy()[keep]
    near_nik = _nik_edits(certified, p, q) <= 1
    # each distinct pair of names judged once: a recap repeats a regency's names many times
    codes, unique = pd.factorize(pd.Series(key_p, dtype=object) + "|" + pd.Series(key_q, dtype=object))
    agreed = np.array([names_agree(*pair.split("|")) or _one_name_misspelt(*pair.split("|")) for pair in unique],
                      dtype=bool)
    agree = agreed[codes]
    near = np.flatnonzero(near_nik & ~agree)
    agree[near] = [names_related(a, b) for a, b in zip(key_p[near], key_q[near])]
    # Two clerks shortening different words ("M. Rizki" / "Muhammad R.") agree only loosely:
    # enough beside the same birth date.
    born = _birth_text(certified)
    same_day = np.flatnonzero(~agree & pd.notna(born[p]) & (born[p] == born[q]))
    agree[same_day] = [names_agree(a, b, loose=True) for a, b in zip(key_p[same_day], key_q[same_day])]
    agree |= _only_fit_by_titles_and_initials(certified, p, q, key_p, key_q, agree)
    return pd.DataFrame({"p": p[agree], "q": q[agree]})


def _only_fit_by_titles_and_initials(certified: pd.DataFrame, p: np.ndarray, q: np.ndarray, key_p: np.ndarray,
                                     key_q: np.ndarray, agree: np.ndarray) -> np.ndarray:
    """Which pairs (``p`` province row, ``q`` regency/city row, their name keys) repeat one certificate
    because the recap shortened a titled name to its titles and initials ("I KETUT S." for "I Ketut
    Suardika", :func:`_titles_and_initials_fit`), the regency row the only one of its cell the recap
    row fits.

    Balinese names carry one or two personal words after the title run, so such a recap leaves no
    personal word written out and :func:`linkage.names.names_agree` cannot agree; the cell (jenjang,
    jabatan kerja, year) is the other evidence, and it says nothing when two rows fit.
    """
    rest = np.flatnonzero(~agree)
    fits = agree.copy()
    written = certified["nama_kunci"].to_numpy(dtype=object)
    fits[rest] = [_titles_and_initials_fit(a, b) and not _gender_words_differ(written[i], written[j])
                  for a, b, i, j in zip(key_p[rest], key_q[rest], p[rest], q[rest])]
    if not fits[rest].any():
        return np.zeros(len(p), dtype=bool)
    persons = certified["person_key"].to_numpy(dtype=object) if "person_key" in certified.columns else None
    fitting = pd.DataFrame({"p": p[fits], "who": persons[q[fits]] if persons is not None else q[fits]})
    # one regency person per recap row (a person may hold it from two regencies); a regency row two
    # recap rows fit is repeated by one of them at most (recap_partners: _once_per_file)
    once = fitting.groupby("p")["who"].transform("nunique") == 1
    unique = np.zeros(len(p), dtype=bool)
    unique[np.flatnonzero(fits)[once.to_numpy()]] = True
    return unique & ~agree


def _gender_words_differ(a: object, b: object) -> bool:
    """Two written names opening with different Balinese gender words, I (a man) and Ni (a woman):
    linkage keys leave them out for the sex column, which a recap often lacks."""
    first = [n.split(" ", 1)[0] if isinstance(n, str) and " " in n else None for n in (a, b)]
    return all(w in ("i", "ni") for w in first) and first[0] != first[1]


def _titles_and_initials_fit(a: str, b: str) -> bool:
    """Linkage keys of one title run (:func:`linkage.names.title_run`: "ketut", "gusti ngurah putu")
    whose personal name is on one side initials only, each the first letter of the other side's word
    in the same place: "ketut s" / "ketut suardika", "gede w a" / "gede wirawan astawa"."""
    from linkage.names import title_run

    if not isinstance(a, str) or not isinstance(b, str):
        return False
    titles_a, personal_a = title_run(a.split(" "))
    titles_b, personal_b = title_run(b.split(" "))
    if not titles_a or set(titles_a) != set(titles_b) or len(personal_a) != len(personal_b):
        return False
    short, full = (personal_a, personal_b) if all(len(w) == 1 for w in personal_a) else (personal_b, personal_a)
    return all(len(s) == 1 and w.startswith(s) for s, w in zip(short, full))


def _normalized_jabatan(jabatan: pd.Series) -> np.ndarray:
    """Jabatan kerja compared case-, space- and punctuation-insensitively, a clerk's abbreviation
    ("Mdr. Pekerjaan Jalan", "Jr Ukur") read as the one jabatan of the rows it abbreviates
    (:func:`_expand_abbreviations`); normalized once per distinct value."""
    codes, uniques = pd.factorize(jabatan.astype("string"))
    words = [_spelled_alike(tuple(_JABATAN_SEPARATORS.sub(" ", u.casefold()).split())) for u in uniques]
    # A gloss in brackets ("Juru Ukur (Surveyor)", "Operator Excavator (Alat Berat)") names no other
    # jabatan than the one written without it, where that one is among the values compared and no
    # other gloss of it is ("Teknisi Laboratorium (Beton)" beside "(Tanah)": two jabatan).
    bare = set(words)
    glossed: dict[tuple[str, ...], dict[tuple[str, ...], list[int]]] = {}
    for i, u in enumerate(uniques):
        if "(" in u or "[" in u:
            unglossed = _spelled_alike(tuple(_JABATAN_SEPARATORS.sub(" ", _GLOSS.sub(" ", u).casefold()).split()))
            if unglossed and unglossed != words[i] and unglossed in bare:
                glossed.setdefault(unglossed, {}).setdefault(words[i], []).append(i)
    for unglossed, forms in glossed.items():
        if len(forms) == 1:
            for i in next(iter(forms.values())):
                words[i] = unglossed
    dotted = [frozenset(w.casefold() for w in _JABATAN_DOTTED.findall(u)) for u in uniques]
    full = _expand_abbreviations(words, dotted)
    normal = np.array([" ".join(w) for w in full] + [None], dtype=object)
    return normal[codes]  # code -1 (missing) takes the None at the end


# Public for warehouse.star, whose certificates (rule 6: person x jabatan kerja x jenjang) should
# read abbreviations and case as the counting rules do.
normalized_jabatan = _normalized_jabatan

_JABATAN_SEPARATORS = re.compile(r"[\s.,;:/()\-]+")
_GLOSS = re.compile(r"[(\[][^()\[\]]*[)\]]")
# Heavy equipment is written in English (the SKKNI's "Operator Excavator", "Operator Bulldozer") or
# as Indonesian spells the loanword ("ekskavator", "buldoser": apaya.id/profesi/operator-mesin-konstruksi,
# ilmutambang.com on operator alat berat), and clerks type either: one word for each machine.
_EQUIPMENT_SPELLINGS = {
    **dict.fromkeys(("ekskavator", "ekscavator", "exkavator", "escavator", "exavator", "excavator"), "excavator"),
    **dict.fromkeys(("buldoser", "buldozer", "bulldoser", "bulldozer"), "bulldozer"),
    **dict.fromkeys(("greder", "grader"), "grader"),
    **dict.fromkeys(("loder", "loader"), "loader"),
    # "kren", "keran": Indonesian spellings of crane
    **dict.fromkeys(("kren", "keran", "krane", "crane"), "crane"),
}
# A jabatan written by its English name, whole: the SKK certificate prints the jabatan in
# Indonesian and in English ("Okupasi" / "Occupation"), and a recap may copy either.
_JABATAN_ENGLISH = {("surveyor",): ("juru", "ukur")}
# Two words a clerk may write as one ("Back Hoe Loader", "Motor Greder").
_EQUIPMENT_JOINED = {("back", "hoe"): "backhoe"}


def _spelled_alike(words: tuple[str, ...]) -> tuple[str, ...]:
    """A jabatan's words with each machine's spelling made one (:data:`_EQUIPMENT_SPELLINGS`), an
    English name written whole read as the Indonesian one (:data:`_JABATAN_ENGLISH`)."""
    words = _JABATAN_ENGLISH.get(words, words)
    out: list[str] = []
    for word in words:
        if out and (out[-1], word) in _EQUIPMENT_JOINED:
            out[-1] = _EQUIPMENT_JOINED[(out[-1], word)]
        else:
            out.append(_EQUIPMENT_SPELLINGS.get(word, word))
    return tuple(out)
_JABATAN_DOTTED = re.compile(r"(\w+)\.")
_VOWELS = frozenset("aeiou")


def _abbreviates(short: str, word: str, dotted: bool) -> bool:
    """Can ``short`` be a clerk's abbreviation of ``word``?

    A prefix of two letters or more ("Pek." for Pekerjaan, "Lab" for Laboratorium), or the
    word's first letter followed by some of its letters in order, when written with a dot or
    without a vowel after the first letter ("Tk." for Tukang, "Mdr" for Mandor, "Jr." for
    Juru). "Cat" is no abbreviation of "Cetak": a word of its own, undotted, with a vowel.
    """
    if len(short) >= len(word) or len(short) < 2 or short[0] != word[0]:
        return False
    if word.startswith(short):
        return True
    if not dotted and _VOWELS.intersection(short[1:]):
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in short[1:])


def _expand_abbreviations(values: list[tuple[str, ...]], dotted: list[frozenset]) -> list[tuple[str, ...]]:
    """Each jabatan (its words), or the one longer jabatan among ``values`` it abbreviates word by
    word (same number of words, each equal or :func:`_abbreviates` it, at least one shortened).
    An abbreviation that fits two jabatan (or none) stays as it is; distinct values are few,
    compared only with values of the same word count and first letters."""
    buckets: dict[tuple, list[int]] = {}
    for i, words in enumerate(values):
        buckets.setdefault(tuple(w[0] for w in words), []).append(i)
    out = list(values)
    for members in buckets.values():
        if len(members) < 2:
            continue
        for i in members:
            a = values[i]
            targets = {values[j] for j in members if values[j] != a and all(
                x == y or _abbreviates(x, y, x in dotted[i]) for x, y in zip(a, values[j]))}
            # the fullest spellings: a target that itself abbreviates another target is not one
            fullest = {t for t in targets if not any(u != t and all(
                x == y or _abbreviates(x, y, False) for x, y in zip(t, u)) for u in targets)}
            if len(fullest) == 1:
                out[i] = fullest.pop()
    return out


def _one_name_misspelt(a: str, b: str) -> bool:
    """Two one-word names ("Jamaludin" / "Jamalundin") of five letters or more, one typo apart.

    :func:`linkage.names.names_agree` wants two words to trust a name, but many
    Indonesians have one name only; here the certificate is the other evidence.
    """
    from rapidfuzz.distance import DamerauLevenshtein

    if not isinstance(a, str) or not isinstance(b, str) or " " in a or " " in b or min(len(a), len(b)) < 5:
        return False
    return DamerauLevenshtein.distance(a, b, score_cutoff=1) <= 1


def _digits(certified: pd.DataFrame, trusted: bool = False) -> np.ndarray:
    """Per row, the NIK digits that still say who the person is: a valid NIK, or the 15 or 16
    digits an Excel-damaged or mistyped one keeps (None otherwise). ``trusted``: only valid
    NIKs linkage kept as the row's own (``link_basis`` ``nik``, when the column is there)."""
    out = np.full(len(certified), None, dtype=object)
    if "nik" in certified.columns:
        valid = certified["nik"].astype("string")
        has = valid.notna().to_numpy(dtype=bool).copy()
        if trusted and "link_basis" in certified.columns:
            # a valid NIK linkage set aside as someone else's (copied from the row above)
            # says nothing about this row's person
            has &= (certified["link_basis"] == "nik").to_numpy(dtype=bool)
        out[has] = valid[has].to_numpy()
    if "nik_partial" in certified.columns:
        partial = certified["nik_partial"].astype("string")
        long = (partial.str.len() >= 15).fillna(False).to_numpy(dtype=bool) & (out == None)  # noqa: E711
        out[long] = partial[long].to_numpy()
    return out


def _nik_edits(certified: pd.DataFrame, p: np.ndarray, q: np.ndarray, trusted: bool = False) -> np.ndarray:
    """Damerau-Levenshtein edits between the NIK digits (:func:`_digits`) of rows ``p`` and ``q``
    (99 when either has none)."""
    from rapidfuzz.distance import DamerauLevenshtein
    from rapidfuzz.process import cpdist

    digits = _digits(certified, trusted)
    a, b = digits[p], digits[q]
    edits = np.full(len(p), 99, dtype=np.int64)
    both = np.flatnonzero((a != None) & (b != None))  # noqa: E711
    if len(both):
        # rapidfuzz's element-wise distances in C: a million pairs, no Python call per pair
        edits[both] = cpdist(list(a[both]), list(b[both]), scorer=DamerauLevenshtein.distance, workers=1)
    return edits


def _birth_text(certified: pd.DataFrame) -> np.ndarray:
    """Per row, the birth date as ISO text (None when unknown or no such column)."""
    if "tanggal_lahir" not in certified.columns:
        return np.full(len(certified), None, dtype=object)
    text = pd.to_datetime(certified["tanggal_lahir"], errors="coerce").dt.strftime("%Y-%m-%d")
    return text.to_numpy(dtype=object, na_value=None)


def _persons_differ(certified: pd.DataFrame, p: np.ndarray, q: np.ndarray, restated: bool = False) -> np.ndarray:
    """Whether rows ``p`` and ``q`` say they are two persons or two certificates: NIK digits
    more than two edits apart (two damages of one NIK are two edits), birth dates no typo
    of each other, different sex, different registration numbers (other digits; with
    ``restated``, numbers that cannot be one certificate's as a clerk shortens it,
    :func:`restated_numbers_agree`: only for pairs whose names must agree besides)."""
    # Only the rows of the pairs: a province of a million rows asks about a few thousand.
    asked = np.unique(np.concatenate([p, q]))
    certified = certified.iloc[asked]
    p, q = np.searchsorted(asked, p), np.searchsorted(asked, q)
    birth = _birth_text(certified)
    encoded = _nik_ddmmyy(certified, np.arange(len(certified)))
    stated = _stated_expiry(certified).to_numpy()
    # Each test judges a pair on its own, so the ones over arrays go first and the ones that
    # call Python per pair see only the pairs nothing has told apart yet (a recap block of
    # 50,000 pairs is mostly other persons' certificates, with other numbers).
    differ = _sexes_differ(certified, p, q, encoded) | _expiries_differ(stated[p], stated[q])
    differ |= _numbers_differ(certified, p, q, restated, plainly=True)
    for test in (
        lambda i, j: (lambda edits: (edits > 2) & (edits != 99))(_nik_edits(certified, i, j, trusted=True)),
        lambda i, j: _shown_digits_differ(certified, i, j),
        lambda i, j: _births_differ(birth, encoded, i, j),
        lambda i, j: _numbers_differ(certified, i, j, restated, plainly=False),
    ):
        open_pairs = np.flatnonzero(~differ)
        if not len(open_pairs):
            break
        differ[open_pairs] |= test(p[open_pairs], q[open_pairs])
    return differ


def _sexes_differ(certified: pd.DataFrame, p: np.ndarray, q: np.ndarray, encoded: np.ndarray) -> np.ndarray:
    """Different sex: the stated one, else the one the row's own NIK encodes (women's day + 40)."""
    sex = (certified["jenis_kelamin"].astype("string").to_numpy(dtype=object, na_value=None)
           if "jenis_kelamin" in certified.columns else np.full(len(certified), None, dtype=object))
    stated = sex.copy()
    from_nik = (stated == None) & pd.notna(encoded)  # noqa: E711
    stated[from_nik] = [e[1] for e in encoded[from_nik]]
    a, b = stated[p], stated[q]
    return (a != None) & (b != None) & (a != b)  # noqa: E711


def _births_differ(birth: np.ndarray, encoded: np.ndarray, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Birth dates no typo of each other (:func:`linkage.dates.birth_far`). A row without a birth
    date whose own NIK states one (a recap, an attendance list) still says who it is: the day, month
    and year digits against the other row's birth date (DOMAIN "The person: NIK")."""
    from linkage.dates import birth_far
    from linkage.nik_stage import _ddmmyy_far

    differ = np.zeros(len(p), dtype=bool)
    bp, bq = birth[p], birth[q]
    both = pd.notna(bp) & pd.notna(bq)
    differ[both] = np.array([birth_far(a, [b]) for a, b in zip(bp[both], bq[both])], dtype=bool)
    ddmmyy = np.array([f"{b[8:10]}{b[5:7]}{b[2:4]}" if isinstance(b, str) else None for b in birth], dtype=object)
    for own, other in ((p, q), (q, p)):
        look = np.flatnonzero(pd.isna(birth[own]) & pd.notna(encoded[own]) & pd.notna(ddmmyy[other]))
        differ[look] |= np.array([_ddmmyy_far(ddmmyy[other[i]], encoded[own[i]][0]) for i in look], dtype=bool)
    return differ


def _numbers_differ(certified: pd.DataFrame, p: np.ndarray, q: np.ndarray, restated: bool, plainly: bool) -> np.ndarray:
    """Different registration numbers: other digits; with ``restated``, numbers that cannot be one
    certificate's as a clerk shortens it (:func:`restated_numbers_agree`). ``plainly``: only what
    the numbers' digits settle without asking that rule (two numbers of one shape, of as many digit
    runs, two or more, whose digits differ; it says "two certificates" of them too)."""
    differ = np.zeros(len(p), dtype=bool)
    if "nomor_sertifikat" not in certified.columns:
        return differ
    values = certified["nomor_sertifikat"].astype("string").to_numpy(dtype=object, na_value=None)
    if not restated and not plainly:
        return differ  # decided in the plain pass
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    text = pa.array(uniques.to_numpy(dtype=object), type=pa.string())
    digits = np.append(pc.replace_substring_regex(text, "[^0-9]", "").to_numpy(zero_copy_only=False), None)
    runs = np.append(pc.count_substring_regex(text, "[0-9]+").to_numpy(zero_copy_only=False), -1)
    at = np.where(codes >= 0, codes, len(uniques))
    a, b = at[p], at[q]
    # a number without a digit compares as written
    da, db = np.where(runs[a] > 0, digits[a], values[p]), np.where(runs[b] > 0, digits[b], values[q])
    both = (codes[p] >= 0) & (codes[q] >= 0)
    if not restated:
        return both & (da != db)
    if plainly:
        return both & (da != db) & (runs[a] == runs[b]) & (runs[a] >= 2)
    ask = np.flatnonzero(both & (da != db))
    differ[ask] = ~_pairs_agree(pd.Series(values[p[ask]], dtype="string"), pd.Series(values[q[ask]], dtype="string"),
                                restated_numbers_agree)
    return differ


def _shown_digits_differ(certified: pd.DataFrame, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Whether the leading digits a scientific-notation export showed ("6.40812E+15") on one row
    cannot start the NIK digits of the other: a region, district or birth day of another person.
    (``nik_partial`` already leaves out the last digit shown, which the export may have rounded.)"""
    differ = np.zeros(len(p), dtype=bool)
    if "nik_status" not in certified.columns or "nik_partial" not in certified.columns:
        return differ
    prefix = np.full(len(certified), None, dtype=object)
    asked = np.unique(np.concatenate([p, q]))
    shown = certified["nik_partial"].iloc[asked].astype("string").to_numpy(dtype=object, na_value=None)
    scientific = (certified["nik_status"].iloc[asked] == "scientific_notation").to_numpy(dtype=bool)
    prefix[asked] = [d if s and isinstance(d, str) and 4 <= len(d) < 15 else None for d, s in zip(shown, scientific)]
    digits = _digits(certified, trusted=True)
    for own, other in ((p, q), (q, p)):
        look = np.flatnonzero(pd.notna(prefix[own]) & pd.notna(digits[other]))
        differ[look] |= np.array([not digits[other[i]].startswith(prefix[own[i]]) for i in look], dtype=bool)
    return differ


def _nik_ddmmyy(certified: pd.DataFrame, asked: np.ndarray) -> np.ndarray:
    """Per row (filled at positions ``asked`` only), (``ddmmyy``, sex) its own valid NIK encodes
    (the day less 40 for a woman), or None: only a NIK linkage kept as the row's own
    (``link_basis`` ``nik``, when the column is there)."""
    out = np.full(len(certified), None, dtype=object)
    if "nik" not in certified.columns or not len(asked):
        return out
    nik = certified["nik"].iloc[asked].astype("string").to_numpy(dtype=object, na_value=None)
    basis = (certified["link_basis"].iloc[asked].astype("string").to_numpy(dtype=object, na_value=None)
             if "link_basis" in certified.columns else np.full(len(asked), "nik", dtype=object))
    for i, text, how in zip(asked.tolist(), nik, basis):
        if how != "nik" or not isinstance(text, str) or len(text) != 16 or not text.isdigit():
            continue
        day = int(text[6:8])
        out[i] = (f"{day % 40:02d}{text[8:12]}", "P" if day > 40 else "L")
    return out


def certificate_validity(certified: pd.DataFrame, publish_date: date) -> pd.DataFrame:
    """Each certified row's ``expires_on``, ``expires_on_basis`` and ``status`` on ``publish_date``.

    The one validity rule (:func:`standardize.validity.certificate_validity`)
    applied to a frame of rows: the headline, the star's aggregates and
    ``fact_certification`` all decide through here. Missing columns count as unknown.
    A ``_number_year`` column (:func:`standardize.validity.issue_years`, as
    :func:`warehouse.star.build_star` adds it) saves parsing the numbers again; ``_expires_on``,
    ``_expires_on_basis`` and ``_status`` columns (:func:`with_validity`) are the answer itself.
    """
    if all(f"_{name}" in certified.columns for name in VALIDITY_COLUMNS):
        # decided once for these rows already (build_star): the rule costs seconds a million rows
        return pd.DataFrame({name: certified[f"_{name}"] for name in VALIDITY_COLUMNS}, index=certified.index)

    def column(name: str, dtype: str) -> pd.Series:
        if name in certified.columns:
            return certified[name]
        return pd.Series(pd.NA, index=certified.index, dtype=dtype)

    per_report = _certificate_validity(
        column("masa_berlaku", "datetime64[ms]"),
        column("tanggal_terbit", "datetime64[ms]"),
        column("nomor_sertifikat", "str"),
        column("tahun", "Int64"),
        publish_date,
        certified["_number_year"] if "_number_year" in certified.columns else None,
        certified["masa_berlaku_precision"] if "masa_berlaku_precision" in certified.columns else None,
    )
    certificate = certified["certificate_key"] if "certificate_key" in certified.columns else column("nomor_sertifikat", "str")
    return pooled_per_certificate(per_report, certificate, column("nomor_sertifikat", "str"))


def pooled_per_certificate(per_report: pd.DataFrame, certificate: pd.Series,
                           numbers: pd.Series | None = None) -> pd.DataFrame:
    """One validity per certificate, from the strongest evidence any of its reports gives.

    ``per_report`` is :func:`standardize.validity.certificate_validity` of each row on its
    own; ``certificate`` names each row's certificate (``certificate_key``, else the
    registration number; rows without one stand alone). The reports of one certificate
    are facts about one expiry, so the weaker evidence gives way: a recap of 2024 that
    lists an SKA of 2019 by its number is not valid to 2029 because the recap's year is
    2024, and a row of 2021 whose number arrived "dalam proses" is not of unknown validity
    once a later list states that certificate's masa berlaku. Among the reports carrying
    the strongest kind of evidence, the certificate is active if any of them is, else
    unknown if any is, else expired (several stated expiries: the latest counts). Every
    row of the certificate gets that status, its ``expires_on`` (the latest of those
    reports') and basis.

    A weaker report without a registration number (``numbers``) that cannot be of that
    certificate stands alone: one whose own evidence could not expire until more than a
    year after the strongest expiry (a program of 2024 cannot be the certificate that
    expired in 2022). Without a number, a renewal of the same jabatan and jenjang shares
    the expired certificate's key; it is a new certificate, judged on its own evidence. A
    report with a number is the certificate its number names, whatever its list's year.
    """
    codes, _ = pd.factorize(certificate)
    keyed = codes >= 0
    if not keyed.any():
        return per_report
    alone = -1 - np.arange(len(codes))  # a row without a certificate is its own group
    group = np.where(keyed, codes, alone)
    rank = per_report["expires_on_basis"].map(_BASIS_RANK).astype("Float64").fillna(len(EXPIRY_BASES))
    rank = rank.to_numpy(dtype=np.int64)
    best, strongest, expires = _strongest_of(per_report, rank, group)
    if numbers is None:
        unnumbered = np.ones(len(codes), dtype=bool)
    else:
        unnumbered = numbers.astype("string").fillna("").str.strip().eq("").to_numpy(dtype=bool)
    group = np.where(~strongest & unnumbered & _later_certificate(per_report, expires), alone, group)
    best, strongest, expires = _strongest_of(per_report, rank, group)
    status = per_report["status"].to_numpy(dtype=object)
    any_active = pd.Series(strongest & (status == ACTIVE)).groupby(group).transform("any").to_numpy(dtype=bool)
    any_unknown = pd.Series(strongest & (status == UNKNOWN)).groupby(group).transform("any").to_numpy(dtype=bool)
    bases = np.array([*EXPIRY_BASES, None], dtype=object)
    return pd.DataFrame(
        {
            "expires_on": pd.Series(expires.to_numpy(), index=per_report.index).astype(per_report["expires_on"].dtype),
            "expires_on_basis": pd.Series(bases[best], index=per_report.index, dtype="str"),
            "status": pd.Series(np.where(any_active, ACTIVE, np.where(any_unknown, UNKNOWN, EXPIRED)),
                                index=per_report.index, dtype="str"),
        },
        index=per_report.index,
    )


def _strongest_of(per_report: pd.DataFrame, rank: np.ndarray, group: np.ndarray):
    """Per row: its group's strongest evidence rank, whether the row carries it, and the latest
    expiry among the group's rows that do."""
    best = pd.Series(rank).groupby(group).transform("min").to_numpy(dtype=np.int64)
    strongest = rank == best
    expires = pd.Series(per_report["expires_on"].to_numpy()).where(strongest).groupby(group).transform("max")
    return best, strongest, expires


# Slack for reports of one certificate whose dates disagree a little (a program year typed
# one off, an expiry a day before the anniversary of the issue).
_SAME_CERTIFICATE_SLACK = pd.Timedelta(days=366)


def _later_certificate(per_report: pd.DataFrame, strongest_expiry: pd.Series) -> np.ndarray:
    """True where a row's own evidence says its certificate cannot expire until well after
    ``strongest_expiry``: not the certificate that expiry belongs to, a later one."""
    own = pd.Series(pd.to_datetime(per_report["expires_on"].to_numpy()))
    # By the program year, expires_on is the last day active (31 December of year + 4): the
    # certificate expires in year + 5 at the earliest.
    by_year = (per_report["expires_on_basis"] == "tahun").to_numpy()
    own = own.where(~by_year, own + pd.Timedelta(days=1))
    strongest = pd.Series(pd.to_datetime(strongest_expiry.to_numpy()))
    return (strongest < own - _SAME_CERTIFICATE_SLACK).fillna(False).to_numpy(dtype=bool)


_BASIS_RANK = {basis: rank for rank, basis in enumerate(EXPIRY_BASES)}


# certificate_validity's columns; with_validity keeps them on the rows as _<name>.
VALIDITY_COLUMNS = ("expires_on", "expires_on_basis", "status")


def with_validity(certified: pd.DataFrame, publish_date: date) -> pd.DataFrame:
    """``certified`` with :func:`certificate_validity` decided once, as ``_expires_on``,
    ``_expires_on_basis`` and ``_status``: every later call on these rows (or a subset) reads them."""
    validity = certificate_validity(certified, publish_date)
    return certified.assign(**{f"_{name}": validity[name] for name in VALIDITY_COLUMNS})


def certificate_active(certified: pd.DataFrame, publish_date: date) -> pd.Series:
    """Whether each certified row's certificate is known valid on ``publish_date`` (unknown is False)."""
    return certificate_validity(certified, publish_date)["status"].eq(ACTIVE)


def count_persons(certified: pd.DataFrame, keys: list[str], publish_date: date) -> pd.DataFrame:
    """Distinct persons per ``keys``: certified, active and of unknown validity (:data:`PERSON_COUNTS`).

    A person is active in a group when any of their certificates there is
    active; of unknown validity when none is active and any is unknown; expired
    otherwise. ``certified`` needs ``person_key``, ``keys`` and the validity
    columns; rows whose keys are null are left out.
    """
    status = certificate_validity(certified, publish_date)["status"]
    # Grouped over integer codes (each key's sorted codes keep its order; persons only need to be
    # told apart): grouping by the key text factorized and sorted two million Arrow strings per call.
    codes = [pd.factorize(certified[key], sort=True) for key in keys]
    person = pd.factorize(certified["person_key"])[0]
    keep = (person >= 0) & np.logical_and.reduce([code >= 0 for code, _ in codes])
    flags = pd.DataFrame({**{key: code[keep] for key, (code, _) in zip(keys, codes)}, "_person": person[keep],
                          "_active": status.eq(ACTIVE).to_numpy(dtype=bool)[keep],
                          "_unknown": status.eq(UNKNOWN).to_numpy(dtype=bool)[keep]})
    per_person = flags.groupby(keys + ["_person"], sort=True)[["_active", "_unknown"]].any()
    per_person["_unknown"] = per_person["_unknown"] & ~per_person["_active"]
    table = per_person.groupby(level=keys, sort=True).agg(
        certified_persons=("_active", "size"), active_persons=("_active", "sum"),
        active_unknown_persons=("_unknown", "sum"),
    )
    table = table.reset_index()
    for key, (code, uniques) in zip(keys, codes):
        table[key] = uniques.take(table[key].to_numpy())
    if table.empty:
        table = pd.DataFrame({key: certified[key].iloc[:0] for key in keys} | {c: [] for c in PERSON_COUNTS})
    return table.astype({column: "int64" for column in PERSON_COUNTS})


def certified_workers_by_region_level(
    participations: pd.DataFrame, offices: dict[str, Office], publish_date: date
) -> pd.DataFrame:
    """Compute the headline table from linked participation rows.

    ``participations`` needs the standardized columns plus ``person_key``.
    """
    return headline_table(credited_certifications(participations, offices), publish_date)


def headline_table(credited: pd.DataFrame, publish_date: date) -> pd.DataFrame:
    """The headline table from credited certified rows (:func:`credited_certifications`)."""
    certified = credited[credited["jenjang"].notna()]
    table = count_persons(certified, ["region_code", "jenjang"], publish_date)
    reference = regions()
    table["province_code"] = table["region_code"].str[:2]
    table["region_name"] = table["region_code"].map(lambda code: reference[code].name)
    table["jenjang"] = table["jenjang"].astype("int64")
    table["kualifikasi"] = table["jenjang"].map(kualifikasi_for)
    return table[list(HEADLINE_COLUMNS)].reset_index(drop=True)
