"""pipelines.resources.concat_parquet: the frame pandas gives reading each file and concatenating, in file order."""

from __future__ import annotations

import pandas as pd
import pytest

from pipelines.resources import StagingStore, concat_parquet

UTC = pd.Timestamp("2026-06-01 08:00", tz="UTC")
# Each case: the frames written one per file, in order (what offices' staging holds: most of one
# schema, a column all empty in one office, a column an older ingest did not write, no columns).
CASES = {
    "one schema": [pd.DataFrame({"office_id": ["a", "a"], "rows_read": [3, 4]}),
                   pd.DataFrame({"office_id": ["b"], "rows_read": [5]})],
    "a column all empty between others": [pd.DataFrame({"office_id": ["a"], "reason": ["late"]}),
                                          pd.DataFrame({"office_id": ["b"], "reason": [None]}),
                                          pd.DataFrame({"office_id": ["c"], "reason": ["bad"]})],
    "a column missing in one file": [pd.DataFrame({"office_id": ["a"], "rule": ["x"], "n": [1]}),
                                     pd.DataFrame({"office_id": ["b"], "n": [2]}),
                                     pd.DataFrame({"office_id": ["c"], "rule": ["y"], "n": [3]})],
    "time zones and nullable integers": [pd.DataFrame({"received_at": [UTC], "jenjang": pd.array([3], dtype="Int64")}),
                                         pd.DataFrame({"received_at": [UTC], "jenjang": pd.array([None], dtype="Int64")})],
    "a file without columns": [pd.DataFrame(), pd.DataFrame({"office_id": ["b"]})],
}


@pytest.mark.parametrize("case", list(CASES))
def test_concat_parquet_is_pandas_own_concatenation(tmp_path, case):
    paths = []
    for i, frame in enumerate(CASES[case]):
        paths.append(tmp_path / f"{i}.parquet")
        frame.to_parquet(paths[-1], index=False)
    expected = pd.concat([f for f in (pd.read_parquet(p) for p in paths) if len(f.columns)], ignore_index=True)
    pd.testing.assert_frame_equal(concat_parquet(paths), expected, check_exact=True)


def test_read_all_keeps_office_order_and_skips_offices_never_run(tmp_path):
    staging = StagingStore(data_dir=str(tmp_path))
    for office, reason in (("b", None), ("a", "late"), ("c", "bad")):
        staging.write("submission_log", office, pd.DataFrame({"office_id": [office], "reason": [reason]}))
    frame = staging.read_all("submission_log", ["c", "never", "a", "b"])
    assert frame["office_id"].tolist() == ["c", "a", "b"]
    assert frame["reason"].tolist() == ["bad", "late", None]
    assert staging.read_all("submission_log", ["never"]).empty
