"""The search field (``/``) and the line that says which filters are on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from . import palette
from .messages import SearchChanged
from .safe import Shown


class SearchBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(Shown("/", "bold"), id="search-icon")
        yield Input(placeholder="search source, cue, content, flag, note…  "
                                      "(enter: back to the list, esc: clear)",
                          id="search-input", compact=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(SearchChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SearchChanged(event.value, done=True))


class FilterLine(Static):
    """'12 of 30 shown · flag vague-source · review open   esc clears'."""

    def show(self, shown: int, total: int, parts: list[str], clear_key: str) -> None:
        self.display = bool(parts)
        if parts:
            p = palette.of(self)
            self.update(Shown.assemble((f"{shown} of {total} shown", "bold"), "  ",
                                      (" · ".join(parts), p.orange),
                                      (f"   {clear_key} clears", p.grey)))
