"""A whole scan: check the output folder, plan the partitions, run those not yet done,
then cluster the quotes and write the corpus report.

The output folder records what was asked (``scan.json``) and which partitions are done
(``_partitions/part-NNNNN.json``, written after that partition's tables are in place), so
``--resume`` after a crash or Ctrl-C plans the same partitions and runs only the rest.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..checker import Checker
from ..errors import AttribError, OutputError
from ..files import write_atomic
from ..settings import load_settings
from . import need_extra
from .corpus_inputs import Partition, plan
from .partition_job import DONE, Job, PartitionDone, marker
from .scan_options import ScanOptions

MANIFEST = "scan.json"
SCHEMA = "attrib.scan/1"


@dataclass(frozen=True, slots=True)
class Progress:
    """What the progress line shows; ``documents`` counts errors too."""

    documents: int
    total: int
    errors: int
    words: int
    partitions: int
    partitions_total: int
    seconds: float  # since this run started
    words_this_run: int
    partitions_this_run: int


@dataclass(frozen=True, slots=True)
class ScanResult:
    output: Path
    partitions: int
    resumed: int  # partitions found done from an earlier run
    articles: int
    errors: int
    words: int
    statements: int
    flags: int
    seconds: float
    words_this_run: int
    clusters: int | None  # None: clustering was not asked for
    report: Path | None


def _manifest(out: Path) -> dict[str, object] | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise OutputError(f"{path}: unreadable; remove the folder or choose another --output") from None
    return data if isinstance(data, dict) else None


def prepare_output(opts: ScanOptions) -> Path:
    """The output folder, checked: a new or empty folder, or (with ``--resume``) the
    folder of the same scan."""
    out = Path(opts.output)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    found = _manifest(out) if out.is_dir() else None
    if found is None:
        if out.is_dir() and any(out.iterdir()):
            raise OutputError(f"{out}: not empty and holds no scan; choose a new or empty folder")
    elif not opts.resume:
        raise OutputError(f"{out}: holds a scan already; add --resume to finish it, or choose another folder")
    else:
        mine = opts.identity()
        theirs = found.get("identity", {})
        changed = sorted(k for k in mine if not isinstance(theirs, dict) or theirs.get(k) != mine[k])
        if changed:
            raise AttribError(f"--resume: {out} was scanned with other {', '.join(changed)}; "
                              "resume with the same inputs and options, or choose another folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / DONE).mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create ({exc.strerror})") from None
    return out


def _done(out: Path, parts: list[Partition]) -> dict[int, PartitionDone]:
    found = {}
    for part in parts:
        path = marker(out, part)
        if path.is_file():
            try:
                found[part.number] = PartitionDone.from_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, KeyError):
                continue  # a damaged marker: the partition runs again
    return found


def _write_manifest(out: Path, opts: ScanOptions, parts: int, finished: bool) -> None:
    write_atomic(out / MANIFEST, json.dumps({
        "schema": SCHEMA, "attrib": __version__, "identity": opts.identity(), "partitions": parts,
        "finished": finished}, indent=2) + "\n")


def run_scan(opts: ScanOptions, on_progress: Callable[[Progress], None] | None = None) -> ScanResult:
    need_extra()
    from .executors import run_partitions
    from .table_files import leftovers

    started = time.perf_counter()
    checker = Checker(opts.rule_dirs, load_settings(opts.config))
    parts = list(plan(opts.inputs, opts.partition_size))  # bad inputs are found before anything is written
    out = prepare_output(opts)
    _write_manifest(out, opts, len(parts), finished=False)
    for stale in leftovers(out):
        stale.unlink(missing_ok=True)
    done = _done(out, parts)
    resumed = len(done)
    total = 0 if any(p.count is None for p in parts) else sum(p.count or 0 for p in parts)
    todo = [p for p in parts if p.number not in done]
    job = Job(uuid.uuid4().hex[:12], str(out.resolve()), opts.table_format, opts.fields, opts.max_bytes)

    # Running totals, so a progress update costs the same at the last partition as at the first.
    docs = sum(d.documents + d.errors for d in done.values())
    errors = sum(d.errors for d in done.values())
    words = sum(d.words for d in done.values())
    words_now = parts_now = 0

    def tally() -> Progress:
        return Progress(docs, total, errors, words, len(done), len(parts), time.perf_counter() - started,
                        words_now, parts_now)

    if on_progress:
        on_progress(tally())
    for result in run_partitions(todo, job, checker, opts.where):
        done[result.number] = result
        docs, errors = docs + result.documents + result.errors, errors + result.errors
        words, words_now, parts_now = words + result.words, words_now + result.words, parts_now + 1
        if on_progress:
            on_progress(tally())
    for stale in leftovers(out):  # what a worker killed mid-partition left behind
        stale.unlink(missing_ok=True)

    clusters = report = None
    if opts.clusters:
        from .corpus_report import write_report
        from .quote_clusters import write_clusters

        clusters = len(write_clusters(out, opts.table_format, checker.match_lexicons).clusters)
        report = write_report(out, opts.table_format)
    _write_manifest(out, opts, len(parts), finished=True)
    ds = list(done.values())
    final = tally()
    return ScanResult(out, len(parts), resumed, sum(d.documents for d in ds), final.errors, final.words,
                      sum(d.statements for d in ds), sum(d.flags for d in ds), final.seconds,
                      final.words_this_run, clusters, report)
