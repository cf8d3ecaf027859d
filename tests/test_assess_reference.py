"""The reference article (../shared/corpora/seed) and an invented article of ours with
the same patterns: what must be flagged, and what must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrib import Article, Report, check

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
WEAK = {"vague-source", "anonymous-source", "agentless", "unattributed-claim", "single-source"}


def flagged(report: Report, category: str) -> list[str]:
    return [f.text for f in report.flags if f.category == category]


def has(report: Report, category: str, words: str) -> bool:
    """A flag of the category whose text contains (or, for a sentence, holds) the words."""
    return any(words in text for text in flagged(report, category))


def assert_clean(report: Report, names: tuple[str, ...]) -> None:
    """No sourcing flag on the statements of these well-sourced speakers: none on their
    source or cue, none of a weak-sourcing category on their sentences."""
    text = report.article.text
    mine = [st for st in report.statements if st.source.name in names]
    assert {st.source.name for st in mine} == set(names)
    for st in mine:
        for f in report.flags:
            on_source = st.source.span is not None and f.span.overlaps(st.source.span)
            assert not on_source and not f.span.overlaps(st.cue), (st.id, f)
            assert not (f.category in WEAK and f.span.overlaps(st.sentence)), (st.id, f.span.of(text))


@pytest.fixture(scope="module")
def seed(seed_text) -> Report:
    return check(Article(text=seed_text))


def test_reference_article_flags(seed):
    assert "Observers" in flagged(seed, "vague-source")
    assert has(seed, "agentless", "is seen by many")
    assert {"reportedly", "allegedly"} <= set(flagged(seed, "hedge"))
    assert has(seed, "loaded-label", "so-called")
    assert has(seed, "unattributed-claim", "liberated the strategic eastern city of Mayadin")
    assert has(seed, "unattributed-claim", "SDF has reportedly shelled the positions")
    assert has(seed, "unattributed-claim", "rushed to occupy several fields")


def test_reference_article_well_sourced_statements_are_clean(seed):
    assert_clean(seed, ("Mostafa Bali", "Omar Alloush", "Ryan Dillon"))
    # Omar Alloush came through AFP: a relay, not a weakness.
    alloush = [st for st in seed.statements if st.source.name == "Omar Alloush"]
    assert any(r.text == "AFP" for st in alloush for r in st.via)


def test_reference_article_summary(seed):
    s = seed.summary
    assert 0 <= s.score < 85  # the article has real sourcing problems
    assert {"Mostafa Bali", "Omar Alloush", "Ryan Dillon"} <= set(s.distinct_sources)
    assert dict(s.by_flag_category)["unattributed-claim"] >= 3


def test_own_article_with_the_same_patterns():
    report = check(Article(text=(ARTICLES / "ferry-sale.txt").read_text(encoding="utf-8")))
    # once: three vague-source rules match these words, and one flag stands for them
    assert flagged(report, "vague-source") == ["Observers"]
    # "as managers announced the cuts" names an act, not a view someone holds
    assert "managers" not in flagged(report, "vague-source")
    assert has(report, "agentless", "is seen by many")
    assert {"reportedly", "allegedly"} <= set(flagged(report, "hedge"))
    assert has(report, "loaded-label", "so-called Harbour Defence Committee")
    # An ordinary event in the reporter's voice is reporting, not a contested claim (issue 9);
    # the reference article's "liberated the strategic eastern city" is a conflict act, and is.
    assert not has(report, "unattributed-claim", "Nordlys Lines opened a new terminal")
    # hearsay ("reportedly") is the hedge rules' finding, as the annotated real pages have
    # it; blocking two departures is an act, not an accusation of wrongdoing
    assert not has(report, "unattributed-claim", "the union has reportedly blocked")
    assert has(report, "unattributed-claim", "rushed to occupy the ticket office")
    assert_clean(report, ("Dana Whitlock", "Jonas Eklund", "Mira Holm"))
    # headline and dateline are not prose claims
    assert not [f for f in report.flags if f.span.start < report.article.text.index("The Selden")]


def test_harbour_article():
    report = check(Article(text=(ARTICLES / "harbour-strike.txt").read_text(encoding="utf-8")))
    # once: three vague-source rules match these words, and one flag stands for them
    assert flagged(report, "vague-source") == ["Observers"]
    # "as managers announced the cuts" names an act, not a view someone holds
    assert "managers" not in flagged(report, "vague-source")
    assert has(report, "agentless", "is seen by many")
    assert flagged(report, "hedge") == ["reportedly"]
    anon = [f for f in report.flags if f.category == "anonymous-source"]
    assert len(anon) == 1 and anon[0].severity.value == "info" and "not authorised" in anon[0].message
    assert not has(report, "unattributed-claim", "Photo by")
    assert_clean(report, ("Maria Okafor", "Tomas Reyes", "Ines Varga"))
