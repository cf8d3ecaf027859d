"""The flag rules read only the sentences where a pattern's words occur (assess/scan.py):
that must find exactly what reading the whole text finds."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

from attrib.assess.scan import LiteralFinder, Scan
from attrib.assess.statement_index import StatementIndex
from attrib.assess.terms import Terms, required_sets
from support_assess import CHECKER, load_passages

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _terms(obj: object, out: list[Terms]) -> list[Terms]:
    if isinstance(obj, Terms):
        out.append(obj)
    elif isinstance(obj, (tuple, list)):
        for item in obj:
            _terms(item, out)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _terms(getattr(obj, f.name), out)
    return out


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))] + \
        [p.text for p in load_passages()]


def test_every_bundled_pattern_finds_the_same_with_and_without_the_index():
    terms = _terms([rule.check for rule in CHECKER.flag_rules], [])
    assert len(terms) > 20
    compared = found = 0
    for text in _texts():
        layout, statements = CHECKER.prepared(text)
        indexed = StatementIndex(layout, statements, finder=CHECKER.finder).scan
        searched = Scan(text, (s.start for s in layout.sentences))  # each word searched for on its own
        for t in terms:
            whole = list(t.finditer(text))
            assert list(t.finditer(text, scan=indexed)) == whole, t.where
            assert list(t.finditer(text, scan=searched)) == whole, t.where
            compared += 1
            found += len(whole)
    assert found > 100  # the comparison saw real matches, not only empty lists
    assert compared > 1000


def test_a_match_needs_a_word_of_each_set():
    sets = required_sets(r"\b(?:some|many)\s+[a-z]+s\s+(?:say|said|argue)\b")
    assert frozenset({"argue", "say", "said"}) in sets or frozenset({"some", "many"}) in sets
    assert len(sets) == 2
    assert required_sets(r"\w+ly") == ()


def test_only_sentences_holding_the_words_are_read():
    text = "The ferry left at noon. Critics say the fare is too high. The mayor met the crew."
    scan = Scan(text, [0, 24, 58], LiteralFinder([frozenset({"critics"}), frozenset({"fare", "crew"})]))
    assert scan.windows((frozenset({"critics"}),)) == [(24, 58)]
    assert scan.windows((frozenset({"critics"}), frozenset({"mayor"}))) == []
    assert scan.holds((frozenset({"fare", "crew"}),), 30, 40)
    assert not scan.holds((frozenset({"fare", "crew"}),), 0, 10)
    assert scan.windows((frozenset({"fare", "crew"}),)) == [(24, len(text))]  # two sentences, joined


def test_the_finder_travels_with_a_pickled_checker():
    finder = pickle.loads(pickle.dumps(CHECKER.finder))
    assert finder.words == CHECKER.finder.words
    assert list(finder.occurrences("critics said")) == list(CHECKER.finder.occurrences("critics said"))
