"""Blind world 5: eastern Indonesia after the 2022 Papua split, and West Java / Jakarta.

Written from DOMAIN.md, the seeds, the README and docs/warehouse.md only, before any pipeline
code was read. Three batches of offices:

1. Papua after the split: the rump Papua province (91) and Kota Jayapura, Papua Selatan (93)
   with Kabupaten Merauke, which was 91.01 until 2022 and is 93.01 now (its 2021 file still says
   "PROVINSI PAPUA" and "Kode Wilayah 91.01"; everyone registered before the split keeps a 9101
   NIK), Mimika (was 91.09, now 94.04, Papua Tengah) and Kota Sorong (was 92.71, now 96.71, Papua
   Barat Daya). Every Papua NIK is above 2**53, so a float column changes its last digits: pandas
   exports ("9101014505900012.0"), a JavaScript portal's JSON numbers, LibreOffice .ods float cells
   shown as "9.10901E+15", Excel numeric cells cut to 15 digits. Names: Christian given names with
   their spellings (Yohanis / Johanis / Yohanes), baptismal names shortened ("Yoh.", "Fr.", "FX."),
   clan names (Wenda, Kogoya, Rumbiak, Gebze, Mahuze) written first or last; Javanese transmigrants
   in Merauke.
2. NTT (Kota Kupang, Kabupaten Sikka with a sheet per kecamatan, the province with a "Nama dan
   Gelar" column), Maluku (Kota Ambon in .ods) and Maluku Utara (Kota Ternate: "Hi." for haji,
   separate title columns), Kabupaten Minahasa (Johanis / Yohanis across years, an attendance
   list), Kota Gorontalo (Moh. / Mohamad). Google Sheets CSV exports with a UTF-8 BOM.
3. West Java (the province recap, Kabupaten Bandung, Kabupaten Garut) and DKI Jakarta: Sundanese
   names (Asep, Ujang, Cecep, Dede; one-word names; namesakes in one list), Chinese-Indonesian
   names with the Chinese name in brackets, Batak "Lumban Tobing" written three ways; a re-sent
   corrected file, a misfiled file, a byte copy.

The truth is counted from this module's model (persons, assessments, the office credited), never
by pipeline code: headline cells (credited region, jenjang) -> distinct certified persons; persons;
certificates; every participant row written with its person.

``python tests/blind_generator_5.py OUT [SEED]`` writes ``OUT/landing``, ``OUT/offices.yaml``
and prints the truth's size.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

SEED = 5505
BATCHES = (1, 2, 3)  # the batches written so far (each committed with its truth before its run)

OFFICES = [
    # id, registry name, level, region code, batch
    ("prov-papua", "Dinas PUPR Provinsi Papua", "province", "91", 1),
    ("kota-jayapura", "Dinas PUPR Kota Jayapura", "city", "91.71", 1),
    ("prov-papua-selatan", "Dinas PUPR Provinsi Papua Selatan", "province", "93", 1),
    ("kab-merauke", "Dinas PUPR Kabupaten Merauke", "regency", "93.01", 1),
    ("kab-mimika", "Dinas PUPR Kabupaten Mimika", "regency", "94.04", 1),
    ("kota-sorong", "Dinas PUPR Kota Sorong", "city", "96.71", 1),
    ("prov-ntt", "Dinas PUPR Provinsi Nusa Tenggara Timur", "province", "53", 2),
    ("kota-kupang", "Dinas PUPR Kota Kupang", "city", "53.71", 2),
    ("kab-sikka", "Dinas PUPR Kabupaten Sikka", "regency", "53.07", 2),
    ("prov-maluku", "Dinas PUPR Provinsi Maluku", "province", "81", 2),
    ("kota-ambon", "Dinas PUPR Kota Ambon", "city", "81.71", 2),
    ("kota-ternate", "Dinas PUPR Kota Ternate", "city", "82.71", 2),
    ("kab-minahasa", "Dinas PUPR Kabupaten Minahasa", "regency", "71.02", 2),
    ("kota-gorontalo", "Dinas PUPR Kota Gorontalo", "city", "75.71", 2),
    ("prov-jabar", "Dinas Bina Marga dan Penataan Ruang Provinsi Jawa Barat", "province", "32", 3),
    ("kab-bandung", "Dinas PUTR Kabupaten Bandung", "regency", "32.04", 3),
    ("kab-garut", "Dinas PUPR Kabupaten Garut", "regency", "32.05", 3),
    ("prov-dki", "Dinas Cipta Karya, Tata Ruang dan Pertanahan Provinsi DKI Jakarta", "province", "31", 3),
]
REGION_OF = {o[0]: o[3] for o in OFFICES}
BATCH_OF = {o[0]: o[4] for o in OFFICES}

# (NIK region PPRR, birth place) per culture; the NIK keeps the code of first registration:
# Merauke 9101, Jayawijaya 9102, Mimika 9109 and Kota Sorong 9271 before the 2022 split.
HOMES = {
    "papua_coast": [("9171", "Jayapura"), ("9103", "Sentani"), ("9106", "Biak"), ("9105", "Serui")],
    "papua_high": [("9102", "Wamena"), ("9102", "Wamena"), ("9171", "Jayapura")],
    "merauke": [("9101", "Merauke"), ("9101", "Merauke"), ("9301", "Merauke")],
    "mimika": [("9109", "Timika"), ("9109", "Timika"), ("9404", "Timika")],
    "sorong": [("9271", "Sorong"), ("9271", "Sorong"), ("9201", "Aimas")],
    "transmigran": [("9101", "Merauke"), ("9101", "Kurik"), ("3506", "Kediri")],
    "timor": [("5371", "Kupang"), ("5301", "Kupang"), ("5314", "Rote")],
    "flores": [("5307", "Maumere"), ("5307", "Maumere"), ("5308", "Ende")],
    "ambon": [("8171", "Ambon"), ("8101", "Masohi")],
    "ternate": [("8271", "Ternate"), ("8272", "Tidore")],
    "minahasa": [("7102", "Tondano"), ("7171", "Manado"), ("7102", "Tondano")],
    "gorontalo": [("7571", "Gorontalo"), ("7501", "Limboto")],
    "sunda": [("3204", "Bandung"), ("3205", "Garut"), ("3273", "Bandung")],
    "jakarta": [("3175", "Jakarta"), ("3174", "Jakarta"), ("3171", "Jakarta")],
}

# given names (men, women) and family / clan names per culture
GIVEN = {
    "papua_coast": (["Yohanis", "Yulius", "Markus", "Petrus", "Otniel", "Yance", "Soleman", "Daniel",
                     "Agustinus", "Oktovianus", "Yakobus", "Benyamin"], ["Yuliana", "Debora", "Selfina", "Ribka"]),
    "papua_high": (["Yohanis", "Yulius", "Yakobus", "Melkias", "Otniel", "Yeremias", "Nikolaus", "Elias",
                    "Yosias", "Markus"], ["Maria", "Martha", "Yohana"]),
    "merauke": (["Fransiskus Xaverius", "Yohanes", "Agustinus", "Petrus", "Nikolaus", "Paulus",
                 "Yosep", "Bernadus"], ["Maria Goreti", "Elisabeth", "Rosalina"]),
    "mimika": (["Yohanis", "Yakobus", "Titus", "Marthen", "Yosias", "Agustinus"], ["Yuliana", "Debora"]),
    "sorong": (["Yohanis", "Soleman", "Yance", "Hendrik", "Obeth", "Daud"], ["Selfina", "Adolina"]),
    "transmigran": (["Sutrisno", "Slamet", "Suparman", "Agus", "Wahyudi", "Sugeng"], ["Sri Wahyuni", "Siti Aminah"]),
    "timor": (["Yohanis", "Yermias", "Marthen", "Daniel", "Yusuf", "Arnoldus", "Semuel"], ["Yuliana", "Sarlince"]),
    "flores": (["Fransiskus Xaverius", "Yohanes Don Bosco", "Petrus", "Paulus", "Yosef", "Aloysius",
                "Benediktus", "Kristoforus"], ["Maria Goreti", "Theresia", "Yosefina"]),
    "ambon": (["Johanis", "Marthin", "Ferdinand", "Abraham", "Rizal", "Hasan", "Yusuf", "Frans"],
              ["Maria", "Nona", "Siti"]),
    "ternate": (["Muhammad", "Abdullah", "Rusli", "Ronal", "Iskandar", "Sahrul", "Umar"], ["Nurlela", "Fatma"]),
    "minahasa": (["Johanis", "Stevi", "Frangky", "Marthen", "Noldy", "Henzly", "Jefry", "Rolly", "Maxi"],
                 ["Meiske", "Lenny", "Grace"]),
    "gorontalo": (["Mohamad", "Rizal", "Yusuf", "Rahmat", "Sofyan", "Irfan", "Hamzah"], ["Nurain", "Sri"]),
    "sunda": (["Asep", "Ujang", "Cecep", "Dede", "Dadang", "Usep", "Aep", "Yayan", "Eman", "Encep", "Jajang",
               "Iwan"], ["Euis", "Neneng", "Iis", "Enung"]),
    "jakarta": (["Budi", "Hendra", "Rudy", "Andi", "Dedi", "Yohanes"], ["Lilis", "Rina"]),
}
FAMILY = {
    "papua_coast": ["Rumbiak", "Mofu", "Rumkorem", "Ayomi", "Sawaki", "Wompere", "Kaisiepo", "Mandowen", "Itlay"],
    "papua_high": ["Wenda", "Kogoya", "Tabuni", "Murib", "Yikwa", "Wanimbo", "Enumbi", "Gobay", "Pigai"],
    "merauke": ["Gebze", "Mahuze", "Kaize", "Ndiken", "Balagaize", "Basik-Basik"],
    "mimika": ["Beanal", "Magal", "Natkime", "Omaleng", "Kemong", "Kum"],
    "sorong": ["Malak", "Kalami", "Klawen", "Su", "Mobalen", "Ulimpa"],
    "transmigran": [None, None, "Riyadi", "Santoso", "Purnomo"],
    "timor": ["Tanaem", "Nenobais", "Banunaek", "Nope", "Manafe", "Ndoen", "Mooy", "Messakh"],
    "flores": ["Parera", "Da Costa", "Da Silva", "Kleden", "Lewar", "Fernandez", "Moa", "Wangge"],
    "ambon": ["Pattiasina", "Latuheru", "Tuhumury", "de Fretes", "Sahetapy", "Leatemia", "Tuasikal", "Ohorella"],
    "ternate": ["Jumati", "Sangaji", "Kasuba", "Abdullah", "Umasangaji", "Tomagola"],
    "minahasa": ["Rondonuwu", "Wewengkang", "Kindangen", "Paath", "Lengkong", "Waturandang", "Sumual",
                 "Rumondor", "Poluakan", "Moningkey"],
    "gorontalo": ["Hulopi", "Pakaya", "Tangahu", "Mooduto", "Dunggio", "Katili", "Lamatenggo"],
    "sunda": ["Saepudin", "Suherman", "Supriatna", "Rohman", "Sopyan", "Sulaeman", None, None, None],
    "jakarta": ["Santoso", "Gunawan", "Lumban Tobing", "Hutabarat", "Wijaya", "Tanoto", "Setiadi"],
}
CHINESE = ["Lie Kian Hok", "Tan Kok Hwa", "Oey Tjin Liang", "Liem Swie Tjong"]

# a clerk's shortening of a baptismal name (FX. for Fransiskus Xaverius, Yoh. for Yohanes)
BAPTISMAL = {"Fransiskus Xaverius": ["FX.", "Fr. X.", "F.X."], "Yohanes Don Bosco": ["Yoh. Don Bosco", "Y.D.B."],
             "Yohanes": ["Yoh."], "Yohanis": ["Yoh."], "Johanis": ["Joh."], "Agustinus": ["Agust."],
             "Maria Goreti": ["Ma. Goreti", "M. Goreti"], "Mohamad": ["Moh."], "Muhammad": ["M."]}
# spelling variants in j/y and the like (DOMAIN: pre-1972 spelling, Sundanese p/f)
SPELLING = {"Yohanis": "Johanis", "Johanis": "Yohanis", "Yulius": "Julius", "Yakobus": "Jakobus",
            "Yohanes": "Johanes", "Yance": "Jance", "Yosep": "Josep", "Oktovianus": "Oktavianus",
            "Saepudin": "Saefudin", "Sopyan": "Sofyan", "Sulaeman": "Sulaiman", "Supriatna": "Supriyatna",
            "Yermias": "Yeremias", "Yosef": "Josef", "Mohamad": "Muhamad"}

JABATAN = {
    1: ["Tukang Pasang Bata", "Pekerja Besi Beton"],
    2: ["Tukang Batu", "Tukang Kayu", "Tukang Besi Beton"],
    3: ["Operator Excavator", "Operator Bulldozer", "Operator Crane", "Juru Ukur"],
    4: ["Mandor Tukang Batu", "Mandor Pembesian"],
    5: ["Teknisi Laboratorium Beton", "Pelaksana Lapangan Pekerjaan Gedung"],
    6: ["Pelaksana Lapangan Pekerjaan Jalan", "Pengawas Pekerjaan Struktur Bangunan Gedung"],
    7: ["Ahli Muda Teknik Jalan", "Ahli Muda K3 Konstruksi", "Ahli Muda Teknik Bangunan Gedung"],
    8: ["Ahli Madya Teknik Jalan", "Ahli Madya Teknik Jembatan"],
    9: ["Ahli Utama Manajemen Konstruksi"],
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]


@dataclass
class Person:
    pid: int
    culture: str
    given: list
    family: str | None
    nik: str
    sex: str
    birth: date
    place: str
    chinese: str | None = None
    front: str = ""   # academic / haji title in front ("Ir.", "Hi.")
    back: str = ""    # degree after the name ("S.T.", "M.T.")

    def full(self) -> str:
        """The name as on the KTP (titles are not part of it)."""
        return " ".join(self.given + ([self.family] if self.family else []))


@dataclass
class Assess:
    """One assessment (or one training attendance) of a person, as the reporting office knows it."""

    person: Person
    jabatan: str
    jenjang: int | None
    hasil: str | None       # "K", "BK", None (attendance / training only)
    cert: str | None        # the certificate's identity in the model (K only)
    number: str | None      # the registration number as known to this office (may be missing)
    issued: date | None
    year: int
    program: str
    re_report: bool = False  # a province recap row of a regency/city office's certificate


@dataclass
class FileRec:
    office: str            # the folder it lands in
    name: str
    counts_at: str | None  # the office it counts at; None: must not count (copy, replaced first version)
    batch: int
    rows: list = field(default_factory=list)  # (sheet, source row, Assess)
    kind: str = "list"     # "list" or "attendance"
    note: str = ""


class World:
    """Persons, assessments and files; the truth is counted from here."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.persons: list[Person] = []
        self.files: list[FileRec] = []
        self._serial: dict[str, int] = {}
        self._cert = 0
        self._held: dict[int, set] = {}   # pid -> {(jabatan, jenjang)} held, so a cert is one per pair

    def person(self, culture: str, sex: str | None = None, given: list | None = None,
               family: str | None = "", born_after: int = 1965) -> Person:
        rng = self.rng
        sex = sex or ("P" if rng.random() < 0.12 else "L")
        men, women = GIVEN[culture]
        first = given or rng.choice(women if sex == "P" else men).split()
        fam = rng.choice(FAMILY[culture]) if family == "" else family
        region, place = rng.choice(HOMES[culture])
        birth = date(born_after, 1, 1) + timedelta(days=rng.randrange(0, 365 * (2003 - born_after)))
        if region in ("9301", "9404"):  # a KTP issued after the 2022 split: 17 after mid-2022
            birth = date(2005, 7, 1) + timedelta(days=rng.randrange(0, 540))
        self._serial[region] = self._serial.get(region, 0) + 1
        nik = (f"{region}{rng.randint(1, 15):02d}{birth.day + (40 if sex == 'P' else 0):02d}"
               f"{birth.month:02d}{birth.year % 100:02d}{self._serial[region] + rng.randint(0, 3) * 1000:04d}")
        if region.startswith("9") and int(nik) % 2 == 0:
            # an odd last digit: a float64 cannot hold it above 2**53, so float damage is visible
            nik = nik[:-1] + str(int(nik[-1]) + 1)
        p = Person(len(self.persons) + 1, culture, list(first), fam, nik, sex, birth, place)
        self.persons.append(p)
        return p

    def number(self, office: str, year: int) -> str:
        self._cert += 1
        code = REGION_OF[office].replace(".", "")
        return f"SKK-{code}-{year}-{self._cert:05d}"

    def assess(self, p: Person, office: str, jenjang: int, year: int, program: str, hasil: str | None = None,
               jabatan: str | None = None, numbered: float = 0.85) -> Assess:
        rng = self.rng
        hasil = hasil or ("K" if rng.random() < 0.9 else "BK")
        held = self._held.setdefault(p.pid, set())
        options = [j for j in JABATAN[jenjang] if (j, jenjang) not in held]
        jab = jabatan or rng.choice(options or JABATAN[jenjang])
        cert = number = issued = None
        if hasil == "K":
            held.add((jab, jenjang))
            number = self.number(office, year)
            cert = number
            issued = date(year, rng.randint(3, 11), rng.randint(1, 28))
            if rng.random() > numbered:
                number = None  # "dalam proses": the number arrives later
        return Assess(p, jab, jenjang, hasil, cert, number, issued, year, program)

    def truth(self) -> dict:
        headline: dict[str, set] = {}
        persons: set[int] = set()
        certificates: set[str] = set()
        rows = []
        for f in self.files:
            for sheet, src_row, a in f.rows:
                rows.append({"office": f.office, "file": f.name, "sheet": sheet, "row": src_row,
                             "person": a.person.pid, "counts": f.counts_at is not None, "kind": f.kind,
                             "batch": f.batch})
            if f.counts_at is None:
                continue
            for _s, _r, a in f.rows:
                persons.add(a.person.pid)
                if a.hasil == "K":
                    certificates.add(a.cert)
                    if not a.re_report:
                        headline.setdefault(f"{REGION_OF[f.counts_at]}|{a.jenjang}", set()).add(a.person.pid)
        return {
            "headline": {k: len(v) for k, v in sorted(headline.items())},
            "headline_persons": {k: sorted(v) for k, v in sorted(headline.items())},
            "persons": len(persons),
            "certificates": len(certificates),
            "rows": rows,
            "files": [{"office": f.office, "name": f.name, "counts_at": f.counts_at, "batch": f.batch,
                       "kind": f.kind, "note": f.note, "rows": len(f.rows)} for f in self.files],
        }


# ------------------------------------------------------------------ how clerks write things
def written_name(p: Person, style: str, rng: random.Random) -> str:
    """The person's name as one clerk writes it."""
    given, fam = list(p.given), p.family
    if style == "spelling":
        given = [SPELLING.get(g, g) for g in given]
        fam = SPELLING.get(fam, fam) if fam else fam
    if style == "baptismal":
        for k, shorts in BAPTISMAL.items():
            joined = " ".join(given)
            if joined.startswith(k) and (fam or len(given) > len(k.split())):
                given = [rng.choice(shorts)] + given[len(k.split()):]
                break
    if style == "middle_initial" and len(given) > 1:
        given = [given[0]] + [g[0] + "." for g in given[1:]]
    if style == "marga_first" and fam:
        return f"{fam} {' '.join(given)}".upper()
    if style == "batak" and fam == "Lumban Tobing":
        fam = rng.choice(["Lumbantobing", "L. Tobing", "L.Tobing"])
    name = " ".join(given + ([fam] if fam else []))
    if style == "chinese" and p.chinese:
        name = f"{name} ({p.chinese})"
    if style == "titled":
        name = " ".join(x for x in (p.front, name) if x) + (f", {p.back}" if p.back else "")
    if style in ("upper", "marga_first", "titled_upper"):
        name = name.upper()
    return name


def nik_text(p: Person, damage: str) -> str | int | float | None:
    """The NIK as it reaches a cell: text, or the number a float / Excel made of it."""
    n = p.nik
    if damage == "clean":
        return n
    if damage == "apostrophe":
        return "'" + n
    if damage == "spaces":
        return f"{n[:6]} {n[6:12]} {n[12:]}"
    if damage == "dots":
        return f"{n[:2]}.{n[2:4]}.{n[4:6]}.{n[6:12]}.{n[12:]}"
    if damage == "excel15":   # an Excel number cell: 15 significant digits
        return int(n[:15] + "0")
    if damage == "float":     # a float64 column: the nearest double
        return float(int(n))
    if damage == "pandas":    # a pandas float column written to CSV
        return repr(float(int(n)))
    if damage == "sci":       # Excel's General format on a narrow column
        return f"{float(n):.5E}".replace("E+", "E+")
    if damage == "missing":
        return "-"
    raise ValueError(damage)


def ttl(p: Person, how: str) -> str:
    d = p.birth
    if how == "bulan":
        return f"{p.place}, {d.day} {BULAN[d.month - 1]} {d.year}"
    if how == "slash":
        return f"{p.place}, {d:%d/%m/%Y}"
    return f"{p.place}, {d:%d-%m-%Y}"


def level_text(j: int | None, how: str) -> str | int | None:
    if j is None:
        return None
    if how == "roman":
        return f"KKNI {ROMAN[j]}"
    if how == "jenjang":
        return f"Jenjang {j}"
    if how == "number":
        return j
    if how == "kualifikasi":
        return {7: "Ahli Muda", 8: "Ahli Madya", 9: "Ahli Utama"}.get(j, f"Level {j}")
    return str(j)


def hasil_text(h: str | None, how: str) -> str | None:
    if h is None:
        return None
    if how == "short":
        return h
    if how == "upper":
        return {"K": "KOMPETEN", "BK": "BELUM KOMPETEN"}[h]
    return {"K": "Kompeten", "BK": "Belum Kompeten"}[h]


# ------------------------------------------------------------------ file writers
def _put(ws, r, c, value, text_cols=()):
    cell = ws.cell(r, c, value)
    if isinstance(value, (datetime, date)):
        cell.number_format = "DD/MM/YYYY"
    elif isinstance(value, int) and value > 10**14:
        cell.number_format = "0"
    elif c in text_cols:
        cell.number_format = "@"


def sheet_table(ws, titles, header, rows, *, header2=None, text_cols=()):
    """Title rows merged over the table, a blank row, the header (optionally a second header
    row under it), the rows. Returns the spreadsheet row of the first data row."""
    for i, t in enumerate(titles, 1):
        ws.cell(i, 1, t)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=len(header))
    top = len(titles) + 2 if titles else 1
    for c, h in enumerate(header, 1):
        ws.cell(top, c, h)
    if header2:
        for c, h in enumerate(header2, 1):
            if h:
                ws.cell(top + 1, c, h)
        top += 1
    for r, values in enumerate(rows, top + 1):
        for c, v in enumerate(values, 1):
            _put(ws, r, c, v, text_cols)
    return top + 1


def save(wb, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def ods_bytes(sheets: list[tuple[str, list[list]]], trailing_repeat: int = 0) -> bytes:
    """A LibreOffice Calc .ods: cells typed as LibreOffice stores them (floats with the value and
    the displayed text, dates as date-value); ``trailing_repeat`` adds the formatted empty rows
    LibreOffice writes below a table when whole columns carry a style."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
           'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
           '<office:body><office:spreadsheet>']
    for name, rows in sheets:
        out.append(f'<table:table table:name="{escape(name)}">')
        for row in rows:
            out.append("<table:table-row>")
            if not row:
                out.append("<table:table-cell/>")
            for v in row:
                if v is None or v == "":
                    out.append("<table:table-cell/>")
                elif isinstance(v, tuple):  # (float value, displayed text)
                    value = str(int(v[0])) if float(v[0]).is_integer() else repr(v[0])
                    out.append(f'<table:table-cell office:value-type="float" office:value="{value}">'
                               f"<text:p>{escape(v[1])}</text:p></table:table-cell>")
                elif isinstance(v, (int, float)):
                    out.append(f'<table:table-cell office:value-type="float" office:value="{v}">'
                               f"<text:p>{v}</text:p></table:table-cell>")
                elif isinstance(v, date):
                    out.append(f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}">'
                               f"<text:p>{v:%d/%m/%Y}</text:p></table:table-cell>")
                else:
                    out.append(f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}'
                               "</text:p></table:table-cell>")
            out.append("</table:table-row>")
        if trailing_repeat:
            out.append(f'<table:table-row table:number-rows-repeated="{trailing_repeat}">'
                       '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
        out.append("</table:table>")
    out.append("</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "".join(out))
        z.writestr("META-INF/manifest.xml", manifest)
    return buf.getvalue()


def csv_text(rows: list[list], delimiter: str = ",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def d(x: date | None):
    return datetime(x.year, x.month, x.day) if x else None


# ------------------------------------------------------------------ batch 1: Papua after the split
def batch_papua(w: World, land: Path) -> None:
    rng = w.rng
    P = w.person
    # persons
    merauke = [P("merauke") for _ in range(14)] + [P("transmigran") for _ in range(6)]
    mimika = [P("mimika") for _ in range(10)] + [P("papua_high") for _ in range(4)]
    jayapura = [P("papua_coast") for _ in range(12)] + [P("papua_high") for _ in range(6)]
    sorong = [P("sorong") for _ in range(10)]
    ahli_papua = [P("papua_coast", born_after=1965) for _ in range(6)] + merauke[:3] + mimika[:2]
    for p in ahli_papua:
        p.front, p.back = rng.choice([("", "S.T."), ("Ir.", ""), ("", "S.T., M.T."), ("", "A.Md.")])

    # -- Kabupaten Merauke 2021: before the split, the title says Provinsi Papua, code 91.01
    f = FileRec("kab-merauke", "DAFTAR_PESERTA_SERTIFIKASI_TUKANG_2021.xlsx", "kab-merauke", 1)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta"
    titles = ["PEMERINTAH KABUPATEN MERAUKE", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
              "DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN 2021",
              "Kode Wilayah: 91.01 - Kabupaten Merauke, Provinsi Papua"]
    header = ["No", "Nama Peserta", "NIK", "Tempat, Tanggal Lahir", "L/P", "Jabatan Kerja", "Jenjang",
              "Hasil Uji", "Nomor Sertifikat"]
    items, vals = [], []
    for i, p in enumerate(merauke[:14], 1):
        a = w.assess(p, "kab-merauke", rng.choice([1, 2, 3]), 2021, "Sertifikasi Tukang 2021")
        items.append(a)
        vals.append([i, written_name(p, rng.choice(["upper", "full", "baptismal"]), rng),
                     nik_text(p, rng.choice(["excel15", "clean", "clean", "apostrophe"])), ttl(p, "dash"),
                     p.sex, a.jabatan, level_text(a.jenjang, "roman"), hasil_text(a.hasil, "upper"), a.number])
    first = sheet_table(ws, titles, header, vals, text_cols=(9,))
    f.rows = [("Peserta", first + k, a) for k, a in enumerate(items)]
    save(wb, land / f.office / f.name)
    w.files.append(f)
    merauke_2021 = items

    # -- Kabupaten Merauke 2024: a pandas export (float NIK column), after the split
    f = FileRec("kab-merauke", "peserta_skk_merauke_2024.csv", "kab-merauke", 1)
    rows = [["nama", "nik", "tgl_lahir", "jk", "jabatan_kerja", "jenjang", "hasil", "no_sertifikat", "tahun"]]
    items = []
    for p in merauke[6:]:
        jen = rng.choice([2, 3, 4, 5])
        a = w.assess(p, "kab-merauke", jen, 2024, "Sertifikasi 2024")
        items.append(a)
        rows.append([written_name(p, rng.choice(["full", "spelling", "middle_initial"]), rng),
                     nik_text(p, "pandas"), p.birth.isoformat(), "L" if p.sex == "L" else "P", a.jabatan,
                     float(a.jenjang), hasil_text(a.hasil, "title"), a.number or "", 2024])
    (land / f.office).mkdir(parents=True, exist_ok=True)
    (land / f.office / f.name).write_text(csv_text(rows), encoding="utf-8")
    f.rows = [("", k + 2, a) for k, a in enumerate(items)]
    w.files.append(f)
    merauke_2024 = items

    # -- Kabupaten Merauke 2025 first version and its _revisi (a participant dropped, a level fixed)
    group = merauke[12:]
    items = [w.assess(p, "kab-merauke", 6, 2025, "Sertifikasi Pelaksana 2025", hasil="K") for p in group]
    for name, counts, drop in (("SERTIFIKASI_PELAKSANA_2025.xlsx", None, False),
                               ("SERTIFIKASI_PELAKSANA_2025_revisi.xlsx", "kab-merauke", True)):
        f = FileRec("kab-merauke", name, counts, 1, note="revision" if counts else "replaced first version")
        keep = items[:-1] if drop else items
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Pelaksana"
        vals = [[i, written_name(a.person, "upper", rng), a.person.nik, d(a.person.birth), a.person.sex, a.jabatan,
                 a.jenjang if drop else 5, "K", a.number] for i, a in enumerate(keep, 1)]
        first = sheet_table(ws, ["DAFTAR PESERTA SERTIFIKASI PELAKSANA LAPANGAN TAHUN 2025",
                                 "DINAS PUPR KABUPATEN MERAUKE PROVINSI PAPUA SELATAN"],
                            ["No", "Nama", "NIK", "Tgl Lahir", "JK", "Jabatan Kerja", "Jenjang", "Hasil",
                             "No. Registrasi"], vals, text_cols=(3,))
        f.rows = [("Pelaksana", first + k, a) for k, a in enumerate(keep)]
        save(wb, land / f.office / f.name)
        w.files.append(f)

    # -- Kabupaten Mimika (was Papua 91.09, now Papua Tengah 94.04): LibreOffice .ods, floats
    f = FileRec("kab-mimika", "Peserta Uji Kompetensi Mimika 2023.ods", "kab-mimika", 1)
    head = ["NO", "NAMA LENGKAP", "NIK", "TEMPAT LAHIR", "TANGGAL LAHIR", "JENIS KELAMIN", "JABATAN KERJA",
            "KUALIFIKASI", "JENJANG", "HASIL"]
    table = [["DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI"],
             ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN MIMIKA TAHUN 2023"], [], head]
    items = []
    for i, p in enumerate(mimika, 1):
        a = w.assess(p, "kab-mimika", rng.choice([1, 2, 3, 4]), 2023, "Uji Kompetensi 2023")
        items.append(a)
        dmg = rng.choice(["float", "float", "clean"])
        cell = (float(int(p.nik)), f"{float(int(p.nik)):.5E}".replace("E+", "E+")) if dmg == "float" else p.nik
        table.append([i, written_name(p, rng.choice(["upper", "marga_first", "full"]), rng), cell, p.place,
                      p.birth, "Laki-laki" if p.sex == "L" else "Perempuan", a.jabatan,
                      "Operator" if a.jenjang <= 3 else "Teknisi", a.jenjang, hasil_text(a.hasil, "title")])
    (land / f.office).mkdir(parents=True, exist_ok=True)
    (land / f.office / f.name).write_bytes(ods_bytes([("Sheet1", table)], trailing_repeat=1048500))
    f.rows = [("Sheet1", 5 + k, a) for k, a in enumerate(items)]
    w.files.append(f)
    mimika_2023 = items

    # -- Kota Jayapura: a sheet per distrik, marga first in one of them; one file in the province folder
    distrik = ["Abepura", "Heram", "Jayapura Selatan", "Jayapura Utara", "Muara Tami"]
    f = FileRec("kota-jayapura", "Rekap Peserta Sertifikasi per Distrik 2024.xlsx", "kota-jayapura", 1)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    items_all = []
    for k, name in enumerate(distrik):
        ws = wb.create_sheet(name)
        group = jayapura[k * 3:(k + 1) * 3] + ([jayapura[15 + k]] if 15 + k < len(jayapura) else [])
        items = [w.assess(p, "kota-jayapura", rng.choice([2, 3, 4, 5, 6]), 2024, f"Distrik {name}") for p in group]
        style = "marga_first" if name == "Heram" else rng.choice(["full", "upper"])
        vals = [[i, written_name(a.person, style, rng), nik_text(a.person, rng.choice(["clean", "spaces", "dots"])),
                 ttl(a.person, "bulan"), a.person.sex, a.jabatan, level_text(a.jenjang, "jenjang"),
                 hasil_text(a.hasil, "title"), a.number] for i, a in enumerate(items, 1)]
        first = sheet_table(ws, [f"DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI DISTRIK {name.upper()}",
                                 "DINAS PUPR KOTA JAYAPURA TAHUN 2024"],
                            ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
                             "No. Sertifikat"], vals, text_cols=(3,))
        f.rows += [(name, first + j, a) for j, a in enumerate(items)]
        items_all += items
    save(wb, land / f.office / f.name)
    w.files.append(f)

    # Kota Jayapura's 2025 list landed in the province office's folder: counts at Kota Jayapura
    f = FileRec("prov-papua", "DAFTAR_PESERTA_KOTA_JAYAPURA_2025.xlsx", "kota-jayapura", 1, note="misfiled")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025"
    group = jayapura[:4] + jayapura[12:14]
    items = [w.assess(p, "kota-jayapura", rng.choice([3, 4, 5]), 2025, "Sertifikasi 2025") for p in group]
    vals = [[i, written_name(a.person, "baptismal", rng), a.person.nik, d(a.person.birth), a.person.sex, a.jabatan,
             a.jenjang, hasil_text(a.hasil, "short"), a.number] for i, a in enumerate(items, 1)]
    first = sheet_table(ws, ["PEMERINTAH KOTA JAYAPURA", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
                             "DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN 2025"],
                        ["No", "Nama Peserta", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Ket",
                         "No. SKK"], vals, text_cols=(3,))
    f.rows = [("2025", first + k, a) for k, a in enumerate(items)]
    save(wb, land / f.office / f.name)
    w.files.append(f)

    # -- Provinsi Papua 2021 (before the split): experts from all of Papua; NIK typed as numbers
    f = FileRec("prov-papua", "REKAP_SERTIFIKASI_TENAGA_AHLI_2021.xlsx", "prov-papua", 1)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tenaga Ahli"
    items = [w.assess(p, "prov-papua", rng.choice([7, 7, 8]), 2021, "Sertifikasi Tenaga Ahli 2021")
             for p in ahli_papua]
    vals = [[i, written_name(a.person, "titled", rng), nik_text(a.person, "excel15"),
             ttl(a.person, "slash"), a.person.sex, a.jabatan, level_text(a.jenjang, "kualifikasi"),
             hasil_text(a.hasil, "title"), a.number, d(a.issued) if a.hasil == "K" else None]
            for i, a in enumerate(items, 1)]
    first = sheet_table(ws, ["DINAS PEKERJAAN UMUM PROVINSI PAPUA",
                             "REKAPITULASI SERTIFIKASI TENAGA AHLI KONSTRUKSI TAHUN ANGGARAN 2021"],
                        ["No", "Nama dan Gelar", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Kualifikasi",
                         "Hasil", "No. Registrasi", "Tgl Terbit"], vals)
    f.rows = [("Tenaga Ahli", first + k, a) for k, a in enumerate(items)]
    save(wb, land / f.office / f.name)
    w.files.append(f)

    # -- Provinsi Papua 2024: a Google Sheets CSV (BOM), NIK shown from a number column
    # (an online form's response sheet: "Cap waktu" is Google Forms' timestamp in Indonesian)
    f = FileRec("prov-papua", "Pendaftaran Sertifikasi Ahli 2024 (Jawaban) - Form Responses 1.csv", "prov-papua", 1)
    rows = [["Cap waktu", "Nama Lengkap", "NIK", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang",
             "Hasil"]]
    group = [p for p in jayapura[5:11]] + [P("papua_coast") for _ in range(3)]
    items = [w.assess(p, "prov-papua", 7, 2024, "Sertifikasi Ahli 2024") for p in group]
    for k, a in enumerate(items):
        stamp = datetime(2024, 3, 4, 9, 12, 5) + timedelta(minutes=37 * k + rng.randint(0, 30))
        rows.append([f"{stamp:%d/%m/%Y %H:%M:%S}", written_name(a.person, rng.choice(["full", "spelling"]), rng),
                     str(nik_text(a.person, rng.choice(["excel15", "clean"]))), f"{a.person.birth:%d/%m/%Y}",
                     "Laki-laki" if a.person.sex == "L" else "Perempuan", a.jabatan, a.jenjang,
                     hasil_text(a.hasil, "title")])
    (land / f.office / f.name).write_bytes(b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))
    f.rows = [("", k + 2, a) for k, a in enumerate(items)]
    w.files.append(f)

    # -- Provinsi Papua Selatan 2024: a recap of Merauke's certificates (re-reports) and its own experts
    f = FileRec("prov-papua-selatan", "REKAP_SKK_KAB_KOTA_PAPUA_SELATAN_2024.xlsx", "prov-papua-selatan", 1)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap Kab Merauke"
    recap = [a for a in merauke_2024 if a.hasil == "K"][:8]
    items = []
    for a in recap:
        items.append(Assess(a.person, a.jabatan, a.jenjang, "K", a.cert, a.cert, a.issued, 2024,
                            "Rekap Kabupaten", re_report=True))
    vals = [[i, written_name(a.person, rng.choice(["upper", "baptismal"]), rng), a.person.nik, "Merauke",
             a.jabatan, a.jenjang, "Kompeten", a.number] for i, a in enumerate(items, 1)]
    first = sheet_table(ws, ["DINAS PUPR PROVINSI PAPUA SELATAN",
                             "REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN/KOTA TAHUN 2024"],
                        ["No", "Nama", "NIK", "Kabupaten/Kota", "Jabatan Kerja", "Jenjang", "Hasil",
                         "No. Sertifikat"], vals, text_cols=(3,))
    f.rows = [("Rekap Kab Merauke", first + k, a) for k, a in enumerate(items)]
    save(wb, land / f.office / f.name)
    w.files.append(f)

    # Papua Selatan's own expert program 2025: a JavaScript portal's JSON (NIK as a JSON number)
    f = FileRec("prov-papua-selatan", "sertifikasi_ahli_2025.json", "prov-papua-selatan", 1)
    group = merauke[:2] + [P("merauke") for _ in range(5)]
    items = [w.assess(p, "prov-papua-selatan", rng.choice([7, 8]), 2025, "Sertifikasi Ahli Papua Selatan 2025")
             for p in group]
    records = []
    for a in items:
        records.append({"full_name": written_name(a.person, "full", rng), "id_number": int(float(int(a.person.nik))),
                        "gender": "male" if a.person.sex == "L" else "female",
                        "birth_date": a.person.birth.isoformat(), "job_title": a.jabatan, "level": a.jenjang,
                        "assessment_result": "competent" if a.hasil == "K" else "not yet competent",
                        "certificate": {"number": a.number, "issued_at": f"{a.issued.isoformat()}T09:00:00+09:00"
                                        if a.issued else None}})
    text = json.dumps({"data": records, "meta": {"page": 1, "per_page": 50, "total": len(records)}}, indent=2)
    (land / f.office).mkdir(parents=True, exist_ok=True)
    (land / f.office / f.name).write_text(text, encoding="utf-8")
    f.rows = [("", k + 1, a) for k, a in enumerate(items)]
    w.files.append(f)

    # -- Kota Sorong (was Papua Barat 92.71, now Papua Barat Daya 96.71): 2022 and 2025 lists
    for year, prov, people in ((2022, "PAPUA BARAT", sorong[:6]), (2025, "PAPUA BARAT DAYA", sorong[3:])):
        f = FileRec("kota-sorong", f"Peserta_Sertifikasi_Kota_Sorong_{year}.csv", "kota-sorong", 1)
        rows = [[f"DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA SORONG PROVINSI {prov} TAHUN {year}"],
                [], ["No", "Nama", "NIK", "TTL", "L/P", "Jabatan Kerja", "Jenjang", "Hasil", "No Sertifikat"]]
        items = [w.assess(p, "kota-sorong", rng.choice([2, 3]) if year == 2022 else rng.choice([4, 5]), year,
                          f"Sertifikasi {year}") for p in people]
        for i, a in enumerate(items, 1):
            rows.append([i, written_name(a.person, rng.choice(["full", "upper", "spelling"]), rng),
                         str(nik_text(a.person, rng.choice(["sci", "clean", "clean"]) if year == 2022 else "clean")),
                         ttl(a.person, "dash"), a.person.sex, a.jabatan, level_text(a.jenjang, "number"),
                         hasil_text(a.hasil, "short"), a.number or "dalam proses"])
        (land / f.office).mkdir(parents=True, exist_ok=True)
        (land / f.office / f.name).write_bytes(b"\xef\xbb\xbf" + csv_text(rows, ";").encode("utf-8"))
        f.rows = [("", 4 + k, a) for k, a in enumerate(items)]
        w.files.append(f)


# ------------------------------------------------------------------ batch 2: NTT, Maluku, Sulut, Gorontalo
def batch_east(w: World, land: Path) -> None:
    rng = w.rng
    P = w.person
    kupang = [P("timor") for _ in range(12)]
    sikka = [P("flores") for _ in range(15)]
    # two namesakes in Sikka: same name, different persons
    twin = sikka[0]
    sikka.append(P("flores", sex=twin.sex, given=list(twin.given), family=twin.family))
    ntt_ahli = [P("timor") for _ in range(3)] + [P("flores") for _ in range(3)] + kupang[:2]
    for p in ntt_ahli:
        p.front, p.back = rng.choice([("Ir.", ""), ("", "S.T."), ("", "S.T., M.Eng."), ("Drs.", "")])
    ambon = [P("ambon") for _ in range(12)]
    ternate = [P("ternate") for _ in range(10)]
    for p in ternate[:4]:
        p.front = "Hi." if p.sex == "L" else "Hj."  # North Maluku writes haji "Hi."
    minahasa = [P("minahasa") for _ in range(14)]
    gorontalo = [P("gorontalo") for _ in range(10)]
    maluku_ahli = ambon[:3] + [P("ambon") for _ in range(4)]
    for p in maluku_ahli:
        p.back = rng.choice(["S.T.", "S.T., M.T.", "S.Si."])

    def xlsx(office, name, sheet, titles, header, build_row, items, counts_at=None, text_cols=(3,), note=""):
        f = FileRec(office, name, counts_at or office, 2, note=note)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = sheet
        first = sheet_table(ws, titles, header, [build_row(i, a) for i, a in enumerate(items, 1)],
                            text_cols=text_cols)
        f.rows = [(sheet, first + k, a) for k, a in enumerate(items)]
        save(wb, land / office / name)
        w.files.append(f)
        return f

    # -- Kota Kupang: Google Sheets CSV exports (BOM), 2023 and 2025
    kupang_items = []
    for year, people in ((2023, kupang[:8]), (2025, kupang[5:])):
        f = FileRec("kota-kupang", f"Data Peserta SKK {year} - Sheet1.csv", "kota-kupang", 2)
        rows = [["No", "Nama Lengkap", "NIK", "Tempat Lahir", "Tanggal Lahir", "L/P", "Jabatan Kerja", "Jenjang",
                 "Hasil", "Nomor Sertifikat", "Tahun"]]
        items = [w.assess(p, "kota-kupang", rng.choice([2, 3]) if year == 2023 else rng.choice([4, 5]), year,
                          f"Sertifikasi {year}") for p in people]
        kupang_items += items
        for i, a in enumerate(items, 1):
            rows.append([i, written_name(a.person, rng.choice(["full", "spelling", "upper"]), rng),
                         nik_text(a.person, rng.choice(["clean", "apostrophe"])), a.person.place,
                         f"{a.person.birth.day} {BULAN[a.person.birth.month - 1]} {a.person.birth.year}",
                         a.person.sex, a.jabatan, a.jenjang, hasil_text(a.hasil, "title"), a.number or "", year])
        (land / f.office).mkdir(parents=True, exist_ok=True)
        (land / f.office / f.name).write_bytes(b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))
        f.rows = [("", k + 2, a) for k, a in enumerate(items)]
        w.files.append(f)

    # -- Kabupaten Sikka: one sheet per kecamatan (2024), baptismal names in full; 2025 shortened
    kec = ["Alok", "Alok Timur", "Kewapante", "Nita"]
    f = FileRec("kab-sikka", "PESERTA SERTIFIKASI PER KECAMATAN 2024.xlsx", "kab-sikka", 2)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sikka_2024 = []
    people = sikka[:12] + [sikka[-1]]
    for k, name in enumerate(kec):
        ws = wb.create_sheet(f"Kec. {name}")
        group = people[k::4]
        items = [w.assess(p, "kab-sikka", rng.choice([1, 2, 3]), 2024, f"Kecamatan {name}") for p in group]
        vals = [[i, written_name(a.person, "full", rng), a.person.nik, ttl(a.person, "bulan"),
                 "Laki-laki" if a.person.sex == "L" else "Perempuan", a.jabatan, level_text(a.jenjang, "jenjang"),
                 hasil_text(a.hasil, "title"), a.number] for i, a in enumerate(items, 1)]
        first = sheet_table(ws, [f"DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI KECAMATAN {name.upper()}",
                                 "DINAS PUPR KABUPATEN SIKKA TAHUN 2024"],
                            ["No", "Nama", "NIK", "Tempat, Tgl Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang",
                             "Hasil", "No. Sertifikat"], vals, text_cols=(3,))
        f.rows += [(ws.title, first + j, a) for j, a in enumerate(items)]
        sikka_2024 += items
    save(wb, land / f.office / f.name)
    w.files.append(f)
    up = [a.person for a in sikka_2024 if a.hasil == "K"][:6] + sikka[12:15]
    xlsx("kab-sikka", "PESERTA_SERTIFIKASI_MANDOR_2025.xlsx", "Mandor",
         ["DINAS PUPR KABUPATEN SIKKA", "DAFTAR PESERTA SERTIFIKASI MANDOR TAHUN 2025"],
         ["No", "Nama", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil", "No. SKK"],
         lambda i, a: [i, written_name(a.person, rng.choice(["baptismal", "middle_initial"]), rng),
                       nik_text(a.person, rng.choice(["clean", "missing"])), d(a.person.birth), a.person.sex,
                       a.jabatan, a.jenjang, hasil_text(a.hasil, "short"), a.number],
         [w.assess(p, "kab-sikka", 4, 2025, "Sertifikasi Mandor 2025") for p in up])

    # -- Provinsi NTT: experts with a "Nama dan Gelar" column, plus a recap of Kota Kupang's certificates
    items = [w.assess(p, "prov-ntt", rng.choice([7, 8]), 2024, "Sertifikasi Tenaga Ahli 2024") for p in ntt_ahli]
    recap = [a for a in kupang_items if a.hasil == "K" and a.year == 2023][:5]
    items += [Assess(a.person, a.jabatan, a.jenjang, "K", a.cert, None, None, 2023, "Rekap Kota Kupang",
                     re_report=True) for a in recap]
    xlsx("prov-ntt", "REKAP_SERTIFIKASI_NTT_2024.xlsx", "Rekap",
         ["DINAS PEKERJAAN UMUM DAN PERUMAHAN RAKYAT PROVINSI NUSA TENGGARA TIMUR",
          "REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT"],
         ["No", "Nama dan Gelar", "NIK", "Asal Kab/Kota", "Jabatan Kerja", "Jenjang", "Hasil", "No. Registrasi",
          "Tahun"],
         lambda i, a: [i, written_name(a.person, "titled", rng), a.person.nik,
                       "Kota Kupang" if a.re_report else "", a.jabatan, level_text(a.jenjang, "number"),
                       hasil_text(a.hasil, "upper"), a.number, a.year],
         items)

    # -- Kota Ambon: a LibreOffice .ods with two sheets (2023, 2024)
    f = FileRec("kota-ambon", "peserta_sertifikasi_ambon.ods", "kota-ambon", 2)
    sheets = []
    for year, people in ((2023, ambon[:7]), (2024, ambon[5:])):
        items = [w.assess(p, "kota-ambon", rng.choice([2, 3, 5]) if year == 2023 else rng.choice([4, 6]), year,
                          f"Tahun {year}") for p in people]
        table = [[f"DAFTAR PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI KOTA AMBON TAHUN {year}"], [],
                 ["No", "Nama", "NIK", "Tanggal Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil"]]
        for i, a in enumerate(items, 1):
            n = a.person.nik
            cell = (float(int(n)), n[:15] + "0") if rng.random() < 0.4 else n
            table.append([i, written_name(a.person, rng.choice(["full", "upper"]), rng), cell, a.person.birth,
                          a.person.sex, a.jabatan, a.jenjang, hasil_text(a.hasil, "title")])
        sheets.append((str(year), table))
        f.rows += [(str(year), 4 + k, a) for k, a in enumerate(items)]
    (land / f.office).mkdir(parents=True, exist_ok=True)
    (land / f.office / f.name).write_bytes(ods_bytes(sheets))
    w.files.append(f)

    # -- Provinsi Maluku: experts
    xlsx("prov-maluku", "SERTIFIKASI_TENAGA_AHLI_MALUKU_2025.xlsx", "Ahli",
         ["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG PROVINSI MALUKU",
          "DAFTAR PESERTA SERTIFIKASI TENAGA AHLI KONSTRUKSI TAHUN 2025"],
         ["No", "Nama", "NIK", "TTL", "L/P", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat"],
         lambda i, a: [i, written_name(a.person, rng.choice(["titled", "titled_upper"]), rng), a.person.nik,
                       ttl(a.person, "slash"), a.person.sex, a.jabatan, level_text(a.jenjang, "kualifikasi"),
                       hasil_text(a.hasil, "title"), a.number],
         [w.assess(p, "prov-maluku", rng.choice([7, 8]), 2025, "Sertifikasi Ahli 2025") for p in maluku_ahli])

    # -- Kota Ternate: separate title columns (Gelar Depan / Nama / Gelar Belakang), "Hi." for haji
    f = xlsx("kota-ternate", "DAFTAR PESERTA SKK KOTA TERNATE 2024.xlsx", "Peserta",
             ["PEMERINTAH KOTA TERNATE", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
              "DAFTAR PESERTA SERTIFIKASI KOMPETENSI KERJA TAHUN 2024"],
             ["No", "Gelar Depan", "Nama", "Gelar Belakang", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang",
              "Hasil"],
             lambda i, a: [i, a.person.front or None, written_name(a.person, rng.choice(["full", "baptismal"]), rng),
                           a.person.back or None, a.person.nik, d(a.person.birth), a.person.sex, a.jabatan,
                           a.jenjang, hasil_text(a.hasil, "title")],
             [w.assess(p, "kota-ternate", rng.choice([1, 2, 3, 4]), 2024, "Sertifikasi 2024") for p in ternate],
             text_cols=(5,))
    ternate_2024 = [a for _s, _r, a in f.rows]

    # -- Kabupaten Minahasa: Johanis in 2022, Yohanis in 2025; an attendance list before the 2025 test
    first = xlsx("kab-minahasa", "Peserta Sertifikasi Tukang 2022.xlsx", "2022",
                 ["DINAS PUPR KABUPATEN MINAHASA", "PESERTA PELATIHAN DAN SERTIFIKASI TUKANG TAHUN 2022"],
                 ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan", "Level", "Hasil", "Nomor Sertifikat"],
                 lambda i, a: [i, written_name(a.person, "full", rng), nik_text(a.person, "apostrophe"),
                               ttl(a.person, "dash"), a.person.sex, a.jabatan, a.jenjang, hasil_text(a.hasil, "short"),
                               a.number],
                 [w.assess(p, "kab-minahasa", rng.choice([1, 2, 3]), 2022, "Sertifikasi Tukang 2022")
                  for p in minahasa[:10]])
    again = [a.person for _s, _r, a in first.rows][:6] + minahasa[10:]
    att = FileRec("kab-minahasa", "DAFTAR HADIR PELATIHAN MANDOR 2025.xlsx", "kab-minahasa", 2, kind="attendance")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar Hadir"
    att_items = [Assess(p, "Mandor Tukang Batu", None, None, None, None, None, 2025, "Pelatihan Mandor 2025")
                 for p in again]
    vals = [[i, written_name(a.person, "spelling", rng), a.person.nik, "Tondano", None]
            for i, a in enumerate(att_items, 1)]
    top = sheet_table(ws, ["DAFTAR HADIR PESERTA PELATIHAN MANDOR", "DINAS PUPR KABUPATEN MINAHASA TAHUN 2025"],
                      ["No", "Nama", "NIK", "Alamat", "Tanda Tangan"], vals, text_cols=(3,))
    att.rows = [("Daftar Hadir", top + k, a) for k, a in enumerate(att_items)]
    save(wb, land / att.office / att.name)
    w.files.append(att)
    xlsx("kab-minahasa", "Hasil Uji Kompetensi Mandor 2025.xlsx", "Hasil",
         ["DINAS PUPR KABUPATEN MINAHASA", "HASIL UJI KOMPETENSI MANDOR TAHUN 2025"],
         ["No", "Nama", "NIK", "Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil", "Nomor Sertifikat"],
         lambda i, a: [i, written_name(a.person, "spelling", rng), a.person.nik, d(a.person.birth), a.person.sex,
                       a.jabatan, a.jenjang, hasil_text(a.hasil, "upper"), a.number],
         [w.assess(p, "kab-minahasa", 4, 2025, "Sertifikasi Mandor 2025", jabatan="Mandor Tukang Batu")
          for p in again])

    # -- Kota Gorontalo: semicolon CSV in Windows-1252, Mohamad / Moh.
    f = FileRec("kota-gorontalo", "peserta_sertifikasi_2024.csv", "kota-gorontalo", 2)
    rows = [["No", "Nama", "NIK", "Tempat Tgl Lahir", "JK", "Jabatan Kerja", "Jenjang", "Hasil", "No Sertifikat"]]
    items = [w.assess(p, "kota-gorontalo", rng.choice([2, 3, 5]), 2024, "Sertifikasi 2024") for p in gorontalo]
    for i, a in enumerate(items, 1):
        rows.append([i, written_name(a.person, rng.choice(["baptismal", "full", "upper"]), rng),
                     nik_text(a.person, rng.choice(["clean", "clean", "sci"])), ttl(a.person, "bulan"),
                     "LK" if a.person.sex == "L" else "PR", a.jabatan, a.jenjang, hasil_text(a.hasil, "upper"),
                     a.number or ""])
    (land / f.office).mkdir(parents=True, exist_ok=True)
    (land / f.office / f.name).write_bytes(csv_text(rows, ";").encode("cp1252"))
    f.rows = [("", k + 2, a) for k, a in enumerate(items)]
    w.files.append(f)


# ------------------------------------------------------------------ batch 3: West Java and Jakarta
def batch_west(w: World, land: Path) -> None:
    rng = w.rng
    P = w.person
    bandung = [P("sunda") for _ in range(16)]
    # namesakes in one list: two Asep Saepudin, one-word names
    bandung.append(P("sunda", sex="L", given=["Asep"], family="Saepudin"))
    bandung.append(P("sunda", sex="L", given=["Asep"], family="Saepudin"))
    bandung += [P("sunda", sex="L", given=[g], family=None) for g in ("Ujang", "Dadang", "Encep")]
    garut = [P("sunda") for _ in range(10)]
    # Chinese-Indonesian workers: an Indonesian name, the Chinese one in brackets on some lists
    jakarta = [P("jakarta", sex="L", given=[rng.choice(["Budi", "Hendra", "Rudy", "Yohanes"])],
                 family=rng.choice(["Gunawan", "Santoso", "Wijaya", "Halim", "Tanoto"])) for _ in range(4)]
    for p, c in zip(jakarta, CHINESE):
        p.chinese = c
    jakarta += [P("jakarta", family=rng.choice(["Setiadi", "Hidayat", "Kurniawan", None])) for _ in range(6)]
    # Batak workers: the marga Lumban Tobing written joined, split or shortened
    jakarta.append(P("jakarta", sex="L", given=["Parlindungan"], family="Lumban Tobing"))
    jakarta.append(P("jakarta", sex="L", given=["Sahat"], family="Lumban Tobing"))
    jakarta.append(P("jakarta", sex="P", given=["Sondang"], family="Hutabarat"))
    jabar_ahli = [P("sunda") for _ in range(5)] + bandung[:2]
    for p in jabar_ahli + jakarta[:3]:
        p.front, p.back = rng.choice([("Ir.", ""), ("", "S.T."), ("", "S.T., M.T."), ("H.", "S.T.")])

    def xlsx(office, name, sheet, titles, header, build_row, items, counts_at="same", text_cols=(3,), note=""):
        f = FileRec(office, name, office if counts_at == "same" else counts_at, 3, note=note)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = sheet
        first = sheet_table(ws, titles, header, [build_row(i, a) for i, a in enumerate(items, 1)],
                            text_cols=text_cols)
        f.rows = [(sheet, first + k, a) for k, a in enumerate(items)]
        save(wb, land / office / name)
        w.files.append(f)
        return f

    # -- Kabupaten Bandung 2024 (NIK as number in some cells) and 2025
    row_of = lambda i, a: [i, written_name(a.person, rng.choice(["full", "upper", "spelling"]), rng),
                           nik_text(a.person, rng.choice(["clean", "clean", "excel15"])), ttl(a.person, "bulan"),
                           a.person.sex, a.jabatan, level_text(a.jenjang, "jenjang"), hasil_text(a.hasil, "title"),
                           a.number]
    hdr = ["No", "Nama Peserta", "NIK", "Tempat, Tanggal Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil",
           "No. Sertifikat"]
    b24 = xlsx("kab-bandung", "PESERTA_SKK_KAB_BANDUNG_2024.xlsx", "Peserta",
               ["DINAS PEKERJAAN UMUM DAN TATA RUANG KABUPATEN BANDUNG",
                "DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN 2024"],
               hdr, row_of, [w.assess(p, "kab-bandung", rng.choice([1, 2, 3]), 2024, "Sertifikasi 2024")
                             for p in bandung])
    b24_items = [a for _s, _r, a in b24.rows]
    xlsx("kab-bandung", "PESERTA_SKK_KAB_BANDUNG_2025.xlsx", "Peserta",
         ["DINAS PEKERJAAN UMUM DAN TATA RUANG KABUPATEN BANDUNG",
          "DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI TAHUN 2025"],
         hdr, row_of, [w.assess(p, "kab-bandung", rng.choice([4, 5]), 2025, "Sertifikasi 2025")
                       for p in bandung[4:12] + [P("sunda") for _ in range(3)]])

    # -- Kabupaten Garut: its 2025 list landed in Kabupaten Bandung's folder; a byte copy "(1)"
    g = [w.assess(p, "kab-garut", rng.choice([2, 3]), 2024, "Sertifikasi 2024") for p in garut[:7]]
    f = xlsx("kab-garut", "Daftar Peserta Sertifikasi Garut 2024.xlsx", "Sheet1",
             ["DINAS PUPR KABUPATEN GARUT", "DAFTAR PESERTA SERTIFIKASI TENAGA TERAMPIL TAHUN 2024"],
             hdr, row_of, g)
    copy = FileRec("kab-garut", "Daftar Peserta Sertifikasi Garut 2024 (1).xlsx", None, 3, note="byte copy")
    copy.rows = list(f.rows)
    (land / copy.office / copy.name).write_bytes((land / f.office / f.name).read_bytes())
    w.files.append(copy)
    xlsx("kab-bandung", "DAFTAR_PESERTA_SKK_KABUPATEN_GARUT_2025.xlsx", "Sheet1",
         ["PEMERINTAH KABUPATEN GARUT", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG",
          "DAFTAR PESERTA SERTIFIKASI TENAGA TERAMPIL TAHUN 2025"],
         hdr, row_of, [w.assess(p, "kab-garut", rng.choice([4, 5]), 2025, "Sertifikasi 2025") for p in garut[5:]],
         counts_at="kab-garut", note="misfiled")

    # -- Provinsi Jawa Barat: experts, and a recap of Kabupaten Bandung with shortened names, no NIK
    items = [w.assess(p, "prov-jabar", rng.choice([7, 8, 9]), 2025, "Sertifikasi Tenaga Ahli 2025")
             for p in jabar_ahli]
    xlsx("prov-jabar", "SERTIFIKASI_TENAGA_AHLI_JABAR_2025.xlsx", "Tenaga Ahli",
         ["DINAS BINA MARGA DAN PENATAAN RUANG PROVINSI JAWA BARAT",
          "DAFTAR PESERTA SERTIFIKASI TENAGA AHLI KONSTRUKSI TAHUN 2025"],
         ["No", "Nama dan Gelar", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Kualifikasi", "Hasil",
          "No. Registrasi"],
         lambda i, a: [i, written_name(a.person, "titled", rng), a.person.nik, ttl(a.person, "slash"),
                       a.person.sex, a.jabatan, level_text(a.jenjang, "kualifikasi"), hasil_text(a.hasil, "title"),
                       a.number], items)
    recap = [a for a in b24_items if a.hasil == "K" and a.number][:6]
    xlsx("prov-jabar", "REKAP_SKK_KABUPATEN_KOTA_2024.xlsx", "Kab Bandung",
         ["DINAS BINA MARGA DAN PENATAAN RUANG PROVINSI JAWA BARAT",
          "REKAPITULASI TENAGA KERJA KONSTRUKSI BERSERTIFIKAT KABUPATEN BANDUNG TAHUN 2024"],
         ["No", "Nama", "Jabatan Kerja", "Jenjang", "No. Sertifikat", "Tahun"],
         lambda i, a: [i, written_name(a.person, "upper", rng), a.jabatan, a.jenjang, a.number, 2024],
         [Assess(a.person, a.jabatan, a.jenjang, "K", a.cert, a.number, None, 2024, "Rekap", re_report=True)
          for a in recap], text_cols=())

    # -- DKI Jakarta 2023: the same workers under their plain names, the marga written in full
    xlsx("prov-dki", "DATA PESERTA SERTIFIKASI TERAMPIL 2023.xlsx", "2023",
         ["DINAS CIPTA KARYA, TATA RUANG DAN PERTANAHAN PROVINSI DKI JAKARTA",
          "DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI TERAMPIL TAHUN 2023"],
         ["No", "Nama", "NIK", "Tempat/Tgl Lahir", "L/P", "Jabatan Kerja", "Jenjang", "Hasil", "No. Sertifikat"],
         lambda i, a: [i, written_name(a.person, "upper", rng), a.person.nik, ttl(a.person, "dash"),
                       a.person.sex, a.jabatan, level_text(a.jenjang, "roman"), hasil_text(a.hasil, "upper"),
                       a.number],
         [w.assess(p, "prov-dki", rng.choice([2, 3]), 2023, "Sertifikasi Terampil 2023")
          for p in jakarta[:3] + jakarta[10:]])

    # -- DKI Jakarta 2025: Google Sheets CSV (BOM), Chinese names in brackets; re-sent as _final
    people = jakarta
    items = [w.assess(p, "prov-dki", rng.choice([3, 5, 7]), 2025, "Sertifikasi 2025") for p in people]
    first_items = items[:-1]
    for name, counts, its, style in (("Peserta SKK DKI 2025.csv", None, first_items, "first"),
                                     ("Peserta SKK DKI 2025_final.csv", "prov-dki", items, "final")):
        f = FileRec("prov-dki", name, counts, 3, note="replaced first version" if counts is None else "final")
        rows = [["No", "Nama Lengkap (sesuai KTP)", "NIK", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja",
                 "Jenjang", "Hasil", "No. Sertifikat"]]
        for i, a in enumerate(its, 1):
            style_name = "chinese" if a.person.chinese else ("batak" if a.person.family == "Lumban Tobing" else "full")
            rows.append([i, written_name(a.person, style_name, rng), a.person.nik, f"{a.person.birth:%d/%m/%Y}",
                         "Laki-laki" if a.person.sex == "L" else "Perempuan", a.jabatan, a.jenjang,
                         hasil_text(a.hasil, "title"), a.number or ""])
        (land / f.office).mkdir(parents=True, exist_ok=True)
        (land / f.office / f.name).write_bytes(b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))
        f.rows = [("", k + 2, a) for k, a in enumerate(its)]
        w.files.append(f)


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
    # every batch draws from the one generator in order, so batch 1 is the same with or without 2 and 3
    for b, make in ((1, batch_papua), (2, batch_east), (3, batch_west)):
        if b not in batches:
            break
        make(w, land)
    for oid, *_rest, batch in OFFICES:
        if batch in batches:
            (land / oid).mkdir(parents=True, exist_ok=True)
    write_registry(out / "offices.yaml", batches)
    niks = [p.nik for p in w.persons]
    assert len(set(niks)) == len(niks), "two persons drew one NIK"
    return w.truth()


if __name__ == "__main__":
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else SEED
    t = build(Path(sys.argv[1]), seed)
    print("persons", t["persons"], "certificates", t["certificates"], "cells", len(t["headline"]),
          "files", len(t["files"]), "rows", len(t["rows"]))
