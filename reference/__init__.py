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


# Regencies and cities whose Kemendagri code changed when their province was split after NIKs
# were issued. A NIK keeps the code of first registration for life, so a Mimika worker registered
# before 2022 carries 9109 although Mimika is 94.04 now. The 2022 Papua split: Papua Selatan
# (UU 14/2022), Papua Tengah (UU 15/2022), Papua Pegunungan (UU 16/2022), Papua Barat Daya
# (UU 29/2022); the former codes are those of Papua (91) and Papua Barat (92) before it
# (Kepmendagri 050-145/2022), in the same order as the new ones; the codes left in 91 and 92 kept theirs.
FORMER_CODES: dict[str, str] = {
    "91.01": "93.01", "91.16": "93.02", "91.17": "93.03", "91.18": "93.04",  # Papua Selatan
    "91.04": "94.01", "91.07": "94.02", "91.08": "94.03", "91.09": "94.04",  # Papua Tengah
    "91.25": "94.05", "91.26": "94.06", "91.27": "94.07", "91.28": "94.08",
    "91.02": "95.01", "91.12": "95.02", "91.13": "95.03", "91.14": "95.04",  # Papua Pegunungan
    "91.21": "95.05", "91.22": "95.06", "91.23": "95.07", "91.24": "95.08",
    "92.01": "96.01", "92.04": "96.02", "92.05": "96.03", "92.09": "96.04",  # Papua Barat Daya
    "92.10": "96.05", "92.71": "96.71",
}


def current_region_code(code: str) -> str:
    """The code a regency/city has now, for a code it had before its province split
    (:data:`FORMER_CODES`: '91.09' -> '94.04'); any other code unchanged."""
    return FORMER_CODES.get(code, code)


def nik_region_code(nik: str) -> str:
    """The regency/city code a 16-digit NIK was issued in: '6408...' -> '64.08'."""
    return f"{nik[:2]}.{nik[2:4]}"
