"""Who another outlet gives a passage to, and whether that is the article's source: a
check that accuses only when it is sure.

Each side's speaker is *established* only when the attribution engine resolved it with
confidence (``Source.resolution``, ``Source.confidence``, ``Source.antecedent``) and
the words bear it out: a name the source is said to be named by is written in the
source; a pronoun or a description points at a sentence that names someone. A conflict
("different") needs both sides established, and then two people with full names that
are not one another's short form, or two bodies of one kind with different names ("the
Interior Ministry", "the Defence Ministry"). A surname and the full name, title variants
and initials, and a body and its spokesperson are one side. A news agency or a reporter
passing the words on is a relay, never a conflict. Anything short of that is "not
established", with the reasons typed (``SpeakerGap``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import (
    Resolution,
    SourceType,
    Span,
    SpeakerCheck,
    SpeakerGap,
    SpeakerSide,
    SpeakerVerdict,
    Statement,
)
from .lexicons import MatchLexicons

CONFIDENT = 0.85  # Source.confidence below this never supports an accusation
COVERS = 0.5  # of the passage a statement's content must cover to be its attribution

_NAMELESS = {SourceType.ANONYMOUS, SourceType.VAGUE, SourceType.UNKNOWN}
_BODIES = {SourceType.ORGANIZATION, SourceType.GOVERNMENT}
_UNNAMED = {Resolution.UNNAMED, Resolution.UNRESOLVED, Resolution.NONE}
_WORDS = re.compile(r"[^\W\d_]+", re.U)
_DROP = {"the", "a", "an", "of", "for", "and", "s", "at", "in", "on", "to", "by", "with", "from"}


def speaker_of(statements: Sequence[Statement], passage: Span) -> Statement | None:
    """The statement the outlet gives the passage to: of those whose content covers
    enough of it, the one covering most, and the innermost of equals ("according to
    NPR's Feng, Li wrote that ..." gives the words to Li)."""
    best, best_key = None, (0, 0)
    for st in statements:
        overlap = sum(max(0, min(c.end, passage.end) - max(c.start, passage.start)) for c in st.content)
        if overlap < COVERS * len(passage) or not overlap:
            continue
        key = (overlap, -sum(len(c) for c in st.content))
        if key > best_key:
            best, best_key = st, key
    return best


def surname_alone(st: Statement | None) -> str | None:
    """The surname of a person the engine found named by it alone, with no full name in
    what it read ("Hege said"; lower case), else None."""
    if st is None or st.source.type is not SourceType.PERSON or st.source.resolution is not Resolution.NAMED \
            or st.source.antecedent is not None:
        return None
    words = st.source.name.split()
    return words[0].lower() if len(words) == 1 and words[0][:1].isupper() else None


def name_words(name: str, lex: MatchLexicons) -> list[str]:
    words = [w.lower() for w in _WORDS.findall(name.replace("’", "'").replace("'s ", " "))]
    return [w for w in words if w not in lex.titles and w not in _DROP]


def _covers(short: Sequence[str], long: Sequence[str]) -> bool:
    """Every word of ``short`` is in ``long``, an initial standing for a word."""
    pool = list(long)
    for w in short:
        hit = next((x for x in pool if x == w or (len(w) == 1 and x.startswith(w))), None)
        if hit is None:
            return False
        pool.remove(hit)
    return True


def same_source(a: str, b: str, lex: MatchLexicons) -> bool:
    wa, wb = name_words(a, lex), name_words(b, lex)
    return bool(wa and wb) and (_covers(wa, wb) or _covers(wb, wa))


@dataclass(frozen=True, slots=True)
class _Who:
    """An established speaker, as compared."""

    side: SpeakerSide
    words: tuple[str, ...]  # the name's words, titles dropped
    person: bool
    body: bool
    relay: bool
    context: tuple[str, ...]  # words of the role and the source as written ("the authority's spokesman")


def _relay(st: Statement, lex: MatchLexicons) -> bool:
    """A news agency, or someone described as reporting or writing for an outlet."""
    src = st.source
    if src.type is SourceType.NEWS_AGENCY:
        return True
    described = f"{src.text} {src.role or ''}".lower()
    words = _WORDS.findall(described)
    if any(w in lex.relayers for w in words) or any(p in described for p in lex.relayers if " " in p):
        return True
    after = re.search(r"\b(?:of|for|at)\s+(?:the\s+)?(.+)$", described)
    if after and any(w in lex.media for w in _WORDS.findall(after.group(1))):
        return True
    owner = re.match(r"([^\W\d_]+)['’]s\b", described)  # "NPR's Feng"
    return bool(owner and owner.group(1) in lex.media)


def establish(st: Statement | None, sentence_at: Callable[[int], str], lex: MatchLexicons,
              article: bool) -> _Who | SpeakerGap:
    """The statement's speaker if the engine's resolution and the text bear it out."""
    unnamed = SpeakerGap.ARTICLE_UNNAMED if article else SpeakerGap.OTHER_UNNAMED
    unsure = SpeakerGap.ARTICLE_UNCERTAIN if article else SpeakerGap.OTHER_UNCERTAIN
    if st is None:
        return SpeakerGap.ARTICLE_UNNAMED if article else SpeakerGap.OTHER_UNATTRIBUTED
    src = st.source
    if src.span is None or src.type in _NAMELESS or src.resolution in _UNNAMED:
        return unnamed
    name = src.name
    words = name_words(name, lex)
    if not words or name.lower() in lex.pronouns:
        return unnamed
    if src.confidence < CONFIDENT:
        return unsure
    written = name_words(src.text, lex)
    if src.resolution in (Resolution.NAMED, Resolution.SHORT_FORM):
        # The name must be written in the source, in the sentence that holds the words
        # (not a speaker carried over from an earlier paragraph).
        if not written or not (_covers(written, words) or _covers(words, written)):
            return unsure
        if not st.sentence.contains(src.span):
            return unsure
        where = src.antecedent.start if src.antecedent is not None else src.span.start
        sentence = sentence_at(where)
    else:  # a pronoun or a description: only with the sentence that names its antecedent
        if src.antecedent is None:
            return unsure
        sentence = sentence_at(src.antecedent.start)
    relay = _relay(st, lex)
    context = tuple(w for w in name_words(f"{src.text} {src.role or ''}", lex) if w not in words)
    side = SpeakerSide(name=name, resolution=src.resolution, confidence=src.confidence, sentence=sentence)
    return _Who(side, tuple(words), src.type is SourceType.PERSON, src.type in _BODIES, relay, context)


def _speaks_for(person: _Who, body: _Who) -> bool:
    """"Jonas Feld, the water authority's spokesman" and "the regional water authority":
    how the person is described names the body (all its words but perhaps one)."""
    shared = set(body.words) & set(person.context)
    return bool(shared) and len(shared) >= max(1, len(set(body.words)) - 1)


def compare(ours: _Who | SpeakerGap, theirs: _Who | SpeakerGap) -> SpeakerCheck:
    gaps = tuple(g for g in (ours, theirs) if isinstance(g, SpeakerGap))
    a = ours if isinstance(ours, _Who) else None
    b = theirs if isinstance(theirs, _Who) else None
    sides = {"article": a.side if a else None, "other": b.side if b else None}
    if a is not None and b is not None and (_covers(a.words, b.words) or _covers(b.words, a.words)):
        return SpeakerCheck(SpeakerVerdict.SAME, (), **sides)
    if gaps or a is None or b is None:
        return SpeakerCheck(SpeakerVerdict.NOT_ESTABLISHED, gaps, **sides)
    if a.relay or b.relay:
        return SpeakerCheck(SpeakerVerdict.NOT_ESTABLISHED, (SpeakerGap.RELAYED,), **sides)
    if a.person and b.person:
        if len(a.words) < 2 or len(b.words) < 2:  # a surname alone may be anyone's
            gap = SpeakerGap.ARTICLE_UNCERTAIN if len(a.words) < 2 else SpeakerGap.OTHER_UNCERTAIN
            return SpeakerCheck(SpeakerVerdict.NOT_ESTABLISHED, (gap,), **sides)
        return SpeakerCheck(SpeakerVerdict.DIFFERENT, (), **sides)
    if a.person != b.person and (a.body or b.body):
        person, body = (a, b) if a.person else (b, a)
        if _speaks_for(person, body):
            return SpeakerCheck(SpeakerVerdict.SAME, (), **sides)
        return SpeakerCheck(SpeakerVerdict.NOT_ESTABLISHED, (SpeakerGap.PERSON_AND_BODY,), **sides)
    if a.body and b.body and a.words[-1:] == b.words[-1:] and not set(a.words[:-1]) & set(b.words[:-1]) \
            and a.words[:-1] and b.words[:-1]:
        return SpeakerCheck(SpeakerVerdict.DIFFERENT, (), **sides)
    return SpeakerCheck(SpeakerVerdict.NOT_ESTABLISHED, (SpeakerGap.UNLIKE_BODIES,), **sides)
