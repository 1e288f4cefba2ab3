"""Office habits added after the world is written: files a clerk produces by hand, truth included.

Each office below sends one more file for a 2026 program, written the way real offices
write such files (docs/data-model.md "Sheet structure", "Hidden rows and copied sheets",
"Hand-edited and portal JSON"; DOMAIN "Names", "The certificate"). The persons are the
office's own earlier participants (so linkage must join the new rows to their old ones);
the certificates are new. The truth is written here from what the file says, never with
the pipeline's code. The classes listed in :data:`UNHANDLED` (the pipeline got them wrong when
they were added) are written only when asked (:func:`add_office_mess`):

* ``prov-kaltim``: an expert list with TAHAP I and TAHAP II side by side on one sheet, names
  with academic titles in many spellings ("Budi Santoso, S.T., M.T.", "Ir. H. ...",
  "SANTOSO.S.Pd"); the same bytes kept in Kutai Timur's folder (a province's expert list in a
  regency's folder: it counts at the province only, the copy's rows are ``copy_of_other_office``),
  and in Samarinda's folder opened and saved again (same cells, other bytes: a new last-saved stamp);
  30% of its NIK cells typed as numbers (Excel keeps 15 digits);
* ``kab-kutai-timur``, ``kab-muara-enim``: a list where the clerk hid the rows of persons taken
  out of the list by hand (those rows are not counted, listed in junk as ``hidden_by_hand``;
  in Muara Enim the filter buttons are on, an autoFilter without criteria, which hides
  nothing), NIK cells with a remark ("6408... (KTP Kutim)") and "5 Tahun" in the Masa Berlaku
  column;
* ``kab-kutai-kartanegara``: a list with a filter left on (rows hidden by the filter are a
  view: they count) and the result as a lone "KOMPETEN" tick column (``v`` ticked, ``0`` or the
  clerk's ``-`` not);
* ``kab-muaro-jambi``: a workbook whose hidden sheet is an old copy of the visible one (the
  same people, fewer rows: those added since are missing, and about one result in twelve is the
  one the clerk corrected later; its rows are junk ``old_copy_sheet``);
* ``prov-kalsel``: a hand-edited API page (comments, trailing commas; 20% of NIKs missing, half
  the names with titles, birth dates as +08:00 timestamps) and a CKAN
  ``datastore_search`` dump of two pages appended, whose only level is the grade at the end of
  the expert occupation ("Ahli Teknik Jembatan Madya" = jenjang 8).
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from demo.common import _rng
from demo.xlsx import FIXED_CREATED, XDate, XlsxBook
from sources.registry import Office

YEAR = 2026
SKK_YEARS = 5
SERIAL_BASE = 800_000  # above every serial the world's registers reach (start < 300 + rows)
EXCEL_EPOCH = date(1899, 12, 30)

# Expert occupations: (field, jenjang 7-9 phrase). Written "Ahli Muda Teknik Jalan" in most files,
# with the grade at the end ("Ahli Teknik Jalan Muda") in the portal's datastore.
EXPERT_FIELDS = ("Teknik Jalan", "Teknik Jembatan", "Teknik Bangunan Gedung", "K3 Konstruksi",
                 "Manajemen Konstruksi", "Teknik Sumber Daya Air")
GRADE = {7: "Muda", 8: "Madya", 9: "Utama"}
SKILLED = {1: ("Operator Excavator", "Tukang Batu"), 2: ("Operator Bulldozer", "Tukang Besi Beton"),
           3: ("Operator Crane", "Tukang Kayu"), 4: ("Mandor Pekerjaan Jalan", "Juru Ukur"),
           5: ("Pelaksana Lapangan Pekerjaan Gedung", "Teknisi Laboratorium Beton"),
           6: ("Pengawas Lapangan Pekerjaan Jalan", "Juru Gambar Bangunan Gedung")}

# Academic titles and honorifics as clerks write them (DOMAIN "Names"): {n} is the name.
TITLE_STYLES = ("{n}, S.T., M.T.", "Ir. H. {n}", "{N}.S.Pd", "{n}, ST.,MT", "Dr. Ir. {n}, M.Eng",
                "H. {n}, S.Kom", "{n} S.T.", "Ir. {n}, M.Si", "{n},S.T", "{N}, S.T, M.M", "{n}, A.Md.T",
                "Hj. {n}, S.E.")


SIDE_BY_SIDE_FILE = f"Sertifikasi Tenaga Ahli Tahap I dan II {YEAR}.xlsx"
HIDDEN_ROWS_FILE = f"MTU Susulan {YEAR}.xlsx"
HIDDEN_UNDER_FILTER_FILE = f"Uji Kompetensi Susulan {YEAR}.xlsx"
FILTER_FILE = f"Rekap Hasil Uji Kompetensi {YEAR}.xlsx"
OLD_COPY_FILE = f"Hasil Uji Operator Alat Berat {YEAR}.xlsx"
HAND_EDITED_JSON = f"api_sertifikasi_ahli_{YEAR}_p002.json"
CKAN_JSON = f"datastore_search_sertifikasi_ahli_{YEAR}.json"
HAND_MADE_FILES = (SIDE_BY_SIDE_FILE, HIDDEN_ROWS_FILE, HIDDEN_UNDER_FILTER_FILE, FILTER_FILE, OLD_COPY_FILE, HAND_EDITED_JSON, CKAN_JSON)

# Classes of mess the pipeline got wrong when they were added (measured on the 5,000-row demo world, seed 42):
# written only with ``unhandled`` (see add_office_mess).
UNHANDLED = {
    "lone_tick_dash": "kab-kutai-kartanegara: a Belum Kompeten marked '-' in a lone KOMPETEN tick column is read as "
                      "no result (the file's other rows are ticked 'v'; '0' is read)",
}
# Written by default since the pipeline reads them (they were in UNHANDLED when added): the province's
# expert list byte-copied into Kutai Timur's folder and re-saved (other bytes) into Samarinda's, both
# counted at the province only and the copies' offices told (expectations/copies.py); rows hidden by hand
# under filter buttons without criteria in Muara Enim, not counted (sources/readers/excel.py).

# Persons per file at 5,000 rows asked (scaled with the world, at least MIN_PERSONS, at most 3x).
FILE_PERSONS = {"prov-kaltim": 36, "kab-kutai-timur": 30, "kab-kutai-kartanegara": 30, "kab-muaro-jambi": 28,
                "prov-kalsel": 40, "kab-muara-enim": 24}
MIN_PERSONS = 6


def persons_per_file(rows: int) -> dict[str, int]:
    """How many persons each office's extra file lists in a world of ``rows`` rows asked."""
    return {office: max(MIN_PERSONS, min(3 * n, round(n * rows / 5000))) for office, n in FILE_PERSONS.items()}


def add_office_mess(landing_root: Path, offices: dict[str, Office], rows: pd.DataFrame, files: pd.DataFrame,
                    junk: pd.DataFrame, persons: pd.DataFrame, seed: int, asked: int, nik_damage: bool = True,
                    unhandled: bool | None = None):
    """Write the extra files into the offices' folders; return the truth's rows, files and junk with them.

    ``asked``: the rows asked of the world (the files grow with it). ``nik_damage`` False: every NIK cell
    holds the NIK alone (no remark after it, none typed as a number, none missing).

    ``unhandled``: also write the classes the pipeline does not handle yet (:data:`UNHANDLED`); default from
    the environment, ``DEMO_UNHANDLED_MESS=1`` (so ``DEMO_UNHANDLED_MESS=1 make demo`` shows them). Off by
    default only so that tests/test_pipeline_e2e.py stays green for everyone until the pipeline reads them;
    once it does, they belong in the default world."""
    if unhandled is None:
        unhandled = os.environ.get("DEMO_UNHANDLED_MESS", "") == "1"
    rng = _rng(seed, "office-mess")
    mess = _Mess(Path(landing_root), offices, rows, persons, rng)
    mess.damage = nik_damage
    mess.sizes = persons_per_file(asked)
    if "prov-kaltim" in offices:
        name = mess.side_by_side_experts()
        if "kab-kutai-timur" in offices:
            mess.copy_to_regency("prov-kaltim", name, "kab-kutai-timur")
        if "kota-samarinda" in offices:
            mess.copy_to_regency("prov-kaltim", name, "kota-samarinda", resaved=True)
    if "kab-kutai-timur" in offices:
        mess.hidden_by_hand()
    if "kab-muara-enim" in offices:
        mess.hidden_by_hand("kab-muara-enim", HIDDEN_UNDER_FILTER_FILE, "KABUPATEN MUARA ENIM", "Muara Enim",
                            filter_buttons=True)
    if "kab-kutai-kartanegara" in offices:
        mess.filtered_lone_kompeten(unticked="-" if unhandled else "0")
    if "kab-muaro-jambi" in offices:
        mess.hidden_old_copy()
    if "prov-kalsel" in offices:
        mess.kalsel_json_pages()
    new_rows = pd.DataFrame(mess.rows)
    rows = pd.concat([rows, _typed_like(new_rows, rows)], ignore_index=True) if len(new_rows) else rows
    files = pd.concat([files, pd.DataFrame(mess.files)], ignore_index=True) if mess.files else files
    junk = pd.concat([junk, pd.DataFrame(mess.junk, columns=junk.columns)], ignore_index=True) if mess.junk else junk
    return rows, files, junk


def _typed_like(new: pd.DataFrame, old: pd.DataFrame) -> pd.DataFrame:
    """``new`` with ``old``'s columns and dtypes."""
    new = new.reindex(columns=old.columns)
    for column in old.columns:
        dtype = old[column].dtype
        if str(dtype).startswith("datetime64"):
            new[column] = pd.to_datetime(new[column]).astype(dtype)
        elif str(dtype) == "Int64":
            new[column] = new[column].astype("Int64")
        elif dtype == bool:
            new[column] = new[column].fillna(False).astype(bool)
        elif dtype.kind in "iu":
            new[column] = new[column].astype(dtype)
    return new


def _serial(day: date) -> XDate:
    return XDate((day - EXCEL_EPOCH).days)


class _Mess:
    """The extra files and what they add to the truth."""

    def __init__(self, root: Path, offices: dict[str, Office], rows: pd.DataFrame, persons: pd.DataFrame, rng):
        self.root, self.offices, self.world_rows, self.rng = root, offices, rows, rng
        self.persons = persons.set_index("person_id")
        self.rows: list[dict] = []
        self.files: list[dict] = []
        self.junk: list[tuple] = []
        self.serial = SERIAL_BASE + int(rng.integers(0, 1000))
        self.taken: set[int] = set()
        self.writers: dict[tuple[str, str], object] = {}  # (office, file) -> write(path, creator, modified)
        known = rows[rows["person_id"].notna()]
        self.held: dict[int, set] = {}
        for p, j, k in zip(known["person_id"].astype(int), known["jabatan_kerja"], known["jenjang"]):
            self.held.setdefault(p, set()).add((j, int(k)))
        self.damage = True
        self.sizes = dict(FILE_PERSONS)

    # --- people and certificates -------------------------------------------------------
    def _people(self, office_id: str, n: int, experts: bool) -> list[int]:
        """``n`` distinct persons the office published before with an intact NIK (none reused across files)."""
        r = self.world_rows
        mine = r[(r["office_id"] == office_id) & (r["expected"] == "published") & r["nik_intact"]
                 & r["person_id"].notna() & ((r["jenjang"] >= 7) == experts)]
        ids = sorted(set(int(p) for p in mine["person_id"]) - self.taken)
        pick = sorted(self.rng.choice(ids, size=min(n, len(ids)), replace=False).tolist())
        self.taken.update(pick)
        return pick

    def _certificate(self, office_id: str, experts: bool, kompeten: bool, pid: int, low: bool = False) -> dict:
        """A new 2026 assessment of person ``pid``: jabatan kerja, jenjang, result and (Kompeten) the SKK; never
        a jabatan kerja and jenjang the person already holds (``low``: operators' levels 1-3 only)."""
        held = self.held.get(pid, set())
        for _ in range(20):
            if experts:
                jen = int(self.rng.choice([7, 7, 7, 8, 8, 9]))
                field = EXPERT_FIELDS[int(self.rng.integers(0, len(EXPERT_FIELDS)))]
                jabatan = f"Ahli {GRADE[jen]} {field}"
            else:
                jen = int(self.rng.integers(1, 4 if low else 7))
                jabatan = SKILLED[jen][0 if low else int(self.rng.integers(0, 2))]
            if (jabatan, jen) not in held:
                break
        self.held.setdefault(pid, set()).add((jabatan, jen))
        cert = {"jabatan": jabatan, "jenjang": jen, "kompeten": kompeten, "nomor": None, "terbit": None,
                "berlaku": None}
        if kompeten:
            code = self.offices[office_id].region_code.replace(".", "").ljust(4, "0")
            self.serial += 1 + int(self.rng.integers(0, 3))
            cert["nomor"] = f"SKK-{code}-{YEAR}-{self.serial:06d}"
            cert["terbit"] = date(YEAR, 3, 1) + timedelta(days=int(self.rng.integers(0, 200)))
            cert["berlaku"] = cert["terbit"].replace(year=YEAR + SKK_YEARS)
        return cert

    def _truth(self, office_id: str, file: str, sheet: str, row: int, pid: int, cert: dict, written_nik: str,
               written_nama: str, program: str, expected: str = "published", stated_dates: bool = True,
               stated_berlaku: bool = True, copy_of: str = "", produced_by: str | None = None,
               damage: str | None = None, stated_number: bool = True) -> None:
        """One truth row. ``written_nik``: the NIK cell as text (None when empty); ``damage`` names how it
        differs from the NIK when it does (default: "remark", a note after the number)."""
        person = self.persons.loc[pid]
        k = cert["kompeten"]
        intact = written_nik is not None and (
            written_nik.replace(" ", "").replace(".", "").lstrip("'") == person["true_nik"])
        self.rows.append({
            "office_id": office_id, "source_file": file, "source_sheet": sheet, "source_row": row,
            "person_id": pid, "true_nik": person["true_nik"],
            "nik_intact": intact,
            "nik_damage": "" if intact else damage or "remark",
            "jabatan_kerja": cert["jabatan"], "jenjang": cert["jenjang"],
            "kualifikasi": "Operator" if cert["jenjang"] <= 3 else "Teknisi/Analis" if cert["jenjang"] <= 6 else "Ahli",
            "hasil": "Kompeten" if k else "Belum Kompeten",
            "nomor_sertifikat": cert["nomor"] if stated_number else None,
            "tanggal_terbit": cert["terbit"] if stated_dates else None,
            "masa_berlaku": cert["berlaku"] if stated_dates and stated_berlaku else None,
            "tahun": YEAR, "program": program, "certificate_id": cert["nomor"], "pending": False, "rekap_of": "",
            "written_nik": written_nik, "written_nama": written_nama, "expected": expected,
            "produced_by": produced_by or office_id, "true_terbit": cert["terbit"], "true_berlaku": cert["berlaku"],
            "copy_of": copy_of, "continued": False, "cert_only": False,
        })

    def _titled(self, pid: int) -> str:
        """The person's name with an academic title or honorific, in one of many spellings."""
        name = self.persons.loc[pid, "nama"]
        style = TITLE_STYLES[int(self.rng.integers(0, len(TITLE_STYLES)))]
        return style.format(n=name, N=name.upper())

    def _typed_as_number(self, pid: int, share: float) -> tuple[object, str, str | None]:
        """The NIK cell: text, or (``share`` of rows) typed as a number, which Excel keeps to 15 digits.
        Returns the cell, its text as the readers render it, and the damage."""
        nik = self.persons.loc[pid, "true_nik"]
        if not self.damage or self.rng.random() >= share:
            return nik, nik, None
        value = float(int(nik[:15]) * 10)
        return value, f"{value:.14e}", "excel_truncated"

    def _ttl(self, pid: int) -> str:
        """Birth place and date in one cell: "Sangatta, 12-03-1985"."""
        born = pd.Timestamp(self.persons.loc[pid, "birth_date"])
        return f"{self.persons.loc[pid, 'birth_place']}, {born:%d-%m-%Y}"

    def _file(self, office_id: str, name: str, why: str, status: str = "ok", same_as: str = "") -> Path:
        self.files.append({"office_id": office_id, "source_file": name, "expected_status": status, "why": why,
                           "same_as": same_as})
        folder = self.offices[office_id].landing_dir(self.root)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / name

    def _junk(self, office_id: str, file: str, sheet: str, rows: list[tuple[int, str]]) -> None:
        self.junk.extend((office_id, file, sheet, r, kind) for r, kind in rows)

    # --- the files ----------------------------------------------------------------------
    def side_by_side_experts(self) -> str:
        """prov-kaltim: TAHAP I in A-I, TAHAP II in K-S of one sheet, each under its own batch title."""
        office = "prov-kaltim"
        name = SIDE_BY_SIDE_FILE
        path = self._file(office, name, "expert list, TAHAP I and TAHAP II side by side; names with academic titles")
        people = self._people(office, self.sizes[office], experts=True)
        left, right = people[: (len(people) + 1) // 2], people[(len(people) + 1) // 2:]
        header = ["No", "Nama Lengkap", "NIK", "Tempat, Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                  "No. Sertifikat"]
        head = [(1, [f"DAFTAR PESERTA SERTIFIKASI TENAGA AHLI TAHUN {YEAR}"]),
                (3, ["TAHAP I"] + [None] * 9 + ["TAHAP II"]), (4, header + [None] + header)]
        self._junk(office, name, "Peserta", [(1, "title"), (3, "title")])
        self._junk(office, name, "Peserta [K:S]", [(3, "title")])  # TAHAP II's own title, read with its table
        grid: dict[int, list] = {}
        for group, program, col0, sheet_name in ((left, "TAHAP I", 0, "Peserta"),
                                                  (right, "TAHAP II", 10, "Peserta [K:S]")):
            for i, pid in enumerate(group):
                r = 5 + i
                cert = self._certificate(office, True, bool(self.rng.random() < 0.92), pid)
                nama = self._titled(pid)
                nik, written, damage = self._typed_as_number(pid, 0.3)
                cells = [i + 1, nama, nik, self._ttl(pid), self.persons.loc[pid, "sex"], cert["jabatan"],
                         str(cert["jenjang"]), "K" if cert["kompeten"] else "BK", cert["nomor"] or "-"]
                line = grid.setdefault(r, [None] * 19)
                line[col0:col0 + 9] = cells
                self._truth(office, name, sheet_name, r, pid, cert, written, nama, program, stated_dates=False,
                            damage=damage)

        def write(target: Path, creator: str, modified: str = FIXED_CREATED) -> None:
            book = XlsxBook(target, creator=creator, modified=modified)
            sheet = book.sheet("Peserta")
            for r, values in head:
                sheet.row(r, values, bold=True)
            sheet.merge(3, 0, 3, 8)
            sheet.merge(3, 10, 3, 18)
            for r in sorted(grid):
                sheet.row(r, grid[r])
            book.close()

        write(path, "Dinas PUPR-Pera Kaltim")
        self.writers[(office, name)] = write
        return name

    def copy_to_regency(self, owner: str, name: str, regency: str, resaved: bool = False) -> None:
        """The province's list kept in a regency's or city's folder: it counts at the province only.
        ``resaved``: the clerk opened it and pressed Save (same cells, a new last-saved stamp, other bytes)."""
        how = "opened and saved again (same cells, other bytes)" if resaved else "byte for byte"
        target = self._file(regency, name, f"copy of {owner}'s expert list kept in this folder, {how}: counts at "
                                           f"{owner}", status="copy_other_office", same_as=f"{owner}/{name}")
        if resaved:
            self.writers[(owner, name)](target, "Dinas PUPR-Pera Kaltim", "2026-08-14T02:37:51Z")
        else:
            shutil.copyfile(self.offices[owner].landing_dir(self.root) / name, target)
        for row in [r for r in self.rows if r["office_id"] == owner and r["source_file"] == name]:
            self.rows.append({**row, "office_id": regency, "expected": "copy_of_other_office",
                              "copy_of": f"{owner}/{name}", "produced_by": owner})
        self.junk.extend((regency, f, s, r, k) for o, f, s, r, k in list(self.junk) if o == owner and f == name)

    def hidden_by_hand(self, office: str = "kab-kutai-timur", name: str = HIDDEN_ROWS_FILE,
                       region: str = "KABUPATEN KUTAI TIMUR", ktp: str = "Kutim", filter_buttons: bool = False) -> None:
        """Rows of persons taken out of the list hidden by hand; NIK remarks; "5 Tahun" as Masa Berlaku.

        ``filter_buttons``: the clerk turned the filter buttons on (an autoFilter with no criteria, which
        hides nothing): the hidden rows were still hidden by hand."""
        how = "with filter buttons on but no criteria" if filter_buttons else "no filter"
        path = self._file(office, name, f"rows hidden by hand ({how}; not counted), NIK remarks, "
                                        "Masa Berlaku '5 Tahun'")
        people = self._people(office, self.sizes[office], experts=False)
        book = XlsxBook(path, creator="Dinas PUPR")
        sheet = book.sheet("Susulan")
        sheet.row(1, [f"DAFTAR PESERTA SERTIFIKASI SUSULAN TAHUN {YEAR}"], bold=True)
        sheet.row(2, [f"DINAS PEKERJAAN UMUM DAN PENATAAN RUANG {region}"], bold=True)
        sheet.row(4, ["No", "Nama Peserta", "NIK", "TTL", "L/P", "Jabatan Kerja", "Jenjang", "Hasil Uji",
                      "Tgl Terbit", "Masa Berlaku"], bold=True)
        self._junk(office, name, "Susulan", [(1, "title"), (2, "title")])
        hidden = set(self.rng.choice(len(people), size=max(1, len(people) // 6), replace=False).tolist())
        number = 0
        for i, pid in enumerate(people):
            r = 5 + i
            cert = self._certificate(office, False, bool(self.rng.random() < 0.9), pid)
            nik = self.persons.loc[pid, "true_nik"]
            written = nik
            if self.rng.random() < 0.3 and self.damage:
                written = nik + self.rng.choice([f" (KTP {ktp})", " (sesuai KTP)", " - KTP lama", ";"]).item()
            number += 1
            cells = [number, self.persons.loc[pid, "nama"].upper(), written, self._ttl(pid), self.persons.loc[pid, "sex"],
                     cert["jabatan"], f"Jenjang {cert['jenjang']}", "Kompeten" if cert["kompeten"] else "Belum Kompeten",
                     _serial(cert["terbit"]) if cert["terbit"] else None, "5 Tahun" if cert["kompeten"] else None]
            sheet.row(r, cells, hidden=i in hidden)
            if i in hidden:  # the person withdrew: the clerk hid the row instead of deleting it
                self._junk(office, name, "Susulan", [(r, "hidden_by_hand")])
            else:
                self._truth(office, name, "Susulan", r, pid, cert, written, cells[1], "Susulan",
                            stated_berlaku=False, stated_number=False)
        if filter_buttons:
            sheet.auto_filter(f"A4:J{4 + len(people)}")
        book.close()

    def filtered_lone_kompeten(self, unticked: str = "0") -> None:
        """kab-kutai-kartanegara: a filter left on (its hidden rows count), result as a lone KOMPETEN tick column
        ("v" ticked; ``unticked`` the mark of a Belum Kompeten: "0", or the clerk's dash "-")."""
        office = "kab-kutai-kartanegara"
        name = FILTER_FILE
        path = self._file(office, name, "filter left on (filtered rows count); lone KOMPETEN tick column")
        people = self._people(office, self.sizes[office], experts=False)
        book = XlsxBook(path, creator="Dinas PUPR Kukar")
        sheet = book.sheet("Rekap")
        sheet.row(1, [f"REKAP HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN {YEAR}"], bold=True)
        sheet.row(3, ["No", "Nama", "No KTP/NIK", "JK", "Jabatan", "Jenjang", "KOMPETEN", "Nomor Sertifikat"], bold=True)
        self._junk(office, name, "Rekap", [(1, "title")])
        filtered_value = None
        last = 3
        for i, pid in enumerate(people):
            r = 4 + i
            cert = self._certificate(office, False, bool(self.rng.random() < 0.85), pid)
            if filtered_value is None:
                filtered_value = cert["jabatan"]
            nik = self.persons.loc[pid, "true_nik"]
            nama = self.persons.loc[pid, "nama"]
            sheet.row(r, [i + 1, nama, nik, "Laki-laki" if self.persons.loc[pid, "sex"] == "L" else "Perempuan",
                          cert["jabatan"], str(cert["jenjang"]), "v" if cert["kompeten"] else unticked, cert["nomor"]],
                      hidden=cert["jabatan"] != filtered_value)  # the filter shows one jabatan kerja
            self._truth(office, name, "Rekap", r, pid, cert, nik, nama, "Uji Kompetensi", stated_dates=False)
            last = r
        sheet.auto_filter(f"A3:H{last}", column=4, value=filtered_value)
        book.close()

    def hidden_old_copy(self) -> None:
        """kab-muaro-jambi: the visible list, and a hidden sheet that is its earlier copy (fewer rows, a few
        results not yet corrected): only the visible list counts."""
        office = "kab-muaro-jambi"
        name = OLD_COPY_FILE
        path = self._file(office, name, "hidden sheet 'Data lama': an old copy of the visible list (not counted)")
        people = self._people(office, self.sizes[office], experts=False)
        header = ["NO", "NAMA", "NIK", "JENIS KELAMIN", "JABATAN KERJA", "JENJANG", "HASIL"]
        entries = []
        for pid in people:
            cert = self._certificate(office, False, bool(self.rng.random() < 0.9), pid, low=True)
            entries.append((pid, cert))
        book = XlsxBook(path, creator="Dinas PUPR Muaro Jambi")
        old = entries[: len(entries) - max(1, len(entries) // 5)]  # the persons added since were typed below
        # the old copy is the list before the clerk corrected it: one result in about twelve still wrong
        corrected = set(self.rng.choice(len(old), size=max(1, len(old) // 12), replace=False).tolist()) if old else set()
        old = [(pid, {**cert, "kompeten": not cert["kompeten"]} if i in corrected else cert)
               for i, (pid, cert) in enumerate(old)]
        for sheet_name, listed, hidden in (("Data lama", old, True), ("Hasil Uji", entries, False)):
            sheet = book.sheet(sheet_name, hidden=hidden)
            sheet.row(1, [f"HASIL UJI KOMPETENSI OPERATOR ALAT BERAT TAHUN {YEAR}"], bold=True)
            sheet.row(2, header, bold=True)
            self._junk(office, name, sheet_name, [(1, "title")])
            for i, (pid, cert) in enumerate(listed):
                r = 3 + i
                nik = self.persons.loc[pid, "true_nik"]
                nama = self.persons.loc[pid, "nama"].upper()
                sheet.row(r, [i + 1, nama, nik, "LAKI-LAKI" if self.persons.loc[pid, "sex"] == "L" else "PEREMPUAN",
                              cert["jabatan"].upper(), str(cert["jenjang"]), "K" if cert["kompeten"] else "BK"])
                if hidden:
                    self._junk(office, name, sheet_name, [(r, "old_copy_sheet")])
                else:
                    self._truth(office, name, sheet_name, r, pid, cert, nik, nama, "Uji Kompetensi Operator",
                                stated_dates=False, stated_number=False)
        book.close()

    def kalsel_json_pages(self) -> None:
        """prov-kalsel: a hand-edited API page (comments, trailing commas) and a CKAN dump of two pages."""
        office = "prov-kalsel"
        people = self._people(office, self.sizes[office], experts=True)
        # 1. a page fixed by hand in a text editor
        name = HAND_EDITED_JSON
        path = self._file(office, name, "API page edited by hand: // comments and trailing commas")
        first = len(people) * 3 // 8
        lines = ["{", f'  "meta": {{"page": 2, "per_page": {first},}},', "  // halaman 2 diperbaiki manual",
                 '  "data": [']
        for i, pid in enumerate(people[:first]):
            cert = self._certificate(office, True, bool(self.rng.random() < 0.9), pid)
            nik = self.persons.loc[pid, "true_nik"]
            missing = self.damage and self.rng.random() < 0.2  # the portal's form left the NIK optional
            nama = self._titled(pid) if self.rng.random() < 0.5 else self.persons.loc[pid, "nama"]
            born = pd.Timestamp(self.persons.loc[pid, "birth_date"])
            sex = self.persons.loc[pid, "sex"]
            certificate = None
            if cert["kompeten"]:
                certificate = {"number": cert["nomor"], "issued_at": f"{cert['terbit']:%Y-%m-%d}T10:00:00+08:00",
                               "expires_at": f"{cert['berlaku']:%Y-%m-%d}T23:59:59+08:00"}
            record = {"id": 5000 + i, "full_name": nama, "id_number": None if missing else nik,
                      "gender": "male" if sex == "L" else "female",
                      "birth_place": self.persons.loc[pid, "birth_place"],
                      "birth_date": f"{born:%Y-%m-%d}T00:00:00+08:00", "position": cert["jabatan"],
                      "qualification": "Ahli", "level": cert["jenjang"],
                      "assessment_result": "competent" if cert["kompeten"] else "not yet competent",
                      "certificate": certificate, "program": "Sertifikasi Ahli", "year": YEAR}
            text = json.dumps(record, ensure_ascii=False)
            if i % 4 == 1:
                lines.append(f"    /* dicek ulang {i + 1} */")
            lines.append(f"    {text[:-1]},}},")  # a comma after the last field and after every record
            self._truth(office, name, "", i + 1, pid, cert, None if missing else nik, nama, "Sertifikasi Ahli",
                        damage="missing")
        lines += ["  ],", "}", ""]
        path.write_text("\n".join(lines), encoding="utf-8")
        # 2. CKAN datastore_search answers appended page after page; the grade ends the occupation
        name = CKAN_JSON
        path = self._file(office, name, "CKAN datastore_search pages appended; level only as the grade ending "
                                        "the occupation ('Ahli Teknik Jembatan Madya')")
        pages, index = [], 0
        rest = people[first:]
        per_page = (len(rest) + 1) // 2
        for page, chunk in enumerate((rest[:per_page], rest[per_page:])):
            records = []
            for pid in chunk:
                index += 1
                cert = self._certificate(office, True, bool(self.rng.random() < 0.9), pid)
                field = cert["jabatan"].split(" ", 2)[2]
                cert["jabatan"] = f"Ahli {field} {GRADE[cert['jenjang']]}"
                nik = self.persons.loc[pid, "true_nik"]
                nama = self.persons.loc[pid, "nama"].upper()
                records.append({"_id": index, "nama": nama, "nik": nik, "jabatan_kerja": cert["jabatan"],
                                "hasil": "KOMPETEN" if cert["kompeten"] else "BELUM KOMPETEN",
                                "no_sertifikat": cert["nomor"] or ""})
                self._truth(office, name, "", index, pid, cert, nik, nama, "Sertifikasi Ahli", stated_dates=False)
            pages.append(json.dumps({
                "help": "https://data.kalselprov.go.id/api/3/action/help_show?name=datastore_search",
                "success": True,
                "result": {"resource_id": "sertifikasi-ahli-2026", "records": records, "offset": page * per_page,
                           "limit": per_page, "total": len(rest),
                           "_links": {"start": "/api/3/action/datastore_search?resource_id=sertifikasi-ahli-2026",
                                      "next": f"/api/3/action/datastore_search?offset={(page + 1) * per_page}"}},
            }, ensure_ascii=False, indent=1))
        path.write_text("\n".join(pages) + "\n", encoding="utf-8")
