"""Reports written by ``attrib check --format json|md|html [--output FILE]``."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
HOSTILE = ARTICLES.parent / "hostile" / "hostile-markup.txt"


def validate(data: dict) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("name", ["harbour-strike.txt", "ferry-sale.txt", "../hostile/hostile-markup.txt"])
def test_json_report_matches_the_schema_and_its_spans(cli, name):
    run = cli("check", str(ARTICLES / name), "-f", "json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    validate(data)
    text = data["article"]["text"]
    assert data["flags"], "every fixture article has flags"
    ids = {s["id"] for s in data["statements"]}
    for f in data["flags"]:
        start, end = f["span"]
        assert text[start:end] == f["text"]
        assert f["statement"] is None or f["statement"] in ids
    summary = data["summary"]
    if summary["not_assessed"] is not None:  # too little to judge: no score, never 100
        assert summary["score"] is None and summary["verdict"] == "not assessed" and not summary["breakdown"]
        return
    assert summary["score"] == round(100 + sum(item["points"] for item in summary["breakdown"]), 1)
    # every flag either cost points or is listed as left out for its low confidence
    scored = {fid for item in summary["breakdown"] for fid in item["flags"]}
    assert scored | set(summary["unscored"]) == {f["id"] for f in data["flags"]}
    assert all(f["confidence"] < 0.5 for f in data["flags"] if f["id"] in summary["unscored"])


def test_json_report_of_the_reference_article_matches_the_schema(cli, shared):
    run = cli("check", str(shared / "corpora/seed/presstv-raqqah-2017-10-15.txt"), "-f", "json")
    validate(json.loads(run.out))


def test_the_schema_rejects_a_broken_report(cli):
    data = json.loads(cli("check", str(ARTICLES / "harbour-strike.txt"), "-f", "json").out)
    data["flags"][0]["severity"] = "loud"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
    del data["summary"]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_markdown_report_reads_top_to_bottom(cli):
    out = cli("check", str(ARTICLES / "ferry-sale.txt"), "-f", "md").out
    verdict, score, flags, statements = (out.index(s) for s in
                                         ("**Verdict:", "## Score", "## Flags", "## Statements by source"))
    assert verdict < score < flags < statements
    assert "| Points | Why | Flags |" in out and "unattributed-claim: 1 flag " in out
    # a flag is shown in its sentence, with the flagged words in bold
    assert "> In recent weeks, the union has **reportedly** blocked two departures" in out
    assert "### Dana Whitlock (person, company spokeswoman)" in out


ONE_OF_EACH = ("Bridge Work Runs Late\n\nThe bridge over the Tarn will reopen in May, Mayor Ana Bell "
               "said on Monday. The council approved the repair budget last spring, and crews have "
               "worked nights since June. Reportedly, the cost of the steel has doubled since the work "
               "began. Traffic will use the old ferry road until then.\n")


@pytest.mark.parametrize("fmt, says", [("text", ("1 attributed statement\n", "1 flag\n")),
                                       ("md", ("1 attributed statement.", "1 flag;")),
                                       ("html", ("<b>1</b> attributed statement<", "<b>1</b> flag<"))])
def test_a_count_of_one_takes_the_singular(cli, tmp_path, fmt, says):
    article = tmp_path / "bridge.txt"
    article.write_text(ONE_OF_EACH, encoding="utf-8")
    out = cli("check", str(article), "-f", fmt).out
    for words in says:
        assert words in out
    assert "1 flags" not in out and "1 attributed statements" not in out


def test_markdown_escapes_article_markup(cli):
    out = cli("check", str(HOSTILE), "-f", "md").out
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\x1b" not in out


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_escapes_everything_and_needs_nothing_from_outside(cli, tmp_path):
    out_file = tmp_path / "report.html"
    run = cli("check", str(HOSTILE), "-f", "html", "-o", str(out_file))
    assert run.code == 0 and run.out == ""
    page = out_file.read_text(encoding="utf-8")
    parsed = _Elements()
    parsed.feed(page)
    tags = [t for t, _ in parsed.tags]
    assert "script" not in tags and "img" not in tags and tags.count("style") == 1
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert not any(v and v.startswith(("http:", "https:", "//")) for _, attrs in parsed.tags
                   for k, v in attrs.items() if k in ("src", "href"))
    text = "".join(parsed.text)
    assert '<script>alert("headline")</script>' in text and "<img src=x onerror=alert(1)>" in text
    assert "\x1b" not in page and "svg" in tags
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_output_file_is_written_whole_and_matches_stdout(cli, tmp_path):
    target = tmp_path / "r.json"
    target.write_text("old")
    assert cli("check", str(ARTICLES / "harbour-strike.txt"), "-f", "json", "-o", str(target)).code == 0
    assert target.read_text(encoding="utf-8") == cli("check", str(ARTICLES / "harbour-strike.txt"), "-f", "json").out
    bad = cli("check", str(ARTICLES / "harbour-strike.txt"), "-o", str(tmp_path / "no" / "r.txt"))
    assert bad.code == 2 and "does not exist" in bad.err


def test_text_report_lists_score_and_flags_without_control_characters(cli):
    out = cli("check", str(HOSTILE)).out
    assert ("Score " in out or "Not assessed: " in out) and "vague-source" in out
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize("fmt, needle", [("text", "Not assessed: too little text to judge"),
                                         ("md", "**Not assessed:** too little text to judge"),
                                         ("html", "not assessed: too little text to judge"),
                                         ("json", '"not_assessed": "too little text to judge')])
def test_every_format_says_not_assessed_and_why(cli, fmt, needle):
    run = cli("check", "-", "-f", fmt, stdin=b"Hello.\n")
    assert run.code == 0 and needle in run.out
    assert "100/100" not in run.out and "strong" not in run.out

