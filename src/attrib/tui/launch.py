"""``attrib tui ARTICLE...``: read, check, open the review app (several articles or a
folder: a queue). Problems the user can fix are raised as AttribError before the screen
is taken over."""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from ..checker import Checker
from ..corroborate.coverage_request import CoverageRequest
from ..errors import AttribError, ConfigError, ExitCode, InputError
from ..model import Article, Report
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


SHORT_CHECK = 0.05  # seconds to wait for the check before starting the screen without it


class _Read(NamedTuple):
    """The first thing the child sends: settings checked, the article read."""

    settings: Settings
    article: Article
    coverage: CoverageRequest | None
    notes: tuple[str, ...]


def _steps(request: CheckRequest) -> Iterator[_Read | Report]:
    """Read everything the user could have got wrong (settings, rules, the article), then
    check the article: two results, sent up the pipe one after the other."""
    ready = prepare(request)
    validate(ready.settings)
    yield _Read(ready.settings, ready.article, ready.coverage, ready.notes)
    yield ready.checker.check(ready.article)


class _Child:
    """``steps()`` in a forked child; ``next()`` gives what it sent, one at a time.

    Reading the rules and checking the article, importing Textual and starting the
    screen are each a fifth of a second or more of pure Python: side by side on two
    cores, the first full screen comes that much sooner. The child's results (or its
    error) come pickled; where there is no fork, the steps run here when asked for."""

    def __init__(self, steps: Callable[[], Iterator[object]]) -> None:
        self._pid: int | None = None
        self._local: Iterator[object] | None = None
        if not hasattr(os, "fork"):
            self._local = steps()
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: nothing reaches the terminal, everything goes up the pipe
            try:
                os.close(read)
                try:
                    for item in steps():
                        _send(write, ("ok", item))
                except AttribError as exc:
                    _send(write, ("error", str(exc), int(exc.exit_code)))
                except BaseException:
                    _send(write, ("crash", traceback.format_exc()))
            finally:
                os._exit(0)
        os.close(write)
        self._pid = pid
        self._fd = read

    def ready(self, timeout: float) -> bool:
        """Has the child sent its next result (waiting at most ``timeout`` seconds)?"""
        if self._local is not None:
            return True
        return bool(select.select([self._fd], [], [], timeout)[0])

    def next(self) -> object:
        if self._local is not None:
            return next(self._local)
        try:
            payload = pickle.loads(_receive(self._fd))
        except (EOFError, OSError, pickle.UnpicklingError):
            raise RuntimeError("preparing the article failed: the helper process ended") from None
        if payload[0] == "error":
            error = AttribError(payload[1])
            error.exit_code = ExitCode(payload[2])
            raise error
        if payload[0] == "crash":
            raise RuntimeError(f"preparing the article failed:\n{payload[1]}")
        return payload[1]

    def close(self) -> None:
        if self._pid is not None:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)  # quit before the check was done
            os.waitpid(self._pid, 0)
            os.close(self._fd)
            self._pid = None


def _send(fd: int, payload: tuple) -> None:
    """One result as a frame: its length, then its pickle (so the reader can wait on the
    pipe with select, with nothing read ahead into a buffer)."""
    data = pickle.dumps(payload)
    view = memoryview(struct.pack("!Q", len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _exactly(fd: int, n: int) -> bytes:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _receive(fd: int) -> bytes:
    return _exactly(fd, struct.unpack("!Q", _exactly(fd, 8))[0])


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
    child = _Child(partial(_steps, replace(request, target=targets[0])))
    try:
        import attrib.tui.app  # noqa: F401 - Textual and the app, while the child reads

        first = child.next()  # the user's mistakes, before the screen is taken over
        assert isinstance(first, _Read)
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise AttribError("attrib tui needs a terminal; for a report use "
                              f"attrib check {targets[0]}")
        store = ReviewStore()
        try:
            return _run_app(request, targets, first, child, store)
        finally:
            store.close()
    finally:
        child.close()


def _run_app(request: CheckRequest, targets: list[str], first: _Read, child: _Child,
             store: ReviewStore) -> int:
    from .app import ReviewApp

    checker = _Checker(request, first.settings)

    def finish(exported: Report) -> Report:
        return replace(exported, outlets=checker.get().outlets_named(exported))

    def load(target: str) -> Report:
        found = checker.get()
        return found.check(read_target(found, target, request.fetch)[0])

    def rescore(report: Report) -> Report:
        return checker.get().reviewed(report)

    def checked() -> Report:
        report = child.next()
        assert isinstance(report, Report)
        return report

    corroborate = None
    if first.coverage is not None:  # the coverage stage (numpy, the HTTP client) only when asked for
        coverage = first.coverage

        def corroborate(report: Report) -> Iterable[CoverageEvent]:
            from .coverage_worker import coverage_corroborator

            run = coverage_corroborator(checker.get(), coverage)
            assert run is not None
            return run(report)

    queue = ArticleQueue(targets, load) if len(targets) > 1 else None
    if child.ready(SHORT_CHECK):  # a short article: checked already, the screen opens on it
        report, pending = checked(), None
    else:  # a long one: the screen starts on the article as read, while the child checks it
        report, pending = Report(article=first.article), checked
    app = ReviewApp(report, store=store, settings=first.settings, finish=finish, rescore=rescore,
                    queue=queue, corroborate=corroborate, background=(checker.get,), pending=pending)
    for note in first.notes:
        app.notify(note, severity="warning", markup=False)
    app.run()
    if app.failure is not None:
        raise app.failure
    return app.return_code or 0
