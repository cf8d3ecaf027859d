"""Statements against coverage: the candidates from the batch index, a cheap look, each
classified; then the article's whole quotations looked up word for word where nothing
was found on a page; then the speaker check for every match (one extraction per page,
around its matched passages); one Corroboration per statement.

Everything a match memoises (stems, long forms, the index, window words, attributions)
lives in this call and goes with it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model import Article, Corroboration, Evidence, Span, SpeakerVerdict, Statement, Status, Unchecked
from ..text import split_sentences
from .classify import FIGURE_SHARE, MIN_KEPT, MIN_MATCHED, MIN_TRUNCATED, Match, classify
from .documents import CoverageDoc, ReadStatements
from .index import Index, candidates, telling_figure
from .lexicons import MatchLexicons
from .page_view import PageView, paragraph
from .queries import Query, query
from .quotations import QuotedUnits, article_quotes, same_speaker
from .speakers import compare, establish, speaker_of, surname_alone
from .tokens import Words

_QUOTE_MARKS = ('"', "“", "”", "‘", "’ ")

# Best first: a statement any outlet reports word for word is corroborated; one whose
# only close matches change its meaning is altered or contradicted, which says more than
# a paraphrase.
RANK = {Status.VERBATIM: 0, Status.CLOSE: 1, Status.ALTERED: 2, Status.CONTRADICTED: 3,
        Status.PARAPHRASE: 4, Status.NOT_FOUND: 5, Status.UNCHECKED: 6}


def _worth(q: Query, window_stems: set[int], vocab: dict[str, int], words: Words, quoted: bool) -> bool:
    """A cheap look before the full comparison: the window must hold enough of the
    statement's content words (weighted as classification weighs them) for some rule to
    accept it: half in order, less for a quotation cut short (``quoted``: the window has
    quotation marks), a paraphrase's share, or a figure's."""
    total = shared = 0.0
    figure = False
    for stem in q.searched.stems:
        weight = words.stem_weight(stem)
        total += weight
        if vocab.get(stem, -1) in window_stems:
            shared += weight
            figure = figure or telling_figure(stem)
    least = MIN_TRUNCATED if quoted else FIGURE_SHARE if figure else MIN_KEPT
    return shared >= MIN_MATCHED and shared >= least * total


def _match(q: Query, page: PageView, window: Span, split: int | None, words: Words) -> Match | None:
    win = page.window(window, split)
    if q.anchor is None:
        return classify(q.content, win, words)
    wide = classify(q.anchor, win, words)
    if wide is None or not wide.renders:
        return None
    # Inside a passage the whole sentence confirms, the statement's own few words decide.
    narrow = classify(q.content, page.sub_window(wide.tokens), words, min_matched=0)
    return None if narrow is None or narrow.status is Status.PARAPHRASE else narrow


def _by_quotation(queries: Sequence[Query | None], docs: Sequence[CoverageDoc], pages: dict[int, PageView],
                  matched: dict[int, list[tuple[int, Match]]], words: Words, lex: MatchLexicons) -> None:
    """Where nothing else was found on a page: the statement's whole quotations printed
    word for word there, between quotation marks, with its speaker named beside them
    (quotations.py). Its own words then decide the status, as inside an anchor."""
    units = QuotedUnits([d.text for d in docs], {u for q in queries if q is not None for u in q.units}, words,
                        lex.abbreviations)
    if not units.hits:
        return
    done = {(n, d) for d, found in matched.items() for n, _ in found}
    for n, q in enumerate(queries):
        if q is None or not q.units:
            continue
        for hit in units.of(q.units):
            if (n, hit.doc) in done:
                continue
            page = pages.get(hit.doc)
            if page is None:
                page = pages[hit.doc] = PageView(docs[hit.doc], lex.abbreviations)
            if not same_speaker(q.speaker, page.region(hit.span), hit.span, page.doc.text, words):
                continue
            # Its paragraph, or where that reads past the quotation (a repeated "got her"
            # in the quotation before), the quotation alone.
            for window in (paragraph(page.doc.text, hit.span), hit.span):
                m = classify(q.content, page.window(window, None), words, min_matched=0)
                if m is not None and m.renders and m.status is not Status.PARAPHRASE \
                        and m.passage.start < hit.span.end and hit.span.start < m.passage.end:
                    matched.setdefault(hit.doc, []).append((n, m))
                    done.add((n, hit.doc))
                    break


class _Sentences:
    """The sentence holding a position of a text, split on first use."""

    def __init__(self, text: str, lex: MatchLexicons) -> None:
        self.text = text
        self.lex = lex
        self._spans: list[Span] | None = None
        self._starts: list[int] = []

    def at(self, pos: int) -> str:
        if self._spans is None:
            self._spans = split_sentences(self.text, self.lex.abbreviations)
            self._starts = [s.start for s in self._spans]
        k = bisect.bisect_right(self._starts, pos) - 1
        return " ".join(self._spans[k].of(self.text).split()) if k >= 0 else ""


def _speakers(statements: Sequence[Statement], found: list[tuple[int, Match]], page: PageView,
              ours_at: _Sentences, read: ReadStatements, lex: MatchLexicons) -> list[Evidence]:
    """The evidence of one page: each match with the speaker check, the page's
    attributions read once, around its matched passages only."""
    passages = [m.passage for _, m in found]
    read_around = page.attributions(passages, read)
    # A surname the engine met with no full name in the paragraphs read ("Hege said"):
    # read again with the sentences where the page names that person in full.
    alone = frozenset(filter(None, (surname_alone(speaker_of(read_around.statements, read_around.local(p)))
                                    for p in passages)))
    if alone:
        read_around = page.attributions(passages, read, alone)
    local_at = _Sentences(read_around.text, lex)

    out = []
    for n, m in found:
        other = speaker_of(read_around.statements, read_around.local(m.passage))
        ours = establish(statements[n], ours_at.at, lex, article=True)
        theirs = establish(other, local_at.at, lex, article=False)
        check = compare(ours, theirs)
        same = {SpeakerVerdict.SAME: True, SpeakerVerdict.DIFFERENT: False}.get(check.verdict)
        speaker = other.source.name if other is not None and other.source.span is not None else None
        out.append(Evidence(outlet=page.doc.outlet, url=page.doc.url, passage=m.passage.of(page.doc.text),
                            score=m.score, status=m.status, diff=m.diff, speaker=speaker, same_speaker=same,
                            reasons=m.reasons, speaker_check=check))
    return out


def corroborate(article: Article, statements: Sequence[Statement], docs: Sequence[CoverageDoc],
                lex: MatchLexicons, read: ReadStatements) -> tuple[Corroboration, ...]:
    """Each statement against every coverage document: its best evidence per document and
    a status. ``read`` extracts the attributions of a stretch of coverage text (for the
    speaker check, only around matched passages)."""
    docs = [d for d in docs if d.text != article.text and (not article.url or d.url != article.url)]
    if not docs:
        return tuple(Corroboration(st.id, Status.UNCHECKED, unchecked=Unchecked.NO_PAGES) for st in statements)
    words = Words(lex)
    quotes = article_quotes(article.text)
    queries = [query(article, st, words, quotes, lex.abbreviations) for st in statements]
    index = Index([d.text for d in docs], words, lex.abbreviations)
    found = candidates([q.stems if q is not None else () for q in queries], index)

    pages: dict[int, PageView] = {}
    matched: dict[int, list[tuple[int, Match]]] = {}  # document -> (statement, match)
    for cand in found:
        q = queries[cand.statement]
        assert q is not None
        quoted = any(mark in docs[cand.doc].text[cand.window.start:cand.window.end] for mark in _QUOTE_MARKS)
        if not _worth(q, index.stems_of(cand.window, cand.doc), index.vocab, words, quoted):
            continue
        page = pages.get(cand.doc)
        if page is None:
            page = pages[cand.doc] = PageView(docs[cand.doc], lex.abbreviations)
        window, split = cand.window, cand.split
        if q.long or len(q.content) > 0.8 * len(window):  # a statement that may run past the window
            window, split = index.around(window, cand.doc, len(q.content) // 2), None
        m = _match(q, page, window, split, words)
        if m is not None:
            matched.setdefault(cand.doc, []).append((cand.statement, m))
    _by_quotation(queries, docs, pages, matched, words, lex)

    ours_at = _Sentences(article.text, lex)
    evidence: dict[int, list[Evidence]] = {}
    for d, found_here in matched.items():
        for (n, _), e in zip(found_here, _speakers(statements, found_here, pages[d], ours_at, read, lex)):
            evidence.setdefault(n, []).append(e)

    out = []
    for i, st in enumerate(statements):
        q = queries[i]
        ev = sorted(evidence.get(i, ()), key=lambda e: (RANK[e.status], -e.score, e.outlet))
        # Too short to search by its words: a quotation not found word for word may be
        # anywhere in other words, so it is not "not found".
        if q is None or (not q.stems and not ev):
            out.append(Corroboration(st.id, Status.UNCHECKED, unchecked=Unchecked.TOO_SHORT))
            continue
        status = ev[0].status if ev else Status.NOT_FOUND
        out.append(Corroboration(st.id, status, tuple(ev)))
    return tuple(out)
