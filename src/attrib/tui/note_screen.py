"""The note dialog (``n``): one line of text attached to a finding."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Static

from .safe import one_line


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, finding_id: str, summary: str, note: str, *,
                 cursor_blink: bool = True) -> None:
        super().__init__()
        self.finding_id = finding_id
        self.summary = summary
        self.note = note
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Static(f"Note on {self.finding_id}", classes="dialog-title", markup=False)
            yield Static(one_line(self.summary, 200), classes="dialog-context", markup=False)
            yield Input(self.note, placeholder="why you confirmed or dismissed it, what to check…",
                        id="note-input")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")
            yield Static("enter saves · an empty note removes it · esc cancels",
                         classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        note = self.query_one("#note-input", Input)
        note.cursor_blink = self.cursor_blink
        note.focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss(self.query_one("#note-input", Input).value.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
