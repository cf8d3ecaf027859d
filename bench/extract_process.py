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
import os
import subprocess
import sys
import time

from _common import POLNEAR, ROOT, need_polnear


def run(inputs: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS in MB) of one ``attrib extract`` process."""
    src = os.environ.get("ATTRIB_SRC", str(ROOT / "src"))
    env = {**os.environ, "PYTHONPATH": src}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "attrib", "extract", *inputs, "-o", os.devnull],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"attrib extract failed ({code}): {err[:500]}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


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
        cpu, wall, rss = run([str(folder)])
        best = max(best, words / cpu)
        peak = max(peak, rss)
        print(f"round {n}: CPU {cpu:.2f} s ({words / cpu:,.0f} words/s), wall {wall:.2f} s, peak RSS {rss:.0f} MB")
    print(f"best {best:,.0f} words/s (CPU time, start-up included)")
    quarter = files[: len(files) // 4]
    _, _, small = run([str(p) for p in quarter])
    print(f"memory over a corpus: peak RSS {small:.0f} MB for {len(quarter)} documents, "
          f"{peak:.0f} MB for {len(files)} ({peak / small:.2f}x for {len(files) / len(quarter):.0f}x the documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
