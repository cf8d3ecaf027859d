#!/usr/bin/env python3
"""How the score spreads over real pages: every page of ../shared/corpora/realnews/html
checked in process, its score and verdict, and which category cost it most.

    PYTHONPATH=src python bench/score_spread.py [--pages]

Prints the distribution (quantiles, a histogram in bands of 10, the verdicts), the pages
not assessed, and for each category the number of pages where it cost the most points
and where it cost more than half of all the points lost ("decides the score").
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter

import attrib
from _common import SHARED

HTML = SHARED / "corpora" / "realnews" / "html"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", action="store_true", help="one line per page")
    args = ap.parse_args()
    if not HTML.is_dir():
        sys.exit(f"the real pages are not available at {HTML} (set ATTRIB_SHARED): nothing to measure.")
    checker = attrib.Checker()
    scores: list[float] = []
    verdicts: Counter[str] = Counter()
    top: Counter[str] = Counter()
    decides: Counter[str] = Counter()
    unassessed = []
    pages = sorted(HTML.glob("*.html"))
    for page in pages:
        s = checker.check(checker.read(page)).summary
        verdicts[s.verdict] += 1
        if s.score is None:
            unassessed.append((page.name, s.not_assessed))
            continue
        scores.append(s.score)
        lost = {i.reason.split(":")[0]: -i.points for i in s.breakdown}
        total = sum(lost.values())
        if lost:
            first = max(lost, key=lambda c: lost[c])
            top[first] += 1
            if lost[first] > total / 2:
                decides[first] += 1
        if args.pages:
            shown = ", ".join(f"{c} {p:.1f}" for c, p in sorted(lost.items(), key=lambda kv: -kv[1]))
            print(f"{s.score:5.1f} {s.verdict:<7} {page.name[:50]:<50} {shown}")
    print(f"{len(pages)} pages: {len(scores)} scored, {len(unassessed)} not assessed")
    for name, why in unassessed:
        print(f"  not assessed: {name}: {why}")
    if scores:
        q = statistics.quantiles(scores, n=4)
        print(f"score: min {min(scores):.1f}, quartiles {q[0]:.1f} / {q[1]:.1f} / {q[2]:.1f}, max {max(scores):.1f}, "
              f"standard deviation {statistics.pstdev(scores):.1f}, distinct values {len(set(scores))}")
        bands = Counter(min(int(x // 10) * 10, 90) for x in scores)
        print("histogram: " + "  ".join(f"{b}-{b + 10}: {bands[b]}" for b in range(0, 100, 10)))
    print("verdicts: " + ", ".join(f"{v} {n}" for v, n in verdicts.most_common()))
    print("category that cost the most (pages), and that cost more than half of the loss (pages):")
    for cat, n in top.most_common():
        print(f"  {cat:<20} {n:>3}  {decides[cat]:>3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
