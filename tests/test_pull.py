"""Pulling office files over HTTP and from CKAN, against a real local HTTP server.

Every test scripts what the server answers per path and checks exactly what
landed in the office's landing folder, what the state file says and how many
requests the server saw.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from sources.pull import STATE_FILE, PullSource, PullSpecError, make_session, pull_office

OFFICE = "prov-kaltim"
NOW = datetime(2025, 6, 1, 8, 0, 0, tzinfo=timezone.utc)
LATER = datetime(2025, 6, 2, 8, 0, 0, tzinfo=timezone.utc)
XLSX = b"PK\x03\x04" + b"\x14\x00\x06\x00" + bytes(range(256)) * 8
XLSX_V2 = b"PK\x03\x04" + b"\x14\x00\x06\x00" + bytes(range(255, -1, -1)) * 8
ETAG = '"v1"'
LAST_MODIFIED = "Sun, 01 Jun 2025 07:00:00 GMT"
HTML = b"<!DOCTYPE html><html><head><title>Halaman tidak ditemukan</title></head><body>404</body></html>"


# -- a scripted local server --------------------------------------------------


class ScriptedServer:
    """ThreadingHTTPServer on 127.0.0.1; each path answers with a list of responders, the last one repeating."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                parts = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(parts.query).items()}
                server.requests.append({"path": parts.path, "query": query, "headers": dict(self.headers)})
                responders = server.routes.get(parts.path)
                try:
                    if not responders:
                        reply(404, b"not found", {"Content-Type": "text/plain"})(self, query)
                        return
                    responder = responders.pop(0) if len(responders) > 1 else responders[0]
                    responder(self, query)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout, too large): expected in those tests

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def on(self, path, *responders):
        self.routes[path] = list(responders)

    def hits(self, path):
        return [request for request in self.requests if request["path"] == path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def reply(status=200, body=b"", headers=None, length=None):
    """Answer with ``status`` and ``body``; ``length`` overrides Content-Length, False omits it."""

    def respond(handler, query):
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if length is not False:
            handler.send_header("Content-Length", str(len(body) if length is None else length))
        handler.end_headers()
        handler.wfile.write(body)
        handler.wfile.flush()

    return respond


def xlsx_file(body=XLSX, etag=ETAG, extra=None):
    """A file server that honours If-None-Match like a real one."""

    def respond(handler, query):
        if handler.headers.get("If-None-Match") == etag:
            reply(304, headers={"ETag": etag})(handler, query)
            return
        headers = {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   "ETag": etag, "Last-Modified": LAST_MODIFIED, **(extra or {})}
        reply(200, body, headers)(handler, query)

    return respond


# A held responder waits at most this long for the test to release it. Only a puller
# that ignores its timeout ever waits that long, and then the file lands and the test fails.
HOLD_LIMIT_S = 60


def held_before_the_headers(gate):
    """Answers nothing until the test opens ``gate``, then the file."""

    def respond(handler, query):
        gate.wait(HOLD_LIMIT_S)
        xlsx_file()(handler, query)

    return respond


def held_midway_through_the_body(gate):
    """Sends the headers and the first 100 bytes, then the rest once the test opens ``gate``."""

    def respond(handler, query):
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(XLSX)))
        handler.end_headers()
        handler.wfile.write(XLSX[:100])
        handler.wfile.flush()
        gate.wait(HOLD_LIMIT_S)
        handler.wfile.write(XLSX[100:])

    return respond


@pytest.fixture
def gate():
    """Held responders wait on this; opened once the test is done, whether it passed or not."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture
def server():
    scripted = ScriptedServer()
    yield scripted
    scripted.close()


@pytest.fixture
def session():
    with make_session(backoff_factor=0.01) as fast:
        yield fast


@pytest.fixture
def landing(tmp_path):
    return tmp_path / "landing" / OFFICE


def http_source(url, **options):
    return PullSource(kind="http", url=url, timeout_s=options.pop("timeout_s", 5), **options)


def listing(folder):
    return sorted(os.listdir(folder)) if folder.exists() else []


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp(path):
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


# -- plain HTTP ----------------------------------------------------------------


def test_first_pull_lands_the_file_and_records_it_in_the_state(server, session, landing):
    server.on("/data/peserta-2025.xlsx", xlsx_file())
    url = f"{server.url}/data/peserta-2025.xlsx"

    result = pull_office(OFFICE, http_source(url), landing, session=session, now=NOW)

    assert (result.fetched, result.unchanged, result.errors, result.removed) == (["peserta-2025.xlsx"], [], [], [])
    assert listing(landing) == [STATE_FILE, "peserta-2025.xlsx"]
    assert (landing / "peserta-2025.xlsx").read_bytes() == XLSX
    state = json.loads((landing / STATE_FILE).read_text(encoding="utf-8"))
    assert state == {
        "version": 1,
        "office_id": OFFICE,
        "urls": {
            url: {
                "kind": "file",
                "file": "peserta-2025.xlsx",
                "sha256": sha256(XLSX),
                "size": len(XLSX),
                "etag": ETAG,
                "last_modified": LAST_MODIFIED,
                "content_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "fetched_at": "2025-06-01T08:00:00+00:00",
            }
        },
    }
    assert "If-None-Match" not in server.hits("/data/peserta-2025.xlsx")[0]["headers"]


def test_second_pull_answered_304_writes_nothing(server, session, landing):
    server.on("/data/peserta-2025.xlsx", xlsx_file())
    source = http_source(f"{server.url}/data/peserta-2025.xlsx")
    pull_office(OFFICE, source, landing, session=session, now=NOW)
    before = {name: stamp(landing / name) for name in listing(landing)}

    result = pull_office(OFFICE, source, landing, session=session, now=LATER)

    assert (result.fetched, result.unchanged, result.errors) == ([], ["peserta-2025.xlsx"], [])
    assert {name: stamp(landing / name) for name in listing(landing)} == before  # not even the state file
    second = server.hits("/data/peserta-2025.xlsx")[1]["headers"]
    assert (second["If-None-Match"], second["If-Modified-Since"]) == (ETAG, LAST_MODIFIED)


def test_same_bytes_without_304_are_unchanged_and_new_bytes_replace_the_file(server, session, landing):
    # A server that ignores validators: the hash decides.
    plain = {"Content-Type": "application/octet-stream"}
    server.on("/f.xlsx", reply(200, XLSX, plain), reply(200, XLSX, plain), reply(200, XLSX_V2, plain))
    source = http_source(f"{server.url}/f.xlsx")
    pull_office(OFFICE, source, landing, session=session, now=NOW)
    before = stamp(landing / "f.xlsx")

    again = pull_office(OFFICE, source, landing, session=session, now=LATER)
    assert (again.fetched, again.unchanged, again.errors) == ([], ["f.xlsx"], [])
    assert stamp(landing / "f.xlsx") == before

    changed = pull_office(OFFICE, source, landing, session=session, now=LATER)
    assert (changed.fetched, changed.unchanged, changed.errors) == (["f.xlsx"], [], [])
    assert (landing / "f.xlsx").read_bytes() == XLSX_V2
    entry = json.loads((landing / STATE_FILE).read_text())["urls"][source.url]
    assert (entry["sha256"], entry["fetched_at"]) == (sha256(XLSX_V2), "2025-06-02T08:00:00+00:00")
    assert listing(landing) == [STATE_FILE, "f.xlsx"]


def test_a_500_is_retried_and_then_succeeds(server, session, landing):
    server.on("/f.xlsx", reply(500, b"oops"), xlsx_file())

    result = pull_office(OFFICE, http_source(f"{server.url}/f.xlsx"), landing, session=session, now=NOW)

    assert (result.fetched, result.errors) == (["f.xlsx"], [])
    assert len(server.hits("/f.xlsx")) == 2
    assert (landing / "f.xlsx").read_bytes() == XLSX


def test_a_persistent_500_becomes_an_error_after_three_retries(server, session, landing):
    server.on("/f.xlsx", reply(500, b"oops"))
    url = f"{server.url}/f.xlsx"

    result = pull_office(OFFICE, http_source(url), landing, session=session, now=NOW)

    assert result.errors == [f"{OFFICE}: {url}: HTTP 500 Internal Server Error"]
    assert len(server.hits("/f.xlsx")) == 4
    assert listing(landing) == []


def test_a_404_is_not_retried(server, session, landing):
    url = f"{server.url}/missing.xlsx"
    result = pull_office(OFFICE, http_source(url), landing, session=session, now=NOW)
    assert result.errors == [f"{OFFICE}: {url}: HTTP 404 Not Found"]
    assert len(server.requests) == 1


@pytest.mark.parametrize("held", [held_before_the_headers, held_midway_through_the_body])
def test_a_server_that_stops_answering_times_out_and_leaves_no_file(server, session, landing, gate, held):
    # The server holds its answer until the pull has returned, so only the pull's own
    # timeout can end the wait. A second request (a retried read) is answered at once:
    # a puller that asked again would land the file instead of reporting the timeout.
    server.on("/slow.xlsx", held(gate), xlsx_file())
    url = f"{server.url}/slow.xlsx"

    result = pull_office(OFFICE, http_source(url, timeout_s=0.5), landing, session=session, now=NOW)
    gate.set()

    assert result.errors == [f"{OFFICE}: {url}: timed out waiting for the server (timeout 0.5s)"]
    assert (result.fetched, result.unchanged) == ([], [])
    assert listing(landing) == []


def test_a_truncated_body_is_an_error_and_leaves_no_partial_file(server, session, landing):
    server.on("/f.xlsx", reply(200, XLSX[:100], {"Content-Type": "application/octet-stream"}, length=1000))
    url = f"{server.url}/f.xlsx"

    result = pull_office(OFFICE, http_source(url), landing, session=session, now=NOW)

    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{OFFICE}: {url}: truncated body")
    assert result.fetched == []
    assert listing(landing) == []


def test_a_truncated_body_does_not_replace_the_good_copy(server, session, landing):
    server.on("/f.xlsx", reply(200, XLSX), reply(200, XLSX_V2[:100], length=len(XLSX_V2)))
    source = http_source(f"{server.url}/f.xlsx")
    pull_office(OFFICE, source, landing, session=session, now=NOW)

    result = pull_office(OFFICE, source, landing, session=session, now=LATER)

    assert "truncated body" in result.errors[0]
    assert (landing / "f.xlsx").read_bytes() == XLSX
    assert listing(landing) == [STATE_FILE, "f.xlsx"]


@pytest.mark.parametrize(
    "body, content_type",
    [
        (HTML, "application/octet-stream"),  # the body gives it away
        (b"nama;nik\nBudi;6408010101010001\n", "text/html; charset=utf-8"),  # the header does
        (b"\n  <html><body>Maintenance</body></html>", None),
    ],
)
def test_an_html_page_served_with_200_is_rejected(server, session, landing, body, content_type):
    server.on("/f.xlsx", reply(200, body, {"Content-Type": content_type} if content_type else {}))
    url = f"{server.url}/f.xlsx"

    result = pull_office(OFFICE, http_source(url), landing, session=session, now=NOW)

    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{OFFICE}: {url}: got an HTML page instead of a data file")
    assert listing(landing) == []


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "unknown format: a PDF document"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "unknown format: a PNG image"),
        (b"\x1f\x8b\x08\x00" + bytes(64), "unknown format: a gzip archive"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', "unknown format: an XML or HTML file"),
        (b"ID\x00\x01\x02\x03" + bytes(64), "unknown format: binary data starting"),
    ],
)
def test_a_download_the_readers_would_reject_is_rejected_with_their_reason(server, session, landing, body, reason):
    # One content rule for pulled and dropped files (sources.formats.detect_format): the
    # puller stops at the first bytes and says what the readers would have said.
    server.on("/f.xlsx", reply(200, body, {"Content-Type": "application/octet-stream"}))
    url = f"{server.url}/f.xlsx"

    result = pull_office(OFFICE, http_source(url), landing, session=session, now=NOW)

    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{OFFICE}: {url}: not a data file: {reason}")
    assert listing(landing) == []


def test_a_web_systems_html_table_sent_as_excel_is_kept_as_xls(server, session, landing):
    """"Export Excel" of a web application: an HTML table under application/vnd.ms-excel."""
    table = b"<html><body><table><tr><td>Nama</td><td>NIK</td></tr><tr><td>Budi</td><td>6408010101010001</td></tr></table>"
    server.on("/export.php", reply(200, table, {"Content-Type": "application/vnd.ms-excel"}))

    result = pull_office(OFFICE, http_source(f"{server.url}/export.php"), landing, session=session, now=NOW)

    assert result.errors == []
    assert [name for name in listing(landing) if not name.startswith(".")] == ["export.xls"]
    assert (landing / "export.xls").read_bytes() == table


def test_an_html_page_does_not_replace_the_good_copy(server, session, landing):
    server.on("/f.xlsx", xlsx_file(), reply(200, HTML, {"Content-Type": "text/html"}))
    source = http_source(f"{server.url}/f.xlsx")
    pull_office(OFFICE, source, landing, session=session, now=NOW)

    result = pull_office(OFFICE, source, landing, session=session, now=LATER)

    assert "got an HTML page" in result.errors[0]
    assert (landing / "f.xlsx").read_bytes() == XLSX


@pytest.mark.parametrize(
    "length, message",
    [
        (None, "file too large: Content-Length 5000 bytes exceeds max_bytes 1000"),
        (False, "file too large: body exceeds max_bytes 1000 (stopped after 5000 bytes)"),
    ],
)
def test_a_file_larger_than_max_bytes_is_rejected(server, session, landing, length, message):
    big = b"PK\x03\x04" + b"x" * 4996
    server.on("/big.xlsx", reply(200, big, {"Content-Type": "application/octet-stream"}, length=length))
    url = f"{server.url}/big.xlsx"

    result = pull_office(OFFICE, http_source(url, max_bytes=1000), landing, session=session, now=NOW)

    assert result.errors == [f"{OFFICE}: {url}: {message}"]
    assert listing(landing) == []


@pytest.mark.parametrize(
    "path, headers, body, expected",
    [
        ("/download", {"Content-Disposition": 'attachment; filename="Data Peserta 2025.xlsx"'}, XLSX, "Data Peserta 2025.xlsx"),
        ("/download", {"Content-Disposition": "attachment; filename*=UTF-8''Peserta%20Kal%C3%A9ndar.xlsx"}, XLSX, "Peserta Kaléndar.xlsx"),
        ("/download", {"Content-Disposition": 'attachment; filename="../../.hidden.xls"'}, XLSX, "hidden.xlsx"),
        ("/download", {"Content-Disposition": 'attachment; filename="C:\\\\data\\\\rekap.xls"'}, bytes.fromhex("D0CF11E0A1B11AE1") + bytes(100), "rekap.xls"),
        ("/export/peserta", {"Content-Type": "text/csv"}, "nama;nik\nSiti Aminah;6408014101900002\n".encode(), "peserta.csv"),
        ("/api/peserta.php", {"Content-Type": "text/html"}, b'{"data": []}', "peserta.json"),
        ("/files/rekap%20uji%202025.xls", {}, XLSX, "rekap uji 2025.xlsx"),
    ],
)
def test_file_names_come_from_content_disposition_or_the_url(server, session, landing, path, headers, body, expected):
    server.on(urlsplit(path).path, reply(200, body, headers))

    result = pull_office(OFFICE, http_source(server.url + path), landing, session=session, now=NOW)

    assert (result.fetched, result.errors) == ([expected], [])
    assert listing(landing) == [STATE_FILE, expected]
    assert (landing / expected).read_bytes() == body


def test_a_download_renamed_by_the_server_replaces_the_old_copy(server, session, landing):
    server.on(
        "/download",
        reply(200, XLSX, {"Content-Disposition": 'attachment; filename="rekap-mei.xlsx"'}),
        reply(200, XLSX_V2, {"Content-Disposition": 'attachment; filename="rekap-juni.xlsx"'}),
    )
    source = http_source(f"{server.url}/download")
    pull_office(OFFICE, source, landing, session=session, now=NOW)

    result = pull_office(OFFICE, source, landing, session=session, now=LATER)

    # Same URL, new content under a new name: keeping the old copy would count its rows twice.
    assert (result.fetched, result.removed, result.errors) == (["rekap-juni.xlsx"], ["rekap-mei.xlsx"], [])
    assert listing(landing) == [STATE_FILE, "rekap-juni.xlsx"]


def test_a_file_the_puller_did_not_write_is_never_overwritten(server, session, landing):
    landing.mkdir(parents=True)
    (landing / "f.xlsx").write_bytes(b"PK\x03\x04 dropped by hand")
    server.on("/f.xlsx", reply(200, XLSX))
    url = f"{server.url}/f.xlsx"

    result = pull_office(OFFICE, http_source(url), landing, session=session, now=NOW)

    tag = hashlib.sha1(url.encode()).hexdigest()[:8]
    assert result.fetched == [f"f-{tag}.xlsx"]
    assert (landing / "f.xlsx").read_bytes() == b"PK\x03\x04 dropped by hand"
    assert (landing / f"f-{tag}.xlsx").read_bytes() == XLSX


def test_a_refused_connection_is_an_error(session, landing):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/f.xlsx"

    result = pull_office(OFFICE, http_source(url), landing, session=session, now=NOW)

    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{OFFICE}: {url}: connection failed")
    assert listing(landing) == []


# -- CKAN ----------------------------------------------------------------------

PACKAGE = "peserta-sertifikasi-2025"
DATASTORE_ID = "9f1c2d3e-aaaa-bbbb-cccc-000000000002"


def ckan_records(count):
    return [{"_id": i, "nama": f"Peserta {i}", "nik": f"64080100000{i:05d}", "jenjang": str(i % 9 + 1)} for i in range(1, count + 1)]


class Portal:
    """A CKAN-shaped portal on the scripted server; ``records`` can change between runs."""

    def __init__(self, server):
        self.server = server
        self.records = ckan_records(250)
        base = server.url
        self.package = {
            "name": PACKAGE,
            "resources": [
                {"id": "11111111-aaaa", "name": "Peserta Sertifikasi 2025", "format": "XLSX",
                 "url": f"{base}/dataset/{PACKAGE}/resource/1/download/peserta-2025.xlsx", "datastore_active": False},
                {"id": DATASTORE_ID, "name": "Peserta Uji Kompetensi.csv", "format": "csv",
                 "url": f"{base}/datastore/dump/{DATASTORE_ID}", "datastore_active": True},
                {"id": "33333333-cccc", "name": "Panduan", "format": "PDF", "url": f"{base}/panduan.pdf"},
            ],
        }
        server.on("/api/3/action/package_show", self.package_show)
        server.on("/api/3/action/datastore_search", self.datastore_search)
        server.on(f"/dataset/{PACKAGE}/resource/1/download/peserta-2025.xlsx", xlsx_file())

    def _json(self, handler, status, payload):
        reply(status, json.dumps(payload).encode(), {"Content-Type": "application/json"})(handler, None)

    def package_show(self, handler, query):
        if query.get("id") != PACKAGE:
            self._json(handler, 404, {"success": False, "error": {"message": "Not found", "__type": "Not Found Error"}})
            return
        self._json(handler, 200, {"success": True, "result": self.package})

    def datastore_search(self, handler, query):
        offset, limit = int(query.get("offset", 0)), int(query.get("limit", 100))
        result = {"resource_id": query["resource_id"], "records": self.records[offset : offset + limit], "total": len(self.records)}
        self._json(handler, 200, {"success": True, "result": result})


def ckan_source(url, **options):
    return PullSource(kind="ckan", url=url, dataset=PACKAGE, resource_format=("XLSX", "CSV"), datastore=True,
                      page_size=100, timeout_s=5, **options)


PAGES = [f"Peserta Uji Kompetensi_page{n}.json" for n in (1, 2, 3)]


def page_records(landing, name):
    return json.loads((landing / name).read_text(encoding="utf-8"))["result"]["records"]


def test_ckan_pull_downloads_files_and_pages_the_datastore(server, session, landing):
    Portal(server)

    result = pull_office(OFFICE, ckan_source(server.url), landing, session=session, now=NOW)

    assert (result.fetched, result.unchanged, result.errors) == (["peserta-2025.xlsx", *PAGES], [], [])
    assert listing(landing) == sorted([STATE_FILE, "peserta-2025.xlsx", *PAGES])
    assert (landing / "peserta-2025.xlsx").read_bytes() == XLSX
    assert [len(page_records(landing, name)) for name in PAGES] == [100, 100, 50]
    assert [r["_id"] for name in PAGES for r in page_records(landing, name)] == list(range(1, 251))
    assert page_records(landing, PAGES[2])[-1] == {"_id": 250, "nama": "Peserta 250", "nik": "6408010000000250", "jenjang": "8"}
    searches = [hit["query"] for hit in server.hits("/api/3/action/datastore_search")]
    assert [(q["resource_id"], q["limit"], q["offset"]) for q in searches] == [(DATASTORE_ID, "100", "0"), (DATASTORE_ID, "100", "100"), (DATASTORE_ID, "100", "200")]
    assert server.hits("/panduan.pdf") == []  # filtered out by format
    state = json.loads((landing / STATE_FILE).read_text())["urls"]
    pages = state[f"{server.url}/api/3/action/datastore_search?resource_id={DATASTORE_ID}"]
    assert (pages["kind"], pages["records"], pages["fetched_at"]) == ("datastore", 250, "2025-06-01T08:00:00+00:00")
    assert [(p["file"], p["records"]) for p in pages["pages"]] == list(zip(PAGES, [100, 100, 50]))
    assert pages["pages"][0]["sha256"] == sha256((landing / PAGES[0]).read_bytes())


def test_ckan_second_run_without_changes_writes_nothing(server, session, landing):
    Portal(server)
    source = ckan_source(server.url)
    pull_office(OFFICE, source, landing, session=session, now=NOW)
    before = {name: stamp(landing / name) for name in listing(landing)}

    result = pull_office(OFFICE, source, landing, session=session, now=LATER)

    assert (result.fetched, result.unchanged, result.errors, result.removed) == ([], ["peserta-2025.xlsx", *PAGES], [], [])
    assert {name: stamp(landing / name) for name in listing(landing)} == before
    assert len(server.hits("/api/3/action/package_show")) == 2
    assert len(server.hits("/api/3/action/datastore_search")) == 6


def test_ckan_datastore_that_shrank_rewrites_changed_pages_and_removes_stale_ones(server, session, landing):
    portal = Portal(server)
    source = ckan_source(server.url)
    pull_office(OFFICE, source, landing, session=session, now=NOW)
    portal.records = ckan_records(150)

    result = pull_office(OFFICE, source, landing, session=session, now=LATER)

    assert (result.fetched, result.unchanged, result.removed, result.errors) == (
        [PAGES[1]], ["peserta-2025.xlsx", PAGES[0]], [PAGES[2]], [])
    assert listing(landing) == sorted([STATE_FILE, "peserta-2025.xlsx", *PAGES[:2]])
    assert len(page_records(landing, PAGES[1])) == 50


def test_ckan_unknown_dataset_is_an_error_naming_the_portal_message(server, session, landing):
    Portal(server)
    source = PullSource(kind="ckan", url=server.url, dataset="tidak-ada", timeout_s=5)

    result = pull_office(OFFICE, source, landing, session=session, now=NOW)

    assert result.errors == [
        f"{OFFICE}: {server.url}/api/3/action/package_show?id=tidak-ada: CKAN API error (HTTP 404): Not found"
    ]
    assert listing(landing) == []


def test_ckan_one_failing_resource_does_not_stop_the_others(server, session, landing):
    portal = Portal(server)
    server.on(f"/dataset/{PACKAGE}/resource/1/download/peserta-2025.xlsx", reply(200, HTML, {"Content-Type": "text/html"}))

    result = pull_office(OFFICE, ckan_source(server.url), landing, session=session, now=NOW)

    assert result.fetched == PAGES
    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{OFFICE}: {portal.package['resources'][0]['url']}: got an HTML page")


# -- registry spec ---------------------------------------------------------------


def test_spec_builds_http_and_ckan_sources():
    assert PullSource.from_spec("kab-x", {"kind": "http", "url": "https://pupr.example.go.id/rekap.xlsx", "max_bytes": 50_000_000}) == PullSource(
        kind="http", url="https://pupr.example.go.id/rekap.xlsx", max_bytes=50_000_000
    )
    ckan = PullSource.from_spec(
        "prov-kaltim",
        {"kind": "ckan", "url": "https://data.kaltimprov.go.id/", "dataset": "peserta-sertifikasi-2025", "formats": ["xlsx", "CSV"], "datastore": True},
    )
    assert ckan == PullSource(kind="ckan", url="https://data.kaltimprov.go.id", dataset="peserta-sertifikasi-2025",
                              resource_format=("XLSX", "CSV"), datastore=True)
    assert (ckan.max_bytes, ckan.timeout_s, ckan.page_size) == (200 * 1024 * 1024, 30.0, 1000)


@pytest.mark.parametrize(
    "spec, message",
    [
        ("https://x.go.id/a.xlsx", "pull must be a mapping, got 'https://x.go.id/a.xlsx'"),
        ({"kind": "ftp", "url": "https://x.go.id/a.xlsx"}, "pull.kind must be one of 'http', 'ckan', got 'ftp'"),
        ({"url": "https://x.go.id/a.xlsx"}, "missing pull.kind"),
        ({"kind": "http", "url": "x.go.id/a.xlsx"}, "pull.url must be an http(s) URL, got 'x.go.id/a.xlsx'"),
        ({"kind": "http"}, "missing pull.url"),
        ({"kind": "http", "url": "https://x.go.id/a.xlsx", "maxbytes": 5}, "pull: unknown key 'maxbytes' (did you mean 'max_bytes'?)"),
        ({"kind": "http", "url": "https://x.go.id/a.xlsx", "dataset": "d"}, "pull: unknown key 'dataset'; allowed: kind, url, max_bytes, timeout_s"),
        ({"kind": "ckan", "url": "https://data.x.go.id"}, "missing pull.dataset"),
        ({"kind": "ckan", "url": "https://data.x.go.id", "dataset": " "}, "pull.dataset must not be empty"),
        ({"kind": "ckan", "url": "https://data.x.go.id", "dataset": "d", "formats": [1]}, "pull.formats[0] must be text, got 1"),
        ({"kind": "http", "url": "https://x.go.id/a.xlsx", "max_bytes": "50MB"}, "pull.max_bytes must be a whole number, got '50MB'"),
        ({"kind": "http", "url": "https://x.go.id/a.xlsx", "max_bytes": True}, "pull.max_bytes must be a whole number, got True"),
        ({"kind": "http", "url": "https://x.go.id/a.xlsx", "timeout_s": 0}, "pull.timeout_s must be greater than 0, got 0"),
        ({"kind": "ckan", "url": "https://data.x.go.id", "dataset": "d", "datastore": "yes"}, "pull.datastore must be true or false, got 'yes'"),
        ({"kind": "ckan", "url": "https://data.x.go.id", "dataset": "d", "page_size": 50_000}, "pull.page_size must be at most 32000, got 50000"),
        ({"kind": "http", "url": "x.go.id", "timeout_s": -1},
         "pull.url must be an http(s) URL, got 'x.go.id'; pull.timeout_s must be greater than 0, got -1"),
    ],
)
def test_bad_specs_are_rejected_with_the_office_and_field_named(spec, message):
    with pytest.raises(PullSpecError) as error:
        PullSource.from_spec("kab-x", spec)
    assert str(error.value) == f"office kab-x: {message}"
