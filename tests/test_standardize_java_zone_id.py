"""Dates a Java back end prints with ZonedDateTime.toString(): the ISO offset, then the zone id in
brackets ("1985-03-12T00:00+07:00[Asia/Jakarta]"). The offset dates the value; the id adds nothing."""

from __future__ import annotations

from datetime import date

import pytest

from standardize.dates import parse_date


@pytest.mark.parametrize(("raw", "expected"), [
    ("1985-03-12T00:00:00+07:00[Asia/Jakarta]", date(1985, 3, 12)),
    ("1985-03-12T00:00+08:00[Asia/Makassar]", date(1985, 3, 12)),
    ("1985-03-12T00:00+09:00[Asia/Jayapura]", date(1985, 3, 12)),
    ("1985-03-11T17:00:00Z[UTC]", date(1985, 3, 12)),  # 17:00 UTC is midnight in WIB, the next day
    ("2024-06-30T23:30:00+07:00[Asia/Jakarta]", date(2024, 6, 30)),
    # unchanged: brackets without a time before them are no zone id
    ("12/03/1985 [Salatiga]", None),
])
def test_zone_id_after_the_offset(raw, expected):
    assert parse_date(raw) == expected
