"""The seam to the corroboration stage.

The app takes any callable ``corroborate(report)`` that yields Corroboration values as
they are found: a plain generator (run in a thread worker) or an async generator (run as
an async worker). The CLI passes the real one; tests pass one that fetches pages from a
local HTTP server. Results fill in the badges one by one.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterable, Callable, Iterable
from typing import Union

from ..model import Corroboration, Report

Corroborator = Callable[[Report], Union[Iterable[Corroboration], AsyncIterable[Corroboration]]]


def is_async(fn: Corroborator) -> bool:
    call = getattr(fn, "__call__", None)
    return inspect.isasyncgenfunction(fn) or inspect.isasyncgenfunction(call)


def coverage_corroborator(coverage: list[str], discover: bool) -> Corroborator | None:
    """The corroborator for ``attrib tui --coverage ... --discover``.

    The corroboration stage (fetching coverage and matching quotes) is built separately;
    until it is wired in here this returns None and the app says that coverage checking
    is not available.
    """
    del coverage, discover
    return None
