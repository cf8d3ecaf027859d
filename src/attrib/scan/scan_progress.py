"""The scan's live line on the terminal (documents, words/s, errors, ETA) and its
closing summary. No corpus text is shown, only counts and the output folder's name."""

from __future__ import annotations

from typing import TextIO

from ..plural import counted
from ..safety import shown
from .scan_run import Progress, ScanResult


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def progress_text(p: Progress) -> str:
    rate = p.words_this_run / p.seconds if p.seconds > 0 else 0.0
    of = f" of {p.total:,}" if p.total else ""  # a WARC file's count is known only once read
    parts = [f"{p.documents:,}{of} documents", f"{rate:,.0f} words/s",
             f"{p.errors:,} error{'s' if p.errors != 1 else ''}",
             f"partition {p.partitions:,} of {p.partitions_total:,}"]
    left = p.partitions_total - p.partitions
    if p.partitions_this_run and left > 0:  # partitions are of a size, so they measure the time left
        parts.append(f"ETA {_duration(p.seconds * left / p.partitions_this_run)}")
    return "scan: " + " · ".join(parts)


class ProgressLine:
    """Rewrites one line of stderr when ``live``; otherwise only remembers the counts."""

    def __init__(self, out: TextIO, live: bool):
        self.out, self.live = out, live
        self.last: Progress | None = None
        self.width = 0

    def update(self, p: Progress) -> None:
        self.last = p
        if self.live:
            text = progress_text(p)
            self.out.write("\r" + text.ljust(self.width))
            self.out.flush()
            self.width = len(text)

    def end(self) -> None:
        if self.live and self.width:
            self.out.write("\n")
            self.out.flush()
            self.width = 0

    def partitions_done(self) -> str:
        if self.last is None:
            return "no partition finished"
        return f"{self.last.partitions:,} of {self.last.partitions_total:,} partitions done"


def summary(r: ScanResult) -> str:
    rate = r.words_this_run / r.seconds if r.seconds > 0 else 0.0
    lines = [f"scanned {r.articles:,} articles ({r.words:,} words) in {r.partitions:,} partitions"
             + (f", {r.resumed:,} of them done before --resume" if r.resumed else "")
             + f": {_duration(r.seconds)}, {rate:,.0f} words/s",
             f"{counted(r.statements, 'statement')}, {counted(r.flags, 'flag')}"
             + (f", {r.clusters:,} quotations in two articles or more" if r.clusters is not None else ""),
             f"tables in {shown(str(r.output))}/" + (f"; report {shown(str(r.report))}" if r.report else "")]
    if r.errors:
        lines.append(f"{r.errors:,} documents could not be read: their reasons are in the errors table")
    return "\n".join(lines) + "\n"
