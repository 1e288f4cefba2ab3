"""JSON pages from office web systems: record-list shapes, nesting, numbers, rejection."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from sources.readers import SheetReport, read_submission
from sources.readers.json_reader import find_records, render_value
from sources.readers.table import SubmissionRejected
from sources.registry import Office, ReaderOptions

LOOKED_FOR = (
    "looked for nama (nama / nama lengkap / nama peserta / nama tenaga kerja, ...); "
    "nik (nik / no ktp / nomor ktp / no ktp nik, ...)"
)


def office(**reader) -> Office:
    return Office(
        id="prov-kaltim",
        name="Dinas PUPR-Pera Provinsi Kalimantan Timur",
        level="province",
        region_code="64",
        landing="prov-kaltim",
        reader=replace(ReaderOptions(), **reader),
    )


def records(submission, *columns):
    columns = columns or ("source_sheet", "source_row", "nama", "nik")
    return [tuple(row) for row in submission.rows[list(columns)].itertuples(index=False)]


PAGE = [
    {"id": 101, "nama_lengkap": "Budi Santoso", "nik": "6408015203850012", "jenjang": 7, "tahun": 2025},
    {"id": 102, "nama_lengkap": "Siti Aminah", "nik": 6408015203850013, "jenjang": 3.0, "tahun": None},
]
PAGE_ROWS = [
    ("", "1", "Budi Santoso", "6408015203850012", "7", "2025"),
    ("", "2", "Siti Aminah", "6408015203850013", "3", None),
]


@pytest.mark.parametrize(
    "document",
    [
        PAGE,
        {"data": PAGE, "page": 1, "total_pages": 3},
        {"records": PAGE},
        {"items": PAGE},
        {"results": PAGE, "next": "https://example.go.id/api?page=2"},
        {"rows": PAGE},
        {"help": "...", "success": True, "result": {"fields": [{"id": "nik"}], "records": PAGE, "total": 2}},
    ],
    ids=["list", "data", "records", "items", "results", "rows", "ckan"],
)
def test_record_list_shapes(tmp_path, document):
    path = tmp_path / "halaman_1.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error is None
    assert submission.format == "json"
    assert records(submission, "source_sheet", "source_row", "nama", "nik", "jenjang", "tahun") == PAGE_ROWS
    assert submission.sheets == [
        SheetReport(
            sheet="",
            header_row=None,
            columns={"nama": "nama_lengkap", "nik": "nik", "jenjang": "jenjang", "tahun": "tahun"},
            rows=2,
            skipped={},
        )
    ]


def test_nested_records_blank_records_and_field_names(tmp_path):
    page = {
        "data": [
            {
                "peserta": {"nama": "Rahmat", "nik": "6472015203850011", "tempatLahir": "Samarinda"},
                "sertifikat": {"nomor": "1.2.3", "tanggal_terbit": "2025-01-02", "masa_berlaku": "2030-01-02"},
                "tanggal_ditetapkan": "2025-01-03",
                "lulus": True,
            },
            {"peserta": {"nama": None, "nik": ""}, "sertifikat": None},  # blank: skipped
            "not a record",
            {"peserta": {"nama": "  Yusuf  "}, "sertifikat": {"nomor": "1.2.4"}, "kelulusan": False},
        ]
    }
    path = tmp_path / "halaman_2.json"
    path.write_text("\ufeff" + json.dumps(page, ensure_ascii=False), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error is None
    assert records(
        submission, "source_row", "nama", "nik", "tempat_lahir", "nomor_sertifikat", "tanggal_terbit",
        "masa_berlaku", "hasil",
    ) == [
        ("1", "Rahmat", "6472015203850011", "Samarinda", "1.2.3", "2025-01-02", "2030-01-02", "TRUE"),
        ("4", "Yusuf", None, None, "1.2.4", None, None, "FALSE"),
    ]  # fmt: skip
    report = submission.sheets[0]
    assert report.columns == {
        "nama": "peserta.nama",
        "nik": "peserta.nik",
        "tempat_lahir": "peserta.tempatLahir",
        "nomor_sertifikat": "sertifikat.nomor",
        "tanggal_terbit": "sertifikat.tanggal_terbit",
        "masa_berlaku": "sertifikat.masa_berlaku",
        "hasil": "lulus",  # a boolean pass flag; "kelulusan" fills in where it is absent
    }
    assert report.skipped == {"blank": 1, "not_a_record": 1}
    assert report.note == (
        "field 'tanggal_ditetapkan' also maps to tanggal_terbit; kept 'sertifikat.tanggal_terbit', "
        "'tanggal_ditetapkan' fills in where it is empty; "
        "field 'kelulusan' also maps to hasil; kept 'lulus', 'kelulusan' fills in where it is empty"
    )


@pytest.mark.parametrize(
    "value, text",
    [
        ("  x ", "x"),
        ("", None),
        (None, None),
        (True, "TRUE"),
        (False, "FALSE"),
        (3, "3"),
        (3.0, "3"),
        (3.5, "3.5"),
        (6408015203850013, "6408015203850013"),  # a JSON integer is exact
        # a float went through a double, which holds every whole number below 2**53 exactly; a 16th
        # digit that is not 0 was never typed into Excel (15 significant digits): all 16 are the NIK's
        (6408015203850013.0, "6408015203850013"),
        (6408015203850010.0, "6.40801520385001e+15"),  # ends in 0: maybe Excel's, flagged as truncated
        (9101015203850013.0, "9.10101520385001e+15"),  # over 2**53: the last digit is the double's
        ({"a": 1}, '{"a":1}'),
    ],
)
def test_render_value(value, text):
    assert render_value(value) == text


def test_page_of_arrays_is_read_like_a_sheet(tmp_path):
    page = {"data": [["No", "Nama", "NIK"], [1, "Budi", "6408015203850012"], [2, "Siti", 6408015203850013]]}
    path = tmp_path / "halaman_3.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    submission = read_submission(path, office())
    assert records(submission) == [("", "2", "Budi", "6408015203850012"), ("", "3", "Siti", "6408015203850013")]
    assert submission.sheets[0].header_row == 1


ARRAY_COLUMNS = ["id", "nama_lengkap", "nik", "jenjang", "tahun"]
ARRAY_VALUES = [[101, "Budi Santoso", "6408015203850012", 7, 2025], [102, "Siti Aminah", 6408015203850013, 3.0, None]]


@pytest.mark.parametrize(
    "document",
    [
        {"columns": ARRAY_COLUMNS, "index": [0, 1], "data": ARRAY_VALUES},  # pandas orient="split"
        {"columns": ARRAY_COLUMNS, "rows": ARRAY_VALUES, "took_ms": 3},  # SQL over HTTP
        {"success": True, "result": {"fields": [{"id": c, "type": "text"} for c in ARRAY_COLUMNS],
                                     "records": ARRAY_VALUES}},  # CKAN datastore, records_format=lists
    ],
    ids=["pandas-split", "sql-rows", "ckan-lists"],
)
def test_arrays_under_columns_sent_beside_them(tmp_path, document):
    """Records that are arrays, their column names beside them: each record keeps its own number."""
    path = tmp_path / "ekspor.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error is None
    assert records(submission, "source_sheet", "source_row", "nama", "nik", "jenjang", "tahun") == PAGE_ROWS


def test_office_column_mapping_applies_to_fields(tmp_path):
    path = tmp_path / "halaman_4.json"
    path.write_text(json.dumps([{"nama_pekerja": "Agus", "nomor_identitas": "6402015203850011"}]), encoding="utf-8")
    submission = read_submission(path, office(column_mapping={"Nama Pekerja": "nama", "Nomor Identitas": "nik"}))
    assert records(submission) == [("", "1", "Agus", "6402015203850011")]


@pytest.mark.parametrize(
    "content, error",
    [
        (
            # a comma missing between two fields (a trailing comma is read: test_readers_json_portal.py)
            b'{"data": [{"nama": "Budi" "nik": "6408011203850001"}]}',
            "not valid JSON (Expecting ',' delimiter at line 1 column 27)",
        ),
        (b'{"status": "ok", "message": "no data"}',
         "no list of records found: expected a top-level list or a list under "
         "data / records / items / result / results / rows (or result.records); "
         "the object has keys 'status', 'message'"),
        (b'{"data": [], "page": 4}', "the list of records (data) is empty: no participant rows"),
        (b'[{"id": 1, "kegiatan": "Bimtek"}]',
         f"no name or NIK field in the records (fields: id, kegiatan); {LOOKED_FOR}"),
        (b'[{"nama": null, "nik": "  "}]', "fields mapped but no participant records (skipped: 1 blank)"),
        (b'"just a string"', "no list of records found: the document is a str"),
    ],
    ids=["invalid", "no-list", "empty-page", "no-identity-field", "all-blank", "scalar"],
)
def test_rejected_json(tmp_path, content, error):
    path = tmp_path / "halaman.json"
    path.write_bytes(content)
    submission = read_submission(path, office())
    assert submission.error == "office prov-kaltim, file halaman.json: " + error
    assert len(submission.rows) == 0


TEGUH = {"nama": "Teguh Santoso", "nik": "1604031405870033", "tgl_lahir": "1987-05-14"}
CERTIFICATES = [
    {"jabatan_kerja": "Operator Excavator", "jenjang": 3, "hasil": "Kompeten", "no_sertifikat": "SKK-1604-2025-000033"},
    {"jabatan_kerja": "Mandor", "jenjang": 4, "hasil": "Belum Kompeten"},
]
CONTACTS = [{"jenis": "hp", "nilai": "0812"}, {"jenis": "email", "nilai": "a@b"}]
ADDRESSES = [{"jalan": "Jl. Merdeka 1", "kota": "Palembang"}, {"jalan": "Jl. Sudirman 2", "kota": "Baturaja"}]
PER_CERTIFICATE = [
    ("sertifikasi[1]", "1", "Teguh Santoso", "1604031405870033", "1987-05-14", "Operator Excavator", "3", "Kompeten",
     "SKK-1604-2025-000033"),
    ("sertifikasi[2]", "1", "Teguh Santoso", "1604031405870033", "1987-05-14", "Mandor", "4", "Belum Kompeten", None),
]  # fmt: skip
PERSON_ONLY = [("", "1", "Teguh Santoso", "1604031405870033", "1987-05-14", None, None, None, None)]


@pytest.mark.parametrize(
    "person, rows, note",
    [
        # the probe's file: certificates, then contacts; the contacts stay text
        ({**TEGUH, "sertifikasi": CERTIFICATES, "kontak": CONTACTS}, PER_CERTIFICATE,
         "field 'kontak' holds several objects in 1 record(s); kept as text"),
        # the order of the lists does not matter, nor how many other lists there are
        ({**TEGUH, "kontak": CONTACTS, "alamat": ADDRESSES, "sertifikasi": CERTIFICATES}, PER_CERTIFICATE,
         "field 'kontak' holds several objects in 1 record(s); kept as text; "
         "field 'alamat' holds several objects in 1 record(s); kept as text"),
        # no list of certificates: one row, every list text
        ({**TEGUH, "kontak": CONTACTS, "alamat": ADDRESSES}, PERSON_ONLY,
         "field 'kontak' holds several objects in 1 record(s); kept as text; "
         "field 'alamat' holds several objects in 1 record(s); kept as text"),
        # two lists that both look like certificates: a row per pair would invent combinations and
        # keeping one would drop the other's rows unseen, so both stay text (the note names them)
        ({**TEGUH, "sertifikasi": CERTIFICATES, "riwayat_uji": CERTIFICATES}, PERSON_ONLY,
         "field 'sertifikasi' holds several objects in 1 record(s); kept as text; "
         "field 'riwayat_uji' holds several objects in 1 record(s); kept as text"),
    ],
    ids=["certificates-and-contacts", "contacts-addresses-certificates", "no-certificates", "two-certificate-lists"],
)
def test_person_with_several_lists_of_objects(tmp_path, person, rows, note):
    """The list whose objects carry certificate or assessment fields gives one row per object."""
    path = tmp_path / "pemegang_skk.json"
    path.write_text(json.dumps({"items": [person]}), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error is None
    assert records(
        submission, "source_sheet", "source_row", "nama", "nik", "tanggal_lahir", "jabatan_kerja", "jenjang", "hasil",
        "nomor_sertifikat",
    ) == rows  # fmt: skip
    assert {sheet.note for sheet in submission.sheets} == {note}


SUTRISNO = {"nama": "Sutrisno", "tgl_lahir": "1985-03-12", "jabatan_kerja": "Operator Excavator", "jenjang": 3,
            "hasil": "Kompeten"}  # fmt: skip
WATI = {"nama": "Wati", "tgl_lahir": "1986-04-13", "jabatan_kerja": "Tukang Besi", "jenjang": 2, "hasil": "Kompeten"}
BY_NIK = {"1603011203850031": SUTRISNO, "1603025304860032": WATI}
BY_NIK_ROWS = [
    ("", "1", "Sutrisno", "1603011203850031", "3", "Kompeten"),
    ("", "2", "Wati", "1603025304860032", "2", "Kompeten"),
]
NIK_NOTE = "the key is the nik of a record without one, source_row its position"


@pytest.mark.parametrize(
    "document, rows, note",
    [
        # Firebase / NoSQL export: the records are the values, the key is the NIK
        (BY_NIK, BY_NIK_ROWS, f"records are the values of an object keyed by NIK (top level); {NIK_NOTE}"),
        ({"data": BY_NIK, "meta": {"exported": "2025-06-01"}}, BY_NIK_ROWS,
         f"records are the values of an object keyed by NIK (data); {NIK_NOTE}"),
        ({"status": "ok", "result": BY_NIK}, BY_NIK_ROWS,
         f"records are the values of an object keyed by NIK (result); {NIK_NOTE}"),
        ({"peserta": BY_NIK, "meta": {"page": 1}}, BY_NIK_ROWS,
         f"records are the values of an object keyed by NIK (peserta); {NIK_NOTE}"),
        # a record's own NIK wins over its key, even a different one; an empty own NIK is filled in
        ({"1603011203850031": {**SUTRISNO, "nik": "1603011203850099"}, "1603025304860032": {**WATI, "nik": ""}},
         [("", "1", "Sutrisno", "1603011203850099", "3", "Kompeten"),
          ("", "2", "Wati", "1603025304860032", "2", "Kompeten")],
         f"records are the values of an object keyed by NIK (top level); {NIK_NOTE}"),
        # damaged NIK keys are put in as written: cleaning them is the NIK standardiser's work
        ({"'1603011203850031": SUTRISNO, "1603 0253 0486 0032": WATI, "160302530486003": {"nama": "Ani"}},
         [("", "1", "Sutrisno", "'1603011203850031", "3", "Kompeten"),
          ("", "2", "Wati", "1603 0253 0486 0032", "2", "Kompeten"),
          ("", "3", "Ani", "160302530486003", None, None)],
         f"records are the values of an object keyed by NIK (top level); {NIK_NOTE}"),
        # other record ids (Firebase push ids) are kept as the field _key, which maps to nothing
        ({"-NfA1b2C3d4E5f6G7h8I": {**SUTRISNO, "nik": "1603011203850031"}, "-NfA1b2C3d4E5f6G7h9J": WATI},
         [("", "1", "Sutrisno", "1603011203850031", "3", "Kompeten"), ("", "2", "Wati", None, "2", "Kompeten")],
         "records are the values of an object keyed by record id (top level), kept as the field _key; "
         "source_row is its position"),
    ],
    ids=["top-level", "under-data", "under-result", "beside-meta", "own-nik", "damaged-keys", "push-ids"],
)
def test_object_keyed_by_record_id(tmp_path, document, rows, note):
    path = tmp_path / "firebase_export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error is None
    assert records(submission, "source_sheet", "source_row", "nama", "nik", "jenjang", "hasil") == rows
    assert [sheet.note for sheet in submission.sheets] == [note]


def test_object_keyed_by_nik_with_a_person_s_certificates(tmp_path):
    """Each keyed person's certificates give a row each; source_row is the key's position."""
    document = {
        "1604031405870033": {**TEGUH, "nik": None, "sertifikasi": CERTIFICATES, "kontak": CONTACTS},
        "1603011203850031": {"nama": "Sutrisno", "sertifikasi": [{"jenjang": 3, "hasil": "Kompeten"}]},  # one: read
    }
    path = tmp_path / "firebase_export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    submission = read_submission(path, office())
    assert records(submission, "source_sheet", "source_row", "nama", "nik", "jenjang", "hasil") == [
        ("", "2", "Sutrisno", "1603011203850031", "3", "Kompeten"),
        ("sertifikasi[1]", "1", "Teguh Santoso", "1604031405870033", "3", "Kompeten"),
        ("sertifikasi[2]", "1", "Teguh Santoso", "1604031405870033", "4", "Belum Kompeten"),
    ]


@pytest.mark.parametrize(
    "document, where",
    [
        ({"data": [SUTRISNO], "meta": {"page": 1, "total": 1}}, "data"),
        ({"status": "ok", "result": {"items": [SUTRISNO], "total": 1}}, "result.items"),
        # a tally keyed by year is not records (no name or NIK field): the list beside it is
        ({"participants": [SUTRISNO], "stats": {"2024": {"jumlah": 3}, "2025": {"jumlah": 5}}}, "participants"),
        ({"data": BY_NIK}, "data, an object keyed by NIK"),
        ({"data": {"p1": SUTRISNO, "p2": WATI}}, "data, an object keyed by record id"),
        # one record whose parts are objects: its keys are not record ids, the object is one participant
        ({"peserta": {"nama": "Sutrisno", "nik": "1603011203850031"}, "sertifikat": {"nomor": "SKK-1", "jenjang": 3}},
         "top level, one record"),
    ],
    ids=["data-list", "result-items", "tally-beside-list", "keyed-by-nik", "keyed-by-id", "one-record"],
)
def test_where_the_records_are(document, where):
    assert find_records(document)[1] == where


@pytest.mark.parametrize(
    "document",
    [
        # ids as keys, but the values are no records (no name or NIK field) and the keys no NIKs
        {"2024": {"jumlah": 3}, "2025": {"jumlah": 5}},
        # a value that is not an object: not keyed records
        {"1603011203850031": SUTRISNO, "total": 1},
    ],
    ids=["tally", "mixed-values"],
)
def test_objects_that_are_not_keyed_records(document):
    with pytest.raises(SubmissionRejected, match="^no list of records found"):
        find_records(document)


@pytest.mark.parametrize(
    ("record", "nama"),
    [
        ({"first_name": "Budi", "last_name": "Santoso"}, "Budi Santoso"),
        ({"last_name": "Santoso", "middle_name": "Adi", "first_name": "Budi"}, "Budi Adi Santoso"),
        ({"first_name": "Rahmat"}, "Rahmat"),  # one name only, as many Indonesians have
        ({"participant": {"given_name": "Siti", "family_name": "Aminah"}}, "Siti Aminah"),
        ({"nama_depan": "Agus", "nama_belakang": "Salim"}, "Agus Salim"),
        # the record's own full name wins over its parts
        ({"name": "Agus Salim", "first_name": "Agus", "last_name": "S."}, "Agus Salim"),
        ({"first_name": None, "last_name": "Santoso"}, "Santoso"),
    ],
)
def test_a_name_split_into_parts_is_joined(tmp_path, record, nama):
    path = tmp_path / "peserta.json"
    path.write_text(json.dumps({"data": [{**record, "nik": "6408011203850001"}]}), encoding="utf-8")
    submission = read_submission(path, office())
    assert records(submission, "nama", "nik") == [(nama, "6408011203850001")]


@pytest.mark.parametrize(
    ("fields", "hasil"),
    [
        # a record's status code is no result: a participant list of active accounts certifies nobody
        ({"status": 1}, [None, None]),
        ({"status": "1"}, [None, None]),
        # a pass flag named for what it says is one, and so is a status in words
        ({"passed": 1}, ["1", "0"]),
        ({"status": "Kompeten"}, ["Kompeten", "Kompeten"]),
        ({"status": 1, "hasil": "K"}, ["K", "K"]),
    ],
)
def test_a_status_code_is_not_a_result(tmp_path, fields, hasil):
    second = {key: (0 if value == 1 else value) for key, value in fields.items()}
    page = {"data": [{"nama": "Budi", "nik": "6408011203850001", **fields},
                     {"nama": "Siti", "nik": "6408015203850002", **second}]}
    path = tmp_path / "peserta.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    assert records(read_submission(path, office()), "hasil") == [(value,) for value in hasil]


@pytest.mark.parametrize(
    "fields, hasil",
    [
        # two plain fields name the result: the one whose values read as results gives it
        ({"status": "Karyawan", "keterangan": "K"}, "K"),
        ({"status": "Fresh Graduate", "keterangan": "BK"}, "BK"),
        ({"keterangan": "Kompeten", "status": "Karyawan"}, "Kompeten"),
        # a field of results keeps its place when the other holds results too
        ({"status": "Kompeten", "keterangan": "Sudah terbit"}, "Kompeten"),
    ],
)
def test_result_from_the_field_that_holds_results(tmp_path, fields, hasil):
    """Records with "status" (employment) before "keterangan" (K / BK) took the result from status
    (a probe of two records: 0 certified, truth 1)."""
    rows = [{"nama": "Budi Santoso", "nik": "6408015203850012", "jenjang": 3, **fields},
            {"nama": "Siti Aminah", "nik": "6408015203850013", "jenjang": 2, **fields}]
    path = tmp_path / "peserta.json"
    path.write_text(json.dumps({"data": rows}), encoding="utf-8")
    submission = read_submission(path, office())
    assert list(submission.rows["hasil"]) == [hasil, hasil]
