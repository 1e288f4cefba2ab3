"""Third blind world: Jawa Tengah, DI Yogyakarta, Bali and Sulawesi Selatan.

Written before reading any pipeline code, from DOMAIN.md, the README and the docs
on the registry and landing folders only. The truth is counted here, from this
generator's own model of persons and assessments, never by pipeline code.

World model
- ``Person``: a NIK (``PP RR DD ddmmyy SSSS``, women +40 on the day), sex, birth
  place and date, a name in the habits of their province (Javanese with old
  spellings, Balinese birth-order names, Bugis/Makassar Andi / Daeng), titles.
- ``Assessment``: one person assessed by one office at one jenjang and jabatan
  kerja in one year and tahap, Kompeten or not. Regency/city offices assess
  jenjang 1-6, province offices 7-9.
- Files render assessments in each office's habits. A province recap re-reports
  its regencies' assessments (never credited to the province, rule 3 of
  docs/warehouse.md); a copy, a file kept by two offices and a first version
  replaced by its ``_revisi`` count once.

Truth (``truth.json``): certified persons per (credited region, jenjang),
persons, and for every data row written (file, sheet, row) the person it is.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

SEED = 3

OFFICES = [
    # id, name, level, region_code, place (birth place / city for titles)
    ("prov-jateng", "Dinas Pekerjaan Umum Bina Marga dan Cipta Karya Provinsi Jawa Tengah", "province", "33", "Semarang"),
    ("kota-semarang", "Dinas Pekerjaan Umum Kota Semarang", "city", "33.74", "Semarang"),
    ("kab-klaten", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Klaten", "regency", "33.10", "Klaten"),
    ("prov-diy", "Dinas Pekerjaan Umum, Perumahan dan Energi Sumber Daya Mineral DIY", "province", "34", "Yogyakarta"),
    ("kab-sleman", "Dinas Pekerjaan Umum dan Perumahan Kawasan Permukiman Kabupaten Sleman", "regency", "34.04", "Sleman"),
    ("kota-yogyakarta", "Dinas Pekerjaan Umum Perumahan dan Kawasan Permukiman Kota Yogyakarta", "city", "34.71", "Yogyakarta"),
    ("prov-bali", "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman Provinsi Bali", "province", "51", "Denpasar"),
    ("kab-gianyar", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Gianyar", "regency", "51.04", "Gianyar"),
    ("kota-denpasar", "Dinas Pekerjaan Umum dan Penataan Ruang Kota Denpasar", "city", "51.71", "Denpasar"),
    ("prov-sulsel", "Dinas Sumber Daya Air, Cipta Karya dan Tata Ruang Provinsi Sulawesi Selatan", "province", "73", "Makassar"),
    ("kota-makassar", "Dinas Pekerjaan Umum Kota Makassar", "city", "73.71", "Makassar"),
    ("kab-bone", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Bone", "regency", "73.08", "Watampone"),
]
OFFICE = {o[0]: o for o in OFFICES}
REGION_TITLE = {
    "33": "PROVINSI JAWA TENGAH", "33.74": "KOTA SEMARANG", "33.10": "KABUPATEN KLATEN",
    "34": "DAERAH ISTIMEWA YOGYAKARTA", "34.04": "KABUPATEN SLEMAN", "34.71": "KOTA YOGYAKARTA",
    "51": "PROVINSI BALI", "51.04": "KABUPATEN GIANYAR", "51.71": "KOTA DENPASAR",
    "73": "PROVINSI SULAWESI SELATAN", "73.71": "KOTA MAKASSAR", "73.08": "KABUPATEN BONE",
}
# home regions (KTP) besides the offices' own: neighbours whose people travel in
HOMES = {
    "33": [("33.74", "Semarang"), ("33.10", "Klaten"), ("33.22", "Ungaran"), ("33.72", "Surakarta"), ("33.09", "Boyolali")],
    "34": [("34.04", "Sleman"), ("34.71", "Yogyakarta"), ("34.02", "Bantul"), ("34.01", "Wates")],
    "51": [("51.04", "Gianyar"), ("51.71", "Denpasar"), ("51.03", "Badung"), ("51.02", "Tabanan")],
    "73": [("73.71", "Makassar"), ("73.08", "Watampone"), ("73.06", "Sungguminasa"), ("73.09", "Maros")],
}
SHORT = {"prov-jateng": "JATENG", "prov-diy": "DIY", "prov-bali": "BALI", "prov-sulsel": "SULSEL"}
PROVINCE_OF_OFFICE = {o[0]: o[3][:2] for o in OFFICES}
# regencies without a registry office, reported only in their province's recap: (province, name)
NON_REGISTRY = {"kab-boyolali": ("33", "Kabupaten Boyolali"), "kota-surakarta": ("33", "Kota Surakarta"),
                "kab-badung": ("51", "Kabupaten Badung")}

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
BULAN_SINGKAT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]

JABATAN = {
    1: ["Tukang Pasang Bata", "Pembantu Tukang Besi"],
    2: ["Tukang Batu", "Tukang Kayu", "Tukang Besi Beton", "Tukang Bekisting"],
    3: ["Operator Excavator", "Operator Bulldozer", "Operator Motor Grader", "Operator Crane", "Tukang Las"],
    4: ["Mandor Pekerjaan Jalan", "Juru Ukur", "Teknisi Laboratorium Beton"],
    5: ["Pelaksana Lapangan Pekerjaan Gedung", "Quantity Surveyor Madya", "Pengawas Lapangan Pekerjaan Jalan"],
    6: ["Pelaksana Lapangan Pekerjaan Jalan", "Teknisi Geoteknik"],
    7: ["Ahli Muda Teknik Jalan", "Arsitek Muda", "Ahli Muda K3 Konstruksi", "Ahli Muda Teknik Bangunan Gedung"],
    8: ["Ahli Madya Teknik Jembatan", "Ahli Madya Manajemen Konstruksi"],
    9: ["Ahli Utama Teknik Bangunan Gedung"],
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}
AHLI = {7: "Ahli Muda", 8: "Ahli Madya", 9: "Ahli Utama"}
KUALIFIKASI = {1: "Operator", 2: "Operator", 3: "Operator", 4: "Teknisi", 5: "Teknisi", 6: "Analis"}

# ----------------------------------------------------------------- names
JAWA_M = ["Bambang", "Budi", "Agus", "Heru", "Eko", "Teguh", "Wahyu", "Hadi", "Joko", "Slamet", "Sugeng",
          "Suparman", "Sutrisno", "Sukarno", "Purwanto", "Cahyo", "Yusuf", "Ahmad", "Muhammad", "Rizky",
          "Dwi", "Tri", "Arif", "Saiful", "Nur", "Widodo", "Santoso", "Prasetyo", "Hidayat", "Raharjo",
          "Setiawan", "Nugroho", "Kurniawan", "Susilo", "Haryanto", "Wibowo", "Suharto", "Mulyono"]
JAWA_F = ["Sri", "Siti", "Endang", "Rini", "Dwi", "Tri", "Wahyuni", "Lestari", "Handayani", "Astuti",
          "Susanti", "Sumarni", "Nur", "Aminah", "Rahayu", "Puji", "Kusumawati", "Yuliana"]
JAWA_SINGLE = ["Slamet", "Paiman", "Tukiman", "Sukirno", "Suparno", "Sumarni", "Painem", "Mulyono", "Parjo"]
# modern spelling -> pre-1972 spelling, used for people born before 1975
OLD = {"Sukarno": "Soekarno", "Suparman": "Soeparman", "Sutrisno": "Soetrisno", "Joko": "Djoko",
       "Cahyo": "Tjahjo", "Yusuf": "Jusuf", "Suharto": "Soeharto", "Purwanto": "Poerwanto",
       "Budi": "Boedi", "Mulyono": "Moeljono", "Sukirno": "Soekirno", "Suparno": "Soeparno",
       "Parjo": "Pardjo", "Ahmad": "Achmad"}
BALI_ORDER_M = [["Wayan", "Putu", "Gede"], ["Made", "Kadek", "Nengah"], ["Nyoman", "Komang"], ["Ketut"]]
BALI_ORDER_F = [["Wayan", "Putu", "Luh"], ["Made", "Kadek"], ["Nyoman", "Komang"], ["Ketut"]]
BALI_GIVEN_M = ["Sudarma", "Suarjana", "Artawan", "Wirawan", "Sutapa", "Budiasa", "Merta", "Adnyana",
                "Sukadana", "Arsana", "Suardika", "Widiarta", "Darmawan", "Astawa", "Suweca"]
BALI_GIVEN_F = ["Sukmawati", "Ariani", "Suastini", "Nuriasih", "Sudiani", "Widiastuti", "Purnamasari"]
BUGIS_M = ["Muhammad Arif", "Baharuddin", "Syamsuddin", "Hasanuddin", "Abdul Rahman", "Ridwan", "Syahrir",
           "Irwan", "Arifin", "Kamaruddin", "Muhammad Ilham", "Baso", "Haerul", "Muhammad Yusuf", "Amiruddin",
           "Rahmat", "Sultan", "Jufri", "Nasrullah"]
BUGIS_F = ["Nurhayati", "Besse", "Hasnah", "Sitti Rahmah", "Nurul Fadilah", "Hasmawati", "Rosmini"]
DAENG = ["Rate", "Tompo", "Naba", "Sila", "Ngalle", "Bani", "Sikki", "Tayang"]


@dataclass
class Person:
    pid: int
    nik: str
    sex: str  # L / P
    birth: dt.date
    place: str
    province: str
    tokens: list  # name words, modern spelling
    pre: list = field(default_factory=list)  # H., Hj., Ir., Drs.
    post: list = field(default_factory=list)  # S.T., A.Md., M.T.
    culture: str = "jawa"
    bin_of: str = ""  # "bin Abdullah" written by some clerks

    def name(self) -> str:
        return " ".join(self.tokens)


@dataclass
class Assessment:
    aid: int
    person: Person
    office: str
    year: int
    tahap: int
    jenjang: int
    jabatan: str
    kompeten: bool
    number: str | None = None
    issued: dt.date | None = None
    batch: int = 1  # 2: the second batch of mess (World.write_batch_two)


def _nik(rng: random.Random, region: str, birth: dt.date, sex: str, used: set) -> str:
    pp, rr = region.split(".")
    while True:
        day = birth.day + (40 if sex == "P" else 0)
        nik = f"{pp}{rr}{rng.randint(1, 18):02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{rng.randint(1, 400):04d}"
        # 15-digit prefixes kept unique, so an Excel-cut NIK names one person only
        if nik[:15] not in used:
            used.add(nik[:15])
            return nik


def _name(rng: random.Random, province: str, sex: str, birth: dt.date) -> tuple[list, str, str]:
    """Name words and the culture they follow, in modern spelling; an optional 'bin/binti X'."""
    bin_of = ""
    if province in ("33", "34"):
        if rng.random() < 0.12:
            tokens = [rng.choice(JAWA_SINGLE)]
        else:
            pool = JAWA_M if sex == "L" else JAWA_F
            tokens = rng.sample(pool, rng.choice([2, 2, 3]))
        if rng.random() < 0.06:
            bin_of = ("bin " if sex == "L" else "binti ") + rng.choice(["Abdullah", "Sukardi", "Muhammad Dahlan"])
        return tokens, "jawa", bin_of
    if province == "51":
        order = rng.randint(0, 3)
        caste = rng.random()
        if sex == "L":
            head = ["I Gusti Ngurah"] if caste < 0.12 else (["Ida Bagus"] if caste < 0.2 else ["I"])
            given = rng.sample(BALI_GIVEN_M, rng.choice([1, 1, 2]))
            birth_name = rng.choice(BALI_ORDER_M[order])
        else:
            head = ["I Gusti Ayu"] if caste < 0.12 else ["Ni"]
            given = rng.sample(BALI_GIVEN_F, 1)
            birth_name = rng.choice(BALI_ORDER_F[order])
        tokens = " ".join(head + [birth_name] + given).split()
        return tokens, "bali", ""
    # Sulawesi Selatan
    if sex == "L":
        tokens = rng.choice(BUGIS_M).split()
        if rng.random() < 0.3:
            tokens = ["Andi"] + tokens
        elif rng.random() < 0.35:
            tokens = tokens + ["Daeng", rng.choice(DAENG)]
    else:
        tokens = rng.choice(BUGIS_F).split()
        if rng.random() < 0.3:
            tokens = ["Andi"] + tokens
    return tokens, "bugis", ""


def make_persons(rng: random.Random, n_per_province: int = 80) -> list[Person]:
    persons, used = [], set()
    for province, homes in HOMES.items():
        for _ in range(n_per_province):
            sex = "L" if rng.random() < 0.82 else "P"
            birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 37))
            region, place = rng.choice(homes[:2] * 3 + homes[2:])
            tokens, culture, bin_of = _name(rng, province, sex, birth)
            nik = _nik(rng, region, birth, sex, used)
            p = Person(len(persons) + 1, nik, sex, birth, place, province, tokens, culture=culture, bin_of=bin_of)
            r = rng.random()
            if r < 0.12:
                p.pre = ["H."] if sex == "L" else ["Hj."]
            elif r < 0.17 and birth.year < 1980:
                p.pre = ["Ir."] if rng.random() < 0.6 else ["Drs."]
            if rng.random() < 0.25:
                p.post = [rng.choice(["S.T.", "A.Md.", "S.T.", "S.Kom.", "A.Md.T."])]
                if rng.random() < 0.3:
                    p.post.append("M.T.")
            persons.append(p)
    # a few people from another province working here (travellers): kept in their own list
    return persons


# ------------------------------------------------------------ assessments
def make_assessments(rng: random.Random, persons: list[Person]) -> list[Assessment]:
    by_prov = {pp: [p for p in persons if p.province == pp] for pp in HOMES}
    out: list[Assessment] = []

    def add(p, office, year, tahap, jenjang, kompeten, jabatan=None):
        a = Assessment(len(out) + 1, p, office, year, tahap, jenjang, jabatan or rng.choice(JABATAN[jenjang]), kompeten)
        out.append(a)
        return a

    for pp, people in by_prov.items():
        rng.shuffle(people)
        regencies = [o[0] for o in OFFICES if o[3].startswith(pp + ".")]
        province_office = [o[0] for o in OFFICES if o[3] == pp][0]
        # 60 of 80 assessed at a regency/city, 16 only at the province (fresh graduates),
        # 4 only ever on an attendance list
        skilled, experts_only = people[:60], people[60:76]
        for i, p in enumerate(skilled):
            # most at the office of their KTP region, some at the neighbour's
            own = [r for r in regencies if OFFICE[r][3] == p.nik[:2] + "." + p.nik[2:4]]
            office = own[0] if own and rng.random() < 0.85 else rng.choice(regencies)
            jenjang = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6])
            year = rng.choice([2024, 2025])
            kompeten = rng.random() < 0.9
            add(p, office, year, rng.randint(1, 2), jenjang, kompeten)
            if not kompeten and year == 2024 and rng.random() < 0.7:
                add(p, office, 2025, 1, jenjang, True, out[-1].jabatan)  # retake
            elif kompeten and year == 2024 and jenjang < 6 and rng.random() < 0.2:
                add(p, office, 2025, 2, jenjang + 1, rng.random() < 0.9)  # next jenjang
            elif rng.random() < 0.06:
                other = [r for r in regencies if r != office][0]
                add(p, other, year, 1, jenjang, True)  # a second jabatan at the neighbour's
        graduates = experts_only + [p for p in skilled if rng.random() < 0.1]
        for p in graduates:
            jenjang = rng.choice([7, 7, 7, 7, 8, 8, 9])
            year = rng.choice([2024, 2025])
            add(p, province_office, year, rng.randint(1, 3), jenjang, rng.random() < 0.93)
    for a in out:
        if a.kompeten and rng.random() < 0.6:
            code = OFFICE[a.office][3].replace(".", "")
            a.number = f"SKK-{code}-{a.year}-{a.aid:05d}"
            a.issued = dt.date(a.year, rng.choice([6, 8, 10, 11]), rng.randint(1, 28))
    return out


# ---------------------------------------------------------------- rendering
def render_name(p: Person, rng: random.Random, style: str) -> str:
    """A clerk's rendering: ``style`` in full / plain / upper / short / variant."""
    tokens = list(p.tokens)
    if p.birth.year < 1975 and style in ("full", "upper", "variant"):
        tokens = [OLD.get(t, t) for t in tokens]
    if style == "variant":
        tokens = [_variant(t, p.culture, rng) for t in tokens]
    if style == "short" and len(tokens) >= 2:
        tokens[-1] = tokens[-1][0] + "."
    name = " ".join(tokens)
    if p.bin_of and style in ("full", "upper"):
        name = f"{name} {p.bin_of}"
    if style in ("full", "upper", "variant"):
        if p.pre:
            name = " ".join(p.pre) + " " + name
        if p.post:
            glue = "," if rng.random() < 0.3 else ", "
            name = name + glue + ", ".join(p.post)
    return name.upper() if style in ("upper", "short") else name


def _variant(token: str, culture: str, rng: random.Random) -> str:
    table = {
        "Muhammad": rng.choice(["Muh.", "Moh.", "M."]), "Daeng": "Dg.", "Andi": "A.",
        "Gusti": "Gst.", "Ngurah": "Ngr.", "Wayan": "Wyn.", "Nyoman": "Nym.", "Ketut": "Kt.",
        "Ahmad": "Achmad", "Saiful": "Syaiful", "Rizky": "Rizki", "Nur": "Noor", "Yusuf": "Yusup",
        "Made": "Md.", "Komang": "Kmg.",
    }
    return table.get(token, token)


def ttl(p: Person, style: str) -> str:
    d = p.birth
    if style == "bulan":
        return f"{p.place}, {d.day} {BULAN[d.month - 1]} {d.year}"
    if style == "singkat":
        return f"{p.place}, {d.day:02d} {BULAN_SINGKAT[d.month - 1]} {d.year}"
    if style == "strip":
        return f"{p.place}, {d.day:02d}-{d.month:02d}-{d.year}"
    return f"{p.place.upper()}, {d.day:02d}/{d.month:02d}/{d.year}"


def excel_serial(d: dt.date) -> int:
    return (d - dt.date(1899, 12, 30)).days


def nik_cell(nik: str, style: str):
    """What a clerk's cell holds for a NIK."""
    if style == "float":  # typed as a number: Excel keeps 15 significant digits
        return float(nik[:15] + "0")
    if style == "apos":
        return "'" + nik
    if style == "spaces":
        return f"{nik[:6]} {nik[6:12]} {nik[12:]}"
    if style == "cut15":
        return nik[:15]
    if style == "sci":  # a CSV written from Excel's General format
        return f"{float(nik):.5E}".replace("E+", "E+")
    if style == "missing":
        return "-"
    return nik


# ----------------------------------------------------------------- writers
class Truth:
    def __init__(self):
        self.rows: dict[str, int] = {}  # "office/file#sheet:row" -> pid
        self.rejected_files: list[str] = []

    def row(self, office: str, file: str, sheet: str, row: int, pid: int):
        self.rows[f"{office}/{file}#{sheet}:{row}"] = pid


def write_xlsx(path: Path, sheets: list[tuple[str, list[list]]]):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def title_rows(office: str, what: str, year: int, tahap: int | None = None) -> list[list]:
    region = REGION_TITLE[OFFICE[office][3]]
    rows = [[what], [f"DINAS PEKERJAAN UMUM {region}"],
            [f"TAHUN ANGGARAN {year}" + (f" - TAHAP {ROMAN[tahap]}" if tahap else "")], []]
    return rows


def footer_rows(office: str, year: int, n: int, ncol: int) -> list[list]:
    place = OFFICE[office][4]
    pad = [None] * max(ncol - 3, 0)
    return [[None, "JUMLAH", None] + pad[:-1] + [f"{n} orang"], [],
            pad + [None, None, f"{place}, 15 Desember {year}"],
            pad + [None, None, "Kepala Bidang Bina Konstruksi"], [], [],
            pad + [None, None, "Ir. HARYONO SETIADI, M.T."],
            pad + [None, None, "NIP. 19700312 199803 1 004"]]


class World:
    def __init__(self, root: Path, seed: int = SEED):
        self.root = Path(root)
        self.seed = seed
        self.rng = random.Random(seed)
        self.persons = make_persons(self.rng)
        self.assessments = make_assessments(self.rng, self.persons)
        self.truth = Truth()
        self.attendees: set[int] = set()
        self.revised: dict[int, bool] = {}  # aid -> result the _revisi states

    # helpers ---------------------------------------------------------
    def of(self, office: str, year: int | None = None, tahap: int | None = None) -> list[Assessment]:
        return [a for a in self.assessments if a.office == office and a.batch == 1
                and (year is None or a.year == year) and (tahap is None or a.tahap == tahap)]

    def landing(self, office: str) -> Path:
        d = self.root / "landing" / office
        d.mkdir(parents=True, exist_ok=True)
        return d

    def sheet(self, office, file, sheet, head, header, items, row_of, *, repeat_header_at=None,
              blank_every=None, footer=True, year=2024):
        """Rows of one sheet; records each data row's person in the truth."""
        rows = list(head) + [list(h) for h in header]
        n = 0
        for i, a in enumerate(items):
            if repeat_header_at and i == repeat_header_at:  # printed again after a page break
                rows.extend(list(h) for h in header)
            if blank_every and i and i % blank_every == 0:
                rows.append([])
            n += 1
            rows.append(row_of(n, a))
            self.truth.row(office, file, sheet, len(rows), a.person.pid)
        if footer:
            rows += footer_rows(office, year, n, len(header[-1]))
        return (sheet, rows)

    # offices ---------------------------------------------------------
    def kota_semarang(self):
        o, rng = "kota-semarang", self.rng
        header = [["NO", "NAMA LENGKAP", "NIK", "TEMPAT, TANGGAL LAHIR", "L/P", "JABATAN KERJA", "JENJANG",
                   "HASIL UJI", "NO. SERTIFIKAT", "KETERANGAN"]]
        f = "DAFTAR PESERTA SERTIFIKASI TKK 2024.xlsx"

        def row(n, a):
            p = a.person
            nik = nik_cell(p.nik, rng.choice(["text"] * 6 + ["float", "apos"]))
            return [n, render_name(p, rng, "full"), nik, ttl(p, rng.choice(["bulan", "singkat"])), p.sex,
                    a.jabatan, f"Jenjang {a.jenjang}", "Kompeten" if a.kompeten else "Belum Kompeten",
                    a.number or ("dalam proses" if a.kompeten else "-"), None]
        sheets = [self.sheet(o, f, f"TAHAP {ROMAN[t]}", title_rows(o, "DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", 2024, t),
                             header, self.of(o, 2024, t), row, repeat_header_at=18, blank_every=11)
                  for t in (1, 2)]
        write_xlsx(self.landing(o) / f, sheets)
        # 2025 as a CSV export: ';' and windows-1252, NIK as Excel showed it
        f2 = "peserta_ukk_2025.csv"
        lines = [["No", "Nama", "No KTP/NIK", "TTL", "JK", "Jabatan", "Jenjang", "Hasil", "Tahap"]]
        rowmap = []
        for n, a in enumerate(self.of(o, 2025), 1):
            p = a.person
            lines.append([n, render_name(p, rng, "upper"), nik_cell(p.nik, rng.choice(["text"] * 4 + ["sci"])),
                          ttl(p, "strip"), "Laki-laki" if p.sex == "L" else "Perempuan", a.jabatan,
                          f"KKNI {a.jenjang}", "K" if a.kompeten else "BK", f"Tahap {ROMAN[a.tahap]}"])
            rowmap.append((len(lines), p.pid))
        self.csv(o, f2, lines, rowmap, encoding="cp1252", delimiter=";")
        # the certificates issued for 2024, sent later: numbers only, names as the LSP wrote them
        f3 = "SKK terbit 2024.csv"
        lines = [["NO", "NAMA", "NIK", "JABATAN KERJA", "JENJANG", "NOMOR REGISTRASI", "TGL TERBIT"]]
        rowmap = []
        for n, a in enumerate([a for a in self.of(o, 2024) if a.number], 1):
            p = a.person
            lines.append([n, render_name(p, rng, "variant"), nik_cell(p.nik, rng.choice(["text", "sci"])),
                          a.jabatan.upper(), a.jenjang, a.number, a.issued.strftime("%d/%m/%Y")])
            rowmap.append((len(lines), p.pid))
        self.csv(o, f3, lines, rowmap, encoding="utf-8", delimiter=",")

    def csv(self, office, file, lines, rowmap, encoding, delimiter):
        buf = io.StringIO()
        csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(lines)
        (self.landing(office) / file).write_bytes(buf.getvalue().encode(encoding, errors="replace"))
        for line, pid in rowmap:
            self.truth.row(office, file, "", line, pid)

    def kab_klaten(self):
        o, rng = "kab-klaten", self.rng
        for year in (2024, 2025):
            f = f"Hasil Uji Kompetensi Klaten {year}.xlsx"
            # two header rows: TEMPAT / TGL LAHIR spread over two cells
            header = [["NO", "NAMA", "NIK", "TEMPAT / TGL LAHIR", None, "JENIS KELAMIN", "JABATAN KERJA",
                       "KUALIFIKASI", "JENJANG", "HASIL"],
                      [None, None, None, "TEMPAT", "TANGGAL", None, None, None, None, None]]

            def row(n, a):
                p = a.person
                style = rng.choice(["full", "full", "upper"])
                return [n, render_name(p, rng, style), nik_cell(p.nik, rng.choice(["text"] * 5 + ["cut15", "float"])),
                        p.place, excel_serial(p.birth), "LK" if p.sex == "L" else "PR", a.jabatan,
                        KUALIFIKASI[a.jenjang], f"KKNI {ROMAN[a.jenjang]}", "K" if a.kompeten else "BK"]
            sheets = [self.sheet(o, f, f"Tahap {t}", title_rows(o, "REKAPITULASI HASIL UJI KOMPETENSI", year, t),
                                 header, self.of(o, year, t), row, repeat_header_at=15, year=year)
                      for t in (1, 2) if self.of(o, year, t)]
            write_xlsx(self.landing(o) / f, sheets)

    def kab_sleman(self):
        o, rng = "kab-sleman", self.rng
        f = "DATA PESERTA SKK SLEMAN 2024-2025.xlsx"
        header = [["No.", "Nama Peserta", "NIK", "Tempat, Tgl Lahir", "L/P", "Jabatan Kerja", "Kualifikasi",
                   "Level", "Keterangan", "Tahun"]]

        def row(n, a):
            p = a.person
            return [n, render_name(p, rng, rng.choice(["full", "plain"])),
                    nik_cell(p.nik, rng.choice(["apos"] * 3 + ["text", "spaces"])), ttl(p, "strip"), p.sex,
                    a.jabatan, KUALIFIKASI[a.jenjang], f"Level {a.jenjang}",
                    "Kompeten" if a.kompeten else "Belum Kompeten", a.year]
        sheets = [self.sheet(o, f, str(y), title_rows(o, "DATA PESERTA SERTIFIKASI KOMPETENSI KERJA", y), header,
                             self.of(o, y), row, blank_every=7, year=y) for y in (2024, 2025)]
        write_xlsx(self.landing(o) / f, sheets)

    def kota_yogyakarta(self):
        o, rng = "kota-yogyakarta", self.rng
        f = "Peserta Sertifikasi Kota Yogyakarta 2024.xlsx"
        header = [["NO", "NAMA", "NOMOR INDUK KEPENDUDUKAN", "TEMPAT LAHIR", "TGL LAHIR", "JK", "JABATAN",
                   "JENJANG", "REKOMENDASI", "NO. SKK", "MASA BERLAKU"]]

        def row(n, a):
            p = a.person
            d = p.birth
            valid = f"{a.issued.day} {BULAN[a.issued.month - 1]} {a.issued.year + 5}" if a.issued else None
            return [n, render_name(p, rng, "full"), nik_cell(p.nik, rng.choice(["text"] * 3 + ["float"])), p.place,
                    f"{d.day:02d} {BULAN_SINGKAT[d.month - 1]} {d.year}", p.sex, a.jabatan, ROMAN[a.jenjang],
                    "K" if a.kompeten else "BK", a.number, valid]
        sheets = [self.sheet(o, f, f"Angkatan {t}", title_rows(o, "DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI", 2024, t),
                             header, self.of(o, 2024, t), row) for t in (1, 2) if self.of(o, 2024, t)]
        write_xlsx(self.landing(o) / f, sheets)
        # 2025: CSV from the office's web form, tahap column, ISO birth dates
        f2 = "export_peserta_2025.csv"
        lines = [["nama_lengkap", "nik", "tanggal_lahir", "tempat_lahir", "jenis_kelamin", "jabatan_kerja",
                  "jenjang", "hasil_asesmen", "tahap"]]
        rowmap = []
        for a in self.of(o, 2025):
            p = a.person
            lines.append([render_name(p, rng, "plain"), p.nik, p.birth.isoformat(), p.place,
                          "Laki-laki" if p.sex == "L" else "Perempuan", a.jabatan, f"Jenjang {a.jenjang}",
                          "Kompeten" if a.kompeten else "Belum Kompeten", a.tahap])
            rowmap.append((len(lines), p.pid))
        self.csv(o, f2, lines, rowmap, encoding="utf-8", delimiter=",")

    def kab_gianyar(self):
        o, rng = "kab-gianyar", self.rng
        for year in (2024, 2025):
            f = f"HASIL UKK GIANYAR TH {year}.xlsx"
            header = [["NO", "NAMA", "NIK", "TTL", "JENIS KELAMIN", "JABATAN KERJA", "JENJANG", "HASIL"]]

            def row(n, a):
                p = a.person
                return [n, render_name(p, rng, rng.choice(["upper", "variant", "full"])),
                        nik_cell(p.nik, rng.choice(["spaces", "text", "text", "float"])),
                        ttl(p, rng.choice(["bulan", "slash"])), "L" if p.sex == "L" else "P",
                        a.jabatan.upper(), a.jenjang, "K" if a.kompeten else "BK"]
            sheets = [self.sheet(o, f, f"TAHAP {ROMAN[t]}", title_rows(o, "HASIL UJI KOMPETENSI KERJA KONSTRUKSI", year, t),
                                 header, self.of(o, year, t), row, blank_every=5, year=year)
                      for t in (1, 2) if self.of(o, year, t)]
            write_xlsx(self.landing(o) / f, sheets)
        # attendance of the 2025 BIMTEK: some assessed later, some only trained
        f = "DAFTAR HADIR BIMTEK 2025.xlsx"
        assessed = self.of(o, 2025)[:6]
        extra = [p for p in self.persons if p.province == "51" and not any(a.person is p for a in self.assessments)][:4]
        rows = [["DAFTAR HADIR BIMBINGAN TEKNIS TENAGA KERJA KONSTRUKSI"], ["DINAS PUPR KABUPATEN GIANYAR 2025"], [],
                ["NO", "NAMA", "NIK", "ALAMAT", "TANDA TANGAN"]]
        people = [a.person for a in assessed] + extra
        for n, p in enumerate(people, 1):
            rows.append([n, render_name(p, rng, "upper"), p.nik, f"Br. Tengah, {p.place}", f"{n}. ........"])
            self.truth.row(o, f, "Sheet1", len(rows), p.pid)
            self.attendees.add(p.pid)
        write_xlsx(self.landing(o) / f, [("Sheet1", rows)])

    def kota_denpasar(self):
        o, rng = "kota-denpasar", self.rng
        f = "DAFTAR PESERTA UKK DENPASAR 2024 2025.xlsx"
        header = [["NO", "NAMA PESERTA", "NO. KTP", "TEMPAT/TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG", "HASIL",
                   "TAHUN"]]

        def row(n, a):
            p = a.person
            return [n, render_name(p, rng, rng.choice(["full", "variant"])),
                    nik_cell(p.nik, rng.choice(["text", "text", "apos", "cut15"])), ttl(p, "singkat"), p.sex,
                    a.jabatan, f"Jenjang {ROMAN[a.jenjang]}", "KOMPETEN" if a.kompeten else "BELUM KOMPETEN", a.year]
        sheets = [self.sheet(o, f, f"UKK {y}", title_rows(o, "DAFTAR PESERTA UJI KOMPETENSI", y), header,
                             self.of(o, y), row, repeat_header_at=20, year=y) for y in (2024, 2025)]
        path = self.landing(o) / f
        write_xlsx(path, sheets)
        # the same file again under the browser's copy name
        copy = self.landing(o) / "DAFTAR PESERTA UKK DENPASAR 2024 2025 (1).xlsx"
        shutil.copyfile(path, copy)
        self.truth.rejected_files.append(f"{o}/{copy.name}")

    def kota_makassar(self):
        o, rng = "kota-makassar", self.rng
        for year in (2024, 2025):
            f = f"Data Peserta Sertifikasi Makassar {year}.xlsx"
            header = [["NO", "NAMA", "NIK", "TEMPAT, TGL. LAHIR", "L/P", "JABATAN KERJA", "JENJANG", "HASIL",
                       "NOMOR SERTIFIKAT"]]

            def row(n, a):
                p = a.person
                return [n, render_name(p, rng, rng.choice(["full", "upper", "variant"])),
                        nik_cell(p.nik, rng.choice(["text", "text", "cut15", "float"])), ttl(p, "slash"), p.sex,
                        a.jabatan, f"Jenjang {a.jenjang}", "Kompeten" if a.kompeten else "Belum Kompeten",
                        a.number or "-"]
            sheets = [self.sheet(o, f, f"Tahap {ROMAN[t]}", title_rows(o, "DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", year, t),
                                 header, self.of(o, year, t), row, year=year)
                      for t in (1, 2) if self.of(o, year, t)]
            write_xlsx(self.landing(o) / f, sheets)

    def kab_bone(self):
        o, rng = "kab-bone", self.rng
        items = self.of(o, 2024)
        # the first version had two results wrong and a NIK typo; the _revisi corrects them
        wrong = {a.aid for a in items[2:4]}
        typo = items[5].aid if len(items) > 5 else None
        header = [["NO", "NAMA LENGKAP", "NIK", "TEMPAT LAHIR", "TANGGAL LAHIR", "JK", "JABATAN KERJA", "JENJANG",
                   "HASIL"]]
        for version, fname in ((0, "HASIL UKK BONE 2024.xlsx"), (1, "HASIL UKK BONE 2024_revisi.xlsx")):
            r2 = random.Random(self.seed * 100 + 7)  # both versions spell the names alike

            def row(n, a, version=version, r2=r2):
                p = a.person
                nik = p.nik
                if version == 0 and a.aid == typo:
                    nik = nik[:10] + nik[11] + nik[10] + nik[12:]  # transposed digits
                k = a.kompeten if (version == 1 or a.aid not in wrong) else not a.kompeten
                return [n, render_name(p, r2, r2.choice(["full", "upper"])), nik, p.place,
                        dt.datetime(p.birth.year, p.birth.month, p.birth.day), "L" if p.sex == "L" else "P",
                        a.jabatan, f"Jenjang {a.jenjang}", "KOMPETEN" if k else "BELUM KOMPETEN"]
            sheets = [self.sheet(o, fname, f"TAHAP {ROMAN[t]}", title_rows(o, "HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", 2024, t),
                                 header, [a for a in items if a.tahap == t], row)
                      for t in (1, 2) if [a for a in items if a.tahap == t]]
            path = self.landing(o) / fname
            write_xlsx(path, sheets)
            os.utime(path, (1_735_000_000 + version * 864_000,) * 2)
            if version == 0:
                self.truth.rejected_files.append(f"{o}/{fname}")
        f = "Peserta UKK Bone 2025.xlsx"
        sheets = [self.sheet(o, f, "2025", title_rows(o, "PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", 2025), header,
                             self.of(o, 2025),
                             lambda n, a: [n, render_name(a.person, rng, "full"), nik_cell(a.person.nik, rng.choice(["text", "float"])),
                                           a.person.place, excel_serial(a.person.birth), a.person.sex, a.jabatan,
                                           f"Level {a.jenjang}", "K" if a.kompeten else "BK"], year=2025)]
        write_xlsx(self.landing(o) / f, sheets)

    def province_experts(self, o: str, years=(2024, 2025), jenjang_style="ahli"):
        rng = self.rng
        files = []
        for year in years:
            f = f"PESERTA SERTIFIKASI TENAGA AHLI {SHORT[o]} {year}.xlsx"
            header = [["NO", "NAMA", "NIK", "TEMPAT, TANGGAL LAHIR", "JENIS KELAMIN", "JABATAN KERJA",
                       "KUALIFIKASI / JENJANG", "HASIL ASESMEN", "NO. REGISTRASI", "TGL TERBIT"]]

            def row(n, a):
                p = a.person
                lvl = {"ahli": AHLI[a.jenjang], "kkni": f"KKNI {a.jenjang}",
                       "both": f"Jenjang {a.jenjang} ({AHLI[a.jenjang]})"}[jenjang_style]
                return [n, render_name(p, rng, "full"), nik_cell(p.nik, rng.choice(["text"] * 4 + ["float"])),
                        ttl(p, "bulan"), "Laki-laki" if p.sex == "L" else "Perempuan", a.jabatan, lvl,
                        "Kompeten" if a.kompeten else "Belum Kompeten", a.number,
                        a.issued.strftime("%d-%m-%Y") if a.issued else None]
            sheets = [self.sheet(o, f, f"Tahap {ROMAN[t]}", title_rows(o, "PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI KUALIFIKASI AHLI", year, t),
                                 header, self.of(o, year, t), row, year=year)
                      for t in (1, 2, 3) if self.of(o, year, t)]
            if sheets:
                write_xlsx(self.landing(o) / f, sheets)
                files.append(f)
        return files

    def province_recap(self, o: str, year: int):
        """The province's recap of its regencies' certified participants (re-reports)."""
        rng = self.rng
        pp = OFFICE[o][3]
        f = f"REKAP PESERTA SERTIFIKASI KAB KOTA SE-{REGION_TITLE[pp].replace('PROVINSI ', '')} {year}.xlsx"
        header = [["NO", "NAMA", "NIK", "KAB/KOTA", "JABATAN KERJA", "JENJANG", "HASIL", "TAHUN"]]
        items = [a for a in self.assessments if a.kompeten and a.year == year and a.batch == 1
                 and PROVINCE_OF_OFFICE[a.office] == pp and a.office != o]

        def row(n, a):
            p = a.person
            return [n, render_name(p, rng, rng.choice(["upper", "short", "plain"])),
                    p.nik if rng.random() < 0.6 else None, REGION_TITLE[OFFICE[a.office][3]].title(), a.jabatan,
                    a.jenjang, "Kompeten", year]
        sheet = self.sheet(o, f, "REKAP", title_rows(o, "REKAPITULASI PESERTA SERTIFIKASI KABUPATEN/KOTA", year),
                           header, items, row, year=year)
        write_xlsx(self.landing(o) / f, [sheet])

    def prov_sulsel_portal(self):
        """The province's portal export: JSON, two pages, English field names."""
        o, rng = "prov-sulsel", self.rng
        items = self.of(o, 2025)
        half = (len(items) + 1) // 2
        for page, chunk in ((1, items[:half]), (2, items[half:])):
            records = []
            f = f"export_sertifikasi_2025_page{page}.json"
            for i, a in enumerate(chunk, 1):
                p = a.person
                nik = p.nik if rng.random() < 0.8 else int(p.nik)
                rec = {"id": 9000 + a.aid, "full_name": render_name(p, rng, rng.choice(["full", "plain"])),
                       "id_number": nik, "gender": "male" if p.sex == "L" else "female",
                       "birth_place": p.place, "birth_date": f"{p.birth.isoformat()}T00:00:00+08:00",
                       "job_title": a.jabatan, "level": a.jenjang, "qualification": "Ahli",
                       "assessment_result": "competent" if a.kompeten else "not yet competent",
                       "batch": f"Tahap {a.tahap}", "year": a.year,
                       "certificate": ({"number": a.number, "issued_at": f"{a.issued.isoformat()}T09:00:00+08:00",
                                        "expires_at": f"{a.issued.replace(year=a.issued.year + 5).isoformat()}T00:00:00+08:00"}
                                       if a.number else None)}
                records.append(rec)
                self.truth.row(o, f, "", i, p.pid)
            doc = {"status": "success", "data": records,
                   "meta": {"current_page": page, "last_page": 2, "per_page": half, "total": len(items)}}
            (self.landing(o) / f).write_text(json.dumps(doc, indent=1), encoding="utf-8")


    # the second batch of mess (written after the first, from its own random stream) -----------
    def new_persons(self, rng, province: str, homes: list[tuple[str, str]], n: int) -> list[Person]:
        used = {p.nik[:15] for p in self.persons}
        out = []
        for _ in range(n):
            sex = "L" if rng.random() < 0.85 else "P"
            birth = dt.date(1966, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 35))
            region, place = rng.choice(homes)
            tokens, culture, bin_of = _name(rng, province, sex, birth)
            p = Person(len(self.persons) + 1, _nik(rng, region, birth, sex, used), sex, birth, place, province,
                       tokens, culture=culture, bin_of=bin_of)
            if rng.random() < 0.25:
                p.pre = ["H."] if sex == "L" else ["Hj."]
            if rng.random() < 0.3:
                p.post = [rng.choice(["S.T.", "A.Md.", "S.T.", "S.Kom."])]
            self.persons.append(p)
            out.append(p)
        return out

    def assess(self, p, office, year, tahap, jenjang, kompeten, rng, numbered=0.5, batch=2, jabatan=None) -> Assessment:
        a = Assessment(len(self.assessments) + 1, p, office, year, tahap, jenjang,
                       jabatan or rng.choice(JABATAN[jenjang]), kompeten, batch=batch)
        if kompeten and rng.random() < numbered:
            code = (OFFICE[office][3] if office in OFFICE else "33").replace(".", "")
            a.number = f"SKK-{code}-{year}-{a.aid:05d}"
            a.issued = dt.date(year, rng.choice([9, 10, 11]), rng.randint(1, 28))
        self.assessments.append(a)
        return a

    def batch_two_assessments(self, rng) -> dict[str, list[Assessment]]:
        out: dict[str, list[Assessment]] = {}
        # Semarang tahap III 2025: newcomers and some who came back for another jabatan
        fresh = self.new_persons(rng, "33", [("33.74", "Semarang"), ("33.22", "Ungaran")], 12)
        back = [a.person for a in self.of("kota-semarang", 2024) if a.kompeten][:4]
        out["kota-semarang"] = [self.assess(p, "kota-semarang", 2025, 3, rng.choice([2, 3, 3, 4]),
                                            rng.random() < 0.88, rng) for p in fresh + back]
        fresh = self.new_persons(rng, "73", [("73.71", "Makassar"), ("73.06", "Sungguminasa")], 10)
        back = [a.person for a in self.of("kota-makassar", 2024) if a.kompeten][:3]
        out["kota-makassar"] = [self.assess(p, "kota-makassar", 2025, 3, rng.choice([1, 2, 3, 4, 5]),
                                            rng.random() < 0.9, rng) for p in fresh + back]
        # the province's portal, tahap IV: new experts and skilled workers of its regencies moving up
        fresh = self.new_persons(rng, "73", HOMES["73"], 5)
        back = [a.person for a in self.assessments if a.office in ("kota-makassar", "kab-bone") and a.batch == 1
                and a.jenjang >= 5 and a.kompeten][:4]
        out["prov-sulsel"] = [self.assess(p, "prov-sulsel", 2025, 4, rng.choice([7, 7, 8]), rng.random() < 0.9, rng)
                              for p in fresh + back]
        # regencies without a registry office, known only from the province's 2025 recap
        for office, home in (("kab-boyolali", ("33.09", "Boyolali")), ("kota-surakarta", ("33.72", "Surakarta"))):
            fresh = self.new_persons(rng, "33", [home], 7)
            out[office] = [self.assess(p, office, 2025, 1, rng.choice([2, 3, 3, 4, 5]), True, rng, numbered=0)
                           for p in fresh]
        return out

    def semarang_form(self, rng, items):
        """A registration form turned results list: NIK beside the family card (No. KK) and a phone."""
        o = "kota-semarang"
        f = "FORM PENDAFTARAN DAN HASIL UKK TAHAP III 2025.xlsx"
        header = [["NO", "NAMA LENGKAP (DENGAN GELAR)", "NIK", "NO. KK", "TEMPAT/TGL LAHIR", "NO. HP",
                   "JABATAN KERJA YANG DIAMBIL", "JENJANG", "HASIL", "KET"]]
        level = [lambda j: f"Jenjang {j} ({['', 'Satu', 'Dua', 'Tiga', 'Empat', 'Lima', 'Enam'][j]})",
                 lambda j: f"KKNI Level {j}", lambda j: f"Kualifikasi {KUALIFIKASI[j]} Jenjang {j}"]
        born = [lambda p: f"Kab. {p.place}, {p.birth.day}-{p.birth.month}-{p.birth.year}",
                lambda p: f"{p.place},{p.birth.day} {BULAN_SINGKAT[p.birth.month - 1]} {p.birth.year}",
                lambda p: f"{p.place.upper()} {p.birth.day} {BULAN[p.birth.month - 1].upper()} {p.birth.year}",
                lambda p: f"{p.place}, {p.birth.day:02d}-{p.birth.month:02d}-{p.birth.year % 100:02d}"]
        rows = title_rows(o, "FORMULIR PENDAFTARAN DAN HASIL UJI KOMPETENSI", 2025, 3) + header
        previous = None
        for n, a in enumerate(items, 1):
            p = a.person
            nik = p.nik
            if n == 5 and previous:  # the clerk copied the NIK of the row above
                nik = previous
            elif n == 8:  # a digit typed twice: 17 digits
                nik = nik[:9] + nik[8] + nik[9:]
            elif n == 11:
                nik = f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}.{nik[6:12]}.{nik[12:]}"
            kk = p.nik[:6] + f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(5, 20):02d}" + f"{rng.randint(1, 9999):04d}"
            result = rng.choice(["Kompeten (K)", "K"]) if a.kompeten else rng.choice(["TIDAK KOMPETEN", "Blm Kompeten"])
            rows.append([n, render_name(p, rng, "full"), nik, kk, rng.choice(born)(p), "08" + str(rng.randint(10**9, 10**10 - 1)),
                         a.jabatan, rng.choice(level)(a.jenjang), result, None])
            self.truth.row(o, f, "Sheet1", len(rows), p.pid)
            previous = p.nik
        rows += footer_rows(o, 2025, len(items), len(header[0]))
        write_xlsx(self.landing(o) / f, [("Sheet1", rows)])

    def makassar_tahap3(self, rng, items):
        o = "kota-makassar"
        f = "Hasil UKK Tahap III 2025 Makassar.xlsx"
        header = [["NO", "NAMA", "NIK", "TTL", "JK", "JABATAN KERJA", "JENJANG / KUALIFIKASI", "HASIL"]]

        def name(p):
            words = list(p.tokens)
            if words[0] == "Muhammad" and p.pre == ["H."]:
                return "H.M. " + " ".join(words[1:])  # Haji Muhammad
            if words[0] == "Andi" and rng.random() < 0.6:
                words[0] = "A."
            words = ["Dg." if w == "Daeng" else ("Muh." if w == "Muhammad" else w) for w in words]
            post = ("," + "".join(p.post[0].split(".")).upper()) if p.post else ""  # "Arif,ST"
            return " ".join(([p.pre[0].rstrip(".")] if p.pre else []) + words) + post

        def row(n, a):
            p = a.person
            when = f"{p.place} {p.birth.day} {BULAN[p.birth.month - 1]} {p.birth.year}" if n % 2 else \
                f"{p.place}, {p.birth.day}-{p.birth.month}-{p.birth.year % 100:02d}"
            return [n, name(p), nik_cell(p.nik, rng.choice(["text", "text", "float"])), when, p.sex, a.jabatan,
                    f"Jenjang {ROMAN[a.jenjang]} - {KUALIFIKASI[a.jenjang]}",
                    "K (Kompeten)" if a.kompeten else "BK (Belum Kompeten)"]
        sheet = self.sheet(o, f, "TAHAP III", title_rows(o, "HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", 2025, 3),
                           header, items, row, year=2025)
        write_xlsx(self.landing(o) / f, [sheet])

    def sulsel_masked_portal(self, rng, items):
        """A portal export that masks NIKs, nests the participant, writes birth dates in UTC."""
        o = "prov-sulsel"
        f = "siki_tahap4_2025.json"
        records = []
        for i, a in enumerate(items, 1):
            p = a.person
            midnight = dt.datetime(p.birth.year, p.birth.month, p.birth.day) - dt.timedelta(hours=8)  # WITA
            records.append({
                "participant": {"name": render_name(p, rng, "plain"), "nik": p.nik[:6] + "******" + p.nik[12:],
                                "gender": "male" if p.sex == "L" else "female", "birth_place": p.place,
                                "birth_date": midnight.strftime("%Y-%m-%dT%H:%M:%SZ")},
                "job_title": a.jabatan, "level": f"Jenjang {a.jenjang}", "qualification": AHLI[a.jenjang],
                "assessment_result": "competent" if a.kompeten else "not yet competent", "batch": "Tahap IV",
                "year": 2025,
                "certificate": {"number": a.number, "issued_at": a.issued.isoformat()} if a.number else None})
            self.truth.row(o, f, "", i, p.pid)
        doc = {"data": records, "meta": {"page": 1, "pages": 1, "total": len(records)}}
        (self.landing(o) / f).write_text(json.dumps(doc, indent=1), encoding="utf-8")

    def jateng_recap_2025(self, rng):
        """The province's 2025 recap: its registry regencies' certificates and two regencies without
        a registry office, which only this recap reports."""
        o = "prov-jateng"
        f = "REKAP PESERTA SERTIFIKASI KAB KOTA SE-JAWA TENGAH 2025.xlsx"
        header = [["NO", "NAMA", "NIK", "KAB/KOTA", "JABATAN KERJA", "JENJANG", "HASIL", "TAHUN"]]
        items = [a for a in self.assessments if a.kompeten and a.year == 2025 and
                 (a.office in ("kota-semarang", "kab-klaten") or a.office in NON_REGISTRY)]
        rng.shuffle(items)

        def row(n, a):
            p = a.person
            where = OFFICE[a.office][1] if a.office in OFFICE else NON_REGISTRY[a.office][1]
            where = where.split("Kabupaten ")[-1] if "Kabupaten" in where else where.split(" Kota ")[-1]
            region = REGION_TITLE.get(OFFICE[a.office][3], "") if a.office in OFFICE else NON_REGISTRY[a.office][1].upper()
            return [n, render_name(p, rng, rng.choice(["upper", "short", "plain"])),
                    p.nik if rng.random() < 0.5 else None, region.title(), a.jabatan, a.jenjang, "Kompeten", 2025]
        sheet = self.sheet(o, f, "REKAP 2025", title_rows(o, "REKAPITULASI PESERTA SERTIFIKASI KABUPATEN/KOTA", 2025),
                           header, items, row, year=2025)
        write_xlsx(self.landing(o) / f, [sheet])

    def write_batch_two(self):
        rng = random.Random(self.seed * 1000 + 2)
        items = self.batch_two_assessments(rng)
        self.semarang_form(rng, items["kota-semarang"])
        self.makassar_tahap3(rng, items["kota-makassar"])
        self.sulsel_masked_portal(rng, items["prov-sulsel"])
        self.jateng_recap_2025(rng)


    # the third batch: corrections that remove a row, US-locale dates, a level only in the jabatan,
    # nicknames and invisible spaces ------------------------------------------------------------
    def bone_correction(self, rng):
        """Tahap III sent twice: the first version lists a man who did not sit the test and one
        wrong jenjang; the correction ("perbaikan") removes him and fixes the level."""
        o = "kab-bone"
        fresh = self.new_persons(rng, "73", [("73.08", "Watampone")], 8)
        items = [self.assess(p, o, 2025, 3, rng.choice([2, 3, 4]), rng.random() < 0.9, rng, batch=3) for p in fresh[:7]]
        ghost = fresh[7]  # listed by mistake in the first version only
        header = [["NO", "NAMA LENGKAP", "NIK", "TEMPAT LAHIR", "TANGGAL LAHIR", "JK", "JABATAN KERJA", "JENJANG",
                   "HASIL"]]
        for version, fname in ((0, "HASIL UKK TAHAP III BONE 2025.xlsx"), (1, "HASIL UKK TAHAP III BONE 2025 perbaikan.xlsx")):
            listed = items if version else items[:3] + [None] + items[3:]
            rows = title_rows(o, "HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", 2025, 3) + header
            for n, a in enumerate(listed, 1):
                p = a.person if a else ghost
                jenjang = a.jenjang if a else 3
                if version == 0 and a is items[1]:
                    jenjang = a.jenjang + 1  # the level the correction fixes
                kompeten = a.kompeten if a else True
                rows.append([n, render_name(p, random.Random(p.pid), "upper"), p.nik, p.place,
                             dt.datetime(p.birth.year, p.birth.month, p.birth.day), p.sex,
                             a.jabatan if a else "Tukang Batu", f"Jenjang {jenjang}", "KOMPETEN" if kompeten else "BELUM KOMPETEN"])
                self.truth.row(o, fname, "TAHAP III", len(rows), p.pid)
            path = self.landing(o) / fname
            write_xlsx(path, [("TAHAP III", rows)])
            os.utime(path, (1_760_000_000 + version * 864_000,) * 2)
            if version == 0:
                self.truth.rejected_files.append(f"{o}/{fname}")

    def sleman_us_dates(self, rng):
        """A CSV saved on a machine in the US locale: month/day/year birth dates."""
        o = "kab-sleman"
        fresh = self.new_persons(rng, "34", [("34.04", "Sleman"), ("34.02", "Bantul")], 9)
        back = [a.person for a in self.of(o, 2024) if a.kompeten][:3]
        items = [self.assess(p, o, 2025, 3, rng.choice([2, 3, 4, 5]), rng.random() < 0.9, rng, batch=3)
                 for p in fresh + back]
        f = "peserta_skk_sleman_tahap3_2025.csv"
        lines = [["No", "Nama", "NIK", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang",
                  "Hasil"]]
        rowmap = []
        for n, a in enumerate(items, 1):
            p = a.person
            lines.append([n, render_name(p, rng, "plain"), p.nik, p.place, f"{p.birth.month}/{p.birth.day}/{p.birth.year}",
                          "L" if p.sex == "L" else "P", a.jabatan, a.jenjang, "Kompeten" if a.kompeten else "Belum Kompeten"])
            rowmap.append((len(lines), p.pid))
        self.csv(o, f, lines, rowmap, encoding="utf-8", delimiter=",")

    def bali_experts_by_jabatan(self, rng):
        """The province's Tahap III: a summary sheet first, then the list, whose only level is the
        jabatan kerja's own ("Ahli Muda Teknik Jalan"); nicknames in brackets."""
        o = "prov-bali"
        fresh = self.new_persons(rng, "51", HOMES["51"], 6)
        back = [a.person for a in self.assessments if a.office in ("kab-gianyar", "kota-denpasar") and a.batch == 1
                and a.jenjang == 6 and a.kompeten][:3]
        items = [self.assess(p, o, 2025, 3, j, rng.random() < 0.9, rng, batch=3, jabatan=rng.choice(
                     [t for t in JABATAN[j] if t.startswith("Ahli")]))
                 for p in fresh + back for j in [rng.choice([7, 7, 8, 9])]]
        f = "PESERTA SERTIFIKASI AHLI BALI TAHAP III 2025.xlsx"
        summary = [["REKAPITULASI PESERTA TAHAP III"], [],
                   ["NO", "JABATAN KERJA", "JUMLAH PESERTA", "KOMPETEN", "BELUM KOMPETEN"]]
        for n, jab in enumerate(sorted({a.jabatan for a in items}), 1):
            mine = [a for a in items if a.jabatan == jab]
            summary.append([n, jab, len(mine), sum(a.kompeten for a in mine), sum(not a.kompeten for a in mine)])
        header = [["NO", "NAMA", "NIK", "TEMPAT, TANGGAL LAHIR", "L/P", "JABATAN KERJA", "HASIL"]]

        def row(n, a):
            p = a.person
            nick = f" ({rng.choice(['Pak', 'Bli'] if p.sex == 'L' else ['Bu', 'Mbok'])} {p.tokens[-1][:3].title()})" if rng.random() < 0.4 else ""
            return [n, render_name(p, rng, "full") + nick, nik_cell(p.nik, rng.choice(["text", "float"])),
                    ttl(p, "bulan"), p.sex, a.jabatan, "Kompeten" if a.kompeten else "Belum Kompeten"]
        sheet = self.sheet(o, f, "DATA PESERTA", title_rows(o, "DAFTAR PESERTA SERTIFIKASI TENAGA AHLI", 2025, 3),
                           header, items, row, year=2025)
        write_xlsx(self.landing(o) / f, [("REKAP", summary), sheet])

    def yogya_invisible_spaces(self, rng):
        """Cells pasted from a web page: non-breaking spaces, padding, a nickname in quotes."""
        o = "kota-yogyakarta"
        fresh = self.new_persons(rng, "34", [("34.71", "Yogyakarta"), ("34.04", "Sleman")], 8)
        back = [a.person for a in self.of(o, 2024) if a.kompeten][:3]
        items = [self.assess(p, o, 2025, 3, rng.choice([1, 2, 3, 4]), rng.random() < 0.9, rng, batch=3)
                 for p in fresh + back]
        f = "Peserta Sertifikasi Kota Yogyakarta 2025 Tahap III.xlsx"
        header = [["NO", "NAMA", "NIK", "TEMPAT LAHIR", "TGL LAHIR", "JK", "JABATAN", "JENJANG", "HASIL"]]
        nbsp = "\u00a0"

        def row(n, a):
            p = a.person
            name = render_name(p, rng, "plain")
            if len(p.tokens) >= 2 and rng.random() < 0.4:
                name = f'{p.tokens[0]} "{p.tokens[-1][:2].title()}{p.tokens[-1][-2:]}" {" ".join(p.tokens[1:])}'
            name = (" " + name.replace(" ", nbsp, 1) + nbsp) if n % 2 else name
            nik = (p.nik + nbsp) if n % 3 == 0 else nik_cell(p.nik, rng.choice(["text", "float"]))
            return [n, name, nik, p.place, f"{p.birth.day:02d}-{BULAN_SINGKAT[p.birth.month - 1]}-{p.birth.year}",
                    p.sex, a.jabatan, f"Jenjang {a.jenjang}", " K " if a.kompeten else "BK" + nbsp]
        sheet = self.sheet(o, f, "Tahap III", title_rows(o, "DAFTAR PESERTA SERTIFIKASI", 2025, 3), header, items, row,
                           year=2025)
        write_xlsx(self.landing(o) / f, [sheet])

    def write_batch_three(self):
        rng = random.Random(self.seed * 1000 + 3)
        self.bone_correction(rng)
        self.sleman_us_dates(rng)
        self.bali_experts_by_jabatan(rng)
        self.yogya_invisible_spaces(rng)


    # the fourth batch: a recap naming a regency without a registry office whose workers share a
    # cell (jenjang, jabatan, year) and a shortened name with a registry regency's ------------
    def gianyar_and_badung_recap(self, rng):
        gianyar = self.new_persons(rng, "51", [("51.04", "Gianyar")], 8)
        items = [self.assess(p, "kab-gianyar", 2025, 3, rng.choice([2, 3, 4]), rng.random() < 0.9, rng, batch=4)
                 for p in gianyar]
        f = "HASIL UKK GIANYAR TAHAP III 2025.xlsx"
        header = [["NO", "NAMA", "NIK", "TTL", "JENIS KELAMIN", "JABATAN KERJA", "JENJANG", "HASIL"]]
        sheet = self.sheet("kab-gianyar", f, "TAHAP III", title_rows("kab-gianyar", "HASIL UJI KOMPETENSI KERJA KONSTRUKSI", 2025, 3),
                           header, items, lambda n, a: [n, render_name(a.person, rng, "upper"), a.person.nik,
                                                        ttl(a.person, "bulan"), a.person.sex, a.jabatan.upper(),
                                                        a.jenjang, "K" if a.kompeten else "BK"], year=2025)
        write_xlsx(self.landing("kab-gianyar") / f, [sheet])
        # Badung's workers: three share a Gianyar worker's birth-order name, initial and cell
        badung = self.new_persons(rng, "51", [("51.03", "Badung")], 5)
        twins = [a for a in items if a.kompeten][:3]
        for p, a in zip(badung, twins):
            other = [w for w in BALI_GIVEN_M + BALI_GIVEN_F if w[0] == a.person.tokens[-1][0] and w != a.person.tokens[-1]]
            p.tokens = a.person.tokens[:-1] + [rng.choice(other or ["Sudana"])]
            p.sex = a.person.sex
            p.nik = p.nik[:6] + (f"{int(p.nik[6:8]) % 40 + (40 if p.sex == 'P' else 0):02d}") + p.nik[8:]
        b_items = [self.assess(p, "kab-badung", 2025, 1, a.jenjang if a else rng.choice([2, 3]), True, rng, numbered=0,
                               batch=4, jabatan=a.jabatan if a else None)
                   for p, a in zip(badung, twins + [None, None])]
        f = "REKAP PESERTA KAB KOTA SE-BALI TAHAP III 2025.xlsx"
        header = [["NO", "NAMA", "KAB/KOTA", "JABATAN KERJA", "JENJANG", "HASIL", "TAHUN"]]
        listed = [a for a in items if a.kompeten] + b_items
        rng.shuffle(listed)

        def row(n, a):
            where = REGION_TITLE.get(OFFICE[a.office][3], "") if a.office in OFFICE else NON_REGISTRY[a.office][1]
            return [n, render_name(a.person, rng, "short"), where.title(), a.jabatan, a.jenjang, "Kompeten", 2025]
        sheet = self.sheet("prov-bali", f, "REKAP", title_rows("prov-bali", "REKAPITULASI PESERTA SERTIFIKASI KABUPATEN/KOTA", 2025, 3),
                           header, listed, row, year=2025)
        write_xlsx(self.landing("prov-bali") / f, [sheet])

    def write_batch_four(self):
        self.gianyar_and_badung_recap(random.Random(self.seed * 1000 + 4))

    # the whole world ------------------------------------------------------
    def write(self) -> dict:
        self.kota_semarang()
        self.kab_klaten()
        self.kab_sleman()
        self.kota_yogyakarta()
        self.kab_gianyar()
        self.kota_denpasar()
        self.kota_makassar()
        self.kab_bone()
        self.province_experts("prov-jateng", jenjang_style="ahli")
        self.province_recap("prov-jateng", 2024)
        diy = self.province_experts("prov-diy", jenjang_style="both")
        # the province's expert list kept in a regency's folder too
        for f in diy[-1:]:
            shutil.copyfile(self.landing("prov-diy") / f, self.landing("kab-sleman") / f)
            self.truth.rejected_files.append(f"kab-sleman/{f}")
        self.province_experts("prov-bali", jenjang_style="kkni")
        self.province_recap("prov-bali", 2025)
        self.province_experts("prov-sulsel", years=(2024,), jenjang_style="ahli")
        self.prov_sulsel_portal()
        self.write_batch_two()
        self.write_batch_three()
        self.write_batch_four()
        self.write_registry()
        truth = self.count_truth()
        (self.root / "truth.json").write_text(json.dumps(truth, indent=1, sort_keys=True), encoding="utf-8")
        return truth

    def write_registry(self):
        lines = ["offices:"]
        for oid, name, level, code, _ in OFFICES:
            lines += [f"  - id: {oid}", f"    name: \"{name}\"", f"    level: {level}", f"    region_code: \"{code}\""]
        (self.root / "offices.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def count_truth(self) -> dict:
        """Certified persons per (credited region, jenjang) from the model alone."""
        cells: dict[str, set] = {}
        for a in self.assessments:
            if a.kompeten:
                # a regency without a registry office: only the province's recap reports it,
                # so it counts at the province (rules 2 and 3 of docs/warehouse.md)
                region = OFFICE[a.office][3] if a.office in OFFICE else NON_REGISTRY[a.office][0]
                cells.setdefault(f"{region}|{a.jenjang}", set()).add(a.person.pid)
        rejected = set(self.truth.rejected_files)
        persons = {pid for key, pid in self.truth.rows.items() if key.split("#")[0] not in rejected}
        return {
            "cells": {k: len(v) for k, v in sorted(cells.items())},
            "persons": len(persons),
            "assessed_persons": len({a.person.pid for a in self.assessments}),
            "rows": self.truth.rows,
            "rejected_files": sorted(rejected),
            "files": sorted(str(p.relative_to(self.root / "landing")) for p in (self.root / "landing").rglob("*") if p.is_file()),
        }


def write_world(root: Path, seed: int = SEED) -> dict:
    """Write landing/, offices.yaml and truth.json under ``root``; return the truth."""
    return World(root, seed).write()


if __name__ == "__main__":
    import sys

    t = write_world(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/blind3"))
    print(len(t["files"]), "files", t["persons"], "persons", sum(t["cells"].values()), "cell persons")
    print(t["cells"])
