"""The documents of a corpus: what the inputs hold, split into partitions, and read back
one partition at a time.

A partition is a small descriptor (a list of files, or a byte range of one JSON Lines or
WARC file), never the text itself: the planner only lists folders and finds line and
record boundaries, and each worker reads its own partition, so the driver stays light
however large the corpus. The same inputs always give the same partitions, which is what
lets ``--resume`` skip the finished ones.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from ..errors import InputError
from ..ingest import decode
from .scan_options import Fields

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
BLOCK = 1 << 20  # bytes read at a time when a JSON line may be huge


class InputKind(StrEnum):
    FILES = "files"  # article files: .txt as they are, .html through trafilatura
    JSONL = "jsonl"  # one article per line
    WARC = "warc"  # a web archive: its HTML responses


@dataclass(frozen=True, slots=True)
class Partition:
    number: int
    kind: InputKind
    path: str = ""  # the JSON Lines or WARC file
    files: tuple[str, ...] = ()  # FILES: the article files, in order
    start: int = 0  # JSONL, WARC: byte offset of the first line or record
    end: int | None = None  # ... and of the first one past the partition (None: to the end)
    line: int = 1  # JSONL: the number of the first line
    count: int | None = None  # documents in it (files or lines; None for a WARC range): for the progress line

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}"


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One document as read, before the engine sees it: plain text or HTML, and what the
    input says about it."""

    document: str  # its id: the file's path, the JSON line's id (or FILE:LINE), the WARC record id
    input: str  # the file it came from
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    crawled: str | None = None  # WARC-Date: the date when the page gives none


@dataclass(frozen=True, slots=True)
class BadDoc:
    """A document that could not be read: it goes to the errors table, the scan goes on."""

    document: str
    input: str
    reason: str


def kind_of(path: Path) -> InputKind | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return InputKind.WARC
    if name.endswith(JSONL_SUFFIXES):
        return InputKind.JSONL
    if name.endswith(ARTICLE_SUFFIXES):
        return InputKind.FILES
    return None


def _walk(root: Path) -> Iterator[Path]:
    """Every file under ``root`` in a stable order, hidden files and folders left out."""
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(here) / name


def _found(inputs: Iterable[str]) -> Iterator[tuple[Path, InputKind]]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for found in _walk(path):
                kind = kind_of(found)
                if kind is not None:
                    yield found, kind
        elif path.is_file():
            kind = kind_of(path)
            if kind is None:
                raise InputError(f"{item}: not an input attrib scan reads (.txt, .html, .htm, "
                                 ".jsonl, .ndjson, .warc, .warc.gz, or a folder of them)")
            yield path, kind
        else:
            raise InputError(f"{item}: no such file or directory")


def plan(inputs: Iterable[str], size: int) -> Iterator[Partition]:
    """The partitions of the inputs, numbered in order: ``size`` article files, lines or
    WARC records each. Only boundaries are read here, never whole documents."""
    from .warc_input import warc_splits

    number = 0
    pending: list[str] = []
    for path, kind in _found(inputs):
        if kind is InputKind.FILES:
            pending.append(str(path))
            if len(pending) == size:
                yield Partition(number, kind, files=tuple(pending), count=len(pending))
                number, pending = number + 1, []
            continue
        splits = _jsonl_splits(path, size) if kind is InputKind.JSONL else warc_splits(path, size)
        for part in splits:
            yield replace(part, number=number)
            number += 1
    if pending:
        yield Partition(number, InputKind.FILES, files=tuple(pending), count=len(pending))


def _jsonl_splits(path: Path, size: int) -> Iterator[Partition]:
    """Byte ranges of ``size`` lines each. Newlines are counted block by block, so one
    enormous line costs no memory here."""
    start, first, lines, number = 0, 1, 0, 1
    offset, at_line_start, partial = 0, True, False
    try:
        with path.open("rb") as fh:
            while block := fh.read(BLOCK):
                pos = 0
                while (nl := block.find(b"\n", pos)) >= 0:
                    lines, number, pos = lines + 1, number + 1, nl + 1
                    if lines == size:
                        yield Partition(0, InputKind.JSONL, str(path), start=start, end=offset + pos, line=first,
                                        count=size)
                        start, first, lines = offset + pos, number, 0
                partial = pos < len(block)
                offset += len(block)
            at_line_start = not partial
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if lines or not at_line_start:
        yield Partition(0, InputKind.JSONL, str(path), start=start, end=None, line=first,
                        count=lines + (not at_line_start))


def read_partition(part: Partition, fields: Fields, max_bytes: int) -> Iterator[RawDoc | BadDoc]:
    """The documents of one partition, in order; what cannot be read comes as a BadDoc."""
    if part.kind is InputKind.FILES:
        for name in part.files:
            yield _article_file(name, max_bytes)
    elif part.kind is InputKind.JSONL:
        yield from _jsonl_docs(part, fields, max_bytes)
    else:
        from .warc_input import warc_docs

        yield from warc_docs(part, max_bytes)


def too_large(size: int, max_bytes: int) -> str:
    return f"{size:,} bytes, over the {max_bytes:,}-byte cap for one document (--max-bytes)"


def _article_file(name: str, max_bytes: int) -> RawDoc | BadDoc:
    path = Path(name)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return BadDoc(name, name, too_large(size, max_bytes))
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return BadDoc(name, name, f"cannot read ({exc.strerror})")
    if len(data) > max_bytes:
        return BadDoc(name, name, too_large(len(data), max_bytes))
    if path.suffix.lower() in HTML_SUFFIXES:
        from ..ingest.html_page import decode_html

        return RawDoc(name, name, html=decode_html(data))
    try:
        return RawDoc(name, name, text=decode(data, name))
    except InputError as exc:
        return BadDoc(name, name, _reason(str(exc), name))


def _reason(message: str, name: str) -> str:
    """An InputError's message without the name it starts with (the row has it)."""
    return message.removeprefix(f"{name}: ")


def _lines(part: Partition, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes, size) for each line of the range; bytes is None for a line
    over the cap, which is skipped block by block rather than read whole."""
    number, offset = part.line, part.start
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        while part.end is None or offset < part.end:
            chunk = fh.readline(max_bytes + 1)
            if not chunk:
                return
            size = len(chunk)
            if not chunk.endswith(b"\n") and size > max_bytes:
                while chunk and not chunk.endswith(b"\n"):  # the rest of the line, a block at a time
                    chunk = fh.readline(BLOCK)
                    size += len(chunk)
                yield number, None, size
            else:
                yield number, chunk, size
            number, offset = number + 1, offset + size


def _jsonl_docs(part: Partition, fields: Fields, max_bytes: int) -> Iterator[RawDoc | BadDoc]:
    name = part.path
    try:
        for number, line, size in _lines(part, max_bytes):
            where = f"{name}:{number}"
            if line is None:
                yield BadDoc(where, name, too_large(size, max_bytes))
            elif line.strip():
                yield _json_doc(line, where, name, fields)
    except OSError as exc:
        yield BadDoc(f"{name}:{part.line}", name, f"cannot read ({exc.strerror})")


def _json_doc(line: bytes, where: str, name: str, fields: Fields) -> RawDoc | BadDoc:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return BadDoc(where, name, f"not JSON ({str(exc).split(':')[0]})")
    if not isinstance(obj, dict):
        return BadDoc(where, name, f"a JSON {type(obj).__name__}, not an object with a {fields.text!r} field")
    doc_id = obj.get(fields.id)
    document = str(doc_id) if isinstance(doc_id, str | int) and str(doc_id).strip() else where

    def text_field(key: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) and value.strip() else None

    text, html = text_field(fields.text), text_field(fields.html)
    if text is None and html is None:
        return BadDoc(document, name, f"no text: neither {fields.text!r} nor {fields.html!r} holds a non-empty string")
    return RawDoc(document, name, text=text, html=None if text is not None else html,
                  url=text_field(fields.url), outlet=text_field(fields.outlet),
                  date=_date_text(obj.get(fields.date)), title=text_field(fields.title))


def _date_text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
