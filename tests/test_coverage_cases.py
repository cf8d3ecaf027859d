"""Corroboration cases a fact-checker meets, through the real CLI: the fixture article in
fixtures/coverage-cases/ against the other pages there (copy edits a copy editor accepts,
contradictions, a misattribution, a body and its spokesperson, a page that shares only
short phrases), and a run where no page can be read."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import FIXTURES, run_cli

CASES = FIXTURES / "coverage-cases"
EXPECTED = yaml.safe_load((CASES / "expected.yaml").read_text(encoding="utf-8"))
PAGES = [str(p) for p in sorted(CASES.glob("*.html")) if p.name != EXPECTED["article"]]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    env = {"ATTRIB_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    args = [a for page in PAGES for a in ("--coverage", page)]
    run = run_cli("check", str(CASES / EXPECTED["article"]), *args, "--format", "json", env=env)
    assert run.code == 0, run.err
    return json.loads(run.out)


def statement(report: dict, key: str) -> dict:
    found = [s for s in report["statements"] if key in s["content"]["text"]]
    assert found, f"no statement holds {key!r}"
    return min(found, key=lambda s: len(s["content"]["text"]))


@pytest.mark.parametrize("item", EXPECTED["statements"], ids=[i["key"] for i in EXPECTED["statements"]])
def test_each_statement(report, item):
    c = statement(report, item["key"])["corroboration"]
    assert c["status"] == item["overall"]
    assert c["unchecked"] == item.get("unchecked")
    got = {e["outlet"]: e for e in c["evidence"]}
    assert set(got) == set(item["outlets"])
    for outlet, want in item["outlets"].items():
        e = got[outlet]
        assert e["status"] == want["status"], outlet
        assert sorted({d["kind"] for d in e["differences"]}) == sorted(want["reasons"]), outlet
        assert e["speaker_check"]["verdict"] == want["speaker"], outlet
        # same_speaker says the same as the verdict, for readers of the older field
        assert e["same_speaker"] == {"same": True, "different": False}.get(want["speaker"])
    assert c["speaker_conflict"] == any(w["speaker"] == "different" for w in item["outlets"].values())


def test_a_page_that_shares_only_short_phrases_matches_nothing(report):
    outlets = {e["outlet"] for s in report["statements"] for e in (s["corroboration"] or {}).get("evidence", [])}
    assert "corrin-weekly.example" not in outlets
    assert any(p["outlet"] == "corrin-weekly.example" and p["error"] is None for p in report["coverage"]["pages"])


def test_a_conflict_shows_both_sentences_that_name_the_speakers(report):
    (e,) = [e for e in statement(report, "The ramp has been unsafe")["corroboration"]["evidence"]]
    check = e["speaker_check"]
    assert check["article"]["name"] == "Rhys Madoc" and check["other"]["name"] == "Agnes Whitlow"
    assert "Madoc said" in check["article"]["sentence"]
    assert "said council leader Agnes Whitlow" in check["other"]["sentence"]
    assert check["gaps"] == []


def test_a_speaker_not_established_says_why_typed(report):
    # "the company" in the article: a description, not sure enough to judge
    (e,) = statement(report, "Ticket sales rose")["corroboration"]["evidence"]
    assert e["speaker_check"]["verdict"] == "not-established"
    assert e["speaker_check"]["gaps"] == ["article-uncertain"]
    assert e["same_speaker"] is None


def test_typed_differences_carry_the_words(report):
    e = statement(report, "Ticket sales rose")["corroboration"]["evidence"][0]
    assert e["differences"] == [{"kind": "antonym", "change": "changed", "before": ["rose"], "after": ["fell"]}]
    assert e["reasons"] == ["antonym changed: rose → fell"]  # the same, for people
    e = statement(report, "close for two days")["corroboration"]["evidence"][0]
    assert e["differences"] == [{"kind": "spelling", "change": "changed", "before": ["two"], "after": ["2"]}]


def test_the_summary_counts_contradictions_and_unchecked(report):
    summary = report["coverage"]["summary"]
    assert summary["contradicted"] == 2 and summary["speaker-conflict"] == 1
    assert summary["unchecked"] == report["coverage"]["unchecked"]["too-short"] >= 1
    assert summary["checked"] == len(report["statements"]) - summary["unchecked"]


def test_no_page_read_means_unchecked_not_not_found(tmp_path):
    env = {"ATTRIB_CACHE_DIR": str(tmp_path / "cache")}
    missing = tmp_path / "gone.html"
    run = run_cli("check", str(CASES / EXPECTED["article"]), "--coverage", str(missing), "--format", "json", env=env)
    assert run.code == 0, run.err
    report = json.loads(run.out)
    statuses = {s["corroboration"]["status"] for s in report["statements"]}
    assert statuses == {"unchecked"}
    assert report["coverage"]["summary"]["unconfirmed"] == 0
    assert report["coverage"]["unchecked"]["no-pages"] >= 1
    (page,) = report["coverage"]["pages"]
    assert page["error"] and str(missing.name) in page["error"]
    text = run_cli("check", str(CASES / EXPECTED["article"]), "--coverage", str(missing), env=env)
    assert "no coverage page could be read" in text.out
