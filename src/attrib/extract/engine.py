"""The attribution engine: cues found by the lexicon, then source and content by layout.

For every cue the engine reads the sentence around it and tries the layouts news uses,
in this order:

* ``according to X, ...``: the source follows the cue, the content is the rest;
* inverted, ``"...," said X`` or ``..., said X, a spokesman``: the source follows;
* source first, ``X said (that) ...``, ``X, a spokesman, said ...``;
* content first, ``"...," X said`` or ``The plan failed, X said.``;
* no source at all (``is expected to``), where the cue group allows it.

Everything is linear scans over one sentence with precompiled patterns, so the engine
runs at hundreds of thousands of words per second.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from ..model import Article, Kind, Relay, Source, SourceType, Span, Statement
from ..rulebook import CueGroup, Rulebook, load_rulebook
from ..text import Quote, find_quotes, split_sentences
from .coref import Mention, resolve
from .cues import CueHit, CueMatcher
from .sources import SourceLexicons, classify, is_media
from .words import Word, span_of, strip_edges, words

_CLOSERS = "\"”'"
_DASH_ATTRIBUTION = re.compile(r"[ \t]*(?:—|–|--)[ \t]*([A-Z][^\n]{1,80})$", re.M)
_INVERTIBLE = frozenset({"speech", "writing"})
_QUANTIFIERS = frozenset({"some", "many", "several", "most", "two", "three", "numerous", "multiple", "few"})
_PREPOSITIONS = frozenset({"in", "on", "at", "during", "after", "before", "to", "from", "with", "for", "via", "through"})
# A short capitalised speaker, a colon and a capitalised claim on one line of its own.
_HEADLINE = re.compile(r"^[ \t]*([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3}):[ \t]+([A-Z“\"‘'][^\n]{8,200})$", re.M)
# "ORLANDO, Fla. (Reuters) - " opening a story
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:[A-Z][a-z]{1,4}\.\s*)?(?:\([^)]{1,30}\))?\s*[-–—]+\s+")
# ", seen by the Weld Herald," and the like: an aside that names the channel.
_ASIDE = re.compile(r"(?:seen|obtained|reviewed|shared|quoted|reported|published) by ", re.I)
_AGE = re.compile(r",\s*\d{1,3}\s*$")
_HEADLINE_GROUP = CueGroup("headline-colon", "speech", (":",))


class Engine:
    """Everything compiled from a Rulebook once, reused for every article."""

    def __init__(self, rules: Rulebook):
        lx = rules.lexicon
        self.rules = rules
        self.matcher = CueMatcher(rules.cues)
        self.lex = SourceLexicons.from_rulebook(rules)
        openers = "|".join(sorted(map(re.escape, lx("clause-openers")), key=len, reverse=True))
        self.boundary = re.compile(rf"[,;:()\[\]—–\"“”]|\s-\s|(?<![\w-])(?:{openers})(?![\w-])", re.I)
        self.cue_blockers = lx("cue-blockers")
        self.summary_nouns = lx("summary-nouns")
        self.verb_markers = lx("verb-markers")
        plain = "|".join(sorted(map(re.escape, lx("clause-openers") - lx("relative-openers")),
                                key=len, reverse=True))
        self.outer_boundary = re.compile(rf"[,;:()\[\]—–\"“”]|\s-\s|(?<![\w-])(?:{plain})(?![\w-])", re.I)
        self.aux = lx("aux-adverbs")
        self.time = lx("time-words")
        self.relay_forms = lx("relay-verbs")
        self.citing = lx("citing")
        self.addressees = lx("addressees")
        self.abbreviations = lx("abbreviations")
        self.openers_adverbial = lx("sentence-adverbials")


@lru_cache(maxsize=8)
def engine_for(rules: Rulebook) -> Engine:
    return Engine(rules)


def extract(article: Article, rules: Rulebook | None = None) -> tuple[Statement, ...]:
    """Every attributed statement in the article, in text order."""
    engine = engine_for(rules or load_rulebook())
    doc = _Doc(article.text, engine)
    found: list[Statement] = []
    for hit in engine.matcher.find(article.text):
        st = doc.analyse(hit, found)
        if st is not None:
            found.append(st)
    found.extend(doc.dash_attributions())
    found.extend(doc.headline_colon())
    found.sort(key=lambda s: (s.cue.start, s.cue.end))
    found = _continue_quotes(doc, found)
    found = _tidy_nested(doc, found)
    found = resolve(found, doc.mentions(found), engine.lex, article.text)
    return tuple(replace(s, id=f"s{n}") for n, s in enumerate(found, 1))


class _Doc:
    """One article's text with its sentences and quotes, and the layouts tried on a cue."""

    def __init__(self, text: str, engine: Engine):
        self.text = text
        self.e = engine
        self.sentences = split_sentences(text, engine.abbreviations)
        self.starts = [s.start for s in self.sentences]
        self.quotes = find_quotes(text)
        self.quote_starts = [q.span.start for q in self.quotes]

    # -- lookups ---------------------------------------------------------------------

    def sentence_at(self, pos: int) -> Span:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.sentences[max(i, 0)]

    def quote_at(self, pos: int) -> Quote | None:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.quotes[i].span.start <= pos < self.quotes[i].span.end:
            return self.quotes[i]
        return None

    def quote_ending_at(self, pos: int) -> Quote | None:
        """The quote whose closing mark is the last non-space character before ``pos``."""
        j = pos
        while j > 0 and self.text[j - 1] in " \t":
            j -= 1
        if j and self.text[j - 1] in _CLOSERS:
            return self.quote_at(j - 1)
        return None

    # -- the layouts -----------------------------------------------------------------

    def analyse(self, hit: CueHit, found: list[Statement]) -> Statement | None:
        text, cue = self.text, hit.span
        inside = self.quote_at(cue.start)
        if inside is not None and inside.closed:
            return None  # a speaker's own words: theirs to attribute, not the reporter's
        sent = self.sentence_at(cue.start)
        if hit.form == "according to":
            return self.according_to(hit, sent)
        if self.is_noun(sent.start, cue.start) or self.blocked_after(hit, sent):
            return None
        if hit.group.layout == "passive":
            return self.passive(hit, sent)
        lo = self.clause_start(self.after_previous_cue(sent, cue.start, found), cue.start)
        left = self.trim_source(lo, cue.start)
        if left is None or self.is_clause(left) or self.restrictive(left):
            # "An official who spoke on condition of anonymity because he ... said"
            outer = self.trim_source(self.clause_start(sent.start, cue.start, self.e.outer_boundary), cue.start)
            if outer is not None and outer != left and outer.of(text)[:1].isupper():
                left = outer
        role, aside = None, ""
        if left is None:
            left, role, aside = self.appositive(sent.start, cue.start)
        before = text[sent.start:cue.start].rstrip()
        if left is None and hit.group.cls in _INVERTIBLE and not self.relayed(hit) \
                and (before.endswith(",") or before[-1:] in _CLOSERS):
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
        phrase = left.of(text)
        if not self.source_like(phrase, hit):
            return None
        source = self.make_source(left, role, aside)
        inserted = self.inserted(sent, left.start, hit.span.end)
        if inserted:
            return self.build(hit, sent, source, inserted)
        phrase_start = left.start
        if role and text.rfind(role, sent.start, left.start) >= 0:
            phrase_start = text.rfind(role, sent.start, left.start)  # "..., the chairwoman, Edith Crane, said"
        content = self.quote_before(sent, phrase_start)
        if not content and self.ends_sentence(cue.end, sent):
            content = self.content_before(sent, left.start)
        if not content:
            content = self.content_after(hit, sent, cue.end)
        if not content:
            content = self.content_before(sent, left.start)
        if not content:
            return None
        return self.build(hit, sent, source, content, self.aside_relay(aside, sent.start, cue.start))

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
        ws = words(text, hit.span.end, sent.end)
        if not ws or not (ws[0].capitalized or ws[0].lower in self.e.lex.determiners
                          or any(w.capitalized for w in ws[1:4])):
            return None
        end = self.phrase_end(hit.span.end, sent.end)
        src = strip_edges(text, hit.span.end, end)
        if not src or len(words(text, src.start, src.end)) > 8:
            return None
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
        return self.build(hit, sent, self.make_source(src, role), content)

    def appositive(self, lo: int, cue_start: int) -> tuple[Span | None, str | None, str]:
        """A source set off by commas before its cue. Returns (name, role, aside):

        ``Omar Alloush, a senior official of the Council, told`` (role after the name),
        ``The town's deputy mayor, Lars Quist, said`` (role before it),
        ``Khizr Khan, 66, said`` (an age), ``Critics of the plan, including ..., say``,
        ``A letter to staff, seen by the Weld Herald, says`` (an aside naming a relay),
        ``A spokesman, who asked not to be named, said`` (a relative clause)."""
        text = self.text
        seg = text[lo:cue_start].rstrip()
        if not seg.endswith(","):
            return None, None, ""
        body = seg[:-1]
        role, aside = None, ""
        head, _, last = body.rpartition(",")
        last = last.strip()
        if head and (_ASIDE.match(last) or last.lower().startswith(("who ", "which "))):
            aside, body = last, head
            head, _, last = body.rpartition(",")
            last = last.strip()
        if head and self.is_appositive(last):
            role, body = last, head
        elif head and self.is_name(last) and self.is_appositive(head.strip().rpartition(",")[2].strip()):
            # "The town's deputy mayor, Lars Quist, said": the role comes first.
            name_start = lo + len(head) + 1
            name = strip_edges(text, name_start, lo + len(body))
            role_text = head.strip().rpartition(",")[2].strip(" \t\n\"“”'")
            return name, role_text, aside
        age = _AGE.search(body)
        if age:
            body = body[: age.start()]
        elif role is None and not aside:
            return None, None, ""
        name_end = lo + len(body)
        name = self.trim_source(self.clause_start(lo, name_end), name_end)
        if name is None or not name.of(text)[:1].isupper():
            return None, None, ""
        return name, role, aside

    def aside_relay(self, aside: str, lo: int, hi: int) -> tuple[Relay, ...]:
        """", seen by the Weld Herald," names the outlet that saw a document."""
        m = _ASIDE.match(aside)
        if not m or not aside:
            return ()
        at = self.text.find(aside, lo, hi)
        span = strip_edges(self.text, at + m.end(), at + len(aside))
        return (self.relay(span, "via"),) if at >= 0 and span else ()

    def is_name(self, phrase: str) -> bool:
        ws = phrase.split()
        return 1 <= len(ws) <= 4 and all(w[:1].isupper() for w in ws)

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
        if not before.endswith(","):
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

    def main_subject(self, sent: Span) -> Span | None:
        """The noun phrase opening a sentence: capitalised words, a determiner and up to
        two words after it ("The spokesman", "Several Democrats", "Clinton")."""
        text, lex = self.text, self.e.lex
        start = sent.start
        dateline = _DATELINE.match(text, start, sent.end)
        if dateline:
            start = dateline.end()
        ws = words(text, start, min(sent.end, start + 300))
        while ws and not ws[0].text[0].isalnum():
            ws = ws[1:]
        first_comma = next((i for i, w in enumerate(ws[:9]) if w.text in (",", "–", "—")), None)
        if first_comma is not None and ws and ws[0].lower in self.e.openers_adverbial:
            ws = ws[first_comma + 1:]
        taken: list[Word] = []
        loose = 0
        for n, w in enumerate(ws):
            if taken and (w.lower in lex.roles or "-" in w.text) and not w.text[:1].isupper() \
                    and any(x.text[:1].isupper() for x in ws[n + 1:n + 3]) \
                    and not any(x.text in (",", ".") for x in ws[n + 1:n + 2]):
                taken.append(w)  # "GOP front-runner Donald Trump"
                continue
            if w.text in ("(", ")") or w.lower in ("of", "and", "’s", "'s"):
                if not taken:
                    break
                taken.append(w)
                continue
            if w.text[:1].isupper() or w.lower in lex.determiners:
                if w.lower in self.e.aux:
                    break
                taken.append(w)
                loose = 2 if w.lower in lex.determiners else 0
            elif loose and w.text[0].isalpha() and w.lower not in self.e.aux \
                    and w.lower not in self.e.openers_adverbial:
                taken.append(w)
                loose -= 1
            else:
                break
        while taken and (taken[-1].lower in ("of", "and", "(", "’s", "'s") or taken[-1].lower in lex.determiners):
            taken.pop()
        if not taken or len(taken) > 10 or taken[0].lower in ("it", "there", "this"):
            return None
        return span_of(taken)

    def relative_pronoun(self, lo: int, cue_start: int) -> Span | None:
        """``a young child, who said ...``: the relative pronoun stands as the source."""
        prev = words(self.text, max(lo, cue_start - 40), cue_start)
        prev = [w for w in prev if w.lower not in self.e.aux]
        if prev and prev[-1].lower in ("who", "which"):
            return Span(prev[-1].start, prev[-1].end)
        return None

    def passive(self, hit: CueHit, sent: Span) -> Statement | None:
        """``is seen by many as ...``, ``it is believed that ...``: the agent, if any,
        follows "by"; the content is what the passive says of its subject."""
        text = self.text
        ws = words(text, hit.span.end, sent.end)
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
        if subject and subject.of(text).lower() not in ("it", "there"):
            content = (subject, rest) if rest else (subject,)
        else:
            content = (rest,) if rest else ()
        return self.build(hit, sent, source, content) if content else None

    def after_previous_cue(self, sent: Span, pos: int, found: list[Statement]) -> int:
        """A source never reaches back over an earlier cue: in "He said Daesh elements
        had refused", the source of "refused" starts after "said"."""
        for st in reversed(found):
            if st.cue.end <= sent.start:
                break
            if st.cue.end <= pos:
                return st.cue.end
        return sent.start

    def blocked_after(self, hit: CueHit, sent: Span) -> bool:
        group = hit.group
        if not group.not_before and not group.only_before:
            return False
        nxt = words(self.text, hit.span.end, min(sent.end, hit.span.end + 30))
        following = nxt[0].lower if nxt else ""
        return following in group.not_before or bool(group.only_before) and following not in group.only_before

    def is_noun(self, lo: int, cue_start: int) -> bool:
        """A cue form used as a noun or adjective: "several reports", "Washington's stated goals"."""
        prev = words(self.text, max(lo, cue_start - 30), cue_start)
        if not prev:
            return False
        last = prev[-1].lower
        if last in _QUANTIFIERS:  # "several reports" is a noun, "many say" is not
            return self.text[cue_start:cue_start + 30].split(None, 1)[0].lower().endswith("s")
        return last in self.e.cue_blockers or last.endswith(("’s", "'s")) and len(last) > 2

    # -- pieces ----------------------------------------------------------------------

    def restrictive(self, left: Span) -> bool:
        """Is ``left`` the inside of a relative clause with no comma before it ("Villagers
        who stayed behind accused")? Then the source is the noun with its clause."""
        before = self.text[max(0, left.start - 12):left.start].rstrip().lower()
        return before.endswith((" who", " which", " whom")) and not before[:-5].rstrip().endswith(",")

    def is_clause(self, span: Span) -> bool:
        ws = words(self.text, span.start, span.end)
        return any(w.lower in self.e.verb_markers for w in ws[1:-1])

    def clause_start(self, lo: int, pos: int, boundary: re.Pattern | None = None) -> int:
        """After the last clause boundary before ``pos``; a short parenthesis right
        before it ("Syrian Democratic Forces (SDF) says") belongs to the phrase."""
        head = self.text[lo:pos].rstrip()
        if head.endswith(")"):
            opening = head.rfind("(")
            if opening >= 0 and len(head) - opening < 40:
                pos = lo + opening
        last = lo
        for m in (boundary or self.e.boundary).finditer(self.text, lo, pos):
            last = m.end()
        return last

    def trim_source(self, lo: int, hi: int) -> Span | None:
        ws = [w for w in words(self.text, lo, hi) if w.text not in ("'", "’")]
        while ws and (ws[-1].lower in self.e.aux or not ws[-1].text[0].isalnum()):
            if ws[-1].text == ")" and any(w.text == "(" for w in ws):
                break
            ws.pop()
        while ws and not ws[0].text[0].isalnum():
            ws.pop(0)
        if not ws or len(ws) > 20:
            return None
        return span_of(ws)

    def source_like(self, phrase: str, hit: CueHit) -> bool:
        ws = phrase.split()
        first, last = ws[0].lower(), ws[-1].lower()
        lex = self.e.lex
        if first in ("it", "there", "this", "that", "what") and hit.group.cls in ("belief", "evidence", "reaction"):
            return False
        if hit.group.needs is None and len(ws) <= 4:
            return True  # "forecasters say": a speech cue vouches for its subject
        return any(w[:1].isupper() for w in ws) or first in lex.determiners or first in lex.pronouns \
            or first in ("who", "which") or any(w.lower() in lex.roles for w in ws) \
            or last in lex.vague or last in lex.documents or ws[0][:1].isdigit()

    def is_appositive(self, phrase: str) -> bool:
        ws = phrase.lower().split()
        if not ws or len(ws) > 14:
            return False
        lex = self.e.lex
        return ws[0] in ("a", "an", "the", "its", "his", "her", "their") or ws[0] in lex.roles \
            or any(w in lex.roles for w in ws[:4]) or ws[0].endswith(("’s", "'s"))

    def phrase_end(self, lo: int, hi: int, stop: tuple[str, ...] = ("that", "who", "on")) -> int:
        """End of a noun phrase after a cue: before a comma, a clause word or the end."""
        text = self.text
        for w in words(text, lo, hi):
            if w.text in (",", ";", ":", ".", "(", "—", "–", "\"", "“", "”") or w.lower in stop:
                return w.start
        return hi

    def ends_sentence(self, pos: int, sent: Span) -> bool:
        """Nothing but time words and punctuation between ``pos`` and the sentence end."""
        for w in words(self.text, pos, sent.end):
            if w.text[0].isalnum() and w.lower not in self.e.time:
                return False
        return True

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
        rest = words(text, cue_end, sent.end)
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
        if tail.of(text).split(None, 1)[0].lower() in self.e.citing:
            return (head,)  # "..., the Echo said, citing two players": a relay, not content
        return (head, tail)

    def quote_before(self, sent: Span, pos: int) -> tuple[Span, ...]:
        """A quotation ending just before ``pos`` (the source or the cue): ``"...," X said``."""
        j = pos
        while j > 0 and self.text[j - 1] in " \t,":
            j -= 1
        quote = self.quote_ending_at(j)
        if quote is not None and quote.span.end > sent.start - 2:
            return (quote.inner,)
        return ()

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
            if len(clause) > 3:
                return (clause,)
        return ()

    def content_after(self, hit: CueHit, sent: Span, pos: int) -> tuple[Span, ...]:
        text, end = self.text, sent.end
        ws = words(text, pos, end)
        i = self._skip_object(ws) if self.relayed(hit) else 0
        i = self._skip_opening(ws, i)
        if i >= len(ws):
            return ()
        start = ws[i].start
        quote = self.quote_at(start)
        if quote is not None and quote.span.start == start:
            if quote.span.end >= strip_edges(text, start, end).end - 1 or quote.span.end > end:
                return (quote.inner,)  # the whole content is one quotation
        span = strip_edges(text, start, self.summary_start(start, end))
        return (span,) if len(span) > 1 else ()

    def summary_start(self, start: int, end: int) -> int:
        """Where a writer's summing-up ("..., a claim the ministry did not address") begins."""
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
        if i < len(ws) and (ws[i].lower in self.e.time or ws[i].lower in _PREPOSITIONS):
            for j in range(i + 1, min(i + 9, len(ws))):
                if ws[j].text in (",", ";", "\"", "“", ":"):
                    break
                if ws[j].lower == "that":
                    return j + 1
        return i

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
        cue = " ".join(hit.span.of(self.text).lower().split())
        return any(cue == r or cue.endswith(" " + r) for r in self.e.relay_forms)

    def relays(self, hit: CueHit, sent: Span) -> tuple[Relay, ...]:
        text, out = self.text, []
        if self.relayed(hit):
            ws = words(text, hit.span.end, sent.end)
            obj = span_of(ws[: self._skip_object(ws)])
            if obj is not None:
                phrase = obj.of(text)
                if phrase.lower() not in self.e.addressees and is_media(phrase, self.e.lex):
                    out.append(self.relay(obj, "via"))
        for w in words(text, hit.span.end, sent.end):
            if w.lower in self.e.citing:
                end = self.phrase_end(w.end, sent.end)
                span = strip_edges(text, w.end, end)
                if span:
                    out.append(self.relay(span, "cites"))
                break
        return tuple(out)

    def relay(self, span: Span, relation: str) -> Relay:
        phrase = span.of(self.text)
        rtype = classify(phrase, self.e.lex).type
        if relation == "via" and rtype not in (SourceType.NEWS_AGENCY, SourceType.GOVERNMENT):
            rtype = SourceType.ORGANIZATION  # a newspaper or broadcaster carrying the words
        return Relay(phrase, span, relation, rtype)

    def make_source(self, span: Span, role: str | None, aside: str = "") -> Source:
        """The source for a phrase; ``role`` is an appositive ("a spokesman for ..."),
        ``aside`` a relative clause beside it ("who asked not to be named")."""
        phrase = span.of(self.text)
        a = classify(phrase, self.e.lex)
        stype = a.type
        if role and stype in (SourceType.UNKNOWN, SourceType.ORGANIZATION) and a.name:
            stype = SourceType.PERSON
        if not a.name and stype != SourceType.NEWS_AGENCY and classify(
                f"{role or ''} {aside}", self.e.lex).type == SourceType.ANONYMOUS:
            stype = SourceType.ANONYMOUS
        name = a.name if stype == SourceType.PERSON else None
        return Source(span, phrase, stype, role or a.role, name)

    def build(self, hit: CueHit, sent: Span, source: Source, content: Iterable[Span],
              extra: tuple[Relay, ...] = ()) -> Statement:
        content = tuple(c for c in content if c)
        kind = self.kind_of(content)
        lo = min([sent.start, *(c.start for c in content)])
        hi = max([sent.end, *(c.end for c in content)])
        return Statement("", kind, source, hit.span, hit.span.of(self.text), content,
                         Span(lo, hi), extra + self.relays(hit, sent), hit.group.cls)

    def kind_of(self, content: tuple[Span, ...]) -> Kind:
        """direct: every content span lies in a quotation; mixed: quotations in part."""
        inside = partial = 0
        for span in content:
            i = bisect.bisect_right(self.quote_starts, span.start + 1) - 1
            quote = self.quotes[i] if i >= 0 else None
            if quote is not None and quote.span.start <= span.start + 1 and span.end <= quote.span.end + 1:
                inside += 1
                continue
            j = bisect.bisect_left(self.quote_starts, span.start)
            if j < len(self.quotes) and self.quotes[j].span.start < span.end:
                partial += 1
        if content and inside == len(content):
            return Kind.DIRECT
        return Kind.MIXED if inside or partial else Kind.INDIRECT

    def headline_colon(self) -> list[Statement]:
        """``Sanders: Endorsements prove Clinton ...``: a headline that gives a speaker
        and what they said, separated by a colon."""
        out = []
        for m in _HEADLINE.finditer(self.text):
            src = Span(m.start(1), m.end(1))
            phrase = src.of(self.text)
            analysis = classify(phrase, self.e.lex)
            if analysis.type in (SourceType.UNKNOWN, SourceType.DOCUMENT) and not analysis.name:
                continue
            content = strip_edges(self.text, m.start(2), m.end(2))
            sent = Span(m.start(), m.end())
            hit = CueHit(Span(m.end(1), m.end(1) + 1), ":", _HEADLINE_GROUP)
            out.append(self.build(hit, sent, self.make_source(src, None), (content,)))
        return out

    def mentions(self, found: list[Statement]) -> list[Mention]:
        """Named subjects of sentences with no statement: antecedents for "He said"."""
        taken = {st.sentence.start for st in found}
        out = []
        for sent in self.sentences:
            if sent.start in taken:
                continue
            subject = self.main_subject(sent)
            if subject is None:
                continue
            src = self.make_source(subject, None)
            if src.resolved or src.type in (SourceType.ORGANIZATION, SourceType.GOVERNMENT):
                out.append(Mention(subject.start, src))
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
            out.append(Statement("", Kind.DIRECT, source, dash, dash.of(self.text), (q.inner,),
                                 Span(min(sent.start, q.span.start), max(sent.end, src.end)), (), "speech"))
        return out


def _continue_quotes(doc: _Doc, found: list[Statement]) -> list[Statement]:
    """A quoted sentence right after a direct quote, in the same paragraph and with no cue
    of its own, continues that quote: ``"We won," she said. "Now we rebuild."``"""
    text = doc.text
    out = []
    for st in found:
        if st.kind == Kind.DIRECT and st.content:
            last = max(st.content[-1].end, st.sentence.end)
            spans = list(st.content)
            while True:
                nxt = _next_quote(doc, last)
                if nxt is None or "\n" in text[last:nxt.span.start]:
                    break
                tail = doc.sentence_at(nxt.span.start)
                if any(tail.start <= other.cue.start < max(tail.end, nxt.span.end)
                       for other in found if other is not st):
                    break  # the quote has a cue of its own
                if text[tail.start:nxt.span.start].strip() or nxt.span.end < tail.end - 1:
                    break
                spans.append(nxt.inner)
                last = nxt.span.end
            if len(spans) > len(st.content):
                st = replace(st, content=tuple(spans), sentence=Span(st.sentence.start, last))
        out.append(st)
    return out


def _next_quote(doc: _Doc, pos: int) -> Quote | None:
    i = bisect.bisect_left(doc.quote_starts, pos)
    return doc.quotes[i] if i < len(doc.quotes) else None


def _tidy_nested(doc: _Doc, found: list[Statement]) -> list[Statement]:
    """Settle a statement whose content holds the next cue of its sentence:

    * ``said it was not involved but added: "..."``: the first content stops where the
      second clause begins, and so for ``Residents say ..., and some want ...``;
    * ``denied ..., as the union claimed``: "as X claimed" takes that same content;
    * ``said ..., citing two captains``: "citing" is the first statement's relay (already
      recorded as ``cites``), not a statement of its own.
    Nested reports with no such joint (``X said Y believes Z``) are left as they are."""
    text = doc.text
    out: list[Statement] = []
    for st in found:
        prev = out[-1] if out else None
        if prev is not None and st.cue_text.lower() in doc.e.citing and prev.sentence.start == st.sentence.start \
                and any(r.relation == "cites" for r in prev.via) and not prev.content[-1].start < st.cue.start < prev.content[-1].end:
            continue  # "said, citing two captains": recorded on the statement as a relay
        last = prev.content[-1] if prev is not None and prev.content else None
        if last is None or prev.sentence.start != st.sentence.start or not last.start < st.cue.start < last.end:
            out.append(st)
            continue
        if st.cue_text.lower() in doc.e.citing:
            comma = text.rfind(",", last.start, st.cue.start)
            out[-1] = _cut(doc, prev, comma if comma > last.start else st.cue.start)
            continue
        src = st.source.span
        lead = src.start if src is not None and src.start > last.start else st.cue.start
        joint = _JOINT.search(text, last.start, lead)
        if joint is not None:
            out[-1] = _cut(doc, prev, joint.start())
            if joint.group("as") and doc.ends_sentence(st.cue.end, doc.sentence_at(st.cue.start)):
                shared = out[-1].content[-1:]
                st = replace(st, content=shared, kind=doc.kind_of(shared))
        out.append(st)
    return out


# What joins two clauses of one sentence, right before the second one's subject or cue.
_JOINT = re.compile(r"(?:,?\s+(?:and|but|then|while|(?P<as>as))(?:\s+also)?|\s*;)\s*$")


def _cut(doc: _Doc, st: Statement, end: int) -> Statement:
    last = st.content[-1]
    kept = strip_edges(doc.text, last.start, end)
    if not kept:
        return st
    content = (*st.content[:-1], kept)
    return replace(st, content=content, kind=doc.kind_of(content))
