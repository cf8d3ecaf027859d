"""A Markdown report a person reads top to bottom, on its own: nothing in it points to
files the reader does not have. Each rule's explanation is given once, in a legend at
the end; findings the reviewer dismissed are struck through, confirmed ones marked, notes
beside their finding."""

from __future__ import annotations

from collections import defaultdict

from ..model import Flag, Report, ReviewState, Statement, Verdict
from ..plural import counted
from ..review import dismissed
from ..safety import markdown_inline as _md
from . import coverage_section
from .context import flag_sentence, heading, share, verdict_words, verdicts_by_finding

MEANINGS = ("On a statement, ✔ means the reviewer found the extraction right (who said what), "
            "✖ that it is wrong; on a flag, ✔ that the reviewer agrees, ✖ that they disagree. "
            "Dismissed findings are struck through and not counted in the score.")


def to_markdown(report: Report) -> str:
    a = report.article
    title, outlet, location = heading(a)
    out = [f"# {_md(title)}" + (f" — {_md(outlet)}" if outlet else ""), ""]
    if location:
        out += [f"Source: {_md(location)}", ""]
    meta = [f"{k}: {_md(v)}" for k, v in (("Published", a.published), ("Byline", a.byline)) if v]
    if meta:
        out += [" · ".join(meta), ""]
    out += ["*Attribution report by attrib.*", ""]
    out += _assessment(report)
    out += _review(report)
    out += _statements(report)
    out += coverage_section.md_section(report)
    out += _legend(report)
    return "\n".join(out)


def _mark(report: Report, verdict: Verdict | None) -> str:
    """" · ✔ extraction right · note: …" after a finding; "" when it is not reviewed."""
    if verdict is None:
        return ""
    parts = []
    if verdict.state is not ReviewState.OPEN:
        glyph = "✔" if verdict.state is ReviewState.CONFIRMED else "✖"
        parts.append(f"{glyph} *{verdict_words(report, verdict)}*")
    if verdict.speaker:
        parts.append(f"speaker corrected to **{_md(verdict.speaker)}**")
    if verdict.note:
        parts.append(f"note: {_md(verdict.note)}")
    return " · " + " · ".join(parts) if parts else ""


def _struck(text: str, verdict: Verdict | None) -> str:
    return f"~~{text}~~" if verdict is not None and verdict.state is ReviewState.DISMISSED else text


def _assessment(report: Report) -> list[str]:
    """Verdict and score with its breakdown, the sources, then every flag in its sentence."""
    s = report.summary
    if s.not_assessed is not None:
        out = [f"**Not assessed:** {_md(s.not_assessed)}. {counted(len(report.flags), 'flag')}.", ""]
    elif s.score is None:
        return []
    else:
        gone = len(dismissed(report)[1])
        not_counted = f" ({gone} not counted: dismissed by the reviewer)" if gone else ""
        out = [f"**Verdict: {_md(s.verdict)} ({s.score:g}/100).** {counted(len(report.flags), 'flag')}{not_counted}; "
               f"{share(s.named_on_record_share)} of statements come from a named, on-record source.", ""]
    out += ["## Score", ""]
    if s.not_assessed is not None:
        out += ["There is too little here to score: " + _md(s.not_assessed) + ".", ""]
    else:
        out += ["The score starts at 100; every flag costs points by its severity, counted per "
                "length of text, and one category's cost eases toward a cap. A flag the rules are "
                "unsure of, or one the reviewer dismissed, costs nothing.", ""]
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
    verdicts = verdicts_by_finding(report)
    gone_statements = dismissed(report)[0]
    for flag in report.flags:
        out += _flag(report, flag, verdicts.get(flag.id), flag.statement in gone_statements)
    return out


def _flag(report: Report, flag: Flag, verdict: Verdict | None, orphaned: bool) -> list[str]:
    text = report.article.text
    sent = flag_sentence(flag)
    quoted = (_md(text[sent.start:flag.span.start]) + " **" + _md(flag.span.of(text)) + "** "
              + _md(text[flag.span.end:sent.end]))
    owner = f", statement {flag.statement}" if flag.statement else ""
    head = (f"**{flag.id}** {flag.severity.value} · {_md(flag.category)} (`{flag.rule}`{owner}): "
            f"{_md(flag.message)}")
    gone = " · *not counted: its statement was dismissed*" if orphaned else ""
    return [f"- {_struck(head, verdict)}{_mark(report, verdict)}{gone}", f"  > {quoted.strip()}", ""]


def _review(report: Report) -> list[str]:
    if not report.verdicts:
        return []
    counts = {state: sum(1 for v in report.verdicts if v.state is state) for state in ReviewState}
    notes = sum(1 for v in report.verdicts if v.note)
    total = len(report.statements) + len(report.flags)
    reviewed = counts[ReviewState.CONFIRMED] + counts[ReviewState.DISMISSED]
    return ["## Review", "",
            f"{reviewed} of {total} findings reviewed: {counts[ReviewState.CONFIRMED]} confirmed, "
            f"{counts[ReviewState.DISMISSED]} dismissed, {notes} with a note.", "", MEANINGS, ""]


def _statements(report: Report) -> list[str]:
    text = report.article.text
    verdicts = verdicts_by_finding(report)
    out = [f"{counted(len(report.statements), 'attributed statement')}.", "", "## Statements by source", ""]
    groups: dict[str, list[Statement]] = defaultdict(list)
    for st in report.statements:
        groups[st.source.name if st.source.span is not None else "(no source given)"].append(st)
    for name, sts in groups.items():
        src = sts[0].source
        role = f", {_md(src.role)}" if src.role else ""
        out.append(f"### {_md(name)} ({src.type.value}{role})")
        out.append("")
        for st in sts:
            verdict = verdicts.get(st.id)
            via = "".join(f" {r.relation} {_md(r.text)}" for r in st.via)
            flagged = "".join(f" ⚑ {f.id}" for f in report.flags if f.statement == st.id)
            line = (f"**{st.id}** {st.kind.value}, cue “{_md(st.cue_text)}”{via}: "
                    f"{_md(st.content_text(text))}")
            out.append(f"- {_struck(line, verdict)}{flagged}{_mark(report, verdict)}")
            out += coverage_section.md_lines(report, st.id)
        out.append("")
    return out


def _legend(report: Report) -> list[str]:
    """Each rule that flagged something, with its explanation, once."""
    rules: dict[str, Flag] = {}
    for flag in report.flags:
        rules.setdefault(flag.rule, flag)
    if not rules:
        return []
    out = ["## What the flags mean", ""]
    for rule, flag in sorted(rules.items()):
        why = f": {_md(flag.explanation)}" if flag.explanation else ""
        out.append(f"- `{rule}` ({_md(flag.category)}, {flag.severity.value}){why}")
    return [*out, ""]
