"""User settings: one typed tree read from one file.

The file is ``--config FILE``, else ``$ATTRIB_CONFIG`` where that file exists, else the
first of ``attrib.toml`` in the working directory, ``[tool.attrib]`` in the working
directory's pyproject.toml and ``attrib.toml`` in the user's config directory
(``~/.config/attrib/`` on Linux)::

    rules = ["house-rules"]            # extra rule directories, relative to the file
    disable = ["loaded-label", "hedge.apparently"]   # categories or rule ids
    enable = ["hedge.some-off-by-default-rule"]      # rules shipped with enabled: false
    fail-on = "warning"                # default for attrib check --fail-on

    [severity]                         # category or rule id -> info | warning | error
    unattributed-claim = "info"

    [discover]                         # the coverage search (attrib check --discover)
    endpoint = "https://api.gdeltproject.org/api/v2/doc/doc"
    interval = 5                       # seconds between two requests to it

    [tui]                              # the review screen
    theme = "textual-light"
    [tui.keys]                         # binding id = keys, comma separated
    confirm = "y"

The environment overrides the file for discovery (``$ATTRIB_DISCOVER_ENDPOINT``,
``$ATTRIB_DISCOVER_INTERVAL``); command-line options override both. Binding ids and theme
names are checked against the review screen when it opens (Textual is not imported for
``attrib check``).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir

from .errors import ConfigError
from .model import Severity

KEYS = ("rules", "disable", "enable", "fail-on", "severity", "tui", "discover")
LEVELS = tuple(s.value for s in Severity)
DEFAULT_ENDPOINT = "https://api.gdeltproject.org/api/v2/doc/doc"
DEFAULT_INTERVAL = 5.0  # GDELT asks for no more than one request every five seconds
_KEY_SPEC = re.compile(r"^[^\s,]+$")


@dataclass(frozen=True, slots=True)
class DiscoverSettings:
    """Where the coverage search asks, and how politely."""

    endpoint: str = DEFAULT_ENDPOINT
    interval: float = DEFAULT_INTERVAL  # seconds between two requests to the endpoint
    max_results: int = 20  # pages taken from the search
    retries: int = 2  # after an HTTP 429


@dataclass(frozen=True, slots=True)
class TuiSettings:
    """The review screen: remapped keys (binding id -> Textual key names) and a theme."""

    keys: Mapping[str, str] = field(default_factory=dict)
    theme: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    disable: frozenset[str] = frozenset()  # categories or rule ids switched off
    enable: frozenset[str] = frozenset()  # rules shipped with enabled: false, switched on
    severity: Mapping[str, Severity] = field(default_factory=dict)  # category or rule id -> level
    rule_dirs: tuple[str, ...] = ()  # extra rule directories, absolute
    fail_on: Severity | None = None  # attrib check exits 1 at this level
    discover: DiscoverSettings = field(default_factory=DiscoverSettings)
    tui: TuiSettings = field(default_factory=TuiSettings)
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


def seconds(value: Any, where: str, file: str | None = None) -> float:
    """A finite, non-negative number of seconds."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number) or number < 0:
        raise ConfigError(file or where, f"must be a number of seconds, got {value!r}",
                          where if file else None)
    return number


def _discover(data: Mapping[str, Any], file: str) -> DiscoverSettings:
    for key in data:
        if key not in ("endpoint", "interval"):
            raise ConfigError(file, "unknown setting (expected endpoint or interval)", f"discover.{key}")
    endpoint = data.get("endpoint", DEFAULT_ENDPOINT)
    if not isinstance(endpoint, str) or not endpoint.startswith(("http://", "https://")):
        raise ConfigError(file, f"must be an http(s) URL, got {endpoint!r}", "discover.endpoint")
    interval = seconds(data.get("interval", DEFAULT_INTERVAL), "discover.interval", file)
    return DiscoverSettings(endpoint, interval)


def _tui(data: Mapping[str, Any], file: str) -> TuiSettings:
    unknown = sorted(set(data) - {"keys", "theme"})
    if unknown:
        raise ConfigError(file, f"unknown setting {unknown[0]!r} (known: keys, theme)", "tui")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        raise ConfigError(file, "must be a table of binding id = \"keys\"", "tui.keys")
    for binding_id, value in keys.items():
        if not isinstance(value, str) or not all(_KEY_SPEC.match(k.strip()) for k in value.split(",")):
            raise ConfigError(file, f"{binding_id!r} must be a string of key names separated by "
                                    "commas, like \"y\" or \"ctrl+s,f2\"", "tui.keys")
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise ConfigError(file, "must be the name of a Textual theme", "tui.theme")
    return TuiSettings({k: ",".join(p.strip() for p in v.split(",")) for k, v in keys.items()}, theme)


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
    if fail_on is not None and fail_on not in (*LEVELS, "never"):
        raise ConfigError(file, f"must be one of: {', '.join(LEVELS)}, never", "fail-on")
    return Settings(
        disable=_names(data.get("disable", []), file, "disable"),
        enable=_names(data.get("enable", []), file, "enable"),
        severity=levels,
        rule_dirs=tuple(str((base / Path(d).expanduser()).resolve()) for d in dirs),
        fail_on=None if fail_on in (None, "never") else Severity(fail_on),
        discover=_discover(_table(data.get("discover", {}), file, "discover"), file),
        tui=_tui(_table(data.get("tui", {}), file, "tui"), file),
        file=file)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here, not at the top: most runs find no config file (start-up)

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


def _from_environment(settings: Settings) -> Settings:
    endpoint = os.environ.get("ATTRIB_DISCOVER_ENDPOINT")
    interval = os.environ.get("ATTRIB_DISCOVER_INTERVAL")
    discover = settings.discover
    if endpoint:
        if not endpoint.startswith(("http://", "https://")):
            raise ConfigError("ATTRIB_DISCOVER_ENDPOINT", f"must be an http(s) URL, got {endpoint!r}")
        discover = replace(discover, endpoint=endpoint)
    if interval is not None:
        discover = replace(discover, interval=seconds(interval, "ATTRIB_DISCOVER_INTERVAL"))
    return replace(settings, discover=discover)


def load_settings(explicit: str | None = None, cwd: Path | None = None) -> Settings:
    """``--config FILE``, else ``$ATTRIB_CONFIG`` where that file exists, else the first of
    ./attrib.toml, [tool.attrib] in ./pyproject.toml and the user's attrib.toml; then
    the environment's discovery settings over the file's."""
    env = os.environ.get("ATTRIB_CONFIG")
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(explicit, "no such configuration file")
        settings = read_settings(path)
    elif env:
        settings = read_settings(Path(env)) if Path(env).is_file() else Settings()
    else:
        found = find_config(cwd)
        settings = read_settings(found) if found else Settings()
    return _from_environment(settings)
