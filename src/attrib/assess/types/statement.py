"""``type: statement``: conditions on the statements the attribution engine found (source
type, cue class, kind, the words of source, cue and content)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from ...errors import RuleError
from ...model import Resolution, Span, Statement
from ...rulebook import Rulebook
from ..conditions import TEXT_FIELDS, unless_holds, when_holds
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


class StatementTexts(Mapping[str, Callable[[], str]]):
    """The texts a condition on a statement reads, each made when first asked for and
    kept: every statement rule shares them."""

    __slots__ = ("_doc", "_made", "_st")

    def __init__(self, st: Statement, doc: StatementIndex):
        self._st, self._doc = st, doc
        self._made: dict[str, str] = {}

    def _make(self, name: str) -> str:
        st, text = self._st, self._doc.text
        if name == "source":  # a pronoun is judged by the words it points back to: "they" -> "Two infected passengers"
            return st.source.resolved or st.source.text if st.source.resolution is Resolution.PRONOUN else st.source.text
        if name == "cue":
            return st.cue_text
        if name == "from_cue":  # the cue and the rest of its sentence: "believe that ...", "found signs of ..."
            return text[st.cue.start:max(st.cue.end, st.sentence.end)]
        if name == "content":
            return st.content_text(text)
        if name == "sentence":
            return st.sentence.of(text)
        if name == "paragraph":
            return self._doc.layout.paragraph_at(st.sentence.start).of(text)
        raise KeyError(name)

    def __getitem__(self, name: str) -> Callable[[], str]:
        def get() -> str:
            if name not in self._made:
                self._made[name] = self._make(name)
            return self._made[name]
        return get

    def __iter__(self) -> Iterator[str]:
        return iter(TEXT_FIELDS)

    def __len__(self) -> int:
        return len(TEXT_FIELDS)


@dataclass(frozen=True, slots=True)
class StatementCheck:
    name: ClassVar[str] = "statement"
    keys: ClassVar[tuple[str, ...]] = ("span",)
    fields: ClassVar[tuple[str, ...]] = ("source_type", "kind", "cue_class", "source_given", "relayed",
                                         *TEXT_FIELDS)
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
            texts = doc.memo(st, "texts", partial(StatementTexts, st, doc))
            ok, context = when_holds(rule.when, texts, st)
            if not ok or unless_holds(rule.unless, texts, st):
                continue
            span = flag_span(st, self.span)
            yield Hit(rule, span, rule.level,
                      message(rule, match=span.of(text), source=st.source.name or "(none)",
                              cue=st.cue_text, type=source_type_key(st), context=context), st.id,
                      rule.confidence)
