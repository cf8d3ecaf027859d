"""Small helpers the report renderers share."""

from __future__ import annotations

from ..model import Flag, Span


def flag_sentence(flag: Flag) -> Span:
    """The sentence a flag sits in (the assessment records it), else the flag itself."""
    return flag.sentence or flag.span


def share(value: float) -> str:
    return f"{value:.0%}"
