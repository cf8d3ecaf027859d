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
    rank: int = 5  # footer priority: a narrow footer drops the highest ranks first


APP = (
    Key("help", "question_mark,f1", "show_help", "Help", "Show this help.", rank=0),
    Key("search", "slash", "search", "Search", "Search the findings (free text).", rank=4),
    Key("filter", "f", "filter", "Filter",
        "Filter by flag category, source type, coverage status or review state.", rank=4),
    Key("clear-filter", "escape", "clear_filter", "Clear filter",
        "Clear the search and every filter.", rank=2),
    Key("confirm", "c", "confirm", "Confirm",
        "Confirm: a statement's extraction is right; you agree with a flag "
        "(press again to reopen).", rank=1),
    Key("dismiss", "x", "dismiss_finding", "Dismiss",
        "Dismiss: a statement's extraction is wrong; you disagree with a flag. "
        "It leaves the score (press again to reopen).", rank=1),
    Key("note", "n", "note", "Note", "Write or edit a note on the finding.", rank=2),
    Key("speaker", "s", "speaker", "Speaker",
        "Correct who spoke (statements): the exports show your name beside the extracted one.",
        rank=6),
    Key("undo", "u", "undo", "Undo", "Undo the last verdict, note or speaker.", rank=3),
    Key("export", "e", "export", "Export",
        "Export the report with your verdicts and notes (beside the article).", rank=3),
    Key("next-article", "right_square_bracket", "next_article", "Next",
        "Next article in the queue.", rank=2),
    Key("previous-article", "left_square_bracket", "previous_article", "Prev",
        "Previous article in the queue.", rank=5),
    Key("corroborate", "r", "corroborate", "Coverage",
        "Check the quotes against other coverage again.", rank=7),
    Key("quit", "q", "quit", "Quit", "Quit (every verdict is already saved).", rank=0),
)

LIST = (
    Key("open", "enter", "open", "Open",
        "Open the finding: jump to it in the article (enter again comes back).",
        where="list, article", rank=6),
    Key("cursor-down", "j", "cursor_down", "Down", "Next finding (also ↓).",
        where="list, article", show=False),
    Key("cursor-up", "k", "cursor_up", "Up", "Previous finding (also ↑).",
        where="list, article", show=False),
)

ALL = APP + LIST
IDS = frozenset(k.id for k in ALL)
BY_ID = {k.id: k for k in ALL}
RANK = {k.id: k.rank for k in ALL}


def bindings(keys: tuple[Key, ...]) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    return [Binding(k.keys, k.action, k.label, show=k.show, id=k.id, tooltip=k.help)
            for k in keys]
