"""The assess stage: flags on statements and on unattributed sentences, then the
summary and score. Rules are data (``kind: flags`` files in rules/ and user packs)."""

from __future__ import annotations

from dataclasses import replace

from ..config import ConfigError, Settings
from ..model import Article, Flag, Statement
from ..rulebook import Rulebook
from .engine import run_rules
from .ruleset import FlagRule, RuleSet, ruleset_for
from .score import summarise


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


def assess(article: Article, statements: tuple[Statement, ...], rules: Rulebook,
           settings: Settings | None = None) -> tuple[Flag, ...]:
    """Every flag the active rules raise on this article, numbered in text order."""
    return run_rules(configured(ruleset_for(rules), settings), article, statements, rules)


__all__ = ["assess", "configured", "summarise"]
