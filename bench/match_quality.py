"""Quote-matching precision and recall per status over the fixture story.

    PYTHONPATH=src python bench/match_quality.py

Checks fixtures/web/article.html against the saved pages in fixtures/coverage/ and
compares the status of every (statement, outlet) pair with fixtures/coverage/expected.yaml
(an outlet the file does not list for a statement is "not-found"), then the statements'
overall statuses and the speaker findings.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import attrib  # noqa: E402

STATUSES = ("verbatim", "close", "altered", "contradicted", "paraphrase", "not-found")


def main() -> int:
    coverage = ROOT / "fixtures" / "coverage"
    expected = yaml.safe_load((coverage / "expected.yaml").read_text(encoding="utf-8"))
    checker = attrib.Checker()
    article = checker.read((coverage / expected["article"]).resolve())
    others = [checker.read(p) for p in sorted(coverage.glob("*.html"))]
    report = checker.check(article, coverage=others)
    statements = report.statements
    outlets = sorted({a.outlet or a.site_name or "" for a in others if a.text != article.text})
    found = {c.statement: c for c in report.corroborations}

    pairs: list[tuple[str, str]] = []  # (expected, got)
    overall: list[tuple[str, str]] = []
    speakers = Counter()
    for item in expected["statements"]:
        matching = [st for st in statements if item["key"] in st.content_text(article.text)]
        if not matching:
            print(f"statement not extracted: {item['key']!r}")
            pairs += [(item["outlets"].get(o, "not-found"), "missing") for o in outlets]
            overall.append((item["overall"], "missing"))  # a miss of the engine counts against us
            continue
        st = min(matching, key=lambda s: len(s.content_text(article.text)))
        c = found[st.id]
        got = {e.outlet: e for e in c.evidence}
        for o in outlets:
            want = item["outlets"].get(o, "not-found")
            have = got[o].status.value if o in got else "not-found"
            pairs.append((want, have))
            if want != have:
                print(f"  {st.id} {o}: expected {want}, got {have}  ({item['key']})")
        overall.append((item["overall"], c.status.value))
        want_other = item.get("other_speaker", {})
        for o in outlets:
            conflict = o in got and got[o].same_speaker is False
            speakers["tp" if conflict and o in want_other else "fp" if conflict
                     else "fn" if o in want_other else "tn"] += 1

    print(f"\n{len(expected['statements'])} statements x {len(outlets)} outlets = {len(pairs)} pairs\n")
    print(f"{'status':<12}{'expected':>9}{'found':>7}{'precision':>11}{'recall':>8}")
    for status in STATUSES:
        tp = sum(w == status and g == status for w, g in pairs)
        n_found = sum(g == status for _, g in pairs)
        n_expected = sum(w == status for w, _ in pairs)
        p = tp / n_found if n_found else float("nan")
        r = tp / n_expected if n_expected else float("nan")
        print(f"{status:<12}{n_expected:>9}{n_found:>7}{p:>11.2f}{r:>8.2f}")
    agree = sum(w == g for w, g in pairs)
    print(f"\npairs right: {agree}/{len(pairs)} ({agree / len(pairs):.0%})")
    right = sum(w == g for w, g in overall)
    print(f"overall status right: {right}/{len(overall)}")
    print(f"speaker conflicts: {speakers['tp']} found, {speakers['fp']} false, {speakers['fn']} missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
