"""A Masa Berlaku written without its day: a month and year ("Juli 2026") or a year ("s/d 2028").

World 10 (tests/test_unfamiliar_world_10.py) found both read wrong: "Juli 2026" was no date, so
Kota Tarakan's certificate fell back to its program year (2021: unknown in 2026, though the office
stated it runs into July 2026); "s/d 2028" became a program year 2023, expiring 2027-12-31 on the
basis ``tahun``, and was ignored where the row had a program year of its own, the reverse of rule 5's
order (docs/warehouse.md: the expiry the office stated before any guess from a year). Now both are a
stated expiry with its precision: the certificate expires some day of that month or year, so it is
active up to its first day, unknown during the rest of it, expired after it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.headers import RAW_COLUMNS
from standardize.record import expiry_window, standardize_submission
from standardize.validity import certificate_validity
from warehouse.headline import certificate_validity as rows_validity

PUBLISH = date(2026, 6, 30)

# (cell, first day it can expire, precision): a month and year or a year, as clerks write them
WINDOWS = [
    ("Juli 2026", date(2026, 7, 1), "month"),
    ("Jul 2026", date(2026, 7, 1), "month"),
    ("07/2026", date(2026, 7, 1), "month"),
    ("07-2026", date(2026, 7, 1), "month"),
    ("7/2026", date(2026, 7, 1), "month"),
    ("Juli-2026", date(2026, 7, 1), "month"),
    ("Agt. 2027", date(2027, 8, 1), "month"),
    ("2026-07", date(2026, 7, 1), "month"),
    ("s.d. Juli 2026", date(2026, 7, 1), "month"),
    ("Berlaku s/d Desember 2028", date(2028, 12, 1), "month"),
    ("sampai dengan Februari 2027", date(2027, 2, 1), "month"),
    ("s/d 2028", date(2028, 1, 1), "year"),
    ("berlaku sampai 2028", date(2028, 1, 1), "year"),
    ("s.d. 2026", date(2026, 1, 1), "year"),
    ("2027", date(2027, 1, 1), "year"),
    ("sampai tahun 2027", date(2027, 1, 1), "year"),
]

NOT_WINDOWS = [
    None,
    "",
    "01-07-2026",  # a day: parse_date's
    "1 Juli 2026",
    "5 tahun",
    "Tahap 2026",  # a word that is no month
    "13/2026",  # no month 13
    "Juli",
    "Jul-26",  # a two-digit year: 26 July or July 2026, not read here
    "s/d 2099",  # beyond the reference year + 10
]


@pytest.mark.parametrize("cell, first, precision", WINDOWS)
def test_a_month_or_a_year_is_a_window(cell, first, precision):
    assert expiry_window(cell, 2036) == (first, precision)


@pytest.mark.parametrize("cell", NOT_WINDOWS)
def test_other_cells_are_no_window(cell):
    assert expiry_window(cell, 2036) is None


def _standardized(rows: list[dict]) -> pd.DataFrame:
    provenance = {"office_id": "kota-tarakan", "source_file": "skk.xlsx", "source_sha256": "ab" * 32,
                  "source_sheet": "2021"}
    frame = pd.DataFrame([
        {**provenance, "source_row": i + 5,
         **{column: {"nama": "KASMIR", "nik": "6571012505750029", "jenis_kelamin": "L",
                     "jabatan_kerja": "Operator Crane", "jenjang": "3", "hasil": "K", **row}.get(column)
            for column in RAW_COLUMNS}}
        for i, row in enumerate(rows)
    ])
    return standardize_submission(frame, date_order="dmy", reference_date=PUBLISH).rows


# (masa berlaku cell, tahun cell, staged masa_berlaku, precision, staged tahun)
STAGED = [
    ("Juli 2026", "2021", date(2026, 7, 1), "month", 2021),
    ("07/2026", None, date(2026, 7, 1), "month", None),
    ("s/d 2028", None, date(2028, 1, 1), "year", 2023),  # no program year: the issue year the expiry implies
    ("s/d 2028", "2019", date(2028, 1, 1), "year", 2019),  # the program year stays the row's own
    ("01-07-2026", "2021", date(2026, 7, 1), None, 2021),  # a day: no precision to carry
]


@pytest.mark.parametrize("cell, tahun, berlaku, precision, staged_tahun", STAGED)
def test_staged_with_its_precision_and_no_unreadable_flag(cell, tahun, berlaku, precision, staged_tahun):
    row = _standardized([{"masa_berlaku": cell, "tahun": tahun}]).iloc[0]
    got = (
        row["masa_berlaku"].date(),
        None if pd.isna(row["masa_berlaku_precision"]) else row["masa_berlaku_precision"],
        None if pd.isna(row["tahun"]) else int(row["tahun"]),
        row["flags"],
    )
    assert got == (berlaku, precision, staged_tahun, "")


# (case, masa_berlaku, precision, tahun, publish, expires_on, status)
DECISIONS = [
    ("month: before it", "2026-07-01", "month", 2021, "2026-06-30", "2026-07-01", "active"),
    ("month: its first day", "2026-07-01", "month", 2021, "2026-07-01", "2026-07-01", "active"),
    ("month: within it", "2026-07-01", "month", 2021, "2026-07-15", "2026-07-01", "unknown"),
    ("month: its last day", "2026-07-01", "month", 2021, "2026-07-31", "2026-07-01", "unknown"),
    ("month: after it", "2026-07-01", "month", 2021, "2026-08-01", "2026-07-01", "expired"),
    ("month: December's end", "2026-12-01", "month", None, "2026-12-31", "2026-12-01", "unknown"),
    ("year: before it", "2028-01-01", "year", None, "2026-06-30", "2028-01-01", "active"),
    ("year: within it", "2026-01-01", "year", None, "2026-06-30", "2026-01-01", "unknown"),
    ("year: after it", "2025-01-01", "year", None, "2026-06-30", "2025-01-01", "expired"),
    # a stated year and a program year that disagree: the stated one decides (rule 5's order)
    ("year 2028 stated, program 2019 (old scheme, expired)", "2028-01-01", "year", 2019, "2026-06-30", "2028-01-01", "active"),
    ("year 2025 stated, program 2023 (active to 2027)", "2025-01-01", "year", 2023, "2026-06-30", "2025-01-01", "expired"),
    ("a day: as before", "2026-07-01", None, 2021, "2026-07-15", "2026-07-01", "expired"),
]


@pytest.mark.parametrize("case, berlaku, precision, tahun, publish, expires_on, status", DECISIONS)
def test_a_window_decides_active_unknown_expired(case, berlaku, precision, tahun, publish, expires_on, status):
    got = certificate_validity(
        pd.Series([pd.Timestamp(berlaku)]),
        pd.Series([pd.NaT]),
        pd.Series([None], dtype="object"),
        pd.Series([tahun], dtype="object").astype("Int64"),
        date.fromisoformat(publish),
        masa_berlaku_precision=pd.Series([precision], dtype="str"),
    ).iloc[0]
    assert (got["expires_on"], got["expires_on_basis"], got["status"]) == (
        pd.Timestamp(expires_on), "masa_berlaku", status)


# From the office's cells to the decision the tables use (warehouse.headline.certificate_validity).
# (masa berlaku cell, tahun cell, expires_on, basis, status on PUBLISH)
CHAIN = [
    ("Juli 2026", "2021", "2026-07-01", "masa_berlaku", "active"),  # world 10's Kasmir: was tahun, unknown
    ("s/d 2028", "2019", "2028-01-01", "masa_berlaku", "active"),  # was tahun 2019: old scheme, expired
    ("s.d. 2026", "2022", "2026-01-01", "masa_berlaku", "unknown"),  # was tahun 2022: active
    ("s/d 2028", None, "2028-01-01", "masa_berlaku", "active"),  # was tahun 2023: 2027-12-31
    ("Juni 2026", None, "2026-06-01", "masa_berlaku", "unknown"),  # was nothing known: unknown
    ("Mei 2026", "2022", "2026-05-01", "masa_berlaku", "expired"),  # was tahun 2022: active
]


@pytest.mark.parametrize("cell, tahun, expires_on, basis, status", CHAIN)
def test_from_cell_to_decision(cell, tahun, expires_on, basis, status):
    rows = _standardized([{"masa_berlaku": cell, "tahun": tahun}])
    got = rows_validity(rows, PUBLISH).iloc[0]
    assert (got["expires_on"], got["expires_on_basis"], got["status"]) == (pd.Timestamp(expires_on), basis, status)
