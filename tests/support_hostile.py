"""A hostile HTTP server on 127.0.0.1, for the hardening tests: redirects to places a
fetch cannot go, reason phrases carrying terminal escape sequences, stacked
Content-Encodings (a decompression bomb among them), resets, and a discovery endpoint
whose results include such pages. Everything else is served as support_web serves it
(the fixture article and the coverage pages), so good and bad pages mix in one run."""

from __future__ import annotations

import functools
import gzip
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

import support_web
from conftest import ROOT

BOMB_MIB = 256  # what the bomb inflates to; the cap is 5 MB
# OSC 52 writes the clipboard, OSC 0 the window title: a terminal obeys both if printed raw.
OSC_REASON = "Forbidden \x1b]52;c;ZWNobyBoYWNrZWQ=\x07\x1b]0;pwned\x07"

REDIRECTS = {
    "javascript": "javascript:alert(document.cookie)",
    "mailto": "mailto:desk@example.org",
    "data": "data:text/html,<p>hello</p>",
    "about": "about:blank",
    "port": "http://127.0.0.1:70000/story.html",
    "hugeport": "http://127.0.0.1:99999999999/story.html",
}


def gzip_stream(chunks, level: int = 9) -> bytes:
    z = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    return b"".join([*(z.compress(c) for c in chunks), z.flush()])


@functools.cache
def bomb(mib: int = BOMB_MIB) -> bytes:
    """An HTML page of ``mib`` MiB, gzipped twice: about 2 KB on the wire."""
    head = b"<html><body><p>" + b"flood " * 100 + b"</p>"
    zeros = bytes(1 << 20)
    inner = gzip_stream([head, *(zeros for _ in range(mib))])
    return gzip_stream([inner])


class HostileHandler(support_web.Handler):
    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        with self.server.lock:
            self.server.hits[path] += 1
        if path == "/to-other-loopback":  # a second hop to 127.0.0.2, "private" in the hop test
            return self._redirect(f"http://127.0.0.2:{self.server.server_address[1]}/article.html")
        if path.startswith("/redirect/"):
            return self._redirect(REDIRECTS[path.removeprefix("/redirect/")])
        route = {
            "/no-location": lambda: self._send(302, b""),
            "/osc-reason": self._osc_reason,
            "/bomb": lambda: self._encoded(bomb(), "gzip, gzip"),
            "/gzip.html": lambda: self._encoded(gzip.compress(self._article()), "gzip"),
            "/gzip-gzip.html": lambda: self._encoded(gzip.compress(gzip.compress(self._article())), "gzip, gzip"),
            "/deflate-raw.html": lambda: self._encoded(self._raw_deflate(self._article()), "deflate"),
            "/brotli.html": lambda: self._encoded(b"\x1b\x03\x00\xf8\xa5", "br"),
            "/corrupt-gzip.html": lambda: self._encoded(b"\x1f\x8b\x08\x00garbage-not-gzip", "gzip"),
            "/gdelt-hostile": self._gdelt_hostile,
            "/gdelt-timed": self._gdelt_timed,
        }.get(path)
        if route is not None:
            return route()
        self.server.hits[path] -= 1  # counted again by the base handler
        return super().do_GET()

    @staticmethod
    def _article() -> bytes:
        return (support_web.WEB / "article.html").read_bytes()

    @staticmethod
    def _raw_deflate(data: bytes) -> bytes:
        z = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        return z.compress(data) + z.flush()

    def _encoded(self, body: bytes, encoding: str) -> None:
        self._send(200, body, headers={"Content-Encoding": encoding})

    def _osc_reason(self) -> None:
        self.send_response(403, OSC_REASON)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _gdelt_timed(self) -> None:
        """An empty answer, with the time each request arrived (for request spacing)."""
        with self.server.lock:
            self.server.arrivals.append(time.time())
        self._send(200, b'{"articles": []}', "application/json")

    def _gdelt_hostile(self) -> None:
        base = self.server.base
        articles = [{"url": f"{base}/coverage/{name}", "title": name} for name in support_web.COVERAGE_PAGES]
        articles += [{"url": f"{base}/redirect/{kind}", "title": kind} for kind in REDIRECTS]
        articles += [{"url": "http://127.0.0.1:70000/direct.html", "title": "a port out of range"},
                     {"url": f"{base}/bomb", "title": "a bomb"}]
        self._send(200, json.dumps({"articles": articles}).encode(), "application/json")


class ResetServer:
    """A TCP port that accepts a connection and resets it at once (no FIN, no bytes): the
    client's error then carries no message of its own, over HTTP and TLS alike."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def resetting():
    srv = ResetServer()
    yield srv
    srv.close()


def start() -> support_web.Server:
    server = support_web.Server()
    server.RequestHandlerClass = HostileHandler
    server.arrivals = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def hostile():
    srv = start()
    yield srv
    srv.shutdown()


@dataclass
class Measured:
    code: int
    out: str
    err: str
    peak_rss_mb: float


def run_cli_measured(*args: str, env: dict[str, str], timeout: float = 120) -> Measured:
    """The real CLI in a subprocess, with that process's own peak resident memory
    (``wait4``'s rusage covers exactly this child)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", **env}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-m", "attrib", *args], stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err, cwd=ROOT, env=full_env)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"), usage.ru_maxrss / 1024)
