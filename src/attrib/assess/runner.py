"""Run the flag rules over one article and number what they find."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Flag, Severity, Span, Statement
from ..text import Layout
from .hits import Hit
from .rule import FlagRule
from .ruleset import CATEGORIES
from .scan import LiteralFinder
from .statement_index import StatementIndex
from .terms import needs_of


def find_hits(rules: Iterable[FlagRule], doc: StatementIndex) -> list[Hit]:
    return [hit for rule in rules for hit in rule.check.run(rule, doc)]


def _category_rank(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def merge(hits: list[Hit]) -> list[Hit]:
    """One flag per thing found: of hits in the same category whose spans overlap, the
    most severe stays (the first rule listed wins a tie). Several rules may then cover
    the same wording without counting it twice. A rule with ``defer`` also gives way to
    a flag of any other category on the same words."""
    order = sorted(range(len(hits)), key=lambda i: (-hits[i].severity.rank, i))
    kept: list[Hit] = []
    for i in order:
        hit = hits[i]
        if not any(k.rule.category == hit.rule.category and k.span.overlaps(hit.span) for k in kept):
            kept.append(hit)
    # a deferring rule (a learned cue) gives way to any flag of another kind on its words
    firm = [k for k in kept if not k.rule.defer and k.rule.type != "claim"]  # a claim spans a sentence
    kept = [k for k in kept if not k.rule.defer
            or not any(f.rule.category != k.rule.category and f.span.overlaps(k.span) for f in firm)]
    return sorted(kept, key=lambda h: (h.span.start, h.span.end, _category_rank(h.rule.category), h.rule.id))


def once_per_passage(hits: list[Hit], doc: StatementIndex) -> list[Hit]:
    """A passage the page repeats word for word (some pages hold their article twice)
    raises its findings once: a hit of the same rule, on the same words, in a sentence
    with the same words as one kept before is dropped."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for hit in hits:
        sentence = doc.layout.sentences_over(hit.span)
        key = (hit.rule.id, hit.span.of(doc.text), " ".join(sentence.of(doc.text).split()))
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept


def _sentence(hit: Hit, layout: Layout, statements: dict[str, Statement]) -> Span:
    """Where a flag is shown in context: its statement's sentence, else the sentences its
    span touches (an article-level flag shows the sentence of its anchor)."""
    st = statements.get(hit.statement) if hit.statement is not None else None
    if st is not None and st.sentence.contains(hit.span):
        return st.sentence
    return layout.sentences_over(hit.span)


def to_flags(hits: list[Hit], doc: StatementIndex) -> tuple[Flag, ...]:
    text = doc.text
    by_id = {st.id: st for st in doc.statements}
    return tuple(Flag(id=f"f{n}", rule=h.rule.id, category=h.rule.category, severity=h.severity,
                      span=h.span, text=h.span.of(text), message=h.message,
                      explanation=h.rule.explanation, statement=h.statement,
                      sentence=_sentence(h, doc.layout, by_id), confidence=round(h.confidence, 2))
                 for n, h in enumerate(hits, 1))


def literal_finder(rules: Iterable[FlagRule]) -> LiteralFinder:
    """The words the rules' patterns need, to find them in one pass over each article
    (the checks' terms: conditions read short texts and need no index)."""
    return LiteralFinder(needs_of(*(rule.check for rule in rules)))


def run_rules(rules: Iterable[FlagRule], layout: Layout, statements: tuple[Statement, ...],
              heading: str = "", year: int | None = None, finder: LiteralFinder | None = None) -> tuple[Flag, ...]:
    """``heading``: the article's title and address, where a page declares itself a column
    or an analysis; ``year``: when it was published, which makes older years background;
    ``finder``: the rules' ``literal_finder``, built once (without it, each word a
    pattern needs is searched for on its own)."""
    doc = StatementIndex(layout, statements, heading, year, finder)
    return to_flags(once_per_passage(merge(find_hits(rules, doc)), doc), doc)


def at_or_above(flags: Iterable[Flag], level: Severity) -> list[Flag]:
    return [f for f in flags if f.severity.rank >= level.rank]
