"""Occupations (jabatan kerja) and their levels (jenjang): which an office's programs offer, and their titles."""

from __future__ import annotations

import numpy as np

from demo import names as V
from demo import truth as T
from demo.specs import OfficeSpec


def _eligible_families(spec: OfficeSpec) -> dict[int, np.ndarray]:
    """Per jenjang 1-9: the office's families with that level (any family when none of its own has it)."""
    out = {}
    for level in range(1, 10):
        ids = [V.FAMILY_INDEX[k] for k in spec.families if level in V.FAMILIES[V.FAMILY_INDEX[k]].names]
        if not ids:
            ids = [i for i, f in enumerate(V.FAMILIES) if level in f.names]
        out[level] = np.array(ids, dtype=np.int16)
    return out


_JABATAN_TABLE = np.array(
    [V.FAMILIES[f].names.get(j) if f < len(V.FAMILIES) else None for f in range(len(V.FAMILIES)) for j in range(10)],
    dtype=object,
)
KUALIFIKASI_BY_JENJANG = np.array([None] + [T.kualifikasi_for(j) for j in range(1, 10)], dtype=object)


def jabatan_titles(family: np.ndarray, jenjang: np.ndarray) -> np.ndarray:
    """Occupation titles for (family, jenjang) arrays."""
    return _JABATAN_TABLE[np.asarray(family, dtype=np.int64) * 10 + np.asarray(jenjang, dtype=np.int64)]


def draw_families(jenjang: np.ndarray, spec: OfficeSpec, rng) -> np.ndarray:
    """An occupation family per row, among those of the office's programs that have the row's jenjang."""
    eligible = _eligible_families(spec)
    family = np.zeros(len(jenjang), dtype=np.int16)
    for level in np.unique(jenjang).tolist():
        rows = np.flatnonzero(jenjang == level)
        options = eligible[level]
        family[rows] = options[rng.integers(0, len(options), size=len(rows))]
    return family
