"""Nothing may match between pages that do not share a story: every real page of
../shared/corpora/realnews against every other page not grouped with it in
bench/realnews/stories.yaml, in process, with the product's matching (the page's own
statements, the speaker check included).

    python bench/coverage_unrelated.py [--show N]

Prints each match found (a false match by construction), the count of pairs checked,
and the false speaker conflicts among them. Target: 0 matches.
"""

from __future__ import annotations

import argparse
import sys
import time

import yaml

from _common import ROOT, SHARED
from attrib import Checker
from attrib.corroborate.documents import CoverageDoc
from attrib.corroborate.match import corroborate
from attrib.model import PageOrigin
from attrib.safety import clean

PAGES = SHARED / "corpora" / "realnews" / "html"


def story_of() -> dict[str, str]:
    stories = yaml.safe_load((ROOT / "bench" / "realnews" / "stories.yaml").read_text(encoding="utf-8"))["stories"]
    return {page: name for name, pages in stories.items() for page in pages}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=40, help="print at most N matches")
    args = ap.parse_args()
    if not PAGES.is_dir():
        sys.exit(f"the real pages are not available at {PAGES} (set ATTRIB_SHARED): nothing to measure.")
    checker = Checker()
    story = story_of()
    files = sorted(p.name for p in PAGES.glob("*.html"))
    articles = {f: checker.read(PAGES / f) for f in files}
    statements = {f: checker.extract(a) for f, a in articles.items()}
    docs = {f: CoverageDoc.from_article(a, f, PageOrigin.COVERAGE_DIR) for f, a in articles.items()}
    t0 = time.perf_counter()
    pairs = matches = conflicts = 0
    shown = 0
    for f in files:
        others = [g for g in files if g != f and (story.get(f) is None or story.get(f) != story.get(g))]
        pairs += len(others)
        found = corroborate(articles[f], statements[f], [docs[g] for g in others],
                            checker.match_lexicons, checker.statements_of)
        by_id = {st.id: st for st in statements[f]}
        for c in found:
            for e in c.evidence:
                matches += 1
                conflicts += e.same_speaker is False
                if shown < args.show:
                    shown += 1
                    said = by_id[c.statement].content_text(articles[f].text)
                    print(f"{e.status.value:<12} {f[:38]} -> {e.url[:38]}  same_speaker={e.same_speaker}")
                    print(f"    article: {clean(' '.join(said.split()))[:150]}")
                    print(f"    other:   {clean(' '.join(e.passage.split()))[:150]}")
    took = time.perf_counter() - t0
    print(f"\n{len(files)} pages, {pairs} ordered pairs that share no story "
          f"({sum(len(s) for s in statements.values())} statements), matched in {took:.1f} s")
    print(f"matches between unrelated pages: {matches} (target 0); false speaker conflicts among them: {conflicts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
