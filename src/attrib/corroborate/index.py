"""Finding, for every statement, the best candidate passage in every coverage document,
in one batch and in time close to linear in the documents.

Candidates are windows of two consecutive sentences. A window is a candidate for a
statement when it holds at least SHARE of the statement's content-word stems, each
weighted by how rare it is among the sentences (its inverse sentence frequency:
"barrier" in every report of a barrier story says little, "Okafor" much).

An inverted index (stem -> the sentences holding it, in numpy arrays) finds those
windows without comparing every statement with every window. A qualifying window can
lack at most the rest of the weight (the slack), so it must hold some of the statement's
rarest stems: enough of them are probed that even the two heaviest cannot make up the
slack, and a qualifying window holds two of them. The probed stems' lists of sentences
are short; windows with two hits are few; only those are scored in full. No window that
qualifies is missed, and the work grows with the documents' sentences, not with
statements times windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Span
from ..text import split_sentences
from .tokens import WORD, Words

SHARE = 0.5  # of a statement's weighted content words a window must hold ...
FIGURE_CANDIDATE_SHARE = 0.33  # ... or this much if it holds a figure of the statement ("28 people")
PROBE_HITS = 2  # probed (rare) stems a window must hold to be scored in full
CHUNK = 250  # queries searched together (bounds the memory of one pass)


def telling_figure(stem: str) -> bool:
    """A figure that identifies a fact: two digits or more, and not a year."""
    return stem[:1].isdigit() and len(stem) >= 2 and not (len(stem) == 4 and "1900" <= stem <= "2099")


@dataclass(frozen=True, slots=True, eq=False)
class Plan:
    query: int
    stems: np.ndarray  # the query's stem ids
    weights: np.ndarray  # ... and their weights
    need: float  # the weight a window must hold
    probe: np.ndarray  # stems whose sentences are read
    must: int  # probed stems a qualifying window holds at least


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
        # How much a stem says: its inverse sentence frequency ("barrier" in every report
        # of a barrier story says little, "Okafor" much).
        self.weight = np.log2(1 + n / np.maximum(df, 1))
        self.unseen = float(np.log2(1 + max(n, 1)))  # a stem no sentence has
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

    def plans(self, n: int, query: Sequence[str]) -> list[Plan]:
        """How query ``n`` is searched: its rarest stems probed so that any window
        holding SHARE of its weight holds ``must`` of them (the slack cannot hide them
        all); and, for a query with a telling figure ("28 people"), the windows holding
        the figure, needing FIGURE_CANDIDATE_SHARE only."""
        vocab = self.vocab
        q = np.asarray(sorted({vocab[w] for w in query if w in vocab}), dtype=np.int64)
        unknown = self.unseen * len({w for w in query if w not in vocab})  # missing from every window
        if not len(q):
            return []
        wq = self.weight[q]
        total = float(wq.sum()) + unknown
        out = []
        figures = [vocab[w] for w in set(query) if w in vocab and telling_figure(w)]
        if figures:
            out.append(Plan(n, q, wq, FIGURE_CANDIDATE_SHARE * total, np.asarray(figures, dtype=np.int64), 1))
        need = SHARE * total
        slack = total - need - unknown  # weight a qualifying window may still lack
        if slack < 0:
            return out
        rare = np.argsort(self.df[q], kind="stable")
        weights = wq[rare].tolist()
        for must in range(min(PROBE_HITS, len(q)), 0, -1):
            # The probed stems must outweigh the slack even without the ``must - 1``
            # heaviest of them, so a qualifying window holds at least ``must`` of them.
            for k in range(must, len(q) + 1):
                top = sorted(weights[:k])
                if sum(top[:k - (must - 1)]) > slack:
                    return [*out, Plan(n, q, wq, need, q[rare[:k]], must)]
        return out

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
    plans = [plan for n, query in enumerate(queries) if query for plan in index.plans(n, query)]
    if not plans:
        return []
    V = len(index.vocab) + 1
    # (plan, probed stem) pairs, then every sentence holding the stem.
    ps = np.concatenate([np.full(len(plan.probe), k, dtype=np.int64) for k, plan in enumerate(plans)])
    stems = np.concatenate([plan.probe for plan in plans])
    lo, hi = index.post_ptr[stems], index.post_ptr[stems + 1]
    lengths = hi - lo
    total = int(lengths.sum())
    if not total:
        return []
    offsets = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    sent = index.post[offsets].astype(np.int64)
    p_of = np.repeat(ps, lengths)
    # The windows those sentences open (a) or close (a - 1).
    prev = np.maximum(sent - 1, 0)
    closes = (sent > 0) & index.pairs_next[prev]
    opens = index.window_start[sent]
    win = np.concatenate([sent[opens], prev[closes]])
    p_of = np.concatenate([p_of[opens], p_of[closes]])
    del sent, prev, opens, closes, offsets
    n_win = len(index.spans)
    # Windows with enough probed stems (a stem in both its sentences counts twice here:
    # more windows are scored, none is missed). 32-bit keys where they fit sort faster.
    small = len(plans) * n_win < 2**31
    key = (p_of * n_win + win).astype(np.int32 if small else np.int64)
    del p_of, win
    pairs, counts = _unique_counts(key)
    pairs = pairs.astype(np.int64)
    must = np.asarray([plan.must for plan in plans], dtype=np.int64)
    pairs = pairs[counts >= must[pairs // n_win]]
    if not len(pairs):
        return []
    p_of, win = pairs // n_win, pairs % n_win
    # Score those windows in full: the weight of the query's stems in the two sentences.
    second = np.where(index.pairs_next[win], win + 1, win)
    ids1, at1 = index._segments(win)
    ids2, at2 = index._segments(second)
    ids = np.concatenate([ids1, ids2]).astype(np.int64)
    at = np.concatenate([at1, at2])
    entry = _unique(at * V + ids)  # a stem in both sentences counts once
    at, ids = entry // V, entry % V
    pkeys = np.concatenate([k * V + plan.stems for k, plan in enumerate(plans)])
    pweights = np.concatenate([plan.weights for plan in plans])
    order = np.argsort(pkeys)
    pkeys, pweights = pkeys[order], pweights[order]
    probe = p_of[at] * V + ids
    k = np.minimum(np.searchsorted(pkeys, probe), len(pkeys) - 1)
    hit = pkeys[k] == probe
    scores = np.bincount(at[hit], weights=pweights[k[hit]], minlength=len(pairs))
    need = np.asarray([plan.need for plan in plans])
    good = scores >= need[p_of]
    p_of, win, scores = p_of[good], win[good], scores[good]
    if not len(p_of):
        return []
    q_of = np.asarray([plan.query for plan in plans], dtype=np.int64)[p_of]
    docs = index.doc[win].astype(np.int64)
    order = np.lexsort((win, -scores, docs, q_of))  # per query and document: best, then first
    q_s, d_s = q_of[order], docs[order]
    firsts = order[np.concatenate([[True], (q_s[1:] != q_s[:-1]) | (d_s[1:] != d_s[:-1])])]
    out = []
    for k in firsts.tolist():
        span, split = index._window(int(win[k]))
        out.append(Candidate(int(q_of[k]) + offset, int(docs[k]), span, split, float(scores[k])))
    return out
