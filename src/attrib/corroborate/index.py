"""Finding, for every statement, the best candidate passage in every coverage document,
in one batch.

Candidates are windows of two consecutive sentences. Statements and windows become
sorted sequences of content-word stems; the length of the longest common subsequence of
two sorted sequences is the size of their multiset intersection, so one
``rapidfuzz.process.cdist`` with ``LCSseq.similarity`` scores every statement against
every window by how many of its content words the window holds, in parallel and without
a Python loop over pairs. Each word is one character of a string (its vocabulary id), so
rapidfuzz compares whole words at the speed it compares letters.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from ..model import Span
from ..text import split_sentences
from .lexicons import MatchLexicons
from .tokens import stems

SHARE = 0.5  # of a statement's content words a window must hold to be a candidate
MAX_EXTRA = 2  # a rare word counts up to three times
CHUNK = 4096  # windows scored per cdist call (bounds memory: statements x CHUNK)


@dataclass(frozen=True, slots=True)
class Candidate:
    statement: int  # index into the queries
    doc: int
    window: Span  # in the document's text
    split: int | None  # where the window's second sentence starts
    hits: int  # content words in common


class _Vocab:
    """Stems as characters; a stem that is rare among the windows is repeated (up to
    three times) so that, in the LCS of two sorted sequences, it counts for more than a
    word every window has ("barrier" in every report of a barrier story)."""

    def __init__(self, df: Counter[str], windows: int) -> None:
        self.ids: dict[str, int] = {}
        self.pieces: dict[str, str] = {}
        self.weight = {w: 1 + min(MAX_EXTRA, int(math.log2(max(1.0, windows / (n * 8))))) for w, n in df.items()}

    def encode(self, words: list[str]) -> str:
        pieces = self.pieces
        for w in words:
            if w not in pieces:
                c = len(self.ids)
                self.ids[w] = c
                # Skip the surrogate block: those code points cannot stand alone in a str.
                pieces[w] = chr(c + 0x100 if c < 0xD700 else c + 0x1100) * self.weight.get(w, 1)
        return "".join(pieces[w] for w in sorted(set(words), key=self.ids.__getitem__))


def _windows_with_stems(text: str, lex: MatchLexicons) -> list[tuple[Span, int | None, list[str]]]:
    sentences = split_sentences(text, lex.abbreviations)
    words = [stems(s.of(text), lex) for s in sentences]  # once per sentence, not per window
    if len(sentences) < 2:
        return [(s, None, w) for s, w in zip(sentences, words)]
    return [(Span(a.start, b.end), b.start, wa + wb)
            for a, b, wa, wb in zip(sentences, sentences[1:], words, words[1:])]


def candidates(queries: Sequence[str], texts: Sequence[str], lex: MatchLexicons,
               workers: int = -1) -> list[Candidate]:
    """The best window of each text for each query, where it holds enough of the query's
    content words."""
    spans: list[tuple[Span, int | None]] = []
    words: list[list[str]] = []
    owner: list[int] = []
    for d, text in enumerate(texts):
        for span, split, ws in _windows_with_stems(text, lex):
            spans.append((span, split))
            words.append(ws)
            owner.append(d)
    df: Counter[str] = Counter(w for ws in words for w in set(ws))
    vocab = _Vocab(df, len(words))
    seqs = [vocab.encode(ws) for ws in words]
    encoded = [vocab.encode(stems(q, lex)) for q in queries]
    if not seqs or not encoded:
        return []
    need = np.array([max(1, math.ceil(SHARE * len(q))) if q else 1 << 30 for q in encoded])
    owners = np.array(owner)
    out: list[Candidate] = []
    start = 0
    while start < len(seqs):
        # Whole documents per chunk, so a document's best window is decided in one place.
        end = min(len(seqs), start + CHUNK)
        while end < len(seqs) and owners[end] == owners[end - 1]:
            end += 1
        scores = process.cdist(encoded, seqs[start:end], scorer=LCSseq.similarity,
                               dtype=np.int32, workers=workers)
        docs, firsts = np.unique(owners[start:end], return_index=True)
        best = np.maximum.reduceat(scores, firsts, axis=1)  # statements x documents
        bounds = [*firsts.tolist(), end - start]
        for q, k in zip(*np.nonzero(best >= need[:, None])):
            lo = bounds[k]
            at = start + lo + int(scores[q, lo:bounds[k + 1]].argmax())
            window, split = spans[at]
            out.append(Candidate(int(q), int(docs[k]), window, split, int(best[q, k])))
        start = end
    return out
