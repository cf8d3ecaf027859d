"""What a rule matches, compiled from data: phrases, regular expressions and lexicons.

A ``match`` block in a flag rule (and every text condition) is a ``Terms``:

* ``tokens``: phrases matched as whole words, case-insensitively, with any run of white
  space between their words ("so-called", "according to reports");
* ``patterns``: regular expressions (case-insensitive unless ``case: true``); a
  ``{lexicon:NAME}`` inside one stands for any entry of that lexicon, so a user who
  extends the lexicon extends the pattern;
* ``lexicons``: ids of lexicons whose entries are all tokens;
* ``exceptions``: phrases or expressions; a match lying inside an occurrence of one is
  dropped ("the United States" keeps "united" from counting as a past-tense verb).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import RuleError
from ..rulebook import Rulebook, expect, string_list

TERM_KEYS = ("tokens", "patterns", "lexicons", "exceptions", "case")
_LEXICON_REF = re.compile(r"\{lexicon:([\w.-]+)\}")
_EXCEPTION_REACH = 120  # characters around a match searched for an exception
# Typographic variants a phrase written with plain ASCII should still match.
_CHAR_CLASS = {"-": "[-‐‑]", "'": "['’]", "’": "['’]", '"': '["“”]'}


def phrase_regex(phrase: str) -> str:
    """A phrase as a regex: whole words at its edges, flexible space, any hyphen."""
    body = r"\s+".join("".join(_CHAR_CLASS.get(ch, re.escape(ch)) for ch in w) for w in phrase.split())
    head = r"(?<![\w’'-])" if phrase[:1].isalnum() else ""
    tail = r"(?![\w-])" if phrase[-1:].isalnum() else ""
    return head + body + tail


def _alternation(phrases: list[str]) -> str:
    return "|".join(phrase_regex(p) for p in sorted(set(phrases), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Terms:
    pattern: re.Pattern[str]
    exceptions: re.Pattern[str] | None = None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of every match within text[start:end] that no exception covers."""
        stop = len(text) if end is None else end
        for m in self.pattern.finditer(text, start, stop):
            if m.end() > m.start() and not self._excepted(text, m.start(), m.end()):
                yield m.start(), m.end()

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        return next(self.finditer(text, start, end), None)

    def _excepted(self, text: str, start: int, end: int) -> bool:
        if self.exceptions is None:
            return False
        lo, hi = max(0, start - _EXCEPTION_REACH), min(len(text), end + _EXCEPTION_REACH)
        return any(m.start() <= start and end <= m.end() for m in self.exceptions.finditer(text, lo, hi))


def _expand(pattern: str, rules: Rulebook, file: str, rule: str, key: str) -> str:
    def lexicon(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in rules.lexicons:
            raise RuleError(file, f"no lexicon named {name!r}", rule, key)
        entries = sorted(rules.lexicons[name].entries, key=len, reverse=True)
        return "(?:" + "|".join(r"\s+".join(map(re.escape, e.split())) for e in entries) + ")"

    return _LEXICON_REF.sub(lexicon, pattern)


def _compile(parts: list[str], case: bool, file: str, rule: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts), 0 if case else re.IGNORECASE)
    except re.error as exc:
        raise RuleError(file, f"bad regular expression: {exc}", rule, key) from None


def parse_terms(data: Any, rules: Rulebook, file: str, rule: str, key: str) -> Terms:
    """A Terms from a mapping (or a bare list, read as tokens)."""
    if isinstance(data, list):
        data = {"tokens": data}
    expect(data, dict, file, rule, key)
    for k in data:
        if k not in TERM_KEYS:
            raise RuleError(file, f"unknown key (expected one of: {', '.join(TERM_KEYS)})", rule, f"{key}.{k}")
    case = data.get("case", False)
    if not isinstance(case, bool):
        raise RuleError(file, "must be true or false", rule, f"{key}.case")
    parts: list[str] = []
    tokens = string_list(data.get("tokens", []), file, rule, f"{key}.tokens")
    for name in string_list(data.get("lexicons", []), file, rule, f"{key}.lexicons"):
        if name not in rules.lexicons:
            raise RuleError(file, f"no lexicon named {name!r}", rule, f"{key}.lexicons")
        tokens.extend(rules.lexicons[name].entries)
    if tokens:
        parts.append(_alternation(tokens))
    for n, pat in enumerate(string_list(data.get("patterns", []), file, rule, f"{key}.patterns")):
        expanded = _expand(pat, rules, file, rule, f"{key}.patterns")
        _compile([expanded], case, file, rule, f"{key}.patterns[{n + 1}]")
        parts.append(expanded)
    if not parts:
        raise RuleError(file, "needs tokens, patterns or lexicons", rule, key)
    exceptions = None
    raw = string_list(data.get("exceptions", []), file, rule, f"{key}.exceptions")
    if raw:
        exc_parts = [_expand(e, rules, file, rule, f"{key}.exceptions") if _looks_like_regex(e)
                     else phrase_regex(e) for e in raw]
        exceptions = _compile(exc_parts, case, file, rule, f"{key}.exceptions")
    return Terms(_compile(parts, case, file, rule, key), exceptions)


def _looks_like_regex(text: str) -> bool:
    return any(ch in text for ch in "\\[](){}|?*+^$")
