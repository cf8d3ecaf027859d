"""Fetching pages over HTTP with limits a news reader needs and one-line errors.

Redirects are followed by hand so that loops are caught and every hop's host can be
checked; time-outs bound the connection, every read and the whole request; the body is
streamed and cut off at a size cap, which holds on the decoded body however many
``Content-Encoding`` layers it has (``content_coding``); the content type must be HTML.
Every failure is a FetchError of one line; text from the server in it (a reason phrase,
an address it redirects to) is cleaned like article text, and credentials in a URL
(``user:secret@``) are never repeated. Hosts of discovered
URLs may be required to resolve to public addresses only (``guard_private``); this is
checked on every hop. (The check resolves the name before httpx does: a DNS answer that
changes in between is not caught.)
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import os
import re
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from .. import __version__
from ..errors import FetchError
from ..model import Article
from ..safety import shown, without_credentials
from .cache import CachedPage, PageCache, lifetime
from .content_coding import SUPPORTED, CodingError, Decoder, OverCap
from .fetch_options import FetchOptions
from .html_page import decode_html, html_article

ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
USER_AGENT = f"attrib/{__version__} (news attribution checker)"


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    from_cache: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset":
                return value.strip().strip("\"'") or None
        return None


def _blocked(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
            or ip.is_multicast or ip.is_unspecified)


def _refused(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError) or getattr(seen, "errno", None) == errno.ECONNREFUSED:
            return True
        seen = seen.__cause__ or seen.__context__
    return "refused" in str(exc).lower()


def _why(exc: BaseException) -> str:
    """A reason for a message, never empty: the operating system's reason when the chain
    of causes has one ("Connection reset by peer"), else the first exception that says
    something, else the exception's name."""
    texts = []
    seen: BaseException | None = exc
    for _ in range(12):
        if seen is None:
            break
        if isinstance(seen, OSError) and not isinstance(seen, ssl.SSLError):
            # asyncio's "Connect call failed (...)" keeps the errno but not its words
            if isinstance(seen.errno, int) and seen.errno > 0:
                return os.strerror(seen.errno)
            if seen.strerror:
                return shown(str(seen.strerror), 160)
        if str(seen).strip():
            texts.append(str(seen).strip())
        if isinstance(seen, BaseExceptionGroup) and seen.exceptions:
            seen = seen.exceptions[0]
        else:
            seen = seen.__cause__ or seen.__context__
    return shown(texts[0], 160) if texts else f"{type(exc).__name__}, no reason given"


class _Unfollowable(Exception):
    """A redirect that points nowhere we can go; the message lacks the URL asked for."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def _redirect_target(base: httpx.URL, response: httpx.Response) -> str:
    """Where a redirect points, as an absolute URL. Raises _Unfollowable when it points
    nowhere a fetch can go: no Location, ``javascript:``, ``mailto:``, ``data:``,
    ``about:blank``, an address that does not parse."""
    status = response.status_code
    location = (response.headers.get("location") or "").strip()
    if not location:
        raise _Unfollowable(f"HTTP {status} redirect without a Location header", status)
    found = _SCHEME.match(location)
    scheme = found.group(1).lower() if found else "http"
    if scheme not in ("http", "https"):
        raise _Unfollowable(f"redirected to {shown(location, 80)}; only http and https URLs can be fetched",
                            status)
    try:
        return str(base.join(location))
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise _Unfollowable(f"redirected to an invalid address ({shown(location, 80)}: {_why(exc)})",
                            status) from None


async def _vet_redirect(response: httpx.Response) -> None:
    """A response hook: httpx works out a redirect's next request even when it does not
    follow it, and fails on a Location it cannot parse; this runs first and says why."""
    if response.status_code in REDIRECTS:
        _redirect_target(response.request.url, response)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from .cache import _http_time

    when = _http_time(value)
    return None if when is None else max(0.0, when - time.time())


class Fetcher:
    """One HTTP client for a run: ``async with Fetcher(options, cache) as f``."""

    def __init__(self, options: FetchOptions | None = None, cache: PageCache | None = None):
        self.options = options or FetchOptions()
        self.cache = cache
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        t = self.options.timeout
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(connect=t, read=t, write=t, pool=t * 3),
            follow_redirects=False, headers={"User-Agent": USER_AGENT, "Accept-Encoding": SUPPORTED},
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=8),
            event_hooks={"response": [_vet_redirect]})
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    # -- one request -----------------------------------------------------------------

    async def get(self, url: str, *, accept: str = ACCEPT_HTML, types: tuple[str, ...] | None = None,
                  headers: Mapping[str, str] | None = None, guard_private: bool = False) -> Response:
        """GET ``url`` following redirects. Statuses from 400 up are FetchErrors; with
        ``types``, so is any other content type (checked before the body is read)."""
        try:
            async with asyncio.timeout(self.options.deadline):
                return await self._get(url, accept, types, dict(headers or {}), guard_private)
        except TimeoutError:
            raise FetchError(f"{shown(url)}: timed out (no complete answer within "
                             f"{self.options.deadline:g} s)") from None

    async def _get(self, url: str, accept: str, types: tuple[str, ...] | None,
                   headers: dict[str, str], guard_private: bool) -> Response:
        assert self._client is not None, "use Fetcher as an async context manager"
        current, seen = url, {url}
        for _hop in range(self.options.max_redirects + 1):
            target = self._parse(url, current)
            await self._check_host(url, target, guard_private and not self.options.allow_private)
            request = self._client.build_request("GET", target, headers={"Accept": accept, **headers})
            response = await self._send(url, target, request)
            try:
                if response.status_code in REDIRECTS:
                    nxt = _redirect_target(target, response)  # vetted by _vet_redirect
                    if nxt in seen:
                        raise FetchError(f"{shown(url)}: redirect loop (back to {shown(nxt, 80)})")
                    seen.add(nxt)
                    current, headers = nxt, {}
                    continue
                return await self._finish(url, current, response, types)
            finally:
                await response.aclose()
        raise FetchError(f"{shown(url)}: too many redirects (more than {self.options.max_redirects})")

    def _parse(self, url: str, current: str) -> httpx.URL:
        where = "" if current == url else f" (redirected to {shown(current, 80)})"
        try:
            target = httpx.URL(current)
        except (httpx.InvalidURL, ValueError, UnicodeError):
            raise FetchError(f"{shown(url)}: not a valid URL{where}") from None
        if target.scheme not in ("http", "https") or not target.host:
            raise FetchError(f"{shown(url)}: only http and https URLs can be fetched{where}")
        if target.port is not None and not 0 < target.port <= 65535:
            raise FetchError(f"{shown(url)}: port {target.port} is not a valid port (1 to 65535){where}")
        return target

    async def _check_host(self, url: str, target: httpx.URL, guard: bool) -> None:
        host = target.host
        try:
            ipaddress.ip_address(host)
            addresses = [host]
        except ValueError:
            port = target.port or (443 if target.scheme == "https" else 80)
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(
                    target.raw_host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                reason = exc.strerror if isinstance(exc, socket.gaierror) else "invalid host name"
                raise FetchError(f"{shown(url)}: DNS lookup failed for {shown(host, 80)} ({reason})") from None
            addresses = [str(info[4][0]) for info in infos]
        if guard:
            for address in addresses:
                if _blocked(address):
                    raise FetchError(f"{shown(url)}: not fetched: {shown(host, 80)} is a private or "
                                     f"loopback address ({address}); --allow-private allows it")

    async def _send(self, url: str, target: httpx.URL, request: httpx.Request) -> httpx.Response:
        assert self._client is not None
        t = self.options.timeout
        where = f"{target.host}:{target.port or (443 if target.scheme == 'https' else 80)}"
        try:
            return await self._client.send(request, stream=True)
        except _Unfollowable as exc:
            raise FetchError(f"{shown(url)}: {exc}", status=exc.status) from None
        except httpx.ConnectTimeout:
            message = f"connection to {where} timed out after {t:g} s"
        except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout):
            message = f"no answer from {where} within {t:g} s (time-out)"
        except httpx.ConnectError as exc:
            message = (f"connection refused by {where}" if _refused(exc)
                       else f"cannot connect to {where} ({_why(exc)})")
        except httpx.RemoteProtocolError as exc:
            message = f"the server broke off the answer ({_why(exc)})"
        except Exception as exc:  # whatever the transport raises, the page is skipped with it
            message = f"request failed ({_why(exc)})"
        raise FetchError(f"{shown(url)}: {' '.join(message.split())}")

    async def _finish(self, url: str, final: str, response: httpx.Response,
                      types: tuple[str, ...] | None) -> Response:
        status = response.status_code
        headers = {k.lower(): v for k, v in response.headers.items()}
        if status >= 400:
            reason = shown(response.reason_phrase or "", 80)
            raise FetchError(f"{shown(url)}: HTTP {status} {reason}".rstrip(), status=status,
                             retry_after=_retry_after(headers.get("retry-after")))
        result = Response(url, final, status, headers)
        if status == 304:
            return result
        if types is not None and result.content_type and result.content_type not in types:
            raise FetchError(f"{shown(url)}: not an HTML page (content type {shown(result.content_type, 60)})",
                             status=status)
        body = await self._read(url, response)
        if types is not None and not result.content_type and not _looks_like_html(body):
            raise FetchError(f"{shown(url)}: not an HTML page (no content type, and it does not "
                             "look like HTML)", status=status)
        return Response(url, final, status, headers, body)

    async def _read(self, url: str, response: httpx.Response) -> bytes:
        cap = self.options.max_bytes
        limit = f"the {cap / 1048576:g} MB limit"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(f"{shown(url)}: the page is {int(declared) / 1048576:.0f} MB, over {limit}")
        try:
            decoder = Decoder(response.headers.get("content-encoding", ""), cap)
        except CodingError as exc:
            raise FetchError(f"{shown(url)}: {exc}") from None
        chunks: list[bytes] = []
        raw = 0
        try:
            # Raw bytes, decoded here: httpx would inflate each chunk whole, before the cap.
            async for chunk in response.aiter_raw():
                raw += len(chunk)
                if raw > cap:
                    raise FetchError(f"{shown(url)}: the page is over {limit}")
                chunks.extend(decoder.feed(chunk))  # each layer stops past the cap
            chunks.extend(decoder.finish())
        except OverCap:
            raise FetchError(f"{shown(url)}: the page is over {limit} once decompressed") from None
        except CodingError as exc:
            raise FetchError(f"{shown(url)}: {exc}") from None
        except httpx.ReadTimeout:
            raise FetchError(f"{shown(url)}: the server stopped sending for more than "
                             f"{self.options.timeout:g} s (time-out)") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{shown(url)}: the answer was cut off ({_why(exc)})") from None
        return b"".join(chunks)

    # -- pages, through the cache -----------------------------------------------------

    async def page(self, url: str, *, guard_private: bool = False) -> Response:
        """An HTML page, from the cache while it is fresh, revalidated when stale."""
        cache = None if self.cache is None or self.cache.problem else self.cache
        cached = cache.get(url) if cache is not None and not self.options.refresh else None
        now = time.time()
        if cached is not None and cached.fresh(now):
            return _from_cache(cached)
        validators = cached.validators if cached is not None else {}
        response = await self.get(url, types=HTML_TYPES, headers=validators, guard_private=guard_private)
        if response.status == 304 and cached is not None:
            keep = lifetime(response.headers, now)
            if cache is not None and keep is not None:
                cache.put(_replace_fresh(cached, now, keep))
            return _from_cache(cached)
        if response.status == 304:  # a 304 for a request we made without validators
            raise FetchError(f"{shown(url)}: HTTP 304 without a cached copy")
        if cache is not None:
            keep = lifetime(response.headers, now)
            if keep is None:
                cache.forget(url)
            elif keep > 0 or "etag" in response.headers or "last-modified" in response.headers:
                cache.put(CachedPage(url, response.final_url, response.headers.get("content-type", ""),
                                     response.body, response.headers.get("etag"),
                                     response.headers.get("last-modified"), now, now + keep))
        return response


def _looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")) or b"<html" in head


def _from_cache(cached: CachedPage) -> Response:
    return Response(cached.url, cached.final_url, 200, {"content-type": cached.content_type},
                    cached.body, from_cache=True)


def _replace_fresh(cached: CachedPage, now: float, keep: float) -> CachedPage:
    return CachedPage(cached.url, cached.final_url, cached.content_type, cached.body, cached.etag,
                      cached.last_modified, now, now + keep)


def response_text(response: Response) -> str:
    return decode_html(response.body, response.charset)


def fetch_article(url: str, options: FetchOptions | None = None, cache: PageCache | None = None) -> Article:
    """The article at ``url``: fetched (or taken from the cache) and extracted."""

    async def run() -> Response:
        async with Fetcher(options, cache) as fetcher:
            return await fetcher.page(url)

    response = asyncio.run(run())
    return html_article(response_text(response), without_credentials(response.final_url), name=shown(url))
