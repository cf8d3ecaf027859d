"""The outlet of a URL: its registered domain, from tldextract's bundled suffix list.

``suffix_list_urls=()`` and ``cache_dir=None`` keep tldextract from fetching a fresher
list or writing a cache at run time: the snapshot shipped in the wheel is enough to tell
``bbc.co.uk`` from ``co.uk``.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

import tldextract


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def is_ip_or_local(host: str) -> bool:
    """A bare address or a local name identifies a machine, not an outlet."""
    if host in ("localhost", "") or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def outlet_of(url: str | None) -> str | None:
    """``https://www.bbc.co.uk/news/x`` -> ``bbc.co.uk``. A host under a suffix the list
    does not know (``news.tidewater-post.example``) gives the host without ``www.``;
    an IP address or localhost gives None."""
    if not url:
        return None
    host = host_of(url)
    if is_ip_or_local(host):
        return None
    parts = _extractor()(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}"
    return host[4:] if host.startswith("www.") else host
