"""File-level oddities of text exports: NUL padding, encodings the file does not declare (or
declares wrongly), and files whose extension names another format."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from sources.formats import SubmissionRejected, detect_format, without_nuls
from sources.readers import read_submission
from sources.registry import Office, ReaderOptions


def office() -> Office:
    return Office(id="kab-kutai-timur", name="Dinas PUPR Kabupaten Kutai Timur", level="regency",
                  region_code="64.08", landing="kab-kutai-timur", reader=replace(ReaderOptions()))


HEADER = ["Nama Lengkap", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"]
PEOPLE = [
    ["René Ma’ruf", "6408011203850001", "Operator Excavator", "3", "Kompeten"],
    ["Siti Aminah", "6408035507900002", "Mandor", "4", "Belum Kompeten"],
]
EXPECTED = [tuple(person[:2]) + (person[3], person[4]) for person in PEOPLE]


def csv_text() -> str:
    return "\r\n".join(";".join(row) for row in [HEADER, *PEOPLE]) + "\r\n"


def json_text() -> str:
    return json.dumps([dict(zip(HEADER, person)) for person in PEOPLE], ensure_ascii=False)


def html_text() -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [HEADER, *PEOPLE])
    return f"<html><body><table>{cells}</table></body></html>"


def spreadsheetml_text(declaration: str = '<?xml version="1.0"?>') -> str:
    rows = "".join("<Row>" + "".join(f'<Cell><Data ss:Type="String">{c}</Data></Cell>' for c in row) + "</Row>"
                   for row in [HEADER, *PEOPLE])
    return (f'{declaration}\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            f'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Peserta"><Table>'
            f"{rows}</Table></Worksheet></Workbook>")


def read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_submission(path, office())


def people(submission):
    assert submission.error is None, submission.error
    return [tuple(r) for r in submission.rows[["nama", "nik", "jenjang", "hasil"]].itertuples(index=False)]


FILES = {
    "csv": ("peserta.csv", lambda: csv_text().encode("utf-8")),
    "csv-cp1252": ("peserta.csv", lambda: csv_text().encode("cp1252")),
    "csv-utf16": ("peserta.txt", lambda: csv_text().replace(";", "\t").encode("utf-16")),
    "json": ("peserta.json", lambda: json_text().encode("utf-8")),
    "json-utf16le": ("peserta.json", lambda: json_text().encode("utf-16-le")),
    "html-as-xls": ("peserta.xls", lambda: html_text().encode("utf-8")),
    "spreadsheetml": ("peserta.xls", lambda: spreadsheetml_text().encode("utf-8")),
}
PADDING = {
    "tail": lambda data: data + bytes(3000),  # a preallocated download that stopped short
    "head": lambda data: bytes(512) + data,
    "both": lambda data: bytes(4096) + data + bytes(4096),
}


@pytest.mark.parametrize("padding", list(PADDING))
@pytest.mark.parametrize("kind", list(FILES))
def test_nul_padding_is_not_part_of_the_file(tmp_path, kind, padding):
    name, build = FILES[kind]
    assert people(read(tmp_path, name, PADDING[padding](build()))) == EXPECTED


def test_a_stray_nul_inside_a_csv_cell_is_dropped(tmp_path):
    data = csv_text().replace("Mandor", "Man\x00dor").encode("utf-8")
    submission = read(tmp_path, "peserta.csv", data)
    assert people(submission) == EXPECTED
    assert submission.rows["jabatan_kerja"].tolist() == ["Operator Excavator", "Mandor"]


@pytest.mark.parametrize(
    "data, reason",
    [
        (bytes(8192), "only NUL bytes (8,192 bytes of zeros): a download or copy that never completed"),
        (b"1603011201900001\x00\x00 not a spreadsheet",
         "unknown format: binary data starting 31 36 30 33 30 31 31 32, not an xlsx, xls, csv or json file"),
        (b"SQLite format 3\x00" + bytes(84) + b"\x0d\x00\x00\x00\x01\x0f\xc5\x00" * 40,
         "unknown format: binary data starting 53 51 4c 69 74 65 20 66, not an xlsx, xls, csv or json file"),
    ],
    ids=["all-zeros", "few-bytes-with-nuls", "sqlite"],
)
def test_zeros_and_binary_data_are_still_rejected(data, reason):
    with pytest.raises(SubmissionRejected) as rejected:
        detect_format(data, "peserta.csv")
    assert str(rejected.value).startswith(reason)


@pytest.mark.parametrize(
    "data, text",
    [
        (b"\x00\x00a;b\x00\x00\x00", b"a;b"),
        (b"a;\x00b", b"a;b"),
        ("Nama;NIK".encode("utf-16-le") + bytes(5), "Nama;NIK".encode("utf-16-le")),
        (bytes(4) + "Nama;NIK".encode("utf-16-be"), "Nama;NIK".encode("utf-16-be")),
        (b"\xff\xfe" + "a\x00b".encode("utf-16-le"), b"\xff\xfe" + "a\x00b".encode("utf-16-le")),
        (b"PK\x03\x04\x00\x00", b"PK\x03\x04\x00\x00"),
    ],
    ids=["8-bit-ends", "8-bit-inside", "utf16le-tail", "utf16be-head", "utf16-inside-kept", "zip-untouched"],
)
def test_without_nuls(data, text):
    assert without_nuls(data) == text


@pytest.mark.parametrize(
    "data, note",
    [
        (json_text().encode("cp1252"), "JSON not in UTF-8: read as windows-1252"),
        # UTF-8 with one name pasted from a Windows-1252 source
        (json_text().replace("René", "Ren\udce9").encode("utf-8", "surrogateescape"),
         "JSON not in UTF-8: read as utf-8 (some bytes windows-1252)"),
        (b"\xef\xbb\xbf" + json_text().encode("utf-8"), ""),
    ],
    ids=["cp1252", "utf8-with-a-cp1252-byte", "utf8-bom"],
)
def test_json_in_windows_1252_is_read(tmp_path, data, note):
    submission = read(tmp_path, "peserta.json", data)
    assert people(submission) == EXPECTED
    assert submission.sheets[0].note == note


@pytest.mark.parametrize(
    "declaration, encoding, note",
    [
        ('<?xml version="1.0"?>', "utf-8", ""),
        ('<?xml version="1.0" encoding="windows-1252"?>', "cp1252", ""),
        ('<?xml version="1.0" encoding="ISO-8859-1"?>', "cp1252", ""),  # 0x92 is the curly quote, as browsers read it
        ('<?xml version="1.0" encoding="windows-1252"?>', "utf-8", "declared windows-1252, read as utf-8"),
        ('<?xml version="1.0" encoding="ISO-8859-1"?>', "utf-8", "declared ISO-8859-1, read as utf-8"),
        ('<?xml version="1.0" encoding="UTF-8"?>', "cp1252", "declared UTF-8, read as windows-1252"),
        ("", "cp1252", "declared no encoding (UTF-8), read as windows-1252"),
        ('<?xml version="1.0" encoding="UTF-16"?>', "utf-8", "declared UTF-16, read as utf-8"),
        ('<?xml version="1.0" encoding="UTF-8"?>', "utf-16", ""),
    ],
    ids=["utf8-undeclared", "cp1252", "latin1-label", "utf8-declared-cp1252", "utf8-declared-latin1",
         "cp1252-declared-utf8", "cp1252-undeclared", "utf8-declared-utf16", "utf16"],
)
def test_spreadsheetml_is_read_in_the_encoding_of_its_bytes(tmp_path, declaration, encoding, note):
    submission = read(tmp_path, "export.xls", spreadsheetml_text(declaration).encode(encoding))
    assert people(submission) == EXPECTED
    assert submission.sheets[0].note == note


def test_spreadsheetml_ascii_under_any_declaration_has_no_note(tmp_path):
    text = spreadsheetml_text('<?xml version="1.0" encoding="windows-1252"?>').replace("René Ma’ruf", "Rene Maruf")
    submission = read(tmp_path, "export.xls", text.encode("ascii"))
    assert people(submission)[0][0] == "Rene Maruf"
    assert submission.sheets[0].note == ""
