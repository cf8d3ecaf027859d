"""A readable listing for the terminal. Article text is untrusted: control characters
are stripped before anything reaches the terminal."""

from __future__ import annotations

from ..model import Report, Resolution
from ..plural import counted
from ..safety import clean
from . import coverage_section
from .provenance import provenance


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_text(report: Report) -> str:
    text = report.article.text
    lines = []
    head = report.article.title or report.article.path or "article"
    lines.append(f"{clean(head)}: {counted(len(report.statements), 'attributed statement')}")
    lines += [x for x in [coverage_section.outlet_line(report)] if x]
    for st in report.statements:
        src = st.source
        who = clean(src.name) if src.span is not None else "(no source given)"
        extra = [src.type.value]
        if src.role:
            extra.append(clean(src.role))
        lines.append("")
        lines.append(f"{st.id:>4}  {who}  [{', '.join(extra)}]")
        if src.span is not None and src.resolution not in (Resolution.NAMED, Resolution.UNNAMED):
            lines.append(f"      speaker: {clean(provenance(src, text))}")
        relays = "".join(f"  {r.relation} {clean(r.text)}" for r in st.via)
        lines.append(f"      {st.kind.value}, cue “{clean(st.cue_text)}”{relays}")
        lines.append(f"      {_short(clean(st.content_text(text)))}")
        lines += coverage_section.text_lines(report, st.id)
    lines += coverage_section.text_section(report)
    lines += _flags(report)
    return "\n".join(lines) + "\n"


def _flags(report: Report) -> list[str]:
    s = report.summary
    if s.not_assessed is not None:
        lines = ["", f"Not assessed: {clean(s.not_assessed)}. {counted(len(report.flags), 'flag')}"]
    elif s.score is None:
        return []
    else:
        lines = ["", f"Score {s.score:g}/100 ({clean(s.verdict)}), {counted(len(report.flags), 'flag')}"]
    for item in s.breakdown:
        lines.append(f"  {item.points:>6g}  {clean(item.reason)}")
    for flag in report.flags:
        lines.append("")
        lines.append(f"{flag.id:>4}  {flag.severity.value:<7}  {flag.category}  ({flag.rule})")
        lines.append(f"      {_short(clean(flag.message))}")
        lines.append(f"      “{_short(clean(flag.text), 150)}”")
    return lines
