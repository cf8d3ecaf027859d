"""``type: statement``: conditions on the statements the attribution engine found (source
type, cue class, kind, the words of source, cue and content)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...errors import RuleError
from ...model import Resolution, Span, Statement
from ...rulebook import Rulebook
from ..conditions import unless_holds, when_holds
from ..hits import Hit, message
from ..sourcing import source_type_key

if TYPE_CHECKING:
    from ..rule import FlagRule
    from ..statement_index import StatementIndex

SPANS = ("source", "cue", "cue-source", "content", "sentence")


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


@dataclass(frozen=True, slots=True)
class StatementCheck:
    name: ClassVar[str] = "statement"
    keys: ClassVar[tuple[str, ...]] = ("span",)
    fields: ClassVar[tuple[str, ...]] = ("source_type", "kind", "cue_class", "source_given", "relayed",
                                         "source", "cue", "from_cue", "content", "sentence", "paragraph")
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "source", "cue", "type", "context"})

    span: str = "source"

    @classmethod
    def parse(cls, data: Mapping[str, Any], rules: Rulebook, file: str, rule: str) -> StatementCheck:
        span = data.get("span", "source")
        if span not in SPANS:
            raise RuleError(file, f"must be one of: {', '.join(SPANS)}", rule, "span")
        return cls(span)

    def run(self, rule: FlagRule, doc: StatementIndex) -> Iterator[Hit]:
        text = doc.text
        for st in doc.statements:
            texts = {
                # a pronoun is judged by the words it points back to: "they" -> "Two infected passengers"
                "source": lambda st=st: (st.source.resolved or st.source.text
                                         if st.source.resolution is Resolution.PRONOUN else st.source.text),
                "cue": lambda st=st: st.cue_text,
                # the cue and the rest of its sentence: "believe that ...", "found signs of ..."
                "from_cue": lambda st=st: text[st.cue.start:max(st.cue.end, st.sentence.end)],
                "content": lambda st=st: st.content_text(text),
                "sentence": lambda st=st: st.sentence.of(text),
                "paragraph": lambda st=st: doc.layout.paragraph_at(st.sentence.start).of(text),
            }
            ok, context = when_holds(rule.when, texts, st)
            if not ok or unless_holds(rule.unless, texts, st):
                continue
            span = flag_span(st, self.span)
            yield Hit(rule, span, rule.level,
                      message(rule, match=span.of(text), source=st.source.name or "(none)",
                              cue=st.cue_text, type=source_type_key(st), context=context), st.id,
                      rule.confidence)
