"""Collecting other coverage: saved pages, pages at URLs the user gives, and pages found
by discovery, fetched concurrently (bounded) through the cache. A page that cannot be
had is recorded with the reason and skipped; it never fails the run, and never takes
the other pages' results with it. Addresses are recorded without credentials."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..ingest import is_url, read_html_file, url_problem
from ..ingest.cache import PageCache
from ..ingest.fetch import Fetcher, Response, response_text
from ..ingest.html_page import html_article
from ..ingest.text import read_text_article
from ..model import Article, CoveragePage, PageOrigin, Statement
from ..safety import shown, without_credentials
from .coverage_request import CoverageRequest
from .discover import Discovery, build_queries
from .documents import CoverageDoc
from .lexicons import MatchLexicons
from .progress import Progress

PAGE_SUFFIXES = (".html", ".htm", ".txt")


@dataclass(frozen=True, slots=True)
class CoverageSet:
    docs: tuple[CoverageDoc, ...] = ()
    pages: tuple[CoveragePage, ...] = ()  # every page considered, used or failed
    notes: tuple[str, ...] = ()  # problems that are not a page's: discovery, the cache
    queries: tuple[str, ...] = ()  # what discovery searched for


def _read_file(path: str, origin: PageOrigin) -> CoverageDoc:
    problem = url_problem(path)
    if problem:
        raise InputError(problem)
    if Path(path).suffix.lower() in (".html", ".htm"):
        article = read_html_file(path)
    else:
        article = read_text_article(path)
    return CoverageDoc.from_article(article, path, origin)


def _dir_files(directory: str) -> list[str]:
    root = Path(directory)
    if not root.is_dir():
        raise InputError(f"--coverage-dir {directory}: no such directory")
    return [str(p) for p in sorted(root.rglob("*")) if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES]


def _page(doc: CoverageDoc, where: str, origin: PageOrigin) -> CoveragePage:
    return CoveragePage(url=where, origin=origin, outlet=doc.outlet, title=doc.title)


async def _gather(article: Article, statements: Sequence[Statement], request: CoverageRequest,
                  cache: PageCache | None, lex: MatchLexicons, progress: Progress) -> CoverageSet:
    docs: list[CoverageDoc] = []
    pages: list[CoveragePage] = []
    notes: list[str] = []
    queries: list[str] = []
    targets: list[tuple[str, PageOrigin]] = []  # (url, origin)
    skip = {without_credentials(u) for u in (article.url,) if u}

    targets += [(item, PageOrigin.COVERAGE) for item in request.items if is_url(item)]
    local = [(item, PageOrigin.COVERAGE) for item in request.items if not is_url(item)]
    local += [(path, PageOrigin.COVERAGE_DIR) for directory in request.dirs for path in _dir_files(directory)]
    for path, origin in local:
        try:
            doc = _read_file(path, origin)
        except InputError as exc:
            pages.append(CoveragePage(without_credentials(path), origin, error=str(exc)))
            continue
        docs.append(doc)
        pages.append(_page(doc, path, origin))

    async with Fetcher(request.fetch, cache) as fetcher:
        if request.discover is not None:
            discovery = Discovery(fetcher, request.discover)
            found = await discovery.run(build_queries(article, statements, lex))
            notes.extend(discovery.notes)
            queries.extend(discovery.queries)
            targets.extend((d.url, PageOrigin.DISCOVER) for d in found)

        seen: set[str] = set(skip)
        unique = []
        for url, origin in targets:
            if without_credentials(url) not in seen:
                seen.add(without_credentials(url))
                unique.append((url, origin))
        limit = asyncio.Semaphore(max(1, request.jobs))
        progress.start(len(unique))

        async def one(url: str, origin: PageOrigin) -> tuple[str, PageOrigin, Response | InputError]:
            async with limit:
                try:
                    response = await fetcher.page(url, guard_private=origin is PageOrigin.DISCOVER)
                except InputError as exc:
                    progress.step(False)
                    return url, origin, exc
                except Exception as exc:  # a bug met by one page must not lose the others
                    progress.step(False)
                    return url, origin, InputError(f"{shown(url)}: not fetched (internal error: "
                                                   f"{type(exc).__name__}: {shown(str(exc), 200)})")
                progress.step(True)
                return url, origin, response

        results = await asyncio.gather(*(one(u, o) for u, o in unique))
        progress.finish()

    for url, origin, result in results:
        public = without_credentials(url)
        if isinstance(result, Exception):
            pages.append(CoveragePage(public, origin, error=str(result)))
            continue
        final = without_credentials(result.final_url)
        if final in skip:
            continue
        try:
            page_article = html_article(response_text(result), final, name=shown(url))
        except InputError as exc:
            pages.append(CoveragePage(public, origin, error=str(exc)))
            continue
        doc = CoverageDoc(url=final, outlet=page_article.outlet or page_article.site_name
                          or shown(url, 60), text=page_article.text, title=page_article.title, origin=origin)
        docs.append(doc)
        pages.append(CoveragePage(public, origin, doc.outlet, doc.title))
    return CoverageSet(tuple(docs), tuple(pages), tuple(notes), tuple(queries))


def gather_coverage(article: Article, statements: Sequence[Statement], request: CoverageRequest,
                    cache: PageCache | None, lex: MatchLexicons,
                    progress: Progress | None = None) -> CoverageSet:
    """Every page of coverage the request names, read and extracted. ``lex`` picks the
    words discovery searches for."""
    return asyncio.run(_gather(article, statements, request, cache, lex, progress or Progress()))
