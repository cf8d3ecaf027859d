"""The columns of the findings list and the cells of one row (``Shown`` text, never markup).

Columns shrink by priority: each has an ideal and a least width and a rank. When the
list is narrower than the ideal layout, columns first give up room down to their least
width (the least important first), then whole columns are left out, least important
first; the content preview keeps at least ``MIN_CONTENT`` cells and a header is never cut.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..review import Finding
from . import palette
from .palette import Palette
from .safe import Shown, one_line
from .state import ScreenState


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    ideal: int
    least: int
    rank: int  # lower: kept longer


COLUMNS = (
    Column("id", "#", 4, 4, 0),
    Column("source", "Source", 18, 10, 2),
    Column("type", "Type", 6, 6, 7),
    Column("kind", "Kind", 8, 8, 5),
    Column("cue", "Cue", 10, 6, 8),
    Column("flags", "Flags", 15, 9, 3),
    Column("corroboration", "Coverage", 8, 8, 4),
    Column("review", "Review", 12, 6, 1),
    Column("content", "Content", 0, 0, 0),  # takes the room that is left
)
MIN_CONTENT = 20
IDEAL_CONTENT = 40
PAD = 2  # a cell of padding on both sides of every column


def _relevant(state: ScreenState) -> list[Column]:
    """No Flags column without flags, no Coverage column when nothing can be checked."""
    out = []
    for column in COLUMNS:
        if column.key == "flags" and not state.report.flags:
            continue
        if column.key == "corroboration" and not (state.coverage_enabled or state.corroborations):
            continue
        out.append(column)
    return out


def layout(state: ScreenState, width: int) -> list[tuple[Column, int]]:
    """The columns to show in a list ``width`` cells wide, with their widths (content last
    gets what is left)."""
    room = width - 1  # the scrollbar
    columns = _relevant(state)
    widths = {c.key: c.ideal for c in columns if c.key != "content"}

    def used(content: int) -> int:
        return sum(widths.values()) + PAD * len(columns) + content

    # Least important first, columns give up room down to their least width; when that is
    # not enough they are left out, least important first. The minor columns (rank 5 and
    # up) do so before the content is squeezed below its ideal width; the others only when
    # the content is down to its least.
    for content, lowest in ((IDEAL_CONTENT, 5), (MIN_CONTENT, 1)):
        candidates = sorted((c for c in columns if c.key != "content" and c.rank >= lowest),
                            key=lambda c: -c.rank)
        for column in candidates:
            if used(content) <= room:
                break
            widths[column.key] = max(column.least, widths[column.key] - (used(content) - room))
        for column in candidates:
            if used(content) <= room:
                break
            columns.remove(column)
            del widths[column.key]

    def used_min() -> int:
        return used(MIN_CONTENT)

    # room to spare beyond the ideal content width goes back to the shrunk columns
    spare = room - used_min() - (IDEAL_CONTENT - MIN_CONTENT)
    for column in sorted((c for c in columns if c.key != "content"), key=lambda c: c.rank):
        if spare <= 0:
            break
        give = min(spare, column.ideal - widths[column.key])
        widths[column.key] += give
        spare -= give
    content = max(MIN_CONTENT, room - sum(widths.values()) - PAD * len(columns))
    return [(c, widths.get(c.key, content)) for c in columns]


def source_cell(p: Palette, f: Finding, width: int) -> Shown:
    st = f.statement
    if st is None:  # a flag no statement carries
        return Shown("-", p.grey)
    name = st.source.name if st.source.span is not None else "(no source)"
    if f.is_flag:
        return Shown("↳ " + one_line(name, max(width - 2, 1)), p.grey)
    return Shown(one_line(name, width))


def flags_cell(p: Palette, state: ScreenState, f: Finding, width: int) -> Shown:
    flags = state.flags(f)
    if not flags:
        return Shown("")
    worst = max(flags, key=lambda x: x.severity.rank)
    sev = worst.severity.value
    more = f" +{len(flags) - 1}" if len(flags) > 1 else ""
    label = one_line(worst.category, max(width - 2 - len(more), 1))
    out = Shown(palette.SEVERITY_GLYPH[sev] + " ", p.severity(sev))
    out.append(label, p.severity(sev) if f.is_flag else "")
    return out.append(more)


def coverage_cell(p: Palette, state: ScreenState, f: Finding) -> Shown:
    status = state.status(f)
    if status is None or f.is_flag or (status == "unchecked" and not state.coverage_enabled):
        return Shown("")
    label, style = p.corroboration(status)
    return Shown(label, style)


def review_cell(p: Palette, state: ScreenState, f: Finding, width: int = 12) -> Shown:
    """"✔ right" / "✖ wrong" for a statement, "✔ agree" / "✖ disagree" for a flag; the
    glyph alone when the column is narrow; ✎ a note, ✐ a corrected speaker."""
    review = state.review(f)
    label, style = p.review(review.state, f.is_flag)
    marks = (" ✎" if review.note else "") + (" ✐" if review.speaker else "")
    if len(label) + len(marks) > width:
        label = label.split(" ")[0]
    text = Shown(label, style)
    if marks:
        text.append(marks, p.yellow)
    return text


def content_cell(p: Palette, state: ScreenState, f: Finding, width: int) -> Shown:
    """A statement's content; a flag's flagged words."""
    if f.flag is not None:
        return Shown(one_line(f"“{f.flag.text}”" if f.flag.text else f.flag.message, width),
                     p.severity(f.flag.severity.value))
    st = f.statement
    return Shown(one_line(st.content_text(state.report.article.text) if st else "", width))


def row_cells(p: Palette, state: ScreenState, f: Finding, columns: list[tuple[Column, int]]) -> list[Shown]:
    st = f.statement
    source_type = state.source_type(f) or ""
    out = []
    for column, width in columns:
        match column.key:
            case "id":
                cell = Shown(f.id, p.grey)
            case "source":
                cell = source_cell(p, f, width)
            case "type":
                short = palette.TYPE_SHORT.get(source_type, source_type)
                cell = Shown(one_line(short, width), p.grey if f.is_flag else "")
            case "kind":
                cell = (Shown("flag", p.severity(f.flag.severity.value)) if f.flag is not None
                        else Shown(st.kind.value if st else ""))
            case "cue":
                cell = Shown(one_line(st.cue_text, width) if st and not f.is_flag else "", p.orange)
            case "flags":
                cell = flags_cell(p, state, f, width)
            case "corroboration":
                cell = coverage_cell(p, state, f)
            case "review":
                cell = review_cell(p, state, f, width)
            case _:
                cell = content_cell(p, state, f, width)
        out.append(cell)
    return out
