"""The cells of one row of the findings list, as Rich Text (never markup)."""

from __future__ import annotations

from rich.text import Text

from ..review import Finding
from . import palette
from .palette import Palette
from .safe import one_line
from .state import ScreenState

# key, header, width (None: takes the room that is left)
COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("id", "#", 4),
    ("source", "Source", 18),
    ("type", "Type", 6),
    ("kind", "Kind", 8),
    ("cue", "Cue", 10),
    ("flags", "Flags", 14),
    ("corroboration", "Coverage", 8),
    ("review", "Review", 6),
    ("content", "Content", None),
)
MIN_CONTENT = 16


# Dropped first when the terminal is narrow (the details pane still shows them).
NARROW_DROPS = ((100, "cue"), (100, "type"), (72, "kind"))


def columns(state: ScreenState, width: int = 120) -> list[tuple[str, str, int | None]]:
    """The columns worth showing: no Flags column without flags, no Coverage column when
    nothing can be or has been checked, fewer columns in a narrow terminal; the content
    preview gets the room that is left."""
    dropped = {key for limit, key in NARROW_DROPS if width < limit}
    out = []
    for column in COLUMNS:
        if column[0] in dropped:
            continue
        if column[0] == "flags" and not state.report.flags:
            continue
        if column[0] == "corroboration" and not (state.coverage_enabled
                                                 or state.corroborations):
            continue
        out.append(column)
    return out


def source_cell(p: Palette, state: ScreenState, f: Finding, width: int) -> Text:
    st = f.statement
    if st is None:
        return Text("unattributed", style="italic " + p.grey)
    name = one_line(st.source.name, width) if st.source.span is not None else "(no source)"
    if f.is_flag:
        return Text("↳ " + one_line(name, width - 2), style=p.grey)
    return Text(name)


def flags_cell(p: Palette, state: ScreenState, f: Finding, width: int) -> Text:
    flags = state.flags(f)
    if not flags:
        return Text("")
    worst = max(flags, key=lambda x: x.severity.rank)
    sev = worst.severity.value
    more = f" +{len(flags) - 1}" if len(flags) > 1 else ""
    label = one_line(worst.category, width - 2 - len(more))
    return Text.assemble((palette.SEVERITY_GLYPH[sev] + " ", p.severity(sev)),
                         (label, p.severity(sev) if f.is_flag else ""), more)


def coverage_cell(p: Palette, state: ScreenState, f: Finding) -> Text:
    status = state.status(f)
    if status is None or f.is_flag or (status == "unchecked" and not state.coverage_enabled):
        return Text("")
    label, style = p.corroboration(status)
    return Text(label, style=style)


def review_cell(p: Palette, state: ScreenState, f: Finding) -> Text:
    review = state.review(f)
    label, style = p.review(review.state)
    text = Text(label, style=style)
    if review.note:
        text.append(" ✎", style=p.yellow)
    return text


def row_cells(p: Palette, state: ScreenState, f: Finding, content_width: int,
              width: int = 120) -> list[Text]:
    text = state.report.article.text
    st = f.statement
    widths = {key: w for key, _, w in COLUMNS}
    if f.is_flag:
        assert f.flag is not None
        kind = Text("flag", style=p.severity(f.flag.severity.value))
        content = one_line(f.flag.message or f.flag.text, content_width)
    else:
        kind = Text(st.kind.value if st else "")
        content = one_line(st.content_text(text) if st else "", content_width)
    source_type = state.source_type(f) or ""
    cells = {
        "id": Text(f.id, style=p.grey),
        "source": source_cell(p, state, f, widths["source"] or 18),
        "type": Text(palette.TYPE_SHORT.get(source_type, source_type),
                     style=p.grey if f.is_flag else ""),
        "kind": kind,
        "cue": Text(one_line(st.cue_text, widths["cue"]) if st and not f.is_flag else "",
                    style=p.orange),
        "flags": flags_cell(p, state, f, widths["flags"] or 14),
        "corroboration": coverage_cell(p, state, f),
        "review": review_cell(p, state, f),
        "content": Text(content),
    }
    return [cells[key] for key, _, _ in columns(state, width)]
