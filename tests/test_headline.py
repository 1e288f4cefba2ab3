"""The headline counting contract, on hand-made participation rows with exact expected counts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.registry import load_registry
from warehouse.headline import HEADLINE_COLUMNS, certified_workers_by_region_level

OFFICES = load_registry()
PUBLISH = date(2026, 1, 1)


def rows(*specs):
    """Participation rows: (office, person, jenjang, hasil, nomor, terbit, berlaku, tahun)."""
    records = []
    for office, person, jenjang, hasil, nomor, terbit, berlaku, tahun in specs:
        records.append(
            {
                "office_id": office,
                "person_key": person,
                "jenjang": jenjang,
                "hasil": hasil,
                "nomor_sertifikat": nomor,
                "tanggal_terbit": pd.Timestamp(terbit) if terbit else pd.NaT,
                "masa_berlaku": pd.Timestamp(berlaku) if berlaku else pd.NaT,
                "tahun": tahun,
            }
        )
    frame = pd.DataFrame(records)
    frame["jenjang"] = frame["jenjang"].astype("Int64")
    frame["tahun"] = frame["tahun"].astype("Int64")
    return frame


def cells(table: pd.DataFrame) -> dict:
    return {
        (r.region_code, r.jenjang): (r.certified_persons, r.active_persons) for r in table.itertuples()
    }


K, BK = "Kompeten", "Belum Kompeten"


@pytest.mark.parametrize(
    "case, participations, expected",
    [
        (
            "one person twice in one cell counts once",
            rows(
                ("kab-kutai-timur", "a", 3, K, "C1", "2025-02-01", "2030-02-01", 2025),
                ("kab-kutai-timur", "a", 3, K, "C2", "2024-02-01", "2029-02-01", 2024),
            ),
            {("64.08", 3): (1, 1)},
        ),
        (
            "a certificate re-reported by the province counts once, under the regency",
            rows(
                ("kab-kutai-timur", "a", 4, K, "C1", "2025-02-01", "2030-02-01", 2025),
                ("prov-kaltim", "a", 4, K, "C1", "2025-02-01", "2030-02-01", 2025),
                ("prov-kaltim", "b", 7, K, "C9", "2025-03-01", "2030-03-01", 2025),
            ),
            {("64.08", 4): (1, 1), ("64", 7): (1, 1)},
        ),
        (
            "the same number from another province's office is not a re-report",
            rows(
                ("kab-muaro-jambi", "a", 2, K, "C1", "2025-02-01", "2030-02-01", 2025),
                ("prov-kaltim", "a", 2, K, "C1", "2025-02-01", "2030-02-01", 2025),
            ),
            {("15.05", 2): (1, 1), ("64", 2): (1, 1)},
        ),
        (
            "Belum Kompeten and not assessed do not count; Kompeten without a number does",
            rows(
                ("kota-palembang", "a", 2, BK, None, None, None, 2025),
                ("kota-palembang", "b", 2, None, None, None, None, 2025),
                ("kota-palembang", "c", 2, K, None, None, None, 2025),
            ),
            {("16.71", 2): (1, 1)},
        ),
        (
            "active: expiry, issue + 5 years, or program year within five years",
            rows(
                ("kota-palembang", "expired", 1, K, "E1", "2020-06-01", "2025-06-01", 2020),
                ("kota-palembang", "issued-2020", 1, K, "E2", "2020-12-01", None, 2020),
                ("kota-palembang", "issued-2021", 1, K, "E3", "2021-01-02", None, 2021),
                ("kota-palembang", "year-2022", 1, K, None, None, None, 2022),
                ("kota-palembang", "year-2021", 1, K, None, None, None, 2021),
                ("kota-palembang", "nothing", 1, K, None, None, None, None),
            ),
            {("16.71", 1): (6, 2)},
        ),
        (
            "one person at two levels counts in both cells",
            rows(
                ("kota-samarinda", "a", 3, K, "C1", "2025-01-10", "2030-01-10", 2025),
                ("kota-samarinda", "a", 5, K, "C2", "2025-05-10", "2030-05-10", 2025),
            ),
            {("64.72", 3): (1, 1), ("64.72", 5): (1, 1)},
        ),
    ],
)
def test_counting_contract(case, participations, expected):
    table = certified_workers_by_region_level(participations, OFFICES, PUBLISH)
    assert cells(table) == expected, case


def test_headline_columns_and_names():
    table = certified_workers_by_region_level(
        rows(
            ("kab-kutai-timur", "a", 8, K, "C1", "2025-02-01", "2030-02-01", 2025),
            ("prov-kaltim", "b", 5, K, "C2", "2025-02-01", "2030-02-01", 2025),
        ),
        OFFICES,
        PUBLISH,
    )
    assert tuple(table.columns) == HEADLINE_COLUMNS
    assert table.to_dict("records") == [
        {"province_code": "64", "region_code": "64", "region_name": "Kalimantan Timur", "jenjang": 5,
         "kualifikasi": "Teknisi/Analis", "certified_persons": 1, "active_persons": 1},
        {"province_code": "64", "region_code": "64.08", "region_name": "Kabupaten Kutai Timur", "jenjang": 8,
         "kualifikasi": "Ahli", "certified_persons": 1, "active_persons": 1},
    ]
