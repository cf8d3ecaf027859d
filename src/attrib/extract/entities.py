"""The people and bodies an article names, found in one pass over its sentences.

A mention is a run of capitalised words, read the way an editor reads it:

* a title never cuts a name and never belongs to it: "Sen. Lindsey Graham", "Mr
  Obama", "Army Lt. Col. Alexander Vindman" are the people Lindsey Graham, Obama and
  Alexander Vindman, and the title tells they are people (and, for "Mr", a man);
* "Fort Worth Police Chief Ed Kraus" is a body, a title and a person;
* a capitalised word that only opens a sentence ("Hours later", "Alarming", "If"),
  names a place ("Kenya", "Houston") or a month, or is a function word, is nobody;
* a person is told by a title, a first name of the Census lists, a role beside the
  name ("spokesman Ryan Dillon", "Ryan Dillon, a spokesman"), an age ("Khizr Khan,
  66,"), or a surname already met as a person's ("Reeves" after "Rachel Reeves");
  other runs of capitalised words stay names of unknown kind until the engine sees them
  speak;
* a short form links to the full name met earlier ("Mr. Reeves", "Reeves").

Everything is one left-to-right scan with dictionary look-ups, so the cost is linear in
the article's length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from ..model import SourceType, Span
from . import names
from .source_types import agent_noun

if TYPE_CHECKING:
    from ..text import Layout
    from .source_types import SourceLexicons

# A capitalised word with what may stay inside it; an abbreviation keeps its period.
_RUN = re.compile(
    r"(?<![\w’'-])[A-Z][\w’'&-]*\.?"
    r"(?:[ \t]+(?:(?:de|da|van|von|der|den|del|di|la|le|bin|ibn|al|el|dos|du|of|for|and|on|the)[ \t]+)*"
    r"[A-Z][\w’'&-]*\.?)*")
_JOINERS = frozenset(["of", "for", "and", "on", "the"])  # inside a body's name: "Chamber of Commerce"
_PARTICLES = frozenset(["de", "da", "van", "von", "der", "den", "del", "di", "la", "le", "bin", "ibn", "al", "el",
                        "dos", "du"])
_TRAILING = _JOINERS | _PARTICLES  # never the last word of a name
_TOKEN = re.compile(r"\S+")
# What may stand before a sentence's first word: a word there only opens the sentence.
_LEAD = re.compile(r"[ \t\"“‘'(\-—–•*]*")
_LOWER_WORD = re.compile(r"[a-z][a-z’'-]*")  # a word written in lowercase
_LOWER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")
# every whole lowercase word, as _written reads one; and how many questions before listing them
_LOWER_RUN = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
_LISTED_AFTER = 24
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,6}$")
_POSSESSIVE = ("’s", "'s", "’", "'")
_AGE = re.compile(r",[ \t]*\d{1,3}[ \t]*,")
_WHO_AFTER = re.compile(r"[ \t]*(?:,|—|–|--)[ \t]*who\b")  # "Tommy, who retired at 51"
_APPOSED = re.compile(r"\b[Tt]he ([a-z]+),[ \t]*$")  # "The group, " right before a body's name
# Months and days, written out and abbreviated: a closed class, never a name.
_CALENDAR = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                       "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
                       "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_ALIAS = re.compile(r"[ \t]*\(([A-Z][A-Za-z0-9&.]{1,9})\)")
# Words of a closed class (or a sentence opener) that are never part of a name.
_FUNCTION = frozenset([
    "a", "an", "the", "and", "or", "but", "if", "when", "while", "as", "after", "before", "because",
    "although", "though", "since", "until", "so", "yet", "what", "where", "why", "how", "who", "whom",
    "which", "whose", "here", "there", "now", "then", "still", "even", "just", "not", "no", "yes",
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
    "their", "our", "my", "your", "him", "them", "us", "me", "of", "for", "to", "from", "by", "with", "at",
    "in", "on", "about", "into", "over", "under", "among", "between", "without", "against", "during",
    "also", "however", "meanwhile", "instead", "indeed", "despite", "through", "per", "via", "all", "some",
    "many", "most", "more", "few", "both", "each", "every", "any", "other", "another", "such", "only",
    "do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "shall", "let", "please", "thank", "thanks", "mr",
    "mrs", "ms", "dr", "oh", "ok", "okay", "well",
])
# Honorifics that say a person's gender; everything else leaves it open.
_MALE_TITLES = frozenset(["mr", "mister", "sir", "lord", "king", "prince", "father", "brother", "sheikh",
                          "duke", "baron", "count", "emperor", "sultan", "monsignor", "rabbi", "imam"])
_FEMALE_TITLES = frozenset(["mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess",
                            "sister", "mother", "duchess", "baroness", "countess", "empress", "mx"])
_HONORIFICS = _MALE_TITLES | _FEMALE_TITLES | frozenset(["dr", "prof", "sen", "rep", "gov", "gen", "col",
                                                          "lt", "capt", "sgt", "maj", "adm", "rev", "hon"])
_FEMALE_ROLE = re.compile(r"(?:woman|women|ess|esses|wife|girl|mother|daughter|sister|widow)$")
_MALE_ROLE = re.compile(r"(?:man|men|husband|boy|father|son|brother|widower)$")


class EntityKind(StrEnum):
    PERSON = "person"
    BODY = "body"  # an organization, a government body, an agency
    NAME = "name"  # capitalised words of unknown kind ("Wall Street", "Saeb Erekat")


@dataclass(slots=True, eq=False)
class Entity:
    """One person or body, with everything the article tells of it so far."""

    key: int
    name: str  # the fullest name met: "Ryan Dillon"
    kind: EntityKind
    gender: str | None = None  # "m" | "f"
    first: Span | None = None  # where the fullest name is written first
    roles: set[str] = field(default_factory=set)
    stype: SourceType | None = None  # the type the engine gave it where it spoke
    role: str | None = None  # the role a statement gave it ("Valdoran Foreign Minister")
    plural: bool = False  # people named together ("Volker and Morrison")

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


class Mention(NamedTuple):
    """One name in the text (a tuple: an article has hundreds)."""

    span: Span  # the name, titles left out ("Ryan Dillon" in "Colonel Ryan Dillon")
    outer: Span  # with its titles ("Colonel Ryan Dillon")
    entity: Entity
    sentence: int
    quoted: bool  # inside a quotation: someone else's words


@dataclass(frozen=True, slots=True)
class NameLexicons:
    """What the scan needs from the rules, compiled once per Extractor."""

    titles: frozenset[str]  # words before a name that are not part of it
    news_titles: frozenset[str]  # titles that may stand before a surname alone ("President Trump")
    roles: frozenset[str]
    bodies: frozenset[str]  # words that make capitalised words a body
    agencies: frozenset[str]
    time: frozenset[str]
    dates: frozenset[str]  # the time words and the calendar's names: words of no name

    @classmethod
    def build(cls, lex: SourceLexicons, news_titles: frozenset[str], library_titles: frozenset[str],
              not_titles: frozenset[str], time: frozenset[str]) -> NameLexicons:
        titles = (news_titles | library_titles) - not_titles
        bodies = frozenset(w for w in lex.organization | lex.government if " " not in w) | frozenset(
            w.split()[-1] for w in lex.organization | lex.government if " " in w)
        return cls(frozenset(t.rstrip(".") for t in titles), frozenset(t.rstrip(".") for t in news_titles),
                   lex.roles, bodies, lex.agencies, time, time | _CALENDAR)


class Entities:
    """Mentions of people and bodies in text order, with look-ups by offset."""

    def __init__(self, layout: Layout, nl: NameLexicons):
        self.text = layout.text
        self.layout = layout
        self.nl = nl
        self.mentions: list[Mention] = []
        self.entities: list[Entity] = []
        self._by_name: dict[str, Entity] = {}
        self._by_surname: dict[str, Entity] = {}
        self._lower: dict[str, bool] = {}  # common(): words asked, and the answer
        self._lower_words: frozenset[str] | None = None  # common(): every lowercase word, once many are asked
        self._first_words: frozenset[str] | None = None  # first_word_of_a_name(), built on first use
        self._starts: list[int] = []
        for n, sent in enumerate(layout.sentences):
            opened = _LEAD.match(self.text, sent.start, sent.end)
            lead = opened.end() if opened else sent.start
            for m in _RUN.finditer(self.text, sent.start, sent.end):
                run = m.group()
                if " " in run or "\t" in run:
                    self._run(m.start(), run, n, lead)
                elif not (run.rstrip(".").lower() in _FUNCTION and not run.isupper()):
                    self._word(m.start(), run, n, lead)
                # else "The", "But", "He": most capitalised words open a sentence and name nobody
        self._starts = [m.outer.start for m in self.mentions]

    # -- look-ups -------------------------------------------------------------------

    def within(self, span: Span) -> list[Mention]:
        """The mentions inside ``span``, in text order."""
        i = bisect.bisect_left(self._starts, span.start)
        out = []
        while i < len(self.mentions) and self.mentions[i].outer.start < span.end:
            if self.mentions[i].outer.end <= span.end:
                out.append(self.mentions[i])
            i += 1
        return out

    def before(self, pos: int) -> int:
        """How many mentions start before ``pos`` (an index to walk back from)."""
        return bisect.bisect_left(self._starts, pos)

    def by_surname(self, word: str) -> Entity | None:
        return self._by_surname.get(word)

    def first_word_of_a_name(self, word: str) -> bool:
        """Does the article write ``word`` as the first of a name's words ("Elise" in
        "Elise Matthesen")? The names known at the first question (the scan's), indexed
        once: a scan over every entity for each speaker grew with the article."""
        if self._first_words is None:
            self._first_words = frozenset(e.name.split()[0] for e in self.entities if " " in e.name)
        return word in self._first_words

    def new_entity(self, name: str, kind: EntityKind, span: Span | None = None) -> Entity:
        """An entity the engine meets outside the scan (a speaker named in a way the scan
        could not tell, "the spokesman" of an earlier sentence)."""
        ent = Entity(len(self.entities), name, kind, first=span)
        self.entities.append(ent)
        if kind != EntityKind.BODY:
            self._by_name.setdefault(name, ent)
        return ent

    def common(self, word: str) -> bool:
        """Is ``word`` written in lowercase somewhere in the article (a common word)?
        A short article is asked about a few words: each is looked for. A long one is
        asked about many, each a search of the whole text, so after _LISTED_AFTER
        questions its lowercase words are listed once."""
        low = word.lower()
        found = self._lower.get(low)
        if found is None:
            if self._lower_words is None and len(self._lower) >= _LISTED_AFTER:
                self._lower_words = frozenset(_LOWER_RUN.findall(self.text))
            if _LOWER_WORD.fullmatch(low) is None:
                found = False
            elif self._lower_words is not None:
                found = low in self._lower_words
            else:
                found = _written(self.text, low)
            self._lower[low] = found
        return found

    # -- the scan -------------------------------------------------------------------

    def _word(self, start: int, word: str, sentence: int, lead: int) -> None:
        """A run of one word ("Trump", "Clinton's", "Iowa."): what ``_run`` does with it,
        without the machinery for joining words (two thirds of all runs are one word)."""
        if word[-1] == ".":
            bare = word[:-1].lower()
            if not (len(bare) == 1 or bare in self.nl.titles or "." in bare):
                word = word[:-1]  # a sentence end the splitter let through
        if word.endswith(_POSSESSIVE):
            for mark in _POSSESSIVE:
                if word.endswith(mark) and len(word) > len(mark):
                    word = word[: -len(mark)]
                    break
        low = word.lower()
        if low in _TRAILING or not word[:1].isupper() or (
                low in _FUNCTION and low not in self.nl.titles and not (word.isupper() and len(word) > 1)):
            return
        self._segment([(start, word)], sentence, lead)

    def _run(self, start: int, run: str, sentence: int, lead: int) -> None:
        tokens = [(start + t.start(), t.group()) for t in _TOKEN.finditer(run)]
        bodies = self.nl.bodies
        segment: list[tuple[int, str]] = []
        in_body = False  # a joiner was let in: "Department of Homeland Security"
        for n, (pos, tok) in enumerate(tokens):
            word = tok
            ends = False
            if word[-1] == ".":
                bare = word[:-1].lower()
                if not (len(bare) == 1 or bare in self.nl.titles or "." in bare):
                    word, ends = word[:-1], True  # a sentence end the splitter let through
            for mark in _POSSESSIVE if word.endswith(_POSSESSIVE) else ():
                if word.endswith(mark) and len(word) > len(mark):
                    rest = [t for _, t in tokens[n + 1:]]
                    if rest and _singular(rest[-1].lower()) in bodies and all(t[:1].isupper() for t in rest):
                        break  # "the Forest Owners' Association": the possessive is inside the name
                    word, ends = word[: -len(mark)], True
                    break
            low = word.lower()
            if low in _JOINERS:
                if segment and (in_body or _singular(segment[-1][1].lower()) in bodies):
                    in_body = True
                    segment.append((pos, word))
                    continue
                self._segment(_trim_joiners(segment), sentence, lead)
                segment, in_body = [], False
                continue
            if not word[:1].isupper():
                if segment and low in _PARTICLES:
                    segment.append((pos, word))  # "Ludwig van Beethoven", "Osama bin Laden"
                    continue
                self._segment(_trim_joiners(segment), sentence, lead)
                segment, in_body = [], False
                continue
            if low in _FUNCTION and low not in self.nl.titles and not (word.isupper() and len(word) > 1):
                self._segment(_trim_joiners(segment), sentence, lead)
                segment, in_body = [], False
                continue
            segment.append((pos, word))
            if ends:
                self._segment(_trim_joiners(segment), sentence, lead)
                segment, in_body = [], False
        self._segment(_trim_joiners(segment), sentence, lead)

    def _segment(self, seg: list[tuple[int, str]], sentence: int, lead: int) -> None:
        if not seg:
            return
        nl = self.nl
        # A word that only opens the sentence: "Hours later", "Alarming", "Here".
        first = seg[0][1].lower()
        if seg[0][0] <= lead and not self._known_name(seg) and (
                self.common(seg[0][1]) or first.endswith(("ing", "ly", "ed"))):
            seg = seg[1:]  # "Hosting Cook at Dreamforce ...": a verb or adverb opens the sentence
            if not seg:
                return
        # The last title in the run: what follows is the person, what precedes a body.
        lows = [w.lower().rstrip(".") for _, w in seg]
        if (len(seg) == 3 and agent_noun(seg[0][1]) and lows[0] not in nl.titles and lows[1] in names.first_names()) \
                or (len(seg) == 3 and agent_noun(seg[0][1]) and not any(_singular(w) in nl.bodies for w in lows)):
            self._person(seg[1:], seg[0][0], [lows[0]], sentence)  # "Harbourmaster Ivo Renn"
            return
        cut = None
        for i in range(len(seg) - 2, -1, -1):
            if lows[i] in nl.titles and not (lows[i] in names.first_names() and i == 0 and len(seg) == 2
                                             and lows[i] not in nl.news_titles and lows[i] not in _HONORIFICS):
                cut = i
                break
        if cut is not None:
            first_title = cut
            while first_title > 0 and lows[first_title - 1] in nl.titles:
                first_title -= 1
            head, titles, person = seg[:first_title], lows[first_title:cut + 1], seg[cut + 1:]
            if len(person) == 1 and not (set(titles) & (_HONORIFICS | nl.news_titles)) and \
                    self._by_surname.get(person[0][1]) is None:
                person = []  # "Bishop Street": a one-word name after a title that needs two
            if person:
                if head:
                    self._segment(head, sentence, lead)
                self._person(person, seg[first_title][0], titles, sentence)
                return
        # A first name inside a longer run: "European Union Gordon Sondland".
        for j in range(1, len(seg) - 1):
            if lows[j] in names.first_names() and lows[j - 1] not in names.first_names() \
                    and len(seg) - j <= 3 and lows[j - 1] not in nl.titles \
                    and not any(_singular(w) in nl.bodies or w in _JOINERS for w in lows[j:]):
                self._segment(seg[:j], sentence, lead)
                self._person(seg[j:], seg[j][0], [], sentence)
                return
        self._name(seg, lows, sentence)

    def _known_name(self, seg: list[tuple[int, str]]) -> bool:
        word = seg[0][1]
        return word.lower() in self.nl.titles or word in self._by_surname or (
            len(seg) > 1 and word.lower() in names.first_names())

    def _name(self, seg: list[tuple[int, str]], lows: list[str], sentence: int) -> None:
        text, nl = self.text, self.nl
        joined = " ".join(lows)
        if joined in nl.time or not nl.dates.isdisjoint(lows):
            return  # "Sun Oct 15", "Tuesday", "March": a date names nobody
        span = Span(seg[0][0], seg[-1][0] + len(seg[-1][1]))
        if len(seg) == 1:
            word = seg[0][1]
            known = self._by_surname.get(word)
            if known is not None and known.kind != EntityKind.BODY:
                self._mention(known, span, span, sentence)  # "Gates" after "Bill Gates", even
                return  # after "the Gates Foundation"
            alias = self._by_name.get(word)
            if alias is not None and alias.kind == EntityKind.BODY:
                self._mention(alias, span, span, sentence)
                return
            if _ACRONYM.match(word) or lows[0] in nl.bodies or lows[0] in nl.agencies:
                self._body(word, span, sentence)
                return
            if lows[0] not in names.places() and (self._role_beside(span) or (
                    lows[0] in names.first_names() and _WHO_AFTER.match(text, span.end))):
                self._person(seg, span.start, [], sentence)  # "Tommy — who only goes by his first name"
            return  # a lone capitalised word tells nothing more
        joiner = next((i for i, w in enumerate(lows) if w in _JOINERS), len(lows))
        if lows[-1] in nl.bodies or _singular(lows[joiner - 1]) in nl.bodies or joined in nl.agencies \
                or any(_ACRONYM.match(w) for _, w in seg):
            self._body(span.of(text), span, sentence)
            return
        if joined in names.places():
            return
        if lows[0] in names.first_names() or self._role_beside(span):
            self._person(seg, span.start, [], sentence)
            return
        known = self._by_surname.get(seg[-1][1])
        if known is not None and known.kind == EntityKind.PERSON and lows[0] not in names.first_names():
            # "Hosting Cook" after "Tim Cook": the person, with a word before the name
            last = seg[-1]
            self._mention(known, Span(last[0], last[0] + len(last[1])), span, sentence)
            return
        ent = self._by_name.get(span.of(text))
        if ent is None:
            ent = self.new_entity(span.of(text), EntityKind.NAME, span)
            if known is None or known.kind != EntityKind.PERSON:
                self._by_surname[seg[-1][1]] = ent
        self._mention(ent, span, span, sentence)

    def _role_beside(self, span: Span) -> tuple[str, str] | None:
        """A role right before the name ("spokesman Ryan Dillon", "Assistant coach Dario
        Penn") or set off after it ("Ryan Dillon, a spokesman for the coalition,";
        "Khizr Khan, 66,"): (the role noun, the role as written)."""
        text, roles = self.text, self.nl.roles
        before = text[max(0, span.start - 40):span.start].split()
        if before and before[-1].lower() in roles and before[-1].islower():
            phrase = [before[-1]]
            for w in reversed(before[:-1]):
                if w[-1:] in ",.;:\"“”" or w.lower() in _FUNCTION or len(phrase) >= 3 \
                        or not (w[:1].isupper() or w.lower() in roles):
                    break
                phrase.insert(0, w)
            return before[-1].lower(), " ".join(phrase)
        after = text[span.end:span.end + 90]
        if _AGE.match(after):
            return "age", ""
        if after.startswith(", "):
            clause = after[2:].split(",", 1)[0]
            words = clause.lower().split()
            if words and (words[0] in ("a", "an", "the", "his", "her", "its", "their")
                          or words[0].endswith(("’s", "'s"))):
                for w in words[1:6]:
                    if w in roles:
                        return w, clause.strip()
        return None

    def _person(self, seg: list[tuple[int, str]], outer_start: int, titles: list[str], sentence: int) -> None:
        text = self.text
        span = Span(seg[0][0], seg[-1][0] + len(seg[-1][1]))
        name = span.of(text)
        words = name.split()
        gender = None
        for t in titles:
            if t in _MALE_TITLES:
                gender = "m"
            elif t in _FEMALE_TITLES:
                gender = "f"
        if len(words) == 1:
            ent = self._by_surname.get(words[0])
            if ent is None or ent.kind == EntityKind.BODY:
                ent = self.new_entity(name, EntityKind.PERSON, span)
                self._by_surname[words[0]] = ent
        else:
            ent = self._by_name.get(name)
            if ent is None:
                old = self._by_surname.get(words[-1])
                if old is not None and old.kind != EntityKind.BODY and len(old.name.split()) == 1:
                    old.name, old.first = name, span  # "Mr. Dillon" met before "Ryan Dillon"
                    ent = old
                else:
                    ent = self.new_entity(name, EntityKind.PERSON, span)
                self._by_name[name] = ent
            self._by_surname[words[-1]] = ent
            if gender is None:
                gender = names.first_names().get(words[0].lower())
        ent.kind = EntityKind.PERSON
        beside = self._role_beside(span)
        if beside and beside[0] != "age":
            ent.roles.add(beside[0])
            gender = gender or _role_gender(beside[0])
            if ent.role is None:
                ent.role = beside[1]
        for t in titles:
            ent.roles.add(t)
        if gender and ent.gender is None:
            ent.gender = gender
        self._mention(ent, span, Span(outer_start, span.end), sentence)

    def _body(self, name: str, span: Span, sentence: int) -> None:
        ent = self._by_name.get(name)
        if ent is None:
            ent = Entity(len(self.entities), name, EntityKind.BODY, first=span)
            self.entities.append(ent)
            self._by_name[name] = ent
        self._mention(ent, span, span, sentence)
        m = _ALIAS.match(self.text, span.end)
        if m and m.group(1) not in self._by_name:
            self._by_name[m.group(1)] = ent  # "World Health Organization (WHO)": WHO is its short form
        first = name.split()[0]
        firm = len(name.split()) == 2 and name.split()[1].lower() in self.nl.bodies  # "Alden Capital"
        if first != name and first[:1].isupper() and first not in self._by_name and first not in self._by_surname \
                and self._own_word(first, firm):
            self._by_name[first] = ent  # "Alden Capital", then "Alden said": the firm, not a person
        initials = "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in _JOINERS)
        if len(initials) >= 3 and initials not in self._by_name:
            self._by_name[initials] = ent  # and so is "WHO" where the article never spells it out
        apposed = _APPOSED.search(self.text, max(0, span.start - 40), span.start)
        if apposed and apposed.group(1).lower() in self.nl.bodies:
            ent.roles.add(apposed.group(1).lower())  # "The group, WeWorkers Coalition, ...": later "the group"

    def _own_word(self, word: str, firm: bool = False) -> bool:
        """Could ``word`` alone stand for the body whose name it opens? Not a place ("Washington
        Post"), a first name (unless a firm's word follows it: "Alden Capital"), a title, a
        word of the lexicons ("National", "Federal") or one the article writes in lowercase
        ("General Motors": "general")."""
        low = word.lower()
        nl = self.nl
        return not (low in names.places() or (low in names.first_names() and not firm) or low in nl.titles
                    or low in nl.bodies or low in nl.roles or low in nl.time or low in _JOINERS
                    or self.common(word) or _ACRONYM.match(word))

    def opens_sentence(self, m: Mention) -> bool:
        """Does the mention open its sentence, with nothing but the marks that may lead one
        before it (the subject: "Young, in his testimony, ...")?"""
        sent = self.layout.sentences[m.sentence]
        lead = _LEAD.match(self.text, sent.start, sent.end)
        return m.outer.start <= (lead.end() if lead else sent.start)

    def _mention(self, ent: Entity, span: Span, outer: Span, sentence: int) -> None:
        quote = self.layout.quote_at(span.start)
        self.mentions.append(Mention(span, outer, ent, sentence, quote is not None))


def _written(text: str, low: str) -> bool:
    """Does ``low`` stand in ``text`` as a whole lowercase word (not inside "well-known")?"""
    i = text.find(low)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + len(low):i + len(low) + 1]
        if not (before.isalnum() or before in "_’'-") and not (after and after in _LOWER_CHARS):
            return True
        i = text.find(low, i + 1)
    return False


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _trim_joiners(seg: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while seg and seg[-1][1].lower() in _TRAILING:
        seg = seg[:-1]
    return seg


def _role_gender(role: str) -> str | None:
    if _FEMALE_ROLE.search(role):
        return "f"
    if _MALE_ROLE.search(role) and not role.endswith(("human", "german")):
        return "m"
    return None
