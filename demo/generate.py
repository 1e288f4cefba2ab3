"""Generate a demo world: office landing folders full of messy files, plus the truth.

``generate_world(landing_root, rows)`` invents an Indonesian population of
construction workers, lets them attend the offices' programs (DOMAIN "Who sends
what"), and writes every office's files the way that office writes them (DOMAIN
"What the offices' files look like"): title rows, merged two-row headers,
numbering rows, blank rows, totals and signature blocks, legacy .xls, CSV in
Windows-1252 with ';', paged JSON, damaged NIKs and noisy names, plus a few files
that cannot be read at all. Ground truth goes to ``<landing_root>.truth/``
(see :mod:`demo.truth`).

Everyday mess, on by default (DOMAIN "What else arrives in a landing folder"):

* names as clerks write them: a name part shortened to its initial ("Supriyadi S.",
  "Abdul R. Hakim", "A. Rahman Hakim"; ~20% of rows in Kutai Timur and Muaro Jambi,
  ~30% in attendance lists, 2-10% elsewhere, never in the portal export), Muhammad
  as M./Moh./Muh./Mhd/Mochammad, pre-1972 spellings for about half of the persons
  born before 1976 (Djoko, Tjahjo, Soeparman, Jusuf, Chairul) in ~60% of their rows,
  glued honorifics and degrees ("H.Ahmad", "Hakim,S.T"), double and non-breaking
  spaces (~5% of rows), a one-letter typo (a letter wrong, missing, doubled or swapped with the
  next) at a rate drawn per office, 0.5-3% of names;
* NIK cells a VLOOKUP left as Excel's ``#N/A`` / ``#REF!`` (error cells in xlsx) in about half the
  offices, 20-60% of their missing NIKs; the province's Rekap Kabupaten without the NIK in 0-25% of its
  rows (drawn), its Kabupaten/Kota column as each regency wrote it ("Kab. Kutai Timur", "KUTIM");
* the plain workbooks' headers in another clerk's words, per year and column (~35%: "Nama Lengkap",
  "No KTP/NIK", "TTL", "Kualifikasi", "No. SKK", "Berlaku s.d."), and ~30% of them pasted together from
  printed pages ("Halaman 2" and the header again every 25-45 rows);
* a revised file next to its first version, in every office with two files or more (two revisions with
  three files or more, drawn), its suffix drawn per file (``_revisi``, ``_rev``, ``_final``, ``_baru``,
  ``_perbaikan``, `` (revisi)``, ``_rev2``, ...): the first version misses ~6% of the rows (one at least),
  shows ~40% of its numbers as not yet arrived and ~3% of results wrong;
* byte-identical copies under a browser's or sync tool's name (``X (1).xlsx``, ``X - Copy.xlsx``,
  ``X_salinan.xlsx``, ``Salinan X.xlsx``, ``X - Copy (2).xlsx``, ...) in about 60% of the offices, one or two;
* paperwork beside the data in about half the offices (:mod:`demo.paperwork`): a cover letter, a scanned
  recap, a report of the assessment as PDF, an invitation as Word document;
* files in the wrong office's folder (``MISPLACED``): a copy of Kutai Kartanegara's
  file in Kutai Timur's folder, an earlier Samarinda export in Kutai Kartanegara's,
  a file of Kabupaten Lahat (outside the registry) in Muara Enim's; and, drawn, a neighbour's
  file in another regency's folder of the same province (:func:`demo.landing._neighbour_pairs`);
* attendance and registration lists (Daftar Hadir / Daftar Peserta) for 5-30% of an
  office's programs (drawn per office) (Kutai Timur: sheets "DH <kecamatan>" inside the MTU workbook), with ~5%
  registered persons who never sat the assessment;
* Kalimantan Selatan's certification exports as the portal's English REST API;
  Muara Enim's sheets from 2023 with only dotted registration numbers
  ("16.03.2024.000117": region, year of issue, serial) and no dates;
* namesakes whose shortened names are the same: ~3% of persons take the first name of
  another person of their KTP regency and sex and a surname of the same initial
  ("Supriyadi Santoso" / "Supriyadi Susanto": both "Supriyadi S." when shortened);
* continuation rows: a person's second certificate of a program on the next line,
  name and NIK (and birth, sex) blank or a ditto mark ('"', "s.d.a", "idem", "sda",
  "-idem-"), no number of its own (Kutai Kartanegara ~6%, Muara Enim ~5%, Palembang's
  clerk CSVs ~4% of rows; Kutai Timur ~4%, its identity cells merged over both rows);
* a list of certificates only (Kutai Kartanegara, one year: name, NIK, jabatan kerja,
  jenjang, registration number; no result column, no dates);
* Samarinda's list of one year as the Google Sheets API's values JSON, one of
  Palembang's as pandas ``DataFrame.to_json()`` (orient columns, epoch-millisecond dates);
* bytes: a Palembang CSV padded with NUL bytes after its last line, Kalimantan
  Selatan's Firebase export in Windows-1252 and its per-person export with a UTF-8
  byte-order mark, a Samarinda list saved as Excel's "Unicode Text" (.txt, UTF-16 LE,
  tabs).

Deterministic: the same seed, size and registry give byte-identical files
(no clock is read; zip entries and document properties carry fixed dates).

Speed: persons and participations are drawn with numpy; files are streamed.
Spreadsheets are written by the small streaming OOXML writer in
:mod:`demo.xlsx` (why not xlsxwriter: see there). Legacy .xls goes through
xlwt (at most 65,535 rows per sheet, so big lists are split over sheets).

Layout: this module holds the world model (participations, results and
certificates, special rows, row order) and :func:`generate_world`, which calls
the steps in order. Around it: :mod:`demo.specs` (office profiles and shares),
:mod:`demo.persons` (the population), :mod:`demo.occupations` (jabatan kerja and
jenjang), :mod:`demo.programs` (which file, sheet and program a row lands in),
:mod:`demo.noise` (NIK damage, names as clerks write them), :mod:`demo.formats`
(each office's file format), :mod:`demo.landing` (revisions, misplaced files,
attendance lists, copies) and :mod:`demo.truth` (the truth files).
"""

from __future__ import annotations

import shutil
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from demo import names as V
from demo import truth as T
from demo.common import _add_years, _choice, _obj, _rng
from demo.formats import office_task, write_offices
from demo.formats.base import ROW_FIELDS, WriterReport, empty_report
from demo.formats.standard import NUMBERS_ONLY_FROM  # noqa: F401  (tests read it here)
from demo.landing import FOREIGN_OFFICES, MISPLACED, SPECIAL_EXPECTED, add_variant_rows, arrange_landing
from demo.noise import damage_niks
from demo.office_mess import add_office_mess
from demo.paperwork import add_paperwork
from demo.occupations import KUALIFIKASI_BY_JENJANG, draw_families, jabatan_titles
from demo.persons import _World
from demo.programs import PLANS, yearly_plan
from demo.specs import SPECS, OfficeSpec, _allocate, _specs_for
from sources.registry import DEFAULT_REGISTRY, Office, load_registry

WORLD_DATE = date(2026, 11, 20)  # "today" inside the world: later issue dates are still pending
SKK_YEARS = 5  # an SKK is valid five years (DOMAIN: The certificate)
OLD_SCHEME_END = date(2022, 12, 31)  # pre-2021 SKA/SKT all expired on this day (DOMAIN)
XLS_MAX_DATA_ROWS = 60_000  # legacy .xls holds 65,535 rows per sheet; keep room for titles
# (read at call time and handed to the writers, so a test can shrink it here to see a list continue)


@dataclass
class WorldSummary:
    """What ``generate_world`` wrote."""

    landing_root: Path
    truth_dir: Path
    rows: int  # participant rows written (truth rows, copies, first versions and attendance lists included)
    persons: int  # distinct persons behind those rows
    files: int  # office files written, bad ones included
    offices: dict[str, dict[str, int]] = field(default_factory=dict)  # office -> rows, files, persons
    paths: list[Path] = field(default_factory=list)  # every office file written
    skipped_offices: list[str] = field(default_factory=list)  # registry offices without a spec (generic used)
    result_rows: int = 0  # rows of the results files that count (expected published or quarantine), ~ rows asked
    hand_made_rows: int = 0  # of those, rows of the hand-made files of demo.office_mess (on top of the rows asked)
    expected: dict[str, int] = field(default_factory=dict)  # truth rows per expected outcome
    file_status: dict[str, int] = field(default_factory=dict)  # files per expected status

    def describe(self) -> str:
        """A few human lines."""
        lines = [
            f"demo world in {self.landing_root}: {self.rows:,} participant rows, {self.persons:,} persons, "
            f"{self.files} files; truth in {self.truth_dir}",
            "  rows by expected outcome: " + ", ".join(f"{k} {v:,}" for k, v in self.expected.items()),
            "  files by expected status: " + ", ".join(f"{k} {v}" for k, v in self.file_status.items()),
        ]
        for office_id, counts in self.offices.items():
            lines.append(
                f"  {office_id:<24} {counts['rows']:>9,} rows {counts['persons']:>9,} persons {counts['files']:>4} files"
            )
        return "\n".join(lines)


def generate_world(
    landing_root: Path,
    rows: int,
    seed: int = 42,
    nik_damage: bool = True,
    registry_path: Path | str | None = None,
    progress: bool = False,
    unhandled_mess: bool | None = None,
) -> WorldSummary:
    """Write a demo world of about ``rows`` participant rows under ``landing_root``.

    One folder per registry office (``<landing_root>/<office landing>/``) with that
    office's files, and ``<landing_root>.truth/`` with the ground truth
    (:mod:`demo.truth`). Existing files of the same names are overwritten; use the
    CLI (``python -m demo``) to wipe old office folders first. ``unhandled_mess``: also write the
    hand-made files the pipeline does not read right yet (:data:`demo.office_mess.UNHANDLED`; default:
    the environment variable ``DEMO_UNHANDLED_MESS=1``).
    """
    if rows < 1:
        raise ValueError("rows must be positive")
    landing_root = Path(landing_root)
    offices, specs, generic, foreign = _offices_and_specs(registry_path)
    all_offices = {**offices, **{k: v[0] for k, v in foreign.items()}}
    kaltim = "prov-kaltim" in specs and specs["prov-kaltim"].fmt == "kaltim"
    counts, rekap_target = _allocate(rows, specs, kaltim)

    world = _World(seed)
    world.offices = all_offices
    parts = _plan_participations(world, specs, all_offices, foreign, counts, seed)
    parts = _add_second_certificates(parts, specs, seed)
    persons = world.finish_persons()
    _assess(parts, specs, all_offices, foreign, seed)
    rng = _rng(seed, "special")  # one stream: the special rows, then the rekap sample
    parts = _add_special_rows(parts, specs, rng)
    if kaltim and rekap_target:
        parts = _add_rekap_kabupaten(parts, offices, specs, rekap_target, rng)
    parts = add_variant_rows(parts, specs, seed)
    parts = _certificate_lists(parts, specs)
    parts = _in_typing_order(parts, specs, seed)
    damage_niks(parts, persons, specs, seed, nik_damage)

    landing_root.mkdir(parents=True, exist_ok=True)
    out, files, junk = _write_files(parts, world, specs, all_offices, landing_root, seed, progress)
    truth_rows = _truth_rows(parts, out, specs)
    truth_rows, files, junk = arrange_landing(landing_root, all_offices, offices, truth_rows, files, junk, seed)
    files = add_paperwork(landing_root, offices, truth_rows, files, seed)
    before_mess = len(truth_rows)
    truth_rows, files, junk = add_office_mess(landing_root, offices, truth_rows, files, junk, persons, seed, rows,
                                                nik_damage, unhandled_mess)
    used = np.unique(truth_rows["person_id"].dropna().to_numpy(dtype=np.int64))
    persons = persons[persons["person_id"].isin(used)].reset_index(drop=True)
    summary = _summary(landing_root, offices, all_offices, specs, generic, truth_rows, persons, files)
    summary.hand_made_rows = int(truth_rows["expected"].iloc[before_mess:].str.match(r"published|quarantine:").sum())
    T.write_truth(summary.truth_dir, truth_rows, persons, files, junk)
    return summary


def _offices_and_specs(registry_path: Path | str | None):
    """The registry's offices, every office's demo profile, and the offices outside the registry whose files
    land in a registry office's folder (``foreign``: office id -> (office, receiving office, file stem))."""
    offices = load_registry(registry_path or DEFAULT_REGISTRY)
    # looked up in this module at call time: benchmarks/national.py patches demo.generate._specs_for
    specs, generic = _specs_for(offices)
    foreign: dict[str, tuple[Office, str, str]] = {}
    for producer, receiver, how in MISPLACED:
        if how == "foreign" and receiver in specs and producer not in offices:
            office, spec, stem = FOREIGN_OFFICES[producer]
            foreign[producer] = (office, receiver, stem)
            specs[producer] = spec
    return offices, specs, generic, foreign


def _plan_participations(world: _World, specs: dict[str, OfficeSpec], all_offices: dict[str, Office],
                         foreign: dict, counts: dict[str, int], seed: int) -> pd.DataFrame:
    """Every office's participation rows, each with its program plan (file, sheet, program, assessment date)."""
    frames = []
    for office_id, spec in specs.items():
        office = all_offices[office_id]
        df = _participations(world, office, spec, counts[office_id], seed)
        rng = _rng(seed, "plan", office_id)
        df["training_only"] = False
        if office_id in foreign:
            yearly_plan(foreign[office_id][2], "Peserta")(df, world, rng)
        elif spec.fmt == "generic":
            yearly_plan("peserta_" + office_id + "_{year}.xlsx", "Peserta")(df, world, rng)
        else:
            PLANS[spec.fmt](df, world, rng)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def _participations(world: _World, office: Office, spec: OfficeSpec, n: int, seed: int) -> pd.DataFrame:
    """Rows of one office: who, which occupation and level, which year (programs come later).

    Most persons are new to the world; some come back to the same office (``spec.repeat``),
    some were first seen at another office (``spec.borrow``).
    """
    rng = _rng(seed, "participations", office.id)
    n_repeat = int(round(n * spec.repeat))
    borrowed_ids = _borrowed_persons(world, spec, n, rng)
    n_new = max(1, n - n_repeat - len(borrowed_ids))
    n_repeat = n - n_new - len(borrowed_ids)
    new_ids = world.new_persons(n_new, spec, office, rng)
    world.pool[office.id] = new_ids

    year = _choice(rng, spec.years, n).astype(np.int64)
    jen = _choice(rng, spec.jenjang, n).astype(np.int64)
    pid = np.concatenate([new_ids, new_ids[rng.integers(0, n_new, size=n_repeat)], borrowed_ids])
    fam = draw_families(jen, spec, rng)
    mode = np.zeros(n, dtype=np.int8)  # 0 first/borrowed, 1 up, 2 other, 3 same
    src = np.full(n, -1, dtype=np.int64)
    if n_repeat:
        rep = np.arange(n_new, n_new + n_repeat)
        source = np.searchsorted(new_ids, pid[rep])  # the person's first row (rows 0..n_new-1)
        src[rep] = source
        mode[rep] = _comebacks(rng, spec, rep, source, year, jen, fam)
    return pd.DataFrame(
        {
            "office_id": office.id,
            "pid": pid.astype(np.int64),
            "year": year.astype(np.int64),
            "jen": jen.astype(np.int64),
            "fam": fam.astype(np.int64),
            "mode": mode,
            "src": src,
        }
    )


def _borrowed_persons(world: _World, spec: OfficeSpec, n: int, rng) -> np.ndarray:
    """Persons first seen at another office (``spec.borrow``: office, share of this office's rows);
    with ``spec.ktp_province`` only those whose KTP is from that province."""
    borrowed: list[np.ndarray] = []
    for other, share in spec.borrow:
        pool = world.pool.get(other)
        if pool is None or not len(pool):
            continue
        if spec.ktp_province:
            home = np.concatenate(world.P.region)[pool]
            ok = np.array([world.region_codes[h][:2] == spec.ktp_province for h in home.tolist()], dtype=bool)
            pool = pool[ok]
        k = min(int(round(n * share)), len(pool))
        if k:
            borrowed.append(np.sort(rng.choice(pool, size=k, replace=False)))
    return np.concatenate(borrowed) if borrowed else np.zeros(0, dtype=np.int64)


def _add_second_certificates(parts: pd.DataFrame, specs: dict[str, OfficeSpec], seed: int) -> pd.DataFrame:
    """A second certificate in the same program for ``spec.continuation`` of an office's rows: another
    occupation at the same jenjang or one up, typed on the next line of the same sheet (the writers write
    it as a continuation row: name and NIK blank or ditto). ``rid`` numbers the rows; ``cont_of`` is the
    ``rid`` of the row a second certificate continues (-1 otherwise)."""
    rng = _rng(seed, "second-certificates")
    parts["rid"] = np.arange(len(parts), dtype=np.int64)
    parts["cont_of"] = np.int64(-1)
    extra = []
    for office_id, spec in specs.items():
        if not spec.continuation:
            continue
        mine = np.flatnonzero((parts["office_id"].to_numpy() == office_id) & ~parts["training_only"].to_numpy())
        k = min(int(round(len(mine) * spec.continuation)), len(mine))
        if not k:
            continue
        second = parts.iloc[np.sort(rng.choice(mine, size=k, replace=False))].copy()
        jen = second["jen"].to_numpy()
        new = np.where(rng.random(k) < 0.4, jen + 1, jen)
        new = np.where(np.isin(new, list(spec.jenjang)), new, jen)
        fam = draw_families(new, spec, rng)
        for _ in range(4):  # another occupation than the first when its level offers one
            same = (fam == second["fam"].to_numpy()) & (new == jen)
            if not same.any():
                break
            fam[same] = draw_families(new[same], spec, rng)
        keep = ~((fam == second["fam"].to_numpy()) & (new == jen))
        second["jen"], second["fam"] = new, fam
        second["cont_of"] = second["rid"]
        extra.append(second[keep])
    if extra:
        parts = pd.concat([parts, *extra], ignore_index=True)
        parts["rid"] = np.arange(len(parts), dtype=np.int64)
    return parts


def _comebacks(rng, spec: OfficeSpec, rep: np.ndarray, source: np.ndarray, year: np.ndarray, jen: np.ndarray,
               fam: np.ndarray) -> np.ndarray:
    """What a person who comes back (rows ``rep``, first rows ``source``) takes this time.

    Sets ``year``, ``jen`` and ``fam`` of those rows in place and returns the kind: 1 one
    jenjang up, 2 another occupation at the same jenjang, 3 the same occupation and jenjang
    again in another year (a retake after Belum Kompeten).
    """
    years = np.array(sorted(spec.years))
    m = _choice(rng, {1: 0.5, 2: 0.3, 3: 0.2}, len(rep)).astype(np.int8)
    if len(years) == 1:
        m[m == 3] = 2  # a retake needs another year
    sj = jen[source]
    _one_jenjang_up(rng, spec, rep[m == 1], source[m == 1], sj[m == 1], years, year, jen, fam)
    other = rep[m == 2]
    jen[other] = sj[m == 2]
    fam[other] = draw_families(jen[other], spec, rng)
    same = rep[m == 3]
    s_same = source[m == 3]
    jen[same] = sj[m == 3]
    fam[same] = fam[s_same]
    shift = rng.integers(1, len(years), size=len(same))
    pos = (np.searchsorted(years, year[s_same]) + shift) % len(years)
    year[same] = years[pos]
    return m


def _one_jenjang_up(rng, spec: OfficeSpec, up: np.ndarray, s_up: np.ndarray, first_level: np.ndarray,
                    years: np.ndarray, year: np.ndarray, jen: np.ndarray, fam: np.ndarray) -> None:
    """Re-certification one jenjang up (down when already at the top), a year or two later;
    the same occupation when it has that jenjang, another one otherwise."""
    levels = np.array(sorted(spec.jenjang))
    new_level = first_level + 1
    top = ~np.isin(new_level, levels)
    new_level[top] = first_level[top] - 1
    bad = ~np.isin(new_level, levels)
    new_level[bad] = first_level[bad]
    jen[up] = new_level
    year[up] = np.minimum(year[s_up] + rng.integers(1, 3, size=len(up)), years.max())
    keep = np.array([lvl in V.FAMILIES[f].names for f, lvl in zip(fam[s_up].tolist(), new_level.tolist())], dtype=bool)
    fam[up[keep]] = fam[s_up[keep]]
    fam[up[~keep]] = draw_families(jen[up[~keep]], spec, rng)


def _assess(parts: pd.DataFrame, specs: dict[str, OfficeSpec], all_offices: dict[str, Office], foreign: dict,
            seed: int) -> None:
    """Results and certificates for every row; a foreign office's rows are bound for its receiver's folder."""
    parts["assess"] = parts["assess"].to_numpy().astype("datetime64[D]")
    parts["special"] = np.int8(0)
    parts["src_office"] = ""
    _results(parts, specs, all_offices, seed)
    parts["dest"] = ""  # the office whose folder the file lands in, when not the producer's
    for producer, (_, receiver, _) in foreign.items():
        theirs = parts["office_id"].to_numpy() == producer
        parts.loc[theirs, "special"] = np.int8(5)
        parts.loc[theirs, "dest"] = receiver


def _results(df: pd.DataFrame, specs: dict[str, OfficeSpec], offices: dict[str, Office], seed: int) -> None:
    """hasil (1 Kompeten, 0 Belum Kompeten, -1 not assessed), then one certificate per Kompeten triple:
    its issue and expiry dates (``pending`` when not issued yet) and its registration number."""
    rng = _rng(seed, "results")
    _hasil(df, specs, rng)
    issue, issued = _certificate_dates(df, rng)
    df["certificate_id"] = _obj(_registration_numbers(df, issue, issued, specs, offices, seed), df.index)


def _hasil(df: pd.DataFrame, specs: dict[str, OfficeSpec], rng) -> None:
    """Kompeten at the office's pass rate; training-only rows are not assessed."""
    n = len(df)
    pass_rate = df["office_id"].map({k: s.pass_rate for k, s in specs.items()}).to_numpy(dtype=float)
    hasil = np.where(rng.random(n) < pass_rate, 1, 0).astype(np.int8)
    hasil[df["training_only"].to_numpy(dtype=bool)] = -1
    # a person holds one certificate per (jabatan kerja, jenjang): an earlier Kompeten of the
    # same triple becomes Belum Kompeten (a failed attempt before the retake that passed)
    df["hasil"] = hasil
    df["_ord"] = np.arange(n)
    kompeten = df[df["hasil"] == 1].sort_values(["assess", "_ord"], kind="stable")
    dup = kompeten.duplicated(["pid", "fam", "jen"], keep="last")
    df.loc[kompeten.index[dup.to_numpy()], "hasil"] = 0
    del df["_ord"]


def _certificate_dates(df: pd.DataFrame, rng) -> tuple[np.ndarray, np.ndarray]:
    """Issue 2-6 weeks after the assessment (pending when after WORLD_DATE, or ~4% stuck), valid SKK_YEARS;
    old-scheme certificates all ended on OLD_SCHEME_END. Returns the issue dates and the issued mask."""
    n = len(df)
    hasil = df["hasil"].to_numpy()
    assess = df["assess"].to_numpy().astype("datetime64[D]")
    issue = assess + rng.integers(14, 43, size=n)
    pending = (issue > np.datetime64(WORLD_DATE)) | (rng.random(n) < 0.04)
    issued = (hasil == 1) & ~pending
    df["pending"] = (hasil == 1) & pending
    nat = np.datetime64("NaT", "D")
    issue = np.where(issued, issue, nat)
    expiry = np.full(n, nat)
    if issued.any():
        expiry[issued] = _add_years(issue[issued], SKK_YEARS)
        old = issued & (issue < np.datetime64("2021-01-01"))
        expiry[old] = np.datetime64(OLD_SCHEME_END)
    df["issue"] = issue
    df["expiry"] = expiry
    return issue, issued


def _registration_numbers(df: pd.DataFrame, issue: np.ndarray, issued: np.ndarray, specs: dict[str, OfficeSpec],
                          offices: dict[str, Office], seed: int) -> np.ndarray:
    """SKK-<office region>-<issue year>-<serial> (SKT- before 2021), unique world-wide; None when not issued."""
    codes = {o.id: o.region_code.replace(".", "").ljust(4, "0") for o in offices.values()}  # "6408", "6400"
    office_code = df["office_id"].map(codes).to_numpy()
    numbers = np.full(len(df), None, dtype=object)
    idx = np.flatnonzero(issued)
    if not len(idx):
        return numbers
    iy = issue[idx].astype("datetime64[Y]").astype(np.int64) + 1970
    key = pd.DataFrame({"code": office_code[idx], "year": iy, "issue": issue[idx], "i": idx})
    key = key.sort_values(["code", "year", "issue", "i"], kind="stable")
    seq = key.groupby(["code", "year"], sort=False).cumcount().to_numpy() + 1
    # each office-year series starts somewhere after 1, as a real register would
    group = key.groupby(["code", "year"], sort=False).ngroup().to_numpy()
    firsts = key.drop_duplicates(["code", "year"])
    offsets = np.array([zlib.crc32(f"{c}-{y}-{seed}".encode()) % 300
                        for c, y in zip(firsts["code"].tolist(), firsts["year"].tolist())], dtype=np.int64)
    start = offsets[group]
    # Muara Enim's register writes dotted numbers "16.03.2023.000123": region, year of issue, serial
    dotted = {codes[k] for k, s in specs.items() if s.fmt == "muara-enim" and k in codes}
    numbers[key["i"].to_numpy()] = [
        f"{c[:2]}.{c[2:]}.{y}.{s:06d}" if c in dotted else f"{'SKT' if y < 2021 else 'SKK'}-{c}-{y}-{s:06d}"
        for c, y, s in zip(key["code"].tolist(), key["year"].tolist(), (seq + start).tolist())
    ]
    return numbers


def _add_special_rows(parts: pd.DataFrame, specs: dict[str, OfficeSpec], rng) -> pd.DataFrame:
    """Rows the pipeline must quarantine: "Jenjang ?" (jenjang_unreadable) and rows with neither name nor NIK
    (no_identity, added as extra rows), about 0.2% of an office's rows each where its profile has them."""
    extra = []
    for office_id, spec in specs.items():
        mine = np.flatnonzero(parts["office_id"].to_numpy() == office_id)
        if not len(mine):
            continue
        k = max(1, int(round(len(mine) * 0.002)))
        if spec.unreadable_jenjang:
            chosen = rng.choice(mine, size=min(k, len(mine)), replace=False)
            parts.loc[chosen, "special"] = np.int8(2)
        if spec.no_identity:
            chosen = rng.choice(mine, size=min(k, len(mine)), replace=False)
            ghost = parts.loc[chosen].copy()
            ghost["pid"] = -1
            ghost["special"] = np.int8(1)
            ghost["cont_of"] = np.int64(-1)  # a row without identity is typed on a line of its own
            ghost["certificate_id"] = None
            ghost["pending"] = False
            ghost["issue"] = np.datetime64("NaT")
            ghost["expiry"] = np.datetime64("NaT")
            extra.append(ghost)
    if extra:
        parts = pd.concat([parts, *extra], ignore_index=True)
    return parts


def _add_rekap_kabupaten(parts: pd.DataFrame, offices: dict[str, Office], specs: dict[str, OfficeSpec],
                         target: int, rng) -> pd.DataFrame:
    """prov-kaltim's "Rekap Kabupaten" rows: certificates issued through its regencies and cities, same numbers."""
    kaltim_years = sorted(SPECS["prov-kaltim"].years)
    local = [o.id for o in offices.values() if o.province_code == "64" and o.level != "province" and o.id in specs]
    eligible = parts[
        parts["office_id"].isin(local)
        & (parts["hasil"] == 1)
        & parts["certificate_id"].notna()
        & (parts["special"] == 0)
        & parts["year"].isin(kaltim_years)
    ]
    if not len(eligible):
        return parts
    pick = np.sort(rng.choice(len(eligible), size=min(target, len(eligible)), replace=False))
    rekap = eligible.iloc[pick].copy()
    rekap["src_office"] = rekap["office_id"]
    rekap["office_id"] = "prov-kaltim"
    rekap["special"] = np.int8(3)
    rekap["group"] = [f"PELATIHAN_SERTIFIKASI_AHLI_DAN_FRESH_GRADUATE_{y}.xlsx" for y in rekap["year"].tolist()]
    rekap["sheet"] = "Rekap Kabupaten"
    rekap["sheet_order"] = 99
    rekap["program"] = "Rekap Kabupaten/Kota"
    return pd.concat([parts, rekap], ignore_index=True)


def _certificate_lists(parts: pd.DataFrame, specs: dict[str, OfficeSpec]) -> pd.DataFrame:
    """An office with ``spec.certificate_list`` sends, for one year, only the certificates issued
    (DOMAIN: "sheets that give only the certificate number"): name, NIK, jabatan kerja, jenjang and the
    registration number, no result. That year's Belum Kompeten, pending and identity-less rows are in no
    file; ``cert_only`` marks the rows written so."""
    parts["cert_only"] = False
    drop = np.zeros(len(parts), dtype=bool)
    for office_id, spec in specs.items():
        if not spec.certificate_list:
            continue
        mine = (parts["office_id"].to_numpy() == office_id) & parts["special"].isin([0, 1, 2]).to_numpy()
        if not mine.any():
            continue
        # the latest year but one with no revision (a revised file has a first version with results)
        years = sorted(set(parts.loc[mine, "year"].tolist()))
        revised = set(parts.loc[(parts["office_id"].to_numpy() == office_id) & (parts["special"].to_numpy() == 4),
                                "year"].tolist())
        candidates = [y for y in reversed(years[:-1]) if y not in revised]
        if not candidates:
            continue
        last = int(candidates[0])
        rows = mine & (parts["year"].to_numpy() == last)
        issued = ((parts["hasil"].to_numpy() == 1) & parts["certificate_id"].notna().to_numpy()
                  & (parts["pid"].to_numpy() >= 0) & (parts["special"].to_numpy() == 0))
        drop |= rows & ~issued
        parts.loc[rows & issued, "group"] = spec.certificate_list.format(year=last)
        parts.loc[rows & issued, "cert_only"] = True
    return parts[~drop].reset_index(drop=True)


def _in_typing_order(parts: pd.DataFrame, specs: dict[str, OfficeSpec], seed: int) -> pd.DataFrame:
    """Rows by office, file and sheet; inside a sheet as the office typed them in (random), the rekap by regency."""
    order_rng = _rng(seed, "order")
    office_rank = {office_id: i for i, office_id in enumerate(specs)}
    parts["_office"] = parts["office_id"].map(office_rank)
    parts["_key"] = order_rng.random(len(parts))
    rekap_rows = parts["special"].to_numpy() == 3
    if rekap_rows.any():
        keys = parts["_key"].to_numpy().copy()
        keys[rekap_rows] += parts.loc[rekap_rows, "src_office"].map(office_rank).to_numpy(dtype=float)
        parts["_key"] = keys
    _next_to_first_certificate(parts)
    parts = parts.sort_values(["_office", "group", "sheet_order", "sheet", "_key"], kind="stable", ignore_index=True)
    return parts.drop(columns=["_office", "_key"])


def _next_to_first_certificate(parts: pd.DataFrame) -> None:
    """A second certificate's key just after its first's in the same file and sheet (a first version or an
    attendance list copies both rows, so the pair stays together there too)."""
    cont = parts["cont_of"].to_numpy() >= 0
    if not cont.any():
        return
    firsts = parts.loc[~cont & (parts["pid"].to_numpy() >= 0), ["rid", "group", "sheet", "_key"]]
    firsts = firsts.drop_duplicates(["rid", "group", "sheet"])
    wanted = parts.loc[cont, ["cont_of", "group", "sheet"]].rename(columns={"cont_of": "rid"})
    found = wanted.merge(firsts, on=["rid", "group", "sheet"], how="left")["_key"].to_numpy()
    keys = parts["_key"].to_numpy().copy()
    hit = ~np.isnan(found)
    idx = np.flatnonzero(cont)
    keys[idx[hit]] = found[hit] + 1e-12
    parts["_key"] = keys


def _write_files(parts: pd.DataFrame, world: _World, specs: dict[str, OfficeSpec], all_offices: dict[str, Office],
                 landing_root: Path, seed: int, progress: bool) -> tuple[WriterReport, pd.DataFrame, pd.DataFrame]:
    """Every office's files, one task per office (its own random stream, so the bytes do not depend on who
    writes them); returns where each row went, the files and the junk rows (titles, totals, signatures)."""
    offices_col = parts["office_id"].to_numpy()
    tasks = []
    for office_id, spec in specs.items():
        office = all_offices[office_id]
        pos = np.flatnonzero(offices_col == office_id)
        tasks.append((pos, office_task(world, office, spec, seed, office.landing_dir(landing_root), parts.iloc[pos],
                                       XLS_MAX_DATA_ROWS)))
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(parts), unit="row", desc="demo world")
    reports = write_offices([task for _, task in tasks], bar)
    if bar is not None:
        bar.close()
    return _gather_reports(len(parts), tasks, reports)


def _gather_reports(n: int, tasks: list[tuple[np.ndarray, dict]], reports: list[WriterReport]):
    """The offices' writer reports as one report over all rows, plus the files and junk-row tables."""
    out = empty_report(n)
    file_rows = []
    junk_rows = []
    for (pos, task), local in zip(tasks, reports):
        office_id = task["office"].id
        for name in ROW_FIELDS:
            getattr(out, name)[pos] = getattr(local, name)
        for name, status, why in local.files:
            file_rows.append({"office_id": office_id, "source_file": name, "expected_status": status, "why": why,
                              "same_as": ""})
        junk_rows.extend({"office_id": office_id, "source_file": f, "source_sheet": s, "source_row": r, "kind": k}
                         for f, s, r, k in local.junk)
    files = pd.DataFrame(file_rows)
    junk = pd.DataFrame(junk_rows, columns=["office_id", "source_file", "source_sheet", "source_row", "kind"])
    return out, files, junk


def _truth_rows(parts: pd.DataFrame, out: WriterReport, specs) -> pd.DataFrame:
    """The truth's rows (:mod:`demo.truth`): each world row, where it was written and what the file states."""
    special = parts["special"].to_numpy()
    pid = parts["pid"].to_numpy()
    expected = np.full(len(parts), "published", dtype=object)
    for code, value in SPECIAL_EXPECTED.items():
        expected[special == code] = value
    hasil = parts["hasil"].map({1: "Kompeten", 0: "Belum Kompeten", -1: None}).astype(object)
    hasil[parts["hasil"].to_numpy() == -1] = None
    damage = parts["nik_damage"].to_numpy().astype(object)
    damage[pid < 0] = "missing"
    damage[out.continued] = "continued"  # the NIK cell is blank or a ditto mark: the person is the one above
    frame = pd.DataFrame(
        {
            "office_id": parts["office_id"].astype(str),
            "source_file": out.source_file.astype(str),
            "source_sheet": out.source_sheet.astype(str),
            "source_row": out.source_row.astype(np.int64),
            "person_id": pd.array(np.where(pid >= 0, pid, 0), dtype="Int64"),
            "true_nik": parts["true_nik"].astype(object),
            "nik_intact": (damage == "") & (pid >= 0),
            "nik_damage": damage.astype(str),
            "jabatan_kerja": _obj(jabatan_titles(parts["fam"].to_numpy(), parts["jen"].to_numpy())).to_numpy(),
            "jenjang": parts["jen"].astype(np.int64),
            "kualifikasi": KUALIFIKASI_BY_JENJANG[parts["jen"].to_numpy(dtype=np.int64)],
            "hasil": hasil.to_numpy(),
            "nomor_sertifikat": out.written_nomor,
            "tanggal_terbit": out.written_terbit.astype("datetime64[s]"),
            "masa_berlaku": out.written_berlaku.astype("datetime64[s]"),
            "tahun": parts["year"].astype(np.int64),
            "program": parts["program"].astype(str),
            "certificate_id": parts["certificate_id"].astype(object),
            "pending": parts["pending"].astype(bool),
            "rekap_of": parts["src_office"].astype(str),
            "written_nik": out.written_nik,
            "written_nama": out.written_nama,
            "expected": expected,
            "produced_by": parts["office_id"].astype(str),
            "true_terbit": parts["issue"].to_numpy().astype("datetime64[D]").astype("datetime64[s]"),
            "true_berlaku": parts["expiry"].to_numpy().astype("datetime64[D]").astype("datetime64[s]"),
            "copy_of": "",
            "continued": out.continued.astype(bool),
            "cert_only": parts["cert_only"].astype(bool).to_numpy(),
            "special_kind": special.astype(np.int64),
            "dest": parts["dest"].astype(str),
        }
    )
    frame.loc[pid < 0, "person_id"] = pd.NA
    return frame


def _summary(landing_root: Path, offices: dict[str, Office], all_offices: dict[str, Office],
             specs: dict[str, OfficeSpec], generic: list[str], truth_rows: pd.DataFrame, persons: pd.DataFrame,
             files: pd.DataFrame) -> WorldSummary:
    """What the world holds, per office and per expected outcome."""
    summary_offices: dict[str, dict[str, int]] = {}
    for office_id in offices:
        if office_id not in specs:
            continue
        mine = truth_rows[truth_rows["office_id"] == office_id]
        summary_offices[office_id] = {
            "rows": int(len(mine)),
            "persons": int(mine["person_id"].nunique()),
            "files": int((files["office_id"] == office_id).sum()),
        }
    paths = [all_offices[o].landing_dir(landing_root) / f for o, f in zip(files["office_id"], files["source_file"])]
    return WorldSummary(
        landing_root=landing_root,
        truth_dir=T.truth_dir(landing_root),
        rows=len(truth_rows),
        persons=int(len(persons)),
        files=len(files),
        offices=summary_offices,
        paths=paths,
        skipped_offices=generic,
        result_rows=int(truth_rows["expected"].str.match(r"published|quarantine:").sum()),
        expected={k: int(v) for k, v in truth_rows["expected"].value_counts().sort_index().items()},
        file_status={k: int(v) for k, v in files["expected_status"].value_counts().sort_index().items()},
    )


def wipe_landing(landing_root: Path, registry_path: Path | str | None = None) -> list[Path]:
    """Remove the registry offices' folders under ``landing_root`` and the world's truth beside it (nothing else)."""
    landing_root = Path(landing_root)
    removed = []
    offices = load_registry(registry_path or DEFAULT_REGISTRY)
    for folder in [landing_root / o.landing for o in offices.values()] + [T.truth_dir(landing_root)]:
        if folder.is_dir():
            shutil.rmtree(folder)
            removed.append(folder)
    return removed
