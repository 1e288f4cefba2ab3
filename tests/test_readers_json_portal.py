"""Portal and API exports: Google Sheets value ranges, pandas orients, and the file-level
oddities of JSON pages (encodings, padding, numbers standing for NIKs)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from sources.readers import read_submission
from sources.registry import Office, ReaderOptions


def office(**reader) -> Office:
    return Office(
        id="prov-kaltim",
        name="Dinas PUPR-Pera Provinsi Kalimantan Timur",
        level="province",
        region_code="64",
        landing="prov-kaltim",
        reader=replace(ReaderOptions(), **reader),
    )


COLUMNS = ("source_sheet", "source_row", "nama", "nik", "jenjang", "hasil")
HEADER = ["No", "Nama Lengkap", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]
ROWS = [
    ["1", "Budi Santoso", "6408011203850001", "Operator Excavator", "3", "Kompeten"],
    ["2", "Siti Aminah", "6472035507900002", "Mandor", "4", "Belum Kompeten"],
    ["3", "Yohanes Wenda", "9171010101800003", "Ahli Muda Teknik Jalan", "7"],  # trailing empty cell left out
]


def read(tmp_path, document, name="ekspor.json"):
    path = tmp_path / name
    path.write_bytes(document if isinstance(document, bytes) else json.dumps(document).encode())
    return read_submission(path, office())


def rows(submission, *columns):
    assert submission.error is None, submission.error
    return [tuple(row) for row in submission.rows[list(columns or COLUMNS)].itertuples(index=False)]


def expected(sheet="", first_row=2):
    return [
        (sheet, str(first_row), "Budi Santoso", "6408011203850001", "3", "Kompeten"),
        (sheet, str(first_row + 1), "Siti Aminah", "6472035507900002", "4", "Belum Kompeten"),
        (sheet, str(first_row + 2), "Yohanes Wenda", "9171010101800003", "7", None),
    ]


def by_columns(table):
    width = max(len(row) for row in table)
    return [[row[i] for row in table if i < len(row)] for i in range(width)]


@pytest.mark.parametrize(
    "document, sheet, first_row",
    [
        ({"range": "Peserta!A1:F4", "majorDimension": "ROWS", "values": [HEADER, *ROWS]}, "Peserta", 2),
        ({"range": "'Tahap I 2025'!A1:Z1000", "majorDimension": "ROWS",
          "values": [["DAFTAR PESERTA SERTIFIKASI TAHAP I"], [], HEADER, *ROWS]}, "Tahap I 2025", 4),
        ({"range": "A1:F4", "values": [HEADER, *ROWS]}, "", 2),
        ({"range": "Sheet1!A1:F4", "majorDimension": "COLUMNS", "values": by_columns([HEADER, *ROWS])}, "Sheet1", 2),
        ({"spreadsheetId": "1AbC", "valueRanges": [{"range": "Peserta!A1:F4", "majorDimension": "ROWS",
                                                    "values": [HEADER, *ROWS]}]}, "Peserta", 2),
    ],
    ids=["values.get", "title-rows-quoted-sheet", "no-sheet-name", "majorDimension-COLUMNS", "batchGet"],
)
def test_google_sheets_value_ranges(tmp_path, document, sheet, first_row):
    submission = read(tmp_path, document)
    assert rows(submission) == expected(sheet, first_row)


def test_google_sheets_batch_of_two_sheets(tmp_path):
    document = {"spreadsheetId": "1AbC", "valueRanges": [
        {"range": "Tahap I!A1:F3", "majorDimension": "ROWS", "values": [HEADER, *ROWS[:2]]},
        {"range": "Tahap II!A1:F2", "majorDimension": "ROWS", "values": [HEADER, ROWS[2]]},
    ]}
    assert rows(read(tmp_path, document)) == [
        ("Tahap I", "2", "Budi Santoso", "6408011203850001", "3", "Kompeten"),
        ("Tahap I", "3", "Siti Aminah", "6472035507900002", "4", "Belum Kompeten"),
        ("Tahap II", "2", "Yohanes Wenda", "9171010101800003", "7", None),
    ]


def test_google_sheets_year_in_sheet_name_is_the_tahun(tmp_path):
    document = {"range": "Peserta 2025!A1:F4", "majorDimension": "ROWS", "values": [HEADER, *ROWS]}
    assert rows(read(tmp_path, document), "tahun") == [("2025",)] * 3


PANDAS_RECORDS = [
    {"nama": "Budi Santoso", "nik": "6408011203850001", "jenjang": 3, "hasil": "Kompeten"},
    {"nama": "Siti Aminah", "nik": "6472035507900002", "jenjang": 4, "hasil": "Belum Kompeten"},
    {"nama": "Yohanes Wenda", "nik": "9171010101800003", "jenjang": 7, "hasil": None},
]


def orient_columns(records, index=None):
    index = index or [str(i) for i in range(len(records))]
    return {field: {i: record[field] for i, record in zip(index, records)} for field in records[0]}


@pytest.mark.parametrize(
    "document",
    [
        orient_columns(PANDAS_RECORDS),
        {"data": orient_columns(PANDAS_RECORDS)},
        # df.set_index("nik").to_json(): the NIK is the index, the key of every column's cells
        orient_columns([{k: v for k, v in r.items() if k != "nik"} for r in PANDAS_RECORDS],
                       index=[r["nik"] for r in PANDAS_RECORDS]),
    ],
    ids=["orient-columns", "under-data", "nik-index"],
)
def test_pandas_orient_columns(tmp_path, document):
    assert rows(read(tmp_path, document)) == [
        ("", "1", "Budi Santoso", "6408011203850001", "3", "Kompeten"),
        ("", "2", "Siti Aminah", "6472035507900002", "4", "Belum Kompeten"),
        ("", "3", "Yohanes Wenda", "9171010101800003", "7", None),
    ]


def test_object_of_objects_without_a_name_or_nik_field_is_no_page_of_columns(tmp_path):
    # a tally per year and kualifikasi: neither records keyed by id nor columns of people
    submission = read(tmp_path, {"Operator": {"2024": 3, "2025": 5}, "Ahli": {"2024": 1}})
    assert submission.error is not None and "no list of records found" in submission.error


# NIKs sent as JSON numbers. 9171011807710037 is odd: as a double (above 2**53) it is 9171011807710036.
@pytest.mark.parametrize(
    "niks, texts, note",
    [
        # pandas writes a NIK column with a missing value as float64: exact below 2**53, and a NIK ending
        # in 0 is the NIK's own when others end in another digit (Excel would have cut every one)
        ([6408011203850001.0, None, 6408011203850010.0], ["6408011203850001", None, "6408011203850010"], ""),
        # every one ends in 0: Excel's 15 digits, as in a sheet
        ([6408011203850000.0, 6472035507900000.0], ["6.40801120385000e+15", "6.47203550790000e+15"], ""),
        # above 2**53 a float's 16th digit is the double's: the first 15 kept, cut, not rounded up
        ([6408011203850001.0, 9171011807710036.0], ["6408011203850001", "9.17101180771003e+15"],
         "NIKs above 2**53 written as JSON floats: their last digit is not the NIK's; first 15 digits kept"),
        # an odd integer above 2**53 is no double: the writer kept integers, every one is exact
        ([9171011807710037, 9171015103820004], ["9171011807710037", "9171015103820004"], ""),
        # every integer above 2**53 even, as doubles are (JavaScript): first 15 digits; those below are exact
        ([9171011807710036, 9171015103820004, 6408011203850001], ["9.17101180771003e+15", "9.17101510382000e+15",
                                                                 "6408011203850001"],
         "2 NIK(s) above 2**53 written as even JSON integers, as a double holds them: their last digit is not "
         "the NIK's; first 15 digits kept"),
        (["9171011807710037", 6408011203850000], ["9171011807710037", "6408011203850000"], ""),  # text, integer
    ],
    ids=["pandas-float64", "excel-cut-upstream", "float-above-2**53", "odd-integer-exact", "even-integers-doubles",
         "text-and-integer"],
)
@pytest.mark.parametrize("shape", ["records", "google-sheets"])
def test_nik_sent_as_a_json_number(tmp_path, shape, niks, texts, note):
    names = ["Budi Santoso", "Siti Aminah", "Yohanes Wenda"][: len(niks)]
    if shape == "records":
        document = [{"nama": name, "nik": nik} for name, nik in zip(names, niks)]
    else:
        document = {"range": "Peserta!A1:B4", "majorDimension": "ROWS",
                    "values": [["Nama", "NIK"], *([name, nik] for name, nik in zip(names, niks))]}
    submission = read(tmp_path, document)
    assert rows(submission, "nama", "nik") == list(zip(names, texts))
    assert submission.sheets[0].note == note


PEOPLE = [{"nama_lengkap": name, "nik": nik, "jenjang": level} for name, nik, level in [
    ("Budi Santoso", "6408011203850001", 3), ("Siti Aminah", "6472035507900002", 4),
    ("Yohanes Wenda", "9171010101800003", 7), ("Maria Kogoya", "9471025203880005", 5)]]
PAGES = [{"data": PEOPLE[:2], "meta": {"page": 1, "last_page": 2}}, {"data": PEOPLE[2:], "meta": {"page": 2}}]


@pytest.mark.parametrize(
    "text",
    [
        "".join(json.dumps(page) for page in PAGES),  # pages appended to one file (curl ... >> file)
        "\n".join(json.dumps(page, indent=2) for page in PAGES),
        json.dumps(PAGES),  # a list of pages
        json.dumps([{"data": {"items": PEOPLE[:2]}}, {"data": {"items": PEOPLE[2:]}}]),
        "\n".join(json.dumps(person, indent=2) for person in PEOPLE),  # pretty-printed records one below the other
        "\n".join(json.dumps(person) + "," for person in PEOPLE),  # JSON Lines with a comma after each
        json.dumps(json.dumps(PEOPLE)),  # encoded twice: the page is a JSON string
    ],
    ids=["appended-pages", "appended-pretty-pages", "list-of-pages", "list-of-nested-pages", "pretty-records",
         "lines-with-commas", "encoded-twice"],
)
def test_pages_and_documents_one_after_another(tmp_path, text):
    submission = read(tmp_path, text.encode())
    assert rows(submission, "source_sheet", "source_row", "nama", "nik", "jenjang") == [
        ("", str(n), p["nama_lengkap"], p["nik"], str(p["jenjang"])) for n, p in enumerate(PEOPLE, start=1)]


def test_a_person_with_certificates_under_data_is_a_record_not_a_page(tmp_path):
    document = [{"peserta": {"nama": "Budi Santoso", "nik": "6408011203850001"},
                 "data": [{"jenjang": 3, "hasil": "Kompeten"}, {"jenjang": 4, "hasil": "Kompeten"}]}]
    assert rows(read(tmp_path, document), "source_sheet", "source_row", "nama", "jenjang") == [
        ("data[1]", "1", "Budi Santoso", "3"), ("data[2]", "1", "Budi Santoso", "4")]


@pytest.mark.parametrize(
    "text, reason",
    [
        ('{"data": []} 42', "not valid JSON (Extra data at line 1 column 14)"),
        ('{"data": [{"nama": "Budi"}]} {"data": [', "not valid JSON (Extra data at line 1 column 30)"),
    ],
)
def test_documents_one_after_another_that_are_not_pages_are_rejected(tmp_path, text, reason):
    assert read(tmp_path, text.encode()).error.endswith(reason)


# An admin panel's server-side DataTables JSON (datatables.net/manual/server-side: draw,
# recordsTotal, recordsFiltered, data), as Laravel's Yajra sends it: the cells rendered as HTML.
@pytest.mark.parametrize(
    ("nama", "hasil", "expected_nama", "expected_hasil"),
    [
        ('<a href="https://sijaki.palukota.go.id/peserta/201">ANDI BASO RAHMAN</a>',
         '<span class="badge badge-success">Kompeten</span>', "ANDI BASO RAHMAN", "Kompeten"),
        ("SITTI RAHMAWATI", '<span class="badge badge-danger">Belum Kompeten</span>', "SITTI RAHMAWATI",
         "Belum Kompeten"),
        ("<b>M. FADLI</b>", '<label class="label label-success">K</label>', "M. FADLI", "K"),
        ('<div class="text-wrap">WA ODE<br/>NURHAYATI</div>', "<i class='fa fa-check'></i> Kompeten",
         "WA ODE NURHAYATI", "Kompeten"),
        ("DG. MATTALITTI &amp; SONS", "Kompeten", "DG. MATTALITTI & SONS", "Kompeten"),
        # angle brackets that are no markup stay as they are
        ("BUDI <<REVISI>>", "<5 th", "BUDI <<REVISI>>", "<5 th"),
    ],
    ids=["link-badge", "badge-danger", "bold-label", "div-br-icon", "entity", "no-markup"],
)
def test_datatables_cells_rendered_as_html(tmp_path, nama, hasil, expected_nama, expected_hasil):
    record = {"DT_RowIndex": 1, "id": 201, "nama": nama, "nik": "7271010403880001", "jenjang": "3",
              "status": hasil, "action": '<a href="/peserta/201/edit" class="btn btn-sm">Edit</a> '
                                         '<button data-id="201" class="btn btn-danger">Hapus</button>'}
    document = {"draw": 1, "recordsTotal": 1, "recordsFiltered": 1, "data": [record],
                "input": {"draw": "1", "columns": [{"data": c, "name": c, "searchable": "true",
                                                    "orderable": "true"} for c in [*record, "x", "y", "z", "w"]]}}
    assert rows(read(tmp_path, document), "nama", "nik", "hasil") == [
        (expected_nama, "7271010403880001", expected_hasil)]


def _arcgis(features):
    # ArcGIS FeatureServer query?f=json: the schema under "fields" beside the rows under "features",
    # dates as epoch milliseconds (developers.arcgis.com/documentation/common-data-types/feature-object.htm)
    return {"objectIdFieldName": "OBJECTID", "geometryType": "esriGeometryPoint",
            "fields": [{"name": "OBJECTID", "type": "esriFieldTypeOID", "alias": "OBJECTID"},
                       {"name": "NAMA", "type": "esriFieldTypeString", "alias": "Nama", "length": 100},
                       {"name": "NIK", "type": "esriFieldTypeString", "alias": "NIK"},
                       {"name": "JENJANG", "type": "esriFieldTypeString", "alias": "Jenjang"},
                       {"name": "HASIL", "type": "esriFieldTypeString", "alias": "Hasil"}],
            "features": features}


_FEATURES = [{"attributes": {"OBJECTID": i, "NAMA": name, "NIK": nik, "JENJANG": lvl, "HASIL": hasil},
              "geometry": {"x": 106.2, "y": -6.1}}
             for i, (name, nik, lvl, hasil) in enumerate([("DEDI SUPRIADI", "3604071606800002", "2", "Kompeten"),
                                                          ("IIS AISYAH", "3604025111880005", "4", "Belum Kompeten")], 1)]
_RECORDS = [{"nama": "DEDI SUPRIADI", "nik": "3604071606800002", "jenjang": "2", "hasil": "Kompeten"},
            {"nama": "IIS AISYAH", "nik": "3604025111880005", "jenjang": "4", "hasil": "Belum Kompeten"}]
_SCHEMA_EXPECTED = [("DEDI SUPRIADI", "3604071606800002", "2", "Kompeten"),
                    ("IIS AISYAH", "3604025111880005", "4", "Belum Kompeten")]


@pytest.mark.parametrize(
    "document",
    [
        _arcgis(_FEATURES),
        # Socrata's views: "columns" of {fieldName, dataTypeName} beside the rows
        {"columns": [{"fieldName": "nama", "dataTypeName": "text"}, {"fieldName": "nik", "dataTypeName": "text"}],
         "peserta": _RECORDS},
        # a Frictionless / Table Schema descriptor beside the rows
        {"schema": [{"name": "nama", "type": "string"}, {"name": "nik", "type": "string", "format": "default"}],
         "peserta": _RECORDS},
        # a DataTables answer in debug mode: the request's columns echoed beside the rows
        {"peserta": _RECORDS, "columns": [{"data": "nama", "name": "nama", "searchable": "true",
                                           "orderable": "true"} for _ in range(5)]},
    ],
    ids=["arcgis-fields-features", "socrata-columns", "table-schema", "datatables-columns-echo"],
)
def test_a_list_describing_the_columns_is_no_list_of_records(tmp_path, document):
    assert rows(read(tmp_path, document), "nama", "nik", "jenjang", "hasil") == _SCHEMA_EXPECTED


def test_two_lists_of_records_stay_ambiguous(tmp_path):
    # objects under "fields" that are no column descriptions (no type, alias, ...) are records like any
    document = {"fields": [{"name": "Budi", "nik": "6408011203850001"}], "peserta": _RECORDS}
    submission = read(tmp_path, document)
    assert submission.error is not None and "more than one list of records" in submission.error


def test_a_kobotoolbox_api_page(tmp_path):
    # kf.kobotoolbox.org/api/v2/assets/<uid>/data.json: count/next/previous/results, fields named by
    # the form's group path, the system's own fields (_id, _uuid, _attachments ...) beside them
    results = [{"_id": 48211 + i, "formhub/uuid": "8f1c", "start": "2025-09-11T08:01:12.000+09:00",
                "grp_kegiatan/tahun_anggaran": "2025", "grp_peserta/nama_lengkap": name, "grp_peserta/nik": nik,
                "grp_uji/jabatan_kerja": jab, "grp_uji/jenjang": lvl, "grp_uji/hasil": hasil,
                "meta/instanceID": f"uuid:{i}", "_attachments": [{"download_url": "https://x/ktp.jpg"}],
                "_geolocation": [-3.7, 128.18], "_submission_time": "2025-09-11T00:31:05", "_tags": []}
               for i, (name, nik, jab, lvl, hasil) in enumerate([
                   ("Marthen Sopacua", "8171031202900007", "operator_excavator", "jenjang_3", "kompeten"),
                   ("Yakobus Pattiasina", "8171052505880009", "tukang_besi_beton", "jenjang_2", "belum_kompeten")])]
    document = {"count": 2, "next": None, "previous": None, "results": results}
    assert rows(read(tmp_path, document), "nama", "nik", "jabatan_kerja", "jenjang", "hasil", "tahun") == [
        ("Marthen Sopacua", "8171031202900007", "operator_excavator", "jenjang_3", "kompeten", "2025"),
        ("Yakobus Pattiasina", "8171052505880009", "tukang_besi_beton", "jenjang_2", "belum_kompeten", "2025")]


_PAGE = {"status": True, "data": [
    {"nama": "BUDI SANTOSO", "nik": "3404011203850001", "jenjang": 3, "hasil": "Kompeten"},
    {"nama": "SITI AMINAH", "nik": "3404015507900002", "jenjang": 4, "hasil": "Belum Kompeten"}]}
_PAGE_ROWS = [("BUDI SANTOSO", "3404011203850001", "3", "Kompeten"),
              ("SITI AMINAH", "3404015507900002", "4", "Belum Kompeten")]


@pytest.mark.parametrize(
    "text",
    [
        # JSONP: jQuery's $.getJSON with ?callback=?, saved from the browser
        "jQuery36005_1700000000000(" + json.dumps(_PAGE) + ");",
        "window.app.onData(" + json.dumps(_PAGE) + ")\n",
        # an XSSI guard before the JSON
        ")]}'\n" + json.dumps(_PAGE),
        # a comment, then the callback (Google's gviz answer)
        "/*O_o*/\ncallback(" + json.dumps(_PAGE) + ");",
    ],
    ids=["jquery-jsonp", "dotted-callback", "xssi", "comment-then-callback"],
)
def test_json_wrapped_for_a_browser(tmp_path, text):
    assert rows(read(tmp_path, text.encode()), "nama", "nik", "jenjang", "hasil") == _PAGE_ROWS


def test_a_call_without_json_inside_stays_invalid(tmp_path):
    submission = read(tmp_path, b"alert('data peserta');")
    assert submission.error is not None and "not valid JSON" in submission.error


def _gviz(rows, jsonp=True):
    payload = {"version": "0.6", "reqId": "0", "status": "ok", "sig": "1489203755", "table": {
        "cols": [{"id": "A", "label": "Nama Lengkap", "type": "string"},
                 {"id": "B", "label": "NIK", "type": "number", "pattern": "General"},
                 {"id": "C", "label": "Jenjang", "type": "number"},
                 {"id": "D", "label": "Hasil Uji", "type": "string"},
                 {"id": "E", "label": "Tanggal Terbit", "type": "date", "pattern": "dd/MM/yyyy"},
                 {"id": "F", "label": "", "type": "string"}],
        "rows": [{"c": c} for c in rows], "parsedNumHeaders": 1}}
    text = json.dumps(payload)
    return ("/*O_o*/\ngoogle.visualization.Query.setResponse(" + text + ");" if jsonp else text).encode()


@pytest.mark.parametrize("jsonp", [True, False], ids=["jsonp", "plain"])
def test_google_visualization_table(tmp_path, jsonp):
    # docs.google.com/spreadsheets/d/<id>/gviz/tq: cells {v, f}; "Date(2021,6,1)" counts months from 0
    document = _gviz([
        [{"v": "Kristin Leiwakabessy"}, {"v": 8171014803960010.0, "f": "8.17101E+15"}, {"v": 7.0, "f": "7"},
         {"v": "Kompeten"}, {"v": "Date(2021,6,1)", "f": "01/07/2021"}, {"v": None}],
        [{"v": "Fadli Rumakat"}, {"v": 8101020211980003.0, "f": "8.10102E+15"}, {"v": 7.0, "f": "7"},
         {"v": "Kompeten"}, {"v": "Date(2025,9,20,9,30,0)", "f": "20/10/2025"}, None],
        [{"v": "Olivia Tetelepta"}, {"v": None, "f": None}, {"v": 7.0, "f": "7"}, {"v": "Belum Kompeten"}, None, None],
    ], jsonp)
    assert rows(read(tmp_path, document), "nama", "nik", "jenjang", "hasil", "tanggal_terbit") == [
        ("Kristin Leiwakabessy", "8171014803960010", "7", "Kompeten", "2021-07-01"),
        ("Fadli Rumakat", "8101020211980003", "7", "Kompeten", "2025-10-20"),
        ("Olivia Tetelepta", None, "7", "Belum Kompeten", None)]


def _json_api(certificates_of_budi):
    # jsonapi.org: records as {type, id, attributes, relationships}, related rows once in "included"
    return {"jsonapi": {"version": "1.0"}, "links": {"self": "/api/peserta?page[number]=1"}, "meta": {"total": 2},
            "data": [
                {"type": "peserta", "id": "1", "links": {"self": "/api/peserta/1"},
                 "attributes": {"nama-lengkap": "BUDI SANTOSO", "nik": "3404011203850001"},
                 "relationships": {"sertifikat": {"data": certificates_of_budi},
                                   "tuk": {"data": {"type": "tuk", "id": "4"}}}},
                {"type": "peserta", "id": "2", "links": {"self": "/api/peserta/2"},
                 "attributes": {"nama-lengkap": "SITI AMINAH", "nik": "3404015507900002"},
                 "relationships": {"sertifikat": {"data": None}}}],
            "included": [
                {"type": "sertifikat", "id": "9", "attributes": {"nomor": "SKK-3404-2023-000001", "jenjang": 3,
                                                                 "hasil-uji": "Kompeten", "tanggal-terbit": "2023-05-10"}},
                {"type": "sertifikat", "id": "10", "attributes": {"nomor": "SKK-3404-2025-000007", "jenjang": 4,
                                                                  "hasil-uji": "Kompeten", "tanggal-terbit": "2025-02-01"}},
                {"type": "tuk", "id": "4", "attributes": {"nama": "TUK Sewaktu Dinas PUPR Sleman"}}]}


@pytest.mark.parametrize(
    ("linked", "expected"),
    [
        ({"type": "sertifikat", "id": "9"},
         [("BUDI SANTOSO", "3404011203850001", "SKK-3404-2023-000001", "3", "Kompeten", "2023-05-10"),
          ("SITI AMINAH", "3404015507900002", None, None, None, None)]),
        # to-many: a row per certificate
        ([{"type": "sertifikat", "id": "9"}, {"type": "sertifikat", "id": "10"}],
         [("BUDI SANTOSO", "3404011203850001", "SKK-3404-2023-000001", "3", "Kompeten", "2023-05-10"),
          ("BUDI SANTOSO", "3404011203850001", "SKK-3404-2025-000007", "4", "Kompeten", "2025-02-01"),
          ("SITI AMINAH", "3404015507900002", None, None, None, None)]),
    ],
    ids=["to-one", "to-many"],
)
def test_json_api_included_resources(tmp_path, linked, expected):
    got = rows(read(tmp_path, _json_api(linked)), "nama", "nik", "nomor_sertifikat", "jenjang", "hasil",
               "tanggal_terbit")
    assert sorted(got, key=lambda row: (row[0], row[2] or "")) == expected


def test_a_sharepoint_rest_page(tmp_path):
    # _api/web/lists/getbytitle('Peserta')/items with odata=verbose: {"d": {"results": [...]}}, internal names
    items = [{"__metadata": {"id": f"Web/Lists(guid'5e2a')/Items({i})", "type": "SP.Data.PesertaListItem"},
              "Id": i, "ID": i, "Title": None, "Nama_x0020_Lengkap": name, "No_x0020_KTP": nik,
              "Jenjang_x0020_KKNI": lvl, "IsKompeten": ok, "Tanggal_x0020_Terbit": issued, "AuthorId": 14}
             for i, (name, nik, lvl, ok, issued) in enumerate([
                 ("Benny Lekransy", "8171031505800006", 7, True, "2023-02-13T15:00:00Z"),
                 ("Yance Manuhutu", "8171041402930007", 7, False, None)], 1)]
    document = {"d": {"results": items, "__next": "https://x/_api/Web/Lists/Items?%24skiptoken=Paged%3dTRUE"}}
    assert rows(read(tmp_path, document), "nama", "nik", "jenjang", "hasil", "tanggal_terbit") == [
        # the Yes/No column as written: standardization reads TRUE / FALSE under IsKompeten
        ("Benny Lekransy", "8171031505800006", "7", "TRUE", "2023-02-13T15:00:00Z"),
        ("Yance Manuhutu", "8171041402930007", "7", "FALSE", None)]
