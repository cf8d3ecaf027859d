"""The ``attrib.report/1`` JSON object (docs/report.schema.json is its contract)."""

from __future__ import annotations

import json
from typing import Any

from ..model import Flag, Relay, Report, Source, Span, Statement, Summary
from ..safety import json_escaped
from .context import verdict_words


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else span.as_list()


def _source(src: Source) -> dict[str, Any]:
    return {"text": src.text, "span": _span(src.span), "type": src.type.value,
            "role": src.role, "resolved": src.resolved, "resolution": src.resolution.value,
            "confidence": src.confidence, "antecedent": _span(src.antecedent)}


def _relay(relay: Relay) -> dict[str, Any]:
    return {"text": relay.text, "span": _span(relay.span), "relation": relay.relation,
            "type": relay.type.value}


def statement_to_dict(st: Statement, text: str) -> dict[str, Any]:
    return {
        "id": st.id,
        "kind": st.kind.value,
        "cue_class": st.cue_class,
        "source": _source(st.source),
        "cue": {"text": st.cue_text, "span": _span(st.cue)},
        "content": {"text": st.content_text(text), "spans": [_span(c) for c in st.content]},
        "via": [_relay(r) for r in st.via],
        "sentence": _span(st.sentence),
    }


def flag_to_dict(flag: Flag) -> dict[str, Any]:
    return {"id": flag.id, "rule": flag.rule, "category": flag.category,
            "severity": flag.severity.value, "span": _span(flag.span), "text": flag.text,
            "message": flag.message, "explanation": flag.explanation,
            "statement": flag.statement, "sentence": _span(flag.sentence), "confidence": flag.confidence}


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    return {
        "statements": summary.statements,
        "by_kind": dict(summary.by_kind),
        "by_source_type": dict(summary.by_source_type),
        "by_flag_category": dict(summary.by_flag_category),
        "distinct_sources": list(summary.distinct_sources),
        "named_on_record_share": summary.named_on_record_share,
        "score": summary.score,
        "verdict": summary.verdict,
        "not_assessed": summary.not_assessed,
        "unscored": list(summary.unscored),
        "breakdown": [{"reason": i.reason, "points": i.points, "flags": list(i.flags)}
                      for i in summary.breakdown],
        "corroboration": dict(summary.corroboration),
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    from .coverage_section import add_to_json

    a = report.article
    out = {
        "schema": report.schema,
        "article": {"text": a.text, "title": a.title, "url": a.url, "outlet": a.outlet,
                    "published": a.published, "byline": a.byline, "sha256": a.digest},
        "statements": [statement_to_dict(st, a.text) for st in report.statements],
        "flags": [flag_to_dict(f) for f in report.flags],
        "summary": summary_to_dict(report.summary),
        "reviews": [{"finding": v.finding, "state": v.state, "note": v.note, "speaker": v.speaker,
                     "meaning": verdict_words(report, v)} for v in report.verdicts],
    }
    add_to_json(report, out)
    return out


def to_json(report: Report) -> str:
    return json_escaped(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)) + "\n"
