"""What kind of source a phrase names, the name in it, and the role it gives."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import SourceType
from ..rulebook import Rulebook
from . import names

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,6}$")
_TOKEN = re.compile(r"[\w’'&.-]*\w")
_ARTICLE = re.compile(r"^(the|a|an)\s+")
_NON_WORD = re.compile(r"[^a-z0-9&.’' -]+")


@dataclass(frozen=True, slots=True)
class SourceLexicons:
    pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    roles: frozenset[str]
    titles: frozenset[str]
    agencies: frozenset[str]
    government: frozenset[str]
    organization: frozenset[str]
    documents: frozenset[str]
    vague: frozenset[str]
    anonymous: frozenset[str]
    determiners: frozenset[str]
    media: frozenset[str]
    quantifiers: frozenset[str]
    links: frozenset[str]
    outlet_descriptors: frozenset[str]
    agency_heads: frozenset[str]
    generic_bodies: frozenset[str]
    unnamed_officials: frozenset[str]
    generic_agencies: frozenset[str]
    subordinators: frozenset[str]

    @classmethod
    def from_rulebook(cls, rules: Rulebook) -> SourceLexicons:
        """The rules' lexicons, with nameparser's titles (library-titles, less not-titles)
        added to the titles and, with their plurals, to the role nouns: the rules hold only
        what news needs beyond that general list."""
        lx = rules.lexicon
        library = lx("library-titles") - lx("not-titles")
        titles = lx("titles") | library
        roles = lx("role-nouns") | library | frozenset(_plural(w) for w in library)
        return cls(lx("pronouns"), lx("person-pronouns"), roles, titles,
                   lx("news-agencies"), lx("government-words"), lx("organization-words"),
                   lx("document-words"), lx("vague-sources") | lx("people-groups"), lx("anonymous-markers"),
                   lx("determiners"), lx("media-words"), lx("quantifiers"), lx("linking-words"),
                   lx("outlet-descriptors"), lx("agency-heads"), lx("generic-bodies"),
                   lx("unnamed-officials"), lx("generic-agencies"), lx("subordinators"))


def _plural(word: str) -> str:
    if word.endswith(("man", "woman")):
        return word[:-2] + "en"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


_PHRASES: dict[frozenset[str], re.Pattern[str]] = {}


def _normal(lower_text: str) -> str:
    """Lowercase words with single spaces, the form ``_has_phrase`` reads."""
    return " ".join(_NON_WORD.sub(" ", lower_text).split())


def _has_phrase(normal: str, phrases: frozenset[str]) -> bool:
    """Whole-word containment of any phrase in a ``_normal`` text: one compiled
    alternation per word list (compiled the first time the list is asked for; the lists
    are few and fixed)."""
    pattern = _PHRASES.get(phrases)
    if pattern is None:
        words = sorted((_normal(p) for p in phrases), key=len, reverse=True)
        alternation = "|".join(re.escape(w) for w in words if w)
        pattern = _PHRASES[phrases] = re.compile(rf"(?<![^ ])(?:{alternation})(?![^ ])")
    return pattern.search(normal) is not None


@dataclass(frozen=True, slots=True)
class Analysis:
    type: SourceType
    name: str | None  # the proper name in the phrase, titles dropped
    role: str | None


def split_name(phrase: str, lex: SourceLexicons) -> tuple[str | None, str | None]:
    """'SDF spokesman Mostafa Bali' -> ('Mostafa Bali', 'SDF spokesman')."""
    tokens = _TOKEN.findall(phrase)
    name: list[str] = []
    for tok in reversed(tokens):
        low = tok.lower().rstrip(".")
        if tok[:1].isupper() and low not in lex.roles and low not in lex.titles \
                and low not in lex.determiners and not _ACRONYM.match(tok):
            name.insert(0, tok)
        else:
            break
    if len(name) >= 3 and agent_noun(name[0]):
        # "Harbourmaster Ivo Renn": a capitalised agent noun that is no first name is a title
        tokens, name = tokens, name[1:]
    if not name:
        return None, None
    last = name[-1].lower()
    if last in lex.organization or last in lex.government:
        return None, None  # "the Hollin Teachers' Union": a body, not a name
    rest = tokens[: len(tokens) - len(name)]
    if rest and rest[-1].lower() in lex.links:
        return None, None  # "a spokesman for the Ministry of Transport": a body, not a name
    role_words = [t for t in rest if t.lower().rstrip(".") not in lex.titles or t.lower() in lex.roles]
    role = " ".join(role_words) if any(t.lower() in lex.roles for t in rest) else None
    if role is None and rest:
        # "pensioner Ulla Berg", "stallholder Anya Brek": lowercase words right before a
        # name say what the person is, whatever the word
        lead: list[str] = []
        for t in reversed(rest):
            if not t.islower() or t in lex.determiners or t in lex.links or len(lead) >= 3:
                break
            lead.insert(0, t)
        if (lead and len(lead) == len(rest)) or (lead and rest[len(rest) - len(lead) - 1].lower() in lex.determiners):
            role = " ".join(lead)
        elif len(name) >= 2 and agent_noun(rest[-1]) and len(rest) == 1:
            role = rest[-1]
    return " ".join(name), role


# Endings of nouns for what a person does ("harbourmaster", "stallholder", "organiser").
_AGENT = re.compile(r"(?:master|holder|keeper|er|or|ist|eer)$")


def agent_noun(word: str) -> bool:
    """Does ``word`` look like a noun for a person's job and not like a first name?"""
    low = word.lower().rstrip(".")
    return len(low) > 5 and bool(_AGENT.search(low)) and low not in names.first_names()


def classify(phrase: str, lex: SourceLexicons) -> Analysis:
    low = phrase.lower().strip()
    bare = _ARTICLE.sub("", low)
    tokens = _TOKEN.findall(phrase)
    lows = [t.lower() for t in tokens]
    if not tokens:
        return Analysis(SourceType.UNKNOWN, None, None)
    if low in lex.pronouns:
        return Analysis(SourceType.PERSON if low in lex.person_pronouns else SourceType.UNKNOWN,
                        None, None)
    norm = _normal(low)
    if bare in lex.agencies or low in lex.agencies or (
            _has_phrase(norm, lex.agencies) and ("agency" in lows or "news" in lows)) \
            or _has_phrase(norm, lex.agency_heads):
        return Analysis(SourceType.NEWS_AGENCY, phrase.strip(), None)
    if _has_phrase(norm, lex.anonymous):
        return Analysis(SourceType.ANONYMOUS, None, None)
    unnamed = _unnamed(tokens, lows, lex)
    if unnamed is not None:
        return Analysis(unnamed, None, phrase.strip() if unnamed == SourceType.ANONYMOUS else None)
    # A capital at the start of a sentence ("Observers say") does not make a name.
    capitalized = [t for t in tokens[1:] if t[:1].isupper()] + (
        [tokens[0]] if tokens[0][:1].isupper() and lows[0] not in lex.determiners
        and lows[0] not in lex.vague else [])
    head = lows[-1]
    quantified = lows[0] in lex.quantifiers and len(lows) <= 4  # "many parents", "some experts"
    noun = next((w for w in lows if w not in lex.determiners), head)  # "a study by the Institute"
    if noun in lex.documents and not capitalized and noun != head and head not in lex.roles:
        return Analysis(SourceType.DOCUMENT, None, None)  # "a letter from the company to staff"
    if not capitalized and (bare in lex.vague or head in lex.vague or low in lex.vague or quantified
                            or noun in lex.vague):
        return Analysis(SourceType.VAGUE, None, None)
    if head in lex.documents or noun in lex.documents or (
            lows[0] in lex.determiners and _has_phrase(norm, lex.documents)
            and not capitalized and head not in lex.roles):
        return Analysis(SourceType.DOCUMENT, None, None)
    if _is_outlet(tokens, lows, lex):
        return Analysis(SourceType.ORGANIZATION, phrase.strip(), None)
    name, role = split_name(phrase, lex)
    if name and lows[0] in ("the", "a", "an") and not role:
        name = None  # "The Lume Accord", "the Tamsby Echo": not a person's name
    if not name and noun in lex.roles:
        return Analysis(SourceType.PERSON, None, phrase.strip())  # "A spokesman for the ministry"
    is_org = _has_phrase(norm, lex.organization) or any(_ACRONYM.match(t) for t in tokens)
    is_gov = _has_phrase(norm, lex.government)
    if name and (role or (len(name.split()) >= 2 and not is_org and not is_gov)):
        return Analysis(SourceType.PERSON, name, role)
    if is_gov and (head in lex.government or (_has_phrase(_normal(bare), lex.government) and not role)):
        return Analysis(SourceType.GOVERNMENT, phrase.strip(), None)
    if is_org and quantified and head.endswith("s") and not role:
        return Analysis(SourceType.VAGUE, None, None)  # "Some Democrats", "two Republicans": members, unnamed
    if is_org and head not in lex.roles:
        return Analysis(SourceType.ORGANIZATION, phrase.strip(), None)
    if head in lex.roles or (len(lows) > 1 and lows[-2] in lex.roles):
        return Analysis(SourceType.PERSON, name, _role_of(tokens, lex))
    if name and len(tokens) == 1:
        return Analysis(SourceType.PERSON, name, None)
    if name:
        return Analysis(SourceType.UNKNOWN, name, None)
    return Analysis(SourceType.UNKNOWN, None, None)


_INDEFINITE = frozenset(["a", "an", "one", "another"])
_PHRASE_END = frozenset(["of", "for", "with", "from", "in", "on", "at", "who", "that", "familiar", "briefed",
                         "close", "to", "inside", "within", "across", "involved", "speaking", "representing",
                         "and", "or", "held", "based"])


def _unnamed(tokens: list[str], lows: list[str], lex: SourceLexicons) -> SourceType | None:
    """Nobody named: officials and unnamed individuals are anonymous ("American officials",
    "a senior political source", "one academic", "an airport official"), a group is vague
    ("staff on short-term contracts", "Indiana teachers", "Washington-based analysts")."""
    end = next((i for i, w in enumerate(lows) if i and w in _PHRASE_END), len(lows))
    if end == 0:
        return None
    head, head_token = lows[end - 1], tokens[end - 1]
    if head_token[:1].isupper() and end > 1:
        return None  # a name ("Rachel Reeves"); a capital opening the sentence is none ("Officials say")
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if head in lex.unnamed_officials or singular in lex.unnamed_officials:
        return SourceType.ANONYMOUS  # "White House advisers", "a CBP spokesperson", "the source"
    if any(t[:1].isupper() and t.lower() not in lex.titles and i and not _modifier(t)
           for i, t in enumerate(tokens[:end])):
        return None  # a name in the phrase ("the Pentagon's Dana White")
    if lows[0] in _INDEFINITE and (head in lex.roles or head == "source"):
        return SourceType.ANONYMOUS
    if any(t[:1].isupper() for t in tokens[end:]) and lows[0] not in lex.quantifiers:
        return None  # a group a named body identifies: "observers from the Nordic Election
        # Mission"; not some of it ("some members of Congress")
    if head in lex.vague or (singular != head and singular in lex.roles):
        return SourceType.VAGUE  # "Indiana teachers", "its own engineers"
    return None


def _modifier(token: str) -> bool:
    """A capitalised word that modifies rather than names: a place, a nationality, an
    institution before a role ("American", "U.S.", "Pentagon", "Washington-based")."""
    return token.endswith(("-based", "n", "i", "ese", "ish", "ch")) or token.isupper() or "." in token


def _is_outlet(tokens: list[str], lows: list[str], lex: SourceLexicons) -> bool:
    """A newspaper or broadcaster: "the Coastal Tribune", "The opposition daily Tarvo Dagblad"."""
    named = any(t[:1].isupper() for t in tokens)
    return named and (lows[-1] in lex.media or any(w in lex.outlet_descriptors for w in lows[:-1]))


def _role_of(tokens: list[str], lex: SourceLexicons) -> str | None:
    return " ".join(tokens) if any(t.lower() in lex.roles for t in tokens) else None


def is_media(phrase: str, lex: SourceLexicons) -> bool:
    """Is this object of "told" a news outlet (a channel) rather than an audience?"""
    low = phrase.lower().strip()
    bare = re.sub(r"^the\s+", "", low)
    if bare in lex.agencies or low in lex.agencies:
        return True
    norm = _normal(low)
    tokens = _TOKEN.findall(phrase)
    if len(tokens) == 1 and _ACRONYM.match(tokens[0]):
        return True
    return any(t[:1].isupper() for t in tokens) and _has_phrase(norm, lex.media)
