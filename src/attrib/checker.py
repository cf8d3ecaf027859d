"""The Checker: everything compiled from the rules and the settings, once, and the
pipeline that runs it on an article.

    input -> ingest -> Layout -> extract -> assess -> (corroborate) -> Report

A Checker is built once and reused for every article (the CLI, the review screen and a
corpus scan each hold one); it pickles, so a scan sends it to its workers once.
``attrib.check`` is the one-shot form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from .assess import configured, literal_finder, parse_rules, parse_scoring, run_rules, summarise
from .corroborate.coverage_request import CoverageRequest
from .corroborate.lexicons import MatchLexicons
from .corroborate.summary import corroboration_counts
from .extract import Extractor
from .ingest import FetchOptions, load_article
from .ingest.outlets import build_registry
from .model import Article, Corroboration, CoveragePage, OutletInfo, PageOrigin, Report, ScoreItem, Statement
from .plural import counted
from .rulebook import Rulebook, load_rulebook
from .settings import Settings
from .text import Layout

if TYPE_CHECKING:
    from .corroborate.progress import Progress
    from .corroborate.stream import CoverageEvent
    from .ingest.cache import PageCache

    # Other coverage of the story: articles already read, a request to gather it (as the
    # command line builds), or any function of the statements that yields events.
    Coverage: TypeAlias = (Sequence[Article] | CoverageRequest
                           | Callable[[Article, tuple[Statement, ...]], Iterable[CoverageEvent]])

ArticleLike: TypeAlias = Article | str | Path


class Checker:
    """Rules and settings compiled once.

    ``rules``: extra rule directories (beside the bundled rules and those the settings
    name), or a Rulebook already loaded. ``settings``: rules switched off, severities,
    discovery and the review screen (attrib.toml); the defaults when None."""

    def __init__(self, rules: Sequence[str | Path] | Rulebook = (), settings: Settings | None = None):
        self.settings = settings or Settings()
        if isinstance(rules, Rulebook):
            self.rules = rules
        else:
            self.rules = load_rulebook([*self.settings.rule_dirs, *rules])
        self.abbreviations = self.rules.lexicon("abbreviations")
        self.extractor = Extractor(self.rules)
        self.ruleset = parse_rules(self.rules)
        self.flag_rules = configured(self.ruleset, self.settings)
        self.finder = literal_finder(self.flag_rules)  # the words the flag rules need, found in one pass
        self.scoring = parse_scoring(self.rules.documents.get("score", ()))
        self.outlets = build_registry(self.rules.documents.get("outlets", ()))
        self.match_lexicons = MatchLexicons.from_rulebook(self.rules)

    # -- the stages ------------------------------------------------------------------

    def read(self, target: str | Path, *, fetch: FetchOptions | None = None,
             cache: PageCache | None = None) -> Article:
        """An article from a path (.txt or .html), ``-`` for standard input, or an
        http(s) URL. Raises InputError with a one-line reason."""
        return load_article(str(target), fetch=fetch, cache=cache)

    def layout(self, text: str) -> Layout:
        """The text's paragraphs, sentences and quotations, parsed once for every stage."""
        return Layout(text, self.abbreviations)

    def extract(self, article: ArticleLike) -> tuple[Statement, ...]:
        """The attributed statements of an article (or of a text), in text order."""
        return self.extractor.extract(self.layout(self._article(article).text))

    def prepared(self, text: str) -> tuple[Layout, tuple[Statement, ...]]:
        """A text's layout and statements: what the flag rules read."""
        layout = self.layout(text)
        return layout, self.extractor.extract(layout)

    def statements_of(self, text: str) -> tuple[Statement, ...]:
        """The attributed statements of a plain text (coverage pages' speaker check)."""
        return self.extractor.extract(self.layout(text))

    def check(self, article: ArticleLike, *, coverage: Coverage | None = None,
              on_note: Callable[[str], None] | None = None) -> Report:
        """Extract, assess and summarise one article; with ``coverage``, match every
        statement against it. ``on_note`` hears what went wrong gathering coverage
        (pages skipped, a search that failed); the report lists the pages too."""
        article = self._article(article)
        layout = self.layout(article.text)
        statements = self.extractor.extract(layout)
        heading = " ".join(x for x in (article.title, article.url) if x)
        year = int(article.published[:4]) if article.published and article.published[:4].isdigit() else None
        flags = run_rules(self.flag_rules, layout, statements, heading, year, self.finder)
        summary = summarise(statements, flags, self.scoring, self.ruleset.categories(), layout)
        report = Report(article=article, statements=statements, flags=flags, summary=summary)
        if coverage is not None:
            report = self.corroborated(report, self.coverage_events(report, coverage), on_note)
        return replace(report, outlets=self.outlets_named(report))

    def reviewed(self, report: Report) -> Report:
        """The summary recomputed with the report's verdicts: what the reviewer dismissed
        leaves the score (with the flags of a statement dismissed as wrongly extracted),
        and the breakdown says how many."""
        from .review import dismissed

        gone_statements, gone_flags = dismissed(report)
        if not gone_statements and not gone_flags:
            return report
        statements = tuple(st for st in report.statements if st.id not in gone_statements)
        flags = tuple(f for f in report.flags if f.id not in gone_flags)
        summary = summarise(statements, flags, self.scoring, self.ruleset.categories())
        gone = [counted(n, word) for n, word in
                ((len(gone_flags), "flag"), (len(gone_statements), "statement")) if n]
        note = ScoreItem(f"dismissed by the reviewer: {' and '.join(gone)} (not counted)", 0.0,
                         tuple(f.id for f in report.flags if f.id in gone_flags))
        return replace(report, summary=replace(summary, breakdown=(*summary.breakdown, note),
                                               corroboration=report.summary.corroboration))

    # -- coverage --------------------------------------------------------------------

    def coverage_events(self, report: Report, coverage: Coverage, *, batches: int = 1,
                        progress: Progress | None = None) -> Iterator[CoverageEvent]:
        """The stream of coverage events for a report's statements (see
        corroborate/stream.py): what both ``check`` and the review screen consume."""
        from .corroborate.documents import CoverageDoc
        from .corroborate.stream import coverage_events, match_events

        article, statements = report.article, report.statements
        if isinstance(coverage, CoverageRequest):
            return coverage_events(article, statements, coverage, self.match_lexicons, self.statements_of,
                                   batches=batches, progress=progress)
        if callable(coverage):
            return iter(coverage(article, statements))
        docs = [CoverageDoc.from_article(a, a.url or a.path or f"coverage {n}", PageOrigin.COVERAGE)
                for n, a in enumerate(coverage, 1)]
        pages = [CoveragePage(d.url, d.origin, d.outlet, d.title) for d in docs]
        return iter([*pages, *match_events(article, statements, docs, self.match_lexicons,
                                           self.statements_of, batches)])

    def corroborated(self, report: Report, events: Iterable[CoverageEvent],
                     on_note: Callable[[str], None] | None = None) -> Report:
        """The report with every coverage event folded in."""
        found: list[Corroboration] = []
        pages: list[CoveragePage] = []
        for event in events:
            if isinstance(event, Corroboration):
                found.append(event)
            elif isinstance(event, CoveragePage):
                pages.append(event)
            elif on_note is not None:
                on_note(event.text)
        counts = corroboration_counts(found)
        return replace(report, corroborations=tuple(found), coverage=tuple(pages),
                       summary=replace(report.summary, corroboration=counts))

    def outlets_named(self, report: Report) -> tuple[OutletInfo, ...]:
        """What the curated outlet list says about the article's outlet and every outlet
        that gave evidence."""
        domains = [report.article.outlet, *(e.outlet for c in report.corroborations for e in c.evidence),
                   *(p.outlet for p in report.coverage)]
        found: dict[str, OutletInfo] = {}
        for domain in domains:
            info = self.outlets.lookup(domain)
            if info is not None:
                found.setdefault(info.domain, info)
        return tuple(found.values())

    def _article(self, article: ArticleLike) -> Article:
        if isinstance(article, Article):
            return article
        if isinstance(article, Path) or (isinstance(article, str) and article.startswith(("http://", "https://"))
                                         and "\n" not in article and " " not in article.strip()):
            return self.read(article)
        return Article(text=article)


def check(article: ArticleLike, *, rules: Sequence[str | Path] = (), settings: Settings | None = None,
          coverage: Coverage | None = None) -> Report:
    """Check one article: a text (``str``), a file (``pathlib.Path``), a URL (a ``str``
    starting with http:// or https://) or an ``Article``. Builds a Checker for the one
    call; to check many articles, build one Checker and call its ``check``."""
    return Checker(rules, settings).check(article, coverage=coverage)
