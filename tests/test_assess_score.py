"""The summary and the 0-100 score: counts, the documented formula, the breakdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrib import Flag, RuleError, Severity, Span, check
from attrib.assess.score import Scoring, breakdown, parse_scoring
from attrib.assess.sourcing import is_named

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def flag(n: int, category: str, severity: Severity) -> Flag:
    return Flag(f"f{n}", f"{category}.x", category, severity, Span(n, n + 1), "x", "m")


def test_breakdown_follows_the_formula_and_caps_each_category():
    flags = [flag(1, "hedge", Severity.WARNING), flag(2, "hedge", Severity.INFO),
             *[flag(n, "unattributed-claim", Severity.WARNING) for n in range(3, 11)],
             flag(11, "vague-source", Severity.ERROR)]
    items = {i.reason.split(":")[0]: i for i in breakdown(flags, Scoring())}
    assert items["hedge"].points == -5 and items["hedge"].flags == ("f1", "f2")
    assert items["unattributed-claim"].points == -25  # 8 x 4 = 32, capped at 25
    assert "capped at 25" in items["unattributed-claim"].reason
    assert items["vague-source"].points == -10
    assert len(items["unattributed-claim"].flags) == 8


def test_verdict_bands_and_custom_scoring():
    s = Scoring()
    assert [s.verdict(x) for x in (100, 85, 84.9, 65, 50, 44, 0)] == \
        ["strong", "strong", "fair", "fair", "weak", "poor", "poor"]
    custom = parse_scoring([("score.yaml", {"kind": "score", "weights": {"warning": 2}, "cap": 10,
                                            "verdicts": [{"min": 50, "word": "ok"}, {"min": 0, "word": "bad"}]})])
    assert custom.weights[Severity.WARNING] == 2 and custom.weights[Severity.INFO] == 1
    assert custom.verdict(49) == "bad" and custom.cap == 10


@pytest.mark.parametrize("data, key", [
    ({"kind": "score", "weights": {"loud": 3}}, "weights.loud"),
    ({"kind": "score", "cap": -1}, "cap"),
    ({"kind": "score", "verdicts": [{"min": 50, "word": "ok"}]}, "verdicts"),
    ({"kind": "score", "bonus": 1}, "bonus"),
])
def test_bad_score_files_name_the_key(data, key):
    with pytest.raises(RuleError) as err:
        parse_scoring([("score.yaml", data)])
    assert err.value.key == key and err.value.file == "score.yaml"


def test_summary_of_the_harbour_article():
    report = check(ARTICLES / "harbour-strike.txt")
    s = report.summary
    assert s.statements == len(report.statements)
    assert sum(n for _, n in s.by_kind) == s.statements
    assert sum(n for _, n in s.by_source_type) == s.statements
    assert dict(s.by_source_type)["vague"] == 2 and dict(s.by_source_type)["anonymous"] == 1
    assert dict(s.by_flag_category) == {
        c: sum(1 for f in report.flags if f.category == c) for c, _ in s.by_flag_category}
    assert list(s.distinct_sources).count("Maria Okafor") == 1
    assert "Tomas Reyes" in s.distinct_sources and "Observers" not in s.distinct_sources
    named = sum(1 for st in report.statements if is_named(st.source))
    assert s.named_on_record_share == round(named / s.statements, 3)
    # No black box: the score is 100 minus the breakdown, and every item points to flags.
    assert s.score == 100 + sum(i.points for i in s.breakdown)
    assert all(i.flags and i.points < 0 for i in s.breakdown)
    ids = {f.id for f in report.flags}
    assert {fid for i in s.breakdown for fid in i.flags} == ids
    assert s.verdict == Scoring().verdict(s.score)


def test_an_article_with_nothing_to_flag_scores_100():
    report = check("Harbour Notes\n")
    assert report.summary.score == 100 and report.summary.verdict == "strong"
    assert report.summary.breakdown == () and report.flags == ()
