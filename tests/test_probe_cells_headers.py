"""Header cells as office clerks and portal exports write them, mapped to canonical columns.

Probe of 2026-12-07: each header read by hand from the participant lists and SIKI/LPJK-style
exports described in ../shared/DOMAIN.md; the ones marked "was None" were not mapped before.
"""

from __future__ import annotations

import pytest

from sources.headers import canonical_column, is_weak_header


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # a Word table pasted into Excel: marks no one sees inside the header (the zero-width space was None;
        # the optional hyphens were read only by the near-spelling match, the BOM was already dropped)
        ("Na\u00adma Pe\u00adserta", "nama"),
        ("\ufeffNIK", "nik"),
        ("Ja\u200bbatan Kerja", "jabatan_kerja"),
        ("Jen\u00adjang", "jenjang"),
        # sex headers written with their options outside brackets, or as the two values (were None)
        ("Jenis Kelamin L/P", "jenis_kelamin"),
        ("JK L/P", "jenis_kelamin"),
        ("Pria/Wanita", "jenis_kelamin"),
        ("P/W", "jenis_kelamin"),
        ("Laki-laki/Perempuan", "jenis_kelamin"),
        ("Lk/Pr", "jenis_kelamin"),
        ("M/F", "jenis_kelamin"),
        # the registry a number is kept in (were None)
        ("No. Reg. LPJK", "nomor_sertifikat"),
        ("Nomor Registrasi LPJK", "nomor_sertifikat"),
        # the end of validity (were None)
        ("Tanggal Berakhir", "masa_berlaku"),
        ("Tgl. Berakhir", "masa_berlaku"),
        ("Tgl. Habis Berlaku", "masa_berlaku"),
        ("Berlaku Sampai Tanggal", "masa_berlaku"),
        # birth place shortened (were None)
        ("Tmpt. Lahir", "tempat_lahir"),
        ("Tempat Lhr", "tempat_lahir"),
        ("Kota Lahir", "tempat_lahir"),
        # the result of the assessment (were None)
        ("Keterangan Hasil Asesmen", "hasil"),
        ("Rekomendasi Asesmen", "hasil"),
        # SIKI-like and clerks' shortenings (were None)
        ("Tgl Masa Berlaku", "masa_berlaku"),
        ("Masa Berlaku Sampai", "masa_berlaku"),
        ("Tanggal Habis", "masa_berlaku"),
        ("Berlaku Sampai Tgl", "masa_berlaku"),
        ("No. SKK/SKA/SKT", "nomor_sertifikat"),
        # the old scheme's number on its own, in lists of 2019-2020 (were None; world 10)
        ("No. SKA", "nomor_sertifikat"),
        ("NO. SKT", "nomor_sertifikat"),
        ("Nomor SKT", "nomor_sertifikat"),
        ("No. SKTK", "nomor_sertifikat"),
        ("No. Reg. SKA", "nomor_sertifikat"),
        ("No. Registrasi SKT", "nomor_sertifikat"),
        ("Reg. No", "nomor_sertifikat"),
        ("Nama Sesuai KTP", "nama"),
        ("JNS KELAMIN", "jenis_kelamin"),
        ("Jns. Kel", "jenis_kelamin"),
        ("Keputusan Asesmen", "hasil"),
        ("Lulus/Tidak Lulus", "hasil"),
        ("Judul Skema", "jabatan_kerja"),
        ("Jabatan Kerja yg Diuji", "jabatan_kerja"),
        ("T.A.", "tahun"),
        ("Kota/Tgl Lahir", "tempat_tanggal_lahir"),
        # the two ends of validity in web exports (were None)
        ("tanggal_akhir_berlaku", "masa_berlaku"),
        ("valid_from", "tanggal_terbit"),
        ("Tgl. Mulai Berlaku", "tanggal_terbit"),
        ("pob", "tempat_lahir"),
        # the brief's headers, unchanged
        ("NAMA LENGKAP (SESUAI KTP)", "nama"),
        ("NO. KTP / NIK", "nik"),
        ("NOMOR INDUK KEPENDUDUKAN (NIK)", "nik"),
        ("TEMPAT, TGL. LAHIR", "tempat_tanggal_lahir"),
        ("TTL", "tempat_tanggal_lahir"),
        ("L/P", "jenis_kelamin"),
        ("JENIS KELAMIN (L/P)", "jenis_kelamin"),
        ("JABATAN KERJA YANG DIAJUKAN", "jabatan_kerja"),
        ("KUALIFIKASI/JENJANG", "jenjang"),
        ("LEVEL KKNI", "jenjang"),
        ("REKOMENDASI ASESOR", "hasil"),
        ("HASIL ASESMEN", "hasil"),
        ("STATUS KELULUSAN", "hasil"),
        ("NO. SERTIFIKAT / NO. REGISTRASI", "nomor_sertifikat"),
        ("TGL. DITETAPKAN", "tanggal_terbit"),
        ("MASA BERLAKU S.D.", "masa_berlaku"),
        ("full_name", "nama"),
        ("id_number", "nik"),
        ("assessment_result", "hasil"),
        ("expires_at", "masa_berlaku"),
        # columns we do not use stay unmapped, the assessment's own date and place among them
        ("Tanggal Uji", None),
        ("Tanggal Asesmen", None),
        ("Tempat Uji Kompetensi", None),
        ("SUB KLASIFIKASI", None),
        ("Metode Asesmen", None),
        ("Tanggal Berlaku", None),  # start or end of validity: not said
        ("No. Sertifikat Lama", None),
    ],
)
def test_header_variants(header, expected):
    assert canonical_column(header) == expected


def test_keterangan_is_a_weak_result_header():
    # A plain "KETERANGAN" holds the result in one office and remarks in another: readers let a
    # column that names the result outright win over it.
    assert canonical_column("KETERANGAN") == "hasil" and is_weak_header("KETERANGAN")
    assert not is_weak_header("Keterangan (K/BK)") and not is_weak_header("Keterangan Hasil Asesmen")


@pytest.mark.parametrize(
    ("header", "expected", "weak"),
    [
        # two-row headers read as "parent child": the occupation's name is no person's name
        ("JABATAN KERJA NAMA", "jabatan_kerja", False),  # was None, then the child alone: nama
        ("Skema / Nama", "jabatan_kerja", False),
        # the assessment's date and place are no birth date and place (were None, then the child
        # alone: tanggal_lahir / tempat_lahir); the date's year is the program year
        ("UJI KOMPETENSI TANGGAL", "tahun", True),
        ("Pelaksanaan Uji / Tgl", "tahun", True),
        ("Hasil Uji Tanggal", "tahun", True),
        ("Asesmen / Tgl.", "tahun", True),
        ("UJI KOMPETENSI TEMPAT", "program", True),
        ("Pelaksanaan / TUK", "program", True),
        ("Pelatihan / Lokasi", "program", True),
        # a column that names the year or the program outright is no weak one
        ("Tahun", "tahun", False),
        ("Kegiatan", "program", False),
        # a result note keeps a plain result header strong, as before
        ("Keterangan (K/BK)", "hasil", False),
        ("Keterangan", "hasil", True),
    ],
)
def test_event_columns_under_a_span_are_no_person_columns(header, expected, weak):
    assert (canonical_column(header), is_weak_header(header)) == (expected, weak)


def test_two_row_header_with_occupation_and_assessment_spans():
    # "Jabatan Kerja" over "Kode | Nama" and "Uji Kompetensi" over "Tanggal | Tempat | Hasil", beside
    # a TTL column. Before: jabatan_kerja was the code, the occupation's name a second nama, the
    # assessment date the birth date and the TUK the birth place.
    from sources.readers.table import find_header

    rows = [
        ["NO", "NAMA", "NIK", "TEMPAT, TGL LAHIR", "JABATAN KERJA", None, "JENJANG", "UJI KOMPETENSI", None, None],
        [None, None, None, None, "KODE", "NAMA", None, "TANGGAL", "TEMPAT", "HASIL"],
        ["1", "AGUS SALIM", "6408011203850003", "Sangatta, 12-03-1985", "TS031", "Operator Excavator", "3",
         "15-09-2025", "TUK Sangatta", "K"],
    ]
    header = find_header(rows)
    assert header.columns == {
        "nama": 1, "nik": 2, "tempat_tanggal_lahir": 3, "jabatan_kerja": 5, "jenjang": 6, "tahun": 7, "program": 8,
        "hasil": 9,
    }
    assert header.last_row == 1


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # a participant's enrolment number is no certificate number (were nomor_sertifikat: read as a
        # certificate, a registration list's rows without a result became Kompeten)
        ("No. Reg. Peserta", None),
        ("NO REGISTRASI PESERTA", None),
        ("Nomor Registrasi Asesi", None),
        ("No. Pendaftaran", None),
        # a training's certificate certifies nobody (were nomor_sertifikat / tanggal_terbit)
        ("No. Sertifikat Pelatihan", None),
        ("Nomor Sertifikat Pelatihan", None),
        ("Tanggal Terbit Sertifikat Pelatihan", None),
        # the assessor's columns are no participant's
        ("NIK Asesor", None),
        ("No. Reg. Asesor", None),
        # unchanged: the participant's own certificate and identity, the program year
        ("No. Sertifikat Peserta", "nomor_sertifikat"),
        ("No. Registrasi", "nomor_sertifikat"),
        ("Nomor Sertifikat (LSP)", "nomor_sertifikat"),
        ("No. Registrasi LPJK", "nomor_sertifikat"),
        ("NIK Peserta", "nik"),
        ("Nama Peserta Pelatihan", "nama"),
        ("Tahun Pelatihan", "tahun"),
    ],
)
def test_other_documents_and_other_persons(header, expected):
    assert canonical_column(header) == expected


def test_registration_list_certifies_nobody():
    # A daftar peserta made before the assessment: enrolment numbers and training certificates, no
    # result. Before, 'NO. REG. PESERTA' was the certificate number and every row became Kompeten.
    from sources.readers.table import find_header

    rows = [
        ["NO", "NO. REG. PESERTA", "NAMA PESERTA", "NIK", "JABATAN KERJA YANG DIAJUKAN", "JENJANG",
         "NO. SERTIFIKAT PELATIHAN"],
        ["1", "REG-2025-001", "AGUS SALIM", "6408011203850003", "Operator Excavator", "3", "BIMTEK/001/2025"],
    ]
    assert find_header(rows).columns == {"nama": 2, "nik": 3, "jabatan_kerja": 4, "jenjang": 5}


@pytest.mark.parametrize(
    ("header", "expected", "weak"),
    [
        # Probe of 2026-12-07, second round: headers of the columns whose cells were probed (name
        # without degrees, birth, sex, result, certificate dates); all were None before
        ("Nama Tanpa Gelar", "nama", False),
        ("Nama Lengkap Tanpa Gelar", "nama", False),
        ("Kelahiran", "tempat_tanggal_lahir", False),
        ("Tempat/Tgl. Kelahiran", "tempat_tanggal_lahir", False),
        ("Tempat & Tanggal Kelahiran", "tempat_tanggal_lahir", False),
        ("Tempat Kelahiran", "tempat_lahir", False),
        ("Tanggal Kelahiran", "tanggal_lahir", False),
        ("Tgl/Bln/Thn Lahir", "tanggal_lahir", False),
        ("Tanggal/Bulan/Tahun Lahir", "tanggal_lahir", False),
        ("J/K", "jenis_kelamin", False),
        ("J.K", "jenis_kelamin", False),
        ("Jns. Klmn", "jenis_kelamin", False),
        ("Kompeten/Tidak Kompeten", "hasil", False),
        ("K/TK", "hasil", False),
        ("Lulus/Tidak", "hasil", False),
        ("Hasil Ujikom", "hasil", False),
        ("Hasil UJK", "hasil", False),
        ("Kesimpulan", "hasil", True),  # an assessment form's conclusion, or a remark: weak
        ("Tanggal Penetapan", "tanggal_terbit", False),
        ("Tgl. Sertifikat", "tanggal_terbit", False),
        ("Exp. Date", "masa_berlaku", False),
        ("Expired", "masa_berlaku", False),
        ("Kadaluarsa", "masa_berlaku", False),
        ("Habis Masa Berlaku", "masa_berlaku", False),
        # still unmapped: the family card's number is no NIK, a year alone no birth date, an
        # assessment's date no issue date, a training's certificate and an assessor's name no participant's
        ("No. KK", None, False),
        ("Nomor Kartu Keluarga", None, False),
        ("Tahun Lahir", None, False),
        ("Tanggal Sertifikasi", None, False),
        ("Tanggal Sertifikat Pelatihan", None, False),
        ("Nama Tanpa Gelar Asesor", None, False),
    ],
)
def test_headers_of_probed_cells(header, expected, weak):
    assert (canonical_column(header), is_weak_header(header)) == (expected, weak)
