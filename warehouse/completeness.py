"""Which offices have reported, and how recently (a reporting-rate view, as DHIS2 shows)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from sources.registry import Office

STATUSES = ("reported", "stale", "never")


def reporting_completeness(offices: dict[str, Office], submission_log: pd.DataFrame, publish_date: date) -> pd.DataFrame:
    """One row per registry office: files, newest arrival, days since, and reported / stale / never.

    An office is stale when its newest file is older than its registry
    ``freshness_days``; an office without that setting is never stale.
    """
    on = pd.Timestamp(publish_date, tz="UTC")
    # One pass over the log: filtering it per office is offices x files (3 s at 552 x 3,000).
    per_office: dict[str, tuple[int, int, object]] = {}
    if len(submission_log):
        grouped = submission_log.assign(_rejected=submission_log["status"] == "rejected").groupby("office_id", sort=False)
        summary = grouped.agg(files=("office_id", "size"), rejected=("_rejected", "sum"), last=("received_at", "max"))
        per_office = {office_id: (int(r.files), int(r.rejected), r.last) for office_id, r in summary.iterrows()}
    rows = []
    for office in offices.values():
        files, rejected, last = per_office.get(office.id, (0, 0, pd.NaT))
        days = None if pd.isna(last) else max(int((on - last).days), 0)
        if days is None:
            status = "never"
        elif office.freshness_days is not None and days > office.freshness_days:
            status = "stale"
        else:
            status = "reported"
        rows.append(
            {
                "office_id": office.id,
                "office_name": office.name,
                "level": office.level,
                "region_code": office.region_code,
                "files": files,
                "files_rejected": rejected,
                "last_received_at": last,
                "days_since_last": days,
                "freshness_days": office.freshness_days,
                "status": status,
            }
        )
    table = pd.DataFrame(rows)
    table["days_since_last"] = table["days_since_last"].astype("Int64")
    table["freshness_days"] = table["freshness_days"].astype("Int64")
    return table
