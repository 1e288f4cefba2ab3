"""When a province row of a person is the certificate a regency/city office reported for that
person at the same jenjang (docs/warehouse.md, counting rules 3 and 6), though the recap's clerk
wrote the number or the jabatan kerja another way: ``numbers_agree``, ``jabatan_agree`` and the
re-report rule on frames of one person key (a NIK linkage kept).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.registry import load_registry
from standardize.fields import clean_jabatan
from warehouse.headline import (certified_workers_by_region_level, jabatan_agree, normalized_jabatan, numbers_agree,
                                recap_partners, restated_numbers_agree)

OFFICES = load_registry()
PUBLISH = date(2026, 6, 30)

# (regency's number, province's number, one certificate?)
NUMBER_PAIRS = [
    # the serial alone, leading zeros kept or lost (were two certificates)
    ("SKK-8271-2024-00101", "00101", True),
    ("SKK-8271-2024-00101", "101", True),
    # the same digits without the letters, with dots, closed up
    ("SKK-8271-2024-00102", "8271-2024-00102", True),
    ("SKK-8271-2024-00103", "SKK.8271.2024.00103", True),
    ("SKK-7402-2024-00101", "SKK7402202400101", True),
    # a letter number: serial and year
    ("SKK-8271-2024-00104", "00104/SKK/2024", True),
    # regency and year without the letters, in another separator
    ("SKK-8204-2023-00503", "8204.2023.00503", True),
    # an old SKT's serial
    ("1.2.202.2.174.71.0004513", "0004513", True),
    # another serial, another year, another regency: another certificate
    ("SKK-8271-2024-00101", "00102", False),
    ("SKK-8271-2024-00101", "00101/SKK/2023", False),
    ("SKK-8271-2024-00101", "SKK-8271-2023-00101", False),
    ("SKK-8271-2024-00101", "SKK-8204-2024-00101", False),
    ("SKK-8271-2024-00101", "SKK-8200-2025-00902", False),
    # a serial too short to name anything, or nothing but zeros
    ("SKK-8271-2024-00007", "7", False),
    ("SKK-8271-2024-00007", "07", False),
    ("SKK-8271-2024-00101", "000", False),
    # two serials alone
    ("00101", "00102", False),
]


@pytest.mark.parametrize(("regency", "province", "same"), NUMBER_PAIRS, ids=[f"{a}|{b}" for a, b, _ in NUMBER_PAIRS])
def test_numbers_agree(regency, province, same):
    assert numbers_agree(regency, province) is same
    assert numbers_agree(province, regency) is same


# (regency's jabatan, province's jabatan, one jabatan?)
JABATAN_PAIRS = [
    ("Operator Excavator", "Operator Ekskavator", True),
    ("Operator Bulldozer", "Op. Buldoser", True),
    ("Operator Crane", "Operator Kren", True),
    ("Operator Motor Grader", "Motor Grader", True),
    ("Operator Motor Grader", "Operator Grader", True),
    ("Operator Wheel Loader", "Operator Loader", True),
    ("Operator Wheel Loader", "Wheel Loader", True),
    ("Tukang Besi Beton", "Tukang Besi", True),
    ("Tukang Besi Beton", "Tk. Besi", True),
    ("Juru Ukur", "Surveyor", True),
    ("Pelaksana Lapangan Pekerjaan Gedung", "Pel. Lap. Pek. Gedung", True),
    ("Mandor Pekerjaan Tanah", "Mandor Pekerjan Tanah", True),
    ("Operator Excavator", "Operator Excavatr", True),
    # two jabatan: another machine, another field, another trade, one letter off in a short word
    ("Operator Excavator", "Operator Bulldozer", False),
    ("Mandor Pekerjaan Tanah", "Mandor Pekerjaan Jalan", False),
    ("Tukang Batu", "Tukang Besi", False),
    ("Tukang Batu", "Tukang Bata", False),
    ("Ahli Muda Teknik Jalan", "Ahli Muda Teknik Jalan Rel", False),
    ("Pengawas Lapangan Pekerjaan Jalan", "Pengawas Pekerjaan Jalan", False),
    ("Quantity Surveyor", "Juru Ukur", False),
    ("Tukang Kayu", "Operator Kayu", False),
    ("Operator Tower Crane", "Operator Mobile Crane", False),
]


@pytest.mark.parametrize(("regency", "province", "same"), JABATAN_PAIRS, ids=[f"{a}|{b}" for a, b, _ in JABATAN_PAIRS])
def test_jabatan_agree(regency, province, same):
    # as standardization wrote them (clean_jabatan writes out "Tk.", "Op."), compared as the rules do
    a, b = normalized_jabatan(pd.Series([clean_jabatan(regency), clean_jabatan(province)]))
    assert jabatan_agree(a, b) is same
    assert jabatan_agree(b, a) is same


REGENCY, PROVINCE = "kab-kutai-timur", "prov-kaltim"


def _row(person: str, office: str, jabatan: str, number: str | None, year: int = 2024) -> dict:
    return {"office_id": office, "person_key": person, "jabatan_kerja": jabatan, "jenjang": 3, "tahun": year,
            "hasil": "Kompeten", "nomor_sertifikat": number, "nama_kunci": person, "tanggal_lahir": pd.NaT,
            "jenis_kelamin": None, "nik": None, "nik_status": "missing", "nik_partial": None,
            "link_basis": "nik"}


# (case, regency rows (person, jabatan, number), province row (person, jabatan, number), cells)
FRAMES = [
    # one person: the recap's serial and Indonesian spelling are the regency's certificate
    # (was counted at the province too)
    ("serial_and_spelling", [("a", "Operator Excavator", "SKK-6408-2024-00101")],
     ("a", "Operator Ekskavator", "00101"), {("64.08", 3): 1}),
    # one person, another jabatan with another number: two certificates, the province's own
    ("two_jabatan", [("a", "Operator Excavator", "SKK-6408-2024-00101")],
     ("a", "Operator Bulldozer", "SKK-6400-2025-00902"), {("64.08", 3): 1, ("64", 3): 1}),
    # another person's serial: B's regency certificate is 00102, the province writes 00101 (A's)
    # for B; A's certificate is not B's, and B's number disagrees: the province's own
    ("serial_of_another_person", [("a", "Operator Excavator", "SKK-6408-2024-00101"),
                                  ("b", "Operator Excavator", "SKK-6408-2024-00102")],
     ("b", "Operator Excavator", "00101"), {("64.08", 3): 2, ("64", 3): 1}),
    # a serial that only another person's certificate has, for a person no regency reported
    ("serial_of_someone_else_only", [("a", "Operator Excavator", "SKK-6408-2024-00101")],
     ("c", "Operator Excavator", "00101"), {("64.08", 3): 1, ("64", 3): 1}),
    # the machine alone and no number: the regency's certificate (was counted at the province too)
    ("machine_alone", [("a", "Operator Motor Grader", "SKK-6408-2024-00101")],
     ("a", "Motor Grader", None), {("64.08", 3): 1}),
    # the right serial under another field's jabatan: two certificates
    ("serial_another_field", [("a", "Mandor Pekerjaan Tanah", "SKK-6408-2024-00101")],
     ("a", "Mandor Pekerjaan Jalan", "00101"), {("64.08", 3): 1, ("64", 3): 1}),
]


@pytest.mark.parametrize(("case", "regency", "province", "cells"), FRAMES, ids=[f[0] for f in FRAMES])
def test_province_row_of_one_person(case, regency, province, cells):
    rows = [_row(p, REGENCY, j, n) for p, j, n in regency] + [_row(*province[:1], PROVINCE, *province[1:], 2025)]
    frame = pd.DataFrame(rows).astype({"tahun": "Int64", "jenjang": "Int64", "nik": "string", "nik_partial": "string",
                                       "nik_status": "string", "nomor_sertifikat": "string",
                                       "jenis_kelamin": "string", "link_basis": "string"})
    table = certified_workers_by_region_level(frame, OFFICES, PUBLISH)
    assert {(r.region_code, r.jenjang): r.certified_persons for r in table.itertuples()} == cells


# (regency's number, province's number, one certificate?) for rows that already state one certificate
# without the number (restated_numbers_agree)
RESTATED_PAIRS = [
    # a serial whose leading zeros a number cell dropped: the regency's serial
    ("SKK-8203-2025-00011", "11", True),
    ("SKK-8271-2024-00007", "7", True),
    ("SKK-8271-2024-00007", "07", True),
    # another serial, or a serial without the zeros a cell drops: another certificate
    ("SKK-8203-2025-00011", "12", False),
    ("SKK-8203-2025-00110", "11", False),
    ("SKK-8203-2025-00011", "0", False),
    # a serial alone on both sides is no certificate's
    ("00011", "11", False),
    # numbers_agree's cases stand
    ("SKK-8271-2024-00101", "101", True),
    ("SKK-8271-2024-00101", "00102", False),
]


@pytest.mark.parametrize(("regency", "province", "same"), RESTATED_PAIRS,
                         ids=[f"{a}|{b}" for a, b, _ in RESTATED_PAIRS])
def test_restated_numbers_agree(regency, province, same):
    assert restated_numbers_agree(regency, province) is same
    assert restated_numbers_agree(province, regency) is same


# A recap row WITHOUT a NIK (recap_partners, the name-only path): (case, regency row (name, jabatan,
# number), province row (name, jabatan, number), one certificate?)
NAME_ONLY = [
    # the clerk's number and jabatan, a name that agrees: the regency's (were the province's own)
    ("serial_and_qualifier", ("andi baso mapaturung", "Operator Motor Grader", "SKK-7602-2024-00121"),
     ("andi baso m", "Operator Grader", "00121"), True),
    ("letter_number", ("samsul bahri", "Tukang Besi Beton", "SKK-7602-2024-00122"),
     ("samsul bahri", "Tukang Besi", "No. 00122/SKK/2024"), True),
    ("dots", ("hasnah daeng caya", "Juru Ukur", "SKK-7602-2024-00123"),
     ("hasnah daeng caya", "Juru Ukur", "7602.2024.00123"), True),
    ("zeros_dropped", ("muhammad arsad", "Operator Excavator", "SKK-7602-2024-00011"),
     ("muhammad arsad", "Operator Excavator", "11"), True),
    ("typo_in_jabatan", ("ramli pata", "Mandor Pekerjaan Tanah", "SKK-7604-2024-00125"),
     ("ramli pata", "Mandor Pekerjan Tanah", "00125"), True),
    ("machine_alone", ("abdul rahman tahir", "Operator Wheel Loader", "SKK-7604-2024-00121"),
     ("abdul rahman t", "Wheel Loader", "00121"), True),
    # the regency's serial under a name that does not agree: another person
    ("serial_other_name", ("muhammad asri", "Operator Excavator", "SKK-7602-2024-00124"),
     ("muhammad aras", "Operator Excavator", "00124"), False),
    ("serial_shared_word", ("samsul bahri", "Tukang Besi Beton", "SKK-7602-2024-00122"),
     ("samsul riyal", "Tukang Besi", "00122"), False),
    # the name agrees, the number or the jabatan says another certificate
    ("another_serial", ("andi baso mapaturung", "Operator Motor Grader", "SKK-7602-2024-00121"),
     ("andi baso m", "Operator Grader", "00131"), False),
    ("short_other_serial", ("muhammad arsad", "Operator Excavator", "SKK-7602-2024-00011"),
     ("muhammad arsad", "Operator Excavator", "12"), False),
    ("another_machine", ("andi baso mapaturung", "Operator Motor Grader", "SKK-7602-2024-00121"),
     ("andi baso m", "Operator Bulldozer", "00121"), False),
    ("another_field", ("ramli pata", "Mandor Pekerjaan Tanah", "SKK-7604-2024-00125"),
     ("ramli pata", "Mandor Pekerjaan Jalan", "00125"), False),
]


@pytest.mark.parametrize(("case", "regency", "province", "partner"), NAME_ONLY, ids=[c[0] for c in NAME_ONLY])
def test_a_recap_row_without_nik(case, regency, province, partner):
    certified = pd.DataFrame({
        "office_id": [REGENCY, PROVINCE], "region_code": ["64.08", "64"], "office_level": ["regency", "province"],
        "jenjang": [3, 3], "jabatan_kerja": [regency[1], province[1]], "tahun": [2024, 2024],
        "nama_kunci": [regency[0], province[0]], "nomor_sertifikat": [regency[2], province[2]],
        "nik": [None, None], "tanggal_lahir": [pd.NaT, pd.NaT], "jenis_kelamin": [None, None],
    })
    partners = recap_partners(certified, (certified["office_level"] == "province").to_numpy())
    assert partners.to_dict() == ({1: 0} if partner else {})
