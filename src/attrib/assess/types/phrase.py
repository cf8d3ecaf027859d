"""``type: phrase``: words and patterns in the text, like a style linter's existence
check ("reportedly", "so-called X", "it is believed that")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from ...errors import RuleError
from ...model import Span
from ...rulebook import Rulebook
from ..conditions import unless_holds, when_holds
from ..hits import Hit, message
from ..terms import Terms, parse_terms

if TYPE_CHECKING:
    from ..rule import FlagRule
    from ..statement_index import StatementIndex

SCOPES = ("text", "outside-quotes", "inside-quotes", "narration", "unsourced")


def in_scope(doc: StatementIndex, span: Span, scope: str) -> bool:
    """``outside-quotes``: the reporter's words only; a hedge inside a speaker's quoted
    words is the speaker's, not the article's. ``narration``: also outside the content of
    any statement that gives a source, for words that are the source's choice when
    reported ("is expected to ..." gives none: its content is the reporter's).
    ``unsourced``: narration that is not the source or cue of a statement that gives a
    source either ("analysts argue": the vague-source rules judge the source)."""
    if scope == "text":
        return True
    quoted = doc.layout.in_quotes(span)
    if scope == "inside-quotes":
        return quoted
    if quoted or scope == "outside-quotes":
        return not quoted
    owner = doc.content_holding(span)
    if owner is not None and owner.source.span is not None:
        return False  # a passive with no source is the reporter's
    if scope == "unsourced":  # nor the words that give a source: "critics argue", "he argued"
        return not any(st.source.span is not None and (st.cue.overlaps(span) or st.source.span.overlaps(span))
                       for st in doc.statements_in(span))
    return True


@dataclass(frozen=True, slots=True)
class PhraseCheck:
    name: ClassVar[str] = "phrase"
    keys: ClassVar[tuple[str, ...]] = ("match", "scope")
    fields: ClassVar[tuple[str, ...]] = ("sentence", "paragraph")
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "context"})

    match: Terms
    scope: str = "text"

    @classmethod
    def parse(cls, data: Mapping[str, Any], rules: Rulebook, file: str, rule: str) -> PhraseCheck:
        if "match" not in data:
            raise RuleError(file, "is required for a phrase rule", rule, "match")
        scope = data.get("scope", "text")
        if scope not in SCOPES:
            raise RuleError(file, f"must be one of: {', '.join(SCOPES)}", rule, "scope")
        return cls(parse_terms(data["match"], rules, file, rule, "match"), scope)

    def run(self, rule: FlagRule, doc: StatementIndex) -> Iterator[Hit]:
        text, layout = doc.text, doc.layout
        for start, end in self.match.finditer(text, scan=doc.scan):
            span = Span(start, end)
            if not in_scope(doc, span, self.scope):
                continue
            sentence, paragraph = layout.sentence_at(start), layout.paragraph_at(start)
            texts = {"sentence": partial(sentence.of, text), "paragraph": partial(paragraph.of, text)}
            ok, context = when_holds(rule.when, texts)
            if not ok or unless_holds(rule.unless, texts):
                continue
            owner = doc.statement_holding(span)
            yield Hit(rule, span, rule.level, message(rule, match=span.of(text), context=context),
                      owner.id if owner else None, rule.confidence)
