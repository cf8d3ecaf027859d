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


def test_common_words_are_answered_alike_before_and_after_they_are_listed():
    # Entities.common() searches the text for an article's first questions and lists its
    # lowercase words once many are asked; both ways must give the same answers.
    from attrib.extract import entities as ent
    from attrib.text import Layout

    text = ("The stone pier, well-known to skippers, was sold. Stone said the harbour's "
            "new owner O'Neil would keep it open; the owner's plan is cost-cutting. ") * 3
    words = sorted({w.strip(".,;") for w in text.split()} | {"known", "harbour", "neil", "ferry", "wharf", "yacht", "zinc"})
    scan = ent.Entities(Layout(text), attrib.Checker().extractor.names)
    answers = [scan.common(w) for w in words]  # more than _LISTED_AFTER questions
    assert len(words) > ent._LISTED_AFTER and scan._lower_words is not None
    expected = [ent._LOWER_WORD.fullmatch(w.lower()) is not None and ent._written(text, w.lower()) for w in words]
    assert answers == expected
    assert scan.common("stone") and scan.common("owner") and not scan.common("known")
