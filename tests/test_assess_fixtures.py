"""Every passage of the flag fixture set (fixtures/flags/) meets its expectations."""

from __future__ import annotations

import pytest

from attrib.assess.ruleset import CATEGORIES
from attrib.assess.runner import find_hits
from attrib.assess.statement_index import StatementIndex
from support_assess import CHECKER, describe, evaluate, load_passages

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
    rules = CHECKER.ruleset.rules
    fired = set()
    for p in PASSAGES:
        doc = StatementIndex(*CHECKER.prepared(p.text))
        fired.update(hit.rule.id for hit in find_hits(rules, doc))
    assert fired == {r.id for r in rules}


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.id)
def test_passage(passage):
    outcome = evaluate(passage)
    assert not outcome.problems, describe(outcome)
