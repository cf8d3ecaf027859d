"""Words of a passage, normalised for comparison: case folded, curly quotes made straight,
thousands separators dropped; punctuation is not a word.

``Words`` is what one match knows about words: their stems (content words, for finding
and comparing passages) and their long forms (for telling a real change from a
spelling). It memoises both, and lives exactly as long as the match that made it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .lexicons import MatchLexicons

WORD = re.compile(r"\d+(?:[.,]\d+)*(?:st|nd|rd|th)?\b|\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_OPENERS = set(".!?\"“‘:;(—–[")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…")


@dataclass(frozen=True, slots=True)
class Token:
    norm: str
    start: int  # offsets into the text the token was read from
    end: int
    name: bool  # capitalised where a sentence does not start: part of a name


def norms(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Just the normalised words of a stretch of text (no offsets): the cheap first look."""
    return [norm_word(w) for w in WORD.findall(text[start:end])]


def norm_word(word: str) -> str:
    """"10th" -> "10": an ordinal is compared by its figure ("10th" against "tenth" is a
    spelling, against "11th" a changed figure)."""
    word = word.lower().replace("’", "'")
    if _THOUSANDS.match(word):
        word = word.replace(",", "")
    m = _ORDINAL.match(word)
    return m.group(1) if m else word


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    out: list[Token] = []
    append = out.append
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        at = m.start()
        name = False
        if word[0].isupper() and word != "I":
            k = at - 1
            while k >= 0 and text[k] in " \t\n":
                k -= 1
            name = k >= 0 and text[k] not in _OPENERS
        append(Token(word.lower() if word.isalpha() else norm_word(word), at, m.end(), name))
    return out


def ellipsis_after(text: str, tokens: Sequence[Token]) -> set[int]:
    """Indexes ``i`` where an ellipsis stands between token i and token i + 1 (or
    after the last token): the writer marks words left out there."""
    out = set()
    for i, t in enumerate(tokens):
        end = tokens[i + 1].start if i + 1 < len(tokens) else min(len(text), t.end + 6)
        if _ELLIPSIS.search(text, t.end, end):
            out.add(i)
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


class Words:
    """Stems and long forms for one match, memoised per word (never beyond the match)."""

    def __init__(self, lex: MatchLexicons) -> None:
        import Stemmer  # PyStemmer: the Snowball English stemmer, in C

        self.lex = lex
        self._snowball = Stemmer.Stemmer("english", 0)  # its own cache off: ours dies with the match
        self._stems: dict[str, str | None] = {}
        self._long: dict[str, tuple[str, ...]] = {}
        self._common = frozenset(s for s in (self.stem(w) for w in lex.common) if s is not None)
        # each antonym pair with its phrases' stems, worked out once: a changed run is
        # checked against every pair (the quote clusters of a corpus do that 100,000 times)
        self.antonyms = tuple((one, other, self.phrase_stems(one.split()), self.phrase_stems(other.split()))
                              for one, other in lex.antonyms)

    def stem_weight(self, stem: str) -> float:
        """A common content word ("year", "more", "people") counts half."""
        return 0.5 if stem in self._common else 1.0

    def weight(self, word: str) -> float:
        """A lower-case word's weight as content: 0 for a stop word."""
        stem = self.stem(word)
        return 0.0 if stem is None else self.stem_weight(stem)

    # -- stems: what passages are found and compared by --------------------------------

    def stem(self, word: str) -> str | None:
        """A lower-case word's stem; None for a stop word. Numbers stay whole, number
        words become figures, units and irregular verbs their base form: "eaten" and
        "ate" meet at "eat", "minutes" and "min" at "minut"."""
        hit = self._stems.get(word, "")
        if hit != "":
            return hit
        lex = self.lex
        word_ = word.replace("’", "'")
        if word_ in lex.contractions:
            base = lex.contractions[word_][0]
        elif word_.endswith("n't"):
            base = word_[:-3]  # "wasn't" -> "was"
        else:
            base = word_.split("'")[0]
        stem: str | None
        if not base or base in lex.stopwords:
            stem = None
        elif base[0].isdigit():
            stem = norm_word(base).replace(",", "")
        elif base in lex.numbers:
            stem = lex.numbers[base]
        else:
            base = lex.verb_forms.get(base, base)
            unit = lex.units.get(base)
            if unit is not None and len(unit) == 1:
                base = unit[0]
            stem = self._snowball.stemWord(base)
        self._stems[word] = stem
        return stem

    def stems(self, text: str) -> list[str]:
        """Content words' stems, in order: "patient"/"patients" meet, word order is the
        caller's to ignore."""
        out = []
        for word in WORD.findall(text.lower()):
            stem = self.stem(word)
            if stem is not None:
                out.append(stem)
        return out

    def token_stems(self, tokens: Iterable[Token]) -> list[str]:
        return [s for s in (self.stem(t.norm) for t in tokens) if s is not None]

    def phrase_stems(self, words: Iterable[str]) -> tuple[str, ...]:
        """Every word's stem, stop words too (for matching antonym phrases)."""
        out = []
        for w in words:
            base = self.lex.verb_forms.get(w, w)
            out.append(self._snowball.stemWord(base) if base[:1].isalpha() else base)
        return tuple(out)

    # -- long forms: what decides whether two wordings are the same ---------------------

    def _expand(self, word: str) -> tuple[str, ...]:
        hit = self._long.get(word)
        if hit is not None:
            return hit
        lex = self.lex
        found = lex.contractions.get(word)
        if found is None:
            for ending, long in lex.endings:
                if word.endswith(ending) and len(word) > len(ending):
                    found = (word[: -len(ending)], *long)
                    break
        if found is None:
            found = lex.units.get(word)
        if found is None and word.endswith("s") and word[:-1] in lex.unit_names:
            found = (word[:-1],)  # "minutes" -> "minute"
        if found is None and word.endswith("s") and lex.units.get(word[:-1]) is not None:
            found = lex.units[word[:-1]]  # "mins" -> "minute"
        hit = found if found is not None else (word,)
        self._long[word] = hit
        return hit

    def canon(self, words: Iterable[str]) -> list[str]:
        """Long forms: contractions expanded, unit forms as one ("min" -> "minute"),
        number words and figures as one value ("four thousand" and "4000" -> "4000"),
        "percent" as "%"."""
        out: list[str] = []
        run: list[str] = []
        numbers = self.lex.numbers
        expanded = [x for word in words for x in self._expand(word)]
        for k, w in enumerate(expanded):  # "a thousand" is "one thousand"
            if w in ("a", "an") and k + 1 < len(expanded) and numbers.get(expanded[k + 1], "x")[:1].isdigit() \
                    and int(numbers[expanded[k + 1]]) >= 100:
                expanded[k] = "1"
        for w in [*expanded, ""]:
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
