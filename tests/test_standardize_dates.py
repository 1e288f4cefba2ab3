"""Date cells and the combined birth cell (standardize.dates)."""

from __future__ import annotations

from datetime import date

import pytest

from standardize.dates import local_date_of_timestamp, parse_birth, parse_date, parse_date_span, split_birth

D = date(1985, 3, 12)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # ISO, as readers write date cells
        ("1985-03-12", D),
        ("1985-03-12 00:00:00", D),
        ("1985-03-12T00:00:00", D),
        ("1985-3-12", D),
        # numeric day-month-year, any separator
        ("12-03-1985", D),
        ("12/03/1985", D),
        ("12.03.1985", D),
        ("12 03 1985", D),
        ("12/3/1985", D),
        (" 12 / 03 / 1985 ", D),
        ("12/03/1985 00:00", D),
        ("12031985", D),
        ("19850312", D),
        # two-digit years: 20yy unless that is after the reference year
        ("12-03-85", D),
        ("12/03/26", date(2026, 3, 12)),
        ("12/03/27", date(1927, 3, 12)),
        ("01/01/00", date(2000, 1, 1)),
        # the dmy order is impossible, the other is not
        ("03/25/1985", date(1985, 3, 25)),
        # month names, Indonesian and English, any case
        ("12 Maret 1985", D),
        ("12 MARET 1985", D),
        ("12 maret 85", D),
        ("12 MARET 85", D),
        ("12-Mar-1985", D),
        ("12 Mar. 1985", D),
        ("Maret 12, 1985", D),
        ("March 12, 1985", D),
        ("5 Agt 1990", date(1990, 8, 5)),
        ("5 Agu 1990", date(1990, 8, 5)),
        ("5 Ags 1990", date(1990, 8, 5)),
        ("5 Agustus 1990", date(1990, 8, 5)),
        # a weekday before the date, as letters and SKs write it
        ("Selasa, 12 Mei 2025", date(2025, 5, 12)),
        ("Jum'at 3 Januari 2025", date(2025, 1, 3)),
        ("Jumat, 03-01-2025", date(2025, 1, 3)),
        ("Tuesday, 12 May 2025", date(2025, 5, 12)),
        ("Senin", None),
        ("5 Aug 1990", date(1990, 8, 5)),
        ("1 Mei 1990", date(1990, 5, 1)),
        ("1 May 1990", date(1990, 5, 1)),
        ("17 Juni 1990", date(1990, 6, 17)),
        ("17 Juli 1990", date(1990, 7, 17)),
        ("2 Januari 1975", date(1975, 1, 2)),
        ("28 Februari 1975", date(1975, 2, 28)),
        ("28 Pebruari 1975", date(1975, 2, 28)),
        ("9 Sept 1999", date(1999, 9, 9)),
        ("9 Okt 1999", date(1999, 10, 9)),
        ("9 Oct 1999", date(1999, 10, 9)),
        ("30 Nop 1999", date(1999, 11, 30)),
        ("30 November 1999", date(1999, 11, 30)),
        ("31 Des 1999", date(1999, 12, 31)),
        ("31 Dec 1999", date(1999, 12, 31)),
        # Excel serial day numbers
        ("31118", D),
        ("31118.0", D),
        ("45658", date(2025, 1, 1)),
        # unreadable or empty
        (None, None),
        ("", None),
        ("  ", None),
        ("-", None),
        ("31-02-1985", None),
        ("32/13/1985", None),
        ("12 Bulan 1985", None),
        ("12 Tanggal 1985", None),
        ("2025", None),  # a year is not a date, and too small for a serial
        ("9999", None),
        ("80001", None),
        ("12-03-0985", None),  # year typo
        ("belum ada", None),
        ("1985-13-12", None),
    ],
)
def test_parse_date_dmy(raw, expected):
    assert parse_date(raw, "dmy", 2026) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # month names misspelt: a beginning of the name, one typo, two from eight letters (were None)
        ("12 Marett 1985", D),
        ("12 Mrt 1985", D),
        ("12 Mart 1985", D),
        ("12 Agusuts 1985", date(1985, 8, 12)),
        ("12 Agst 1985", date(1985, 8, 12)),
        ("12 Januar 1985", date(1985, 1, 12)),
        ("12 Januri 1985", date(1985, 1, 12)),
        ("12 Febuari 1985", date(1985, 2, 12)),
        ("12 Febru 1985", date(1985, 2, 12)),
        ("12 Aprl 1985", date(1985, 4, 12)),
        ("12 Jully 1985", date(1985, 7, 12)),
        ("12 Septembe 1985", date(1985, 9, 12)),
        ("12 Spetember 1985", date(1985, 9, 12)),
        ("12 Sepetember 1985", date(1985, 9, 12)),
        ("12 Okotber 1985", date(1985, 10, 12)),
        ("12 Novemver 1985", date(1985, 11, 12)),
        ("12 Desmber 1985", date(1985, 12, 12)),
        ("12 Dsember 1985", date(1985, 12, 12)),
        # as near to two months, or too short to tell: unreadable
        ("12 Jumi 1985", None),
        ("12 Juny 1985", None),
        ("12 Mai 1985", None),
        ("12 Ag 1985", None),
        # a month and a year without a day is no date (was 19 August 1985)
        ("Agustus 1985", None),
        ("Maret 1985", None),
        ("Maret 12 1985", D),
        # marks around a date typed as text (were None)
        ("'12-03-1985", D),
        ("12-03-1985.", D),
        ('"12 Maret 1985"', D),
        ("12 Maret '85", D),
        ("12th March 1985", D),
        # a US-locale timestamp keeps its time and AM/PM; the file's order decides the rest
        ("3/12/1985 12:00:00 AM", date(1985, 12, 3)),
    ],
)
def test_parse_date_misspelt_and_marked(raw, expected):
    assert parse_date(raw, "dmy", 2026) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("03/12/1985", D),
        ("3-12-85", D),
        # impossible as mdy, valid as dmy
        ("25/12/1985", date(1985, 12, 25)),
        # forms with a month name or a 4-digit year first ignore the order
        ("12 Maret 1985", D),
        ("1985-03-12", D),
        ("31118", D),
    ],
)
def test_parse_date_mdy(raw, expected):
    assert parse_date(raw, "mdy", 2026) == expected


def test_two_digit_year_follows_reference_year():
    assert parse_date("12/03/30", reference_year=2026) == date(1930, 3, 12)
    assert parse_date("12/03/30", reference_year=2030) == date(2030, 3, 12)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Sangatta, 12-03-1985", ("Sangatta", D)),
        ("SANGATTA,12/03/1985", ("Sangatta", D)),
        ("Sangatta / 12 Maret 1985", ("Sangatta", D)),
        ("Sangatta 12 Maret 1985", ("Sangatta", D)),
        ("Kutai Timur, 1985-03-12", ("Kutai Timur", D)),
        ("KUTAI  TIMUR ,  12-03-85", ("Kutai Timur", D)),
        ("Tanah Grogot, 5 Agt 1990", ("Tanah Grogot", date(1990, 8, 5))),
        ("Sangatta, Maret 12, 1985", ("Sangatta", D)),
        ("Sangatta - 12.03.1985", ("Sangatta", D)),
        ("Kab. Kutai Timur, 12-03-1985", ("Kab. Kutai Timur", D)),
        ("Sangatta, 31118", ("Sangatta", D)),
        # one side only
        ("Sangatta", ("Sangatta", None)),
        ("SANGATTA,", ("Sangatta", None)),
        ("12-03-1985", (None, D)),
        ("Maret 12, 1985", (None, D)),
        # date present but unreadable: the place is kept
        ("Sangatta, 31-02-1985", ("Sangatta", None)),
        ("Sangatta, -", ("Sangatta", None)),
        (None, (None, None)),
        ("", (None, None)),
        ("-", (None, None)),
    ],
)
def test_parse_birth(raw, expected):
    assert parse_birth(raw, "dmy", 2026) == expected


def test_parse_birth_mdy():
    assert parse_birth("Houston, 03/12/1985", "mdy", 2026) == ("Houston", D)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Sangatta, 12-03-1985", ("Sangatta", "12-03-1985")),
        ("Sangatta, Maret 12, 1985", ("Sangatta", "Maret 12, 1985")),
        ("Sangatta, 31-02-1985", ("Sangatta", "31-02-1985")),
        ("Sangatta", ("Sangatta", None)),
        ("12 Maret 1985", (None, "12 Maret 1985")),
        ("Sangatta, -", ("Sangatta", None)),
        (None, (None, None)),
    ],
)
def test_split_birth(raw, expected):
    assert split_birth(raw) == expected


# Web exports write timestamps. The date that counts is the calendar date in
# Indonesia (UTC+7 WIB, +8 WITA, +9 WIT), never the UTC date.
MAR12 = date(2024, 3, 12)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # an Indonesian offset is local time already: the date as written
        ("2024-03-12T00:00:00+08:00", MAR12),  # WITA midnight; in UTC it is 11 March
        ("2024-03-12T00:00:00+07:00", MAR12),
        ("2024-03-12T23:59:59+09:00", MAR12),
        ("2024-03-12T00:00:00.000+08:00", MAR12),
        ("2024-03-12T00:00:00.123456+0800", MAR12),
        ("2024-03-12 00:00:00+07", MAR12),  # PostgreSQL's text form
        ("2024-03-12 08:00 WITA", MAR12),
        ("2024-03-12T00:00:00+08:00 ", MAR12),
        # Z / UTC: an instant; local midnight stored in UTC is the day before, 15:00-17:00
        ("2024-03-12T00:00:00Z", MAR12),
        ("2024-03-12T00:00:00.000Z", MAR12),
        ("2024-03-12T10:23:11z", MAR12),
        ("2024-03-11T17:00:00Z", MAR12),  # WIB midnight
        ("2024-03-11T16:00:00.000Z", MAR12),  # WITA midnight
        ("2024-03-11T15:00:00Z", MAR12),  # WIT midnight
        ("2024-03-11T15:30:00Z", date(2024, 3, 11)),  # 22:30 WIB
        ("2024-03-11T20:00:00+00:00", MAR12),
        ("2024-03-12 00:00:00 UTC", MAR12),
        ("2024-03-11T12:00:00-05:00", MAR12),  # 17:00 UTC
        # epoch seconds / milliseconds and .NET dates (UTC instants)
        ("1710172800", MAR12),  # 2024-03-11T16:00:00Z
        ("1710172800000", MAR12),
        ("479433600000", D),  # 1985-03-12T00:00:00Z
        ("-315619200000", date(1960, 1, 1)),
        ("/Date(1710172800000)/", MAR12),
        # not timestamps
        ("2024-13-12T00:00:00+08:00", None),
        ("2024-03-12T25:00:00Z", None),
        ("2024-03-12T00:00:00+25:00", None),
    ],
)
def test_timestamps_give_the_indonesian_calendar_date(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["1985-03-12", "12/03/1985", "12 Maret 1985", "31118", "12031985", "Sangatta"])
def test_local_date_of_timestamp_leaves_plain_dates_alone(raw):
    assert local_date_of_timestamp(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the date first, the place after a comma (was: no place, date unreadable)
        ("12-03-1985, Samarinda", ("Samarinda", "12-03-1985")),
        ("12 Maret 1985, Kota Bangun", ("Kota Bangun", "12 Maret 1985")),
        # the date in brackets, or its label left on the place (were "Sangatta (", "Sangatta, Tgl")
        ("Sangatta (12-03-1985)", ("Sangatta", "12-03-1985")),
        ("Sangatta, Tgl 12-03-1985", ("Sangatta", "12-03-1985")),
        ("Sangatta, tgl. 12 Maret 1985", ("Sangatta", "12 Maret 1985")),
        ("Sangatta Tanggal Lahir 12-03-1985", ("Sangatta", "12-03-1985")),
        ("Sangatta, Kutai Timur, 12-03-1985", ("Sangatta, Kutai Timur", "12-03-1985")),
    ],
)
def test_split_birth_date_first_and_labels(raw, expected):
    assert split_birth(raw) == expected


E = date(2030, 5, 11)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # words before a certificate date and a remark after it (were None)
        ("s.d. 11-05-2030", E),
        ("s/d 11 Mei 2030", E),
        ("Berlaku s/d 11 Mei 2030", E),
        ("sampai dengan 11-05-2030", E),
        ("Sd. 11-05-2030", E),
        ("Tgl. 11-05-2030", E),
        ("11 Mei 2030 (5 thn)", E),
        ("11-05-2030 (expired)", E),
        # a period is no single date
        ("12-05-2025 s/d 11-05-2030", None),
        ("12/05/2025 - 11/05/2030", None),
        ("11 - 05 - 2030", E),
        ("Seumur hidup", None),
        ("Sd", None),
    ],
)
def test_parse_date_certificate_words(raw, expected):
    assert parse_date(raw, "dmy", 2036) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12-05-2025 s/d 11-05-2030", (date(2025, 5, 12), E)),
        ("12/05/2025 - 11/05/2030", (date(2025, 5, 12), E)),
        ("12 Mei 2025 \u2013 11 Mei 2030", (date(2025, 5, 12), E)),
        ("2025-05-12 s.d. 2030-05-11", (date(2025, 5, 12), E)),
        ("12-05-2025 sampai 11-05-2030", (date(2025, 5, 12), E)),
        ("11 - 05 - 2030", (E, E)),
        ("11-05-2030", (E, E)),
        ("12-05-2025 s/d seumur hidup", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_date_span(raw, expected):
    assert parse_date_span(raw, "dmy", 2036) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the date first, the place after a slash, a dash or a space (were: no place, date unreadable)
        ("12 Maret 1985 / Sangatta", ("Sangatta", date(1985, 3, 12))),
        ("12-03-1985 / Sangatta", ("Sangatta", date(1985, 3, 12))),
        ("12-03-1985 Sangatta", ("Sangatta", date(1985, 3, 12))),
        ("12 Mei 1985 KUTAI TIMUR", ("Kutai Timur", date(1985, 5, 12))),
        # the age written after the date (were: place read, date unreadable)
        ("Sangatta,  12-03-1985 (38 th)", ("Sangatta", date(1985, 3, 12))),
        ("Samarinda, 5 Juni 1990 (35 Th)", ("Samarinda", date(1990, 6, 5))),
        ("Sangatta, 12-03-1985 / 40 thn", ("Sangatta", date(1985, 3, 12))),
        ("Sangatta, 12-03-1985 Usia 40", ("Sangatta", date(1985, 3, 12))),
        ("Bontang, 01-07-1979 umur: 46 tahun", ("Bontang", date(1979, 7, 1))),
        # unchanged: no place, a time and its zone, a two-digit year
        ("1985-03-12 00:00:00", (None, date(1985, 3, 12))),
        ("12-Mar-85", (None, date(1985, 3, 12))),
        ("SANGATTA,12/03/85", ("Sangatta", date(1985, 3, 12))),
        ("Sangatta / 12 Maret 1985", ("Sangatta", date(1985, 3, 12))),
        ("31119", (None, date(1985, 3, 13))),  # Excel serial, epoch 1899-12-30
        ("00-00-1985", (None, None)),  # only the year known: no date
    ],
)
def test_parse_birth_place_after_date_and_age_after_it(raw, expected):
    assert parse_birth(raw, "dmy", 2026) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # an issue or expiry date led by its word (were unreadable)
        ("Terbit 12-06-2025", date(2025, 6, 12)),
        ("Terbit tgl. 12-06-2025", date(2025, 6, 12)),
        ("Sudah terbit pada 12 Juni 2025", date(2025, 6, 12)),
        ("Ditetapkan: 12-06-2025", date(2025, 6, 12)),
        ("Exp 11-06-2030", date(2030, 6, 11)),
        # a letter O for a zero in a numeric date (were unreadable)
        ("12-O6-2025", date(2025, 6, 12)),
        ("O1/03/1985", date(1985, 3, 1)),
        # unchanged: month names with an O, a word alone, a year alone
        ("Okt 12, 1985", date(1985, 10, 12)),
        ("12 Okt 1985", date(1985, 10, 12)),
        ("Terbit", None),
        ("TERBIT 2025", None),
        ("s.d. 12-06-2030", date(2030, 6, 12)),
    ],
)
def test_parse_date_led_by_its_word_and_letter_o(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # JavaScript's Date.toString(), as an Apps Script joining getValues() writes a sheet's dates
        ("Mon Feb 14 2022 00:00:00 GMT+0700 (Western Indonesia Time)", date(2022, 2, 14)),
        ("Wed May 10 2023 00:00:00 GMT+0800 (Waktu Indonesia Tengah)", date(2023, 5, 10)),
        ("Thu Jul 01 2021 00:00:00 GMT+0900 (Eastern Indonesia Time)", date(2021, 7, 1)),
        # a server in UTC: the instant, dated in Indonesia
        ("Tue May 09 2023 17:00:00 GMT+0000 (Coordinated Universal Time)", date(2023, 5, 10)),
        # toUTCString() and HTTP dates
        ("Wed, 10 May 2023 00:00:00 GMT", date(2023, 5, 10)),
        ("Tue, 09 May 2023 17:00:00 GMT", date(2023, 5, 10)),
        ("Tue, 09 May 2023 12:00:00 GMT", date(2023, 5, 9)),
        # a web panel's datetime with the Indonesian zone
        ("15-06-2023 09:00 WITA", date(2023, 6, 15)),
        ("10 Mei 2023 pukul 09.00 WIB", date(2023, 5, 10)),
        ("Jum'at, 12 Mei 2023 pukul 10.00 WIB", date(2023, 5, 12)),
        ("10 Mei 2023, 09:00 WIT", date(2023, 5, 10)),
        ("10/05/2023 05:00 PM UTC", date(2023, 5, 11)),
        # no zone, or no date: as before
        ("10/05/2023 12:00:00 AM", date(2023, 5, 10)),
        ("Mon 00:00:00 GMT+0700", None),
        ("Foo 31 2023 00:00:00 GMT", None),
    ],
)
def test_a_written_datetime_with_its_zone(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "place", "when"),
    [
        # the place in brackets after the date (was: no place, the date unreadable with it)
        ("12-03-1985 (Semarang)", "Semarang", "12-03-1985"),
        ("12 Maret 1985 (Kab. Kendal)", "Kab. Kendal", "12 Maret 1985"),
        ("12/03/1985 [Salatiga]", "Salatiga", "12/03/1985"),
        # as before
        ("12-03-1985 Semarang", "Semarang", "12-03-1985"),
        ("12 Maret 1985 / Sangatta", "Sangatta", "12 Maret 1985"),
        ("12-03-1985, Samarinda", "Samarinda", "12-03-1985"),
        ("Semarang, 12-03-1985", "Semarang", "12-03-1985"),
        ("12-03-1985 (38 th)", None, "12-03-1985"),
    ],
)
def test_birth_date_before_its_place(raw, place, when):
    assert split_birth(raw) == (place, when)
