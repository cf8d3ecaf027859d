"""The assess stage: flags on statements and on unattributed sentences, then the
summary and score. Rules are data (``kind: flags`` files in rules/ and user packs)."""

from __future__ import annotations

from dataclasses import replace

from ..errors import ConfigError
from ..settings import Settings
from .rule import FlagRule
from .ruleset import RuleSet, parse_rules
from .runner import at_or_above, literal_finder, run_rules
from .score import Scoring, parse_scoring, summarise


def configured(ruleset: RuleSet, settings: Settings | None) -> tuple[FlagRule, ...]:
    """The rules that are on, at the severity the settings give them."""
    settings = settings or Settings()
    known = ruleset.ids() | set(ruleset.categories())
    for key, names in (("disable", settings.disable), ("enable", settings.enable),
                       ("severity", set(settings.severity))):
        for name in sorted(names):
            if name not in known:
                raise ConfigError(settings.file or "settings", f"no rule or category named {name!r}",
                                  f"{key}" if key != "severity" else f"severity.{name}")
    return tuple(replace(r, level=settings.level_for(r.id, r.category, r.level))
                 for r in ruleset.rules if settings.is_on(r.id, r.category, r.enabled))


__all__ = ["FlagRule", "RuleSet", "Scoring", "at_or_above", "configured", "literal_finder", "parse_rules",
           "parse_scoring", "run_rules", "summarise"]
