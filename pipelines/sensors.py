"""Sensors: new or changed files in a landing folder start that office's ingest; finished
ingests start one publish.

``office_landing_sensor``'s cursor is short JSON ``{office_id: content digest}``
(what the UI's sensor page shows), merged into (never replacing) the previous
cursor, so a restart does not re-trigger offices whose files did not change,
and an office added to the registry later starts with an empty entry. Content an
ingest already read (``make demo``, ``sertifikasi run``, a backfill) starts no run,
so the UI opens quiet after a run outside the daemon. The
per-file ``[size, mtime_ns, sha256]`` snapshots, which only spare re-hashing
unchanged files, live in the Dagster instance's key-value store instead: losing
them costs one re-hash, never a run.
"""


import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import dagster as dg

from assets.published import unclaimed_note
from pipelines.jobs import INGEST_OFFICE_JOB, PUBLISH_JOB
from pipelines.resources import OfficeRegistry, ingested_digests
from sources.landing import content_digest, snapshot, unclaimed_entries

SNAPSHOT_KEY = "sertifikasi/landing_snapshot/{office_id}"
# At most one automated publish per this many minutes: a burst of office ingests
# (the nightly refresh, several arrivals) is linked and published once.
PUBLISH_BATCH_MINUTES = 15
# The asset every office ingest writes.
INGESTED_MARKER = dg.AssetKey("standardized_participations")
IN_FLIGHT = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


def _previous_digest(entry: object) -> tuple[str | None, dict | None]:
    """(digest, files) of a cursor entry; an entry of the old long cursor also carries its files."""
    if isinstance(entry, dict):  # before the cursor was shortened: {"files": {...}, "digest": ...}
        return entry.get("digest"), entry.get("files")
    return (entry if isinstance(entry, str) else None), None


def landing_run_requests(
    registry: OfficeRegistry,
    cursor: str | None,
    snapshots: dict[str, dict] | None = None,
    ingested: dict[str, str] | None = None,
) -> tuple[list[dg.RunRequest], str, dict[str, dict]]:
    """Run requests for offices whose landing folder content changed, the new cursor, and the
    per-office file snapshots that changed (to store outside the cursor).

    ``ingested``: per office, the content digest its last ingest read; that content
    needs no run, even when this sensor has not seen it yet.
    """
    state = json.loads(cursor) if cursor else {}
    snapshots = snapshots or {}
    ingested = ingested or {}
    requests = []
    changed_snapshots: dict[str, dict] = {}
    for office in registry.offices().values():
        before_digest, legacy_files = _previous_digest(state.get(office.id))
        before_files = snapshots.get(office.id) or legacy_files
        files = snapshot(office.landing_dir(Path(registry.landing_root)), before_files)
        digest = content_digest(files)
        # An empty folder never seen before is no news; a folder emptied since is (files removed).
        already = ingested.get(office.id) == digest
        if digest != before_digest and not already and (files or before_digest not in (None, content_digest({}))):
            requests.append(
                dg.RunRequest(
                    partition_key=office.id,
                    # One run per distinct folder content: a restart or a re-tick never repeats it.
                    run_key=f"{office.id}:{digest}",
                    tags={"office_id": office.id, "trigger": "landing"},
                )
            )
        state[office.id] = digest
        if files != (snapshots.get(office.id) or {}):
            changed_snapshots[office.id] = files
    return requests, json.dumps(state, sort_keys=True), changed_snapshots


def _load_snapshots(context: dg.SensorEvaluationContext, office_ids: list[str]) -> dict[str, dict]:
    keys = {SNAPSHOT_KEY.format(office_id=office_id): office_id for office_id in office_ids}
    stored = context.instance.run_storage.get_cursor_values(set(keys))
    return {keys[key]: json.loads(value) for key, value in stored.items() if value}


@dg.sensor(
    name="office_landing_sensor",
    job_name=INGEST_OFFICE_JOB,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts ingest_office for an office when a file in its landing folder is new, changed or removed "
    "(by content hash). Cursor: one content digest per office.",
)
def office_landing_sensor(context: dg.SensorEvaluationContext, registry: OfficeRegistry):
    """Watch every office's landing folder."""
    office_ids = list(registry.offices())
    snapshots = _load_snapshots(context, office_ids)
    ingested = ingested_digests(context.instance, office_ids)
    requests, cursor, changed = landing_run_requests(registry, context.cursor, snapshots, ingested)
    if changed:
        context.instance.run_storage.set_cursor_values(
            {SNAPSHOT_KEY.format(office_id=office_id): json.dumps(files) for office_id, files in changed.items()}
        )
    unclaimed = unclaimed_landing_note(registry)
    if unclaimed:
        context.log.warning(unclaimed)
    if not requests:
        return dg.SensorResult(skip_reason="; ".join(["no new or changed files", *([unclaimed] if unclaimed else [])]),
                               cursor=cursor)
    return dg.SensorResult(run_requests=requests, cursor=cursor)


def unclaimed_landing_note(registry: OfficeRegistry) -> str:
    """A warning naming the landing entries outside every registry office's folder, or ``""``.

    Such files start no run (no office owns them), so the sensor's tick says so, each tick:
    a folder named differently from the registry is otherwise silent.
    """
    unclaimed = unclaimed_entries(Path(registry.landing_root),
                                  [office.landing for office in registry.offices().values()])
    return unclaimed_note(unclaimed) if unclaimed else ""


def _latest_materialization(instance: dg.DagsterInstance, key: dg.AssetKey):
    records = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=key), limit=1).records
    return records[0] if records else None


def publish_decision(instance: dg.DagsterInstance, now: datetime) -> tuple[dg.RunRequest | None, str]:
    """Whether to start a publish now, and why (the skip reason the sensor page shows).

    Decided from the instance alone, so no cursor can drift from what really ran:
    publish when an office ingest materialized after the last successful publish
    started (a publish reads the staged rows when it starts, so an ingest finishing
    during it is published by the next one), no ingest or publish run is queued or
    running, and no publish was started within the last ``PUBLISH_BATCH_MINUTES``.
    Publishes run by hand or by ``sertifikasi run`` count too.
    """
    ingested = _latest_materialization(instance, INGESTED_MARKER)
    if ingested is None:
        return None, "no office ingested yet"
    succeeded = instance.get_run_records(
        dg.RunsFilter(job_name=PUBLISH_JOB, statuses=[dg.DagsterRunStatus.SUCCESS]), limit=1
    )
    if succeeded and succeeded[0].start_time is not None and ingested.timestamp < succeeded[0].start_time:
        return None, "the warehouse already includes every office ingest"
    in_flight = instance.get_run_records(dg.RunsFilter(job_name=INGEST_OFFICE_JOB, statuses=IN_FLIGHT), limit=50)
    if in_flight:
        return None, f"waiting for {len(in_flight)} ingest_office run(s) to finish"
    if instance.get_run_records(dg.RunsFilter(job_name=PUBLISH_JOB, statuses=IN_FLIGHT), limit=1):
        return None, "a publish is already running"
    last = instance.get_run_records(dg.RunsFilter(job_name=PUBLISH_JOB), limit=1)
    if last:
        started = last[0].create_timestamp
        started = started if started.tzinfo else started.replace(tzinfo=timezone.utc)
        next_allowed = started + timedelta(minutes=PUBLISH_BATCH_MINUTES)
        if now < next_allowed:
            return None, f"batching: next publish at {next_allowed.isoformat(timespec='minutes')} at the earliest"
    # One publish per ingest state: the same state never publishes twice (a failed publish
    # is retried by hand or by the next ingest).
    return (
        dg.RunRequest(run_key=f"publish:{ingested.storage_id}", tags={"trigger": "publish_automation"}),
        "ingests to publish",
    )


@dg.sensor(
    name="publish_automation",
    job_name=PUBLISH_JOB,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=f"Runs the publish job (link, check, publish) after office ingests: once no ingest is queued or "
    f"running, at most one publish per {PUBLISH_BATCH_MINUTES} minutes.",
)
def publish_automation_sensor(context: dg.SensorEvaluationContext):
    """Start one publish for the office ingests finished since the last publish."""
    request, reason = publish_decision(context.instance, datetime.now(timezone.utc))
    if request is None:
        return dg.SensorResult(skip_reason=reason)
    return dg.SensorResult(run_requests=[request])
