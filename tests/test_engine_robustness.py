"""Text the engine meets in the wild never makes it crash."""

from __future__ import annotations

import random

import attrib

CHECKER = attrib.Checker()


def test_a_cue_broken_over_a_line_is_not_read_across_the_break():
    text = ("The port will reopen on Friday, according\nto the harbour authority.\n"
            "The stoppage is\nseen by many as a warning.\n"
            "The ferries will run again next week, the mayor said.\n")
    statements = CHECKER.extract(text)
    assert [st.cue_text for st in statements] == ["said"]  # the one cue on a single line
    assert all("\n" not in st.cue_text for st in statements)


def test_unicode_case_folding_does_not_break_the_cue_lookup():
    # "ſ" and "İ" fold to "s" and "i" only under Unicode case folding: not our cue words,
    # and they must not derail the cue that follows.
    text = "The minister ſaid the road would open. The mayor SAİD it would not. The council said it agreed.\n"
    statements = CHECKER.extract(text)
    assert [(st.source.text, st.cue_text) for st in statements] == [("The council", "said")]


def test_random_punctuation_and_marks_never_crash_the_engine():
    rng = random.Random(11)
    pieces = ["said", "told", "according to", '"', "“", "”", "''", ",", ".", "\n", "\n\n",
              "He", "the minister", "is seen by many as", ":", "—", "(", ")", "citing", "who"]
    found = 0
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        for st in CHECKER.extract(text):
            found += 1
            assert 0 <= st.cue.start < st.cue.end <= len(text)
            for span in st.content:
                assert 0 <= span.start <= span.end <= len(text)
    assert found > 50  # the checks above really ran
