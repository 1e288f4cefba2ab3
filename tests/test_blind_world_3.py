"""The third blind judge's world (tests/blind_generator_3.py): the pipeline against the truth
the generator counts from its own model of persons and assessments.

The generator was written from DOMAIN.md, the seeds, the README and the registry / landing docs
alone, before reading any pipeline code: twelve offices of Jawa Tengah, DI Yogyakarta, Bali and
Sulawesi Selatan; Javanese names in old and new spelling, Balinese birth-order names, Bugis and
Makassar Andi / Daeng, haji and academic titles, bin / binti; combined TTL cells with Indonesian
months, Excel date serials; NIKs typed as numbers, cut to 15 digits, with spaces or apostrophes;
jenjang as "Jenjang 3", "KKNI III", "Level 3", "Ahli Muda"; totals rows, repeated headers, sheets
per tahap, a province recap of its regencies, a byte copy, a file kept by two offices, a _revisi,
a portal's paged JSON export, an attendance list.
"""

from __future__ import annotations

import os

import pytest

from pipelines.settings import Settings
from tests.blind_generator_3 import write_world
from tests.hand_worlds import column, headline_cells, run_hand_world
from tests.test_blind_world_2 import _rows_by_address

PUBLISH_DATE = "2026-06-30"
# One seed by default (the module stays under a minute); ``BLIND3_SEEDS=3,7,11`` runs more.
SEEDS = [int(s) for s in os.environ.get("BLIND3_SEEDS", "3").split(",")]
# Measured mismatches of the other seeds, strict: (seed, test) -> reason.
KNOWN: dict[tuple[int, str], str] = {}


def _known(request) -> None:
    reason = KNOWN.get((request.node.callspec.params["run"], request.node.originalname))
    if reason:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))


@pytest.fixture(scope="module", params=SEEDS, ids=lambda s: f"seed{s}")
def run(request, tmp_path_factory):
    import datetime as dt

    root = tmp_path_factory.mktemp(f"blind3_{request.param}")
    truth = write_world(root, seed=request.param)
    settings = Settings(registry_path=root / "offices.yaml", landing_root=root / "landing", data_dir=root / "data",
                        warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")
    day = dt.date.fromisoformat(PUBLISH_DATE)
    report = run_hand_world(settings, day, blind_facts="select office_id, source_file, source_sheet, source_row, person_key, hasil, jenjang from fact_participation", blind_log="select office_id, source_file, status, rule from submission_log",
                            blind_persons="select count(*) as n from dim_person")
    facts, log, persons = report.blind_facts, report.blind_log, int(report.blind_persons["n"].iloc[0])
    return truth, report, facts, log, persons


def _truth_rows(truth):
    """[(office, file, sheet, row, pid)] of the files that count."""
    out = []
    for key, pid in truth["rows"].items():
        path, address = key.split("#", 1)
        if path in truth["rejected_files"]:
            continue
        office, file = path.split("/", 1)
        sheet, row = address.rsplit(":", 1)
        out.append((office, file, sheet, int(row), pid))
    return out


def _cells(truth):
    return {(k.split("|")[0], int(k.split("|")[1])): v for k, v in truth["cells"].items()}


def test_every_office_ingests(run):
    _, report, _, _, _ = run
    assert report.offices_failed == {}
    assert report.landing_unclaimed == []


def test_headline_cells_equal_the_truth(run):
    truth, report, _, _, _ = run
    got = column(headline_cells(report), 0)
    expected = _cells(truth)
    wrong = {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
    wrong.update({k: (v, None) for k, v in got.items() if k not in expected})
    assert wrong == {}


def test_persons_equal_the_truth(run, request):
    _known(request)
    truth, _, _, _, persons = run
    assert persons == truth["persons"]


def test_copies_are_rejected_and_the_rest_accepted(run):
    truth, _, _, log, _ = run
    status = {f"{r.office_id}/{r.source_file}": r.status for r in log.itertuples()}
    wrong = {f: status.get(f) for f in truth["files"]
             if status.get(f) != ("rejected" if f in truth["rejected_files"] else "accepted")}
    assert wrong == {}


def test_every_row_of_a_counted_file_is_accepted(run):
    truth, _, facts, _, _ = run
    index = _rows_by_address(facts)
    missing = [t[:4] for t in _truth_rows(truth) if (t[1], t[2], t[3]) not in index]
    assert missing == []


# Bali's Tahap III recap names no NIK and shortens every name to titles and initials; three Kabupaten
# Badung workers (no registry office: counted at the province) share a Gianyar worker's title run,
# initial, jenjang, jabatan and year, and two Gianyar workers are both "I KETUT A." there. The
# counts come out right (a recap lists a certificate once: one of two fitting rows repeats it), but
# which row is whose only the recap's KAB/KOTA column tells, and the pipeline does not read it.
AMBIGUOUS_RECAP = "prov-bali/REKAP PESERTA KAB KOTA SE-BALI TAHAP III 2025.xlsx"
AMBIGUOUS_REASON = ("recap rows of two regencies told apart only by the recap's KAB/KOTA column, which the "
                    "pipeline does not read: 3 Badung/Gianyar namesakes swapped; and 'I KETUT A.' fits two "
                    "Gianyar workers of one cell, which nothing tells apart, joined to the other one "
                    "(4 keys merging persons, 4 persons split; counts exact)")


def _keys_and_persons(truth, facts, ambiguous: bool):
    """(person -> keys, key -> persons) over the counted rows, the ambiguous recap's rows left out unless ``ambiguous``."""
    index = _rows_by_address(facts)
    keys_of: dict[int, set] = {}
    persons_of: dict[str, set] = {}
    for office, file, sheet, row, pid in _truth_rows(truth):
        if not ambiguous and f"{office}/{file}" == AMBIGUOUS_RECAP:
            continue
        for r in index.get((file, sheet, row), []):
            keys_of.setdefault(pid, set()).add(r.person_key)
            persons_of.setdefault(r.person_key, set()).add(pid)
    return keys_of, persons_of


def test_no_key_holds_two_persons(run, request):
    _known(request)
    truth, _, facts, _, _ = run
    _, persons_of = _keys_and_persons(truth, facts, ambiguous=False)
    assert {k: sorted(v) for k, v in persons_of.items() if len(v) > 1} == {}


def test_one_key_per_person(run):
    truth, _, facts, _, _ = run
    keys_of, _ = _keys_and_persons(truth, facts, ambiguous=False)
    assert {p: len(v) for p, v in keys_of.items() if len(v) > 1} == {}


def test_the_ambiguous_recap_rows_keep_their_persons(run, request):
    # measured on seed 3; another seed's recap may hold no such namesakes
    request.applymarker(pytest.mark.xfail(strict=request.node.callspec.params["run"] == 3, reason=AMBIGUOUS_REASON))
    truth, _, facts, _, _ = run
    keys_of, persons_of = _keys_and_persons(truth, facts, ambiguous=True)
    assert ({k: sorted(v) for k, v in persons_of.items() if len(v) > 1},
            {p: len(v) for p, v in keys_of.items() if len(v) > 1}) == ({}, {})
