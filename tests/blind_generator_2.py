"""A second blind judge's world: Sumatera Selatan, Jambi and Kalimantan Timur offices.

Written from /work/shared/DOMAIN.md, the seeds, README.md and the counting contract in
docs/warehouse.md only, without reading the pipeline, so that its truth does not share
the pipeline's mistakes. The truth (headline cells, which written row is which person)
is computed from the world model here: persons, their assessments ("events") and the
office that credits each event, never from the files and never from pipeline output.

The emphasis is on what offices and portals do to FILES: title rows, two-row merged
headers, one sheet per batch or per kecamatan, blank rows, total rows and signature
blocks, `;` CSV in Windows-1252 with decimal-comma scientific NIKs, paged JSON portal
exports with English fields, nested certificate objects and +07:00 / +08:00 timestamps,
legacy .xls, byte copies (`X (1).xlsx`, `X - Copy.xlsx`, `X_salinan.xls`), corrections
(`_revisi`, `_final`, `_baru`), another office's file in the wrong folder, attendance and
registration lists, a BIMTEK without assessment, certificate-number-only sheets, cover
letters and PDFs, levels written every way ("Jenjang 3", "KKNI 3", "III", only the title
"Ahli Muda"), results K/BK and Kompeten/Belum Kompeten, "dalam proses", and pre-2021
SKA/SKT that all expired on 31-12-2022.

`build_world(root, seed)` writes `<root>/landing/<office_id>/...` and returns a `World`
with the registry entries, the publish date, the truth cells and the truth rows.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.styles import Alignment, Font

PUBLISH_DATE = date(2026, 7, 1)
OLD_SCHEME_END = date(2022, 12, 31)  # every SKA/SKT of the pre-2021 scheme expired then

OFFICES = [
    dict(id="prov-sumsel", name="Dinas PUPR Provinsi Sumatera Selatan", level="province", region_code="16"),
    dict(id="kota-palembang", name="Dinas PUPR Kota Palembang", level="city", region_code="16.71"),
    dict(id="kab-muara-enim", name="Dinas PUPR Kabupaten Muara Enim", level="regency", region_code="16.03"),
    dict(id="kab-lahat", name="Dinas PUPR Kabupaten Lahat", level="regency", region_code="16.04"),
    dict(id="prov-jambi", name="Dinas PUPR Provinsi Jambi", level="province", region_code="15"),
    dict(id="kab-muaro-jambi", name="Dinas PUPR Kabupaten Muaro Jambi", level="regency", region_code="15.05"),
    dict(id="prov-kaltim", name="Dinas PUPR-Pera Provinsi Kalimantan Timur", level="province", region_code="64"),
    dict(id="kab-kutai-timur", name="Dinas PUPR Kabupaten Kutai Timur", level="regency", region_code="64.08"),
    dict(id="kota-samarinda", name="Dinas PUPR Kota Samarinda", level="city", region_code="64.72"),
]
REGION_OF = {o["id"]: o["region_code"] for o in OFFICES}

MALE = """Ahmad Muhammad Budi Agus Dedi Eko Fajar Hendra Irwan Joko Rudi Slamet Sugianto Syaiful
Rizki Hasan Darmawan Yusuf Rahmat Zulkifli Firdaus Heri Iwan Junaidi Mulyadi Nasrul Ramli Suparman
Taufik Wahyu Yudi Arif Bambang Dodi Edi Ferry Gunawan Hamdan Ilham Lukman Marzuki Nanang Ridwan
Sahrul Teguh Usman Wawan Zainal Aswin Baharudin Jumadi Khairul Rusdi Safri Sarifudin Amran Badrun
Herman Ma’ruf Abdul Sofyan Hairil Anang Darsono Paiman Tukiman Syamsul""".split()
FEMALE = """Siti Nur Dewi Rina Sri Yuliani Fitri Ratna Wulan Ayu Rahmawati Indah Lestari Novi Maya
Desi Eka Lina Mega Putri Nur’aini Halimah""".split()
SECOND_M = """Saputra Hidayat Santoso Pratama Wijaya Gunawan Setiawan Kurniawan Hakim Rahman Nugroho
Susanto Firmansyah Syahputra Ramadhan Effendi Harahap Lubis Siregar Fauzi Anwar Ismail Hamzah
Sulaiman Abdullah Hasanudin Kusuma Prasetyo Alamsyah Maulana""".split()
SECOND_F = "Sari Lestari Handayani Rahayu Wati Puspita Anggraini Safitri Wulandari Permata".split()

# (jabatan kerja, allowed jenjang): operators and tukang 1-3, technicians 4-6, experts 7-9
OPERATOR_JOBS = [("Operator Excavator", (2, 3)), ("Operator Bulldozer", (2, 3)), ("Operator Crane", (3,)),
                 ("Operator Motor Grader", (2, 3)), ("Operator Wheel Loader", (2, 3)),
                 ("Tukang Besi Beton", (1, 2, 3)), ("Tukang Batu", (1, 2, 3)), ("Tukang Kayu", (1, 2, 3))]
TECH_JOBS = [("Mandor Pekerjaan Jalan", (4,)), ("Pelaksana Lapangan Pekerjaan Gedung", (5, 6)),
             ("Juru Ukur", (4, 5)), ("Teknisi Laboratorium Beton", (4, 5)),
             ("Pelaksana Pemeliharaan Jalan Muda", (4,)), ("Quantity Surveyor Madya", (5,))]
EXPERT_JOBS = [("Ahli Muda Teknik Jalan", 7), ("Ahli Madya Teknik Jembatan", 8), ("Ahli Muda Teknik Bangunan Gedung", 7),
               ("Ahli Muda K3 Konstruksi", 7), ("Ahli Madya Manajemen Proyek", 8), ("Arsitek Muda", 7),
               ("Ahli Utama Teknik Jalan", 9), ("Ahli Muda Sumber Daya Air", 7)]
FRESH_JOBS = [("Pelaksana Lapangan Pekerjaan Gedung", 5), ("Juru Ukur", 4), ("Teknisi Laboratorium Beton", 5)]

KECAMATAN = {  # district codes used in NIKs issued there
    "16.71": [("Ilir Barat I", "01"), ("Ilir Timur II", "06"), ("Seberang Ulu I", "02"), ("Kemuning", "11")],
    "16.03": [("Muara Enim", "05"), ("Tanjung Agung", "03"), ("Lawang Kidul", "07"), ("Gunung Megang", "10")],
    "16.04": [("Lahat", "05"), ("Merapi Barat", "07"), ("Kikim Timur", "02"), ("Pulau Pinang", "17"), ("Jarai", "01")],
    "16.02": [("Kayu Agung", "01")], "16.74": [("Prabumulih Timur", "01")], "16.10": [("Indralaya", "01")],
    "15.05": [("Sekernan", "02"), ("Jambi Luar Kota", "03"), ("Maro Sebo", "04"), ("Kumpeh Ulu", "06")],
    "15.71": [("Kota Baru", "01"), ("Telanaipura", "06")], "15.04": [("Muara Bulian", "01")],
    "64.08": [("Sangatta Utara", "01"), ("Sangatta Selatan", "10"), ("Bengalon", "03"), ("Muara Wahau", "06"),
              ("Kaubun", "12"), ("Sangkulirang", "02"), ("Rantau Pulung", "16")],
    "64.72": [("Samarinda Ulu", "01"), ("Sungai Kunjang", "05"), ("Palaran", "02")],
    "64.02": [("Tenggarong", "09")], "64.71": [("Balikpapan Kota", "04")],
    "73.71": [("Makassar", "06")], "35.07": [("Kepanjen", "12")], "63.71": [("Banjarmasin Utara", "04")],
}
BIRTH_PLACE = {"16.71": "Palembang", "16.03": "Muara Enim", "16.04": "Lahat", "16.02": "Kayu Agung",
               "16.74": "Prabumulih", "16.10": "Indralaya", "15.05": "Sengeti", "15.71": "Jambi",
               "15.04": "Muara Bulian", "64.08": "Sangatta", "64.72": "Samarinda", "64.02": "Tenggarong",
               "64.71": "Balikpapan", "73.71": "Makassar", "35.07": "Malang", "63.71": "Banjarmasin"}
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
BULAN_PENDEK = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@dataclass
class Person:
    pid: int
    name: str
    sex: str  # "L" / "P"
    born: date
    ktp_region: str
    district: str
    nik: str
    degree: str = ""  # "S.T." for experts and fresh graduates
    haji: bool = False


@dataclass
class Event:
    """One assessment (or training) of one person at one office: the truth's unit."""
    eid: int
    pid: int
    office: str  # the office that reported it (whose file it is)
    year: int
    held: date
    batch: str
    jabatan: str
    jenjang: int | None
    result: str  # K, BK, ABSENT (registered, did not come), TRAINING (BIMTEK only)
    number: str | None = None
    issued: date | None = None
    credited: str | None = None  # region credited; None = counted nowhere

    @property
    def expires(self) -> date | None:
        if self.issued is None:
            return None
        if self.issued.year < 2021:
            return OLD_SCHEME_END
        try:
            return self.issued.replace(year=self.issued.year + 5)
        except ValueError:  # 29 February
            return self.issued.replace(year=self.issued.year + 5, day=28)


@dataclass
class World:
    root: Path
    offices: list[dict]
    publish_date: date
    persons: dict[int, Person]
    events: list[Event]
    rows: list[dict] = field(default_factory=list)  # truth per written participant row
    files: dict[str, str] = field(default_factory=dict)  # "office/file" -> what it is

    def cells(self) -> dict[tuple[str, int], tuple[int, int]]:
        """(region, jenjang) -> (certified persons, active persons), from the world model."""
        certified: dict[tuple[str, int], set] = {}
        active: dict[tuple[str, int], set] = {}
        for e in self.events:
            if e.result != "K" or e.credited is None or e.jenjang is None:
                continue
            key = (e.credited, e.jenjang)
            certified.setdefault(key, set()).add(e.pid)
            # a K whose certificate is not issued yet ("dalam proses") is valid from its issue
            expiry = e.expires or date(e.year + 5, e.held.month, e.held.day)
            if expiry >= self.publish_date:  # valid through its expiry day (contract rule 5)
                active.setdefault(key, set()).add(e.pid)
        return {k: (len(v), len(active.get(k, ()))) for k, v in sorted(certified.items())}


# ---------------------------------------------------------------- persons


class Population:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.persons: dict[int, Person] = {}
        self.serials: dict[str, int] = {}

    def new(self, ktp_region: str, *, expert: bool = False, young: bool = False) -> Person:
        rng = self.rng
        sex = "P" if rng.random() < (0.25 if expert else 0.08) else "L"
        if sex == "L":
            first = rng.choice(MALE)
            name = first if rng.random() < 0.2 else f"{first} {rng.choice(SECOND_M)}"
            if first in ("Muhammad", "Ahmad", "Abdul") and " " not in name:
                name = f"{first} {rng.choice(SECOND_M)}"
        else:
            first = rng.choice(FEMALE)
            name = first if rng.random() < 0.15 else f"{first} {rng.choice(SECOND_F)}"
        lo, hi = (1997, 2003) if young else (1962, 1999)
        born = date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))
        district = rng.choice(KECAMATAN[ktp_region])[1]
        prefix = ktp_region.replace(".", "") + district
        key = prefix + born.strftime("%d%m%y")
        self.serials[key] = self.serials.get(key, 0) + 1
        day = born.day + (40 if sex == "P" else 0)
        nik = f"{prefix}{day:02d}{born:%m%y}{self.serials[key]:04d}"
        pid = len(self.persons) + 1
        p = Person(pid, name, sex, born, ktp_region, district, nik,
                   degree=("S.T." if expert and rng.random() < 0.8 else ""),
                   haji=born.year < 1980 and rng.random() < 0.3)
        self.persons[pid] = p
        return p


# ---------------------------------------------------------------- rendering of cells


def render_name(p: Person, rng: random.Random, style: str, *, loose: float = 0.15) -> str:
    """A clerk's writing of the name: case, honorifics, degrees, Muhammad forms, initials."""
    parts = p.name.split()
    if parts[0] == "Muhammad" and rng.random() < 0.5:
        parts[0] = rng.choice(["M.", "Moh.", "Muh.", "Mohammad"])
    if len(parts) > 1 and rng.random() < loose / 2:
        parts[-1] = parts[-1][0] + "."
    name = " ".join(parts)
    if p.haji and rng.random() < 0.6:
        name = ("H. " if p.sex == "L" else "Hj. ") + name
    if p.degree and rng.random() < 0.7:
        name = name + rng.choice([", S.T.", ",S.T.", " ST", ", S.T", ", S.T., M.T."][:4 if rng.random() < .8 else 5])
    if style == "upper":
        name = name.upper()
    elif style == "mixed" and rng.random() < 0.5:
        name = name.upper()
    return name


def render_nik(p: Person, rng: random.Random, style: str, *, damage: float = 0.04):
    """The NIK as an office writes it: text, apostrophe, spaced, Excel number, or damaged."""
    nik = p.nik
    r = rng.random()
    if r < damage / 2:
        return rng.choice(["-", "", "0"])
    if r < damage:
        i = rng.randint(6, 13)
        kind = rng.random()
        if kind < 0.5:  # two digits swapped
            nik = nik[:i] + nik[i + 1] + nik[i] + nik[i + 2:]
        elif kind < 0.75:  # a digit left out (15 digits)
            nik = nik[:i] + nik[i + 1:]
        else:  # a digit typed twice (17 digits)
            nik = nik[:i] + nik[i] + nik[i:]
    if style == "number":
        return float(int(nik[:15] + "0"))  # Excel keeps 15 significant digits
    if style == "apostrophe":
        return "'" + nik
    if style == "spaced" and rng.random() < 0.5:
        return f"{nik[:6]} {nik[6:12]} {nik[12:]}"
    if style == "spaced" and rng.random() < 0.5:
        return f"{nik[:4]}.{nik[4:8]}.{nik[8:12]}.{nik[12:]}"
    if style == "mixed":
        return rng.choice([nik, "'" + nik, float(int(nik[:15] + "0")), nik])
    return nik


def tgl(d: date | None, style: str):
    if d is None:
        return ""
    if style == "dmy-":
        return d.strftime("%d-%m-%Y")
    if style == "dmy/":
        return d.strftime("%d/%m/%Y")
    if style == "long":
        return f"{d.day} {BULAN[d.month - 1]} {d.year}"
    if style == "short":
        return f"{d.day:02d} {BULAN_PENDEK[d.month - 1]} {d.year}"
    if style == "iso":
        return d.isoformat()
    return datetime(d.year, d.month, d.day)  # a real date cell


def level_text(j: int, style: str) -> str | int:
    if style == "num":
        return j
    if style == "jenjang":
        return f"Jenjang {j}"
    if style == "kkni":
        return f"KKNI {j}"
    if style == "roman":
        return ROMAN[j]
    if style == "jenjang-roman":
        return f"Jenjang {ROMAN[j]}"
    if style == "title":
        return {7: "Ahli Muda", 8: "Ahli Madya", 9: "Ahli Utama"}[j]
    raise ValueError(style)


def kualifikasi(j: int) -> str:
    return "Operator" if j <= 3 else ("Teknisi/Analis" if j <= 6 else "Ahli")


def result_text(e: Event, style: str) -> str:
    if e.result == "K":
        return {"kbk": "K", "word": "Kompeten", "upper": "KOMPETEN"}[style]
    if e.result == "BK":
        return {"kbk": "BK", "word": "Belum Kompeten", "upper": "BELUM KOMPETEN"}[style]
    return ""


# ---------------------------------------------------------------- sheet writers


@dataclass
class Col:
    top: str
    sub: str | None  # None: one header cell merged over both header rows
    value: object  # callable(row) -> cell value


def xlsx_sheet(ws, titles, cols, rows, *, footer=(), two_rows=True, blank_every=0, numbers_row=False,
               total_label=None, start_col=1, merge_down=(), first_row=1):
    """Write title rows, a (two-row, merged) header, the rows and a footer; return each row's sheet row.

    merge_down: indexes of columns whose equal values on consecutive rows are one merged cell
    (clerks merge the jabatan or level of a block of participants)."""
    r = first_row
    for t in titles:
        ws.cell(r, start_col, t).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=start_col, end_row=r, end_column=start_col + len(cols) - 1)
        r += 1
    r += 1  # the blank line clerks leave under the title
    if two_rows:
        c = 0
        while c < len(cols):
            col = cols[c]
            if col.sub is None:
                ws.cell(r, start_col + c, col.top)
                ws.merge_cells(start_row=r, start_column=start_col + c, end_row=r + 1, end_column=start_col + c)
                c += 1
                continue
            span = c
            while span + 1 < len(cols) and cols[span + 1].sub is not None and cols[span + 1].top == col.top:
                span += 1
            ws.cell(r, start_col + c, col.top).alignment = Alignment(horizontal="center")
            if span > c:
                ws.merge_cells(start_row=r, start_column=start_col + c, end_row=r, end_column=start_col + span)
            for k in range(c, span + 1):
                ws.cell(r + 1, start_col + k, cols[k].sub)
            c = span + 1
        r += 2
    else:
        for c, col in enumerate(cols):
            ws.cell(r, start_col + c, col.sub or col.top)
        r += 1
    if numbers_row:
        for c in range(len(cols)):
            ws.cell(r, start_col + c, c + 1)
        r += 1
    placed = []
    runs: dict[int, list] = {c: [] for c in merge_down}
    for i, row in enumerate(rows):
        if blank_every and i and i % blank_every == 0:
            r += 1
        for c, col in enumerate(cols):
            v = col.value(row)
            if c in runs:
                run = runs[c]
                if run and run[-1][0] == v and run[-1][2] == r - 1:
                    run[-1][2] = r
                    continue
                run.append([v, r, r])
            if v not in (None, ""):
                ws.cell(r, start_col + c, v)
        placed.append(r)
        r += 1
    for c, run in runs.items():
        for _, top, bottom in run:
            if bottom > top:
                ws.merge_cells(start_row=top, start_column=start_col + c, end_row=bottom, end_column=start_col + c)
    if total_label:
        ws.cell(r, start_col, total_label)
        ws.cell(r, start_col + 2, f"{len(rows)} orang")
        for c, col in enumerate(cols):  # the clerk's counts under tick columns (K | BK)
            if col.top.startswith("HASIL") and col.sub in ("K", "BK"):
                ws.cell(r, start_col + c, sum(1 for row in rows if col.value(row)))
        r += 1
    r += 1
    for line in footer:
        ws.cell(r, start_col + max(1, len(cols) - 3), line)
        r += 1
    xlsx_sheet.next_row = r
    return placed


def xls_sheet(ws, titles, cols, rows, *, footer=()):
    """Legacy .xls: title rows, two-row header with merges, rows, signature block."""
    r = 0
    for t in titles:
        ws.write_merge(r, r, 0, len(cols) - 1, t)
        r += 1
    r += 1
    c = 0
    while c < len(cols):
        col = cols[c]
        if col.sub is None:
            ws.write_merge(r, r + 1, c, c, col.top)
            c += 1
            continue
        span = c
        while span + 1 < len(cols) and cols[span + 1].sub is not None and cols[span + 1].top == col.top:
            span += 1
        ws.write_merge(r, r, c, span, col.top)
        for k in range(c, span + 1):
            ws.write(r + 1, k, cols[k].sub)
        c = span + 1
    r += 2
    placed = []
    for row in rows:
        for c, col in enumerate(cols):
            v = col.value(row)
            if isinstance(v, datetime):
                ws.write(r, c, v, xlwt.easyxf(num_format_str="DD-MM-YYYY"))
            elif v not in (None, ""):
                ws.write(r, c, v)
        placed.append(r + 1)  # 1-based like a spreadsheet shows it
        r += 1
    r += 1
    for line in footer:
        ws.write(r, max(1, len(cols) - 3), line)
        r += 1
    return placed


SIGNATURE = lambda kota, kepala: [f"{kota}, 15 Desember 2025", "Mengetahui,", "Kepala Dinas PUPR", "", "",  # noqa: E731
                                  kepala, "NIP. 19700312 199803 1 004"]


# ---------------------------------------------------------------- the world


class Builder:
    def __init__(self, root: Path, seed: int):
        self.root = Path(root)
        self.rng = random.Random(seed)
        self.pop = Population(self.rng)
        self.events: list[Event] = []
        self.rows: list[dict] = []
        self.files: dict[str, str] = {}
        self.serial: dict[tuple[str, int], int] = {}
        (self.root / "landing").mkdir(parents=True, exist_ok=True)
        for o in OFFICES:
            (self.root / "landing" / o["id"]).mkdir(exist_ok=True)

    # -- events
    def event(self, p: Person, office: str, year: int, held: date, batch: str, jabatan: str, jenjang: int | None,
              result: str = "K", *, credited: str | None = "own", number_fmt=None, issued_lag=(20, 70),
              pending: bool = False) -> Event:
        e = Event(len(self.events) + 1, p.pid, office, year, held, batch, jabatan, jenjang, result)
        e.credited = REGION_OF[office] if credited == "own" else credited
        if result == "K" and not pending:
            e.issued = held + timedelta(days=self.rng.randint(*issued_lag))
            if number_fmt:
                key = (office, year)
                self.serial[key] = self.serial.get(key, 0) + self.rng.randint(1, 9)
                e.number = number_fmt(e, self.serial[key])
        self.events.append(e)
        return e

    def pick_result(self, pass_rate=0.9) -> str:
        r = self.rng.random()
        return "K" if r < pass_rate else ("BK" if r < pass_rate + 0.06 else "ABSENT")

    def path(self, office: str, name: str) -> Path:
        p = self.root / "landing" / office / name
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def note(self, office, file, sheet, placed, rows, status):
        """Record the truth of each written participant row: its person, event and fate."""
        self.files[f"{office}/{file}"] = status
        for r, row in zip(placed, rows):
            e = row["e"]
            self.rows.append(dict(office=office, file=file, sheet=sheet, row=r, pid=e.pid, eid=e.eid,
                                  status=status, result=e.result, jenjang=e.jenjang))

    def copy(self, office, src, dst, *, status="copy"):
        shutil.copyfile(self.path(office, src), self.path(office, dst))
        self.files[f"{office}/{dst}"] = status


def _row(b: Builder, e: Event, **extra) -> dict:
    return dict(e=e, p=b.pop.persons[e.pid], **extra)


# ---- Kota Palembang: operators 1-6, yearly workbooks, a sheet per angkatan


def palembang(b: Builder, pool: dict):
    rng, office = b.rng, "kota-palembang"
    num = lambda e, s: f"SKK.1671.{e.year}.{s:05d}"  # noqa: E731
    cols = [Col("NO", None, lambda r: r["no"]),
            Col("IDENTITAS PESERTA", "NAMA LENGKAP", lambda r: render_name(r["p"], rng, "upper")),
            Col("IDENTITAS PESERTA", "NO. KTP", lambda r: render_nik(r["p"], rng, "mixed")),
            Col("IDENTITAS PESERTA", "TEMPAT, TANGGAL LAHIR",
                lambda r: f"{BIRTH_PLACE[r['p'].ktp_region]}, {tgl(r['p'].born, 'long')}"),
            Col("IDENTITAS PESERTA", "L/P", lambda r: r["p"].sex),
            Col("SERTIFIKASI", "JABATAN KERJA", lambda r: r["e"].jabatan),
            Col("SERTIFIKASI", "JENJANG", lambda r: level_text(r["e"].jenjang, r["lvl"])),
            Col("HASIL UJI", "K", lambda r: "√" if r["e"].result == "K" else ""),
            Col("HASIL UJI", "BK", lambda r: "√" if r["e"].result == "BK" else ""),
            Col("KETERANGAN", None, lambda r: r.get("ket", ""))]
    years = {2019: date(2019, 8, 14), 2022: date(2022, 6, 8), 2024: date(2024, 5, 15)}
    for year, held in years.items():
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        file = f"Peserta Sertifikasi Operator {year}.xlsx"
        for batch_no in (1, 2) if year == 2024 else (1,):
            held_b = held + timedelta(days=60 * (batch_no - 1))
            rows = []
            for i in range(10 if year == 2019 else 13):
                p = pool["palembang"].pop() if pool["palembang"] else b.pop.new("16.71")
                jab, lv = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))] if rng.random() < .8 else TECH_JOBS[rng.randrange(3)]
                res = b.pick_result()
                e = b.event(p, office, year, held_b, f"Angkatan {ROMAN[batch_no]}", jab, rng.choice(lv), res, number_fmt=num)
                rows.append(_row(b, e, no=i + 1, lvl=rng.choice(["num", "jenjang", "kkni", "roman"]),
                                 ket="Tidak Hadir" if res == "ABSENT" else ""))
                pool.setdefault("palembang_done", []).append((p, jab, e.jenjang, year))
            sheet = f"Angkatan {ROMAN[batch_no]}" if year == 2024 else "Sheet1"
            ws = wb.create_sheet(sheet)
            if year == 2022:
                sections(b, ws, office, file, sheet, rows, [c for c in cols if c.top != "HASIL UJI"],
                         ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA PALEMBANG TAHUN 2022"])
                continue
            placed = xlsx_sheet(ws, ["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI",
                                     f"KUALIFIKASI OPERATOR DINAS PUPR KOTA PALEMBANG TAHUN {year}",
                                     f"ANGKATAN {ROMAN[batch_no]}"], cols, rows, blank_every=7,
                                footer=SIGNATURE("Palembang", "Ir. H. AKHMAD BASTARI, M.T."), total_label="JUMLAH")
            b.note(office, file, sheet, placed, rows, "counts")
            if year == 2024 and batch_no == 1:  # the batch's attendance list kept in the same workbook
                hadir = [dict(r) for r in rows if r["e"].result != "ABSENT"]
                ws_h = wb.create_sheet("Daftar Hadir Angkatan I")
                cols_h = [Col("No", None, lambda r: r["no"]), Col("Nama", None, lambda r: render_name(r["p"], rng, "title")),
                          Col("NIK", None, lambda r: r["p"].nik), Col("Tanda Tangan", None, lambda r: "")]
                placed_h = xlsx_sheet(ws_h, ["DAFTAR HADIR PESERTA", "ANGKATAN I TAHUN 2024"], cols_h, hadir,
                                      two_rows=False)
                b.note(office, file, "Daftar Hadir Angkatan I", placed_h, hadir, "attendance")
        wb.save(b.path(office, file))
    b.copy(office, "Peserta Sertifikasi Operator 2022.xlsx", "Peserta Sertifikasi Operator 2022 (1).xlsx")

    # 2025: the result list says "dalam proses"; a later sheet gives only the numbers
    held = date(2025, 5, 15)
    rows, issued = [], []
    done = pool["palembang_done"]
    for i in range(16):
        if i < 6:  # earlier participants moving up a level or taking a second jabatan
            p, jab, lv, _ = done[rng.randrange(len(done))]
            jab, lvs = TECH_JOBS[rng.randrange(len(TECH_JOBS))]
            lv = rng.choice(lvs)
            if any(e.pid == p.pid and e.year == 2025 for e in b.events):
                p = b.pop.new("16.71")
        else:
            p = b.pop.new(rng.choice(["16.71"] * 5 + ["16.10", "16.02"]))
            jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))]
            lv = rng.choice(lvs)
        res = b.pick_result(0.93)
        pending = res == "K" and rng.random() < 0.6
        e = b.event(p, office, 2025, held, "Tahun 2025", jab, lv, res, number_fmt=num, pending=pending,
                    issued_lag=(30, 60))
        if pending:  # the number arrives later, on the SKK TERBIT list
            e.issued = None
            issued.append(e)
        rows.append(_row(b, e, no=i + 1, lvl=rng.choice(["num", "jenjang", "kkni"])))
    cols25 = [Col("No", None, lambda r: r["no"]),
              Col("Nama Lengkap (sesuai KTP)", None, lambda r: render_name(r["p"], rng, "title")),
              Col("Nomor Induk Kependudukan", None, lambda r: render_nik(r["p"], rng, "apostrophe")),
              Col("Tgl Lahir", None, lambda r: tgl(r["p"].born, "date")),
              Col("JK", None, lambda r: "Laki-laki" if r["p"].sex == "L" else "Perempuan"),
              Col("Jabatan Kerja", None, lambda r: r["e"].jabatan),
              Col("Level", None, lambda r: level_text(r["e"].jenjang, r["lvl"])),
              Col("Hasil", None, lambda r: result_text(r["e"], "word") if r["e"].result != "ABSENT" else "Tidak Hadir"),
              Col("No. SKK", None, lambda r: r["e"].number or ("dalam proses" if r["e"].result == "K" else "-"))]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hasil Uji 2025"
    placed = xlsx_sheet(ws, ["REKAPITULASI HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI",
                             "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KOTA PALEMBANG TAHUN 2025"], cols25, rows,
                        two_rows=False, footer=SIGNATURE("Palembang", "Ir. H. AKHMAD BASTARI, M.T."))
    b.note(office, "Hasil Uji Kompetensi 2025.xlsx", "Hasil Uji 2025", placed, rows, "counts")
    wb.save(b.path(office, "Hasil Uji Kompetensi 2025.xlsx"))
    # the numbers list: name, NIK, jabatan, number only (its year is the only hint)
    nrows = []
    for k, e in enumerate(issued):
        b.serial[(office, 2025)] = b.serial.get((office, 2025), 0) + 3
        e.number = num(e, b.serial[(office, 2025)])
        nrows.append(_row(b, e, no=k + 1))
    colsn = [Col("No", None, lambda r: r["no"]), Col("Nama", None, lambda r: render_name(r["p"], rng, "upper")),
             Col("NIK", None, lambda r: r["p"].nik), Col("Jabatan Kerja", None, lambda r: r["e"].jabatan),
             Col("Nomor Sertifikat", None, lambda r: r["e"].number)]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKK Terbit"
    placed = xlsx_sheet(ws, ["DAFTAR SKK TERBIT PESERTA SERTIFIKASI KOTA PALEMBANG 2025"], colsn, nrows, two_rows=False)
    b.note(office, "SKK TERBIT 2025.xlsx", "SKK Terbit", placed, nrows, "numbers_only")
    wb.save(b.path(office, "SKK TERBIT 2025.xlsx"))
    for e in issued:  # the truth's issue date: unknown day of 2025 (after the assessment)
        e.issued = None
    # 2023: the office sent only the list of SKK issued (no results list): the number is the result
    num23 = lambda e, s: f"SKK.1671.2023.{s:05d}"  # noqa: E731
    rows = []
    for k in range(10):
        p = b.pop.new("16.71")
        jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))]
        e = b.event(p, office, 2023, date(2023, 8, 23), "2023", jab, rng.choice(lvs), "K", number_fmt=num23)
        e.issued = None  # no file states it
        rows.append(_row(b, e, no=k + 1))
    cols = [Col("No", None, lambda r: r["no"]), Col("Nama", None, lambda r: render_name(r["p"], rng, "upper")),
            Col("NIK", None, lambda r: render_nik(r["p"], rng, "apostrophe")),
            Col("Jabatan Kerja", None, lambda r: r["e"].jabatan), Col("Jenjang", None, lambda r: r["e"].jenjang),
            Col("Nomor Registrasi SKK", None, lambda r: r["e"].number)]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    placed = xlsx_sheet(ws, ["DAFTAR NOMOR SKK TENAGA KERJA KONSTRUKSI KOTA PALEMBANG TAHUN 2023"], cols, rows,
                        two_rows=False)
    b.note(office, "Daftar Nomor SKK 2023.xlsx", "Sheet1", placed, rows, "counts")
    wb.save(b.path(office, "Daftar Nomor SKK 2023.xlsx"))


def sections(b, ws, office, file, sheet, rows, cols, titles):
    """One sheet, one table per result under a section row and its own header (no result column)."""
    r = 1
    for t in titles:
        ws.cell(r, 1, t)
        r += 2
    groups = [("A. PESERTA KOMPETEN", "K"), ("B. PESERTA BELUM KOMPETEN", "BK"), ("C. PESERTA TIDAK HADIR", "ABSENT")]
    for label, result in groups:
        part = [dict(row, no=k + 1) for k, row in enumerate(x for x in rows if x["e"].result == result)]
        if not part:
            continue
        ws.cell(r, 1, label)
        placed = xlsx_sheet(ws, [], cols, part, first_row=r, total_label=f"JUMLAH {label[3:]}")
        b.note(office, file, sheet, placed, part, "counts")
        r = xlsx_sheet.next_row + 1
    for k, line in enumerate(SIGNATURE("Palembang", "Ir. H. AKHMAD BASTARI, M.T.")):
        ws.cell(r + k, len(cols) - 2, line)


# ---- Kabupaten Muara Enim: `;` CSV in Windows-1252, decimal-comma scientific NIKs, _revisi


def csv_bytes(header: list[str], lines: list[list], *, title: list[str] = (), encoding="cp1252") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for t in title:
        w.writerow([t] + [""] * (len(header) - 1))
    w.writerow(header)
    for line in lines:
        w.writerow(["" if v is None else v for v in line])
    return buf.getvalue().encode(encoding)


def sci_nik(p: Person, rng: random.Random, decimal: str = ",") -> str:
    if rng.random() < 0.3:  # Excel saved the NIK as a number (decimal comma in an Indonesian locale)
        return f"{int(p.nik) / 1e15:.5f}".replace(".", decimal) + "E+15"
    return p.nik


def muara_enim(b: Builder, pool: dict):
    rng, office = b.rng, "kab-muara-enim"
    num = lambda e, s: f"{s:07d}/SKK/LSP-GATENSI/{ROMAN[e.issued.month]}/{e.issued.year}"  # noqa: E731
    header = ["No", "Nama", "NIK", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang",
              "Hasil Uji", "Nomor Sertifikat", "Tanggal Terbit", "Berlaku s.d."]

    def line(i, e, p, **fix):
        nik = sci_nik(p, rng)
        blank = fix.get("hasil") == "BK"  # a BK row carries no certificate
        return [i, render_name(p, rng, "upper"), nik, BIRTH_PLACE[p.ktp_region], tgl(p.born, "dmy/"),
                "L" if p.sex == "L" else "P", e.jabatan, fix.get("jenjang", e.jenjang),
                fix.get("hasil", result_text(e, "kbk") if e.result != "ABSENT" else "TH"),
                "" if blank else (e.number or ""), "" if blank else tgl(e.issued, "dmy/"),
                "" if blank else tgl(e.expires, "dmy/")]

    # 2021: two batches, April and November; the issue dates decide who is still valid in July 2026
    for held, tag in ((date(2021, 3, 10), "Tahap I"), (date(2021, 10, 20), "Tahap II")):
        lines, rows = [], []
        for i in range(10):
            p = b.pop.new(rng.choice(["16.03"] * 6 + ["16.04", "16.74"]))
            jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))] if i % 3 else TECH_JOBS[rng.randrange(4)]
            e = b.event(p, office, 2021, held, tag, jab, rng.choice(lvs), b.pick_result(), number_fmt=num,
                        issued_lag=(20, 40))
            lines.append(line(i + 1, e, p))
            rows.append(_row(b, e))
            pool.setdefault("muara_enim_done", []).append(p)
        file = f"Hasil Sertifikasi {tag} 2021.csv"
        b.path(office, file).write_bytes(csv_bytes(header, lines, title=[
            f"DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KABUPATEN MUARA ENIM {tag.upper()} 2021", ""]))
        b.note(office, file, "", [i + 4 for i in range(len(rows))], rows, "counts")

    # 2023 with a _revisi: the first version had two results and one level wrong
    held = date(2023, 7, 12)
    events, fixes = [], {}
    for i in range(16):
        p = b.pop.new("16.03") if i >= 4 else pool["muara_enim_done"][i]
        jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))]
        lv = rng.choice(lvs)
        if i < 4:  # second certificate of an earlier participant
            jab, lv = TECH_JOBS[0][0], 4
        e = b.event(p, office, 2023, held, "2023", jab, lv, "K" if i in (5, 9) else b.pick_result(), number_fmt=num)
        events.append(e)
    fixes[events[5].eid] = dict(hasil="BK")
    fixes[events[9].eid] = dict(hasil="BK")
    fixes[events[12].eid] = dict(jenjang=2 if events[12].jenjang == 3 else 3)
    for file, status, fixed in (("Hasil Uji 2023.csv", "superseded", False), ("Hasil Uji 2023_revisi.csv", "counts", True)):
        lines, rows = [], []
        rng_state = rng.getstate()
        for i, e in enumerate(events):
            p = b.pop.persons[e.pid]
            lines.append(line(i + 1, e, p, **({} if fixed else fixes.get(e.eid, {}))))
            rows.append(_row(b, e))
        rng.setstate(rng_state)  # the correction retypes nothing else
        b.path(office, file).write_bytes(csv_bytes(header, lines, title=[
            "REKAP HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2023" + (" (REVISI)" if fixed else "")]))
        b.note(office, file, "", [i + 3 for i in range(len(rows))], rows, status)

    # a Kota Prabumulih list (no registry office) dropped in Muara Enim's folder: counted nowhere
    lines, rows = [], []
    for i in range(6):
        p = b.pop.new("16.74")
        e = b.event(p, office, 2024, date(2024, 9, 3), "2024", "Tukang Batu", 2, "K", credited=None)
        lines.append([i + 1, render_name(p, rng, "upper"), p.nik, BIRTH_PLACE[p.ktp_region], tgl(p.born, "dmy/"),
                      p.sex, e.jabatan, 2, "K", "", "", ""])
        rows.append(_row(b, e))
    b.path(office, "Peserta Sertifikasi Tukang 2024.csv").write_bytes(csv_bytes(header, lines, title=[
        "DAFTAR PESERTA SERTIFIKASI TUKANG DINAS PUPR KOTA PRABUMULIH TAHUN 2024"]))
    b.note(office, "Peserta Sertifikasi Tukang 2024.csv", "", [i + 3 for i in range(6)], rows, "nowhere")

    # Muara Enim's 2024 workbook landed in the province's folder: its title speaks for Muara Enim
    rows = []
    for i in range(9):
        p = b.pop.new("16.03")
        jab, lvs = OPERATOR_JOBS[rng.randrange(5)]
        e = b.event(p, office, 2024, date(2024, 11, 5), "2024", jab, rng.choice(lvs), b.pick_result(), number_fmt=num)
        rows.append(_row(b, e, no=i + 1))
    cols = [Col("No.", None, lambda r: r["no"]), Col("Nama Lengkap", None, lambda r: render_name(r["p"], rng, "upper")),
            Col("No KTP/NIK", None, lambda r: r["p"].nik + "\u00a0"), Col("TTL", None,
                lambda r: f"{BIRTH_PLACE[r['p'].ktp_region]}, {tgl(r['p'].born, 'dmy-')}"),
            Col("Jabatan", None, lambda r: r["e"].jabatan), Col("Jenjang", None, lambda r: f"KKNI {r['e'].jenjang}"),
            Col("Rekomendasi", None, lambda r: result_text(r["e"], "word") if r["e"].result != "ABSENT" else "Tidak hadir"),
            Col("No. Registrasi", None, lambda r: r["e"].number or "")]
    wb = openpyxl.Workbook()
    letter = wb.active
    letter.title = "Surat Pengantar"
    for k, text in enumerate(["PEMERINTAH KABUPATEN MUARA ENIM", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "",
                              "Nomor : 600/412/PUPR/2024", "Perihal : Penyampaian Data Hasil Sertifikasi", "",
                              "Kepada Yth. Kepala Dinas PUPR Provinsi Sumatera Selatan", "di Palembang", "",
                              "Bersama ini kami sampaikan data hasil sertifikasi operator alat berat tahun 2024",
                              "sebanyak 12 orang sebagaimana terlampir.", "", "Muara Enim, 2 Desember 2024",
                              "Kepala Dinas,", "", "IR. ZULKARNAIN"], 1):
        letter.cell(k, 2, text)
    ws = wb.create_sheet("Operator 2024")
    placed = xlsx_sheet(ws, ["PEMERINTAH KABUPATEN MUARA ENIM", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
                             "HASIL SERTIFIKASI OPERATOR ALAT BERAT TAHUN 2024"], cols, rows, two_rows=False,
                        footer=SIGNATURE("Muara Enim", "IR. ZULKARNAIN"))
    file = "Sertifikasi Operator Alat Berat 2024.xlsx"
    wb.save(b.path("prov-sumsel", file))
    b.note("prov-sumsel", file, "Operator 2024", placed, rows, "counted_at:kab-muara-enim")


# ---- Kabupaten Lahat: legacy .xls, a sheet per kecamatan, Roman levels; old SKT of 2020


def lahat(b: Builder, pool: dict):
    rng, office = b.rng, "kab-lahat"
    cols = [Col("No", None, lambda r: r["no"]), Col("Nama", None, lambda r: render_name(r["p"], rng, "upper")),
            Col("NIK", None, lambda r: r["p"].nik if rng.random() < .7 else float(int(r["p"].nik[:15] + "0"))),
            Col("Tempat / Tgl Lahir", "Tempat", lambda r: BIRTH_PLACE[r["p"].ktp_region]),
            Col("Tempat / Tgl Lahir", "Tanggal", lambda r: tgl(r["p"].born, "date")),
            Col("Jenis Kelamin", None, lambda r: "Laki-laki" if r["p"].sex == "L" else "Perempuan"),
            Col("Jabatan Kerja", None, lambda r: r["e"].jabatan),
            Col("Jenjang", None, lambda r: level_text(r["e"].jenjang, r["lvl"])),
            Col("Hasil", None, lambda r: result_text(r["e"], "upper")),
            Col("Sertifikat", "Nomor", lambda r: r["e"].number or ""),
            Col("Sertifikat", "Tgl Terbit", lambda r: tgl(r["e"].issued, "date")),
            Col("Sertifikat", "Masa Berlaku", lambda r: (f"{r['e'].issued:%d-%m-%Y} s.d. {r['e'].expires:%d-%m-%Y}"
                                                         if r["e"].issued and r["e"].year >= 2024
                                                         else tgl(r["e"].expires, "date")))]
    # 2020: SKT of the old scheme (expired 31-12-2022), one sheet
    old_num = lambda e, s: f"1.3.{rng.randint(100, 999)}.2.164.04.{s:07d}"  # noqa: E731
    wb = xlwt.Workbook()
    ws = wb.add_sheet("SKT 2020")
    rows = []
    for i in range(9):
        p = b.pop.new("16.04")
        jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))]
        e = b.event(p, office, 2020, date(2020, 2, 20), "2020", jab, rng.choice(lvs), b.pick_result(0.95),
                    number_fmt=old_num)
        rows.append(_row(b, e, no=i + 1, lvl="roman"))
        pool.setdefault("lahat_old", []).append(p)
    placed = xls_sheet(ws, ["DAFTAR TENAGA TERAMPIL BERSERTIFIKAT (SKT)", "KABUPATEN LAHAT TAHUN 2020"], cols, rows,
                       footer=SIGNATURE("Lahat", "H. SUHARDIN, S.T."))
    wb.save(str(b.path(office, "SKT Kabupaten Lahat 2020.xls")))
    b.note(office, "SKT Kabupaten Lahat 2020.xls", "SKT 2020", placed, rows, "counts")

    # 2024: MTU-like program, one sheet per kecamatan; some 2020 SKT holders renew as SKK
    num = lambda e, s: f"SKK-1604-{e.year}-{s:05d}"  # noqa: E731
    wb = xlwt.Workbook()
    renewing = list(pool["lahat_old"][:5])
    for kec, _ in KECAMATAN["16.04"]:
        ws = wb.add_sheet(kec)
        rows = []
        for i in range(5):
            p = renewing.pop() if renewing and i < 2 else b.pop.new(rng.choice(["16.04"] * 8 + ["16.03"]))
            old = [e for e in b.events if e.pid == p.pid]
            if old:
                jab, lv = old[0].jabatan, old[0].jenjang
            else:
                jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))]
                lv = rng.choice(lvs)
            e = b.event(p, office, 2024, date(2024, 8, 7), f"Kecamatan {kec}", jab, lv, b.pick_result(),
                        number_fmt=num)
            rows.append(_row(b, e, no=i + 1, lvl=rng.choice(["roman", "jenjang-roman"])))
            pool.setdefault("lahat_2024", []).append(p)
        placed = xls_sheet(ws, ["DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN 2024",
                                f"KECAMATAN {kec.upper()} - KABUPATEN LAHAT"], cols, rows,
                           footer=SIGNATURE("Lahat", "H. SUHARDIN, S.T."))
        b.note(office, "Sertifikasi Per Kecamatan 2024.xls", kec, placed, rows, "counts")
    rekap = wb.add_sheet("REKAP")
    rekap.write_merge(0, 0, 0, 3, "REKAPITULASI PESERTA SERTIFIKASI PER KECAMATAN TAHUN 2024")
    for c, h in enumerate(["No", "Kecamatan", "Jumlah Peserta", "Kompeten"]):
        rekap.write(2, c, h)
    lahat24 = [e for e in b.events if e.office == office and e.year == 2024]
    for k, (kec, _) in enumerate(KECAMATAN["16.04"]):
        mine = [e for e in lahat24 if e.batch == f"Kecamatan {kec}"]
        for c, v in enumerate([k + 1, kec, len(mine), sum(e.result == "K" for e in mine)]):
            rekap.write(3 + k, c, v)
    rekap.write(3 + len(KECAMATAN["16.04"]), 1, "JUMLAH")
    rekap.write(3 + len(KECAMATAN["16.04"]), 2, len(lahat24))
    wb.save(str(b.path(office, "Sertifikasi Per Kecamatan 2024.xls")))
    b.copy(office, "Sertifikasi Per Kecamatan 2024.xls", "Sertifikasi Per Kecamatan 2024_salinan.xls")
    shutil.copyfile(b.path(office, "Sertifikasi Per Kecamatan 2024.xls"), b.path("kab-muara-enim", "Data Lahat 2024.xls"))
    b.files["kab-muara-enim/Data Lahat 2024.xls"] = "copy_of_owner"
    b.path(office, "Surat Pengantar Data Sertifikasi 2024.pdf").write_bytes(MINI_PDF)
    b.files[f"{office}/Surat Pengantar Data Sertifikasi 2024.pdf"] = "cover_letter"


MINI_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
            b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


# ---- Provinsi Sumatera Selatan: experts 7-9; paged JSON portal (+07:00); titles only in 2025


def iso(d: date | None, offset: str, hour: int = 0) -> str | None:
    return None if d is None else f"{d.isoformat()}T{hour:02d}:00:00{offset}"


def portal_record(e: Event, p: Person, offset: str, rng: random.Random, level_style: str) -> dict:
    level = e.jenjang if level_style == "int" else f"KKNI Level {e.jenjang}"
    rec = {"registration_id": f"REG-{e.eid:06d}", "full_name": p.name if rng.random() < .7 else p.name.upper(),
           "id_number": p.nik, "gender": "male" if p.sex == "L" else "female", "birth_place": BIRTH_PLACE[p.ktp_region],
           "birth_date": p.born.isoformat(), "occupation": {"code": f"JK{sum(map(ord, e.jabatan)) % 900 + 100}",
                                                            "name": e.jabatan},
           "level": level, "assessment": {"scheduled_at": iso(e.held, offset, 8),
                                          "result": {"K": "competent", "BK": "not yet competent"}.get(e.result)},
           "certificate": None, "updated_at": iso(e.held + timedelta(days=90), offset, 14)}
    if e.result == "K":
        rec["certificate"] = {"number": e.number, "issued_at": iso(e.issued, offset),
                              "expires_at": iso(e.expires, offset)}
    return rec


def write_pages(b: Builder, office: str, stem: str, records: list[tuple[Event, dict]], per_page: int,
                browser_names: bool = False, nested: bool = False):
    """Page by page; a browser saving each page under the portal's one name makes X.json, X (1).json..."""
    pages = [records[i:i + per_page] for i in range(0, len(records), per_page)]
    for k, page in enumerate(pages, 1):
        name = (f"{stem}.json" if k == 1 else f"{stem} ({k - 1}).json") if browser_names else f"{stem}_page{k}.json"
        body = {"status": "success", "page": k, "per_page": per_page, "total": len(records),
                "total_pages": len(pages), "data": [r for _, r in page]}
        if nested:
            body = {"meta": {"current_page": k, "last_page": len(pages), "per_page": per_page, "total": len(records),
                             "generated_at": "2025-01-06T09:12:44+07:00"}, "data": {"items": [r for _, r in page]}}
        b.path(office, name).write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
        for k, (events, _) in enumerate(page, 1):
            events = events if isinstance(events, list) else [events]
            b.note(office, name, "", [k] * len(events), [dict(e=e) for e in events], "counts")


def sumsel(b: Builder, pool: dict):
    rng, office = b.rng, "prov-sumsel"
    num = lambda e, s: f"LPJK.16.{e.year}.{s:06d}"  # noqa: E731
    records = []
    for i in range(20):
        if i < 6 and pool.get("muara_enim_done"):  # regency technicians now certified as experts
            p = pool["muara_enim_done"][-(i + 1)]
            p.degree = "S.T."
        else:
            p = b.pop.new(rng.choice(["16.71", "16.71", "16.03", "16.04", "16.10"]), expert=True)
        jab, lv = EXPERT_JOBS[rng.randrange(len(EXPERT_JOBS))]
        held = date(2024, rng.choice([3, 6, 9]), 12)
        e = b.event(p, office, 2024, held, "Fasilitasi Sertifikasi Ahli 2024", jab, lv, b.pick_result(0.9),
                    number_fmt=num)
        if e.result == "ABSENT":
            e.result = "BK"
        records.append((e, portal_record(e, b.pop.persons[e.pid], "+07:00", rng, "text")))
        pool.setdefault("sumsel_experts", []).append(p)
    write_pages(b, office, "export_sertifikasi_ahli_2024", records, 10, browser_names=True, nested=True)
    records = []
    for k, issued in enumerate([date(2021, 6, 28), date(2021, 6, 30), date(2021, 7, 1), date(2021, 7, 2),
                                date(2021, 3, 15), date(2021, 11, 9)]):
        p = b.pop.new(rng.choice(["16.71", "16.03", "16.04"]), expert=True)
        jab, lv = EXPERT_JOBS[rng.randrange(len(EXPERT_JOBS))]
        e = b.event(p, office, 2021, issued - timedelta(days=30), "2021", jab, lv, "K", number_fmt=num)
        e.issued = issued  # valid through 2026-06-28, 06-30, 07-01 (the publish day), 07-02, ...
        e.number = num(e, 100 + k)
        records.append((e, portal_record(e, p, "+07:00", rng, "text")))
    write_pages(b, office, "export_sertifikasi_ahli_2021", records, 10)

    # 2025 workbook: the level only as the title; a fresh-graduate sheet (technicians)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, jobs, n in (("Tenaga Ahli", EXPERT_JOBS, 16), ("Fresh Graduate", FRESH_JOBS, 10)):
        rows = []
        for i in range(n):
            young = sheet == "Fresh Graduate"
            if not young and i < 4:
                p = pool["sumsel_experts"][i]
                jab, lv = ("Ahli Madya Teknik Jembatan", 8)
                if any(e.pid == p.pid and e.jenjang == 8 for e in b.events):
                    jab, lv = ("Ahli Utama Teknik Jalan", 9)
            else:
                p = b.pop.new(rng.choice(["16.71", "16.03", "16.04", "16.71"]), expert=True, young=young)
                jab, lv = jobs[rng.randrange(len(jobs))]
            e = b.event(p, office, 2025, date(2025, 4, 22), sheet, jab, lv, b.pick_result(0.92), number_fmt=num)
            rows.append(_row(b, e, no=i + 1))
        if sheet == "Tenaga Ahli":
            level_col = Col("KUALIFIKASI", None, lambda r: level_text(r["e"].jenjang, "title"))
        else:
            level_col = Col("JENJANG", None, lambda r: level_text(r["e"].jenjang, "kkni"))
        cols = [Col("NO", None, lambda r: r["no"]), Col("NAMA", None, lambda r: render_name(r["p"], rng, "upper")),
                Col("NIK", None, lambda r: render_nik(r["p"], rng, "text")),
                Col("TGL LAHIR", None, lambda r: tgl(r["p"].born, "short")),
                Col("JABATAN KERJA", None, lambda r: r["e"].jabatan), level_col,
                Col("HASIL ASESMEN", None, lambda r: result_text(r["e"], "upper") or "TIDAK HADIR"),
                Col("NO. SERTIFIKAT", None, lambda r: r["e"].number or "-"),
                Col("TGL TERBIT", None, lambda r: tgl(r["e"].issued, "dmy-"))]
        ws = wb.create_sheet(sheet)
        placed = xlsx_sheet(ws, ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG PROVINSI SUMATERA SELATAN",
                                 f"PESERTA SERTIFIKASI {sheet.upper()} TAHUN 2025"], cols, rows, two_rows=False,
                            numbers_row=True, footer=SIGNATURE("Palembang", "Ir. DONI, M.T."))
        b.note(office, "Sertifikasi Ahli dan Fresh Graduate 2025.xlsx", sheet, placed, rows, "counts")
    wb.save(b.path(office, "Sertifikasi Ahli dan Fresh Graduate 2025.xlsx"))
    b.path(office, "Undangan Pelatihan Ahli 2025.pdf").write_bytes(MINI_PDF)
    b.files[f"{office}/Undangan Pelatihan Ahli 2025.pdf"] = "cover_letter"


# ---- Kabupaten Muaro Jambi: BIMTEK operators (Dec 2025): attendance list + results "dalam proses"


def muaro_jambi(b: Builder, pool: dict):
    rng, office = b.rng, "kab-muaro-jambi"
    held = date(2025, 12, 15)
    people = [b.pop.new(rng.choice(["15.05"] * 6 + ["15.71", "15.04"])) for _ in range(18)]
    events = []
    for p in people:
        jab, lvs = OPERATOR_JOBS[rng.randrange(5)]
        events.append(b.event(p, office, 2025, held, "BIMTEK Operator Alat Berat 2025", jab, rng.choice(lvs),
                              b.pick_result(0.9), pending=True))
    # attendance list first: no level, no result
    rows = [_row(b, e, no=i + 1) for i, e in enumerate(events)]
    cols = [Col("No", None, lambda r: r["no"]), Col("Nama Peserta", None, lambda r: render_name(r["p"], rng, "title", loose=.3)),
            Col("NIK", None, lambda r: render_nik(r["p"], rng, "number")),
            Col("Asal Desa/Kecamatan", None, lambda r: rng.choice(KECAMATAN["15.05"])[0]),
            Col("No. HP", None, lambda r: f"08{rng.randint(10**9, 10**10 - 1)}"),
            Col("Tanda Tangan", None, lambda r: f"{r['no']}. ......")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hari 1"
    placed = xlsx_sheet(ws, ["DAFTAR HADIR", "BIMTEK PEMBEKALAN DAN UJI SERTIFIKASI TENAGA KERJA OPERATOR ALAT BERAT",
                             "SENIN, 15 DESEMBER 2025 - AULA DINAS PUPR KABUPATEN MUARO JAMBI"], cols, rows, two_rows=False)
    b.note(office, "Daftar Hadir BIMTEK Operator 2025.xlsx", "Hari 1", placed, rows, "attendance")
    wb.save(b.path(office, "Daftar Hadir BIMTEK Operator 2025.xlsx"))
    # results: K/BK in a two-row header, the certificate still in process
    cols = [Col("NO", None, lambda r: r["no"]), Col("NAMA", None, lambda r: render_name(r["p"], rng, "upper")),
            Col("NIK\n(16 digit)", None, lambda r: render_nik(r["p"], rng, "number")),
            Col("TEMPAT/\nTGL LAHIR", None, lambda r: f"{BIRTH_PLACE[r['p'].ktp_region]}, {tgl(r['p'].born, 'dmy-')}"),
            Col("JK", None, lambda r: "LK" if r["p"].sex == "L" else "PR"),
            Col("JABATAN KERJA", None, lambda r: r["e"].jabatan),
            Col("JENJANG\n(KKNI)", None, lambda r: f"{r['e'].jenjang} ({['', 'Satu', 'Dua', 'Tiga'][r['e'].jenjang]})"),
            Col("HASIL UJI", "K", lambda r: "v" if r["e"].result == "K" else ""),
            Col("HASIL UJI", "BK", lambda r: "v" if r["e"].result == "BK" else ""),
            Col("KETERANGAN", None, lambda r: "Sertifikat dalam proses" if r["e"].result == "K" else
                ("Tidak hadir uji" if r["e"].result == "ABSENT" else ""))]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hasil Uji"
    placed = xlsx_sheet(ws, ["REKAPITULASI HASIL UJI SERTIFIKASI OPERATOR ALAT BERAT",
                             "DINAS PUPR KABUPATEN MUARO JAMBI TAHUN ANGGARAN 2025"], cols, rows, total_label="Jumlah",
                        footer=SIGNATURE("Sengeti", "Ir. SUKO WIBOWO"))
    b.note(office, "Hasil Uji Sertifikasi Operator 2025.xlsx", "Hasil Uji", placed, rows, "counts")
    wb.save(b.path(office, "Hasil Uji Sertifikasi Operator 2025.xlsx"))
    b.path(office, "Hasil Uji Sertifikasi Operator 2025 - Copy.xlsx").write_bytes(
        b.path(office, "Hasil Uji Sertifikasi Operator 2025.xlsx").read_bytes())
    b.files[f"{office}/Hasil Uji Sertifikasi Operator 2025 - Copy.xlsx"] = "copy"
    # 2023: a BIMTEK without assessment (certifies nobody), then a certification with results
    rows = []
    for i in range(9):
        p = b.pop.new("15.05")
        jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))]
        e = b.event(p, office, 2023, date(2023, 6, 5), "BIMTEK 2023", jab, None, "TRAINING")
        rows.append(_row(b, e, no=i + 1))
        pool.setdefault("mj_trained", []).append(p)
    cols = [Col("No", None, lambda r: r["no"]), Col("Nama Lengkap", None, lambda r: render_name(r["p"], rng, "title")),
            Col("NIK", None, lambda r: r["p"].nik), Col("Jabatan", None, lambda r: r["e"].jabatan),
            Col("Kegiatan", None, lambda r: "BIMTEK Jasa Konstruksi")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    placed = xlsx_sheet(ws, ["DAFTAR PESERTA BIMBINGAN TEKNIS JASA KONSTRUKSI TAHUN 2023"], cols, rows, two_rows=False)
    b.note(office, "Peserta BIMTEK 2023.xlsx", "Peserta", placed, rows, "training")
    wb.save(b.path(office, "Peserta BIMTEK 2023.xlsx"))
    num = lambda e, s: f"SKK.1505.{e.year}.{s:05d}"  # noqa: E731
    rows = []
    for i in range(10):
        p = pool["mj_trained"][i] if i < 8 else b.pop.new("15.05")
        prior = [e for e in b.events if e.pid == p.pid]
        jab = prior[0].jabatan if prior else OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))][0]
        lv = dict(OPERATOR_JOBS)[jab][-1]
        e = b.event(p, office, 2023, date(2023, 9, 20), "Uji Sertifikasi 2023", jab, lv, b.pick_result(), number_fmt=num)
        rows.append(_row(b, e, no=i + 1))
    cols = [Col("No", None, lambda r: r["no"]), Col("Nama Lengkap", None, lambda r: render_name(r["p"], rng, "title")),
            Col("NIK", None, lambda r: render_nik(r["p"], rng, "apostrophe")),
            Col("Tgl Lahir", None, lambda r: r["p"].born.strftime("%d-%m-%y")), Col("L/P", None, lambda r: r["p"].sex),
            Col("Jabatan Kerja", None, lambda r: r["e"].jabatan),
            Col("Hasil", None, lambda r: result_text(r["e"], "kbk") or "-"),
            Col("No. Sertifikat", None, lambda r: r["e"].number or "")]
    # one sheet per skema: the level only in the sheet's name and its title row
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for (jab, lv) in sorted({(r["e"].jabatan, r["e"].jenjang) for r in rows}):
        part = [dict(r, no=k + 1) for k, r in enumerate(x for x in rows if (x["e"].jabatan, x["e"].jenjang) == (jab, lv))]
        sheet = f"{jab.replace('Operator ', 'Op. ')} Jenjang {lv}"[:31]
        ws = wb.create_sheet(sheet)
        placed = xlsx_sheet(ws, ["HASIL UJI SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN 2023 - KABUPATEN MUARO JAMBI",
                                 f"SKEMA : {jab.upper()} - JENJANG {lv}"], cols, part, two_rows=False)
        b.note(office, "Hasil Uji Sertifikasi 2023.xlsx", sheet, placed, part, "counts")
    wb.save(b.path(office, "Hasil Uji Sertifikasi 2023.xlsx"))


# ---- Provinsi Jambi: experts with Roman levels; a first version and its _final; old SKA of 2018


def jambi(b: Builder, pool: dict):
    rng, office = b.rng, "prov-jambi"
    num = lambda e, s: f"{s:05d}/LSP-ATAKI/{ROMAN[e.issued.month]}/{e.issued.year}"  # noqa: E731
    events = []
    for i in range(14):
        p = b.pop.new(rng.choice(["15.71", "15.05", "15.04", "15.71"]), expert=True)
        jab, lv = EXPERT_JOBS[rng.randrange(len(EXPERT_JOBS))]
        events.append(b.event(p, office, 2023, date(2023, 10, 3), "Tahap I", jab, lv, b.pick_result(), number_fmt=num))
    first_wrong = {events[3].eid: "BELUM KOMPETEN", events[11].eid: "BELUM KOMPETEN"}
    for e in events:
        if e.eid in first_wrong:
            e.result = "K"
            if e.number is None:
                e.issued = e.held + timedelta(days=35)
                b.serial[(office, 2023)] = b.serial.get((office, 2023), 0) + 4
                e.number = num(e, b.serial[(office, 2023)])
    for file, status, fixed in (("Data Tenaga Ahli Bersertifikat 2023.xlsx", "superseded", False),
                                ("Data Tenaga Ahli Bersertifikat 2023_final.xlsx", "counts", True)):
        state = rng.getstate()
        rows = [_row(b, e, no=i + 1) for i, e in enumerate(events)]
        cols = [Col("NO", None, lambda r: r["no"]), Col("NAMA", None, lambda r: render_name(r["p"], rng, "mixed")),
                Col("NIK", None, lambda r: render_nik(r["p"], rng, "spaced", damage=0)),
                Col("JENIS KELAMIN", None, lambda r: "Pria" if r["p"].sex == "L" else "Wanita"),
                Col("JABATAN KERJA", None, lambda r: r["e"].jabatan),
                Col("KUALIFIKASI", None, lambda r: "Ahli"),
                Col("JENJANG", None, lambda r: {7: "Muda", 8: "Madya", 9: "Utama"}[r["e"].jenjang]),
                Col("HASIL", None, lambda r: (first_wrong.get(r["e"].eid) if not fixed else None)
                    or result_text(r["e"], "upper") or "TIDAK HADIR"),
                Col("NOMOR SERTIFIKAT", None, lambda r: "" if (not fixed and r["e"].eid in first_wrong) else (r["e"].number or "")),
                Col("MASA BERLAKU", None, lambda r: "" if (not fixed and r["e"].eid in first_wrong) else tgl(r["e"].expires, "long"))]
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Tahap I"
        placed = xlsx_sheet(ws, ["DATA TENAGA AHLI KONSTRUKSI BERSERTIFIKAT", "DINAS PUPR PROVINSI JAMBI TAHUN 2023"],
                            cols, rows, two_rows=False, blank_every=10, footer=SIGNATURE("Jambi", "Ir. M. FAUZI"))
        rng.setstate(state)
        b.note(office, file, "Tahap I", placed, rows, status)
        wb.save(b.path(office, file))
    # SKA of 2018 (old scheme): listed by the province with its issue date, expired since 2023
    old_num = lambda e, s: f"1.2.{rng.randint(200, 230)}.3.{rng.randint(100, 199)}.15.{s:07d}"  # noqa: E731
    rows = []
    for i in range(7):
        p = b.pop.new(rng.choice(["15.71", "15.05"]), expert=True)
        jab, lv = EXPERT_JOBS[rng.randrange(len(EXPERT_JOBS))]
        e = b.event(p, office, 2018, date(2018, 7, 10), "SKA 2018", jab, lv, "K", number_fmt=old_num)
        rows.append(_row(b, e, no=i + 1))
    cols = [Col("No", None, lambda r: r["no"]), Col("Nama", None, lambda r: render_name(r["p"], rng, "title")),
            Col("No KTP", None, lambda r: r["p"].nik), Col("Kualifikasi", None, lambda r: level_text(r["e"].jenjang, "title")),
            Col("Sub Bidang", None, lambda r: r["e"].jabatan), Col("No. SKA", None, lambda r: r["e"].number),
            Col("Tanggal Terbit", None, lambda r: tgl(r["e"].issued, "dmy-"))]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKA"
    placed = xlsx_sheet(ws, ["DAFTAR TENAGA AHLI PEMEGANG SKA FASILITASI PROVINSI JAMBI 2018"], cols, rows, two_rows=False)
    b.note(office, "Daftar SKA 2018.xlsx", "SKA", placed, rows, "counts")
    wb.save(b.path(office, "Daftar SKA 2018.xlsx"))


# ---- Provinsi Kalimantan Timur: Tahap I-IV 2025 a sheet each; registration list; JSON portal (+08:00)


def kaltim(b: Builder, pool: dict):
    rng, office = b.rng, "prov-kaltim"
    num = lambda e, s: f"SKK.64.{e.year}.{s:05d}"  # noqa: E731
    kaltim_regions = ["64.72", "64.08", "64.02", "64.71", "64.72"]
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    retake: list[tuple] = []
    kaltim_ktp = [p for p in pool.get("kutim_done", []) if p.ktp_region.startswith("64")]
    tahap4 = []
    for t in (1, 2, 3, 4):
        rows = []
        for i in range(10):
            if t == 3 and retake:  # Tahap I's Belum Kompeten retake the same jabatan
                p, jab, lv = retake.pop()
            else:
                if t == 1 and i < 4 and i < len(kaltim_ktp):  # MTU workers of Kutai Timur, now graduates
                    p = kaltim_ktp[i]
                    p.degree = "S.T."
                else:
                    p = b.pop.new(rng.choice(kaltim_regions), expert=True, young=rng.random() < 0.3)
                fresh = p.born.year >= 1997
                jab, lv = FRESH_JOBS[rng.randrange(3)] if fresh else EXPERT_JOBS[rng.randrange(len(EXPERT_JOBS))]
            res = b.pick_result(0.9)
            if res == "ABSENT":
                res = "BK"
            e = b.event(p, office, 2025, date(2025, 2 + 2 * t, 10 + t), f"Tahap {ROMAN[t]}", jab, lv, res,
                        number_fmt=num, pending=(t == 4))
            if t == 1 and res == "BK":
                retake.append((p, jab, lv))
            rows.append(_row(b, e, no=i + 1, lvl=rng.choice(["num", "kkni"])))
            if t == 4:
                tahap4.append(e)
        cols = [Col("No", None, lambda r: r["no"]),
                Col("DATA PESERTA", "Nama", lambda r: render_name(r["p"], rng, "title")),
                Col("DATA PESERTA", "NIK", lambda r: render_nik(r["p"], rng, "apostrophe")),
                Col("DATA PESERTA", "Tempat, Tanggal Lahir",
                    lambda r: f"{BIRTH_PLACE[r['p'].ktp_region]}, {tgl(r['p'].born, 'short')}"),
                Col("DATA PESERTA", "Jenis Kelamin", lambda r: "L" if r["p"].sex == "L" else "P"),
                Col("DATA PESERTA", "Usia (Th)", lambda r: 2025 - r["p"].born.year),
                Col("SKEMA", "Jabatan Kerja", lambda r: r["e"].jabatan),
                Col("SKEMA", "Kualifikasi", lambda r: kualifikasi(r["e"].jenjang)),
                Col("SKEMA", "Jenjang", lambda r: level_text(r["e"].jenjang, r["lvl"])),
                Col("Rekomendasi Asesor", None, lambda r: result_text(r["e"], "kbk")),
                Col("No. Registrasi", None, lambda r: r["e"].number or ("TERBIT" if False else "dalam proses")
                    if r["e"].result == "K" else "")]
        ws = wb.create_sheet(f"TAHAP {ROMAN[t]}")
        placed = xlsx_sheet(ws, ["PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI KUALIFIKASI AHLI DAN FRESH GRADUATE",
                                 f"DINAS PUPR-PERA PROVINSI KALIMANTAN TIMUR - TAHAP {ROMAN[t]} TAHUN 2025"],
                            cols, rows, blank_every=8, total_label="TOTAL PESERTA",
                            footer=SIGNATURE("Samarinda", "ALPIAN, S.T., M.M."))
        b.note(office, "Pelatihan Sertifikasi Ahli Fresh Graduate 2025.xlsx", f"TAHAP {ROMAN[t]}", placed, rows, "counts")
    wb.create_sheet("Sheet2")
    wb.create_sheet("Sheet3")
    wb.save(b.path(office, "Pelatihan Sertifikasi Ahli Fresh Graduate 2025.xlsx"))
    shutil.copyfile(b.path(office, "Pelatihan Sertifikasi Ahli Fresh Graduate 2025.xlsx"),
                    b.path("kab-kutai-timur", "Pelatihan Sertifikasi Ahli Fresh Graduate 2025.xlsx"))
    b.files["kab-kutai-timur/Pelatihan Sertifikasi Ahli Fresh Graduate 2025.xlsx"] = "copy_of_province"
    # the registration list of Tahap IV, made before the assessment: no level, no result
    rows = [_row(b, e, no=i + 1) for i, e in enumerate(tahap4)]
    cols = [Col("No", None, lambda r: r["no"]), Col("Nama Lengkap", None, lambda r: render_name(r["p"], rng, "upper")),
            Col("NIK", None, lambda r: r["p"].nik), Col("Asal Kab/Kota", None, lambda r: BIRTH_PLACE[r["p"].ktp_region]),
            Col("Pendidikan", None, lambda r: "S1 Teknik Sipil"),
            Col("Jabatan Kerja yang Diajukan", None, lambda r: r["e"].jabatan),
            Col("Jenjang", None, lambda r: r["e"].jenjang)]
    wbr = openpyxl.Workbook()
    ws = wbr.active
    ws.title = "Pendaftar"
    placed = xlsx_sheet(ws, ["DAFTAR PESERTA TAHAP IV", "PELATIHAN DAN SERTIFIKASI TENAGA AHLI KALTIM 2025"],
                        cols, rows, two_rows=False)
    b.note(office, "Daftar Peserta Tahap IV.xlsx", "Pendaftar", placed, rows, "registration")
    wbr.save(b.path(office, "Daftar Peserta Tahap IV.xlsx"))
    # the registry portal's 2024 export of certificate holders: one record per person with a nested
    # list of certificates, birth dates as WITA midnight timestamps, the level as an integer
    records = []
    for i in range(12):
        p = b.pop.new(rng.choice(kaltim_regions), expert=True)
        held = date(2024, rng.choice([5, 8, 10]), 21)
        jobs = rng.sample(EXPERT_JOBS, 2 if rng.random() < 0.25 else 1)
        events = [b.event(p, office, 2024, held, "2024", jab, lv, "K", number_fmt=num) for jab, lv in jobs]
        rec = {"full_name": p.name.upper() if rng.random() < .5 else p.name, "id_number": p.nik,
               "gender": "male" if p.sex == "L" else "female", "birth_date": iso(p.born, "+08:00"),
               "province": "Kalimantan Timur", "certificates": [
                   {"number": e.number, "occupation": {"name": e.jabatan}, "level": e.jenjang,
                    "qualification": "Ahli", "issued_at": iso(e.issued, "+08:00"),
                    "expires_at": iso(e.expires, "+08:00"), "association": "HPJI"} for e in events]}
        records.append((events, rec))
    write_pages(b, office, "siki_export_kaltim_2024", records, 7)
    rows = []
    for i in range(8):
        p = b.pop.new(rng.choice(kaltim_regions), expert=True)
        jab, lv = EXPERT_JOBS[rng.randrange(len(EXPERT_JOBS))]
        e = b.event(p, office, 2023, date(2023, 9, 14), "2023", jab, lv, b.pick_result(0.92), number_fmt=num)
        rows.append(_row(b, e, no=i + 1))
    cols = [Col("NO", None, lambda r: r["no"]), Col("NAMA", None, lambda r: render_name(r["p"], rng, "upper")),
            Col("NIK", None, lambda r: r["p"].nik), Col("TGL LAHIR", None, lambda r: tgl(r["p"].born, "long")),
            Col("JABATAN KERJA", None, lambda r: r["e"].jabatan), Col("JENJANG", None, lambda r: r["e"].jenjang),
            Col("HASIL", None, lambda r: result_text(r["e"], "word") or "Tidak Hadir"),
            Col("NO. REGISTRASI", None, lambda r: r["e"].number or ""),
            Col("TGL TERBIT", None, lambda r: tgl(r["e"].issued, "dmy-"))]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ahli 2023"
    placed = xlsx_sheet(ws, ["DINAS PEKERJAAN UMUM, PENATAAN RUANG DAN PERUMAHAN RAKYAT",
                             "PROVINSI KALIMANTAN TIMUR",
                             "DATA PESERTA SERTIFIKASI TENAGA AHLI KONSTRUKSI TAHUN 2023"], cols, rows, two_rows=False,
                        footer=SIGNATURE("Samarinda", "ALPIAN, S.T., M.M."))
    wb.save(b.path("kota-samarinda", "Sertifikasi Tenaga Ahli 2023.xlsx"))
    b.note("kota-samarinda", "Sertifikasi Tenaga Ahli 2023.xlsx", "Ahli 2023", placed, rows, "counted_at:prov-kaltim")


# ---- Kabupaten Kutai Timur: MTU, a sheet per kecamatan; workers without a Kutim KTP; a misfiled Samarinda list


def kutim(b: Builder, pool: dict):
    rng, office = b.rng, "kab-kutai-timur"
    num = lambda e, s: f"SKK-6408-{e.year}-{s:05d}"  # noqa: E731
    outside = ["73.71", "35.07", "63.71", "64.72"]
    for year, held, kecs in ((2024, date(2024, 9, 18), KECAMATAN["64.08"][:5]),
                             (2025, date(2025, 10, 1), KECAMATAN["64.08"][2:])):
        sheets = []
        for kec, _ in kecs:
            rows = []
            for i in range(6):
                done = pool.get("kutim_done", [])
                if year == 2025 and i == 0 and done:
                    p = done[rng.randrange(len(done))]
                    prev = [e for e in b.events if e.pid == p.pid and e.office == office]
                    if prev and prev[0].jenjang < 3:  # the next level of the same jabatan
                        jab, lv = prev[0].jabatan, prev[0].jenjang + 1
                    else:
                        jab, lv = "Mandor Pekerjaan Jalan", 4
                else:
                    p = b.pop.new(rng.choice(["64.08"] * 7 + [rng.choice(outside)]))
                    jab, lvs = (OPERATOR_JOBS + TECH_JOBS[:2])[rng.randrange(len(OPERATOR_JOBS) + 2)]
                    lv = rng.choice(lvs)
                if any(e.pid == p.pid and e.year == year and e.jabatan == jab for e in b.events):
                    continue
                e = b.event(p, office, year, held, f"MTU {kec}", jab, lv, b.pick_result(), number_fmt=num)
                rows.append(_row(b, e, no=len(rows) + 1))
                pool.setdefault("kutim_done", []).append(p)
            rows.sort(key=lambda r: (r["e"].jabatan, r["e"].jenjang))
            for k, row in enumerate(rows):
                row["no"] = k + 1
            if year == 2025 and kec == "Bengalon" and len(rows) > 3:
                rows[2]["nik_copy"] = rows[1]["p"].nik  # the clerk copied the NIK of the row above
            sheets.append((kec, rows))
        if year == 2024:
            write_mtu(b, office, f"DAFTAR PESERTA MTU {year}.xlsx", year, sheets, "counts")
            continue
        # 2025: the first version listed one worker of another program as Kompeten; the _rev drops him
        stray = b.pop.new("64.08")
        jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))]
        e = b.event(stray, office, year, held, f"MTU {sheets[0][0]}", jab, rng.choice(lvs), "K", number_fmt=num)
        first = [(kec, rows + [_row(b, e, no=len(rows) + 1)] if k == 0 else rows) for k, (kec, rows) in enumerate(sheets)]
        state = rng.getstate()
        write_mtu(b, office, f"DAFTAR PESERTA MTU {year}.xlsx", year, first, "superseded")
        rng.setstate(state)
        e.result = "WITHDRAWN"  # not this program's: counted nowhere
        write_mtu(b, office, f"DAFTAR PESERTA MTU {year}_rev.xlsx", year, sheets, "counts")
    b.copy(office, "DAFTAR PESERTA MTU 2024.xlsx", "DAFTAR PESERTA MTU 2024 - Copy.xlsx")


def write_mtu(b: Builder, office: str, file: str, year: int, sheets: list, status: str):
    """Kutai Timur's MTU workbook: a sheet per kecamatan, the table from column B, jabatan and level
    merged down over runs, column numbers under the header; 2025 adds the family card (No. KK)."""
    rng = b.rng
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for kec, rows in sheets:
        if True:
            cols = [Col("NO", None, lambda r: r["no"]), Col("NAMA", None, lambda r: render_name(r["p"], rng, "upper")),
                    Col("NIK", None, lambda r: r.get("nik_copy") or render_nik(r["p"], rng, "number" if year == 2024 else "text")),
                    Col("NO. KK", None, lambda r: family_card(r["p"])),
                    Col("TEMPAT,\nTGL LAHIR", None, lambda r: f"{BIRTH_PLACE[r['p'].ktp_region]}, {tgl(r['p'].born, 'dmy-')}"),
                    Col("JABATAN KERJA", None, lambda r: r["e"].jabatan),
                    Col("KUALIFIKASI", "JENJANG", lambda r: r["e"].jenjang),
                    Col("KUALIFIKASI", "KATEGORI", lambda r: kualifikasi(r["e"].jenjang)),
                    Col("HASIL", None, lambda r: result_text(r["e"], "word") or "Tidak Hadir"),
                    Col("SERTIFIKAT", "NOMOR", lambda r: r["e"].number or ""),
                    Col("SERTIFIKAT", "TGL TERBIT", lambda r: tgl(r["e"].issued, "date")),
                    Col("SERTIFIKAT", "MASA BERLAKU", lambda r: tgl(r["e"].expires, "date") if year == 2024 else
                        ("5 Tahun" if r["e"].issued else ""))]
            cols = [c for c in cols if year != 2024 or c.top != "NO. KK"]
            ws = wb.create_sheet(kec)
            placed = xlsx_sheet(ws, ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN KUTAI TIMUR",
                                     f"PESERTA MOBILE TRAINING UNIT (MTU) TAHUN {year}", f"KECAMATAN {kec.upper()}"],
                                cols, rows, numbers_row=True, footer=SIGNATURE("Sangatta", "JONI ABDI SETIA"),
                                start_col=2, merge_down=tuple(k for k, c in enumerate(cols)
                                                              if c.top == "JABATAN KERJA" or c.top == "KUALIFIKASI"))
            b.note(office, file, kec, placed, rows, status)
    wb.save(b.path(office, file))


def family_card(p: Person) -> str:
    """The KK (Kartu Keluarga) number, 16 digits like a NIK: region, district, the card's issue date, serial."""
    issued = date(2010 + p.pid % 12, 1 + p.pid % 12, 1 + p.pid % 28)
    return f"{p.ktp_region.replace('.', '')}{p.district}{issued:%d%m%y}{p.pid % 9000 + 1:04d}"


def samarinda(b: Builder, pool: dict):
    rng, office = b.rng, "kota-samarinda"
    num = lambda e, s: f"SKK-6472-{e.year}-{s:05d}"  # noqa: E731
    header = ["NO", "NAMA PESERTA", "NIK", "TEMPAT LAHIR", "TGL LAHIR", "L/P", "JABATAN KERJA", "LEVEL", "HASIL",
              "NO SERTIFIKAT", "TGL TERBIT"]

    def lines_of(events, decimal=","):
        state = rng.getstate()
        out = []
        for i, e in enumerate(events):
            p = b.pop.persons[e.pid]
            out.append([i + 1, render_name(p, rng, "upper"), sci_nik(p, rng, decimal), BIRTH_PLACE[p.ktp_region],
                        tgl(p.born, "long"), p.sex, e.jabatan, f"Jenjang {e.jenjang}",
                        result_text(e, "kbk") or "TIDAK HADIR", e.number or "", tgl(e.issued, "dmy/")])
        rng.setstate(state)  # the same list saved again renders the same cells
        return out

    # 2023: Samarinda's list, one copy misfiled in Kutai Timur's folder (its title names Samarinda)
    events = []
    for i in range(12):
        p = b.pop.new(rng.choice(["64.72"] * 5 + ["64.08"]))
        jab, lvs = (OPERATOR_JOBS + TECH_JOBS)[rng.randrange(len(OPERATOR_JOBS) + len(TECH_JOBS))]
        events.append(b.event(p, office, 2023, date(2023, 8, 9), "2023", jab, rng.choice(lvs), b.pick_result(),
                              number_fmt=num))
    data = csv_bytes(header, lines_of(events, "."), title=["DINAS PUPR KOTA SAMARINDA",
                                                      "DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI 2023"])
    b.path("kab-kutai-timur", "Data Sertifikasi 2023 Samarinda.csv").write_bytes(data)
    b.note("kab-kutai-timur", "Data Sertifikasi 2023 Samarinda.csv", "", [i + 4 for i in range(len(events))],
           [dict(e=e) for e in events], "counted_at:kota-samarinda")
    # 2025: the first list and the _baru version with a late batch of four added and one result fixed
    events = []
    for i in range(14):
        p = b.pop.new("64.72") if i < 12 else b.pop.persons[pool["kutim_done"][i].pid]
        jab, lvs = (OPERATOR_JOBS + TECH_JOBS)[rng.randrange(len(OPERATOR_JOBS) + len(TECH_JOBS))]
        events.append(b.event(p, office, 2025, date(2025, 6, 3), "2025", jab, rng.choice(lvs),
                              "K" if i == 2 else b.pick_result(), number_fmt=num))
    late = []
    for i in range(4):
        p = b.pop.new("64.72")
        jab, lvs = OPERATOR_JOBS[rng.randrange(len(OPERATOR_JOBS))]
        late.append(b.event(p, office, 2025, date(2025, 6, 3), "2025", jab, rng.choice(lvs), "K", number_fmt=num))
    first = lines_of(events)
    first[2][8] = "BK"
    first[2][9] = ""
    first[2][10] = ""
    b.path(office, "Peserta Sertifikasi 2025.csv").write_bytes(csv_bytes(header, first, title=[
        "DINAS PUPR KOTA SAMARINDA - PESERTA SERTIFIKASI 2025"]))
    b.note(office, "Peserta Sertifikasi 2025.csv", "", [i + 3 for i in range(len(events))],
           [dict(e=e) for e in events], "superseded")
    allev = events + late
    b.path(office, "Peserta Sertifikasi 2025_baru.csv").write_bytes(csv_bytes(header, lines_of(allev), title=[
        "DINAS PUPR KOTA SAMARINDA - PESERTA SERTIFIKASI 2025"]))
    b.note(office, "Peserta Sertifikasi 2025_baru.csv", "", [i + 3 for i in range(len(allev))],
           [dict(e=e) for e in allev], "counts")


def sumsel_recap(b: Builder):
    """The province's recap of its regencies' certified workers (a sheet per regency/city): no birth
    dates, names shortened, NIKs left out, the full registration number. Every row re-reports a
    certificate Palembang or Lahat reported: it counts there, never at the province (rule 3)."""
    rng, office = b.rng, "prov-sumsel"
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for source, sheet, region in (("kota-palembang", "Kota Palembang", "KOTA PALEMBANG"),
                                  ("kab-lahat", "Kab. Lahat", "KABUPATEN LAHAT")):
        picked = [e for e in b.events if e.office == source and e.year == 2024 and e.result == "K" and e.number]
        picked = rng.sample(picked, min(8, len(picked)))
        rows = [_row(b, e, no=k + 1) for k, e in enumerate(picked)]
        cols = [Col("No", None, lambda r: r["no"]), Col("Nama", None, lambda r: render_name(r["p"], rng, "upper", loose=.5)),
                Col("NIK", None, lambda r: "" if rng.random() < .3 else r["p"].nik),
                Col("Kab/Kota", None, lambda r: region.title()), Col("Jabatan Kerja", None, lambda r: r["e"].jabatan),
                Col("Jenjang", None, lambda r: r["e"].jenjang), Col("No. Sertifikat", None, lambda r: r["e"].number)]
        ws = wb.create_sheet(sheet)
        placed = xlsx_sheet(ws, ["REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN/KOTA",
                                 "DINAS PUPR PROVINSI SUMATERA SELATAN TAHUN 2024", region], cols, rows, two_rows=False)
        b.note(office, "Rekap SKK Kabupaten Kota 2024.xlsx", sheet, placed, rows, "re_report")
    wb.save(b.path(office, "Rekap SKK Kabupaten Kota 2024.xlsx"))


def muaro_jambi_master(b: Builder):
    """Muaro Jambi's cumulative master of its results lists, 2023 and 2025 on one sheet with a year
    column: it restates both lists (which it may supersede: counted once either way)."""
    rng, office = b.rng, "kab-muaro-jambi"
    events = [e for e in b.events if e.office == office and e.result in ("K", "BK", "ABSENT") and e.jenjang]
    rows = [_row(b, e, no=k + 1) for k, e in enumerate(events)]
    cols = [Col("No", None, lambda r: r["no"]), Col("Tahun", None, lambda r: r["e"].year),
            Col("Nama", None, lambda r: render_name(r["p"], rng, "upper")),
            Col("NIK", None, lambda r: render_nik(r["p"], rng, "apostrophe")),
            Col("Tgl Lahir", None, lambda r: tgl(r["p"].born, "dmy/")),
            Col("Jabatan Kerja", None, lambda r: r["e"].jabatan), Col("Jenjang", None, lambda r: r["e"].jenjang),
            Col("Hasil", None, lambda r: result_text(r["e"], "kbk") or "TH"),
            Col("No. Sertifikat", None, lambda r: r["e"].number or ("proses" if r["e"].result == "K" else ""))]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "REKAP"
    placed = xlsx_sheet(ws, ["REKAP PESERTA SERTIFIKASI DINAS PUPR KABUPATEN MUARO JAMBI 2023 - 2025"], cols, rows,
                        two_rows=False)
    b.note(office, "REKAP SERTIFIKASI 2023-2025.xlsx", "REKAP", placed, rows, "counts")
    for name, kind in list(b.files.items()):
        if name.startswith(office + "/Hasil Uji Sertifikasi") and kind == "counts":
            b.files[name] = "counts_or_superseded"
            for row in b.rows:
                if f"{row['office']}/{row['file']}" == name:
                    row["status"] = "counts_or_superseded"
    wb.save(b.path(office, "REKAP SERTIFIKASI 2023-2025.xlsx"))


def build_world(root: Path, seed: int = 5) -> World:
    """Write the landing folders under `root` and return the world with its truth."""
    b = Builder(root, seed)
    pool: dict = {"palembang": []}
    palembang(b, pool)
    muara_enim(b, pool)
    lahat(b, pool)
    sumsel(b, pool)
    muaro_jambi(b, pool)
    jambi(b, pool)
    kutim(b, pool)
    kaltim(b, pool)
    samarinda(b, pool)
    sumsel_recap(b)
    muaro_jambi_master(b)
    # events written only in files counted nowhere keep credited None; the rest their office's region
    for e in b.events:
        if e.credited is not None and e.result == "K" and e.jenjang is None:
            raise AssertionError("a Kompeten event without a level")
    used = {e.pid for e in b.events}
    persons = {k: v for k, v in b.pop.persons.items() if k in used}
    w = World(Path(root), [dict(o) for o in OFFICES], PUBLISH_DATE, persons, b.events, b.rows, b.files)
    (Path(root) / "truth.json").write_text(json.dumps(
        {"cells": {f"{k[0]}|{k[1]}": v for k, v in w.cells().items()}, "persons": len(w.persons),
         "files": w.files}, indent=1))
    return w


if __name__ == "__main__":  # pragma: no cover
    import sys
    import tempfile
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    world = build_world(out, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
    print(out, len(world.persons), "persons", len(world.events), "events", len(world.rows), "rows")
    for k, v in world.cells().items():
        print(k, v)
