"""The top line: the article's title, outlet and date; the score; review progress."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ..model import Article
from . import palette
from .safe import one_line
from .state import ScreenState


def display_title(article: Article) -> str:
    """The title, else a short first line (plain-text articles start with the headline),
    else the file name."""
    if article.title:
        return one_line(article.title)
    for line in article.text.splitlines():
        line = one_line(line)
        if line:
            if len(line) <= 120 and not line.endswith((".", "”", '"')):
                return line
            break
    return Path(article.path).name if article.path else "article"


class ReportHeader(Horizontal):
    def __init__(self, state: ScreenState, **kwargs) -> None:
        super().__init__(**kwargs)
        self.state = state

    def compose(self) -> ComposeResult:
        yield Static("attrib", id="header-brand")
        yield Static(id="header-title")
        yield Static(id="header-stats")

    def on_mount(self) -> None:
        self.repaint()

    def _title(self) -> Text:
        a = self.state.report.article
        p = palette.of(self)
        meta = " · ".join(one_line(x, 40) for x in (a.outlet, a.published, a.byline) if x)
        out = Text(one_line(display_title(a), 90), style="bold")
        if meta:
            out.append("  " + meta, style=p.grey)
        return out

    def _stats(self) -> Text:
        s = self.state
        p = palette.of(self)
        summary = s.report.summary
        out = Text()
        if summary.not_assessed is not None:
            out.append("not assessed", style="bold " + p.grey)
            out.append(f" ({one_line(summary.not_assessed, 70)})  ", style=p.grey)
        elif summary.score is not None:
            out.append("score ", style=p.grey)
            out.append(f"{summary.score:.0f}", style="bold " + p.score(summary.score))
            if summary.verdict:
                out.append(f" {one_line(summary.verdict, 24)}", style=p.score(summary.score))
            out.append("  ")
        statements = len(s.report.statements)
        flags = len(s.report.flags)
        out.append(f"{statements} statement{'s' * (statements != 1)} · "
                   f"{flags} flag{'s' * (flags != 1)} · ", style=p.grey)
        out.append(f"{s.reviewed()}/{len(s.findings)} reviewed ", style=p.grey)
        return out

    def update_stats(self) -> None:
        self.query_one("#header-stats", Static).update(self._stats())

    def repaint(self) -> None:
        self.query_one("#header-title", Static).update(self._title())
        self.update_stats()
