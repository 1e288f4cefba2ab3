"""Per-column parsers (standardize.fields)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from standardize.fields import (
    as_arrow_text,
    certificate_issued_without_number,
    clean_jabatan,
    clean_place,
    clean_text,
    hasil_not_assessed,
    is_bare_p,
    is_blank,
    is_pending,
    parse_hasil,
    parse_jenis_kelamin,
    parse_nomor_sertifikat,
    parse_nomor_sertifikat_array,
    parse_tahun,
    sex_convention,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("L", "L"),
        ("l", "L"),
        (" L ", "L"),
        ("LK", "L"),
        ("Lk.", "L"),
        ("Laki-laki", "L"),
        ("Laki Laki", "L"),
        ("LAKI-LAKI", "L"),
        ("laki", "L"),
        ("Pria", "L"),
        ("M", "L"),
        ("Male", "L"),
        ("P", "P"),
        ("p", "P"),
        ("PR", "P"),
        ("Perempuan", "P"),
        ("PEREMPUAN", "P"),
        ("Wanita", "P"),
        ("W", "P"),
        ("F", "P"),
        ("Female", "P"),
        # English API exports: male / female, M / F, any case
        ("male", "L"),
        ("MALE", "L"),
        ("m", "L"),
        ("female", "P"),
        ("FEMALE", "P"),
        ("f", "P"),
        ("Man", "L"),
        ("Woman", "P"),
        ("Laki2", "L"),
        (None, None),
        ("", None),
        ("-", None),
        ("X", None),
        ("L/P", None),
        # ISO 5218 codes in a web export's gender column: 1 male, 2 female; 0 / 9 are no sex
        ("1", "L"),
        ("2", "P"),
        (" 1 ", "L"),
        ("0", None),
        ("9", None),
        ("3", None),
        ("12", None),
    ],
)
def test_parse_jenis_kelamin(raw, expected):
    assert parse_jenis_kelamin(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # two spellings of one sex in one cell (were None)
        ("Laki-Laki (L)", "L"),
        ("L (Laki-laki)", "L"),
        ("Perempuan (P)", "P"),
        ("Laki-laki/Male", "L"),
        ("P (Pria)", "L"),  # a bare P gives way to the word beside it
        # the header's options, or two sexes: none
        ("L/P", None),
        ("M/F", None),
        ("P/W", None),
        ("L (P)", None),
        ("Pria/Wanita", None),
        ("Perempuan/Male", None),
        # shortenings and slips (were None)
        ("Prp", "P"),
        ("Prmp", "P"),
        ("Perempuam", "P"),
        ("Wnt", "P"),
        ("Cowok", None),
    ],
)
def test_parse_jenis_kelamin_pieces_and_shortenings(raw, expected):
    assert parse_jenis_kelamin(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("K", "Kompeten"),
        ("k", "Kompeten"),
        ("Kompeten", "Kompeten"),
        ("KOMPETEN", "Kompeten"),
        (" kompeten ", "Kompeten"),
        ("Lulus", "Kompeten"),
        ("Terbit", "Kompeten"),
        ("Sertifikat Terbit", "Kompeten"),
        ("Kompeten (K)", "Kompeten"),
        ("BK", "Belum Kompeten"),
        ("bk", "Belum Kompeten"),
        ("Belum Kompeten", "Belum Kompeten"),
        ("BELUM  KOMPETEN", "Belum Kompeten"),
        ("Tidak Kompeten", "Belum Kompeten"),
        ("Tidak Lulus", "Belum Kompeten"),
        ("TL", "Belum Kompeten"),
        ("Belum Kompeten (BK)", "Belum Kompeten"),
        # two spellings of one result side by side; two different results are no result
        ("Direkomendasikan", "Kompeten"),  # an assessor's recommendation column
        ("Belum Direkomendasikan", "Belum Kompeten"),
        ("Lulus/Kompeten", "Kompeten"),
        ("K / Kompeten", "Kompeten"),
        ("BK/Tidak Lulus", "Belum Kompeten"),
        ("K/BK", None),
        ("Hadir/Kompeten", None),
        (None, None),
        ("", None),
        ("-", None),
        ("dalam proses", None),
        ("Tidak Hadir", None),
        ("proses", None),
        ("Kompeten?", "Kompeten"),
        ("Hadir", None),
        # English API exports
        ("competent", "Kompeten"),
        ("Competent", "Kompeten"),
        ("COMPETENT", "Kompeten"),
        ("passed", "Kompeten"),
        ("PASS", "Kompeten"),
        ("not yet competent", "Belum Kompeten"),
        ("Not Yet Competent", "Belum Kompeten"),
        ("NOT_YET_COMPETENT", "Belum Kompeten"),
        ("NOT_COMPETENT", "Belum Kompeten"),
        ("not competent", "Belum Kompeten"),
        ("Not Yet Competent (NYC)", "Belum Kompeten"),
        ("NYC", "Belum Kompeten"),
        ("incompetent", "Belum Kompeten"),
        ("failed", "Belum Kompeten"),
        ("pending", None),
        ("absent", None),
        ("active", None),  # an account's status, not a result: unreadable downstream
        # boolean pass flags as readers render them ("is_competent": true, Lulus: Ya/Tidak)
        ("TRUE", "Kompeten"),
        ("FALSE", "Belum Kompeten"),
        ("Ya", "Kompeten"),
        ("Tidak", "Belum Kompeten"),
        # a bracketed note, a remark after a comma or spaced dash: the result is the piece that is one
        ("Lulus (K)", "Kompeten"),
        ("Competent (K)", "Kompeten"),
        ("KOMPETEN (Sertifikat Terbit)", "Kompeten"),
        ("Kompeten, sertifikat dalam proses", "Kompeten"),
        ("Kompeten - SKK Terbit", "Kompeten"),
        ("Kompeten \u2013 dalam proses", "Kompeten"),
        ("Kompeten (pending)", "Kompeten"),  # the certificate waits, not the result
        ("(K)", "Kompeten"),
        ("Tidak Kompeten (TK)", "Belum Kompeten"),
        ("Belum Kompeten / Remedial", "Belum Kompeten"),
        ("Belum kompeten (mengulang)", "Belum Kompeten"),
        ("Belum Kompeten, sertifikat tidak terbit", "Belum Kompeten"),
        ("Kompeten (BK)", None),  # two different results
        ("Kompeten, tidak hadir", None),  # a result beside an absence
        ("Kompeten-SKK", None),  # a hyphen inside a word does not split
        # framing words and clerks' abbreviations
        ("Dinyatakan Kompeten", "Kompeten"),
        ("Lulus Uji", "Kompeten"),
        ("Lulus Uji Kompetensi", "Kompeten"),
        ("Komp.", "Kompeten"),
        ("Lolos", "Kompeten"),
        ("certified", "Kompeten"),
        ("qualified", "Kompeten"),
        ("Dinyatakan Belum Kompeten", "Belum Kompeten"),
        ("Tidak Lulus Uji", "Belum Kompeten"),
        ("Tdk Lulus", "Belum Kompeten"),
        ("Blm Kompeten", "Belum Kompeten"),
        ("Blm Komp.", "Belum Kompeten"),
        ("Tidak Lolos", "Belum Kompeten"),
        ("not certified", "Belum Kompeten"),
        ("TDK HADIR", None),
        ("Tdk Hadir", None),
        # codes that are a result only as the whole cell: pass flags as text, C / NC
        ("1", "Kompeten"),
        ("0", "Belum Kompeten"),
        ("Y", "Kompeten"),
        ("N", "Belum Kompeten"),
        ("C", "Kompeten"),
        ("NC", "Belum Kompeten"),
        ("Y/N", None),
        ("10", None),
        ("Tahap 1", None),
        ("Mengikuti pelatihan, 1", None),
        # the two options of a form, neither struck out: no result (was Kompeten)
        ("Kompeten/Belum", None),
        ("Kompeten / Belum *)", None),
        ("Belum", None),
        # a certificate issued is a Kompeten (was None)
        ("Sertifikat sudah terbit", "Kompeten"),
        ("SKK Terbit", "Kompeten"),
        ("Terbit SKK", "Kompeten"),
        ("Sudah diterbitkan", "Kompeten"),
        ("Belum terbit", None),
        ("Tidak terbit", None),
        ("BK - SKK Terbit", None),
        # the column's label typed into the cell (was None)
        ("Rekomendasi: Kompeten", "Kompeten"),
        ("Rekomendasi K", "Kompeten"),
        ("Hasil Uji: BK", "Belum Kompeten"),
        ("Rekomendasi", None),
        # "Kompeten" with one typo (was None); "Kompetensi" is another word
        ("Kompten", "Kompeten"),
        ("Kompetent", "Kompeten"),
        ("Kopeten", "Kompeten"),
        ("KOMPETNE", "Kompeten"),
        ("Belum Kompten", "Belum Kompeten"),
        ("Tdk Kompetent", "Belum Kompeten"),
        ("Kompetensi", None),
        ("Komponen", None),
        # pre-assessment document check (MS / TMS) is no competence result
        ("Memenuhi Syarat", None),
        ("MS", None),
        ("TMS", None),
        ("Tidak Memenuhi Syarat", None),
        ("Kompeten (MS)", "Kompeten"),
        ("Gugur", None),
        # what was passed, the batch or year after the result (were None)
        ("Lulus Sertifikasi", "Kompeten"),
        ("Lulus Uji Sertifikasi", "Kompeten"),
        ("Lulus Ujikom", "Kompeten"),
        ("Tidak Lulus Ujikom", "Belum Kompeten"),
        ("Kompeten Tahap II", "Kompeten"),
        ("Lulus 2025", "Kompeten"),
        ("Belum Kompeten Tahap 2", "Belum Kompeten"),
        ("Lulus Bimtek", None),  # a training certifies nobody
        ("Lulus Pelatihan", None),
        ("Tahap 1", None),
        # "already" and the assessor's label before the result (were None)
        ("Sudah Kompeten", "Kompeten"),
        ("Sdh Kompeten", "Kompeten"),
        ("Telah Kompeten", "Kompeten"),
        ("Rek: K", "Kompeten"),
        ("Rekomendasi Asesor: Kompeten", "Kompeten"),
        ("Direkomendasikan Kompeten", "Kompeten"),
        ("Sudah", None),
        ("Sudah Uji", None),
        # B.K. with dots, and "Gagal" (failed): Belum Kompeten (were None)
        ("B.K.", "Belum Kompeten"),
        ("Gagal", "Belum Kompeten"),
    ],
)
def test_parse_hasil(raw, expected):
    assert parse_hasil(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("dalam proses", True),
        ("Tidak Hadir", True),
        ("PROSES", True),
        ("absen", True),
        ("Kompeten", False),
        # attendance remarks in a daftar hadir's Keterangan: presence, not a result
        ("Hadir", True),
        ("Izin", True),
        ("Sakit", True),
        ("pending", True),
        ("not assessed", True),
        ("absent", True),
        ("competent", False),
        ("active", False),
        ("", False),
        (None, False),
        # read like parse_hasil: abbreviations, notes and remarks
        ("TDK HADIR", True),
        ("Tdk Hadir", True),
        ("Tidak Hadir (Sakit)", True),
        ("Tidak hadir, diganti peserta lain", True),
        ("Hadir/Kompeten", False),  # a result beside an absence: unreadable, not "not assessed"
        ("Kompeten (pending)", False),
        ("Lulus (K)", False),
        ("1", False),
        # dropped out, or not admitted to the assessment: not assessed
        ("Tidak Datang", True),
        ("Mundur", True),
        ("Dibatalkan", True),
        ("TMS", True),
        ("Tidak Memenuhi Syarat", True),
        ("Memenuhi Syarat", True),
        ("Menunggu Jadwal Uji", True),
        ("Kompeten/Belum", False),  # unreadable: two options left standing
        ("Gugur", False),  # failed or dropped: unknown which, so unreadable
    ],
)
def test_hasil_not_assessed(raw, expected):
    assert hasil_not_assessed(raw) is expected


NOMOR_CASES = [
    ("1.2.3.4.5678.9", "1.2.3.4.5678.9"),
    (" 1.2.3 4.5678 ", "1.2.34.5678"),
    ("skk-2025/001", "SKK-2025/001"),
    ("SKK\t2025\n001", "SKK2025001"),
    ("2 1 7\u00a08", "2178"),
    ("n\u00ba 12", "N\u00ba12"),
    ("dalam proses", None),
    ("Dalam Proses", None),
    ("PROSES", None),
    ("belum terbit", None),
    ("Menunggu", None),
    ("TERBIT", None),
    ("-", None),
    ("0", None),
    ("000", None),
    ("0 0", None),
    ("", None),
    (None, None),
    # remarks without a digit are no number (they were: "PROSESCETAK", ...)
    ("Proses cetak", None),
    ("Belum ada nomor", None),
    ("Tidak Terbit", None),
    ("Sertifikat sudah terbit", None),
    ("Menyusul", None),
    ("Kompeten", None),
    ("x", None),
    ("SKK.06.1.2.23", "SKK.06.1.2.23"),
    # a date or a year says when, not which certificate (were numbers every such row shared)
    ("Terbit 2025", None),
    ("SKK 2025", None),
    ("2025", None),
    ("TERBIT (12-05-2025)", None),
    ("12/05/2025", None),
    # numbers with a year in them stay numbers
    ("SKK-6408-2025-000123", "SKK-6408-2025-000123"),
    ("012/LSP-X/VII/2023", "012/LSP-X/VII/2023"),
    ("41011.3112.4.0012345.2022", "41011.3112.4.0012345.2022"),
    ("2023001234", "2023001234"),
    # one certificate as different files write it: Excel's text marker, quotes, a label, a word
    # processor's dashes (were each a number of its own: a province re-report became a second
    # certificate)
    ("'SKK-3273-2024-0011", "SKK-3273-2024-0011"),
    ("\u2018SKK-3273-2024-0011\u2019", "SKK-3273-2024-0011"),
    ('"SKK-3273-2024-0011"', "SKK-3273-2024-0011"),
    ("No. SKK-3273-2024-0011", "SKK-3273-2024-0011"),
    ("NOMOR: SKK-3273-2024-0011", "SKK-3273-2024-0011"),
    ("'No. 012/LSP-X/VII/2023", "012/LSP-X/VII/2023"),
    ("SKK\u20133273\u20132024\u20130011", "SKK-3273-2024-0011"),
    ("SKK\u2014 3273 \u2014 2024", "SKK-3273-2024"),
    # a number that starts with those letters keeps them
    ("NO123/LSP/2023", "NO123/LSP/2023"),
    ("NOK.12.2023", "NOK.12.2023"),
]


@pytest.mark.parametrize(("raw", "expected"), NOMOR_CASES)
def test_parse_nomor_sertifikat_cases(raw, expected):
    assert parse_nomor_sertifikat(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("TERBIT", True),
        ("Sudah Terbit", True),
        ("Sertifikat sudah terbit", True),
        ("SKK Terbit", True),
        ("Terbit (nomor menyusul)", True),
        ("Terbit, menunggu nomor", True),
        ("Terbit 2025", True),
        ("Sudah terbit tahun 2025", True),
        ("Terbit tgl 12 Mei 2025", True),
        ("SKK 2025", False),
        ("Belum terbit", False),
        ("Tidak Terbit", False),
        ("Terbit (belum kompeten)", False),
        ("dalam proses", False),
        ("1.2.3", False),
        (None, False),
    ],
)
def test_certificate_issued_without_number(raw, expected):
    assert certificate_issued_without_number(raw) is expected


def test_parse_nomor_sertifikat_array_agrees():
    values = [raw for raw, _ in NOMOR_CASES]
    got = [None if pd.isna(v) else v for v in parse_nomor_sertifikat_array(values)]
    assert got == [expected for _, expected in NOMOR_CASES]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025", 2025),
        ("2025.0", 2025),
        ("TA 2025", 2025),
        ("T.A. 2024", 2024),
        ("Tahap II 2025", 2025),
        ("Pelatihan Angkatan III Tahun 2023", 2023),
        ("2024/2025", 2024),
        ("Tahap II", None),
        ("1999", None),
        ("20250", None),
        ("25", None),
        ("", None),
        (None, None),
        # a year formatted as a number with a thousands separator (was None)
        ("2.025", 2025),
        ("2,025", 2025),
        ("1.999", None),
        ("2.5", None),
    ],
)
def test_parse_tahun(raw, expected):
    assert parse_tahun(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Sertifikasi   Tahap  I ", "Sertifikasi Tahap I"),
        ("MTU\u00a0Kec. Bengalon", "MTU Kec. Bengalon"),
        # a Word list's bullet pasted into Excel, as a character or a Symbol-font code point
        ("\u2022 Operator Excavator", "Operator Excavator"),
        ("\uf0b7\tTukang Kayu", "Tukang Kayu"),
        ("\u00b7 Juru Ukur", "Juru Ukur"),
        ("- Tukang Batu", "Tukang Batu"),
        ("\u2022", None),
        ("Ahli K3 - Muda", "Ahli K3 - Muda"),  # a dash inside is no bullet
        ("-3", "-3"),
        ("-", None),
        ("", None),
        ("n/a", None),
        (None, None),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Operator excavator", "Operator Excavator"),
        ("OPERATOR  EXCAVATOR", "Operator Excavator"),
        ("ahli muda teknik jalan", "Ahli Muda Teknik Jalan"),
        ("AHLI K3 KONSTRUKSI", "Ahli K3 Konstruksi"),
        ("ahli k3 konstruksi", "Ahli K3 Konstruksi"),
        ("Petugas SMK3 Konstruksi", "Petugas SMK3 Konstruksi"),
        ("PETUGAS K3L", "Petugas K3L"),
        ("Operator AMP", "Operator AMP"),  # capitals in a mixed-case cell are an acronym
        ("OPERATOR AMP", "Operator AMP"),  # known acronym in an all-caps cell
        ("TEKNISI JALAN DAN JEMBATAN", "Teknisi Jalan dan Jembatan"),
        ("Operator Bulldozer/Dozer", "Operator Bulldozer/Dozer"),
        ("tukang besi-beton", "Tukang Besi-Beton"),
        ("Pelaksana Lapangan Pekerjaan Gedung", "Pelaksana Lapangan Pekerjaan Gedung"),
        ("Juru Ukur (Surveyor)", "Juru Ukur (Surveyor)"),
        ("Tukang Batu Tingkat II", "Tukang Batu Tingkat II"),
        ("\u2022 OPERATOR EXCAVATOR", "Operator Excavator"),
        ("-", None),
        (None, None),
    ],
)
def test_clean_jabatan(raw, expected):
    assert clean_jabatan(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # one jabatan, one name: shortenings written out, spellings of one machine joined (were kept as written)
        ("Tk. Batu", "Tukang Batu"),
        ("TK BATU", "Tukang Batu"),
        ("Tkg Besi Beton", "Tukang Besi Beton"),
        ("Opr. Excavator", "Operator Excavator"),
        ("Op. Excavator", "Operator Excavator"),
        ("Operator Ekskavator", "Operator Excavator"),
        ("OPERATOR BULDOSER", "Operator Bulldozer"),
        ("Teknisi Lab. Beton", "Teknisi Laboratorium Beton"),
        ("Operator Excavator (Jenjang 3)", "Operator Excavator"),
        ("Tukang Batu - KKNI 2", "Tukang Batu"),
        ("Juru Ukur Level III", "Juru Ukur"),
        # "Tk." inside a title is tingkat; a number that is no labelled level stays
        ("Ahli Tk. Muda Teknik Jalan", "Ahli Tk. Muda Teknik Jalan"),
        ("Ahli K3 Konstruksi", "Ahli K3 Konstruksi"),
        ("Tukang Kayu", "Tukang Kayu"),
        ("Jenjang 3", "Jenjang 3"),
    ],
)
def test_clean_jabatan_written_out(raw, expected):
    assert clean_jabatan(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("SANGATTA", "Sangatta"),
        ("kutai  timur", "Kutai Timur"),
        ("TANAH GROGOT", "Tanah Grogot"),
        ("Kab. KUTAI TIMUR", "Kab. Kutai Timur"),
        ("-", None),
        (None, None),
    ],
)
def test_clean_place(raw, expected):
    assert clean_place(raw) == expected


@pytest.mark.parametrize(
    "raw", ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "N.A.", "(kosong)", "\u2026", "..."]
)
def test_excel_errors_and_placeholders_are_blank(raw):
    # a formula that found nothing leaves an error value: nothing was written (were unreadable values)
    assert is_blank(raw) is True


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, True),
        ("", True),
        ("  ", True),
        ("-", True),
        ("--", True),
        ("\u2013", True),
        ("N/A", True),
        ("tidak ada", True),
        ("0", False),
        ("x", False),
    ],
)
def test_is_blank(raw, expected):
    assert is_blank(raw) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # MySQL's zero date, where a web panel's database holds no date (Laravel / CodeIgniter exports)
        ("0000-00-00", True),
        ("0000-00-00 00:00:00", True),
        ("0000-00-00T00:00:00", True),
        (" 0000-00-00 00:00:00.000 ", True),
        # real dates, numbers and codes starting with zeros stay values
        ("2021-05-10 00:00:00", False),
        ("0000-00-00 12:30:00", False),
        ("00", False),
        ("0001", False),
    ],
)
def test_mysql_zero_date_is_blank(raw, expected):
    assert is_blank(raw) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("dalam proses", True), ("Belum Terbit", True), ("menunggu", True), ("12-03-2025", False), (None, False)],
)
def test_is_pending(raw, expected):
    assert is_pending(raw) is expected


@pytest.mark.parametrize(
    "values",
    [
        ["6408", None, "x"],
        np.array(["6408", None, "x"], dtype=object),
        pd.Series(["6408", np.nan, "x"], dtype=object),
        pd.Series(["6408", None, "x"], dtype="str"),
        pd.array(["6408", None, "x"], dtype="string"),
        pa.chunked_array([["6408"], [None, "x"]]),
        pa.array(["6408", None, "x"], type=pa.large_string()),
        [6408, float("nan"), "x"],  # a stray number from a lenient reader
    ],
    ids=["list", "numpy", "object-series", "str-series", "string-array", "chunked", "large-string", "number"],
)
def test_as_arrow_text(values):
    array = as_arrow_text(values)
    assert array.type == pa.string()
    assert array.to_pylist() == ["6408", None, "x"]


@pytest.mark.parametrize(
    ("raw", "convention", "bare_p"),
    [
        ("L", "lp", False),
        ("Laki-laki", "lp", False),
        ("PEREMPUAN", "lp", False),
        ("W", "pw", False),
        ("Wanita", "pw", False),
        ("Pria", "pw", False),
        ("P", None, True),
        (" p. ", None, True),
        ("M", None, False),
        (None, None, False),
    ],
)
def test_sex_convention(raw, convention, bare_p):
    assert sex_convention(raw) == convention
    assert is_bare_p(raw) is bare_p


@pytest.mark.parametrize(
    ("raw", "hasil", "not_assessed"),
    [
        # an assessor's recommendation with "dapat" (were unreadable)
        ("Dapat Direkomendasikan", "Kompeten", False),
        ("Belum Dapat Direkomendasikan", "Belum Kompeten", False),
        ("Tidak dapat direkomendasikan", "Belum Kompeten", False),
        # the document check without "syarat": no result, as MS / TMS (were unreadable)
        ("Memenuhi", None, True),
        ("Belum Memenuhi", None, True),
        ("TIDAK MEMENUHI", None, True),
        # a make-up or repeat assessment still to come (were unreadable)
        ("Susulan", None, True),
        ("Ikut Susulan", None, True),
        ("Uji Ulang", None, True),
        ("Mengulang", None, True),
        ("Remedial", None, True),
        ("BK (susulan)", "Belum Kompeten", False),
        ("Belum Kompeten / Mengulang", "Belum Kompeten", False),
        ("Kompeten (Susulan)", "Kompeten", False),
        # absent on the day (was unreadable)
        ("Tidak hadir saat uji", None, True),
        ("Tdk hadir pada saat asesmen", None, True),
        # unchanged
        ("KOMPETEN (K)", "Kompeten", False),
        ("TK", "Belum Kompeten", False),
        ("Tidak Lulus", "Belum Kompeten", False),
        ("Mengundurkan diri", None, True),
        ("-", None, False),
        ("Kompeten/Belum Kompeten", None, False),
    ],
)
def test_hasil_recommendations_retakes_and_document_checks(raw, hasil, not_assessed):
    assert (parse_hasil(raw), hasil_not_assessed(raw)) == (hasil, not_assessed)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a KoboToolbox / ODK form's choice names: the label's words joined by "_"
        ("operator_excavator", "Operator Excavator"),
        ("tukang_besi_beton", "Tukang Besi Beton"),
        ("ahli_k3_konstruksi", "Ahli K3 Konstruksi"),
        ("pelaksana_lapangan_pekerjaan_gedung", "Pelaksana Lapangan Pekerjaan Gedung"),
        # a clerk's underscore between written words stays as it is
        ("Operator_Excavator", "Operator_Excavator"),
    ],
)
def test_clean_jabatan_reads_a_form_choice_name(raw, expected):
    from standardize.fields import clean_jabatan
    assert clean_jabatan(raw) == expected
