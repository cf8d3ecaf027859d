"""Passes over all statements of an article once every cue has been read."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Kind, RelayRelation, Span, Statement
from .reader import Reader
from .words import strip_edges

# What joins two clauses of one sentence, right before the second one's subject or cue.
_JOINT = re.compile(r"(?:,?\s+(?:and|but|then|while|(?P<as>as))(?:\s+also)?|\s*;)\s*$")


def continue_quotes(doc: Reader, found: list[Statement]) -> list[Statement]:
    """A quoted sentence right after a direct quote, in the same paragraph and with no cue
    of its own, continues that quote: ``"We won," she said. "Now we rebuild."``"""
    text = doc.text
    out = []
    for st in found:
        if st.kind == Kind.DIRECT and st.content:
            last = max(st.content[-1].end, st.sentence.end)
            spans = list(st.content)
            while True:
                nxt = doc.layout.next_quote(last)
                if nxt is None or "\n" in text[last:nxt.span.start]:
                    break
                tail = doc.sentence_at(nxt.span.start)
                if any(tail.start <= other.cue.start < max(tail.end, nxt.span.end)
                       for other in found if other is not st):
                    break  # the quote has a cue of its own
                if text[tail.start:nxt.span.start].strip() or nxt.span.end < tail.end - 1:
                    break
                spans.extend(nxt.parts)
                last = nxt.span.end
            if len(spans) > len(st.content):
                st = replace(st, content=tuple(spans), sentence=Span(st.sentence.start, last))
        out.append(st)
    return out


def tidy_nested(doc: Reader, found: list[Statement]) -> list[Statement]:
    """Settle a statement whose content holds the next cue of its sentence:

    * ``said it was not involved but added: "..."``: the first content stops where the
      second clause begins, and so for ``Residents say ..., and some want ...``;
    * ``denied ..., as the union claimed``: "as X claimed" takes that same content;
    * ``said ..., citing two captains``: "citing" is the first statement's relay (already
      recorded as ``cites``), not a statement of its own.
    Nested reports with no such joint (``X said Y believes Z``) are left as they are."""
    text = doc.text
    out: list[Statement] = []
    for st in found:
        prev = out[-1] if out else None
        if prev is not None and st.cue_text.lower() in doc.e.citing and prev.sentence.start == st.sentence.start \
                and any(r.relation is RelayRelation.CITES for r in prev.via) and not prev.content[-1].start < st.cue.start < prev.content[-1].end:
            continue  # "said, citing two captains": recorded on the statement as a relay
        last = prev.content[-1] if prev is not None and prev.content else None
        if prev is None or last is None or prev.sentence.start != st.sentence.start \
                or not last.start < st.cue.start < last.end:
            out.append(st)
            continue
        if st.cue_text.lower() in doc.e.citing:
            comma = text.rfind(",", last.start, st.cue.start)
            out[-1] = _cut(doc, prev, comma if comma > last.start else st.cue.start)
            continue
        src = st.source.span
        lead = src.start if src is not None and src.start > last.start else st.cue.start
        joint = _JOINT.search(text, last.start, lead)
        if joint is not None:
            out[-1] = _cut(doc, prev, joint.start())
            if joint.group("as") and doc.ends_sentence(st.cue.end, doc.sentence_at(st.cue.start)):
                shared = out[-1].content[-1:]
                st = replace(st, content=shared, kind=doc.kind_of(shared))
        out.append(st)
    return out


def _cut(doc: Reader, st: Statement, end: int) -> Statement:
    last = st.content[-1]
    kept = strip_edges(doc.text, last.start, end)
    if not kept:
        return st
    content = (*st.content[:-1], kept)
    return replace(st, content=content, kind=doc.kind_of(content))
