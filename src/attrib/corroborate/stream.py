"""Coverage as one stream of events, consumed alike by ``attrib check`` (which collects
them into the report) and by the review screen's background worker (which shows each as
it arrives): the pages considered, notes on what went wrong, then one Corroboration per
statement."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Article, Corroboration, CoveragePage, Statement
from .coverage_request import CoverageRequest
from .documents import CoverageDoc, ReadStatements
from .lexicons import MatchLexicons
from .match import corroborate
from .progress import Progress


@dataclass(frozen=True, slots=True)
class CoverageNote:
    """A problem worth telling the user that is not one page's (discovery, the cache),
    or a page that was skipped."""

    text: str


CoverageEvent = CoveragePage | CoverageNote | Corroboration


def match_events(article: Article, statements: Sequence[Statement], docs: Sequence[CoverageDoc],
                 lex: MatchLexicons, read: ReadStatements, batches: int = 1) -> Iterator[Corroboration]:
    """Statements matched against documents already read, in ``batches`` slices so a
    screen can fill in as it goes."""
    size = max(1, -(-len(statements) // max(1, batches)))
    for i in range(0, len(statements), size):
        yield from corroborate(article, statements[i:i + size], docs, lex, read)


def coverage_events(article: Article, statements: Sequence[Statement], request: CoverageRequest,
                    lex: MatchLexicons, read: ReadStatements, *, batches: int = 1,
                    progress: Progress | None = None) -> Iterator[CoverageEvent]:
    """Gather the coverage the request names, then match every statement against it. The
    page cache is opened here, in the consuming thread (an SQLite connection stays in
    the thread that made it)."""
    from ..ingest.cache import PageCache
    from .gather import gather_coverage

    cache = PageCache(request.cache) if request.cache is not None else None
    try:
        found = gather_coverage(article, statements, request, cache, lex, progress)
    finally:
        if cache is not None:
            cache.close()
    if cache is not None and cache.problem:
        yield CoverageNote(cache.problem)
    for note in found.notes:
        yield CoverageNote(note)
    for page in found.pages:
        yield page
        if page.error:
            yield CoverageNote(f"coverage skipped: {page.error}")
    yield from match_events(article, statements, found.docs, lex, read, batches)
