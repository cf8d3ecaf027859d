"""The article's side of matching: each statement's words, prepared once.

A statement with few content words ("in the email", "to keep trying") says too little to
be found on its own: it is looked for with the rest of its sentence (source and cue left
out), and counts only where that longer passage matches too. A sentence that is short as
well leaves the statement to its whole quotations, looked up word for word
(``quotations.py``), or unchecked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article, Kind, Span, Statement
from .classify import MIN_MATCHED
from .classify import Said as Side
from .quotations import Unit, speaker_stems, statement_units
from .tokens import Token, Words, ellipsis_after, tokenize

MIN_WORDS = 3  # shorter statements ("a disgrace") are looked for only with their sentence
FLOOR = 5  # distinct content words a statement needs to be looked for on its own ...
FLOOR_LONG = 4  # ... or this many in a statement of LONG words or more
LONG = 8


_SENTENCES = re.compile(r"[.!?][\"”’']*\s+[\"“‘']?[A-Z]")


@dataclass(frozen=True, slots=True)
class Query:
    content: Side
    anchor: Side | None  # for a short content: it with the rest of its sentence
    stems: tuple[str, ...]  # what candidates are found by; empty: too short to search by its words
    long: bool = False  # more than one sentence: it may run past a two-sentence window
    units: tuple[Unit, ...] = ()  # its whole quotations, looked up word for word
    speaker: frozenset[str] = frozenset()  # the stems of how the article names its speaker

    @property
    def searched(self) -> Side:
        return self.anchor or self.content


def side(tokens: list[Token], text: str, words: Words, direct: bool, wide: bool = False) -> Side:
    """The article's side of a comparison, prepared once."""
    return Side(tuple(tokens), text, Counter(words.token_stems(tokens)), direct,
                frozenset(ellipsis_after(text, tokens)), frozenset(words.stem(t.norm) for t in tokens if t.name),
                wide)


def _enough(tokens: Sequence[Token], words: Words, weight: float) -> bool:
    """Enough distinct content words, and enough of them uncommon, to be told apart:
    "We cannot wait for the next storm to decide for us" is; "to keep trying" and "in
    the email" are not."""
    stems = set(words.token_stems(tokens))
    floor = FLOOR_LONG if len(tokens) >= LONG else FLOOR
    return len(stems) >= floor and sum(words.stem_weight(s) for s in stems) >= weight


def query(article: Article, st: Statement, words: Words, quotes: Sequence[Span],
          abbreviations: frozenset[str]) -> Query | None:
    """How a statement is looked for; None when it is too short to check. ``quotes``:
    the article's quotations (inner spans)."""
    text = article.text
    tokens = [t for span in st.content for t in tokenize(text, span.start, span.end)]
    if not tokens:
        return None
    direct = st.kind is not Kind.INDIRECT
    # Only a statement quoted whole is bounded by the other outlet's quotation marks; a
    # mixed one ('he viewed the delay "as a U.S. policy problem"') is not.
    content = side(tokens, text, words, direct, wide=st.kind is Kind.MIXED)
    long = any(_SENTENCES.search(span.of(text)) for span in st.content) or len(st.content) > 1
    units = statement_units(text, st, quotes, words, abbreviations) if direct else ()
    speaker = speaker_stems(st, words) if units else frozenset()
    if len(tokens) >= MIN_WORDS and _enough(content.tokens, words, MIN_MATCHED):
        return Query(content, None, tuple(content.stems.elements()), long, units, speaker)
    by_quotes = Query(content, None, (), long, units, speaker) if units else None
    skip = [s for s in (st.source.span, st.cue) if s is not None]

    def in_content(t: Token) -> bool:
        return any(c.start <= t.start < c.end for c in st.content)

    around = [t for t in tokenize(text, st.sentence.start, st.sentence.end)
              if not any(s.start <= t.start < s.end for s in skip)
              and (t.norm not in words.lex.cues or in_content(t))]
    inside = [k for k, t in enumerate(around) if in_content(t)]
    if not inside:
        return by_quotes
    lo, hi = inside[0], inside[-1] + 1

    def short() -> bool:
        return not _enough(around[lo:hi], words, 2 * MIN_MATCHED)

    while short() and (lo > 0 or hi < len(around)):
        if hi < len(around):
            hi += 1
        if lo > 0 and short():
            lo -= 1
    anchor = side(around[lo:hi], text, words, direct, wide=True)
    if not _enough(anchor.tokens, words, MIN_MATCHED):
        return by_quotes
    return Query(content, anchor, tuple(anchor.stems.elements()), long, units, speaker)
