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
from pathlib import Path

from ..dirs import cache_dir

Needs = tuple[frozenset[str], ...]  # a match holds a word of each set; () when nothing is known


class NeedsMemo:
    """Pattern -> needs, read from the cache file once; written back, with the patterns
    of this run only, when one of them was not there (so a rule pack used once does not
    make every later start read its patterns). ``code``: the file that works needs
    out; entries made by any other version of it are not read."""

    def __init__(self, code: Path, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "rule-needs.json"
        self.known: dict[str, Needs] = {}
        self.used: dict[str, Needs] = {}
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
        found = self.known.get(pattern)
        if found is not None:
            self.used[pattern] = found
        return found

    def put(self, pattern: str, needs: Needs) -> Needs:
        self.known[pattern] = self.used[pattern] = needs
        self._new = True
        return needs

    def save(self) -> None:
        if not self._new or not self.code:
            return
        from ..errors import OutputError
        from ..files import write_atomic  # written rarely: only when a rule changed

        data = {"code": self.code, "needs": {p: [sorted(s) for s in sets] for p, sets in self.used.items()}}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(data, separators=(",", ":")))
        except (OSError, OutputError):
            pass  # the next run works them out again
        self._new = False
