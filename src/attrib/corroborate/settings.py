"""Where discovery searches and how politely: option, then environment, then
``[discover]`` in the settings file (attrib.toml, see attrib.config)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import AttribError

DEFAULT_ENDPOINT = "https://api.gdeltproject.org/api/v2/doc/doc"
DEFAULT_INTERVAL = 5.0  # GDELT asks for no more than one request every five seconds


@dataclass(frozen=True, slots=True)
class DiscoverSettings:
    endpoint: str = DEFAULT_ENDPOINT
    interval: float = DEFAULT_INTERVAL  # seconds between two requests to the endpoint
    max_results: int = 20
    retries: int = 2  # after an HTTP 429


def _number(value: Any, where: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise AttribError(f"{where}: must be a number of seconds, got {value!r}") from None
    if number < 0:
        raise AttribError(f"{where}: must not be negative")
    return number


def discover_settings(endpoint: str | None = None, max_results: int = 20,
                      section: Mapping[str, Any] | None = None) -> DiscoverSettings:
    """``section`` is ``[discover]`` of the settings file (attrib.config)."""
    section = section or {}
    chosen = endpoint or os.environ.get("ATTRIB_DISCOVER_ENDPOINT") or section.get("endpoint") or DEFAULT_ENDPOINT
    if not isinstance(chosen, str) or not chosen.startswith(("http://", "https://")):
        raise AttribError(f"discovery endpoint {chosen!r}: must be an http(s) URL")
    if "ATTRIB_DISCOVER_INTERVAL" in os.environ:
        interval = _number(os.environ["ATTRIB_DISCOVER_INTERVAL"], "ATTRIB_DISCOVER_INTERVAL")
    else:
        interval = _number(section.get("interval", DEFAULT_INTERVAL), "discover.interval in the settings file")
    return DiscoverSettings(chosen, interval, max_results)
