"""HTML pages to Articles: the main text and its metadata, by trafilatura.

Paragraphs are separated by a blank line, as in the plain-text fixtures, so sentence and
quotation splitting treat them alike; quotation marks are kept as the page has them.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from ..errors import InputError
from ..model import Article
from ..safety import clean
from .domains import host_of, is_ip_or_local, outlet_of

MIN_WORDS = 20  # fewer words than this is a navigation page or an error page, not an article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# trafilatura and htmldate log every page they find thin; the user sees our one line instead.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None
    byline: str | None
    published: str | None
    site_name: str | None
    canonical: str | None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: a BOM, then the HTTP charset, then a ``<meta charset>`` in the first
    4 KB, then UTF-8; windows-1252 last, the web's legacy default (it never fails)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, "replace")
    candidates = [_codec(declared)]
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(_codec(m.group(1).decode("ascii", "ignore")))
    for candidate in candidates:
        if candidate:
            name = "cp1252" if candidate in ("latin-1", "iso8859-1", "ascii") else candidate  # as browsers do
            return data.decode(name, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _paragraphs(text: str) -> str:
    """One paragraph per block, each once: pages repeat paragraphs (a pull quote that
    repeats a sentence of the story, a teaser list served twice), and a repeat would be
    read as a second statement of the same words."""
    seen: set[str] = set()
    kept = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if line and line not in seen:
            seen.add(line)
            kept.append(line)
    return "\n\n".join(kept)


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(clean(value).split())
    return value or None


def extract_html(html: str, url: str | None, name: str) -> tuple[str, PageMeta]:
    """The article text of an HTML page and its metadata, or InputError."""
    import trafilatura  # imported here: it takes a while and plain-text runs never need it

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          include_comments=False)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"{name}: cannot parse the HTML ({type(exc).__name__})") from None
    text = _paragraphs(clean(getattr(doc, "text", None) or "")) if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise InputError(f"{name}: no article text found on the page")
    canonical = _clean_meta(getattr(doc, "url", None))
    if canonical and not canonical.startswith(("http://", "https://")):
        canonical = None
    meta = PageMeta(title=_clean_meta(getattr(doc, "title", None)), byline=_clean_meta(getattr(doc, "author", None)),
                    published=_clean_meta(getattr(doc, "date", None)),
                    site_name=_clean_meta(getattr(doc, "sitename", None)), canonical=canonical)
    return text, meta


_SEPARATOR = re.compile(r"\s+(?:[|–—-]|::|·|»)\s+")
_HEADLINE_HINT = re.compile(r"headline|title", re.I)


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _dice(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.casefold())), set(re.findall(r"\w+", b.casefold()))
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def _is_outlet(part: str, names: list[str]) -> bool:
    squashed = _squash(part)
    return bool(squashed) and any(n and (squashed == n or n in squashed or (squashed in n and len(squashed) > 3))
                                  for n in names)


def strip_outlet(title: str, site_name: str | None, outlet: str | None) -> str:
    """"World Community Lashes Out ... | Al Bawaba" -> the headline alone: a leading or
    trailing part that names the site (its name or its domain) goes, and with it the
    section names beside it ("| World | News | Express.co.uk")."""
    names = [_squash(site_name or "")]
    if outlet:
        names += [_squash(outlet), _squash(outlet.split(".")[0])]
    names = [n for n in names if len(n) > 2]
    parts = _SEPARATOR.split(title)
    if len(parts) < 2 or not names:
        return title
    if _is_outlet(parts[-1], names):
        parts.pop()
        while len(parts) > 1 and len(parts[-1].split()) <= 2:  # section names
            parts.pop()
    elif _is_outlet(parts[0], names):
        parts.pop(0)
    # the headline keeps its own dashes: rejoin what is left as the page wrote it
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else title


def page_headline(html: str, meta_title: str | None, site_name: str | None) -> str | None:
    """The headline as the page shows it: an ``<h1>`` marked as the headline or inside the
    article, else one that shares words with the page's title (so a logo or a "Subscribe"
    h1 is passed over). Without one: the ``<title>`` when the metadata's title is only the
    site's name (its outlet part is stripped later); else None."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    site = _squash(site_name or "")
    candidates = []
    for h1 in tree.iter("h1"):
        text = _clean_meta(h1.text_content())
        if not text or not 2 <= len(text.split()) <= 40:
            continue
        if site and len(_squash(text).replace(site, "")) < 12:  # the site's name as a heading
            continue
        hinted = any(_HEADLINE_HINT.search(h1.get(attr) or "") for attr in ("itemprop", "class", "id"))
        inside = any(a.tag in ("article", "main") for a in h1.iterancestors())
        candidates.append((text, hinted or inside))
    for text, marked in candidates:
        if marked:
            return text
    for text, _ in candidates:
        if meta_title and _dice(text, meta_title) >= 0.3:
            return text
    if meta_title is None or (site and _squash(meta_title) == site):
        return _clean_meta(tree.findtext(".//title"))
    return None


def page_outlet(url: str | None, canonical: str | None) -> str | None:
    """The outlet of a page: from the address it came from, or, when that is a bare IP or
    localhost (a test server, a saved file), from the canonical URL the page declares."""
    if url and not is_ip_or_local(host_of(url)):
        return outlet_of(url)
    return outlet_of(canonical)


def html_article(html: str, url: str | None, name: str, path: str | None = None) -> Article:
    text, meta = extract_html(html, url, name)
    outlet = page_outlet(url, meta.canonical)
    title = page_headline(html, meta.title, meta.site_name) or meta.title
    if title:
        title = strip_outlet(title, meta.site_name, outlet)
    return Article(text=text, title=title, url=url or meta.canonical, outlet=outlet,
                   published=meta.published, byline=meta.byline, path=path,
                   site_name=meta.site_name)
