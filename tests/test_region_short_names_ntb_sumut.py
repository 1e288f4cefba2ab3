"""Short names of regions as Lombok and North Sumatra clerks write them in file names and titles
("Peserta UK Lotim 2025.xlsx", "DINAS PUPR KSB"), each with its published source in reference/names.py.
Blind world 4's probe: a Lombok Timur list named "Peserta UK Lotim 2025.csv" in Kota Mataram's folder
was rejected as file_from_other_office (its 6 certified workers counted nowhere) instead of counted
at Lombok Timur, the office its name names."""

from __future__ import annotations

import pytest

from reference.names import named_regions


@pytest.mark.parametrize(("text", "codes"), [
    ("Peserta UK Lotim 2025", {"52.03"}),
    ("DINAS PUPR KAB. LOTIM", {"52.03"}),
    ("Rekap Peserta Lobar 2024", {"52.01"}),
    ("DINAS PU KLU", {"52.08"}),
    ("Data Sertifikasi KSB 2025", {"52.07"}),
    ("PESERTA MTU HUMBAHAS", {"12.16"}),
    ("Uji Kompetensi Paluta 2025", {"12.20"}),
    # forms that are everyday words or another region's name stay unread
    ("RUANG RAPAT LOTENG KANTOR", set()),
    ("KECAMATAN PALAS", set()),
    ("KKR NATAL 2025", set()),
])
def test_short_names(text, codes):
    assert named_regions(text) == codes
