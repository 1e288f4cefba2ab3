"""Jobs: ingest one office (a partition), publish across all offices, pull files from offices."""


from pathlib import Path

import dagster as dg

from pipelines.resources import OfficeRegistry
from sources.pull import pull_office

INGEST_OFFICE_JOB = "ingest_office"
PUBLISH_JOB = "publish"
PULL_JOB = "pull_offices"


@dg.op(description="Fetch every pulled office's files into its landing folder; one failing office does not stop the others.")
def pull_office_sources(context: dg.OpExecutionContext, registry: OfficeRegistry):
    """Run :func:`sources.pull.pull_office` for each office that has a ``pull`` source."""
    failures = []
    for office in registry.offices().values():
        if office.pull is None:
            continue
        result = pull_office(office.id, office.pull, office.landing_dir(Path(registry.landing_root)))
        context.log.info(f"{office.id}: fetched {result.fetched}, unchanged {result.unchanged}")
        for message in result.errors:
            context.log.error(message)
        failures.extend(result.errors)
    if failures:
        # After every office was tried: the run shows red so an engineer looks.
        raise dg.Failure(description=f"{len(failures)} pull error(s)", metadata={"errors": dg.MetadataValue.md("\n".join(f"- {e}" for e in failures))})


@dg.job(name=PULL_JOB, description="Fetch files from offices' URLs and Satu Data (CKAN) portals.")
def pull_offices_job():
    """The pull job: one op over all pulled offices."""
    pull_office_sources()


def build_jobs() -> list:
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
    return [ingest_office, publish, pull_offices_job]
