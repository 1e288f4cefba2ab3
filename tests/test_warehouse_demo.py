"""Every SQL query of docs/warehouse.md, run against a small published star on DuckDB and PostgreSQL.

The queries are read from the markdown itself (every ```sql block of "Questions
and the SQL that answers them"), so the documentation cannot drift from what
the warehouse answers. The input is a handful of hand-made linked rows whose
answers were worked out by hand (comments next to each expectation).

Dates: the warehouse is published on a fixed PUBLISH date and the renewal
queries, which ask ``CURRENT_DATE``, are run as of a fixed AS_OF day (the test
puts that day's literal in place of ``CURRENT_DATE``), so the answers do not
change with the calendar. The certificates they should find expire a number of
days after AS_OF, all later than PUBLISH, so they are active on the publish date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from sources.registry import load_registry
from warehouse.completeness import reporting_completeness
from warehouse.publish import make_engine, publish_tables
from warehouse.star import build_star, nik_hash

DOC = Path(__file__).resolve().parents[1] / "docs" / "warehouse.md"
OFFICES = load_registry()
PUBLISH = date(2026, 6, 30)
AS_OF = date(2026, 7, 10)  # the day the queries run as of: their CURRENT_DATE
SECRET = "demo-test-secret"
K, BK = "Kompeten", "Belum Kompeten"

NIK = {
    "pA": "6408011003850001",  # KTP Kutai Timur
    "pB": "6371055204900002",  # KTP Kota Banjarmasin, Kalimantan Selatan: an outsider in Kaltim
    "pC": "6472012012000003",  # KTP Samarinda
    "pD": None,  # no NIK: KTP region unknown
    "pE": "1671010101800004",  # KTP Palembang
    "pF": "6408021505920005",  # KTP Kutai Timur
}


def days(n: int) -> date:
    """A date ``n`` days from AS_OF (for the CURRENT_DATE queries)."""
    return AS_OF + timedelta(days=n)


# (office, person, jenjang, hasil, nomor, terbit, berlaku, tahun, jabatan)
ROWS = [
    # Kutai Timur (64.08). KT-1 is in the renewal window, KT-3 too, KT-4 just beyond it.
    ("kab-kutai-timur", "pA", 3, K, "KT-1", "2024-03-01", days(40), 2024, "Tukang Batu"),
    ("kab-kutai-timur", "pF", 5, K, "KT-2", "2026-02-01", "2031-02-01", 2026, "Mandor"),
    ("kab-kutai-timur", "pB", 3, K, "KT-3", "2025-05-01", days(300), 2025, "Tukang Besi Beton"),
    ("kab-kutai-timur", "pA", 3, K, "KT-4", "2025-07-01", days(400), 2025, "Tukang Kayu"),
    ("kab-kutai-timur", "pD", 2, K, None, None, None, 2020, "Operator Excavator"),  # expires 2024-12-31
    ("kab-kutai-timur", "pC", 3, BK, None, None, None, 2025, "Tukang Batu"),
    ("kab-kutai-timur", "pF", 3, None, None, None, None, 2026, "Tukang Batu"),  # training only
    # The Kaltim province office: re-reports KT-1 (credited to Kutai Timur), certifies two experts.
    ("prov-kaltim", "pA", 3, K, "KT-1", "2024-03-01", days(40), 2024, "Tukang Batu"),
    ("prov-kaltim", "pC", 7, K, "KP-1", "2025-08-01", "2030-08-01", 2025, "Ahli Muda Teknik Jalan"),
    ("prov-kaltim", "pB", 8, K, "KP-2", "2025-09-01", None, 2025, "Ahli Madya Teknik Jembatan"),  # 2030-09-01
    ("prov-kaltim", "pE", 7, BK, None, None, None, 2026, "Ahli Muda Teknik Jalan"),
    ("prov-kaltim", "pD", 7, None, None, None, None, 2026, "Arsitek Muda"),
    # Samarinda (64.72): SM-1 expired a few days ago (valid on the publish date); SM-2 is pre-2021 (2022-12-31).
    ("kota-samarinda", "pC", 3, K, "SM-1", "2022-01-10", days(-5), 2022, "Tukang Batu"),
    ("kota-samarinda", "pA", 3, K, "SM-2", "2019-06-01", None, 2019, "Tukang Batu"),
    # Kalimantan Selatan (63) and Palembang (16.71).
    ("prov-kalsel", "pB", 7, K, "KS-1", "2026-03-01", "2031-03-01", 2026, "Arsitek Muda"),
    # Only a registration number without a year, no date, no program year: validity unknown.
    ("prov-kalsel", "pE", 8, K, "KS-77", None, None, None, "Ahli Madya Teknik Jembatan"),
    ("kota-palembang", "pE", 4, K, "PL-1", "2025-11-01", days(100), 2025, "Teknisi Laboratorium Beton"),
]


def linked() -> pd.DataFrame:
    """The rows above as linkage hands them to ``build_star``."""
    records = []
    for i, (office, person, jenjang, hasil, nomor, terbit, berlaku, tahun, jabatan) in enumerate(ROWS):
        nik = NIK[person]
        records.append(
            {
                "office_id": office, "source_file": f"{office} 2025.xlsx", "source_sha256": "ab" * 32,
                "source_sheet": "Peserta", "source_row": i + 5, "nik": nik, "nik_status": "valid" if nik else "missing",
                "nik_partial": None, "nama": "Nama Rahasia", "nama_kunci": "nama rahasia", "tanggal_lahir": pd.NaT,
                "jenis_kelamin": None, "jabatan_kerja": jabatan, "jenjang": jenjang, "kualifikasi": None,
                "hasil": hasil, "nomor_sertifikat": nomor,
                "tanggal_terbit": pd.Timestamp(terbit) if terbit else pd.NaT,
                "masa_berlaku": pd.Timestamp(berlaku) if berlaku else pd.NaT,
                "program": "Pelatihan dan Sertifikasi", "tahun": tahun, "flags": "", "person_key": person,
                "person_key_basis": "nik" if nik else "probabilistic",
            }
        )
    frame = pd.DataFrame(records)
    frame["jenjang"] = frame["jenjang"].astype("Int64")
    frame["tahun"] = frame["tahun"].astype("Int64")
    for column in ("tanggal_lahir", "tanggal_terbit", "masa_berlaku"):
        frame[column] = frame[column].astype("datetime64[ms]")
    return frame


def _submissions() -> pd.DataFrame:
    files = [
        # office, file, received (UTC), status, rule, read, accepted, quarantined, flagged
        ("kab-kutai-timur", "mtu 2025.xlsx", "2026-06-01", "accepted", None, 8, 6, 2, 1),
        ("kab-kutai-timur", "rusak.xlsx", "2026-06-10", "rejected", "file_unreadable", 0, 0, 0, 0),
        ("prov-kaltim", "tahap.csv", "2025-12-01", "accepted", None, 5, 5, 0, 0),
        ("kota-samarinda", "sm.json", "2026-05-01", "accepted", None, 4, 2, 2, 0),
        ("kota-palembang", "plg.csv", "2026-06-29 12:00", "accepted", None, 10, 10, 0, 5),
        ("prov-kalsel", "ks.xlsx", "2026-01-15", "accepted", None, 3, 3, 0, 0),
    ]
    frame = pd.DataFrame(
        files,
        columns=["office_id", "source_file", "received_at", "status", "rule", "rows_read", "rows_accepted",
                 "rows_quarantined", "rows_flagged"],
    )
    frame["received_at"] = pd.to_datetime(frame["received_at"], utc=True, format="ISO8601")
    frame["source_sha256"] = [f"{i:02d}" * 32 for i in range(len(frame))]
    frame["format"] = frame["source_file"].str.rsplit(".", n=1).str[1]
    frame["reason"] = frame["rule"].map({"file_unreadable": "berkas rusak / file unreadable"})
    frame["sheets"] = "{}"
    return frame


def _quarantine() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "office_id": ["kab-kutai-timur", "kab-kutai-timur", "kota-samarinda", "kota-samarinda"],
            "source_file": ["mtu 2025.xlsx", "mtu 2025.xlsx", "sm.json", "sm.json"],
            "source_sha256": ["00" * 32, "00" * 32, "03" * 32, "03" * 32],
            "source_sheet": ["Peserta", "Peserta", "", ""],
            "source_row": [7, 9, 2, 3],
            "column_name": ["nik", "jenjang", "", ""],
            "value": ["64080110038", "Jenjang ?", None, None],
            "rule": ["nik_invalid", "jenjang_unreadable", "no_identity", "no_identity"],
            "reason": ["r", "r", "r", "r"],
            "raw": ["{}", "{}", "{}", "{}"],
        }
    )


def demo_frames() -> dict[str, pd.DataFrame]:
    """Every table the queries read, as the publish asset would hand them over."""
    frames = build_star(linked(), OFFICES, PUBLISH, SECRET)
    frames["submission_log"] = _submissions()
    frames["quarantine"] = _quarantine()
    frames["reporting_completeness"] = reporting_completeness(OFFICES, frames["submission_log"], PUBLISH)
    frames["person_links"] = _person_links(linked())
    return frames


def _person_links(rows: pd.DataFrame) -> pd.DataFrame:
    """Each person's first row linked to its others, as linkage links an exact-NIK group."""
    provenance = ["office_id", "source_file", "source_sha256", "source_sheet", "source_row"]
    links = []
    for person, group in rows.groupby("person_key", sort=True):
        first = group.iloc[0]
        for _, other in group.iloc[1:].iterrows():
            links.append({
                **{f"{c}_l": first[c] for c in provenance}, **{f"{c}_r": other[c] for c in provenance},
                "person_key": person, "method": "exact_nik", "kind": "exact_nik", "evidence": "same valid NIK",
                "match_weight": None, "match_probability": None, "agreed_fields": "nik",
            })
    assert links, "the hand-made rows should hold a person with two rows"
    return pd.DataFrame(links)


def documented_queries() -> list[str]:
    """The ```sql blocks of the "Questions and the SQL that answers them" section, in order."""
    text = DOC.read_text(encoding="utf-8")
    section = re.search(r"^## Questions and the SQL that answers them\n(.*?)(?=^## )", text, re.S | re.M)
    assert section, "docs/warehouse.md lost its questions section"
    return [block.strip() for block in re.findall(r"```sql\n(.*?)```", section.group(1), re.S)]


def _plain(value):
    """One result cell in a backend-neutral form: numbers as rounded floats or ints."""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, datetime):
        return value
    return value


CURRENT_DATE = re.compile(r"\bcurrent_date\b", re.I)
# Any way a query could read the clock: the answer would then change with the calendar.
CLOCK = re.compile(r"\b(current_date|current_time|current_timestamp|localtime|localtimestamp|now|today)\b", re.I)


def as_of(sql: str) -> str:
    """``sql`` run as of AS_OF: its ``CURRENT_DATE`` replaced by that day (same SQL on DuckDB and PostgreSQL)."""
    return CURRENT_DATE.sub(f"DATE '{AS_OF.isoformat()}'", sql)


def _run(engine: sa.Engine, sql: str) -> list[tuple]:
    with engine.connect() as connection:
        return [tuple(_plain(v) for v in row) for row in connection.exec_driver_sql(as_of(sql)).fetchall()]


H = {person: nik_hash(SECRET, nik) for person, nik in NIK.items() if nik}
KUTIM, SAMARINDA, PALEMBANG = "Kabupaten Kutai Timur", "Kota Samarinda", "Kota Palembang"
ELAPSED_2026 = round(181 / 365, 6)  # 2026-06-30 is day 181 of 2026
ELAPSED_GROWTH = round(181 / 1461, 6)  # 181 days of 2026-2029 (1,461 days)

# Keyed by a phrase of each query, in the order of the document.
EXPECTED: list[tuple[str, list[tuple]]] = [
    # Kutai Timur per jenjang: pD (jenjang 2, expired in 2024); pA and pB at 3; pF at 5. Every
    # certificate here has a date or a program year: none of unknown validity.
    ("FROM certified_workers_by_region_level\nWHERE region_code = '64.08'",
     [(2, "Operator", 1, 0, 0, 1), (3, "Operator", 2, 2, 0, 0), (5, "Teknisi/Analis", 1, 1, 0, 0)]),
    # Operator: pA, pB, pD (pD not active); pA's two jenjang-3 certificates count once.
    ("FROM certified_workers_by_region_kualifikasi",
     [("Operator", 3, 2), ("Teknisi/Analis", 1, 1)]),
    # Regencies/cities only (no 64, no 63), largest cell first.
    ("JOIN dim_region r ON r.region_code = h.region_code",
     [("64.08", KUTIM, 3, 2, 2), ("64.72", SAMARINDA, 3, 2, 1), ("16.71", PALEMBANG, 4, 1, 1),
      ("64.08", KUTIM, 2, 1, 0), ("64.08", KUTIM, 5, 1, 1)]),
    # Kaltim at jenjang 3: pA (Kutim and Samarinda), pB, pC = 3 persons; pA is active through KT-1.
    ("FROM certified_workers_by_province",
     [(2, "Operator", 1, 0), (3, "Operator", 3, 3), (5, "Teknisi/Analis", 1, 1), (7, "Ahli", 1, 1), (8, "Ahli", 1, 1)]),
    # Baseline (certified up to 2025): pA, pB, pD = 3; now also pF = 4; target 4.5: (4 - 3) / 1.5.
    ("WHERE office_id = 'kab-kutai-timur' AND kind = 'growth'",
     [("Dinas PUPR Kabupaten Kutai Timur", 2025, 3, 2029, 4.5, 4, round(1 / 1.5, 6), ELAPSED_GROWTH, "on_track")]),
    # 2025: KT-3 (pB new at 3) and KT-4 (pA, already at 3 since 2024): 1 new person-level, 2 certificates.
    ("FROM certified_workers_by_region_level_yearly",
     [(2020, 1, 1), (2024, 1, 1), (2025, 1, 2), (2026, 1, 1)]),
    # Every target; Kaltim participants exclude the re-report of KT-1 (2024), so its years are 2025-2026.
    ("FROM target_progress\nORDER BY",
     [("kab-kutai-timur", "certified_persons", "growth", None, 2029, 4.5, 4, round(1 / 1.5, 6), "on_track"),
      ("kota-palembang", "certified_persons", "per_year", None, 2025, 30000.0, 1, round(1 / 30000, 6), "missed"),
      ("kota-palembang", "certified_persons", "per_year", None, 2026, 30000.0, 0, 0.0, "behind"),
      ("prov-kalsel", "certified_persons", "per_year", "funded", 2026, 260.0, 1, round(1 / 260, 6), "behind"),
      ("prov-kalsel", "certified_persons", "per_year", "ideal", 2026, 375.0, 1, round(1 / 375, 6), "behind"),
      ("prov-kaltim", "participants", "per_year", None, 2025, 1000.0, 2, 0.002, "missed"),
      ("prov-kaltim", "participants", "per_year", None, 2026, 1000.0, 2, 0.002, "behind")]),
    # Kutim: pA pB pD pF, pB from Kalsel, pD unknown; Samarinda: pC, pA (KTP Kutim); province: pA pB pC.
    ("AS ktp_outside_kaltim",
     [("kab-kutai-timur", 4, 1, 1, 1), ("kota-samarinda", 2, 0, 1, 0), ("prov-kaltim", 3, 1, 3, 0)]),
    ("AS home_province",
     [("63", "Kalimantan Selatan", 1), (None, None, 1)]),
    # In the next 12 months: KT-1 (40 days) and KT-3 (300 days) in Kutim, PL-1 (100 days) in Palembang;
    # KT-4 (400 days) is beyond, SM-1 expired 5 days ago.
    ("COUNT(*) AS certificates",
     [("16.71", PALEMBANG, "Teknisi/Analis", 1, 1), ("64.08", KUTIM, "Operator", 2, 2)]),
    ("p.nik_hash",
     [("16.71", days(100), "masa_berlaku", "Teknisi Laboratorium Beton", 4, "pE", H["pE"]),
      ("64.08", days(40), "masa_berlaku", "Tukang Batu", 3, "pA", H["pA"]),
      ("64.08", days(300), "masa_berlaku", "Tukang Besi Beton", 3, "pB", H["pB"])]),
    # never < reported < stale; Kaltim's last file is 211 days old (allowed 120).
    ("FROM reporting_completeness",
     [("kab-kutai-kartanegara", "Dinas PUPR Kabupaten Kutai Kartanegara", "never", None, 180, 0, 0),
      ("kab-muara-enim", "Dinas PUPR Kabupaten Muara Enim", "never", None, 365, 0, 0),
      ("kab-muaro-jambi", "Dinas PUPR Kabupaten Muaro Jambi", "never", None, 365, 0, 0),
      ("kab-kutai-timur", "Dinas PUPR Kabupaten Kutai Timur", "reported", 20, 120, 2, 1),
      ("kota-palembang", "Dinas PUPR Kota Palembang", "reported", 0, 180, 1, 0),
      ("kota-samarinda", "Dinas PUPR Kota Samarinda", "reported", 60, 180, 1, 0),
      ("prov-kalsel", "Dinas PUPR Provinsi Kalimantan Selatan", "reported", 166, 180, 1, 0),
      ("prov-kaltim", "Dinas PUPR-Pera Provinsi Kalimantan Timur", "stale", 211, 120, 1, 0)]),
    # (quarantined + flagged) / read: Palembang 5/10, Samarinda 2/4, Kutim 3/8, the rest 0.
    ("AS problem_share",
     [("kota-palembang", 10, 0, 5, 0.5, 0), ("kota-samarinda", 4, 2, 0, 0.5, 0), ("kab-kutai-timur", 8, 2, 1, 0.375, 1),
      ("prov-kalsel", 3, 0, 0, 0.0, 0), ("prov-kaltim", 5, 0, 0, 0.0, 0)]),
    ("FROM quarantine",
     [("kab-kutai-timur", "jenjang_unreadable", 1), ("kab-kutai-timur", "nik_invalid", 1), ("kota-samarinda", "no_identity", 2)]),
    ("FROM publish_log", None),  # checked in the test: one publish, just now
]


# The queries that ask the database for today's date; the test runs them as of AS_OF.
AS_OF_QUERIES = {"COUNT(*) AS certificates", "p.nik_hash"}


def test_the_documented_queries_are_the_ones_this_test_checks():
    queries = documented_queries()
    assert len(queries) == len(EXPECTED)
    for sql, (phrase, _) in zip(queries, EXPECTED):
        assert phrase in sql, (phrase, sql)
        assert bool(CURRENT_DATE.search(sql)) == (phrase in AS_OF_QUERIES), (phrase, sql)
        assert not CLOCK.search(as_of(sql)), as_of(sql)  # run as of AS_OF, the query reads no clock


def test_dates_of_this_test_are_after_the_publish_date():
    # The renewal certificates are dated from AS_OF; they must all be valid on PUBLISH.
    assert days(-5) >= PUBLISH, "AS_OF must be at least 5 days after PUBLISH"


def test_every_documented_query_gives_the_hand_counted_answer(warehouse_url):
    engine = make_engine(warehouse_url)
    try:
        published_at = datetime(2026, 7, 1, 8, 30, 15, 123456, tzinfo=timezone.utc)
        publish_tables(engine, demo_frames(), PUBLISH, published_at=published_at)
        for sql, (phrase, expected) in zip(documented_queries(), EXPECTED):
            got = _run(engine, sql)
            if expected is None:  # the publish log: one publish, with the injected stamp
                assert len(got) == 1 and got[0][0] == PUBLISH, got
                stamp = pd.Timestamp(got[0][1])
                stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
                assert stamp == published_at, (stamp, published_at)
                continue
            assert got == expected, f"{phrase!r}\n{sql}"
    finally:
        engine.dispose()


def test_publishing_the_same_inputs_twice_gives_identical_tables(warehouse_url):
    from warehouse import schema
    from warehouse.publish import dump_table

    engine = make_engine(warehouse_url)
    try:
        publish_tables(engine, demo_frames(), PUBLISH)
        first = {name: dump_table(engine, name) for name in schema.metadata.tables if name != "publish_log"}
        # Rebuilt from the rows in reverse order: the order of the input does not matter either.
        again = build_star(linked().iloc[::-1], OFFICES, PUBLISH, SECRET)
        again.update({name: frame for name, frame in demo_frames().items() if name not in again})
        publish_tables(engine, again, PUBLISH)
        second = {name: dump_table(engine, name) for name in first}
        assert [name for name in first if first[name] != second[name]] == []
        assert all(first.values())  # every table has rows
        # The log gains one row per table per publish.
        assert len(first) + 1 == len(schema.metadata.tables)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM publish_log").scalar_one() == 2 * len(first)
    finally:
        engine.dispose()
