"""Corroboration in the reports: JSON fields, text lines and Markdown sections. Each
renderer calls these; nothing here computes a finding."""

from __future__ import annotations

import html
from typing import Any

from ..corroborate.summary import corroboration_counts, unchecked_reasons
from ..model import (
    Corroboration,
    CoveragePage,
    Evidence,
    OutletInfo,
    Reason,
    Report,
    SpeakerCheck,
    SpeakerGap,
    SpeakerSide,
    SpeakerVerdict,
    Unchecked,
)
from ..plural import counted
from ..safety import clean
from ..safety import markdown_inline as _md

# -- JSON ------------------------------------------------------------------------------


def outlet_to_dict(info: OutletInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {"domain": info.domain, "name": info.name, "kinds": list(info.kinds), "note": info.note,
            "sources": list(info.sources)}


def reason_to_dict(r: Reason) -> dict[str, Any]:
    return {"kind": r.kind.value, "change": r.change.value, "before": list(r.before), "after": list(r.after)}


def _side(side: SpeakerSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {"name": side.name, "resolution": side.resolution.value, "confidence": side.confidence,
            "sentence": side.sentence}


def speaker_check_to_dict(check: SpeakerCheck | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {"verdict": check.verdict.value, "gaps": [g.value for g in check.gaps],
            "article": _side(check.article), "other": _side(check.other)}


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    return {"outlet": e.outlet, "url": e.url, "status": e.status.value, "score": e.score,
            "passage": e.passage, "diff": [[op, words] for op, words in e.diff],
            "reasons": [r.label for r in e.reasons], "differences": [reason_to_dict(r) for r in e.reasons],
            "speaker": e.speaker, "same_speaker": e.same_speaker,
            "speaker_check": speaker_check_to_dict(e.speaker_check)}


def corroboration_to_dict(c: Corroboration) -> dict[str, Any]:
    return {"status": c.status.value, "speaker_conflict": bool(c.speaker_conflicts),
            "unchecked": c.unchecked.value if c.unchecked else None,
            "evidence": [evidence_to_dict(e) for e in c.evidence]}


def page_to_dict(page: CoveragePage) -> dict[str, Any]:
    return {"url": page.url, "origin": page.origin, "outlet": page.outlet, "title": page.title,
            "error": page.error}


def outlet_info(report: Report, domain: str | None) -> OutletInfo | None:
    return next((o for o in report.outlets if domain and (domain == o.domain or domain.endswith("." + o.domain))),
                None)


def add_to_json(report: Report, out: dict[str, Any]) -> None:
    """The corroboration fields of ``attrib.report/1`` (docs/corroboration.md)."""
    out["article"]["site_name"] = report.article.site_name
    out["article"]["outlet_info"] = outlet_to_dict(outlet_info(report, report.article.outlet))
    by_id = {c.statement: c for c in report.corroborations}
    for st in out["statements"]:
        found = by_id.get(st["id"])
        st["corroboration"] = corroboration_to_dict(found) if found is not None else None
    checked = bool(report.corroborations) or bool(report.coverage)
    out["coverage"] = None if not checked else {
        "summary": dict(corroboration_counts(report.corroborations)),
        "unchecked": {reason.value: n for reason, n in unchecked_reasons(report.corroborations)},
        "pages": [page_to_dict(p) for p in report.coverage],
    }
    out["outlets"] = [outlet_to_dict(o) for o in report.outlets]


# -- text ------------------------------------------------------------------------------


def _one_line(text: str, limit: int = 110) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def diff_text(e: Evidence) -> str:
    """Word diff in wdiff style: [-in the article-] {+in the other outlet+}."""
    parts = []
    for op, words in e.diff:
        words = " ".join(clean(words).split())
        parts.append(words if op == "=" else f"[-{words}-]" if op == "-" else f"{{+{words}+}}")
    return " ".join(parts)


def outlet_line(report: Report) -> str | None:
    info = outlet_info(report, report.article.outlet)
    if info is None:
        return None
    note = f"; {clean(info.note)}" if info.note else ""
    return f"Outlet: {clean(info.name)} ({', '.join(info.kinds)}{note}) [information, not a verdict]"


# What the typed values mean, for people (the JSON carries the values).
UNCHECKED_TEXT = {Unchecked.NO_PAGES: "no coverage page could be read",
                  Unchecked.TOO_SHORT: "too few words to tell it from anything else"}
GAP_TEXT = {
    SpeakerGap.ARTICLE_UNNAMED: "the article names no one",
    SpeakerGap.ARTICLE_UNCERTAIN: "the article's speaker is not surely resolved",
    SpeakerGap.OTHER_UNATTRIBUTED: "the other outlet gives the words to no one",
    SpeakerGap.OTHER_UNNAMED: "the other outlet names no one",
    SpeakerGap.OTHER_UNCERTAIN: "the other outlet's speaker is not surely resolved",
    SpeakerGap.RELAYED: "one side names who passed the words on",
    SpeakerGap.PERSON_AND_BODY: "a person on one side, a body on the other",
    SpeakerGap.UNLIKE_BODIES: "two bodies that may be one",
}


def reasons_text(e: Evidence) -> str:
    return "; ".join(r.label for r in e.reasons)


def speaker_note(e: Evidence) -> str | None:
    """"speaker not established (why)" when the check could not compare the speakers."""
    check = e.speaker_check
    if check is None or check.verdict is not SpeakerVerdict.NOT_ESTABLISHED:
        return None
    return "speaker not established" + (f" ({'; '.join(GAP_TEXT[g] for g in check.gaps)})" if check.gaps else "")


def conflict_sentences(e: Evidence) -> tuple[str, str] | None:
    """The two sentences that name the speakers, for a speaker conflict."""
    check = e.speaker_check
    if check is None or check.verdict is not SpeakerVerdict.DIFFERENT or not check.article or not check.other:
        return None
    return check.article.sentence, check.other.sentence


def status_text(c: Corroboration) -> str:
    if c.unchecked is not None:
        return f"{c.status.value} ({UNCHECKED_TEXT[c.unchecked]})"
    return c.status.value


def text_lines(report: Report, statement_id: str) -> list[str]:
    c = next((c for c in report.corroborations if c.statement == statement_id), None)
    if c is None:
        return []
    lines = [f"      corroboration: {status_text(c)}"
             + (f" ({counted(len(c.evidence), 'outlet')})" if c.evidence else "")]
    for e in c.evidence:
        why = f" ({clean(reasons_text(e))})" if e.reasons else ""
        lines.append(f"        {e.status.value:<10} {clean(e.outlet)}  score {e.score:g}{why}")
        if e.status.value != "verbatim":
            lines.append(f"                   {_one_line(diff_text(e), 140)}")
        note = speaker_note(e)
        if note:
            lines.append(f"                   {note}")
    for e in c.speaker_conflicts:
        lines.append(f"        ! {clean(e.outlet)} gives these words to {clean(e.speaker or '?')}")
        both = conflict_sentences(e)
        if both:
            lines.append(f"            the article: {_one_line(both[0], 140)}")
            lines.append(f"            {clean(e.outlet)}: {_one_line(both[1], 140)}")
    return lines


def text_section(report: Report) -> list[str]:
    if not report.coverage and not report.corroborations:
        return []
    counts = dict(corroboration_counts(report.corroborations))
    used = sum(p.error is None for p in report.coverage)
    lines = ["", f"Coverage: {counted(used, 'page')} used, {len(report.coverage) - used} skipped"]
    if counts:
        lines.append("  " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for reason, n in unchecked_reasons(report.corroborations):
        lines.append(f"  unchecked: {n} ({UNCHECKED_TEXT[reason]})")
    for p in report.coverage:
        if p.error:
            lines.append(f"  skipped: {_one_line(p.error, 150)}")
    return lines


# -- Markdown --------------------------------------------------------------------------


def diff_md(e: Evidence) -> str:
    parts = []
    for op, words in e.diff:
        words = _md(words)
        parts.append(words if op == "=" else f"~~{words}~~" if op == "-" else f"**{words}**")
    return " ".join(parts)


def md_lines(report: Report, statement_id: str) -> list[str]:
    c = next((c for c in report.corroborations if c.statement == statement_id), None)
    if c is None:
        return []
    lines = [f"  - corroboration: **{_md(status_text(c))}**"]
    for e in c.evidence:
        why = f" ({_md(reasons_text(e))})" if e.reasons else ""
        note = speaker_note(e)
        lines.append(f"    - {e.status.value} in {_md(e.outlet)} (score {e.score:g}){why}: {diff_md(e)}"
                     + (f" ({_md(note)})" if note else ""))
    for e in c.speaker_conflicts:
        lines.append(f"    - ⚠ {_md(e.outlet)} gives these words to {_md(e.speaker or '?')}")
        both = conflict_sentences(e)
        if both:
            lines.append(f"      - the article: {_md(both[0])}")
            lines.append(f"      - {_md(e.outlet)}: {_md(both[1])}")
    return lines


def md_section(report: Report) -> list[str]:
    out = []
    info = outlet_info(report, report.article.outlet)
    if info is not None:
        note = f"; {_md(info.note)}" if info.note else ""
        out += ["## Outlet", "", f"{_md(info.name)}: {', '.join(info.kinds)}{note}. "
                "Shown as information, not as a verdict. Sources: "
                + "; ".join(_md(s) for s in info.sources), ""]
    if not report.coverage and not report.corroborations:
        return out
    counts = corroboration_counts(report.corroborations)
    out += ["## Coverage", "", ", ".join(f"{k}: {v}" for k, v in counts) or "no statements checked", ""]
    for reason, n in unchecked_reasons(report.corroborations):
        out += [f"Unchecked: {n} ({UNCHECKED_TEXT[reason]}).", ""]
    for p in report.coverage:
        state = f"skipped: {_md(p.error)}" if p.error else f"{_md(p.outlet or '')} {_md(p.title or '')}".strip()
        out.append(f"- {_md(p.url)} ({p.origin}): {state}")
    out.append("")
    return out


# -- HTML ------------------------------------------------------------------------------


def _esc(text: str | None) -> str:
    return html.escape(clean(text or ""), quote=True)


def _link(url: str, label: str) -> str:
    """A link only for http(s) addresses; anything else from the web stays text."""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{_esc(url)}" rel="noreferrer noopener">{_esc(label)}</a>'
    return f'{_esc(label)} <span class="muted">({_esc(url)})</span>'


def diff_html(e: Evidence) -> str:
    """The word diff with what the other outlet dropped struck through and what it added
    underlined (colour too, but never colour alone)."""
    parts = []
    for op, words in e.diff:
        words = _esc(words)
        parts.append(words if op == "=" else f"<del>{words}</del>" if op == "-" else f"<ins>{words}</ins>")
    return " ".join(parts)


def status_html(report: Report, statement_id: str) -> str:
    """The corroboration status for the statement table; empty when nothing was checked."""
    c = next((c for c in report.corroborations if c.statement == statement_id), None)
    if c is None:
        return ""
    warn = " ⚠" if c.speaker_conflicts else ""
    return f'<a class="status {_esc(c.status.value)}" href="#cov-{_esc(statement_id)}">{_esc(c.status.value)}{warn}</a>'


def html_section(report: Report) -> str:
    """What the outlet list says about the outlet, and every statement's evidence."""
    out = []
    info = outlet_info(report, report.article.outlet)
    if info is not None:
        note = f"; {_esc(info.note)}" if info.note else ""
        out.append(f'<section id="outlet"><h2>Outlet</h2><p>{_esc(info.name)}: '
                   f"{_esc(', '.join(info.kinds))}{note}. <span class=\"muted\">Information, not a "
                   f"verdict. Sources: {'; '.join(_esc(x) for x in info.sources)}</span></p></section>")
    if not report.coverage and not report.corroborations:
        return "".join(out)
    counts = ", ".join(f"{_esc(k)} {v}" for k, v in corroboration_counts(report.corroborations))
    items = []
    for c in report.corroborations:
        if not c.evidence:
            continue
        rows = []
        for e in c.evidence:
            why = f" ({_esc(reasons_text(e))})" if e.reasons else ""
            unsure = speaker_note(e)
            rows.append(f'<li><b class="status {_esc(e.status.value)}">{_esc(e.status.value)}</b> '
                        f'{_link(e.url, e.outlet)} · score {e.score:g}{why}'
                        + (f' <span class="muted">· {_esc(unsure)}</span>' if unsure else "")
                        + f'<blockquote>{diff_html(e)}</blockquote></li>')
        for e in c.speaker_conflicts:
            both = conflict_sentences(e)
            named = (f"<br>the article: <q>{_esc(both[0])}</q><br>{_esc(e.outlet)}: <q>{_esc(both[1])}</q>"
                     if both else "")
            rows.append(f"<li>⚠ {_esc(e.outlet)} gives these words to {_esc(e.speaker or '?')}{named}</li>")
        items.append(f'<li id="cov-{_esc(c.statement)}"><a href="#{_esc(c.statement)}">{_esc(c.statement)}</a> '
                     f'<b>{_esc(c.status.value)}</b><ul>{"".join(rows)}</ul></li>')
    skipped = "".join(f"<li>{_esc(p.url)}: {_esc(p.error)}</li>" for p in report.coverage if p.error)
    unchecked = "".join(f"<p>Unchecked: {n} ({_esc(UNCHECKED_TEXT[reason])}).</p>"
                        for reason, n in unchecked_reasons(report.corroborations))
    out.append('<section id="coverage"><h2>Coverage</h2>'
               f'<p>{counts or "no statements checked"}</p>{unchecked}'
               + (f'<ol class="evidence">{"".join(items)}</ol>' if items else "")
               + (f'<h3>Pages skipped</h3><ul>{skipped}</ul>' if skipped else "")
               + "</section>")
    return "".join(out)
