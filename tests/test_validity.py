"""Certificate validity: the issue year a registration number states, and the one validity decision."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from standardize.validity import EXPIRY_BASES, certificate_validity, issue_year_from_number, issue_years

# Numbers as standardization hands them over: upper case, whitespace removed.
YEAR_SHAPES = [
    # separated, one 4-digit year segment
    ("SKK-6408-2023-000123", 2023),  # the demo world's shape
    ("SKK.6408.2023.000123", 2023),
    ("41011.3112.4.0012345.2022", 2022),  # BNSP layout written with dots
    ("41011-3112-4-0012345-2021", 2021),
    ("2024.64.08.00017", 2024),  # year first
    ("6408/2025/0042", 2025),
    ("REG-2000-1", 2000),  # the earliest year read
    ("SKK-1671-2026-000001", 2026),  # the publish year itself
    # letter-style numbering: .../month/year
    ("012/LSP-GATENSI/XII/2023", 2023),
    ("0451/SKK/LSP.KONSTRUKSI/III/2024", 2024),
    ("12/BNSP/LSP-ABI/2022", 2022),
    ("001/SERT/LSP-X/VII/23", 2023),  # 2-digit year after a Roman month
    ("77/LSP/I/21", 2021),
    # a year glued to letters is its own segment
    ("SKK2023-00123", 2023),
    ("LSPGTK/2022A/0009", 2022),
    # the same year twice is still one year
    ("SKK-2023-2023-9", 2023),
    # BNSP-format number whose spaces were removed: 5+4+1+7+4 digits
    ("410113112400123452022", 2022),
    ("711022142700000452019", 2019),
    # the same layout with an 8-digit serial, 22 digits: an LSP's SKK application (`search`,
    # code corpus: github.com/Abqoriyyan/lsp_bpsdm, application/controllers/Komite.php)
    # builds nomor_sertifikat_lengkap as kbli . " " . kbji . " " . jenjang . " " .
    # sprintf("%08s", nomor_sertifikat) . " " . date('Y') when the committee decides Kompeten
    ("4101131124000123452023", 2023),
    ("7110221427000000452021", 2021),
]

NO_YEAR_SHAPES = [
    None,
    "",
    "KT-1",
    "PL-0042",
    "2023",  # one segment: a year typed into the number column, not a number's shape
    "KT-2015",  # two runs: prefix and serial as likely as prefix and year
    "2023-0042",
    "SKK2023",
    "XII/23",
    "20230001234",  # a year inside a longer digit run
    "LSP2023001234",
    "SKK/0012345",
    "1.2.201.3.165.07.1234567",  # old SKA: 07 is a province code, not 2007
    "2.1.TS030.3.072.34.123456",  # old SKT
    "SKK-19-000123",  # a 2-digit segment not after a Roman month: province 19 or 2019?
    "SKK.23.0001234",
    "001/SERT/VII/23/5",  # 2-digit after a Roman month but not the last segment
    "SKK-2019-2023-1",  # two different years: ambiguous
    "SKK-6408-2031-000001",  # a year after the publish year
    "REG-1999-000001",  # before 2000
    "001/LSP/XII/27",  # 2027: after the publish year
    "001/LSP/XIII/23",  # not a month
    "410113112000123452022",  # 21 digits with level 0: not the BNSP shape
    "41011311240012345202",  # 20 digits
    "4101131120000123452023",  # 22 digits with level 0: not the BNSP shape
    "41011311240001234520230",  # 23 digits
    "4101131124000123452031",  # 22 digits, a year after the publish year
    "6408012345678901",  # a NIK-like run
    "SKK-ABC-DEF",
]


@pytest.mark.parametrize("nomor, year", YEAR_SHAPES)
def test_year_read_from_numbers_that_state_it(nomor, year):
    assert issue_year_from_number(nomor, 2026) == year


@pytest.mark.parametrize("nomor", NO_YEAR_SHAPES)
def test_no_year_where_the_shape_does_not_say(nomor):
    assert issue_year_from_number(nomor, 2026) is None


def test_issue_years_vectorized():
    values = pd.Series(["SKK-6408-2023-1", None, "KT-1", "SKK-6408-2023-1", "77/LSP/I/21"])
    assert issue_years(values, 2026).tolist() == [2023, pd.NA, pd.NA, 2023, 2021]
    assert str(issue_years(values, 2026).dtype) == "Int64"
    assert issue_years(pd.Series([None, None], dtype="object"), 2026).isna().all()


# (case, masa_berlaku, tanggal_terbit, nomor, tahun, publish, expires_on, basis, status)
DECISIONS = [
    ("stated expiry, valid", "2030-02-01", "2025-02-01", "SKK-1-2019-1", 2019, "2026-06-30", "2030-02-01", "masa_berlaku", "active"),
    ("stated expiry, past", "2026-06-29", None, None, 2026, "2026-06-30", "2026-06-29", "masa_berlaku", "expired"),
    ("stated expiry on the publish day", "2026-06-30", None, None, None, "2026-06-30", "2026-06-30", "masa_berlaku", "active"),
    ("issue date + 5 years", None, "2022-03-15", "SKK-1-2019-1", 2019, "2026-06-30", "2027-03-15", "tanggal_terbit", "active"),
    ("issue date, expired", None, "2021-03-15", None, None, "2026-06-30", "2026-03-15", "tanggal_terbit", "expired"),
    ("pre-2021 issue date: 31 December 2022", None, "2020-12-31", None, 2025, "2022-12-31", "2022-12-31", "tanggal_terbit", "active"),
    ("number 2023: at least to 1 January 2028", None, None, "SKK-1-2023-1", 2019, "2026-06-30", "2028-01-01", "nomor_sertifikat_year", "active"),
    ("number 2021, publish mid-2026: expires some day of 2026", None, None, "SKK-1-2021-1", None, "2026-06-30", "2026-01-01", "nomor_sertifikat_year", "unknown"),
    ("number 2021, publish 1 January 2026: still valid", None, None, "SKK-1-2021-1", None, "2026-01-01", "2026-01-01", "nomor_sertifikat_year", "active"),
    ("number 2021, publish 2027: expired", None, None, "SKK-1-2021-1", None, "2027-01-01", "2026-01-01", "nomor_sertifikat_year", "expired"),
    ("number 2020: old scheme", None, None, "SKK-1-2020-1", 2025, "2026-06-30", "2022-12-31", "nomor_sertifikat_year", "expired"),
    ("program year 2022: to the end of 2026", None, None, "KT-1", 2022, "2026-06-30", "2026-12-31", "tahun", "active"),
    ("program year 2021: expires some day of 2026", None, None, None, 2021, "2026-06-30", "2025-12-31", "tahun", "unknown"),
    ("program year 2021, publish 2027: expired", None, None, None, 2021, "2027-01-01", "2025-12-31", "tahun", "expired"),
    ("program year 2019: old scheme", None, None, None, 2019, "2022-06-30", "2022-12-31", "tahun", "active"),
    ("program year 2019, publish 2023: old scheme expired", None, None, None, 2019, "2023-01-01", "2022-12-31", "tahun", "expired"),
    ("nothing known", None, None, "KT-1", None, "2026-06-30", None, None, "unknown"),
    ("nothing at all", None, None, None, None, "2026-06-30", None, None, "unknown"),
]


@pytest.mark.parametrize("case, berlaku, terbit, nomor, tahun, publish, expires_on, basis, status", DECISIONS)
def test_one_validity_decision(case, berlaku, terbit, nomor, tahun, publish, expires_on, basis, status):
    got = certificate_validity(
        pd.Series([pd.Timestamp(berlaku) if berlaku else pd.NaT]),
        pd.Series([pd.Timestamp(terbit) if terbit else pd.NaT]),
        pd.Series([nomor], dtype="object"),
        pd.Series([tahun], dtype="object").astype("Int64"),
        date.fromisoformat(publish),
    ).iloc[0]
    assert (None if pd.isna(got["expires_on"]) else got["expires_on"]) == (pd.Timestamp(expires_on) if expires_on else None)
    assert (None if pd.isna(got["expires_on_basis"]) else got["expires_on_basis"]) == basis
    assert got["status"] == status


def test_validity_keeps_the_index_and_the_vocabulary():
    index = pd.Index([10, 3, 7])
    got = certificate_validity(
        pd.Series([pd.NaT, pd.Timestamp("2030-01-01"), pd.NaT], index=index),
        pd.Series([pd.NaT, pd.NaT, pd.Timestamp("2024-01-01")], index=index),
        pd.Series(["SKK-1-2024-1", None, None], index=index),
        pd.Series([None, None, None], index=index, dtype="Int64"),
        date(2026, 6, 30),
    )
    assert got.index.tolist() == [10, 3, 7]
    assert got["expires_on_basis"].tolist() == ["nomor_sertifikat_year", "masa_berlaku", "tanggal_terbit"]
    assert set(got["expires_on_basis"].dropna()) <= set(EXPIRY_BASES)
    assert got["status"].tolist() == ["active", "active", "active"]
