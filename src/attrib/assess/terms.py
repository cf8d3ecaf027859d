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

Start-up: a user's pattern is compiled and probed at load, so its mistake is reported
before any text is read. The bundled ones are checked by the test suite
(``validate``) and compiled on first use: a short article runs few of them, and
compiling all 300 cost more than the whole check of a sentence.

Speed: a whole-text scan costs the same however rare the words it looks for, so each
pattern of a Terms is compiled on its own with the literal words one of which every
match must contain (read from the parsed pattern), and runs only on the sentences of a
document where one of them occurs (``scan.Scan``).
"""

from __future__ import annotations

import dataclasses
import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the stdlib's parser reads required literals
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from ..errors import RuleError
from ..rulebook import Rulebook, expect, string_list
from .needs_memo import Needs, NeedsMemo
from .scan import DIGIT, Scan

TERM_KEYS = ("tokens", "patterns", "lexicons", "exceptions", "case")
TIMEOUT = 2.0  # seconds one search may take before the rule is stopped as broken
_PROBE_TIMEOUT = 0.1  # per probe string at load
_PROBES = (*(ch * 48 + end for ch in ("a", "1", " ", "-", ".", "'", "A", "\n") for end in ("!", "\u2603")),
           "word " * 30 + "!", "Word, word. " * 20 + "?", "a1 " * 30 + "!", "aa-bb " * 25 + "?")
_LEXICON_REF = re.compile(r"\{lexicon:([\w.-]+)\}")
_EXCEPTION_REACH = 120  # characters around a match searched for an exception
# Typographic variants a phrase written with plain ASCII should still match.
_CHAR_CLASS = {"-": "[-‐‑]", "'": "['’]", "’": "['’]", '"': '["“”]'}
_HEAD, _TAIL = r"\b(?<![’'-])", r"(?![\w-])"  # \b first: cheaper than a lookbehind at every position
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
DIGITS = frozenset({DIGIT})


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


def _required(items: Any, collect: list[frozenset[str]] | None = None) -> Literals:
    """Words one of which every match of a parsed sequence contains, or None. ``DIGIT``
    in the set stands for any digit ("\\d" in the pattern). With ``collect``, every such
    set the sequence has is added to it: a match contains a word of each."""
    best: Literals = None
    run: list[str] = []

    def consider(words: Literals) -> None:
        nonlocal best
        best = _better(best, words)
        if collect is not None and words is not None and min(map(_len, words)) >= _MIN_LITERAL:
            collect.append(words)

    def close() -> None:
        if len(run) >= _MIN_LITERAL:
            consider(frozenset({"".join(run).lower()}))
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
                consider(words)
        if _is_digit_class(op, arg):
            consider(DIGITS)
        close()
        if name in ("AT",):
            if str(arg) in ("AT_END", "AT_END_STRING"):
                raise ValueError("anchored")  # $ would match at the end of a window
            continue
        if name == "SUBPATTERN":
            consider(_required(arg[-1]))
        elif name == "BRANCH":
            found = [_required(branch) for branch in arg[1]]
            if all(f is not None for f in found):
                consider(frozenset().union(*found))  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and arg[0] >= 1:
            consider(_required(arg[2]))
        elif name in ("ATOMIC_GROUP",):
            consider(_required(arg))
    close()
    if best is not None and min(map(_len, best)) < _MIN_LITERAL:
        return None
    return best


_MAX_NEEDS = 3  # the most selective sets kept: a sentence must hold a word of each
_FUNCTION_WORDS = frozenset({"the", "and", "that", "was", "were", "has", "have", "had", "for", "with", "are", "his",
                             "her", "they", "not", "but", "from", "this", "been", "will", "would", "could", "can",
                             "who", "which", "its", "their", "there", "you", "all", "one", "two", "out", "did"})


_memo: NeedsMemo | None = None  # loaded on the first rule parsed, once per process


def remembered_needs(pattern: str) -> Needs:
    """``required_sets``, looked up first among those worked out by earlier runs."""
    global _memo
    if _memo is None:
        _memo = NeedsMemo(Path(__file__))
    found = _memo.get(pattern)
    return found if found is not None else _memo.put(pattern, required_sets(pattern))


def save_needs() -> None:
    """Keep the needs worked out in this run for the next one."""
    if _memo is not None:
        _memo.save()


def required_sets(pattern: str) -> Needs:
    """Sets of lowercase words such that any match of ``pattern`` contains a word of
    each ("some|many ... say|said": a quantifier and a verb), the most selective first."""
    found: list[frozenset[str]] = []
    try:
        _required(sre_parse.parse(pattern, re.IGNORECASE), found)
    except Exception:
        return ()
    # a set with a function word ("the", "her" inside "other", "can" inside "American")
    # holds in nearly every sentence: it narrows nothing and costs a lookup
    useful = {w for w in found if not (w & _FUNCTION_WORDS)}
    if not useful and found:  # still better than reading every sentence
        return (max(found, key=_rank),)
    return tuple(sorted(useful, key=_rank, reverse=True)[:_MAX_NEEDS])


# -- compiled terms ----------------------------------------------------------------------

class Part:
    """One pattern of a Terms, compiled on first use, and the words its every match
    contains: one of each set."""

    __slots__ = ("_compiled", "flags", "needs", "source")

    def __init__(self, source: str, flags: int, needs: Needs = (), compiled: regex.Pattern[str] | None = None):
        self.source, self.flags, self.needs = source, flags, needs
        self._compiled = compiled

    @property
    def pattern(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex.compile(self.source, self.flags)
        return self._compiled

    def __getstate__(self) -> tuple[str, int, Needs]:  # sent to scan workers uncompiled
        return self.source, self.flags, self.needs

    def __setstate__(self, state: tuple[str, int, Needs]) -> None:
        self.source, self.flags, self.needs = state
        self._compiled = None


@dataclass(frozen=True, slots=True)
class Terms:
    whole: Part  # every part in one expression, for short texts
    exceptions: tuple[Part, ...] = ()  # each read only where its words occur near a match
    parts: tuple[Part, ...] = ()
    where: tuple[str, str, str] = ("", "", "")  # file, rule and key, for a runaway pattern

    @property
    def pattern(self) -> regex.Pattern[str]:
        return self.whole.pattern

    @property
    def literals(self) -> Literals:
        """Words one of which any match contains (None: no such words)."""
        if not self.parts or any(not p.needs for p in self.parts):
            return None
        return frozenset().union(*(p.needs[0] for p in self.parts))

    def finditer(self, text: str, start: int = 0, end: int | None = None,
                 scan: Scan | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of every match within text[start:end] that no exception covers.
        With ``scan`` (the document's), each part reads only the sentences holding one of
        its words; where parts match at one place, the first part listed wins, as in one
        alternation."""
        stop = len(text) if end is None else end
        if scan is None or (len(self.parts) <= 1 and self.literals is None):
            found = [(m.start(), m.end()) for m in self._run(self.pattern.finditer, text, start, stop)]
        else:
            hits = sorted((m.start(), n, m.end()) for n, part in enumerate(self.parts)
                          for lo, hi in scan.windows(part.needs, start, stop)
                          for m in self._run(part.pattern.finditer, text, lo, hi))
            found, reach = [], -1
            for a, _, b in hits:
                if a >= reach:
                    found.append((a, b))
                    reach = b
        for a, b in found:
            if b > a and not self._excepted(text, a, b, scan):
                yield a, b

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        return next(self.finditer(text, start, end), None)

    def _run(self, method: Any, text: str, lo: int, hi: int) -> list[Any]:
        try:
            return list(method(text, lo, hi, timeout=TIMEOUT))
        except TimeoutError:
            file, rule, key = self.where
            raise RuleError(file or "rules", f"a pattern ran for over {TIMEOUT:g} s on one paragraph and was "
                                             "stopped: it backtracks catastrophically (a repeat inside a repeat, "
                                             "such as (a+)+); rewrite it", rule or None, key or None) from None

    def _excepted(self, text: str, start: int, end: int, scan: Scan | None = None) -> bool:
        """An exception's occurrence near the match covers it (an exception whose words do
        not occur near it is not read)."""
        if not self.exceptions:
            return False
        lo, hi = max(0, start - _EXCEPTION_REACH), min(len(text), end + _EXCEPTION_REACH)
        for part in self.exceptions:
            if scan is not None and part.needs and not scan.holds(part.needs, lo, hi):
                continue
            if any(m.start() <= start and end <= m.end() for m in self._run(part.pattern.finditer, text, lo, hi)):
                return True
        return False


def _expand(pattern: str, rules: Rulebook, file: str, rule: str, key: str) -> str:
    def lexicon(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in rules.lexicons:
            raise RuleError(file, f"no lexicon named {name!r}", rule, key)
        entries = sorted(rules.lexicons[name].entries, key=len, reverse=True)
        return "(?:" + "|".join(r"\s+".join(map(re.escape, e.split())) for e in entries) + ")"

    return _LEXICON_REF.sub(lexicon, pattern)


def _compile(parts: list[str], case: bool, file: str, rule: str, key: str, needs: Needs = (),
             lazy: bool = False) -> Part:
    part = Part("|".join(f"(?:{p})" for p in parts) if len(parts) > 1 else parts[0],
                regex.V0 | (0 if case else regex.IGNORECASE), needs)
    return part if lazy else _checked(part, file, rule, key)


def _checked(part: Part, file: str, rule: str, key: str) -> Part:
    """The part compiled and run on the probe strings: a mistake is the rule's error."""
    try:
        compiled = part.pattern
    except (regex.error, re.error, ValueError, OverflowError) as exc:
        raise RuleError(file, f"bad regular expression: {exc}", rule, key) from None
    for probe in _PROBES:
        try:
            compiled.search(probe, timeout=_PROBE_TIMEOUT)
        except TimeoutError:
            raise RuleError(file, "this pattern backtracks catastrophically (it took too long on a short probe "
                                  "text): avoid a repeat inside a repeat, such as (a+)+ or (a|aa)*", rule, key) from None
    return part


def validate(terms: Terms) -> None:
    """Compile and probe every pattern of ``terms`` now (RuleError on a mistake): what
    loading does for a user's rules, and the tests do for the bundled ones."""
    file, rule, key = terms.where
    for part in (terms.whole, *terms.parts, *terms.exceptions):
        _checked(part, file, rule, key)


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
    compiled: list[Part] = []
    tokens = string_list(data.get("tokens", []), file, rule, f"{key}.tokens")
    for name in string_list(data.get("lexicons", []), file, rule, f"{key}.lexicons"):
        if name not in rules.lexicons:
            raise RuleError(file, f"no lexicon named {name!r}", rule, f"{key}.lexicons")
        tokens.extend(rules.lexicons[name].entries)
    lazy = rules.bundled(file)
    if tokens:
        parts.append(_alternation(tokens))
        compiled.append(_compile(parts[-1:], case, file, rule, f"{key}.tokens", remembered_needs(parts[-1]),
                                 lazy))
    for n, pat in enumerate(string_list(data.get("patterns", []), file, rule, f"{key}.patterns")):
        expanded = _expand(pat, rules, file, rule, f"{key}.patterns")
        compiled.append(_compile([expanded], case, file, rule, f"{key}.patterns[{n + 1}]", remembered_needs(expanded),
                                 lazy))
        parts.append(expanded)
    if not parts:
        raise RuleError(file, "needs tokens, patterns or lexicons", rule, key)
    raw = string_list(data.get("exceptions", []), file, rule, f"{key}.exceptions")
    exc_parts = [_expand(e, rules, file, rule, f"{key}.exceptions") if _looks_like_regex(e)
                 else phrase_regex(e) for e in raw]
    exceptions = tuple(_compile([e], case, file, rule, f"{key}.exceptions[{n + 1}]", remembered_needs(e),
                                lazy)
                       for n, e in enumerate(exc_parts))
    whole = compiled[0] if len(compiled) == 1 else _compile(parts, case, file, rule, key, lazy=lazy)
    return Terms(whole, exceptions, tuple(compiled), (file, rule, key))


def terms_of(*objects: Any) -> Iterator[Terms]:
    """Every Terms inside ``objects``: rules, checks, and the tuples and dataclasses that
    hold them."""
    stack = list(objects)
    while stack:
        obj = stack.pop()
        if isinstance(obj, Terms):
            yield obj
        elif isinstance(obj, (tuple, list)):
            stack.extend(obj)
        elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            stack.extend(getattr(obj, f.name) for f in dataclasses.fields(obj))


def needs_of(*objects: Any) -> set[frozenset[str]]:
    """Every set of required words of every Terms inside ``objects``: what a
    LiteralFinder looks for."""
    return {words for t in terms_of(*objects) for part in (*t.parts, *t.exceptions) for words in part.needs}


def _looks_like_regex(text: str) -> bool:
    return any(ch in text for ch in "\\[](){}|?*+^$")
