"""A Markdown report a person reads top to bottom."""

from __future__ import annotations

from collections import defaultdict

from ..model import Flag, Report
from ..safety import markdown_inline as _md
from . import coverage_section
from .context import flag_sentence, share


def to_markdown(report: Report) -> str:
    a = report.article
    text = a.text
    out = [f"# Attribution report: {_md(a.title or a.path or 'article')}", ""]
    meta = [f"{k}: {_md(v)}" for k, v in (("URL", a.url), ("Outlet", a.outlet),
                                          ("Published", a.published), ("Byline", a.byline)) if v]
    if meta:
        out += [" · ".join(meta), ""]
    out += _assessment(report)
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
            flagged = "".join(f" ⚑ {f.id}" for f in report.flags if f.statement == st.id)
            out.append(f"- **{st.id}** {st.kind.value}, cue “{_md(st.cue_text)}”{via}: "
                       f"{_md(st.content_text(text))}{flagged}")
            out += coverage_section.md_lines(report, st.id)
        out.append("")
    out += coverage_section.md_section(report)
    if report.verdicts:  # the reviewer's verdicts and notes, from the TUI
        out += ["## Review", ""]
        for v in report.verdicts:
            note = f": {_md(v.note)}" if v.note else ""
            out.append(f"- **{_md(v.finding)}** {v.state}{note}")
        out.append("")
    return "\n".join(out)


def _assessment(report: Report) -> list[str]:
    """Verdict and score with its breakdown, the sources, then every flag in its sentence."""
    s = report.summary
    if s.not_assessed is not None:
        out = [f"**Not assessed:** {_md(s.not_assessed)}. {len(report.flags)} flags.", ""]
    elif s.score is None:
        return []
    else:
        out = [f"**Verdict: {_md(s.verdict)} ({s.score:g}/100).** {len(report.flags)} flags; "
               f"{share(s.named_on_record_share)} of statements come from a named, on-record source.", ""]
    out += ["## Score", ""]
    if s.not_assessed is not None:
        out += ["There is too little here to score: " + _md(s.not_assessed) + ".", ""]
    else:
        out += ["The score starts at 100; every flag costs points by its severity, counted per "
                "length of text, and one category's cost eases toward a cap; a flag the rules are "
                "unsure of costs nothing (see docs/assess.md).", ""]
    if s.not_assessed is not None:
        pass
    elif s.breakdown:
        out += ["| Points | Why | Flags |", "|---:|---|---|"]
        out += [f"| {item.points:g} | {_md(item.reason)} | {', '.join(item.flags)} |" for item in s.breakdown]
    else:
        out.append("Nothing cost points.")
    out.append("")
    types = ", ".join(f"{_md(t)} {n}" for t, n in s.by_source_type) or "none"
    out += ["## Sources", "", f"- Source types: {types}",
            f"- Distinct named sources ({len(s.distinct_sources)}): "
            + (", ".join(_md(n) for n in s.distinct_sources) or "none"), ""]
    out += ["## Flags", ""]
    if not report.flags:
        out += ["No flags.", ""]
    for flag in report.flags:
        out += _flag(report, flag)
    return out


def _flag(report: Report, flag: Flag) -> list[str]:
    text = report.article.text
    sent = flag_sentence(flag)
    quoted = (_md(text[sent.start:flag.span.start]) + " **" + _md(flag.span.of(text)) + "** "
              + _md(text[flag.span.end:sent.end]))
    owner = f", statement {flag.statement}" if flag.statement else ""
    return [f"- **{flag.id}** {flag.severity.value} · {_md(flag.category)} (`{flag.rule}`{owner}): "
            f"{_md(flag.message)}",
            f"  > {quoted.strip()}",
            "  ", f"  {_md(flag.explanation)}", ""]
