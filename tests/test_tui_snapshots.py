"""Snapshots of every screen at 80x24 and 120x40, on what the real pipeline finds in the
fixture articles (cursor blink off). Coverage comes from the real corroboration reading
saved pages, with paths relative to their folder so the screen is the same everywhere.

After a deliberate change: pytest tests/test_tui_snapshots.py --snapshot-update, then
look at every changed SVG in tests/__snapshots__/ before committing (and say so)."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrib import Article, check
from attrib.corroborate.coverage_request import CoverageRequest
from support_tui import ARTICLES, COVERAGE, ROOT, SIZE, SMALL, checker, finding_with, make_app

SIZES = pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])


@pytest.fixture
def at_root(monkeypatch):
    """Article paths relative to the checkout, as a user in it would type them."""
    monkeypatch.chdir(ROOT)
    return "fixtures/articles/harbour-strike.txt"


def harbour(path: str):
    return checker().check(Path(path))


@SIZES
def test_main_screen(snap_compare, tmp_path, at_root, size):
    assert snap_compare(make_app(tmp_path, harbour(at_root)), terminal_size=size)


@SIZES
def test_statement_with_coverage_evidence_and_word_diff(snap_compare, tmp_path, monkeypatch, size):
    monkeypatch.chdir(COVERAGE)
    report = checker().check(Path("../../articles/harbour-strike.txt"), coverage=CoverageRequest(
        ("selden-daily.html", "coastal-tribune.html"), cache=tmp_path / "fetch.sqlite"))
    app = make_app(tmp_path, report)

    async def go(pilot):
        pilot.app.go_to("s3")  # Reyes: altered in the Tribune (the Selden Daily copy is missed)
        await pilot.press("c", "k")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=go)


@SIZES
def test_flag_selected_with_verdicts_and_the_score(snap_compare, tmp_path, at_root, size):
    report = harbour(at_root)
    app = make_app(tmp_path, report)
    claim = finding_with(report, "The strike is reportedly costing", flag=True).id
    observers = finding_with(report, "Observers", flag=True).id

    async def go(pilot):
        pilot.app.go_to(claim)
        await pilot.press("x")  # disagree with the unattributed claim: it leaves the score
        pilot.app.go_to(observers)
        await pilot.press("c")
        pilot.app.go_to(observers)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=go)


@SIZES
def test_help_screen(snap_compare, tmp_path, at_root, size):
    assert snap_compare(make_app(tmp_path, harbour(at_root)), terminal_size=size, press=["question_mark"])


@SIZES
def test_filter_dialog(snap_compare, tmp_path, at_root, size):
    assert snap_compare(make_app(tmp_path, harbour(at_root)), terminal_size=size, press=["f"])


@SIZES
def test_search_with_results(snap_compare, tmp_path, at_root, size):
    assert snap_compare(make_app(tmp_path, harbour(at_root)), terminal_size=size,
                        press=["slash", *"okafor"])


@SIZES
def test_export_dialog(snap_compare, tmp_path, at_root, size):
    assert snap_compare(make_app(tmp_path, harbour(at_root)), terminal_size=size, press=["c", "e"])


@SIZES
def test_note_dialog(snap_compare, tmp_path, at_root, size):
    assert snap_compare(make_app(tmp_path, harbour(at_root)), terminal_size=size,
                        press=["n", *"ask the union"])


@SIZES
def test_article_with_nothing_to_review(snap_compare, tmp_path, size):
    report = check(Article(text="Quiet Day in Port Selden\n\nThe sun rose at six. "
                           "The market opened at nine.\n", path="quiet.txt"))
    assert snap_compare(make_app(tmp_path, report), terminal_size=size)


UNTRUSTED = ('Strike Goes On\n\n"We will [bold]never[/bold] give up," said union '
             'organiser [link=http://evil.example]Ana Bell[/link].\n\nThe mayor said the '
             '\x1b[31mstrike\x1b[0m would end soon.\n')


@SIZES
def test_untrusted_markup_shows_literally(snap_compare, tmp_path, size):
    report = check(Article(text=UNTRUSTED, path="untrusted.txt"))
    assert snap_compare(make_app(tmp_path, report), terminal_size=size)


@SIZES
def test_light_theme(snap_compare, tmp_path, at_root, size):
    from attrib.settings import Settings, TuiSettings

    app = make_app(tmp_path, harbour(at_root), settings=Settings(tui=TuiSettings(theme="textual-light")))
    assert snap_compare(app, terminal_size=size, press=["j", "j"])


@SIZES
def test_queue_of_three_articles(snap_compare, tmp_path, monkeypatch, size):
    from attrib.tui.queue import ArticleQueue

    monkeypatch.chdir(ROOT)
    targets = [f"fixtures/articles/{name}.txt" for name in ("harbour-strike", "ferry-sale", "river-flood")]
    queue = ArticleQueue(targets, lambda t: checker().check(Path(t)))
    app = make_app(tmp_path, checker().check(Path(targets[0])), queue=queue)

    async def go(pilot):
        await pilot.press("c", "c", "right_square_bracket")  # two reviewed, then the next article
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=go)
    assert ARTICLES.is_dir()
