"""How long a certificate is valid: one place for the rule both counting and checks use."""

from __future__ import annotations

import pandas as pd

# An SKK is valid five years from issue (UU 2/2017 regime; DOMAIN.md).
SKK_VALID_YEARS = 5
# Certificates of the pre-2021 scheme (SKA/SKT) all expired on 31 December 2022.
OLD_SCHEME_START = pd.Timestamp("2021-01-01")
OLD_SCHEME_EXPIRY = pd.Timestamp("2022-12-31")


def expected_expiry(tanggal_terbit: pd.Series) -> pd.Series:
    """The expiry a certificate issued on each date should carry (NaT where the issue date is unknown)."""
    # Same day and month five years on, built from components: adding a
    # DateOffset(years=5) is applied row by row and costs seconds per million rows.
    # 29 February rolls to 28 February when the target year is not a leap year.
    terbit = tanggal_terbit.astype("datetime64[ms]")
    parts = pd.DataFrame({"year": terbit.dt.year + SKK_VALID_YEARS, "month": terbit.dt.month, "day": terbit.dt.day})
    leap_day = (parts["month"] == 2) & (parts["day"] == 29)
    parts.loc[leap_day, "day"] = 28
    five_years = pd.to_datetime(parts, errors="coerce").astype("datetime64[ms]")
    return five_years.where(~(terbit < OLD_SCHEME_START), OLD_SCHEME_EXPIRY)
