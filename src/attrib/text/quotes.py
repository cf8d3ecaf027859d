"""Pair quotation marks into quotations, robust to the quoting found in the wild.

Straight and curly marks may be mixed; a straight ``"`` opens or closes by what stands
beside it. News style lets a quote run over paragraphs: a paragraph that ends inside a
quote and is followed by one that reopens the mark continues the same quotation. Any
other quote still open at a paragraph's end is closed there, so an unbalanced mark
never swallows the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span

# '' (two apostrophes) is a double quotation mark in some house styles and old wire copy.
_MARKS = re.compile(r"''|[\"“”]|\n")
# A paragraph break inside a continued quotation, with the mark that reopens it.
_REOPEN = re.compile(r"[ \t]*\n\s*(?:''|[\"“])?")
_OPENERS_BEFORE = set(" \t\n([{—–-:/")


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span  # including the marks
    inner: Span  # between the marks
    closed: bool  # False when the paragraph ended before a closing mark
    parts: tuple[Span, ...] = ()  # the inner text paragraph by paragraph, reopening marks left out

    def __len__(self) -> int:
        return len(self.span)


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at ``i``."""
    ch = text[i]
    width = 2 if text.startswith("''", i) else 1
    if ch == "“":
        return "open"
    if ch == "”":
        return "close"
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    if before in _OPENERS_BEFORE and not after.isspace():
        return "open"
    if after.isspace() or after in ",.;:!?)]—–-":
        return "close"
    return "either"


def _opens_loose(text: str, i: int) -> bool:
    """A straight mark with a space after it, after a sentence's end and before anything
    but a lowercase letter, with a closing mark later in its paragraph ('he told Cook. "
    You guys ... ."'): with no quotation open, it opens one, a typo's stray space aside.
    A stray closing mark ('the pier was old." The council voted ...') has no mark after
    it. Reads only the mark's own line, however long the text."""
    if text[i] != '"' or not text[i + 1:i + 2].isspace():
        return False
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j > 0 and text[j - 1] not in ".!?\n":
        return False
    end = text.find("\n", i + 1)
    line = text[i + 1:end if end >= 0 else len(text)]
    return not line.lstrip()[:1].islower() and ('"' in line or "”" in line)


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    para_end_open: int | None = None  # where an open quote met a paragraph break
    for m in _MARKS.finditer(text):
        i = m.start()
        if m.group() == "\n":
            if open_at is not None and para_end_open is None:
                para_end_open = i
            continue
        role = _role(text, i)
        if open_at is None:
            if role != "close" or _opens_loose(text, i):
                open_at, para_end_open = i, None
            continue
        if para_end_open is not None:
            # A quote ran into a paragraph break. A mark that opens the next paragraph
            # continues it; anything else means the first quote was never closed.
            if role == "open" and text[para_end_open:i].strip() == "":
                para_end_open = None
                continue
            quotes.append(_quote(text, open_at, para_end_open, closed=False))
            open_at, para_end_open = (i, None) if role != "close" else (None, None)
            continue
        if role == "open" and text[i - 1 : i] in ("", " ", "\n"):
            # An opening mark inside an open quote: the first was never closed
            # ("Nobody was hurt, he said, "which is ...").
            quotes.append(_quote(text, open_at, _line_end(text, open_at, i), closed=False))
            open_at = i
            continue
        quotes.append(_quote(text, open_at, m.end(), closed=True, mark=len(m.group())))
        open_at, para_end_open = None, None
    if open_at is not None:
        end = para_end_open if para_end_open is not None else _line_end(text, open_at, len(text))
        quotes.append(_quote(text, open_at, end, closed=False))
    return quotes


def _line_end(text: str, start: int, limit: int) -> int:
    nl = text.find("\n", start, limit)
    return limit if nl < 0 else nl


def _quote(text: str, start: int, end: int, closed: bool, mark: int = 1) -> Quote:
    open_width = 2 if text.startswith("''", start) else 1
    inner_end = end - mark if closed else end
    while inner_end > start + open_width and text[inner_end - 1].isspace():
        inner_end -= 1
    inner_start = start + open_width
    while inner_start < inner_end and text[inner_start] in " \t":
        inner_start += 1  # a stray space after the mark: '" You guys ...'
    inner = Span(inner_start, inner_end)
    return Quote(Span(start, end if closed else inner_end), inner, closed, _parts(text, inner))


def _parts(text: str, inner: Span) -> tuple[Span, ...]:
    parts, pos = [], inner.start
    for m in _REOPEN.finditer(text, inner.start, inner.end):
        if m.start() > pos:
            parts.append(Span(pos, m.start()))
        pos = m.end()
    if inner.end > pos:
        parts.append(Span(pos, inner.end))
    return tuple(parts)
