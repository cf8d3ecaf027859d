#!/usr/bin/env python3
"""Extraction throughput: words per second, single process, and peak memory.

    python bench/extract_speed.py [--rounds 3]

Reads PolNeAR train (about 650,000 words) into memory first, so only the engine is
timed, then runs extraction over the whole corpus several rounds. The resident set size
after each round shows whether memory grows with the number of articles processed.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import attrib
from _common import POLNEAR, need_polnear


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    need_polnear()
    texts = [p.read_text(encoding="utf-8") for p in sorted((POLNEAR / "train" / "text").glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    checker = attrib.Checker()  # the patterns are compiled here, outside the timing
    print(f"PolNeAR train: {len(texts)} articles, {words:,} words; single process")
    best = 0.0
    for n in range(1, args.rounds + 1):
        start = time.perf_counter()
        found = sum(len(checker.extract(t)) for t in texts)
        secs = time.perf_counter() - start
        best = max(best, words / secs)
        print(f"round {n}: {secs:.2f} s, {words / secs:,.0f} words/s, {found:,} statements, "
              f"RSS {rss_mb():.0f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"best {best:,.0f} words/s; peak RSS {peak:.0f} MB (corpus text included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
