"""Point pronoun and short-form sources back at the named source they stand for.

"He said ..." after "SDF spokesman Mostafa Bali said ..." resolves to Mostafa Bali;
"Bali" to "Mostafa Bali"; "the spokesman" to the last source with that role. Only
sources already found as speakers are candidates: the engine never guesses a name from
elsewhere in the text.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Source, SourceType, Statement
from .sources import SourceLexicons

_PLURAL = frozenset({"they", "them", "we"})


def resolve(statements: list[Statement], lex: SourceLexicons, text: str) -> list[Statement]:
    named: list[Source] = []  # named sources seen so far, most recent last
    out = []
    for st in statements:
        src = st.source
        low = src.text.lower()
        target = None
        if src.span is None:
            pass
        elif low in lex.pronouns and low not in ("it", "you", "i", "we"):
            target = _last(named, person=low in lex.person_pronouns, plural=low in _PLURAL)
        elif src.resolved and len(src.resolved.split()) == 1:
            target = _by_surname(named, src.resolved)
        elif src.resolved is None and src.role and low.startswith("the "):
            target = _by_role(named, low[4:])
        if target is not None:
            src = replace(src, resolved=target.resolved or target.text, type=target.type,
                          role=src.role or target.role)
            st = replace(st, source=src)
        elif src.span is not None and (src.resolved or src.type in (
                SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.NEWS_AGENCY)):
            named.append(src)
        out.append(st)
    return out


def _last(named: list[Source], person: bool, plural: bool) -> Source | None:
    for src in reversed(named):
        is_person = src.type == SourceType.PERSON
        if person and is_person:
            return src
        if not person and not is_person:
            return src
        if plural:
            return None
    return None


def _by_surname(named: list[Source], name: str) -> Source | None:
    for src in reversed(named):
        full = src.resolved or ""
        if full != name and full.split()[-1:] == [name]:
            return src
    return None


def _by_role(named: list[Source], role_phrase: str) -> Source | None:
    for src in reversed(named):
        if src.role and role_phrase in src.role.lower():
            return src
    return None
