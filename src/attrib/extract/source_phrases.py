"""Finding the source phrase: clause boundaries, appositives, subjects and the guards
that tell a cue word used as a verb of saying from the same word used otherwise."""

from __future__ import annotations

import re

from ..model import Span, Statement
from .cues import CueHit
from .reading import Reading
from .words import Word, span_of, strip_edges, word, words

# "ORLANDO, Fla. (Reuters) - " opening a story
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{2,40}(?:[A-Z][a-z]{1,4}\.\s*)?(?:\([^)]{1,30}\))?\s*[-–—]+\s+")
_AGE = re.compile(r",\s*\d{1,3}\s*$")
_OPENING_MARKS = " \t\"“‘'([—–-*•"
_CLAUSE_ENDS = ";:,—–-(\"“”"
# lowercase words that end no noun phrase, beyond the lexicons' determiners, links and
# adverbs: a pronoun after them opens no relative clause ("if he", "because they")
_NOT_NOUNS = frozenset(["all", "both", "half", "even", "only", "just", "if", "when", "while", "as", "because",
                        "than", "so", "but", "yet", "once", "until", "unless", "whether", "where", "how", "why",
                        "what", "who", "whom", "which", "that", "this", "these", "those", "said", "says", "say",
                        "told", "tells", "then", "now", "also", "still", "here", "there", "like", "unlike",
                        "across", "around", "among", "amid", "between", "behind", "beyond", "through",
                        "throughout", "toward", "towards", "under", "within", "without", "into", "onto",
                        "upon", "near", "inside", "outside", "along", "despite", "per", "via", "versus",
                        "above", "below", "off", "out", "up", "down", "over", "after", "before", "during",
                        "since", "past", "done", "made", "seen", "taken", "given", "known", "shown"])
_OBJECT_ENDS = frozenset(["that", "to", "which", "who", "saying", "arguing", "calling", "and", "but", "as"])
_RELATIVES = frozenset(["who", "which", "that", "whom", "whose"])
# a single lowercase word and a stop after a naming verb: "a small molecule called succinate,"
_ONE_WORD_NAME = re.compile(r"\s+[a-z][\w-]*\s*[,.;:)]")
# an object pronoun and a name that ends the clause: "called him Mike."
_NICKNAME = re.compile(r"\s+(?:him|her|them|me|us)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s*[,.;:)]")
# a participle that opens an aside: ", alarmed that ...,", ", angered by ...,"
_PARTICIPLE_ASIDE = re.compile(r"[a-z]+ed\s+(?:that|by|at|about|over|with)\b")
# "and " right before a source, or "and his wife " before a name the role was cut from
_AND_BEFORE = re.compile(r"(?:(?<=\s)|^)(?P<and>and)\s+(?:(?:his|her|their)\s+[a-z]+\s+)?$")
# what makes "a poorly described article" a noun phrase (not "Both privately admitted")
_ARTICLES = frozenset(["a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their",
                       "our", "my", "your"])
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten"])


class SourcePhrases(Reading):
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
        if not group.not_before and not group.only_before and not group.not_object:
            return False
        nxt = self.words(hit.span.end, min(sent.end, hit.span.end + 60))
        if group.not_object and self.names_object(nxt, group.not_object):
            return True
        following = nxt[0].lower if nxt else ""
        if "#number" in group.not_before and following[:1].isdigit():
            return True  # "the Nasdaq added 20.72 points"
        day = next((w for w in nxt[1:3] if w.text != "."), None)
        if "#date" in group.not_before and following.rstrip(".") in self.e.months \
                and day is not None and day.text[:1].isdigit():
            return True  # "Correction added Nov. 18, 2019:", not "added April sales were strong"
        if "#participle" in group.not_before and following == "," and len(nxt) > 1 \
                and nxt[1].text.islower() and nxt[1].lower.endswith("ing") \
                and not self.quoted_before(sent, hit.span.start):
            return True  # "the fires continued, showing that ...", not '"...," he continued, saying'
        if len(nxt) > 1 and f"{following} {nxt[1].lower}" in group.not_before:
            return True  # a pair of words: "held that day"
        if following == "that" and group.only_before == frozenset(["that"]) and not self.any_verb(nxt[1:7]):
            return True  # "held that job for a decade": no clause after "that"
        if following in group.not_before and following in self.e.prepositions \
                and any(w.lower == "that" for w in nxt[2:8]) and self.any_verb(nxt[3:12]):
            return False  # a time or place, then the clause: "believed in March that ..."
        return following in group.not_before or (bool(group.only_before) and following not in group.only_before)

    def quoted_before(self, sent: Span, pos: int) -> bool:
        """Does a quotation open in the sentence before ``pos``?"""
        quote = self.layout.next_quote(sent.start)
        return quote is not None and quote.span.start < pos

    def gives_a_name(self, hit: CueHit, left: Span, sent: Span) -> bool:
        """``a group called Black Votes Matter``, ``a poem called "Winter Station"``: a
        naming participle right after an indefinite noun phrase, before a name or a
        quotation, names a thing (rules/lexicons/naming-verbs.yaml)."""
        if hit.form not in self.e.naming_verbs:
            return False
        if _NICKNAME.match(self.text, hit.span.end, sent.end + 1):
            return True  # "Everyone called him Mike.": a name given to a person, nothing said
        nxt = self.text[hit.span.end:min(sent.end, hit.span.end + 3)].lstrip()
        one_word = _ONE_WORD_NAME.match(self.text, hit.span.end, sent.end)  # "a molecule called succinate,"
        if not nxt or not (nxt[0].isupper() or nxt[0] in "\"“‘'" or one_word):
            return False
        ws = self.words(left.start, left.end)
        for k in range(len(ws) - 1, -1, -1):
            low = ws[k].lower
            if low in ("a", "an", "another"):
                return k < len(ws) - 1 and not any(self.is_verb(w) for w in ws[k + 1:])
            if low in self.e.lex.determiners or low in self.e.lex.pronouns or low in self.e.possessives:
                return False
        return False

    def names_object(self, ws: list[Word], nouns: frozenset[str]) -> bool:
        """Is the noun phrase right after a cue headed by one of ``nouns`` ("wrote his
        first novel", "wrote hundreds of songs")? It ends at punctuation, a preposition
        other than "of", or a word that opens a clause; a noun with a verb after it is the
        subject of a clause ("denied the vaccine was unsafe"), no object."""
        for k, w in enumerate(ws[:8]):
            low = w.lower
            if low in nouns:
                return not self.verb_follows(ws[k + 1:k + 9])  # "found cash payments to poor families cut ..."
            if not w.text[0].isalnum() or low in _OBJECT_ENDS or (low != "of" and low in self.e.prepositions):
                return False
        return False

    def verb_follows(self, ws: list[Word]) -> bool:
        """Does a verb come next, before a word that opens a clause or a mark ("the body
        showed ...": the noun opens a clause; "the body and left", "police when the boat
        went missing": it does not)?"""
        for k, w in enumerate(ws):
            if w.lower in self.e.openers or not w.text[0].isalnum():
                return False
            if w.lower in self.e.finite or (k < 3 and self.is_verb(w)):
                return True  # a past form further on modifies a noun: "a memoir ... entitled"
        return False

    def in_set_phrase(self, hit: CueHit, sent: Span) -> bool:
        """Is the cue inside a set phrase that opens its clause ("That said, ...",
        "Needless to say, ..."; rules/lexicons/set-phrases.yaml)?"""
        if self.text.find(",", hit.span.end, hit.span.end + 12) < 0:
            return False  # every set phrase ends in a comma a word or two after its cue
        lo = max(sent.start, hit.span.start - 30)
        for m in self.e.set_phrase.finditer(self.text, lo, min(sent.end, hit.span.end + 12)):
            if m.start() <= hit.span.start and hit.span.end <= m.end():
                before = self.text[sent.start:m.start()].split()
                if before and before[-1].lower() in ("and", "but", "yet", "so"):
                    before.pop()  # "But that said, ..."
                head = " ".join(before).strip(_OPENING_MARKS)
                return not head or head[-1] in _CLAUSE_ENDS
        return False

    def is_noun(self, lo: int, cue_start: int) -> bool:
        """A cue form used as a noun or adjective: "several reports", "Washington's stated goals"."""
        prev = self.words(max(lo, cue_start - 30), cue_start)
        if not prev:
            return False
        last = prev[-1].lower
        if last in self.e.lex.quantifiers:  # "several reports" is a noun, "many say" is not
            return self.text[cue_start:cue_start + 30].split(None, 1)[0].lower().endswith("s")
        if last == "to" and len(prev) > 1:
            k = len(prev) - 2
            while k > 0 and prev[k].lower in self.e.time:
                k -= 1  # "turned to Twitter last month to describe"
            if prev[k].lower in self.e.catenatives:
                return False  # "tried to suggest", "took to Twitter to say" read as the verb
        if last[:1].isdigit():
            return True  # "271 pledged delegates"
        if last == "as" and len(prev) > 1 and prev[-2].lower == "such":
            return True  # "such as suggesting a lane change": a gerund ("quoted as saying" stays)
        if last.endswith("ly") and last not in self.e.ly_nouns and len(prev) > 1 \
                and prev[-2].lower in _ARTICLES \
                and self.text[cue_start:cue_start + 30].split(None, 1)[0].lower().endswith("ed"):
            return True  # "a poorly described article", "the widely reported claim"
        return last in self.e.cue_blockers or (last.endswith(("’s", "'s")) and len(last) > 2)

    def adjective_use(self, hit: CueHit, sent: Span) -> bool:
        """A participle opening its clause and followed by a noun is an adjective:
        "Newly revealed emails show", "..., accused sex trafficker Jeffrey Epstein";
        "..., added Smith" (a name follows) stays an inverted cue."""
        first = hit.form.split()[0]
        if not first.endswith("ed"):
            return False
        head = self.text[self.clause_start(sent.start, hit.span.start):hit.span.start]
        before = words(head, 0, len(head))
        # right after a past-tense verb: "questioned accused sex trafficker ..." ("had said" is no such)
        after_verb = bool(before) and before[-1].text.islower() and before[-1].lower.endswith("ed") \
            and before[-1].lower not in self.e.aux and before[-1].lower not in self.e.finite
        if not after_verb and any(not (w.lower.endswith("ly") or not w.text[0].isalnum()) for w in before):
            return False
        nxt = self.words(hit.span.end, min(sent.end, hit.span.end + 30))
        return bool(nxt) and nxt[0].text.isalpha() and nxt[0].text.islower() \
            and nxt[0].lower not in self.e.lex.determiners and nxt[0].lower not in self.e.lex.pronouns \
            and nxt[0].lower not in ("that", "to", "by", "in", "on", "at", "as", "for", "with")

    def passive_use(self, hit: CueHit, sent: Span) -> bool:
        """Is a participle cue used in the passive ("were revealed", "has been reported",
        "was quickly confirmed")? Only a form of "be" right before it (adverbs between)
        makes it so; "is saying" is a progressive."""
        if hit.form.split()[0].endswith("ing"):
            return False
        for w in reversed(self.words(max(sent.start, hit.span.start - 40), hit.span.start)):
            if w.lower in _BE or w.lower.removesuffix("n't").removesuffix("n’t") in _BE:
                return True  # "were revealed", "isn't expected until next year"
            if not (w.lower.endswith("ly") or w.lower in ("also", "not", "never", "since", "now", "then")):
                return False
        return False

    def coordinated(self, left: Span, sent: Span) -> Span:
        """``Volker and Morrison said``, ``the singer and guitarist told``: a short noun
        phrase joined by "and" belongs to the source (a clause joined so does not)."""
        text = self.text
        joint = _AND_BEFORE.search(text, max(sent.start, left.start - 40), left.start)
        if joint is None or text[max(sent.start, joint.start() - 1):joint.start()] == ",":
            return left  # ", and": a clause joined, not a noun phrase
        and_at = joint.start("and")
        lo = self.clause_start(sent.start, and_at)
        head = self.trim_source(lo, and_at)
        if head is None or self.is_clause(head):
            return left
        ws = self.words(head.start, head.end)
        # "The Lancet Commission on pollution and health": "and" inside a body's complement
        if len(ws) > (7 if any(w.lower in ("of", "on", "for") for w in ws[1:]) else 4):
            return left
        first = head.of(text).split(None, 1)[0]
        if not (first[:1].isupper() or first.lower() in self.e.lex.determiners
                or first.lower() in self.e.clause_subjects):
            return left  # "Volker and", "the singer and", "he and his wife Kali"
        return Span(head.start, left.end)

    def verb_before_relative(self, phrase: Span) -> bool:
        """``Howitt found that they had ...``: a verb right before the phrase's first
        relative word makes it a clause, not a noun with a relative clause ("An official
        who spoke", "a blog post that said")."""
        ws = self.words(phrase.start, phrase.end)
        k = next((n for n, w in enumerate(ws) if w.lower in _RELATIVES), 0)
        if k == 0 or (k > 1 and ws[k - 2].lower in self.e.lex.determiners):
            return False  # "the accused who appeared": a noun
        w = ws[k - 1]
        # not "familiar with the plans who": a plural noun that is also a verb form
        return w.text.islower() and ((w.lower in self.e.finite and not w.lower.endswith("s"))
                                     or (w.lower.endswith("ed") and len(w.lower) > 3))

    def restrictive(self, left: Span) -> bool:
        """Is ``left`` the inside of a relative clause with no comma before it ("Villagers
        who stayed behind accused")? Then the source is the noun with its clause."""
        before = self.text[max(0, left.start - 12):left.start].rstrip().lower()
        return before.endswith((" who", " which", " whom")) and not before[:-5].rstrip().endswith(",")

    def is_clause(self, span: Span) -> bool:
        ws = self.words(span.start, span.end)
        return any(w.lower in self.e.verb_markers for w in ws[1:-1])

    def clause_start(self, lo: int, pos: int, boundary: re.Pattern[str] | None = None) -> int:
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
        ws = [w for w in self.words(lo, hi) if w.text not in ("'", "’")]
        while ws and (ws[-1].lower in self.e.aux or not ws[-1].text[0].isalnum()
                      or ws[-1].lower.endswith(("n’t", "n't"))
                      or (ws[-1].text.islower() and ws[-1].lower.endswith("ly") and len(ws) > 1
                          and ws[-1].lower not in self.e.ly_nouns)):
            if ws[-1].text == ")" and any(w.text == "(" for w in ws):
                break
            ws.pop()
        while len(ws) > 2 and ws[-1].lower == "to" and ws[-2].lower in self.e.catenatives:
            ws = ws[:-2]  # "Mr. Trump continues to insist", "tried to suggest"
            while ws and ws[-1].lower in self.e.aux:
                ws.pop()
        if ws:
            # "He’s said", "They’ve argued": the auxiliary is not part of the source
            last = ws[-1]
            for mark in ("’s", "'s", "’ve", "'ve", "’d", "'d", "’ll", "'ll", "’re", "'re"):
                if last.lower.endswith(mark) and last.lower[: -len(mark)] in self.e.lex.pronouns:
                    ws[-1] = word(last.start, last.end - len(mark), last.text[: -len(mark)])
                    break
        while ws and not ws[0].text[0].isalnum():
            ws.pop(0)
        # "a project its own engineers say": a possessive right after a plain noun opens
        # a new noun phrase, and the source is that one.
        for i in range(len(ws) - 1, 0, -1):
            if ws[i].lower in self.e.possessives and ws[i - 1].text.isalpha() and ws[i - 1].text.islower() \
                    and ws[i - 1].lower not in self.e.lex.determiners and ws[i - 1].lower not in self.e.lex.links:
                ws = ws[i:]
                break
        # "what scientists think", "On Monday he said", "Among those who want": the source
        # is the subject after "what", or a pronoun after an opening phrase
        for i in range(len(ws) - 1):
            if ws[i].lower == "what" or (i and ws[i + 1].lower in self.e.subject_pronouns
                                         and ws[0].lower in self.e.openers_adverbial):
                ws = ws[i + 1:]
                break
        # "Then Trump wondered", "No wonder Trump said": a sentence adverb is no part of it
        while len(ws) > 1 and (ws[0].lower in self.e.source_openers
                               or (len(ws) > 2 and f"{ws[0].lower} {ws[1].lower}" in self.e.source_openers)):
            ws = ws[1:] if ws[0].lower in self.e.source_openers else ws[2:]
        # "Sen. Bernie Sanders on Wednesday morning also called": nor is a time phrase, nor
        # a floating quantifier ("Richards and Menendez both stressed")
        k = len(ws)
        while k > 1 and (ws[k - 1].lower in self.e.time or ws[k - 1].lower in ("both", "all", "each")):
            k -= 1
        if k < len(ws) and any(w.lower not in self.e.time for w in ws[:k]):
            ws = ws[:k]
        elif ws and all(w.lower in self.e.time for w in ws):
            return None  # "last week said": a time, nobody
        if not ws or len(ws) > 20:
            return None
        return span_of(ws)

    def source_like(self, phrase: str, hit: CueHit) -> bool:
        ws = phrase.split()
        if not ws or (len(ws) == 1 and ws[0].lower() in self.e.openers and ws[0].lower() not in _RELATIVES):
            return False  # "As shown off at the show, ...": a clause word, nobody ("who" stands for one)
        first, last = ws[0].lower(), ws[-1].lower()
        lex = self.e.lex
        if first in ("it", "there", "this", "that", "what") and hit.group.cls in ("belief", "evidence", "reaction"):
            return False
        if phrase.lower() in self.e.reader_pronouns and hit.group.cls in ("belief", "intention", "evidence"):
            return False  # "if you want to retire early": the writer's advice to the reader
        if phrase.lower() in self.e.writer_pronouns and hit.group.cls in ("belief", "intention") \
                and not self.layout.in_quotes(hit.span):
            return False  # "I wanted to buy a copy": the writer's own voice
        if phrase.lower() in self.e.no_sources:
            return False  # "No one knew what had become of them": nobody holds the view
        if hit.group.needs is None and len(ws) <= 4:
            return True  # "forecasters say": a speech cue vouches for its subject
        return any(w[:1].isupper() for w in ws) or first in lex.determiners or first in lex.pronouns \
            or first in ("who", "which") or any(w.lower() in lex.roles for w in ws) \
            or last in self.e.group_nouns or last in lex.documents or ws[0][:1].isdigit()

    def is_appositive(self, phrase: str) -> bool:
        ws = phrase.lower().split()
        if not ws or len(ws) > 14:
            return False
        lex = self.e.lex
        return ws[0] in ("a", "an", "the", "its", "his", "her", "their") or ws[0] in lex.roles \
            or any(w in lex.roles for w in ws[:4]) or ws[0].endswith(("’s", "'s"))

    def is_name(self, phrase: str) -> bool:
        ws = phrase.split()
        return 1 <= len(ws) <= 4 and all(w[:1].isupper() for w in ws)

    def phrase_end(self, lo: int, hi: int, stop: tuple[str, ...] = ("that", "who", "on")) -> int:
        """End of a noun phrase after a cue: before a comma, a clause word or the end."""
        for w in self.words(lo, hi):
            if w.text in (",", ";", ":", ".", "(", "—", "–", "\"", "“", "”") or w.text in stop:
                return w.start
        return hi

    def appositive(self, lo: int, cue_start: int) -> tuple[Span | None, str | None, str]:
        """A source set off by commas before its cue. Returns (name, role, aside):

        ``Omar Alloush, a senior official of the Council, told`` (role after the name),
        ``The town's deputy mayor, Lars Quist, said`` (role before it),
        ``Khizr Khan, 66, said`` (an age), ``Critics of the plan, including ..., say``,
        ``A letter to staff, seen by the Weld Herald, says`` (an aside naming a relay),
        ``A spokesman, who asked not to be named, said`` (a relative clause)."""
        text = self.text
        seg = text[lo:cue_start].rstrip()
        while seg and not seg.endswith(",") and seg.rsplit(None, 1)[-1].lower() in self.e.aux:
            seg = seg[:seg.rstrip().rfind(" ")].rstrip() if " " in seg else ""  # ", is urging"
        if not seg.endswith(","):
            return None, None, ""
        body = seg[:-1]
        role, aside = None, ""
        head, _, last = body.rpartition(",")
        last = last.strip()
        if head and (self.e.aside.match(last) or last.lower().startswith(("who ", "which "))
                     or last.partition(" ")[0].lower() in self.e.prepositions
                     or _PARTICIPLE_ASIDE.match(last)):
            # ", seen by the Herald,", ", who ...,", ", in a letter to residents,", ", alarmed
            # that the ministry ...,": an aside
            aside, body = last, head
            head, _, last = body.rpartition(",")
            last = last.strip()
        if head and self.is_appositive(last):
            role, body = last, head
            last_piece = strip_edges(text, lo + len(body.rpartition(",")[0]) + 1, lo + len(body))
            if last_piece and not self.is_name(last_piece.of(text)):
                # "Kurinji Selvaraj, an analyst at the Council on Energy, Environment and
                # Water, a think tank, told": the name before a role whose words hold commas
                named = self.name_before_role(lo, last_piece)
                if named is not None:
                    return named[0], named[1], aside
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
        found = self.trim_source(self.clause_start(lo, name_end), name_end)
        if found is None or not found.of(text)[:1].isupper():
            return None, None, ""
        return found, role, aside

    def name_before_role(self, lo: int, left: Span) -> tuple[Span, str] | None:
        """``Kurinji Selvaraj, an analyst at the Council on Energy, Environment and Water
        think tank told``: the phrase before the cue ends a role whose words hold commas;
        the source is the name before the role. Returns (name, role)."""
        text = self.text
        pieces = text[lo:left.start].split(",")
        if len(pieces) < 3 or pieces[-1].strip():
            return None
        for k in range(len(pieces) - 2, max(0, len(pieces) - 5), -1):
            name, role = pieces[k - 1].strip(" \t\n\"“”'"), pieces[k].strip()
            if self.any_verb(self.words(lo + len(",".join(pieces[:k + 1])), left.start)):
                break  # "When Ines Ortiz, a skipper, arrived, the council said": a clause of its own
            if self.is_name(name) and name.split()[0].lower() not in self.e.openers and self.is_appositive(role):
                end = lo + len(",".join(pieces[:k]))  # the comma after the name
                found = self.trim_source(self.clause_start(lo, end), end)
                if found is not None and self.is_name(found.of(text)):
                    return found, text[end + 1:left.end].strip().rstrip(",").rstrip()
        return None

    def main_subject(self, sent: Span) -> Span | None:
        """The noun phrase opening a sentence: capitalised words, a determiner and up to
        two words after it ("The spokesman", "Several Democrats", "Clinton")."""
        text, lex = self.text, self.e.lex
        start = sent.start
        dateline = _DATELINE.match(text, start, sent.end)
        if dateline:
            start = dateline.end()
        ws = self.words(start, min(sent.end, start + 300))
        while ws and not ws[0].text[0].isalnum():
            ws = ws[1:]
        first_comma = next((i for i, w in enumerate(ws[:9]) if w.text in (",", "–", "—")), None)
        if first_comma is not None and ws and (
                ws[0].lower in self.e.openers_adverbial or ws[0].lower.endswith(("ing", "ly"))
                or (any(w.lower in self.e.time and w.lower not in ("the", "in", "at", "on") for w in ws[:first_comma])
                    and not any(self.is_verb(w) for w in ws[:first_comma]))):
            ws = ws[first_comma + 1:]  # "Rallying in Iowa, Clinton ...", "A few minutes later, they ..."
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
                    and w.lower not in self.e.openers_adverbial \
                    and not (taken[-1].lower not in lex.determiners and self.is_verb(w)):
                taken.append(w)  # "The spokesman", "The embattled governor", not "The judge rubbed"
                loose -= 1
            elif taken and taken[-1].text[:1].isupper() and w.text.islower() and self.head_noun(w.lower):
                taken.append(w)  # "A Fox News poll", "Sanders supporters", "Cruz's campaign"
                break
            else:
                break
        while taken and (taken[-1].lower in ("of", "and", "(", "’s", "'s") or taken[-1].lower in lex.determiners):
            taken.pop()
        if not taken or len(taken) > 10 or taken[0].lower in ("it", "there", "this"):
            return None
        return span_of(taken)

    def before_verb(self, left: Span, hit: CueHit) -> Span:
        """``Trump released a new radio ad calling ...``, ``Kejriwal turned to Twitter last
        month to describe ...``: before a participle with no comma, or an infinitive, a verb
        inside the source phrase ends it; the subject is what comes before."""
        if not hit.form.split()[0].endswith("ing") and self.text[max(0, hit.span.start - 4):hit.span.start] != " to ":
            return left
        ws = self.words(left.start, left.end)
        for k in range(1, len(ws)):
            if self.is_verb(ws[k]) and ws[k - 1].lower not in self.e.lex.determiners:
                return span_of(ws[:k]) or left
        return left

    def head_noun(self, low: str) -> bool:
        """A noun that heads a phrase a name modifies: a role, a group, a body, a document."""
        lex = self.e.lex
        singular = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
        return low in lex.roles or singular in lex.roles or low in lex.vague or low in lex.documents \
            or singular in lex.documents or low in lex.organization or low in lex.government

    def relative_subject(self, left: Span) -> Span:
        """``the only regret he voiced``, ``something she opposed``: a subject pronoun
        right before the cue and after a plain noun is the subject of a relative clause
        with no "that"; the source is the pronoun, not the noun phrase it follows."""
        ws = self.words(left.start, left.end)
        if len(ws) < 2 or ws[-1].lower not in self.e.clause_subjects:
            return left
        prev = ws[-2]
        if not (prev.text.isalpha() and prev.text[1:].islower() and self.plain_noun(prev.lower)) \
                or any(w.lower in _RELATIVES for w in ws[:-1]):
            return left  # "analysts who have done the calculations say": the relative's own object
        return Span(ws[-1].start, ws[-1].end)

    def plain_noun(self, low: str) -> bool:
        """Could this lowercase word end a noun phrase (no determiner, link word,
        quantifier, adverb or verb)?"""
        e = self.e
        return low not in e.lex.determiners and low not in e.lex.links and low not in e.lex.quantifiers \
            and low not in e.aux and low not in e.prepositions and low not in e.finite \
            and low not in e.verb_markers and not low.endswith(("ly", "ed")) and low not in _NOT_NOUNS

    def is_verb(self, w: Word) -> bool:
        """A finite verb or a past form in -ed ("rubbed", "sued", "released", "was")."""
        return w.text.islower() and (w.lower in self.e.finite or (w.lower.endswith("ed") and len(w.lower) > 3))

    def any_verb(self, ws: list[Word]) -> bool:
        """Does a verb stand among ``ws``: a finite form, capitalised or not ("Was"), or a
        lowercase past form ("released")?"""
        return any(w.lower in self.e.finite or self.is_verb(w) for w in ws)

    def relative_pronoun(self, lo: int, cue_start: int) -> Span | None:
        """``a young child, who said ...``: the relative pronoun stands as the source."""
        prev = self.words(max(lo, cue_start - 40), cue_start)
        prev = [w for w in prev if w.lower not in self.e.aux]
        if prev and prev[-1].lower in ("who", "which"):
            return Span(prev[-1].start, prev[-1].end)
        return None

    def that_antecedent(self, left: Span) -> Span:
        """``The company published a blog post that said ...``: before a relative "that"
        right before the cue, the source is the noun phrase "that" stands for, back to
        the verb before it."""
        if self.text[max(left.start, left.end - 5):left.end].lower() != " that":
            return left  # the common case, without reading the words
        ws = self.words(left.start, left.end)
        if len(ws) < 3 or not self.plain_noun(ws[-2].lower):
            return left
        for k in range(len(ws) - 2, 0, -1):
            if self.is_verb(ws[k]):
                return span_of(ws[k + 1:-1]) or left
        return left
