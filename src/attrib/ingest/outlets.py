"""The curated outlet list (``kind: outlets`` files in rules/): domain -> name and kinds.

Bundled entries cite their sources in the file; a user's ``--rules`` directory may add
kinds, sources and outlets, replace an entry by giving its domain again, or drop one with
``remove``. What it says is shown as information about an outlet, never as a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import RuleError
from ..model import OutletInfo
from ..rulebook import check_keys, expect, string_list

_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
_FILE_KEYS = ("kind", "description", "kinds", "sources", "outlets", "remove")
_ENTRY_KEYS = ("domain", "also", "name", "kinds", "note", "sources")


@dataclass(frozen=True, slots=True)
class OutletRegistry:
    outlets: Mapping[str, OutletInfo]
    kinds: Mapping[str, str]  # kind -> what it means

    def lookup(self, domain: str | None) -> OutletInfo | None:
        """The entry for a registered domain (or any parent of a host name)."""
        if not domain:
            return None
        domain = domain.lower().rstrip(".")
        while domain:
            if domain in self.outlets:
                return self.outlets[domain]
            _, _, domain = domain.partition(".")
        return None


def _text_map(value: Any, file: str, key: str) -> dict[str, str]:
    items = expect(value, dict, file, None, key)
    out = {}
    for name, text in items.items():
        if not isinstance(name, str) or not isinstance(text, str) or not text.strip():
            raise RuleError(file, "each entry must be a name with a non-empty text", str(name), key)
        out[name] = " ".join(text.split())
    return out


def _domain(value: Any, file: str, rule: str | None, key: str) -> str:
    domain = expect(value, str, file, rule, key).strip().lower()
    if not _DOMAIN.match(domain):
        raise RuleError(file, f"{domain!r} is not a domain name like example.com", rule, key)
    return domain


def build_registry(documents: tuple[tuple[str, Any], ...]) -> OutletRegistry:
    kinds: dict[str, str] = {}
    sources: dict[str, str] = {}
    for file, data in documents:
        check_keys(data, _FILE_KEYS, file, None)
        kinds.update(_text_map(data.get("kinds", {}), file, "kinds"))
        sources.update(_text_map(data.get("sources", {}), file, "sources"))
    outlets: dict[str, OutletInfo] = {}
    for file, data in documents:
        for domain in string_list(data.get("remove", []), file, None, "remove"):
            outlets.pop(_domain(domain, file, None, "remove"), None)
        for n, item in enumerate(expect(data.get("outlets", []), list, file, None, "outlets")):
            expect(item, dict, file, f"#{n + 1}", "outlets")
            domain = _domain(item.get("domain"), file, f"#{n + 1}", "domain")
            check_keys(item, _ENTRY_KEYS, file, domain)
            name = expect(item.get("name"), str, file, domain, "name").strip()
            entry_kinds = string_list(item.get("kinds"), file, domain, "kinds")
            for kind in entry_kinds:
                if kind not in kinds:
                    raise RuleError(file, f"unknown kind {kind!r} (declared kinds: {', '.join(sorted(kinds))})",
                                    domain, "kinds")
            cited = string_list(item.get("sources"), file, domain, "sources")
            if not cited:
                raise RuleError(file, "an outlet entry must cite at least one source", domain, "sources")
            for ref in cited:
                if ref not in sources and "://" not in ref:
                    raise RuleError(file, f"{ref!r} is neither a declared source nor a URL", domain, "sources")
            note = item.get("note", "")
            expect(note, str, file, domain, "note")
            info = OutletInfo(domain, name, tuple(entry_kinds), " ".join(note.split()),
                              tuple(sources.get(ref, ref) for ref in cited))
            for alias in [domain, *(_domain(a, file, domain, "also")
                                    for a in string_list(item.get("also", []), file, domain, "also"))]:
                outlets[alias] = info
    return OutletRegistry(outlets, kinds)

