"""One article as the flag rules see it: sentences, paragraphs, quotations and the
statements the engine found, with the lookups the checks need."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model import Span, Statement
from ..text import Quote, find_quotes, split_sentences


def _paragraphs(text: str) -> list[Span]:
    """Every non-empty line: news text puts one paragraph on a line."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append(Span(start, end))
        start = end + 1
    return out


def _cover(st: Statement) -> Span:
    parts = [st.sentence, st.cue, *st.content]
    return Span(min(p.start for p in parts), max(p.end for p in parts))


@dataclass
class Document:
    text: str
    statements: tuple[Statement, ...]
    abbreviations: frozenset[str] = frozenset()
    sentences: list[Span] = field(init=False)
    paragraphs: list[Span] = field(init=False)
    quotes: list[Quote] = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = split_sentences(self.text, self.abbreviations)
        self.paragraphs = _paragraphs(self.text)
        self.quotes = find_quotes(self.text)
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._quote_starts = [q.span.start for q in self.quotes]
        # Statements by the start of all they cover, for overlap look-ups by bisection:
        # every check asks about one sentence, and articles can hold thousands.
        reach = [(_cover(st), st) for st in self.statements]
        reach.sort(key=lambda r: r[0].start)
        self._reach = reach
        self._reach_starts = [r[0].start for r in reach]
        self._longest = max((len(r[0]) for r in reach), default=0)
        self._order = {id(st): n for n, st in enumerate(self.statements)}

    def sentence_at(self, pos: int) -> Span:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[max(i, 0)] if self.sentences else Span(0, len(self.text))

    def paragraph_at(self, pos: int) -> Span:
        i = bisect.bisect_right(self._paragraph_starts, pos) - 1
        return self.paragraphs[max(i, 0)] if self.paragraphs else Span(0, len(self.text))

    def quote_around(self, span: Span) -> Quote | None:
        """The quotation (marks included) that holds all of ``span``."""
        i = bisect.bisect_right(self._quote_starts, span.start) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.span.contains(span):
                return q
            if q.span.end < span.start - 2000:
                break
            i -= 1
        return None

    def in_quotes(self, span: Span) -> bool:
        return self.quote_around(span) is not None

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
