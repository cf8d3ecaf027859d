"""Every passage of the flag fixture set (fixtures/flags/) meets its expectations."""

from __future__ import annotations

import pytest
from support_assess import describe, evaluate, load_passages

from attrib.assess.engine import document_for, find_hits
from attrib.assess.ruleset import CATEGORIES, ruleset_for
from attrib.extract import extract
from attrib.model import Article
from attrib.rulebook import load_rulebook

PASSAGES = load_passages()


def test_the_set_is_large_and_covers_every_category_and_rule():
    assert len(PASSAGES) >= 40
    assert len({p.id for p in PASSAGES}) == len(PASSAGES)
    expected = {e.category for p in PASSAGES for e in p.expect}
    assert expected == set(CATEGORIES)
    negatives = {e.category for p in PASSAGES for e in p.absent}
    assert negatives >= set(CATEGORIES)
    # Every rule matches somewhere in the set. Counted before overlapping flags of one
    # category are merged, so a safety-net rule shadowed by a statement rule still counts.
    rulebook = load_rulebook()
    rules = ruleset_for(rulebook).rules
    fired = set()
    for p in PASSAGES:
        article = Article(text=p.text)
        doc = document_for(article, extract(article, rulebook), rulebook)
        fired.update(hit.rule.id for hit in find_hits(rules, doc))
    assert fired == {r.id for r in rules}


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.id)
def test_passage(passage):
    outcome = evaluate(passage)
    assert not outcome.problems, describe(outcome)
