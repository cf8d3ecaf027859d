"""The public API: ``attrib.check`` for a text, a file, a URL or an Article; a Checker
built once, reused, configured and pickled; the names the package exports."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import attrib
from attrib import Article, Checker, Report, Settings, check
from support_web import server  # noqa: F401 - a pytest fixture

ROOT = Path(__file__).resolve().parents[1]
HARBOUR = ROOT / "fixtures/articles/harbour-strike.txt"
WEB = ROOT / "fixtures/web/article.html"
COVERAGE = ROOT / "fixtures/coverage"


def test_check_reads_a_text_a_path_an_article_and_a_url(server, monkeypatch, tmp_path):
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(tmp_path / "cache"))
    text = HARBOUR.read_text(encoding="utf-8")
    from_text = check(text)
    from_path = check(HARBOUR)
    from_article = check(Article(text=text))
    assert isinstance(from_text, Report) and from_text.statements
    assert from_text.statements == from_path.statements == from_article.statements
    assert from_path.article.path == str(HARBOUR)
    # a str that is a URL is fetched (here from a server on 127.0.0.1), and its HTML read
    from_url = check(server.url("/article.html"))
    assert from_url.article.url == server.url("/article.html")
    assert from_url.statements == check(WEB).statements


def test_a_sentence_that_happens_to_start_like_a_url_is_text():
    report = check("http://example.org is down, the company said on Monday.")
    assert report.article.url is None and report.statements


def test_one_checker_many_articles_same_answers_as_one_shot():
    checker = Checker()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/articles").glob("*.txt"))]
    assert len(texts) >= 10
    for text in texts:
        assert checker.check(text) == check(text)


def test_a_pickled_checker_checks_the_same():
    checker = Checker()
    copy = pickle.loads(pickle.dumps(checker))
    text = HARBOUR.read_text(encoding="utf-8")
    assert copy.check(text) == checker.check(text)
    assert copy.check(text).flags  # the copy has its flag rules


def test_settings_switch_a_category_off():
    text = HARBOUR.read_text(encoding="utf-8")
    assert any(f.category == "hedge" for f in check(text).flags)
    quiet = Checker(settings=Settings(disable=frozenset({"hedge"})))
    assert not any(f.category == "hedge" for f in quiet.check(text).flags)


def test_extra_rule_directories(tmp_path):
    (tmp_path / "cues.yaml").write_text("kind: cues\ngroups:\n  - id: grumbling\n    class: speech\n"
                                        "    forms: [grumbled]\n", encoding="utf-8")
    text = "Mayor Ines Duarte grumbled that the budget was late.\n"
    assert not check(text).statements
    (st,) = check(text, rules=[tmp_path]).statements
    assert (st.source.resolved, st.cue_text) == ("Ines Duarte", "grumbled")


def test_coverage_as_articles_already_read():
    checker = Checker()
    article = checker.read(WEB)
    others = [checker.read(p) for p in sorted(COVERAGE.glob("*.html"))]
    report = checker.check(article, coverage=others)
    assert len(report.corroborations) == len(report.statements)
    assert {p.outlet for p in report.coverage} >= {"tidewater-post.example", "coastline-wire.example"}
    cost = next(c for c in report.corroborations
                if "48 million euros" in next(st for st in report.statements if st.id == c.statement)
                .content_text(article.text))
    assert cost.status.value == "verbatim"
    counts = dict(report.summary.corroboration)
    too_short = [c for c in report.corroborations if c.unchecked is attrib.Unchecked.TOO_SHORT]
    assert counts["checked"] == len(report.statements) - len(too_short) and counts["unchecked"] == len(too_short)


def test_flags_carry_their_sentence():
    text = "The mayor resigned. The port is reportedly closed for a week.\n"
    (flag,) = [f for f in check(text).flags if f.category == "hedge"]
    assert flag.sentence is not None and flag.sentence.of(text) == "The port is reportedly closed for a week."


def test_the_public_names():
    for name in attrib.__all__:
        assert getattr(attrib, name) is not None, name
    assert "Checker" in dir(attrib) and "check" in attrib.__all__
    with pytest.raises(AttributeError):
        attrib.no_such_name  # noqa: B018
    assert (Path(attrib.__file__).parent / "py.typed").is_file()


@pytest.mark.parametrize("many", [False, True], ids=["check FILE", "check DIR"])
def test_a_plain_check_loads_no_web_screen_or_corpus_libraries(tmp_path, many):
    article = tmp_path / "a.txt"
    article.write_text("The bridge will reopen on Monday, the mayor said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The port closed on Tuesday, officials said.\n", encoding="utf-8")
    target = tmp_path if many else article
    probe = ("import sys, io, contextlib\nfrom attrib.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             f"    code = main(['check', {str(target)!r}])\n"
             "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
             "{'httpx', 'numpy', 'textual', 'rapidfuzz', 'trafilatura', 'tldextract', 'lxml', "
             "'dask', 'distributed', 'pyarrow', 'warcio', 'datasketch', 'scipy', 'duckdb'})\n"
             "print(code, heavy)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}).stdout
    assert out.strip() == "0 []"
