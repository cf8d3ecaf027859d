"""A count and its noun, agreeing: '1 flag', '2 flags', '1,204 statements'."""

from __future__ import annotations


def noun(n: int, one: str, many: str | None = None) -> str:
    """``one`` for exactly one, else ``many`` (``one`` + 's' unless given)."""
    return one if n == 1 else many or one + "s"


def counted(n: int, one: str, many: str | None = None) -> str:
    """The count, grouped by thousands, and its noun."""
    return f"{n:,} {noun(n, one, many)}"
