"""Statements against coverage: the candidates from the batch index, each classified,
with the speaker check; one Corroboration per statement.

A statement with few content words ("in the email", "to keep trying") says too little to
be found on its own: it is looked for with the rest of its sentence (source and cue
left out), and counts only where that longer passage matches too; a sentence that is
short as well leaves it unchecked. Everything a match memoises (stems, long forms,
window words, the attributions around matched passages) lives in this call and goes
with it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import (
    Article,
    Corroboration,
    Evidence,
    Kind,
    Span,
    SpeakerVerdict,
    Statement,
    Status,
    Unchecked,
)
from ..text import find_quotes, split_sentences
from .classify import MIN_MATCHED, Match, Window, classify
from .classify import Statement as Side
from .documents import CoverageDoc, ReadStatements
from .index import Index, candidates
from .lexicons import MatchLexicons
from .speakers import compare, establish, speaker_of
from .tokens import Token, Words, ellipsis_after, tokenize

_NAME_WORD = r"[A-Z](?:\.|[\w’'-]*)"  # "Sanborn", or an initial: "J."
_NAME_RUN = re.compile(rf"(?:{_NAME_WORD} ){{1,3}}({_NAME_WORD})\b")  # "Jeff Sanborn", "Julie Ann Graham"
_POSSESSIVE = re.compile(r"['’]s$")
MIN_WORDS = 3  # shorter statements ("Yes.") are never checked
FLOOR = 5  # distinct content words a statement needs to be looked for on its own

# Best first: a statement any outlet reports word for word is corroborated; one whose
# only close matches change its meaning is altered or contradicted, which says more than
# a paraphrase.
RANK = {Status.VERBATIM: 0, Status.CLOSE: 1, Status.ALTERED: 2, Status.CONTRADICTED: 3,
        Status.PARAPHRASE: 4, Status.NOT_FOUND: 5, Status.UNCHECKED: 6}
_LOOSE = (Status.PARAPHRASE,)


@dataclass(frozen=True, slots=True)
class _Query:
    content: Side
    anchor: Side | None  # for a short content: it with the rest of its sentence
    stems: tuple[str, ...]  # what candidates are found by


def _side(tokens: list[Token], text: str, words: Words, direct: bool, wide: bool = False) -> Side:
    return Side(tuple(tokens), text, Counter(words.token_stems(tokens)), direct,
                frozenset(ellipsis_after(text, tokens)), frozenset(words.stem(t.norm) for t in tokens if t.name),
                wide)


def _enough(stems: Counter[str], words: Words, weight: float) -> bool:
    """Enough distinct content words, and enough of them uncommon, to be told apart."""
    return len(stems) >= FLOOR and sum(words.stem_weight(s) for s in stems) >= weight


def _query(article: Article, st: Statement, words: Words) -> _Query | None:
    text = article.text
    tokens = [t for span in st.content for t in tokenize(text, span.start, span.end)]
    if len(tokens) < MIN_WORDS:
        return None
    direct = st.kind is not Kind.INDIRECT
    # Only a statement quoted whole is bounded by the other outlet's quotation marks; a
    # mixed one ('he viewed the delay "as a U.S. policy problem"') is not.
    content = _side(tokens, text, words, direct, wide=st.kind is Kind.MIXED)
    if _enough(content.stems, words, MIN_MATCHED):
        return _Query(content, None, tuple(content.stems.elements()))
    # Too few content words: the rest of its sentence, without source and cue, must
    # match as well.
    skip = [s for s in (st.source.span, st.cue) if s is not None]

    def in_content(t: Token) -> bool:
        return any(c.start <= t.start < c.end for c in st.content)

    around = [t for t in tokenize(text, st.sentence.start, st.sentence.end)
              if not any(s.start <= t.start < s.end for s in skip)
              and (t.norm not in words.lex.cues or in_content(t))]
    inside = [k for k, t in enumerate(around) if in_content(t)]
    if not inside:
        return None
    lo, hi = inside[0], inside[-1] + 1

    def short() -> bool:
        return not _enough(Counter(words.token_stems(around[lo:hi])), words, 2 * MIN_MATCHED)

    while short() and (lo > 0 or hi < len(around)):
        if hi < len(around):
            hi += 1
        if lo > 0 and short():
            lo -= 1
    anchor = _side(around[lo:hi], text, words, direct, wide=True)
    if not _enough(anchor.stems, words, MIN_MATCHED):
        return None
    return _Query(content, anchor, tuple(anchor.stems.elements()))


@dataclass
class _Page:
    """A coverage document, read as far as the match needs: windows' words, quotations,
    and the attributions around matched passages, each computed once."""

    doc: CoverageDoc
    windows: dict[Span, list[Token]] = field(default_factory=dict)
    regions: dict[Span, tuple[Statement, ...]] = field(default_factory=dict)
    _quotes: list[Span] | None = None
    _sentences: _Sentences | None = None
    _names: dict[str, list[tuple[int, str]]] | None = None

    @property
    def quotes(self) -> list[Span]:
        if self._quotes is None:
            self._quotes = [q.inner for q in find_quotes(self.doc.text)]
        return self._quotes

    def window(self, span: Span, split: int | None) -> Window:
        tokens = self.windows.get(span)
        if tokens is None:
            tokens = self.windows[span] = tokenize(self.doc.text, span.start, span.end)
        return Window(tokens, self.doc.text, split, self.quotes)

    def region(self, passage: Span) -> Span:
        """The passage's paragraph and the one before it (where the speaker of a quotation
        that runs on is named)."""
        text = self.doc.text
        lo = text.rfind("\n", 0, passage.start) + 1
        k = lo - 1
        while k > 0 and text[k - 1] == "\n":
            k -= 1
        if k > 0:
            lo = text.rfind("\n", 0, k - 1) + 1
        hi = text.find("\n", passage.end)
        return Span(lo, len(text) if hi < 0 else hi)

    def sentences(self, lex: MatchLexicons) -> _Sentences:
        if self._sentences is None:
            self._sentences = _Sentences(self.doc.text, lex)
        return self._sentences

    def full_name(self, surname: str, before: int, stopwords: frozenset[str] = frozenset()) -> tuple[str, int] | None:
        """"Jeff Sanborn" for "Sanborn": the last run of capitalised words ending in the
        surname before ``before``, with where it stands."""
        if self._names is None:
            self._names = {}
            for m in _NAME_RUN.finditer(self.doc.text):
                name = _POSSESSIVE.sub("", m.group(0))  # "Michelle Hege’s response"
                self._names.setdefault(name.split()[-1].lower(), []).append((m.start(), name))
        runs = self._names.get(surname.lower(), [])
        k = bisect.bisect_left(runs, (before,)) - 1
        if k < 0:
            return None
        words = runs[k][1].split()
        while len(words) > 2 and words[0].lower() in stopwords:  # "But Jeff Sanborn"
            words.pop(0)
        return " ".join(words), runs[k][0]

    def attributions(self, region: Span, read: ReadStatements) -> tuple[Statement, ...]:
        found = self.regions.get(region)
        if found is None:
            found = self.regions[region] = read(region.of(self.doc.text))
        return found


class _Sentences:
    """Sentence lookup in a text, split on first use."""

    def __init__(self, text: str, lex: MatchLexicons) -> None:
        self.text, self.lex = text, lex
        self._spans: list[Span] | None = None

    def at(self, pos: int) -> str:
        if self._spans is None:
            self._spans = split_sentences(self.text, self.lex.abbreviations)
        k = bisect.bisect_right([s.start for s in self._spans], pos) - 1
        return " ".join(self._spans[k].of(self.text).split()) if k >= 0 else ""


def _match(q: _Query, page: _Page, window: Span, split: int | None, words: Words) -> Match | None:
    win = page.window(window, split)
    if q.anchor is None:
        return classify(q.content, win, words)
    wide = classify(q.anchor, win, words)
    if wide is None or not wide.renders:
        return None
    # Inside a passage the whole sentence confirms, the statement's own few words decide.
    narrow = classify(q.content, Window(wide.tokens, page.doc.text, None, page.quotes), words, min_matched=0)
    return None if narrow is None or narrow.status in _LOOSE else narrow


def _evidence(st: Statement, article: Article, ours_at: _Sentences, m: Match, page: _Page,
              read: ReadStatements, lex: MatchLexicons) -> Evidence:
    region = page.region(m.passage)
    local = page.attributions(region, read)
    shifted = Span(m.passage.start - region.start, m.passage.end - region.start)
    other = speaker_of(local, shifted)
    page_at = page.sentences(lex)

    def full_name(surname: str, at: int) -> tuple[str, int] | None:
        found = page.full_name(surname, region.start + at, lex.stopwords)
        return None if found is None else (found[0], found[1] - region.start)

    ours = establish(st, ours_at.at, lex, article=True)
    theirs = establish(other, lambda at: page_at.at(region.start + at), lex, article=False, full_name=full_name)
    check = compare(ours, theirs)
    same = {SpeakerVerdict.SAME: True, SpeakerVerdict.DIFFERENT: False}.get(check.verdict)
    speaker = other.source.name if other is not None and other.source.span is not None else None
    return Evidence(outlet=page.doc.outlet, url=page.doc.url, passage=m.passage.of(page.doc.text), score=m.score,
                    status=m.status, diff=m.diff, speaker=speaker, same_speaker=same, reasons=m.reasons,
                    speaker_check=check)


def corroborate(article: Article, statements: Sequence[Statement], docs: Sequence[CoverageDoc],
                lex: MatchLexicons, read: ReadStatements) -> tuple[Corroboration, ...]:
    """Each statement against every coverage document: its best evidence per document and
    a status. ``read`` extracts the attributions of a stretch of coverage text (for the
    speaker check, only around matched passages)."""
    docs = [d for d in docs if d.text != article.text and (not article.url or d.url != article.url)]
    if not docs:
        return tuple(Corroboration(st.id, Status.UNCHECKED, unchecked=Unchecked.NO_PAGES) for st in statements)
    words = Words(lex)
    queries = [_query(article, st, words) for st in statements]
    index = Index([d.text for d in docs], words, lex.abbreviations)
    found = candidates([q.stems if q is not None else () for q in queries], index)

    pages: dict[int, _Page] = {}
    ours_at = _Sentences(article.text, lex)
    evidence: dict[int, list[Evidence]] = {}
    for cand in found:
        q = queries[cand.statement]
        assert q is not None
        page = pages.get(cand.doc)
        if page is None:
            page = pages[cand.doc] = _Page(docs[cand.doc])
        window, split = cand.window, cand.split
        length = q.content.tokens[-1].end - q.content.tokens[0].start
        if length > 0.5 * len(window):  # a statement near the window's length: read on
            window, split = index.around(window, cand.doc, length // 2), None
        m = _match(q, page, window, split, words)
        if m is None:
            continue
        evidence.setdefault(cand.statement, []).append(
            _evidence(statements[cand.statement], article, ours_at, m, page, read, lex))

    out = []
    for i, st in enumerate(statements):
        if queries[i] is None:
            out.append(Corroboration(st.id, Status.UNCHECKED, unchecked=Unchecked.TOO_SHORT))
            continue
        ev = sorted(evidence.get(i, ()), key=lambda e: (RANK[e.status], -e.score, e.outlet))
        status = ev[0].status if ev else Status.NOT_FOUND
        out.append(Corroboration(st.id, status, tuple(ev)))
    return tuple(out)
