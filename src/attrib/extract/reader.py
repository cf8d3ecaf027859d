"""The Reader: the layouts news uses to attribute, tried in turn on every cue (see
extractor.py for the order)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import Kind, Source, SourceType, Span, Statement
from ..rulebook import CueGroup
from ..text.layout import CLOSERS
from .contents import Contents
from .cues import CueHit
from .words import Word, strip_edges

_DASH_ATTRIBUTION = re.compile(r"[ \t]*(?:—|–|--)[ \t]*([A-Z][^\n]{1,80})$", re.M)
_INVERTIBLE = frozenset({"speech", "writing"})
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Yy]our|[Mm]e|[Uu]s)\b")
# "a complaint by email that": a channel, not an agent
_CHANNELS = frozenset(["email", "e-mail", "phone", "telephone", "letter", "mail", "fax", "text", "post"])
_POSSESSIVES = frozenset(["his", "her", "their", "its"])
# where the writer's words resume after a noun's clause: ", saying it lacked proof"
_PARTICIPLE_AFTER = re.compile(r",\s+[a-z]+ing\b")
_OPENING = " \t\"“‘'([—–-*•"
# A short capitalised speaker and a colon, either opening a line (a headline or a
# transcript label) or right before a quotation; then what they said. Never crosses a
# line, so only lines with a colon are searched.
_COLON = re.compile(
    r"(?:(?P<line>^)[ \t]*|(?<=[.!?] ))(?P<who>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3}):"
    r"[ \t]+(?P<rest>[A-Z“\"‘'][^\n]{3,})", re.M)
_HEADLINE_GROUP = CueGroup("headline-colon", "speech", (":",))


class Reader(Contents):
    """An article with every layout: ``analyse`` turns one cue into a Statement or None.

    The ways of reading build on each other, each in its own module: ``Reading`` (the
    layout and constructors), ``SourcePhrases``, ``Relays``, ``Contents``, then this."""

    def analyse(self, hit: CueHit, found: list[Statement]) -> Statement | None:
        text, cue = self.text, hit.span
        inside = self.quote_at(cue.start)
        if inside is not None and inside.closed:
            return None  # a speaker's own words: theirs to attribute, not the reporter's
        sent = self.sentence_at(cue.start)
        if cue.end > sent.end:
            return None  # a cue cannot run over a sentence boundary
        if hit.group.layout == "source-after":
            return None if self.blocked_after(hit, sent) else self.according_to(hit, sent)
        if hit.group.layout == "nominal":
            return None if self.blocked_after(hit, sent) else self.nominal(hit, sent)
        if self.in_set_phrase(hit, sent):
            return None
        if self.is_noun(sent.start, cue.start) or self.blocked_after(hit, sent) or self.adjective_use(hit, sent):
            return None
        if hit.group.layout == "passive":
            return self.passive(hit, sent)
        titled = text[cue.start].isupper() and bool(text[sent.start:cue.start].strip(_OPENING))
        if titled and hit.form.split()[0].endswith("ed"):
            return None  # a title-case headline's participle is a passive: "Plus New Performers Announced"
        if titled and not self.title_case(sent):
            return None  # a capital inside running prose is a name's: "spokeswoman Hope Hicks", "Holiday Inn Express"
        if self.passive_use(hit, sent):
            # "were revealed last week", "was found hidden": an event, not an attribution;
            # with a "by" agent it reads as the passive layout ("was announced by the ministry")
            nxt = self.words(cue.end, min(sent.end, cue.end + 20))
            return self.passive(hit, sent) if nxt and nxt[0].lower == "by" else None
        lo = self.clause_start(self.after_previous_cue(sent, cue.start, found), cue.start)
        left = self.trim_source(lo, cue.start)
        if left is not None and left.of(text).split(None, 1)[0].lower() in self.e.phrase_prepositions:
            if left.of(text).startswith(("with ", "With ")) and hit.form.endswith("ing") and len(left) > 5:
                # "..., with Foreign Minister Ayman Safadi warning of ...": the subject of the participle
                left = strip_edges(text, left.start + 5, left.end)
            else:
                left = None  # "... because of agency policy said": no source opens with a preposition
        if left is None or self.is_clause(left) or self.restrictive(left):
            # "An official who spoke on condition of anonymity because he ... said"
            outer = self.trim_source(self.clause_start(sent.start, cue.start, self.e.outer_boundary), cue.start)
            if outer is not None and outer != left and outer.of(text)[:1].isupper() and not self.verb_before_relative(outer):
                left = outer
        role, aside = None, ""
        if left is None:
            left, role, aside = self.appositive(sent.start, cue.start)
        if left is None and text[sent.start:cue.start].rstrip().endswith(","):
            # '"...," Jim Chilton, a vice president at Boeing Defense, Space, and Security, said'
            named = self.name_before_role(sent.start, Span(cue.start, cue.start))
            if named is not None:
                left, role = named
        before = text[sent.start:cue.start].rstrip()
        if left is None and hit.group.cls in _INVERTIBLE and not self.relayed(hit) \
                and (before.endswith(",") or before[-1:] in CLOSERS):
            inverted = self.inverted(hit, sent)
            if inverted is not None:
                return inverted
        if left is None:
            shared = self.coordinated_subject(hit, sent, found) or self.participle_subject(hit, sent, found)
            if shared is not None:
                content = self.content_after(hit, sent, cue.end)
                return self.build(hit, sent, shared, content) if content else None
            relative = self.relative_pronoun(sent.start, cue.start)
            if relative is not None:
                left = relative
            elif before[-1:] in (",", "—", "–", "-", ")"):
                # "Roxana Leon, 63, an independent voter raised in Chile, said ..."
                subject = self.main_subject(sent)
                if subject is not None and subject.end < cue.start:
                    left = subject
        if left is None:
            if hit.group.needs == "subject" and not hit.form.startswith(("is ", "are ")):
                return None
            if hit.group.needs is None and hit.group.cls not in ("speech", "writing"):
                return None
            source = Source(None, "")
            content = self.content_before(sent, cue.start) or self.content_after(hit, sent, cue.end)
            return self.build(hit, sent, source, content) if content else None
        left = self.before_verb(left, hit)
        left = self.that_antecedent(self.coordinated(left, sent))
        if role is None and not self.is_name(left.of(text)):
            named = self.name_before_role(sent.start, left)
            if named is not None:
                left, role = named
        phrase = left.of(text)
        if not self.source_like(phrase, hit) or self.gives_a_name(hit, left, sent):
            return None
        subject = self.relative_subject(left)
        if subject != left and not self.source_like(subject.of(text), hit):
            return None  # "a woman you think might become": the reader, no source
        left = subject
        source = self.make_source(left, role, aside)
        inserted = self.inserted(sent, left.start, hit.span.end)
        if inserted:
            return self.build(hit, sent, source, inserted)
        phrase_start = left.start
        if role and text.rfind(role, sent.start, left.start) >= 0:
            phrase_start = text.rfind(role, sent.start, left.start)  # "..., the chairwoman, Edith Crane, said"
        content = self.quote_before(sent, phrase_start)
        if content and content[-1].end < sent.start and not self.ends_sentence(cue.end, sent):
            content = ()  # '..." She said residents ...': the quote before is the last sentence's
        if content and self.quote_at(content[0].start) is None and \
                text[content[0].start:content[-1].end].split(None, 1)[0].lower() in self.e.openers:
            after = self.quote_after(hit, sent)
            if after:  # 'After hitting "Takin' It," the singer told the audience, "Let's tour."'
                content = after
        if content and not self.relayed(hit):
            content = (*content, *self.tail_after(hit, sent))  # '"A," Cook said, most do B.'
        if not content and (self.ends_sentence(cue.end, sent) or self.subordinate_after(cue.end, sent)):
            content = self.content_before(sent, left.start)  # "..., Cook said while visiting ..."
        if not content and text[sent.start:left.start].strip(" \t\"“").lower() == "as":
            # "As Emily Feng reports for NPR, the first cases ...": the clause after the comma
            comma = text.find(",", cue.end, sent.end)
            between = self.words(cue.end, comma) if comma > 0 else []
            if comma > 0 and len(between) <= 6 and not self.any_verb(between):
                content = self.content_after(hit, sent, comma + 1)  # not "As officials said the fire was out,"
        if not content:
            content = self.content_after(hit, sent, cue.end)
        if not content:
            content = self.content_before(sent, left.start)
        if not content and text[sent.start:left.start].rstrip().endswith(", as"):
            # "Ferm denied it, as the union claimed": the union claimed what comes before
            comma = text.rfind(",", sent.start, left.start)
            content = (strip_edges(text, sent.start, comma),)
        if not content or (titled and all(c.start >= cue.end for c in content)
                           and len(self.words(content[0].start, content[-1].end)) < 3):
            return None  # a title-case line: "..., Study Finds", "Trump Says He Will Run", not "Harbour Notes & Queries"
        return self.build(hit, sent, source, content, self.aside_relay(aside, sent.start, cue.start))

    def title_case(self, sent: Span) -> bool:
        """Is the sentence a title-case line (a headline), with no lowercase word of four
        letters or more but one?"""
        lower = sum(1 for w in self.words(sent.start, sent.end) if len(w.text) > 3 and w.text.islower())
        return lower <= 1

    def according_to(self, hit: CueHit, sent: Span) -> Statement | None:
        text = self.text
        end = self.phrase_end(hit.span.end, sent.end)
        src = strip_edges(text, hit.span.end, end)
        if not src:
            return None
        content = []
        head = strip_edges(text, sent.start, hit.span.start, " \t\r\n,;:—–-")
        tail = strip_edges(text, end, sent.end)
        for part in (head, tail):
            if len(part) > 2:
                content.append(part)
        if not content:
            return None
        return self.build(hit, sent, self.make_source(src, None), tuple(content))

    def inverted(self, hit: CueHit, sent: Span) -> Statement | None:
        """``"...," said X, a spokesman for Y.`` and ``It will pass, says Smith.``"""
        text = self.text
        if hit.form.split()[0].endswith("ing"):
            return None  # "..., saying the hostages had suffered": a participle, never inverted
        ws = self.words(hit.span.end, sent.end)
        if not ws or not (ws[0].capitalized or ws[0].lower in self.e.lex.determiners
                          or any(w.capitalized for w in ws[1:4]) or self.group_noun_ends(ws)):
            return None
        end = self.phrase_end(hit.span.end, sent.end)
        src = strip_edges(text, hit.span.end, end)
        if not src or len(self.words(src.start, src.end)) > 8 \
                or any(w.lower in self.e.finite and w.text.islower() for w in self.words(src.start, src.end)):
            return None  # "said the pier would close": a clause, not a speaker after the cue
        role, role_end = None, end
        if text[end:end + 1] == ",":
            role_end = self.phrase_end(end + 1, sent.end)
            role_span = strip_edges(text, end + 1, role_end)
            if role_span and self.is_appositive(role_span.of(text)):
                role = role_span.of(text)
        after = role_end if role else end
        content = self.quote_before(sent, hit.span.start)
        if not content and (self.ends_sentence(after, sent) or self.text[end:end + 1] == ","):
            content = self.content_before(sent, hit.span.start)
        if not content:
            return None
        if len(content) == 1 and not self.any_verb(self.words(content[0].start, content[0].end)):
            content = (*content, *self.predicate_after(after, sent))
        return self.build(hit, sent, self.make_source(src, role), content)

    def predicate_after(self, pos: int, sent: Span) -> tuple[Span, ...]:
        """``This system, says Richard Locksley, an immunologist at the University of
        California, San Francisco, helps direct ...``: a subject with no verb before the
        inserted source, its predicate after the source's last comma (past the parts of a
        place)."""
        text = self.text
        for _ in range(3):
            if text[pos:pos + 1] != ",":
                return ()
            end = self.phrase_end(pos + 1, sent.end)
            ws = self.words(pos + 1, end)
            if not ws:
                return ()
            if ws[0].capitalized:
                pos = end  # ", San Francisco,": more of the role's place
                continue
            if ws[0].text.isalpha() and ws[0].lower not in self.e.lex.determiners \
                    and ws[0].lower not in self.e.prepositions and ws[0].lower not in self.e.openers:
                tail = strip_edges(text, ws[0].start, self.summary_start(ws[0].start, sent.end))
                return (tail,) if len(tail) > 3 else ()
            return ()
        return ()

    def group_noun_ends(self, ws: list[Word]) -> bool:
        """``..., say experts.``, ``..., say local officials.``: a bare group of people, up
        to three words, that ends the sentence."""
        words = [w for w in ws if w.text not in (".", "!", "?", "”", "\"", "’")]
        return 1 <= len(words) <= 3 and len(ws) - len(words) <= 2 and all(w.text.isalpha() for w in words) \
            and words[-1].lower in self.e.group_nouns

    def nominal(self, hit: CueHit, sent: Span) -> Statement | None:
        """``despite Mr. Trump's Oct. 11 announcement that ...``, ``after an earlier
        declaration by China's health chiefs that ...``: a noun of saying before "that",
        inside a phrase opened by a preposition; the source is the noun's possessor or its
        "by" agent. Nowhere else: as a verb's object ("rejected Ortiz's claim that ...,
        saying") the words belong to that verb's statement, as the subject ("The claim by
        police that ... was withdrawn") where its clause ends is unclear, and a noun no one
        is said to hold gives no statement."""
        text = self.text
        ws = self.words(hit.span.end, sent.end)
        that = next((k for k, w in enumerate(ws[:10]) if w.lower == "that"), None)
        if that is None or that + 2 >= len(ws) or not self.any_verb(ws[that + 1:that + 12]) \
                or self.any_verb(ws[that + 1:that + 2]):
            return None  # "testimony that concluded" (a relative), "his statement that summer"
        phrase = self.phrase_before_noun(hit, sent)
        if phrase is None:
            return None
        source: Span | None = None
        if ws[0].lower == "by":
            agent = [w for w in ws[1:that] if w.text[0].isalnum()]
            if agent and agent[-1].lower not in _CHANNELS:
                source = strip_edges(text, ws[1].start, ws[that - 1].end)
        else:
            owner = [w for w in phrase if w.text.endswith(("’s", "'s")) or w.lower in _POSSESSIVES]
            if owner:
                last = owner[-1]
                end = last.end - 2 if last.text.endswith(("’s", "'s")) else last.end
                source = self.trim_source(phrase[0].start, end)
        if source is None or not self.source_like(source.of(text), hit):
            return None
        content = self.content_after(hit, sent, ws[that].end)
        if not content:
            return None
        clause = strip_edges(text, content[0].start, content[-1].end)
        stop = clause.end
        participle = _PARTICIPLE_AFTER.search(text, clause.start, clause.end)  # ", saying it lacked proof"
        if participle is not None:
            stop = participle.start()
        if len(self.words(sent.start, phrase[0].start)) == 1:  # "Despite X's claim that A, B."
            comma = text.find(",", clause.start, stop)
            if comma > 0:
                stop = comma
        if stop < clause.end:
            content = (strip_edges(text, clause.start, stop),)
        return self.build(hit, sent, self.make_source(source, None), content)

    def phrase_before_noun(self, hit: CueHit, sent: Span) -> list[Word] | None:
        """The words of the noun's phrase before it ("an earlier", "Mr. Trump's Oct. 11"),
        when a preposition opens the phrase; else None."""
        before = self.words(max(sent.start, hit.span.start - 100), hit.span.start)
        k = len(before)
        while k > 0 and len(before) - k < 8:
            w = before[k - 1]
            if w.lower in self.e.noun_phrase_openers:
                return before[k:] or None
            if w.lower in self.e.openers or self.any_verb([w]) or (not w.text[0].isalnum() and w.text != "."):
                return None
            k -= 1
            if w.lower in self.e.lex.determiners and not w.text.endswith(("’s", "'s")):
                return before[k:] if k > 0 and before[k - 1].lower in self.e.noun_phrase_openers else None
        return None

    def passive(self, hit: CueHit, sent: Span) -> Statement | None:
        """``is seen by many as ...``, ``it is believed that ...``: the agent, if any,
        follows "by"; the content is what the passive says of its subject."""
        text = self.text
        ws = self.words(hit.span.end, sent.end)
        source = Source(None, "")
        start = hit.span.end
        if len(ws) > 1 and ws[0].lower == "by":
            end = self.phrase_end(ws[1].start, sent.end, stop=("as", "to", "that"))
            agent = strip_edges(text, ws[1].start, end)
            if agent:
                source = self.make_source(agent, None)
                start = end
        lo = self.clause_start(sent.start, hit.span.start)
        subject = strip_edges(text, lo, hit.span.start)
        rest = strip_edges(text, start, sent.end)
        content: tuple[Span, ...]
        if subject and subject.of(text).lower() not in ("it", "there"):
            content = (subject, rest) if rest else (subject,)
        else:
            content = (rest,) if rest else ()
        return self.build(hit, sent, source, content) if content else None

    def coordinated_subject(self, hit: CueHit, sent: Span, found: list[Statement]) -> Source | None:
        """``X said ... but added: "..."``: a second cue sharing the first one's subject."""
        before = self.text[sent.start:hit.span.start].rstrip().lower()
        if not before.endswith(("and", "but", "but also", "and also", "then", "before", "while")):
            return None
        return self.sentence_source(sent, found)

    def participle_subject(self, hit: CueHit, sent: Span, found: list[Statement]) -> Source | None:
        """``Clinton attacked Trump, saying ...``: the participle's subject is the clause's."""
        if not hit.form.split()[0].endswith("ing"):
            return None
        before = self.text[sent.start:hit.span.start].rstrip()
        if not before.endswith((",", ", not")):  # "..., not saying what the buyer paid"
            return None
        return self.sentence_source(sent, found)

    def sentence_source(self, sent: Span, found: list[Statement]) -> Source | None:
        """The source of an earlier cue in this sentence, else the sentence's subject."""
        for st in reversed(found):
            if st.sentence.start == sent.start and st.source.span is not None:
                return st.source
            if st.cue.start < sent.start:
                break
        subject = self.main_subject(sent)
        return self.make_source(subject, None) if subject is not None else None

    def colon_attributions(self, found: list[Statement]) -> list[Statement]:
        """A speaker and a colon with no verb of saying:

        * a headline, ``Sanders: Endorsements prove Clinton ...``;
        * a transcript label, ``FALLIN: Well, I think ...``;
        * a quote introduced by a name, ``... he tweeted. Donald Trump: "Appreciate ..."``.
        """
        taken = {st.cue.start for st in found} | {st.cue.end for st in found}
        out = []
        matches = [m for lo, hi in _lines_with(self.text, ":") for m in _COLON.finditer(self.text, lo, hi)]
        # a label that opens several lines, with no quotation after it and no "I", "we" or
        # "you" in any of them, heads a list of notes ("Lakers: Kuzma left the court ...",
        # "Lakers: Visit the Thunder on Friday."), where a transcript's speakers talk
        run_in = Counter(m.group("who") for m in matches
                         if m.group("line") is not None and m.group("rest")[:1] not in "\"“'")
        for m in matches:
            if _FIRST_PERSON.search(m.group("rest")):
                run_in[m.group("who")] = 0
        for m in matches:
            colon = m.end("who")
            if colon in taken or colon - 1 in taken:
                continue
            src = strip_edges(self.text, m.start("who"), colon)
            phrase = src.of(self.text)
            if phrase.lower() in self.e.labels:
                continue
            quoted = m.group("rest")[:1] in "\"“'"
            label = phrase.isupper()
            analysis = self.e.classify(phrase)
            if analysis.type in (SourceType.UNKNOWN, SourceType.DOCUMENT) and not analysis.name and not label:
                continue
            if run_in[m.group("who")] > 1 and not quoted and not label:
                continue
            if not (m.group("line") is not None or quoted or label):
                continue
            end = self.text.find("\n", colon)
            rest = strip_edges(self.text, m.start("rest"), end if end >= 0 else len(self.text))
            quote = self.quote_at(rest.start)
            content = quote.parts if quote is not None and quote.span.start == rest.start else (rest,)
            sent = Span(min(src.start, self.sentence_at(src.start).start), content[-1].end)
            hit = CueHit(Span(colon, colon + 1), ":", _HEADLINE_GROUP)
            out.append(self.build(hit, sent, self.make_source(src, None), content))
        return out

    def dash_attributions(self) -> list[Statement]:
        """``"We will rebuild." — Commissioner Ada Lowe``: a quote signed with a dash."""
        out = []
        for q in self.quotes:
            m = _DASH_ATTRIBUTION.match(self.text, q.span.end)
            if not m or not q.closed:
                continue
            dash = Span(m.start() + len(m.group()) - len(m.group().lstrip(" \t")), m.start(1))
            dash = strip_edges(self.text, dash.start, dash.end, " \t")
            src = strip_edges(self.text, m.start(1), m.end(1))
            sent = self.sentence_at(q.span.start)
            source = self.make_source(src, None)
            out.append(Statement("", Kind.DIRECT, source, dash, dash.of(self.text), q.parts,
                                 Span(min(sent.start, q.span.start), max(sent.end, src.end)), (), "speech"))
        return out


def _lines_with(text: str, mark: str) -> Iterator[tuple[int, int]]:
    """The lines holding ``mark``, as (start, end): a pattern that never crosses a line
    is searched only there."""
    pos = text.find(mark)
    while pos >= 0:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield text.rfind("\n", 0, pos) + 1, end
        pos = text.find(mark, end)
