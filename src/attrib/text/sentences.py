"""Sentence boundaries by rule: fast, offset-preserving, good enough for news prose.

A boundary is a line break, or ``.``, ``!`` or ``?`` (with any closing quotes or
brackets) followed by white space and something that can open a sentence. A period after
a known abbreviation or a single initial is not a boundary, nor is one inside a short
curly quotation the sentence goes on after in lowercase (a title or a slogan: 'the
“Meth. We’re on it.” campaign').
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..model import Span

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+(?:[\"“‘'(\[][ \t]?)?[A-Z0-9])|\n")
# Up to the last character that cannot be part of an abbreviation ("U.S", "a.m", "Gov").
_LAST_OTHER = re.compile(r"(?s:.*)[^\w.]")


def split_sentences(text: str, abbreviations: Collection[str] = ()) -> list[Span]:
    """Sentences as spans with surrounding white space trimmed; empty lines dropped."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        if m.group()[0] == "." and _is_abbreviation(text, m.start(), abbreviations):
            continue
        if m.group() != "\n" and _inside_title(text, start, m.end()):
            continue
        end = m.end()
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


# After "U.S." or "a.m." these words start a new sentence rather than go on with a name.
_OPENERS = frozenset(["The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "This", "That", "There", "His", "Her", "Their", "Its"])


def _is_abbreviation(text: str, dot: int, abbreviations: Collection[str]) -> bool:
    lo = max(0, dot - 20)
    other = _LAST_OTHER.match(text, lo, dot)
    start = other.end() if other else lo
    if start >= dot:
        return False
    token = text[start:dot]  # the word before the period, as far back as 20 characters
    if len(token) == 1 and token.isupper():
        return True  # an initial: "John F. Kennedy"
    if token.lower() not in abbreviations:
        return False
    if "." in token:  # "U.S.", "a.m.": may end a sentence too
        following = text[dot + 1 : dot + 12].split(maxsplit=1)
        return not (following and following[0] in _OPENERS)
    return True


# A short quotation the sentence goes on after, in lowercase: a title or a slogan, not
# speech ('the “Meth. We’re on it.” campaign'); after speech a pronoun or a verb follows.
_TITLE_CLOSE = re.compile(r"[^“”\n]{1,40}”\s+(?!(?:he|she|they|it|we|i|you|said|says|asked|added|told|the|a|an|"
                          r"his|her|their|its|our|my|your|this|that|one|according)\b)[a-z]")


def _inside_title(text: str, start: int, end: int) -> bool:
    """Is ``end`` inside a curly quotation opened in this sentence that closes soon and is
    followed by more of the sentence in lowercase?"""
    opened = text.rfind("“", start, end)
    return opened >= 0 and text.find("”", opened, end) < 0 and end - opened < 40 \
        and _TITLE_CLOSE.match(text, end) is not None


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    kept = piece.strip()
    if kept:
        start += len(piece) - len(piece.lstrip())
        spans.append(Span(start, start + len(kept)))
