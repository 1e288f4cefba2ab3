"""warehouse.headline.count_persons grouped over integer codes: exact counts, key order and dtypes, null keys left out."""

from __future__ import annotations

from datetime import date

import pandas as pd

from warehouse.headline import count_persons

# (region_code, jenjang, person_key, validity status decided for the row)
ROWS = [
    ("16.03", 3, "a", "active"), ("16.03", 3, "a", "expired"),  # a: active (any certificate active)
    ("16.03", 3, "b", "unknown"),  # b: unknown
    ("16.03", 3, "c", "expired"),
    ("16.71", 2, "a", "unknown"), ("16.71", 2, "a", "expired"),  # a elsewhere: unknown
    (None, 2, "d", "active"), ("16.71", None, "e", "active"), ("16.03", 3, None, "active"),  # null keys: left out
    ("11.01", 5, "f", "expired"),
]
# (region_code, jenjang, certified_persons, active_persons, active_unknown_persons), in key order
EXPECTED = [("11.01", 5, 1, 0, 0), ("16.03", 3, 3, 1, 1), ("16.71", 2, 1, 0, 1)]


def test_count_persons_over_codes():
    region, jenjang, person, status = zip(*ROWS)
    certified = pd.DataFrame({
        "region_code": pd.array(region, dtype="str"), "jenjang": pd.array(jenjang, dtype="Int64"),
        "person_key": pd.array(person, dtype="str"), "_expires_on": pd.NaT, "_expires_on_basis": None,
        "_status": pd.array(status, dtype="str"),
    }, index=range(100, 100 + len(ROWS)))
    table = count_persons(certified, ["region_code", "jenjang"], date(2026, 6, 30))
    assert [tuple(row) for row in table.itertuples(index=False)] == EXPECTED
    assert [str(t) for t in table.dtypes] == ["str", "Int64", "int64", "int64", "int64"]
