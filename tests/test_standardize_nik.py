"""NIK cleaning and classification (standardize.nik)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow as pa
import pytest

from standardize.nik import NikResult, nik_birth_date_and_sex, parse_nik, parse_nik_array

# A woman (day 12 + 40) born 12-03-1985, registered in Kutai Timur (64.08), serial 0001.
NIK = "6408015203850001"

PARSE_CASES = [
    # clean and cleanable
    (NIK, NikResult(NIK, "valid", None)),
    ("6408 0152 0385 0001", NikResult(NIK, "valid", None)),
    ("6408.0152.0385.0001", NikResult(NIK, "valid", None)),
    ("6408-0152-0385-0001", NikResult(NIK, "valid", None)),
    ("'6408015203850001", NikResult(NIK, "valid", None)),
    ("`6408015203850001", NikResult(NIK, "valid", None)),
    ('"6408015203850001"', NikResult(NIK, "valid", None)),
    ("\u00a06408015203850001\u00a0", NikResult(NIK, "valid", None)),
    (" 6408015203850001 \n", NikResult(NIK, "valid", None)),
    ("6408015203850001.0", NikResult(NIK, "valid", None)),  # float printed by an exporter
    # the same above 2**53 (every Papua NIK, 91-96): a double holds even numbers only, so the 16th digit
    # printed is the double's (9101071910963009 prints as ...3008.0): the first 15 digits are the NIK's
    ("9101071910963008.0", NikResult(None, "excel_truncated", "910107191096300")),
    ("9101144702772012.0", NikResult(None, "excel_truncated", "910114470277201")),
    ("9101071910963008,00", NikResult(None, "excel_truncated", "910107191096300")),
    ("9.101.071.910.963.008,00", NikResult(None, "excel_truncated", "910107191096300")),
    ("9005071910963009.0", NikResult(None, "invalid", "9005071910963009")),  # below 2**53: exact (no province 90)
    # the same with Indonesian-locale decimals and digit grouping
    ("6408015203850001,00", NikResult(NIK, "valid", None)),
    ("6.408.015.203.850.001,00", NikResult(NIK, "valid", None)),
    ("6,408,015,203,850,001.00", NikResult(NIK, "valid", None)),
    # grouped and with decimals, ending in 0: a number format, so Excel's 15 digits
    ("6.408.015.203.850.000,00", NikResult(None, "excel_truncated", "640801520385000")),
    ("6,408,015,203,850,000.00", NikResult(None, "excel_truncated", "640801520385000")),
    ("6408015203850001,50", NikResult(None, "wrong_length", "640801520385000150")),  # not zeros: not a tail
    # Excel's text-formula wrapper in CSV exports, as the CSV reader leaves it: read as the text inside
    ('="1604011203850041"', NikResult("1604011203850041", "valid", None)),
    ("=1604011203850041", NikResult("1604011203850041", "valid", None)),
    ('"=""1604011203850041"""', NikResult("1604011203850041", "valid", None)),
    ('= "6408 0152 0385 0001"', NikResult(NIK, "valid", None)),
    ("='6408015203850001", NikResult(NIK, "valid", None)),
    ('="640801520385001"', NikResult(None, "wrong_length", "640801520385001")),
    ('="6408015203850000"', NikResult(None, "invalid", "6408015203850000")),  # serial 0000, as text
    ('="6.40801E+15"', NikResult(None, "scientific_notation", "64080")),
    ('="0"', NikResult(None, "missing", None)),
    ('=""', NikResult(None, "missing", None)),
    # Papua provinces (91-96) are real provinces, and above 2^53 as numbers
    ("9101011201800005", NikResult("9101011201800005", "valid", None)),
    ("9271011201800005", NikResult("9271011201800005", "valid", None)),
    ("9601011201800005", NikResult("9601011201800005", "valid", None)),
    # men's day 01..31, women's 41..71
    ("6408010101900001", NikResult("6408010101900001", "valid", None)),
    ("6408017112900001", NikResult("6408017112900001", "valid", None)),
    # Excel kept 15 significant digits: the 16th is lost
    ("6.40801520385001e+15", NikResult(None, "excel_truncated", "640801520385001")),
    ("6.40801520385000E+15", NikResult(None, "excel_truncated", "640801520385000")),
    ("6,40801520385001E+15", NikResult(None, "excel_truncated", "640801520385001")),
    # exports that show fewer digits, the last one rounded
    ("6.40801E+15", NikResult(None, "scientific_notation", "64080")),
    ("6,40801E+15", NikResult(None, "scientific_notation", "64080")),
    ("6.40802e+15", NikResult(None, "scientific_notation", "64080")),
    ("6.4080152E+15", NikResult(None, "scientific_notation", "6408015")),
    # scientific, but not a 16-digit number
    ("6.40801520385001e+16", NikResult(None, "wrong_length", "640801520385001")),
    # typos: 15 or 17 digits
    ("640801520385001", NikResult(None, "wrong_length", "640801520385001")),
    ("64080152038500011", NikResult(None, "wrong_length", "64080152038500011")),
    ("6408 0152 0385 001", NikResult(None, "wrong_length", "640801520385001")),
    ("12345", NikResult(None, "wrong_length", "12345")),
    # 16 digits that cannot be a NIK
    ("6408011213850001", NikResult(None, "invalid", "6408011213850001")),  # month 13
    ("6408011200850001", NikResult(None, "invalid", "6408011200850001")),  # month 00
    ("6408013203850001", NikResult(None, "invalid", "6408013203850001")),  # day 32
    ("6408010003850001", NikResult(None, "invalid", "6408010003850001")),  # day 00
    ("6408014003850001", NikResult(None, "invalid", "6408014003850001")),  # day 40
    ("6408017203850001", NikResult(None, "invalid", "6408017203850001")),  # day 72
    ("9701011201800005", NikResult(None, "invalid", "9701011201800005")),  # no province 97
    ("1001011201800005", NikResult(None, "invalid", "1001011201800005")),  # no province 10
    ("6408015203850000", NikResult(None, "invalid", "6408015203850000")),  # serial 0000
    # letters
    # the cell's own label before the number
    ("NIK 6408015203850001", NikResult("6408015203850001", "valid", None)),
    ("NIK: 6408015203850001", NikResult("6408015203850001", "valid", None)),
    ("No. KTP 6408 0152 0385 0001", NikResult("6408015203850001", "valid", None)),
    ("e-KTP: 6408015203850001", NikResult("6408015203850001", "valid", None)),
    ("nik.640801520385001", NikResult(None, "wrong_length", "640801520385001")),
    ("NIKAH 6408015203850001", NikResult(None, "invalid", None)),  # a word, not the label
    ("64080152O3850001", NikResult("6408015203850001", "valid", None)),  # letter O for zero (was invalid)
    ("KTP hilang", NikResult(None, "missing", None)),  # words only: a remark, no NIK (was invalid)
    # masked for privacy (published lists, portal exports): the digits before the mask are the NIK's own
    ("640812******0001", NikResult(None, "invalid", "640812")),
    ("6408 12xx xxxx 0001", NikResult(None, "invalid", "640812")),
    ("640812XXXXXX0001", NikResult(None, "invalid", "640812")),
    ("3174\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022123", NikResult(None, "invalid", "3174")),
    ("64081204058*****", NikResult(None, "invalid", "64081204058")),
    ("64*************1", NikResult(None, "invalid", None)),  # fewer than province and regency shown
    ("6408x", NikResult(None, "invalid", None)),  # too short to be a masked NIK
    # missing
    (None, NikResult(None, "missing", None)),
    ("", NikResult(None, "missing", None)),
    ("   ", NikResult(None, "missing", None)),
    ("-", NikResult(None, "missing", None)),
    ("--", NikResult(None, "missing", None)),
    ("0", NikResult(None, "missing", None)),
    ("0000000000000000", NikResult(None, "missing", None)),
    ("belum ada", NikResult(None, "missing", None)),
    ("Belum  Ada", NikResult(None, "missing", None)),
    ("TIDAK ADA", NikResult(None, "missing", None)),
    ("n/a", NikResult(None, "missing", None)),
    ("N/A", NikResult(None, "missing", None)),
    ("null", NikResult(None, "missing", None)),
    ("'", NikResult(None, "missing", None)),
    # a label after the number, brackets or a hash around it, a two-word label before it (were invalid)
    (f"{NIK} (KTP)", NikResult(NIK, "valid", None)),
    (f"{NIK} KTP", NikResult(NIK, "valid", None)),
    (f"({NIK})", NikResult(NIK, "valid", None)),
    (f"[{NIK}]", NikResult(NIK, "valid", None)),
    (f"#{NIK}", NikResult(NIK, "valid", None)),
    (f"NIK/KTP: {NIK}", NikResult(NIK, "valid", None)),
    (f"No. KTP / NIK {NIK}", NikResult(NIK, "valid", None)),
    (f"Nomor Induk Kependudukan {NIK}", NikResult(NIK, "valid", None)),
    ("(6408 0152 0385 0001) KTP", NikResult(NIK, "valid", None)),
    # a family card number says so: not the person's NIK
    (f"KK {NIK}", NikResult(None, "invalid", None)),
    (f"{NIK}/KK", NikResult(None, "invalid", None)),
    # Excel's error values and other "nothing here" cells (#REF!, N.A. and the ellipsis were invalid)
    ("#N/A", NikResult(None, "missing", None)),
    ("#REF!", NikResult(None, "missing", None)),
    ("N.A.", NikResult(None, "missing", None)),
    ("(kosong)", NikResult(None, "missing", None)),
    ("\u2026", NikResult(None, "missing", None)),
]


@pytest.mark.parametrize(("raw", "expected"), PARSE_CASES)
def test_parse_nik(raw, expected):
    assert parse_nik(raw) == expected


def test_parse_nik_array_agrees_with_parse_nik():
    values = [raw for raw, _ in PARSE_CASES]
    nik, status, partial = parse_nik_array(values)
    got = [NikResult(_text(a), b, _text(c)) for a, b, c in zip(nik, status, partial, strict=True)]
    assert got == [expected for _, expected in PARSE_CASES]
    assert str(nik.dtype) == "str" and str(partial.dtype) == "str"


def _text(value):
    return None if pd.isna(value) else value


@pytest.mark.parametrize(
    ("nik", "reference_year", "expected"),
    [
        (NIK, 2026, (date(1985, 3, 12), "P")),
        ("6408011203850001", 2026, (date(1985, 3, 12), "L")),
        # born 2005: 21 in 2026, so 20yy
        ("6408011203050001", 2026, (date(2005, 3, 12), "L")),
        # born "11": 2011 would make a 15-year-old in 2026, the youngest allowed
        ("6408011203110001", 2026, (date(2011, 3, 12), "L")),
        # "12": 2012 would be 14 in 2026, so 1912
        ("6408011203120001", 2026, (date(1912, 3, 12), "L")),
        ("6408011203120001", 2027, (date(2012, 3, 12), "L")),
        ("9101017112800005", 2026, (date(1980, 12, 31), "P")),
        # impossible dates keep the sex
        ("6408013102850001", 2026, (None, "L")),
        ("6408017102850001", 2026, (None, "P")),
        ("6408010013850001", 2026, (None, "L")),
    ],
)
def test_nik_birth_date_and_sex(nik, reference_year, expected):
    assert nik_birth_date_and_sex(nik, reference_year) == expected


@pytest.mark.parametrize(
    "values",
    [
        pd.Series([NIK, None, "'6408 0152 0385 0001"], dtype="str"),
        pd.Series([NIK, None, "'6408 0152 0385 0001"], dtype=object),
        pa.chunked_array([[NIK], [None, "'6408 0152 0385 0001"]]),
    ],
    ids=["str-series", "object-series", "chunked-arrow"],
)
def test_parse_nik_array_inputs(values):
    nik, status, partial = parse_nik_array(values)
    assert [_text(v) for v in nik] == [NIK, None, NIK]
    assert list(status) == ["valid", "missing", "valid"]
    assert [_text(v) for v in partial] == [None, None, None]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # letters that look like digits among the digits (were invalid, no partial)
        ("64O8011203850003", NikResult("6408011203850003", "valid", None)),
        ("6408O112O385OOO3", NikResult("6408011203850003", "valid", None)),
        ("64080l1203850003", NikResult("6408011203850003", "valid", None)),
        ("6408 0112 O385 0003", NikResult("6408011203850003", "valid", None)),
        ("64O801120385OOO", NikResult(None, "wrong_length", "640801120385000")),
        # other letters are still no digits
        ("64080112038S0003", NikResult(None, "invalid", None)),
        ("NIKAH 6408015203850001", NikResult(None, "invalid", None)),
        # words only are a remark in place of the NIK (were invalid)
        ("KTP Hilang", NikResult(None, "missing", None)),
        ("Belum rekam e-KTP", NikResult(None, "missing", None)),
        ("dalam proses", NikResult(None, "missing", None)),
        ("Tidak punya KTP", NikResult(None, "missing", None)),
        # unchanged
        ("'6408011203850003", NikResult("6408011203850003", "valid", None)),
        ("6408.0112.0385.0003", NikResult("6408011203850003", "valid", None)),
        ("NIK: 6408011203850003", NikResult("6408011203850003", "valid", None)),
        ("6,40801E+15", NikResult(None, "scientific_notation", "64080")),
        ("64080112038500003", NikResult(None, "wrong_length", "64080112038500003")),
        ("-", NikResult(None, "missing", None)),
        ("0", NikResult(None, "missing", None)),
        ("belum ada", NikResult(None, "missing", None)),
    ],
)
def test_parse_nik_lookalike_letters_and_remarks(raw, expected):
    assert parse_nik(raw) == expected
    nik, status, partial = parse_nik_array([raw])
    assert NikResult(_text(nik[0]), status[0], _text(partial[0])) == expected
