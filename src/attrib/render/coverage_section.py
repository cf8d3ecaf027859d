"""Corroboration in the reports: JSON fields, text lines and Markdown sections. Each
renderer calls these; nothing here computes a finding."""

from __future__ import annotations

import html
from typing import Any

from ..corroborate.summary import corroboration_counts
from ..model import Corroboration, CoveragePage, Evidence, OutletInfo, Report
from ..safety import clean
from ..safety import markdown_inline as _md

# -- JSON ------------------------------------------------------------------------------


def outlet_to_dict(info: OutletInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {"domain": info.domain, "name": info.name, "kinds": list(info.kinds), "note": info.note,
            "sources": list(info.sources)}


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    return {"outlet": e.outlet, "url": e.url, "status": e.status.value, "score": e.score,
            "passage": e.passage, "diff": [[op, words] for op, words in e.diff],
            "reasons": list(e.reasons), "speaker": e.speaker, "same_speaker": e.same_speaker}


def corroboration_to_dict(c: Corroboration) -> dict[str, Any]:
    return {"status": c.status.value, "speaker_conflict": bool(c.speaker_conflicts),
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


def text_lines(report: Report, statement_id: str) -> list[str]:
    c = next((c for c in report.corroborations if c.statement == statement_id), None)
    if c is None:
        return []
    lines = [f"      corroboration: {c.status.value}"
             + (f" ({len(c.evidence)} outlet{'s' * (len(c.evidence) != 1)})" if c.evidence else "")]
    for e in c.evidence:
        why = f" ({'; '.join(clean(r) for r in e.reasons)})" if e.reasons else ""
        lines.append(f"        {e.status.value:<10} {clean(e.outlet)}  score {e.score:g}{why}")
        if e.status.value != "verbatim":
            lines.append(f"                   {_one_line(diff_text(e), 140)}")
    for e in c.speaker_conflicts:
        lines.append(f"        ! {clean(e.outlet)} gives these words to {clean(e.speaker or '?')}")
    return lines


def text_section(report: Report) -> list[str]:
    if not report.coverage and not report.corroborations:
        return []
    counts = dict(corroboration_counts(report.corroborations))
    used = sum(p.error is None for p in report.coverage)
    lines = ["", f"Coverage: {used} page{'s' * (used != 1)} used, {len(report.coverage) - used} skipped"]
    if counts:
        lines.append("  " + ", ".join(f"{k} {v}" for k, v in counts.items()))
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
    lines = [f"  - corroboration: **{c.status.value}**"]
    for e in c.evidence:
        why = f" ({_md('; '.join(e.reasons))})" if e.reasons else ""
        lines.append(f"    - {e.status.value} in {_md(e.outlet)} (score {e.score:g}){why}: {diff_md(e)}")
    for e in c.speaker_conflicts:
        lines.append(f"    - ⚠ {_md(e.outlet)} gives these words to {_md(e.speaker or '?')}")
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
            why = f" ({_esc('; '.join(e.reasons))})" if e.reasons else ""
            rows.append(f'<li><b class="status {_esc(e.status.value)}">{_esc(e.status.value)}</b> '
                        f'{_link(e.url, e.outlet)} · score {e.score:g}{why}'
                        f'<blockquote>{diff_html(e)}</blockquote></li>')
        for e in c.speaker_conflicts:
            rows.append(f"<li>⚠ {_esc(e.outlet)} gives these words to {_esc(e.speaker or '?')}</li>")
        items.append(f'<li id="cov-{_esc(c.statement)}"><a href="#{_esc(c.statement)}">{_esc(c.statement)}</a> '
                     f'<b>{_esc(c.status.value)}</b><ul>{"".join(rows)}</ul></li>')
    skipped = "".join(f"<li>{_esc(p.url)}: {_esc(p.error)}</li>" for p in report.coverage if p.error)
    out.append('<section id="coverage"><h2>Coverage</h2>'
               f'<p>{counts or "no statements checked"}</p>'
               + (f'<ol class="evidence">{"".join(items)}</ol>' if items else "")
               + (f'<h3>Pages skipped</h3><ul>{skipped}</ul>' if skipped else "")
               + "</section>")
    return "".join(out)
