"""Test support for the review UI: reports the real pipeline makes from the fixture
articles, a coverage server on 127.0.0.1 with our own pages, and the real corroboration
(the pipeline's coverage stream) pointed at it."""

from __future__ import annotations

import html
import re
import threading
import time
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from attrib import Checker, Report
from attrib.review import Finding, findings_of

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures/articles"
ARTICLE = ARTICLES / "harbour-strike.txt"
COVERAGE = ROOT / "fixtures/tui/coverage"
SIZE = (120, 40)
SMALL = (80, 24)


@lru_cache(maxsize=1)
def checker() -> Checker:
    return Checker()


def real_report(path: Path = ARTICLE) -> Report:
    """What `attrib check` finds in a fixture article: the real engine, rules and score."""
    return checker().check(path)


def finding_with(report: Report, words: str, flag: bool = False, category: str = "") -> Finding:
    """The statement whose content holds ``words`` (with ``flag``: the flag whose flagged
    words hold them; with ``category`` too, only a flag of that category: the hedge
    "reportedly" sits inside the unattributed claim's sentence), so tests name findings
    by their text, not by list position."""
    text = report.article.text
    for f in findings_of(report):
        if flag and f.flag is not None and words in f.flag.text \
                and category in ("", f.flag.category):
            return f
        if not flag and f.flag is None and f.statement is not None \
                and words in f.statement.content_text(text):
            return f
    raise LookupError(f"no {'flag' if flag else 'statement'} with {words!r}")


# -- a coverage server on 127.0.0.1 ----------------------------------------------------
class CoverageServer:
    """Serves fixtures/tui/coverage on 127.0.0.1; with ``gate`` set, every response waits
    until the test opens the gate (to watch the UI while the worker is busy)."""

    def __init__(self, directory: Path = COVERAGE, gate: threading.Event | None = None):
        gate_ = gate

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self) -> None:
                if gate_ is not None:
                    gate_.wait(30)
                super().do_GET()

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0),
                                         partial(Handler, directory=str(directory)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> CoverageServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, name: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/{name}"


def real_corroborator(urls: list[str], cache: Path):
    """The corroborator `attrib tui --coverage URL ...` runs: the pipeline's own gathering
    and matching, in the background worker, with its page cache in ``cache``."""
    from attrib.corroborate.coverage_request import CoverageRequest
    from attrib.ingest.fetch_options import FetchOptions
    from attrib.tui.coverage_worker import coverage_corroborator

    request = CoverageRequest(tuple(urls), (), None, 2, FetchOptions(timeout=10), cache)
    return coverage_corroborator(checker(), request)


# -- building the app for Pilot ----------------------------------------------------------
def make_app(tmp_path: Path, report: Report | None = None, **kwargs):
    """The real app on a real SQLite file in tmp_path, cursor blink off, dismissals taken
    out of the score as `attrib tui` does."""
    from attrib.store import ReviewStore
    from attrib.tui.app import ReviewApp

    store = kwargs.pop("store", None) or ReviewStore(tmp_path / "reviews.sqlite3")
    kwargs.setdefault("rescore", checker().reviewed)
    return ReviewApp(report or real_report(), store=store, cursor_blink=False, **kwargs)


async def until(pilot, condition, timeout: float = 10) -> None:
    """Let the app run until ``condition()`` holds (timers and threads run late on a busy
    machine: a fixed pause is a race), or fail after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "the app never got there"
        await pilot.pause(0.05)


def row_ids(app) -> list[str]:
    table = app.table
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


def cell_text(app, finding_id: str, column: str) -> str:
    return app.table.get_cell(finding_id, column).plain


_SVG_TEXT = re.compile(r'<text [^>]*?x="([\d.]+)"[^>]*?textLength="([\d.]+)"[^>]*?'
                       r'clip-path="url\(#terminal-\d+-line-(\d+)\)"[^>]*>(.*?)</text>')


def screen_text(app) -> str:
    """What the terminal shows, as plain lines, read from the app's SVG screenshot
    (each piece of text placed at its column, so spaces between pieces come back)."""
    pieces = [(float(x), float(length), int(line), html.unescape(text).replace("\xa0", " "))
              for x, length, line, text in _SVG_TEXT.findall(app.export_screenshot())]
    cell = next((length / len(text) for _, length, _, text in pieces if len(text) > 3), 12.2)
    rows: dict[int, list[str]] = {}
    for x, _, line, text in pieces:
        row = rows.setdefault(line, [])
        col = round(x / cell)
        row.extend(" " * (col + len(text) - len(row)))
        row[col:col + len(text)] = text
    return "\n".join("".join(rows[n]).rstrip() for n in sorted(rows))
