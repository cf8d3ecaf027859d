#!/usr/bin/env python3
"""Extraction cost per word as one article grows: 100 KB, 1 MB and 10 MB of news text.

    python bench/long_article.py [--sizes 100000,1000000,10000000] [--seed 7]

The text is generated here (invented people, bodies and places in news sentences:
quotes, pronouns, short forms, appositives, relays, several speakers per paragraph), so
nothing is read from outside. Every pass over an article must be linear in its length:
the cost per word at 10 MB should stay within 1.5x of the cost at 100 KB. Times are
the process's CPU time (the best of a few runs for the small sizes), so other work on a
shared machine disturbs them less.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

import attrib
from _common import ROOT  # noqa: F401

_SYLLABLES = ["ka", "lo", "ven", "mar", "sel", "dri", "no", "ta", "bek", "ros", "an", "il", "gor", "ves", "tu",
              "mi", "ra", "den", "sho", "lin"]
_FIRST = ["Anna", "Peter", "Maria", "David", "Laura", "James", "Elena", "Thomas", "Sofia", "Daniel", "Nina",
          "Robert", "Clara", "Michael", "Julia", "Samuel", "Irene", "Victor", "Paula", "George"]
_ROLES = ["spokesman", "spokeswoman", "finance minister", "union leader", "police chief", "mayor",
          "company director", "senior analyst", "council member", "health official"]
_BODIES = ["Ministry of Transport", "Harbour Authority", "City Council", "Workers' Union", "Regional Police",
           "National Bank", "Health Service", "Chamber of Commerce"]
_TEMPLATES = [
    '"{q1}," {name} said. "{q2}."',
    '{name}, the {role}, said {clause}.',
    'The {role}, {name}, told the {paper} that {clause}.',
    '{short} said {clause}, and added that {clause2}.',
    '"{q1}," {pron} said, "{q2}."',
    'According to the {body}, {clause}.',
    '{pron_cap} told reporters on {day} that {clause}.',
    'A spokesman for the {body}, who asked not to be named, said {clause}.',
    'Officials in {place} said {clause}, citing {count} internal reports.',
    '{clause_cap}, {name} said in a statement.',
    'The {body} said it would {act} by {month}.',
    'Critics of the plan say {clause}.',
    'In {place}, {count} residents gathered on {day} as the {body} met.',
    'Mr. {surname} denied that {clause}, as the {body} claimed.',
    'The report, seen by the {paper}, found that {clause}.',
]
_CLAUSES = ["the budget would be cut by {count} percent", "the talks had stalled over pay",
            "the bridge would reopen within weeks", "nobody had been hurt in the fire",
            "the plan was never properly costed", "prices would rise again next year",
            "the vote had been delayed until spring", "the port was losing money every month"]
_QUOTES = ["We did everything we could", "This is not the end of the matter",
           "Nobody expected the numbers to be this bad", "We will keep the service running",
           "The decision was taken far too quickly", "People deserve a straight answer"]


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def generate(size: int, seed: int) -> str:
    """About ``size`` characters of news paragraphs, deterministic for a seed."""
    rng = random.Random(seed)
    people = [(rng.choice(_FIRST), surname(rng)) for _ in range(400)]
    places = [surname(rng) + rng.choice(["ville", "burg", "port", "ham"]) for _ in range(60)]
    out: list[str] = []
    total = 0
    while total < size:
        para = []
        for _ in range(rng.randint(2, 4)):
            first, last = rng.choice(people)
            clause = rng.choice(_CLAUSES).format(count=rng.randint(2, 90))
            fill = {
                "name": f"{first} {last}", "surname": last, "short": last, "role": rng.choice(_ROLES),
                "body": rng.choice(_BODIES), "paper": surname(rng) + " Herald", "place": rng.choice(places),
                "q1": rng.choice(_QUOTES), "q2": rng.choice(_QUOTES), "pron": rng.choice(["he", "she"]),
                "pron_cap": rng.choice(["He", "She", "They"]), "day": rng.choice(["Monday", "Tuesday", "Friday"]),
                "clause": clause, "clause2": rng.choice(_CLAUSES).format(count=rng.randint(2, 90)),
                "clause_cap": clause[:1].upper() + clause[1:], "count": rng.randint(2, 900),
                "act": rng.choice(["appeal", "publish its accounts", "close two offices"]),
                "month": rng.choice(["March", "June", "October"]),
            }
            para.append(rng.choice(_TEMPLATES).format(**fill))
        text = " ".join(para)
        out.append(text)
        total += len(text) + 2
    return "\n\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000,10000000")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    checker = attrib.Checker()
    checker.extract(generate(20_000, args.seed))  # load the name data once, outside the timing
    base = None
    print(f"{'size':>12} {'words':>10} {'statements':>11} {'CPU s':>9} {'µs/word':>9} {'vs first':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = generate(size, args.seed)
        words = len(text.split())
        secs = float("inf")
        for _ in range(max(1, 3_000_000 // size)):  # small sizes again, to take the best of a few
            start = time.process_time()
            found = checker.extract(text)
            secs = min(secs, time.process_time() - start)
        cost = secs / words * 1e6
        base = base or cost
        print(f"{len(text):>12,} {words:>10,} {len(found):>11,} {secs:>9.2f} {cost:>9.2f} {cost / base:>8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
