"""Finding other coverage with a keyless news search: the GDELT DOC 2.0 API article list.

The query is built from what is most distinctive in the article: a few words from each
of its longest quotations and the full names of the people it quotes. The API answers
``{"articles": [{"url", "title", "seendate", "domain", "language", "sourcecountry"}]}``;
an invalid query comes back as HTTP 200 with a short HTML or text message (then a
simpler query is tried), and more than one request every five seconds as HTTP 429 (then
it waits and tries again). Requests are spaced by the interval across every run that
shares the page cache: each takes its turn in the cache's database (``take_turn``).
Answers are cached for a quarter of an hour, GDELT's update interval. Nothing here fails
the run: problems come back as notes.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from ..errors import FetchError
from ..ingest.cache import CachedPage
from ..ingest.fetch import Fetcher
from ..model import Article, Kind, SourceType, Statement
from ..safety import clean, shown
from ..settings import DiscoverSettings
from .lexicons import MatchLexicons
from .tokens import WORD

PHRASE_WORDS = 5
MAX_PHRASES = 3
MAX_NAMES = 2
ANSWER_LIFETIME = 15 * 60.0
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Discovered:
    url: str
    title: str = ""
    domain: str = ""
    seendate: str = ""


def _phrase(text: str, lex: MatchLexicons) -> tuple[float, str] | None:
    """The most distinctive run of words in a quotation: long words, no function word at
    either end."""
    words = WORD.findall(text)
    best = None
    for i in range(max(1, len(words) - PHRASE_WORDS + 1)):
        run = words[i:i + PHRASE_WORDS]
        if len(run) < 3 or run[0].lower() in lex.stopwords or run[-1].lower() in lex.stopwords:
            continue
        score = sum(len(w) for w in run if w.lower() not in lex.stopwords)
        if best is None or score > best[0]:
            best = (score, " ".join(run))
    return best


def build_queries(article: Article, statements: Sequence[Statement], lex: MatchLexicons) -> list[str]:
    """The query, then simpler ones to try if the service rejects it."""
    phrases = []
    for st in statements:
        if st.kind is Kind.INDIRECT:
            continue
        found = _phrase(st.content_text(article.text), lex)
        if found is not None:
            phrases.append(found)
    chosen: list[str] = []
    for _, phrase in sorted(phrases, key=lambda p: -p[0]):
        if phrase.lower() not in (c.lower() for c in chosen):
            chosen.append(phrase)
        if len(chosen) == MAX_PHRASES:
            break
    names = Counter(st.source.name for st in statements
                    if st.source.type is SourceType.PERSON and len(st.source.name.split()) >= 2)
    top_names = [n for n, _ in names.most_common(MAX_NAMES)]

    def group(items: list[str]) -> str:
        quoted = [f'"{i}"' for i in items]
        return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"

    queries = []
    if chosen and top_names:
        queries.append(f"{group(chosen)} {group(top_names)}")
    if chosen:
        queries.append(group(chosen))
        queries.append(group(chosen[:1]))
    if top_names:
        queries.append(group(top_names))
    return list(dict.fromkeys(queries))


def endpoint_url(settings: DiscoverSettings, query: str) -> str:
    params = {"query": query, "mode": "ArtList", "format": "json",
              "maxrecords": str(settings.max_results), "sort": "HybridRel"}
    sep = "&" if "?" in settings.endpoint else "?"
    return settings.endpoint + sep + urlencode(params)


def _message(body: bytes) -> str:
    text = html.unescape(_TAGS.sub(" ", body[:2000].decode("utf-8", "replace")))
    text = " ".join(clean(text).split())
    return text[:200] or "no message"


def parse_answer(body: bytes, content_type: str) -> list[Discovered] | str:
    """The articles, or the service's complaint as one line."""
    head = body.lstrip()[:1]
    if "json" not in content_type and head not in (b"{", b"["):
        return _message(body)
    try:
        data = json.loads(body.decode("utf-8", "replace"), strict=False)
    except ValueError:
        return "the answer is not valid JSON"
    if not isinstance(data, dict):
        return "the answer is not a JSON object"
    out = []
    for item in data.get("articles") or []:
        if isinstance(item, dict) and isinstance(item.get("url"), str) \
                and item["url"].startswith(("http://", "https://")):
            out.append(Discovered(item["url"], str(item.get("title", "")), str(item.get("domain", "")),
                                  str(item.get("seendate", ""))))
    return out


class Discovery:
    """Runs the queries against the endpoint with the fetcher, politely."""

    def __init__(self, fetcher: Fetcher, settings: DiscoverSettings):
        self.fetcher = fetcher
        self.settings = settings
        self.notes: list[str] = []
        self.queries: list[str] = []
        self._last_turn: float | None = None  # this run's own, when there is no shared cache

    async def _wait_turn(self) -> None:
        cache = self.fetcher.cache
        interval = self.settings.interval
        now = time.time()
        turn = cache.take_turn("discover-last", interval, now) if cache is not None else None
        if turn is None:
            turn = now if self._last_turn is None else max(now, self._last_turn + interval)
        self._last_turn = turn
        delay = turn - time.time()
        if delay > 0:
            await asyncio.sleep(delay)

    async def _ask(self, url: str) -> tuple[bytes, str] | None:
        cache = self.fetcher.cache
        if cache is not None and not self.fetcher.options.refresh:
            hit = cache.get(url)
            if hit is not None and hit.fresh():
                return hit.body, hit.content_type
        for attempt in range(self.settings.retries + 1):
            await self._wait_turn()
            try:
                response = await self.fetcher.get(url, accept="application/json")
            except FetchError as exc:
                if exc.status == 429 and attempt < self.settings.retries:
                    await asyncio.sleep(min(30.0, exc.retry_after if exc.retry_after is not None
                                            else self.settings.interval))
                    continue
                if exc.status == 429:
                    self.notes.append("discovery: the search service is rate-limiting requests "
                                      "(HTTP 429); try again in a few seconds")
                else:
                    self.notes.append(f"discovery: {exc}")
                return None
            ctype = response.headers.get("content-type", "")
            if cache is not None and ("json" in ctype or response.body.lstrip()[:1] == b"{"):
                now = time.time()
                cache.put(CachedPage(url, url, ctype, response.body, None, None, now, now + ANSWER_LIFETIME))
            return response.body, ctype
        return None

    async def run(self, queries: Sequence[str]) -> list[Discovered]:
        if not queries:
            self.notes.append("discovery: the article has no quotation or full name to search for")
            return []
        for query in queries:
            self.queries.append(query)
            answer = await self._ask(endpoint_url(self.settings, query))
            if answer is None:
                return []
            parsed = parse_answer(*answer)
            if isinstance(parsed, str):
                self.notes.append(f"discovery: the search service rejected the query {shown(query, 120)}: {parsed}")
                continue
            return parsed
        return []
