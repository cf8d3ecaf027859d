"""Run a rule's own examples: each ``match`` text must raise a flag from that rule (with
the given text, where ``flagged`` says it), each ``no_match`` text none. The test suite
runs them for every bundled rule; ``attrib rules --check DIR`` for a user's pack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Statement
from ..text import Layout
from .hits import short
from .rule import Example, FlagRule
from .runner import run_rules

Prepare = Callable[[str], tuple[Layout, tuple[Statement, ...]]]  # a text -> its layout and statements


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: FlagRule
    key: str  # "examples.match[2]"
    example: Example
    problem: str | None  # None: the example passes

    @property
    def ok(self) -> bool:
        return self.problem is None

    def describe(self) -> str:
        return (f"{self.rule.file}: rule {self.rule.id!r}: key {self.key!r}: "
                f"{self.problem} in “{short(self.example.text, 100)}”")


def _flagged(rule: FlagRule, text: str, prepare: Prepare) -> list[str]:
    return [f.text for f in run_rules([rule], *prepare(text))]


def run_examples(rule: FlagRule, prepare: Prepare) -> list[ExampleResult]:
    """``prepare`` reads an example as the pipeline would: its layout and the statements
    the engine finds (a statement rule needs them)."""
    out = []
    for n, ex in enumerate(rule.match_examples, 1):
        got = _flagged(rule, ex.text, prepare)
        problem = None
        if not got:
            problem = "expected a flag, got none"
        elif ex.flagged is not None and ex.flagged not in got:
            problem = f"expected “{ex.flagged}” flagged, got " + ", ".join(f"“{g}”" for g in got)
        out.append(ExampleResult(rule, f"examples.match[{n}]", ex, problem))
    for n, ex in enumerate(rule.no_match_examples, 1):
        got = _flagged(rule, ex.text, prepare)
        problem = "expected no flag, got " + ", ".join(f"“{short(g, 60)}”" for g in got) if got else None
        out.append(ExampleResult(rule, f"examples.no_match[{n}]", ex, problem))
    return out
