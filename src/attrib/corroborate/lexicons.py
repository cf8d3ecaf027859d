"""The word lists quote matching uses, read from rules/lexicons/match-*.yaml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import RuleError
from ..rulebook import Rulebook


def _pairs(rules: Rulebook, name: str) -> dict[str, str]:
    out = {}
    for entry in sorted(rules.lexicon(name)):
        short, sep, long = entry.partition("=")
        if not sep or not short.strip() or not long.strip():
            raise RuleError(f"lexicon {name}", f"entry {entry!r} must be written 'form=value'")
        out[short.strip()] = long.strip()
    return out


@dataclass(frozen=True, slots=True, eq=False)
class MatchLexicons:
    """Plain data, no caches: whatever a match memoises lives in that match
    (``tokens.Words``) and goes with it."""

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
    units: Mapping[str, tuple[str, ...]]  # "min" -> ("minute",), "mph" -> ("mile", "per", "hour")
    unit_names: frozenset[str]  # "minute", "kilometre": compared in the singular
    verb_forms: Mapping[str, str]  # "ate" -> "eat": forms a stemmer cannot join
    antonyms: tuple[tuple[str, str], ...]  # ("at odds", "in line"), base forms
    abbreviations: frozenset[str]
    cues: frozenset[str]  # one-word attribution cues ("said"): never part of a passage
    attribution: frozenset[str]  # those and the first words of longer cues ("according")
    media: frozenset[str]  # outlet words ("post", "radio"): "Alex Horton of the Washington Post"
    relayers: frozenset[str]  # "reporter", "correspondent": a speaker who passes words on
    common: frozenset[str]  # content words too common in news to identify a passage alone

    @classmethod
    def from_rulebook(cls, rules: Rulebook) -> MatchLexicons:
        contractions, endings = {}, []
        for short, long in _pairs(rules, "match-contractions").items():
            if short.startswith("-"):
                endings.append((short[1:], tuple(long.split())))
            else:
                contractions[short] = tuple(long.split())
        units = {form: tuple(unit.split()) for form, unit in _pairs(rules, "match-units").items()}
        antonyms = []
        for entry in sorted(rules.lexicon("match-antonyms")):
            one, sep, other = entry.partition("=")
            if not sep or not one.strip() or not other.strip():
                raise RuleError("lexicon match-antonyms", f"entry {entry!r} must be written 'one=other'")
            antonyms.append((" ".join(one.split()), " ".join(other.split())))
        lx = rules.lexicon
        numbers = _pairs(rules, "match-number-words")
        return cls(
            negations=lx("match-negations"), qualifiers=lx("match-qualifiers"),
            intensifiers=lx("match-intensifiers"), fillers=lx("match-fillers"),
            stopwords=lx("match-stopwords"), date_words=lx("match-date-words"),
            titles=lx("titles"), pronouns=lx("pronouns") | lx("person-pronouns"),
            contractions=contractions,
            endings=tuple(sorted(endings, key=lambda e: -len(e[0]))),
            numbers=numbers, units=units,
            unit_names=frozenset(w for unit in units.values() for w in unit
                                 if w != "per" and w not in numbers),
            verb_forms=_pairs(rules, "match-verb-forms"),
            antonyms=tuple(antonyms),
            abbreviations=lx("abbreviations"),
            cues=frozenset(f for g in rules.cues for f in g.forms if " " not in f),
            attribution=frozenset(f.split()[0] for g in rules.cues for f in g.forms
                                  if f.split()[0] not in lx("match-stopwords")),
            media=lx("media-words"), relayers=lx("match-relayers"),
            common=lx("match-common-words"))
