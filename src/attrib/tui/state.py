"""What the review screen shows, apart from widgets: findings, reviews, coverage results,
the filter and the sort order. Pure logic, so it is tested without a terminal."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..corroborate.summary import corroboration_counts
from ..model import Corroboration, CoveragePage, Flag, Report, ReviewState, Status, Summary
from ..review import STATES, Finding, Review, ReviewBook
from .safe import one_line

PENDING = "pending"  # a coverage check is under way for this statement
UNCHECKED = Status.UNCHECKED.value
STATUS_ORDER = [s.value for s in Status] + [PENDING]


@dataclass(frozen=True, slots=True)
class Filters:
    category: str | None = None  # flag category
    source_type: str | None = None
    corroboration: str | None = None  # a Status value
    review: str | None = None  # open | confirmed | dismissed
    text: str = ""

    @property
    def active(self) -> bool:
        return any((self.category, self.source_type, self.corroboration, self.review,
                    self.text.strip()))

    def describe(self) -> list[str]:
        parts = []
        if self.category:
            parts.append(f"flag {self.category}")
        if self.source_type:
            parts.append(f"source {self.source_type}")
        if self.corroboration:
            parts.append(f"coverage {self.corroboration}")
        if self.review:
            parts.append(f"review {self.review}")
        if self.text.strip():
            parts.append(f"text “{one_line(self.text, 30)}”")
        return parts


SORTS = {  # column key -> label
    "position": "position in the text",
    "source": "source",
    "type": "source type",
    "kind": "kind",
    "cue": "cue",
    "content": "content",
    "flags": "flags (most severe first)",
    "corroboration": "coverage status",
    "review": "review state",
}


class ScreenState:
    """``rescore``: the report with its verdicts in, summary recomputed (dismissed
    findings leave the score); None leaves the summary as it is."""

    def __init__(self, report: Report, book: ReviewBook,
                 rescore: Callable[[Report], Report] | None = None) -> None:
        self.report = report
        self.book = book
        self.rescore = rescore
        self.findings = book.findings
        self.by_id = {f.id: f for f in self.findings}
        self.by_key = {f.key: f for f in self.findings}
        self._index = {f.id: i for i, f in enumerate(self.findings)}
        self.flags_of: dict[str, list[Flag]] = defaultdict(list)
        for flag in report.flags:
            if flag.statement:
                self.flags_of[flag.statement].append(flag)
        self.corroborations: dict[str, Corroboration] = {
            c.statement: c for c in report.corroborations}
        self.pending: set[str] = set()
        self.coverage_pages: list[CoveragePage] = list(report.coverage)
        # What the detail pane says about an unchecked statement (the app knows the key).
        self.coverage_enabled = False  # is there a corroborator to run?
        self.coverage_hint = "Not checked: start attrib tui with --coverage URL or --discover."
        self.filters = Filters()
        self.sort = "position"
        self.reverse = False
        self._haystack = {f.id: self._words(f) for f in self.findings}

    # -- facts about a finding -------------------------------------------------------
    def review(self, finding: Finding) -> Review:
        return self.book[finding.key]

    def flags(self, finding: Finding) -> list[Flag]:
        if finding.flag is not None:
            return [finding.flag]
        return self.flags_of.get(finding.id, []) if finding.statement else []

    def source_type(self, finding: Finding) -> str | None:
        return finding.statement.source.type.value if finding.statement else None

    def status(self, finding: Finding) -> str | None:
        """Coverage status of the statement (flags share their statement's)."""
        if finding.statement is None:
            return None
        sid = finding.statement.id
        if sid in self.pending:
            return PENDING
        c = self.corroborations.get(sid)
        return c.status.value if c else UNCHECKED

    def corroboration(self, finding: Finding) -> Corroboration | None:
        return self.corroborations.get(finding.statement.id) if finding.statement else None

    def _words(self, f: Finding) -> str:
        text = self.report.article.text
        parts = [f.id]
        if f.statement is not None:
            st = f.statement
            parts += [st.source.text, st.source.resolved or "", st.source.role or "",
                      st.source.type.value, st.kind.value, st.cue_text, st.content_text(text),
                      *(r.text for r in st.via)]
        for flag in self.flags(f):
            parts += [flag.category, flag.rule, flag.message, flag.text]
        parts.append(self.review(f).speaker)
        return " ".join(" ".join(parts).lower().split())

    # -- filter and sort -------------------------------------------------------------
    def matches(self, f: Finding) -> bool:
        flt = self.filters
        if flt.category and flt.category not in {x.category for x in self.flags(f)}:
            return False
        if flt.source_type and self.source_type(f) != flt.source_type:
            return False
        if flt.corroboration and self.status(f) != flt.corroboration:
            return False
        if flt.review and self.review(f).state != flt.review:
            return False
        needle = " ".join(flt.text.lower().split())
        if needle:
            note = self.review(f).note.lower()
            if needle not in self._haystack[f.id] and needle not in note:
                return False
        return True

    def visible(self) -> list[Finding]:
        rows = [f for f in self.findings if self.matches(f)]
        if self.sort != "position":
            rows.sort(key=self._sort_key)
        if self.reverse:
            rows.reverse()
        return rows

    def _sort_key(self, f: Finding) -> tuple:
        text = self.report.article.text
        st = f.statement
        index = self._index[f.id]
        match self.sort:
            case "source":
                key: object = st.source.name.lower() if st else "\uffff"
            case "type":
                key = self.source_type(f) or "\uffff"
            case "kind":
                key = "flag" if f.is_flag else st.kind.value if st else ""
            case "cue":
                key = st.cue_text.lower() if st else "\uffff"
            case "content":
                key = (f.flag.text if f.flag else st.content_text(text) if st else "").lower()
            case "flags":
                flags = self.flags(f)
                key = (-max((x.severity.rank for x in flags), default=-1), -len(flags))
            case "corroboration":
                status = self.status(f)
                key = STATUS_ORDER.index(status) if status else len(STATUS_ORDER)
            case "review":
                key = STATES.index(self.review(f).state)
            case _:
                key = 0
        return (key, index)

    def sort_by(self, column: str) -> None:
        """Sort by ``column``; asking again for the same column reverses the order."""
        if column not in SORTS:
            raise KeyError(column)
        if column == self.sort:
            self.reverse = not self.reverse
        else:
            self.sort, self.reverse = column, False

    # -- choices offered by the filter dialog ----------------------------------------
    def categories(self) -> list[str]:
        return sorted({flag.category for flag in self.report.flags})

    def source_types(self) -> list[str]:
        return sorted({st.source.type.value for st in self.report.statements})

    def statuses(self) -> list[str]:
        seen = {self.status(f) for f in self.findings if f.statement is not None}
        return [s for s in STATUS_ORDER if s in seen or s == UNCHECKED]

    # -- counts and the exported report ----------------------------------------------
    def reviewed(self) -> int:
        return sum(1 for f in self.findings if self.review(f).state != "open")

    def summary(self) -> Summary:
        """The summary with the verdicts in: what the header shows."""
        if self.rescore is None or not any(
                self.review(f).state is ReviewState.DISMISSED for f in self.findings):
            return self.report.summary
        return self.rescore(replace(self.report, verdicts=self.book.verdicts())).summary

    def exported(self) -> Report:
        """The report with this session's coverage results and the reviewer's verdicts."""
        order = {st.id: i for i, st in enumerate(self.report.statements)}
        corroborations = tuple(sorted(self.corroborations.values(),
                                      key=lambda c: order.get(c.statement, len(order))))
        report = replace(self.report, verdicts=self.book.verdicts())
        if self.rescore is not None:
            report = self.rescore(report)
        summary = report.summary
        if corroborations:
            summary = replace(summary, corroboration=corroboration_counts(corroborations))
        return replace(report, corroborations=corroborations, summary=summary,
                       coverage=tuple(self.coverage_pages))
