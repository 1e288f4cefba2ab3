"""The office registry: who sends data, from which region, with which habits.

The registry is a YAML file (default ``sources/offices.yaml``). Loading it
validates every entry against typed models and the Kemendagri reference data,
so a typo in a region code, a target or a limit fails at load time with the
file, the office and the field named, not halfway through a run or at publish.
The models are pydantic dataclasses: code builds them, and copies them with
``dataclasses.replace``, as plain frozen dataclasses, validated the same way.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    model_validator,
)
from pydantic.dataclasses import dataclass

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from reference import region, regions
from sources import headers
from sources.filenames import check_office_id, contained
from sources.pull import PullField
from sources.validation import describe, invalid, one_or_many, unknown_key

DEFAULT_REGISTRY = Path(__file__).with_name("offices.yaml")
Level = Literal["province", "regency", "city"]
DateOrder = Literal["auto", "dmy", "mdy"]
LEVELS = get_args(Level)
DATE_ORDERS = get_args(DateOrder)

_STRICT = ConfigDict(extra="forbid")
PositiveInt = Annotated[int, Strict(), Field(gt=0)]
PositiveNumber = Annotated[float, Strict(), Field(gt=0)]
StrictBool = Annotated[bool, Strict()]
Text = Annotated[str, Strict(), StringConstraints(min_length=1)]
# Bounds catch a slipped digit (20226), not a policy: no office reports before SKA/SKT days.
Year = Annotated[int, Strict(), Field(ge=1990, le=2100)]


class RegistryError(ValueError):
    """The registry file is malformed or disagrees with the reference data."""


def _none_as(default: Any):
    """A YAML key written with no value (``reader:``) means the default."""
    return BeforeValidator(lambda value: default if value is None else value)


def _canonical_columns(mapping: dict[str, str]) -> dict[str, str]:
    for their_header, canonical in mapping.items():
        if canonical not in headers.RAW_COLUMNS + headers.FORM_COLUMNS:
            raise invalid(f"sends {their_header!r} to {canonical!r}, which is not a canonical column "
                          f"({', '.join(headers.RAW_COLUMNS + headers.FORM_COLUMNS)})")
    return mapping


@dataclass(frozen=True, config=_STRICT)
class ReaderOptions:
    """Per-office overrides for how its files are read."""

    sheet: Annotated[tuple[str, ...], _none_as(()), BeforeValidator(one_or_many)] = ()  # empty: every sheet
    header_row: PositiveInt | None = None  # 1-based row of the last header row
    date_order: DateOrder = "auto"  # per file from its own dates (standardize/date_order.py), or pinned
    encoding: str | None = None
    delimiter: str | None = None
    column_mapping: Annotated[dict[str, str], _none_as({}), AfterValidator(_canonical_columns)] = dataclasses.field(
        default_factory=dict
    )


@dataclass(frozen=True, config=_STRICT)
class IntakeLimits:
    """What one file may cost before it is read; over a limit, the file is rejected with the limit named.

    Checked on the bytes and the zip directory before any parser runs (see
    ``sources/readers/limits.py``); ``memory_mib`` and ``seconds`` bound the child
    process that parses the file, for what no declared size reveals. Defaults fit
    the largest real office files with a wide margin (docs/reliability.md); raise
    them per office in the registry (``limits: {max_file_mib: 200}``).
    """

    max_file_mib: PositiveNumber = 32  # bytes on disk
    max_member_mib: PositiveNumber = 512  # uncompressed size of any member of an xlsx/ods zip
    max_compression_ratio: PositiveNumber = 100  # uncompressed/compressed, for members over 8 MiB
    max_sheet_cells: PositiveInt = 10_000_000  # declared dimension of a worksheet, rows x columns
    max_rows: PositiveInt = 100_000  # lines of a CSV, declared rows of a sheet, records of a JSON export
    max_columns: PositiveInt = 2_000  # declared columns of a worksheet
    max_line_kib: PositiveInt = 256  # one CSV line
    max_json_depth: PositiveInt = 64  # nesting of objects and arrays
    memory_mib: PositiveInt = 1536  # heap of the child process that parses one file
    seconds: PositiveInt = 300  # wall time to parse one file
    isolate: StrictBool = True  # parse in a child process (off only to debug a reader)


# -- targets: what warehouse/star.py measures in target_progress


class _Target(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: Literal["certified_persons", "participants"]
    value: PositiveNumber  # persons for per_year, a fraction (0.5 = +50%) for growth
    note: str | None = None
    source: str | None = None  # where the office published the target


class PerYearTarget(_Target):
    """Persons a year; without ``year``, every year from the first one measured."""

    kind: Literal["per_year"]
    year: Year | None = None


class GrowthTarget(_Target):
    """Growth of the persons counted at the end of ``baseline_year`` by the end of ``target_year``."""

    kind: Literal["growth"]
    baseline_year: Year
    target_year: Year

    @model_validator(mode="after")
    def _ends_after_its_baseline(self) -> GrowthTarget:
        if self.target_year <= self.baseline_year:
            raise invalid(f"target_year {self.target_year} must come after baseline_year {self.baseline_year}")
        return self


Target = Annotated[Union[PerYearTarget, GrowthTarget], Field(discriminator="kind")]



# -- the office


def _slug(value: Any) -> Any:
    # The id becomes a partition key and a folder name under the data directory: a slug only.
    problem = check_office_id(value)
    if problem:
        raise invalid(problem.removeprefix("office id "))
    return value


def _region_text(value: Any) -> Any:
    # YAML reads an unquoted 64 as an int (harmless) and 64.10 as the float 64.1 (a different code).
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if str(value) not in regions():
            raise invalid(f"{str(value)!r} is not in reference/regions.csv; write the code in quotes "
                          f"(region_code: '{value:.2f}') so YAML keeps it as text")
        return str(value)
    return value


def _known_region(code: str) -> str:
    if code not in regions():
        raise invalid(f"{code!r} is not in reference/regions.csv")
    return code


def _relative_folder(landing: str) -> str:
    if Path(landing).is_absolute() or ".." in Path(landing).parts:
        raise invalid(f"{landing!r} must be a folder name relative to the landing root, without '..'")
    return landing


@dataclass(frozen=True, config=_STRICT)
class Office:
    """One Dinas PUPR office as the registry describes it."""

    id: Annotated[str, BeforeValidator(_slug)]
    name: Text
    level: Level
    region_code: Annotated[str, BeforeValidator(_region_text), Strict(), AfterValidator(_known_region)]
    landing: Annotated[str, _none_as(""), Strict(), AfterValidator(_relative_folder)] = ""  # empty: the id
    reader: Annotated[ReaderOptions, _none_as(ReaderOptions())] = ReaderOptions()
    freshness_days: PositiveInt | None = None
    targets: Annotated[tuple[Target, ...], _none_as(())] = ()
    pull: PullField | None = None  # where the pipeline fetches the office's files, if it does
    limits: Annotated[IntakeLimits, _none_as(IntakeLimits())] = IntakeLimits()

    @model_validator(mode="after")
    def _matches_its_region(self) -> Office:
        known = regions()[self.region_code]
        if known.type != self.level:
            raise invalid(f"level {self.level!r} but region {self.region_code} ({known.name}) is a {known.type}")
        if not self.landing:
            object.__setattr__(self, "landing", self.id)
        return self

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


_OFFICE: TypeAdapter[Office] = TypeAdapter(Office)
_ENTRY_HINT = "id: ..., name: ..., level: ..., region_code: ..."


def parse_office(spec: Any, number: int | None = None) -> Office:
    """Build and validate one office entry (the ``number``-th of its file, for the message).

    Raises :class:`RegistryError` listing every problem of the entry, each with the
    office (its id, or its position when the id is unusable) and the field.
    """
    office, problems = _parse(spec, number)
    if office is None:
        raise RegistryError("\n".join(problems))
    return office


def _parse(spec: Any, number: int | None) -> tuple[Office | None, list[str]]:
    where = _where(spec, number)
    if not isinstance(spec, dict):
        return None, [f"{where}: {spec!r} is not a mapping ({_ENTRY_HINT})"]
    try:
        return _OFFICE.validate_python(spec), []
    except ValidationError as error:
        return None, [f"{where}: {problem}" for problem in describe(error, Office)]


def _where(spec: Any, number: int | None) -> str:
    office_id = spec.get("id") if isinstance(spec, dict) else None
    if check_office_id(office_id) is None:
        return f"office {office_id}"
    return f"office entry {number}" if number is not None else "office entry"


def _read_yaml(path: Path) -> Any:
    try:
        # libyaml's loader when PyYAML was built with it: 10x faster on a 552-office registry
        # (0.12 s -> 0.01 s), which every sensor tick and code-location load parses.
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except FileNotFoundError:
        raise RegistryError(f"office registry not found: {path}") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = "; ".join(part for part in (error.context, error.problem) if part)
        raise RegistryError(f"{path}: not valid YAML{at}: {what}") from None
    except yaml.YAMLError as error:
        raise RegistryError(f"{path}: not valid YAML ({error})") from None


def load_registry(path: Path | str = DEFAULT_REGISTRY) -> dict[str, Office]:
    """Read and validate the registry; offices keyed by id, in file order.

    Raises :class:`RegistryError` naming the file and listing every problem of
    every entry, each with its office and field.
    """
    path = Path(path)
    document = _read_yaml(path) or {}
    if not isinstance(document, dict):
        raise RegistryError(f"{path}: expected a mapping with an 'offices' list at the top")
    entries = document.get("offices")
    if not isinstance(entries, list) or not entries:
        raise RegistryError(f"{path}: expected a non-empty list under 'offices'")
    problems = [unknown_key(key, ["offices"]) for key in document if key != "offices"]
    offices: dict[str, Office] = {}
    for number, spec in enumerate(entries, start=1):
        office, found = _parse(spec, number)
        problems.extend(found)
        if office is None:
            continue
        if office.id in offices:
            problems.append(f"office id {office.id!r} appears twice")
        offices[office.id] = office
    if len(problems) == 1:
        raise RegistryError(f"{path}: {problems[0]}")
    if problems:
        raise RegistryError(f"{path}: {len(problems)} problems:\n" + "\n".join(f"  {p}" for p in problems))
    return offices
