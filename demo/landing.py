"""What else arrives in a landing folder (DOMAIN): revisions, misplaced files, attendance lists, copies.

Two moments: before writing, :func:`add_variant_rows` adds the rows of first versions,
earlier exports in the wrong folder and attendance lists (the writers write them
like any other rows); after writing, :func:`arrange_landing` gives those files their
status, moves misplaced and foreign files to the folder they landed in, and copies
some files under a browser's or sync tool's name.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from demo.common import _obj, _rng
from demo.specs import SKILLED, OfficeSpec, _SKILLED_J
from sources.registry import Office


SPECIAL_EXPECTED = {
    1: "quarantine:no_identity",
    2: "quarantine:jenjang_unreadable",
    4: "superseded",  # the first version of a file a revision replaces
    5: "held:wrong_office",  # another office's file in this folder
    6: "attendance",  # attendance or registration list: participants, not certifications
}
FILE_STATUS = {4: "superseded", 5: "held", 6: "attendance"}
# Offices whose files get revisions (a province's workbook carries its Rekap sheet, a portal sends no revisions).
REVISING_FORMATS = frozenset({"kutim", "palembang", "samarinda", "kukar", "muara-enim", "generic"})
# What a clerk appends to a corrected file's name (DOMAIN: "_revisi, _rev, _final, _baru"): drawn per revised
# file, so one office's corrections are not all named alike.
REVISION_SUFFIXES = ("_revisi", "_rev", "_final", "_baru", "_perbaikan", " revisi", " (revisi)", "_rev2", "_REVISI",
                     " FINAL", "_revisi 2", "_fix")
# names another writer uses for a file of its own (Muara Enim's corrupt "_revisi" workbook)
RESERVED_NAMES = frozenset({"REKAP_PESERTA_SKK_2022_revisi.xlsx"})


REVISION_GROUPS = (1, 2)  # revised files per office that has two files or more (two only with three or more)
# share of an office's programs (files; Kutai Timur: kecamatan) with an attendance list, drawn per office in
# this range (some offices send the Daftar Hadir of every batch, others almost never)
ATTENDANCE_SHARE = (0.05, 0.3)
ATTENDANCE_NO_SHOW = 0.05  # registered, on the list, never assessed
COPY_OFFICE_SHARE = 0.6  # offices with a file twice under a copy name (one or two such copies)
COPY_NAMES = ("{stem} (1){ext}", "{stem} - Copy{ext}", "{stem}_salinan{ext}", "Copy of {stem}{ext}", "{stem} (2){ext}",
              "{stem} - Salinan{ext}", "{stem} - Copy (2){ext}", "Salinan {stem}{ext}", "{stem} (salinan){ext}",
              "{stem} copy{ext}")


MISPLACED_DIR = "_misplaced"
# Files that land in the wrong office's folder: (producer, receiver, how). "copy": a byte-identical
# copy of a file the producer also has in its own folder; "earlier": an earlier export of one of the
# producer's files; "foreign": a file of an office outside the registry (only ever in this folder).
MISPLACED = (
    ("kab-kutai-kartanegara", "kab-kutai-timur", "copy"),
    ("kota-samarinda", "kab-kutai-kartanegara", "earlier"),
    ("kab-lahat", "kab-muara-enim", "foreign"),
)
FOREIGN_OFFICES = {
    "kab-lahat": (
        Office(id="kab-lahat", name="Dinas PUPR Kabupaten Lahat", level="regency", region_code="16.04",
               landing="kab-lahat"),
        OfficeSpec(fmt="generic", share=0.012, families=SKILLED, jenjang=_SKILLED_J, years={2024: 1.0},
                   home=(("16.04", 0.9), ("16.03", 0.04), ("16", 0.06)), upper=0.4),
        "Rekap Peserta Uji Kompetensi Kabupaten Lahat {year}.xlsx",
    ),
}
_ATTENDANCE_FILE = {
    "kutim": "DAFTAR_HADIR_MTU_{year}.xlsx",
    "kaltim": "DAFTAR HADIR PESERTA PELATIHAN {year}.xlsx",
    "muaro-jambi": "Daftar Hadir BIMTEK Operator Alat Berat {year}.xlsx",
    "kukar": "Daftar Peserta Pendaftaran Sertifikasi {year}.xlsx",
    "muara-enim": "DAFTAR_HADIR_UJI_KOMPETENSI_{year}.xlsx",
    "generic": "daftar_hadir_{year}.xlsx",
    "samarinda": "daftar_peserta_{year}.xlsx",
    "palembang": "Daftar Hadir Sertifikasi Operator {year}.xlsx",
}


def _with_suffix(name: str, suffix: str) -> str:
    """``name`` with ``suffix`` before its extension (the revised file's name)."""
    dot = name.rfind(".")
    return name[:dot] + suffix + name[dot:]


def _smaller_half(names: list[str], column: pd.Series) -> list[str]:
    """The files of at most the median size (a revision or a copy of the biggest file would dominate the world)."""
    sizes = column.value_counts()
    counts = np.array([sizes.get(n, 0) for n in names])
    return [n for n, k in zip(names, counts.tolist()) if k <= np.median(counts)]


def _variant_rows(rows: pd.DataFrame, special: int, group: str, rng, keep: float, later_numbers: float) -> pd.DataFrame:
    """Another version of ``rows`` (a file's rows): some rows missing, some numbers not yet arrived."""
    v = rows[rng.random(len(rows)) < keep].copy()
    v["special"] = np.int8(special)
    v["group"] = group
    issued = (v["hasil"].to_numpy() == 1) & v["certificate_id"].notna().to_numpy()
    later = issued & (rng.random(len(v)) < later_numbers)
    v.loc[later, "pending"] = True
    v.loc[later, "certificate_id"] = None
    v.loc[later, "issue"] = np.datetime64("NaT")
    v.loc[later, "expiry"] = np.datetime64("NaT")
    return v


def add_variant_rows(parts: pd.DataFrame, specs: dict[str, OfficeSpec], seed: int) -> pd.DataFrame:
    """Superseded first versions, misplaced files, attendance lists (rows the writers then write)."""
    rng = _rng(seed, "variants")
    office_col = parts["office_id"].to_numpy()
    base = parts["special"].isin([0, 1, 2]).to_numpy()  # the offices' own rows, before any variant
    extra = []
    for office_id, spec in specs.items():
        if office_id in FOREIGN_OFFICES:
            continue
        mine = base & (office_col == office_id)
        extra.extend(_first_versions(parts, mine, spec, rng))
        extra.extend(_attendance_lists(parts, mine, spec, rng))
    extra.extend(_earlier_exports(parts, base, office_col, specs, rng))
    if extra:
        parts = pd.concat([parts, *extra], ignore_index=True)
    return parts


def _first_versions(parts: pd.DataFrame, mine: np.ndarray, spec: OfficeSpec, rng) -> list[pd.DataFrame]:
    """A revision: the office sends a corrected file; the first version stays in the folder.

    The revised file takes the suffix (its rows are renamed in ``parts``); the first
    version misses ~6% of the rows, shows ~40% of its numbers as not yet arrived and
    ~3% of results typed wrong.
    """
    groups = sorted(set(parts.loc[mine, "group"].tolist()))
    if spec.fmt not in REVISING_FORMATS or len(groups) < 2:
        return []
    pool = _smaller_half(groups[:-1], parts.loc[mine, "group"])
    k = min(int(rng.choice(REVISION_GROUPS)) if len(groups) >= 3 else 1, len(pool))
    firsts = []
    for g in sorted(rng.choice(pool, size=k, replace=False).tolist()):
        suffix = _revision_suffix(g, rng)
        rows = mine & (parts["group"].to_numpy() == g)
        first = _variant_rows(parts[rows], 4, g, rng, keep=0.94, later_numbers=0.4)
        if len(first) == int(rows.sum()) and len(first) > 1:  # a small file: the revision adds one row at least
            first = first.drop(index=first.index[int(rng.integers(0, len(first)))])
        first = first[first["special"] != 1]  # a no-identity row was added in the revision
        flip = rng.random(len(first)) < 0.03  # a result typed wrong in the first version
        first.loc[flip, "hasil"] = np.where(first.loc[flip, "hasil"].to_numpy() == 1, 0, 1).astype(np.int8)
        first.loc[flip, ["certificate_id"]] = None
        first.loc[flip, "pending"] = False
        first.loc[flip, "issue"] = np.datetime64("NaT")
        first.loc[flip, "expiry"] = np.datetime64("NaT")
        parts.loc[rows, "group"] = _with_suffix(g, suffix)
        firsts.append(first)
    return firsts


def _revision_suffix(group: str, rng) -> str:
    """A corrected file's suffix, drawn per file; never one that names another file of the folder."""
    options = [x for x in REVISION_SUFFIXES if _with_suffix(group, x) not in RESERVED_NAMES]
    return options[int(rng.integers(0, len(options)))]


def _attendance_lists(parts: pd.DataFrame, mine: np.ndarray, spec: OfficeSpec, rng) -> list[pd.DataFrame]:
    """Attendance / registration lists of some of an office's programs, made before the assessment:
    no jenjang result and no number (Kutai Timur: a "DH <kecamatan>" sheet in the results workbook)."""
    stem = _ATTENDANCE_FILE.get(spec.fmt)
    if not stem or spec.fmt == "kalsel":
        return []
    sheet_col = parts["sheet"].to_numpy()
    units = sorted(set(zip(parts.loc[mine, "group"].tolist(), sheet_col[mine].tolist())))
    low, high = ATTENDANCE_SHARE
    share = low + (high - low) * float(rng.random())
    k = max(1, int(round(len(units) * share)))
    lists = []
    for u in rng.choice(len(units), size=min(k, len(units)), replace=False).tolist():
        g, sh = units[u]
        listed = _on_the_list(parts, mine, g, sh, sheet_col, rng)
        if not len(listed):
            continue
        year = int(listed["year"].iat[0])
        if spec.fmt == "kutim":  # a sheet of the results workbook, before the kecamatan's results
            listed["sheet"] = f"DH {sh}"
        else:
            listed["group"] = stem.format(year=year)
        listed["special"] = np.int8(6)
        listed["hasil"] = np.int8(-1)
        listed["pending"] = False
        listed["certificate_id"] = None
        listed["issue"] = np.datetime64("NaT")
        listed["expiry"] = np.datetime64("NaT")
        lists.append(listed)
    return lists


def _on_the_list(parts: pd.DataFrame, mine: np.ndarray, group: str, sheet: str, sheet_col: np.ndarray,
                 rng) -> pd.DataFrame:
    """The persons on one program's list: its participants, plus ~5% registered persons of the same
    office who never sat the assessment."""
    real = parts["pid"].to_numpy() >= 0
    rows = mine & (parts["group"].to_numpy() == group) & (sheet_col == sheet) & real
    listed = parts[rows].copy()
    others = np.flatnonzero(mine & ~rows & real)
    n_absent = min(len(others), int(round(len(listed) * ATTENDANCE_NO_SHOW)))
    if n_absent:
        absent = parts.iloc[np.sort(rng.choice(others, size=n_absent, replace=False))].copy()
        for col in ("group", "year", "sheet", "sheet_order", "program"):
            absent[col] = listed[col].iat[0] if len(listed) else absent[col]
        listed = pd.concat([listed, absent])
    return listed


def _earlier_exports(parts: pd.DataFrame, base: np.ndarray, office_col: np.ndarray, specs: dict[str, OfficeSpec],
                     rng) -> list[pd.DataFrame]:
    """MISPLACED "earlier": an earlier export of one of the producer's files, bound for the receiver's folder.

    ("copy" is a byte copy made after writing; a "foreign" office's rows are its own, sent
    to the receiver by generate_world.)
    """
    earlier_files = []
    for producer, receiver, how in MISPLACED:
        if producer not in specs or receiver not in specs or how == "foreign":
            continue
        mine = base & (office_col == producer)
        groups = sorted(set(parts.loc[mine, "group"].tolist()))
        if not groups or how != "earlier":
            continue
        g = groups[int(rng.integers(0, len(groups)))]
        rows = mine & (parts["group"].to_numpy() == g)
        earlier = _variant_rows(parts[rows], 5, f"{MISPLACED_DIR}/{g}", rng, keep=0.85, later_numbers=0.5)
        earlier["dest"] = receiver
        earlier_files.append(earlier)
    return earlier_files


def arrange_landing(landing_root: Path, all_offices: dict[str, Office], offices: dict[str, Office],
                    rows: pd.DataFrame, files: pd.DataFrame, junk: pd.DataFrame, seed: int):
    """After writing: first versions and misplaced files get their status, misplaced and foreign files
    move to the folder they landed in, and some files are copied under a browser's or sync tool's name.

    Takes and returns the truth's rows, files and junk tables (rows lose their working columns).
    """
    rng = _rng(seed, "landing-mess")
    _status_from_rows(rows, files)
    _link_first_versions(rows, files)
    _move_misplaced(landing_root, all_offices, offices, rows, files, junk)
    _remove_empty_folders(landing_root, all_offices, offices)
    files = files[files["office_id"].isin(offices)].reset_index(drop=True)
    copies = _Copies(landing_root, offices, rows, files, junk)
    _copy_misplaced(copies, rng)
    _browser_copies(copies, rng)
    rows, files, junk = copies.tables()
    return _final_columns(rows), files, junk


def _status_from_rows(rows: pd.DataFrame, files: pd.DataFrame) -> None:
    """A file's status follows its rows (writers report every file "ok"): superseded, held, attendance."""
    grouped = rows.groupby(["office_id", "source_file"])["special_kind"]
    kinds = grouped.first().where(grouped.nunique() == 1, -1)  # a file of one kind of rows only
    for i, f in enumerate(files.itertuples()):
        kind = kinds.get((f.office_id, f.source_file))
        if kind in FILE_STATUS and f.expected_status == "ok":
            files.iat[i, files.columns.get_loc("expected_status")] = FILE_STATUS[kind]


def _link_first_versions(rows: pd.DataFrame, files: pd.DataFrame) -> None:
    """Each first version names the revision that replaces it."""
    first = rows[rows["special_kind"] == 4].drop_duplicates(["office_id", "source_file"])
    for f in first.itertuples():
        stem = f.source_file.rsplit(".", 1)[0]
        revised = [n for o, n in zip(files["office_id"], files["source_file"])
                   if o == f.office_id and n != f.source_file and n.startswith(stem)
                   and n.rsplit(".", 1)[0][len(stem):] in REVISION_SUFFIXES]
        same = revised[0] if revised else ""
        files.loc[(files["office_id"] == f.office_id) & (files["source_file"] == f.source_file), "why"] = (
            f"first version, replaced by {same}")
        files.loc[(files["office_id"] == f.office_id) & (files["source_file"] == f.source_file), "same_as"] = same


def _move_misplaced(landing_root: Path, all_offices: dict[str, Office], offices: dict[str, Office],
                    rows: pd.DataFrame, files: pd.DataFrame, junk: pd.DataFrame) -> None:
    """Misplaced and foreign files move into the receiving office's folder (the tables follow)."""
    moving = rows[rows["dest"] != ""].drop_duplicates(["office_id", "source_file"])[["office_id", "source_file", "dest"]]
    for m in moving.itertuples():
        producer, receiver = all_offices[m.office_id], all_offices[m.dest]
        name = m.source_file.split("/", 1)[1] if m.source_file.startswith(MISPLACED_DIR + "/") else m.source_file
        target = receiver.landing_dir(landing_root) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(producer.landing_dir(landing_root) / m.source_file), str(target))
        for frame in (rows, junk, files):
            hit = (frame["office_id"] == m.office_id) & (frame["source_file"] == m.source_file)
            frame.loc[hit, "source_file"] = name
            frame.loc[hit, "office_id"] = m.dest
        files.loc[(files["office_id"] == m.dest) & (files["source_file"] == name), "why"] = (
            f"a file of {producer.region_name} in the wrong office's folder: hold back for the engineer")
        if m.office_id in offices:
            files.loc[(files["office_id"] == m.dest) & (files["source_file"] == name), "same_as"] = (
                f"{m.office_id}/{name}")


def _remove_empty_folders(landing_root: Path, all_offices: dict[str, Office], offices: dict[str, Office]) -> None:
    """The emptied ``_misplaced`` folders, and the foreign offices' folders (they are not in the registry)."""
    for office in all_offices.values():
        for folder in (office.landing_dir(landing_root) / MISPLACED_DIR, office.landing_dir(landing_root)):
            if office.id not in offices or folder.name == MISPLACED_DIR:
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()


@dataclass
class _Copies:
    """Files copied after writing, and the truth rows, junk rows and file entries the copies add."""

    landing_root: Path
    offices: dict[str, Office]
    rows: pd.DataFrame
    files: pd.DataFrame
    junk: pd.DataFrame
    new_rows: list[pd.DataFrame] = field(default_factory=list)
    new_junk: list[pd.DataFrame] = field(default_factory=list)
    new_files: list[pd.DataFrame] = field(default_factory=list)

    def copy(self, src_office: str, name: str, dst_office: str, dst_name: str, status: str, expected: str,
             why: str) -> None:
        """Copy ``src_office/name`` to ``dst_office/dst_name``, its rows expected as ``expected``."""
        rows, junk = self.rows, self.junk
        src = self.offices[src_office].landing_dir(self.landing_root) / name
        dst = self.offices[dst_office].landing_dir(self.landing_root) / dst_name
        shutil.copyfile(src, dst)
        r = rows[(rows["office_id"] == src_office) & (rows["source_file"] == name)].copy()
        r["office_id"], r["source_file"], r["expected"], r["copy_of"] = dst_office, dst_name, expected, \
            f"{src_office}/{name}"
        self.new_rows.append(r)
        j = junk[(junk["office_id"] == src_office) & (junk["source_file"] == name)].copy()
        j["office_id"], j["source_file"] = dst_office, dst_name
        self.new_junk.append(j)
        self.new_files.append(pd.DataFrame([{"office_id": dst_office, "source_file": dst_name,
                                             "expected_status": status, "why": why, "same_as": f"{src_office}/{name}"}]))

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """Rows, files and junk, the copies' entries after the originals."""
        rows = pd.concat([self.rows, *self.new_rows], ignore_index=True)
        junk = pd.concat([self.junk, *self.new_junk], ignore_index=True)
        files = pd.concat([self.files, *self.new_files], ignore_index=True)
        return rows, files, junk


MISPLACED_PAIR_SHARE = 0.4  # of the other pairs of neighbouring offices: a file of one in the other's folder


def _neighbour_pairs(offices: dict[str, Office], rng) -> list[tuple[str, str, str]]:
    """Besides :data:`MISPLACED`, pairs of regency/city offices of one province where a file of the first
    lands in the second's folder (a shared drive, a colleague's e-mail forwarded), each with
    :data:`MISPLACED_PAIR_SHARE`. Only into folders the registry gives no reader settings (a pinned sheet
    or date order is the office's own file layout, which another office's file does not follow)."""
    fixed = {(p, r) for p, r, _ in MISPLACED}
    local = sorted(o.id for o in offices.values() if o.level != "province")
    pairs = []
    for producer in local:
        for receiver in local:
            if producer == receiver or (producer, receiver) in fixed or (receiver, producer) in fixed:
                continue
            if offices[producer].province_code != offices[receiver].province_code:
                continue
            if offices[receiver].reader != type(offices[receiver].reader)():
                continue
            if rng.random() < MISPLACED_PAIR_SHARE:
                pairs.append((producer, receiver, "copy"))
    return pairs


def _copy_misplaced(copies: _Copies, rng) -> None:
    """MISPLACED "copy" (and :func:`_neighbour_pairs`): another office's file, byte-identical to the one in
    its own folder."""
    files, offices = copies.files, copies.offices
    for producer, receiver, how in (*MISPLACED, *_neighbour_pairs(offices, rng)):
        if how != "copy" or producer not in offices or receiver not in offices:
            continue
        own = files[(files["office_id"] == producer) & (files["expected_status"] == "ok")]["source_file"].tolist()
        own = [n for n in own if not (offices[receiver].landing_dir(copies.landing_root) / n).exists()]
        if own:
            name = own[int(rng.integers(0, len(own)))]
            copies.copy(producer, name, receiver, name, "held", "held:wrong_office",
                        f"a file of {offices[producer].region_name} in the wrong office's folder (also in its own)")


def _browser_copies(copies: _Copies, rng) -> None:
    """Browser / sync copies in about 60% of the offices: the same bytes under another name ("X (1).xlsx"),
    one or two of them (two files, or one file twice under two names)."""
    files, rows = copies.files, copies.rows
    for office_id in sorted(copies.offices):
        if rng.random() >= COPY_OFFICE_SHARE:
            continue
        own = files[(files["office_id"] == office_id) & (files["expected_status"] == "ok")]["source_file"].tolist()
        own = [n for n in own if n in set(rows.loc[rows["office_id"] == office_id, "source_file"])]
        if not own:
            continue
        own = _smaller_half(own, rows.loc[rows["office_id"] == office_id, "source_file"])
        taken: set[str] = set()
        for _ in range(1 + int(rng.random() < 0.35)):
            name = own[int(rng.integers(0, len(own)))]
            stem, ext = name.rsplit(".", 1)
            copy_name = COPY_NAMES[int(rng.integers(0, len(COPY_NAMES)))].format(stem=stem, ext="." + ext)
            if copy_name in taken or (copies.offices[office_id].landing_dir(copies.landing_root) / copy_name).exists():
                continue
            taken.add(copy_name)
            copies.copy(office_id, name, office_id, copy_name, "duplicate", "duplicate",
                        f"byte-identical copy of {name}: count once")


def _final_columns(rows: pd.DataFrame) -> pd.DataFrame:
    """The truth rows without working columns; missing values as None in the object columns."""
    rows = rows.drop(columns=["special_kind", "dest"])
    for column in ("true_nik", "written_nik", "written_nama", "nomor_sertifikat", "certificate_id", "hasil"):
        values = rows[column].to_numpy(dtype=object, copy=True)
        values[pd.isna(values)] = None
        rows[column] = _obj(values)
    return rows
