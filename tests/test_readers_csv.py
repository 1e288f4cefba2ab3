"""CSV submissions: encodings, delimiters, physical line numbers, title and footer rows."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import replace

import pytest

from sources.readers import SheetReport, read_submission
from sources.readers.csv_reader import decode, parse, sniff_delimiter
from sources.registry import Office, ReaderOptions

LOOKED_FOR = (
    "looked for nama (nama / nama lengkap / nama peserta / nama tenaga kerja, ...); "
    "nik (nik / no ktp / nomor ktp / no ktp nik, ...)"
)


def office(**reader) -> Office:
    return Office(
        id="kota-palembang",
        name="Dinas PUPR Kota Palembang",
        level="city",
        region_code="16.71",
        landing="kota-palembang",
        reader=replace(ReaderOptions(), **reader),
    )


def records(submission, *columns):
    columns = columns or ("source_sheet", "source_row", "nama", "nik")
    return [tuple(row) for row in submission.rows[list(columns)].itertuples(index=False)]


# Exported from an Indonesian-locale Excel: ';', windows-1252, CRLF, title rows,
# a quoted birth place with a line break in it, a total row and a signature block.
PALEMBANG = (
    "DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI;;;;;;\r\n"  # 1
    "DINAS PUPR KOTA PALEMBANG TAHUN 2025;;;;;;\r\n"  # 2
    ";;;;;;\r\n"  # 3
    "No;Nama;NIK;Tempat/Tgl Lahir;Jabatan Kerja;Jenjang;Keterangan\r\n"  # 4
    "1;2;3;4;5;6;7\r\n"  # 5
    "1;Sutrisno, S.T.;6471015203850012;Palembang, 12-03-1985;Ahli Muda Teknik Jalan;7;Kompeten\r\n"  # 6
    '2;"Andi Rahmán";6471015203850013;"Prabumulih,\r\n'  # 7
    ' 01-02-1990";Mandor;3;"Kompeten; cadangan"\r\n'  # 8
    ";;;;;;\r\n"  # 9
    "3;Ma’ruf Amin;6,47102E+15;Palembang, 5-6-1991;Juru Ukur;2;Belum Kompeten\r\n"  # 10
    "Jumlah;;;;;;3\r\n"  # 11
    ";;;;;;\r\n"  # 12
    "Palembang, 20 Desember 2025;;;;;;\r\n"  # 13
    "Kepala Dinas PUPR Kota Palembang;;;;;;\r\n"  # 14
)


def test_windows_1252_semicolon_export(tmp_path):
    path = tmp_path / "peserta_2025.csv"
    path.write_bytes(PALEMBANG.encode("cp1252"))
    submission = read_submission(path, office())

    assert submission.error is None
    assert submission.format == "csv"
    assert records(
        submission, "source_sheet", "source_row", "nama", "nik", "tempat_tanggal_lahir", "jabatan_kerja",
        "jenjang", "hasil",
    ) == [
        ("", "6", "Sutrisno, S.T.", "6471015203850012", "Palembang, 12-03-1985", "Ahli Muda Teknik Jalan", "7",
         "Kompeten"),
        ("", "7", "Andi Rahmán", "6471015203850013", "Prabumulih,\r\n 01-02-1990", "Mandor", "3",
         "Kompeten; cadangan"),
        ("", "10", "Ma’ruf Amin", "6,47102E+15", "Palembang, 5-6-1991", "Juru Ukur", "2", "Belum Kompeten"),
    ]  # fmt: skip
    assert submission.sheets == [
        SheetReport(
            sheet="",
            header_row=4,
            columns={
                "nama": "Nama",
                "nik": "NIK",
                "tempat_tanggal_lahir": "Tempat/Tgl Lahir",
                "jabatan_kerja": "Jabatan Kerja",
                "jenjang": "Jenjang",
                "hasil": "Keterangan",
            },
            rows=3,
            skipped={"column_numbers": 1, "blank": 2, "total": 1, "footer": 2},
            title="DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI | DINAS PUPR KOTA PALEMBANG TAHUN 2025",
            tahun_from="title",
        )
    ]
    assert set(submission.rows["tahun"]) == {"2025"}


ROWS = [
    ["Nama Lengkap", "No. KTP", "Jabatan Kerja", "Hasil Uji"],
    ["Dedi Kurniawan, S.T.", "1671015203850012", "Pelaksana Lapangan", "Kompeten"],
    ["Rina", "1671015203850013", 'Juru "Ukur"', "Belum Kompeten"],
]
EXPECTED = [
    ("2", "Dedi Kurniawan, S.T.", "1671015203850012", "Pelaksana Lapangan", "Kompeten"),
    ("3", "Rina", "1671015203850013", 'Juru "Ukur"', "Belum Kompeten"),
]


@pytest.mark.parametrize(
    "delimiter, encoding",
    [
        (",", "utf-8"),
        (",", "utf-8-sig"),
        (";", "cp1252"),
        ("\t", "utf-16"),  # Excel's "Unicode Text" export
        ("|", "utf-8"),
    ],
)
def test_sniffed_encodings_and_delimiters(tmp_path, delimiter, encoding):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(ROWS)
    path = tmp_path / "peserta.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    submission = read_submission(path, office())
    assert submission.error is None
    assert records(submission, "source_row", "nama", "nik", "jabatan_kerja", "hasil") == EXPECTED


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (b"Nama;NIK\r\nAndi Rahm\xe1n;1\r\n", "Nama;NIK\r\nAndi Rahmán;1\r\n", "windows-1252"),
        ("Nama;NIK\nAndi Rahmán;1\n".encode(), "Nama;NIK\nAndi Rahmán;1\n", "utf-8"),
        (b"\xef\xbb\xbfNama;NIK\n", "Nama;NIK\n", "utf-8"),
        (b"Nama\x81;NIK\n", "Nama\x81;NIK\n", "windows-1252"),  # a byte cp1252 leaves undefined
    ],
)
def test_decode(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    "text, delimiter",
    [
        ("Nama;NIK;Nilai\nBudi;1;2,5\nSiti;2;3,5\n", ";"),  # decimal commas
        ('Nama,NIK,Jabatan\n"Budi, S.T.",1,"Mandor; Tukang"\nSiti,2,Juru Ukur\n', ","),
        ("DAFTAR PESERTA\n\nNama\tNIK\tJabatan\nBudi, S.T.\t1\tMandor\nSiti\t2\tJuru Ukur\n", "\t"),
        ("Nama|NIK|Jabatan\nBudi|1|Mandor\n", "|"),
        ("Nama;NIK;Tempat, Tgl Lahir\nBudi, S.T.;1;Sangatta, 1985\nSiti;2;Bontang\n", ";"),
    ],
)
def test_sniff_delimiter(text, delimiter):
    assert sniff_delimiter(text) == delimiter


@pytest.mark.parametrize(
    "text, rows, starts, lines",
    [
        ("a;b\r\nc;d\r\n", [["a", "b"], ["c", "d"]], [1, 2], 2),
        ("a;b\rc;d", [["a", "b"], ["c", "d"]], [1, 2], 2),  # old Mac line ends, no final line break
        ("a;b\n\nc;d\n", [["a", "b"], [], ["c", "d"]], [1, 2, 3], 3),
        ('a;b\n"x\ny\nz";1\n\nc;d\n', [["a", "b"], ["x\ny\nz", "1"], [], ["c", "d"]], [1, 2, 5, 6], 6),
        ('a;"b\r\nc"\r\nd;e', [["a", "b\r\nc"], ["d", "e"]], [1, 3], 3),
    ],
)
def test_parse_tracks_physical_lines(text, rows, starts, lines):
    assert parse(text, ";") == (rows, starts, lines)


LEGEND_THEN_TABLE = (
    "Keterangan kolom;;\n"  # 1
    "Nama;NIK;\n"  # 2: a legend that looks like a header
    "Nama lengkap sesuai KTP;16 digit;\n"  # 3
    ";;\n"  # 4
    "No;Nama Peserta;NIK\n"  # 5
    "1;Budi;1671015203850012\n"  # 6
)


@pytest.mark.parametrize(
    "reader, expected",
    [
        # detected: the legend is taken for a header first (its second line, "Nama lengkap sesuai
        # KTP", is a name header too), then the real header below it starts the table that counts
        (
            {},
            [("", "6", "Budi", "1671015203850012")],
        ),
        ({"header_row": 5}, [("", "6", "Budi", "1671015203850012")]),
    ],
)
def test_registry_header_row_is_a_line_number(tmp_path, reader, expected):
    path = tmp_path / "legend.csv"
    path.write_text(LEGEND_THEN_TABLE, encoding="utf-8")
    submission = read_submission(path, office(**reader))
    assert records(submission) == expected


def test_registry_delimiter_and_encoding_are_used(tmp_path):
    path = tmp_path / "peserta.csv"
    path.write_bytes(PALEMBANG.encode("cp1252"))
    submission = read_submission(path, office(delimiter=";", encoding="cp1252"))
    assert [r[1] for r in records(submission)] == ["6", "7", "10"]

    wrong = read_submission(path, office(delimiter=";", encoding="utf-8"))
    offset = PALEMBANG.encode("cp1252").index(b"\xe1")
    assert wrong.error == (
        "office kota-palembang, file peserta.csv: cannot decode as utf-8 (set in the registry): "
        f"byte 0xe1 at offset {offset}"
    )


def test_a_file_in_another_delimiter_than_the_registry_says_is_read_with_its_own(tmp_path):
    """A portal export (comma) from an office whose own sheets use ';'."""
    path = tmp_path / "export_portal.csv"
    path.write_text('nama,nik,jenjang,hasil\r\nBudi Santoso,"1671015203850012",3,Kompeten\r\n', encoding="utf-8")
    submission = read_submission(path, office(delimiter=";"))
    assert submission.error is None
    assert [(r[2], r[3]) for r in records(submission)] == [("Budi Santoso", "1671015203850012")]
    assert submission.sheets[0].note == "the registry's delimiter ';' found no header, read with ','"


@pytest.mark.parametrize(
    "content, error",
    [
        (
            "REKAP PESERTA;;\r\nJabatan;Jumlah\r\nMandor;3\r\n".encode("cp1252"),
            "no header row with a name or NIK column in the first 30 rows "
            f"(read as utf-8 with delimiter ';'); {LOOKED_FOR}",
        ),
        (
            "Nama;NIK;Jabatan\r\n;;\r\nMengetahui,;;\r\nKepala Dinas;;\r\n".encode("cp1252"),
            "header found at row 1 but no participant rows below it (skipped: 1 blank, 2 footer)",
        ),
        (b"\r\n\r\n", f"no header row with a name or NIK column in the first 30 rows "
                      f"(read as utf-8 with delimiter ','); {LOOKED_FOR}"),
        (b'Nama;NIK\r\n"Budi;' + b"x" * 140_000 + b"\r\n",
         "cannot parse as CSV near line 2: field larger than field limit (131072) (an unclosed quote?)"),
    ],
    ids=["no-header", "header-no-rows", "only-blank-lines", "unclosed-quote"],
)
def test_rejected_csv(tmp_path, content, error):
    path = tmp_path / "peserta.csv"
    path.write_bytes(content)
    submission = read_submission(path, office())
    assert submission.error == "office kota-palembang, file peserta.csv: " + error
    assert len(submission.rows) == 0


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("René;Ma’ruf".encode("utf-8"), "René;Ma’ruf", "utf-8"),
        ("René;Ma’ruf".encode("cp1252"), "René;Ma’ruf", "windows-1252"),
        # UTF-8 with one non-breaking space pasted from a Windows-1252 sheet: only that byte is cp1252
        ("René;Ma’ruf".encode("utf-8") + b"\xa0;Rahm" + "á".encode("cp1252") + b"n",
         "René;Ma’ruf\xa0;Rahmán", "utf-8 (some bytes windows-1252)"),
        (codecs.BOM_UTF8 + "Dédé".encode("utf-8") + b"\x92s", "Dédé’s", "utf-8 (some bytes windows-1252)"),
    ],
)
def test_decode_reads_each_byte_in_the_encoding_it_was_written_in(data, text, encoding):
    assert decode(data) == (text, encoding)


UTF16_EXPORTS = {
    # name -> (file text, format the bytes say)
    "peserta.txt": ("Nama\tNIK\r\nRené Sitompul\t1671011203850001\r\n", "csv"),
    "peserta.json": ('[{"nama": "René Sitompul", "nik": "1671011203850001"}]', "json"),
    "export.xls": ("<html><body><table><tr><td>Nama</td><td>NIK</td></tr>"
                   "<tr><td>René Sitompul</td><td>1671011203850001</td></tr></table></body></html>", "html"),
    "export2003.xls": ('<?xml version="1.0" encoding="UTF-16"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
                       'spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="P">'
                       '<Table><Row><Cell><Data ss:Type="String">Nama</Data></Cell><Cell><Data ss:Type="String">NIK'
                       '</Data></Cell></Row><Row><Cell><Data ss:Type="String">René Sitompul</Data></Cell><Cell>'
                       '<Data ss:Type="String">1671011203850001</Data></Cell></Row></Table></Worksheet></Workbook>',
                       "spreadsheetml"),
}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])  # with a byte-order mark, and without one
@pytest.mark.parametrize("name", sorted(UTF16_EXPORTS))
def test_utf16_exports_are_read_as_what_they_are(tmp_path, name, codec):
    """Excel's "Unicode Text" CSV, and JSON, HTML and Excel 2003 XML from systems that write UTF-16."""
    from sources.formats import detect_format

    text, fmt = UTF16_EXPORTS[name]
    path = tmp_path / name
    path.write_bytes(text.encode(codec))
    assert detect_format(path.read_bytes(), name) == fmt
    submission = read_submission(path, office())
    assert submission.error is None
    assert submission.rows[["nama", "nik"]].values.tolist() == [["René Sitompul", "1671011203850001"]]


@pytest.mark.parametrize("preamble_lines", [35, 120, 299])
def test_header_below_a_letter_exported_above_the_list(tmp_path, preamble_lines):
    """A CSV saved from a sheet with the cover letter above the list (nomor, lampiran, perihal,
    paragraphs): the header was looked for in the first 30 lines only and the file rejected."""
    letter = ["Nomor : 600/123/PUPR/2025", "Lampiran : 1 (satu) berkas", "Perihal : Daftar Peserta Sertifikasi"]
    letter += [f"Paragraf surat baris {k};;" for k in range(preamble_lines - len(letter))]
    body = ["Nama;NIK;Hasil", "Siti Aminah;1671015203850002;Kompeten", "Agus Salim;1671011505900003;Belum Kompeten"]
    path = tmp_path / "surat_dan_daftar.csv"
    path.write_text("\r\n".join(letter + body) + "\r\n", encoding="utf-8")
    submission = read_submission(path, office())
    assert records(submission, "source_row", "nama", "nik") == [
        (str(preamble_lines + 2), "Siti Aminah", "1671015203850002"),
        (str(preamble_lines + 3), "Agus Salim", "1671011505900003"),
    ]
