"""Review state that lasts: an SQLite file under the user's data directory.

Every change is its own committed transaction (WAL, synchronous=FULL), so killing the
program at any moment loses nothing already entered. Rows are keyed by the article's
content hash and the finding's stable key (see review.py); each field of a review
(verdict, note, corrected speaker) is written on its own, so two windows on one article
do not overwrite each other's work. A second table remembers each reviewed article: its
title, where it was read from, how many findings it had and where the cursor was.

Schema 2 (this one) added the corrected speaker, the finding's words (to find a finding
again when its key changes) and the articles table; a schema 1 file is upgraded in place
when opened, and its offset keys move to the new keys as each article is opened.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from .errors import StoreError
from .review import FIELDS, Review, Stored

DATA_DIR_ENV = "ATTRIB_DATA_DIR"
FILENAME = "attrib.sqlite3"
_VERSION = 2

_REVIEWS = """
CREATE TABLE IF NOT EXISTS reviews (
    article TEXT NOT NULL,
    finding TEXT NOT NULL,
    state   TEXT NOT NULL CHECK (state IN ('open', 'confirmed', 'dismissed')),
    note    TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    anchor  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article, finding)
) WITHOUT ROWID;
"""
_ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    article  TEXT PRIMARY KEY,
    title    TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    findings INTEGER NOT NULL DEFAULT 0,
    cursor   TEXT NOT NULL DEFAULT '',
    opened   TEXT NOT NULL
) WITHOUT ROWID;
"""


def data_dir() -> Path:
    """$ATTRIB_DATA_DIR, else the platform's user data directory for attrib."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("attrib", appauthor=False)


def default_path() -> Path:
    return data_dir() / FILENAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class ReviewedArticle:
    """One line of ``attrib reviews``."""

    digest: str
    title: str
    location: str  # the path or URL it was last read from
    findings: int  # findings when it was last opened
    confirmed: int
    dismissed: int
    notes: int
    last_change: str  # ISO 8601, UTC

    @property
    def reviewed(self) -> int:
        return self.confirmed + self.dismissed


class ReviewStore:
    """Verdicts, notes and corrected speakers per (article digest, finding key)."""

    def __init__(self, path: str | Path | None = None, *, timeout: float = 5.0) -> None:
        """``timeout``: how long a write waits for another window's write to finish."""
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > _VERSION:
                raise StoreError(f"{self.path}: written by a newer attrib (schema {version})")
            if version < _VERSION:
                with self._transaction():
                    self._upgrade(version)
            self._data_version = self._version()
        except sqlite3.DatabaseError as exc:
            moved = f"{self.path}.broken"
            raise StoreError(f"{self.path}: cannot use the review database ({exc}); move it "
                             f"aside (mv {shlex.quote(str(self.path))} {shlex.quote(moved)}) and "
                             "attrib starts a new one") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the review database "
                             f"({exc.strerror})") from None

    def _upgrade(self, version: int) -> None:
        if version == 1:  # schema 1: no speaker, no anchor, no articles table
            self._db.execute("ALTER TABLE reviews ADD COLUMN speaker TEXT NOT NULL DEFAULT ''")
            self._db.execute("ALTER TABLE reviews ADD COLUMN anchor TEXT NOT NULL DEFAULT ''")
        self._db.execute(_REVIEWS)
        self._db.execute(_ARTICLES)
        self._db.execute(f"PRAGMA user_version={_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE: what is read inside is what the write replaces."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    # -- reviews -------------------------------------------------------------------------
    def load(self, digest: str) -> dict[str, Stored]:
        try:
            rows = self._db.execute("SELECT finding, state, note, speaker, anchor FROM reviews "
                                    "WHERE article = ?", (digest,)).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read reviews ({exc})") from None
        return {key: Stored(Review(state, note, speaker), anchor)
                for key, state, note, speaker, anchor in rows}

    def update(self, digest: str, key: str, field: str, value: str, anchor: str = "") -> Review:
        """Set one field of one review (a review left blank is deleted), committed before
        returning; returns the review as it was just before."""
        if field not in FIELDS:
            raise ValueError(field)
        try:
            with self._transaction():
                row = self._db.execute("SELECT state, note, speaker FROM reviews "
                                       "WHERE article = ? AND finding = ?", (digest, key)).fetchone()
                before = Review(*row) if row else Review()
                self._db.execute(
                    "INSERT INTO reviews (article, finding, state, updated, anchor) "
                    "VALUES (?, ?, 'open', ?, ?) ON CONFLICT (article, finding) DO NOTHING",
                    (digest, key, _now(), anchor))
                self._db.execute(f"UPDATE reviews SET {field} = ?, updated = ?, "
                                 "anchor = CASE WHEN ? != '' THEN ? ELSE anchor END "
                                 "WHERE article = ? AND finding = ?",
                                 (value, _now(), anchor, anchor, digest, key))
                self._db.execute("DELETE FROM reviews WHERE article = ? AND finding = ? AND "
                                 "state = 'open' AND note = '' AND speaker = ''", (digest, key))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot save the review ({exc})") from None
        self._data_version = self._version()
        return before

    def rekey(self, digest: str, old: str, new: str, anchor: str) -> None:
        """Move a review to its finding's new key (unless one is already there)."""
        try:
            with self._transaction():
                self._db.execute(
                    "UPDATE reviews SET finding = ?, anchor = ? WHERE article = ? AND finding = ? "
                    "AND NOT EXISTS (SELECT 1 FROM reviews WHERE article = ? AND finding = ?)",
                    (new, anchor, digest, old, digest, new))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot save the review ({exc})") from None

    def changed(self) -> bool:
        """Has another connection committed since the last call (or our last write)?"""
        try:
            now = self._version()
        except sqlite3.DatabaseError:
            return False
        changed, self._data_version = now != self._data_version, now
        return changed

    # -- articles --------------------------------------------------------------------------
    def opened(self, digest: str, title: str, location: str, findings: int) -> None:
        """Remember an article as it is opened for review."""
        try:
            with self._transaction():
                self._db.execute(
                    "INSERT INTO articles (article, title, location, findings, opened) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article) DO UPDATE SET "
                    "title = excluded.title, location = excluded.location, "
                    "findings = excluded.findings, opened = excluded.opened",
                    (digest, title, location, findings, _now()))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot save the review ({exc})") from None
        self._data_version = self._version()

    def cursor(self, digest: str) -> str | None:
        """The key of the finding selected when the article was last left."""
        row = self._db.execute("SELECT cursor FROM articles WHERE article = ?", (digest,)).fetchone()
        return row[0] or None if row else None

    def set_cursor(self, digest: str, key: str) -> None:
        try:
            self._db.execute("UPDATE articles SET cursor = ? WHERE article = ?", (key, digest))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot save the review ({exc})") from None
        self._data_version = self._version()

    def articles(self) -> list[ReviewedArticle]:
        """Every article with a review or opened for one, most recently changed first."""
        try:
            rows = self._db.execute("""
                SELECT d.article, COALESCE(a.title, ''), COALESCE(a.location, ''),
                       COALESCE(a.findings, 0),
                       COALESCE(SUM(r.state = 'confirmed'), 0), COALESCE(SUM(r.state = 'dismissed'), 0),
                       COALESCE(SUM(r.note != ''), 0),
                       MAX(COALESCE(MAX(r.updated), ''), COALESCE(a.opened, ''))
                FROM (SELECT article FROM reviews UNION SELECT article FROM articles) AS d
                LEFT JOIN articles AS a ON a.article = d.article
                LEFT JOIN reviews AS r ON r.article = d.article
                GROUP BY d.article ORDER BY 8 DESC, 1""").fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read reviews ({exc})") from None
        return [ReviewedArticle(*row) for row in rows]

    def progress(self, digest: str) -> tuple[int, int]:
        """(findings reviewed, findings) as last seen; (0, 0) for an article never opened."""
        found = self._db.execute("SELECT findings FROM articles WHERE article = ?", (digest,)).fetchone()
        done = self._db.execute("SELECT COUNT(*) FROM reviews WHERE article = ? AND state != 'open'",
                                (digest,)).fetchone()[0]
        return int(done), int(found[0]) if found else 0

    def close(self) -> None:
        self._db.close()
