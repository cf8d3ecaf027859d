"""``attrib tui ARTICLE...``: read, check, open the review app (several articles or a
folder: a queue). Problems the user can fix are raised as AttribError before the screen
is taken over."""

from __future__ import annotations

import sys
from dataclasses import replace

from ..errors import AttribError, ConfigError, InputError
from ..model import Report
from ..request import CheckRequest, prepare, read_target
from ..settings import Settings
from ..store import ReviewStore
from .coverage_worker import coverage_corroborator
from .keys import IDS
from .queue import ArticleQueue, expand


def validate(settings: Settings) -> None:
    """The [tui] table against what the screen knows: binding ids and theme names."""
    where = settings.file or "settings"
    for binding_id in settings.tui.keys:
        if binding_id not in IDS:
            raise ConfigError(where, f"unknown binding id {binding_id!r} (known: {', '.join(sorted(IDS))})",
                              "tui.keys")
    theme = settings.tui.theme
    if theme is not None:
        from textual.theme import BUILTIN_THEMES

        if theme not in BUILTIN_THEMES:
            raise ConfigError(where, f"theme {theme!r} is not a Textual theme "
                                     f"(known: {', '.join(sorted(BUILTIN_THEMES))})", "tui.theme")


def run_tui(request: CheckRequest, more: tuple[str, ...] = ()) -> int:
    """Review ``request.target`` (and ``more`` articles after it, as a queue)."""
    targets = expand([request.target, *more])
    if "-" in targets:
        raise InputError("attrib tui reads the keyboard from the terminal: give the article "
                         "as a file or URL (attrib check - reads standard input)")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AttribError("attrib tui needs a terminal; for a report use "
                          f"attrib check {targets[0]}")
    ready = prepare(replace(request, target=targets[0]))
    validate(ready.settings)
    store = ReviewStore()
    checker = ready.checker
    report = checker.check(ready.article)  # coverage: later, in the background
    from .app import ReviewApp  # Textual loads only when the screen is really opened

    def finish(exported: Report) -> Report:
        return replace(exported, outlets=checker.outlets_named(exported))

    def load(target: str) -> Report:
        return checker.check(read_target(checker, target, request.fetch)[0])

    queue = ArticleQueue(targets, load) if len(targets) > 1 else None
    app = ReviewApp(report, store=store, settings=ready.settings, finish=finish,
                    rescore=checker.reviewed, queue=queue,
                    corroborate=coverage_corroborator(checker, ready.coverage))
    for note in ready.notes:
        app.notify(note, severity="warning", markup=False)
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0
