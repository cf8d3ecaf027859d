"""``type: statement`` rules: conditions on the statements the attribution engine found
(source type, cue class, kind, the words of source, cue and content)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Span, Statement
from .conditions import unless_holds, when_holds
from .document import Document
from .hits import Hit, message
from .ruleset import FlagRule, StatementCheck
from .sources import source_type_key


def flag_span(st: Statement, which: str) -> Span:
    """The part of the statement the flag marks; the cue stands in for a missing source."""
    src = st.source.span
    if which == "source" and src is not None:
        return src
    if which == "cue-source" and src is not None:
        return Span(min(src.start, st.cue.start), max(src.end, st.cue.end))
    if which == "content" and st.content:
        return Span(st.content[0].start, st.content[-1].end)
    if which == "sentence":
        return st.sentence
    return st.cue


def run_statement(rule: FlagRule, doc: Document) -> Iterator[Hit]:
    check = rule.check
    assert isinstance(check, StatementCheck)
    text = doc.text
    for st in doc.statements:
        texts = {
            "source": lambda st=st: st.source.text,
            "cue": lambda st=st: st.cue_text,
            "content": lambda st=st: st.content_text(text),
            "sentence": lambda st=st: st.sentence.of(text),
            "paragraph": lambda st=st: doc.paragraph_at(st.sentence.start).of(text),
        }
        ok, context = when_holds(rule.when, texts, st)
        if not ok or unless_holds(rule.unless, texts, st):
            continue
        span = flag_span(st, check.span)
        yield Hit(rule, span, rule.level,
                  message(rule, match=span.of(text), source=st.source.name or "(none)",
                          cue=st.cue_text, type=source_type_key(st), context=context), st.id)
