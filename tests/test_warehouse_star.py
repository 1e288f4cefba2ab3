"""The star-schema builders on hand-made linked rows, with exact expected contents."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from sources.registry import load_registry
from warehouse import schema
from warehouse.headline import certified_workers_by_region_level
from warehouse.star import build_star, nik_hash

OFFICES = load_registry()
PUBLISH = date(2026, 6, 30)
SECRET = "test-secret"
K, BK = "Kompeten", "Belum Kompeten"
NIK_A = "6408011003850001"  # Kutai Timur, born 10-03-1985, man
NIK_B = "6371055204900002"  # Banjarmasin (Kalsel), born 12-04-1990, woman
NIK_C = "6472012012000003"  # Samarinda, born 20-12-2000, man


def linked(*specs) -> pd.DataFrame:
    """Linked rows: (office, person, nik, jenjang, hasil, nomor, terbit, berlaku, tahun, jabatan)."""
    records = []
    for i, (office, person, nik, jenjang, hasil, nomor, terbit, berlaku, tahun, jabatan) in enumerate(specs):
        records.append(
            {
                "office_id": office,
                "source_file": f"{office}.xlsx",
                "source_sha256": "ab" * 32,
                "source_sheet": "Peserta",
                "source_row": i + 5,
                "nik": nik,
                "nik_status": "valid" if nik else "missing",
                "nik_partial": None,
                "nama": "Nama Rahasia",
                "nama_kunci": "nama rahasia",
                "tanggal_lahir": pd.NaT,
                "jenis_kelamin": None,
                "jabatan_kerja": jabatan,
                "jenjang": jenjang,
                "kualifikasi": None,
                "hasil": hasil,
                "nomor_sertifikat": nomor,
                "tanggal_terbit": pd.Timestamp(terbit) if terbit else pd.NaT,
                "masa_berlaku": pd.Timestamp(berlaku) if berlaku else pd.NaT,
                "program": "MTU",
                "tahun": tahun,
                "flags": "",
                "person_key": person,
                "person_key_basis": "nik" if nik else "unlinked",
            }
        )
    frame = pd.DataFrame(records)
    frame["jenjang"] = frame["jenjang"].astype("Int64")
    frame["tahun"] = frame["tahun"].astype("Int64")
    for column in ("tanggal_lahir", "tanggal_terbit", "masa_berlaku"):
        frame[column] = frame[column].astype("datetime64[ms]")
    return frame


def star(*specs):
    return build_star(linked(*specs), OFFICES, PUBLISH, SECRET)


def test_every_star_table_has_exactly_its_schema_columns():
    tables = star(("kab-kutai-timur", "a", NIK_A, 3, K, "C1", "2025-02-01", "2030-02-01", 2025, "Tukang Batu"))
    assert tuple(tables) == schema.STAR_TABLES
    for name, frame in tables.items():
        assert list(frame.columns) == [c.name for c in schema.metadata.tables[name].columns], name


@pytest.mark.parametrize(
    ("bases", "expected"),
    [
        (["nik", "nik_repair:excel_truncated"], "nik"),
        (["probabilistic", "nik_repair:typo"], "nik_repair:typo"),
        (["unlinked"], "unlinked"),
        (["probabilistic", "same_certificate"], "same_certificate"),
        (["unlinked", "probabilistic"], "probabilistic"),
    ],
)
def test_dim_person_keeps_the_strongest_link_basis(bases, expected):
    rows = linked(*[("kab-kutai-timur", "a", None, 3, K, f"C{i}", "2025-02-01", "2030-02-01", 2025, "Tukang Batu")
                    for i in range(len(bases))])
    rows["person_key_basis"] = bases
    person = build_star(rows, OFFICES, PUBLISH, SECRET)["dim_person"]
    assert person[["person_key", "person_key_basis"]].to_dict("records") == [{"person_key": "a", "person_key_basis": expected}]


def test_dim_region_lists_all_provinces_and_regencies():
    region = star(("kab-kutai-timur", "a", NIK_A, 3, K, "C1", None, None, 2025, "Tukang Batu"))["dim_region"]
    assert len(region) == 552
    assert (region["region_type"] == "province").sum() == 38
    assert region["region_type"].isin(["regency", "city"]).sum() == 514
    kutim = region.set_index("region_code").loc["64.08"]
    assert (kutim["region_name"], kutim["province_code"], kutim["province_name"]) == (
        "Kabupaten Kutai Timur", "64", "Kalimantan Timur")


def test_dim_person_from_the_nik_without_nik_or_name():
    tables = star(
        ("kab-kutai-timur", "a", NIK_A, 3, K, "C1", None, None, 2025, "Tukang Batu"),
        ("kab-kutai-timur", "a", NIK_A, 3, K, "C1", None, None, 2025, "Tukang Batu"),
        ("prov-kaltim", "b", NIK_B, 7, K, "C2", None, None, 2024, "Arsitek Muda"),
        ("kota-samarinda", "c", NIK_C, 2, BK, None, None, None, 2023, "Tukang Kayu"),
        ("kota-samarinda", "d", None, 2, None, None, None, None, 2023, "Tukang Kayu"),
    )
    person = tables["dim_person"].set_index("person_key")
    assert person.loc["a", ["sex", "birth_year", "home_regency_code", "home_province_code", "home_region_basis"]].tolist() == [
        "L", 1985, "64.08", "64", "nik"]
    assert person.loc["b", ["sex", "birth_year", "home_regency_code", "home_province_code"]].tolist() == ["P", 1990, "63.71", "63"]
    assert person.loc["c", "birth_year"] == 2000
    assert person.loc["a", "nik_hash"] == nik_hash(SECRET, NIK_A) != NIK_A
    assert pd.isna(person.loc["d", "nik_hash"]) and pd.isna(person.loc["d", "home_province_code"])
    assert person.loc["a", ["participation_rows", "certificates"]].tolist() == [2, 1]
    assert person.loc["c", "certificates"] == 0
    for name, frame in tables.items():
        text = frame.astype(str).to_string()
        for secret in (NIK_A, NIK_B, NIK_C, "Nama Rahasia", "C1", "C2"):
            assert secret not in text, (name, secret)


def test_partial_nik_still_gives_the_home_region():
    rows = linked(("kab-kutai-timur", "a", None, 3, K, None, None, None, 2025, "Tukang Batu"))
    rows["nik_status"] = "excel_truncated"
    rows["nik_partial"] = NIK_B[:15]
    person = build_star(rows, OFFICES, PUBLISH, SECRET)["dim_person"].iloc[0]
    assert (person["home_regency_code"], person["home_region_basis"], person["sex"], person["birth_year"]) == (
        "63.71", "nik_partial", "P", 1990)
    assert pd.isna(person["nik_hash"])


@pytest.mark.parametrize(
    "nik, status, home",
    [
        # a KTP of Mimika issued before the 2022 Papua split (91.09) is a KTP of Mimika, Papua Tengah now
        ("9109011003850001", "valid", ("94.04", "94")),
        ("9271011003850001", "valid", ("96.71", "96")),   # Kota Sorong, Papua Barat Daya since 2022
        ("9101011003850001", "valid", ("93.01", "93")),   # Merauke, Papua Selatan
        ("910101100385000", "excel_truncated", ("93.01", "93")),
        ("9171011003850001", "valid", ("91.71", "91")),   # Kota Jayapura stayed in Papua
        ("9404011003850001", "valid", ("94.04", "94")),   # Mimika's present code
    ],
)
def test_home_region_of_a_nik_issued_before_its_province_split(nik, status, home):
    rows = linked(("kab-kutai-timur", "a", nik if status == "valid" else None, 3, K, None, None, None, 2025,
                   "Tukang Batu"))
    rows["nik_status"] = status
    rows["nik_partial"] = nik if status != "valid" else None
    tables = build_star(rows, OFFICES, PUBLISH, SECRET)
    person = tables["dim_person"].iloc[0]
    fact = tables["fact_participation"].iloc[0]
    assert (person["home_regency_code"], person["home_province_code"]) == home
    assert (fact["home_regency_code"], fact["home_province_code"]) == home


@pytest.mark.parametrize(
    "digits",
    [
        "6408011003850001",  # man, 10-03-1985
        "6371055204900002",  # woman (52 = 12 + 40), 12-04-1990
        "640801290200",      # 29-02-2000: a leap day, the 12 leading digits an Excel export keeps
        "640801290201000",   # 29-02-2001: no such day
        "6408016902960001",  # woman, 29-02-1996 (69 = 29 + 40)
        "6408013104850001",  # 31 April: no such day
        "6408017104850001",  # woman, 31 April: no such day
        "6408010013850001",  # day 00, month 13
        "6408013500850001",  # day 35: no man's day, month 00
        "6408011012100001",  # yy 10 -> 2010 (16 years old in 2026)
        "6408011012110001",  # yy 11 -> 1911 (2011 would be 15 in 2026: still 2011)
        "6408011012120001",  # yy 12 -> 1912
        "64080110",          # too short
        "6408x11003850001",  # not digits
        None,
    ],
)
def test_nik_decoded_as_the_scalar_rule_does(digits):
    """dim_person decodes sex and birth year over arrays; each NIK as nik_birth_date_and_sex reads it."""
    from standardize.nik import nik_birth_date_and_sex
    from warehouse.star import _decode_nik

    decoded = _decode_nik(pd.Series([digits, digits], dtype="str"), 2026).iloc[1]
    if digits is None or len(digits) < 12 or not digits[:12].isdigit():
        expected = (None, None)
    else:
        born, sex = nik_birth_date_and_sex(digits, 2026)
        expected = (sex, born.year) if born else (None, None)
    assert (decoded["sex"], decoded["birth_year"]) == expected


def test_dim_person_takes_the_most_frequent_value_ties_to_the_smallest():
    rows = linked(
        *[("kab-kutai-timur", "a", nik, 3, K, None, None, None, 2025, "Tukang Batu")
          for nik in (NIK_C, NIK_A, NIK_A, NIK_C, NIK_B)],
        *[("kab-kutai-timur", "b", nik, 3, K, None, None, None, 2025, "Tukang Batu") for nik in (NIK_B, NIK_C, NIK_B)],
        ("kab-kutai-timur", "c", None, 3, K, None, None, None, 2025, "Tukang Batu"),
    )
    rows["jenis_kelamin"] = ["P", "L", "P", "L", None, None, None, None, "P"]
    rows["tanggal_lahir"] = pd.to_datetime(["1999-01-01", None, "1985-03-10", "1998-01-01", "1998-05-05", None, None, None,
                                            "1970-01-01"]).astype("datetime64[ms]")
    person = build_star(rows, OFFICES, PUBLISH, SECRET)["dim_person"].set_index("person_key")
    # a: NIK_A and NIK_C twice each: the smaller NIK; b: NIK_B twice
    assert person["nik_hash"].tolist()[:2] == [nik_hash(SECRET, NIK_A), nik_hash(SECRET, NIK_B)]
    assert pd.isna(person.loc["c", "nik_hash"])
    assert person["sex"].tolist() == ["L", "P", "P"]
    # c has no NIK: the birth-date column (1970) and the sex column (P) speak
    assert person["birth_year"].tolist() == [1985, 1990, 1970]
    assert person["participation_rows"].tolist() == [5, 3, 1]


@pytest.mark.parametrize(("rows_of_b", "nik_of_b", "home_of_b"), [
    # b's own NIK once, NIK_A (copied from a's row above: linkage set it aside, basis not 'nik')
    # once: b's own, not a's (a tie broke to the smaller NIK, a's, before)
    ([(NIK_C, "nik"), (NIK_A, "probabilistic")], NIK_C, "64.72"),
    ([(NIK_C, "nik"), (NIK_A, "unlinked"), (NIK_A, "unlinked")], NIK_C, "64.72"),
    # b known only by the copied NIK: no NIK, no home region (a's were given before)
    ([(NIK_A, "unlinked")], None, None),
    # a basis nobody stated: the NIK stands
    ([(NIK_A, None)], NIK_A, "64.08"),
])
def test_a_nik_copied_from_another_person_is_not_the_persons(rows_of_b, nik_of_b, home_of_b):
    rows = linked(("kab-kutai-timur", "a", NIK_A, 3, K, None, None, None, 2025, "Tukang Batu"),
                  *[("kab-kutai-timur", "b", nik, 3, K, None, None, None, 2025, "Tukang Batu") for nik, _ in rows_of_b])
    rows["person_key_basis"] = ["nik"] + [basis for _, basis in rows_of_b]
    person = build_star(rows, OFFICES, PUBLISH, SECRET)["dim_person"].set_index("person_key")
    b = person.loc["b"]
    assert (None if pd.isna(b["nik_hash"]) else b["nik_hash"]) == (nik_hash(SECRET, nik_of_b) if nik_of_b else None)
    assert (None if pd.isna(b["home_regency_code"]) else b["home_regency_code"]) == home_of_b
    assert person.loc["a", "nik_hash"] == nik_hash(SECRET, NIK_A)


@pytest.mark.parametrize(("regency", "province", "certificates", "province_cells"), [
    # one number, its separators typed otherwise by the province: a re-report, one certificate
    ("SKK-6408-2025-00203", "SKK6408202500203", 1, 0),
    ("SKK-6408-2025-00203", "SKK.6408.2025.00203", 1, 0),
    ("SKK/6408/2025/00203", "SKK-6408-2025-00203", 1, 0),
    # other digits: another certificate, the province's
    ("SKK-6408-2025-00203", "SKK-6408-2025-00204", 2, 1),
])
def test_a_number_spelled_otherwise_is_one_certificate(regency, province, certificates, province_cells):
    tables = star(("kab-kutai-timur", "a", NIK_A, 4, K, regency, None, None, 2025, "Mandor"),
                  ("prov-kaltim", "a", NIK_A, 4, K, province, None, None, 2025, "Mandor"))
    assert len(tables["fact_certification"]) == certificates
    headline = tables["certified_workers_by_region_level"]
    assert int((headline["region_code"] == "64").sum()) == province_cells
    assert tables["fact_participation"]["re_report"].tolist() == [False, province_cells == 0]


def test_fact_participation_one_row_per_input_row_with_provenance():
    rows = linked(
        ("kab-kutai-timur", "a", NIK_A, 3, K, "C1", None, None, 2025, "Tukang Batu"),
        ("prov-kaltim", "a", NIK_A, 3, K, "C1", None, None, 2025, "Tukang Batu"),
        ("kota-palembang", "b", NIK_B, 2, None, None, None, None, 2024, "Operator Crane"),
    )
    rows.loc[2, ["source_file", "source_sheet", "source_row"]] = ["palembang.csv", "", 17]
    fact = build_star(rows, OFFICES, PUBLISH, SECRET)["fact_participation"]
    assert len(fact) == 3
    palembang = fact[fact["office_id"] == "kota-palembang"].iloc[0]
    assert (palembang["source_file"], palembang["source_sheet"], palembang["source_row"]) == ("palembang.csv", "", 17)
    assert (palembang["province_code"], palembang["region_code"], palembang["kualifikasi"]) == ("16", "16.71", "Operator")
    assert pd.isna(palembang["certificate_key"])
    # The province's re-report of Kutai Timur's certificate is kept, marked, and points at the same certificate.
    kutim, kaltim = fact[fact["office_id"] == "kab-kutai-timur"].iloc[0], fact[fact["office_id"] == "prov-kaltim"].iloc[0]
    assert (kutim["re_report"], kaltim["re_report"]) == (False, True)
    assert kutim["certificate_key"] == kaltim["certificate_key"]
    assert kaltim["home_regency_code"] == "64.08"


def test_fact_certification_dedupes_by_number_regency_over_province():
    tables = star(
        # One certificate reported twice by Kutai Timur and re-reported by the province.
        ("kab-kutai-timur", "a", NIK_A, 4, K, "C1", "2025-02-01", "2030-02-01", 2025, "Mandor"),
        ("kab-kutai-timur", "a", NIK_A, 4, K, "C1", "2025-02-01", "2030-02-01", 2025, "Mandor"),
        ("prov-kaltim", "a", NIK_A, 4, K, "C1", "2025-02-01", "2030-02-01", 2025, "Mandor"),
        # The province's own expert.
        ("prov-kaltim", "b", NIK_B, 7, K, "C9", "2024-03-01", None, 2024, "Arsitek Muda"),
        # Belum Kompeten: no certificate.
        ("prov-kaltim", "c", NIK_C, 7, BK, None, None, None, 2024, "Arsitek Muda"),
    )
    cert = tables["fact_certification"].set_index("person_key")
    assert sorted(cert.index) == ["a", "b"]
    a = cert.loc["a"]
    assert (a["office_id"], a["region_code"], a["province_code"], a["office_ids"], a["reports"]) == (
        "kab-kutai-timur", "64.08", "64", "kab-kutai-timur;prov-kaltim", 3)
    assert (a["has_number"], a["active"], a["expires_on_basis"], a["certification_year"]) == (True, True, "masa_berlaku", 2025)
    b = cert.loc["b"]
    assert (b["region_code"], b["expires_on"], b["expires_on_basis"], b["kualifikasi"]) == (
        "64", pd.Timestamp("2029-03-01"), "tanggal_terbit", "Ahli")
    assert re.fullmatch(r"c[0-9a-f]{24}", a["certificate_key"])


def test_a_province_recap_without_numbers_points_at_the_regency_certificate():
    tables = star(
        ("kab-kutai-timur", "a", NIK_A, 3, K, "C1", "2025-02-01", "2030-02-01", 2025, "Tukang Batu"),
        # The province's recap: no number, the occupation in capitals.
        ("prov-kaltim", "a", NIK_A, 3, K, None, None, None, 2025, "TUKANG BATU"),
        # The same person at another jenjang through the province: its own certificate.
        ("prov-kaltim", "a", NIK_A, 7, K, None, None, None, 2025, "Ahli Muda Teknik Jalan"),
    )
    cert = tables["fact_certification"]
    assert sorted(zip(cert["jenjang"], cert["office_ids"], cert["region_code"])) == [
        (3, "kab-kutai-timur;prov-kaltim", "64.08"), (7, "prov-kaltim", "64")]
    fact = tables["fact_participation"].sort_values(["jenjang", "office_id"])
    assert fact["re_report"].tolist() == [False, True, False]
    assert fact["certificate_key"].iloc[0] == fact["certificate_key"].iloc[1]
    assert set(fact["certificate_key"]) == set(cert["certificate_key"])


def test_certificates_without_a_number():
    tables = star(
        # Pending in 2024, number issued in 2025: one certificate.
        ("kota-samarinda", "a", NIK_A, 3, K, None, None, None, 2024, "Tukang Batu"),
        ("kota-samarinda", "a", NIK_A, 3, K, "S1", "2025-01-15", "2030-01-15", 2025, "Tukang Batu"),
        # Never numbered, reported twice: one certificate; another jabatan: another one.
        ("kab-muara-enim", "b", NIK_B, 2, K, None, None, None, 2021, "Operator Excavator"),
        ("kab-muara-enim", "b", NIK_B, 2, K, None, None, None, 2021, "Operator Excavator"),
        ("kab-muara-enim", "b", NIK_B, 2, K, None, None, None, 2022, "Operator Bulldozer"),
        # Numbered 2019, pending again in 2025 (a renewal): two certificates.
        ("kota-palembang", "c", NIK_C, 1, K, "P1", "2019-05-01", None, 2019, "Tukang Kayu"),
        ("kota-palembang", "c", NIK_C, 1, K, None, None, None, 2025, "Tukang Kayu"),
    )
    cert = tables["fact_certification"]
    counts = cert.groupby("person_key").size().to_dict()
    assert counts == {"a": 1, "b": 2, "c": 2}
    b = cert[cert["person_key"] == "b"].set_index("jabatan_kerja")
    assert b.loc["Operator Excavator", "reports"] == 2 and not b.loc["Operator Excavator", "has_number"]
    # Program year 2021: valid at least through 2025, expiring some day of 2026: unknown (null)
    # on the publish date; 2022: valid through 2026.
    excavator = b.loc["Operator Excavator"]
    assert excavator["expires_on"] == pd.Timestamp("2025-12-31") and pd.isna(excavator["active"])
    assert (b.loc["Operator Bulldozer", "expires_on_basis"], b.loc["Operator Bulldozer", "active"]) == ("tahun", True)
    c = cert[cert["person_key"] == "c"].sort_values("certification_year")
    # Issued before 2021 (old scheme): expired 31 December 2022.
    assert c["expires_on"].tolist() == [pd.Timestamp("2022-12-31"), pd.Timestamp("2029-12-31")]
    participation = tables["fact_participation"]
    a_keys = participation.loc[participation["person_key"] == "a", "certificate_key"]
    assert a_keys.nunique() == 1 and a_keys.notna().all()


@pytest.mark.parametrize(
    "spellings, certificates",
    [
        # a clerk's abbreviation, capitals, a stray dot or space: one certificate
        (["Mandor Pekerjaan Jalan", "Mdr. Pekerjaan Jalan"], 1),
        (["Mandor Pekerjaan Jalan", "MANDOR PEKERJAAN JALAN", "Mandor  Pekerjaan Jalan."], 1),
        (["Juru Ukur", "Jr. Ukur", "Jr Ukur"], 1),
        (["Tukang Pasang Bata", "Tk. Pasang Bata", "Tkg Psg Bata"], 1),
        # two occupations stay two certificates
        (["Mandor Pekerjaan Jalan", "Mandor Pekerjaan Jembatan"], 2),
        (["Tukang Batu", "Tukang Besi"], 2),
        # an abbreviation that fits two occupations is left as written: its own certificate
        (["Mandor Pekerjaan Jalan", "Mandor Pekerjaan Jembatan", "Mdr. Pek. J."], 3),
    ],
)
def test_certificates_without_a_number_read_the_jabatan_as_the_counting_rules_do(spellings, certificates):
    tables = star(*[("kab-kutai-timur", "a", NIK_A, 3, K, None, None, None, 2024, spelling) for spelling in spellings])
    cert = tables["fact_certification"]
    assert len(cert) == certificates
    assert cert["reports"].sum() == len(spellings)
    fact = tables["fact_participation"]
    assert fact["certificate_key"].nunique() == certificates


def test_an_abbreviated_row_without_a_number_joins_the_numbered_certificate():
    tables = star(
        ("kab-kutai-timur", "a", NIK_A, 4, K, "C1", "2025-02-01", "2030-02-01", 2025, "Mandor Pekerjaan Jalan"),
        # pending in 2024, the occupation abbreviated in another file
        ("kab-kutai-timur", "a", NIK_A, 4, K, None, None, None, 2024, "Mdr. Pek. Jalan"),
    )
    cert = tables["fact_certification"]
    # rule 7: the year of the issue date (2025), not the pending row's program year
    assert cert[["reports", "has_number", "certification_year"]].to_dict("records") == [
        {"reports": 2, "has_number": True, "certification_year": 2025}]


@pytest.mark.parametrize(
    "case, specs, year",
    [
        ("a pending row of the program year, the issue date in the next year's list",
         [("kota-palembang", "a", NIK_A, 2, K, None, None, None, 2021, "Tukang Batu"),
          ("kota-palembang", "a", NIK_A, 2, K, "SKK-1671-2022-00007", "2022-01-10", None, 2022, "Tukang Batu")], 2022),
        ("an issue date beats an earlier year in the number of another report",
         [("kota-palembang", "a", NIK_A, 2, K, "SKK-1671-2021-00007", None, None, 2021, "Tukang Batu"),
          ("kota-palembang", "a", NIK_A, 2, K, "SKK-1671-2021-00007", "2022-02-01", None, None, "Tukang Batu")], 2022),
        ("the number's year beats an earlier program year of a recap row",
         [("prov-kaltim", "a", NIK_A, 2, K, "SKK-6408-2023-00007", None, None, 2022, "Tukang Batu"),
          ("kab-kutai-timur", "a", NIK_A, 2, K, "SKK-6408-2023-00007", None, None, None, "Tukang Batu")], 2023),
        ("program years only: the earliest",
         [("kota-palembang", "a", NIK_A, 2, K, None, None, None, 2023, "Tukang Batu"),
          ("kota-palembang", "a", NIK_A, 2, K, None, None, None, 2022, "Tukang Batu")], 2022),
    ],
)
def test_certification_year_rests_on_the_strongest_evidence_of_its_reports(case, specs, year):
    cert = star(*specs)["fact_certification"]
    assert cert["certification_year"].tolist() == [year], case


def test_active_agrees_with_expires_on_and_the_headline():
    tables = star(
        ("kota-palembang", "expired", NIK_A, 1, K, "E1", "2020-06-01", "2025-06-01", 2020, "Tukang Batu"),
        ("kota-palembang", "issued-2021", NIK_B, 1, K, "E3", "2021-07-02", None, 2021, "Tukang Batu"),
        ("kota-palembang", "year-2022", NIK_C, 1, K, None, None, None, 2022, "Tukang Batu"),
        ("kota-palembang", "nothing", None, 1, K, None, None, None, None, "Tukang Batu"),
        # Issue 10: only the registration number, which states the year of issue.
        ("kota-palembang", "number-2023", None, 1, K, "16.71.2023.000123", None, None, None, "Tukang Batu"),
        ("kota-palembang", "number-2021", None, 1, K, "16.71.2021.000045", None, None, None, "Tukang Batu"),
        ("kota-palembang", "number-2019", None, 1, K, "SKT-1671-2019-000001", None, None, 2024, "Tukang Batu"),
    )
    cert = tables["fact_certification"].set_index("person_key")
    on = pd.Timestamp(PUBLISH)
    known = cert["active"].notna()
    # Where validity is known, it is the expiry against the publish date.
    assert (cert.loc[known, "active"] == (cert.loc[known, "expires_on"] >= on)).all()
    assert str(cert["active"].dtype) == "boolean"
    # Null: validity unknown (nothing known; a 2021 number expires some day of 2026).
    assert cert["active"].astype("object").where(known, None).to_dict() == {
        "expired": False, "issued-2021": True, "year-2022": True, "nothing": None,
        "number-2023": True, "number-2021": None, "number-2019": False}
    assert cert["expires_on_basis"].astype("object").where(cert["expires_on_basis"].notna(), None).to_dict() == {
        "expired": "masa_berlaku", "issued-2021": "tanggal_terbit", "year-2022": "tahun", "nothing": None,
        "number-2023": "nomor_sertifikat_year", "number-2021": "nomor_sertifikat_year",
        "number-2019": "nomor_sertifikat_year"}
    # A year from the number: 1 January of year + 5 (the earliest expiry); before 2021 the old scheme's end.
    assert cert.loc[["number-2023", "number-2021", "number-2019"], "expires_on"].tolist() == [
        pd.Timestamp("2028-01-01"), pd.Timestamp("2026-01-01"), pd.Timestamp("2022-12-31")]
    # The number's year is the certification year too (before the program year).
    assert cert.loc[["number-2023", "number-2019", "year-2022"], "certification_year"].tolist() == [2023, 2019, 2022]
    counts = ["certified_persons", "active_persons", "active_unknown_persons"]
    headline = tables["certified_workers_by_region_level"]
    assert headline[["region_code", "jenjang", *counts]].values.tolist() == [["16.71", 1, 7, 3, 2]]
    province = tables["certified_workers_by_province"]
    assert province[["province_code", "jenjang", *counts]].values.tolist() == [["16", 1, 7, 3, 2]]
    kualifikasi = tables["certified_workers_by_region_kualifikasi"]
    assert kualifikasi[["region_code", "kualifikasi", *counts]].values.tolist() == [["16.71", "Operator", 7, 3, 2]]


@pytest.mark.parametrize(
    ("case", "specs", "cell", "active"),
    [
        (
            "the number arrived a year later with its masa berlaku: the program year's guess gives way",
            [("kota-palembang", "a", NIK_A, 4, K, None, None, None, 2021, "Juru Ukur"),
             ("kota-palembang", "a", NIK_A, 4, K, "SKK-1671-2021-00012", None, "2026-06-29", 2022, "Juru Ukur")],
            (1, 0, 0), False,
        ),
        (
            "a recap of 2024 lists an SKA of 2019 by its number: the recap's year is not its issue year",
            [("prov-kaltim", "a", NIK_A, 7, K, "1.2.211.2.131.64.1003456", "2019-11-05", None, 2019, "Ahli Muda Teknik Jalan"),
             ("prov-kaltim", "a", NIK_A, 7, K, "1.2.211.2.131.64.1003456", None, None, 2024, "Ahli Muda Teknik Jalan")],
            (1, 0, 0), False,
        ),
        (
            "two stated expiries of one certificate: the latest counts",
            [("kota-palembang", "a", NIK_A, 3, K, "C1", None, "2026-06-29", 2021, "Operator Crane"),
             ("kota-palembang", "a", NIK_A, 3, K, "C1", None, "2026-07-01", 2021, "Operator Crane")],
            (1, 1, 0), True,
        ),
        (
            "a certificate reported once keeps its own evidence: program year 2021 is unknown",
            [("kota-palembang", "a", NIK_A, 2, K, None, None, None, 2021, "Tukang Batu")],
            (1, 0, 1), None,
        ),
        (
            "a renewal is another certificate: the old SKT's date does not pull the new SKK down",
            [("kota-palembang", "a", NIK_A, 3, K, "2.2.301.3.016.71.1012345", "2019-08-12", None, 2019, "Operator Excavator"),
             ("kota-palembang", "a", NIK_A, 3, K, None, None, None, 2024, "Operator Excavator")],
            (1, 1, 0), None,
        ),
        (
            "a renewal without numbers: the SKT issued 2019 expired in 2022, the 2024 program is a new certificate",
            [("kota-palembang", "a", NIK_A, 3, K, None, "2019-08-12", None, 2019, "Operator Excavator"),
             ("kota-palembang", "a", NIK_A, 3, K, None, None, None, 2024, "Operator Excavator")],
            (1, 1, 0), None,
        ),
        (
            "a renewal whose old certificate states its expiry: the 2023 program follows it",
            [("kota-palembang", "a", NIK_A, 5, K, None, None, "2023-03-01", 2018, "Pelaksana Lapangan Pekerjaan Gedung"),
             ("kota-palembang", "a", NIK_A, 5, K, None, None, None, 2023, "Pelaksana Lapangan Pekerjaan Gedung")],
            (1, 1, 0), None,
        ),
        (
            "the list of the program year before the certificate's stated expiry: one certificate, expired",
            [("kota-palembang", "a", NIK_A, 5, K, None, None, None, 2020, "Pelaksana Lapangan Pekerjaan Gedung"),
             ("kota-palembang", "a", NIK_A, 5, K, None, None, "2025-03-01", 2020, "Pelaksana Lapangan Pekerjaan Gedung")],
            (1, 0, 0), None,
        ),
    ],
)
def test_a_certificate_is_judged_on_the_strongest_evidence_of_its_reports(case, specs, cell, active):
    tables = star(*specs)
    counts = ["certified_persons", "active_persons", "active_unknown_persons"]
    assert [tuple(r) for r in tables["certified_workers_by_region_level"][counts].values.tolist()] == [cell], case
    cert = tables["fact_certification"]
    if active is not None:
        assert cert["active"].astype("object").tolist() == [active], case
    on = pd.Timestamp(PUBLISH)
    known = cert["active"].notna()
    assert (cert.loc[known, "active"] == (cert.loc[known, "expires_on"] >= on)).all(), case


def test_unknown_is_per_person_across_rows_and_cells():
    tables = star(
        # a: an active and an unknown certificate at jenjang 3 -> active; only unknown at 5 -> unknown.
        ("kota-samarinda", "a", NIK_A, 3, K, "C1", "2025-01-10", None, 2025, "Tukang Batu"),
        ("kota-samarinda", "a", NIK_A, 3, K, "C2", None, None, None, "Tukang Kayu"),
        ("kota-samarinda", "a", NIK_A, 5, K, "C3", None, None, None, "Juru Ukur"),
        # b: expired and unknown at jenjang 3 -> unknown; c: expired only.
        ("kota-samarinda", "b", NIK_B, 3, K, "C4", "2019-01-10", None, 2019, "Tukang Batu"),
        ("kota-samarinda", "b", NIK_B, 3, K, "C5", None, None, None, "Tukang Kayu"),
        ("kota-samarinda", "c", NIK_C, 2, K, "C6", None, "2024-01-01", 2019, "Tukang Batu"),
    )
    counts = ["certified_persons", "active_persons", "active_unknown_persons"]
    headline = tables["certified_workers_by_region_level"]
    assert headline[["jenjang", *counts]].values.tolist() == [[2, 1, 0, 0], [3, 2, 1, 1], [5, 1, 0, 1]]
    # Operator (jenjang 2-3): a active, b unknown, c expired; Teknisi (5): a unknown.
    kualifikasi = tables["certified_workers_by_region_kualifikasi"]
    assert kualifikasi[["kualifikasi", *counts]].values.tolist() == [["Operator", 3, 1, 1], ["Teknisi/Analis", 1, 0, 1]]
    for table in (headline, kualifikasi, tables["certified_workers_by_province"]):
        assert (table["active_persons"] + table["active_unknown_persons"] <= table["certified_persons"]).all()


def test_headline_is_the_contract_function():
    rows = linked(
        ("kab-kutai-timur", "a", NIK_A, 4, K, "C1", "2025-02-01", "2030-02-01", 2025, "Mandor"),
        ("prov-kaltim", "a", NIK_A, 4, K, "C1", "2025-02-01", "2030-02-01", 2025, "Mandor"),
        ("prov-kaltim", "b", NIK_B, 7, K, "C9", "2025-03-01", "2030-03-01", 2025, "Arsitek Muda"),
        # Years from registration numbers only: 2021 is unknown on the publish date, 2024 active.
        ("kota-palembang", "c", NIK_C, 2, K, "16.71.2021.000045", None, None, None, "Operator Excavator"),
        ("kota-palembang", "d", None, 2, K, "012/LSP-X/XII/2024", None, None, None, "Operator Excavator"),
    )
    ours = build_star(rows, OFFICES, PUBLISH, SECRET)["certified_workers_by_region_level"]
    theirs = certified_workers_by_region_level(rows, OFFICES, PUBLISH)
    assert ours.to_dict("records") == theirs.sort_values(["region_code", "jenjang"]).to_dict("records")
    palembang = ours[ours["region_code"] == "16.71"]
    assert palembang[["certified_persons", "active_persons", "active_unknown_persons"]].values.tolist() == [[2, 1, 1]]


def test_province_rollup_counts_a_person_once():
    tables = star(
        ("kab-kutai-timur", "a", NIK_A, 3, K, "C1", "2025-02-01", "2030-02-01", 2025, "Tukang Batu"),
        ("kota-samarinda", "a", NIK_A, 3, K, "C2", "2025-05-01", "2030-05-01", 2025, "Tukang Batu"),
        ("kab-kutai-kartanegara", "a", NIK_A, 3, K, "C3", "2019-05-01", None, 2019, "Tukang Batu"),
        ("kab-kutai-timur", "b", NIK_B, 3, K, None, None, None, 2020, "Tukang Batu"),
        ("kab-muaro-jambi", "a", NIK_A, 3, K, "J1", "2025-05-01", "2030-05-01", 2025, "Tukang Batu"),
    )
    headline = tables["certified_workers_by_region_level"].set_index("region_code")["certified_persons"].to_dict()
    assert headline == {"15.05": 1, "64.02": 1, "64.08": 2, "64.72": 1}
    province = tables["certified_workers_by_province"].set_index("province_code")
    assert province.loc["64", ["province_name", "jenjang", "certified_persons", "active_persons"]].tolist() == [
        "Kalimantan Timur", 3, 2, 1]
    assert province.loc["15", "certified_persons"] == 1


def test_kualifikasi_table_counts_persons_not_levels():
    tables = star(
        ("kota-samarinda", "a", NIK_A, 2, K, "C1", "2025-01-10", "2030-01-10", 2025, "Tukang Batu"),
        ("kota-samarinda", "a", NIK_A, 3, K, "C2", "2025-05-10", "2030-05-10", 2025, "Tukang Besi Beton"),
        ("kota-samarinda", "a", NIK_A, 5, K, "C3", "2025-05-10", "2030-05-10", 2025, "Juru Ukur"),
    )
    by_kualifikasi = tables["certified_workers_by_region_kualifikasi"].set_index("kualifikasi")["certified_persons"].to_dict()
    assert by_kualifikasi == {"Operator": 1, "Teknisi/Analis": 1}
    assert tables["certified_workers_by_region_level"]["certified_persons"].sum() == 3


def test_yearly_new_persons_add_up_to_the_headline():
    tables = star(
        ("kab-kutai-timur", "a", NIK_A, 3, K, "C1", "2023-02-01", None, 2023, "Tukang Batu"),
        ("kab-kutai-timur", "a", NIK_A, 3, K, "C2", "2025-02-01", None, 2025, "Operator Excavator"),
        ("kab-kutai-timur", "b", NIK_B, 3, K, None, None, None, 2025, "Tukang Batu"),
        ("kab-kutai-timur", "c", NIK_C, 3, K, "C3", "2024-02-01", None, 2023, "Tukang Batu"),
    )
    yearly = tables["certified_workers_by_region_level_yearly"]
    cells = {r.certification_year: (r.certificates, r.certified_persons, r.new_persons) for r in yearly.itertuples()}
    assert cells == {2023: (1, 1, 1), 2024: (1, 1, 1), 2025: (2, 2, 1)}
    headline = tables["certified_workers_by_region_level"]
    assert yearly["new_persons"].sum() == headline["certified_persons"].sum() == 3


def test_target_progress_growth_and_per_year():
    specs = [("kab-kutai-timur", f"base{i}", None, 3, K, f"B{i}", None, None, 2024 + (i % 2), "Tukang Batu") for i in range(10)]
    specs += [("kab-kutai-timur", f"new{i}", None, 3, K, f"N{i}", None, None, 2026, "Tukang Batu") for i in range(2)]
    specs += [("prov-kaltim", f"k{i}", None, 7, BK, None, None, None, 2025, "Arsitek Muda") for i in range(3)]
    specs += [("prov-kaltim", "base0", None, 3, K, "B0", None, None, 2025, "Tukang Batu")]  # a re-report: not a participant
    specs += [("prov-kalsel", f"s{i}", None, 7, K, f"S{i}", f"2026-0{i + 1}-01", None, 2026, "Arsitek Muda") for i in range(4)]
    progress = star(*specs)["target_progress"]
    kutim = progress[progress["office_id"] == "kab-kutai-timur"].iloc[0]
    assert (kutim["kind"], kutim["baseline_year"], kutim["baseline_value"], kutim["target_value"], kutim["measured_value"]) == (
        "growth", 2025, 10, 15.0, 12)
    assert kutim["progress"] == pytest.approx(0.4)
    assert kutim["expected_progress"] == pytest.approx((PUBLISH - date(2025, 12, 31)).days / (date(2029, 12, 31) - date(2025, 12, 31)).days)
    assert kutim["status"] == "on_track"
    kaltim = progress[progress["office_id"] == "prov-kaltim"].set_index("target_year")
    assert kaltim.loc[2025, ["metric", "measured_value", "target_value", "status"]].tolist() == ["participants", 3, 1000.0, "missed"]
    assert kaltim.loc[2026, "status"] == "behind"
    kalsel = progress[progress["office_id"] == "prov-kalsel"].set_index("note")
    assert kalsel.loc["funded", ["target_year", "measured_value", "target_value"]].tolist() == [2026, 4, 260.0]
    assert kalsel.loc["ideal", "target_value"] == 375.0
    assert set(progress["office_id"]) == {"kab-kutai-timur", "prov-kaltim", "prov-kalsel", "kota-palembang"}


def test_same_rows_in_any_order_give_identical_frames():
    specs = [
        ("kab-kutai-timur", "a", NIK_A, 4, K, "C1", "2025-02-01", "2030-02-01", 2025, "Mandor"),
        ("prov-kaltim", "a", NIK_A, 4, K, "C1", "2025-02-01", "2030-02-01", 2025, "Mandor"),
        ("kota-samarinda", "b", NIK_B, 3, K, None, None, None, 2024, "Tukang Batu"),
        ("kota-samarinda", "b", NIK_B, 3, K, "S1", "2025-01-15", None, 2025, "Tukang Batu"),
        ("kota-palembang", "c", NIK_C, 2, BK, None, None, None, 2023, "Operator Crane"),
    ]
    rows = linked(*specs)
    first = build_star(rows, OFFICES, PUBLISH, SECRET)
    second = build_star(rows.sample(frac=1, random_state=3).reset_index(drop=True), OFFICES, PUBLISH, SECRET)
    for name in first:
        pd.testing.assert_frame_equal(first[name], second[name], obj=name)


def test_empty_secret_and_unknown_office_are_refused():
    rows = linked(("kab-kutai-timur", "a", NIK_A, 3, K, "C1", None, None, 2025, "Tukang Batu"))
    with pytest.raises(ValueError, match="secret"):
        build_star(rows, OFFICES, PUBLISH, "")
    with pytest.raises(ValueError, match="registry"):
        build_star(rows.assign(office_id="kab-nowhere"), OFFICES, PUBLISH, SECRET)
