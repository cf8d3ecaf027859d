"""Articles in WARC files (gzip-compressed per record, or not), read with warcio.

Documents are the HTML responses (and resource or conversion records holding HTML or
plain text); requests, metadata, robots.txt and images are passed over. warcio yields a
cut-off record as if it were whole, so a record whose block ends early, or bytes left
over that form no record, are reported here as truncated.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from .corpus_inputs import BadDoc, InputKind, Partition, RawDoc, too_large

DOC_RECORDS = ("response", "resource", "conversion")


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
    """Byte ranges of ``size`` article records each. Reading stops quietly at damage: the
    worker that reads the last range reports it."""
    start, count, yielded = 0, 0, False
    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                if _doc_kind(rec) is None:
                    continue
                if count == size:
                    offset = it.offset  # where this record starts (get_record_offset would read it through)
                    yield Partition(0, InputKind.WARC, str(path), start=start, end=offset, count=count)
                    start, count, yielded = offset, 0, True
                count += 1
        except Exception:  # damage is reported when the partition is read
            pass
    if count or not yielded:
        yield Partition(0, InputKind.WARC, str(path), start=start, end=None, count=count)


def _charset(ctype: str | None) -> str | None:
    for part in (ctype or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def warc_docs(part: Partition, max_bytes: int) -> Iterator[RawDoc | BadDoc]:
    from ..ingest.html_page import decode_html

    name = part.path
    offset = part.start
    with open(name, "rb") as fh:
        total = os.fstat(fh.fileno()).st_size
        fh.seek(part.start)
        it = ArchiveIterator(fh)
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
        if part.end is None and it.offset < total:
            yield BadDoc(f"{name}@{it.offset}", name, f"truncated WARC record at byte {it.offset:,}: "
                                                       f"{total - it.offset:,} bytes form no whole record")
