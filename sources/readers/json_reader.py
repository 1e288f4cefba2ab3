"""JSON exports of office web systems, one page per file.

A page is a list of records: at the top level, under one of the usual envelope
keys (``data``, ``records``, ``items``, ``results``, ``rows``, ``content``,
``value``, CKAN's ``result.records``, next to ``meta`` / ``links`` /
``pagination``), or, failing those, the one list of objects in the envelope.
A file of one JSON record per line (JSON Lines) is a page too, and so is an
object keyed by record id (Firebase and other NoSQL exports, ``{"<NIK>": {..},
"<NIK>": {..}}``, also under an envelope key): its values are the records, the
key is put in as the record's ``nik`` when it looks like a NIK and the record has
none of its own, else kept as the field ``_key``, which maps to nothing.

Records are objects whose field names go through the same synonyms table as
spreadsheet headers. Nested objects are flattened to dotted paths
(``{"certificate": {"number": ..}}`` is the field ``certificate.number``; an
array holding one object counts as that object), and each path is mapped by
:func:`sources.headers.canonical_path`: the joined path first, so a synonym or
a registry ``column_mapping`` written ``certificate.number`` or
``certificate_number`` matches, then the child in its parent's context. When
two fields map to one column the surer mapping wins, then the first seen.
A record holding a person and a list of their certificates or assessments gives
one row per object of that list, the person's fields on each, in "sheet"
``<path>[k]``; the list chosen is the one whose objects have certificate or
assessment fields, other lists of objects (phone numbers, addresses, documents)
stay text, and so do two lists that both look like certificates.
A page of arrays (a header array, then value arrays, or value arrays with their
column names beside them) is read like a sheet.
``source_row`` is the 1-based record index within the file (for an object keyed
by id, the key's position in it).
"""

from __future__ import annotations

import ast
import html
import json
import re
from collections.abc import Callable

from sources import headers
from sources.readers.table import (
    render_float,
    HeaderNotFound,
    SheetReport,
    SubmissionRejected,
    TableRows,
    extract_tables,
    find_header,
    leading_text,
    lone_value,
    lone_values,
    only_numbers,
    results_read,
    total_record,
)
from sources.formats import utf16_encoding
from sources.readers.csv_reader import decode
from sources.readers.limits import check_json_depth
from sources.registry import Office

# "values": a page of rows of cells with the header as its first row ({"values": [[header...],
# [row...]]}, the Google Sheets shape without its "range").
RECORD_KEYS = ("data", "records", "items", "result", "results", "rows", "content", "value", "values", "hits", "list",
               "payload",
               # DataTables before 1.10 (legacy.datatables.net/usage/server-side): {"sEcho", "iTotalRecords",
               # "iTotalDisplayRecords", "aaData"}, as older PHP panels still answer
               "aaData")
# Deepest nesting flattened into fields; deeper objects stay JSON text.
MAX_DEPTH = 4


def render_value(value: object) -> str | None:
    """Turn one JSON value into text.

    JSON integers are exact, so they keep all their digits (a 16-digit NIK sent
    as a number is intact, unlike one typed into Excel); floats follow the
    spreadsheet rules; objects and arrays are kept as compact JSON text.
    """
    kind = type(value)
    if kind is str:
        text = value.strip()
        if ("<" in text and _MARKUP.search(text)) or ("&" in text and _ENTITY.search(text)):
            text = markup_text(text)
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


# An HTML element of the kind a web panel renders into a cell (DataTables' editColumn / Yajra's
# rawColumns: the name as a link, the result as a badge, buttons): a known tag name, so that a
# value such as "<5 tahun" or "<< revisi >>" stays text.
_MARKUP = re.compile(
    r"</?(?:a|abbr|b|br|button|center|div|em|font|h[1-6]|hr|i|img|input|label|li|mark|ol|p|small|span|strong|"
    r"sub|sup|td|th|tr|u|ul)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
# A character reference of an HTML-escaped value ("&amp;", "&#039;", "&quot;"): Blade's {{ }} escapes.
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
# Elements that end a line or a box: their tags stand between words; inline ones ("<b>K</b>") do not.
_BREAKING = re.compile(r"^</?(?:br|button|center|div|h[1-6]|hr|li|ol|p|td|th|tr|ul)\b", re.IGNORECASE)


def markup_text(text: str) -> str:
    """The text a browser shows for a value holding HTML markup, whitespace collapsed.

    Admin panels send their table cells as rendered HTML in the JSON of server-side
    DataTables (``"status": "<span class=\"badge badge-success\">Kompeten</span>"``, ``"nama":
    "<a href=\"/peserta/12\">BUDI</a>"``): the words are the value, the tags are layout.
    """
    text = _MARKUP.sub(lambda tag: " " if _BREAKING.match(tag.group()) else "", text)
    return " ".join(html.unescape(text).split())


_EXACT_DOUBLE = 2**53  # every whole number below it is exact as a double; above, only even ones (to 2**54)


def _nik_size(value: object) -> bool:
    kind = type(value)
    return (kind is int or kind is float) and 1e15 <= value < 1e17 and value == value and float(value).is_integer()


def nik_renderer(values) -> tuple[Callable[[object], str | None], str]:
    """How to write the NIKs of one page's NIK fields, judged on all of them, and a note.

    A NIK sent as a JSON number is read for what the page shows its writer did:

    * a float (``6408011203850010.0``: pandas writes a column with a missing NIK as
      float64) is exact below 2**53; one ending in 0 may still be Excel's 15 digits, unless
      other NIKs of the page end in another digit: then the writer kept all 16 (Excel would
      have cut every one) and the 0 is the NIK's own. Above 2**53 (every Papua NIK, 91-96)
      a double holds only even numbers: the 16th digit is the double's, not the NIK's, so
      only the first 15 are kept (cut, not rounded: the NIK's own first 15 digits but for
      one ending in 9 rounded up), in the 15-digit form standardization reads as a NIK
      with its last digit unknown;
    * an integer is exact when the writer kept integers (Python, PHP, a database driver),
      and the double's value when it went through one (JavaScript writes the double of
      9171011807710037 as 9171011807710036): an odd integer above 2**53 shows integers
      were kept; when every one above 2**53 is even, the page's integers there are
      doubles too, and only their first 15 digits are kept.
    """
    numbers = [value for value in values if _nik_size(value)]
    sixteen = any(int(value) % 10 for value in numbers if value < _EXACT_DOUBLE)
    above = [value for value in numbers if type(value) is int and value >= _EXACT_DOUBLE]
    doubled = bool(above) and not any(value % 2 for value in above)
    notes = []
    if doubled:
        notes.append(f"{len(above)} NIK(s) above 2**53 written as even JSON integers, as a double holds them: "
                     "their last digit is not the NIK's; first 15 digits kept")
    if any(type(value) is float and value >= _EXACT_DOUBLE for value in numbers):
        notes.append("NIKs above 2**53 written as JSON floats: their last digit is not the NIK's; first 15 digits kept")

    def render(value: object) -> str | None:
        if not _nik_size(value):
            return render_value(value)
        whole = int(value)
        if whole >= _EXACT_DOUBLE and (type(value) is float or doubled):
            digits = str(whole)
            return f"{digits[0]}.{digits[1:15]}e+{len(digits) - 1}"
        if type(value) is float and sixteen:
            return str(whole)
        return render_value(value)

    return render, "; ".join(notes)


def _object_lists(document: dict, depth: int = 0, where: str = "", overrides=None) -> list[tuple[str, list]]:
    """Non-empty lists of objects, and objects keyed by record id, anywhere in an envelope
    (3 levels deep), shallowest first."""
    found: list[tuple[str, list]] = []
    nested: list[tuple[str, dict]] = []
    for key, value in document.items():
        path = f"{where}.{key}" if where else str(key)
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            if not column_descriptions(key, value):
                found.append((path, value))
        elif isinstance(value, dict) and (keyed := keyed_records(value, overrides)) is not None:
            found.append((f"{path}, {_keyed_by(keyed[1])}", keyed[0]))
        elif isinstance(value, dict) and depth < 2:
            nested.append((path, value))
    if not found:
        for path, value in nested:
            found.extend(_object_lists(value, depth + 1, path, overrides))
    return found


# What a column's description holds beside its name: its type (CKAN {"id", "type"}, ArcGIS
# {"name", "type", "alias"}, Socrata {"fieldName", "dataTypeName"}, Frictionless {"name",
# "type", "format"}) or how a table shows it (DataTables {"data", "name", "searchable", "orderable"}).
_DESCRIPTION_KEYS = frozenset({"type", "datatype", "data_type", "datatypename", "sqltype", "alias", "format",
                               "length", "nullable", "searchable", "orderable", "visible", "width"})
_NAME_KEYS = ("id", "name", "field", "fieldname", "data", "label", "title", "key")


def column_descriptions(key: object, objects: list) -> bool:
    """True when a list of objects describes the columns of the records beside it, not records.

    Portals send their schema next to the rows: ArcGIS ``query?f=json`` has ``fields`` beside
    ``features``, CKAN's ``datastore_search`` ``fields`` beside ``records``, a DataTables debug
    answer echoes the request's ``columns``. Such a list sits under a columns key
    (:data:`COLUMN_KEYS`) and every object in it names one column (an id or name that is text)
    and says what it holds or how it shows (a type, an alias, searchable).
    """
    if str(key).strip().lower() not in COLUMN_KEYS:
        return False
    for item in objects:
        keys = {str(k).lower(): v for k, v in item.items()}
        if not any(isinstance(keys.get(name), str) for name in _NAME_KEYS):
            return False
        if not _DESCRIPTION_KEYS & keys.keys():
            return False
    return True


def _keyed_by(niks: bool) -> str:
    return "an object keyed by NIK" if niks else "an object keyed by record id"


# A key that is a NIK, possibly damaged: 15-17 digits once an apostrophe, spaces, dots and dashes are gone.
_NIK_KEY = re.compile(r"'?\d[\d .-]*\d")
# A key that is a record id (NIK, numeric id, Firebase push id, UUID, ObjectId): one word holding a digit.
_ID_KEY = re.compile(r"[\w.:@#$'-]*\d[\w.:@#$'-]*")
_KEY_FIELD = "_key"


def _nik_key(key: str) -> bool:
    return bool(_NIK_KEY.fullmatch(key)) and 15 <= sum(c.isdigit() for c in key) <= 17


class _Columns:
    """The column each field path maps to, looked up once per path."""

    def __init__(self, overrides):
        self.overrides = overrides
        self.known: dict[tuple[str, ...], str | None] = {}

    def __call__(self, path: tuple[str, ...]) -> str | None:
        if path not in self.known:
            self.known[path] = headers.canonical_path(path, self.overrides)[0]
        return self.known[path]


def keyed_records(value: object, overrides=None) -> tuple[list[dict], bool] | None:
    """The records of an object keyed by record id, and whether the keys are NIKs; None for any other object.

    The values must all be objects and the keys all record ids (one word with a digit in it:
    ``{"peserta": {..}, "sertifikat": {..}}`` is one record, not two); unless the keys are NIKs,
    some value must have a name or NIK field (``{"2024": {"jumlah": 3}}`` is a tally, not records).
    Each record gets its key: as ``nik`` when the keys are NIKs and the record has no NIK of its
    own (an own NIK, even a different one, wins), else as ``_key``, which maps to no column.
    """
    if type(value) is not dict or not value or not all(type(v) is dict for v in value.values()):
        return None
    keys = [str(key).strip() for key in value]
    niks = all(_nik_key(key) for key in keys)
    if not niks and not all(_ID_KEY.fullmatch(key) for key in keys):
        return None
    column = _Columns(overrides)
    identity = {c for group in headers.REQUIRED_ANY_OF for c in group}
    if not niks and not any(column(p) in identity for v in value.values() for p in _flatten(v, {}, {})):
        return None
    records = []
    for key, record in zip(keys, value.values()):
        own = _flatten(record, {}, {})
        if niks and not any(column(p) == headers.NIK and render_value(v) is not None for p, v in own.items()):
            record = {**record, "nik": key}
        elif _KEY_FIELD not in record:
            record = {**record, _KEY_FIELD: key}
        records.append(record)
    return records, niks


BY_COLUMN = "an object of columns"


def column_records(value: object, overrides=None) -> list[dict] | None:
    """The records of a page written column by column, else None.

    pandas' default ``DataFrame.to_json()`` (``orient="columns"``) writes ``{"<column>":
    {"<index>": value, ...}, ...}``: the outer keys are field names (one maps to a name or NIK
    column), the inner objects hold plain values keyed by row. Rows come in the order their
    index first appears; an index of NIKs (``df.set_index("nik")``) is each row's ``nik`` when
    no column holds one, any other index the field ``_key``.
    """
    if type(value) is not dict or not value or not all(type(v) is dict for v in value.values()):
        return None
    column = _Columns(overrides)
    fields = [str(key) for key in value]
    identity = {c for group in headers.REQUIRED_ANY_OF for c in group}
    if not any(column((field,)) in identity for field in fields):
        return None
    if any(type(v) is dict or type(v) is list for inner in value.values() for v in inner.values()):
        return None  # objects of objects: records keyed by something, not cells
    rows: dict[str, dict] = {}
    for field, cells in zip(fields, value.values()):
        for index, cell in cells.items():
            rows.setdefault(str(index), {})[field] = cell
    niks = headers.NIK not in {column((field,)) for field in fields} and all(_nik_key(index) for index in rows)
    return [{**row, ("nik" if niks else _KEY_FIELD): index} for index, row in rows.items()]


def _pages(documents: list, overrides=None) -> list | None:
    """The records of API pages saved one after another (a list of envelopes, or envelopes
    appended to one file: :func:`_concatenated`), in order; None unless every item is an
    envelope holding its records under one of :data:`RECORD_KEYS` and no item is itself a
    person (a name or NIK field of its own)."""
    if not documents or not all(type(page) is dict for page in documents):
        return None
    column = _Columns(overrides)
    identity = {c for group in headers.REQUIRED_ANY_OF for c in group}
    records: list = []
    for page in documents:
        key = next((key for key in RECORD_KEYS if type(page.get(key)) is list), None)
        envelope = page
        # {"data": {"items": [...]}}, CKAN's {"success": true, "result": {"records": [...]}}
        for outer in RECORD_KEYS if key is None else ():
            inner = page.get(outer)
            key = next((k for k in RECORD_KEYS if type(inner) is dict and type(inner.get(k)) is list), None)
            if key is not None:
                envelope = inner
                break
        # Records are objects, or rows of cells (Google Sheets' "values", each page with its header)
        if key is None or not (all(type(record) is dict for record in envelope[key])
                               or all(type(record) is list for record in envelope[key])):
            return None
        rest = {k: v for k, v in page.items() if v is not envelope} | {k: v for k, v in envelope.items() if k != key}
        # a person with their certificates under "data" is a record, not a page
        if any(column(path) in identity for path in _flatten(rest, {}, {})):
            return None
        records.extend(envelope[key])
    if not (all(type(record) is dict for record in records) or all(type(record) is list for record in records)):
        return None
    return records


def find_records(document: object, overrides=None) -> tuple[list, str]:
    """The list of records in a page and where it was found ("top level", "data", "result.records").

    Known envelope keys first (a list under ``data``, then a list one level down,
    ``result.records``, then an object keyed by record id under ``data``); then a
    document that is itself an object keyed by record id (:func:`keyed_records`);
    otherwise the one list of objects, or object keyed by id, in the envelope
    (``{"participants": [...], "meta": {...}}``). Two such are ambiguous and
    rejected, as is an envelope with none.
    """
    if isinstance(document, list):
        pages = _pages(document, overrides)
        return (pages, f"{len(document)} pages") if pages is not None else (document, "top level")
    if isinstance(document, dict):
        for key in RECORD_KEYS:
            value = document.get(key)
            if isinstance(value, list):
                # {"data": [{"page": 1, "items": [...]}, ...]}: a dump of the pages under one key
                pages = _pages(value, overrides)
                return (pages, f"{key}, {len(value)} pages") if pages is not None else (value, key)
        for key in RECORD_KEYS:
            value = document.get(key)
            if isinstance(value, dict):
                for inner in RECORD_KEYS:
                    if isinstance(value.get(inner), list):
                        return value[inner], f"{key}.{inner}"
        for key in RECORD_KEYS:
            keyed = keyed_records(document.get(key), overrides)
            if keyed is not None:
                return keyed[0], f"{key}, {_keyed_by(keyed[1])}"
            by_column = column_records(document.get(key), overrides)
            if by_column is not None:
                return by_column, f"{key}, {BY_COLUMN}"
        keyed = keyed_records(document, overrides)
        if keyed is not None:
            return keyed[0], f"top level, {_keyed_by(keyed[1])}"
        by_column = column_records(document, overrides)
        if by_column is not None:
            return by_column, f"top level, {BY_COLUMN}"
        candidates = _object_lists(document, overrides=overrides)
        people = _without_staff_lists(candidates)
        if one_record(document, bool(candidates), overrides):
            return [document], ONE_RECORD
        if len(people) == 1:
            where, records = people[0]
            return records, where
        keys = ", ".join(repr(k) for k in list(document)[:10]) or "none"
        if candidates:
            lists = ", ".join(repr(where) for where, _ in candidates[:5])
            raise SubmissionRejected(f"more than one list of records ({lists}); cannot tell which holds the participants")
        raise SubmissionRejected(
            "no list of records found: expected a top-level list or a list under "
            f"{' / '.join(RECORD_KEYS[:6])} (or result.records); the object has keys {keys}"
        )
    raise SubmissionRejected(f"no list of records found: the document is a {type(document).__name__}")


ONE_RECORD = "top level, one record"


def one_record(document: dict, lists: bool, overrides=None) -> bool:
    """True when an object is itself one participant's record, not an envelope of records.

    A system's detail endpoint or "export this participant" button writes one object
    (``{"nama": .., "nik": .., "jenjang": ..}``, or ``{"data": {"nama": ..}}``). It is one record
    when a field of its own (or of an object under it) maps to nama or NIK, not under a key
    holding a digit (``{"<NIK>": {..}, "total": 1}`` is records keyed by id). Beside a list of
    records (``lists``) a NIK of its own is needed: a name alone may be the event's
    (``{"nama": "Bimtek Operator", "peserta": [..]}``), a NIK is a person's.
    """
    column = _Columns(overrides)
    own = {column(path) for path in _object_paths(document)}
    return headers.NIK in own if lists else bool(own & {c for group in headers.REQUIRED_ANY_OF for c in group})


def _object_paths(document: dict, prefix: tuple = ()) -> list[tuple[str, ...]]:
    """The paths of a document's own fields, through objects only: not into lists (a list's objects
    are records, even one of them), nor under a key holding a digit (a record id)."""
    paths = []
    for key, value in document.items():
        path = (*prefix, str(key))
        if type(value) is dict and len(path) < MAX_DEPTH:
            if not any(c.isdigit() for c in path[-1]):
                paths.extend(_object_paths(value, path))
        elif type(value) is not list:
            paths.append(path)
    return paths


def _without_staff_lists(candidates: list[tuple[str, list]]) -> list[tuple[str, list]]:
    """The lists of records beside which every other list is the assessment's own people: an LSP's or
    an event's export with its participants (``peserta``, ``asesi``) beside its assessors and
    committee (``asesor``, ``panitia``), named as a sheet of them is (:func:`sources.readers.staff_list`).
    All candidates when no list, or not every other one, is so named."""
    from sources.readers import staff_list  # the package imports this module first

    if len(candidates) < 2:
        return candidates
    people = [(where, records) for where, records in candidates
              if ", " in where or not staff_list(None, where.rsplit(".", 1)[-1])]
    return people if len(people) == 1 else candidates


def _flatten(record: dict, out: dict, several: dict, prefix: tuple = (), depth: int = 1) -> dict:
    """``record``'s leaf values by key path; an array of one object counts as the object.

    Paths of arrays holding several objects are collected in ``several`` (they stay
    JSON text: one row cannot hold two certificates).
    """
    for key, value in record.items():
        path = (*prefix, str(key))
        if type(value) is list and value and all(type(v) is dict for v in value):
            if len(value) == 1:
                value = value[0]
            else:
                several[path] = several.get(path, 0) + 1
        if type(value) is dict and value and depth < MAX_DEPTH:
            _flatten(value, out, several, path, depth + 1)
        else:
            # An empty object or array holds nothing ({"certificate": {}} before issue).
            out[path] = None if (type(value) is dict or type(value) is list) and not value else value
    return out


# Name parts some exports split a person's name into, in the order they are written.
_NAME_PARTS = {
    **dict.fromkeys(("first name", "firstname", "given name", "nama depan"), 0),
    **dict.fromkeys(("middle name", "nama tengah"), 1),
    **dict.fromkeys(("last name", "lastname", "family name", "surname", "nama belakang"), 2),
}
# The field a joined name is put in beside its parts: a header every reader maps to nama.
JOINED_NAME = "full_name"


def _with_joined_name(fields: dict) -> dict:
    """``fields`` with the name parts of each parent joined into one ``full_name`` beside them
    ({"first_name": "Budi", "last_name": "Santoso"} -> "Budi Santoso"), added last, so a
    name field of the record's own, seen first, is the one read."""
    parts: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for path, value in fields.items():
        order = _NAME_PARTS.get(headers.normalize_header(path[-1]))
        text = render_value(value) if order is not None else None
        if text:
            parts.setdefault(path[:-1], []).append((order, text))
    for parent, found in parts.items():
        if any(order in (0, 2) for order, _ in found) and (*parent, JOINED_NAME) not in fields:
            fields[(*parent, JOINED_NAME)] = " ".join(text for _, text in sorted(found, key=lambda part: part[0]))
    return fields


def _map_fields(paths, overrides) -> tuple[dict[str, list[tuple[str, ...]]], list[str]]:
    """Per column, the fields that feed it: the surest first, then equally sure ones in first-seen order.

    Records of one export may name a field two ways ("position" here, "job_title"
    there), so equally sure fields fill each other's gaps; a less sure field never
    does ("status" does not fill in for an empty "assessment_result").
    """
    found: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for path in paths:
        canonical, strength = headers.canonical_path(path, overrides)
        if canonical is not None:
            found.setdefault(canonical, []).append((path, strength))
    mapping: dict[str, list[tuple[str, ...]]] = {}
    notes: list[str] = []
    for canonical, candidates in found.items():
        best = max(strength for _, strength in candidates)
        mapping[canonical] = [path for path, strength in candidates if strength == best]
        kept = ".".join(mapping[canonical][0])
        for path, strength in candidates:
            if path == mapping[canonical][0]:
                continue
            how = "fills in where it is empty" if strength == best else "ignored"
            notes.append(f"field {'.'.join(path)!r} also maps to {canonical}; kept {kept!r}, {'.'.join(path)!r} {how}")
    return mapping, notes


def _result_fields_by_content(mapping: dict[str, list[tuple[str, ...]]], flat) -> list[str]:
    """Of equally sure result fields, keep those whose values read as results, in place; the notes.

    Two plain fields may both name the result ("status": Karyawan / Fresh Graduate, "keterangan":
    K / BK): the values decide, as for a sheet's columns (``table.results_read``), not their order.
    """
    paths = mapping.get(headers.HASIL, [])
    if len(paths) < 2:
        return []
    read = [results_read([render_value(fields.get(path)) for _, _, fields in flat if fields is not None], True)
            for path in paths]
    if not any(read):
        return []
    kept = [path for path, n in sorted(zip(paths, read), key=lambda pair: -pair[1]) if n]
    dropped = [path for path, n in zip(paths, read) if not n]
    mapping[headers.HASIL] = kept
    return [f"field {'.'.join(path)!r} holds no assessment results; result read from {'.'.join(kept[0])!r}"
            for path in dropped]


def _first(fields: dict, paths: list[tuple[str, ...]], render=render_value) -> str | None:
    for path in paths:
        value = render(fields.get(path))
        if value is not None:
            return value
    return None


def _load(text: str) -> object:
    # A DOS end-of-file mark (Ctrl-Z) left by an old editor or a `copy /b` of pages.
    text = text.rstrip().rstrip("\x1a")
    try:
        document = _parse(text)
    except json.JSONDecodeError as strict:
        unwrapped = _unwrapped(text)
        if unwrapped is not None:
            try:
                return _load(unwrapped)
            except SubmissionRejected:
                pass
        # A page edited by hand: a comma left after the last item, a "// note" above a record.
        lenient = _HAND_EDITS.sub(_keep_strings, text)
        try:
            document = _parse(lenient) if lenient != text else None
        except json.JSONDecodeError:
            document = None
        if document is None:
            error = strict
            raise SubmissionRejected(
                f"not valid JSON ({error.msg} at line {error.lineno} column {error.colno})") from None
    if type(document) is str and document.lstrip()[:1] in ("[", "{"):
        # Encoded twice (a system that json_encodes its JSON answer again): the string is the page.
        try:
            return json.loads(document)
        except json.JSONDecodeError:
            pass
    return document


# What a browser-facing endpoint puts around its JSON: a comment ("/*O_o*/", Google's gviz), an
# XSSI guard (")]}'"), a JSONP callback ("jQuery36005_1700000000000({...});",
# "google.visualization.Query.setResponse({...});").
_LEADING_COMMENT = re.compile(r"^\s*/\*.*?\*/\s*", re.DOTALL)
_XSSI_GUARD = re.compile(r"^\s*\)\]\}'?,?\s*")
_JSONP = re.compile(r"^\s*(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*\s*\(\s*(?P<json>[\[{].*[\]}])\s*\)\s*;?\s*$",
                    re.DOTALL)


def _unwrapped(text: str) -> str | None:
    """The JSON inside a JSONP answer or behind an XSSI guard, else None.

    Endpoints that answer a browser wrap their JSON: Google's gviz/tq answers JSONP by
    default, ``/*O_o*/ google.visualization.Query.setResponse({...});``; jQuery's
    ``$.getJSON(url + "?callback=?")`` gets ``jQuery3600_1700000000000({...});``; Angular-era
    APIs put ``)]}'`` before theirs. Saved from the browser, the file keeps the wrapper.
    """
    inner = _XSSI_GUARD.sub("", _LEADING_COMMENT.sub("", text), count=1)
    call = _JSONP.match(inner)
    if call is not None:
        inner = call.group("json")
    return inner if inner != text and inner.lstrip()[:1] in ("[", "{") else None


def _parse(text: str) -> object:
    """One JSON document, or the documents of a text holding several one after another."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # JSON Lines, or documents one after another ("Extra data" after the first one).
        values = _concatenated(text) if error.msg == "Extra data" else None
        if values is None:
            raise
        return values


# Outside strings: a comma right before "}" or "]" (JavaScript and Python accept it, a clerk
# deleting the last record leaves it), and // or /* */ comments (JSONC, as editors save
# settings-style files). Strings are matched first so that "http://..." and "a, ]" inside
# them stay as they are.
_HAND_EDITS = re.compile(r'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/|,(?=\s*[}\]])', re.DOTALL)


def _keep_strings(match: re.Match) -> str:
    return match.group(1) or ""


_BETWEEN_DOCUMENTS = re.compile(r"[\s,]*")


def _concatenated(text: str) -> list | None:
    """The objects or arrays of a text holding several JSON documents one after another, else None.

    JSON Lines (one record per line), pretty-printed records one below the other, and API
    pages appended to one file by a script (``curl ... >> peserta.json``): whitespace or a
    comma may stand between them. Each becomes one item of a list, read like any page.
    """
    decoder = json.JSONDecoder()
    values, at, end = [], 0, len(text)
    while True:
        at = _BETWEEN_DOCUMENTS.match(text, at).end()
        if at == end:
            return _joined_arrays(values)
        try:
            value, at = decoder.raw_decode(text, at)
        except json.JSONDecodeError:
            return None
        if type(value) is not dict and type(value) is not list:
            return None
        values.append(value)


def _joined_arrays(values: list) -> list:
    """One list of records split over several arrays (a page per array, ``[...]\n[...]``) joined
    into one; anything else as it is. JSON Lines of value arrays (``["1", "Budi", ...]`` per line)
    stay one record per line: only arrays that all hold records (objects, or rows of cells) join."""
    if len(values) > 1 and all(type(value) is list and value for value in values) and all(
            all(type(item) is dict for item in value) or all(type(item) is list for item in value)
            for value in values):
        return [item for value in values for item in value]
    return values


def read_json(data: bytes, office: Office) -> list[TableRows | SheetReport]:
    """Read one JSON page into TableRows (one per Google Sheets range, else one per part), or a
    SheetReport saying why there is none."""
    document, encoding_note = _document(data, office)
    tables = _read_document(document, office)
    if encoding_note:
        for table in tables:
            report = table.report if isinstance(table, TableRows) else table
            report.note = "; ".join(filter(None, [encoding_note, report.note]))
    return tables


# Keys that label a group of participants by its level, batch or year ("jenjang_3", "Tahap II",
# "angkatan-1", "2025"): an export that files each group's list under its label.
_GROUP_KEY = re.compile(
    r"^(?:(?:jenjang|jenj|kkni|level|lvl|tahap|angkatan|batch|gelombang|tahun|ta)[\s_\-.:]*(?:ke[\s_\-]*)?"
    r"(?:\d{1,2}|[ivx]{1,4})|(?:tahun[\s_\-]*)?20\d\d)$",
    re.IGNORECASE,
)


def labelled_lists(document: object) -> list[tuple[str, list]] | None:
    """The lists of records of a document that files them by group label, or None.

    Also by result: ``{"peserta_kompeten": [...], "peserta_belum_kompeten": [...]}``, ``{"lulus": [...],
    "tidak_lulus": [...]}``, each list then a sheet whose name gives its rows their result where they
    state none, as a workbook's sheets "Lulus" / "Tidak Lulus" do (:func:`sources.readers.fill_hasil`).

    ``{"jenjang_3": [...], "jenjang_2": [...], "meta": {...}}``, also under an envelope key
    (``{"data": {"tahap_1": [...], "tahap_2": [...]}}``): two lists or more, every one of them under
    a level, batch or year label (:data:`_GROUP_KEY`). Lists under other keys beside them
    (``peserta`` and ``asesor``) leave the choice open, as before: no list is taken.
    """
    from sources.readers import stated_hasil  # the package imports this module first

    if type(document) is not dict:
        return None
    for candidate in (document, *(document.get(key) for key in RECORD_KEYS)):
        if type(candidate) is not dict:
            continue
        lists = [(str(key), value) for key, value in candidate.items()
                 if type(value) is list and value and all(type(v) is dict for v in value)]
        if len(lists) >= 2 and (all(_GROUP_KEY.match(key.strip()) for key, _ in lists)
                                or all(stated_hasil(key, whole=True) for key, _ in lists)):
            return lists
    return None


def _read_document(document: object, office: Office) -> list[TableRows | SheetReport]:
    groups = labelled_lists(document)
    if groups is not None:
        # each group read as a sheet named by its label, which gives its rows the level or year it
        # states where they write none (readers.fill_jenjang, fill_tahun)
        tables = []
        for label, records in groups:
            for table in _read_document(records, office):
                report = table.report if isinstance(table, TableRows) else table
                report.sheet = f"{label} {report.sheet}".strip()
                tables.append(table)
        return tables
    overrides = office.reader.column_mapping or None
    table = gviz_table(document)
    if table is not None:
        columns, rows = table
        _check_size(len(rows), "table.rows", office)
        return _read_arrays(rows, overrides, columns)
    ranges = value_ranges(document)
    if ranges is not None:
        _check_size(sum(len(rows) for _, rows in ranges), "values", office)
        return [table for sheet, rows in ranges for table in _read_arrays(rows, overrides, sheet=sheet)]
    document = json_api_resolved(typed_values_unwrapped(document))
    records, columns, where = _page_records(document, office)
    if all(type(record) is list for record in records):
        tables = _read_arrays(records, overrides, columns)
        if columns is None and datatables_answer(document) and not any(isinstance(t, TableRows) for t in tables):
            # What a web page's table fetched for display: each row's cells by position, the column
            # names in the page's script, not in the answer. Their order is no evidence of which is which.
            for table in tables:
                table.note = (f"a DataTables answer whose rows ({where}) are arrays of cells with no column names "
                              "(no sColumns / aoColumns / columns beside them): the columns cannot be told apart; "
                              "ask the office for the system's Excel or CSV export, or for the JSON with named "
                              f"fields; {table.note}")
        return tables
    records, many2one_note = many2one_names(records)
    flat, seen, several = _flatten_records(records, overrides)
    mapping, notes = _field_mapping(seen, several, overrides)
    if many2one_note:
        notes.insert(0, many2one_note)
    if where == ONE_RECORD:
        notes.insert(0, "the file is one record (an object, not a list): read as one participant")
    lone = _lone_result_field(mapping, seen, overrides)
    notes += _result_fields_by_content(mapping, flat)
    if where.endswith(_keyed_by(True)):
        notes.insert(0, f"records are the values of {where.split(', ', 1)[1]} ({where.split(', ', 1)[0]}); "
                        "the key is the nik of a record without one, source_row its position")
    elif where.endswith(BY_COLUMN):
        notes.insert(0, f"records are the rows of {BY_COLUMN} ({where.split(', ', 1)[0]}, pandas orient=columns), "
                        "source_row the row's position")
    elif where.endswith(_keyed_by(False)):
        notes.insert(0, f"records are the values of {where.split(', ', 1)[1]} ({where.split(', ', 1)[0]}), "
                        "kept as the field _key; source_row is its position")
    canonicals = list(mapping)
    nik_paths = mapping.get(headers.NIK, [])
    render_nik, nik_note = nik_renderer(
        fields.get(path) for _, _, fields in flat if fields is not None for path in nik_paths)
    renders = [render_nik if column == headers.NIK else render_value for column in canonicals]
    if nik_note:
        notes.append(nik_note)
    tables = []
    for part, entries in _by_part(flat).items():
        values, source_rows, skipped = _collect_rows(
            entries, [mapping[c] for c in canonicals], renders,
            *(canonicals.index(c) if c in canonicals else None for c in (headers.NAMA, headers.NIK)))
        part_notes = list(notes)
        if lone is not None:
            at = canonicals.index(headers.HASIL)
            values[at] = lone_values(lone, values[at])
        if headers.HASIL in mapping and _status_codes(mapping[headers.HASIL], values[canonicals.index(headers.HASIL)]):
            values[canonicals.index(headers.HASIL)] = [None] * len(source_rows)
            part_notes.append(f"field {'.'.join(mapping[headers.HASIL][0])!r} holds only numbers: a record's status "
                              "code, not an assessment result; no result read")
        report = SheetReport(
            sheet=part,
            header_row=None,
            columns={c: ".".join(p[0]) for c, p in mapping.items()},
            rows=len(source_rows),
            skipped=skipped,
            note="; ".join(part_notes),
        )
        tables.append(TableRows(dict(zip(canonicals, values)), source_rows, report))
    return tables


def _document(data: bytes, office: Office) -> tuple[object, str]:
    """The parsed page, after the checks that reject the whole file (encoding, JSON, depth), and a
    note when it was not UTF-8.

    JSON is UTF-8 (RFC 8259), but a PHP system on a Windows-1252 database, or a clerk saving
    from Notepad, writes "René" as one byte 0xE9. Every JSON delimiter is ASCII, so such a file
    decodes whole, as the CSV reader decodes text (:func:`decode`: UTF-8 where it can, the
    bytes UTF-8 cannot as Windows-1252).
    """
    utf16 = utf16_encoding(data)
    if utf16:
        try:
            text = data.decode(utf16).removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            raise SubmissionRejected(f"corrupt UTF-16 text ({error.reason} at offset {error.start})") from None
        note = ""
    else:
        text, encoding = decode(data)
        note = "" if encoding == "utf-8" else f"JSON not in UTF-8: read as {encoding}"
    try:
        document = _load(text)
    except SubmissionRejected:
        document = python_literal(text)
        if document is None:
            raise
        note = "; ".join(filter(None, [note, "not JSON but a Python literal (a script's print() of its data: "
                                             "single quotes, True/False/None): read as the values it writes"]))
    check_json_depth(document, office.limits)
    return document, note


# What a script's print() writes for values JSON has no word for, outside strings: a database
# driver's datetime.date(1985, 3, 12) / datetime.datetime(2025, 3, 1, 10, 0) and Decimal('3'),
# pandas' Timestamp('2025-03-01 00:00:00'), nan and NaT (a blank cell of a DataFrame's
# to_dict()). Strings are matched first so that their text stays as it is.
_PYTHON_VALUES = re.compile(
    r"""('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
    r"|\b(?:datetime\.)?(?:date|datetime)\((\d{4}),\s*(\d{1,2}),\s*(\d{1,2})((?:,\s*\d+){0,5})\)"
    r"|\b(?:Decimal|Timestamp)\(\s*(['\"])([^'\"\n]*)\6\s*\)"
    r"|\b(nan|NaN|NaT|None)\b"
)


def _python_value(match: re.Match) -> str:
    if match.group(1) is not None:
        return match.group(1)
    if match.group(2) is not None:
        day = f"{int(match.group(2)):04d}-{int(match.group(3)):02d}-{int(match.group(4)):02d}"
        clock = [int(part) for part in match.group(5).split(",")[1:3]]
        return repr(day + (f" {clock[0]:02d}:{clock[1] if len(clock) > 1 else 0:02d}" if clock else ""))
    if match.group(7) is not None:
        return repr(match.group(7))
    return "None"


def _json_shaped(value: object) -> object:
    """A Python literal's value as JSON would hold it: tuples as lists, keys as text."""
    if isinstance(value, dict):
        return {str(key): _json_shaped(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_shaped(item) for item in value]
    return value


def python_literal(text: str) -> object | None:
    """The list or dict of a text that is a Python literal rather than JSON, else None.

    A hand-written script that saves its data with ``print(data)`` or ``str(data)`` instead of
    ``json.dump`` writes Python's repr: single quotes, True / False / None, a trailing comma,
    tuples, and the driver's or pandas' own values (:data:`_PYTHON_VALUES`). Read with
    ``ast.literal_eval``, which evaluates literals only (no names, no calls); anything it cannot
    read (code, another language) stays the JSON error it was.
    """
    stripped = text.strip()
    if stripped[:1] not in ("[", "{") or stripped[-1:] not in ("]", "}"):
        return None
    try:
        value = ast.literal_eval(_PYTHON_VALUES.sub(_python_value, stripped))
    except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError):
        return None
    return _json_shaped(value) if isinstance(value, (list, dict, tuple)) else None


def _check_size(count: int, where: str, office: Office) -> None:
    if count > office.limits.max_rows:
        raise SubmissionRejected(
            f"{count:,} records ({where}), over the intake limit of {office.limits.max_rows:,} rows "
            "(limits.max_rows); ask the office to split the export, or raise the limit for this office"
        )


def _resource_key(resource: object) -> tuple[str, str] | None:
    if type(resource) is not dict or "type" not in resource or "id" not in resource:
        return None
    return str(resource["type"]), str(resource["id"])


def json_api_resolved(document: object) -> object:
    """A JSON:API document with its related resources put into the records that point at them, else as is.

    JSON:API (jsonapi.org: Drupal, Laravel JSON:API packages) sends each record as ``{"type", "id",
    "attributes": {...}, "relationships": {"sertifikat": {"data": {"type": "sertifikat", "id":
    "9"}}}}`` and the related rows once, in ``included``. Each record becomes its attributes with
    each relationship's included attributes under the relationship's name (a list for a to-many
    one: a person with their certificates), so the certificate's number and dates are read as a
    nested record's are. A relationship whose resource was not included stays out.
    """
    if type(document) is not dict or type(document.get("included")) is not list:
        return document
    data = document.get("data")
    resources = data if type(data) is list else [data] if type(data) is dict else None
    if not resources or not all(_resource_key(r) and type(r.get("attributes")) is dict for r in resources):
        return document
    included = {_resource_key(r): r for r in document["included"] if _resource_key(r) is not None}

    def attributes(resource: dict) -> dict:
        return {"id": resource["id"], **(resource.get("attributes") or {})}

    records = []
    for resource in resources:
        record = attributes(resource)
        for name, relation in (resource.get("relationships") or {}).items():
            linked = relation.get("data") if type(relation) is dict else None
            if type(linked) is dict and (target := included.get(_resource_key(linked))) is not None:
                record[name] = attributes(target)
            elif type(linked) is list:
                targets = [included[key] for key in map(_resource_key, linked) if key in included]
                if targets:
                    record[name] = [attributes(target) for target in targets]
        records.append(record)
    return {key: value for key, value in document.items() if key not in ("data", "included")} | {"data": records}


# Value wrappers that name a value's type: Firestore's REST documents ({"stringValue": "Agus"},
# {"integerValue": "3"}: firebase.google.com/docs/firestore/reference/rest/v1/Value), MongoDB Extended JSON
# as mongoexport writes it ({"$oid": ...}, {"$date": ...}, {"$numberInt": "3"}), DynamoDB's attribute values
# ({"S": "Agus"}, {"N": "3"}: its console and S3 exports).
_FIRESTORE = frozenset({"stringValue", "integerValue", "doubleValue", "booleanValue", "timestampValue", "nullValue",
                        "referenceValue", "bytesValue", "geoPointValue", "mapValue", "arrayValue"})
_MONGO = frozenset({"$oid", "$date", "$numberInt", "$numberLong", "$numberDouble", "$numberDecimal", "$timestamp",
                    "$binary", "$uuid", "$symbol"})
_DYNAMO = frozenset({"S", "N", "BOOL", "NULL", "M", "L", "SS", "NS", "B", "BS"})


def _typed(value: object, tags: frozenset) -> bool:
    return type(value) is dict and len(value) == 1 and next(iter(value)) in tags


def _untyped(value: object) -> object:
    """One value with its type wrapper taken off, inside maps and lists too."""
    if type(value) is list:
        return [_untyped(v) for v in value]
    if type(value) is not dict:
        return value
    if len(value) == 1 and next(iter(value)) in _FIRESTORE | _MONGO:
        return _tag_value(*next(iter(value.items())))
    if value and all(_typed(v, _DYNAMO) for v in value.values()):
        return {k: _tag_value(*next(iter(v.items()))) for k, v in value.items()}
    return {k: _untyped(v) for k, v in value.items()}


def _tag_value(tag: str, inner: object) -> object:
    """The value a type tag wraps (see :func:`_untyped`)."""
    if tag in ("nullValue", "NULL"):
        return None
    if tag == "mapValue":
        return _untyped((inner or {}).get("fields") or {}) if type(inner) is dict else inner
    if tag == "arrayValue":
        return [_untyped(v) for v in ((inner or {}).get("values") or [])] if type(inner) is dict else inner
    if tag == "M" and type(inner) is dict:
        return {k: _tag_value(*next(iter(v.items()))) if _typed(v, _DYNAMO) else _untyped(v) for k, v in inner.items()}
    if tag == "L" and type(inner) is list:
        return [_tag_value(*next(iter(v.items()))) if _typed(v, _DYNAMO) else _untyped(v) for v in inner]
    return _untyped(inner)


def _firestore_document(value: object) -> bool:
    fields = value.get("fields") if type(value) is dict else None
    return type(fields) is dict and isinstance(value.get("name"), str) and bool(fields) and all(
        _typed(v, _FIRESTORE) for v in fields.values())


def typed_values_unwrapped(document: object) -> object:
    """The document with type-tagged values as plain values, else as is.

    A Firestore document (``{"name": "projects/.../documents/peserta/7", "fields": {"nama":
    {"stringValue": ...}}, "createTime": ...}``) becomes its fields: its ``name`` is the
    document's path, not a person's. Mongo and DynamoDB values lose their tags (``{"$numberInt":
    "3"}`` is "3"; a DynamoDB item is read only when every attribute is tagged, since "S" or "N"
    may as well be a field's own name). Untagged documents come back unchanged.
    """
    def walk(value: object) -> object:
        if _firestore_document(value):
            return _untyped(value["fields"])
        if type(value) is list:
            return [walk(v) for v in value]
        if type(value) is dict:
            if value and all(_typed(v, _DYNAMO) for v in value.values()):
                return _untyped(value)
            return {k: (_untyped(v) if _typed(v, _MONGO) else walk(v)) for k, v in value.items()}
        return value

    return walk(document)


def _many2one(value: object) -> bool:
    return type(value) is list and len(value) == 2 and type(value[0]) is int and type(value[1]) is str


# Odoo names a many2one field after its target with "_id" ("country_id", "partner_id", "jenjang_id").
_MANY2ONE_NAME = re.compile(r"^(?P<name>.+?)_id$", re.IGNORECASE)


def _many2one_fields(value: object, found: dict) -> None:
    """The ``*_id`` field names holding an ``[id, "display name"]`` pair anywhere in ``value``."""
    if type(value) is dict:
        for key, item in value.items():
            if _many2one(item) and _MANY2ONE_NAME.match(str(key)):
                found[key] = None
            elif type(item) is dict or type(item) is list:
                _many2one_fields(item, found)
    elif type(value) is list:
        for item in value:
            if type(item) is dict or type(item) is list:
                _many2one_fields(item, found)


def _named(value: object, fields: dict) -> object:
    """``value`` with each many2one pair of ``fields`` as its display name under the field's name
    without "_id" (kept under its own name where the record has that field already)."""
    if type(value) is list:
        return [_named(item, fields) for item in value]
    if type(value) is not dict:
        return value
    out = {}
    for key, item in value.items():
        if key in fields and (_many2one(item) or item is False):
            name = _MANY2ONE_NAME.match(str(key)).group("name")
            # Odoo writes an empty many2one as false, not null
            out[name if name not in value else key] = item[1] if item else None
        else:
            out[key] = _named(item, fields) if type(item) is dict or type(item) is list else item
    return out


def many2one_names(records: list) -> tuple[list, str]:
    """Records with Odoo's many2one values read as their display names, and a note naming the fields.

    Odoo's ``read`` / ``search_read`` (JSON-RPC, XML-RPC, and the exports scripted on them) send a
    many2one field as ``[id, "display name"]`` (``"country_id": [21, "Belgium"]``, an empty one as
    ``false``): ``"jenjang_id": [3, "Jenjang 3"]`` is the level named "Jenjang 3", read under the
    field's name without "_id" (``jenjang``); the id is the database's, not a value. A plain
    ``jenjang_id: 3`` is a key into another table and stays unread. Only ``*_id`` fields are read
    so: another two-item array (``"nilai": [80, "B"]``) is no reference.
    """
    found: dict = {}
    _many2one_fields(records, found)
    if not found:
        return records, ""
    names = ", ".join(repr(str(key)) for key in found)
    return _named(records, found), f"fields {names} are Odoo many2one [id, name] pairs: the name is read"


def _page_records(document: object, office: Office) -> tuple[list, list[str] | None, str]:
    """The page's records, the column names sent beside records that are arrays
    (:func:`columns_beside`), if any, and where the records were found (:func:`find_records`)."""
    records, where = find_records(document, office.reader.column_mapping or None)
    if not records:
        raise SubmissionRejected(f"the list of records ({where}) is empty: no participant rows")
    _check_size(len(records), where, office)
    return records, columns_beside(document, records), where


def _value_range(entry: object) -> tuple[str, list[list]] | None:
    """One Google Sheets ValueRange as (sheet name, rows), or None for any other object."""
    if not isinstance(entry, dict) or not isinstance(entry.get("values"), list):
        return None
    rows = entry["values"]
    if not all(type(row) is list for row in rows) or ("range" not in entry and "majorDimension" not in entry):
        return None
    if str(entry.get("majorDimension", "ROWS")).upper() == "COLUMNS":
        # Each inner array is a column; the API leaves out a column's trailing empty cells.
        height = max((len(column) for column in rows), default=0)
        rows = [[column[i] if i < len(column) else None for column in rows] for i in range(height)]
    sheet = str(entry.get("range") or "")
    # "'Peserta 2025'!A1:Z1000" names its sheet before the "!"; a range without one is the first sheet.
    sheet = sheet.rpartition("!")[0].strip("'").replace("''", "'") if "!" in sheet else ""
    return sheet, rows


def value_ranges(document: object) -> list[tuple[str, list[list]]] | None:
    """The ranges of a Google Sheets API answer as (sheet name, rows of cells), else None.

    ``spreadsheets.values.get`` answers ``{"range": "Sheet1!A1:F9", "majorDimension":
    "ROWS", "values": [[header...], [row...]]}``, ``batchGet`` a list of those under
    ``valueRanges``; rows (or columns, with ``majorDimension: "COLUMNS"``) leave out their
    trailing empty cells (developers.google.com/sheets/api/samples/reading).
    """
    if not isinstance(document, dict):
        return None
    if isinstance(document.get("valueRanges"), list):
        ranges = [_value_range(entry) for entry in document["valueRanges"]]
        return ranges if ranges and None not in ranges else None
    one = _value_range(document)
    return [one] if one is not None else None


# A gviz cell's date or date-time: "Date(2021,6,1)" or "Date(2021,6,1,9,30,0)", the month from 0 as in JavaScript.
_GVIZ_DATE = re.compile(r"Date\((\d{4}),(\d{1,2}),(\d{1,2})(?:,\d{1,2}){0,4}\)")


def _gviz_value(cell: object) -> object:
    """One gviz cell as a JSON value: its ``v``, a date as ISO (month + 1), ``f`` where ``v`` is empty."""
    if type(cell) is not dict:
        return None
    value = cell.get("v")
    if type(value) is str and (found := _GVIZ_DATE.fullmatch(value.strip())):
        year, month, day = (int(part) for part in found.groups())
        return f"{year:04d}-{month + 1:02d}-{day:02d}"
    return cell.get("f") if value is None else value


def gviz_table(document: object) -> tuple[list[str], list[list]] | None:
    """The column names and rows of a Google Visualization (gviz) DataTable answer, else None.

    A Google Sheet read through ``/gviz/tq`` answers ``{"version", "status", "table": {"cols":
    [{"id": "A", "label": "Nama", "type": "string"}, ...], "rows": [{"c": [{"v": ..., "f": ...},
    ...]}]}}``. The raw value ``v`` is read, not the formatted ``f``, which shows a NIK left as
    a General number as "8.17101E+15"; a date's ``v`` is ``"Date(2021,6,1)"``, its month counted
    from 0 (1 July); a column is named by its label, else its letter.
    """
    if type(document) is not dict or type(document.get("table")) is not dict:
        return None
    cols, rows = document["table"].get("cols"), document["table"].get("rows")
    if type(cols) is not list or type(rows) is not list or not cols or not all(type(c) is dict for c in cols):
        return None
    if not all(type(row) is dict and type(row.get("c")) is list for row in rows):
        return None
    names = [str(col.get("label") or col.get("id") or "").strip() for col in cols]
    return names, [[_gviz_value(cell) for cell in row["c"]] for row in rows]


# Where an export names the columns of records that are arrays: pandas' orient="split"
# ({"columns": [...], "index": [...], "data": [[...]]}), SQL-over-HTTP APIs ({"columns":
# [...], "rows": [[...]]}), CKAN's datastore with records_format=lists ({"fields": [{"id":
# ...}], "records": [[...]]}), also one level down (result.fields beside result.records).
# Legacy DataTables names them "aoColumns" ([{"sTitle": "Nama"}, ...]) and, in a server-side
# answer, "sColumns": one string of names joined by commas (the columns' sName).
COLUMN_KEYS = ("columns", "fields", "headers", "header", "kolom", "cols", "schema", "aocolumns", "scolumns")


def _column_name(entry: object) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        named = {str(key).lower(): value for key, value in entry.items()}
        for key in ("id", "name", "label", "title", "field", "stitle", "sname"):
            if isinstance(named.get(key), str) and named[key].strip():
                return named[key]
    return None


def columns_beside(document: object, records: list) -> list[str] | None:
    """The column names sent beside ``records`` when they are arrays, one per value, else None."""
    if not isinstance(document, dict) or not records or not all(type(record) is list for record in records):
        return None
    envelopes = [document, *(value for value in document.values() if isinstance(value, dict))]
    for envelope in envelopes:
        by_key = {str(key).lower(): value for key, value in envelope.items()}
        for key in COLUMN_KEYS:
            entries = by_key.get(key)
            if isinstance(entries, str) and "," in entries:
                entries = [name.strip() for name in entries.split(",")]
            names = [_column_name(entry) for entry in entries] if isinstance(entries, list) else []
            if names and None not in names and len(names) == len(records[0]):
                return names
    return None


# The counters of a DataTables answer, before 1.10 and since (datatables.net/manual/server-side).
_DATATABLES_KEYS = frozenset({"secho", "itotalrecords", "itotaldisplayrecords", "draw", "recordstotal",
                              "recordsfiltered"})


def datatables_answer(document: object) -> bool:
    """True for a DataTables server-side answer: the counters it sends beside its rows."""
    return isinstance(document, dict) and len({str(key).lower() for key in document} & _DATATABLES_KEYS) >= 2


def _read_arrays(
    records: list[list], overrides, columns: list[str] | None = None, sheet: str = ""
) -> list[TableRows | SheetReport]:
    """A page of arrays read like a sheet: a header array, then value arrays, or value arrays
    under ``columns`` sent beside them (each record then keeps its own number, from 1); tables
    side by side in it each on their own (:func:`extract_tables`)."""
    if columns is not None:
        records = [list(columns), *records]
    head = [[render_value(v) for v in record] for record in records[:31]]
    try:
        header = find_header(head, overrides)
    except HeaderNotFound as reason:
        return [SheetReport(sheet, None, {}, 0, {}, note=f"records are arrays; {reason}",
                            title=leading_text(head, lambda v: v))]
    row_number = (lambda i: i) if columns is not None else (lambda i: i + 1)
    at = header.columns.get(headers.NIK)
    note = ""
    if at is not None:
        cells = [record[at] if at < len(record) else None for record in records[header.last_row + 1:]]
        render_nik, note = nik_renderer(cells)
        if note or any(_nik_size(cell) for cell in cells):
            records = [*records[: header.last_row + 1],
                       *([*record[:at], render_nik(record[at]), *record[at + 1:]] if at < len(record) else record
                         for record in records[header.last_row + 1:])]
    tables = extract_tables(records, header, render_value, row_number, sheet=sheet, overrides=overrides)
    for table in tables if note else ():
        table.report.note = "; ".join(filter(None, [table.report.note, note]))
    return tables


# A record may hold one person and a list of their certificates or assessments:
# {"nama": ..., "sertifikat": [{"nomor": ..., "jenjang": 3}, {"nomor": ..., "jenjang": 4}]}.
# One row cannot hold two certificates, so such a record gives one row per object,
# each with the person's own fields, in "sheet" <path>[k] (record k-th object): the
# row keeps its record number and the sheet says which object it is.
_PARTICIPATION_COLUMNS = frozenset(
    {headers.NOMOR_SERTIFIKAT, headers.TANGGAL_TERBIT, headers.MASA_BERLAKU, headers.JENJANG, headers.KUALIFIKASI,
     headers.HASIL, headers.JABATAN_KERJA, headers.PROGRAM, headers.TAHUN}
)


def _flatten_records(
    records: list, overrides=None
) -> tuple[list[tuple[int, str, dict | None]], dict[tuple[str, ...], None], dict[tuple[str, ...], int]]:
    """Each row's (record number, part, fields by key path), every path seen, paths of several objects
    kept as text. ``part`` is "" for a record read whole, ``<path>[k]`` for its k-th object.

    Fields are mapped once per page, from the paths any record has, not once per record.
    """
    flat: list[tuple[int, str, dict | None]] = []
    seen: dict[tuple[str, ...], None] = {}  # fields in first-seen order: a web export omits null fields
    several: dict[tuple[str, ...], int] = {}
    for number, record in enumerate(records, start=1):
        if type(record) is not dict:
            flat.append((number, "", None))
            continue
        found: dict[tuple[str, ...], int] = {}
        fields = _with_joined_name(_flatten(record, {}, found))
        per_object = _participation_list(record, found, overrides)
        if per_object is None:
            for path, count in found.items():
                several[path] = several.get(path, 0) + count
            # a batch whose list holds one participant, read as the object it holds (see below)
            persons = [(key,) for key, value in record.items()
                       if type(value) is list and len(value) == 1 and _objects_are_persons(value, (key,), overrides)]
            if persons and not _own_nik(fields, persons[0], overrides):
                fields = {key: value for key, value in fields.items()
                          if key[:1] in persons or headers.canonical_path(key, overrides)[0] not in headers.PERSON_COLUMNS}
            seen.update(dict.fromkeys(fields))
            flat.append((number, "", fields))
            continue
        path, objects = per_object
        for other, count in found.items():
            if other != path:  # the record's other lists of objects stay text
                several[other] = several.get(other, 0) + count
        # A batch with its list of participants ({"kegiatan": .., "tanggal": .., "peserta": [{nama, nik}]})
        # rather than a person with a list of certificates: the batch's own date or name is the
        # event's, never the participant's birth date or name.
        batch = _objects_are_persons(objects, path, overrides) and not _own_nik(fields, path, overrides)
        for k, item in enumerate(objects, start=1):
            one = _with_joined_name(_flatten(_with_value(record, path, item), {}, {}))
            if batch:
                one = {key: value for key, value in one.items()
                       if key[:len(path)] == path or headers.canonical_path(key, overrides)[0] not in headers.PERSON_COLUMNS}
            seen.update(dict.fromkeys(one))
            flat.append((number, f"{'.'.join(path)}[{k}]", one))
    return flat, seen, several


def _participation_list(record: dict, found: dict, overrides) -> tuple[tuple[str, ...], list] | None:
    """The record's list of several objects that describe participations (certificates,
    assessments), and its objects; None when it has none, or more than one.

    Of the record's lists of several objects, the ones whose objects have a field that maps to a
    participation column (jenjang, hasil, nomor_sertifikat, jabatan_kerja, ...) are candidates;
    the others (contacts, addresses, documents) stay text. Two candidates are left as text too:
    a row per pair would invent combinations, and keeping one list would drop the other's rows
    without a trace (the note names both).
    """
    candidates = []
    for path in found:
        objects = record
        for key in path:
            objects = objects.get(key) if type(objects) is dict else None
        if type(objects) is not list:
            continue  # a list inside a list: kept as text
        fields: dict = {}
        for item in objects:
            _flatten(item, fields, {}, path)
        if any(headers.canonical_path(p, overrides)[0] in _PARTICIPATION_COLUMNS for p in fields):
            candidates.append((path, objects))
    return candidates[0] if len(candidates) == 1 else None


def _objects_are_persons(objects: list, path: tuple[str, ...], overrides) -> bool:
    """True when the objects of a record's list name their person (a name or NIK field of their own)."""
    fields: dict = {}
    for item in objects:
        _flatten(item, fields, {}, path)
    return any(headers.canonical_path(p, overrides)[0] in (headers.NAMA, headers.NIK) for p in fields)


def _own_nik(fields: dict, path: tuple[str, ...], overrides) -> bool:
    """True when a record has a NIK field outside ``path``: a person, whatever its lists hold."""
    return any(key[:len(path)] != path and headers.canonical_path(key, overrides)[0] == headers.NIK for key in fields)


def _with_value(record: dict, path: tuple[str, ...], value: object) -> dict:
    """A copy of ``record`` with the value at ``path`` replaced (the dicts on the way copied)."""
    top = dict(record)
    node = top
    for key in path[:-1]:
        node[key] = dict(node[key])
        node = node[key]
    node[path[-1]] = value
    return top


def _by_part(flat: list[tuple[int, str, dict | None]]) -> dict[str, list[tuple[int, dict | None]]]:
    """The rows grouped by part ("" first, then parts in the order they first appear)."""
    parts: dict[str, list[tuple[int, dict | None]]] = {"": []}
    for number, part, fields in flat:
        parts.setdefault(part, []).append((number, fields))
    if not parts[""] and len(parts) > 1:
        del parts[""]
    return parts


def _lone_result_field(mapping: dict, seen: dict, overrides) -> str | None:
    """With no field naming the result, a field named by one value of it ("kompeten": true, "v"
    or 1) is a yes/no field for that value, as a sheet's lone "KOMPETEN" column is: put in
    ``mapping`` as the result, and the value returned (None when there is no such field)."""
    if headers.HASIL in mapping:
        return None
    for path in seen:
        # A key of a letter or two ("k", "bk") in a web system's record is a code of anything.
        value = lone_value(path[-1]) if len(path[-1]) > 3 else None
        if value is not None and headers.canonical_path(path, overrides)[0] is None:
            mapping[headers.HASIL] = [path]
            return value
    return None


def _field_mapping(seen: dict, several: dict, overrides) -> tuple[dict[str, list[tuple[str, ...]]], list[str]]:
    """Which fields feed which column, with notes; rejects a page with no name or NIK field."""
    mapping, notes = _map_fields(list(seen), overrides)
    notes += [
        f"field {'.'.join(path)!r} holds several objects in {count} record(s); kept as text"
        for path, count in several.items()
    ]
    if not ({c for group in headers.REQUIRED_ANY_OF for c in group} & mapping.keys()):
        fields = ", ".join(".".join(p) for p in list(seen)[:20]) or "none"
        raise SubmissionRejected(
            f"no name or NIK field in the records (fields: {fields}); looked for {headers.looked_for()}"
        )
    return mapping, notes


def _status_codes(paths: list[tuple[str, ...]], values: list[str | None]) -> bool:
    """True when the result comes only from plain "status"-like fields (``headers.is_weak_header``)
    holding nothing but numbers: a web system's record status (1 active, 0 deleted), where a
    pass flag would be named for what it says ("passed", "lulus", "is_competent")."""
    return all(headers.is_weak_header(path[-1]) for path in paths) and only_numbers(values)


def _collect_rows(
    entries: list[tuple[int, dict | None]], paths: list[list[tuple[str, ...]]], renders: list | None = None,
    nama_at: int | None = None, nik_at: int | None = None,
) -> tuple[list[list[str | None]], list[int], dict[str, int]]:
    """Column-wise values of the records that hold something, their 1-based record numbers, and skip counts.

    ``nama_at`` / ``nik_at``: the positions of the name and NIK among ``paths``; a record of
    totals there (:func:`total_record`) is skipped as "total", as a sheet's total row is."""
    values: list[list[str | None]] = [[] for _ in paths]
    source_rows: list[int] = []
    skipped: dict[str, int] = {}
    for index, fields in entries:
        if fields is None:
            skipped["not_a_record"] = skipped.get("not_a_record", 0) + 1
            continue
        row = [_first(fields, path, render) for path, render in zip(paths, renders or [render_value] * len(paths))]
        if row.count(None) == len(row):
            skipped["blank"] = skipped.get("blank", 0) + 1
            continue
        if nama_at is not None and total_record(row[nama_at], row[nik_at] if nik_at is not None else None):
            skipped["total"] = skipped.get("total", 0) + 1
            continue
        for column, value in zip(values, row):
            column.append(value)
        source_rows.append(index)
    return values, source_rows, skipped
