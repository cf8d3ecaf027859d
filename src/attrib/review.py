"""Findings and the reviewer's judgement on them.

A finding is one thing a fact-checker can confirm or dismiss: an attributed statement or a
flag. Its ``key`` names it by what it is in the text (kind, offsets, rule), not by its
position in the list, so the same finding gets the same key on every run over the same
text, and saved reviews (keyed by the article's hash and this key) come back on reopen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from .model import Flag, Report, ReviewState, Span, Statement, Verdict

STATES = tuple(ReviewState)


@dataclass(frozen=True, slots=True)
class Finding:
    """A row of the review: a statement, or a flag (with the statement it belongs to)."""

    id: str  # the report's id: "s3", "f2"
    key: str  # stable identity across runs, see statement_key / flag_key
    span: Span
    statement: Statement | None = None
    flag: Flag | None = None

    @property
    def is_flag(self) -> bool:
        return self.flag is not None

    def summary(self, text: str) -> str:
        """One line saying what the finding is: "hedge: ..." or "Tomas Reyes: the authority ..."."""
        if self.flag is not None:
            return f"{self.flag.category}: {self.flag.message or self.flag.text}"
        assert self.statement is not None
        return f"{self.statement.source.name}: {self.statement.content_text(text)}"


@dataclass(frozen=True, slots=True)
class Review:
    state: ReviewState = ReviewState.OPEN
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.state, ReviewState):  # a value read back from the database
            object.__setattr__(self, "state", ReviewState(self.state))

    @property
    def blank(self) -> bool:
        return self.state is ReviewState.OPEN and not self.note


def statement_key(st: Statement) -> str:
    # The cue and where the content starts pin a statement down; the source span and the
    # kind are left out because tuning the extractor moves them more often.
    first = st.content[0].start if st.content else st.cue.end
    return f"statement:{st.cue.start}-{st.cue.end}:{first}"


def flag_key(flag: Flag) -> str:
    return f"flag:{flag.rule}:{flag.span.start}-{flag.span.end}"


def findings_of(report: Report) -> tuple[Finding, ...]:
    """Statements in text order, each followed by its flags; other flags where they fall."""
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
        group = [Finding(st.id, statement_key(st), st.span, statement=st)]
        for flag in sorted(attached[st.id], key=lambda f: (f.span.start, f.span.end)):
            group.append(Finding(flag.id, flag_key(flag), flag.span, statement=st, flag=flag))
        groups.append((st.span.start, 0, group))
    for flag in loose:
        groups.append((flag.span.start, 1, [Finding(flag.id, flag_key(flag), flag.span, flag=flag)]))
    groups.sort(key=lambda g: (g[0], g[1]))
    out: list[Finding] = []
    seen: dict[str, int] = {}
    for _, _, group in groups:
        for finding in group:
            n = seen.get(finding.key, 0)
            seen[finding.key] = n + 1
            if n:  # two findings on the very same text: number the later ones
                finding = replace(finding, key=f"{finding.key}#{n + 1}")
            out.append(finding)
    return tuple(out)


class ReviewSink(Protocol):
    """Where reviews are kept (store.ReviewStore); ``save`` must be durable on return."""

    def load(self, digest: str) -> dict[str, Review]: ...

    def save(self, digest: str, key: str, review: Review) -> None: ...


class ReviewBook:
    """The reviews of one article, saved on every change, with an undo stack."""

    def __init__(self, digest: str, sink: ReviewSink | None = None) -> None:
        self.digest = digest
        self._sink = sink
        self._reviews: dict[str, Review] = sink.load(digest) if sink else {}
        self._undo: list[tuple[str, Review]] = []

    def __getitem__(self, key: str) -> Review:
        return self._reviews.get(key, Review())

    def __len__(self) -> int:
        return len(self._reviews)

    def keys(self) -> Iterable[str]:
        return self._reviews.keys()

    def set(self, key: str, review: Review) -> None:
        """Record a change (saved before this returns) and remember it for undo."""
        old = self[key]
        if old == review:
            return
        self._write(key, review)
        self._undo.append((key, old))

    def undo(self) -> str | None:
        """Revert the last change; returns the key it touched, or None when nothing is left."""
        if not self._undo:
            return None
        key, old = self._undo[-1]
        self._write(key, old)  # if saving fails, the step stays to be undone later
        self._undo.pop()
        return key

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _write(self, key: str, review: Review) -> None:
        if self._sink is not None:
            self._sink.save(self.digest, key, review)  # first, so a failed write changes nothing
        if review.blank:
            self._reviews.pop(key, None)
        else:
            self._reviews[key] = review

    def orphans(self, findings: Iterable[Finding]) -> list[str]:
        """Saved reviews whose finding no longer appears (the extractor changed)."""
        known = {f.key for f in findings}
        return sorted(k for k in self._reviews if k not in known)

    def verdicts(self, findings: Iterable[Finding]) -> tuple[Verdict, ...]:
        return tuple(Verdict(f.id, r.state, r.note)
                     for f in findings if not (r := self[f.key]).blank)

