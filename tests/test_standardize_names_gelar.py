"""Gelar (honorifics and degrees) as clerks write them around one person's name.

Probe of 2026-12-07: one person, Budi Santoso, S.T., M.T., spelled as office lists write the
degrees (before or after the name, with or without commas, dots, spaces inside, brackets, a
semicolon, a dash or a slash in place of the comma, two degrees glued together). Each spelling
must give the name "Budi Santoso" and the key "budi santoso"; the gelar are written canonically.
Rows marked "before" were read differently before that day's change.
"""

from __future__ import annotations

import pandas as pd
import pytest

from standardize.names import NameResult, nama_kunci, parse_name, parse_name_array

SPELLINGS = [
    ("BUDI SANTOSO. ST", "S.T."),  # before: nama "Budi Santoso."
    ("BUDI SANTOSO., ST", "S.T."),  # before: "Budi Santoso."
    ("BUDI SANTOSO.,ST", "S.T."),  # before: "Budi Santoso."
    ("BUDI SANTOSO.ST", "S.T."),  # before: "Budi Santoso."
    ("BUDI SANTOSO.", None),  # before: "Budi Santoso."
    ("BUDI SANTOSO S. T.", "S.T."),  # before: "Budi Santoso S. T.", key "budi santoso s t"
    ("BUDI SANTOSO, S. T., M. T.", "S.T., M.T."),  # before: key "budi santoso s t m t"
    ("BUDI SANTOSO (ST)", "S.T."),  # before: "Budi Santoso (St)", key "budi santoso st"
    ("BUDI SANTOSO (S.T., M.T.)", "S.T., M.T."),  # before: key "budi santoso s t m t"
    ("BUDI SANTOSO - ST", "S.T."),  # before: "Budi Santoso -"
    ("BUDI SANTOSO/ST", "S.T."),  # before: key "budi santoso st"
    ("BUDI SANTOSO;ST;MT", "S.T., M.T."),  # before: key "budi santoso st mt"
    ("Budi Santoso S.T.M.T", "S.T., M.T."),  # before: key "budi santoso s t m t"
    ("BUDI SANTOSO,ST.MT", "S.T., M.T."),  # before: gelar "ST.MT."
    ("Ir. BUDI SANTOSO, S.T., M.T., IPM., ASEAN Eng.", "Ir., S.T., M.T., IPM, ASEAN Eng."),  # before: "... Asean"
    ("BUDI SANTOSO.S.Pd", "S.Pd."),  # before: "Budi Santoso. S. Pd"
    ("BUDI SANTOSO S.Pd.I", "S.Pd.I."),  # before: "Budi Santoso S. Pd. I"
    ("BUDI SANTOSO S.Ak", "S.Ak."),  # before: "Budi Santoso S. Ak"
    ("BUDI SANTOSO S.Psi", "S.Psi."),  # before: "Budi Santoso S. Psi"
    ("BUDI SANTOSO, Lc", "Lc."),  # before: "Budi Santoso Lc"
    ("Ust. BUDI SANTOSO", "Ust."),  # before: "Ust. Budi Santoso"
    # degrees not in the table, glued with dots, at the end of a name of two words (before: split
    # into the name, "Budi Santoso S. Tr. Ars"); one-dot ones from the table
    ("BUDI SANTOSO S.Tr.Ars", "S.Tr.Ars."),
    ("BUDI SANTOSO M.Tr.Kom.", "M.Tr.Kom."),
    ("BUDI SANTOSO A.Md.Kes", "A.Md.Kes."),
    ("BUDI SANTOSO M.Hum", "M.Hum."),
    # unchanged
    ("BUDI SANTOSO, ST", "S.T."),
    ("BUDI SANTOSO ST", "S.T."),
    ("BUDI SANTOSO ST.", "S.T."),
    ("Budi Santoso,S.T.,M.T.", "S.T., M.T."),
    ("BUDI SANTOSO ST,MT", "S.T., M.T."),
    ("BUDI SANTOSO ST.MT", "S.T., M.T."),
    ("Ir. BUDI SANTOSO", "Ir."),
    ("IR.BUDI SANTOSO", "Ir."),
    ("Dr.Ir.BUDI SANTOSO", "Dr., Ir."),
    ("Drs. H. Budi Santoso, M.Si", "Drs., H., M.Si."),
    ("Ir.H.BUDI SANTOSO,MT", "Ir., H., M.T."),
    ("H BUDI SANTOSO", "H."),
    ("BUDI SANTOSO A.Md.T", "A.Md.T."),
    ("BUDI SANTOSO, AMd", "A.Md."),
    ("BUDI SANTOSO ST IPM", "S.T., IPM"),
]


@pytest.mark.parametrize(("raw", "gelar"), SPELLINGS)
def test_gelar_leave_the_name_and_its_key(raw, gelar):
    assert parse_name(raw) == NameResult("Budi Santoso", gelar)
    assert nama_kunci(parse_name(raw).nama) == "budi santoso"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # two initials after one name word are the clerk's, not a degree written with spaces
        ("Budi S. T.", NameResult("Budi S. T.", None)),
        ("JOKO S. T. WIBOWO", NameResult("Joko S. T. Wibowo", None)),
        # an initial and a word shortened to three or four letters keep their dot
        ("BUDI SANTOSO S.", NameResult("Budi Santoso S.", None)),
        ("Supriyadi Supr.", NameResult("Supriyadi Supr.", None)),
        ("Ahmad Moch.", NameResult("Ahmad Moch.", None)),
        # a remark in brackets, a second name after a slash or dash stay in the name
        ("Siti Aisyah (Ica)", NameResult("Siti Aisyah (Ica)", None)),
        ("Budi Santoso / Joko", NameResult("Budi Santoso / Joko", None)),
        ("Siti Nur - Aini", NameResult("Siti Nur - Aini", None)),
        # name words that are also degrees without their dots stay names
        ("AHMAD SAK", NameResult("Ahmad Sak", None)),
        ("Tan Sei Hoa", NameResult("Tan Sei Hoa", None)),
        ("Lim Shi Wei", NameResult("Lim Shi Wei", None)),
        # glued initials, an initial glued to a short name, a degree shape after one name word
        ("Budi Santoso A.S.", NameResult("Budi Santoso A. S.", None)),
        ("Budi Santoso M.Nur", NameResult("Budi Santoso M. Nur", None)),
        ("Budi Santoso M.SAIFUL", NameResult("Budi Santoso M. Saiful", None)),
        ("BUDI S.Tr.Ars", NameResult("Budi S. Tr. Ars", None)),
    ],
)
def test_names_that_only_look_like_gelar(raw, expected):
    assert parse_name(raw) == expected


def test_array_path_agrees():
    # parse_name_array takes long ASCII names on a vectorised path: the same results, also with
    # more name after the cell (so the trailing dot is not trailing there).
    raws = [raw for raw, _ in SPELLINGS] + [f"{raw}   Wijaya Kusuma" for raw, _ in SPELLINGS]
    raws += ["Budi S. T.", "BUDI SANTOSO S.", "Supriyadi Supr.", "Siti Aisyah (Ica) Wijaya", "Tan Sei Hoa Wijaya",
             "Budi Santoso M.Nur", "Budi Santoso A.S."]
    nama, gelar, kunci = parse_name_array(raws)
    expected = [parse_name(raw) for raw in raws]
    got = [NameResult(None if pd.isna(n) else n, None if pd.isna(g) else g) for n, g in zip(nama, gelar, strict=True)]
    assert got == expected
    assert [None if pd.isna(k) else k for k in kunci] == [nama_kunci(e.nama) for e in expected]


# A form of family name and given names writes the given names after a comma, shortened as clerks
# shorten them: Muhammad's and Abdul's short forms, Balinese titles and birth-order names. Shaped like
# an unknown one-dot degree ("Apt.", "Ak."), they are name words (before: gelar "Md.", "Abd.", "Moh.").
SHORTENED_AFTER_A_COMMA = [
    ("SUDARMA, I Md.", NameResult("Sudarma I Md.", None)),
    ("Jelantik, I Gst. Ngr.", NameResult("Jelantik I Gst. Ngr.", None)),
    ("Raka, A.A. Gde", NameResult("Raka A. A. Gde", None)),
    ("Suryawan, Tjok. Gde Agung", NameResult("Suryawan Tjok. Gde Agung", None)),
    ("Rahman, Abd.", NameResult("Rahman Abd.", None)),
    ("HAKIM, MOH.", NameResult("Hakim Moh.", None)),
    ("Hakim, Mhd., S.T.", NameResult("Hakim Mhd.", "S.T.")),
    # a one-dot degree not in the table stays a degree
    ("Budi Santoso, Apt.", NameResult("Budi Santoso", "Apt.")),
    ("Rina Wati, S.E., Ak.", NameResult("Rina Wati", "S.E., Ak.")),
]


@pytest.mark.parametrize(("raw", "expected"), SHORTENED_AFTER_A_COMMA)
def test_shortened_name_words_after_a_comma_stay_in_the_name(raw, expected):
    assert parse_name(raw) == expected


def test_array_path_agrees_on_shortened_name_words():
    raws = [raw for raw, _ in SHORTENED_AFTER_A_COMMA] + [f"Wijaya Kusuma {raw}" for raw, _ in SHORTENED_AFTER_A_COMMA]
    nama, gelar, _ = parse_name_array(raws)
    got = [NameResult(None if pd.isna(n) else n, None if pd.isna(g) else g) for n, g in zip(nama, gelar, strict=True)]
    assert got == [parse_name(raw) for raw in raws]
