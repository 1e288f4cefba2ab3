"""A validity written as its length ("5 Tahun") in the Masa Berlaku column.

Probe of 2026-12-07: a list whose Masa Berlaku column says "5 Tahun" for every row flagged each row
masa_berlaku_unreadable (before), although the office wrote nothing wrong: every SKK is valid five
years and the issue date says until when. The length is no date and no certificate on its own.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.headers import RAW_COLUMNS
from standardize.record import standardize_submission


def _standardized(masa_berlaku, tanggal_terbit="12-08-2024"):
    raw = dict(nama="AGUS SALIM", nik="6408011203850003", jenis_kelamin="L", jabatan_kerja="Operator Excavator",
               jenjang="3", hasil="K", tanggal_terbit=tanggal_terbit, masa_berlaku=masa_berlaku)
    provenance = {"office_id": "kab-kutai-timur", "source_file": "skk.xlsx", "source_sha256": "ab" * 32,
                  "source_sheet": "2024", "source_row": 5}
    frame = pd.DataFrame([{**provenance, **{column: raw.get(column) for column in RAW_COLUMNS}}])
    return standardize_submission(frame, date_order="dmy", reference_date=date(2026, 6, 30)).rows.iloc[0]


@pytest.mark.parametrize("cell", ["5 Tahun", "5 (lima) tahun", "Lima Tahun", "5 thn", "Berlaku 5 Tahun", "5 years"])
def test_a_length_of_validity_is_no_unreadable_date(cell):
    row = _standardized(cell)
    assert (row["flags"], pd.isna(row["masa_berlaku"]), row["tanggal_terbit"].date()) == ("", True, date(2024, 8, 12))


@pytest.mark.parametrize(
    ("cell", "flags", "expiry"),
    [
        ("12-08-2029", "", date(2029, 8, 12)),
        ("s.d. 11 Agustus 2029", "", date(2029, 8, 11)),
        ("5 Tahun 2029", "masa_berlaku_unreadable", None),  # a year in it: not only a length
        ("lama", "masa_berlaku_unreadable", None),
    ],
)
def test_dates_and_other_words_as_before(cell, flags, expiry):
    row = _standardized(cell)
    got = None if pd.isna(row["masa_berlaku"]) else row["masa_berlaku"].date()
    assert (row["flags"], got) == (flags, expiry)
