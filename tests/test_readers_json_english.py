"""English API exports (issue 10): nested objects, envelopes, English field names and values, end to end."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sources.headers import EXACT, GUESSED, IN_CONTEXT, canonical_path, normalize_header
from sources.readers import read_submission
from sources.readers.json_reader import find_records
from standardize.record import OUTPUT_COLUMNS, standardize_submission

# pytest puts tests/ on the path: the Kaltim office with reader overrides is defined once.
from test_readers_json import office
from test_standardize_record import _plain

REFERENCE = date(2026, 6, 1)




# --- field names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "normalised"),
    [
        ("tanggalLahir", "tanggal lahir"),
        ("fullName", "full name"),
        ("certificate.issuedAt", "certificate issued at"),
        ("certificate_number", "certificate number"),
        ("NIK", "nik"),
        ("No. KTP", "no ktp"),
        ("L/P", "l p"),
    ],
)
def test_normalize_header_splits_camel_case(header, normalised):
    assert normalize_header(header) == normalised


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # flat English API names: snake_case, camelCase, Title Case
        (("full_name",), ("nama", EXACT)),
        (("fullName",), ("nama", EXACT)),
        (("name",), ("nama", EXACT)),
        (("nik",), ("nik", EXACT)),
        (("national_id",), ("nik", EXACT)),
        (("id_number",), ("nik", EXACT)),
        (("idNumber",), ("nik", EXACT)),
        (("ktp_number",), ("nik", EXACT)),
        (("gender",), ("jenis_kelamin", EXACT)),
        (("sex",), ("jenis_kelamin", EXACT)),
        (("birth_place",), ("tempat_lahir", EXACT)),
        (("place_of_birth",), ("tempat_lahir", EXACT)),
        (("birth_date",), ("tanggal_lahir", EXACT)),
        (("date_of_birth",), ("tanggal_lahir", EXACT)),
        (("dob",), ("tanggal_lahir", EXACT)),
        (("place_and_date_of_birth",), ("tempat_tanggal_lahir", EXACT)),
        (("birth", "place"), ("tempat_lahir", EXACT)),
        (("birth", "date"), ("tanggal_lahir", EXACT)),
        (("position",), ("jabatan_kerja", EXACT)),
        (("job_title",), ("jabatan_kerja", EXACT)),
        (("jobPosition",), ("jabatan_kerja", EXACT)),
        (("occupation",), ("jabatan_kerja", EXACT)),
        (("qualification",), ("kualifikasi", EXACT)),
        (("level",), ("jenjang", EXACT)),
        (("skill_level",), ("jenjang", EXACT)),
        (("kkni_level",), ("jenjang", EXACT)),
        (("assessment_result",), ("hasil", EXACT)),
        (("result",), ("hasil", EXACT)),
        (("status",), ("hasil", IN_CONTEXT)),  # weak: an account's status loses to a real result field
        (("certificate_number",), ("nomor_sertifikat", EXACT)),
        (("certificateNumber",), ("nomor_sertifikat", EXACT)),
        (("registration_number",), ("nomor_sertifikat", EXACT)),
        (("issue_date",), ("tanggal_terbit", EXACT)),
        (("issued_date",), ("tanggal_terbit", EXACT)),
        (("issuedAt",), ("tanggal_terbit", EXACT)),
        (("valid_until",), ("masa_berlaku", EXACT)),
        (("expiry_date",), ("masa_berlaku", EXACT)),
        (("expired_at",), ("masa_berlaku", EXACT)),
        (("program",), ("program", EXACT)),
        (("batch",), ("program", EXACT)),
        (("year",), ("tahun", EXACT)),
        # nested: the joined path first ("certificate number")
        (("certificate", "number"), ("nomor_sertifikat", EXACT)),
        (("certificate", "issued_at"), ("tanggal_terbit", EXACT)),
        (("certificate", "expiresAt"), ("masa_berlaku", EXACT)),
        (("sertifikat", "nomor"), ("nomor_sertifikat", EXACT)),
        (("skk", "tanggal"), ("tanggal_terbit", EXACT)),
        (("cert", "no"), ("nomor_sertifikat", EXACT)),
        (("certificate", "valid_until"), ("masa_berlaku", EXACT)),
        (("certificates", "number"), ("nomor_sertifikat", EXACT)),  # an array of one certificate
        (("result", "status"), ("hasil", EXACT)),
        (("assessment", "result"), ("hasil", EXACT)),
        (("assessment", "level"), ("jenjang", GUESSED)),
        (("assessment", "date"), (None, 0)),
        (("gender", "label"), ("jenis_kelamin", IN_CONTEXT)),
        (("program", "name"), ("program", EXACT)),
        (("program", "year"), ("tahun", EXACT)),
        # person and wrapper parents are transparent
        (("participant", "full_name"), ("nama", EXACT)),
        (("peserta", "tempatLahir"), ("tempat_lahir", EXACT)),
        (("attributes", "id_number"), ("nik", EXACT)),
        (("data", "attributes", "birth_date"), ("tanggal_lahir", EXACT)),
        (("participant", "certificate", "number"), ("nomor_sertifikat", EXACT)),
        (("certificate", "holder", "name"), ("nama", IN_CONTEXT)),
        # a certificate's other children: levels and occupations yes, its name or status no
        (("certificate", "level"), ("jenjang", IN_CONTEXT)),
        (("certificate", "position"), ("jabatan_kerja", IN_CONTEXT)),
        (("certificate", "status"), (None, 0)),
        # ... but its result is the assessment's
        (("certification", "result"), ("hasil", IN_CONTEXT)),
        (("certificate", "outcome"), ("hasil", IN_CONTEXT)),
        # a code under a level or a result is a guess a label beside it wins over; an occupation's code is no name
        (("level", "code"), ("jenjang", GUESSED)),
        (("jenjang", "kode"), ("jenjang", GUESSED)),
        (("result", "code"), ("hasil", GUESSED)),
        (("certificate", "name"), (None, 0)),
        (("certificate", "id"), (None, 0)),
        # a parent that is a column: its label child is that column
        (("position", "name"), ("jabatan_kerja", EXACT)),  # "position name" is a synonym
        (("position", "title"), ("jabatan_kerja", IN_CONTEXT)),
        (("level", "label"), ("jenjang", IN_CONTEXT)),
        (("occupation", "description"), ("jabatan_kerja", IN_CONTEXT)),
        (("qualification", "title"), ("kualifikasi", IN_CONTEXT)),
        (("position", "code"), (None, 0)),
        # unrelated parents: never the person's fields, never the certificate's
        (("lsp", "name"), (None, 0)),
        (("assessor", "nik"), (None, 0)),
        (("program", "tanggal"), (None, 0)),
        (("lsp", "number"), (None, 0)),
        (("training", "year"), ("tahun", GUESSED)),
        (("payment", "status"), ("hasil", GUESSED)),
        # registration lists name the occupation and level applied for
        (("Jabatan Kerja yang Diajukan",), ("jabatan_kerja", EXACT)),
        (("Skema Sertifikasi",), ("jabatan_kerja", EXACT)),
        (("Jenjang yang Diajukan",), ("jenjang", EXACT)),
        # record ids are no NIK
        (("id",), (None, 0)),
        # GraphQL nodes, Elasticsearch _source, GeoJSON properties wrap the record
        (("node", "fullName"), ("nama", EXACT)),
        (("_source", "id_number"), ("nik", EXACT)),
        (("properties", "certificate", "number"), ("nomor_sertifikat", EXACT)),
        # boolean pass flags
        (("is_competent",), ("hasil", EXACT)),
        (("passed",), ("hasil", EXACT)),
        # an LSP portal's certificate names its skema alone: the jabatan kerja
        (("certificates", "scheme"), ("jabatan_kerja", IN_CONTEXT)),
        (("scheme",), ("jabatan_kerja", EXACT)),
        (("certification_scheme_name",), ("jabatan_kerja", EXACT)),
        # a scheme's code is no occupation
        (("scheme_code",), (None, 0)),
        (("certificate", "scheme", "code"), (None, 0)),
        # KoboToolbox / ODK: a field named by the form's groups and the question, joined by "/"
        (("grp_peserta/nama_lengkap",), ("nama", EXACT)),
        (("identitas/nik",), ("nik", EXACT)),
        (("group_ab12c34/jenis_kelamin",), ("jenis_kelamin", EXACT)),
        (("grp_uji/jenjang",), ("jenjang", EXACT)),
        (("data_sertifikat/nomor",), ("nomor_sertifikat", EXACT)),
        (("grp_kegiatan/tahun_anggaran",), ("tahun", EXACT)),
        (("formhub/uuid",), (None, 0)),
        (("meta/instanceID",), (None, 0)),
        # a relation eager-loaded beside its foreign key (Laravel with('jenjang')): its attributes
        # are their own columns, its label the relation's
        (("jenjang", "kualifikasi"), ("kualifikasi", EXACT)),
        (("jenjang", "nama"), ("jenjang", IN_CONTEXT)),
        (("jenjang", "id"), (None, 0)),
        (("jabatan_kerja", "nama"), ("jabatan_kerja", EXACT)),
        (("jabatan_kerja", "jenjang"), ("jenjang", EXACT)),
        (("jenjang_id",), (None, 0)),
        # a clerk's slash means "or": no form path
        (("Nama/NIK",), (None, 0)),
        (("Tgl/Bln/Thn",), (None, 0)),
    ],
)
def test_canonical_path(path, expected):
    assert canonical_path(path) == expected


@pytest.mark.parametrize(
    ("mapping", "path", "expected"),
    [
        ({"certificate.no_reg": "nomor_sertifikat"}, ("certificate", "no_reg"), ("nomor_sertifikat", EXACT)),
        ({"certificate_no_reg": "nomor_sertifikat"}, ("certificate", "noReg"), ("nomor_sertifikat", EXACT)),
        ({"Worker Name": "nama"}, ("worker_name",), ("nama", EXACT)),
        ({"status": "hasil"}, ("status",), ("hasil", EXACT)),  # the office says so: no longer weak
        ({"lsp.name": "program"}, ("lsp", "name"), ("program", EXACT)),
    ],
)
def test_registry_column_mapping_matches_dotted_names(mapping, path, expected):
    assert canonical_path(path, mapping) == expected


# --- envelopes and shapes ---------------------------------------------------------------

RECORD = {"full_name": "Budi", "id_number": "6472011203850003", "level": "7"}


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"data": [RECORD], "meta": {"page": 1}, "links": {"next": None}}, "data"),
        ({"data": [RECORD], "pagination": {"page": 1, "total": 1}}, "data"),
        ({"results": [RECORD], "count": 1, "next": None}, "results"),
        ({"items": [RECORD], "total": 1}, "items"),
        ({"records": [RECORD]}, "records"),
        ({"content": [RECORD], "totalPages": 3, "number": 0}, "content"),
        ({"value": [RECORD], "@odata.nextLink": "x"}, "value"),
        ({"data": {"items": [RECORD], "total": 1}}, "data.items"),
        ({"participants": [RECORD], "meta": {"page": 1}}, "participants"),
        ({"success": True, "data": {"data": [RECORD], "current_page": 1, "last_page": 1}}, "data.data"),
        ({"data": {"participants": {"nodes": [RECORD], "pageInfo": {"hasNextPage": False}}}}, "data.participants.nodes"),
        ({"data": {"participants": {"edges": [{"node": RECORD, "cursor": "x"}]}}}, "data.participants.edges"),
        ({"hits": {"total": 1, "hits": [{"_id": "a", "_source": RECORD}]}}, "hits.hits"),
        ({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": RECORD}]}, "features"),
        ({"response": {"peserta": [RECORD], "page": 1}, "status": "ok"}, "response.peserta"),
    ],
)
def test_envelopes(tmp_path, document, where):
    assert find_records(document)[1] == where
    path = tmp_path / "page_1.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error is None
    assert submission.rows[["source_row", "nama", "nik", "jenjang"]].values.tolist() == [
        ["1", "Budi", "6472011203850003", "7"]
    ]


def test_json_lines(tmp_path):
    path = tmp_path / "export.json"
    lines = [json.dumps(RECORD), "", json.dumps({**RECORD, "full_name": "Siti"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error is None
    assert submission.rows["nama"].tolist() == ["Budi", "Siti"]


def test_two_lists_of_records_are_ambiguous(tmp_path):
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"participants": [RECORD], "registrants": [{"name": "X"}]}), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error == (
        "office prov-kaltim, file page.json: more than one list of records ('participants', 'registrants'); "
        "cannot tell which holds the participants"
    )


def test_participants_beside_the_assessors_list(tmp_path):
    # the assessors' list is the assessment's own people, as a sheet "Asesor" is (blind world 4's probe)
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"participants": [RECORD], "assessors": [{"name": "X"}]}), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.error is None
    assert submission.rows["nama"].tolist() == ["Budi"]


def test_arrays_of_objects(tmp_path):
    records = [
        {**RECORD, "certificate": [{"number": "1.2.3", "issued_at": "2024-03-12"}]},  # one object: read
        {**RECORD, "certificate": []},  # empty: nothing
        {**RECORD, "certificate": [{"number": "4.5.6"}, {"number": "7.8.9"}]},  # several: one row each
        {**RECORD, "phones": [{"type": "hp", "no": "0812"}, {"type": "rumah", "no": "0541"}]},  # not certificates: text
    ]
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"data": records}), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.rows[["source_sheet", "source_row", "nomor_sertifikat", "tanggal_terbit"]].values.tolist() == [
        ["", "1", "1.2.3", "2024-03-12"],
        ["", "2", None, None],
        ["", "4", None, None],
        ["certificate[1]", "3", "4.5.6", None],
        ["certificate[2]", "3", "7.8.9", None],
    ]
    assert [sheet.sheet for sheet in submission.sheets] == ["", "certificate[1]", "certificate[2]"]
    assert submission.sheets[0].note == "field 'phones' holds several objects in 1 record(s); kept as text"


def test_a_person_with_several_certificates_gives_a_row_for_each(tmp_path):
    """A person-centred export: the person's fields on every row, one row per certificate."""
    person = {"nama": "Budi Santoso", "nik": "6408015203850012",
              "sertifikat": [{"nomor": "SKK-1", "jenjang": 3, "jabatan_kerja": "Tukang Besi"},
                             {"nomor": "SKK-2", "jenjang": 4, "jabatan_kerja": "Mandor"}]}
    path = tmp_path / "pemegang.json"
    path.write_text(json.dumps({"data": [person]}), encoding="utf-8")
    submission = read_submission(path, office())
    assert submission.rows[["source_sheet", "source_row", "nama", "nik", "nomor_sertifikat", "jenjang"]].values.tolist() == [
        ["sertifikat[1]", "1", "Budi Santoso", "6408015203850012", "SKK-1", "3"],
        ["sertifikat[2]", "1", "Budi Santoso", "6408015203850012", "SKK-2", "4"],
    ]


def test_equally_sure_fields_fill_each_others_gaps(tmp_path):
    records = [
        {"name": "A", "position": "Juru Ukur", "status": "active", "assessment_result": None},
        {"name": "B", "job_title": "Tukang Batu", "status": "active", "assessment_result": "competent"},
    ]
    path = tmp_path / "page.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    submission = read_submission(path, office())
    # "status" is weaker than "assessment_result": it never fills in for an empty result
    assert submission.rows[["jabatan_kerja", "hasil"]].values.tolist() == [
        ["Juru Ukur", None],
        ["Tukang Batu", "competent"],
    ]
    assert submission.sheets[0].columns == {"nama": "name", "jabatan_kerja": "position", "hasil": "assessment_result"}


# --- end to end: a province portal's two-page English export ------------------------------------

PAGE_1 = {
    "data": [
        {
            "id": 101, "full_name": "BUDI SANTOSO, S.T.", "id_number": "6472011203850003", "gender": "male",
            "birth_place": "SAMARINDA", "birth_date": "1985-03-12T00:00:00+08:00",
            "position": "Ahli Muda Teknik Jalan", "qualification": "Ahli", "level": "KKNI Level 7",
            "assessment_result": "competent", "status": "verified",
            "certificate": {
                "number": "1.2.3.4.5", "issued_at": "2024-03-12T00:00:00+08:00",
                "expires_at": "2029-03-12T00:00:00+08:00", "status": "active",
            },
            "program": {"name": "Pelatihan dan Sertifikasi Ahli Tahap I", "year": 2024},
            "lsp": {"name": "LSP Gataki"},
        },
        {
            "id": 102, "full_name": "Siti Aminah", "id_number": "6472015203900004", "gender": "F",
            "birth_place": "Balikpapan", "birth_date": "1990-03-11T16:00:00.000Z",  # WITA midnight stored in UTC
            "job_title": "Juru Ukur", "level": "Level III", "assessment_result": "not yet competent",
            "status": "verified", "certificate": None,
            "program": {"name": "Pelatihan dan Sertifikasi Ahli Tahap I", "year": 2024},
            "lsp": {"name": "LSP Gataki"},
        },
        {  # registered, not assessed yet: a participation row
            "id": 103, "full_name": "rahmat hidayat", "id_number": "6472010506920005", "gender": "M",
            "birth_place": "Samarinda", "birth_date": "1992-06-05", "position": "Operator Excavator",
            "level": None, "assessment_result": None, "status": "registered", "certificate": {},
            "program": {"name": "Pelatihan dan Sertifikasi Ahli Tahap I", "year": 2024},
        },
    ],
    "meta": {"current_page": 1, "per_page": 3, "total": 6, "last_page": 2},
    "links": {"next": "https://simpk.example.go.id/api/peserta?page=2"},
}  # fmt: skip
PAGE_2 = {
    "data": [
        {
            # a JSON integer above 2**53, even, as a double (a JavaScript writer) would hold it: nothing
            # on the page shows the writer kept integers, so its 16th digit is not trusted
            "id": 104, "full_name": "YULIANA WENDA", "id_number": 9101014506900002,
            "gender": "female", "birth_place": "Jayapura", "birth_date": "1990-06-05T00:00:00+09:00",
            "position": "Ahli Madya Teknik Jembatan", "qualification": "Ahli", "level": 8,
            "assessment_result": "Competent", "status": "verified",
            "certificate": [{"number": "9.8.7.6", "issued_at": "2024-03-11T16:00:00Z", "expires_at": "2029-03-11T16:00:00Z"}],
            "program": {"name": "Pelatihan dan Sertifikasi Ahli Tahap II", "year": 2024},
        },
        {
            "id": 105, "full_name": "Agus Salim", "id_number": "6472011707880006", "gender": "Male",
            "birth_place": "Tenggarong", "birth_date": "1988-07-17T00:00:00+07:00", "job_title": "Manajer Proyek",
            "level": "Junior Expert", "assessment_result": "NOT_COMPETENT", "status": "verified",
            "program": {"name": "Pelatihan dan Sertifikasi Ahli Tahap II", "year": 2024},
        },
        {
            "id": 106, "full_name": "Dewi Lestari", "id_number": "6472016209910007", "gender": "female",
            "birth_place": "Samarinda", "birth_date": "1991-09-22T00:00:00+08:00",
            "position": "Pelaksana Lapangan Pekerjaan Gedung", "level": "6", "assessment_result": "pending",
            "status": "verified", "certificate": {"number": None},
            "program": {"name": "Pelatihan dan Sertifikasi Ahli Tahap II", "year": 2024},
        },
    ],
    "pagination": {"page": 2, "per_page": 3, "total": 6},
}  # fmt: skip


def person(**values) -> dict:
    row = {column: None for column in OUTPUT_COLUMNS}
    row.update(nik_status="valid", flags="", tahun=2024)
    row.update(values)
    return row


TAHAP_I = "Pelatihan dan Sertifikasi Ahli Tahap I"
TAHAP_II = "Pelatihan dan Sertifikasi Ahli Tahap II"
EXPECTED = {
    ("peserta_page_1.json", "1"): person(
        nik="6472011203850003", nama="Budi Santoso", gelar="S.T.", nama_kunci="budi santoso",
        tempat_lahir="Samarinda", tanggal_lahir=date(1985, 3, 12), jenis_kelamin="L",
        jabatan_kerja="Ahli Muda Teknik Jalan", jenjang=7, kualifikasi="Ahli", hasil="Kompeten",
        nomor_sertifikat="1.2.3.4.5", tanggal_terbit=date(2024, 3, 12), masa_berlaku=date(2029, 3, 12),
        program=TAHAP_I,
    ),
    ("peserta_page_1.json", "2"): person(
        nik="6472015203900004", nama="Siti Aminah", nama_kunci="siti aminah", tempat_lahir="Balikpapan",
        tanggal_lahir=date(1990, 3, 12), jenis_kelamin="P", jabatan_kerja="Juru Ukur", jenjang=3,
        kualifikasi="Operator", hasil="Belum Kompeten", program=TAHAP_I,
    ),
    ("peserta_page_1.json", "3"): person(
        nik="6472010506920005", nama="Rahmat Hidayat", nama_kunci="rahmat hidayat", tempat_lahir="Samarinda",
        tanggal_lahir=date(1992, 6, 5), jenis_kelamin="L", jabatan_kerja="Operator Excavator",
        program=TAHAP_I, flags="participation_only",
    ),
    ("peserta_page_2.json", "1"): person(
        nik=None, nik_status="excel_truncated", nik_partial="910101450690000", flags="nik_excel_truncated",
        nama="Yuliana Wenda", nama_kunci="yuliana wenda", tempat_lahir="Jayapura",
        tanggal_lahir=date(1990, 6, 5), jenis_kelamin="P", jabatan_kerja="Ahli Madya Teknik Jembatan",
        jenjang=8, kualifikasi="Ahli", hasil="Kompeten", nomor_sertifikat="9.8.7.6",
        tanggal_terbit=date(2024, 3, 12), masa_berlaku=date(2029, 3, 12), program=TAHAP_II,
    ),
    ("peserta_page_2.json", "2"): person(
        nik="6472011707880006", nama="Agus Salim", nama_kunci="agus salim", tempat_lahir="Tenggarong",
        tanggal_lahir=date(1988, 7, 17), jenis_kelamin="L", jabatan_kerja="Manajer Proyek", jenjang=7,
        kualifikasi="Ahli", hasil="Belum Kompeten", program=TAHAP_II,
    ),
    ("peserta_page_2.json", "3"): person(
        nik="6472016209910007", nama="Dewi Lestari", nama_kunci="dewi lestari", tempat_lahir="Samarinda",
        tanggal_lahir=date(1991, 9, 22), jenis_kelamin="P", jabatan_kerja="Pelaksana Lapangan Pekerjaan Gedung",
        jenjang=6, kualifikasi="Teknisi/Analis", program=TAHAP_II,
    ),
}  # fmt: skip




def test_english_export_end_to_end(tmp_path):
    """Two pages of a province portal's export, with no registry override: every row standardized exactly."""
    got = {}
    for name, page in (("peserta_page_1.json", PAGE_1), ("peserta_page_2.json", PAGE_2)):
        path = tmp_path / name
        path.write_text(json.dumps(page, indent=1), encoding="utf-8")
        submission = read_submission(path, office())
        assert submission.error is None
        assert submission.sheets[0].columns == {
            "nama": "full_name", "nik": "id_number", "jenis_kelamin": "gender", "tempat_lahir": "birth_place",
            "tanggal_lahir": "birth_date", "jabatan_kerja": "position", "kualifikasi": "qualification",
            "jenjang": "level", "hasil": "assessment_result", "nomor_sertifikat": "certificate.number",
            "tanggal_terbit": "certificate.issued_at", "masa_berlaku": "certificate.expires_at",
            "program": "program.name", "tahun": "program.year",
        }  # fmt: skip
        result = standardize_submission(submission.rows, reference_date=REFERENCE)
        assert len(result.rows) + len(result.quarantine) == len(page["data"])
        assert result.quarantine.empty
        for row in result.rows.to_dict("records"):
            got[(row["source_file"], row["source_row"])] = {c: _plain(row[c]) for c in OUTPUT_COLUMNS}
    assert got == EXPECTED
    certified = {key for key, row in got.items() if row["hasil"] == "Kompeten" and row["jenjang"] is not None}
    assert certified == {("peserta_page_1.json", "1"), ("peserta_page_2.json", "1")}


def test_english_export_with_office_mapping_for_its_own_names(tmp_path):
    """An office's column_mapping names nested fields the way the export writes them."""
    page = {
        "items": [
            {
                "worker": {"nm": "Budi", "ktp": "6472011203850003"},
                "cert": {"reg_no": "1.2.3", "date": "2024-03-12T00:00:00+08:00"},
                "grade": "Senior Expert",
                "outcome": "Competent",
            }
        ]
    }
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    mapping = {"worker.nm": "nama", "cert.reg_no": "nomor_sertifikat", "grade": "jenjang"}
    submission = read_submission(path, office(column_mapping=mapping))
    rows = standardize_submission(submission.rows, reference_date=REFERENCE).rows
    assert rows[["nama", "nik", "nomor_sertifikat", "jenjang", "hasil"]].values.tolist() == [
        ["Budi", "6472011203850003", "1.2.3", 9, "Kompeten"]
    ]
    assert rows["tanggal_terbit"].dt.date.tolist() == [date(2024, 3, 12)]


@pytest.mark.parametrize(
    ("header", "column"),
    [
        # a KoboToolbox CSV export heads its columns with the question's path
        ("grp_peserta/nama_lengkap", "nama"),
        ("grp_peserta/nik", "nik"),
        ("grp_uji/hasil_asesmen", "hasil"),
        # clerks' headers with a slash keep their old reading
        ("Tgl/Bln/Thn", None),
        ("No/Tgl", None),
        ("Catatan/Ket", None),
        ("Angkatan/Tahun", None),
        ("No KTP/NIK", "nik"),
        ("L/P", "jenis_kelamin"),
    ],
)
def test_form_paths_as_csv_headers(header, column):
    from sources.headers import canonical_column
    assert canonical_column(header) == column


def test_eager_loaded_relations(tmp_path):
    # a Laravel panel's API with its relations loaded: foreign keys whose ids are no levels
    records = [{"id": 1001, "nama_lengkap": "ANDI BASO RAHMAN", "nik": "7271010403880001", "jenjang_id": 13,
                "jabatan_kerja_id": 44, "hasil_asesmen": "Kompeten",
                "jenjang": {"id": 13, "nama": "Jenjang 3", "kualifikasi": "Operator"},
                "jabatan_kerja": {"id": 44, "kode": "F.44.03", "nama": "Operator Excavator"}},
               {"id": 1002, "nama_lengkap": "RAHMAT LASARI", "nik": "7271062802850002", "jenjang_id": 14,
                "jabatan_kerja_id": 45, "hasil_asesmen": "Kompeten",
                "jenjang": {"id": 14, "nama": "Jenjang 4", "kualifikasi": "Teknisi/Analis"},
                "jabatan_kerja": {"id": 45, "kode": "F.45.04", "nama": "Mandor Pekerjaan Jalan"}}]
    (tmp_path / "api.json").write_text(json.dumps({"current_page": 1, "data": records, "total": 2}))
    rows = read_submission(tmp_path / "api.json", office()).rows
    assert [tuple(r) for r in rows[["jenjang", "kualifikasi", "jabatan_kerja"]].itertuples(index=False)] == [
        ("Jenjang 3", "Operator", "Operator Excavator"), ("Jenjang 4", "Teknisi/Analis", "Mandor Pekerjaan Jalan")]


@pytest.mark.parametrize(
    ("header", "column"),
    [
        # SharePoint, ADO.NET, Power Automate: XML names escape a space as _x0020_, a dot as _x002e_
        ("Nama_x0020_Lengkap", "nama"),
        ("No_x0020_KTP", "nik"),
        ("No_x002e__x0020_KTP", "nik"),
        ("Jenjang_x0020_KKNI", "jenjang"),
        ("Hasil_x0020_Uji", "hasil"),
        ("Tanggal_x0020_Terbit", "tanggal_terbit"),
        ("L_x002f_P", "jenis_kelamin"),
        # an "_x" that is no escape stays as written
        ("box_x", None),
    ],
)
def test_xml_name_escapes_in_headers(header, column):
    from sources.headers import canonical_column
    assert canonical_column(header) == column
    assert canonical_path((header,))[0] == column
