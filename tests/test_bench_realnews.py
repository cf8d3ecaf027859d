"""bench/realnews_quality.py on two real pages: the in-process run scores with the shared
scorer's functions, and every error it counts is put in exactly one class."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="module")
def bench(shared):
    import realnews_quality

    if not realnews_quality.SCORER_PATH.is_file():
        pytest.skip("the real-page scorer is absent")
    return realnews_quality


@pytest.fixture(scope="module")
def two_pages(bench):
    pages = bench.gold_pages("dev")[:2]
    return pages, bench.measure(pages)


def test_counts_are_the_gold_and_the_statements(bench, two_pages) -> None:
    pages, result = two_pages
    required = sum(1 for p in pages for a in p["attributions"] if not a.get("optional"))
    assert result.totals["n_gold"] == required
    assert len(result.pages) == 2
    assert result.totals["tp_gold"] <= required
    assert result.totals["tp_gold_strict"] <= result.totals["tp_gold"]
    figures = result.figures(bench.load_scorer())
    assert all(0.0 <= v <= 1.0 for v in figures.values()), figures
    assert figures["strict_f1"] <= figures["detect_f1"]


def test_every_found_item_is_in_one_confidence_band(two_pages) -> None:
    _, result = two_pages
    assert sum(n for _, n in result.bands.values()) == result.totals["tp_gold"]
    assert all(0 <= right <= n for right, n in result.bands.values())


def test_every_miss_and_false_positive_is_classified(bench, two_pages) -> None:
    _, result = two_pages
    misses = sum(len(r["missed"]) for r in result.pages)
    false_pos = sum(len(r["false_positives"]) for r in result.pages)
    speaker = sum(len({e["gold"] for e in r["speaker_errors"]}) for r in result.pages)
    classes = {"pronoun to a non-person word", "pronoun to the wrong entity", "pronoun unresolved",
               "name cut at a title", "other wrong speaker"}
    assert sum(result.errors[c] for c in classes) == speaker
    assert set(result.errors) <= set(bench.CLASSES)
    told = [d for d in result.details if d[1] not in classes and d[1] != "source type wrong"
            and "swallows" not in d[2]]
    # misses and false positives each land in one class; lost pieces of found items come on top
    assert len(told) >= misses + false_pos


def test_bullet_lines_are_told(bench) -> None:
    text = "He listed three demands:\n• more pay\nFewer hours were not on it.\n"
    assert bench._bulleted(text, text.index("more pay"))
    assert not bench._bulleted(text, text.index("Fewer"))
    assert bench._bulleted("They said:\nWe will win.", len("They said:\n"))
