"""Kemendagri region reference data: 38 provinces and 514 regencies/cities.

Source and licence: ``reference/README.md`` (cahyadsn/wilayah, MIT).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REGIONS_CSV = Path(__file__).with_name("regions.csv")


@dataclass(frozen=True)
class Region:
    """One province ("64") or regency/city ("64.08")."""

    code: str
    name: str
    type: str  # province | regency | city
    province_code: str
    province_name: str


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    """All regions keyed by Kemendagri code, read once per process."""
    with REGIONS_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: Region(**row) for row in csv.DictReader(handle)}


def region(code: str) -> Region:
    """The region with this code; KeyError names the code when it does not exist."""
    try:
        return regions()[code]
    except KeyError:
        raise KeyError(f"unknown Kemendagri region code {code!r}") from None


def nik_region_code(nik: str) -> str:
    """The regency/city code a 16-digit NIK was issued in: '6408...' -> '64.08'."""
    return f"{nik[:2]}.{nik[2:4]}"
