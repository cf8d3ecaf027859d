"""One statement against one candidate window: where exactly it matches, the word diff,
what differs (typed reasons) and which status that makes (or no match at all).

The passage is the densest run of matching words, in one sentence of the window or
across both, whichever matches best; when it lies inside quotation marks, it is the
quoted words (so "Reed said" between two halves of a quotation is not part of it).

The word diff is cut into runs (what the article has, what the other outlet has
instead), and each run is judged as a copy editor would:
* the same words in another form (contractions, figures for number words, "min" for
  "minute"), words cut from an end, filler words, words left out where one side marks
  the omission with an ellipsis: trivial;
* a negation dropped or added, or one word of an antonym pair for the other ("rose" /
  "fell", "in line" / "at odds"): the passages say opposite things;
* a figure or date in the same place changed: altered;
* a qualifier, a stronger word, a name, other words: altered where the other outlet
  claims the same words (a quotation) or both report indirectly.
Words the other outlet writes outside its quotation marks are its own, not the quote's.

Then the status, in order: the same words: verbatim; opposite meaning: contradicted;
a changed figure or date, or a meaningful change to words both sides claim: altered;
only trivial edits: close; otherwise enough content words in common, in any order:
paraphrase.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from ..model import Change, Reason, ReasonKind, Span, Status
from .index import telling_figure
from .lexicons import MatchLexicons
from .tokens import Token, Words, ellipsis_after

GAP = 8  # words of other text that may separate two pieces of one matching passage
EDGE_CUT = 3  # a cut of at least this many words at an end is truncation, not a change
PARAPHRASE_SHARE = 0.6  # of the statement's content words, for a paraphrase
PARAPHRASE_WORDS = 3  # ... and at least this many of them (or all, if it has fewer)
PARAPHRASE_DENSITY = 0.35  # ... and this share of the passage's content words are the statement's
FIGURE_SHARE = 0.35  # ... or this share each way when they share a figure
MIN_MATCHED = 2.5  # content words (weighted) a passage must share with the statement
RENDER_DENSITY = 0.5  # of the passage's content words, in order with the statement's, to render it
MIN_KEPT = 0.5  # of the statement's words, for the passage to render it closely
FAITHFUL = 0.8  # of all the statement's words, in order: a rendering even of common words
FAITHFUL_WORDS = 8  # ... when at least this many
MIN_TRUNCATED = 0.3  # a truncated quotation keeps at least this share ...
MIN_TRUNCATED_WORDS = 4  # ... and this many words
CONTRADICTING = (ReasonKind.NEGATION, ReasonKind.ANTONYM)
STRONG = (ReasonKind.NUMBER, ReasonKind.DATE)
TRIVIAL = (ReasonKind.SPELLING, ReasonKind.TRUNCATED, ReasonKind.FILLER, ReasonKind.ELLIPSIS,
           ReasonKind.WORD_ORDER)


@dataclass(frozen=True, slots=True)
class Match:
    status: Status
    passage: Span  # in the coverage text
    diff: tuple[tuple[str, str], ...]
    score: float
    reasons: tuple[Reason, ...]
    quoted: bool
    tokens: tuple[Token, ...]  # the passage's words
    renders: bool  # the passage has the statement's words in order (not only in any order)


@dataclass(frozen=True, slots=True)
class Said:
    """The article's side of a comparison (a statement's words, or them with the rest of
    their sentence), prepared once per statement."""

    tokens: tuple[Token, ...]
    text: str  # the text the tokens index
    stems: Counter[str]
    direct: bool  # the article quotes it
    gaps: frozenset[int]  # ellipses: after which token the article left words out
    names: frozenset[str | None]  # stems of its words that are part of a name
    wide: bool = False  # the content with the rest of its sentence: quotation marks do not bound it

    def __len__(self) -> int:
        """Characters from the first word to the last."""
        return self.tokens[-1].end - self.tokens[0].start if self.tokens else 0


@dataclass(frozen=True, slots=True)
class Window:
    """The coverage side: a window's words in its text."""

    tokens: Sequence[Token]
    text: str
    split: int | None  # where the window's second sentence starts
    quotes: Sequence[Span]  # the text's quotations (inner spans)


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


def _around_best(qn: list[str], wn: list[str]) -> tuple[int, int]:
    """Where in a long window the statement's words sit: the best place for a run as
    long as the statement (rapidfuzz's partial alignment, words as characters), with
    room on both sides for words the other outlet adds. An alignment over the whole
    window would take a "the" or "state" from a paragraph before."""
    if len(wn) <= len(qn) * 3 // 2:
        return 0, len(wn)
    code: dict[str, str] = {}
    qs = "".join(code.setdefault(x, chr(0x100 + len(code))) for x in qn)
    ws = "".join(code.setdefault(x, chr(0x100 + len(code))) for x in wn)
    found = fuzz.partial_ratio_alignment(qs, ws)
    if found is None:
        return 0, len(wn)
    room = max(3, len(qn) // 2)
    return max(0, found.dest_start - room), min(len(wn), found.dest_end + room)


def _passage_range(qn: list[str], w: Sequence[Token], text: str,
                   cues: frozenset[str]) -> tuple[int, int] | None:
    """The token range of ``w`` that matches: the densest group of matching blocks,
    widened over words that replace the statement's first or last words."""
    wn = _norms(w)
    at, to = _around_best(qn, wn)
    ops = Indel.opcodes(qn, wn[at:to])
    blocks = [(op.src_start, op.src_end, op.dest_start + at, op.dest_end + at) for op in ops if op.tag == "equal"]
    if not blocks:
        return None
    # Matched words from each block on, while blocks follow within two words.
    ahead = [b[1] - b[0] for b in blocks]
    for k in range(len(blocks) - 2, -1, -1):
        if blocks[k + 1][2] - blocks[k][3] <= 2:
            ahead[k] += ahead[k + 1]
    groups: list[list[tuple[int, int, int, int]]] = [[blocks[0]]]
    for k, block in enumerate(blocks[1:], 1):
        gap = w[groups[-1][-1][3]:block[2]]
        # A passage runs on over an attribution ("...," Hege said, "...") only into a
        # run of the statement's words, not into a stray "this is" of the next quotation.
        if len(gap) > GAP or (ahead[k] < 3 and any(t.norm in cues for t in gap)):
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
                out[t.start] = k
                break
    return out


def _in_quotes(p: Sequence[Token], w: Sequence[Token], where: dict[int, int]) -> list[Token] | None:
    """When most of the passage lies inside quotation marks: the words of those quotations."""
    hit = {where[t.start] for t in p if t.start in where}
    inside = sum(t.start in where for t in p)
    if not hit or inside < 0.5 * len(p):
        return None
    return [t for t in w if where.get(t.start, -1) in hit]


def _best_passage(qn: list[str], win: Window, cues: frozenset[str],
                  where: dict[int, int], wide: bool) -> tuple[list[Token], bool] | None:
    w, text = win.tokens, win.text
    subs = [(0, len(w))]
    if win.split is not None:
        k = next((i for i, t in enumerate(w) if t.start >= win.split), len(w))
        subs = [(0, k), (k, len(w)), (0, len(w))]
    best = None
    for lo, hi in subs:
        ws = w[lo:hi]
        found = _passage_range(qn, ws, text, cues) if ws else None
        if found is None:
            continue
        p = list(ws[found[0]:found[1]])
        quoted = _in_quotes(p, w, where)
        if quoted and not wide:  # a mixed statement's passage is not bounded by quotation marks
            p = quoted
        pn = _norms(p)
        # Similarity, not matched words alone: a window that adds a stray "the" from the
        # sentence before must not beat the sentence that holds the statement.
        key = (round(Indel.normalized_similarity(qn, pn), 6), LCSseq.similarity(qn, pn))
        if best is None or key > best[0]:
            best = (key, p, quoted is not None)
    return None if best is None else (best[1], best[2])


def _tighten(qn: list[str], p: list[Token]) -> list[Token]:
    """Drop words before the statement's first word or after its last where the
    alignment took an earlier (or later) copy of it: "He said he wasn't concerned" for
    "he wasn't concerned". Words that replace the first or last word stay."""
    lo, hi = 0, len(p)
    pn = _norms(p)
    best = Indel.distance(qn, pn)
    for k in range(1, min(4, len(p))):
        if pn[k] == qn[0] and (d := Indel.distance(qn, pn[k:])) < best:
            lo, best = k, d
            break
    for k in range(1, min(4, hi - lo)):
        if pn[hi - 1 - k] == qn[-1] and (d := Indel.distance(qn, pn[lo:hi - k])) < best:
            hi, best = hi - k, d
            break
    return p[lo:hi]


def _trim_extra(qn: list[str], p: list[Token]) -> list[Token]:
    """Drop words the other outlet has beyond either end of the statement (the article
    quoting a fragment of a longer quotation). Words that replace the statement's first
    or last words stay: they are a change, not extra."""
    ops = list(Indel.opcodes(qn, _norms(p)))
    lo, hi = 0, len(p)
    head = list(ops[: next((k for k, op in enumerate(ops) if op.tag == "equal"), len(ops))])
    if head and all(op.tag == "insert" for op in head):
        lo = head[-1].dest_end
    tail_start = next((k for k in range(len(ops) - 1, -1, -1) if ops[k].tag == "equal"), -1) + 1
    tail = list(ops[tail_start:])
    if tail and all(op.tag == "insert" for op in tail):
        hi = tail[0].dest_start
    return p[lo:hi] if lo < hi else p


def _kept(ops: list[tuple[str, int, int, int, int]], q: Sequence[Token], p: Sequence[Token],
          words: Words) -> tuple[float, float, float]:
    """How far the passage renders the statement in order, on content words weighted
    (common ones count half; "he", "of this" lining up say nothing): the share of the
    statement's weight matched, that weight (0 when only a name matches: "Secretary of
    State Mike Pompeo" is no statement), and the share of the passage's."""
    wq = [words.weight(t.norm) for t in q]
    total = sum(wq)
    if not total:
        return 0.0, 0.0, 0.0
    same = [i for tag, i1, i2, _, _ in ops if tag == "equal" for i in range(i1, i2)]
    matched = sum(wq[i] for i in same)
    plain = sum(wq[i] for i in same if not q[i].name)
    in_passage = sum(words.weight(t.norm) for t in p)
    return matched / total, matched if plain >= 1 else 0.0, matched / in_passage if in_passage else 0.0


def _word_for_word(ops: list[tuple[str, int, int, int, int]], n: int) -> bool:
    """Most of a longer statement's words, common ones too, in order: "We cannot wait for
    the next disaster to decide for us" renders "... the next storm ..." although its
    content words are few and common."""
    same = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    return same >= FAITHFUL_WORDS and same >= FAITHFUL * n


def _related(st: Said, p: Sequence[Token], words: Words) -> tuple[bool, float]:
    """Enough of the statement's content words in the passage, in any order, and
    enough of the passage's in the statement: a paraphrase, not a few shared words
    lost in a long sentence, nor a name alone. Also a score for choosing the tightest
    passage."""
    q_stems = st.stems
    p_stems = set(words.token_stems(p))
    names = st.names | {words.stem(t.norm) for t in p if t.name}
    shared = set(q_stems) & p_stems
    wq = sum(words.stem_weight(s) for s in q_stems)
    wp = sum(words.stem_weight(s) for s in p_stems)
    ws = sum(words.stem_weight(s) for s in shared)
    plain = sum(words.stem_weight(s) for s in shared - names)
    if not wq or not wp:
        return False, 0.0
    ok = (ws >= PARAPHRASE_SHARE * wq and ws >= PARAPHRASE_DENSITY * wp and ws >= MIN_MATCHED and plain >= 1
          and len(shared) >= min(PARAPHRASE_WORDS, len(q_stems)))
    # A figure both report ("28 people ... quarantined") makes a smaller share enough.
    figure = any(telling_figure(x) for x in shared)
    ok = ok or (figure and ws >= FIGURE_SHARE * wq and ws >= FIGURE_SHARE * wp and plain >= MIN_MATCHED)
    return ok, 2 * ws / (wq + wp)



Op = tuple[str, int, int, int, int]


def _slide(ops: list[Op], qn: Sequence[str], pn: Sequence[str]) -> list[Op]:
    """One deletion (or insertion) rather than two around a few words that also end the
    second: "but [this is] also ... there this is" reads as one cut before the second
    "this is", as a copy editor sees it (both are longest common subsequences)."""
    out = list(ops)
    k = 0
    while k + 2 < len(out):
        a, e, b = out[k], out[k + 1], out[k + 2]
        if e[0] == "equal" and a[0] == b[0] == "delete":
            n = e[2] - e[1]
            if b[2] - b[1] >= n and list(qn[e[1]:e[2]]) == list(qn[b[2] - n:b[2]]):
                out[k:k + 3] = [("delete", a[1], b[2] - n, a[3], a[4]), ("equal", b[2] - n, b[2], e[3], e[4])]
                out = _joined_ops(out)
                k = max(0, k - 1)
                continue
        if e[0] == "equal" and a[0] == b[0] == "insert":
            n = e[4] - e[3]
            if b[4] - b[3] >= n and list(pn[e[3]:e[4]]) == list(pn[b[4] - n:b[4]]):
                out[k:k + 3] = [("insert", a[1], a[2], a[3], b[4] - n), ("equal", e[1], e[2], b[4] - n, b[4])]
                out = _joined_ops(out)
                k = max(0, k - 1)
                continue
        k += 1
    return out


def _joined_ops(ops: list[Op]) -> list[Op]:
    out: list[Op] = []
    for op in ops:
        if out and out[-1][0] == op[0] and out[-1][2] == op[1] and out[-1][4] == op[3]:
            out[-1] = (op[0], out[-1][1], op[2], out[-1][3], op[4])
        elif op[1] != op[2] or op[3] != op[4]:
            out.append(op)
    return out


def _runs(qn: Sequence[str], pn: Sequence[str]) -> tuple[list[_Run], list[tuple[str, int, int, int, int]]]:
    ops = _slide([(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
                  for op in Indel.opcodes(qn, pn)], qn, pn)
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
    return runs, ops


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


def _between_quotes(p: Sequence[Token], at: int, where: dict[int, int]) -> bool:
    """Position ``at`` of the passage is where one of its quotations ends and another
    begins: words cut there are cut at the end of a quotation."""
    if not 0 < at < len(p):
        return False
    before, after = where.get(p[at - 1].start), where.get(p[at].start)
    return before is not None and after is not None and before != after


def _attribution(tokens: Sequence[Token], lex: MatchLexicons) -> bool:
    """A cue with a name or a pronoun, and nothing else but function words: "Graham
    said", "she added", "according to Alex Horton of the Washington Post"."""
    return (len(tokens) <= 10 and any(t.norm in lex.attribution for t in tokens)
            and any(t.name or t.norm in lex.pronouns for t in tokens)
            and all(t.norm in lex.attribution or t.name or t.norm in lex.pronouns or t.norm in lex.stopwords
                    for t in tokens))


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i:i + n] == phrase for i in range(len(words) - n + 1))


def _antonym(removed: Sequence[str], added: Sequence[str], words: Words) -> tuple[str, str] | None:
    """The antonym pair one side of the run uses against the other, if any."""
    r, a = words.phrase_stems(removed), words.phrase_stems(added)
    present = {*r, *a}
    for one, other, x, y in words.antonyms:
        if x[0] not in present or y[0] not in present:  # the pair cannot be there: skip the look
            continue
        if (_contains(r, x) and _contains(a, y) and not _contains(a, x)) or \
           (_contains(r, y) and _contains(a, x) and not _contains(a, y)):
            return one, other
    return None


def _is_number(word: str) -> bool:
    return word[:1].isdigit()


def _judge_run(removed: list[str], added: list[str], said: tuple[str, ...], written: tuple[str, ...],
               names: bool, words: Words) -> list[Reason]:
    """What a run that is not trivial changes: typed reasons, meaning first."""
    lex = words.lex
    rc, ac = words.canon(removed), words.canon(added)
    out = []
    neg_r = sum(w in lex.negations for w in rc)
    neg_a = sum(w in lex.negations for w in ac)
    pair = _antonym(removed, added, words) if removed and added else None
    if (neg_r - neg_a) % 2 and pair is None:
        out.append(Reason(ReasonKind.NEGATION, Change.DROPPED if neg_r > neg_a else Change.ADDED,
                          said, written))
    elif pair is not None and not (neg_r - neg_a) % 2:
        out.append(Reason(ReasonKind.ANTONYM, Change.CHANGED, said, written))
    # A negation dropped together with an antonym ("not in line" / "at odds") says the
    # same thing: two flips, no contradiction.
    if removed and added:
        # A figure changes only where the other side has one in the same place.
        num_r, num_a = [w for w in rc if _is_number(w)], [w for w in ac if _is_number(w)]
        if (num_r or num_a) and num_r != num_a:
            out.append(Reason(ReasonKind.NUMBER, Change.CHANGED, said, written))
        date_r = [w for w in rc if w in lex.date_words]
        date_a = [w for w in ac if w in lex.date_words]
        if date_r and date_a and date_r != date_a:
            out.append(Reason(ReasonKind.DATE, Change.CHANGED, said, written))
    q_r = [w for w in rc if w in lex.qualifiers]
    q_a = [w for w in ac if w in lex.qualifiers]
    if Counter(q_r) != Counter(q_a):
        gone, new = list((Counter(q_r) - Counter(q_a)).elements()), list((Counter(q_a) - Counter(q_r)).elements())
        change = Change.CHANGED if gone and new else Change.DROPPED if gone else Change.ADDED
        out.append(Reason(ReasonKind.QUALIFIER, change, tuple(gone), tuple(new)))
    stronger = Counter(w for w in ac if w in lex.intensifiers) - Counter(w for w in rc if w in lex.intensifiers)
    if stronger:
        out.append(Reason(ReasonKind.STRONGER, Change.ADDED, (), tuple(stronger.elements())))
    if removed and added and names:
        out.append(Reason(ReasonKind.NAME, Change.CHANGED, said, written))
    if not out:
        kind = (ReasonKind.WORDS_CHANGED if removed and added
                else ReasonKind.WORDS_OMITTED if removed else ReasonKind.WORDS_ADDED)
        change = Change.CHANGED if removed and added else Change.DROPPED if removed else Change.ADDED
        out.append(Reason(kind, change, said, written))
    return out


def _order_free_passage(st: Said, win: Window, words: Words) -> list[Token] | None:
    """For a paraphrase: the sentence of the window (or both) that shares the most of
    its content words with the statement, for its length."""
    w = win.tokens
    subs = [(0, len(w))]
    if win.split is not None:
        k = next((i for i, t in enumerate(w) if t.start >= win.split), len(w))
        subs = [(0, k), (k, len(w)), (0, len(w))]
    best, best_key = None, (False, 0.0)
    for lo, hi in subs:
        part = _compact(st, w[lo:hi], words)
        if part:
            key = _related(st, part, words)
            if key > best_key:
                best, best_key = list(part), key
    return best if best_key[0] else None


def _compact(st: Said, part: Sequence[Token], words: Words) -> Sequence[Token]:
    """The stretch of ``part`` from the first to the last of the statement's content
    words in it (not the rest of a long sentence)."""
    at = [k for k, t in enumerate(part) if words.stem(t.norm) in st.stems]
    return part[at[0]:at[-1] + 1] if at else part[:0]


def classify(st: Said, win: Window, words: Words, min_matched: float = MIN_MATCHED) -> Match | None:
    """Compare a statement with a window of a coverage text. ``min_matched``: the content
    words (weighted) the passage must share, less where a longer passage already holds."""
    lex = words.lex
    q = st.tokens
    qn = _norms(q)
    if not win.tokens or not qn:
        return None
    where = _quote_of(win.tokens, win.quotes)
    chosen = _best_passage(qn, win, lex.cues, where, st.wide)
    if chosen is None:
        return None
    p, quoted = chosen
    q_long, p_long = words.canon(qn), words.canon(_norms(p))
    reordered = q_long != p_long and sorted(q_long) == sorted(p_long)
    if not reordered:
        p = _trim_extra(qn, _tighten(qn, p))
    pn = _norms(p)
    runs, ops = _runs(qn, pn)
    kept, matched, dense = _kept(ops, q, p, words)
    renders = ((kept >= MIN_KEPT or (quoted and kept >= MIN_TRUNCATED)) and matched >= min_matched
               and (matched > 0 or not min_matched) and dense >= RENDER_DENSITY) or _word_for_word(ops, len(qn))
    related = _related(st, p, words)[0]
    if not renders and not related:
        # Reworded: look for the content words in any order.
        loose = _order_free_passage(st, win, words)
        if loose is None:
            return None
        p, quoted, related = loose, False, True
        pn = _norms(p)
        runs, ops = _runs(qn, pn)
        kept, matched, dense = _kept(ops, q, p, words)

    q_words = [st.text[t.start:t.end] for t in q]
    p_words = [win.text[t.start:t.end] for t in p]
    passage = Span(p[0].start, p[-1].end)
    score = round(Indel.normalized_similarity(qn, pn) * 100, 1)
    diff = _diff(ops, q_words, p_words)

    def match(status: Status, reasons: Sequence[Reason]) -> Match:
        return Match(status, passage, diff, score, tuple(reasons), quoted, tuple(p), renders)

    if not runs:
        return match(Status.VERBATIM, ())
    if reordered:
        return match(Status.CLOSE, (Reason(ReasonKind.WORD_ORDER),))

    # Words the other outlet writes outside its quotation marks (an age, "he said") are
    # its own words, not a change to the quote.
    some_quoted = any(t.start in where for t in p)
    p_gaps = _gaps_of(win.text, p)
    cut = [r for r in runs if r.at_edge and r.added[0] == r.added[1] and r.removed[1] - r.removed[0] >= EDGE_CUT]
    # Changed words count where the other outlet claims the same words (a quotation) or
    # both report indirectly: an indirect rendering of a quotation rewords freely.
    faithful = quoted or not st.direct
    reasons: list[Reason] = []
    trivial = True
    for r in runs:
        removed, added = qn[slice(*r.removed)], pn[slice(*r.added)]
        said, written = tuple(q_words[slice(*r.removed)]), tuple(p_words[slice(*r.added)])
        added_tokens = p[slice(*r.added)]
        if not removed and some_quoted and added_tokens and all(t.start not in where for t in added_tokens):
            continue
        if not removed and _attribution(added_tokens, lex):
            continue  # "..., Graham said, ...": the other outlet's attribution, not the statement's words
        if words.canon(removed) == words.canon(added):
            reasons.append(Reason(ReasonKind.SPELLING, Change.CHANGED, said, written))
        elif not added and (r.added[0] - 1) in p_gaps:
            reasons.append(Reason(ReasonKind.ELLIPSIS, Change.DROPPED, said, ()))
        elif not removed and (r.removed[0] - 1) in st.gaps:
            reasons.append(Reason(ReasonKind.ELLIPSIS, Change.ADDED, (), written))
        elif r in cut or (r.at_edge and not added and not any(
                wd in lex.negations or wd in lex.qualifiers for wd in words.canon(removed))) or (
                not added and _between_quotes(p, r.added[0], where)):
            reasons.append(Reason(ReasonKind.TRUNCATED, Change.DROPPED, said, ()))
        elif all(wd in lex.fillers for wd in removed + added):
            reasons.append(Reason(ReasonKind.FILLER, Change.DROPPED if removed else Change.ADDED, said, written))
        else:
            trivial = False
            names = any(t.name and t.norm not in lex.date_words and not _is_number(t.norm)
                        for t in (*q[slice(*r.removed)], *added_tokens))
            reasons += _judge_run(removed, added, said, written, names, words)

    reasons = _merged(reasons)
    meaning = [x for x in reasons if x.kind not in TRIVIAL]
    opposite = [x for x in meaning if x.kind in CONTRADICTING]
    strong = [x for x in meaning if x.kind in STRONG]
    judged = [x for x in meaning if x.kind not in (ReasonKind.WORDS_CHANGED, ReasonKind.WORDS_OMITTED,
                                                    ReasonKind.WORDS_ADDED)]
    close_enough = (renders and kept >= MIN_KEPT) or related
    if opposite and close_enough:
        return match(Status.CONTRADICTED, meaning if faithful and renders else opposite)
    if strong and (renders or related):
        return match(Status.ALTERED, meaning if faithful and renders else strong)
    if judged and faithful and renders:
        return match(Status.ALTERED, meaning)
    if trivial and renders and not reasons:  # only the other outlet's attribution in between
        return match(Status.VERBATIM, ())
    if trivial and renders and (kept >= MIN_KEPT or len(p) >= MIN_TRUNCATED_WORDS):
        return match(Status.CLOSE, _unique(reasons))
    if st.direct and quoted and renders:
        return match(Status.ALTERED, meaning)
    if related:
        return match(Status.PARAPHRASE, ())
    return None


def _gaps_of(text: str, tokens: Sequence[Token]) -> frozenset[int]:
    return frozenset(ellipsis_after(text, tokens))


def _unique(reasons: Sequence[Reason]) -> list[Reason]:
    """Trivial reasons once each, in a stable order (truncated at both ends is one)."""
    seen: dict[tuple, Reason] = {}
    for r in reasons:
        key = (r.kind, r.change, r.before, r.after) if r.kind is not ReasonKind.TRUNCATED else (r.kind,)
        seen.setdefault(key, r if r.kind is not ReasonKind.TRUNCATED else Reason(ReasonKind.TRUNCATED))
    return sorted(seen.values(), key=lambda r: (r.kind.value, r.change.value, r.before, r.after))


def _merged(reasons: Sequence[Reason]) -> list[Reason]:
    """Qualifiers and stronger words found in several runs as one reason each way
    ("qualifier dropped: may, always")."""
    out: list[Reason] = []
    for r in reasons:
        if r.kind in (ReasonKind.QUALIFIER, ReasonKind.STRONGER) and r.change is not Change.CHANGED:
            prev = next((x for x in out if x.kind is r.kind and x.change is r.change), None)
            if prev is not None:
                out[out.index(prev)] = Reason(r.kind, r.change, prev.before + r.before, prev.after + r.after)
                continue
        out.append(r)
    return out
