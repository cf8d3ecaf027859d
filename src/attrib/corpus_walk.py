"""The ``.txt`` documents of a corpus run (``attrib extract``), found and read so that
one bad file never stops the run and memory stays flat however many files there are.

Every path found is put in a temporary SQLite database on disk, not in a Python list:
the database gives the files back in order (input by input, then by path) and finds two
files with one document id (the file's stem, the scorer's key) before anything is
written, at a few dozen bytes of disk per file instead of most of a kilobyte of memory.
A file is read only if it is a regular file (a FIFO would block the run forever); a file
that cannot be read or decoded is skipped with its reason.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .ingest.text import MAX_BYTES, decode
from .model import Article

SUFFIX = ".txt"
_BATCH = 1000


@dataclass(frozen=True, slots=True)
class Document:
    """A document to read: its path, and its id (the file's stem)."""

    path: str
    id: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document that was not read, and why (a one-line reason naming the file)."""

    path: str
    reason: str


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _stem(path: str) -> str:
    # os.path, not pathlib: pathlib interns every part of every path it parses.
    return os.path.splitext(os.path.basename(path))[0]


def _sort_key(path: str) -> str:
    # Paths compare part by part ("a/x.txt" before "a-b/x.txt"), as pathlib sorts them.
    return path.replace(os.sep, "\x01")


class Corpus:
    """The documents under ``inputs``, each once: ``for item in corpus`` gives a Document
    to read or a Skipped. Raises InputError (before anything is read) for an input that does
    not exist, a named file that is not ``.txt``, a folder without ``.txt`` documents,
    or two documents with one id."""

    def __init__(self, inputs: Sequence[str]):
        self._db = sqlite3.connect("")  # "": a private temporary database on disk
        self._db.execute("PRAGMA cache_size = -1024")  # 1 MB of pages, and of sorting, in memory
        self._db.execute("CREATE TABLE docs (n INTEGER, key TEXT, path TEXT, stem TEXT, problem TEXT, "
                         "PRIMARY KEY (path))")
        self.total = 0
        try:
            for n, item in enumerate(inputs):
                self._add_input(n, item)
            self._check_ids()
            self.total = self._db.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
        except BaseException:
            self.close()
            raise

    def _add_input(self, n: int, item: str) -> None:
        path = Path(item)
        try:
            st = path.stat()
        except FileNotFoundError:
            raise InputError(f"{item}: no such file or directory") from None
        except OSError as exc:
            raise InputError(f"{item}: cannot read ({exc.strerror})") from None
        if stat.S_ISDIR(st.st_mode):
            before = self._count()
            self._insert(n, self._walk(path))
            if self._count() == before:
                raise InputError(f"{item}: no {SUFFIX} documents in this folder")
            return
        if path.suffix != SUFFIX:
            raise InputError(f"{item}: extract reads plain-text {SUFFIX} documents only "
                             "(offsets must index the file as it is)")
        problem = None if stat.S_ISREG(st.st_mode) else f"{item}: {_kind(st.st_mode)}, not read"
        self._insert(n, iter([(str(path), problem)]))

    def _walk(self, root: Path) -> Iterator[tuple[str, str | None]]:
        """(path, problem) for every ``.txt`` entry under root, directory by directory;
        symbolic links to folders are followed once each (a loop is not)."""
        pending = [str(root)]
        visited: set[tuple[int, int]] = set()
        while pending:
            directory = pending.pop()
            try:
                st = os.stat(directory)
                if (st.st_dev, st.st_ino) in visited:
                    continue
                visited.add((st.st_dev, st.st_ino))
                entries = os.scandir(directory)
            except OSError as exc:
                yield directory, f"{directory}: cannot read this folder ({exc.strerror})"
                continue
            with entries:
                for entry in entries:
                    try:
                        if entry.is_dir():
                            pending.append(entry.path)
                            continue
                        if not entry.name.endswith(SUFFIX):
                            continue
                        mode = entry.stat().st_mode
                    except OSError as exc:
                        yield entry.path, f"{entry.path}: cannot read ({exc.strerror})"
                        continue
                    yield entry.path, None if stat.S_ISREG(mode) else f"{entry.path}: {_kind(mode)}, not read"

    def _insert(self, n: int, rows: Iterator[tuple[str, str | None]]) -> None:
        batch = []
        for path, problem in rows:
            batch.append((n, _sort_key(path), path, _stem(path), problem))
            if len(batch) == _BATCH:
                self._db.executemany("INSERT OR IGNORE INTO docs VALUES (?, ?, ?, ?, ?)", batch)
                batch.clear()
        self._db.executemany("INSERT OR IGNORE INTO docs VALUES (?, ?, ?, ?, ?)", batch)

    def _count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM docs").fetchone()[0])

    def _check_ids(self) -> None:
        self._db.execute("CREATE INDEX by_stem ON docs (stem)")
        row = self._db.execute("SELECT stem, MIN(key), MAX(key) FROM docs WHERE problem IS NULL "
                               "GROUP BY stem HAVING COUNT(*) > 1 LIMIT 1").fetchone()
        if row is not None:
            stem, first, second = row
            raise InputError(f"{second.replace(chr(1), os.sep)}: same document id {stem!r} as "
                             f"{first.replace(chr(1), os.sep)}")

    def __iter__(self) -> Iterator[Document | Skipped]:
        cursor = self._db.execute("SELECT path, stem, problem FROM docs ORDER BY n, key")
        for path, stem, problem in cursor:
            yield Document(path, stem) if problem is None else Skipped(path, problem)

    def close(self) -> None:
        self._db.close()


def read_document(doc: Document) -> Article:
    """A corpus document, exactly as read. Opened without blocking and checked to be a
    regular file, so a file swapped for a FIFO since the walk cannot hang the run."""
    path = name = doc.path
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{name}: {_kind(mode)}, not read")
        try:
            data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large for an article (limit {MAX_BYTES // (1024 * 1024)} MB)")
    return Article(text=decode(data, name), path=name)
