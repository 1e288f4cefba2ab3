"""Every asset, materialized in-process on small demo worlds, against the generator's ground truth."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from demo.compare import headline_gap
from demo.generate import generate_world
from demo.truth import expected_headline
from linkage.evaluation import pairwise_score
from pipelines.run import run_everything
from pipelines.settings import Settings
from sources.registry import load_registry
from warehouse.headline import certified_workers_by_region_level
from warehouse.publish import make_engine

# pytest puts tests/ on the path: the documented queries are read from the markdown in one place.
from test_warehouse_demo import documented_queries

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

    # Every analyst query of docs/warehouse.md runs on the published demo warehouse
    # and finds something (test_warehouse_demo checks their answers by hand).
    engine = make_engine(settings.warehouse_url)
    try:
        with engine.connect() as connection:
            answers = [connection.exec_driver_sql(sql).fetchall() for sql in documented_queries()]
    finally:
        engine.dispose()
    assert len(answers) >= 7
    assert all(len(rows) > 0 for rows in answers), [len(rows) for rows in answers]

    # The engineers' person_links table holds every staged link; its documented query counts them.
    doc = (Path(__file__).resolve().parents[1] / "docs" / "warehouse.md").read_text(encoding="utf-8")
    section = doc[doc.index("### `person_links`"):]
    links_sql = re.search(r"```sql\n(.*?)```", section, re.S).group(1)
    staged = pd.read_parquet(settings.data_dir / "staging" / "linked" / "links.parquet")
    expected_counts = staged.groupby(["method", "kind"]).agg(links=("person_key", "size"), persons=("person_key", "nunique"))
    engine = make_engine(settings.warehouse_url)
    try:
        with engine.connect() as connection:
            counted = connection.exec_driver_sql(links_sql).fetchall()
    finally:
        engine.dispose()
    assert {(m, k): (n, p) for m, k, n, p in counted} == {
        key: (int(row.links), int(row.persons)) for key, row in expected_counts.iterrows()
    }
    assert sum(n for _, _, n, _ in counted) == len(staged) > 0


def test_noisy_world_row_accounting_and_linkage_within_targets(tmp_path):
    """With NIK damage: every row accounted for, intact persons exact, linkage within the targets of issue 4."""
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

    # Linkage closes the gap the damaged NIKs open: pairwise quality against the
    # generator's person ids, and the headline within the targets.
    damaged = truth[~truth["nik_intact"]]
    assert len(damaged) > 40
    labels = linked.merge(truth[PROVENANCE + ["person_id"]], on=PROVENANCE, how="left", validate="one_to_one")
    score = pairwise_score(labels["person_key"], labels["person_id"])
    gap = headline_gap(report.headline, expected_headline(truth, offices, PUBLISH))
    print(
        f"\nNIK-damaged rows: {len(damaged)} of {len(truth)} ({len(damaged) / len(truth):.1%}); "
        f"pairwise precision {score.precision:.4f}, recall {score.recall:.4f}; "
        f"certified persons over cells: published {gap['certified_persons'].sum()}, "
        f"truth {gap['certified_persons_truth'].sum()}; cells off: {(gap['certified_gap'] != 0).sum()} of {len(gap)}"
    )
    assert score.precision >= 0.998 and score.recall >= 0.99
    # 0.5% of a cell of a few dozen persons is less than one person: one person off at most per cell.
    assert (gap["certified_gap"].abs() <= (0.005 * gap["certified_persons_truth"]).clip(lower=1)).all(), gap
    assert abs(gap["certified_gap"].sum()) <= 0.005 * gap["certified_persons_truth"].sum()


def test_accounting_identity_rejected_files_and_feedback(tmp_path):
    """Rows read = accepted + quarantined exactly; rejected files do not hold back their office;
    each feedback report lists exactly the rows rejected or flagged in its file."""
    settings, report, truth = _run(tmp_path, None, rows=600, nik_damage=True)
    log = report.submission_log
    assert int(log["rows_read"].sum()) == int(log["rows_accepted"].sum()) + int(log["rows_quarantined"].sum()) == len(truth)
    assert (log["rows_read"] == log["rows_accepted"] + log["rows_quarantined"]).all()

    enim = log[log["office_id"] == "kab-muara-enim"]
    assert set(enim.loc[enim["status"] == "rejected", "rule"]) == {"file_unreadable"}
    assert (enim["status"] == "accepted").sum() >= 1
    assert "16.03" in set(report.headline["region_code"])

    flags = pd.read_parquet(settings.data_dir / "staging" / "flags" / "kab-kutai-timur.parquet")
    quarantine = report.quarantine[report.quarantine["office_id"] == "kab-kutai-timur"]
    folder = settings.data_dir / "feedback" / "kab-kutai-timur"
    reports = sorted(folder.glob("*.xlsx"))
    assert len(reports) == (log["office_id"] == "kab-kutai-timur").sum()
    listed = set()
    for path in reports:
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, engine="openpyxl")
        assert set(sheets) == {"Ringkasan", "Baris bermasalah"}
        source_file = sheets["Ringkasan"].iloc[0, 1]
        rows = sheets["Baris bermasalah"]
        listed |= {(source_file, str(s), int(r), rule) for s, r, rule in zip(rows["Sheet"].fillna(""), rows["Baris"], rows["Aturan"])}
    expected = {(f, str(s), int(r), rule) for f, s, r, rule in zip(flags["source_file"], flags["source_sheet"], flags["source_row"], flags["rule"])}
    expected |= {(f, str(s), int(r), rule) for f, s, r, rule in zip(quarantine["source_file"], quarantine["source_sheet"], quarantine["source_row"], quarantine["rule"])}
    assert listed == expected
    assert len(expected) > 0


def test_broken_row_accounting_blocks_the_publish(tmp_path):
    """A blocking ERROR check stops the warehouse write; the previous publish stays."""
    from pipelines.definitions import build_definitions
    from warehouse.publish import make_engine, read_table

    settings, report, _ = _run(tmp_path, None, rows=400, nik_damage=False)
    log_path = settings.data_dir / "staging" / "submission_log" / "kota-palembang.parquet"
    log = pd.read_parquet(log_path)
    log.loc[0, "rows_accepted"] -= 1  # one row vanishes
    log.to_parquet(log_path, index=False)

    defs = build_definitions(settings, person_key_secret="test-secret")
    instance = dg.DagsterInstance.ephemeral()
    result = defs.resolve_job_def("publish").execute_in_process(
        instance=instance, raise_on_error=False,
        run_config={"ops": {"publish_candidate": {"config": {"publish_date": "2027-01-01"}}}},
    )
    evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert evaluations == {"row_accounting": False, "published_tables_valid": True}
    written = {event.asset_key.to_user_string() for event in result.get_asset_materialization_events()}
    assert "publish_candidate" in written
    assert "warehouse/certified_workers_by_region_level" not in written
    engine = make_engine(settings.warehouse_url)
    try:
        after = read_table(engine, "certified_workers_by_region_level").sort_values(["region_code", "jenjang"])
    finally:
        engine.dispose()
    before = report.headline.sort_values(["region_code", "jenjang"])
    assert after.to_dict("records") == before.to_dict("records")


def test_person_keys_survive_a_withdrawn_and_restored_file(tmp_path):
    """Linkage starts from the last run's assignments: rows known before keep their person keys
    when a file disappears and comes back, and the run reports the persons it adds."""
    from pipelines.definitions import build_definitions

    settings, _, _ = _run(tmp_path, None, rows=500, nik_damage=True)
    defs = build_definitions(settings, person_key_secret="test-secret")
    instance = dg.DagsterInstance.ephemeral()
    publish = {"ops": {"publish_candidate": {"config": {"publish_date": PUBLISH.isoformat()}}}}
    assignments = settings.data_dir / "staging" / "linked" / "assignments.parquet"
    office = "kab-kutai-timur"
    withdrawn = sorted((settings.landing_root / office).glob("*.xlsx"))[0]
    kept_aside = tmp_path / withdrawn.name

    def rerun():
        defs.resolve_job_def("ingest_office").execute_in_process(partition_key=office, instance=instance)
        result = defs.resolve_job_def("publish").execute_in_process(instance=instance, run_config=publish)
        [linked] = [e for e in result.get_asset_materialization_events()
                    if e.asset_key.to_user_string() == "linked_participations"]
        return pd.read_parquet(assignments), linked.materialization.metadata

    withdrawn.rename(kept_aside)
    without, _ = rerun()
    # A key minted by an earlier release (another formula) must survive too: keys come
    # from the last assignments, not from recomputation.
    legacy_person = without["person_key"].iloc[0]
    without["person_key"] = without["person_key"].replace(legacy_person, "p_minted_by_an_earlier_release")
    without.to_parquet(assignments, index=False)
    kept_aside.rename(withdrawn)
    restored, metadata = rerun()

    key = PROVENANCE + ["person_key"]
    both = without[key].merge(restored[key], on=PROVENANCE, suffixes=("_before", "_after"), validate="one_to_one")
    assert len(both) == len(without) > 0
    assert (both["person_key_before"] == both["person_key_after"]).all()
    assert (restored["person_key"] == "p_minted_by_an_earlier_release").sum() >= 1
    back = restored[restored["source_file"] == withdrawn.name]
    assert len(back) > 0
    assert metadata["new_persons"].value == len(set(back["person_key"]) - set(without["person_key"])) > 0
    assert metadata["persons_merged"].value == 0
