"""Untrusted text on the way to the terminal."""

from __future__ import annotations

import pytest

from attrib.safety import clean
from attrib.tui.safe import DisplayText, one_line

NASTY = [
    "plain text",
    "a\x1b[31mred\x1b[0m b\r\nc\x07d",
    "\x1b]8;;http://evil.example\x07link\x1b]8;;\x07 and \x1b]0;title\x1b\\ more",
    "\x00\x01\x02",
    "tab\there\x9b31m and C1",
    "line\u2028separator\u2029paragraph",
    "",
]


@pytest.mark.parametrize("text", NASTY)
def test_display_text_is_clean_and_offsets_map_back(text):
    d = DisplayText(text)
    assert d.text == clean(text).replace("\u2028", "\n").replace("\u2029", "\n")
    assert "\x1b" not in d.text and "\x07" not in d.text
    # every kept character maps to itself and back
    for i, ch in enumerate(text):
        j = d.to_display(i)
        if j < len(d.text) and d.to_original(j) == i:
            assert d.text[j] in (ch, "\n")
    for j in range(len(d.text)):
        assert text[d.to_original(j)] in (d.text[j], "\u2028", "\u2029")


def test_locations_are_rows_and_columns_of_the_display_text():
    text = "first line\n\x1b[1mbold\x1b[0m second\nthird"
    d = DisplayText(text)
    assert d.text.splitlines() == ["first line", "bold second", "third"]
    assert d.location(text.index("bold")) == (1, 0)
    assert d.location(text.index("second")) == (1, 5)
    assert d.offset(1, 5) == text.index("second")
    assert d.location(text.index("third")) == (2, 0)


def test_one_line_collapses_and_cuts():
    assert one_line("  a\n\tb \x1b[2Jc  ") == "a b c"
    assert one_line("abcdefghij", 5) == "abcd…"


# -- every field of a real report, with escape sequences in it --------------------------

PWN = "\x1b]0;pwned\x07\x1b[2J\x9b31m"
KEEP = {"id", "statement", "finding", "text", "schema"}  # ids link findings; article text: below


def poisoned(value):
    """Every string of a report (and of the values in it) with escape sequences added,
    except ids (they link findings) and enum values."""
    from dataclasses import fields, is_dataclass, replace
    from enum import Enum

    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return value + PWN
    if isinstance(value, tuple):
        return tuple(poisoned(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: poisoned(getattr(value, f.name)) for f in fields(value)
                   if f.name not in KEEP or (f.name == "text" and type(value).__name__ != "Article")}
        return replace(value, **changes)
    return value


@pytest.fixture
def hostile_report(tmp_path):
    """The real pipeline on an article with escape sequences in the speaker's name and the
    quote, with real coverage from saved pages, then every other field poisoned too."""
    from attrib import Checker
    from attrib.corroborate.coverage_request import CoverageRequest
    from support_tui import COVERAGE, ROOT

    source = (ROOT / "fixtures/articles/harbour-strike.txt").read_text(encoding="utf-8")
    text = (source.replace("Maria Okafor said", f"Maria{PWN} Okafor said")
            .replace("patience does not pay", f"patience{PWN} does not pay"))
    article = tmp_path / "hostile.txt"
    article.write_text(text, encoding="utf-8")
    checker = Checker()
    coverage = CoverageRequest((str(COVERAGE / "selden-daily.html"), str(COVERAGE / "coastal-tribune.html")),
                               cache=tmp_path / "fetch.sqlite")
    report = checker.check(article, coverage=coverage)
    assert report.corroborations and report.statements and report.flags
    return poisoned(report)


async def test_escape_sequences_in_every_field_never_reach_the_screen(tmp_path, hostile_report):
    from attrib.review import findings_of
    from support_tui import SIZE, make_app, screen_text

    report = hostile_report
    assert "pwned" in report.statements[0].source.text and "pwned" in report.flags[0].message
    app = make_app(tmp_path, report)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        book = app.book
        seen = []
        for finding in findings_of(report):  # every finding in the details pane
            app.go_to(finding.id)
            book.set(finding.key, "note", "a note" + PWN)
            if not finding.is_flag:
                book.set(finding.key, "speaker", "Someone" + PWN)
            app._after_review(finding, advance=False)
            await pilot.pause()
            seen.append(screen_text(app))
        await pilot.press("n")  # the note dialog shows the finding's summary
        await pilot.pause()
        seen.append(screen_text(app))
        await pilot.press("escape", "ctrl+p", *"go to")  # the palette lists every finding
        await pilot.pause(0.3)
        seen.append(screen_text(app))
        await pilot.press("escape")
        app.notify("note" + PWN, markup=False)
        await pilot.pause()
    for screen in seen:
        assert "pwned" not in screen and "\x1b" not in screen and "\x9b" not in screen
    assert any("a note" in screen for screen in seen) and any("Someone" in screen for screen in seen)


def test_no_module_of_the_review_screen_builds_rich_text_but_safe():
    """By construction: only tui/safe.py makes Rich Text; every other module uses Shown."""
    import ast
    from pathlib import Path

    import attrib.tui

    package = Path(attrib.tui.__file__).parent
    offenders = []
    for path in sorted(package.glob("*.py")):
        if path.name == "safe.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                       and getattr(block.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(block)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module == "rich.text":
                offenders.append(f"{path.name}: imports rich.text")
            if isinstance(node, ast.Attribute) and node.attr == "from_markup":
                offenders.append(f"{path.name}: Text.from_markup")
    assert offenders == []
