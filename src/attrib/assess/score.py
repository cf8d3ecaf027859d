"""The reliability summary and its 0-100 score.

The score is no black box: it starts at 100 and every point lost is a flag in the text.

    cost(flag)      = weight of its severity       (rules/score.yaml: info 1, warning 4, error 10)
    lost(category)  = min(cap, sum of its flags' costs)               (cap: 25 by default)
    score           = max(0, 100 - sum of lost(category))

The cap keeps one kind of weakness, repeated, from drowning out the others. The verdict
is the word of the first band whose ``min`` the score reaches. Weights, caps and bands
are data (``kind: score``); a later file replaces the keys it gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import RuleError
from ..model import Flag, Kind, ScoreItem, Severity, SourceType, Statement, Summary
from ..rulebook import expect
from .sourcing import is_named, named_groups, source_type_key

SOURCE_TYPE_ORDER = (*(t.value for t in SourceType), "none")


@dataclass(frozen=True, slots=True)
class Scoring:
    weights: Mapping[Severity, float] = field(default_factory=lambda: {
        Severity.INFO: 1.0, Severity.WARNING: 4.0, Severity.ERROR: 10.0})
    cap: float = 25.0
    caps: Mapping[str, float] = field(default_factory=dict)  # per category
    bands: tuple[tuple[float, str], ...] = ((85, "strong"), (65, "fair"), (45, "weak"), (0, "poor"))

    def verdict(self, score: float) -> str:
        for low, word in self.bands:
            if score >= low:
                return word
        return self.bands[-1][1]


def _number(value: Any, file: str, key: str, low: float = 0, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < low \
            or (high is not None and value > high):
        bound = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        raise RuleError(file, f"must be a number {bound}", None, key)
    return float(value)


def parse_scoring(documents: Iterable[tuple[str, Any]]) -> Scoring:
    scoring = Scoring()
    for file, data in documents:
        for key in data:
            if key not in ("kind", "description", "weights", "cap", "caps", "verdicts"):
                raise RuleError(file, "unknown key (expected weights, cap, caps or verdicts)", None, str(key))
        weights = dict(scoring.weights)
        for level, value in expect(data.get("weights", {}), dict, file, None, "weights").items():
            if level not in [s.value for s in Severity]:
                raise RuleError(file, "must be info, warning or error", None, f"weights.{level}")
            weights[Severity(level)] = _number(value, file, f"weights.{level}")
        cap = _number(data.get("cap", scoring.cap), file, "cap", 0, 100)
        caps = dict(scoring.caps)
        for cat, value in expect(data.get("caps", {}), dict, file, None, "caps").items():
            caps[str(cat)] = _number(value, file, f"caps.{cat}", 0, 100)
        bands = scoring.bands
        if "verdicts" in data:
            items = expect(data["verdicts"], list, file, None, "verdicts")
            parsed = []
            for n, item in enumerate(items, 1):
                expect(item, dict, file, None, f"verdicts[{n}]")
                word = expect(item.get("word"), str, file, None, f"verdicts[{n}].word")
                parsed.append((_number(item.get("min"), file, f"verdicts[{n}].min", 0, 100), word))
            if not parsed or min(low for low, _ in parsed) > 0:
                raise RuleError(file, "needs a band with min: 0 so every score gets a word", None, "verdicts")
            bands = tuple(sorted(parsed, reverse=True))
        scoring = Scoring(weights, cap, caps, bands)
    return scoring


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def breakdown(flags: Iterable[Flag], scoring: Scoring) -> tuple[ScoreItem, ...]:
    """One line per flag category that cost points, most costly first."""
    by_category: dict[str, list[Flag]] = {}
    for flag in flags:
        by_category.setdefault(flag.category, []).append(flag)
    items = []
    for category, flags_in in by_category.items():
        counts = Counter(f.severity for f in flags_in)
        raw = sum(scoring.weights[s] * n for s, n in counts.items())
        cap = scoring.caps.get(category, scoring.cap)
        lost = min(raw, cap)
        if lost <= 0:
            continue
        parts = ", ".join(f"{n} {s.value} × {scoring.weights[s]:g}"
                          for s, n in sorted(counts.items(), key=lambda kv: -kv[0].rank))
        capped = f", capped at {cap:g}" if raw > cap else ""
        reason = f"{category}: {_plural(len(flags_in), 'flag')} ({parts}{capped})"
        items.append(ScoreItem(reason, -lost, tuple(f.id for f in flags_in)))
    return tuple(sorted(items, key=lambda i: (i.points, i.reason)))


def summarise(statements: tuple[Statement, ...], flags: tuple[Flag, ...], scoring: Scoring,
              categories: tuple[str, ...]) -> Summary:
    """Counts, named sources, and the score; ``categories``: the flag categories in the
    order reports list them."""
    kinds = Counter(st.kind.value for st in statements)
    types = Counter(source_type_key(st) for st in statements)
    flag_counts = Counter(f.category for f in flags)
    extra = tuple(c for c in sorted(flag_counts) if c not in categories)
    items = breakdown(flags, scoring)
    score = max(0.0, 100.0 + sum(i.points for i in items))
    named = sum(1 for st in statements if is_named(st.source))
    return Summary(
        statements=len(statements),
        by_kind=tuple((k.value, kinds[k.value]) for k in Kind),
        by_source_type=tuple((t, types[t]) for t in SOURCE_TYPE_ORDER if types[t]),
        by_flag_category=tuple((c, flag_counts[c]) for c in categories + extra),
        distinct_sources=tuple(g.name for g in named_groups(statements)),
        named_on_record_share=round(named / len(statements), 3) if statements else 0.0,
        score=round(score, 1),
        breakdown=items,
        verdict=scoring.verdict(score),
    )
