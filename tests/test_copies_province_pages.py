"""A page of the province office's paged export filed in one of its regencies' or cities' folders
(expectations.copies.pages_of_the_province). Blind world 4's probe: Sumatera Utara's
"api_peserta_page_3.json" (8 experts, jenjang 7-9, no title, provincial NIKs) moved into Kota
Medan's folder was accepted there and its 7 certified experts counted in Medan's j7/j8/j9 cells
(12.71: 5/1/1 invented, 12: 5/1/1 short). It counts at the province when the province holds the
export's other pages and the landing office none, and every levelled row is an expert's."""

from __future__ import annotations

import pandas as pd
import pytest

from expectations.copies import page_family, pages_of_the_province, with_pages_credited
from sources.registry import parse_office

OFFICES = {o["id"]: parse_office(o) for o in [
    {"id": "prov-sumut", "name": "Dinas BMBK Sumut", "level": "province", "region_code": "12"},
    {"id": "kota-medan", "name": "Dinas PU Kota Medan", "level": "city", "region_code": "12.71"},
    {"id": "kab-deli-serdang", "name": "Dinas PUPR Deli Serdang", "level": "regency", "region_code": "12.07"},
    {"id": "kota-mataram", "name": "Dinas PUPR Kota Mataram", "level": "city", "region_code": "52.71"},
]}


@pytest.mark.parametrize(("name", "family"), [
    ("api_peserta_page_3.json", "api_peserta"),
    ("api_peserta_page_3 (1).json", "api_peserta"),
    ("export_siki_aceh_2025_hal2.json", "export_siki_aceh_2025"),
    ("Rekap Halaman 3.xlsx", "rekap"),
    ("peserta_p2.json", "peserta"),
    ("2025/Tahap II/peserta_tahap_2.csv", None),  # a batch, not a page
    ("items_peserta_uk_2.json", None),
    ("page3.json", None),
    ("Data Jenjang 7.xlsx", None),
])
def test_page_family(name, family):
    assert page_family(name) == family


def rows(*files) -> pd.DataFrame:
    out = []
    for office_id, name, levels in files:
        out += [{"office_id": office_id, "source_file": name, "source_sha256": name, "jenjang": level}
                for level in levels]
    return pd.DataFrame(out)


PROVINCE_PAGES = [("prov-sumut", "api_peserta_page_1.json", [7, 8, 7]), ("prov-sumut", "api_peserta_page_2.json", [9, 7])]


@pytest.mark.parametrize(("landed", "credited"), [
    # experts only, the province holds the other pages: the province's
    ([("kota-medan", "api_peserta_page_3.json", [7, 8, 9, None])], [("kota-medan", "api_peserta_page_3.json")]),
    ([("kab-deli-serdang", "api_peserta_page_3.json", [8])], [("kab-deli-serdang", "api_peserta_page_3.json")]),
    # a skilled worker's row among them: the office may have certified it
    ([("kota-medan", "api_peserta_page_3.json", [7, 3])], []),
    # the office's own export under the same name (a shared provincial system)
    ([("kota-medan", "api_peserta_page_3.json", [7]), ("kota-medan", "api_peserta_page_4.json", [2])], []),
    # another export's page, or no levels at all (an attendance page)
    ([("kota-medan", "peserta_page_1.json", [7, 8])], []),
    ([("kota-medan", "api_peserta_page_3.json", [None, None])], []),
    # a city of another province
    ([("kota-mataram", "api_peserta_page_3.json", [7, 8])], []),
])
def test_pages_of_the_province(landed, credited):
    pages = pages_of_the_province(rows(*PROVINCE_PAGES, *landed), OFFICES)
    assert list(zip(pages["office_id"], pages["source_file"])) == credited
    assert set(pages["owner_office_id"]) <= {"prov-sumut"}


def test_credited_rows_move_to_the_province():
    frame = rows(*PROVINCE_PAGES, ("kota-medan", "api_peserta_page_3.json", [7, 8]), ("kota-medan", "own.xlsx", [2]))
    moved = with_pages_credited(frame, pages_of_the_province(frame, OFFICES))
    assert moved.groupby("source_file")["credited_office_id"].first().fillna("").to_dict() == {
        "api_peserta_page_1.json": "", "api_peserta_page_2.json": "", "api_peserta_page_3.json": "prov-sumut",
        "own.xlsx": ""}
