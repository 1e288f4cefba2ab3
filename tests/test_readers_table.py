"""Header detection and row classification on plain text rows (shared by Excel, CSV and JSON arrays)."""

from __future__ import annotations

import pytest

from sources.headers import canonical_column
from sources.readers import table as table_module
from sources.readers.table import (
    MAX_TABLES,
    HeaderNotFound,
    column_letters,
    extract_rows,
    extract_tables,
    find_header,
    is_ditto,
    render_text,
)

_ = None  # an empty cell, to keep the tables below readable


def rows_of(text: str) -> list[list[str | None]]:
    """'a | b | ' lines -> rows of cells, empty cells as None."""
    rows = []
    for line in text.strip("\n").splitlines():
        rows.append([cell.strip() or None for cell in line.split("|")])
    return rows


TITLE_THEN_HEADER = rows_of("""
DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI | | |
TAHUN ANGGARAN 2025 | | |
 | | |
No | Nama Lengkap | No. KTP/NIK | Jabatan Kerja
1 | Budi | 6408015203850012 | Mandor
""")

TWO_ROW_PARENT_QUALIFIES = rows_of("""
DAFTAR PESERTA | | | | | | |
No | Nama | NIK | Tempat, Tanggal Lahir | | Sertifikat | |
 | | | Tempat | Tanggal | Nomor | Tanggal Terbit | Masa Berlaku
1 | Budi | 6408015203850012 | Sangatta | 12-03-1985 | 1.2.3 | 2025-01-02 | 2030-01-02
""")

# The parent row has no name column ("Identitas Peserta" spans Nama and NIK); the
# vertically merged "Jenjang" and "Hasil" appear only in the parent row.
TWO_ROW_CHILD_QUALIFIES = rows_of("""
No | Identitas Peserta | | Jenjang | Sertifikat | Hasil
 | Nama | NIK | | No. | |
1 | Budi | 6408015203850012 | 7 | 1.2.3 | Kompeten
""")

# "KEGIATAN BIMTEK" sits right above the header: a title, not a parent row.
TITLE_RIGHT_ABOVE = rows_of("""
KEGIATAN BIMTEK SKK | | |
No | Nama | NIK | Keterangan
1 | Budi | 6408015203850012 | Kompeten
""")

# A single-row header whose first participant has no number and no NIK: every
# cell is text, yet it must stay a participant row, not a child header row.
TEXT_ONLY_FIRST_ROW = rows_of("""
Nama | NIK | Jabatan | Hasil
Budi Santoso | belum ada | Mandor Tukang Besi | Kompeten
Siti | 6408015203850012 | Juru Ukur | Kompeten
""")


@pytest.mark.parametrize(
    "rows, first_row, last_row, texts",
    [
        (
            TITLE_THEN_HEADER,
            3,
            3,
            {"nama": "Nama Lengkap", "nik": "No. KTP/NIK", "jabatan_kerja": "Jabatan Kerja"},
        ),
        (
            TWO_ROW_PARENT_QUALIFIES,
            1,
            2,
            {
                "nama": "Nama",
                "nik": "NIK",
                "tempat_lahir": "Tempat, Tanggal Lahir / Tempat",
                "tanggal_lahir": "Tempat, Tanggal Lahir / Tanggal",
                "nomor_sertifikat": "Sertifikat / Nomor",
                "tanggal_terbit": "Sertifikat / Tanggal Terbit",
                "masa_berlaku": "Sertifikat / Masa Berlaku",
            },
        ),
        (
            TWO_ROW_CHILD_QUALIFIES,
            0,
            1,
            {
                "nama": "Identitas Peserta / Nama",
                "nik": "Identitas Peserta / NIK",
                "jenjang": "Jenjang",
                "nomor_sertifikat": "Sertifikat / No.",
                "hasil": "Hasil",
            },
        ),
        (TITLE_RIGHT_ABOVE, 1, 1, {"nama": "Nama", "nik": "NIK", "hasil": "Keterangan"}),
        (
            TEXT_ONLY_FIRST_ROW,
            0,
            0,
            {"nama": "Nama", "nik": "NIK", "jabatan_kerja": "Jabatan", "hasil": "Hasil"},
        ),
    ],
    ids=["title-rows", "two-row-parent-qualifies", "two-row-child-qualifies", "title-right-above", "text-only-row"],
)
def test_find_header(rows, first_row, last_row, texts):
    header = find_header(rows)
    assert (header.first_row, header.last_row) == (first_row, last_row)
    assert header.texts == texts
    assert header.notes == []


def test_sub_headers_that_map_to_nothing_are_still_a_child_row_under_a_merged_span():
    rows = rows_of("""
No | Nama | NIK | Jenis Kelamin |
 | | | L | P
1 | Budi | 6408015203850012 | v |
""")
    header = find_header(rows)
    assert (header.first_row, header.last_row) == (0, 1)
    assert header.columns == {"nama": 1, "nik": 2, "jenis_kelamin": 3}
    # L and P are the two values of one column, ticked
    assert header.texts["jenis_kelamin"] == "Jenis Kelamin / L | Jenis Kelamin / P"
    assert header.marks == {"jenis_kelamin": {"L": 3, "P": 4}} and header.notes == []
    assert extract_rows(rows, header, render_text, lambda i: i + 1).columns["jenis_kelamin"] == ["L"]


@pytest.mark.parametrize(
    "parent, child, canonical",
    [
        ("Sertifikat", "Nomor", "nomor_sertifikat"),
        ("Sertifikat", "No. Registrasi", "nomor_sertifikat"),
        ("SKK", "Tanggal", "tanggal_terbit"),  # not the birth date "Tanggal" alone would be
        ("Sertifikat", "Tgl", "tanggal_terbit"),
        ("Sertifikat", "Berlaku s.d.", "masa_berlaku"),
        ("Tempat, Tanggal Lahir", "Tgl", "tanggal_lahir"),
        ("Lahir", "Tempat", "tempat_lahir"),
    ],
)
def test_parent_and_child_resolve_together_first(parent, child, canonical):
    rows = [["Nama", "NIK", parent, None], [None, None, child, "Catatan"], ["Budi", "6408015203850012", "x", "y"]]
    header = find_header(rows)
    assert header.last_row == 1
    assert {column: j for column, j in header.columns.items() if j == 2} == {canonical: 2}
    assert header.texts[canonical] == f"{parent} / {child}"


def test_two_row_header_columns_point_at_the_child_cells():
    header = find_header(TWO_ROW_PARENT_QUALIFIES)
    assert header.columns == {
        "nama": 1,
        "nik": 2,
        "tempat_lahir": 3,
        "tanggal_lahir": 4,
        "nomor_sertifikat": 5,
        "tanggal_terbit": 6,
        "masa_berlaku": 7,
    }


@pytest.mark.parametrize(
    ("children", "cells", "hasil"),
    [
        # a tick, a "v", an "x" or a "1" in one sub-column; blank, "-" or "0" mark nothing
        ("K | BK", ["√ | ", " | v", "x | -", "1 | 0", " | ", "√ | √"], ["Kompeten", "Belum Kompeten", "Kompeten", "Kompeten", None, None]),
        ("Kompeten | Belum Kompeten", ["✓ | ", " | ✓"], ["Kompeten", "Belum Kompeten"]),
        ("L | TL", ["v | ", " | v"], ["Kompeten", "Belum Kompeten"]),
    ],
)
def test_a_result_ticked_under_one_sub_column_per_result(children, cells, hasil):
    body = "\n".join(f"{i + 1} | Peserta {i + 1} | 64080152038500{i + 10} | 3 | {cell}" for i, cell in enumerate(cells))
    rows = rows_of(f"No | Nama | NIK | Jenjang | HASIL UJI |\n | | | | {children}\n{body}")
    header = find_header(rows)
    k, bk = children.split(" | ")
    assert header.columns["hasil"] == 4 and header.notes == []
    assert header.texts["hasil"] == f"HASIL UJI / {k} | HASIL UJI / {bk}"
    table = extract_rows(rows, header, render_text, lambda i: i + 1)
    assert table.columns["hasil"] == hasil
    assert table.columns["nama"] == [f"Peserta {i + 1}" for i in range(len(cells))]


def test_sex_ticked_under_l_and_p():
    rows = rows_of("No | Nama | NIK | Jenis Kelamin | \n | | | L | P\n1 | Budi | 6408011203850012 | √ | \n"
                   "2 | Siti | 6408015203850013 | | 1\n3 | Andi | 6408011203850014 | | ")
    header = find_header(rows)
    table = extract_rows(rows, header, render_text, lambda i: i + 1)
    assert table.columns["jenis_kelamin"] == ["L", "P", None]


def test_one_sub_column_under_the_result_reads_what_is_written_in_it():
    """A lone "K" under "HASIL UJI" is the result column: results written out are read as written
    (a tick in it would be Kompeten: test_readers_lone_result_column.py)."""
    rows = rows_of("Nama | NIK | HASIL UJI | \n | | K | Catatan\nBudi | 6408015203850012 | Kompeten | ok\n"
                   "Andi | 6408015203850013 | BK | ok")
    header = find_header(rows)
    assert header.columns["hasil"] == 2
    assert extract_rows(rows, header, render_text, lambda i: i + 1).columns["hasil"] == ["Kompeten", "BK"]


def test_duplicate_canonical_column_keeps_the_first_and_notes_it():
    header = find_header(rows_of("Nama | NIK | Hasil Uji | Keterangan\nBudi | 6408015203850012 | K | ok"))
    assert header.columns == {"nama": 0, "nik": 1, "hasil": 2}
    assert header.notes == ["column 4 'Keterangan' also maps to hasil; kept column 3 'Hasil Uji'"]


@pytest.mark.parametrize(
    ("header_row", "kept", "note"),
    [
        # a remarks column before the result: the result column wins, whichever comes first
        ("Nama | NIK | Keterangan | Hasil Uji", 3, "column 3 'Keterangan' also maps to hasil; kept column 4 'Hasil Uji', which names it outright"),
        ("Nama | NIK | Status | Hasil Akhir", 3, "column 3 'Status' also maps to hasil; kept column 4 'Hasil Akhir', which names it outright"),
        ("Nama | NIK | Ket. | K/BK", 3, "column 3 'Ket.' also maps to hasil; kept column 4 'K/BK', which names it outright"),
        # two weak ones, or two strong ones: the first
        ("Nama | NIK | Keterangan | Status", 2, "column 4 'Status' also maps to hasil; kept column 3 'Keterangan'"),
        ("Nama | NIK | Hasil Uji | Rekomendasi Asesor", 2, "column 4 'Rekomendasi Asesor' also maps to hasil; kept column 3 'Hasil Uji'"),
    ],
)
def test_a_column_naming_the_result_outright_wins_over_remarks(header_row, kept, note):
    header = find_header(rows_of(f"{header_row}\nBudi | 6408015203850012 | Fresh Graduate | Kompeten"))
    assert header.columns["hasil"] == kept
    assert header.notes == [note]


@pytest.mark.parametrize(
    ("header_row", "cells", "hasil"),
    [
        # attendance ticks in a plain remarks column are no result
        ("Nama | NIK | Keterangan", ["1", "1"], [None, None]),
        ("Nama | NIK | Status", ["1", "0"], [None, None]),
        # results in words there, or numbers under a header that names the result, are read as written
        ("Nama | NIK | Keterangan", ["K", "1"], ["K", "1"]),
        ("Nama | NIK | Lulus", ["1", "0"], ["1", "0"]),
        # a note that gives the code makes the column a result column
        ("Nama | NIK | Keterangan (1 = Kompeten, 0 = Belum)", ["1", "0"], ["1", "0"]),
    ],
)
def test_numbers_in_a_plain_remarks_column_are_no_result(header_row, cells, hasil):
    rows = rows_of(f"{header_row}\nBudi | 6408015203850012 | {cells[0]}\nSiti | 6408015203850013 | {cells[1]}")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == hasil
    assert ("holds only numbers" in table.report.note) == (hasil == [None, None])


def test_office_column_mapping_wins_over_the_shared_table():
    rows = rows_of("Anggota Regu | No Kependudukan | Keterangan\nBudi | 6408015203850012 | x")
    with pytest.raises(HeaderNotFound):
        find_header(rows)
    header = find_header(rows, {"Anggota Regu": "nama", "No Kependudukan": "nik", "Keterangan": "program"})
    assert header.texts == {"nama": "Anggota Regu", "nik": "No Kependudukan", "program": "Keterangan"}


@pytest.mark.parametrize(
    ("nama", "nik"),
    [("Nama Pekerja", "Nomor Identitas"), ("Nama Operator", "No. e-KTP"), ("NAMA PEKERJA", "No. Identitas")],
)
def test_worker_and_identity_headers_need_no_mapping(nama, nik):
    header = find_header(rows_of(f"{nama} | {nik}\nBudi | 6408015203850012"))
    assert header.texts == {"nama": nama, "nik": nik}


def test_a_row_needs_two_mapped_cells_including_name_or_nik():
    rows = rows_of("""
Nama Kegiatan | Bimtek SKK
Tahun | 2025
Nama | Jabatan Kerja | Jenjang
Budi | Mandor | 3
""")
    assert find_header(rows).last_row == 2


def test_header_must_start_within_the_first_30_rows():
    rows = [[None, None]] * 30 + rows_of("Nama | NIK\nBudi | 6408015203850012")
    with pytest.raises(HeaderNotFound, match=r"^no header row with a name or NIK column in the first 30 rows$"):
        find_header(rows)
    assert find_header(rows, header_row=30).last_row == 30


@pytest.mark.parametrize(
    "header_row, first_row, texts",
    [
        (3, 3, {"nama": "Nama Lengkap", "nik": "No. KTP/NIK", "jabatan_kerja": "Jabatan Kerja"}),
    ],
)
def test_registry_header_row_is_used_as_given(header_row, first_row, texts):
    header = find_header(TITLE_THEN_HEADER, header_row=header_row)
    assert (header.first_row, header.last_row, header.texts) == (first_row, header_row, texts)


def test_registry_header_row_on_the_child_row_still_finds_the_parent():
    header = find_header(TWO_ROW_PARENT_QUALIFIES, header_row=2)
    assert header.first_row == 1
    assert header.texts["nama"] == "Nama"
    assert header.texts["nomor_sertifikat"] == "Sertifikat / Nomor"


@pytest.mark.parametrize(
    "header_row, message",
    [
        (0, "header row 1 set in the registry has no name or NIK column (found 'DAFTAR PESERTA PELATIHAN"),
        (9, "header row 10 set in the registry is below the last row"),
    ],
)
def test_registry_header_row_that_is_wrong(header_row, message):
    with pytest.raises(HeaderNotFound) as raised:
        find_header(TITLE_THEN_HEADER, header_row=header_row)
    assert str(raised.value).startswith(message)


# --- row classification -----------------------------------------------------------------------

HEADER = "No | Nama | NIK | Jabatan Kerja | Jenjang"


@pytest.mark.parametrize(
    "body, emitted, skipped",
    [
        ("1 | Budi | 6408015203850012 | Mandor | 3", [2], {}),
        (" | | | | ", [], {"blank": 1}),
        ("7 | | | | ", [], {"blank": 1}),  # only the unmapped No column
        # no name and no NIK, but a mapped value: kept for the standardizer to quarantine
        ("2 | | | Mandor | 3", [2], {}),
        ("1 | 2 | 3 | 4 | 5", [], {"column_numbers": 1}),
        ("(1) | (2) | (3) | (4) | (5)", [], {"column_numbers": 1}),
        # letters, and a computed column's formula (were: read as a participant named "b", "2")
        ("a | b | c | d | e", [], {"column_numbers": 1}),
        ("A | B | C | D | E", [], {"column_numbers": 1}),
        ("1 | 2 | 3 | 4 | 5 = 3 + 4", [], {"column_numbers": 1}),
        ("(1) | (2) | (3) | (4) | (5)=(3)x(4)", [], {"column_numbers": 1}),
        ("1 | 3 | 2 | 4 | 5", [2], {}),  # not in order: kept for the standardizer to judge
        ("JUMLAH | | | | ", [], {"total": 1}),
        (" | Jumlah Peserta | | | 25", [], {"total": 1}),
        ("Sub Total | | 12 | | ", [], {"total": 1}),
        ("TOTAL | | | | 40", [], {"total": 1}),
        ("JUMLAH | 50 | | | ", [], {"total": 1}),  # the count under the name column
        ("JUMLAH | 2 orang | | | ", [], {"total": 1}),  # ... with its unit
        ("Total | 1.250 peserta | | | ", [], {"total": 1}),
        ("JUMLAH | | 25 orang | | ", [], {"total": 1}),  # ... or under the NIK column
        ("JUMLAH | Budi | | | ", [2], {}),  # a name next to it: not a total row
        # the header printed again on the next page
        (
            "1 | Budi | 6408015203850012 | Mandor | 3\nNo | Nama | NIK | Jabatan Kerja | Jenjang",
            [2],
            {"header_repeat": 1},
        ),
        ("1 | Mengetahui, | | | ", [], {"footer": 1}),
        (" | | | Kepala Dinas PUPR | ", [], {"footer": 1}),
        (" | | | Sangatta, 15 Desember 2025 | ", [], {"footer": 1}),
        (" | Samarinda,      Desember 2025 | | | ", [], {"footer": 1}),  # day left for the pen
        (" | Plh. Kepala Dinas | | | ", [], {"footer": 1}),
        # a place and date in a row with other values is data, not the signature line
        ("4 | | | Sangatta, 12 Maret 1985 | ", [2], {}),
        (" | | | NIP. 19700101 199003 1 005 | ", [], {"footer": 1}),
        (" | a.n. Kepala Dinas | | | ", [], {"footer": 1}),
        (" | Plt. Kepala Bidang Bina Konstruksi | | | ", [], {"footer": 1}),
        # a marker word in a row that has a NIK does not end the table
        ("3 | Kepala Dinas | 6408015203850012 | Mandor | 3", [2], {}),
        # a printed page's number and the next page's heading, kept by a PDF converter: no row, no end
        (" | | | Halaman 2 dari 5 | ", [], {"page": 1}),
        (" | Hal. 2/5 | | | ", [], {"page": 1}),
        ("Page 3 of 7 | | | | ", [], {"page": 1}),
        (" | | - 2 - | | ", [], {"page": 1}),
        (" | | | Halaman | 2", [], {"page": 1}),  # the converter cut it in two cells
        ("Lanjutan | | | | ", [], {"page": 1}),
        (" | | | Lanjutan Lampiran Keputusan Kepala Dinas PUPR | ", [], {"page": 1}),
        (" | | | Nomor : 600/123/V.03/2025 | ", [], {"page": 1}),
        # Chrome's print header and footer on a web page printed to PDF, then converted
        ("07/10/25 10.22 | | | SIMPK - Cetak Daftar Peserta | ", [], {"page": 1}),
        ("10/7/25, 10:22 AM | | | | ", [], {"page": 1}),
        ("https://simpk.example.go.id/peserta/cetak?tahun=2025 | | | | 1/2", [], {"page": 1}),
        (" | | | | 2/3", [], {"page": 1}),
        # a date and time among a row's other values is data
        (" | | 12/03/2025 08.00 | Operator Crane | 3", [2], {}),
        (
            "1 | Budi | 6408015203850012 | Mandor | 3\n | | | Halaman 1 dari 2 | \n"
            "2 | Siti | 6408015203850013 | Juru Ukur | 4",
            [2, 4],
            {"page": 1},
        ),
    ],
)
def test_row_classification(body, emitted, skipped):
    rows = rows_of(HEADER + "\n" + body)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == emitted
    assert table.report.skipped == skipped
    assert table.report.rows == len(emitted)
    assert table.report.note == ("" if emitted else "no participant rows below the header")


def test_a_page_number_under_a_row_is_no_wrapped_line_of_it():
    # a converted page ends with its number right under the last row: the row's jabatan stays its own
    rows = rows_of(HEADER + """
1 | Budi | 6408015203850012 | Pelaksana Lapangan Pekerjaan Jalan | 6
 | | | Halaman 1 dari 2 |
2 | Siti | 6408015203850013 | Juru Ukur | 4""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["jabatan_kerja"] == ["Pelaksana Lapangan Pekerjaan Jalan", "Juru Ukur"]
    assert table.report.skipped == {"page": 1}


def test_footer_skips_every_row_after_it_and_rows_keep_their_numbers():
    rows = rows_of("""
DAFTAR PESERTA | | | |
No | Nama | NIK | Jabatan Kerja | Jenjang
1 | 2 | 3 | 4 | 5
1 | Budi | 6408015203850012 | Mandor | 3
 | | | |
2 | Siti | 6408015203850013 | Juru Ukur | 4
JUMLAH | | 2 | |
 | | | Sangatta, 15 Desember 2025 |
 | | | Kepala Dinas PUPR |
 | | | |
 | | | Ir. H. Ahmad Yani, M.T. |
 | | 6408015203850099 | NIP. 19700101 199003 1 005 |
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1, sheet="Angkatan I")
    assert table.source_rows == [4, 6]
    assert table.columns == {
        "nama": ["Budi", "Siti"],
        "nik": ["6408015203850012", "6408015203850013"],
        "jabatan_kerja": ["Mandor", "Juru Ukur"],
        "jenjang": ["3", "4"],
    }
    assert table.report.sheet == "Angkatan I"
    assert table.report.header_row == 2
    assert table.report.skipped == {"column_numbers": 1, "blank": 1, "total": 1, "footer": 5}


def test_rows_below_a_footer_are_read_again_under_the_header_printed_again():
    """A printed report: each page ends with its "Dibuat oleh ... Halaman" line and the next
    page prints the header again; a second batch under the same header after a signature."""
    rows = rows_of("""
LAPORAN PESERTA SERTIFIKASI | | |
No | Nama | NIK | Jenjang
1 | Budi | 6408015203850012 | 3
Dibuat oleh: Admin SIPJAKON - Halaman 1 dari 2 | | |
LAPORAN PESERTA SERTIFIKASI | | |
No | Nama | NIK | Jenjang
2 | Siti | 6408015203850013 | 4
Mengetahui, | | |
Kepala Bidang Bina Konstruksi | | |
 | Ir. H. Ahmad Yani, M.T. | 6408015203850099 |
TAHAP II | | |
No | Nama | NIK | Jenjang
1 | Andi | 6408011203850014 | 2
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Budi", "Siti", "Andi"]
    assert table.source_rows == [3, 7, 13]
    assert table.report.skipped == {"footer": 6, "header_repeat": 2}


def test_a_second_table_with_its_own_header_is_read_under_that_header():
    """Tahap II below Tahap I in one sheet, its columns in another order and one more column."""
    rows = rows_of("""
TAHAP I | | | |
No | Nama | NIK | Jenjang |
1 | Budi | 6408015203850012 | 3 |
 | | | |
TAHAP II | | | |
No | NIK | Nama | Hasil | Jenjang
1 | 6408015203850013 | Siti | K | 4
2 | 6408011203850014 | Andi | BK | 2
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == [3, 7, 8]
    assert table.columns == {
        "nama": ["Budi", "Siti", "Andi"],
        "nik": ["6408015203850012", "6408015203850013", "6408011203850014"],
        "jenjang": ["3", "4", "2"],
        "hasil": [None, "K", "BK"],
    }
    # "TAHAP II" alone on its row is a section row of the table above
    assert table.report.rows == 3 and table.report.skipped == {"blank": 1, "section": 1}
    assert table.report.note == "another table below with its own header at row 6, read under that header"


def test_a_sheet_of_thousands_of_tables_is_read_to_the_limit_and_says_so():
    """A hostile sheet: a header of another column order above every row (2,000 tables)."""
    lines = []
    for i in range(2000):
        lines.append("Nama | NIK" if i % 2 == 0 else "NIK | Nama")
        nik = f"64080152038{i:05d}"
        lines.append(f"Orang {i} | {nik}" if i % 2 == 0 else f"{nik} | Orang {i}")
    rows = rows_of("\n".join(lines))
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == [f"Orang {i}" for i in range(MAX_TABLES)]
    assert table.source_rows == list(range(2, 2 * MAX_TABLES + 1, 2))
    assert table.report.skipped["beyond_table_limit"] == 4000 - 2 * MAX_TABLES
    assert table.report.note.endswith(f"more than {MAX_TABLES} tables in the sheet: the {4000 - 2 * MAX_TABLES} rows "
                                      f"from row {2 * MAX_TABLES + 1} on not read")


def test_header_printed_twice_is_one_header_and_one_repeat():
    rows = rows_of("Nama | NIK | Hasil\nNama | NIK | Hasil\nBudi | 6408015203850012 | Kompeten")
    header = find_header(rows)
    assert (header.first_row, header.last_row) == (0, 0)
    table = extract_rows(rows, header, render_text, lambda i: i + 1)
    assert table.source_rows == [3]
    assert table.report.skipped == {"header_repeat": 1}


def test_short_rows_are_padded_and_row_numbers_come_from_the_caller():
    rows = [["Nama", "NIK", "Tahun"], ["Budi", "6408015203850012"], ["Siti"]]
    lines = [1, 2, 5]  # the second record spanned lines 2-4
    table = extract_rows(rows, find_header(rows), render_text, lines.__getitem__)
    assert table.source_rows == [2, 5]
    assert table.columns == {"nama": ["Budi", "Siti"], "nik": ["6408015203850012", None], "tahun": [None, None]}


@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        # a note in brackets never changes what the header names
        ("NAMA PESERTA (SESUAI KTP)", "nama"),
        ("Nama (sesuai KTP)", "nama"),
        ("NIK (16 digit)", "nik"),
        ("No. Induk Kependudukan (NIK)", "nik"),
        ("Tgl. Lahir (dd/mm/yyyy)", "tanggal_lahir"),
        ("Tanggal Lahir [DD-MM-YYYY]", "tanggal_lahir"),
        ("Jenis Kelamin (L/P)", "jenis_kelamin"),
        ("Jenjang Kualifikasi (KKNI)", "jenjang"),
        ("Hasil Uji (K/BK)", "hasil"),
        # trailing words that only say whose or which
        ("NIK Peserta", "nik"),
        ("NIK Asesi (16 digit)", "nik"),
        ("Nomor Sertifikat SKK", "nomor_sertifikat"),
        ("No. Sertifikat Kompetensi", "nomor_sertifikat"),
        ("Tanggal Terbit Sertifikat", "tanggal_terbit"),
        ("Masa Berlaku s/d", "masa_berlaku"),
        ("Jabatan Kerja yang Diuji", "jabatan_kerja"),
        ("Tahun Pelaksanaan", "tahun"),
        # a slash between two names of one column, and the spellings of other offices
        ("Kualifikasi/Jenjang", "jenjang"),
        ("Jenjang / Level", "jenjang"),
        ("Jenjang Kualifikasi KKNI", "jenjang"),
        ("Kualifikasi Jabatan", "kualifikasi"),
        ("Status Kompetensi", "hasil"),
        ("K/BK", "hasil"),
        ("Kompeten/Belum Kompeten", "hasil"),
        ("Hasil Akhir", "hasil"),
        ("Keputusan Asesor", "hasil"),
        ("KETERANGAN HASIL", "hasil"),
        ("Nomor KTP/NIK", "nik"),
        ("Tmp/Tgl Lahir", "tempat_tanggal_lahir"),
        ("Tmpt/Tgl. Lahir", "tempat_tanggal_lahir"),
        ("Nama Jabatan", "jabatan_kerja"),
        ("Jabatan Kerja yang Diikuti", "jabatan_kerja"),
        ("Nama Lengkap & Gelar", "nama"),
        # what is left must still say which column: a bare "tanggal" would be the birth date
        ("Tanggal Sertifikasi", None),
        ("Tanggal Uji", None),
        ("Nama Sertifikat", None),
        ("Status Peserta", None),
        ("No (Urut)", None),
    ],
)
def test_headers_with_notes_and_qualifiers(header, canonical):
    assert canonical_column(header) == canonical


def test_a_form_with_noted_headers_is_read():
    rows = rows_of("""
No | NAMA PESERTA (SESUAI KTP) | NIK (16 digit) | Jenis Kelamin (L/P) | Nomor Sertifikat SKK
1 | Budi | 6408015203850012 | L | SKK-1
""")
    header = find_header(rows)
    assert (header.first_row, header.last_row) == (0, 0)
    assert header.texts == {"nama": "NAMA PESERTA (SESUAI KTP)", "nik": "NIK (16 digit)",
                            "jenis_kelamin": "Jenis Kelamin (L/P)", "nomor_sertifikat": "Nomor Sertifikat SKK"}


# --- rows that continue the person above, section rows ------------------------------------------

SAME_AS_ABOVE = """
No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil
1 | Slamet Riyadi | 6408011203850001 | Tukang Batu | 2 | Belum Kompeten
 | | | Tukang Besi Beton | 2 | Kompeten
2 | Joko Susilo | 6408022506900002 | Operator Excavator | 3 | Kompeten
 | | | Operator Bulldozer | 3 | Kompeten
 | | | Mandor | 4 | Kompeten
3 | Rahmat Hidayat | 6408030101800004 | Tukang Kayu | 1 | Kompeten
 | " | " | Tukang Batu | 2 | Kompeten
4 | Yusuf Maulana | 6408031507950005 | Tukang Kayu | 1 | Kompeten
 | idem | idem | Tukang Batu | " | "
5 | Ahmad Fauzi | 6408030808870006 | Tukang Kayu | 1 | Kompeten
5.a | s.d.a. | | Tukang Batu | 2 | Kompeten
6 | Dewi Lestari | 6408036304920007 | Juru Ukur | 3 | Kompeten
b | Dewi Lestari | | Mandor | 4 | Kompeten
"""


def test_a_row_without_its_own_name_and_nik_is_the_next_certificate_of_the_person_above():
    """Blank, ditto, idem, s.d.a. or the name repeated without a NIK, under a person (was: 7 rows
    without identity, quarantined, and the ditto marks read as a name and a NIK)."""
    rows = rows_of(SAME_AS_ABOVE)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    people = ["Slamet Riyadi"] * 2 + ["Joko Susilo"] * 3 + ["Rahmat Hidayat"] * 2 + ["Yusuf Maulana"] * 2 + [
        "Ahmad Fauzi"] * 2 + ["Dewi Lestari"] * 2
    niks = {"Slamet Riyadi": "6408011203850001", "Joko Susilo": "6408022506900002", "Rahmat Hidayat": "6408030101800004",
            "Yusuf Maulana": "6408031507950005", "Ahmad Fauzi": "6408030808870006", "Dewi Lestari": "6408036304920007"}
    assert table.columns["nama"] == people
    assert table.columns["nik"] == [niks[name] for name in people]
    assert table.columns["jenjang"] == ["2", "2", "3", "3", "4", "1", "2", "1", "1", "1", "2", "3", "4"]
    assert table.columns["hasil"] == ["Belum Kompeten"] + ["Kompeten"] * 12
    assert table.report.note == ("7 rows without their own name and NIK (blank or ditto) read as the next "
                                 "certificate of the person above")


@pytest.mark.parametrize(
    "cell, ditto",
    [
        ('"', True), ("''", True), ("\u3003", True), (",,", True), ("\u201d \u201d", True),
        ("idem", True), ("-idem-", True), ("( idem )", True), ("IDEM", True), ("Idem.", True),
        ("s.d.a", True), ("S.D.A.", True), ("sda", True), ("Sda.", True), ("s/d/a", True), ("- sda -", True),
        ("dto", True), ("Dto.", True), ("ditto", True), ("-do-", True), ("sama dengan atas", True),
        # a missing value, a name, a number: not "same as above"
        ("-", False), ("", False), (None, False), ("Ido", False), ("Sadam", False), ("Idem 2", False),
        ("dto 12", False), ("Dodo", False),
    ],
)
def test_same_as_above_marks(cell, ditto):
    """The clerks' "same as above" in its spellings ('-idem-' continued nobody: 3 demo rows were persons)."""
    assert is_ditto(cell) is ditto


def test_the_column_scan_forms_are_all_ditto_marks():
    """The column pre-scan's spellings (a set, for speed) never disagree with :func:`is_ditto`."""
    assert [form for form in table_module._DITTO_FORMS if not is_ditto(form)] == []


@pytest.mark.parametrize(
    "body, nama, nik",
    [
        # a row with its own number is another participant whose name and NIK are missing
        ("1 | Budi | 6408015203850012 | Mandor | 4 | K\n2 | | | Tukang Batu | 2 | K",
         ["Budi", None], ["6408015203850012", None]),
        # a blank row between: no continuation
        ("1 | Budi | 6408015203850012 | Mandor | 4 | K\n | | | | |\n | | | Tukang Batu | 2 | K",
         ["Budi", None], ["6408015203850012", None]),
        # a "-" is a missing value, not a ditto mark
        ("1 | Budi | 6408015203850012 | Mandor | 4 | K\n | - | - | Tukang Batu | 2 | K",
         ["Budi", "-"], ["6408015203850012", "-"]),
        # a namesake with a NIK of their own
        ("1 | Budi | 6408015203850012 | Mandor | 4 | K\n2 | Budi | 6408011203850014 | Tukang Batu | 2 | K",
         ["Budi", "Budi"], ["6408015203850012", "6408011203850014"]),
        # a ditto mark on the first row has nothing above to stand for
        ('1 | " | 6408015203850012 | Mandor | 4 | K', ['"'], ["6408015203850012"]),
    ],
)
def test_rows_that_do_not_continue_the_person_above(body, nama, nik):
    rows = rows_of("No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil\n" + body)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert (table.columns["nama"], table.columns["nik"]) == (nama, nik)



@pytest.mark.parametrize(
    "second, nama, born",
    [
        # a birth date of its own: another participant whose name and NIK are missing (was: read as
        # Budi's next certificate, so a row without identity made Budi certified at jenjang 2)
        ("| | 01-01-1980 | L | Tukang Batu | 2 | K", [None], ["01-01-1980"]),
        # another sex than the person above
        ("| | | P | Tukang Batu | 2 | K", [None], [None]),
        # the same birth date and sex written again, or ditto: the same person's next certificate
        ("| | 12-03-1985 | L | Tukang Batu | 2 | K", ["Budi"], ["12-03-1985"]),
        ('| " | " | " | Tukang Batu | 2 | K', ["Budi"], ["12-03-1985"]),
        ("| | | | Tukang Batu | 2 | K", ["Budi"], ["12-03-1985"]),
    ],
)
def test_a_row_with_birth_or_sex_of_its_own_does_not_continue_the_person_above(second, nama, born):
    rows = rows_of("Nama | NIK | Tanggal Lahir | L/P | Jabatan Kerja | Jenjang | Hasil\n"
                   "Budi | 6408011203850012 | 12-03-1985 | L | Mandor | 4 | K\n" + second)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Budi", *nama]
    assert table.columns["tanggal_lahir"] == ["12-03-1985", *born]

SECTIONS = """
No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil
 | KECAMATAN SANGATTA UTARA | | | |
1 | Slamet Riyadi | 6408011203850001 | Tukang Batu | 2 | Kompeten
A | KECAMATAN BENGALON | | | |
1 | Nur Aini | 6408035511880003 | Juru Ukur | 3 | Kompeten
 | Jabatan: Operator Excavator | | | |
1 | Rahmat Hidayat | 6408030101800004 | | 3 | Kompeten
2 | Yusuf Maulana | 6408031507950005 | | 3 | Belum Kompeten
II | Kec. Rantau Pulung | | | |
1 | Ahmad Fauzi | 6408030808870006 | Mandor | 4 | Kompeten
 | Sub Jumlah | | | | 1
 | Jenjang 3 - Operator | | | |
1 | Dedi Kurniawan | 6408031010910007 | Operator Crane | | Kompeten
 | TAHAP II | | | |
1 | Bulan Sari | 6408036304920008 | Operator Crane | | Kompeten
"""


def test_section_rows_are_no_participants_and_give_their_value_to_the_rows_below():
    """District, occupation, level and batch written as one line inside the table (was: 6 rows read
    as participants named "KECAMATAN ...", and the occupation and level of the rows below lost)."""
    rows = rows_of(SECTIONS)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == [3, 5, 7, 8, 10, 13, 15]
    assert table.columns["nama"] == ["Slamet Riyadi", "Nur Aini", "Rahmat Hidayat", "Yusuf Maulana", "Ahmad Fauzi",
                                     "Dedi Kurniawan", "Bulan Sari"]
    assert table.columns["jabatan_kerja"] == ["Tukang Batu", "Juru Ukur", "Operator Excavator", "Operator Excavator",
                                              "Mandor", "Operator Crane", "Operator Crane"]
    assert table.columns["jenjang"] == ["2", "3", "3", "3", "4", "3 - Operator", "3 - Operator"]
    assert table.columns["program"] == [None] * 6 + ["TAHAP II"]
    assert table.report.skipped == {"section": 6, "total": 1}


@pytest.mark.parametrize(
    "cells",
    [
        "1 | Bulan Sari | | | |",  # a participant without a NIK whose name is no label
        "1 | Desa | | | |",  # a label alone names no group
        "1 | Kota Samarinda | 6408031010910007 | | |",  # a NIK: a participant
        "1 | Kecamatan Bengalon | | Mandor | 4 | K",  # values beside it: a participant row
        " | | | | | Kompeten",  # a result alone in the result column is that row's
        " | | | Operator | |",  # an occupation alone in its column
    ],
)
def test_rows_that_are_no_section(cells):
    rows = rows_of("No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil\n" + cells)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == [2]


# --- tables side by side ------------------------------------------------------------------------

SIDE_BY_SIDE = """
DAFTAR PESERTA SERTIFIKASI TENAGA AHLI TAHUN 2025 | | | | | | | | | | | | |
TAHAP I | | | | | | | TAHAP II | | | | | |
No | Nama Lengkap | NIK | Jenjang | Hasil | Ket | | No | Nama Lengkap | NIK | Jenjang | Hasil | Ket
1 | Andi Saputra | 6472011503880001 | 7 | Kompeten | | | 1 | Dewi Lestari | 6408016304920005 | 7 | Kompeten |
2 | Siti Rahmawati | 6472015208900002 | 7 | Kompeten | | | 2 | Agus Salim | 6408011107800006 | 8 | Kompeten |
3 | Budi Hartono | 6471020101850003 | 8 | Belum Kompeten | | | | | | | |
"""

# No blank column between them, the second in another column order and without Ket.
SIDE_BY_SIDE_ADJACENT = """
No | Nama | NIK | Jenjang | Hasil | No | NIK | Nama | Hasil | Jenjang
1 | Andi Saputra | 6472011503880001 | 7 | K | 1 | 6408016304920005 | Dewi Lestari | K | 7
2 | Siti Rahmawati | 6472015208900002 | 7 | K | | | | |
"""


@pytest.mark.parametrize(
    "text, sheets, names, rows, jenjang",
    [
        (SIDE_BY_SIDE, ["Data", "Data", "Data", "Data [H:M]", "Data [H:M]"],
         ["Andi Saputra", "Siti Rahmawati", "Budi Hartono", "Dewi Lestari", "Agus Salim"], [4, 5, 6, 4, 5],
         ["7", "7", "8", "7", "8"]),
        (SIDE_BY_SIDE_ADJACENT, ["Data", "Data", "Data [F:J]"], ["Andi Saputra", "Siti Rahmawati", "Dewi Lestari"],
         [2, 3, 2], ["7", "7", "7"]),
    ],
)
def test_tables_side_by_side_are_each_read(text, sheets, names, rows, jenjang):
    """Tahap II beside Tahap I under one header row (was: the right table's rows not read, its
    columns noted as duplicates): each read under its own header, named for its columns."""
    grid = rows_of(text)
    tables = extract_tables(grid, find_header(grid), render_text, lambda i: i + 1, sheet="Data")
    assert [t.report.sheet for t in tables for _ in t.source_rows] == sheets
    assert [name for t in tables for name in t.columns["nama"]] == names
    assert [row for t in tables for row in t.source_rows] == rows
    assert [level for t in tables for level in t.columns["jenjang"]] == jenjang
    # one table for callers that take one: the same rows, one block below the other
    stacked = extract_rows(grid, find_header(grid), render_text, lambda i: i + 1, sheet="Data")
    assert stacked.columns["nama"] == names and stacked.source_rows == rows


def test_a_second_identity_column_in_one_table_is_no_second_table():
    rows = rows_of("""
No | Nama | NIK | No. KTP | Jabatan Kerja | Jenjang
1 | Andi Saputra | 6472011503880001 | 6472011503880001 | Ahli Muda Teknik Jalan | 7
""")
    header = find_header(rows)
    assert header.blocks == ()
    assert [t.columns["nama"] for t in extract_tables(rows, header, render_text, lambda i: i + 1)] == [["Andi Saputra"]]


@pytest.mark.parametrize("index, letters", [(0, "A"), (7, "H"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(index, letters):
    assert column_letters(index) == letters


# --- headers over three rows --------------------------------------------------------------------

THREE_ROW_HEADER = rows_of("""
DAFTAR PESERTA | | | | | | | |
No | Nama | NIK | Tempat/Tgl Lahir | | Uji Kompetensi | | |
 | | | Tempat | Tanggal | Jabatan Kerja | Jenjang | Sertifikat |
 | | | | | | | Nomor | Hasil
1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9
1 | Slamet Riyadi | 6408011203850001 | Sangatta | 12-03-1985 | Tukang Batu | 2 | SKK-001 | Kompeten
""")

# The third row ticks the result under K | BK below "Hasil" below "Uji Kompetensi".
THREE_ROW_TICKS = rows_of("""
No | Nama | NIK | Uji Kompetensi | | |
 | | | Jenjang | Hasil |
 | | | | K | BK
1 | Slamet Riyadi | 6408011203850001 | 2 | v |
2 | Joko Susilo | 6408022506900002 | 3 | | v
""")


def test_a_third_header_row_under_merged_cells_of_the_second():
    """Was: the third row skipped as blank, Nomor and Hasil not read (no result for anybody)."""
    header = find_header(THREE_ROW_HEADER)
    assert (header.first_row, header.last_row) == (1, 3)
    assert header.columns == {"nama": 1, "nik": 2, "tempat_lahir": 3, "tanggal_lahir": 4, "jabatan_kerja": 5,
                              "jenjang": 6, "nomor_sertifikat": 7, "hasil": 8}
    assert header.texts["nomor_sertifikat"] == "Sertifikat / Nomor"
    assert header.texts["jabatan_kerja"] == "Uji Kompetensi / Jabatan Kerja"
    table = extract_rows(THREE_ROW_HEADER, header, render_text, lambda i: i + 1)
    assert table.columns["hasil"] == ["Kompeten"] and table.columns["nomor_sertifikat"] == ["SKK-001"]
    assert table.report.skipped == {"column_numbers": 1}


def test_a_third_header_row_of_ticks():
    header = find_header(THREE_ROW_TICKS)
    assert (header.first_row, header.last_row) == (0, 2)
    table = extract_rows(THREE_ROW_TICKS, header, render_text, lambda i: i + 1)
    assert table.columns["hasil"] == ["Kompeten", "Belum Kompeten"]
    assert table.columns["jenjang"] == ["2", "3"]


@pytest.mark.parametrize(
    "text, names",
    [
        # the first participant has only words, under no merged span: a participant
        ("No | Nama | NIK | Sertifikat |\n | | | Nomor | Tanggal\n | Budi Santoso | belum ada | |", ["Budi Santoso"]),
        # words under a span that name nothing: a participant row, not a header
        ("No | Nama | Hasil | |\n | | K | BK |\n | Budi Santoso | | | Tidak hadir", ["Budi Santoso"]),
    ],
)
def test_rows_below_a_two_row_header_that_are_no_third_header_row(text, names):
    rows = rows_of(text)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == names


# --- summary sheets, spaced headers -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Nama Peserta | Jabatan Kerja | Jumlah\nSlamet Riyadi | Tukang Batu | 1\nGrand Total | | 1",
         "row 1 heads a summary (a count under 'Jumlah', no NIK), not a list of participants"),
        ("REKAP | |\nNama | Jabatan Kerja | Count of NIK\nSlamet Riyadi | Tukang Batu | 2",
         "row 2 heads a summary (a count under 'Count of NIK', no NIK), not a list of participants"),
        ("Jabatan Kerja | Nama Peserta | Jumlah dari Jenjang\nTukang Batu | Slamet Riyadi | 1",
         "row 1 heads a summary (a count under 'Jumlah dari Jenjang', no NIK), not a list of participants"),
    ],
)
def test_a_summary_with_names_and_counts_is_no_participant_list(text, reason):
    """A recap or pivot sheet beside the participant sheet (was: its names read as participants
    without NIK, each a person of its own)."""
    with pytest.raises(HeaderNotFound) as raised:
        find_header(rows_of(text), row_number=lambda i: i + 1)
    assert str(raised.value) == reason


def test_a_count_column_beside_a_nik_is_a_participant_list():
    rows = rows_of("Nama | NIK | Jumlah\nSlamet Riyadi | 6408011203850001 | 1")
    assert find_header(rows).columns == {"nama": 0, "nik": 1}


def test_a_summary_below_the_list_ends_it():
    rows = rows_of("""
No | Nama | NIK | Jabatan Kerja
1 | Slamet Riyadi | 6408011203850001 | Tukang Batu
2 | Joko Susilo | 6408022506900002 | Tukang Kayu
 | | |
 | Nama | Jabatan Kerja | Jumlah
 | Slamet Riyadi | Tukang Batu | 1
 | Joko Susilo | Tukang Kayu | 1
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Slamet Riyadi", "Joko Susilo"]
    assert table.report.skipped == {"blank": 1, "footer": 3}


@pytest.mark.parametrize(
    "header, canonical",
    [
        ("N A M A", "nama"),
        ("N I K", "nik"),
        ("N A M A   P E S E R T A", "nama"),
        ("H A S I L", "hasil"),
        ("A B C", None),
        ("Tempat Lahir / Tanggal Lahir", "tempat_tanggal_lahir"),
        # the spaced word with a note or qualifier beside it (were None)
        ("N I K\n(16 digit)", "nik"),
        ("J E N J A N G (KKNI)", "jenjang"),
        ("H A S I L  U J I (K/BK)", "hasil"),
        ("NO. K T P", "nik"),
        ("A B C (16 digit)", None),
        ("L / P", "jenis_kelamin"),
    ],
)
def test_headers_typed_with_spaced_letters(header, canonical):
    assert canonical_column(header) == canonical


def test_the_sub_column_that_names_itself_wins_under_a_merged_name():
    """Gelar Depan | Nama | Gelar Belakang under a merged "Nama Lengkap" (was: the first one, the
    degree, read as the name: "Ir.", and a name missing where no degree was written)."""
    rows = rows_of("""
No | Nama Lengkap | | | NIK | Jenjang
 | Gelar Depan | Nama | Gelar Belakang | |
1 | Ir. | Ahmad Yani | M.T. | 6472011503700001 | 8
2 | | Siti Rahmawati | S.T. | 6472015208900002 | 7
""")
    header = find_header(rows)
    assert header.columns["nama"] == 2
    assert header.texts["nama"] == "Nama Lengkap / Nama"
    table = extract_rows(rows, header, render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Ahmad Yani", "Siti Rahmawati"]


@pytest.mark.parametrize(
    "text, nik",
    [
        # a box per digit under the merged NIK header, as printed forms have
        ("No | Nama | NIK" + " | " * 15 + " | Jenjang\n1 | Budi | " + " | ".join("6408011203850001") + " | 3",
         ["6408011203850001"]),
        # four groups of four
        ("No | Nama | NIK | | | | Jenjang\n1 | Budi | 6408 | 0112 | 0385 | 0001 | 3", ["6408011203850001"]),
        # one digit short: joined all the same, for the standardizer to flag
        ("No | Nama | NIK | | | | Jenjang\n1 | Budi | 6408 | 0112 | 0385 | 001 | 3", ["640801120385001"]),
        # a NIK typed in groups, cut by a PDF converter at its widest gap into the empty column beside
        ("No | Nama | NIK | | Jenjang\n1 | Budi | 6408 0112 | 0385 0001 | 3", ["6408011203850001"]),
        ("No | Nama | NIK | | Jenjang\n1 | Budi | 6408.0112 | 0385.0001 | 3", ["6408011203850001"]),
        # ... in a borderless table converted with an empty column between every real one
        ("No | | Nama | | NIK | | Jenjang\n1 | | Budi | | 6408 0112 | 0385 0001 | | 3", ["6408011203850001"]),
        ("No | Nama | NIK | | Jenjang\n1 | Budi | 6408 0112 | KTP 0001 | 3", ["6408 0112"]),
        # a remark in the blank-headed column beside the NIK is no piece of it
        ("No | Nama | NIK | | Jenjang\n1 | Budi | 6408011203850001 | KTP Samarinda | 3", ["6408011203850001"]),
        ("No | Nama | NIK | | Jenjang\n1 | Budi | 6408011203850001 | 2 | 3", ["6408011203850001"]),
    ],
)
def test_a_nik_written_in_pieces_under_its_merged_header_is_joined(text, nik):
    rows = rows_of(text)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nik"] == nik
    assert table.columns["nama"] == ["Budi"]


# --- cells wrapped onto rows of their own (a PDF converted to a sheet) --------------------------

WRAPPED = """
No | Nama | NIK | Tempat, Tgl Lahir | Jabatan Kerja | Jenjang | Hasil
1 | Ir. Ahmad Yani | 6472011503700001 | Samarinda, | Pelaksana Lapangan | 6 | Kompeten
 | M.T. | | 15-03-1970 | Pekerjaan Gedung | |
2 | Siti Rahmawati | 6472015208900002 | Bontang, 12-08-1990 | Juru Ukur | 3 | Kompeten
3 | Muhammad Rizky | 6472010101950003 | Tenggarong, | Teknisi Laboratorium | 4 | Belum
 | Pratama | | 01-01- | Beton | | Kompeten
 | | | 1995 | | |
"""


def test_lines_of_a_wrapped_cell_on_rows_of_their_own_join_the_row_above():
    """Was: 5 rows, "M.T." and "Pratama" read as participants without NIK, "Belum" as the result."""
    rows = rows_of(WRAPPED)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == [2, 4, 5]
    assert table.columns["nama"] == ["Ir. Ahmad Yani M.T.", "Siti Rahmawati", "Muhammad Rizky Pratama"]
    assert table.columns["tempat_tanggal_lahir"] == ["Samarinda, 15-03-1970", "Bontang, 12-08-1990",
                                                     "Tenggarong, 01-01- 1995"]
    assert table.columns["jabatan_kerja"] == ["Pelaksana Lapangan Pekerjaan Gedung", "Juru Ukur",
                                              "Teknisi Laboratorium Beton"]
    assert table.columns["hasil"] == ["Kompeten", "Kompeten", "Belum Kompeten"]
    assert table.report.skipped == {"wrapped_text": 3} and table.report.rows == 3


STACKED = """
No | Nama / NIK | Tempat, Tgl Lahir | Jabatan Kerja | Jenjang | Hasil
1 | DWI LESTARI | Metro, | Operator Excavator | 3 | Kompeten
 | 1872024905910002 | 09-05-1991 | | |
2 | BAYU AJI NUGROHO | Metro, | Tukang Batu | 2 | Kompeten
 | 1872051702970009 | 17-02-1997 | | |
3 | KETUT WIDANA *) | Gunung Sugih, 08-08-1987 | Tukang Besi Beton | 2 | Kompeten
4 | RINI ASTUTI | Gunung Sugih, | Juru Ukur | 4 | Kompeten
 | 1802024210940006 | 02-10-1994 | | |
"""


def test_the_nik_below_its_name_in_a_stacked_cell_joins_the_row_above():
    """A stream-mode converter (tabula) cuts the cell "NAMA\\nNIK" into two rows, the NIK on the one
    below. Was: 7 rows, the NIK rows read as participants of their own, the name rows without NIK."""
    rows = rows_of(STACKED)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == [2, 4, 6, 7]
    assert table.columns["nama"] == ["DWI LESTARI", "BAYU AJI NUGROHO", "KETUT WIDANA *)", "RINI ASTUTI"]
    # Ketut has no NIK (no KTP handed in): Rini's, two rows below, is not his
    assert table.columns["nik"] == ["1872024905910002", "1872051702970009", None, "1802024210940006"]
    assert table.columns["tempat_tanggal_lahir"][:2] == ["Metro, 09-05-1991", "Metro, 17-02-1997"]
    assert table.report.skipped == {"wrapped_text": 3}


def test_the_last_group_of_a_nik_wrapped_onto_its_own_row_joins_the_nik_above():
    """A NIK typed in groups in a narrow column wraps its last group: "1802 0109 0990" over "0011".
    Was: the group a row of its own (no level: quarantined) and the NIK above three digits short."""
    rows = rows_of("""
NO | NAMA | NIK | JABATAN KERJA | JENJANG
1 | AHMAD FAUZI, S.T. | 1802 0109 0990 | Ahli Muda Teknik Jalan | 7
 | | 0011 | |
2 | SRI WAHYUNINGSIH | 1871 0361 0487 0012 | Ahli Muda Manajemen Konstruksi | 7
 | | 0013 | |
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == [2, 4, 5]
    # a whole NIK above: the number below completes nothing (kept for the standardizer to judge)
    assert table.columns["nik"] == ["1802 0109 0990 0011", "1871 0361 0487 0012", "0013"]


@pytest.mark.parametrize(
    "body, names",
    [
        # another participant without a number and a NIK, with a level and a result of their own
        ("1 | Budi | 6408015203850012 | Mandor | 4 | K\n | Andi | | Tukang Batu | 2 | K", ["Budi", "Andi"]),
        # a result below a whole result: another participant
        ("1 | Budi | 6408015203850012 | Mandor | 4 | K\n | Andi | | | | K", ["Budi", "Andi"]),
        # numbered: a participant of their own
        ("1 | Budi | 6408015203850012 | Mandor | 4 | K\n2 | Andi | | Juru Ukur | |", ["Budi", "Andi"]),
        # a NIK below a row that has its own: another participant's row (kept for the standardizer)
        ("1 | Budi | 6408015203850012 | Mandor | 4 | K\n | | 6408015203850013 | | |", ["Budi", None]),
        # a NIK with a result of its own below a name without one: another participant
        ("1 | Budi | | Mandor | 4 | K\n | | 6408015203850013 | | | BK", ["Budi", None]),
    ],
)
def test_rows_that_wrap_nothing(body, names):
    rows = rows_of("No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil\n" + body)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == names


def test_read_sheet_finds_a_header_below_a_long_preamble():
    """HTML and Excel 2003 XML exports through read_sheet look as deep as workbooks (was: 30 rows)."""
    from sources.readers.table import read_sheet

    rows = [[f"Dengan hormat, paragraf {i}", None] for i in range(40)] + rows_of("Nama | NIK\nBudi | 6408015203850012")
    [table] = read_sheet("Lampiran", rows, render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Budi"] and table.report.header_row == 41


def test_rows_grouped_by_result_or_qualification_take_it_from_their_section_row():
    """Was: "PESERTA KOMPETEN" and "AHLI MUDA" read as participants, the rows below without result
    or level (nobody certified)."""
    rows = rows_of("""
No | Nama | NIK | Jabatan Kerja | Jenjang
A. | PESERTA KOMPETEN | | |
1 | Andi Saputra | 6472011503880001 | Ahli Muda Teknik Jalan | 7
B. | Yang Dinyatakan Belum Kompeten | | |
1 | Budi Hartono | 6471020101850003 | Ahli Madya Teknik Jalan | 8
II | AHLI MUDA | | |
1 | Dewi Lestari | 6408016304920005 | Arsitek | 
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Andi Saputra", "Budi Hartono", "Dewi Lestari"]
    assert table.columns["hasil"] == ["KOMPETEN", "Belum Kompeten", "Belum Kompeten"]
    assert table.columns["kualifikasi"] == [None, None, "AHLI MUDA"]
    assert table.report.skipped == {"section": 3}


@pytest.mark.parametrize(
    ("section", "jabatan", "jenjang"),
    [
        # a nominative list grouped under its occupations, each heading with the level beside it
        ("I. OPERATOR EXCAVATOR - JENJANG 3", "OPERATOR EXCAVATOR", "JENJANG 3"),
        ("II. TUKANG BATU (Level 2)", "TUKANG BATU", "Level 2"),
        ("III. MANDOR PEKERJAAN JALAN / KKNI Jenjang 4", "MANDOR PEKERJAAN JALAN", "KKNI Jenjang 4"),
        ("B. Juru Ukur, Jenjang III", "Juru Ukur", "Jenjang III"),
        ("Operator Crane Jenjang 3", "Operator Crane", "Jenjang 3"),
        ("Ahli Muda Teknik Jalan [Jenjang 7]", "Ahli Muda Teknik Jalan", "Jenjang 7"),
        # a qualification with its level is the level alone (as before)
        ("OPERATOR (JENJANG 3)", None, "JENJANG 3"),
        # no one level, or a list's title, heads no group of this kind
        ("Tukang Batu - Jenjang 1-3", None, None),
        ("DAFTAR PESERTA UJI KOMPETENSI OPERATOR - JENJANG 3", None, None),
        ("Tukang Batu", None, None),
    ],
)
def test_a_section_row_naming_occupation_and_level_gives_both_to_the_rows_below(section, jabatan, jenjang):
    """Was: "I. OPERATOR EXCAVATOR - JENJANG 3" was no section (no label: "Jabatan:", "Jenjang"):
    skipped as blank, the rows below without jabatan kerja and jenjang (quarantined jenjang_missing)."""
    rows = rows_of(f"""
NO | NAMA | NIK | HASIL ASESMEN
{section} | | |
1 | Syahrial | 1472011305820001 | Kompeten
2 | Junaidi | 1472040804910003 | Kompeten
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Syahrial", "Junaidi"]
    assert table.columns.get("jabatan_kerja", [None] * 2) == [jabatan] * 2
    assert table.columns.get("jenjang", [None] * 2) == [jenjang] * 2


TWO_RESULT_TABLES = """
PENGUMUMAN HASIL UJI KOMPETENSI TAHUN 2022 | | | | |
A. PESERTA KOMPETEN | | | | |
NO | NAMA | NIK | JABATAN KERJA | JENJANG | KETERANGAN
1 | Lalu Supardi | 5201071111810003 | Tukang Kayu | 2 | {first}
2 | Hamdi | 5201051409900001 | Tukang Kayu | 2 |
 | | | | |
B. PESERTA BELUM KOMPETEN | | | | |
NO | NAMA | NIK | JABATAN KERJA | JENJANG | KETERANGAN
1 | Saparudin | 5201072802880002 | Tukang Kayu | 2 | {second}
"""


@pytest.mark.parametrize(
    ("first", "second", "hasil"),
    [
        # the section is the result: an empty note, or a note that is a remark, takes it
        ("", "", ["KOMPETEN", "KOMPETEN", "BELUM KOMPETEN"]),
        ("SKK menyusul", "Dapat mengikuti uji ulang", ["KOMPETEN", "KOMPETEN", "BELUM KOMPETEN"]),
        ("Peserta dari Kota Mataram", "", ["KOMPETEN", "KOMPETEN", "BELUM KOMPETEN"]),
        # a result, an absence or a wait of the row's own stands
        ("BK", "Kompeten", ["BK", "KOMPETEN", "Kompeten"]),
        ("Tidak Hadir", "Uji ulang", ["Tidak Hadir", "KOMPETEN", "Uji ulang"]),
        ("Kompeten, SKK dalam proses", "", ["Kompeten, SKK dalam proses", "KOMPETEN", "BELUM KOMPETEN"]),
    ],
)
def test_a_result_heading_above_the_header_is_the_first_groups(first, second, hasil):
    """An announcement in two tables, each result heading over its own header (was: the first
    heading was read as the title, its rows without a result: nobody certified; a remark in the
    KETERANGAN column read as the result column stood against the section's)."""
    rows = rows_of(TWO_RESULT_TABLES.format(first=first, second=second))
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Lalu Supardi", "Hamdi", "Saparudin"]
    assert table.columns["hasil"] == hasil


@pytest.mark.parametrize(
    ("above", "jabatan", "program"),
    [
        # a sheet per occupation: its last title line names it
        ("JABATAN KERJA : TUKANG BATU", "TUKANG BATU", None),
        ("I. OPERATOR EXCAVATOR - JENJANG 3", "OPERATOR EXCAVATOR", None),
        # a title's place, batch or year line is the list's, not a group's
        ("KECAMATAN : SOKARAJA", None, None),
        ("TAHAP II", None, None),
        ("TAHUN ANGGARAN 2025", None, None),
        ("DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", None, None),
    ],
)
def test_a_group_heading_above_the_header(above, jabatan, program):
    rows = rows_of(f"""
{above} | | |

NO | NAMA | NIK | HASIL
1 | Lalu Muhammad Zaini | 5271012501820001 | K
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns.get("jabatan_kerja", [None]) == [jabatan]
    assert table.columns.get("program", [None]) == [program]


@pytest.mark.parametrize(
    ("below", "nama", "jabatan", "jenjang", "hasil"),
    [
        # reserves who did not sit, under a header of fewer columns: KETERANGAN where the list has JENJANG
        ("PESERTA CADANGAN | | | | | |\n"
         "NO | NAMA PESERTA | NIK | TEMPAT, TGL LAHIR | JABATAN KERJA | KETERANGAN |\n"
         "1 | Wahyudi | 3302052903910006 | Banyumas, 29-03-1991 | Tukang Kayu | Cadangan |",
         "Wahyudi", "Tukang Kayu", None, "Cadangan"),
        # a make-up assessment's table without the birth column: every column after NIK one to the left
        ("PESERTA UJI SUSULAN | | | | | |\n"
         "NO | NAMA PESERTA | NIK | JABATAN KERJA | JENJANG | HASIL UJI |\n"
         "1 | Wahyudi | 3302052903910006 | Tukang Kayu | 2 | K |",
         "Wahyudi", "Tukang Kayu", "2", "K"),
        # the same header printed again on the next page: the same table
        ("NO | NAMA PESERTA | NIK | TEMPAT, TGL LAHIR | JABATAN KERJA | JENJANG | HASIL UJI\n"
         "2 | Wahyudi | 3302052903910006 | Banyumas, 29-03-1991 | Tukang Kayu | 2 | K",
         "Wahyudi", "Tukang Kayu", "2", "K"),
    ],
)
def test_a_second_table_below_sharing_some_columns_is_read_under_its_own_header(below, nama, jabatan, jenjang,
                                                                                  hasil):
    """Was: a header below whose name and NIK stand where the list's do was taken for the list's
    header printed again, and the rows under it read through the list's columns (the reserves'
    KETERANGAN as their jenjang: quarantined jenjang_unreadable; a make-up table's level as its
    jabatan kerja and its result as its level)."""
    rows = rows_of("NO | NAMA PESERTA | NIK | TEMPAT, TGL LAHIR | JABATAN KERJA | JENJANG | HASIL UJI\n"
                   "1 | Sugeng Riyadi | 3302111203800003 | Banyumas, 12-03-1980 | Tukang Batu | 2 | K\n"
                   " | | | | | |\n" + below)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Sugeng Riyadi", nama]
    assert table.columns["jabatan_kerja"] == ["Tukang Batu", jabatan]
    assert table.columns["jenjang"] == ["2", jenjang]
    assert table.columns["hasil"] == ["K", hasil]


@pytest.mark.parametrize(
    ("section", "program"),
    [
        # a recap's sections: the regencies' re-reports, then the province's own program
        ("PROGRAM PROVINSI (TENAGA AHLI)", "PROGRAM PROVINSI (TENAGA AHLI)"),
        ("Program: Pelatihan MTU", "Program: Pelatihan MTU"),
        ("II. PROGRAM FRESH GRADUATE", "PROGRAM FRESH GRADUATE"),
    ],
)
def test_a_program_section_row_is_no_participant(section, program):
    """Was: a section row naming a program under the name column was read as a participant of that
    name (one more person in dim_person)."""
    rows = rows_of(f"""
NO | NIK | NAMA | JABATAN KERJA | JENJANG | KET.
 | | {section} | | |
1 | 3374120606760002 | Ir. BUDI SANTOSO, M.T. | Ahli Muda Teknik Jalan | Jenjang 7 | K
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Ir. BUDI SANTOSO, M.T."]
    assert table.columns["program"] == [program]
    assert table.report.skipped == {"section": 1}


@pytest.mark.parametrize(
    ("hasil", "keterangan", "read"),
    [
        # HASIL left blank, the result written in KETERANGAN: the row's result is there
        ("", "Kompeten (uji susulan 02-09-2025)", "Kompeten (uji susulan 02-09-2025)"),
        ("", "Lulus", "Lulus"),
        ("", "BK", "BK"),
        # a remark or an absence beside a blank result is no result
        ("", "Tidak Hadir", None),
        ("", "Peserta dari Kab. Kampar", None),
        # a result in HASIL stands whatever KETERANGAN says
        ("BK", "Uji ulang", "BK"),
        ("K", "Belum Kompeten", "K"),
    ],
)
def test_a_result_written_beside_a_blank_result_column(hasil, keterangan, read):
    """Was: the sheet's result column was HASIL UJI for every row, so a make-up participant whose
    result the clerk wrote in KETERANGAN certified nobody."""
    rows = rows_of(f"""
NO | NAMA | NIK | JENJANG | HASIL UJI | KETERANGAN
1 | Feri Saputra | 1471082101960002 | 3 | K |
2 | Desri Yanti | 1471055508950003 | 5 | {hasil} | {keterangan}
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == ["K", read]


@pytest.mark.parametrize(
    ("heading", "names", "jabatan", "jenjang"),
    [
        # the group's occupation where the names go, its level where the levels go
        (" | TUKANG KAYU | | 2 | | ", ["Baiq Rohani", "Lalu Hendra"], ["TUKANG KAYU"] * 2, ["2"] * 2),
        (" | OPERATOR BULLDOZER | | III | | ", ["Baiq Rohani", "Lalu Hendra"], ["OPERATOR BULLDOZER"] * 2,
         ["III"] * 2),
        (" | OPERATOR BULLDOZER | | Jenjang 3 | | ", ["Baiq Rohani", "Lalu Hendra"], ["OPERATOR BULLDOZER"] * 2,
         ["Jenjang 3"] * 2),
        # the occupation in its own column, a batch label where the names go
        (" | ANGKATAN II | Juru Ukur | 3 | | ", ["Baiq Rohani", "Lalu Hendra"], ["Juru Ukur"] * 2, ["3"] * 2),
        # a numbered row, one with a NIK or a result, is a participant
        ("3 | TUKANG KAYU | | 2 | | ", ["TUKANG KAYU", "Baiq Rohani", "Lalu Hendra"], [None] * 3, ["2", None, None]),
        (" | Supardi | | 2 | K | ", ["Supardi", "Baiq Rohani", "Lalu Hendra"], [None] * 3, ["2", None, None]),
        (" | Supardi | | 2 | | 5201071111810003", ["Supardi", "Baiq Rohani", "Lalu Hendra"], [None] * 3,
         ["2", None, None]),
    ],
)
def test_a_group_heading_in_the_tables_own_columns(heading, names, jabatan, jenjang):
    """Was: a heading row with the occupation under NAMA and the level under JENJANG was read as a
    participant without NIK, and the participants below it without level (jenjang_missing)."""
    rows = rows_of(f"""
NO | NAMA | JABATAN KERJA | JENJANG | HASIL | NIK
{heading}
1 | Baiq Rohani | | | L | 5271054601940003
2 | Lalu Hendra | | | L | 5271063005880002
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == names
    assert table.columns["jabatan_kerja"] == jabatan
    assert table.columns["jenjang"] == jenjang


def test_a_column_whose_results_disagree_is_no_result_beside():
    """A STATUS column of the participants' schooling ("Lulus tahun 2020") reads as results and
    contradicts HASIL UJI on a row: it fills no blank result (an absent participant stays one)."""
    rows = rows_of("""
NO | NAMA | NIK | JENJANG | HASIL UJI | STATUS
1 | Feri Saputra | 1471082101960002 | 3 | BK | Lulus tahun 2020
2 | Desri Yanti | 1471055508950003 | 5 | | Lulus tahun 2021
3 | Riko Pratama | 1471030512980001 | 2 | K | Lulus tahun 2019
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == ["BK", None, "K"]


def test_a_table_beside_with_its_header_on_another_row():
    """Tahap II to the right of Tahap I under a two-line title, its header two rows lower (was:
    not read: its header row was taken for a row of the first table)."""
    rows = rows_of("""
DAFTAR PESERTA SERTIFIKASI TAHUN 2025 | | | | | | | | |
TAHAP I | | | | | TAHAP II | | | |
No | Nama | NIK | Jenjang | | Angkatan Susulan | | | |
1 | Andi Saputra | 6472011503880001 | 7 | | No | Nama | NIK | Jenjang | Hasil
2 | Siti Rahmawati | 6472015208900002 | 7 | | 1 | Dewi Lestari | 6408016304920005 | 7 | K
3 | Budi Hartono | 6471020101850003 | 8 | | 2 | Agus Salim | 6408011107800006 | 8 | K
 | | | | | | Dedi Kurniawan | | 3 | K
JUMLAH | 3 orang | | | | JUMLAH | 2 orang | | |
""")
    tables = extract_tables(rows, find_header(rows), render_text, lambda i: i + 1, sheet="Peserta")
    assert [t.report.sheet for t in tables] == ["Peserta", "Peserta [F:J]"]
    assert [t.columns["nama"] for t in tables] == [["Andi Saputra", "Siti Rahmawati", "Budi Hartono"],
                                                   ["Dewi Lestari", "Agus Salim", "Dedi Kurniawan"]]
    assert [t.source_rows for t in tables] == [[4, 5, 6], [5, 6, 7]]
    assert tables[1].report.header_row == 4
    assert tables[1].columns["hasil"] == ["K", "K", "K"]
    assert [t.report.skipped for t in tables] == [{"blank": 1, "total": 1}, {"total": 1}]


def test_notes_under_the_list_end_it_and_join_no_name():
    """Was: the six note lines joined to the last participant's name as wrapped text."""
    rows = rows_of("""
No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil
1 | Slamet Riyadi | 6408011203850001 | Tukang Batu | 2 | Kompeten
2 | Joko Susilo | 6408022506900002 | Tukang Kayu | 2 | Kompeten
 | Keterangan : K = Kompeten, BK = Belum Kompeten | | | |
 | *) peserta susulan | | | |
 | Catatan: NIK sesuai KTP | | | |
 | Sumber: SIKI LPJK | | | |
 | Diolah dari data LSP | | | |
 | Ttd | | | |
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Slamet Riyadi", "Joko Susilo"]
    assert table.report.skipped == {"footer": 6}


@pytest.mark.parametrize(
    "line",
    [
        " | Tidak hadir pada hari ke-2 (sakit) | | | |",  # brackets: a remark, not a wrapped name
        " | Peserta ini mengikuti uji ulang pada bulan berikutnya | | | |",  # longer than a wrapped line
    ],
)
def test_a_remark_below_a_participant_is_no_wrapped_line(line):
    rows = rows_of("No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil\n"
                   "1 | Slamet Riyadi | 6408011203850001 | Tukang Batu | 2 | Kompeten\n" + line)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"][0] == "Slamet Riyadi"


def test_the_persons_number_written_again_on_their_next_certificate_row():
    rows = rows_of("""
No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil
1 | Slamet Riyadi | 6408011203850001 | Tukang Batu | 2 | Belum Kompeten
1 | | | Tukang Besi Beton | 2 | Kompeten
2 | | | Tukang Kayu | 1 | Kompeten
""")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    # the second row is Slamet's; the third has a number of its own: another participant
    assert table.columns["nik"] == ["6408011203850001", "6408011203850001", None]


@pytest.mark.parametrize(
    "text, names",
    [
        # first and last name under one merged "Nama"
        ("No | Nama | | NIK\n1 | Dedi | Kurniawan | 6408031010910007\n2 | Bulan | Sari | 6408036304920008",
         ["Dedi Kurniawan", "Bulan Sari"]),
        # a one-letter code or a number in the blank-headed cell is no piece of the name
        ("No | Nama | | NIK\n1 | Dedi Kurniawan | L | 6408031010910007\n2 | Bulan Sari | 2 | 6408036304920008",
         ["Dedi Kurniawan", "Bulan Sari"]),
        # blank-headed columns to the end of the header are no span of the name
        ("No | NIK | Nama | |\n1 | 6408031010910007 | Dedi | | Tukang Batu", ["Dedi"]),
    ],
)
def test_a_name_in_pieces_under_its_merged_header_is_joined(text, names):
    """Was: only the first piece read ("Dedi")."""
    rows = rows_of(text)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == names


def test_a_name_and_nik_column_gives_both():
    """A single "Nama / NIK" column whose cells hold the name and the NIK (was: no header found,
    the file rejected: the combined header named no column)."""
    rows = [["No", "Nama / NIK", "Jabatan Kerja", "Jenjang", "Hasil"],
            ["1", "Slamet Riyadi\n6408011203850001", "Tukang Batu", "2", "Kompeten"],
            ["2", "Joko Susilo / 6408022506900002", "Tukang Kayu", "2", "Kompeten"],
            ["3", "Nur Aini (NIK. 6408 0355 1188 0003)", "Juru Ukur", "3", "Kompeten"],
            ["4", "Ahmad Fauzi", "Mandor", "4", "Kompeten"]]
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["nama"] == ["Slamet Riyadi", "Joko Susilo", "Nur Aini", "Ahmad Fauzi"]
    assert table.columns["nik"] == ["6408011203850001", "6408022506900002", "6408035511880003", None]


@pytest.mark.parametrize(
    "header, canonical",
    [
        ("Nama / NIK", "nama"), ("NIK & Nama Peserta", "nama"), ("Nama dan No. KTP", "nama"), ("Nama / Jenjang", None),
        # one column named twice, birth place and date, and longer names of the name (were: None)
        ("Tingkat/Jenjang", "jenjang"), ("Tempat, Tanggal", "tempat_tanggal_lahir"),
        # the jabatan kerja and its level in one cell ("Operator Excavator / 3"): the reader reads the
        # level from it too (headers.jabatan_with_level; was None, the rows lost both)
        ("Jabatan / Jenjang", "jabatan_kerja"),
        ("Nama Peserta Pelatihan", "nama"), ("Nama Tenaga Kerja Konstruksi", "nama"),
        ("Nama Lengkap Beserta Gelar", "nama"), ("Keterangan Lulus", "hasil"), ("Tanggal Pelatihan", None),
    ],
)
def test_a_header_naming_the_name_and_the_nik(header, canonical):
    assert canonical_column(header) == canonical


@pytest.mark.parametrize("title", ["HASIL UJI KOMPETENSI", "Rekomendasi", "KETERANGAN"])
def test_a_title_over_the_whole_header_that_names_a_column_is_a_title(title):
    """A title merged across the sheet right above the header (was: a parent row, giving its
    column to the sub-column without one: the row numbers under "No" read as results)."""
    rows = rows_of(f"""
{title} | | | |
No | Nama | NIK | Jabatan Kerja | Jenjang
1 | Slamet Riyadi | 6408011203850001 | Tukang Batu | 2
""")
    header = find_header(rows)
    assert (header.first_row, header.last_row) == (1, 1)
    assert header.columns == {"nama": 1, "nik": 2, "jabatan_kerja": 3, "jenjang": 4}


# --- a person's further certificates in further groups of columns -------------------------------

CERTIFICATE_GROUPS = """
No | Nama | NIK | Sertifikat I | | | Sertifikat II | |
 | | | Jabatan Kerja | Jenjang | Hasil | Jabatan Kerja | Jenjang | Hasil
1 | Slamet Riyadi | 6408011203850001 | Tukang Batu | 2 | BK | Tukang Besi Beton | 2 | K
2 | Joko Susilo | 6408022506900002 | Tukang Kayu | 2 | K | | |
"""
NUMBERED_GROUPS = """
No | Nama | NIK | Jabatan Kerja 1 | Jenjang 1 | Hasil 1 | Jabatan Kerja 2 | Jenjang 2 | Hasil Uji Ke-2
1 | Slamet Riyadi | 6408011203850001 | Tukang Batu | 2 | BK | Tukang Besi Beton | 2 | K
2 | Joko Susilo | 6408022506900002 | Tukang Kayu | 2 | K | | |
"""


@pytest.mark.parametrize("text, label", [(CERTIFICATE_GROUPS, "Sertifikat II"), (NUMBERED_GROUPS, "sertifikat 2")])
def test_further_certificates_in_further_groups_of_columns(text, label):
    """Was: only the first group read (Slamet's Kompeten certificate lost) and, with numbered
    headers, no certificate column mapped at all."""
    rows = rows_of(text)
    tables = extract_tables(rows, find_header(rows), render_text, lambda i: i + 1, sheet="Data")
    assert [t.report.sheet for t in tables] == ["Data", f"Data [{label}]"]
    assert [t.columns["nama"] for t in tables] == [["Slamet Riyadi", "Joko Susilo"], ["Slamet Riyadi"]]
    assert [t.columns["nik"] for t in tables][1] == ["6408011203850001"]
    assert [t.columns["jabatan_kerja"] for t in tables] == [["Tukang Batu", "Tukang Kayu"], ["Tukang Besi Beton"]]
    assert [t.columns["hasil"] for t in tables] == [["BK", "K"], ["K"]]
    assert [t.source_rows for t in tables] == [[3, 4], [3]] if label == "Sertifikat II" else [[2, 3], [2]]
    assert tables[1].report.skipped == {"no_further_certificate": 1}


def test_a_result_named_twice_is_no_second_certificate():
    rows = rows_of("No | Nama | NIK | Jenjang | Hasil | Keterangan\n1 | Budi | 6408015203850012 | 3 | K | susulan")
    header = find_header(rows)
    assert header.groups == () and header.columns["hasil"] == 4


def test_hundreds_of_tables_or_certificate_groups_side_by_side_are_read_to_the_limit():
    """A hostile header: 500 name and NIK pairs, or 400 result groups; each table reads every row."""
    pairs = [["Nama", "NIK"] * 500] + [[f"Orang {r}", f"64080112038{r:05d}"] * 500 for r in range(3)]
    tables = extract_tables(pairs, find_header(pairs), render_text, lambda i: i + 1, sheet="X")
    assert len(tables) == 20 and sum(len(t.source_rows) for t in tables) == 60
    assert tables[-1].report.note.endswith("more than 20 tables side by side: the 480 further right not read")
    groups = [["Nama", "NIK"] + ["Jenjang", "Hasil"] * 400] + [["Budi", "6408011203850001"] + ["3", "K"] * 400]
    tables = extract_tables(groups, find_header(groups), render_text, lambda i: i + 1, sheet="X")
    assert len(tables) == 21
    assert tables[-1].report.note.endswith("more than 20 further certificates per row: the 379 groups further "
                                           "right not read")


# --- result columns: ticks, weak columns, sub-columns under someone else's span -------------------


@pytest.mark.parametrize(
    ("header_rows", "cells", "hasil"),
    [
        # tick columns side by side with no span above them, a remarks column beside (was: the remarks)
        ("No | Nama | NIK | KOMPETEN | BELUM KOMPETEN | KETERANGAN",
         ["✓ | | KTP Samarinda", " | √ | Fresh Graduate", "v | | -", " | V | mengulang", " | x |", "1 | | Karyawan"],
         ["Kompeten", "Belum Kompeten", "Kompeten", "Belum Kompeten", "Belum Kompeten", "Kompeten"]),
        ("No | Nama | NIK | KETERANGAN | K | BK", ["Fresh Graduate | √ |", "Karyawan | | √"], ["Kompeten", "Belum Kompeten"]),
        ("No | Nama | NIK | LULUS | TIDAK LULUS", ["√ |", " | √", " |"], ["Kompeten", "Belum Kompeten", None]),
        # a tick beside a cross is the tick; two crosses or two ticks say nothing; Wingdings' check is "ü"
        ("No | Nama | NIK | K | BK", ["√ | x", "X | ✔", "x | x", "ü |", "√ | √"],
         ["Kompeten", "Belum Kompeten", None, "Kompeten", None]),
        ("No | Nama | NIK | Kompeten (K) | Belum Kompeten (BK)", ["v |", " | v"], ["Kompeten", "Belum Kompeten"]),
        # merged down over the second header row, beside a span of its own
        ("No | Nama | NIK | Sertifikat | KOMPETEN | BELUM KOMPETEN\n | | | Nomor | |",
         ["SKK-1 | √ |", " | | √"], ["Kompeten", "Belum Kompeten"]),
        # sub-columns that name a result themselves under the result's span (was: the ticks as text)
        ("No | Nama | NIK | HASIL UJI |\n | | | LULUS | TIDAK LULUS", ["√ |", " | √"], ["Kompeten", "Belum Kompeten"]),
        ("No | Nama | NIK | HASIL UJI |\n | | | COMPETENT | NOT YET COMPETENT", ["√ |", " | √"],
         ["Kompeten", "Belum Kompeten"]),
        ("No | Nama | NIK | HASIL |\n | | | KOMPETEN | BELUM KOMPETEN", ["1 |", " | 1"], ["Kompeten", "Belum Kompeten"]),
        ("No | Nama | NIK | Keputusan Uji |\n | | | Ya | Tidak", ["v |", " | v"], ["Kompeten", "Belum Kompeten"]),
        ("No | Nama | NIK | HASIL UJI |\n | | | MEMENUHI | TIDAK", ["√ |", " | √"], ["Kompeten", "Belum Kompeten"]),
        ("No | Nama | NIK | Uji Kompetensi |\n | | | K | BK", ["√ |", " | √"], ["Kompeten", "Belum Kompeten"]),
        # ticks of the document check or of a training are no result
        ("No | Nama | NIK | Persyaratan | | Hasil\n | | | Memenuhi | Tidak Memenuhi |", ["√ | | K", "√ | | BK"],
         ["K", "BK"]),
    ],
)
def test_a_result_ticked_in_columns_that_name_its_values(header_rows, cells, hasil):
    body = "\n".join(f"{i + 1} | Peserta {i + 1} | 64080152038500{i + 10} | {cell}" for i, cell in enumerate(cells))
    rows = rows_of(f"{header_rows}\n{body}")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == hasil
    assert table.columns["nama"] == [f"Peserta {i + 1}" for i in range(len(cells))]


def test_sex_ticked_in_l_and_p_columns_with_no_span_above():
    rows = rows_of("No | Nama | NIK | L | P | Jenjang\n1 | Budi | 6408011203850012 | 1 | | 3\n"
                   "2 | Siti | 6408015203850013 | | 1 | 3")
    header = find_header(rows)
    assert header.marks == {"jenis_kelamin": {"L": 3, "P": 4}}
    assert extract_rows(rows, header, render_text, lambda i: i + 1).columns["jenis_kelamin"] == ["L", "P"]


@pytest.mark.parametrize(
    ("header_row", "cells", "hasil", "read_from"),
    [
        # two weak columns: the one whose cells read as results (was: the first, STATUS)
        ("Nama | NIK | STATUS | KETERANGAN", ["Karyawan | K", "Fresh Graduate | BK"], ["K", "BK"], "KETERANGAN"),
        ("Nama | NIK | KETERANGAN | STATUS", ["K | Karyawan", "BK | Fresh Graduate"], ["K", "BK"], "KETERANGAN"),
        ("Nama | NIK | Ket. | Status", ["KTP luar | Kompeten", " | Tidak Hadir"], ["Kompeten", "Tidak Hadir"], "Status"),
        # a result column named outright but not filled in yet gives way to remarks that hold results
        ("Nama | NIK | Hasil Uji | Keterangan", [" | Lulus", " | Tidak Lulus"], ["Lulus", "Tidak Lulus"], "Keterangan"),
        # ... and stays where it holds results, whatever the remarks say
        ("Nama | NIK | Hasil Uji | Keterangan", ["K | Lulus", "BK | Kompeten"], ["K", "BK"], "Hasil Uji"),
        # attendance numbers in the second weak column are no results: the first stays
        ("Nama | NIK | STATUS | KETERANGAN", ["Karyawan | 1", "Karyawan | 1"], ["Karyawan", "Karyawan"], "STATUS"),
        # tick columns after a result column that holds nothing
        ("Nama | NIK | Hasil | K | BK", [" | √ |", " | | √"], ["Kompeten", "Belum Kompeten"], "K | BK"),
    ],
)
def test_of_two_result_columns_the_one_holding_results_is_read(header_row, cells, hasil, read_from):
    body = "\n".join(f"Peserta {i} | 64080152038500{i + 10} | {cell}" for i, cell in enumerate(cells))
    rows = rows_of(f"{header_row}\n{body}")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == hasil
    assert table.report.columns["hasil"] == read_from


@pytest.mark.parametrize(
    ("header_rows", "columns"),
    [
        # someone else's name and number under their span (was: nama kept, NO. REG the certificate number)
        ("Nama | NIK | ASESOR |\n | | NAMA | NO. REG", {"nama": 0, "nik": 1}),
        ("Nama | NIK | PELATIHAN |\n | | NO. SERTIFIKAT | TGL. TERBIT", {"nama": 0, "nik": 1}),
        ("Nama | NIK | Perusahaan | Instruktur\n | | Nama | Nama", {"nama": 0, "nik": 1}),
        ("Nama | NIK | LSP |\n | | Nama | No. Registrasi", {"nama": 0, "nik": 1, "nomor_sertifikat": 3}),
        # the participant's own certificate and person columns under spans of their own stay
        ("Nama | NIK | Sertifikat |\n | | Nomor | Tgl. Terbit", {"nama": 0, "nik": 1, "nomor_sertifikat": 2,
                                                               "tanggal_terbit": 3}),
        ("Peserta Pelatihan | | Pelatihan dan Sertifikasi\nNama | NIK | No. Sertifikat",
         {"nama": 0, "nik": 1, "nomor_sertifikat": 2}),
    ],
)
def test_a_sub_column_under_someone_elses_span_is_not_the_participants(header_rows, columns):
    rows = rows_of(f"{header_rows}\nBudi Santoso | 6408015203850012 | x | y")
    assert find_header(rows).columns == columns


@pytest.mark.parametrize(
    ("header_rows", "cells", "hasil"),
    [
        # one header naming both values merged over two columns, a tick in one of them (was: the ticks as text)
        ("No | Nama | NIK | K / BK |", ["√ |", " | √", "√ |"], ["Kompeten", "Belum Kompeten", "Kompeten"]),
        ("No | Nama | NIK | Kompeten / Belum Kompeten | | Keterangan", ["v | | ok", " | v | x"],
         ["Kompeten", "Belum Kompeten"]),
        ("No | Nama | NIK | HASIL UJI |\n | | | Lulus/Tidak Lulus |", ["1 |", " | 1"], ["Kompeten", "Belum Kompeten"]),
        # the same header over results written in words stays one column, whatever stands beside it
        ("No | Nama | NIK | K / BK |", ["K | x", "BK |", "K |"], ["K", "BK", "K"]),
        ("No | Nama | NIK | K / BK |", ["BK | mengulang", "K |"], ["BK", "K"]),
    ],
)
def test_a_result_header_naming_both_values_over_two_tick_columns(header_rows, cells, hasil):
    body = "\n".join(f"{i + 1} | Peserta {i + 1} | 64080152038500{i + 10} | {cell}" for i, cell in enumerate(cells))
    rows = rows_of(f"{header_rows}\n{body}")
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.columns["hasil"] == hasil


@pytest.mark.parametrize(
    ("body", "emitted", "skipped"),
    [
        # a participant without a NIK whose level and result are also header words ("KKNI 7",
        # "LULUS"): world 8's Kalimantan Tengah expert, once dropped as the header printed again
        ("2 | TOGAR EMBANG | | Ahli Muda Teknik Bangunan Gedung | KKNI 7 | LULUS", [2, 3], {}),
        ("2 | Siti Hakim | - | Mandor Pekerjaan Jalan | Jenjang 5 | Kompeten", [2, 3], {}),
        ("2 | BUDI | 0 | Tukang Batu | KKNI 2 | LULUS", [2, 3], {}),
        # the header printed again, in the same or other words, is still one
        ("No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil", [2], {"header_repeat": 1}),
        ("NO | NAMA LENGKAP | NO. KTP | JABATAN | JENJANG | KETERANGAN", [2], {"header_repeat": 1}),
        (" | | | Jabatan Kerja | Jenjang | Hasil", [2], {"header_repeat": 1}),
    ],
)
def test_a_row_with_a_persons_name_is_no_header_repeat(body, emitted, skipped):
    rows = rows_of("No | Nama | NIK | Jabatan Kerja | Jenjang | Hasil\n"
                   "1 | Budi | 6408015203850012 | Mandor Pekerjaan Jalan | 4 | K\n" + body)
    table = extract_rows(rows, find_header(rows), render_text, lambda i: i + 1)
    assert table.source_rows == emitted
    assert table.report.skipped == skipped
