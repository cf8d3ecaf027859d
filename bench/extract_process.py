#!/usr/bin/env python3
"""Whole-process throughput of ``attrib extract``: start-up, reading and writing included.

    python bench/extract_process.py [--rounds 3]
    ATTRIB_SRC=/path/to/other/src python bench/extract_process.py   # another checkout

Runs the real command line, ``attrib extract <PolNeAR train>/text -o /dev/null``, as one
process per round and reads the child's CPU time (user + system) and peak resident memory
from ``wait4``; CPU time, not the wall clock, since the machine may be shared. Words are
counted as ``extract_speed.py`` counts them (white-space separated, about 650,000).

Memory flat over a corpus: the same command over the first quarter of the documents
(given as files) and over all of them; the peak should hardly move.
"""

from __future__ import annotations

import argparse
import sys

from _common import POLNEAR, need_polnear, run_extract


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    need_polnear()
    folder = POLNEAR / "train" / "text"
    files = sorted(folder.glob("*.txt"))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    print(f"attrib extract {folder} -o /dev/null: {len(files)} documents, {words:,} words")
    best = 0.0
    peak = 0.0
    for n in range(1, args.rounds + 1):
        cpu, wall, rss = run_extract([str(folder)])
        best = max(best, words / cpu)
        peak = max(peak, rss)
        print(f"round {n}: CPU {cpu:.2f} s ({words / cpu:,.0f} words/s), wall {wall:.2f} s, peak RSS {rss:.0f} MB")
    print(f"best {best:,.0f} words/s (CPU time, start-up included)")
    quarter = files[: len(files) // 4]
    _, _, small = run_extract([str(p) for p in quarter])
    print(f"memory over a corpus: peak RSS {small:.0f} MB for {len(quarter)} documents, "
          f"{peak:.0f} MB for {len(files)} ({peak / small:.2f}x for {len(files) / len(quarter):.0f}x the documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
