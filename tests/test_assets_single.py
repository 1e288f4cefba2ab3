"""The middle tier of Dagster tests: one asset at a time, on a test registry and a staging store in tmp_path.

Each test stages what the asset under test reads with the same plain functions the
upstream assets call (assets/offices.py, assets/published.py; the two offices' staging
and its linkage are made once per module and copied into each test's folder), then materializes
that asset alone with ``dg.materialize([...], partition_key=...)`` or invokes it on
``dg.build_asset_context``, and asserts exact counts, statuses and metadata. The
clock is injected: files arrive on ``ARRIVED`` (their mtime) and the ingest runs
as of ``AS_OF`` (``IngestConfig.as_of``), the publish on ``PUBLISH_DATE``.

The world, small and messy as offices send it:
- Muara Enim (regency 16.03, ``freshness_days: 90``): a comma CSV with a NIK Excel
  turned into ``1.60301E+15``, a name in capitals with titles (``IR. BUDI SANTOSO, S.T.``),
  one row sent twice, a Belum Kompeten row, a row with neither name nor NIK and a blank
  line; beside it an xlsx truncated in transit.
- Palembang (city 16.71, ``freshness_days: 180``, ``;`` delimiter): two clean rows.
- Ogan Ilir (regency 16.10): in the registry, never sent a file.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from assets.offices import (
    FILES,
    RAW,
    SUBMISSION_LOG,
    build_office_assets,
    freshness_result,
    stage_submissions,
    standardize_staged,
)
from assets.published import (
    CANDIDATE,
    LINKED,
    PUBLISHED_TABLES,
    build_published_assets,
    link_staged_offices,
    stage_candidate,
)
from pipelines.resources import INGESTED_KEY, OfficeRegistry, PersonKeys, StagingStore, Warehouse
from sources.landing import digest_of

ARRIVED = datetime(2026, 5, 1, tzinfo=timezone.utc)
AS_OF = "2026-06-30T00:00:00+00:00"
TODAY = date(2026, 6, 30)
PUBLISH_DATE = "2026-06-30"
SECRET = "test-secret"

REGISTRY = """\
offices:
  - {id: kab-muara-enim, name: Dinas PUPR Kabupaten Muara Enim, level: regency, region_code: "16.03", freshness_days: 90}
  - {id: kota-palembang, name: Dinas PUPR Kota Palembang, level: city, region_code: "16.71", freshness_days: 180,
     reader: {delimiter: ";"}}
  - {id: kab-ogan-ilir, name: Dinas PUPR Kabupaten Ogan Ilir, level: regency, region_code: "16.10"}
"""
HEADER = "Nama,NIK,Tanggal Lahir,Jenis Kelamin,Jabatan Kerja,Jenjang,Kualifikasi,Hasil,Nomor Sertifikat,Tanggal Terbit,Masa Berlaku,Tahun\n"
SITI = "Siti Aminah,1603015203850002,12-03-1985,P,Tukang Besi Beton,3,Operator,Kompeten,SKK-1603-2025-000002,10-04-2025,10-04-2030,2025\n"
MUARA_ENIM_CSV = (
    HEADER
    + '"IR. BUDI SANTOSO, S.T.",1.60301E+15,12-03-1985,L,Tukang Besi Beton,3,Operator,Kompeten,SKK-1603-2025-000001,10-04-2025,10-04-2030,2025\n'
    + SITI
    + SITI  # sent twice
    + "Agus Salim,1603011505900003,15-05-1990,L,Mandor Tukang Batu,4,Teknisi/Analis,Belum Kompeten,,,,2025\n"
    + ",,01-01-1980,L,Tukang Besi Beton,3,Operator,Kompeten,,,,2025\n"  # neither name nor NIK
    + ",,,,,,,,,,,\n"  # a blank line is no row
)
PALEMBANG_CSV = (HEADER + (
    "Dewi Lestari,1671014506880004,05-06-1988,P,Juru Ukur,5,Teknisi/Analis,Kompeten,SKK-1671-2025-000004,01-03-2025,01-03-2030,2025\n"
    "Hendra Wijaya,1671011007870005,10-07-1987,L,Tukang Las,2,Operator,Kompeten,SKK-1671-2025-000005,01-03-2025,01-03-2030,2025\n"
)).replace(",", ";")
OFFICES = ("kab-muara-enim", "kota-palembang", "kab-ogan-ilir")
SENT = ("kab-muara-enim", "kota-palembang")


@dataclass(frozen=True)
class World:
    """A test registry, its landing folders and an empty staging store, all under tmp_path."""

    root: Path
    registry: OfficeRegistry
    staging: StagingStore
    partitions: dg.StaticPartitionsDefinition

    def resources(self, **more) -> dict:
        """The resources every office asset asks for, plus ``more``."""
        return {"registry": self.registry, "staging": self.staging, **more}


@pytest.fixture
def world(tmp_path) -> World:
    return make_world(tmp_path)


def make_world(tmp_path: Path) -> World:
    """The registry and landing folders under ``tmp_path``, staging empty."""
    (tmp_path / "offices.yaml").write_text(REGISTRY, encoding="utf-8")
    landing = tmp_path / "landing"
    files = {
        landing / "kab-muara-enim" / "peserta_2025.csv": MUARA_ENIM_CSV.encode(),
        landing / "kab-muara-enim" / "rekap_rusak.xlsx": b"PK\x03\x04 truncated in transit",
        landing / "kota-palembang" / "peserta_2025.csv": PALEMBANG_CSV.encode(),
    }
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        os.utime(path, (ARRIVED.timestamp(), ARRIVED.timestamp()))  # received_at is the file's mtime
    return World(
        root=tmp_path,
        registry=OfficeRegistry(registry_path=str(tmp_path / "offices.yaml"), landing_root=str(landing)),
        staging=StagingStore(data_dir=str(tmp_path / "data")),
        partitions=dg.StaticPartitionsDefinition(list(OFFICES)),
    )


def office_asset(world: World, key: str) -> dg.AssetsDefinition:
    """The office assets definition that materializes ``key``."""
    (assets_def,) = [a for a in build_office_assets(world.partitions) if dg.AssetKey(key) in a.keys]
    return assets_def


def published_asset(key: str | list[str]) -> dg.AssetsDefinition:
    """The cross-office assets definition that materializes ``key``."""
    (assets_def,) = [a for a in build_published_assets() if dg.AssetKey(key) in a.keys]
    return assets_def


def as_of(op: str, moment: str = AS_OF) -> dict:
    """Run config that sets an office op's clock."""
    return {"ops": {op: {"config": {"as_of": moment}}}}


def metadata(result: dg.ExecuteInProcessResult, key: str | list[str]) -> dict:
    """The materialization metadata of ``key`` in a run, as plain values."""
    (event,) = [e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey(key)]
    return {name: value.value for name, value in event.materialization.metadata.items()}


def checks(result: dg.ExecuteInProcessResult) -> dict[str, dg.AssetCheckEvaluation]:
    """The run's check evaluations by check name."""
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def records(table: dg.TableMetadataValue) -> list[dict]:
    """A table preview's rows."""
    return [record.data for record in table.records]


def stage_offices(world: World, offices=SENT) -> None:
    """What office_submissions and standardize_office stage, by their plain functions."""
    for office_id in offices:
        office = world.registry.office(office_id)
        stage_submissions(office, world.registry, world.staging)
        standardize_staged(office, world.staging, TODAY)


@pytest.fixture(scope="module")
def staged_data(tmp_path_factory) -> dict[str, Path]:
    """The data folder after :func:`stage_offices` ("staged") and after linkage as well
    ("linked"), made once: each test that starts from them copies one into its own world
    (:func:`start_from`). Staging holds no path of the landing folder, so a copy reads as
    the test world's own. Staging the two offices and linking them cost about 0.5 and
    1.1 CPU-s; five tests start from them."""
    template = make_world(tmp_path_factory.mktemp("staged_template"))
    data = Path(template.staging.data_dir)
    saved = tmp_path_factory.mktemp("staged_data")
    stage_offices(template)
    shutil.copytree(data, saved / "staged")
    link_staged_offices(template.registry, template.staging, SECRET)
    shutil.copytree(data, saved / "linked")
    return {"staged": saved / "staged", "linked": saved / "linked"}


def start_from(world: World, data: Path) -> None:
    """``world``'s data folder as a copy of ``data`` (one of :func:`staged_data`'s)."""
    shutil.copytree(data, world.staging.data_dir, dirs_exist_ok=True)


# ------------------------------------------------------------------ office_submissions


def test_office_submissions_reads_every_file_and_rejects_the_broken_one(world):
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        [office_asset(world, "office_submissions")], partition_key="kab-muara-enim", instance=instance,
        resources=world.resources(), run_config=as_of("office_submissions"),
    )
    assert result.success
    meta = metadata(result, "office_submissions")
    assert {k: meta[k] for k in ("dagster/row_count", "rows_read", "files", "files_rejected")} == {
        "dagster/row_count": 5, "rows_read": 5, "files": 2, "files_rejected": 1,
    }
    assert [(r["source_file"], r["rule"]) for r in records(meta["rejected"])] == [("rekap_rusak.xlsx", "file_unreadable")]

    suite = checks(result)["submission_suite"]
    assert (suite.passed, suite.severity) == (False, dg.AssetCheckSeverity.ERROR)
    assert suite.description == "office kab-muara-enim: 1 file(s) to fix or withdraw"
    assert suite.metadata["files_needing_the_office"].value == 1

    # the staging store holds what downstream assets read: five raw rows (the blank line is none), two files
    raw = world.staging.read(RAW, "kab-muara-enim")
    assert len(raw) == 5 and set(raw["source_row"]) == {2, 3, 4, 5, 6}
    files = world.staging.read(FILES, "kab-muara-enim")
    assert files.set_index("source_file")["status"].to_dict() == {"peserta_2025.csv": "accepted", "rekap_rusak.xlsx": "rejected"}
    # and the instance remembers what this ingest read, so the landing sensor starts no second run
    stored = instance.run_storage.get_cursor_values({INGESTED_KEY.format(office_id="kab-muara-enim")})
    assert stored[INGESTED_KEY.format(office_id="kab-muara-enim")] == digest_of(
        zip(files["source_file"], files["source_sha256"])
    )


def test_a_clean_office_passes_the_submission_suite(world):
    result = dg.materialize(
        [office_asset(world, "office_submissions")], partition_key="kota-palembang",
        resources=world.resources(), run_config=as_of("office_submissions"), instance=dg.DagsterInstance.ephemeral(),
    )
    assert {name: (e.passed, e.description) for name, e in checks(result).items()} == {
        "submission_suite": (True, None),
        "office_freshness": (True, None),
    }
    assert metadata(result, "office_submissions")["rows_read"] == 2


@pytest.mark.parametrize("folder", ["missing", "empty", "only a dot-file"])
def test_an_office_without_a_file_fails_the_submission_suite(world, folder):
    """Nothing sent is nothing to pass: red, naming the office and its folder."""
    landing = Path(world.registry.landing_root) / "kab-ogan-ilir"
    if folder != "missing":
        landing.mkdir()
    if folder == "only a dot-file":
        (landing / ".pull-state.json").write_text("{}")
    result = dg.materialize(
        [office_asset(world, "office_submissions")], partition_key="kab-ogan-ilir",
        resources=world.resources(), run_config=as_of("office_submissions"), instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success  # the asset materializes (zero rows); its check is what turns red
    suite = checks(result)["submission_suite"]
    state = "does not exist" if folder == "missing" else "is empty"
    assert (suite.passed, suite.severity) == (False, dg.AssetCheckSeverity.ERROR)
    assert suite.description == f"office kab-ogan-ilir sent no file: its landing folder {landing} {state}"
    assert suite.metadata["files"].value == 0
    assert metadata(result, "office_submissions")["dagster/row_count"] == 0
    # no freshness_days in the registry: never stale, even with nothing sent
    assert checks(result)["office_freshness"].passed


# ------------------------------------------------------------------ office_freshness


@pytest.mark.parametrize(
    "now, passed, days",
    [
        ("2026-05-01T00:00:00+00:00", True, 0),
        ("2026-07-30T00:00:00+00:00", True, 90),  # the last day still fresh
        ("2026-07-31T00:00:00+00:00", False, 91),
        ("2026-07-30T23:59:59+00:00", True, 90),  # whole days
        ("2026-09-01T00:00:00", False, 123),  # a moment without a zone is UTC
    ],
)
def test_office_freshness_as_of_an_injected_moment(world, now, passed, days):
    """Muara Enim's files arrived on 2026-05-01 and it may be silent for 90 days."""
    result = dg.materialize(
        [office_asset(world, "office_submissions")], partition_key="kab-muara-enim",
        resources=world.resources(), run_config=as_of("office_submissions", now), instance=dg.DagsterInstance.ephemeral(),
    )
    freshness = checks(result)["office_freshness"]
    assert (freshness.passed, freshness.severity) == (passed, dg.AssetCheckSeverity.WARN)
    assert freshness.metadata["days_since_newest_file"].value == days
    assert freshness.metadata["freshness_days"].value == 90


def test_freshness_result_with_fixed_dates(world):
    """The plain function behind the check: the newest file counts; no file with a limit is stale."""
    office = world.registry.office("kota-palembang")  # freshness_days 180
    files = pd.DataFrame({"received_at": pd.to_datetime(["2025-01-01", "2026-01-01"], utc=True)})
    now = datetime(2026, 6, 30, 12, tzinfo=timezone.utc)
    fresh = freshness_result(office, files, now)
    assert (fresh.passed, fresh.metadata["days_since_newest_file"].value) == (True, 180)
    stale = freshness_result(office, files, datetime(2026, 7, 1, tzinfo=timezone.utc))
    assert (stale.passed, stale.metadata["days_since_newest_file"].value) == (False, 181)
    nothing = freshness_result(office, files.iloc[:0], now)
    assert (nothing.passed, nothing.metadata["days_since_newest_file"].value) == (False, -1)
    never_stale = freshness_result(world.registry.office("kab-ogan-ilir"), files.iloc[:0], now)
    assert never_stale.passed and never_stale.metadata["freshness_days"].value == -1


# ------------------------------------------------------------------ standardize_office


def test_standardize_office_reads_the_staged_rows_and_accounts_for_each(world):
    office = world.registry.office("kab-muara-enim")
    stage_submissions(office, world.registry, world.staging)  # what office_submissions staged
    result = dg.materialize(
        [office_asset(world, "standardized_participations")], partition_key="kab-muara-enim",
        resources=world.resources(), run_config=as_of("standardize_office"), instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    standardized = metadata(result, "standardized_participations")
    assert (standardized["dagster/row_count"], standardized["rows_in"]) == (4, 5)
    assert {r["nik_status"]: r["rows"] for r in records(standardized["nik_status"])} == {"valid": 3, "scientific_notation": 1}

    quarantine = metadata(result, "office_quarantine")
    assert quarantine["dagster/row_count"] == 1
    assert [(r["source_row"], r["rule"]) for r in records(quarantine["examples"])] == [(6, "no_identity")]

    flags = metadata(result, "office_flags")
    assert (flags["dagster/row_count"], flags["rows_flagged"]) == (3, 3)

    log = metadata(result, "office_submission_log")
    assert {k: log[k] for k in ("files", "files_rejected", "rows_read", "rows_accepted", "rows_quarantined", "rows_unaccounted")} == {
        "files": 2, "files_rejected": 1, "rows_read": 5, "rows_accepted": 4, "rows_quarantined": 1, "rows_unaccounted": 0,
    }
    assert [(r["source_file"], r["status"], r["rows_accepted"], r["rows_flagged"]) for r in records(log["log"])] == [
        ("peserta_2025.csv", "accepted", 4, 3),
        ("rekap_rusak.xlsx", "rejected", 0, 0),
    ]

    row_suite = checks(result)["row_suite"]
    assert (row_suite.passed, row_suite.severity) == (False, dg.AssetCheckSeverity.WARN)
    assert {k: v.value for k, v in row_suite.metadata.items() if k.endswith("_failing_rows")} == {
        "nik_excel_damaged_failing_rows": 1, "certificate_repeated_failing_rows": 2,
    }
    assert [(r["rule"], r["source_row"]) for r in records(row_suite.metadata["examples"])] == [
        ("nik_excel_damaged", 2), ("certificate_repeated", 3), ("certificate_repeated", 4),
    ]

    rows = world.staging.read("standardized", "kab-muara-enim").set_index("source_row")
    # the capitals and titles, the mangled NIK kept as its readable digits, never guessed
    assert rows.loc[2, ["nama", "gelar", "nik_status", "nik_partial"]].tolist() == ["Budi Santoso", "Ir., S.T.", "scientific_notation", "16030"]
    assert pd.isna(rows.loc[2, "nik"])
    # the row sent twice stays twice (two participations; linkage makes them one person)
    assert rows.loc[[3, 4], "nik"].tolist() == ["1603015203850002"] * 2


def test_standardize_office_needs_its_office_ingested_first(world):
    result = dg.materialize(
        [office_asset(world, "standardized_participations")], partition_key="kota-palembang",
        resources=world.resources(), instance=dg.DagsterInstance.ephemeral(), raise_on_error=False,
    )
    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    assert "no raw data for office kota-palembang: materialize that partition first" in str(failure.step_failure_data.error)


# ------------------------------------------------------------------ office_feedback_reports


def test_office_feedback_reports_on_build_asset_context(world, staged_data):
    """Invoked directly on a built context: one report per file with something to say."""
    start_from(world, staged_data["staged"])
    feedback = office_asset(world, "office_feedback_reports")
    context = dg.build_asset_context(partition_key="kab-muara-enim", resources=world.resources())
    result = feedback(context)
    values = {k: getattr(v, "value", v) for k, v in result.metadata.items()}
    assert (values["dagster/row_count"], values["reports_written"], values["files_without_findings"]) == (2, 2, 0)
    folder = world.root / "data" / "feedback" / "kab-muara-enim"
    assert values["folder"] == str(folder)
    names = sorted(p.name for p in folder.glob("*.xlsx"))
    assert [r["report"] for r in records(result.metadata["reports"])] == names and len(names) == 2
    assert any("rekap_rusak" in name for name in names) and any("peserta_2025" in name for name in names)

    clean = feedback(dg.build_asset_context(partition_key="kota-palembang", resources=world.resources()))
    assert (clean.metadata["reports_written"], clean.metadata["files_without_findings"]) == (0, 1)


# ------------------------------------------------------------------ linked_participations


def test_linked_participations_links_every_staged_office(world, staged_data):
    start_from(world, staged_data["staged"])
    linked = published_asset("linked_participations")
    resources = world.resources(person_keys=PersonKeys(secret=SECRET))
    result = dg.materialize([linked], resources=resources, instance=dg.DagsterInstance.ephemeral())
    assert result.success
    meta = metadata(result, "linked_participations")
    # six accepted rows; Siti's two rows one person by exact NIK; Budi's mangled NIK links to nobody
    assert {k: meta[k] for k in ("dagster/row_count", "persons", "new_persons", "persons_merged", "persons_split",
                                  "links_refused_by_guard", "offices")} == {
        "dagster/row_count": 6, "persons": 5, "new_persons": 5, "persons_merged": 0, "persons_split": 0,
        "links_refused_by_guard": 0, "offices": 2,
    }
    assert {r["method"]: r["links"] for r in records(meta["links_by_method"])} == {"exact_nik": 1}
    assert {r["link_basis"]: r["rows"] for r in records(meta["rows_by_link_basis"])} == {"nik": 5, "unlinked": 1}
    assert records(meta["files_left_to_their_owner_office"]) == []  # no file in two offices' folders
    staged = world.staging.read(LINKED, "_all")
    assert len(staged) == 6 and (staged["person_key_basis"] == staged["link_basis"]).all()

    # a second run starts from the staged assignments: every person is known and keeps its key
    again = dg.materialize([linked], resources=resources, instance=dg.DagsterInstance.ephemeral())
    assert metadata(again, "linked_participations")["new_persons"] == 0
    assert world.staging.read(LINKED, "_all")["person_key"].tolist() == staged["person_key"].tolist()


def test_linked_participations_without_staged_rows_names_the_offices(world):
    with pytest.raises(RuntimeError) as error:
        link_staged_offices(world.registry, world.staging, SECRET)
    message = str(error.value)
    assert message.startswith("no standardized rows in any of the 3 registry offices; "
                              "3 never ingested: kab-muara-enim, kota-palembang, kab-ogan-ilir; "
                              "1 without a landing folder under ")
    assert message.endswith(": kab-ogan-ilir. Put an office's files in its landing folder and materialize "
                            "standardized_participations for it first")


# ------------------------------------------------------------------ publish_candidate


def test_publish_candidate_computes_and_checks_every_table(world, staged_data):
    start_from(world, staged_data["linked"])
    result = dg.materialize(
        [published_asset("publish_candidate")], instance=dg.DagsterInstance.ephemeral(),
        resources=world.resources(person_keys=PersonKeys(secret=SECRET)),
        run_config={"ops": {"publish_candidate": {"config": {"publish_date": PUBLISH_DATE}}}},
    )
    assert result.success
    meta = metadata(result, "publish_candidate")
    assert (meta["dagster/row_count"], meta["certified_persons_total"], meta["publish_date"]) == (3, 4, PUBLISH_DATE)
    assert {r["table"]: r["rows"] for r in records(meta["rows_by_table"])} == {
        "dim_region": 552, "dim_office": 3, "dim_person": 5, "fact_participation": 6, "fact_certification": 4,
        "certified_workers_by_region_level": 3, "certified_workers_by_region_level_yearly": 3,
        "certified_workers_by_province": 3, "certified_workers_by_region_kualifikasi": 3, "target_progress": 0,
        "person_links": 1, "quarantine": 1, "submission_log": 3, "reporting_completeness": 3,
    }
    evaluations = checks(result)
    assert {name: (e.passed, e.severity) for name, e in evaluations.items()} == {
        "published_tables_valid": (True, dg.AssetCheckSeverity.ERROR),
        "row_accounting": (True, dg.AssetCheckSeverity.ERROR),
    }
    assert {k: evaluations["row_accounting"].metadata[k].value for k in ("rows_read", "rows_accepted", "rows_quarantined")} == {
        "rows_read": 7, "rows_accepted": 6, "rows_quarantined": 1,
    }
    headline = world.staging.read(CANDIDATE, "certified_workers_by_region_level")
    assert headline[["region_code", "jenjang", "certified_persons"]].values.tolist() == [
        ["16.03", 3, 2], ["16.71", 2, 1], ["16.71", 5, 1],
    ]
    completeness = world.staging.read(CANDIDATE, "reporting_completeness").set_index("office_id")["status"].to_dict()
    assert completeness == {"kab-muara-enim": "reported", "kota-palembang": "reported", "kab-ogan-ilir": "never"}


def test_publish_candidate_blocks_on_broken_row_accounting(world, staged_data):
    """A submission log that lost a row fails the blocking check (the warehouse would not be touched)."""
    start_from(world, staged_data["linked"])
    log = world.staging.read(SUBMISSION_LOG, "kota-palembang")
    log.loc[0, "rows_accepted"] -= 1
    world.staging.write(SUBMISSION_LOG, "kota-palembang", log)
    result = dg.materialize(
        [published_asset("publish_candidate")], instance=dg.DagsterInstance.ephemeral(), raise_on_error=False,
        resources=world.resources(person_keys=PersonKeys(secret=SECRET)),
        run_config={"ops": {"publish_candidate": {"config": {"publish_date": PUBLISH_DATE}}}},
    )
    assert not result.success  # blocking, ERROR: the run stops before anything downstream
    accounting = checks(result)["row_accounting"]
    assert not accounting.passed and checks(result)["published_tables_valid"].passed
    assert accounting.metadata["rows_unaccounted"].value == 1
    assert [r["column"] for r in records(accounting.metadata["failing"])][-1] == "rows_accepted (log) = linked rows"


# ------------------------------------------------------------------ publish_warehouse


def test_publish_warehouse_swaps_in_every_candidate_table(world, staged_data):
    start_from(world, staged_data["linked"])
    candidate = stage_candidate(world.registry, world.staging, SECRET, date.fromisoformat(PUBLISH_DATE))
    url = f"duckdb:///{world.root / 'warehouse.duckdb'}"
    exports = world.root / "exports"
    result = dg.materialize(
        [published_asset(["warehouse", "certified_workers_by_region_level"])], instance=dg.DagsterInstance.ephemeral(),
        resources={"staging": world.staging, "warehouse": Warehouse(url=url, exports_dir=str(exports))},
    )
    assert result.success
    written = {e.asset_key.to_user_string(): e for e in result.get_asset_materialization_events()}
    assert set(written) == {f"warehouse/{name}" for name in PUBLISHED_TABLES}
    for name in PUBLISHED_TABLES:
        meta = metadata(result, ["warehouse", name])
        assert (meta["dagster/row_count"], meta["publish_date"]) == (len(candidate.frames[name]), PUBLISH_DATE), name
    headline = metadata(result, ["warehouse", "certified_workers_by_region_level"])
    assert (headline["certified_persons_total"], headline["active_persons_total"]) == (4, 4)
    assert [(r["region_code"], r["jenjang"], r["certified_persons"]) for r in records(headline["preview"])] == [
        ("16.03", 3, 2), ("16.71", 2, 1), ("16.71", 5, 1),
    ]
    completeness = metadata(result, ["warehouse", "reporting_completeness"])
    assert {r["status"]: r["offices"] for r in records(completeness["status"])} == {"reported": 2, "never": 1}

    from warehouse.publish import make_engine, read_table

    engine = make_engine(url)
    try:
        table = read_table(engine, "certified_workers_by_region_level")
    finally:
        engine.dispose()
    assert sorted(table["certified_persons"].tolist()) == [1, 1, 2]
