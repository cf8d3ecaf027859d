"""Where discovery searches and how politely: option, then environment, then the config
file (``[discover]`` in ``$ATTRIB_CONFIG`` or the user's config dir ``config.toml``)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
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


def config_path() -> Path:
    env = os.environ.get("ATTRIB_CONFIG")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_config_dir("attrib", appauthor=False)) / "config.toml"


def _config_section() -> dict[str, Any]:
    path = config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise AttribError(f"{path}: cannot read the config file ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise AttribError(f"{path}: invalid TOML ({exc})") from None
    section = data.get("discover", {})
    if not isinstance(section, dict):
        raise AttribError(f"{path}: [discover] must be a table")
    return section


def _number(value: Any, where: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise AttribError(f"{where}: must be a number of seconds, got {value!r}") from None
    if number < 0:
        raise AttribError(f"{where}: must not be negative")
    return number


def discover_settings(endpoint: str | None = None, max_results: int = 20) -> DiscoverSettings:
    section = _config_section()
    chosen = endpoint or os.environ.get("ATTRIB_DISCOVER_ENDPOINT") or section.get("endpoint") or DEFAULT_ENDPOINT
    if not isinstance(chosen, str) or not chosen.startswith(("http://", "https://")):
        raise AttribError(f"discovery endpoint {chosen!r}: must be an http(s) URL")
    if "ATTRIB_DISCOVER_INTERVAL" in os.environ:
        interval = _number(os.environ["ATTRIB_DISCOVER_INTERVAL"], "ATTRIB_DISCOVER_INTERVAL")
    else:
        interval = _number(section.get("interval", DEFAULT_INTERVAL), f"{config_path()}: discover.interval")
    return DiscoverSettings(chosen, interval, max_results)
