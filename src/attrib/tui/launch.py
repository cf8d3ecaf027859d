"""``attrib tui ARTICLE...``: read, check, open the review app (several articles or a
folder: a queue). Problems the user can fix are raised as AttribError before the screen
is taken over."""

from __future__ import annotations

import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from ..checker import Checker
from ..corroborate.coverage_request import CoverageRequest
from ..errors import AttribError, ConfigError, ExitCode, InputError
from ..model import Report
from ..request import CheckRequest, prepare, read_target
from ..settings import Settings
from ..store import ReviewStore
from .keys import IDS
from .queue import ArticleQueue, expand

if TYPE_CHECKING:
    from ..corroborate.stream import CoverageEvent


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


class _Ready(NamedTuple):
    """What the screen needs from the preparation, as it crosses from the child process."""

    settings: Settings
    report: Report
    coverage: CoverageRequest | None
    notes: tuple[str, ...]


def _prepare_and_check(request: CheckRequest) -> _Ready:
    ready = prepare(request)
    validate(ready.settings)
    return _Ready(ready.settings, ready.checker.check(ready.article), ready.coverage, ready.notes)


def _alongside(work: Callable[[], _Ready], meanwhile: Callable[[], object]) -> _Ready:
    """``work()`` in a forked child while ``meanwhile()`` runs here.

    Reading the rules and checking the article, and importing Textual, each take about a
    fifth of a second of pure Python: run side by side on two cores, the first screen
    comes that much sooner. The child sends back its result (or its error) pickled; where
    there is no fork, the two run one after the other."""
    if not hasattr(os, "fork"):
        meanwhile()
        return work()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: nothing reaches the terminal, everything goes up the pipe
        os.close(read)
        try:
            payload: tuple = ("ok", work())
        except AttribError as exc:
            payload = ("error", str(exc), int(exc.exit_code))
        except BaseException:
            payload = ("crash", traceback.format_exc())
        with os.fdopen(write, "wb") as out:
            pickle.dump(payload, out)
        os._exit(0)
    os.close(write)
    try:
        meanwhile()
        with os.fdopen(read, "rb") as inp:
            payload = pickle.load(inp)
    finally:
        os.waitpid(pid, 0)
    if payload[0] == "error":
        error = AttribError(payload[1])
        error.exit_code = ExitCode(payload[2])
        raise error
    if payload[0] == "crash":
        raise RuntimeError(f"preparing the article failed:\n{payload[1]}")
    return payload[1]


class _Checker:
    """The parent's own Checker (the child's cannot be sent cheaply: its patterns would be
    compiled again on arrival), built when first needed, once."""

    def __init__(self, request: CheckRequest, settings: Settings) -> None:
        self._args = (request.rule_dirs, settings)
        self._lock = threading.Lock()
        self._checker: Checker | None = None

    def get(self) -> Checker:
        with self._lock:
            if self._checker is None:
                self._checker = Checker(*self._args)
            return self._checker


def run_tui(request: CheckRequest, more: tuple[str, ...] = ()) -> int:
    """Review ``request.target`` (and ``more`` articles after it, as a queue)."""
    targets = expand([request.target, *more])
    if "-" in targets:
        raise InputError("attrib tui reads the keyboard from the terminal: give the article "
                         "as a file or URL (attrib check - reads standard input)")

    def load_screen() -> None:
        import attrib.tui.app  # noqa: F401 - Textual and the app, while the child checks

    # the article and the settings first: their problems are the ones to report
    ready = _alongside(partial(_prepare_and_check, replace(request, target=targets[0])), load_screen)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AttribError("attrib tui needs a terminal; for a report use "
                          f"attrib check {targets[0]}")
    store = ReviewStore()
    checker = _Checker(request, ready.settings)
    from .app import ReviewApp

    def finish(exported: Report) -> Report:
        return replace(exported, outlets=checker.get().outlets_named(exported))

    def load(target: str) -> Report:
        found = checker.get()
        return found.check(read_target(found, target, request.fetch)[0])

    def rescore(report: Report) -> Report:
        return checker.get().reviewed(report)

    corroborate = None
    if ready.coverage is not None:  # the coverage stage (numpy, the HTTP client) only when asked for
        coverage = ready.coverage

        def corroborate(report: Report) -> Iterable[CoverageEvent]:
            from .coverage_worker import coverage_corroborator

            run = coverage_corroborator(checker.get(), coverage)
            assert run is not None
            return run(report)

    queue = ArticleQueue(targets, load) if len(targets) > 1 else None
    app = ReviewApp(ready.report, store=store, settings=ready.settings, finish=finish,
                    rescore=rescore, queue=queue, corroborate=corroborate,
                    background=(checker.get,))
    for note in ready.notes:
        app.notify(note, severity="warning", markup=False)
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0
