"""A Markdown report a person reads top to bottom."""

from __future__ import annotations

from collections import defaultdict

from ..model import Report
from ..safety import clean


def _md(text: str) -> str:
    """Inline-safe Markdown: control characters removed, markup characters escaped."""
    text = " ".join(clean(text).split())
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def to_markdown(report: Report) -> str:
    a = report.article
    text = a.text
    out = [f"# Attribution report: {_md(a.title or a.path or 'article')}", ""]
    meta = [f"{k}: {_md(v)}" for k, v in (("URL", a.url), ("Outlet", a.outlet),
                                          ("Published", a.published), ("Byline", a.byline)) if v]
    if meta:
        out += [" · ".join(meta), ""]
    out += [f"{len(report.statements)} attributed statements.", "", "## Statements by source", ""]
    groups: dict[str, list] = defaultdict(list)
    for st in report.statements:
        groups[st.source.name if st.source.span is not None else "(no source given)"].append(st)
    for name, sts in groups.items():
        src = sts[0].source
        role = f", {_md(src.role)}" if src.role else ""
        out.append(f"### {_md(name)} ({src.type.value}{role})")
        out.append("")
        for st in sts:
            via = "".join(f" {r.relation} {_md(r.text)}" for r in st.via)
            out.append(f"- **{st.id}** {st.kind.value}, cue “{_md(st.cue_text)}”{via}: "
                       f"{_md(st.content_text(text))}")
        out.append("")
    if report.verdicts:  # the reviewer's verdicts and notes, from the TUI
        out += ["## Review", ""]
        for v in report.verdicts:
            note = f": {_md(v.note)}" if v.note else ""
            out.append(f"- **{_md(v.finding)}** {v.state}{note}")
        out.append("")
    return "\n".join(out)
