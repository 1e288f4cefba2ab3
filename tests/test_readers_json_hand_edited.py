"""JSON pages that a strict parser refuses or a plain list reader misses: hand-edited exports
(a comma after the last item, comments, a DOS end-of-file mark), one list split over several
arrays, rows of cells under "values" without a Google Sheets range, CKAN answers appended page
after page, and a record of totals at the end of the list.

Probe of 2026-12-07: 11 of these 13 pages lost every row or counted the totals record as a
person before that day's change (the two JSON Lines controls passed)."""

from __future__ import annotations

import json

import pytest

from sources.readers import read_submission
from sources.registry import Office

OFFICE = Office(id="kota-samarinda", name="Dinas PUPR Kota Samarinda", level="city", region_code="64.72")
PEOPLE = [
    {"nama": "Budi Santoso", "nik": "6472011203850001", "jabatan_kerja": "Tukang Batu", "jenjang": "2",
     "hasil": "Kompeten"},
    {"nama": "Agus Salim", "nik": "6472011504880002", "jabatan_kerja": "Tukang Kayu", "jenjang": "3",
     "hasil": "Belum Kompeten"},
    {"nama": "Joko Susilo", "nik": "6472012007900003", "jabatan_kerja": "Mandor", "jenjang": "4", "hasil": "Kompeten"},
]
COLUMNS = list(PEOPLE[0])
PRETTY = json.dumps(PEOPLE, indent=2)


def _pages(*pages) -> str:
    return "\n".join(json.dumps(page, indent=1) for page in pages)


@pytest.mark.parametrize(
    "text",
    [
        # a comma left after the last field and after the last record
        PRETTY.replace('"Kompeten"\n', '"Kompeten",\n').replace("}\n]", "},\n]"),
        # comments above and inside, a URL in a string untouched
        '// ekspor SIMPK 2025, http://simpk.local/ekspor\n[\n/* halaman 1 */\n'
        + PRETTY.strip()[1:].replace('"Tukang Batu",', '"Tukang Batu", // dicek'),
        # one list split over two arrays, with and without a comma between them
        json.dumps(PEOPLE[:2]) + "\n" + json.dumps(PEOPLE[2:]),
        json.dumps(PEOPLE[:2]) + ",\n" + json.dumps(PEOPLE[2:]),
        # rows of cells under "values" without a range, also under "data"
        json.dumps({"values": [COLUMNS, *[list(p.values()) for p in PEOPLE]]}),
        json.dumps({"status": "ok", "data": {"values": [COLUMNS, *[list(p.values()) for p in PEOPLE]]}}),
        # CKAN datastore_search answers (data.kaltimprov.go.id's shape) appended page after page
        _pages({"help": "https://data.kaltimprov.go.id/api/3/action/help_show?name=datastore_search",
                "success": True, "result": {"records": PEOPLE[:2], "total": 3, "_links": {"next": "?offset=2"}}},
               {"success": True, "result": {"records": PEOPLE[2:], "total": 3}}),
        # pages of rows of cells appended, each with its header; pages dumped as a list under one key
        _pages({"values": [COLUMNS, *[list(p.values()) for p in PEOPLE[:2]]]},
               {"values": [COLUMNS, list(PEOPLE[2].values())]}),
        json.dumps({"data": [{"page": 1, "items": PEOPLE[:2]}, {"page": 2, "items": PEOPLE[2:]}]}),
        # a DOS end-of-file mark after the page
        PRETTY + "\r\n\x1a",
        # a record of totals at the end
        json.dumps(PEOPLE + [{"nama": "JUMLAH", "nik": None, "hasil": "2"},
                             {"nama": "Total Peserta", "nik": "3 orang"}]),
        # controls: JSON Lines of records, and of arrays (the header first): one record per line
        "\n".join(json.dumps(p) for p in PEOPLE),
        "\n".join(json.dumps(row) for row in [COLUMNS, *[list(p.values()) for p in PEOPLE]]),
    ],
    ids=["trailing-commas", "comments", "split-arrays", "split-arrays-comma", "values", "values-under-data",
         "ckan-pages", "values-pages", "pages-under-data", "ctrl-z", "totals-record", "jsonl-records", "jsonl-arrays"],
)
def test_every_person_read_once(tmp_path, text):
    path = tmp_path / "ekspor.json"
    path.write_text(text, encoding="utf-8")
    submission = read_submission(path, OFFICE)
    assert submission.error is None, submission.error
    rows = submission.rows
    assert list(zip(rows["nama"], rows["nik"], rows["jenjang"], rows["hasil"])) == [
        (p["nama"], p["nik"], p["jenjang"], p["hasil"]) for p in PEOPLE]
    assert len(set(zip(rows["source_sheet"], rows["source_row"]))) == 3


def test_totals_record_is_counted_as_skipped(tmp_path):
    path = tmp_path / "ekspor.json"
    path.write_text(json.dumps(PEOPLE + [{"nama": "Jumlah Total", "nik": "3"}]), encoding="utf-8")
    submission = read_submission(path, OFFICE)
    assert submission.sheets[0].skipped == {"total": 1}


@pytest.mark.parametrize(
    "text, error",
    [
        ('[{"nama": "Budi" "nik": "6472011203850001"}]', "not valid JSON (Expecting ',' delimiter at line 1 column 18)"),
        ('[{"nama": "Budi", "nik": "6472011203850001"}', "not valid JSON (Expecting ',' delimiter at line 1 column 45)"),
    ],
    ids=["missing-comma", "unclosed-array"],
)
def test_broken_json_still_rejected_with_the_strict_parsers_position(tmp_path, text, error):
    path = tmp_path / "ekspor.json"
    path.write_text(text, encoding="utf-8")
    assert read_submission(path, OFFICE).error == f"office kota-samarinda, file ekspor.json: {error}"
