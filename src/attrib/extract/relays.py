"""Relays: the channel a statement came through ("told AFP", "in an interview with
Radio Tamsby", "seen by the Weld Herald") and the source it cites ("citing two captains")."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Relay, RelayRelation, Source, SourceType, Span, Statement
from .cues import CueHit
from .source_phrases import SourcePhrases
from .source_types import is_media
from .words import Word, span_of, strip_edges


class Relays(SourcePhrases):
    def _skip_object(self, ws: list[Word]) -> int:
        """Past the addressee of "told": up to "that", punctuation, or where a new clause
        starts ("told Reuters she had ...", "told reporters the plan ...")."""
        lex = self.e.lex
        for i, w in enumerate(ws[:9]):
            if w.lower == "that" or not w.text[0].isalnum():
                return i
            if i and (w.lower in lex.pronouns or w.lower in lex.determiners
                      or (not w.capitalized and ws[i - 1].capitalized and w.lower not in lex.media)):
                return i
        return 0

    def relayed(self, hit: CueHit) -> bool:
        """Does the cue end in a word whose object is the channel ("told", "interview with")?"""
        ws = hit.span.of(self.text).lower().split()
        forms = self.e.relay_forms
        return any(" ".join(ws[i:]) in forms for i in range(len(ws)))

    def relays(self, hit: CueHit, sent: Span) -> tuple[Relay, ...]:
        text, out = self.text, []
        if self.relayed(hit):
            ws = self.words(hit.span.end, sent.end)
            obj = span_of(ws[: self._skip_object(ws)])
            if obj is not None:
                phrase = obj.of(text)
                if phrase.lower() not in self.e.addressees and is_media(phrase, self.e.lex):
                    out.append(self.relay(obj, RelayRelation.VIA))
        tail = text[hit.span.end:sent.end].lower()
        for w in self.words(hit.span.end, sent.end) if any(c in tail for c in self.e.citing) else ():
            if w.lower in self.e.citing:
                end = self.phrase_end(w.end, sent.end)
                span = strip_edges(text, w.end, end)
                if span:
                    out.append(self.relay(span, RelayRelation.CITES))
                break
        return tuple(out)

    def relay(self, span: Span, relation: RelayRelation) -> Relay:
        phrase = span.of(self.text)
        rtype = self.e.classify(phrase).type
        if relation is RelayRelation.VIA and rtype not in (SourceType.NEWS_AGENCY, SourceType.GOVERNMENT):
            rtype = SourceType.ORGANIZATION  # a newspaper or broadcaster carrying the words
        return Relay(phrase, span, relation, rtype)

    def aside_relay(self, aside: str, lo: int, hi: int) -> tuple[Relay, ...]:
        """", seen by the Weld Herald," names the outlet that saw a document."""
        m = self.e.aside.match(aside)
        if not m or not aside:
            return ()
        at = self.text.find(aside, lo, hi)
        span = strip_edges(self.text, at + m.end(), at + len(aside))
        return (self.relay(span, RelayRelation.VIA),) if at >= 0 and span else ()

    def build(self, hit: CueHit, sent: Span, source: Source, content: Iterable[Span],
              extra: tuple[Relay, ...] = ()) -> Statement:
        content = tuple(c for c in content if c)
        kind = self.kind_of(content)
        lo = min([sent.start, *(c.start for c in content)])
        hi = max([sent.end, *(c.end for c in content)])
        return Statement("", kind, source, hit.span, hit.span.of(self.text), content,
                         Span(lo, hi), extra + self.relays(hit, sent), hit.group.cls)
