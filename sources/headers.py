"""The one synonyms table: office header variants -> canonical raw columns.

Readers map every header they find through :func:`canonical_column`. A header is
normalised (lower case, punctuation to spaces, whitespace collapsed) before the
lookup, so "No. KTP", "NO KTP" and "no_ktp" are one entry.

Canonical raw columns carry the office's text unchanged; parsing their values is
the job of :mod:`standardize`.
"""

from __future__ import annotations

import re

# Canonical raw columns, in the order readers emit them.
NAMA = "nama"
NIK = "nik"
TEMPAT_TANGGAL_LAHIR = "tempat_tanggal_lahir"  # "Sangatta, 12-03-1985" in one cell
TEMPAT_LAHIR = "tempat_lahir"
TANGGAL_LAHIR = "tanggal_lahir"
JENIS_KELAMIN = "jenis_kelamin"
JABATAN_KERJA = "jabatan_kerja"
JENJANG = "jenjang"
KUALIFIKASI = "kualifikasi"
HASIL = "hasil"
NOMOR_SERTIFIKAT = "nomor_sertifikat"
TANGGAL_TERBIT = "tanggal_terbit"
MASA_BERLAKU = "masa_berlaku"
PROGRAM = "program"
TAHUN = "tahun"

RAW_COLUMNS: tuple[str, ...] = (
    NAMA,
    NIK,
    TEMPAT_TANGGAL_LAHIR,
    TEMPAT_LAHIR,
    TANGGAL_LAHIR,
    JENIS_KELAMIN,
    JABATAN_KERJA,
    JENJANG,
    KUALIFIKASI,
    HASIL,
    NOMOR_SERTIFIKAT,
    TANGGAL_TERBIT,
    MASA_BERLAKU,
    PROGRAM,
    TAHUN,
)

# Provenance columns every reader adds to every row.
OFFICE_ID = "office_id"
SOURCE_FILE = "source_file"
SOURCE_SHA256 = "source_sha256"
SOURCE_SHEET = "source_sheet"  # "" for CSV and JSON
SOURCE_ROW = "source_row"  # Excel row number, physical CSV line, or 1-based JSON record index
PROVENANCE_COLUMNS: tuple[str, ...] = (OFFICE_ID, SOURCE_FILE, SOURCE_SHA256, SOURCE_SHEET, SOURCE_ROW)

# A file is usable only if these can be found. Birth data, result and level are
# checked per row; a file without a name column or a NIK column is not a
# participant list at all.
REQUIRED_ANY_OF: tuple[tuple[str, ...], ...] = ((NAMA,), (NIK,))

# Header variants seen in office files (see ../shared/DOMAIN.md), already in
# normalised form. Keep this the single place where header spelling lives.
SYNONYMS: dict[str, tuple[str, ...]] = {
    NAMA: (
        "nama",
        "nama lengkap",
        "nama peserta",
        "nama tenaga kerja",
        "nama asesi",
        "nama pemegang",
        "name",
        "nama tenaga ahli",
    ),
    NIK: (
        "nik",
        "no ktp",
        "nomor ktp",
        "no ktp nik",
        "nik no ktp",
        "nik ktp",
        "no nik",
        "nomor nik",
        "nomor induk kependudukan",
        "no induk kependudukan",
        "ktp",
    ),
    TEMPAT_TANGGAL_LAHIR: (
        "tempat tgl lahir",
        "tempat tanggal lahir",
        "tempat tgl lhr",
        "ttl",
        "tempat dan tanggal lahir",
        "tempat tgl  lahir",
    ),
    TEMPAT_LAHIR: ("tempat lahir", "tmp lahir", "tempat"),
    TANGGAL_LAHIR: ("tanggal lahir", "tgl lahir", "tgl lhr", "tanggal", "tgl"),
    JENIS_KELAMIN: ("l p", "jk", "jenis kelamin", "kelamin", "sex", "gender", "lp"),
    JABATAN_KERJA: (
        "jabatan kerja",
        "jabatan",
        "nama jabatan kerja",
        "jabatan kerja skk",
        "bidang",
        "okupasi",
        "nama jabker",
        "jabker",
    ),
    JENJANG: ("jenjang", "level", "jenjang kkni", "kkni", "jenjang kualifikasi", "tingkat"),
    KUALIFIKASI: ("kualifikasi",),
    HASIL: (
        "hasil",
        "hasil uji",
        "hasil asesmen",
        "hasil uji kompetensi",
        "keterangan",
        "rekomendasi",
        "status kelulusan",
        "kelulusan",
        "ket",
    ),
    NOMOR_SERTIFIKAT: (
        "no registrasi",
        "nomor registrasi",
        "no reg",
        "nomor sertifikat",
        "no sertifikat",
        "no skk",
        "nomor skk",
        "no registrasi skk",
        "nomor registrasi lpjk",
        "no registrasi lpjk",
        # two-row headers: parent "Sertifikat" over child "Nomor" / "No."
        "sertifikat nomor",
        "sertifikat no",
        "skk nomor",
        "skk no",
    ),
    TANGGAL_TERBIT: (
        "tanggal terbit",
        "tgl terbit",
        "tanggal ditetapkan",
        "tgl ditetapkan",
        "terbit",
        "sertifikat tanggal terbit",
        "sertifikat tgl terbit",
        "sertifikat tanggal",
        "skk tanggal terbit",
        # two-row headers: a bare "Tanggal" / "Tgl" child under a certificate parent is
        # the issue date, not the birth date the child alone would map to
        "sertifikat tgl",
        "skk tanggal",
        "skk tgl",
        "skk tgl terbit",
    ),
    MASA_BERLAKU: (
        "masa berlaku",
        "berlaku s d",
        "berlaku sd",
        "berlaku sampai",
        "berlaku hingga",
        "tgl kadaluarsa",
        "tanggal kedaluwarsa",
        "sertifikat masa berlaku",
        "sertifikat berlaku s d",
        "skk masa berlaku",
        "skk berlaku s d",
        "berlaku sampai dengan",
        "tanggal kadaluarsa",
        "tanggal kadaluwarsa",
        "tgl kedaluwarsa",
    ),
    PROGRAM: ("kegiatan", "program", "angkatan", "tahap", "nama kegiatan", "batch", "gelombang"),
    TAHUN: ("tahun", "tahun kegiatan", "tahun anggaran", "ta"),
}

_LOOKUP: dict[str, str] = {}
for _canonical, _variants in SYNONYMS.items():
    for _variant in _variants:
        if _variant in _LOOKUP and _LOOKUP[_variant] != _canonical:  # pragma: no cover - guards edits
            raise ValueError(f"header variant {_variant!r} maps to two columns")
        _LOOKUP[_variant] = _canonical

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalize_header(text: object) -> str:
    """Lower-case a header cell and reduce punctuation and whitespace to single spaces."""
    if text is None:
        return ""
    return _NON_WORD.sub(" ", str(text).lower()).strip()


def canonical_column(header: object, overrides: dict[str, str] | None = None) -> str | None:
    """Map one header cell to its canonical column, or None when it is not one we use.

    ``overrides`` is an office's own ``column_mapping`` from the registry
    (header as the office writes it -> canonical column); it wins over the
    shared table.
    """
    key = normalize_header(header)
    if not key:
        return None
    if overrides:
        for their_header, canonical in overrides.items():
            if normalize_header(their_header) == key:
                return canonical
    return _LOOKUP.get(key)


def looked_for() -> str:
    """Human list of the header spellings a required column may have, for error messages."""
    parts = []
    for group in REQUIRED_ANY_OF:
        for column in group:
            parts.append(f"{column} ({' / '.join(SYNONYMS[column][:4])}, ...)")
    return "; ".join(parts)
