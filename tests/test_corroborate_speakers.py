"""The speaker check on hand-built Sources (resolution, confidence, antecedent as the
attribution engine would fill them), and the candidate index against a brute-force
search."""

from __future__ import annotations

import random

import numpy as np
import pytest

from attrib import (
    Article,
    Checker,
    Kind,
    Resolution,
    Source,
    SourceType,
    Span,
    SpeakerGap,
    SpeakerVerdict,
    Statement,
)
from attrib.corroborate.documents import CoverageDoc
from attrib.corroborate.index import Index, candidates
from attrib.corroborate.match import corroborate
from attrib.corroborate.speakers import compare, establish
from attrib.corroborate.tokens import Words

CHECKER = Checker()
LEX = CHECKER.match_lexicons


def said(text: str, source: str, *, type=SourceType.PERSON, resolved: str | None = None,
         resolution=Resolution.NAMED, confidence: float = 1.0, antecedent: Span | None = None,
         role: str | None = None) -> Statement:
    """A statement of ``text`` whose source is the last occurrence of ``source``, in the
    sentence that holds it."""
    at = text.rindex(source)
    start = text.rfind(". ", 0, at) + 2 if ". " in text[:at] else 0
    sentence = Span(start, len(text))
    src = Source(Span(at, at + len(source)), source, type, role, resolved, resolution, confidence, antecedent)
    return Statement("s1", Kind.DIRECT, src, Span(at, at), "said", (Span(start, at),), sentence)


def sentence_of(text: str):
    def at(pos: int) -> str:
        start = text.rfind(". ", 0, pos)
        end = text.find(". ", pos)
        return text[start + 2 if start >= 0 else 0:end + 1 if end >= 0 else len(text)]
    return at


def verdict(ours: Statement | None, ours_text: str, theirs: Statement | None, theirs_text: str):
    return compare(establish(ours, sentence_of(ours_text), LEX, article=True),
                   establish(theirs, sentence_of(theirs_text), LEX, article=False))


A = "“The barrier will hold,” said Priya Nandakumar"
B = "“The barrier will hold,” said Marcus Reed"


def test_two_named_people_who_differ_are_a_conflict_with_both_sentences():
    check = verdict(said(A, "Priya Nandakumar"), A, said(B, "Marcus Reed"), B)
    assert check.verdict is SpeakerVerdict.DIFFERENT and check.gaps == ()
    assert check.article.sentence == A and check.other.sentence == B


@pytest.mark.parametrize("confidence,expected", [(0.95, SpeakerVerdict.DIFFERENT),
                                                 (0.6, SpeakerVerdict.NOT_ESTABLISHED)])
def test_an_accusation_needs_confidence(confidence, expected):
    check = verdict(said(A, "Priya Nandakumar"), A, said(B, "Marcus Reed", confidence=confidence), B)
    assert check.verdict is expected
    if expected is SpeakerVerdict.NOT_ESTABLISHED:
        assert check.gaps == (SpeakerGap.OTHER_UNCERTAIN,) and check.other is None


def test_a_pronoun_counts_with_the_sentence_that_names_its_antecedent():
    text = "Marcus Reed voted against the plan. “The barrier will hold,” he said"
    other = said(text, "he", resolved="Marcus Reed", resolution=Resolution.PRONOUN, confidence=0.9,
                 antecedent=Span(0, 11))
    check = verdict(said(A, "Priya Nandakumar"), A, other, text)
    assert check.verdict is SpeakerVerdict.DIFFERENT
    assert check.other.sentence == "Marcus Reed voted against the plan." and check.other.name == "Marcus Reed"


@pytest.mark.parametrize("source,resolved,resolution,antecedent,gap", [
    ("he", "Marcus Reed", Resolution.PRONOUN, None, SpeakerGap.OTHER_UNCERTAIN),  # no antecedent given
    ("he", "Marcus Reed", Resolution.NAMED, None, SpeakerGap.OTHER_UNCERTAIN),  # "named" but no name written
    ("he", None, Resolution.UNRESOLVED, None, SpeakerGap.OTHER_UNNAMED),
    ("officials", None, Resolution.UNNAMED, None, SpeakerGap.OTHER_UNNAMED),
])
def test_what_is_not_established_says_why(source, resolved, resolution, antecedent, gap):
    text = f"“The barrier will hold,” {source} said"
    type_ = SourceType.VAGUE if source == "officials" else SourceType.PERSON
    other = said(text, source, type=type_, resolved=resolved, resolution=resolution, antecedent=antecedent)
    check = verdict(said(A, "Priya Nandakumar"), A, other, text)
    assert check.verdict is SpeakerVerdict.NOT_ESTABLISHED and check.gaps == (gap,)


def test_the_other_outlet_giving_the_words_to_no_one():
    check = verdict(said(A, "Priya Nandakumar"), A, None, "The barrier will hold.")
    assert check.gaps == (SpeakerGap.OTHER_UNATTRIBUTED,)


@pytest.mark.parametrize("ours,theirs,expected", [
    ("Priya Nandakumar", "Nandakumar", SpeakerVerdict.SAME),  # a surname and the full name
    ("Mayor Elena Brandt", "Elena Brandt", SpeakerVerdict.SAME),  # title variants
    ("Mayor Brandt", "Elena Brandt", SpeakerVerdict.SAME),
    ("Tomas Reyes", "Maria Reyes", SpeakerVerdict.DIFFERENT),
    ("Reyes", "Varga", SpeakerVerdict.NOT_ESTABLISHED),  # surnames alone may be anyone's
])
def test_names(ours, theirs, expected):
    a = f"“The barrier will hold,” said {ours}"
    b = f"“The barrier will hold,” said {theirs}"
    assert verdict(said(a, ours), a, said(b, theirs), b).verdict is expected


def test_a_body_and_its_spokesperson_are_one_side():
    a = "“We will pay our share,” the regional water authority said"
    b = "“We will pay our share,” said Jonas Feld, the water authority's spokesman"
    ours = said(a, "the regional water authority", type=SourceType.GOVERNMENT)
    spokesman = said(b, "Jonas Feld", role="the water authority's spokesman")
    assert verdict(ours, a, spokesman, b).verdict is SpeakerVerdict.SAME
    stranger = said(b.replace("the water authority's spokesman", "a local farmer"), "Jonas Feld",
                    role="a local farmer")
    check = verdict(ours, a, stranger, b)
    assert check.verdict is SpeakerVerdict.NOT_ESTABLISHED and check.gaps == (SpeakerGap.PERSON_AND_BODY,)


@pytest.mark.parametrize("ours,theirs,expected", [
    ("the Interior Ministry", "the Defence Ministry", SpeakerVerdict.DIFFERENT),
    ("the Ministry of Defence", "the Defence Ministry", SpeakerVerdict.SAME),
    ("the Pentagon", "the Defense Department", SpeakerVerdict.NOT_ESTABLISHED),
])
def test_bodies(ours, theirs, expected):
    a = f"“Troops will stay,” {ours} said"
    b = f"“Troops will stay,” {theirs} said"
    check = verdict(said(a, ours, type=SourceType.GOVERNMENT), a, said(b, theirs, type=SourceType.GOVERNMENT), b)
    assert check.verdict is expected


@pytest.mark.parametrize("theirs,type_", [("Reuters", SourceType.NEWS_AGENCY),
                                          ("Alex Horton of the Washington Post", SourceType.PERSON)])
def test_a_relay_is_never_a_conflict(theirs, type_):
    b = f"“The barrier will hold,” said {theirs}"
    check = verdict(said(A, "Priya Nandakumar"), A, said(b, theirs, type=type_), b)
    assert check.verdict is SpeakerVerdict.NOT_ESTABLISHED and check.gaps == (SpeakerGap.RELAYED,)


def test_the_match_uses_what_read_returns_around_the_passage():
    """corroborate() hands the check whatever the attribution engine returns for the
    paragraphs around a passage; here a stand-in engine gives hand-built Sources."""
    quote = "The barrier will protect four thousand homes for the next fifty years"
    text = f"“{quote},” said Priya Nandakumar."
    st = said(text, "Priya Nandakumar")
    st = Statement("s1", Kind.DIRECT, st.source, st.cue, "said", (Span(1, 1 + len(quote)),), st.sentence)
    page = f"Councillors met on Tuesday.\n\n“{quote},” said Marcus Reed."
    seen: list[str] = []

    def read(region: str, confidence: float = 1.0) -> tuple[Statement, ...]:
        seen.append(region)
        at = region.index("“") + 1
        other = said(region, "Marcus Reed", confidence=confidence)
        return (Statement("s1", Kind.DIRECT, other.source, other.cue, "said", (Span(at, at + len(quote)),),
                          other.sentence),)

    doc = CoverageDoc("https://herald.example/a", "herald.example", page)
    (c,) = corroborate(Article(text), (st,), [doc], LEX, read)
    (e,) = c.evidence
    assert e.same_speaker is False and c.speaker_conflicts == (e,)
    assert seen == [page]  # the passage's paragraph and the one before it, read once
    (c,) = corroborate(Article(text), (st,), [doc], LEX, lambda region: read(region, 0.5))
    assert c.evidence[0].same_speaker is None and not c.speaker_conflicts


def brute_force(queries: list[list[str]], index: Index, share: float) -> set[tuple[int, int, int]]:
    """Every window scored against every query."""
    inverse = {i: w for w, i in index.vocab.items()}
    out = {}
    for n, query in enumerate(queries):
        stems = set(query)
        total = sum(float(index.weight[index.vocab[w]]) if w in index.vocab else index.unseen for w in stems)
        for a in range(len(index.spans)):
            if not index.window_start[a]:
                continue
            last = a + 1 if index.pairs_next[a] else a
            held = {inverse[int(i)] for i in index.ids[index.ptr[a]:index.ptr[last + 1]]}
            score = sum(float(index.weight[index.vocab[w]]) for w in stems & held)
            d = int(index.doc[a])
            if score >= share * total - 1e-9 and score > out.get((n, d), (-1.0, 0))[0]:
                out[(n, d)] = (score, a)
    return {(n, d, index.spans[a].start) for (n, d), (_, a) in out.items()}


def test_the_index_finds_what_a_brute_force_search_finds():
    rng = random.Random(3)
    vocab = [f"w{i}x" for i in range(300)]
    weights = [1 / (i + 5) for i in range(300)]
    texts = []
    for _ in range(12):
        sentences = [" ".join(rng.choices(vocab, weights, k=rng.randint(4, 12))).capitalize() + "."
                     for _ in range(rng.randint(1, 9))]
        texts.append(" ".join(sentences))
    words = Words(LEX)
    index = Index(texts, words, LEX.abbreviations)
    queries = [words.stems(" ".join(rng.choices(vocab, weights, k=rng.randint(3, 9)))) for _ in range(60)]
    queries += [words.stems(texts[3].split(".")[0])]
    found = {(c.statement, c.doc, c.window.start) for c in candidates(queries, index)}
    expected = brute_force(queries, index, 0.5)
    assert expected <= found  # nothing that qualifies is missed
    assert len(expected) > 20
    assert np.all(index.weight > 0)
