"""The export dialog (``e``): a format from attrib.render.FORMATS and a path (by default
beside the article, named for it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from ..errors import AttribError
from ..files import write_atomic
from . import palette
from .key_footer import KeyFooter
from .safe import Shown

# The plain-text listing is for the terminal and has no verdicts: not offered here.
NOT_FOR_EXPORT = {"text"}
PREFERRED = ("json", "md", "html")
EXTENSIONS = {"md": "md", "json": "json", "html": "html"}


def export_formats(formats: Iterable[str]) -> list[str]:
    names = [f for f in formats if f not in NOT_FOR_EXPORT]
    return sorted(names, key=lambda f: (PREFERRED.index(f) if f in PREFERRED else 99, f))


def default_path(stem: str, fmt: str) -> str:
    return f"{stem}.attrib.{EXTENSIONS.get(fmt, fmt)}"


class FormatButton(RadioButton):
    """A radio button whose dot is there only when it is chosen (not just another colour)."""

    @property  # Textual reads it as a class attribute; ours follows the value
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "


class ExportScreen(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, formats: list[str], render: Callable[[str], str],
                 path_for: Callable[[str], str], *, cursor_blink: bool = True) -> None:
        """``path_for(fmt)``: the default path for a format."""
        super().__init__()
        self.formats = formats
        self.render_report = render
        self.path_for = path_for
        self.cursor_blink = cursor_blink
        self.fmt = formats[0]
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static("Export the report", classes="dialog-title")
            yield Label("Format")
            with RadioSet(id="export-format"):
                for i, fmt in enumerate(self.formats):
                    yield FormatButton(fmt, value=i == 0, id=f"format-{fmt}")
            yield Label("Path")
            yield Input(self.path_for(self.fmt), id="export-path", compact=True)
            yield Static("", id="export-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static("with your verdicts and notes · enter in the path exports · esc cancels",
                         classes="dialog-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        path = self.query_one("#export-path", Input)
        path.cursor_blink = self.cursor_blink
        self.query_one(RadioSet).focus()

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        old, self.fmt = self.fmt, self.formats[event.index]
        path = self.query_one("#export-path", Input)
        if path.value in ("", self.path_for(old)):  # not edited: follow the format
            path.value = self.path_for(self.fmt)
        self._error("")

    @on(Input.Changed)
    def _path_changed(self) -> None:
        self._confirm_overwrite = None
        self._error("")

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(
            Shown(message, f"bold {palette.of(self).vermillion}"))

    @on(Input.Submitted)
    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._error("Give a path to write to.")
            return
        path = Path(raw).expanduser()
        if path.exists() and path.is_file() and self._confirm_overwrite != path:
            self._confirm_overwrite = path
            self._error(f"{raw} exists: press Export again to replace it.")
            return
        try:
            write_atomic(path, self.render_report(self.fmt))
        except AttribError as exc:
            self._error(str(exc))
            return
        except OSError as exc:
            self._error(f"{raw}: cannot write ({exc.strerror})")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
