"""The second blind judge's world (tests/blind_generator_2.py): the pipeline against the truth
the generator computes from its own world model (persons, assessments, the office credited).

The generator was written from DOMAIN.md, the seeds and the counting contract alone, before
reading any pipeline code: nine offices of Sumatera Selatan, Jambi and Kalimantan Timur whose
files carry what offices and portals do to them (title rows, two-row merged headers, a sheet per
angkatan / kecamatan / tahap / skema, cp1252 ';' CSV, paged and nested JSON, legacy .xls, copies,
corrections, misfiled files, attendance and registration lists, cover letters).

One seed runs by default (the module stays under ~40 s); ``BLIND2_SEEDS=5,11,23`` runs more.
"""

from __future__ import annotations

import os

import dagster as dg
import duckdb
import pytest

from pipelines.run import run_everything
from pipelines.settings import Settings
from tests.blind_generator_2 import build_world
from tests.hand_worlds import headline_cells

SEEDS = [int(s) for s in os.environ.get("BLIND2_SEEDS", "5").split(",")]

# Measured mismatches of the other seeds, strict: (seed, test) -> reason.
KNOWN = {
    (23, "test_one_key_per_person"): (
        "1 person split: 'Darmawan Nugroho' on Muaro Jambi's attendance list has no NIK ('-') and no birth "
        "date, only the name: nothing ties it to the results row of the same batch"),
}


def _known(request, seed: int) -> None:
    reason = KNOWN.get((seed, request.node.originalname))
    if reason:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))

# What the submission log should say of each kind of file the generator wrote.
FILE_FATES = {
    "counts": ("accepted", None),
    "re_report": ("accepted", None),
    "attendance": ("accepted", None),
    "registration": ("accepted", None),
    "training": ("accepted", None),
    "numbers_only": ("accepted", None),
    "superseded": ("rejected", "superseded_by_revision"),
    "copy": ("rejected", "duplicate_submission"),
    "nowhere": ("rejected", "file_from_other_office"),
    "cover_letter": ("rejected", "file_unreadable"),
}


def _registry(world) -> str:
    lines = ["offices:"]
    for o in world.offices:
        lines += [f"  - id: {o['id']}", f"    name: {o['name']}", f"    level: {o['level']}",
                  f'    region_code: "{o["region_code"]}"']
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module", params=SEEDS, ids=lambda s: f"seed{s}")
def run(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"blind2_{request.param}")
    world = build_world(root, seed=request.param)
    (root / "offices.yaml").write_text(_registry(world), encoding="utf-8")
    settings = Settings(registry_path=root / "offices.yaml", landing_root=root / "landing", data_dir=root / "data",
                        warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")
    report = run_everything(settings, "test-secret", publish_date=world.publish_date, as_of=world.publish_date,
                            instance=dg.DagsterInstance.ephemeral())
    con = duckdb.connect(str(root / "data" / "warehouse.duckdb"), read_only=True)
    try:
        facts = con.execute("select office_id, source_file, source_sheet, source_row, person_key, hasil, jenjang "
                            "from fact_participation").df()
        log = con.execute("select office_id, source_file, status, rule from submission_log").df()
    finally:
        con.close()
    return world, report, facts, log, request.param


def _rows_by_address(facts):
    """fact_participation by (file, sheet, row); a nested JSON certificate's sheet names its list."""
    index = {}
    for r in facts.itertuples():
        sheet = r.source_sheet or ""
        index.setdefault((r.source_file, sheet, int(r.source_row)), []).append(r)
        if sheet.startswith("certificates["):
            index.setdefault((r.source_file, "", int(r.source_row)), []).append(r)
    return index


def test_every_office_ingests(run):
    _, report, _, _, _ = run
    assert report.offices_failed == {}
    assert report.landing_unclaimed == []


def test_headline_cells_equal_the_truth(run, request):
    """(certified, active) per (region, jenjang); every certificate's validity is stated or implied."""
    world, report, _, _, seed = run
    _known(request, seed)
    got = headline_cells(report)
    assert {k: v[:2] for k, v in got.items()} == world.cells()
    assert {k: v[2] for k, v in got.items() if v[2]} == {}


def test_each_file_meets_its_fate(run):
    world, _, _, log, _ = run
    fates = {(r.office_id, r.source_file): (r.status, None if r.rule != r.rule else r.rule) for r in log.itertuples()}
    wrong = {}
    for path, kind in world.files.items():
        office, file = path.split("/", 1)
        if kind.startswith("counted_at:"):
            expected = ("accepted", "counted_at_other_office")
        elif kind in ("copy_of_province", "copy_of_owner"):
            expected = ("rejected", "copy_of_other_office")
        elif kind == "counts_or_superseded":  # a cumulative master restates it (docs/operations.md)
            expected = fates.get((office, file)) if fates.get((office, file)) == (
                "rejected", "superseded_by_revision") else ("accepted", None)
        else:
            expected = FILE_FATES[kind]
        got = fates.get((office, file))
        if got is None or got[0] != expected[0] or (expected[1] and got[1] != expected[1]):
            wrong[path] = (got, expected)
    assert wrong == {}


def test_every_row_of_a_counted_file_is_accepted(run):
    """Row accounting: each participant row of a file that counts is in fact_participation."""
    world, _, facts, _, _ = run
    index = _rows_by_address(facts)
    counted = ("counts", "attendance", "registration", "training", "re_report")
    missing = [(t["office"], t["file"], t["sheet"], t["row"]) for t in world.rows
               if (t["status"] in counted or t["status"].startswith("counted_at:"))
               and (t["file"], t["sheet"], t["row"]) not in index]
    assert missing == []


def test_no_key_holds_two_persons(run, request):
    world, _, facts, _, seed = run
    _known(request, seed)
    index = _rows_by_address(facts)
    persons_of: dict[str, set] = {}
    for t in world.rows:
        for r in index.get((t["file"], t["sheet"], t["row"]), []):
            persons_of.setdefault(r.person_key, set()).add(t["pid"])
    merged = {k: sorted(world.persons[p].name for p in v) for k, v in persons_of.items() if len(v) > 1}
    assert merged == {}


def test_one_key_per_person(run, request):
    world, _, facts, _, seed = run
    _known(request, seed)
    index = _rows_by_address(facts)
    keys_of: dict[int, set] = {}
    for t in world.rows:
        for r in index.get((t["file"], t["sheet"], t["row"]), []):
            keys_of.setdefault(t["pid"], set()).add(r.person_key)
    split = {world.persons[p].name: len(v) for p, v in keys_of.items() if len(v) > 1}
    assert split == {}
