"""Review state that lasts: an SQLite file under the user's data directory.

Every change is its own committed transaction (WAL, synchronous=FULL), so killing the
program at any moment loses nothing already entered. Rows are keyed by the article's
content hash and the finding's stable key (see review.py).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from .errors import StoreError
from .review import Review

DATA_DIR_ENV = "ATTRIB_DATA_DIR"
FILENAME = "attrib.sqlite3"
_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    article TEXT NOT NULL,
    finding TEXT NOT NULL,
    state   TEXT NOT NULL CHECK (state IN ('open', 'confirmed', 'dismissed')),
    note    TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (article, finding)
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


class ReviewStore:
    """Verdicts and notes per (article digest, finding key)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=5.0)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > _VERSION:
                raise StoreError(f"{self.path}: written by a newer attrib (schema {version})")
            with self._db:
                self._db.executescript(_SCHEMA)
                self._db.execute(f"PRAGMA user_version={_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot use the review database ({exc})") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the review database "
                             f"({exc.strerror})") from None

    def load(self, digest: str) -> dict[str, Review]:
        try:
            rows = self._db.execute(
                "SELECT finding, state, note FROM reviews WHERE article = ?", (digest,))
            return {key: Review(state, note) for key, state, note in rows}
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read reviews ({exc})") from None

    def save(self, digest: str, key: str, review: Review) -> None:
        """Write one review (a blank one deletes the row); committed before returning."""
        try:
            with self._db:
                if review.blank:
                    self._db.execute("DELETE FROM reviews WHERE article = ? AND finding = ?",
                                     (digest, key))
                else:
                    self._db.execute(
                        "INSERT INTO reviews (article, finding, state, note, updated) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article, finding) DO UPDATE SET "
                        "state = excluded.state, note = excluded.note, updated = excluded.updated",
                        (digest, key, review.state, review.note,
                         datetime.now(UTC).isoformat(timespec="seconds")))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot save the review ({exc})") from None

    def close(self) -> None:
        self._db.close()
