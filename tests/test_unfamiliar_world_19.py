"""A nineteenth hand-made world: Christian names of Eastern Indonesia as Dutch-trained and Indonesian clerks
spell them, Minahasa and Maluku family names (fam, marga), Papuan names and Papua NIKs.

Offices no other world uses: Kabupaten Sikka (53.07) and Kota Kupang (53.71) with the Nusa Tenggara Timur
province (53); Kota Ambon (81.71, Maluku); Kabupaten Minahasa (71.02, Sulawesi Utara); Kabupaten Jayawijaya
(95.01, Papua Pegunungan since the 2022 split; a KTP issued before it keeps Jayawijaya's old Papua code 91.02,
DOMAIN "The person: NIK"). Every Papua NIK is above 2^53. 29 persons, 11 files, judged on PUBLISH (30 June
2026). Every certified row has its number and issue date (2024-2025), so every certified person is active and
none unknown: the world measures who is who, nothing else.

How the names are written (sources in standardize/names.py and linkage/names.py):
- A baptismal name in its Latin or Dutch spelling by one clerk and Indonesianised by the next: Franciscus /
  Fransiskus, Johanis / Yohanis / Yohanes, Philipus / Pilipus, Theodorus / Teodorus, Christofel / Kristofel,
  Stevanus / Stefanus, Agustinus / Augustinus, Yosef / Yoseph, Yakobus / Jacobus, Cornelis / Kornelis,
  Christina / Kristina, Ignatius / Ignasius, Vincentius / Vinsensius, Benediktus, Marthen / Marten, Markus /
  Marcus, Yulianus / Julianus, Hendrik / Hendrick, Frederik / Frederick, Dominggus / Domingus; Maria
  shortened to "Ma."; a second baptismal name to its initial ("Franciscus X.").
- The family name (Da Silva, Parera, Pattinama, Latuheru, Sahetapy, Lewerissa, Rumondor, Wowor, Lumingkewas,
  Wenda, Kogoya, Yikwa) is written the same by every clerk.
- A Bugis migrant in Kupang, "Andi Saputra", beside a man named only "Saputra".

Namesakes that must stay apart: the two Yohanes Wenda of Jayawijaya (born 1990 and 1993, one on an old Papua
KTP); Hendrik Rumondor and his son Hendrik Rumondor (the same baptismal name and fam, one district); Andi
Saputra / Saputra; Yulianus / Yuliana Kogoya (brother and sister); Christina / Yakobus Pattinama.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines.settings import Settings
from tests.hand_worlds import MISSING, ParticipantLists, PersonBook, headline_cells as _cells, column as _column
from tests.hand_worlds import run_hand_world, measure_params, keys_and_persons
from tests.hand_worlds import landing_world

PUBLISH = date(2026, 6, 30)

OFFICES = [
    {"id": "kab-sikka", "name": "Dinas PUPR Kabupaten Sikka", "level": "regency", "region_code": "53.07"},
    {"id": "kota-kupang", "name": "Dinas PUPR Kota Kupang", "level": "city", "region_code": "53.71"},
    {"id": "prov-ntt", "name": "Dinas PUPR Provinsi Nusa Tenggara Timur", "level": "province", "region_code": "53"},
    {"id": "kota-ambon", "name": "Dinas PUPR Kota Ambon", "level": "city", "region_code": "81.71"},
    {"id": "kab-minahasa", "name": "Dinas PUPR Kabupaten Minahasa", "level": "regency", "region_code": "71.02"},
    {"id": "kab-jayawijaya", "name": "Dinas PUPR Kabupaten Jayawijaya", "level": "regency",
     "region_code": "95.01"},
]

# person: (name as on the KTP, KTP region, district, birth date, sex, serial)
PERSONS = {
    # Sikka
    "k1": ("Fransiskus Xaverius Da Silva", "5307", "01", "1984-03-12", "L", 1),
    "k2": ("Yosef Mitan", "5307", "02", "1986-09-14", "L", 2),
    "k3": ("Maria Magdalena Nona", "5307", "03", "1990-07-22", "P", 3),
    "k4": ("Agustinus Parera", "5307", "01", "1982-08-28", "L", 4),
    "k5": ("Theodorus Bata", "5307", "04", "1979-01-30", "L", 5),
    # Kupang
    "u1": ("Johanis Benu", "5371", "01", "1981-05-17", "L", 1),
    "u2": ("Marthen Tefa", "5371", "02", "1987-12-03", "L", 2),
    "u3": ("Christofel Ndolu", "5371", "03", "1989-06-25", "L", 3),
    "u4": ("Philipus Manafe", "5371", "04", "1985-10-09", "L", 4),
    "u5": ("Andi Saputra", "5371", "02", "1988-02-16", "L", 5),
    "u6": ("Saputra", "5371", "02", "1991-04-21", "L", 6),
    # the province's own experts
    "p1": ("Vincentius Jehadu", "5310", "01", "1976-11-11", "L", 7),
    "p2": ("Benediktus Ngga", "5309", "02", "1983-03-03", "L", 8),
    # Ambon
    "a1": ("Yakobus Pattinama", "8171", "01", "1984-04-04", "L", 1),
    "a2": ("Dominggus Latuheru", "8171", "02", "1980-02-29", "L", 2),
    "a3": ("Christina Pattinama", "8171", "01", "1992-09-01", "P", 3),
    "a4": ("Cornelis Sahetapy", "8171", "03", "1986-07-07", "L", 4),
    "a5": ("Ignatius Lewerissa", "8171", "04", "1978-12-12", "L", 5),
    # Minahasa
    "m1": ("Stevanus Rumondor", "7102", "01", "1988-08-08", "L", 1),
    "m2": ("Marthinus Wowor", "7102", "02", "1983-05-05", "L", 2),
    "m3": ("Frederik Lumingkewas", "7102", "03", "1985-01-15", "L", 3),
    "m4": ("Hendrik Rumondor", "7102", "01", "1961-06-20", "L", 4),
    "m5": ("Hendrik Rumondor", "7102", "01", "1989-03-27", "L", 5),  # m4's son
    "m6": ("Meiske Wowor", "7102", "02", "1994-10-10", "P", 6),
    # Jayawijaya: w1's KTP from before the 2022 split (Papua 91.02), the others Papua Pegunungan's
    "w1": ("Yohanes Wenda", "9102", "01", "1990-04-02", "L", 1),
    "w2": ("Yohanes Wenda", "9501", "01", "1993-11-20", "L", 2),
    "w3": ("Yulianus Kogoya", "9501", "02", "1987-02-14", "L", 3),
    "w4": ("Markus Yikwa", "9501", "03", "1991-08-17", "L", 4),
    "w5": ("Yuliana Kogoya", "9501", "02", "1995-05-25", "P", 5),
}
BOOK = PersonBook(PERSONS)
N = BOOK.nik

LISTS = ParticipantLists(BOOK)
_sheet_xlsx, _two_years, FIRST_ROW = LISTS.sheet_xlsx, LISTS.two_years, LISTS.FIRST_ROW


# A row: (person, name as written, NIK as written, jabatan, jenjang, hasil, number, issued)
_SIKKA_2024 = [
    ("k1", "FRANSISKUS XAVERIUS DA SILVA", "valid", "Tukang Batu", 2, "Kompeten", "SKK-5307-2024-00011",
     "2024-05-20"),
    ("k2", "YOSEF MITAN", "valid", "Tukang Kayu", 2, "Kompeten", "SKK-5307-2024-00012", "2024-05-20"),
    ("k3", "MARIA MAGDALENA NONA", "valid", "Juru Ukur", 4, "Kompeten", "SKK-5307-2024-00013", "2024-05-20"),
    ("k4", "AGUSTINUS PARERA", "valid", "Operator Excavator", 3, "Kompeten", "SKK-5307-2024-00014", "2024-05-20"),
    ("k5", "THEODORUS BATA", "valid", "Mandor Pekerjaan Gedung", 4, "Kompeten", "SKK-5307-2024-00015",
     "2024-05-20"),
]
# Another clerk the next year: the Latin spellings, Maria shortened, NIKs missing or typed as numbers.
_SIKKA_2025 = [
    ("k1", "Franciscus X. Da Silva", MISSING, "Tukang Besi Beton", 2, "Kompeten", "SKK-5307-2025-00031",
     "2025-06-10"),
    ("k2", "YOSEPH MITAN", "excel", "Tukang Batu", 2, "Kompeten", "SKK-5307-2025-00032", "2025-06-10"),
    ("k3", "Ma. Magdalena Nona", MISSING, "Teknisi Laboratorium Beton", 4, "Kompeten", "SKK-5307-2025-00033",
     "2025-06-10"),
    ("k4", "AUGUSTINUS PARERA", "excel", "Operator Crane", 3, "Kompeten", "SKK-5307-2025-00034", "2025-06-10"),
    ("k5", "Teodorus Bata", MISSING, "Mandor Pekerjaan Jalan", 4, "Kompeten", "SKK-5307-2025-00035", "2025-06-10"),
]
_KUPANG_2024 = [
    ("u1", "JOHANIS BENU", "valid", "Pelaksana Lapangan Pekerjaan Gedung", 6, "Kompeten", "SKK-5371-2024-00011",
     "2024-05-20"),
    ("u2", "MARTHEN TEFA", "valid", "Tukang Batu", 2, "Kompeten", "SKK-5371-2024-00012", "2024-05-20"),
    ("u3", "CHRISTOFEL NDOLU", "valid", "Operator Excavator", 3, "Kompeten", "SKK-5371-2024-00013", "2024-05-20"),
    ("u4", "PHILIPUS MANAFE", "valid", "Juru Ukur", 4, "Kompeten", "SKK-5371-2024-00014", "2024-05-20"),
    ("u5", "ANDI SAPUTRA", "valid", "Tukang Kayu", 2, "Kompeten", "SKK-5371-2024-00015", "2024-05-20"),
    ("u6", "SAPUTRA", "valid", "Tukang Kayu", 2, "Kompeten", "SKK-5371-2024-00016", "2024-05-20"),
]
# Indonesianised the next year; Pilipus Manafe's NIK mistyped beside it.
_KUPANG_2025 = [
    ("u1", "YOHANIS BENU", MISSING, "Pelaksana Lapangan Pekerjaan Jalan", 6, "Kompeten", "SKK-5371-2025-00031",
     "2025-06-10"),
    ("u2", "Marten Tefa", "excel", "Tukang Besi Beton", 2, "Kompeten", "SKK-5371-2025-00032", "2025-06-10"),
    ("u3", "Kristofel Ndolu", MISSING, "Operator Bulldozer", 3, "Kompeten", "SKK-5371-2025-00033", "2025-06-10"),
    ("u4", "PILIPUS MANAFE", "typo", "Teknisi Gambar Bangunan Gedung", 4, "Kompeten", "SKK-5371-2025-00034",
     "2025-06-10"),
    ("u5", "ANDI SAPUTRA", "excel", "Tukang Plester", 2, "Kompeten", "SKK-5371-2025-00035", "2025-06-10"),
    ("u6", "SAPUTRA", MISSING, "Tukang Pasang Bata", 2, "Kompeten", "SKK-5371-2025-00036", "2025-06-10"),
]
# The province's experts: a Kupang and a Sikka worker come back as Ahli, with their degrees.
_NTT_2025 = [
    ("u1", "Ir. YOHANES BENU, S.T.", "excel", "Ahli Muda Teknik Bangunan Gedung", 7, "Kompeten",
     "SKK-5300-2025-00701", "2025-09-01"),
    ("k1", "FRANCISCUS XAVERIUS DA SILVA, S.T.", "valid", "Ahli Muda Teknik Jalan", 7, "Kompeten",
     "SKK-5300-2025-00702", "2025-09-01"),
    ("p1", "VINCENTIUS JEHADU, S.T., M.T.", "valid", "Ahli Madya Manajemen Konstruksi", 8, "Kompeten",
     "SKK-5300-2025-00703", "2025-09-01"),
    ("p2", "BENEDIKTUS NGGA, S.T.", "valid", "Ahli Muda Teknik Sumber Daya Air", 7, "Kompeten",
     "SKK-5300-2025-00704", "2025-09-01"),
    ("p1", "Vinsensius Jehadu, ST", MISSING, "Ahli Madya Teknik Jembatan", 8, "Kompeten", "SKK-5300-2025-00705",
     "2025-09-01"),
]
_AMBON_2024 = [
    ("a1", "YAKOBUS PATTINAMA", "valid", "Tukang Batu", 2, "Kompeten", "SKK-8171-2024-00011", "2024-05-20"),
    ("a2", "DOMINGGUS LATUHERU", "valid", "Operator Excavator", 3, "Kompeten", "SKK-8171-2024-00012", "2024-05-20"),
    ("a3", "CHRISTINA PATTINAMA", "valid", "Juru Ukur", 4, "Kompeten", "SKK-8171-2024-00013", "2024-05-20"),
    ("a4", "CORNELIS SAHETAPY", "valid", "Tukang Kayu", 2, "Kompeten", "SKK-8171-2024-00014", "2024-05-20"),
    ("a5", "IGNATIUS LEWERISSA", "valid", "Mandor Pekerjaan Gedung", 4, "Kompeten", "SKK-8171-2024-00015",
     "2024-05-20"),
]
_AMBON_2025 = [
    ("a1", "Jacobus Pattinama", MISSING, "Tukang Besi Beton", 2, "Kompeten", "SKK-8171-2025-00031", "2025-06-10"),
    ("a2", "DOMINGUS LATUHERU", "excel", "Operator Bulldozer", 3, "Kompeten", "SKK-8171-2025-00032", "2025-06-10"),
    ("a3", "Kristina Pattinama", MISSING, "Teknisi Laboratorium Beton", 4, "Kompeten", "SKK-8171-2025-00033",
     "2025-06-10"),
    ("a4", "KORNELIS SAHETAPY", "typo", "Tukang Batu", 2, "Kompeten", "SKK-8171-2025-00034", "2025-06-10"),
    ("a5", "Ignasius Lewerissa", MISSING, "Mandor Pekerjaan Jalan", 4, "Kompeten", "SKK-8171-2025-00035",
     "2025-06-10"),
]
_MINAHASA_2024 = [
    ("m1", "STEVANUS RUMONDOR", "valid", "Tukang Batu", 2, "Kompeten", "SKK-7102-2024-00011", "2024-05-20"),
    ("m2", "MARTHINUS WOWOR", "valid", "Operator Excavator", 3, "Kompeten", "SKK-7102-2024-00012", "2024-05-20"),
    ("m3", "FREDERIK LUMINGKEWAS", "valid", "Juru Ukur", 4, "Kompeten", "SKK-7102-2024-00013", "2024-05-20"),
    ("m4", "HENDRIK RUMONDOR", "valid", "Mandor Pekerjaan Gedung", 4, "Kompeten", "SKK-7102-2024-00014",
     "2024-05-20"),
    ("m5", "HENDRIK RUMONDOR", "valid", "Tukang Kayu", 2, "Kompeten", "SKK-7102-2024-00015", "2024-05-20"),
    ("m6", "MEISKE WOWOR", "valid", "Juru Gambar", 3, "Kompeten", "SKK-7102-2024-00016", "2024-05-20"),
]
# The son without NIK the next year, "Hendrick": his birth date, not his father's, is his.
_MINAHASA_2025 = [
    ("m1", "Stefanus Rumondor", MISSING, "Tukang Besi Beton", 2, "Kompeten", "SKK-7102-2025-00031", "2025-06-10"),
    ("m2", "MARTINUS WOWOR", "excel", "Operator Crane", 3, "Kompeten", "SKK-7102-2025-00032", "2025-06-10"),
    ("m3", "Frederick Lumingkewas", MISSING, "Teknisi Gambar Bangunan Gedung", 4, "Kompeten",
     "SKK-7102-2025-00033", "2025-06-10"),
    ("m5", "HENDRICK RUMONDOR", MISSING, "Tukang Batu", 2, "Kompeten", "SKK-7102-2025-00034", "2025-06-10"),
    ("m6", "MEISKE WOWOR", "valid", "Teknisi Laboratorium Beton", 4, "Kompeten", "SKK-7102-2025-00035",
     "2025-06-10"),
]
_JAYAWIJAYA_2024 = [
    ("w1", "YOHANES WENDA", "valid", "Tukang Batu", 2, "Kompeten", "SKK-9501-2024-00011", "2024-05-20"),
    ("w2", "YOHANES WENDA", "valid", "Tukang Batu", 2, "Kompeten", "SKK-9501-2024-00012", "2024-05-20"),
    ("w3", "YULIANUS KOGOYA", "valid", "Operator Excavator", 3, "Kompeten", "SKK-9501-2024-00013", "2024-05-20"),
    ("w4", "MARKUS YIKWA", "valid", "Tukang Kayu", 2, "Kompeten", "SKK-9501-2024-00014", "2024-05-20"),
    ("w5", "YULIANA KOGOYA", "valid", "Juru Ukur", 4, "Kompeten", "SKK-9501-2024-00015", "2024-05-20"),
]
_JAYAWIJAYA_2025 = [
    ("w1", "Yohanis Wenda", MISSING, "Tukang Kayu", 2, "Kompeten", "SKK-9501-2025-00031", "2025-06-10"),
    ("w2", "YOHANES WENDA", "excel", "Tukang Besi Beton", 2, "Kompeten", "SKK-9501-2025-00032", "2025-06-10"),
    ("w3", "JULIANUS KOGOYA", MISSING, "Operator Bulldozer", 3, "Kompeten", "SKK-9501-2025-00033", "2025-06-10"),
    ("w4", "Marcus Yikwa", MISSING, "Tukang Batu", 2, "Kompeten", "SKK-9501-2025-00034", "2025-06-10"),
    ("w5", "YULIANA KOGOYA", "valid", "Teknisi Laboratorium Beton", 4, "Kompeten", "SKK-9501-2025-00035",
     "2025-06-10"),
]


FILES = {  # (office, file name) -> (rows, bytes)
    **_two_years("kab-sikka", "Kabupaten Sikka", "Maumere", _SIKKA_2024, _SIKKA_2025),
    **_two_years("kota-kupang", "Kota Kupang", "Kupang", _KUPANG_2024, _KUPANG_2025),
    ("prov-ntt", "Sertifikasi Tenaga Ahli Provinsi NTT 2025.xlsx"): (_NTT_2025, lambda: _sheet_xlsx(
        ["SERTIFIKASI TENAGA AHLI KONSTRUKSI TAHUN 2025", "DINAS PUPR PROVINSI NUSA TENGGARA TIMUR"], _NTT_2025)),
    **_two_years("kota-ambon", "Kota Ambon", "Ambon", _AMBON_2024, _AMBON_2025),
    **_two_years("kab-minahasa", "Kabupaten Minahasa", "Tondano", _MINAHASA_2024, _MINAHASA_2025),
    **_two_years("kab-jayawijaya", "Kabupaten Jayawijaya", "Wamena", _JAYAWIJAYA_2024, _JAYAWIJAYA_2025),
}


def _world(root: Path) -> Settings:
    return landing_world(root, OFFICES, FILES)


# Counted by hand before the first run, from docs/warehouse.md's rules: (certified, active, unknown).
# Every certified row is numbered and issued in 2024-2025, so active = certified and unknown = 0.
# 53.07 Sikka: 2 Fransiskus Xaverius Da Silva (Tukang Batu 2024, Tukang Besi Beton 2025 as "Franciscus X."),
#       Yosef Mitan (Tukang Kayu, Tukang Batu as "YOSEPH") = 2; 3 Agustinus Parera (Excavator, Crane as
#       "AUGUSTINUS") = 1; 4 Maria Magdalena Nona (Juru Ukur, Teknisi Lab Beton as "Ma."), Theodorus Bata
#       (twice, "Teodorus") = 2
# 53.71 Kupang: 2 Marthen Tefa (twice, "Marten"), Andi Saputra (twice), Saputra (twice) = 3; 3 Christofel
#       Ndolu (twice, "Kristofel") = 1; 4 Philipus Manafe (twice, "PILIPUS") = 1; 6 Johanis Benu (twice,
#       "YOHANIS") = 1
# 53    NTT's experts: 7 Johanis Benu ("YOHANES"), Fransiskus Xaverius Da Silva ("FRANCISCUS"), Benediktus
#       Ngga = 3; 8 Vincentius Jehadu (twice, "Vinsensius") = 1
# 81.71 Ambon: 2 Yakobus Pattinama (twice, "Jacobus"), Cornelis Sahetapy (twice, "KORNELIS") = 2;
#       3 Dominggus Latuheru (twice, "DOMINGUS") = 1; 4 Christina Pattinama (twice, "Kristina"), Ignatius
#       Lewerissa (twice, "Ignasius") = 2
# 71.02 Minahasa: 2 Stevanus Rumondor (twice, "Stefanus"), Hendrik Rumondor the son (twice, "HENDRICK") = 2;
#       3 Marthinus Wowor (twice, "MARTINUS"), Meiske Wowor (Juru Gambar 2024) = 2; 4 Frederik Lumingkewas
#       (twice, "Frederick"), Hendrik Rumondor the father, Meiske Wowor (Teknisi Lab Beton 2025) = 3
# 95.01 Jayawijaya: 2 the two Yohanes Wenda (w1 twice, "Yohanis" in 2025; w2 twice), Markus Yikwa (twice,
#       "Marcus") = 3; 3 Yulianus Kogoya (twice, "JULIANUS") = 1; 4 Yuliana Kogoya (twice) = 1
TRUTH = {
    ("53.07", 2): (2, 2, 0), ("53.07", 3): (1, 1, 0), ("53.07", 4): (2, 2, 0),
    ("53.71", 2): (3, 3, 0), ("53.71", 3): (1, 1, 0), ("53.71", 4): (1, 1, 0), ("53.71", 6): (1, 1, 0),
    ("53", 7): (3, 3, 0), ("53", 8): (1, 1, 0),
    ("81.71", 2): (2, 2, 0), ("81.71", 3): (1, 1, 0), ("81.71", 4): (2, 2, 0),
    ("71.02", 2): (2, 2, 0), ("71.02", 3): (2, 2, 0), ("71.02", 4): (3, 3, 0),
    ("95.01", 2): (3, 3, 0), ("95.01", 3): (1, 1, 0), ("95.01", 4): (1, 1, 0),
}
# Every person of PERSONS appears in some file.
TRUE_PERSONS = 29


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return run_hand_world(
        _world(tmp_path_factory.mktemp("world19")), PUBLISH,
        participation="SELECT person_key, source_file, source_row FROM fact_participation")


def _true_person_of_row() -> dict[tuple[str, int], str]:
    """(file, spreadsheet row) -> the person the row is, from the lists above."""
    return {(name, FIRST_ROW + i): row[0]
            for (_, name), (rows, _) in FILES.items() for i, row in enumerate(rows)}


def test_the_world_is_as_counted():
    assert len(PERSONS) == TRUE_PERSONS
    assert {row[0] for rows, _ in FILES.values() for row in rows} == set(PERSONS)
    # every Papua NIK is above 2^53: a float64 column would have corrupted it
    assert all(int(N(p)) > 2 ** 53 for p in PERSONS if PERSONS[p][1][:2] in {"91", "95"})


def test_every_office_ingests(report):
    assert report.offices_failed == {}
    assert report.quarantine.empty


# Measured on the first run, before linkage/names.py read baptismal names' Latin spellings: 42 persons for 29,
# certified and active 9/18 cells exact, 13 persons split (each row without NIK or with a mistyped one,
# spelled the other way: "Jacobus", "Kristina", "Ignasius", "Vinsensius", "Ma. Magdalena", "Stefanus",
# "Frederick", "HENDRICK", "Kristofel", "Marcus", "Yohanis Wenda"; "KORNELIS" and "PILIPUS" beside a NIK
# one digit off, which joins only the same name), none merged. After (_latin_spelling, _BAPTISMAL_FORMS,
# Ma. for Maria): 29 persons, 18/18 cells, none split, none merged.


@pytest.mark.parametrize("measure", measure_params())
def test_cells_are_the_hand_count(report, measure):
    assert _column(_cells(report), measure) == _column(TRUTH, measure)


def test_persons_are_the_hand_count(report):
    assert len(report.persons) == TRUE_PERSONS


def _keys_and_persons(report) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    return keys_and_persons(report.participation, _true_person_of_row())


def test_namesakes_stay_apart(report):
    _, persons = _keys_and_persons(report)
    assert sorted(sorted(ps) for ps in persons.values() if len(ps) > 1) == []


def test_every_person_is_one_key(report):
    keys, _ = _keys_and_persons(report)
    assert sorted(p for p, k in keys.items() if len(k) > 1) == []


# Rows spelled the other way from their person's other rows (Latin / Indonesian, "Ma.", Yohanis, Pilipus),
# without NIK, with a NIK typed as a number or one digit off: one key each.
SPELLED = ["a1", "a2", "a3", "a4", "a5", "k1", "k2", "k3", "k4", "k5", "m1", "m2", "m3", "m5", "p1", "u1", "u2",
           "u3", "u4", "w1", "w3", "w4"]


def test_baptismal_names_spelled_two_ways_are_one_person(report):
    keys, _ = _keys_and_persons(report)
    assert sorted(p for p in SPELLED if len(keys[p]) > 1) == []
