"""``type: sources`` rules: does the article rest on one source?

Counted over statements that give a source. ``max_named: N`` flags an article whose
statements come from at most N distinct named sources; ``min_share: S`` flags one where
a single named source gives at least that share of them. Nothing is judged below
``min_statements`` sourced statements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .document import Document
from .hits import Hit, message
from .ruleset import FlagRule, SourcesCheck
from .sources import named_groups
from .statements import flag_span


def run_sources(rule: FlagRule, doc: Document) -> Iterator[Hit]:
    check = rule.check
    assert isinstance(check, SourcesCheck)
    sourced = [st for st in doc.statements if st.source.span is not None]
    if len(sourced) < check.min_statements:
        return
    groups = named_groups(sourced)
    types = Counter(g.type.value for g in groups)
    shown_types = ", ".join(f"{n} {t}" for t, n in types.most_common()) or "none named"
    top = max(groups, key=lambda g: len(g.statements), default=None)
    share = len(top.statements) / len(sourced) if top else 0.0
    if check.max_named is not None:
        if len(groups) > check.max_named:
            return
    elif check.min_share is None or top is None or share < check.min_share:
        return
    anchor = top.statements[0] if top else sourced[0]
    span = flag_span(anchor, "source")
    yield Hit(rule, span, rule.level,
              message(rule, match=top.name if top else anchor.source.text, named=len(groups),
                      statements=len(sourced), share=f"{share:.0%}", types=shown_types))
