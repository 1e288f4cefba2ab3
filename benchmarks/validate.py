"""Row-suite benchmark: ``validate_rows`` on a messy synthetic office at 10k and 100k rows.

The frame has the canonical columns of ``standardize_submission``'s output, three
source files and every row rule firing on a few percent of the rows (Excel-mangled
and missing NIKs, mismatch flags, wrong kualifikasi, expert levels at a regency,
future and early issue dates, wrong expiries, Kompeten without a number, repeated
numbers). GX's import and context are built once before timing (paid once per
process); each size is validated ``--repeat`` times and the median reported, with
the flagged-row count and a digest of the flagged rows so that two versions of the
suite can be compared for identical output.

    .venv/bin/python -m benchmarks.validate --sizes 10000,100000 --repeat 5
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from datetime import date

import numpy as np
import pandas as pd

TODAY = date(2026, 6, 30)


def messy_rows(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` standardized rows of Kutai Timur (a regency: levels 1-6) with every rule firing somewhere."""
    rng = np.random.default_rng(seed)
    status = rng.choice(
        ["valid", "missing", "excel_truncated", "scientific_notation", "invalid", "wrong_length"],
        size=n, p=[0.90, 0.03, 0.03, 0.01, 0.02, 0.01],
    )
    serial = rng.integers(0, 10_000, size=n)
    regency = rng.choice(["6408", "6408", "6408", "6472", "6499"], size=n)  # 64.99 does not exist
    nik = pd.Series([f"{r}01520385{s:04d}" for r, s in zip(regency, serial)], dtype="str")
    nik[status != "valid"] = np.nan
    flags = rng.choice(["", "", "", "", "nik_tanggal_lahir_mismatch", "nik_jenis_kelamin_mismatch",
                        "nik_tanggal_lahir_mismatch;nik_jenis_kelamin_mismatch"], size=n, p=[.3, .3, .2, .16, .02, .01, .01])
    jenjang = pd.array(rng.choice([1, 2, 3, 4, 5, 6, 7], size=n, p=[.1, .2, .3, .15, .1, .1, .05]), dtype="Int64")
    kualifikasi = np.where(jenjang.to_numpy() <= 3, "Operator", np.where(jenjang.to_numpy() <= 6, "Teknisi/Analis", "Ahli"))
    wrong = rng.random(n) < 0.03
    kualifikasi = pd.Series(kualifikasi, dtype="str")
    kualifikasi[wrong] = "Ahli"
    kualifikasi[rng.random(n) < 0.02] = np.nan
    tahun = pd.array(rng.choice([2023, 2024, 2025, 2026], size=n), dtype="Int64")
    day = rng.integers(0, 150, size=n)  # issued by early June of the program year
    terbit = pd.Series(pd.to_datetime([f"{y}-01-15" for y in tahun.astype(int)]) + pd.to_timedelta(day, unit="D"))
    early = rng.random(n) < 0.02
    terbit[early] = terbit[early] - pd.DateOffset(years=1)
    terbit[rng.random(n) < 0.01] = pd.Timestamp("2027-02-01")
    terbit = terbit.astype("datetime64[ms]")
    masa = (terbit + pd.DateOffset(years=5)).astype("datetime64[ms]")
    masa[rng.random(n) < 0.03] = pd.Timestamp("2028-12-31")
    hasil = pd.Series(rng.choice(["Kompeten", "Belum Kompeten", None], size=n, p=[.8, .15, .05]), dtype="str")
    nomor = pd.Series([f"SKK-6408-{y}-{i:06d}" for i, y in enumerate(tahun.astype(int))], dtype="str")
    nomor[rng.random(n) < 0.04] = np.nan
    repeat = rng.random(n) < 0.01
    nomor[repeat] = "SKK-6408-2024-000001"
    terbit[hasil.isna().to_numpy()] = pd.NaT
    files = rng.choice(3, size=n)
    return pd.DataFrame({
        "office_id": "kab-kutai-timur",
        "source_file": [f"rekap_{f}.xlsx" for f in files],
        "source_sha256": [hashlib.sha256(bytes([f])).hexdigest() for f in files],
        "source_sheet": "Sheet1",
        "source_row": np.arange(n) + 5,
        "nik": nik,
        "nik_status": pd.Series(status, dtype="str"),
        "nama": "Peserta",
        "tanggal_lahir": pd.Series(pd.Timestamp("1985-03-12"), index=range(n)).astype("datetime64[ms]"),
        "jenis_kelamin": "P",
        "jenjang": jenjang,
        "kualifikasi": kualifikasi,
        "hasil": hasil,
        "nomor_sertifikat": nomor,
        "tanggal_terbit": terbit,
        "masa_berlaku": masa,
        "tahun": tahun,
        "flags": pd.Series(flags, dtype="str"),
    })


def digest(flagged: pd.DataFrame) -> str:
    """A digest of the flagged rows (provenance, rule, column, value, reason) in their order."""
    text = flagged.astype("string").fillna("<NA>").to_csv(index=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from expectations.validate import _batch_definition, validate_rows
    from sources.registry import load_registry

    office = load_registry()["kab-kutai-timur"]
    started = time.perf_counter()
    _batch_definition()
    print(f"GX import + context: {time.perf_counter() - started:.2f} s")
    validate_rows(messy_rows(100), office, TODAY)  # warm-up
    for size in (int(s) for s in args.sizes.split(",")):
        rows = messy_rows(size)
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = validate_rows(rows, office, TODAY)
            times.append(time.perf_counter() - started)
        by_rule = result.flagged["rule"].value_counts().to_dict()
        print(f"{size:>7,} rows: median {statistics.median(times) * 1000:,.0f} ms (min {min(times) * 1000:,.0f}), "
              f"{len(result.flagged):,} flagged, digest {digest(result.flagged)}")
        print(f"         {by_rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
