"""Sentence boundaries by rule: fast, offset-preserving, good enough for news prose.

A boundary is a line break, or ``.``, ``!`` or ``?`` (with any closing quotes or
brackets) followed by white space and something that can open a sentence. A period after
a known abbreviation or a single initial is not a boundary.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..model import Span

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def split_sentences(text: str, abbreviations: Collection[str] = ()) -> list[Span]:
    """Sentences as spans with surrounding white space trimmed; empty lines dropped."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        if m.group()[0] == "." and _is_abbreviation(text, m.start(), abbreviations):
            continue
        end = m.end()
        _add(spans, text, start, end)
        start = end
    _add(spans, text, start, len(text))
    return spans


# After "U.S." or "a.m." these words start a new sentence rather than go on with a name.
_OPENERS = frozenset(["The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "This", "That", "There", "His", "Her", "Their", "Its"])


def _is_abbreviation(text: str, dot: int, abbreviations: Collection[str]) -> bool:
    word = _LAST_WORD.search(text, max(0, dot - 20), dot + 1)
    if word is None:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True  # an initial: "John F. Kennedy"
    if token.lower() not in abbreviations:
        return False
    if "." in token:  # "U.S.", "a.m.": may end a sentence too
        following = text[dot + 1 : dot + 12].split(maxsplit=1)
        return not (following and following[0] in _OPENERS)
    return True


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    kept = piece.strip()
    if kept:
        start += len(piece) - len(piece.lstrip())
        spans.append(Span(start, start + len(kept)))
