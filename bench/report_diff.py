#!/usr/bin/env python3
"""What a change does to attrib's output: the JSON report of every fixture article,
fixture page and PolNeAR dev document, saved before and compared after.

    python bench/report_diff.py --save DIR       # before the change
    python bench/report_diff.py --against DIR    # after: what changed

A report counts as unchanged when it is byte-identical, or when the only difference is
fields the new version adds (allowed within attrib.report/1). Anything else is listed,
with the first differing path.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import attrib
from _common import POLNEAR, ROOT
from attrib.render import render


def targets() -> list[Path]:
    found = sorted((ROOT / "fixtures/articles").glob("*.txt"))
    found += sorted((ROOT / "fixtures/coverage").glob("*.html")) + sorted((ROOT / "fixtures/web").glob("*.html"))
    if (POLNEAR / "dev/text").is_dir():
        found += sorted((POLNEAR / "dev/text").glob("*.txt"))
    return found


def name(path: Path) -> str:
    return f"{path.parent.name}__{path.name}.json"


def reports(checker: attrib.Checker) -> dict[str, str]:
    out = {}
    for path in targets():
        try:
            out[name(path)] = render(checker.check(path), "json")
        except attrib.InputError as exc:  # a fixture page written to fail
            out[name(path)] = json.dumps({"error": str(exc)}) + "\n"
    return out


def first_difference(old: Any, new: Any, path: str = "") -> str | None:
    """Where ``new`` differs from ``old``, ignoring keys only ``new`` has."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key not in new:
                return f"{path}.{key} removed"
            found = first_difference(old[key], new[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return f"{path}: {len(old)} -> {len(new)} items"
        for i, (a, b) in enumerate(zip(old, new)):
            found = first_difference(a, b, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if old == new else f"{path}: {json.dumps(old)[:60]} -> {json.dumps(new)[:60]}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="DIR", type=Path)
    group.add_argument("--against", metavar="DIR", type=Path)
    args = ap.parse_args()
    now = reports(attrib.Checker())
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for file, text in now.items():
            (args.save / file).write_text(text, encoding="utf-8")
        print(f"saved {len(now)} reports in {args.save}")
        return 0
    same = added = 0
    changed = []
    for file, text in now.items():
        before = args.against / file
        if not before.is_file():
            changed.append(f"{file}: new")
            continue
        old_text = before.read_text(encoding="utf-8")
        if old_text == text:
            same += 1
            continue
        where = first_difference(json.loads(old_text), json.loads(text))
        if where is None:
            added += 1
        else:
            changed.append(f"{file}: {where}")
    print(f"{len(now)} reports: {same} byte-identical, {added} identical but for added fields, "
          f"{len(changed)} changed")
    for line in changed:
        print("  " + line)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
