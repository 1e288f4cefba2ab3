"""Command line: ``sertifikasi demo``, ``sertifikasi run`` and ``sertifikasi why``.

``demo`` generates the demo world and runs everything into the embedded DuckDB
warehouse; ``run`` runs the pipeline on your own landing folder, registry and
warehouse. Both print the published headline table. ``why`` explains why two
input rows were linked into one person (or that they were not).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd

from pipelines.settings import Settings

DEMO_SECRET = "demo-only-not-a-secret"
# Exit codes of demo and run besides 0 (2 stays argparse's and a missing setting's).
EXIT_PUBLISH_FAILED = 1
EXIT_OFFICES_FAILED = 3  # published, but some offices' ingests failed: look at them
EXIT_LOCKED = 75  # sysexits EX_TEMPFAIL: another run holds the data directory; try again later


def summary_line(log: pd.DataFrame) -> str:
    """The run's file and row accounting in one line: rows read = accepted + quarantined.

    Rows read counts accepted and rejected files alike (a rejected file's rows are read,
    then quarantined), the same definition as the submission log, the Dagster metadata
    and the blocking ``row_accounting`` check (``assets.offices.row_totals``).
    """
    from assets.offices import row_totals

    totals = row_totals(log)
    line = (
        f"files: {totals['files']} ({totals['files_rejected']} rejected); rows read {totals['rows_read']} "
        f"= accepted {totals['rows_accepted']} + quarantined {totals['rows_quarantined']}"
    )
    if totals["rows_unaccounted"]:
        line += f"; {totals['rows_unaccounted']} rows UNACCOUNTED FOR"
    return line


def _print_report(report, out=None) -> None:
    out = out or sys.stdout  # looked up now: a default bound at import misses a redirected stdout
    with pd.option_context("display.max_rows", 500, "display.width", 160):
        print("\ncertified_workers_by_region_level", file=out)
        print(report.headline.to_string(index=False), file=out)
        totals = report.headline[["certified_persons", "active_persons"]].sum()
        print(
            f"\ntotal certified persons (sum over cells): {int(totals['certified_persons'])}, "
            f"active: {int(totals['active_persons'])}",
            file=out,
        )
        log = report.submission_log
        rejected = log[log["status"] == "rejected"]
        print(f"\n{summary_line(log)}", file=out)
        for _, row in rejected.iterrows():
            print(f"  rejected: {row['reason']}", file=out)
        if len(report.quarantine):
            print("\nquarantine by rule:", file=out)
            print(report.quarantine["rule"].value_counts().to_string(), file=out)
        basis = report.persons["person_key_basis"].value_counts()
        print(f"\npersons linked: {len(report.persons)} from {int(log['rows_accepted'].sum())} accepted rows; "
              "persons by their strongest link:", file=out)
        print("  " + ", ".join(f"{name} {count}" for name, count in basis.items()), file=out)


def _print_timings(report, out=None) -> None:
    out = out or sys.stdout
    t = report.timings
    skipped = f", {len(report.offices_skipped)} unchanged offices skipped" if report.offices_skipped else ""
    print(f"\noffices ingested: {len(report.offices_ingested)}{skipped}; ingest {t.get('ingest_wall', 0):.1f} s, "
          f"publish {t.get('publish_wall', 0):.1f} s", file=out)


def _print_office_problems(report, out=None) -> int:
    """The offices without a landing folder and the landing entries no office owns (warnings), and the
    failed offices; the exit code."""
    from assets.published import office_list, unclaimed_note

    out = out or sys.stdout
    missing = report.offices_without_landing
    if missing:
        print(f"\nwarning: no landing folder (nothing received yet) for {len(missing)} registry office(s): "
              f"{office_list(missing)}", file=out)
    unclaimed = report.landing_unclaimed
    if unclaimed:
        print(f"\nwarning: {unclaimed_note(unclaimed)}; add the office to the registry (or set its `landing:` "
              "folder) or move the files into the office's folder", file=out)
    if not report.offices_failed:
        return 0
    print(f"\nFAILED: {len(report.offices_failed)} office ingest(s) failed; the publish used their earlier staged "
          "rows, if any, and the next run ingests them again:", file=out)
    for office_id, message in sorted(report.offices_failed.items()):
        print(f"  {office_id}: {message}", file=out)
    return EXIT_OFFICES_FAILED


def _run_or_exit_code(settings: Settings, secret: str, **options):
    """``run_everything``, or the exit code after a one-line message when the run could not go on.

    Another run on the data directory and a failed publish are told without a traceback:
    neither is a bug of this program, and the message says what to do.
    """
    from pipelines.run import PublishFailed, RunLocked, run_everything

    try:
        return run_everything(settings, secret, **options)
    except RunLocked as locked:
        print(f"sertifikasi: {locked}", file=sys.stderr)
        return EXIT_LOCKED
    except PublishFailed as failed:
        print(f"sertifikasi: {failed}", file=sys.stderr)
        return EXIT_PUBLISH_FAILED


def default_workers() -> int:
    """``SERTIFIKASI_WORKERS``, else the machine's cores (at most 8)."""
    value = os.environ.get("SERTIFIKASI_WORKERS")
    return int(value) if value else max(1, min(os.cpu_count() or 1, 8))


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    if args.data_dir:
        data_dir = Path(args.data_dir).resolve()
        fresh = Settings.from_env({**os.environ, "SERTIFIKASI_DATA_DIR": str(data_dir)})
        settings = replace(settings, data_dir=data_dir, landing_root=fresh.landing_root, warehouse_url=fresh.warehouse_url)
    if getattr(args, "landing", None):
        settings = replace(settings, landing_root=Path(args.landing).resolve())
    if getattr(args, "registry", None):
        settings = replace(settings, registry_path=Path(args.registry).resolve())
    if getattr(args, "warehouse_url", None):
        settings = replace(settings, warehouse_url=args.warehouse_url)
    return settings


def _instance():
    import dagster as dg

    # With DAGSTER_HOME set (make demo sets it) the runs land in that instance,
    # so `make ui` shows them afterwards.
    home = os.environ.get("DAGSTER_HOME")
    if not home:
        return dg.DagsterInstance.ephemeral()
    if not os.path.isdir(home):
        raise SystemExit(
            f"sertifikasi: DAGSTER_HOME={home} is not a directory; create it (make demo does) "
            "or unset DAGSTER_HOME to run on a throwaway instance"
        )
    return dg.DagsterInstance.get()


def fresh_demo_world(settings: Settings, rows: int, seed: int):
    """Write a new demo world into ``settings.landing_root``, the previous one's files gone.

    The office folders and the truth are wiped first: a world of another size or seed
    names some files differently, and a file left from the previous world would be read
    with the new one (and the comparison with the truth would count it too). The staging
    goes as well. Hold the data directory's run lock around it.
    """
    from demo.generate import generate_world, wipe_landing

    if settings.data_dir.joinpath("staging").exists():
        shutil.rmtree(settings.data_dir / "staging")
    wipe_landing(settings.landing_root, settings.registry_path)
    return generate_world(settings.landing_root, rows=rows, seed=seed, registry_path=settings.registry_path,
                          progress=rows > 100_000)


def cmd_demo(args: argparse.Namespace) -> int:
    from demo.compare import compare_with_truth
    from pipelines.run import RunLocked, run_lock

    settings = _settings(args)
    # The demo writes its own world: into the data directory, never into a landing folder
    # set for real offices (SERTIFIKASI_LANDING), whose office folders it would wipe.
    settings = replace(settings, landing_root=settings.data_dir / "landing")
    try:
        # Not while a run is using the data directory: this removes its staging and rewrites its landing.
        with run_lock(settings.data_dir):
            summary = fresh_demo_world(settings, args.rows, args.seed)
    except RunLocked as locked:
        print(f"sertifikasi: {locked}", file=sys.stderr)
        return EXIT_LOCKED
    print(f"demo world: {summary.rows} participant rows from {summary.files} files in {settings.landing_root}")
    publish_date = date.fromisoformat(args.publish_date) if args.publish_date else date.today()
    secret = os.environ.get("PERSON_KEY_SECRET") or DEMO_SECRET
    report = _run_or_exit_code(settings, secret, publish_date=publish_date, instance=_instance(), workers=args.workers)
    if isinstance(report, int):
        return report
    _print_report(report)
    print(f"\nwarehouse: {settings.warehouse_url}; exports in {settings.data_dir / 'exports'}")
    from pipelines.resources import StagingStore

    linked = StagingStore(data_dir=str(settings.data_dir)).read("linked", "_all")
    print(compare_with_truth(report.headline, settings.landing_root, settings.registry_path, publish_date, linked))
    return _print_office_problems(report)


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    secret = os.environ.get("PERSON_KEY_SECRET")
    if not secret:
        print("PERSON_KEY_SECRET is not set: it keys the pseudonymous person keys; set it to a long random secret "
              "and keep it (changing it renumbers every person).", file=sys.stderr)
        return 2
    publish_date = date.fromisoformat(args.publish_date) if args.publish_date else None
    report = _run_or_exit_code(
        settings, secret, publish_date=publish_date, instance=_instance(), workers=args.workers,
        skip_unchanged=args.only_changed,
    )
    if isinstance(report, int):
        return report
    _print_report(report)
    _print_timings(report)
    print(f"\nwarehouse: {settings.warehouse_url}")
    return _print_office_problems(report)


def parse_row_ref(text: str) -> dict:
    """``office/file[#sheet]:row`` -> provenance dict (the row number a person sees in Excel)."""
    try:
        office_id, rest = text.split("/", 1)
        file_sheet, row = rest.rsplit(":", 1)
        source_file, _, sheet = file_sheet.partition("#")
        ref = {"office_id": office_id, "source_file": source_file, "source_row": int(row)}
    except ValueError:
        raise SystemExit(f"cannot read row reference {text!r}: expected office/file[#sheet]:row, "
                         "e.g. kab-kutai-timur/peserta_mtu_2024.xlsx#Peserta:12") from None
    if sheet:
        ref["source_sheet"] = sheet
    return ref


def cmd_why(args: argparse.Namespace) -> int:
    from linkage.link import explain_links
    from pipelines.resources import StagingStore

    staging = StagingStore(data_dir=str(_settings(args).data_dir))
    rows, links = staging.read("linked", "_all"), staging.read("linked", "links")
    a, b = parse_row_ref(args.row_a), parse_row_ref(args.row_b)
    try:
        path = explain_links(rows, links, a, b)
    except ValueError as error:
        print(f"no such row: {error}", file=sys.stderr)
        return 2
    if path.empty:
        print("different persons: no chain of links joins these rows")
        return 1
    print(f"one person ({path['person_key'].iloc[0]}), through {len(path)} link(s):")
    for link in path.itertuples(index=False):
        print(f"  {link.office_id_l}/{link.source_file_l}:{link.source_row_l} -- "
              f"{link.office_id_r}/{link.source_file_r}:{link.source_row_r}")
        print(f"    {link.method} ({link.kind}): {link.evidence}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``sertifikasi`` command."""
    parser = argparse.ArgumentParser(prog="sertifikasi", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="generate the demo world and run everything into the embedded warehouse")
    demo.add_argument("--rows", type=int, default=5000, help="participant rows to generate (default 5000)")
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--data-dir", help="data directory (default: $SERTIFIKASI_DATA_DIR or ./data)")
    demo.add_argument("--publish-date", help="ISO date certificates are judged active on (default: today)")
    demo.add_argument("--workers", type=int, default=default_workers(),
                      help="office ingests run on this many processes (default: $SERTIFIKASI_WORKERS or the cores)")
    demo.set_defaults(func=cmd_demo)

    run = sub.add_parser("run", help="run the pipeline on your landing folder and registry into WAREHOUSE_URL")
    run.add_argument("--landing", help="landing root with one folder per office id (default: $SERTIFIKASI_LANDING)")
    run.add_argument("--registry", help="office registry YAML (default: $SERTIFIKASI_REGISTRY or sources/offices.yaml)")
    run.add_argument("--warehouse-url", help="SQLAlchemy URL (default: $WAREHOUSE_URL or a DuckDB file in the data dir)")
    run.add_argument("--data-dir", help="staging data directory (default: $SERTIFIKASI_DATA_DIR or ./data)")
    run.add_argument("--publish-date", help="ISO date certificates are judged active on (default: today)")
    run.add_argument("--workers", type=int, default=default_workers(),
                     help="office ingests run on this many processes (default: $SERTIFIKASI_WORKERS or the cores, "
                          "at most 8; 1 runs them one after the other in this process)")
    run.add_argument("--only-changed", action="store_true",
                     help="skip offices whose landing files (sha256), registry entry and ingest code did not change "
                          "since their last ingest today; the publish still reads every office")
    run.set_defaults(func=cmd_run)

    why = sub.add_parser("why", help="why are these two input rows one person? (after a run)")
    why.add_argument("row_a", help="office/file[#sheet]:row, e.g. kab-kutai-timur/peserta_mtu_2024.xlsx#Peserta:12")
    why.add_argument("row_b", help="the other row, same form")
    why.add_argument("--data-dir", help="data directory (default: $SERTIFIKASI_DATA_DIR or ./data)")
    why.set_defaults(func=cmd_why)

    args = parser.parse_args(argv)
    return args.func(args)
