"""Headlines: the headline line of a plain-text article (not its dateline), and the
headline an HTML page shows (its h1, before og:title), without the outlet's name."""

from __future__ import annotations

import pytest

from attrib import check
from attrib.ingest.html_page import strip_outlet
from attrib.ingest.text import headline
from support_tui import ARTICLES, ROOT

WEB = ROOT / "fixtures/web"


@pytest.mark.parametrize(("opening", "expected"), [
    ("Sunday, October 15, 2017\n\nDaesh Militants Quit Raqqah Under US-backed Deal\n"
     "Sun Oct 15, 2017 11:03AM\nexample.org\n\nThe body starts here.", "Daesh Militants Quit Raqqah Under US-backed Deal"),
    ("Dock Workers Walk Out as Port Talks Collapse\n\nPort Selden, 3 March\n\nDock workers ...",
     "Dock Workers Walk Out as Port Talks Collapse"),
    ("Port Selden, 3 March\n\nStrike Ends on March 3\n\nThe body.", "Strike Ends on March 3"),
    ("2024-03-01\nBy Ana Bell\nMay Day Protests Draw 5,000\n\nThe body.", "May Day Protests Draw 5,000"),
    ("The mayor said on Monday that the bridge would reopen within a week, after engineers "
     "found the cracks were smaller than first feared and could be filled.\n", None),
    ("Short line.\n\nThe story.", None),
])
def test_the_headline_of_a_plain_text_article(opening, expected):
    assert headline(opening) == expected


def test_fixture_articles_and_the_reference_are_titled_by_their_headline(shared):
    assert check(ARTICLES / "harbour-strike.txt").article.title == "Dock Workers Walk Out as Port Talks Collapse"
    reference = check(shared / "corpora/seed/presstv-raqqah-2017-10-15.txt")
    assert reference.article.title == "Daesh Militants Quit Raqqah Under US-backed Deal"


def test_html_the_on_page_headline_wins_over_og_title():
    article = check(WEB / "headline-social.html").article
    assert article.title == "Lisk ferry fares to rise by a fifth from April, operator says"
    assert article.site_name == "Tidewater Post"


def test_html_without_a_headline_falls_back_to_the_title_without_the_outlet():
    assert check(WEB / "headline-none.html").article.title == "Harbour crane back in service after repairs"
    assert check(WEB / "article.html").article.title == \
        "Marrow Bay council approves flood barrier despite cost warnings"


@pytest.mark.parametrize(("title", "site", "outlet", "expected"), [
    ("World Leaders Meet | Al Bawaba", "Al Bawaba", "albawaba.com", "World Leaders Meet"),
    ("Hong Kong chaos: troops deployed | World | News | Express.co.uk", "Express.co.uk", "express.co.uk",
     "Hong Kong chaos: troops deployed"),
    ("Nadal keeps Spain alive - Sportsnet.ca", None, "sportsnet.ca", "Nadal keeps Spain alive"),
    ("Tidewater Post | Crane back in service", "Tidewater Post", None, "Crane back in service"),
    ("Trump - the sequel", None, "example.org", "Trump - the sequel"),  # no outlet in it: kept
    ("Markets – a view from Selden", "Selden Star", "seldenstar.example", "Markets – a view from Selden"),
])
def test_the_outlet_suffix_goes(title, site, outlet, expected):
    assert strip_outlet(title, site, outlet) == expected


@pytest.mark.corpus
def test_real_pages_keep_no_outlet_suffix(shared):
    pages = sorted((shared / "corpora/realnews/html").glob("*.html"))
    if not pages:
        pytest.skip("no real pages")
    titles = {p.name: check(p).article.title or "" for p in pages[:48]}
    assert not [t for t in titles.values() if t.endswith(("| Al Bawaba", "| Deccan Herald", "- Sportsnet.ca"))]
    assert titles["slate_culture-john-ford-science-fiction-fantasy.html"] == "The Disappearance of John M. Ford"
