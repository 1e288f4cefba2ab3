"""Linkage on the mess another generator of office files makes, in hand-counted worlds.

Each case is a small world beside 300 ordinary persons (``test_linkage.background``); the truth is
the ``person`` of each row. The classes: a NIK printed as a float by a program (rounded to 15
digits, not cut), a family card (KK) number in the NIK column, a NIK several persons share with no
row agreeing with it, names written in another order or as a nickname, a birth date a day off,
one person certified at two levels in several offices and years, and namesakes who must stay apart.
"""

from __future__ import annotations

import pandas as pd
import pytest

from linkage.dates import birth_far
from linkage.link import link_persons
from linkage.names import names_related
from linkage.nik_stage import _float_rounded
from test_linkage import SECRET, Row, background, link_beside_background, persons_sharing_a_key, standardize

KT, SMD, KK, PROV = "kab-kutai-timur", "kota-samarinda", "kab-kutai-kartanegara", "prov-kaltim"
AHLI = dict(jenjang="7", jabatan="Ahli Muda Teknik Jalan", office=PROV)

WORLD = [
    # --- rounded_float: a NIK made a float and printed with 15 significant digits, rounded
    # (6472030109790028 -> 6.47203010979003E+15; 6402111905860046 -> 6402111905860050)
    Row("rounded_float", "heru", "smd_2024.csv", "Heru Prasetyo Utomo", "6472030109790028", "Samarinda",
        "01-09-1979", "L", jenjang="2", office=SMD),
    Row("rounded_float", "heru", "kk_2025.xlsx", "HERU PRASETYO UTOMO", "6.47203010979003E+15", "Samarinda",
        "01-09-1979", "L", jenjang="2", office=KK),
    Row("rounded_float", "heru", "prov_2025.xlsx", "Heru Prasetyo Utomo", "6.47203010979003e+15", "Samarinda",
        "1979-09-01", "L", **AHLI),
    Row("rounded_float", "bayu", "kk_2024.xlsx", "Bayu Setiawan Putra", "6402111905860046", "Tenggarong",
        "19-05-1986", "L", office=KK),
    Row("rounded_float", "bayu", "kt_2025.xlsx", "BAYU SETIAWAN PUTRA", "6402111905860050", "Tenggarong",
        "19-05-1986", "L", jenjang="4", jabatan="Mandor", office=KT),
    # --- family_card: a KK number (issued 11-08-2010) typed as NIK by a father and his son in one
    # sheet, each with his own NIK in another office's file; a NIK two strangers share with no row
    # agreeing with it; one worker typing his KK number (issued 25-03-2015) in three files
    Row("family_card", "suwarno", "kt_mtu_2025.xlsx", "Suwarno", "6408071108100021", "Sangatta", "14-02-1965", "L",
        jenjang="2", office=KT),
    Row("family_card", "agung", "kt_mtu_2025.xlsx", "Agung Prasetya", "6408071108100021", "Sangatta", "05-10-1994",
        "L", jenjang="2", office=KT),
    Row("family_card", "suwarno", "smd_2024.csv", "Suwarno", "6408071402650003", "Sangatta", "14-02-1965", "L",
        jenjang="1", office=SMD),
    Row("family_card", "agung", "smd_2024.csv", "Agung Prasetya", "6408070510940008", "Sangatta", "05-10-1994",
        "L", jenjang="1", office=SMD),
    Row("family_card", "rudi", "kt_2025.xlsx", "Rudi Hartono", "6408011503990017", "Sangatta", "04-08-1981", "L",
        office=KT),
    Row("family_card", "yanto", "kt_2025.xlsx", "Suryanto", "6408011503990017", "Sangatta", "19-12-1972", "L",
        office=KT),
    Row("family_card", "hasan", "kt_2024.xlsx", "Hasan Basri Lubis", "6408061007850005", "Sangatta", "10-07-1985",
        "L", office=KT),
    Row("family_card", "hasan", "kt_2025.xlsx", "Hasan Basri Lubis", "6408062503150004", "Sangatta", "10-07-1985",
        "L", jenjang="4", jabatan="Mandor", office=KT),
    Row("family_card", "hasan", "smd_2025.xlsx", "HASAN BASRI LUBIS", "6408062503150004", "Sangatta", "10-07-1985",
        "L", jenjang="4", jabatan="Mandor", office=SMD),
    Row("family_card", "hasan", "prov_2025.xlsx", "Hasan B. Lubis", "6408062503150004", None, "10-07-1985", "L",
        **AHLI),
    # --- word_order: the surname first, with or without a comma, a word left out besides
    Row("word_order", "budi", "kt_2022.xlsx", "Budi Hartanto Saragih", "6408010605800020", "Sangatta",
        "06-05-1980", "L", office=KT),
    Row("word_order", "budi", "smd_2023.xlsx", "SARAGIH BUDI HARTANTO", None, "Sangatta", "06-05-1980", "L",
        office=SMD),
    Row("word_order", "budi", "kk_2024.xlsx", "Hartanto Budi", None, "Sangatta", "06-05-1980", "L", office=KK),
    Row("word_order", "wahyu", "kt_2022.xlsx", "Wahyu Setiadi", "6472150808890034", "Samarinda", "08-08-1989", "L",
        office=KT),
    Row("word_order", "wahyu", "smd_2023.xlsx", "SETIADI, WAHYU", None, "Samarinda", "08-08-1989", "L", office=SMD),
    # a NIK mistyped in its serial on the row that reorders the name: the name is still the same
    Row("word_order", "fitri", "kk_2023.xlsx", "Fitri Fauzi", "6402096811700002", "Tenggarong", "28-11-1970", "P",
        office=KK),
    Row("word_order", "fitri", "kk_2024.xlsx", "Fitri Fauzi", "6402096811700002", "Tenggarong", "28-11-1970", "P",
        office=KK),
    Row("word_order", "fitri", "prov_2025.xlsx", "FAUZI FITRI", "6402096811700402", "Tenggarong", "28-11-1970", "P",
        **AHLI),
    # two namesakes born the same day: the NIK-less row written in the other order fits both
    Row("word_order", "rahman_a", "kt_2022.xlsx", "Suryanto Rahman", "6408160806880004", "Sangatta", "08-06-1988",
        "L", office=KT),
    Row("word_order", "rahman_a", "smd_2023.xlsx", "Rahman Suryanto", "6408160806880004", "Sangatta", "08-06-1988",
        "L", office=SMD),
    Row("word_order", "rahman_b", "kk_2024.xlsx", "Suryanto Rahman", "6472160806880007", "Sangatta", "08-06-1988",
        "L", office=KK),
    Row("word_order", "rahman_b", "prov_2025.xlsx", "Rahman Suryanto", None, "Sangatta", "08-06-1988", "L", **AHLI),
    # --- reused_roster: an office's list reused year after year repeats its NIK typo (month 06 -> 07);
    # two namesakes of one district and birth date (serials 0011 / 0012) recur too, and stay two
    Row("reused_roster", "yusuf", "kt_2023.xlsx", "Yusuf Maulana Hakim", "6408032106840017", "Sangatta",
        "21-06-1984", "L", office=KT),
    Row("reused_roster", "yusuf", "prov_2024.xlsx", "Yusuf Maulana Hakim", "6408032106840017", "Sangatta",
        "21-06-1984", "L", **AHLI),
    Row("reused_roster", "yusuf", "kk_2024.xlsx", "Yusuf Maulana Hakim", "6408032107840017", "Sangatta",
        "21-06-1984", "L", office=KK),
    Row("reused_roster", "yusuf", "kk_2025.xlsx", "YUSUF MAULANA HAKIM", "6408032107840017", "Sangatta",
        "21-06-1984", "L", office=KK),
    Row("reused_roster", "andi_1", "kt_2023.xlsx", "Andi Saputra", "6408071404990011", "Sangatta", "14-04-1999",
        "L", office=KT),
    Row("reused_roster", "andi_1", "kt_2024.xlsx", "Andi Saputra", "6408071404990011", "Sangatta", "14-04-1999",
        "L", office=KT),
    Row("reused_roster", "andi_2", "kk_2024.xlsx", "Andi Saputra", "6408071404990012", "Sangatta", "14-04-1999",
        "L", office=KK),
    Row("reused_roster", "andi_2", "kk_2025.xlsx", "Andi Saputra", "6408071404990012", "Sangatta", "14-04-1999",
        "L", office=KK),
    # --- nickname: "Yanto" for Suryanto on his own NIK and birth date; "Bambang" on it is someone else
    Row("nickname", "suryanto", "kt_2022.xlsx", "Suryanto", "6402142505810033", "Tenggarong", "25-05-1981", "L",
        office=KT),
    Row("nickname", "suryanto", "smd_2023.xlsx", "Yanto", "6402142505810033", "Tenggarong", "25-05-1981", "L",
        office=SMD),
    Row("nickname", "mulyono", "kt_2022.xlsx", "Mulyono Hadi", "6402150304770021", "Tenggarong", "03-04-1977", "L",
        office=KT),
    Row("nickname", "mulyono", "kk_2023.xlsx", "YONO HADI", "6402150304770021", "Tenggarong", "03-04-1977", "L",
        office=KK),
    Row("nickname", "bambang", "kk_2023.xlsx", "Bambang", "6402150304770021", "Tenggarong", "03-04-1977", "L",
        office=KK),
    # --- day_off: one row a day off the NIK's date (a timestamp read in another time zone)
    Row("day_off", "siti_s", "smd_2023.xlsx", "Siti Susilo", "6472075008730008", "Bontang", "10-08-1973", "P",
        office=SMD),
    Row("day_off", "siti_s", "smd_2024.xlsx", "Siti Susilo", "6472075008730008", "Bontang", "10-08-1973", "P",
        office=SMD),
    Row("day_off", "siti_s", "prov_2025.xlsx", "Siti Susilo", "6472075008730008", "Bontang", "1973-08-09", "P",
        **AHLI),
    # --- levels: jenjang 3 then 4, in other offices and years, the NIK damaged or missing on the way
    Row("levels", "eko", "kt_2022.xlsx", "Eko Prasetyo Nugroho", "6408021403860040", "Sangatta", "14-03-1986", "L",
        jenjang="3", jabatan="Tukang Besi Beton", office=KT),
    Row("levels", "eko", "smd_2025.csv", "EKO PRASETYO NUGROHO", "6408021403860040", "Sangatta", "1986-03-14", "L",
        jenjang="4", jabatan="Mandor Pekerjaan Beton", office=SMD),
    Row("levels", "eko", "kk_2024.xlsx", "Eko Prasetyo Nugroho", None, "Sangatta", "14-03-1986", "L",
        jenjang="KKNI 3", jabatan="Tukang Besi Beton", office=KK),
    Row("levels", "eko", "smd_2026.csv", "Nugroho Eko Prasetyo", "6.40802140386004E+15", "Sangatta", "14-03-1986",
        "L", jenjang="IV", jabatan="Mandor", office=SMD),
    Row("levels", "siti_r", "kt_2022.xlsx", "Siti Rohmah Fadhilah", "6472044208920041", "Samarinda", "02-08-1992",
        "P", jenjang="3", jabatan="Tukang Besi Beton", office=KT),
    Row("levels", "siti_r", "smd_2025.csv", "SITI ROHMAH FADHILAH", "6472044208920040", "Samarinda", "1992-08-02",
        "P", jenjang="4", jabatan="Mandor Pekerjaan Beton", office=SMD),
    Row("levels", "siti_r", "kk_2024.xlsx", "Siti Rohmah F.", None, "Samarinda", "02-08-1992", "P",
        jenjang="KKNI 3", jabatan="Tukang Besi Beton", office=KK),
    Row("levels", "siti_r", "smd_2026.csv", "Siti Rohmah Fadhilah", "6.47204420892004E+15", "Samarinda",
        "02-08-1992", "P", jenjang="IV", jabatan="Mandor", office=SMD),
    Row("levels", "paijo", "kt_2022.xlsx", "Paijo", "6402060101700042", "Tenggarong", "01-01-1970", "L",
        jenjang="3", jabatan="Tukang Besi Beton", office=KT),
    Row("levels", "paijo", "smd_2025.csv", "PAIJO", "6402060101700040", "Tenggarong", "1970-01-01", "L",
        jenjang="4", jabatan="Mandor Pekerjaan Beton", office=SMD),
    # --- namesakes in one regency: other NIKs and birth dates, NIK-less rows of each
    Row("namesakes", "aminah_1", "kt_2023.xlsx", "Siti Aminah", "6408015001900005", "Sangatta", "10-01-1990", "P",
        office=KT),
    Row("namesakes", "aminah_2", "kt_2024.xlsx", "Siti Aminah", "6408025101900006", "Sangatta", "11-01-1990", "P",
        office=KT),
    Row("namesakes", "aminah_3", "kt_2024.xlsx", "SITI AMINAH", "6408034106850007", "Sangatta", "01-06-1985", "P",
        office=KT),
    Row("namesakes", "aminah_1", "kt_2025.xlsx", "SITI AMINAH", None, "Sangatta", "10-01-1990", "P", office=KT),
    Row("namesakes", "aminah_3", "kt_2025.xlsx", "Siti Aminah", "6.40803410685000E+15", "Sangatta", "01-06-1985",
        "P", office=KT),
    Row("namesakes", "rizki_1", "kt_2023.xlsx", "Muhammad Rizki", "6408040202780008", "Sangatta", "02-02-1978",
        "L", office=KT),
    Row("namesakes", "rizki_2", "kt_2024.xlsx", "Muhammad Rizki", "6408050909990009", "Sangatta", "09-09-1999",
        "L", office=KT),
    Row("namesakes", "rizki_3", "kt_2024.xlsx", "Muhammad Rizki", "6408060110900010", "Sangatta", "01-10-1990",
        "L", office=KT),
    Row("namesakes", "rizki_2", "kt_2025.xlsx", "M. RIZKI", None, "Sangatta", "09-09-1999", "L", office=KT),
    Row("namesakes", "rizki_3", "prov_2025.xlsx", "Rizki Muhammad", None, "Sangatta", "01-10-1990", "L", **AHLI),
]

# --- number_without_nik: one registration number on two rows without a valid NIK (the regency's
# list left the NIK out, the province's recap dropped a digit), so their person has no NIK identity;
# the same man's older row, its NIK cut by Excel and found whole nowhere, in the old spelling,
# must still find them by name and birth date, whichever of the two the rows list first.
# A namesake born another year, no NIK, stays apart.
SUJANA = "6408041702620001"
NUMBER_WITHOUT_NIK = [
    Row("number_without_nik", "jaja", "kt_2022.xlsx", "DJADJA SOEDJANA", SUJANA[:15] + "0", "Sangatta",
        "17-02-1962", "L", jenjang="2", jabatan="Tukang Kayu", office=KT),
    Row("number_without_nik", "jaja", "kt_2025.xlsx", "JAJA SUJANA", None, "Sangatta", "17-02-1962", "L",
        jenjang="3", jabatan="Kepala Tukang Kayu", sertifikat="SKK-6408-2025-0031", office=KT),
    Row("number_without_nik", "jaja", "prov_rekap_2025.xlsx", "JAJA SUJANA", SUJANA[:9] + SUJANA[10:], None, None,
        "L", jenjang="3", jabatan="Kepala Tukang Kayu", sertifikat="SKK-6408-2025-0031", office=PROV),
    Row("number_without_nik", "jaja_muda", "kt_2025.xlsx", "JAJA SUJANA", None, "Sangatta", "05-09-1990", "L",
        jenjang="2", jabatan="Tukang Kayu", office=KT),
]
WORLD += NUMBER_WITHOUT_NIK

# --- number_spelled_twice: one registration number with hyphens in the regency's list and with
# spaces in the province's recap, neither row with a NIK: one certificate, one person.
WORLD += [
    Row("number_spelled_twice", "abdul", "kt_num_2025.xlsx", "ABDUL RAHMAN HAKIM", "-", "Sangatta", "03-02-1981", "L",
        jenjang="4", jabatan="Mandor Pekerjaan Gedung", sertifikat="SKK-6408-2025-00203", office=KT),
    Row("number_spelled_twice", "abdul", "prov_num_2025.xlsx", "ABDUL R. HAKIM", None, None, None, None,
        jenjang="4", jabatan="Mandor Pekerjaan Gedung", sertifikat="SKK 6408 2025 00203", office=PROV),
]

# --- swapped_birth: an office writing the birth date month first ("12/07/1999" for 7 December,
# read as 12 July) on rows whose NIK tells nothing (missing; scientific notation): the same date,
# as the guard and the typo merge read it. A namesake born 15 July is another person.
YAYAN = "6472030712990041"
WORLD += [
    Row("swapped_birth", "yayan", "smd_swap_2024.csv", "Yayan Sopyan Hidayat", YAYAN, "Samarinda", "07-12-1999", "L",
        office=SMD),
    Row("swapped_birth", "yayan", "kk_swap_2025.xlsx", "YAYAN SOPYAN HIDAYAT", "-", "Samarinda", "12/07/1999", "L",
        office=KK),
    Row("swapped_birth", "yayan", "prov_swap_2025.xlsx", "YAYAN SOPYAN H.", "6.47203E+15", "Samarinda", "12-07-1999",
        "L", office=PROV),
    Row("swapped_birth", "yayan_lain", "kk_swap_2025.xlsx", "YAYAN SOPYAN HIDAYAT", "-", "Samarinda", "15-07-1999",
        "L", office=KK),
]

# Rows that fit two persons equally: a person of their own, never a false merge.
UNPLACEABLE = {("word_order", "rahman_b", "prov_2025.xlsx")}


@pytest.fixture(scope="module")
def linked() -> pd.DataFrame:
    return link_beside_background(WORLD, seed=5)


CASES = sorted({r.case for r in WORLD})


@pytest.mark.parametrize("case", CASES)
def test_no_two_persons_share_a_key(linked, case):
    rows = linked[linked["case"] == case]
    assert persons_sharing_a_key(rows) == []


@pytest.mark.parametrize("case", CASES)
def test_each_person_has_one_key(linked, case):
    rows = linked[linked["case"] == case]
    placeable = [(case, p, f) not in UNPLACEABLE for p, f in zip(rows["person"], rows["source_file"])]
    keys = rows[placeable].groupby("person")["person_key"].nunique()
    assert keys.max() == 1, keys[keys > 1].index.tolist()


def test_certified_persons_per_office_and_jenjang(linked):
    """The headline's counting: a person at jenjang 3 and 4 counts once in each cell, wherever the rows."""
    rows = linked[(linked["case"] == "levels") & (linked["hasil"] == "Kompeten")]
    cells = rows.groupby(["office_id", "jenjang"])["person_key"].nunique().to_dict()
    assert cells == {(KK, 3): 2, (KT, 3): 3, (SMD, 4): 3}
    assert rows["person_key"].nunique() == 3


@pytest.mark.parametrize(
    ("a", "b", "rounded"),
    [
        ("6472030109790028", "6472030109790030", True),  # 0028 printed as 0030
        ("6402111905860046", "6402111905860050", True),  # 0046 -> 0050: two digits differ
        ("6402111905860096", "6402111905860100", True),  # the carry reaches the serial's hundreds
        ("6402111905860044", "6402111905860040", False),  # cut, not rounded: Excel's own truncation
        ("6402111905860046", "6402111905860060", False),  # a serial ten apart: another person
    ],
)
def test_float_rounded(a, b, rounded):
    assert _float_rounded(a, b) is rounded
    assert _float_rounded(b, a) is rounded


@pytest.mark.parametrize(
    ("birth", "other", "far"),
    [
        ("1973-08-09", "1973-08-10", False),  # a day off: two edits in text
        ("1985-05-31", "1985-06-01", False),  # across a month
        ("1989-12-31", "1990-01-01", False),  # across a year
        ("1973-08-11", "1973-08-10", False),  # one edit
        ("1973-08-07", "1973-08-10", True),  # three days: another person
        ("1973-09-09", "1973-08-10", True),
    ],
)
def test_birth_far_reads_a_day_off_as_a_slip(birth, other, far):
    assert birth_far(birth, [other]) is far


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("yanto", "suryanto"),  # the last syllables, the Javanese nickname
        ("yono", "mulyono"),
        ("narti", "sunarti"),
    ],
)
def test_nickname_is_a_word_in_common(a, b):
    assert names_related(a, b) is True


@pytest.mark.parametrize(("a", "b"), [("bambang", "suryanto"), ("anto", "santoso"), ("ono", "suparno")])
def test_other_words_are_not_nicknames(a, b):
    assert names_related(a, b) is False


@pytest.mark.parametrize("order", ["recap first", "regency first"])
def test_a_person_known_by_a_number_only_links_in_any_row_order(order):
    # Which of the number's two rows comes first decided, before, whether the older row was
    # compared with the one holding the birth date (linked) or with the recap's (left apart).
    frame = standardize(background(300, seed=5) + NUMBER_WITHOUT_NIK)
    mine = frame[frame["case"] == "number_without_nik"]
    recap_first = mine.sort_values("office_id", key=lambda office: office != PROV, kind="stable")
    frame = pd.concat([frame[frame["case"] != "number_without_nik"],
                       recap_first if order == "recap first" else recap_first.iloc[::-1]], ignore_index=True)
    rows = link_persons(frame, SECRET).rows
    rows = rows[rows["case"] == "number_without_nik"]
    assert rows.groupby("person")["person_key"].nunique().to_dict() == {"jaja": 1, "jaja_muda": 1}
    assert rows["person_key"].nunique() == 2
