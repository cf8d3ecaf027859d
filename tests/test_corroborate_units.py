"""The matching rules, the name comparison, the outlet list and the cache policy, on
small values in process (no network)."""

from __future__ import annotations

import pytest

from attrib import Article, Checker, Kind, RuleError, Source, SourceType, Span, Statement
from attrib.corroborate.documents import CoverageDoc
from attrib.corroborate.match import corroborate
from attrib.corroborate.speakers import same_source
from attrib.ingest.cache import lifetime
from attrib.ingest.domains import outlet_of
from attrib.ingest.outlets import build_registry

CHECKER = Checker()
RULES = CHECKER.rules
LEX = CHECKER.match_lexicons


def match(article: Article, st: Statement, doc: CoverageDoc):
    (c,) = corroborate(article, (st,), [doc], LEX, CHECKER.statements_of)
    return c


def one_quote(quote: str, speaker: str = "Maria Okafor") -> tuple[Article, Statement]:
    text = f"“{quote},” {speaker} said."
    content = Span(1, 1 + len(quote))
    src = Span(len(quote) + 4, len(quote) + 4 + len(speaker))
    st = Statement("s1", Kind.DIRECT, Source(src, speaker, SourceType.PERSON), Span(src.end + 1, src.end + 5),
                   "said", (content,), Span(0, len(text)))
    return Article(text=text), st


def check(quote: str, coverage: str):
    article, st = one_quote(quote)
    doc = CoverageDoc(url="https://other.example/a", outlet="other.example", text=coverage)
    return match(article, st, doc)


@pytest.mark.parametrize("quote,coverage,status,reason", [
    ("We have waited long enough for this", '"we have waited LONG enough for this," Okafor said.',
     "verbatim", None),
    ("Our members may not always accept the terms", "“Our members do not accept the terms,” Okafor said.",
     "altered", "qualifier dropped: may, always"),
    ("The plan will cost us two million euros", "“The plan will cost us 2,000,000 euros,” Okafor said.",
     "close", "spelling: two million → 2,000,000"),
    ("The plan will cost us two million euros", "“The plan will cost us three million euros,” Okafor said.",
     "altered", "number changed: 2,000,000 → 3,000,000"),
    ("We don't accept the offer from the port", "“We do not accept the offer from the port,” Okafor said.",
     "close", "spelling: don't → do not"),
    ("We are worried about the night shifts", "“We are furious about the night shifts,” Okafor said.",
     "altered", "stronger wording: furious"),
    ("We will talk to Reyes again on Friday", "“We will talk to Varga again on Friday,” Okafor said.",
     "altered", "name changed: Reyes → Varga"),
    ("The union has never refused to negotiate", "Okafor said the union has always refused to negotiate.",
     "altered", "negation dropped"),
    ("Ships have been waiting offshore since the weekend",
     "Okafor said ships had been kept waiting off the coast since the weekend.", "paraphrase", None),
    ("The harbour will stay closed until further notice",
     "The ferry timetable for the island route changes next week.", "not-found", None),
])
def test_classification(quote, coverage, status, reason):
    c = check(quote, coverage)
    assert c.status.value == status
    if reason is not None:
        assert reason in c.evidence[0].reasons


def test_too_short_to_check():
    c = check("No", "“No,” she said.")
    assert c.status.value == "unchecked"


def test_the_article_itself_is_not_evidence():
    article, st = one_quote("We have waited long enough for this")
    doc = CoverageDoc(url="https://other.example/a", outlet="other.example", text=article.text)
    assert match(article, st, doc).status.value == "not-found"


@pytest.mark.parametrize("a,b,same", [
    ("Maria Okafor", "Okafor", True),
    ("Maria Okafor", "M. Okafor", True),
    ("Mayor Elena Brandt", "Brandt", True),
    ("the Transport Ministry", "Transport Ministry", True),
    ("Tomas Reyes", "Maria Reyes", False),
    ("Priya Nandakumar", "Marcus Reed", False),
])
def test_same_source(a, b, same):
    assert same_source(a, b, LEX) is same


@pytest.mark.parametrize("url,outlet", [
    ("https://www.bbc.co.uk/news/x", "bbc.co.uk"),
    ("https://edition.news.abc.net.au/x", "abc.net.au"),
    ("https://news.tidewater-post.example/a", "news.tidewater-post.example"),
    ("http://127.0.0.1:8000/a", None),
    ("http://localhost/a", None),
    (None, None),
])
def test_outlet_of(url, outlet):
    assert outlet_of(url) == outlet


def test_bundled_outlets_cite_sources():
    reg = CHECKER.outlets
    assert reg.lookup("news.cn").name == "Xinhua News Agency"
    assert reg.lookup("bbc.com").kinds == ("public-broadcaster",)
    assert all(info.sources for info in reg.outlets.values())


def test_user_outlet_file_extends_and_removes(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "kind: outlets\nkinds: {community: A community newspaper.}\n"
        "outlets:\n  - {domain: tidewater-post.example, name: Tidewater Post, kinds: [community],"
        " sources: ['https://tidewater-post.example/about']}\nremove: [rt.com]\n")
    reg = Checker([tmp_path]).outlets
    assert reg.lookup("tidewater-post.example").kinds == ("community",)
    assert reg.lookup("rt.com") is None


@pytest.mark.parametrize("entry,message", [
    ("{domain: a.example, name: A, kinds: [tabloid], sources: ['https://a.example']}", "unknown kind 'tabloid'"),
    ("{domain: a.example, name: A, kinds: [newspaper], sources: []}", "must cite at least one source"),
    ("{domain: a.example, name: A, kinds: [newspaper], sources: [nowhere]}", "neither a declared source nor a URL"),
    ("{domain: not a domain, name: A, kinds: [newspaper], sources: ['https://a']}", "is not a domain name"),
    ("{domain: a.example, name: A, kinds: [newspaper], sources: ['https://a'], rating: 3}", "unknown key"),
])
def test_invalid_outlet_entries_name_file_rule_and_key(tmp_path, entry, message):
    path = tmp_path / "bad.yaml"
    path.write_text(f"kind: outlets\noutlets:\n  - {entry}\n")
    docs = (*RULES.documents["outlets"], (str(path), __import__("yaml").safe_load(path.read_text())))
    with pytest.raises(RuleError) as err:
        build_registry(docs)
    assert message in str(err.value) and str(path) in str(err.value)


@pytest.mark.parametrize("headers,expected", [
    ({"cache-control": "max-age=600"}, 600.0),
    ({"cache-control": "max-age=600", "age": "100"}, 500.0),
    ({"cache-control": "no-store, max-age=600"}, None),
    ({"cache-control": "no-cache"}, 0.0),
    ({"expires": "Thu, 01 Jan 2037 00:10:00 GMT", "date": "Thu, 01 Jan 2037 00:00:00 GMT"}, 600.0),
    ({"last-modified": "Thu, 01 Jan 2037 00:00:00 GMT"}, 1000.0),
    ({}, 0.0),
])
def test_cache_lifetime(headers, expected):
    now = 2114380800.0 + 10000  # 1 Jan 2037 plus 10,000 s
    assert lifetime(headers, now) == expected
