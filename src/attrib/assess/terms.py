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

Expressions run on the ``regex`` module (the syntax of ``re``), because it can be
stopped: a pattern that backtracks catastrophically ("(a|aa)+b") is caught at load by a
few probe strings, and at run time by a timeout, and Ctrl-C interrupts it. The standard
``re`` does neither, so one bad user rule could hang a check for hours.

Speed: a whole-text scan costs the same however rare the words it looks for, so each
Terms also keeps the literal words one of which every match must contain (read from the
parsed pattern); a document is scanned only on the lines where one of them occurs.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the stdlib's parser reads required literals
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from ..errors import RuleError
from ..rulebook import Rulebook, expect, string_list

TERM_KEYS = ("tokens", "patterns", "lexicons", "exceptions", "case")
TIMEOUT = 2.0  # seconds one search may take before the rule is stopped as broken
_PROBE_TIMEOUT = 0.1  # per probe string at load
_PROBES = (*(ch * 48 + end for ch in ("a", "1", " ", "-", ".", "'", "A", "\n") for end in ("!", "\u2603")),
           "word " * 30 + "!", "Word, word. " * 20 + "?", "a1 " * 30 + "!", "aa-bb " * 25 + "?")
_LEXICON_REF = re.compile(r"\{lexicon:([\w.-]+)\}")
_EXCEPTION_REACH = 120  # characters around a match searched for an exception
# Typographic variants a phrase written with plain ASCII should still match.
_CHAR_CLASS = {"-": "[-‐‑]", "'": "['’]", "’": "['’]", '"': '["“”]'}
_HEAD, _TAIL = r"(?<![\w’'-])", r"(?![\w-])"
_MIN_LITERAL = 3  # shorter required literals ("is", "a") would not narrow a scan


def _body(phrase: str) -> str:
    return r"\s+".join("".join(_CHAR_CLASS.get(ch, re.escape(ch)) for ch in w) for w in phrase.split())


def _edges(phrase: str) -> tuple[str, str]:
    return (_HEAD if phrase[:1].isalnum() else ""), (_TAIL if phrase[-1:].isalnum() else "")


def phrase_regex(phrase: str) -> str:
    """A phrase as a regex: whole words at its edges, flexible space, any hyphen."""
    head, tail = _edges(phrase)
    return head + _body(phrase) + tail


def _alternation(phrases: list[str]) -> str:
    """Phrases as one alternation, the word edges outside it: a lookbehind inside every
    alternative makes the engine try each at every position (a 24-word list cost 8x)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for p in sorted(set(phrases), key=len, reverse=True):
        groups.setdefault(_edges(p), []).append(_body(p))
    return "|".join(f"{head}(?:{'|'.join(bodies)}){tail}" for (head, tail), bodies in groups.items())


# -- required literals -----------------------------------------------------------------

Literals = frozenset[str] | None  # None: nothing is required (scan everything)
DIGIT = "\\d"  # in a literal set: any digit
DIGITS = frozenset({DIGIT})
_DIGIT_RE = re.compile(r"\d")
_MAX_WINDOWS = 6  # more lines than this to read: one run over the whole text is cheaper


# Words so common that a line holding one is most lines: a poor filter.
_COMMON = frozenset({"the", "and", "that", "was", "were", "has", "have", "had", "for", "with", "are", "his",
                     "her", "they", "not", "but", "from", "this", "been", "will", "would", "could", "can", "who",
                     "which", "said", "says", "say", "its", "their", "there", "also", "after", "than", "some",
                     "more", "about", "one", "two", "is", "be"})


def _len(word: str) -> int:
    return 3 if word == DIGIT else len(word)


def _rank(words: frozenset[str]) -> tuple[int, int, float, int]:
    lengths = [_len(w) for w in words]
    return (0 if words & _COMMON else 1), min(4, min(lengths)), sum(lengths) / len(lengths), -len(words)


def _better(a: Literals, b: Literals) -> Literals:
    """The more selective of two requirements: no very common word, a longer shortest
    word, longer words on average, then fewer words (a digit counts as three letters)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if _rank(a) >= _rank(b) else b


def _lead(items: Any) -> str:
    """The literal characters a parsed sequence starts with."""
    out = []
    for op, arg in items:
        if str(op) != "LITERAL":
            break
        out.append(chr(arg))
    return "".join(out)


def _is_digit_class(op: Any, arg: Any) -> bool:
    return (str(op) == "IN" and any(str(o) == "CATEGORY" and str(a) == "CATEGORY_DIGIT" for o, a in arg)) \
        or (str(op) == "IN" and any(str(o) == "RANGE" and a == (48, 57) for o, a in arg))


def _required(items: Any) -> Literals:
    """Words one of which every match of a parsed sequence contains, or None. ``DIGIT``
    in the set stands for any digit ("\\d" in the pattern)."""
    best: Literals = None
    run: list[str] = []

    def close() -> None:
        nonlocal best
        if len(run) >= _MIN_LITERAL:
            best = _better(best, frozenset({"".join(run).lower()}))
        run.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))
            continue
        if name == "BRANCH" and run:
            # a prefix the parser factored out: "le" + (d|ading|ads) is led, leading, leads
            words = frozenset(("".join(run) + _lead(branch)).lower() for branch in arg[1])
            if min(map(_len, words)) >= _MIN_LITERAL:
                best = _better(best, words)
        if _is_digit_class(op, arg):
            best = _better(best, DIGITS)
        close()
        if name in ("AT",):
            if str(arg) in ("AT_END", "AT_END_STRING"):
                raise ValueError("anchored")  # $ would match at the end of a line window
            continue
        if name == "SUBPATTERN":
            best = _better(best, _required(arg[-1]))
        elif name == "BRANCH":
            found = [_required(branch) for branch in arg[1]]
            if all(f is not None for f in found):
                best = _better(best, frozenset().union(*found))  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            best = _better(best, _required(arg[2]))
        elif name in ("ATOMIC_GROUP",):
            best = _better(best, _required(arg))
    close()
    if best is not None and min(map(_len, best)) < _MIN_LITERAL:
        return None
    return best


def required_literals(pattern: str) -> Literals:
    """The lowercase words one of which any match of ``pattern`` must contain; None when
    the pattern does not say (or uses syntax the stdlib parser does not read)."""
    try:
        return _required(sre_parse.parse(pattern, re.IGNORECASE))
    except Exception:  # any syntax the parser does not know, or an anchor: scan everything
        return None


# -- compiled terms ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Terms:
    pattern: regex.Pattern[str]
    exceptions: regex.Pattern[str] | None = None
    literals: Literals = None
    where: tuple[str, str, str] = ("", "", "")  # file, rule and key, for a runaway pattern

    def finditer(self, text: str, start: int = 0, end: int | None = None,
                 lowered: str | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of every match within text[start:end] that no exception covers.
        With ``lowered`` (``text.lower()``, computed once per document), only the lines
        holding a required word are read."""
        stop = len(text) if end is None else end
        for lo, hi in self._windows(text, start, stop, lowered):
            for m in self._run(self.pattern.finditer, text, lo, hi):
                if m.end() > m.start() and not self._excepted(text, m.start(), m.end()):
                    yield m.start(), m.end()

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        return next(self.finditer(text, start, end), None)

    def _windows(self, text: str, start: int, stop: int, lowered: str | None) -> list[tuple[int, int]]:
        """Where to run the expression: nowhere when no required word occurs, the lines
        that hold one when they are few, else the whole stretch (cheaper than many runs)."""
        if lowered is None or self.literals is None or len(lowered) != len(text):
            return [(start, stop)]
        digits = DIGIT in self.literals
        present = [w for w in self.literals if w != DIGIT and w in lowered]
        if digits and _DIGIT_RE.search(lowered, start, stop):
            return [(start, stop)]
        if not present:
            return []
        lines: set[int] = set()
        for word in present:
            i = lowered.find(word, start, stop)
            while i >= 0:
                lines.add(max(text.rfind("\n", start, i) + 1, start))
                if len(lines) > _MAX_WINDOWS:
                    return [(start, stop)]
                nxt = text.find("\n", i, stop)
                i = -1 if nxt < 0 else lowered.find(word, nxt, stop)
        out = []
        for line in sorted(lines):
            nxt = text.find("\n", line, stop)
            out.append((line, stop if nxt < 0 else nxt))
        return out

    def _run(self, method: Any, text: str, lo: int, hi: int) -> list[Any]:
        try:
            return list(method(text, lo, hi, timeout=TIMEOUT))
        except TimeoutError:
            file, rule, key = self.where
            raise RuleError(file or "rules", f"a pattern ran for over {TIMEOUT:g} s on one paragraph and was "
                                             "stopped: it backtracks catastrophically (a repeat inside a repeat, "
                                             "such as (a+)+); rewrite it", rule or None, key or None) from None

    def _excepted(self, text: str, start: int, end: int) -> bool:
        if self.exceptions is None:
            return False
        lo, hi = max(0, start - _EXCEPTION_REACH), min(len(text), end + _EXCEPTION_REACH)
        return any(m.start() <= start and end <= m.end() for m in self._run(self.exceptions.finditer, text, lo, hi))


def _expand(pattern: str, rules: Rulebook, file: str, rule: str, key: str) -> str:
    def lexicon(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in rules.lexicons:
            raise RuleError(file, f"no lexicon named {name!r}", rule, key)
        entries = sorted(rules.lexicons[name].entries, key=len, reverse=True)
        return "(?:" + "|".join(r"\s+".join(map(re.escape, e.split())) for e in entries) + ")"

    return _LEXICON_REF.sub(lexicon, pattern)


def _compile(parts: list[str], case: bool, file: str, rule: str, key: str) -> regex.Pattern[str]:
    try:
        compiled = regex.compile("|".join(f"(?:{p})" for p in parts), regex.V0 | (0 if case else regex.IGNORECASE))
    except (regex.error, re.error, ValueError, OverflowError) as exc:
        raise RuleError(file, f"bad regular expression: {exc}", rule, key) from None
    for probe in _PROBES:
        try:
            compiled.search(probe, timeout=_PROBE_TIMEOUT)
        except TimeoutError:
            raise RuleError(file, "this pattern backtracks catastrophically (it took too long on a short probe "
                                  "text): avoid a repeat inside a repeat, such as (a+)+ or (a|aa)*", rule, key) from None
    return compiled


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
    whole = "|".join(f"(?:{p})" for p in parts)
    literals = required_literals(whole)
    return Terms(_compile(parts, case, file, rule, key), exceptions, literals, (file, rule, key))


def _looks_like_regex(text: str) -> bool:
    return any(ch in text for ch in "\\[](){}|?*+^$")
