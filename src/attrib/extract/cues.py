"""Find cue forms in text with one compiled pattern built from the cue groups."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..model import Span
from ..rulebook import CueGroup

# The rules list American spellings; British news writes "-ise" ("criticised").
_IZE = re.compile(r"iz(e|es|ed|ing)\b")


class CueHit(NamedTuple):
    """A cue form found in the text (a tuple: made for every cue word of a corpus)."""

    span: Span
    form: str  # the matched form, lowercased, single-spaced
    group: CueGroup


class CueMatcher:
    """All cue forms as one alternation, longest first so phrases win over their words."""

    def __init__(self, groups: tuple[CueGroup, ...]):
        self._groups: dict[str, CueGroup] = {}
        for group in groups:
            for form in group.forms:
                # The first group to list a form owns it; later duplicates are ignored.
                form = " ".join(form.split())
                self._groups.setdefault(form, group)
                self._groups.setdefault(_IZE.sub(r"is\1", form), group)  # "criticised", "emphasised"
        alternation = trie_pattern(self._groups)
        pattern = rf"(?<![\w’'-])(?:{alternation})(?![\w-])"
        # Matching the lowercased text is twice as fast as matching without case; the
        # case-blind pattern serves a text whose lowercase is longer ("İ").
        self._pattern = re.compile(pattern)
        self._caseless = re.compile(pattern, re.IGNORECASE)

    def is_form(self, word: str) -> bool:
        """Is ``word`` (lowercase) a cue form of its own?"""
        return word in self._groups

    def find(self, text: str, start: int = 0, end: int | None = None):
        """Cue hits in order. Forms that follow each other with only a space between
        them make one cue ("said in a statement", "reports show"), except two past forms,
        which are a verb and a participle ("questioned accused sex trafficker ...")."""
        pending: CueHit | None = None
        low = text.lower()
        pattern, within = (self._pattern, low) if len(low) == len(text) else (self._caseless, text)
        for m in pattern.finditer(within, start, len(text) if end is None else end):
            form = " ".join(m.group().lower().split())
            group = self._groups.get(form)
            if group is None:  # matched only by Unicode case folding ("ſaid")
                continue
            hit = CueHit(Span(m.start(), m.end()), form, group)
            if pending is not None and text[pending.span.end:m.start()] == " " and not (
                    group.alone and pending.form.endswith("ed") and form.endswith("ed")):
                pending = CueHit(Span(pending.span.start, m.end()), pending.form, pending.group)
                continue
            if pending is not None:
                yield pending
            pending = hit if hit.group.alone else None
        if pending is not None:
            yield pending


def trie_pattern(forms: Iterable[str], space: str = r"[^\S\n]+") -> str:
    """One regex for many literal forms, factored by shared prefixes; a space in a form
    matches ``space`` (by default any run of blanks: a line break ends a sentence).

    A flat alternation of hundreds of words makes the regex engine try each at every
    position; a trie lets it reject a position after a character or two. Longer forms
    come first at every branch, so a phrase wins over the word that starts it, as in a
    flat alternation sorted longest first."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            atom = space if ch == " " else re.escape(ch)
            branches.append(atom + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)
