"""The pipeline as one function: Article -> Report. Each stage is a plain function."""

from __future__ import annotations

from .assess import assess, summarise
from .config import Settings
from .extract.engine import extract
from .model import Article, Report
from .rulebook import Rulebook, load_rulebook


def check(article: Article, rules: Rulebook | None = None, *, settings: Settings | None = None) -> Report:
    """Extract, assess and summarise one article (no network). ``settings`` switch flag
    rules off or change their severity (attrib.toml)."""
    rules = rules or load_rulebook()
    statements = extract(article, rules)
    flags = assess(article, statements, rules, settings)
    summary = summarise(statements, flags, rules)
    return Report(article=article, statements=statements, flags=flags, summary=summary)
