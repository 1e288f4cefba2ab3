"""Person linkage (linkage.link.link_persons): who is who, with evidence and stable keys.

Rows are built from office cells through ``standardize_submission``, as the
office assets do, so the NIK damage (Excel truncation, scientific notation,
typos) arrives exactly as standardization classifies it. Every scenario sits in
one frame next to a background of a few hundred ordinary persons: the NIK repair
rules weigh how common a name, birth date and place are, and the probabilistic
stage learns from the NIK clusters, so a frame of only the scenario rows would
not behave like an office's data.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import pytest

from linkage.link import LinkResult, explain, link_persons
from sources.headers import RAW_COLUMNS
from standardize.names import nama_kunci
from standardize.record import standardize_submission

SECRET = "test-secret"
REFERENCE = date(2026, 6, 30)


def make_nik(regency: str, district: str, birth: date, sex: str, serial: int) -> str:
    """A NIK as Dukcapil writes it: PPRR DD ddmmyy SSSS, women's day + 40 (DOMAIN)."""
    day = birth.day + (40 if sex == "P" else 0)
    return f"{regency}{district}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


@dataclass
class Row:
    """One participant row as an office wrote it, with the person it truly is."""

    case: str
    person: str  # rows of one case with the same person are one person; different persons are not
    file: str
    nama: str
    nik: str | None
    tempat: str | None
    lahir: str | None
    jk: str | None
    jenjang: str = "3"
    jabatan: str = "Tukang Batu"
    hasil: str = "K"
    sertifikat: str | None = None
    office: str = "kab-kutai-timur"


DEWI_BIRTH = date(1985, 3, 12)
DEWI = make_nik("6408", "01", DEWI_BIRTH, "P", 1)  # 6408015203850001
assert DEWI == "6408015203850001"

SCENARIOS: list[Row] = [
    # exact NIK: the same valid NIK in two offices' files is one person; another NIK is another.
    Row("exact", "agus", "kutim_2024.xlsx", "AGUS SALIM", "6408011507800001", "Sangatta", "1980-07-15", "L"),
    Row("exact", "agus", "kaltim_2025.xlsx", "Ir. Agus Salim, S.T.", "'6408 0115 0780 0001", "Sangatta",
        "15-07-1980", "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    Row("exact", "bambang", "kutim_2024.xlsx", "Bambang Irawan", "6408011507800002", "Sangatta", "1980-07-15", "L"),
    # Excel damage to one NIK: the 16th digit lost (as text, as a number, in scientific form).
    Row("excel", "dewi", "kutim_2024.xlsx", "Dewi Kartikasari", DEWI, "Sangatta", "1985-03-12", "P"),
    Row("excel", "dewi", "kutim_2025.xlsx", "Dewi Kartikasari", "6408015203850000", "Sangatta", "1985-03-12", "P",
        jenjang="4", jabatan="Mandor"),
    Row("excel", "dewi", "kaltim_2025.xlsx", "DEWI KARTIKASARI", "6.40801520385000e+15", "Sangatta", "1985-03-12",
        "P", jenjang="5", jabatan="Pelaksana Lapangan Pekerjaan Gedung", office="prov-kaltim"),
    Row("excel", "dewi", "kutim_2023.csv", "Dewi Kartikasari", "6.40801520385E+15", "Sangatta", "1985-03-12", "P",
        jenjang="2", jabatan="Tukang Kayu"),
    # One mistyped digit: an impossible month (invalid NIK), and a region code that does not exist.
    Row("typo", "hendra", "kutim_2024.xlsx", "Hendra Wicaksono", "6408021505800003", "Sangatta", "1980-05-15", "L"),
    Row("typo", "hendra", "kutim_2025.xlsx", "Hendra Wicaksono", "6408021595800003", "Sangatta", "1980-05-15", "L",
        jenjang="4", jabatan="Mandor"),
    Row("typo", "hendra", "kaltim_2025.xlsx", "Hendra Wicaksono", "6438021505800003", "Sangatta", "1980-05-15", "L",
        jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # Two adjacent digits swapped (month 07 -> 70).
    Row("transposed", "sri", "kutim_2024.xlsx", "Sri Handayani Pertiwi", "6471034107900005", "Samarinda",
        "1990-07-01", "P"),
    Row("transposed", "sri", "kutim_2025.xlsx", "Sri Handayani Pertiwi", "6471034170900005", "Samarinda",
        "1990-07-01", "P", jenjang="4", jabatan="Mandor"),
    # Missing NIK: a rare name with the same birth date and place as exactly one person.
    Row("missing", "yohanes", "kutim_2024.xlsx", "Yohanes Pattipeilohy", "6408031208750004", "Tenggarong",
        "1975-08-12", "L"),
    Row("missing", "yohanes", "kutim_2025.xlsx", "YOHANES PATTIPEILOHY", "-", "Tenggarong", "12-08-1975", "L",
        jenjang="4", jabatan="Mandor"),
    # Twins: one birth date, place and surname, NIKs one serial apart. A truncated NIK
    # fits both; the name decides.
    Row("twins", "agus_s", "kutim_2024.xlsx", "Agus Santoso", "6408010505900011", "Sangatta", "1990-05-05", "L"),
    Row("twins", "budi_s", "kutim_2024.xlsx", "Budi Santoso", "6408010505900012", "Sangatta", "1990-05-05", "L"),
    Row("twins", "budi_s", "kaltim_2025.xlsx", "Budi Santoso", "6.40801050590001e+15", "Sangatta", "1990-05-05",
        "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # Two different Muhammad Rizki (valid NIKs, different birth dates): never one person;
    # a NIK-less Muhammad Rizki whose birth date is one typo from both fits both equally
    # and stays alone.
    Row("rizki", "rizki_1", "kutim_2024.xlsx", "Muhammad Rizki", "6408011001950021", "Sangatta", "1995-01-10", "L"),
    Row("rizki", "rizki_2", "kutim_2025.xlsx", "M. Rizky", "6408020101950004", "Sangatta", "1995-01-01", "L"),
    Row("rizki", "rizki_3", "kaltim_2025.xlsx", "Muhammad Rizki", None, "Sangatta", "1995-01-11", "L", jenjang="7",
        jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # Namesakes with one name, birth date and place but different valid NIKs: a NIK-less
    # third record resembling both must not chain them.
    Row("chain", "slamet_1", "kutim_2024.xlsx", "Slamet Riyadi", "6408030101800007", "Sangatta", "1980-01-01", "L"),
    Row("chain", "slamet_2", "kutim_2025.xlsx", "Slamet Riyadi", "6408040101800002", "Sangatta", "1980-01-01", "L"),
    Row("chain", "slamet_3", "kaltim_2025.xlsx", "Slamet Riyadi", None, "Sangatta", "1980-01-01", "L", jenjang="7",
        jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # One person, two certificates.
    Row("two_certs", "wahyu", "kutim_2024.xlsx", "Wahyu Hidayatullah", "6408052211880009", "Sangatta", "1988-11-22",
        "L", sertifikat="SKK-6408-2024-000101"),
    Row("two_certs", "wahyu", "kutim_2025.xlsx", "Wahyu Hidayatullah", "6408052211880009", "Sangatta", "1988-11-22",
        "L", jenjang="4", jabatan="Mandor", sertifikat="SKK-6408-2025-000207"),
    # A regency's certificate re-reported by its province: no birth date, a short NIK.
    Row("reported_twice", "joko", "kutim_2024.xlsx", "Joko Susilo Nugroho", "6408060306820010", "Sangatta",
        "1982-06-03", "L", sertifikat="SKK-6408-2024-000555"),
    Row("reported_twice", "joko", "kaltim_rekap.xlsx", "JOKO SUSILO NUGROHO", "6.408060306E+15", None, None, None,
        sertifikat="SKK-6408-2024-000555", office="prov-kaltim"),
    # Name variants the clerks write for one name (Moh./M./Muhammad, Syaiful/Saiful, Nur/Noor).
    Row("variants", "saiful", "kutim_2024.xlsx", "Muhammad Saiful Nur", "6408072807830006", "Balikpapan",
        "1983-07-28", "L"),
    Row("variants", "saiful", "kutim_2025.xlsx", "Moh. Syaiful Noor", None, "Balikpapan", "1983-07-28", "L",
        jenjang="4", jabatan="Mandor"),
    Row("variants", "saiful", "kaltim_2025.xlsx", "M. Syaiful Nur, S.T.", None, "Balikpapan", "1983-07-28", "L",
        jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # A typo inside "Muhammad" and one in the other name, on the same valid NIK: one person.
    Row("variants", "ismail", "kukar_2025.xlsx", "M. Ibmail", "6402170103720013", "Tenggarong", "1972-03-01", "L",
        office="kab-kutai-kartanegara"),
    Row("variants", "ismail", "kaltim_2025.xlsx", "Muhammaa Ismail", "6402170103720013", "Tenggarong", "1972-03-01",
        "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
]

# Names as clerks write them (DOMAIN): a later or middle name shortened to its initial,
# Muhammad as "M.", a degree glued with a comma, old spelling, stray spaces. The NIK is
# intact and agrees with birth date and sex: nothing says these are other persons.
CLERKS = [
    Row("abbreviated", "supriyadi", "kutim_2024.xlsx", "SUPRIYADI S.", "6408012004790008", "Sangatta", "1979-04-20",
        "L"),
    Row("abbreviated", "supriyadi", "kaltim_2025.xlsx", "Supriyadi Santoso", "6408012004790008", "Sangatta",
        "1979-04-20", "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    Row("abbreviated", "hakim", "kutim_2024.xlsx", "Abdul R. Hakim", "6408021111810004", "Sangatta", "1981-11-11",
        "L"),
    Row("abbreviated", "hakim", "kutim_2025.xlsx", "Abdul Rahman Hakim,S.T.", "6408021111810004", "Sangatta",
        "1981-11-11", "L", jenjang="4", jabatan="Mandor"),
    Row("abbreviated", "hakim", "kaltim_2025.xlsx", "A. RAHMAN HAKIM", "6.40802111181000e+15", "Sangatta",
        "1981-11-11", "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    Row("abbreviated", "fajar", "kutim_2024.xlsx", "M. Fajar Hidayat", "6408031409870002", "Bontang", "1987-09-14",
        "L"),
    Row("abbreviated", "fajar", "kutim_2025.xlsx", "Muhammad  Fajar\u00a0Hidayat", "6408031409870002", "Bontang",
        "1987-09-14", "L", jenjang="4", jabatan="Mandor"),
    Row("abbreviated", "fajar", "kaltim_2025.xlsx", "H.M. Fajar", "6408031409870002", "Bontang", "1987-09-14", "L",
        jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # Old and new spelling of one name, once with a NIK Excel truncated.
    Row("old_spelling", "djoko", "kutim_2024.xlsx", "Djoko Tjahjono", "6408040202660003", "Samarinda", "1966-02-02",
        "L"),
    Row("old_spelling", "djoko", "kaltim_2025.xlsx", "JOKO CAHYONO", "6408040202660000", "Samarinda", "1966-02-02",
        "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    Row("old_spelling", "jusuf", "kutim_2024.xlsx", "Jusuf Soeharto", "6408050303640001", "Tenggarong", "1964-03-03",
        "L"),
    Row("old_spelling", "jusuf", "kutim_2025.xlsx", "Yusuf Suharto", "6408050303640001", "Tenggarong", "1964-03-03",
        "L", jenjang="4", jabatan="Mandor"),
    Row("old_spelling", "achmad", "kutim_2024.xlsx", "Achmad Chairuddin", "6408060606700005", "Sangatta",
        "1970-06-06", "L"),
    Row("old_spelling", "achmad", "kutim_2025.xlsx", "Akhmad Khairudin", "6408060606700005", "Sangatta",
        "1970-06-06", "L", jenjang="4", jabatan="Mandor"),
    # A mistyped birth year that still looks valid (75 -> 57), on a single row that also
    # shortens the name: a typo inside the date digits contradicts the shared birth date.
    Row("abbreviated", "suharyanto", "kutim_2024.xlsx", "Suharyanto Wibisono", "6408091702750004", "Sangatta",
        "1975-02-17", "L"),
    Row("abbreviated", "suharyanto", "kutim_2025.xlsx", "Suharyanto Wibisono", "6408091702750004", "Sangatta",
        "1975-02-17", "L", jenjang="4", jabatan="Mandor"),
    Row("abbreviated", "suharyanto", "kaltim_2025.xlsx", "SUHARYANTO W.", "6408091702570004", "Sangatta",
        "1975-02-17", "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # No NIK, an abbreviated name, the same birth date and place as one person with a rare name.
    Row("abbreviated_no_nik", "bonifasius", "kutim_2024.xlsx", "Bonifasius Kornelius Lamanepa", "6408071212770006",
        "Sangatta", "1977-12-12", "L"),
    Row("abbreviated_no_nik", "bonifasius", "kaltim_2025.xlsx", "Bonifasius K. Lamanepa", None, "Sangatta",
        "1977-12-12", "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # A mistyped NIK landing on another real person's (same district and birth date):
    # both rows agree with it, the names have nothing in common, so they stay two persons.
    Row("nik_collision", "aminah", "kutim_2024.xlsx", "Siti Aminah", "6408085008920003", "Sangatta", "1992-08-10",
        "P"),
    Row("nik_collision", "aminah", "kutim_2025.xlsx", "Siti Aminah", "6408085008920003", "Sangatta", "1992-08-10",
        "P", jenjang="4", jabatan="Mandor"),
    Row("nik_collision", "dewi", "kaltim_2025.xlsx", "Dewi Lestari", "6408085008920003", "Sangatta", "1992-08-10",
        "P", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # Twins: one birth date and place, NIK serials one apart, and names that agree only as
    # spellings ("Dodi S." could be Dedi Rudi Syahputra): two persons.
    Row("twins_abbreviated", "dedi", "kutim_2024.xlsx", "Dedi Rudi Syahputra", "6408101803810038", "Sangatta",
        "1981-03-18", "L"),
    Row("twins_abbreviated", "dedi", "kutim_2025.xlsx", "Dedi Rudi Syahputra", "6408101803810038", "Sangatta",
        "1981-03-18", "L", jenjang="4", jabatan="Mandor"),
    Row("twins_abbreviated", "dodi", "kaltim_2025.xlsx", "Dodi S", "6408101803810037", "Sangatta", "1981-03-18",
        "L", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # A NIK copied from the row above onto the only row that carries it (its date says 5 June
    # 1991, the row 23 August 1968): no identity of its own; the certificate number links the row.
    Row("copied_single", "hendra", "kutim_2025.xlsx", "Hendra Iskandar", "6408010506910033", "Sangkulirang",
        "1968-08-23", "L", sertifikat="SKK-6408-2025-000349"),
    Row("copied_single", "hendra", "kaltim_2025.xlsx", "Hendra Iskandar", "6408012308680039", None, None, "L",
        sertifikat="SKK-6408-2025-000349", jenjang="7", jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    # Excel's truncation copied back as text, still a valid-looking NIK (serial 0020), on a
    # row that also shortens the name.
    Row("abbreviated", "wijaya", "kutim_2024.xlsx", "Noor Wijaya", "6408021011880023", "Sangatta", "1988-11-10",
        "L"),
    Row("abbreviated", "wijaya", "kutim_2025.xlsx", "N. Wijaya", "6408021011880020", "Sangatta", "1988-11-10",
        "L", jenjang="4", jabatan="Mandor"),
    # Two clerks shortening different words of one name, on one intact NIK.
    Row("abbreviated", "lubis", "kutim_2024.xlsx", "S. Lubis", "6408180808020007", "Bontang", "2002-08-08", "L"),
    Row("abbreviated", "lubis", "kaltim_2025.xlsx", "Sugeng L.", "6408180808020007", None, None, "L", jenjang="7",
        jabatan="Ahli Muda Teknik Jalan", office="prov-kaltim"),
    Row("abbreviated", "anwar", "kutim_2024.xlsx", "B Anwar", "6408190909900009", "Bontang", "1990-09-09", "L"),
    Row("abbreviated", "anwar", "kutim_2025.xlsx", "Bayu A", "6408190909900009", "Bontang", "1990-09-09", "L",
        jenjang="4", jabatan="Mandor"),
]
SCENARIOS += CLERKS

# Valid-looking NIKs one slip away from the person's NIK, on rows whose names are written
# differently: a swap of two digits is a slip wherever it is; a recap row without a birth
# date still carries the date in its NIK. A substitution in the serial with agreeing names
# is what twins look like (Andri / Andra, registered one after the other): two persons.
SLIPS = [
    Row("swapped_serial", "irwan", "kutim_2024.xlsx", "Irwan Wijaya", "6471061009710001", "Balikpapan",
        "1971-09-10", "L", jenjang="4", jabatan="Juru Ukur"),
    Row("swapped_serial", "irwan", "kutim_2024.xlsx", "IRWAN W.", "6471061009710010", None, "10/09/1971", "L",
        jenjang="4", jabatan="Juru Ukur"),
    Row("undated_typo", "bambang", "kutim_2023.csv", "Bambang Mustofa", "6408050906950003", "Sangatta",
        "1995-06-09", "L", jenjang="2", jabatan="Tukang Kayu"),
    Row("undated_typo", "bambang", "kaltim_rekap.xlsx", "BAMBAG MUSTOFA", "6480050906950003", "Sangatta", None,
        "L", jenjang="2", jabatan="Tukang Kayu", office="prov-kaltim"),
    # Excel's truncation (as text: serial 0000; as 15 digits) on rows whose birth date is a
    # slip of the person's: day and month swapped, one digit off.
    Row("truncated_slip", "rahmawati", "kutim_2023.csv", "Rahmawati Ramli", "6408094903690002", "Sangatta",
        "1969-03-09", "P", jenjang="6", jabatan="Pelaksana Lapangan Pekerjaan Gedung"),
    Row("truncated_slip", "rahmawati", "kutim_2024.xlsx", "RAHMAWATI R.", "6408094903690000", "Sangatta",
        "1969-09-03", "P", jenjang="6", jabatan="Pelaksana Lapangan Pekerjaan Gedung"),
    Row("truncated_slip", "rahmawati", "kutim_2025.xlsx", "Rahmawati Ramli", "640809490369000", "Sangatta",
        "1969-03-08", "P", jenjang="6", jabatan="Pengawas Lapangan Pekerjaan Jalan"),
    # Both dates written month first once: the person's own NIK beside a date with day and
    # month swapped, and a NIK mistyped in the year beside the right date.
    Row("swapped_birth", "ismail", "kutim_2026_rekap.xlsx", "Ismail R.", "6408010907770001", "Bulukumba", "1977-09-07",
        "L", jabatan="Tukang Pasang Bata"),
    Row("swapped_birth", "ismail", "kutim_2026_rekap.xlsx", "ISMAIL RASYID", "6408010907070001", "Bulukumba",
        "1977-07-09", "L", jabatan="Tukang Pasang Bata"),
    # One name only, mistyped, on a row whose date is the NIK's with day and month swapped:
    # the NIK's owner, not a copy.
    Row("slip_owner", "suparman", "kutim_2025.xlsx", "Suparman", "6408081207770001", "Sangatta", "1977-07-12", "L",
        jenjang="1", jabatan="Tukang Batu"),
    Row("slip_owner", "suparman", "kaltim_rekap.xlsx", "SUARMAN", "6408081207770001", "Sangatta", "1977-12-07", "L",
        jenjang="1", jabatan="Pembantu Tukang Besi", office="prov-kaltim"),
    # A NIK mistyped in its date digits, copied onto the row below by someone born years
    # apart: no row agrees with the NIK, the mistyped one is a slip of it; two persons.
    Row("copied_typo", "hasanudin", "kutim_2026_mtu.xlsx", "Hasanudin Anwar", "6408100802700001", "Sangatta",
        "1970-01-08", "L", jenjang="5", jabatan="Pelaksana Pekerjaan Gedung"),
    Row("copied_typo", "ilham", "kutim_2026_mtu.xlsx", "M. Ilham", "6408100802700001", "Sangatta", "1965-07-22",
        "L", jenjang="6", jabatan="Pengawas Lapangan Pekerjaan Jalan"),
    Row("twins_spelled", "andri", "kutim_2024.xlsx", "Andri Saputra", "6408071404990011", "Sangatta",
        "1999-04-14", "L"),
    Row("twins_spelled", "andra", "kutim_2025.xlsx", "Andra Saputra", "6408071404990012", "Sangatta",
        "1999-04-14", "L", jenjang="4", jabatan="Mandor"),
]
SCENARIOS += SLIPS

# The file added in the second run of the stable-key tests: a known person again, and a new one.
ADDED = [
    Row("added", "agus", "kutim_2026.xlsx", "Agus Salim", "6408011507800001", "Sangatta", "1980-07-15", "L",
        jenjang="4", jabatan="Mandor"),
    Row("added", "new", "kutim_2026.xlsx", "Theresia Manurung", "6408014409910003", "Sangatta", "1991-09-04", "P"),
]

FIRST = ["Andi", "Bayu", "Cahya", "Dimas", "Eko", "Fajar", "Gilang", "Hadi", "Indra", "Krisna", "Lukman", "Made",
         "Nanda", "Oki", "Putu", "Reza", "Sandi", "Taufik", "Umar", "Yudi", "Ayu", "Citra", "Fitri", "Lina", "Maya"]
LAST = ["Pratama", "Saputra", "Wibowo", "Kurniawan", "Setiawan", "Hakim", "Siregar", "Nasution", "Lubis",
        "Harahap", "Simanjuntak", "Tambunan", "Purba", "Sitompul", "Hutapea", "Rahman"]
PLACES = ["Sangatta", "Samarinda", "Balikpapan", "Tenggarong", "Bontang", "Jambi", "Palembang", "Banjarmasin"]
REGENCIES = ["6408", "6472", "6471", "6402", "1505", "1671", "6371"]


def background(n_persons: int = 400, seed: int = 11) -> list[Row]:
    """Ordinary persons with clean NIKs: one or two rows each, names not used by any scenario."""
    rng = random.Random(seed)
    rows = []
    seen: set[str] = set()
    for i in range(n_persons):
        sex = "P" if i % 5 == 0 else "L"
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(40 * 365))
        nik = make_nik(rng.choice(REGENCIES), f"{rng.randrange(1, 20):02d}", birth, sex, rng.randrange(1, 60))
        if nik in seen:
            continue
        seen.add(nik)
        place = rng.choice(PLACES)
        for k in range(1 + (i % 3 == 0)):
            rows.append(Row("background", nik, f"bg_{k}_{i % 7}.xlsx", name, nik, place, birth.isoformat(), sex,
                            jenjang=str(rng.randrange(1, 7)), sertifikat=f"SKK-BG-{i}-{k}"))
    return rows


def standardize(rows: list[Row]) -> pd.DataFrame:
    """Office cells -> standardized rows, one submission per file; columns ``case`` and ``person`` added."""
    by_file: dict[str, list[Row]] = {}
    for row in rows:
        by_file.setdefault(row.file, []).append(row)
    return pd.concat([_standardized_file(file, members) for file, members in by_file.items()], ignore_index=True)


# One file's standardized rows, by the file's name and rows. The linkage test files of one
# process build on the same background(n, seed) files (eleven build on background(300, ...)),
# and standardize_submission is pure (fixed reference date), so each file is standardized
# once per process; callers get a copy.
_STANDARDIZED: dict[tuple, pd.DataFrame] = {}


def _standardized_file(file: str, members: list[Row]) -> pd.DataFrame:
    key = (file, tuple(tuple(vars(row).values()) for row in members))
    if key not in _STANDARDIZED:
        raw = []
        for offset, row in enumerate(members):
            cells = {column: None for column in RAW_COLUMNS}
            cells.update(nama=row.nama, nik=row.nik, tempat_lahir=row.tempat, tanggal_lahir=row.lahir,
                         jenis_kelamin=row.jk, jenjang=row.jenjang, jabatan_kerja=row.jabatan, hasil=row.hasil,
                         nomor_sertifikat=row.sertifikat, tahun="2025")
            raw.append({"office_id": row.office, "source_file": file,
                        "source_sha256": hashlib.sha256(file.encode()).hexdigest(), "source_sheet": "Peserta",
                        "source_row": 5 + offset, **cells})
        result = standardize_submission(pd.DataFrame(raw), reference_date=REFERENCE)
        assert len(result.rows) == len(members), result.quarantine
        _STANDARDIZED[key] = result.rows.assign(case=[r.case for r in members], person=[r.person for r in members])
    return _STANDARDIZED[key].copy()


def link_beside_background(world: list[Row], seed: int) -> pd.DataFrame:
    """``world``'s rows linked beside 300 ordinary persons (:func:`background` of ``seed``), without them."""
    rows = link_persons(standardize(background(300, seed=seed) + world), SECRET).rows
    return rows[rows["case"] != "background"]


def persons_sharing_a_key(rows: pd.DataFrame) -> list:
    """The true persons of each key that holds more than one (none when linkage merged no one)."""
    shared = rows.groupby("person_key")["person"].unique()
    return [sorted(persons) for persons in shared[shared.map(len) > 1]]


def persons_with_two_keys(rows: pd.DataFrame) -> list:
    """The true persons linkage split over more than one key."""
    keys = rows.groupby("person")["person_key"].nunique()
    return keys[keys > 1].index.tolist()


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return standardize(background() + SCENARIOS)


@pytest.fixture(scope="module")
def result(frame) -> LinkResult:
    return link_persons(frame, SECRET)


def rows_of(result: LinkResult, case: str) -> pd.DataFrame:
    return result.rows[result.rows["case"] == case]


def ref(row: pd.Series) -> dict:
    return {"source_sha256": row["source_sha256"], "source_sheet": row["source_sheet"],
            "source_row": row["source_row"]}


@pytest.mark.parametrize("case", sorted({r.case for r in SCENARIOS}))
def test_scenario_persons(result, case):
    """Within each scenario, rows are one person exactly when they truly are."""
    rows = rows_of(result, case)
    truth = rows.groupby("person")["person_key"].agg(lambda keys: sorted(set(keys)))
    for person, keys in truth.items():
        assert len(keys) == 1, f"{case}: {person} split over {keys}"
    assert truth.map(lambda keys: keys[0]).is_unique, f"{case}: different persons merged: {truth.to_dict()}"


def test_background_is_exact(result):
    """The ordinary persons come out exactly: one key per NIK, one NIK per key."""
    rows = rows_of(result, "background")
    assert rows.groupby("person")["person_key"].nunique().eq(1).all()
    assert rows.groupby("person_key")["person"].nunique().eq(1).all()


def basis(result: LinkResult, case: str) -> dict[str, list[str]]:
    rows = rows_of(result, case)
    return {nik_or_none: sorted(group["link_basis"]) for nik_or_none, group in
            rows.assign(k=rows["nik_status"]).groupby("k")}


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("exact", {"valid": ["nik", "nik", "nik"]}),
        ("excel", {"valid": ["nik"], "invalid": ["nik_repair:excel_truncated"],
                   "excel_truncated": ["nik_repair:excel_truncated"],
                   "scientific_notation": ["nik_repair:scientific_notation"]}),
        ("typo", {"valid": ["nik", "nik"], "invalid": ["nik_repair:typo"]}),
        ("transposed", {"valid": ["nik"], "invalid": ["nik_repair:transposed"]}),
        ("missing", {"valid": ["nik"], "missing": ["nik_repair:missing"]}),
        ("twins", {"valid": ["nik", "nik"], "excel_truncated": ["nik_repair:excel_truncated"]}),
        ("rizki", {"valid": ["nik", "nik"], "missing": ["unlinked"]}),
        ("chain", {"valid": ["nik", "nik"], "missing": ["unlinked"]}),
        ("reported_twice", {"valid": ["nik"], "scientific_notation": ["same_certificate"]}),
        # 15 digits as text may be a digit dropped anywhere: the names and dates decide there
        ("truncated_slip", {"valid": ["nik"], "invalid": ["nik_repair:excel_truncated"],
                            "wrong_length": ["probabilistic"]}),
    ],
)
def test_link_basis_names_the_repair(result, case, expected):
    assert basis(result, case) == expected


def link_between(result: LinkResult, case: str, status_a: str, status_b: str) -> pd.DataFrame:
    """explain() from the first row with ``status_b`` to the first row of the same person with ``status_a``."""
    rows = rows_of(result, case)
    b = rows[rows["nik_status"] == status_b].iloc[0]
    a = rows[(rows["nik_status"] == status_a) & (rows["person"] == b["person"])].iloc[0]
    return explain(result, ref(a), ref(b))


@pytest.mark.parametrize(
    ("case", "status", "method", "kind", "words"),
    [
        ("excel", "invalid", "nik_repair", "excel_truncated", "Excel kept 15 of the 16 NIK digits"),
        ("excel", "excel_truncated", "nik_repair", "excel_truncated", "Excel kept 15 of the 16 NIK digits"),
        ("excel", "scientific_notation", "nik_repair", "scientific_notation", "only the leading NIK digits"),
        ("typo", "invalid", "nik_repair", "typo", "NIK digit 9 differs"),
        ("transposed", "invalid", "nik_repair", "transposed", "NIK digits 9 and 10 swapped"),
        ("missing", "missing", "nik_repair", "missing", "no NIK; name key, birth date and birth place"),
        ("twins", "excel_truncated", "nik_repair", "excel_truncated", "name key"),
        ("reported_twice", "scientific_notation", "same_certificate", "same_certificate", "same registration number"),
    ],
)
def test_repair_evidence(result, case, status, method, kind, words):
    """explain() from the valid-NIK row to the repaired row: one link, naming the repair and its evidence."""
    path = link_between(result, case, "valid", status)
    assert len(path) == 1
    link = path.iloc[0]
    assert (link["method"], link["kind"]) == (method, kind)
    assert words in link["evidence"]


def test_typo_in_region_code_of_a_valid_looking_nik(result):
    """6438... is structurally valid but no regency 64.38 exists: a typo of 6408..., one person."""
    rows = rows_of(result, "typo")
    valid = rows[rows["nik_status"] == "valid"]
    right, wrong = (valid[valid["nik"] == n].iloc[0] for n in ("6408021505800003", "6438021505800003"))
    path = explain(result, ref(right), ref(wrong))
    assert list(path["kind"]) == ["typo"]
    assert "NIK digit 3 differs" in path.iloc[0]["evidence"]
    assert "regency" in path.iloc[0]["evidence"]


def test_twin_truncated_nik_goes_to_the_twin_it_names(result):
    rows = rows_of(result, "twins")
    budi = rows[rows["person"] == "budi_s"]["person_key"].unique()
    truncated = rows[rows["nik_status"] == "excel_truncated"]
    assert list(truncated["person_key"]) == list(budi)


@pytest.mark.parametrize(
    ("case", "person", "refused"),
    [
        # a birth date one typo from each: too weak for either link, nothing to refuse
        ("rizki", "rizki_3", False),
        # name, birth date and place equal to both: each link alone passes, both refused
        ("chain", "slamet_3", True),
    ],
)
def test_nik_less_namesake_is_not_linked_and_chains_nobody(result, case, person, refused):
    """The row fits two known persons about equally: linked to neither."""
    rows = rows_of(result, case)
    alone = rows[rows["person"] == person]
    assert len(alone) == 1 and alone["link_basis"].tolist() == ["unlinked"]
    assert rows["person_key"].nunique() == 3
    row = alone.iloc[0]
    refusals = result.refused[(result.refused["source_sha256_l"] == row["source_sha256"])
                              & (result.refused["source_row_l"] == row["source_row"])]
    others = rows[rows["person"] != person]
    if refused:
        assert sorted(refusals["source_row_r"]) == sorted(others["source_row"])
        assert set(refusals["reason"]) == {"ambiguous: two known persons fit"}
    else:
        assert refusals.empty
    assert not result.links["source_row_r"].eq(row["source_row"]).where(
        result.links["source_sha256_r"] == row["source_sha256"], False).any()


def test_two_certificates_one_person(result):
    rows = rows_of(result, "two_certs")
    assert rows["person_key"].nunique() == 1
    assert sorted(rows["nomor_sertifikat"]) == ["SKK-6408-2024-000101", "SKK-6408-2025-000207"]


def test_explain_empty_for_two_persons(result):
    rows = rows_of(result, "twins")
    agus = rows[rows["person"] == "agus_s"].iloc[0]
    budi = rows[rows["person"] == "budi_s"].iloc[0]
    path = explain(result, ref(agus), ref(budi))
    assert path.empty
    assert list(path.columns) == list(result.links.columns)


def test_explain_path_through_two_links(result):
    """Rows linked only through a third row: the path lists both links in order."""
    rows = rows_of(result, "excel")
    text_zero = rows[rows["nik_status"] == "invalid"].iloc[0]
    scientific = rows[rows["nik_status"] == "scientific_notation"].iloc[0]
    path = explain(result, ref(text_zero), ref(scientific))
    assert list(path["kind"]) == ["excel_truncated", "scientific_notation"]
    assert path["evidence"].str.len().gt(0).all()


def test_explain_accepts_file_name_and_office(result):
    rows = rows_of(result, "exact")
    a, b = rows[rows["person"] == "agus"].iloc[0], rows[rows["person"] == "agus"].iloc[1]
    path = explain(result, {"office_id": a["office_id"], "source_file": a["source_file"],
                            "source_sheet": "Peserta", "source_row": a["source_row"]},
                   {"source_file": b["source_file"], "source_sheet": "Peserta", "source_row": int(b["source_row"])})
    assert path[["method", "evidence"]].values.tolist() == [["exact_nik", "same valid NIK"]]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Muhammad Saiful Nur", "muhammad saiful nur"),
        ("Moh. Syaiful Noor", "muhammad saiful nur"),
        ("M. Syaiful Nur", "m saiful nur"),  # a lone M. stays: linkage reads it as an initial
        ("Mohammad Saifull Nurr", "muhammad saiful nur"),
        ("Muh. Rizky", "muhammad rizki"),
        ("Achmad Syamsudin", "ahmad samsudin"),
    ],
)
def test_name_variants_fold_in_nama_kunci(written, key):
    assert nama_kunci(written) == key


@pytest.mark.parametrize(
    ("key", "linkage_key"),
    [
        ("muhama ismail", "muhammad ismail"),  # "Muhammaa": one letter off Muhammad
        ("muhamed ismail", "muhammad ismail"),
        ("muhammad ismail", "muhammad ismail"),
        ("mahmud ismail", "mahmud ismail"),  # a different name, not a Muhammad typo
        ("ismail", "ismail"),
    ],
)
def test_linkage_name_key_folds_typos_of_muhammad(key, linkage_key):
    from linkage.names import linkage_name_key

    assert linkage_name_key(key) == linkage_key


def test_deterministic_stages_alone(frame):
    """probabilistic=False: the NIK stages give the same persons on these scenarios."""
    fast = link_persons(frame, SECRET, probabilistic=False)
    assert "probabilistic" not in fast.timings
    for case in ("exact", "excel", "typo", "transposed", "missing", "twins", "two_certs"):
        rows = rows_of(fast, case)
        assert rows.groupby("person")["person_key"].nunique().eq(1).all()
        assert rows.groupby("person_key")["person"].nunique().eq(1).all()


def test_keys_are_pseudonymous_and_reproducible(frame, result):
    again = link_persons(frame, SECRET)
    assert again.rows["person_key"].tolist() == result.rows["person_key"].tolist()
    assert result.rows["person_key"].str.fullmatch(r"p[0-9a-f]{20}").all()
    other = link_persons(frame, "another-secret", probabilistic=False)
    assert not set(other.rows["person_key"]) & set(result.rows["person_key"])


def test_empty_secret_refused(frame):
    with pytest.raises(ValueError, match="secret"):
        link_persons(frame, "")


def test_stable_keys_when_a_file_is_added(frame, result):
    """A second run with the first run's assignments and one more file keeps every known key."""
    added = standardize(ADDED)
    second = link_persons(pd.concat([frame, added], ignore_index=True), SECRET, previous=result.assignments)
    before = result.rows["person_key"].tolist()
    assert second.rows["person_key"].iloc[: len(frame)].tolist() == before
    new_rows = second.rows.iloc[len(frame):]
    agus = result.rows[(result.rows["case"] == "exact") & (result.rows["person"] == "agus")]["person_key"].iloc[0]
    assert new_rows.loc[new_rows["person"] == "agus", "person_key"].tolist() == [agus]
    assert new_rows.loc[new_rows["person"] == "new", "person_key"].iloc[0] not in set(before)
    assert second.merges.empty and second.splits.empty
    assert (second.assignments["generation"] == 2).all()
    assert second.assignments.loc[: len(frame) - 1, "key_since"].eq(1).all()


def test_later_merge_is_recorded_with_its_reason():
    """Two persons of the first run become one when a new file shows the link: a merge with a reason."""
    first_rows = standardize(background(120, seed=3) + [
        Row("merge", "teguh", "kutim_2024.xlsx", "Teguh Prakoso Widodo", "6408091204790008", "Sangatta",
            "1979-04-12", "L"),
        # the recap reports a certificate the first run has from no other file (jenjang 4: the
        # regency's list has his jenjang 3): nothing in the first run ties it to the NIK
        Row("merge", "teguh", "kaltim_rekap.xlsx", "Teguh Prakoso Widodo", None, None, None, None,
            jenjang="4", sertifikat="SKK-6408-2025-000777", office="prov-kaltim"),
    ])
    first = link_persons(first_rows, SECRET)
    teguh = first.rows[first.rows["case"] == "merge"]
    assert teguh["person_key"].nunique() == 2
    nik_key = teguh.loc[teguh["nik_status"] == "valid", "person_key"].iloc[0]
    row_key = teguh.loc[teguh["nik_status"] == "missing", "person_key"].iloc[0]

    added = standardize([Row("merge", "teguh", "kutim_2025.xlsx", "Teguh Prakoso Widodo", "6408091204790008",
                             "Sangatta", "1979-04-12", "L", jenjang="4", sertifikat="SKK-6408-2025-000777")])
    second = link_persons(pd.concat([first_rows, added], ignore_index=True), SECRET, previous=first.assignments)
    teguh = second.rows[second.rows["case"] == "merge"]
    assert teguh["person_key"].unique().tolist() == [nik_key]  # the NIK person keeps its key
    assert second.merges[["retired_key", "into_key", "generation", "rows_moved"]].values.tolist() == [
        [row_key, nik_key, 2, 1]
    ]
    assert second.merges["reason"].iloc[0].startswith("same_certificate")
    others = second.rows[second.rows["case"] != "merge"]
    assert others["person_key"].tolist() == first.rows[first.rows["case"] != "merge"]["person_key"].tolist()


def test_key_of_a_nik_person_is_the_first_pass_key(result):
    """A person with a valid NIK is keyed as the first published warehouse keyed it
    ("p" + 20 hex of HMAC-SHA256 of "nik|<NIK>"): dashboards keep their keys."""
    import hashlib
    import hmac

    from linkage.keys import keyed_hash

    rows = rows_of(result, "exact")
    agus = rows[rows["person"] == "agus"]
    first_pass = "p" + hmac.new(SECRET.encode(), b"nik|6408011507800001", hashlib.sha256).hexdigest()[:20]
    assert set(agus["person_key"]) == {first_pass} == {keyed_hash(SECRET.encode(), "nik|6408011507800001")}
    # A person known only by a NIK-less row is keyed by that row's identity.
    alone = rows_of(result, "chain").query("person == 'slamet_3'").iloc[0]
    material = f"row|{alone['source_sha256']}|{alone['source_sheet']}|{alone['source_row']}"
    assert alone["person_key"] == keyed_hash(SECRET.encode(), material)


def test_split_when_a_namesake_appears(frame, result):
    """A NIK-less row linked to the only Yohanes Pattipeilohy leaves him when a namesake with the
    same birth date and place turns up: the row gets a new key, the split is recorded, the person keeps his."""
    namesake = standardize([Row("missing", "yohanes_2", "kukar_2026.xlsx", "Yohanes Pattipeilohy", "6402041208750009",
                                "Tenggarong", "1975-08-12", "L", office="kab-kutai-kartanegara")])
    second = link_persons(pd.concat([frame, namesake], ignore_index=True), SECRET, previous=result.assignments)
    before = rows_of(result, "missing")
    after = second.rows.iloc[: len(frame)][frame["case"] == "missing"]
    kept = before.loc[before["nik_status"] == "valid", "person_key"].iloc[0]
    assert after.loc[after["nik_status"] == "valid", "person_key"].tolist() == [kept]
    moved = after.loc[after["nik_status"] == "missing"].iloc[0]
    assert moved["person_key"] != kept and moved["link_basis"] == "unlinked"
    assert second.splits.values.tolist() == [[kept, moved["person_key"], 2, 1]]
    assert second.merges.empty
    others = second.rows.iloc[: len(frame)][frame["case"] != "missing"]["person_key"]
    assert others.tolist() == result.rows[frame["case"] != "missing"]["person_key"].tolist()


@pytest.mark.parametrize("nik", [None, "6472000000000001", "1.60301E+15"], ids=["no-nik", "invalid", "excel-mangled"])
def test_a_world_without_a_single_valid_nik_publishes(nik):
    """An attendance list alone (no NIK, or none valid) must not crash the publish (it did: an
    empty NIK group table was indexed). The probabilistic model learns its weights from persons
    known by NIK, so with none at all rows stay apart: one person per row, never a false merge."""
    rows = [Row("attendance", f"p{i}", "hadir.xlsx", name, nik, "Sangatta", birth, "L")
            for i, (name, birth) in enumerate([("Budi Santoso", "1980-01-01"), ("Agus Salim", "1982-02-02")])]
    rows.append(Row("attendance", "p0", "hadir_2.xlsx", "BUDI SANTOSO", nik, "Sangatta", "1980-01-01", "L"))
    linked = link_persons(standardize(rows), SECRET)
    persons = linked.assignments.groupby("person_key").size().sort_values().tolist()
    assert persons == [1, 1, 1]


@pytest.mark.parametrize(
    "background_persons",
    [0, 20],  # a run of one small office's files, and one of a few dozen persons
)
def test_a_missing_nik_joins_its_person_in_a_small_run(background_persons):
    """Names and birth dates are no commoner in a run of 30 rows than in one of 30,000: the row
    without a NIK joins the one person with its name and birth date, and a namesake born on
    another day stays apart."""
    rows = background(background_persons, seed=5) + [
        Row("small", "suparman", "samarinda_2024.xlsx", "Suparman", "6472010202720011", None, "1972-02-02", "L",
            office="kota-samarinda"),
        Row("small", "suparman", "samarinda_2025.xlsx", "SUPARMAN", "-", None, "1972-02-02", "L",
            office="kota-samarinda"),
        Row("small", "other", "samarinda_2025.xlsx", "Suparman", "-", None, "1980-05-05", "L",
            office="kota-samarinda"),
    ]
    linked = link_persons(standardize(rows), SECRET).rows
    small = linked[linked["case"] == "small"]
    keys = small.groupby("person")["person_key"].agg(lambda k: sorted(set(k)))
    assert keys.map(len).to_dict() == {"other": 1, "suparman": 1}
    assert keys["other"] != keys["suparman"]


def test_a_name_is_as_common_as_the_persons_who_bear_it_not_their_rows():
    """A worker in twenty programs is one person named Wahyu N.: the NIK-less row with that name
    and birth date joins them (counted over rows, the name and date looked common enough to
    refuse the repair), and a Wahyu N. born another day stays apart."""
    nik = make_nik("6408", "08", date(1992, 2, 3), "L", 1)
    rows = background(400, seed=8) + [
        Row("many", "wahyu", f"program_{k}.xlsx", "Wahyu N.", nik, "Sangatta", "1992-02-03", "L")
        for k in range(20)
    ] + [
        Row("many", "wahyu", "program_x.xlsx", "WAHYU N", "-", None, "03-02-1992", "L"),
        Row("many", "other", "program_x.xlsx", "Wahyu N", "-", None, "1990-06-06", "L"),
    ]
    linked = link_persons(standardize(rows), SECRET).rows
    many = linked[linked["case"] == "many"]
    keys = many.groupby("person")["person_key"].agg(lambda k: sorted(set(k)))
    assert keys.map(len).to_dict() == {"other": 1, "wahyu": 1}
    assert keys["other"] != keys["wahyu"]
    assert many.loc[many["nik_status"] == "missing", "link_basis"].tolist() == ["nik_repair:missing", "unlinked"]


@pytest.mark.parametrize("prefix, known", [
    ("6408", True),    # Kutai Timur
    ("9109", True),    # Mimika before the 2022 split (94.04 now): its NIKs keep 9109
    ("9271", True),    # Kota Sorong before Papua Barat Daya (96.71 now)
    ("9101", True),    # Merauke before Papua Selatan (93.01 now)
    ("9404", True),    # Mimika's code now
    ("9199", False),   # no regency ever had it: an edit into it is a typo for sure
    ("6499", False),
])
def test_regency_codes_a_nik_can_start_with(prefix, known):
    from linkage.nik_stage import REGENCY_CODES

    assert (prefix in REGENCY_CODES) == known
