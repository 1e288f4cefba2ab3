"""Program plans: for each participation row, the file it lands in, the sheet, the program name, the assessment date.

One plan per office habit (DOMAIN "Who sends what"): Kutai Timur's Mobile Training
Unit by kecamatan, Kalimantan Timur's Tahap, Kalimantan Selatan's BIMTEK and
certification rounds, Palembang's Angkatan, and a yearly file for the others.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from demo import names as V
from demo.common import _choice


# --- program plans: file group, sheet, program name, assessment date, training-only ---------
def _dates(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Dates from year, month and day arrays (a day past the month's end runs on into the next)."""
    base = (year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
    return base.astype("datetime64[D]") + (day - 1)


def _plan_kutim(df, world, rng):
    """Kutai Timur's Mobile Training Unit: a sheet per kecamatan (mostly the person's own), March onward."""
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
    """Kalimantan Timur's yearly workbook in Tahap I-IV: three days of training, the assessment on day four."""
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
    """Muaro Jambi's one BIMTEK for heavy-equipment operators, December 2025."""
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
    """Kalimantan Selatan: BIMTEK 2026 (training only, no assessment) and certification rounds 2025/2026;
    a person who comes back takes another of the three."""
    n = len(df)
    kind = _choice(rng, {0: 0.62, 1: 0.18, 2: 0.20}, n).astype(np.int64)  # 0 BIMTEK 2026, 1 sertifikasi 2025, 2 sertifikasi 2026
    src = df["src"].to_numpy()
    rep = np.flatnonzero(src >= 0)
    kind[rep] = (kind[src[rep]] + rng.integers(1, 3, size=len(rep))) % 3
    # some who passed one occupation in the 2026 round sit another at the same jenjang in that round too
    # (one person, two certificates in one export: Kalsel's per-person file lists both)
    again = rep[(df["mode"].to_numpy()[rep] == 2) & (kind[src[rep]] == 2) & (rng.random(len(rep)) < 0.6)]
    kind[again] = 2
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
    """Palembang's yearly CSV of operator certification in Angkatan 1-4."""
    n = len(df)
    year = df["year"].to_numpy()
    angkatan = rng.integers(1, 5, size=n)
    df["group"] = [f"sertifikasi_operator_{y}.csv" for y in year.tolist()]
    df["sheet"] = ""
    df["sheet_order"] = 0
    df["program"] = [f"Sertifikasi Operator \u2013 Angkatan {a}" for a in angkatan.tolist()]  # en dash: cp1252-only
    df["assess"] = _dates(year, np.array([0, 3, 5, 8, 10])[angkatan], 12 + rng.integers(0, 5, size=n))


def yearly_plan(stem: str, sheet: str) -> Callable:
    """The plan of an office with one file a year (``stem`` with ``{year}``), one sheet, assessments March-October."""

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
    "samarinda": yearly_plan("peserta_sertifikasi_tkk_{year}.csv", ""),
    "kukar": yearly_plan("Data Peserta Sertifikasi TKK {year}.xlsx", "Peserta"),
    "muara-enim": yearly_plan("REKAP_PESERTA_SKK_{year}.xlsx", "Data"),
}
