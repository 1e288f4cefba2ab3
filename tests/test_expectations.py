"""Data checks: each rule fed a violating row, with the exact outcome; a clean row passes everything."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from expectations.catalogue import rules
from expectations.feedback import neutralise
from expectations.published import check_headline, check_row_accounting
from expectations.submission import check_submissions, quarantine_rejected_files, revision_base
from expectations.validate import validate_rows
from sources.headers import RAW_COLUMNS
from sources.registry import load_registry

OFFICES = load_registry()
TODAY = date(2026, 6, 30)


def clean_row(**changes) -> dict:
    """A standardized Kutai Timur row that passes every row rule."""
    row = {
        "office_id": "kab-kutai-timur",
        "source_file": "mtu.xlsx",
        "source_sha256": "a" * 64,
        "source_sheet": "Bengalon",
        "source_row": 5,
        "nik": "6408015203850012",  # woman (52 = 12 + 40), born 1985-03-12, Kutai Timur
        "nik_status": "valid",
        "nik_partial": None,
        "nama": "Siti Aminah",
        "gelar": None,
        "nama_kunci": "siti aminah",
        "tempat_lahir": "Sangatta",
        "tanggal_lahir": pd.Timestamp("1985-03-12"),
        "jenis_kelamin": "P",
        "jabatan_kerja": "Tukang Besi Beton",
        "jenjang": 3,
        "kualifikasi": "Operator",
        "hasil": "Kompeten",
        "nomor_sertifikat": "SKK-6408-2025-000001",
        "tanggal_terbit": pd.Timestamp("2025-04-10"),
        "masa_berlaku": pd.Timestamp("2030-04-10"),
        "program": "Mobile Training Unit",
        "tahun": 2025,
        "flags": "",
    }
    row.update(changes)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    out = pd.DataFrame(list(rows))
    for column in ("tanggal_lahir", "tanggal_terbit", "masa_berlaku"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ms]")
    for column in ("jenjang", "tahun"):
        out[column] = out[column].astype("Int64")
    return out


def test_clean_row_passes_every_row_rule():
    result = validate_rows(frame(clean_row()), OFFICES["kab-kutai-timur"], TODAY)
    assert [o.rule for o in result.outcomes if not o.success] == []
    assert len(result.outcomes) == 12
    assert result.flagged.empty


@pytest.mark.parametrize(
    "office, changes, rule, value",
    [
        ("kab-kutai-timur", {"nik": None, "nik_status": "invalid", "nik_partial": "6408015203851234"}, "nik_invalid", None),
        ("kab-kutai-timur", {"nik": "6499015203850012"}, "nik_invalid", "6499015203850012"),  # regency 64.99 does not exist
        ("kab-kutai-timur", {"nik": None, "nik_status": "missing"}, "nik_missing", None),
        ("kab-kutai-timur", {"nik": None, "nik_status": "excel_truncated", "nik_partial": "640801520385001"}, "nik_excel_damaged", None),
        ("kab-kutai-timur", {"tanggal_lahir": pd.Timestamp("1985-03-21"), "flags": "nik_tanggal_lahir_mismatch"}, "nik_birth_date_mismatch", "1985-03-21"),
        ("kab-kutai-timur", {"jenis_kelamin": "L", "flags": "nik_jenis_kelamin_mismatch"}, "nik_sex_mismatch", "L"),
        ("kab-kutai-timur", {"kualifikasi": "Ahli"}, "kualifikasi_inconsistent", "Ahli"),
        ("kab-kutai-timur", {"jenjang": 7, "kualifikasi": "Ahli"}, "level_outside_authority", "7"),
        ("prov-kaltim", {"office_id": "prov-kaltim"}, "level_outside_authority", "3"),
        ("kab-kutai-timur", {"tanggal_terbit": pd.Timestamp("2026-08-01"), "masa_berlaku": pd.Timestamp("2031-08-01"), "tahun": 2026}, "issue_date_in_future", "2026-08-01"),
        ("kab-kutai-timur", {"tahun": 2026}, "issue_date_before_program", "2025-04-10"),
        ("kab-kutai-timur", {"masa_berlaku": pd.Timestamp("2028-04-10")}, "expiry_not_five_years", "2028-04-10"),
        ("kab-kutai-timur", {"nomor_sertifikat": None}, "kompeten_without_certificate", None),
    ],
)
def test_each_row_rule_flags_its_violation_and_keeps_the_row(office, changes, rule, value):
    result = validate_rows(frame(clean_row(**changes)), OFFICES[office], TODAY)
    failing = {o.rule: o.failing_count for o in result.outcomes if not o.success}
    assert failing == {rule: 1}
    flagged = result.flagged.iloc[0]
    assert flagged["rule"] == rule
    assert (None if pd.isna(flagged["value"]) else str(flagged["value"])[:16]) == value
    assert flagged["reason"] == rules()[rule].reason
    assert rules()[rule].consequence == "flag"


# Per rule: a messy row that fails it and a messy near miss that passes it, each between clean
# rows (positions 0, 2, 4) with certificate numbers of their own. The failing row sits at
# position 1, the near miss at 3; the rule must fail exactly the positions given.
ROW_RULE_CASES = [
    # rule, office, failing row, passing near miss, failing positions
    ("nik_invalid", "kab-kutai-timur", {"nik": "6499015203850012"},  # regency 64.99 does not exist
     {"nik": "6472015203850012"}, [1]),  # Kota Samarinda: another office's NIK, still a valid one
    ("nik_invalid", "kab-kutai-timur", {"nik": None, "nik_status": "wrong_length", "nik_partial": "64080152038500"},
     {"nik": None, "nik_status": "missing"}, [1]),
    ("nik_missing", "kab-kutai-timur", {"nik": None, "nik_status": "missing"},
     {"nik": None, "nik_status": "excel_truncated", "nik_partial": "640801520385001"}, [1]),
    ("nik_excel_damaged", "kab-kutai-timur", {"nik": None, "nik_status": "scientific_notation", "nik_partial": "6.40801E+15"},
     {"nik": None, "nik_status": "missing"}, [1]),
    ("nik_birth_date_mismatch", "kab-kutai-timur",
     {"tanggal_lahir": pd.Timestamp("1985-03-21"), "jenis_kelamin": "L", "flags": "nik_jenis_kelamin_mismatch;nik_tanggal_lahir_mismatch"},
     {"jenis_kelamin": "L", "flags": "nik_jenis_kelamin_mismatch"}, [1]),
    ("nik_sex_mismatch", "kab-kutai-timur", {"jenis_kelamin": "L", "flags": "nik_jenis_kelamin_mismatch"},
     {"tanggal_lahir": pd.Timestamp("1985-03-21"), "flags": "nik_tanggal_lahir_mismatch"}, [1]),
    ("kualifikasi_inconsistent", "kab-kutai-timur", {"jenjang": 5, "kualifikasi": "Operator"},
     {"jenjang": 5, "kualifikasi": None}, [1]),  # no kualifikasi written: nothing to disagree with
    ("kualifikasi_inconsistent", "prov-kaltim", {"office_id": "prov-kaltim", "jenjang": 7, "kualifikasi": "Teknisi/Analis"},
     {"office_id": "prov-kaltim", "jenjang": 9, "kualifikasi": "Ahli"}, [1]),
    ("level_outside_authority", "kab-kutai-timur", {"jenjang": 7, "kualifikasi": "Ahli"},
     {"jenjang": 6, "kualifikasi": "Teknisi/Analis"}, [1]),
    ("level_outside_authority", "prov-kaltim", {"office_id": "prov-kaltim", "jenjang": 6, "kualifikasi": "Teknisi/Analis"},
     {"office_id": "prov-kaltim", "jenjang": None, "kualifikasi": None, "hasil": None, "nomor_sertifikat": None,
      "tanggal_terbit": None, "masa_berlaku": None, "flags": "participation_only"}, [0, 1, 2, 4]),  # clean rows are level 3
    ("issue_date_in_future", "kab-kutai-timur",
     {"tanggal_terbit": pd.Timestamp("2026-07-01"), "masa_berlaku": pd.Timestamp("2031-07-01"), "tahun": 2026},
     {"tanggal_terbit": pd.Timestamp("2026-06-30"), "masa_berlaku": pd.Timestamp("2031-06-30"), "tahun": 2026}, [1]),  # today itself
    ("issue_date_before_program", "kab-kutai-timur",
     {"tanggal_terbit": pd.Timestamp("2024-12-31"), "masa_berlaku": pd.Timestamp("2029-12-31")},
     {"tanggal_terbit": pd.Timestamp("2025-01-01"), "masa_berlaku": pd.Timestamp("2030-01-01")}, [1]),
    ("expiry_not_five_years", "kab-kutai-timur", {"masa_berlaku": pd.Timestamp("2030-04-09")},
     {"tanggal_terbit": pd.Timestamp("2024-02-29"), "masa_berlaku": pd.Timestamp("2029-02-28"), "tahun": 2024}, [1]),  # leap day
    # a Masa Berlaku of a month or a year without its day (staging: its first day and the precision):
    # the issue date's expiry (10 April 2030) within that month or year agrees with it
    ("expiry_not_five_years", "kab-kutai-timur",
     {"masa_berlaku": pd.Timestamp("2030-05-01"), "masa_berlaku_precision": "month"},
     {"masa_berlaku": pd.Timestamp("2030-04-01"), "masa_berlaku_precision": "month"}, [1]),
    ("expiry_not_five_years", "kab-kutai-timur",
     {"masa_berlaku": pd.Timestamp("2031-01-01"), "masa_berlaku_precision": "year"},
     {"masa_berlaku": pd.Timestamp("2030-01-01"), "masa_berlaku_precision": "year"}, [1]),
    ("kompeten_without_certificate", "kab-kutai-timur", {"nomor_sertifikat": None},
     {"hasil": "Belum Kompeten", "nomor_sertifikat": None, "tanggal_terbit": None, "masa_berlaku": None}, [1]),
    ("certificate_repeated", "kab-kutai-timur", {"nomor_sertifikat": "SKK-6408-2025-000000"},  # row 0's number, same file
     {"nomor_sertifikat": "SKK-6408-2025-000002", "source_sha256": "b" * 64, "source_file": "mtu2.xlsx"}, [0, 1]),
]


def _around(failing: dict, passing: dict) -> pd.DataFrame:
    rows = [clean_row(source_row=10 + position, nomor_sertifikat=f"SKK-6408-2025-{position:06d}") for position in range(5)]
    for position, changes in ((1, failing), (3, passing)):
        office = changes.get("office_id", rows[position]["office_id"])
        rows[position] = clean_row(**{"source_row": 10 + position, "nomor_sertifikat": f"SKK-6408-2025-{position:06d}", **changes})
        for other in rows:
            other["office_id"] = office
    return frame(*rows)


@pytest.mark.parametrize("rule, office, failing, passing, positions", ROW_RULE_CASES,
                         ids=[f"{case[0]}-{case[1]}-{n}" for n, case in enumerate(ROW_RULE_CASES)])
def test_row_rule_fails_exactly_its_rows(rule, office, failing, passing, positions):
    result = validate_rows(_around(failing, passing), OFFICES[office], TODAY)
    outcome = {o.rule: o for o in result.outcomes}[rule]
    assert outcome.failing.tolist() == positions
    assert outcome.success is (not positions)
    flagged = result.flagged[result.flagged["rule"] == rule]
    assert flagged["source_row"].tolist() == [10 + p for p in positions]
    assert set(flagged["reason"]) == {rules()[rule].reason}


def _reference_rule_columns(rows: pd.DataFrame, office, today: date) -> pd.DataFrame:
    """The row rules as the pandas expressions the suite held before it was declared in GX (commit a3876ae)."""
    from reference import regions
    from standardize.levels import KUALIFIKASI
    from standardize.validity import expected_expiry

    AUTHORITY = {"regency": (1, 6), "city": (1, 6), "province": (7, 9)}
    frame = pd.DataFrame(index=pd.RangeIndex(len(rows)))
    rows = rows.reset_index(drop=True)
    status = rows["nik_status"]
    nik = rows["nik"].astype("string")
    regency = nik.str[:2] + "." + nik.str[2:4]
    known = [code for code, region in regions().items() if region.type != "province"]
    frame["nik_invalid"] = ~status.isin(["invalid", "wrong_length"]) & (nik.isna() | regency.isin(known)).fillna(True)
    frame["nik_missing"] = status != "missing"
    frame["nik_excel_damaged"] = ~status.isin(["excel_truncated", "scientific_notation"])
    flags = rows["flags"].astype("string").fillna("")
    frame["nik_birth_date_mismatch"] = ~flags.str.contains("nik_tanggal_lahir_mismatch", regex=False)
    frame["nik_sex_mismatch"] = ~flags.str.contains("nik_jenis_kelamin_mismatch", regex=False)
    jenjang = rows["jenjang"].astype("Int64")
    expected = jenjang.map(KUALIFIKASI, na_action="ignore").astype("string")
    frame["kualifikasi_inconsistent"] = (rows["kualifikasi"].astype("string") == expected).fillna(True)
    low, high = AUTHORITY[office.level]
    frame["level_outside_authority"] = jenjang.between(low, high).fillna(True)
    terbit = rows["tanggal_terbit"].astype("datetime64[ms]")
    frame["issue_date_in_future"] = ~(terbit > pd.Timestamp(today))
    frame["issue_date_before_program"] = (terbit.dt.year.astype("Int64") >= rows["tahun"].astype("Int64")).fillna(True)
    berlaku = rows["masa_berlaku"].astype("datetime64[ms]")
    frame["expiry_not_five_years"] = ~(berlaku.notna() & terbit.notna() & (berlaku != expected_expiry(terbit)))
    nomor = rows["nomor_sertifikat"].astype("string")
    frame["kompeten_without_certificate"] = ~((rows["hasil"] == "Kompeten") & nomor.isna())
    repeated = pd.DataFrame({"file": rows["source_sha256"], "nomor": nomor}).duplicated(keep=False) & nomor.notna()
    frame["certificate_repeated"] = ~repeated
    return frame.astype(bool)


@pytest.mark.parametrize("office_id", ["kab-kutai-timur", "prov-kaltim"])
def test_suite_fails_the_rows_the_pandas_rules_failed(office_id):
    """On the benchmark's messy office (every rule firing somewhere) the GX suite fails, per rule,
    exactly the positions the former pandas expressions failed."""
    from benchmarks.validate import messy_rows

    rows = messy_rows(3000, seed=11)
    expected = _reference_rule_columns(rows, OFFICES[office_id], TODAY)
    result = validate_rows(rows, OFFICES[office_id], TODAY)
    got = {o.rule: o.failing.tolist() for o in result.outcomes}
    assert list(got) == list(expected.columns)  # one outcome per rule, in the catalogue's order
    for rule in expected.columns:
        assert got[rule] == (~expected[rule]).to_numpy().nonzero()[0].tolist(), rule
    assert all(got.values())  # every rule fires somewhere in this office


def test_nik_disagreeing_with_birth_date_and_sex_from_raw_cells():
    """End to end from the office's cells: standardization detects, the row suite reports, the row stays."""
    from standardize.record import standardize_submission

    raw = {column: None for column in RAW_COLUMNS}
    raw.update(nama="SITI AMINAH", nik="6408015203850012", tempat_tanggal_lahir="Sangatta, 21-03-1985",
               jenis_kelamin="L", jenjang="Jenjang 3", hasil="K", nomor_sertifikat="SKK-1", tahun="2025")
    frame_in = pd.DataFrame([{"office_id": "kab-kutai-timur", "source_file": "f.xlsx", "source_sha256": "c" * 64,
                              "source_sheet": "S", "source_row": 9, **raw}])
    rows = standardize_submission(frame_in, reference_date=TODAY).rows
    result = validate_rows(rows, OFFICES["kab-kutai-timur"], TODAY)
    assert sorted(result.flagged["rule"]) == ["nik_birth_date_mismatch", "nik_sex_mismatch"]
    assert len(rows) == 1


def test_certificate_repeated_within_one_submission_only():
    same_file = frame(clean_row(), clean_row(source_row=6, nik="6408011203850013", jenis_kelamin="L"))
    result = validate_rows(same_file, OFFICES["kab-kutai-timur"], TODAY)
    assert {o.rule: o.failing_count for o in result.outcomes if not o.success} == {"certificate_repeated": 2}
    other_file = frame(clean_row(), clean_row(source_sha256="b" * 64, source_file="mtu2.xlsx"))
    assert validate_rows(other_file, OFFICES["kab-kutai-timur"], TODAY).flagged.empty


def test_old_scheme_certificates_expire_end_of_2022():
    old = clean_row(tanggal_terbit=pd.Timestamp("2019-06-01"), masa_berlaku=pd.Timestamp("2022-12-31"), tahun=2019)
    assert validate_rows(frame(old), OFFICES["kab-kutai-timur"], TODAY).flagged.empty


def raw_rows(sha: str, file: str, niks: list[str]) -> pd.DataFrame:
    rows = []
    for number, nik in enumerate(niks, start=4):
        row = {column: None for column in RAW_COLUMNS}
        row.update(nama=f"Peserta {number}", nik=nik, jenjang="3")
        rows.append({"office_id": "kab-kutai-timur", "source_file": file, "source_sha256": sha, "source_sheet": "S", "source_row": number, **row})
    return pd.DataFrame(rows)


def files_frame(*entries) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"office_id": "kab-kutai-timur", "source_file": name, "source_sha256": sha, "format": "xlsx",
             "status": status, "reason": None if status == "accepted" else "office kab-kutai-timur, file x: empty file (0 bytes)",
             "rows_read": rows, "sheets": "[]"}
            for name, sha, status, rows in entries
        ]
    )


KUTIM = [f"64080112038{n:05d}" for n in range(1, 7)]
SAMARINDA_ONLY = [f"72710112038{n:05d}" for n in range(1, 7)]


@pytest.mark.parametrize(
    "files, rows, expected",
    [
        ("clean", [("a.xlsx", "1", "accepted", 6)], {"a.xlsx": None}),
        ("empty file", [("a.xlsx", "1", "accepted", 6), ("b.csv", "2", "rejected", 0)], {"a.xlsx": None, "b.csv": "file_unreadable"}),
        ("byte-identical", [("a.xlsx", "1", "accepted", 6), ("kirim ulang a.xlsx", "1", "accepted", 6)], {"a.xlsx": None, "kirim ulang a.xlsx": "duplicate_submission"}),
        ("row-identical", [("a.xlsx", "1", "accepted", 6), ("b.xlsx", "3", "accepted", 6)], {"a.xlsx": None, "b.xlsx": "duplicate_submission"}),
        ("revision", [("rekap 2025.xlsx", "1", "accepted", 6), ("rekap 2025_revisi.xlsx", "4", "accepted", 6)], {"rekap 2025.xlsx": "superseded_by_revision", "rekap 2025_revisi.xlsx": None}),
        # NIKs all from Kota Palu (72.71): another office's file, named by its region
        ("foreign", [("a.xlsx", "5", "accepted", 6)], {"a.xlsx": "file_from_other_office"}),
        # a third from Kutai Timur, two thirds from two regencies of one other province: migrant workers
        # keep their home KTP, the office's own file (NIK share alone rejects only under 20 % from the
        # office's province and 80 % from one other: expectations/submission.py MIN_HOME_SHARE)
        ("other province", [("a.xlsx", "6", "accepted", 6)], {"a.xlsx": None}),
        # a third from Kutai Timur, the rest from two other provinces: migrant workers, the office's own file
        ("migrants", [("a.xlsx", "7", "accepted", 6)], {"a.xlsx": None}),
    ],
)
def test_submission_rules(files, rows, expected):
    raw = {
        "1": raw_rows("1", "a.xlsx", KUTIM),
        "3": raw_rows("3", "b.xlsx", KUTIM),  # same values as "1" in another file
        "4": raw_rows("4", "rekap 2025_revisi.xlsx", KUTIM[:5] + ["6408011203850099"]),
        "5": raw_rows("5", "a.xlsx", SAMARINDA_ONLY),
        "6": raw_rows("6", "a.xlsx", KUTIM[:2] + SAMARINDA_ONLY[:2] + [f"72030112038{n:05d}" for n in (7, 8)]),
        "7": raw_rows("7", "a.xlsx", KUTIM[:2] + [f"33010112038{n:05d}" for n in (1, 2)]
                      + [f"32010112038{n:05d}" for n in (1, 2)]),
    }
    used = pd.concat([raw[sha] for _, sha, status, _ in rows if status == "accepted" and sha in raw]).drop_duplicates(["source_sha256", "source_row"])
    checked = check_submissions(files_frame(*rows), used, OFFICES["kab-kutai-timur"])
    assert dict(zip(checked["source_file"], checked["rule"])) == expected
    for name, rule in expected.items():
        status = checked.loc[checked["source_file"] == name, "status"].iloc[0]
        assert status == ("accepted" if rule is None else "rejected")


def test_rows_of_a_rejected_file_go_to_quarantine_with_the_file_rule():
    raw = pd.concat([raw_rows("1", "a.xlsx", KUTIM), raw_rows("3", "b.xlsx", KUTIM)], ignore_index=True)
    checked = check_submissions(files_frame(("a.xlsx", "1", "accepted", 6), ("b.xlsx", "3", "accepted", 6)), raw, OFFICES["kab-kutai-timur"])
    usable, quarantined = quarantine_rejected_files(raw, checked)
    assert len(usable) == 6 and set(usable["source_file"]) == {"a.xlsx"}
    assert len(quarantined) == 6
    assert set(quarantined["rule"]) == {"duplicate_submission"}
    assert quarantined["reason"].iloc[0].endswith("a.xlsx (row-identical)")


@pytest.mark.parametrize(
    "name, base",
    [("REKAP 2022_revisi.xlsx", "rekap 2022"), ("rekap 2022 (1).xlsx", "rekap 2022"), ("rekap-2022-rev2.csv", "rekap-2022"),
     ("peserta perbaikan.xlsx", "peserta"), ("rekap 2022.xlsx", None), ("revisi.xlsx", None)],
)
def test_revision_names(name, base):
    assert revision_base(name) == base


def test_published_checks_catch_bad_tables():
    headline = pd.DataFrame(
        {"province_code": ["64", "99"], "region_code": ["64.08", "99.01"], "region_name": ["x", "y"], "jenjang": [3, 3],
         "kualifikasi": ["Operator"] * 2, "certified_persons": [2, 1], "active_persons": [3, 1]}
    )
    certified = pd.DataFrame({"region_code": ["64.08", "99.01", "99.01"], "jenjang": [3, 3, 3]})
    failing = {(o.rule, o.column): o.failing_count for o in check_headline(headline, certified) if not o.success}
    assert failing == {("region_in_reference", "region_code"): 1, ("counts_valid", "active_persons"): 1, ("persons_within_rows", "certified_persons"): 1}


def test_row_accounting_check():
    log = pd.DataFrame({"rows_read": [10, 5, 0], "rows_accepted": [8, 5, 0], "rows_quarantined": [2, 0, 0]})
    assert all(o.success for o in check_row_accounting(log))
    log.loc[1, "rows_accepted"] = 4
    assert [o.failing.tolist() for o in check_row_accounting(log)] == [[1]]


@pytest.mark.parametrize(
    "value, safe",
    [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+62 811", "'+62 811"), ("-", "'-"), ("@SUM(A1)", "'@SUM(A1)"),
     ("Siti", "Siti"), (3, 3)],
)
def test_formula_cells_are_neutralised(value, safe):
    assert neutralise(value) == safe


def test_standardization_reasons_match_the_catalogue():
    """The quarantine reasons standardization writes are the catalogue's words, not a second copy."""
    from standardize.record import REASONS

    assert REASONS == {code: rules()[code].reason for code in REASONS}
    assert all(rules()[code].consequence == "reject" for code in REASONS)


def test_failing_row_suite_links_its_data_docs_page(tmp_path):
    """An office whose row suite failed gets GX's Data Docs page of the validation, linked from the
    row_suite check; once its rows pass, the page of the earlier failures is removed."""
    import dagster as dg

    from assets.offices import StandardizedOffice, data_docs_dir, publish_data_docs, row_suite_result
    from pipelines.resources import StagingStore

    office, staging = OFFICES["kab-kutai-timur"], StagingStore(data_dir=str(tmp_path))
    rows = frame(clean_row(), clean_row(source_row=6, nik="6499015203850012", nomor_sertifikat="SKK-2"))
    validation = validate_rows(rows, office, TODAY)
    page, seconds = publish_data_docs(office, staging, validation)
    assert page == data_docs_dir(staging, office.id) / "row_suite.html" == tmp_path / "data_docs" / office.id / "row_suite.html"
    html = page.read_text(encoding="utf-8")
    assert "participation_rows" in html and "6499015203850012" in html  # the suite, and the failing NIK
    done = StandardizedOffice(rows_in=2, rows=rows, quarantine=pd.DataFrame(), validation=validation, log=pd.DataFrame(),
                              data_docs=page, data_docs_seconds=seconds)
    check = row_suite_result(done)
    assert not check.passed
    assert check.metadata["data_docs"] == dg.MetadataValue.path(str(page))

    passing = validate_rows(frame(clean_row()), office, TODAY)
    assert publish_data_docs(office, staging, passing)[0] is None
    assert not page.exists()
    done = StandardizedOffice(rows_in=1, rows=frame(clean_row()), quarantine=pd.DataFrame(), validation=passing, log=pd.DataFrame())
    assert "data_docs" not in row_suite_result(done).metadata
