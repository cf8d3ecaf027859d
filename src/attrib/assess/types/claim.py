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
from collections.abc import Callable, Iterator, Mapping
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
_KIND_KEYS = ("match", "reason", "confidence", "unless")
_NEAR_SOURCE = 0.8  # confidence kept when the sentence before is attributed
_SECOND_KIND = 0.1  # confidence a second kind of claim adds
_YEAR = re.compile(r"(?<![\w$£€.,-])(1[89]\d\d|20\d\d)(?![\w-])")


@dataclass(frozen=True, slots=True)
class ClaimKind:
    name: str
    terms: Terms
    reason: str  # "states a figure"
    confidence: float
    unless: Terms | None = None  # a sentence where this kind is no claim ("a law mandating that 2 percent")


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
        unless = parse_terms(data["unless"], rules, file, rule, f"{where}.unless") if "unless" in data else None
        return ClaimKind(name, parse_terms(data["match"], rules, file, rule, f"{where}.match"), reason.strip(),
                         float(confidence), unless)
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
        self.spans = [Span(a, b) for a, b in terms.finditer(doc.text, scan=doc.scan)]
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

    def _old(self, raw: str, now: Callable[[], int | None]) -> bool:
        """The sentence is dated only in years long before the article's."""
        if self.background_age is None:
            return False
        years = [int(y) for y in _YEAR.findall(raw)]
        year = now() if years else None
        return year is not None and max(years) <= year - self.background_age

    def run(self, rule: FlagRule, doc: StatementIndex) -> Iterator[Hit]:
        text, layout = doc.text, doc.layout
        latest: list[int | None] = []

        def now() -> int | None:
            """When the article was published, else the latest year it names."""
            if doc.year is not None or self.background_age is None:
                return doc.year
            if not latest:
                latest.append(max((int(y) for y in _YEAR.findall(text)), default=None))
            return latest[0]
        if self.analysis is not None and doc.heading and self.analysis.search(doc.heading) is not None:
            return
        found = [(kind, _Matches(kind.terms, doc)) for kind in self.claims]
        # only the sentences where a kind matched are read, and the other terms only there
        indices = sorted({layout.sentence_index(span.start) for _, m in found for span in m.spans})

        def has(terms: Terms | None, span: Span) -> bool:
            return terms is not None and next(terms.finditer(text, span.start, span.end, doc.scan), None) is not None

        for index in indices:
            sentence = layout.sentences[index]
            raw = sentence.of(text)
            candidates = [(kind, spans) for kind, m in found if (spans := m.within(sentence))
                          and (kind.unless is None or kind.unless.search(raw) is None)]
            if not candidates:
                continue
            if not _PROSE_END.search(raw) or len(_WORD.findall(raw)) < self.min_words:
                continue
            sourced = _sourced(doc, sentence)
            hidden = _blanked(doc, sentence, sourced) if self.scope == "outside-quotes" else \
                [part for st in sourced for part in st.content]
            kinds = [kind for kind, spans in candidates
                     if any(not any(h.overlaps(s) for h in hidden) for s in spans)]
            if not kinds or (index > 0 and has(self.carry_over, sentence)
                             and _sourced(doc, layout.sentences[index - 1])):  # reported speech runs on
                continue
            level: Severity | None = rule.level
            if (has(self.background, sentence) or self._old(raw, now)) and not has(self.recent, sentence):
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
