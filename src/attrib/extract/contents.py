"""Finding the content: a quotation before the source, the clause after the cue, an
insertion inside the content, and where a writer's own words begin again."""

from __future__ import annotations

import re

from ..model import Span
from .cues import CueHit
from .relays import Relays
from .words import Word, strip_edges

_DASH = re.compile(r"[ \t](?:-|–|—|--)[ \t]")
_SUBORDINATE = frozenset(["while", "when", "whilst", "during", "after", "before", "as", "at", "in", "on",
                          "upon", "outside", "inside", "from", "alongside", "amid", "following"])
# how and when, between a cue and a phrase that is no content ("testified side-by-side
# before the committee"); time words that are no adverb stay
_MANNER = frozenset(["side-by-side", "together", "jointly", "alone", "live", "again", "anew", "briefly", "first"])
_NOT_TIME = frozenset(["the", "this", "time"])
_RELATIVE = frozenset(["who", "whom", "which", "whose"])
# "with" and a subject and a participle: a clause of its own after the content
_WITH_PARTICIPLE = re.compile(r",\s+with\s+(?:[\w’'.-]+\s+){1,6}?(?P<ing>[a-z]+ing)\b")
# a second verb or clause joined on: "Ford wrote, and wrote" (lowercase: not a quotation's "And")
_COORDINATORS = frozenset(["and", "or", "nor"])
# One item of a bullet list: a line opening with a bullet mark.
_BULLET = re.compile(r"[ \t]*[•·▪●◦*–—-][ \t]+(?P<item>[^\n]+)\n?")

# Between a cue and a quotation of the same speaker: nothing or a mark ('"A," she said,
# "B."'), only a comma or colon ('the singer said: "..."'), or up to three words and a
# mark ('she told reporters, "..."', 'said on Tuesday, "..."', 'told the U.N., "..."').
_GAP = re.compile(r"[ \t]*[,;:—–-]?[ \t]*")
_MARK_GAP = re.compile(r"[ \t]*[,:][ \t]*")
_SHORT_GAP = re.compile(r"[ \t]+((?:[\w’'.-]+[ \t]+){0,2}[\w’'.-]+)[ \t]*[,;:—–][ \t]*")


class Contents(Relays):
    def inserted(self, sent: Span, src_start: int, cue_end: int) -> tuple[Span, ...]:
        """``So it makes sense, strategists said, for Democrats to ...``: a source and cue
        set between commas inside the content, which runs on both sides."""
        text = self.text
        j = src_start
        while j > sent.start and text[j - 1] in " \t":
            j -= 1
        if j <= sent.start or text[j - 1] != ",":
            return ()
        k = cue_end
        rest = self.words(cue_end, sent.end)
        n = 0
        while n < len(rest) and rest[n].lower in self.e.time and rest[n].text != ",":
            n += 1
        if n >= len(rest) or rest[n].text != ",":
            return ()
        k = rest[n].end
        head = strip_edges(text, sent.start, j - 1)
        tail = strip_edges(text, k, sent.end)
        if len(head) < 4 or len(tail) < 4 or self.quote_ending_at(j - 1) is not None:
            return ()
        if len(rest) > n + 2 and rest[n + 1].text in _COORDINATORS and self.e.matcher.is_form(rest[n + 2].lower):
            return ()  # "After that, Ford wrote, and wrote": the source's second cue, no content around it
        if tail.of(text).split(None, 1)[0].lower() in self.e.citing:
            return (head,)  # "..., the Echo said, citing two players": a relay, not content
        return (head, tail)

    def tail_after(self, hit: CueHit, sent: Span) -> tuple[Span, ...]:
        """``While some carry two phones, and "we love you for that," Cook said, most do
        it all on one``: after a comma, the content goes on past the cue to the sentence
        end (not a relay, a citing, a subordinate clause or a quotation of its own)."""
        text = self.text
        rest = self.words(hit.span.end, min(sent.end, hit.span.end + 120))
        n = 0
        while n < len(rest) and rest[n].lower in self.e.time and rest[n].text != ",":
            n += 1
        if n >= len(rest) - 2 or rest[n].text != ",":
            return ()
        nxt = rest[n + 1]
        if nxt.lower in self.e.citing or nxt.lower in _SUBORDINATE or nxt.lower in ("a", "an", "the") \
                or not nxt.text[0].isalnum() \
                or nxt.lower in ("who", "which", "according", "not") or nxt.text in _COORDINATORS \
                or nxt.lower.endswith("ing") \
                or not self._finite(rest[n + 2:n + 9]):
            return ()  # "..., standing outside the gate": a phrase of circumstance, not more content
        tail = strip_edges(text, nxt.start, self.summary_start(nxt.start, sent.end))
        return (tail,) if len(tail) > 3 else ()

    def quote_before(self, sent: Span, pos: int) -> tuple[Span, ...]:
        """A quotation ending just before ``pos`` (the source or the cue): ``"...," X said``.
        Words of the same sentence before the quotation belong to the content too
        (``Apple was "pulled into the enterprise," Cook said``; ``Her film "Parasite"
        won, she said`` is not just "Parasite")."""
        j = pos
        while j > 0 and self.text[j - 1] in " \t,":
            j -= 1
        quote = self.quote_ending_at(j)
        if quote is None or quote.span.end <= sent.start - 2 or not quote.parts:
            return ()
        if quote.span.start > sent.start:
            lead = strip_edges(self.text, sent.start, quote.span.start, " \t\r\n,;—–-")
            lead_text = lead.of(self.text)
            if lead and not lead_text.endswith(":") and len(lead_text.split()) <= 25 \
                    and self.quote_ending_at(lead.end) is None:
                return (Span(lead.start, quote.span.end),) if len(quote.parts) == 1 else \
                    (Span(lead.start, quote.parts[0].end), *quote.parts[1:])
        return quote.parts

    def subordinate_after(self, pos: int, sent: Span) -> bool:
        """Does a subordinate clause or a phrase of circumstance follow the cue ("said
        while visiting ...", "said during a visit to ...")? Then the content is before."""
        ws = self.words(pos, min(sent.end, pos + 80))
        i = 0
        while i < len(ws) and (ws[i].lower in self.e.time or ws[i].text == ","):
            i += 1
        return i < len(ws) and ws[i].lower in _SUBORDINATE

    def following_block(self, pos: int) -> tuple[Span, ...]:
        """``... also said:`` at a paragraph's end: the quotation or the bullet list that
        makes the next paragraphs."""
        text = self.text
        nl = text.find("\n", pos)
        if nl < 0 or text[pos:nl].strip() or not text[:pos].rstrip().endswith(":"):
            return ()
        start = nl
        while start < len(text) and text[start].isspace():
            start += 1
        quote = self.quote_at(start)
        if quote is not None and quote.span.start == start:
            return quote.parts
        items: list[Span] = []
        for m in _BULLET.finditer(text, start):
            if items and m.start() > items[-1].end + 3 and text[items[-1].end:m.start()].strip():
                break
            if m.start() != start and not items:
                break
            items.append(strip_edges(text, m.start("item"), m.end("item")))
            start = m.end()
        return tuple(i for i in items if i)

    def content_before(self, sent: Span, pos: int) -> tuple[Span, ...]:
        """Content that precedes its source: a quote ending just before, or a clause."""
        quoted = self.quote_before(sent, pos)
        if quoted:
            return quoted
        text = self.text
        j = pos
        while j > sent.start and text[j - 1] in " \t,":
            j -= 1
        if text[j:pos].strip() == ",":
            clause = strip_edges(text, sent.start, j)
            ws = self.words(clause.start, clause.end)
            if len(clause) <= 3 or (ws[0].lower in self.e.prepositions and not self.any_verb(ws)):
                return ()  # "After that, Ford wrote", "In an interview, Webb confessed": no content
            return (clause,)  # "At least 12 people were killed, police said" is
        return ()

    def content_after(self, hit: CueHit, sent: Span, pos: int) -> tuple[Span, ...]:
        text, end = self.text, sent.end
        ws = self.words(pos, end)
        i = self._skip_object(ws) if self.relayed(hit) else 0
        i = self._skip_opening(ws, i)
        if i >= len(ws):
            return self.following_block(end)  # "Obama also said:" and a quote or a list below
        j = self._past_adverbs(ws, i)
        if j < len(ws) and j > i and ws[j].lower in _RELATIVE:
            return ()  # "the third witness testifying Tuesday who listened": the relative is the noun's
        j = i
        while j < len(ws) and ws[j].lower in _MANNER:
            j += 1  # "testified side-by-side before the committee" ("called Friday for" is a cue)
        opened = i > 0 and ws[i - 1].lower == "that"  # "found that in 2015, ...": a clause follows
        amount = j + 1 < len(ws) and ws[j].lower == "at" and ws[j + 1].lower in ("least", "most")
        if not opened and not amount and j < len(ws) and ws[j].lower in self.e.prepositions and not self._finite(ws[j + 1:]) and not (
                ws[j].lower == "to" and j + 1 < len(ws) and ws[j + 1].text.islower()
                and ws[j + 1].lower not in self.e.lex.determiners and ws[j + 1].lower not in self.e.lex.pronouns):
            return ()  # "testified before the committee", "reported to him": no content ("plans to go" has)
        if ws[i].text in _COORDINATORS:
            # "said, and the army confirmed, that ...", "said, or at least hinted, that ...":
            # the content is the clause after the aside; else "Ford wrote, and wrote" has none
            aside_end = text.find(",", ws[i].end, end)
            after = self.words(aside_end + 1, end) if aside_end >= 0 else []
            if after and after[0].lower == "that" and len(after) > 2:
                return (strip_edges(text, after[1].start, self.summary_start(after[1].start, end)),)
            return ()
        start = ws[i].start
        quote = self.quote_at(start)
        if quote is not None and quote.span.start == start:
            if quote.span.end >= strip_edges(text, start, end).end - 1 or quote.span.end > end:
                return quote.parts  # the whole content is one quotation
        stop = self.summary_start(start, end)
        if quote is None and "," not in text[sent.start:pos]:
            opener = self.words(sent.start, min(sent.end, sent.start + 20))
            if opener and opener[0].lower in self.e.lex.subordinators:
                stop = self.clause_close(start, stop)  # "Although the mayor said A, B": B is the writer's
        absolute = _WITH_PARTICIPLE.search(text, start, stop)
        if absolute and self.e.matcher.is_form(absolute.group("ing")):
            stop = absolute.start()  # "..., with the minister warning of ...": a statement of its own
        if len(_DASH.findall(text, sent.start, pos)) % 2:
            closing = _DASH.search(text, start, stop)
            if closing:  # "The Authority - which considers the US biased - called for ...": inside dashes
                stop = closing.start()
        span = strip_edges(text, start, stop)
        if len(span) <= 1:
            return ()
        last = self.quote_at(max(span.end - 1, span.start))
        if last is not None and last.span.end > end + 1:
            # a quotation opened in this sentence runs on over the next paragraphs
            later = tuple(p for p in last.parts if p.start >= end)
            return (Span(span.start, max(span.end, min(end, last.span.end))), *later)
        return (span,)

    def quote_after(self, hit: CueHit, sent: Span) -> tuple[Span, ...]:
        """A quotation that opens after the cue and a short addressee ("told the
        audience, "...""), in the same sentence."""
        quote = self.layout.next_quote(hit.span.end)
        if quote is None or quote.span.start >= sent.end:
            return ()
        start, end = hit.span.end, quote.span.start
        return quote.parts if _MARK_GAP.fullmatch(self.text, start, end) or self.short_gap(start, end) else ()

    def interrupts(self, start: int, end: int) -> bool:
        """Is ``text[start:end]`` what stands between a cue and the second half of its
        quote: nothing, a mark, or a short phrase and a comma?"""
        return _GAP.fullmatch(self.text, start, end) is not None or self.short_gap(start, end)

    def short_gap(self, start: int, end: int) -> bool:
        """Is ``text[start:end]`` a short phrase and a comma between a cue and a quotation:
        an addressee, a time, a channel ("told reporters, ", "said on Tuesday, ", "said in
        a statement, ")? Up to three words, none a clause word, inside one sentence."""
        m = _SHORT_GAP.fullmatch(self.text, start, end)
        return m is not None and self.sentence_at(start) == self.sentence_at(end) \
            and not any(w.lower() in self.e.openers for w in m.group(1).split())

    def _past_adverbs(self, ws: list[Word], i: int) -> int:
        """Past adverbs and time words right after a cue ("publicly", "side-by-side",
        "Tuesday"), which say how or when, not what."""
        while i < len(ws) and (ws[i].lower in _MANNER or (ws[i].text.islower() and ws[i].lower.endswith("ly"))
                               or (ws[i].lower in self.e.time and ws[i].lower not in self.e.prepositions
                                   and ws[i].lower not in _NOT_TIME)):
            i += 1
        return i

    def clause_close(self, start: int, stop: int) -> int:
        """The first comma after ``start`` that a main clause follows, a subject and a verb
        ("the pier, which is old, would close, it stayed open" closes at the third; "prices,
        wages and rents would rise" at none), or ``stop``."""
        comma = self.text.find(",", start, stop)
        while comma >= 0:
            nxt = self.words(comma + 1, min(stop, comma + 60))
            if nxt and nxt[0].lower in _RELATIVE:
                closing = self.text.find(",", comma + 1, stop)  # the relative clause's own end
                comma = self.text.find(",", closing + 1, stop) if closing >= 0 else -1
                continue
            if nxt and (nxt[0].lower in self.e.clause_subjects or nxt[0].lower in ("it", "there")
                        or nxt[0].lower in self.e.lex.determiners or nxt[0].capitalized) \
                    and self.any_verb(nxt[1:5]):
                return comma
            comma = self.text.find(",", comma + 1, stop)
        return stop

    def _finite(self, ws: list[Word]) -> bool:
        """Does a clause follow (before the next comma): an auxiliary, a past form or a
        negation ("on Tuesday the plan would be delayed")?"""
        for w in ws:
            if w.text in (",", ";", ":"):
                return False
            low = w.lower
            if low in self.e.finite or (low.endswith("ed") and len(low) > 4) or low.endswith("n't"):
                return True
        return False

    def summary_start(self, start: int, end: int) -> int:
        """Where the writer's own words begin again: a summing-up ("..., a claim the
        ministry did not address") or a rebuttal ("..., though there is no indication
        she has shown any partisanship"; rules/lexicons/rebuttals.yaml)."""
        m = self.e.rebuttal.search(self.text, start, end)
        if m is not None:
            end = m.start()
        comma = self.text.rfind(",", start, end)
        if comma > start:
            tail = self.text[comma + 1:end].split()
            if len(tail) > 1 and tail[0].lower() in ("a", "an", "the") and tail[1].lower() in self.e.summary_nouns:
                return comma
        return end

    def _skip_opening(self, ws: list[Word], i: int) -> int:
        """Past what stands between a cue and its content: punctuation, "that", a
        relay ("citing two captains,") and a short phrase ending in "that" ("said in
        several reports recently that ...")."""
        while i < len(ws) and (ws[i].text in (",", ":", "-", "—") or ws[i].lower == "that"):
            i += 1
        if i < len(ws) and ws[i].lower in self.e.citing:
            comma = next((j for j in range(i, min(i + 10, len(ws))) if ws[j].text == ","), None)
            if comma is not None:
                return self._skip_opening(ws, comma + 1)
        if i < len(ws) and (ws[i].lower in self.e.time or ws[i].lower in self.e.prepositions):
            clause_stops = ws[i].lower not in self.e.prepositions  # "said at a meeting held on ... that"
            for j in range(i + 1, min(i + 9, len(ws))):
                if ws[j].text in (",", ";", "\"", "“", ":") or (clause_stops and ws[j].lower in self.e.finite):
                    break  # "said the decision would not change the reality that ...": a clause
                if ws[j].lower == "that":
                    return j + 1
        return i
