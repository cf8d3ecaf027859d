"""The seam to the corroboration stage.

The app takes any callable ``corroborate(report)`` that yields, as they are found,
``Corroboration`` values (one per statement), ``CoveragePage`` values (the pages that
were considered, for the exported report) and ``str`` warnings (shown as notifications).
A plain generator runs in a thread worker, an async generator as an async worker.
``coverage_corroborator`` builds the real one from ``attrib tui``'s coverage options;
tests pass one that fetches pages from a local HTTP server.
"""

from __future__ import annotations

import argparse
import inspect
import io
from collections.abc import AsyncIterable, Callable, Iterable, Iterator, Mapping
from typing import Any, Union

from ..corroborate import corroborate
from ..corroborate import options as coverage_options
from ..corroborate.gather import CoverageRequest, gather_coverage
from ..corroborate.progress import Progress
from ..corroborate.settings import discover_settings
from ..errors import AttribError
from ..ingest.cache import PageCache
from ..model import Corroboration, CoveragePage, Report
from ..rulebook import Rulebook

Result = Union[Corroboration, CoveragePage, str]
Corroborator = Callable[[Report], Union[Iterable[Result], AsyncIterable[Result]]]

BATCHES = 10  # matching in this many slices, so the badges fill in as it goes


def is_async(fn: Corroborator) -> bool:
    call = getattr(fn, "__call__", None)
    return inspect.isasyncgenfunction(fn) or inspect.isasyncgenfunction(call)


def coverage_corroborator(args: argparse.Namespace, rules: Rulebook, cache: PageCache | None,
                          discover: Mapping[str, Any] | None = None) -> Corroborator | None:
    """The real corroborator for ``--coverage``, ``--coverage-dir`` and ``--discover``
    (None when none is given). Fetching goes through the page cache at ``cache``'s path,
    opened afresh in the worker's thread (an SQLite connection stays in its thread);
    nothing is printed (the screen belongs to the app): problems come back as warnings."""
    if not coverage_options.wants_coverage(args):
        return None
    if args.discover_max > 250:
        raise AttribError("--discover-max: at most 250")
    settings = (discover_settings(args.discover_endpoint, args.discover_max, discover)
                if args.discover else None)
    request = CoverageRequest(tuple(args.coverage), tuple(args.coverage_dir), settings,
                              min(args.jobs, 32))
    fetch = coverage_options.fetch_options(args)

    cache_path = cache.path if cache is not None else None

    def run(report: Report) -> Iterator[Result]:
        pages = PageCache(cache_path) if cache_path is not None else None
        try:
            found = gather_coverage(report.article, report.statements, request, fetch, pages,
                                    rules, Progress(io.StringIO()))
        finally:
            if pages is not None:
                pages.close()
        if pages is not None and pages.problem:
            yield pages.problem
        yield from found.notes
        for page in found.pages:
            yield page
            if page.error:
                yield f"coverage skipped: {page.error}"
        statements = report.statements
        size = max(1, -(-len(statements) // BATCHES))
        for i in range(0, len(statements), size):
            yield from corroborate(report.article, statements[i:i + size], found.docs, rules)

    return run
