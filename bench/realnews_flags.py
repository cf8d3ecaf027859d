"""Flag precision and recall on the hand-annotated real pages, per category.

Runs ``attrib.Checker`` in process over the pages of bench/realnews/dev.json and dev2.json
(both tuned on) and heldout.json (never tuned on), the HTML in
../shared/corpora/realnews/html, and scores the flags the way
../shared/eval/score_realnews.py does, with its own functions (imported by path): a flag
is right when its span overlaps a gold substring of its category; a gold substring is
found when a flag of its category overlaps it. ``speculation`` (the reporter's own
"may", "might", "could"), which the shared scorer ignores, is scored the same way.

    PYTHONPATH=src python bench/realnews_flags.py [--split dev|dev2|heldout|all] [--details]
                                                  [--min-confidence X]

The default, ``all``, prints each split and ``dev+dev2``, the two tuning sets together.
``--details`` lists every missed gold span and every wrong flag (on the dev splits only
unless --split heldout is asked for by name: the held-out set is for measuring).
``--min-confidence`` drops flags below that confidence first, as a report would.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from types import ModuleType

import attrib
from _common import ROOT, SHARED

SCORER_PATH = SHARED / "eval" / "score_realnews.py"
HTML = SHARED / "corpora" / "realnews" / "html"
GOLD = {name: ROOT / "bench" / "realnews" / f"{name}.json" for name in ("dev", "dev2", "heldout")}
EXTRA = {"speculation": "speculation"}  # attrib category -> gold category, beside the scorer's map


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_realnews", SCORER_PATH)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {SCORER_PATH}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_split(name: str, checker: attrib.Checker, scorer: ModuleType, details: bool,
                min_confidence: float) -> dict[str, dict[str, int]]:
    cat_map = {**scorer.CAT_MAP, **EXTRA}
    gold_cats = [*scorer.GOLD_CATS, *EXTRA.values()]
    gold = json.loads(GOLD[name].read_text(encoding="utf-8"))
    total = {c: {"pred": 0, "pred_ok": 0, "gold": 0, "gold_found": 0} for c in gold_cats}
    for page in gold["pages"]:
        report = checker.check(checker.read(HTML / page["file"]))
        text = report.article.text
        spans: dict[str, list[tuple[int, int]]] = {c: [] for c in gold_cats}
        for c in gold_cats:
            for anchor in (page.get("flags_gold") or {}).get(c, []):
                loc = scorer.locate(text, anchor)
                if loc:
                    spans[c].append(loc)
                elif details:
                    print(f"  [{page['file']}] gold {c} not located: {anchor!r}")
        predicted = [(cat_map[f.category], (f.span.start, f.span.end), f) for f in report.flags
                     if f.category in cat_map and getattr(f, "confidence", 1.0) >= min_confidence]
        for cat, sp, flag in predicted:
            total[cat]["pred"] += 1
            if any(scorer.overlap([sp], g) > 0 for g in spans[cat]):
                total[cat]["pred_ok"] += 1
            elif details:
                print(f"  [{page['file']}] FP {cat}: {flag.text[:110]!r} ({flag.rule}, {getattr(flag, 'confidence', 1.0):.2f})")
        for c in gold_cats:
            total[c]["gold"] += len(spans[c])
            for g in spans[c]:
                if any(cat == c and scorer.overlap([sp], g) > 0 for cat, sp, _ in predicted):
                    total[c]["gold_found"] += 1
                elif details:
                    print(f"  [{page['file']}] MISS {c}: {text[g[0]:g[1]]!r}")
    return total


def fmt(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "dev2", "heldout", "all"), default="all")
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    args = parser.parse_args()
    if not SCORER_PATH.is_file() or not HTML.is_dir():
        sys.exit(f"../shared is not available at {SHARED} (set ATTRIB_SHARED): nothing to measure.")
    scorer = load_scorer()
    checker = attrib.Checker()
    splits: tuple[str, ...] = tuple(GOLD) if args.split == "all" else (args.split,)
    results = {}
    for name in splits:
        show = args.details and (name != "heldout" or args.split == "heldout")
        if show:
            print(f"{name}:")
        results[name] = score_split(name, checker, scorer, show, args.min_confidence)
    if "dev" in results and "dev2" in results:  # the two tuning sets together
        results["dev+dev2"] = {c: {k: results["dev"][c][k] + results["dev2"][c][k] for k in results["dev"][c]}
                               for c in results["dev"]}
        splits = ("dev", "dev2", "dev+dev2", *splits[2:])
    print(f"{'category':<20}" + "".join(f"{s + ' P':>12}{'R':>5}{'n':>4}{'g':>4}" for s in splits))
    for cat in results[splits[0]]:
        row = f"{cat:<20}"
        for s in splits:
            d = results[s][cat]
            row += f"{fmt(d['pred_ok'], d['pred']):>12}{fmt(d['gold_found'], d['gold']):>5}{d['pred']:>4}{d['gold']:>4}"
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
