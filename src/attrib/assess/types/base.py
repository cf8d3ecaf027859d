"""What every kind of flag rule provides."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from ...rulebook import Rulebook

if TYPE_CHECKING:
    from ..hits import Hit
    from ..rule import FlagRule
    from ..statement_index import StatementIndex


class RuleCheck(Protocol):
    """A rule type: the class names its YAML keys, its condition fields and its message
    placeholders; an instance is one rule's compiled check."""

    name: ClassVar[str]  # the value of ``type:`` in the YAML
    keys: ClassVar[tuple[str, ...]]  # keys of its own, beside the common ones
    fields: ClassVar[tuple[str, ...]]  # what ``when`` and ``unless`` may test
    placeholders: ClassVar[frozenset[str]]  # what ``message`` may fill in

    @classmethod
    def parse(cls, data: Mapping[str, Any], rules: Rulebook, file: str, rule: str) -> RuleCheck: ...

    def run(self, rule: FlagRule, doc: StatementIndex) -> Iterator[Hit]: ...
