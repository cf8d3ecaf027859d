"""The word lists quote matching uses, read from rules/lexicons/match-*.yaml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import RuleError
from ..rulebook import Rulebook


def _pairs(rules: Rulebook, name: str) -> dict[str, str]:
    out = {}
    for entry in rules.lexicon(name):
        short, sep, long = entry.partition("=")
        if not sep or not short.strip() or not long.strip():
            raise RuleError(f"lexicon {name}", f"entry {entry!r} must be written 'form=value'")
        out[short.strip()] = long.strip()
    return out


@dataclass(frozen=True, slots=True, eq=False)
class MatchLexicons:
    negations: frozenset[str]
    qualifiers: frozenset[str]
    intensifiers: frozenset[str]
    fillers: frozenset[str]
    stopwords: frozenset[str]
    date_words: frozenset[str]
    titles: frozenset[str]
    pronouns: frozenset[str]
    contractions: Mapping[str, tuple[str, ...]]  # whole words: "can't" -> ("can", "not")
    endings: tuple[tuple[str, tuple[str, ...]], ...]  # "n't" -> ("not",)
    numbers: Mapping[str, str]  # "eleven" -> "11", "percent" -> "%"
    abbreviations: frozenset[str]
    cues: frozenset[str]  # one-word attribution cues ("said"): never part of a passage
    memo: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> long form
    stem_memo: dict[str, str | None] = field(default_factory=dict)  # word -> stem (None: skip)

    @classmethod
    def from_rulebook(cls, rules: Rulebook) -> MatchLexicons:
        contractions, endings = {}, []
        for short, long in _pairs(rules, "match-contractions").items():
            if short.startswith("-"):
                endings.append((short[1:], tuple(long.split())))
            else:
                contractions[short] = tuple(long.split())
        lx = rules.lexicon
        return cls(
            negations=lx("match-negations"), qualifiers=lx("match-qualifiers"),
            intensifiers=lx("match-intensifiers"), fillers=lx("match-fillers"),
            stopwords=lx("match-stopwords"), date_words=lx("match-date-words"),
            titles=lx("titles"), pronouns=lx("pronouns") | lx("person-pronouns"),
            contractions=contractions,
            endings=tuple(sorted(endings, key=lambda e: -len(e[0]))),
            numbers=_pairs(rules, "match-number-words"),
            abbreviations=lx("abbreviations"),
            cues=frozenset(f for g in rules.cues for f in g.forms if " " not in f))
