"""JSON exports of office web systems, one page per file.

A page is a list of records, at the top level or under one of the usual keys
(``data``, ``records``, ``items``, ``results``, ``rows``, or CKAN's
``result.records``). Records are objects whose field names go through the
same synonyms table as spreadsheet headers; one level of nesting is
flattened (``{"peserta": {"nama": ..}}`` tries "peserta nama", then "nama").
A page of arrays (a header array, then value arrays) is read like a sheet.
``source_row`` is the 1-based record index within the file.
"""

from __future__ import annotations

import json
import re

from sources import headers
from sources.readers.table import (
    render_float,
    HeaderNotFound,
    SheetReport,
    SubmissionRejected,
    TableRows,
    extract_rows,
    find_header,
)
from sources.registry import Office

RECORD_KEYS = ("data", "records", "items", "result", "results", "rows")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def render_value(value: object) -> str | None:
    """Turn one JSON value into text.

    JSON integers are exact, so they keep all their digits (a 16-digit NIK sent
    as a number is intact, unlike one typed into Excel); floats follow the
    spreadsheet rules; objects and arrays are kept as compact JSON text.
    """
    kind = type(value)
    if kind is str:
        text = value.strip()
        return text or None
    if value is None:
        return None
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is int:
        return str(value)
    if kind is float:
        return render_float(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def find_records(document: object) -> tuple[list, str]:
    """The list of records in a page and where it was found ("top level", "data", "result.records")."""
    if isinstance(document, list):
        return document, "top level"
    if isinstance(document, dict):
        for key in RECORD_KEYS:
            value = document.get(key)
            if isinstance(value, list):
                return value, key
        for key in RECORD_KEYS:
            value = document.get(key)
            if isinstance(value, dict):
                for inner in RECORD_KEYS:
                    if isinstance(value.get(inner), list):
                        return value[inner], f"{key}.{inner}"
        keys = ", ".join(repr(k) for k in list(document)[:10]) or "none"
        raise SubmissionRejected(
            "no list of records found: expected a top-level list or a list under "
            f"{' / '.join(RECORD_KEYS)} (or result.records); the object has keys {keys}"
        )
    raise SubmissionRejected(f"no list of records found: the document is a {type(document).__name__}")


def _canonical(name: str, overrides) -> str | None:
    canonical = headers.canonical_column(name, overrides)
    if canonical is None:
        split = _CAMEL.sub(" ", name)  # "tanggalLahir" -> "tanggal Lahir"
        if split != name:
            canonical = headers.canonical_column(split, overrides)
    return canonical


def _field_paths(records: list) -> list[tuple[str, ...]]:
    # Fields in first-seen order over all records: a web export omits null fields.
    seen: dict[tuple[str, ...], None] = {}
    shapes: set[tuple] = set()
    for record in records:
        if type(record) is not dict:
            continue
        shape = tuple(record)
        nested = [k for k, v in record.items() if type(v) is dict]
        if not nested and shape in shapes:
            continue
        shapes.add(shape)
        for key, value in record.items():
            if type(value) is dict:
                for inner in value:
                    seen.setdefault((key, inner), None)
            else:
                seen.setdefault((key,), None)
    return list(seen)


def _map_fields(paths, overrides) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    mapping: dict[str, tuple[str, ...]] = {}
    notes: list[str] = []
    for path in paths:
        canonical = None
        if len(path) == 2:
            canonical = _canonical(f"{path[0]} {path[1]}", overrides)
        if canonical is None:
            canonical = _canonical(path[-1], overrides)
        if canonical is None:
            continue
        if canonical in mapping:
            notes.append(
                f"field {'.'.join(path)!r} also maps to {canonical}; kept {'.'.join(mapping[canonical])!r}"
            )
            continue
        mapping[canonical] = path
    return mapping, notes


def read_json(data: bytes, office: Office) -> list[TableRows | SheetReport]:
    """Read one JSON page into a single TableRows, or a SheetReport saying why there is none."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = error.object[error.start]
        raise SubmissionRejected(f"JSON that is not UTF-8 (byte {byte:#04x} at offset {error.start})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise SubmissionRejected(f"not valid JSON ({error.msg} at line {error.lineno} column {error.colno})") from None
    records, where = find_records(document)
    if not records:
        raise SubmissionRejected(f"the list of records ({where}) is empty: no participant rows")
    overrides = office.reader.column_mapping or None

    if all(type(record) is list for record in records):
        head = [[render_value(v) for v in record] for record in records[:31]]
        try:
            header = find_header(head, overrides)
        except HeaderNotFound as reason:
            return [SheetReport("", None, {}, 0, {}, note=f"records are arrays; {reason}")]
        return [extract_rows(records, header, render_value, lambda i: i + 1, overrides=overrides)]

    mapping, notes = _map_fields(_field_paths(records), overrides)
    if not ({c for group in headers.REQUIRED_ANY_OF for c in group} & mapping.keys()):
        fields = ", ".join(".".join(p) for p in _field_paths(records)[:20]) or "none"
        raise SubmissionRejected(
            f"no name or NIK field in the records (fields: {fields}); looked for {headers.looked_for()}"
        )

    canonicals = list(mapping)
    paths = [mapping[c] for c in canonicals]
    values: list[list[str | None]] = [[] for _ in canonicals]
    source_rows: list[int] = []
    skipped: dict[str, int] = {}
    for index, record in enumerate(records, start=1):
        if type(record) is not dict:
            skipped["not_a_record"] = skipped.get("not_a_record", 0) + 1
            continue
        row = []
        for path in paths:
            if len(path) == 1:
                row.append(render_value(record.get(path[0])))
            else:
                outer = record.get(path[0])
                row.append(render_value(outer.get(path[1])) if type(outer) is dict else None)
        if row.count(None) == len(row):
            skipped["blank"] = skipped.get("blank", 0) + 1
            continue
        for column, value in zip(values, row):
            column.append(value)
        source_rows.append(index)

    report = SheetReport(
        sheet="",
        header_row=None,
        columns={c: ".".join(p) for c, p in mapping.items()},
        rows=len(source_rows),
        skipped=skipped,
        note="; ".join(notes),
    )
    return [TableRows(dict(zip(canonicals, values)), source_rows, report)]
