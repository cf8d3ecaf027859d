"""The Dask worker plugin that hands the Checker to every worker once: to those there at
the start and to any that join or are restarted after a crash. Imported only when the
scan runs on Dask."""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from ..checker import Checker
from .partition_job import install


class CheckerPlugin(WorkerPlugin):
    name = "attrib-checker"

    def __init__(self, checker: Checker):
        self.checker = checker

    def setup(self, worker: object) -> None:
        install(self.checker)
