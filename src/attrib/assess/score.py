"""The reliability summary and its 0-100 score.

The score is no black box: it starts at 100 and every point lost is a flag in the text.

    cost(flag)      = weight of its severity   (rules/score.yaml; a flag below min_confidence costs 0)
    density(cat)    = sum of its flags' costs / max(1, words / per_words)
    lost(cat)       = cap(cat) * (1 - exp(-density / cap(cat)))
    score           = max(0, 100 - sum of lost(cat))

Costs are per ``per_words`` words, so a long article is not marked down for its length
alone, and each category eases toward its cap instead of stopping dead at it: one kind of
weakness, repeated, cannot drown out the others, yet more of it still costs a little.

Too little material gives no score at all: fewer than ``min_sentences`` sentences of
prose, or no attributed statement and no flag, is "not assessed", with the reason. The
verdict is the word of the first band whose ``min`` the score reaches. Weights, caps,
bands and the rest are data (``kind: score``); a later file replaces the keys it gives.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import RuleError
from ..model import Flag, Kind, ScoreItem, Severity, SourceType, Statement, Summary
from ..plural import counted
from ..rulebook import expect
from ..text import Layout
from .sourcing import is_named, named_groups, source_type_key

SOURCE_TYPE_ORDER = (*(t.value for t in SourceType), "none")


NOT_ASSESSED = "not assessed"
_PROSE = re.compile(r"[.!?][\"”’')\]]*$")
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")


@dataclass(frozen=True, slots=True)
class Scoring:
    weights: Mapping[Severity, float] = field(default_factory=lambda: {
        Severity.INFO: 1.0, Severity.WARNING: 4.0, Severity.ERROR: 10.0})
    cap: float = 25.0
    caps: Mapping[str, float] = field(default_factory=dict)  # per category
    bands: tuple[tuple[float, str], ...] = ((85, "strong"), (65, "fair"), (45, "weak"), (0, "poor"))
    min_confidence: float = 0.0  # flags below it cost nothing
    per_words: float = 0.0  # costs are per this many words; 0: per article, as they are
    min_sentences: int = 0  # fewer sentences of prose: not assessed
    min_sentence_words: int = 6  # what a sentence of prose needs

    def verdict(self, score: float) -> str:
        for low, word in self.bands:
            if score >= low:
                return word
        return self.bands[-1][1]

    def counts(self, flag: Flag) -> bool:
        return flag.confidence >= self.min_confidence


def _number(value: Any, file: str, key: str, low: float = 0, high: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < low \
            or (high is not None and value > high):
        bound = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        raise RuleError(file, f"must be a number {bound}", None, key)
    return float(value)


_KEYS = ("kind", "description", "weights", "cap", "caps", "verdicts", "min_confidence", "per_words", "material")


def parse_scoring(documents: Iterable[tuple[str, Any]]) -> Scoring:
    scoring = Scoring()
    for file, data in documents:
        for key in data:
            if key not in _KEYS:
                raise RuleError(file, f"unknown key (expected one of: {', '.join(_KEYS[2:])})", None, str(key))
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
        material = expect(data.get("material", {}), dict, file, None, "material")
        for key in material:
            if key not in ("min_sentences", "sentence_words"):
                raise RuleError(file, "unknown key (expected min_sentences or sentence_words)", None,
                                f"material.{key}")
        scoring = Scoring(
            weights, cap, caps, bands,
            _number(data.get("min_confidence", scoring.min_confidence), file, "min_confidence", 0, 1),
            _number(data.get("per_words", scoring.per_words), file, "per_words", 0),
            int(_number(material.get("min_sentences", scoring.min_sentences), file, "material.min_sentences", 0)),
            int(_number(material.get("sentence_words", scoring.min_sentence_words), file,
                        "material.sentence_words", 1)))
    return scoring


def _size(words: int, scoring: Scoring) -> float:
    return max(1.0, words / scoring.per_words) if scoring.per_words else 1.0


def breakdown(flags: Iterable[Flag], scoring: Scoring, words: int = 0) -> tuple[ScoreItem, ...]:
    """One line per flag category that cost points, most costly first. ``words``: the
    article's length, when costs are per ``per_words`` words."""
    by_category: dict[str, list[Flag]] = {}
    for flag in flags:
        if scoring.counts(flag):
            by_category.setdefault(flag.category, []).append(flag)
    size = _size(words, scoring)
    items = []
    for category, flags_in in by_category.items():
        counts = Counter(f.severity for f in flags_in)
        raw = sum(scoring.weights[s] * n for s, n in counts.items())
        cap = scoring.caps.get(category, scoring.cap)
        density = raw / size
        lost = round(cap * (1 - math.exp(-density / cap)), 1) if cap and scoring.per_words else min(raw, cap)
        if lost <= 0:
            continue
        parts = ", ".join(f"{n} {s.value} × {scoring.weights[s]:g}"
                          for s, n in sorted(counts.items(), key=lambda kv: -kv[0].rank))
        if scoring.per_words:
            per = f" = {raw:g}" + (f", {density:.1f} per {scoring.per_words:g} words" if size > 1 else "")
            how = f"{per}; at most {cap:g}"
        else:
            how = f", capped at {cap:g}" if raw > cap else ""
        reason = f"{category}: {counted(len(flags_in), 'flag')} ({parts}{how})"
        items.append(ScoreItem(reason, -lost, tuple(f.id for f in flags_in)))
    return tuple(sorted(items, key=lambda i: (i.points, i.reason)))


def prose_sentences(layout: Layout, scoring: Scoring, enough: int | None = None) -> int:
    """Sentences that end like prose and have enough words: what there is to judge
    (counting stops at ``enough``)."""
    text, found = layout.text, 0
    for s in layout.sentences:
        raw = s.of(text)
        if _PROSE.search(raw.rstrip()) and len(_WORD.findall(raw)) >= scoring.min_sentence_words:
            found += 1
            if found == enough:
                break
    return found


def not_assessed(statements: tuple[Statement, ...], flags: tuple[Flag, ...], scoring: Scoring,
                 layout: Layout | None) -> str | None:
    """Why the article cannot be scored, or None. Too little prose, or nothing attributed
    and nothing flagged: a score of 100 would say "strong" about nothing."""
    if layout is not None and scoring.min_sentences:
        found = prose_sentences(layout, scoring, scoring.min_sentences)
        if found < scoring.min_sentences:
            return (f"too little text to judge: {counted(found, 'sentence')} of prose "
                    f"(at least {scoring.min_sentences} needed)")
    if layout is not None and scoring.min_sentences and not statements and not flags:
        return "nothing to judge: no attributed statements and no claims or sourcing problems found"
    return None


def summarise(statements: tuple[Statement, ...], flags: tuple[Flag, ...], scoring: Scoring,
              categories: tuple[str, ...], layout: Layout | None = None) -> Summary:
    """Counts, named sources, and the score; ``categories``: the flag categories in the
    order reports list them; ``layout``: the article's text, to tell whether there is
    enough of it to judge (without it, every article is scored)."""
    kinds = Counter(st.kind.value for st in statements)
    types = Counter(source_type_key(st) for st in statements)
    flag_counts = Counter(f.category for f in flags)
    extra = tuple(c for c in sorted(flag_counts) if c not in categories)
    named = sum(1 for st in statements if is_named(st.source))
    common = dict(
        statements=len(statements),
        by_kind=tuple((k.value, kinds[k.value]) for k in Kind),
        by_source_type=tuple((t, types[t]) for t in SOURCE_TYPE_ORDER if types[t]),
        by_flag_category=tuple((c, flag_counts[c]) for c in categories + extra),
        distinct_sources=tuple(g.name for g in named_groups(statements)),
        named_on_record_share=round(named / len(statements), 3) if statements else 0.0,
        unscored=tuple(f.id for f in flags if not scoring.counts(f)),
    )
    reason = not_assessed(statements, flags, scoring, layout)
    if reason is not None:
        return Summary(**common, score=None, verdict=NOT_ASSESSED, not_assessed=reason)  # type: ignore[arg-type]
    words = len(layout.text.split()) if layout is not None else 0
    items = breakdown(flags, scoring, words)
    score = max(0.0, 100.0 + sum(i.points for i in items))
    return Summary(**common, score=round(score, 1), breakdown=items, verdict=scoring.verdict(score))  # type: ignore[arg-type]
