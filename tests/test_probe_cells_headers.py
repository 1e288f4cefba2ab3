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
        # columns we do not use stay unmapped: the assessment's date and place, the subclassification
        ("SUB KLASIFIKASI", None),
        ("Tanggal Uji", None),
        ("Tanggal Asesmen", None),
        ("Tempat Uji Kompetensi", None),
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
