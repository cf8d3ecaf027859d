"""The matching rules, the name comparison, the outlet list and the cache policy, on
small values in process (no network)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from attrib import Article, Checker, Kind, ReasonKind, RuleError, Source, SourceType, Span, Statement, Unchecked
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
    ("We have waited long enough for the port authority to act",
     '"we have waited LONG enough for the port authority to act," Okafor said.', "verbatim", None),
    ("Our members may not always accept the terms the port offers",
     "“Our members do not accept the terms the port offers,” Okafor said.",
     "altered", "qualifier dropped: may, always"),
    ("The harbour plan will cost the union two million euros",
     "“The harbour plan will cost the union 2,000,000 euros,” Okafor said.",
     "close", "spelling: two million → 2,000,000"),
    ("The harbour plan will cost the union two million euros",
     "“The harbour plan will cost the union three million euros,” Okafor said.",
     "altered", "number changed: two → three"),
    ("We don't accept the offer from the port authority today",
     "“We do not accept the offer from the port authority today,” Okafor said.", "close", "spelling: don't → do not"),
    ("We are worried about the night shifts at the container terminal",
     "“We are furious about the night shifts at the container terminal,” Okafor said.",
     "altered", "stronger wording: furious"),
    ("We will talk to Reyes again on Friday about the night shifts",
     "“We will talk to Varga again on Friday about the night shifts,” Okafor said.",
     "altered", "name changed: Reyes → Varga"),
    # a negation turned round: the other outlet says the opposite
    ("The union has never refused to negotiate with the port authority",
     "Okafor said the union has always refused to negotiate with the port authority.",
     "contradicted", "negation dropped"),
    ("Cargo volumes at the terminal rose sharply after the strike ended",
     "Okafor said cargo volumes at the terminal fell sharply after the strike ended.",
     "contradicted", "antonym changed: rose → fell"),
    ("The board will approve the new shift rota for the dockers",
     "“The board will reject the new shift rota for the dockers,” Okafor said.",
     "contradicted", "antonym changed: approve → reject"),
    # "not in line" and "at odds" say the same thing: no contradiction
    ("The offer was not in line with the union's stated goals for the port",
     "Okafor said the offer was at odds with the union's stated goals for the port.", "paraphrase", None),
    # copy edits: units, number words, an ellipsis
    ("Crews will need about 20 minutes more for each container ship",
     "“Crews will need about 20 min more for each container ship,” Okafor said.",
     "close", "spelling: minutes → min"),
    ("The dockers will stop work for two days from the first of March",
     "“The dockers will stop work for 2 days from the first of March,” Okafor said.", "close", "spelling: two → 2"),
    ("The port cannot run without the dockers, and everyone at the terminal knows it",
     "“The port cannot run without the dockers … everyone at the terminal knows it,” Okafor said.",
     "close", "ellipsis: and"),
    ("Ships have been waiting offshore since the weekend for a berth",
     "Okafor said ships had been kept waiting off the coast since the weekend for a berth.", "paraphrase", None),
    ("The harbour will stay closed until further notice to all cargo traffic",
     "The ferry timetable for the island route changes next week.", "not-found", None),
])
def test_classification(quote, coverage, status, reason):
    c = check(quote, coverage)
    assert c.status.value == status
    if reason is not None:
        assert reason in [r.label for r in c.evidence[0].reasons]


def test_an_age_the_other_outlet_adds_outside_the_quote_is_no_change():
    c = check("The fine of 250,000 yuan was far too low for what the company did",
              "“The fine of 250,000 yuan was far too low for what the company did,” said Okafor, 55.")
    assert c.status.value == "verbatim" and c.evidence[0].reasons == ()


def test_a_figure_changes_only_in_its_own_place():
    c = check("The company paid a fine of 250,000 yuan for the spill in the harbour",
              "Okafor, 55, said the company paid a fine of 300,000 yuan for the spill in the harbour.")
    (number,) = [r for r in c.evidence[0].reasons if r.kind is ReasonKind.NUMBER]
    assert (number.before, number.after) == (("250,000",), ("300,000",))


@pytest.mark.parametrize("quote", ["No", "In the email", "We will keep trying"])
def test_too_short_to_check(quote):
    c = check(quote, f"“{quote},” she said.")
    assert c.status.value == "unchecked" and c.unchecked is Unchecked.TOO_SHORT


@pytest.mark.parametrize("words", ["a disgrace", "a reckless harbour gamble"])
def test_a_short_quote_counts_only_inside_its_longer_sentence(words):
    """One common word, or three uncommon ones: too few to be told apart on their own
    (FLOOR in corroborate/queries.py), so they count only inside their sentence."""
    text = f"Okafor called the offer “{words}” at a rally outside the harbour offices on Friday."
    st = Statement("s1", Kind.MIXED, Source(Span(0, 6), "Okafor", SourceType.PERSON), Span(7, 13), "called",
                   (Span(text.index("“a"), text.index("” at") + 1),), Span(0, len(text)))
    article = Article(text=text)
    same = f"Okafor called the offer “{words}” at a rally outside the harbour offices."
    elsewhere = f"The mayor said the state of the roads was “{words}” and promised repairs."
    (found,) = corroborate(article, (st,), [CoverageDoc("https://a.example/1", "a.example", same)], LEX,
                           CHECKER.statements_of)
    assert found.status.value == "verbatim"
    (other,) = corroborate(article, (st,), [CoverageDoc("https://b.example/1", "b.example", elsewhere)], LEX,
                           CHECKER.statements_of)
    assert other.status.value == "not-found"


def _one_page(article_text: str, coverage: str):
    article = Article(text=article_text)
    (st,) = CHECKER.extract(article_text)
    (c,) = corroborate(article, (st,), [CoverageDoc("https://a.example/1", "a.example", coverage)], LEX,
                       CHECKER.statements_of)
    return c


def test_a_whole_quotation_of_common_words_is_found_word_for_word_with_its_speaker():
    """Common words ("money", "spend") count for little, so the content words alone do
    not find this copy; the whole quotation, between quotation marks and given to the
    same speaker, does (corroborate/quotations.py)."""
    ours = "Maria Okafor said the union “cannot spend money it does not have” and would wait."
    page = "At the harbour, union negotiator Maria Okafor said the union “cannot spend money it does not have.”"
    c = _one_page(ours, page)
    assert c.status.value == "close" and c.evidence[0].same_speaker is True
    # the same words given to someone else, or not in quotation marks, are not this quote
    other = "At the harbour, the mayor said the city “cannot spend money it does not have.”"
    assert _one_page(ours, other).status.value != "close"
    unquoted = "At the harbour, union negotiator Maria Okafor said the union cannot spend money it does not have."
    assert _one_page(ours, unquoted).status.value != "close"


def test_no_page_at_all_is_unchecked_not_not_found():
    article, st = one_quote("We have waited long enough for the port authority to act")
    (c,) = corroborate(article, (st,), [], LEX, CHECKER.statements_of)
    assert c.status.value == "unchecked" and c.unchecked is Unchecked.NO_PAGES and c.evidence == ()


def test_the_article_itself_is_not_evidence():
    article, st = one_quote("We have waited long enough for the port authority to act")
    doc = CoverageDoc(url="https://other.example/a", outlet="other.example", text=article.text)
    c = match(article, st, doc)
    assert c.status.value == "unchecked" and c.unchecked is Unchecked.NO_PAGES


def test_a_match_leaves_no_cache_behind():
    """Stems and long forms are memoised in the match, not in the Checker's lexicons."""
    before = pickle.dumps(LEX)
    check("We have waited long enough for the port authority to act",
          '"We have waited long enough for the port authority to act," Okafor said.')
    assert pickle.dumps(LEX) == before
    assert not any(isinstance(getattr(LEX, f.name), dict) for f in dataclasses.fields(LEX)
                   if f.name not in ("contractions", "numbers", "units", "verb_forms"))


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
