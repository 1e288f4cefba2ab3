"""A second, independent generator of Dinas PUPR office files, written from the domain brief alone.

It knows nothing of the pipeline (no pipeline imports): it builds a world model first (offices,
persons with NIKs, certificates), computes the headline truth from that model with the counting
rules of docs/warehouse.md, then writes each office's files in a style chosen at random, with a
clerk's mess applied at random. Classes of mess can be turned off one at a time (``MESS``) to find
which one a failing cell comes from.

Ground truth, per (credited region, jenjang), at the publish date:
- certified: distinct persons with a Kompeten certificate reported by an office of that region
  (a province's re-report of a regency/city certificate counts under the regency only);
- active: of those, persons with a certificate valid on the publish date, judged on the evidence
  the files carry (an issue date: SKK 5 years, pre-2021 SKA/SKT expired 31 Dec 2022; a program
  year or the year in the registration number only: active to the end of year + 4, unknown
  during year + 5, old scheme before 2021);
- unknown: persons with no active and at least one unknown certificate there.
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

PUBLISH = date(2026, 6, 30)
REGIONS_CSV = Path(__file__).resolve().parents[1] / "reference" / "regions.csv"

MESS = frozenset({
    "nik",          # 15 significant digits, 6.40802E+15, apostrophe, spaces/dots, missing, copied from above
    "names",        # gelar, initials, Muhammad as M., case
    "ttl",          # birth place and date in one cell, various formats
    "level",        # 'Jenjang 3', 'KKNI 3', 'III', title only for experts
    "result",       # Kompeten / Belum Kompeten / Lulus / Tidak Lulus instead of K / BK
    "dates",        # Indonesian month names, abbreviations, slashes, date cells
    "styles",       # CSV cp1252, paged JSON, legacy xls besides plain xlsx
    "layout",       # title rows, merged two-row header, sheet per batch, total and signature rows
    "copies",       # 'X (1).xlsx' beside X.xlsx
    "revision",     # 'X_revisi.xlsx' replacing X.xlsx, which had a wrong result
    "attendance",   # a Daftar Hadir without level or result
    "misfiled",     # another office's file in the wrong folder
    "rereport",     # province recaps re-reporting regency certificates
    "spelling",     # a person's name spelled otherwise in another row (Ahmad/Achmad, Joko/Djoko, Yusuf/Jusuf)
    "serial",       # a CSV's dates as Excel serial day numbers (a date cell formatted General)
    "trap",         # technician titles with Muda/Madya ('Quantity Surveyor Madya' is jenjang 5)
    "fresh",        # a province's own program for fresh graduates at jenjang 4-6
    "recap",        # a province recap's re-report without NIK, birth or the name's later words
    "masa",         # only the expiry (Berlaku s.d.) written, no issue date
    "vocab",        # more words for the same things: 'Level 3', 'Jenjang III', 'K (Kompeten)', '12.03.2023',
                    # English headers, ',' CSV with a BOM or a 'sep=;' line, camelCase JSON, JSON without pages
    "export",       # a script's export: NIK '6408021203850001.0', level '3.0', dates '2023-03-12 00:00:00'
    "dup",          # a row typed twice (its NIK or name damaged differently the second time)
    "reassess",     # Belum Kompeten, then Kompeten at a second assessment months later
    "merged",       # a holder list: a person's certificates one under the other, name and NIK merged down
    "stray",        # a list of an office outside the registry (Kabupaten Karo) in a registry office's folder
})

# Harder clerks' mess, off unless asked for (``build_world(seed, MESS | MESS_HARD)``): each class draws
# random numbers only when on, so the worlds of MESS alone are the same with or without them.
MESS_HARD = frozenset({
    "initials",     # a later or middle word as its initial ('Supriyadi S.', 'Abdul R. Hakim'), Muhammad as 'M.'
    "oldspell",     # pre-1972 spelling of any name, by rule: j/dj, c/tj, u/oe, y/j, kh/ch ('Djoko', 'Soerjadi')
    "muhammad",     # more persons named Muhammad, written Muhammad, Mohammad, Muhamad, M., Moh., Muh., Mhd.
    "typo",         # one letter wrong, missing, doubled or two letters swapped in one word of a row
    "gelar",        # gelar glued on with commas and dots ('Ir.Budi Santoso,S.T.,M.T.', 'H.AHMAD')
    "single",       # one-word names, common ones (Sutrisno, Suparman), borne by several persons
    "nikhard",      # NIK damage twice as often; a digit dropped (15 digits), two digits swapped anywhere
    "twins",        # twins (same birth date, place, district, surname, consecutive serials) and namesakes
                    # born the same day in the same regency: distinct persons
})

OFFICES = [
    {"id": "prov-sumut", "name": "Dinas PUPR Provinsi Sumatera Utara", "level": "province", "region_code": "12"},
    {"id": "kota-medan", "name": "Dinas PUPR Kota Medan", "level": "city", "region_code": "12.71"},
    {"id": "kab-deli-serdang", "name": "Dinas PUPR Kabupaten Deli Serdang", "level": "regency",
     "region_code": "12.07"},
    {"id": "prov-kalteng", "name": "Dinas PUPR Provinsi Kalimantan Tengah", "level": "province", "region_code": "62"},
    {"id": "kota-palangkaraya", "name": "Dinas PUPR Kota Palangkaraya", "level": "city", "region_code": "62.71"},
    {"id": "kab-kotim", "name": "Dinas PUPR Kabupaten Kotawaringin Timur", "level": "regency",
     "region_code": "62.02"},
    {"id": "kota-bengkulu", "name": "Dinas PUPR Kota Bengkulu", "level": "city", "region_code": "17.71"},
    {"id": "kab-gorontalo", "name": "Dinas PUPR Kabupaten Gorontalo", "level": "regency", "region_code": "75.01"},
]
OFFICE = {o["id"]: o for o in OFFICES}
# WIB for Sumatra and Central Kalimantan, WITA for Gorontalo: a web export's offset
TZ = {"12": 7, "62": 7, "17": 7, "75": 8}

JABATAN = {
    "operator": ["Operator Excavator", "Operator Bulldozer", "Operator Crane", "Operator Motor Grader"],
    "tukang": ["Tukang Besi Beton", "Tukang Batu", "Tukang Kayu", "Tukang Pasang Bata"],
    "teknisi": ["Mandor Pekerjaan Jalan", "Pelaksana Lapangan Pekerjaan Gedung", "Juru Ukur",
                "Teknisi Laboratorium Beton", "Pengawas Lapangan Pekerjaan Jalan"],
    # technician titles carrying Muda / Madya: their level is the number written, never 7 or 8
    "trap": ["Quantity Surveyor Madya", "Pelaksana Pemeliharaan Jalan Muda", "Juru Gambar Madya",
             "Pengawas Pekerjaan Irigasi Muda"],
    7: ["Ahli Muda Teknik Jalan", "Ahli Muda Teknik Bangunan Gedung", "Ahli Muda K3 Konstruksi"],
    8: ["Ahli Madya Teknik Jembatan", "Ahli Madya K3 Konstruksi", "Ahli Madya Manajemen Proyek"],
    9: ["Ahli Utama Manajemen Konstruksi", "Ahli Utama Teknik Jalan"],
}

FIRST_M = ["Budi", "Agus", "Rudi", "Hendra", "Joko", "Andi", "Bambang", "Dedi", "Eko", "Fajar", "Gunawan",
           "Hasan", "Irfan", "Indra", "Yusuf", "Rizky", "Syahputra", "Ramli", "Darwin", "Parlindungan",
           "Togar", "Benny", "Juanda", "Lukman", "Marzuki", "Nasrul", "Oktavianus", "Poltak", "Ridwan",
           "Samsul", "Taufik", "Usman", "Wahyu", "Yohanes", "Zulkarnain", "Ahmad", "Muhammad", "Dimas",
           "Heru", "Iwan", "Kurniawan", "Sugianto", "Fransiskus", "Arifin", "Rahmat", "Sutrisno"]
FIRST_F = ["Siti", "Dewi", "Rina", "Fitri", "Yuliana", "Sri", "Maria", "Nurhayati", "Ratna", "Lestari",
           "Intan", "Melati", "Ayu", "Novita", "Wulan", "Dian", "Erna", "Herlina"]
SECOND = ["Pratama", "Saputra", "Hidayat", "Santoso", "Wijaya", "Kurnia", "Syahputra", "Setiawan",
          "Rahman", "Hakim", "Firmansyah", "Nugroho", "Ramadhan", "Permana", "Gunadi", "Susilo",
          "Anwar", "Effendi", "Maulana", "Sembiring", "Harahap", "Nasution", "Siregar", "Lubis", "Hutapea",
          "Simanjuntak", "Sitorus", "Ginting", "Tarigan", "Pane", "Manurung", "Panjaitan", "Dalimunthe",
          "Rangkuti", "Batubara", "Tambunan", "Napitupulu", "Sinaga", "Purba", "Damanik", "Situmorang",
          "Ompusunggu", "Hasibuan", "Pohan", "Daulay", "Matondang", "Lumbantobing", "Simatupang"]
SECOND_KALTENG = ["Ngabe", "Tingang", "Dambung", "Lambung", "Rangka", "Dohong", "Sahay", "Bungai", "Tambun",
                  "Lewis", "Nyahu", "Jaya", "Usop", "Rahan", "Asang", "Embang"]
SECOND_GORONTALO = ["Hasan", "Mohamad", "Polapa", "Habibie", "Katili", "Nento", "Gobel", "Dunda", "Pakaya",
                    "Lamato", "Mooduto", "Tangahu", "Daud", "Ishak", "Biki", "Olii"]

# a name's other spellings, the patterns DOMAIN.md names: old (pre-1972) spelling (dj/j, oe/u, j/y,
# ch/kh) and everyday variants (Ahmad/Achmad/Akhmad, Rizki/Rizky)
SPELLING = {"Ahmad": ["Achmad", "Akhmad"], "Joko": ["Djoko"], "Yusuf": ["Jusuf"], "Rizky": ["Rizki"],
            "Nurhayati": ["Noerhayati"], "Sutrisno": ["Soetrisno"], "Usman": ["Oesman"], "Wahyu": ["Wahju"],
            "Dedi": ["Dedy"], "Rahmat": ["Rachmat"], "Kurniawan": ["Koerniawan"], "Heru": ["Heroe"],
            "Yohanes": ["Johanes"], "Lukman": ["Loekman"]}

# Javanese one-word names (DOMAIN: many Indonesians have one name only), common enough to be shared
SINGLE_M = ["Sutrisno", "Suparman", "Wagiman", "Sukirno", "Slamet", "Sugiyono", "Poniman", "Suwarno", "Supardi",
            "Sunarto", "Mulyono", "Tukiman", "Suyatno", "Jumadi", "Kasiman", "Sarjono"]
SINGLE_F = ["Sumarni", "Wartini", "Sarmini", "Suyati", "Painem", "Juwariyah"]
# given names of twins: rhyming or paired, as parents name them
TWIN_NAMES = [("Hasan", "Husein"), ("Dedi", "Dodi"), ("Agus", "Agung"), ("Rudi", "Rido"), ("Fajar", "Senja"),
              ("Andi", "Andri"), ("Yudi", "Yuda"), ("Rian", "Rino"), ("Riko", "Rika"), ("Dimas", "Dinda")]
MUHAMMAD_FORMS = ["Muhammad", "Mohammad", "Muhamad", "Mohamad", "M.", "Moh.", "Muh.", "Mhd.", "Mochammad"]

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
BLN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des"]
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
TITLE = {7: "Ahli Muda", 8: "Ahli Madya", 9: "Ahli Utama"}


def _regions() -> dict[str, str]:
    with REGIONS_CSV.open(encoding="utf-8") as f:
        return {r["code"]: r["name"] for r in csv.DictReader(f)}


REGION_NAMES = _regions()


def place_of(region4: str) -> str:
    """A birth place as a KTP writes it: the regency or city name without its prefix."""
    name = REGION_NAMES[f"{region4[:2]}.{region4[2:]}"]
    return name.replace("Kabupaten ", "").replace("Kota ", "")


@dataclass
class Person:
    """One worker: names as on the KTP and the NIK's parts."""
    pid: str
    first: str
    rest: list[str]
    home: str          # PPRR of the KTP
    district: int
    born: date
    sex: str           # L / P
    serial: int

    @property
    def name(self) -> str:
        return " ".join([self.first, *self.rest])

    @property
    def nik(self) -> str:
        day = self.born.day + (40 if self.sex == "P" else 0)
        return f"{self.home}{self.district:02d}{day:02d}{self.born.month:02d}{self.born.year % 100:02d}{self.serial:04d}"


@dataclass
class Cert:
    """One assessment: person x jabatan kerja x jenjang, reported by one office."""
    cid: int
    pid: str
    office: str
    jabatan: str
    jenjang: int
    issued: date
    result: str                 # K / BK
    number: str | None
    evidence: str               # date / year / number / masa: what the file says of when it was issued or ends
    rereport_of: int | None = None
    masa: bool = False          # the file also states the expiry


@dataclass
class World:
    """The model, its files and its truth."""
    seed: int
    mess: frozenset
    persons: dict[str, Person] = field(default_factory=dict)
    certs: list[Cert] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)       # 'office_id/file name' -> bytes
    in_files: set[str] = field(default_factory=set)             # persons with a row in an accepted file
    notes: list[str] = field(default_factory=list)
    order: dict[str, list[int]] = field(default_factory=dict)  # office -> cids in the order its rows are written
    # 'office_id/file name' -> sheet name ('' for a file of one table) -> the person of each data row, in order
    # (None: a row of no person of this world); for scoring linkage row by row
    file_rows: dict[str, dict[str, list]] = field(default_factory=dict)

    def registry(self) -> dict:
        """The offices registry the pipeline reads."""
        return {"offices": [dict(o, freshness_days=365) for o in OFFICES]}

    def write(self, landing: Path) -> None:
        """Write every office's files under landing/<office_id>/."""
        for o in OFFICES:
            (landing / o["id"]).mkdir(parents=True, exist_ok=True)
        for rel, data in self.files.items():
            (landing / rel).write_bytes(data)

    def truth(self) -> dict[tuple[str, int], tuple[int, int, int]]:
        """(certified, active, unknown) persons per (credited region, jenjang), from the model."""
        best: dict[tuple[str, int], dict[str, int]] = {}
        rank = {"active": 2, "unknown": 1, "expired": 0}
        for c in self.certs:
            if c.result != "K" or c.rereport_of is not None:
                continue
            cell = (OFFICE[c.office]["region_code"], c.jenjang)
            status = validity(c)
            persons = best.setdefault(cell, {})
            persons[c.pid] = max(persons.get(c.pid, 0), rank[status])
        return {cell: (len(p), sum(v == 2 for v in p.values()), sum(v == 1 for v in p.values()))
                for cell, p in sorted(best.items())}

    def n_persons(self) -> int:
        """Distinct persons with a row in an accepted file."""
        return len(self.in_files)


def add_years(d: date, years: int) -> date:
    """The same day ``years`` later (28 Feb for 29 Feb)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def expiry(issued: date) -> date:
    """The last valid day: pre-2021 SKA/SKT all expired 31 Dec 2022; an SKK is valid 5 years."""
    if issued.year < 2021:
        return date(2022, 12, 31)
    return add_years(issued, 5) - timedelta(days=1)


def validity(c: Cert) -> str:
    """active / unknown / expired at PUBLISH, on the evidence the file gives."""
    if c.evidence in ("date", "masa"):
        return "active" if expiry(c.issued) >= PUBLISH else "expired"
    year = c.issued.year  # a program year, or the year the number states
    if year < 2021:
        return "expired"
    if year + 5 > PUBLISH.year:
        return "active"
    return "unknown" if year + 5 == PUBLISH.year else "expired"


# --- the world model ----------------------------------------------------------------------------

def _issue_date(rng: random.Random, lo: int = 2019, hi: date = PUBLISH - timedelta(days=10)) -> date:
    start = date(lo, 1, 2)
    while True:
        d = start + timedelta(days=rng.randrange((hi - start).days))
        # the day an SKK issued on 30 June 2021 stops being valid is a matter of reading: keep clear
        if abs((d - date(2021, 6, 30)).days) > 3:
            return d


def build_world(seed: int, mess: frozenset = MESS, n_regency: int = 75, n_province: int = 40) -> World:
    """The world of ``seed``: persons, certificates, then the files with ``mess`` applied."""
    rng = random.Random(seed)
    w = World(seed=seed, mess=mess)
    serials: dict[tuple, int] = {}
    used_names: set[str] = set()

    def new_person(pid: str, home_pp: str, expert: bool) -> Person:
        regencies = [c.replace(".", "") for c in REGION_NAMES if c.startswith(home_pp + ".")]
        sex = "P" if rng.random() < (0.25 if expert else 0.08) else "L"
        for _ in range(50):
            first = rng.choice(FIRST_F if sex == "P" else FIRST_M)
            pool = {"62": SECOND_KALTENG + SECOND[:15], "75": SECOND_GORONTALO}.get(home_pp[:2], SECOND)
            rest = rng.sample(pool, rng.choice([0, 1, 1, 1, 2])) if rng.random() > 0.1 else []
            if " ".join([first, *rest]) not in used_names or rng.random() < 0.03:
                break
        if "single" in mess and rng.random() < 0.15:
            first, rest = rng.choice(SINGLE_F if sex == "P" else SINGLE_M), []
        if "muhammad" in mess and sex == "L" and first != "Muhammad" and rng.random() < 0.15:
            first, rest = "Muhammad", [first, *rest][:2]
        used_names.add(" ".join([first, *rest]))
        born = date(rng.randint(1962 if expert else 1966, 1998 if expert else 2003), rng.randint(1, 12),
                    rng.randint(1, 28))
        return Person(pid, first, rest, home_pp if len(home_pp) == 4 else rng.choice(regencies),
                      rng.randint(1, 15), born, sex, 0)

    def register(p: Person) -> Person:
        key = (p.home, p.district, p.born, p.sex)
        serials[key] = serials.get(key, 0) + 1
        p.serial = serials[key]
        w.persons[p.pid] = p
        return p

    def number(office: str, year: int) -> str:
        code = OFFICE[office]["region_code"].replace(".", "")
        n = rng.randint(1, 99999)
        return rng.choice([f"SKK-{code}-{year}-{n:06d}", f"{code[:2]}.{code[2:] or '00'}.{year}.{n:06d}"])

    def certify(p: Person, office: str, jabatan: str, jenjang: int, issued: date, result: str | None = None) -> Cert:
        result = result or ("K" if rng.random() < 0.92 else "BK")
        ev = rng.choices(["date", "year", "number", "masa"], [0.64, 0.14, 0.14, 0.08 if "masa" in mess else 0])[0]
        num = number(office, issued.year) if result == "K" and (ev == "number" or rng.random() < 0.6) else None
        c = Cert(len(w.certs), p.pid, office, jabatan, jenjang, issued, result, num, ev,
                 masa=ev == "date" and rng.random() < 0.3)
        w.certs.append(c)
        return c

    def skilled(jenjang: int) -> str:
        if jenjang <= 3:
            return rng.choice(JABATAN["operator"] + JABATAN["tukang"])
        if "trap" in mess and rng.random() < 0.25:
            return rng.choice(JABATAN["trap"])
        return rng.choice(JABATAN["teknisi"])

    regencies = [o for o in OFFICES if o["level"] != "province"]
    for o in regencies:
        pp = o["region_code"].replace(".", "")
        for i in range(n_regency):
            home = pp if rng.random() < 0.8 else pp[:2]
            p = register(new_person(f"{o['id']}-{i}", home, False))
            j = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6])
            c = certify(p, o["id"], skilled(j), j, _issue_date(rng))
            if "twins" in mess and rng.random() < 0.06:
                # a twin (same day, place, district, surname) or a namesake born the same day in the same
                # regency, assessed in the same batch: another person all the same
                if rng.random() < 0.6:
                    pair = rng.choice(TWIN_NAMES)
                    girl = pair[1] in ("Dinda", "Rika")  # a boy and a girl
                    p.first, other = pair[::-1] if p.sex == "P" and girl else pair
                    sex2 = ("P" if other == pair[1] else "L") if girl else p.sex
                    q = Person(f"{p.pid}-twin", other, list(p.rest), p.home, p.district, p.born, sex2, 0)
                else:
                    q = Person(f"{p.pid}-namesake", p.first, list(p.rest), p.home, rng.randint(1, 15), p.born,
                               p.sex, 0)
                register(q)
                certify(q, o["id"], c.jabatan, j, c.issued)
            r = rng.random()
            if r < 0.15 and j < 6 and c.result == "K" and c.issued.year < 2025:
                # re-certified a level higher a year or more later
                later = _issue_date(rng, c.issued.year + 1)
                certify(p, o["id"], c.jabatan if rng.random() < 0.5 else skilled(j + 1), j + 1, later)
            elif r < 0.22 and c.issued.year < 2021:
                # the old SKT expired: certified anew, same jabatan and jenjang
                certify(p, o["id"], c.jabatan, j, _issue_date(rng, 2023), "K")
            elif r < 0.30:
                # a second occupation at the same level
                other = skilled(j)
                if other != c.jabatan:
                    certify(p, o["id"], other, j, _issue_date(rng))
    if "reassess" in mess:
        for c in [c for c in w.certs if c.result == "BK" and c.issued < date(2026, 1, 1)]:
            if rng.random() < 0.6:
                later = c.issued + timedelta(days=rng.randint(30, 170))
                if abs((later - date(2021, 6, 30)).days) > 3:
                    certify(w.persons[c.pid], c.office, c.jabatan, c.jenjang, later, "K")
    # some workers are certified by two regencies/cities (another jabatan, another time)
    movers = rng.sample([p for p in w.persons.values()], 14)
    for p in movers:
        office = rng.choice([o for o in regencies if not p.pid.startswith(o["id"] + "-")])
        j = rng.choice([2, 3, 4, 5])
        certify(p, office["id"], skilled(j), j, _issue_date(rng))
    for o in [o for o in OFFICES if o["level"] == "province"]:
        pp = o["region_code"]
        for i in range(n_province):
            p = register(new_person(f"{o['id']}-{i}", pp, True))
            j = rng.choice([7, 7, 7, 8, 8, 9])
            c = certify(p, o["id"], rng.choice(JABATAN[j]), j, _issue_date(rng))
            if j < 9 and c.result == "K" and c.issued.year < 2024 and rng.random() < 0.15:
                certify(p, o["id"], rng.choice(JABATAN[j + 1]), j + 1, _issue_date(rng, c.issued.year + 2))
        if "fresh" in mess:
            # the province's program for fresh graduates: technicians, its own certificates
            for i in range(8):
                p = new_person(f"{o['id']}-fg{i}", pp, False)
                p.born = date(rng.randint(1998, 2003), p.born.month, p.born.day)
                register(p)
                j = rng.choice([4, 5, 6])
                certify(p, o["id"], skilled(j), j, _issue_date(rng, 2022))
        # regency technicians re-certified as experts at the province
        local = [c for c in w.certs if c.office != o["id"] and OFFICE[c.office]["region_code"].startswith(pp + ".")
                 and c.jenjang == 6 and c.result == "K"]
        for c in rng.sample(local, min(3, len(local))):
            certify(w.persons[c.pid], o["id"], rng.choice(JABATAN[7]), 7, _issue_date(rng, max(c.issued.year, 2022)))
        if "rereport" in mess:
            own = [c for c in w.certs if OFFICE[c.office]["region_code"].startswith(pp + ".") and c.result == "K"
                   and c.rereport_of is None]
            for c in rng.sample(own, min(12, len(own))):
                # the recap repeats the regency's certificate: its number if it had one, the same
                # issue evidence; a number that arrived late may be missing in the recap
                ev = c.evidence
                num = c.number if rng.random() < 0.7 else None
                if ev == "number" and num is None:
                    ev = "year"
                w.certs.append(Cert(len(w.certs), c.pid, o["id"], c.jabatan, c.jenjang, c.issued, "K", num,
                                    ev, rereport_of=c.cid, masa=c.masa and ev == "date"))
    _write_files(w, rng)
    return w


# --- rendering a row as a clerk types it ----------------------------------------------------------

@dataclass
class Habits:
    """One office's ways: chosen once, kept in every file it sends."""
    style: str
    upper: bool
    ttl_one_cell: bool
    ttl_fmt: str
    date_fmt: str
    level_fmt: str
    result_vocab: tuple[str, str]
    sex_vocab: tuple[str, str]
    sheet_per_batch: bool
    json_lang: str
    utc: bool
    english: bool = False
    export: bool = False
    merge_person: bool = False
    csv_dialect: str = "semicolon"
    json_shape: str = "paged"


def _habits(rng: random.Random, mess: frozenset, province: bool) -> Habits:
    styles = ["xlsx_title", "xlsx_flat", "csv", "json", "xls", "ods", "html_xls"] if "styles" in mess else ["xlsx_flat"]
    if "layout" not in mess:
        styles = [s for s in styles if s != "xlsx_title"] or ["xlsx_flat"]
    return Habits(
        style=rng.choice(styles),
        upper=rng.random() < 0.6 if "names" in mess else False,
        ttl_one_cell=rng.random() < 0.6 if "ttl" in mess else False,
        ttl_fmt=rng.choice(["dmy-", "long", "dmy/", "short", "dmy2"]) if "ttl" in mess else "iso",
        date_fmt=rng.choice(["dmy-", "dmy/", "long", "short", "cell", "iso"] + (["serial"] if "serial" in mess else [])
                            + (["dmy.", "ymd/"] if "vocab" in mess else []))
        if "dates" in mess else "iso",
        level_fmt=rng.choice(["int", "jenjang", "kkni", "roman", "mixed"]
                             + (["level", "jenjang_roman", "kkni_level"] if "vocab" in mess else []))
        if "level" in mess else "int",
        result_vocab=rng.choice([("K", "BK"), ("Kompeten", "Belum Kompeten"), ("LULUS", "TIDAK LULUS"),
                                 ("KOMPETEN", "BELUM KOMPETEN")]
                                + ([("K (Kompeten)", "BK (Belum Kompeten)"), ("Kompeten", "Tidak Kompeten")]
                                   if "vocab" in mess else [])) if "result" in mess else ("K", "BK"),
        sex_vocab=rng.choice([("L", "P"), ("Laki-laki", "Perempuan"), ("LK", "PR"), ("Pria", "Wanita")]),
        sheet_per_batch=rng.random() < 0.5 and "layout" in mess,
        json_lang=rng.choice(["en", "id"] + (["camel"] if "vocab" in mess else [])),
        english=rng.random() < 0.25 and "vocab" in mess,
        export=rng.random() < 0.3 and "export" in mess,
        merge_person=rng.random() < 0.5 and "merged" in mess,
        csv_dialect=rng.choice(["semicolon", "comma_bom", "sep_line"]) if "vocab" in mess else "semicolon",
        json_shape=rng.choice(["paged", "items", "list"]) if "vocab" in mess else "paged",
        utc=rng.random() < 0.3,
    )


def fmt_date(d: date, how: str, rng: random.Random | None = None):
    """A date as a clerk writes it."""
    if how == "cell":
        return datetime(d.year, d.month, d.day)
    if how == "serial":
        return datetime(d.year, d.month, d.day)  # written as a date cell, or as its serial day number in a CSV
    return {"dmy-": f"{d.day:02d}-{d.month:02d}-{d.year}", "dmy/": f"{d.day:02d}/{d.month:02d}/{d.year}",
            "long": f"{d.day} {BULAN[d.month - 1]} {d.year}", "short": f"{d.day:02d}-{BLN[d.month - 1]}-{d.year}",
            "iso": d.isoformat(), "dmy.": f"{d.day:02d}.{d.month:02d}.{d.year}",
            "ymd/": f"{d.year}/{d.month:02d}/{d.day:02d}"}[how]


def fmt_level(j: int, how: str, rng: random.Random) -> str | int:
    """A jenjang as spreadsheets write it; experts' levels sometimes by title alone."""
    if how == "mixed":
        how = rng.choice(["int", "jenjang", "kkni", "roman", "title"])
    if how == "title" and j >= 7:
        return TITLE[j]
    return {"int": j, "jenjang": f"Jenjang {j}", "kkni": f"KKNI {j}", "roman": ROMAN[j], "level": f"Level {j}",
            "jenjang_roman": f"Jenjang {ROMAN[j]}", "kkni_level": f"KKNI Level {j}"}.get(how, j)


GELAR_PRE = ["H.", "Ir.", "Drs.", "Hj."]
GELAR_POST = ["S.T.", "S.T", "ST", "M.T.", "A.Md.", "S.Kom", "S.E."]


def old_spelling(word: str, rng: random.Random) -> str:
    """``word`` in the pre-1972 spelling (Ejaan van Ophuijsen / Soewandi), some of its rules at random:
    j was dj, y was j, c was tj, u was oe, kh was ch (Joko/Djoko, Yusuf/Jusuf, Cahyo/Tjahjo, Sukarno/Soekarno)."""
    rules = [r for r in ("j", "y", "c", "u", "kh") if r in word.lower()]
    if not rules:
        return word
    chosen = set(rng.sample(rules, rng.randint(1, len(rules))))
    out, i, low = [], 0, word.lower()
    while i < len(word):
        ch, cap = low[i], word[i].isupper()
        if "kh" in chosen and low[i:i + 2] == "kh":
            rep, step = "ch", 2
        elif ch == "j" and "j" in chosen:
            rep, step = "dj", 1
        elif ch == "y" and "y" in chosen:
            rep, step = "j", 1
        elif ch == "c" and "c" in chosen:
            rep, step = "tj", 1
        elif ch == "u" and "u" in chosen:
            rep, step = "oe", 1
        else:
            rep, step = ch, 1
        out.append(rep.capitalize() if cap else rep)
        i += step
    return "".join(out)


def one_typo(word: str, rng: random.Random) -> str:
    """``word`` with one letter wrong, left out, doubled, or two neighbours swapped."""
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["sub", "del", "dup", "swap"])
    if kind == "sub":
        return word[:at] + rng.choice([c for c in "aiueonrst" if c != word[at].lower()]) + word[at + 1:]
    if kind == "del":
        return word[:at] + word[at + 1:]
    if kind == "dup":
        return word[:at] + word[at] + word[at:]
    return word[:at] + word[at + 1] + word[at] + word[at + 2:]


def _hard_words(words: list[str], rng: random.Random, mess: frozenset) -> list[str]:
    """The harder classes of name mess (MESS_HARD) on a row's words, each drawn only when on."""
    words = list(words)
    if "oldspell" in mess and rng.random() < 0.3:
        words = [old_spelling(x, rng) for x in words]
    if "muhammad" in mess and words and words[0] == "Muhammad":
        words[0] = rng.choice(MUHAMMAD_FORMS)
    if "initials" in mess and len(words) >= 2 and rng.random() < 0.3:
        where = rng.choice(["last", "middle", "first", "later"])
        if where == "middle" and len(words) >= 3:
            at = rng.randrange(1, len(words) - 1)
            words[at] = words[at][0] + "."              # Abdul R. Hakim
        elif where == "first" and words[0] in ("Muhammad", "Ahmad", "Abdul", "Mohammad", "Muhamad"):
            words[0] = words[0][0] + "."                # M. Fajar
        elif where == "later":
            words = words[:1] + [x[0] + "." for x in words[1:]]   # Supriyadi S. H.
        else:
            words[-1] = words[-1][0] + "."              # Supriyadi S.
    if "typo" in mess and rng.random() < 0.08:
        long = [i for i, x in enumerate(words) if len(x) >= 4 and "." not in x]
        if long:
            at = rng.choice(long)
            words[at] = one_typo(words[at], rng)
    return words


def _glued_gelar(name: str, sex: str, rng: random.Random) -> str:
    """Gelar as a clerk glues them on: no space after the dot or comma, several after the name."""
    pre = rng.choice(["Ir.", "Drs.", "H." if sex == "L" else "Hj.", "Dr.Ir.", ""])
    post = rng.choice(["S.T.,M.T.", "ST.,MT", "S.T", "A.Md.", "S.Kom.,M.Kom", "SE", "S.Pd.", ""])
    return (pre if pre else "") + name + ("," + post if post else "")


def fmt_name(p: Person, h: Habits, rng: random.Random, mess: frozenset, expert: bool) -> str:
    """The name as typed: gelar, an initial, Muhammad shortened, the office's case."""
    words = [p.first, *p.rest]
    if "spelling" in mess and rng.random() < 0.3:
        words = [rng.choice(SPELLING[x]) if x in SPELLING else x for x in words]
    if mess & MESS_HARD:
        words = _hard_words(words, rng, mess)
        if "gelar" in mess and rng.random() < (0.5 if expert else 0.2):
            name = _glued_gelar(" ".join(words), p.sex, rng)
            return name.upper() if h.upper else name
    if "names" in mess:
        if words[0] == "Muhammad" and rng.random() < 0.5:
            words[0] = rng.choice(["M.", "Moh.", "Muh."])
        if len(words) >= 2 and rng.random() < 0.08:
            words[-1] = words[-1][0] + "."
        name = " ".join(words)
        if rng.random() < (0.5 if expert else 0.1):
            pre = rng.choice(GELAR_PRE) if rng.random() < 0.5 else ""
            # a hajj title follows the sex: H. for men, Hj. for women
            if pre in ("H.", "Hj."):
                pre = "H." if p.sex == "L" else "Hj."
            post = rng.choice(GELAR_POST) if rng.random() < 0.8 else ""
            sep = rng.choice([", ", ",", " "])
            name = (pre + " " if pre else "") + name + (sep + post if post else "")
        if h.upper:
            name = name.upper()
        elif rng.random() < 0.05:
            name = name.upper()
        return name
    return " ".join(words)


def fmt_nik(nik: str, rng: random.Random, mess: frozenset, above: str | None, can_copy: bool, style: str):
    """The NIK as it arrives: mostly right, sometimes with Excel's or a clerk's damage."""
    if "nik" not in mess or rng.random() > (0.32 if "nikhard" in mess else 0.16):
        return nik
    kinds = ["15", "apostrophe", "spaces", "dots", "missing", "e15", "17", "transposed"]
    if "nikhard" in mess:
        kinds += ["dropped", "swapped", "15", "above"]
    if can_copy and above:
        kinds.append("above")
    kind = rng.choice(kinds)
    if kind == "above" and not (can_copy and above):
        kind = "15"
    if kind == "dropped":
        at = rng.randrange(16)
        return nik[:at] + nik[at + 1:]              # a digit left out: 15 digits
    if kind == "swapped":
        at = rng.randrange(15)                      # two neighbours swapped anywhere, date digits too
        return nik[:at] + nik[at + 1] + nik[at] + nik[at + 2:]
    if kind == "15":
        return int(nik[:15] + "0") if style in ("xlsx_title", "xlsx_flat", "json") else nik[:15] + "0"
    if kind == "e15":
        # Excel's General format of a long number, as it survives a CSV saved from Excel
        return f"{float(nik):.5E}" if style == "csv" else int(nik[:15] + "0")
    if kind == "apostrophe":
        return "'" + nik
    if kind == "spaces":
        return f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}"
    if kind == "dots":
        return f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}.{nik[6:12]}.{nik[12:]}"
    if kind == "17":
        at = rng.randrange(12, 16)
        return nik[:at] + nik[at] + nik[at:]    # a digit typed twice
    if kind == "transposed":
        at = rng.randrange(12, 15)                  # two serial digits swapped
        return nik[:at] + nik[at + 1] + nik[at] + nik[at + 2:]
    if kind == "missing":
        return rng.choice(["-", "", "0", None])
    return above


def _rows(w: World, office: str, certs: list[Cert], h: Habits, rng: random.Random) -> list[dict]:
    """Canonical rows (our own field names) rendered as the office types them."""
    rows = []
    above = None
    expert = OFFICE[office]["level"] == "province"
    for c in certs:
        p = w.persons[c.pid]
        nik = fmt_nik(p.nik, rng, w.mess, above, can_copy=True, style=h.style)
        above = nik if nik not in (None, "", "-", "0") else p.nik
        born = fmt_date(p.born, h.ttl_fmt) if h.ttl_fmt != "dmy2" else p.born.strftime("%d-%m-%y")
        if h.ttl_fmt == "iso" and h.style not in ("json",):
            born = p.born.isoformat()
        name = fmt_name(p, h, rng, w.mess, expert)
        place = place_of(p.home)
        if c.rereport_of is not None and "recap" in w.mess:
            # a recap's clerk copies less: the NIK, the birth or the rest of the name may be gone
            if rng.random() < 0.35:
                nik = rng.choice([None, "-", ""])
            if rng.random() < 0.3:
                born, place = None, None
            if rng.random() < 0.35 and p.rest:
                # the first name in full, the later ones as initials ('AGUS Y.'), gelar dropped
                name = p.first + " " + " ".join(x[0] + "." for x in p.rest)
                name = name.upper() if h.upper else name
        issued = fmt_date(c.issued, h.date_fmt) if c.evidence == "date" else None
        if c.result == "K" and c.number:
            number = c.number if c.evidence in ("date", "number") or c.rereport_of is not None else c.number
        else:
            number = None
        if c.evidence == "year" and c.rereport_of is None:
            number = None  # the number had not arrived when the list was made
        rows.append({
            "cid": c.cid,
            "nama": name,
            "nik": nik,
            "tempat": place,
            "lahir": born,
            "lahir_date": p.born,
            "jk": h.sex_vocab[0] if p.sex == "L" else h.sex_vocab[1],
            "sex": p.sex,
            "jabatan": c.jabatan,
            "jenjang": fmt_level(c.jenjang, h.level_fmt, rng),
            "hasil": h.result_vocab[0] if c.result == "K" else h.result_vocab[1],
            "nomor": number or (rng.choice(["dalam proses", "TERBIT", "proses", "-"])
                                if c.result == "K" and rng.random() < 0.3 else None),
            "terbit": issued,
            "terbit_date": c.issued if c.evidence == "date" else None,
            "berlaku": fmt_date(expiry(c.issued), h.date_fmt) if c.masa or c.evidence == "masa" else None,
            "berlaku_date": expiry(c.issued) if c.masa or c.evidence == "masa" else None,
            "tahun": c.issued.year if c.evidence in ("date", "year") else None,
        })
        w.in_files.add(c.pid)
    return rows


# --- writing files --------------------------------------------------------------------------------

COLUMNS = [  # (field, header variants)
    ("no", ["No", "NO", "No."]),
    ("nama", ["Nama", "Nama Lengkap", "Nama Peserta", "NAMA"]),
    ("nik", ["NIK", "No. KTP", "No KTP/NIK", "Nomor Induk Kependudukan"]),
    ("ttl", ["Tempat/Tgl Lahir", "Tempat, Tanggal Lahir", "TTL"]),
    ("jk", ["L/P", "JK", "Jenis Kelamin"]),
    ("jabatan", ["Jabatan Kerja", "Jabatan"]),
    ("jenjang", ["Jenjang", "Kualifikasi", "Level"]),
    ("hasil", ["Hasil", "Hasil Uji", "Keterangan", "Rekomendasi"]),
    ("nomor", ["No. Registrasi", "Nomor Sertifikat", "No. SKK"]),
    ("terbit", ["Tanggal Terbit", "Tgl Terbit"]),
    ("berlaku", ["Masa Berlaku", "Berlaku s.d."]),
    ("tahun", ["Tahun", "Angkatan", "Tahun Anggaran"]),
]


ENGLISH = {"no": ["No"], "nama": ["Name", "Full Name"], "nik": ["ID Number", "NIK"],
           "ttl": ["Place/Date of Birth"], "jk": ["Sex", "Gender"], "jabatan": ["Occupation", "Job Title"],
           "jenjang": ["Level", "KKNI Level"], "hasil": ["Result", "Assessment Result"],
           "nomor": ["Certificate No.", "Registration Number"], "terbit": ["Issue Date", "Date Issued"],
           "berlaku": ["Valid Until", "Expiry Date"], "tahun": ["Year"]}


def _table(rows: list[dict], h: Habits, rng: random.Random) -> tuple[list[str], list[list]]:
    """Headers and cell values for a flat table."""
    headers, fields = [], []
    for f, variants in COLUMNS:
        if h.english:
            variants = ENGLISH[f]
            if f == "ttl" and not h.ttl_one_cell:
                headers += ["Place of Birth", "Date of Birth"]; fields += ["tempat", "lahir"]
                continue
        if f == "ttl":
            if h.ttl_one_cell:
                headers.append(rng.choice(variants)); fields.append("ttl")
            else:
                headers += ["Tempat Lahir", rng.choice(["Tgl Lahir", "Tanggal Lahir"])]; fields += ["tempat", "lahir"]
            continue
        headers.append(rng.choice(variants)); fields.append(f)
    out = []
    if h.export and h.style in ("csv", "xls", "xlsx_flat"):
        rows = [_exported(r) for r in rows]
    for i, r in enumerate(rows, 1):
        vals = []
        for f in fields:
            if f == "no":
                vals.append(i)
            elif f == "ttl":
                born = r["lahir"] if not isinstance(r["lahir"], datetime) else fmt_date(r["lahir_date"], "dmy-")
                vals.append(f"{r['tempat']}, {born}" if born else None)
            else:
                vals.append(r[f])
        out.append(vals)
    return headers, out


def _exported(r: dict) -> dict:
    """The row as a script's float and datetime columns print it."""
    r = dict(r)
    if isinstance(r["nik"], str) and r["nik"].isdigit() and len(r["nik"]) == 16:
        r["nik"] = r["nik"] + ".0"
    if isinstance(r["jenjang"], int):
        r["jenjang"] = f"{r['jenjang']}.0"
    for f in ("terbit", "berlaku"):
        d = r[f + "_date"]
        if r[f] is not None and d is not None:
            r[f] = f"{d.isoformat()} 00:00:00"
    if r["tahun"] is not None:
        r["tahun"] = f"{r['tahun']}.0"
    return r


def _title(office: str) -> list[str]:
    o = OFFICE[office]
    return ["DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI",
            o["name"].upper()]


def _xlsx(w: World, office: str, batches: dict[str, list[dict]], h: Habits, rng: random.Random, title: bool) -> bytes:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet, rows in batches.items():
        ws = wb.create_sheet(sheet[:31])
        headers, table = _table(rows, h, rng)
        if title:
            for t in _title(office):
                ws.append([t])
            ws.append([])
            # a two-row header: group names merged over their columns
            groups = {"nama": "IDENTITAS PESERTA", "nik": "IDENTITAS PESERTA", "ttl": "IDENTITAS PESERTA",
                      "tempat": "IDENTITAS PESERTA", "lahir": "IDENTITAS PESERTA", "jk": "IDENTITAS PESERTA",
                      "nomor": "SERTIFIKAT", "terbit": "SERTIFIKAT", "berlaku": "SERTIFIKAT"}
            fields = _fields(h)
            top = [groups.get(f, hd.upper()) for f, hd in zip(fields, headers)]
            ws.append(top)
            ws.append([hd if f in groups else None for f, hd in zip(fields, headers)])
            r1 = ws.max_row - 1
            col = 1
            while col <= len(fields):
                f = fields[col - 1]
                if f in groups:
                    end = col
                    while end < len(fields) and groups.get(fields[end]) == groups[f]:
                        end += 1
                    ws.merge_cells(start_row=r1, start_column=col, end_row=r1, end_column=end)
                    col = end + 1
                else:
                    ws.merge_cells(start_row=r1, start_column=col, end_row=r1 + 1, end_column=col)
                    col += 1
        else:
            ws.append(headers)
        person_fields = {"no", "nama", "nik", "ttl", "tempat", "lahir", "jk"}
        fields = _fields(h)
        first_of = None  # (pid, excel row) of the person's first row above
        for r, vals in zip(rows, table):
            pid = w.certs[r["cid"]].pid
            if h.merge_person and first_of and first_of[0] == pid:
                # the person's cells merged down over this row: Excel keeps the value in the top cell only
                vals = [None if f in person_fields else v for f, v in zip(fields, vals)]
            ws.append(vals)
            if h.merge_person and first_of and first_of[0] == pid:
                for ci, f in enumerate(fields, 1):
                    if f in person_fields:
                        for rng_ in list(ws.merged_cells.ranges):
                            if rng_.min_col == ci and rng_.min_row == first_of[1]:
                                ws.merged_cells.remove(rng_)
                        ws.merge_cells(start_row=first_of[1], start_column=ci, end_row=ws.max_row, end_column=ci)
            else:
                first_of = (pid, ws.max_row)
            for ci, v in enumerate(vals, 1):
                if isinstance(v, datetime):
                    ws.cell(ws.max_row, ci).number_format = "dd/mm/yyyy"
        if title:
            ws.append([])
            ws.append(["", "JUMLAH", len(table)])
            ws.append([])
            ws.append(["", "", "", "", "", "Mengetahui,"])
            ws.append(["", "", "", "", "", f"Kepala {OFFICE[office]['name']}"])
            ws.append([])
            ws.append(["", "", "", "", "", "Ir. SAHAT MANGATAS, M.T."])
            ws.append(["", "", "", "", "", "NIP. 19700101 199503 1 001"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _fields(h: Habits) -> list[str]:
    out = []
    for f, _ in COLUMNS:
        if f == "ttl":
            out += ["ttl"] if h.ttl_one_cell else ["tempat", "lahir"]
        else:
            out.append(f)
    return out


def _csv(w: World, office: str, rows: list[dict], h: Habits, rng: random.Random) -> bytes:
    headers, table = _table(rows, h, rng)
    buf = io.StringIO()
    if h.csv_dialect == "sep_line":
        buf.write("sep=;\r\n")  # Excel's hint of the delimiter, first line of the file
    wr = csv.writer(buf, delimiter="," if h.csv_dialect == "comma_bom" else ";", lineterminator="\r\n")
    wr.writerow(headers)
    for vals in table:
        wr.writerow(["" if v is None else (_csv_date(v, h) if isinstance(v, datetime) else v) for v in vals])
    if h.csv_dialect == "comma_bom":
        return buf.getvalue().encode("utf-8-sig")
    return buf.getvalue().encode("cp1252")


def _csv_date(v: datetime, h: Habits) -> str:
    """A date cell as a CSV saved from Excel keeps it: its text, or its serial day number."""
    if h.date_fmt == "serial":
        return str((v - datetime(1899, 12, 30)).days)
    return fmt_date(v.date(), "dmy/")


def _xls(w: World, office: str, rows: list[dict], h: Habits, rng: random.Random) -> bytes:
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    headers, table = _table(rows, h, rng)
    ws.write(0, 0, _title(office)[0])
    ws.write(1, 0, _title(office)[1])
    for c, hd in enumerate(headers):
        ws.write(3, c, hd)
    style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, vals in enumerate(table, 4):
        for c, v in enumerate(vals):
            if v is None:
                continue
            if isinstance(v, datetime):
                ws.write(r, c, v, style)
            elif isinstance(v, int) and v > 10**12:
                ws.write(r, c, float(v))   # a NIK typed as a number
            else:
                ws.write(r, c, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ods(w: World, office: str, rows: list[dict], h: Habits, rng: random.Random) -> bytes:
    """An OpenDocument spreadsheet (LibreOffice's own format), written by hand: title rows, then the table."""
    from xml.sax.saxutils import escape
    headers, table = _table(rows, h, rng)

    def cell(v) -> str:
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, datetime):
            return (f'<table:table-cell office:value-type="date" office:date-value="{v.date().isoformat()}">'
                    f"<text:p>{v.day:02d}/{v.month:02d}/{v.year}</text:p></table:table-cell>")
        if isinstance(v, int):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>"
                   for r in [[t] for t in _title(office)] + [[]] + [headers] + table)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="Peserta">{body}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _html_xls(w: World, office: str, rows: list[dict], h: Habits, rng: random.Random) -> bytes:
    """A web system's 'Export to Excel': an HTML table saved under .xls."""
    from html import escape
    headers, table = _table(rows, h, rng)

    def td(v) -> str:
        if v is None:
            return "<td></td>"
        if isinstance(v, datetime):
            v = f"{v.day:02d}/{v.month:02d}/{v.year}"
        return f'<td style="mso-number-format:\'\\@\'">{escape(str(v))}</td>'

    title = "".join(f'<tr><td colspan="{len(headers)}"><b>{escape(t)}</b></td></tr>' for t in _title(office))
    html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
            '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
            f'<table border="1">{title}<tr>' + "".join(f"<th>{escape(x)}</th>" for x in headers) + "</tr>"
            + "".join("<tr>" + "".join(td(v) for v in r) + "</tr>" for r in table) + "</table></body></html>")
    return html.encode("utf-8")


def _iso(d: date | None, office: str, utc: bool) -> str | None:
    if d is None:
        return None
    off = TZ[OFFICE[office]["region_code"][:2]]
    if utc:
        t = datetime(d.year, d.month, d.day) - timedelta(hours=off)
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{d.isoformat()}T00:00:00+{off:02d}:00"


def _json_pages(w: World, office: str, rows: list[dict], h: Habits, rng: random.Random) -> list[bytes]:
    recs = []
    for r in rows:
        nik = r["nik"]
        if isinstance(nik, str) and "E+" in nik:
            nik = int(w.persons[w.certs[r["cid"]].pid].nik[:15] + "0")
        level = r["jenjang"]
        k = r["hasil"] == h.result_vocab[0]
        pending = ("dalam proses", "TERBIT", "proses", "-")
        has_cert = bool(r["nomor"] and r["nomor"] not in pending) or r["terbit_date"] is not None \
            or r["berlaku_date"] is not None
        if h.json_lang == "camel":
            recs.append({
                "fullName": r["nama"], "idNumber": nik, "gender": "M" if r["sex"] == "L" else "F",
                "birthDate": r["lahir_date"].isoformat() if r["lahir"] else None, "placeOfBirth": r["tempat"],
                "jobTitle": r["jabatan"], "kkniLevel": level,
                "assessmentResult": "COMPETENT" if k else "NOT_YET_COMPETENT", "programYear": r["tahun"],
                "certificate": {"registrationNumber": r["nomor"] if r["nomor"] not in pending else None,
                                "issuedAt": _iso(r["terbit_date"], office, h.utc),
                                "validUntil": _iso(r["berlaku_date"], office, h.utc)} if has_cert else None,
            })
        elif h.json_lang == "en":
            recs.append({
                "full_name": r["nama"], "id_number": nik, "gender": "male" if r["sex"] == "L" else "female",
                "birth_place": r["tempat"], "birth_date": r["lahir_date"].isoformat() if r["lahir"] else None,
                "occupation": r["jabatan"], "level": level,
                "assessment_result": "competent" if k else "not yet competent",
                "program_year": r["tahun"],
                "certificate": {"number": r["nomor"] if r["nomor"] not in pending else None,
                                "issued_at": _iso(r["terbit_date"], office, h.utc),
                                "expires_at": _iso(r["berlaku_date"], office, h.utc)} if has_cert else None,
            })
        else:
            recs.append({
                "nama": r["nama"], "nik": nik, "jenis_kelamin": r["jk"], "tempat_lahir": r["tempat"],
                "tanggal_lahir": r["lahir_date"].isoformat() if r["lahir"] else None, "jabatan_kerja": r["jabatan"],
                "jenjang": level,
                "hasil": "Kompeten" if k else "Belum Kompeten", "tahun": r["tahun"],
                "sertifikat": {"nomor": r["nomor"], "tanggal_terbit": _iso(r["terbit_date"], office, h.utc),
                               "berlaku_sampai": _iso(r["berlaku_date"], office, h.utc)} if has_cert else None,
            })
    size = 40
    pages = [recs[i:i + size] for i in range(0, len(recs), size)] or [[]]
    if h.json_shape == "list":
        return [json.dumps(recs, ensure_ascii=False).encode("utf-8")]
    if h.json_shape == "items":
        return [json.dumps({"status": "success", "data": {"items": page, "pagination": {
            "page": i + 1, "limit": size, "total": len(recs), "has_next": i + 1 < len(pages)}}},
            ensure_ascii=False).encode("utf-8") for i, page in enumerate(pages)]
    return [json.dumps({"page": i + 1, "per_page": size, "total": len(recs), "total_pages": len(pages),
                        "data": page}, ensure_ascii=False, indent=1).encode("utf-8")
            for i, page in enumerate(pages)]


def _attendance(w: World, office: str, rows: list[dict], extra: list[Person]) -> bytes:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar Hadir"
    ws.append(["DAFTAR HADIR PESERTA BIMBINGAN TEKNIS TENAGA KERJA KONSTRUKSI"])
    ws.append([OFFICE[office]["name"].upper()])
    ws.append([])
    ws.append(["No", "Nama", "NIK", "Alamat / Instansi", "Tanda Tangan"])
    for i, r in enumerate(rows, 1):
        ws.append([i, r["nama"], w.persons[w.certs[r["cid"]].pid].nik, "", f"{i}. ......"])
    for i, p in enumerate(extra, len(rows) + 1):
        ws.append([i, p.name.upper(), p.nik, "", f"{i}. ......"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pids(w: World, rows: list[dict]) -> list[str]:
    """The person of each rendered row, in order."""
    return [w.certs[r["cid"]].pid for r in rows]


def _write_files(w: World, rng: random.Random) -> None:
    mess = w.mess
    stems = {}
    for o in OFFICES:
        oid = o["id"]
        certs = [c for c in w.certs if c.office == oid]
        rng.shuffle(certs)
        certs.sort(key=lambda c: c.issued.year)
        h = _habits(rng, mess, o["level"] == "province")
        if "dup" in mess:
            # a row typed twice, right below itself
            certs = [x for c in certs for x in ([c, c] if rng.random() < 0.03 else [c])]
        rows = _rows(w, oid, certs, h, rng)
        w.order[oid] = [c.cid for c in certs]
        place = o["name"].replace("Dinas PUPR ", "").replace("Provinsi ", "Prov ")
        stem = rng.choice([f"Data SKK {place}", f"Rekap Sertifikasi {place} 2019-2026",
                           f"Hasil Uji Kompetensi {place}"])
        stems[oid] = (stem, h)
        w.notes.append(f"{oid}: {h.style} {h}")
        if h.style in ("xlsx_title", "xlsx_flat"):
            if h.sheet_per_batch:
                batches: dict[str, list[dict]] = {}
                for r in rows:
                    year = w.certs[r["cid"]].issued.year
                    batches.setdefault(f"Tahap {ROMAN[min(year - 2018, 9)]}", []).append(r)
            else:
                if h.merge_person:
                    # a holder list: each person's certificates together, in the order first met
                    first = {}
                    for i, r in enumerate(rows):
                        first.setdefault(w.certs[r["cid"]].pid, i)
                    rows = sorted(rows, key=lambda r: first[w.certs[r["cid"]].pid])
                    w.order[oid] = [r["cid"] for r in rows]
                batches = {"Sheet1": rows}
            data = _xlsx(w, oid, batches, h, rng, title=h.style == "xlsx_title")
            w.files[f"{oid}/{stem}.xlsx"] = data
            w.file_rows[f"{oid}/{stem}.xlsx"] = {sheet[:31]: _pids(w, b) for sheet, b in batches.items()}
            ext = "xlsx"
        elif h.style == "csv":
            data = _csv(w, oid, rows, h, rng)
            w.files[f"{oid}/{stem}.csv"] = data
            w.file_rows[f"{oid}/{stem}.csv"] = {"": _pids(w, rows)}
            ext = "csv"
        elif h.style == "xls":
            data = _xls(w, oid, rows, h, rng)
            w.files[f"{oid}/{stem}.xls"] = data
            w.file_rows[f"{oid}/{stem}.xls"] = {"": _pids(w, rows)}
            ext = "xls"
        elif h.style == "ods":
            data = _ods(w, oid, rows, h, rng)
            w.files[f"{oid}/{stem}.ods"] = data
            w.file_rows[f"{oid}/{stem}.ods"] = {"": _pids(w, rows)}
            ext = "ods"
        elif h.style == "html_xls":
            data = _html_xls(w, oid, rows, h, rng)
            w.files[f"{oid}/{stem}.xls"] = data
            w.file_rows[f"{oid}/{stem}.xls"] = {"": _pids(w, rows)}
            ext = "xls"
        else:
            pages = _json_pages(w, oid, rows, h, rng)
            for i, page in enumerate(pages, 1):
                w.files[f"{oid}/export_sertifikasi_page{i}.json"] = page
                per_page = len(rows) if len(pages) == 1 else 40
                w.file_rows[f"{oid}/export_sertifikasi_page{i}.json"] = {
                    "": _pids(w, rows[(i - 1) * per_page:i * per_page])}
            ext = "json"
        stems[oid] = (stem, h, ext, data if ext != "json" else None)

    offices = [o["id"] for o in OFFICES]
    flat = [oid for oid in offices if stems[oid][2] in ("xlsx", "csv", "xls", "ods")]
    if "copies" in mess and flat:
        oid = rng.choice(flat)
        stem, _, ext, data = stems[oid]
        w.files[f"{oid}/{stem} (1).{ext}"] = data
        w.file_rows[f"{oid}/{stem} (1).{ext}"] = w.file_rows[f"{oid}/{stem}.{ext}"]
        w.notes.append(f"copy: {oid}/{stem} (1).{ext}")
    if "revision" in mess and flat:
        oid = rng.choice(flat)
        stem, h, ext, data = stems[oid]
        # the first version had one Belum Kompeten marked Kompeten; the revision corrects it
        bk = [c for c in w.certs if c.office == oid and c.result == "BK"]
        if bk and ext == "xlsx":
            wrong = rng.choice(bk)
            wrong.result = "K"
            rows = _rows(w, oid, [c for c in sorted(w.certs, key=lambda c: c.issued.year) if c.office == oid],
                         h, random.Random(w.seed + 1))
            wrong.result = "BK"
            w.files[f"{oid}/{stem}.{ext}"] = _xlsx(w, oid, {"Sheet1": rows}, h, random.Random(w.seed + 2), False)
            w.files[f"{oid}/{stem}_revisi.{ext}"] = data
            w.file_rows[f"{oid}/{stem}_revisi.{ext}"] = w.file_rows[f"{oid}/{stem}.{ext}"]
            w.file_rows[f"{oid}/{stem}.{ext}"] = {"Sheet1": _pids(w, rows)}
            w.notes.append(f"revision: {oid}/{stem}_revisi.{ext} (cert {wrong.cid} BK)")
    if "attendance" in mess:
        oid = rng.choice([o for o in offices if OFFICE[o]["level"] != "province"])
        certs = [c for c in w.certs if c.office == oid and c.issued.year == 2025][:25]
        h = stems[oid][1]
        rows = _rows(w, oid, certs, h, random.Random(w.seed + 3))
        extra = []
        for i in range(3):
            # came to the training, never assessed: a person all the same
            p = Person(f"{oid}-hadir{i}", rng.choice(FIRST_M), [rng.choice(SECOND)], OFFICE[oid]["region_code"].replace(".", ""),
                       rng.randint(1, 15), date(rng.randint(1970, 2000), rng.randint(1, 12), rng.randint(1, 28)), "L", 0)
            p.serial = 50 + i  # clear of the serials the world gave
            w.persons[p.pid] = p
            w.in_files.add(p.pid)
            extra.append(p)
        w.files[f"{oid}/Daftar Hadir Bimtek 2025.xlsx"] = _attendance(w, oid, rows, extra)
        w.file_rows[f"{oid}/Daftar Hadir Bimtek 2025.xlsx"] = {"Daftar Hadir": _pids(w, rows) + [p.pid for p in extra]}
    if "stray" in mess:
        # Kabupaten Karo (12.06) has no registry office: its list, sent to a neighbour's folder, counts
        # for no one, and its workers are no persons of this world
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI"])
        ws.append(["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN KARO"])
        ws.append([])
        ws.append(["No", "Nama", "NIK", "Tempat, Tanggal Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                   "Tgl Terbit"])
        for i in range(10):
            born = date(rng.randint(1970, 2000), rng.randint(1, 12), rng.randint(1, 28))
            nik = f"1206{rng.randint(1, 15):02d}{born.day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 9):04d}"
            ws.append([i + 1, f"{rng.choice(FIRST_M)} {rng.choice(SECOND)}", nik, f"Kabanjahe, {fmt_date(born, 'dmy-')}",
                       "L", rng.choice(JABATAN["operator"]), rng.choice([1, 2, 3]), "K",
                       fmt_date(_issue_date(rng, 2022), "dmy-")])
        buf = io.BytesIO()
        wb.save(buf)
        target = rng.choice(["kota-medan", "kab-deli-serdang"])
        w.files[f"{target}/Peserta UK Kabupaten Karo 2024.xlsx"] = buf.getvalue()
        w.file_rows[f"{target}/Peserta UK Kabupaten Karo 2024.xlsx"] = {"": [None] * 10}
        w.notes.append(f"stray: Karo's list in {target}")
    if "misfiled" in mess and flat:
        oid = rng.choice(flat)
        other = rng.choice([o for o in offices if o != oid])
        stem, _, ext, data = stems[oid]
        w.files[f"{other}/{stem}.{ext}"] = data
        w.file_rows[f"{other}/{stem}.{ext}"] = w.file_rows[f"{oid}/{stem}.{ext}"]
        w.notes.append(f"misfiled: {oid}'s {stem}.{ext} also in {other}")
        # and a file whose title names its office, sent only to another office's folder: it
        # counts for the office it names
        titled = [o for o in flat if o != oid and stems[o][1].style in ("xlsx_title", "xls", "ods", "html_xls")]
        if titled:
            oid = rng.choice(titled)
            other = rng.choice([o for o in offices if o != oid])
            stem, _, ext, data = stems[oid]
            del w.files[f"{oid}/{stem}.{ext}"]
            w.files.pop(f"{oid}/{stem} (1).{ext}", None)
            w.files[f"{other}/{stem}.{ext}"] = data
            w.file_rows[f"{other}/{stem}.{ext}"] = w.file_rows.pop(f"{oid}/{stem}.{ext}")
            w.file_rows.pop(f"{oid}/{stem} (1).{ext}", None)
            w.notes.append(f"misfiled only: {oid}'s {stem}.{ext} in {other}")
