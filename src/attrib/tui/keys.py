"""Every key binding with its id: one list that builds the BINDINGS, checks the ids in
``[tui.keys]`` of attrib.toml, and feeds the help screen and the command palette."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Key:
    id: str  # what users write in [tui.keys]
    keys: str  # default keys, comma separated (Textual key names)
    action: str
    label: str  # short, for the footer
    help: str  # a sentence, for the help screen and the command palette
    where: str = "anywhere"
    show: bool = True


APP = (
    Key("help", "question_mark,f1", "show_help", "Help", "Show this help."),
    Key("search", "slash", "search", "Search", "Search the findings (free text)."),
    Key("filter", "f", "filter", "Filter",
        "Filter by flag category, source type, coverage status or review state."),
    Key("clear-filter", "escape", "clear_filter", "Clear filter",
        "Clear the search and every filter."),
    Key("confirm", "c", "confirm", "Confirm", "Confirm the finding (press again to reopen)."),
    Key("dismiss", "x", "dismiss_finding", "Dismiss",
        "Dismiss the finding as a false positive (press again to reopen)."),
    Key("note", "n", "note", "Note", "Write or edit a note on the finding."),
    Key("undo", "u", "undo", "Undo", "Undo the last verdict or note."),
    Key("export", "e", "export", "Export", "Export the report with your verdicts and notes."),
    Key("corroborate", "r", "corroborate", "Coverage",
        "Check the quotes against other coverage again."),
    Key("quit", "q", "quit", "Quit", "Quit (every verdict is already saved)."),
)

LIST = (
    Key("open", "enter", "open", "Open",
        "Open the finding: jump to it in the article (enter again comes back).",
        where="list, article"),
    Key("cursor-down", "j", "cursor_down", "Down", "Next finding (also ↓).",
        where="list, article", show=False),
    Key("cursor-up", "k", "cursor_up", "Up", "Previous finding (also ↑).",
        where="list, article", show=False),
)

ALL = APP + LIST
IDS = frozenset(k.id for k in ALL)
BY_ID = {k.id: k for k in ALL}


def bindings(keys: tuple[Key, ...]) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    return [Binding(k.keys, k.action, k.label, show=k.show, id=k.id, tooltip=k.help)
            for k in keys]
