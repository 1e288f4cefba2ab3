"""Excel submissions (xlsx through xlsxwriter/openpyxl fixtures, xls through xlwt) and bad-file rejection."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace

import pytest
import xlsxwriter
import xlwt

from sources import headers
from sources.readers import SheetReport, read_submission, sha256_of
from sources.readers.excel import render_cell
from sources.registry import Office, ReaderOptions

COLUMNS = list(headers.PROVENANCE_COLUMNS + headers.RAW_COLUMNS + headers.FORM_COLUMNS)
LOOKED_FOR = (
    "looked for nama (nama / nama lengkap / nama peserta / nama tenaga kerja, ...); "
    "nik (nik / no ktp / nomor ktp / no ktp nik, ...)"
)


def office(**reader) -> Office:
    return Office(
        id="kab-kutai-timur",
        name="Dinas PUPR Kabupaten Kutai Timur",
        level="regency",
        region_code="64.08",
        landing="kab-kutai-timur",
        reader=replace(ReaderOptions(), **reader),
    )


def records(submission, *columns):
    """The submission's rows as tuples of the given columns (provenance except sha, by default)."""
    columns = columns or ("source_sheet", "source_row", "nama", "nik")
    return [tuple(row) for row in submission.rows[list(columns)].itertuples(index=False)]


@pytest.mark.parametrize(
    "value, text",
    [
        ("  Budi Santoso  ", "Budi Santoso"),
        ("   ", None),
        ("", None),
        (3.0, "3"),
        (2025.0, "2025"),
        (3.5, "3.5"),
        (999999999999999.0, "999999999999999"),
        (6408015203850010.0, "6.40801520385001e+15"),  # Excel's 15 significant digits: flagged as truncated
        (6408015203850012.0, "6408015203850012"),  # a 16th digit Excel cannot keep: a program wrote it, exact
        (6408015203850012, "6408015203850012"),  # xls hands integral numbers back as int
        (6408015203850010, "6.40801520385001e+15"),
        (7, "7"),
        (dt.date(1985, 3, 12), "1985-03-12"),
        (dt.datetime(1985, 3, 12), "1985-03-12"),
        (dt.datetime(1985, 3, 12, 10, 30), "1985-03-12 10:30:00"),
        (dt.datetime(1985, 3, 17, 23, 59, 59, 999000), "1985-03-18"),  # serial-number noise at midnight
        (dt.time(10, 30), "10:30:00"),
        (True, "TRUE"),
        (False, "FALSE"),
        (None, None),
    ],
)
def test_render_cell(value, text):
    assert render_cell(value) == text


# --- a realistic workbook ---------------------------------------------------------------------


def write_kutim_workbook(path):
    """Three sheets the way the office sends them: a two-row header batch, a plain batch, a summary."""
    book = xlsxwriter.Workbook(path)
    center = book.add_format({"bold": True, "align": "center"})
    date = book.add_format({"num_format": "dd/mm/yyyy"})

    sheet = book.add_worksheet("Angkatan I")
    # The table starts at row 5, column B; rows 1-2 are titles, column A is empty.
    sheet.merge_range("B1:J1", "DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI", center)
    sheet.write("B2", "DINAS PUPR KABUPATEN KUTAI TIMUR TAHUN 2025")
    for column, text in (("B", "No"), ("C", "Nama"), ("D", "NIK"), ("G", "Jabatan Kerja"), ("H", "Jenjang")):
        sheet.merge_range(f"{column}5:{column}6", text, center)
    sheet.merge_range("E5:F5", "Tempat, Tanggal Lahir", center)
    sheet.merge_range("I5:J5", "Sertifikat", center)
    sheet.write_row("E6", ["Tempat", "Tanggal"])
    sheet.write_row("I6", ["Nomor", "Tanggal Terbit"])
    sheet.write_row("B7", [1, 2, 3, 4, 5, 6, 7, 8, 9])
    sheet.write_row("B8", [1, "  Budi Santoso ", 6408015203850010.0, "Sangatta"])
    sheet.write_datetime("F8", dt.datetime(1985, 3, 12), date)
    sheet.write_row("G8", ["Pelaksana Lapangan Pekerjaan Gedung", 7, "1.2.3.4"])
    sheet.write_datetime("J8", dt.datetime(2025, 1, 2), date)
    sheet.write_row("B9", [2, "Siti Aminah", "6408015203850012", "Bontang", "12-03-1990", "Juru Ukur", "KKNI 3"])
    # row 10 blank; row 11 has no name or NIK but a mapped value: kept for quarantine
    sheet.write_row("B11", [3, None, None, None, None, "Mandor"])
    sheet.merge_range("B12:D12", "JUMLAH", center)
    sheet.write("H12", 3)
    sheet.write("G14", "Sangatta, 15 Desember 2025")
    sheet.write("G15", "Kepala Dinas PUPR")
    sheet.write("G18", "Ir. H. Ahmad Yani, M.T.")
    sheet.write("G19", "NIP. 19700101 199003 1 005")

    sheet = book.add_worksheet("Angkatan II")
    sheet.write_row("A1", ["Nama Lengkap", "No. KTP", "Kegiatan", "Hasil", "L/P"])
    sheet.write_row("A2", ["Rahmat Hidayat", "6408015203850013"])
    sheet.write_row("A3", ["Yusuf", "6408015203850014"])
    sheet.write_row("A4", ["Dewi Lestari", "6408015203850015"])
    # one batch name merged down the three participants
    sheet.merge_range("C2:C4", "Bimtek SKK Angkatan II")
    sheet.write_column("D2", ["Kompeten", "Belum Kompeten", True])
    sheet.write_column("E2", ["L", "L", "P"])

    sheet = book.add_worksheet("Rekap")
    sheet.write("A1", "REKAPITULASI PESERTA")
    sheet.write_row("A3", ["Jabatan Kerja", "Jumlah"])
    sheet.write_row("A4", ["Juru Ukur", 2])
    book.close()


def test_realistic_workbook_rows(tmp_path):
    path = tmp_path / "daftar_peserta.xlsx"
    write_kutim_workbook(path)
    submission = read_submission(path, office())

    assert submission.error is None
    assert submission.format == "xlsx"
    assert submission.source_file == "daftar_peserta.xlsx"
    assert submission.source_sha256 == sha256_of(path)
    assert list(submission.rows.columns) == COLUMNS
    assert all(dtype == object for dtype in submission.rows.dtypes)
    assert set(submission.rows["office_id"]) == {"kab-kutai-timur"}
    assert set(submission.rows["source_file"]) == {"daftar_peserta.xlsx"}
    assert set(submission.rows["source_sha256"]) == {sha256_of(path)}
    assert records(
        submission,
        "source_sheet", "source_row", "nama", "nik", "tempat_lahir", "tanggal_lahir",
        "jabatan_kerja", "jenjang", "nomor_sertifikat", "tanggal_terbit", "program", "hasil", "jenis_kelamin",
    ) == [
        ("Angkatan I", "8", "Budi Santoso", "6.40801520385001e+15", "Sangatta", "1985-03-12",
         "Pelaksana Lapangan Pekerjaan Gedung", "7", "1.2.3.4", "2025-01-02", None, None, None),
        ("Angkatan I", "9", "Siti Aminah", "6408015203850012", "Bontang", "12-03-1990",
         "Juru Ukur", "KKNI 3", None, None, None, None, None),
        ("Angkatan I", "11", None, None, None, None, "Mandor", None, None, None, None, None, None),
        ("Angkatan II", "2", "Rahmat Hidayat", "6408015203850013", None, None,
         None, None, None, None, "Bimtek SKK Angkatan II", "Kompeten", "L"),
        ("Angkatan II", "3", "Yusuf", "6408015203850014", None, None,
         None, None, None, None, "Bimtek SKK Angkatan II", "Belum Kompeten", "L"),
        ("Angkatan II", "4", "Dewi Lestari", "6408015203850015", None, None,
         None, None, None, None, "Bimtek SKK Angkatan II", "TRUE", "P"),
    ]  # fmt: skip
    # every value is text or None, never a number
    assert {type(v) for v in submission.rows.to_numpy().ravel()} == {str, type(None)}


def test_realistic_workbook_sheet_reports(tmp_path):
    path = tmp_path / "daftar_peserta.xlsx"
    write_kutim_workbook(path)
    submission = read_submission(path, office())
    assert submission.sheets == [
        SheetReport(
            sheet="Angkatan I",
            header_row=6,
            columns={
                "nama": "Nama",
                "nik": "NIK",
                "tempat_lahir": "Tempat, Tanggal Lahir / Tempat",
                "tanggal_lahir": "Tempat, Tanggal Lahir / Tanggal",
                "jabatan_kerja": "Jabatan Kerja",
                "jenjang": "Jenjang",
                "nomor_sertifikat": "Sertifikat / Nomor",
                "tanggal_terbit": "Sertifikat / Tanggal Terbit",
            },
            rows=3,
            skipped={"column_numbers": 1, "blank": 2, "total": 1, "footer": 6},
            title="DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI | "
            "DINAS PUPR KABUPATEN KUTAI TIMUR TAHUN 2025",
            tahun_from="title",
        ),
        SheetReport(
            sheet="Angkatan II",
            header_row=1,
            columns={"nama": "Nama Lengkap", "nik": "No. KTP", "program": "Kegiatan", "hasil": "Hasil",
                     "jenis_kelamin": "L/P"},
            rows=3,
            skipped={},
        ),  # no title rows, no year in the sheet name "Angkatan II" nor in the file name
        SheetReport(
            sheet="Rekap",
            header_row=None,
            columns={},
            rows=0,
            skipped={},
            note="no header row with a name or NIK column in the first 30 rows",
            # no header, yet the top rows are kept: they tell whose file an unreadable sheet is
            title="REKAPITULASI PESERTA | Jabatan Kerja Jumlah | Juru Ukur 2",
        ),
    ]


def test_registry_sheet_and_column_mapping(tmp_path):
    path = tmp_path / "peserta_kukar.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Petunjuk").write("A1", "Isi nama dan NIK sesuai KTP")
    sheet = book.add_worksheet("PESERTA ")  # the registry says "Peserta"
    sheet.write_row("A1", ["Nama Pekerja", "Nomor Identitas", "Jabatan"])
    sheet.write_row("A2", ["Agus", "6402015203850011", "Mandor"])
    old = book.add_worksheet("Lama")
    old.write_row("A1", ["Nama", "NIK"])
    old.write_row("A2", ["Tidak Dibaca", "6402015203850099"])
    book.close()
    kukar = replace(office(sheet=("Peserta",), column_mapping={"Nama Pekerja": "nama", "Nomor Identitas": "nik"}),
                    id="kab-kutai-kartanegara")
    submission = read_submission(path, kukar)
    assert submission.error is None
    assert records(submission, "office_id", "source_sheet", "source_row", "nama", "nik", "jabatan_kerja") == [
        ("kab-kutai-kartanegara", "PESERTA ", "2", "Agus", "6402015203850011", "Mandor")
    ]
    assert [s.sheet for s in submission.sheets] == ["PESERTA "]


def test_registry_header_row_reaches_below_the_scan_window(tmp_path):
    path = tmp_path / "panjang.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Data")
    for row in range(304):
        sheet.write(row, 0, f"catatan {row + 1}")
    sheet.write_row(304, 0, ["Nama", "NIK"])
    sheet.write_row(305, 0, ["Budi", "6408015203850012"])
    book.close()

    rejected = read_submission(path, office())
    assert rejected.error == (
        "office kab-kutai-timur, file panjang.xlsx, sheet 'Data': no header row with a name or NIK column "
        f"in the first 300 rows; {LOOKED_FOR}"
    )
    submission = read_submission(path, office(header_row=305))
    assert submission.error is None
    assert records(submission) == [("Data", "306", "Budi", "6408015203850012")]
    assert submission.sheets[0].header_row == 305


# A cover letter above the list: kop surat, nomor, lampiran, perihal, addressee, paragraphs.
LETTER = [
    "PEMERINTAH KABUPATEN KUTAI TIMUR", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "Jl. Soekarno Hatta No. 1 Sangatta",
    None, "Nomor : 600/123/DPUPR/2025", "Lampiran : 1 (satu) berkas", "Perihal : Laporan Peserta Sertifikasi", None,
    "Kepada Yth.", "Kepala Dinas PUPR-Pera Provinsi Kalimantan Timur", "di -", "Samarinda", None,
    *(f"Dengan hormat, bersama ini kami sampaikan data peserta (paragraf {i})." for i in range(1, 18)),
    None, "Demikian disampaikan, atas perhatiannya diucapkan terima kasih.", None,
    "DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2025", None,
]


@pytest.mark.parametrize("preamble_rows", [len(LETTER), 120, 299])
def test_a_header_below_a_long_preamble_is_found(tmp_path, preamble_rows):
    """The header on row 36 below a letter (was: file rejected, no header in the first 30 rows),
    and further down below a longer one, up to row 300."""
    path = tmp_path / "surat_dan_lampiran.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Lampiran")
    lines = LETTER + [f"catatan {i}" for i in range(preamble_rows - len(LETTER))]
    for row, text in enumerate(lines):
        sheet.write(row, 0, text)
    top = len(lines)
    sheet.write_row(top, 0, ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"])
    sheet.write_row(top + 1, 0, [1, "Slamet Riyadi", "6408011203850001", "Tukang Batu", "2", "Kompeten"])
    sheet.write_row(top + 2, 0, [2, "Joko Susilo", "6408022506900002", "Operator Excavator", "3", "Kompeten"])
    sheet.write_row(top + 3, 0, [3, "Nur Aini", "6408035511880003", "Juru Ukur", "3", "Belum Kompeten"])
    book.close()

    submission = read_submission(path, office())
    assert submission.error is None
    assert records(submission, "source_row", "nama", "jenjang", "hasil") == [
        (str(top + 2), "Slamet Riyadi", "2", "Kompeten"),
        (str(top + 3), "Joko Susilo", "3", "Kompeten"),
        (str(top + 4), "Nur Aini", "3", "Belum Kompeten"),
    ]
    assert submission.sheets[0].header_row == top + 1


def test_hidden_sheet_is_read_and_noted(tmp_path):
    path = tmp_path / "dengan_sheet_tersembunyi.xlsx"
    book = xlsxwriter.Workbook(path)
    book.add_worksheet("Peserta").write_row("A1", ["Nama", "NIK"])
    book.get_worksheet_by_name("Peserta").write_row("A2", ["Budi", "6408015203850012"])
    hidden = book.add_worksheet("Arsip")
    hidden.write_row("A1", ["Nama", "NIK"])
    hidden.write_row("A2", ["Siti", "6408015203850013"])
    hidden.hide()
    book.close()
    submission = read_submission(path, office())
    assert records(submission) == [
        ("Peserta", "2", "Budi", "6408015203850012"),
        ("Arsip", "2", "Siti", "6408015203850013"),
    ]
    assert [(s.sheet, s.note) for s in submission.sheets] == [("Peserta", ""), ("Arsip", "hidden sheet")]


def test_legacy_xls(tmp_path):
    path = tmp_path / "peserta 2019.xls"
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    # used range starts at B2: calamine must not shift the row numbers
    sheet.write(1, 1, "DAFTAR PESERTA UJI KOMPETENSI 2019")
    for column, text in enumerate(["No.", "Nama Peserta", "No KTP", "L/P", "Tgl Lahir", "Tahun"], start=1):
        sheet.write(3, column, text)
    sheet.write(4, 1, 1)
    sheet.write(4, 2, "Budi")
    sheet.write(4, 3, 6408015203850010.0)
    sheet.write(4, 4, "L")
    sheet.write(4, 5, dt.date(1985, 3, 12), xlwt.easyxf(num_format_str="DD/MM/YYYY"))
    sheet.write(4, 6, 2019)
    sheet.write(5, 1, 2)
    sheet.write(5, 2, "Siti")
    sheet.write(5, 3, "6408015203850012")
    sheet.write(5, 4, "P")
    sheet.write(5, 5, 31118.0)  # a date without a date format is just a number
    sheet.write(5, 6, 2019.0)
    book.save(str(path))

    submission = read_submission(path, office())
    assert submission.error is None
    assert submission.format == "xls"
    columns = ("source_sheet", "source_row", "nama", "nik", "jenis_kelamin", "tanggal_lahir", "tahun")
    assert records(submission, *columns) == [
        ("Sheet1", "5", "Budi", "6.40801520385001e+15", "L", "1985-03-12", "2019"),
        ("Sheet1", "6", "Siti", "6408015203850012", "P", "31118", "2019"),
    ]
    assert submission.sheets[0].header_row == 4


def test_xlsx_sent_with_an_xls_name_is_read_by_its_content(tmp_path):
    path = tmp_path / "peserta.xls"
    write_kutim_workbook(path)
    submission = read_submission(path, office())
    assert (submission.error, submission.format, len(submission.rows)) == (None, "xlsx", 6)


# --- rejected files ---------------------------------------------------------------------------


def _truncated_xlsx(tmp_path) -> bytes:
    write_kutim_workbook(tmp_path / "full.xlsx")
    data = (tmp_path / "full.xlsx").read_bytes()
    return data[: len(data) // 2]


def _zip_of_csv(tmp_path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("peserta.csv", "Nama;NIK\nBudi;6408015203850012\n")
    return buffer.getvalue()


def _workbook(tmp_path, build) -> bytes:
    path = tmp_path / "built.xlsx"
    book = xlsxwriter.Workbook(path)
    build(book)
    book.close()
    return path.read_bytes()


def _no_header(book):
    book.add_worksheet("Sheet1").write_row("A1", ["No", "Nama Kegiatan", "Lokasi"])
    book.add_worksheet("Rekap").write_row("A1", ["Jabatan Kerja", "Jumlah"])


def _header_only(book):
    sheet = book.add_worksheet("Sheet1")
    sheet.write("A1", "DAFTAR PESERTA")
    sheet.write_row("A3", ["No", "Nama", "NIK"])
    sheet.write("A5", "Mengetahui,")
    sheet.write("A6", "Kepala Dinas PUPR")


PREFIX = "office kab-kutai-timur, file "
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of every legacy Office file


@pytest.mark.parametrize(
    "name, content, fmt, error",
    [
        ("kosong.xlsx", lambda tmp: b"", "xlsx", "kosong.xlsx: empty file (0 bytes)"),
        ("rusak.xlsx", _truncated_xlsx, "xlsx",
         "rusak.xlsx: corrupt or truncated xlsx file (bad zip: File is not a zip file)"),
        ("arsip.xlsx", _zip_of_csv, "xlsx",
         "arsip.xlsx: zip archive that is not an Excel workbook (no xl/workbook.xml; contains peserta.csv)"),
        ("lama.xls", lambda tmp: OLE2 + bytes(600), "xls",
         "lama.xls: corrupt or truncated xls file (Cannot detect file format)"),
        ("rahasia.xlsx", lambda tmp: OLE2 + bytes(600) + "EncryptedPackage".encode("utf-16-le"), "xls",
         "rahasia.xlsx: password-protected workbook; ask the office for an unprotected copy"),
        ("scan.xlsx", lambda tmp: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "xlsx",
         "scan.xlsx: unknown format: a PDF document, not an xlsx, xls, csv or json file"),
        ("export.xls", lambda tmp: b"<html><body><p>Sesi Anda telah berakhir</p></body></html>", "xls",
         "export.xls: unknown format: an HTML page without a table; ask the office to save it as .xlsx or .csv"),
        ("data.bin", lambda tmp: b"\x01\x02\x00\x00binary", "unknown",
         "data.bin: unknown format: binary data starting 01 02 00 00 62 69 6e 61, "
         "not an xlsx, xls, csv or json file"),
        ("daftar_peserta.xlsx", lambda tmp: _workbook(tmp, _no_header), "xlsx",
         "daftar_peserta.xlsx, sheets 'Sheet1', 'Rekap': no header row with a name or NIK column "
         f"in the first 30 rows; {LOOKED_FOR}"),
        ("kosong_isi.xlsx", lambda tmp: _workbook(tmp, _header_only), "xlsx",
         "kosong_isi.xlsx, sheet 'Sheet1': header found at row 3 but no participant rows below it "
         "(skipped: 1 blank, 2 footer)"),
    ],
    ids=["empty", "truncated", "zip-not-workbook", "bad-ole", "encrypted", "pdf", "html-as-xls", "binary", "no-header",
         "header-no-rows"],
)
def test_rejected_files(tmp_path, name, content, fmt, error):
    path = tmp_path / name
    path.write_bytes(content(tmp_path))
    submission = read_submission(path, office())
    assert submission.error == PREFIX + error
    assert submission.format == fmt
    assert submission.source_file == name
    assert submission.source_sha256 == sha256_of(path)
    assert list(submission.rows.columns) == COLUMNS
    assert len(submission.rows) == 0


@pytest.mark.parametrize(
    ("registry_sheets", "read"),
    [
        # whole words inside a longer name: every sheet they name
        (("Angkatan",), ["Angkatan I", "Angkatan II"]),
        (("angkatan ii",), ["Angkatan II"]),
        (("Angkatan II", "Rekap"), ["Angkatan II", "Rekap"]),
        # a part of a word is no match
        (("Angkat",), ["Angkatan I", "Angkatan II", "Rekap"]),
    ],
)
def test_registry_sheet_names_match_as_whole_words(tmp_path, registry_sheets, read):
    path = tmp_path / "daftar_peserta.xlsx"
    write_kutim_workbook(path)
    submission = read_submission(path, office(sheet=registry_sheets))
    assert submission.error is None
    assert [s.sheet for s in submission.sheets] == read


def test_a_file_without_the_registry_sheet_is_read_whole_and_says_so(tmp_path):
    path = tmp_path / "daftar_peserta.xlsx"
    write_kutim_workbook(path)
    submission = read_submission(path, office(sheet=("Peserta",)))
    assert submission.error is None
    assert [s.sheet for s in submission.sheets] == ["Angkatan I", "Angkatan II", "Rekap"]
    assert all(s.note.startswith("sheet 'Peserta' named in the registry not found; every sheet read")
               for s in submission.sheets)
    assert len(submission.rows) == len(read_submission(path, office()).rows) > 0


def test_missing_file_and_unexpected_errors_do_not_raise(tmp_path, monkeypatch):
    missing = read_submission(tmp_path / "hilang.xlsx", office())
    assert missing.error == "office kab-kutai-timur, file hilang.xlsx: cannot read the file (No such file or directory)"
    assert missing.source_sha256 == ""

    path = tmp_path / "daftar_peserta.xlsx"
    write_kutim_workbook(path)

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("sources.readers.read_excel", boom)
    submission = read_submission(path, office())
    assert submission.error == (
        "office kab-kutai-timur, file daftar_peserta.xlsx: unexpected error while reading as xlsx (RuntimeError: boom)"
    )
    assert len(submission.rows) == 0


def test_a_program_written_nik_column_keeps_every_digit(tmp_path):
    """NIKs written as numbers by a script: most end in a digit other than 0, which Excel's 15
    significant digits cannot make, so the whole column is exact, its NIK ending in 0 too."""
    path = tmp_path / "ekspor_skrip.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Peserta")
    sheet.write_row(0, 0, ["Nama", "NIK"])
    for row, (name, nik) in enumerate([("Budi", 6408015203850012), ("Siti", 6408015203850010),
                                       ("Agus", 6408015203850023)], start=1):
        sheet.write_string(row, 0, name)
        sheet.write_number(row, 1, nik)
    workbook.close()
    submission = read_submission(path, office())
    assert records(submission) == [("Peserta", "2", "Budi", "6408015203850012"),
                                   ("Peserta", "3", "Siti", "6408015203850010"),
                                   ("Peserta", "4", "Agus", "6408015203850023")]


def test_two_tables_side_by_side_in_one_sheet(tmp_path):
    """Tahap I in A-G, Tahap II in I-O (was: 4 of 6 rows read); each row keeps its own address."""
    path = tmp_path / "tahap.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Peserta")
    sheet.write("A1", "DAFTAR PESERTA SERTIFIKASI TENAGA AHLI TAHUN 2025")
    sheet.merge_range("A3:G3", "TAHAP I")
    sheet.merge_range("I3:O3", "TAHAP II")
    header = ["No", "Nama Lengkap", "NIK", "L/P", "Jabatan Kerja", "Jenjang", "Hasil"]
    sheet.write_row("A4", header)
    sheet.write_row("I4", header)
    sheet.write_row("A5", [1, "Andi Saputra", "6472011503880001", "L", "Ahli Muda Teknik Jalan", 7, "Kompeten"])
    sheet.write_row("A6", [2, "Siti Rahmawati", "6472015208900002", "P", "Ahli Muda Teknik Jembatan", 7, "Kompeten"])
    sheet.write_row("A7", [3, "Budi Hartono", "6471020101850003", "L", "Ahli Madya Teknik Jalan", 8, "Belum Kompeten"])
    sheet.write_row("A8", [4, "Rudi Hermawan", "6402031012870004", "L", "Ahli K3 Konstruksi", 7, "Kompeten"])
    sheet.write_row("I5", [1, "Dewi Lestari", "6408016304920005", "P", "Arsitek Muda", 7, "Kompeten"])
    sheet.write_row("I6", [2, "Agus Salim", "6408011107800006", "L", "Ahli Madya Teknik Jembatan", 8, "Kompeten"])
    book.close()

    submission = read_submission(path, office())
    assert submission.error is None
    assert records(submission, "source_sheet", "source_row", "nama", "jenjang", "hasil", "tahun") == [
        ("Peserta", "5", "Andi Saputra", "7", "Kompeten", "2025"),
        ("Peserta", "6", "Siti Rahmawati", "7", "Kompeten", "2025"),
        ("Peserta", "7", "Budi Hartono", "8", "Belum Kompeten", "2025"),
        ("Peserta", "8", "Rudi Hermawan", "7", "Kompeten", "2025"),
        ("Peserta [I:O]", "5", "Dewi Lestari", "7", "Kompeten", "2025"),
        ("Peserta [I:O]", "6", "Agus Salim", "8", "Kompeten", "2025"),
    ]
    assert [s.note for s in submission.sheets] == [
        "", "a table beside the one in sheet 'Peserta', in columns I to O"]


def _ods(rows_xml: str, sheet: str = "Peserta") -> bytes:
    """A minimal OpenDocument spreadsheet with one sheet of the given <table:table-row> elements."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{rows_xml}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _ods_row(*cells: str) -> str:
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def _c(value: str | None = None, rows: int = 1, columns: int = 1, repeated: int = 1) -> str:
    attributes = (f' table:number-rows-spanned="{rows}"' if rows > 1 else "") + (
        f' table:number-columns-spanned="{columns}"' if columns > 1 else "") + (
        f' table:number-columns-repeated="{repeated}"' if repeated > 1 else "")
    if value is None:
        return f"<table:table-cell{attributes}/>"
    return f'<table:table-cell office:value-type="string"{attributes}><text:p>{value}</text:p></table:table-cell>'


_COVERED = "<table:covered-table-cell/>"


def test_ods_cells_merged_down_give_their_value_to_every_row(tmp_path):
    """A name and NIK merged over a person's two certificate rows, a result merged over two persons,
    below two empty rows written once (number-rows-repeated) and right of an empty column (was:
    the second certificate without identity and the second person without result: calamine gives
    no merged cells for .ods)."""
    rows = (
        '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="7"/>'
        "</table:table-row>"
        + _ods_row(_c(), _c("DAFTAR PESERTA SERTIFIKASI TAHUN 2025", columns=6), _COVERED * 5)
        + _ods_row(_c(), _c("No"), _c("Nama"), _c("NIK"), _c("Jabatan Kerja"), _c("Jenjang"), _c("Hasil"))
        + _ods_row(_c(), _c("1", rows=2), _c("Slamet Riyadi", rows=2), _c("6408011203850001", rows=2),
                   _c("Tukang Batu"), _c("2"), _c("Belum Kompeten"))
        + _ods_row(_c(), _COVERED * 3, _c("Tukang Besi Beton"), _c("2"), _c("Kompeten"))
        + _ods_row(_c(), _c("2"), _c("Joko Susilo"), _c("6408022506900002"), _c("Operator Excavator"), _c("3"),
                   _c("Kompeten", rows=2))
        + _ods_row(_c(), _c("3"), _c("Nur Aini"), _c("6408035511880003"), _c("Juru Ukur"), _c("3"), _COVERED)
    )
    path = tmp_path / "peserta.ods"
    path.write_bytes(_ods(rows))
    submission = read_submission(path, office())
    assert submission.error is None
    assert submission.format == "ods"
    assert records(submission, "source_row", "nama", "nik", "jabatan_kerja", "hasil") == [
        ("5", "Slamet Riyadi", "6408011203850001", "Tukang Batu", "Belum Kompeten"),
        ("6", "Slamet Riyadi", "6408011203850001", "Tukang Besi Beton", "Kompeten"),
        ("7", "Joko Susilo", "6408022506900002", "Operator Excavator", "Kompeten"),
        ("8", "Nur Aini", "6408035511880003", "Juru Ukur", "Kompeten"),
    ]
    assert submission.sheets[0].note == ""  # filled from the merge, not read as "same as above"


def test_a_sheet_without_a_header_that_continues_the_list_of_the_sheet_before(tmp_path):
    """A long list split over sheets with the header printed once (was: 'Hal 2' skipped, no header
    row; 2 of 5 participants read). A sheet of other rows without a header is still skipped."""
    path = tmp_path / "daftar.xlsx"
    book = xlsxwriter.Workbook(path)
    first = book.add_worksheet("Hal 1")
    first.write("A1", "DAFTAR PESERTA UJI KOMPETENSI TAHUN 2025")
    first.write_row("A2", ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil"])
    first.write_row("A3", [1, "Slamet Riyadi", "6408011203850001", "Tukang Batu", "2", "Kompeten"])
    first.write_row("A4", [2, "Joko Susilo", "6408022506900002", "Tukang Kayu", "2", "Kompeten"])
    second = book.add_worksheet("Hal 2")
    second.write_row("A1", [3, "Nur Aini", "6408035511880003", "Juru Ukur", "3", "Kompeten"])
    second.write_row("A2", [4, "Ahmad Fauzi", 6408030808870006, "Mandor", "4", "Kompeten"])  # a NIK typed as a number
    second.write_row("A3", [5, "Dedi Kurniawan", "6408031010910007", "Operator Crane", "3", "Belum Kompeten"])
    second.write("D5", "Sangatta, 15 Desember 2025")
    second.write("D6", "Kepala Dinas PUPR")
    notes = book.add_worksheet("Catatan")
    notes.write_row("A1", ["Catatan: data sementara"])
    notes.write_row("A2", [1, "Lihat lampiran", "-", "-"])
    book.close()

    submission = read_submission(path, office())
    assert submission.error is None
    assert records(submission, "source_sheet", "source_row", "nama", "jenjang", "hasil") == [
        ("Hal 1", "3", "Slamet Riyadi", "2", "Kompeten"),
        ("Hal 1", "4", "Joko Susilo", "2", "Kompeten"),
        ("Hal 2", "1", "Nur Aini", "3", "Kompeten"),
        ("Hal 2", "2", "Ahmad Fauzi", "4", "Kompeten"),
        ("Hal 2", "3", "Dedi Kurniawan", "3", "Belum Kompeten"),
    ]
    second_report = submission.sheets[1]
    assert second_report.header_row is None and second_report.skipped == {"blank": 1, "footer": 2}
    # the title rows of the sheet it continues give its year
    assert set(submission.rows["tahun"]) == {"2025"}
    assert second_report.note == "no header: its rows continue the list of sheet 'Hal 1' and are read under its header"
    assert submission.sheets[2].note == "no header row with a name or NIK column in the first 30 rows"


def test_a_hidden_column_yields_to_the_visible_one_of_the_same_name(tmp_path):
    """An old NIK column hidden beside the corrected one (was: the hidden, first one read). A
    hidden column no visible one replaces is still read."""
    path = tmp_path / "revisi_nik.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Peserta")
    sheet.write_row("A1", ["No", "Nama", "NIK", "NIK", "Jenjang"])
    sheet.write_row("A2", [1, "Slamet Riyadi", "6408011203850000", "6408011203850001", "2"])
    sheet.write_row("A3", [2, "Joko Susilo", "640802250690002", "6408022506900002", "2"])
    sheet.set_column("C:C", None, None, {"hidden": True})
    sheet.set_column("E:E", None, None, {"hidden": True})
    book.close()
    submission = read_submission(path, office())
    assert submission.error is None
    assert records(submission, "nama", "nik", "jenjang") == [
        ("Slamet Riyadi", "6408011203850001", "2"), ("Joko Susilo", "6408022506900002", "2")]
    assert submission.sheets[0].columns == {"nama": "Nama", "nik": "NIK", "jenjang": "Jenjang"}
