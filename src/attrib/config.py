"""User settings: ``attrib.toml`` in the working directory, else ``[tool.attrib]`` in the
working directory's pyproject.toml, else ``attrib.toml`` in the user's config directory
(``~/.config/attrib/`` on Linux). The first one found is used, alone.

    rules = ["house-rules"]            # extra rule directories, relative to the file
    disable = ["loaded-label", "hedge.apparently"]   # categories or rule ids
    enable = ["hedge.some-off-by-default-rule"]      # rules shipped with enabled: false
    fail-on = "warning"                # default for attrib check --fail-on

    [severity]                         # category or rule id -> info | warning | error
    unattributed-claim = "info"
    "hedge.reportedly" = "error"
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from .errors import AttribError
from .model import Severity

KEYS = ("rules", "disable", "enable", "fail-on", "severity",
        "tui",  # [tui]: keys and theme of the review screen, read by attrib.tui.config
        "discover")  # [discover]: endpoint and interval of the coverage search
LEVELS = tuple(s.value for s in Severity)


class ConfigError(AttribError):
    """The configuration file is invalid: names the file and the key."""

    def __init__(self, file: str, message: str, key: str | None = None):
        where = f"{file}: key {key!r}" if key else file
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class Settings:
    disable: frozenset[str] = frozenset()
    enable: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_dirs: tuple[str, ...] = ()
    fail_on: Severity | None = None
    discover: Mapping[str, Any] = field(default_factory=dict)  # read by corroborate.settings
    file: str | None = None  # where they came from, for messages

    def level_for(self, rule_id: str, category: str, default: Severity) -> Severity:
        """A rule's own setting wins over its category's."""
        return self.severity.get(rule_id) or self.severity.get(category) or default

    def is_on(self, rule_id: str, category: str, enabled: bool) -> bool:
        if rule_id in self.disable:
            return False
        if rule_id in self.enable:
            return True
        return enabled and category not in self.disable


def _table(value: Any, file: str, key: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(file, "must be a table", key)
    return value


def _names(value: Any, file: str, key: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(file, "must be a list of rule ids or categories", key)
    return frozenset(v.strip() for v in value)


def parse_settings(data: Mapping[str, Any], file: str, base: Path) -> Settings:
    for key in data:
        if key not in KEYS:
            raise ConfigError(file, f"unknown setting (expected one of: {', '.join(KEYS)})", key)
    dirs = data.get("rules", [])
    if not isinstance(dirs, list) or not all(isinstance(d, str) and d for d in dirs):
        raise ConfigError(file, "must be a list of directories", "rules")
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(file, "must be a table of rule id or category = level", "severity")
    levels = {}
    for name, level in severity.items():
        if level not in LEVELS:
            raise ConfigError(file, f"must be one of: {', '.join(LEVELS)}", f"severity.{name}")
        levels[name] = Severity(level)
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in LEVELS + ("never",):
        raise ConfigError(file, f"must be one of: {', '.join(LEVELS)}, never", "fail-on")
    return Settings(
        disable=_names(data.get("disable", []), file, "disable"),
        enable=_names(data.get("enable", []), file, "enable"),
        severity=levels,
        rule_dirs=tuple(str((base / Path(d).expanduser()).resolve()) for d in dirs),
        fail_on=None if fail_on in (None, "never") else Severity(fail_on),
        discover=_table(data.get("discover", {}), file, "discover"),
        file=file)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read ({exc.strerror})") from None


def read_settings(path: Path) -> Settings:
    """Settings from one file: an attrib.toml, or a pyproject.toml's [tool.attrib]."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = _tool_attrib(data)
        if not isinstance(data, dict):
            raise ConfigError(str(path), "must be a table", "tool.attrib")
    return parse_settings(data, str(path), path.resolve().parent)


def _tool_attrib(data: dict[str, Any]) -> Any:
    tool = data.get("tool")
    return tool.get("attrib") if isinstance(tool, dict) else None


def find_config(cwd: Path | None = None) -> Path | None:
    cwd = cwd or Path.cwd()
    local = cwd / "attrib.toml"
    if local.is_file():
        return local
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        try:  # another project's pyproject.toml, broken or not, is none of our business
            if isinstance(_tool_attrib(_read_toml(pyproject)), dict):
                return pyproject
        except ConfigError:
            pass
    user = Path(user_config_dir("attrib", appauthor=False)) / "attrib.toml"
    return user if user.is_file() else None


def load_settings(explicit: str | None = None, cwd: Path | None = None) -> Settings:
    """``--config FILE``, else ``$ATTRIB_CONFIG`` where that file exists, else the first of
    ./attrib.toml, [tool.attrib] in ./pyproject.toml and the user's attrib.toml."""
    env = os.environ.get("ATTRIB_CONFIG")
    if explicit is None and env:
        return read_settings(Path(env)) if Path(env).is_file() else Settings()
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(explicit, "no such configuration file")
        return read_settings(path)
    found = find_config(cwd)
    return read_settings(found) if found else Settings()
