"""A generated news corpus for the scan tests: articles built from templates written for
these tests, in every input format ``attrib scan`` reads, with what was planted in them
(who is quoted where, which quotation changed on the way, which documents are bad)
recorded beside them so the tests check the scan against the generator, not against
itself."""

from __future__ import annotations

import io
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

OUTLETS = ("harbour-gazette.example", "valley-herald.example", "coast-wire.example", "northern-post.example")
SITE_NAMES = {"harbour-gazette.example": "Harbour Gazette", "valley-herald.example": "Valley Herald",
              "coast-wire.example": "Coast Wire", "northern-post.example": "Northern Post"}

# (name, role) of the people the stories quote
PEOPLE = (
    ("Ines Calloway", "the mayor of Port Tamsby"),
    ("Tomas Reyna", "director of the county hospital"),
    ("Aiko Brandt", "a spokeswoman for the dockworkers' union"),
    ("Marcus Odell", "the regional transport minister"),
    ("Priya Lanning", "an economist at Tamsby University"),
    ("Gideon Marsh", "chief executive of Marsh Freight"),
)

# Quotations that travel: (speaker index, words). The first is the most carried one.
TRAVELLING = (
    (0, "We will reopen the harbour bridge to all traffic before the winter storms arrive"),
    (1, "The emergency ward has treated more patients this month than in any month since it opened"),
    (2, "Our members will not return to the cranes until the safety inspections are published in full"),
    (3, "The new rail link will cost 40 million euros and carry its first passengers in the spring"),
)
# The transport minister's figure, as one outlet carries it: a number changed on the way.
ALTERED = "The new rail link will cost 14 million euros and carry its first passengers in the spring"
ALTERED_OUTLET = "northern-post.example"

LOCAL_QUOTES = (
    "The queues at the ferry terminal have doubled since the timetable changed",
    "Nobody on this street was told that the water would be cut off for three days",
    "We have asked the council for a meeting and we are still waiting for an answer",
    "The price of diesel decides whether a small boat goes out or stays in the harbour",
    "Families who moved here for the schools are now driving their children to the next town",
    "The funding covers the repairs but not the staff we need to run the building",
)
TOPICS = ("the harbour bridge", "the county hospital", "the dock strike", "the rail link", "the fish market",
          "the school budget", "the ferry timetable", "the flood defences")
OPENERS = (
    "Talks over {topic} continued on {day} as residents of Port Tamsby waited for a decision.",
    "The future of {topic} dominated a crowded council meeting on {day}.",
    "Officials met again on {day} to discuss {topic}, the third meeting in as many weeks.",
    "A report on {topic} published on {day} has divided opinion in the town.",
)
FILLER = (
    "The council is expected to vote on the plan next month.",
    "The town's population has grown by about a tenth in the past decade.",
    "The harbour handled more freight last year than at any point since the war.",
    "Several shops on the seafront closed early as the meeting went on.",
    "A second public hearing is planned for the end of the season.",
)
ANONYMOUS = "An official who asked not to be named said the decision had already been made."
VAGUE = "Critics say the plan has been rushed through without proper scrutiny."
RESIDENTS = ("Ruth Abara", "Colm Fenwick", "Sade Okoro", "Lena Hartley", "Jonas Pirelli", "Maeve Dunmore",
             "Ravi Castellan")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass(frozen=True)
class GenArticle:
    id: str
    outlet: str
    date: str  # YYYY-MM-DD
    title: str
    text: str
    quotes: tuple[str, ...]  # the travelling quotations it carries, as written
    speakers: tuple[str, ...]  # who says them, in order


def article(n: int) -> GenArticle:
    rng = random.Random(n)
    outlet = OUTLETS[n % len(OUTLETS)]
    date = f"2024-{1 + n % 6:02d}-{1 + n % 27:02d}"
    topic = rng.choice(TOPICS)
    paras = [rng.choice(OPENERS).format(topic=topic, day=rng.choice(DAYS))]
    quotes, speakers = [], []
    for k in rng.sample(range(len(TRAVELLING)), 2 if n % 3 else 1):
        who, words = TRAVELLING[k]
        if k == 3 and outlet == ALTERED_OUTLET:
            words = ALTERED
        if k == 0 or n % 5 != 0:  # the bridge quotation is in every article that draws it
            name, role = PEOPLE[who]
            paras.append(f"“{words},” said {name}, {role}.")
            quotes.append(words)
            speakers.append(name)
    name, role = PEOPLE[4 + n % 2]
    paras.append(f"{name}, {role}, said {rng.choice(TOPICS)} would take longer than planned.")
    paras.append(f"“{rng.choice(LOCAL_QUOTES)},” said {RESIDENTS[n % len(RESIDENTS)]}, who lives nearby.")
    if n % 4 == 0:
        paras.append(ANONYMOUS)
    if n % 3 == 0:
        paras.append(VAGUE)
    paras += rng.sample(FILLER, 2)
    title = f"{topic.capitalize()}: talks go on ({n})"
    return GenArticle(f"gen-{n:05d}", outlet, date, title, "\n\n".join(paras) + "\n", tuple(quotes), tuple(speakers))


def html_page(a: GenArticle) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in a.text.split("\n\n") if p.strip())
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(a.title)}</title>'
            f'<meta property="og:site_name" content="{SITE_NAMES[a.outlet]}">'
            f'<meta property="article:published_time" content="{a.date}T08:00:00Z">'
            f'<link rel="canonical" href="https://www.{a.outlet}/news/{a.id}"></head>'
            f"<body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            f"<article><h1>{escape(a.title)}</h1>{body}</article>"
            f"<footer><p>Contact the newsroom.</p></footer></body></html>")


@dataclass
class Corpus:
    root: Path
    inputs: list[str] = field(default_factory=list)
    good: dict[str, GenArticle] = field(default_factory=dict)  # document id -> what it holds
    bad: dict[str, str] = field(default_factory=dict)  # document id (or its start) -> reason words
    by_input: Counter = field(default_factory=Counter)  # articles per input kind


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], gz: bool = True) -> list[str]:
    """Write (url, date, html) responses with a request record between; the record ids."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ids = []
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "attrib tests"}))
        for url, date, body in pages:
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=hh,
                                       warc_headers_dict={"WARC-Date": f"{date}T09:00:00Z"})
            ids.append(rec.rec_headers.get_header("WARC-Record-ID"))
            w.write_record(rec)
            req = w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            w.write_record(req)
    return ids


def make_corpus(root: Path, txt: int, html: int, jsonl: int, warc: int, max_bytes: int) -> Corpus:
    """Articles 0.. in order: ``txt`` as .txt files, then ``html`` .html files, ``jsonl``
    JSON lines and ``warc`` WARC responses; plus a bad JSON line, a document over
    ``max_bytes`` in each of the JSON Lines, folder and WARC inputs, and a truncated WARC."""
    c = Corpus(root)
    n = 0
    folder = root / "articles"
    for _ in range(txt):
        a = article(n)
        sub = folder / f"{a.date[:7]}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{a.id}.txt"
        path.write_text(a.text, encoding="utf-8")
        c.good[str(path)] = a
        c.by_input["txt"] += 1
        n += 1
    for _ in range(html):
        a = article(n)
        path = folder / "pages" / f"{a.id}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html_page(a), encoding="utf-8")
        c.good[str(path)] = a
        c.by_input["html"] += 1
        n += 1
    big = folder / "pages" / "zz-oversized.html"
    big.parent.mkdir(parents=True, exist_ok=True)
    big.write_text("<html><body><p>" + "word " * (max_bytes // 4) + "</p></body></html>", encoding="utf-8")
    c.bad[str(big)] = "cap"
    c.inputs.append(str(folder))

    lines = []
    for k in range(jsonl):
        a = article(n)
        lines.append(json.dumps({"id": a.id, "body": a.text, "outlet": a.outlet, "date": a.date,
                                 "url": f"https://{a.outlet}/news/{a.id}", "title": a.title}))
        c.good[a.id] = a
        c.by_input["jsonl"] += 1
        n += 1
        if k == jsonl // 2:
            lines.append('{"id": "broken-1", "body": "The council met on Monday.", ')  # cut off mid-object
            c.bad[f"{root / 'feed.jsonl'}:{len(lines)}"] = "not JSON"
            lines.append(json.dumps({"id": "huge-1", "body": "The council met. " * (max_bytes // 10),
                                     "outlet": OUTLETS[0]}))
            c.bad[f"{root / 'feed.jsonl'}:{len(lines)}"] = "cap"
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    c.inputs.append(str(root / "feed.jsonl"))

    pages, arts = [], []
    for _ in range(warc):
        a = article(n)
        pages.append((f"https://www.{a.outlet}/news/{a.id}", a.date, html_page(a).encode()))
        arts.append(a)
        c.by_input["warc"] += 1
        n += 1
    pages.append(("https://www.coast-wire.example/news/huge", "2024-03-03",
                  b"<html><body><p>" + b"word " * (max_bytes // 4) + b"</p></body></html>"))
    ids = write_warc(root / "crawl.warc.gz", pages)
    for rid, a in zip(ids, arts):
        c.good[rid] = a
    c.bad[ids[-1]] = "cap"
    c.inputs.append(str(root / "crawl.warc.gz"))

    # A crawl cut off in the middle of its third record.
    cut = [article(n + k) for k in range(3)]
    cut_ids = write_warc(root / "cut.warc", [(f"https://www.{a.outlet}/news/{a.id}", a.date, html_page(a).encode())
                                         for a in cut], gz=False)
    data = (root / "cut.warc").read_bytes()
    (root / "cut.warc").write_bytes(data[: len(data) - 900])
    for rid, a in zip(cut_ids[:2], cut[:2]):
        c.good[rid] = a
        c.by_input["warc"] += 1
    c.bad[cut_ids[2]] = "truncated WARC record"
    c.inputs.append(str(root / "cut.warc"))
    return c
