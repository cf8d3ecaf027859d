"""One article prepared for the engine: its text, sentences and quotations, and the
lookups and constructors every layout shares."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Kind, Relay, Source, SourceType, Span, Statement
from ..text import Quote, find_quotes, split_sentences
from .cues import CueHit
from .sources import classify
from .words import words

if TYPE_CHECKING:
    from .engine import Engine

CLOSERS = "\"”'"


class Document:
    def __init__(self, text: str, engine: Engine):
        self.text = text
        self.e = engine
        self.sentences = split_sentences(text, engine.abbreviations)
        self.starts = [s.start for s in self.sentences]
        self.quotes = find_quotes(text)
        self.quote_starts = [q.span.start for q in self.quotes]

    def sentence_at(self, pos: int) -> Span:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.sentences[max(i, 0)]

    def quote_at(self, pos: int) -> Quote | None:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quotes[i].span.start <= pos < self.quotes[i].span.end:
            return self.quotes[i]
        return None

    def quote_ending_at(self, pos: int) -> Quote | None:
        """The quote whose closing mark is the last non-space character before ``pos``."""
        j = pos
        while j > 0 and self.text[j - 1] in " \t":
            j -= 1
        if j and self.text[j - 1] in CLOSERS:
            return self.quote_at(j - 1)
        return None

    def ends_sentence(self, pos: int, sent: Span) -> bool:
        """Nothing but time words and punctuation between ``pos`` and the sentence end."""
        for w in words(self.text, pos, sent.end):
            if w.text[0].isalnum() and w.lower not in self.e.time:
                return False
        return True

    def make_source(self, span: Span, role: str | None, aside: str = "") -> Source:
        """The source for a phrase; ``role`` is an appositive ("a spokesman for ..."),
        ``aside`` a relative clause beside it ("who asked not to be named")."""
        phrase = span.of(self.text)
        a = classify(phrase, self.e.lex)
        stype = a.type
        if role and stype in (SourceType.UNKNOWN, SourceType.ORGANIZATION) and a.name:
            stype = SourceType.PERSON
        if not a.name and stype != SourceType.NEWS_AGENCY and classify(
                f"{role or ''} {aside}", self.e.lex).type == SourceType.ANONYMOUS:
            stype = SourceType.ANONYMOUS
        name = a.name if stype == SourceType.PERSON else None
        return Source(span, phrase, stype, role or a.role, name)

    def build(self, hit: CueHit, sent: Span, source: Source, content: Iterable[Span],
              extra: tuple[Relay, ...] = ()) -> Statement:
        content = tuple(c for c in content if c)
        kind = self.kind_of(content)
        lo = min([sent.start, *(c.start for c in content)])
        hi = max([sent.end, *(c.end for c in content)])
        return Statement("", kind, source, hit.span, hit.span.of(self.text), content,
                         Span(lo, hi), extra + self.relays(hit, sent), hit.group.cls)

    def kind_of(self, content: tuple[Span, ...]) -> Kind:
        """direct: every content span lies in a quotation; mixed: quotations in part."""
        inside = partial = 0
        for span in content:
            i = bisect.bisect_right(self.quote_starts, span.start + 1) - 1
            quote = self.quotes[i] if i >= 0 else None
            if quote is not None and quote.span.start <= span.start + 1 and span.end <= quote.span.end + 1:
                inside += 1
                continue
            j = bisect.bisect_left(self.quote_starts, span.start)
            if j < len(self.quotes) and self.quotes[j].span.start < span.end:
                partial += 1
        if content and inside == len(content):
            return Kind.DIRECT
        return Kind.MIXED if inside or partial else Kind.INDIRECT
