"""Who each statement's source is, how we know, and how sure we are.

The candidates are the people and bodies the article names (``entities.py``) and the
speakers already read, never just the speakers:

* a name is looked up among the mentions inside the source phrase: "Colonel Ryan
  Dillon" is Ryan Dillon (``named``), "Mr. Reeves" or "Reeves" the Rachel Reeves met
  earlier (``short-form``);
* "he" and "she" take a person of the same sentence's earlier speaker, else of the
  nearest sentence before that names one, with gender agreement where the article
  tells it (a title, a role, a first name, a pronoun already resolved); in that
  sentence the speaker comes first, then the first person named (the subject); never a
  person the statement itself names ('"I cannot believe Martha would ...," she said' is
  not Martha) nor one named only in a comparison ("than Rose-Lynn Harlan"). "They"
  takes a body or a group, "it" a body (``pronoun``);
* "the spokesman", "the governor" the last person with that role or title; "the
  company" the last body named so (``description``);
* an unnamed source ("officials", "a senior political source") stands as written
  (``unnamed``); a sentence with no source at all has ``none``.

Every resolution carries a confidence: how often, on the real-page dev gold, a speaker
established that way was the right one (bench/realnews_quality.py prints the check by
band). Mentions and speakers are kept by sentence and a pronoun looks back a bounded
number of sentences, so the pass is linear in the article's length.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import replace

from ..model import Resolution, Source, SourceType, Span, Statement
from . import names
from .entities import Entities, Entity, EntityKind, Mention
from .source_types import SourceLexicons, classify

_PLURAL = frozenset({"they", "them"})
_MALE = frozenset({"he", "him"})
_FEMALE = frozenset({"she", "her"})
_BODY = frozenset({"it"})
_SELF = frozenset({"i", "we", "you"})
_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it"}
_RELATIVE = frozenset({"who", "which"})
_NAMED = (SourceType.ORGANIZATION, SourceType.GOVERNMENT, SourceType.NEWS_AGENCY)
_LOOK_BACK = 8  # sentences a pronoun looks back over
_WORD = re.compile(r"[A-Za-z]+")
# Closed class: the abbreviated titles and the role they stand for ("the senator").
_TITLE_ROLE = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
               "col": "colonel", "lt": "lieutenant", "capt": "captain", "sgt": "sergeant", "maj": "major",
               "adm": "admiral", "prof": "professor", "dr": "doctor", "rev": "reverend", "pres": "president",
               "supt": "superintendent", "insp": "inspector", "det": "detective", "cmdr": "commander"}

# Confidence by how the speaker was established; calibrated on the real-page dev gold
# (docs/engine.md gives the table and the command).
SURE_NAMED = 0.9  # right 0.89 (dev), 0.90 (held-out): the error is which phrase is the source
SURE_SHORT = 0.95  # right 96/96, 39/39
SURE_SURNAME_ONLY = 0.8
SURE_UNNAMED = 0.9  # right 0.98, 0.80
SURE_DESCRIPTION = 0.7  # right 0.67, 0.71
SURE_UNRESOLVED = 0.3
SURE_NONE = 0.4  # no source found where the gold had one: 0/3, 0/4


class _Speakers:
    """Speakers and mentions by sentence, for pronouns to look back over."""

    def __init__(self, entities: Entities, lex: SourceLexicons):
        self.entities = entities
        self.lex = lex
        self.by_sentence: dict[int, list[tuple[Span, Entity]]] = {}
        self.mentions: dict[int, list[Mention]] = {}
        for m in entities.mentions:
            self.mentions.setdefault(m.sentence, []).append(m)
        self.roles: dict[str, Entity] = {}
        self.bodies: deque[Entity] = deque(maxlen=24)
        self._seen = 0  # mentions already passed, for the role and body indexes
        # the capitalised words of the statement being resolved: no one speaks of
        # themself by name ('"I cannot believe Martha would ...," she said' is not Martha)
        self.named_in_content: frozenset[str] = frozenset()

    def advance(self, pos: int) -> None:
        """Index roles and bodies of every mention before ``pos``."""
        ms = self.entities.mentions
        while self._seen < len(ms) and ms[self._seen].outer.start < pos:
            ent = ms[self._seen].entity
            for role in ent.roles:
                self.roles[_TITLE_ROLE.get(role, role)] = ent
            if ent.kind == EntityKind.BODY:
                self.bodies.append(ent)
            self._seen += 1

    def add(self, sentence: int, span: Span, ent: Entity, role: str | None) -> None:
        self.by_sentence.setdefault(sentence, []).append((span, ent))
        if role:
            ent.role = role  # the source phrase's own role beats the scan's guess
        if ent.kind == EntityKind.BODY:
            self.bodies.append(ent)
        if role:
            for word in role.lower().split():
                self.roles[word] = ent


def resolve(statements: list[Statement], entities: Entities, lex: SourceLexicons) -> list[Source]:
    """The source of each statement, resolved to its speaker (in the statements' order)."""
    text = entities.text
    speakers = _Speakers(entities, lex)
    out: list[Source] = []
    for st in statements:
        src = st.source
        at = src.span.start if src.span is not None else st.cue.start
        speakers.advance(at)
        sentence = entities.layout.sentence_index(at)
        speakers.named_in_content = frozenset(
            w for c in st.content for w in _WORD.findall(text, c.start, c.end) if w[:1].isupper()
        ) if src.text.lower() in lex.pronouns else frozenset()  # "His office said he ..." may name him
        src, ent = _resolve_one(src, at, sentence, entities, speakers, lex, text)
        if ent is not None and src.span is not None:
            speakers.add(sentence, src.span, ent, src.role)
        out.append(src)
    return out


def _resolve_one(src: Source, at: int, sentence: int, entities: Entities, speakers: _Speakers,
                 lex: SourceLexicons, text: str) -> tuple[Source, Entity | None]:
    if src.span is None:
        return replace(src, resolution=Resolution.NONE, confidence=SURE_NONE), None
    low = src.text.lower()
    if low in _POSSESSIVE:  # "his claim that ...": the possessor is whom "he" points at
        low = _POSSESSIVE[low]
    # a pronoun, not a label in capitals ("US"); "I" is one, and never a person to point at
    if (low in lex.pronouns and not (src.text.isupper() and len(src.text) > 1)) or src.text in _RELATIVE:
        return _pronoun(src, low, at, sentence, entities, speakers, text)
    first, _, rest = low.partition(" ")
    if (first in _MALE or first in _FEMALE) and rest.startswith("and "):
        joined = _pronoun_and_name(src, first, at, sentence, entities, speakers, text)
        if joined is not None:
            return joined
    # the possessor in "Morrison's lawyer" or "Trump's advisers" is not the speaker
    # nor is a name after a preposition ("owners of the cafés in Marrow Bay")
    mentions = [m for m in entities.within(src.span)
                if (m.entity.kind != EntityKind.BODY or src.type in _NAMED or _short_form(m, src))
                and not text.startswith(("'s", "’s", "' ", "’ "), m.span.end)
                and _word_before(text, src.span.start, m.outer.start) not in lex.links]
    named = _named(src, mentions, entities, lex)
    if named is not None:
        return named
    if low.startswith("the ") and src.type in (SourceType.ANONYMOUS, SourceType.PERSON) \
            and not _plural(low):
        # "the spokesman", "the source": an earlier one if the article named them
        described = _description(src, low[4:], speakers, lex)
        if described[0].resolution is Resolution.DESCRIPTION:
            return described
    if src.type in (SourceType.ANONYMOUS, SourceType.VAGUE) or (
            src.type == SourceType.PERSON and not low.startswith("the ")):
        ent = entities.new_entity(src.text, EntityKind.PERSON, src.span)  # unnamed people, one or many
        ent.plural = _plural(low)
        _set_type(ent, src.type)
        return replace(src, resolution=Resolution.UNNAMED, confidence=SURE_UNNAMED), (
            ent if src.type == SourceType.PERSON or _plural(low) else None)
    first, _, rest = low.partition(" ")
    if first in _POSSESSIVE and rest and src.span is not None:
        # "His office", "her lawyer": the office or the lawyer of the person "his" points at
        owner, _owner = _pronoun(replace(src, text=_POSSESSIVE[first]), _POSSESSIVE[first], at, sentence,
                              entities, speakers, text)
        if owner.resolution is Resolution.PRONOUN and owner.resolved:
            return replace(src, resolved=f"{owner.resolved}'s {src.text.split(None, 1)[1]}",
                           resolution=Resolution.PRONOUN, confidence=owner.confidence,
                           antecedent=owner.antecedent), None
    if src.type == SourceType.DOCUMENT:
        return replace(src, resolution=Resolution.NAMED, confidence=SURE_UNNAMED), None
    if low.startswith("the "):
        return _description(src, low[4:], speakers, lex)
    if src.type in _NAMED:
        ent = entities.new_entity(src.text, EntityKind.BODY, src.span)
        _set_type(ent, src.type)
        return replace(src, resolution=Resolution.NAMED, confidence=SURE_NAMED), ent
    return replace(src, resolution=Resolution.UNNAMED, confidence=SURE_UNNAMED * 0.8), None


def _named(src: Source, mentions: list[Mention], entities: Entities,
           lex: SourceLexicons) -> tuple[Source, Entity | None] | None:
    """A source naming its speaker: the last person (or body) named inside the phrase."""
    if not mentions:
        if src.resolved and src.resolved.lower() in names.places():
            # "Kenya said", "Washington warned": a country or capital speaks for its government
            return replace(src, type=SourceType.GOVERNMENT, resolved=None, resolution=Resolution.NAMED,
                           confidence=SURE_DESCRIPTION), None
        if src.resolved and src.type == SourceType.PERSON:
            # A name the scan could not tell ("Saeb Erekat"), but the phrase is a person's.
            words = src.resolved.split()
            ent = entities.by_surname(words[-1]) if len(words) == 1 else None
            if ent is None or ent.kind == EntityKind.BODY:
                ent = entities.new_entity(src.resolved, EntityKind.PERSON, src.span)
                if entities.first_word_of_a_name(words[0]):
                    # "Elise wrote" after "Elise Matthesen": a first name, and its gender
                    ent.gender = names.first_names().get(words[0].lower())
            _set_type(ent, SourceType.PERSON)
            return _from_entity(src, ent, src.span), ent
        return None
    person = [m for m in mentions if m.entity.kind != EntityKind.BODY]
    m = person[-1] if person else mentions[-1]
    ent = m.entity
    if ent.kind == EntityKind.BODY:
        if src.type not in _NAMED:
            if not _short_form(m, src):
                return None
            src = replace(src, type=_type_of(ent, lex))  # "Alden said" after "Alden Capital": the firm
        _set_type(ent, src.type)
        if len(src.text.split()) == 1 and ent.name != src.text:  # "WHO" after "World Health Organization (WHO)"
            return replace(src, resolved=ent.name, resolution=Resolution.SHORT_FORM, confidence=SURE_SHORT,
                           antecedent=ent.first), ent
        return replace(src, resolution=Resolution.NAMED, confidence=SURE_NAMED), ent
    people = list(dict.fromkeys(x.entity.key for x in person))
    if len(people) > 1 and " and " in src.text:
        # "Kurt Volker and Tim Morrison said": both, and "they" may point back at them
        names_ = " and ".join(entities.entities[k].name for k in people)
        group = entities.new_entity(names_, EntityKind.PERSON, src.span)
        group.plural = True
        _set_type(group, SourceType.PERSON)
        return replace(src, type=SourceType.PERSON, resolved=names_, resolution=Resolution.NAMED,
                       confidence=SURE_SHORT), group
    if src.type not in (SourceType.PERSON, SourceType.UNKNOWN) and ent.kind == EntityKind.NAME:
        return None  # "the Interior Ministry", typed by the lexicon, not a person
    if ent.kind == EntityKind.NAME:
        if src.type != SourceType.PERSON and len(ent.name.split()) < 2:
            return None
        ent.kind = EntityKind.PERSON  # a name that speaks is a person's
    _set_type(ent, SourceType.PERSON)
    return _from_entity(src, ent, m.span), ent


def _pronoun_and_name(src: Source, low: str, at: int, sentence: int, entities: Entities,
                      speakers: _Speakers, text: str) -> tuple[Source, Entity] | None:
    """``he and his wife Kali explained``: the person "he" points at and the people named
    after "and", together; "they" may point back at them."""
    if src.span is None:
        return None
    owner, ent = _pronoun(replace(src, text=low), low, at, sentence, entities, speakers, text)
    others = [m.entity.name for m in entities.within(src.span) if m.entity.kind != EntityKind.BODY]
    if not others and src.resolved:
        others = [src.resolved]  # a first name alone, which the scan leaves: "his wife Kali"
    if ent is None or owner.resolution is not Resolution.PRONOUN or not others:
        return None
    names_ = " and ".join(dict.fromkeys([ent.name, *others]))
    group = entities.new_entity(names_, EntityKind.PERSON, src.span)
    group.plural = True
    _set_type(group, SourceType.PERSON)
    return replace(src, type=SourceType.PERSON, resolved=names_, resolution=Resolution.PRONOUN,
                   confidence=owner.confidence, antecedent=owner.antecedent), group


def _short_form(m: Mention, src: Source) -> bool:
    """Is the whole source a short form of a body named before ("Kotak" after "Kotak
    Institutional Equities")?"""
    return m.span == src.span and m.entity.name != src.text


def _from_entity(src: Source, ent: Entity, span: Span | None) -> Source:
    name_words = ent.name.split()
    written = src.text
    if all(w in written for w in name_words):
        conf = SURE_NAMED if len(name_words) > 1 else SURE_SURNAME_ONLY
        return replace(src, type=SourceType.PERSON, resolved=ent.name, resolution=Resolution.NAMED,
                       confidence=conf)
    return replace(src, type=SourceType.PERSON, resolved=ent.name, resolution=Resolution.SHORT_FORM,
                   confidence=SURE_SHORT, antecedent=ent.first, role=src.role or ent.role)


def _set_type(ent: Entity, stype: SourceType) -> None:
    if ent.stype is None or stype != SourceType.UNKNOWN:
        ent.stype = stype


def _type_of(ent: Entity, lex: SourceLexicons) -> SourceType:
    if ent.stype is not None:
        return ent.stype
    if ent.kind == EntityKind.PERSON:
        return SourceType.PERSON
    if ent.kind == EntityKind.BODY:
        found = classify(ent.name, lex).type
        return found if found in _NAMED else SourceType.ORGANIZATION
    return SourceType.UNKNOWN


def _word_before(text: str, lo: int, pos: int) -> str:
    """The word right before ``pos`` inside the phrase starting at ``lo`` ("" if none)."""
    words = text[lo:pos].split()
    return words[-1].lower() if words else ""


def _plural(phrase: str) -> bool:
    last = phrase.split()[-1] if phrase.split() else ""
    return last.endswith("s") and not last.endswith("ss")


def _agrees(ent: Entity, low: str) -> bool:
    if low in _MALE or low in _FEMALE:
        if ent.kind == EntityKind.BODY or ent.plural:
            return False
        if ent.stype == SourceType.VAGUE or (
                ent.stype == SourceType.ANONYMOUS and _plural(ent.name.lower())):
            return False
        want = "m" if low in _MALE else "f"
        return ent.gender in (None, want)
    if low in _PLURAL:
        return ent.kind == EntityKind.BODY or ent.plural or (ent.stype in (SourceType.VAGUE, SourceType.ANONYMOUS)
                                               and _plural(ent.name.lower()))
    if low in _BODY:
        return ent.kind == EntityKind.BODY
    return False


def _person_like(ent: Entity, low: str, entities: Entities) -> bool:
    """Could "he" or "she" point at a name the scan could not tell? A person's name has
    a first name, or at most half its words written in lowercase elsewhere in the article
    ("Mandla Stone" in an article about a stone pier): not "Human Landing System",
    "Danger Set Off Immune Responses" (a headline)."""
    if ent.kind != EntityKind.NAME or not (low in _MALE or low in _FEMALE):
        return True
    words = ent.name.split()
    if words[0].lower() in names.first_names():
        return True
    return len(words) <= 3 and 2 * sum(entities.common(w) for w in words) <= len(words)


def _pronoun(src: Source, low: str, at: int, sentence: int, entities: Entities, speakers: _Speakers,
             text: str) -> tuple[Source, Entity | None]:
    if low in _SELF:
        return replace(src, resolution=Resolution.UNRESOLVED, confidence=SURE_UNRESOLVED), None
    if low in _RELATIVE:
        # "Ryan Dillon, who said ...": the name right before the comma.
        before = entities.before(at)
        for m in reversed(entities.mentions[max(0, before - 2):before]):
            gap = text[m.span.end:at]
            if len(gap) <= 4 and gap.strip() in (",", "", "-", "—", "–", "("):
                ent = m.entity
                if ent.kind == EntityKind.NAME:
                    ent.kind = EntityKind.PERSON
                stype = _type_of(ent, speakers.lex)
                return replace(src, type=stype, resolved=ent.name, resolution=Resolution.PRONOUN,
                               confidence=0.9, antecedent=m.span, role=src.role or ent.role), ent
        return replace(src, resolution=Resolution.UNRESOLVED, confidence=SURE_UNRESOLVED), None
    window = 3 if low in _BODY else _LOOK_BACK
    for k in range(sentence, max(-1, sentence - window), -1):
        said = [(p, e) for p, e in speakers.by_sentence.get(k, ()) if p.start < at and _agrees(e, low)
                and not (low in _PLURAL and e.kind == EntityKind.BODY and sentence - k > 1)
                and _person_like(e, low, entities) and not _named_in(e, speakers.named_in_content)]
        named = [m for m in speakers.mentions.get(k, ()) if m.span.start < at and not m.quoted
                 and _agrees(m.entity, low) and not (low in _PLURAL and sentence - k > 1)
                 and _person_like(m.entity, low, entities)
                 and not _named_in(m.entity, speakers.named_in_content)]
        if k == sentence:
            # in its own sentence a pronoun points at an earlier speaker, at the subject that
            # opens it ("Young, in his testimony, criticized what he called ..."), or at the
            # subject of a clause set before its own ("When the immunologist De'Broski
            # Herbert looked ..., he thought"; not "While the team missed Tom Reed, he said")
            opening = _opening_subject(text, entities, sentence, speakers.lex)
            named = [m for m in named[:1] if entities.opens_sentence(m) and m.entity.kind != EntityKind.BODY] \
                or [m for m in named[:1] if opening is not None and opening <= m.span.start < at
                    and len(text[opening:m.span.start].split()) <= 1 and m.entity.kind != EntityKind.BODY]
        named = [m for m in named if _word_before(text, max(0, m.outer.start - 12), m.outer.start) != "than"]
        if not said and not named:
            continue
        if said:
            where, ent = said[-1]
        else:
            ent, where = named[0].entity, named[0].span
        rivals = {e.key for _, e in said} | {m.entity.key for m in named}
        rivals.discard(ent.key)
        distance = sentence - k
        conf = 0.92 if distance <= 1 else 0.82 if distance == 2 else 0.7
        if rivals:
            conf *= 0.85 if said else 0.7
        if ent.kind == EntityKind.NAME:
            conf *= 0.75
        if low in _PLURAL or low in _BODY:
            conf *= 0.9
        if low in _MALE or low in _FEMALE:
            if ent.gender is None and conf >= 0.8 and not rivals:
                ent.gender = "m" if low in _MALE else "f"
            if ent.kind == EntityKind.NAME:
                ent.kind = EntityKind.PERSON  # "he" after "De'Broski Herbert": a name "he" speaks for is a person's
        stype = _type_of(ent, speakers.lex)
        resolved = ent.name
        return replace(src, type=stype, resolved=resolved, resolution=Resolution.PRONOUN,
                       confidence=round(conf, 2), antecedent=where or ent.first, role=src.role or ent.role), ent
    return replace(src, resolution=Resolution.UNRESOLVED, confidence=SURE_UNRESOLVED), None


def _opening_subject(text: str, entities: Entities, k: int, lex: SourceLexicons) -> int | None:
    """Where the subject of a clause set before the main one may start, if sentence ``k``
    opens with a subordinator: right after it, or after a determiner and a role ("When
    the immunologist ..."); one more word may stand before the name ("the skipper")."""
    sent = entities.layout.sentences[k]
    first = _WORD.search(text, sent.start, sent.end)
    if first is None or first.group().lower() not in lex.subordinators:
        return None
    pos = first.end()
    for _ in range(2):
        word = _WORD.search(text, pos, sent.end)
        if word is None or not (word.group().lower() in lex.determiners or word.group().lower() in lex.roles):
            break
        pos = word.end()
    word = _WORD.search(text, pos, sent.end)
    return word.start() if word is not None else None


def _named_in(ent: Entity, words: frozenset[str]) -> bool:
    """Is a person named (first name or surname) in the words of their own statement?"""
    parts = ent.name.split()
    return ent.kind != EntityKind.BODY and len(parts) > 1 and (parts[0] in words or parts[-1] in words)


def _description(src: Source, noun: str, speakers: _Speakers,
                 lex: SourceLexicons) -> tuple[Source, Entity | None]:
    """"the spokesman", "the governor": the last person with that role; "the company":
    the last body named so."""
    words = noun.split()
    head = words[-1] if words else noun
    if head in lex.roles or noun in lex.roles:
        ent = speakers.roles.get(noun) or speakers.roles.get(head)
        if ent is not None and ent.kind != EntityKind.BODY:
            return replace(src, type=SourceType.PERSON, resolved=ent.name, resolution=Resolution.DESCRIPTION,
                           confidence=SURE_DESCRIPTION, antecedent=ent.first,
                           role=src.role or ent.role or noun), ent
    if noun in lex.organization or noun in lex.government or noun in lex.generic_bodies \
            or noun in lex.generic_agencies:
        named = speakers.roles.get(noun)
        if named is not None and named.kind == EntityKind.BODY:  # "The group, WeWorkers Coalition," before
            return replace(src, type=_type_of(named, lex), resolved=named.name, resolution=Resolution.DESCRIPTION,
                           confidence=SURE_DESCRIPTION, antecedent=named.first), named
        for ent in reversed(speakers.bodies):
            name = ent.name.lower()
            if name == f"the {noun}":
                continue
            kind = _type_of(ent, lex)
            if noun in name or (noun in lex.generic_bodies and kind == SourceType.ORGANIZATION) \
                    or (noun in lex.generic_agencies and kind == SourceType.GOVERNMENT):
                return replace(src, type=kind, resolved=ent.name,
                               resolution=Resolution.DESCRIPTION, confidence=SURE_DESCRIPTION,
                               antecedent=ent.first), ent
    if src.type in _NAMED:
        return replace(src, resolution=Resolution.NAMED, confidence=SURE_NAMED), None  # a body named in its sentence
    return replace(src, resolution=Resolution.UNRESOLVED, confidence=SURE_UNRESOLVED), None
