"""Passes over all statements of an article once every cue has been read."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..model import Kind, RelayRelation, Span, Statement
from .reader import Reader
from .words import strip_edges

# What joins two clauses of one sentence, right before the second one's subject or cue.
_JOINT = re.compile(r"(?:,?\s+(?:and|but|then|while|(?P<as>as))(?:\s+also)?|\s*;)\s*$")


def continue_quotes(doc: Reader, found: list[Statement]) -> list[Statement]:
    """Quotations with no cue of their own that continue a statement:

    * the second half of an interrupted quote, ``"We won," she said, "and now we rebuild."``;
    * a quoted sentence right after, in the same paragraph: ``"We won," she said. "Now we
      rebuild."``;
    * a paragraph that is nothing but a quotation, right after the statement's paragraph
      (news style carries the speaker over): ``Erekat said ... .`` / ``"They wanted us on
      our knees."``.

    Each statement looks only at the quotations right after it, and whether one holds a
    cue is a look-up in the sorted cue offsets, so the pass is linear."""
    text = doc.text
    starts = [st.cue.start for st in found]
    out = []
    for n, st in enumerate(found):
        if not st.content:
            out.append(st)
            continue
        spans = list(st.content)
        last = max(st.content[-1].end, st.sentence.end)
        after = max(st.cue.end, st.source.span.end if st.source.span is not None else 0,
                    *(r.span.end for r in st.via))
        nxt = doc.layout.next_quote(after)
        if st.kind != Kind.INDIRECT and st.content[-1].end <= st.cue.start and nxt is not None \
                and doc.interrupts(after, nxt.span.start) and not _cue_in(starts, n, nxt.span):
            spans.extend(nxt.parts)  # the second half of an interrupted quote
            last = max(last, nxt.span.end)
        while True:
            nxt = doc.layout.next_quote(last)
            if nxt is None or "\n" in text[last:nxt.span.start]:
                break
            tail = doc.sentence_at(nxt.span.start)
            # its cue may follow it, in its sentence or a short one right after:
            # '"...!" Trump tweeted', '"...?" Aderholt asked again.'
            reach = doc.sentence_at(max(nxt.span.end - 1, nxt.span.start)).end
            gap = nxt.span.end
            while gap < len(text) and text[gap] in " \t":
                gap += 1
            follow = doc.sentence_at(gap)
            if follow.start == gap and len(text[follow.start:follow.end].split()) <= _SHORT_TAG:
                reach = max(reach, follow.end)
            if _cue_in(starts, n, Span(max(tail.start, last), max(tail.end, reach, nxt.span.end))):
                break  # the quote has a cue of its own
            whole = not text[tail.start:nxt.span.start].strip() and nxt.span.end >= tail.end - 1
            if st.kind == Kind.INDIRECT and len(spans) == len(st.content):
                if not (whole and not text[last:nxt.span.start].strip()):
                    break  # after reported speech only a whole quoted sentence goes on with it
            elif not _GAP_AFTER.fullmatch(text, last, nxt.span.start) and not whole:
                break
            spans.extend(nxt.parts)
            last = nxt.span.end
        for _ in range(3):  # paragraphs that are only a quotation carry the speaker over
            para = _next_paragraph(text, last)
            if para is None or (n + 1 < len(found) and found[n + 1].cue.start < para.start):
                break
            quote = doc.quote_at(para.start)
            if quote is None or quote.span.start != para.start or quote.span.end < para.end - 1 \
                    or _cue_in(starts, n, para):
                break
            spans.extend(quote.parts)
            last = quote.span.end
        if len(spans) > len(st.content):
            content = tuple(spans)
            st = replace(st, content=content, kind=doc.kind_of(content), sentence=Span(st.sentence.start, last))
        out.append(st)
    return out


# A sentence right after a quotation this short is its tag ('"...?" Aderholt asked again.')
_SHORT_TAG = 6
# Between a statement's end and a quoted sentence that goes on with it ("... ,” Mayer said. “ I love it.”)
_GAP_AFTER = re.compile(r"[ \t.,;:—–-]*")


def _cue_in(starts: list[int], own: int, span: Span) -> bool:
    """Is there a cue, other than statement ``own``'s, inside ``span``?"""
    i = bisect.bisect_left(starts, span.start)
    while i < len(starts) and starts[i] < span.end:
        if i != own:
            return True
        i += 1
    return False


def _next_paragraph(text: str, pos: int) -> Span | None:
    """The paragraph right after the one holding ``pos`` (news puts one on a line)."""
    nl = text.find("\n", pos)
    if nl < 0 or text[pos:nl].strip():
        return None
    start = nl
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return Span(start, end) if start < end else None


def tidy_nested(doc: Reader, found: list[Statement]) -> list[Statement]:
    """Settle a statement whose content holds the next cue of its sentence:

    * ``said it was not involved but added: "..."``: the first content stops where the
      second clause begins, and so for ``Residents say ..., and some want ...``;
    * ``denied ..., as the union claimed``: "as X claimed" takes that same content;
    * ``said ..., citing two captains``: "citing" is the first statement's relay (already
      recorded as ``cites``), not a statement of its own.
    Nested reports with no such joint (``X said Y believes Z``) are left as they are."""
    text = doc.text
    out: list[Statement] = []
    for st in found:
        prev = out[-1] if out else None
        if prev is not None and st.cue_text.lower() in doc.e.citing and prev.sentence.start == st.sentence.start \
                and any(r.relation is RelayRelation.CITES for r in prev.via) and not prev.content[-1].start < st.cue.start < prev.content[-1].end:
            continue  # "said, citing two captains": recorded on the statement as a relay
        last = prev.content[-1] if prev is not None and prev.content else None
        if prev is None or last is None or prev.sentence.start != st.sentence.start \
                or not last.start < st.cue.start < last.end:
            out.append(st)
            continue
        if st.cue_text.lower() in doc.e.citing:
            comma = text.rfind(",", last.start, st.cue.start)
            out[-1] = _cut(doc, prev, comma if comma > last.start else st.cue.start)
            continue
        src = st.source.span
        lead = src.start if src is not None and src.start > last.start else st.cue.start
        joint = _JOINT.search(text, last.start, lead)
        before_joint = text[last.start:joint.start()].split()[-1:] if joint is not None else []
        if joint is not None and before_joint and before_joint[0][:1].isupper() \
                and joint.group().lstrip().startswith("and"):
            joint = None  # "realize Giuliani and the president believed": one subject, not two clauses
        if joint is not None:
            out[-1] = _cut(doc, prev, joint.start())
            if joint.group("as") and doc.ends_sentence(st.cue.end, doc.sentence_at(st.cue.start)):
                shared = out[-1].content[-1:]
                st = replace(st, content=shared, kind=doc.kind_of(shared))
        out.append(st)
    return out


def _cut(doc: Reader, st: Statement, end: int) -> Statement:
    last = st.content[-1]
    kept = strip_edges(doc.text, last.start, end)
    if not kept:
        return st
    content = (*st.content[:-1], kept)
    return replace(st, content=content, kind=doc.kind_of(content))


# Cue classes that, inside what someone said, only report what others think, want, show
# or how they reacted.
_REPORTED_CLASSES = frozenset(["belief", "intention", "evidence", "reaction"])


def drop_reported(found: list[Statement]) -> list[Statement]:
    """Drop a belief, intention, evidence or reaction statement whose cue lies inside
    another statement's content: in ``Clinton says many doubted her`` or ``He said she
    wants to run and criticized the plan``, what others doubt, want or criticise is part of
    what was said, not a statement of its own (on PolNeAR train 62-91% of such are marked
    no attribution; dropping them loses no item of the real-page dev gold). Reported speech inside
    speech stays ("He said she told him").

    One sort of the content spans and a running maximum of their ends: linear after the
    sort, however long the article."""
    spans = sorted((c.start, c.end, n) for n, st in enumerate(found) for c in st.content)
    starts = [a for a, _, _ in spans]
    # the furthest end among spans starting so far, and the furthest of another owner
    best: list[tuple[int, int, int]] = []  # (end, owner, end of the best other owner)
    top, owner, other = -1, -1, -1
    for _, end, n in spans:
        if end > top:
            if n != owner:
                other = top
            top, owner = end, n
        elif n != owner and end > other:
            other = end
        best.append((top, owner, other))
    out = []
    for n, st in enumerate(found):
        if st.cue_class in _REPORTED_CLASSES:
            i = bisect.bisect_right(starts, st.cue.start) - 1
            if i >= 0:
                top, owner, other = best[i]
                if (top if owner != n else other) > st.cue.start:
                    continue
        out.append(st)
    return out
