"""Each office's file format: one writer per office habit (DOMAIN "What the offices' files look like").

``WRITERS`` maps an office spec's ``fmt`` to its writer; :func:`write_office` writes
one office's rows (its files, its attendance lists, Muara Enim's unreadable files)
and reports where every row went (:class:`demo.formats.base.WriterReport`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from demo.formats.attendance import write_attendance_lists
from demo.formats.base import ROW_FIELDS, OfficeContext, WriterReport, empty_report
from demo.formats.csv_export import write_csv_export
from demo.formats.kalsel import write_kalsel
from demo.formats.kaltim import write_kaltim
from demo.formats.kutim import write_kutim
from demo.formats.muaro_jambi import write_muaro_jambi
from demo.formats.standard import write_standard_xlsx
from demo.formats.unreadable import write_unreadable_files
from demo.landing import MISPLACED_DIR
from demo.persons import _Tokens, _World
from demo.specs import OfficeSpec
from sources.registry import Office


WRITERS: dict[str, Callable] = {
    "kutim": write_kutim,
    "kaltim": write_kaltim,
    "muaro-jambi": write_muaro_jambi,
    "kalsel": write_kalsel,
    "palembang": lambda df, ctx, out: write_csv_export(df, ctx, out, palembang=True),
    "samarinda": lambda df, ctx, out: write_csv_export(df, ctx, out, palembang=False),
    "kukar": lambda df, ctx, out: write_standard_xlsx(df, ctx, out, kind="kukar"),
    "muara-enim": lambda df, ctx, out: write_standard_xlsx(df, ctx, out, kind="muara-enim"),
    "generic": lambda df, ctx, out: write_standard_xlsx(df, ctx, out, kind="generic"),
}


@dataclass
class WriterWorld:
    """What the writers need of the world: persons of one office (pids remapped), vocabularies.

    Kept small and picklable so that offices could be written by separate processes.
    """

    cat: dict[str, np.ndarray]
    place_names: list[str]
    tokens: "_Tokens"
    offices: dict[str, Office]


def office_task(world: _World, office: Office, spec: OfficeSpec, seed: int, folder: Path, sub: pd.DataFrame,
                 xls_max_rows: int) -> dict:
    """Everything one office's writer needs, small enough to send to another process."""
    sub = sub.reset_index(drop=True).copy()
    pid = sub["pid"].to_numpy()
    real = pid >= 0
    used, local = np.unique(pid[real], return_inverse=True)
    new_pid = np.full(len(pid), -1, dtype=np.int64)
    new_pid[real] = local
    sub["pid"] = new_pid
    cat = {name: values[used] for name, values in world.cat.items()}
    view = WriterWorld(cat=cat, place_names=world.place_names, tokens=world.tokens, offices=world.offices)
    return {"world": view, "office": office, "spec": spec, "seed": seed, "folder": folder, "rows": sub,
            "xls_max_rows": xls_max_rows}


def write_office(task: dict, progress=None) -> WriterReport:
    """Write one office's files (and Muara Enim's unreadable ones)."""
    office, spec, sub, folder = task["office"], task["spec"], task["rows"], Path(task["folder"])
    folder.mkdir(parents=True, exist_ok=True)
    ctx = OfficeContext(task["world"], office, spec, task["seed"], folder, progress, task["xls_max_rows"])
    local = empty_report(len(sub))
    attendance = (sub["special"].to_numpy() == 6) & ~sub["group"].str.startswith("DAFTAR_PESERTA_MTU").to_numpy()
    if (sub["group"].str.startswith(MISPLACED_DIR + "/")).any():
        (folder / MISPLACED_DIR).mkdir(exist_ok=True)
    for mask, writer in ((~attendance, WRITERS[spec.fmt]), (attendance, write_attendance_lists)):
        pos = np.flatnonzero(mask)
        if not len(pos):
            continue
        part = empty_report(len(pos))
        writer(sub.iloc[pos].reset_index(drop=True), ctx, part)
        for name in ROW_FIELDS:
            getattr(local, name)[pos] = getattr(part, name)
        local.files.extend(part.files)
        local.junk.extend(part.junk)
    if spec.fmt == "muara-enim":
        write_unreadable_files(ctx, local)
    return local


def write_offices(tasks: list[dict], bar) -> list[WriterReport]:
    """Write every office task in turn (``bar``: a progress bar or None); one report per task."""
    # One process: on the 2-core reference machine two writer processes measured slower
    # (pure-Python writing scaled 1.15x, pickling the office slices cost more).
    return [write_office(task, bar) for task in tasks]
