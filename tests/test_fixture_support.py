"""The fixture checker itself: it must pass a right statement and catch wrong ones, so a
green fixture test means something."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from attrib.model import Kind, Relay, Source, SourceType, Span, Statement
from support_fixtures import (
    FixtureError,
    check_absent,
    check_expectation,
    check_invariants,
    check_unexpected,
    load_fixture,
)

TEXT = ('Mayor Ilse Dorn said the bridge would reopen in May, citing engineers.\n\n'
        '"We are nearly there," she told AFP. "Nearly.\n\n"Then we rest."\n\n'
        '(Photo by Ola Berg)\n')

YAML = '''
statements:
  - cue: said
    source: Mayor Ilse Dorn
    type: person
    role: Mayor
    resolved: Ilse Dorn
    kind: indirect
    cites: ["engineers"]
    content: "the bridge would reopen in May"
    content_excludes: ["citing"]
  - cue: told
    source: she
    type: person
    role: Mayor
    resolved: Ilse Dorn
    kind: direct
    via: [{text: AFP, type: news-agency}]
    content: ["We are nearly there", "Then we rest."]
absent:
  - text: "(Photo by Ola Berg)"
    roles: [cue, source, content]
'''


def at(text: str, n: int = 1) -> Span:
    start = -1
    for _ in range(n):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text))


def right() -> tuple[Statement, Statement]:
    s1 = Statement("s1", Kind.INDIRECT,
                   Source(at("Mayor Ilse Dorn"), "Mayor Ilse Dorn", SourceType.PERSON, "Mayor", "Ilse Dorn"),
                   at("said"), "said", (at("the bridge would reopen in May"),),
                   Span(0, 70), (Relay("engineers", at("engineers"), "cites", SourceType.UNKNOWN),))
    inner = Span(TEXT.index("Nearly."), TEXT.index("Then we rest.") + len("Then we rest."))
    s2 = Statement("s2", Kind.DIRECT,
                   Source(at("she"), "she", SourceType.PERSON, "Mayor", "Ilse Dorn"),
                   at("told"), "told", (at("We are nearly there"), inner), Span(72, inner.end),
                   (Relay("AFP", at("AFP"), "via", SourceType.NEWS_AGENCY),))
    return s1, s2


@pytest.fixture
def fx(tmp_path: Path):
    (tmp_path / "mini.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "mini.expected.yaml").write_text(YAML, encoding="utf-8")
    return load_fixture("mini", tmp_path)


def test_right_statements_pass(fx) -> None:
    found = right()
    for exp in fx.statements:
        assert check_expectation(exp, found, TEXT) == []
    assert check_absent(fx, found) == []
    assert check_unexpected(fx, found) == []
    assert check_invariants("mini", found, TEXT) == []


@pytest.mark.parametrize(("change", "word"), [
    (lambda s: replace(s, source=replace(s.source, text="Ilse", span=at("Ilse"))), "source"),
    (lambda s: replace(s, source=replace(s.source, type=SourceType.ORGANIZATION)), "type"),
    (lambda s: replace(s, source=replace(s.source, role=None)), "role"),
    (lambda s: replace(s, source=replace(s.source, resolved=None)), "resolved"),
    (lambda s: replace(s, kind=Kind.MIXED), "kind"),
    (lambda s: replace(s, via=()), "cites"),
    (lambda s: replace(s, content=(Span(at("the bridge").start, at("engineers").end),)), "citing"),
    (lambda s: replace(s, content=(at("the bridge"),)), "content lacks"),
])
def test_each_wrong_field_is_reported(fx, change, word) -> None:
    s1, s2 = right()
    problems = check_expectation(fx.statements[0], (change(s1), s2), TEXT)
    assert any(word in p for p in problems), problems
    assert problems[0].startswith("mini expectation #1")


def test_a_missing_statement_is_reported(fx) -> None:
    problems = check_expectation(fx.statements[1], right()[:1], TEXT)
    assert "no statement has a cue covering it" in problems[0]


def test_relay_type_is_checked(fx) -> None:
    s1, s2 = right()
    s2 = replace(s2, via=(Relay("AFP", at("AFP"), "via", SourceType.PERSON),))
    assert any("expected type news-agency" in p for p in check_expectation(fx.statements[1], (s1, s2), TEXT))


def test_absent_unexpected_and_runaway_content_are_reported(fx) -> None:
    s1, s2 = right()
    credit = at("(Photo by Ola Berg)")
    bogus = Statement("s3", Kind.INDIRECT, Source(at("Ola Berg"), "Ola Berg", SourceType.PERSON),
                      at("by"), "by", (at("Photo"),), credit)
    assert check_absent(fx, (s1, s2, bogus))
    assert check_unexpected(fx, (s1, s2, bogus))
    runaway = replace(s2, content=(Span(TEXT.index("Nearly."), credit.end),))
    assert any("runs over 3 paragraphs" in p for p in check_invariants("mini", (runaway,), TEXT))
    swallowed = replace(s2, content=(Span(at("she").start, at("AFP").end),))
    assert any("overlaps the cue" in p for p in check_invariants("mini", (swallowed,), TEXT))


def test_expectation_file_mistakes_are_fixture_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text(TEXT, encoding="utf-8")
    for broken, message in [(YAML.replace("the bridge would reopen", "the bridge will reopen"), "does not occur"),
                            (YAML.replace("kind: direct", "kind: quoted"), "kind"),
                            (YAML.replace("  - cue: told", "  - cue: told\n    occurrence: 3"), "occurs 1 time"),
                            (YAML.replace("    role: Mayor\n", "", 1), "missing keys")]:
        (tmp_path / "bad.expected.yaml").write_text(broken, encoding="utf-8")
        with pytest.raises(FixtureError, match=message):
            load_fixture("bad", tmp_path)
