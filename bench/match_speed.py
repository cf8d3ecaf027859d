"""How fast quote matching scales: 1,000 statements against 200 coverage documents of
1,500 words each (target: under 2 seconds on the project's 2-core machine).

    PYTHONPATH=src python bench/match_speed.py [--statements N] [--docs N] [--words N]

The corpus is synthetic and fixed by a seed: Zipf-distributed words in sentences of 8 to
30 words; 60 % of the statements are taken from the documents (a third verbatim, a third
with a word dropped, a third with a figure changed), the rest appear nowhere. Documents
are prepared first (attributions extracted for the speaker check, as gathering coverage
does); the matching itself is timed on its own, best of three runs.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attrib import Article, Checker, Kind, Source, SourceType, Span, Statement  # noqa: E402
from attrib.corroborate.documents import CoverageDoc  # noqa: E402
from attrib.corroborate.match import corroborate  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ran", "tes", "vor", "pel", "dun", "sa", "ri", "mo", "bel", "tra", "gin", "hu"]
FUNCTION = ["the", "a", "of", "and", "to", "in", "that", "was", "for", "on", "with", "said", "it", "is"]


def corpus(n_docs: int, n_words: int, n_statements: int, seed: int = 7):
    rng = random.Random(seed)
    vocab = list(dict.fromkeys("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
                               for _ in range(12000)))
    weights = [1 / (i + 50) for i in range(len(vocab))]  # content words: no head as heavy as "the"

    def sentence() -> list[str]:
        words = rng.choices(vocab, weights, k=rng.randint(8, 30))
        for i in range(0, len(words), 3):
            words[i] = rng.choice(FUNCTION)
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 900)))
        return words

    docs, pool = [], []
    for d in range(n_docs):
        sentences, count = [], 0
        while count < n_words:
            s = sentence()
            sentences.append(s)
            count += len(s)
        text_parts = []
        for s in sentences:
            if rng.random() < 0.4:
                text_parts.append(f"“{' '.join(s).capitalize()},” Mara Velt said.")
                pool.append(s)
            else:
                text_parts.append(" ".join(s).capitalize() + ".")
        docs.append(CoverageDoc(url=f"https://outlet{d}.example/story", outlet=f"outlet{d}.example",
                                text="\n\n".join(text_parts)))
    contents = []
    for k in range(n_statements):
        if k % 10 < 6:
            s = list(rng.choice(pool))
            if k % 3 == 1 and len(s) > 8:
                del s[rng.randrange(1, len(s) - 1)]
            elif k % 3 == 2:
                s.append(str(rng.randint(2, 900)))
            contents.append(" ".join(s))
        else:
            contents.append(" ".join(sentence()))
    text, statements = "", []
    for k, content in enumerate(contents):
        start = len(text) + 1
        text += f"“{content},” Mara Velt said.\n\n"
        span = Span(start, start + len(content))
        src_at = start + len(content) + 3
        statements.append(Statement(f"s{k + 1}", Kind.DIRECT,
                                    Source(Span(src_at, src_at + 9), "Mara Velt", SourceType.PERSON),
                                    Span(src_at + 10, src_at + 14), "said", (span,), span))
    return Article(text=text), tuple(statements), docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=1000)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--words", type=int, default=1500)
    args = ap.parse_args()
    checker = Checker()
    lex, read = checker.match_lexicons, checker.statements_of
    article, statements, docs = corpus(args.docs, args.words, args.statements)
    words = sum(len(d.text.split()) for d in docs)
    t0 = time.perf_counter()
    docs = [d.attributed(read) for d in docs]
    prepare = time.perf_counter() - t0
    corroborate(article, statements[:5], docs[:2], lex, read)  # warm up imports and caches
    best, result = float("inf"), ()
    for _ in range(3):
        t0 = time.perf_counter()
        result = corroborate(article, statements, docs, lex, read)
        best = min(best, time.perf_counter() - t0)
    found = sum(c.status.value != "not-found" for c in result)
    evidence = sum(len(c.evidence) for c in result)
    print(f"{len(statements)} statements x {len(docs)} documents ({words:,} words)")
    print(f"prepare documents (attributions for the speaker check): {prepare:.2f} s")
    print(f"match (index, batch scoring, classification, speakers): {best:.2f} s  (target < 2 s)")
    print(f"statements with a match: {found}; evidence items: {evidence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
