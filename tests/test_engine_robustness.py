"""Text the engine meets in the wild never makes it crash."""

from __future__ import annotations

import random

from attrib.extract import extract
from attrib.model import Article


def test_a_cue_broken_over_a_line_is_not_read_across_the_break():
    text = ("The port will reopen on Friday, according\nto the harbour authority.\n"
            "The stoppage is\nseen by many as a warning.\n")
    statements = extract(Article(text))
    for st in statements:
        assert "\n" not in st.cue_text


def test_unicode_case_folding_does_not_break_the_cue_lookup():
    text = "The minister ſaid the road would open. The mayor SAİD it would not.\n"
    extract(Article(text))  # must not raise


def test_random_punctuation_and_marks_never_crash_the_engine():
    rng = random.Random(11)
    pieces = ["said", "told", "according to", '"', "“", "”", "''", ",", ".", "\n", "\n\n",
              "He", "the minister", "is seen by many as", ":", "—", "(", ")", "citing", "who"]
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        for st in extract(Article(text)):
            assert 0 <= st.cue.start < st.cue.end <= len(text)
            for span in st.content:
                assert 0 <= span.start <= span.end <= len(text)
