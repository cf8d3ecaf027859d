"""Several runs sharing one page cache: discovery requests stay spaced across all of them;
the cache is pruned by size and age, and ``attrib cache`` shows and clears it."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time

from conftest import ROOT
from support_hostile import hostile  # noqa: F401 - pytest fixture

RUNS = 5
INTERVAL = 1.0


def test_discovery_requests_are_spaced_across_parallel_runs(hostile, tmp_path):
    """Five runs started together, one cache, one request each: the endpoint sees them at
    least (about) the interval apart. Without a shared turn they arrive together."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ATTRIB_CACHE_DIR": str(tmp_path / "cache"),
           "ATTRIB_CONFIG": str(tmp_path / "none.toml"), "ATTRIB_DISCOVER_INTERVAL": str(INTERVAL)}
    hostile.arrivals.clear()
    args = [sys.executable, "-m", "attrib", "check", hostile.url("/article.html"), "--discover",
            "--discover-endpoint", hostile.url("/gdelt-timed"), "--refresh", "--format", "json"]
    procs = [subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for _ in range(RUNS)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    arrivals = sorted(hostile.arrivals)
    assert len(arrivals) == RUNS
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    # The margin is for a loaded machine delaying one request after its turn came.
    assert min(gaps) >= 0.7 * INTERVAL, gaps
    assert arrivals[-1] - arrivals[0] >= (RUNS - 1) * INTERVAL * 0.85, gaps


# -- pruning and attrib cache ---------------------------------------------------------------

DAY = 86400.0


def _page(url: str, size: int, stored_at: float):
    from attrib.ingest.cache import CachedPage

    return CachedPage(url, url, "text/html", b"x" * size, None, None, stored_at, stored_at + 600)


def _seed(path, pages):
    from attrib.ingest.cache import PageCache

    cache = PageCache(path)
    for page in pages:
        cache.put(page)
    cache._stored = False  # seeding is not a run: leave pruning to what is tested
    cache.close()


def _urls(path) -> set[str]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as db:
        return {row[0] for row in db.execute("SELECT url FROM pages")}


def test_a_run_that_stores_pages_prunes_old_and_oversize_ones(tmp_path):
    from attrib.ingest.cache import Limits, PageCache

    path = tmp_path / "fetch.sqlite"
    now = time.time()
    _seed(path, [_page("https://old.example/a", 1000, now - 40 * DAY)]
          + [_page(f"https://new.example/{i}", 30_000, now - 100 + i) for i in range(5)])
    cache = PageCache(path, Limits(max_bytes=100_000, max_age=30 * DAY))
    cache.put(_page("https://new.example/latest", 30_000, now))
    cache.close()
    # 40 days old: gone; then only the newest pages that fit 100,000 bytes (3 of 30,000).
    assert _urls(path) == {"https://new.example/latest", "https://new.example/4", "https://new.example/3"}


def test_a_run_that_stores_nothing_leaves_the_cache_alone(tmp_path):
    from attrib.ingest.cache import Limits, PageCache

    path = tmp_path / "fetch.sqlite"
    _seed(path, [_page("https://old.example/a", 1000, time.time() - 40 * DAY)])
    cache = PageCache(path, Limits(max_bytes=10, max_age=DAY))
    assert cache.get("https://old.example/a") is not None
    cache.close()
    assert _urls(path) == {"https://old.example/a"}


def test_the_cli_prunes_with_the_limits_from_the_environment(hostile, tmp_path):
    from conftest import run_cli

    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    path = cache_dir / "fetch.sqlite"
    _seed(path, [_page("https://old.example/a", 1000, time.time() - 10 * DAY),
                 _page("https://old.example/b", 1000, time.time() - 1 * DAY)])
    env = {"ATTRIB_CACHE_DIR": str(cache_dir), "ATTRIB_CACHE_MAX_DAYS": "5"}
    run = run_cli("check", hostile.url("/cached.html"), env=env)  # max-age=600: stored
    assert run.code == 0, run.err
    assert _urls(path) == {"https://old.example/b", hostile.url("/cached.html")}


def test_attrib_cache_shows_prunes_and_clears(tmp_path):
    from conftest import run_cli

    cache_dir = tmp_path / "cache"
    env = {"ATTRIB_CACHE_DIR": str(cache_dir)}
    empty = run_cli("cache", env=env)
    assert empty.code == 0 and "nothing fetched yet" in empty.out
    assert not (cache_dir / "fetch.sqlite").exists()  # looking does not create it
    cache_dir.mkdir()
    path = cache_dir / "fetch.sqlite"
    now = time.time()
    _seed(path, [_page(f"https://a.example/{i}", 512 * 1024, now - i * DAY) for i in range(4)])
    shown = run_cli("cache", env=env)
    assert shown.code == 0, shown.err
    assert f"page cache: {path}" in shown.out and "4 pages, 2.0 MB" in shown.out
    aged = run_cli("cache", "--prune", "--max-age", "2.5", env=env)
    assert "pruned: 1 page, 0.5 MB" in aged.out and "3 pages, 1.5 MB" in aged.out
    sized = run_cli("cache", "--prune", "--max-size", "1", env=env)
    assert "pruned: 1 page, 0.5 MB" in sized.out and "2 pages, 1.0 MB" in sized.out
    assert _urls(path) == {"https://a.example/0", "https://a.example/1"}
    cleared = run_cli("cache", "--clear", env=env)
    assert cleared.code == 0 and "cleared: 2 pages, 1.0 MB" in cleared.out and "0 pages, 0.0 MB" in cleared.out
    assert _urls(path) == set()
    assert path.stat().st_size < 100 * 1024  # the file shrank too


def test_attrib_cache_on_a_broken_file_is_one_line(tmp_path):
    from conftest import run_cli

    (tmp_path / "fetch.sqlite").write_bytes(b"this is not an SQLite database, not at all" * 100)
    run = run_cli("cache", "--clear", env={"ATTRIB_CACHE_DIR": str(tmp_path)})
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1
    assert "the page cache cannot be opened" in run.err and "delete the file" in run.err


def test_parallel_runs_share_the_page_cache(hostile, tmp_path):
    """Six runs at once on one cache file: every run succeeds with no cache warning, and
    the cache holds what they fetched."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "ATTRIB_CACHE_DIR": str(tmp_path / "cache"),
           "ATTRIB_CONFIG": str(tmp_path / "none.toml")}
    pages = ["/cached.html", "/etag.html"]
    procs = [subprocess.Popen([sys.executable, "-m", "attrib", "check", hostile.url(pages[i % 2]), "--refresh"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for i in range(6)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0 and err == b"", err.decode()
    assert _urls(tmp_path / "cache" / "fetch.sqlite") == {hostile.url(p) for p in pages}
