"""The command-line face of coverage: the options of ``attrib check`` and turning them
into a CoverageSet, with warnings on stderr for every page that could not be used."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import AttribError
from ..ingest import is_url
from ..ingest.cache import PageCache
from ..ingest.fetch import FetchOptions
from ..model import Article
from ..rulebook import Rulebook
from ..safety import clean
from .gather import CoverageRequest, CoverageSet, gather_coverage
from .progress import Progress
from .settings import discover_settings


def _positive(kind: type):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above zero: {text!r}")
        return value
    return parse


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("fetching and coverage")
    g.add_argument("--coverage", action="append", default=[], metavar="URL_OR_FILE",
                   help="another outlet's report of the story, to check quotes against (repeatable)")
    g.add_argument("--coverage-dir", action="append", default=[], metavar="DIR",
                   help="a directory of saved coverage pages (.html, .htm, .txt)")
    g.add_argument("--discover", action="store_true",
                   help="search for other coverage (GDELT DOC 2.0 article list)")
    g.add_argument("--discover-endpoint", metavar="URL",
                   help="search endpoint (default: $ATTRIB_DISCOVER_ENDPOINT, config, or GDELT)")
    g.add_argument("--discover-max", type=_positive(int), default=20, metavar="N",
                   help="at most N discovered pages (default 20)")
    g.add_argument("--allow-private", action="store_true",
                   help="also fetch discovered URLs on loopback or private addresses")
    g.add_argument("--refresh", action="store_true", help="fetch again, ignoring the cache")
    g.add_argument("--timeout", type=_positive(float), default=10.0, metavar="SECONDS",
                   help="connect and read time-out per request (default 10)")
    g.add_argument("--jobs", type=_positive(int), default=4, metavar="N",
                   help="pages fetched at once (default 4)")


def fetch_options(args: argparse.Namespace) -> FetchOptions:
    return FetchOptions(timeout=args.timeout, refresh=args.refresh, allow_private=args.allow_private)


def wants_coverage(args: argparse.Namespace) -> bool:
    return bool(args.coverage or args.coverage_dir or args.discover)


def needs_cache(args: argparse.Namespace) -> bool:
    return is_url(args.article) or wants_coverage(args)


def warn(message: str) -> None:
    print(f"attrib: warning: {' '.join(clean(message).split())}", file=sys.stderr)


def coverage_from_args(args: argparse.Namespace, article: Article, statements: Sequence,
                       rules: Rulebook, cache: PageCache | None,
                       discover: Mapping[str, Any] | None = None) -> CoverageSet | None:
    """``discover``: the [discover] table of the settings file."""
    if not wants_coverage(args):
        return None
    if args.discover_max > 250:
        raise AttribError("--discover-max: at most 250")
    settings = discover_settings(args.discover_endpoint, args.discover_max, discover) if args.discover else None
    request = CoverageRequest(tuple(args.coverage), tuple(args.coverage_dir), settings, min(args.jobs, 32))
    found = gather_coverage(article, statements, request, fetch_options(args), cache, rules, Progress())
    for note in found.notes:
        warn(note)
    for page in found.pages:
        if page.error:
            warn(f"coverage skipped: {page.error}")
    return found
