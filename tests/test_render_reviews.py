"""Verdicts feed through: the score, the exports (struck through, marked, notes beside
their finding, what each verdict means), `attrib check --with-reviews`; reports titled by
headline and outlet; a self-contained Markdown report with a legend."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

import jsonschema

from attrib import ReviewState, Verdict
from attrib.render import render
from attrib.review import ReviewBook, findings_of
from attrib.store import ReviewStore
from support_tui import ARTICLE, ROOT, checker, finding_with, real_report

SCHEMA = json.loads((ROOT / "docs/report.schema.json").read_text(encoding="utf-8"))


def reviewed():
    """harbour-strike as the engine sees it, with the verdicts a reviewer might give:
    the unattributed-claim flag on the strike's cost and the "Observers" statement
    dismissed, Reyes's statement confirmed with a note, a speaker corrected."""
    report = real_report()
    opening = finding_with(report, "The strike is reportedly costing", flag=True)
    observers = finding_with(report, "the dispute could spread")
    reyes = finding_with(report, "cannot spend money")
    mediator = finding_with(report, "appoint a mediator")
    verdicts = (Verdict(opening.id, ReviewState.DISMISSED, "the chamber's estimate is on record"),
                Verdict(reyes.id, ReviewState.CONFIRMED, "matches the *Tribune* [1]"),
                Verdict(observers.id, ReviewState.DISMISSED),
                Verdict(mediator.id, ReviewState.OPEN, "", "Ministry spokesman Jon Arve"))
    return checker().reviewed(replace(report, verdicts=verdicts))


def test_dismissed_findings_leave_the_score_and_the_breakdown_says_so():
    plain = real_report()
    # rules/score.yaml: a 297-word article, so costs are not scaled up; one warning (8)
    # in a category costs 25 x (1 - e^(-8/25)) = 6.8, one info (2) 25 x (1 - e^(-2/25)) = 1.9.
    # Agentless, hedge, unattributed-claim and vague-source have a warning each, the
    # anonymous source an info: 100 - 4 x 6.8 - 1.9
    assert (plain.summary.score, plain.summary.verdict) == (70.9, "fair")
    report = reviewed()
    # the unattributed claim and the vague-source flag of the dismissed "Observers"
    # statement no longer count: 100 - 6.8 (agentless) - 6.8 (hedge) - 1.9
    assert (report.summary.score, report.summary.verdict) == (84.5, "fair")
    last = report.summary.breakdown[-1]
    assert last.reason == "dismissed by the reviewer: 2 flags and 1 statement (not counted)"
    assert last.points == 0
    observers_flag = finding_with(plain, "Observers", flag=True).id
    assert set(last.flags) == {finding_with(plain, "The strike is reportedly costing", flag=True).id,
                               observers_flag}
    assert report.summary.statements == len(plain.statements) - 1
    assert report.flags == plain.flags  # still listed, struck through in the exports


def test_markdown_strikes_marks_and_notes_beside_each_finding():
    md = render(reviewed(), "md")
    opening = finding_with(real_report(), "The strike is reportedly costing", flag=True).id
    line = next(x for x in md.splitlines() if x.startswith(f"- ~~**{opening}**"))
    assert line.endswith("~~ · ✖ *disagree* · note: the chamber's estimate is on record")
    reyes = finding_with(real_report(), "cannot spend money").id
    line = next(x for x in md.splitlines() if x.startswith(f"- **{reyes}**"))
    assert "✔ *extraction right* · note: matches the \\*Tribune\\* \\[1\\]" in line
    assert next(x for x in md.splitlines() if x.startswith("- ") and "the dispute could spread" in x
                ).startswith("- ~~**")
    observers_flag = finding_with(real_report(), "Observers", flag=True).id
    assert next(x for x in md.splitlines() if x.startswith(f"- **{observers_flag}**")).endswith(
        "· *not counted: its statement was dismissed*")
    assert "speaker corrected to **Ministry spokesman Jon Arve**" in md
    assert "On a statement, ✔ means the reviewer found the extraction right" in md
    assert "5 flags (2 not counted: dismissed by the reviewer)" in md  # the claim's flag, Observers' flag
    assert "dismissed by the reviewer: 2 flags and 1 statement (not counted)" in md


def test_markdown_is_titled_by_headline_and_source_and_explains_each_rule_once():
    md = render(real_report(), "md")
    lines = md.splitlines()
    assert lines[0] == "# Dock Workers Walk Out as Port Talks Collapse"
    assert lines[2] == f"Source: {ARTICLE}".replace("_", "\\_")
    assert "docs/" not in md and "](" not in md  # nothing the reader cannot open
    legend = md[md.index("## What the flags mean"):]
    # the two unattributed-claim flags share one explanation, given once
    assert md.count("`unattributed-claim.sentence` (unattributed-claim, warning):") == 1
    assert legend.count("- `") == 5
    explanation = next(f.explanation for f in real_report().flags if f.rule == "hedge.adverb")
    assert md.count(explanation.split(".")[0]) == 1


def test_markdown_title_names_the_outlet_of_a_web_page():
    md = render(checker().check(ROOT / "fixtures/web/headline-social.html"), "md")
    assert md.splitlines()[0] == "# Lisk ferry fares to rise by a fifth from April, operator says — Tidewater Post"


def test_html_marks_verdicts_and_escapes_notes():
    report = reviewed()
    report = replace(report, verdicts=(*report.verdicts,
                                       Verdict(finding_with(report, "Ships are already").id,
                                               ReviewState.CONFIRMED, "<b>not</b> bold")))
    page = render(report, "html")
    opening = finding_with(report, "The strike is reportedly costing", flag=True).id
    observers = finding_with(report, "the dispute could spread").id
    assert f'<li id="{opening}" class="dismissed">' in page
    assert f'<tr id="{observers}" class="dismissed">' in page
    assert '<span class="verdict-mark dismissed">✖ disagree</span>' in page
    assert '<span class="verdict-mark confirmed">✔ extraction right</span>' in page
    assert '<p class="note">&lt;b&gt;not&lt;/b&gt; bold</p>' in page and "<b>not</b>" not in page
    assert "<h1>Dock Workers Walk Out as Port Talks Collapse</h1>" in page
    assert 'id="reviews"' not in render(real_report(), "html")


def test_json_reviews_say_what_each_verdict_means_and_match_the_schema():
    data = json.loads(render(reviewed(), "json"))
    jsonschema.validate(data, SCHEMA)
    by_meaning = {r["meaning"] for r in data["reviews"]}
    assert by_meaning == {"disagree", "extraction right", "extraction wrong", "open"}
    assert any(r["speaker"] == "Ministry spokesman Jon Arve" for r in data["reviews"])
    assert data["summary"]["score"] == 84.5
    assert json.loads(render(real_report(), "json"))["reviews"] == []


def run(args, data_dir, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ATTRIB_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "attrib", *args], env=env, capture_output=True,
                          text=True, **kwargs)


def test_check_with_reviews_reads_the_saved_verdicts(tmp_path):
    data = tmp_path / "data"
    report = real_report()
    store = ReviewStore(data / "attrib.sqlite3")
    book = ReviewBook(report.article.digest, store, findings_of(report))
    hedge = next(f for f in findings_of(report) if f.flag and f.flag.rule == "hedge.adverb")
    for finding in (finding_with(report, "The strike is reportedly", flag=True), hedge):
        book.set(finding.key, "state", "dismissed")
    book.set(finding_with(report, "cannot spend money").key, "note", "on tape")
    store.close()

    plain = json.loads(run(["check", str(ARTICLE), "-f", "json"], data).stdout)
    assert plain["reviews"] == [] and plain["summary"]["score"] == 70.9
    out = run(["check", str(ARTICLE), "-f", "json", "--with-reviews"], data)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert len(got["reviews"]) == 3
    assert got["summary"]["score"] == 84.5  # the unattributed claim and the hedge no longer cost 6.8 each
    # --fail-on counts only what the reviewer left standing: the warnings left are
    # the agentless and vague-source flags
    assert run(["check", str(ARTICLE), "--with-reviews", "--fail-on", "warning"], data).returncode == 1
    assert run(["check", str(ARTICLE), "--with-reviews", "--fail-on", "error"], data).returncode == 0
    # no database at all: nothing changes, none is created
    empty = tmp_path / "none"
    assert json.loads(run(["check", str(ARTICLE), "-f", "json", "--with-reviews"], empty).stdout)["reviews"] == []
    assert not empty.exists()
