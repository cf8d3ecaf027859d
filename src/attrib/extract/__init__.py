"""The attribution engine: ``extract(article, rules) -> tuple[Statement, ...]``."""

from .engine import extract

__all__ = ["extract"]
