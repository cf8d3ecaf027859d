"""``type: sources``: does the article rest on one source?

Counted over statements that give a source. ``max_named: N`` flags an article whose
statements come from at most N distinct named sources; ``min_share: S`` flags one where
a single named source gives at least that share of them. Nothing is judged below
``min_statements`` sourced statements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ...errors import RuleError
from ...rulebook import Rulebook, whole_number
from ..hits import Hit, message
from .statement import flag_span

if TYPE_CHECKING:
    from ..rule import FlagRule
    from ..statement_index import StatementIndex


@dataclass(frozen=True, slots=True)
class SourcesCheck:
    name: ClassVar[str] = "sources"
    keys: ClassVar[tuple[str, ...]] = ("min_statements", "max_named", "min_share")
    fields: ClassVar[tuple[str, ...]] = ()
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "named", "statements", "share", "types"})

    min_statements: int = 2
    max_named: int | None = None
    min_share: float | None = None

    @classmethod
    def parse(cls, data: Mapping[str, Any], rules: Rulebook, file: str, rule: str) -> SourcesCheck:
        max_named = whole_number(data, "max_named", None, file, rule)
        share = data.get("min_share")
        if share is not None and (isinstance(share, bool) or not isinstance(share, (int, float))
                                  or not 0 < share <= 1):
            raise RuleError(file, "must be a number above 0 and at most 1", rule, "min_share")
        if (max_named is None) == (share is None):
            raise RuleError(file, "a sources rule needs exactly one of max_named or min_share", rule, "max_named")
        return cls(whole_number(data, "min_statements", 2, file, rule, 1) or 1, max_named,
                   None if share is None else float(share))

    def run(self, rule: FlagRule, doc: StatementIndex) -> Iterator[Hit]:
        sourced = doc.sourced()
        if len(sourced) < self.min_statements:
            return
        groups = doc.named_groups()
        types = Counter(g.type.value for g in groups)
        shown_types = ", ".join(f"{n} {t}" for t, n in types.most_common()) or "none named"
        top = max(groups, key=lambda g: len(g.statements), default=None)
        share = len(top.statements) / len(sourced) if top else 0.0
        if self.max_named is not None:
            if len(groups) > self.max_named:
                return
        elif self.min_share is None or top is None or share < self.min_share:
            return
        anchor = top.statements[0] if top else sourced[0]
        span = flag_span(anchor, "source")
        yield Hit(rule, span, rule.level,
                  message(rule, match=top.name if top else anchor.source.text, named=len(groups),
                          statements=len(sourced), share=f"{share:.0%}", types=shown_types),
                  confidence=rule.confidence)
