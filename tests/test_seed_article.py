"""The reference article the product was conceived on (read from ../shared, skipped
where it is absent): every attribution found with the right source, type, role,
resolved pronoun and relay, and nothing that is not one."""

from __future__ import annotations

import pytest

from attrib import Checker, Kind, SourceType, Span

# (cue, occurrence of the cue text in the article, source text, type, role, resolved, kind, via)
EXPECTED = [
    ("says", 0, "The US-backed alliance of militants Syrian Democratic Forces (SDF)",
     SourceType.ORGANIZATION, None, None, Kind.INDIRECT, ()),
    ("said", 0, "SDF spokesman Mostafa Bali", SourceType.PERSON, "SDF spokesman", "Mostafa Bali",
     Kind.DIRECT, ()),
    ("said", 1, "He", SourceType.PERSON, "SDF spokesman", "Mostafa Bali", Kind.INDIRECT, ()),
    ("told", 0, "Omar Alloush", SourceType.PERSON, "a senior official of the Raqqah Civil Council",
     "Omar Alloush", Kind.INDIRECT, ("AFP",)),
    ("said", 2, "He", SourceType.PERSON, "a senior official of the Raqqah Civil Council",
     "Omar Alloush", Kind.MIXED, ()),
    ("said", 3, "Russia’s Defense Ministry", SourceType.GOVERNMENT, None, None, Kind.INDIRECT, ()),
    ("say", 0, "Observers", SourceType.VAGUE, None, None, Kind.INDIRECT, ()),
    ("said", 4, "The so-called Syrian Observatory for Human Rights", SourceType.ORGANIZATION,
     None, None, Kind.INDIRECT, ()),
    ("said", 5, "Nuri Mahmud", SourceType.PERSON, "a spokesman for the militants", "Nuri Mahmud",
     Kind.MIXED, ()),
    ("said", 6, "the Reuters news agency", SourceType.NEWS_AGENCY, None, None, Kind.INDIRECT, ()),
    ("said", 7, "Colonel Ryan Dillon", SourceType.PERSON, "spokesman for the US coalition",
     "Ryan Dillon", Kind.INDIRECT, ()),
    ("added", 0, "Colonel Ryan Dillon", SourceType.PERSON, "spokesman for the US coalition",
     "Ryan Dillon", Kind.DIRECT, ()),
    ("is seen", 0, "many", SourceType.VAGUE, None, None, Kind.INDIRECT, ()),
]


def _nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.index(needle, pos + 1)
        while text[pos + len(needle)].isalpha() or text[pos - 1].isalpha():
            pos = text.index(needle, pos + 1)
    return pos


@pytest.fixture(scope="module")
def statements(seed_text):
    return Checker().extract(seed_text)


@pytest.mark.parametrize("cue,nth,source,stype,role,resolved,kind,via", EXPECTED,
                         ids=[f"{e[0]}#{e[1]}" for e in EXPECTED])
def test_attribution_found(seed_text, statements, cue, nth, source, stype, role, resolved, kind, via):
    at = _nth(seed_text, cue, nth)
    found = [s for s in statements if s.cue.start <= at < s.cue.end]
    assert found, f"no statement with the cue {cue!r} at {at}"
    st = found[0]
    assert st.source.text == source
    assert st.source.type == stype
    assert st.source.role == role
    assert st.source.resolved == resolved
    assert st.kind == kind
    assert tuple(r.text for r in st.via if r.relation == "via") == via


def test_direct_quotes_carry_their_words(seed_text, statements):
    dillon = next(s for s in statements if s.cue_text == "added")
    assert dillon.content_text(seed_text) == ("We may not always fully agree with our partners "
                                              "at times. But we have to respect their solutions.")
    first = next(s for s in statements if s.source.resolved == "Mostafa Bali")
    assert first.content_text(seed_text).startswith("Last night, the final batch of fighters")


def test_two_cues_for_one_source_split_the_content(seed_text, statements):
    said = next(s for s in statements if s.source.text == "Colonel Ryan Dillon" and s.cue_text == "said")
    assert said.content_text(seed_text) == "it was not involved in the evacuation"


def test_nothing_that_is_not_an_attribution(seed_text, statements):
    credit = seed_text.index("(Photo by Reuters)")
    assert not [s for s in statements if s.span.overlaps(Span(credit, credit + 18))]
    cues = {s.cue_text.lower() for s in statements}
    assert "reports" not in cues and "stated" not in cues and "refused" not in cues
    # The well-sourced statements and the vague ones, nothing else invented.
    assert len(statements) <= len(EXPECTED) + 1  # "as it declared a caliphate" is a speech act too
