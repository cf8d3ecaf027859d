"""Words of a passage, normalised for comparison: case folded, curly quotes made straight,
thousands separators dropped; punctuation is not a word."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .lexicons import MatchLexicons

WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_OPENERS = set(".!?\"“‘:;(—–[")


@dataclass(frozen=True, slots=True)
class Token:
    norm: str
    start: int  # offsets into the text the token was read from
    end: int
    name: bool  # capitalised where a sentence does not start: part of a name


def norms(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Just the normalised words of a stretch of text (no offsets): the cheap first look."""
    words = WORD.findall(text[start:end].lower().replace("’", "'"))
    return [w.replace(",", "") if w[0].isdigit() and _THOUSANDS.match(w) else w for w in words]


def norm_word(word: str) -> str:
    word = word.lower().replace("’", "'")
    if _THOUSANDS.match(word):
        word = word.replace(",", "")
    return word


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    out = []
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        k = m.start() - 1
        while k >= 0 and text[k] in " \t\n":
            k -= 1
        opens = k < 0 or text[k] in _OPENERS
        name = word[0].isupper() and not opens and word != "I"
        out.append(Token(norm_word(word), m.start(), m.end(), name))
    return out


def stems(text: str, lex: MatchLexicons) -> list[str]:
    """Content words cut to five letters (numbers whole): what candidate passages are
    found by. "patient"/"patience" and "month"/"months" meet; word order is ignored."""
    memo = lex.stem_memo
    out = []
    for word in WORD.findall(text.lower()):
        stem = memo.get(word, "")
        if stem == "":
            base = word.replace("’", "'").split("'")[0]
            if not base or base in lex.stopwords:
                stem = None
            elif base[0].isdigit():
                stem = base.replace(",", "")
            else:
                stem = lex.numbers.get(base, base[:5])
            memo[word] = stem
        if stem is not None:
            out.append(stem)
    return out


def _number(words: Sequence[str]) -> str:
    total = current = 0.0
    for w in words:
        v = float(w)
        if v == 100:
            current = (current or 1) * v
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    value = total + current
    return str(int(value)) if value == int(value) else f"{value:.10g}"


def _expand(word: str, lex: MatchLexicons) -> tuple[str, ...]:
    cache = lex.memo
    hit = cache.get(word)
    if hit is None:
        hit = lex.contractions.get(word)
        if hit is None:
            for ending, long in lex.endings:
                if word.endswith(ending) and len(word) > len(ending):
                    hit = (word[: -len(ending)], *long)
                    break
            else:
                hit = (word,)
        cache[word] = hit
    return hit


def canon(words: Iterable[str], lex: MatchLexicons) -> list[str]:
    """Long forms: contractions expanded, number words and figures as one value
    ("four thousand" and "4000" -> "4000"), "percent" as "%"."""
    out: list[str] = []
    run: list[str] = []
    numbers = lex.numbers
    for w in [x for word in words for x in _expand(word, lex)] + [""]:
        if w and (w[:1].isdigit() or (w in numbers and numbers[w][:1].isdigit())):
            run.append(w if w[:1].isdigit() else numbers[w])
            continue
        if run:
            try:
                out.append(_number(run))
            except ValueError:
                out.extend(run)
            run = []
        if w:
            out.append(numbers.get(w, w))
    return out
