#!/usr/bin/env python3
"""Learn weasel and hedge cue words from the WikiWeasel training sentences, write them as
a lexicon, and measure on the part of the file held out of the learning.

    PYTHONPATH=src python bench/learn_weasel_cues.py            # learn, write, measure
    PYTHONPATH=src python bench/learn_weasel_cues.py --check    # measure only

The corpus (../shared/corpora/wikiweasel, CoNLL-2010) labels whole sentences "uncertain"
or "certain". A fixed random split (seed 2010, stratified) keeps a quarter of each label
out of the learning. On the rest, every word sequence of one to three words is counted by
the sentences it occurs in; a sequence is a cue when it occurs in at least MIN_UNCERTAIN
uncertain sentences and the lower bound of its precision (Wilson, 95%) is at least
MIN_PRECISION (the uncertain base rate is about 0.29). A longer sequence is dropped when a
shorter one inside it is nearly as precise. The words a reviewer struck out (REVIEWED_OUT,
each with its reason) are removed, and what is left is written to
rules/lexicons/weasel-cues.yaml, so the lexicon is the output of this script and nothing
else. Measurement: sentence level, a held-out sentence counts as flagged when the checker
raises a flag of any of WEASEL_CATEGORIES in it; compared with the "uncertain" label.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import Counter

import attrib
from _common import ROOT, SHARED, WEASEL_CATEGORIES, detokenise

CORPUS = SHARED / "corpora" / "wikiweasel"
FILES = {True: "conll2010_wiki_train_wikiweasel_uncertain_sentences.txt",
         False: "conll2010_wiki_train_wikiweasel_certain_sentences.txt"}
LEXICON = ROOT / "rules" / "lexicons" / "weasel-cues.yaml"
SEED = 2010
HELD_OUT = 0.25
MIN_UNCERTAIN = 4
MIN_PRECISION = 0.45
NEAR = 0.05  # a longer cue must beat a shorter one inside it by this much to stay
# WEASEL_CATEGORIES (bench/_common.py) leave speculation out: Wikipedia's "uncertain" label
# is about weasel wording, and its certain sentences are full of a "may" that permits or
# generalises ("a port may be forwarded"). --with-speculation counts it too.
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")

# Struck out by a reviewer after reading the learned list, each with the reason. A cue
# must be wording that hides or weakens a source; these are correlations of topic or of
# Wikipedia's style, which would flag innocent news sentences.
REVIEWED_OUT: dict[str, str] = {
    "finest": "a word of praise, not of sourcing (the judgement rules handle praise stated as fact)",
    "websites": "a topic that Wikipedia's uncertain sentences happen to share",
    "adaptation": "a topic (film and book articles)",
    "away from": "a chance phrase with no sourcing meaning",
    "cases the": "a fragment of 'in some cases the', not a phrase of its own",
    "have had": "ordinary grammar, not a cue",
    "it has": "ordinary grammar; 'it has been suggested' is the cue, and is kept",
    "it has been": "ordinary grammar; 'has been suggested' is the cue, and is kept",
    "most notable": "praise, not sourcing",
    "the famous": "praise, not sourcing",
    "well-known": "praise, not sourcing",
    "his most": "praise, not sourcing",
    "fondly": "praise, not sourcing",
    "sad": "feeling, not sourcing",
    "reported": "news credits named outlets with 'reported' ('NBC News reported'); unnamed reports are the hedge rules' business",
    "claimed that the": "a fragment of 'claimed that'; 'claim that' is kept",
    "theories": "a topic",
    "tobacco": "a topic",
    "literacy": "a topic",
    "gore": "a name",
    "pingu": "a name",
    "powerbacks": "a name",
    "physical theatre": "a topic",
    "publicity": "a topic",
    "directors": "a topic",
    "affiliated": "a topic word with no sourcing meaning",
    "rising": "a chance word",
    "away": "a chance word",
    "prefer": "a chance word",
    "identify": "a chance word",
    "is necessary": "a chance phrase",
    "role of": "a chance phrase",
    "in the country": "a chance phrase",
    "that it was": "ordinary grammar",
    "systems and": "a chance phrase",
    "of origin": "a chance phrase",
    "during the day": "a chance phrase",
    "of his life": "a chance phrase",
    "have influenced": "a chance phrase",
    "respect to": "a chance phrase",
    "do with": "a chance phrase",
    "to add": "a chance phrase",
    "of age": "a chance phrase",
    "other related": "a chance phrase",
    "and it": "ordinary grammar",
}


def load() -> list[tuple[str, bool]]:
    out = []
    for uncertain, name in FILES.items():
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((detokenise(line.strip()), uncertain))
    return out


def split(sentences: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """A fixed, stratified random split: (learn, held out)."""
    rng = random.Random(SEED)
    learn, held = [], []
    for label in (True, False):
        group = [s for s in sentences if s[1] is label]
        rng.shuffle(group)
        cut = round(len(group) * HELD_OUT)
        held += group[:cut]
        learn += group[cut:]
    return learn, held


def grams(sentence: str) -> set[str]:
    words = _WORD.findall(sentence.lower())
    return {" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}


def wilson_low(k: int, n: int, z: float = 1.96) -> float:
    if n == 0:
        return 0.0
    p = k / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - margin) / (1 + z * z / n)


def learn(sentences: list[tuple[str, bool]]) -> dict[str, tuple[int, int, float]]:
    """cue -> (uncertain sentences, all sentences, precision lower bound)."""
    unc: Counter[str] = Counter()
    allc: Counter[str] = Counter()
    for text, uncertain in sentences:
        for g in grams(text):
            allc[g] += 1
            if uncertain:
                unc[g] += 1
    kept = {g: (unc[g], allc[g], wilson_low(unc[g], allc[g])) for g in unc
            if unc[g] >= MIN_UNCERTAIN and wilson_low(unc[g], allc[g]) >= MIN_PRECISION}
    out = {}
    for g, stats in kept.items():
        words = g.split()
        inner = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
                 if (i, j) != (0, len(words))]
        if any(s in kept and kept[s][2] >= stats[2] - NEAR for s in inner):
            continue
        out[g] = stats
    return out


def write(cues: dict[str, tuple[int, int, float]]) -> None:
    entries = sorted(c for c in cues if c not in REVIEWED_OUT)
    lines = ["kind: lexicon", "id: weasel-cues", "description: >",
             "  Weasel and hedge cues learned from the WikiWeasel training sentences (CoNLL-2010) by",
             "  bench/learn_weasel_cues.py: word sequences that occur in uncertain sentences far more",
             f"  often than by chance (at least {MIN_UNCERTAIN} uncertain sentences, Wilson lower bound of",
             f"  precision >= {MIN_PRECISION}), learned on {1 - HELD_OUT:.0%} of the file (seed {SEED}), reviewed by",
             "  hand (the script lists what was struck out and why). Generated: edit the script's",
             "  thresholds or its REVIEWED_OUT list and run it again, do not edit this file.",
             "entries:"]
    lines += [f"  - {e!r}" if any(ch in e for ch in "'’:#") else f"  - {e}" for e in entries]
    LEXICON.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} cues to {LEXICON.relative_to(ROOT)} "
          f"({len(cues) - len(entries)} struck out by review)")


def measure(held: list[tuple[str, bool]], cues: dict[str, tuple[int, int, float]] | None,
            categories: frozenset[str] = WEASEL_CATEGORIES) -> None:
    checker = attrib.Checker()
    tp = fp = fn = 0
    by_category: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for text, uncertain in held:
        cats = {f.category for f in checker.check(text).flags} & categories
        by_category.update(cats)
        if uncertain:
            right.update(cats)
        flagged = bool(cats)
        tp += flagged and uncertain
        fp += flagged and not uncertain
        fn += (not flagged) and uncertain
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"held-out part of train: {len(held)} sentences ({sum(u for _, u in held)} uncertain); "
          f"a sentence is flagged by any of {', '.join(sorted(categories))}")
    print(f"  checker: precision {p:.2f}  recall {r:.2f}  F1 {f1:.2f}  "
          "(sentences flagged, of them uncertain: "
          + ", ".join(f"{c} {n}/{right[c]}" for c, n in by_category.most_common()) + ")")
    if cues:
        tp = sum(1 for t, u in held if u and grams(t) & cues.keys())
        fp = sum(1 for t, u in held if not u and grams(t) & cues.keys())
        pos = sum(u for _, u in held)
        p, r = (tp / (tp + fp) if tp + fp else 0.0), tp / pos
        print(f"  learned cues alone (any cue in the sentence): precision {p:.2f}  recall {r:.2f}  "
              f"F1 {2 * p * r / (p + r) if p + r else 0.0:.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="measure only; do not rewrite the lexicon")
    ap.add_argument("--show", action="store_true", help="print every learned cue with its counts")
    ap.add_argument("--with-speculation", action="store_true", help="count speculation flags too")
    args = ap.parse_args()
    if not all((CORPUS / f).is_file() for f in FILES.values()):
        sys.exit(f"WikiWeasel is not available at {CORPUS} (set ATTRIB_SHARED): nothing to learn.")
    learn_part, held = split(load())
    cues = learn(learn_part)
    if args.show:
        for c, (u, n, low) in sorted(cues.items(), key=lambda kv: -kv[1][2]):
            mark = "  (struck out: " + REVIEWED_OUT[c] + ")" if c in REVIEWED_OUT else ""
            print(f"  {c:<28} {u:>4}/{n:<5} low {low:.2f}{mark}")
    if not args.check:
        write(cues)
    measure(held, {c: v for c, v in cues.items() if c not in REVIEWED_OUT},
            WEASEL_CATEGORIES | ({"speculation"} if args.with_speculation else set()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
