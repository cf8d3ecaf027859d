"""Corpus scans: many articles in, tables a researcher can query out.

    inputs (folders of .txt/.html, JSON Lines, WARC)
      -> plan        partitions: small descriptors, never the text   corpus_inputs.py
      -> workers     each reads its partition, checks every article,  partition_job.py
                     writes its rows to the tables atomically
                     (a process pool, or Dask: executors.py)
      -> clusters    near-duplicate quotes across the corpus          quote_clusters.py
      -> report      one self-contained HTML page                     corpus_report.py

``scan_run.run_scan`` drives it. The libraries this needs (dask, distributed, pyarrow,
warcio, datasketch) come with the ``scan`` extra; ``need_extra`` says in one line what
to install when they are missing, and nothing outside this package imports them.
"""

from __future__ import annotations

import importlib.util

from ..errors import AttribError

EXTRA = ("dask", "distributed", "pyarrow", "warcio", "datasketch")
INSTALL = 'pip install "attrib[scan]"'


def need_extra() -> None:
    """Raise a one-line AttribError naming what to install when a scan library is missing."""
    missing = [name for name in EXTRA if not _installed(name)]
    if missing:
        raise AttribError(f"attrib scan needs {', '.join(missing)}: {INSTALL}")


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
