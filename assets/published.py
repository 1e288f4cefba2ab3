"""Cross-office assets: linked persons, the checked publish candidate, the warehouse tables."""

from datetime import date

import dagster as dg
import pandas as pd

from assets.offices import QUARANTINE, STANDARDIZED, SUBMISSION_LOG, markdown_preview
from expectations.published import check_headline, check_row_accounting
from linkage.person_key import assign_person_keys
from pipelines.resources import OfficeRegistry, PersonKeys, StagingStore, Warehouse
from warehouse.completeness import reporting_completeness
from warehouse.headline import certified_workers_by_region_level, credited_certifications
from warehouse.publish import publish_tables

# Link and publish after office ingests. Eager waits while any upstream office run
# is still in progress, so offices ingested together (the nightly refresh, a burst
# of arrivals) are published once.
FOLLOW_INGESTS = dg.AutomationCondition.eager()

LINKED = "linked"
CANDIDATE = "candidate"
PUBLISHED_TABLES = ("certified_workers_by_region_level", "quarantine", "submission_log", "reporting_completeness")
ALL_OFFICES = "_all"


class PublishConfig(dg.Config):
    """Run configuration for a publish."""

    publish_date: str | None = None  # ISO date certificates are judged active on; default today

    def resolved_publish_date(self) -> date:
        """The configured publish date, or today."""
        return date.fromisoformat(self.publish_date) if self.publish_date else date.today()


def build_published_assets() -> list[dg.AssetsDefinition]:
    """Linkage and publish assets over all offices."""

    @dg.asset(
        deps=["standardized_participations"],
        group_name="linked",
        automation_condition=FOLLOW_INGESTS,
        kinds={"python", "parquet"},
        owners=["team:data-engineering"],
    )
    def linked_participations(
        registry: OfficeRegistry, staging: StagingStore, person_keys: PersonKeys
    ) -> dg.MaterializeResult:
        """All offices' standardized rows with a pseudonymous ``person_key``.

        First pass: a valid NIK identifies the person (keyed hash, never the raw
        NIK); without one, normalised name plus birth date; else the row alone.
        """
        offices = registry.offices()
        rows = staging.read_all(STANDARDIZED, list(offices))
        if rows.empty:
            raise RuntimeError("no standardized rows: materialize standardized_participations for some office first")
        linked = assign_person_keys(rows, person_keys.secret)
        staging.write(LINKED, ALL_OFFICES, linked)
        basis = linked.groupby("person_key_basis")["person_key"].nunique().to_dict()
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": len(linked),
                "persons": int(linked["person_key"].nunique()),
                "persons_by_key_basis": dg.MetadataValue.json({k: int(v) for k, v in basis.items()}),
                "offices": int(linked["office_id"].nunique()),
            }
        )

    @dg.asset(
        deps=[linked_participations, "office_quarantine", "office_submission_log"],
        group_name="warehouse",
        automation_condition=FOLLOW_INGESTS,
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
                description="rows read = accepted + quarantined for every file (expectations/suites/submission_log.json).",
            ),
        ],
    )
    def publish_candidate(config: PublishConfig, registry: OfficeRegistry, staging: StagingStore):
        """The tables about to be published, computed and checked before any analyst can see them.

        Its checks are blocking with ERROR severity: when one fails, the warehouse
        keeps its previous version.
        """
        offices = registry.offices()
        publish_date = config.resolved_publish_date()
        linked = staging.read(LINKED, ALL_OFFICES)
        headline = certified_workers_by_region_level(linked, offices, publish_date)
        log = staging.read_all(SUBMISSION_LOG, list(offices))
        staging.write(CANDIDATE, "certified_workers_by_region_level", headline)
        staging.write(CANDIDATE, "quarantine", staging.read_all(QUARANTINE, list(offices)))
        staging.write(CANDIDATE, "submission_log", log)
        staging.write(CANDIDATE, "reporting_completeness", reporting_completeness(offices, log, publish_date))
        staging.write(CANDIDATE, "publish_date", pd.DataFrame({"publish_date": [publish_date]}))
        yield dg.MaterializeResult(
            metadata={
                "dagster/row_count": len(headline),
                "certified_persons_total": int(headline["certified_persons"].sum()),
                "publish_date": publish_date.isoformat(),
            }
        )
        for check_name, outcomes in (
            ("published_tables_valid", check_headline(headline, credited_certifications(linked, offices))),
            ("row_accounting", check_row_accounting(log)),
        ):
            failing = [o for o in outcomes if not o.success]
            yield dg.AssetCheckResult(
                check_name=check_name,
                passed=not failing,
                severity=dg.AssetCheckSeverity.ERROR,
                metadata={
                    "failing": dg.MetadataValue.md(
                        "\n".join(f"- **{o.rule}** ({o.column}): {o.failing_count} rows" for o in failing) or "none"
                    ),
                    "rows_read": int(log["rows_read"].sum()) if len(log) else 0,
                    "rows_accepted": int(log["rows_accepted"].sum()) if len(log) else 0,
                    "rows_quarantined": int(log["rows_quarantined"].sum()) if len(log) else 0,
                },
            )

    @dg.multi_asset(
        specs=[
            dg.AssetSpec(
                ["warehouse", "certified_workers_by_region_level"],
                deps=[publish_candidate],
                automation_condition=FOLLOW_INGESTS,
                description=(
                    "Distinct certified workers (assessed Kompeten) per region and jenjang, and how many hold a "
                    "certificate valid on the publish date. Credited to the reporting office's region; a "
                    "certificate re-reported by the province counts once, under the regency/city."
                ),
            ),
            dg.AssetSpec(
                ["warehouse", "quarantine"],
                deps=[publish_candidate],
                automation_condition=FOLLOW_INGESTS,
                description="Every rejected row of every office with its rule and reason (personal data: engineers only).",
            ),
            dg.AssetSpec(
                ["warehouse", "submission_log"],
                deps=[publish_candidate],
                automation_condition=FOLLOW_INGESTS,
                description="Every file every office sent, accepted or rejected, with row counts.",
            ),
            dg.AssetSpec(
                ["warehouse", "reporting_completeness"],
                deps=[publish_candidate],
                automation_condition=FOLLOW_INGESTS,
                description="Per office: files, newest arrival, days since, and reported / stale / never "
                "(freshness_days from the registry).",
            ),
        ],
        group_name="warehouse",
        # DuckDB allows one writer at a time; publishes queue in this pool.
        pool="warehouse",
    )
    def publish_warehouse(context: dg.AssetExecutionContext, staging: StagingStore, warehouse: Warehouse):
        """Replace the warehouse tables with the checked candidate in one transaction."""
        publish_date = pd.Timestamp(staging.read(CANDIDATE, "publish_date")["publish_date"].iloc[0]).date()
        frames = {name: staging.read(CANDIDATE, name) for name in PUBLISHED_TABLES}
        # "column" is reserved in SQL, hence column_name in the warehouse.
        frames["quarantine"] = frames["quarantine"].rename(columns={"column": "column_name"})
        engine = warehouse.engine()
        try:
            report = publish_tables(engine, frames, publish_date)
        finally:
            engine.dispose()
        context.log.info(f"published {report.row_counts} as of {publish_date}")
        headline = frames["certified_workers_by_region_level"]
        yield dg.MaterializeResult(
            asset_key=["warehouse", "certified_workers_by_region_level"],
            metadata={
                "dagster/row_count": report.row_counts["certified_workers_by_region_level"],
                "certified_persons_total": int(headline["certified_persons"].sum()),
                "active_persons_total": int(headline["active_persons"].sum()),
                "publish_date": publish_date.isoformat(),
                "preview": markdown_preview(headline, limit=30),
            },
        )
        yield dg.MaterializeResult(
            asset_key=["warehouse", "quarantine"],
            metadata={"dagster/row_count": report.row_counts["quarantine"]},
        )
        yield dg.MaterializeResult(
            asset_key=["warehouse", "submission_log"],
            metadata={"dagster/row_count": report.row_counts["submission_log"]},
        )
        completeness = frames["reporting_completeness"]
        yield dg.MaterializeResult(
            asset_key=["warehouse", "reporting_completeness"],
            metadata={
                "dagster/row_count": report.row_counts["reporting_completeness"],
                "status": dg.MetadataValue.json(completeness["status"].value_counts().to_dict()),
                "offices": markdown_preview(completeness[["office_id", "files", "days_since_last", "status"]], limit=60),
            },
        )

    return [linked_participations, publish_candidate, publish_warehouse]

