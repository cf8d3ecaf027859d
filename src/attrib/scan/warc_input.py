"""Articles in WARC files (gzip-compressed per record, or not), read with warcio.

Documents are the HTML responses (and resource or conversion records holding HTML or
plain text); requests, metadata, robots.txt and images are passed over.

A WARC file is split into byte ranges without reading it (a crawl's files are large and
reading them once to plan would make the driver the bottleneck): a record belongs to the
range its first byte lies in, and the worker of a range seeks to its start and moves to
the first record that begins there: a gzip member that opens with ``WARC/1.``, or in an
uncompressed file a ``WARC/1.`` header whose block ends where its Content-Length says.

warcio yields a cut-off record as if it were whole, so a record whose block ends early,
or bytes that form no record, are reported here as truncated or unreadable.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from .corpus_inputs import BadDoc, InputKind, Partition, RawDoc, too_large

DOC_RECORDS = ("response", "resource", "conversion")
RECORD_BYTES = 32 * 1024  # file bytes per document when sizing ranges: a gzipped news page
MIN_RANGE = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
SCAN = 1 << 20  # bytes searched at a time for the next record
HEAD = 64 * 1024  # a record header is never longer than this


def _doc_kind(rec: Any) -> str | None:
    """"html" or "text" for a record that holds an article, None for anything else."""
    if rec.rec_type not in DOC_RECORDS:
        return None
    if rec.rec_type == "response":
        if rec.http_headers is None:
            return None
        ctype = (rec.http_headers.get_header("Content-Type") or "text/html").lower()
        return "html" if "html" in ctype else None
    ctype = (rec.rec_headers.get_header("Content-Type") or "").lower()
    if "html" in ctype:
        return "html"
    return "text" if ctype.startswith("text/plain") else None


def warc_splits(path: Path, size: int) -> Iterator[Partition]:
    """Byte ranges of about ``size`` documents each (``RECORD_BYTES`` a document), found
    from the file's size alone."""
    total = path.stat().st_size
    step = max(size * RECORD_BYTES, MIN_RANGE)
    starts = list(range(0, total, step)) or [0]
    for start in starts:
        end = start + step if start + step < total else None
        yield Partition(0, InputKind.WARC, str(path), start=start, end=end)


def _gzip_record_at(fh: IO[bytes], pos: int) -> bool:
    """A gzip member starts at ``pos`` and opens with a WARC header."""
    fh.seek(pos)
    d = zlib.decompressobj(wbits=31)
    try:
        out = d.decompress(fh.read(HEAD), len(WARC_MAGIC))
    except zlib.error:
        return False
    return out.startswith(WARC_MAGIC)


def _plain_record_at(fh: IO[bytes], pos: int, total: int) -> bool:
    """A WARC header starts at ``pos`` whose block ends with CRLF CRLF where its
    Content-Length says (or runs past the end of a cut-off file)."""
    fh.seek(pos)
    head = fh.read(HEAD)
    end = head.find(b"\r\n\r\n")
    if end < 0:
        return False
    length = None
    for line in head[:end].split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == b"content-length" and value.strip().isdigit():
            length = int(value.strip())
    if length is None:
        return False
    tail = pos + end + 4 + length
    if tail >= total:
        return True  # a truncated last record is still a record: reading it reports the damage
    fh.seek(tail)
    return fh.read(4) == b"\r\n\r\n"


def next_record(fh: IO[bytes], pos: int, gz: bool, total: int) -> int | None:
    """The offset of the first record starting at or after ``pos``, or None."""
    magic = GZIP_MAGIC if gz else WARC_MAGIC
    base = pos
    while base < total:
        fh.seek(base)
        buf = fh.read(SCAN + len(magic))
        i = buf.find(magic)
        while i >= 0:
            cand = base + i
            if gz:
                if _gzip_record_at(fh, cand):
                    return cand
            elif (cand == 0 or _byte_before(fh, cand) == b"\n") and _plain_record_at(fh, cand, total):
                return cand
            i = buf.find(magic, i + 1)
        base += SCAN
    return None


def _byte_before(fh: IO[bytes], pos: int) -> bytes:
    fh.seek(pos - 1)
    return fh.read(1)


def _charset(ctype: str | None) -> str | None:
    for part in (ctype or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def warc_docs(part: Partition, max_bytes: int) -> Iterator[RawDoc | BadDoc]:
    name = part.path
    with open(name, "rb") as fh:
        total = os.fstat(fh.fileno()).st_size
        gz = fh.read(2) == GZIP_MAGIC[:2]
        begin = part.start if part.start == 0 else next_record(fh, part.start, gz, total)
        if begin is None or (part.end is not None and begin >= part.end):
            return  # no record starts in this range
        fh.seek(begin)
        yield from _records(fh, part, name, begin, total, max_bytes)


def _records(fh: IO[bytes], part: Partition, name: str, begin: int, total: int,
             max_bytes: int) -> Iterator[RawDoc | BadDoc]:
    from ..ingest.html_page import decode_html

    it = ArchiveIterator(fh)
    offset = begin
    try:
        for rec in it:
            offset = it.offset  # where this record starts (get_record_offset would read it through)
            if part.end is not None and offset >= part.end:
                return
            kind = _doc_kind(rec)
            if kind is None:
                continue
            document = rec.rec_headers.get_header("WARC-Record-ID") or f"{name}@{offset}"
            url = rec.rec_headers.get_header("WARC-Target-URI")
            if rec.length is None:
                yield BadDoc(document, name, f"truncated WARC record at byte {offset:,} (no block)")
                return
            if rec.length > max_bytes:
                yield BadDoc(document, name, too_large(rec.length, max_bytes))
                continue
            data = rec.content_stream().read(max_bytes + 1)
            if getattr(rec.raw_stream, "limit", 0) > 0:
                yield BadDoc(document, name, f"truncated WARC record at byte {offset:,}: its block "
                                             f"ends {rec.raw_stream.limit:,} bytes early")
                return
            if len(data) > max_bytes:
                yield BadDoc(document, name, too_large(len(data), max_bytes))
                continue
            crawled = rec.rec_headers.get_header("WARC-Date")
            if kind == "html":
                headers = rec.http_headers if rec.rec_type == "response" else rec.rec_headers
                html = decode_html(data, _charset(headers.get_header("Content-Type")))
                yield RawDoc(document, name, html=html, url=url, crawled=crawled)
            else:
                yield RawDoc(document, name, text=data.decode("utf-8", "replace"), url=url, crawled=crawled)
    except Exception as exc:  # warcio raises assorted errors on damaged archives
        yield BadDoc(f"{name}@{offset}", name, f"unreadable WARC data at byte {offset:,} ({type(exc).__name__})")
        return
    stop = total if part.end is None else part.end
    if it.offset < stop:
        yield BadDoc(f"{name}@{it.offset}", name, f"truncated WARC record at byte {it.offset:,}: "
                                                   f"{stop - it.offset:,} bytes up to "
                                                   f"{'the end of the file' if part.end is None else 'the next range'} "
                                                   "form no whole record")
