"""Point pronoun and short-form sources back at the named source they stand for.

"He said ..." after "SDF spokesman Mostafa Bali said ..." resolves to Mostafa Bali;
"Bali" to "Mostafa Bali"; "the commissioner" to "Fire Commissioner Petra Halvorsen";
"the company" to the last company named. Candidates are the sources already found and
the named subjects of earlier sentences (``mentions``): a pronoun takes the most recent
one of the right kind. A surname is looked up in the text before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..model import Source, SourceType, Statement
from .source_types import SourceLexicons

_PLURAL = frozenset({"they", "them"})
_UNRESOLVED = frozenset({"you", "i", "we", "who", "which"})
_NAMED = (SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.NEWS_AGENCY)
_NAME_WORD = r"[A-Z][\w’'.-]*"
# One to three capitalised words before a last one: "manager Felix Orr" gives ("Felix ", "Orr").
_NAME_RUN = re.compile(rf"((?:{_NAME_WORD}\s+){{1,3}})({_NAME_WORD})\b")


@dataclass(frozen=True, slots=True)
class Mention:
    """A named person or body as the subject of a sentence, where no cue was found."""

    pos: int
    source: Source


def resolve(statements: list[Statement], mentions: list[Mention], lex: SourceLexicons,
            text: str) -> list[Statement]:
    history: list[Source] = []  # named candidates in text order, most recent last
    pending = sorted(mentions, key=lambda m: m.pos)
    names = _Names(text, lex)
    out: list[Statement] = []
    for st in statements:
        src = st.source
        at = src.span.start if src.span is not None else st.cue.start
        while pending and pending[0].pos < at:
            history.append(_canonical(pending.pop(0).source, history, names))
        if src.text.lower() == "it":
            target = _it(st, out[-1] if out else None, text)
        else:
            target = _antecedent(src, history, names) if src.span is not None else None
        if target is not None:
            src = replace(src, resolved=target.resolved or target.text, type=target.type,
                          role=src.role or target.role)
            st = replace(st, source=src)
        elif src.span is not None and (src.resolved or src.type in _NAMED):
            history.append(src)
        out.append(st)
    return out


def _canonical(src: Source, history: list[Source], names: _Names) -> Source:
    """A mention by surname alone ("Orr, 52, took charge") is stored under the full name."""
    target = _antecedent(src, history, names)
    if target is None:
        return src
    return replace(src, resolved=target.resolved or target.text, type=target.type,
                   role=src.role or target.role)


def _antecedent(src: Source, history: list[Source], names: _Names) -> Source | None:
    text, lex = names.text, names.lex
    low = src.text.lower()
    if low in lex.pronouns:
        if low in _UNRESOLVED:
            return None
        return _last(history, person=low in lex.person_pronouns, plural=low in _PLURAL)
    if src.resolved and len(src.resolved.split()) == 1 and src.span is not None:
        full = names.full_name_before(src.resolved, src.span.start)
        return _by_surname(history, src.resolved) or (Source(None, full, SourceType.PERSON) if full else None)
    if src.resolved is None and low.startswith("the "):
        noun = low[4:]
        if noun in lex.roles:
            return _by_role(history, noun) or _role_before(src, noun, text, lex)
        return _by_kind(history, noun, lex)
    return None


def _it(st: Statement, prev: Statement | None, text: str) -> Source | None:
    """"It" only for the body that spoke in the sentence just before: "The company said
    ... . It plans to ..."."""
    if prev is None or prev.source.type not in _NAMED or prev.source.span is None:
        return None
    between = text[prev.sentence.end:st.sentence.start]
    return prev.source if len(between.strip()) == 0 and "\n\n" not in between else None


def _last(history: list[Source], person: bool, plural: bool) -> Source | None:
    for src in reversed(history):
        is_person = src.type == SourceType.PERSON
        if (person and is_person) or (not person and not is_person):
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


class _Names:
    """Every run of capitalised words in the text, by its last word, found in one pass
    the first time a surname needs its full name."""

    def __init__(self, text: str, lex: SourceLexicons):
        self.text, self.lex = text, lex
        self._by_last: dict[str, list[tuple[int, str]]] | None = None

    def full_name_before(self, name: str, pos: int) -> str | None:
        """"Orr" after "... dismissed manager Felix Orr ...": the last full name ending so."""
        if self._by_last is None:
            self._by_last = {}
            for m in _NAME_RUN.finditer(self.text):
                words = [w for w in m.group(1).split() if w.lower().rstrip(".") not in self.lex.titles
                         and w.lower() not in self.lex.roles and w.lower() not in self.lex.determiners]
                if words:
                    self._by_last.setdefault(m.group(2), []).append((m.start(), " ".join(words)))
        runs = self._by_last.get(name, [])
        i = bisect.bisect_left(runs, (pos,)) - 1
        return f"{runs[i][1]} {name}" if i >= 0 else None


def _role_before(src: Source, role: str, text: str, lex: SourceLexicons) -> Source | None:
    """"the commissioner" after "Fire Commissioner Petra Halvorsen"."""
    pattern = re.compile(rf"\b{re.escape(role)}\s+((?:{_NAME_WORD}\s?){{1,3}})", re.I)
    found = None
    for m in pattern.finditer(text, 0, src.span.start if src.span is not None else len(text)):
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
        if src.type in _NAMED and (noun in src.text.lower() or (noun in lex.generic_bodies
                                   and src.type == SourceType.ORGANIZATION)):
            if src.text.lower() != f"the {noun}":
                return src
    return None
