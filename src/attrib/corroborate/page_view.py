"""A coverage page as one match reads it: only as far as needed, each part once.

Windows' words and the quotations of their paragraphs for classification; for the
speaker check, the attributions of the paragraphs around matched passages (never the
whole page: all of a page's passages are read in one call, their paragraphs joined);
where the engine met a surname with no full name there ("Hege said"), they are read
again with the sentences where the page names that person in full ("Michelle Hege"
three paragraphs up), so the surname is resolved as it would be on the whole page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span, Statement
from ..text import find_quotes, split_sentences
from .classify import Window
from .documents import CoverageDoc, ReadStatements
from .tokens import Token, tokenize

_NAME_WORD = r"[A-Z](?:\.|[\w’'-]*)"  # "Sanborn", or an initial: "J."
_NAME_RUN = re.compile(rf"(?:{_NAME_WORD} ){{1,3}}{_NAME_WORD}\b")  # "Jeff Sanborn", "Julie Ann Graham"
_POSSESSIVE = re.compile(r"['’]s$")
_JOIN = "\n\n"


def paragraph(text: str, span: Span) -> Span:
    """The paragraphs (lines) a span touches."""
    lo = text.rfind("\n", 0, span.start) + 1
    hi = text.find("\n", span.end)
    return Span(lo, len(text) if hi < 0 else hi)


def sentence_around(text: str, pos: int, abbreviations: frozenset[str]) -> Span:
    """The sentence holding ``pos``, read from its paragraph only."""
    para = paragraph(text, Span(pos, pos))
    for s in split_sentences(para.of(text), abbreviations):
        if para.start + s.start <= pos < para.start + s.end:
            return Span(para.start + s.start, para.start + s.end)
    return para


@dataclass(frozen=True, slots=True)
class Attributions:
    """The attributions read around a page's matched passages: statements in the
    coordinates of ``text`` (the regions joined), and where each region came from."""

    text: str
    statements: tuple[Statement, ...]
    joined_at: tuple[int, ...]  # where each region starts in ``text``
    regions: tuple[Span, ...]  # ... and in the page

    def local(self, passage: Span) -> Span:
        """A passage of the page in ``text``'s coordinates."""
        k = bisect.bisect_right([r.start for r in self.regions], passage.start) - 1
        shift = self.joined_at[k] - self.regions[k].start
        return Span(passage.start + shift, passage.end + shift)

    def in_page(self, pos: int) -> int:
        k = bisect.bisect_right(list(self.joined_at), pos) - 1
        return pos - self.joined_at[k] + self.regions[k].start


class PageView:
    def __init__(self, doc: CoverageDoc, abbreviations: frozenset[str]) -> None:
        self.doc = doc
        self.abbreviations = abbreviations
        self._windows: dict[Span, list[Token]] = {}
        self._quotes: dict[Span, list[Span]] = {}
        self._names: dict[str, list[tuple[int, str]]] | None = None  # surname -> (where, full name)

    def quotes(self, span: Span) -> list[Span]:
        """The quotations (inner spans) of the paragraphs a span touches: quotation marks
        are paired within paragraphs, so nothing beyond them is read."""
        para = paragraph(self.doc.text, span)
        found = self._quotes.get(para)
        if found is None:
            found = self._quotes[para] = [Span(q.inner.start + para.start, q.inner.end + para.start)
                                          for q in find_quotes(para.of(self.doc.text))]
        return found

    def window(self, span: Span, split: int | None) -> Window:
        tokens = self._windows.get(span)
        if tokens is None:
            tokens = self._windows[span] = tokenize(self.doc.text, span.start, span.end)
        return Window(tokens, self.doc.text, split, self.quotes(span))

    def sub_window(self, tokens: Sequence[Token]) -> Window:
        """A window of some of a window's words (a passage to look inside)."""
        span = Span(tokens[0].start, tokens[-1].end) if tokens else Span(0, 0)
        return Window(tokens, self.doc.text, None, self.quotes(span))

    def region(self, passage: Span) -> Span:
        """The passage's paragraph and the one before it (where the speaker of a quotation
        that runs on is named)."""
        text = self.doc.text
        span = paragraph(text, passage)
        k = span.start - 1
        while k > 0 and text[k - 1] == "\n":
            k -= 1
        lo = text.rfind("\n", 0, k - 1) + 1 if k > 0 else span.start
        return Span(lo, span.end)

    def attributions(self, passages: Sequence[Span], read: ReadStatements,
                     surnames: frozenset[str] = frozenset()) -> Attributions:
        """The attributions of the regions around the passages, read in one call; with
        the sentences that name in full, before each region, the people it names by
        one of ``surnames`` alone."""
        regions = [self.region(p) for p in passages]
        merged: list[Span] = []
        for r in sorted({*regions, *self._naming(regions, surnames)}):
            if merged and r.start <= merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(merged[-1].end, r.end))
            else:
                merged.append(r)
        parts, starts, at = [], [], 0
        for r in merged:
            starts.append(at)
            parts.append(r.of(self.doc.text))
            at += len(parts[-1]) + len(_JOIN)
        text = _JOIN.join(parts)
        return Attributions(text, read(text), tuple(starts), tuple(merged))

    def _naming(self, regions: Sequence[Span], surnames: frozenset[str]) -> list[Span]:
        """The sentences that last name in full ("Jeff Sanborn", "Michelle Hege’s"),
        before a region, someone the region names by one of ``surnames`` alone. Every
        full name the surname may stand for is read, so two people of one surname stay
        two for the engine."""
        if not surnames:
            return []
        if self._names is None:
            self._names = {}
            for m in _NAME_RUN.finditer(self.doc.text):
                name = _POSSESSIVE.sub("", m.group(0))
                self._names.setdefault(name.split()[-1].lower(), []).append((m.start(), name))
        out = []
        for region in regions:
            for word in surnames:
                last: dict[str, int] = {}  # each full name -> where the page last writes it
                for at, name in self._names.get(word, ()):
                    if at < region.start:
                        last[name] = at
                out += [sentence_around(self.doc.text, at, self.abbreviations) for at in last.values()]
        return out
