"""The article, with sources, cues, contents and flagged spans highlighted.

A read-only TextArea: it brings a cursor, soft wrapping, scrolling and mouse selection.
``get_line`` (TextArea's documented styling hook) paints the spans. Moving the cursor
onto a finding posts FindingHighlighted, so the list and the detail pane follow it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rich.style import Style
from textual.widgets import TextArea

from ..model import Span
from ..review import Finding
from . import keys, palette
from .messages import FindingHighlighted, FindingOpened, Origin
from .safe import DisplayText
from .state import ScreenState

if TYPE_CHECKING:
    from rich.text import Text


class ArticleView(TextArea):
    BINDINGS = keys.bindings(keys.LIST)

    def __init__(self, state: ScreenState, *, cursor_blink: bool = True, **kwargs) -> None:
        self.display_text = DisplayText(state.report.article.text)
        super().__init__(self.display_text.text, read_only=True, soft_wrap=True,
                         show_line_numbers=False, highlight_cursor_line=False,
                         **kwargs)
        self.cursor_blink = cursor_blink
        self.match_cursor_bracket = False
        self.state = state
        self.selected: Finding | None = None
        self._styles = self._paint(state)
        # Smallest findings first, so the cursor picks a flag inside a statement.
        self._by_size = sorted(state.findings, key=lambda f: (len(f.span), f.span.start))

    def rebind(self, state: ScreenState) -> None:
        """The same article with a new screen state (its findings arrived): paint again."""
        self.state = state
        self.selected = None
        self._styles = self._paint(state)
        self._by_size = sorted(state.findings, key=lambda f: (len(f.span), f.span.start))
        self.repaint()

    # -- painting ----------------------------------------------------------------------
    def _paint(self, state: ScreenState) -> dict[int, list[tuple[int, int, str]]]:
        """Per display line: (start column, end column, role), in painting order. Roles
        become styles when a line is drawn, so a theme change recolours them."""
        spans: list[tuple[Span, str]] = []
        for st in state.report.statements:
            spans += [(c, "content") for c in st.content]
        for st in state.report.statements:
            if st.source.span is not None:
                spans.append((st.source.span, "source"))
            spans += [(r.span, "relay") for r in st.via]
            spans.append((st.cue, "cue"))
        for flag in state.report.flags:
            spans.append((flag.span, "flag-" + flag.severity.value))
        lines: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for span, role in spans:
            for row, start, end in self._rows(span):
                lines[row].append((start, end, role))
        return lines

    @staticmethod
    def _style(p: palette.Palette, role: str) -> Style:
        if role.startswith("flag-"):
            return p.flag(role[5:])
        return getattr(p, role)

    def _rows(self, span: Span) -> list[tuple[int, int, int]]:
        """The (row, start column, end column) pieces of a span in the display text."""
        if not span:
            return []
        d = self.display_text
        row, col = d.location(span.start)
        end_row, end_col = d.location(span.end)
        out = []
        while row < end_row:
            line_len = d.line_start(row + 1) - d.line_start(row) - 1
            out.append((row, col, line_len))
            row, col = row + 1, 0
        out.append((row, col, end_col))
        return out

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        p = palette.of(self)
        for start, end, role in self._styles.get(line_index, ()):
            line.stylize(self._style(p, role), start, end)
        if self.selected is not None:
            for row, start, end in self._rows(self.selected.span):
                if row == line_index:
                    line.stylize(p.selected, start, max(end, start + 1))
        return line

    def repaint(self) -> None:
        """Drop TextArea's line cache (e.g. after a theme change) and draw again."""
        self.notify_style_update()
        self.refresh()

    # -- following the selection -------------------------------------------------------
    def mark(self, finding: Finding | None, move_cursor: bool = True) -> None:
        """Mark ``finding``'s span; scroll to it and put the cursor at its start."""
        self.selected = finding
        self.repaint()
        if finding is not None and move_cursor and not self.size.height:
            # not laid out yet: place the cursor once the article knows its size
            self.call_after_refresh(self._place, finding)
        elif finding is not None and move_cursor:
            self._place(finding)

    def _place(self, finding: Finding) -> None:
        if finding is self.selected:
            location = self.display_text.location(finding.span.start)
            # Leave the view alone when the span is on screen; otherwise centre it.
            _, y = self.wrapped_document.location_to_offset(location)
            top = self.scroll_offset.y
            on_screen = top <= y < top + max(self.scrollable_content_region.height - 1, 1)
            self.move_cursor(location, center=not on_screen)

    def finding_at_cursor(self) -> Finding | None:
        row, column = self.cursor_location
        offset = self.display_text.offset(row, column)
        if self.selected is not None and _inside(offset, self.selected.span):
            return self.selected
        for finding in self._by_size:
            if _inside(offset, finding.span):
                return finding
        return None

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        event.stop()
        if not self.has_focus:
            return  # the app moved the cursor to follow the list
        finding = self.finding_at_cursor()
        if finding is not None and finding is not self.selected:
            self.post_message(FindingHighlighted(finding.id, Origin.ARTICLE))

    # -- keys (j/k come with TextArea's cursor_down/cursor_up actions) -------------------
    def action_open(self) -> None:
        finding = self.finding_at_cursor()
        if finding is not None:
            self.post_message(FindingOpened(finding.id, Origin.ARTICLE))


def _inside(offset: int, span: Span) -> bool:
    return span.start <= offset < span.end or (span.start == span.end == offset)
