"""``type: claim``: sentences that assert a checkable fact with no source.

How a sentence is judged, in order (docs/assess.md has the reasoning):

1. Only prose counts: a sentence ending in ``.``, ``!`` or ``?`` (before any closing
   quote or bracket) with at least ``min_words`` words. Headlines, datelines, bylines
   and credit lines end without one.
2. A sentence with a statement that gives a source (even a vague one) is attributed;
   weak attribution is the business of the vague-source and anonymous-source rules. A
   passive with no source ("it is believed", "is thought to") attributes nothing.
3. Attribution carries over: quoted words belong to the quote's speaker (with scope
   ``outside-quotes`` the quoted parts of a sentence are not read), and a sentence right
   after an attributed one in the same paragraph that reads as reported speech
   (``carry_over``: "would", "could", "had been") continues it.
4. What is left is a claim when it matches one of the named ``claims`` kinds (numbers,
   dates, events, causes, characterisations). A question is never a claim.
5. Severity: ``level``, or ``background_level`` when the sentence reads as background
   (``background``, e.g. "was founded in", "in 2014") and has no ``recent`` marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from ...errors import RuleError
from ...model import Severity, Span
from ...rulebook import Rulebook, expect, severity, whole_number
from ..conditions import unless_holds, when_holds
from ..hits import Hit, message, natural_list
from ..terms import Terms, parse_terms

if TYPE_CHECKING:
    from ..rule import FlagRule
    from ..statement_index import StatementIndex

_PROSE_END = re.compile(r"[.!][\"”’')\]]*$")
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")


def _blank_quotes(doc: StatementIndex, sentence: Span) -> str:
    """The sentence with quoted stretches replaced by spaces (offsets kept)."""
    chars = list(sentence.of(doc.text))
    for q in doc.layout.quotes:
        if q.span.end <= sentence.start or q.span.start >= sentence.end:
            continue
        lo, hi = max(q.span.start, sentence.start), min(q.span.end, sentence.end)
        chars[lo - sentence.start:hi - sentence.start] = " " * (hi - lo)
    return "".join(chars)


def _attributed(doc: StatementIndex, sentence: Span) -> bool:
    """Statements that name a source (even a vague one) cover most of the sentence. A
    passive with no source ("it is believed", "was seen") attributes nothing: the
    agentless rules flag its wording. A statement inside a larger claim ("workers rushed
    to occupy the office as managers announced the cuts") leaves the claim unsourced."""
    early = sentence.start + 0.4 * len(sentence)
    for st in doc.statements_in(sentence):
        if st.source.span is None:
            continue
        opening = min(st.source.span.start, st.cue.start, *(c.start for c in st.content))
        if opening <= early:
            return True
    return False


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    name: ClassVar[str] = "claim"
    keys: ClassVar[tuple[str, ...]] = ("claims", "background", "recent", "background_level", "carry_over",
                                       "min_words", "scope")
    fields: ClassVar[tuple[str, ...]] = ("sentence", "paragraph")
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "claims"})

    claims: tuple[tuple[str, Terms], ...]
    background: Terms | None = None
    recent: Terms | None = None
    background_level: Severity = Severity.INFO
    carry_over: Terms | None = None
    min_words: int = 6
    scope: str = "outside-quotes"

    @classmethod
    def parse(cls, data: Mapping[str, Any], rules: Rulebook, file: str, rule: str) -> ClaimCheck:
        claims = expect(data.get("claims"), dict, file, rule, "claims")
        if not claims:
            raise RuleError(file, "needs at least one kind of claim", rule, "claims")
        named = tuple((str(name), parse_terms(terms, rules, file, rule, f"claims.{name}"))
                      for name, terms in claims.items())
        scope = data.get("scope", "outside-quotes")
        if scope not in ("text", "outside-quotes"):
            raise RuleError(file, "must be text or outside-quotes", rule, "scope")

        def optional(key: str) -> Terms | None:
            return parse_terms(data[key], rules, file, rule, key) if key in data else None

        return cls(named, optional("background"), optional("recent"),
                   severity(data.get("background_level", "info"), file, rule, "background_level"),
                   optional("carry_over"), whole_number(data, "min_words", 6, file, rule, 1) or 6, scope)

    def _carried(self, doc: StatementIndex, index: int, sentence: Span, reading: str) -> bool:
        """Reported speech that continues the attributed sentence before it."""
        if index == 0 or self.carry_over is None:
            return False
        layout = doc.layout
        prev = layout.sentences[index - 1]
        if layout.paragraph_at(prev.start) != layout.paragraph_at(sentence.start):
            return False
        return _attributed(doc, prev) and self.carry_over.search(reading) is not None

    def run(self, rule: FlagRule, doc: StatementIndex) -> Iterator[Hit]:
        text, layout = doc.text, doc.layout
        for index, sentence in enumerate(layout.sentences):
            raw = sentence.of(text)
            if not _PROSE_END.search(raw) or len(_WORD.findall(raw)) < self.min_words:
                continue
            if _attributed(doc, sentence):
                continue
            reading = _blank_quotes(doc, sentence) if self.scope == "outside-quotes" else raw
            if self._carried(doc, index, sentence, reading):
                continue
            paragraph = layout.paragraph_at(sentence.start)
            texts = {"sentence": partial(str, raw), "paragraph": partial(paragraph.of, text)}
            ok, _ = when_holds(rule.when, texts)
            if not ok or unless_holds(rule.unless, texts):
                continue
            kinds = [name for name, terms in self.claims if terms.search(reading) is not None]
            if not kinds:
                continue
            level = rule.level
            if self.background is not None and self.background.search(reading) is not None \
                    and (self.recent is None or self.recent.search(reading) is None):
                level = self.background_level
            yield Hit(rule, sentence, level,
                      message(rule, match=raw, claims=natural_list([_a(k.replace("_", " ")) for k in kinds])))


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
