"""Jobs: ingest one office (a partition), and publish across all offices."""

from __future__ import annotations

import dagster as dg

INGEST_OFFICE_JOB = "ingest_office"
PUBLISH_JOB = "publish"


def build_jobs() -> list[dg.UnresolvedAssetJobDefinition]:
    """``ingest_office`` reads and standardizes one office; ``publish`` links and publishes everyone."""
    ingest_office = dg.define_asset_job(
        INGEST_OFFICE_JOB,
        selection=dg.AssetSelection.groups("sources", "standardized", "validated"),
        # Partitioned by office: inferred from the selected assets.
        description="Read, check and standardize one office's landing folder (one partition per office).",
    )
    publish = dg.define_asset_job(
        PUBLISH_JOB,
        selection=dg.AssetSelection.groups("linked", "warehouse"),
        description="Link persons across all offices and publish the warehouse tables.",
    )
    return [ingest_office, publish]
