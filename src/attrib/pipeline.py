"""The pipeline as one function: Article -> Report. Each stage is a plain function."""

from __future__ import annotations

from .extract.engine import extract
from .model import Article, Report
from .rulebook import Rulebook, load_rulebook


def check(article: Article, rules: Rulebook | None = None) -> Report:
    """Extract, assess and summarise one article (no network)."""
    rules = rules or load_rulebook()
    statements = extract(article, rules)
    return Report(article=article, statements=statements)
