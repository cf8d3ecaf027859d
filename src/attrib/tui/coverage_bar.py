"""Progress of the background coverage check, shown only while it runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class CoverageBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Label("Checking other coverage", id="coverage-label")
        yield ProgressBar(show_eta=False, show_percentage=False, id="coverage-progress")
        yield Label("", id="coverage-count")

    def start(self, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=0)
        self.query_one("#coverage-count", Label).update(f"0/{total}")
        self.display = True

    def advance(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(progress=done)
        self.query_one("#coverage-count", Label).update(f"{done}/{total}")

    def stop(self) -> None:
        self.display = False
