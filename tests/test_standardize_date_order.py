"""Day first or month first, read per file (standardize/date_order.py) and used by standardize_submission."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.headers import RAW_COLUMNS
from standardize.date_order import infer_date_orders
from standardize.record import standardize_submission


def raw_rows(file: str, cells: list[dict]) -> pd.DataFrame:
    rows = []
    for i, given in enumerate(cells):
        row = dict.fromkeys(RAW_COLUMNS)
        row.update(nama=f"Peserta {file} {i}", jenjang="3", hasil="K", **given)
        rows.append({"office_id": "kab-kutai-timur", "source_file": file, "source_sha256": f"sha-{file}",
                     "source_sheet": "Sheet1", "source_row": i + 2, **row})
    return pd.DataFrame(rows)


# NIK 6408011203850001: born 12 March 1985; 6408015203850002: a woman born 12 March 1985.
@pytest.mark.parametrize(
    ("cells", "order"),
    [
        # a day above 12 in first place
        ([{"tanggal_lahir": "25/03/1985"}, {"tanggal_lahir": "14/07/1990"}, {"tanggal_lahir": "30/01/1979"}], "dmy"),
        # a day above 12 in second place, in three rows: month first
        ([{"tanggal_lahir": "03/25/1985"}, {"tanggal_lahir": "07/14/1990"}, {"tanggal_lahir": "1/30/1979"}], "mdy"),
        # a US-locale timestamp (time with AM / PM) writes the month first (was read day first)
        ([{"tanggal_terbit": "3/5/2025 12:00:00 AM"}, {"tanggal_terbit": "4/6/2025 12:00:00 AM"},
          {"masa_berlaku": "4/6/2030 12:00:00 PM"}], "mdy"),
        ([{"tanggal_terbit": "3/5/2025 00:00:00"}, {"tanggal_terbit": "4/6/2025 00:00"},
          {"masa_berlaku": "4/6/2030 00:00:00"}], "dmy"),
        # only two month-first hints: not enough to leave the national habit
        ([{"tanggal_lahir": "03/25/1985"}, {"tanggal_lahir": "07/14/1990"}, {"tanggal_lahir": "05/06/1979"}], "dmy"),
        # dates that fit both ways, decided by the NIKs they sit next to
        ([{"tanggal_lahir": "03/12/1985", "nik": "6408011203850001"},
          {"tanggal_lahir": "03-12-1985", "nik": "'6408015203850002"},
          {"tempat_tanggal_lahir": "Sangatta, 03.12.1985", "nik": "6408 0112 0385 0003"}], "mdy"),
        ([{"tanggal_lahir": "12/03/1985", "nik": "6408011203850001"},
          {"tanggal_lahir": "12/03/1985", "nik": "6408015203850002"},
          {"tanggal_lahir": "12/03/1985", "nik": "6408011203850003"}], "dmy"),
        # issue and expiry dates count too
        ([{"tanggal_terbit": "11/28/2023", "masa_berlaku": "11/27/2028"},
          {"tanggal_terbit": "12/15/2024", "masa_berlaku": "12/14/2029"}], "mdy"),
        # ISO dates and month names say nothing about the order of numbers
        ([{"tanggal_lahir": "1985-03-25"}, {"tanggal_lahir": "12 Maret 1985"}, {"tanggal_lahir": None}], "dmy"),
        # a clear majority with a stray slip still decides
        ([{"tanggal_lahir": "03/25/1985"}, {"tanggal_lahir": "07/14/1990"}, {"tanggal_lahir": "01/30/1979"},
          {"tanggal_lahir": "02/28/1970"}, {"tanggal_lahir": "09/19/1988"}, {"tanggal_lahir": "20/01/1980"}], "mdy"),
    ],
)
def test_order_read_from_the_file(cells, order):
    raw = raw_rows("a.xlsx", cells)
    assert infer_date_orders(raw).tolist() == [order] * len(cells)


def test_each_file_keeps_its_own_order_and_rows_keep_their_place():
    day_first = raw_rows("kutim.xlsx", [{"tanggal_lahir": "25/03/1985"}, {"tanggal_lahir": "04/05/1990"}])
    month_first = raw_rows("export.csv", [{"tanggal_lahir": "03/25/1985"}, {"tanggal_lahir": "04/05/1990"},
                                          {"tanggal_lahir": "12/31/1979"}, {"tanggal_lahir": "1/13/1966"}])
    later = raw_rows("kutim2.xlsx", [{"tanggal_lahir": "04/05/1990"}])
    raw = pd.concat([day_first, month_first, later], ignore_index=True)
    result = standardize_submission(raw, reference_date=date(2026, 6, 30))
    assert result.rows["source_file"].tolist() == ["kutim.xlsx"] * 2 + ["export.csv"] * 4 + ["kutim2.xlsx"]
    assert result.rows["tanggal_lahir"].dt.date.tolist() == [
        date(1985, 3, 25), date(1990, 5, 4),
        date(1985, 3, 25), date(1990, 4, 5), date(1979, 12, 31), date(1966, 1, 13),
        date(1990, 5, 4),
    ]


def test_the_office_order_decides_only_files_that_say_too_little():
    """The registry's date_order is the office's habit: a file with clear evidence overrides it."""
    vague = raw_rows("export.csv", [{"tanggal_lahir": "03/04/1985"}, {"tanggal_lahir": "25/03/1985"}])
    typed = raw_rows("daftar.xlsx", [{"tanggal_lahir": "03/04/1985"}, {"tanggal_lahir": "25/03/1985"},
                                     {"tanggal_lahir": "14/07/1990"}, {"tanggal_lahir": "30/01/1979"}])
    result = standardize_submission(pd.concat([vague, typed], ignore_index=True), date_order="mdy",
                                    reference_date=date(2026, 6, 30))
    births = dict(zip(zip(result.rows["source_file"], result.rows["source_row"]), result.rows["tanggal_lahir"].dt.date))
    assert births[("export.csv", 2)] == date(1985, 3, 4)  # too little evidence: the office's month first
    assert births[("daftar.xlsx", 2)] == date(1985, 4, 3)  # three days above 12 in first place: day first
