"""The office registry: who sends data, from which region, with which habits.

The registry is a YAML file (default ``sources/offices.yaml``). Loading it
validates every entry against the Kemendagri reference data, so a typo in a
region code fails at load time with the office named, not halfway through a run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from reference import region, regions
from sources import headers
from sources.filenames import check_office_id, contained
from sources.pull import PullSource, PullSpecError

DEFAULT_REGISTRY = Path(__file__).with_name("offices.yaml")
LEVELS = ("province", "regency", "city")
DATE_ORDERS = ("auto", "dmy", "mdy")


class RegistryError(ValueError):
    """The registry file is malformed or disagrees with the reference data."""


@dataclass(frozen=True)
class ReaderOptions:
    """Per-office overrides for how its files are read."""

    sheet: tuple[str, ...] = ()  # empty: every sheet
    header_row: int | None = None  # 1-based row of the last header row
    date_order: str = "auto"  # per file from its own dates (standardize/date_order.py), or pinned
    encoding: str | None = None
    delimiter: str | None = None
    column_mapping: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class IntakeLimits:
    """What one file may cost before it is read; over a limit, the file is rejected with the limit named.

    Checked on the bytes and the zip directory before any parser runs (see
    ``sources/readers/limits.py``); ``memory_mib`` and ``seconds`` bound the child
    process that parses the file, for what no declared size reveals. Defaults fit
    the largest real office files with a wide margin (docs/reliability.md); raise
    them per office in the registry (``limits: {max_file_mib: 200}``).
    """

    max_file_mib: float = 32  # bytes on disk
    max_member_mib: float = 512  # uncompressed size of any member of an xlsx/ods zip
    max_compression_ratio: float = 100  # uncompressed/compressed, for members over 8 MiB
    max_sheet_cells: int = 10_000_000  # declared dimension of a worksheet, rows x columns
    max_rows: int = 100_000  # lines of a CSV, declared rows of a sheet, records of a JSON export
    max_columns: int = 2_000  # declared columns of a worksheet
    max_line_kib: int = 256  # one CSV line
    max_json_depth: int = 64  # nesting of objects and arrays
    memory_mib: int = 1536  # heap of the child process that parses one file
    seconds: int = 300  # wall time to parse one file
    isolate: bool = True  # parse in a child process (off only to debug a reader)


_LIMIT_TYPES = {name: kind for name, kind in IntakeLimits.__annotations__.items()}


def _limits(office_id: str, spec: dict[str, Any] | None) -> IntakeLimits:
    if spec is None:
        return IntakeLimits()
    if not isinstance(spec, dict):
        raise RegistryError(f"office {office_id}: limits must be a mapping, got {spec!r}")
    unknown = set(spec) - set(_LIMIT_TYPES)
    if unknown:
        raise RegistryError(f"office {office_id}: unknown limit(s) {sorted(unknown)}; known: {', '.join(_LIMIT_TYPES)}")
    for name, value in spec.items():
        wanted = _LIMIT_TYPES[name]
        if wanted == "bool":
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
            ok = ok and (wanted != "int" or float(value).is_integer())
        if not ok:
            what = "true or false" if wanted == "bool" else f"a positive {'integer' if wanted == 'int' else 'number'}"
            raise RegistryError(f"office {office_id}: limits.{name} must be {what}, got {value!r}")
    return IntakeLimits(**{name: (int(v) if _LIMIT_TYPES[name] == "int" else v) for name, v in spec.items()})


@dataclass(frozen=True)
class Office:
    """One Dinas PUPR office as the registry describes it."""

    id: str
    name: str
    level: str  # province | regency | city
    region_code: str
    landing: str
    reader: ReaderOptions = ReaderOptions()
    freshness_days: int | None = None
    targets: tuple[dict[str, Any], ...] = ()
    pull: PullSource | None = None  # where the pipeline fetches the office's files, if it does
    limits: IntakeLimits = IntakeLimits()

    @property
    def province_code(self) -> str:
        """Two-digit province code of the office's region."""
        return self.region_code[:2]

    @property
    def region_name(self) -> str:
        """Name of the office's region from the reference data."""
        return region(self.region_code).name

    def landing_dir(self, landing_root: Path) -> Path:
        """Folder where this office's files arrive; never outside ``landing_root``."""
        return contained(landing_root, self.landing)


def _reader_options(office_id: str, spec: dict[str, Any] | None) -> ReaderOptions:
    spec = dict(spec or {})
    unknown = set(spec) - {"sheet", "header_row", "date_order", "encoding", "delimiter", "column_mapping"}
    if unknown:
        raise RegistryError(f"office {office_id}: unknown reader option(s) {sorted(unknown)}")
    sheet = spec.get("sheet") or ()
    if isinstance(sheet, str):
        sheet = (sheet,)
    date_order = spec.get("date_order", "auto")
    if date_order not in DATE_ORDERS:
        raise RegistryError(f"office {office_id}: date_order must be one of {DATE_ORDERS}, got {date_order!r}")
    header_row = spec.get("header_row")
    if header_row is not None and (not isinstance(header_row, int) or header_row < 1):
        raise RegistryError(f"office {office_id}: header_row must be a positive integer, got {header_row!r}")
    mapping = dict(spec.get("column_mapping") or {})
    for their_header, canonical in mapping.items():
        if canonical not in headers.RAW_COLUMNS:
            raise RegistryError(
                f"office {office_id}: column_mapping sends {their_header!r} to {canonical!r}, "
                f"which is not a canonical column ({', '.join(headers.RAW_COLUMNS)})"
            )
    return ReaderOptions(
        sheet=tuple(sheet),
        header_row=header_row,
        date_order=date_order,
        encoding=spec.get("encoding"),
        delimiter=spec.get("delimiter"),
        column_mapping=mapping,
    )


def parse_office(spec: dict[str, Any]) -> Office:
    """Build and validate one office entry."""
    if not isinstance(spec, dict):
        raise RegistryError(f"office entry {spec!r} is not a mapping (id: ..., name: ..., level: ..., region_code: ...)")
    office_id = spec.get("id")
    if not office_id:
        raise RegistryError(f"office entry without an id: {spec!r}")
    # The id becomes a partition key and a folder name under the data directory: a slug only.
    problem = check_office_id(office_id)
    if problem:
        raise RegistryError(problem)
    missing = [key for key in ("name", "level", "region_code") if not spec.get(key)]
    if missing:
        raise RegistryError(f"office {office_id}: missing {', '.join(missing)}")
    level = spec["level"]
    if level not in LEVELS:
        raise RegistryError(f"office {office_id}: level must be one of {LEVELS}, got {level!r}")
    code = str(spec["region_code"])
    known = regions().get(code)
    if known is None:
        hint = ""
        if isinstance(spec["region_code"], float):  # YAML reads 64.10 as the number 64.1
            hint = "; write the code in quotes (region_code: '64.10') so YAML keeps it as text"
        raise RegistryError(f"office {office_id}: region_code {code!r} is not in reference/regions.csv{hint}")
    if known.type != level:
        raise RegistryError(
            f"office {office_id}: level {level!r} but region {code} ({known.name}) is a {known.type}"
        )
    landing = spec.get("landing") or office_id
    if not isinstance(landing, str) or Path(landing).is_absolute() or ".." in Path(landing).parts:
        raise RegistryError(
            f"office {office_id}: landing {landing!r} must be a folder name relative to the landing root, without '..'"
        )
    pull = None
    if spec.get("pull"):
        try:
            pull = PullSource.from_spec(office_id, spec["pull"])
        except PullSpecError as error:
            raise RegistryError(str(error)) from None
    return Office(
        pull=pull,
        id=office_id,
        name=spec["name"],
        level=level,
        region_code=code,
        landing=landing,
        reader=_reader_options(office_id, spec.get("reader")),
        freshness_days=spec.get("freshness_days"),
        targets=tuple(spec.get("targets") or ()),
        limits=_limits(office_id, spec.get("limits")),
    )


def load_registry(path: Path | str = DEFAULT_REGISTRY) -> dict[str, Office]:
    """Read and validate the registry; offices keyed by id, in file order."""
    path = Path(path)
    try:
        # libyaml's loader when PyYAML was built with it: 10x faster on a 552-office registry
        # (0.12 s -> 0.01 s), which every sensor tick and code-location load parses.
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except FileNotFoundError:
        raise RegistryError(f"office registry not found: {path}") from None
    except yaml.YAMLError as error:
        raise RegistryError(f"{path}: not valid YAML ({error})") from None
    if not isinstance(document, dict):
        raise RegistryError(f"{path}: expected a mapping with an 'offices' list at the top")
    entries = document.get("offices")
    if not isinstance(entries, list) or not entries:
        raise RegistryError(f"{path}: expected a non-empty list under 'offices'")
    offices: dict[str, Office] = {}
    for spec in entries:
        office = parse_office(spec)
        if office.id in offices:
            raise RegistryError(f"{path}: office id {office.id!r} appears twice")
        offices[office.id] = office
    return offices
