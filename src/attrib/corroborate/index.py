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
from .tokens import WORD, Words

SHARE = 0.4  # of a statement's weighted content words a window must hold
MAX_EXTRA = 2  # a rare word counts up to three times
PROBE_HITS = 2  # probed (rare) stems a window must hold to be scored in full
CHUNK = 1000  # queries searched together (bounds the memory of one pass)


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
        vocab: dict[str, int] = {}
        self.vocab = vocab
        word_id: dict[str, int] = {}  # a word as written (lower case) -> its stem's id, -1 for none
        for d, text in enumerate(texts):
            sentences = split_sentences(text, abbreviations)
            found = [WORD.findall(s.of(text).lower()) for s in sentences]
            for word in {w for ws in found for w in ws}.difference(word_id):
                stem = words.stem(word)
                word_id[word] = -1 if stem is None else vocab.setdefault(stem, len(vocab))
            for s, ws in zip(sentences, found):
                unique = set(map(word_id.__getitem__, ws))
                unique.discard(-1)
                spans.append(s)
                doc_of.append(d)
                ids.extend(sorted(unique))
                lengths.append(len(unique))
        self.spans = spans
        self.ends = np.asarray([sp.end for sp in spans], dtype=np.int64)
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
        """The stems of the given sentences, flat, with the position (in ``sentences``)
        each belongs to."""
        lo, hi = self.ptr[sentences], self.ptr[sentences + 1]
        lengths = hi - lo
        total = int(lengths.sum())
        if total == 0:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64)
        offsets = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        return self.ids[offsets], np.repeat(np.arange(len(sentences)), lengths)

    def _plan(self, query: Sequence[str]) -> tuple[np.ndarray, np.ndarray, float, np.ndarray, int] | None:
        """A query's stems (ids), their weights, the weight a window must hold, the
        stems to probe and how many of them a qualifying window must hold: probing the
        rarest stems until, without any ``need - 1`` of them... see ``candidates``."""
        vocab = self.vocab
        q = np.asarray(sorted({vocab[w] for w in query if w in vocab}), dtype=np.int64)
        unknown = len({w for w in query if w not in vocab})  # in no sentence: weight 1 each
        if not len(q):
            return None
        wq = self.weight[q].astype(np.float64)
        total = float(wq.sum()) + unknown
        need = max(1.0, math.ceil(SHARE * total))
        slack = total - need - unknown  # weight a qualifying window may still lack
        if slack < 0:
            return None
        rare = np.argsort(self.df[q], kind="stable")
        weights = wq[rare].tolist()
        for must in range(min(PROBE_HITS, len(q)), 0, -1):
            # The probed stems must outweigh the slack even without the ``must - 1``
            # heaviest of them, so a qualifying window holds at least ``must`` of them.
            for k in range(must, len(q) + 1):
                top = sorted(weights[:k])
                if sum(top[:k - (must - 1)]) > slack:
                    return q, wq, need, q[rare[:k]], must
        return None

    def stems_of(self, window: Span, doc: int) -> set[int]:
        """The stem ids of the sentences a window covers."""
        first = int(np.searchsorted(self.doc, doc, side="left"))
        last = int(np.searchsorted(self.doc, doc, side="right"))
        k = first + int(np.searchsorted(self.ends[first:last], window.start, side="right"))
        out: set[int] = set()
        while k < last and self.spans[k].start < window.end:
            out.update(self.ids[self.ptr[k]:self.ptr[k + 1]].tolist())
            k += 1
        return out


def _unique(a: np.ndarray) -> np.ndarray:
    """Sorted distinct values. (numpy's ``unique`` takes a hash-based path for integers
    that is many times slower than sorting on large arrays.)"""
    a = np.sort(a)
    return a[np.concatenate([[True], a[1:] != a[:-1]])] if len(a) else a


def _unique_counts(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a = np.sort(a)
    if not len(a):
        return a, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], a[1:] != a[:-1]]))
    return a[starts], np.diff(np.append(starts, len(a)))


def candidates(queries: Sequence[Sequence[str]], index: Index) -> list[Candidate]:
    """The best window of each document for each query (a list of stems; empty: not
    checked), where it holds at least SHARE of the query's weighted stems.

    For each query, its rarest stems are probed, enough of them that a qualifying window
    must hold at least two (the slack cannot hide both): windows with two probed stems
    are few, found from the stems' lists of sentences for all queries at once, and only
    they are scored in full. Nothing that qualifies is missed."""
    out: list[Candidate] = []
    for first in range(0, len(queries), CHUNK):
        out += _chunk(queries[first:first + CHUNK], first, index)
    return out


def _chunk(queries: Sequence[Sequence[str]], offset: int, index: Index) -> list[Candidate]:
    plans = [(n, plan) for n, query in enumerate(queries) if query and (plan := index._plan(query)) is not None]
    if not plans:
        return []
    V = len(index.vocab) + 1
    # (query, probed stem) pairs, then every sentence holding the stem.
    qs = np.concatenate([np.full(len(plan[3]), n, dtype=np.int64) for n, plan in plans])
    stems = np.concatenate([plan[3] for _, plan in plans])
    lo, hi = index.post_ptr[stems], index.post_ptr[stems + 1]
    lengths = hi - lo
    total = int(lengths.sum())
    if not total:
        return []
    offsets = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    sent = index.post[offsets].astype(np.int64)
    q_of, stem_of = np.repeat(qs, lengths), np.repeat(stems, lengths)
    # The windows those sentences open (a) or close (a - 1).
    prev = np.maximum(sent - 1, 0)
    closes = (sent > 0) & index.pairs_next[prev]
    win = np.concatenate([sent[index.window_start[sent]], prev[closes]])
    q_of = np.concatenate([q_of[index.window_start[sent]], q_of[closes]])
    stem_of = np.concatenate([stem_of[index.window_start[sent]], stem_of[closes]])
    n_win = len(index.spans)
    # Each probed stem once per (query, window); keep windows with enough of them.
    key = _unique((q_of * n_win + win) * V + stem_of)
    pair = key // V
    pairs, counts = _unique_counts(pair)
    must = np.zeros(len(queries), dtype=np.int64)
    for n, plan in plans:
        must[n] = plan[4]
    pairs = pairs[counts >= must[pairs // n_win]]
    if not len(pairs):
        return []
    q_of, win = pairs // n_win, pairs % n_win
    # Score those windows in full: the weight of the query's stems in the two sentences.
    second = np.where(index.pairs_next[win], win + 1, win)
    ids1, at1 = index._segments(win)
    ids2, at2 = index._segments(second)
    ids = np.concatenate([ids1, ids2]).astype(np.int64)
    at = np.concatenate([at1, at2])
    entry = _unique(at * V + ids)  # a stem in both sentences counts once
    at, ids = entry // V, entry % V
    qkeys = np.concatenate([n * V + plan[0] for n, plan in plans])
    qweights = np.concatenate([plan[1] for _, plan in plans])
    order = np.argsort(qkeys)
    qkeys, qweights = qkeys[order], qweights[order]
    probe = q_of[at] * V + ids
    k = np.minimum(np.searchsorted(qkeys, probe), len(qkeys) - 1)
    hit = qkeys[k] == probe
    scores = np.bincount(at[hit], weights=qweights[k[hit]], minlength=len(pairs))
    need = np.zeros(len(queries))
    for n, plan in plans:
        need[n] = plan[2]
    good = scores >= need[q_of]
    q_of, win, scores = q_of[good], win[good], scores[good]
    if not len(q_of):
        return []
    docs = index.doc[win].astype(np.int64)
    order = np.lexsort((win, -scores, docs, q_of))  # per query and document: best, then first
    q_s, d_s = q_of[order], docs[order]
    firsts = order[np.concatenate([[True], (q_s[1:] != q_s[:-1]) | (d_s[1:] != d_s[:-1])])]
    out = []
    for k in firsts.tolist():
        span, split = index._window(int(win[k]))
        out.append(Candidate(int(q_of[k]) + offset, int(docs[k]), span, split, float(scores[k])))
    return out
