"""Where partitions run: a local process pool (the default), a Dask LocalCluster
(``--workers N``), or an existing Dask cluster (``--scheduler ADDRESS``).

Either way the Checker is pickled once per worker, tasks carry only partition
descriptors, and no more than a few partitions per worker are in flight, so the driver's
memory does not grow with the corpus. Results come back in the order they finish.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from ..checker import Checker
from ..errors import AttribError
from .corpus_inputs import Partition
from .partition_job import Job, PartitionDone, install, run_partition
from .scan_options import Where

AHEAD = 2  # partitions queued per worker beyond the one it runs
RETRIES = 2  # a Dask task that raises is tried this many more times


def run_partitions(parts: Iterable[Partition], job: Job, checker: Checker, where: Where) -> Iterator[PartitionDone]:
    if where.scheduler or where.workers:
        yield from _on_dask(parts, job, checker, where)
    else:
        yield from _on_pool(parts, job, checker, where.processes or os.cpu_count() or 1)


def _on_pool(parts: Iterable[Partition], job: Job, checker: Checker, processes: int) -> Iterator[PartitionDone]:
    # forkserver: clean workers (no copy of the driver's memory, no inherited threads),
    # each importing attrib once and receiving the pickled Checker once.
    ctx = multiprocessing.get_context("forkserver")
    todo = iter(parts)
    with ProcessPoolExecutor(processes, mp_context=ctx, initializer=install, initargs=(job.key, checker)) as pool:
        running: set[Future[PartitionDone]] = set()
        try:
            while True:
                while len(running) < processes * AHEAD and (part := next(todo, None)) is not None:
                    running.add(pool.submit(run_partition, part, job))
                if not running:
                    return
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for fut in finished:
                    yield fut.result()
        except BaseException:
            for fut in running:
                fut.cancel()
            raise


@contextmanager
def _client(where: Where) -> Iterator[Any]:
    import logging

    from distributed import Client, LocalCluster

    # The cluster's own chatter (a worker restarted, a task retried) is not the user's
    # business unless it stops the scan; that comes as an error.
    for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    if where.scheduler:
        try:
            client = Client(where.scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise AttribError(f"--scheduler {where.scheduler}: cannot connect ({type(exc).__name__})") from None
        with client:
            yield client
        return
    import dask

    # A cluster of our own needs no statistical profiler sampling every worker each 10 ms:
    # on a small machine that is CPU taken from the articles.
    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=where.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        yield client


def _on_dask(parts: Iterable[Partition], job: Job, checker: Checker, where: Where) -> Iterator[PartitionDone]:
    from .dask_plugin import CheckerPlugin

    with _client(where) as client:
        plugin = CheckerPlugin(job.key, checker)
        client.register_plugin(plugin)
        try:
            yield from _submit_all(client, parts, job)
        finally:
            with contextlib.suppress(Exception):  # the cluster may be gone already
                client.unregister_worker_plugin(plugin.name)


def _submit_all(client: Any, parts: Iterable[Partition], job: Job) -> Iterator[PartitionDone]:
    from distributed import as_completed

    slots = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
    todo = iter(parts)

    def submit(part: Partition) -> Any:
        return client.submit(run_partition, part, job, key=f"attrib-scan-{job.key}-{part.name}",
                             pure=False, retries=RETRIES)

    first = [submit(p) for p in _take(todo, slots * (AHEAD + 1))]
    if not first:
        return
    queue = as_completed(first)
    for fut in queue:
        try:
            done = fut.result()
        finally:
            fut.release()
        yield done
        nxt = next(todo, None)
        if nxt is not None:
            queue.add(submit(nxt))


def _take(it: Iterator[Partition], n: int) -> list[Partition]:
    out = []
    for part in it:
        out.append(part)
        if len(out) == n:
            break
    return out
