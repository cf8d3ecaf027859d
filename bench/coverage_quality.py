"""How well quotes are found and judged across outlets: the real clusters of
bench/realnews/dev.json (or --gold) and the variants of real pages in
bench/realnews/variants.yaml, in process, with the product's matching.

    python bench/coverage_quality.py [--gold bench/realnews/heldout.json] [--details]

Clusters, as ../shared/eval/score_realnews.py --coverage counts them (directed pairs
A -> B: the statement of A that covers the item has evidence from B), and also over
the pairs whose items are attributed statements on both sides and extracted on both
("shared quotes extracted on both sides"). Status right: verbatim or close where the
words are the same, altered, close or paraphrase where they differ. A false speaker
conflict is same_speaker false where the gold says the speakers agree.

Variants are made here from the real pages and never stored: each is a page with edits
(data in variants.yaml) standing as another outlet's coverage of the page.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

from _common import ROOT, SHARED
from attrib import Checker, Status
from attrib.corroborate.documents import CoverageDoc
from attrib.corroborate.match import corroborate
from attrib.model import Article, Corroboration, Statement

PAGES = SHARED / "corpora" / "realnews" / "html"
SAME_OK = {Status.VERBATIM, Status.CLOSE}
DIFFERENT_OK = {Status.ALTERED, Status.CLOSE, Status.PARAPHRASE}


def normal(text: str) -> str:
    table = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
    return " ".join(text.translate(table).lower().split())


def locate(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    # Normalised search, mapping back through the kept characters.
    kept, where, space = [], [], False
    table = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
    for i, ch in enumerate(text.translate(table).lower()):
        if ch.isspace():
            if space:
                continue
            ch, space = " ", True
        else:
            space = False
        kept.append(ch)
        where.append(i)
    at = "".join(kept).find(normal(needle))
    if at < 0:
        return None
    return where[at], where[at + len(normal(needle)) - 1] + 1


def covering(statements: tuple[Statement, ...], text: str, needle: str) -> list[Statement]:
    """Statements whose content covers at least half the item, tightest first (as the
    scorer picks them)."""
    loc = locate(text, needle)
    if loc is None:
        return []
    out = []
    for st in statements:
        hit = sum(max(0, min(c.end, loc[1]) - max(c.start, loc[0])) for c in st.content)
        if hit >= 0.5 * (loc[1] - loc[0]):
            out.append((-hit, sum(len(c) for c in st.content), st))
    return [x[-1] for x in sorted(out, key=lambda x: x[:2])]


def clusters(checker: Checker, gold: dict, details: bool) -> Counter:
    files = sorted({it["file"] for c in gold["clusters"] for it in c["items"]})
    members: dict[str, set[str]] = {}
    for c in gold["clusters"]:
        members.setdefault(c["cluster"], set()).update(it["file"] for it in c["items"])
    articles = {f: checker.read(PAGES / f) for f in files}
    statements = {f: checker.extract(a) for f, a in articles.items()}
    found: dict[str, dict[str, Corroboration]] = {}
    for group in members.values():
        for f in group:
            docs = [CoverageDoc(g, g, articles[g].text) for g in sorted(group - {f})]
            result = corroborate(articles[f], statements[f], docs, checker.match_lexicons, checker.statements_of)
            found[f] = {c.statement: c for c in result}
    n: Counter = Counter()
    for c in gold["clusters"]:
        for it in c["items"]:
            if it.get("attributed") is False:
                continue
            sts = covering(statements[it["file"]], articles[it["file"]].text, it["content"])
            for ot in c["items"]:
                if ot["file"] == it["file"]:
                    continue
                n["pairs"] += 1
                both = bool(sts) and ot.get("attributed") is not False and bool(
                    covering(statements[ot["file"]], articles[ot["file"]].text, ot["content"]))
                n["both"] += both
                n["covered"] += bool(sts)
                ev = [e for st in sts for e in found[it["file"]][st.id].evidence if e.url == ot["file"]]
                mark = "nostmt" if not sts else "nolink"
                if ev:
                    e = ev[0]
                    n["found"] += 1
                    n["found_both"] += both
                    ok = e.status in (SAME_OK if c["same_words"] else DIFFERENT_OK)
                    n["status_ok"] += ok
                    if c.get("speakers_agree") is True and e.same_speaker is False:
                        n["false_conflicts"] += 1
                    mark = f"FOUND {e.status.value}{'' if ok else ' (wrong)'}"
                if details:
                    print(f"  {mark:<24} {c['cluster']:<10} both={both!s:<5} {it['content'][:70]}")
    return n


def variants(checker: Checker, details: bool) -> Counter:
    spec = yaml.safe_load((ROOT / "bench" / "realnews" / "variants.yaml").read_text(encoding="utf-8"))
    n: Counter = Counter()
    cache: dict[str, tuple[Article, tuple[Statement, ...]]] = {}
    for v in spec["variants"]:
        if v["page"] not in cache:
            article = checker.read(PAGES / v["page"])
            cache[v["page"]] = article, checker.extract(article)
        article, statements = cache[v["page"]]
        text, touched = article.text, []
        for edit in v["edits"]:
            at = text.find(edit["find"])
            if at < 0:
                print(f"  {v['name']}: anchor not in the page text: {edit['find'][:60]!r}")
                n["missing_anchors"] += 1
                continue
            touched.append((at, at + len(edit["find"])))
            text = text[:at] + edit["replace"] + text[at + len(edit["find"]):]
        doc = CoverageDoc(f"variant:{v['name']}", "variant.example", text)
        result = {c.statement: c for c in corroborate(article, statements, [doc], checker.match_lexicons,
                                                      checker.statements_of)}
        expected_ids = set()
        for want in v["expect"]:
            sts = covering(statements, article.text, want["key"])
            n["items"] += 1
            if not sts:
                print(f"  {v['name']}: no statement holds {want['key']!r}")
                continue
            st = sts[0]
            expected_ids.add(st.id)
            c = result[st.id]
            e = c.evidence[0] if c.evidence else None
            status = e.status.value if e else c.status.value
            allowed = want["status"] if isinstance(want["status"], list) else [want["status"]]
            kinds = {r.kind.value for r in e.reasons} if e else set()
            ok = status in allowed and set(want.get("reasons", [])) <= kinds \
                and not set(want.get("not_reasons", [])) & kinds
            n["found"] += e is not None
            n["status_ok"] += ok
            verdict = e.speaker_check.verdict.value if e and e.speaker_check else None
            if "speaker" in want:
                n["speaker_items"] += 1
                n["speaker_ok"] += verdict == want["speaker"]
            if e is not None and e.same_speaker is False and want.get("speaker") != "different":
                n["false_conflicts"] += 1
            if details or not ok or ("speaker" in want and verdict != want["speaker"]):
                why = "; ".join(r.label for r in e.reasons) if e else ""
                print(f"  {'ok ' if ok else 'BAD'} {v['name']:<26} {status:<12} [{why}] speaker={verdict}"
                      f"  want {allowed} {want.get('reasons', '')} {want.get('speaker', '')}")
        for st in statements:
            if st.id in expected_ids or any(c.start < b and a < c.end for c in st.content for a, b in touched):
                continue
            c = result[st.id]
            if c.status is Status.UNCHECKED:
                continue
            n["untouched"] += 1
            n["untouched_verbatim"] += c.status is Status.VERBATIM
            for e in c.evidence:
                if e.same_speaker is False and e.speaker_check is not None:
                    n["untouched_false_conflicts"] += 1
                    a, o = e.speaker_check.article, e.speaker_check.other
                    print(f"  FALSE CONFLICT {v['name']}: {st.content_text(article.text)[:60]!r}: "
                          f"{a.name if a else None} / {o.name if o else None}")
    return n


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else f"{a}/0"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "bench" / "realnews" / "dev.json"))
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--json", action="store_true", help="the counts as one JSON object")
    args = ap.parse_args()
    if not PAGES.is_dir():
        sys.exit(f"the real pages are not available at {PAGES} (set ATTRIB_SHARED): nothing to measure.")
    checker = Checker()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    c = clusters(checker, gold, args.details) if gold.get("clusters") else Counter()
    v = variants(checker, args.details)
    if args.json:
        print(json.dumps({"clusters": c, "variants": v}))
        return 0
    print(f"\nreal clusters ({args.gold.split('/')[-1]}): directed pairs {c['pairs']}")
    print(f"  found: {ratio(c['found'], c['pairs'])} of all pairs; {ratio(c['found'], c['covered'])} "
          f"where the item's statement is extracted; {ratio(c['found_both'], c['both'])} of shared quotes "
          "extracted on both sides")
    print(f"  status right: {ratio(c['status_ok'], c['found'])}; false speaker conflicts: {c['false_conflicts']}")
    print(f"variants ({sum(1 for _ in yaml.safe_load((ROOT / 'bench' / 'realnews' / 'variants.yaml').read_text())['variants'])}"
          f" edited pages): expected items {v['items']}")
    print(f"  found: {ratio(v['found'], v['items'])}; status and reasons right: {ratio(v['status_ok'], v['items'])}; "
          f"speaker verdict right: {ratio(v['speaker_ok'], v['speaker_items'])}; "
          f"false speaker conflicts: {v['false_conflicts'] + v['untouched_false_conflicts']}")
    print(f"  statements no edit touches, verbatim: {ratio(v['untouched_verbatim'], v['untouched'])}")
    both = c["found"] + v["found"]
    print(f"together: found {ratio(c['found_both'] + v['found'], c['both'] + v['items'])} (shared quotes extracted on"
          f" both sides and variant items); status right {ratio(c['status_ok'] + v['status_ok'], both)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
