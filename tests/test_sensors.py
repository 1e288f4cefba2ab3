"""Arrival sensor and schedules, with Dagster's test utilities."""

from __future__ import annotations

import os
from datetime import datetime

import dagster as dg
import pytest

from pipelines.resources import OfficeRegistry
from pipelines.schedules import nightly_full_refresh
from pipelines.sensors import office_landing_sensor
from sources.registry import DEFAULT_REGISTRY, load_registry


def tick(registry: OfficeRegistry, cursor: str | None, instance: dg.DagsterInstance | None = None):
    instance = instance or dg.DagsterInstance.ephemeral()
    context = dg.build_sensor_context(cursor=cursor, resources={"registry": registry}, instance=instance)
    result = office_landing_sensor(context)
    return [(r.partition_key, r.run_key) for r in result.run_requests or []], result.cursor


def test_new_unchanged_modified_removed_files(tmp_path):
    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path))
    requests, cursor = tick(registry, None)
    assert requests == []

    folder = tmp_path / "kab-kutai-timur"
    folder.mkdir()
    (folder / "mtu_2025.xlsx").write_bytes(b"PK\x03\x04 first")
    (folder / ".pull-state.json").write_text("{}")  # not a submission
    requests, cursor = tick(registry, cursor)
    assert [office for office, _ in requests] == ["kab-kutai-timur"]
    first_key = requests[0][1]

    requests, cursor = tick(registry, cursor)
    assert requests == []

    # Touched but identical content: no run.
    os.utime(folder / "mtu_2025.xlsx", ns=(1, 1))
    requests, cursor = tick(registry, cursor)
    assert requests == []

    (folder / "mtu_2025.xlsx").write_bytes(b"PK\x03\x04 second version")
    requests, cursor = tick(registry, cursor)
    assert [office for office, _ in requests] == ["kab-kutai-timur"]
    assert requests[0][1] != first_key

    (tmp_path / "kota-palembang").mkdir()
    (tmp_path / "kota-palembang" / "operator.csv").write_text("Nama;NIK\n")
    (folder / "mtu_2025.xlsx").unlink()
    requests, cursor = tick(registry, cursor)
    assert sorted(office for office, _ in requests) == ["kab-kutai-timur", "kota-palembang"]


def test_restart_with_saved_cursor_does_not_retrigger(tmp_path):
    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path))
    (tmp_path / "prov-kaltim").mkdir()
    (tmp_path / "prov-kaltim" / "tahap1.xlsx").write_bytes(b"PK\x03\x04")
    requests, cursor = tick(registry, None)
    assert len(requests) == 1
    assert tick(registry, cursor)[0] == []


def test_nightly_schedule_requests_every_office():
    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root="/nonexistent")
    context = dg.build_schedule_context(scheduled_execution_time=datetime(2026, 11, 23, 1, 0))
    requests = nightly_full_refresh(context, registry=registry)
    assert [r.partition_key for r in requests] == list(load_registry())
    assert requests[0].run_key == "nightly:2026-11-23:kab-kutai-timur"


def test_cursor_holds_one_digest_per_office_and_snapshots_live_in_the_instance(tmp_path):
    """The sensor page shows a short cursor; per-file hashes are kept in the instance's key-value store."""
    import json

    from pipelines.sensors import SNAPSHOT_KEY
    from sources.landing import content_digest

    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path))
    instance = dg.DagsterInstance.ephemeral()
    folder = tmp_path / "kab-kutai-timur"
    folder.mkdir()
    for i in range(40):
        (folder / f"peserta_{i:02d}.csv").write_text(f"Nama;NIK\nA;{i}\n")
    requests, cursor = tick(registry, None, instance)
    assert [office for office, _ in requests] == ["kab-kutai-timur"]
    state = json.loads(cursor)
    assert set(state) == set(load_registry())
    assert all(isinstance(digest, str) and len(digest) == 64 for digest in state.values())
    assert len(cursor) < 100 * len(state)  # 40 files' hashes would be over 4,000 characters for this office alone
    stored = instance.run_storage.get_cursor_values({SNAPSHOT_KEY.format(office_id="kab-kutai-timur")})
    files = json.loads(stored[SNAPSHOT_KEY.format(office_id="kab-kutai-timur")])
    assert sorted(files) == [f"peserta_{i:02d}.csv" for i in range(40)]
    assert state["kab-kutai-timur"] == content_digest(files)
    # the same instance and cursor: nothing new
    assert tick(registry, cursor, instance)[0] == []
    # the snapshots lost (another instance): files are re-hashed, the content is the same, no run
    assert tick(registry, cursor, dg.DagsterInstance.ephemeral())[0] == []


def test_an_old_long_cursor_is_read_without_retriggering(tmp_path):
    """A cursor written before it was shortened ({office: {files, digest}}) keeps its offices quiet."""
    import json

    from sources.landing import content_digest, snapshot

    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path))
    folder = tmp_path / "prov-kaltim"
    folder.mkdir()
    (folder / "tahap1.xlsx").write_bytes(b"PK\x03\x04")
    files = snapshot(folder)
    old = json.dumps({"prov-kaltim": {"files": files, "digest": content_digest(files)}})
    requests, cursor = tick(registry, old)
    assert requests == []
    assert json.loads(cursor)["prov-kaltim"] == content_digest(files)


def _materialize(instance: dg.DagsterInstance, key: str) -> None:
    instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=dg.AssetKey.from_user_string(key)))


def _run(instance: dg.DagsterInstance, job_name: str, status: dg.DagsterRunStatus) -> None:
    from dagster._core.test_utils import create_run_for_test

    create_run_for_test(instance, job_name=job_name, status=status)


def _publish_run(instance: dg.DagsterInstance) -> None:
    """A successful run of a job named publish (the real one needs a warehouse; its name is what counts)."""

    @dg.op
    def publish_step():
        pass

    @dg.job(name="publish")
    def publish():
        publish_step()

    assert publish.execute_in_process(instance=instance).success


def _last_publish_created(instance: dg.DagsterInstance) -> datetime:
    """When the instance recorded the latest publish run: the batch window counts from it."""
    from datetime import timezone

    created = instance.get_run_records(dg.RunsFilter(job_name="publish"), limit=1)[0].create_timestamp
    return created if created.tzinfo else created.replace(tzinfo=timezone.utc)


def test_publish_waits_for_ingests_then_publishes_once_per_batch():
    """Times are handed to publish_decision: fixed before any publish, then counted from the publish
    run's own recorded start, so how long the test takes never decides the outcome."""
    from datetime import timedelta, timezone

    from pipelines.sensors import publish_decision

    instance = dg.DagsterInstance.ephemeral()
    # Before any publish the time does not matter: no batch window is open.
    now = datetime(2026, 6, 30, 9, 0, tzinfo=timezone.utc)
    assert publish_decision(instance, now) == (None, "no office ingested yet")

    _materialize(instance, "standardized_participations")
    _run(instance, "ingest_office", dg.DagsterRunStatus.STARTED)
    _run(instance, "ingest_office", dg.DagsterRunStatus.NOT_STARTED)
    assert publish_decision(instance, now) == (None, "waiting for 2 ingest_office run(s) to finish")

    for record in instance.get_run_records(dg.RunsFilter(job_name="ingest_office")):
        instance.report_run_failed(record.dagster_run)  # finished (a failed ingest is not in flight either)
    request, reason = publish_decision(instance, now)
    assert reason == "ingests to publish"
    assert request.run_key.startswith("publish:") and request.tags == {"trigger": "publish_automation"}

    # a publish (by hand, by the CLI or by the sensor) started after the ingest: nothing to do
    _publish_run(instance)
    published = _last_publish_created(instance)
    assert publish_decision(instance, published + timedelta(minutes=1)) == (
        None, "the warehouse already includes every office ingest"
    )

    # a new ingest: within 15 minutes of the last publish it waits for the batch window, then publishes
    _materialize(instance, "standardized_participations")
    next_allowed = published + timedelta(minutes=15)
    assert publish_decision(instance, published + timedelta(minutes=1)) == (
        None, f"batching: next publish at {next_allowed.isoformat(timespec='minutes')} at the earliest"
    )
    assert publish_decision(instance, next_allowed - timedelta(seconds=1))[1].startswith("batching: ")
    request, reason = publish_decision(instance, next_allowed)
    assert reason == "ingests to publish"
    latest = instance.fetch_materializations(dg.AssetKey("standardized_participations"), limit=1).records[0]
    assert request.run_key == f"publish:{latest.storage_id}"


def test_publish_sensor_asks_publish_decision_with_its_tick_time():
    """The sensor itself: its skip reason and its request come from publish_decision, read from the
    instance (no publish has run, so the tick's time cannot change the answer)."""
    from pipelines.sensors import publish_automation_sensor

    instance = dg.DagsterInstance.ephemeral()
    result = publish_automation_sensor(dg.build_sensor_context(instance=instance))
    assert result.skip_reason.skip_message == "no office ingested yet" and not result.run_requests

    _materialize(instance, "standardized_participations")
    result = publish_automation_sensor(dg.build_sensor_context(instance=instance))
    latest = instance.fetch_materializations(dg.AssetKey("standardized_participations"), limit=1).records[0]
    assert [r.run_key for r in result.run_requests] == [f"publish:{latest.storage_id}"]


def test_publish_sensor_targets_the_publish_job():
    from pipelines.sensors import publish_automation_sensor

    assert publish_automation_sensor.job_name == "publish"
    assert "at most one publish per 15 minutes" in publish_automation_sensor.description


def test_content_an_ingest_already_read_starts_no_run(tmp_path):
    """After `make demo` or `sertifikasi run` ingested an office, the sensor's first tick stays quiet
    for that office; a later change still starts its run."""
    from assets.offices import build_office_assets
    from pipelines.resources import StagingStore

    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path / "landing"))
    folder = tmp_path / "landing" / "kota-palembang"
    folder.mkdir(parents=True)
    (folder / "operator.csv").write_text("Nama;NIK;Jenjang;Hasil\nBudi;1671011203850001;3;K\n", encoding="utf-8")
    (tmp_path / "landing" / "kab-muara-enim").mkdir()
    (tmp_path / "landing" / "kab-muara-enim" / "rekap.csv").write_text("Nama;NIK\nSiti;1603015203850002\n")

    instance = dg.DagsterInstance.ephemeral()
    partitions = dg.StaticPartitionsDefinition(sorted(load_registry().keys()))
    submissions = [a for a in build_office_assets(partitions) if dg.AssetKey("office_submissions") in a.keys]
    result = dg.materialize(
        submissions, partition_key="kota-palembang", instance=instance,
        resources={"registry": registry, "staging": StagingStore(data_dir=str(tmp_path / "data"))},
    )
    assert result.success

    # Palembang's content was ingested: no run; Muara Enim's was not: its run.
    requests, cursor = tick(registry, None, instance)
    assert [office for office, _ in requests] == ["kab-muara-enim"]

    (folder / "operator_2.csv").write_text("Nama;NIK;Jenjang;Hasil\nAgus;1671011203850002;2;K\n", encoding="utf-8")
    requests, _ = tick(registry, cursor, instance)
    assert [office for office, _ in requests] == ["kota-palembang"]


def test_the_landing_listing_reads_sub_folders_and_names_files_by_their_path(tmp_path):
    """An office that sorts its folder by year: those files are submissions, named by their path;
    dot-folders, lock files and folders deeper than three levels are not."""
    from sources.landing import list_submissions, submission_name

    folder = tmp_path / "kab-kutai-timur"
    for relative in ("peserta.xlsx", "2024/peserta.xlsx", "2024/tahap 2/rekap.csv", "a/b/c/dalam.csv",
                     "a/b/c/d/terlalu_dalam.csv", ".git/config", "2024/~$peserta.xlsx"):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(b"x")
    files, ignored = list_submissions(folder)
    assert [submission_name(folder, path) for path in files] == [
        "2024/peserta.xlsx", "2024/tahap 2/rekap.csv", "a/b/c/dalam.csv", "peserta.xlsx"]
    assert ignored == [".git", "2024/~$peserta.xlsx"]


# ------------------------------------------------------------------ files no office owns
UNCLAIMED_CASES = [
    # (files under the landing root, office folders, expected unclaimed entries)
    pytest.param(["kab-kutai-timur/a.xlsx"], ["kab-kutai-timur"], [], id="all-owned"),
    pytest.param(["kab-kutai-timur/a.xlsx", "kutai timur/2024/b.xlsx", "kutai timur/c.csv"], ["kab-kutai-timur"],
                 [("kutai timur/", 2)], id="folder-named-differently"),
    pytest.param(["peserta_2025.xlsx", "kab-berau/x.csv"], ["kab-berau"], [("peserta_2025.xlsx", 1)],
                 id="file-at-the-root"),
    pytest.param(["kaltim/kutim/a.xlsx", "kaltim/rekap.xlsx", "kaltim/samarinda/b.csv"], ["kaltim/kutim"],
                 [("kaltim/rekap.xlsx", 1), ("kaltim/samarinda/", 1)], id="beside-a-nested-office-folder"),
    pytest.param(["kosong/.DS_Store", "kosong/~$a.xlsx", "Thumbs.db", ".pull-state.json"], [],
                 [], id="only-files-that-are-no-submission"),
]


@pytest.mark.parametrize("files, offices, expected", UNCLAIMED_CASES)
def test_landing_entries_outside_every_office_folder_are_named(tmp_path, files, offices, expected):
    from sources.landing import unclaimed_entries

    for relative in files:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(b"x")
    assert unclaimed_entries(tmp_path, offices) == expected


def test_the_sensor_tick_names_a_folder_no_registry_office_owns(tmp_path):
    """Files in a folder named after the region, not the office id: no run, and the tick says why."""
    registry = OfficeRegistry(registry_path=str(DEFAULT_REGISTRY), landing_root=str(tmp_path))
    (tmp_path / "Kutai Timur").mkdir()
    (tmp_path / "Kutai Timur" / "mtu_2025.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "Kutai Timur" / "mtu_2024.xlsx").write_bytes(b"PK\x03\x04")
    context = dg.build_sensor_context(cursor=None, resources={"registry": registry},
                                      instance=dg.DagsterInstance.ephemeral())
    result = office_landing_sensor(context)
    assert result.run_requests == []
    assert result.skip_reason.skip_message == (
        "no new or changed files; 1 landing entry outside every registry office's folder, read by no ingest: "
        "Kutai Timur/ (2 files)")
