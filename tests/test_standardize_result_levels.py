"""A result column that also states the level tested: "Kompeten - Jenjang 3".

Some clerks keep one column for the outcome of the assessment and write the level in it,
with no level column beside (and a jabatan kerja that names none). The level is read from
the result cell only where no level is written anywhere else; the result is read around it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sources.headers import RAW_COLUMNS
from standardize.record import standardize_submission

CASES = [
    # (hasil cell, jenjang cell, expected (jenjang, hasil, result unreadable) or the quarantine rule)
    ("Kompeten - Jenjang 3", None, (3, "Kompeten", False)),
    ("Kompeten (Jenjang 3)", None, (3, "Kompeten", False)),
    ("Lulus Jenjang 3", None, (3, "Kompeten", False)),
    ("Kompeten Level 4", None, (4, "Kompeten", False)),
    ("KOMPETEN KKNI 5", None, (5, "Kompeten", False)),
    ("Kompeten, Jenjang III", None, (3, "Kompeten", False)),
    ("Belum Kompeten - Jenjang 2", None, (2, "Belum Kompeten", False)),
    ("Tidak Hadir Jenjang 3", None, (3, None, False)),  # registered for level 3, never assessed
    ("Jenjang 3", None, (3, None, False)),
    # a level column wins over the result cell's
    ("Kompeten - Jenjang 3", "4", (4, "Kompeten", False)),
    # an unlabelled number is no level, two levels are none: the cell stays unreadable, the row a
    # participation without a level (as any unreadable result)
    ("Kompeten 3", None, (None, None, True)),
    ("Kompeten Jenjang 2/3", None, (None, None, True)),
    # without a level anywhere the row stays where it was
    ("Kompeten", None, "jenjang_missing"),
]


def _standardized(cells: list[tuple[str, str | None]]):
    rows = []
    for position, (hasil, jenjang) in enumerate(cells):
        row = {column: None for column in RAW_COLUMNS}
        row.update(nama=f"PESERTA {position}", nik=f"64080101018{position:05d}", jabatan_kerja="Tukang Batu",
                   hasil=hasil, jenjang=jenjang, office_id="kab-kutai-timur", source_file="rekap.xlsx",
                   source_sha256="x", source_sheet="Hasil", source_row=position + 2)
        rows.append(row)
    return standardize_submission(pd.DataFrame(rows), date_order="dmy", reference_date=date(2026, 6, 30))


@pytest.mark.parametrize("hasil, jenjang, expected", CASES)
def test_a_level_stated_in_the_result_cell(hasil, jenjang, expected):
    result = _standardized([(hasil, jenjang)])
    if isinstance(expected, str):
        assert result.rows.empty and result.quarantine["rule"].tolist() == [expected]
        return
    (row,) = result.rows.itertuples()
    got = (None if pd.isna(row.jenjang) else int(row.jenjang), None if pd.isna(row.hasil) else row.hasil,
           "hasil_unreadable" in row.flags.split(";"))
    assert got == expected
