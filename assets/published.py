"""Cross-office assets: linked persons and the published warehouse tables."""


from datetime import date

import dagster as dg
from assets.offices import QUARANTINE, STANDARDIZED, SUBMISSION_LOG, _markdown_preview
from linkage.person_key import assign_person_keys
from pipelines.resources import OfficeRegistry, PersonKeys, StagingStore, Warehouse
from warehouse.headline import certified_workers_by_region_level
from warehouse.publish import publish_tables

LINKED = "linked"
ALL_OFFICES = "_all"


class PublishConfig(dg.Config):
    """Run configuration for a publish."""

    publish_date: str | None = None  # ISO date certificates are judged active on; default today


def build_published_assets() -> list[dg.AssetsDefinition]:
    """Linkage and publish assets over all offices."""

    @dg.asset(
        deps=["standardized_participations"],
        group_name="linked",
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

    @dg.multi_asset(
        specs=[
            dg.AssetSpec(
                ["warehouse", "certified_workers_by_region_level"],
                deps=[linked_participations],
                description=(
                    "Distinct certified workers (assessed Kompeten) per region and jenjang, and how many hold a "
                    "certificate valid on the publish date. Credited to the reporting office's region; a "
                    "certificate re-reported by the province counts once, under the regency/city."
                ),
            ),
            dg.AssetSpec(
                ["warehouse", "quarantine"],
                deps=["office_quarantine"],
                description="Every rejected row of every office with its rule and reason (personal data: engineers only).",
            ),
            dg.AssetSpec(
                ["warehouse", "submission_log"],
                deps=["office_submission_log"],
                description="Every file every office sent, accepted or rejected, with row counts.",
            ),
        ],
        group_name="warehouse",
        # DuckDB allows one writer at a time; publishes queue in this pool.
        pool="warehouse",
    )
    def publish_warehouse(
        context: dg.AssetExecutionContext,
        config: PublishConfig,
        registry: OfficeRegistry,
        staging: StagingStore,
        warehouse: Warehouse,
    ):
        """Compute the headline table and replace the warehouse tables in one transaction."""
        offices = registry.offices()
        publish_date = date.fromisoformat(config.publish_date) if config.publish_date else date.today()
        linked = staging.read(LINKED, ALL_OFFICES)
        headline = certified_workers_by_region_level(linked, offices, publish_date)
        quarantine = staging.read_all(QUARANTINE, list(offices))
        log = staging.read_all(SUBMISSION_LOG, list(offices))
        frames = {
            "certified_workers_by_region_level": headline,
            # "column" is reserved in SQL, hence column_name in the warehouse.
            "quarantine": quarantine.rename(columns={"column": "column_name"}),
            "submission_log": log,
        }
        engine = warehouse.engine()
        try:
            report = publish_tables(engine, frames, publish_date)
        finally:
            engine.dispose()
        context.log.info(f"published {report.row_counts} as of {publish_date}")
        yield dg.MaterializeResult(
            asset_key=["warehouse", "certified_workers_by_region_level"],
            metadata={
                "dagster/row_count": report.row_counts["certified_workers_by_region_level"],
                "certified_persons_total": int(headline["certified_persons"].sum()),
                "active_persons_total": int(headline["active_persons"].sum()),
                "publish_date": publish_date.isoformat(),
                "preview": _markdown_preview(headline, limit=30),
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

    return [linked_participations, publish_warehouse]

