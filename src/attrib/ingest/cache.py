"""A small HTTP cache in SQLite, so re-running a check does not fetch every page again.

It follows the parts of HTTP caching a single-user client needs: ``no-store`` is never
stored, ``max-age`` (or ``Expires``) sets how long a page stays fresh, ``no-cache`` and
stale entries are revalidated with ``If-None-Match`` / ``If-Modified-Since``, and a page
with only a ``Last-Modified`` date stays fresh for a tenth of its age (at most a day).
The database lives under the user's cache directory, or ``$ATTRIB_CACHE_DIR``.

It is pruned when a run that stored pages closes it: pages stored more than
``$ATTRIB_CACHE_MAX_DAYS`` days ago (default 30) go, then the oldest until the pages
take at most ``$ATTRIB_CACHE_MAX_MB`` MB (default 200). ``attrib cache`` shows it,
prunes it and clears it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..dirs import cache_dir

HEURISTIC_CAP = 24 * 3600.0
DEFAULT_MAX_MB = 200.0
DEFAULT_MAX_DAYS = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    final_url TEXT NOT NULL,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    etag TEXT,
    last_modified TEXT,
    stored_at REAL NOT NULL,
    fresh_until REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class Limits:
    """How much the page cache keeps."""

    max_bytes: int = int(DEFAULT_MAX_MB * 1024 * 1024)
    max_age: float = DEFAULT_MAX_DAYS * 86400  # seconds since a page was stored

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, or ``$ATTRIB_CACHE_MAX_MB`` and ``$ATTRIB_CACHE_MAX_DAYS``
        (a value that is not a positive number is ignored)."""
        def number(name: str, default: float) -> float:
            try:
                value = float(os.environ.get(name, ""))
            except ValueError:
                return default
            return value if 0 < value < float("inf") else default

        return cls(int(number("ATTRIB_CACHE_MAX_MB", DEFAULT_MAX_MB) * 1024 * 1024),
                   number("ATTRIB_CACHE_MAX_DAYS", DEFAULT_MAX_DAYS) * 86400)


@dataclass(frozen=True, slots=True)
class CacheStats:
    pages: int
    bytes: int  # the pages' bodies
    oldest: float | None  # when the oldest page was stored


@dataclass(frozen=True, slots=True)
class CachedPage:
    url: str
    final_url: str
    content_type: str
    body: bytes
    etag: str | None
    last_modified: str | None
    stored_at: float
    fresh_until: float

    def fresh(self, now: float | None = None) -> bool:
        return (now or time.time()) < self.fresh_until

    @property
    def validators(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def _http_time(value: str | None) -> float | None:
    if not value:
        return None
    from email.utils import parsedate_to_datetime  # only a fetch needs it (start-up)

    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _directives(value: str) -> dict[str, str]:
    out = {}
    for part in value.lower().split(","):
        key, _, arg = part.strip().partition("=")
        if key:
            out[key] = arg.strip().strip('"')
    return out


def lifetime(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds a response stays fresh (0: store, but revalidate before use), or None when
    it must not be stored at all."""
    cc = _directives(headers.get("cache-control", ""))
    if "no-store" in cc:
        return None
    if "no-cache" in cc:
        return 0.0
    raw_age = headers.get("age", "").strip()
    age = float(raw_age) if raw_age.isdigit() else 0.0
    if "max-age" in cc:
        try:
            return max(0.0, float(cc["max-age"]) - age)
        except ValueError:
            return 0.0
    expires = _http_time(headers.get("expires"))
    if headers.get("expires") is not None:
        date = _http_time(headers.get("date")) or now
        return max(0.0, expires - date) if expires is not None else 0.0
    modified = _http_time(headers.get("last-modified"))
    if modified is not None:
        return min(HEURISTIC_CAP, max(0.0, (now - modified) / 10))
    return 0.0


class PageCache:
    """Pages by URL. Every SQLite failure turns the cache off for the run (with a warning
    in ``self.problem``) instead of failing the check."""

    def __init__(self, path: Path, limits: Limits | None = None):
        self.path = path
        self.limits = limits or Limits.from_env()
        self.problem: str | None = None  # a warning for the user, once the cache failed
        self.failure: str | None = None  # why it failed
        self._db: sqlite3.Connection | None = None
        self._stored = False  # a page was stored this run: prune on close
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=5, isolation_level=None)
            self._db.execute("PRAGMA auto_vacuum=INCREMENTAL")  # takes effect in a new file only
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)

    @classmethod
    def default(cls) -> PageCache:
        return cls(cache_dir() / "fetch.sqlite")

    def _fail(self, exc: Exception) -> None:
        self.failure = str(exc) or type(exc).__name__
        self.problem = f"the fetch cache at {self.path} is not usable ({self.failure}); continuing without it"
        if self._db is not None:
            self._db.close()
        self._db = None

    def get(self, url: str) -> CachedPage | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT url, final_url, content_type, body, etag, last_modified, stored_at, "
                "fresh_until FROM pages WHERE url = ?", (url,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        return CachedPage(*row) if row else None

    def put(self, page: CachedPage) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (page.url, page.final_url, page.content_type, page.body, page.etag,
                              page.last_modified, page.stored_at, page.fresh_until))
            self._stored = True
        except sqlite3.Error as exc:
            self._fail(exc)

    def forget(self, url: str) -> None:
        if self._db is not None:
            try:
                self._db.execute("DELETE FROM pages WHERE url = ?", (url,))
            except sqlite3.Error as exc:
                self._fail(exc)

    def meta(self, key: str) -> str | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        if self._db is not None:
            try:
                self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
            except sqlite3.Error as exc:
                self._fail(exc)

    def take_turn(self, key: str, interval: float, now: float) -> float | None:
        """The time at which this caller may send its next request to a polite endpoint,
        at least ``interval`` seconds after the turn anyone took last, in any process
        sharing this cache. The turn is reserved inside one write transaction, so two
        runs never get the same one (nobody holds the lock while waiting). None when the
        cache is not usable."""
        if self._db is None:
            return None
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
                try:
                    last = float(row[0]) if row else None
                except ValueError:
                    last = None
                # A turn more than an hour ahead is from a clock that jumped, not a queue.
                if last is None or last > now + 3600:
                    turn = now
                else:
                    turn = max(now, last + interval)
                self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, repr(turn)))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        return turn

    # -- keeping it small ----------------------------------------------------------------

    def stats(self) -> CacheStats:
        if self._db is None:
            return CacheStats(0, 0, None)
        try:
            pages, size, oldest = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(length(body)), 0), MIN(stored_at) FROM pages").fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return CacheStats(0, 0, None)
        return CacheStats(int(pages), int(size), oldest)

    def prune(self, limits: Limits | None = None, now: float | None = None) -> CacheStats:
        """Drop pages stored longer ago than the age limit, then the oldest until the rest
        fit the size limit. Returns what was dropped."""
        limits = limits or self.limits
        now = time.time() if now is None else now
        before = self.stats()
        if self._db is None:
            return before
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute("DELETE FROM pages WHERE stored_at < ?", (now - limits.max_age,))
                # Newest first, a running total of their sizes: whatever passes the limit goes.
                self._db.execute(
                    "DELETE FROM pages WHERE url IN (SELECT url FROM (SELECT url, SUM(length(body)) "
                    "OVER (ORDER BY stored_at DESC, url) AS running FROM pages) WHERE running > ?)",
                    (limits.max_bytes,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("PRAGMA incremental_vacuum")
        except sqlite3.Error as exc:
            self._fail(exc)
            return CacheStats(0, 0, None)
        after = self.stats()
        return CacheStats(before.pages - after.pages, before.bytes - after.bytes, None)

    def clear(self) -> CacheStats:
        """Drop every page (the record of discovery's turns stays) and shrink the file."""
        before = self.stats()
        if self._db is not None:
            try:
                self._db.execute("DELETE FROM pages")
                self._db.execute("VACUUM")
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # shrink the file now
            except sqlite3.Error as exc:
                self._fail(exc)
        return before

    def close(self) -> None:
        if self._db is not None:
            if self._stored:
                self.prune()
        if self._db is not None:
            self._db.close()
            self._db = None
