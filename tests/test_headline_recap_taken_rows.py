"""A recap lists a certificate once: a regency row one of its rows already repeats (same person by
NIK, or same registration number) is no partner for another row of the same recap file.

Found by blind world 3: the 2025 Jawa Tengah recap listed "WIDODO HIDAYAT S." (Kota Semarang,
with his NIK) and, two rows up, "WIDODO H." of Kabupaten Boyolali, a regency without a registry
office, at the same jenjang, jabatan and year; the name-only rule paired the Boyolali row with the
Semarang certificate the NIK row already repeated, so the province lost a certified person. Of two
rows of one recap that fit one regency row by name alone, the first repeats it (recap_partners keeps
the first of a recap's rows for each regency row).
"""

from __future__ import annotations

import pandas as pd
import pytest

from warehouse.headline import recap_partners

REGENCY = ("kota-semarang", "33.74", "regency", "Widodo Hidayat Sutrisno", "P1", "a.xlsx", None)


def _frame(rows: list[tuple]) -> pd.DataFrame:
    """(office, region, level, name, person_key, file, number) per row; all Operator Excavator 3, 2025."""
    n = len(rows)
    return pd.DataFrame({
        "office_id": [r[0] for r in rows], "region_code": [r[1] for r in rows], "office_level": [r[2] for r in rows],
        "nama_kunci": [r[3].lower().replace(".", "") for r in rows], "person_key": [r[4] for r in rows],
        "source_file": [r[5] for r in rows], "nomor_sertifikat": [r[6] for r in rows],
        "jenjang": [3] * n, "jabatan_kerja": ["Operator Excavator"] * n, "tahun": [2025] * n, "nik": [None] * n,
        "tanggal_lahir": [pd.NaT] * n, "jenis_kelamin": ["L"] * n, "tanggal_terbit": [pd.NaT] * n,
        "masa_berlaku": [pd.NaT] * n,
    })


def _province(name, key, file, number=None):
    return ("prov-jateng", "33", "province", name, key, file, number)


CASES = [
    # (case, rows after the regency row, re-reported flags of those rows, expected {row: regency row})
    ("no other row repeats it", [_province("WIDODO H.", "P9", "rekap.xlsx")], [False], {1: 0}),
    ("the same file repeats it by person", [_province("WIDODO HIDAYAT S.", "P1", "rekap.xlsx"),
                                            _province("WIDODO H.", "P9", "rekap.xlsx")], [True, False], {}),
    ("the same file repeats it by number", [
        _province("WIDODO HIDAYAT", "P8", "rekap.xlsx", "SKK-3374-2025-00001"),
        _province("WIDODO H.", "P9", "rekap.xlsx")], [True, False], {}),
    # another province file repeating it says nothing of this recap's rows
    ("another file repeats it", [_province("WIDODO HIDAYAT S.", "P1", "ahli.xlsx"),
                                 _province("WIDODO H.", "P9", "rekap.xlsx")], [True, False], {2: 0}),
    # one person certified by two regencies: the NIK row repeats one, the name-only row the other
    ("one person at two regencies", [("kab-klaten", "33.10", "regency", "Widodo Hidayat Sutrisno", "P1", "b.xlsx", None),
                                     _province("WIDODO HIDAYAT S.", "P1", "rekap.xlsx"),
                                     _province("WIDODO H.", "P9", "rekap.xlsx")], [False, True, False], {3: 1}),
    # two rows of one recap fit it by name alone: the first repeats it, the other is another certificate
    ("two rows of one recap fit it", [_province("WIDODO H.", "P8", "rekap.xlsx"),
                                      _province("WIDODO H.", "P9", "rekap.xlsx")], [False, False], {1: 0}),
    ("rows of two recaps fit it", [_province("WIDODO H.", "P8", "rekap_2025.xlsx"),
                                   _province("WIDODO H.", "P9", "rekap.xlsx")], [False, False], {1: 0, 2: 0}),
]


@pytest.mark.parametrize(("case", "rows", "re_reported", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_regency_row_a_recap_already_repeats_is_no_partner_for_its_other_rows(case, rows, re_reported, expected):
    regency = list(REGENCY)
    if any(r[6] for r in rows):
        regency[6] = "SKK-3374-2025-00001"
    certified = _frame([tuple(regency)] + rows)
    flags = pd.Series([False] + re_reported).to_numpy()
    candidates = (certified["office_level"] == "province").to_numpy() & ~flags
    assert recap_partners(certified, candidates, re_reported=flags).to_dict() == expected
