"""Short names of Aceh regencies as clerks and the local press write them ("Peserta UK Agara 2025.xlsx",
"DINAS PUPR KAB. ATAM"), each with its published source in reference/names.py. "Abes" for Aceh Besar
is left out: no published use of it was found."""

from __future__ import annotations

import pytest

from reference.names import named_regions


@pytest.mark.parametrize(("text", "codes"), [
    ("Peserta UK Agara 2025", {"11.02"}),
    ("DINAS PUPR KAB. AGARA", {"11.02"}),
    ("Rekap Sertifikasi Atam 2024", {"11.16"}),
    ("DINAS PU KAB. ATAM", {"11.16"}),
    # the long names still read, and a form with no source stays unread
    ("DINAS PUPR KABUPATEN ACEH TENGGARA", {"11.02"}),
    ("PESERTA ABES 2025", set()),
])
def test_aceh_short_names(text, codes):
    assert named_regions(text) == codes
