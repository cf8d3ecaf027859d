"""Test support for the review UI: a report with flags, a local coverage server and a
small real corroborator that fetches pages from it over HTTP."""

from __future__ import annotations

import difflib
import html
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from rapidfuzz import fuzz

from attrib import (
    Checker,
    Corroboration,
    Evidence,
    Flag,
    Kind,
    Relay,
    RelayRelation,
    Report,
    Severity,
    Source,
    SourceType,
    Span,
    Statement,
    Status,
    Summary,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "fixtures/articles/harbour-strike.txt"
COVERAGE = ROOT / "fixtures/tui/coverage"


def statement_by_source(report: Report, source: str) -> str:
    return next(st.id for st in report.statements if st.source.text == source)


def flag_at(text: str, phrase: str, n: int, rule: str, category: str, severity: Severity,
            message: str, explanation: str = "", statement: str | None = None) -> Flag:
    start = text.index(phrase)
    return Flag(f"f{n}", rule, category, severity, Span(start, start + len(phrase)), phrase,
                message, explanation, statement)


def with_flags(report: Report) -> Report:
    """The harbour-strike report with flags like those the assessment stage raises."""
    text = report.article.text
    observers = statement_by_source(report, "Observers")
    official = next(st.id for st in report.statements if st.source.text.startswith("An official"))
    flags = (
        flag_at(text, "An official who spoke on condition of anonymity", 1,
                "anonymous-source.official", "anonymous-source", Severity.WARNING,
                "Anonymous official", "The source is not named; the reason is given.",
                official),
        flag_at(text, "Observers", 2, "vague-source.observers", "vague-source", Severity.WARNING,
                "Vague source: “Observers”", "Nobody says who the observers are.", observers),
        flag_at(text, "The strike is reportedly costing the region more than a million euros "
                "a day.", 3, "unattributed.claim", "unattributed", Severity.ERROR,
                "A figure with no source", "A checkable figure is given with no source at all."),
        flag_at(text, "reportedly", 4, "hedge.reportedly", "hedge", Severity.INFO,
                "Hedge: “reportedly”", "“Reportedly” passes on a claim without a source."),
    )
    return replace(report, flags=flags)


# The statements of harbour-strike.txt, written out by hand so the UI tests and snapshots
# do not move when the extraction engine is tuned. Each phrase is looked for from the
# anchor on: (anchor, kind, source, type, role, resolved, cue, cue class, contents, via).
HARBOUR = (
    ('"We have been patient', "direct", "union negotiator Maria Okafor", "person",
     "union negotiator", "Maria Okafor", "said", "speech",
     ["We have been patient for eleven months, and patience does not pay the rent,"], []),
    ("She said", "indirect", "She", "person", "union negotiator", "Maria Okafor", "said",
     "speech", ["the port authority had offered a raise of 2 percent, far below the 6 "
                "percent the union asked for"], []),
    ("Harbour Master", "mixed", "Harbour Master Tomas Reyes", "person",
     "the port's most senior official", "Tomas Reyes", "told", "speech",
     ['the authority "cannot spend money it does not have" and that the offer remained open'],
     [("the Coastal Tribune", "via", "news-agency")]),
    ("According to", "indirect", "the port authority's annual report", "document", None, None,
     "According to", "speech", ["container volumes rose by 14 percent last year"], []),
    ('"Ships are', "direct", "Ines Varga", "person",
     "a spokeswoman for the Selden Shippers' Association", None, "said", "speech",
     ["Ships are already waiting offshore,"], []),
    ("Reyes said", "indirect", "Reyes", "person", "the port's most senior official",
     "Tomas Reyes", "said", "speech", ["the authority would not be pressured by a stoppage"], []),
    ("Reyes said", "direct", "Reyes", "person", "the port's most senior official",
     "Tomas Reyes", "added", "speech",
     ["Our door is open tonight, tomorrow and every day after that."], []),
    ("The Transport Ministry", "indirect", "The Transport Ministry", "government", None, None,
     "said in a statement", "speech", ["it was monitoring the situation closely"], []),
    ("An official who", "indirect", "An official who spoke on condition of anonymity because "
     "he was not authorised to discuss the talks", "anonymous", None, None, "said", "speech",
     ["the ministry could appoint a mediator within days"], []),
    ("Observers say", "indirect", "Observers", "vague", None, None, "say", "speech",
     ["the dispute could spread to the rail yards"], []),
    ("The stoppage is seen", "indirect", "many", "vague", None, None, "is seen", "belief",
     ["The stoppage", "as a test of the new labour law"], []),
    ('"This is about dignity', "direct", "Maria Okafor", "person", None, "Maria Okafor", "—",
     "speech", ["This is about dignity."], []),
    ("The Reuters news agency", "indirect", "The Reuters news agency", "news-agency", None,
     None, "said", "speech", ["shipping lines had begun diverting vessels to the port of Annby"],
     [("two captains", "cites", "unknown")]),
)


def _find(text: str, phrase: str, start: int) -> Span:
    at = text.index(phrase, start)
    return Span(at, at + len(phrase))


def statements_from(text: str, spec=HARBOUR) -> tuple[Statement, ...]:
    """Statements written out by hand (see HARBOUR for the shape of ``spec``)."""
    out = []
    for n, (anchor, kind, source, stype, role, resolved, cue, cue_class, contents,
            via) in enumerate(spec, 1):
        base = text.index(anchor)
        line_end = text.find("\n", base)
        sentence = Span(base, line_end if line_end >= 0 else len(text))
        src = Source(_find(text, source, base), source, SourceType(stype), role, resolved)
        cue_span = _find(text, cue, base)
        spans = tuple(_find(text, c, base) for c in contents)
        relays = tuple(Relay(r, _find(text, r, base), RelayRelation(rel), SourceType(rt)) for r, rel, rt in via)
        out.append(Statement(f"s{n}", Kind(kind), src, cue_span, cue, spans, sentence, relays,
                             cue_class))
    return tuple(out)


def harbour_report() -> Report:
    """harbour-strike.txt with fixed statements and flags (see HARBOUR and with_flags)."""
    article = Checker().read(ARTICLE)
    report = with_flags(Report(article=article, statements=statements_from(article.text)))
    return replace(report, summary=Summary(statements=13, score=79.0, verdict="fair"))


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


# -- a small real corroborator -----------------------------------------------------------
def page_text(markup: str) -> str:
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def word_diff(ours: str, theirs: str) -> tuple[tuple[str, str], ...]:
    a, b = ours.split(), theirs.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(("-", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("+", " ".join(b[j1:j2])))
    return tuple(out)


def _status(score: float) -> Status:
    if score >= 99.5:
        return Status.VERBATIM
    if score >= 92:
        return Status.CLOSE
    if score >= 75:
        return Status.ALTERED
    return Status.PARAPHRASE


def match(report: Report, pages: list[tuple[str, str, str]]) -> Iterator[Corroboration]:
    text = report.article.text
    order = [s.value for s in Status]
    for st in report.statements:
        quote = " ".join(st.content_text(text).strip(" \"“”',.").split())
        evidence = []
        for outlet, url, page in pages:
            found = fuzz.partial_ratio_alignment(quote, page)
            if found is None or found.score < 65:
                continue
            start, end = found.dest_start, found.dest_end
            while start > 0 and not page[start - 1].isspace():  # widen to whole words
                start -= 1
            while end < len(page) and not page[end].isspace():
                end += 1
            passage = page[start:end].strip(" \"“”',.:;")
            evidence.append(Evidence(outlet, url, passage, round(found.score, 1),
                                     _status(found.score), word_diff(quote, passage)))
        best = min((e.status for e in evidence), key=lambda s: order.index(s.value),
                   default=Status.NOT_FOUND)
        yield Corroboration(st.id, best, tuple(evidence))


class HttpCorroborator:
    """Fetches each coverage URL (real HTTP), then yields one result per statement."""

    def __init__(self, urls: list[str]) -> None:
        self.urls = urls
        self.calls = 0

    def __call__(self, report: Report) -> Iterator[Corroboration]:
        self.calls += 1
        with httpx.Client(timeout=30) as client:
            pages = []
            for url in self.urls:
                response = client.get(url)
                response.raise_for_status()
                pages.append((Path(url).stem, url, page_text(response.text)))
        yield from match(report, pages)


# -- building the app for Pilot ----------------------------------------------------------
SIZE = (120, 40)


def make_app(tmp_path: Path, report: Report | None = None, **kwargs):
    """The real app on a real SQLite file in tmp_path, cursor blink off."""
    from attrib.store import ReviewStore
    from attrib.tui.app import ReviewApp

    store = kwargs.pop("store", None) or ReviewStore(tmp_path / "reviews.sqlite3")
    return ReviewApp(report or harbour_report(), store=store, cursor_blink=False, **kwargs)


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
