"""Point pronoun and short-form sources back at the named source they stand for.

"He said ..." after "SDF spokesman Mostafa Bali said ..." resolves to Mostafa Bali;
"Bali" to "Mostafa Bali"; "the commissioner" to "Fire Commissioner Petra Halvorsen";
"the company" to the last company named. Candidates are the sources already found and
the named subjects of earlier sentences (``mentions``): a pronoun takes the most recent
one of the right kind. A surname is looked up in the text before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Source, SourceType, Statement
from .sources import SourceLexicons

_PLURAL = frozenset({"they", "them"})
_UNRESOLVED = frozenset({"you", "i", "we", "who", "which"})
_NAMED = (SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.NEWS_AGENCY)
_NAME_WORD = r"[A-Z][\w’'.-]*"


@dataclass(frozen=True, slots=True)
class Mention:
    """A named person or body as the subject of a sentence, where no cue was found."""

    pos: int
    source: Source


def resolve(statements: list[Statement], mentions: list[Mention], lex: SourceLexicons,
            text: str) -> list[Statement]:
    history: list[Source] = []  # named candidates in text order, most recent last
    pending = sorted(mentions, key=lambda m: m.pos)
    out = []
    for st in statements:
        src = st.source
        at = src.span.start if src.span is not None else st.cue.start
        while pending and pending[0].pos < at:
            history.append(_canonical(pending.pop(0).source, history, text, lex))
        target = _antecedent(src, history, text, lex) if src.span is not None else None
        if target is not None:
            src = replace(src, resolved=target.resolved or target.text, type=target.type,
                          role=src.role or target.role)
            st = replace(st, source=src)
        elif src.span is not None and (src.resolved or src.type in _NAMED):
            history.append(src)
        out.append(st)
    return out


def _canonical(src: Source, history: list[Source], text: str, lex: SourceLexicons) -> Source:
    """A mention by surname alone ("Orr, 52, took charge") is stored under the full name."""
    target = _antecedent(src, history, text, lex)
    if target is None:
        return src
    return replace(src, resolved=target.resolved or target.text, type=target.type,
                   role=src.role or target.role)


def _antecedent(src: Source, history: list[Source], text: str, lex: SourceLexicons) -> Source | None:
    low = src.text.lower()
    if low in lex.pronouns:
        if low in _UNRESOLVED:
            return None
        if low == "it":  # only the body named last of all: "The company said ... It plans"
            return history[-1] if history and history[-1].type in _NAMED else None
        return _last(history, person=low in lex.person_pronouns, plural=low in _PLURAL)
    if src.resolved and len(src.resolved.split()) == 1 and src.span is not None:
        return _by_surname(history, src.resolved) or _full_name_before(src, text, lex)
    if src.resolved is None and low.startswith("the "):
        noun = low[4:]
        if noun in lex.roles:
            return _by_role(history, noun) or _role_before(src, noun, text, lex)
        return _by_kind(history, noun, lex)
    return None


def _last(history: list[Source], person: bool, plural: bool) -> Source | None:
    for src in reversed(history):
        is_person = src.type == SourceType.PERSON
        if person and is_person or not person and not is_person:
            return src
        if plural:
            return None
    return None


def _by_surname(history: list[Source], name: str) -> Source | None:
    for src in reversed(history):
        full = src.resolved or ""
        if full != name and full.split()[-1:] == [name]:
            return src
    return None


def _full_name_before(src: Source, text: str, lex: SourceLexicons) -> Source | None:
    """"Orr" after "... dismissed manager Felix Orr ...": the last full name ending so."""
    name = src.resolved or src.text
    pattern = re.compile(rf"((?:{_NAME_WORD}\s+){{1,3}}){re.escape(name)}\b")
    best = None
    for m in pattern.finditer(text, 0, src.span.start):
        words = [w for w in m.group(1).split() if w.lower().rstrip(".") not in lex.titles
                 and w.lower() not in lex.roles and w.lower() not in lex.determiners]
        if words:
            best = " ".join([*words, name])
    return Source(None, best, SourceType.PERSON) if best else None


def _role_before(src: Source, role: str, text: str, lex: SourceLexicons) -> Source | None:
    """"the commissioner" after "Fire Commissioner Petra Halvorsen"."""
    pattern = re.compile(rf"\b{re.escape(role)}\s+((?:{_NAME_WORD}\s?){{1,3}})", re.I)
    found = None
    for m in pattern.finditer(text, 0, src.span.start):
        found = m.group(1).strip()
    return Source(None, found, SourceType.PERSON, role) if found else None


def _by_role(history: list[Source], role_phrase: str) -> Source | None:
    for src in reversed(history):
        if src.role and role_phrase in src.role.lower():
            return src
    return None


def _by_kind(history: list[Source], noun: str, lex: SourceLexicons) -> Source | None:
    """"the company", "the chamber": the last named body whose name has that noun, or
    for a generic noun the last organization."""
    if noun not in lex.organization and noun not in lex.government:
        return None
    for src in reversed(history):
        if src.type in _NAMED and (noun in src.text.lower() or noun in ("company", "firm", "group")
                                   and src.type == SourceType.ORGANIZATION):
            if src.text.lower() != f"the {noun}":
                return src
    return None
