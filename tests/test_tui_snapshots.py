"""Snapshots of the main screens at 120x40 (cursor blink off, fixed data).

Update after a deliberate change with: pytest tests/test_tui_snapshots.py --snapshot-update
and look at the SVG files in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from dataclasses import replace

from attrib.model import Article, Corroboration, Evidence, Report, Status, Summary
from support_tui import SIZE, harbour_report, make_app, statements_from


def with_coverage(report):
    """Fixed coverage results (no network): what the corroboration stage would give."""
    by_source = {st.source.text: st.id for st in report.statements}
    reyes = next(st.id for st in report.statements if st.cue_text == "told")
    results = (
        Corroboration(by_source["union negotiator Maria Okafor"], Status.VERBATIM, (
            Evidence("selden-daily.example", "https://selden-daily.example/strike",
                     "We have been patient for eleven months, and patience does not pay the rent",
                     100.0, Status.VERBATIM,
                     (("=", "We have been patient for eleven months, and patience does not "
                            "pay the rent"),), "Maria Okafor", True),)),
        Corroboration(reyes, Status.ALTERED, (
            Evidence("coastal-tribune.example", "https://coastal-tribune.example/selden",
                     "the authority simply cannot spend money it has not got", 81.0,
                     Status.ALTERED,
                     (("=", "the authority"), ("+", "simply"), ("=", "cannot spend money it"),
                      ("-", "does not have"), ("+", "has not got")), "Tomas Reyes", True),
            Evidence("harbour-post.example", "https://harbour-post.example/a/991",
                     "the port cannot spend money it does not have", 88.0, Status.CLOSE,
                     (("-", "the authority"), ("+", "the port"),
                      ("=", "cannot spend money it does not have")), "a port spokesman", False),
        )),
        Corroboration(by_source["Observers"], Status.NOT_FOUND, ()),
    )
    return replace(report, corroborations=results)


def test_main_screen(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE)


def test_statement_with_coverage_evidence_and_word_diff(snap_compare, tmp_path):
    app = make_app(tmp_path, with_coverage(harbour_report()))
    assert snap_compare(app, terminal_size=SIZE, press=["j", "j", "c", "k"])


def test_flag_selected_in_the_article(snap_compare, tmp_path):
    app = make_app(tmp_path)

    async def go(pilot):
        pilot.app.go_to("f3")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=go)


def test_help_screen(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, press=["question_mark"])


def test_filter_dialog(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, press=["f"])


def test_search_with_results(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE,
                        press=["slash", *"okafor"])


def test_export_dialog(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, press=["c", "e"])


def test_note_dialog(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE,
                        press=["n", *"ask the union"])


def test_article_with_nothing_to_review(snap_compare, tmp_path):
    report = Report(Article(text="Quiet Day in Port Selden\n\nThe sun rose at six. "
                            "The market opened at nine.\n", path="quiet.txt"),
                    summary=Summary(score=100.0, verdict="strong"))
    assert snap_compare(make_app(tmp_path, report), terminal_size=SIZE)


UNTRUSTED = ('Strike Goes On\n\n"We will [bold]never[/bold] give up," said union '
             'organiser [link=http://evil.example]Ana Bell[/link].\n\nThe mayor said the '
             '\x1b[31mstrike\x1b[0m would end soon.\n')
UNTRUSTED_STATEMENTS = (
    ('"We will', "direct", "union organiser [link=http://evil.example]Ana Bell[/link]",
     "person", "union organiser", "Ana Bell", "said", "speech",
     ["We will [bold]never[/bold] give up,"], []),
    ("The mayor", "indirect", "The mayor", "person", None, None, "said", "speech",
     ["the \x1b[31mstrike\x1b[0m would end soon"], []),
)


def test_untrusted_markup_shows_literally(snap_compare, tmp_path):
    article = Article(text=UNTRUSTED, path="untrusted.txt")
    report = Report(article=article, statements=statements_from(UNTRUSTED, UNTRUSTED_STATEMENTS))
    app = make_app(tmp_path, report)
    assert snap_compare(app, terminal_size=SIZE)


def test_small_terminal(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24))


def test_light_theme(snap_compare, tmp_path):
    from attrib.settings import Settings, TuiSettings

    app = make_app(tmp_path, settings=Settings(tui=TuiSettings(theme="textual-light")))
    assert snap_compare(app, terminal_size=SIZE, press=["j", "j"])
