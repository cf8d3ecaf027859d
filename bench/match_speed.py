"""How fast quote matching scales, timed end to end: everything ``corroborate()`` does
for coverage (reading the documents' sentences and stems, the index, candidates,
classification, and the speaker check with its extraction around matched passages),
printed as one total. Targets: 1,000 statements x 200 documents of 1,500 words under
2 s; 5,000 x 2,000 under 20 s and 400 MB (peak resident memory of the process).

    PYTHONPATH=src python bench/match_speed.py [--statements N] [--docs N] [--words N] [--runs N]
    PYTHONPATH=src python bench/match_speed.py --scaling 200,2000,20000   # candidate generation alone

The corpus is synthetic and fixed by a seed: Zipf-distributed words in sentences of 8 to
30 words; 60 % of the statements are taken from the documents (a third verbatim, a third
with a word dropped, a third with a figure changed), the rest appear nowhere. Building
the corpus is not timed; every run starts from plain documents, as the product gets them
(nothing is prepared ahead, and nothing a run memoises survives it).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attrib import Article, Checker, Kind, Source, SourceType, Span, Statement  # noqa: E402
from attrib.corroborate.documents import CoverageDoc  # noqa: E402
from attrib.corroborate.index import Index, candidates  # noqa: E402
from attrib.corroborate.match import corroborate  # noqa: E402
from attrib.corroborate.tokens import Words  # noqa: E402

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


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scaling(sizes: list[int], statements: int, words: int) -> None:
    """Candidate generation alone (sentences, stems, the index, the candidates) against
    growing numbers of documents: it should grow close to linearly."""
    checker = Checker()
    lex = checker.match_lexicons
    base = None
    for n in sizes:
        article, sts, docs = corpus(n, words, statements)
        text = article.text
        t0 = time.perf_counter()
        w = Words(lex)
        queries = [w.stems(st.content_text(text)) for st in sts]
        index = Index([d.text for d in docs], w, lex.abbreviations)
        built = time.perf_counter() - t0
        found = candidates(queries, index)
        took = time.perf_counter() - t0
        base = base or took / n
        print(f"{n:>7,} documents: {took:6.2f} s ({built:.2f} s reading and indexing), {len(found):,} candidates,"
              f" {took / n * 1000:.2f} ms per document ({took / n / base:.2f}x the first), peak {peak_mb():,.0f} MB")
        del index, docs, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=1000)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--words", type=int, default=1500)
    ap.add_argument("--runs", type=int, default=3, help="report the best of N runs")
    ap.add_argument("--scaling", help="comma-separated document counts: time candidate generation alone")
    args = ap.parse_args()
    if args.scaling:
        scaling([int(x) for x in args.scaling.split(",")], args.statements, args.words)
        return 0
    checker = Checker()
    lex, read = checker.match_lexicons, checker.statements_of
    article, statements, docs = corpus(args.docs, args.words, args.statements)
    words = sum(len(d.text.split()) for d in docs)
    corroborate(article, statements[:5], docs[:2], lex, read)  # load the modules once
    best, cpu, result = float("inf"), float("inf"), ()
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = corroborate(article, statements, docs, lex, read)
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    found = sum(c.status.value not in ("not-found", "unchecked") for c in result)
    evidence = sum(len(c.evidence) for c in result)
    checked = sum(e.speaker_check is not None for c in result for e in c.evidence)
    print(f"{len(statements):,} statements x {len(docs):,} documents ({words:,} words)")
    print(f"statements with a match: {found:,}; evidence items: {evidence:,} (speaker checked: {checked:,})")
    print(f"peak memory of the process: {peak_mb():,.0f} MB")
    # CPU time too: on a shared machine the wall clock also counts other people's work.
    print(f"end to end (sentences, stems, index, candidates, classification, speaker check): {best:.2f} s"
          f" (best of {args.runs}; CPU {cpu:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
