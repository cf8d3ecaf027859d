"""Finding, for every statement, the best candidate passage in every coverage document,
in one batch and in time close to linear in the documents.

Candidates are windows of two consecutive sentences. A window is a candidate for a
statement when it holds at least half of the statement's content-word stems, weighted:
a stem rare among the sentences counts up to three times ("barrier" in every report of
a barrier story counts once, "Okafor" three times).

An inverted index (stem -> sentences holding it, in numpy arrays) finds those windows
without comparing every statement with every window. A window that holds half of the
weight can miss at most the other half, so it must hold one of the statement's rarest
stems whose weights add up to more than that: only their (short) lists of sentences are
read, and only the windows around those sentences are scored. No window that qualifies
is missed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Span
from ..text import split_sentences
from .tokens import Words

SHARE = 0.5  # of a statement's weighted content words a window must hold
MAX_EXTRA = 2  # a rare word counts up to three times


@dataclass(frozen=True, slots=True)
class Candidate:
    statement: int  # index into the queries
    doc: int
    window: Span  # in the document's text
    split: int | None  # where the window's second sentence starts
    hits: float  # weighted content words in common


class Index:
    """The sentences of every document, their stems, and for each stem the sentences
    that hold it."""

    def __init__(self, texts: Sequence[str], words: Words, abbreviations: frozenset[str]) -> None:
        spans: list[Span] = []
        doc_of: list[int] = []
        ids: list[int] = []
        lengths: list[int] = []
        vocab = self.vocab = {}
        for d, text in enumerate(texts):
            for s in split_sentences(text, abbreviations):
                found = {vocab.setdefault(w, len(vocab)) for w in words.stems(s.of(text))}
                spans.append(s)
                doc_of.append(d)
                ids.extend(sorted(found))
                lengths.append(len(found))
        self.spans = spans
        n = len(spans)
        self.doc = np.asarray(doc_of, dtype=np.int32)
        self.ids = np.asarray(ids, dtype=np.int32)
        self.ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.asarray(lengths, dtype=np.int64), out=self.ptr[1:])
        df = np.bincount(self.ids, minlength=len(vocab)) if len(vocab) else np.zeros(0, dtype=np.int64)
        self.df = df
        ratio = np.maximum(1.0, n / np.maximum(df, 1) / 8)
        self.weight = 1 + np.minimum(MAX_EXTRA, np.floor(np.log2(ratio))).astype(np.int64)
        entry_sentence = np.repeat(np.arange(n, dtype=np.int32), lengths)
        order = np.argsort(self.ids, kind="stable")
        self.post = entry_sentence[order]
        del order, entry_sentence
        self.post_ptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(df, out=self.post_ptr[1:])
        same_doc_next = np.zeros(n, dtype=bool)
        if n > 1:
            same_doc_next[:-1] = self.doc[1:] == self.doc[:-1]
        self.pairs_next = same_doc_next  # sentence a and a + 1 make a window
        alone = np.ones(n, dtype=bool)
        if n > 1:
            alone[1:] &= ~same_doc_next[:-1]
        alone &= ~same_doc_next
        self.window_start = same_doc_next | alone  # ... or a document's only sentence
        self._qpos = np.full(len(vocab), -1, dtype=np.int64)
        self._starts = np.zeros(n, dtype=bool)

    def around(self, window: Span, doc: int, length: int) -> Span:
        """The window widened by whole sentences of its document, on each side by at least
        one sentence and ``length`` characters (a statement as long as the window may
        run on either side of it)."""
        first = int(np.searchsorted(self.doc, doc, side="left"))
        last = int(np.searchsorted(self.doc, doc, side="right")) - 1
        lo = next(k for k in range(first, last + 1) if self.spans[k].end > window.start)
        hi = next(k for k in range(last, first - 1, -1) if self.spans[k].start < window.end)
        end, start = window.end + length, window.start - length
        hi = min(hi + 1, last)
        while hi < last and self.spans[hi].end < end:
            hi += 1
        lo = max(lo - 1, first)
        while lo > first and self.spans[lo].start > start:
            lo -= 1
        return Span(self.spans[lo].start, self.spans[hi].end)

    def _window(self, a: int) -> tuple[Span, int | None]:
        if self.pairs_next[a]:
            return Span(self.spans[a].start, self.spans[a + 1].end), self.spans[a + 1].start
        return self.spans[a], None

    def _segments(self, sentences: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The stems of the given sentences, flat, with the sentence each belongs to."""
        lo, hi = self.ptr[sentences], self.ptr[sentences + 1]
        lengths = hi - lo
        total = int(lengths.sum())
        if total == 0:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=sentences.dtype)
        offsets = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        return self.ids[offsets], np.repeat(sentences, lengths)

    def best_windows(self, query: Sequence[str]) -> list[tuple[int, Span, int | None, float]]:
        """(document, window, split, weighted hits) for each document whose best window
        holds at least SHARE of the query's weighted stems."""
        vocab = self.vocab
        known = sorted({vocab[w] for w in query if w in vocab})
        unknown = len({w for w in query if w not in vocab})  # found in no sentence: weight 1 each
        if not known:
            return []
        q = np.asarray(known, dtype=np.int64)
        wq = self.weight[q].astype(np.float64)
        total = float(wq.sum()) + unknown
        need = max(1.0, math.ceil(SHARE * total))
        slack = total - need - unknown  # weight a qualifying window may still lack
        if slack < 0:
            return []
        rare = np.argsort(self.df[q], kind="stable")
        enough = int(np.searchsorted(np.cumsum(wq[rare]), slack, side="right"))
        probe = q[rare[: enough + 1]]
        hits = np.unique(np.concatenate([self.post[self.post_ptr[i]:self.post_ptr[i + 1]] for i in probe]))
        starts = np.unique(np.concatenate([hits[hits > 0] - 1, hits]))
        starts = starts[self.window_start[starts]]
        if not len(starts):
            return []
        seconds = starts[self.pairs_next[starts]] + 1
        sentences = np.unique(np.concatenate([starts, seconds]))

        self._qpos[q] = np.arange(len(q))
        self._starts[starts] = True
        try:
            stem_ids, owner = self._segments(sentences)
            pos = self._qpos[stem_ids]
            keep = pos >= 0
            owner, pos = owner[keep], pos[keep]
            first = self._starts[owner]  # the sentence opens a window
            prev = owner - 1
            second = (prev >= 0) & self._starts[np.maximum(prev, 0)] & self.pairs_next[np.maximum(prev, 0)]
        finally:
            self._qpos[q] = -1
            self._starts[starts] = False
        window = np.concatenate([owner[first], prev[second]]).astype(np.int64)
        stem = np.concatenate([pos[first], pos[second]])
        keys = np.unique(window * len(q) + stem)  # each stem once per window
        window, stem = keys // len(q), keys % len(q)
        windows, inverse = np.unique(window, return_inverse=True)
        scores = np.bincount(inverse, weights=wq[stem])
        good = scores >= need
        windows, scores = windows[good], scores[good]
        if not len(windows):
            return []
        docs = self.doc[windows]
        order = np.lexsort((windows, -scores, docs))  # per document: best score, then first
        docs_sorted = docs[order]
        firsts = order[np.concatenate([[True], docs_sorted[1:] != docs_sorted[:-1]])]
        out = []
        for k in firsts.tolist():
            span, split = self._window(int(windows[k]))
            out.append((int(docs[k]), span, split, float(scores[k])))
        return out


def candidates(queries: Sequence[Sequence[str]], index: Index) -> list[Candidate]:
    """The best window of each document for each query (a list of stems; empty: not
    checked), where it holds enough of the query's content words."""
    out = []
    for n, query in enumerate(queries):
        if query:
            out += [Candidate(n, d, span, split, hits) for d, span, split, hits in index.best_windows(query)]
    return out
