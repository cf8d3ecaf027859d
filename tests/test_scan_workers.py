"""The Checker travels to each worker once, not with every partition or article: counted
by a Checker that notes each time it is unpickled, on the process pool and on Dask."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

import attrib
from attrib.scan.corpus_inputs import plan
from attrib.scan.executors import run_partitions
from attrib.scan.partition_job import Job
from attrib.scan.scan_options import Fields, TableFormat, Where


class CountingChecker(attrib.Checker):
    def __setstate__(self, state: dict) -> None:
        with open(os.environ["ATTRIB_TEST_UNPICKLED"], "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        self.__dict__.update(state)


@pytest.mark.parametrize("where", [Where(processes=2), Where(workers=2)], ids=["pool", "dask"])
def test_the_checker_is_sent_to_each_worker_once(tmp_path, monkeypatch, where):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"d{i}", "text": f"The ferry will sail at {i} o'clock, "
                                        "the harbour master said on Monday."}) + "\n" for i in range(60)),
                    encoding="utf-8")
    counted = tmp_path / "unpickled.txt"
    monkeypatch.setenv("ATTRIB_TEST_UNPICKLED", str(counted))
    out = tmp_path / "out"
    (out / "_partitions").mkdir(parents=True)
    parts = list(plan([str(feed)], 5))
    job = Job("test", str(out), TableFormat.PARQUET, Fields(), 10_000)
    done = list(run_partitions(parts, job, CountingChecker(), where))
    assert sorted(d.number for d in done) == list(range(12)) and sum(d.documents for d in done) == 60
    pids = Counter(Path(counted).read_text(encoding="utf-8").split())
    assert pids and max(pids.values()) == 1  # no process unpickled it twice
    assert len(pids) <= 3  # two workers (and, for Dask, at most the scheduler's copy)
    assert str(os.getpid()) not in pids or where.workers  # the pool never sends it back
