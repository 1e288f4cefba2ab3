"""Reporting completeness: reported, stale, never, per registry office."""

from __future__ import annotations

from datetime import date

import pandas as pd

from sources.registry import load_registry
from warehouse.completeness import reporting_completeness


def test_reported_stale_never():
    offices = load_registry()
    log = pd.DataFrame(
        {
            "office_id": ["kab-kutai-timur", "kab-kutai-timur", "kota-palembang"],
            "status": ["accepted", "rejected", "accepted"],
            "received_at": pd.to_datetime(["2026-05-01", "2026-06-20", "2025-10-01"], utc=True),
        }
    )
    table = reporting_completeness(offices, log, date(2026, 6, 30)).set_index("office_id")
    assert table.loc["kab-kutai-timur", ["files", "files_rejected", "days_since_last", "status"]].tolist() == [2, 1, 10, "reported"]
    # Palembang allows 180 days of silence; 272 have passed.
    assert table.loc["kota-palembang", ["days_since_last", "status"]].tolist() == [272, "stale"]
    assert table.loc["prov-kaltim", "status"] == "never"
    assert list(table.index) == list(offices)
