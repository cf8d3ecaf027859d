"""The rows a scan writes: one per article, statement, flag and error, with the columns
docs/scan.md explains. Plain values only: the table writer gives them their Arrow types."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Report, Severity, SourceType

# (column, type) per table, in order. Types: string, int32, float64, date32, list<string>.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("document", "string"), ("input", "string"), ("url", "string"), ("outlet", "string"),
        ("date", "date32"), ("title", "string"), ("words", "int32"), ("statements", "int32"),
        ("direct", "int32"), ("indirect", "int32"), ("mixed", "int32"), ("named", "int32"),
        ("anonymous", "int32"), ("vague", "int32"), ("flags", "int32"), ("flags_error", "int32"),
        ("flags_warning", "int32"), ("flags_info", "int32"), ("worst_flag", "string"),
        ("score", "float64"), ("verdict", "string"),
    ),
    "statements": (
        ("document", "string"), ("outlet", "string"), ("date", "date32"), ("statement", "string"),
        ("kind", "string"), ("speaker", "string"), ("speaker_resolved", "string"), ("resolution", "string"),
        ("source_type", "string"), ("role", "string"), ("cue", "string"), ("cue_class", "string"),
        ("content", "string"), ("via", "list<string>"), ("flags", "list<string>"),
        ("start", "int32"), ("end", "int32"),
    ),
    "flags": (
        ("document", "string"), ("outlet", "string"), ("date", "date32"), ("flag", "string"),
        ("rule", "string"), ("category", "string"), ("severity", "string"), ("statement", "string"),
        ("text", "string"), ("message", "string"), ("start", "int32"), ("end", "int32"),
    ),
    "errors": (("document", "string"), ("input", "string"), ("reason", "string")),
}
TABLES = tuple(COLUMNS)

# Named on the record: a person, organisation, government body, agency or document.
NAMED = frozenset({SourceType.PERSON, SourceType.ORGANIZATION, SourceType.GOVERNMENT,
                   SourceType.NEWS_AGENCY, SourceType.DOCUMENT})
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date an ISO 8601 value starts with ("2024-03-05T10:00Z" -> 2024-03-05);
    None for anything else, rather than a guess."""
    m = _ISO_DATE.match(value.strip()) if value else None
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def worst(report: Report) -> Severity | None:
    return max((f.severity for f in report.flags), key=lambda s: s.rank, default=None)


def article_row(document: str, input_name: str, outlet: str | None, date: dt.date | None,
                report: Report) -> dict[str, Any]:
    a, statements, flags = report.article, report.statements, report.flags
    kinds = [st.kind.value for st in statements]
    types = [st.source.type for st in statements]
    severities = [f.severity for f in flags]
    top = worst(report)
    return {
        "document": document, "input": input_name, "url": a.url, "outlet": outlet, "date": date,
        "title": a.title, "words": a.words, "statements": len(statements),
        "direct": kinds.count("direct"), "indirect": kinds.count("indirect"), "mixed": kinds.count("mixed"),
        "named": sum(t in NAMED for t in types), "anonymous": types.count(SourceType.ANONYMOUS),
        "vague": types.count(SourceType.VAGUE), "flags": len(flags),
        "flags_error": severities.count(Severity.ERROR), "flags_warning": severities.count(Severity.WARNING),
        "flags_info": severities.count(Severity.INFO), "worst_flag": top.value if top else None,
        "score": report.summary.score, "verdict": report.summary.verdict or None,
    }


def statement_rows(document: str, outlet: str | None, date: dt.date | None, report: Report) -> list[dict[str, Any]]:
    text = report.article.text
    on: dict[str, list[str]] = {}
    for f in report.flags:
        if f.statement is not None:
            on.setdefault(f.statement, []).append(f.rule)
    rows = []
    for st in report.statements:
        src, span = st.source, st.span
        rows.append({
            "document": document, "outlet": outlet, "date": date, "statement": st.id, "kind": st.kind.value,
            "speaker": src.text or None, "speaker_resolved": src.name or None, "resolution": src.resolution.value,
            "source_type": src.type.value, "role": src.role, "cue": st.cue_text, "cue_class": st.cue_class,
            "content": st.content_text(text), "via": [r.text for r in st.via], "flags": on.get(st.id, []),
            "start": span.start, "end": span.end,
        })
    return rows


def flag_rows(document: str, outlet: str | None, date: dt.date | None, report: Report) -> list[dict[str, Any]]:
    return [{"document": document, "outlet": outlet, "date": date, "flag": f.id, "rule": f.rule,
             "category": f.category, "severity": f.severity.value, "statement": f.statement, "text": f.text,
             "message": f.message, "start": f.span.start, "end": f.span.end} for f in report.flags]


def error_row(document: str, input_name: str, reason: str) -> dict[str, Any]:
    return {"document": document, "input": input_name, "reason": reason}
