#!/usr/bin/env python3
"""Corpus scan throughput, memory per worker, and quote clustering cost.

    python bench/scan_speed.py [--copies 1,4,16] [--rounds N] [--work DIR] [--skip PARTS]

PolNeAR train (840 articles, about 624,000 words) is written as JSON Lines 1, 4 and 16
times over (16x is about 10 million words; each copy's ids differ; outlet and date come
from the file names). Then, through the real CLI (``python -m attrib scan``):

* 2 workers of the local process pool over every size, sampling the resident memory of
  every worker process twice a second (the largest is printed);
* the largest size again with one process (``--processes 1``), the 2-worker pool and a
  2-worker Dask LocalCluster (``--workers 2``), ``--rounds`` times in turn, the best of
  each kept: the speed-up of two workers over one;
* quote clustering, timed alone over each size's statements table; and over the same
  statements with every copy's quotations reworded (one word changed per copy), so the
  number of distinct versions grows with the corpus too (with the memory it took);
* HTML extraction per page over the 48 real news pages in ../shared (what an HTML or WARC
  corpus adds to each article).

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

LAST_CPU = 0.0


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
        self.cpu: dict[int, float] = {}  # the last CPU seconds seen of each process
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        while not self.stop.is_set():
            try:
                kids = self.proc.children(recursive=True)
                rss = []
                with contextlib.suppress(psutil.Error):
                    own = self.proc.cpu_times()
                    self.cpu[self.proc.pid] = own.user + own.system
                for k in kids:
                    with contextlib.suppress(psutil.Error):  # a process may end between the two calls
                        rss.append(k.memory_info().rss / 2**20)
                        times = k.cpu_times()
                        self.cpu[k.pid] = times.user + times.system
                if rss:
                    self.peak_mb = max(self.peak_mb, max(rss))
                    self.workers = max(self.workers, len(rss))
            except psutil.Error:
                return
            self.stop.wait(0.5)


def scan(inputs: Path, out: Path, *where: str) -> tuple[float, float, str]:
    """Run the CLI; (wall seconds, peak worker RSS in MB, its summary). The CPU seconds
    it took (all its processes, sampled twice a second) are in ``LAST_CPU``: on a shared
    machine they show the work done, which the wall time hides behind other people's."""
    global LAST_CPU
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
    LAST_CPU = sum(sampler.cpu.values())
    if proc.returncode not in (0, 1):
        sys.exit(f"scan failed ({proc.returncode}): {stderr.strip()[-500:]}")
    return secs, sampler.peak_mb, stdout.strip().splitlines()[0]


class SelfPeak(threading.Thread):
    """The largest resident set of this process while a block runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        import psutil

        self.proc = psutil.Process()
        self.peak_mb = self.proc.memory_info().rss / 2**20
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_mb = max(self.peak_mb, self.proc.memory_info().rss / 2**20)
            self.stop.wait(0.05)


def clustering(out: Path, reword: bool = False) -> tuple[float, int, int, int, float]:
    """Time quote clustering alone over a scan's statements: (seconds, quotations read,
    distinct versions, clusters, MB of memory it took). ``reword``: every copy's
    quotations get one word changed per copy, so distinct versions grow with the corpus."""
    import gc
    from dataclasses import replace

    import attrib
    from attrib.corroborate.tokens import norms
    from attrib.scan.quote_clusters import MIN_WORDS, cluster, read_occurrences
    from attrib.scan.scan_options import TableFormat

    lex = attrib.Checker().match_lexicons
    read_occurrences(out, TableFormat.PARQUET)  # pyarrow's modules loaded outside the measures
    gc.collect()
    watch = SelfPeak()
    base = watch.peak_mb
    watch.start()
    start = time.perf_counter()
    occ = read_occurrences(out, TableFormat.PARQUET)
    if reword:
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
    watch.stop.set()
    watch.join()
    versions = len({" ".join(norms(o.text)) for o in occ if len(norms(o.text)) >= MIN_WORDS})
    return secs, len(occ), versions, len(found.clusters), watch.peak_mb - base


def html_per_page() -> float:
    """Milliseconds to turn one real news page into an Article (trafilatura), best of 3."""
    from attrib.ingest.html_page import decode_html, html_article

    pages = [decode_html(p.read_bytes()) for p in sorted((POLNEAR.parent / "realnews" / "html").glob("*.html"))]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for page in pages:
            with contextlib.suppress(Exception):
                html_article(page, None, name="page")
        best = min(best, (time.perf_counter() - start) / max(1, len(pages)))
    return best * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", default="1,4,16", help="corpus sizes, in copies of PolNeAR train")
    ap.add_argument("--rounds", type=int, default=1, help="speed-up rounds on the largest size (best is kept)")
    ap.add_argument("--work", help="a folder for the corpora and tables (default: a temporary one)")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: sizes, speedup, dask, clusters, html")
    args = ap.parse_args()
    need_polnear()
    sizes = [int(c) for c in args.copies.split(",")]
    skip = set(filter(None, args.skip.split(",")))
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="attrib-scan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cores {os.cpu_count()}; load average {load()} (1, 5, 15 min); work in {work}")

    made = {copies: corpus(work, copies) for copies in sizes}
    for copies in sizes:
        path, docs, words = made[copies]
        if "sizes" in skip:
            continue
        secs, peak, _ = scan(path, work / f"out-{copies}x", "--processes", "2")
        print(f"{copies:>3}x {docs:>7,} articles {words:>11,} words | pool, 2 workers: {secs:7.1f} s "
              f"{words / secs:>9,.0f} words/s | largest worker RSS {peak:5.0f} MB | load {load()}")

    big = max(sizes)
    path, docs, words = made[big]
    if "speedup" not in skip:
        best: dict[str, float] = {}
        cpu: dict[str, float] = {}
        runs = [("1 process", ("--processes", "1")), ("pool, 2 workers", ("--processes", "2"))]
        if "dask" not in skip:
            runs.append(("Dask LocalCluster, 2 workers", ("--workers", "2")))
        for r in range(1, args.rounds + 1):
            for name, where in runs:
                secs, peak, _ = scan(path, work / "out-speed", *where)
                best[name] = min(best.get(name, secs), secs)
                cpu[name] = min(cpu.get(name, LAST_CPU), LAST_CPU)
                print(f"round {r} {big}x {name}: {secs:7.1f} s {words / secs:>9,.0f} words/s, "
                      f"{LAST_CPU:.0f} CPU s (largest worker RSS {peak:.0f} MB) | load {load()}")
        one = best["1 process"]
        for name, secs in best.items():
            print(f"best {name}: {words / secs:,.0f} words/s, {one / secs:.2f}x one process; "
                  f"{words / cpu[name]:,.0f} words per CPU second")

    if "clusters" not in skip:
        import datasketch  # noqa: F401 - imported once, outside the timings

        for reword in (False, True):
            for copies in sizes:
                if not (work / f"out-{copies}x").is_dir():
                    continue
                secs, quotes, versions, clusters, mb = clustering(work / f"out-{copies}x", reword)
                label = "reworded per copy" if reword else "as scanned"
                print(f"clustering {copies:>3}x {label}: {quotes:>8,} quotations, {versions:>7,} distinct "
                      f"versions, {clusters:>6,} clusters: {secs:6.2f} s, +{mb:.0f} MB")
    if "html" not in skip:
        print(f"HTML to article text (trafilatura), 48 real news pages: {html_per_page():.1f} ms a page")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
