"""Blind world 6: the counting rules, on Riau (14) and Sulawesi Tenggara (74) / Banten (36).

Written from DOMAIN.md, the seeds, the README and docs/warehouse.md only, before any pipeline
code was read. The file formats are plain (titled xlsx sheets); what varies is what moves the
counts: a person at two jenjang, a renewal at one jenjang (an SKT of 2019, an SKK of 2024), Belum
Kompeten then Kompeten, pre-2021 SKA/SKT certificates (expired 31 Dec 2022), expiry written only as
"Berlaku s.d." (a date, a month, a year), issue dates either side of the publish day five years on,
program year vs issue year, a number arriving in a ``_revisi`` file or in next year's list,
certificates whose number alone gives the year, a province recap re-reporting regency
certificates, one person certified by two regencies, KTPs of another province, Ahli levels written
only as titles, technician titles with Muda / Madya, "TERBIT" / "dalam proses" cells.

Two batches of offices:

1. Riau: the province (own Ahli programs, an old SKA list, a recap of its regencies), Kabupaten
   Kampar (2019 SKT list, 2024 list, 2025 list replaced by its ``_revisi``), Kota Pekanbaru (a
   roster with "Berlaku s.d." only), Kota Dumai (certificate numbers only).
2. Sulawesi Tenggara: Kota Kendari (2021 and 2022 lists), Kabupaten Konawe, the province (recap
   and its own Ahli program); Banten: Kota Cilegon (workers with Lampung KTPs).

The truth is counted from this module's model by the contract of docs/warehouse.md (rules 1-7),
never by pipeline code: headline cells (credited region, jenjang) -> (certified, active, unknown)
persons; cells per kualifikasi; persons; certificates; persons with a KTP outside the office's
province per office; every participant row written with its person.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import openpyxl

SEED = 6606
PUBLISH = date(2026, 6, 30)
BATCHES = (1, 2, 3)  # the batches written so far (each committed with its truth before its run)

OFFICES = [
    # id, registry name, level, region code, batch
    ("prov-riau", "Dinas PUPR Provinsi Riau", "province", "14", 1),
    ("kab-kampar", "Dinas PUPR Kabupaten Kampar", "regency", "14.01", 1),
    ("kota-pekanbaru", "Dinas PUPR Kota Pekanbaru", "city", "14.71", 1),
    ("kota-dumai", "Dinas PUPR Kota Dumai", "city", "14.72", 1),
    ("prov-sultra", "Dinas PUPR Provinsi Sulawesi Tenggara", "province", "74", 2),
    ("kota-kendari", "Dinas PUPR Kota Kendari", "city", "74.71", 2),
    ("kab-konawe", "Dinas PUPR Kabupaten Konawe", "regency", "74.02", 2),
    ("kota-cilegon", "Dinas PUPR Kota Cilegon", "city", "36.72", 2),
    ("prov-lampung", "Dinas PUPR Provinsi Lampung", "province", "18", 3),
    ("kota-bandar-lampung", "Dinas PUPR Kota Bandar Lampung", "city", "18.71", 3),
    ("kab-lampung-selatan", "Dinas PUPR Kabupaten Lampung Selatan", "regency", "18.01", 3),
]
REGION_OF = {o[0]: o[3] for o in OFFICES}
NAME_OF = {o[0]: o[1] for o in OFFICES}

GIVEN = {
    "riau": ["Zulkifli", "Syahrial", "Rahmat", "Dedi", "Azwar", "Yusri", "Hendra", "Rudi", "Andi", "Budi",
             "Wahyu", "Joko", "Riki", "Eko", "Syamsul", "Taufik", "Darmawan", "Zainal", "Firdaus", "Hasbi",
             "Irfan", "Khairul", "Marzuki", "Nasrul", "Ridwan", "Suparman", "Tarmizi", "Yasir"],
    "sultra": ["Asrun", "Sahrul", "Akbar", "Baso", "Jumadil", "Ruslan", "Hasrul", "Irwan", "Muhlis", "Nasir",
               "Arman", "Bahtiar", "Darwis", "Erwin", "Gusti", "Haerul", "Idrus", "Jufri", "Kamaruddin", "Laode"],
    "banten": ["Asep", "Ujang", "Cecep", "Dede", "Entis", "Iwan", "Komar", "Mamad", "Nandang", "Oman"],
}
FEMALE = {"riau": ["Fitriani", "Nurhayati", "Yulia", "Rosmawati"], "sultra": ["Wa Ode Sitti", "Hasnawati", "Nurlela"],
          "banten": ["Euis", "Iis", "Neneng"]}
FAMILY = {"riau": ["Saputra", "Hidayat", "Irawan", "Gunawan", "Hartono", "Santoso", "Nugroho", "Susilo",
                   "Pratama", "Prasetyo", "Bahri", "Abidin", "Effendi", "Syahputra", "Lubis", "Harahap"],
          "sultra": ["Tamburaka", "Lakidende", "Laute", "Mahmud", "Rahim", "Sulaiman", "Tawulo", "Wambona",
                     "Ladjali", "Baharuddin", "Halim", "Anwar"],
          "banten": ["Suryana", "Saepudin", "Sutisna", "Hermawan", "Mulyana", "Rohendi", "Kurniawan"]}
HOMES = {"riau": [("1401", "Bangkinang"), ("1471", "Pekanbaru"), ("1472", "Dumai"), ("1408", "Siak")],
         "sultra": [("7471", "Kendari"), ("7402", "Unaaha"), ("7403", "Raha")],
         "banten": [("3672", "Cilegon"), ("3604", "Serang")],
         "lampung": [("1801", "Kalianda"), ("1871", "Bandar Lampung")],
         "sumut": [("1271", "Medan")]}

JABATAN = {
    1: ["Tukang Pasang Bata"], 2: ["Tukang Besi Beton", "Tukang Batu", "Tukang Kayu"],
    3: ["Operator Excavator", "Operator Bulldozer", "Operator Crane", "Operator Motor Grader"],
    4: ["Mandor Pekerjaan Jalan", "Juru Ukur", "Pelaksana Pemeliharaan Jalan Muda"],
    5: ["Pelaksana Lapangan Pekerjaan Gedung", "Quantity Surveyor Madya", "Teknisi Laboratorium Beton"],
    6: ["Pengawas Pekerjaan Jalan", "Teknisi Laboratorium Beton Madya"],
    7: ["Ahli Muda Teknik Jalan", "Ahli Muda K3 Konstruksi", "Arsitek Muda"],
    8: ["Ahli Madya Teknik Jembatan", "Ahli Madya Manajemen Konstruksi"],
    9: ["Ahli Utama Teknik Jalan"],
}
AHLI = {7: "Ahli Muda", 8: "Ahli Madya", 9: "Ahli Utama"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]


def kualifikasi(jenjang: int) -> str:
    """DOMAIN.md's grouping: 1-3 Operator, 4-6 Teknisi / Analis, 7-9 Ahli."""
    return "operator" if jenjang <= 3 else "teknisi" if jenjang <= 6 else "ahli"


# ------------------------------------------------------------------ the model
@dataclass
class Person:
    pid: int
    name: str
    nik: str
    sex: str
    birth: date
    place: str


@dataclass
class Cert:
    """One certificate in the model: its holder, jabatan, jenjang, the office credited with it."""

    cid: int
    person: Person
    jabatan: str
    jenjang: int
    office: str
    number: str | None            # its registration number (None: never known to anyone)
    number_year: int | None       # the year that number states by rule 5's shapes (None: states none)
    issued: date | None


@dataclass
class Row:
    """One participant row as written: what the clerk knew about it."""

    person: Person
    jabatan: str
    jenjang: int
    hasil: str | None             # "K", "BK", None
    cert: Cert | None
    number: str | None = None     # as written (None: blank / "dalam proses" / "TERBIT")
    issued: date | None = None    # tanggal terbit written
    masa: tuple | None = None     # stated expiry: ("date", date) / ("month", y, m) / ("year", y)
    tahun: int | None = None      # program year written on the row
    re_report: bool = False


@dataclass
class FileRec:
    office: str
    name: str
    counts_at: str | None
    batch: int
    rows: list = field(default_factory=list)   # (sheet, source row, Row)
    note: str = ""


def add_years(d: date, n: int) -> date:
    return d.replace(year=d.year + n) if not (d.month == 2 and d.day == 29) else date(d.year + n, 3, 1)


def status_of(evidence: tuple) -> str:
    """'active' / 'unknown' / 'expired' on PUBLISH for one piece of evidence (warehouse.md rule 5)."""
    kind = evidence[0]
    old_scheme = "expired" if PUBLISH > date(2022, 12, 31) else "active"
    if kind == "masa":
        m = evidence[1]
        if m[0] == "date":
            return "active" if PUBLISH < m[1] else "expired"
        first, last = (date(m[1], m[2], 1), date(m[1] + m[2] // 12, m[2] % 12 + 1, 1)) if m[0] == "month" else \
            (date(m[1], 1, 1), date(m[1] + 1, 1, 1))
        return "active" if PUBLISH < first else "unknown" if PUBLISH < last else "expired"
    if kind == "terbit":
        if evidence[1].year < 2021:
            return old_scheme
        return "active" if PUBLISH < add_years(evidence[1], 5) else "expired"
    y = evidence[1]
    if y < 2021:
        return old_scheme
    if kind == "number":
        return "active" if PUBLISH < date(y + 5, 1, 1) else "unknown" if PUBLISH.year == y + 5 else "expired"
    return "active" if PUBLISH.year <= y + 4 else "unknown" if PUBLISH.year == y + 5 else "expired"


def row_evidence(r: Row) -> tuple | None:
    """The first evidence a row gives: masa berlaku, tanggal terbit, number year, program year."""
    if r.masa:
        return ("masa", r.masa)
    if r.issued:
        return ("terbit", r.issued)
    if r.number and r.cert and r.cert.number == r.number and r.cert.number_year:
        return ("number", r.cert.number_year)
    if r.tahun:
        return ("tahun", r.tahun)
    return None


RANK = {"masa": 0, "terbit": 1, "number": 2, "tahun": 3}


def pooled_status(rows: list[Row]) -> str:
    """A certificate judged on the strongest kind of evidence any report gives; among reports of that
    kind active if any is, else unknown if any is, else expired (two stated expiries: the latest)."""
    ev = [e for e in (row_evidence(r) for r in rows) if e]
    if not ev:
        return "unknown"
    best = min(RANK[e[0]] for e in ev)
    states = {status_of(e) for e in ev if RANK[e[0]] == best}
    return "active" if "active" in states else "unknown" if "unknown" in states else "expired"


def certification_year(reports: list[Row]) -> int | None:
    """Rule 7 over a certificate's reports: an issue date's year, else the number's year, else the
    program year (the model never gives one certificate two of one kind)."""
    for kind in ("terbit", "number", "tahun"):
        years = set()
        for r in reports:
            if kind == "terbit" and r.issued:
                years.add(r.issued.year)
            elif kind == "number" and r.number and r.cert.number == r.number and r.cert.number_year:
                years.add(r.cert.number_year)
            elif kind == "tahun" and r.tahun:
                years.add(r.tahun)
        if years:
            assert len(years) == 1, (kind, years, reports[0].person.name)
            return years.pop()
    return None


def yearly_cells(yearly: dict) -> dict:
    """(region, jenjang) -> person -> [(year, cert)] as region|year|jenjang -> [certificates, persons, new]."""
    out: dict[str, list[int]] = {}
    for (region, j), holders in yearly.items():
        for _pid, certs in holders.items():
            first = min(y for y, _c in certs)
            for y in sorted({y for y, _c in certs}):
                cell = out.setdefault(f"{region}|{y}|{j}", [0, 0, 0])
                cell[0] += sum(1 for yy, _c in certs if yy == y)
                cell[1] += 1
                cell[2] += y == first
    return dict(sorted(out.items()))


class World:
    """Persons, certificates and files; the truth is counted from here."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.persons: list[Person] = []
        self.certs: list[Cert] = []
        self.files: list[FileRec] = []
        self._names: set[str] = set()
        self._serial: dict[str, int] = {}
        self._numbers: dict[str, int] = {}

    def person(self, culture: str, home: str | None = None, sex: str | None = None) -> Person:
        rng = self.rng
        sex = sex or ("P" if rng.random() < 0.1 else "L")
        while True:
            given = rng.choice(FEMALE[culture] if sex == "P" else GIVEN[culture])
            name = f"{given} {rng.choice(FAMILY[culture])}"
            if name not in self._names:
                break
        self._names.add(name)
        region, place = rng.choice(HOMES[home or culture])
        birth = date(rng.randint(1968, 2001), rng.randint(1, 12), rng.randint(1, 28))
        self._serial[region] = self._serial.get(region, 0) + 1
        nik = (f"{region}{rng.randint(1, 12):02d}{birth.day + (40 if sex == 'P' else 0):02d}"
               f"{birth.month:02d}{birth.year % 100:02d}{self._serial[region] + 7:04d}")
        p = Person(len(self.persons) + 1, name, nik, sex, birth, place)
        self.persons.append(p)
        return p

    def cert(self, p: Person, office: str, jenjang: int, year: int, *, jabatan: str | None = None,
             issued: date | None = None, style: str = "skk", numbered: bool = True) -> Cert:
        """A certificate of ``office`` issued in ``year``, its number in one of the shapes offices use."""
        rng = self.rng
        jab = jabatan or rng.choice(JABATAN[jenjang])
        key = f"{office}{year}{style}"
        self._numbers[key] = self._numbers.get(key, 0) + 1
        n = self._numbers[key] + 10 * (len(self.certs) % 7)
        code = REGION_OF[office].replace(".", "")
        pp = REGION_OF[office][:2]
        number, ny = {
            "skk": (f"SKK-{code}-{year}-{n:05d}", year),
            "dots": (f"{REGION_OF[office]}.{year}.{n:06d}", year),
            "glued": (f"SKK{year}-{n:05d}", year),
            # an LSP numbers its own certificates: one LSP per office here, so no two offices share a number
            "roman": (f"{n:03d}/SERT/LSP-{office.split('-')[1][:3].upper()}/{ROMAN[(n % 9) + 1]}/{year % 100:02d}",
                      year),
            "lspslash": (f"{n:03d}/LSP-GATENSI/{ROMAN[(n % 9) + 1]}/{year}", year),
            "inrun": (f"LSP{year}{n:06d}", None),
            "ska": (f"1.2.201.{jenjang - 6}.{160 + n % 30}.{pp}.{1200000 + n * 37}", None),
            "skt": (f"2.3.{100 + n % 50}.{jenjang}.{pp}.{3400000 + n * 41}", None),
        }[style]
        c = Cert(len(self.certs) + 1, p, jab, jenjang, office, number if numbered else None, ny, issued)
        self.certs.append(c)
        return c

    def issue(self, year: int, lo: int = 2, hi: int = 11) -> date:
        return date(year, self.rng.randint(lo, hi), self.rng.randint(1, 28))

    def truth(self) -> dict:
        by_cert: dict[int, list[Row]] = {}
        persons: set[int] = set()
        rows = []
        outsiders: dict[str, set] = {}
        for f in self.files:
            for sheet, src, r in f.rows:
                rows.append({"office": f.office, "file": f.name, "sheet": sheet, "row": src, "person": r.person.pid,
                             "counts": f.counts_at is not None, "kind": "list", "batch": f.batch})
                if f.counts_at is None:
                    continue
                persons.add(r.person.pid)
                if r.hasil == "K":
                    by_cert.setdefault(r.cert.cid, []).append(r)
                    if r.person.nik[:2] != REGION_OF[f.counts_at][:2]:
                        outsiders.setdefault(f.counts_at, set()).add(r.person.pid)
        cells: dict[tuple, dict[int, set]] = {}
        kual: dict[tuple, dict[int, set]] = {}
        for cid, reports in by_cert.items():
            c = self.certs[cid - 1]
            state = pooled_status(reports)
            for key, table in (((REGION_OF[c.office], c.jenjang), cells),
                               ((REGION_OF[c.office], kualifikasi(c.jenjang)), kual)):
                table.setdefault(key, {}).setdefault(c.person.pid, set()).add(state)

        prov: dict[tuple, dict[int, set]] = {}
        yearly: dict[tuple, dict[int, set]] = {}
        for cid, reports in by_cert.items():
            c = self.certs[cid - 1]
            prov.setdefault((REGION_OF[c.office][:2], c.jenjang), {}).setdefault(c.person.pid, set()).add(
                pooled_status(reports))
            year = certification_year(reports)
            if year is not None:
                yearly.setdefault((REGION_OF[c.office], c.jenjang), {}).setdefault(c.person.pid, []).append(
                    (year, cid))

        def measure(table):
            out = {}
            for (region, k), holders in sorted(table.items()):
                active = sum(1 for s in holders.values() if "active" in s)
                unknown = sum(1 for s in holders.values() if "active" not in s and "unknown" in s)
                out[f"{region}|{k}"] = [len(holders), active, unknown]
            return out

        return {
            "publish": PUBLISH.isoformat(),
            "headline": measure(cells),
            "kualifikasi": measure(kual),
            "province": measure(prov),
            "yearly": yearly_cells(yearly),
            "persons": len(persons),
            "certificates": len(by_cert),
            "outsiders": {o: len(v) for o, v in sorted(outsiders.items())},
            "rows": rows,
            "files": [{"office": f.office, "name": f.name, "counts_at": f.counts_at, "batch": f.batch,
                       "note": f.note, "rows": len(f.rows)} for f in self.files],
        }


# ------------------------------------------------------------------ how clerks write things
def level_text(j: int, how: str):
    if how == "title" and j >= 7:
        return AHLI[j]
    return {"num": j, "text": str(j), "jenjang": f"Jenjang {j}", "kkni": f"KKNI {j}", "roman": ROMAN[j],
            "title": str(j)}[how]


def masa_text(m: tuple, how: int) -> str:
    if m[0] == "date":
        return f"s.d. {m[1]:%d-%m-%Y}" if how % 2 else m[1].strftime("%d/%m/%Y")
    if m[0] == "month":
        return [f"s.d. {BULAN[m[2] - 1]} {m[1]}", f"{m[2]:02d}/{m[1]}", f"Berlaku s/d {BULAN[m[2] - 1][:3]} {m[1]}"][how % 3]
    return [f"s/d {m[1]}", str(m[1]), f"Berlaku s.d. Tahun {m[1]}"][how % 3]


def ttl(p: Person) -> str:
    return f"{p.place}, {p.birth:%d-%m-%Y}"


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[str], list[list]]]) -> None:
    """Sheets of (name, title rows, header, rows): titles, a blank row, the header, the rows."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, titles, header, rows in sheets:
        ws = wb.create_sheet(name)
        for i, t in enumerate(titles, 1):
            ws.cell(i, 1, t)
        top = len(titles) + 2
        for c, h in enumerate(header, 1):
            ws.cell(top, c, h)
        for r, values in enumerate(rows, top + 1):
            for c, v in enumerate(values, 1):
                cell = ws.cell(r, c, v)
                if isinstance(v, datetime):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(v, str):
                    cell.number_format = "@"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def first_row(titles: list[str]) -> int:
    return len(titles) + 3


def dt(d: date | None):
    return datetime(d.year, d.month, d.day) if d else None


def emit(w: World, land: Path, office: str, name: str, sheets: list, counts_at="same", batch=1, note="") -> FileRec:
    """Write a file of sheets (name, titles, header, [(Row, values)]) and record its rows."""
    f = FileRec(office, name, office if counts_at == "same" else counts_at, batch, note=note)
    write_xlsx(land / office / name, [(s, t, h, [v for _r, v in items]) for s, t, h, items in sheets])
    for s, t, _h, items in sheets:
        f.rows += [(s, first_row(t) + i, r) for i, (r, _v) in enumerate(items)]
    w.files.append(f)
    return f


def no_number(i: int) -> str:
    return ["dalam proses", "TERBIT", "-", "Dalam Proses"][i % 4]


# ------------------------------------------------------------------ batch 1: Riau
def batch_riau(w: World, land: Path) -> None:
    rng = w.rng
    H_STD = ["NO", "NAMA", "NIK", "TEMPAT/TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG", "HASIL",
             "NO. SERTIFIKAT", "TGL TERBIT", "TAHUN"]

    def std(i, r: Row, lvl="num"):
        num = r.number if r.number else (no_number(i) if r.hasil == "K" else "")
        return [i, r.person.name.upper(), r.person.nik, ttl(r.person), r.person.sex, r.jabatan,
                level_text(r.jenjang, lvl), {"K": "Kompeten", "BK": "Belum Kompeten"}.get(r.hasil, ""), num,
                dt(r.issued), r.tahun]

    def k(p, office, j, year, *, jab=None, issued="auto", style="skk", number=True, tahun="auto", masa=None):
        iss = w.issue(year) if issued == "auto" else issued
        c = w.cert(p, office, j, (iss or date(year, 1, 1)).year, jabatan=jab, issued=iss, style=style)
        return Row(p, c.jabatan, j, "K", c, c.number if number else None, iss if number else None, masa,
                   year if tahun == "auto" else tahun)

    def bk(p, j, year, jab=None):
        return Row(p, jab or rng.choice(JABATAN[j]), j, "BK", None, tahun=year)

    # ---- Kampar: 2019 SKT list (old scheme), 2024 list, 2025 list and its revision
    skt_only = [w.person("riau") for _ in range(3)]
    renewer = w.person("riau")          # SKT 2019 Operator Bulldozer, SKK 2024 again at jenjang 3
    skt_rows = [k(p, "kab-kampar", 3, 2019, style="skt", issued=w.issue(2019)) for p in skt_only]
    skt_rows.append(k(skt_only[0], "kab-kampar", 2, 2020, style="skt", issued=date(2020, 11, 3)))
    skt_rows.append(k(renewer, "kab-kampar", 3, 2019, jab="Operator Bulldozer", style="skt"))
    t19 = ["REKAPITULASI PEMEGANG SKT TENAGA TERAMPIL", "DINAS PUPR KABUPATEN KAMPAR TAHUN 2019"]
    emit(w, land, "kab-kampar", "Rekap SKT Kampar 2019.xlsx",
         [("SKT 2019", t19, H_STD, [(r, std(i, r, "roman")) for i, r in enumerate(skt_rows, 1)])])

    two_levels = w.person("riau")
    bk_then_k = w.person("riau")
    two_regencies = w.person("riau")
    lampung = [w.person("riau", home="lampung") for _ in range(2)]
    r24 = [k(p, "kab-kampar", rng.choice([2, 3]), 2024) for p in [w.person("riau") for _ in range(8)]]
    r24 += [k(renewer, "kab-kampar", 3, 2024, jab="Operator Bulldozer"),
            k(two_levels, "kab-kampar", 2, 2024, jab="Tukang Besi Beton"),
            k(two_levels, "kab-kampar", 4, 2024, jab="Mandor Pekerjaan Jalan"),
            bk(bk_then_k, 3, 2024, jab="Operator Excavator"),
            k(two_regencies, "kab-kampar", 2, 2024, jab="Tukang Batu"),
            k(lampung[0], "kab-kampar", 3, 2024),
            bk(w.person("riau"), 2, 2024)]
    t24 = ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2024", "DINAS PUPR KABUPATEN KAMPAR"]
    emit(w, land, "kab-kampar", "Peserta Uji Kompetensi Kampar 2024.xlsx",
         [("PESERTA", t24, H_STD, [(r, std(i, r, "jenjang")) for i, r in enumerate(r24, 1)])])
    kampar24 = r24

    # 2025: the first version has "dalam proses" for every number; the revision fills most of them
    people25 = [w.person("riau") for _ in range(6)] + [bk_then_k, lampung[1]]
    r25 = [k(p, "kab-kampar", rng.choice([2, 3, 4]), 2025, issued=w.issue(2025, 8, 11)) for p in people25[:6]]
    r25 += [k(bk_then_k, "kab-kampar", 3, 2025, jab="Operator Excavator", issued=date(2025, 9, 12)),
            k(lampung[1], "kab-kampar", 2, 2025, issued=date(2025, 10, 1))]
    late = [Row(r.person, r.jabatan, r.jenjang, r.hasil, r.cert, None, None, None, 2025) for r in r25]
    t25 = ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2025", "DINAS PUPR KABUPATEN KAMPAR"]
    emit(w, land, "kab-kampar", "Peserta Uji Kompetensi Kampar 2025.xlsx",
         [("PESERTA", t25, H_STD, [(r, std(i, r, "kkni")) for i, r in enumerate(late, 1)])], counts_at=None,
         note="replaced by its _revisi")
    # the revision: numbers arrived, except two still "TERBIT" (counted on the program year 2025)
    rev = [r if i < 6 else late[i] for i, r in enumerate(r25)]
    emit(w, land, "kab-kampar", "Peserta Uji Kompetensi Kampar 2025_revisi.xlsx",
         [("PESERTA", t25, H_STD, [(r, std(i, r, "kkni")) for i, r in enumerate(rev, 1)])])

    # ---- Pekanbaru: a roster of holders with "Berlaku s.d." only (no issue date)
    H_PKU = ["NO", "NAMA LENGKAP", "NIK", "TGL LAHIR", "JK", "JABATAN", "LEVEL", "HASIL UJI", "NO. SKK",
             "BERLAKU S.D."]
    masas = [("month", 2030, 7), ("month", 2026, 6), ("year", 2026), ("month", 2026, 5), ("year", 2025),
             ("date", date(2026, 8, 15)), ("year", 2028), ("month", 2026, 7), ("date", date(2026, 6, 29)),
             ("year", 2027), ("month", 2029, 2), ("year", 2029)]
    pku = []
    for i, m in enumerate(masas):
        p = two_regencies if i == 0 else w.person("riau", home="sumut" if i == 3 else None)
        year = (m[1].year if m[0] == "date" else m[1]) - 5
        j = 2 if i == 0 else [3, 4, 5, 6, 5, 4][i % 6]
        jab = "Tukang Kayu" if i == 0 else None
        r = k(p, "kota-pekanbaru", j, year, jab=jab, issued=None, masa=m, tahun=None)
        pku.append(r)
    # technician titles with Muda / Madya and an explicit number
    for jab, j in (("Quantity Surveyor Madya", 5), ("Pelaksana Pemeliharaan Jalan Muda", 4),
                   ("Teknisi Laboratorium Beton Madya", 6)):
        pku.append(k(w.person("riau"), "kota-pekanbaru", j, 2024, jab=jab, issued=None,
                     masa=("month", 2029, 3), tahun=None))
    lv = ["roman", "kkni", "jenjang", "text"]
    tp = ["DAFTAR TENAGA KERJA KONSTRUKSI BERSERTIFIKAT", "DINAS PUPR KOTA PEKANBARU (PEMUTAKHIRAN 2026)"]
    emit(w, land, "kota-pekanbaru", "Data SKK Kota Pekanbaru 2026.xlsx",
         [("DATA", tp, H_PKU, [(r, [i, r.person.name, r.person.nik, dt(r.person.birth), r.person.sex, r.jabatan,
                                    level_text(r.jenjang, lv[i % 4]), "K", r.number, masa_text(r.masa, i)])
                               for i, r in enumerate(pku, 1)])])

    # ---- Dumai: certificate numbers only; their shape alone gives the year (or not)
    H_DUM = ["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "HASIL", "NO. REGISTRASI"]
    styles = [(2021, "dots"), (2022, "glued"), (2021, "roman"), (2023, "lspslash"), (2023, "inrun"),
              (2024, "skk"), (2021, "skk"), (2019, "dots"), (2025, "roman")]
    dum = [k(w.person("riau"), "kota-dumai", [3, 2, 5][i % 3], y, issued=None, style=s, tahun=None)
           for i, (y, s) in enumerate(styles)]
    td = ["DAFTAR NOMOR REGISTRASI SKK TENAGA KERJA KONSTRUKSI", "DINAS PUPR KOTA DUMAI"]
    emit(w, land, "kota-dumai", "Nomor SKK Kota Dumai.xlsx",
         [("SKK", td, H_DUM, [(r, [i, r.person.name, r.person.nik, r.jabatan, r.jenjang, "K", r.number])
                              for i, r in enumerate(dum, 1)])])

    # ---- the province: an old SKA list, its own 2025 Ahli program, a recap of its regencies
    ska_only = w.person("riau")
    ska_renew = w.person("riau")
    ska = [k(ska_only, "prov-riau", 7, 2018, style="ska", jab="Ahli Muda Teknik Jalan"),
           k(ska_renew, "prov-riau", 7, 2019, style="ska", jab="Ahli Muda K3 Konstruksi"),
           k(w.person("riau"), "prov-riau", 8, 2020, style="ska", issued=date(2020, 12, 21))]
    tska = ["DATA TENAGA AHLI PEMEGANG SKA", "DINAS PUPR PROVINSI RIAU TAHUN 2018 - 2020"]
    emit(w, land, "prov-riau", "Data SKA Tenaga Ahli Riau 2018-2020.xlsx",
         [("SKA", tska, H_STD, [(r, std(i, r, "title")) for i, r in enumerate(ska, 1)])])

    own = [k(p, "prov-riau", rng.choice([7, 7, 8]), 2025, issued=w.issue(2025, 3, 9))
           for p in [w.person("riau") for _ in range(6)]]
    own += [k(ska_renew, "prov-riau", 7, 2025, jab="Ahli Muda K3 Konstruksi", issued=date(2025, 5, 20)),
            k(two_levels, "prov-riau", 7, 2025, issued=date(2025, 6, 2)),
            # Tahap IV assessed in December 2025, certificates issued in January 2026
            k(w.person("riau"), "prov-riau", 8, 2026, issued=date(2026, 1, 15), tahun=2025),
            k(w.person("riau"), "prov-riau", 9, 2026, issued=date(2026, 1, 15), tahun=2025),
            k(w.person("riau", home="lampung"), "prov-riau", 7, 2025, issued=date(2025, 4, 1)),
            bk(w.person("riau"), 8, 2025)]
    # the recap of regency certificates: number and program year only; two without their number
    recap = []
    for i, r in enumerate([x for x in kampar24 if x.hasil == "K"][:7] + pku[:3]):
        recap.append(Row(r.person, r.jabatan, r.jenjang, "K", r.cert, r.number if i not in (2, 8) else None,
                         None, None, 2024 if r.cert.office == "kab-kampar" else None, re_report=True))
    tprov = ["REKAPITULASI SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN 2025", "DINAS PUPR PROVINSI RIAU"]
    emit(w, land, "prov-riau", "Rekap Sertifikasi Provinsi Riau 2025.xlsx",
         [("PROGRAM PROVINSI", tprov, H_STD, [(r, std(i, r, "title")) for i, r in enumerate(own, 1)]),
          ("REKAP KAB-KOTA", tprov, H_STD, [(r, std(i, r, "text")) for i, r in enumerate(recap, 1)])])


# ------------------------------------------------------------------ batch 2: Sulawesi Tenggara, Banten
def batch_sultra(w: World, land: Path) -> None:
    rng = w.rng
    H = ["NO", "NAMA PESERTA", "NO KTP/NIK", "TEMPAT, TANGGAL LAHIR", "JENIS KELAMIN", "JABATAN KERJA", "JENJANG",
         "HASIL UJI", "NOMOR SERTIFIKAT", "TANGGAL TERBIT", "BERLAKU S.D.", "TAHUN"]
    HASIL = {"K": "K", "BK": "BK", None: ""}

    def row(i, r: Row, lvl="num"):
        num = r.number if r.number else (no_number(i + 1) if r.hasil == "K" else "")
        return [i, r.person.name, r.person.nik, ttl(r.person), "Laki-laki" if r.person.sex == "L" else "Perempuan",
                r.jabatan, level_text(r.jenjang, lvl), HASIL[r.hasil], num, dt(r.issued),
                masa_text(r.masa, i) if r.masa else None, r.tahun]

    def k(p, office, j, year, *, jab=None, issued="auto", style="skk", number=True, tahun="auto", masa=None):
        iss = w.issue(year) if issued == "auto" else issued
        c = w.cert(p, office, j, (iss or date(year, 1, 1)).year, jabatan=jab, issued=iss, style=style)
        return Row(p, c.jabatan, j, "K", c, c.number if number else None, iss if number else None, masa,
                   year if tahun == "auto" else tahun)

    def bk(p, j, year, jab=None):
        return Row(p, jab or rng.choice(JABATAN[j]), j, "BK", None, tahun=year)

    # ---- Kendari 2021: issue dates either side of 30 June, five years on; numbers "dalam proses"
    two_cities = w.person("sultra")
    late_numbered = [w.person("sultra") for _ in range(2)]
    r21 = [k(w.person("sultra"), "kota-kendari", 3, 2021, issued=d)
           for d in (date(2021, 6, 29), date(2021, 7, 2), date(2021, 3, 15), date(2021, 10, 20), date(2021, 6, 1),
                     date(2021, 8, 30))]
    r21 += [k(two_cities, "kota-kendari", 3, 2021, jab="Operator Crane", issued=date(2021, 10, 4))]
    # no number yet: two arrive in the 2022 list, one never does (program year 2021: validity unknown)
    pending = [k(p, "kota-kendari", 2, 2022, issued=date(2022, 1, 10), number=False, tahun=2021)
               for p in late_numbered]
    never = k(w.person("sultra"), "kota-kendari", 2, 2021, issued=None, number=False)
    # program year 2020, issued August 2021: an SKK of five years by its issue date
    straddle = k(w.person("sultra"), "kota-kendari", 4, 2021, issued=date(2021, 8, 2), tahun=2020)
    r21 += pending + [never, straddle, bk(w.person("sultra"), 3, 2021)]
    t21 = ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KOTA KENDARI TAHUN ANGGARAN 2021"]
    emit(w, land, "kota-kendari", "Sertifikasi TKK Kendari 2021.xlsx",
         [("2021", t21, H, [(r, row(i, r, "jenjang")) for i, r in enumerate(r21, 1)])], batch=2)
    # 2022: new participants, and the two numbers of 2021 that arrived (susulan)
    r22 = [k(w.person("sultra"), "kota-kendari", rng.choice([2, 3]), 2022) for _ in range(5)]
    r22 += [Row(x.person, x.jabatan, 2, "K", x.cert, x.cert.number, x.cert.issued, None, 2022) for x in pending]
    t22 = ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KOTA KENDARI TAHUN ANGGARAN 2022"]
    emit(w, land, "kota-kendari", "Sertifikasi TKK Kendari 2022.xlsx",
         [("2022", t22, H, [(r, row(i, r, "roman")) for i, r in enumerate(r22, 1)])], batch=2)

    # ---- Konawe 2023: "Berlaku s.d." beside the issue date for some; the same city worker
    konawe = [k(two_cities, "kab-konawe", 3, 2023, jab="Operator Excavator", masa=("year", 2028))]
    for m in (("month", 2026, 6), ("month", 2026, 7), ("year", 2026), ("month", 2028, 9), ("year", 2028)):
        konawe.append(k(w.person("sultra"), "kab-konawe", rng.choice([4, 5]), 2023, issued=None, masa=m))
    # a stated expiry of 2028 beside a program year of 2019: the statement wins (active)
    konawe.append(k(w.person("sultra"), "kab-konawe", 5, 2023, issued=None, masa=("year", 2028), tahun=2019))
    for jab, j in (("Quantity Surveyor Madya", 5), ("Pelaksana Pemeliharaan Jalan Muda", 4)):
        konawe.append(k(w.person("sultra"), "kab-konawe", j, 2023, jab=jab))
    konawe.append(k(w.person("sultra", home="lampung"), "kab-konawe", 6, 2023))
    bk_twice = w.person("sultra")
    konawe += [bk(bk_twice, 4, 2023, jab="Juru Ukur"), bk(bk_twice, 4, 2023, jab="Juru Ukur")]
    tk = ["REKAP HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI KABUPATEN KONAWE", "TAHUN 2023"]
    emit(w, land, "kab-konawe", "Rekap Uji Kompetensi Konawe 2023.xlsx",
         [("REKAP", tk, H, [(r, row(i, r, "kkni")) for i, r in enumerate(konawe, 1)])], batch=2)

    # ---- the province: its Ahli program (KUALIFIKASI written as the title only), a recap of its cities
    H_AHLI = ["NO", "NAMA", "NIK", "TTL", "L/P", "JABATAN KERJA", "KUALIFIKASI", "HASIL", "NO. SKK", "TGL TERBIT",
              "TAHUN"]
    madya = w.person("sultra")
    ahli = [k(w.person("sultra"), "prov-sultra", rng.choice([7, 8]), 2024, issued=w.issue(2024)) for _ in range(5)]
    ahli += [bk(madya, 8, 2023, jab="Ahli Madya Teknik Jembatan"),
             k(madya, "prov-sultra", 8, 2024, jab="Ahli Madya Teknik Jembatan", issued=date(2024, 5, 6)),
             k(two_cities, "prov-sultra", 7, 2024, issued=date(2024, 9, 9)),
             k(w.person("sultra"), "prov-sultra", 9, 2024, issued=None, number=False),
             k(w.person("sultra", home="sumut"), "prov-sultra", 7, 2024, issued=date(2024, 7, 7), style="lspslash")]
    recap = []
    for i, r in enumerate([x for x in r21 + konawe if x.hasil == "K"][:9]):
        recap.append(Row(r.person, r.jabatan, r.jenjang, "K", r.cert, r.number if i % 3 else None, None, None,
                         r.tahun, re_report=True))
    tp = ["PROGRAM SERTIFIKASI TENAGA AHLI DAN LULUSAN BARU", "DINAS PUPR PROVINSI SULAWESI TENGGARA TAHUN 2024"]
    emit(w, land, "prov-sultra", "Sertifikasi Tenaga Ahli Sultra 2024.xlsx",
         [("AHLI", tp, H_AHLI, [(r, [i, r.person.name, r.person.nik, ttl(r.person), r.person.sex, r.jabatan,
                                     AHLI[r.jenjang], {"K": "Kompeten", "BK": "Belum Kompeten"}[r.hasil],
                                     r.number or no_number(i) if r.hasil == "K" else "", dt(r.issued), r.tahun])
                                for i, r in enumerate(ahli, 1)])], batch=2)
    tr = ["REKAPITULASI TENAGA KERJA BERSERTIFIKAT KAB/KOTA SE-SULAWESI TENGGARA", "DINAS PUPR PROVINSI SULAWESI TENGGARA"]
    emit(w, land, "prov-sultra", "Rekap Kab Kota Sultra.xlsx",
         [("REKAP", tr, H, [(r, row(i, r, "text")) for i, r in enumerate(recap, 1)])], batch=2)

    # ---- Cilegon: industrial city, workers with Lampung and Sumatera Utara KTPs; renewals after 5 years
    renew = [w.person("banten", home="lampung"), w.person("banten")]
    c21 = [k(p, "kota-cilegon", 3, 2021, jab="Operator Crane", issued=date(2021, 5, 17), style="roman") for p in renew]
    c21 += [k(w.person("banten", home=rng.choice(["lampung", "banten", "sumut"])), "kota-cilegon",
              rng.choice([2, 3, 5]), 2021, issued=w.issue(2021, 7, 12), style="roman") for _ in range(5)]
    tc = ["DAFTAR PESERTA UJI KOMPETENSI", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KOTA CILEGON TAHUN 2021"]
    emit(w, land, "kota-cilegon", "Uji Kompetensi Cilegon 2021.xlsx",
         [("PESERTA", tc, H, [(r, row(i, r, "text")) for i, r in enumerate(c21, 1)])], batch=2)
    c26 = [k(p, "kota-cilegon", 3, 2026, jab="Operator Crane", issued=date(2026, 5, 20)) for p in renew]
    both = w.person("banten", home="lampung")
    c26 += [k(both, "kota-cilegon", 2, 2026, jab="Tukang Besi Beton", issued=None, number=False),
            k(both, "kota-cilegon", 4, 2026, jab="Mandor Pekerjaan Jalan", issued=None, number=False),
            k(w.person("banten"), "kota-cilegon", 3, 2026, issued=date(2026, 6, 29)),
            bk(w.person("banten", home="lampung"), 3, 2026)]
    tc26 = ["DAFTAR PESERTA UJI KOMPETENSI", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KOTA CILEGON TAHUN 2026"]
    emit(w, land, "kota-cilegon", "Uji Kompetensi Cilegon 2026.xlsx",
         [("PESERTA", tc26, H, [(r, row(i, r, "jenjang")) for i, r in enumerate(c26, 1)])], batch=2)


# ------------------------------------------------------------------ batch 3: Lampung, the province recap's clerk
def batch_lampung(w: World, land: Path) -> None:
    """A province recap that shortens numbers and writes jabatan another way (still the regency's
    certificates), a new SKK after the regency's SKT expired (another certificate, at the province),
    an Ahli list whose only level is the jabatan's title, expiry in long Indonesian forms."""
    rng = w.rng
    H = ["NO", "NAMA", "NIK", "TEMPAT/TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG", "HASIL", "NO. SERTIFIKAT",
         "TGL TERBIT", "MASA BERLAKU", "TAHUN"]

    def row(i, r: Row, jab=None, number=None):
        num = number if number is not None else r.number or (no_number(i) if r.hasil == "K" else "")
        masa = None
        if r.masa:
            masa = {"date": lambda m: f"{m[1].day} {BULAN[m[1].month - 1]} {m[1].year}",
                    "month": lambda m: f"s.d. {BULAN[m[2] - 1][:3]} {m[1]}",
                    "year": lambda m: f"s/d {m[1]}"}[r.masa[0]](r.masa)
        return [i, r.person.name.upper(), r.person.nik, ttl(r.person), r.person.sex, jab or r.jabatan, r.jenjang,
                {"K": "Kompeten", "BK": "Belum Kompeten"}.get(r.hasil, ""), num, dt(r.issued), masa, r.tahun]

    def k(p, office, j, year, *, jab=None, issued="auto", number=True, tahun="auto", masa=None):
        iss = w.issue(year) if issued == "auto" else issued
        c = w.cert(p, office, j, (iss or date(year, 1, 1)).year, jabatan=jab, issued=iss)
        return Row(p, c.jabatan, j, "K", c, c.number if number else None, iss if number else None, masa,
                   year if tahun == "auto" else tahun)

    skt_holder = w.person("riau", home="lampung")
    b19 = [k(skt_holder, "kota-bandar-lampung", 3, 2019, jab="Operator Crane", issued=date(2019, 4, 9))]
    b19 += [k(w.person("riau", home="lampung"), "kota-bandar-lampung", 3, 2019, issued=date(2019, 9, 2))]
    t19 = ["DAFTAR PESERTA SERTIFIKASI TENAGA TERAMPIL (SKT)", "DINAS PUPR KOTA BANDAR LAMPUNG TAHUN 2019"]
    emit(w, land, "kota-bandar-lampung", "Peserta SKT Bandar Lampung 2019.xlsx",
         [("2019", t19, H, [(r, row(i, r)) for i, r in enumerate(b19, 1)])], batch=3)
    jabs = ["Operator Motor Grader", "Tukang Besi Beton", "Juru Ukur", "Operator Crane", "Tukang Kayu",
            "Mandor Pekerjaan Jalan"]
    b24 = [k(w.person("riau", home=rng.choice(["lampung", "lampung", "banten"])), "kota-bandar-lampung",
             {"Juru Ukur": 4, "Mandor Pekerjaan Jalan": 4}.get(jab, 3 if jab.startswith("Operator") else 2), 2024,
             jab=jab, masa=m)
           for jab, m in zip(jabs, [("date", date(2029, 3, 31)), ("month", 2026, 12), ("month", 2026, 6),
                                    None, ("year", 2029), ("date", date(2027, 12, 31))])]
    t24 = ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", "DINAS PUPR KOTA BANDAR LAMPUNG TAHUN 2024"]
    emit(w, land, "kota-bandar-lampung", "Peserta Sertifikasi Bandar Lampung 2024.xlsx",
         [("2024", t24, H, [(r, row(i, r)) for i, r in enumerate(b24, 1)])], batch=3)
    ls = [k(w.person("riau", home="lampung"), "kab-lampung-selatan", rng.choice([2, 3, 5]), 2025) for _ in range(4)]
    ls += [k(b24[0].person, "kab-lampung-selatan", 2, 2025, jab="Tukang Batu")]
    tls = ["DAFTAR PESERTA UJI KOMPETENSI", "DINAS PUPR KABUPATEN LAMPUNG SELATAN TAHUN 2025"]
    emit(w, land, "kab-lampung-selatan", "Uji Kompetensi Lampung Selatan 2025.xlsx",
         [("PESERTA", tls, H, [(r, row(i, r)) for i, r in enumerate(ls, 1)])], batch=3)

    # the province recap: the regency's numbers shortened, its jabatan written another way
    recap, written = [], []
    short = [lambda n: n.rsplit("-", 1)[1], lambda n: f"No. {n.rsplit('-', 1)[1]}/SKK/{n.split('-')[2]}",
             lambda n: n.removeprefix("SKK-"), lambda n: "", lambda n: "", lambda n: n]
    other = {"Operator Motor Grader": "Motor Grader", "Tukang Besi Beton": "Tukang Besi", "Juru Ukur": "Surveyor",
             "Operator Crane": "Operator Kren"}
    for i, r in enumerate(b24):
        number = short[i](r.number)
        recap.append(Row(r.person, r.jabatan, r.jenjang, "K", r.cert, number or None, None, None, 2024,
                         re_report=True))
        written.append((other.get(r.jabatan), number or no_number(i)))
    # a new SKK after the city's SKT of 2019 expired: same jabatan and jenjang, validity to 2029
    renewed = k(skt_holder, "prov-lampung", 3, 2024, jab="Operator Crane", issued=None, number=False,
                masa=("year", 2029))
    recap.append(renewed)
    written.append((None, "dalam proses"))
    tr = ["REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT", "DINAS PUPR PROVINSI LAMPUNG TAHUN 2024"]
    emit(w, land, "prov-lampung", "Rekap Sertifikasi Lampung 2024.xlsx",
         [("REKAP", tr, H, [(r, row(i, r, jab, num)) for i, (r, (jab, num)) in enumerate(zip(recap, written), 1)])],
         batch=3)
    # the province's experts: no level column, the level is the title inside the jabatan
    H_AHLI = ["NO", "NAMA", "NIK", "TGL LAHIR", "L/P", "JABATAN KERJA", "HASIL", "NO. SKK", "TGL TERBIT"]
    ahli = [k(w.person("riau", home="lampung"), "prov-lampung", j, 2025, issued=w.issue(2025, 2, 10))
            for j in (7, 7, 8, 8, 9)]
    ta = ["DAFTAR TENAGA AHLI BERSERTIFIKAT PROGRAM PROVINSI", "DINAS PUPR PROVINSI LAMPUNG TAHUN 2025"]
    emit(w, land, "prov-lampung", "Tenaga Ahli Provinsi Lampung 2025.xlsx",
         [("AHLI", ta, H_AHLI, [(r, [i, r.person.name, r.person.nik, dt(r.person.birth), r.person.sex, r.jabatan,
                                     "Kompeten", r.number, dt(r.issued)]) for i, r in enumerate(ahli, 1)])],
         batch=3)


def write_registry(path: Path, batches) -> None:
    lines = ["offices:"]
    for oid, name, level, code, batch in OFFICES:
        if batch in batches:
            lines += [f"  - id: {oid}", f"    name: \"{name}\"", f"    level: {level}", f'    region_code: "{code}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(out: Path, seed: int = SEED, batches=BATCHES) -> dict:
    """Write the landing folders and the registry of ``batches`` under ``out``; return the truth."""
    w = World(seed)
    land = out / "landing"
    land.mkdir(parents=True, exist_ok=True)
    for b, make in ((1, batch_riau), (2, batch_sultra), (3, batch_lampung)):
        if b not in batches:
            break
        make(w, land)
    for oid, *_rest, batch in OFFICES:
        if batch in batches:
            (land / oid).mkdir(parents=True, exist_ok=True)
    write_registry(out / "offices.yaml", batches)
    numbers = [c.number for c in w.certs if c.number]
    assert len(set(numbers)) == len(numbers), "two certificates drew one registration number"
    niks = [p.nik for p in w.persons]
    assert len(set(niks)) == len(niks), "two persons drew one NIK"
    return w.truth()




if __name__ == "__main__":
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else SEED
    t = build(Path(sys.argv[1]), seed)
    print("persons", t["persons"], "certificates", t["certificates"], "cells", len(t["headline"]),
          "files", len(t["files"]), "rows", len(t["rows"]))
