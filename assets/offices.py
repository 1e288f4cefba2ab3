"""Office-partitioned assets: what each office sent, standardized.

One factory builds the assets for every office in the registry (one partition
per office), in the manner of an asset factory fed by per-source config: adding
an office is a registry edit, never new asset code.
"""


from datetime import date

import dagster as dg
import pandas as pd

from pipelines.resources import OfficeRegistry, StagingStore
from sources.intake import read_office_files
from standardize.record import standardize_submission

RAW = "raw"
FILES = "files"
STANDARDIZED = "standardized"
QUARANTINE = "quarantine"
SUBMISSION_LOG = "submission_log"


def submission_log(files: pd.DataFrame, standardized: pd.DataFrame, quarantine: pd.DataFrame) -> pd.DataFrame:
    """Per file: the reader's report plus how many of its rows were accepted or quarantined."""
    key = ["source_file", "source_sha256"]
    accepted = standardized.groupby(key).size().rename("rows_accepted")
    quarantined = quarantine.groupby(key).size().rename("rows_quarantined")
    log = files.join(accepted, on=key).join(quarantined, on=key)
    for column in ("rows_accepted", "rows_quarantined"):
        log[column] = log[column].fillna(0).astype("int64")
    return log


def _markdown_preview(frame: pd.DataFrame, limit: int = 10) -> dg.MetadataValue:
    if frame.empty:
        return dg.MetadataValue.md("_none_")
    return dg.MetadataValue.md(frame.head(limit).to_markdown(index=False))


def build_office_assets(offices_partitions: dg.PartitionsDefinition) -> list[dg.AssetsDefinition]:
    """The per-office assets for the given office partitions."""

    @dg.asset(
        partitions_def=offices_partitions,
        group_name="sources",
        kinds={"python", "parquet"},
        owners=["team:data-engineering"],
    )
    def office_submissions(
        context: dg.AssetExecutionContext, registry: OfficeRegistry, staging: StagingStore
    ) -> dg.MaterializeResult:
        """Every file in the office's landing folder, read into raw text rows with provenance.

        Each row keeps office, file name, file sha256, sheet and the row number a
        person sees in Excel (CSV line, JSON record index). A file that cannot be
        used (empty, corrupt, no recognisable header) is recorded as rejected
        with its reason; the office's other files still go through.
        """
        office = registry.office(context.partition_key)
        intake = read_office_files(office, registry.landing_files(office))
        staging.write(RAW, office.id, intake.rows)
        staging.write(FILES, office.id, intake.files)
        rejected = intake.rejected_files
        for _, row in rejected.iterrows():
            context.log.warning(f"rejected file: {row['reason']}")
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": len(intake.rows),
                "files": len(intake.files),
                "files_rejected": len(rejected),
                "rejected": _markdown_preview(rejected[["source_file", "reason"]], limit=20),
            }
        )

    @dg.multi_asset(
        specs=[
            dg.AssetSpec(
                "standardized_participations",
                deps=[office_submissions],
                group_name="standardized",
                kinds={"python", "parquet"},
                owners=["team:data-engineering"],
                description=(
                    "Participation rows in the canonical model: NIK checked and flagged, names split "
                    "from honorifics and degrees, dates, sex, jenjang and kualifikasi, result and certificate parsed."
                ),
            ),
            dg.AssetSpec(
                "office_quarantine",
                deps=[office_submissions],
                group_name="standardized",
                kinds={"python", "parquet"},
                owners=["team:data-engineering"],
                description="Rows that could not be standardized, with provenance, the rule and a reason in Indonesian and English.",
            ),
            dg.AssetSpec(
                "office_submission_log",
                deps=[office_submissions],
                group_name="standardized",
                kinds={"python", "parquet"},
                owners=["team:data-engineering"],
                description="One line per file the office sent: accepted or rejected (why), rows read, accepted and quarantined.",
            ),
        ],
        partitions_def=offices_partitions,
    )
    def standardize_office(context: dg.AssetExecutionContext, registry: OfficeRegistry, staging: StagingStore):
        """Standardize an office's raw rows; every input row ends standardized or quarantined."""
        office = registry.office(context.partition_key)
        raw = staging.read(RAW, office.id)
        files = staging.read(FILES, office.id)
        result = standardize_submission(raw, date_order=office.reader.date_order, reference_date=date.today())
        if len(result.rows) + len(result.quarantine) != len(raw):
            raise RuntimeError(
                f"office {office.id}: row accounting broken: {len(raw)} raw rows, "
                f"{len(result.rows)} standardized + {len(result.quarantine)} quarantined"
            )
        log = submission_log(files, result.rows, result.quarantine)
        staging.write(STANDARDIZED, office.id, result.rows)
        staging.write(QUARANTINE, office.id, result.quarantine)
        staging.write(SUBMISSION_LOG, office.id, log)
        flagged = int((result.rows["flags"] != "").sum())
        by_rule = result.quarantine["rule"].value_counts().to_dict() if len(result.quarantine) else {}
        yield dg.MaterializeResult(
            asset_key="standardized_participations",
            metadata={
                "dagster/row_count": len(result.rows),
                "rows_in": len(raw),
                "rows_flagged": flagged,
                "nik_status": dg.MetadataValue.json(result.rows["nik_status"].value_counts().to_dict()),
            },
        )
        yield dg.MaterializeResult(
            asset_key="office_quarantine",
            metadata={
                "dagster/row_count": len(result.quarantine),
                "by_rule": dg.MetadataValue.json({str(k): int(v) for k, v in by_rule.items()}),
                "examples": _markdown_preview(
                    result.quarantine[["source_file", "source_sheet", "source_row", "rule", "reason"]]
                    if len(result.quarantine)
                    else result.quarantine
                ),
            },
        )
        yield dg.MaterializeResult(
            asset_key="office_submission_log",
            metadata={
                "dagster/row_count": len(log),
                "files_rejected": int((log["status"] == "rejected").sum()),
                "log": _markdown_preview(
                    log[["source_file", "status", "rows_read", "rows_accepted", "rows_quarantined", "reason"]], limit=50
                ),
            },
        )

    return [office_submissions, standardize_office]
