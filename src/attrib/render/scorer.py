"""The JSON Lines form the reference scorer (eval/score_attributions.py) reads."""

from __future__ import annotations

import json
import re

from ..model import Span, Statement
from ..safety import json_escaped

# ", a spokesman for the ministry," (or between dashes) after a source and before its
# cue, auxiliaries aside; after an inverted cue, the rest of the sentence
_APPOSITIVE_BEFORE = re.compile(
    r"[ \t]*(?:,(?:[^,\"“”\n]{2,160},){1,3}|[ \t]—[^—\"“”\n]{2,160}—)(?=[ \t]*(?:[a-z]+[ \t]+){0,2}$)")
_APPOSITIVE_AFTER = re.compile(r"[ \t]*(?:,|\()[^\"“”\n]{2,200}")


def source_span(st: Statement, text: str) -> Span | None:
    """The source as corpora such as PolNeAR mark it: the noun phrase with the appositive
    set off by commas beside it ("Huma Abedin, vice chairwoman for Clinton's campaign,
    said"; "said Jack Buser, director for games"). attrib keeps the appositive as the
    source's role; the scorer's exact match wants it inside the span."""
    src = st.source
    if src.span is None:
        return None
    span = src.span
    if span.end <= st.cue.start:
        m = _APPOSITIVE_BEFORE.match(text, span.end, st.cue.start)
        if m:
            return Span(span.start, m.end())
    elif span.start >= st.cue.end:
        end = max(st.sentence.end, span.end)
        m = _APPOSITIVE_AFTER.match(text, span.end, end)
        if m and not any(c.start < m.end() and span.end < c.end for c in st.content):
            stop = m.end()
            while stop > span.end and text[stop - 1] in " \t.!?":
                stop -= 1
            return Span(span.start, stop)
    return span


def scorer_line(doc: str, statements: tuple[Statement, ...], text: str | None = None) -> str:
    """One document's attributions; with the text, sources take their appositives."""
    atts = []
    for st in statements:
        src = source_span(st, text) if text is not None else st.source.span
        atts.append({
            "cue": [st.cue.as_list()],
            "source": [src.as_list()] if src is not None else [],
            "content": [c.as_list() for c in st.content],
        })
    return json_escaped(json.dumps({"doc": doc, "attributions": atts}, ensure_ascii=False))
