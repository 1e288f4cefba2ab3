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
    five_years = (tanggal_terbit + pd.DateOffset(years=SKK_VALID_YEARS)).astype("datetime64[ms]")
    return five_years.where(~(tanggal_terbit < OLD_SCHEME_START), OLD_SCHEME_EXPIRY)
