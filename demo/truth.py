"""Ground truth of a demo world, and the headline table it implies.

``generate_world`` writes ``<landing_root>.truth/`` (:func:`truth_dir`: beside the landing root,
so no ingest can read it and the landing root holds office folders only):

``rows.parquet``
    One row per participant row written to an office file (title, header,
    numbering, blank, total and signature rows excluded; those are listed in
    ``junk.csv``). Columns:

    * ``office_id, source_file, source_sheet, source_row``: provenance exactly as
      the readers report it (Excel row 1-based with title rows; physical CSV line;
      1-based JSON record index within the file, but the sheet row for a Google
      Sheets API values JSON, whose header is row 1; ``source_sheet`` "" for CSV/JSON).
    * ``person_id`` (null for rows with neither name nor NIK), ``true_nik``.
    * ``nik_intact``: the NIK cell, once spaces, dots and a leading apostrophe are
      removed, is the true NIK as text. Exactly the rows with ``nik_damage == ""``
      (a NIK typed as a number is never intact: the reader sees a float).
    * ``nik_damage``: "", ``excel_truncated``, ``scientific_notation``, ``typo``,
      ``transposed``, ``missing``, ``copied`` (the NIK of the row above, another
      person), ``wrong_length``, ``continued`` (a continuation row, below). ``written_nik``: the NIK cell as text, rendered as
      docs/data-model.md tells readers to (a numeric cell in ``f"{v:.14e}"`` form),
      formatting such as spaces, dots or a leading apostrophe included.
      ``written_nama``: the name exactly as the file writes it (initials, old
      spellings, titles, non-breaking spaces included); ``persons.nama`` is the
      person's name in the modern spelling, in full, without titles.
    * ``jabatan_kerja, jenjang`` (true int), ``kualifikasi``,
      ``hasil`` ("Kompeten" / "Belum Kompeten" / None for training only).
    * ``nomor_sertifikat, tanggal_terbit, masa_berlaku``: the certificate as the
      file states it (None/NaT when pending, not Kompeten, or when the office's
      format has no such column); ``certificate_id``: the world's certificate
      behind a Kompeten row even when the file does not show it (None when
      pending); ``pending``: Kompeten but "dalam proses".
    * ``tahun`` (program year), ``program``, ``rekap_of`` (for prov-kaltim's
      "Rekap Kabupaten" rows: the regency/city office whose certificate it
      re-reports, else "").
    * ``expected``: what a correct pipeline does with the row:

      - "published": counts (the only rows the headline counts);
      - "quarantine:<rule>" (``no_identity``, ``jenjang_unreadable``);
      - "duplicate": a row of a byte-identical copy of a file under a browser's or
        sync tool's name (``X (1).xlsx``, ``X - Copy.xlsx``, ``X_salinan.xlsx``,
        ``Copy of X.csv``); the original's rows count, ``copy_of`` names it;
      - "superseded": a row of a first version that a revision (``_revisi``,
        ``_rev``, ``_final``, `` revisi``) replaces; only the revision counts (it may
        add rows, fill numbers that arrived later, correct a result or a NIK);
      - "held:wrong_office": a row of another office's file dropped into this
        office's folder (its title, NIKs and registration numbers name the other
        region); the file is held back for the engineer and counts nowhere from
        this folder (``produced_by`` is the office that made it; when it is a
        registry office its own copy in its own folder counts there);
      - "attendance": a row of an attendance list (Daftar Hadir) or registration
        list (Daftar Peserta): a participant, not a certification (no jenjang, no
        result in the file; ``hasil`` is None). Attendance lists also name a few
        registered persons who never sat the assessment.
    * ``continued``: a continuation row: the person's next certificate typed on the
      line below their first (same sheet, same program), the number cell empty and the
      identity cells (name, NIK, birth, sex) blank or a ditto mark ('"', "s.d.a",
      "idem", "sda", "-idem-"). ``person_id`` is the person of the row above, whose
      identity the row shares; ``written_nama`` / ``written_nik`` hold the mark (None
      when blank) and ``nik_damage`` is "continued". Kutai Kartanegara (~6% of rows),
      Muara Enim (~5%), Palembang's clerk CSVs (~4%; name, NIK, TTL and JK empty or
      ditto) and Kutai Timur (~4%; No, name, NIK, TTL and L/P merged over the two
      rows, so the lower cells are empty).
    * ``cert_only``: a row of a list of certificates only (Kutai Kartanegara's latest
      year but one without a revision, ``Daftar Penerima SKK <year>.xlsx``): name, NIK, jabatan kerja, jenjang and
      the registration number, no result column and no dates; every such row is
      Kompeten (the number says so). That year's Belum Kompeten and pending rows are in
      no file, so not in the truth.
    * ``produced_by``: the office that made the file (== ``office_id`` except for
      misplaced files; may be an office outside the registry, e.g. ``kab-lahat``).
    * ``true_terbit, true_berlaku``: the world's certificate dates even when the file
      does not state them (NaT while pending); the headline's active rule uses them.
    * ``copy_of``: "<office>/<file>" of the original for "duplicate" and misplaced copies, else "".

``persons.parquet``
    ``person_id, true_nik, nama, sex, birth_date, birth_place, home_region_code, twin_of``.

``files.csv``
    ``office_id, source_file, expected_status, why, same_as``. ``expected_status``:
    "ok" (a results file whose rows count), "rejected" (unreadable or no
    participant columns), "duplicate" (byte-identical copy of ``same_as``),
    "superseded" (first version replaced by the revision ``same_as``), "held"
    (another office's file: hold back for the engineer; ``same_as`` its copy in
    the producer's folder when there is one), "attendance" (attendance or
    registration list: participants only).

``junk.csv``
    ``office_id, source_file, source_sheet, source_row, kind`` (title, numbering,
    blank, total, signature): rows that must never become persons.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from reference import regions

TRUTH_SUFFIX = ".truth"


def truth_dir(landing_root: Path) -> Path:
    """Where a generated world keeps its ground truth: beside its landing root, never inside it
    (``data/landing`` -> ``data/landing.truth``), since every folder inside belongs to an office
    and an answer key is nothing an ingest may read."""
    landing_root = Path(landing_root)
    return landing_root.with_name(landing_root.name + TRUTH_SUFFIX)


HEADLINE_COLUMNS = (
    "province_code",
    "region_code",
    "region_name",
    "jenjang",
    "kualifikasi",
    "certified_persons",
    "active_persons",
)
SKK_VALID_YEARS = 5


def write_truth(
    truth_dir: Path,
    rows: pd.DataFrame,
    persons: pd.DataFrame,
    files: pd.DataFrame,
    junk: pd.DataFrame,
) -> None:
    """Write the truth files (deterministically: no timestamps, fixed row order)."""
    truth_dir = Path(truth_dir)
    truth_dir.mkdir(parents=True, exist_ok=True)
    rows.to_parquet(truth_dir / "rows.parquet", index=False, compression="zstd")
    persons.to_parquet(truth_dir / "persons.parquet", index=False, compression="zstd")
    files = files if len(files) else pd.DataFrame(columns=["office_id", "source_file", "expected_status", "why"])
    files.to_csv(truth_dir / "files.csv", index=False, lineterminator="\n")
    junk = junk if len(junk) else pd.DataFrame(columns=["office_id", "source_file", "source_sheet", "source_row", "kind"])
    junk.to_csv(truth_dir / "junk.csv", index=False, lineterminator="\n")


def load_truth(landing_root: Path) -> dict[str, pd.DataFrame]:
    """The truth tables of a generated world: rows, persons, files, junk."""
    folder = truth_dir(landing_root)
    return {
        "rows": pd.read_parquet(folder / "rows.parquet"),
        "persons": pd.read_parquet(folder / "persons.parquet"),
        "files": pd.read_csv(folder / "files.csv", dtype=str, keep_default_na=False),
        "junk": pd.read_csv(folder / "junk.csv", dtype={"source_sheet": str}, keep_default_na=False),
    }


def kualifikasi_for(jenjang: int) -> str:
    """Operator (1-3), Teknisi/Analis (4-6), Ahli (7-9)."""
    if 1 <= jenjang <= 3:
        return "Operator"
    if 4 <= jenjang <= 6:
        return "Teknisi/Analis"
    if 7 <= jenjang <= 9:
        return "Ahli"
    raise ValueError(f"jenjang must be 1-9, got {jenjang!r}")


def _office_attr(offices, attr: str) -> dict[str, str]:
    values = offices.values() if isinstance(offices, dict) else offices
    return {office.id: getattr(office, attr) for office in values}


def expected_headline(
    truth_rows: pd.DataFrame,
    offices,
    publish_date: date,
    only_intact_nik: bool = False,
    dates: str = "true",
) -> pd.DataFrame:
    """``certified_workers_by_region_level`` as the truth implies it.

    Written from the published contract, independently of the warehouse code:

    * certified: ``hasil == "Kompeten"`` and ``expected == "published"``; a missing
      certificate number does not undo that;
    * credited to the region of the reporting office: its regency/city code
      ("64.08") or, for a province office, its two-digit code ("64");
    * a certificate number reported by a regency/city office and again by the
      province it lies in counts once, under the regency/city (the province row
      is dropped);
    * a person (``person_id``) counts once per (region_code, jenjang);
    * active: at least one certificate in the cell valid on ``publish_date``. With
      ``dates="true"`` (default) the world's real certificate dates decide
      (``true_berlaku >= publish_date``) wherever the certificate exists, also when
      the file states no date (a sheet that gives only the registration number);
      otherwise, and always with ``dates="stated"`` (what the file says, with the
      first contract's fallbacks): ``masa_berlaku >= publish_date``; without it
      ``tanggal_terbit`` + 5 years; without both, ``tahun >= publish_date.year - 4``.
      (The warehouse's rule 5 also reads the year in a registration number and
      publishes "unknown" where it cannot tell; :func:`demo.compare.compare_with_truth`
      checks the true count lies between its active and active + unknown.)

    ``offices``: the registry (``load_registry()``) or any iterable of offices.
    ``only_intact_nik``: after the certificate de-duplication, keep only rows whose
    NIK was written intact (what a NIK-only linkage can get right).
    """
    rows = _certified_rows(truth_rows, offices)
    if only_intact_nik:
        rows = rows[rows["nik_intact"].astype(bool)]
    rows = rows[rows["person_id"].notna()]
    if dates not in ("true", "stated"):
        raise ValueError(f"dates must be 'true' or 'stated', got {dates!r}")
    rows["active_person"] = rows["person_id"].where(_active(rows, publish_date, dates))
    return _headline_table(rows)


def _certified_rows(truth_rows: pd.DataFrame, offices) -> pd.DataFrame:
    """Published Kompeten rows with their region, a province's re-report of a regency's number dropped."""
    region_of = _office_attr(offices, "region_code")
    level_of = _office_attr(offices, "level")
    rows = truth_rows[(truth_rows["hasil"] == "Kompeten") & (truth_rows["expected"] == "published")].copy()
    unknown = sorted(set(rows["office_id"]) - set(region_of))
    if unknown:
        raise ValueError(f"truth rows from offices not in the registry: {unknown}")
    rows["region_code"] = rows["office_id"].map(region_of)
    rows["province_code"] = rows["region_code"].str[:2]
    is_province = rows["office_id"].map(level_of).eq("province")

    nomor = rows["nomor_sertifikat"].where(rows["nomor_sertifikat"].notna(), None)
    numbered = nomor.notna()
    local_pairs = set(zip(nomor[numbered & ~is_province], rows.loc[numbered & ~is_province, "province_code"]))
    re_reported = pd.Series(
        [(n, p) in local_pairs for n, p in zip(nomor, rows["province_code"])], index=rows.index, dtype=bool
    )
    return rows[~(re_reported & is_province & numbered)]


def _active(rows: pd.DataFrame, publish_date: date, dates: str) -> pd.Series:
    """Rows whose certificate is valid on ``publish_date`` (see :func:`expected_headline` for the date rules)."""
    on = pd.Timestamp(publish_date)
    berlaku = pd.to_datetime(rows["masa_berlaku"])
    terbit = pd.to_datetime(rows["tanggal_terbit"])
    expiry = berlaku.where(berlaku.notna(), terbit + pd.DateOffset(years=SKK_VALID_YEARS))
    if dates == "true" and "true_berlaku" in rows:
        real = pd.to_datetime(rows["true_berlaku"])
        expiry = real.where(real.notna(), expiry)
    tahun = pd.to_numeric(rows["tahun"], errors="coerce")
    by_year = tahun >= (publish_date.year - (SKK_VALID_YEARS - 1))
    return (expiry >= on).where(expiry.notna(), by_year.fillna(False)).astype(bool)


def _headline_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Certified and active persons per (region_code, jenjang), in the headline's columns and order."""
    table = (
        rows.groupby(["region_code", "jenjang"], sort=True)
        .agg(certified_persons=("person_id", "nunique"), active_persons=("active_person", "nunique"))
        .reset_index()
    )
    reference = regions()
    table["province_code"] = table["region_code"].str[:2]
    table["region_name"] = table["region_code"].map(lambda code: reference[code].name)
    table["jenjang"] = table["jenjang"].astype("int64")
    table["kualifikasi"] = table["jenjang"].map(kualifikasi_for)
    table["certified_persons"] = table["certified_persons"].astype("int64")
    table["active_persons"] = table["active_persons"].astype("int64")
    return table[list(HEADLINE_COLUMNS)].sort_values(["region_code", "jenjang"]).reset_index(drop=True)
