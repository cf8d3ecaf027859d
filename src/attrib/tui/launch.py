"""``attrib tui ARTICLE``: read, check, open the review app. Problems the user can fix
are raised as AttribError before the screen is taken over."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from ..config import load_settings
from ..corroborate import options as coverage_options
from ..errors import AttribError, InputError
from ..ingest import load_article
from ..ingest.cache import PageCache
from ..model import Report
from ..pipeline import check, outlets_named
from ..rulebook import load_rulebook
from ..store import ReviewStore
from .config import load_config
from .corroboration import coverage_corroborator


def run_tui(args: argparse.Namespace) -> int:
    if args.article == "-":
        raise InputError("attrib tui reads the keyboard from the terminal: give the article "
                         "as a file or URL (attrib check - reads standard input)")
    config = load_config(args.config)
    settings = load_settings(args.config)
    rules = load_rulebook([*settings.rule_dirs, *args.rules])
    cache = PageCache.default() if coverage_options.needs_cache(args) else None
    article = load_article(args.article, fetch=coverage_options.fetch_options(args), cache=cache)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AttribError("attrib tui needs a terminal; for a report use "
                          f"attrib check {args.article}")
    store = ReviewStore()
    report = check(article, rules, settings=settings)  # coverage: later, in the background
    from .app import ReviewApp  # Textual loads only when the screen is really opened

    def finish(exported: Report) -> Report:
        return replace(exported, outlets=outlets_named(exported, rules))

    app = ReviewApp(report, store=store, config=config, finish=finish,
                    corroborate=coverage_corroborator(args, rules, cache, settings.discover))
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0
