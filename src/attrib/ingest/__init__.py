"""Turn what the user points at (a path, ``-`` for stdin, or a URL) into an Article."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Article
from .cache import PageCache
from .fetch import FetchOptions, fetch_article, shown
from .html import decode_html, html_article
from .text import MAX_BYTES, decode, read_bytes, read_text_article

__all__ = ["MAX_BYTES", "FetchOptions", "decode", "is_url", "load_article", "read_text_article"]

HTML_SUFFIXES = (".html", ".htm")


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def read_html_file(target: str) -> Article:
    data = read_bytes(target)
    if not data.strip():
        raise InputError(f"{target}: the file is empty")
    return html_article(decode_html(data), None, name=target, path=target)


def load_article(target: str, *, fetch: FetchOptions | None = None,
                 cache: PageCache | None = None) -> Article:
    """Read an article from a path, ``-``, or an http(s) URL. Plain text is kept exactly
    as read; HTML (a .html/.htm file or a fetched page) goes through trafilatura.
    Raises InputError with a one-line reason."""
    if is_url(target):
        return fetch_article(target, fetch, cache if cache is not None else PageCache.default())
    if "://" in target[:12]:
        raise InputError(f"{shown(target)}: only http and https URLs can be fetched")
    if target != "-" and Path(target).suffix.lower() in HTML_SUFFIXES:
        return read_html_file(target)
    return read_text_article(target)
