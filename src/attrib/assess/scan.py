"""Where in one document a rule's pattern can match, found once and shared by every rule.

A regular expression costs the same per character however rare the words it looks for,
and the flag rules run dozens of them over every article. Each pattern knows sets of
words such that any match holds a word of each (``terms.required_sets``); a document is split
into pieces, a sentence each (from its start to the next sentence's start, so the pieces
cover the whole text), and a pattern runs only on the pieces that hold one of its words.
A flag never spans two sentences, so nothing is lost; the occurrences of a word are
looked up once per document, however many rules need it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import ahocorasick

DIGIT = "\\d"  # in a literal set: any digit
_DIGIT_RE = re.compile(r"\d")
_GAP = 120  # characters: stretches closer than this are read in one call


class LiteralFinder:
    """Every word the rules' patterns need, in one Aho-Corasick automaton (pyahocorasick):
    one pass over a document finds them all, where a search per word would read the
    document once for each of several hundred words."""

    def __init__(self, needs: Iterable[frozenset[str]]):
        self.sets = {words: n for n, words in enumerate(sorted(set(needs), key=sorted))}  # set -> its number
        holders: dict[str, list[int]] = {}
        for words, n in self.sets.items():
            for w in words:
                holders.setdefault(w, []).append(n)
        self.holders = {w: tuple(ns) for w, ns in holders.items()}  # word -> the sets holding it
        self.words = frozenset(w for w in holders if w and w != DIGIT)
        self.automaton: ahocorasick.Automaton | None = None
        if self.words:
            self.automaton = ahocorasick.Automaton()
            for w in sorted(self.words):
                self.automaton.add_word(w, w)
            self.automaton.make_automaton()

    def occurrences(self, lowered: str, start: int = 0, end: int | None = None) -> Iterable[str]:
        """The words found in ``lowered[start:end]``, once per occurrence."""
        if self.automaton is None:
            return ()
        return (w for _, w in self.automaton.iter(lowered, start, len(lowered) if end is None else end))


class Scan:
    """One document's text, split into sentence pieces, with the pieces each word occurs
    in, as a bit mask (bit n: piece n). With a LiteralFinder the words are found in one
    pass; without one, each word is searched for when a pattern first asks (and cached)."""

    __slots__ = ("_digits", "_ends", "_known", "_masks", "_present", "_sets", "_starts", "_windows", "lowered",
                 "text")

    def __init__(self, text: str, sentence_starts: Iterable[int], finder: LiteralFinder | None = None):
        self.text = text
        lowered = text.lower()
        # a lowercase form of another length (a few Unicode letters) cannot be indexed by offset
        self.lowered = lowered if len(lowered) == len(text) else None
        starts = sorted({0, *(s for s in sentence_starts if 0 < s < len(text))})
        self._starts = starts
        self._ends = [*starts[1:], len(text)]
        self._masks: dict[str, int] = {}
        self._digits: int | None = None
        self._windows: dict[tuple[frozenset[str], ...], list[tuple[int, int]]] = {}
        self._sets: dict[frozenset[str], int] = {}
        self._known: frozenset[str] = frozenset()  # words looked for in one pass: absent if not in _masks
        if finder is not None and self.lowered is not None:
            self._known = finder.words
            masks = self._masks
            for n, (lo, hi) in enumerate(zip(self._starts, self._ends)):
                bit = 1 << n
                for word in finder.occurrences(self.lowered, lo, hi):
                    masks[word] = masks.get(word, 0) | bit
            # each of the finder's sets: the pieces holding one of its words
            found = [0] * len(finder.sets)
            for word, mask in masks.items():
                for n in finder.holders[word]:
                    found[n] |= mask
            digits = [n for words, n in finder.sets.items() if DIGIT in words]
            if digits:
                for n in digits:
                    found[n] |= self._mask_of_digits()
            self._sets = {words: found[n] for words, n in finder.sets.items()}
        self._present = frozenset(self._masks)  # the finder's words that occur here

    def _piece(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos) - 1

    def _mask_of_word(self, word: str) -> int:
        found = self._masks.get(word)
        if found is None and word in self._known:
            return 0
        if found is None:
            lowered = self.lowered or ""
            found = 0
            i = lowered.find(word)
            while i >= 0:
                piece = self._piece(i)
                found |= 1 << piece
                i = lowered.find(word, max(i + 1, self._ends[piece]))  # one hit per piece is enough
            self._masks[word] = found
        return found

    def _mask_of_digits(self) -> int:
        if self._digits is None:
            search, text = _DIGIT_RE.search, self.text
            self._digits = sum(1 << n for n, (lo, hi) in enumerate(zip(self._starts, self._ends))
                               if search(text, lo, hi) is not None)
        return self._digits

    def _mask_of(self, words: frozenset[str]) -> int:
        """The pieces holding one of ``words``."""
        mask = self._sets.get(words)
        if mask is None:
            mask = self._mask_of_digits() if DIGIT in words else 0
            masks = self._masks
            # the finder's words that occur, then any word it was not asked for
            for word in words & self._present if self._known else words:
                if word != DIGIT:
                    mask |= self._mask_of_word(word)
            for word in words - self._known if self._known else ():
                if word != DIGIT and word not in masks:
                    mask |= self._mask_of_word(word)
            self._sets[words] = mask
        return mask

    def _needed(self, needs: tuple[frozenset[str], ...]) -> int:
        mask = -1
        for words in needs:
            mask &= self._mask_of(words)
            if not mask:
                break
        return mask

    def windows(self, needs: tuple[frozenset[str], ...], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Stretches of ``text[start:end]`` whose sentences hold a word of each set in
        ``needs`` (no sets: all of it). Pieces less than ``_GAP`` characters apart are
        joined: one call of the expression engine costs about as much as reading that
        many characters."""
        stop = len(self.text) if end is None else end
        if not needs or self.lowered is None:
            return [(start, stop)]
        whole = self._windows.get(needs)
        if whole is None:
            mask = self._needed(needs)
            whole = []
            piece = 0
            while mask > 0:
                if mask & 1:
                    lo, hi = self._starts[piece], self._ends[piece]
                    if whole and lo - whole[-1][1] < _GAP:
                        whole[-1] = (whole[-1][0], hi)
                    else:
                        whole.append((lo, hi))
                mask >>= 1
                piece += 1
            self._windows[needs] = whole
        if start == 0 and stop == len(self.text):
            return whole
        return [(max(lo, start), min(hi, stop)) for lo, hi in whole if lo < stop and hi > start]

    def holds(self, needs: tuple[frozenset[str], ...], start: int, end: int) -> bool:
        """Whether the sentences over ``text[start:end]`` hold a word of each set."""
        if self.lowered is None:
            return True
        first, last = self._piece(start), self._piece(max(start, end - 1))
        span = ((1 << (last - first + 1)) - 1) << first
        return all(self._mask_of(words) & span for words in needs)
