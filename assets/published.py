"""Cross-office assets: linked persons, the checked publish candidate, the warehouse tables.

The bodies of linked_participations and publish_candidate call the module-level
functions below and read their upstream from the staging store, so each can be
materialized on its own (tests/test_assets_single.py).
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import dagster as dg
import numpy as np
import pandas as pd

from assets.offices import FLAGS, QUARANTINE, RAW, STANDARDIZED, SUBMISSION_LOG, row_totals, table_preview
from expectations.copies import (credited_to_owners, left_to_owners, log_with_copies, log_with_pages, misfiled_copies,
                                 pages_of_the_province, quarantine_of_copies, with_pages_credited, without_copies)
from expectations.feedback import write_feedback_reports
from expectations.published import check_headline, check_row_accounting
from expectations.validate import RuleOutcome
from linkage.link import LinkResult, link_persons
from pipelines.resources import OfficeRegistry, PersonKeys, StagingStore, Warehouse
from sources.landing import unclaimed_entries
from sources.registry import Office
from warehouse import fence, schema
from warehouse.completeness import reporting_completeness
from warehouse.exports import export_all, metadata_key
from warehouse.publish import publish_tables
from warehouse.star import build_star

# Linking and publishing follow office ingests through the publish job, started by the
# publish_automation sensor (pipelines/sensors.py): it waits until no ingest is queued or
# running and publishes at most once per 15 minutes, so offices ingested together (the
# nightly refresh, a burst of arrivals) are published once, as runs of the publish job.

LINKED = "linked"
CANDIDATE = "candidate"
ALL_OFFICES = "_all"
# What linkage keeps besides the linked rows, under staging/linked/: the key
# assignments of the last run (so known persons keep their keys), every accepted
# link with its evidence, merges and splits of earlier persons, refused links.
LINKAGE_OUTPUTS = ("assignments", "links", "merges", "splits", "refused")
COPIES, COPY_QUARANTINE = "copies_of_other_offices", "copies_quarantine"  # staged under linked/
PAGES_CREDITED = "pages_of_the_province"  # staged under linked/: pages credited to the province office
PUBLISHED_TABLES = (*schema.STAR_TABLES, "person_links", "quarantine", "submission_log", "reporting_completeness")
HEADLINE = "certified_workers_by_region_level"


class PublishConfig(dg.Config):
    """Run configuration for a publish."""

    publish_date: str | None = None  # ISO date certificates are judged active on; default today

    def resolved_publish_date(self) -> date:
        """The configured publish date, or today."""
        return date.fromisoformat(self.publish_date) if self.publish_date else date.today()


def column_schema(table: str) -> dg.TableSchema:
    """The warehouse table's columns, types and comments from ``warehouse/schema.py`` (the one
    definition the database's COMMENT ON also comes from), for the asset's Columns tab."""
    columns = []
    for column in schema.metadata.tables[table].columns:
        constraints = dg.TableColumnConstraints(nullable=bool(column.nullable), unique=bool(column.primary_key))
        columns.append(
            dg.TableColumn(column.name, str(column.type).lower(), description=column.comment, constraints=constraints)
        )
    return dg.TableSchema(columns=columns)


def _comments(table: str) -> dict[str, str]:
    return {c.name: c.comment for c in schema.metadata.tables[table].columns if c.comment}


def _counts_table(counts: dict, label: str, value: str = "rows") -> dg.TableMetadataValue:
    """A ``{label: count}`` mapping as a two-column table (counts stay integers)."""
    return table_preview(pd.DataFrame({label: [str(k) for k in counts], value: [int(v) for v in counts.values()]}), limit=100)


def office_list(office_ids: list[str], limit: int = 10) -> str:
    """``"a, b, c"``, or the first ``limit`` and ``"and N more"``: registries hold hundreds of offices."""
    shown = ", ".join(office_ids[:limit])
    return f"{shown} and {len(office_ids) - limit} more" if len(office_ids) > limit else shown


def unclaimed_note(unclaimed: list[tuple[str, int]]) -> str:
    """``"2 landing entries outside every registry office's folder, read by no ingest: kutai timur/ (3 files),
    peserta.xlsx (1 file)"``, the list shortened like :func:`office_list`."""
    listed = office_list([f"{name} ({files} file{'' if files == 1 else 's'})" for name, files in unclaimed])
    return (f"{len(unclaimed)} landing entr{'y' if len(unclaimed) == 1 else 'ies'} outside every registry office's "
            f"folder, read by no ingest: {listed}")


def no_rows_message(registry: OfficeRegistry, staging: StagingStore) -> str:
    """Why no office has standardized rows: which offices were never ingested, which have no landing folder."""
    offices = registry.offices()
    landing_root = Path(registry.landing_root)
    no_folder = [oid for oid, office in offices.items() if not office.landing_dir(landing_root).is_dir()]
    not_staged = [oid for oid in offices if not staging.path(STANDARDIZED, oid).exists()]
    parts = [f"no standardized rows in any of the {len(offices)} registry offices"]
    if not_staged:
        parts.append(f"{len(not_staged)} never ingested: {office_list(not_staged)}")
    if no_folder:
        parts.append(f"{len(no_folder)} without a landing folder under {landing_root}: {office_list(no_folder)}")
    unclaimed = unclaimed_entries(landing_root, [office.landing for office in offices.values()])
    if unclaimed:
        parts.append(unclaimed_note(unclaimed))
    return "; ".join(parts) + ". Put an office's files in its landing folder and materialize standardized_participations for it first"


def _staged_or_none(staging: StagingStore, stage: str, name: str) -> pd.DataFrame | None:
    return staging.read(stage, name) if staging.path(stage, name).exists() else None


def _totals_agree(log: pd.DataFrame, linked_rows: int, quarantine_rows: int) -> list[RuleOutcome]:
    """The log's totals against the tables about to be published: accepted rows are the
    linked rows, quarantined rows the quarantine table's, so the summary printed, the
    metadata and the warehouse tell one story (rows read = accepted + quarantined)."""
    totals = row_totals(log)
    return [
        RuleOutcome(
            rule="row_accounting",
            column=column,
            success=logged == published,
            checked=1,
            failing=np.array([] if logged == published else [0], dtype=np.int64),
        )
        for column, logged, published in (
            ("rows_accepted (log) = linked rows", totals["rows_accepted"], linked_rows),
            ("rows_quarantined (log) = quarantine table rows", totals["rows_quarantined"], quarantine_rows),
        )
    ]


@dataclass(frozen=True)
class LinkedOffices:
    """Every office's accepted rows linked into persons, as staged under ``staging/linked/``."""

    rows: pd.DataFrame  # the linked rows, each with its person_key and person_key_basis
    result: LinkResult
    known_persons: frozenset[str]  # person keys of the previous run's assignments
    copies: pd.DataFrame | None = None  # files left out as another office's (expectations.copies)


def link_staged_offices(registry: OfficeRegistry, staging: StagingStore, secret: str) -> LinkedOffices:
    """Link every office's staged standardized rows, starting from the last run's key assignments,
    and stage the linked rows with linkage's other outputs (links, merges, splits, refused)."""
    offices = registry.offices()
    rows = staging.read_all(STANDARDIZED, list(offices))
    if rows.empty:
        raise RuntimeError(no_rows_message(registry, staging))
    # A page of the province's paged export in a regency's folder counts at the province.
    pages = pages_of_the_province(rows, offices)
    staging.write(LINKED, PAGES_CREDITED, pages)
    rows = with_pages_credited(rows, pages)
    # A file accepted at two offices counts at its owner only (expectations/copies.py);
    # the candidate rewrites the copies' log entries and quarantines their rows.
    left = left_to_owners(rows, offices)
    copies = misfiled_copies(without_copies(rows, left), offices)
    if len(left):
        copies = pd.concat([left, copies], ignore_index=True) if len(copies) else left
    copy_quarantine = quarantine_of_copies(rows, copies, offices)
    staging.write(LINKED, COPIES, copies)
    staging.write(LINKED, COPY_QUARANTINE, copy_quarantine)
    rewrite_feedback_of_copies(staging, offices, copies, copy_quarantine)
    # A misfiled file its owner does not hold counts at the owner (expectations/copies.py).
    rows = credited_to_owners(without_copies(rows, copies))
    previous = _staged_or_none(staging, LINKED, "assignments")
    result = link_persons(rows, secret, previous,
                          office_provinces={o.id: o.region_code.split(".")[0] for o in offices.values()})
    # The warehouse and the checks speak of person_key_basis.
    linked = result.rows.assign(person_key_basis=result.rows["link_basis"])
    staging.write(LINKED, ALL_OFFICES, linked)
    for name in LINKAGE_OUTPUTS:
        staging.write(LINKED, name, getattr(result, name))
    known = frozenset(previous["person_key"]) if previous is not None and len(previous) else frozenset()
    return LinkedOffices(rows=linked, result=result, known_persons=known, copies=copies)


def rewrite_feedback_of_copies(staging: StagingStore, offices: dict[str, Office], copies: pd.DataFrame,
                               copy_quarantine: pd.DataFrame) -> None:
    """Rewrite the feedback reports of each office holding another office's file: its own
    ingest wrote the copy up as accepted, and only the publish, seeing every office, rejects it."""
    for office_id in sorted(set(copies["office_id"])):
        mine = copies[copies["office_id"] == office_id]
        standardized = staging.read(STANDARDIZED, office_id)
        write_feedback_reports(
            staging.feedback_dir(office_id),
            offices[office_id],
            raw=staging.read(RAW, office_id),
            quarantine=pd.concat([staging.read(QUARANTINE, office_id),
                                  copy_quarantine[copy_quarantine["office_id"] == office_id]], ignore_index=True),
            flags=staging.read(FLAGS, office_id),
            log=log_with_copies(staging.read(SUBMISSION_LOG, office_id), mine, offices),
            standardized=without_copies(standardized, mine),
        )


def linked_metadata(linked: LinkedOffices) -> dict[str, object]:
    """Materialization metadata of ``linked_participations``."""
    rows, result = linked.rows, linked.result
    persons = set(rows["person_key"])
    return {
        "dagster/row_count": len(rows),
        "persons": len(persons),
        "new_persons": len(persons - linked.known_persons),
        "persons_merged": len(result.merges),
        "persons_split": len(result.splits),
        "links_by_method": _counts_table(
            result.links["method"].value_counts().to_dict() if len(result.links) else {}, "method", "links"
        ),
        "links_refused_by_guard": len(result.refused),
        "rows_by_link_basis": _counts_table(rows["link_basis"].value_counts().to_dict(), "link_basis"),
        "seconds_by_stage": table_preview(
            pd.DataFrame({"stage": list(result.timings), "seconds": [round(v, 2) for v in result.timings.values()]}),
            limit=50,
        ),
        "offices": int(rows["office_id"].nunique()),
        "files_left_to_their_owner_office": table_preview(
            linked.copies if linked.copies is not None else pd.DataFrame(columns=["office_id", "source_file"]),
            limit=20,
        ),
    }


@dataclass(frozen=True)
class Candidate:
    """The warehouse tables about to be published, and what their checks need."""

    frames: dict[str, pd.DataFrame]
    linked_rows: int  # the linked rows the tables were built from (the rows themselves are not kept)
    log: pd.DataFrame  # every office's submission log
    offices: dict[str, Office]
    publish_date: date


def stage_candidate(registry: OfficeRegistry, staging: StagingStore, secret: str, publish_date: date) -> Candidate:
    """Compute every published table from the staged linked rows, fence them, and stage them as the candidate."""
    offices = registry.offices()
    names, linked_rows = linked_names_and_rows(staging)
    # build_star gets the only reference to the linked rows and frees them once it has sorted
    # them into the fact table's order: a second copy of every row no longer stays to the end.
    frames = build_star(staging.read(LINKED, ALL_OFFICES), offices, publish_date, secret)
    log = log_with_copies(staging.read_all(SUBMISSION_LOG, list(offices)), staging.read(LINKED, COPIES), offices)
    log = log_with_pages(log, _staged_or_none(staging, LINKED, PAGES_CREDITED), offices)
    quarantine = pd.concat([staging.read_all(QUARANTINE, list(offices)), staging.read(LINKED, COPY_QUARANTINE)],
                           ignore_index=True)
    # "column" is reserved in SQL, hence column_name in the warehouse.
    frames["quarantine"] = quarantine.rename(columns={"column": "column_name"})
    frames["submission_log"] = log
    frames["person_links"] = staging.read(LINKED, "links")
    frames["reporting_completeness"] = reporting_completeness(offices, log, publish_date)
    # Office-provided text (file names, reasons, free text) on its way to analysts loses
    # NIK-shaped numbers and participants' name words (warehouse/fence.py).
    names = names | fence.quarantined_names(frames["quarantine"])
    frames = fence.fence_tables(frames, names)
    for name in PUBLISHED_TABLES:
        staging.write(CANDIDATE, name, frames[name])
    staging.write(CANDIDATE, "publish_date", pd.DataFrame({"publish_date": [publish_date]}))
    return Candidate(frames=frames, linked_rows=linked_rows, log=log, offices=offices, publish_date=publish_date)


def linked_names_and_rows(staging: StagingStore) -> tuple[frozenset[str], int]:
    """The participants' name words in the staged linked rows (:func:`warehouse.fence.participant_names`)
    and how many rows there are, read from the name columns and the file's footer alone."""
    import pyarrow.parquet as pq

    path = staging.path(LINKED, ALL_OFFICES)
    if not path.exists():
        staging.read(LINKED, ALL_OFFICES)  # its FileNotFoundError names the missing stage
    footer = pq.ParquetFile(path)
    columns = [c for c in fence.NAME_COLUMNS if c in footer.schema_arrow.names]
    names = fence.participant_names(pd.read_parquet(path, columns=columns)) if columns else frozenset()
    return names, footer.metadata.num_rows


def candidate_metadata(candidate: Candidate) -> dict[str, object]:
    """Materialization metadata of ``publish_candidate``."""
    headline = candidate.frames[HEADLINE]
    return {
        "dagster/row_count": len(headline),
        "certified_persons_total": int(headline["certified_persons"].sum()),
        "rows_by_table": _counts_table({name: len(candidate.frames[name]) for name in PUBLISHED_TABLES}, "table"),
        "publish_date": candidate.publish_date.isoformat(),
    }


def _credited_rows(facts: pd.DataFrame) -> pd.DataFrame:
    """The credited certified rows as ``fact_participation`` publishes them: Kompeten, not a re-report.

    Read from the candidate's own facts, so the check does not run the counting rules a
    second time (at 3.7 million rows that was a minute of the publish)."""
    return facts.loc[(facts["hasil"] == "Kompeten") & ~facts["re_report"].astype(bool), ["region_code", "jenjang"]]


def candidate_check_results(candidate: Candidate) -> list[dg.AssetCheckResult]:
    """The blocking checks of the candidate: ``published_tables_valid`` and ``row_accounting``."""
    frames, log = candidate.frames, candidate.log
    results = []
    for check_name, outcomes in (
        ("published_tables_valid", check_headline(frames[HEADLINE], _credited_rows(frames["fact_participation"]))),
        ("row_accounting", [*check_row_accounting(log), *_totals_agree(log, candidate.linked_rows, len(frames["quarantine"]))]),
    ):
        failing = [o for o in outcomes if not o.success]
        results.append(
            dg.AssetCheckResult(
                check_name=check_name,
                passed=not failing,
                severity=dg.AssetCheckSeverity.ERROR,
                metadata={
                    "failing": table_preview(
                        pd.DataFrame(
                            {
                                "rule": [o.rule for o in failing],
                                "column": [o.column for o in failing],
                                "failing_rows": [o.failing_count for o in failing],
                            }
                        ),
                        limit=50,
                    ),
                    # rows read from every file (accepted or rejected) = accepted + quarantined
                    **row_totals(log),
                },
            )
        )
    return results


@dg.asset(
    deps=["standardized_participations"],
    group_name="linked",
    kinds={"python", "duckdb", "parquet"},
    owners=["team:data-engineering"],
)
def linked_participations(
    context: dg.AssetExecutionContext, registry: OfficeRegistry, staging: StagingStore, person_keys: PersonKeys
) -> dg.MaterializeResult:
    """All offices' accepted rows, each with the pseudonymous ``person_key`` of the person it belongs to.

    Exact NIK first, then NIK repairs with evidence (Excel truncation, scientific
    notation, one mistyped or two swapped digits, missing NIK), one registration
    number reported twice, then Fellegi-Sunter (Splink) for the rest, with a
    clustering guard against chaining two persons. Persons known from the last
    run keep their keys; merges of earlier persons are recorded in
    ``staging/linked/merges.parquet``, every link with its evidence in
    ``links.parquet`` (``sertifikasi why`` explains a pair of rows).
    """
    linked = link_staged_offices(registry, staging, person_keys.secret)
    context.log.info(
        f"linked {len(linked.rows)} rows into {linked.rows['person_key'].nunique()} persons "
        f"in {linked.result.timings.get('total', 0):.1f} s"
    )
    return dg.MaterializeResult(metadata=linked_metadata(linked))


@dg.asset(
    deps=[linked_participations, "office_quarantine", "office_submission_log"],
    group_name="warehouse",
    kinds={"python", "parquet"},
    owners=["team:data-engineering"],
    check_specs=[
        dg.AssetCheckSpec(
            "published_tables_valid",
            asset="publish_candidate",
            blocking=True,
            description="Region codes in the reference data, no null or negative counts, active <= certified, "
            "persons <= rows per cell (expectations/suites/published.json).",
        ),
        dg.AssetCheckSpec(
            "row_accounting",
            asset="publish_candidate",
            blocking=True,
            description="rows read = accepted + quarantined for every file, accepted or rejected, and so in total "
            "(expectations/suites/submission_log.json).",
        ),
    ],
)
def publish_candidate(
    config: PublishConfig, registry: OfficeRegistry, staging: StagingStore, person_keys: PersonKeys
):
    """Every warehouse table about to be published, computed and checked before any analyst can see it.

    The star schema (docs/warehouse.md) from the linked rows, plus quarantine,
    submission log and reporting completeness. Its checks are blocking with
    ERROR severity: when one fails, the warehouse keeps its previous version.
    """
    candidate = stage_candidate(registry, staging, person_keys.secret, config.resolved_publish_date())
    yield dg.MaterializeResult(metadata=candidate_metadata(candidate))
    yield from candidate_check_results(candidate)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["warehouse", name],
            deps=[publish_candidate],
            description=schema.metadata.tables[name].comment,
            # definition metadata: the Columns tab shows the schema before the first publish too
            metadata={"dagster/column_schema": column_schema(name)},
        )
        for name in PUBLISHED_TABLES
    ],
    group_name="warehouse",
    # DuckDB allows one writer at a time; publishes queue in this pool.
    pool="warehouse",
)
def publish_warehouse(context: dg.AssetExecutionContext, staging: StagingStore, warehouse: Warehouse):
    """Swap every warehouse table to the checked candidate in one transaction, then write the exports.

    Tables are loaded aside and swapped in together, so an analyst never sees a
    mix of two publishes; the headline xlsx and the Indonesian analyst reports
    (national and per province, HTML and xlsx) go to the exports folder.
    """
    publish_date = pd.Timestamp(staging.read(CANDIDATE, "publish_date")["publish_date"].iloc[0]).date()
    frames = {name: staging.read(CANDIDATE, name) for name in PUBLISHED_TABLES}
    engine = warehouse.engine()
    try:
        report = publish_tables(engine, frames, publish_date)
    finally:
        engine.dispose()
    context.log.info(f"published {report.row_counts} as of {publish_date}")
    # The tables are committed by now: a failing report must not make the publish look failed.
    exports_dir = Path(warehouse.exports_dir)
    try:
        # one path entry per file (the UI copies or opens it): export_xlsx, laporan_nasional_html, ...
        exports = {metadata_key(p): dg.MetadataValue.path(str(p)) for p in export_all(frames, exports_dir, publish_date)}
    except Exception as error:  # noqa: BLE001 - reported in the log and the metadata instead
        context.log.error(f"exports not written: {error!r}")
        exports = {"exports_error": dg.MetadataValue.text(f"not written: {error!r}")}
    headline = frames[HEADLINE]
    extra = {
        HEADLINE: {
            "certified_persons_total": int(headline["certified_persons"].sum()),
            "active_persons_total": int(headline["active_persons"].sum()),
            "preview": table_preview(headline, limit=30, descriptions=_comments(HEADLINE)),
            "exports_folder": dg.MetadataValue.path(str(exports_dir)),
            **exports,
        },
        "target_progress": {"preview": table_preview(frames["target_progress"], limit=20, descriptions=_comments("target_progress"))},
        "reporting_completeness": {
            "status": _counts_table(frames["reporting_completeness"]["status"].value_counts().to_dict(), "status", "offices"),
            "offices": table_preview(
                frames["reporting_completeness"][["office_id", "files", "days_since_last", "status"]], limit=60
            ),
        },
    }
    for name in PUBLISHED_TABLES:
        yield dg.MaterializeResult(
            asset_key=["warehouse", name],
            metadata={
                "dagster/row_count": report.row_counts[name],
                "publish_date": publish_date.isoformat(),
                **extra.get(name, {}),
            },
        )


def build_published_assets() -> list[dg.AssetsDefinition]:
    """Linkage and publish assets over all offices."""
    return [linked_participations, publish_candidate, publish_warehouse]
