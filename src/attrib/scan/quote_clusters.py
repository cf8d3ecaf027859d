"""Near-duplicate quotes across the whole corpus, without comparing every pair.

1. The direct and mixed statements of at least ``MIN_WORDS`` words are read from the
   statements table; identical wordings (case, punctuation and curly quotes aside) are
   one *version*, so a quote carried word for word by a thousand articles costs one.
2. Each version gets a MinHash signature of its word pairs (datasketch); versions whose
   signatures agree on a whole band become candidates (locality-sensitive hashing:
   ``BANDS`` bands of ``ROWS`` values find pairs above a Jaccard similarity of about
   (1/BANDS)^(1/ROWS) = 0.42 almost surely, and hardly any below 0.2).
3. A candidate joins its band's first member's cluster when the word-pair Jaccard
   similarity really is at least ``SIMILAR`` (union-find), so the cost grows with the
   number of versions, not with their square.
4. In each cluster that reaches two articles, the first appearance (earliest date, then
   document) is the reference; every other version is compared with it by the same
   classifier as coverage checks (corroborate/classify.py): verbatim, close, altered or
   paraphrase, with the same reasons ("negation dropped", "number changed: 40 → 14").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from ..corroborate.classify import Window, classify
from ..corroborate.lexicons import MatchLexicons
from ..corroborate.queries import side
from ..corroborate.tokens import Words, norms, tokenize
from ..model import Span, Status
from .scan_options import TableFormat

MIN_WORDS = 6  # shorter quotes ("We will see.") recur without being the same quotation
NUM_PERM = 128
BANDS, ROWS = 32, 4  # BANDS * ROWS == NUM_PERM
SIMILAR = 0.5  # word-pair Jaccard similarity for two versions to be one quotation

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "quote_clusters": (
        ("cluster", "int32"), ("text", "string"), ("occurrences", "int32"), ("articles", "int32"),
        ("outlets", "list<string>"), ("outlet_count", "int32"), ("speakers", "list<string>"),
        ("first_document", "string"), ("first_outlet", "string"), ("first_date", "date32"),
        ("versions", "int32"), ("altered", "int32"),
    ),
    "quote_versions": (
        ("cluster", "int32"), ("version", "int32"), ("text", "string"), ("occurrences", "int32"),
        ("outlets", "list<string>"), ("first_document", "string"), ("first_outlet", "string"),
        ("first_date", "date32"), ("status", "string"), ("reasons", "list<string>"),
    ),
    "quote_occurrences": (
        ("cluster", "int32"), ("version", "int32"), ("document", "string"), ("statement", "string"),
        ("outlet", "string"), ("date", "date32"), ("speaker", "string"),
    ),
}


@dataclass(frozen=True, slots=True)
class Occurrence:
    document: str
    statement: str
    outlet: str | None
    date: dt.date | None
    speaker: str | None
    text: str  # as the article wrote it

    @property
    def order(self) -> tuple[bool, dt.date, str, int]:
        """First appearance first: dated before undated, then by date, document, position."""
        number = int(self.statement[1:]) if self.statement[1:].isdigit() else 0
        return (self.date is None, self.date or dt.date.max, self.document, number)


@dataclass(slots=True)
class _Version:
    key: str  # the normalised words
    occurrences: list[Occurrence] = field(default_factory=list)


def _shingles(words: Sequence[str]) -> set[str]:
    return {f"{a} {b}" for a, b in pairwise(words)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype=np.uint64)
CHUNK = 10_000  # versions hashed at a time: only their band keys are kept


def band_keys(versions: Sequence[_Version]) -> np.ndarray:
    """One 64-bit key per band per version (versions x BANDS): the MinHash signature's
    band, mixed into one number; the signatures themselves are not kept."""
    from datasketch import MinHash

    keys = np.zeros((len(versions), BANDS), dtype=np.uint64)
    for lo in range(0, len(versions), CHUNK):
        chunk = versions[lo:lo + CHUNK]
        hashes = MinHash.bulk([sorted(s.encode() for s in _shingles(v.key.split())) for v in chunk],
                              num_perm=NUM_PERM)
        sig = np.vstack([m.hashvalues for m in hashes]).astype(np.uint64).reshape(len(chunk), BANDS, ROWS)
        with np.errstate(over="ignore"):
            keys[lo:lo + len(chunk)] = (sig * _MIX).sum(axis=2, dtype=np.uint64)
    return keys


def group(versions: Sequence[_Version]) -> list[list[int]]:
    """The versions' indices grouped into quotations (each group in index order)."""
    keys = band_keys(versions)
    uf = _Union(len(versions))
    sets: dict[int, set[str]] = {}  # word pairs, made only for versions that meet a candidate

    def pairs(i: int) -> set[str]:
        if i not in sets:
            sets[i] = _shingles(versions[i].key.split())
        return sets[i]

    for b in range(BANDS):
        order = np.argsort(keys[:, b], kind="stable")
        ordered = keys[order, b]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], len(ordered)]
        shared = ends - starts > 1
        for s, e in zip(starts[shared], ends[shared]):
            head = int(order[s])
            for j in map(int, order[s + 1:e]):
                if uf.find(head) != uf.find(j) and _jaccard(pairs(head), pairs(j)) >= SIMILAR:
                    uf.join(head, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(versions)):
        groups.setdefault(uf.find(i), []).append(i)
    return list(groups.values())


class _Reference:
    """A cluster's first version, read once for every comparison with it."""

    def __init__(self, text: str, words: Words):
        self.words = words
        self.said = side(tokenize(text), text, self.words, direct=True)

    def compare(self, version: str) -> tuple[Status, tuple[str, ...]]:
        """A version against the first appearance, as coverage checks compare a quote
        with another outlet's passage."""
        window = Window(tokenize(version), version, None, [Span(0, len(version))])
        m = classify(self.said, window, self.words)
        if m is None:
            return Status.PARAPHRASE, ()
        return m.status, tuple(r.label for r in m.reasons)


def read_occurrences(out: Path, fmt: TableFormat) -> list[Occurrence]:
    import pyarrow.compute as pc

    from .table_files import read_table

    t = read_table(out, "statements", fmt, ["document", "statement", "kind", "outlet", "date",
                                             "speaker_resolved", "content"])
    # Quotations only, and none too short to hold MIN_WORDS words.
    t = t.filter(pc.and_(pc.is_in(t["kind"], value_set=_kinds()),
                         pc.greater_equal(pc.utf8_length(t["content"]), 2 * MIN_WORDS)))
    # Names repeat from row to row: one object each, so a million quotations
    # do not hold a million copies of an outlet's name.
    shared: dict[Any, Any] = {}

    def one(value: Any) -> Any:
        return shared.setdefault(value, value)

    cols = [[one(v) for v in t[c].to_pylist()] for c in ("document", "statement", "outlet", "date", "speaker_resolved")]
    return [Occurrence(*row) for row in zip(*cols, t["content"].to_pylist())]


def _kinds() -> Any:
    import pyarrow as pa

    return pa.array(["direct", "mixed"])


@dataclass(frozen=True, slots=True)
class Clusters:
    clusters: list[dict[str, Any]]
    versions: list[dict[str, Any]]
    occurrences: list[dict[str, Any]]


def cluster(occurrences: Sequence[Occurrence], lex: MatchLexicons) -> Clusters:
    """The quotations carried by at least two articles, numbered by first appearance."""
    by_key: dict[str, _Version] = {}
    for occ in occurrences:
        words = norms(occ.text)
        if len(words) >= MIN_WORDS:
            key = " ".join(words)
            by_key.setdefault(key, _Version(key)).occurrences.append(occ)
    versions = list(by_key.values())
    found = []
    for members in group(versions):
        vs = [versions[i] for i in members]
        for v in vs:
            v.occurrences.sort(key=lambda o: o.order)
        vs.sort(key=lambda v: v.occurrences[0].order)
        if len({o.document for v in vs for o in v.occurrences}) >= 2:
            found.append(vs)
    found.sort(key=lambda vs: vs[0].occurrences[0].order)

    out = Clusters([], [], [])
    # one memo of stems for every cluster: it grows with the corpus's vocabulary, not with
    # its size, and the lexicons' own stems are worked out once, not once a cluster
    memo = Words(lex)
    for number, vs in enumerate(found, 1):
        every = sorted((o for v in vs for o in v.occurrences), key=lambda o: o.order)
        first = every[0]
        outlets = list(dict.fromkeys(o.outlet for o in every if o.outlet))
        speakers = list(dict.fromkeys(o.speaker for o in every if o.speaker))
        reference = vs[0].occurrences[0].text
        ref = _Reference(reference, memo) if len(vs) > 1 else None
        altered = 0
        for k, v in enumerate(vs):
            head = v.occurrences[0]
            status, reasons = ref.compare(head.text) if ref is not None and k else (Status.VERBATIM, ())
            altered += status is Status.ALTERED
            out.versions.append({
                "cluster": number, "version": k, "text": head.text, "occurrences": len(v.occurrences),
                "outlets": list(dict.fromkeys(o.outlet for o in v.occurrences if o.outlet)),
                "first_document": head.document, "first_outlet": head.outlet, "first_date": head.date,
                "status": status.value, "reasons": list(reasons)})
            out.occurrences.extend({"cluster": number, "version": k, "document": o.document,
                                    "statement": o.statement, "outlet": o.outlet, "date": o.date,
                                    "speaker": o.speaker} for o in v.occurrences)
        out.clusters.append({
            "cluster": number, "text": reference, "occurrences": len(every),
            "articles": len({o.document for o in every}), "outlets": outlets, "outlet_count": len(outlets),
            "speakers": speakers, "first_document": first.document, "first_outlet": first.outlet,
            "first_date": first.date, "versions": len(vs), "altered": altered})
    return out


def write_clusters(out: Path, fmt: TableFormat, lex: MatchLexicons) -> Clusters:
    """Cluster the scan's quotes and write the three quote tables (replacing any earlier)."""
    from .table_files import schema, suffix, write_table

    found = cluster(read_occurrences(out, fmt), lex)
    for name, rows in (("quote_clusters", found.clusters), ("quote_versions", found.versions),
                       ("quote_occurrences", found.occurrences)):
        write_table(out / name / f"{name}{suffix(fmt)}", fmt, schema(COLUMNS[name]), rows)
    return found
