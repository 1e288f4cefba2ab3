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

# (case, regency row (name, jabatan, year, birth[, other columns]), province row (the same), re-report?)
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
    # the machine as Indonesian spells it, or as one word (were counted again at the province)
    ("ekskavator", ("Agus Prasetyo", "Operator Excavator", 2025, "1990-05-17"),
     ("AGUS PRASETYO", "Operator Ekskavator", 2025, None), True),
    ("buldoser", ("Syamsul Hadi", "Operator Bulldozer", 2025, "1983-09-12"),
     ("SYAMSUL HADI", "Operator Buldoser", 2025, None), True),
    ("back_hoe", ("Suparman", "Operator Backhoe Loader", 2022, "1986-06-26"),
     ("SUPARMAN", "Operator Back Hoe Loader", 2022, None), True),
    ("another_machine", ("Hamdi", "Operator Excavator", 2022, "1990-09-14"),
     ("HAMDI", "Operator Bulldozer", 2022, None), False),
    # a gloss in brackets beside the jabatan the regency wrote (was counted again at the province)
    ("gloss", ("Hendra Gunawan", "Juru Ukur", 2024, "1988-08-30"),
     ("HENDRA GUNAWAN", "Juru Ukur (Surveyor)", 2024, None), True),
    ("gloss_on_the_regency_side", ("Dedi Kurniawan", "Operator Excavator (Alat Berat)", 2021, "1986-02-19"),
     ("DEDI KURNIAWAN", "Operator Excavator", 2021, None), True),
    ("gloss_of_another_jabatan", ("Rina Widyastuti", "Teknisi Laboratorium (Beton)", 2024, "1990-04-04"),
     ("RINA WIDYASTUTI", "Teknisi Laboratorium (Tanah)", 2024, None), False),
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
    # A row without a birth date whose own NIK states one (were re-reports: nothing compared)
    ("nik_states_another_birth_date", ("Bambang Kurniawan Syahputra", "Juru Ukur", 2025, "1975-02-11"),
     ("Bambang Saputra", "Juru Ukur", 2025, None, {"nik": "6408121907880004", "link_basis": "nik"}), False),
    ("regency_nik_states_another_birth_date", ("Budi R.", "Tukang Besi Beton", 2025, None,
                                                {"nik": "6472031006770002", "link_basis": "nik"}),
     ("Budi Ramadhan", "Tukang Besi Beton", 2025, "1985-01-01"), False),
    ("nik_states_a_woman", ("Nur Hidayat", "Mandor", 2025, None, {"jenis_kelamin": "L"}),
     ("NUR HIDAYAT", "Mandor", 2025, None, {"nik": "6408125203900001", "link_basis": "nik"}), False),
    ("shown_digits_of_another_district", ("Wahyu Pratama Ramadhan", "Mandor", 2025, None,
                                           {"nik": "6472051110980003", "link_basis": "nik"}),
     ("Wahyu R.", "Mandor", 2025, None, {"nik_status": "scientific_notation", "nik_partial": "64081"}), False),
    # ... and one that states the same person's date, or digits that start the NIK: a re-report
    ("nik_states_the_birth_date", ("Joko Hidayat Handayani", "Mandor", 2025, "1983-03-30"),
     ("Joko Handayani", "Mandor", 2025, None, {"nik": "6408133003830002", "link_basis": "nik"}), True),
    ("nik_copied_from_the_row_above", ("Andi Wijaya", "Mandor", 2025, "1989-11-04"),
     ("ANDI W.", "Mandor", 2025, None, {"nik": "6408034810850001", "link_basis": "probabilistic"}), True),
    ("shown_digits_start_the_nik", ("Hendra Saputra", "Mandor", 2025, None,
                                     {"nik": "6408051110980003", "link_basis": "nik"}),
     ("Hendra S.", "Mandor", 2025, None, {"nik_status": "scientific_notation", "nik_partial": "64080"}), True),
]

REGENCY, PROVINCE = "kab-kutai-timur", "prov-kaltim"


def _row(case: str, office: str, name: str, jabatan: str, year, birth, extra: dict | None = None) -> dict:
    return {
        "office_id": office, "person_key": f"{case}|{office}", "nama_kunci": nama_kunci(parse_name(name).nama),
        "jabatan_kerja": jabatan, "jenjang": 3, "tahun": year, "hasil": "Kompeten", "nomor_sertifikat": None,
        "tanggal_lahir": pd.Timestamp(birth) if birth else pd.NaT, "jenis_kelamin": None, "nik": None,
        "nik_status": "missing", "nik_partial": None, "link_basis": "unlinked", **(extra or {}),
    }


@pytest.mark.parametrize(("case", "regency", "province", "re_report"), CASES, ids=[c[0] for c in CASES])
def test_recap_row_counts_once(case, regency, province, re_report):
    rows = pd.DataFrame([_row(case, REGENCY, *regency), _row(case, PROVINCE, *province)])
    rows = rows.astype({"tahun": "Int64", "jenjang": "Int64", "nik": "string", "nik_partial": "string",
                        "nik_status": "string", "nomor_sertifikat": "string", "jenis_kelamin": "string",
                        "link_basis": "string"})
    table = certified_workers_by_region_level(rows, OFFICES, PUBLISH)
    got = {(r.region_code, r.jenjang): r.certified_persons for r in table.itertuples()}
    expected = {("64.08", 3): 1} if re_report else {("64.08", 3): 1, ("64", 3): 1}
    assert got == expected


# A recap file: three rows the rules above tie to the regency's (same names), and a fourth whose
# clerk kept other words of the name than the regency's clerk did.
RECAP_FILE = [("Rudi Hartono", "Rudi Hartono"), ("Eko Prasetyo", "EKO P."), ("Slamet Riyadi", "Slamet Riyadi")]


@pytest.mark.parametrize(
    ("case", "matched", "regency_names", "province_name", "re_report"),
    [
        # the file is a recap (3 of 4 rows re-reports): "Ilyas" names one person (were two)
        ("recap_file", 3, ["Muhammad Ilyas"], "ILYAS SAPUTRA", True),
        # the province's own list (1 of 4): a shared word is no evidence
        ("own_list", 1, ["Muhammad Ilyas"], "ILYAS SAPUTRA", False),
        # two regency rows with that word: no telling which
        ("two_candidates", 3, ["Muhammad Ilyas", "Ilyas Hamzah"], "ILYAS SAPUTRA", False),
        # a short word in common only
        ("short_word", 3, ["Andi Ali"], "ALI WIJAYA", False),
        # a Balinese birth-order name in common only (a quarter of the island is Wayan; were one person)
        ("birth_order_name", 3, ["I Wayan Sudarma"], "I WAYAN BUDIASA", False),
        ("caste_title", 3, ["I Gusti Ngurah Jelantik"], "GUSTI NGURAH OKA", False),
    ],
)
def test_recap_file_rows_share_a_word(case, matched, regency_names, province_name, re_report):
    rows = []
    for i, (regency, province) in enumerate(RECAP_FILE):
        rows.append(_row(f"{case}{i}", REGENCY, regency, "Tukang Batu", 2025, f"198{i}-01-01"))
        if i < matched:
            rows.append(_row(f"{case}{i}", PROVINCE, province, "Tukang Batu", 2025, None))
        else:  # the province's own certificate of another person at another occupation
            rows.append(_row(f"{case}{i}", PROVINCE, f"Joko Widodo {i}", "Tukang Kayu", 2025, None))
    for k, name in enumerate(regency_names):
        rows.append(_row(f"{case}r{k}", REGENCY, name, "Mandor", 2025, f"197{k}-05-05"))
    rows.append(_row(f"{case}p", PROVINCE, province_name, "Mandor", 2025, None))
    frame = pd.DataFrame(rows).assign(
        source_file=lambda f: f["office_id"].map({REGENCY: "kutim_2025.xlsx", PROVINCE: "rekap_kabkota_2025.xlsx"}))
    frame = frame.astype({"tahun": "Int64", "jenjang": "Int64", "nik": "string", "nik_partial": "string",
                          "nik_status": "string", "nomor_sertifikat": "string", "jenis_kelamin": "string",
                          "link_basis": "string"})
    frame["jenjang"] = pd.array([3] * len(frame), dtype="Int64")
    frame.loc[frame["jabatan_kerja"] == "Mandor", "jenjang"] = 4
    table = certified_workers_by_region_level(frame, OFFICES, PUBLISH)
    got = {(r.region_code, r.jenjang): r.certified_persons for r in table.itertuples()}
    assert got.get(("64", 4), 0) == (0 if re_report else 1)
    assert got[("64.08", 4)] == len(regency_names)


def test_two_glosses_of_one_jabatan_stay_two():
    """'Teknisi Laboratorium (Beton)' and '(Tanah)' beside a bare 'Teknisi Laboratorium': the glosses
    tell two jabatan apart, none is read as the bare one; a single gloss is."""
    from warehouse.headline import normalized_jabatan

    values = pd.Series(["Teknisi Laboratorium", "Teknisi Laboratorium (Beton)", "Teknisi Laboratorium (Tanah)",
                        "Juru Ukur", "Juru Ukur (Surveyor)", None])
    assert list(normalized_jabatan(values)) == [
        "teknisi laboratorium", "teknisi laboratorium beton", "teknisi laboratorium tanah", "juru ukur", "juru ukur",
        None]
