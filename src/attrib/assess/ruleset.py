"""Flag rules: read from ``kind: flags`` documents, validated, compiled once per Rulebook.

A flags file holds one rule (its keys at the top level beside ``kind``) or a list of them
under ``rules:``. Every rule has ``id``, ``category``, ``level``, ``message``,
``explanation``, a ``type`` saying what it inspects, and ``examples``. docs/assess.md
describes every key; errors name the file, the rule and the key.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import RuleError
from ..model import Severity
from ..rulebook import Rulebook, expect, string_list
from .terms import Terms, parse_terms

CATEGORIES = ("vague-source", "anonymous-source", "agentless", "hedge", "unattributed-claim",
              "loaded-label", "single-source")
TYPES = ("phrase", "statement", "claim", "sources")
SCOPES = ("text", "outside-quotes", "inside-quotes", "narration")
SPANS = ("source", "cue", "cue-source", "content", "sentence")
STATEMENT_FIELDS = ("source_type", "kind", "cue_class", "source_given", "relayed",
                    "source", "cue", "content", "sentence", "paragraph")
TEXT_FIELDS = ("source", "cue", "content", "sentence", "paragraph")
# Which condition fields and message placeholders each type offers.
FIELDS = {"phrase": ("sentence", "paragraph"), "statement": STATEMENT_FIELDS,
          "claim": ("sentence", "paragraph"), "sources": ()}
PLACEHOLDERS = {"phrase": {"match", "context"},
                "statement": {"match", "source", "cue", "type", "context"},
                "claim": {"match", "claims"},
                "sources": {"match", "named", "statements", "share", "types"}}
COMMON_KEYS = ("id", "category", "level", "message", "explanation", "type", "examples",
               "enabled", "description", "when", "unless")
TYPE_KEYS = {"phrase": ("match", "scope"),
             "statement": ("span",),
             "claim": ("claims", "background", "recent", "background_level", "carry_over",
                       "min_words", "scope"),
             "sources": ("min_statements", "max_named", "min_share")}
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


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
class PhraseCheck:
    match: Terms
    scope: str = "text"


@dataclass(frozen=True, slots=True)
class StatementCheck:
    span: str = "source"


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    claims: tuple[tuple[str, Terms], ...]
    background: Terms | None = None
    recent: Terms | None = None
    background_level: Severity = Severity.INFO
    carry_over: Terms | None = None
    min_words: int = 6
    scope: str = "outside-quotes"


@dataclass(frozen=True, slots=True)
class SourcesCheck:
    min_statements: int = 2
    max_named: int | None = None
    min_share: float | None = None


Check = PhraseCheck | StatementCheck | ClaimCheck | SourcesCheck


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    flagged: str | None = None  # the exact flagged text a match example must produce


@dataclass(frozen=True, slots=True)
class FlagRule:
    id: str
    category: str
    level: Severity
    type: str
    message: str
    explanation: str
    check: Check
    file: str
    when: Conditions = field(default_factory=Conditions)
    unless: Conditions = field(default_factory=Conditions)
    match_examples: tuple[Example, ...] = ()
    no_match_examples: tuple[Example, ...] = ()
    enabled: bool = True
    description: str = ""


# -- parsing ---------------------------------------------------------------------------

def _text(data: Mapping, key: str, file: str, rule: str | None, default: str | None = None) -> str:
    value = data.get(key, default)
    if value is None:
        raise RuleError(file, "is required", rule, key)
    value = expect(value, str, file, rule, key).strip()
    if not value:
        raise RuleError(file, "must not be empty", rule, key)
    return value


def _severity(value: Any, file: str, rule: str, key: str) -> Severity:
    if value not in [s.value for s in Severity]:
        raise RuleError(file, "must be one of: info, warning, error", rule, key)
    return Severity(value)


def _message(value: str, rtype: str, file: str, rule: str) -> str:
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
    except ValueError as exc:
        raise RuleError(file, f"bad placeholder ({exc}); write {{{{ and }}}} for braces", rule, "message") from None
    allowed = PLACEHOLDERS[rtype]
    for name in names:
        if name not in allowed:
            raise RuleError(file, f"unknown placeholder {{{name}}} (a {rtype} rule offers: "
                                  f"{', '.join('{' + a + '}' for a in sorted(allowed))})", rule, "message")
    return value


def _name_set(value: Any, file: str, rule: str, key: str) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    return frozenset(s.lower() for s in string_list(value, file, rule, key))


def _conditions(data: Any, rtype: str, rules: Rulebook, file: str, rule: str, key: str) -> Conditions:
    if data is None:
        return Conditions()
    expect(data, dict, file, rule, key)
    allowed = FIELDS[rtype]
    values: dict[str, Any] = {}
    text: list[tuple[str, Terms]] = []
    for name, value in data.items():
        where = f"{key}.{name}"
        if name not in allowed:
            offered = ", ".join(allowed) if allowed else "nothing"
            raise RuleError(file, f"unknown condition for a {rtype} rule (offers: {offered})", rule, where)
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


def _int(data: Mapping, key: str, default: int | None, file: str, rule: str, low: int = 0) -> int | None:
    value = data.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise RuleError(file, f"must be a whole number of at least {low}", rule, key)
    return value


def _check(rtype: str, data: Mapping, rules: Rulebook, file: str, rule: str) -> Check:
    if rtype == "phrase":
        if "match" not in data:
            raise RuleError(file, "is required for a phrase rule", rule, "match")
        scope = data.get("scope", "text")
        if scope not in SCOPES:
            raise RuleError(file, f"must be one of: {', '.join(SCOPES)}", rule, "scope")
        return PhraseCheck(parse_terms(data["match"], rules, file, rule, "match"), scope)
    if rtype == "statement":
        span = data.get("span", "source")
        if span not in SPANS:
            raise RuleError(file, f"must be one of: {', '.join(SPANS)}", rule, "span")
        return StatementCheck(span)
    if rtype == "claim":
        claims = expect(data.get("claims"), dict, file, rule, "claims")
        if not claims:
            raise RuleError(file, "needs at least one kind of claim", rule, "claims")
        named = tuple((str(name), parse_terms(terms, rules, file, rule, f"claims.{name}"))
                      for name, terms in claims.items())
        scope = data.get("scope", "outside-quotes")
        if scope not in ("text", "outside-quotes"):
            raise RuleError(file, "must be text or outside-quotes", rule, "scope")

        def optional(key: str) -> Terms | None:
            return parse_terms(data[key], rules, file, rule, key) if key in data else None

        return ClaimCheck(named, optional("background"), optional("recent"),
                          _severity(data.get("background_level", "info"), file, rule, "background_level"),
                          optional("carry_over"), _int(data, "min_words", 6, file, rule, 1) or 6, scope)
    # sources
    max_named = _int(data, "max_named", None, file, rule)
    share = data.get("min_share")
    if share is not None and (isinstance(share, bool) or not isinstance(share, (int, float))
                              or not 0 < share <= 1):
        raise RuleError(file, "must be a number above 0 and at most 1", rule, "min_share")
    if (max_named is None) == (share is None):
        raise RuleError(file, "a sources rule needs exactly one of max_named or min_share", rule, "max_named")
    return SourcesCheck(_int(data, "min_statements", 2, file, rule, 1) or 1, max_named,
                        None if share is None else float(share))


def parse_rule(data: Any, rules: Rulebook, file: str, index: int | None = None) -> FlagRule:
    label = f"#{index}" if index is not None else None
    expect(data, dict, file, label, "rules")
    rid = _text(data, "id", file, label)
    if not _ID.match(rid):
        raise RuleError(file, "use lowercase letters, digits, '.', '-' or '_'", rid, "id")
    rtype = _text(data, "type", file, rid)
    if rtype not in TYPES:
        raise RuleError(file, f"must be one of: {', '.join(TYPES)}", rid, "type")
    allowed = COMMON_KEYS + TYPE_KEYS[rtype]
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
    return FlagRule(
        id=rid, category=category, level=_severity(data.get("level"), file, rid, "level"), type=rtype,
        message=_message(_text(data, "message", file, rid), rtype, file, rid),
        explanation=" ".join(_text(data, "explanation", file, rid).split()),
        check=_check(rtype, data, rules, file, rid), file=file,
        when=_conditions(data.get("when"), rtype, rules, file, rid, "when"),
        unless=_conditions(data.get("unless"), rtype, rules, file, rid, "unless"),
        match_examples=match, no_match_examples=no_match, enabled=enabled,
        description=" ".join(str(data.get("description", "")).split()))


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
    return RuleSet(tuple(found.values()))


@lru_cache(maxsize=8)
def ruleset_for(rules: Rulebook) -> RuleSet:
    return parse_rules(rules)
