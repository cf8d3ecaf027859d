"""Flag rules: read from ``kind: flags`` documents, validated and compiled.

A flags file holds one rule (its keys at the top level beside ``kind``) or a list of them
under ``rules:``. Every rule has ``id``, ``category``, ``level``, ``message``,
``explanation``, a ``type`` saying what it inspects, and ``examples``. docs/assess.md
describes every key; errors name the file, the rule and the key.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import RuleError
from ..rulebook import Rulebook, expect, severity, string_list
from .conditions import TEXT_FIELDS
from .rule import Conditions, Example, FlagRule
from .terms import Terms, parse_terms, save_needs
from .types import TYPES, RuleCheck

CATEGORIES = ("vague-source", "anonymous-source", "agentless", "hedge", "speculation", "weasel-word", "unattributed-claim",
              "loaded-label", "single-source")
COMMON_KEYS = ("id", "category", "level", "message", "explanation", "type", "examples",
               "enabled", "description", "when", "unless", "confidence", "defer")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


# -- parsing ---------------------------------------------------------------------------

def _text(data: Mapping, key: str, file: str, rule: str | None, default: str | None = None) -> str:
    value = data.get(key, default)
    if value is None:
        raise RuleError(file, "is required", rule, key)
    value = expect(value, str, file, rule, key).strip()
    if not value:
        raise RuleError(file, "must not be empty", rule, key)
    return value


def _message(value: str, check: type[RuleCheck], file: str, rule: str) -> str:
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
    except ValueError as exc:
        raise RuleError(file, f"bad placeholder ({exc}); write {{{{ and }}}} for braces", rule, "message") from None
    allowed = check.placeholders
    for name in names:
        if name not in allowed:
            raise RuleError(file, f"unknown placeholder {{{name}}} (a {check.name} rule offers: "
                                  f"{', '.join('{' + a + '}' for a in sorted(allowed))})", rule, "message")
    return value


def _name_set(value: Any, file: str, rule: str, key: str) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    return frozenset(s.lower() for s in string_list(value, file, rule, key))


def _conditions(data: Any, check: type[RuleCheck], rules: Rulebook, file: str, rule: str,
                key: str) -> Conditions:
    if data is None:
        return Conditions()
    expect(data, dict, file, rule, key)
    allowed = check.fields
    values: dict[str, Any] = {}
    text: list[tuple[str, Terms]] = []
    for name, value in data.items():
        where = f"{key}.{name}"
        if name not in allowed:
            offered = ", ".join(allowed) if allowed else "nothing"
            raise RuleError(file, f"unknown condition for a {check.name} rule (offers: {offered})", rule, where)
        if name in ("source_given", "relayed"):
            if not isinstance(value, bool):
                raise RuleError(file, "must be true or false", rule, where)
            values[name] = value
        elif name in TEXT_FIELDS:
            text.append((name, parse_terms(value, rules, file, rule, where)))
        else:
            values[name] = _name_set(value, file, rule, where)
    return Conditions(text=tuple(text), **values)


def _examples(data: Any, file: str, rule: str) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if data is None:
        raise RuleError(file, "is required: {match: [...], no_match: [...]} so the rule can be tested",
                        rule, "examples")
    expect(data, dict, file, rule, "examples")
    for k in data:
        if k not in ("match", "no_match"):
            raise RuleError(file, "unknown key (expected match or no_match)", rule, f"examples.{k}")
    out = []
    for key in ("match", "no_match"):
        items = expect(data.get(key, []), list, file, rule, f"examples.{key}")
        parsed = []
        for n, item in enumerate(items, 1):
            where = f"examples.{key}[{n}]"
            if isinstance(item, str) and item.strip():
                parsed.append(Example(item))
            elif isinstance(item, dict):
                for k in item:
                    if k not in ("text", "flagged"):
                        raise RuleError(file, "unknown key (expected text or flagged)", rule, f"{where}.{k}")
                flagged = item.get("flagged")
                if flagged is not None and (key == "no_match" or not isinstance(flagged, str)):
                    raise RuleError(file, "flagged is text, and only for match examples", rule, f"{where}.flagged")
                parsed.append(Example(_text(item, "text", file, rule), flagged))
            else:
                raise RuleError(file, "must be text or {text: ..., flagged: ...}", rule, where)
        out.append(tuple(parsed))
    if not out[0]:
        raise RuleError(file, "needs at least one example the rule matches", rule, "examples.match")
    return out[0], out[1]


def parse_rule(data: Any, rules: Rulebook, file: str, index: int | None = None) -> FlagRule:
    label = f"#{index}" if index is not None else None
    expect(data, dict, file, label, "rules")
    rid = _text(data, "id", file, label)
    if not _ID.match(rid):
        raise RuleError(file, "use lowercase letters, digits, '.', '-' or '_'", rid, "id")
    rtype = _text(data, "type", file, rid)
    if rtype not in TYPES:
        raise RuleError(file, f"must be one of: {', '.join(TYPES)}", rid, "type")
    kind = TYPES[rtype]
    allowed = COMMON_KEYS + kind.keys
    for key in data:
        if key not in allowed and key != "kind":
            raise RuleError(file, f"unknown key for a {rtype} rule (expected one of: {', '.join(allowed)})",
                            rid, str(key))
    category = _text(data, "category", file, rid)
    if not _ID.match(category):
        raise RuleError(file, "use lowercase letters, digits and '-'", rid, "category")
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError(file, "must be true or false", rid, "enabled")
    match, no_match = _examples(data.get("examples"), file, rid)
    confidence = data.get("confidence", 1.0)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        raise RuleError(file, "must be a number above 0 and at most 1", rid, "confidence")
    defer = data.get("defer", False)
    if not isinstance(defer, bool):
        raise RuleError(file, "must be true or false", rid, "defer")
    return FlagRule(
        id=rid, category=category, level=severity(data.get("level"), file, rid, "level"), type=rtype,
        message=_message(_text(data, "message", file, rid), kind, file, rid),
        explanation=" ".join(_text(data, "explanation", file, rid).split()),
        check=kind.parse(data, rules, file, rid), file=file,
        when=_conditions(data.get("when"), kind, rules, file, rid, "when"),
        unless=_conditions(data.get("unless"), kind, rules, file, rid, "unless"),
        match_examples=match, no_match_examples=no_match, enabled=enabled,
        description=" ".join(str(data.get("description", "")).split()), confidence=float(confidence),
        defer=defer)


def parse_document(file: str, data: Mapping, rules: Rulebook) -> list[FlagRule]:
    if "rules" in data:
        for key in data:
            if key not in ("kind", "rules", "description"):
                raise RuleError(file, "a file with a rules: list holds only kind, description and rules",
                                None, str(key))
        items = expect(data["rules"], list, file, None, "rules")
        return [parse_rule(item, rules, file, n) for n, item in enumerate(items, 1)]
    return [parse_rule(dict(data), rules, file)]


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[FlagRule, ...]

    def categories(self) -> tuple[str, ...]:
        """The known categories first, in their order, then any a rule pack adds."""
        extra = sorted({r.category for r in self.rules} - set(CATEGORIES))
        return CATEGORIES + tuple(extra)

    def ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules)


def parse_rules(rules: Rulebook, files: tuple[tuple[str, Any], ...] | None = None) -> RuleSet:
    """Every flag rule, in load order. A rule whose id repeats one from an earlier file
    replaces it (so a user's pack can redefine a bundled rule); within one file, ids must
    be unique."""
    found: dict[str, FlagRule] = {}
    for file, data in rules.documents.get("flags", ()) if files is None else files:
        seen: set[str] = set()
        for rule in parse_document(file, data, rules):
            if rule.id in seen:
                raise RuleError(file, "the same id appears twice in this file", rule.id, "id")
            seen.add(rule.id)
            found.pop(rule.id, None)
            found[rule.id] = rule
    save_needs()
    return RuleSet(tuple(found.values()))

