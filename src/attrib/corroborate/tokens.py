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
    out = []
    for word in WORD.findall(text.lower()):
        word = word.replace("’", "'").split("'")[0]
        if word in lex.stopwords or not word:
            continue
        if word[0].isdigit():
            out.append(word.replace(",", ""))
        else:
            out.append(lex.numbers.get(word, word[:5]))
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


def _is_number(word: str, lex: MatchLexicons) -> bool:
    return word[:1].isdigit() or (word in lex.numbers and lex.numbers[word][:1].isdigit())


def canon(words: Iterable[str], lex: MatchLexicons) -> list[str]:
    """Long forms: contractions expanded, number words and figures as one value
    ("four thousand" and "4000" -> "4000"), "percent" as "%"."""
    expanded: list[str] = []
    for w in words:
        if w in lex.contractions:
            expanded.extend(lex.contractions[w])
            continue
        for ending, long in lex.endings:
            if w.endswith(ending) and len(w) > len(ending):
                expanded.extend((w[: -len(ending)], *long))
                break
        else:
            expanded.append(w)
    out: list[str] = []
    run: list[str] = []
    for w in [*expanded, ""]:
        if w and _is_number(w, lex):
            run.append(w if w[:1].isdigit() else lex.numbers[w])
            continue
        if run:
            try:
                out.append(_number(run))
            except ValueError:
                out.extend(run)
            run = []
        if w:
            out.append(lex.numbers.get(w, w))
    return out


def is_number(word: str) -> bool:
    return word[:1].isdigit()
