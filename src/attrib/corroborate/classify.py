"""One statement against one candidate window: where exactly it matches, the word diff,
and which of verbatim / close / altered / paraphrase it is (or no match at all).

The passage is the densest run of matching words, in one sentence of the window or
across both, whichever matches best; when it lies inside quotation marks, it is the
quoted words (so "Reed said" between two halves of a quotation is not part of it).

Then, in order:
* the same words (case, punctuation and curly quotes ignored): verbatim;
* a flipped negation, or a different figure or date: altered, also when the other outlet
  reports the statement indirectly;
* a qualifier dropped or added, a stronger word, a name swapped, where the other outlet
  claims the same words (a quotation) or both report indirectly: altered;
* only trivial edits (contractions, figures for number words, filler words, word order,
  words cut from either end): close;
* a quotation in the other outlet whose words differ, for a statement the article quotes
  directly: altered ("words changed");
* otherwise, enough content words in common: paraphrase.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel, LCSseq

from ..model import Span, Status
from .lexicons import MatchLexicons
from .tokens import Token, canon, stems

GAP = 8  # words of other text that may separate two pieces of one matching passage
EDGE_CUT = 3  # a cut of at least this many words at an end is truncation, not a change
PARAPHRASE_SHARE = 0.6  # of the statement's content words, for a paraphrase
PARAPHRASE_WORDS = 3  # ... and at least this many of them (or all, if it has fewer)
MIN_KEPT = 0.5  # of the statement's words, for the passage to render it closely
FAITHFUL = 0.8  # of the statement's words: near enough to judge every changed word
MIN_TRUNCATED = 0.3  # a truncated quotation keeps at least this share ...
MIN_TRUNCATED_WORDS = 4  # ... and this many words
STRONG = ("negation", "number changed", "date changed")


@dataclass(frozen=True, slots=True)
class Match:
    status: Status
    passage: Span  # in the coverage text
    diff: tuple[tuple[str, str], ...]
    score: float
    reasons: tuple[str, ...]
    quoted: bool


@dataclass(frozen=True, slots=True)
class _Run:
    removed: tuple[int, int]  # token range in the statement
    added: tuple[int, int]  # token range in the passage
    at_edge: bool


def _norms(tokens: Sequence[Token]) -> list[str]:
    return [t.norm for t in tokens]


def _joined(text: str, a: Token, b: Token) -> bool:
    """Only spaces (or a hyphen) between two words: the same clause."""
    return text[a.end:b.start].strip(" -") == ""


def _passage_range(qn: list[str], w: Sequence[Token], text: str,
                   cues: frozenset[str]) -> tuple[int, int] | None:
    """The token range of ``w`` that matches: the densest group of matching blocks,
    widened over words that replace the statement's first or last words."""
    ops = Indel.opcodes(qn, _norms(w))
    blocks = [(op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops if op.tag == "equal"]
    if not blocks:
        return None
    groups: list[list[tuple[int, int, int, int]]] = [[blocks[0]]]
    for block in blocks[1:]:
        if block[2] - groups[-1][-1][3] > GAP:
            groups.append([block])
        else:
            groups[-1].append(block)
    best = max(groups, key=lambda g: sum(b[1] - b[0] for b in g))
    i1, j1 = best[0][0], best[0][2]
    i2, j2 = best[-1][1], best[-1][3]
    lo, steps = j1, min(i1, 3)
    while steps and lo > 0 and _joined(text, w[lo - 1], w[lo]) and w[lo - 1].norm not in cues:
        lo, steps = lo - 1, steps - 1
    hi, steps = j2, min(len(qn) - i2, 3)
    while steps and hi < len(w) and _joined(text, w[hi - 1], w[hi]) and w[hi].norm not in cues:
        hi, steps = hi + 1, steps - 1
    return lo, hi


def _quote_of(w: Sequence[Token], quotes: Sequence[Span]) -> dict[int, int]:
    """For each word of the window inside a quotation, that quotation's index."""
    if not w:
        return {}
    lo, hi = w[0].start, w[-1].end
    near = [(k, s) for k, s in enumerate(quotes) if s.start < hi and lo < s.end]
    out = {}
    for t in w:
        for k, s in near:
            if s.start <= t.start and t.end <= s.end:
                out[id(t)] = k
                break
    return out


def _in_quotes(p: Sequence[Token], w: Sequence[Token], where: dict[int, int]) -> list[Token] | None:
    """When most of the passage lies inside quotation marks: the words of those quotations."""
    hit = {where[id(t)] for t in p if id(t) in where}
    inside = sum(id(t) in where for t in p)
    if not hit or inside < 0.5 * len(p):
        return None
    return [t for t in w if where.get(id(t), -1) in hit]


def _best_passage(qn: list[str], w: Sequence[Token], text: str, split: int | None,
                  quotes: Sequence[Span], cues: frozenset[str]) -> tuple[list[Token], bool] | None:
    subs = [(0, len(w))]
    if split is not None:
        k = next((i for i, t in enumerate(w) if t.start >= split), len(w))
        subs = [(0, k), (k, len(w)), (0, len(w))]
    best = None
    where = _quote_of(w, quotes)
    for lo, hi in subs:
        ws = w[lo:hi]
        found = _passage_range(qn, ws, text, cues) if ws else None
        if found is None:
            continue
        p = list(ws[found[0]:found[1]])
        quoted = _in_quotes(p, w, where)
        if quoted:
            p = quoted
        pn = _norms(p)
        # Similarity, not matched words alone: a window that adds a stray "the" from the
        # sentence before must not beat the sentence that holds the statement.
        key = (round(Indel.normalized_similarity(qn, pn), 6), LCSseq.similarity(qn, pn))
        if best is None or key > best[0]:
            best = (key, p, quoted is not None)
    return None if best is None else (best[1], best[2])


def _trim_extra(qn: list[str], p: list[Token]) -> list[Token]:
    """Drop words the other outlet has beyond either end of the statement (the article
    quoting a fragment of a longer quotation). Words that replace the statement's first
    or last words stay: they are a change, not extra."""
    ops = [op for op in Indel.opcodes(qn, _norms(p))]
    lo, hi = 0, len(p)
    head = [op for op in ops[: next((k for k, op in enumerate(ops) if op.tag == "equal"), len(ops))]]
    if head and all(op.tag == "insert" for op in head):
        lo = head[-1].dest_end
    tail_start = next((k for k in range(len(ops) - 1, -1, -1) if ops[k].tag == "equal"), -1) + 1
    tail = ops[tail_start:]
    if tail and all(op.tag == "insert" for op in tail):
        hi = tail[0].dest_start
    return p[lo:hi] if lo < hi else p


def _runs(qn: Sequence[str], pn: Sequence[str]) -> tuple[list[_Run], int, list[tuple[str, int, int, int, int]]]:
    ops = [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in Indel.opcodes(qn, pn)]
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    equal_at = [k for k, op in enumerate(ops) if op[0] == "equal"]
    first, last = (equal_at[0], equal_at[-1]) if equal_at else (len(ops), -1)
    runs: list[_Run] = []
    pending: list[tuple[str, int, int, int, int]] = []
    for k, op in enumerate([*ops, ("equal", 0, 0, 0, 0)]):
        if op[0] != "equal":
            pending.append(op)
            continue
        if pending:
            r = (min(o[1] for o in pending), max(o[2] for o in pending))
            a = (min(o[3] for o in pending), max(o[4] for o in pending))
            runs.append(_Run(r, a, k - 1 < first or k - len(pending) > last))
            pending = []
    return runs, matched, ops


def _diff(ops: list[tuple[str, int, int, int, int]], q_words: list[str],
          p_words: list[str]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in [*ops, ("equal", 0, 0, 0, 0)]:
        if tag != "equal":
            removed.extend(q_words[i1:i2])
            added.extend(p_words[j1:j2])
            continue
        if removed:
            out.append(("-", " ".join(removed)))
        if added:
            out.append(("+", " ".join(added)))
        removed, added = [], []
        if i2 > i1:
            out.append(("=", " ".join(q_words[i1:i2])))
    return tuple(out)


def _show(word: str) -> str:
    return f"{int(word):,}" if word.isdigit() and len(word) > 4 else word


def _changes(label: str, before: Counter, after: Counter) -> list[str]:
    gone = ", ".join(map(_show, (before - after).elements()))
    new = ", ".join(map(_show, (after - before).elements()))
    if gone and new:
        return [f"{label} changed: {gone} → {new}"]
    if gone:
        return [f"{label} dropped: {gone}"]
    return [f"{label} added: {new}"] if new else []


def _meaning(q_kept: list[str], pn: list[str], lex: MatchLexicons) -> list[str]:
    """Differences that can change what the statement says, on the long forms."""
    qc, pc = canon(q_kept, lex), canon(pn, lex)
    reasons = []
    neg_q = sum(w in lex.negations for w in qc)
    neg_p = sum(w in lex.negations for w in pc)
    if neg_q != neg_p:
        reasons.append("negation dropped" if neg_q > neg_p else "negation added")

    def count(pred, words: list[str]) -> Counter:
        return Counter(w for w in words if pred(w))

    reasons += _changes("number", count(str.isdigit, qc), count(str.isdigit, pc))
    reasons += _changes("date", count(lex.date_words.__contains__, qc), count(lex.date_words.__contains__, pc))
    quals = _changes("qualifier", count(lex.qualifiers.__contains__, qc), count(lex.qualifiers.__contains__, pc))
    reasons += [r.replace("changed", "swapped") for r in quals]
    strong = count(lex.intensifiers.__contains__, pc) - count(lex.intensifiers.__contains__, qc)
    if strong:
        reasons.append(f"stronger wording: {', '.join(strong.elements())}")
    return reasons


def classify(q: Sequence[Token], q_text: str, q_stems: Counter, w: Sequence[Token], text: str, split: int | None,
             quotes: Sequence[Span], lex: MatchLexicons, direct: bool) -> Match | None:
    """Compare statement tokens ``q`` (read from ``q_text``) with the window tokens ``w``
    of a coverage text (``split``: where its second sentence starts). ``quotes`` are
    the inner spans of that text's quotations; ``direct``: the article quotes it."""
    qn = _norms(q)
    if not w:
        return None
    chosen = _best_passage(qn, w, text, split, quotes, lex.cues)
    if chosen is None:
        return None
    p, quoted = chosen
    full_pn = _norms(p)
    q_long, p_long = canon(qn, lex), canon(full_pn, lex)
    reordered = q_long != p_long and sorted(q_long) == sorted(p_long)
    if not reordered:
        p = _trim_extra(qn, p)
    pn = _norms(p)
    runs, matched, ops = _runs(qn, pn)
    q_words = [q_text[t.start:t.end] for t in q]
    p_words = [text[t.start:t.end] for t in p]
    passage = Span(p[0].start, p[-1].end)
    score = round(Indel.normalized_similarity(qn, pn) * 100, 1)
    diff = _diff(ops, q_words, p_words)

    def match(status: Status, reasons: Sequence[str]) -> Match:
        return Match(status, passage, diff, score, tuple(reasons), quoted)

    if not runs:
        return match(Status.VERBATIM, ())
    if reordered:
        return match(Status.CLOSE, ("word order changed",))

    # Words cut from either end are truncation; they take no part in the meaning checks.
    cut = [r for r in runs if r.at_edge and r.added[0] == r.added[1] and r.removed[1] - r.removed[0] >= EDGE_CUT]
    cut_words = {i for r in cut for i in range(*r.removed)}
    q_kept = [wd for i, wd in enumerate(qn) if i not in cut_words]
    kept = matched / len(qn)
    renders = kept >= MIN_KEPT or (quoted and kept >= MIN_TRUNCATED)
    faithful = quoted or not direct or kept >= FAITHFUL
    reasons = _meaning(q_kept, pn, lex)

    trivial, notes = True, []
    for r in runs:
        removed, added = qn[slice(*r.removed)], pn[slice(*r.added)]
        said = " ".join(q_words[slice(*r.removed)]) or "∅"
        written = " ".join(p_words[slice(*r.added)]) or "∅"
        if canon(removed, lex) == canon(added, lex):
            notes.append(f"spelling: {said} → {written}")
        elif r in cut or (r.at_edge and not added and not any(
                wd in lex.negations or wd in lex.qualifiers for wd in canon(removed, lex))):
            notes.append("truncated")
        elif all(wd in lex.fillers for wd in removed + added):
            notes.append(f"filler {'dropped' if removed else 'added'}: {' '.join(removed + added)}")
        else:
            trivial = False
            names = [t for t in (*q[slice(*r.removed)], *p[slice(*r.added)]) if t.name
                     and t.norm not in lex.date_words and not t.norm[:1].isdigit()]
            if removed and added and names:
                reasons.append(f"name changed: {said} → {written}")

    strong = [x for x in reasons if x.startswith(STRONG)]
    p_stems = Counter(stems(" ".join(p_words), lex))
    shared = sum((q_stems & p_stems).values())
    total = sum(q_stems.values())
    related = (total > 0 and shared / total >= PARAPHRASE_SHARE and shared >= min(PARAPHRASE_WORDS, total)
               and kept >= MIN_TRUNCATED)

    if strong and (renders or related):
        return match(Status.ALTERED, reasons if faithful and renders else strong)
    if reasons and faithful and renders:
        return match(Status.ALTERED, reasons)
    if trivial and (kept >= MIN_KEPT or (kept >= MIN_TRUNCATED and len(p) >= MIN_TRUNCATED_WORDS)):
        return match(Status.CLOSE, sorted(set(notes)))
    if direct and quoted and renders:
        changed = [f"{' '.join(q_words[slice(*r.removed)]) or '∅'} → {' '.join(p_words[slice(*r.added)]) or '∅'}"
                   for r in runs if r not in cut]
        return match(Status.ALTERED, ("words changed: " + "; ".join(changed),))
    if related:
        return match(Status.PARAPHRASE, ())
    return None
