"""Statements against coverage: the candidates from the batch index, each classified,
with the speaker the other outlet gives; one Corroboration per statement."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, Corroboration, Evidence, Kind, Statement, Status
from ..rulebook import Rulebook
from ..text import find_quotes
from .classify import classify
from .documents import CoverageDoc
from .index import candidates
from .lexicons import MatchLexicons
from .speakers import comparable, same_source, speaker_of
from .tokens import tokenize

MIN_WORDS = 3  # shorter statements ("Yes.") match too much to say anything

# Best first: a statement any outlet reports word for word is corroborated; one whose
# only close matches change its meaning is altered, which says more than a paraphrase.
RANK = {Status.VERBATIM: 0, Status.CLOSE: 1, Status.ALTERED: 2, Status.PARAPHRASE: 3,
        Status.NOT_FOUND: 4, Status.UNCHECKED: 5}


def corroborate(article: Article, statements: Sequence[Statement], docs: Sequence[CoverageDoc],
                rules: Rulebook, workers: int = -1) -> tuple[Corroboration, ...]:
    lex = MatchLexicons.of(rules)
    docs = [d for d in docs if d.text != article.text and (not article.url or d.url != article.url)]
    contents = [st.content_text(article.text) for st in statements]
    checkable = [len(tokenize(c)) >= MIN_WORDS for c in contents]
    queries = [c if ok else "" for c, ok in zip(contents, checkable)]
    found = candidates(queries, [d.text for d in docs], lex, workers)

    quotes: dict[int, list] = {}
    doc_statements: dict[int, tuple[Statement, ...]] = {}
    evidence: dict[int, list[Evidence]] = {}
    q_tokens = {}
    for cand in found:
        st, doc = statements[cand.statement], docs[cand.doc]
        if cand.statement not in q_tokens:
            q_tokens[cand.statement] = tokenize(contents[cand.statement])
        if cand.doc not in quotes:
            quotes[cand.doc] = [q.inner for q in find_quotes(doc.text)]
        w = tokenize(doc.text, cand.window.start, cand.window.end)
        m = classify(q_tokens[cand.statement], contents[cand.statement], w, doc.text, cand.split,
                     quotes[cand.doc], lex, direct=st.kind is not Kind.INDIRECT)
        if m is None:
            continue
        if cand.doc not in doc_statements:
            doc_statements[cand.doc] = doc.attributed(rules).statements or ()
        other = speaker_of(doc_statements[cand.doc], m.passage)
        theirs = comparable(other, lex) if other is not None else None
        ours = comparable(st, lex)
        same = None if theirs is None or ours is None else same_source(ours, theirs, lex)
        speaker = other.source.name if other is not None and other.source.span is not None else None
        evidence.setdefault(cand.statement, []).append(Evidence(
            outlet=doc.outlet, url=doc.url, passage=m.passage.of(doc.text), score=m.score,
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


def speaker_conflicts(corroboration: Corroboration) -> tuple[Evidence, ...]:
    """Evidence where another outlet gives the passage to someone else: a finding."""
    return tuple(e for e in corroboration.evidence if e.same_speaker is False)
