"""A one-line progress display on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO | None = None, label: str = "fetching coverage"):
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total = self.done = self.failed = 0

    def start(self, total: int) -> None:
        self.total = total
        self._draw()

    def step(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        self._draw()

    def _draw(self) -> None:
        if not self.enabled or not self.total:
            return
        failed = f", {self.failed} failed" if self.failed else ""
        self.stream.write(f"\r\x1b[K{self.label}: {self.done}/{self.total}{failed}")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.total:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
