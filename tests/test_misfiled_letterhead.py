"""A letterhead (kop) whose office name wraps onto the next title row: whose file is it?

Found by the second blind world (tests/blind_generator_2.py): the province's expert list in a
city's folder under "DINAS PEKERJAAN UMUM, PENATAAN RUANG DAN PERUMAHAN RAKYAT" / "PROVINSI
KALIMANTAN TIMUR" was counted at the city (64.72 jenjang 7-9: 8 persons too many, 64: 8 too few).
"""

from __future__ import annotations

import pandas as pd
import pytest

from expectations.origin import issuer_of, other_office_verdict
from sources.registry import Office

PROV = Office(id="prov-kaltim", name="Dinas PUPR-Pera Provinsi Kalimantan Timur", level="province",
              region_code="64", landing="prov-kaltim")
SMD = Office(id="kota-samarinda", name="Dinas PUPR Kota Samarinda", level="city", region_code="64.72",
             landing="kota-samarinda")


def _niks(code: str, count: int) -> list[str]:
    return [f"{code.replace('.', '')}01010190{i:04d}" for i in range(1, count + 1)]


ISSUERS = [
    # (title rows, the region of the office they speak for)
    ("DINAS PEKERJAAN UMUM, PENATAAN RUANG DAN PERUMAHAN RAKYAT | PROVINSI KALIMANTAN TIMUR | DATA PESERTA 2023",
     "64"),
    ("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG | KABUPATEN KUTAI TIMUR | HASIL UJI 2024", "64.08"),
    ("DINAS PU DAN PENATAAN RUANG | KOTA SAMARINDA", "64.72"),
    ("PEMERINTAH KABUPATEN KUTAI TIMUR | DINAS PUPR", "64.08"),  # region before the office: as before
    # the next row is a list's title naming a place, not the office name wrapped
    ("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG | DAFTAR PESERTA SERTIFIKASI KABUPATEN KUTAI TIMUR", None),
    ("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG | HASIL UJI | KABUPATEN KUTAI TIMUR", None),
]


@pytest.mark.parametrize("titles, issuer", ISSUERS)
def test_the_office_name_wraps_onto_the_next_title_row(titles, issuer):
    assert issuer_of(titles) == issuer


VERDICTS = [
    # (office whose folder, title rows, NIKs, region the file belongs to, or None: the office's own)
    (SMD, "DINAS PEKERJAAN UMUM, PENATAAN RUANG DAN PERUMAHAN RAKYAT | PROVINSI KALIMANTAN TIMUR | "
          "DATA PESERTA SERTIFIKASI TENAGA AHLI KONSTRUKSI TAHUN 2023", _niks("64.72", 6), "64"),
    (PROV, "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG | KABUPATEN KUTAI TIMUR | PESERTA MTU 2024",
     _niks("64.72", 6), "64.08"),
    (SMD, "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG | KOTA SAMARINDA | PESERTA 2024", _niks("64.72", 6), None),
]


@pytest.mark.parametrize("office, titles, niks, other", VERDICTS)
def test_whose_file_by_a_wrapped_letterhead(office, titles, niks, other):
    verdict = other_office_verdict(titles, pd.Series(niks, dtype=object), office, "data.xlsx")
    assert verdict.other_region == other
