"""The one-line text dialog: a note on a finding (``n``), or the speaker as the reviewer
corrects it (``s``).

It saves through the function it is given and closes only when the save worked: when
the review database cannot be written, the error shows in the dialog and what was typed
stays there, to try again (or to copy) once the problem is fixed."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from . import palette
from .key_footer import KeyFooter
from .safe import Shown, clean, one_line


class NoteScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, summary: str, text: str, save: Callable[[str], str | None], *,
                 placeholder: str = "", hint: str = "enter saves · esc cancels",
                 cursor_blink: bool = True) -> None:
        """``save(text)`` returns None when saved, else the error to show."""
        super().__init__()
        self.title_text = title
        self.summary = summary
        self.text = text
        self.save = save
        self.placeholder = placeholder
        self.hint = hint
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Static(Shown(self.title_text), classes="dialog-title")
            yield Static(Shown(one_line(self.summary, 200)), classes="dialog-context")
            yield Input(clean(self.text), placeholder=clean(self.placeholder), id="note-input",
                        compact=True)
            yield Static("", id="note-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static(self.hint, classes="dialog-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        note = self.query_one("#note-input", Input)
        note.cursor_blink = self.cursor_blink
        note.focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        text = self.query_one("#note-input", Input).value.strip()
        error = self.save(text)
        if error is None:
            self.dismiss(text)
        else:
            self.query_one("#note-error", Static).update(
                Shown(f"Not saved: {error}. Your text is kept here: try again, or copy it.",
                      f"bold {palette.of(self).vermillion}"))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
