"""Blind world 4: file-level and portal mess, written without reading pipeline code.

A small world (about 300 persons, four provinces: Aceh, Sumatera Utara,
Kalimantan Barat, Nusa Tenggara Barat, and eight of their regencies/cities)
and the files its offices send: paged JSON exports of web portals (``data`` /
``meta`` envelopes, Laravel pages, ``result.items``, camelCase and snake_case,
numbers as strings, nulls, ISO datetimes with an offset or in UTC), CSV with a
BOM, ``;`` or tab delimiter, Latin-1, quoted newlines, a UTF-16 "Unicode
text" export, xlsx with title blocks, merged two-row headers, hidden dropdown
sheets, a "Rekap" summary sheet, numbers stored as text; a file sent twice
under a copy name, files in another office's folder, revisions that drop a
participant and fix a NIK, an empty numbered template and a header-only file,
persons re-certified at a higher jenjang a year later, names in capitals,
title case, with trailing dots and double spaces.

The truth is counted here, from this module's own model (``World``), never by
pipeline code:

- ``headline``: (credited region code, jenjang) -> distinct certified persons,
  counting only the files an office means to count (a revision replaces its
  first version; a copy counts once; a file in another office's folder counts
  at the office it names);
- ``persons``: distinct persons in those rows;
- ``rows``: every participant row written, file by file, with its person, so a
  run can check that each is in the warehouse or in quarantine (or its file
  rejected with a reason).

``python tests/blind_generator_4.py OUT`` writes ``OUT/landing``,
``OUT/offices.yaml`` and ``OUT/truth.json``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

SEED = 4404

OFFICES = [
    # id, name, level, region_code, title name
    ("prov-aceh", "Dinas PUPR Aceh", "province", "11", "DINAS PEKERJAAN UMUM DAN PERUMAHAN RAKYAT ACEH"),
    ("kota-banda-aceh", "Dinas PUPR Kota Banda Aceh", "city", "11.71", "DINAS PUPR KOTA BANDA ACEH"),
    ("kab-aceh-besar", "Dinas PUPR Kabupaten Aceh Besar", "regency", "11.06", "DINAS PUPR KABUPATEN ACEH BESAR"),
    ("prov-sumut", "Dinas Bina Marga dan Bina Konstruksi Provinsi Sumatera Utara", "province", "12",
     "DINAS BINA MARGA DAN BINA KONSTRUKSI PROVINSI SUMATERA UTARA"),
    ("kota-medan", "Dinas PUPR Kota Medan", "city", "12.71", "DINAS PEKERJAAN UMUM KOTA MEDAN"),
    ("kab-deli-serdang", "Dinas PUPR Kabupaten Deli Serdang", "regency", "12.07", "DINAS PUPR KABUPATEN DELI SERDANG"),
    ("prov-kalbar", "Dinas PUPR Provinsi Kalimantan Barat", "province", "61",
     "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG PROVINSI KALIMANTAN BARAT"),
    ("kota-pontianak", "Dinas PUPR Kota Pontianak", "city", "61.71", "DINAS PUPR KOTA PONTIANAK"),
    ("kab-ketapang", "Dinas PUPR Kabupaten Ketapang", "regency", "61.04", "DINAS PUPR KABUPATEN KETAPANG"),
    ("prov-ntb", "Dinas PUPR Provinsi Nusa Tenggara Barat", "province", "52",
     "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG PROVINSI NUSA TENGGARA BARAT"),
    ("kota-mataram", "Dinas PUPR Kota Mataram", "city", "52.71", "DINAS PUPR KOTA MATARAM"),
    ("kab-lombok-timur", "Dinas PUPR Kabupaten Lombok Timur", "regency", "52.03",
     "DINAS PUPR KABUPATEN LOMBOK TIMUR"),
]
OFFICE = {o[0]: o for o in OFFICES}
REGION_OF = {o[0]: o[3] for o in OFFICES}
PLACE = {"11": "Banda Aceh", "11.71": "Banda Aceh", "11.06": "Jantho", "12": "Medan", "12.71": "Medan",
         "12.07": "Lubuk Pakam", "61": "Pontianak", "61.71": "Pontianak", "61.04": "Ketapang",
         "52": "Mataram", "52.71": "Mataram", "52.03": "Selong", "11.07": "Sigli", "12.08": "Pematang Raya",
         "61.05": "Sintang", "52.01": "Gerung"}

GIVEN = {
    "11": (["Muhammad", "Zulkifli", "Fadhil", "Rahmat", "Khairul", "Safrizal", "Mukhlis", "Husaini",
            "Iskandar", "Yusri", "Darmawan", "Teuku Reza", "Fauzan", "Azhari", "Munawar", "Syahrul"],
           ["Cut Nurul", "Nurul", "Rahmah", "Safrina", "Cut Mutia", "Aida"]),
    "12": (["Hotman", "Parlindungan", "Jonni", "Rudi", "Mangatas", "Binsar", "Togar", "Poltak",
            "Sahat", "Marihot", "Edison", "Bonar", "Rianto", "Hendra", "Samuel", "Daniel"],
           ["Romauli", "Tiurma", "Dame", "Lasma", "Rosdiana", "Hotnida"]),
    "61": (["Agustinus", "Yohanes", "Antonius", "Stefanus", "Hendra", "Ruslan", "Syarif", "Abang Iwan",
            "Yulius", "Petrus", "Gusti", "Firmansyah", "Budi", "Kurniawan", "Lim Ahok", "Bong Kiat"],
           ["Utin", "Maria", "Fransiska", "Theresia", "Yuliana", "Tjhai Lie"]),
    "52": (["Lalu Ahmad", "Zaenal", "Sahnan", "Hamdi", "Rusdi", "Sukardi", "Munawir", "Lalu Irwan",
            "Hairul", "Saparudin", "Abdul Hadi", "Juanda", "Mahsun", "Ridwan", "Suhaimi", "Amaq Rapi"],
           ["Baiq Nurhasanah", "Sri Wahyuni", "Baiq Rina", "Nurul Aini", "Siti Hajar", "Lale Sumarni"]),
}
FAMILY = {
    "11": ["Abdullah", "Ismail", "Yusuf", "Hasan", "Amin", "Saputra", "Ramadhan", "Hidayat", "Mahdi",
           "Fitri", "Anwar", "Rizal", "Nasir", "Jamil", "Hamzah", "Maulana"],
    "12": ["Sitompul", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Sinaga", "Lubis", "Pardede",
           "Hutapea", "Manurung", "Ginting", "Tarigan", "Sembiring", "Purba", "Damanik", "Situmorang"],
    "61": ["Alamsyah", "Sanjaya", "Wijaya", "Saputra", "Kurniadi", "Setiawan", "Gunawan", "Rahman",
           "Ardiansyah", "Pratama", "Hermawan", "Santoso", "Halim", "Susanto", "Tandiono", "Irawan"],
    "52": ["Hakim", "Rosyidi", "Fahrurrozi", "Hasanain", "Mustiadi", "Ardi", "Wirawan", "Zulhadi",
           "Murdani", "Sahrul", "Hadiyanto", "Jayadi", "Rahmadi", "Kusnadi", "Anshori", "Ilham"],
}
LATIN1_NAMES = ["René Situmorang", "Andréas Ginting", "Josué Sinaga"]

JABATAN = {
    1: ["Tukang Pasang Bata", "Pekerja Besi Beton"],
    2: ["Tukang Batu", "Tukang Kayu", "Tukang Besi Beton"],
    3: ["Operator Excavator", "Operator Bulldozer", "Tukang Besi Beton", "Juru Ukur"],
    4: ["Mandor Tukang Batu", "Mandor Pembesian"],
    5: ["Teknisi Laboratorium Beton", "Pelaksana Lapangan Pekerjaan Gedung"],
    6: ["Pelaksana Lapangan Pekerjaan Jalan", "Pengawas Pekerjaan Struktur Bangunan Gedung"],
    7: ["Ahli Muda Teknik Jalan", "Ahli Muda K3 Konstruksi", "Ahli Muda Teknik Bangunan Gedung"],
    8: ["Ahli Madya Teknik Jalan", "Ahli Madya K3 Konstruksi", "Ahli Madya Teknik Jembatan"],
    9: ["Ahli Utama Manajemen Konstruksi"],
}
# the same occupation one jenjang up, for re-certification
UPGRADE = {"Tukang Batu": "Tukang Batu", "Tukang Kayu": "Tukang Kayu", "Tukang Besi Beton": "Tukang Besi Beton",
           "Ahli Muda Teknik Jalan": "Ahli Madya Teknik Jalan", "Ahli Muda K3 Konstruksi": "Ahli Madya K3 Konstruksi",
           "Ahli Muda Teknik Bangunan Gedung": "Ahli Madya Teknik Jembatan", "Operator Excavator": "Mandor Tukang Batu",
           "Teknisi Laboratorium Beton": "Pelaksana Lapangan Pekerjaan Jalan",
           "Ahli Madya Teknik Jalan": "Ahli Utama Manajemen Konstruksi"}


@dataclass
class Person:
    pid: int
    name: str
    nik: str
    sex: str
    birth: date
    place: str


@dataclass
class Row:
    """One participant row as an office writes it (before the file's own mess)."""

    person: Person
    jabatan: str
    jenjang: int
    hasil: str  # "K" / "BK"
    number: str | None
    issued: date | None
    year: int
    program: str
    nik: str | None = None  # the NIK as written, when it differs from the person's


@dataclass
class FileRec:
    office: str  # folder it lands in
    name: str
    counts_at: str | None  # office it counts at; None when it must not count (copy, superseded, empty)
    rows: list = field(default_factory=list)  # (sheet, source_row, Row)
    note: str = ""


class World:
    """The persons, their rows and the files; the truth is counted from here."""

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.persons: list[Person] = []
        self.files: list[FileRec] = []
        self._names: set[str] = set()
        self._serial: dict[str, int] = {}
        self._cert = 0

    # ---- persons ----
    def person(self, prov: str, regency: str, latin1: str | None = None) -> Person:
        rng = self.rng
        sex = "P" if rng.random() < 0.15 else "L"
        while True:
            if latin1:
                name = latin1
            else:
                given = rng.choice(GIVEN[prov][1 if sex == "P" else 0])
                name = f"{given} {rng.choice(FAMILY[prov])}"
            if name not in self._names:
                break
            latin1 = None
        self._names.add(name)
        birth = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 35))
        rr = regency.replace(".", "")
        key = rr
        self._serial[key] = self._serial.get(key, 0) + 1
        day = birth.day + (40 if sex == "P" else 0)
        nik = f"{rr}{rng.randint(1, 12):02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{self._serial[key]:04d}"
        p = Person(len(self.persons) + 1, name, nik, sex, birth, PLACE[regency])
        self.persons.append(p)
        return p

    def cert_number(self, region: str, year: int) -> str:
        self._cert += 1
        return f"SKK.{region.replace('.', '')}.{year}.{self._cert:05d}"

    def row(self, p: Person, office: str, jenjang: int, year: int, program: str,
            jabatan: str | None = None, hasil: str | None = None) -> Row:
        rng = self.rng
        hasil = hasil or ("K" if rng.random() < 0.9 else "BK")
        jabatan = jabatan or rng.choice(JABATAN[jenjang])
        issued = number = None
        if hasil == "K":
            issued = date(year, rng.randint(2, 11), rng.randint(1, 28))
            number = self.cert_number(REGION_OF[office], year) if rng.random() < 0.85 else None
        return Row(p, jabatan, jenjang, hasil, number, issued, year, program)

    def upgrade(self, r: Row, office: str, year: int, program: str) -> Row:
        jab = UPGRADE.get(r.jabatan, r.jabatan)
        jen = min(r.jenjang + 1, 9)
        if jab in JABATAN.get(jen, []) or jab == r.jabatan:
            pass
        else:
            jab = self.rng.choice(JABATAN[jen])
        return self.row(r.person, office, jen, year, program, jabatan=jab, hasil="K")

    # ---- truth ----
    def truth(self) -> dict:
        headline: dict[str, set] = {}
        persons: set[int] = set()
        rows = []
        for f in self.files:
            for sheet, src_row, r in f.rows:
                rows.append({"office": f.office, "file": f.name, "sheet": sheet, "row": src_row,
                             "person": r.person.pid, "counts": f.counts_at is not None})
            if f.counts_at is None:
                continue
            for _sheet, _row, r in f.rows:
                persons.add(r.person.pid)
                if r.hasil == "K":
                    headline.setdefault(f"{REGION_OF[f.counts_at]}|{r.jenjang}", set()).add(r.person.pid)
        certificates = set()
        for f in self.files:
            for _sheet, _row, r in f.rows:
                if f.counts_at is not None and r.hasil == "K":
                    certificates.add(r.number or f"{r.person.pid}|{r.jabatan}|{r.jenjang}")
        return {
            "headline": {k: len(v) for k, v in sorted(headline.items())},
            "certificates": len(certificates),
            "headline_persons": {k: sorted(v) for k, v in sorted(headline.items())},
            "persons": len(persons),
            "rows": rows,
            "files": [{"office": f.office, "name": f.name, "counts_at": f.counts_at, "note": f.note,
                       "rows": len(f.rows)} for f in self.files],
        }


# ---------------------------------------------------------------- name mess
def styled_name(name: str, style: str, i: int) -> str:
    """How a clerk writes a name: capitals, title case, a trailing dot, a double space."""
    if style == "upper":
        out = name.upper()
    elif style == "title":
        out = name
    elif style == "lower":
        out = name.lower()
    else:
        out = name.upper() if i % 2 else name
    if i % 5 == 1:
        out = out + "."
    if i % 4 == 2 and " " in out:
        out = out.replace(" ", "  ", 1)
    if i % 7 == 3:
        out = " " + out + " "
    return out


def dmy(d: date | None, sep: str = "-") -> str:
    return "" if d is None else f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX"}


# ---------------------------------------------------------------- xlsx
def write_xlsx_list(path: Path, rec: FileRec, rows: list[Row], *, titles: list[str], sheet: str = "Peserta",
                    style: str = "upper", text_numbers: bool = False, merged_header: bool = True,
                    rekap: bool = False, hidden_lists: bool = False, level_fmt: str = "plain",
                    template_blank: int = 0) -> None:
    """A participant workbook: title block, a two-row merged header, the list, a signature block."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    r = 1
    for t in titles:
        ws.cell(r, 1, t)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=11)
        r += 1
    r += 1  # blank line under the title block
    top = ["NO", "NAMA LENGKAP", "NIK", "TEMPAT / TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG",
           "HASIL UJI", "SERTIFIKAT", None, "KETERANGAN"]
    sub = [None, None, None, None, None, None, None, None, "NOMOR", "TGL TERBIT", None]
    if merged_header:
        for c, v in enumerate(top, 1):
            if v is not None:
                ws.cell(r, c, v)
        for c, v in enumerate(sub, 1):
            if v is not None:
                ws.cell(r + 1, c, v)
        for c in (1, 2, 3, 4, 5, 6, 7, 8, 11):
            ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
        ws.merge_cells(start_row=r, start_column=9, end_row=r, end_column=10)
        r += 2
        # the column-number row under the header
        for c in range(1, 12):
            ws.cell(r, c, c if not text_numbers else f"({c})")
        r += 1
    else:
        flat = ["NO", "NAMA", "NIK", "TEMPAT / TGL LAHIR", "L/P", "JABATAN KERJA", "JENJANG", "HASIL UJI",
                "NO. SERTIFIKAT", "TGL TERBIT", "KETERANGAN"]
        for c, v in enumerate(flat, 1):
            ws.cell(r, c, v)
        r += 1
    for i, row in enumerate(rows):
        p = row.person
        lvl = {"plain": row.jenjang, "roman": ROMAN[row.jenjang], "word": f"Jenjang {row.jenjang}"}[level_fmt]
        vals = [str(i + 1) if text_numbers else i + 1,
                styled_name(p.name, style, i),
                (row.nik or p.nik),
                f"{p.place}, {dmy(p.birth)}",
                p.sex,
                row.jabatan,
                str(lvl) if text_numbers else lvl,
                "Kompeten" if row.hasil == "K" else "Belum Kompeten",
                row.number or ("dalam proses" if row.hasil == "K" else "-"),
                row.issued if row.issued else None,
                "",
                ]
        for c, v in enumerate(vals, 1):
            cell = ws.cell(r, c, v)
            if isinstance(v, date):
                cell.number_format = "DD/MM/YYYY"
            if c == 3:
                cell.number_format = "@"
        rec.rows.append((sheet, r, row))
        r += 1
    for k in range(template_blank):
        ws.cell(r, 1, k + 1)
        r += 1
    r += 2
    ws.cell(r, 8, f"{PLACE[REGION_OF[rec.office]]}, 15 Desember {rows[0].year if rows else 2025}")
    ws.cell(r + 1, 8, "Kepala Dinas")
    ws.cell(r + 5, 8, "( ............................ )")
    for c in range(1, 12):
        ws.column_dimensions[get_column_letter(c)].width = 18
    if rekap:
        rs = wb.create_sheet("Rekap")
        rs.cell(1, 1, "REKAPITULASI HASIL UJI KOMPETENSI")
        rs.cell(3, 1, "NO")
        rs.cell(3, 2, "JABATAN KERJA")
        rs.cell(3, 3, "JENJANG")
        rs.cell(3, 4, "KOMPETEN")
        rs.cell(3, 5, "BELUM KOMPETEN")
        rs.cell(3, 6, "JUMLAH")
        groups: dict[tuple, list] = {}
        for row in rows:
            groups.setdefault((row.jabatan, row.jenjang), []).append(row)
        rr = 4
        for n, ((jab, jen), grp) in enumerate(sorted(groups.items()), 1):
            k = sum(g.hasil == "K" for g in grp)
            vals = [n, jab, jen, k, len(grp) - k, len(grp)]
            for c, v in enumerate(vals, 1):
                rs.cell(rr, c, str(v) if text_numbers else v)
            rr += 1
        rs.cell(rr, 2, "JUMLAH")
        rs.cell(rr, 4, sum(g.hasil == "K" for g in rows))
        rs.cell(rr, 6, len(rows))
    if hidden_lists:
        hs = wb.create_sheet("list")
        hs.cell(1, 1, "JABATAN")
        hs.cell(1, 2, "JENJANG")
        hs.cell(1, 3, "HASIL")
        jabs = sorted({j for v in JABATAN.values() for j in v})
        for i, j in enumerate(jabs, 2):
            hs.cell(i, 1, j)
        for i in range(1, 10):
            hs.cell(i + 1, 2, i)
        hs.cell(2, 3, "Kompeten")
        hs.cell(3, 3, "Belum Kompeten")
        hs.sheet_state = "hidden"
    wb.save(path)


# ---------------------------------------------------------------- csv
def write_csv(path: Path, rec: FileRec, rows: list[Row], *, delimiter: str, encoding: str, bom: bool = False,
              style: str = "title", title_lines: list[str] = (), newline_cells: bool = False,
              header_only: bool = False) -> None:
    """A CSV export; records its physical start line for each row."""
    header = ["No", "Nama Peserta", "NIK", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja",
              "Jenjang", "Hasil", "Nomor Sertifikat", "Tanggal Terbit", "Tahun", "Keterangan"]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    line = 1
    for t in title_lines:
        w.writerow([t] + [""] * (len(header) - 1))
        line += 1
    w.writerow(header)
    line += 1
    if not header_only:
        for i, row in enumerate(rows):
            p = row.person
            birth_place = p.place
            remark = ""
            if newline_cells and i % 3 == 0:
                birth_place = f"{p.place}\n(Kec. {p.place} Kota)"
            if newline_cells and i % 4 == 1:
                remark = "Sertifikat\ndiambil di kantor"
            vals = [i + 1, styled_name(p.name, style, i), row.nik or p.nik, birth_place, dmy(p.birth, "/"),
                    "Laki-laki" if p.sex == "L" else "Perempuan", row.jabatan, row.jenjang,
                    "K" if row.hasil == "K" else "BK", row.number or "", dmy(row.issued, "/"), row.year, remark]
            rec.rows.append(("", line, row))
            before = buf.tell()
            w.writerow(vals)
            # a quoted cell's own line break (LF) is a physical line too
            line += buf.getvalue()[before:].count("\n")
    text = buf.getvalue()
    data = text.encode(encoding)
    if bom:
        data = ("\ufeff".encode(encoding)) + data
    path.write_bytes(data)


# ---------------------------------------------------------------- json portals
def iso_local(d: date | None, offset: str) -> str | None:
    return None if d is None else f"{d.isoformat()}T00:00:00{offset}"


def iso_utc_midnight(d: date | None, hours_ahead: int) -> str | None:
    """Local midnight of an Indonesian zone, serialised in UTC as Laravel does."""
    if d is None:
        return None
    prev = d - timedelta(days=1)
    return f"{prev.isoformat()}T{24 - hours_ahead:02d}:00:00.000000Z"


def aceh_record(row: Row, i: int) -> dict:
    """SIKI-like camelCase record, nested participant and certificate, numbers as strings."""
    p = row.person
    return {
        "id": str(9000 + i),
        "peserta": {"namaLengkap": styled_name(p.name, "upper", i), "nik": row.nik or p.nik,
                    "tempatLahir": p.place, "tanggalLahir": iso_local(p.birth, "+07:00"),
                    "jenisKelamin": "LAKI-LAKI" if p.sex == "L" else "PEREMPUAN", "email": None},
        "jabatanKerja": row.jabatan,
        "jenjang": str(row.jenjang),
        "hasilAsesmen": "KOMPETEN" if row.hasil == "K" else "BELUM KOMPETEN",
        "sertifikat": {"nomor": row.number, "tanggalTerbit": iso_local(row.issued, "+07:00")},
        "tahunAnggaran": str(row.year),
        "createdAt": f"{row.year}-06-0{1 + i % 9}T10:1{i % 10}:00+07:00",
    }


def sumut_record(row: Row, i: int) -> dict:
    """Laravel API resource: snake_case, UTC datetimes, numeric strings, nulls."""
    p = row.person
    return {
        "id": 300 + i,
        "nama": styled_name(p.name, "title", i),
        "nik": row.nik or p.nik,
        "tempat_lahir": p.place,
        "tanggal_lahir": iso_utc_midnight(p.birth, 7),
        "jenis_kelamin": p.sex,
        "jabatan_kerja": {"kode": None, "nama": row.jabatan},
        "jenjang": str(row.jenjang),
        "hasil": "Kompeten" if row.hasil == "K" else "Belum Kompeten",
        "no_sertifikat": row.number,
        "tgl_terbit": iso_utc_midnight(row.issued, 7),
        "tahun": str(row.year),
        "alamat": {"kabupaten": "Kota Medan", "kecamatan": None},
        "created_at": f"{row.year}-05-02T03:12:44.000000Z",
        "updated_at": None,
    }


def kalbar_record(row: Row, i: int) -> dict:
    """English field names of a national-style registry export."""
    p = row.person
    return {
        "full_name": styled_name(p.name, "title", i),
        "id_number": row.nik or p.nik,
        "gender": "male" if p.sex == "L" else "female",
        "birth_place": p.place,
        "birth_date": iso_local(p.birth, "+07:00"),
        "job_title": row.jabatan,
        "level": str(row.jenjang),
        "assessment_result": "competent" if row.hasil == "K" else "not yet competent",
        "certificate": {"number": row.number, "issued_at": iso_local(row.issued, "+07:00"),
                        "expires_at": iso_local(row.issued.replace(year=row.issued.year + 5), "+07:00")
                        if row.issued else None},
        "year": row.year,
    }


def ntb_record(row: Row, i: int) -> dict:
    """camelCase with WITA offsets, the jenjang as an expanded object, numbers as numbers."""
    p = row.person
    return {
        "idPeserta": 70000 + i,
        "namaPeserta": styled_name(p.name, "mixed", i),
        "nik": int(row.nik or p.nik),
        "tglLahir": iso_local(p.birth, "+08:00"),
        "jenisKelamin": p.sex,
        "jabatanKerja": row.jabatan,
        "jenjang": {"kode": str(row.jenjang), "nama": f"Jenjang {row.jenjang}"},
        "hasilUji": {"kode": "K" if row.hasil == "K" else "BK",
                     "label": "Kompeten" if row.hasil == "K" else "Belum Kompeten"},
        "nomorSertifikat": row.number,
        "tanggalTerbit": iso_local(row.issued, "+08:00"),
        "tahun": row.year,
    }


def write_json_pages(folder: Path, stem: str, office: str, rows: list[Row], per_page: int, envelope: str,
                     make, counts_at: str | None, world: World, extra_empty_page: bool = False) -> list[FileRec]:
    """Write a portal export page by page, one file per page."""
    pages = [rows[k:k + per_page] for k in range(0, len(rows), per_page)]
    if extra_empty_page:
        pages.append([])
    recs = []
    total = len(rows)
    last = len(pages)
    for n, page in enumerate(pages, 1):
        name = f"{stem}{n}.json"
        rec = FileRec(office, name, counts_at, note=f"{envelope} page {n}")
        records = []
        for i, row in enumerate(page):
            records.append(make(row, (n - 1) * per_page + i))
            rec.rows.append(("", i + 1, row))
        if envelope == "data_meta":
            doc = {"data": records,
                   "meta": {"currentPage": str(n), "perPage": str(per_page), "total": str(total),
                            "lastPage": str(last), "generatedAt": "2025-12-20T09:14:02+07:00"}}
        elif envelope == "laravel":
            doc = {"current_page": n, "data": records, "first_page_url": "https://simjakon.example/api/peserta?page=1",
                   "from": (n - 1) * per_page + 1 if page else None, "last_page": last,
                   "next_page_url": None if n == last else f"https://simjakon.example/api/peserta?page={n + 1}",
                   "path": "https://simjakon.example/api/peserta", "per_page": per_page,
                   "prev_page_url": None if n == 1 else f"https://simjakon.example/api/peserta?page={n - 1}",
                   "to": (n - 1) * per_page + len(page) if page else None, "total": total}
        elif envelope == "result_items":
            doc = {"status": 200, "message": "OK",
                   "result": {"items": records,
                              "pagination": {"page": n, "pageSize": per_page, "totalItems": total}}}
        else:  # success / data / rows
            doc = {"success": True, "data": {"rows": records, "count": len(records), "total": total,
                                              "page": n, "limit": per_page}}
        (folder / name).write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
        recs.append(rec)
    world.files.extend(recs)
    return recs


# ---------------------------------------------------------------- the world
def build(out: Path, seed: int = SEED) -> dict:
    """Write the landing folders, the registry and truth.json under ``out``; return the truth."""
    w = World(seed)
    land = out / "landing"
    for o in OFFICES:
        (land / o[0]).mkdir(parents=True, exist_ok=True)

    def people(prov, regency, n):
        return [w.person(prov, regency) for _ in range(n)]

    def rows_for(ps, office, levels, year, program):
        return [w.row(p, office, w.rng.choice(levels), year, program) for p in ps]

    def add(rec):
        w.files.append(rec)
        return rec

    # ---------------- Aceh
    # prov-aceh: 2024 expert workbook; 2025 SIKI-like portal export in pages, one page sent twice
    pa = people("11", "11.71", 14) + people("11", "11.06", 8) + people("11", "11.07", 4)
    r24 = rows_for(pa[:20], "prov-aceh", [7, 7, 8], 2024, "Sertifikasi Tenaga Ahli 2024")
    rec = add(FileRec("prov-aceh", "DAFTAR PESERTA SERTIFIKASI TENAGA AHLI 2024.xlsx", "prov-aceh"))
    write_xlsx_list(land / "prov-aceh" / rec.name, rec, r24, titles=[
        "DAFTAR PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI KUALIFIKASI AHLI",
        OFFICE["prov-aceh"][4], "TAHUN ANGGARAN 2024"], rekap=True, hidden_lists=True, style="upper")
    up = [w.upgrade(r, "prov-aceh", 2025, "Sertifikasi Tenaga Ahli 2025") for r in r24[:6]
          if r.hasil == "K" and r.jenjang < 9]
    r25 = up + rows_for(pa[20:], "prov-aceh", [7, 8, 9], 2025, "Sertifikasi Tenaga Ahli 2025")
    recs = write_json_pages(land / "prov-aceh", "export_siki_aceh_2025_hal", "prov-aceh", r25, 6, "data_meta",
                            aceh_record, "prov-aceh", w)
    dup = FileRec("prov-aceh", "export_siki_aceh_2025_hal2 (1).json", None, note="browser copy of page 2")
    (land / "prov-aceh" / dup.name).write_bytes((land / "prov-aceh" / recs[1].name).read_bytes())
    dup.rows = list(recs[1].rows)
    add(dup)

    # kota-banda-aceh: 2024 CSV (semicolon, UTF-8 BOM); 2025 xlsx with numbers as text and a Rekap sheet
    ba = people("11", "11.71", 24) + people("11", "11.06", 4)
    r = rows_for(ba[:18], "kota-banda-aceh", [1, 2, 3], 2024, "Uji Kompetensi Tenaga Terampil 2024")
    rec = add(FileRec("kota-banda-aceh", "Hasil UK Tenaga Terampil 2024.csv", "kota-banda-aceh"))
    write_csv(land / "kota-banda-aceh" / rec.name, rec, r, delimiter=";", encoding="utf-8", bom=True, style="upper")
    up = [w.upgrade(x, "kota-banda-aceh", 2025, "Uji Kompetensi 2025") for x in r[:8]
          if x.hasil == "K" and x.jenjang < 3]
    r2 = up + rows_for(ba[18:], "kota-banda-aceh", [2, 3, 4, 5], 2025, "Uji Kompetensi 2025")
    rec = add(FileRec("kota-banda-aceh", "DATA PESERTA UJI KOMPETENSI 2025.xlsx", "kota-banda-aceh"))
    write_xlsx_list(land / "kota-banda-aceh" / rec.name, rec, r2, titles=[
        "DATA PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", OFFICE["kota-banda-aceh"][4], "TAHUN 2025"],
        text_numbers=True, rekap=True, style="title", level_fmt="word")

    # kab-aceh-besar: first version and its revision (drops one participant, fixes one NIK);
    # an empty numbered template; a header-only CSV
    ab = people("11", "11.06", 22)
    r = rows_for(ab, "kab-aceh-besar", [2, 3, 4], 2024, "Sertifikasi SKK 2024")
    first = [Row(**{**x.__dict__}) for x in r]
    first[5].nik = first[5].person.nik[:8] + first[5].person.nik[9] + first[5].person.nik[8] + first[5].person.nik[10:]
    if first[5].nik == first[5].person.nik:
        first[5].nik = first[5].person.nik[:15] + str((int(first[5].person.nik[15]) + 1) % 10)
    rec = add(FileRec("kab-aceh-besar", "PESERTA SKK 2024.xlsx", None, note="first version, replaced"))
    # the dropped participant exists only in the first version
    dropped = w.row(w.person("11", "11.06"), "kab-aceh-besar", 3, 2024, "Sertifikasi SKK 2024", hasil="K")
    write_xlsx_list(land / "kab-aceh-besar" / rec.name, rec, first[:10] + [dropped] + first[10:], titles=[
        "DAFTAR PESERTA SERTIFIKASI KETERAMPILAN KERJA (SKK) TAHUN 2024", OFFICE["kab-aceh-besar"][4]],
        style="upper", level_fmt="roman")
    rec = add(FileRec("kab-aceh-besar", "PESERTA SKK 2024_revisi.xlsx", "kab-aceh-besar", note="revision"))
    write_xlsx_list(land / "kab-aceh-besar" / rec.name, rec, r, titles=[
        "DAFTAR PESERTA SERTIFIKASI KETERAMPILAN KERJA (SKK) TAHUN 2024", OFFICE["kab-aceh-besar"][4]],
        style="upper", level_fmt="roman")
    os.utime(land / "kab-aceh-besar" / "PESERTA SKK 2024.xlsx", (1717200000, 1717200000))
    os.utime(land / "kab-aceh-besar" / rec.name, (1717800000, 1717800000))
    rec = add(FileRec("kab-aceh-besar", "FORMAT DATA PESERTA 2025.xlsx", None, note="empty numbered template"))
    write_xlsx_list(land / "kab-aceh-besar" / rec.name, rec, [], titles=[
        "FORMAT DATA PESERTA SERTIFIKASI TAHUN 2025", OFFICE["kab-aceh-besar"][4]], template_blank=25)
    rec = add(FileRec("kab-aceh-besar", "peserta_2025_kosong.csv", None, note="header only"))
    write_csv(land / "kab-aceh-besar" / rec.name, rec, [], delimiter=";", encoding="utf-8", header_only=True)

    # ---------------- Sumatera Utara
    # prov-sumut: a Laravel-paginated API export (three pages), and Kota Medan's workbook in its folder
    ps_ = people("12", "12.71", 18) + people("12", "12.07", 10) + people("12", "12.08", 4)
    r = rows_for(ps_, "prov-sumut", [7, 7, 8, 9], 2025, "Pelatihan dan Sertifikasi Ahli 2025")
    write_json_pages(land / "prov-sumut", "api_peserta_page_", "prov-sumut", r, 12, "laravel", sumut_record,
                     "prov-sumut", w)
    md = people("12", "12.71", 30)
    r = rows_for(md[:12], "kota-medan", [1, 2, 3], 2024, "Sertifikasi Operator 2024")
    rec = add(FileRec("prov-sumut", "Peserta Sertifikasi Operator 2024.xlsx", "kota-medan",
                      note="Kota Medan's list in the province's folder"))
    write_xlsx_list(land / "prov-sumut" / rec.name, rec, r, titles=[
        "DAFTAR PESERTA SERTIFIKASI OPERATOR", "PEMERINTAH KOTA MEDAN", OFFICE["kota-medan"][4], "TAHUN 2024"],
        style="title")
    medan24 = r
    # kota-medan: 2023 tab-separated CSV; UTF-16 "Unicode text" export; 2025 re-certifications
    r = rows_for(md[12:24], "kota-medan", [1, 2, 3], 2023, "Uji Kompetensi 2023")
    rec = add(FileRec("kota-medan", "uji_kompetensi_2023.csv", "kota-medan"))
    write_csv(land / "kota-medan" / rec.name, rec, r, delimiter="\t", encoding="utf-8", style="upper")
    r3 = rows_for(md[24:], "kota-medan", [2, 3], 2023, "Uji Kompetensi 2023 Tahap II")
    rec = add(FileRec("kota-medan", "uji_kompetensi_2023_tahap2.txt", "kota-medan", note="UTF-16 unicode text"))
    write_csv(land / "kota-medan" / rec.name, rec, r3, delimiter="\t", encoding="utf-16-le", bom=True, style="title")
    up = [w.upgrade(x, "kota-medan", 2025, "Uji Kompetensi 2025") for x in (r + medan24)
          if x.hasil == "K" and x.jenjang < 3][:9]
    rec = add(FileRec("kota-medan", "REKAP PESERTA UK 2025.xlsx", "kota-medan"))
    write_xlsx_list(land / "kota-medan" / rec.name, rec, up, titles=[
        "REKAP PESERTA UJI KOMPETENSI TAHUN 2025", OFFICE["kota-medan"][4]], merged_header=False, style="mixed",
        rekap=True)

    # kab-deli-serdang: Latin-1 CSV with quoted newlines, sent twice (copy name)
    ds = [w.person("12", "12.07", latin1=n) for n in LATIN1_NAMES] + people("12", "12.07", 19)
    r = rows_for(ds, "kab-deli-serdang", [1, 2, 3, 4], 2024, "Uji Kompetensi 2024")
    rec = add(FileRec("kab-deli-serdang", "Data Peserta Uji Kompetensi 2024.csv", "kab-deli-serdang"))
    write_csv(land / "kab-deli-serdang" / rec.name, rec, r, delimiter=",", encoding="latin-1", style="upper",
              newline_cells=True, title_lines=["DATA PESERTA UJI KOMPETENSI KABUPATEN DELI SERDANG 2024"])
    dup = FileRec("kab-deli-serdang", "Data Peserta Uji Kompetensi 2024 - Copy.csv", None, note="copy")
    (land / "kab-deli-serdang" / dup.name).write_bytes((land / "kab-deli-serdang" / rec.name).read_bytes())
    dup.rows = list(rec.rows)
    add(dup)

    # ---------------- Kalimantan Barat
    kb = people("61", "61.71", 12) + people("61", "61.04", 6) + people("61", "61.05", 4)
    r = rows_for(kb[:12], "prov-kalbar", [7, 8], 2024, "Sertifikasi Ahli 2024")
    write_json_pages(land / "prov-kalbar", "registry_export_kalbar_2024_p", "prov-kalbar", r, 50,
                     "result_items", kalbar_record, "prov-kalbar", w)
    up = [w.upgrade(x, "prov-kalbar", 2025, "Sertifikasi Ahli 2025") for x in r[:5] if x.hasil == "K"
          and x.jenjang < 9]
    r2 = up + rows_for(kb[12:], "prov-kalbar", [5, 6, 7], 2025, "Fresh Graduate 2025")
    rec = add(FileRec("prov-kalbar", "PESERTA SERTIFIKASI AHLI DAN FRESH GRADUATE 2025.xlsx", "prov-kalbar"))
    write_xlsx_list(land / "prov-kalbar" / rec.name, rec, r2, titles=[
        "DAFTAR PESERTA SERTIFIKASI TENAGA AHLI DAN FRESH GRADUATE", OFFICE["prov-kalbar"][4], "TAHUN 2025"],
        hidden_lists=True, rekap=True, style="upper")
    # kota-pontianak: cp1252 semicolon CSV 2024; a 2025 workbook and its "_final" correction
    pt = people("61", "61.71", 30)
    r = rows_for(pt[:14], "kota-pontianak", [1, 2, 3], 2024, "UK 2024")
    rec = add(FileRec("kota-pontianak", "hasil_uk_2024.csv", "kota-pontianak"))
    write_csv(land / "kota-pontianak" / rec.name, rec, r, delimiter=";", encoding="cp1252", style="upper")
    r2 = rows_for(pt[14:], "kota-pontianak", [2, 3, 4], 2025, "UK 2025")
    r2 += [w.upgrade(x, "kota-pontianak", 2025, "UK 2025") for x in r[:4] if x.hasil == "K" and x.jenjang < 3]
    first = [Row(**{**x.__dict__}) for x in r2]
    first[2].hasil = "BK"  # the first version had a result wrong, corrected in _final
    first[2].number = None
    first[2].issued = None
    extra = w.row(w.person("61", "61.71"), "kota-pontianak", 2, 2025, "UK 2025", hasil="K")
    rec = add(FileRec("kota-pontianak", "Hasil UK 2025.xlsx", None, note="first version, replaced"))
    write_xlsx_list(land / "kota-pontianak" / rec.name, rec, first + [extra], titles=[
        "HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2025", OFFICE["kota-pontianak"][4]], style="upper")
    rec = add(FileRec("kota-pontianak", "Hasil UK 2025_final.xlsx", "kota-pontianak", note="correction"))
    write_xlsx_list(land / "kota-pontianak" / rec.name, rec, r2, titles=[
        "HASIL UJI KOMPETENSI TENAGA KERJA KONSTRUKSI TAHUN 2025", OFFICE["kota-pontianak"][4]], style="upper")
    os.utime(land / "kota-pontianak" / "Hasil UK 2025.xlsx", (1751000000, 1751000000))
    os.utime(land / "kota-pontianak" / rec.name, (1751600000, 1751600000))
    # kab-ketapang: numbers stored as text; the same file also dropped in Pontianak's folder
    kt = people("61", "61.04", 18) + people("61", "61.71", 2)
    r = rows_for(kt, "kab-ketapang", [1, 2, 3, 5], 2024, "Sertifikasi 2024")
    rec = add(FileRec("kab-ketapang", "Data Sertifikasi Ketapang 2024.xlsx", "kab-ketapang"))
    write_xlsx_list(land / "kab-ketapang" / rec.name, rec, r, titles=[
        "DATA PESERTA SERTIFIKASI TENAGA KERJA KONSTRUKSI", OFFICE["kab-ketapang"][4], "TAHUN 2024"],
        text_numbers=True, style="upper")
    dup = FileRec("kota-pontianak", "Data Sertifikasi Ketapang 2024.xlsx", None, note="Ketapang's file, also here")
    (land / "kota-pontianak" / dup.name).write_bytes((land / "kab-ketapang" / rec.name).read_bytes())
    dup.rows = list(rec.rows)
    add(dup)

    # ---------------- Nusa Tenggara Barat
    nb = people("52", "52.71", 14) + people("52", "52.03", 10) + people("52", "52.01", 6)
    r = rows_for(nb[:22], "prov-ntb", [7, 7, 8], 2024, "Sertifikasi Tenaga Ahli 2024")
    write_json_pages(land / "prov-ntb", "simpan_peserta_2024_page", "prov-ntb", r, 10, "success_rows",
                     ntb_record, "prov-ntb", w, extra_empty_page=True)
    up = [w.upgrade(x, "prov-ntb", 2025, "Sertifikasi Tenaga Ahli 2025") for x in r[:7]
          if x.hasil == "K" and x.jenjang < 9]
    r2 = up + rows_for(nb[22:], "prov-ntb", [5, 6], 2025, "Fresh Graduate 2025")
    rec = add(FileRec("prov-ntb", "Peserta Sertifikasi 2025.xlsx", "prov-ntb"))
    write_xlsx_list(land / "prov-ntb" / rec.name, rec, r2, titles=[
        "PESERTA PELATIHAN DAN SERTIFIKASI TENAGA KERJA KONSTRUKSI", OFFICE["prov-ntb"][4], "TAHUN 2025"],
        style="mixed", rekap=True, hidden_lists=True)
    # kota-mataram: 2024 workbook in capitals; 2025 tab CSV in title case; its 2025 list also in
    # Lombok Timur's folder, under a name that names Mataram
    mt = people("52", "52.71", 26)
    r = rows_for(mt[:14], "kota-mataram", [1, 2, 3], 2024, "Sertifikasi Tenaga Terampil 2024")
    rec = add(FileRec("kota-mataram", "SERTIFIKASI TENAGA TERAMPIL 2024.xlsx", "kota-mataram"))
    write_xlsx_list(land / "kota-mataram" / rec.name, rec, r, titles=[
        "DAFTAR PESERTA SERTIFIKASI TENAGA TERAMPIL", OFFICE["kota-mataram"][4], "TAHUN ANGGARAN 2024"],
        style="upper")
    r2 = [w.upgrade(x, "kota-mataram", 2025, "Sertifikasi 2025") for x in r[:6] if x.hasil == "K" and x.jenjang < 3]
    r2 += rows_for(mt[14:20], "kota-mataram", [2, 3], 2025, "Sertifikasi 2025")
    rec = add(FileRec("kota-mataram", "sertifikasi_2025.csv", "kota-mataram"))
    write_csv(land / "kota-mataram" / rec.name, rec, r2, delimiter="\t", encoding="utf-8", style="title")
    r3 = rows_for(mt[20:], "kota-mataram", [1, 2, 3], 2025, "Sertifikasi 2025 Tahap II")
    rec = add(FileRec("kab-lombok-timur", "Peserta_UK_Kota_Mataram_Tahap_II_2025.csv", "kota-mataram",
                      note="Mataram's CSV in Lombok Timur's folder"))
    write_csv(land / "kab-lombok-timur" / rec.name, rec, r3, delimiter=";", encoding="utf-8", bom=True,
              style="upper", title_lines=["DAFTAR PESERTA UJI KOMPETENSI TAHAP II", OFFICE["kota-mataram"][4]])
    # kab-lombok-timur: 2024 workbook; a header-only CSV
    lt = people("52", "52.03", 20)
    r = rows_for(lt, "kab-lombok-timur", [1, 2, 3, 4], 2024, "Uji Kompetensi 2024")
    rec = add(FileRec("kab-lombok-timur", "Uji Kompetensi Lotim 2024.xlsx", "kab-lombok-timur"))
    write_xlsx_list(land / "kab-lombok-timur" / rec.name, rec, r, titles=[
        "DAFTAR PESERTA UJI KOMPETENSI TENAGA KERJA KONSTRUKSI", OFFICE["kab-lombok-timur"][4], "TAHUN 2024"],
        style="lower", level_fmt="word")
    rec = add(FileRec("kab-lombok-timur", "peserta_2025_belum_diisi.csv", None, note="header only"))
    write_csv(land / "kab-lombok-timur" / rec.name, rec, [], delimiter=",", encoding="utf-8", header_only=True)

    round_two(w, land)
    round_three(w, land)
    round_four(w, land)
    round_five(w, land)
    round_six(w, land)
    write_registry(out / "offices.yaml")
    truth = w.truth()
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    return truth


# ---------------------------------------------------------------- round two: more portals and tools
EPOCH = date(1970, 1, 1)


def local_midnight_ms(d: date | None, hours_ahead: int = 7) -> int | None:
    """Milliseconds since the epoch of local midnight in an Indonesian zone (Jackson, /Date()/)."""
    if d is None:
        return None
    return ((d - EPOCH).days * 86400 - hours_ahead * 3600) * 1000


def counted_rows(w: World, office: str, kompeten: bool = True) -> list[Row]:
    """Each person's latest row (year, then jenjang) in the files that count at ``office``, for
    re-certifying them a jenjang up; persons re-certified already are re-certified from there."""
    latest: dict[int, Row] = {}
    for f in w.files:
        if f.counts_at != office:
            continue
        for _s, _r, row in f.rows:
            if row.hasil == "K" or not kompeten:
                held = latest.get(row.person.pid)
                if held is None or (row.year, row.jenjang) > (held.year, held.jenjang):
                    latest[row.person.pid] = row
    return list(latest.values())


def spring_record(row: Row, i: int) -> dict:
    """A Spring Boot (Jackson 2 defaults) entity: dates as epoch milliseconds, ints as ints."""
    p = row.person
    return {"id": 5000 + i, "namaLengkap": styled_name(p.name, "upper", i), "nik": row.nik or p.nik,
            "tempatLahir": p.place, "tanggalLahir": local_midnight_ms(p.birth), "jenisKelamin": p.sex,
            "jabatanKerja": row.jabatan, "jenjang": row.jenjang,
            "hasilUji": "KOMPETEN" if row.hasil == "K" else "BELUM_KOMPETEN",
            "nomorSertifikat": row.number, "tanggalTerbit": local_midnight_ms(row.issued),
            "tahun": row.year, "createdDate": local_midnight_ms(date(row.year, 6, 1)) + 36000000}


def sharepoint_record(row: Row, i: int) -> dict:
    """A SharePoint list item (REST, odata=verbose): Title holds the name, dates as /Date(ms)/."""
    p = row.person
    def sp(d):
        return None if d is None else f"/Date({local_midnight_ms(d)})/"
    return {"__metadata": {"id": f"Web/Lists(guid'1a2b')/Items({i + 1})", "uri": f"https://pupr.example/_api/Web/Lists"
                           f"(guid'1a2b')/Items({i + 1})", "etag": "\"3\"", "type": "SP.Data.PesertaUKListItem"},
            "FileSystemObjectType": 0, "Id": i + 1, "ID": i + 1, "ContentTypeId": "0x0100A1B2",
            "Title": styled_name(p.name, "title", i), "NIK": row.nik or p.nik, "TanggalLahir": sp(p.birth),
            "JenisKelamin": "Laki-laki" if p.sex == "L" else "Perempuan", "JabatanKerja": row.jabatan,
            "Jenjang": str(row.jenjang), "HasilUji": "Kompeten" if row.hasil == "K" else "Belum Kompeten",
            "NomorSertifikat": row.number, "TanggalTerbit": sp(row.issued), "Tahun": float(row.year),
            "Modified": "2024-11-02T02:11:09Z", "Created": "2024-10-30T07:45:00Z", "AuthorId": 12, "EditorId": 12,
            "OData__UIVersionString": "1.0", "Attachments": False, "GUID": f"6f1c{i:04d}-aaaa-bbbb-cccc-000000000000"}


def strapi_record(row: Row, i: int) -> dict:
    """A Strapi v4 entry: fields under attributes, the certificate a relation under data.attributes."""
    p = row.person
    cert = None
    if row.hasil == "K":
        cert = {"data": {"id": 900 + i, "attributes": {
            "nomor": row.number, "tanggalTerbit": row.issued.isoformat() if row.issued else None,
            "createdAt": "2025-09-01T02:00:00.000Z", "updatedAt": "2025-09-01T02:00:00.000Z"}}}
    return {"id": 40 + i, "attributes": {
        "namaLengkap": styled_name(p.name, "mixed", i), "nik": row.nik or p.nik,
        "tanggalLahir": p.birth.isoformat(), "jenisKelamin": "Laki-laki" if p.sex == "L" else "Perempuan",
        "jabatanKerja": row.jabatan, "jenjang": str(row.jenjang),
        "hasil": "Kompeten" if row.hasil == "K" else "Belum Kompeten", "tahun": row.year,
        "createdAt": "2025-08-20T03:15:22.120Z", "updatedAt": "2025-08-21T01:00:00.000Z",
        "publishedAt": "2025-08-21T01:00:00.000Z", "sertifikat": cert or {"data": None}}}


def datatables_record(row: Row, i: int) -> dict:
    """A Yajra (Laravel) DataTables row: HTML badges and buttons inside the values."""
    p = row.person
    badge = ('<span class="badge badge-success">Kompeten</span>' if row.hasil == "K"
             else '<span class="badge badge-danger">Belum Kompeten</span>')
    return {"DT_RowIndex": i + 1, "id": 700 + i, "nama": styled_name(p.name, "upper", i), "nik": row.nik or p.nik,
            "tgl_lahir": dmy(p.birth), "jk": p.sex, "jabatan_kerja": row.jabatan, "jenjang": str(row.jenjang),
            "hasil": badge, "no_sertifikat": row.number or "-", "tahun": str(row.year),
            "action": f'<a href="/peserta/{700 + i}/edit" class="btn btn-sm btn-warning"><i class="fa fa-edit"></i>'
                      f'</a> <button class="btn btn-sm btn-danger" data-id="{700 + i}">Hapus</button>'}


def es_record(row: Row, i: int) -> dict:
    """An Elasticsearch hit: the document under _source."""
    p = row.person
    return {"_index": "peserta-sertifikasi-2025", "_id": f"aX{i:05d}", "_score": 1.0,
            "_source": {"nama": styled_name(p.name, "title", i), "nik": row.nik or p.nik,
                        "tanggal_lahir": p.birth.isoformat(), "jenis_kelamin": p.sex, "jabatan_kerja": row.jabatan,
                        "jenjang": row.jenjang, "hasil": "Kompeten" if row.hasil == "K" else "Belum Kompeten",
                        "nomor_sertifikat": row.number, "tanggal_terbit": row.issued.isoformat() if row.issued else None,
                        "tahun": row.year, "@timestamp": "2025-10-01T04:00:00.000Z"}}


def powershell_json(records: list[dict]) -> str:
    """ConvertTo-Json of Windows PowerShell 5.1: 4-space indents, two spaces after the colon, \/ escaped."""
    def val(v):
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return json.dumps(v)
        return json.dumps(v, ensure_ascii=False).replace("/", "\\/")
    out = ["["]
    for n, rec in enumerate(records):
        out.append("    {")
        items = list(rec.items())
        for k, (key, v) in enumerate(items):
            out.append(f'        "{key}":  {val(v)}' + ("," if k < len(items) - 1 else ""))
        out.append("    }" + ("," if n < len(records) - 1 else ""))
    out.append("]")
    return "\r\n".join(out)


def round_two(w: World, land: Path) -> None:
    """Files of the second round: more portals and office tools, and persons certified a year on."""
    def people(prov, regency, n):
        return [w.person(prov, regency) for _ in range(n)]

    def rows_for(ps, office, levels, year, program):
        return [w.row(p, office, w.rng.choice(levels), year, program) for p in ps]

    def json_file(office, name, doc, rows, counts_at, note, encoding="utf-8", text=None):
        rec = FileRec(office, name, counts_at, note=note)
        for i, row in enumerate(rows):
            rec.rows.append(("", i + 1, row))
        body = text if text is not None else json.dumps(doc, ensure_ascii=False, indent=2)
        data = body.encode(encoding)
        if encoding.startswith("utf-16"):
            data = "\ufeff".encode(encoding) + data
        (land / office / name).write_bytes(data)
        w.files.append(rec)
        return rec

    # prov-aceh: Spring Data page (content / pageable / totalElements), dates as epoch milliseconds;
    # 2024 experts re-certified a jenjang up in 2026
    ups = [w.upgrade(r, "prov-aceh", 2026, "Sertifikasi Ahli 2026") for r in counted_rows(w, "prov-aceh")
           if r.year == 2024 and r.jenjang < 9][:5]
    rows = ups + rows_for(people("11", "11.71", 7), "prov-aceh", [7, 8], 2026, "Sertifikasi Ahli 2026")
    for r in rows:
        if r.issued and r.issued > date(2026, 5, 31):
            r.issued = date(2026, 5, r.issued.day)
    doc = {"content": [spring_record(r, i) for i, r in enumerate(rows)],
           "pageable": {"sort": {"empty": True, "sorted": False, "unsorted": True}, "offset": 0, "pageNumber": 0,
                        "pageSize": 20, "paged": True, "unpaged": False},
           "last": True, "totalPages": 1, "totalElements": len(rows), "size": 20, "number": 0,
           "sort": {"empty": True, "sorted": False, "unsorted": True}, "first": True,
           "numberOfElements": len(rows), "empty": False}
    json_file("prov-aceh", "peserta-sertifikasi-2026.json", doc, rows, "prov-aceh", "Spring page, epoch ms")

    # kota-banda-aceh: a KoboToolbox CSV export (';', group/field headers, choice names)
    rows = rows_for(people("11", "11.71", 12), "kota-banda-aceh", [1, 2, 3], 2025, "MTU 2025")
    rec = FileRec("kota-banda-aceh", "Uji_Kompetensi_MTU_2025_-_all_versions_-_labels_-_2025-09-14-03-21-07.csv",
                  "kota-banda-aceh", note="KoboToolbox CSV")
    head = ["start", "end", "today", "deviceid", "identitas/nama_lengkap", "identitas/nik", "identitas/tanggal_lahir",
            "identitas/jenis_kelamin", "uji/jabatan_kerja", "uji/jenjang", "uji/hasil_uji", "uji/foto",
            "uji/foto_URL", "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
            "_submitted_by", "__version__", "_tags", "_index"]
    buf = io.StringIO()
    cw = csv.writer(buf, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_ALL)
    cw.writerow(head)
    for i, r in enumerate(rows):
        p = r.person
        cw.writerow([f"2025-09-1{i % 3}T09:{10 + i:02d}:00.000+07:00", f"2025-09-1{i % 3}T09:{20 + i:02d}:00.000+07:00",
                     f"2025-09-1{i % 3}", "ee.kobotoolbox.org:abc", styled_name(p.name, "upper", i), p.nik,
                     p.birth.isoformat(), "laki_laki" if p.sex == "L" else "perempuan",
                     r.jabatan.lower().replace(" ", "_"), f"jenjang_{r.jenjang}",
                     "kompeten" if r.hasil == "K" else "belum_kompeten", f"foto_{i}.jpg",
                     f"https://kc.kobotoolbox.org/media/foto_{i}.jpg", 310000 + i,
                     f"0b1c2d3e-{i:04d}-4000-8000-00000000000{i % 10}", f"2025-09-1{i % 3}T02:{30 + i:02d}:11",
                     "", "[]", "submitted_via_web", "", "vQx7", "[]", i + 1])
        rec.rows.append(("", i + 2, r))
    (land / "kota-banda-aceh" / rec.name).write_text(buf.getvalue(), encoding="utf-8")
    w.files.append(rec)

    # kota-medan: SharePoint list, REST odata=verbose, two pages via __next
    # persons not re-certified in 2025 already (REKAP PESERTA UK 2025 holds the first nine)
    done = {r.person.pid for f in w.files if f.counts_at == "kota-medan" for _s, _n, r in f.rows if r.year == 2025}
    ups = [w.upgrade(r, "kota-medan", 2025, "UK 2025") for r in counted_rows(w, "kota-medan")
           if r.year == 2023 and r.jenjang < 3 and r.person.pid not in done][:6]
    rows = ups + rows_for(people("12", "12.71", 10), "kota-medan", [1, 2, 3], 2025, "UK 2025")
    for n, page in enumerate((rows[:8], rows[8:]), 1):
        doc = {"d": {"results": [sharepoint_record(r, (n - 1) * 8 + i) for i, r in enumerate(page)]}}
        if n == 1:
            doc["d"]["__next"] = ("https://pupr.pemkomedan.example/_api/web/lists/getbytitle('Peserta%20UK')/items"
                                  "?%24skiptoken=Paged%3dTRUE%26p_ID%3d8&%24top=8")
        json_file("kota-medan", f"items_peserta_uk_{n}.json", doc, page, "kota-medan", "SharePoint odata=verbose")

    # kab-deli-serdang: PowerShell 5.1 ConvertTo-Json | Out-File (UTF-16 LE with BOM, \/Date(ms)\/)
    rows = rows_for(people("12", "12.07", 9), "kab-deli-serdang", [2, 3, 4], 2025, "UK 2025")
    recs = [{"No": i + 1, "Nama Lengkap": styled_name(r.person.name, "upper", i), "NIK": r.person.nik,
             "Tgl Lahir": f"/Date({local_midnight_ms(r.person.birth)})/", "L/P": r.person.sex,
             "Jabatan Kerja": r.jabatan, "Jenjang": r.jenjang,
             "Hasil": "K" if r.hasil == "K" else "BK", "No Sertifikat": r.number,
             "Tgl Terbit": f"/Date({local_midnight_ms(r.issued)})/" if r.issued else None}
            for i, r in enumerate(rows)]
    json_file("kab-deli-serdang", "peserta_uk_2025.json", None, rows, "kab-deli-serdang", "PowerShell UTF-16 JSON",
              encoding="utf-16-le", text=powershell_json(recs))

    # kab-aceh-besar: phpMyAdmin CSV (every field quoted, NULL, 0000-00-00)
    ups = [w.upgrade(r, "kab-aceh-besar", 2025, "SKK 2025") for r in counted_rows(w, "kab-aceh-besar")
           if r.jenjang < 4][:5]
    rows = ups + rows_for(people("11", "11.06", 8), "kab-aceh-besar", [2, 3, 4], 2025, "SKK 2025")
    rec = FileRec("kab-aceh-besar", "tbl_peserta_skk.csv", "kab-aceh-besar", note="phpMyAdmin CSV")
    lines = ['"id","nama","nik","tempat_lahir","tgl_lahir","jk","jabatan_kerja","jenjang","hasil","no_sertifikat",'
             '"tgl_terbit","tahun","keterangan"']
    for i, r in enumerate(rows):
        p = r.person
        cells = [str(i + 1), styled_name(p.name, "upper", i), p.nik, p.place, p.birth.isoformat(), p.sex, r.jabatan,
                 str(r.jenjang), "Kompeten" if r.hasil == "K" else "Belum Kompeten", r.number or "NULL",
                 r.issued.isoformat() if r.issued else "0000-00-00", str(r.year), "NULL"]
        lines.append(",".join("NULL" if c == "NULL" else '"' + c.replace('"', '""') + '"' for c in cells))
        rec.rows.append(("", i + 2, r))
    (land / "kab-aceh-besar" / rec.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    w.files.append(rec)

    # kota-pontianak: a portal's xlsx with a wrong <dimension ref="A1"/> and an upper-case extension
    rows = rows_for(people("61", "61.71", 10), "kota-pontianak", [1, 2, 3], 2025, "UK 2025 Tahap II")
    rec = FileRec("kota-pontianak", "EXPORT_PESERTA_TAHAP_II.XLSX", "kota-pontianak", note="dimension A1")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Worksheet"
    ws.append(["No", "Nama", "NIK", "Tanggal Lahir", "Jenis Kelamin", "Jabatan Kerja", "Jenjang", "Hasil",
               "Nomor Sertifikat", "Tahun"])
    for i, r in enumerate(rows):
        ws.append([i + 1, styled_name(r.person.name, "upper", i), r.person.nik, dmy(r.person.birth),
                   r.person.sex, r.jabatan, r.jenjang, "Kompeten" if r.hasil == "K" else "Belum Kompeten",
                   r.number, r.year])
        rec.rows.append(("Worksheet", i + 2, r))
    _save_with_dimension(wb, land / "kota-pontianak" / rec.name, "A1")
    w.files.append(rec)

    # kab-ketapang: the office's macro template (.xlsm)
    rows = rows_for(people("61", "61.04", 10), "kab-ketapang", [1, 2, 3], 2025, "Sertifikasi 2025")
    rec = FileRec("kab-ketapang", "Form Data Peserta 2025.xlsm", "kab-ketapang", note="xlsm")
    path = land / "kab-ketapang" / rec.name
    write_xlsx_list(path, rec, rows, titles=["FORM DATA PESERTA SERTIFIKASI TAHUN 2025",
                                             OFFICE["kab-ketapang"][4]], style="title")
    _make_macro_enabled(path)
    w.files.append(rec)

    # prov-kalbar: a web export meant for Excel ('sep=;' line, BOM), in a sub-folder per batch
    sub = land / "prov-kalbar" / "2025" / "Tahap II"
    sub.mkdir(parents=True, exist_ok=True)
    rows = rows_for(people("61", "61.71", 6) + people("61", "61.04", 4), "prov-kalbar", [7, 8], 2025,
                    "Sertifikasi Ahli 2025 Tahap II")
    rec = FileRec("prov-kalbar", "2025/Tahap II/peserta_tahap_2.csv", "prov-kalbar", note="sep= line, sub-folder")
    body = ["sep=;", "No;Nama;NIK;Tanggal Lahir;Jenis Kelamin;Jabatan Kerja;Jenjang;Hasil;No Sertifikat;Tahun"]
    for i, r in enumerate(rows):
        p = r.person
        body.append(";".join([str(i + 1), styled_name(p.name, "title", i), p.nik, dmy(p.birth, "/"), p.sex,
                              r.jabatan, str(r.jenjang), "Kompeten" if r.hasil == "K" else "Belum Kompeten",
                              r.number or "", str(r.year)]))
        rec.rows.append(("", i + 3, r))
    (sub / "peserta_tahap_2.csv").write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(body) + "\r\n").encode("utf-8"))
    w.files.append(rec)

    # prov-ntb: Strapi v4, two pages overlapping by one record (a record inserted between the fetches)
    ups = [w.upgrade(r, "prov-ntb", 2025, "Sertifikasi Ahli 2025 Tahap II") for r in counted_rows(w, "prov-ntb")
           if r.year == 2024 and r.jenjang == 7][:4]
    rows = ups + rows_for(people("52", "52.71", 8), "prov-ntb", [7, 8, 9], 2025, "Sertifikasi Ahli 2025 Tahap II")
    pages = (rows[:7], rows[6:])
    for n, page in enumerate(pages, 1):
        start = 0 if n == 1 else 6
        doc = {"data": [strapi_record(r, start + i) for i, r in enumerate(page)],
               "meta": {"pagination": {"page": n, "pageSize": 7, "pageCount": 2, "total": len(rows) + (n - 1)}}}
        json_file("prov-ntb", f"api-pesertas-page-{n}.json", doc, page, "prov-ntb", "Strapi v4")

    # kota-mataram: a DataTables server-side answer copied from the browser (HTML in values)
    rows = rows_for(people("52", "52.71", 9), "kota-mataram", [1, 2, 3], 2025, "Sertifikasi 2025 Tahap III")
    doc = {"draw": "1", "recordsTotal": len(rows), "recordsFiltered": len(rows),
           "data": [datatables_record(r, i) for i, r in enumerate(rows)], "input": {"draw": "1", "start": "0",
                                                                                 "length": "25"}}
    json_file("kota-mataram", "datatable_peserta.json", doc, rows, "kota-mataram", "DataTables")

    # kab-lombok-timur: a pipe-delimited database dump with an upper-case .CSV extension
    rows = rows_for(people("52", "52.03", 9), "kab-lombok-timur", [1, 2, 3], 2025, "UK 2025")
    rec = FileRec("kab-lombok-timur", "DUMP_PESERTA_2025.CSV", "kab-lombok-timur", note="pipe")
    body = ["nama|nik|tgl_lahir|jenis_kelamin|jabatan_kerja|jenjang|hasil_uji|no_sertifikat|tahun"]
    for i, r in enumerate(rows):
        p = r.person
        body.append("|".join([styled_name(p.name, "upper", i), p.nik, p.birth.isoformat(), p.sex, r.jabatan,
                              str(r.jenjang), "K" if r.hasil == "K" else "BK", r.number or "", str(r.year)]))
        rec.rows.append(("", i + 2, r))
    (land / "kab-lombok-timur" / rec.name).write_text("\n".join(body) + "\n", encoding="utf-8")
    w.files.append(rec)

    # prov-sumut: an Elasticsearch search answer (hits.hits[]._source)
    ups = [w.upgrade(r, "prov-sumut", 2026, "Sertifikasi Ahli 2026") for r in counted_rows(w, "prov-sumut")
           if r.jenjang < 9][:5]
    rows = ups + rows_for(people("12", "12.71", 6), "prov-sumut", [7, 8], 2026, "Sertifikasi Ahli 2026")
    for r in rows:
        if r.issued and r.issued > date(2026, 5, 31):
            r.issued = date(2026, 5, r.issued.day)
    doc = {"took": 12, "timed_out": False, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
           "hits": {"total": {"value": len(rows), "relation": "eq"}, "max_score": 1.0,
                    "hits": [es_record(r, i) for i, r in enumerate(rows)]}}
    json_file("prov-sumut", "peserta_es_export.json", doc, rows, "prov-sumut", "Elasticsearch hits")


def round_three(w: World, land: Path) -> None:
    """Files of the third round: CSV opened in the wrong locale and saved as xlsx, a units line
    under the header, a double-encoded JSON answer, a cumulative portal export downloaded twice,
    a zip of pages sent by chat."""
    import zipfile

    def people(prov, regency, n):
        return [w.person(prov, regency) for _ in range(n)]

    def rows_for(ps, office, levels, year, program):
        return [w.row(p, office, w.rng.choice(levels), year, program) for p in ps]

    # kab-deli-serdang: a ';' CSV opened in an English-locale Excel (each line in column A) and saved as xlsx
    rows = rows_for(people("12", "12.07", 8), "kab-deli-serdang", [1, 2, 3], 2025, "UK 2025 Tahap II")
    rec = FileRec("kab-deli-serdang", "Peserta UK 2025 Tahap II.xlsx", "kab-deli-serdang", note="CSV in column A")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peserta UK 2025 Tahap II"
    ws.append(["No;Nama;NIK;Tanggal Lahir;L/P;Jabatan Kerja;Jenjang;Hasil;No Sertifikat;Tahun"])
    for i, r in enumerate(rows):
        p = r.person
        ws.append([";".join([str(i + 1), styled_name(p.name, "upper", i), p.nik, dmy(p.birth), p.sex, r.jabatan,
                             str(r.jenjang), "K" if r.hasil == "K" else "BK", r.number or "", str(r.year)])])
        rec.rows.append((ws.title, i + 2, r))
    wb.save(land / "kab-deli-serdang" / rec.name)
    w.files.append(rec)

    # kota-pontianak: a CSV with a line of formats under the header
    rows = rows_for(people("61", "61.71", 8), "kota-pontianak", [1, 2, 3], 2025, "UK 2025 Tahap III")
    rec = FileRec("kota-pontianak", "uk_2025_tahap3.csv", "kota-pontianak", note="units line")
    body = ["NO,NAMA LENGKAP,NIK,TANGGAL LAHIR,JENIS KELAMIN,JABATAN KERJA,JENJANG,HASIL UJI,NOMOR SERTIFIKAT,TAHUN",
            "(1),(tanpa gelar),(16 digit),(dd-mm-yyyy),(L/P),,(1-9),(K/BK),,"]
    for i, r in enumerate(rows):
        p = r.person
        body.append(",".join([str(i + 1), styled_name(p.name, "upper", i), p.nik, dmy(p.birth), p.sex, r.jabatan,
                              str(r.jenjang), "K" if r.hasil == "K" else "BK", r.number or "", str(r.year)]))
        rec.rows.append(("", i + 3, r))
    (land / "kota-pontianak" / rec.name).write_text("\r\n".join(body) + "\r\n", encoding="utf-8")
    w.files.append(rec)

    # kab-lombok-timur: an API answer whose body is a JSON string holding the JSON (double-encoded)
    rows = rows_for(people("52", "52.03", 8), "kab-lombok-timur", [1, 2, 3], 2025, "UK 2025 Tahap II")
    inner = {"status": True, "data": [{"nama": styled_name(r.person.name, "title", i), "nik": r.person.nik,
                                       "tgl_lahir": r.person.birth.isoformat(), "jk": r.person.sex,
                                       "jabatan_kerja": r.jabatan, "jenjang": r.jenjang,
                                       "hasil": "Kompeten" if r.hasil == "K" else "Belum Kompeten",
                                       "no_sertifikat": r.number, "tahun": r.year} for i, r in enumerate(rows)]}
    rec = FileRec("kab-lombok-timur", "response_peserta.json", "kab-lombok-timur", note="double-encoded JSON")
    for i, r in enumerate(rows):
        rec.rows.append(("", i + 1, r))
    (land / "kab-lombok-timur" / rec.name).write_text(json.dumps(json.dumps(inner)), encoding="utf-8")
    w.files.append(rec)

    # prov-kalbar: the same portal export downloaded in March and again in June with more rows
    march = rows_for(people("61", "61.71", 7), "prov-kalbar", [7, 8], 2026, "Sertifikasi Ahli 2026")
    june = march + rows_for(people("61", "61.04", 4), "prov-kalbar", [7, 8], 2026, "Sertifikasi Ahli 2026")
    for r in june:
        if r.issued and r.issued > date(2026, 2, 28):
            r.issued = date(2026, 2, r.issued.day if r.issued.day <= 28 else 28)
    for stamp, rows, counts in (("2026-03-02", march, None), ("2026-06-15", june, "prov-kalbar")):
        rec = FileRec("prov-kalbar", f"export_peserta_{stamp}.json", counts, note="cumulative export")
        doc = {"status": 200, "message": "OK", "result": {"items": [kalbar_record(r, i) for i, r in enumerate(rows)],
                                                          "pagination": {"page": 1, "pageSize": 100,
                                                                         "totalItems": len(rows)}}}
        for i, r in enumerate(rows):
            rec.rows.append(("", i + 1, r))
        (land / "prov-kalbar" / rec.name).write_text(json.dumps(doc, indent=1), encoding="utf-8")
        w.files.append(rec)
    os.utime(land / "prov-kalbar" / "export_peserta_2026-03-02.json", (1772400000, 1772400000))
    os.utime(land / "prov-kalbar" / "export_peserta_2026-06-15.json", (1781500000, 1781500000))

    # kota-mataram: a zip sent by chat holding two pages of the portal's export and macOS leftovers
    rows = rows_for(people("52", "52.71", 10), "kota-mataram", [1, 2, 3], 2025, "Sertifikasi 2025 Tahap IV")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, page in enumerate((rows[:5], rows[5:]), 1):
            name = f"export/peserta_hal{n}.json"
            doc = {"data": [ntb_record(r, (n - 1) * 5 + i) for i, r in enumerate(page)],
                   "meta": {"currentPage": n, "lastPage": 2, "total": len(rows)}}
            z.writestr(name, json.dumps(doc))
            rec = FileRec("kota-mataram", f"Kiriman WA 2025.zip/{name}", "kota-mataram", note="zip member")
            for i, r in enumerate(page):
                rec.rows.append(("", i + 1, r))
            w.files.append(rec)
        z.writestr("__MACOSX/export/._peserta_hal1.json", b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (land / "kota-mataram" / "Kiriman WA 2025.zip").write_bytes(buf.getvalue())


def round_four(w: World, land: Path) -> None:
    """Regression files written AFTER the fixes they cover (probes beside rounds one to three found
    the faults): a Firestore REST export, a mongoexport file, a MySQL tab dump with \\N, and a Lombok
    Timur list in Kota Mataram's folder named by the short name "Lotim". The truth is still this
    module's own model."""
    def people(prov, regency, n):
        return [w.person(prov, regency) for _ in range(n)]

    def rows_for(ps, office, levels, year, program):
        return [w.row(p, office, w.rng.choice(levels), year, program) for p in ps]

    def add_json(office, name, rows, text, counts_at, note):
        rec = FileRec(office, name, counts_at, note=note)
        for i, r in enumerate(rows):
            rec.rows.append(("", i + 1, r))
        (land / office / name).write_text(text, encoding="utf-8")
        w.files.append(rec)

    # prov-ntb: Firestore REST (documents with typed fields); experts of 2024 a jenjang up in 2026
    ups = [w.upgrade(r, "prov-ntb", 2026, "Sertifikasi Ahli 2026") for r in counted_rows(w, "prov-ntb")
           if r.year == 2024 and r.jenjang == 7][:3]
    rows = ups + rows_for(people("52", "52.71", 5), "prov-ntb", [7, 8], 2026, "Sertifikasi Ahli 2026")
    for r in rows:
        if r.issued and r.issued > date(2026, 5, 31):
            r.issued = date(2026, 5, min(r.issued.day, 28))

    def fs(row: Row, i: int) -> dict:
        p = row.person
        fields = {"namaLengkap": {"stringValue": styled_name(p.name, "title", i)}, "nik": {"stringValue": p.nik},
                  "tanggalLahir": {"timestampValue": f"{(p.birth - timedelta(days=1)).isoformat()}T16:00:00Z"},
                  "jenisKelamin": {"stringValue": p.sex}, "jabatanKerja": {"stringValue": row.jabatan},
                  "jenjang": {"integerValue": str(row.jenjang)},
                  "hasil": {"stringValue": "Kompeten" if row.hasil == "K" else "Belum Kompeten"},
                  "tahun": {"integerValue": str(row.year)}}
        if row.number:
            fields["sertifikat"] = {"mapValue": {"fields": {"nomor": {"stringValue": row.number}}}}
        return {"name": f"projects/simjakon-ntb/databases/(default)/documents/peserta/{p.nik}", "fields": fields,
                "createTime": "2026-05-30T01:00:00.000000Z", "updateTime": "2026-05-30T01:00:00.000000Z"}
    add_json("prov-ntb", "firestore_peserta_2026.json", rows,
             json.dumps({"documents": [fs(r, i) for i, r in enumerate(rows)]}, indent=1), "prov-ntb", "Firestore")

    # kab-aceh-besar: mongoexport (one Extended JSON document per line)
    rows = rows_for(people("11", "11.06", 6), "kab-aceh-besar", [1, 2, 3], 2026, "SKK 2026")
    for r in rows:
        if r.issued and r.issued > date(2026, 5, 31):
            r.issued = date(2026, 5, min(r.issued.day, 28))
    lines = []
    for i, r in enumerate(rows):
        p = r.person
        lines.append(json.dumps({"_id": {"$oid": f"66b0c0ffee{i:014x}"}, "nama": styled_name(p.name, "upper", i),
                                 "nik": p.nik, "tglLahir": {"$date": f"{(p.birth - timedelta(days=1)).isoformat()}"
                                                                     "T17:00:00.000Z"},
                                 "jk": p.sex, "jabatan": r.jabatan, "jenjang": {"$numberInt": str(r.jenjang)},
                                 "hasil": "K" if r.hasil == "K" else "BK", "noSertifikat": r.number,
                                 "tahun": {"$numberInt": str(r.year)}}))
    add_json("kab-aceh-besar", "peserta.mongo.json", rows, "\n".join(lines) + "\n", "kab-aceh-besar", "mongoexport")

    # kab-deli-serdang: SELECT ... INTO OUTFILE (tab, \N for NULL), participants not yet assessed among them
    rows = rows_for(people("12", "12.07", 8), "kab-deli-serdang", [2, 3], 2026, "UK 2026")
    for r in rows[5:]:
        r.hasil, r.number, r.issued = "-", None, None  # registered, not yet assessed
    rec = FileRec("kab-deli-serdang", "peserta_uk_2026.tsv.csv", "kab-deli-serdang", note="MySQL \\N dump")
    body = ["id\tnama\tnik\ttgl_lahir\tjk\tjabatan_kerja\tjenjang\thasil\tno_sertifikat\ttahun"]
    for i, r in enumerate(rows):
        p = r.person
        hasil = {"K": "Kompeten", "BK": "Belum Kompeten"}.get(r.hasil, "\\N")
        body.append("\t".join([str(i + 1), styled_name(p.name, "upper", i), p.nik, p.birth.isoformat(), p.sex,
                               r.jabatan, str(r.jenjang), hasil, r.number or "\\N", str(r.year)]))
        rec.rows.append(("", i + 2, r))
    (land / "kab-deli-serdang" / rec.name).write_text("\n".join(body) + "\n", encoding="utf-8")
    w.files.append(rec)

    # Lombok Timur's list in Kota Mataram's folder, its name naming the regency by its short name
    rows = rows_for(people("52", "52.03", 6), "kab-lombok-timur", [1, 2, 3], 2026, "UK 2026")
    rec = FileRec("kota-mataram", "Peserta UK Lotim 2026.csv", "kab-lombok-timur", note="misfiled, short name")
    write_csv(land / "kota-mataram" / rec.name, rec, rows, delimiter=";", encoding="utf-8", style="upper")
    w.files.append(rec)


def round_five(w: World, land: Path) -> None:
    """Regression, written after the fix it covers: a third page of the NTB province's Strapi export
    (experts only) filed in Kota Mataram's folder; it counts at the province."""
    rows = [w.row(w.person("52", "52.71"), "prov-ntb", w.rng.choice([7, 8]), 2025, "Sertifikasi Ahli 2025 Tahap II")
            for _ in range(5)]
    rec = FileRec("kota-mataram", "api-pesertas-page-3.json", "prov-ntb", note="province page in a city's folder")
    doc = {"data": [strapi_record(r, 20 + i) for i, r in enumerate(rows)],
           "meta": {"pagination": {"page": 3, "pageSize": 7, "pageCount": 3, "total": 19}}}
    for i, r in enumerate(rows):
        rec.rows.append(("", i + 1, r))
    (land / "kota-mataram" / rec.name).write_text(json.dumps(doc, indent=2), encoding="utf-8")
    w.files.append(rec)


def round_six(w: World, land: Path) -> None:
    """Regression, written after the fix it covers: Kalbar's paged export downloaded on 2 March and
    again on 15 June 2026, pages cut at other places, one participant deleted from the portal in
    between (only the June download counts)."""
    ps = [w.person("61", "61.71") for _ in range(23)]
    rows = [w.row(p, "prov-kalbar", w.rng.choice([7, 8]), 2026, "Sertifikasi Ahli 2026 Tahap II") for p in ps]
    for r in rows:
        if r.issued and r.issued > date(2026, 2, 28):
            r.issued = date(2026, 2, min(r.issued.day, 28))
    march = rows[:21]
    june = [r for i, r in enumerate(march) if i != 16] + rows[21:]
    for stamp, listed, size, counts, mtime in (("2026-03-02", march, 7, None, 1772400000),
                                               ("2026-06-15", june, 8, "prov-kalbar", 1781500000)):
        for n, k in enumerate(range(0, len(listed), size), 1):
            page = listed[k:k + size]
            rec = FileRec("prov-kalbar", f"simjakon_kalbar_{stamp}_hal{n}.json", counts, note=f"download {stamp}")
            doc = {"status": 200, "message": "OK",
                   "result": {"items": [kalbar_record(r, k + i) for i, r in enumerate(page)],
                              "pagination": {"page": n, "pageSize": size, "totalItems": len(listed)}}}
            for i, r in enumerate(page):
                rec.rows.append(("", i + 1, r))
            path = land / "prov-kalbar" / rec.name
            path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
            os.utime(path, (mtime, mtime))
            w.files.append(rec)


def _save_with_dimension(wb, path: Path, ref: str) -> None:
    """Save a workbook whose sheet declares a wrong used range, as some exporters write it."""
    import re
    import zipfile
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode(), data)
            out.writestr(item, data)


def _make_macro_enabled(path: Path) -> None:
    """Give a saved workbook the content type of a macro-enabled workbook (.xlsm)."""
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            out.writestr(item, data)


def write_registry(path: Path) -> None:
    lines = ["offices:"]
    for oid, name, level, code, _title in OFFICES:
        lines += [f"  - id: {oid}", f"    name: {name}", f"    level: {level}", f'    region_code: "{code}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    t = build(Path(sys.argv[1]))
    print("persons", t["persons"], "cells", len(t["headline"]), "files", len(t["files"]),
          "rows", len(t["rows"]))
