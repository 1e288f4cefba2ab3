"""Analyst exports at each publish: the headline table as xlsx, and one chart as PNG and HTML.

The functions take the published frames (as :func:`warehouse.star.build_star`
returns them, or as read back from the warehouse) and an output folder, and
return the paths they wrote. The chart shows distinct certified persons per
region and kualifikasi (``certified_workers_by_region_kualifikasi``: persons are
not summed over jenjang) next to each office's target progress
(``target_progress``). The HTML file is self-contained (inline SVG, no script,
no network) with the numbers as tables under the chart.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from warehouse import schema

HEADLINE_XLSX = "certified_workers_by_region_level.xlsx"
CHART_STEM = "certified_workers_and_targets"
KUALIFIKASI_ORDER = ("Operator", "Teknisi/Analis", "Ahli")
KUALIFIKASI_COLOURS = {"Operator": "#4C78A8", "Teknisi/Analis": "#F58518", "Ahli": "#54A24B"}
STATUS_COLOURS = {
    "met": "#2E7D32",
    "on_track": "#66BB6A",
    "behind": "#EF6C00",
    "missed": "#C62828",
    "baseline_open": "#9E9E9E",
    "not_started": "#BDBDBD",
}


@dataclass(frozen=True)
class ChartFiles:
    """Where :func:`render_chart` wrote the chart."""

    png: Path
    html: Path


def export_headline_xlsx(headline: pd.DataFrame, out_dir: Path | str, publish_date: date | None = None) -> Path:
    """Write ``certified_workers_by_region_level`` to an xlsx file; returns its path.

    Sheet ``certified_workers`` holds the table (codes as text, header frozen,
    filters on); sheet ``columns`` explains each column (the schema comments).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / HEADLINE_XLSX
    table = schema.certified_workers_by_region_level
    columns = [column.name for column in table.columns]
    frame = headline[columns].sort_values(["region_code", "jenjang"], kind="stable").reset_index(drop=True)
    stamp = datetime.combine(publish_date or date.today(), datetime.min.time())
    with pd.ExcelWriter(path, engine="xlsxwriter", engine_kwargs={"options": {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}}) as writer:
        writer.book.set_properties({"title": "Certified construction workers by region and jenjang", "created": stamp})
        frame.to_excel(writer, sheet_name="certified_workers", index=False)
        sheet = writer.sheets["certified_workers"]
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(frame), len(columns) - 1)
        for i, name in enumerate(columns):
            width = max([len(name)] + [len(str(v)) for v in frame[name].head(1000)]) + 2
            sheet.set_column(i, i, min(width, 60))
        notes = pd.DataFrame(
            {
                "column": columns,
                "meaning": [column.comment or "" for column in table.columns],
            }
        )
        if publish_date is not None:
            notes.loc[len(notes)] = ["publish_date", f"active = valid on {publish_date.isoformat()}"]
        notes.to_excel(writer, sheet_name="columns", index=False)
        writer.sheets["columns"].set_column(0, 0, 20)
        writer.sheets["columns"].set_column(1, 1, 90)
    return path


def _target_label(row) -> str:
    metric = row.metric.replace("_", " ")
    if row.kind == "growth":
        label = f"{row.region_name}: {metric} {row.target_growth:+.0%} by {row.target_year} (vs {row.baseline_year})"
    else:
        label = f"{row.region_name}: {metric} in {row.target_year}"
    if isinstance(row.note, str) and row.note:
        label += f" ({row.note})"
    return label


def _figure(by_region_kualifikasi: pd.DataFrame, target_progress: pd.DataFrame, publish_date: date | None):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    regions = (
        by_region_kualifikasi.groupby(["region_code", "region_name"])["certified_persons"].max().reset_index()
        .sort_values("region_code", ascending=False)
    )
    # Per-year targets: the publish year and the one before (the HTML table lists every year).
    latest = target_progress["target_year"].max() if publish_date is None else publish_date.year
    recent = (target_progress["kind"] != "per_year") | (target_progress["target_year"] >= latest - 1)
    targets = target_progress[recent.to_numpy(dtype=bool)].sort_values(["office_id", "metric", "target_year", "note"], ascending=False, na_position="first")
    heights = (max(len(regions), 1) * 0.55 + 1.5, max(len(targets), 1) * 0.4 + 1.5)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(15, max(heights) + 0.5), gridspec_kw={"width_ratios": [1.2, 1]}, constrained_layout=True
    )

    # Left: distinct certified persons per region, one bar per kualifikasi.
    y = np.arange(len(regions))
    bar = 0.8 / len(KUALIFIKASI_ORDER)
    for i, kualifikasi in enumerate(KUALIFIKASI_ORDER):
        cells = by_region_kualifikasi[by_region_kualifikasi["kualifikasi"] == kualifikasi].set_index("region_code")
        values = regions["region_code"].map(cells["certified_persons"]).fillna(0).to_numpy()
        active = regions["region_code"].map(cells["active_persons"]).fillna(0).to_numpy()
        # A warehouse published before the column existed has no unknown persons to show.
        unknown = regions["region_code"].map(cells.get("active_unknown_persons", pd.Series(dtype="int64"))).fillna(0).to_numpy()
        offset = (len(KUALIFIKASI_ORDER) - 1 - i) * bar - 0.4 + bar / 2
        left.barh(y + offset, values, height=bar, color=KUALIFIKASI_COLOURS[kualifikasi], alpha=0.35)
        # Persons whose validity is unknown (no date, no year) sit right after the valid ones,
        # hatched: they are neither counted valid nor shown as expired.
        left.barh(y + offset, unknown, left=active, height=bar, color="none", edgecolor=KUALIFIKASI_COLOURS[kualifikasi],
                  hatch="////", linewidth=0)
        left.barh(y + offset, active, height=bar, color=KUALIFIKASI_COLOURS[kualifikasi], label=kualifikasi)
        for yy, value in zip(y + offset, values):
            if value:
                left.text(value, yy, f" {int(value):,}", va="center", fontsize=7)
    left.set_yticks(y, [f"{name} ({code})" for code, name in zip(regions["region_code"], regions["region_name"])], fontsize=8)
    left.set_xlabel("distinct certified persons (solid: holding a valid certificate; hatched: validity unknown)")
    left.set_title("Certified workers per credited region and kualifikasi")
    left.legend(loc="lower right", fontsize=8)
    left.grid(axis="x", alpha=0.3)

    # Right: progress towards each target, with the share of the period elapsed.
    ty = np.arange(len(targets))
    progress = targets["progress"].astype("Float64").fillna(0).to_numpy(dtype=float) * 100
    colours = [STATUS_COLOURS.get(status, "#757575") for status in targets["status"]]
    right.barh(ty, np.minimum(progress, 150), color=colours)
    expected = targets["expected_progress"].astype("Float64").fillna(0).to_numpy(dtype=float) * 100
    right.scatter(expected, ty, marker="|", s=200, color="black", label="share of period elapsed", zorder=3)
    right.axvline(100, color="black", linewidth=0.8)
    for yy, row, value in zip(ty, targets.itertuples(), progress):
        right.text(min(value, 150), yy, f" {row.measured_value:,} / {row.target_value:,.0f} ({row.status})", va="center", fontsize=7)
    right.set_yticks(ty, [_target_label(row) for row in targets.itertuples()], fontsize=8)
    right.set_xlim(0, 160)
    right.set_xlabel("progress towards the target (%)")
    right.set_title("Target progress" + (f" on {publish_date.isoformat()}" if publish_date else ""))
    right.legend(loc="lower right", fontsize=8)
    right.grid(axis="x", alpha=0.3)
    return fig


def _html_table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if pd.isna(v) else html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_chart(
    by_region_kualifikasi: pd.DataFrame,
    target_progress: pd.DataFrame,
    out_dir: Path | str,
    publish_date: date | None = None,
) -> ChartFiles:
    """Render the chart to ``<out_dir>/certified_workers_and_targets.png`` and ``.html``."""
    import matplotlib.pyplot as plt

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fig = _figure(by_region_kualifikasi, target_progress, publish_date)
    try:
        png = out / f"{CHART_STEM}.png"
        fig.savefig(png, dpi=110, metadata={"Software": None})
        svg = io.StringIO()
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    finally:
        plt.close(fig)
    svg_text = svg.getvalue()
    svg_text = svg_text[svg_text.index("<svg"):]
    title = "Certified construction workers and targets"
    when = f" (publish date {publish_date.isoformat()})" if publish_date else ""
    region_columns = ["province_code", "region_code", "region_name", "kualifikasi", "certified_persons", "active_persons",
                      "active_unknown_persons"]
    target_columns = ["office_name", "metric", "kind", "note", "target_year", "baseline_value", "target_value",
                      "measured_value", "progress", "expected_progress", "status"]
    targets = target_progress[target_columns].copy()
    for column in ("progress", "expected_progress"):
        targets[column] = targets[column].map(lambda v: "" if pd.isna(v) else f"{v:.0%}")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;margin:1.5em}} table{{border-collapse:collapse;margin:1em 0;font-size:0.85em}}
td,th{{border:1px solid #ccc;padding:2px 6px;text-align:left}} svg{{max-width:100%;height:auto}}</style></head>
<body><h1>{html.escape(title + when)}</h1>
<p>Distinct certified persons per credited region and kualifikasi (pale: all certified; solid: holding a
certificate valid on the publish date; hatched: no certificate known valid and one whose validity is unknown,
because the office reported no date and no year), and each office's published target against the measured figure.
Definitions: docs/warehouse.md.</p>
{svg_text}
<h2>Certified persons per region and kualifikasi</h2>
{_html_table(by_region_kualifikasi[[c for c in region_columns if c in by_region_kualifikasi]].sort_values(["region_code", "kualifikasi"]))}
<h2>Target progress</h2>
{_html_table(targets)}
</body></html>
"""
    page_path = out / f"{CHART_STEM}.html"
    page_path.write_text(page, encoding="utf-8")
    return ChartFiles(png=png, html=page_path)


def export_all(frames: dict[str, pd.DataFrame], out_dir: Path | str, publish_date: date | None = None) -> list[Path]:
    """The xlsx and the chart from the published frames; returns the files written."""
    xlsx = export_headline_xlsx(frames["certified_workers_by_region_level"], out_dir, publish_date)
    chart = render_chart(
        frames["certified_workers_by_region_kualifikasi"], frames["target_progress"], out_dir, publish_date
    )
    return [xlsx, chart.png, chart.html]
