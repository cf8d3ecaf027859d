"""The top line: the headline and outlet; in a queue, where this article stands and how
far each one has got; the score (with the reviewer's dismissals taken out) and review
progress. In a narrow terminal the counts give way first, then why an article is not
assessed (the reports say it in full), then the headline is cut."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ..model import Article
from ..plural import counted
from . import palette
from .safe import Shown, one_line
from .state import ScreenState

WIDE = 110  # columns from which the header also counts statements and flags
TITLE_ROOM = 24  # cells the headline keeps before the reason for "not assessed" gives way


def display_title(article: Article) -> str:
    """The headline (ingest finds it), else the file name, else "Untitled article"."""
    if article.title:
        return one_line(article.title)
    return Path(article.path).name if article.path else "Untitled article"


class ReportHeader(Horizontal):
    def __init__(self, state: ScreenState, queue: list[tuple[str, bool]] | None = None, **kwargs) -> None:
        """``queue``: (mark, is current) per article of a queue (see ReviewApp.queue_marks)."""
        super().__init__(**kwargs)
        self.state = state
        self.queue = queue or []

    def compose(self) -> ComposeResult:
        yield Static("attrib", id="header-brand")
        yield Static(id="header-title")
        yield Static(id="header-queue")
        yield Static(id="header-stats")

    def on_mount(self) -> None:
        self.repaint()

    def _title(self) -> Shown:
        a = self.state.report.article
        p = palette.of(self)
        out = Shown(one_line(display_title(a), 90), "bold")
        outlet = a.site_name or a.outlet
        meta = " · ".join(one_line(x, 30) for x in (outlet, a.published) if x)
        if meta:
            out.append("  " + meta, p.grey)
        return out

    def _queue(self) -> Shown:
        out = Shown()
        if not self.queue:
            return out
        p = palette.of(self)
        here = next(i for i, (_, current) in enumerate(self.queue) if current)
        out.append(f"{here + 1}/{len(self.queue)} ", p.grey)
        if len(self.queue) <= 12:
            for mark, current in self.queue:
                out.append(mark, f"bold reverse {p.sky}" if current else p.grey)
        out.append(" ")
        return out

    def _stats(self) -> Shown:
        s = self.state
        p = palette.of(self)
        summary = s.summary()
        width = self.app.size.width or WIDE
        out = Shown()
        tail = Shown()
        if width >= WIDE:
            tail.append(f"{counted(len(s.report.statements), 'statement')} · "
                        f"{counted(len(s.report.flags), 'flag')} · ", p.grey)
        tail.append(f"{s.reviewed()}/{len(s.findings)} reviewed ", p.grey)
        if summary.not_assessed is not None:
            out.append("not assessed", "bold " + p.grey)
            # the reason is long ("too little text to judge: 2 sentences of prose ..."):
            # in the room the brand, the queue, a least headline and the counts leave,
            # the whole of it, else its gist (before the colon), else nothing
            room = (width - len(" attrib ") - self._queue().cell_len - TITLE_ROOM - len("not assessed")
                    - len(" ()  ") - tail.cell_len)
            reason = one_line(summary.not_assessed)
            fits = [r for r in (reason, reason.split(":")[0]) if len(r) <= room]
            if fits:
                out.append(f" ({fits[0]})", p.grey)
            out.append("  ")
        elif summary.score is not None:
            out.append("score ", p.grey)
            # as the reports write it: rounded to a whole number, 84.6 would show as 85
            # beside the verdict "fair" (strong starts at 85)
            colour = p.verdict(summary.verdict)
            out.append(f"{summary.score:g}", "bold " + colour)
            if summary.verdict:
                out.append(f" {one_line(summary.verdict, 24)}", colour)
            out.append("  ")
        return out.append_text(tail)

    # query(), not query_one(): a resize can arrive while the screen is being composed
    # again (a new article), when the parts are already gone
    def update_stats(self) -> None:
        for stats in self.query("#header-stats").results(Static):
            stats.update(self._stats())

    def repaint(self) -> None:
        for title in self.query("#header-title").results(Static):
            title.update(self._title())
        for queue in self.query("#header-queue").results(Static):
            queue.display = bool(self.queue)
            queue.update(self._queue())
        self.update_stats()

    def on_resize(self) -> None:
        self.update_stats()
