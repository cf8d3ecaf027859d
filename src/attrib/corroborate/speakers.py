"""Who another outlet gives a passage to, and whether that is the article's source.

The attribution engine runs on the coverage text; the statement whose content covers
the passage names the speaker there. Names match when one is a short form of the other
("Okafor", "Maria Okafor", "M. Okafor", "Mayor Brandt"); titles and articles are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import SourceType, Span, Statement
from .lexicons import MatchLexicons

_NAMELESS = {SourceType.ANONYMOUS, SourceType.VAGUE, SourceType.UNKNOWN}
_WORDS = re.compile(r"[^\W\d_]+", re.U)
_DROP = {"the", "a", "an", "of", "for", "and", "s"}


def speaker_of(statements: Sequence[Statement], passage: Span) -> Statement | None:
    """The statement whose content overlaps the passage most; failing that, the one
    whose sentence holds it."""
    best, best_overlap = None, 0
    for st in statements:
        overlap = sum(max(0, min(c.end, passage.end) - max(c.start, passage.start)) for c in st.content)
        if overlap > best_overlap:
            best, best_overlap = st, overlap
    if best is not None:
        return best
    for st in statements:
        if st.sentence.contains(passage) or st.sentence.overlaps(passage):
            return st
    return None


def name_words(name: str, lex: MatchLexicons) -> list[str]:
    words = [w.lower() for w in _WORDS.findall(name.replace("’", "'").replace("'s ", " "))]
    return [w for w in words if w not in lex.titles and w not in _DROP]


def _covers(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` is in ``long``, an initial standing for a word."""
    pool = list(long)
    for w in short:
        hit = next((x for x in pool if x == w or (len(w) == 1 and x.startswith(w))), None)
        if hit is None:
            return False
        pool.remove(hit)
    return True


def comparable(st: Statement, lex: MatchLexicons) -> str | None:
    """The source's name when it names someone; None for "officials", "he", no source."""
    src = st.source
    if src.span is None or src.type in _NAMELESS:
        return None
    name = src.name
    if name.lower() in lex.pronouns or not name_words(name, lex):
        return None
    return name


def same_source(a: str, b: str, lex: MatchLexicons) -> bool:
    wa, wb = name_words(a, lex), name_words(b, lex)
    return _covers(wa, wb) or _covers(wb, wa)
