"""Other coverage of the story, as read for matching."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, PageOrigin, Statement

# A stretch of coverage text -> its attributions (the speaker check reads only the
# paragraphs around a matched passage, never whole pages).
ReadStatements = Callable[[str], tuple[Statement, ...]]


@dataclass(frozen=True, slots=True)
class CoverageDoc:
    url: str  # where it came from: the URL, or the canonical URL / path of a saved page
    outlet: str  # registered domain, or the best name the page gives
    text: str
    title: str | None = None
    origin: PageOrigin = PageOrigin.COVERAGE

    @classmethod
    def from_article(cls, article: Article, where: str, origin: PageOrigin) -> CoverageDoc:
        outlet = article.outlet or article.site_name or _fallback(where)
        return cls(url=article.url or where, outlet=outlet, text=article.text,
                   title=article.title, origin=origin)


def _fallback(where: str) -> str:
    return Path(where).stem if "://" not in where else where.split("://", 1)[1].split("/", 1)[0]
