"""The HTML report as a browser shows it: rendered by headless Chromium (Debian package
``chromium``; .ci/run installs it), asserting on the DOM Chromium built and on a
screenshot. Skipped where Chromium is not installed."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import lxml.html
import pytest

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, timeout=120, check=True)


def render(cli, tmp_path: Path, name: str) -> Path:
    out = tmp_path / (Path(name).stem + ".html")
    run = cli("check", str(ARTICLES / name), "-f", "html", "-o", str(out))
    assert run.code == 0, run.err
    return out


def dom(cli, tmp_path: Path, name: str) -> lxml.html.HtmlElement:
    page = render(cli, tmp_path, name)
    dumped = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout.decode("utf-8")
    return lxml.html.document_fromstring(dumped)


def texts(doc: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [el.text_content() for el in doc.xpath(xpath)]


def cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def test_hostile_article_text_shows_literally_and_runs_nothing(cli, tmp_path):
    doc = dom(cli, tmp_path, "../hostile/hostile-markup.txt")
    assert doc.xpath("//script") == [] and doc.xpath("//img") == []
    assert len(doc.xpath("//style")) == 1  # ours, in the head; the article's is text
    assert doc.findtext(".//title").startswith("Attribution report")  # not "pwned"
    article = doc.xpath("//div[@class='article']")[0].text_content()
    assert '<script>alert("headline")</script>' in article
    assert "<img src=x onerror=alert(1)>" in article
    assert '"<style>body{display:none}</style>"' in article
    assert not [el for el in doc.iter() if any(a.startswith("on") for a in el.attrib)]
    # the flagged words are still highlighted, with their escaped text
    assert "Observers" in texts(doc, f"//div[@class='article']//span[{cls('fl')}]")


def test_article_highlights_sources_cues_contents_and_flags(cli, tmp_path):
    doc = dom(cli, tmp_path, "ferry-sale.txt")
    article = "//div[@class='article']"
    assert any("Dana Whitlock" in t for t in texts(doc, f"{article}//span[{cls('src')}]"))
    assert "said in a statement" in texts(doc, f"{article}//span[{cls('cue')}]")
    assert any("the board had approved the transfer" in t for t in texts(doc, f"{article}//span[{cls('ct')}]"))
    assert {"reportedly", "allegedly", "Observers"} <= set(texts(doc, f"{article}//span[{cls('fl')}]"))
    claims = " ".join(texts(doc, f"{article}//span[{cls('claim')}]"))
    # the accusation is a claim; the reporter's plain account of an event is not (issue 9)
    assert "rushed to occupy the ticket office" in claims
    assert "Nordlys Lines opened a new terminal" not in claims
    # every flag has a numbered badge in the text linking to its entry in the list
    badges = doc.xpath(f"{article}//a[{cls('badge')}]/@href")
    entries = doc.xpath("//ol[@class='flags']/li/@id")
    assert badges and sorted(b.lstrip("#") for b in badges) == sorted(entries)
    # the legend, the score, the charts and the statement table are shown
    assert "unattributed claim" in " ".join(texts(doc, "//ul[@class='legend']//li"))
    assert 0 <= float(doc.xpath(f"//div[{cls('score')}]//span[@class='num']")[0].text_content()) <= 100
    charts = doc.xpath("//div[@class='charts']//*[local-name()='svg']")
    assert len(charts) == 2 and charts[1].xpath(".//*[local-name()='rect']")
    rows = doc.xpath("//section[@id='statements']//tbody/tr")
    assert len(rows) >= 10 and rows[0].get("id") == "s1"


def test_screenshot(cli, tmp_path):
    page = render(cli, tmp_path, "ferry-sale.txt")
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 50_000  # a page with content, not a blank one
