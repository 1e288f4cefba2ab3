"""Frame-level standardization (standardize.record.standardize_submission)."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pytest

from sources.headers import PROVENANCE_COLUMNS, RAW_COLUMNS
from standardize.record import (
    FLAGS,
    OUTPUT_COLUMNS,
    QUARANTINE_COLUMNS,
    REASONS,
    StandardizeResult,
    standardize_submission,
)

REFERENCE = date(2026, 6, 1)
SHA = "ab" * 32

# One office sheet as a reader hands it over: text or None, with the usual mess.
# source_row is the Excel row number; the title and header rows take 1-4.
RAW_ROWS: list[dict[str, str | None]] = [
    # 5: clean expert, birth in one cell, level only in the jabatan kerja
    dict(
        nama="H. AHMAD YANI, ST",
        nik="6408011203850001",
        tempat_tanggal_lahir="Sangatta, 12-03-1985",
        jenis_kelamin="L",
        jabatan_kerja="AHLI MUDA TEKNIK JALAN",
        kualifikasi="Ahli",
        hasil="K",
        nomor_sertifikat="1.2.3 4",
        tanggal_terbit="2025-05-01",
        masa_berlaku="2030-05-01",
        program="Sertifikasi Tahap I 2025",
    ),
    # 6: NIK typed as a number into Excel; split birth columns
    dict(
        nama="SITI NURHALIZA, S.Pd",
        nik="6.40801520385001e+15",
        tempat_lahir="tanah grogot",
        tanggal_lahir="5 Agt 1990",
        jenis_kelamin="P",
        jabatan_kerja="Pelaksana Lapangan Pekerjaan Gedung",
        jenjang="Jenjang 6",
        hasil="BK",
        nomor_sertifikat="dalam proses",
        program="Tahap I",
        tahun="2025.0",
    ),
    # 7: NIK from a CSV export that showed 6 digits
    dict(
        nama="muh. rizki",
        nik="6,40801E+15",
        tempat_tanggal_lahir="Balikpapan 12 Maret 95",
        jenis_kelamin="LK",
        jabatan_kerja="Operator excavator",
        jenjang="III",
        hasil="Kompeten (K)",
        tahun="TA 2025",
    ),
    # 8: 15-digit NIK and a row full of unreadable cells
    dict(
        nama="Mochammad Ma'ruf",
        nik="640801120385001",
        tempat_tanggal_lahir="Sengeti, 31-02-1985",
        jenis_kelamin="X",
        jabatan_kerja="Operator Crane",
        jenjang="2",
        hasil="??",
        tanggal_terbit="kemarin",
        masa_berlaku="seumur hidup",
        program="BIMTEK 2024",
        tahun="dua ribu",
    ),
    # 9: no NIK; not assessed; certificate pending
    dict(
        nama="RIZKY PRATAMA",
        nik="-",
        tempat_tanggal_lahir="Palembang, 07.08.1988",
        jenis_kelamin="Pria",
        jabatan_kerja="Operator Bulldozer",
        jenjang="Level 3",
        hasil="Tidak Hadir",
        tanggal_terbit="dalam proses",
    ),
    # 10: impossible NIK (month 13); year only from the issue date (an Excel serial)
    dict(
        nama="Budi Santoso ST MT",
        nik="6408011213850001",
        jenis_kelamin="M",
        jabatan_kerja="Mandor",
        jenjang="4",
        hasil="Lulus",
        nomor_sertifikat="skk-2025-001",
        tanggal_terbit="45778",
    ),
    # 11: a woman's NIK (day 52) on a row that says L
    dict(
        nama="Dewi Lestari",
        nik="6408015203850001",
        tempat_lahir="Sangatta",
        tanggal_lahir="1985-03-12",
        jenis_kelamin="L",
        jabatan_kerja="Tukang Besi Beton",
        jenjang="2",
        hasil="K",
    ),
    # 12: the NIK of row 5 copied down: its birth date is not this person's
    dict(
        nama="Hendra Gunawan",
        nik="'6408 0112 0385 0001",
        tempat_lahir="Samarinda",
        tanggal_lahir="01/01/1990",
        jenis_kelamin="L",
        jabatan_kerja="Tukang Kayu",
        jenjang="Jenjang 2",
        hasil="Kompeten",
    ),
    # 13: Papua NIK (prefix 91), a woman born 05-06-1990
    dict(
        nama="YULIANA WENDA",
        nik="9101014506900002",
        tempat_tanggal_lahir="Jayapura, 5 Juni 1990",
        jenis_kelamin="P",
        jabatan_kerja="Ahli Madya Teknik Jembatan",
        jenjang="KKNI 8",
        hasil="Kompeten",
        masa_berlaku="5 Juni 2030",
        program="Sertifikasi Ahli",
        tahun="2025",
    ),
    # 14-15, 17-18: quarantine
    dict(nama=None, nik="0", jenjang="3", program="Tahap I"),  # no identity
    dict(nama="-", nik=None, jabatan_kerja="Operator Excavator"),  # no identity before participation
    # 16: attendance-list row: no level, no result, no certificate -> participation_only
    dict(nama="Andi", nik="6408011203900003", jabatan_kerja="Operator Excavator"),
    dict(nama="Rina", nik="6408015203900004", kualifikasi="Teknisi", jabatan_kerja="Quantity Surveyor Madya"),
    dict(nama="Lina", nik="6408015203900005", jenjang="Muda", jabatan_kerja="Arsitek Muda"),
    # 19-21: a result or a certificate without a level is still jenjang_missing
    dict(nama="Budi", nik="6408011203900006", jabatan_kerja="Operator Excavator", hasil="Kompeten"),
    dict(nama="Citra", nik="6408015203900007", jabatan_kerja="Tukang Batu", hasil="BK"),
    dict(nama="Dedi", nik="6408011203900008", jabatan_kerja="Mandor", nomor_sertifikat="SKK-001"),
    # 22-23: participation rows whose Keterangan says who was absent or present, not a result
    dict(nama="Eka", nik="6408015203900009", jabatan_kerja="Tukang Kayu", hasil="Tidak hadir",
         program="Daftar Hadir Bimtek 2025"),  # fmt: skip
    dict(nama="FAJAR", nik=None, jabatan_kerja="TUKANG BESI", hasil="Hadir"),
]
FIRST_ROW = 5


def raw_frame(rows: list[dict[str, str | None]] = RAW_ROWS, first_row: int = FIRST_ROW) -> pd.DataFrame:
    records = []
    for offset, row in enumerate(rows):
        provenance = {
            "office_id": "kutim",
            "source_file": "peserta_2025.xlsx",
            "source_sha256": SHA,
            "source_sheet": "Tahap I",
            "source_row": first_row + offset,
        }
        records.append({**provenance, **{column: row.get(column) for column in RAW_COLUMNS}})
    return pd.DataFrame(records)


def _plain(value):
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, np.integer):
        return int(value)
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    return [{key: _plain(value) for key, value in row.items()} for row in frame.to_dict("records")]


def expected_row(**values) -> dict:
    row = {column: None for column in OUTPUT_COLUMNS}
    row["flags"] = ""
    row.update(values)
    return row


EXPECTED_ROWS = {
    5: expected_row(
        nik="6408011203850001",
        nik_status="valid",
        nama="Ahmad Yani",
        gelar="H., S.T.",
        nama_kunci="ahmad yani",
        tempat_lahir="Sangatta",
        tanggal_lahir=date(1985, 3, 12),
        jenis_kelamin="L",
        jabatan_kerja="Ahli Muda Teknik Jalan",
        jenjang=7,
        kualifikasi="Ahli",
        hasil="Kompeten",
        nomor_sertifikat="1.2.34",
        tanggal_terbit=date(2025, 5, 1),
        masa_berlaku=date(2030, 5, 1),
        program="Sertifikasi Tahap I 2025",
        tahun=2025,
    ),
    6: expected_row(
        nik_status="excel_truncated",
        nik_partial="640801520385001",
        nama="Siti Nurhaliza",
        gelar="S.Pd.",
        nama_kunci="siti nurhaliza",
        tempat_lahir="Tanah Grogot",
        tanggal_lahir=date(1990, 8, 5),
        jenis_kelamin="P",
        jabatan_kerja="Pelaksana Lapangan Pekerjaan Gedung",
        jenjang=6,
        kualifikasi="Teknisi/Analis",
        hasil="Belum Kompeten",
        program="Tahap I",
        tahun=2025,
        flags="nik_excel_truncated",
    ),
    7: expected_row(
        nik_status="scientific_notation",
        nik_partial="64080",
        nama="Muh. Rizki",
        nama_kunci="muhammad rizki",
        tempat_lahir="Balikpapan",
        tanggal_lahir=date(1995, 3, 12),
        jenis_kelamin="L",
        jabatan_kerja="Operator Excavator",
        jenjang=3,
        kualifikasi="Operator",
        hasil="Kompeten",
        tahun=2025,
        flags="nik_scientific_notation",
    ),
    8: expected_row(
        nik_status="wrong_length",
        nik_partial="640801120385001",
        nama="Mochammad Ma'ruf",
        nama_kunci="muhammad maruf",
        tempat_lahir="Sengeti",
        jabatan_kerja="Operator Crane",
        jenjang=2,
        kualifikasi="Operator",
        program="BIMTEK 2024",
        tahun=2024,
        flags=(
            "hasil_unreadable;jenis_kelamin_unreadable;masa_berlaku_unreadable;nik_wrong_length;"
            "tahun_unreadable;tanggal_lahir_unreadable;tanggal_terbit_unreadable"
        ),
    ),
    9: expected_row(
        nik_status="missing",
        nama="Rizky Pratama",
        nama_kunci="rizki pratama",
        tempat_lahir="Palembang",
        tanggal_lahir=date(1988, 8, 7),
        jenis_kelamin="L",
        jabatan_kerja="Operator Bulldozer",
        jenjang=3,
        kualifikasi="Operator",
        flags="nik_missing",
    ),
    10: expected_row(
        nik_status="invalid",
        nik_partial="6408011213850001",
        nama="Budi Santoso",
        gelar="S.T., M.T.",
        nama_kunci="budi santoso",
        jenis_kelamin="L",
        jabatan_kerja="Mandor",
        jenjang=4,
        kualifikasi="Teknisi/Analis",
        hasil="Kompeten",
        nomor_sertifikat="SKK-2025-001",
        tanggal_terbit=date(2025, 5, 1),
        tahun=2025,
        flags="nik_invalid",
    ),
    11: expected_row(
        nik="6408015203850001",
        nik_status="valid",
        nama="Dewi Lestari",
        nama_kunci="dewi lestari",
        tempat_lahir="Sangatta",
        tanggal_lahir=date(1985, 3, 12),
        jenis_kelamin="L",
        jabatan_kerja="Tukang Besi Beton",
        jenjang=2,
        kualifikasi="Operator",
        hasil="Kompeten",
        flags="nik_jenis_kelamin_mismatch",
    ),
    12: expected_row(
        nik="6408011203850001",
        nik_status="valid",
        nama="Hendra Gunawan",
        nama_kunci="hendra gunawan",
        tempat_lahir="Samarinda",
        tanggal_lahir=date(1990, 1, 1),
        jenis_kelamin="L",
        jabatan_kerja="Tukang Kayu",
        jenjang=2,
        kualifikasi="Operator",
        hasil="Kompeten",
        flags="nik_tanggal_lahir_mismatch",
    ),
    13: expected_row(
        nik="9101014506900002",
        nik_status="valid",
        nama="Yuliana Wenda",
        nama_kunci="yuliana wenda",
        tempat_lahir="Jayapura",
        tanggal_lahir=date(1990, 6, 5),
        jenis_kelamin="P",
        jabatan_kerja="Ahli Madya Teknik Jembatan",
        jenjang=8,
        kualifikasi="Ahli",
        hasil="Kompeten",
        masa_berlaku=date(2030, 6, 5),
        program="Sertifikasi Ahli",
        tahun=2025,
    ),
    # participation rows: null jenjang, kualifikasi and hasil, flagged, kept
    16: expected_row(
        nik="6408011203900003",
        nik_status="valid",
        nama="Andi",
        nama_kunci="andi",
        jabatan_kerja="Operator Excavator",
        flags="participation_only",
    ),
    22: expected_row(
        nik="6408015203900009",
        nik_status="valid",
        nama="Eka",
        nama_kunci="eka",
        jabatan_kerja="Tukang Kayu",
        program="Daftar Hadir Bimtek 2025",
        tahun=2025,
        flags="participation_only",
    ),
    23: expected_row(
        nik_status="missing",
        nama="Fajar",
        nama_kunci="fajar",
        jabatan_kerja="Tukang Besi",
        flags="nik_missing;participation_only",
    ),
}

EXPECTED_QUARANTINE = {
    14: ("", None, "no_identity"),
    15: ("", None, "no_identity"),
    17: ("kualifikasi", "Teknisi", "jenjang_unreadable"),
    18: ("jenjang", "Muda", "jenjang_unreadable"),
    19: ("jenjang", None, "jenjang_missing"),
    20: ("jenjang", None, "jenjang_missing"),
    21: ("jenjang", None, "jenjang_missing"),
}

# An unreadable level says what its cell lacks, in both languages.
EXPECTED_REASONS = {
    17: "Jenjang tidak dapat dibaca: 'Teknisi' hanya kualifikasi Teknisi/Analis (4-6), tanpa jenjang: tulis jenjang"
        " 1-9 / level value present but not understood: 'Teknisi' names the kualifikasi Teknisi/Analis (4-6) but"
        " not the jenjang: write the jenjang 1-9",
    18: "Jenjang tidak dapat dibaca: 'Muda' tanpa kata Ahli (Ahli Muda 7, Ahli Madya 8, Ahli Utama 9) / level value"
        " present but not understood: 'Muda' without the word Ahli (Ahli Muda 7, Ahli Madya 8, Ahli Utama 9);"
        " technician titles use it too",
}


@pytest.fixture(scope="module")
def result() -> StandardizeResult:
    return standardize_submission(raw_frame(), date_order="dmy", reference_date=REFERENCE)


def test_columns_and_dtypes(result):
    assert list(result.rows.columns) == [*PROVENANCE_COLUMNS, *OUTPUT_COLUMNS]
    assert list(result.quarantine.columns) == [*PROVENANCE_COLUMNS, *QUARANTINE_COLUMNS]
    dtypes = {column: str(dtype) for column, dtype in result.rows.dtypes.items()}
    for column in ("tanggal_lahir", "tanggal_terbit", "masa_berlaku", "waktu_respons"):
        assert dtypes[column] == "datetime64[ms]"
    for column in ("jenjang", "tahun"):
        assert dtypes[column] == "Int64"
    for column in OUTPUT_COLUMNS:
        if column not in ("tanggal_lahir", "tanggal_terbit", "masa_berlaku", "waktu_respons", "jenjang", "tahun"):
            assert dtypes[column] == "str", column
    for column in QUARANTINE_COLUMNS:
        assert str(result.quarantine[column].dtype) == "str"


@pytest.mark.parametrize("source_row", sorted(EXPECTED_ROWS))
def test_row_values(result, source_row):
    rows = {row["source_row"]: row for row in records(result.rows)}
    got = {column: rows[source_row][column] for column in OUTPUT_COLUMNS}
    assert got == EXPECTED_ROWS[source_row]


def test_provenance_kept(result):
    first = records(result.rows)[0]
    assert {column: first[column] for column in PROVENANCE_COLUMNS} == {
        "office_id": "kutim",
        "source_file": "peserta_2025.xlsx",
        "source_sha256": SHA,
        "source_sheet": "Tahap I",
        "source_row": 5,
    }
    assert result.rows["source_row"].tolist() == sorted(EXPECTED_ROWS)


@pytest.mark.parametrize("source_row", sorted(EXPECTED_QUARANTINE))
def test_quarantine_rows(result, source_row):
    rows = {row["source_row"]: row for row in records(result.quarantine)}
    row = rows[source_row]
    column, value, rule = EXPECTED_QUARANTINE[source_row]
    assert (row["column"], row["value"], row["rule"], row["reason"]) == (
        column, value, rule, EXPECTED_REASONS.get(source_row, REASONS[rule])
    )
    raw_values = RAW_ROWS[source_row - FIRST_ROW]
    assert json.loads(row["raw"]) == {column: raw_values.get(column) for column in RAW_COLUMNS}
    assert (row["office_id"], row["source_file"], row["source_sheet"]) == ("kutim", "peserta_2025.xlsx", "Tahap I")


def test_quarantine_raw_is_json_dumps(result):
    raw = result.quarantine.loc[result.quarantine["source_row"] == 17, "raw"].item()
    assert raw == json.dumps(
        {column: RAW_ROWS[17 - FIRST_ROW].get(column) for column in RAW_COLUMNS}, ensure_ascii=False
    )


def test_reasons_are_bilingual():
    assert REASONS["no_identity"] == "Nama dan NIK kosong / name and NIK both empty"
    assert all(" / " in reason for reason in REASONS.values())


def test_every_row_accounted_for_once(result):
    kept = result.rows["source_row"].tolist()
    quarantined = result.quarantine["source_row"].tolist()
    assert len(kept) + len(quarantined) == len(RAW_ROWS)
    assert sorted(kept + quarantined) == list(range(FIRST_ROW, FIRST_ROW + len(RAW_ROWS)))
    assert not set(kept) & set(quarantined)


def test_flags_are_known_codes(result):
    used = {code for text in result.rows["flags"] for code in text.split(";") if code}
    assert used <= set(FLAGS)
    assert not result.rows["flags"].isna().any()


def test_parquet_round_trip(result, tmp_path):
    path = tmp_path / "rows.parquet"
    result.rows.to_parquet(path)
    pd.testing.assert_frame_equal(pd.read_parquet(path), result.rows)
    path = tmp_path / "quarantine.parquet"
    result.quarantine.to_parquet(path)
    pd.testing.assert_frame_equal(pd.read_parquet(path), result.quarantine)


@pytest.mark.parametrize(
    ("date_order", "tanggal_lahir", "expected"),
    [
        pytest.param("dmy", "03/12/1985", date(1985, 12, 3), id="dmy-day-first"),
        pytest.param("mdy", "03/12/1985", date(1985, 3, 12), id="mdy-month-first"),
        pytest.param("mdy", "25/12/1985", date(1985, 12, 25), id="mdy-impossible-falls-back-to-dmy"),
    ],
)
def test_date_order(date_order, tanggal_lahir, expected):
    frame = raw_frame([dict(nama="Andi", nik="-", tanggal_lahir=tanggal_lahir, jenjang="3")])
    rows = standardize_submission(frame, date_order=date_order, reference_date=REFERENCE).rows
    assert rows["tanggal_lahir"].dt.date.tolist() == [expected]


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        pytest.param(date(2026, 1, 1), 1927, id="27-after-2026-is-1927"),
        pytest.param(date(2030, 1, 1), 2027, id="27-by-2030-is-2027"),
    ],
)
def test_reference_date_sets_century(reference, expected):
    frame = raw_frame([dict(nama="Andi", tanggal_lahir="12-03-27", jenjang="3")])
    rows = standardize_submission(frame, reference_date=reference).rows
    assert rows["tanggal_lahir"].dt.year.tolist() == [expected]


@pytest.mark.parametrize(
    ("column", "raw", "expected"),
    [
        # an expiry lies ahead: two-digit years pivot ten years after the reference year
        pytest.param("masa_berlaku", "01-05-30", date(2030, 5, 1), id="masa_berlaku-30-is-2030"),
        pytest.param("masa_berlaku", "01-05-36", date(2036, 5, 1), id="masa_berlaku-36-is-2036"),
        pytest.param("masa_berlaku", "01-05-37", date(1937, 5, 1), id="masa_berlaku-37-is-1937"),
        # issue dates and birth dates pivot at the reference year itself
        pytest.param("tanggal_terbit", "01-05-26", date(2026, 5, 1), id="tanggal_terbit-26-is-2026"),
        pytest.param("tanggal_terbit", "01-05-30", date(1930, 5, 1), id="tanggal_terbit-30-is-1930"),
        pytest.param("tanggal_lahir", "01-05-30", date(1930, 5, 1), id="tanggal_lahir-30-is-1930"),
    ],
)
def test_two_digit_year_pivot_per_column(column, raw, expected):
    frame = raw_frame([{"nama": "Andi", "jenjang": "3", column: raw}])
    rows = standardize_submission(frame, reference_date=REFERENCE).rows
    assert rows[column].dt.date.tolist() == [expected]


def test_split_columns_win_over_combined_cell_per_row():
    frame = raw_frame(
        [
            dict(nama="A", tempat_tanggal_lahir="Sangatta, 12-03-1985", tanggal_lahir="01-01-1990", jenjang="3"),
            dict(nama="B", tempat_tanggal_lahir="Sangatta, 12-03-1985", tempat_lahir="Bontang", jenjang="3"),
            dict(nama="C", tempat_tanggal_lahir="Sangatta, 12-03-1985", tanggal_lahir="-", jenjang="3"),
        ]
    )
    rows = standardize_submission(frame, reference_date=REFERENCE).rows
    assert rows["tempat_lahir"].tolist() == ["Sangatta", "Bontang", "Sangatta"]
    assert rows["tanggal_lahir"].dt.date.tolist() == [date(1990, 1, 1), date(1985, 3, 12), date(1985, 3, 12)]


def test_absent_and_all_none_columns():
    frame = raw_frame([dict(nama="ANDI", nik="6408011203900003", jenjang="3")]).drop(columns=["tahun", "hasil"])
    result = standardize_submission(frame, reference_date=REFERENCE)
    assert records(result.rows)[0]["nama"] == "Andi"
    assert records(result.rows)[0]["hasil"] is None
    # no row of the sheet records a result or a certificate: a participation list
    assert records(result.rows)[0]["flags"] == "participation_only"


def test_string_dtype_input():
    """pandas 3 builds "str" columns (NaN for missing) from lists of text: same result as object input."""
    frame = raw_frame()
    as_str = frame.astype({column: "str" for column in RAW_COLUMNS})
    expected = standardize_submission(frame, reference_date=REFERENCE)
    got = standardize_submission(as_str, reference_date=REFERENCE)
    pd.testing.assert_frame_equal(got.rows, expected.rows)
    pd.testing.assert_frame_equal(got.quarantine, expected.quarantine)


def test_empty_frame():
    result = standardize_submission(raw_frame([]), reference_date=REFERENCE)
    assert len(result.rows) == 0 and len(result.quarantine) == 0
    assert list(result.rows.columns) == [*PROVENANCE_COLUMNS, *OUTPUT_COLUMNS]
    assert list(result.quarantine.columns) == [*PROVENANCE_COLUMNS, *QUARANTINE_COLUMNS]


def test_every_row_accounted_for_at_scale():
    """Repeated rows: results are spread back per row, in input order, with nothing lost."""
    frame = raw_frame(RAW_ROWS * 50)
    result = standardize_submission(frame, reference_date=REFERENCE)
    assert len(result.rows) == 12 * 50 and len(result.quarantine) == 7 * 50
    assert sorted(result.rows["source_row"].tolist() + result.quarantine["source_row"].tolist()) == list(
        range(FIRST_ROW, FIRST_ROW + len(frame))
    )
    by_row = records(result.rows)
    for row in by_row:
        original = FIRST_ROW + (row["source_row"] - FIRST_ROW) % len(RAW_ROWS)
        assert {column: row[column] for column in OUTPUT_COLUMNS} == EXPECTED_ROWS[original]


@pytest.mark.parametrize(
    ("sheet_rows", "expected_flags"),
    [
        # an attendance list whose jabatan kerja gives the level: every row participation only
        pytest.param(
            [dict(nama="A", jabatan_kerja="Ahli Muda Teknik Jalan"), dict(nama="B", jabatan_kerja="Tukang Batu")],
            ["participation_only", "participation_only"],
            id="attendance-list",
        ),
        # a recap: its not-yet-assessed row with a level is not flagged, the level-less one is
        pytest.param(
            [
                dict(nama="A", jenjang="3", hasil="K", nomor_sertifikat="C-1"),
                dict(nama="B", jenjang="3", hasil="dalam proses"),
                dict(nama="C", jabatan_kerja="Tukang Batu", hasil="Tidak hadir"),
            ],
            ["", "", "participation_only"],
            id="recap",
        ),
        # a certificate number alone is a record: the sheet is no participation list (and the
        # certificate, with no result written, says Kompeten)
        pytest.param(
            [dict(nama="A", jenjang="7", nomor_sertifikat="1.2.3"), dict(nama="B", jenjang="7")],
            ["hasil_from_certificate", ""],
            id="certificate-number-only",
        ),
    ],
)
def test_participation_only_per_row_and_per_sheet(sheet_rows, expected_flags):
    sheet_rows = [{**row, "nik": f"64080112039000{i + 11}"} for i, row in enumerate(sheet_rows)]
    result = standardize_submission(raw_frame(sheet_rows), reference_date=REFERENCE)
    assert result.quarantine.empty
    assert result.rows["flags"].tolist() == expected_flags


@pytest.mark.parametrize(
    ("cells", "hasil", "flags"),
    [
        # a list of certificate holders: no result column, a certificate on each row
        pytest.param(dict(nomor_sertifikat="SKK-6408-2023-000123"), "Kompeten", "hasil_from_certificate", id="number"),
        pytest.param(dict(tanggal_terbit="12-05-2023"), "Kompeten", "hasil_from_certificate", id="issue-date"),
        pytest.param(dict(masa_berlaku="12-05-2028"), "Kompeten", "hasil_from_certificate", id="expiry"),
        # a result written wins, whatever the certificate cells say
        pytest.param(dict(hasil="BK", nomor_sertifikat="SKK-9"), "Belum Kompeten", "", id="result-written"),
        # not assessed, or pending: no result, and the certificate cell does not make one
        pytest.param(dict(hasil="tidak hadir", nomor_sertifikat="SKK-10"), None, "", id="not-assessed"),
        pytest.param(dict(hasil="dalam proses", nomor_sertifikat="SKK-11"), None, "", id="pending"),
        # "TERBIT": issued, the number to follow (DOMAIN: numbers arrive weeks later)
        pytest.param(dict(nomor_sertifikat="TERBIT"), "Kompeten", "hasil_from_certificate", id="issued"),
        # "dalam proses": not issued yet, no result to count
        pytest.param(dict(nomor_sertifikat="dalam proses"), None, "participation_only", id="in-process"),
        pytest.param(dict(nomor_sertifikat="Sertifikat sudah terbit"), "Kompeten", "hasil_from_certificate", id="issued-words"),
        # a remark without a digit is no number: it made a Kompeten of the row before
        pytest.param(dict(nomor_sertifikat="Proses cetak"), None, "participation_only", id="remark"),
        pytest.param(dict(nomor_sertifikat="Tidak Terbit"), None, "participation_only", id="not-issued"),
    ],
)
def test_a_certificate_without_a_result_is_kompeten(cells, hasil, flags):
    row = {"nama": "Budi Santoso", "nik": "6408011203900011", "jenjang": "5", **cells}
    rows = standardize_submission(raw_frame([row]), reference_date=REFERENCE).rows
    assert (None if pd.isna(rows["hasil"].iloc[0]) else rows["hasil"].iloc[0], rows["flags"].iloc[0]) == (hasil, flags)


def test_participation_sheets_are_per_file_and_sheet():
    """A recap sheet and an attendance sheet in one workbook are judged apart."""
    a, b = dict(nama="A", nik="6408011203900011", jenjang="3"), dict(nama="B", nik="6408011203900012", jenjang="3")
    recap = raw_frame([{**a, "hasil": "K"}, b])
    attendance = raw_frame([a, b])
    attendance["source_sheet"] = "DH Bengalon"
    other_file = raw_frame([a])
    other_file["source_sha256"] = "cd" * 32
    rows = standardize_submission(pd.concat([recap, attendance, other_file], ignore_index=True), reference_date=REFERENCE).rows
    assert rows["flags"].tolist() == ["", "", "participation_only", "participation_only", "participation_only"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param(["L", "P", "P"], ["L", "P", "P"], id="L-P"),  # the national L/P habit: P is Perempuan
        pytest.param(["P", "P"], ["P", "P"], id="P-alone"),  # P alone: Perempuan
        pytest.param(["P", "W", "P"], ["L", "P", "L"], id="P-W"),  # a P/W sheet (Pria/Wanita): P is the man
        pytest.param(["Pria", "Wanita", "P"], ["L", "P", "L"], id="Pria-Wanita"),
        # L/P words present: P stays Perempuan
        pytest.param(["P", "W", "Laki-laki"], ["P", "P", "L"], id="P-W-with-Laki-laki"),
        pytest.param(["P", "Wanita", "Perempuan"], ["P", "P", "P"], id="P-Wanita-with-Perempuan"),
        pytest.param(["M", "F", "P"], ["L", "P", "P"], id="M-F"),  # English letters say nothing about P
    ],
)
def test_bare_p_follows_the_sheets_convention(written, expected):
    rows = [dict(nama=f"N{i}", nik=f"64080112039000{i + 11}", jenis_kelamin=sex, jenjang="3") for i, sex in enumerate(written)]
    result = standardize_submission(raw_frame(rows), reference_date=REFERENCE).rows
    assert result["jenis_kelamin"].tolist() == expected


def test_pria_wanita_is_decided_per_sheet_and_feeds_the_nik_check():
    # NIK day 12: a man. On a P/W sheet his "P" agrees with the NIK; on an L/P sheet it is a mismatch.
    man = dict(nama="Andi", nik="6408011203900011", jenis_kelamin="P", jenjang="3", hasil="BK")
    pw = raw_frame([man, dict(nama="Sri", nik="6408015203900012", jenis_kelamin="W", jenjang="3", hasil="BK")])
    lp = raw_frame([man, dict(nama="Budi", nik="6408011203900013", jenis_kelamin="L", jenjang="3", hasil="BK")])
    lp["source_sheet"] = "Tahap II"
    rows = standardize_submission(pd.concat([pw, lp], ignore_index=True), reference_date=REFERENCE).rows
    assert rows["jenis_kelamin"].tolist() == ["L", "P", "P", "L"]
    assert rows["flags"].tolist() == ["", "", "nik_jenis_kelamin_mismatch", ""]


@pytest.mark.parametrize(
    ("nama", "nik", "expected"),
    [
        # a NIK pasted into the name cell fills a blank NIK cell (was: NIK missing, the number in the name)
        ("AHMAD FAUZI (6408011203850001)", None, ("Ahmad Fauzi", "6408011203850001", "valid")),
        ("Ahmad Fauzi / NIK: 6408 0112 0385 0001", "-", ("Ahmad Fauzi", "6408011203850001", "valid")),
        ("6408011203850001", None, (None, "6408011203850001", "valid")),
        ("Ahmad Fauzi 640801120385000", None, ("Ahmad Fauzi", None, "wrong_length")),
        # the NIK cell wins when it holds anything
        ("AHMAD FAUZI (6408011203850001)", "6408015203900002", ("Ahmad Fauzi", "6408015203900002", "valid")),
        ("AHMAD FAUZI (6408011203850001)", "belum ada", ("Ahmad Fauzi", "6408011203850001", "valid")),  # says nothing
        ("AHMAD FAUZI (6408011203850001)", "12345", ("Ahmad Fauzi", None, "wrong_length")),
        # two numbers: neither is taken
        ("AHMAD 6408011203850001 6408011203850002", None, ("Ahmad", None, "missing")),
    ],
)
def test_a_nik_pasted_into_the_name(nama, nik, expected):
    raw = raw_frame([{"nama": nama, "nik": nik, "jenjang": "3", "hasil": "K"}])
    result = standardize_submission(raw, reference_date=REFERENCE)
    row = records(result.rows)[0]
    assert (row["nama"], row["nik"], row["nik_status"]) == expected


def test_a_validity_period_gives_issue_date_and_expiry():
    """'Masa Berlaku: 12-05-2025 s/d 11-05-2030' in either certificate column (was unreadable in both)."""
    period = "12-05-2025 s/d 11-05-2030"
    raw = raw_frame([{"nama": "Budi", "nik": "6408011203900011", "jenjang": "5", "hasil": "K",
                      "tanggal_terbit": period, "masa_berlaku": period}])
    row = records(standardize_submission(raw, reference_date=REFERENCE).rows)[0]
    assert (row["tanggal_terbit"], row["masa_berlaku"], row["flags"]) == (date(2025, 5, 12), date(2030, 5, 11), "")


@pytest.mark.parametrize(
    "cells, expected",
    [
        # Word's optional hyphen (U+00AD), invisible in Excel, inside the result, name and jabatan
        (dict(nama="SUPRI\u00adYADI", hasil="Kom\u00adpeten", jabatan_kerja="Ope\u00adrator Exca\u00advator"),
         dict(nama="Supriyadi", hasil="Kompeten", jabatan_kerja="Operator Excavator")),
        (dict(hasil="Belum Kom\u00adpeten"), dict(hasil="Belum Kompeten")),
        # a NIK kept on one line with Word's non-breaking hyphens (U+2011)
        (dict(nik="1802\u20110111\u20110482\u20110001"), dict(nik="1802011104820001", nik_status="valid")),
        # a zero-width joiner and a word joiner
        (dict(nama="RI\u200dNI AS\u2060TUTI"), dict(nama="Rini Astuti")),
    ],
)
def test_marks_no_one_sees_are_not_read(cells, expected):
    row = dict(nama="BUDI", nik="1802011104820001", jabatan_kerja="Tukang Batu", jenjang="2", hasil="Kompeten")
    result = standardize_submission(raw_frame([{**row, **cells}]), reference_date=REFERENCE)
    got = records(result.rows)[0]
    assert {k: got[k] for k in expected} == expected
