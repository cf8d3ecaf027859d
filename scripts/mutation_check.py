#!/usr/bin/env python3
"""Break the code on purpose and see whether the tests notice: run before a release.

    .venv/bin/python scripts/mutation_check.py [--only ID ...] [--list]

Each break in scripts/mutations.yaml names a file under src/, a piece of code that must
occur in it exactly once, what replaces it, the tests that should catch it and why it
matters. For every break the script copies the checkout (src, rules, tests, fixtures, docs) to a
temporary folder, applies the break there (the checkout is never touched), and runs the
named tests in the copy.
A break is *caught* when the tests fail, *missed* when they pass; a break whose code no
longer occurs is *stale* (update the list when the code moves). The summary goes in
docs/testing.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BREAKS = ROOT / "scripts" / "mutations.yaml"
COPIED = ("src", "rules", "tests", "fixtures", "docs", "bench", "pyproject.toml")


@dataclass(frozen=True)
class Break:
    id: str
    file: str
    find: str
    replace: str
    tests: tuple[str, ...]
    why: str


def load() -> list[Break]:
    data = yaml.safe_load(BREAKS.read_text(encoding="utf-8"))
    return [Break(b["id"], b["file"], b["find"], b["replace"], tuple(b["tests"]), " ".join(b["why"].split()))
            for b in data["breaks"]]


def run(brk: Break, apply: bool = True) -> tuple[str, float]:
    """``apply=False``: the same tests on an unbroken copy (they must pass, or a "caught"
    would mean nothing)."""
    source = ROOT / "src" / brk.file
    code = source.read_text(encoding="utf-8")
    if code.count(brk.find) != 1:
        return "stale", 0.0
    if not apply:
        brk = Break(brk.id, brk.file, brk.find, brk.find, brk.tests, brk.why)
    with tempfile.TemporaryDirectory(prefix="attrib-mutant-") as tmp:
        copy = Path(tmp) / "attrib"
        for part in COPIED:
            if (ROOT / part).is_dir():
                shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(ROOT / part, copy / part)
        (copy / "src" / brk.file).write_text(code.replace(brk.find, brk.replace), encoding="utf-8")
        # The copy's src/ goes first on the path (the tests' subprocesses put it there too),
        # and ../shared is found where it is.
        env = {**os.environ, "PYTHONPATH": str(copy / "src"), "PYTHONDONTWRITEBYTECODE": "1",
               "ATTRIB_SHARED": os.environ.get("ATTRIB_SHARED", str(ROOT.parent / "shared"))}
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                               *brk.tests], cwd=copy, env=env, capture_output=True, text=True)
        took = time.monotonic() - started
    if proc.returncode == 0:
        return "missed", took
    if proc.returncode == 1:
        return "caught", took
    return f"error (pytest exit {proc.returncode})", took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", metavar="ID", help="run these breaks only")
    ap.add_argument("--list", action="store_true", help="list the breaks and exit")
    ap.add_argument("--baseline", action="store_true",
                    help="first run each break's tests on an unbroken copy: they must pass")
    args = ap.parse_args()
    breaks = load()
    if args.only:
        breaks = [b for b in breaks if b.id in args.only]
    if args.list:
        for b in breaks:
            print(f"{b.id:32} {b.file}: {b.why}")
        return 0
    if args.baseline:
        failing = [b.id for b in breaks if run(b, apply=False)[0] != "missed"]
        if failing:
            print(f"the tests of {', '.join(failing)} fail without any break: fix them first")
            return 2
        print(f"baseline: the tests of all {len(breaks)} breaks pass unbroken\n")
    results = []
    for b in breaks:
        outcome, took = run(b)
        results.append((b, outcome))
        print(f"{outcome:8} {b.id:32} {took:6.1f} s  {b.why}", flush=True)
    caught = sum(o == "caught" for _, o in results)
    print(f"\n{caught} of {len(results)} breaks caught; "
          f"missed: {', '.join(b.id for b, o in results if o == 'missed') or 'none'}; "
          f"stale or errors: {', '.join(b.id for b, o in results if o not in ('caught', 'missed')) or 'none'}")
    return 0 if caught == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
