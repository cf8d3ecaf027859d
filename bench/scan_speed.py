#!/usr/bin/env python3
"""Corpus scan throughput, memory per worker, and quote clustering cost.

    python bench/scan_speed.py [--copies 1,4,16] [--work DIR] [--skip SINGLE,DASK]

PolNeAR train (840 articles, about 624,000 words) is written as JSON Lines 1, 4 and 16
times over (16x is about 10 million words; each copy's ids differ; outlet and date come
from the file names). Then, through the real CLI (``python -m attrib scan``):

* 2 workers of the local process pool over every size, sampling the resident memory of
  every worker process twice a second (the largest is printed);
* the largest size again with one process (``--processes 1``) and with a 2-worker Dask
  LocalCluster (``--workers 2``): the speed-up of two workers over one;
* quote clustering, timed alone over each size's statements table; and over the same
  statements with every copy's quotations reworded (one word changed per copy), so the
  number of distinct versions grows with the corpus too.

Wall times include starting the workers. Run it when the machine is quiet: the load
average is printed before and after each run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import POLNEAR, ROOT, need_polnear


def load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def corpus(work: Path, copies: int) -> tuple[Path, int, int]:
    """PolNeAR train ``copies`` times as JSON Lines: (path, documents, words)."""
    path = work / f"polnear-train-{copies}x.jsonl"
    docs = words = 0
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((POLNEAR / "train" / "text").glob("*.txt"))]
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for stem, text in texts:
                outlet, date = [*stem.split("_"), "", ""][:2]
                fh.write(json.dumps({"id": f"{stem}#{k}", "text": text, "outlet": outlet, "date": date}) + "\n")
                docs += 1
                words += len(text.split())
    return path, docs, words


class Sampler(threading.Thread):
    """The largest resident set of any process under ``pid`` (the workers), sampled."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        import psutil

        self.proc = psutil.Process(pid)
        self.peak_mb = 0.0
        self.workers = 0
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        while not self.stop.is_set():
            try:
                kids = self.proc.children(recursive=True)
                rss = []
                for k in kids:
                    with contextlib.suppress(psutil.Error):  # a process may end between the two calls
                        rss.append(k.memory_info().rss / 2**20)
                if rss:
                    self.peak_mb = max(self.peak_mb, max(rss))
                    self.workers = max(self.workers, len(rss))
            except psutil.Error:
                return
            self.stop.wait(0.5)


def scan(inputs: Path, out: Path, *where: str) -> tuple[float, float, str]:
    """Run the CLI; (wall seconds, peak worker RSS in MB, its summary)."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "attrib", "scan", str(inputs), "--output", str(out),
                             "--no-clusters", "--no-progress", *where], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    secs = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"scan failed ({proc.returncode}): {stderr.strip()[-500:]}")
    return secs, sampler.peak_mb, stdout.strip().splitlines()[0]


def clustering(out: Path, reword: int = 0) -> tuple[float, int, int, int]:
    """Time quote clustering alone over a scan's statements: (seconds, quotations read,
    distinct versions, clusters). ``reword``: the copies' quotations each get one word
    changed per copy, so distinct versions grow with the corpus."""
    import attrib
    from attrib.corroborate.tokens import norms
    from attrib.scan.quote_clusters import MIN_WORDS, cluster, read_occurrences
    from attrib.scan.scan_options import TableFormat

    lex = attrib.Checker().match_lexicons
    start = time.perf_counter()
    occ = read_occurrences(out, TableFormat.PARQUET)
    if reword:
        from dataclasses import replace

        changed = []
        for o in occ:
            copy = int(o.document.rsplit("#", 1)[1])
            words = o.text.split()
            if copy and len(words) > 2:
                words[copy % len(words)] = f"word{copy}"
            changed.append(replace(o, text=" ".join(words)))
        occ = changed
        start = time.perf_counter()
    found = cluster(occ, lex)
    secs = time.perf_counter() - start
    versions = len({" ".join(norms(o.text)) for o in occ if len(norms(o.text)) >= MIN_WORDS})
    return secs, len(occ), versions, len(found.clusters)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", default="1,4,16", help="corpus sizes, in copies of PolNeAR train")
    ap.add_argument("--work", help="a folder for the corpora and tables (default: a temporary one)")
    ap.add_argument("--skip", default="", help="comma-separated: single (the one-process run), dask")
    args = ap.parse_args()
    need_polnear()
    sizes = [int(c) for c in args.copies.split(",")]
    skip = set(filter(None, args.skip.split(",")))
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="attrib-scan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cores {os.cpu_count()}; load average {load()} (1, 5, 15 min); work in {work}")

    results = {}
    for copies in sizes:
        path, docs, words = corpus(work, copies)
        secs, peak, _ = scan(path, work / f"out-{copies}x", "--processes", "2")
        results[copies] = (docs, words, secs)
        print(f"{copies:>3}x {docs:>7,} articles {words:>11,} words | pool, 2 workers: {secs:7.1f} s "
              f"{words / secs:>9,.0f} words/s | largest worker RSS {peak:5.0f} MB | load {load()}")

    big = max(sizes)
    docs, words, two = results[big]
    path = work / f"polnear-train-{big}x.jsonl"
    if "single" not in skip:
        one, peak, _ = scan(path, work / "out-single", "--processes", "1")
        print(f"{big:>3}x one process: {one:7.1f} s {words / one:>9,.0f} words/s (RSS {peak:.0f} MB) | "
              f"2 workers / 1 process: {one / two:.2f}x | load {load()}")
    if "dask" not in skip:
        secs, peak, _ = scan(path, work / "out-dask", "--workers", "2")
        print(f"{big:>3}x Dask LocalCluster, 2 workers: {secs:7.1f} s {words / secs:>9,.0f} words/s "
              f"(largest worker RSS {peak:.0f} MB)" + (f" | vs one process: {one / secs:.2f}x"
                                                      if "single" not in skip else "") + f" | load {load()}")

    import datasketch  # noqa: F401 - imported once, outside the timings

    for copies in sizes:
        secs, quotes, versions, clusters = clustering(work / f"out-{copies}x")
        print(f"clustering {copies:>3}x: {quotes:>8,} quotations, {versions:>7,} distinct versions, "
              f"{clusters:>6,} clusters: {secs:6.2f} s")
    for copies in sizes:
        secs, quotes, versions, clusters = clustering(work / f"out-{copies}x", reword=1)
        print(f"clustering {copies:>3}x reworded per copy: {quotes:>8,} quotations, {versions:>7,} distinct "
              f"versions, {clusters:>6,} clusters: {secs:6.2f} s")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
