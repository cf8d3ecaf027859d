"""``type: claim`` rules: sentences that assert a checkable fact with no source.

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
from collections.abc import Iterator

from ..model import Span
from .conditions import unless_holds, when_holds
from .document import Document
from .hits import Hit, message, natural_list
from .ruleset import ClaimCheck, FlagRule

_PROSE_END = re.compile(r"[.!][\"”’')\]]*$")
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")


def _blank_quotes(doc: Document, sentence: Span) -> str:
    """The sentence with quoted stretches replaced by spaces (offsets kept)."""
    chars = list(sentence.of(doc.text))
    for q in doc.quotes:
        if q.span.end <= sentence.start or q.span.start >= sentence.end:
            continue
        lo, hi = max(q.span.start, sentence.start), min(q.span.end, sentence.end)
        chars[lo - sentence.start:hi - sentence.start] = " " * (hi - lo)
    return "".join(chars)


def _attributed(doc: Document, sentence: Span) -> bool:
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


def _carried(doc: Document, check: ClaimCheck, index: int, sentence: Span, reading: str) -> bool:
    """Reported speech that continues the attributed sentence before it."""
    if index == 0 or check.carry_over is None:
        return False
    prev = doc.sentences[index - 1]
    if doc.paragraph_at(prev.start) != doc.paragraph_at(sentence.start):
        return False
    return _attributed(doc, prev) and check.carry_over.search(reading) is not None


def run_claim(rule: FlagRule, doc: Document) -> Iterator[Hit]:
    check = rule.check
    assert isinstance(check, ClaimCheck)
    text = doc.text
    for index, sentence in enumerate(doc.sentences):
        raw = sentence.of(text)
        if not _PROSE_END.search(raw) or len(_WORD.findall(raw)) < check.min_words:
            continue
        if _attributed(doc, sentence):
            continue
        reading = _blank_quotes(doc, sentence) if check.scope == "outside-quotes" else raw
        if _carried(doc, check, index, sentence, reading):
            continue
        paragraph = doc.paragraph_at(sentence.start)
        texts = {"sentence": lambda: raw, "paragraph": lambda: paragraph.of(text)}
        ok, _ = when_holds(rule.when, texts)
        if not ok or unless_holds(rule.unless, texts):
            continue
        kinds = [name for name, terms in check.claims if terms.search(reading) is not None]
        if not kinds:
            continue
        severity = rule.level
        if check.background is not None and check.background.search(reading) is not None \
                and (check.recent is None or check.recent.search(reading) is None):
            severity = check.background_level
        yield Hit(rule, sentence, severity,
                  message(rule, match=raw, claims=natural_list([_a(k.replace("_", " ")) for k in kinds])))


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
