"""Run the flag rules over one article and number what they find."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..model import Article, Flag, Severity, Statement
from ..rulebook import Rulebook
from .claims import run_claim
from .diversity import run_sources
from .document import Document
from .hits import Hit
from .phrases import run_phrase
from .ruleset import CATEGORIES, FlagRule
from .statements import run_statement

RUNNERS: dict[str, Callable[[FlagRule, Document], Iterator[Hit]]] = {
    "phrase": run_phrase, "statement": run_statement, "claim": run_claim, "sources": run_sources,
}


def document_for(article: Article, statements: tuple[Statement, ...], rules: Rulebook) -> Document:
    abbreviations = rules.lexicon("abbreviations") if "abbreviations" in rules.lexicons else frozenset()
    return Document(article.text, statements, abbreviations)


def find_hits(rules: Iterable[FlagRule], doc: Document) -> list[Hit]:
    return [hit for rule in rules for hit in RUNNERS[rule.type](rule, doc)]


def _category_rank(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def merge(hits: list[Hit]) -> list[Hit]:
    """One flag per thing found: of hits in the same category whose spans overlap, the
    most severe stays (the first rule listed wins a tie). Several rules may then cover
    the same wording without counting it twice."""
    order = sorted(range(len(hits)), key=lambda i: (-hits[i].severity.rank, i))
    kept: list[Hit] = []
    for i in order:
        hit = hits[i]
        if not any(k.rule.category == hit.rule.category and k.span.overlaps(hit.span) for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.span.start, h.span.end, _category_rank(h.rule.category), h.rule.id))


def to_flags(hits: list[Hit], text: str) -> tuple[Flag, ...]:
    return tuple(Flag(id=f"f{n}", rule=h.rule.id, category=h.rule.category, severity=h.severity,
                      span=h.span, text=h.span.of(text), message=h.message,
                      explanation=h.rule.explanation, statement=h.statement)
                 for n, h in enumerate(hits, 1))


def run_rules(rules: Iterable[FlagRule], article: Article, statements: tuple[Statement, ...],
              rulebook: Rulebook) -> tuple[Flag, ...]:
    doc = document_for(article, statements, rulebook)
    return to_flags(merge(find_hits(rules, doc)), article.text)


def at_or_above(flags: Iterable[Flag], level: Severity) -> list[Flag]:
    return [f for f in flags if f.severity.rank >= level.rank]
