#!/usr/bin/env python3
"""Attribution quality on PolNeAR with the reference scorer.

    python bench/polnear_quality.py [--split dev|train]

Extracts every document of the split with `attrib extract`'s code path, writes the
predictions to a temporary JSON Lines file and runs ../shared/eval/score_attributions.py
on it, printing the scorer's own table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import attrib
from _common import POLNEAR, SCORER, need_polnear
from attrib.render.scorer import scorer_line


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    args = ap.parse_args()
    need_polnear()
    gold = POLNEAR / args.split
    checker = attrib.Checker()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for path in sorted((gold / "text").glob("*.txt")):
            article = checker.read(path)
            fh.write(scorer_line(path.stem, checker.extract(article), article.text) + "\n")
        pred = Path(fh.name)
    print(f"PolNeAR {args.split}: reference scorer on attrib's predictions")
    try:
        return subprocess.call([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred)])
    finally:
        pred.unlink()


if __name__ == "__main__":
    sys.exit(main())
