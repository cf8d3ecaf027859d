"""The review app driven by Textual's Pilot: every key, the mouse, filters, persistence,
export and the background coverage check against a local HTTP server."""

from __future__ import annotations

import io
import json
import sqlite3
import threading

from rich.console import Console
from textual.widgets import Input, Markdown, Select

from attrib import Article, Report, check
from attrib.corroborate.stream import CoverageNote
from attrib.review import findings_of
from attrib.settings import read_settings
from attrib.store import ReviewStore
from attrib.tui.article_view import ArticleView
from attrib.tui.coverage_bar import CoverageBar
from attrib.tui.export_screen import ExportScreen
from attrib.tui.filter_screen import FilterScreen
from attrib.tui.findings_table import FindingsTable
from attrib.tui.help_screen import HelpScreen
from attrib.tui.note_screen import NoteScreen
from support_tui import (
    ARTICLE,
    SIZE,
    CoverageServer,
    HttpCorroborator,
    cell_text,
    harbour_report,
    make_app,
    row_ids,
    screen_text,
    statements_from,
)


def detail_text(app) -> str:
    return _plain(app.query_one("#detail-body"))


def _plain(static) -> str:
    """The text of a Static, rendered as a terminal would (wrapped at 200 columns)."""
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


async def test_first_screen_lists_every_statement_and_flag(tmp_path):
    report = harbour_report()
    app = make_app(tmp_path, report)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert row_ids(app) == [f.id for f in findings_of(report)]
        assert len(row_ids(app)) == len(report.statements) + len(report.flags)
        assert app.selected.id == "s1" and app.focused is app.table
        screen = screen_text(app)
        assert "Dock Workers Walk Out as Port Talks Collapse" in screen
        assert "13 statements · 4 flags · 0/17 reviewed" in screen
        assert "Maria Okafor" in detail_text(app)


async def test_arrows_and_j_k_move_through_the_list(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        assert app.selected.id == "s3" and "Tomas Reyes" in detail_text(app)
        await pilot.press("down")
        assert app.selected.id == "s4"
        await pilot.press("k", "up")
        assert app.selected.id == "s2"
        # the article follows: the cursor sits at the selected statement
        st = app.selected.statement
        assert app.article.cursor_location == app.article.display_text.location(st.span.start)


async def test_enter_opens_in_the_article_and_comes_back(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert app.focused is app.article
        assert app.article.finding_at_cursor().id == "s3"
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.table and app.table.current_id == "s3"


async def test_tab_moves_between_the_three_areas(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["article", "detail", "findings"]


async def test_moving_through_the_text_selects_the_finding_under_the_cursor(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # into the article
        article = app.article
        start = app.selected
        for _ in range(40):
            await pilot.press("down")
            if app.selected is not start:
                break
        await pilot.pause()
        assert app.selected is not start
        assert app.selected is article.finding_at_cursor()
        assert app.table.current_id == app.selected.id  # the list followed


async def test_clicking_a_word_in_the_article_selects_its_finding(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.article
        offset = app.report.article.text.index("Observers say")
        location = article.display_text.location(offset)
        article.scroll_to(y=article.wrapped_document.location_to_offset(location).y - 2,
                          animate=False)
        await pilot.pause()
        x, y = article.wrapped_document.location_to_offset(location)
        region = article.content_region
        await pilot.click(ArticleView, offset=(region.x - article.region.x + x + 2,
                                               region.y - article.region.y + y - article.scroll_y))
        await pilot.pause()
        # "Observers" is both the source of a statement and a flagged span: the flag is
        # the smaller finding, so it is the one under the cursor
        assert app.selected.id == "f2"
        assert app.table.current_id == "f2"
        assert "vague-source" in detail_text(app)


async def test_clicking_a_row_selects_it_and_a_header_sorts(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(FindingsTable, offset=(10, 1 + 4))  # header row, then s1..s5
        await pilot.pause()
        assert app.selected.id == "s5"
        await pilot.click(FindingsTable, offset=(12, 0))  # "Source" header
        await pilot.pause()
        names = [app.state.by_id[i].statement.source.name.lower()
                 for i in row_ids(app) if app.state.by_id[i].statement]
        assert names == sorted(names)
        await pilot.click(FindingsTable, offset=(12, 0))
        await pilot.pause()
        names = [app.state.by_id[i].statement.source.name.lower()
                 for i in row_ids(app) if app.state.by_id[i].statement]
        assert names == sorted(names, reverse=True)
        assert app.selected.id == "s5"  # sorting keeps the selection


async def test_slash_searches_as_you_type_and_escape_clears(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert app.focused.id == "search-input"
        await pilot.press(*"reyes")
        await pilot.pause()
        ids = row_ids(app)
        assert ids and all("reyes" in app.state._haystack[i] for i in ids)
        assert len(ids) < len(app.state.findings)
        assert "shown" in screen_text(app)
        await pilot.press("enter")
        assert app.focused is app.table
        await pilot.press("escape")
        await pilot.pause()
        assert len(row_ids(app)) == len(app.state.findings)
        assert not app.query_one("#search-bar").display


async def test_f_filters_by_category_source_type_and_review_state(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        # pick a category with the keyboard: open the list, go to vague-source, enter
        await pilot.press("enter")
        options = app.state.categories()
        for _ in range(options.index("vague-source") + 1):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#filter-category", Select).value == "vague-source"
        await pilot.click("#apply")
        await pilot.pause()
        ids = row_ids(app)
        assert [app.state.by_id[i].id for i in ids] == [
            f.id for f in app.state.findings if "vague-source" in
            {x.category for x in app.state.flags(f)}]
        assert "2 of 17 shown" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(row_ids(app)) == 17

        # review state: confirm two, then show only the confirmed ones
        await pilot.press("ctrl+home", "c", "c")
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#filter-review", Select).value = "confirmed"
        app.screen.query_one("#filter-type", Select).value = "person"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert row_ids(app) == ["s1", "s2"]


async def test_filter_that_matches_nothing_says_how_to_get_out(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzz", "enter")
        await pilot.pause()
        assert row_ids(app) == []
        screen = screen_text(app)
        assert "No finding matches this filter" in screen
        await pilot.press("escape")
        await pilot.pause()
        assert len(row_ids(app)) == 17


async def test_confirm_and_dismiss_save_at_once_toggle_and_move_on(tmp_path):
    app = make_app(tmp_path)
    db = tmp_path / "reviews.sqlite3"
    digest = app.report.article.digest

    def saved() -> dict[str, str]:
        rows = sqlite3.connect(db).execute(
            "SELECT finding, state FROM reviews WHERE article = ?", (digest,))
        return {app.state.by_key[k].id: s for k, s in rows}

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert saved() == {"s1": "confirmed"}  # committed, visible to another connection
        assert app.selected.id == "s2"  # moved on
        await pilot.press("x")
        assert saved() == {"s1": "confirmed", "s2": "dismissed"}
        assert cell_text(app, "s1", "review") == "✔ yes"
        assert cell_text(app, "s2", "review") == "✖ no"
        await pilot.press("k", "x")  # x on a dismissed finding reopens it
        assert saved() == {"s1": "confirmed"}
        assert cell_text(app, "s2", "review") == "·"
        assert "1/17 reviewed" in screen_text(app)


async def test_note_then_undo_step_by_step(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"check the tape", "enter")
        await pilot.pause()
        assert app.book[app.state.by_id["s3"].key].note == "check the tape"
        assert cell_text(app, "s3", "review") == "· ✎"
        assert "check the tape" in detail_text(app)
        await pilot.press("c")  # confirms s3, moves to s4
        assert app.book[app.state.by_id["s3"].key].state == "confirmed"
        await pilot.press("u")
        await pilot.pause()
        assert app.selected.id == "s3"  # undo goes back to the finding it changed
        assert app.book[app.state.by_id["s3"].key].state == "open"
        assert app.book[app.state.by_id["s3"].key].note == "check the tape"
        await pilot.press("u")
        assert app.book[app.state.by_id["s3"].key].note == ""
        assert not app.book.can_undo
        await pilot.press("u")  # nothing left: nothing happens
        assert len(app.book) == 0


async def test_verdicts_and_notes_come_back_after_a_restart(tmp_path):
    report = harbour_report()
    first = make_app(tmp_path, report)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("c")  # s1 confirmed
        await pilot.press("j", "n", *"not in the tape", "enter")  # note on s3
        await pilot.pause()
        first.go_to("f2")
        await pilot.press("x")  # f2 dismissed
        await pilot.press("q")
    assert not first.is_running

    # a new process would re-run the pipeline: do that too
    again = harbour_report()
    second = make_app(tmp_path, again, store=ReviewStore(tmp_path / "reviews.sqlite3"))
    async with second.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert cell_text(second, "s1", "review") == "✔ yes"
        assert cell_text(second, "s3", "review") == "· ✎"
        assert cell_text(second, "f2", "review") == "✖ no"
        assert second.book[second.state.by_id["s3"].key].note == "not in the tape"
        assert any("Restored 3 reviews" in n.message for n in second._notifications)


async def test_export_dialog_writes_a_valid_report_with_the_reviews(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path)
    out = tmp_path / "o" / "r.json"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "x", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        formats = [b.label.plain for b in app.screen.query("RadioButton")]
        assert formats[:2] == ["json", "md"] and "text" not in formats
        await pilot.press("tab", *"o/r.json", "enter")  # missing directory: an error, stay
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "does not exist" in _plain(app.screen.query_one("#export-error"))
        out.parent.mkdir()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "attrib.report/1"
    assert data["reviews"] == [{"finding": "s1", "state": "confirmed", "note": ""},
                               {"finding": "s2", "state": "dismissed", "note": ""}]
    assert len(data["statements"]) == 13 and len(data["flags"]) == 4


async def test_export_markdown_asks_before_replacing_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "harbour-strike.attrib.md").write_text("old")
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "e")
        await pilot.pause()
        await pilot.press("right", "space")  # the md radio button
        await pilot.pause()
        path = app.screen.query_one("#export-path", Input)
        assert path.value == "harbour-strike.attrib.md"  # follows the format
        await pilot.click("#export")
        await pilot.pause()
        assert "exists" in _plain(app.screen.query_one("#export-error"))
        await pilot.pause(0.3)  # a button ignores a second press within its 0.2 s flash
        await pilot.click("#export")
        await pilot.pause()
    text = (tmp_path / "harbour-strike.attrib.md").read_text()
    assert "## Review" in text and "- **s1** confirmed" in text


async def test_help_shows_markdown_with_the_keys_as_bound(tmp_path):
    config = tmp_path / "attrib.toml"
    config.write_text('[tui.keys]\nconfirm = "y"\n')
    app = make_app(tmp_path, settings=read_settings(config))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        assert "| `y` | `confirm` |" in source
        assert str(config) in source
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("c")  # app keys are off while a dialog is open
        await pilot.press("escape")
        assert len(app.book) == 0
        await pilot.press("c")  # remapped away
        assert len(app.book) == 0
        await pilot.press("y")
        assert app.book[app.state.by_id["s1"].key].state == "confirmed"
        assert "y Confirm" in screen_text(app)


async def test_every_action_is_in_the_command_palette(tmp_path):
    from attrib.tui.keys import APP

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        titles = [c.title for c in app.palette_commands()]
        for key in APP:
            assert any(t.startswith(key.label + ":") for t in titles), key.id
        assert any(t.startswith("Sort by source") for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"confirm")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.book[app.state.by_id["s1"].key].state == "confirmed"
        # and a finding can be found by what it says
        await pilot.press("ctrl+p")
        await pilot.press(*"go to f3")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected.id == "f3"


async def test_q_quits(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running and app.return_code == 0


async def test_background_coverage_fills_badges_without_blocking(tmp_path):
    gate = threading.Event()
    with CoverageServer(gate=gate) as server:
        checker = HttpCorroborator([server.url("selden-daily.html"),
                                    server.url("coastal-tribune.html")])
        app = make_app(tmp_path, corroborate=checker)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            bar = app.query_one(CoverageBar)
            assert bar.display and "0/13" in screen_text(app)
            assert cell_text(app, "s1", "corroboration") == "…"
            # the worker is waiting on the server; the UI still answers
            await pilot.press("j", "j")
            assert app.selected.id == "s3"
            assert "Checking other coverage" in detail_text(app)
            gate.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not bar.display
            assert cell_text(app, "s1", "corroboration") == "verbatim"
            assert cell_text(app, "s3", "corroboration") == "altered"
            assert cell_text(app, "s2", "corroboration") == "none"
            shown = detail_text(app)  # s3 is selected: its evidence and word diff
            assert "coastal-tribune" in shown and "{+\"simply cannot+}" in shown
            assert "[-does-]" in shown and "{+has+}" in shown

            # coverage filter, then r runs the check again
            app._set_filters(app.state.filters.__class__(corroboration="altered"))
            assert row_ids(app) == ["s3"]
            await pilot.press("escape", "r")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert checker.calls == 2
            assert cell_text(app, "s1", "corroboration") == "verbatim"


async def test_a_failing_check_is_reported_and_the_app_carries_on(tmp_path):
    with CoverageServer() as server:
        checker = HttpCorroborator([server.url("no-such-page.html")])
        app = make_app(tmp_path, corroborate=checker)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert any(n.severity == "error" and "404" in n.message
                       for n in app._notifications)
            assert cell_text(app, "s1", "corroboration") == "—"
            await pilot.press("c")
            assert app.book[app.state.by_id["s1"].key].state == "confirmed"


async def test_web_text_in_a_warning_is_shown_literally(tmp_path):
    """Warnings carry URLs and messages from the web: never parsed as markup."""
    hostile = "coverage skipped: http://example.org/a[/b]c [@click=app.quit]here[/]"

    def checker(report):
        yield CoverageNote(hostile)

    app = make_app(tmp_path, corroborate=checker)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any(n.message == hostile for n in app._notifications)


async def test_r_without_coverage_explains_how_to_get_it(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE):
        assert app.check_action("corroborate", ()) is None  # shown greyed in the footer
        assert "corroboration" not in app.table.columns
        assert "--coverage URL" in detail_text(app)


UNTRUSTED = ('"We will [bold]never[/bold] give up," said union organiser '
             '[link=http://evil.example]Ana Bell[/link].\n\n'
             'The mayor said the \x1b[31mstrike\x1b[0m would end \x1b]0;pwned\x07soon.\n')
UNTRUSTED_STATEMENTS = (
    ('"We will', "direct", "union organiser [link=http://evil.example]Ana Bell[/link]",
     "person", "union organiser", None, "said", "speech",
     ["We will [bold]never[/bold] give up,"], []),
    ("The mayor", "indirect", "The mayor", "person", None, None, "said", "speech",
     ["the \x1b[31mstrike\x1b[0m would end \x1b]0;pwned\x07soon"], []),
)


async def test_the_engine_output_on_hostile_text_is_shown_safely(tmp_path):
    report = check(Article(text=UNTRUSTED, path="untrusted.txt"))
    app = make_app(tmp_path, report)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_text(app)
        assert "[bold]never[/bold]" in screen and "\x1b" not in screen


async def test_markup_and_escape_sequences_in_the_article_show_literally(tmp_path):
    report = Report(article=Article(text=UNTRUSTED, path="untrusted.txt"),
                    statements=statements_from(UNTRUSTED, UNTRUSTED_STATEMENTS))
    app = make_app(tmp_path, report)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_text(app)
        assert "[bold]never[/bold]" in screen  # in the list, the article and the details
        assert "[link=http://evil.example]" in screen
        assert "\x1b" not in screen and "pwned" not in screen
        assert "\x1b" not in app.article.text and "[bold]" in app.article.text
        # statements carry the raw spans; the display maps them through the cleaning
        for st in report.statements:
            row, col = app.article.display_text.location(st.cue.start)
            line = app.article.document.get_line(row)
            assert line[col:].startswith(st.cue_text)
        assert "[link=http://evil.example]Ana Bell[/link]" in detail_text(app)
        await pilot.press("j")
        await pilot.pause()
        screen = screen_text(app)
        assert "the strike would end soon" in screen
        assert "the strike would end soon" in detail_text(app)


async def test_an_article_with_nothing_to_review_says_so(tmp_path):
    report = check(Article(text="The sun rose at six. The market opened at nine.\n", path="quiet.txt"))
    app = make_app(tmp_path, report)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.table.row_count == 0
        assert "nothing to review" in screen_text(app).lower()
        assert app.check_action("confirm", ()) is None
        await pilot.press("c", "x", "n")
        assert len(app.book) == 0 and not isinstance(app.screen, NoteScreen)


async def test_the_reference_article_shows_every_statement(tmp_path, shared):
    path = shared / "corpora/seed/presstv-raqqah-2017-10-15.txt"
    report = check(path)
    app = make_app(tmp_path, report)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert row_ids(app) == [f.id for f in findings_of(report)]
        assert "Daesh Militants Quit Raqqah Under US-backed Deal" in screen_text(app)


async def test_a_theme_change_recolours_the_article(tmp_path):
    from attrib.tui.palette import DARK, LIGHT

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        st = app.report.statements[0]
        row, col = app.article.display_text.location(st.source.span.start)

        def source_colour() -> str:
            line = app.article.get_line(row)
            return next(str(span.style.color.name) for span in line.spans
                        if span.start <= col < span.end and span.style.bold)

        assert source_colour().lower() == DARK.sky.lower()
        app.theme = "textual-light"
        await pilot.pause()
        assert source_colour().lower() == LIGHT.sky.lower()
        assert LIGHT.sky in str(app.article.border_subtitle)


async def test_the_real_corroboration_stage_through_the_cli_options(tmp_path, monkeypatch):
    """attrib tui --coverage URL ...: the CLI's corroborator (the project's matching) runs
    in the background against pages on the local server."""
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(tmp_path / "cache"))
    from attrib.cli import build_parser, check_request
    from attrib.request import prepare
    from attrib.tui.coverage_worker import coverage_corroborator

    with CoverageServer() as server:
        args = build_parser().parse_args(
            ["tui", str(ARTICLE), "--coverage", server.url("selden-daily.html"),
             "--coverage", server.url("coastal-tribune.html")])
        ready = prepare(check_request(args))
        report = ready.checker.check(ready.article)
        checker = coverage_corroborator(ready.checker, ready.coverage)
        app = make_app(tmp_path, report, corroborate=checker)
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            okafor = next(st for st in report.statements if "patient" in
                          st.content_text(report.article.text))
            assert cell_text(app, okafor.id, "corroboration") in ("verbatim", "close")
            exported = app.state.exported()
            assert len(exported.coverage) == 2 and all(p.error is None for p in exported.coverage)
            assert dict(exported.summary.corroboration)["checked"] >= 1
    plain = prepare(check_request(build_parser().parse_args(["tui", str(ARTICLE)])))
    assert plain.coverage is None and coverage_corroborator(plain.checker, plain.coverage) is None


async def test_export_html_from_the_dialog(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "e")
        await pilot.pause()
        await pilot.press("right", "right", "space")  # json, md, html
        await pilot.pause()
        assert app.screen.query_one("#export-path", Input).value == "harbour-strike.attrib.html"
        await pilot.press("tab", "enter")
        await pilot.pause()
    page = (tmp_path / "harbour-strike.attrib.html").read_text()
    assert '<section id="reviews">' in page and "dismissed" in page
