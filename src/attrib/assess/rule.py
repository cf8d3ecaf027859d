"""A flag rule as compiled from its YAML: what every rule type shares.

The type-specific part, ``check``, is one of the checks in ``assess/types/``; each knows
its own keys, compiles itself and runs itself (``check.run(rule, index)``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Severity
from .terms import Terms

if TYPE_CHECKING:
    from .types.base import RuleCheck


@dataclass(frozen=True, slots=True)
class Conditions:
    """Tests on a finding's context; ``when`` needs all of them, ``unless`` any."""

    source_type: frozenset[str] | None = None
    kind: frozenset[str] | None = None
    cue_class: frozenset[str] | None = None
    source_given: bool | None = None
    relayed: bool | None = None
    text: tuple[tuple[str, Terms], ...] = ()

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.source_type, self.kind, self.cue_class,
                                           self.source_given, self.relayed)) or bool(self.text)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    flagged: str | None = None  # the exact flagged text a match example must produce


@dataclass(frozen=True, slots=True)
class FlagRule:
    id: str
    category: str
    level: Severity
    type: str  # the name of its check's type: phrase, statement, claim, sources
    message: str
    explanation: str
    check: RuleCheck
    file: str
    when: Conditions = field(default_factory=Conditions)
    unless: Conditions = field(default_factory=Conditions)
    match_examples: tuple[Example, ...] = ()
    no_match_examples: tuple[Example, ...] = ()
    enabled: bool = True
    description: str = ""
    confidence: float = 1.0  # how often a flag of this rule is right; a type may compute its own
    defer: bool = False  # dropped where a flag of another category covers the same words
