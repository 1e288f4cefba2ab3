"""Fetch the files an office publishes into its landing folder.

Offices publish either a file at a plain HTTP(S) address or a dataset on a
provincial "Satu Data" portal running CKAN. ``pull_office`` brings whatever is
new into ``<landing_root>/<office landing>/``, where the readers pick it up.

The rules that matter downstream:

* a file only ever appears in the landing folder complete: it is streamed to a
  dot-prefixed temporary file (readers ignore dot-files) and renamed into place;
* nothing is written when the source did not change (304, or same sha256);
* an HTML page, an oversized or a truncated body never replaces good data;
* a source problem is reported in ``PullResult.errors``, never raised, so one
  failing office does not hold back the others.

Per office, ``.pull-state.json`` in the landing folder remembers for each URL the
ETag / Last-Modified validators, the sha256 and size of what was written, the
file name and when it was fetched.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import re
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal, Union
from urllib.parse import unquote, urlencode, urljoin, urlsplit

import requests
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
    WrapValidator,
)
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from sources.landing import IGNORED_PREFIXES, file_sha256
from sources.formats import SubmissionRejected, detect_format
from sources.validation import describe, invalid, one_or_many

log = logging.getLogger(__name__)

KINDS = ("http", "ckan")
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_PAGE_SIZE = 1000
# CKAN's default ckan.datastore.search.rows_max; a larger limit is silently capped.
MAX_PAGE_SIZE = 32000

STATE_FILE = ".pull-state.json"
STATE_VERSION = 1
# Dot-prefixed so the readers skip a temp file even if a killed process leaves one.
TEMP_PREFIX = ".pull-"
TEMP_SUFFIX = ".part"
STALE_TEMP_AGE_S = 3600

RETRY_STATUSES = (429, 500, 502, 503, 504)
CHUNK_BYTES = 64 * 1024
SNIFF_BYTES = 4096

# Detected type -> extensions the readers accept for it (first one is used when fixing a name).
KIND_EXTENSIONS = {
    "xlsx": (".xlsx", ".xlsm"),
    "xls": (".xls",),
    "html": (".xls", ".html", ".htm"),  # an HTML table the web system calls Excel: kept as .xls
    "spreadsheetml": (".xls", ".xml"),  # Excel 2003 XML, as older PHP systems export it
    "ods": (".ods",),
    "json": (".json",),
    "csv": (".csv", ".txt", ".tsv"),
}
# Content types under which web systems send their HTML-table "Excel" exports.
SPREADSHEET_TYPES = frozenset({"application/vnd.ms-excel", "application/x-msexcel", "application/excel",
                               "application/x-excel", "application/msexcel"})
# Extensions that say nothing reliable about the content and are replaced, not appended to.
REPLACEABLE_EXTENSIONS = {ext for exts in KIND_EXTENSIONS.values() for ext in exts} | {
    ".zip", ".php", ".asp", ".aspx", ".jsp", ".htm", ".html", ".cgi", ".bin", ".dat", ".do", ".xml", ".download",
}


class PullSpecError(ValueError):
    """An office's ``pull`` entry in the registry is malformed.

    Deliberately not a ``RegistryError``: importing the registry here would make
    a circular import once the registry builds ``PullSource`` objects.
    """


class _SourceProblem(Exception):
    """Something about the remote source that becomes an entry in ``PullResult.errors``."""


@dataclass(frozen=True)
class PullSource:
    """Where and how to fetch one office's files.

    ``url`` is the file's address for ``kind="http"`` and the portal's base URL
    for ``kind="ckan"``. ``resource_format`` keeps only CKAN resources of those
    formats (empty: all). With ``datastore`` set, CKAN resources held in the
    DataStore are paged through ``datastore_search`` (``page_size`` records per
    request) and written as JSON pages instead of downloading the file.
    """

    kind: str
    url: str
    dataset: str | None = None
    resource_format: tuple[str, ...] = ()
    datastore: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_s: float = DEFAULT_TIMEOUT_S
    page_size: int = DEFAULT_PAGE_SIZE

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")
        if self.kind == "ckan" and not self.dataset:
            raise ValueError("a ckan source needs a dataset")
        # Formats are compared case-insensitively; store them once, normalised.
        formats = (self.resource_format,) if isinstance(self.resource_format, str) else self.resource_format
        object.__setattr__(self, "resource_format", tuple(_normal_format(f) for f in formats))

    @classmethod
    def from_spec(cls, office_id: str, spec: Any) -> PullSource:
        """Build a source from an office's registry ``pull`` mapping, naming the office in every error.

        Accepted keys are those of :class:`HttpPullSpec` and :class:`CkanPullSpec`,
        chosen by ``kind``; every problem of the mapping is listed in one
        :class:`PullSpecError`.
        """
        try:
            return _PULL_SPEC.validate_python(spec).to_source()
        except ValidationError as error:
            problems = describe(error, PullSpec, prefix=("pull",))
            raise PullSpecError(f"office {office_id}: {'; '.join(problems)}") from None


def _http_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise invalid(f"must be an http(s) URL, got {url!r}")
    return url


_Positive = Annotated[int, Strict(), Field(gt=0)]
_Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]


class _PullSpecBase(BaseModel):
    """Keys both kinds accept; unknown keys are refused, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str  # narrowed to a Literal by each kind; declared here so messages list it first
    url: Annotated[str, Strict(), AfterValidator(_http_url)]
    max_bytes: _Positive = DEFAULT_MAX_BYTES
    timeout_s: Annotated[float, Strict(), Field(gt=0)] = DEFAULT_TIMEOUT_S


class HttpPullSpec(_PullSpecBase):
    """``pull: {kind: http, url: https://.../peserta.xlsx}``: one file at a fixed address."""

    kind: Literal["http"]

    def to_source(self) -> PullSource:
        """The :class:`PullSource` the puller runs."""
        return PullSource(kind="http", url=self.url, max_bytes=self.max_bytes, timeout_s=float(self.timeout_s))


class CkanPullSpec(_PullSpecBase):
    """``pull: {kind: ckan, url: https://data.<prov>.go.id, dataset: <package>}``: a Satu Data portal's dataset."""

    kind: Literal["ckan"]
    dataset: _Text  # CKAN package id or name
    formats: Annotated[tuple[_Text, ...], BeforeValidator(one_or_many)] = ()
    datastore: Annotated[bool, Strict()] = False
    page_size: Annotated[int, Strict(), Field(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE

    def to_source(self) -> PullSource:
        """The :class:`PullSource` the puller runs."""
        return PullSource(kind="ckan", url=self.url.rstrip("/"), dataset=self.dataset, resource_format=self.formats,
                          datastore=self.datastore, max_bytes=self.max_bytes, timeout_s=float(self.timeout_s),
                          page_size=self.page_size)


PullSpec = Annotated[Union[HttpPullSpec, CkanPullSpec], Field(discriminator="kind")]
_PULL_SPEC: TypeAdapter[HttpPullSpec | CkanPullSpec] = TypeAdapter(PullSpec)


def _to_source(value: Any, handler: Any) -> PullSource:
    # An office built in code (or copied with dataclasses.replace) already holds a PullSource.
    return value if isinstance(value, PullSource) else handler(value).to_source()


# The registry's `pull:` field: validated as the union on `kind`, held as the PullSource it describes.
PullField = Annotated[PullSpec, WrapValidator(_to_source)]


@dataclass
class PullResult:
    """What one pull did: file names written or replaced, file names already current, and problems.

    ``removed`` lists files the puller had written earlier and deleted because
    the source superseded them (a renamed download, DataStore pages beyond the
    current record count).
    """

    office_id: str
    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every source was fetched or confirmed current."""
        return not self.errors


def make_session(
    retries: int = 3,
    backoff_factor: float = 0.5,
    backoff_max: float = 30.0,
    retry_after_max: int = 120,
    read_retries: int = 0,
) -> requests.Session:
    """A ``requests.Session`` that retries connection errors, 429 and 5xx with exponential backoff.

    A ``Retry-After`` header is honoured up to ``retry_after_max`` seconds (a
    portal asking for an hour must not stall the run). Read timeouts are not
    retried by default: the server accepted the request and is slow, and asking
    again multiplies the wait. Timeouts are set per request by the caller.
    """
    options: dict[str, Any] = {
        "total": retries,
        "connect": retries,
        "read": read_retries or False,  # False re-raises the original error so it stays a ReadTimeout
        "status": retries,
        "backoff_factor": backoff_factor,
        "backoff_max": backoff_max,
        "status_forcelist": RETRY_STATUSES,
        "allowed_methods": frozenset({"GET", "HEAD"}),
        "respect_retry_after_header": True,
        # Hand back the last 5xx response instead of raising, so the error names the status.
        "raise_on_status": False,
    }
    if "retry_after_max" in inspect.signature(Retry.__init__).parameters:  # urllib3 >= 2.6
        options["retry_after_max"] = retry_after_max
    adapter = HTTPAdapter(max_retries=Retry(**options))
    session = requests.Session()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = "sertifikasi-konstruksi-pull/1"
    return session


def pull_office(
    office_id: str,
    source: PullSource,
    landing_dir: Path,
    session: requests.Session | None = None,
    now: datetime | None = None,
) -> PullResult:
    """Bring the office's published files into ``landing_dir`` (the office's own landing folder).

    Returns what was fetched, what was already current and every problem as a
    message naming the office, the URL and what went wrong. Source problems
    (network, HTTP status, timeout, size, HTML instead of data, truncated body,
    a CKAN error) and local write failures are reported, not raised.
    ``now`` (UTC) stamps the state file; it defaults to the current time.
    """
    result = PullResult(office_id=office_id)
    own_session = session is None
    session = session or make_session()
    try:
        landing = Path(landing_dir)
        try:
            landing.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            result.errors.append(f"{office_id}: {source.url}: cannot create landing folder {landing}: {error}")
            return result
        puller = _Puller(office_id, source, landing, session, now or datetime.now(timezone.utc), result)
        puller.run()
    finally:
        if own_session:
            session.close()
    return result


def load_state(landing_dir: Path) -> dict[str, Any]:
    """The pull state of a landing folder (``{"version", "urls": {url: entry}}``); empty when absent."""
    path = Path(landing_dir) / STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"version": STATE_VERSION, "urls": {}}
    except (OSError, ValueError) as error:
        # A damaged state only costs a full re-download: files already present are re-adopted by hash.
        log.warning("ignoring unreadable pull state %s: %s", path, error)
        return {"version": STATE_VERSION, "urls": {}}
    if not isinstance(state, dict) or not isinstance(state.get("urls"), dict):
        log.warning("ignoring pull state %s with an unexpected shape", path)
        return {"version": STATE_VERSION, "urls": {}}
    return state


@dataclass
class _Download:
    path: Path
    sha256: str
    size: int
    kind: str


class _Puller:
    """One pull of one office: holds the session, the state and the result being built."""

    def __init__(self, office_id, source, landing, session, now, result):
        self.office_id = office_id
        self.source = source
        self.landing = landing
        self.session = session
        self.now = _iso(now)
        self.result = result
        self.state = load_state(landing)
        self.original_state = json.dumps(self.state, sort_keys=True)
        self.timeout = (source.timeout_s, source.timeout_s)

    # -- orchestration -------------------------------------------------------

    def run(self) -> None:
        self._remove_stale_temp_files()
        if self.source.kind == "http":
            self._guard(self.source.url, lambda: self._fetch_file(self.source.url))
        else:
            self._guard(self._package_url(), self._pull_ckan)
        try:
            self._save_state()
        except OSError as error:
            self._error(self.source.url, f"could not write the pull state {STATE_FILE}: {error}")

    def _guard(self, url: str, action) -> None:
        """Run ``action``; turn a source problem or a local write failure into an error message."""
        try:
            action()
        except _SourceProblem as problem:
            self._error(url, str(problem))
        except requests.RequestException as error:
            self._error(url, _describe_request_error(error, self.source.timeout_s))
        except OSError as error:
            self._error(url, f"could not write to the landing folder {self.landing}: {error}")

    def _error(self, url: str, problem: str) -> None:
        message = f"{self.office_id}: {url}: {problem}"
        log.warning(message)
        self.result.errors.append(message)

    # -- plain files ---------------------------------------------------------

    def _fetch_file(self, url: str, fallback_name: str | None = None) -> None:
        """Conditional GET of one file; lands it unless unchanged."""
        previous = self._entry(url, "file")
        headers = {}
        if previous and self._intact(previous["file"], previous["size"]):
            # Only ask "changed since?" when our copy is still there; otherwise fetch in full.
            if previous.get("etag"):
                headers["If-None-Match"] = previous["etag"]
            if previous.get("last_modified"):
                headers["If-Modified-Since"] = previous["last_modified"]
        download = None
        try:
            with self.session.get(url, headers=headers, stream=True, timeout=self.timeout) as response:
                if response.status_code == 304:
                    if not headers:
                        raise _SourceProblem("HTTP 304 Not Modified to a request that was not conditional")
                    self.result.unchanged.append(previous["file"])
                    return
                if response.status_code != 200:
                    raise _SourceProblem(f"HTTP {response.status_code} {response.reason or ''}".rstrip())
                download = self._stream_to_temp(response)
                name = _file_name(response, url, download.kind, fallback_name)
                validators = {
                    "etag": response.headers.get("ETag"),
                    "last_modified": response.headers.get("Last-Modified"),
                    "content_type": response.headers.get("Content-Type"),
                }
            self._land_file(url, previous, download, name, validators)
        finally:
            if download is not None:
                download.path.unlink(missing_ok=True)

    def _land_file(self, url: str, previous: dict | None, download: _Download, name: str, validators: dict) -> None:
        entry = {"kind": "file", **validators, "sha256": download.sha256, "size": download.size}
        if previous and previous["sha256"] == download.sha256 and self._holds(previous["file"], download.sha256):
            # Same bytes as last time (server ignored the validators): refresh them, write nothing.
            self.state["urls"][url] = {**entry, "file": previous["file"], "fetched_at": previous["fetched_at"]}
            self.result.unchanged.append(previous["file"])
            return
        name = self._free_name(name, url, download.sha256)
        if self._holds(name, download.sha256):
            # The bytes are already there under this name (e.g. the state file was lost): adopt them.
            self.state["urls"][url] = {**entry, "file": name, "fetched_at": previous["fetched_at"] if previous else self.now}
            self.result.unchanged.append(name)
        else:
            os.replace(download.path, self.landing / name)
            self.state["urls"][url] = {**entry, "file": name, "fetched_at": self.now}
            self.result.fetched.append(name)
        if previous and previous["file"] != name:
            # The URL now serves its content under a new name; the old copy would be read twice.
            self._remove_own(previous["file"], previous["sha256"])

    def _stream_to_temp(self, response: requests.Response) -> _Download:
        """Stream the body to a temp file in the landing folder, enforcing size, completeness and type."""
        limit = self.source.max_bytes
        declared = _content_length(response)
        if declared is not None and declared > limit:
            raise _SourceProblem(f"file too large: Content-Length {declared} bytes exceeds max_bytes {limit}")
        content_type = response.headers.get("Content-Type", "")
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.landing)
        temp = Path(temp_name)
        try:
            digest = hashlib.sha256()
            size = 0
            head = b""
            kind = None
            with os.fdopen(handle, "wb") as out:
                for chunk in response.iter_content(chunk_size=CHUNK_BYTES):
                    size += len(chunk)
                    if size > limit:
                        raise _SourceProblem(f"file too large: body exceeds max_bytes {limit} (stopped after {size} bytes)")
                    if kind is None:
                        head = (head + chunk)[:SNIFF_BYTES]
                        if len(head) >= SNIFF_BYTES:
                            # Decide early so a large HTML page is not downloaded in full.
                            kind = _sniff(head, content_type)
                    digest.update(chunk)
                    out.write(chunk)
                if kind is None:
                    kind = _sniff(head, content_type)
                out.flush()
                os.fsync(out.fileno())
            encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
            # With a content coding, Content-Length counts compressed bytes; urllib3 checks that case itself.
            if declared is not None and encoding in ("", "identity") and size < declared:
                raise _SourceProblem(f"truncated body: received {size} of {declared} bytes")
            return _Download(temp, digest.hexdigest(), size, kind)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise

    # -- CKAN ----------------------------------------------------------------

    def _api_url(self, action: str, params: dict[str, Any]) -> str:
        return f"{self.source.url.rstrip('/')}/api/3/action/{action}?{urlencode(params)}"

    def _package_url(self) -> str:
        return self._api_url("package_show", {"id": self.source.dataset})

    def _ckan_action(self, url: str) -> Any:
        """Call a CKAN action API URL; the ``result`` on success, else a problem with CKAN's own message."""
        with self.session.get(url, stream=True, timeout=self.timeout) as response:
            body = _read_limited(response, self.source.max_bytes)
            status = response.status_code
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            if status != 200:
                raise _SourceProblem(f"HTTP {status} from the CKAN API")
            raise _SourceProblem("CKAN API answered with something that is not a JSON object (is the portal URL right?)")
        if payload.get("success") is not True:
            error = payload.get("error")
            message = error.get("message") or error.get("__type") if isinstance(error, dict) else error
            raise _SourceProblem(f"CKAN API error (HTTP {status}): {message or 'success is not true'}")
        return payload.get("result")

    def _pull_ckan(self) -> None:
        package = self._ckan_action(self._package_url())
        resources = package.get("resources") if isinstance(package, dict) else None
        if not isinstance(resources, list):
            raise _SourceProblem(f"package_show for dataset {self.source.dataset!r} has no resources list")
        wanted = self.source.resource_format
        selected = [r for r in resources if isinstance(r, dict) and (not wanted or _resource_format(r) in wanted)]
        if not selected:
            seen = sorted({_resource_format(r) or "?" for r in resources if isinstance(r, dict)})
            raise _SourceProblem(
                f"dataset {self.source.dataset!r} has no resource in format(s) {', '.join(wanted) or 'any'}"
                f" (formats present: {', '.join(seen) or 'none'})"
            )
        for resource in selected:
            if self.source.datastore and resource.get("datastore_active"):
                resource_id = str(resource.get("id") or "")
                key = self._api_url("datastore_search", {"resource_id": resource_id})
                self._guard(key, lambda: self._pull_datastore(key, resource))
                continue
            raw_url = resource.get("url")
            if not isinstance(raw_url, str) or not raw_url.strip():
                self._error(self._package_url(), f"resource {resource.get('name') or resource.get('id')!r} has no URL")
                continue
            url = urljoin(self.source.url.rstrip("/") + "/", raw_url.strip())
            fallback = resource.get("name") if isinstance(resource.get("name"), str) else None
            self._guard(url, lambda: self._fetch_file(url, fallback))

    def _pull_datastore(self, key: str, resource: dict) -> None:
        """Page ``datastore_search`` into ``{name}_pageN.json`` files; all pages land or none do."""
        resource_id = str(resource.get("id") or "")
        if not resource_id:
            raise _SourceProblem("DataStore resource without an id")
        previous = self._entry(key, "datastore")
        pages: list[_Download] = []
        counts: list[int] = []
        try:
            total = None
            offset = 0
            fetched_bytes = 0
            while True:
                # Sorting by _id keeps offsets stable from one request to the next.
                params = {"resource_id": resource_id, "limit": self.source.page_size, "offset": offset, "sort": "_id"}
                result = self._ckan_action(self._api_url("datastore_search", params))
                records = result.get("records") if isinstance(result, dict) else None
                if not isinstance(records, list):
                    raise _SourceProblem(f"datastore_search at offset {offset} returned no records list")
                if offset == 0 and isinstance(result.get("total"), int) and not result.get("total_was_estimated"):
                    total = result["total"]
                elif total is not None and result.get("total") not in (None, total):
                    raise _SourceProblem(f"DataStore table changed while paging (total {total} -> {result.get('total')}); try again")
                if not records:
                    break
                body = json.dumps({"result": {"records": records}}, ensure_ascii=False).encode("utf-8")
                fetched_bytes += len(body)
                if fetched_bytes > self.source.max_bytes:
                    raise _SourceProblem(f"DataStore pages exceed max_bytes {self.source.max_bytes}")
                pages.append(self._write_temp(body))
                counts.append(len(records))
                offset += len(records)
                if total is not None and offset >= total:
                    break
            if total is not None and offset != total:
                raise _SourceProblem(f"DataStore reported {total} records but paging returned {offset}")
            self._land_pages(key, resource, previous, pages, counts)
        finally:
            for page in pages:
                page.path.unlink(missing_ok=True)

    def _land_pages(self, key: str, resource: dict, previous: dict | None, pages: list[_Download], counts: list[int]) -> None:
        old_pages = previous["pages"] if previous else []
        stem = _page_stem(resource)
        names = [f"{stem}_page{n}.json" for n in range(1, len(pages) + 1)]
        if any(self._conflicts(name, key, page.sha256) for name, page in zip(names, pages)):
            stem = f"{stem}-{resource['id'][:8]}"
            names = [f"{stem}_page{n}.json" for n in range(1, len(pages) + 1)]
        entries = []
        changed = False
        for name, page, count in zip(names, pages, counts):
            if self._holds(name, page.sha256):
                self.result.unchanged.append(name)
            else:
                os.replace(page.path, self.landing / name)
                self.result.fetched.append(name)
                changed = True
            entries.append({"file": name, "sha256": page.sha256, "size": page.size, "records": count})
        for old in old_pages:
            if old["file"] not in names:
                # Fewer records than before: a stale page would be read as current data.
                self._remove_own(old["file"], old["sha256"])
                changed = True
        self.state["urls"][key] = {
            "kind": "datastore",
            "resource_id": resource["id"],
            "records": sum(counts),
            "pages": entries,
            "fetched_at": self.now if changed or not previous else previous["fetched_at"],
        }

    def _write_temp(self, body: bytes) -> _Download:
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.landing)
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(body)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return _Download(temp, hashlib.sha256(body).hexdigest(), len(body), "json")

    # -- landing folder bookkeeping -----------------------------------------

    def _entry(self, key: str, kind: str) -> dict | None:
        """The state entry for ``key``, or None when absent or not shaped as this code writes it."""
        entry = self.state["urls"].get(key)
        if not isinstance(entry, dict) or entry.get("kind") != kind or "fetched_at" not in entry:
            return None
        if kind == "file":
            ok = isinstance(entry.get("file"), str) and "sha256" in entry and isinstance(entry.get("size"), int)
        else:
            pages = entry.get("pages")
            ok = isinstance(pages, list) and all(isinstance(p, dict) and "file" in p and "sha256" in p for p in pages)
        return entry if ok else None

    def _owner(self, name: str) -> str | None:
        """The state key (URL) whose file is ``name``, if the puller wrote it."""
        for key, entry in self.state["urls"].items():
            if not isinstance(entry, dict):
                continue
            pages = entry.get("pages") if isinstance(entry.get("pages"), list) else []
            files = [entry.get("file")] + [page.get("file") for page in pages if isinstance(page, dict)]
            if name in files:
                return key
        return None

    def _conflicts(self, name: str, key: str, sha256: str) -> bool:
        """Would writing ``name`` for ``key`` clobber another source's file or a file the puller did not write?"""
        owner = self._owner(name)
        if owner is not None:
            return owner != key
        return (self.landing / name).exists() and not self._holds(name, sha256)

    def _free_name(self, name: str, key: str, sha256: str) -> str:
        if not self._conflicts(name, key, sha256):
            return name
        stem, ext = os.path.splitext(name)
        tag = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
        candidate = f"{stem}-{tag}{ext}"
        counter = 2
        while self._conflicts(candidate, key, sha256):
            candidate = f"{stem}-{tag}-{counter}{ext}"
            counter += 1
        return candidate

    def _holds(self, name: str, sha256: str) -> bool:
        path = self.landing / name
        return path.is_file() and file_sha256(path) == sha256

    def _intact(self, name: str, size: int) -> bool:
        path = self.landing / name
        return path.is_file() and path.stat().st_size == size

    def _remove_own(self, name: str, sha256: str) -> None:
        # Only delete what the puller wrote and nobody has touched since.
        if self._holds(name, sha256):
            (self.landing / name).unlink()
            self.result.removed.append(name)

    def _remove_stale_temp_files(self) -> None:
        cutoff = time.time() - STALE_TEMP_AGE_S
        for path in self.landing.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                pass

    def _save_state(self) -> None:
        if json.dumps(self.state, sort_keys=True) == self.original_state:
            return  # nothing changed: a 304 run writes nothing at all
        self.state["version"] = STATE_VERSION
        self.state["office_id"] = self.office_id
        body = json.dumps(self.state, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
        download = self._write_temp(body)
        os.replace(download.path, self.landing / STATE_FILE)


# -- helpers -----------------------------------------------------------------


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _normal_format(value: str) -> str:
    return str(value).strip().lstrip(".").upper()


def _resource_format(resource: dict) -> str:
    declared = _normal_format(resource.get("format") or "")
    if declared:
        return declared
    # Portals often leave format empty; the URL's extension is the next best hint.
    url = resource.get("url") if isinstance(resource.get("url"), str) else ""
    return _normal_format(PurePosixPath(urlsplit(url).path).suffix)


def _content_length(response: requests.Response) -> int | None:
    value = response.headers.get("Content-Length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _read_limited(response: requests.Response, limit: int) -> bytes:
    declared = _content_length(response)
    if declared is not None and declared > limit:
        raise _SourceProblem(f"API response too large: Content-Length {declared} bytes exceeds max_bytes {limit}")
    chunks = []
    size = 0
    for chunk in response.iter_content(chunk_size=CHUNK_BYTES):
        size += len(chunk)
        if size > limit:
            raise _SourceProblem(f"API response exceeds max_bytes {limit}")
        chunks.append(chunk)
    return b"".join(chunks)


def _sniff(head: bytes, content_type: str) -> str:
    """The data type the first bytes show: xlsx, xls, ods, json, csv or html (a table sent as
    Excel); a problem for anything else.

    The content rules are the readers' own (:func:`sources.readers.detect_format`), so a
    download is never accepted by one rule and rejected by the other. The puller adds only
    what HTTP tells it: a portal that answers with its login or error page.
    """
    if not head:
        raise _SourceProblem("empty body")
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    media = content_type.split(";")[0].strip().lower()
    page = media in ("text/html", "application/xhtml+xml")
    # JSON endpoints written in PHP are often labelled text/html; the body decides for them.
    if not text.startswith((b"{", b"[")) and (
        page or text[:32].lower().startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--"))
    ):
        # A web system's "Export Excel" answers an HTML table under a spreadsheet type: that
        # is data (sources/readers/html_reader.py); a page served as a page is a login or error page.
        if not page and media in SPREADSHEET_TYPES and b"<table" in head.lower():
            return "html"
        raise _SourceProblem(f"got an HTML page instead of a data file (Content-Type {media or 'none'})")
    try:
        return detect_format(head, "")
    except SubmissionRejected as reason:
        raise _SourceProblem(f"not a data file: {reason}") from None


def _disposition_name(value: str | None) -> str | None:
    if not value:
        return None
    message = Message()
    message["Content-Disposition"] = value
    name = message.get_filename()
    if not name:
        return None
    try:
        # http.client decodes headers as latin-1; servers often send raw UTF-8 names.
        name = name.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return name


def _url_name(url: str) -> str:
    return unquote(PurePosixPath(urlsplit(url).path).name)


def _file_name(response: requests.Response, url: str, kind: str, fallback: str | None = None) -> str:
    """Content-Disposition name, else the URL's last segment, sanitised, extension matching ``kind``.

    After redirects the final URL often names the file better than the one
    asked for; a CKAN resource name beats a segment without a data extension
    such as ``/download``.
    """
    segments = [_url_name(response.url or url), _url_name(url)]
    data_extensions = {ext for exts in KIND_EXTENSIONS.values() for ext in exts}
    named = [s for s in segments if os.path.splitext(s)[1].lower() in data_extensions]
    candidates = [_disposition_name(response.headers.get("Content-Disposition")), *named, fallback, *segments]
    for candidate in candidates:
        name = _sanitise(candidate or "")
        if name:
            return _with_extension(name, kind)
    return _with_extension("download", kind)


_UNSAFE_CHARACTERS = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


def _sanitise(name: str) -> str:
    """A plain file name: no directories, no control or shell-hostile characters, no leading dot."""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE_CHARACTERS.sub("_", name)
    # A name the landing listing ignores (dot-files, Excel's "~$" lock files) would never be read.
    name = name.strip().lstrip("".join(IGNORED_PREFIXES) + " ").rstrip(". ")
    stem, ext = os.path.splitext(name)
    while len(name.encode("utf-8")) > 180 and stem:
        stem = stem[:-1]
        name = stem.rstrip() + ext
    return name


def _with_extension(name: str, kind: str) -> str:
    allowed = KIND_EXTENSIONS[kind]
    stem, ext = os.path.splitext(name)
    if ext.lower() in allowed:
        return name
    if ext.lower() in REPLACEABLE_EXTENSIONS:
        return (stem or "download") + allowed[0]
    return name + allowed[0]


def _page_stem(resource: dict) -> str:
    name = resource.get("name") if isinstance(resource.get("name"), str) else ""
    stem = _sanitise(name) or _sanitise(str(resource.get("id") or "")) or "datastore"
    base, ext = os.path.splitext(stem)
    return base if ext.lower() in REPLACEABLE_EXTENSIONS and base else stem


def _describe_request_error(error: requests.RequestException, timeout_s: float) -> str:
    detail = str(error)
    if len(detail) > 300:
        detail = detail[:300] + "..."
    if isinstance(error, requests.ConnectTimeout):
        return f"timed out connecting (timeout {timeout_s:g}s): {detail}"
    if isinstance(error, requests.ReadTimeout) or "Read timed out" in detail:
        return f"timed out waiting for the server (timeout {timeout_s:g}s)"
    if isinstance(error, requests.exceptions.ChunkedEncodingError):
        return f"truncated body: the connection ended before the whole file arrived ({detail})"
    if isinstance(error, requests.exceptions.RetryError):
        return f"gave up after retries: {detail}"
    if isinstance(error, requests.ConnectionError):
        return f"connection failed: {detail}"
    return f"request failed: {detail}"
