"""Online-form exports (Google Forms, Microsoft Forms): their account columns and test submissions.

Microsoft Forms' xlsx opens with "ID", "Start time", "Completion time", "Email", "Name" (the
respondent's account: blank for an anonymous form), then one column per question; a form's owner
tries it with "tes" or "coba" before sharing it (tests/test_unfamiliar_world_14.py).
"""

from __future__ import annotations

import pandas as pd
import pytest

from sources import headers
from sources.headers import PROVENANCE_COLUMNS, RAW_COLUMNS
from standardize.fields import is_test_entry
from standardize.record import standardize_submission


@pytest.mark.parametrize("cell, expected", [
    ("tes", True), ("TEST", True), ("Coba-coba", True), ("coba2", True), ("uji coba", True),
    ("Test 123", True), ("percobaan", True), (" coba ", True),
    # names, not tests
    ("Testi Handayani", False), ("Tesa", False), ("Cobain", False), ("Contohi", False), (None, False),
    ("123", False),
])
def test_a_test_submission_is_its_name_alone(cell, expected):
    assert is_test_entry(cell) is expected


@pytest.mark.parametrize("header, weak", [
    ("Name", True), ("name", True), ("Nama", False), ("Nama Lengkap (tanpa gelar)", False), ("Nama Lengkap", False),
])
def test_a_bare_english_name_column_is_weak(header, weak):
    assert headers.is_weak_header(header) is weak


def _raw(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame([{c: None for c in RAW_COLUMNS} | r for r in rows])
    for i, c in enumerate(PROVENANCE_COLUMNS):
        frame[c] = "x" if c != "source_row" else range(2, len(rows) + 2)
    return frame


@pytest.mark.parametrize("nama, nik, quarantined", [
    ("tes", "123", True),  # a test with a NIK that is none
    ("coba", "coba", True),
    ("COBA", None, True),
    ("tes", "2171021204910001", False),  # a valid NIK is someone's
    ("Andi Saputra", "123", False),  # a real name with a damaged NIK stays
])
def test_a_form_test_submission_is_no_identity(nama, nik, quarantined):
    raw = _raw([{"nama": nama, "nik": nik, "jabatan_kerja": "Operator Excavator", "jenjang": "3"}])
    result = standardize_submission(raw, reference_date=pd.Timestamp("2026-06-30").date())
    assert (list(result.quarantine.rule) == ["no_identity"]) is quarantined
    assert len(result.rows) == (0 if quarantined else 1)
