"""The base of the Reader: one article's layout and the compiled rules, with the
lookups and constructors every way of reading an attribution shares."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..model import Kind, Source, SourceType, Span
from ..text import Layout
from .words import SentenceWords

if TYPE_CHECKING:
    from .extractor import Extractor


class Reading:
    """Everything the ways of reading share: the text, its layout, the compiled rules
    (``self.e``), and the constructors of sources and statements."""

    def __init__(self, layout: Layout, extractor: Extractor):
        self.text = layout.text
        self.layout = layout
        self.e = extractor
        self.sentences = layout.sentences
        self.quotes = layout.quotes
        self.sentence_at = layout.sentence_at
        self.quote_at = layout.quote_at
        self.quote_ending_at = layout.quote_ending_at
        # words(start, end): each sentence is tokenized once, however often it is read
        self.words = SentenceWords(layout.text, layout.sentences, layout.sentence_starts).words

    def ends_sentence(self, pos: int, sent: Span) -> bool:
        """Nothing but time words and punctuation between ``pos`` and the sentence end."""
        for w in self.words(pos, sent.end):
            if w.text[0].isalnum() and w.lower not in self.e.time:
                return False
        return True

    def make_source(self, span: Span, role: str | None, aside: str = "") -> Source:
        """The source for a phrase; ``role`` is an appositive ("a spokesman for ..."),
        ``aside`` a relative clause beside it ("who asked not to be named")."""
        phrase = span.of(self.text)
        a = self.e.classify(phrase)
        stype = a.type
        if role and stype in (SourceType.UNKNOWN, SourceType.ORGANIZATION) and a.name:
            stype = SourceType.PERSON
        if not a.name and stype != SourceType.NEWS_AGENCY and self.e.classify(
                f"{role or ''} {aside}").type == SourceType.ANONYMOUS:
            stype = SourceType.ANONYMOUS
        name = a.name if stype == SourceType.PERSON else None
        return Source(span, phrase, stype, role or a.role, name)

    def kind_of(self, content: tuple[Span, ...]) -> Kind:
        """direct: every content span lies in a quotation; mixed: quotations in part."""
        inside = partial = 0
        for span in content:
            i = bisect.bisect_right(self.layout.quote_starts, span.start + 1) - 1
            quote = self.quotes[i] if i >= 0 else None
            if quote is not None and quote.span.start <= span.start + 1 and span.end <= quote.span.end + 1:
                inside += 1
                continue
            j = bisect.bisect_left(self.layout.quote_starts, span.start)
            if j < len(self.quotes) and self.quotes[j].span.start < span.end:
                partial += 1
        if content and inside == len(content):
            return Kind.DIRECT
        return Kind.MIXED if inside or partial else Kind.INDIRECT
