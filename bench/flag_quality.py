"""Precision and recall of the flag rules.

1. Over the fixture set (fixtures/flags/*.yaml), per category: of the flags raised, how
   many match an expectation (precision); of the expectations, how many are met (recall).
   The same for the held-out passages (fixtures/flags-heldout/), written after the rules
   and never used to change one.
2. Where ../shared is present (or ATTRIB_SHARED points at it): the WikiWeasel sentences
   (CoNLL-2010, Wikipedia) as a second check of vague-source, agentless and hedge. A
   sentence counts as flagged when any of those categories fires in it, and is compared
   with the corpus's "uncertain" label. The whole file, including the part the weasel-word
   cues were learned from: bench/learn_weasel_cues.py gives the fair figure, on the part
   held out of the learning.

    PYTHONPATH=src python bench/flag_quality.py [--no-corpus]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import attrib  # noqa: E402
from _common import SHARED, WEASEL_CATEGORIES, detokenise  # noqa: E402
from support_assess import FLAG_FIXTURES, describe, evaluate, load_passages, scores  # noqa: E402


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def fixture_section(directory: Path, label: str) -> bool:
    passages = load_passages(directory)
    outcomes = [evaluate(p) for p in passages]
    print(f"{label}: {len(passages)} passages in {directory.relative_to(ROOT)}/")
    print(f"{'category':<20}{'flags':>6}{'correct':>9}{'precision':>11}{'expected':>10}{'met':>5}{'recall':>8}")
    for cat, (raised, correct, expected, met) in scores(outcomes).items():
        print(f"{cat:<20}{raised:>6}{correct:>9}{ratio(correct, raised):>11}{expected:>10}{met:>5}"
              f"{ratio(met, expected):>8}")
    failing = [o for o in outcomes if o.problems]
    print(f"passages with every expectation met: {len(outcomes) - len(failing)}/{len(outcomes)}")
    for o in failing:
        print(f"  {describe(o)}")
    return not failing


def weasel_section(shared: Path) -> None:
    corpus = shared / "corpora" / "wikiweasel"
    files = {True: corpus / "conll2010_wiki_train_wikiweasel_uncertain_sentences.txt",
             False: corpus / "conll2010_wiki_train_wikiweasel_certain_sentences.txt"}
    if not all(p.is_file() for p in files.values()):
        print("\nWikiWeasel: not found, skipped")
        return
    checker = attrib.Checker()
    tp = fp = fn = tn = 0
    started = time.perf_counter()
    for uncertain, path in files.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            report = checker.check(detokenise(line))
            flagged = any(f.category in WEASEL_CATEGORIES for f in report.flags)
            tp += flagged and uncertain
            fp += flagged and not uncertain
            fn += (not flagged) and uncertain
            tn += (not flagged) and not uncertain
    took = time.perf_counter() - started
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"\nWikiWeasel (sentence level, any of {', '.join(sorted(WEASEL_CATEGORIES))} "
          f"vs the 'uncertain' label): {tp + fp + fn + tn} sentences in {took:.1f}s")
    print(f"  flagged uncertain {tp}, flagged certain {fp}, missed uncertain {fn}, quiet certain {tn}")
    print(f"  precision {p:.2f}  recall {r:.2f}  F1 {f1:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-corpus", action="store_true", help="skip the WikiWeasel section")
    args = parser.parse_args()
    ok = fixture_section(FLAG_FIXTURES, "Fixture set (development)")
    print()
    fixture_section(ROOT / "fixtures" / "flags-heldout", "Held-out set (never tuned on)")
    if not args.no_corpus:
        if (SHARED / "corpora").is_dir():
            weasel_section(SHARED)
        else:
            print("\nWikiWeasel: ../shared is absent, skipped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
