"""Hostile and broken servers, through the real CLI (and the review app) against a real
local server: every bad page is one line, or one skipped coverage page with its reason,
never a traceback; server text never reaches the terminal raw; a decompression bomb
never inflates past the cap."""

from __future__ import annotations

import json

import pytest

import support_web
from conftest import run_cli
from support_hostile import OSC_REASON, REDIRECTS, hostile, resetting, run_cli_measured  # noqa: F401 - fixtures
from support_web import env  # noqa: F401 - pytest fixture

UNFOLLOWABLE = {
    "javascript": "redirected to javascript:alert(document.cookie); only http and https URLs can be fetched",
    "mailto": "redirected to mailto:desk@example.org; only http and https",
    "data": "redirected to data:text/html,<p>hello</p>; only http and https",
    "about": "redirected to about:blank; only http and https",
    "port": "port 70000 is not a valid port (1 to 65535) (redirected to http://127.0.0.1:70000/story.html)",
    "hugeport": "port 99999999999 is not a valid port",
}


def one_error_line(run) -> str:
    assert run.code == 2, (run.code, run.err)
    assert "Traceback" not in run.err
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("attrib: error: ")
    return lines[0]


@pytest.mark.parametrize("kind", sorted(REDIRECTS))
def test_redirect_nowhere_is_one_line(hostile, env, kind):
    line = one_error_line(run_cli("check", hostile.url(f"/redirect/{kind}"), env=env))
    assert UNFOLLOWABLE[kind] in line


def test_port_out_of_range_is_one_line(env):
    line = one_error_line(run_cli("check", "http://127.0.0.1:70000/story.html", env=env))
    assert "port 70000 is not a valid port" in line


def test_bad_redirects_are_skipped_pages_among_good_ones(hostile, env):
    bad = [hostile.url(f"/redirect/{kind}") for kind in sorted(REDIRECTS)]
    args = [a for url in bad for a in ("--coverage", url)]
    run = run_cli("check", hostile.url("/article.html"), "--format", "json",
                  "--coverage", hostile.url("/coverage/harbour-herald.html"), *args, env=env)
    assert run.code == 0, run.err
    report = json.loads(run.out)
    pages = {p["url"]: p for p in report["coverage"]["pages"]}
    assert pages[hostile.url("/coverage/harbour-herald.html")]["error"] is None
    for kind, url in zip(sorted(REDIRECTS), bad):
        assert UNFOLLOWABLE[kind] in pages[url]["error"]
    assert run.err.count("attrib: warning: coverage skipped:") == len(bad)
    # The good page still corroborates.
    assert any(e["outlet"] == "harbourherald.example"
               for s in report["statements"] for e in s["corroboration"]["evidence"])


def test_discovery_results_that_redirect_nowhere_are_skipped(hostile, env):
    """With --discover, any site in the search results can answer with such a redirect."""
    run = run_cli("check", hostile.url("/article.html"), "--discover", "--allow-private",
                  "--discover-endpoint", hostile.url("/gdelt-hostile"), "--format", "json", env=env)
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    pages = json.loads(run.out)["coverage"]["pages"]
    used = [p for p in pages if p["error"] is None]
    assert len(used) == len(support_web.COVERAGE_PAGES)
    errors = {p["url"]: p["error"] for p in pages if p["error"]}
    for kind in REDIRECTS:
        assert UNFOLLOWABLE[kind] in errors[hostile.url(f"/redirect/{kind}")]
    assert "port 70000 is not a valid port" in errors["http://127.0.0.1:70000/direct.html"]
    assert "over the 5 MB limit once decompressed" in errors[hostile.url("/bomb")]


async def test_review_app_keeps_the_good_pages_when_one_redirects_nowhere(hostile, tmp_path):
    from attrib import Checker
    from attrib.corroborate.coverage_request import CoverageRequest
    from attrib.tui.coverage_worker import coverage_corroborator
    from support_tui import SIZE, make_app

    checker = Checker()
    report = checker.check(checker.read(support_web.WEB / "article.html"))
    request = CoverageRequest(items=(hostile.url("/coverage/harbour-herald.html"),
                                     hostile.url("/redirect/javascript"), hostile.url("/redirect/port")),
                              cache=tmp_path / "cache.sqlite")
    app = make_app(tmp_path, report, corroborate=coverage_corroborator(checker, request))
    messages: list[str] = []  # as posted: a notice on screen expires after its time-out
    notify = app.notify
    app.notify = lambda message, **kwargs: (messages.append(str(message)), notify(message, **kwargs))[1]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any("javascript:" in m and "only http and https" in m for m in messages), messages
        assert any("port 70000" in m for m in messages), messages
        statuses = {cell.plain for cell in app.table.get_column("corroboration")}
        assert "verbatim" in statuses, statuses  # the good page's results were kept


def test_redirect_without_location_says_so(hostile, env):
    line = one_error_line(run_cli("check", hostile.url("/no-location"), env=env))
    assert "HTTP 302 redirect without a Location header" in line


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_reset_connection_has_a_reason(resetting, env, scheme):
    """The reset comes with no message of its own; the line still gives the reason."""
    line = one_error_line(run_cli("check", f"{scheme}://127.0.0.1:{resetting.port}/story.html", env=env))
    assert "()" not in line
    assert "Connection reset by peer" in line, line


# -- server text on the terminal ----------------------------------------------------------

def test_reason_phrase_escapes_never_reach_the_terminal(hostile, env):
    run = run_cli("check", hostile.url("/osc-reason"), env=env)
    line = one_error_line(run)
    assert "\x1b" not in run.err and "\x07" not in run.err
    assert line.endswith("HTTP 403 Forbidden"), line


def test_reason_phrase_escapes_never_reach_a_coverage_warning(hostile, env):
    run = run_cli("check", hostile.url("/article.html"), "--coverage", hostile.url("/osc-reason"), env=env)
    assert run.code == 0, run.err
    assert "\x1b" not in run.err and "\x07" not in run.err and "\x1b" not in run.out
    assert "coverage skipped:" in run.err and "HTTP 403 Forbidden" in run.err
    assert OSC_REASON not in run.err


# -- credentials ---------------------------------------------------------------------------

def test_credentials_in_a_url_are_never_repeated(hostile, env):
    def with_secret(path):
        return hostile.url(path).replace("http://", "http://reader:hunter2secret@")

    run = run_cli("check", with_secret("/article.html"), "--format", "json",
                  "--coverage", with_secret("/coverage/harbour-herald.html"),
                  "--coverage", with_secret("/nope.html"), env=env)
    assert run.code == 0, run.err
    assert "hunter2secret" not in run.out and "hunter2secret" not in run.err
    report = json.loads(run.out)
    assert report["article"]["url"] == hostile.url("/article.html")
    failed = one_error_line(run_cli("check", with_secret("/nope.html"), env=env))
    assert "hunter2secret" not in failed and "HTTP 404" in failed


# -- content codings ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/gzip.html", "/gzip-gzip.html", "/deflate-raw.html"])
def test_encoded_pages_read_like_the_plain_page(hostile, env, path):
    plain = run_cli("check", hostile.url("/article.html"), "--format", "json", env=env)
    encoded = run_cli("check", hostile.url(path), "--format", "json", env=env)
    assert encoded.code == 0, encoded.err
    assert json.loads(encoded.out)["article"]["text"] == json.loads(plain.out)["article"]["text"]


@pytest.mark.parametrize("path,expected", [
    ("/brotli.html", "content encoding 'br' is not supported (only gzip, deflate)"),
    ("/corrupt-gzip.html", "the gzip data is corrupt"),
])
def test_unreadable_encodings_are_one_line(hostile, env, path, expected):
    assert expected in one_error_line(run_cli("check", hostile.url(path), env=env))


def test_decompression_bomb_stops_at_the_cap_with_bounded_memory(hostile, env):
    """About 2 KB on the wire, gzip inside gzip, 256 MiB decoded: refused once the decoded
    stream passes 5 MB, with peak memory within a few MB of a run that fetches nothing."""
    control = run_cli_measured("check", hostile.url("/nope.html"), env=env)
    assert control.code == 2
    run = run_cli_measured("check", hostile.url("/bomb"), env=env)
    line = one_error_line(run)
    assert "over the 5 MB limit once decompressed" in line
    assert run.peak_rss_mb - control.peak_rss_mb < 40, (run.peak_rss_mb, control.peak_rss_mb)


# -- promises that already held, tested here ----------------------------------------------

def test_private_addresses_are_refused_on_every_hop(hostile, monkeypatch):
    """The first hop passes the guard, the redirect's does not: the guard runs per hop.
    (Every test server is on loopback, so here only 127.0.0.2 counts as private.)"""
    import asyncio

    from attrib.errors import FetchError
    from attrib.ingest import fetch

    monkeypatch.setattr(fetch, "_blocked", lambda address: address == "127.0.0.2")

    async def get(url):
        async with fetch.Fetcher() as fetcher:
            return await fetcher.get(url, guard_private=True)

    assert asyncio.run(get(hostile.url("/article.html"))).status == 200
    with pytest.raises(FetchError, match=r"127\.0\.0\.2 is a private or loopback address"):
        asyncio.run(get(hostile.url("/to-other-loopback")))
    assert hostile.hits["/to-other-loopback"] >= 1
