"""Word-level helpers over spans of the article text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
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
    lower: str

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


# tuple.__new__ skips the named tuple's Python-level constructor: half the cost of a word.
_new: Callable[[type[Word], tuple[int, int, str, str]], Word] = tuple.__new__


def word(start: int, end: int, text: str) -> Word:
    return _new(Word, (start, end, text, text.lower()))


def words(text: str, start: int, end: int) -> list[Word]:
    return [_new(Word, (m.start(), m.end(), w, w.lower())) for m in _WORD.finditer(text, start, end)
            for w in (m.group(),)]


class SentenceWords:
    """The words of one text, each sentence tokenized once, on first use.

    ``words(start, end)`` returns exactly what ``words(text, start, end)`` would: the
    engine reads the same sentence a dozen times (before the cue, after it, to its end),
    so the words come from the sentence's list, and only the edges of a range that cuts
    a word, or a title whose following capital lies past the range ("Mr." needs it),
    are read again."""

    __slots__ = ("_cache", "_sentence_starts", "_sentences", "text")

    def __init__(self, text: str, sentences: list[Span], sentence_starts: list[int]):
        self.text = text
        self._sentences = sentences
        self._sentence_starts = sentence_starts
        self._cache: dict[int, tuple[list[Word], list[int], list[int]]] = {}

    def words(self, start: int, end: int) -> list[Word]:
        i = bisect.bisect_right(self._sentence_starts, start) - 1
        if i < 0 or end > self._sentences[i].end or start >= end:
            return words(self.text, start, end)
        cached = self._cache.get(i)
        if cached is None:
            sent = self._sentences[i]
            ws = words(self.text, sent.start, sent.end)
            cached = self._cache[i] = (ws, [w.start for w in ws], [w.end for w in ws])
        ws, starts, ends = cached
        j = bisect.bisect_left(starts, start)
        out: list[Word] = []
        if j and ends[j - 1] > start:
            # the range starts inside a word: read on until the reading meets a word start
            # of the sentence's list, from where both readings are the same
            for m in _WORD.finditer(self.text, start, end):
                p = m.start()
                k = bisect.bisect_left(starts, p, j)
                if k < len(starts) and starts[k] == p:
                    j = k
                    break
                w = m.group()
                out.append(_new(Word, (p, m.end(), w, w.lower())))
            else:
                return out
        k = bisect.bisect_right(ends, end, j)
        if k > j and len(last := ws[k - 1].text) > 1 and last[-1] == "." and (k == len(ws) or starts[k] >= end):
            k -= 1  # a title whose capital lies past the range reads as a word and a period there
        out.extend(ws[j:k])
        if k < len(ws) and starts[k] < end:
            out.extend(words(self.text, starts[k], end))
        return out


def span_of(ws: list[Word]) -> Span | None:
    return Span(ws[0].start, ws[-1].end) if ws else None


def strip_edges(text: str, start: int, end: int, chars: str = " \t\r\n,.;:") -> Span:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return Span(start, end)
