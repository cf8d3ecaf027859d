"""The words each pattern needs (``terms.required_sets``), kept between runs.

Reading them means parsing every pattern with the standard library's parser, a sixth of
the start-up of a one-sentence check. They depend on the pattern's text alone, so, like
Python's .pyc files, they are kept in the cache directory (``rule-needs.json``) and
worked out again for any pattern not found there. A missing, unreadable or foreign file
is ignored; a read-only cache directory only costs the time saved.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

Needs = tuple[frozenset[str], ...]  # a match holds a word of each set; () when nothing is known
_MAX_ENTRIES = 4000  # a file that grows past this (many packs over time) starts again


def _path() -> Path:
    env = os.environ.get("ATTRIB_CACHE_DIR")
    if env:
        return Path(env) / "rule-needs.json"
    import platformdirs

    return Path(platformdirs.user_cache_dir("attrib", appauthor=False)) / "rule-needs.json"


class NeedsMemo:
    """Pattern -> needs, read from the cache file once and written back when it grew.
    ``code``: the file that works needs out; entries made by any other version of it
    are not read."""

    def __init__(self, code: Path, path: Path | None = None) -> None:
        self.path = path or _path()
        self.known: dict[str, Needs] = {}
        self._new = False
        try:
            self.code = hashlib.sha1(code.read_bytes()).hexdigest()
        except OSError:
            self.code = ""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if self.code and data.get("code") == self.code:
                self.known = {p: tuple(frozenset(s) for s in sets) for p, sets in data["needs"].items()}
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            self.known = {}

    def get(self, pattern: str) -> Needs | None:
        return self.known.get(pattern)

    def put(self, pattern: str, needs: Needs) -> Needs:
        self.known[pattern] = needs
        self._new = True
        return needs

    def save(self) -> None:
        if not self._new or not self.code:
            return
        from ..errors import OutputError
        from ..files import write_atomic  # written rarely: only when a rule changed

        known = self.known if len(self.known) <= _MAX_ENTRIES else {}
        data = {"code": self.code, "needs": {p: [sorted(s) for s in sets] for p, sets in known.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(data, separators=(",", ":")))
        except (OSError, OutputError):
            pass  # the next run works them out again
        self._new = False
