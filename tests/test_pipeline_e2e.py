"""Every asset, materialized in-process on small demo worlds, against the generator's ground truth."""

from __future__ import annotations

from datetime import date

import dagster as dg
import pandas as pd
import pytest

from demo.compare import headline_gap
from demo.generate import generate_world
from demo.truth import expected_headline
from pipelines.run import run_everything
from pipelines.settings import Settings
from sources.registry import load_registry
from warehouse.headline import certified_workers_by_region_level

PUBLISH = date(2026, 6, 30)
PROVENANCE = ["office_id", "source_file", "source_sheet", "source_row"]


def _run(tmp_path, warehouse_url: str | None, *, rows: int, nik_damage: bool):
    env = {"SERTIFIKASI_DATA_DIR": str(tmp_path / "data")}
    if warehouse_url:
        env["WAREHOUSE_URL"] = warehouse_url
    settings = Settings.from_env(env)
    generate_world(settings.landing_root, rows=rows, seed=11, nik_damage=nik_damage)
    report = run_everything(settings, "test-secret", publish_date=PUBLISH, instance=dg.DagsterInstance.ephemeral())
    truth = pd.read_parquet(settings.landing_root / "_truth" / "rows.parquet")
    return settings, report, truth


def test_published_table_equals_truth_when_niks_are_intact(tmp_path, warehouse_url):
    """With every NIK intact (but all other messiness on) the published table is exactly the truth."""
    settings, report, truth = _run(tmp_path, warehouse_url, rows=800, nik_damage=False)
    expected = expected_headline(truth, load_registry(), PUBLISH)
    published = report.headline.sort_values(["region_code", "jenjang"]).reset_index(drop=True)
    assert len(expected) > 10
    assert published.to_dict("records") == expected.to_dict("records")


def test_noisy_world_row_accounting_and_measured_gap(tmp_path):
    """With NIK damage: every row accounted for, intact persons exact, the remaining gap printed."""
    settings, report, truth = _run(tmp_path, None, rows=1500, nik_damage=True)
    offices = load_registry()

    # Every file is accepted or rejected as the generator intended.
    files = pd.read_csv(settings.landing_root / "_truth" / "files.csv")
    log = report.submission_log.set_index(["office_id", "source_file"])["status"]
    for row in files.itertuples():
        assert log[(row.office_id, row.source_file)] == ("accepted" if row.expected_status == "ok" else "rejected"), row

    # Every participant row ends published or in quarantine under the intended rule.
    linked = pd.read_parquet(settings.data_dir / "staging" / "linked" / "_all.parquet")
    outcome = pd.concat(
        [
            linked[PROVENANCE].assign(outcome="published"),
            report.quarantine[PROVENANCE + ["rule"]].assign(outcome=lambda q: "quarantine:" + q["rule"]).drop(columns="rule"),
        ]
    )
    merged = truth.merge(outcome, on=PROVENANCE, how="left")
    assert merged["outcome"].notna().all(), merged[merged["outcome"].isna()][PROVENANCE].head()
    assert (merged["outcome"] == merged["expected"]).all(), merged[merged["outcome"] != merged["expected"]].head()
    assert len(outcome) == len(truth), "rows the generator did not write reached the pipeline"

    # Persons whose NIK survived intact in every row: exact counts.
    intact_persons = truth.groupby("person_id")["nik_intact"].all()
    intact_persons = set(intact_persons[intact_persons].index)
    truth_intact = truth[truth["person_id"].isin(intact_persons)]
    linked_intact = linked.merge(truth_intact[PROVENANCE], on=PROVENANCE, how="inner")
    assert set(linked_intact["person_key_basis"]) == {"nik"}
    ours = certified_workers_by_region_level(linked_intact, offices, PUBLISH)
    theirs = expected_headline(truth_intact, offices, PUBLISH)
    assert ours.to_dict("records") == theirs.to_dict("records")

    # The rest is the gap linkage must close: measured and shown, not hidden.
    gap = headline_gap(report.headline, expected_headline(truth, offices, PUBLISH))
    damaged = truth[~truth["nik_intact"]]
    print(
        f"\nNIK-damaged rows: {len(damaged)} of {len(truth)} ({len(damaged) / len(truth):.1%}); "
        f"persons affected: {damaged['person_id'].nunique()}; "
        f"certified persons over cells: published {gap['certified_persons'].sum()}, "
        f"truth {gap['certified_persons_truth'].sum()}, gap {gap['certified_gap'].sum():+d}; "
        f"cells off: {(gap['certified_gap'] != 0).sum()} of {len(gap)}"
    )
    assert len(damaged) > 0
