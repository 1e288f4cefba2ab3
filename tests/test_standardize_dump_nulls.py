"""NULL as a database's text dump writes it (MySQL's SELECT ... INTO OUTFILE and mysqldump --tab,
PostgreSQL's COPY: ``\\N``) is an empty cell in every column, never the N of a Y / N result."""

from __future__ import annotations

import pytest

from standardize.dates import parse_date
from standardize.fields import is_blank, parse_hasil, parse_jenis_kelamin, parse_nomor_sertifikat
from standardize.levels import parse_jenjang
from standardize.nik import parse_nik


@pytest.mark.parametrize(("raw", "expected"), [
    ("\\N", None),
    (" \\N ", None),
    ("NULL", None),
    ("N", "Belum Kompeten"),  # a whole-cell flag code stays one
    ("Y", "Kompeten"),
    ("K", "Kompeten"),
])
def test_parse_hasil_reads_a_dump_null_as_no_result(raw, expected):
    assert parse_hasil(raw) == expected


@pytest.mark.parametrize(("parse", "expected"), [
    (is_blank, True),
    (parse_nomor_sertifikat, None),
    (parse_jenis_kelamin, None),
    (parse_date, None),
    (parse_jenjang, None),
    (lambda raw: parse_nik(raw).status, "missing"),
])
def test_a_dump_null_is_empty_in_every_column(parse, expected):
    assert parse("\\N") == expected
