"""Names, gelar and the matching key (standardize.names)."""

from __future__ import annotations

import pandas as pd
import pytest

from standardize.names import NameResult, nama_kunci, parse_name, parse_name_array

NAME_CASES = [
    # case and whitespace
    ("MUHAMMAD SAIFUL", NameResult("Muhammad Saiful", None)),
    ("muhammad   saiful ", NameResult("Muhammad Saiful", None)),
    ("muh. rizki", NameResult("Muh. Rizki", None)),
    ("MA'RUF AMIN", NameResult("Ma'ruf Amin", None)),
    ("MA`RUF AMIN", NameResult("Ma'ruf Amin", None)),
    ("Ma\u2019ruf", NameResult("Ma'ruf", None)),
    ("SITI-AISYAH binti ABDULLAH", NameResult("Siti-Aisyah Binti Abdullah", None)),
    ("M.SAIFUL", NameResult("M. Saiful", None)),
    ("ABDUL R. HAKIM", NameResult("Abdul R. Hakim", None)),
    ("\u00a0NUR\u00a0HIDAYAH\u00a0", NameResult("Nur Hidayah", None)),
    # honorifics before the name
    ("H. Abdul Rahman", NameResult("Abdul Rahman", "H.")),
    ("H ABDUL RAHMAN", NameResult("Abdul Rahman", "H.")),
    ("H.ABDUL RAHMAN", NameResult("Abdul Rahman", "H.")),
    ("Hj. Siti Aminah", NameResult("Siti Aminah", "Hj.")),
    ("HJ SITI AMINAH", NameResult("Siti Aminah", "Hj.")),
    # North Maluku writes Haji "Hi." before a name; inside one, "Hi" is the father's title
    # ("Faoniah Hi Djaohar": Faoniah, daughter of Haji Djaohar) and stays
    ("Hi. Iskandar Abdullah", NameResult("Iskandar Abdullah", "H.")),
    ("HI. UMAR SANGAJI", NameResult("Umar Sangaji", "H.")),
    ("Hi.Rusli Jumati", NameResult("Rusli Jumati", "H.")),
    ("Faoniah Hi Djaohar", NameResult("Faoniah Hi Djaohar", None)),
    ("Hi.", NameResult("Hi.", None)),
    # forms of address of invitation and attendance lists: not part of the name
    ("Sdr. Budi Santoso", NameResult("Budi Santoso", "Sdr.")),
    ("Bpk. Ahmad Fauzi", NameResult("Ahmad Fauzi", "Bpk.")),
    ("Ibu Siti Aminah", NameResult("Siti Aminah", "Ibu")),
    ("Ny. Siti Aminah, S.T.", NameResult("Siti Aminah", "Ny., S.T.")),
    ("Ibu", NameResult("Ibu", None)),  # nothing follows: the cell's only word stays the name
    ("Ir. Bambang Sutrisno", NameResult("Bambang Sutrisno", "Ir.")),
    ("IR BAMBANG", NameResult("Bambang", "Ir.")),
    ("Drs. Suparman", NameResult("Suparman", "Drs.")),
    ("Dra. Sri Wahyuni", NameResult("Sri Wahyuni", "Dra.")),
    ("Dr. Ir. H. Ahmad Yani", NameResult("Ahmad Yani", "Dr., Ir., H.")),
    ("Prof.Dr.Ir. Bambang Amd", NameResult("Bambang", "Prof., Dr., Ir., A.Md.")),
    # names that only look like honorifics stay names
    ("Irwan Setiawan", NameResult("Irwan Setiawan", None)),
    ("HERMAN", NameResult("Herman", None)),
    ("Drajat", NameResult("Drajat", None)),
    ("H.", NameResult("H.", None)),  # a lone initial, no name after it
    ("Abdul H.", NameResult("Abdul H.", None)),  # trailing initial, not an honorific
    ("H. S.T.", NameResult("H.", "S.T.")),  # "H." before only a degree is not an honorific
    # degrees after the name, with and without comma or dots
    ("AHMAD YANI, ST", NameResult("Ahmad Yani", "S.T.")),
    ("AHMAD YANI ST", NameResult("Ahmad Yani", "S.T.")),
    ("Ahmad Yani, S.T., M.T.", NameResult("Ahmad Yani", "S.T., M.T.")),
    ("AHMAD YANI ST MT", NameResult("Ahmad Yani", "S.T., M.T.")),
    ("Siti Aminah, S.T,M.T", NameResult("Siti Aminah", "S.T., M.T.")),
    ("M.SAIFUL ST.MT", NameResult("M. Saiful", "S.T., M.T.")),
    ("RINA, A.Md.", NameResult("Rina", "A.Md.")),
    ("RINA AMD", NameResult("Rina", "A.Md.")),
    ("Rina, A.Md.T", NameResult("Rina", "A.Md.T.")),
    ("BUDI,S.KOM", NameResult("Budi", "S.Kom.")),
    ("Budi S.Kom", NameResult("Budi", "S.Kom.")),
    ("Dewi Lestari S.Pd.", NameResult("Dewi Lestari", "S.Pd.")),
    ("Andi, SE, MM", NameResult("Andi", "S.E., M.M.")),
    ("ANDI SH MH", NameResult("Andi", "S.H., M.H.")),
    ("Yusuf, S.Si., M.Si.", NameResult("Yusuf", "S.Si., M.Si.")),
    ("Rahmat, S.Sos", NameResult("Rahmat", "S.Sos.")),
    ("Taufik Hidayat, M.Eng", NameResult("Taufik Hidayat", "M.Eng.")),
    ("Arif, S.Ars., M.Ars.", NameResult("Arif", "S.Ars., M.Ars.")),
    ("Lina, S.AP", NameResult("Lina", "S.AP.")),
    ("Bambang, Ph.D", NameResult("Bambang", "Ph.D.")),
    ("Joko Susilo, S.T., IPM", NameResult("Joko Susilo", "S.T., IPM")),
    ("Budi Santoso, S.Kep., Ns", NameResult("Budi Santoso", "S.Kep., Ns.")),
    ("Budi, S.Psi", NameResult("Budi", "S.Psi.")),  # not in the table, degree-shaped after a comma
    ("IR. H. AHMAD YANI, ST, MT", NameResult("Ahmad Yani", "Ir., H., S.T., M.T.")),
    ("Dra. Hj. SITI NURHALIZA S.Pd.", NameResult("Siti Nurhaliza", "Dra., Hj., S.Pd.")),
    ("H. Muhammad Ridwan, S.T., M.T.", NameResult("Muhammad Ridwan", "H., S.T., M.T.")),
    # a word after the comma that is no degree stays in the name
    ("Siregar, Budi", NameResult("Siregar Budi", None)),
    # a degree on its own keeps one word as the name
    ("ST MT", NameResult("St", "M.T.")),
    # Haji / Hajjah written out (were part of the name)
    ("HAJI AHMAD YANI", NameResult("Ahmad Yani", "H.")),
    ("Hajjah Siti Aminah", NameResult("Siti Aminah", "Hj.")),
    ("Haji", NameResult("Haji", None)),
    # a NIK or KTP number pasted into the name cell, a row number, marks around the name
    # (were kept: "Ahmad Fauzi (3174011203850003)", key "ahmad fauzi 3174011203850003")
    ("Ahmad Fauzi (3174011203850003)", NameResult("Ahmad Fauzi", None)),
    ("AHMAD FAUZI / 3174011203850003", NameResult("Ahmad Fauzi", None)),
    ("3174011203850003 Ahmad Fauzi", NameResult("Ahmad Fauzi", None)),
    ("Ahmad Fauzi NIK: 3174 0112 0385 0003", NameResult("Ahmad Fauzi", None)),
    ("Ahmad Fauzi, S.T. (NIK 3174011203850003)", NameResult("Ahmad Fauzi", "S.T.")),
    ("Ahmad Fauzi 3.17401E+15", NameResult("Ahmad Fauzi", None)),
    ("1. Ahmad Fauzi", NameResult("Ahmad Fauzi", None)),
    ("12) AHMAD FAUZI", NameResult("Ahmad Fauzi", None)),
    ('"Ahmad Fauzi"', NameResult("Ahmad Fauzi", None)),
    ("*Ahmad Fauzi*", NameResult("Ahmad Fauzi", None)),
    ("Ahmad Fauzi **", NameResult("Ahmad Fauzi", None)),
    ("- Ahmad Fauzi", NameResult("Ahmad Fauzi", None)),
    ("'Ahmad Fauzi", NameResult("Ahmad Fauzi", None)),
    ("`Ahmad Fauzi", NameResult("Ahmad Fauzi", None)),
    ("Ma'ruf Amin", NameResult("Ma'ruf Amin", None)),
    ("Siti-Aisyah", NameResult("Siti-Aisyah", None)),
    ("3174011203850003", NameResult(None, None)),
    # Excel's error values and other "nothing here" cells
    ("#N/A", NameResult(None, None)),
    ("#REF!", NameResult(None, None)),
    ("N.A.", NameResult(None, None)),
    ("(kosong)", NameResult(None, None)),
    # empty
    (None, NameResult(None, None)),
    ("", NameResult(None, None)),
    ("   ", NameResult(None, None)),
    ("-", NameResult(None, None)),
    (" - ", NameResult(None, None)),
    ("N/A", NameResult(None, None)),
]


@pytest.mark.parametrize(("raw", "expected"), NAME_CASES)
def test_parse_name(raw, expected):
    assert parse_name(raw) == expected


KUNCI_CASES = [
    (None, None),
    ("", None),
    ("Muhammad Saiful", "muhammad saiful"),
    ("M. Saiful", "m saiful"),  # a lone M. may be any name ("Eka M.")
    ("Moh. Saiful", "muhammad saiful"),
    ("Muh. Saiful", "muhammad saiful"),
    ("Mhd Saiful", "muhammad saiful"),
    ("Mohammad Saiful", "muhammad saiful"),
    ("Mohamad Saiful", "muhammad saiful"),
    ("Muhamad Saiful", "muhammad saiful"),
    ("Mochammad Saiful", "muhammad saiful"),
    ("Mochamad Saiful", "muhammad saiful"),
    ("Moch. Saiful", "muhammad saiful"),
    ("Achmad Yani", "ahmad yani"),
    ("Akhmad Yani", "ahmad yani"),
    ("Syaiful Anwar", "saiful anwar"),
    ("Saifull Anwar", "saiful anwar"),
    ("Noor Aini", "nur aini"),
    ("Nurr Aini", "nur aini"),
    ("Rizky Pratama", "rizki pratama"),
    ("Rizqi Pratama", "rizki pratama"),
    ("Rizqy Pratama", "rizki pratama"),
    ("Syamsul Bahri", "samsul bahri"),
    ("Sjamsul Bahri", "samsul bahri"),
    ("Abdullah", "abdulah"),
    ("Hassan", "hasan"),
    ("Soekarno", "sukarno"),
    ("Djoko Tjahjono", "joko cahjono"),
    ("Ma'ruf", "maruf"),
    ("Siti-Aisyah", "siti aisyah"),
    ("Andr\u00e9", "andre"),
    ("Abd. Rahman", "abdul rahman"),
    # words that only look like a variant stay
    ("Nurul Huda", "nurul huda"),
    ("Mohan", "mohan"),
]


@pytest.mark.parametrize(("nama", "expected"), KUNCI_CASES)
def test_nama_kunci(nama, expected):
    assert nama_kunci(nama) == expected


def test_kunci_of_parsed_variants_match():
    """Two spellings of one person reach the same key after parse_name."""
    first = parse_name("MOCH. SYAIFUL NOOR, ST").nama
    second = parse_name("Muhammad Saiful Nur").nama
    assert nama_kunci(first) == nama_kunci(second) == "muhammad saiful nur"


def _padded(raw):
    # parse_name_array sends short cells one by one; pad to exercise the vectorised path too.
    return None if raw is None else f"{raw}   Wijaya Kusuma"


def test_parse_name_array_agrees_with_parse_name():
    raws = [raw for raw, _ in NAME_CASES] + [_padded(raw) for raw, _ in NAME_CASES]
    nama, gelar, kunci = parse_name_array(raws)
    expected = [parse_name(raw) for raw in raws]
    got = [
        NameResult(None if pd.isna(n) else n, None if pd.isna(g) else g) for n, g in zip(nama, gelar, strict=True)
    ]
    assert got == expected
    assert [None if pd.isna(k) else k for k in kunci] == [nama_kunci(e.nama) for e in expected]
    assert str(nama.dtype) == "str"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("AHMAD YANI, ST   Wijaya Kusuma", NameResult("Ahmad Yani Wijaya Kusuma", "S.T.")),
        ("H. Abdul Rahman   Wijaya Kusuma", NameResult("Abdul Rahman Wijaya Kusuma", "H.")),
        ("Budi, S.Psi   Wijaya Kusuma", NameResult("Budi Wijaya Kusuma", "S.Psi.")),
        ("   ,  ,   ST   ", NameResult(None, "S.T.")),
    ],
)
def test_parse_name_array_exact(raw, expected):
    nama, gelar, _ = parse_name_array([raw])
    assert NameResult(None if pd.isna(nama[0]) else nama[0], None if pd.isna(gelar[0]) else gelar[0]) == expected
