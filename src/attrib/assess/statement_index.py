"""One article as the flag rules see it: its layout and the statements the engine found,
with the look-ups the checks need."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TypeVar, cast

from ..model import Span, Statement
from ..text import Layout
from .scan import LiteralFinder, Scan
from .sourcing import SourceGroup, named_groups

T = TypeVar("T")


def _cover(st: Statement) -> Span:
    parts = [st.sentence, st.cue, *st.content]
    return Span(min(p.start for p in parts), max(p.end for p in parts))


class StatementIndex:
    """Statements by the stretch of text they cover, for overlap look-ups by bisection:
    every check asks about one sentence, and articles can hold thousands."""

    def __init__(self, layout: Layout, statements: tuple[Statement, ...], heading: str = "",
                 year: int | None = None, finder: LiteralFinder | None = None):
        self.layout = layout
        self.year = year  # the year the article was published, when the page says
        self.heading = heading  # the article's title and address: "Column: ...", ".../opinion/.."
        self.text = layout.text
        self.scan = Scan(layout.text, (s.start for s in layout.sentences), finder)  # where each pattern can match
        self.statements = statements
        reach = sorted(((_cover(st), st) for st in statements), key=lambda r: r[0].start)
        self._reach = reach
        self._reach_starts = [r[0].start for r in reach]
        self._longest = max((len(r[0]) for r in reach), default=0)
        self._order = {id(st): n for n, st in enumerate(statements)}
        self._memo: dict[tuple[int, str], object] = {}
        self._sourced: list[Statement] | None = None
        self._groups: list[SourceGroup] | None = None

    def memo(self, st: Statement, key: str, make: Callable[[], T]) -> T:
        """A value about one statement, made once per article and shared by every rule."""
        slot = (id(st), key)
        if slot not in self._memo:
            self._memo[slot] = make()
        return cast(T, self._memo[slot])

    def sourced(self) -> list[Statement]:
        """The statements that give a source."""
        if self._sourced is None:
            self._sourced = [st for st in self.statements if st.source.span is not None]
        return self._sourced

    def named_groups(self) -> list[SourceGroup]:
        """The named sources of the statements that give one (every sources rule asks)."""
        if self._groups is None:
            self._groups = named_groups(self.sourced())
        return self._groups

    def content_holding(self, span: Span) -> Statement | None:
        """The statement whose content contains ``span``."""
        for st in self.statements_in(span):
            if any(c.contains(span) for c in st.content):
                return st
        return None

    def statement_holding(self, span: Span) -> Statement | None:
        """The statement whose content (or, failing that, source) contains ``span``."""
        owner = self.content_holding(span)
        if owner is not None:
            return owner
        for st in self.statements_in(span):
            if st.source.span is not None and st.source.span.contains(span):
                return st
        return None

    def statements_in(self, span: Span) -> list[Statement]:
        """Statements whose sentence, cue or content overlaps ``span``, in text order."""
        lo = bisect.bisect_left(self._reach_starts, span.start - self._longest)
        hi = bisect.bisect_left(self._reach_starts, span.end)
        found = [st for cover, st in self._reach[lo:hi] if cover.overlaps(span) and (
            st.sentence.overlaps(span) or st.cue.overlaps(span) or any(c.overlaps(span) for c in st.content))]
        return sorted(found, key=lambda st: self._order[id(st)])
