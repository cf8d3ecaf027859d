"""The JSON Lines form the reference scorer (eval/score_attributions.py) reads."""

from __future__ import annotations

import json
import re

from ..model import Span, Statement
from ..safety import json_escaped

# ", a spokesman for the ministry," (or between dashes) after a source and before its
# cue, auxiliaries aside; after an inverted cue, the rest of the sentence
_APPOSITIVE_BEFORE = re.compile(
    r"[ \t]*(?:,(?:[^,\"“”\n]{2,160},){1,3}|[ \t]—[^—\"“”\n]{2,160}—)(?=[ \t]*(?:[a-z]+[ \t]+){0,2}$)")
_APPOSITIVE_AFTER = re.compile(r"[ \t]*(?:,|\()[^\"“”\n]{2,200}")
# Where a sentence ends inside the rest after an inverted cue: a quotation opens, or a
# period, not after an initial or a short abbreviation, meets a capital.
_SENTENCE_END = re.compile(r"''|[.!?][ \t]+[\"“'‘]|(?<![\s.][A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})"
                           r"[.!?][ \t]+[A-Z]")
# Words that open a noun phrase set beside a name ("a spokesman", "the party's chairman",
# "one of ..."), or a relative clause: PolNeAR's source spans keep those, and leave out
# ages and what the subject did ("endorsed Sanders on Saturday, saying ...").
_NOUN_PHRASE_OPENERS = frozenset(["a", "an", "the", "his", "her", "its", "their", "our", "my", "one", "another",
                                  "former", "both", "each", "all", "two", "three", "several", "some", "who",
                                  "whose", "which"])
# Lowercase words that open no noun phrase: adverbs and prepositions of an aside.
_NOT_NOUN_PHRASE = frozenset(["that", "also", "like", "via", "about", "over", "later", "now", "then", "who's",
                              "in", "on", "at", "after", "before", "during", "while", "when", "since", "as",
                              "because", "though", "although", "but", "and", "or", "not", "never", "still"])


def _appositive(group: str, role: str | None) -> bool:
    """Is one comma-separated group beside a source an appositive (a noun phrase or a
    relative clause)?"""
    words = group.split()
    if not words:
        return False
    first = words[0]
    low = first.lower()
    if low in _NOUN_PHRASE_OPENERS or low.endswith(("’s", "'s")):
        return True
    if role and group.strip() in role:
        return True  # the engine read it as the source's role ("vice chairwoman for ...")
    if first.islower():  # "director of ...", not "endorsed ...", "speaking ...", "via email"
        return not low.endswith(("ing", "ed")) and low not in _NOT_NOUN_PHRASE
    return first[:1].isupper()


def _groups_end(text: str, start: int, end: int, role: str | None) -> int:
    """The end of the appositives among the comma-separated groups in [start, end)."""
    stop = start
    pos = start
    while pos < end:
        comma = text.find(",", pos + 1, end)
        piece_end = comma if comma >= 0 else end
        group = text[pos:piece_end].lstrip(" \t,(")
        if not _appositive(group, role):
            break
        stop = piece_end + 1 if comma >= 0 else piece_end
        pos = piece_end
    return stop


def source_span(st: Statement, text: str) -> Span | None:
    """The source as corpora such as PolNeAR mark it: the noun phrase with the appositive
    set off by commas beside it ("Huma Abedin, vice chairwoman for Clinton's campaign,
    said"; "said Jack Buser, director for games"), not a relative clause or an age
    ("Ms. Lutz, who spoke on condition of anonymity, said"; "Khizr Khan, 66, said").
    attrib keeps the appositive as the source's role; the scorer's exact match wants it
    inside the span."""
    src = st.source
    if src.span is None:
        return None
    span = src.span
    if span.end <= st.cue.start:
        m = _APPOSITIVE_BEFORE.match(text, span.end, st.cue.start)
        if m:
            if text[span.end:m.end()].lstrip().startswith("—"):
                return Span(span.start, m.end())
            stop = _groups_end(text, span.end, m.end(), src.role)
            if stop > span.end:
                return Span(span.start, stop)
    elif span.start >= st.cue.end:
        end = max(st.sentence.end, span.end)
        later = [c.start for c in st.content if c.start >= span.end]
        if later:
            end = min(end, *later)
        m = _APPOSITIVE_AFTER.match(text, span.end, end)
        if m:
            cut = _SENTENCE_END.search(text, span.end, m.end())
            stop = _groups_end(text, span.end, cut.start() if cut else m.end(), src.role)
            while stop > span.end and text[stop - 1] in " \t.!?,":
                stop -= 1
            if stop > span.end:
                return Span(span.start, stop)
    return span


def scorer_line(doc: str, statements: tuple[Statement, ...], text: str | None = None) -> str:
    """One document's attributions; with the text, sources take their appositives."""
    atts = []
    for st in statements:
        src = source_span(st, text) if text is not None else st.source.span
        atts.append({
            "cue": [st.cue.as_list()],
            "source": [src.as_list()] if src is not None else [],
            "content": [c.as_list() for c in st.content],
        })
    return json_escaped(json.dumps({"doc": doc, "attributions": atts}, ensure_ascii=False))
