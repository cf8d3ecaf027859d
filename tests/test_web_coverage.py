"""Quotes checked against other coverage, through the real CLI: the fixture article from
the local server against the saved pages in fixtures/coverage/, whose expected findings
are in fixtures/coverage/expected.yaml."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest
import yaml

from attrib.model import Article, Corroboration, Evidence, Report, Status
from attrib.render.coverage_section import html_section
from conftest import FIXTURES, ROOT, run_cli
from support_web import env, server  # noqa: F401 - pytest fixtures

COVERAGE = FIXTURES / "coverage"
EXPECTED = yaml.safe_load((COVERAGE / "expected.yaml").read_text(encoding="utf-8"))



def statement_for(report: dict, key: str) -> dict:
    found = [s for s in report["statements"] if key in s["content"]["text"]]
    assert found, f"no statement holds {key!r}"
    return min(found, key=lambda s: len(s["content"]["text"]))


def assert_expected(report: dict) -> None:
    for item in EXPECTED["statements"]:
        st = statement_for(report, item["key"])
        c = st["corroboration"]
        assert c["status"] == item["overall"], item["key"]
        got = {e["outlet"]: e["status"] for e in c["evidence"]}
        assert got == item["outlets"], item["key"]
        others = {e["outlet"]: e["speaker"] for e in c["evidence"] if e["same_speaker"] is False}
        assert others == item.get("other_speaker", {}), item["key"]
        assert c["speaker_conflict"] == bool(others)


@pytest.fixture(scope="module")
def coverage_report(server, tmp_path_factory):
    env = {"ATTRIB_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    run = run_cli("check", server.url("/article.html"), "--coverage-dir", "fixtures/coverage/",
                  "--format", "json", env=env)
    assert run.code == 0, run.err
    assert run.err == ""
    return json.loads(run.out)


def test_statuses_match_the_expected_findings(coverage_report):
    assert_expected(coverage_report)


def evidence(report: dict, key: str, outlet: str) -> dict:
    return next(e for e in statement_for(report, key)["corroboration"]["evidence"] if e["outlet"] == outlet)


def test_diffs_mark_exactly_what_differs(coverage_report):
    e = evidence(coverage_report, "through their water bills for twenty years", "tidewater-post.example")
    assert ["-", "twenty"] in e["diff"] and ["+", "thirty"] in e["diff"]
    assert e["differences"] == [{"kind": "number", "change": "changed", "before": ["twenty"], "after": ["thirty"]}]
    assert e["reasons"] == ["number changed: twenty → thirty"]
    assert e["url"] == "https://www.tidewater-post.example/local/esk-flood-barrier-green-light"

    e = evidence(coverage_report, "We are not opposed to the barrier", "estuarydaily.example")
    assert e["diff"][:3] == [["=", "We are"], ["-", "not"], ["=", "opposed to the barrier but we have not agreed to pay for it"]]
    assert e["status"] == "contradicted" and [d["kind"] for d in e["differences"]] == ["negation"]
    assert e["reasons"] == ["negation dropped"]
    assert e["passage"] == "We are opposed to the barrier, but we have not agreed to pay for it"

    e = evidence(coverage_report, "may not always hold back a surge", "estuarydaily.example")
    assert "qualifier dropped: may, always" in e["reasons"]
    assert ["-", "always"] in e["diff"]

    e = evidence(coverage_report, "We cannot wait for the next storm", "tidewater-post.example")
    assert e["status"] == "close" and e["reasons"] == ["spelling: cannot → can't"]

    e = evidence(coverage_report, "first contracts will be signed", "harbourherald.example")
    assert e["reasons"] == ["date changed: March → April"]

    e = evidence(coverage_report, "concrete in the water", "coastline-wire.example")
    assert e["status"] == "close" and e["reasons"] == ["filler dropped: and"]

    e = evidence(coverage_report, "concrete in the water", "tidewater-post.example")
    assert e["status"] == "close" and e["reasons"] == ["truncated"]
    assert e["diff"][0] == ["-", "People here have heard this before and they"]

    e = evidence(coverage_report, "protect four thousand homes", "tidewater-post.example")
    assert e["status"] == "verbatim" and e["score"] == 100 and e["diff"] == [
        ["=", "This barrier will protect four thousand homes for the next fifty years"]]


def test_speaker_conflict_is_a_finding(coverage_report):
    c = statement_for(coverage_report, "concrete in the water")["corroboration"]
    herald = next(e for e in c["evidence"] if e["outlet"] == "harbourherald.example")
    assert herald["speaker"] == "Marcus Reed" and herald["same_speaker"] is False
    assert c["speaker_conflict"] is True
    # Short forms of the same name are the same speaker ...
    post = next(e for e in c["evidence"] if e["outlet"] == "tidewater-post.example")
    assert post["speaker"] == "Priya Nandakumar" and post["same_speaker"] is True
    # ... but a surname the other page never gives in full is not sure enough to judge.
    wire = next(e for e in c["evidence"] if e["outlet"] == "coastline-wire.example")
    assert wire["speaker"] == "Nandakumar" and wire["same_speaker"] is None
    assert wire["speaker_check"]["verdict"] == "not-established"


def test_summary_and_pages(coverage_report):
    summary = coverage_report["coverage"]["summary"]
    overall = [item["overall"] for item in EXPECTED["statements"]]
    assert summary["speaker-conflict"] == 1
    assert summary["verbatim"] >= overall.count("verbatim")
    assert summary["corroborated"] == summary["verbatim"] + summary["close"]
    assert summary["checked"] == sum(summary[k] for k in ("verbatim", "close", "altered", "contradicted", "paraphrase",
                                                          "unconfirmed"))
    assert summary["checked"] + summary["unchecked"] == len(coverage_report["statements"])
    pages = coverage_report["coverage"]["pages"]
    assert len(pages) == 5 and all(p["error"] is None and p["origin"] == "coverage-dir" for p in pages)
    assert {p["outlet"] for p in pages} >= {"tidewater-post.example", "harbourherald.example"}


def test_text_and_markdown_show_corroboration(server, env):
    run = run_cli("check", server.url("/article.html"), "--coverage-dir", "fixtures/coverage", env=env)
    assert run.code == 0, run.err
    assert "corroboration: altered" in run.out
    assert "[-twenty-] {+thirty+}" in run.out
    assert "! harbourherald.example gives these words to Marcus Reed" in run.out
    assert "Coverage: 5 pages used, 0 skipped" in run.out
    md = run_cli("check", server.url("/article.html"), "--coverage-dir", "fixtures/coverage",
                 "--format", "md", env=env)
    assert md.code == 0, md.err
    assert "~~twenty~~ **thirty**" in md.out
    assert "## Coverage" in md.out and "speaker-conflict: 1" in md.out


def test_html_report_shows_the_evidence_and_the_word_diff(server, env):
    run = run_cli("check", server.url("/article.html"), "--coverage-dir", "fixtures/coverage",
                  "--format", "html", env=env)
    assert run.code == 0, run.err
    assert "<del>twenty</del> <ins>thirty</ins>" in run.out
    assert '<section id="coverage">' in run.out and "speaker-conflict 1" in run.out
    assert "gives these words to Marcus Reed" in run.out
    assert '<a class="status altered"' in run.out  # the statement table links to the evidence


def test_evidence_links_only_to_web_addresses():
    evidence = Evidence("evil.example", "javascript:alert(1)", "words", 100.0, Status.VERBATIM, (("=", "words"),))
    report = Report(Article("words"), corroborations=(Corroboration("s1", Status.VERBATIM, (evidence,)),))
    page = html_section(report)
    assert 'href="javascript' not in page and "javascript:alert(1)" in page


def test_failed_pages_are_reported_and_skipped(server, env):
    run = run_cli("check", server.url("/article.html"), "--format", "json",
                  "--coverage", server.url("/coverage/estuary-daily.html"),
                  "--coverage", server.url("/error500.html"),
                  "--coverage", server.url("/report.pdf"),
                  "--coverage", str(COVERAGE / "harbour-herald.html"),
                  "--coverage", "fixtures/coverage/no-such-page.html", env=env)
    assert run.code == 0, run.err
    warnings = run.err.strip().splitlines()
    assert len(warnings) == 3 and all(w.startswith("attrib: warning: coverage skipped: ") for w in warnings)
    assert any("HTTP 500" in w for w in warnings) and any("application/pdf" in w for w in warnings)
    report = json.loads(run.out)
    pages = {p["url"]: p for p in report["coverage"]["pages"]}
    assert "HTTP 500" in pages[server.url("/error500.html")]["error"]
    assert pages[server.url("/coverage/estuary-daily.html")]["outlet"] == "estuarydaily.example"
    feld = statement_for(report, "We are not opposed to the barrier")["corroboration"]
    assert {e["outlet"]: e["status"] for e in feld["evidence"]} == {
        "harbourherald.example": "verbatim", "estuarydaily.example": "contradicted"}


def test_missing_coverage_dir_is_an_error(server, env):
    run = run_cli("check", str(FIXTURES / "web" / "article.html"), "--coverage-dir", "no/such/dir", env=env)
    assert run.code == 2 and "no such directory" in run.err and len(run.err.strip().splitlines()) == 1


def test_fetching_is_concurrent_but_bounded(server, env):
    server.reset()
    urls = [a for n in range(6) for a in ("--coverage", server.url(f"/conc/{n}.html"))]
    run = run_cli("check", str(FIXTURES / "web" / "article.html"), "--jobs", "2", *urls, env=env)
    assert run.code == 0, run.err
    assert server.max_in_flight == 2


def _run_with_terminal_stderr(args: list[str], env: dict[str, str]) -> str:
    master, slave = pty.openpty()
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    proc = subprocess.Popen([sys.executable, "-m", "attrib", *args], stdout=subprocess.PIPE,
                            stderr=slave, cwd=ROOT, env=full_env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.communicate(timeout=60)
    os.close(master)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_is_shown_on_a_terminal_only(server, env):
    args = ["check", str(FIXTURES / "web" / "article.html"),
            "--coverage", server.url("/coverage/estuary-daily.html"),
            "--coverage", server.url("/coverage/harbour-herald.html")]
    shown = _run_with_terminal_stderr(args, env)
    assert "fetching coverage: 2/2" in shown
    piped = run_cli(*args, env=env)
    assert piped.code == 0 and "fetching coverage" not in piped.err
