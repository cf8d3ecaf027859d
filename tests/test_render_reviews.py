"""Exported reports carry the reviewer's verdicts and notes."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import partial

from attrib import ReviewState, Verdict
from attrib.render import render
from support_tui import harbour_report

to_json, to_markdown, to_html = (partial(lambda fmt, r: render(r, fmt), f) for f in ("json", "md", "html"))


def test_json_has_a_reviews_array():
    report = replace(harbour_report(), verdicts=(Verdict("s1", ReviewState.CONFIRMED, "on tape"),
                                                 Verdict("f2", ReviewState.DISMISSED)))
    data = json.loads(to_json(report))
    assert data["reviews"] == [{"finding": "s1", "state": "confirmed", "note": "on tape"},
                               {"finding": "f2", "state": "dismissed", "note": ""}]
    assert json.loads(to_json(harbour_report()))["reviews"] == []


def test_markdown_has_a_review_section_with_escaped_notes():
    report = replace(harbour_report(), verdicts=(Verdict("s3", ReviewState.CONFIRMED, "see *tape* [1]"),))
    md = to_markdown(report)
    assert "## Review" in md
    assert "- **s3** confirmed: see \\*tape\\* \\[1\\]" in md
    assert "## Review" not in to_markdown(harbour_report())


def test_html_has_a_review_table_with_escaped_notes():
    report = replace(harbour_report(), verdicts=(Verdict("f2", ReviewState.DISMISSED, "<b>not</b> vague"),))
    page = to_html(report)
    assert '<section id="reviews">' in page and '<a href="#f2">f2</a>' in page
    assert "&lt;b&gt;not&lt;/b&gt; vague" in page and "<b>not</b>" not in page
    assert 'id="reviews"' not in to_html(harbour_report())
