"""Publishing writes the same tables on DuckDB and PostgreSQL, all-or-nothing."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from warehouse.publish import make_engine, publish_tables, read_table


def headline(counts: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province_code": ["64"] * len(counts),
            "region_code": ["64.08"] * len(counts),
            "region_name": ["Kabupaten Kutai Timur"] * len(counts),
            "jenjang": list(range(1, len(counts) + 1)),
            "kualifikasi": ["Operator"] * len(counts),
            "certified_persons": counts,
            "active_persons": counts,
        }
    )


QUARANTINE = pd.DataFrame(
    {
        "office_id": ["kab-kutai-timur"],
        "source_file": ["mtu 2025.xlsx"],
        "source_sha256": ["ab" * 32],
        "source_sheet": ["Bengalon"],
        "source_row": [17],
        "column_name": [""],
        "value": [None],
        "rule": ["no_identity"],
        "reason": ["Nama dan NIK kosong / name and NIK both empty"],
        "raw": ['{"jenjang": "3"}'],
    }
)


def test_publish_replaces_tables_and_is_idempotent(warehouse_url):
    engine = make_engine(warehouse_url)
    try:
        publish_tables(engine, {"certified_workers_by_region_level": headline([5, 7, 9])}, date(2026, 1, 1))
        first = publish_tables(
            engine,
            {"certified_workers_by_region_level": headline([4, 2]), "quarantine": QUARANTINE},
            date(2026, 1, 1),
        )
        again = publish_tables(
            engine,
            {"certified_workers_by_region_level": headline([4, 2]), "quarantine": QUARANTINE},
            date(2026, 1, 1),
        )
        assert first.row_counts == again.row_counts == {"certified_workers_by_region_level": 2, "quarantine": 1}
        table = read_table(engine, "certified_workers_by_region_level").sort_values("jenjang")
        assert table["certified_persons"].tolist() == [4, 2]
        assert read_table(engine, "quarantine").to_dict("records") == QUARANTINE.to_dict("records")
    finally:
        engine.dispose()


def test_failed_publish_leaves_the_previous_version_whole(warehouse_url):
    engine = make_engine(warehouse_url)
    try:
        publish_tables(
            engine,
            {"certified_workers_by_region_level": headline([5, 7]), "quarantine": QUARANTINE},
            date(2026, 1, 1),
        )
        broken = QUARANTINE.assign(rule=[None])  # rule is NOT NULL: the second table fails mid-publish
        with pytest.raises(sa.exc.DBAPIError):
            publish_tables(
                engine,
                {"certified_workers_by_region_level": headline([1]), "quarantine": broken},
                date(2026, 2, 1),
            )
        assert read_table(engine, "certified_workers_by_region_level")["certified_persons"].tolist() == [5, 7]
        assert len(read_table(engine, "quarantine")) == 1
    finally:
        engine.dispose()
