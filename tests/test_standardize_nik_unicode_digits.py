"""NIKs written in digits of another script: full-width (an East Asian input method, a PDF pasted
into Excel), Arabic-Indic, Devanagari.

Before, such a cell sent standardize.nik.nik_parts round in circles (the remark search matched its
digits with \\d, the digit check refused them as not ASCII): RecursionError, and the whole office
failed to ingest over one cell.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sources import headers
from standardize.nik import parse_nik
from standardize.record import standardize_submission


@pytest.mark.parametrize(
    ("cell", "status", "nik"),
    [
        ("６４０８０１１２０３８５０００３", "valid", "6408011203850003"),
        ("٦٤٠٨٠١١٢٠٣٨٥٠٠٠٣", "valid", "6408011203850003"),
        ("६४०८०११२०३८५०००३", "valid", "6408011203850003"),
        ("６４０８ ０１１２ ０３８５ ０００３", "valid", "6408011203850003"),
        ("６４０８０１１２０３８５０００", "wrong_length", None),  # as its ASCII twin
        ("６４０８", "wrong_length", None),
        ("6408011203850003", "valid", "6408011203850003"),
    ],
)
def test_digits_of_other_scripts(cell, status, nik):
    result = parse_nik(cell)
    assert (result.status, result.nik) == (status, nik)


def test_one_such_cell_does_not_stop_the_file():
    n = 2
    raw = {column: [None] * n for column in headers.RAW_COLUMNS}
    raw.update({"office_id": ["kab-banjar"] * n, "source_file": ["peserta.csv"] * n, "source_sha256": ["x"] * n,
                "source_sheet": [""] * n, "source_row": ["2", "3"],
                "nama": ["BUDI", "ANI"], "nik": ["６３０３０１１１０４８２０００３", "6303056501930002"],
                "jabatan_kerja": ["Operator Excavator", "Tukang Batu"], "jenjang": ["3", "2"], "hasil": ["K", "K"]})
    rows = standardize_submission(pd.DataFrame(raw, dtype=object)).rows
    assert rows["nik"].tolist() == ["6303011104820003", "6303056501930002"]
