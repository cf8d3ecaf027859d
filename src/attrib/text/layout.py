"""An article's text, parsed once: paragraphs, sentences and quotations, with lookups by
offset. The pipeline builds one Layout per article and hands it to every stage."""

from __future__ import annotations

import bisect
from collections.abc import Collection

from ..model import Span
from .quotes import Quote, find_quotes
from .sentences import split_sentences

CLOSERS = "\"”'"


def _paragraphs(text: str) -> list[Span]:
    """Every non-empty line: news text puts one paragraph on a line."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append(Span(start, end))
        start = end + 1
    return out


class Layout:
    """Paragraphs, sentences and quotations of one text, in text order."""

    __slots__ = ("_paragraph_starts", "_paragraphs", "quote_starts", "quotes", "sentence_starts",
                 "sentences", "text")

    def __init__(self, text: str, abbreviations: Collection[str] = ()):
        self.text = text
        self.sentences = split_sentences(text, abbreviations)
        self.sentence_starts = [s.start for s in self.sentences]
        self.quotes = find_quotes(text)
        self.quote_starts = [q.span.start for q in self.quotes]
        self._paragraphs: list[Span] | None = None  # the flag rules need them, extraction does not
        self._paragraph_starts: list[int] = []

    @property
    def paragraphs(self) -> list[Span]:
        if self._paragraphs is None:
            self._paragraphs = _paragraphs(self.text)
            self._paragraph_starts = [p.start for p in self._paragraphs]
        return self._paragraphs

    def sentence_at(self, pos: int) -> Span:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return self.sentences[max(i, 0)] if self.sentences else Span(0, len(self.text))

    def sentence_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, pos) - 1, 0)

    def sentences_over(self, span: Span) -> Span:
        """The sentences ``span`` touches, joined (and ``span`` itself where it reaches
        past them)."""
        if not self.sentences:
            return span
        first = self.sentence_at(span.start)
        last = self.sentence_at(max(span.end - 1, span.start))
        return Span(min(first.start, span.start), max(last.end, span.end))

    def paragraph_at(self, pos: int) -> Span:
        paragraphs = self.paragraphs
        i = bisect.bisect_right(self._paragraph_starts, pos) - 1
        return paragraphs[max(i, 0)] if paragraphs else Span(0, len(self.text))

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation (marks included) that holds the character at ``pos``."""
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quotes[i].span.start <= pos < self.quotes[i].span.end:
            return self.quotes[i]
        return None

    def quote_around(self, span: Span) -> Quote | None:
        """The quotation (marks included) that holds all of ``span``."""
        i = bisect.bisect_right(self.quote_starts, span.start) - 1
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

    def quote_ending_at(self, pos: int) -> Quote | None:
        """The quote whose closing mark is the last non-space character before ``pos``."""
        j = pos
        while j > 0 and self.text[j - 1] in " \t":
            j -= 1
        if j and self.text[j - 1] in CLOSERS:
            return self.quote_at(j - 1)
        return None

    def next_quote(self, pos: int) -> Quote | None:
        """The first quotation opening at or after ``pos``."""
        i = bisect.bisect_left(self.quote_starts, pos)
        return self.quotes[i] if i < len(self.quotes) else None
