"""Each office's file format: one writer per office habit (DOMAIN "What the offices' files look like").

``WRITERS`` maps an office spec's ``fmt`` to its writer; :func:`_write_office` writes
one office's rows (its files, its attendance lists, Muara Enim's unreadable files)
and reports where every row went (:class:`demo.formats.base._Out`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from demo.formats.attendance import _write_attendance
from demo.formats.base import _Ctx, _new_out, _Out
from demo.formats.csv_export import _write_csv
from demo.formats.kalsel import _write_kalsel
from demo.formats.kaltim import _write_kaltim
from demo.formats.kutim import _write_kutim
from demo.formats.muaro_jambi import _write_muaro_jambi
from demo.formats.standard import _write_standard_xlsx
from demo.formats.unreadable import _bad_files
from demo.landing import MISPLACED_DIR
from demo.persons import _Tokens, _World
from demo.specs import OfficeSpec
from sources.registry import Office


WRITERS: dict[str, Callable] = {
    "kutim": _write_kutim,
    "kaltim": _write_kaltim,
    "muaro-jambi": _write_muaro_jambi,
    "kalsel": _write_kalsel,
    "palembang": lambda df, ctx, out: _write_csv(df, ctx, out, palembang=True),
    "samarinda": lambda df, ctx, out: _write_csv(df, ctx, out, palembang=False),
    "kukar": lambda df, ctx, out: _write_standard_xlsx(df, ctx, out, kind="kukar"),
    "muara-enim": lambda df, ctx, out: _write_standard_xlsx(df, ctx, out, kind="muara-enim"),
    "generic": lambda df, ctx, out: _write_standard_xlsx(df, ctx, out, kind="generic"),
}


@dataclass
class _WriterWorld:
    """What the writers need of the world: persons of one office (pids remapped), vocabularies.

    Kept small and picklable so that offices could be written by separate processes.
    """

    cat: dict[str, np.ndarray]
    place_names: list[str]
    tokens: "_Tokens"
    offices: dict[str, Office]


def _office_task(world: _World, office: Office, spec: OfficeSpec, seed: int, folder: Path, sub: pd.DataFrame,
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
    view = _WriterWorld(cat=cat, place_names=world.place_names, tokens=world.tokens, offices=world.offices)
    return {"world": view, "office": office, "spec": spec, "seed": seed, "folder": folder, "rows": sub,
            "xls_max_rows": xls_max_rows}


def _write_office(task: dict, progress=None) -> _Out:
    """Write one office's files (and Muara Enim's unreadable ones)."""
    office, spec, sub, folder = task["office"], task["spec"], task["rows"], Path(task["folder"])
    folder.mkdir(parents=True, exist_ok=True)
    ctx = _Ctx(task["world"], office, spec, task["seed"], folder, progress, task["xls_max_rows"])
    local = _new_out(len(sub))
    attendance = (sub["special"].to_numpy() == 6) & ~sub["group"].str.startswith("DAFTAR_PESERTA_MTU").to_numpy()
    if (sub["group"].str.startswith(MISPLACED_DIR + "/")).any():
        (folder / MISPLACED_DIR).mkdir(exist_ok=True)
    for mask, writer in ((~attendance, WRITERS[spec.fmt]), (attendance, _write_attendance)):
        pos = np.flatnonzero(mask)
        if not len(pos):
            continue
        part = _new_out(len(pos))
        writer(sub.iloc[pos].reset_index(drop=True), ctx, part)
        for name in ("source_file", "source_sheet", "source_row", "written_terbit", "written_berlaku",
                     "written_nomor", "written_nik", "written_nama"):
            getattr(local, name)[pos] = getattr(part, name)
        local.files.extend(part.files)
        local.junk.extend(part.junk)
    if spec.fmt == "muara-enim":
        _bad_files(ctx, local)
    return local


def _run_tasks(tasks: list[dict], bar) -> list[_Out]:
    # One process: on the 2-core reference machine two writer processes measured slower
    # (pure-Python writing scaled 1.15x, pickling the office slices cost more).
    return [_write_office(task, bar) for task in tasks]
