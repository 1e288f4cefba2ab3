"""The reading child (sources/readers/isolated.py) between runs: kept while it holds only its
imports, ended once it holds more (the publish must not sit beside a child at its high-water mark)."""

from __future__ import annotations

import pytest

from sources.readers import isolated
from sources.readers.isolated import read_isolated, shutdown_large_workers, shutdown_workers
from sources.registry import load_registry


@pytest.fixture
def small_csv(tmp_path):
    path = tmp_path / "peserta.csv"
    path.write_text("Nama;NIK;Jenjang;Hasil\nBudi Santoso;6408011203850001;3;Kompeten\n", encoding="utf-8")
    return path


def _child_pid():
    (child,) = isolated._CHILDREN.values()
    return child.process.pid


@pytest.mark.parametrize(("keep_mib", "kept"), [(isolated.KEEP_IDLE_CHILD_MIB, True), (1, False)])
def test_a_child_is_kept_only_while_it_holds_little(small_csv, keep_mib, kept):
    office = load_registry()["kab-kutai-timur"]
    shutdown_workers()
    first = read_isolated(small_csv, office)
    assert first.error is None and len(first.rows) == 1
    pid = _child_pid()
    shutdown_large_workers(keep_mib)
    assert (pid in [c.process.pid for c in isolated._CHILDREN.values()]) == kept
    again = read_isolated(small_csv, office)
    assert len(again.rows) == 1
    assert (_child_pid() == pid) == kept
    shutdown_workers()
