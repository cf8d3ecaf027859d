"""Turn what the user points at (a path, ``-`` for stdin, or a URL) into an Article.

Only what a target needs is imported: a plain-text file never loads trafilatura, the
HTTP client or the public-suffix list."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import Article
from ..safety import shown
from .fetch_options import FetchOptions
from .text import MAX_BYTES, decode, read_bytes, read_text_article

if TYPE_CHECKING:
    from .cache import PageCache

__all__ = ["MAX_BYTES", "FetchOptions", "decode", "is_url", "load_article", "read_html_file",
           "read_text_article", "url_problem"]

HTML_SUFFIXES = (".html", ".htm")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def url_problem(target: str) -> str | None:
    """Why a target that names a scheme other than http(s) cannot be read, or None."""
    if _SCHEME.match(target) and not is_url(target):
        return f"{shown(target)}: only http and https URLs can be fetched"
    return None


def read_html_file(target: str) -> Article:
    from .html_page import decode_html, html_article

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
        from .cache import PageCache
        from .fetch import fetch_article

        return fetch_article(target, fetch, cache if cache is not None else PageCache.default())
    problem = url_problem(target)
    if problem:
        raise InputError(problem)
    if target != "-" and Path(target).suffix.lower() in HTML_SUFFIXES:
        return read_html_file(target)
    return read_text_article(target)
