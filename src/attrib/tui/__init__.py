"""The review terminal UI (``attrib tui``). Importing this package does not load Textual;
``ReviewApp`` does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import ReviewApp

__all__ = ["ReviewApp"]


def __getattr__(name: str) -> Any:
    if name == "ReviewApp":
        from .app import ReviewApp

        return ReviewApp
    raise AttributeError(name)
