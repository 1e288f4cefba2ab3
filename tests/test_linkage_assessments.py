"""A row with no NIK and no birth date joins the one person who reports the same assessment.

A province re-reporting its regencies' certificates writes some rows with neither NIK nor birth
date nor registration number, the name abbreviated or misspelt ('Ratjhmat K.', 'Muhammad F. S.',
'Eko'): no stage had anything to weigh, and each such row became a person of its own (on
``tests/other_generator.py`` worlds with every hard class: 4 of seed 8's 6 splits, 3 of seed 9's 7).
What the row does report is the assessment: jabatan, jenjang, issue date or year. ``together``
cases: the rows are exactly their persons (failed before: the bare row was a person of its own).
``apart`` cases: the bare row shares its key with no other person's row (two persons fit, or the
assessment differs, or a lone given name against a full one).
"""

from __future__ import annotations

import pandas as pd
import pytest

from linkage.link import link_persons
from test_linkage import SECRET, Row, background, standardize

DS, MDN, SUMUT = "kab-deli-serdang", "kota-medan", "prov-sumut"

# (row, issue date or None, tahun)
WORLD = [
    # --- together: initials: the regency lists Rahmat Koernia with NIK; the province 'Rachmat K.'
    (Row("initials", "rahmat", "ds_2020.ods", "Rahmat Koernia", "1225082108870001", "Nias Barat", "21-08-1987",
         "L", jenjang="3", jabatan="Operator Bulldozer", office=DS), "2020-01-31", "2020"),
    (Row("initials", "rahmat", "sumut_rekap.xls", "Rachmat K.", None, None, None, "L", jenjang="3",
         jabatan="Operator Bulldozer", office=SUMUT), "2020-01-31", "2020"),
    # --- together: a one-word name, written the same on both lists
    (Row("one_word", "eko", "mdn_2023.xls", "Eko", "1271080911030001", "Medan", "09-11-2003", "L",
         jenjang="3", jabatan="Tukang Besi Beton", office=MDN), "2023-07-11", "2023"),
    (Row("one_word", "eko", "sumut_rekap.xls", "Eko", None, None, None, "L", jenjang="3",
         jabatan="Tukang Besi Beton", office=SUMUT), "2023-07-11", "2023"),
    # --- together: no issue date on either side, the year agrees; the person's other certificate
    # (another jabatan) is no obstacle
    (Row("year_only", "fajar", "mdn_2021.xls", "Muh. Fajar Sitorus", None, "Pakpak Bharat", "13-08-1970", "L",
         jenjang="6", jabatan="Quantity Surveyor Madya", office=MDN), None, "2021"),
    (Row("year_only", "fajar", "mdn_2021.xls", "Muh. Fajar Sitorus", None, "Pakpak Bharat", "13-08-1970", "L",
         jenjang="5", jabatan="Pelaksana Lapangan Pekerjaan Gedung", office=MDN), None, "2019"),
    (Row("year_only", "fajar", "sumut_rekap.xls", "Muhammad F. S.", None, None, None, "L", jenjang="6",
         jabatan="Quantity Surveyor Madya", office=SUMUT), None, "2021"),
    # --- together: the regency's portal gives only the registration number, whose year is the
    # assessment's (no issue date, no program year)
    (Row("number_year", "sri", "mdn_portal.json", "Sri Wahyuni", "1271026105790001", "Medan", "21-05-1979", "P",
         jenjang="2", jabatan="Tukang Besi Beton", sertifikat="SKK-1271-2021-000123", office=MDN), None, None),
    (Row("number_year", "sri", "sumut_rekap.xls", "Sri W.", None, None, None, "P", jenjang="2",
         jabatan="Tukang Besi Beton", office=SUMUT), None, "2021"),
    # --- together: the row reporting the assessment is the clerk's 'Din S.'; the person's other row
    # (same NIK, another certificate) writes the name the recap writes
    (Row("other_row_name", "dian", "mdn_2021.xls", "Din S.", "1271036105760001", "Medan", "21-05-1976", "P",
         jenjang="1", jabatan="Tukang Pasang Bata", office=MDN), "2021-04-09", "2021"),
    (Row("other_row_name", "dian", "mdn_2022.xls", "Dian Setiawan", "1271036105760001", "Medan", "21-05-1976", "P",
         jenjang="2", jabatan="Tukang Pasang Bata", office=MDN), "2022-08-22", "2022"),
    (Row("other_row_name", "dian", "sumut_rekap.xls", "Dian Setiawan", None, None, None, "P", jenjang="1",
         jabatan="Tukang Pasang Bata", office=SUMUT), None, "2021"),
    # --- together: the recap's clerk typed a row twice, the second time without the birth and with
    # the gelar: the same name, the same assessment in the same list is one person, not a namesake
    (Row("typed_twice", "taufik", "ds_2022.ods", "Taufik", "1207031811950001", "Deli Serdang", "18-11-1995", "L",
         jenjang="4", jabatan="Pelaksana Pemeliharaan Jalan Muda", office=DS), "2022-12-25", "2022"),
    (Row("typed_twice", "taufik", "sumut_rekap.xls", "Taufik", None, "Deli Serdang", "18-11-1995", "L",
         jenjang="4", jabatan="Pelaksana Pemeliharaan Jalan Muda", office=SUMUT), "2022-12-25", "2022"),
    (Row("typed_twice", "taufik", "sumut_rekap.xls", "Taufik A.Md.", None, None, None, "L",
         jenjang="4", jabatan="Pelaksana Pemeliharaan Jalan Muda", office=SUMUT), "2022-12-25", "2022"),
    # --- together: one person's two certificates one under the other in the recap, both bare
    (Row("two_certificates", "rudi", "mdn_2023.xls", "Rudi Sinaga", "1271082502910001", "Medan", "25-02-1991", "L",
         jenjang="3", jabatan="Operator Crane", office=MDN), "2023-05-02", "2023"),
    (Row("two_certificates", "rudi", "mdn_2023.xls", "Rudi Sinaga", "1271082502910001", "Medan", "25-02-1991", "L",
         jenjang="2", jabatan="Operator Excavator", office=MDN), "2023-05-03", "2023"),
    (Row("two_certificates", "rudi", "sumut_rekap.xls", "Rudi S.", None, None, None, "L", jenjang="3",
         jabatan="Operator Crane", office=SUMUT), "2023-05-02", "2023"),
    (Row("two_certificates", "rudi", "sumut_rekap.xls", "Rudi S.", None, None, None, "L", jenjang="2",
         jabatan="Operator Excavator", office=SUMUT), "2023-05-03", "2023"),
    # --- apart: the registration number states another year than the recap's
    (Row("number_other_year", "rina", "mdn_portal.json", "Rina Marpaung", "1271045203850001", "Medan", "12-03-1985",
         "P", jenjang="3", jabatan="Operator Crane", sertifikat="SKK-1271-2020-000456", office=MDN), None, None),
    (Row("number_other_year", "rina_m", "sumut_rekap.xls", "Rina M.", None, None, None, "P", jenjang="3",
         jabatan="Operator Crane", office=SUMUT), None, "2022"),
    # --- apart: two persons fit 'Budi S.' (Santoso, Setiawan), certified the same day
    (Row("two_fit", "santoso", "ds_2022.ods", "Budi Santoso", "1207011203800001", "Lubuk Pakam", "12-03-1980",
         "L", jenjang="2", jabatan="Tukang Pasang Bata", office=DS), "2022-06-14", "2022"),
    (Row("two_fit", "setiawan", "ds_2022.ods", "Budi Setiawan", "1207021504820001", "Lubuk Pakam", "15-04-1982",
         "L", jenjang="2", jabatan="Tukang Pasang Bata", office=DS), "2022-06-14", "2022"),
    (Row("two_fit", "budi_s", "sumut_rekap.xls", "Budi S.", None, None, None, "L", jenjang="2",
         jabatan="Tukang Pasang Bata", office=SUMUT), "2022-06-14", "2022"),
    # --- apart: another issue date in the same year is another assessment
    (Row("other_date", "hendra", "ds_2022.ods", "Hendra Lubis", "1207031010850001", "Lubuk Pakam", "10-10-1985",
         "L", jenjang="4", jabatan="Mandor Pekerjaan Jalan", office=DS), "2022-03-01", "2022"),
    (Row("other_date", "hendra_l", "sumut_rekap.xls", "Hendra L.", None, None, None, "L", jenjang="4",
         jabatan="Mandor Pekerjaan Jalan", office=SUMUT), "2022-05-09", "2022"),
    # --- apart: another registration number is another certificate (a namesake certified by the province)
    (Row("other_number", "agus_medan", "mdn_2025.xls", "Agus Salim", "1271051203880001", "Medan", "12-03-1988", "L",
         jenjang="6", jabatan="Mandor", sertifikat="SKK-1271-2025-000777", office=MDN), "2025-04-02", "2025"),
    (Row("other_number", "agus_prov", "sumut_rekap.xls", "Agus Salim", None, None, None, "L", jenjang="6",
         jabatan="Mandor", sertifikat="SKK-12-2025-000031", office=SUMUT), "2025-04-02", "2025"),
    # --- apart: another jenjang is another certificate
    (Row("other_jenjang", "poltak", "mdn_2024.xls", "Poltak Simanjuntak", "1271052207790001", "Medan",
         "22-07-1979", "L", jenjang="3", jabatan="Operator Crane", office=MDN), "2024-02-20", "2024"),
    (Row("other_jenjang", "poltak_s", "sumut_rekap.xls", "Poltak S.", None, None, None, "L", jenjang="4",
         jabatan="Operator Crane", office=SUMUT), "2024-02-20", "2024"),
    # --- apart: a lone given name does not stand for a full one
    (Row("lone_given_name", "joko", "mdn_2024.xls", "Joko Prasetyo", "1271061408880001", "Medan", "14-08-1988",
         "L", jenjang="2", jabatan="Tukang Kayu", office=MDN), "2024-09-03", "2024"),
    (Row("lone_given_name", "joko_lone", "sumut_rekap.xls", "Joko", None, None, None, "L", jenjang="2",
         jabatan="Tukang Kayu", office=SUMUT), "2024-09-03", "2024"),
    # --- apart: a woman of that name and assessment is not the man the recap lists
    (Row("other_sex", "yanti", "mdn_2024.xls", "Rudi Hartono", "1271074306900001", "Medan", "03-06-1990",
         "P", jenjang="2", jabatan="Tukang Plester", office=MDN), "2024-04-04", "2024"),
    (Row("other_sex", "rudi", "sumut_rekap.xls", "Rudi H.", None, None, None, "L", jenjang="2",
         jabatan="Tukang Plester", office=SUMUT), "2024-04-04", "2024"),
]

TOGETHER = ("initials", "one_word", "year_only", "number_year", "other_row_name", "typed_twice",
            "two_certificates")
APART = ("number_other_year", "two_fit", "other_date", "other_number", "other_jenjang", "lone_given_name", "other_sex")


@pytest.fixture(scope="module")
def linked() -> pd.DataFrame:
    rows = [r for r, _, _ in WORLD]
    frame = standardize(background(300, seed=5) + rows)
    dates = {(r.case, r.file, r.nama, r.jenjang): (d, t) for r, d, t in WORLD}
    mine = frame["case"] != "background"
    for i in frame.index[mine]:
        d, t = dates[(frame.at[i, "case"], frame.at[i, "source_file"], frame.at[i, "nama"], str(frame.at[i, "jenjang"]))]
        frame.at[i, "tanggal_terbit"] = pd.Timestamp(d) if d else pd.NaT
        frame.at[i, "tahun"] = int(t) if t else pd.NA
    out = link_persons(frame, SECRET).rows
    return out[out["case"] != "background"]


def test_every_world_row_was_dated(linked):
    assert len(linked) == len(WORLD)


@pytest.mark.parametrize("case", TOGETHER)
def test_persons_are_the_truth(linked, case):
    rows = linked[linked["case"] == case]
    assert rows.groupby("person")["person_key"].nunique().to_dict() == {p: 1 for p in rows["person"].unique()}, \
        rows[["person", "nama", "person_key", "link_basis"]]
    assert rows["person_key"].nunique() == rows["person"].nunique()


@pytest.mark.parametrize("case", APART)
def test_no_key_holds_two_persons(linked, case):
    rows = linked[linked["case"] == case]
    assert rows["person_key"].nunique() == rows["person"].nunique(), rows[["person", "nama", "person_key"]]
