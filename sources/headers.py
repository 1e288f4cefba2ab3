"""The one synonyms table: office header variants -> canonical raw columns.

Readers map every header they find through :func:`canonical_column`. A header is
normalised (lower case, punctuation to spaces, whitespace collapsed) before the
lookup, so "No. KTP", "NO KTP" and "no_ktp" are one entry.

Canonical raw columns carry the office's text unchanged; parsing their values is
the job of :mod:`standardize`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

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

# An online form's submission moment ("Timestamp", "Cap waktu", "Completion time"): what marks a
# sheet as form responses, where a second response of the same person is a correction of the
# first (standardize.responses). Kept apart from RAW_COLUMNS: it is the form's, not the office's
# data, and a list without it keeps its quarantine's raw row as before.
WAKTU_RESPONS = "waktu_respons"
FORM_COLUMNS: tuple[str, ...] = (WAKTU_RESPONS,)

# A file is usable only if these can be found. Birth data, result and level are
# checked per row; a file without a name column or a NIK column is not a
# participant list at all.
REQUIRED_ANY_OF: tuple[tuple[str, ...], ...] = ((NAMA,), (NIK,))

# A two-row header's event span over a bare date or place ("Uji Kompetensi" over "Tanggal | Tempat |
# Hasil"): readers look the joined "parent child" up first and fall back to the child alone, which
# would be the birth date and place. The joined forms name the event's year (the program year) and
# its place (the batch). Weak (WEAK_VARIANTS): a column naming the year or program outright wins.
# A stand-alone "Tanggal Uji" stays unmapped, as before.
_EVENTS = ("uji kompetensi", "uji", "ujian", "asesmen", "ujikom", "pelaksanaan", "pelatihan", "hasil uji",
           "pelaksanaan uji", "pelaksanaan uji kompetensi", "kegiatan", "bimtek", "jadwal uji")
_ASSESSMENT_DATES: tuple[str, ...] = tuple(
    f"{event} {child}" for event in _EVENTS for child in ("tanggal", "tgl", "waktu", "hari tanggal", "hari tgl")
)
_ASSESSMENT_PLACES: tuple[str, ...] = tuple(
    f"{event} {child}" for event in _EVENTS for child in ("tempat", "lokasi", "tuk")
)

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
        "nama pekerja",
        "nama operator",
        "nama lengkap gelar",
        "nama sesuai ktp",
        "nama lengkap dan gelar",
        "nama dan gelar",
        "nama gelar",
        "nama tanpa gelar",
        # TKK: tenaga kerja konstruksi, the registry's word for the worker
        "nama tkk",
        # English API exports and forms (full_name, fullName, participant_name)
        "full name",
        "fullname",
        "participant name",
        "worker name",
        "applicant name",
        "person name",
        # an LSP portal's certificate list in English: the holder, the candidate assessed
        "holder name",
        "certificate holder",
        "candidate name",
        "assessee name",
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
        "nomor ktp nik",
        "no ktp no nik",
        "nik nomor ktp",
        "no induk kependudukan",
        "ktp",
        "nomor identitas",
        "no identitas",
        "nomor kartu identitas",
        "e ktp",
        "no e ktp",
        "nomor e ktp",
        # English API exports: national identity number
        "id number",
        "national id",
        "national id number",
        "nik number",
        "ktp number",
        "ktp no",
        "identity number",
        "id card number",
        # foreign workers may give a passport: "NIK/Paspor", "NIK / Passport"
        "nik paspor",
        "nik passport",
        "paspor nik",
        "passport nik",
        "nik atau paspor",
        "no ktp paspor",
    ),
    TEMPAT_TANGGAL_LAHIR: (
        "tempat tgl lahir",
        "tempat tanggal lahir",
        "tempat tgl lhr",
        "ttl",
        "tempat dan tanggal lahir",
        "tempat tgl  lahir",
        "tmp tgl lahir",
        "tmpt tgl lahir",
        "tmp tanggal lahir",
        "tmpt tanggal lahir",
        # two headers in one cell: "Tempat Lahir / Tanggal Lahir"
        "tempat lahir tanggal lahir",
        "tempat lahir tgl lahir",
        "place and date of birth",
        "place date of birth",
        "birth place and date",
        "kota tgl lahir",
        "kota tanggal lahir",
        # "Kelahiran" (birth) for either part or both: the birth cell's reader splits place from date
        "kelahiran",
        "tempat tgl kelahiran",
        "tempat tanggal kelahiran",
        "tempat dan tanggal kelahiran",
        "data kelahiran",
    ),
    TEMPAT_LAHIR: (
        "tempat lahir",
        "tmp lahir",
        "tempat",
        "birth place",
        "birthplace",
        "place of birth",
        # clerks' shortenings of either word: "Tmpt. Lahir", "Tempat Lhr", "Tmp. Lhr"
        "tmpt lahir",
        "tempat lhr",
        "tmp lhr",
        "tmpt lhr",
        "kota lahir",
        "pob",
        "tempat kelahiran",
        "tmp kelahiran",
    ),
    TANGGAL_LAHIR: (
        "tanggal lahir",
        "tgl lahir",
        "tgl lhr",
        "tanggal",
        "tgl",
        "birth date",
        "birthdate",
        "date of birth",
        "dob",
        "tanggal kelahiran",
        "tgl kelahiran",
        # the day, month and year named one by one: "Tgl/Bln/Thn Lahir", "Tanggal-Bulan-Tahun Lahir"
        "tgl bln thn lahir",
        "tanggal bulan tahun lahir",
        "tgl bulan tahun lahir",
    ),
    JENIS_KELAMIN: (
        "jns kelamin", "jns kel", "j kelamin", "jenis kel", "jen kel", "jkel",
        "l p", "jk", "jenis kelamin", "kelamin", "sex", "gender", "lp",
        # "J/K", "J.K", "Jns. Klmn"
        "j k", "jns klmn", "jenis klmn", "klmn",
        # the header written as its two values: "Pria/Wanita", "P/W", "Laki-laki/Perempuan", "Lk/Pr"
        "p w", "pria wanita", "laki laki perempuan", "lk pr", "l pr", "m f", "male female",
    ),
    JABATAN_KERJA: (
        "jabatan kerja",
        "jabatan",
        "nama jabatan kerja",
        "jabatan kerja skk",
        "bidang",
        "okupasi",
        "nama jabker",
        "nama jabatan",
        "jabatan kerja yang diikuti",
        "jabatan yang diikuti",
        "jabatan kerja yang diambil",
        "jabatan kerja diikuti",
        "jabker",
        # registration lists (daftar peserta): the occupation applied for; an LSP's scheme
        "jabatan kerja yang diajukan",
        "jabatan yang diajukan",
        "jabatan kerja diajukan",
        "jabatan kerja yang dimohon",
        "jabatan kerja yang dilamar",
        "usulan jabatan kerja",
        "skema",
        "skema sertifikasi",
        "certification scheme",
        "competency scheme",
        "scheme name",
        # an LSP portal's English export names the skema alone ({"scheme": "Operator Excavator", "level": 3})
        "scheme",
        "certification scheme name",
        "occupation title",
        "nama skema",
        "skema kompetensi",
        "position",
        "job title",
        "job position",
        "occupation",
        "job",
        "job name",
        "position name",
        "occupation name",
        # two-row headers: "Jabatan Kerja" over "Kode | Nama"; the name is the occupation's,
        # not the person's (the child alone would be NAMA)
        "jabatan kerja nama",
        "jabatan nama",
        "jabker nama",
        "skema nama",
        "skema sertifikasi nama",
        "okupasi nama",
        "jabatan kerja uraian",
        # Indonesian government systems pair a code with its "uraian", the text it stands for
        # ("kode_jabatan" / "uraian_jabatan" in a SIMPEG's staff list, "uraian_pangkat" beside it):
        # "Uraian Jabatan Kerja" is the jabatan kerja's name, as "Jabatan Kerja" over "Uraian" is
        "uraian jabatan kerja",
        "uraian jabatan",
        "uraian jabker",
        "uraian skema",
        "uraian okupasi",
        "jabatan kerja nama jabatan",
        "judul skema",
    ),
    JENJANG: (
        "jenjang",
        "level",
        "level kompetensi",
        "jenjang kompetensi",
        "jenjang kkni",
        "kkni",
        "jenjang kualifikasi",
        "tingkat",
        "skill level",
        "jenjang yang diajukan",
        "jenjang diajukan",
        "kkni level",
        "level kkni",
        "qualification level",
        "competency level",
        "certification level",
        "level name",
        "kualifikasi jenjang",
        "jenjang kualifikasi kkni",
        "jenjang level",
        "level jenjang",
        "jenjang jabatan",
        "jenjang jabatan kerja",
        "kualifikasi jenjang kkni",
        "jenjang kkni level",
        # a narrow column of a printed report or an old system's export abbreviates it
        "jjg",
        "jenj",
        "lvl",
    ),
    KUALIFIKASI: ("kualifikasi", "qualification", "qualification name", "kualifikasi jabatan", "kualifikasi jabatan kerja"),
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
        "status kompetensi",
        # a web system's result flag or field named for the competence ("statusKompeten": true,
        # "hasil_kompetensi": "K", "Kompeten/Tidak")
        "status kompeten",
        "hasil kompetensi",
        "keputusan kompetensi",
        "kompeten tidak",
        "k bk",
        "hasil akhir",
        "hasil sertifikasi",
        "hasil penilaian",
        "hasil ujian",
        "hasil uji kompetensi k bk",
        "keputusan",
        "keputusan asesor",
        "rekomendasi asesor",
        "rekomendasi asesmen",
        "kompeten belum kompeten",
        "keterangan hasil",
        "keterangan hasil uji",
        "keterangan lulus",
        "keterangan kelulusan",
        "status lulus",
        "hasil asesmen kompetensi",
        "status uji",
        "status asesmen",
        "status hasil",
        "status hasil uji",
        "keputusan asesmen",
        "keputusan uji",
        "keputusan uji kompetensi",
        "kesimpulan asesmen",
        "kesimpulan hasil asesmen",
        "lulus tidak lulus",
        "lulus tidak",
        "kompeten tidak kompeten",
        "k tk",
        # the assessment's own shortenings: uji kompetensi as "Ujikom", "UJK"
        "hasil ujikom",
        "hasil ujk",
        "hasil uk",
        "hasil uji ujk",
        # an assessment form's conclusion; weak (WEAK_VARIANTS): a column naming the result wins
        "kesimpulan",
        # English API exports; a bare "status" is weak (see WEAK_VARIANTS)
        "result",
        "assessment result",
        "assessment status",
        "competency result",
        "competency status",
        "exam result",
        "test result",
        "outcome",
        "recommendation",
        "assessment decision",
        "certification decision",
        "decision",
        "status of competence",
        "competence status",
        "result status",
        # boolean pass flags ("is_competent": true, "lulus": false)
        "is competent",
        "competent",
        "passed",
        "is passed",
        "lulus",
        "status",
    ),
    NOMOR_SERTIFIKAT: (
        "no registrasi",
        "nomor registrasi",
        "no reg",
        "nomor reg",
        "reg no",
        "no skk ska skt",
        "no ska skt",
        "nomor skk ska skt",
        # the pre-2021 scheme's own columns in lists of 2019-2020: the expert's SKA, the skilled
        # worker's SKT (SKTK, "Sertifikat Keterampilan Tenaga Kerja"); the number is what ties a
        # later recap's re-listing to the certificate and its 2019 issue date
        "no ska",
        "nomor ska",
        "no skt",
        "nomor skt",
        "no sktk",
        "nomor sktk",
        "no registrasi ska",
        "no registrasi skt",
        "no reg ska",
        "no reg skt",
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
        # English API exports and English two-row headers
        "certificate number",
        "certificate no",
        "cert number",
        "cert no",
        "skk number",
        "registration number",
        "registration no",
        "reg number",
        "certificate registration number",
    ),
    TANGGAL_TERBIT: (
        "tanggal terbit",
        "tanggal penerbitan",
        "tgl penerbitan",
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
        # English API exports (issue_date, issuedAt, certificate.issued_at)
        "issue date",
        "issued date",
        "date of issue",
        "issued at",
        "issued on",
        "date issued",
        "issuance date",
        "certificate issue date",
        "certificate date",
        # the first day of validity is the issue date ("Berlaku mulai", valid_from)
        "valid from",
        "valid since",
        "tanggal mulai berlaku",
        "tgl mulai berlaku",
        "mulai berlaku",
        "berlaku mulai",
        "berlaku dari",
        # the day the certificate was set (ditetapkan), or its date: the issue date
        "tanggal penetapan",
        "tgl penetapan",
        "tanggal sertifikat",
        "tgl sertifikat",
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
        # the day the certificate's validity ends: "Tanggal Berakhir", "Tgl. Habis Berlaku"
        "tanggal berakhir",
        "tgl berakhir",
        "berakhir",
        "berakhir tanggal",
        "tanggal habis berlaku",
        "tgl habis berlaku",
        "habis berlaku",
        "berlaku sampai tanggal",
        "berlaku hingga tanggal",
        "tgl masa berlaku",
        "tanggal masa berlaku",
        "masa berlaku sampai",
        "masa berlaku hingga",
        "tanggal habis",
        "tanggal akhir berlaku",
        "tgl akhir berlaku",
        "akhir berlaku",
        "tgl habis",
        "berlaku sampai tgl",
        "berlaku s d tgl",
        "berlaku sd tgl",
        "berlaku s d tanggal",
        "tgl kadaluwarsa",
        # English API exports (valid_until, expiresAt, certificate.expires_at)
        "valid until",
        "valid to",
        "valid thru",
        "expiry date",
        "date of expiry",
        "expiry",
        "expires",
        "expires at",
        "expires on",
        "expired at",
        "expired date",
        "expiration date",
        "certificate expiry date",
        "certificate valid until",
        "exp date",
        "expired",
        "kadaluarsa",
        "kedaluwarsa",
        "kadaluwarsa",
        "habis masa berlaku",
        "tgl expired",
        "tanggal expired",
    ),
    PROGRAM: (
        "kegiatan",
        "program",
        "angkatan",
        "tahap",
        "nama kegiatan",
        "batch",
        "gelombang",
        "program name",
        "training program",
        "activity",
        "cohort",
        "batch name",
        "training",
        "training name",
        # where the assessment was held (TUK, Tempat Uji Kompetensi): it names the batch, and
        # under an "Uji Kompetensi" span the child "Tempat" alone would be the birth place
        *_ASSESSMENT_PLACES,
    ),
    TAHUN: (
        "tahun",
        "tahun kegiatan",
        "tahun anggaran",
        "ta",
        "year",
        "program year",
        "fiscal year",
        "budget year",
        "assessment year",
        "certification year",
        # the year the training or assessment was held
        "tahun pelaksanaan",
        "tahun pelatihan",
        "tahun sertifikasi",
        "thn",
        "t a",
        "thn anggaran",
        "thn kegiatan",
        # the date of the assessment or training: its year is the program year, and under an
        # "Uji Kompetensi" span the child "Tanggal" alone would be the birth date
        *_ASSESSMENT_DATES,
    ),
    # Google Forms' responses sheet opens with the submission time, named in the form owner's
    # language ("Timestamp"; id-ID "Cap waktu", older "Stempel waktu"); Microsoft Forms' export with
    # "ID", "Start time", "Completion time" (id-ID "Waktu mulai", "Waktu penyelesaian"). "Last
    # modified time" is not one: blank on responses never edited, and an edit stays one row.
    WAKTU_RESPONS: (
        "timestamp",
        "time stamp",
        "cap waktu",
        "stempel waktu",
        "completion time",
        "waktu penyelesaian",
        "waktu selesai",
        "start time",
        "waktu mulai",
        "submitted at",
        "submission time",
        "waktu pengiriman",
        "waktu pengisian",
    ),
}

_LOOKUP: dict[str, str] = {}
for _canonical, _variants in SYNONYMS.items():
    for _variant in _variants:
        if _variant in _LOOKUP and _LOOKUP[_variant] != _canonical:  # pragma: no cover - guards edits
            raise ValueError(f"header variant {_variant!r} maps to two columns")
        _LOOKUP[_variant] = _canonical

# Headers typed with a space between letters, as printed titles are ("N A M A", "N I K",
# "N A M A   P E S E R T A"): each variant with its spaces taken out, when that is unambiguous.
_SPACED: dict[str, str] = {}
for _variant, _canonical in _LOOKUP.items():
    _SPACED.setdefault(_variant.replace(" ", ""), _canonical)

_NON_WORD = re.compile(r"[^0-9a-z]+")
# A word typed with a space between its letters, three letters at least ("N I K", "J E N J A N G");
# two spaces or more end it ("H A S I L  U J I").
_SPACED_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_](?: [^\W\d_](?![^\W\d_])){2,}")
# A lower-case letter or digit followed by a capital starts a new word in
# camelCase API field names: "tanggalLahir", "issuedAt", "fullName".
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


_XML_NAME_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


# Marks a header cell may hold that no one sees (Word's optional hyphen U+00AD, zero-width
# (non-)joiners, the word joiner, bidi marks, a BOM glued to a first header): a Word table pasted
# into Excel keeps them, and "Na\u00adma" is the header "Nama" the clerk typed.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def normalize_header(text: object) -> str:
    """Lower-case a header cell and reduce punctuation and whitespace to single spaces.

    camelCase is split first, so "tanggalLahir", "tanggal_lahir", "Tanggal Lahir"
    and "certificate.issuedAt" / "certificate issued at" are one spelling each.
    """
    if text is None:
        return ""
    text = _INVISIBLE.sub("", str(text))
    if "_x" in text:
        # an XML name's escape of a character a name cannot hold: SharePoint, ADO.NET and Power
        # Automate write "Nama Lengkap" as "Nama_x0020_Lengkap", "No. KTP" as "No_x002e__x0020_KTP"
        text = _XML_NAME_ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text)
    return _NON_WORD.sub(" ", _CAMEL.sub(" ", text).lower()).strip()


def canonical_column(header: object, overrides: dict[str, str] | None = None, xform_row: bool = False) -> str | None:
    """Map one header cell to its canonical column, or None when it is not one we use.

    ``overrides`` is an office's own ``column_mapping`` from the registry
    (header as the office writes it -> canonical column); it wins over the
    shared table. ``xform_row``: the cell heads a column of a form export
    (:func:`is_xform_header_row`), where every lower-case slash path is a question's path.
    """
    key = normalize_header(header)
    if not key:
        return None
    if overrides:
        for their_header, canonical in overrides.items():
            if normalize_header(their_header) == key:
                return canonical
    found = _not_of_something_else(key, _looked_up_anyhow(header, key, overrides))
    if found is None and isinstance(header, str) and "/" in header and (
            _XFORM_HEADER.fullmatch(header.strip()) or (xform_row and _XFORM_ROW_PATH.fullmatch(header.strip()))):
        # a form's CSV export heads each column with the question's path ("grp_peserta/nama_lengkap")
        return canonical_path((header.strip(),), overrides)[0]
    if found is None and isinstance(header, str) and _BROKEN_WORD.search(header):
        # a word hyphenated over two lines of a narrow column ("JEN-\nJANG", "KETE-\nRANGAN"), or with
        # a soft hyphen; tried only when the header as written names nothing ("Kualifikasi-\nJenjang")
        return canonical_column(_BROKEN_WORD.sub("", header), overrides)
    return found


# A hyphen (or soft hyphen) between two letters across a line break, or a soft hyphen anywhere.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])[-\u2010\u00ad][ \t]*\r?\n\s*(?=[^\W\d_])|\u00ad")


def _looked_up_anyhow(header: object, key: str, overrides: dict[str, str] | None) -> str | None:
    found = _LOOKUP.get(key) or _without_notes_and_qualifiers(header)
    if found is None and len(key) >= 5 and all(len(part) == 1 for part in key.split(" ")):
        return _SPACED.get(key.replace(" ", ""))
    if found is None and isinstance(header, str) and _SPACED_WORD.search(header):
        # the spaced word with a note or a qualifier beside it: "N I K (16 digit)", "J E N J A N G KKNI"
        closed = _SPACED_WORD.sub(lambda m: m.group(0).replace(" ", ""), header)
        found = _LOOKUP.get(normalize_header(closed)) or _without_notes_and_qualifiers(closed)
    if found is None and _JOINED_HEADER.search(str(header)):
        found = _name_and_nik(str(header), overrides)
    if found is None:
        # "Hasil Uji II (Remedial)": the number before a note
        numbered = _GROUP_NUMBER.fullmatch(key) or _GROUP_NUMBER.fullmatch(normalize_header(_NOTE.sub(" ", str(header))))
        if numbered is not None and (column := canonical_column(numbered.group(1), overrides)) in _NUMBERED:
            return column
    return found


# Words that make a certificate column another document's: a training's certificate ("No. Sertifikat
# Pelatihan", "Sertifikat Bimtek") certifies nobody (DOMAIN), and read as an SKK number it would make a
# Kompeten of a row without a result (standardize: hasil_from_certificate).
_OTHER_DOCUMENTS = frozenset({"pelatihan", "bimtek", "diklat", "training", "ijazah", "kursus", "workshop"})
# A participant's registration ("No. Reg. Peserta", "Nomor Registrasi Asesi", "No. Pendaftaran") is their
# enrolment in the assessment, made before it, not the certificate's registration number.
_ENROLMENT = re.compile(r"\b(?:reg|registrasi|registration|daftar|pendaftaran)\b.*\b(?:peserta|asesi|participant)\b"
                        r"|\b(?:peserta|asesi|participant)\b.*\b(?:reg|registrasi|registration)\b|\bpendaftaran\b")
# Someone else's columns: the assessor's, the employer's ("No. Reg. Asesor", "NIK Asesor"), the
# trainer's, a relative's or a contact's.
_SOMEONE_ELSE = frozenset({"asesor", "assessor", "perusahaan", "instansi", "company", "employer", "penguji",
                           "pengawas", "instruktur", "pelatih", "narasumber", "fasilitator", "pembimbing", "atasan",
                           "asosiasi", "bujk", "trainer", "supervisor", "wali", "referensi"})
_SOMEONE_ELSE_PHRASES = ("badan usaha", "pemberi kerja", "ibu kandung", "orang tua", "ahli waris", "kontak darurat")
# Bodies that hold no person columns of the participant ("LSP" over "Nama | Alamat"); their numbers
# may be the certificate's (the LSP's registration of it), so only person columns are refused.
_OTHER_BODIES = frozenset({"lsp", "tuk", "lembaga", "penyelenggara"})
# Words of the assessment: a span "Pelatihan dan Sertifikasi" or "Bimtek dan Uji Kompetensi" over
# "No. Sertifikat" is the programme that ends with the SKK, not a training's own certificate.
_ASSESSMENT_WORDS = frozenset({"sertifikasi", "skk", "uji", "ujikom", "asesmen", "kompetensi", "lpjk",
                               "certification", "assessment"})


def _not_of_something_else(key: str, found: str | None) -> str | None:
    """``found``, unless ``key`` says the column is another document's or another person's."""
    if found is None:
        return None
    words = set(key.split())
    if found in CERTIFICATE_COLUMNS and (words & _OTHER_DOCUMENTS or (found == NOMOR_SERTIFIKAT and _ENROLMENT.search(key))):
        return None
    if (found in PERSON_COLUMNS or found in CERTIFICATE_COLUMNS) and words & _SOMEONE_ELSE:
        return None
    return found


def of_someone_else(span: object, column: str | None) -> bool:
    """True when a header ``span`` over sub-columns says that a sub-column naming ``column`` on its
    own is not the participant's: "ASESOR" over "Nama | No. Reg." (the assessor's name and
    registration number), "PERUSAHAAN" over "Nama", "PELATIHAN" over "No. Sertifikat" (a
    training's certificate certifies nobody, DOMAIN), "LSP" over "Nama"."""
    if column is None or (column not in PERSON_COLUMNS and column not in CERTIFICATE_COLUMNS):
        return False
    key = normalize_header(_NOTE.sub(" ", str(span)))
    words = set(key.split())
    if words & _PERSON_WORDS:  # "Peserta Pelatihan" over "Nama | NIK": the participant's own
        return False
    if words & _SOMEONE_ELSE or any(f" {phrase} " in f" {key} " for phrase in _SOMEONE_ELSE_PHRASES):
        return True
    if column in PERSON_COLUMNS and words & (_OTHER_BODIES | _OTHER_DOCUMENTS):
        return True
    return column in CERTIFICATE_COLUMNS and bool(words & _OTHER_DOCUMENTS) and not words & _ASSESSMENT_WORDS


# A column of a person's first, second ... certificate: "Jenjang 2", "Hasil Uji Ke-2", "Jabatan Kerja II".
# Only certificate columns: "Tahap II", "Angkatan I" above a table are titles naming a batch.
_NUMBERED = frozenset({JABATAN_KERJA, JENJANG, KUALIFIKASI, HASIL, NOMOR_SERTIFIKAT, TANGGAL_TERBIT, MASA_BERLAKU})
_GROUP_NUMBER = re.compile(r"(.*?[a-z])\s+(?:ke\s*)?(?:[1-9]|i{1,3}|iv|v)")


# One cell headed for two columns: "Nama / NIK", "Nama dan No. KTP", "NIK & Nama".
_JOINED_HEADER = re.compile(r"/|&|\+|,|\n|\bdan\b", re.IGNORECASE)


def _name_and_nik(header: str, overrides: dict[str, str] | None) -> str | None:
    """The column of a header naming two in one cell: one column twice ("Tingkat/Jenjang"), the
    birth place and date ("Tempat, Tanggal"), or NAMA for the name and the NIK, whose cells hold
    both ("Budi Santoso / 6408011203850001"; the reader takes the NIK out of the name). None otherwise."""
    parts = [part for part in _JOINED_HEADER.split(header) if part.strip()]
    if len(parts) != 2:
        return None
    named = {canonical_column(part, overrides) for part in parts}
    if named == {NAMA, NIK}:
        return NAMA
    if named == {TEMPAT_LAHIR, TANGGAL_LAHIR}:  # "Tempat, Tanggal" over "Sangatta, 12-03-1985"
        return TEMPAT_TANGGAL_LAHIR
    if named in _JABATAN_AND_LEVEL:  # "Jabatan Kerja / Jenjang" over "Operator Excavator / 3"
        return JABATAN_KERJA
    if named == {KUALIFIKASI, JENJANG}:  # "Kualifikasi/Level" over "Operator / 3", "Ahli Muda": the level reads both
        return JENJANG
    return named.pop() if len(named) == 1 else None


_JABATAN_AND_LEVEL = ({JABATAN_KERJA, JENJANG}, {JABATAN_KERJA, KUALIFIKASI})


def jabatan_with_level(header: object, overrides: dict[str, str] | None = None) -> bool:
    """True for a jabatan kerja header that names the level too ("Jabatan Kerja / Jenjang", "Skema & Level"):
    its cells hold both ("Operator Excavator / 3"), and the reader reads the level from them as well."""
    text = str(header or "")
    if not _JOINED_HEADER.search(text):
        return False
    parts = [part for part in _JOINED_HEADER.split(text) if part.strip()]
    return len(parts) == 2 and {canonical_column(part, overrides) for part in parts} in _JABATAN_AND_LEVEL


# Notes clerks add to a header cell: the format, the source, the values allowed
# ("NIK (16 digit)", "Nama Peserta (sesuai KTP)", "Jenis Kelamin (L/P)", "Tgl Lahir [dd/mm/yyyy]").
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
# Words after a known header that only say whose or which it is: "NIK Peserta", "NIK Asesi",
# "Nomor Sertifikat SKK", "Tanggal Terbit Sertifikat", "Jabatan Kerja yang Diuji", "Masa Berlaku s/d".
_QUALIFIERS = ("peserta", "asesi", "pekerja", "tenaga kerja", "tkk", "skk", "uji", "uji kompetensi", "kompetensi kerja", "sertifikat", "sertifikasi", "kompetensi",
               "sesuai ktp", "yang diuji", "s d", "sd",
               # "Nama Peserta Pelatihan", "Nama Tenaga Kerja Konstruksi", "Nama Lengkap Beserta Gelar"
               "pelatihan", "konstruksi", "beserta gelar", "dengan gelar", "dan gelar",
               # the options of a sex column without brackets ("Jenis Kelamin L/P"), the registry
               # a number is kept in ("No. Reg. LPJK"), the assessment a result is of
               # ("Keterangan Hasil Asesmen")
               "l p", "lp", "m f", "p w", "lpjk", "asesmen",
               # "Nama Tanpa Gelar": the name without the degrees, as standardize writes it
               "tanpa gelar",
               # a retest's result ("Hasil Uji Ulang", "Hasil Remedial"): the reader reads it row by row
               # over the first result (sources.readers.table._result_column)
               "ulang", "remedial", "remidi")
# What is left must still say which column it is: two words at least ("tanggal terbit"), or
# the NIK; "Tanggal Sertifikasi" is not the birth date a bare "tanggal" would map to.
_BARE_ENOUGH = frozenset({"nik", "jk", "kelamin"})


# A registration form's questions as headers (Google Forms and the like export each question as its
# column's header): an imperative before the field ("Pilih Jenjang", "Masukkan NIK Anda", "Tuliskan Nama
# Lengkap") and a clause after it saying it is the applicant's choice ("Jenjang KKNI yang diajukan",
# "Skema yang dipilih", "Jabatan Kerja yang akan Anda ikuti") ask for the field itself. Only verbs of
# applying, choosing or holding: "Nama yang dapat dihubungi" (a contact) keeps its clause and names nothing.
_FORM_IMPERATIVE = re.compile(r"^(?:(?:silakan|silahkan|mohon|harap) )?"
                              r"(?:pilih|pilihlah|masukkan|masukan|tuliskan|tulis|isikan|isi|ketik|ketikkan) (?=\S)")
# The passive prefix is written apart as often as not ("yang Di Ujikan", "yang di ajukan").
_FORM_CLAUSE = re.compile(r" yang (?:akan )?(?:anda )?(?:akan )?(?:di ?)?(?:uji|ujikan|ajukan|ikuti|pilih|ambil|mohon"
                          r"|mohonkan|lamar|inginkan|daftarkan|miliki|tuju|sertifikasi|sertifikasikan|usulkan)"
                          r"(?: anda)?$")
_FORM_OWNER = re.compile(r" (?:anda|saudara|bapak ibu)$")
# A year or a date closing a header, as normalize_header leaves it ("12 11 2025", "2025").
_TRAILING_DATE = re.compile(r" (?:(?:\d{1,2} ){1,2})?(?:19|20)\d\d$")

# Words clerks shorten inside a header, written out before the lookup.
_SHORT_WORD = {"yg": "yang", "dgn": "dengan", "utk": "untuk", "nm": "nama"}
_SHORT_WORDS = re.compile(r"\b(?:yg|dgn|utk|nm)\b")


def _without_notes_and_qualifiers(header: object) -> str | None:
    """The column of a header once its notes and trailing qualifiers are left out, or None."""
    key = normalize_header(_NOTE.sub(" ", str(header)))
    key = _SHORT_WORDS.sub(lambda m: _SHORT_WORD[m.group(0)], key)  # "Jabatan Kerja yg Diuji"
    key = _FORM_OWNER.sub("", _FORM_CLAUSE.sub("", _FORM_IMPERATIVE.sub("", key)))
    if key in _LOOKUP:  # a note never changes what the header names: "Nama (sesuai KTP)"
        return _LOOKUP[key]
    while key:
        if key in _LOOKUP and (len(key.split()) >= 2 or key in _BARE_ENOUGH):
            return _LOOKUP[key]
        shorter = next((key[: -len(q)].rstrip() for q in _QUALIFIERS if key.endswith(" " + q)), None)
        if shorter is None and (dated := _TRAILING_DATE.search(key)) is not None:
            # the assessment's year or date after the field: "Hasil Uji 2025", "Hasil Uji 12/11/2025"
            shorter = key[: dated.start()].rstrip()
        if shorter is None:
            return None
        key = shorter
    return None


# --- nested field names (JSON objects, "parent / child" headers) -----------------
#
# A web export nests fields: {"certificate": {"number": ..}, "program": {"name": ..}}.
# The joined path ("certificate number") is looked up first, like any header, so a
# synonym or a registry column_mapping written as "certificate.number",
# "certificate_number" or "Certificate Number" matches it. When the joined path is
# unknown, the child is read in the context of its parent, because a bare child
# name means different things under different parents: "name" under
# "participant" is the person's name, under "program" the program's, under "lsp"
# nothing we use; "number" under "certificate" is the certificate number.

# Parents whose children describe the person: their children are read alone.
_PERSON_WORDS = frozenset(
    {
        "peserta", "participant", "person", "personal", "pribadi", "biodata", "profile", "profil",
        "identity", "identitas", "worker", "pekerja", "tenaga", "asesi", "applicant", "candidate",
        "holder", "pemegang", "employee", "member",
    }
)  # fmt: skip
# Parents that only wrap a record (JSON:API "attributes", "data", "fields").
# GraphQL "node", Elasticsearch "_source", GeoJSON "properties".
_WRAPPER_WORDS = frozenset(
    {
        "data", "attributes", "attrs", "fields", "record", "detail", "details", "info", "item", "node", "source",
        "doc", "document", "row", "entry", "properties", "values",
    }
)  # fmt: skip
# Parents that are the certificate: their children are certificate fields.
_CERTIFICATE_WORDS = frozenset(
    {"sertifikat", "certificate", "certificates", "cert", "certs", "skk", "sertifikasi", "certification"}
)
CERTIFICATE_COLUMNS = frozenset({NOMOR_SERTIFIKAT, TANGGAL_TERBIT, MASA_BERLAKU})
# Children that name a certificate column only under a certificate parent.
_CERTIFICATE_CHILDREN: dict[str, str] = {
    **dict.fromkeys(("number", "no", "nomor", "nr", "registration", "reg"), NOMOR_SERTIFIKAT),
    **dict.fromkeys(("date", "tanggal", "tgl", "issued", "issue", "terbit", "ditetapkan"), TANGGAL_TERBIT),
    **dict.fromkeys(("valid", "validity", "berlaku", "expired", "kadaluarsa", "kedaluwarsa"), MASA_BERLAKU),
}
# Columns describing the person themselves: never taken from an unrelated parent
# ("lsp.name", "assessor.nik", "program.tanggal" are not the participant's).
PERSON_COLUMNS = frozenset({NAMA, NIK, TEMPAT_TANGGAL_LAHIR, TEMPAT_LAHIR, TANGGAL_LAHIR, JENIS_KELAMIN})
# Children that label their parent: {"position": {"name": "Operator Excavator"}}.
_LABEL_CHILDREN = frozenset(
    {"name", "nama", "title", "judul", "label", "value", "nilai", "description", "deskripsi", "text", "display name"}
)

# Children that code their parent: {"level": {"code": "7"}}, {"result": {"kode": "K"}}. A label
# beside them ("name", "label") is read rather than a code, which may be a database's own.
# Only where a code is a value the column reads: a level's "7", a result's "K"; an
# occupation's code ("TS031") is not its name.
_CODE_CHILDREN = frozenset({"code", "kode"})
_CODED_COLUMNS = frozenset({JENJANG, HASIL, KUALIFIKASI})

# Variants that are usually right but name something else often enough that a
# stronger field for the same column wins over them ("status" may be an account's).
# A form's start time gives way to its completion time, the moment the response was sent.
WEAK_VARIANTS = frozenset({"status", "keterangan", "ket", "kesimpulan", "decision", *_ASSESSMENT_DATES, *_ASSESSMENT_PLACES,
                           "start time", "waktu mulai"})
# In a sheet's header row, a bare English "Name" is Microsoft Forms' respondent account ("ID",
# "Start time", "Completion time", "Email", "Name"): blank or the signed-in clerk's name, while
# the question "Nama Lengkap" beside it holds the participant's. (A web export's "name" field is
# its record's own: JSON paths keep it strong.)
_WEAK_IN_HEADER_ROWS = WEAK_VARIANTS | {"name"}

# How sure a field's mapping is: a stronger field wins over a weaker one for the
# same column; between equals, the first seen.
EXACT, IN_CONTEXT, GUESSED = 3, 2, 1


# A note that says the column holds results: "Keterangan (1 = Kompeten, 0 = Belum)", "Status (K/BK)".
_RESULT_NOTE = re.compile(r"kompeten|lulus|hasil|competent|\bk\s*/\s*bk\b", re.IGNORECASE)


# Microsoft Forms in Indonesian heads the respondent's account "Nama" ("ID", "Waktu mulai", "Waktu
# penyelesaian", "Email", "Nama"): in a header row with a response time, a bare "Nama" is that
# account, and a question naming the name ("Nama Lengkap") wins over it.
_WEAK_IN_FORM_ROWS = frozenset({"nama"})


def is_weak_header(header: object, overrides: dict[str, str] | None = None, form: bool = False) -> bool:
    """True for a header cell that names its column only weakly (``WEAK_VARIANTS``: a plain
    "Keterangan", "Ket." or "Status", notes aside; a bare English "Name"; with ``form``, a header row
    holding a form's response time, a bare "Nama"), unless a note says it holds results or a
    registry override names it."""
    text = str(header)
    key = normalize_header(_NOTE.sub(" ", text))
    if form and key in _WEAK_IN_FORM_ROWS and not _overridden(key, overrides):
        return True
    if key not in _WEAK_IN_HEADER_ROWS or _overridden(normalize_header(header), overrides):
        return False
    # "Tanggal Uji Kompetensi" says "kompeten" about the event, not about results in the column.
    return _LOOKUP.get(key) != HASIL or not _RESULT_NOTE.search(text)


def _kind(parent: str) -> str | None:
    words = set(parent.split())
    if words & _PERSON_WORDS:
        return "person"
    if words <= _WRAPPER_WORDS:
        return "wrapper"
    if words & _CERTIFICATE_WORDS:
        return "certificate"
    return None


# A field's path in an XForm (ODK Collect, KoboToolbox, Enketo): the form's groups, then the
# question's name, joined by "/" ("grp_peserta/nama_lengkap", "identitas/nik"), as their JSON and
# CSV exports name fields. Names as programs spell them (lower-case first letters, no spaces):
# a clerk's "No KTP/NIK", "Tempat/Tgl Lahir", "Nama/NIK" are no paths.
_XFORM_PATH = re.compile(r"[a-z_][A-Za-z0-9_.\-]*(?:/[a-z_][A-Za-z0-9_.\-]*)+")
# As a sheet's or CSV's header, where a clerk's slash means "or" ("Tgl/Bln/Thn", "Catatan/Ket",
# "Angkatan/Tahun"), only a form's own spelling: lower-case names, words joined by "_".
_XFORM_HEADER = re.compile(r"(?=[^/]*_|.*/[^/]*_)[a-z_][a-z0-9_]*(?:/[a-z_][a-z0-9_]*)+")
# In a header row that is a form export's, a path needs no "_": a question named in one word under a
# group ("identitas/nik", "uji/jenjang") is as common as "grp_peserta/nama_lengkap".
_XFORM_ROW_PATH = re.compile(r"[a-z_][a-z0-9_]*(?:/[a-z_][a-z0-9_]*)+")
# Columns KoboToolbox and ODK add to every export of submissions (KoboToolbox's data export:
# "_id", "_uuid", "_submission_time", "_validation_status", "__version__"; ODK's "meta/instanceID").
_XFORM_META = frozenset({"_uuid", "_submission_time", "_xform_id_string", "_validation_status", "__version__",
                         "meta/instanceid", "_submitted_by"})


def is_xform_header_row(cells: Sequence[object]) -> bool:
    """Whether a header row is a form export's (KoboToolbox, ODK): a column the form server adds
    to every submission, or two columns named by a group path spelt as programs do."""
    texts = [str(c).strip() for c in cells if isinstance(c, str) and c.strip()]
    if any(t.lower() in _XFORM_META for t in texts):
        return True
    return sum(1 for t in texts if "/" in t and _XFORM_HEADER.fullmatch(t)) >= 2


def xform_parts(path: Sequence[object]) -> tuple[tuple[object, ...], bool]:
    """``path`` with each XForm field path split into its groups and question
    (``("grp_peserta/nama_lengkap",)`` -> ``("grp_peserta", "nama_lengkap")``), and whether one was."""
    out: list[object] = []
    split = False
    for part in path:
        text = str(part).strip()
        if "/" in text and _XFORM_PATH.fullmatch(text):
            out.extend(text.split("/"))
            split = True
        else:
            out.append(part)
    return tuple(out), split


def canonical_path(path: Sequence[object], overrides: dict[str, str] | None = None) -> tuple[str | None, int]:
    """Canonical column of a nested field name and how sure it is (EXACT, IN_CONTEXT, GUESSED; 0: none).

    ``path`` is the field's keys from the record down ("certificate", "issuedAt").
    Tried in order:

    1. the joined path as a header ("certificate issued at"), registry overrides first: EXACT;
    2. the same after dropping leading person or wrapper parents
       ("participant.attributes.full_name" -> "full name"): EXACT;
    3. under a certificate parent, a certificate child ("number", "date", a known
       issue or expiry name): EXACT; a level, occupation or program child: IN_CONTEXT;
    4. under a person parent deeper down ("certificate.holder.name"): the child alone, IN_CONTEXT;
    5. under a parent that is itself a column ("program", "position", "level"), a
       label child ("name", "title") is that column: IN_CONTEXT;
    6. elsewhere, a child that is no person column and no certificate column
       ("training.year" -> tahun): GUESSED.

    A weak variant (``WEAK_VARIANTS``, e.g. "status") is one step less sure.
    """
    if not overrides and type(path) is tuple and all(type(part) is str for part in path):
        # a JSON export names the same fields in every record: each path looked up once
        return _cached_path(path)
    return _uncached_path(path, overrides)


@functools.lru_cache(maxsize=1 << 14)
def _cached_path(path: tuple[str, ...]) -> tuple[str | None, int]:
    return _uncached_path(path, None)


def _uncached_path(path: Sequence[object], overrides: dict[str, str] | None) -> tuple[str | None, int]:
    found = _canonical_path(path, overrides, False)
    if found[0] is None:
        split, form_groups = xform_parts(path)
        if form_groups:
            return _canonical_path(split, overrides, True)
    return found


def _canonical_path(path: Sequence[object], overrides: dict[str, str] | None,
                    form_groups: bool) -> tuple[str | None, int]:
    """:func:`canonical_path` of ``path``; ``form_groups``: its first keys are an XForm's groups."""
    parts = [p for p in (normalize_header(part) for part in path) if p]
    if not parts:
        return None, 0
    if len(parts) > 1:
        own = _attribute_of_related_column(parts[-2], parts[-1], overrides)
        if own is not None:
            return own, EXACT
    column, strength = _looked_up(" ".join(parts), EXACT, overrides)
    if column is not None:
        return column, strength
    while len(parts) > 1 and _kind(parts[0]) in ("person", "wrapper"):
        parts = parts[1:]
        column, strength = _looked_up(" ".join(parts), EXACT, overrides)
        if column is not None:
            return column, strength
    if form_groups and len(parts) > 1:
        # the groups of a form are its pages or sections ("identitas", "group_ab12c"): the
        # question's own name says what it holds
        column, strength = _looked_up(parts[-1], EXACT, overrides)
        if column is not None:
            return column, strength
    if len(parts) == 1:
        return None, 0
    return _child_in_context(parts[-2], parts[-1], overrides)


# Columns a web system keeps in tables of their own and relates a participant's row to (a level's,
# an occupation's, a result status's row); a training or program parent keeps its own reading
# ("training.year" is the training's year, only a guess at the tahun).
_RELATED_ROW_COLUMNS = frozenset({JENJANG, KUALIFIKASI, HASIL, JABATAN_KERJA})


def _attribute_of_related_column(parent: str, child: str, overrides: dict[str, str] | None) -> str | None:
    """The column a child names on its own when its parent is another column's related row, else None.

    A web panel sends a record's relations eager-loaded (Laravel ``with('jenjang')``): ``"jenjang":
    {"id": 17, "nama": "Jenjang 7", "kualifikasi": "Ahli"}``. Its ``kualifikasi`` is the
    kualifikasi, not the jenjang the joined words "jenjang kualifikasi" name as a clerk's
    header; its label ("nama") is the parent's, and person fields stay out of it.
    """
    if child in _LABEL_CHILDREN or child in WEAK_VARIANTS:
        return None
    parent_column = canonical_column(parent, overrides)
    if parent_column not in _RELATED_ROW_COLUMNS:
        return None
    column, strength = _looked_up(child, EXACT, overrides)
    if column is None or strength < EXACT or column == parent_column or column in PERSON_COLUMNS:
        return None
    return column


def _looked_up(text: str, strength: int, overrides: dict[str, str] | None) -> tuple[str | None, int]:
    """``text`` as a header at ``strength``, one step less for a weak variant no override names."""
    column = canonical_column(text, overrides)
    if column is None:
        return None, 0
    weak = text in WEAK_VARIANTS and not _overridden(text, overrides)
    return column, strength - 1 if weak else strength


def _child_in_context(parent: str, child: str, overrides: dict[str, str] | None) -> tuple[str | None, int]:
    """Steps 3-6 of :func:`canonical_path`: the last key read in the light of its parent's kind.

    A child name alone ("name", "number", "date") says little; whose it is depends on the parent.
    """
    kind = _kind(parent)
    alone, alone_strength = _looked_up(child, IN_CONTEXT, overrides)
    if kind == "certificate":
        if child in _CERTIFICATE_CHILDREN:
            return _CERTIFICATE_CHILDREN[child], EXACT
        if alone in CERTIFICATE_COLUMNS:
            return alone, EXACT
        # A certificate's "name" or "status" is the certificate's (ACTIVE, REVOKED), not the
        # person's or the result; its "result" or "outcome" is the assessment's.
        if alone is not None and alone not in PERSON_COLUMNS and (alone != HASIL or child not in WEAK_VARIANTS):
            return alone, alone_strength
        return None, 0
    if kind in ("person", "wrapper"):
        return alone, alone_strength
    parent_column = canonical_column(parent, overrides)
    if parent_column is not None and child in _LABEL_CHILDREN:
        return parent_column, IN_CONTEXT
    if parent_column in _CODED_COLUMNS and child in _CODE_CHILDREN:
        return parent_column, GUESSED
    if alone is not None and alone not in PERSON_COLUMNS and alone not in CERTIFICATE_COLUMNS:
        return alone, max(alone_strength - 1, GUESSED)
    return None, 0


def _overridden(text: str, overrides: dict[str, str] | None) -> bool:
    return bool(overrides) and any(normalize_header(h) == text for h in overrides)


def looked_for() -> str:
    """Human list of the header spellings a required column may have, for error messages."""
    parts = []
    for group in REQUIRED_ANY_OF:
        for column in group:
            parts.append(f"{column} ({' / '.join(SYNONYMS[column][:4])}, ...)")
    return "; ".join(parts)
