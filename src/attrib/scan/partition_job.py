"""What a worker does with one partition: read its documents, check each with the
worker's Checker, write the rows, and mark the partition done.

The Checker arrives once per worker process (a process pool's initializer, or a Dask
worker plugin that also serves workers restarted after a crash) and stays in
``_CHECKERS`` under the scan's own key (two scans may share a Dask cluster); tasks carry
only the partition's descriptor and that key.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ..checker import Checker
from ..errors import AttribError, OutputError
from ..files import write_atomic
from ..model import Article
from .corpus_inputs import BadDoc, Partition, RawDoc, read_partition
from .scan_options import Fields, TableFormat
from .table_rows import article_row, error_row, flag_rows, parse_date, statement_rows

DONE = "_partitions"  # one small JSON file per finished partition

_CHECKERS: dict[str, Checker] = {}


def install(key: str, checker: Checker) -> None:
    """Keep the Checker for this worker process's tasks of the scan ``key``."""
    _CHECKERS[key] = checker


def uninstall(key: str) -> None:
    _CHECKERS.pop(key, None)


def worker_checker(key: str) -> Checker:
    try:
        return _CHECKERS[key]
    except KeyError:
        raise RuntimeError("no Checker on this worker: the scan installs one before its first task") from None


@dataclass(frozen=True, slots=True)
class Job:
    """What every partition task shares, apart from the Checker."""

    key: str  # the scan's own: which installed Checker its tasks use
    output: str
    table_format: TableFormat
    fields: Fields
    max_bytes: int


@dataclass(frozen=True, slots=True)
class PartitionDone:
    number: int
    documents: int = 0  # articles checked
    errors: int = 0
    words: int = 0
    statements: int = 0
    flags: int = 0
    seconds: float = 0.0

    def to_json(self) -> str:
        return json.dumps({"partition": self.number, "documents": self.documents, "errors": self.errors,
                           "words": self.words, "statements": self.statements, "flags": self.flags,
                           "seconds": round(self.seconds, 3)})

    @classmethod
    def from_json(cls, text: str) -> PartitionDone:
        d = json.loads(text)
        return cls(d["partition"], d["documents"], d["errors"], d["words"], d["statements"], d["flags"],
                   d["seconds"])


def marker(output: str | Path, part: Partition) -> Path:
    return Path(output) / DONE / f"{part.name}.json"


def article_of(raw: RawDoc) -> Article:
    """The Article the engine reads: what the input says about it over what the page
    says (an HTML page's own title, date and outlet fill the gaps)."""
    if raw.html is not None:
        from ..ingest.html_page import html_article

        a = html_article(raw.html, raw.url, name=raw.document, path=raw.document)
        return replace(a, outlet=raw.outlet or a.outlet, published=raw.date or a.published or raw.crawled,
                       title=raw.title or a.title)
    outlet = raw.outlet
    if outlet is None and raw.url:
        from ..ingest.domains import outlet_of

        outlet = outlet_of(raw.url)
    return Article(text=raw.text or "", title=raw.title, url=raw.url, outlet=outlet,
                   published=raw.date or raw.crawled, path=raw.document)


def run_partition(part: Partition, job: Job) -> PartitionDone:
    """Check every document of ``part`` and write its rows; returns the counts. A document
    that fails, for any reason, becomes a row of the errors table."""
    from .table_files import PartitionFiles

    checker = worker_checker(job.key)
    started = time.perf_counter()
    out = Path(job.output)
    files = PartitionFiles(out, part.name, job.table_format)
    done = PartitionDone(part.number)
    try:
        for item in read_partition(part, job.fields, job.max_bytes):
            if isinstance(item, BadDoc):
                files.add("errors", [error_row(item.document, item.input, item.reason)])
                done = replace(done, errors=done.errors + 1)
                continue
            try:
                article = article_of(item)
                report = checker.check(article)
            except AttribError as exc:
                reason = str(exc).removeprefix(f"{item.document}: ")
                files.add("errors", [error_row(item.document, item.input, reason)])
                done = replace(done, errors=done.errors + 1)
                continue
            except Exception as exc:  # one article must never stop a scan of millions
                files.add("errors", [error_row(item.document, item.input,
                                               f"internal error: {type(exc).__name__}: {exc}")])
                done = replace(done, errors=done.errors + 1)
                continue
            outlet, date = article.outlet, parse_date(article.published)
            files.add("articles", [article_row(item.document, item.input, outlet, date, report)])
            files.add("statements", statement_rows(item.document, outlet, date, report))
            files.add("flags", flag_rows(item.document, outlet, date, report))
            done = replace(done, documents=done.documents + 1, words=done.words + article.words,
                           statements=done.statements + len(report.statements),
                           flags=done.flags + len(report.flags))
        files.commit()
    except BaseException as exc:
        files.discard()
        if isinstance(exc, OSError):  # a full disk, a folder removed under the scan
            raise OutputError(f"{out}: cannot write {part.name} ({exc.strerror or exc})") from None
        raise
    done = replace(done, seconds=time.perf_counter() - started)
    write_atomic(marker(out, part), done.to_json() + "\n")
    return done

