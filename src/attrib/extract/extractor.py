"""The attribution engine: cues found by the lexicon, then source and content by layout.

For every cue the engine reads the sentence around it and tries the layouts news uses,
in this order:

* ``according to X, ...``: the source follows the cue, the content is the rest;
* inverted, ``"...," said X`` or ``..., said X, a spokesman``: the source follows;
* source first, ``X said (that) ...``, ``X, a spokesman, said ...``;
* content first, ``"...," X said`` or ``The plan failed, X said.``;
* no source at all (``is expected to``), where the cue group allows it.

Everything is linear scans over one sentence with precompiled patterns, so the engine
runs at hundreds of thousands of words per second.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from ..model import Statement
from ..rulebook import Rulebook
from ..text import Layout
from .coref import resolve
from .cues import CueMatcher, trie_pattern
from .entities import Entities, NameLexicons
from .reader import Reader
from .source_types import Analysis, SourceLexicons, classify
from .tidy import continue_quotes, drop_reported, tidy_nested

_CLASSIFIED = 4096  # source phrases remembered


class Extractor:
    """Everything compiled from a Rulebook once, reused for every article."""

    def __init__(self, rules: Rulebook):
        lx = rules.lexicon
        self.rules = rules
        self.matcher = CueMatcher(rules.cues)
        self._lex: SourceLexicons | None = None
        # the clause openers as a trie (a space in a form is one space, as it was written)
        self.openers = lx("clause-openers")
        openers = trie_pattern(self.openers, " ")
        self.boundary = re.compile(rf"[,;:()\[\]—–―\"“”]|\s-\s|(?<![\w-])(?:{openers})(?![\w-])", re.I)
        self.cue_blockers = lx("cue-blockers")
        # "That said, ...": a set phrase opening a sentence or clause, a comma after it
        set_phrases = trie_pattern(lx("set-phrases"), r"\s+")
        self.set_phrase = re.compile(rf"(?<![\w’'-])(?:{set_phrases})\s*,", re.I)
        self.summary_nouns = lx("summary-nouns")
        self.reader_pronouns = lx("reader-pronouns")
        self.no_sources = lx("no-sources")
        self.ly_nouns = lx("ly-nouns")
        self.noun_phrase_openers = lx("phrase-prepositions")
        self.writer_pronouns = lx("writer-pronouns")
        self.naming_verbs = lx("naming-verbs")
        self.labels = lx("labels")
        self.possessives = lx("possessives")
        self.source_openers = lx("source-openers")
        self.subject_pronouns = (lx("pronouns") - {"him", "her", "them"}) | {"who"}
        # the subject of a relative clause with no "that" ("the only regret he voiced")
        self.clause_subjects = frozenset(["he", "she", "they", "we", "i", "you"])
        self.prepositions = lx("prepositions")
        verbs = "|".join(sorted(map(re.escape, lx("aside-verbs"))))
        # ", seen by the Weld Herald," and the like: an aside that names the channel.
        self.aside = re.compile(rf"(?:{verbs}) by ", re.I)
        self.verb_markers = lx("verb-markers")
        plain = trie_pattern(lx("clause-openers") - lx("relative-openers"), " ")
        self.outer_boundary = re.compile(rf"[,;:()\[\]—–―\"“”]|\s-\s|(?<![\w-])(?:{plain})(?![\w-])", re.I)
        self.aux = lx("aux-adverbs")
        self.time = lx("time-words")
        self.months = lx("months")
        self.relay_forms = lx("relay-verbs")
        self.citing = lx("citing")
        self.addressees = lx("addressees")
        self.abbreviations = lx("abbreviations")
        self.openers_adverbial = lx("sentence-adverbials")
        self.finite = lx("finite-verbs")
        self.catenatives = lx("catenatives")
        self.phrase_prepositions = self.prepositions | (lx("linking-words") - {"the", "and", "or"})
        rebuttals = "|".join(sorted((r"\s+".join(map(re.escape, r.split())) for r in lx("rebuttals")),
                                    key=len, reverse=True))
        # ", though there is no indication ...": the writer answering the speaker
        self.rebuttal = re.compile(rf"[,;—–]\s*(?:{rebuttals})\b", re.I)
        self._names: NameLexicons | None = None
        self._classified: dict[str, Analysis] = {}

    @property
    def lex(self) -> SourceLexicons:
        """The lexicons sources are read with; built on the first article."""
        if self._lex is None:
            self._lex = SourceLexicons.from_rulebook(self.rules)
        return self._lex

    @functools.cached_property
    def group_nouns(self) -> frozenset[str]:
        """People as a group: they may follow an inverted cue bare ("..., say experts.") and
        stand as the subject of one that needs a source ("with forecasters warning")."""
        return self.lex.vague | self.lex.roles | self.lex.unnamed_officials

    @property
    def names(self) -> NameLexicons:
        """Titles, roles and body words for reading names; built on first use."""
        if self._names is None:
            lx = self.rules.lexicon
            self._names = NameLexicons.build(self.lex, lx("titles"), lx("library-titles"), lx("not-titles"),
                                             lx("time-words"))
        return self._names

    def classify(self, phrase: str) -> Analysis:
        """``classify`` with a bounded memory: news repeats its sources ("he", "Trump",
        "officials"), so most phrases have been read before."""
        found = self._classified.get(phrase)
        if found is None:
            if len(self._classified) >= _CLASSIFIED:
                self._classified.clear()  # memory stays flat over a corpus
            found = self._classified[phrase] = classify(phrase, self.lex)
        return found

    def extract(self, layout: Layout) -> tuple[Statement, ...]:
        """Every attributed statement in the text, in text order."""
        doc = Reader(layout, self)
        found: list[Statement] = []
        for hit in self.matcher.find(layout.text):
            st = doc.analyse(hit, found)
            if st is not None:
                found.append(st)
        found.extend(doc.dash_attributions())
        found.extend(doc.colon_attributions(found))
        found.sort(key=lambda s: (s.cue.start, s.cue.end))
        found = continue_quotes(doc, found)
        found = drop_reported(tidy_nested(doc, found))
        sources = resolve(found, Entities(layout, self.names), self.lex)
        return tuple(replace(s, id=f"s{n}", source=src) for n, (s, src) in enumerate(zip(found, sources), 1))
