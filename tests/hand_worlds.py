"""What the hand-counted worlds (tests/test_unfamiliar_world_*.py) share: persons, their NIKs, the headline cells."""

from __future__ import annotations


def nik(region: str, district: str, born: str, sex: str, serial: int) -> str:
    """A synthetic NIK: PPRR + DD + ddmmyy (women +40 on the day) + SSSS."""
    year, month, day = born.split("-")
    return f"{region}{district}{int(day) + (40 if sex == 'P' else 0):02d}{month}{year[2:]}{serial:04d}"


class PersonBook:
    """A world's persons: id -> (name as on the KTP, KTP region, district, birth date, sex, serial)."""

    def __init__(self, persons: dict[str, tuple[str, str, str, str, str, int]]):
        self.persons = persons

    def nik(self, person: str) -> str:
        """The person's true NIK."""
        _, region, district, born, sex, serial = self.persons[person]
        return nik(region, district, born, sex, serial)

    def born(self, person: str) -> str:
        """The birth date, ISO."""
        return self.persons[person][3]

    def sex(self, person: str) -> str:
        """L or P."""
        return self.persons[person][4]


def headline_cells(report) -> dict[tuple[str, int], tuple[int, int, int]]:
    """A run's headline as {(region_code, jenjang): (certified, active, validity unknown)}."""
    return {(r.region_code, int(r.jenjang)): (int(r.certified_persons), int(r.active_persons),
                                             int(r.active_unknown_persons))
            for r in report.headline.itertuples()}


def column(cells: dict, i: int) -> dict[tuple[str, int], int]:
    """One measure of :func:`headline_cells` (0 certified, 1 active, 2 unknown), cell by cell."""
    return {k: v[i] for k, v in cells.items()}


def as_datetime(iso: str | None):
    """An ISO date as the datetime a workbook cell holds, or None."""
    from datetime import datetime

    return datetime.fromisoformat(iso) if iso else None


def xlsx_bytes(workbook) -> bytes:
    """An openpyxl workbook saved to bytes."""
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def titled_sheet(ws, titles: list[str], header: list[str], rows: list[list], *, merge_titles: bool = True,
                 as_text=lambda value: value[:1].isdigit()) -> None:
    """A clerk's sheet: title rows (merged across the table unless ``merge_titles`` is False), a blank
    row, the header, the rows; dates shown dd/mm/yyyy, and the text cells ``as_text`` picks (NIKs,
    serials) formatted as text ("@") so Excel keeps their digits."""
    from datetime import datetime

    for i, title in enumerate(titles, 1):
        ws.cell(i, 1, title)
        if merge_titles:
            ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=len(header))
    top = len(titles) + 2
    for c, name in enumerate(header, 1):
        ws.cell(top, c, name)
    for r, values in enumerate(rows, top + 1):
        for c, value in enumerate(values, 1):
            cell = ws.cell(r, c, value)
            if isinstance(value, datetime):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, str) and as_text(value):
                cell.number_format = "@"


def landing_world(root, offices: list[dict], files: dict, *, freshness_days: int = 365, saved_at=None):
    """A hand-counted world on disk under ``root``: a landing folder per registry office, each file
    written by its builder, and a registry of ``offices`` (each given ``freshness_days``). ``files``
    maps (office id, file name) to a tuple whose second item builds the file's bytes; ``saved_at``,
    when given, maps the same keys to the POSIX time the clerk saved the file (its mtime). Returns
    the run's Settings (data and a DuckDB warehouse under ``root / 'data'``)."""
    import os

    import yaml

    from pipelines.settings import Settings

    landing = root / "landing"
    for office in offices:
        (landing / office["id"]).mkdir(parents=True)
    for (office, name), spec in files.items():
        path = landing / office / name
        path.write_bytes(spec[1]())
        if saved_at is not None:
            os.utime(path, (saved_at[office, name], saved_at[office, name]))
    registry = root / "offices.yaml"
    registry.write_text(yaml.safe_dump({"offices": [dict(o, freshness_days=freshness_days) for o in offices]}),
                        encoding="utf-8")
    return Settings(registry_path=registry, landing_root=landing, data_dir=root / "data",
                    warehouse_url=f"duckdb:///{root / 'data' / 'warehouse.duckdb'}")


def run_hand_world(settings, publish, **tables: str):
    """Run every asset over a hand-counted world, its files judged and published at ``publish``,
    and read each of ``tables`` (report attribute -> SQL over the published DuckDB warehouse)
    onto the run's report (e.g. ``participation="SELECT person_key, ... FROM fact_participation"``)."""
    import dagster as dg
    import duckdb

    from pipelines.run import run_everything

    report = run_everything(settings, "test-secret", publish_date=publish, as_of=publish,
                            instance=dg.DagsterInstance.ephemeral())
    with duckdb.connect(settings.warehouse_url.removeprefix("duckdb:///"), read_only=True) as con:
        for name, sql in tables.items():
            setattr(report, name, con.execute(sql).df())
    return report



def row_address(file, sheet, row) -> tuple[str, str, int]:
    """A written row's address: file name, sheet ('' for CSV and JSON), row number."""
    return (file, sheet or "", int(row))


def rows_by_address(frame) -> dict[tuple[str, str, int], list]:
    """The rows of a published frame (``source_file``, ``source_sheet``, ``source_row``) by address."""
    out: dict[tuple[str, str, int], list] = {}
    for r in frame.itertuples():
        out.setdefault(row_address(r.source_file, r.source_sheet, r.source_row), []).append(r)
    return out


def persons_of_keys(truth_rows: list[dict], facts) -> tuple[dict[str, set], dict[str, set]]:
    """(key -> the persons whose counted rows got it, person -> the keys their counted rows got), from
    a blind world's truth rows (``file``, ``sheet``, ``row``, ``person``, ``counts``) and the published
    participations (``person_key`` and the row's address)."""
    accepted = rows_by_address(facts)
    persons_of: dict[str, set] = {}
    keys_of: dict[str, set] = {}
    for t in truth_rows:
        if not t["counts"]:
            continue
        for r in accepted.get(row_address(t["file"], t["sheet"], t["row"]), []):
            persons_of.setdefault(r.person_key, set()).add(t["person"])
            keys_of.setdefault(t["person"], set()).add(r.person_key)
    return persons_of, keys_of


def rows_lost(truth_rows: list[dict], facts, quarantine, log) -> list[tuple]:
    """(office, file, sheet, row) of each written row of a blind world's truth (``office``, ``file``,
    ``sheet``, ``row``) found neither in the published participations nor in quarantine, its file
    not rejected in the submission log (``office_id``, ``source_file``, ``status``)."""
    accepted, quarantined = rows_by_address(facts), rows_by_address(quarantine)
    rejected = {(r.office_id, r.source_file) for r in log.itertuples() if r.status == "rejected"}
    return [(t["office"], t["file"], t["sheet"], t["row"]) for t in truth_rows
            if row_address(t["file"], t["sheet"], t["row"]) not in accepted
            and row_address(t["file"], t["sheet"], t["row"]) not in quarantined
            and (t["office"], t["file"]) not in rejected]

# The headline's three measures, in the order of :func:`headline_cells`' tuples.
MEASURES = ("certified", "active", "unknown")


def measure_params(marks: dict | None = None) -> list:
    """``pytest.param`` per measure (index into :func:`headline_cells`' tuples, id its name),
    with ``marks`` (measure name -> mark, e.g. an xfail) on those a world does not meet yet."""
    import pytest

    marks = marks or {}
    return [pytest.param(i, id=name, marks=marks.get(name, ())) for i, name in enumerate(MEASURES)]


def keys_and_persons(participation, person_of_row: dict) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(person -> the person keys their rows got, key -> the persons whose rows got it), from the
    published participations (``person_key``, ``source_file``, ``source_row``) and the world's
    ``person_of_row``: (file name, spreadsheet row) -> the person that row is."""
    keys: dict[str, set[str]] = {}
    persons: dict[str, set[str]] = {}
    for r in participation.itertuples():
        person = person_of_row[(r.source_file, int(r.source_row))]
        keys.setdefault(person, set()).add(r.person_key)
        persons.setdefault(r.person_key, set()).add(person)
    return keys, persons


MISSING = "-"  # how the clerks of :class:`ParticipantLists` write a NIK they do not have


def excel_cut(nik: str) -> str:
    """A NIK typed as a number: 15 significant digits, the 16th shown as 0."""
    return nik[:15] + "0"


def typo_nik(nik: str) -> str:
    """A NIK with its last-but-one digit mistyped."""
    return nik[:-2] + str((int(nik[-2]) + 3) % 10) + nik[-1]


class ParticipantLists:
    """Participant lists as worlds 17-19's regency clerks write them: two title rows, a blank row,
    then NO, NAMA, NIK, birth, L/P, JABATAN KERJA, JENJANG, HASIL, NO. SERTIFIKAT, TGL TERBIT.
    A row is (person, name as written, how the NIK is written: "valid", "excel", "typo" or
    :data:`MISSING`, jabatan, jenjang, hasil, certificate number, issue date ISO)."""

    TITLE_ROWS = 2
    FIRST_ROW = TITLE_ROWS + 3  # the spreadsheet row of a list's first participant

    def __init__(self, book: PersonBook):
        self.book = book

    def written_nik(self, person: str, how: str) -> str:
        """The NIK cell of ``person`` written ``how``."""
        nik = self.book.nik(person)
        return {"valid": nik, "excel": excel_cut(nik), "typo": typo_nik(nik), MISSING: MISSING}[how]

    def birth(self, person: str, place: str | None):
        """The birth cell: a date, or place and date in one cell ("Maumere, 12-03-1984")."""
        if place is None:
            return as_datetime(self.book.born(person))
        year, month, day = self.book.born(person).split("-")
        return f"{place}, {day}-{month}-{year}"

    def sheet_xlsx(self, titles: list[str], rows: list, *, place: str | None = None,
                   birth_header: str = "TGL LAHIR") -> bytes:
        """One list as an xlsx with sheet PESERTA; ``place`` writes birth as "place, dd-mm-yyyy"."""
        import openpyxl

        assert len(titles) == self.TITLE_ROWS
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "PESERTA"
        values = [[i, name, self.written_nik(p, how), self.birth(p, place), self.book.sex(p), jab, lvl, hasil,
                   number or None, as_datetime(issued)]
                  for i, (p, name, how, jab, lvl, hasil, number, issued) in enumerate(rows, 1)]
        titled_sheet(ws, titles, ["NO", "NAMA", "NIK", birth_header, "L/P", "JABATAN KERJA", "JENJANG", "HASIL",
                                  "NO. SERTIFIKAT", "TGL TERBIT"], values)
        return xlsx_bytes(wb)

    def two_years(self, office: str, region: str, place: str, first: list, second: list) -> dict:
        """An office's 2024 list (birth date alone) and its 2025 list (place and date in one cell),
        as :func:`landing_world`'s files: (office, file name) -> (rows, bytes builder)."""
        def titles(year: int) -> list[str]:
            return [f"DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN {year}", f"DINAS PUPR {region.upper()}"]

        return {
            (office, f"Peserta Uji Kompetensi {region} 2024.xlsx"): (first, lambda: self.sheet_xlsx(titles(2024), first)),
            (office, f"Peserta Uji Kompetensi {region} 2025.xlsx"): (second, lambda: self.sheet_xlsx(
                titles(2025), second, place=place, birth_header="TEMPAT, TGL LAHIR")),
        }
