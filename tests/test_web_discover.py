"""Discovery against a fake GDELT DOC 2.0 endpoint on the local server: the query, the
private-address guard, the invalid-query answer (HTTP 200 with HTML), HTTP 429, the
cache, and where the endpoint comes from."""

from __future__ import annotations

import json
import time

import support_web
from conftest import run_cli
from support_web import env, server  # noqa: F401 - pytest fixtures
from test_web_coverage import assert_expected


def discover(server, env, endpoint="/gdelt", *extra):
    run = run_cli("check", server.url("/article.html"), "--discover", "--discover-endpoint",
                  server.url(endpoint), "--format", "json", *extra, env=env)
    assert run.code == 0, run.err
    return json.loads(run.out), run


def test_discovered_pages_give_the_expected_findings(server, env):
    server.reset()
    report, run = discover(server, env, "/gdelt", "--allow-private")
    assert_expected(report)
    endpoint, query = server.queries[0]
    assert endpoint == "/gdelt"
    assert '"' in query and " OR " in query and "Elena Brandt" in query
    pages = report["coverage"]["pages"]
    used = [p for p in pages if p["error"] is None]
    assert len(used) == len(support_web.COVERAGE_PAGES)
    assert all(p["origin"] == "discover" for p in pages)
    errors = {p["url"].rsplit("/", 1)[1]: p["error"] for p in pages if p["error"]}
    assert "HTTP 404" in errors["gone-story.html"]
    assert "application/pdf" in errors["report.pdf"]
    assert "not-http" not in errors  # not an http(s) URL: never a candidate
    assert not any(p["url"] == server.url("/article.html") for p in pages)  # the article itself
    assert run.err.count("attrib: warning: coverage skipped:") == 2


def test_private_addresses_need_permission(server, env):
    server.reset()
    report, _ = discover(server, env)
    assert all(server.hits[f"/coverage/{name}"] == 0 for name in support_web.COVERAGE_PAGES)
    pages = [p for p in report["coverage"]["pages"] if p["url"].startswith(server.url("/coverage/"))]
    assert pages and all("private or loopback address" in p["error"] and "--allow-private" in p["error"]
                         for p in pages)
    assert all(s["corroboration"]["status"] in ("not-found", "unchecked") for s in report["statements"])


def test_invalid_query_answer_falls_back_to_a_simpler_query(server, env):
    server.reset()
    report, run = discover(server, env, "/gdelt-invalid", "--allow-private")
    queries = [q for p, q in server.queries if p == "/gdelt-invalid"]
    assert len(queries) >= 2 and " OR " in queries[0] and " OR " not in queries[-1]
    assert "rejected the query" in run.err and "keyword that was too short" in run.err
    assert sum(p["error"] is None for p in report["coverage"]["pages"]) == len(support_web.COVERAGE_PAGES)


def test_invalid_query_everywhere_is_a_warning_not_a_failure(server, env):
    report, run = discover(server, env, "/gdelt-always-invalid", "--allow-private")
    assert "rejected the query" in run.err
    assert report["coverage"]["pages"] == []
    assert report["coverage"]["summary"]["unconfirmed"] == report["coverage"]["summary"]["checked"]


def test_rate_limit_is_waited_out(server, env):
    server.reset()
    started = time.monotonic()
    report, run = discover(server, env, "/gdelt-429", "--allow-private")
    assert time.monotonic() - started >= 1.0  # Retry-After: 1
    assert [p for p, _ in server.queries] == ["/gdelt-429", "/gdelt-429"]
    assert "rate" not in run.err
    assert sum(p["error"] is None for p in report["coverage"]["pages"]) == len(support_web.COVERAGE_PAGES)


def test_persistent_rate_limit_is_reported(server, env):
    server.reset()
    report, run = discover(server, env, "/gdelt-429-always", "--allow-private")
    assert len(server.queries) == 3  # the first try and two retries
    assert "rate-limiting requests (HTTP 429)" in run.err
    assert report["coverage"]["pages"] == []


def test_empty_answer(server, env):
    report, run = discover(server, env, "/gdelt-empty")
    assert report["coverage"]["pages"] == [] and run.err == ""


def test_answers_are_cached_until_refresh(server, env):
    server.reset()
    discover(server, env, "/gdelt", "--allow-private")
    discover(server, env, "/gdelt", "--allow-private")
    assert len(server.queries) == 1
    discover(server, env, "/gdelt", "--allow-private", "--refresh")
    assert len(server.queries) == 2


def test_endpoint_from_environment_and_config(server, env, tmp_path):
    server.reset()
    run = run_cli("check", server.url("/article.html"), "--discover",
                  env={**env, "ATTRIB_DISCOVER_ENDPOINT": server.url("/gdelt-env")})
    assert run.code == 0, run.err
    config = tmp_path / "config.toml"
    config.write_text(f'[discover]\nendpoint = "{server.url("/gdelt-config")}"\ninterval = 0\n')
    run = run_cli("check", server.url("/article.html"), "--discover",
                  env={**env, "ATTRIB_CONFIG": str(config), "ATTRIB_CACHE_DIR": str(tmp_path / "c2")})
    assert run.code == 0, run.err
    assert [p for p, _ in server.queries] == ["/gdelt-env", "/gdelt-config"]


def test_bad_config_is_one_line(server, env, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[discover\n")
    run = run_cli("check", server.url("/article.html"), "--discover", env={**env, "ATTRIB_CONFIG": str(config)})
    assert run.code == 2 and "invalid TOML" in run.err and len(run.err.strip().splitlines()) == 1


def test_discover_settings_live_in_attrib_toml_like_the_others(server, env, tmp_path):
    server.reset()
    (tmp_path / "attrib.toml").write_text(
        f'fail-on = "never"\n\n[discover]\nendpoint = "{server.url("/gdelt-toml")}"\ninterval = 0\n')
    article = server.url("/article.html")
    no_config_env = {k: v for k, v in env.items() if k != "ATTRIB_CONFIG"}
    run = run_cli("check", article, "--discover", env=no_config_env, cwd=tmp_path)
    assert run.code == 0, run.err
    run = run_cli("check", article, "--discover", "--config", str(tmp_path / "attrib.toml"),
                  env={**env, "ATTRIB_CACHE_DIR": str(tmp_path / "c3")})
    assert run.code == 0, run.err
    assert [p for p, _ in server.queries] == ["/gdelt-toml", "/gdelt-toml"]
