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


def with_jabatan(frame: pd.DataFrame, *jabatan: str | None) -> pd.DataFrame:
    """``frame`` with a jabatan kerja per row, in order."""
    return frame.assign(jabatan_kerja=list(jabatan))


def cells(table: pd.DataFrame) -> dict:
    return {
        (r.region_code, r.jenjang): (r.certified_persons, r.active_persons, r.active_unknown_persons)
        for r in table.itertuples()
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
            {("64.08", 3): (1, 1, 0)},
        ),
        (
            "a certificate re-reported by the province counts once, under the regency",
            rows(
                ("kab-kutai-timur", "a", 4, K, "C1", "2025-02-01", "2030-02-01", 2025),
                ("prov-kaltim", "a", 4, K, "C1", "2025-02-01", "2030-02-01", 2025),
                ("prov-kaltim", "b", 7, K, "C9", "2025-03-01", "2030-03-01", 2025),
            ),
            {("64.08", 4): (1, 1, 0), ("64", 7): (1, 1, 0)},
        ),
        (
            "the same number from another province's office is not a re-report",
            rows(
                ("kab-muaro-jambi", "a", 2, K, "C1", "2025-02-01", "2030-02-01", 2025),
                ("prov-kaltim", "a", 2, K, "C1", "2025-02-01", "2030-02-01", 2025),
            ),
            {("15.05", 2): (1, 1, 0), ("64", 2): (1, 1, 0)},
        ),
        (
            "a province recap without numbers: the regency's person at the same jenjang counts once, under the regency",
            rows(
                ("kab-kutai-timur", "a", 3, K, "C1", "2025-02-01", "2030-02-01", 2025),
                ("prov-kaltim", "a", 3, K, None, None, None, 2025),
                ("kota-samarinda", "b", 2, K, None, None, None, 2025),
                ("prov-kaltim", "b", 2, K, "C7", None, None, 2025),
                ("prov-kaltim", "c", 3, K, None, None, None, 2025),
            ),
            {("64.08", 3): (1, 1, 0), ("64.72", 2): (1, 1, 0), ("64", 3): (1, 1, 0)},
        ),
        (
            "a province certificate of the same person is its own when the number, the jenjang or the jabatan differs",
            with_jabatan(
                rows(
                    ("kab-kutai-timur", "a", 3, K, "C1", "2025-02-01", "2030-02-01", 2025),
                    ("prov-kaltim", "a", 3, K, "C2", "2025-02-01", "2030-02-01", 2025),
                    ("kab-kutai-timur", "b", 3, K, None, None, None, 2025),
                    ("prov-kaltim", "b", 4, K, None, None, None, 2025),
                    ("kab-kutai-timur", "c", 2, K, None, None, None, 2025),
                    ("prov-kaltim", "c", 2, K, None, None, None, 2025),
                    ("kab-kutai-timur", "d", 2, K, None, None, None, 2025),
                    ("prov-kaltim", "d", 2, K, None, None, None, 2025),
                ),
                "Tukang Besi", "Tukang Besi", None, None, "Operator Excavator", "Operator Crane",
                "Operator  excavator", "OPERATOR EXCAVATOR",
            ),
            {("64.08", 3): (2, 2, 0), ("64.08", 2): (2, 2, 0), ("64", 3): (1, 1, 0), ("64", 4): (1, 1, 0),
             ("64", 2): (1, 1, 0)},
        ),
        (
            # The dates each row states (masa berlaku, else the issue date's five years or the old
            # scheme's end) a year or more apart are two certificates: the regency's expired SKT and
            # the province's new SKK (a, e). Within a year (b: an issue date and the expiry the day
            # before five years on; c) or without a stated date on one side (d: a program year
            # only) the province row re-reports the regency's certificate.
            "a province certificate of the same person is its own when its stated validity is another certificate's",
            rows(
                ("kab-kutai-timur", "a", 2, K, "1.2.204.2.164.08.0000088", "2018-07-02", None, 2018),
                ("prov-kaltim", "a", 2, K, None, None, "2030-03-01", 2025),
                ("kab-kutai-timur", "b", 2, K, None, "2021-03-10", None, 2021),
                ("prov-kaltim", "b", 2, K, None, None, "2026-03-09", 2025),
                ("kab-kutai-timur", "c", 2, K, None, None, "2027-05-13", 2022),
                ("prov-kaltim", "c", 2, K, None, "2022-05-14", None, 2022),
                ("kab-kutai-timur", "d", 2, K, None, "2019-01-10", None, 2019),
                ("prov-kaltim", "d", 2, K, None, None, None, 2025),
                ("kab-kutai-timur", "e", 2, K, None, "2020-06-01", None, 2020),
                ("prov-kaltim", "e", 2, K, None, "2023-06-01", None, 2023),
            ),
            {("64.08", 2): (5, 2, 0), ("64", 2): (2, 2, 0)},
        ),
        (
            "Belum Kompeten and not assessed do not count; Kompeten without a number does",
            rows(
                ("kota-palembang", "a", 2, BK, None, None, None, 2025),
                ("kota-palembang", "b", 2, None, None, None, None, 2025),
                ("kota-palembang", "c", 2, K, None, None, None, 2025),
            ),
            {("16.71", 2): (1, 1, 0)},
        ),
        (
            # Program year 2021 published in 2026: the certificate expires some day of 2026, unknown.
            "active: expiry, issue + 5 years, or program year within five years; nothing known is unknown",
            rows(
                ("kota-palembang", "expired", 1, K, "E1", "2020-06-01", "2025-06-01", 2020),
                ("kota-palembang", "issued-2020", 1, K, "E2", "2020-12-01", None, 2020),
                ("kota-palembang", "issued-2021", 1, K, "E3", "2021-01-02", None, 2021),
                ("kota-palembang", "year-2022", 1, K, None, None, None, 2022),
                ("kota-palembang", "year-2021", 1, K, None, None, None, 2021),
                ("kota-palembang", "nothing", 1, K, None, None, None, None),
            ),
            {("16.71", 1): (6, 2, 2)},
        ),
        (
            # Issue 10: a sheet with only registration numbers and no program year.
            # Published 2026-01-01: issued 2021 or later is valid at least to 1 January of
            # year + 5, so all active; 2020 is the old scheme (31 December 2022); a number
            # without a year is unknown. (Later in 2026 the 2021 one is unknown: test_validity.)
            "the registration number's year decides when no date is stated",
            rows(
                ("kota-palembang", "n2023", 1, K, "SKK-1671-2023-000101", None, None, None),
                ("kota-palembang", "n2022", 1, K, "012/LSP-GATENSI/XII/2022", None, None, None),
                ("kota-palembang", "n2021", 1, K, "41011.3112.1.0012345.2021", None, None, None),
                ("kota-palembang", "n2020", 1, K, "SKK-1671-2020-000007", None, None, None),
                ("kota-palembang", "no-year", 1, K, "PL-0042", None, None, None),
            ),
            {("16.71", 1): (5, 3, 1)},
        ),
        (
            "the number's year wins over the program year; a stated date over the number",
            rows(
                # Number 2019 (old scheme, expired) although the program year says 2024.
                ("kota-palembang", "old-number", 1, K, "SKK-1671-2019-000001", None, None, 2024),
                # Issue date 2020 (expired 2022-12-31) although the number says 2024.
                ("kota-palembang", "dated", 1, K, "SKK-1671-2024-000002", "2020-03-01", None, None),
                # Program year 2025 only: active.
                ("kota-palembang", "program", 1, K, "PL-7", None, None, 2025),
            ),
            {("16.71", 1): (3, 1, 0)},
        ),
        (
            "a person is active if any certificate is, else unknown if any is unknown",
            rows(
                ("kab-kutai-timur", "active+unknown", 2, K, "K1", "2025-01-01", None, 2025),
                ("kab-kutai-timur", "active+unknown", 2, K, "K2", None, None, None),
                ("kab-kutai-timur", "expired+unknown", 2, K, "K3", "2019-01-01", None, 2019),
                ("kab-kutai-timur", "expired+unknown", 2, K, "K4", None, None, None),
                ("kab-kutai-timur", "expired", 2, K, "K5", None, "2024-01-01", 2019),
            ),
            {("64.08", 2): (3, 1, 1)},
        ),
        (
            "one person at two levels counts in both cells",
            rows(
                ("kota-samarinda", "a", 3, K, "C1", "2025-01-10", "2030-01-10", 2025),
                ("kota-samarinda", "a", 5, K, "C2", "2025-05-10", "2030-05-10", 2025),
            ),
            {("64.72", 3): (1, 1, 0), ("64.72", 5): (1, 1, 0)},
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
         "kualifikasi": "Teknisi/Analis", "certified_persons": 1, "active_persons": 1,
         "active_unknown_persons": 0},
        {"province_code": "64", "region_code": "64.08", "region_name": "Kabupaten Kutai Timur", "jenjang": 8,
         "kualifikasi": "Ahli", "certified_persons": 1, "active_persons": 1,
         "active_unknown_persons": 0},
    ]


@pytest.mark.parametrize("seed", range(5))
def test_persons_split_exactly_into_active_unknown_and_expired(seed):
    """certified = active + unknown + expired in every cell, on random mixes of evidence."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 300
    evidence = rng.integers(0, 5, n)
    specs = []
    for i in range(n):
        year = int(rng.integers(2015, 2027))
        nomor = f"SKK-6408-{year}-{i:06d}" if evidence[i] == 2 else f"KT-{i}"
        terbit = f"{year}-06-01" if evidence[i] == 1 else None
        berlaku = f"{year + 5}-06-01" if evidence[i] == 0 else None
        tahun = year if evidence[i] == 3 else None
        specs.append(("kab-kutai-timur", f"p{rng.integers(0, 80)}", int(rng.integers(1, 4)), K, nomor, terbit, berlaku, tahun))
    frame = rows(*specs)
    table = certified_workers_by_region_level(frame, OFFICES, PUBLISH)
    from warehouse.headline import certificate_validity

    status = certificate_validity(frame, PUBLISH)["status"]
    for cell in table.itertuples():
        mine = frame[frame["jenjang"] == cell.jenjang]
        per_person = mine.assign(s=status[mine.index]).groupby("person_key")["s"].agg(set)
        active = sum("active" in s for s in per_person)
        unknown = sum("active" not in s and "unknown" in s for s in per_person)
        expired = sum(s == {"expired"} for s in per_person)
        assert (cell.certified_persons, cell.active_persons, cell.active_unknown_persons) == (len(per_person), active, unknown)
        assert cell.certified_persons == cell.active_persons + cell.active_unknown_persons + expired
