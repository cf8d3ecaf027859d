"""attrib.toml, the [tui] part: key remapping and theme.

Looked up in the current directory first, then in the user's config directory
(``platformdirs.user_config_path("attrib")``); the first file found is used::

    [tui]
    theme = "textual-light"

    [tui.keys]
    confirm = "y"          # binding id = keys, comma separated
    dismiss = "d,x"
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from ..errors import AttribError
from .keys import IDS

FILENAME = "attrib.toml"
_KEY = re.compile(r"^[^\s,]+$")


class ConfigError(AttribError):
    """attrib.toml is invalid; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class TuiConfig:
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    path: Path | None = None


def config_paths(cwd: Path | None = None) -> list[Path]:
    return [(cwd or Path.cwd()) / FILENAME,
            platformdirs.user_config_path("attrib", appauthor=False) / FILENAME]


def load_config(paths: Sequence[Path] | None = None) -> TuiConfig:
    for path in config_paths() if paths is None else paths:
        if path.is_file():
            return parse_config(path)
    return TuiConfig()


def parse_config(path: Path) -> TuiConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    tui = data.get("tui", {})
    if not isinstance(tui, dict):
        raise ConfigError(f"{path}: [tui] must be a table")
    unknown = set(tui) - {"keys", "theme"}
    if unknown:
        raise ConfigError(f"{path}: [tui]: unknown setting {sorted(unknown)[0]!r} "
                          "(known: keys, theme)")
    keys = tui.get("keys", {})
    if not isinstance(keys, dict):
        raise ConfigError(f"{path}: [tui.keys] must be a table of binding id = \"keys\"")
    for binding_id, value in keys.items():
        if binding_id not in IDS:
            raise ConfigError(f"{path}: [tui.keys]: unknown binding id {binding_id!r} "
                              f"(known: {', '.join(sorted(IDS))})")
        if not isinstance(value, str) or not all(_KEY.match(k.strip()) for k in value.split(",")):
            raise ConfigError(f"{path}: [tui.keys]: {binding_id!r} must be a string of "
                              "key names separated by commas, like \"y\" or \"ctrl+s,f2\"")
    theme = tui.get("theme")
    if theme is not None:
        from textual.theme import BUILTIN_THEMES

        if not isinstance(theme, str) or theme not in BUILTIN_THEMES:
            raise ConfigError(f"{path}: [tui]: theme {theme!r} is not a Textual theme "
                              f"(known: {', '.join(sorted(BUILTIN_THEMES))})")
    return TuiConfig({k: ",".join(p.strip() for p in v.split(",")) for k, v in keys.items()},
                     theme, path)
