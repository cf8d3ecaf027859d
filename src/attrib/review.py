"""Findings and the reviewer's judgement on them.

A finding is one thing a fact-checker can confirm or dismiss: an attributed statement or a
flag. What a verdict means depends on the kind (``meaning``): on a statement it says the
extraction is right or wrong (and the reviewer may correct the speaker); on a flag, that
the reviewer agrees with it or not.

Its ``key`` names a finding by its words, not by its position: a statement by its
sentence, its cue and which occurrence of the cue in the sentence it is; a flag by its
rule, its sentence and the flagged words. So a verdict stays on its statement when the
extractor is tuned and ids are renumbered. Each saved review also keeps an ``Anchor`` (the
words themselves); when a key no longer matches (the sentence splitter moved, the cue
grew), the review is re-attached to the finding that holds the same words, and reported
as orphaned only when those words are gone. Keys of the first store schema (offsets) are
recognised and moved to the new keys on first use.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import NamedTuple, Protocol

from .model import Flag, Report, ReviewState, Span, Statement, Verdict

STATES = tuple(ReviewState)
FIELDS = ("state", "note", "speaker")  # what a review holds, each saved on its own


def meaning(is_flag: bool, state: ReviewState | str) -> str:
    """What a verdict says, in the reviewer's words: a statement's extraction is right
    or wrong; with a flag the reviewer agrees or disagrees."""
    state = ReviewState(state)
    if state is ReviewState.OPEN:
        return "open"
    if is_flag:
        return "agree" if state is ReviewState.CONFIRMED else "disagree"
    return "extraction right" if state is ReviewState.CONFIRMED else "extraction wrong"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The words a finding is made of, kept with its review to find it again."""

    kind: str  # "statement" | "flag"
    words: str  # a statement's content; a flag's flagged words
    cue: str = ""  # a statement's cue; a flag's rule id
    source: str = ""  # a statement's source as written; a flag's category
    sentence: str = ""

    def dumps(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> Anchor | None:
        try:
            data = json.loads(text)
            return cls(**{k: str(data.get(k, "")) for k in ("kind", "words", "cue", "source", "sentence")})
        except (ValueError, TypeError, AttributeError):
            return None


@dataclass(frozen=True, slots=True)
class Finding:
    """A row of the review: a statement, or a flag (with the statement it belongs to)."""

    id: str  # the report's id: "s3", "f2"
    key: str  # stable identity across runs, see statement_key / flag_key
    span: Span
    statement: Statement | None = None
    flag: Flag | None = None
    anchor: Anchor = field(default_factory=lambda: Anchor("statement", ""))
    legacy: str = ""  # the key the first store schema gave it (offsets)

    @property
    def is_flag(self) -> bool:
        return self.flag is not None

    def summary(self, text: str) -> str:
        """One line saying what the finding is: "hedge: reportedly" or "Tomas Reyes: the authority ..."."""
        if self.flag is not None:
            return f"{self.flag.category}: {self.flag.text or self.flag.message}"
        assert self.statement is not None
        return f"{self.statement.source.name}: {self.statement.content_text(text)}"


@dataclass(frozen=True, slots=True)
class Review:
    state: ReviewState = ReviewState.OPEN
    note: str = ""
    speaker: str = ""  # on a statement: who really spoke, as the reviewer corrects it

    def __post_init__(self) -> None:
        if not isinstance(self.state, ReviewState):  # a value read back from the database
            object.__setattr__(self, "state", ReviewState(self.state))

    @property
    def blank(self) -> bool:
        return self.state is ReviewState.OPEN and not self.note and not self.speaker


class Stored(NamedTuple):
    """A review as the store holds it: with the words of its finding (Anchor JSON)."""

    review: Review
    anchor: str = ""


# -- keys ------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _occurrence(text: str, within: Span | None, part: Span) -> int:
    """How often the words of ``part`` occur in ``within`` before ``part`` itself."""
    words = part.of(text)
    if not words:
        return 0
    if within is None or not within.contains(part):
        within = Span(0, len(text))
    return text.count(words, within.start, part.start)


def statement_key(st: Statement, text: str) -> str:
    # The sentence and the cue pin a statement down; the source and content spans and the
    # kind are left out because tuning the extractor moves them most.
    n = _occurrence(text, st.sentence, st.cue)
    return f"statement:{_hash(_norm(st.sentence.of(text)), _norm(st.cue.of(text)), str(n))}"


def flag_key(flag: Flag, text: str) -> str:
    sentence = flag.sentence or flag.span
    n = _occurrence(text, sentence, flag.span)
    return f"flag:{flag.rule}:{_hash(_norm(sentence.of(text)), _norm(flag.span.of(text)), str(n))}"


def _legacy_statement_key(st: Statement) -> str:
    first = st.content[0].start if st.content else st.cue.end
    return f"statement:{st.cue.start}-{st.cue.end}:{first}"


_LEGACY = re.compile(r"^(statement:\d+-\d+:\d+|flag:.+:\d+-\d+)(#\d+)?$")


def is_legacy(key: str) -> bool:
    """A key of the first store schema (offsets into the text)."""
    return bool(_LEGACY.match(key))


def _statement_finding(st: Statement, text: str) -> Finding:
    anchor = Anchor("statement", st.content_text(text), st.cue.of(text), st.source.text, st.sentence.of(text))
    return Finding(st.id, statement_key(st, text), st.span, statement=st, anchor=anchor,
                   legacy=_legacy_statement_key(st))


def _flag_finding(flag: Flag, st: Statement | None, text: str) -> Finding:
    sentence = (flag.sentence or flag.span).of(text)
    anchor = Anchor("flag", flag.span.of(text), flag.rule, flag.category, sentence)
    return Finding(flag.id, flag_key(flag, text), flag.span, statement=st, flag=flag, anchor=anchor,
                   legacy=f"flag:{flag.rule}:{flag.span.start}-{flag.span.end}")


def findings_of(report: Report) -> tuple[Finding, ...]:
    """Statements in text order, each followed by its flags; other flags where they fall."""
    text = report.article.text
    statements = {st.id: st for st in report.statements}
    attached: dict[str, list[Flag]] = defaultdict(list)
    loose: list[Flag] = []
    for flag in report.flags:
        if flag.statement in statements:
            attached[flag.statement].append(flag)
        else:
            loose.append(flag)
    groups: list[tuple[int, int, list[Finding]]] = []
    for st in report.statements:
        group = [_statement_finding(st, text)]
        for flag in sorted(attached[st.id], key=lambda f: (f.span.start, f.span.end)):
            group.append(_flag_finding(flag, st, text))
        groups.append((st.span.start, 0, group))
    for flag in loose:
        groups.append((flag.span.start, 1, [_flag_finding(flag, None, text)]))
    groups.sort(key=lambda g: (g[0], g[1]))
    out: list[Finding] = []
    seen: Counter[str] = Counter()
    legacy_seen: Counter[str] = Counter()
    for _, _, group in groups:
        for finding in group:
            seen[finding.key] += 1
            legacy_seen[finding.legacy] += 1
            n, m = seen[finding.key], legacy_seen[finding.legacy]
            if n > 1 or m > 1:  # two findings on the very same words: number the later ones
                finding = replace(finding, key=finding.key + (f"#{n}" if n > 1 else ""),
                                  legacy=finding.legacy + (f"#{m}" if m > 1 else ""))
            out.append(finding)
    return tuple(out)


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def _overlap(a: str, b: str) -> float:
    """Dice coefficient of two texts' words (0-1)."""
    wa, wb = _words(a), _words(b)
    total = sum(wa.values()) + sum(wb.values())
    return 2 * sum((wa & wb).values()) / total if total else 0.0


def relocate(anchor: Anchor, findings: Iterable[Finding], taken: set[str]) -> Finding | None:
    """The finding that now holds an anchor's words, or None when they are gone.

    A statement: the one whose content shares most words with the saved content (at
    least 60%), the same cue and sentence breaking ties. A flag: one of the same rule (or
    at least the same category) on the same words."""
    best: tuple[float, Finding] | None = None
    for f in findings:
        if f.key in taken or f.anchor.kind != anchor.kind:
            continue
        a = f.anchor
        if anchor.kind == "statement":
            score = _overlap(anchor.words, a.words)
            if score < 0.6:
                continue
            score += 0.1 * (_norm(a.cue) == _norm(anchor.cue)) + 0.1 * (_norm(a.sentence) == _norm(anchor.sentence))
        else:
            if _norm(a.words) != _norm(anchor.words):
                continue
            if a.cue == anchor.cue:
                score = 2.0
            elif a.source == anchor.source:
                score = 1.0
            else:
                continue
            score += 0.5 * (_norm(a.sentence) == _norm(anchor.sentence))
        if best is None or score > best[0]:
            best = (score, f)
    return best[1] if best else None


def attach(stored: Mapping[str, Stored], findings: Iterable[Finding]
           ) -> tuple[dict[str, Review], dict[str, str], dict[str, Stored]]:
    """Saved reviews on today's findings: (reviews by finding key, moves old key -> new
    key, orphans). Exact keys first, then keys of the first schema, then the words."""
    findings = tuple(findings)
    by_key = {f.key: f for f in findings}
    by_legacy = {f.legacy: f for f in findings}
    reviews: dict[str, Review] = {}
    moves: dict[str, str] = {}
    orphans: dict[str, Stored] = {}
    left = []
    for key, saved in stored.items():
        if key in by_key:
            reviews[key] = saved.review
        else:
            left.append((key, saved))
    for key, saved in sorted(left):
        found: Finding | None = None
        if is_legacy(key):
            found = by_legacy.get(key)
        else:
            anchor = Anchor.loads(saved.anchor) if saved.anchor else None
            found = relocate(anchor, findings, set(reviews)) if anchor else None
        if found is not None and found.key not in reviews:
            reviews[found.key] = saved.review
            moves[key] = found.key
        else:
            orphans[key] = saved
    return reviews, moves, orphans


# -- saving ----------------------------------------------------------------------------

class ReviewSink(Protocol):
    """Where reviews are kept (store.ReviewStore); writes are durable on return."""

    def load(self, digest: str) -> dict[str, Stored]: ...

    def update(self, digest: str, key: str, field: str, value: str, anchor: str) -> Review:
        """Set one field of one review; returns the review as it was just before."""
        ...

    def rekey(self, digest: str, old: str, new: str, anchor: str) -> None: ...

    def changed(self) -> bool:
        """Has another connection committed since the last call?"""
        ...


@dataclass(frozen=True, slots=True)
class Clash:
    """A field this session changed that another session had changed first."""

    key: str
    field: str
    theirs: str  # the value the other session had saved
    ours: str  # what this session saw before


class ReviewBook:
    """The reviews of one article, saved field by field on every change, with undo.

    Each change writes only the field it changes (a note typed here does not overwrite a
    verdict given in another window), and says when that field had been changed elsewhere
    since it was read. ``reload`` picks up what other sessions saved."""

    def __init__(self, digest: str, sink: ReviewSink | None = None,
                 findings: Iterable[Finding] = (), *, migrate: bool = True) -> None:
        self.digest = digest
        self._sink = sink
        self.findings = tuple(findings)
        self._by_key = {f.key: f for f in self.findings}
        self._undo: list[tuple[str, str, str]] = []  # (key, field, value before)
        self._reviews, moves, self._orphans = attach(sink.load(digest) if sink else {}, self.findings)
        if sink is not None and migrate:
            for old, new in moves.items():
                sink.rekey(digest, old, new, self._by_key[new].anchor.dumps())

    def __getitem__(self, key: str) -> Review:
        return self._reviews.get(key, Review())

    def __len__(self) -> int:
        return len(self._reviews)

    def keys(self) -> Iterable[str]:
        return self._reviews.keys()

    def set(self, key: str, field: str, value: str) -> Clash | None:
        """Save one field (before this returns) and remember it for undo. Returns a Clash
        when another session had changed that field since this one read it."""
        old = self[key]
        if getattr(old, field) == value:
            return None
        clash = self._write(key, field, value)
        self._undo.append((key, field, str(getattr(old, field))))
        return clash

    def undo(self) -> str | None:
        """Revert the last change; returns the key it touched, or None when nothing is left."""
        if not self._undo:
            return None
        key, field, old = self._undo[-1]
        self._write(key, field, old)  # if saving fails, the step stays to be undone later
        self._undo.pop()
        return key

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _write(self, key: str, field: str, value: str) -> Clash | None:
        if field not in FIELDS:
            raise ValueError(field)
        seen = self[key]
        before = seen
        if self._sink is not None:
            finding = self._by_key.get(key)
            anchor = finding.anchor.dumps() if finding is not None else ""
            before = self._sink.update(self.digest, key, field, value, anchor)  # first: a failure changes nothing
        if field == "state":
            review = replace(before, state=ReviewState(value))
        elif field == "note":
            review = replace(before, note=value)
        else:
            review = replace(before, speaker=value)
        if review.blank:
            self._reviews.pop(key, None)
        else:
            self._reviews[key] = review
        theirs, ours = str(getattr(before, field)), str(getattr(seen, field))
        return Clash(key, field, theirs, ours) if theirs != ours else None

    def reload(self) -> list[str]:
        """Take in what other sessions saved; the keys whose review changed."""
        if self._sink is None or not self._sink.changed():
            return []
        fresh, _, self._orphans = attach(self._sink.load(self.digest), self.findings)
        changed = [k for k in {*fresh, *self._reviews} if fresh.get(k) != self._reviews.get(k)]
        self._reviews = fresh
        return sorted(changed)

    def orphans(self) -> list[str]:
        """Saved reviews whose words no longer appear (the text or the rules changed)."""
        return sorted(self._orphans)

    def verdicts(self) -> tuple[Verdict, ...]:
        return tuple(Verdict(f.id, r.state, r.note, r.speaker)
                     for f in self.findings if not (r := self[f.key]).blank)


def dismissed(report: Report) -> tuple[set[str], set[str]]:
    """(statement ids, flag ids) that leave the score: what the reviewer dismissed, and
    the flags of a statement whose extraction was dismissed as wrong."""
    gone = {v.finding for v in report.verdicts if v.state is ReviewState.DISMISSED}
    statements = {st.id for st in report.statements if st.id in gone}
    flags = {f.id for f in report.flags if f.id in gone or f.statement in statements}
    return statements, flags
