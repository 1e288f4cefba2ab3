"""Province recap rows that repeat a regency's certificate in the clerk's own shorthand.

Each case is one regency/city row and one province row of two different person keys
(linkage could not tie the recap row: no NIK, no birth date); the province row is a
re-report (counted once, under the regency) or the province's own certificate.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.registry import load_registry
from standardize.names import nama_kunci, parse_name
from warehouse.headline import certified_workers_by_region_level

OFFICES = load_registry()
PUBLISH = date(2026, 6, 30)

# (case, regency row (name, jabatan, year, birth), province row (name, jabatan, year, birth), re-report?)
CASES = [
    # jabatan kerja abbreviated by the recap's clerk (were counted again at the province)
    ("mandor_abbreviated", ("Suryanto", "Mandor Pekerjaan Jalan", 2025, "1979-06-06"),
     ("SURYANTO", "Mdr. Pekerjaan Jalan", 2025, None), True),
    ("juru_abbreviated", ("Hendro Wibowo", "Juru Ukur Bangunan", 2025, "1975-10-10"),
     ("Hendro W", "Jr. Ukur Bangunan", 2025, None), True),
    ("two_words_abbreviated", ("Bagus Pratama", "Pembantu Tukang Besi", 2025, "1994-11-11"),
     ("BAGUS PRATAMA", "Pemb. Tk. Besi", 2025, None), True),
    ("lapangan_abbreviated", ("Rahmat Hidayat", "Pelaksana Lapangan Pekerjaan Gedung", 2024, "1985-01-01"),
     ("Rahmat Hidayat", "Pel. Lap. Pek. Gedung", 2024, None), True),
    # the year missing on one side (were counted again at the province)
    ("recap_without_year", ("Slamet Riyadi", "Tukang Batu", 2025, "1972-12-01"),
     ("SLAMET RIYADI", "Tukang Batu", None, None), True),
    ("regency_without_year", ("Tono Sugiarto", "Mandor", None, "1987-02-04"),
     ("TONO SUGIARTO", "Mandor", 2025, None), True),
    ("no_year_and_shortened", ("Hadi Susanto", "Operator Excavator", 2025, "1983-01-03"),
     ("Hadi S.", "Opr Excavator", None, None), True),
    # the province's own certificates: another occupation, another year, another person
    ("cat_is_not_cetak", ("Yusuf Maulana", "Tukang Cetak", 2025, "1990-01-01"),
     ("YUSUF MAULANA", "Tukang Cat", 2025, None), False),
    ("ambiguous_abbreviation", ("Dian Permana", "Tukang Batu", 2025, "1990-01-01"),
     ("Dian Permana", "Tk. B.", 2025, None), False),
    ("other_year", ("Agus Salim", "Tukang Batu", 2021, "1980-01-01"),
     ("Agus Salim", "Tukang Batu", 2025, None), False),
    ("no_year_other_birth_date", ("Rina Marlina", "Mandor", 2021, "1970-04-04"),
     ("Rina Marlina", "Mandor", None, "1999-04-04"), False),
    ("no_year_other_given_name", ("Budi Santoso", "Tukang Besi Beton", 2025, "1985-03-03"),
     ("Joko Santoso", "Tk. Besi Beton", None, None), False),
]

REGENCY, PROVINCE = "kab-kutai-timur", "prov-kaltim"


def _row(case: str, office: str, name: str, jabatan: str, year, birth) -> dict:
    return {
        "office_id": office, "person_key": f"{case}|{office}", "nama_kunci": nama_kunci(parse_name(name).nama),
        "jabatan_kerja": jabatan, "jenjang": 3, "tahun": year, "hasil": "Kompeten", "nomor_sertifikat": None,
        "tanggal_lahir": pd.Timestamp(birth) if birth else pd.NaT, "jenis_kelamin": None, "nik": None,
        "nik_partial": None,
    }


@pytest.mark.parametrize(("case", "regency", "province", "re_report"), CASES, ids=[c[0] for c in CASES])
def test_recap_row_counts_once(case, regency, province, re_report):
    rows = pd.DataFrame([_row(case, REGENCY, *regency), _row(case, PROVINCE, *province)])
    rows = rows.astype({"tahun": "Int64", "jenjang": "Int64", "nik": "string", "nik_partial": "string",
                        "nomor_sertifikat": "string", "jenis_kelamin": "string"})
    table = certified_workers_by_region_level(rows, OFFICES, PUBLISH)
    got = {(r.region_code, r.jenjang): r.certified_persons for r in table.itertuples()}
    expected = {("64.08", 3): 1} if re_report else {("64.08", 3): 1, ("64", 3): 1}
    assert got == expected
