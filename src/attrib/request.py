"""What the user asked for, as one typed value, and the preparation that ``attrib check``
and ``attrib tui`` share: settings read, rules compiled, the article read, coverage
planned. The command line builds a CheckRequest from its arguments once; nothing below
it sees argparse."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .checker import Checker
from .corroborate.coverage_request import CoverageRequest
from .dirs import cache_dir
from .errors import AttribError
from .ingest import is_url
from .ingest.fetch_options import FetchOptions
from .model import Article
from .settings import Settings, load_settings

MAX_DISCOVERED = 250


@dataclass(frozen=True, slots=True)
class CoverageWanted:
    """The coverage options as given: pages, folders, and whether to search."""

    items: tuple[str, ...] = ()  # --coverage URL_OR_FILE
    dirs: tuple[str, ...] = ()  # --coverage-dir DIR
    discover: bool = False  # --discover
    endpoint: str | None = None  # --discover-endpoint (over $ATTRIB_DISCOVER_ENDPOINT and the file)
    discover_max: int = 20  # --discover-max
    jobs: int = 4  # --jobs

    @property
    def any(self) -> bool:
        return bool(self.items or self.dirs or self.discover)


@dataclass(frozen=True, slots=True)
class CheckRequest:
    target: str  # a path, - for standard input, or an http(s) URL
    rule_dirs: tuple[str, ...] = ()  # --rules, beside those the settings name
    config: str | None = None  # --config
    fetch: FetchOptions = field(default_factory=FetchOptions)
    coverage: CoverageWanted = field(default_factory=CoverageWanted)


@dataclass(frozen=True, slots=True)
class Prepared:
    settings: Settings
    checker: Checker
    article: Article
    coverage: CoverageRequest | None  # None: no coverage was asked for
    notes: tuple[str, ...] = ()  # warnings for the user (the page cache is unusable, ...)


def coverage_request(wanted: CoverageWanted, settings: Settings, fetch: FetchOptions) -> CoverageRequest | None:
    if not wanted.any:
        return None
    if wanted.discover_max > MAX_DISCOVERED:
        raise AttribError(f"--discover-max: at most {MAX_DISCOVERED}")
    discover = None
    if wanted.discover:
        discover = replace(settings.discover, max_results=wanted.discover_max)
        if wanted.endpoint is not None:
            if not wanted.endpoint.startswith(("http://", "https://")):
                raise AttribError(f"discovery endpoint {wanted.endpoint!r}: must be an http(s) URL")
            discover = replace(discover, endpoint=wanted.endpoint)
    return CoverageRequest(wanted.items, wanted.dirs, discover, min(wanted.jobs, 32), fetch,
                           cache_dir() / "fetch.sqlite")


def prepare(request: CheckRequest) -> Prepared:
    """Settings, the compiled Checker, the article, and the coverage plan: everything a
    check needs before it runs. Raises AttribError (one line) for anything the user can fix."""
    settings = load_settings(request.config)
    checker = Checker(request.rule_dirs, settings)
    coverage = coverage_request(request.coverage, settings, request.fetch)
    article, notes = read_target(checker, request.target, request.fetch)
    return Prepared(settings, checker, article, coverage, notes)


def read_target(checker: Checker, target: str, fetch: FetchOptions) -> tuple[Article, tuple[str, ...]]:
    """One article, a URL through the page cache; with the cache's problem as a note."""
    if not is_url(target):
        return checker.read(target), ()
    from .ingest.cache import PageCache

    cache = PageCache.default()
    try:
        article = checker.read(target, fetch=fetch, cache=cache)
    finally:
        cache.close()
    return article, (cache.problem,) if cache.problem else ()
