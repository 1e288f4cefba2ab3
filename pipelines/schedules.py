"""Schedules: the nightly full refresh and the hourly pull from offices' URLs and portals.

Times are Western Indonesia Time (Asia/Jakarta). Change a cron string here; both
schedules are on by default when the code location loads.
"""


import dagster as dg

from pipelines.jobs import INGEST_OFFICE_JOB, PULL_JOB
from pipelines.resources import OfficeRegistry

TIMEZONE = "Asia/Jakarta"
NIGHTLY_CRON = "0 1 * * *"  # 01:00 WIB: offices are closed, analysts asleep
PULL_CRON = "15 * * * *"  # hourly, a quarter past


@dg.schedule(
    name="nightly_full_refresh",
    cron_schedule=NIGHTLY_CRON,
    execution_timezone=TIMEZONE,
    job_name=INGEST_OFFICE_JOB,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Re-ingests every office each night; linking and publishing follow through automation.",
)
def nightly_full_refresh(context: dg.ScheduleEvaluationContext, registry: OfficeRegistry):
    """One ingest run per registry office."""
    night = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return [
        dg.RunRequest(partition_key=office_id, run_key=f"nightly:{night}:{office_id}", tags={"trigger": "nightly"})
        for office_id in registry.offices()
    ]


pull_schedule = dg.ScheduleDefinition(
    name="pull_offices_hourly",
    cron_schedule=PULL_CRON,
    execution_timezone=TIMEZONE,
    job_name=PULL_JOB,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Fetches files of offices with a `pull` source; new files then trigger office_landing_sensor.",
)
