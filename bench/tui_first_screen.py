"""Time to first screen of ``attrib tui`` (headless, Pilot), extraction included.

In-process parts only (no interpreter start, no imports): what the user waits for from
exec to the first frame is bench/tui_pty_first_screen.py.

    PYTHONPATH=src python bench/tui_first_screen.py [--runs N]

Measures, for the reference article (../shared/corpora/seed/...; skipped with a message
where absent) and for a generated 5,000-word article with about 300 statements:
  check     reading + extraction (attrib.pipeline.check)
  screen    app start until the first screen is composed and painted (120x40)
  total     the two together: what the user waits for after pressing enter
and, on the big article, the median time for one `j` (move down the list) and for one
keystroke of search (re-filtering every row). Prints the median of N runs.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, SHARED

sys.path.insert(0, str(ROOT / "src"))

from attrib import Article, Checker
from attrib.store import ReviewStore
from attrib.tui.app import ReviewApp

REFERENCE = SHARED / "corpora/seed/presstv-raqqah-2017-10-15.txt"

# Invented people, bodies and places for the generated article.
PEOPLE = [("Maria Okafor", "union negotiator"), ("Tomas Reyes", "harbour master"),
          ("Ines Varga", "spokeswoman for the shippers"), ("Piet Lindqvist", "mayor of Selden"),
          ("Amara Diallo", "economist at Selden University"), ("Jonas Brandt", "rail union chief"),
          ("Lucia Ferro", "port physician"), ("Karel Novak", "ferry captain")]
BODIES = ["The Transport Ministry", "The port authority", "The Selden Chamber of Commerce",
          "The city council", "The Coastal Tribune", "The harbour police"]
VAGUE = ["Observers", "Critics", "Some residents", "Analysts", "Many traders"]
THINGS = ["the night-shift pay", "the container backlog", "the ferry timetable",
          "the new labour law", "the rail yards", "the fish market", "the customs queue",
          "the dock cranes", "the pension fund", "the harbour dredging"]
VERBS = ["would be settled by Friday", "had cost more than planned", "could not wait another week",
         "was under review", "remained the main obstacle", "had been discussed at length",
         "was never part of the offer", "should be put to a vote"]
QUOTES = ["We will not move until {t} is fixed", "Nobody told us {t} would change",
          "Everyone here knows {t} matters", "Give us a date for {t} and we will listen",
          "This is about {t} and nothing else"]


def generate(statements: int = 300, words: int = 5000, seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs = ["Port Talks Drag On as Strike Enters Third Week", "Port Selden, 21 March"]
    made = 0
    while made < statements:
        who, role = rng.choice(PEOPLE)
        thing, verb = rng.choice(THINGS), rng.choice(VERBS)
        kind = rng.randrange(6)
        if kind == 0:
            s = f'"{rng.choice(QUOTES).format(t=thing)}," {role} {who} said on Monday.'
        elif kind == 1:
            s = f"{who}, the {role}, told reporters that {thing} {verb}."
        elif kind == 2:
            s = f"According to {rng.choice(BODIES).lower().replace('the ', 'the ', 1)}, {thing} {verb}."
        elif kind == 3:
            s = f"{rng.choice(VAGUE)} say {thing} {verb}."
        elif kind == 4:
            s = f"{rng.choice(BODIES)} said in a statement that {thing} {verb}."
        else:
            s = f"The strike has now closed {thing} for {rng.randrange(2, 20)} days in a row."
            made -= 1  # no attribution in this one
        paragraphs.append(s)
        made += 1
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(f"Work on {rng.choice(THINGS)} stopped again as the tide turned "
                          "and the last ferry left the outer harbour without cargo.")
    return "\n\n".join(paragraphs) + "\n"


async def first_screen(article: Article, data: Path) -> tuple[float, ...]:
    t0 = time.perf_counter()
    report = CHECKER.check(article)
    t1 = time.perf_counter()
    app = ReviewApp(report, store=ReviewStore(data / "bench.sqlite3"), cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        t2 = time.perf_counter()
        # a key nothing is bound to (the cost of the Pilot round trip itself), one step
        # down the list, then one search keystroke
        idle = []
        for _ in range(5):
            t = time.perf_counter()
            await pilot.press("z")
            await pilot.pause()
            idle.append(time.perf_counter() - t)
        steps = []
        for _ in range(5):
            t = time.perf_counter()
            await pilot.press("j")
            await pilot.pause()
            steps.append(time.perf_counter() - t)
        await pilot.press("slash")
        t = time.perf_counter()
        await pilot.press("a")
        await pilot.pause()
        search = time.perf_counter() - t
        rows = app.table.row_count
    assert rows  # the search for "a" matches something
    return t1 - t0, t2 - t1, statistics.median(steps), search, statistics.median(idle)


def measure(name: str, article: Article, runs: int) -> None:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            results.append(asyncio.run(first_screen(article, Path(tmp))))
    report = CHECKER.check(article)
    check_s, screen_s, step_s, search_s, idle_s = (statistics.median(r[i] for r in results)
                                                   for i in range(5))
    print(f"{name}: {article.words} words, {len(report.statements)} statements, "
          f"{len(report.flags)} flags")
    print(f"  check {check_s * 1000:7.0f} ms   screen {screen_s * 1000:7.0f} ms   "
          f"total {(check_s + screen_s) * 1000:7.0f} ms   (median of {runs})")
    print(f"  one j {step_s * 1000:7.0f} ms   one search key {search_s * 1000:7.0f} ms   "
          f"unbound key {idle_s * 1000:4.0f} ms (Pilot round trips)")


CHECKER = Checker()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if REFERENCE.is_file():
        measure("reference article", CHECKER.read(REFERENCE), args.runs)
    else:
        print(f"reference article not found at {REFERENCE} (set ATTRIB_SHARED): skipped")
    measure("generated article", Article(text=generate(), path="generated.txt"), args.runs)


if __name__ == "__main__":
    main()
