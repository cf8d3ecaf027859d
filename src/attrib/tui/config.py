"""The [tui] table of attrib's settings file: key remapping and theme.

The file is the one attrib.config finds (``--config FILE``, else ``attrib.toml`` here,
else ``[tool.attrib]`` in ./pyproject.toml, else ``attrib.toml`` in the user config
directory)::

    [tui]
    theme = "textual-light"

    [tui.keys]
    confirm = "y"          # binding id = keys, comma separated
    dismiss = "d,x"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import find_config
from ..errors import AttribError
from .keys import IDS

_KEY = re.compile(r"^[^\s,]+$")


class ConfigError(AttribError):
    """The [tui] settings are invalid; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class TuiConfig:
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    path: Path | None = None


def load_config(explicit: str | None = None, cwd: Path | None = None) -> TuiConfig:
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
        return parse_config(path)
    found = find_config(cwd)
    return parse_config(found) if found else TuiConfig()


def _read(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("attrib", {})
    return data if isinstance(data, dict) else {}


def parse_config(path: Path) -> TuiConfig:
    tui = _read(path).get("tui", {})
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
