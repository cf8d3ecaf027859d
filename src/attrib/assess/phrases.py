"""``type: phrase`` rules: words and patterns in the text, like a style linter's
existence check ("reportedly", "so-called X", "it is believed that")."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Span
from .conditions import unless_holds, when_holds
from .document import Document
from .hits import Hit, message
from .ruleset import FlagRule, PhraseCheck


def in_scope(doc: Document, span: Span, scope: str) -> bool:
    """``outside-quotes``: the reporter's words only; a hedge inside a speaker's quoted
    words is the speaker's, not the article's. ``narration``: also outside the content of
    any attributed statement, for words that are the source's choice when reported."""
    if scope == "text":
        return True
    quoted = doc.in_quotes(span)
    if scope == "inside-quotes":
        return quoted
    return not quoted and (scope == "outside-quotes" or doc.content_holding(span) is None)


def run_phrase(rule: FlagRule, doc: Document) -> Iterator[Hit]:
    check = rule.check
    assert isinstance(check, PhraseCheck)
    text = doc.text
    for start, end in check.match.finditer(text):
        span = Span(start, end)
        if not in_scope(doc, span, check.scope):
            continue
        sentence, paragraph = doc.sentence_at(start), doc.paragraph_at(start)
        texts = {"sentence": lambda: sentence.of(text), "paragraph": lambda: paragraph.of(text)}
        ok, context = when_holds(rule.when, texts)
        if not ok or unless_holds(rule.unless, texts):
            continue
        owner = doc.statement_holding(span)
        yield Hit(rule, span, rule.level, message(rule, match=span.of(text), context=context),
                  owner.id if owner else None)
