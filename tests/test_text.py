"""Sentences and quotations (src/attrib/text): offsets into the unchanged text, the
abbreviations news prose is full of, and quotation marks as they occur in the wild."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from attrib.model import Span
from attrib.rulebook import load_rulebook
from attrib.text import Quote, find_quotes, split_sentences


@pytest.fixture(scope="module")
def abbreviations() -> frozenset[str]:
    return load_rulebook().lexicon("abbreviations")


def sentences(text: str, abbreviations) -> list[str]:
    spans = split_sentences(text, abbreviations)
    for a, b in pairwise(spans):
        assert a.end <= b.start, "sentences overlap or are out of order"
    return [s.of(text) for s in spans]


# -- sentences -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Brant met Dr. Ilse Vogel on Monday. They talked for an hour.",
     ["Mr. Brant met Dr. Ilse Vogel on Monday.", "They talked for an hour."]),
    ("The U.S. envoy and the U.N. team arrived. Talks began at once.",
     ["The U.S. envoy and the U.N. team arrived.", "Talks began at once."]),
    ("The report was written by J. R. Talbot and A. Nkemelu. It runs to 90 pages.",
     ["The report was written by J. R. Talbot and A. Nkemelu.", "It runs to 90 pages."]),
    ("The vote was at 4 p.m. on Friday. Turnout rose 2.5 percent.",
     ["The vote was at 4 p.m. on Friday.", "Turnout rose 2.5 percent."]),
    ("Gov. Hale and Sen. Ortiz spoke. Lt. Col. Barr did not.",
     ["Gov. Hale and Sen. Ortiz spoke.", "Lt. Col. Barr did not."]),
    ('"Why now?" she asked. "Because the money ran out." He shrugged.',
     ['"Why now?" she asked.', '"Because the money ran out."', "He shrugged."]),
    ("“We won.” Then the crowd left! Was it over? Yes.",
     ["“We won.”", "Then the crowd left!", "Was it over?", "Yes."]),
    ("Headline Without a Full Stop\n\nOster, 4 April\n\nThe river rose.",
     ["Headline Without a Full Stop", "Oster, 4 April", "The river rose."]),
    # a short quoted title the sentence goes on after is no sentence end; quoted speech is
    ("The “Fish. Eat it.” campaign did not appeal to Ruth Kell, she said.",
     ["The “Fish. Eat it.” campaign did not appeal to Ruth Kell, she said."]),
    ("“We won. Now we rest,” the mayor said. “We sail. Then we eat,” he said.",
     ["“We won.", "Now we rest,” the mayor said.", "“We sail.", "Then we eat,” he said."]),
], ids=["titles", "U.S.", "initials", "p.m.-decimal", "ranks", "quoted-question", "curly", "lines",
        "quoted-title", "quoted-speech"])
def test_sentences(text: str, expected: list[str], abbreviations) -> None:
    assert sentences(text, abbreviations) == expected


def test_abbreviation_at_the_end_of_a_sentence(abbreviations) -> None:
    """An abbreviation can end a sentence too: what follows decides."""
    text = "The delegation flew to the U.S. The talks start on Monday."
    assert sentences(text, abbreviations) == ["The delegation flew to the U.S.", "The talks start on Monday."]


def test_sentence_spans_keep_offsets_of_the_original_text(abbreviations) -> None:
    text = "  First line here.\r\n\r\nSecond one, with Mr. Ek.   Third.\n"
    spans = split_sentences(text, abbreviations)
    assert [s.of(text) for s in spans] == ["First line here.", "Second one, with Mr. Ek.", "Third."]
    assert spans[0] == Span(2, 18)


def test_no_sentences_in_white_space(abbreviations) -> None:
    assert split_sentences("", abbreviations) == []
    assert split_sentences(" \n\n\t ", abbreviations) == []


# -- quotations ----------------------------------------------------------------------------------

def quoted(text: str) -> list[tuple[str, bool]]:
    """(inner text, closed) of every quotation, after checking each span's invariants."""
    quotes = find_quotes(text)
    for q in quotes:
        assert q.span.contains(q.inner), q
        assert q.span.start >= 0 and q.span.end <= len(text)
        assert text[q.span.start] in "\"“" or text.startswith("''", q.span.start), q
    for a, b in pairwise(quotes):
        assert a.span.end <= b.span.start, "quotes overlap or are out of order"
    return [(q.inner.of(text), q.closed) for q in quotes]


@pytest.mark.parametrize(("text", "expected"), [
    ('He said "we are ready" and left.', [("we are ready", True)]),
    ("He said “we are ready” and left.", [("we are ready", True)]),
    ('“Mixed marks," she said, "still pair up.”', [("Mixed marks,", True), ("still pair up.", True)]),
    ('"We won," she said, "and we will win again."', [("We won,", True), ("and we will win again.", True)]),
    ("“The sign said ‘closed,’ so we left,” he said.", [("The sign said ‘closed,’ so we left,", True)]),
    ('"It\'s the players\' choice," said Orr. The club\'s view differs.',
     [("It's the players' choice,", True)]),
    ("No quotation here at all.", []),
], ids=["straight", "curly", "mixed", "interrupted", "nested-single", "apostrophes", "none"])
def test_quotes(text: str, expected) -> None:
    assert quoted(text) == expected


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = ('"It\'s heartbreaking, said a stallholder.\n\n'
            'The mayor said the council would help. "We will rebuild," he said.\n')
    assert quoted(text) == [("It's heartbreaking, said a stallholder.", False), ("We will rebuild,", True)]


def test_unclosed_quote_at_the_end_of_the_text() -> None:
    assert quoted('Last words: "we never') == [("we never", False)]


def test_quote_continues_over_paragraphs_when_the_mark_reopens() -> None:
    text = ('"Every day costs us money.\n\n'
            '"We urge both sides to return to the table," she said.\n\n'
            'The talks resume on Monday.')
    quotes = find_quotes(text)
    assert len(quotes) == 1 and quotes[0].closed
    inner = quotes[0].inner.of(text)
    assert inner.startswith("Every day costs us money.") and inner.endswith("return to the table,")


def test_quote_over_three_paragraphs_with_curly_marks() -> None:
    text = "“One.\n\n“Two.\n\n“Three,” she said.\n\nAfter."
    assert quoted(text) == [("One.\n\n“Two.\n\n“Three,", True)]


def test_a_new_paragraph_without_a_mark_ends_the_quote() -> None:
    text = '"Never closed here.\n\nA new paragraph with "a quote" in it.'
    assert quoted(text) == [("Never closed here.", False), ("a quote", True)]


def test_a_stray_mark_never_swallows_the_article() -> None:
    paragraphs = [f'Paragraph {n} says "quote {n}" plainly.' for n in range(30)]
    text = 'A stray " mark.\n\n' + "\n\n".join(paragraphs)
    quotes = find_quotes(text)
    assert all("\n" not in q.span.of(text) for q in quotes)
    assert sum(1 for q in quotes if q.inner.of(text).startswith("quote ")) >= 29


def test_any_mix_of_marks_gives_sane_spans() -> None:
    """Never a crash, never overlapping or out-of-range quotations, whatever the marks."""
    rng = random.Random(20240501)
    alphabet = ['"', "“", "”", "‘", "’", "'", " ", " ", "\n", "\n\n", "a", "word", ",", ".", ":", "—"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        quotes = find_quotes(text)
        assert all(isinstance(q, Quote) for q in quotes)
        quoted(text)  # checks the invariants
        for q in quotes:
            for line in q.span.of(text).split("\n")[1:]:
                assert line == "" or line.lstrip()[:1] in "\"“", (text, q)
