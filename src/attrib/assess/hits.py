"""A rule's finding before flags are numbered, and how its message is written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Severity, Span
from .rule import FlagRule

_SHOWN = 80  # characters of a match shown inside a one-line message


@dataclass(frozen=True, slots=True)
class Hit:
    rule: FlagRule
    span: Span
    severity: Severity
    message: str
    statement: str | None = None
    confidence: float = 1.0


def short(text: str, limit: int = _SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def message(rule: FlagRule, **values: Any) -> str:
    """The rule's message with its placeholders filled; long text is shortened so the
    message stays one line."""
    shown = {k: short(v) if isinstance(v, str) else v for k, v in values.items()}
    shown.setdefault("context", "")
    return rule.message.format_map(shown)


def natural_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
