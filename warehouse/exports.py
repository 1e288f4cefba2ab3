"""Analyst exports at each publish: the headline table as xlsx, and the Indonesian reports.

The functions take the published frames (as :func:`warehouse.star.build_star`
returns them, or as read back from the warehouse) and an output folder, and
return the paths they wrote:

* ``certified_workers_by_region_level.xlsx``: the headline table as it is in the
  warehouse (column names and codes as in the tables, for engineers and analysts
  who join it with SQL results);
* ``laporan/``: the reports for provincial analysts, in Indonesian: a national
  one and one per province with data, each as a self-contained HTML page and an
  xlsx (:mod:`warehouse.reports`).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd

from warehouse import schema
from warehouse.reports import write_reports

HEADLINE_XLSX = "certified_workers_by_region_level.xlsx"
# The English chart of earlier versions; removed from the exports folder at each export.
OLD_CHART_STEM = "certified_workers_and_targets"


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


def export_all(frames: dict[str, pd.DataFrame], out_dir: Path | str, publish_date: date | None = None) -> list[Path]:
    """The headline xlsx, then the reports (national first, then per province: HTML, xlsx); returns the files written.

    Files of the chart earlier versions wrote (English, superseded by the reports) are removed.
    """
    out = Path(out_dir)
    xlsx = export_headline_xlsx(frames["certified_workers_by_region_level"], out, publish_date)
    for old in (out / f"{OLD_CHART_STEM}.png", out / f"{OLD_CHART_STEM}.html"):
        old.unlink(missing_ok=True)
    written = [xlsx]
    for laporan in write_reports(frames, out, publish_date):
        written += [laporan.html, laporan.xlsx]
    return written


def metadata_key(path: Path) -> str:
    """The materialization metadata key of an exported file: ``export_xlsx`` for the headline,
    ``laporan_nasional_html``, ``laporan_provinsi_64_kalimantan_timur_xlsx`` for the reports."""
    path = Path(path)
    if path.name == HEADLINE_XLSX:
        return "export_xlsx"
    return f"{path.stem}_{path.suffix.lstrip('.')}"
