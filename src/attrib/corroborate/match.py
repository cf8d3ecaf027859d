"""Statements against coverage: the candidates from the batch index, each classified,
with the speaker the other outlet gives; one Corroboration per statement."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq

from ..model import Article, Corroboration, Evidence, Kind, Span, Statement, Status
from ..text import find_quotes
from .classify import MIN_KEPT, MIN_TRUNCATED, PARAPHRASE_SHARE, classify
from .documents import CoverageDoc, ReadStatements
from .index import candidates
from .lexicons import MatchLexicons
from .speakers import comparable, same_source, speaker_of
from .tokens import Token, norms, stems, tokenize

QUOTE_MARKS = ('"', "“", "”")
MIN_WORDS = 3  # shorter statements ("Yes.") match too much to say anything

# Best first: a statement any outlet reports word for word is corroborated; one whose
# only close matches change its meaning is altered, which says more than a paraphrase.
RANK = {Status.VERBATIM: 0, Status.CLOSE: 1, Status.ALTERED: 2, Status.PARAPHRASE: 3,
        Status.NOT_FOUND: 4, Status.UNCHECKED: 5}


@dataclass
class _DocView:
    """A coverage document, read as far as needed: windows' words, quotations and
    attributions, each computed once."""

    doc: CoverageDoc
    words: dict[Span, list[str]] = field(default_factory=dict)
    tokens: dict[Span, list[Token]] = field(default_factory=dict)
    _quotes: list[Span] | None = None
    statements: tuple[Statement, ...] | None = None

    def norms(self, span: Span) -> list[str]:
        if span not in self.words:
            self.words[span] = norms(self.doc.text, span.start, span.end)
        return self.words[span]

    def window(self, span: Span) -> list[Token]:
        if span not in self.tokens:
            self.tokens[span] = tokenize(self.doc.text, span.start, span.end)
        return self.tokens[span]

    @property
    def quotes(self) -> list[Span]:
        if self._quotes is None:
            self._quotes = [q.inner for q in find_quotes(self.doc.text)]
        return self._quotes


def _worth_classifying(q: list[Token], q_stems: Counter, view: _DocView, window: Span,
                       lex: MatchLexicons) -> bool:
    """A cheap look before the full comparison: enough of the statement's words in
    order, or a quotation there to hold a fragment of it, or enough content words for a
    paraphrase."""
    in_order = LCSseq.similarity([t.norm for t in q], view.norms(window))
    if in_order >= MIN_KEPT * len(q):
        return True
    if in_order < MIN_TRUNCATED * len(q):
        return False
    text = window.of(view.doc.text)
    if any(mark in text for mark in QUOTE_MARKS):
        return True
    shared = sum((q_stems & Counter(stems(text, lex))).values())
    return shared >= PARAPHRASE_SHARE * sum(q_stems.values())


def corroborate(article: Article, statements: Sequence[Statement], docs: Sequence[CoverageDoc],
                lex: MatchLexicons, read: ReadStatements, workers: int = -1) -> tuple[Corroboration, ...]:
    """Each statement against every coverage document: its best evidence per outlet and a
    status. ``read`` extracts a coverage text's own attributions (for the speaker check)."""
    docs = [d for d in docs if d.text != article.text and (not article.url or d.url != article.url)]
    contents = [st.content_text(article.text) for st in statements]
    q_tokens = [tokenize(c) for c in contents]
    q_stems = [Counter(stems(c, lex)) for c in contents]
    checkable = [len(q) >= MIN_WORDS for q in q_tokens]
    queries = [c if ok else "" for c, ok in zip(contents, checkable)]
    found = candidates(queries, [d.text for d in docs], lex, workers)

    views: dict[int, _DocView] = {}
    evidence: dict[int, list[Evidence]] = {}
    for cand in found:
        st = statements[cand.statement]
        view = views.get(cand.doc)
        if view is None:
            view = views[cand.doc] = _DocView(docs[cand.doc])
        q = q_tokens[cand.statement]
        if not _worth_classifying(q, q_stems[cand.statement], view, cand.window, lex):
            continue
        m = classify(q, contents[cand.statement], q_stems[cand.statement], view.window(cand.window),
                     view.doc.text, cand.split, view.quotes, lex, direct=st.kind is not Kind.INDIRECT)
        if m is None:
            continue
        if view.statements is None:
            view.statements = view.doc.attributed(read).statements or ()
        other = speaker_of(view.statements, m.passage)
        theirs = comparable(other, lex) if other is not None else None
        ours = comparable(st, lex)
        same = None if theirs is None or ours is None else same_source(ours, theirs, lex)
        speaker = other.source.name if other is not None and other.source.span is not None else None
        evidence.setdefault(cand.statement, []).append(Evidence(
            outlet=view.doc.outlet, url=view.doc.url, passage=m.passage.of(view.doc.text), score=m.score,
            status=m.status, diff=m.diff, speaker=speaker, same_speaker=same, reasons=m.reasons))

    out = []
    for i, st in enumerate(statements):
        if not checkable[i]:
            out.append(Corroboration(st.id, Status.UNCHECKED))
            continue
        ev = sorted(evidence.get(i, ()), key=lambda e: (RANK[e.status], -e.score, e.outlet))
        status = ev[0].status if ev else Status.NOT_FOUND
        out.append(Corroboration(st.id, status, tuple(ev)))
    return tuple(out)

