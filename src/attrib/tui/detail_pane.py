"""Everything about the selected finding: source, role, relay chain, flags with their
explanation, coverage evidence per outlet with the word diff, the reviewer's note."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..model import Evidence, Flag, Statement
from ..render.coverage_section import UNCHECKED_TEXT, conflict_sentences, reasons_text, speaker_note
from ..render.provenance import provenance
from ..review import Finding, meaning
from . import palette
from .palette import Palette
from .safe import Shown, one_line, plain
from .state import PENDING, ScreenState


def _grid(p: Palette) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style=p.grey, width=9, no_wrap=True)
    grid.add_column(ratio=1)
    return grid


def statement_part(p: Palette, state: ScreenState, st: Statement) -> list[RenderableType]:
    text = state.report.article.text
    src = st.source
    grid = _grid(p)
    if src.span is None:
        grid.add_row("Source", Shown("none given", style="italic"))
    else:
        grid.add_row("Source", Shown.assemble(plain(src.name, "bold " + p.sky), "  ",
                                             (src.type.value, p.grey)))
        grid.add_row("Speaker", plain(one_line(provenance(src, text)), p.grey))
    if src.role:
        grid.add_row("Role", plain(src.role))
    grid.add_row("Cue", Shown.assemble("“", plain(st.cue_text, p.orange), "”  ",
                                      (f"{st.kind.value} · {st.cue_class}", p.grey)))
    for i, relay in enumerate(st.via):
        grid.add_row("Relay" if i == 0 else "",
                     Shown.assemble((relay.relation + " ", p.grey),
                                   plain(one_line(relay.text), p.sky),
                                   (f"  {relay.type.value}", p.grey)))
    grid.add_row("Content", plain(one_line(st.content_text(text)), p.green))
    return [grid]


def flag_part(p: Palette, flag: Flag) -> list[RenderableType]:
    sev = flag.severity.value
    head = Shown.assemble((f"{palette.SEVERITY_GLYPH[sev]} {sev}", p.severity(sev)), "  ",
                         plain(flag.category, "bold"), "  ", plain(flag.rule, p.grey))
    body = _grid(p)
    if flag.message:
        body.add_row("", plain(one_line(flag.message)))
    body.add_row("Text", Shown.assemble("“", plain(one_line(flag.text, 200)), "”"))
    if flag.explanation:
        body.add_row("Why", plain(one_line(flag.explanation), "italic"))
    return [head, body]


def diff_text(p: Palette, diff: tuple[tuple[str, str], ...]) -> Shown:
    """Words the two versions share plain; removed words [-struck out-], added {+underlined+}
    (git's word-diff marks, so the change shows without colour too)."""
    out = Shown()
    for op, words in diff:
        words = one_line(words)
        if not words:
            continue
        if out:
            out.append(" ")
        if op == "-":
            out.append(f"[-{words}-]", style=p.diff_removed)
        elif op == "+":
            out.append(f"{{+{words}+}}", style=p.diff_added)
        else:
            out.append(words)
    return out


def evidence_part(p: Palette, ev: Evidence) -> list[RenderableType]:
    label, style = p.corroboration(ev.status.value)
    head = Shown.assemble(("● ", style), plain(ev.outlet, "bold"), "  ", (label, style),
                         (f" · {ev.score:.0f}%", p.grey))
    if ev.same_speaker is True:
        head.append(" · same speaker", style=p.sky)
    elif ev.same_speaker is False:
        head.append(" · other speaker", style=f"bold {p.orange}")
        if ev.speaker:
            head.append(": ")
            head.append_text(plain(one_line(ev.speaker, 60)))
    grid = _grid(p)
    grid.add_row("URL", plain(one_line(ev.url), "underline " + p.grey))
    if ev.diff:
        grid.add_row("Diff", diff_text(p, ev.diff))
    elif ev.passage:
        grid.add_row("Passage", plain(one_line(ev.passage)))
    if ev.reasons:
        grid.add_row("Why", plain(one_line(reasons_text(ev))))
    note = speaker_note(ev)
    if note:
        grid.add_row("Speaker", plain(note, "italic " + p.grey))
    both = conflict_sentences(ev)
    if both:  # an accusation shows its grounds: the sentences that name each speaker
        grid.add_row("Article", plain(one_line(both[0])))
        grid.add_row("Other", plain(one_line(both[1])))
    return [head, grid]


def coverage_part(p: Palette, state: ScreenState, finding: Finding) -> list[RenderableType]:
    status = state.status(finding)
    c = state.corroboration(finding)
    if status == PENDING:
        return [Shown("Checking other coverage…", style="italic " + p.grey)]
    if c is not None and c.unchecked is not None:  # checked, and why it could not be
        return [Shown(f"Unchecked: {UNCHECKED_TEXT[c.unchecked]}.", style="italic " + p.grey)]
    if c is None or status == "unchecked":
        return [Shown(state.coverage_hint, style="italic " + p.grey)]
    label, style = p.corroboration(c.status.value)
    n = len(c.evidence)
    out: list[RenderableType] = [Shown.assemble(
        (label, style), (" · 1 outlet quotes it" if n == 1 else f" · {n} outlets quote it" if n else
                         " · no other outlet has this", p.grey))]
    if c.evidence:
        out.append(Shown("[-only in this article-] {+only in the other outlet+}",
                        style=p.grey))
    for ev in c.evidence:
        out += evidence_part(p, ev)
    return out


def describe(p: Palette, state: ScreenState, finding: Finding) -> RenderableType:
    review = state.review(finding)
    _, style = p.review(review.state, finding.is_flag)
    what = "flag" if finding.is_flag else "statement"
    head = Shown.assemble((finding.id, "bold"), (f" · {what} · ", p.grey),
                          (meaning(finding.is_flag, review.state), style))
    rule = Rule(style=p.grey)
    parts: list[RenderableType] = [head]
    if finding.flag is not None:
        parts += [rule, *flag_part(p, finding.flag)]
    if finding.statement is not None:
        if finding.is_flag:
            parts.append(Shown(f"on statement {finding.statement.id}:", style=p.grey))
        parts += [rule, *statement_part(p, state, finding.statement)]
        if not finding.is_flag:
            flags = state.flags(finding)
            if flags:
                parts += [rule, Shown(f"Flags ({len(flags)})", style="bold")]
                for flag in flags:
                    parts += flag_part(p, flag)
        parts += [rule, Shown("Coverage", style="bold"), *coverage_part(p, state, finding)]
    if review.speaker:
        parts += [rule, Shown.assemble(("Speaker, corrected: ", "bold"), plain(review.speaker, p.sky))]
    if review.note:
        parts += [rule, Shown("Note", style="bold"), plain(review.note)]
    return Group(*parts)


class DetailPane(VerticalScroll):
    """Scrollable, focusable (tab) so long evidence can be read with the keyboard."""

    def __init__(self, state: ScreenState, **kwargs) -> None:
        super().__init__(**kwargs)
        self.state = state
        self.finding: Finding | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")

    def on_mount(self) -> None:
        self.show(self.finding)

    def _empty(self, p: Palette) -> Shown:
        if not self.state.findings:
            return Shown("Nothing to review: attrib found no attributed statements and "
                        "no flags in this article.", style="italic " + p.grey)
        return Shown("Select a finding in the list, or move the cursor onto a highlighted "
                    "span in the article, to see its details here.", style="italic " + p.grey)

    def show(self, finding: Finding | None) -> None:
        changed = finding is not self.finding
        self.finding = finding
        p = palette.of(self)
        body = self.query_one("#detail-body", Static)
        body.update(self._empty(p) if finding is None else describe(p, self.state, finding))
        if changed:
            self.scroll_home(animate=False)
