"""``attrib tui ARTICLE``: read, check, open the review app. Problems the user can fix
are raised as AttribError before the screen is taken over."""

from __future__ import annotations

import argparse
import sys

from ..errors import AttribError, InputError
from ..ingest import load_article
from ..pipeline import check
from ..rulebook import load_rulebook
from ..store import ReviewStore
from .config import load_config
from .corroboration import coverage_corroborator


def run_tui(args: argparse.Namespace) -> int:
    if args.article == "-":
        raise InputError("attrib tui reads the keyboard from the terminal: give the article "
                         "as a file (attrib check - reads standard input)")
    config = load_config()
    rules = load_rulebook(args.rules)
    article = load_article(args.article)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AttribError("attrib tui needs a terminal; for a report use "
                          f"attrib check {args.article}")
    store = ReviewStore()
    report = check(article, rules)
    from .app import ReviewApp  # Textual loads only when the screen is really opened

    app = ReviewApp(report, store=store, config=config,
                    corroborate=coverage_corroborator(args.coverage, args.discover),
                    coverage_requested=bool(args.coverage or args.discover))
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0
