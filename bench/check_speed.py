#!/usr/bin/env python3
"""Check throughput: words per second for extraction alone and for the whole check, in
one process, and what flagging costs per word.

    python bench/check_speed.py [--rounds 3] [--rules]

Reads PolNeAR train (about 650,000 words) into memory first, so only the engine is
timed, in CPU seconds of this process (steadier than wall time on a shared machine). ``extract`` is layout and extraction (``Checker.extract``); ``check`` is the whole
``Checker.check`` (extraction, the flag rules, the summary); ``flagging`` is the
difference, given in microseconds per word. ``--rules`` also times every flag rule on
its own over the corpus (the slowest first), to find the one to fix.
"""

from __future__ import annotations

import argparse
import sys
import time

import attrib
from _common import POLNEAR, need_polnear
from attrib.assess.runner import find_hits
from attrib.assess.statement_index import StatementIndex


def timed(fn, texts: list[str]) -> float:
    """CPU seconds of this process: steadier than wall time on a machine others share."""
    start = time.process_time()
    for t in texts:
        fn(t)
    return time.process_time() - start


def per_rule(checker: attrib.Checker, texts: list[str]) -> None:
    prepared = [StatementIndex(*checker.prepared(t), finder=checker.finder) for t in texts]
    costs = []
    for rule in checker.flag_rules:
        start = time.process_time()
        for doc in prepared:
            find_hits([rule], doc)
        costs.append((time.process_time() - start, rule.id))
    total = sum(c for c, _ in costs)
    print(f"flag rules alone: {total:.2f} s")
    for secs, rid in sorted(costs, reverse=True):
        print(f"  {secs * 1000:8.0f} ms  {secs / total:5.1%}  {rid}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--rules", action="store_true", help="also time each flag rule alone")
    args = ap.parse_args()
    need_polnear()
    texts = [p.read_text(encoding="utf-8") for p in sorted((POLNEAR / "train" / "text").glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    checker = attrib.Checker()  # the rules are compiled here, outside the timing
    print(f"PolNeAR train: {len(texts)} articles, {words:,} words; single process")
    best_extract = best_check = float("inf")
    for n in range(1, args.rounds + 1):
        extract = timed(checker.extract, texts)
        check = timed(checker.check, texts)
        best_extract, best_check = min(best_extract, extract), min(best_check, check)
        print(f"round {n}: extract {words / extract:,.0f} words/s, check {words / check:,.0f} words/s")
    flagging = max(0.0, best_check - best_extract)
    print(f"best: extract {words / best_extract:,.0f} words/s; check {words / best_check:,.0f} words/s "
          f"({best_check / best_extract:.2f}x extract); flagging {flagging / words * 1e6:.2f} µs/word")
    if args.rules:
        per_rule(checker, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
