"""The seam between the review app and the coverage stage.

The app takes any callable ``corroborate(report)`` that yields coverage events as they
come (see corroborate/stream.py): ``CoveragePage`` values (pages considered, for the
exported report), ``CoverageNote`` values (shown as notifications) and one
``Corroboration`` per statement. It runs in a thread worker, so fetching never blocks
the screen. The real one is the pipeline's own stream, as ``attrib check`` consumes it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator

from ..checker import Checker
from ..corroborate.coverage_request import CoverageRequest
from ..corroborate.progress import Progress
from ..corroborate.stream import CoverageEvent
from ..model import Report

Corroborator = Callable[[Report], Iterable[CoverageEvent]]

BATCHES = 10  # matching in this many slices, so the badges fill in as it goes


def coverage_corroborator(checker: Checker, request: CoverageRequest | None) -> Corroborator | None:
    """The real corroborator for ``--coverage``, ``--coverage-dir`` and ``--discover``
    (None when none is given). Nothing is printed (the screen belongs to the app):
    problems come back as notes."""
    if request is None:
        return None

    def run(report: Report) -> Iterator[CoverageEvent]:
        yield from checker.coverage_events(report, request, batches=BATCHES, progress=Progress(io.StringIO()))

    return run
