"""Province recaps of their regencies' certificates, from office cells through linkage to the headline.

A recap ("Rekap Kabupaten/Kota") often lacks the NIK, the birth date and the
registration number and shortens names, so linkage leaves its row a person of its
own; the certificate it repeats (province, jenjang, jabatan kerja, year, a name
that agrees) still counts once, under the regency. A namesake's own province
certificate, told apart by NIK, birth date or name, still counts at the province.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from linkage.link import link_persons
from sources.registry import load_registry
from test_linkage import SECRET, Row, background, make_nik, standardize
from warehouse.headline import certified_workers_by_region_level, recap_partners
from warehouse.star import build_star

OFFICES = load_registry()
PUBLISH = date(2026, 6, 30)
KUTIM, KALTIM, SAMARINDA = "kab-kutai-timur", "prov-kaltim", "kota-samarinda"

AGUS = make_nik("6408", "03", date(1965, 12, 11), "L", 1)
ASRI = make_nik("6408", "10", date(1965, 1, 26), "L", 3)
ILHAM = make_nik("6472", "10", date(1966, 4, 20), "L", 2)
SUDIRMAN = make_nik("6472", "14", date(1984, 8, 1), "L", 2)
RIZKI_1 = make_nik("6408", "02", date(2001, 3, 3), "L", 1)
RIZKI_2 = make_nik("6408", "05", date(1999, 7, 9), "L", 4)
SITI = make_nik("6472", "02", date(1985, 6, 6), "P", 1)
BUDI = make_nik("6408", "07", date(1990, 5, 5), "L", 12)
FIRMAN = make_nik("6472", "01", date(1982, 11, 12), "L", 2)
JAMALUDIN = make_nik("6408", "04", date(1968, 3, 10), "L", 1)
SUPARMAN = make_nik("6472", "03", date(1970, 2, 2), "L", 5)
HENDRA = make_nik("6408", "03", date(1985, 10, 8), "L", 1)
ANDI = make_nik("6408", "07", date(1989, 11, 4), "L", 2)

RECAP = [
    # No NIK, no birth date, the family name shortened: the regency's certificate.
    Row("recap", "agus", "kutim_2025.xlsx", "Agus Yunus", AGUS, "Sangatta", "1965-12-11", "L",
        jabatan="Operator Excavator", sertifikat="SKK-6408-2025-000101"),
    Row("recap", "agus", "kaltim_rekap_2025.xlsx", "AGUS Y.", "-", "Sangatta", None, "L",
        jabatan="OPERATOR  EXCAVATOR", office=KALTIM),
    # The true NIK nowhere: a typo on the regency's row, Excel's truncation on the recap's.
    Row("recap", "asri", "kutim_2025.xlsx", "Asri Syarifuddin", ASRI[:13] + "9" + ASRI[14:], "Sangatta",
        "1965-01-26", "L", jenjang="1", jabatan="Tukang Batu"),
    Row("recap", "asri", "kaltim_rekap_2025.xlsx", "ASRI SYARIFUDDIN", ASRI[:15] + "0", "Sangatta", None, "L",
        jenjang="1", jabatan="Tukang Batu", office=KALTIM),
    # One NIK, two clerks leaving out different words of "Ilham Jaya Hakim".
    Row("recap", "ilham", "samarinda_2025.xlsx", "H. Ilham Hakim", ILHAM, "Samarinda", "20/04/1966", "L",
        jenjang="1", jabatan="Tukang Batu", office=SAMARINDA),
    Row("recap", "ilham", "kaltim_rekap_2025.xlsx", "Ilham Jaya", ILHAM, "Samarinda", None, "L",
        jenjang="1", jabatan="Tukang Batu", office=KALTIM),
    # Two digits swapped on the regency's row, a middle and a last name left out.
    Row("recap", "sudirman", "samarinda_2025.xlsx", "Sudirman Saiful", SUDIRMAN[:4] + SUDIRMAN[5] + SUDIRMAN[4]
        + SUDIRMAN[6:], "Samarinda", "1984-08-01", "L", jabatan="Operator Bulldozer", office=SAMARINDA),
    Row("recap", "sudirman", "kaltim_rekap_2025.xlsx", "Sudirman Anwar", SUDIRMAN, "Samarinda", None, "L",
        jabatan="Operator Bulldozer", office=KALTIM),
    # The only word written out is misspelt on the regency's row; one name only, misspelt.
    Row("recap", "firman", "samarinda_2025.xlsx", "Firmon Kadir", FIRMAN, "Samarinda", "1982-11-12", "L",
        jenjang="5", jabatan="Juru Ukur Bangunan", office=SAMARINDA),
    Row("recap", "firman", "kaltim_rekap_2025.xlsx", "FIRMAN K", None, "Samarinda", None, "L",
        jenjang="5", jabatan="Juru Ukur Bangunan", office=KALTIM),
    Row("recap", "jamaludin", "kutim_2025.xlsx", "Jamalundin", JAMALUDIN, "Sangatta", "1968-03-10", "L",
        jenjang="4", jabatan="Mandor Pekerjaan Jalan"),
    Row("recap", "jamaludin", "kaltim_rekap_2025.xlsx", "JAMALUDIN", "", None, None, None,
        jenjang="4", jabatan="Mandor Pekerjaan Jalan", office=KALTIM),
    # The recap copied the NIK of the row above onto Andi's row: linkage sets it aside as
    # Hendra's, and it says nothing against Andi's certificate.
    Row("recap", "hendra", "kutim_2025.xlsx", "Hendra Idris", HENDRA, "Sangatta", "1985-10-08", "L",
        jenjang="1", jabatan="Pembantu Tukang Besi"),
    Row("recap", "andi", "kutim_2025.xlsx", "Andi Wijaya", ANDI, "Sangatta", "1989-11-04", "L",
        jenjang="1", jabatan="Pembantu Tukang Besi"),
    Row("recap", "hendra", "kaltim_rekap_2025.xlsx", "HENDRA IDRIS", HENDRA, "Sangatta", None, "L",
        jenjang="1", jabatan="Pembantu Tukang Besi", office=KALTIM),
    Row("recap", "andi", "kaltim_rekap_2025.xlsx", "ANDI W.", HENDRA, "Sangatta", None, "L",
        jenjang="1", jabatan="Pembantu Tukang Besi", office=KALTIM),
    # Two clerks shortening different words, beside one birth date.
    Row("recap", "rizki_r", "kutim_2025.xlsx", "Muhammad R.", None, "Sangatta", "2001-05-20", "L",
        jenjang="3", jabatan="Operator Bulldozer"),
    Row("recap", "rizki_r", "kaltim_rekap_2025.xlsx", "M. RIZKI", None, None, "20-05-2001", "L",
        jenjang="3", jabatan="Operator Bulldozer", office=KALTIM),
    # Namesakes: the province's own fresh graduate has another NIK ...
    Row("namesakes", "rizki_regency", "kutim_2025.xlsx", "Muhammad Rizki", RIZKI_1, "Sangatta", "2001-03-03", "L",
        jenjang="4", jabatan="Juru Ukur"),
    Row("namesakes", "rizki_province", "kaltim_fg_2025.xlsx", "M. Rizky", RIZKI_2, "Sangatta", "1999-07-09", "L",
        jenjang="4", jabatan="Juru Ukur", office=KALTIM),
    # ... another birth date (no NIK) ...
    Row("namesakes", "siti_regency", "samarinda_2025.xlsx", "Siti Aminah", SITI, "Samarinda", "1985-06-06", "P",
        jenjang="5", jabatan="Teknisi Laboratorium Beton", office=SAMARINDA),
    Row("namesakes", "siti_province", "kaltim_fg_2025.xlsx", "Siti Aminah", None, "Samarinda", "1992-01-15", "P",
        jenjang="5", jabatan="Teknisi Laboratorium Beton", office=KALTIM),
    # ... another given name (twins) ...
    Row("namesakes", "budi", "kutim_2025.xlsx", "Budi Santoso", BUDI, "Sangatta", "1990-05-05", "L",
        jenjang="2", jabatan="Tukang Kayu"),
    Row("namesakes", "agus_s", "kaltim_fg_2025.xlsx", "Agus Santoso", None, "Sangatta", None, "L",
        jenjang="2", jabatan="Tukang Kayu", office=KALTIM),
    # ... a one-word name one letter off, born another day ...
    Row("namesakes", "suparman", "samarinda_2025.xlsx", "Suparman", SUPARMAN, "Samarinda", "1970-02-02", "L",
        jenjang="6", jabatan="Pelaksana Lapangan Pekerjaan Gedung", office=SAMARINDA),
    Row("namesakes", "suparmin", "kaltim_fg_2025.xlsx", "Suparmin", None, "Samarinda", "1999-09-19", "L",
        jenjang="6", jabatan="Pelaksana Lapangan Pekerjaan Gedung", office=KALTIM),
    # ... or another registration number.
    Row("namesakes", "agus_regency", "kutim_2025.xlsx", "Agus Salim", None, "Sangatta", None, "L",
        jenjang="6", jabatan="Mandor", sertifikat="SKK-6408-2025-000777"),
    Row("namesakes", "agus_province", "kaltim_fg_2025.xlsx", "Agus Salim", None, "Sangatta", None, "L",
        jenjang="6", jabatan="Mandor", sertifikat="SKK-64-2025-000031", office=KALTIM),
]


@pytest.fixture(scope="module")
def linked() -> pd.DataFrame:
    return link_persons(standardize(background(60, seed=3) + RECAP), SECRET).rows


def test_recaps_count_once_under_the_regency_and_namesakes_at_the_province(linked):
    table = certified_workers_by_region_level(linked[linked["case"] != "background"], OFFICES, PUBLISH)
    got = {(r.region_code, r.jenjang): r.certified_persons for r in table.itertuples()}
    assert got == {
        ("64.08", 3): 2,  # Agus Yunus, Muhammad R.
        ("64.08", 1): 3,  # Asri Syarifuddin, Hendra Idris, Andi Wijaya
        ("64.72", 1): 1,  # Ilham Hakim
        ("64.72", 3): 1,  # Sudirman
        ("64.72", 5): 2, ("64", 5): 1,  # Firman; two Siti Aminah
        ("64.08", 4): 2, ("64", 4): 1,  # Jamaludin; two Muhammad Rizki
        ("64.72", 6): 1, ("64", 6): 2,  # Suparman and Suparmin; the province's Agus Salim
        ("64.08", 2): 1, ("64", 2): 1,  # Budi and Agus Santoso
        ("64.08", 6): 1,  # the regency's Agus Salim
    }


def test_recap_partners_name_the_regency_row(linked):
    rows = linked[linked["case"] != "background"].reset_index(drop=True)
    certified = rows.assign(
        region_code=rows["office_id"].map({o.id: o.region_code for o in OFFICES.values()}),
        office_level=rows["office_id"].map({o.id: o.level for o in OFFICES.values()}),
    )
    partners = recap_partners(certified, (certified["office_level"] == "province").to_numpy())
    pairs = {(rows.loc[p, "person"], rows.loc[q, "person"], rows.loc[q, "office_id"]) for p, q in partners.items()}
    # Ilham's and Sudirman's rows are one person already (one NIK; a swap repaired), so
    # the person rule catches them first; here the certificate alone says it.
    assert {(a, b) for a, b, _ in pairs} >= {("agus", "agus"), ("asri", "asri"), ("firman", "firman"),
                                              ("jamaludin", "jamaludin")}
    assert all(a == b for a, b, _ in pairs)
    assert all(office != KALTIM for *_, office in pairs)


def test_a_recap_row_shares_the_regency_certificate_in_the_star(linked):
    rows = linked[linked["case"] == "recap"].drop(columns=["case", "person"]).assign(person_key_basis="nik")
    tables = build_star(rows, OFFICES, PUBLISH, SECRET)
    fact = tables["fact_participation"]
    cert = tables["fact_certification"]
    assert fact.groupby("office_id")["re_report"].agg(list).to_dict() == {
        KUTIM: [False] * 6, SAMARINDA: [False] * 3, KALTIM: [True] * 9}
    assert set(fact["certificate_key"]) == set(cert["certificate_key"])
    assert len(cert) == 9
    assert sorted(cert["office_ids"]) == [f"{KUTIM};{KALTIM}"] * 6 + [f"{SAMARINDA};{KALTIM}"] * 3


def _persons_by_label(linked: pd.DataFrame, case: str | None = None) -> dict[str, set[str]]:
    """Each person label of the world -> the person keys the star gave its rows."""
    rows = linked[linked["case"] != "background"] if case is None else linked[linked["case"] == case]
    rows = rows.assign(person_key_basis=rows["link_basis"])
    fact = build_star(rows.drop(columns=["case", "person"]), OFFICES, PUBLISH, SECRET)["fact_participation"]
    fact = fact.assign(person=rows.set_index(["source_file", "source_row"]).loc[
        list(zip(fact["source_file"], fact["source_row"])), "person"].to_numpy())
    return fact.groupby("person")["person_key"].agg(set).to_dict()


@pytest.fixture(scope="module")
def world_persons(linked) -> dict[str, set[str]]:
    """:func:`_persons_by_label` over the whole world: one star build (about 0.5 CPU-s) that
    each label's test below reads, instead of one per label."""
    return _persons_by_label(linked)


@pytest.mark.parametrize(("label", "persons"), [
    # Rule 3 ties the recap row to the regency's certificate; a row linkage left a person of its
    # own ('unlinked': no NIK, Excel's truncation, a NIK copied from the row above, a valid NIK
    # under a name the guard refused) is that certificate's holder, not a second person.
    ("agus", 1), ("asri", 1), ("firman", 1), ("jamaludin", 1), ("rizki_r", 1), ("ilham", 1), ("andi", 1),
    ("hendra", 1),
    # two valid NIKs (a swap on the regency's row) are two persons to linkage: rule 3 leaves them
    ("sudirman", 2),
])
def test_a_recap_row_linkage_left_alone_is_the_person_it_repeats(world_persons, label, persons):
    assert len(world_persons[label]) == persons


def test_namesakes_stay_apart_in_dim_person(linked):
    keys = _persons_by_label(linked, "namesakes")
    assert all(len(k) == 1 for k in keys.values())
    assert len(set().union(*keys.values())) == len(keys) == 10


@pytest.mark.parametrize(("regency_dates", "recap_dates", "partner"), [
    # (tanggal_terbit, masa_berlaku) of the regency's row and of the recap's, same year 2025
    (("2025-02-10", None), (None, "2030-02-09"), True),   # one certificate: issue and its expiry
    (("2025-02-10", None), (None, None), True),           # the recap states no date
    (("2025-02-10", None), (None, "2027-06-30"), False),  # another validity: another certificate
    ((None, "2030-02-09"), ("2021-05-01", None), False),
])
def test_a_recap_row_stating_another_validity_repeats_no_certificate(regency_dates, recap_dates, partner):
    certified = pd.DataFrame({
        "office_id": [KUTIM, KALTIM], "region_code": ["64.08", "64"], "office_level": ["regency", "province"],
        "jenjang": [3, 3], "jabatan_kerja": ["Operator Excavator", "Operator Excavator"], "tahun": [2025, 2025],
        "nama_kunci": ["agus yunus", "agus y"], "nomor_sertifikat": [None, None], "nik": [None, None],
        "tanggal_lahir": [pd.NaT, pd.NaT], "jenis_kelamin": [None, None],
        "tanggal_terbit": pd.to_datetime([regency_dates[0], recap_dates[0]]),
        "masa_berlaku": pd.to_datetime([regency_dates[1], recap_dates[1]]),
    })
    partners = recap_partners(certified, (certified["office_level"] == "province").to_numpy())
    assert partners.to_dict() == ({1: 0} if partner else {})
