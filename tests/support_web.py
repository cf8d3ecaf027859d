"""A real HTTP server on 127.0.0.1 for the web tests: the fixture article and coverage
pages, pages that fail in every way a fetch can fail, cache-header pages with hit
counters, and a fake GDELT DOC 2.0 endpoint (with its HTML-error and 429 behaviours)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "fixtures" / "web"
COVERAGE = ROOT / "fixtures" / "coverage"
SLOW_SECONDS = 4.0
HUGE_BYTES = 40 * 1024 * 1024

COVERAGE_PAGES = sorted(p.name for p in COVERAGE.glob("*.html"))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.queries: list[tuple[str, str]] = []  # (endpoint, query)
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()
            self.not_modified.clear()
            self.queries.clear()
            self.in_flight = self.max_in_flight = 0


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", headers={"Location": location})

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        srv = self.server
        with srv.lock:
            srv.hits[path] += 1
        if path.startswith("/coverage/"):
            return self._file(COVERAGE / path.removeprefix("/coverage/"))
        if path.startswith("/conc/"):
            return self._concurrent(path)
        if path.startswith("/gdelt"):
            return self._gdelt(path, parse_qs(parts.query))
        if path.startswith("/loop/"):
            return self._redirect("/loop/b" if path == "/loop/a" else "/loop/a")
        if path.startswith("/chain/"):
            return self._redirect(f"/chain/{int(path.rsplit('/', 1)[1]) + 1}")
        route = {
            "/moved.html": lambda: self._redirect("/article.html", 301),
            "/to-ftp.html": lambda: self._redirect("ftp://127.0.0.1/article.html"),
            "/slow.html": self._slow,
            "/drip.html": self._drip,
            "/error500.html": lambda: self._send(500, b"<h1>Internal error</h1>"),
            "/report.pdf": lambda: self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
                                              "application/pdf"),
            "/huge.html": self._huge,
            "/huge-declared.html": self._huge_declared,
            "/cached.html": lambda: self._file(WEB / "article.html", {"Cache-Control": "max-age=600"}),
            "/nostore.html": lambda: self._file(WEB / "article.html", {"Cache-Control": "no-store"}),
            "/etag.html": self._etag,
            "/untyped": lambda: self._send(200, b"just some bytes, not a page", ""),
        }.get(path)
        if route is not None:
            return route()
        return self._file(WEB / path.lstrip("/"))

    def _file(self, file: Path, headers: dict[str, str] | None = None) -> None:
        if not file.is_file() or ".." in file.parts:
            return self._send(404, b"<h1>Not found</h1>")
        ctype = "text/html" if file.suffix == ".html" else "application/octet-stream"
        if file.name == "cp1252.html":
            ctype = "text/html"  # charset only in <meta>
        elif file.name == "latin1.html":
            ctype = "text/html; charset=ISO-8859-1"
        elif file.suffix == ".html":
            ctype = "text/html; charset=utf-8"
        self._send(200, file.read_bytes(), ctype, headers)

    def _slow(self) -> None:
        time.sleep(SLOW_SECONDS)
        self._file(WEB / "article.html")

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(40):
                self.wfile.write(b"<p>.</p>")
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        chunk = b"<p>" + b"flood " * 10000 + b"</p>\n"
        sent = 0
        try:
            while sent < HUGE_BYTES:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _huge_declared(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(60 * 1024 * 1024))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(b"<html><body><p>start</p>")

    def _etag(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            with self.server.lock:
                self.server.not_modified["/etag.html"] += 1
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        self._file(WEB / "article.html", {"ETag": '"v1"', "Cache-Control": "no-cache"})

    def _concurrent(self, path: str) -> None:
        srv = self.server
        with srv.lock:
            srv.in_flight += 1
            srv.max_in_flight = max(srv.max_in_flight, srv.in_flight)
        try:
            time.sleep(0.4)
            self._file(COVERAGE / COVERAGE_PAGES[int(path.rsplit("/", 1)[1].split(".")[0]) % len(COVERAGE_PAGES)])
        finally:
            with srv.lock:
                srv.in_flight -= 1

    def _gdelt(self, path: str, params: dict[str, list[str]]) -> None:
        query = params.get("query", [""])[0]
        srv = self.server
        with srv.lock:
            srv.queries.append((path, query))
            calls = sum(1 for p, _ in srv.queries if p == path)
        html_error = b"<html><body>Your search contained a keyword that was too short.</body></html>"
        if path == "/gdelt-invalid" and " OR " in query:
            return self._send(200, html_error, "text/html")
        if path == "/gdelt-always-invalid":
            return self._send(200, html_error, "text/html")
        if path == "/gdelt-429" and calls == 1:
            return self._send(429, b"Please limit requests to one every 5 seconds",
                              "text/plain", {"Retry-After": "1"})
        if path == "/gdelt-429-always":
            return self._send(429, b"Please limit requests to one every 5 seconds",
                              "text/plain", {"Retry-After": "0"})
        if path == "/gdelt-empty":
            return self._send(200, b"{}", "application/json; charset=utf-8")
        base = srv.base
        articles = [{"url": f"{base}/coverage/{name}", "title": name, "seendate": "20250211T200000Z",
                     "domain": "127.0.0.1", "language": "English", "sourcecountry": "Fictionland"}
                    for name in COVERAGE_PAGES]
        articles += [{"url": f"{base}/article.html", "title": "the article itself"},
                     {"url": f"{base}/gone-story.html", "title": "a removed story"},
                     {"url": f"{base}/report.pdf", "title": "a PDF"},
                     {"url": "ftp://127.0.0.1/not-http", "title": "not http"}]
        self._send(200, json.dumps({"articles": articles}).encode(), "application/json; charset=utf-8")


def start() -> Server:
    server = Server()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# Fixtures shared by the web test modules, which import them by name.
@pytest.fixture(scope="module")
def server():
    srv = start()
    yield srv
    srv.shutdown()


@pytest.fixture
def env(tmp_path):
    """A private cache and no user config, so runs never see each other's state."""
    return {"ATTRIB_CACHE_DIR": str(tmp_path / "cache"), "ATTRIB_CONFIG": str(tmp_path / "none.toml"),
            "ATTRIB_DISCOVER_INTERVAL": "0"}
