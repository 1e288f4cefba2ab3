"""Sensors: new or changed files in a landing folder start that office's ingest.

The cursor is JSON ``{office_id: {"files": {name: [size, mtime_ns, sha256]}, "digest": ...}}``,
merged into (never replacing) the previous cursor, so a restart does not
re-trigger offices whose files did not change, and an office added to the
registry later starts with an empty entry.
"""


import json
from pathlib import Path

import dagster as dg

from pipelines.jobs import INGEST_OFFICE_JOB
from pipelines.resources import OfficeRegistry
from sources.landing import content_digest, snapshot


def landing_run_requests(registry: OfficeRegistry, cursor: str | None) -> tuple[list[dg.RunRequest], str]:
    """Run requests for offices whose landing folder content changed, and the new cursor."""
    state = json.loads(cursor) if cursor else {}
    requests = []
    for office in registry.offices().values():
        before = state.get(office.id, {})
        files = snapshot(office.landing_dir(Path(registry.landing_root)), before.get("files"))
        digest = content_digest(files)
        if digest != before.get("digest") and (files or before.get("files")):
            requests.append(
                dg.RunRequest(
                    partition_key=office.id,
                    # One run per distinct folder content: a restart or a re-tick never repeats it.
                    run_key=f"{office.id}:{digest}",
                    tags={"office_id": office.id, "trigger": "landing"},
                )
            )
        state[office.id] = {"files": files, "digest": digest}
    return requests, json.dumps(state, sort_keys=True)


@dg.sensor(
    name="office_landing_sensor",
    job_name=INGEST_OFFICE_JOB,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts ingest_office for an office when a file in its landing folder is new, changed or removed "
    "(by content hash).",
)
def office_landing_sensor(context: dg.SensorEvaluationContext, registry: OfficeRegistry):
    """Watch every office's landing folder."""
    requests, cursor = landing_run_requests(registry, context.cursor)
    if not requests:
        return dg.SensorResult(skip_reason="no new or changed files", cursor=cursor)
    return dg.SensorResult(run_requests=requests, cursor=cursor)


# Linking and publishing follow the office ingests declaratively (see the assets'
# automation conditions); this sensor evaluates those conditions. On by default.
publish_automation_sensor = dg.AutomationConditionSensorDefinition(
    "publish_automation",
    target=dg.AssetSelection.groups("linked", "warehouse"),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=60,
    description="Links and publishes after office ingests, batching updates into one publish per 15 minutes.",
)
