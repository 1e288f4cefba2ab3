"""Header words hyphenated over two lines of a narrow column ("JEN-\\nJANG", "KETE-\\nRANGAN"), or
carrying a soft hyphen. Before, such a header named nothing: the level or result column was not
read and every row was quarantined (jenjang_missing) or a participation row.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sources.headers import canonical_column
from sources.readers import read_submission
from sources.registry import Office
from standardize.record import standardize_submission


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("JEN-\nJANG", "jenjang"),
        ("KETE-\nRANGAN", "hasil"),
        ("KUALIFI-\nKASI", "kualifikasi"),
        ("Jabatan Ker-\r\nja", "jabatan_kerja"),
        ("Ha-\nsil Uji", "hasil"),
        ("Jen\u00adjang", "jenjang"),
        # a hyphen between words stays one
        ("Tempat -\nTgl Lahir", "tempat_tanggal_lahir"),
        ("NO.\nKTP", "nik"),
        ("Ju-\nmlah", None),
    ],
)
def test_hyphenated_headers(header, column):
    assert canonical_column(header) == column


def test_a_sheet_with_hyphenated_headers(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for _ in range(3):
        ws.append([])
    ws.append([None, None, "NO.", "NAMA\nLENGKAP", None, "NO.\nKTP", "JABATAN\nKERJA", "JEN-\nJANG", "KETE-\nRANGAN"])
    ws.append([None, None, 1, "BUDI", None, "6303011104820003", "Operator Excavator", "3", "K"])
    ws.append([None, None, 2, "ANI", None, "6303056501930002", "Juru Ukur", "4", "BK"])
    path = tmp_path / "peserta.xlsx"
    wb.save(path)
    office = Office(id="kab-banjar", name="Dinas PUPR Kabupaten Banjar", level="regency", region_code="63.03")
    rows = standardize_submission(read_submission(path, office).rows).rows
    assert rows["jenjang"].astype(int).tolist() == [3, 4]
    assert rows["hasil"].tolist() == ["Kompeten", "Belum Kompeten"]
