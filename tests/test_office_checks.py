"""Office checks are partitioned by office: each office's latest result shows on its own partition.

Two offices are ingested into one Dagster instance: Muara Enim sends a clean CSV,
a truncated xlsx and a row with an expert level a regency may not certify;
Palembang sends a clean CSV afterwards. Palembang's green run must not turn
Muara Enim's partition green, which is what a single unpartitioned check did.
"""

from __future__ import annotations

import dagster as dg
import pytest

from pipelines.definitions import build_definitions
from pipelines.settings import Settings

HEADER = "Nama;NIK;Tanggal Lahir;Jenis Kelamin;Jabatan Kerja;Jenjang;Kualifikasi;Hasil;Nomor Sertifikat;Tanggal Terbit;Masa Berlaku;Tahun\n"


def participant_csv(region: str, count: int, *, expert_rows: int = 0, delimiter: str = ";") -> str:
    """``count`` clean Operator 3 rows of one regency (men born 12-03-1985), the last ``expert_rows`` at Ahli 8."""
    lines = [HEADER]
    for i in range(1, count + 1):
        level, kualifikasi = ("8", "Ahli") if i > count - expert_rows else ("3", "Operator")
        lines.append(
            f"Budi Santoso {i};{region}01120385{i:04d};12-03-1985;L;Tukang Besi Beton;{level};{kualifikasi};"
            f"Kompeten;SKK-{region}-2025-{i:06d};10-04-2025;10-04-2030;2025\n"
        )
    return "".join(lines).replace(";", delimiter)


@pytest.fixture(scope="module")
def two_offices(tmp_path_factory):
    """Muara Enim (a rejected file, one row outside its authority) ingested first, then a clean Palembang."""
    root = tmp_path_factory.mktemp("two_offices")
    settings = Settings.from_env({"SERTIFIKASI_DATA_DIR": str(root / "data")})
    muara_enim = settings.landing_root / "kab-muara-enim"
    palembang = settings.landing_root / "kota-palembang"
    muara_enim.mkdir(parents=True)
    palembang.mkdir(parents=True)
    (muara_enim / "peserta_2025.csv").write_text(participant_csv("1603", 4, expert_rows=1, delimiter=","))
    (muara_enim / "rekap_rusak.xlsx").write_bytes(b"PK\x03\x04 truncated in transit")
    (palembang / "peserta_2025.csv").write_text(participant_csv("1671", 3))
    defs = build_definitions(settings, person_key_secret="test")
    instance = dg.DagsterInstance.ephemeral()
    ingest = defs.resolve_job_def("ingest_office")
    results = {
        office: ingest.execute_in_process(partition_key=office, instance=instance)
        for office in ("kab-muara-enim", "kota-palembang")
    }
    return defs, instance, results, settings


def test_check_specs_carry_the_office_partitions(two_offices):
    defs, *_ = two_offices
    graph = defs.resolve_asset_graph()
    office_keys = defs.resolve_job_def("ingest_office").partitions_def.get_partition_keys()
    partitioned = {
        spec.name: spec
        for assets_def in graph.assets_defs
        for spec in assets_def.check_specs
        if spec.name in ("submission_suite", "office_freshness", "row_suite")
    }
    assert set(partitioned) == {"submission_suite", "office_freshness", "row_suite"}
    for spec in partitioned.values():
        assert spec.partitions_def.get_partition_keys() == office_keys


def test_each_office_keeps_its_own_check_status(two_offices):
    """After Palembang's green run, Muara Enim's partition is still red, read back from the instance."""
    defs, instance, _, _ = two_offices
    keys = [key for key in defs.resolve_asset_graph().asset_check_keys if key.asset_key.to_user_string() != "publish_candidate"]
    status = {
        (info.check_key.name, info.partition_key): info.latest_execution_status.value
        for info in instance.event_log_storage.get_asset_check_partition_info(keys)
    }
    assert status == {
        ("submission_suite", "kab-muara-enim"): "FAILED",
        ("submission_suite", "kota-palembang"): "SUCCEEDED",
        ("office_freshness", "kab-muara-enim"): "SUCCEEDED",
        ("office_freshness", "kota-palembang"): "SUCCEEDED",
        ("row_suite", "kab-muara-enim"): "FAILED",
        ("row_suite", "kota-palembang"): "SUCCEEDED",
    }


def test_check_evaluations_of_each_run(two_offices):
    _, _, results, _ = two_offices
    evaluations = {
        office: {e.check_name: (e.passed, e.severity.value) for e in result.get_asset_check_evaluations()}
        for office, result in results.items()
    }
    assert evaluations == {
        "kab-muara-enim": {
            "submission_suite": (False, "ERROR"),
            "office_freshness": (True, "WARN"),
            "row_suite": (False, "WARN"),
        },
        "kota-palembang": {
            "submission_suite": (True, "ERROR"),
            "office_freshness": (True, "WARN"),
            "row_suite": (True, "WARN"),
        },
    }


def _metadata(instance, key: str, partition: str | None = None) -> dict:
    record = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=dg.AssetKey.from_user_string(key), asset_partitions=[partition] if partition else None),
        limit=1,
    ).records[0]
    return record.asset_materialization.metadata


def test_office_metadata_reads_as_tables(two_offices):
    _, instance, results, _ = two_offices
    (failed,) = [e for e in results["kab-muara-enim"].get_asset_check_evaluations() if e.check_name == "submission_suite"]
    rejected = failed.metadata["rejected"]
    assert isinstance(rejected, dg.TableMetadataValue)
    assert [c.name for c in rejected.schema.columns] == ["source_file", "rule", "reason"]
    assert [(r.data["source_file"], r.data["rule"]) for r in rejected.records] == [("rekap_rusak.xlsx", "file_unreadable")]
    assert failed.metadata["files_rejected"] == dg.MetadataValue.int(1)

    (rows,) = [e for e in results["kab-muara-enim"].get_asset_check_evaluations() if e.check_name == "row_suite"]
    assert rows.metadata["level_outside_authority_failing_rows"] == dg.MetadataValue.int(1)
    assert [r.data for r in rows.metadata["summary"].records] == [
        {"rule": "level_outside_authority", "failing_rows": 1,
         "meaning": "level outside the office's authority (regency/city 1-6, province 7-9)"}
    ]
    assert [r.data for r in rows.metadata["examples"].records] == [
        {"rule": "level_outside_authority", "source_file": "peserta_2025.csv", "source_sheet": "",
         "source_row": 5, "column": "jenjang", "value": "8"}
    ]

    log = _metadata(instance, "office_submission_log", "kab-muara-enim")
    assert log["rows_read"] == dg.MetadataValue.int(4)
    assert [(r.data["source_file"], r.data["status"], r.data["rows_accepted"]) for r in log["log"].records] == [
        ("peserta_2025.csv", "accepted", 4),
        ("rekap_rusak.xlsx", "rejected", 0),
    ]


@pytest.fixture(scope="module")
def published(two_offices):
    defs, instance, _, _ = two_offices
    result = defs.resolve_job_def("publish").execute_in_process(
        instance=instance, run_config={"ops": {"publish_candidate": {"config": {"publish_date": "2026-06-30"}}}}
    )
    assert result.success
    return instance


def test_warehouse_assets_carry_their_column_schema(two_offices):
    """Every warehouse asset's Columns tab lists warehouse/schema.py's columns with their comments."""
    from warehouse import schema

    defs, *_ = two_offices
    graph = defs.resolve_asset_graph()
    warehouse_keys = [key for key in graph.get_all_asset_keys() if key.path[0] == "warehouse"]
    assert len(warehouse_keys) == 14
    for key in warehouse_keys:
        table = schema.metadata.tables[key.path[1]]
        columns = graph.get(key).metadata["dagster/column_schema"].columns
        assert [(c.name, c.description) for c in columns] == [(c.name, c.comment) for c in table.columns]
    headline = graph.get(dg.AssetKey(["warehouse", "certified_workers_by_region_level"])).metadata["dagster/column_schema"]
    assert {c.name: (c.type, c.constraints.nullable) for c in headline.columns}["certified_persons"] == ("integer", False)


def test_published_metadata_reads_as_tables(published, two_offices):
    _, _, _, settings = two_offices
    metadata = _metadata(published, "warehouse/certified_workers_by_region_level")
    # Muara Enim's Ahli 8 row is flagged (outside a regency's authority) but still counted
    assert metadata["dagster/row_count"] == dg.MetadataValue.int(3)
    assert metadata["certified_persons_total"] == dg.MetadataValue.int(7)
    preview = metadata["preview"]
    assert isinstance(preview, dg.TableMetadataValue)
    assert [(r.data["region_code"], r.data["jenjang"], r.data["certified_persons"]) for r in preview.records] == [
        ("16.03", 3, 3),
        ("16.03", 8, 1),
        ("16.71", 3, 3),
    ]
    exports = settings.data_dir / "exports"
    assert metadata["exports_folder"] == dg.MetadataValue.path(str(exports))
    assert {k: v.path for k, v in metadata.items() if k.startswith(("export_", "laporan_"))} == {
        "export_xlsx": str(exports / "certified_workers_by_region_level.xlsx"),
        "laporan_nasional_html": str(exports / "laporan" / "laporan_nasional.html"),
        "laporan_nasional_xlsx": str(exports / "laporan" / "laporan_nasional.xlsx"),
        "laporan_provinsi_16_sumatera_selatan_html": str(exports / "laporan" / "laporan_provinsi_16_sumatera_selatan.html"),
        "laporan_provinsi_16_sumatera_selatan_xlsx": str(exports / "laporan" / "laporan_provinsi_16_sumatera_selatan.xlsx"),
    }
    assert not [k for k, v in metadata.items() if isinstance(v, (dg.MarkdownMetadataValue, dg.JsonMetadataValue))]
