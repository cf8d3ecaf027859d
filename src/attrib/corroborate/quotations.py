"""Whole quotations looked up word for word: the one way a quotation too short or too
common to tell apart by its content words is found.

A quoted unit is the text between a pair of quotation marks, or one whole sentence of
it ("We got her, we got her!"; "cannot spend money it does not have"). The article's
unit is found where the other outlet prints the same words (in their long forms, so
"we're" is "we are"; punctuation and case aside) as a whole unit of its own, between its
own quotation marks, and the other outlet gives it to the same speaker: a word of the
article's source ("Reyes", "officers") stands in the paragraph that holds the
quotation or the one before it.

Why both: exact words bounded by quotation marks on both sides are far stronger than a
few content words in common (every word, function words too, in order, and nothing
more or less), but a short quotation can still be a stock phrase two people use ("no
one is above the law" recurs word for word between unrelated articles of the PolNeAR
corpus). The speaker ties it to this statement. A quotation given to someone else is
therefore not found this way, and never makes a speaker conflict: for a short stock
phrase, a misattribution cannot be told from two people saying the same thing.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Span, Statement
from ..text import find_quotes, split_sentences
from .tokens import Token, Words, tokenize

QUOTE_WORDS = 5  # words (as written) a unit needs to be looked up alone: "This is about dignity" is too few

Unit = tuple[str, ...]  # the words in their long forms


@dataclass(frozen=True, slots=True)
class Hit:
    doc: int
    span: Span  # the unit in the document's text


def _units(text: str, inner: Span, words: Words, abbreviations: frozenset[str]) -> list[tuple[Unit, Span]]:
    """The quotation between ``inner`` and each of its sentences, where long enough and
    holding a content word ("It is what it is" holds none)."""
    out = []
    spans = [inner]
    sentences = split_sentences(inner.of(text), abbreviations)
    if len(sentences) > 1:
        spans += [Span(inner.start + s.start, inner.start + s.end) for s in sentences]
    for span in spans:
        tokens = tokenize(text, span.start, span.end)
        if len(tokens) >= QUOTE_WORDS and words.token_stems(tokens):
            out.append((_unit(tokens, words), Span(tokens[0].start, tokens[-1].end)))
    return out


def _unit(tokens: Sequence[Token], words: Words) -> Unit:
    return tuple(words.canon([t.norm for t in tokens]))


def statement_units(text: str, st: Statement, quotes: Sequence[Span], words: Words,
                    abbreviations: frozenset[str]) -> tuple[Unit, ...]:
    """The units of the article's quotations (``quotes``: inner spans, in text order)
    inside the statement's content."""
    out: list[Unit] = []
    for c in st.content:
        k = bisect.bisect_left(quotes, c.start, key=lambda q: q.start)
        while k < len(quotes) and quotes[k].start < c.end:
            if quotes[k].end <= c.end:
                out += [u for u, _ in _units(text, quotes[k], words, abbreviations)]
            k += 1
    return tuple(dict.fromkeys(out))


def article_quotes(text: str) -> list[Span]:
    return [q.inner for q in find_quotes(text) if q.closed]


class QuotedUnits:
    """Every quoted unit of the coverage documents, by its words: built only for the
    units the article has, so a page's quotations are compared, never stored whole."""

    def __init__(self, texts: Sequence[str], wanted: set[Unit], words: Words, abbreviations: frozenset[str]) -> None:
        self.hits: dict[Unit, list[Hit]] = {}
        if not wanted:
            return
        sizes = {len(u) for u in wanted}
        for d, text in enumerate(texts):
            for q in find_quotes(text):
                if not q.closed:
                    continue
                for unit, span in _units(text, q.inner, words, abbreviations):
                    if len(unit) in sizes and unit in wanted:
                        self.hits.setdefault(unit, []).append(Hit(d, span))

    def of(self, units: Sequence[Unit]) -> list[Hit]:
        return [h for u in units for h in self.hits.get(u, ())]


def speaker_stems(st: Statement, words: Words) -> frozenset[str]:
    """The content words of how the article names the speaker: the source as written,
    the name it resolves to and the role ("Harbour Master Tomas Reyes", "officers")."""
    src = st.source
    said = " ".join(x for x in (src.text, src.resolved, src.role) if x)
    return frozenset(words.stems(said))


def same_speaker(speaker: frozenset[str], around: Span, unit: Span, text: str, words: Words) -> bool:
    """A word of the speaker's stands in ``around`` (the paragraph holding the unit and
    the one before), outside the unit's own words."""
    if not speaker:
        return False
    outside = words.stems(text[around.start:unit.start]) + words.stems(text[unit.end:around.end])
    return not speaker.isdisjoint(outside)
