"""Articles from URLs and HTML files, through the real CLI against a real local server:
metadata, charsets, redirects, the cache, and one clear line for every way a fetch fails."""

from __future__ import annotations

import json
import socket
import sqlite3

import pytest

from conftest import FIXTURES, run_cli
from support_web import env, server  # noqa: F401 - pytest fixtures


def check_json(*args, env):
    run = run_cli("check", *args, "--format", "json", env=env)
    assert run.code == 0, run.err
    return json.loads(run.out), run


def test_url_article_has_text_and_metadata(server, env):
    report, _ = check_json(server.url("/article.html"), env=env)
    a = report["article"]
    assert a["title"] == "Marrow Bay council approves flood barrier despite cost warnings"
    assert a["byline"] == "Hanna Lindqvist"
    assert a["published"] == "2025-02-11"
    assert a["site_name"] == "Marrow Bay Chronicle"
    assert a["url"] == server.url("/article.html")
    # Served from 127.0.0.1: the outlet comes from the page's canonical URL.
    assert a["outlet"] == "marrowbay-chronicle.example"
    # Paragraph breaks and curly quotation marks survive extraction.
    assert "\n\n“This barrier will protect four thousand homes for the next fifty years,” Mayor" in a["text"]
    assert "Home | News" not in a["text"] and "Most read" not in a["text"]
    speakers = {s["source"]["resolved"] or s["source"]["text"] for s in report["statements"]}
    assert {"Elena Brandt", "Samuel Okoye", "Jonas Feld"} <= speakers


def test_html_file_reads_like_the_url(server, env):
    from_file, _ = check_json(str(FIXTURES / "web" / "article.html"), env=env)
    from_url, _ = check_json(server.url("/article.html"), env=env)
    assert from_file["article"]["text"] == from_url["article"]["text"]
    assert from_file["article"]["url"].startswith("https://www.marrowbay-chronicle.example/")


def test_plain_text_article_is_unchanged(env):
    path = FIXTURES / "articles" / "harbour-strike.txt"
    report, _ = check_json(str(path), env=env)
    assert report["article"]["text"] == path.read_text(encoding="utf-8")
    assert report["coverage"] is None


@pytest.mark.parametrize("page", ["/cp1252.html", "/latin1.html"])
def test_declared_charset_is_honoured(server, env, page):
    report, _ = check_json(server.url(page), env=env)
    text = report["article"]["text"]
    assert "Café owners fear the barrier works" in text
    assert "Agnès Moreau" in text
    if page == "/cp1252.html":
        assert "“We will lose a whole season,”" in text


def test_redirect_is_followed(server, env):
    report, _ = check_json(server.url("/moved.html"), env=env)
    assert report["article"]["url"] == server.url("/article.html")




FAILURES = [
    ("/nope.html", "HTTP 404"),
    ("/error500.html", "HTTP 500"),
    ("/loop/a", "redirect loop"),
    ("/chain/0", "too many redirects"),
    ("/report.pdf", "not an HTML page (content type application/pdf)"),
    ("/untyped", "not an HTML page (no content type"),
    ("/empty.html", "no article text found"),
    ("/huge.html", "over the 5 MB limit"),
    ("/huge-declared.html", "the page is 60 MB, over the 5 MB limit"),
    ("/to-ftp.html", "only http and https URLs can be fetched"),
    ("/slow.html", "(time-out)"),
]


@pytest.mark.parametrize("path,expected", FAILURES, ids=[p for p, _ in FAILURES])
def test_fetch_failures_are_one_line_and_exit_2(server, env, path, expected):
    run = run_cli("check", server.url(path), "--timeout", "0.5", env=env)
    assert run.code == 2
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith(f"attrib: error: {server.url(path)}: ")
    assert expected in lines[0]


def test_a_page_that_drips_runs_into_the_whole_answers_deadline(server, env):
    # A chunk every 0.2 s never trips the 1 s read time-out (a 0.5 s one could, on a busy
    # machine); the whole answer's deadline, three times the time-out, does.
    run = run_cli("check", server.url("/drip.html"), "--timeout", "1", env=env)
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1, run.err
    assert "timed out (no complete answer within 3 s)" in run.err


def test_dns_failure(env):
    # A 64-letter label is refused by the resolver library itself: no DNS query leaves.
    url = "http://" + "x" * 64 + ".invalid/story.html"
    run = run_cli("check", url, env=env)
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1
    assert "DNS lookup failed" in run.err


def test_refused_connection(env):
    with socket.socket() as held:  # bound, never listening: refused, and no one else takes it
        held.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{held.getsockname()[1]}/article.html"
        run = run_cli("check", url, env=env)
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1
    assert "connection refused by 127.0.0.1:" in run.err


def test_other_schemes_are_refused(env):
    run = run_cli("check", "ftp://127.0.0.1/article.html", env=env)
    assert run.code == 2 and "only http and https" in run.err


@pytest.mark.parametrize("value", ["0", "-3", "nan", "inf", "soon"])
def test_bad_timeout_option(env, value):
    run = run_cli("check", "x.html", "--timeout", value, env=env)
    assert run.code == 2 and "--timeout" in run.err and "Traceback" not in run.err
    assert ("not a number" if value == "soon" else "must be a finite number above zero") in run.err


# -- the cache ---------------------------------------------------------------------------

def test_fresh_page_comes_from_the_cache_until_refresh(server, env):
    server.reset()
    for _ in range(2):
        check_json(server.url("/cached.html"), env=env)
    assert server.hits["/cached.html"] == 1
    check_json(server.url("/cached.html"), "--refresh", env=env)
    assert server.hits["/cached.html"] == 2


def test_stale_page_is_revalidated_with_its_etag(server, env):
    server.reset()
    first, _ = check_json(server.url("/etag.html"), env=env)
    second, _ = check_json(server.url("/etag.html"), env=env)
    assert server.hits["/etag.html"] == 2
    assert server.not_modified["/etag.html"] == 1  # the second answer was a 304
    assert first["article"]["text"] == second["article"]["text"]


def test_no_store_is_never_stored(server, env, tmp_path):
    server.reset()
    for _ in range(2):
        check_json(server.url("/nostore.html"), env=env)
    assert server.hits["/nostore.html"] == 2
    db = sqlite3.connect(tmp_path / "cache" / "fetch.sqlite")
    stored = {row[0] for row in db.execute("SELECT url FROM pages")}
    assert server.url("/nostore.html") not in stored


def test_unusable_cache_does_not_fail_the_run(server, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    env = {"ATTRIB_CACHE_DIR": str(blocker / "cache")}
    run = run_cli("check", server.url("/article.html"), env=env)
    assert run.code == 0
    assert "fetch cache" in run.err and "continuing without it" in run.err


# -- the outlet list ---------------------------------------------------------------------

def test_user_outlet_list_is_shown_as_information(env, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "outlets.yaml").write_text(
        "kind: outlets\noutlets:\n  - {domain: marrowbay-chronicle.example, name: Marrow Bay Chronicle,"
        " kinds: [newspaper], note: Family-owned., sources: ['https://marrowbay-chronicle.example/about']}\n")
    page = str(FIXTURES / "web" / "article.html")
    report, _ = check_json(page, "--rules", str(rules), env=env)
    info = report["article"]["outlet_info"]
    assert info == {"domain": "marrowbay-chronicle.example", "name": "Marrow Bay Chronicle",
                    "kinds": ["newspaper"], "note": "Family-owned.",
                    "sources": ["https://marrowbay-chronicle.example/about"]}
    assert report["outlets"] == [info]
    text = run_cli("check", page, "--rules", str(rules), env=env)
    assert "Outlet: Marrow Bay Chronicle (newspaper; Family-owned.) [information, not a verdict]" in text.out
    plain, _ = check_json(page, env=env)
    assert plain["article"]["outlet_info"] is None and plain["outlets"] == []


def test_invalid_outlet_file_is_one_line(env, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "outlets.yaml").write_text(
        "kind: outlets\noutlets:\n  - {domain: a.example, name: A, kinds: [tabloid], sources: ['https://a']}\n")
    run = run_cli("check", str(FIXTURES / "web" / "article.html"), "--rules", str(rules), env=env)
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1
    assert "outlets.yaml: rule 'a.example': key 'kinds': unknown kind 'tabloid'" in run.err
