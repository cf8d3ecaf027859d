"""The project's own fixture articles against their expected findings.

Each article in fixtures/articles/ has a NAME.expected.yaml (format: the README there)
written as a careful news editor reads the article. One test per expected statement, so
a failure names the article, the expectation and what the engine found instead; then per
article: the cues that must not be reported, nothing reported that is not an
attribution, and the shape rules every statement keeps.
"""

from __future__ import annotations

from functools import cache

import pytest

import attrib
from attrib import Article, Statement
from support_fixtures import (
    ARTICLES,
    Fixture,
    FixtureError,
    article_names,
    check_absent,
    check_expectation,
    check_invariants,
    check_unexpected,
    load_fixture,
)

NAMES = article_names()
CHECKER = attrib.Checker()


@cache
def fixture(name: str) -> Fixture:
    return load_fixture(name)


@cache
def found(name: str) -> tuple[Statement, ...]:
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    return CHECKER.extract(Article(text=text, path=f"{name}.txt"))


def _expectation_ids() -> list[tuple[str, int]]:
    """(article, expectation number); number 0 stands for a file that does not load, so
    its error is one failing test instead of a collection error for the whole module."""
    ids = []
    for name in NAMES:
        try:
            ids += [(name, e.number) for e in fixture(name).statements]
        except FixtureError:
            ids.append((name, 0))
    return ids


IDS = _expectation_ids()


def test_enough_fixture_articles() -> None:
    assert len(NAMES) >= 9, NAMES


@pytest.mark.parametrize("name", NAMES)
def test_article_is_a_short_news_story(name: str) -> None:
    words = len((ARTICLES / f"{name}.txt").read_text(encoding="utf-8").split())
    assert 150 <= words <= 400, f"{name}.txt has {words} words"


@pytest.mark.parametrize(("name", "number"), IDS, ids=[f"{n}#{i}" for n, i in IDS])
def test_expected_statement(name: str, number: int) -> None:
    fx = fixture(name)  # a fixture error raises here, with the file and the key
    exp = fx.statements[number - 1]
    problems = check_expectation(exp, found(name), fx.text)
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_absent_cues(name: str) -> None:
    problems = check_absent(fixture(name), found(name))
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_nothing_unexpected(name: str) -> None:
    problems = check_unexpected(fixture(name), found(name))
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_statement_shapes(name: str) -> None:
    problems = check_invariants(name, found(name), fixture(name).text)
    assert not problems, "\n" + "\n".join(problems)
