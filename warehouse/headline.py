"""The headline table: distinct certified workers per region and jenjang.

Counting contract (analysts and later stages rely on it; see docs/warehouse.md):

* a row counts as certified when its assessment result is Kompeten; a missing
  certificate number does not undo that;
* a certificate is credited to the region of the office that reported it: the
  regency/city code ("64.08") for a regency or city office, the two-digit
  province code ("64") for a province office;
* the same certificate (same registration number) reported by a regency/city
  office and again by its province counts once, under the regency/city;
* a person counts once per (region, jenjang) however many rows, files, programs
  or certificates they have there;
* ``active_persons``: persons with at least one certificate in that cell valid on
  the publish date. Validity: ``masa_berlaku`` when known, else the expiry the
  issue date implies (five years; 31 December 2022 for the pre-2021 scheme, see
  :mod:`standardize.validity`), else the program year is within
  the last five calendar years (the certificate follows the assessment).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from reference import regions
from sources.registry import Office
from standardize.levels import kualifikasi_for
from standardize.validity import SKK_VALID_YEARS, expected_expiry

HEADLINE_COLUMNS = (
    "province_code",
    "region_code",
    "region_name",
    "jenjang",
    "kualifikasi",
    "certified_persons",
    "active_persons",
)


def credited_certifications(participations: pd.DataFrame, offices: dict[str, Office]) -> pd.DataFrame:
    """Certified rows with the region they are credited to, province re-reports removed.

    Returns the Kompeten rows with ``region_code`` and ``office_level`` added.
    """
    certified = participations[participations["hasil"] == "Kompeten"].copy()
    certified["region_code"] = certified["office_id"].map({o.id: o.region_code for o in offices.values()})
    certified["office_level"] = certified["office_id"].map({o.id: o.level for o in offices.values()})
    unknown = certified["region_code"].isna()
    if unknown.any():
        missing = sorted(certified.loc[unknown, "office_id"].unique())
        raise ValueError(f"rows from offices missing in the registry: {missing}")

    # A province that re-reports its regencies' certificates must not count them
    # again: drop a province row whose registration number a regency/city office
    # of the same province also reported.
    numbered = certified["nomor_sertifikat"].notna()
    local = certified[numbered & (certified["office_level"] != "province")]
    local_pairs = set(zip(local["nomor_sertifikat"], local["region_code"].str[:2]))
    is_province_row = numbered & (certified["office_level"] == "province")
    re_reported = pd.Series(
        [
            (nomor, code[:2]) in local_pairs
            for nomor, code in zip(certified["nomor_sertifikat"], certified["region_code"])
        ],
        index=certified.index,
        dtype=bool,
    ) & is_province_row
    return certified[~re_reported]


def certificate_active(certified: pd.DataFrame, publish_date: date) -> pd.Series:
    """Whether each certified row's certificate is valid on ``publish_date``."""
    on = pd.Timestamp(publish_date)
    expiry = certified["masa_berlaku"]
    expiry = expiry.fillna(expected_expiry(certified["tanggal_terbit"]))
    by_year = certified["tahun"].astype("Float64") >= (publish_date.year - (SKK_VALID_YEARS - 1))
    active = (expiry >= on).astype("boolean")
    return active.where(expiry.notna(), by_year).fillna(False).astype(bool)


def certified_workers_by_region_level(
    participations: pd.DataFrame, offices: dict[str, Office], publish_date: date
) -> pd.DataFrame:
    """Compute the headline table from linked participation rows.

    ``participations`` needs the standardized columns plus ``person_key``.
    """
    certified = credited_certifications(participations, offices)
    certified = certified[certified["jenjang"].notna()]
    certified["active_person"] = certified["person_key"].where(certificate_active(certified, publish_date))
    grouped = certified.groupby(["region_code", "jenjang"], sort=True).agg(
        certified_persons=("person_key", "nunique"),
        active_persons=("active_person", "nunique"),
    )
    table = grouped.reset_index()
    reference = regions()
    table["province_code"] = table["region_code"].str[:2]
    table["region_name"] = table["region_code"].map(lambda code: reference[code].name)
    table["jenjang"] = table["jenjang"].astype("int64")
    table["kualifikasi"] = table["jenjang"].map(kualifikasi_for)
    table["certified_persons"] = table["certified_persons"].astype("int64")
    table["active_persons"] = table["active_persons"].astype("int64")
    return table[list(HEADLINE_COLUMNS)].reset_index(drop=True)
