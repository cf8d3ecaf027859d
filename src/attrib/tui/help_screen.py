"""Help: help.md, followed by the keys as they are bound now (after any remapping).

Drawn by Rich's Markdown in one Static (Textual's Markdown widget makes a widget of every
block and took most of a second to open), rendered to lines once for the dialog's width:
the app does that in the background after its first frame, so ``?`` only shows them."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment, Segments
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from . import keys
from .key_footer import KeyFooter


def help_markdown(key_display: dict[str, str], config_note: str) -> str:
    text = files("attrib.tui").joinpath("help.md").read_text(encoding="utf-8")
    rows = ["| Key | Id | Where | What it does |", "|---|---|---|---|"]
    for k in keys.ALL:
        shown = key_display.get(k.id, k.keys).replace("|", "\\|")
        rows.append(f"| `{shown}` | `{k.id}` | {k.where} | {k.help} |")
    return text.replace("{{keys}}", "\n".join(rows)).replace("{{config}}", config_note)


DIALOG_WIDTH = 96  # as in review.tcss; less on a narrow terminal
CHROME = 2 + 4 + 2  # border, padding, the scroll area's scrollbar


def text_width(screen_width: int) -> int:
    return max(min(DIALOG_WIDTH, screen_width) - CHROME, 20)


@lru_cache(maxsize=4)
def rendered(markdown: str, width: int) -> Segments:
    """The help as lines of ``width`` cells (our own text and key names: trusted)."""
    console = Console(width=width, color_system="truecolor", force_terminal=True, legacy_windows=False)
    lines = console.render_lines(Markdown(markdown, hyperlinks=False), console.options, pad=False)
    out: list[Segment] = []
    for line in lines:
        out += [*line, Segment.line()]
    return Segments(out)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", show=True)]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            with VerticalScroll(id="help-scroll"):
                yield Static(rendered(self.markdown, text_width(self.app.size.width)), id="help-text")
            yield Static("esc closes · ↑↓ PgUp PgDn scroll", classes="dialog-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Render again if the text area is not the width the lines were made for."""
        text = self.query_one("#help-text", Static)
        width = text.content_region.width
        if width and width != text_width(self.app.size.width):
            text.update(rendered(self.markdown, width))

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)
