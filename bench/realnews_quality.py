#!/usr/bin/env python3
"""Who said what on real outlet pages: the engine against the hand-annotated gold.

    python bench/realnews_quality.py [--split dev|dev2|heldout|all] [--details] [--pages N]

Runs the real pipeline in process (``attrib.Checker``, reading each page of
../shared/corpora/realnews/html as ``attrib check PAGE`` does) over bench/realnews/
{dev,dev2,heldout}.json (dev and dev2 are for tuning, heldout for measuring only:
``--details`` lists its errors only when it is asked for by name) and scores every page with the shared scorer's own functions
(../shared/eval/score_realnews.py, imported by path, so the figures are the ones the
scorer prints when it runs the command line):

* strict P/R/F1: a statement counts when its content covers the gold anchor (the
  scorer's 50 % rule) and its speaker is the gold one;
* detection P/R/F1: the content alone; speaker accuracy: strict-found / found gold;
  kind accuracy among found gold;
* speaker confidence calibration: for every found gold item, the confidence of the
  statement that matched it, by band, and how often the speaker is right in each band;
* counts per error class of issue 8, classified as follows (one class per error):

  speaker errors (a gold item found, never with the right speaker), by the statement's
  source: a pronoun resolved to a word naming no one on the page ("pronoun to a
  non-person word"), to another person or body of the page ("pronoun to the wrong
  entity"), or left as it stands ("pronoun unresolved"); a name whose next word in the
  text belongs to the gold name and whose last word is a title, or a source that runs
  over a sentence break ("name cut at a title"); otherwise "other wrong speaker";

  misses (a required gold item no statement covers): the anchor on a bullet line or in
  a paragraph right after one ending in a colon ("bullets lost"); a gold item with no
  cue of its own ("continuation paragraph lost"); a statement overlapping the anchor
  without covering half of it ("content cut short"); otherwise "missing cue";

  pieces lost from found items (not counted by the scorer, but seen by a reader): a
  ``content_extra`` of the gold that no statement of the item covers, in the anchor's
  paragraph ("second half of an interrupted quote lost") or in a later one
  ("continuation paragraph lost", "bullets lost" on a bullet line);

  false positives: a statement reaching into a required gold item's content without
  matching it ("content runs on" when most of it lies outside, else "content cut
  short"); otherwise "non-attribution cue" (a headline statement is counted there too,
  and listed as such with --details);

  a found statement whose content covers half or more of another gold item's anchor
  with a different speaker: "content runs on" (it swallowed the next attribution);

  source type: a found gold item whose matching statements all give another type than
  the gold's ("source type wrong"; unknown counts as wrong).

The flag figures of the shared scorer are not printed here (bench/flag_quality.py and
the scorer itself report them).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import attrib
from _common import ROOT, SHARED
from attrib.render import render

PAGES = SHARED / "corpora" / "realnews" / "html"
SCORER_PATH = SHARED / "eval" / "score_realnews.py"
GOLD = ROOT / "bench" / "realnews"
SPLITS = ("dev", "dev2", "heldout")
BANDS = ((0.9, 1.01), (0.75, 0.9), (0.5, 0.75), (0.0, 0.5))
CLASSES = (
    "pronoun to a non-person word", "pronoun to the wrong entity", "pronoun unresolved",
    "name cut at a title", "other wrong speaker", "content runs on", "content cut short",
    "second half of an interrupted quote lost", "continuation paragraph lost", "bullets lost",
    "non-attribution cue", "missing cue", "source type wrong",
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "his", "its", "their", "who"])
_BULLETS = tuple("•·*-–—▪●◦")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_realnews", SCORER_PATH)
    if spec is None or spec.loader is None:
        raise ImportError(SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Result:
    """Totals over pages, in the scorer's terms, with error classes and calibration."""

    totals: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    bands: dict[tuple[float, float], list[int]] = field(default_factory=dict)  # band -> [right, all]
    pages: list[dict[str, Any]] = field(default_factory=list)
    details: list[tuple[str, str, str]] = field(default_factory=list)  # page, class, what
    type_pairs: Counter[str] = field(default_factory=Counter)  # "gold -> given" for wrong types
    by_resolution: dict[str, list[int]] = field(default_factory=dict)  # resolution -> [right, all]

    def figures(self, sc: ModuleType) -> dict[str, float]:
        t = self.totals
        det = sc.prf(t["tp_pred"], t["n_pred"], t["tp_gold"], t["n_gold"])
        strict = sc.prf(t["tp_pred_strict"], t["n_pred"], t["tp_gold_strict"], t["n_gold"])
        return {"strict_p": strict[0], "strict_r": strict[1], "strict_f1": strict[2],
                "detect_p": det[0], "detect_r": det[1], "detect_f1": det[2],
                "speaker_accuracy": t["tp_gold_strict"] / t["tp_gold"] if t["tp_gold"] else 0.0,
                "kind_accuracy": t["kind_ok"] / t["kind_checked"] if t["kind_checked"] else 0.0}


def gold_pages(split: str) -> list[dict[str, Any]]:
    names = SPLITS if split == "all" else (split,)
    out = []
    for name in names:
        out += json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["pages"]
    return out


def measure(pages: list[dict[str, Any]], checker: attrib.Checker | None = None) -> Result:
    sc = load_scorer()
    checker = checker or attrib.Checker()
    result = Result(bands={b: [0, 0] for b in BANDS})
    keys = ("n_gold", "n_pred", "tp_pred", "tp_gold", "tp_pred_strict", "tp_gold_strict",
            "kind_checked", "kind_ok", "ignored_optional", "duplicates")
    for page in pages:
        report = checker.check(checker.read(PAGES / page["file"]))
        rep = json.loads(render(report, "json"))
        scored = sc.score_page(page, rep, None)
        result.pages.append(scored)
        for k in keys:
            result.totals[k] += scored[k]
        _classify(sc, page, rep, scored, result)
    return result


def _line_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _bulleted(text: str, pos: int) -> bool:
    """On a bullet line, or in a paragraph right after one that ends in a colon."""
    start, _ = _line_of(text, pos)
    if text[start:start + 2].lstrip()[:1] in _BULLETS:
        return True
    prev = text[:max(start - 1, 0)].rstrip()
    return prev.endswith(":")


def _classify(sc: ModuleType, page: dict[str, Any], rep: dict[str, Any], scored: dict[str, Any],
              result: Result) -> None:
    text = rep["article"]["text"]
    name = page["file"]
    title_end = text.find("\n")
    statements = {st["id"]: st for st in rep["statements"]}
    spans = {sid: sc.pred_spans(st, text) for sid, st in statements.items()}
    golds = []
    for g in page["attributions"]:
        loc = sc.locate(text, g["content"])
        extras = [e for e in (sc.locate(text, x) for x in g.get("content_extra") or []) if e]
        golds.append((g, loc, extras))
    required = [(g, loc, extras) for g, loc, extras in golds if loc and not g.get("optional")]

    def note(cls: str, what: str) -> None:
        result.errors[cls] += 1
        result.details.append((name, cls, what))

    # which statements match which gold item (the scorer's 50 % rule on the anchor)
    matched: dict[str, list[str]] = {}
    for g, loc, _ in required:
        for sid, sp in spans.items():
            if sp and sc.overlap(sp, loc) >= 0.5 * (loc[1] - loc[0]):
                matched.setdefault(g["id"], []).append(sid)

    # calibration: each found item, by the confidence of its best-placed statement
    for g, _loc, _ in required:
        sids = matched.get(g["id"])
        if not sids:
            continue
        best = max(sids, key=lambda s: statements[s]["source"].get("confidence", 1.0))
        conf = float(statements[best]["source"].get("confidence", 1.0))
        right = sc.speaker_ok(g, statements[best])
        for band in BANDS:
            if band[0] <= conf < band[1]:
                result.bands[band][0] += int(right)
                result.bands[band][1] += 1
                break
        how = result.by_resolution.setdefault(str(statements[best]["source"].get("resolution")), [0, 0])
        how[0] += int(right)
        how[1] += 1

    page_speakers = [t for g, _, _ in golds
                     for s in [g["speaker"], *(g.get("speaker_alts") or [])] for t in [sc.tokens(s)]]
    seen = set()
    for err in scored["speaker_errors"]:
        if err["gold"] in seen:
            continue
        seen.add(err["gold"])
        st = statements.get(err["statement"], {})
        src = st.get("source") or {}
        said = str(src.get("text") or "").lower()
        predicted = err["predicted"]
        what = f"{err['gold']}: gold {err['gold_speaker']!r}, said {src.get('text')!r} -> {predicted!r}"
        gold = next(g for g, _, _ in golds if g["id"] == err["gold"])
        if said in _PRONOUNS and not str(src.get("text") or "").isupper():
            toks = sc.tokens(predicted)
            if not src.get("resolved") or predicted.lower() == said:
                note("pronoun unresolved", what)
            elif any(sc.contains(toks, s) for s in page_speakers if s):
                note("pronoun to the wrong entity", what)
            else:
                note("pronoun to a non-person word", what)
            continue
        span = src.get("span")
        after = text[span[1]:span[1] + 40].split() if span else []
        gold_tokens = set(sc.tokens(gold["speaker"])) | {t for a in gold.get("speaker_alts") or []
                                                         for t in sc.tokens(a)}
        last = said.rstrip(".").split()[-1:] if said else []
        cut = bool(after) and bool(last) and last[0] in sc.TITLES and \
            sc.tokens(after[0])[:1] and sc.tokens(after[0])[0] in gold_tokens
        if cut or (span and ". " in text[span[0]:span[1]]):
            note("name cut at a title", what)
        else:
            note("other wrong speaker", what)

    for miss in scored["missed"]:
        g, loc, _ = next(x for x in golds if x[0]["id"] == miss["id"])
        what = f"{g['id']}: {g['speaker']!r}: {g['content'][:80]!r}"
        if loc is None:
            continue  # the scorer reports unlocated anchors on its own
        if _bulleted(text, loc[0]):
            note("bullets lost", what)
        elif g.get("cue") is None:
            note("continuation paragraph lost", what)
        elif any(sp and sc.overlap(sp, loc) > 0 for sp in spans.values()):
            note("content cut short", what)
        else:
            note("missing cue", what)

    for g, loc, extras in required:
        sids = matched.get(g["id"])
        if not sids:
            continue
        mine = [p for s in sids for p in spans[s]]
        # pieces of the same attribution
        para = _line_of(text, loc[0])
        for e in extras:
            others = [p for s, sp in spans.items() for p in sp if sc.speaker_ok(g, statements[s])]
            if sc.overlap(mine + others, e) >= 0.5 * (e[1] - e[0]):
                continue
            what = f"{g['id']}: {text[e[0]:e[1]][:80]!r}"
            if para[0] <= e[0] < para[1]:
                note("second half of an interrupted quote lost", what)
            elif _bulleted(text, e[0]):
                note("bullets lost", what)
            else:
                note("continuation paragraph lost", what)
        # swallowing another attribution
        for g2, loc2, _ in required:
            if g2["id"] == g["id"] or not any(sc.overlap(spans[s], loc2) >= 0.5 * (loc2[1] - loc2[0])
                                               for s in sids):
                continue
            if not any(sc.speaker_ok(g2, statements[s]) for s in sids) and sc.tokens(g2["speaker"]) != \
                    sc.tokens(g["speaker"]):
                note("content runs on", f"{g['id']} swallows {g2['id']} ({g2['speaker']!r})")
        # source type
        want = g.get("speaker_type")
        if want and not any(statements[s]["source"].get("type") == want for s in sids):
            types = sorted({statements[s]["source"].get("type") for s in sids})
            result.type_pairs[f"{want} -> {', '.join(types)}"] += 1
            note("source type wrong", f"{g['id']}: {g['speaker']!r} gold {want}, given {', '.join(types)}")

    for fp in scored["false_positives"]:
        sid = fp.get("statement")
        sp = spans.get(sid) or []
        what = f"{sid}: {fp.get('source', '')!r}: {fp['content'][:80]!r}"
        touching = [(loc, ex) for g, loc, ex in required if sc.overlap(sp, loc) > 0]
        if sp and touching:
            loc, ex = touching[0]
            inside = sum(sc.overlap(sp, x) for x in sc.merge([loc, *ex]))
            note("content runs on" if inside < 0.5 * sc.span_len(sp) else "content cut short", what)
        elif sp and title_end >= 0 and sp[0][0] < title_end:
            note("non-attribution cue", "(headline) " + what)
        else:
            note("non-attribution cue", what)


def show(result: Result, sc: ModuleType, label: str, details: bool) -> None:
    f = result.figures(sc)
    print(f"{label}: {len(result.pages)} pages, {result.totals['n_gold']} required attributions, "
          f"{result.totals['n_pred']} statements scored")
    print(f"{'page':<46}{'gold':>5}{'pred':>5}  {'detect P/R/F1':<16}  {'strict P/R/F1':<16} {'spk':>5}")
    for r in result.pages:
        d = sc.prf(r["tp_pred"], r["n_pred"], r["tp_gold"], r["n_gold"])
        s = sc.prf(r["tp_pred_strict"], r["n_pred"], r["tp_gold_strict"], r["n_gold"])
        spk = r["tp_gold_strict"] / r["tp_gold"] if r["tp_gold"] else 0.0
        warn = f"  {len(r['gold_unlocated'])} gold unlocated" if r["gold_unlocated"] else ""
        warn += "  text changed" if r["text_changed"] else ""
        print(f"{r['file'][:45]:<46}{r['n_gold']:>5}{r['n_pred']:>5}  {d[0]:.2f} {d[1]:.2f} {d[2]:.2f}    "
              f"{s[0]:.2f} {s[1]:.2f} {s[2]:.2f}   {spk:.2f}{warn}")
    print()
    print(f"strict     P {f['strict_p']:.3f}  R {f['strict_r']:.3f}  F1 {f['strict_f1']:.3f}")
    print(f"detection  P {f['detect_p']:.3f}  R {f['detect_r']:.3f}  F1 {f['detect_f1']:.3f}")
    print(f"speaker accuracy {f['speaker_accuracy']:.3f}   kind accuracy {f['kind_accuracy']:.3f}   "
          f"(optional-only predictions ignored: {result.totals['ignored_optional']}; "
          f"duplicate matches: {result.totals['duplicates']})")
    print()
    print("speaker confidence (found gold items, by the matching statement's confidence)")
    for band in BANDS:
        right, n = result.bands[band]
        share = f"{right / n:.2f}" if n else "  - "
        print(f"  [{band[0]:.2f}, {min(band[1], 1.0):.2f}{']' if band[1] > 1 else ')'}  {n:>4} items, "
              f"speaker right {share}")
    print("  by how the speaker was found: " + "; ".join(
        f"{how} {right}/{n} ({right / n:.2f})" for how, (right, n) in sorted(result.by_resolution.items()) if n))
    print()
    print("errors by class (issue 8; see the docstring for how each is told)")
    for cls in CLASSES:
        print(f"  {cls:<44}{result.errors[cls]:>4}")
    if result.type_pairs:
        print("  source types, gold -> given: " + "; ".join(f"{k} {n}" for k, n in result.type_pairs.most_common(8)))
    if details:
        print()
        for page, cls, what in sorted(result.details, key=lambda d: (d[0], CLASSES.index(d[1]))):
            print(f"  {page[:30]:<31}{cls[:28]:<29}{what}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=[*SPLITS, "all"])
    ap.add_argument("--details", action="store_true", help="list every error with its class")
    ap.add_argument("--pages", type=int, default=0, help="only the first N pages of the split")
    args = ap.parse_args()
    if not PAGES.is_dir() or not SCORER_PATH.is_file():
        sys.exit(f"the real pages or the scorer are not available under {SHARED} (set ATTRIB_SHARED to the "
                 "folder holding corpora/ and eval/): nothing to measure.")
    sc = load_scorer()
    checker = attrib.Checker()
    splits = SPLITS if args.split == "all" else (args.split,)
    for n, split in enumerate(splits):
        pages = gold_pages(split)[: args.pages or None]
        if n:
            print("\n" + "=" * 100 + "\n")
        details = args.details and (split != "heldout" or args.split == "heldout")
        show(measure(pages, checker), sc, f"real pages, {split}", details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
