"""Turn what the user points at (a path or ``-`` for stdin) into an Article."""

from __future__ import annotations

from ..model import Article
from .text import MAX_BYTES, decode, read_text_article

__all__ = ["MAX_BYTES", "decode", "load_article", "read_text_article"]


def load_article(target: str) -> Article:
    """Read an article from a path or ``-``. Raises InputError with a one-line reason."""
    return read_text_article(target)
