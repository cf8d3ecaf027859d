"""Corroboration in the reports: JSON fields, text lines and Markdown sections. Each
renderer calls these; nothing here computes a finding."""

from __future__ import annotations

from typing import Any

from ..corroborate import corroboration_counts, speaker_conflicts
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
    return {"status": c.status.value, "speaker_conflict": bool(speaker_conflicts(c)),
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
    for e in speaker_conflicts(c):
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
    for e in speaker_conflicts(c):
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
