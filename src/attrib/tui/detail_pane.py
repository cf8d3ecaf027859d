"""Everything about the selected finding: source, role, relay chain, flags with their
explanation, coverage evidence per outlet with the word diff, the reviewer's note."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..model import Corroboration, Evidence, Flag, Statement
from ..review import Finding
from . import palette
from .safe import one_line, plain
from .state import PENDING, ReviewState

_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "we"}
LABEL = f"{palette.GREY}"


def _grid() -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style=LABEL, width=10, no_wrap=True)
    grid.add_column(ratio=1)
    return grid


def _heading(title: str) -> Text:
    return Text(title, style="bold")


def statement_part(state: ReviewState, st: Statement) -> list[RenderableType]:
    text = state.report.article.text
    src = st.source
    grid = _grid()
    if src.span is None:
        grid.add_row("Source", Text("none given", style="italic"))
    else:
        grid.add_row("Source", Text.assemble(plain(src.name, "bold " + palette.SKY), "  ",
                                             (src.type.value, palette.GREY)))
        if src.resolved and src.resolved != src.text:
            label = "Pronoun" if src.text.lower() in _PRONOUNS else "Written"
            grid.add_row(label, Text.assemble("“", plain(src.text), "” → ", plain(src.resolved)))
    if src.role:
        grid.add_row("Role", plain(src.role))
    grid.add_row("Cue", Text.assemble("“", plain(st.cue_text, palette.ORANGE), "”  ",
                                      (f"{st.kind.value} · {st.cue_class}", palette.GREY)))
    for relay in st.via:
        grid.add_row("Relay" if relay is st.via[0] else "",
                     Text.assemble((relay.relation + " ", palette.GREY),
                                   plain(one_line(relay.text), palette.SKY),
                                   (f"  {relay.type.value}", palette.GREY)))
    grid.add_row("Content", plain(one_line(st.content_text(text)), palette.GREEN))
    return [grid]


def flag_part(flag: Flag) -> list[RenderableType]:
    sev = flag.severity.value
    head = Text.assemble((f"{palette.SEVERITY_GLYPH[sev]} {sev}", palette.SEVERITY_STYLE[sev]),
                         "  ", (flag.category, "bold"), "  ", (flag.rule, palette.GREY))
    out: list[RenderableType] = [head]
    body = _grid()
    if flag.message:
        body.add_row("", plain(one_line(flag.message)))
    body.add_row("Text", Text.assemble("“", plain(one_line(flag.text, 200)), "”"))
    if flag.explanation:
        body.add_row("Why", plain(one_line(flag.explanation), "italic"))
    out.append(body)
    return out


def diff_text(diff: tuple[tuple[str, str], ...]) -> Text:
    """Words the two versions share plain; removed words struck out, added underlined."""
    out = Text()
    for op, words in diff:
        words = one_line(words)
        if not words:
            continue
        if out:
            out.append(" ")
        if op == "-":
            out.append("−" + words, style=palette.DIFF_REMOVED)
        elif op == "+":
            out.append("+" + words, style=palette.DIFF_ADDED)
        else:
            out.append(words)
    return out


def evidence_part(ev: Evidence) -> list[RenderableType]:
    label, style = palette.CORROBORATION.get(ev.status.value, (ev.status.value, ""))
    head = Text.assemble(("● ", style), plain(ev.outlet, "bold"), "  ", (label, style),
                         (f"  {ev.score:.0f}%", palette.GREY))
    if ev.same_speaker is True:
        head.append("  same speaker", style=palette.SKY)
    elif ev.same_speaker is False:
        head.append("  other speaker", style=f"bold {palette.ORANGE}")
        if ev.speaker:
            head.append(": ")
            head.append_text(plain(one_line(ev.speaker, 60)))
    grid = _grid()
    grid.add_row("URL", plain(one_line(ev.url), "underline " + palette.GREY))
    if ev.diff:
        grid.add_row("Diff", diff_text(ev.diff))
    elif ev.passage:
        grid.add_row("Passage", plain(one_line(ev.passage)))
    return [head, grid]


def coverage_part(state: ReviewState, finding: Finding) -> list[RenderableType]:
    status = state.status(finding)
    c: Corroboration | None = state.corroboration(finding)
    if status == PENDING:
        return [Text("Checking other coverage…", style="italic " + palette.GREY)]
    if c is None or status == "unchecked":
        return [Text(state.coverage_hint, style="italic " + palette.GREY)]
    label, style = palette.CORROBORATION[c.status.value]
    out: list[RenderableType] = [Text.assemble(("Overall ", palette.GREY), (label, style),
                                               (f"  {len(c.evidence)} outlet(s)", palette.GREY))]
    if c.evidence:
        out.append(Text("−word: only in this article   +word: only in the other outlet",
                        style=palette.GREY))
    for ev in c.evidence:
        out += evidence_part(ev)
    return out


def describe(state: ReviewState, finding: Finding) -> RenderableType:
    review = state.review(finding)
    label, style = palette.REVIEW[review.state]
    what = "flag" if finding.is_flag else "statement"
    head = Text.assemble((finding.id, "bold"), (f" · {what} · ", palette.GREY),
                         (label if review.state != "open" else "open", style))
    parts: list[RenderableType] = [head]
    if finding.flag is not None:
        parts += [Rule(style=palette.GREY), *flag_part(finding.flag)]
    if finding.statement is not None:
        if finding.is_flag:
            parts.append(Text(f"on statement {finding.statement.id}", style=palette.GREY))
        parts += [Rule(style=palette.GREY), *statement_part(state, finding.statement)]
        if not finding.is_flag:
            flags = state.flags(finding)
            if flags:
                parts += [Rule(style=palette.GREY), _heading(f"Flags ({len(flags)})")]
                for flag in flags:
                    parts += flag_part(flag)
        parts += [Rule(style=palette.GREY), _heading("Coverage"),
                  *coverage_part(state, finding)]
    if review.note:
        parts += [Rule(style=palette.GREY), _heading("Note"), plain(review.note)]
    return Group(*parts)


class DetailPane(VerticalScroll):
    """Scrollable, focusable (tab) so long evidence can be read with the keyboard."""

    def __init__(self, state: ReviewState, **kwargs) -> None:
        super().__init__(**kwargs)
        self.state = state
        self.finding: Finding | None = None

    def compose(self):
        yield Static(self._empty(), id="detail-body")

    def _empty(self) -> Text:
        if not self.state.findings:
            return Text("Nothing to review: attrib found no attributed statements and "
                        "no flags in this article.", style="italic " + palette.GREY)
        return Text("Select a finding in the list, or move the cursor onto a highlighted "
                    "span in the article, to see its details here.",
                    style="italic " + palette.GREY)

    def show(self, finding: Finding | None) -> None:
        changed = finding is not self.finding
        self.finding = finding
        body = self.query_one("#detail-body", Static)
        body.update(self._empty() if finding is None else describe(self.state, finding))
        if changed:
            self.scroll_home(animate=False)
