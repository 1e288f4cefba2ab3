"""A blind judge's world: Kalimantan Selatan offices' landing files and their truth.

Written from /work/shared/DOMAIN.md, the seeds and the counting contract of
docs/warehouse.md only, without reading the pipeline's code, so the files carry
the habits of real clerks and portals rather than what the readers expect.
The truth is counted from the world model (persons, certificates, the
evidence each file states), never from a pipeline run.

    python tests/blind_generator.py OUT_DIR [SEED]

writes OUT_DIR/landing/<office_id>/..., OUT_DIR/offices.yaml and OUT_DIR/truth.json.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.styles import Alignment, Font

PUBLISH_DATE = dt.date(2026, 12, 1)

OFFICES = [
    # id, name, level, region code, kecamatan (for sheets and birth places)
    ("prov-kalsel", "Dinas PUPR Provinsi Kalimantan Selatan", "province", "63", ["Banjarmasin"]),
    ("kab-banjar", "Dinas PUPR Kabupaten Banjar", "regency", "63.03",
     ["Martapura", "Martapura Barat", "Astambul", "Karang Intan", "Gambut"]),
    ("kab-tanah-laut", "Dinas PUPR Kabupaten Tanah Laut", "regency", "63.01", ["Pelaihari", "Takisung", "Jorong"]),
    ("kab-tabalong", "Dinas PUPR Kabupaten Tabalong", "regency", "63.09", ["Tanjung", "Murung Pudak", "Kelua"]),
    ("kab-hulu-sungai-tengah", "Dinas PUPR Kabupaten Hulu Sungai Tengah", "regency", "63.07",
     ["Barabai", "Pandawan", "Batang Alai Selatan"]),
    ("kab-tanah-bumbu", "Dinas PUPR Kabupaten Tanah Bumbu", "regency", "63.10", ["Batulicin", "Simpang Empat", "Kusan Hilir"]),
    ("kota-banjarmasin", "Dinas PUPR Kota Banjarmasin", "city", "63.71",
     ["Banjarmasin Utara", "Banjarmasin Selatan", "Banjarmasin Timur"]),
    ("kota-banjarbaru", "Dinas PUPR Kota Banjarbaru", "city", "63.72", ["Banjarbaru Utara", "Landasan Ulin", "Cempaka"]),
]
OFFICE = {o[0]: o for o in OFFICES}
REGENCY_OFFICES = [o[0] for o in OFFICES if o[2] != "province"]

MALE_FIRST = ["Ahmad", "Muhammad", "Supriyadi", "Rahmat", "Syaiful", "Joko", "Budi", "Agus", "Hendra", "Rizki",
              "Yusuf", "Fajar", "Arif", "Bambang", "Slamet", "Darmawan", "Hasan", "Rudi", "Irwan", "Taufik",
              "Abdul", "Fauzi", "Wahyu", "Eko", "Dedi", "Heri", "Anang", "Gusti", "Mahyuni", "Rusdiansyah",
              "Muhlis", "Hairil", "Saberi", "Jumberi", "Iwan", "Bahrudin", "Sugianto", "Tjahjo", "Achmad", "Noor"]
FEMALE_FIRST = ["Siti", "Nur", "Rahmawati", "Dewi", "Fitri", "Normah", "Aisyah", "Mariani", "Yuliani", "Rina",
                "Sri", "Halimah", "Noorhasanah", "Raudah", "Ernawati"]
LAST = ["Hidayat", "Rahman", "Saputra", "Pratama", "Hakim", "Wijaya", "Setiawan", "Santoso", "Fadillah", "Maulana",
        "Ansyari", "Hidayatullah", "Ramadhan", "Kurniawan", "Effendi", "Syahrani", "Gunawan", "Firdaus",
        "Anshari", "Rifani", "Mahmud", "Nugroho", "Susanto", "Lestari", "Yuliana", "Permata"]
OLD_SPELLING = {"Joko": "Djoko", "Tjahjo": "Tjahjo", "Yusuf": "Jusuf", "Achmad": "Achmad", "Ahmad": "Achmad",
                "Syaiful": "Saiful", "Noor": "Nur", "Rizki": "Rizky", "Santoso": "Santosa", "Susanto": "Soesanto"}
DEGREES = ["S.T.", "S.T., M.T.", "Ir.", "A.Md.", "S.Kom", "M.T."]

OPERATOR = [("Operator Excavator", [2, 3]), ("Operator Bulldozer", [2, 3]), ("Operator Crane", [3]),
            ("Operator Motor Grader", [3]), ("Operator Vibro Roller", [2, 3]), ("Tukang Besi Beton", [1, 2, 3]),
            ("Tukang Batu", [1, 2]), ("Tukang Kayu", [1, 2, 3]), ("Juru Ukur", [3])]
TEKNISI = [("Mandor Pekerjaan Jalan", [4]), ("Pelaksana Lapangan Pekerjaan Gedung", [4, 5, 6]),
           ("Teknisi Laboratorium Beton", [4, 5]), ("Juru Gambar", [4, 5]), ("Quantity Surveyor Madya", [5]),
           ("Pelaksana Pemeliharaan Jalan Muda", [4])]
AHLI = [("Ahli Muda Teknik Jalan", 7), ("Ahli Madya Teknik Jalan", 8), ("Ahli Muda Teknik Jembatan", 7),
        ("Ahli Madya Teknik Jembatan", 8), ("Ahli Utama Manajemen Konstruksi", 9), ("Arsitek Muda", 7),
        ("Arsitek Madya", 8), ("Ahli Muda K3 Konstruksi", 7), ("Ahli Madya Sumber Daya Air", 8)]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
KUALIFIKASI = {1: "Operator", 2: "Operator", 3: "Operator", 4: "Teknisi", 5: "Teknisi", 6: "Teknisi",
               7: "Ahli Muda", 8: "Ahli Madya", 9: "Ahli Utama"}


@dataclass
class Person:
    pid: int
    first: str
    last: str
    sex: str
    dob: dt.date
    birth_place: str
    nik: str
    degree: str = ""

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}".strip()


@dataclass
class Cert:
    """One assessment of one person for one jabatan kerja and jenjang (Kompeten or not)."""
    cid: int
    person: Person
    office: str
    jabatan: str
    jenjang: int
    year: int
    batch: int
    kompeten: bool
    assessed: dt.date
    number: str = ""
    issued: dt.date | None = None
    # evidence the counted files state: set by the writers
    evidence: list = field(default_factory=list)


def _nik(rng, region: str, dob: dt.date, sex: str, used: set) -> str:
    day = dob.day + (40 if sex == "P" else 0)
    while True:
        nik = f"{region.replace('.', '')}{rng.randint(1, 12):02d}{day:02d}{dob.month:02d}{dob.year % 100:02d}{rng.randint(1, 40):04d}"
        if nik not in used:
            used.add(nik)
            return nik


def _person(rng, pid, home_region, place, used, expert=False) -> Person:
    sex = "P" if rng.random() < 0.12 else "L"
    first = rng.choice(FEMALE_FIRST if sex == "P" else MALE_FIRST)
    last = "" if rng.random() < 0.25 else rng.choice(LAST)
    if not last and rng.random() < 0.5:
        last = rng.choice(MALE_FIRST if sex == "L" else FEMALE_FIRST)
    years = (1962, 1990) if expert else (1968, 2003)
    dob = dt.date(rng.randint(*years), rng.randint(1, 12), rng.randint(1, 28))
    degree = rng.choice(DEGREES) if expert else ""
    return Person(pid, first, last, sex, dob, place, _nik(rng, home_region, dob, sex, used), degree)


def _home_region(rng, office_region: str) -> str:
    r = rng.random()
    if r < 0.8 or office_region == "63":
        return office_region if office_region != "63" else rng.choice([o[3] for o in OFFICES[1:]])
    if r < 0.92:
        return rng.choice([o[3] for o in OFFICES[1:]])
    return rng.choice(["64.02", "35.07", "33.74", "62.03"])  # migrants with a KTP from elsewhere


def build_world(seed: int = 7):
    """The world model: persons and assessments per office, deterministic by seed."""
    rng = random.Random(seed)
    used: set = set()
    persons: list[Person] = []
    certs: list[Cert] = []

    def new_cert(p, office, jabatan, jenjang, year, kompeten=True):
        assessed = dt.date(year, rng.randint(2, 10), rng.randint(1, 28))
        c = Cert(len(certs), p, office, jabatan, jenjang, year, rng.randint(1, 2), kompeten, assessed)
        if kompeten:
            c.issued = assessed + dt.timedelta(days=rng.randint(14, 45))
            c.number = _number(rng, office, c)
        certs.append(c)
        return c

    def skilled(office):
        if rng.random() < 0.7:
            jab, levels = rng.choice(OPERATOR)
        else:
            jab, levels = rng.choice(TEKNISI)
        return jab, rng.choice(levels)

    for office in REGENCY_OFFICES:
        region, places = OFFICE[office][3], OFFICE[office][4]
        for _ in range(rng.randint(42, 58)):
            p = _person(rng, len(persons), _home_region(rng, region), rng.choice(places), used)
            persons.append(p)
            jab, jen = skilled(office)
            year = rng.randint(2021, 2026)
            r = rng.random()
            if r < 0.06:      # not yet competent, never certified
                new_cert(p, office, jab, jen, year, kompeten=False)
            elif r < 0.12 and year < 2026:   # retake next year
                new_cert(p, office, jab, jen, year, kompeten=False)
                new_cert(p, office, jab, jen, year + 1)
            else:
                new_cert(p, office, jab, jen, year)
                if office == "kab-banjar" and rng.random() < 0.2:   # two jabatan in one program
                    jab2, jen2 = skilled(office)
                    if jab2 != jab:
                        new_cert(p, office, jab2, jen2, year)
                elif rng.random() < 0.15 and year < 2026:   # a second jabatan later
                    jab2, jen2 = skilled(office)
                    if jab2 != jab:
                        new_cert(p, office, jab2, jen2, rng.randint(year + 1, 2026))
    # persons certified in a second regency (they moved)
    regency_certs = [c for c in certs if c.kompeten]
    for c in rng.sample(regency_certs, 10):
        other = rng.choice([o for o in REGENCY_OFFICES if o != c.office])
        jab, jen = skilled(other)
        if c.year < 2026:
            new_cert(c.person, other, jab, jen, rng.randint(c.year + 1, 2026))
    # province: experts and fresh graduates, some former regency technicians moving up
    for _ in range(70):
        p = _person(rng, len(persons), _home_region(rng, "63"), "Banjarmasin", used, expert=True)
        persons.append(p)
        jab, jen = rng.choice(AHLI)
        new_cert(p, "prov-kalsel", jab, jen, rng.randint(2022, 2026), kompeten=rng.random() > 0.07)
    for c in rng.sample([c for c in regency_certs if c.jenjang >= 4 and c.year <= 2025], 6):
        jab, jen = rng.choice([a for a in AHLI if a[1] == 7])
        new_cert(c.person, "prov-kalsel", jab, jen, max(c.year + 1, 2023))
    # the portal's certificate that expires on the publish day itself (stated at local midnight)
    for c in certs:
        if c.office == "kota-banjarbaru" and c.kompeten and c.year == 2021:
            c.issued = dt.date(2021, 12, 1)
            break
    # attendance-only persons (registered, never assessed) at Hulu Sungai Tengah
    attend_only = [_person(rng, len(persons) + i, "63.07", "Barabai", used) for i in range(6)]
    persons.extend(attend_only)
    return rng, persons, certs, attend_only


def _number(rng, office, c: Cert) -> str:
    code = OFFICE[office][3].replace(".", "")
    serial = c.cid + 101   # serials are unique per issuer and year; the cert id keeps them so
    y = c.issued.year
    if office in ("kab-banjar", "kota-banjarmasin"):
        return f"SKK-{code}-{y}-{serial:05d}"
    if office == "prov-kalsel":
        return f"{serial:04d}/LSP-GATENSI/{ROMAN[c.issued.month] if c.issued.month < 10 else ['X', 'XI', 'XII'][c.issued.month - 10]}/{y}"
    if office == "kab-hulu-sungai-tengah":
        return f"SKK/{code}/{serial:04d}/{y}"
    return f"{rng.randint(10000, 99999)}.{rng.randint(1000, 9999)}.{c.jenjang}.{serial:07d}.{y}"


# ---------------------------------------------------------------- rendering habits

def _add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:   # 29 February
        return d.replace(year=d.year + years, day=28)


def _indo_date(d: dt.date, short=False) -> str:
    month = BULAN[d.month - 1]
    if short:
        month = "Agt" if d.month == 8 else month[:3]
    return f"{d.day} {month} {d.year}"


def _name_variant(rng, p: Person, first_report: bool, upper=False, degree=False) -> str:
    """A clerk's rendering: later reports of a person may use old spelling or an initial."""
    first, last = p.first, p.last
    if not first_report:
        r = rng.random()
        if r < 0.35 and (first in OLD_SPELLING or last in OLD_SPELLING):
            first, last = OLD_SPELLING.get(first, first), OLD_SPELLING.get(last, last)
        elif r < 0.55 and last:
            last = last[0] + "."
        elif r < 0.65:
            last, first = (_typo(last), first) if last else (last, _typo(first))
    name = f"{first} {last}".strip()
    if first == "Muhammad" and rng.random() < 0.4:
        name = name.replace("Muhammad", rng.choice(["M.", "Moh.", "Muh."]), 1)
    if upper:
        name = name.upper()
    if degree and p.degree:
        if p.degree == "Ir.":
            name = f"Ir. {name}"
        else:
            name = f"{name}, {p.degree}" if rng.random() < 0.7 else f"{name},{p.degree}"
    return name


def _typo(word: str) -> str:
    """One clerk's slip: one letter heard or typed another way (Hidayat/Hidayad, Rizki/Rizky)."""
    for a, b in (("t", "d"), ("i", "y"), ("u", "o"), ("h", ""), ("a", "e")):
        k = word.find(a, 1)
        if k > 0:
            return word[:k] + b + word[k + 1:]
    return word


def _damaged_nik(rng, nik: str) -> str:
    """A NIK as a clerk retyped it: adjacent digits swapped, one digit wrong, spaces or dots."""
    r = rng.random()
    if r < 0.3:
        k = rng.randint(6, 14)
        return nik[:k] + nik[k + 1] + nik[k] + nik[k + 2:]
    if r < 0.55:
        k = rng.randint(6, 15)
        return nik[:k] + str((int(nik[k]) + rng.randint(1, 9)) % 10) + nik[k + 1:]
    if r < 0.8:
        return f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}"
    return f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}.{nik[6:12]}.{nik[12:]}"


def _place_of(p: Person, office: str) -> str:
    places = OFFICE[office][4]
    return p.birth_place if p.birth_place in places else places[p.pid % len(places)]


class World:
    """Writes the landing files and keeps the evidence each counted report states."""

    def __init__(self, out: Path, seed: int):
        self.out = out
        self.rng, self.persons, self.certs, self.attend_only = build_world(seed)
        self.seen: set[int] = set()
        self.seen_nik: set[int] = set()          # persons already written once (later reports vary)
        self.persons_in_files: set[int] = set()
        self.rows: dict[tuple, int] = {}     # (file, sheet, row) -> person, for the row-by-row comparison

    def folder(self, office: str) -> Path:
        d = self.out / "landing" / office
        d.mkdir(parents=True, exist_ok=True)
        return d

    def name(self, p: Person, **kw) -> str:
        first = p.pid not in self.seen
        self.seen.add(p.pid)
        return _name_variant(self.rng, p, first, **kw)

    def nik(self, p: Person) -> str:
        """The NIK as this row writes it: a later report of a person is sometimes retyped badly."""
        later = p.pid in self.seen_nik
        self.seen_nik.add(p.pid)
        if self.rng.random() < (0.15 if later else 0.04):
            return _damaged_nik(self.rng, p.nik)
        return p.nik

    def counted(self, c: Cert, *evidence, at=None):
        """This report of c is in a counted file; evidence is what its row states about validity;
        at is (file, sheet, row) of the row, to compare persons row by row."""
        self.persons_in_files.add(c.person.pid)
        c.evidence.append(evidence or (("none",),))
        if at:
            self.rows[at] = c.person.pid

    def by_office_year(self, office):
        years: dict[int, list[Cert]] = {}
        for c in self.certs:
            if c.office == office:
                years.setdefault(c.year, []).append(c)
        return dict(sorted(years.items()))


def _title(ws, lines, width):
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line).font = Font(bold=True)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
        ws.cell(i, 1).alignment = Alignment(horizontal="center")


def _signature(ws, row, col, office_name, who="Kepala Dinas"):
    ws.cell(row, col, "Mengetahui,")
    ws.cell(row + 1, col, f"{who} {office_name.replace('Dinas ', '')}")
    ws.cell(row + 4, col, "Ir. H. MUHAMMAD RIDWAN, M.T.")
    ws.cell(row + 5, col, "NIP. 19700312 199803 1 007")


def write_banjar(w: World):
    """xlsx per year, a sheet per kecamatan, two-row merged header, NIK typed as a number."""
    office, name = "kab-banjar", OFFICE["kab-banjar"][1]
    for year, certs in w.by_office_year(office).items():
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for kec in OFFICE[office][4]:
            rows = sorted((c for c in certs if _place_of(c.person, office) == kec), key=lambda c: (c.person.pid, c.cid))
            if not rows:
                continue
            ws = wb.create_sheet(kec)
            _title(ws, ["DAFTAR PESERTA PELATIHAN DAN UJI KOMPETENSI TENAGA KERJA KONSTRUKSI",
                        f"{name.upper()} TAHUN {year}", f"KECAMATAN {kec.upper()}"], 10)
            head = ["No", "Nama Peserta", "NIK", "Tempat, Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil Uji"]
            for j, h in enumerate(head, start=1):
                ws.cell(5, j, h)
                ws.merge_cells(start_row=5, start_column=j, end_row=6, end_column=j)
            ws.cell(5, 9, "Sertifikat")
            ws.merge_cells(start_row=5, start_column=9, end_row=5, end_column=10)
            ws.cell(6, 9, "Nomor")
            ws.cell(6, 10, "Tgl Terbit")
            r, i, previous = 7, 0, None
            for c in rows:
                p = c.person
                if previous is p:
                    # the person's second jabatan: No, name, NIK, birth and sex merged over both rows
                    vals = [None, None, None, None, None, c.jabatan, ROMAN[c.jenjang], "K" if c.kompeten else "BK",
                            c.number if c.kompeten else "-", c.issued if c.kompeten else None]
                    for j, v in enumerate(vals, start=1):
                        if v is not None:
                            ws.cell(r, j, v)
                    for j in range(1, 6):
                        ws.merge_cells(start_row=r - 1, start_column=j, end_row=r, end_column=j)
                    ws.cell(r, 10).number_format = "DD/MM/YYYY"
                    at = (f"DAFTAR PESERTA UJI KOMPETENSI TAHUN {year}.xlsx", kec, r)
                    w.counted(c, *((("terbit", c.issued),) if c.kompeten else ()), at=at)
                    r += 1
                    continue
                previous = p
                i += 1
                nik = int(p.nik[:15] + "0") if year <= 2023 else p.nik   # Excel keeps 15 digits
                vals = [i, w.name(p, upper=True), nik, f"{p.birth_place}, {p.dob:%d-%m-%Y}", p.sex, c.jabatan,
                        ROMAN[c.jenjang], "K" if c.kompeten else "BK",
                        c.number if c.kompeten else "-", c.issued if c.kompeten else None]
                for j, v in enumerate(vals, start=1):
                    ws.cell(r, j, v)
                ws.cell(r, 10).number_format = "DD/MM/YYYY"
                at = (f"DAFTAR PESERTA UJI KOMPETENSI TAHUN {year}.xlsx", kec, r)
                if c.kompeten:
                    w.counted(c, ("terbit", c.issued), at=at)
                else:
                    w.counted(c, at=at)
                r += 1
            ws.cell(r, 1, "JUMLAH")
            ws.cell(r, 3, f"{i} orang")
            _signature(ws, r + 2, 8, name)
        # the clerk's summary sheet in front: counts per kecamatan, no participants
        ws = wb.create_sheet("REKAP", 0)
        _title(ws, [f"REKAPITULASI PESERTA UJI KOMPETENSI TAHUN {year}"], 5)
        for j, h in enumerate(["No", "Kecamatan", "Jumlah Peserta", "Kompeten", "Belum Kompeten"], start=1):
            ws.cell(3, j, h)
        for i, kec in enumerate(OFFICE[office][4], start=1):
            rows = [c for c in certs if _place_of(c.person, office) == kec]
            ws.append([i, kec, len(rows), sum(c.kompeten for c in rows), sum(not c.kompeten for c in rows)])
        ws.append(["", "JUMLAH", len(certs), sum(c.kompeten for c in certs), sum(not c.kompeten for c in certs)])
        wb.create_sheet("Sheet2")      # the empty sheets a new workbook comes with
        wb.create_sheet("Sheet3")
        path = w.folder(office) / f"DAFTAR PESERTA UJI KOMPETENSI TAHUN {year}.xlsx"
        wb.save(path)
        if year == 2023:
            (path.parent / f"DAFTAR PESERTA UJI KOMPETENSI TAHUN {year} (1).xlsx").write_bytes(path.read_bytes())


def _csv_date(d: dt.date, year: int) -> str:
    """Banjarmasin's dates: dd/mm/yyyy, but the 2025 export came from an English-locale Excel (m/d/yyyy)."""
    return f"{d.month}/{d.day}/{d.year}" if year == 2025 else f"{d:%d/%m/%Y}"


def write_banjarmasin(w: World):
    """CSV per year: ';', Windows-1252, NIK sometimes in scientific notation, exact masa berlaku."""
    office = "kota-banjarmasin"
    for year, certs in w.by_office_year(office).items():
        path = w.folder(office) / f"export_peserta_skk_{year}.csv"
        with open(path, "w", newline="", encoding="cp1252") as f:
            out = csv.writer(f, delimiter=";")
            # from 2023 the portal exports the address too, a cell of two lines (street, RT)
            address = year >= 2023
            out.writerow(["No", "Nama Lengkap", "NIK", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin",
                          *(["Alamat"] if address else []),
                          "Jabatan Kerja", "Jenjang", "Hasil", "No. Registrasi", "Tanggal Terbit", "Masa Berlaku"])
            line = 2     # the file line a record starts on (an address cell spans two)
            for i, c in enumerate(certs, start=1):
                p = c.person
                if i > 1 and address and (i - 1) % 3 == 0:
                    line += 1
                # opened and saved again in Excel: the 2024 export lost every NIK to scientific notation
                excel = year == 2024 or w.rng.random() < 0.1
                nik = f"{float(p.nik):.5E}" if excel else w.nik(p)
                level = w.rng.choice([f"Jenjang {c.jenjang}", f"KKNI {c.jenjang}", str(c.jenjang)])
                if c.kompeten:
                    # the 2022 export states a three-year validity (the LSP's own), which wins over
                    # the five years the issue date implies (rule 5: masa berlaku first)
                    expiry = _add_years(c.issued, 3 if year == 2022 else 5)
                    cert = [c.number, _csv_date(c.issued, year), _csv_date(expiry, year)]
                    w.counted(c, ("masa", expiry), ("terbit", c.issued), at=(path.name, None, line))
                else:
                    cert = ["", "", ""]
                    w.counted(c, at=(path.name, None, line))
                name = w.name(p).replace("'", "\u2019")
                street = f"Jl. Veteran Gg. {i}\nRT {i % 9 + 1:02d}" if i % 3 == 0 else f"Jl. Sutoyo S. No. {i}"
                out.writerow([i, name, nik, p.birth_place, _csv_date(p.dob, year),
                              "Laki-laki" if p.sex == "L" else "Perempuan", *([street] if address else []),
                              c.jabatan, level,
                              "Kompeten" if c.kompeten else "Belum Kompeten", *cert])
                line += 1


def write_banjarbaru(w: World):
    """Portal JSON export, paged, English field names, nested certificate, WITA offsets."""
    office = "kota-banjarbaru"
    certs = [c for cs in w.by_office_year(office).values() for c in cs]
    wita = dt.timezone(dt.timedelta(hours=8))
    records = []
    for c in certs:
        p = c.person
        rec = {"id": 5000 + c.cid, "full_name": w.name(p), "id_number": w.nik(p),
               "gender": "male" if p.sex == "L" else "female", "birth_place": p.birth_place,
               "birth_date": p.dob.isoformat(), "job_title": c.jabatan,
               "level": [c.jenjang, f"Jenjang {c.jenjang}", f"KKNI Level {c.jenjang}"][c.cid % 3],
               "program": f"Pelatihan dan Sertifikasi Tenaga Kerja Konstruksi {c.year}",
               "assessed_at": dt.datetime.combine(c.assessed, dt.time(9, 30), wita).isoformat(),
               "assessment_result": "competent" if c.kompeten else "not yet competent",
               "certificate": None}
        if c.kompeten:
            expiry = _add_years(c.issued, 5)
            rec["certificate"] = {"number": c.number,
                                  "issued_at": dt.datetime.combine(c.issued, dt.time(10, 0), wita).isoformat(),
                                  "expires_at": dt.datetime.combine(expiry, dt.time(0, 0), wita).isoformat()}
            w.counted(c, ("masa", expiry), ("terbit", c.issued), at=("json", None, len(records)))
        else:
            w.counted(c, at=("json", None, len(records)))
        records.append(rec)
    per = 40
    pages = [records[i:i + per] for i in range(0, len(records), per)]
    for n, page in enumerate(pages, start=1):
        body = {"status": "success", "meta": {"page": n, "per_page": per, "total": len(records),
                                              "total_pages": len(pages)}, "data": page}
        (w.folder(office) / f"sertifikasi_api_page{n}.json").write_text(json.dumps(body, indent=1), encoding="utf-8")


def write_tanah_laut(w: World):
    """One legacy .xls workbook kept year after year, a sheet per year: apostrophe NIK, TTL with
    Indonesian month, Lulus/Tidak Lulus (from 2025 'Kompeten (K)')."""
    office, name = "kab-tanah-laut", OFFICE["kab-tanah-laut"][1]
    years = w.by_office_year(office)
    fname = f"Rekap_Sertifikasi_TanahLaut_{min(years)}-{max(years)}.xls"
    wb = xlwt.Workbook(encoding="utf-8")
    for year, certs in years.items():
        ws = wb.add_sheet(f"Rekap {year}")
        ws.write_merge(0, 0, 0, 10, f"REKAPITULASI PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN {year}")
        ws.write_merge(1, 1, 0, 10, name.upper())
        head = ["NO", "NAMA", "NO KTP/NIK", "TTL", "JK", "JABATAN", "KUALIFIKASI", "JENJANG", "KETERANGAN",
                "NO. SKK", "BERLAKU S.D."]
        for j, h in enumerate(head):
            ws.write(3, j, h)
            ws.write(4, j, f"({j + 1})")     # the column-number row of government tables
        r = 5
        for i, c in enumerate(certs, start=1):
            p = c.person
            if c.kompeten:
                expiry = _add_years(c.issued, 5)
                tail = [c.number, _indo_date(expiry)]
                w.counted(c, ("masa", expiry), at=(fname, f"Rekap {year}", r + 1))
            else:
                tail = ["", ""]
                w.counted(c, at=(fname, f"Rekap {year}", r + 1))
            vals = [i, w.name(p, upper=True), "'" + w.nik(p), f"{p.birth_place}, {_indo_date(p.dob, short=year >= 2022)}",
                    "LK" if p.sex == "L" else "PR", c.jabatan, KUALIFIKASI[c.jenjang], str(c.jenjang),
                    ("Kompeten (K)" if c.kompeten else "Belum Kompeten (BK)") if year >= 2025
                    else "Lulus" if c.kompeten else "Tidak Lulus", *tail]
            for j, v in enumerate(vals):
                ws.write(r, j, v)
            r += 1
        ws.write(r + 1, 7, f"Pelaihari, 20 Desember {year}")
        ws.write(r + 2, 7, "Kepala Dinas PUPR Kabupaten Tanah Laut")
    wb.save(str(w.folder(office) / fname))


def _simple_sheet(ws, title_lines, head, rows, width=None):
    """Title rows, one header row, the rows; returns the next free row."""
    _title(ws, title_lines, width or len(head))
    top = len(title_lines) + 2
    for j, h in enumerate(head, start=1):
        ws.cell(top, j, h).font = Font(bold=True)
    for i, vals in enumerate(rows):
        for j, v in enumerate(vals, start=1):
            ws.cell(top + 1 + i, j, v)
    return top + 1 + len(rows)


def write_tabalong(w: World):
    """xlsx per year, a sheet per batch; numbers 'dalam proses' from 2025, issued later in a list;
    the 2024 list was sent again as _revisi (one result and one row corrected)."""
    office, name = "kab-tabalong", OFFICE["kab-tabalong"][1]
    head = ["No", "Nama", "NIK", "Tempat Lahir", "Tgl Lahir", "L/P", "Jabatan Kerja", "Level", "Rekomendasi",
            "Nomor Sertifikat"]
    for year, certs in w.by_office_year(office).items():
        def build(revised: bool, count: bool):
            wb = openpyxl.Workbook()
            wb.remove(wb.active)
            for batch in (1, 2):
                rows = []
                listed = [c for c in certs if c.batch == batch]
                if not revised and batch == 1 and len(listed) > 2:
                    listed = listed[:-1]          # the first version forgot a participant
                for i, c in enumerate(listed, start=1):
                    p = c.person
                    kompeten = c.kompeten
                    if not revised and batch == 2 and i == 1:
                        kompeten = not kompeten   # the first version had this result wrong
                    if kompeten and year >= 2025:
                        number = "BELUM TERBIT" if year == 2026 and i % 2 else "dalam proses"
                    else:
                        number = c.number if kompeten else "-"
                    hajj = "H. " if p.sex == "L" and p.dob.year < 1975 else ""
                    rows.append([i, hajj + w.name(p), w.nik(p), p.birth_place, p.dob, p.sex, c.jabatan,
                                 f"Jenjang {c.jenjang}", "Kompeten" if kompeten else "Belum Kompeten", number])
                    if count:
                        suffix = "_revisi" if year == 2024 else ""
                        at = (f"Hasil UK Tabalong {year}{suffix}.xlsx", f"Angkatan {ROMAN[batch]}", 4 + i)
                        if not c.kompeten:
                            w.counted(c, at=at)
                        elif year >= 2025:
                            w.counted(c, ("tahun", year), at=at)
                        else:
                            w.counted(c, ("numyear", c.issued.year), at=at)
                if not rows:
                    continue
                ws = wb.create_sheet(f"Angkatan {ROMAN[batch]}")
                end = _simple_sheet(ws, [f"HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI ANGKATAN {ROMAN[batch]}",
                                         f"{name.upper()} TAHUN ANGGARAN {year}"], head, rows)
                for rr in range(5, end):
                    ws.cell(rr, 5).number_format = "DD-MM-YYYY"
                _signature(ws, end + 2, 8, name)
            return wb
        folder = w.folder(office)
        if year == 2024:
            build(False, False).save(folder / f"Hasil UK Tabalong {year}.xlsx")
            build(True, True).save(folder / f"Hasil UK Tabalong {year}_revisi.xlsx")
        else:
            build(True, True).save(folder / f"Hasil UK Tabalong {year}.xlsx")
        if year == 2025:
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "SKK Terbit"
            rows = []
            for i, c in enumerate([c for c in certs if c.kompeten], start=1):
                rows.append([i, w.name(c.person).upper(), c.person.nik, c.jabatan, c.jenjang, c.number,
                             _indo_date(c.issued)])
                w.counted(c, ("terbit", c.issued), at=(f"Daftar SKK Terbit {year}.xlsx", "SKK Terbit", 4 + i))
            _simple_sheet(ws, [f"DAFTAR SKK TERBIT PESERTA UJI KOMPETENSI TAHUN {year}", name.upper()],
                          ["No", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "No. SKK", "Tanggal Terbit"], rows)
            wb.save(folder / f"Daftar SKK Terbit {year}.xlsx")


def write_hst(w: World):
    """Attendance lists and results per year; the 2025 results landed in Tanah Bumbu's folder."""
    office, name = "kab-hulu-sungai-tengah", OFFICE["kab-hulu-sungai-tengah"][1]
    years = w.by_office_year(office)
    attend_year = max(years)
    for year, certs in years.items():
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Daftar Hadir"
        people = [c.person for c in certs] + (w.attend_only if year == attend_year else [])
        rows = [[i, w.name(p), w.nik(p), w.rng.choice(["CV. Barabai Jaya", "PT. Murakata Konstruksi", "Perorangan"]), ""]
                for i, p in enumerate(people, start=1)]
        for i, p in enumerate(people, start=1):
            w.persons_in_files.add(p.pid)
            w.rows[(f"Daftar Hadir Bimtek {year}.xlsx", "Daftar Hadir", 5 + i)] = p.pid
        _simple_sheet(ws, ["DAFTAR HADIR", f"BIMBINGAN TEKNIS DAN UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN {year}",
                           name.upper()], ["No", "Nama", "NIK", "Asal Perusahaan", "Tanda Tangan"], rows)
        wb.save(w.folder(office) / f"Daftar Hadir Bimtek {year}.xlsx")

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Hasil"
        rows = []
        for i, c in enumerate(certs, start=1):
            p = c.person
            rows.append([i, w.name(p), w.nik(p), f"{p.birth_place}, {p.dob:%d-%m-%Y}", p.sex, c.jabatan,
                         f"KKNI {c.jenjang}" if year < 2026 else f"Jenjang {ROMAN[c.jenjang]}",
                         "Kompeten" if c.kompeten else "Tidak Hadir" if c.cid % 3 == 0 else "Belum Kompeten",
                         c.number if c.kompeten else ""])
            if c.kompeten:
                w.counted(c, ("numyear", c.issued.year), at=(f"Hasil Uji Kompetensi {year}.xlsx", "Hasil", 4 + i))
            else:
                w.counted(c, at=(f"Hasil Uji Kompetensi {year}.xlsx", "Hasil", 4 + i))
        if year in (2022, 2023):
            end = _tick_sheet(ws, name, year, rows)
        else:
            end = _simple_sheet(ws, ["HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", f"{name.upper()} TAHUN {year}"],
                                ["No", "Nama Peserta", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang",
                                 "Hasil", "No. Sertifikat"], rows)
        ws.cell(end, 1, "Jumlah Peserta")
        ws.cell(end, 3, len(rows))
        target = "kab-tanah-bumbu" if year == 2025 else office
        wb.save(w.folder(target) / f"Hasil Uji Kompetensi {year}.xlsx")


def _tick_sheet(ws, name, year, rows) -> int:
    """HST's 2022-2023 layout: the result as a tick under K or BK (a two-row header, 'Hasil Uji'
    merged over both), birth year in two digits; the rows start one row lower than the plain layout,
    so the title takes one row less. Returns the next free row."""
    _title(ws, [f"HASIL UJI KOMPETENSI {name.upper()} TAHUN {year}"], 10)
    head = ["No", "Nama Peserta", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang"]
    for j, h in enumerate(head, start=1):
        ws.cell(3, j, h)
        ws.merge_cells(start_row=3, start_column=j, end_row=4, end_column=j)
    ws.cell(3, 8, "Hasil Uji")
    ws.merge_cells(start_row=3, start_column=8, end_row=3, end_column=9)
    ws.cell(4, 8, "K")
    ws.cell(4, 9, "BK")
    ws.cell(3, 10, "No. Sertifikat")
    ws.merge_cells(start_row=3, start_column=10, end_row=4, end_column=10)
    for i, vals in enumerate(rows):
        no, nama, nik, ttl, sex, jab, level, hasil, number = vals
        place, born = ttl.split(", ")
        ttl = f"{place}, {born[:6]}{born[8:]}"       # 12-03-85: the year in two digits
        ticks = ["\u221a", None] if hasil == "Kompeten" else [None, "\u221a"] if hasil == "Belum Kompeten" else [None, None]
        for j, v in enumerate([no, nama, nik, ttl, sex, jab, level, *ticks, number], start=1):
            if v is not None:
                ws.cell(5 + i, j, v)
    return 5 + len(rows)


def write_tanah_bumbu(w: World):
    """One plain sheet per year: upper-case headers, NIK sometimes '-', masa berlaku as month and year."""
    office = "kab-tanah-bumbu"
    for year, certs in w.by_office_year(office).items():
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = f"Peserta {year}"
        head = ["NO", "NAMA", "NIK", "TGL LAHIR", "JENIS KELAMIN", "JABATAN KERJA", "JENJANG", "HASIL",
                "NO SERTIFIKAT", "MASA BERLAKU"]
        for j, h in enumerate(head, start=1):
            ws.cell(1, j, h)
        for i, c in enumerate(certs, start=1):
            p = c.person
            single = sum(1 for x in w.certs if x.person is p) == 1
            nik = "-" if single and w.rng.random() < 0.1 else w.nik(p)
            if year == 2023 and i == 4:
                nik = prev_nik     # the clerk copied the row above
            prev_nik = nik
            if c.kompeten and year == 2021 and i % 3 == 0:
                tail = ["", ""]      # the number never came back to the office
                w.counted(c, ("tahun", year), at=(f"rekap peserta sertifikasi {year}.xlsx", f"Peserta {year}", i + 1))
            elif c.kompeten:
                expiry = _add_years(c.issued, 5)
                tail = [c.number, f"{BULAN[expiry.month - 1]} {expiry.year}"]
                w.counted(c, ("masa_month", expiry.year, expiry.month),
                          at=(f"rekap peserta sertifikasi {year}.xlsx", f"Peserta {year}", i + 1))
            else:
                tail = ["", ""]
                w.counted(c, at=(f"rekap peserta sertifikasi {year}.xlsx", f"Peserta {year}", i + 1))
            vals = [i, w.name(p, upper=True), nik, f"{p.dob:%d/%m/%Y}", "Pria" if p.sex == "L" else "Wanita",
                    c.jabatan, c.jenjang, "K" if c.kompeten else "BK", *tail]
            for j, v in enumerate(vals, start=1):
                ws.cell(i + 1, j, v)
        wb.save(w.folder(office) / f"rekap peserta sertifikasi {year}.xlsx")
        if year == 2022:
            wb.save(w.folder(office) / f"rekap peserta sertifikasi {year} - Copy.xlsx")


def _province_sheets(w: World, year, certs, batches, fname, count):
    office, name = "prov-kalsel", OFFICE["prov-kalsel"][1]
    head = ["No", "Nama Lengkap", "No. KTP", "Tempat/Tgl Lahir", "Jenis Kelamin", "Jabatan Kerja", "Kualifikasi",
            "Hasil Asesmen", "No. Registrasi", "Tgl Terbit"]
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for batch in batches:
        rows = []
        for i, c in enumerate([c for c in certs if c.batch == batch], start=1):
            p = c.person
            rows.append([i, w.name(p, degree=True), w.nik(p), f"{p.birth_place}, {_indo_date(p.dob)}",
                         "Laki-laki" if p.sex == "L" else "Perempuan", c.jabatan, KUALIFIKASI[c.jenjang],
                         "K" if c.kompeten else "BK", c.number if c.kompeten else "",
                         _indo_date(c.issued) if c.kompeten else ""])
            at = (fname, f"Tahap {ROMAN[batch]}", 5 + i)
            if count and c.kompeten:
                w.counted(c, ("terbit", c.issued), at=at)
            elif count:
                w.counted(c, at=at)
        if not rows:
            continue
        ws = wb.create_sheet(f"Tahap {ROMAN[batch]}")
        end = _simple_sheet(ws, ["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA AHLI KONSTRUKSI",
                                 f"TAHAP {ROMAN[batch]} TAHUN {year}", name.upper()], head, rows)
        ws.cell(end, 1, "TOTAL")
        ws.cell(end, 8, f"=COUNTIF(H5:H{end - 1},\"K\")")
        _signature(ws, end + 2, 7, name)
    wb.save(w.folder(office) / fname)


def _province_json(w: World, year, certs):
    """The registry's export of the province's 2026 tahap: English fields, WIB timestamps, a
    birth date exported as a midnight timestamp, the occupation as a nested object."""
    wib = dt.timezone(dt.timedelta(hours=7))
    records = []
    for c in certs:
        p = c.person
        rec = {"full_name": w.name(p, degree=True), "id_number": w.nik(p),
               "gender": "male" if p.sex == "L" else "female",
               "birth_date": dt.datetime.combine(p.dob, dt.time(0, 0), wib).isoformat(),
               "occupation": {"code": f"{7000 + c.jenjang}", "name": c.jabatan},
               "qualification": KUALIFIKASI[c.jenjang],
               "assessment_result": "competent" if c.kompeten else "not yet competent",
               "certificate": None}
        if c.kompeten:
            expiry = _add_years(c.issued, 5)
            rec["certificate"] = {"number": c.number,
                                  "issued_at": dt.datetime.combine(c.issued, dt.time(0, 15), wib).isoformat(),
                                  "expires_at": dt.datetime.combine(expiry, dt.time(0, 0), wib).isoformat()}
            w.counted(c, ("masa", expiry), ("terbit", c.issued), at=(f"siki_export_kalsel_{year}.json", None, len(records)))
        else:
            w.counted(c, at=(f"siki_export_kalsel_{year}.json", None, len(records)))
        records.append(rec)
    body = {"exported_at": f"{year}-11-20T08:00:00+07:00", "province": "Kalimantan Selatan", "records": records}
    (w.folder("prov-kalsel") / f"siki_export_kalsel_{year}.json").write_text(json.dumps(body, indent=2), encoding="utf-8")


def write_unserved_neighbour(w: World, seed: int):
    """Barito Kuala (63.04, not in the registry) sent its list to Banjar's folder: its title names
    Barito Kuala. Banjar does not report these persons; no registry office does: counted nowhere."""
    rng = random.Random(seed + 1)     # its own draws: the rest of the world stays as it was
    used = {p.nik for p in w.persons}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    rows = []
    for i in range(1, 7):
        p = _person(rng, 10_000 + i, "63.04", "Marabahan", used)
        jab, levels = rng.choice(OPERATOR)
        rows.append([i, p.name.upper(), p.nik, f"Marabahan, {p.dob:%d-%m-%Y}", p.sex, jab, ROMAN[rng.choice(levels)],
                     "K", f"SKK-6304-2025-{i:05d}", dt.date(2025, 9, 15)])
    end = _simple_sheet(ws, ["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI",
                             "DINAS PUPR KABUPATEN BARITO KUALA TAHUN 2025"],
                        ["No", "Nama Peserta", "NIK", "Tempat, Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang",
                         "Hasil Uji", "Nomor Sertifikat", "Tgl Terbit"], rows)
    _signature(ws, end + 2, 8, "Dinas PUPR Kabupaten Barito Kuala")
    wb.save(w.folder("kab-banjar") / "Daftar Peserta UK Batola 2025.xlsx")


def write_province(w: World):
    """Experts per year, a sheet per tahap, levels written only as the Ahli title; 2025 sent first
    with Tahap I only, then _final with both; 2026 arrives as the registry's JSON export."""
    for year, certs in w.by_office_year("prov-kalsel").items():
        base = f"PESERTA SERTIFIKASI TENAGA AHLI TAHUN {year}"
        if year == 2026:
            _province_json(w, year, certs)
        elif year == 2025:
            _province_sheets(w, year, certs, (1,), base + ".xlsx", count=False)
            _province_sheets(w, year, certs, (1, 2), base + "_final.xlsx", count=True)
        else:
            _province_sheets(w, year, certs, (1, 2), base + ".xlsx", count=True)
    write_province_recap(w)


def write_province_recap(w: World):
    """The province's recap of the SKK its regencies and cities reported (2023-2024): re-reports,
    credited to the regency (rule 3); names shortened, NIKs partly missing, numbers partly serials."""
    rng = w.rng
    picked = [c for c in w.certs if c.kompeten and c.office != "prov-kalsel" and c.year in (2023, 2024)
              and c.evidence and rng.random() < 0.5]
    fname = "REKAP SKK TERBIT KABUPATEN-KOTA SE-KALSEL 2023-2024.xlsx"
    rows = []
    for i, c in enumerate(picked, start=1):
        p = c.person
        name = p.name.upper()
        if p.last and rng.random() < 0.3:
            name = f"{p.first.upper()} {p.last[0]}."
        r = rng.random()
        nik = "" if r < 0.2 else int(p.nik[:15] + "0") if r < 0.4 else w.nik(p)
        number = c.number
        if rng.random() < 0.2:
            number = c.number.replace("/", "-").replace(".", "-").split("-")[-1 if c.office in ("kab-banjar", "kota-banjarmasin") else -2]
        rows.append([i, OFFICE[c.office][1].replace("Dinas PUPR ", ""), name, nik, c.jabatan, c.jenjang, number])
        w.counted(c, *((("numyear", c.issued.year),) if number == c.number and c.office not in
                       ("prov-kalsel",) else ()), at=(fname, "Rekap Kab-Kota", 4 + i))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap Kab-Kota"
    _simple_sheet(ws, ["REKAPITULASI SKK TERBIT TENAGA KERJA KONSTRUKSI KABUPATEN/KOTA",
                       "SE-PROVINSI KALIMANTAN SELATAN TAHUN 2023-2024"],
                  ["No", "Kabupaten/Kota", "Nama", "NIK", "Jabatan Kerja", "Jenjang", "No. SKK"], rows)
    wb.save(w.folder("prov-kalsel") / fname)


# ---------------------------------------------------------------- truth (docs/warehouse.md rules 1-5)

def _report_validity(ev, publish: dt.date) -> tuple[int, str]:
    """(strength, 'active'|'unknown'|'expired') of one report's evidence: the first basis it states."""
    old_scheme = dt.date(2022, 12, 31)
    for item in ev:
        kind = item[0]
        if kind == "masa":
            return 0, "active" if item[1] >= publish else "expired"
        if kind == "masa_month":
            first = dt.date(item[1], item[2], 1)
            if publish < first:
                return 0, "active"
            return 0, "unknown" if (publish.year, publish.month) == (item[1], item[2]) else "expired"
        if kind == "terbit":
            expiry = old_scheme if item[1].year < 2021 else _add_years(item[1], 5)
            return 1, "active" if expiry >= publish else "expired"
        if kind == "numyear":
            y = item[1]
            if y < 2021:
                return 2, "active" if old_scheme >= publish else "expired"
            if publish < dt.date(y + 5, 1, 1):
                return 2, "active"
            return 2, "unknown" if publish.year == y + 5 else "expired"
        if kind == "tahun":
            y = item[1]
            if y < 2021:
                return 3, "active" if old_scheme >= publish else "expired"
            if publish <= dt.date(y + 4, 12, 31):
                return 3, "active"
            return 3, "unknown" if publish.year == y + 5 else "expired"
    return 4, "unknown"


def certificate_validity(c: Cert, publish: dt.date) -> str:
    """Pooled over the certificate's reports: the strongest basis decides, any active wins."""
    judged = [_report_validity(ev, publish) for ev in c.evidence]
    best = min(s for s, _ in judged)
    states = {v for s, v in judged if s == best}
    return "active" if "active" in states else "unknown" if "unknown" in states else "expired"


def truth(w: World, publish: dt.date) -> dict:
    """Headline cells per credited region x jenjang, and distinct persons, from the world model."""
    cells: dict[tuple[str, int], dict[int, str]] = {}
    rank = {"active": 2, "unknown": 1, "expired": 0}
    for c in w.certs:
        if not c.kompeten or not c.evidence:
            continue
        key = (OFFICE[c.office][3], c.jenjang)
        state = certificate_validity(c, publish)
        held = cells.setdefault(key, {})
        prev = held.get(c.person.pid)
        if prev is None or rank[state] > rank[prev]:
            held[c.person.pid] = state
    headline = {f"{r}|{j}": {"certified": len(h), "active": sum(v == "active" for v in h.values()),
                             "unknown": sum(v == "unknown" for v in h.values())}
                for (r, j), h in sorted(cells.items())}
    assessed = {c.person.pid for c in w.certs if c.evidence}
    return {"publish_date": publish.isoformat(), "headline": headline,
            "persons_in_files": len(w.persons_in_files), "persons_assessed": len(assessed),
            "certified_persons": len({c.person.pid for c in w.certs if c.kompeten and c.evidence})}


def write_registry(out: Path):
    lines = ["offices:"]
    for oid, name, level, code, _ in OFFICES:
        lines += [f"  - id: {oid}", f"    name: {name}", f"    level: {level}", f'    region_code: "{code}"']
    (out / "offices.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(out: Path, seed: int = 7, publish: dt.date = PUBLISH_DATE) -> dict:
    """Write the landing folders, the registry and truth.json under out; return the truth."""
    out = Path(out)
    w = World(out, seed)
    for writer in (write_banjar, write_banjarmasin, write_banjarbaru, write_tanah_laut, write_tabalong,
                   write_hst, write_tanah_bumbu, write_province):
        writer(w)
    write_unserved_neighbour(w, seed)
    write_registry(out)
    t = truth(w, publish)
    t["rows"] = [[*k, v] for k, v in sorted(w.rows.items(), key=lambda kv: (str(kv[0]), kv[1]))]
    (out / "truth.json").write_text(json.dumps(t, indent=1, sort_keys=True), encoding="utf-8")
    return t


if __name__ == "__main__":
    result = generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    print(json.dumps({k: v for k, v in result.items() if k not in ("headline", "rows")}))
    for cell, v in result["headline"].items():
        print(cell, v)
