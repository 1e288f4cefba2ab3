"""Standardization: reader rows (raw text) -> canonical participation rows + quarantine.

The contract is docs/data-model.md sections 2 and 3. The entry point is
:func:`standardize.record.standardize_submission`; the scalar parsers it applies
once per distinct value live in :mod:`~standardize.nik`, :mod:`~standardize.names`,
:mod:`~standardize.dates`, :mod:`~standardize.levels` and :mod:`~standardize.fields`.
Plain Python and pandas; no Dagster here.
"""

from standardize.record import StandardizeResult, standardize_submission

__all__ = ["StandardizeResult", "standardize_submission"]
