"""The kinds of flag rule, one module each (after Vale's one-file-per-check): its keys,
the condition fields and message placeholders it offers, how it compiles from YAML and
how it runs. ``TYPES`` is the registry the rule parser reads."""

from __future__ import annotations

from .base import RuleCheck
from .claim import ClaimCheck
from .phrase import PhraseCheck
from .sources import SourcesCheck
from .statement import StatementCheck

Check = PhraseCheck | StatementCheck | ClaimCheck | SourcesCheck
TYPES: dict[str, type[RuleCheck]] = {
    check.name: check for check in (PhraseCheck, StatementCheck, ClaimCheck, SourcesCheck)}

__all__ = ["TYPES", "Check", "ClaimCheck", "PhraseCheck", "RuleCheck", "SourcesCheck", "StatementCheck"]
