"""The pipeline as one function: Article -> Report. Each stage is a plain function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .assess import assess, summarise
from .config import Settings
from .corroborate import corroborate, corroboration_counts
from .corroborate.gather import CoverageSet
from .extract.engine import extract
from .ingest.outlets import outlet_registry
from .model import Article, OutletInfo, Report, Statement
from .rulebook import Rulebook, load_rulebook


Gather = Callable[[tuple[Statement, ...]], "CoverageSet | None"]


def check(article: Article, rules: Rulebook | None = None, *, settings: Settings | None = None,
          coverage: CoverageSet | Gather | None = None) -> Report:
    """Extract, assess and summarise one article. ``settings`` switch flag rules off or
    change their severity (attrib.toml). ``coverage`` is other coverage of the story,
    already fetched, or the function at the edge that fetches it for these statements
    (discovery searches with their quotes); every statement is matched against it."""
    rules = rules or load_rulebook()
    statements = extract(article, rules)
    if callable(coverage):
        coverage = coverage(statements)
    flags = assess(article, statements, rules, settings)
    summary = summarise(statements, flags, rules)
    report = Report(article=article, statements=statements, flags=flags, summary=summary)
    if coverage is not None:
        found = corroborate(article, statements, coverage.docs, rules)
        report = replace(report, corroborations=found, coverage=coverage.pages,
                         summary=replace(summary, corroboration=corroboration_counts(found)))
    return replace(report, outlets=outlets_named(report, rules))


def outlets_named(report: Report, rules: Rulebook) -> tuple[OutletInfo, ...]:
    """What the curated outlet list says about the article's outlet and every outlet
    that gave evidence."""
    registry = outlet_registry(rules)
    domains = [report.article.outlet, *(e.outlet for c in report.corroborations for e in c.evidence),
               *(p.outlet for p in report.coverage)]
    found: dict[str, OutletInfo] = {}
    for domain in domains:
        info = registry.lookup(domain)
        if info is not None:
            found.setdefault(info.domain, info)
    return tuple(found.values())
