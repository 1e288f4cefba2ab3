"""Generate a demo world: office landing folders full of messy files, plus the truth.

``generate_world(landing_root, rows)`` invents an Indonesian population of
construction workers, lets them attend the offices' programs (DOMAIN "Who sends
what"), and writes every office's files the way that office writes them (DOMAIN
"What the offices' files look like"): title rows, merged two-row headers,
numbering rows, blank rows, totals and signature blocks, legacy .xls, CSV in
Windows-1252 with ';', paged JSON, damaged NIKs and noisy names, plus a few files
that cannot be read at all. Ground truth goes to ``<landing_root>/_truth/``
(see :mod:`demo.truth`).

Everyday mess, on by default (DOMAIN "What else arrives in a landing folder"):

* names as clerks write them: a name part shortened to its initial ("Supriyadi S.",
  "Abdul R. Hakim", "A. Rahman Hakim"; ~20% of rows in Kutai Timur and Muaro Jambi,
  ~30% in attendance lists, 2-10% elsewhere, never in the portal export), Muhammad
  as M./Moh./Muh./Mhd/Mochammad, pre-1972 spellings for about half of the persons
  born before 1976 (Djoko, Tjahjo, Soeparman, Jusuf, Chairul) in ~60% of their rows,
  glued honorifics and degrees ("H.Ahmad", "Hakim,S.T"), double and non-breaking
  spaces (~5% of rows);
* a revised file (``_revisi``, ``_rev``, ``_final``, `` revisi``) next to its first
  version, in every office with two files or more: the first version misses ~6% of
  the rows, shows ~40% of its numbers as not yet arrived and ~3% of results wrong;
* byte-identical copies under a browser's or sync tool's name (``X (1).xlsx``,
  ``X - Copy.xlsx``, ``X_salinan.xlsx``, ``Copy of X.csv``) in about half the offices;
* files in the wrong office's folder (``MISPLACED``): a copy of Kutai Kartanegara's
  file in Kutai Timur's folder, an earlier Samarinda export in Kutai Kartanegara's,
  a file of Kabupaten Lahat (outside the registry) in Muara Enim's;
* attendance and registration lists (Daftar Hadir / Daftar Peserta) for ~12% of the
  programs (Kutai Timur: sheets "DH <kecamatan>" inside the MTU workbook), with ~5%
  registered persons who never sat the assessment;
* Kalimantan Selatan's certification exports as the portal's English REST API;
  Muara Enim's sheets from 2023 with only dotted registration numbers
  ("16.03.2024.000117": region, year of issue, serial) and no dates.

Deterministic: the same seed, size and registry give byte-identical files
(no clock is read; zip entries and document properties carry fixed dates).

Speed: persons and participations are drawn with numpy; files are streamed.
Spreadsheets are written by the small streaming OOXML writer in
:mod:`demo.xlsx` (why not xlsxwriter: see there). Legacy .xls goes through
xlwt (at most 65,535 rows per sheet, so big lists are split over sheets).
"""

from __future__ import annotations

import csv
import json
import shutil
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from demo import names as V
from demo import truth as T
from demo.common import _BULAN_SHORT, _add_years, _bulan, _choice, _dmy, _iso, _obj, _rng, _serial, _ymd
from demo.persons import _Tokens, _World
from demo.specs import FORMAT_KIND, NIK_DAMAGE_KINDS, OfficeSpec, SKILLED, SPECS, _SKILLED_J, _allocate, _specs_for
from demo.xlsx import XDate, XlsxBook
from sources.registry import DEFAULT_REGISTRY, Office, load_registry


WORLD_DATE = date(2026, 11, 20)  # "today" inside the world: later issue dates are still pending
SKK_YEARS = 5  # an SKK is valid five years (DOMAIN: The certificate)
OLD_SCHEME_END = date(2022, 12, 31)  # pre-2021 SKA/SKT all expired on this day (DOMAIN)
XLS_MAX_DATA_ROWS = 60_000  # legacy .xls holds 65,535 rows per sheet; keep room for titles
JSON_PAGE_SIZE = 500
NUMBERS_ONLY_FROM = 2023  # Muara Enim's sheets from this year give only the registration number


@dataclass
class WorldSummary:
    """What ``generate_world`` wrote."""

    landing_root: Path
    truth_dir: Path
    rows: int  # participant rows written (truth rows, copies, first versions and attendance lists included)
    persons: int  # distinct persons behind those rows
    files: int  # office files written, bad ones included
    offices: dict[str, dict[str, int]] = field(default_factory=dict)  # office -> rows, files, persons
    paths: list[Path] = field(default_factory=list)  # every office file written
    skipped_offices: list[str] = field(default_factory=list)  # registry offices without a spec (generic used)
    result_rows: int = 0  # rows of the results files that count (expected published or quarantine), ~ rows asked
    expected: dict[str, int] = field(default_factory=dict)  # truth rows per expected outcome
    file_status: dict[str, int] = field(default_factory=dict)  # files per expected status

    def describe(self) -> str:
        """A few human lines."""
        lines = [
            f"demo world in {self.landing_root}: {self.rows:,} participant rows, {self.persons:,} persons, "
            f"{self.files} files; truth in {self.truth_dir}",
            "  rows by expected outcome: " + ", ".join(f"{k} {v:,}" for k, v in self.expected.items()),
            "  files by expected status: " + ", ".join(f"{k} {v}" for k, v in self.file_status.items()),
        ]
        for office_id, counts in self.offices.items():
            lines.append(
                f"  {office_id:<24} {counts['rows']:>9,} rows {counts['persons']:>9,} persons {counts['files']:>4} files"
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------------
# Participations
# --------------------------------------------------------------------------------
def _eligible_families(spec: OfficeSpec) -> dict[int, np.ndarray]:
    out = {}
    for level in range(1, 10):
        ids = [V.FAMILY_INDEX[k] for k in spec.families if level in V.FAMILIES[V.FAMILY_INDEX[k]].names]
        if not ids:
            ids = [i for i, f in enumerate(V.FAMILIES) if level in f.names]
        out[level] = np.array(ids, dtype=np.int16)
    return out


_JABATAN_TABLE = np.array(
    [V.FAMILIES[f].names.get(j) if f < len(V.FAMILIES) else None for f in range(len(V.FAMILIES)) for j in range(10)],
    dtype=object,
)
_KUALIFIKASI_TABLE = np.array([None] + [T.kualifikasi_for(j) for j in range(1, 10)], dtype=object)


def _jabatan(family: np.ndarray, jenjang: np.ndarray) -> np.ndarray:
    """Occupation titles for (family, jenjang) arrays."""
    return _JABATAN_TABLE[np.asarray(family, dtype=np.int64) * 10 + np.asarray(jenjang, dtype=np.int64)]


def _draw_family(jenjang: np.ndarray, spec: OfficeSpec, rng) -> np.ndarray:
    eligible = _eligible_families(spec)
    family = np.zeros(len(jenjang), dtype=np.int16)
    for level in np.unique(jenjang).tolist():
        rows = np.flatnonzero(jenjang == level)
        options = eligible[level]
        family[rows] = options[rng.integers(0, len(options), size=len(rows))]
    return family


def _participations(world: _World, office: Office, spec: OfficeSpec, n: int, seed: int) -> pd.DataFrame:
    """Rows of one office: who, which occupation and level, which year (programs come later)."""
    rng = _rng(seed, "participations", office.id)
    n_repeat = int(round(n * spec.repeat))
    borrowed: list[np.ndarray] = []
    for other, share in spec.borrow:
        pool = world.pool.get(other)
        if pool is None or not len(pool):
            continue
        if spec.ktp_province:
            home = np.concatenate(world.P.region)[pool]
            ok = np.array([world.region_codes[h][:2] == spec.ktp_province for h in home.tolist()], dtype=bool)
            pool = pool[ok]
        k = min(int(round(n * share)), len(pool))
        if k:
            borrowed.append(np.sort(rng.choice(pool, size=k, replace=False)))
    borrowed_ids = np.concatenate(borrowed) if borrowed else np.zeros(0, dtype=np.int64)
    n_new = max(1, n - n_repeat - len(borrowed_ids))
    n_repeat = n - n_new - len(borrowed_ids)
    new_ids = world.new_persons(n_new, spec, office, rng)
    world.pool[office.id] = new_ids

    years = np.array(sorted(spec.years))
    base_year = _choice(rng, spec.years, n).astype(np.int64)
    base_jen = _choice(rng, spec.jenjang, n).astype(np.int64)
    pid = np.concatenate([new_ids, new_ids[rng.integers(0, n_new, size=n_repeat)], borrowed_ids])
    year = base_year
    jen = base_jen
    fam = _draw_family(jen, spec, rng)
    mode = np.zeros(n, dtype=np.int8)  # 0 first/borrowed, 1 up, 2 other, 3 same
    src = np.full(n, -1, dtype=np.int64)
    if n_repeat:
        rep = np.arange(n_new, n_new + n_repeat)
        source = np.searchsorted(new_ids, pid[rep])  # the person's first row (rows 0..n_new-1)
        src[rep] = source
        m = _choice(rng, {1: 0.5, 2: 0.3, 3: 0.2}, n_repeat).astype(np.int8)
        if len(years) == 1:
            m[m == 3] = 2
        mode[rep] = m
        levels = np.array(sorted(spec.jenjang))
        sj = jen[source]
        # 1: re-certification one jenjang up (down when already at the top), a year or two later
        up = rep[m == 1]
        s_up = source[m == 1]
        new_level = sj[m == 1] + 1
        top = ~np.isin(new_level, levels)
        new_level[top] = sj[m == 1][top] - 1
        bad = ~np.isin(new_level, levels)
        new_level[bad] = sj[m == 1][bad]
        jen[up] = new_level
        later = np.minimum(year[s_up] + rng.integers(1, 3, size=len(up)), years.max())
        year[up] = later
        keep = np.array([lvl in V.FAMILIES[f].names for f, lvl in zip(fam[s_up].tolist(), new_level.tolist())], dtype=bool)
        fam[up[keep]] = fam[s_up[keep]]
        fam[up[~keep]] = _draw_family(jen[up[~keep]], spec, rng)
        # 2: another occupation at the same jenjang
        other = rep[m == 2]
        jen[other] = sj[m == 2]
        fam[other] = _draw_family(jen[other], spec, rng)
        # 3: the same occupation and jenjang again in another year (a retake after Belum Kompeten)
        same = rep[m == 3]
        s_same = source[m == 3]
        jen[same] = sj[m == 3]
        fam[same] = fam[s_same]
        shift = rng.integers(1, len(years), size=len(same))
        pos = (np.searchsorted(years, year[s_same]) + shift) % len(years)
        year[same] = years[pos]
    return pd.DataFrame(
        {
            "office_id": office.id,
            "pid": pid.astype(np.int64),
            "year": year.astype(np.int64),
            "jen": jen.astype(np.int64),
            "fam": fam.astype(np.int64),
            "mode": mode,
            "src": src,
        }
    )


# --- program plans: file group, sheet, program name, assessment date, training-only ---------
def _dates(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    base = (year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
    return base.astype("datetime64[D]") + (day - 1)


def _plan_kutim(df, world, rng):
    cat = world.cat_partial()
    home = cat["region"][df["pid"].to_numpy()]
    district = cat["district"][df["pid"].to_numpy()]
    local = np.array([world.region_codes[h] == "64.08" for h in home.tolist()], dtype=bool)
    kec = rng.integers(0, 18, size=len(df))
    stay = local & (rng.random(len(df)) < 0.85)
    kec[stay] = district[stay] - 1
    df["group"] = [f"DAFTAR_PESERTA_MTU_{y}.xlsx" for y in df["year"].tolist()]
    df["sheet"] = np.array(V.KUTIM_KECAMATAN, dtype=object)[kec]
    df["sheet_order"] = kec
    df["program"] = "Mobile Training Unit"
    year = df["year"].to_numpy()
    df["assess"] = _dates(year, np.full(len(df), 3), np.ones(len(df), dtype=np.int64)) + kec * 14 + rng.integers(0, 4, size=len(df))


def _plan_kaltim(df, world, rng):
    year = df["year"].to_numpy()
    tahap = np.where(
        year >= 2025,
        _choice(rng, {1: 0.36, 2: 0.24, 3: 0.22, 4: 0.18}, len(df)),
        _choice(rng, {1: 0.4, 2: 0.32, 3: 0.28}, len(df)),
    ).astype(np.int64)
    df["group"] = [f"PELATIHAN_SERTIFIKASI_AHLI_DAN_FRESH_GRADUATE_{y}.xlsx" for y in year.tolist()]
    df["sheet"] = [f"Tahap {V.ROMAN[t]}" for t in tahap.tolist()]
    df["sheet_order"] = tahap
    df["program"] = [f"Pelatihan dan Sertifikasi Tahap {V.ROMAN[t]} {y}" for t, y in zip(tahap.tolist(), year.tolist())]
    month = np.array([0, 3, 5, 8, 10])[tahap]
    # three days of training, the assessment on day four (DOMAIN / seed 001)
    start = 9 + 7 * rng.integers(0, 3, size=len(df))
    df["assess"] = _dates(year, month, start + 3)


def _plan_muaro_jambi(df, world, rng):
    df["group"] = "BIMTEK_UJI_SERTIFIKASI_OPERATOR_ALAT_BERAT_DES_2025.xls"
    df["sheet"] = "Peserta"
    df["sheet_order"] = 0
    df["program"] = "BIMTEK dan Uji Sertifikasi Operator Alat Berat Desember 2025"
    n = len(df)
    df["assess"] = _dates(df["year"].to_numpy(), np.full(n, 12), 17 + rng.integers(0, 3, size=n))


_KALSEL_BIMTEK = {  # family -> (BIMTEK name(s), month) (seed 003: 3 for architects in February, roads and bridges in April with HPJI)
    "arsitek": (("BIMTEK Arsitek Angkatan I", "BIMTEK Arsitek Angkatan II", "BIMTEK Arsitek Angkatan III"), 2),
    "ahli-jalan": (("BIMTEK Tenaga Ahli Jalan bersama HPJI",), 4),
    "ahli-jembatan": (("BIMTEK Tenaga Ahli Jembatan bersama HPJI",), 4),
    "ahli-k3": (("BIMTEK Ahli K3 Konstruksi",), 6),
    "ahli-gedung": (("BIMTEK Tenaga Ahli Bangunan Gedung",), 8),
}


def _plan_kalsel(df, world, rng):
    n = len(df)
    kind = _choice(rng, {0: 0.62, 1: 0.18, 2: 0.20}, n).astype(np.int64)  # 0 BIMTEK 2026, 1 sertifikasi 2025, 2 sertifikasi 2026
    src = df["src"].to_numpy()
    rep = np.flatnonzero(src >= 0)
    kind[rep] = (kind[src[rep]] + rng.integers(1, 3, size=len(rep))) % 3
    year = np.where(kind == 1, 2025, 2026)
    df["year"] = year
    df["training_only"] = kind == 0
    fam_keys = [V.FAMILIES[f].key for f in df["fam"].tolist()]
    programs, months = [], []
    pick = rng.integers(0, 3, size=n).tolist()
    for k, key, p, y in zip(kind.tolist(), fam_keys, pick, year.tolist()):
        if k == 0:
            names, month = _KALSEL_BIMTEK[key]
            programs.append(names[p % len(names)])
            months.append(month)
        else:
            programs.append(f"Fasilitasi Sertifikasi Tenaga Ahli Konstruksi {y}")
            months.append(9 if y == 2026 else 8)
    df["program"] = programs
    df["group"] = ["bimtek_2026" if k == 0 else f"sertifikasi_ahli_{y}" for k, y in zip(kind.tolist(), year.tolist())]
    df["sheet"] = ""
    df["sheet_order"] = kind
    df["assess"] = _dates(year, np.array(months), 1 + rng.integers(0, 50, size=n))


def _plan_palembang(df, world, rng):
    n = len(df)
    year = df["year"].to_numpy()
    angkatan = rng.integers(1, 5, size=n)
    df["group"] = [f"sertifikasi_operator_{y}.csv" for y in year.tolist()]
    df["sheet"] = ""
    df["sheet_order"] = 0
    df["program"] = [f"Sertifikasi Operator \u2013 Angkatan {a}" for a in angkatan.tolist()]  # en dash: cp1252-only
    df["assess"] = _dates(year, np.array([0, 3, 5, 8, 10])[angkatan], 12 + rng.integers(0, 5, size=n))


def _plan_simple(stem: str, sheet: str) -> Callable:
    def plan(df, world, rng):
        n = len(df)
        year = df["year"].to_numpy()
        df["group"] = [stem.format(year=y) for y in year.tolist()]
        df["sheet"] = sheet
        df["sheet_order"] = 0
        df["program"] = [f"Pelatihan dan Sertifikasi Tenaga Kerja Konstruksi {y}" for y in year.tolist()]
        df["assess"] = _dates(year, 3 + rng.integers(0, 8, size=n), 1 + rng.integers(0, 28, size=n))

    return plan


PLANS: dict[str, Callable] = {
    "kutim": _plan_kutim,
    "kaltim": _plan_kaltim,
    "muaro-jambi": _plan_muaro_jambi,
    "kalsel": _plan_kalsel,
    "palembang": _plan_palembang,
    "samarinda": _plan_simple("peserta_sertifikasi_tkk_{year}.csv", ""),
    "kukar": _plan_simple("Data Peserta Sertifikasi TKK {year}.xlsx", "Peserta"),
    "muara-enim": _plan_simple("REKAP_PESERTA_SKK_{year}.xlsx", "Data"),
}


# --------------------------------------------------------------------------------
# Results and certificates
# --------------------------------------------------------------------------------
def _results(df: pd.DataFrame, specs: dict[str, OfficeSpec], offices: dict[str, Office], seed: int) -> None:
    """hasil (1 Kompeten, 0 Belum Kompeten, -1 not assessed), then one certificate per Kompeten triple."""
    n = len(df)
    rng = _rng(seed, "results")
    pass_rate = df["office_id"].map({k: s.pass_rate for k, s in specs.items()}).to_numpy(dtype=float)
    hasil = np.where(rng.random(n) < pass_rate, 1, 0).astype(np.int8)
    hasil[df["training_only"].to_numpy(dtype=bool)] = -1
    # a person holds one certificate per (jabatan kerja, jenjang): an earlier Kompeten of the
    # same triple becomes Belum Kompeten (a failed attempt before the retake that passed)
    df["hasil"] = hasil
    df["_ord"] = np.arange(n)
    kompeten = df[df["hasil"] == 1].sort_values(["assess", "_ord"], kind="stable")
    dup = kompeten.duplicated(["pid", "fam", "jen"], keep="last")
    df.loc[kompeten.index[dup.to_numpy()], "hasil"] = 0
    hasil = df["hasil"].to_numpy()

    assess = df["assess"].to_numpy().astype("datetime64[D]")
    issue = assess + rng.integers(14, 43, size=n)
    pending = (issue > np.datetime64(WORLD_DATE)) | (rng.random(n) < 0.04)
    issued = (hasil == 1) & ~pending
    df["pending"] = (hasil == 1) & pending
    nat = np.datetime64("NaT", "D")
    issue = np.where(issued, issue, nat)
    expiry = np.full(n, nat)
    if issued.any():
        expiry[issued] = _add_years(issue[issued], SKK_YEARS)
        old = issued & (issue < np.datetime64("2021-01-01"))
        expiry[old] = np.datetime64(OLD_SCHEME_END)
    df["issue"] = issue
    df["expiry"] = expiry

    # registration numbers: SKK-<office region>-<issue year>-<serial>, unique world-wide
    codes = {o.id: o.region_code.replace(".", "").ljust(4, "0") for o in offices.values()}  # "6408", "6400"
    office_code = df["office_id"].map(codes).to_numpy()
    numbers = np.full(n, None, dtype=object)
    idx = np.flatnonzero(issued)
    if len(idx):
        iy = issue[idx].astype("datetime64[Y]").astype(np.int64) + 1970
        key = pd.DataFrame({"code": office_code[idx], "year": iy, "issue": issue[idx], "i": idx})
        key = key.sort_values(["code", "year", "issue", "i"], kind="stable")
        seq = key.groupby(["code", "year"], sort=False).cumcount().to_numpy() + 1
        # each office-year series starts somewhere after 1, as a real register would
        group = key.groupby(["code", "year"], sort=False).ngroup().to_numpy()
        firsts = key.drop_duplicates(["code", "year"])
        offsets = np.array([zlib.crc32(f"{c}-{y}-{seed}".encode()) % 300
                            for c, y in zip(firsts["code"].tolist(), firsts["year"].tolist())], dtype=np.int64)
        start = offsets[group]
        # Muara Enim's register writes dotted numbers "16.03.2023.000123": region, year of issue, serial
        dotted = {codes[k] for k, s in specs.items() if s.fmt == "muara-enim" and k in codes}
        numbers[key["i"].to_numpy()] = [
            f"{c[:2]}.{c[2:]}.{y}.{s:06d}" if c in dotted else f"{'SKT' if y < 2021 else 'SKK'}-{c}-{y}-{s:06d}"
            for c, y, s in zip(key["code"].tolist(), key["year"].tolist(), (seq + start).tolist())
        ]
    df["certificate_id"] = _obj(numbers, df.index)
    del df["_ord"]


# --------------------------------------------------------------------------------
# NIK damage and name noise
# --------------------------------------------------------------------------------
def _typo(nik: str, rng) -> str:
    pos = int(rng.integers(0, 16))
    digit = str((int(nik[pos]) + int(rng.integers(1, 10))) % 10)
    return nik[:pos] + digit + nik[pos + 1:]


def _transpose(nik: str, rng) -> str:
    candidates = [i for i in range(15) if nik[i] != nik[i + 1]]
    i = candidates[int(rng.integers(0, len(candidates)))]
    return nik[:i] + nik[i + 1] + nik[i] + nik[i + 2:]


def _wrong_length(nik: str, rng) -> str:
    pos = int(rng.integers(0, 16))
    if rng.random() < 0.5:
        return nik[:pos] + nik[pos + 1:]  # 15 digits
    return nik[:pos] + nik[pos] + nik[pos:]  # 17 digits


def _damage(df: pd.DataFrame, persons: pd.DataFrame, specs, seed: int, enabled: bool) -> None:
    """Choose each row's NIK damage and the NIK text/number the file shows.

    Adds ``nik_damage`` ("" when intact), ``nik_text`` (str or None) and ``nik_number``
    (float or NaN: an Excel numeric cell). Formatting only (spaces, dots, apostrophe)
    is not damage: it is recoverable.
    """
    n = len(df)
    rng = _rng(seed, "nik-damage")
    pid = df["pid"].to_numpy()
    real = pid >= 0
    true_nik = np.full(n, None, dtype=object)
    true_nik[real] = persons["true_nik"].to_numpy()[pid[real]]
    df["true_nik"] = _obj(true_nik, df.index)
    fmt = df["office_id"].map({k: s.fmt for k, s in specs.items()}).to_numpy()
    kind = np.array([FORMAT_KIND[f] for f in fmt.tolist()], dtype=object)
    damage = np.full(n, "", dtype=object)
    if enabled:
        rate = df["office_id"].map({k: s.damage for k, s in specs.items()}).to_numpy(dtype=float)
        hit = (rng.random(n) < rate) & real
        for k, dist in NIK_DAMAGE_KINDS.items():
            rows = np.flatnonzero(hit & (kind == k))
            damage[rows] = _choice(rng, dist, len(rows))
    # "copied from the row above" needs a real, different person right above in the same sheet
    same_sheet = np.r_[False, (df["group"].to_numpy()[1:] == df["group"].to_numpy()[:-1])
                       & (df["sheet"].to_numpy()[1:] == df["sheet"].to_numpy()[:-1])
                       & (df["office_id"].to_numpy()[1:] == df["office_id"].to_numpy()[:-1])]
    prev_pid = np.r_[-1, pid[:-1]]
    copy_ok = same_sheet & (prev_pid >= 0) & (prev_pid != pid)
    prev_nik = np.r_[None, true_nik[:-1]]
    copy_ok &= prev_nik != true_nik
    damage[(damage == "copied") & ~copy_ok] = "typo"

    text = true_nik.copy()
    number = np.full(n, np.nan)
    # how a missing NIK is written: a dash, nothing, a zero, words, zeros in the NIK's shape
    missing_forms = ("-", "", "0", "-", "tidak ada", "0000000000000000", "belum ada KTP", "--", "", "-")
    for i in np.flatnonzero(damage != "").tolist():
        nik = true_nik[i]
        d = damage[i]
        if d == "excel_truncated":
            if nik[15] != "0" and (kind[i] == "csv" or rng.random() < 0.3):  # ends in 0: damage would not show
                # the number Excel kept, turned back into text (a column re-formatted as Text,
                # or a CSV saved after the damage): 16 digits, the last one 0
                text[i] = nik[:15] + "0"
            elif kind[i] == "csv":
                text[i] = format(int(nik), ".5E")
                damage[i] = "scientific_notation"
            else:
                number[i] = float(int(nik[:15] + "0"))
                text[i] = None
        elif d == "scientific_notation":
            text[i] = format(int(nik), ".5E")  # 6.40801E+15, as Excel's CSV export shows it
        elif d == "typo":
            text[i] = _typo(nik, rng)
        elif d == "transposed":
            text[i] = _transpose(nik, rng)
        elif d == "missing":
            text[i] = missing_forms[int(rng.integers(0, len(missing_forms)))] or None
        elif d == "copied":
            text[i] = prev_nik[i]
        elif d == "wrong_length":
            text[i] = _wrong_length(nik, rng)
    df["nik_damage"] = _obj(damage, df.index)
    df["nik_text"] = _obj(text, df.index)
    df["nik_number"] = number


def _format_nik(df: pd.DataFrame, fmt: str, rng) -> list:
    """The NIK cell of each row as the office writes it (spaces, dots, apostrophes are harmless)."""
    text = df["nik_text"].tolist()
    number = df["nik_number"].to_numpy()
    damage = df["nik_damage"].tolist()
    style = rng.random(len(df)).tolist()
    out: list = []
    for t, num, d, s in zip(text, number.tolist(), damage, style):
        if num == num:  # a numeric cell
            out.append(num)
            continue
        if t is None or d not in ("", "typo", "transposed", "copied") or len(t) != 16:
            out.append(t)
            continue
        if fmt == "kutim" and s < 0.08:
            out.append(f"{t[:4]} {t[4:8]} {t[8:12]} {t[12:]}")
        elif fmt == "kutim" and s < 0.14:
            out.append(f"{t[:2]}.{t[2:4]}.{t[4:6]}.{t[6:12]}.{t[12:]}")
        elif fmt == "muaro-jambi" and s < 0.6:
            out.append("'" + t)
        elif fmt == "muaro-jambi" and s < 0.75:
            out.append(f"{t[:2]}.{t[2:4]}.{t[4:6]}.{t[6:12]}.{t[12:]}")
        elif fmt == "palembang" and s < 0.1:
            out.append("'" + t)  # the apostrophe that kept Excel from rounding survives the CSV export
        elif fmt in ("muara-enim", "kukar", "generic") and s < 0.04:
            out.append(f"{t[:6]} {t[6:12]} {t[12:]}")
        else:
            out.append(t)
    return out


ABBREV_SPECIAL = {3: 0.2, 6: 0.3}  # recaps and attendance lists: clerks abbreviate more (DOMAIN: names)
OLD_SPELLING_BORN_BEFORE = np.datetime64("1976-01-01")
_GLUED_DEGREE = {"S.T.": ("S.T", "ST", "S.T."), "M.T.": ("M.T", "MT", "M.T."), "A.Md.": ("A.Md", "AMd", "A.Md."),
                 "S.Kom": ("S.Kom.", "S.Kom", "SKom"), "S.Ars.": ("S.Ars", "S.Ars."), "M.Eng.": ("M.Eng", "M.Eng.")}


def _old_spelled(cat: dict, safe: np.ndarray) -> np.ndarray:
    """Persons whose documents keep the pre-1972 spelling: about half of those born before 1976.

    A property of the person (birth date, KTP district, name), not of a row or an office,
    so the same person is old-spelled wherever it shows, in some files and rows only."""
    birth = cat["birth"][safe]
    day = birth.astype("datetime64[D]").astype(np.int64)
    mix = (day * 7 + cat["district"][safe].astype(np.int64) * 13 + cat["t2"][safe].astype(np.int64) * 31) % 10
    return (birth < OLD_SPELLING_BORN_BEFORE) & (mix < 5)


def _abbreviate(parts: list[str], r: float, dot: bool) -> list[str]:
    """A later, middle or first name shortened to its initial ("Supriyadi S.", "Abdul R. Hakim", "A. Rahman Hakim")."""
    mark = "." if dot else ""
    n = len(parts)
    if n == 3 and r < 0.35:
        which = 1  # middle
    elif r < 0.75 or n == 1:
        which = n - 1  # last
    else:
        which = 0  # first
    if parts[which].endswith(".") or len(parts[which]) <= 2:  # "M." already an initial: shorten the last instead
        which = n - 1
    parts = list(parts)
    parts[which] = parts[which][0] + mark
    return parts


def _render_names(df: pd.DataFrame, world: _World, upper: float, rng, abbrev: float = 0.0) -> list[str | None]:
    """Names as one file writes them.

    Spelling variants ("Moh.", "Achmad"), the pre-1972 spelling of older persons
    ("Soeparman", "Djoko"), a name part shortened to its initial at the office's rate
    (more in recaps and attendance lists), honorifics and degrees (sometimes glued:
    "H.Ahmad", "Hakim,S.T."), capitals, double or non-breaking spaces, the odd typo.
    """
    n = len(df)
    pid = df["pid"].to_numpy()
    cat = world.cat
    words = world.tokens.words
    variants = world.tokens.variants
    old_words = world.tokens.old
    safe = np.where(pid >= 0, pid, 0)
    t1, t2, t3 = cat["t1"][safe].tolist(), cat["t2"][safe].tolist(), cat["t3"][safe].tolist()
    fem = cat["female"][safe].tolist()
    prefix, degree = cat["prefix"][safe].tolist(), cat["degree"][safe].tolist()
    old = _old_spelled(cat, safe).tolist()
    expert = (df["jen"].to_numpy() >= 7).tolist()
    r_var, r_title, r_upper, r_typo, r_pick, r_pos = (rng.random(n).tolist() for _ in range(6))
    r_abbr, r_form, r_old, r_glue, r_space = (rng.random(n).tolist() for _ in range(5))
    rate = np.full(n, abbrev)
    special = df["special"].to_numpy() if "special" in df else np.zeros(n, dtype=np.int8)
    for code, value in ABBREV_SPECIAL.items():
        rate[special == code] = max(value, abbrev)
    abbreviated = (np.array(r_abbr) < rate).tolist()
    letters = "abcdefghijklmnopqrstuvwxyz"
    out: list[str | None] = []
    for i, p in enumerate(pid.tolist()):
        if p < 0:
            out.append(None)
            continue
        parts = []
        use_old = old[i] and r_old[i] < 0.6
        for t in (t1[i], t2[i], t3[i]):
            if t < 0:
                continue
            word = words[t]
            options = variants[t]
            if use_old and old_words[t]:
                word = old_words[t]
            elif options and r_var[i] < 0.3:
                word = options[int(r_pick[i] * len(options))]
            parts.append(word)
        if abbreviated[i] and len(parts) >= 2:
            parts = _abbreviate(parts, r_form[i], r_form[i] * 7 % 1 < 0.75)
        name = " ".join(parts)
        if r_typo[i] < 0.01 and len(name) > 4:
            pos = 1 + int(r_pos[i] * (len(name) - 2))
            if name[pos].isalpha():
                repl = letters[int(r_pick[i] * 26)]
                if repl == name[pos].lower():
                    repl = "e" if repl != "e" else "a"
                name = name[:pos] + repl + name[pos + 1:]
        if r_title[i] < 0.7:
            glue = r_glue[i] < 0.35
            if prefix[i] == 0:
                name = ("Hj." if fem[i] else "H.") + ("" if glue else " ") + name
            elif prefix[i] == 1:
                name = "Ir." + ("" if glue else " ") + name
            if degree[i] >= 0:
                pool = V.DEGREES_EXPERT if expert[i] else V.DEGREES_SKILLED
                text = pool[degree[i] % len(pool)]
                if glue:
                    text = ", ".join(
                        _GLUED_DEGREE.get(d, (d,))[int(r_pick[i] * 3) % len(_GLUED_DEGREE.get(d, (d,)))]
                        for d in text.split(", ")
                    )
                    name = f"{name},{text}"
                else:
                    name = f"{name}, {text}"
        if r_upper[i] < upper:
            name = name.upper()
        sp = r_space[i]
        if sp < 0.05 and " " in name:
            k = name.index(" ") if sp < 0.03 else name.rindex(" ")
            name = name[:k] + ("  " if sp < 0.025 else "\u00a0") + name[k + 1:]
        out.append(name)
    return out


# --------------------------------------------------------------------------------
# Writers: one per office habit. Each returns source file/sheet/row per data row.
# --------------------------------------------------------------------------------
@dataclass
class _Out:
    """What a writer reports back."""

    source_file: np.ndarray
    source_sheet: np.ndarray
    source_row: np.ndarray
    written_terbit: np.ndarray  # dates as the file states them (NaT when not shown)
    written_berlaku: np.ndarray
    written_nomor: np.ndarray
    written_nik: np.ndarray  # the NIK cell as text, as docs/data-model.md tells readers to render it
    written_nama: np.ndarray  # the name as the file writes it
    files: list[tuple[str, str, str]] = field(default_factory=list)  # (file, status, why)
    junk: list[tuple[str, str, int, str]] = field(default_factory=list)  # (file, sheet, row, kind)


def _new_out(n: int) -> _Out:
    return _Out(
        source_file=np.full(n, "", dtype=object),
        source_sheet=np.full(n, "", dtype=object),
        source_row=np.zeros(n, dtype=np.int64),
        written_terbit=np.full(n, np.datetime64("NaT"), dtype="datetime64[D]"),
        written_berlaku=np.full(n, np.datetime64("NaT"), dtype="datetime64[D]"),
        written_nomor=np.full(n, None, dtype=object),
        written_nik=np.full(n, None, dtype=object),
        written_nama=np.full(n, None, dtype=object),
    )


class _Ctx:
    """Shared inputs for the writers."""

    def __init__(self, world: _World, office: Office, spec: OfficeSpec, seed: int, out_dir: Path, progress):
        self.world = world
        self.office = office
        self.spec = spec
        self.seed = seed
        self.dir = out_dir
        self.progress = progress
        self.rng = _rng(seed, "write", office.id)

    def tick(self, k: int) -> None:
        if self.progress is not None:
            self.progress.update(k)


def _nik_as_text(value) -> str | None:
    """A NIK cell as a reader renders it: numbers >= 1e15 in 15-digit scientific form."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if value != value else f"{value:.14e}"
    return value.strip() or None


def _common(df: pd.DataFrame, ctx: _Ctx, out: _Out) -> dict[str, list]:
    """Per-row values most writers need, rendered once (records the NIK text in ``out``)."""
    cat = ctx.world.cat
    pid = df["pid"].to_numpy()
    safe = np.where(pid >= 0, pid, 0)
    real = pid >= 0
    places = np.array(ctx.world.place_names, dtype=object)[cat["place"][safe]]
    birth = cat["birth"][safe]
    nik = _format_nik(df, ctx.spec.fmt, ctx.rng)
    out.written_nik[:] = [_nik_as_text(v) for v in nik]
    nama = _render_names(df, ctx.world, ctx.spec.upper, ctx.rng, ctx.spec.abbrev)
    out.written_nama[:] = nama
    return {
        "real": real.tolist(),
        "nama": nama,
        "nik": nik,
        "place": [p if r else None for p, r in zip(places.tolist(), real.tolist())],
        "birth": birth,
        "female": cat["female"][safe].tolist(),
        "jabatan": _jabatan(df["fam"].to_numpy(), df["jen"].to_numpy()).tolist(),
        "jen": df["jen"].tolist(),
        "hasil": df["hasil"].tolist(),
        "pending": df["pending"].tolist(),
        "nomor": df["certificate_id"].tolist(),
        "unreadable": (df["special"].to_numpy() == 2).tolist(),
        "year": df["year"].tolist(),
    }


def _sheets(df: pd.DataFrame):
    """(group, sheet, positions) in row order."""
    keys = list(zip(df["group"].tolist(), df["sheet"].tolist()))
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            yield keys[start][0], keys[start][1], np.arange(start, i)
            start = i


def _files_of(df: pd.DataFrame):
    """(group, positions) in row order."""
    groups = df["group"].tolist()
    start = 0
    for i in range(1, len(groups) + 1):
        if i == len(groups) or groups[i] != groups[start]:
            yield groups[start], np.arange(start, i)
            start = i


def _signature(sheet, r: int, col: int, office: Office, place: str, when: str) -> tuple[int, list[int]]:
    """Signature block ("Mengetahui, / Kepala Dinas ... / (name) / NIP. ...") from row r; returns next row and rows."""
    name, nip = V.SIGNATORIES.get(office.id, ("Ir. Bambang Sutrisno, M.T.", "19700101 199503 1 001"))
    lines = [f"{place}, {when}", "Mengetahui,", f"Kepala {office.name}", None, None, f"({name})", f"NIP. {nip}"]
    rows = []
    for text in lines:
        if text is not None:
            sheet.row(r, [None] * col + [text])
            rows.append(r)
        r += 1
    return r, rows


def _write_kutim(df, ctx: _Ctx, out: _Out) -> None:
    c = _common(df, ctx, out)
    rng = ctx.rng
    header = ["No", "Nama Lengkap", "NIK", "Tempat, Tanggal Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
              "No. Registrasi", "Tahun"]
    widths = [5, 32, 22, 30, 5, 34, 11, 7, 24, 7]
    y, m, d = _ymd(c["birth"])
    style = rng.random(len(df)).tolist()
    blank = (rng.random(len(df)) < 0.012).tolist()
    jstyle = rng.random(len(df)).tolist()
    books: dict[str, XlsxBook] = {}
    for group, sheet_name, pos in _sheets(df):
        book = books.get(group)
        if book is None:
            for other in books.values():
                other.close()
            books.clear()
            book = books[group] = XlsxBook(ctx.dir / group)
            out.files.append((group, "ok", "MTU participant workbook, one sheet per kecamatan"))
        if df["special"].iat[pos[0]] == 6:  # the kecamatan's attendance list, a sheet of the same workbook
            _attendance_sheet(book, group, sheet_name, pos, df, c, ctx, out, registration=False)
            continue
        sheet = book.sheet(sheet_name, widths)
        year = c["year"][pos[0]]
        titles = ["DAFTAR PESERTA MOBILE TRAINING UNIT (MTU)", f"DINAS PUPR KABUPATEN KUTAI TIMUR TAHUN {year}"]
        if rng.random() < 0.6:
            titles.append(f"KECAMATAN {sheet_name.upper()}")
        r = 1
        for title in titles:
            sheet.row(r, [title], bold=True)
            sheet.merge(r, 0, r, len(header) - 1)
            out.junk.append((group, sheet_name, r, "title"))
            r += 1
        r += 1  # blank line under the titles
        sheet.row(r, header, bold=True)
        r += 1
        if rng.random() < 0.5:
            sheet.row(r, list(range(1, len(header) + 1)))
            out.junk.append((group, sheet_name, r, "numbering"))
            r += 1
        k = kb = 0
        for no, i in enumerate(pos.tolist(), start=1):
            if blank[i]:
                out.junk.append((group, sheet_name, r, "blank"))
                r += 1
            if c["real"][i]:
                s = style[i]
                if s < 0.72:
                    ttl = f"{c['place'][i]}, {d[i]:02d}-{m[i]:02d}-{y[i]}"
                elif s < 0.84:
                    ttl = f"{c['place'][i]}, {d[i]} {V.BULAN[m[i] - 1]} {y[i]}"
                elif s < 0.89:
                    ttl = f"{c['place'][i]}, {d[i]:02d}.{m[i]:02d}.{y[i]}"
                elif s < 0.93:
                    ttl = f"{c['place'][i]}, {d[i]:02d}/{m[i]:02d}/{y[i]}"
                elif s < 0.96:
                    ttl = f"{c['place'][i].upper()} / {d[i]} {_BULAN_SHORT[m[i] - 1]} {y[i]}"
                else:
                    ttl = f"{c['place'][i]},{d[i]:02d}-{m[i]:02d}-{y[i]}"
                sex = "P" if c["female"][i] else "L"
            else:
                ttl = sex = None
            j = c["jen"][i]
            if c["unreadable"][i]:
                jen = "Jenjang ?"
            elif jstyle[i] < 0.9:
                jen = f"Jenjang {j}"
            elif jstyle[i] < 0.92:
                jen = f"Jenjang {V.ROMAN[j]}"
            elif jstyle[i] < 0.95:
                jen = str(j)
            else:
                jen = f"KKNI {j}"
            h = c["hasil"][i]
            nomor = None
            if h == 1:
                k += 1
                if c["pending"][i]:
                    nomor = "dalam proses"
                elif c["real"][i]:
                    nomor = c["nomor"][i]
                    out.written_nomor[i] = nomor
            else:
                kb += 1
            sheet.row(r, [no, c["nama"][i], c["nik"][i], ttl, sex, c["jabatan"][i], jen, "K" if h == 1 else "BK",
                          nomor, c["year"][i]])
            out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
            r += 1
        r += 1
        sheet.row(r, ["JUMLAH", None, None, None, None, None, None, f"K: {k} / BK: {kb}"], bold=True)
        sheet.merge(r, 0, r, 6)
        out.junk.append((group, sheet_name, r, "total"))
        r += 2
        _, rows = _signature(sheet, r, 7, ctx.office, "Sangatta", f"{20 + int(rng.integers(0, 9))} Desember {year}")
        out.junk.extend((group, sheet_name, s, "signature") for s in rows)
        ctx.tick(len(pos))
    for book in books.values():
        book.close()


def _kualifikasi_text(j: int, s: float) -> str:
    if j >= 7:
        return V.AHLI_TITLE[j]
    return f"Jenjang {j}" if s < 0.5 else f"KKNI {j}"


def _write_kaltim(df, ctx: _Ctx, out: _Out) -> None:
    c = _common(df, ctx, out)
    rng = ctx.rng
    serial_birth = _serial(c["birth"]).tolist()
    bulan = _bulan(c["birth"])
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    issue_serial = np.where(np.isnat(issue), -1, _serial(np.where(np.isnat(issue), np.datetime64("2000-01-01"), issue))).tolist()
    expiry_serial = np.where(np.isnat(expiry), -1, _serial(np.where(np.isnat(expiry), np.datetime64("2000-01-01"), expiry))).tolist()
    bstyle = rng.random(len(df)).tolist()
    kstyle = rng.random(len(df)).tolist()
    src_office = df["src_office"].tolist()
    region_of = {o: ctx.world.offices[o].region_name for o in set(src_office) if o}
    widths = [5, 32, 20, 16, 13, 12, 36, 13, 15, 24, 14, 14, 7]
    book = None
    current = None
    for group, sheet_name, pos in _sheets(df):
        if group != current:
            if book is not None:
                book.close()
            book = XlsxBook(ctx.dir / group, creator="Dinas PUPR-Pera Provinsi Kalimantan Timur")
            current = group
            out.files.append((group, "ok", "province workbook: Tahap sheets with a two-row header, plus Rekap Kabupaten"))
        year = c["year"][pos[0]]
        if sheet_name == "Rekap Kabupaten":
            _write_kaltim_rekap(book, df, c, pos, ctx, out, group, year, region_of)
            continue
        sheet = book.sheet(sheet_name, widths)
        sheet.row(1, ["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI KUALIFIKASI AHLI DAN FRESH GRADUATE"], bold=True)
        sheet.merge(1, 0, 1, 12)
        sheet.row(2, [f"{sheet_name.upper()} TAHUN {year} - DINAS PUPR-PERA PROVINSI KALIMANTAN TIMUR"], bold=True)
        sheet.merge(2, 0, 2, 12)
        out.junk.extend([(group, sheet_name, 1, "title"), (group, sheet_name, 2, "title")])
        parent = ["No", "Nama Peserta", "NIK", "Tempat, Tanggal Lahir", None, "Jenis Kelamin", "Jabatan Kerja",
                  "Kualifikasi", "Hasil Uji", "Sertifikat", None, None, "Tahun"]
        child = [None, None, None, "Tempat", "Tanggal", None, None, None, None, "Nomor", "Tanggal Terbit", "Masa Berlaku", None]
        sheet.row(4, parent, bold=True)
        sheet.row(5, child, bold=True)
        for col in (0, 1, 2, 5, 6, 7, 8, 12):
            sheet.merge(4, col, 5, col)
        sheet.merge(4, 3, 4, 4)
        sheet.merge(4, 9, 4, 11)
        r = 6
        for no, i in enumerate(pos.tolist(), start=1):
            s = bstyle[i]
            if s < 0.4:
                born = XDate(serial_birth[i])
            elif s < 0.7:
                born = serial_birth[i]  # an Excel serial number in a General cell
            else:
                born = bulan[i]
            h = c["hasil"][i]
            nomor = terbit = berlaku = None
            if h == 1:
                if c["pending"][i]:
                    nomor = "dalam proses"
                else:
                    nomor = c["nomor"][i]
                    terbit, berlaku = XDate(issue_serial[i]), XDate(expiry_serial[i])
                    out.written_nomor[i] = nomor
                    out.written_terbit[i] = issue[i]
                    out.written_berlaku[i] = expiry[i]
            kual = "Jenjang ?" if c["unreadable"][i] else _kualifikasi_text(c["jen"][i], kstyle[i])
            sheet.row(r, [no, c["nama"][i], c["nik"][i], c["place"][i], born,
                          "Perempuan" if c["female"][i] else "Laki-laki", c["jabatan"][i], kual,
                          "Kompeten" if h == 1 else "Belum Kompeten", nomor, terbit, berlaku, c["year"][i]])
            out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
            r += 1
        sheet.row(r, ["JUMLAH PESERTA", None, len(pos)], bold=True)
        sheet.merge(r, 0, r, 1)
        out.junk.append((group, sheet_name, r, "total"))
        ctx.tick(len(pos))
    if book is not None:
        book.close()


def _write_kaltim_rekap(book, df, c, pos, ctx, out, group, year, region_of) -> None:
    """Sheet "Rekap Kabupaten": certificates issued through the regencies, same registration numbers."""
    sheet = book.sheet("Rekap Kabupaten", [5, 28, 32, 20, 12, 36, 13, 15, 24, 14, 14, 7])
    sheet.row(1, [f"REKAPITULASI SERTIFIKAT TENAGA KERJA KONSTRUKSI KABUPATEN/KOTA SE-KALIMANTAN TIMUR TAHUN {year}"], bold=True)
    sheet.merge(1, 0, 1, 11)
    out.junk.append((group, "Rekap Kabupaten", 1, "title"))
    header = ["No", "Kabupaten/Kota", "Nama Peserta", "NIK", "Jenis Kelamin", "Jabatan Kerja", "Kualifikasi",
              "Hasil Uji", "No. Registrasi", "Tanggal Terbit", "Masa Berlaku", "Tahun"]
    sheet.row(3, header, bold=True)
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    src_office = df["src_office"].tolist()
    kstyle = ctx.rng.random(len(pos)).tolist()
    r = 4
    for no, i in enumerate(pos.tolist(), start=1):
        out.written_nomor[i] = c["nomor"][i]
        out.written_terbit[i] = issue[i]
        out.written_berlaku[i] = expiry[i]
        sheet.row(r, [no, region_of[src_office[i]], c["nama"][i], c["nik"][i],
                      "Perempuan" if c["female"][i] else "Laki-laki", c["jabatan"][i],
                      _kualifikasi_text(c["jen"][i], kstyle[no - 1]), "Kompeten", c["nomor"][i],
                      XDate(int(_serial(issue[i:i + 1])[0])), XDate(int(_serial(expiry[i:i + 1])[0])), c["year"][i]])
        out.source_file[i], out.source_sheet[i], out.source_row[i] = group, "Rekap Kabupaten", r
        r += 1
    ctx.tick(len(pos))


def _cache_xlwt_styles(book) -> None:
    """xlwt hashes a cell's style on every write; remember the index per style object (3x faster)."""
    original = book.add_style
    cache: dict[int, int] = {}

    def add_style(style):
        key = id(style)
        if key not in cache:
            cache[key] = original(style)
        return cache[key]

    book.add_style = add_style


def _write_muaro_jambi(df, ctx: _Ctx, out: _Out) -> None:
    import xlwt

    c = _common(df, ctx, out)
    rng = ctx.rng
    born = _dmy(c["birth"], sep="/")
    jstyle = rng.random(len(df)).tolist()
    header = ["No", "Nama", "No. KTP", "Tempat Lahir", "Tgl Lahir", "JK", "Jabatan", "Jenjang", "Keterangan", "Tahun"]
    bold = xlwt.easyxf("font: bold on; align: horiz center")
    for group, pos in _files_of(df):
        book = xlwt.Workbook(encoding="utf-8")
        _cache_xlwt_styles(book)
        out.files.append((group, "ok", "legacy .xls (BIFF8); long lists continue on further sheets"))
        chunks = [pos[i:i + XLS_MAX_DATA_ROWS] for i in range(0, len(pos), XLS_MAX_DATA_ROWS)]
        for part, chunk in enumerate(chunks, start=1):
            sheet_name = "Peserta" if part == 1 else f"Peserta ({part})"
            ws = book.add_sheet(sheet_name)
            for col, width in enumerate([5, 30, 22, 16, 12, 5, 28, 9, 16, 7]):
                ws.col(col).width = width * 256
            titles = ["DAFTAR PESERTA BIMTEK PEMBEKALAN DAN UJI SERTIFIKASI TENAGA KERJA OPERATOR ALAT BERAT",
                      "DINAS PUPR KABUPATEN MUARO JAMBI", "SENGETI, DESEMBER 2025"]
            for r0, title in enumerate(titles):
                ws.write_merge(r0, r0, 0, len(header) - 1, title, bold)
                out.junk.append((group, sheet_name, r0 + 1, "title"))
            r0 = len(titles) + 1
            for col, text in enumerate(header):
                ws.write(r0, col, text, bold)
            r0 += 1
            for col in range(len(header)):
                ws.write(r0, col, col + 1)
            out.junk.append((group, sheet_name, r0 + 1, "numbering"))
            r0 += 1
            for no, i in enumerate(chunk.tolist(), start=1):
                j = c["jen"][i]
                if c["unreadable"][i]:
                    jen = "KKNI ?"
                else:
                    jen = V.ROMAN[j] if jstyle[i] < 0.6 else f"KKNI {j}"
                values = [no, c["nama"][i], c["nik"][i], c["place"][i], born[i] if c["real"][i] else None,
                          ("PR" if c["female"][i] else "LK") if c["real"][i] else None, c["jabatan"][i], jen,
                          "Kompeten" if c["hasil"][i] == 1 else "Belum Kompeten", c["year"][i]]
                for col, value in enumerate(values):
                    if value is None or value == "" or (isinstance(value, float) and value != value):
                        continue
                    ws.write(r0, col, value)
                out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r0 + 1
                r0 += 1
            if part == len(chunks):
                r0 += 1
                ws.write(r0, 0, "JUMLAH", bold)
                ws.write(r0, 2, len(pos))
                out.junk.append((group, sheet_name, r0 + 1, "total"))
                r0 += 2
                name, nip = V.SIGNATORIES[ctx.office.id] if ctx.office.id in V.SIGNATORIES else ("Ir. Bambang Sutrisno, M.T.", "19700101 199503 1 001")
                for text in ("Sengeti, 19 Desember 2025", "Mengetahui,", f"Kepala {ctx.office.name}", None, None,
                             f"({name})", f"NIP. {nip}"):
                    if text:
                        ws.write(r0, 6, text)
                        out.junk.append((group, sheet_name, r0 + 1, "signature"))
                    r0 += 1
            ctx.tick(len(chunk))
        book.save(str(ctx.dir / group))


def _write_kalsel(df, ctx: _Ctx, out: _Out) -> None:
    c = _common(df, ctx, out)
    born = _iso(c["birth"])
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    issue_iso, expiry_iso = _iso(issue), _iso(expiry)
    nik = c["nik"]
    program = df["program"].tolist()
    for stem, pos in _files_of(df):
        if stem.startswith("sertifikasi_ahli"):
            _write_api_pages(df, c, ctx, out, stem, pos, issue, expiry)
            continue
        pages = [pos[i:i + JSON_PAGE_SIZE] for i in range(0, len(pos), JSON_PAGE_SIZE)]
        for page_no, page in enumerate(pages, start=1):
            name = f"{stem}_page{page_no}.json"
            records = []
            for k, i in enumerate(page.tolist(), start=1):
                h = c["hasil"][i]
                nomor = c["nomor"][i] if h == 1 and not c["pending"][i] else None
                terbit = issue_iso[i] if nomor else None
                berlaku = expiry_iso[i] if nomor else None
                if nomor:
                    out.written_nomor[i] = nomor
                    out.written_terbit[i] = issue[i]
                    out.written_berlaku[i] = expiry[i]
                records.append({
                    "nik": nik[i],
                    "nama": c["nama"][i],
                    "tempat_lahir": c["place"][i],
                    "tanggal_lahir": born[i],
                    "jenis_kelamin": "P" if c["female"][i] else "L",
                    "jabatan_kerja": c["jabatan"][i],
                    "jenjang": c["jen"][i],
                    "kualifikasi": V.AHLI_TITLE.get(c["jen"][i], "Teknisi/Analis"),
                    "hasil": {1: "Kompeten", 0: "Belum Kompeten", -1: ""}[h],
                    "nomor_registrasi": nomor,
                    "tanggal_ditetapkan": terbit,
                    "masa_berlaku": berlaku,
                    "kegiatan": program[i],
                    "tahun": c["year"][i],
                })
                out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", k
            meta = {"page": page_no, "total_pages": len(pages), "per_page": JSON_PAGE_SIZE, "total": len(pos)}
            body = ",\n  ".join(json.dumps(record, ensure_ascii=False) for record in records)
            text = f'{{"data": [\n  {body}\n], "meta": {json.dumps(meta)}}}\n'
            (ctx.dir / name).write_text(text, encoding="utf-8")
            out.files.append((name, "ok", "SIKI-like JSON export, one page per file"))
            ctx.tick(len(page))


API_PAGE_SIZE = 100


def _write_api_pages(df, c, ctx: _Ctx, out: _Out, stem: str, pos: np.ndarray, issue, expiry) -> None:
    """The province portal's REST API export, in English (DOMAIN: exports from web systems).

    ``{"data": [...], "meta": {"page", "per_page", "total", "total_pages"}, "links": {...}}``;
    ``gender`` male/female, ``assessment_result`` competent / not yet competent, a nested
    ``certificate`` with ISO timestamps: WITA (+08:00) from the portal, some records
    re-saved by the Jakarta server in WIB (+07:00); the local date is the same.
    """
    rng = ctx.rng
    born = _iso(c["birth"])
    issue_iso, expiry_iso = _iso(issue), _iso(expiry)
    offset = np.where(rng.random(len(df)) < 0.8, "+08:00", "+07:00").tolist()
    hour = rng.integers(8, 16, size=len(df)).tolist()
    level_style = rng.random(len(df)).tolist()
    pages = [pos[i:i + API_PAGE_SIZE] for i in range(0, len(pos), API_PAGE_SIZE)]
    name_stem = f"api_{stem}"
    for page_no, page in enumerate(pages, start=1):
        name = f"{name_stem}_p{page_no:03d}.json"
        records = []
        for k, i in enumerate(page.tolist(), start=1):
            h = c["hasil"][i]
            issued = h == 1 and not c["pending"][i]
            certificate = None
            if issued:
                out.written_nomor[i] = c["nomor"][i]
                out.written_terbit[i] = issue[i]
                out.written_berlaku[i] = expiry[i]
                hh = hour[i] - (1 if offset[i] == "+07:00" else 0)
                certificate = {
                    "number": c["nomor"][i],
                    "issued_at": f"{issue_iso[i]}T{hh:02d}:00:00{offset[i]}",
                    "expires_at": f"{expiry_iso[i]}T23:59:59{offset[i]}",
                }
            elif h == 1:
                certificate = {"number": None, "status": "in_process", "issued_at": None, "expires_at": None}
            j = c["jen"][i]
            records.append({
                "id": int(1000 + i),
                "full_name": c["nama"][i],
                "id_number": c["nik"][i],
                "gender": "female" if c["female"][i] else "male",
                "birth_place": c["place"][i],
                "birth_date": born[i],
                "position": c["jabatan"][i],
                "qualification": "Ahli" if j >= 7 else "Teknisi/Analis",
                "level": j if level_style[i] < 0.7 else f"KKNI {j}",
                "assessment_result": "competent" if h == 1 else "not yet competent",
                "certificate": certificate,
                "program": df["program"].iat[i],
                "year": c["year"][i],
            })
            out.source_file[i], out.source_sheet[i], out.source_row[i] = name, "", k
        meta = {"page": page_no, "per_page": API_PAGE_SIZE, "total": len(pos), "total_pages": len(pages)}
        links = {"next": f"/api/v1/participants?page={page_no + 1}" if page_no < len(pages) else None}
        text = json.dumps({"data": records, "meta": meta, "links": links}, ensure_ascii=False, indent=1) + "\n"
        (ctx.dir / name).write_text(text, encoding="utf-8")
        out.files.append((name, "ok", "province portal REST API export in English: full_name, id_number, nested certificate"))
        ctx.tick(len(page))


def _write_csv(df, ctx: _Ctx, out: _Out, *, palembang: bool) -> None:
    c = _common(df, ctx, out)
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    program = df["program"].tolist()
    if palembang:
        header = ["Nama Peserta", "NIK", "TTL", "JK", "Jabatan Kerja", "Level", "Hasil", "Nomor Sertifikat",
                  "Tgl Terbit", "Berlaku s.d.", "Tahun", "Kegiatan"]
        born = _dmy(c["birth"], sep="-", two_digit_year=True)
        terbit_text = _dmy(issue, sep="-", two_digit_year=True)
        berlaku_text = _dmy(expiry, sep="-", two_digit_year=True)
        encoding, delimiter, newline = "cp1252", ";", "\r\n"
        why = "CSV export: ';' delimiter, Windows-1252, 2-digit years"
    else:
        header = ["No", "Nama", "NIK", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang",
                  "Hasil", "Nomor Sertifikat", "Tanggal Terbit", "Masa Berlaku", "Tahun"]
        born = _dmy(c["birth"], sep="/", order="mdy")
        terbit_text = _dmy(issue, sep="/", order="mdy")
        berlaku_text = _dmy(expiry, sep="/", order="mdy")
        encoding, delimiter, newline = "utf-8-sig", ",", "\r\n"
        why = "CSV export from an English-locale Excel: month-first dates"
    for group, pos in _files_of(df):
        path = ctx.dir / group
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter, lineterminator=newline)
            writer.writerow(header)
            line = 2
            k = 0
            for no, i in enumerate(pos.tolist(), start=1):
                h = c["hasil"][i]
                nomor = terbit = berlaku = ""
                if h == 1:
                    k += 1
                    if c["pending"][i]:
                        nomor = "dalam proses" if palembang else "Dalam Proses"
                    else:
                        nomor, terbit, berlaku = c["nomor"][i], terbit_text[i], berlaku_text[i]
                        out.written_nomor[i] = nomor
                        out.written_terbit[i] = issue[i]
                        out.written_berlaku[i] = expiry[i]
                jen = "Jenjang ?" if c["unreadable"][i] else str(c["jen"][i])
                sex = "P" if c["female"][i] else "L"
                nik = c["nik"][i] or ""
                if palembang:
                    ttl = f"{c['place'][i]}, {born[i]}"
                    row = [c["nama"][i], nik, ttl, sex, c["jabatan"][i], jen,
                           "Kompeten" if h == 1 else "Belum Kompeten", nomor, terbit, berlaku, c["year"][i], program[i]]
                else:
                    row = [no, c["nama"][i], nik, c["place"][i], born[i], sex, c["jabatan"][i], jen,
                           "KOMPETEN" if h == 1 else "BELUM KOMPETEN", nomor, terbit, berlaku, c["year"][i]]
                writer.writerow(row)
                out.source_file[i], out.source_sheet[i], out.source_row[i] = group, "", line
                line += 1
            if palembang:
                writer.writerow(["JUMLAH", "", "", "", "", "", f"{k} Kompeten", "", "", "", "", ""])
                out.junk.append((group, "", line, "total"))
        out.files.append((group, "ok", why))
        ctx.tick(len(pos))


def _write_standard_xlsx(df, ctx: _Ctx, out: _Out, *, kind: str) -> None:
    """Kutai Kartanegara ("Peserta" + a "Rekap" pivot), Muara Enim, and offices without a spec."""
    c = _common(df, ctx, out)
    rng = ctx.rng
    issue = df["issue"].to_numpy().astype("datetime64[D]")
    expiry = df["expiry"].to_numpy().astype("datetime64[D]")
    birth_serial = _serial(c["birth"]).tolist()
    safe_issue = np.where(np.isnat(issue), np.datetime64("2000-01-01"), issue)
    safe_expiry = np.where(np.isnat(expiry), np.datetime64("2000-01-01"), expiry)
    issue_serial, expiry_serial = _serial(safe_issue).tolist(), _serial(safe_expiry).tolist()
    dmy_slash = _dmy(c["birth"], sep="/")
    bulan_short = _bulan(c["birth"], abbreviate=True)
    style = rng.random(len(df)).tolist()
    blank = (rng.random(len(df)) < (0.01 if kind == "muara-enim" else 0.0)).tolist()
    office = ctx.office
    if kind == "muara-enim":
        header = ["No", "No. KTP/NIK", "Nama", "L/P", "Tempat, Tanggal Lahir", "Jabatan Kerja", "Jenjang", "Hasil",
                  "Keterangan", "Tahun"]
        widths = [5, 22, 30, 5, 30, 34, 10, 7, 14, 7]
        # from 2023 the office copies the registration number from SIKI: no dates, and the year
        # only in the title row (and inside the number)
        header_numbers = header[:8] + ["No. Registrasi"]
    else:
        header = ["No", "Nama Pekerja" if kind == "kukar" else "Nama", "Nomor Identitas" if kind == "kukar" else "NIK",
                  "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang", "Hasil",
                  "No. Registrasi", "Tgl Terbit", "Masa Berlaku", "Tahun"]
        widths = [5, 30, 22, 16, 13, 13, 34, 8, 16, 24, 12, 12, 7]
    for group, pos in _files_of(df):
        book = XlsxBook(ctx.dir / group, creator=office.name)
        why = {"kukar": "sheet Peserta is the list; sheet Rekap is a pivot the registry tells readers to skip",
               "muara-enim": "NIK first; Hasil K/BK and Keterangan TERBIT / dalam proses"}.get(kind, "participant list")
        out.files.append((group, "ok", why))
        sheet_name = df["sheet"].iat[pos[0]]
        sheet = book.sheet(sheet_name, widths)
        year = c["year"][pos[0]]
        numbers_only = kind == "muara-enim" and year >= NUMBERS_ONLY_FROM
        if numbers_only:
            header_now = header_numbers
        else:
            header_now = header
        sheet.row(1, [f"DATA PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN {year}"], bold=True)
        sheet.merge(1, 0, 1, len(header) - 1)
        sheet.row(2, [office.name.upper()], bold=True)
        sheet.merge(2, 0, 2, len(header) - 1)
        out.junk.extend([(group, sheet_name, 1, "title"), (group, sheet_name, 2, "title")])
        sheet.row(4, header_now, bold=True)
        r = 5
        tally: dict[str, list[int]] = {}
        for no, i in enumerate(pos.tolist(), start=1):
            if blank[i]:
                out.junk.append((group, sheet_name, r, "blank"))
                r += 1
            real = c["real"][i]
            h = c["hasil"][i]
            j = c["jen"][i]
            tally.setdefault(c["jabatan"][i], [0, 0])[0 if h == 1 else 1] += 1
            if kind == "muara-enim":
                s = style[i]
                ttl = None
                if real:
                    ttl = f"{c['place'][i]}, {dmy_slash[i]}" if s < 0.8 else f"{c['place'][i]}, {bulan_short[i]}"
                if c["unreadable"][i]:
                    jen = "Jenjang ?"
                else:
                    jen = f"Jenjang {j}" if s < 0.5 else (j if s < 0.8 else V.ROMAN[j])
                ket = None
                if h == 1:
                    ket = "dalam proses" if c["pending"][i] else "TERBIT"
                    if numbers_only and not c["pending"][i] and real:
                        ket = c["nomor"][i]
                        out.written_nomor[i] = ket
                sex = ("Wanita" if c["female"][i] else "Pria") if s > 0.88 else ("P" if c["female"][i] else "L")
                values = [no, c["nik"][i], c["nama"][i], sex if real else None, ttl,
                          c["jabatan"][i], jen, "K" if h == 1 else "BK", ket, c["year"][i]]
                if numbers_only:
                    values = values[:9]
            else:
                nomor = terbit = berlaku = None
                if h == 1:
                    if c["pending"][i]:
                        nomor = "proses"
                    elif real:
                        nomor = c["nomor"][i]
                        terbit, berlaku = XDate(issue_serial[i]), XDate(expiry_serial[i])
                        out.written_nomor[i] = nomor
                        out.written_terbit[i] = issue[i]
                        out.written_berlaku[i] = expiry[i]
                born = XDate(birth_serial[i]) if real else None
                if real and kind == "kukar" and style[i] < 0.12:
                    born = dmy_slash[i].replace("/", "-")  # typed as text in a column formatted as Text
                values = [no, c["nama"][i], c["nik"][i], c["place"][i], born,
                          ("Perempuan" if c["female"][i] else "Laki-laki") if real else None, c["jabatan"][i],
                          "Jenjang ?" if c["unreadable"][i] else j,
                          "Kompeten" if h == 1 else "Belum Kompeten", nomor, terbit, berlaku, c["year"][i]]
            sheet.row(r, values)
            out.source_file[i], out.source_sheet[i], out.source_row[i] = group, sheet_name, r
            r += 1
        if kind == "muara-enim":
            r += 1
            sheet.row(r, ["JUMLAH", None, len(pos)], bold=True)
            out.junk.append((group, sheet_name, r, "total"))
            r += 2
            _, rows = _signature(sheet, r, 5, office, "Muara Enim", f"30 Desember {year}")
            out.junk.extend((group, sheet_name, s, "signature") for s in rows)
        if kind == "kukar":
            pivot = book.sheet("Rekap", [36, 12, 16, 10])
            pivot.row(1, ["Jabatan Kerja", "Kompeten", "Belum Kompeten", "Jumlah"], bold=True)
            rr = 2
            out.junk.append((group, "Rekap", 1, "pivot"))
            for jabatan in sorted(tally):
                a, b = tally[jabatan]
                pivot.row(rr, [jabatan, a, b, a + b])
                out.junk.append((group, "Rekap", rr, "pivot"))
                rr += 1
            out.junk.append((group, "Rekap", rr, "pivot"))
            total_k = sum(v[0] for v in tally.values())
            total_bk = sum(v[1] for v in tally.values())
            pivot.row(rr, ["Grand Total", total_k, total_bk, total_k + total_bk], bold=True)
        book.close()
        ctx.tick(len(pos))


def _write_attendance(df, ctx: _Ctx, out: _Out) -> None:
    """Attendance lists (Daftar Hadir) and registration lists (Daftar Peserta) as files of their own."""
    c = _common(df, ctx, out)
    books: dict[str, XlsxBook] = {}
    registration = ctx.spec.fmt in ("kukar", "samarinda")
    for group, sheet_name, pos in _sheets(df):
        book = books.get(group)
        if book is None:
            for other in books.values():
                other.close()
            books.clear()
            book = books[group] = XlsxBook(ctx.dir / group, creator=ctx.office.name)
            kind = "registration list (Daftar Peserta)" if registration else "attendance list (Daftar Hadir)"
            out.files.append((group, "attendance", f"{kind}: made before the assessment, no jenjang, no result"))
        _attendance_sheet(book, group, sheet_name or ("Pendaftar" if registration else "Daftar Hadir"), pos, df, c,
                          ctx, out, registration)
    for book in books.values():
        book.close()


def _attendance_sheet(book, group: str, name: str, pos, df, c: dict, ctx: _Ctx, out: _Out, registration: bool) -> None:
    """One attendance or registration sheet: made before the assessment, so no jenjang and no
    result; a signature column numbered the way paper lists are (odd numbers left, even right)."""
    rng = ctx.rng
    program = df["program"].iat[pos[0]]
    if registration:
        header = ["No", "Nama Lengkap", "NIK", "Tempat/Tgl Lahir", "Jabatan Kerja yang Diajukan", "No. HP", "TTD"]
        widths = [5, 32, 22, 30, 36, 16, 14]
    else:
        header = ["No", "Nama", "NIK", "Jabatan Kerja", "Tanda Tangan", None]
        widths = [5, 32, 22, 36, 12, 12]
    born = _dmy(c["birth"][pos], sep="-")
    phone = rng.integers(10**9, 10**10, size=len(pos)).tolist()
    sheet = book.sheet(name, widths)
    titles = ["DAFTAR PESERTA" if registration else "DAFTAR HADIR PESERTA", program.upper(), ctx.office.name.upper()]
    r = 1
    for title in titles:
        sheet.row(r, [title], bold=True)
        sheet.merge(r, 0, r, len(header) - 1)
        out.junk.append((group, name, r, "title"))
        r += 1
    if not registration:
        sheet.row(r, [f"Hari/Tanggal: {_bulan(df['assess'].to_numpy()[pos[:1]] - 3)[0]}"])
        out.junk.append((group, name, r, "title"))
        r += 1
    r += 1
    sheet.row(r, header, bold=True)
    if not registration:
        sheet.merge(r, 4, r, 5)
    r += 1
    for no, (k, i) in enumerate(enumerate(pos.tolist()), start=1):
        if registration:
            values = [no, c["nama"][i], c["nik"][i], f"{c['place'][i]}, {born[k]}", c["jabatan"][i],
                      f"08{phone[k]}", None]
        else:
            ttd = [None, None]
            ttd[(no - 1) % 2] = f"{no}."
            values = [no, c["nama"][i], c["nik"][i], c["jabatan"][i], *ttd]
        sheet.row(r, values)
        out.source_file[i], out.source_sheet[i], out.source_row[i] = group, name, r
        r += 1
    r += 1
    place = ctx.office.region_name
    for prefix in ("Kabupaten ", "Kota ", "Provinsi "):
        place = place.replace(prefix, "")
    when = f"{int(rng.integers(1, 28))} {V.BULAN[int(rng.integers(0, 12))]} {c['year'][pos[0]]}"
    _, rows = _signature(sheet, r, 3, ctx.office, place, when)
    out.junk.extend((group, name, s_, "signature") for s_ in rows)
    ctx.tick(len(pos))


def _bad_files(ctx: _Ctx, out: _Out) -> None:
    """Muara Enim's unreadable files: a corrupt workbook, an empty CSV, a meeting invitation."""
    rng = ctx.rng
    good = XlsxBook(ctx.dir / "_tmp.xlsx")
    sheet = good.sheet("Data")
    sheet.row(1, ["No", "Nama", "NIK"])
    good.close()
    data = (ctx.dir / "_tmp.xlsx").read_bytes()
    (ctx.dir / "_tmp.xlsx").unlink()
    corrupt = data[: len(data) // 3] + rng.bytes(512)  # truncated zip with trailing garbage
    (ctx.dir / "REKAP_PESERTA_SKK_2022_revisi.xlsx").write_bytes(corrupt)
    out.files.append(("REKAP_PESERTA_SKK_2022_revisi.xlsx", "rejected", "corrupt workbook: truncated zip"))
    (ctx.dir / "peserta_susulan.csv").write_bytes(b"")
    out.files.append(("peserta_susulan.csv", "rejected", "empty file (0 bytes)"))
    book = XlsxBook(ctx.dir / "undangan_rapat.xlsx", creator=ctx.office.name)
    sheet = book.sheet("Undangan", [5, 40, 40, 24, 30])
    sheet.row(1, ["UNDANGAN RAPAT KOORDINASI JASA KONSTRUKSI"], bold=True)
    sheet.row(3, ["No", "Instansi", "Perihal", "Hari/Waktu", "Lokasi"], bold=True)
    rows = [
        ("Dinas PUPR Kabupaten Lahat", "Rapat koordinasi pembinaan jasa konstruksi", "Senin, 09.00 WIB", "Aula Dinas PUPR"),
        ("Balai Jasa Konstruksi Wilayah II Palembang", "Sosialisasi sertifikasi kompetensi kerja", "Selasa, 09.00 WIB", "Ruang Rapat Bidang Bina Konstruksi"),
        ("LPJK Provinsi Sumatera Selatan", "Evaluasi uji kompetensi", "Rabu, 13.00 WIB", "Aula Dinas PUPR"),
    ]
    for r, values in enumerate(rows, start=4):
        sheet.row(r, [r - 3, *values])
    book.close()
    out.files.append(("undangan_rapat.xlsx", "rejected", "no participant columns (no nama / NIK header): a meeting invitation"))


WRITERS: dict[str, Callable] = {
    "kutim": _write_kutim,
    "kaltim": _write_kaltim,
    "muaro-jambi": _write_muaro_jambi,
    "kalsel": _write_kalsel,
    "palembang": lambda df, ctx, out: _write_csv(df, ctx, out, palembang=True),
    "samarinda": lambda df, ctx, out: _write_csv(df, ctx, out, palembang=False),
    "kukar": lambda df, ctx, out: _write_standard_xlsx(df, ctx, out, kind="kukar"),
    "muara-enim": lambda df, ctx, out: _write_standard_xlsx(df, ctx, out, kind="muara-enim"),
    "generic": lambda df, ctx, out: _write_standard_xlsx(df, ctx, out, kind="generic"),
}


# --------------------------------------------------------------------------------
# What else arrives in a landing folder (DOMAIN): revisions, misplaced files,
# attendance lists, browser/sync copies
# --------------------------------------------------------------------------------
SPECIAL_EXPECTED = {
    1: "quarantine:no_identity",
    2: "quarantine:jenjang_unreadable",
    4: "superseded",  # the first version of a file a revision replaces
    5: "held:wrong_office",  # another office's file in this folder
    6: "attendance",  # attendance or registration list: participants, not certifications
}
FILE_STATUS = {4: "superseded", 5: "held", 6: "attendance"}
REVISION_SUFFIX = {"kutim": "_final", "palembang": "_rev", "samarinda": "_revisi", "kukar": " revisi",
                   "muara-enim": "_final", "generic": "_revisi"}


REVISION_GROUPS = 1  # revised files per office that has two files or more
ATTENDANCE_SHARE = 0.12  # share of an office's programs (files; Kutai Timur: kecamatan) with an attendance list
ATTENDANCE_NO_SHOW = 0.05  # registered, on the list, never assessed
COPY_OFFICE_SHARE = 0.5  # offices with one file twice under a copy name
COPY_NAMES = ("{stem} (1){ext}", "{stem} - Copy{ext}", "{stem}_salinan{ext}", "Copy of {stem}{ext}", "{stem} (2){ext}",
              "{stem} - Salinan{ext}")


MISPLACED_DIR = "_misplaced"
# Files that land in the wrong office's folder: (producer, receiver, how). "copy": a byte-identical
# copy of a file the producer also has in its own folder; "earlier": an earlier export of one of the
# producer's files; "foreign": a file of an office outside the registry (only ever in this folder).
MISPLACED = (
    ("kab-kutai-kartanegara", "kab-kutai-timur", "copy"),
    ("kota-samarinda", "kab-kutai-kartanegara", "earlier"),
    ("kab-lahat", "kab-muara-enim", "foreign"),
)
FOREIGN_OFFICES = {
    "kab-lahat": (
        Office(id="kab-lahat", name="Dinas PUPR Kabupaten Lahat", level="regency", region_code="16.04",
               landing="kab-lahat"),
        OfficeSpec(fmt="generic", share=0.012, families=SKILLED, jenjang=_SKILLED_J, years={2024: 1.0},
                   home=(("16.04", 0.9), ("16.03", 0.04), ("16", 0.06)), upper=0.4),
        "Rekap Peserta Uji Kompetensi Kabupaten Lahat {year}.xlsx",
    ),
}
_ATTENDANCE_FILE = {
    "kutim": "DAFTAR_HADIR_MTU_{year}.xlsx",
    "kaltim": "DAFTAR HADIR PESERTA PELATIHAN {year}.xlsx",
    "muaro-jambi": "Daftar Hadir BIMTEK Operator Alat Berat {year}.xlsx",
    "kukar": "Daftar Peserta Pendaftaran Sertifikasi {year}.xlsx",
    "muara-enim": "DAFTAR_HADIR_UJI_KOMPETENSI_{year}.xlsx",
    "generic": "daftar_hadir_{year}.xlsx",
    "samarinda": "daftar_peserta_{year}.xlsx",
    "palembang": "Daftar Hadir Sertifikasi Operator {year}.xlsx",
}


def _with_suffix(name: str, suffix: str) -> str:
    dot = name.rfind(".")
    return name[:dot] + suffix + name[dot:]


def _smaller_half(names: list[str], column: pd.Series) -> list[str]:
    """The files of at most the median size (a revision or a copy of the biggest file would dominate the world)."""
    sizes = column.value_counts()
    counts = np.array([sizes.get(n, 0) for n in names])
    return [n for n, k in zip(names, counts.tolist()) if k <= np.median(counts)]


def _variant_rows(rows: pd.DataFrame, special: int, group: str, rng, keep: float, later_numbers: float) -> pd.DataFrame:
    """Another version of ``rows`` (a file's rows): some rows missing, some numbers not yet arrived."""
    v = rows[rng.random(len(rows)) < keep].copy()
    v["special"] = np.int8(special)
    v["group"] = group
    issued = (v["hasil"].to_numpy() == 1) & v["certificate_id"].notna().to_numpy()
    later = issued & (rng.random(len(v)) < later_numbers)
    v.loc[later, "pending"] = True
    v.loc[later, "certificate_id"] = None
    v.loc[later, "issue"] = np.datetime64("NaT")
    v.loc[later, "expiry"] = np.datetime64("NaT")
    return v


def _add_variants(parts: pd.DataFrame, specs: dict[str, OfficeSpec], seed: int) -> pd.DataFrame:
    """Superseded first versions, misplaced files, attendance lists (rows the writers then write)."""
    rng = _rng(seed, "variants")
    office_col = parts["office_id"].to_numpy()
    base = parts["special"].isin([0, 1, 2]).to_numpy()
    extra = []
    for office_id, spec in specs.items():
        if office_id in FOREIGN_OFFICES:
            continue
        mine = base & (office_col == office_id)
        groups = sorted(set(parts.loc[mine, "group"].tolist()))
        # a revision: the office sends a corrected file; the first version stays in the folder
        suffix = REVISION_SUFFIX.get(spec.fmt)
        if suffix and len(groups) >= 2:
            for g in rng.choice(_smaller_half(groups[:-1], parts.loc[mine, "group"]), size=REVISION_GROUPS).tolist():
                rows = mine & (parts["group"].to_numpy() == g)
                revised = _with_suffix(g, suffix)
                first = _variant_rows(parts[rows], 4, g, rng, keep=0.94, later_numbers=0.4)
                first = first[first["special"] != 1]  # a no-identity row was added in the revision
                flip = rng.random(len(first)) < 0.03  # a result typed wrong in the first version
                first.loc[flip, "hasil"] = np.where(first.loc[flip, "hasil"].to_numpy() == 1, 0, 1).astype(np.int8)
                first.loc[flip, ["certificate_id"]] = None
                first.loc[flip, "pending"] = False
                first.loc[flip, "issue"] = np.datetime64("NaT")
                first.loc[flip, "expiry"] = np.datetime64("NaT")
                parts.loc[rows, "group"] = revised
                extra.append(first)
        # attendance / registration lists of some programs, made before the assessment
        stem = _ATTENDANCE_FILE.get(spec.fmt)
        if stem and spec.fmt != "kalsel":
            sheet_col = parts["sheet"].to_numpy()
            units = sorted(set(zip(parts.loc[mine, "group"].tolist(), sheet_col[mine].tolist())))
            k = max(1, int(round(len(units) * ATTENDANCE_SHARE)))
            for u in rng.choice(len(units), size=min(k, len(units)), replace=False).tolist():
                g, sh = units[u]
                rows = mine & (parts["group"].to_numpy() == g) & (sheet_col == sh) & (parts["pid"].to_numpy() >= 0)
                listed = parts[rows].copy()
                others = np.flatnonzero(mine & ~rows & (parts["pid"].to_numpy() >= 0))
                n_absent = min(len(others), int(round(len(listed) * ATTENDANCE_NO_SHOW)))
                if n_absent:
                    absent = parts.iloc[np.sort(rng.choice(others, size=n_absent, replace=False))].copy()
                    for col in ("group", "year", "sheet", "sheet_order", "program"):
                        absent[col] = listed[col].iat[0] if len(listed) else absent[col]
                    listed = pd.concat([listed, absent])
                if not len(listed):
                    continue
                year = int(listed["year"].iat[0])
                if spec.fmt == "kutim":  # a sheet of the results workbook, before the kecamatan's results
                    listed["sheet"] = f"DH {sh}"
                else:
                    listed["group"] = stem.format(year=year)
                listed["special"] = np.int8(6)
                listed["hasil"] = np.int8(-1)
                listed["pending"] = False
                listed["certificate_id"] = None
                listed["issue"] = np.datetime64("NaT")
                listed["expiry"] = np.datetime64("NaT")
                extra.append(listed)
    # misplaced files
    for producer, receiver, how in MISPLACED:
        if producer not in specs or receiver not in specs:
            continue
        if how == "foreign":
            continue  # its rows are the foreign office's own (dest set in generate_world)
        mine = base & (office_col == producer)
        groups = sorted(set(parts.loc[mine, "group"].tolist()))
        if not groups or how != "earlier":
            continue  # "copy" is a byte copy made after writing
        g = groups[int(rng.integers(0, len(groups)))]
        rows = mine & (parts["group"].to_numpy() == g)
        earlier = _variant_rows(parts[rows], 5, f"{MISPLACED_DIR}/{g}", rng, keep=0.85, later_numbers=0.5)
        earlier["dest"] = receiver
        extra.append(earlier)
    if extra:
        parts = pd.concat([parts, *extra], ignore_index=True)
    return parts


@dataclass
class _WriterWorld:
    """What the writers need of the world: persons of one office (pids remapped), vocabularies.

    Kept small and picklable so that offices could be written by separate processes.
    """

    cat: dict[str, np.ndarray]
    place_names: list[str]
    tokens: "_Tokens"
    offices: dict[str, Office]


def _office_task(world: _World, office: Office, spec: OfficeSpec, seed: int, folder: Path, sub: pd.DataFrame) -> dict:
    """Everything one office's writer needs, small enough to send to another process."""
    sub = sub.reset_index(drop=True).copy()
    pid = sub["pid"].to_numpy()
    real = pid >= 0
    used, local = np.unique(pid[real], return_inverse=True)
    new_pid = np.full(len(pid), -1, dtype=np.int64)
    new_pid[real] = local
    sub["pid"] = new_pid
    cat = {name: values[used] for name, values in world.cat.items()}
    view = _WriterWorld(cat=cat, place_names=world.place_names, tokens=world.tokens, offices=world.offices)
    return {"world": view, "office": office, "spec": spec, "seed": seed, "folder": folder, "rows": sub}


def _write_office(task: dict, progress=None) -> _Out:
    """Write one office's files (and Muara Enim's unreadable ones)."""
    office, spec, sub, folder = task["office"], task["spec"], task["rows"], Path(task["folder"])
    folder.mkdir(parents=True, exist_ok=True)
    ctx = _Ctx(task["world"], office, spec, task["seed"], folder, progress)
    local = _new_out(len(sub))
    attendance = (sub["special"].to_numpy() == 6) & ~sub["group"].str.startswith("DAFTAR_PESERTA_MTU").to_numpy()
    if (sub["group"].str.startswith(MISPLACED_DIR + "/")).any():
        (folder / MISPLACED_DIR).mkdir(exist_ok=True)
    for mask, writer in ((~attendance, WRITERS[spec.fmt]), (attendance, _write_attendance)):
        pos = np.flatnonzero(mask)
        if not len(pos):
            continue
        part = _new_out(len(pos))
        writer(sub.iloc[pos].reset_index(drop=True), ctx, part)
        for name in ("source_file", "source_sheet", "source_row", "written_terbit", "written_berlaku",
                     "written_nomor", "written_nik", "written_nama"):
            getattr(local, name)[pos] = getattr(part, name)
        local.files.extend(part.files)
        local.junk.extend(part.junk)
    if spec.fmt == "muara-enim":
        _bad_files(ctx, local)
    return local


def _run_tasks(tasks: list[dict], bar) -> list[_Out]:
    # One process: on the 2-core reference machine two writer processes measured slower
    # (pure-Python writing scaled 1.15x, pickling the office slices cost more).
    return [_write_office(task, bar) for task in tasks]


def generate_world(
    landing_root: Path,
    rows: int,
    seed: int = 42,
    nik_damage: bool = True,
    registry_path: Path | str | None = None,
    progress: bool = False,
) -> WorldSummary:
    """Write a demo world of about ``rows`` participant rows under ``landing_root``.

    One folder per registry office (``<landing_root>/<office landing>/``) with that
    office's files, and ``<landing_root>/_truth/`` with the ground truth
    (:mod:`demo.truth`). Existing files of the same names are overwritten; use the
    CLI (``python -m demo``) to wipe old office folders first.
    """
    if rows < 1:
        raise ValueError("rows must be positive")
    landing_root = Path(landing_root)
    offices = load_registry(registry_path or DEFAULT_REGISTRY)
    specs, generic = _specs_for(offices)
    foreign: dict[str, tuple[Office, str, str]] = {}  # office outside the registry -> (office, receiver, file stem)
    for producer, receiver, how in MISPLACED:
        if how == "foreign" and receiver in specs and producer not in offices:
            office, spec, stem = FOREIGN_OFFICES[producer]
            foreign[producer] = (office, receiver, stem)
            specs[producer] = spec
    all_offices = {**offices, **{k: v[0] for k, v in foreign.items()}}
    kaltim = "prov-kaltim" in specs and specs["prov-kaltim"].fmt == "kaltim"
    counts, rekap_target = _allocate(rows, specs, kaltim)

    world = _World(seed)
    world.offices = all_offices
    frames = []
    for office_id, spec in specs.items():
        office = all_offices[office_id]
        df = _participations(world, office, spec, counts[office_id], seed)
        rng = _rng(seed, "plan", office_id)
        df["training_only"] = False
        if office_id in foreign:
            _plan_simple(foreign[office_id][2], "Peserta")(df, world, rng)
        elif spec.fmt == "generic":
            _plan_simple("peserta_" + office_id + "_{year}.xlsx", "Peserta")(df, world, rng)
        else:
            PLANS[spec.fmt](df, world, rng)
        frames.append(df)
    persons = world.finish_persons()
    parts = pd.concat(frames, ignore_index=True)
    parts["assess"] = parts["assess"].to_numpy().astype("datetime64[D]")
    parts["special"] = np.int8(0)
    parts["src_office"] = ""
    _results(parts, specs, all_offices, seed)
    parts["dest"] = ""  # the office whose folder the file lands in, when not the producer's
    for producer, (_, receiver, _) in foreign.items():
        theirs = parts["office_id"].to_numpy() == producer
        parts.loc[theirs, "special"] = np.int8(5)
        parts.loc[theirs, "dest"] = receiver

    # special rows: no name and no NIK (quarantine no_identity), "Jenjang ?" (jenjang_unreadable)
    rng = _rng(seed, "special")
    extra = []
    for office_id, spec in specs.items():
        mine = np.flatnonzero(parts["office_id"].to_numpy() == office_id)
        if not len(mine):
            continue
        k = max(1, int(round(len(mine) * 0.002)))
        if spec.unreadable_jenjang:
            chosen = rng.choice(mine, size=min(k, len(mine)), replace=False)
            parts.loc[chosen, "special"] = np.int8(2)
        if spec.no_identity:
            chosen = rng.choice(mine, size=min(k, len(mine)), replace=False)
            ghost = parts.loc[chosen].copy()
            ghost["pid"] = -1
            ghost["special"] = np.int8(1)
            ghost["certificate_id"] = None
            ghost["pending"] = False
            ghost["issue"] = np.datetime64("NaT")
            ghost["expiry"] = np.datetime64("NaT")
            extra.append(ghost)
    if extra:
        parts = pd.concat([parts, *extra], ignore_index=True)

    # prov-kaltim's "Rekap Kabupaten": certificates issued through its regencies/cities, same numbers
    if kaltim and rekap_target:
        kaltim_years = sorted(SPECS["prov-kaltim"].years)
        local = [o.id for o in offices.values() if o.province_code == "64" and o.level != "province" and o.id in specs]
        eligible = parts[
            parts["office_id"].isin(local)
            & (parts["hasil"] == 1)
            & parts["certificate_id"].notna()
            & (parts["special"] == 0)
            & parts["year"].isin(kaltim_years)
        ]
        if len(eligible):
            pick = np.sort(rng.choice(len(eligible), size=min(rekap_target, len(eligible)), replace=False))
            rekap = eligible.iloc[pick].copy()
            rekap["src_office"] = rekap["office_id"]
            rekap["office_id"] = "prov-kaltim"
            rekap["special"] = np.int8(3)
            rekap["group"] = [f"PELATIHAN_SERTIFIKASI_AHLI_DAN_FRESH_GRADUATE_{y}.xlsx" for y in rekap["year"].tolist()]
            rekap["sheet"] = "Rekap Kabupaten"
            rekap["sheet_order"] = 99
            rekap["program"] = "Rekap Kabupaten/Kota"
            parts = pd.concat([parts, rekap], ignore_index=True)

    parts = _add_variants(parts, specs, seed)

    # row order inside each sheet: as the office typed them in (random), rekap grouped by regency
    order_rng = _rng(seed, "order")
    office_rank = {office_id: i for i, office_id in enumerate(specs)}
    parts["_office"] = parts["office_id"].map(office_rank)
    parts["_key"] = order_rng.random(len(parts))
    rekap_rows = parts["special"].to_numpy() == 3
    if rekap_rows.any():
        keys = parts["_key"].to_numpy().copy()
        keys[rekap_rows] += parts.loc[rekap_rows, "src_office"].map(office_rank).to_numpy(dtype=float)
        parts["_key"] = keys
    parts = parts.sort_values(["_office", "group", "sheet_order", "sheet", "_key"], kind="stable", ignore_index=True)
    parts = parts.drop(columns=["_office", "_key"])

    _damage(parts, persons, specs, seed, nik_damage)

    # write: one task per office (own random stream, so the bytes do not depend on who writes them)
    truth_dir = landing_root / T.TRUTH_DIRNAME
    landing_root.mkdir(parents=True, exist_ok=True)
    n = len(parts)
    out = _new_out(n)
    offices_col = parts["office_id"].to_numpy()
    tasks = []
    for office_id, spec in specs.items():
        office = all_offices[office_id]
        pos = np.flatnonzero(offices_col == office_id)
        tasks.append((pos, _office_task(world, office, spec, seed, office.landing_dir(landing_root), parts.iloc[pos])))
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=n, unit="row", desc="demo world")
    results = _run_tasks([task for _, task in tasks], bar)
    if bar is not None:
        bar.close()
    file_rows = []
    junk_rows = []
    for (pos, task), local in zip(tasks, results):
        office_id = task["office"].id
        for name in ("source_file", "source_sheet", "source_row", "written_terbit", "written_berlaku", "written_nomor",
                     "written_nik", "written_nama"):
            getattr(out, name)[pos] = getattr(local, name)
        for name, status, why in local.files:
            file_rows.append({"office_id": office_id, "source_file": name, "expected_status": status, "why": why,
                              "same_as": ""})
        junk_rows.extend({"office_id": office_id, "source_file": f, "source_sheet": s, "source_row": r, "kind": k}
                         for f, s, r, k in local.junk)

    truth_rows = _truth_rows(parts, out, specs)
    files = pd.DataFrame(file_rows)
    junk = pd.DataFrame(junk_rows, columns=["office_id", "source_file", "source_sheet", "source_row", "kind"])
    truth_rows, files, junk = _landing_mess(landing_root, all_offices, offices, truth_rows, files, junk, seed)

    summary_offices: dict[str, dict[str, int]] = {}
    for office_id in offices:
        if office_id not in specs:
            continue
        mine = truth_rows[truth_rows["office_id"] == office_id]
        summary_offices[office_id] = {
            "rows": int(len(mine)),
            "persons": int(mine["person_id"].nunique()),
            "files": int((files["office_id"] == office_id).sum()),
        }
    paths = [all_offices[o].landing_dir(landing_root) / f for o, f in zip(files["office_id"], files["source_file"])]
    used = np.unique(truth_rows["person_id"].dropna().to_numpy(dtype=np.int64))
    persons = persons[persons["person_id"].isin(used)].reset_index(drop=True)
    T.write_truth(truth_dir, truth_rows, persons, files, junk)
    return WorldSummary(
        landing_root=landing_root,
        truth_dir=truth_dir,
        rows=len(truth_rows),
        persons=int(len(persons)),
        files=len(files),
        offices=summary_offices,
        paths=paths,
        skipped_offices=generic,
        result_rows=int(truth_rows["expected"].str.match(r"published|quarantine:").sum()),
        expected={k: int(v) for k, v in truth_rows["expected"].value_counts().sort_index().items()},
        file_status={k: int(v) for k, v in files["expected_status"].value_counts().sort_index().items()},
    )


def _landing_mess(landing_root: Path, all_offices: dict[str, Office], offices: dict[str, Office],
                  rows: pd.DataFrame, files: pd.DataFrame, junk: pd.DataFrame, seed: int):
    """After writing: first versions and misplaced files get their status, misplaced and foreign files
    move to the folder they landed in, and some files are copied under a browser's or sync tool's name."""
    rng = _rng(seed, "landing-mess")
    # a file's status follows its rows (writers report every file "ok")
    grouped = rows.groupby(["office_id", "source_file"])["special_kind"]
    kinds = grouped.first().where(grouped.nunique() == 1, -1)  # a file of one kind of rows only
    for i, f in enumerate(files.itertuples()):
        kind = kinds.get((f.office_id, f.source_file))
        if kind in FILE_STATUS and f.expected_status == "ok":
            files.iat[i, files.columns.get_loc("expected_status")] = FILE_STATUS[kind]
    # first versions: which revision replaces them
    first = rows[rows["special_kind"] == 4].drop_duplicates(["office_id", "source_file"])
    for f in first.itertuples():
        stem = f.source_file.rsplit(".", 1)[0]
        revised = [n for o, n in zip(files["office_id"], files["source_file"])
                   if o == f.office_id and n != f.source_file and n.startswith(stem)
                   and n.rsplit(".", 1)[0][len(stem):] in REVISION_SUFFIX.values()]
        same = revised[0] if revised else ""
        files.loc[(files["office_id"] == f.office_id) & (files["source_file"] == f.source_file), "why"] = (
            f"first version, replaced by {same}")
        files.loc[(files["office_id"] == f.office_id) & (files["source_file"] == f.source_file), "same_as"] = same
    # misplaced and foreign files: move them into the receiving office's folder
    moving = rows[rows["dest"] != ""].drop_duplicates(["office_id", "source_file"])[["office_id", "source_file", "dest"]]
    for m in moving.itertuples():
        producer, receiver = all_offices[m.office_id], all_offices[m.dest]
        name = m.source_file.split("/", 1)[1] if m.source_file.startswith(MISPLACED_DIR + "/") else m.source_file
        target = receiver.landing_dir(landing_root) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(producer.landing_dir(landing_root) / m.source_file), str(target))
        for frame in (rows, junk, files):
            hit = (frame["office_id"] == m.office_id) & (frame["source_file"] == m.source_file)
            frame.loc[hit, "source_file"] = name
            frame.loc[hit, "office_id"] = m.dest
        files.loc[(files["office_id"] == m.dest) & (files["source_file"] == name), "why"] = (
            f"a file of {producer.region_name} in the wrong office's folder: hold back for the engineer")
        if m.office_id in offices:
            files.loc[(files["office_id"] == m.dest) & (files["source_file"] == name), "same_as"] = (
                f"{m.office_id}/{name}")
    for office in all_offices.values():
        for folder in (office.landing_dir(landing_root) / MISPLACED_DIR, office.landing_dir(landing_root)):
            if office.id not in offices or folder.name == MISPLACED_DIR:
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
    files = files[files["office_id"].isin(offices)].reset_index(drop=True)

    new_rows, new_junk, new_files = [rows], [junk], [files]

    def copy_file(src_office: str, name: str, dst_office: str, dst_name: str, status: str, expected: str, why: str):
        src = offices[src_office].landing_dir(landing_root) / name
        dst = offices[dst_office].landing_dir(landing_root) / dst_name
        shutil.copyfile(src, dst)
        r = rows[(rows["office_id"] == src_office) & (rows["source_file"] == name)].copy()
        r["office_id"], r["source_file"], r["expected"], r["copy_of"] = dst_office, dst_name, expected, \
            f"{src_office}/{name}"
        new_rows.append(r)
        j = junk[(junk["office_id"] == src_office) & (junk["source_file"] == name)].copy()
        j["office_id"], j["source_file"] = dst_office, dst_name
        new_junk.append(j)
        new_files.append(pd.DataFrame([{"office_id": dst_office, "source_file": dst_name, "expected_status": status,
                                        "why": why, "same_as": f"{src_office}/{name}"}]))

    # another office's file, byte-identical to the one in its own folder
    for producer, receiver, how in MISPLACED:
        if how != "copy" or producer not in offices or receiver not in offices:
            continue
        own = files[(files["office_id"] == producer) & (files["expected_status"] == "ok")]["source_file"].tolist()
        own = [n for n in own if not (offices[receiver].landing_dir(landing_root) / n).exists()]
        if own:
            name = own[int(rng.integers(0, len(own)))]
            copy_file(producer, name, receiver, name, "held", "held:wrong_office",
                      f"a file of {offices[producer].region_name} in the wrong office's folder (also in its own)")
    # browser / sync copies: the same bytes under another name
    for office_id in sorted(offices):
        if rng.random() >= COPY_OFFICE_SHARE:
            continue
        own = files[(files["office_id"] == office_id) & (files["expected_status"] == "ok")]["source_file"].tolist()
        own = [n for n in own if n in set(rows.loc[rows["office_id"] == office_id, "source_file"])]
        if not own:
            continue
        own = _smaller_half(own, rows.loc[rows["office_id"] == office_id, "source_file"])
        name = own[int(rng.integers(0, len(own)))]
        stem, ext = name.rsplit(".", 1)
        pattern = COPY_NAMES[int(rng.integers(0, len(COPY_NAMES)))]
        copy_name = pattern.format(stem=stem, ext="." + ext)
        copy_file(office_id, name, office_id, copy_name, "duplicate", "duplicate",
                  f"byte-identical copy of {name}: count once")
    rows = pd.concat(new_rows, ignore_index=True)
    junk = pd.concat(new_junk, ignore_index=True)
    files = pd.concat(new_files, ignore_index=True)
    rows = rows.drop(columns=["special_kind", "dest"])
    for column in ("true_nik", "written_nik", "written_nama", "nomor_sertifikat", "certificate_id", "hasil"):
        values = rows[column].to_numpy(dtype=object, copy=True)
        values[pd.isna(values)] = None
        rows[column] = _obj(values)
    return rows, files, junk


def _truth_rows(parts: pd.DataFrame, out: _Out, specs) -> pd.DataFrame:
    special = parts["special"].to_numpy()
    pid = parts["pid"].to_numpy()
    expected = np.full(len(parts), "published", dtype=object)
    for code, value in SPECIAL_EXPECTED.items():
        expected[special == code] = value
    hasil = parts["hasil"].map({1: "Kompeten", 0: "Belum Kompeten", -1: None}).astype(object)
    hasil[parts["hasil"].to_numpy() == -1] = None
    damage = parts["nik_damage"].to_numpy().astype(object)
    damage[pid < 0] = "missing"
    frame = pd.DataFrame(
        {
            "office_id": parts["office_id"].astype(str),
            "source_file": out.source_file.astype(str),
            "source_sheet": out.source_sheet.astype(str),
            "source_row": out.source_row.astype(np.int64),
            "person_id": pd.array(np.where(pid >= 0, pid, 0), dtype="Int64"),
            "true_nik": parts["true_nik"].astype(object),
            "nik_intact": (damage == "") & (pid >= 0),
            "nik_damage": damage.astype(str),
            "jabatan_kerja": _obj(_jabatan(parts["fam"].to_numpy(), parts["jen"].to_numpy())).to_numpy(),
            "jenjang": parts["jen"].astype(np.int64),
            "kualifikasi": _KUALIFIKASI_TABLE[parts["jen"].to_numpy(dtype=np.int64)],
            "hasil": hasil.to_numpy(),
            "nomor_sertifikat": out.written_nomor,
            "tanggal_terbit": out.written_terbit.astype("datetime64[s]"),
            "masa_berlaku": out.written_berlaku.astype("datetime64[s]"),
            "tahun": parts["year"].astype(np.int64),
            "program": parts["program"].astype(str),
            "certificate_id": parts["certificate_id"].astype(object),
            "pending": parts["pending"].astype(bool),
            "rekap_of": parts["src_office"].astype(str),
            "written_nik": out.written_nik,
            "written_nama": out.written_nama,
            "expected": expected,
            "produced_by": parts["office_id"].astype(str),
            "true_terbit": parts["issue"].to_numpy().astype("datetime64[D]").astype("datetime64[s]"),
            "true_berlaku": parts["expiry"].to_numpy().astype("datetime64[D]").astype("datetime64[s]"),
            "copy_of": "",
            "special_kind": special.astype(np.int64),
            "dest": parts["dest"].astype(str),
        }
    )
    frame.loc[pid < 0, "person_id"] = pd.NA
    return frame


def wipe_landing(landing_root: Path, registry_path: Path | str | None = None) -> list[Path]:
    """Remove the registry offices' folders and ``_truth`` under ``landing_root`` (nothing else)."""
    landing_root = Path(landing_root)
    removed = []
    offices = load_registry(registry_path or DEFAULT_REGISTRY)
    for name in [o.landing for o in offices.values()] + [T.TRUTH_DIRNAME]:
        folder = landing_root / name
        if folder.is_dir():
            shutil.rmtree(folder)
            removed.append(folder)
    return removed
