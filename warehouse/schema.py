"""Warehouse tables as explicit SQLAlchemy Core definitions.

Explicit definitions (not reflection, not ``DataFrame.to_sql``) because
duckdb-engine cannot reflect tables under SQLAlchemy 2.1, and because the column
types are part of the analysts' contract: they must not depend on what pandas
inferred from one particular run. ``docs/warehouse.md`` documents every column
with the counting rules; the comments here travel into the database
(``COMMENT ON``) so SQL clients show them too.

Each table's ``info`` says how the publish and the access layer treat it:

``order_by``
    the columns a publish sorts the rows by before loading them, so the same
    inputs always give the same physical order (and identical ordered dumps);
``province_filter``
    a SQL expression over the table's own columns giving the two-digit province
    a row belongs to; a provincial analyst role sees only its province's rows
    (:mod:`warehouse.access`). ``None``: reference data every analyst sees;
``analyst``
    ``False`` for tables no analyst role may read at all;
``personal_columns``
    columns holding personal data that no analyst role may read (column-level
    grants leave them out);
``office_text`` / ``office_json``
    analyst-readable columns that can hold text an office wrote (file and sheet
    names, reasons quoting a file, free text; ``office_json``: JSON documents
    holding such text). The publish passes them through the fence
    (:mod:`warehouse.fence`): no NIK, byte dump or participant name reaches an
    analyst. Every other text column of an analyst table holds codes, registry or
    reference text, or keyed hashes.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Province filter expressions (see warehouse.access). Portable SQL: substr, IN.
BY_PROVINCE_CODE = "province_code"
BY_OFFICE = "office_id IN (SELECT o.office_id FROM dim_office o WHERE o.province_code = {province})"


def _info(order_by: tuple[str, ...], province_filter: str | None, *, analyst: bool = True,
          personal_columns: tuple[str, ...] = (), office_text: tuple[str, ...] = (),
          office_json: tuple[str, ...] = ()) -> dict:
    return {
        "order_by": order_by,
        "province_filter": province_filter,
        "analyst": analyst,
        "personal_columns": personal_columns,
        "office_text": office_text,
        "office_json": office_json,
    }


# --------------------------------------------------------------------------- dimensions

dim_region = Table(
    "dim_region",
    metadata,
    Column("region_code", String(5), primary_key=True, comment="Kemendagri code: 64 (province) or 64.08 (regency/city)"),
    Column("region_name", Text, nullable=False, comment="official name, e.g. Kabupaten Kutai Timur"),
    Column("region_type", Text, nullable=False, comment="province | regency | city"),
    Column("province_code", String(2), nullable=False, comment="two-digit province code (the code itself for a province)"),
    Column("province_name", Text, nullable=False),
    comment="All 38 provinces and 514 regencies/cities (reference/regions.csv). Public reference data.",
    info=_info(("region_code",), None),
)

dim_office = Table(
    "dim_office",
    metadata,
    Column("office_id", Text, primary_key=True, comment="registry id (sources/offices.yaml)"),
    Column("office_name", Text, nullable=False),
    Column("level", Text, nullable=False, comment="province | regency | city"),
    Column("region_code", String(5), nullable=False, comment="the office's region: certificates it reports are credited here"),
    Column("region_name", Text, nullable=False),
    Column("province_code", String(2), nullable=False),
    Column("province_name", Text, nullable=False),
    Column("freshness_days", Integer, comment="allowed silence before the office counts as stale"),
    comment="Every registry office. Public reference data.",
    info=_info(("office_id",), None),
)

dim_person = Table(
    "dim_person",
    metadata,
    Column("person_key", Text, primary_key=True, comment="pseudonymous person key from linkage (keyed hash; never the NIK)"),
    Column("person_key_basis", Text, comment="the person's strongest link: nik | nik_repair:<kind> | same_certificate | probabilistic | unlinked"),
    Column("nik_hash", String(64), comment="HMAC-SHA256 of the person's NIK with the warehouse secret, hex; null without a valid NIK"),
    Column("sex", String(1), comment="L | P: from the NIK (day + 40 for women), else the sex column"),
    Column("birth_year", SmallInteger, comment="from the NIK's ddmmyy, else the birth-date column"),
    Column("home_regency_code", String(5), comment="regency/city of KTP issue, NIK digits 1-4 (PP.RR) under its present code; not where the person lives now"),
    Column("home_province_code", String(2), comment="province of KTP issue (of home_regency_code)"),
    Column("home_region_basis", Text, comment="nik (a valid NIK) | nik_partial (leading digits of an Excel-damaged NIK) | null"),
    Column("participation_rows", Integer, nullable=False, comment="rows in fact_participation"),
    Column("certificates", Integer, nullable=False, comment="rows in fact_certification"),
    Column("first_tahun", SmallInteger, comment="earliest program year"),
    Column("last_tahun", SmallInteger, comment="latest program year"),
    comment="One row per linked person. No NIK, no name.",
    info=_info(
        ("person_key",),
        # A province sees the persons its offices reported and the persons whose KTP it issued.
        "home_province_code = {province} OR person_key IN "
        "(SELECT f.person_key FROM fact_participation f WHERE f.province_code = {province})",
    ),
)

# --------------------------------------------------------------------------- facts

fact_participation = Table(
    "fact_participation",
    metadata,
    Column("person_key", Text, nullable=False, comment="dim_person.person_key"),
    Column("office_id", Text, nullable=False, comment="the office that sent the row (provenance)"),
    Column("province_code", String(2), nullable=False, comment="the office's province"),
    Column("region_code", String(5), nullable=False, comment="the office's region"),
    Column("program", Text, comment="program / batch as the office names it"),
    Column("tahun", SmallInteger, comment="program year"),
    Column("hasil", Text, comment="Kompeten | Belum Kompeten | null (training only / not assessed)"),
    Column("jenjang", SmallInteger, comment="KKNI level 1-9"),
    Column("kualifikasi", Text, comment="Operator (1-3) | Teknisi/Analis (4-6) | Ahli (7-9)"),
    Column("jabatan_kerja", Text, comment="occupation"),
    Column("certificate_key", Text, comment="fact_certification.certificate_key for a Kompeten row, else null"),
    Column("re_report", Boolean, nullable=False, comment="a province row re-reporting a certificate its regency/city office reported: not credited to the province"),
    Column("home_regency_code", String(5), comment="the person's KTP regency/city (dim_person), repeated here"),
    Column("home_province_code", String(2), comment="the person's KTP province (dim_person), repeated here"),
    Column("flags", Text, nullable=False, comment="';'-joined data-quality flags of the row, '' when clean"),
    Column("source_file", Text, nullable=False, comment="file name as the office sent it"),
    Column("source_sheet", Text, nullable=False, comment="sheet name; '' for CSV and JSON"),
    Column("source_row", Integer, nullable=False, comment="row a person sees in Excel / physical CSV line / 1-based JSON record"),
    Column("source_sha256", String(64), comment="sha256 of the file (submission_log.source_sha256)"),
    comment="One row per accepted input row (training or assessment), with its provenance.",
    info=_info(
        ("office_id", "source_file", "source_sha256", "source_sheet", "source_row"),
        BY_PROVINCE_CODE,
        office_text=("program", "jabatan_kerja", "source_file", "source_sheet"),
    ),
)

fact_certification = Table(
    "fact_certification",
    metadata,
    Column("certificate_key", Text, primary_key=True, comment="pseudonymous certificate id (keyed hash of the registration number, or of person + jabatan + jenjang)"),
    Column("has_number", Boolean, nullable=False, comment="a registration number is known"),
    Column("person_key", Text, nullable=False),
    Column("jabatan_kerja", Text),
    Column("jenjang", SmallInteger),
    Column("kualifikasi", Text),
    Column("tanggal_terbit", Date, comment="issue date (earliest stated)"),
    Column("masa_berlaku", Date, comment="expiry as stated (latest stated)"),
    Column("expires_on", Date, comment="expiry used for 'active': stated, else implied by the issue date, else 1 January of the registration number's year + 5 (the earliest it can be), else end of the program year + 4"),
    Column("expires_on_basis", Text, comment="masa_berlaku | tanggal_terbit | nomor_sertifikat_year | tahun | null (nothing known)"),
    Column("active", Boolean, comment="valid on the publish date; null: unknown (no date, no year; or a year from the registration number whose fifth anniversary year is under way)"),
    Column("certification_year", SmallInteger, comment="year of the issue date, else the year the registration number states, else the program year"),
    Column("office_id", Text, nullable=False, comment="the office it is credited to (regency/city over province)"),
    Column("province_code", String(2), nullable=False),
    Column("region_code", String(5), nullable=False, comment="region it is credited to"),
    Column("office_ids", Text, nullable=False, comment="';'-joined offices that reported it (province re-reports included)"),
    Column("reports", Integer, nullable=False, comment="input rows behind it"),
    comment="One row per distinct certificate (Kompeten).",
    info=_info(("certificate_key",), BY_PROVINCE_CODE, office_text=("jabatan_kerja",)),
)

# --------------------------------------------------------------------------- aggregates

certified_workers_by_region_level = Table(
    "certified_workers_by_region_level",
    metadata,
    Column("province_code", String(2), nullable=False, comment="Kemendagri province code, e.g. 64"),
    Column("region_code", String(5), nullable=False, comment="credited region: 64.08 for a regency/city office, 64 for a province office"),
    Column("region_name", Text, nullable=False),
    Column("jenjang", SmallInteger, nullable=False, comment="KKNI level 1-9"),
    Column("kualifikasi", Text, nullable=False, comment="Operator (1-3), Teknisi/Analis (4-6), Ahli (7-9)"),
    Column("certified_persons", Integer, nullable=False, comment="distinct persons assessed Kompeten"),
    Column("active_persons", Integer, nullable=False, comment="of those, holding a certificate valid on the publish date"),
    Column("active_unknown_persons", Integer, nullable=False, comment="of those, holding no certificate known valid and at least one whose validity is unknown (no date, no year); certified - active - unknown hold only expired ones"),
    comment="The headline table: distinct certified workers per credited region and jenjang.",
    info=_info(("region_code", "jenjang"), BY_PROVINCE_CODE),
)

certified_workers_by_region_level_yearly = Table(
    "certified_workers_by_region_level_yearly",
    metadata,
    Column("province_code", String(2), nullable=False),
    Column("region_code", String(5), nullable=False, comment="credited region, as in the headline table"),
    Column("region_name", Text, nullable=False),
    Column("certification_year", SmallInteger, nullable=False, comment="year of the issue date, else the year the registration number states, else the program year"),
    Column("jenjang", SmallInteger, nullable=False),
    Column("kualifikasi", Text, nullable=False),
    Column("certificates", Integer, nullable=False, comment="distinct certificates of that year"),
    Column("certified_persons", Integer, nullable=False, comment="distinct persons with a certificate of that year"),
    Column("new_persons", Integer, nullable=False, comment="of those, first certified in this region and jenjang that year"),
    comment="New certifications per year, per credited region and jenjang.",
    info=_info(("region_code", "certification_year", "jenjang"), BY_PROVINCE_CODE),
)

certified_workers_by_province = Table(
    "certified_workers_by_province",
    metadata,
    Column("province_code", String(2), nullable=False),
    Column("province_name", Text, nullable=False),
    Column("jenjang", SmallInteger, nullable=False),
    Column("kualifikasi", Text, nullable=False),
    Column("certified_persons", Integer, nullable=False, comment="distinct persons: one person in two regions of the province counts once"),
    Column("active_persons", Integer, nullable=False, comment="of those, holding a certificate valid on the publish date"),
    Column("active_unknown_persons", Integer, nullable=False, comment="of those, holding no certificate known valid and at least one whose validity is unknown"),
    comment="Province roll-up of the headline table (province office and its regencies/cities together).",
    info=_info(("province_code", "jenjang"), BY_PROVINCE_CODE),
)

certified_workers_by_region_kualifikasi = Table(
    "certified_workers_by_region_kualifikasi",
    metadata,
    Column("province_code", String(2), nullable=False),
    Column("region_code", String(5), nullable=False),
    Column("region_name", Text, nullable=False),
    Column("kualifikasi", Text, nullable=False),
    Column("certified_persons", Integer, nullable=False, comment="distinct persons (one person at jenjang 2 and 3 counts once as Operator)"),
    Column("active_persons", Integer, nullable=False, comment="of those, holding a certificate valid on the publish date"),
    Column("active_unknown_persons", Integer, nullable=False, comment="of those, holding no certificate known valid and at least one whose validity is unknown"),
    comment="Distinct certified persons per credited region and kualifikasi (do not sum the headline over jenjang).",
    info=_info(("region_code", "kualifikasi"), BY_PROVINCE_CODE),
)

target_progress = Table(
    "target_progress",
    metadata,
    Column("office_id", Text, nullable=False),
    Column("office_name", Text, nullable=False),
    Column("province_code", String(2), nullable=False),
    Column("region_code", String(5), nullable=False),
    Column("region_name", Text, nullable=False),
    Column("metric", Text, nullable=False, comment="certified_persons | participants"),
    Column("kind", Text, nullable=False, comment="growth (vs a baseline year) | per_year"),
    Column("note", Text, comment="e.g. funded / ideal"),
    Column("target_year", SmallInteger, nullable=False, comment="per_year: the year counted; growth: the year to reach it by"),
    Column("baseline_year", SmallInteger),
    Column("baseline_value", Integer, comment="growth: the metric at the end of the baseline year"),
    Column("target_growth", Float, comment="growth: 0.5 means +50%"),
    Column("target_value", Float, nullable=False, comment="the absolute figure to reach"),
    Column("measured_value", Integer, nullable=False, comment="the figure measured on the publish date"),
    Column("progress", Float, comment="per_year: measured / target; growth: (measured - baseline) / (target - baseline)"),
    Column("expected_progress", Float, comment="share of the target period elapsed on the publish date"),
    Column("status", Text, nullable=False, comment="met | on_track | behind | missed | baseline_open | not_started"),
    Column("measured_on", Date, nullable=False, comment="the publish date"),
    Column("source", Text, comment="where the target was published"),
    comment="Each office's published targets (registry) against the measured figures.",
    info=_info(("office_id", "metric", "kind", "target_year", "note"), BY_PROVINCE_CODE),
)

# --------------------------------------------------------------------------- operations

submission_log = Table(
    "submission_log",
    metadata,
    Column("office_id", Text, nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("format", Text),
    Column("received_at", DateTime(timezone=True), comment="when the file arrived in the landing folder"),
    Column("status", Text, nullable=False, comment="accepted | rejected"),
    Column("rule", Text, comment="the submission rule a rejected file failed (expectations/rules.yaml)"),
    Column("reason", Text, comment="why a rejected file was rejected"),
    Column("rows_read", Integer, nullable=False),
    Column("rows_accepted", Integer, nullable=False),
    Column("rows_quarantined", Integer, nullable=False),
    Column("rows_flagged", Integer, nullable=False, comment="accepted rows with at least one flag"),
    Column("sheets", Text, comment="per-sheet header row, mapped columns and skipped rows, as JSON"),
    comment="Every file every office sent, accepted or rejected.",
    info=_info(("office_id", "source_file", "source_sha256"), BY_OFFICE, office_text=("source_file", "reason"),
               office_json=("sheets",)),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("office_id", Text, nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("source_sheet", Text, nullable=False),
    Column("source_row", Integer, nullable=False),
    Column("column_name", Text, nullable=False, comment="canonical column at fault; empty for the whole row"),
    Column("value", Text, comment="offending raw value (personal data: engineers only)"),
    Column("rule", Text, nullable=False),
    Column("reason", Text, nullable=False, comment="Indonesian message / English gloss"),
    Column("raw", Text, comment="the whole raw row as JSON (personal data: engineers only)"),
    comment="Every rejected input row with its rule. value and raw are personal data: no analyst role can read them.",
    info=_info(
        ("office_id", "source_file", "source_sha256", "source_sheet", "source_row", "column_name", "rule"),
        BY_OFFICE,
        personal_columns=("value", "raw"),
        office_text=("source_file", "source_sheet", "reason"),
    ),
)

reporting_completeness = Table(
    "reporting_completeness",
    metadata,
    Column("office_id", Text, nullable=False),
    Column("office_name", Text, nullable=False),
    Column("level", Text, nullable=False),
    Column("region_code", String(5), nullable=False),
    Column("files", Integer, nullable=False, comment="files in the landing folder (accepted or rejected)"),
    Column("files_rejected", Integer, nullable=False),
    Column("last_received_at", DateTime(timezone=True), comment="newest file's arrival"),
    Column("days_since_last", Integer, comment="days from the newest file to the publish date"),
    Column("freshness_days", Integer, comment="allowed silence from the registry"),
    Column("status", Text, nullable=False, comment="reported | stale | never"),
    comment="Per office: files, newest arrival, and reported / stale / never.",
    info=_info(("office_id",), "substr(region_code, 1, 2) = {province}"),
)

def _provenance_columns(side: str) -> list[Column]:
    return [
        Column(f"office_id_{side}", Text, nullable=False),
        Column(f"source_file_{side}", Text, nullable=False),
        Column(f"source_sha256_{side}", String(64), nullable=False),
        Column(f"source_sheet_{side}", Text, nullable=False),
        Column(f"source_row_{side}", Integer, nullable=False),
    ]


person_links = Table(
    "person_links",
    metadata,
    *_provenance_columns("l"),
    *_provenance_columns("r"),
    Column("person_key", Text, nullable=False, comment="the person both rows belong to"),
    Column("method", Text, nullable=False, comment="exact_nik | nik_repair | same_certificate | probabilistic"),
    Column("kind", Text, nullable=False, comment="the repair (excel_truncated, scientific_notation, typo, transposed, "
           "missing, ...), exact_nik, or fellegi_sunter"),
    Column("evidence", Text, nullable=False, comment="why, in words: what agreed, or each field's weight in bits"),
    Column("match_weight", Float, comment="probabilistic links: total match weight (bits)"),
    Column("match_probability", Float, comment="probabilistic links: posterior match probability"),
    Column("agreed_fields", Text, comment="fields equal on both rows: nik, nama_kunci, tanggal_lahir, ..."),
    comment="Every link linkage accepted between two input rows, with its evidence (engineers only: with the "
    "source files, provenance and a key re-identify a person).",
    info=_info(
        ("person_key", "office_id_l", "source_file_l", "source_sha256_l", "source_sheet_l", "source_row_l",
         "office_id_r", "source_file_r", "source_sha256_r", "source_sheet_r", "source_row_r"),
        None,
        analyst=False,
    ),
)

publish_log = Table(
    "publish_log",
    metadata,
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("publish_date", Date, nullable=False, comment="the date certificates are judged active on"),
    Column("table_name", Text, nullable=False),
    Column("row_count", Integer, nullable=False),
    comment="One row per table per publish (appended, never replaced).",
    info=_info(("published_at", "table_name"), None),
)

# Tables build_star produces, in dependency order.
STAR_TABLES = (
    "dim_region",
    "dim_office",
    "dim_person",
    "fact_participation",
    "fact_certification",
    "certified_workers_by_region_level",
    "certified_workers_by_region_level_yearly",
    "certified_workers_by_province",
    "certified_workers_by_region_kualifikasi",
    "target_progress",
)
