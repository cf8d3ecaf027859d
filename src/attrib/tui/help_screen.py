"""Help: help.md, followed by the keys as they are bound now (after any remapping)."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from . import keys
from .key_footer import KeyFooter


def help_markdown(key_display: dict[str, str], config_note: str) -> str:
    text = files("attrib.tui").joinpath("help.md").read_text(encoding="utf-8")
    rows = ["| Key | Id | Where | What it does |", "|---|---|---|---|"]
    for k in keys.ALL:
        shown = key_display.get(k.id, k.keys).replace("|", "\\|")
        rows.append(f"| `{shown}` | `{k.id}` | {k.where} | {k.help} |")
    return text.replace("{{keys}}", "\n".join(rows)).replace("{{config}}", config_note)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", show=True)]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static("Help", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Markdown(self.markdown, id="help-text")
            yield Static("esc closes · ↑↓ PgUp PgDn scroll", classes="dialog-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
