"""Fixed-width text reports (sources.readers.fixed_width): an old program's print file, no delimiter.

A DOS-era report, or Excel's "Formatted Text (Space delimited) (*.prn)", aligns columns with
spaces and draws a ruler of dashes under the heading; a printed report starts each page with a
form feed and repeats its heading (world 9, Kabupaten Kapuas' UJIKOM21.PRN).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from sources.headers import canonical_column
from sources.readers import read_submission
from sources.readers.fixed_width import aligned_rows, fixed_width_rows
from sources.registry import Office, ReaderOptions


def office(**reader) -> Office:
    return Office(id="kab-kapuas", name="Dinas PUPR Kabupaten Kapuas", level="regency", region_code="62.03",
                  landing="kab-kapuas", reader=replace(ReaderOptions(), **reader))


HEAD = ("NO   NAMA PESERTA    NIK               JJG  HASIL           NO. SERTIFIKAT\r\n"
        "---  --------------  ----------------  ---  --------------  -------------------\r\n")
REPORT = (
    "PEMERINTAH KABUPATEN KAPUAS\r\n"
    "DAFTAR HASIL UJI KOMPETENSI TAHUN 2021                 HAL: 1\r\n"
    "\r\n" + HEAD +
    "1    MARKUS DAMBUNG  6203030105790006  2    KOMPETEN        SKK-6203-2021-00044\r\n"
    "\r\n"
    "\fPEMERINTAH KABUPATEN KAPUAS\r\n"
    "DAFTAR HASIL UJI KOMPETENSI TAHUN 2021                 HAL: 2\r\n"
    "\r\n" + HEAD +
    "2    SITI AISYAH     6203046507920007  4    KOMPETEN        SKK-6203-2021-00045\r\n"
    "3    EKA SAPUTRI     6203064312990009  2    BELUM KOMPETEN\r\n"
    "---  --------------  ----------------  ---  --------------  -------------------\r\n"
    "Kuala Kapuas, 30-12-2021\r\n"
)


@pytest.mark.parametrize(("text", "rows"), [
    # cut at the ruler's runs; a title crossing the gaps is one cell; the ruler is layout (empty row)
    ("TITLE OF THE REPORT 2021\n" + "NO  NAMA   NIK\n" + "--  -----  ---\n" + "1   ANI    123\n",
     [["TITLE OF THE REPORT 2021"], ["NO", "NAMA", "NIK"], [], ["1", "ANI", "123"]]),
    # an empty trailing cell, a form feed at a page's start, CR line ends (a Mac's)
    ("NO  NAMA   NIK\r--  -----  ---\r\f1   ANI\r", [["NO", "NAMA", "NIK"], [], ["1", "ANI", ""]]),
    # a value overflowing into the gap: no longer a row of the grid, one cell (never cut mid-word)
    ("NO  NAMA   NIK\n--  -----  ---\n1   ANIANIANI 123\n", [["NO", "NAMA", "NIK"], [], ["1   ANIANIANI 123"]]),
    # '=' rulers too
    ("A   B   C\n==  ==  ==\nx   y   z\n", [["A", "B", "C"], [], ["x", "y", "z"]]),
    # no ruler of three or more runs: not a fixed-width report
    ("NO  NAMA\n--  -----\n1   ANI\n", None),
    ("No;Nama;NIK\n1;Ani;123\n", None),
    ("-----------------\nTOTAL 3\n", None),
])
def test_fixed_width_rows(text, rows):
    assert fixed_width_rows(text) == rows


def test_a_printed_report_is_read(tmp_path):
    path = tmp_path / "UJIKOM21.PRN"
    path.write_bytes(REPORT.encode("cp437"))
    sub = read_submission(path, office())
    assert sub.error is None
    got = sub.rows[["nama", "nik", "jenjang", "hasil", "nomor_sertifikat", "tahun"]].values.tolist()
    assert got == [
        ["MARKUS DAMBUNG", "6203030105790006", "2", "KOMPETEN", "SKK-6203-2021-00044", "2021"],
        ["SITI AISYAH", "6203046507920007", "4", "KOMPETEN", "SKK-6203-2021-00045", "2021"],
        ["EKA SAPUTRI", "6203064312990009", "2", "BELUM KOMPETEN", None, "2021"],
    ]
    # provenance: physical lines of the file (the form feed starts no line of its own)
    assert sub.rows["source_row"].astype(int).tolist() == [6, 13, 14]


def test_a_delimited_file_is_not_read_as_fixed_width(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"No|Nama|NIK|Jenjang|Hasil\r\n1|ANI|6203030105790006|2|K\r\n")
    sub = read_submission(path, office())
    assert sub.rows[["nama", "jenjang"]].values.tolist() == [["ANI", "2"]]


@pytest.mark.parametrize(("header", "column"), [
    # a narrow column's abbreviations of Jenjang
    ("JJG", "jenjang"), ("Jjg.", "jenjang"), ("JENJ", "jenjang"), ("LVL", "jenjang"),
])
def test_abbreviated_jenjang_headers(header, column):
    assert canonical_column(header) == column


# Excel's "Formatted Text (Space delimited) (*.prn)": cells padded to the column width, text left,
# numbers right-aligned, so a number that fills its column touches the next cell (world 9's Bone
# Bolango 2022 file).
def _prn_line(no, nama, nik, jabatan, jenjang, hasil, nomor) -> str:
    # widths 4, 18, 18, 20, 9, 7, 21; No and Jenjang numbers right-aligned, the rest left
    return f"{no:>4}{nama:<18}{nik:<18}{jabatan:<20}{jenjang:>9}{hasil:<7}{nomor:<21}".rstrip()


PRN = (
    "DATA SKK 2022\r\n"
    + f"{'No':<4}{'Nama':<18}{'NIK':<18}{'Jabatan Kerja':<20}{'Jenjang':<9}{'Hasil':<7}No. Sertifikat\r\n"
    + _prn_line("1", "AHMAD LIHAWA", "7503060505800003", "Tukang Batu", "2", "K", "SKK-7503-2022-00007") + "\r\n"
    + _prn_line("12", "SARTIKA YUSUF", "7503017009940007", "Juru Ukur", "4", "K", "SKK-7503-2022-00008") + "\r\n"
    + "\r\n"
    + "Suwawa, 30 Desember 2022\r\n"
)
assert "   1AHMAD" in PRN and "      2K" in PRN  # the glued cells this is about


@pytest.mark.parametrize(("text", "first"), [
    # cut where the header cells start; the title and the signature stay one cell each
    (PRN, [["DATA SKK 2022"],
           ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat"],
           ["1", "AHMAD LIHAWA", "7503060505800003", "Tukang Batu", "2", "K", "SKK-7503-2022-00007"],
           ["12", "SARTIKA YUSUF", "7503017009940007", "Juru Ukur", "4", "K", "SKK-7503-2022-00008"],
           [], ["Suwawa, 30 Desember 2022"]]),
    # no name or NIK header: nothing to cut (a letter, a price list)
    ("Barang    Harga    Jumlah\n  Semen   50.000   2\n", None),
    # a header with nothing below it
    ("No  Nama  NIK\n", None),
])
def test_aligned_rows(text, first):
    assert next(iter(aligned_rows(text)), None) == first


def test_an_excel_prn_is_read(tmp_path):
    path = tmp_path / "DATA SKK 2022.prn"
    path.write_bytes(PRN.encode("cp1252"))
    sub = read_submission(path, office())
    assert sub.error is None
    assert sub.rows[["nama", "nik", "jenjang", "hasil"]].values.tolist() == [
        ["AHMAD LIHAWA", "7503060505800003", "2", "K"], ["SARTIKA YUSUF", "7503017009940007", "4", "K"]]
    assert sub.rows["source_row"].astype(int).tolist() == [3, 4]


def test_a_heading_over_two_lines(tmp_path):
    # DOS reports split a long heading over two lines above the ruler ("NOMOR INDUK" / "KEPENDUDUKAN")
    text = ("DAFTAR HASIL UJI KOMPETENSI TAHUN 2021\r\n\r\n"
            "NO.  NAMA            NOMOR INDUK       JJG  HASIL\r\n"
            "URUT PESERTA         KEPENDUDUKAN     KKNI UJI\r\n"
            "---- --------------- ---------------- ---- --------------\r\n"
            "1    MARKUS DAMBUNG  6203030105790006 2    KOMPETEN\r\n"
            "2    SITI AISYAH     6203046507920007 4    BELUM KOMPETEN\r\n")
    path = tmp_path / "R.TXT"
    path.write_bytes(text.encode("cp437"))
    sub = read_submission(path, office())
    assert sub.rows[["nama", "nik", "jenjang", "hasil", "tahun"]].values.tolist() == [
        ["MARKUS DAMBUNG", "6203030105790006", "2", "KOMPETEN", "2021"],
        ["SITI AISYAH", "6203046507920007", "4", "BELUM KOMPETEN", "2021"]]


# A program's print layout with no ruler, each heading centred over its column (the column's
# values left-aligned under it, numbers right-aligned): the heading's start is not the column's.
def _centred(no, nama, nik, jabatan, jenjang, hasil) -> str:
    return f"{no:>3}  {nama:<18}  {nik:<16}  {jabatan:<22}  {jenjang:>3}  {hasil}".rstrip()


CENTRED = (
    "         DAFTAR PESERTA UJI KOMPETENSI TAHUN 2023\r\n"
    "\r\n"
    f"{'NO':^3}  {'NAMA':^18}  {'NIK':^16}  {'JABATAN KERJA':^22}  {'JJG':^3}  {'HASIL':^14}".rstrip() + "\r\n"
    + _centred("1", "MARKUS DAMBUNG", "6203030105790006", "Operator Excavator", "3", "KOMPETEN") + "\r\n"
    + _centred("2", "SITI AISYAH", "6203046507920007", "Tukang Besi Beton", "2", "BELUM KOMPETEN") + "\r\n"
    + _centred("10", "YOHANES RIBUT S.", "6203061212880003", "Juru Ukur", "4", "KOMPETEN") + "\r\n"
    + "\r\n"
    + "Kuala Kapuas, 30 Desember 2023\r\n"
)
assert "        NAMA" in CENTRED and "\r\n  1  MARKUS" in CENTRED  # the heading starts right of its values


@pytest.mark.parametrize(("text", "header", "first_row"), [
    # centred headings: cut at the gutters every line shares
    (CENTRED, ["NO", "NAMA", "NIK", "JABATAN KERJA", "JJG", "HASIL"],
     ["1", "MARKUS DAMBUNG", "6203030105790006", "Operator Excavator", "3", "KOMPETEN"]),
    # Excel's .prn, a number glued to the next cell (no gutter there): the headings' starts, as before
    (PRN, ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat"],
     ["1", "AHMAD LIHAWA", "7503060505800003", "Tukang Batu", "2", "K", "SKK-7503-2022-00007"]),
])
def test_columns_of_a_report_without_ruler(text, header, first_row):
    rows = next(iter(aligned_rows(text)))
    cut = [row for row in rows if len(row) > 1]
    assert cut[0] == header
    assert cut[1] == first_row


def test_a_report_with_centred_headings_is_read(tmp_path):
    path = tmp_path / "UJIKOM23.TXT"
    path.write_bytes(CENTRED.encode("cp437"))
    sub = read_submission(path, office())
    assert sub.error is None
    assert sub.rows[["nama", "nik", "jabatan_kerja", "jenjang", "hasil"]].values.tolist() == [
        ["MARKUS DAMBUNG", "6203030105790006", "Operator Excavator", "3", "KOMPETEN"],
        ["SITI AISYAH", "6203046507920007", "Tukang Besi Beton", "2", "BELUM KOMPETEN"],
        ["YOHANES RIBUT S.", "6203061212880003", "Juru Ukur", "4", "KOMPETEN"]]
