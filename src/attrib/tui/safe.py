"""Untrusted text (article, web pages) made safe for the terminal.

:class:`Shown` is the one type the widgets get for text: a Rich ``Text`` that cleans
every string put into it (``safety.clean``: control and escape sequences removed), at
construction and on every append, and is never parsed as markup, so ``[bold]`` or
``[link=...]`` show literally. No other module of the review screen builds a ``Text``
(tests/test_tui_safe.py checks the source), so an unclean string cannot reach a widget
by construction. For the article view, :class:`DisplayText` keeps the map between
original offsets (the report's spans) and offsets in the cleaned text.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, cast

from rich.style import Style
from rich.text import Text

from ..safety import clean, unsafe_spans

# Characters str.splitlines() breaks on that survive clean(); TextArea splits lines with
# it, so they become plain newlines (same length, offsets unchanged).
_LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


def one_line(text: str, limit: int | None = None) -> str:
    """Cleaned, whitespace collapsed to single spaces, cut to ``limit`` with an ellipsis."""
    text = " ".join(clean(text).split())
    if limit is not None and len(text) > limit:
        text = text[: max(limit - 1, 0)].rstrip() + "…"
    return text


class Shown(Text):
    """Text for a widget: every string in it has been through ``clean``."""

    def __init__(self, text: str = "", style: str | Style = "", **kwargs: Any) -> None:
        super().__init__(clean(text), style, **kwargs)

    @classmethod
    def assemble(cls, *parts: str | Text | tuple[str, str | Style], **kwargs: Any) -> Shown:
        return cast(Shown, super().assemble(*parts, **kwargs))

    def append(self, text: str | Text, style: str | Style | None = None) -> Shown:
        super().append(_cleaned(text), style)
        return self

    def append_text(self, text: Text) -> Shown:
        cleaned = _cleaned(text)
        assert isinstance(cleaned, Text)
        super().append_text(cleaned)
        return self


def _cleaned(text: str | Text) -> str | Text:
    if isinstance(text, str):
        return clean(text)
    if isinstance(text, Shown) or clean(text.plain) == text.plain:
        return text
    return Shown(text.plain, text.style)  # a Text from elsewhere with control characters


def plain(text: str, style: str | Style = "") -> Shown:
    """Untrusted text for a widget: cleaned, never parsed as markup."""
    return Shown(text, style)


class DisplayText:
    """The article as shown: ``clean(text)`` plus offset maps to and from the original."""

    def __init__(self, original: str) -> None:
        self.original = original
        removed = unsafe_spans(original)
        # Kept segments as (original start, original end, display start).
        self._segments: list[tuple[int, int, int]] = []
        pos = 0
        for start, end in _gaps(len(original), removed):
            self._segments.append((start, end, pos))
            pos += end - start
        self._orig_starts = [s[0] for s in self._segments]
        self._disp_starts = [s[2] for s in self._segments]
        self.text = "".join(original[s:e] for s, e, _ in self._segments).translate(_LINE_BREAKS)
        starts = [0]
        for i, ch in enumerate(self.text):
            if ch == "\n":
                starts.append(i + 1)
        self._line_starts = starts

    def to_display(self, offset: int) -> int:
        """Display offset of an original offset (inside removed text: where it was)."""
        i = bisect_right(self._orig_starts, offset) - 1
        if i < 0:
            return 0
        start, end, disp = self._segments[i]
        return disp + min(offset, end) - start

    def to_original(self, offset: int) -> int:
        i = bisect_right(self._disp_starts, offset) - 1
        if i < 0:
            return 0
        start, end, disp = self._segments[i]
        return min(start + offset - disp, end)

    def location(self, offset: int) -> tuple[int, int]:
        """(row, column) in the display text of an original offset."""
        d = self.to_display(offset)
        row = bisect_right(self._line_starts, d) - 1
        return row, d - self._line_starts[row]

    def offset(self, row: int, column: int) -> int:
        """Original offset of a (row, column) in the display text."""
        row = min(max(row, 0), len(self._line_starts) - 1)
        return self.to_original(self._line_starts[row] + column)

    def line_start(self, row: int) -> int:
        """Display offset where ``row`` starts."""
        return self._line_starts[row]


def _gaps(length: int, removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of range(length) not covered by the sorted, disjoint ``removed`` ranges."""
    out, pos = [], 0
    for start, end in removed:
        if start > pos:
            out.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        out.append((pos, length))
    return out


__all__ = ["DisplayText", "Shown", "clean", "one_line", "plain"]
