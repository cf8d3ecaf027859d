"""The Dask worker plugin that hands the Checker to every worker once: to those there at
the start and to any that join or are restarted after a crash. Imported only when the
scan runs on Dask."""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from ..checker import Checker
from .partition_job import install, uninstall


class CheckerPlugin(WorkerPlugin):
    def __init__(self, key: str, checker: Checker):
        self.key, self.checker = key, checker
        self.name = f"attrib-checker-{key}"  # one per scan: two scans may share a cluster

    def setup(self, worker: object) -> None:
        install(self.key, self.checker)

    def teardown(self, worker: object) -> None:
        uninstall(self.key)
