"""Office-partitioned assets: what each office sent, checked and standardized.

One factory builds the assets for every office in the registry (one partition
per office), in the manner of an asset factory fed by per-source config: adding
an office is a registry edit, never new asset code. The asset bodies are thin:
each calls the module-level functions below, which tests call directly, and
reads its upstream from the staging store, so one asset can be materialized on
its own (tests/test_assets_single.py).
"""

import hashlib
import json
import time
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import dagster as dg
import pandas as pd

from expectations.catalogue import rule as catalogue_rule
from expectations.feedback import LAYOUT_KEY, Reports, write_feedback_reports
from expectations.submission import SETTLED_RULES, check_submissions, owners_by_region, quarantine_rejected_files
from expectations.validate import DATA_DOCS_PAGE, RowValidation, validate_rows, write_data_docs
from pipelines.resources import OfficeRegistry, StagingStore, record_ingested
from sources.filenames import contained
from sources.intake import read_office_files
from sources.registry import Office
from standardize.record import standardize_submission

# Per-office check results need partitioned check specs, a preview feature in Dagster
# 1.13 that we adopt knowingly (STACK-NOTES); its warning on every code load says nothing new.
warnings.filterwarnings("ignore", message="Specifying a partitions_def on an AssetCheckSpec",
                        category=dg.PreviewWarning)

RAW = "raw"
FILES = "files"
STANDARDIZED = "standardized"
QUARANTINE = "quarantine"
FLAGS = "flags"
SUBMISSION_LOG = "submission_log"
EXAMPLES_PER_RULE = 5


def submission_log(files: pd.DataFrame, standardized: pd.DataFrame, quarantine: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """Per file: the reader's report plus how many of its rows were accepted, quarantined or flagged."""
    key = ["source_file", "source_sha256"]
    accepted = standardized.groupby(key).size().rename("rows_accepted")
    quarantined = quarantine.groupby(key).size().rename("rows_quarantined")
    flagged_rows = flags.drop_duplicates(key + ["source_sheet", "source_row"]).groupby(key).size().rename("rows_flagged")
    log = files.join(accepted, on=key).join(quarantined, on=key).join(flagged_rows, on=key)
    for column in ("rows_accepted", "rows_quarantined", "rows_flagged"):
        log[column] = log[column].fillna(0).astype("int64")
    return log


def row_totals(log: pd.DataFrame) -> dict[str, int]:
    """The run's row accounting over a submission log, the one definition every summary uses.

    ``rows_read`` counts every row read from every file, accepted or rejected: a rejected
    file's rows are read and then quarantined under the file's rule. So rows read =
    accepted + quarantined, per file and in total; ``rows_unaccounted`` is the difference
    and must be 0 (the blocking ``row_accounting`` check). A file no reader could open
    has no rows to count (its reason is in the log).
    """
    if log.empty:
        return {"files": 0, "files_rejected": 0, "rows_read": 0, "rows_accepted": 0, "rows_quarantined": 0,
                "rows_unaccounted": 0}
    read, accepted, quarantined = (int(log[column].sum()) for column in ("rows_read", "rows_accepted", "rows_quarantined"))
    return {
        "files": len(log),
        "files_rejected": int((log["status"] == "rejected").sum()),
        "rows_read": read,
        "rows_accepted": accepted,
        "rows_quarantined": quarantined,
        "rows_unaccounted": read - accepted - quarantined,
    }


def markdown_preview(frame: pd.DataFrame, limit: int = 10) -> dg.MetadataValue:
    """A small markdown table for the UI (``_none_`` when empty); kept for free-text summaries."""
    if frame.empty:
        return dg.MetadataValue.md("_none_")
    return dg.MetadataValue.md(frame.head(limit).to_markdown(index=False))


def _column_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "bool"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "float"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    return "string"


def _cell(value: object, kind: str) -> str | int | float | bool | None:
    """A value a TableRecord accepts (str, int, float, bool, None): numpy scalars and NA converted."""
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return bool(value)
    if kind == "date":
        return pd.Timestamp(value).date().isoformat()
    return str(value)


def table_preview(frame: pd.DataFrame, limit: int = 10, descriptions: dict[str, str] | None = None) -> dg.TableMetadataValue:
    """The first ``limit`` rows as a table the UI renders as one (sortable columns, numbers as numbers),
    instead of a markdown blob behind "[Show Markdown]". An empty frame still shows its columns."""
    descriptions = descriptions or {}
    kinds = {str(column): _column_type(frame[column]) for column in frame.columns}
    schema = dg.TableSchema(
        columns=[dg.TableColumn(name, kind, description=descriptions.get(name)) for name, kind in kinds.items()]
    )
    records = [
        dg.TableRecord({name: _cell(value, kinds[name]) for name, value in zip(kinds, values)})
        for values in frame.head(limit).itertuples(index=False, name=None)
    ]
    return dg.MetadataValue.table(records, schema=schema)


def _staged_spec(key: str, group: str, description: str) -> dg.AssetSpec:
    """An office-level output of the standardize step, kept as parquet in staging."""
    return dg.AssetSpec(
        key,
        deps=["office_submissions"],
        group_name=group,
        kinds={"python", "parquet"},
        owners=["team:data-engineering"],
        description=description,
    )


class IngestConfig(dg.Config):
    """Run configuration of an office ingest: the moment its files and rows are judged at."""

    # ISO date or date-time; a date-time without a zone is UTC. Default: now.
    # Freshness counts days from it, the row rules judge dates (birth, expiry) against its day.
    as_of: str | None = None

    def resolved_now(self) -> datetime:
        """The configured moment (timezone-aware), or now."""
        if not self.as_of:
            return datetime.now(timezone.utc)
        moment = datetime.fromisoformat(self.as_of)
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

    def resolved_today(self) -> date:
        """The configured moment's day, or the machine's today (what the row rules always used)."""
        return self.resolved_now().date() if self.as_of else date.today()


# ------------------------------------------------------------------ office_submissions


@dataclass(frozen=True)
class OfficeIntake:
    """What an ingest read from an office's landing folder: one line per file, and every row read."""

    files: pd.DataFrame  # the reader's report, judged by the submission suite (status, rule, reason)
    rows: pd.DataFrame  # raw text rows with provenance, of accepted and rejected files alike

    @property
    def rejected(self) -> pd.DataFrame:
        """The files the submission suite rejected."""
        return self.files[self.files["status"] == "rejected"]


def stage_submissions(office: Office, registry: OfficeRegistry, staging: StagingStore) -> OfficeIntake:
    """Read every file in the office's landing folder, judge each file, and stage rows and files."""
    intake = read_office_files(office, registry.landing_files(office), office.landing_dir(Path(registry.landing_root)))
    files = check_submissions(intake.files, intake.rows, office, owners_by_region(registry.offices()))
    staging.write(RAW, office.id, intake.rows)
    staging.write(FILES, office.id, files)
    return OfficeIntake(files=files, rows=intake.rows)


def submissions_metadata(intake: OfficeIntake) -> dict[str, object]:
    """Materialization metadata of ``office_submissions``."""
    rejected = intake.rejected
    return {
        "dagster/row_count": len(intake.rows),
        # every row read, from accepted and rejected files alike (rows_read in the submission log)
        "rows_read": len(intake.rows),
        "files": len(intake.files),
        "files_rejected": len(rejected),
        "rejected": table_preview(rejected[["source_file", "rule", "reason"]], limit=20),
    }


def submission_suite_result(office: Office, files: pd.DataFrame, landing_dir: Path) -> dg.AssetCheckResult:
    """The office's ``submission_suite`` result: red while a file needs the office, or no file came at all.

    An office with no file has nothing the suite could pass: an empty or missing
    landing folder is a problem to look at, never a green check.
    """
    rejected = files[files["status"] == "rejected"]
    needs_office = rejected[~rejected["rule"].isin(SETTLED_RULES)]
    description = None
    if files.empty:
        state = "is empty" if landing_dir.is_dir() else "does not exist"
        description = f"office {office.id} sent no file: its landing folder {landing_dir} {state}"
    elif len(needs_office):
        description = f"office {office.id}: {len(needs_office)} file(s) to fix or withdraw"
    return dg.AssetCheckResult(
        check_name="submission_suite",
        # Red until the office fixes or withdraws the file; a copy or a replaced first
        # version is settled by the pipeline itself (expectations.submission.SETTLED_RULES).
        passed=not files.empty and needs_office.empty,
        severity=dg.AssetCheckSeverity.ERROR,
        description=description,
        metadata={
            "files": len(files),
            "files_rejected": len(rejected),
            "files_needing_the_office": len(needs_office),
            "by_rule": table_preview(
                rejected["rule"].value_counts().rename_axis("rule").reset_index(name="files"), limit=20
            ),
            "rejected": table_preview(rejected[["source_file", "rule", "reason"]], limit=20),
        },
    )


def days_since_newest_file(files: pd.DataFrame, now: datetime) -> int | None:
    """Whole days from the newest file's arrival to ``now``; None without a dated file."""
    newest = files["received_at"].max() if len(files) else None
    if newest is None or pd.isna(newest):
        return None
    return (pd.Timestamp(now) - newest).days


def freshness_result(office: Office, files: pd.DataFrame, now: datetime) -> dg.AssetCheckResult:
    """The office's ``office_freshness`` result as of ``now``: a warning once its newest file is
    older than its registry ``freshness_days`` (an office without that setting is never stale)."""
    days = days_since_newest_file(files, now)
    return dg.AssetCheckResult(
        check_name="office_freshness",
        passed=office.freshness_days is None or (days is not None and days <= office.freshness_days),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "days_since_newest_file": -1 if days is None else int(days),
            "freshness_days": -1 if office.freshness_days is None else office.freshness_days,
        },
    )


# ------------------------------------------------------------------ standardize_office


@dataclass(frozen=True)
class StandardizedOffice:
    """An office's staged rows standardized, validated and accounted for, per file."""

    rows_in: int
    rows: pd.DataFrame
    quarantine: pd.DataFrame
    validation: RowValidation
    log: pd.DataFrame
    data_docs: Path | None = None  # the row suite's Data Docs page, written when the suite failed
    data_docs_seconds: float = 0.0


def data_docs_dir(staging: StagingStore, office_id: str) -> Path:
    """Where the office's row-suite Data Docs go: ``<data>/data_docs/<office_id>/``, beside
    ``<data>/feedback/<office_id>/`` (where the feedback writer keeps only the current reports)."""
    return contained(Path(staging.data_dir) / "data_docs", office_id)


def publish_data_docs(office: Office, staging: StagingStore, validation: RowValidation) -> tuple[Path | None, float]:
    """The row suite's Data Docs page for an office whose suite failed; a passing office's old page removed.

    A page costs 30-60 ms (80 ms for a process's first; docs/benchmarks.md, "Row suite"),
    more than an office with nothing to show should pay: a green suite gets no page.
    """
    started = time.perf_counter()
    folder = data_docs_dir(staging, office.id)
    failed = any(outcome.failing_count for outcome in validation.outcomes)
    page = write_data_docs(validation, folder) if failed else None
    if page is None:
        (folder / DATA_DOCS_PAGE).unlink(missing_ok=True)  # never leave an earlier run's failures behind
    return page, time.perf_counter() - started


def standardize_staged(office: Office, staging: StagingStore, today: date) -> StandardizedOffice:
    """Standardize the office's staged raw rows, validate them as of ``today`` and stage the four outputs.

    Every raw row ends either standardized or quarantined (every row of a rejected
    file under its file's rule); a broken count stops the run before anything is written.
    """
    raw = staging.read(RAW, office.id)
    files = staging.read(FILES, office.id)
    usable, rejected_file_rows = quarantine_rejected_files(raw, files)
    result = standardize_submission(usable, date_order=office.reader.date_order, reference_date=today)
    quarantine = pd.concat([rejected_file_rows, result.quarantine], ignore_index=True) if len(rejected_file_rows) else result.quarantine
    if len(result.rows) + len(quarantine) != len(raw):
        raise RuntimeError(
            f"office {office.id}: row accounting broken: {len(raw)} raw rows, "
            f"{len(result.rows)} standardized + {len(quarantine)} quarantined"
        )
    rows = with_credited_office(result.rows, files)
    validation = validate_rows(rows, office, today)
    log = submission_log(files, rows, quarantine, validation.flagged)
    staging.write(STANDARDIZED, office.id, rows)
    staging.write(QUARANTINE, office.id, quarantine)
    staging.write(FLAGS, office.id, validation.flagged)
    staging.write(SUBMISSION_LOG, office.id, log)
    page, seconds = publish_data_docs(office, staging, validation)
    return StandardizedOffice(rows_in=len(raw), rows=rows, quarantine=quarantine, validation=validation, log=log,
                              data_docs=page, data_docs_seconds=seconds)


def with_credited_office(rows: pd.DataFrame, files: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with ``credited_office_id`` on the rows of files another registry office owns
    (``counted_at_other_office``; the publish credits them there), when there are any."""
    owned = files[files["credited_office_id"].notna()] if "credited_office_id" in files else files.iloc[:0]
    if owned.empty or rows.empty:
        return rows
    key = ["source_file", "source_sha256"]
    owner = owned.drop_duplicates(key).set_index(key)["credited_office_id"]
    located = pd.MultiIndex.from_frame(rows[key].astype(object))
    return rows.assign(credited_office_id=owner.reindex(located).to_numpy(dtype=object))


def standardized_results(done: StandardizedOffice) -> list[dg.MaterializeResult]:
    """One materialization per output of ``standardize_office``, with its counts and previews."""
    quarantine, log, flagged = done.quarantine, done.log, done.validation.flagged
    by_rule = quarantine["rule"].value_counts().to_dict() if len(quarantine) else {}
    return [
        dg.MaterializeResult(
            asset_key="standardized_participations",
            metadata={
                "dagster/row_count": len(done.rows),
                "rows_in": done.rows_in,
                "nik_status": table_preview(
                    done.rows["nik_status"].value_counts().rename_axis("nik_status").reset_index(name="rows"), limit=20
                ),
            },
        ),
        dg.MaterializeResult(
            asset_key="office_quarantine",
            metadata={
                "dagster/row_count": len(quarantine),
                "by_rule": table_preview(pd.DataFrame({"rule": list(by_rule), "rows": list(by_rule.values())}), limit=50),
                "examples": table_preview(quarantine[["source_file", "source_sheet", "source_row", "rule", "reason"]]),
            },
        ),
        dg.MaterializeResult(
            asset_key="office_flags",
            metadata={
                "dagster/row_count": len(flagged),
                "rows_flagged": int(log["rows_flagged"].sum()),
            },
        ),
        dg.MaterializeResult(
            asset_key="office_submission_log",
            metadata={
                "dagster/row_count": len(log),
                # files, files_rejected, rows_read (accepted + rejected files) = rows_accepted + rows_quarantined
                **row_totals(log),
                "log": table_preview(
                    log[["source_file", "status", "rows_read", "rows_accepted", "rows_quarantined", "rows_flagged", "reason"]],
                    limit=50,
                ),
            },
        ),
    ]


def row_suite_result(done: StandardizedOffice) -> dg.AssetCheckResult:
    """The ``row_suite`` result: per failing rule its row count, meaning and a few examples."""
    validation = done.validation
    failing = [outcome for outcome in validation.outcomes if outcome.failing_count]
    metadata: dict[str, object] = {"rows_checked": len(done.rows)}
    if done.data_docs is not None:
        # GX's own rendering of this validation: every expectation, its failing values and counts
        metadata["data_docs"] = dg.MetadataValue.path(str(done.data_docs))
        metadata["data_docs_seconds"] = round(done.data_docs_seconds, 3)
    for outcome in failing:
        # numbers stay numbers, so the UI plots each rule's failing rows over time per office
        metadata[f"{outcome.rule}_failing_rows"] = outcome.failing_count
    examples = (
        validation.flagged.groupby("rule", sort=False).head(EXAMPLES_PER_RULE)
        if len(validation.flagged)
        else validation.flagged
    )
    metadata["summary"] = table_preview(
        pd.DataFrame(
            {
                "rule": [o.rule for o in failing],
                "failing_rows": [o.failing_count for o in failing],
                "meaning": [catalogue_rule(o.rule).gloss for o in failing],
            }
        ),
        limit=len(failing),
    )
    metadata["examples"] = table_preview(
        examples[["rule", "source_file", "source_sheet", "source_row", "column", "value"]],
        limit=EXAMPLES_PER_RULE * max(len(failing), 1),
    )
    return dg.AssetCheckResult(
        check_name="row_suite",
        asset_key="standardized_participations",
        passed=not failing,
        severity=dg.AssetCheckSeverity.WARN,
        metadata=metadata,
    )


# ------------------------------------------------------------------ office_feedback_reports


def feedback_metadata(office: Office, staging: StagingStore, written: list[Path], files: int, seconds: float) -> dict[str, object]:
    """Materialization metadata of ``office_feedback_reports``."""
    return {
        "dagster/row_count": len(written),
        "reports_written": len(written),
        "files_without_findings": files - len(written),
        # reports whose content did not change since the last run are left as they were
        "reports_unchanged": len(written) - getattr(written, "rewritten", len(written)),
        "seconds": round(seconds, 2),
        "folder": dg.MetadataValue.path(str(staging.feedback_dir(office.id))),
        "reports": table_preview(pd.DataFrame({"report": [path.name for path in written]}), limit=200),
    }


FEEDBACK_INPUTS = (RAW, QUARANTINE, FLAGS, SUBMISSION_LOG, STANDARDIZED)


def feedback_inputs_path(staging: StagingStore, office_id: str) -> Path:
    """Where the key of the staged outputs the office's current reports were written from is kept."""
    return contained(Path(staging.data_dir) / "staging", "feedback_inputs", f"{office_id}.json")


def _feedback_inputs_key(office: Office, staging: StagingStore) -> str:
    """A sha256 over the staged outputs the reports are made from (their bytes), the office's name and
    the report layout: equal keys mean equal reports."""
    digest = hashlib.sha256(f"{LAYOUT_KEY}\0{office.name}".encode())
    for stage in FEEDBACK_INPUTS:
        path = staging.path(stage, office.id)
        digest.update(b"\0" + stage.encode() + b"\0" + (path.read_bytes() if path.exists() else b"-"))
    return digest.hexdigest()


def _unchanged_reports(folder: Path, manifest: Path, key: str) -> Reports | None:
    """The office's reports if they were written from the same inputs and the folder holds exactly them."""
    try:
        kept = json.loads(manifest.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("key") != key or not isinstance(kept.get("reports"), list):
        return None
    present = sorted(item.name for item in folder.iterdir()) if folder.is_dir() else []
    if present != sorted(kept["reports"]):
        return None
    return Reports(folder / name for name in kept["reports"])


def write_office_feedback(office: Office, staging: StagingStore) -> tuple[list[Path], pd.DataFrame]:
    """Write the office's feedback reports from its staged outputs; the reports and the submission log.

    When the staged outputs are byte for byte those the current reports were written from,
    nothing is recomputed: a re-run over unchanged data reads one key and the log."""
    log = staging.read(SUBMISSION_LOG, office.id)
    folder, manifest = staging.feedback_dir(office.id), feedback_inputs_path(staging, office.id)
    key = _feedback_inputs_key(office, staging)
    unchanged = _unchanged_reports(folder, manifest, key)
    if unchanged is not None:
        return unchanged, log
    manifest.unlink(missing_ok=True)  # a run stopped while writing must not leave an old key behind
    written = write_feedback_reports(
        staging.feedback_dir(office.id),
        office,
        raw=staging.read(RAW, office.id),
        quarantine=staging.read(QUARANTINE, office.id),
        flags=staging.read(FLAGS, office.id),
        log=log,
        standardized=staging.read(STANDARDIZED, office.id),
    )
    manifest.parent.mkdir(parents=True, exist_ok=True)
    aside = manifest.with_name(f".{manifest.name}.{uuid.uuid4().hex[:8]}.tmp")
    aside.write_text(json.dumps({"key": key, "reports": [path.name for path in written]}))
    aside.replace(manifest)
    return written, log


# ------------------------------------------------------------------ the assets


def build_office_assets(offices_partitions: dg.PartitionsDefinition) -> list[dg.AssetsDefinition]:
    """The per-office assets for the given office partitions."""
    return [
        _office_submissions_asset(offices_partitions),
        _standardize_office_asset(offices_partitions),
        _office_feedback_reports_asset(offices_partitions),
    ]


def _office_submissions_asset(offices_partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    """The office's files read into raw rows, with the submission suite and freshness checks."""

    @dg.asset(
        partitions_def=offices_partitions,
        group_name="sources",
        kinds={"python", "parquet"},
        owners=["team:data-engineering"],
        check_specs=[
            dg.AssetCheckSpec(
                "submission_suite",
                asset="office_submissions",
                # One result per office partition: a rejected file stays red for its office
                # while another office's run turns its own partition green.
                partitions_def=offices_partitions,
                description="Whole-file rules (expectations/suites/submission.json): readable, has rows, "
                "not a re-submission, not another office's data. A failing file is rejected on its own; "
                "red while the office has a file to fix or withdraw (a copy or a replaced first version "
                "is only listed), and red when the office sent no file at all.",
            ),
            dg.AssetCheckSpec(
                "office_freshness",
                asset="office_submissions",
                partitions_def=offices_partitions,
                description="Warns when the office's newest file is older than its registry freshness_days.",
            ),
        ],
    )
    def office_submissions(
        context: dg.AssetExecutionContext, config: IngestConfig, registry: OfficeRegistry, staging: StagingStore
    ) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
        """Every file in the office's landing folder, read into raw text rows with provenance.

        Each row keeps office, file name, file sha256, sheet and the row number a
        person sees in Excel (CSV line, JSON record index). Each file then passes
        the submission suite; a file that fails (empty, corrupt, no recognisable
        header, a re-submission, another office's data, replaced by a revision)
        is rejected with its reason while the office's other files go through.
        """
        office = registry.office(context.partition_key)
        for name in registry.ignored_files(office):
            context.log.info(f"office {office.id}: {name} ignored (a dot-file or an Excel lock file is not a submission)")
        intake = stage_submissions(office, registry, staging)
        # What this ingest read, so the landing sensor starts no second run for it.
        record_ingested(context.instance, office.id, zip(intake.files["source_file"], intake.files["source_sha256"]))
        for reason in intake.rejected["reason"]:
            context.log.warning(f"rejected file: {reason}")
        yield dg.MaterializeResult(metadata=submissions_metadata(intake))
        yield submission_suite_result(office, intake.files, office.landing_dir(Path(registry.landing_root)))
        yield freshness_result(office, intake.files, config.resolved_now())

    return office_submissions


def _standardize_office_asset(offices_partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    """Standardized, quarantined and flagged rows and the submission log of an office, with the row suite."""

    @dg.multi_asset(
        specs=[
            _staged_spec(
                "standardized_participations",
                "standardized",
                "Participation rows in the canonical model: NIK checked and flagged, names split from honorifics "
                "and degrees, dates, sex, jenjang and kualifikasi, result and certificate parsed.",
            ),
            _staged_spec(
                "office_quarantine",
                "standardized",
                "Rows that cannot be used (row rules, or every row of a rejected file), with provenance, "
                "the rule and a reason in Indonesian with an English gloss.",
            ),
            _staged_spec(
                "office_flags",
                "validated",
                "Usable but suspect rows (row suite failures): they stay in the counts and are listed for the office.",
            ),
            _staged_spec(
                "office_submission_log",
                "validated",
                "One line per file the office sent: accepted or rejected (rule, reason), rows read, "
                "accepted, quarantined and flagged.",
            ),
        ],
        check_specs=[
            dg.AssetCheckSpec(
                "row_suite",
                asset="standardized_participations",
                partitions_def=offices_partitions,
                description="Row rules (expectations/suites/row.json). Failures flag rows; they are never dropped.",
            )
        ],
        partitions_def=offices_partitions,
    )
    def standardize_office(
        context: dg.AssetExecutionContext, config: IngestConfig, registry: OfficeRegistry, staging: StagingStore
    ) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
        """Standardize an office's rows, validate them, and account for every input row."""
        done = standardize_staged(registry.office(context.partition_key), staging, config.resolved_today())
        yield from standardized_results(done)
        yield row_suite_result(done)

    return standardize_office


def _office_feedback_reports_asset(offices_partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    """The office's feedback workbooks."""

    @dg.asset(
        partitions_def=offices_partitions,
        deps=["office_flags", "office_quarantine"],
        group_name="validated",
        kinds={"python", "excel"},
        owners=["team:data-engineering"],
    )
    def office_feedback_reports(context: dg.AssetExecutionContext, registry: OfficeRegistry, staging: StagingStore) -> dg.MaterializeResult:
        """One xlsx, in Indonesian, per submission with something to report, to send back to the office.

        A summary sheet first (the file's verdict, one line per rule with the fix,
        office-wide habits once per file, attendance rows as information), then each
        rejected or flagged row with the office's own cell that failed. Files with
        nothing to report get no report (their count is in the metadata).
        """
        office = registry.office(context.partition_key)
        started = time.perf_counter()
        written, log = write_office_feedback(office, staging)
        seconds = time.perf_counter() - started
        context.log.info(f"{len(written)} feedback reports for {len(log)} files in {seconds:.1f} s")
        return dg.MaterializeResult(metadata=feedback_metadata(office, staging, written, len(log), seconds))

    return office_feedback_reports
