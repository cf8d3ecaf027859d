"""The engine's word readers (src/attrib/extract/words.py, entities.common): the cached,
once-per-sentence reading must give exactly what reading the range afresh gives, since
the engine's output may not change with the cache."""

from __future__ import annotations

import random

import pytest

from attrib.extract.entities import Entities
from attrib.extract.words import SentenceWords, words
from attrib.rulebook import load_rulebook
from attrib.text import Layout

TEXT = (
    "Mr. Brant met Sen. Ilse Vogel-Hart on Monday, and the U.S. envoy said: \"We won't wait.\"\n"
    "Ms. Okafor's aide — who asked not to be named — told the Tamsby Echo it's 'far from over.'\n"
    "Gov. Hale, 61, said the plan (a $2.5bn deal) was \"dead\"... Lt. Col. Barr did not reply.\n"
    "A.B. Corp. and St. Paul's Cathedral: well-known names, said Dr. J. R. Talbot.\n"
)


@pytest.fixture(scope="module")
def layout() -> Layout:
    return Layout(TEXT, load_rulebook().lexicon("abbreviations"))


def texts(ws) -> list[str]:
    return [w.text for w in ws]


def test_a_title_keeps_its_period_only_when_the_capital_is_in_range() -> None:
    assert texts(words(TEXT, 0, 9)) == ["Mr.", "Brant"]
    assert texts(words(TEXT, 0, 4)) == ["Mr", "."]  # the capital after it is outside


def test_cached_words_for_the_ranges_the_engine_reads(layout: Layout) -> None:
    cache = SentenceWords(TEXT, layout.sentences, layout.sentence_starts)
    first = layout.sentences[0]
    # the whole sentence, a range ending right after "Mr." and one starting inside a word
    assert texts(cache.words(first.start, first.end)) == texts(words(TEXT, first.start, first.end))
    assert texts(cache.words(0, 4)) == ["Mr", "."]
    assert texts(cache.words(1, 9)) == ["r", ".", "Brant"]
    said = TEXT.index("said")
    assert texts(cache.words(said - 30, said))[-4:] == ["the", "U.S", ".", "envoy"]  # no capital after it
    ilse = TEXT.index("Ilse")
    assert texts(cache.words(ilse - 10, ilse + 4))[-2:] == ["Sen.", "Ilse"]


def test_cached_words_equal_a_fresh_reading_for_any_range(layout: Layout) -> None:
    cache = SentenceWords(TEXT, layout.sentences, layout.sentence_starts)
    rng = random.Random(7)
    for _ in range(3000):
        start = rng.randrange(len(TEXT))
        end = min(len(TEXT), start + rng.randrange(0, 120))
        assert cache.words(start, end) == words(TEXT, start, end), (start, end)


def test_a_range_over_two_sentences_is_read_afresh(layout: Layout) -> None:
    cache = SentenceWords(TEXT, layout.sentences, layout.sentence_starts)
    end = layout.sentences[1].end
    assert cache.words(0, end) == words(TEXT, 0, end)


@pytest.mark.parametrize(("text", "word", "common"), [
    ("Hours later the hours grew long.", "Hours", True),
    ("Hours later it was over.", "Hours", False),
    ("Well, it is a well-known place.", "Well", False),  # only inside a longer word
    ("Well, it went well.", "Well", True),
    ("Sadly, sadly's not a word here; sadly-named.", "Sadly", False),
    ("Over the river, it was over.", "Over", True),
    ("Overseas, the Rover stopped.", "Over", False),
])
def test_a_capitalised_word_is_common_when_written_in_lowercase(text: str, word: str, common: bool) -> None:
    from attrib.checker import Checker

    entities = Entities(Layout(text), Checker().extractor.names)
    assert entities.common(word) is common
