"""Every passage of the flag fixture set (fixtures/flags/) meets its expectations."""

from __future__ import annotations

import pytest
from support_assess import describe, evaluate, load_passages

from attrib.assess.ruleset import CATEGORIES, ruleset_for
from attrib.rulebook import load_rulebook

PASSAGES = load_passages()


def test_the_set_is_large_and_covers_every_category_and_rule():
    assert len(PASSAGES) >= 40
    assert len({p.id for p in PASSAGES}) == len(PASSAGES)
    expected = {e.category for p in PASSAGES for e in p.expect}
    assert expected == set(CATEGORIES)
    negatives = {e.category for p in PASSAGES for e in p.absent}
    assert negatives >= set(CATEGORIES)
    fired = {f.rule for p in PASSAGES for f in evaluate(p).flags}
    assert fired == {r.id for r in ruleset_for(load_rulebook()).rules}


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.id)
def test_passage(passage):
    outcome = evaluate(passage)
    assert not outcome.problems, describe(outcome)
