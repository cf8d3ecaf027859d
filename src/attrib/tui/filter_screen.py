"""The filter dialog (``f``): flag category, source type, coverage status, review state."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ..review import STATES
from .key_footer import KeyFooter
from .safe import Shown, clean
from .state import Filters, ScreenState

ANY = "any"


def _options(values: list[str]) -> list[tuple[Shown, str]]:
    return [(Shown(v), v) for v in values]


class FilterScreen(ModalScreen[Filters | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel"),
                Binding("ctrl+s", "apply", "Apply", show=False)]

    def __init__(self, state: ScreenState, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.state = state
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        s, flt = self.state, self.state.filters
        with Vertical(id="filter-dialog", classes="dialog"):
            yield Static("Filter findings", classes="dialog-title")
            with Grid(id="filter-grid"):
                yield Label("Flag category")
                yield self._select("filter-category", s.categories(), flt.category,
                                   "no flags in this article")
                yield Label("Source type")
                yield self._select("filter-type", s.source_types(), flt.source_type,
                                   "no statements")
                yield Label("Coverage")
                yield self._select("filter-coverage", s.statuses(), flt.corroboration, "")
                yield Label("Review")
                yield self._select("filter-review", list(STATES), flt.review, "")
                yield Label("Text")
                yield Input(clean(flt.text), placeholder="words in source, content, flags, notes",
                            id="filter-text", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", variant="primary", id="apply", compact=True)
                yield Button("Clear all", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static("enter applies · esc cancels", classes="dialog-hint")
        yield KeyFooter()

    def _select(self, wid: str, values: list[str], current: str | None,
                empty: str) -> Select[str]:
        select: Select[str] = Select(_options(values), prompt=ANY, allow_blank=True,
                                     value=current if current in values else Select.NULL,
                                     id=wid, compact=True)
        if not values:
            select.disabled = True
            select.tooltip = empty
        return select

    def on_mount(self) -> None:
        self.query_one("#filter-text", Input).cursor_blink = self.cursor_blink
        first = next((s for s in self.query(Select) if not s.disabled), None)
        (first or self.query_one("#filter-text")).focus()

    def _value(self, wid: str) -> str | None:
        value = self.query_one(f"#{wid}", Select).value
        return None if value is Select.NULL else str(value)

    def _filters(self) -> Filters:
        return replace(self.state.filters, category=self._value("filter-category"),
                       source_type=self._value("filter-type"),
                       corroboration=self._value("filter-coverage"),
                       review=self._value("filter-review"),
                       text=self.query_one("#filter-text", Input).value)

    def action_apply(self) -> None:
        self.dismiss(self._filters())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def _apply(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.dismiss(Filters())

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
