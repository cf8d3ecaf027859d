"""Word-level helpers over spans of the article text."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Span

# A title or initials with its period ("Mr.", "Sen.", "U.S.") when a capitalised word
# follows in the same sentence, where a period cannot end the sentence; then any word,
# then any other character.
_WORD = re.compile(r"(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.(?=[ \t]+[A-Z])|[\w’'&.-]*\w|[^\w\s]")


class Word(NamedTuple):
    """A word or a punctuation mark with its offsets (a tuple: the engine makes many)."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def words(text: str, start: int, end: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def span_of(ws: list[Word]) -> Span | None:
    return Span(ws[0].start, ws[-1].end) if ws else None


def strip_edges(text: str, start: int, end: int, chars: str = " \t\r\n,.;:") -> Span:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return Span(start, end)
