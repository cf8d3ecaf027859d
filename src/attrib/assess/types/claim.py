"""``type: claim``: sentences that make a checkable or contested claim in the reporter's
own voice, with no source carrying it.

How a sentence is judged, in order (docs/assess.md has the reasoning):

1. The page is not the writer's declared analysis: nothing is flagged when the title or
   address matches ``analysis`` ("Column:", "/opinion/"). A column argues; it does not
   report.
2. Only prose counts: a sentence ending in ``.`` or ``!`` (before any closing quote or
   bracket) with at least ``min_words`` words. Headlines, datelines, bylines and credit
   lines end without one; a question asserts nothing.
3. A claim is a match of one of the named ``claims`` kinds (an accusation, a cause, a
   figure, a judgement), each with the reason shown on the flag ("states a cause").
   Only the reporter's words are read: not quoted words, not the source, cue or content
   of a statement that gives a source. So "Three cases were found, sparking fears, though
   officials say the risk is low" is still a claim: the officials carry only their part.
4. A source carries the sentence when the sentence before it (in its paragraph, or the
   last of the paragraph before) is attributed and this one reads as reported speech
   (``carry_over``: "would", "had been"): it continues that statement.
5. Public-record background (``background``: "was founded in", a year long past, "has
   long been") is not an unsourced claim, unless the sentence also has a ``recent``
   marker ("on Saturday", "last month"); ``background_level`` may rate it instead.
6. The flag's confidence is that of the strongest kind found (a second kind adds a
   little); it drops when the sentence before is attributed, since the source may carry
   on without a marker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from ...errors import RuleError
from ...model import Severity, Span, Statement
from ...rulebook import Rulebook, expect, whole_number
from ..conditions import unless_holds, when_holds
from ..hits import Hit, message, natural_list
from ..terms import Terms, parse_terms

if TYPE_CHECKING:
    from ..rule import FlagRule
    from ..statement_index import StatementIndex

_PROSE_END = re.compile(r"[.!][\"”’')\]]*$")
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
_KIND_KEYS = ("match", "reason", "confidence")
_NEAR_SOURCE = 0.8  # confidence kept when the sentence before is attributed
_SECOND_KIND = 0.1  # confidence a second kind of claim adds
_YEAR = re.compile(r"(?<![\w$£€.,-])(1[89]\d\d|20\d\d)(?![\w-])")


@dataclass(frozen=True, slots=True)
class ClaimKind:
    name: str
    terms: Terms
    reason: str  # "states a figure"
    confidence: float


def _kind(name: str, data: Any, rules: Rulebook, file: str, rule: str) -> ClaimKind:
    """A kind is a terms block, or {match: terms, reason: text, confidence: 0-1}."""
    where = f"claims.{name}"
    if isinstance(data, dict) and "match" in data:
        for key in data:
            if key not in _KIND_KEYS:
                raise RuleError(file, f"unknown key (expected one of: {', '.join(_KIND_KEYS)})", rule, f"{where}.{key}")
        reason = expect(data.get("reason", f"states {_a(name.replace('_', ' '))}"), str, file, rule, f"{where}.reason")
        confidence = data.get("confidence", 1.0)
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
            raise RuleError(file, "must be a number above 0 and at most 1", rule, f"{where}.confidence")
        return ClaimKind(name, parse_terms(data["match"], rules, file, rule, f"{where}.match"), reason.strip(),
                         float(confidence))
    return ClaimKind(name, parse_terms(data, rules, file, rule, where), f"states {_a(name.replace('_', ' '))}", 1.0)


def _blanked(doc: StatementIndex, sentence: Span, sourced: list[Statement]) -> list[Span]:
    """The parts of a sentence that are not the reporter's: quotes, and the source, cue
    and content of every statement that gives a source."""
    out = [q.span for q in doc.layout.quotes if q.span.overlaps(sentence)]
    for st in sourced:
        out.extend(st.content)
        out.append(st.cue)
        if st.source.span is not None:
            out.append(st.source.span)
    return out


def _sourced(doc: StatementIndex, sentence: Span) -> list[Statement]:
    return [st for st in doc.statements_in(sentence) if st.source.span is not None and st.sentence.overlaps(sentence)]


class _Matches:
    """Where one kind of terms matches in a document, found in one scan."""

    def __init__(self, terms: Terms, doc: StatementIndex):
        self.spans = [Span(a, b) for a, b in terms.finditer(doc.text, lowered=doc.lowered)]
        self.starts = [s.start for s in self.spans]

    def within(self, span: Span) -> list[Span]:
        lo = bisect.bisect_left(self.starts, span.start)
        hi = bisect.bisect_left(self.starts, span.end)
        return [s for s in self.spans[lo:hi] if s.end <= span.end]

    def any_in(self, span: Span) -> bool:
        return bool(self.within(span))


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    name: ClassVar[str] = "claim"
    keys: ClassVar[tuple[str, ...]] = ("claims", "background", "recent", "background_level", "carry_over",
                                       "min_words", "scope", "analysis", "background_age")
    fields: ClassVar[tuple[str, ...]] = ("sentence", "paragraph")
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "claims", "reasons"})

    claims: tuple[ClaimKind, ...]
    background: Terms | None = None
    recent: Terms | None = None
    background_level: Severity | None = None  # None: background is not flagged at all
    carry_over: Terms | None = None
    min_words: int = 6
    scope: str = "outside-quotes"
    analysis: Terms | None = None
    background_age: int | None = None  # a year this many years before the article's is background

    @classmethod
    def parse(cls, data: Mapping[str, Any], rules: Rulebook, file: str, rule: str) -> ClaimCheck:
        claims = expect(data.get("claims"), dict, file, rule, "claims")
        if not claims:
            raise RuleError(file, "needs at least one kind of claim", rule, "claims")
        kinds = tuple(_kind(str(name), terms, rules, file, rule) for name, terms in claims.items())
        scope = data.get("scope", "outside-quotes")
        if scope not in ("text", "outside-quotes"):
            raise RuleError(file, "must be text or outside-quotes", rule, "scope")
        level = data.get("background_level", "none")
        if level not in ("none", *(s.value for s in Severity)):
            raise RuleError(file, "must be none, info, warning or error", rule, "background_level")

        def optional(key: str) -> Terms | None:
            return parse_terms(data[key], rules, file, rule, key) if key in data else None

        return cls(kinds, optional("background"), optional("recent"),
                   None if level == "none" else Severity(level), optional("carry_over"),
                   whole_number(data, "min_words", 6, file, rule, 1) or 6, scope, optional("analysis"),
                   whole_number(data, "background_age", None, file, rule, 1))

    def _carried(self, doc: StatementIndex, index: int, sentence: Span, carry: _Matches | None) -> bool:
        """Reported speech that continues the attributed sentence before it, in the same
        paragraph or from the end of the paragraph before."""
        if index == 0 or carry is None or not carry.any_in(sentence):
            return False
        prev = doc.layout.sentences[index - 1]
        return bool(_sourced(doc, prev))

    def _old(self, doc: StatementIndex, raw: str, now: int | None) -> bool:
        """The sentence is dated only in years long before the article's."""
        if self.background_age is None or now is None:
            return False
        years = [int(y) for y in _YEAR.findall(raw)]
        return bool(years) and max(years) <= now - self.background_age

    def run(self, rule: FlagRule, doc: StatementIndex) -> Iterator[Hit]:
        text, layout = doc.text, doc.layout
        now = doc.year
        if now is None and self.background_age is not None:  # the latest year the article names
            now = max((int(y) for y in _YEAR.findall(text)), default=None)
        if self.analysis is not None and doc.heading and self.analysis.search(doc.heading) is not None:
            return
        found = [(kind, _Matches(kind.terms, doc)) for kind in self.claims]
        background = _Matches(self.background, doc) if self.background is not None else None
        recent = _Matches(self.recent, doc) if self.recent is not None else None
        carry = _Matches(self.carry_over, doc) if self.carry_over is not None else None
        for index, sentence in enumerate(layout.sentences):
            candidates = [(kind, spans) for kind, m in found if (spans := m.within(sentence))]
            if not candidates:
                continue
            raw = sentence.of(text)
            if not _PROSE_END.search(raw) or len(_WORD.findall(raw)) < self.min_words:
                continue
            sourced = _sourced(doc, sentence)
            hidden = _blanked(doc, sentence, sourced) if self.scope == "outside-quotes" else \
                [part for st in sourced for part in st.content]
            kinds = [kind for kind, spans in candidates
                     if any(not any(h.overlaps(s) for h in hidden) for s in spans)]
            if not kinds or self._carried(doc, index, sentence, carry):
                continue
            level: Severity | None = rule.level
            if ((background is not None and background.any_in(sentence)) or self._old(doc, raw, now)) \
                    and not (recent and recent.any_in(sentence)):
                level = self.background_level
            if level is None:
                continue
            paragraph = layout.paragraph_at(sentence.start)
            texts = {"sentence": partial(str, raw), "paragraph": partial(paragraph.of, text)}
            ok, _ = when_holds(rule.when, texts)
            if not ok or unless_holds(rule.unless, texts):
                continue
            confidence = min(0.95, max(k.confidence for k in kinds) + _SECOND_KIND * (len(kinds) > 1))
            if index > 0 and layout.paragraph_at(layout.sentences[index - 1].start) == paragraph \
                    and _sourced(doc, layout.sentences[index - 1]):
                confidence *= _NEAR_SOURCE
            yield Hit(rule, sentence, level,
                      message(rule, match=raw, reasons=natural_list([k.reason for k in kinds]),
                              claims=natural_list([_a(k.name.replace("_", " ")) for k in kinds])),
                      confidence=confidence * rule.confidence)


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
